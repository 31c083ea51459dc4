/* test-accessibility.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every button that shows only an icon has a name a screen reader can say:
 * walks the widget tree of a real window with a draft, its sources and its
 * comments open, and of the dialogs the menus open.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "plenary-test-utils.h"
#include "plenary-user-phrases.h"
#include "plenary-window-private.h"

static PlenaryApplication *app;

/* Text a sighted user reads on the button, if any. */
static gboolean
shows_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child))
      return TRUE;
  return FALSE;
}

static gboolean
has_name (GtkWidget *widget)
{
  /* Not the labelled-by relation: GTK points every button at its own child. */
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* A button inside a menu or split button is named through it. */
static gboolean
named (GtkWidget *button)
{
  for (GtkWidget *w = button; w != NULL; w = gtk_widget_get_parent (w))
    {
      if (has_name (w))
        return TRUE;
      if (w != button && !GTK_IS_MENU_BUTTON (w) && !ADW_IS_SPLIT_BUTTON (w))
        break;
    }
  return has_name (gtk_widget_get_parent (button)) &&
         (GTK_IS_MENU_BUTTON (gtk_widget_get_parent (button)) ||
          ADW_IS_SPLIT_BUTTON (gtk_widget_get_parent (button)));
}

static void
describe (GtkWidget *widget,
          GString   *out)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *id = GTK_IS_BUILDABLE (w) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (w)) : NULL;

      g_string_append_printf (out, "%s%s%s%s", w == widget ? "" : " in ", G_OBJECT_TYPE_NAME (w),
                              id != NULL ? "#" : "", id != NULL ? id : "");
    }
}

static void
collect_unnamed (GtkWidget *widget,
                 GString   *unnamed,
                 guint     *n_buttons)
{
  if (!gtk_widget_get_visible (widget))
    return;
  /* Libraries' own: the window controls, the tabs' close buttons, spin
   * buttons' + and − and the entry rows' apply buttons, which one version
   * or another leaves unnamed. */
  if (GTK_IS_WINDOW_CONTROLS (widget) || ADW_IS_TAB_BAR (widget) || GTK_IS_SPIN_BUTTON (widget) ||
      (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), "apply_button") == 0 &&
       gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW) != NULL))
    return;

  if (GTK_IS_BUTTON (widget) && !shows_text (widget))
    {
      (*n_buttons)++;
      if (!named (widget))
        {
          describe (widget, unnamed);
          g_string_append_c (unnamed, '\n');
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed, n_buttons);
}

static guint
assert_all_named (GtkWidget *root)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);
  guint n_buttons = 0;

  collect_unnamed (root, unnamed, &n_buttons);
  if (unnamed->len > 0)
    g_error ("Icon-only buttons without an accessible name:\n%s", unnamed->str);
  return n_buttons;
}

static gboolean
has_comments (gpointer data)
{
  PlenaryWindow *window = data;

  return plenary_split_view_get_show_sidebar (window->comments_flap);
}

