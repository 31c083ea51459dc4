/* plenary-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-preferences-window.h"
#include "plenary-spell-checker.h"
#include "plenary-user-phrases.h"

struct _PlenaryPreferencesWindow
{
#if ADW_CHECK_VERSION (1, 5, 0)
  AdwPreferencesDialog  parent_instance;
#else
  AdwPreferencesWindow  parent_instance;
#endif

  GSettings            *settings;

  AdwActionRow         *font_row;
  AdwComboRow          *language_row;
  AdwEntryRow          *body_row;
  AdwEntryRow          *author_row;
  AdwEntryRow          *delegation_row;
  AdwComboRow          *paper_row;
  GtkSwitch            *line_numbers_switch;
  AdwActionRow         *spell_check_row;
  GtkSwitch            *spell_check_switch;
  GtkSpinButton        *word_limit_spin;
  GtkSwitch            *numbered_headings_switch;
  GtkSwitch            *sources_list_switch;

  AdwComboRow          *phrase_language_row;
  AdwComboRow          *phrase_group_row;
  AdwEntryRow          *phrase_row;
  AdwEntryRow          *feminine_row;
  AdwEntryRow          *example_row;
  GtkButton            *add_phrase_button;
  AdwPreferencesGroup  *my_phrases_group;
  GPtrArray            *phrase_rows;
};

#if ADW_CHECK_VERSION (1, 5, 0)
G_DEFINE_FINAL_TYPE (PlenaryPreferencesWindow, plenary_preferences_window, ADW_TYPE_PREFERENCES_DIALOG)
#else
G_DEFINE_FINAL_TYPE (PlenaryPreferencesWindow, plenary_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)
#endif

/* Combo rows list choices in a fixed order; settings store their ids. */
static const char * const languages[] = { "fr", "en", NULL };
static const char * const paper_sizes[] = { "a4", "letter", NULL };

/* Spelling needs the system's hunspell dictionaries: say which are
 * missing rather than let the switch do nothing. */
static void
explain_missing_dictionaries (PlenaryPreferencesWindow *self)
{
  g_autoptr(PlenarySpellChecker) french = plenary_spell_checker_new ("fr");
  g_autoptr(PlenarySpellChecker) english = plenary_spell_checker_new ("en");
  const char *missing = NULL;
  g_autofree char *subtitle = NULL;

  if (!plenary_spell_checker_has_dictionary (french) && !plenary_spell_checker_has_dictionary (english))
    missing = _("No French or English dictionary is installed (hunspell-fr, hunspell-en-gb).");
  else if (!plenary_spell_checker_has_dictionary (french))
    missing = _("No French dictionary is installed (hunspell-fr).");
  else if (!plenary_spell_checker_has_dictionary (english))
    missing = _("No English dictionary is installed (hunspell-en-gb).");

  if (missing == NULL)
    return;

  subtitle = g_strdup_printf ("%s\n%s", adw_action_row_get_subtitle (self->spell_check_row), missing);
  adw_action_row_set_subtitle (self->spell_check_row, subtitle);
}

/* The word limit is a count; the spin button's value a double. */
static gboolean
uint_to_double (GValue   *value,
                GVariant *variant,
                gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant));
  return TRUE;
}

static GVariant *
double_to_uint (const GValue       *value,
                const GVariantType *expected_type,
                gpointer            user_data)
{
  return g_variant_new_uint32 ((guint32) CLAMP (g_value_get_double (value), 0, G_MAXUINT32));
}

