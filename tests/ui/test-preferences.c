/* test-preferences.c: the Preferences window, and phrases of one's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plenary-test-utils.h"
#include "plenary-preferences-window.h"
#include "plenary-user-phrases.h"

static PlenaryApplication *app;

static GtkWidget *
child (GtkWidget  *window,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (window, PLENARY_TYPE_PREFERENCES_WINDOW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

/* The length of the phrase the dictionary recognises at the start of LINE. */
static gsize
phrase_length (const char *language,
               const char *line)
{
  PlenaryPhraseMatch match;

  if (!plenary_phrase_dictionary_match (plenary_phrase_dictionary_get_default (language), line, &match))
    return 0;
  return match.length;
}

static void
test_settings_rows (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window = GTK_WIDGET (plenary_preferences_window_new ());

  plenary_dialog_present (window, NULL);
  plenary_test_spin (30);

  /* Rows write the settings the rest of the app reads. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (window, "language_row")), 1);
  g_assert_cmpstr (g_settings_get_string (settings, "drafting-language"), ==, "en");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (window, "paper_row")), 1);
  g_assert_cmpint (g_settings_get_enum (settings, "paper-size"), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (child (window, "author_row")), "Amina Diallo");
  {
    g_autofree char *author = g_settings_get_string (settings, "author-name");
    g_assert_cmpstr (author, ==, "Amina Diallo");
  }
  /* Proposals are made in the delegation's name: the row and the setting
   * follow each other. */
  gtk_editable_set_text (GTK_EDITABLE (child (window, "delegation_row")), "Union européenne");
  {
    g_autofree char *delegation = g_settings_get_string (settings, "delegation");
    g_assert_cmpstr (delegation, ==, "Union européenne");
  }
  g_settings_set_string (settings, "delegation", "Brésil");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (window, "delegation_row"))), ==, "Brésil");
  g_settings_reset (settings, "delegation");
  gtk_editable_set_text (GTK_EDITABLE (child (window, "body_row")), "Conseil de sécurité");
  {
    g_autofree char *body = g_settings_get_string (settings, "default-body");
    g_assert_cmpstr (body, ==, "Conseil de sécurité");
  }

  g_settings_reset (settings, "drafting-language");
  g_settings_reset (settings, "paper-size");
  plenary_dialog_close (window);
  plenary_test_spin (30);
}

static void
test_own_phrase (void)
{
  GtkWidget *window = GTK_WIDGET (plenary_preferences_window_new ());
  g_autoptr(GFile) file = plenary_user_phrases_get_file ("fr");
  g_autofree char *contents = NULL;
  AdwPreferencesGroup *mine;

  /* A clean start, whatever an interrupted run left. */
  g_file_delete (file, NULL, NULL);
  plenary_phrase_dictionary_clear_cache ();

  plenary_dialog_present (window, NULL);
  plenary_test_spin (30);

  g_assert_cmpuint (phrase_length ("fr", "Se réjouissant chaleureusement de la tenue du sommet,"), <,
                    strlen ("Se réjouissant chaleureusement de"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (child (window, "phrase_language_row")), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (window, "phrase_group_row")), 0);
  gtk_editable_set_text (GTK_EDITABLE (child (window, "phrase_row")), "Se réjouissant chaleureusement de");
  gtk_editable_set_text (GTK_EDITABLE (child (window, "example_row")), "Se réjouissant chaleureusement de la tenue du sommet,");
  g_signal_emit_by_name (child (window, "add_phrase_button"), "clicked");
  plenary_test_spin (30);

  /* Stored in the user's data folder, in the documented format… */
  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"phrase\" : \"Se réjouissant chaleureusement de\"") ?:
                    strstr (contents, "\"phrase\": \"Se réjouissant chaleureusement de\""));
  g_assert_nonnull (strstr (contents, "\"group\" : \"preambular\"") ?: strstr (contents, "\"group\": \"preambular\""));
  /* …recognised at once, as one phrase (the longest match)… */
  {
    PlenaryPhraseMatch match;
    const char *line = "Se réjouissant chaleureusement de la tenue du sommet,";

    g_assert_true (plenary_phrase_dictionary_match (plenary_phrase_dictionary_get_default ("fr"), line, &match));
    g_assert_cmpuint (match.length, ==, strlen ("Se réjouissant chaleureusement de"));
    g_assert_cmpint (match.group, ==, PLENARY_PHRASE_GROUP_PREAMBULAR);
  }
  /* …and listed, with a way to remove it. */
  mine = ADW_PREFERENCES_GROUP (child (window, "my_phrases_group"));
  g_assert_cmpstr (adw_preferences_group_get_description (mine) ?: "", ==, "");

  g_assert_true (plenary_user_phrases_remove ("fr", "preambular", "Se réjouissant chaleureusement de", NULL));
  g_assert_cmpuint (phrase_length ("fr", "Se réjouissant chaleureusement de la tenue du sommet,"), <,
                    strlen ("Se réjouissant chaleureusement de"));

  plenary_dialog_close (window);
  plenary_test_spin (30);
}

int
main (int   argc,
      char *argv[])
{
  app = plenary_test_init (&argc, &argv);

  g_test_add_func ("/preferences/settings", test_settings_rows);
  g_test_add_func ("/preferences/own-phrase", test_own_phrase);

  return plenary_test_run (app);
}