static void
test_window (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PLENARY_SOURCE_ROOT"), "data", "screenshots",
                                            "sample.plenary.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryDocument *document;
  guint n_buttons;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  plenary_application_open_file (app, window, file);
  document = plenary_window_get_visible_document (window);
  g_assert_nonnull (document);
  plenary_test_spin_until (plenary_test_document_idle, document);
  plenary_split_view_set_show_sidebar (window->side_flap, TRUE);
  plenary_split_view_set_show_sidebar (window->comments_flap, TRUE);
  plenary_test_spin_until (has_comments, window);
  plenary_test_spin (300);

  /* The header bar, the side panel's source rows (their menus), the comment
   * cards (resolve, delete) and the panels' own buttons. */
  n_buttons = assert_all_named (GTK_WIDGET (window));
  g_assert_cmpuint (n_buttons, >=, 8);

  /* What is hidden until asked for: a source's reading pane, the search
   * bar with its replace row, the header form. */
  {
    GtkWidget *page = GTK_WIDGET (plenary_window_get_visible_page (window));
    g_autoptr(PlenarySource) source = g_list_model_get_item (G_LIST_MODEL (plenary_draft_get_sources (plenary_document_get_draft (document))), 0);

    g_assert_nonnull (source);
    plenary_sources_panel_open_source (window->sources_panel, source, -1, -1);
    g_assert_true (gtk_widget_activate_action (page, "page.replace", NULL));
    gtk_expander_set_expanded (GTK_EXPANDER (plenary_test_find_child (page, GTK_TYPE_EXPANDER)), TRUE);
    plenary_test_spin (300);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (plenary_sources_panel_get_viewer (window->sources_panel))));
    g_assert_cmpuint (assert_all_named (GTK_WIDGET (window)), >=, n_buttons + 5);
  }

  /* The preferences, opened from the menu, with a phrase of the user's
   * (its row has a remove button). */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_string (settings, "drafting-language", "fr");
    plenary_user_phrases_add ("fr", PLENARY_PHRASE_GROUP_PREAMBULAR, "Notant avec intérêt", "", "", &error);
    g_assert_no_error (error);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL);
  plenary_test_spin (300);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

        assert_all_named (toplevel);
      }
  }

  g_assert_true (plenary_user_phrases_remove ("fr", "preambular", "Notant avec intérêt", NULL));
  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  plenary_test_spin (50);
}

/* The main menu's Keyboard Shortcuts item has its action: libadwaita 1.8
 * installs app.shortcuts for its own dialog, Plenary does before it.
 * (Not opened here: GtkShortcutsWindow's labels make GTK warn under Xvfb.) */
static void
test_shortcuts (void)
{
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "shortcuts"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "shortcuts"));
}

static gboolean
about_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget **about = data;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && *about == NULL; i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

#if ADW_CHECK_VERSION (1, 5, 0)
      *about = plenary_test_find_child (toplevel, ADW_TYPE_ABOUT_DIALOG);
#else
      *about = plenary_test_find_child (toplevel, ADW_TYPE_ABOUT_WINDOW);
#endif
    }
  return *about != NULL;
}

/* About, from the main menu: on libadwaita 1.5 an AdwAboutDialog read from
 * the metainfo, whose release notes "What's New" shows. */
static void
test_about (void)
{
  PlenaryWindow *window = plenary_application_new_window (app);
  GtkWidget *about = NULL;

  plenary_test_spin (50);
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  plenary_test_spin_until (about_shown, &about);
#if ADW_CHECK_VERSION (1, 5, 0)
  g_assert_cmpstr (adw_about_dialog_get_version (ADW_ABOUT_DIALOG (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_dialog_get_application_name (ADW_ABOUT_DIALOG (about)), ==, "Plenary");
  g_assert_cmpstr (adw_about_dialog_get_developer_name (ADW_ABOUT_DIALOG (about)), ==, "The Plenary developers");
  g_assert_cmpint (adw_about_dialog_get_license_type (ADW_ABOUT_DIALOG (about)), ==, GTK_LICENSE_GPL_3_0);
  g_assert_nonnull (strstr (adw_about_dialog_get_release_notes (ADW_ABOUT_DIALOG (about)), "first release of Plenary"));
  g_assert_cmpstr (adw_about_dialog_get_release_notes_version (ADW_ABOUT_DIALOG (about)), ==, PACKAGE_VERSION);
  plenary_dialog_close (about);
#else
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  gtk_window_destroy (GTK_WINDOW (about));
#endif
  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  plenary_test_spin (50);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = plenary_test_init (&argc, &argv);
  g_test_add_func ("/accessibility/icon-buttons-named", test_window);
  g_test_add_func ("/accessibility/shortcuts", test_shortcuts);
  g_test_add_func ("/dialogs/about", test_about);
  ret = plenary_test_run (app);
  return ret;
}