static gboolean
id_to_position (GValue   *value,
                GVariant *variant,
                gpointer  user_data)
{
  const char * const *ids = user_data;
  const char *id = g_variant_get_string (variant, NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (g_str_equal (ids[i], id))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
position_to_id (const GValue       *value,
                const GVariantType *type,
                gpointer            user_data)
{
  const char * const *ids = user_data;
  guint position = g_value_get_uint (value);

  for (guint i = 0; ids[i] != NULL; i++)
    if (i == position)
      return g_variant_new_string (ids[i]);

  return NULL;
}

#if GTK_CHECK_VERSION (4, 10, 0)
static gboolean
string_to_font_desc (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  g_value_take_boxed (value, pango_font_description_from_string (g_variant_get_string (variant, NULL)));
  return TRUE;
}

static GVariant *
font_desc_to_string (const GValue       *value,
                     const GVariantType *type,
                     gpointer            user_data)
{
  const PangoFontDescription *desc = g_value_get_boxed (value);
  g_autofree char *str = desc != NULL ? pango_font_description_to_string (desc) : g_strdup ("");

  return g_variant_new_string (str);
}
#endif

static GtkWidget *
create_font_button (GSettings *settings)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  GtkWidget *button = gtk_font_dialog_button_new (gtk_font_dialog_new ());

  gtk_font_dialog_button_set_level (GTK_FONT_DIALOG_BUTTON (button), GTK_FONT_LEVEL_FONT);
  g_settings_bind_with_mapping (settings, "editor-font", button, "font-desc",
                                G_SETTINGS_BIND_DEFAULT,
                                string_to_font_desc, font_desc_to_string, NULL, NULL);
#else
  GtkWidget *button = gtk_font_button_new ();

  gtk_font_chooser_set_level (GTK_FONT_CHOOSER (button),
                              GTK_FONT_CHOOSER_LEVEL_FAMILY | GTK_FONT_CHOOSER_LEVEL_STYLE | GTK_FONT_CHOOSER_LEVEL_SIZE);
  g_settings_bind (settings, "editor-font", button, "font", G_SETTINGS_BIND_DEFAULT);
#endif

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

/* My phrases ----------------------------------------------------------- */

static const char *
phrase_language (PlenaryPreferencesWindow *self)
{
  return languages[MIN (adw_combo_row_get_selected (self->phrase_language_row), 1)];
}

static const char *
group_label (const char *group)
{
  if (g_strcmp0 (group, "preambular") == 0)
    return _("Preambular");
  if (g_strcmp0 (group, "closing") == 0)
    return _("Closing");
  return _("Operative");
}

static void show_error (PlenaryPreferencesWindow *self,
                        const GError             *error);
static void refresh_phrases (PlenaryPreferencesWindow *self);

/* prefs.remove-phrase ((group, phrase)): the trash button of a phrase. */
static void
remove_phrase_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PlenaryPreferencesWindow *self = PLENARY_PREFERENCES_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *group;
  const char *phrase;

  g_variant_get (param, "(&s&s)", &group, &phrase);

  if (!plenary_user_phrases_remove (phrase_language (self), group, phrase, &error))
    show_error (self, error);
  refresh_phrases (self);
}

static void
refresh_phrases (PlenaryPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) entries = NULL;
  guint n = 0;

  for (guint i = 0; i < self->phrase_rows->len; i++)
    adw_preferences_group_remove (self->my_phrases_group, g_ptr_array_index (self->phrase_rows, i));
  g_ptr_array_set_size (self->phrase_rows, 0);

  if ((entries = plenary_user_phrases_list (phrase_language (self), &error)))
    n = json_array_get_length (entries);
  else
    show_error (self, error);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      const char *phrase = entry ? json_object_get_string_member_with_default (entry, "phrase", NULL) : NULL;
      const char *group = entry ? json_object_get_string_member_with_default (entry, "group", "operative") : NULL;
      const char *example = entry ? json_object_get_string_member_with_default (entry, "example", "") : NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *remove;

      if (phrase == NULL)
        continue;

      subtitle = g_strdup_printf ("%s · %s", group_label (group), example);
      row = adw_action_row_new ();
      /* The user's own text: never markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), phrase);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (remove, _("Remove the Phrase"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove the Phrase"), -1);
      gtk_widget_add_css_class (remove, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "prefs.remove-phrase");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "(ss)", group, phrase);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      adw_preferences_group_add (self->my_phrases_group, row);
      g_ptr_array_add (self->phrase_rows, row);
    }

  adw_preferences_group_set_description (self->my_phrases_group,
                                         self->phrase_rows->len == 0 ? _("You have not added phrases for this language yet.") : NULL);
}

static void
show_error (PlenaryPreferencesWindow *self,
            const GError             *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  /* A toast's title is markup; the message may quote the user's text. */
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (self), adw_toast_new (escaped));
#else
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
#endif
}

static void
add_phrase_clicked (PlenaryPreferencesWindow *self)
{
  static const PlenaryPhraseGroup groups[] = {
    PLENARY_PHRASE_GROUP_PREAMBULAR, PLENARY_PHRASE_GROUP_OPERATIVE, PLENARY_PHRASE_GROUP_CLOSING,
  };
  g_autoptr(GError) error = NULL;
  guint group = MIN (adw_combo_row_get_selected (self->phrase_group_row), 2);

  if (!plenary_user_phrases_add (phrase_language (self), groups[group],
                                 gtk_editable_get_text (GTK_EDITABLE (self->phrase_row)),
                                 gtk_editable_get_text (GTK_EDITABLE (self->feminine_row)),
                                 gtk_editable_get_text (GTK_EDITABLE (self->example_row)),
                                 &error))
    {
      show_error (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->phrase_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->feminine_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->example_row), "");
  refresh_phrases (self);
}

static void
plenary_preferences_window_dispose (GObject *object)
{
  PlenaryPreferencesWindow *self = PLENARY_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->phrase_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (plenary_preferences_window_parent_class)->dispose (object);
}

static void
plenary_preferences_window_class_init (PlenaryPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plenary_preferences_window_dispose;

  gtk_widget_class_install_action (widget_class, "prefs.remove-phrase", "(ss)", remove_phrase_action);

#if ADW_CHECK_VERSION (1, 5, 0)
  {
    /* The pages are the same in a dialog; only the template's parent differs. */
    g_autoptr(GBytes) window_ui = g_resources_lookup_data ("/org/plenary/Plenary/plenary-preferences-window.ui", 0, NULL);
    g_autoptr(GString) ui = g_string_new_len (g_bytes_get_data (window_ui, NULL), g_bytes_get_size (window_ui));

    g_string_replace (ui, "parent=\"AdwPreferencesWindow\"", "parent=\"AdwPreferencesDialog\"", 1);
    gtk_widget_class_set_template (widget_class, g_string_free_to_bytes (g_steal_pointer (&ui)));
  }
#else
  gtk_widget_class_set_template_from_resource (widget_class, "/org/plenary/Plenary/plenary-preferences-window.ui");
#endif
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, font_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, body_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, delegation_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, line_numbers_switch);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, spell_check_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, spell_check_switch);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, word_limit_spin);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, numbered_headings_switch);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, sources_list_switch);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, phrase_language_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, phrase_group_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, phrase_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, feminine_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, example_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, add_phrase_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, my_phrases_group);

#if !ADW_CHECK_VERSION (1, 5, 0)
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
#endif
}

static void
plenary_preferences_window_init (PlenaryPreferencesWindow *self)
{
  GtkWidget *font_button;

  gtk_widget_init_template (GTK_WIDGET (self));
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_set_content_width (ADW_DIALOG (self), 560);
  adw_dialog_set_content_height (ADW_DIALOG (self), 620);
#else
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 620);
#endif

  self->settings = g_settings_new (APP_ID);

  font_button = create_font_button (self->settings);
  adw_action_row_add_suffix (self->font_row, font_button);
  adw_action_row_set_activatable_widget (self->font_row, font_button);

  g_settings_bind_with_mapping (self->settings, "drafting-language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, id_to_position, position_to_id,
                                (gpointer) languages, NULL);
  g_settings_bind_with_mapping (self->settings, "paper-size", self->paper_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, id_to_position, position_to_id,
                                (gpointer) paper_sizes, NULL);
  g_settings_bind (self->settings, "default-body", self->body_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "author-name", self->author_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "delegation", self->delegation_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "line-numbers", self->line_numbers_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "spell-check", self->spell_check_switch, "active", G_SETTINGS_BIND_DEFAULT);
  explain_missing_dictionaries (self);
  g_settings_bind_with_mapping (self->settings, "word-limit", self->word_limit_spin, "value",
                                G_SETTINGS_BIND_DEFAULT, uint_to_double, double_to_uint, NULL, NULL);
  g_settings_bind (self->settings, "numbered-headings", self->numbered_headings_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sources-list", self->sources_list_switch, "active", G_SETTINGS_BIND_DEFAULT);

  self->phrase_rows = g_ptr_array_new ();
  /* Phrases are added to the drafting language the user drafts in. */
  g_settings_bind_with_mapping (self->settings, "drafting-language", self->phrase_language_row, "selected",
                                G_SETTINGS_BIND_GET | G_SETTINGS_BIND_GET_NO_CHANGES, id_to_position, NULL,
                                (gpointer) languages, NULL);
  g_signal_connect_swapped (self->phrase_language_row, "notify::selected", G_CALLBACK (refresh_phrases), self);
  g_signal_connect_swapped (self->add_phrase_button, "clicked", G_CALLBACK (add_phrase_clicked), self);
  refresh_phrases (self);
}

PlenaryPreferencesWindow *
plenary_preferences_window_new (void)
{
  return g_object_new (PLENARY_TYPE_PREFERENCES_WINDOW, NULL);
}
