/* test-window.c: the real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <unistd.h>

#include "plenary-test-utils.h"
#include "plenary-draft-codec.h"
#include "plenary-draft-file.h"
#include "plenary-revisions-panel.h"
#include "plenary-window-private.h"

static PlenaryApplication *app;

static gboolean
document_saved (gpointer data)
{
  return !plenary_document_get_busy (data) && !plenary_document_get_modified (data);
}

static GFile *
write_fixture (const char *name)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(PlenaryBody) body = plenary_body_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plenary-ui-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_no_error (error);
  plenary_body_set_opening (body, "L'Assemblée générale,");
  plenary_body_append (body, plenary_paragraph_new (PLENARY_ROLE_PREAMBULAR, "Considérant",
                                                    "que la coopération Sud-Sud progresse,"));
  plenary_body_append (body, plenary_paragraph_new (PLENARY_ROLE_OPERATIVE, "Décide",
                                                    "de rester saisie de la question."));
  plenary_draft_set_body (draft, body);
  plenary_metadata_set_string (plenary_draft_get_metadata (draft), "forum", "Conseil économique et social");

  g_assert_true (plenary_draft_save (draft, file, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&file);
}

static PlenaryWindow *
new_window (void)
{
  PlenaryWindow *window = plenary_application_new_window (app);
  plenary_test_spin (50);
  return window;
}

static void
close_window_discarding (PlenaryWindow *window)
{
  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  plenary_test_spin (50);
}

static PlenaryDocument *
open_and_wait (PlenaryWindow *window,
               GFile         *file)
{
  PlenaryDocument *document;

  plenary_application_open_file (app, window, file);
  document = plenary_window_get_visible_document (window);
  g_assert_nonnull (document);
  plenary_test_spin_until (plenary_test_document_idle, document);
  plenary_test_spin (50);

  return document;
}

static void
test_open_shows_text (void)
{
  g_autoptr(GFile) file = write_fixture ("Coopération.plenary.json");
  PlenaryWindow *window = new_window ();
  PlenaryDocument *document = open_and_wait (window, file);
  g_autofree char *text = plenary_test_buffer_text (document);

  g_assert_nonnull (strstr (text, "L'Assemblée générale,"));
  g_assert_nonnull (strstr (text, "Considérant que la coopération Sud-Sud progresse,"));
  g_assert_nonnull (strstr (text, "Décide de rester saisie de la question."));
  g_assert_false (plenary_document_get_modified (document));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Coopération — Plenary");

  /* Opening it again focuses the same tab instead of a second copy. */
  plenary_application_open_file (app, window, file);
  plenary_test_spin (50);
  g_assert_cmpint (adw_tab_view_get_n_pages (window->tab_view), ==, 1);

  close_window_discarding (window);
}

static void
test_edit_marks_modified_and_save_writes_json (void)
{
  g_autoptr(GFile) file = write_fixture ("Marqueur.plenary.json");
  PlenaryWindow *window = new_window ();
  PlenaryDocument *document = open_and_wait (window, file);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (document));
  g_autoptr(PlenaryDraft) saved = NULL;
  g_autoptr(GError) error = NULL;
  PlenaryBody *body;
  PlenaryParagraph *last;
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nPrie le Secrétaire général de lui faire rapport.", -1);
  plenary_test_spin (50);

  g_assert_true (plenary_document_get_modified (document));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Marqueur — Plenary");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  plenary_test_spin_until (document_saved, document);
  plenary_test_spin (50);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Marqueur — Plenary");

  saved = plenary_draft_load (file, NULL, &error);
  g_assert_no_error (error);
  body = plenary_draft_get_body (saved);
  g_assert_cmpuint (body->paragraphs->len, ==, 3);
  last = g_ptr_array_index (body->paragraphs, 2);
  g_assert_cmpint (last->role, ==, PLENARY_ROLE_OPERATIVE);
  g_assert_cmpstr (last->phrase, ==, "Prie");
  g_assert_cmpstr (last->text, ==, "le Secrétaire général de lui faire rapport.");
  g_assert_cmpstr (plenary_metadata_get_string (plenary_draft_get_metadata (saved), "forum"), ==,
                   "Conseil économique et social");

  close_window_discarding (window);
}

/* Every save keeps the version it replaces; Previous Versions lists them
 * in the main menu and restores one, which Save then writes. */
static void
test_previous_versions (void)
{
  g_autoptr(GFile) file = write_fixture ("Versions.plenary.json");
  PlenaryWindow *window = new_window ();
  PlenaryDocument *document = open_and_wait (window, file);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (document));
  g_autofree char *original = NULL;
  g_autofree char *after = NULL;
  g_autofree char *path = NULL;
  g_autofree char *label = NULL;
  GtkTextIter end;

  g_assert_true (g_file_load_contents (file, NULL, &original, NULL, NULL, NULL));
  g_assert_cmpuint (g_menu_model_get_n_items (G_MENU_MODEL (window->versions_section)), ==, 1);
  g_assert_false (g_menu_model_get_item_attribute (G_MENU_MODEL (window->versions_section), 0,
                                                   G_MENU_ATTRIBUTE_TARGET, "s", &path));

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nPrie le Secrétaire général de lui faire rapport.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  plenary_test_spin_until (document_saved, document);
  plenary_test_spin (50);

  /* The menu lists the version that was replaced, by the time it was saved. */
  g_assert_cmpuint (g_menu_model_get_n_items (G_MENU_MODEL (window->versions_section)), ==, 1);
  g_assert_true (g_menu_model_get_item_attribute (G_MENU_MODEL (window->versions_section), 0,
                                                  G_MENU_ATTRIBUTE_TARGET, "s", &path));
  g_assert_true (g_menu_model_get_item_attribute (G_MENU_MODEL (window->versions_section), 0,
                                                  G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_true (g_str_has_prefix (label, "Saved "));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-version", "s", path));
  plenary_test_spin (50);
  g_assert_true (plenary_document_get_modified (document));
  {
    g_autofree char *text = NULL;
    GtkTextIter start;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_null (strstr (text, "lui faire rapport"));
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  plenary_test_spin_until (document_saved, document);
  g_assert_true (g_file_load_contents (file, NULL, &after, NULL, NULL, NULL));
  g_assert_null (strstr (after, "lui faire rapport"));
  g_assert_nonnull (strstr (after, "rester saisie de la question."));
  g_assert_nonnull (strstr (original, "rester saisie de la question."));

  close_window_discarding (window);
}

/* Opening a draft written by a newer or other program and saving it again
 * changes nothing, unknown members included. */
static void
test_open_save_keeps_bytes (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "model", "data", "unknown-fields.plenary.json", NULL);
  g_autofree char *original = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plenary-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Inconnu.plenary.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gsize length;
  PlenaryWindow *window;
  PlenaryDocument *document;

  /* Text the parser cannot place would become an operative paragraph in
   * the editor, and saving refreshes annotation anchors from the text (the
   * fixture's are made up): leave both out, this is about what the file
   * carries around them. */
  {
    g_autoptr(GFile) source = g_file_new_for_path (fixture);
    g_autoptr(PlenaryDraft) draft = plenary_draft_load (source, NULL, NULL);
    GPtrArray *paragraphs = plenary_draft_get_body (draft)->paragraphs;
    g_autoptr(GBytes) bytes = NULL;

    for (guint i = paragraphs->len; i > 0; i--)
      if (((PlenaryParagraph *) g_ptr_array_index (paragraphs, i - 1))->role == PLENARY_ROLE_PARAGRAPH)
        g_ptr_array_remove_index (paragraphs, i - 1);
    g_list_store_remove_all (plenary_draft_get_annotations (draft));
    bytes = plenary_draft_codec_encode (draft);
    original = g_strndup (g_bytes_get_data (bytes, &length), g_bytes_get_size (bytes));
    g_assert_nonnull (strstr (original, "\"x_vote\""));
    g_assert_nonnull (strstr (original, "\"x_numbering\""));
    g_assert_true (g_file_set_contents (path, original, length, NULL));
  }

  window = new_window ();
  document = open_and_wait (window, file);

  /* Save even though nothing changed, as a user pressing Ctrl+S does. */
  plenary_document_set_modified (document, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  plenary_test_spin_until (document_saved, document);

  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_cmpstr (saved, ==, original);

  close_window_discarding (window);
}

static void
test_close_with_changes_asks (void)
{
  g_autoptr(GFile) file = write_fixture ("Question.plenary.json");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  PlenaryWindow *window = new_window ();
  PlenaryDocument *document = open_and_wait (window, file);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (document));
  PlenaryAlert *dialog;
  GtkTextIter start;

  g_assert_true (g_file_load_contents (file, NULL, &before, NULL, NULL, NULL));

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_insert (buffer, &start, "Rappelant ses résolutions,\n", -1);
  plenary_test_spin (50);

  gtk_window_close (GTK_WINDOW (window));
  plenary_test_spin (50);

  dialog = plenary_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (plenary_alert_get_heading (dialog), ==, "Save Changes?");
  g_assert_nonnull (strstr (plenary_alert_get_body (dialog), "Question"));
  g_assert_true (plenary_alert_has_response (dialog, "save"));
  g_assert_true (plenary_alert_has_response (dialog, "discard"));

  /* Cancel keeps the window and the changes. */
  plenary_test_respond (dialog, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (plenary_document_get_modified (document));

  /* Discard closes without touching the file. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  plenary_test_spin (50);
  dialog = plenary_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  plenary_test_respond (dialog, "discard");
  g_assert_null (window);

  g_assert_true (g_file_load_contents (file, NULL, &after, NULL, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
}

static void
close_file_choosers (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i - 1);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        gtk_window_close (GTK_WINDOW (window));
    }
  plenary_test_spin (50);
}

static void
test_refused_file_is_reported_and_kept (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plenary-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Cassé.plenary.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *broken = "{\n  \"format\": \"plenary-draft\",\n  \"version\": 1,\n  \"kind\": ,\n}\n";
  g_autofree char *after = NULL;
  PlenaryWindow *window = new_window ();
  PlenaryDocument *document;
  GtkRevealer *banner;
  GtkLabel *label;

  g_assert_true (g_file_set_contents (path, broken, -1, NULL));

  plenary_application_open_file (app, window, file);
  document = plenary_window_get_visible_document (window);
  plenary_test_spin_until (plenary_test_document_idle, document);
  plenary_test_spin (50);

  /* The page says why, in its banner, and offers to close. */
  g_assert_nonnull (plenary_document_get_error (document));
  g_assert_null (plenary_test_find_message_dialog ());
  banner = GTK_REVEALER (plenary_test_find_child (GTK_WIDGET (plenary_window_get_visible_page (window)), GTK_TYPE_REVEALER));
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  label = GTK_LABEL (plenary_test_find_child (GTK_WIDGET (banner), GTK_TYPE_LABEL));
  g_assert_nonnull (strstr (gtk_label_get_label (label), "Cassé"));
  g_assert_nonnull (strstr (gtk_label_get_label (label), "line 4, column 11"));

  /* Ctrl+S does not write an empty draft over the file: it asks where. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  plenary_test_spin (100);
  g_assert_true (g_file_load_contents (file, NULL, &after, NULL, NULL, NULL));
  g_assert_cmpstr (after, ==, broken);
  g_clear_pointer (&after, g_free);
  close_file_choosers ();

  /* Its Close button closes the tab; the file is as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plenary_window_get_visible_page (window)),
                                             "win.close-page", NULL));
  plenary_test_spin (50);
  g_assert_cmpint (adw_tab_view_get_n_pages (window->tab_view), ==, 0);
  g_assert_true (g_file_load_contents (file, NULL, &after, NULL, NULL, NULL));
  g_assert_cmpstr (after, ==, broken);

  close_window_discarding (window);
}

/* A pipe or a device given to Open (or dropped) is refused with a
 * message; the window, and every other one, stays. */
static void
test_open_device_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plenary-ui-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "tube.txt", NULL);
  g_autofree char *zero = g_build_filename (dir, "zero.plenary.json", NULL);
  const char *paths[] = { fifo, zero };
  PlenaryWindow *window = new_window ();

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      PlenaryDocument *document;
      PlenaryPage *page;
      GtkLabel *label;

      /* Refused in the page's banner, which offers to close the tab. */
      plenary_application_open_file (app, window, file);
      document = plenary_window_get_visible_document (window);
      page = plenary_window_get_visible_page (window);
      plenary_test_spin_until (plenary_test_document_idle, document);
      plenary_test_spin (50);
      g_assert_nonnull (plenary_document_get_error (document));
      label = GTK_LABEL (plenary_test_find_child (plenary_test_find_child (GTK_WIDGET (page), GTK_TYPE_REVEALER),
                                                  GTK_TYPE_LABEL));
      g_assert_nonnull (strstr (gtk_label_get_label (label), "not a regular file"));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "win.close-page", NULL));
      plenary_test_spin (50);
      g_assert_cmpint (adw_tab_view_get_n_pages (window->tab_view), ==, 0);
    }

  g_unlink (fifo);
  g_unlink (zero);
  g_rmdir (dir);
  close_window_discarding (window);
}

static GtkWidget *
find_visible_button (GtkWidget  *widget,
                     const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_is_visible (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_visible_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
no_tab (gpointer window)
{
  return adw_tab_view_get_n_pages (((PlenaryWindow *) window)->tab_view) == 0;
}

/* Opening a large text shows a banner with Cancel: it stops the import
 * and closes the tab, without an error. */
static void
test_cancel_opening (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plenary-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Très long.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) text = g_string_new ("L'Assemblée générale,\n");
  g_autoptr(GError) error = NULL;
  PlenaryWindow *window = new_window ();
  GtkWidget *cancel;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, "%u. Prie le Secrétaire général de faire rapport ;\n", i + 1);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  plenary_application_open_file (app, window, file);
  /* At once, before the main loop can deliver the import. */
  cancel = find_visible_button (GTK_WIDGET (window), "_Cancel");
  g_assert_nonnull (cancel);
  g_signal_emit_by_name (cancel, "clicked");
  plenary_test_spin_until (no_tab, window);
  plenary_test_spin (50);
  g_assert_null (plenary_test_find_message_dialog ());

  g_unlink (path);
  g_rmdir (dir);
  close_window_discarding (window);
}

static GtkLabel *
find_label_with_text (GtkWidget  *widget,
                      const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_with_text (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
toast_shown (gpointer window)
{
  return find_label_with_text (window, "Exported “Rapport R&D <final>.pdf”") != NULL;
}

/* A toast's title is markup: a file name with "&" or "<" showed nothing. */
static void
test_toast_shows_names_as_text (void)
{
  PlenaryWindow *window = new_window ();

  plenary_window_show_toast (window, "Exported “Rapport R&D <final>.pdf”");
  plenary_test_spin_until (toast_shown, window);
  close_window_discarding (window);
}

static gboolean
document_not_busy_and_dialog (gpointer data)
{
  return !plenary_document_get_busy (data) && plenary_test_find_message_dialog () != NULL;
}

/* The folder of the draft disappears (a USB stick pulled out) and a file
 * takes its name: saving fails, says so, and the draft stays modified. */
static void
test_failed_save_keeps_changes (void)
{
  g_autoptr(GFile) file = write_fixture ("Clé.plenary.json");
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autofree char *file_path = g_file_get_path (file);
  PlenaryWindow *window = new_window ();
  PlenaryDocument *document = open_and_wait (window, file);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (document));
  PlenaryAlert *dialog;
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nInvite les États à agir.", -1);

  g_assert_cmpint (g_unlink (file_path), ==, 0);
  g_assert_cmpint (g_rmdir (folder_path), ==, 0);
  g_assert_true (g_file_set_contents (folder_path, "not a folder", -1, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  plenary_test_spin_until (document_not_busy_and_dialog, document);

  dialog = plenary_test_find_message_dialog ();
  g_assert_nonnull (strstr (plenary_alert_get_heading (dialog), "Clé"));
  g_assert_true (plenary_document_get_modified (document));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Clé — Plenary");
  plenary_test_respond (dialog, "close");

  close_window_discarding (window);
}

/* A text file dropped on the drafts is imported, never overwritten. */
static void
test_drop_imports_text (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plenary-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Projet.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) controllers = NULL;
  GSList *files = g_slist_prepend (NULL, file);
  GValue value = G_VALUE_INIT;
  PlenaryWindow *window = new_window ();
  PlenaryDocument *document;
  GtkDropTarget *drop = NULL;
  g_autofree char *text = NULL;
  gboolean handled = FALSE;

  g_assert_true (g_file_set_contents (path,
                                      "L'Assemblée générale,\n\n"
                                      "Rappelant ses résolutions antérieures,\n\n"
                                      "1. Prie le Secrétaire général de faire rapport.\n", -1, NULL));

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window->content_stack));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        drop = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (drop);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &handled);
  g_value_unset (&value);
  g_slist_free (files);
  g_assert_true (handled);

  document = plenary_window_get_visible_document (window);
  g_assert_nonnull (document);
  plenary_test_spin_until (plenary_test_document_idle, document);
  text = plenary_test_buffer_text (document);
  g_assert_cmpstr (text, ==, "L'Assemblée générale,\nRappelant ses résolutions antérieures,\nPrie le Secrétaire général de faire rapport.");
  g_assert_null (plenary_document_get_file (document));
  g_assert_cmpstr (plenary_document_get_title (document), ==, "Projet");

  close_window_discarding (window);
}

static gboolean
recent_menu_has (gpointer data)
{
  PlenaryWindow *window = data;
  guint n = g_menu_model_get_n_items (G_MENU_MODEL (window->recent_section));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = NULL;

      if (g_menu_model_get_item_attribute (G_MENU_MODEL (window->recent_section), i, "label", "s", &label) &&
          g_str_equal (label, "Récent.plenary.json"))
        return TRUE;
    }

  return FALSE;
}

/* An opened draft shows up in Open Recent, in this and new windows. */
static void
test_recent_files (void)
{
  g_autoptr(GFile) file = write_fixture ("Récent.plenary.json");
  PlenaryWindow *window = new_window ();
  PlenaryWindow *other;

  open_and_wait (window, file);
  plenary_test_spin_until (recent_menu_has, window);

  other = new_window ();
  g_assert_true (recent_menu_has (other));

  close_window_discarding (other);
  close_window_discarding (window);
}

/* The next window opens at the size the last one had, with its panels. */
static void
test_window_state_restored (void)
{
  PlenaryWindow *window = new_window ();
  PlenaryWindow *next;
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 650);
  plenary_split_view_set_show_sidebar (window->comments_flap, FALSE);
  plenary_test_spin (50);
  gtk_window_close (GTK_WINDOW (window));
  plenary_test_spin (50);

  next = new_window ();
  gtk_window_get_default_size (GTK_WINDOW (next), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 650);
  g_assert_false (plenary_split_view_get_show_sidebar (next->comments_flap));
  g_assert_true (plenary_split_view_get_show_sidebar (next->side_flap));

  plenary_split_view_set_show_sidebar (next->comments_flap, TRUE);
  close_window_discarding (next);
}

/* A passage selected in the source viewer is cited into the draft at the
 * cursor (Ctrl+Shift+C), or highlighted. */
static void
test_cite_and_highlight_from_viewer (void)
{
  PlenaryWindow *window = new_window ();
  PlenaryDocument *document;
  PlenaryDraft *draft;
  PlenarySource *source;
  GListModel *annotations;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  g_autofree char *text = NULL;
  const char *source_text;
  const char *found;
  gint64 start;

  plenary_application_open_sample (app, window);
  plenary_test_spin (50);
  document = plenary_window_get_visible_document (window);
  draft = plenary_document_get_draft (document);
  annotations = G_LIST_MODEL (plenary_draft_get_annotations (draft));
  source = g_list_model_get_item (G_LIST_MODEL (plenary_draft_get_sources (draft)), 0);
  g_object_unref (source);

  /* Without a passage selected, Ctrl+Shift+C explains what to do. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cite", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 0);

  source_text = plenary_source_get_text (source);
  found = strstr (source_text, "coopération Sud-Sud et triangulaire");
  g_assert_nonnull (found);
  start = g_utf8_pointer_to_offset (source_text, found);
  plenary_sources_panel_open_source (window->sources_panel, source, start,
                                     start + g_utf8_strlen ("coopération Sud-Sud et triangulaire", -1));
  plenary_test_spin (50);

  buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (document));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nPrend note de ", -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cite", NULL));
  plenary_test_spin (50);
  text = plenary_test_buffer_text (document);
  g_assert_true (g_str_has_suffix (text, "Prend note de «\u00a0coopération Sud-Sud et triangulaire\u00a0»"));
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 1);
  {
    g_autoptr(PlenaryAnnotation) citation = g_list_model_get_item (annotations, 0);

    g_assert_cmpint (plenary_annotation_get_kind (citation), ==, PLENARY_ANNOTATION_CITATION);
    g_assert_cmpstr (plenary_annotation_get_source_anchor (citation)->target, ==, plenary_source_get_id (source));
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.highlight", "s", "green"));
  plenary_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 2);
  {
    g_autoptr(PlenaryAnnotation) highlight = g_list_model_get_item (annotations, 1);

    g_assert_cmpint (plenary_annotation_get_kind (highlight), ==, PLENARY_ANNOTATION_HIGHLIGHT);
    g_assert_cmpstr (plenary_annotation_get_category (highlight), ==, "green");
    g_assert_cmpstr (plenary_annotation_get_anchor (highlight)->exact, ==, "coopération Sud-Sud et triangulaire");
  }

  /* Save, reopen: the quote, its citation and the source are all there. */
  {
    g_autofree char *dir = g_dir_make_tmp ("plenary-ui-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "Cité.plenary.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *reopened_text = NULL;
    PlenaryWindow *other;
    PlenaryDocument *reopened;
    PlenaryDraft *reopened_draft;
    GtkTextIter quote;
    GtkTextTag *cited;
    guint n_citations = 0;

    plenary_document_save_async (document, file, TRUE, NULL, NULL, NULL);
    plenary_test_spin_until (document_saved, document);
    /* A file already open would only be focused: close it first. */
    close_window_discarding (window);

    other = new_window ();
    reopened = open_and_wait (other, file);
    reopened_draft = plenary_document_get_draft (reopened);
    reopened_text = plenary_test_buffer_text (reopened);
    g_assert_true (g_str_has_suffix (reopened_text, "Prend note de «\u00a0coopération Sud-Sud et triangulaire\u00a0»"));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plenary_draft_get_sources (reopened_draft))), ==, 4);
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (plenary_draft_get_annotations (reopened_draft))); i++)
      {
        g_autoptr(PlenaryAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (plenary_draft_get_annotations (reopened_draft)), i);

        if (plenary_annotation_get_kind (annotation) == PLENARY_ANNOTATION_CITATION)
          {
            n_citations++;
            g_assert_false (plenary_annotation_get_orphan (annotation));
            g_assert_cmpstr (plenary_annotation_get_source_anchor (annotation)->target, ==, plenary_source_get_id (source));
          }
      }
    g_assert_cmpuint (n_citations, ==, 1);

    /* The marker is styled in the editor. */
    cited = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (plenary_document_get_buffer (reopened))),
                                       PLENARY_ANNOTATIONS_TAG_CITATION);
    g_assert_nonnull (cited);
    gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (plenary_document_get_buffer (reopened)), &quote);
    gtk_text_iter_backward_chars (&quote, 3);
    g_assert_true (gtk_text_iter_has_tag (&quote, cited));

    close_window_discarding (other);
  }
}

static void
test_sample_has_sources (void)
{
  PlenaryWindow *window = new_window ();
  PlenaryDocument *document;
  GListModel *sources;
  g_autofree char *text = NULL;

  plenary_application_open_sample (app, window);
  plenary_test_spin (50);

  document = plenary_window_get_visible_document (window);
  g_assert_nonnull (document);
  text = plenary_test_buffer_text (document);
  g_assert_true (g_str_has_prefix (text, "L'Assemblée générale,\n"));
  g_assert_nonnull (strstr (text, "Considérant que l'intelligence artificielle"));

  sources = G_LIST_MODEL (plenary_draft_get_sources (plenary_document_get_draft (document)));
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 4);
  g_assert_true (plenary_sources_panel_get_document (window->sources_panel) == document);

  close_window_discarding (window);
}

static GtkWidget *
find_button_with_action (GtkWidget  *widget,
                         const char *action)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_action (child, action);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The labels a user reads, in the language of the environment. */
static void
test_translated_widgets (void)
{
  const char *language = g_getenv ("LANGUAGE");
  gboolean french = language != NULL && g_str_has_prefix (language, "fr");
  PlenaryWindow *window = new_window ();
  GtkWidget *open = find_button_with_action (GTK_WIDGET (window->header_bar), "win.open");
  AdwStatusPage *empty = ADW_STATUS_PAGE (gtk_stack_get_child_by_name (window->content_stack, "empty"));

  g_assert_nonnull (open);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "empty");
  if (french)
    {
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (open)), ==, "_Ouvrir");
      g_assert_cmpstr (adw_status_page_get_title (empty), ==, "Aucun brouillon ouvert");
    }
  else
    {
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (open)), ==, "_Open");
      g_assert_cmpstr (adw_status_page_get_title (empty), ==, "No Open Drafts");
    }

  close_window_discarding (window);
}

/* Save Revision names the text and saves the file; Restore puts an older
 * text back after keeping the current one as a revision, and Undo takes it
 * back; Delete asks, then removes; Open shows it read-only. Through the
 * window's actions and dialogs, as the Revisions panel's menu does. */
static gboolean
has_toplevel_titled (gpointer suffix)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      const char *title = gtk_window_get_title (toplevel);

      if (title != NULL && g_str_has_suffix (title, suffix))
        return TRUE;
    }

  return FALSE;
}

static void
answer (const char *response,
        const char *entry_text)
{
  PlenaryAlert *dialog;

  plenary_test_spin_until (plenary_test_dialog_shown, NULL);
  dialog = plenary_test_find_message_dialog ();
  if (entry_text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (plenary_alert_get_extra_child (dialog)), entry_text);
  plenary_test_respond (dialog, response);
  plenary_test_spin (50);
}

static void
append_ids (GString   *out,
            GPtrArray *paragraphs)
{
  for (guint i = 0; i < paragraphs->len; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (paragraphs, i);

      g_string_append_printf (out, "%s ", paragraph->id);
      append_ids (out, paragraph->children);
    }
}

/* "p1 p2 p3 ": the ids of a body, in order. */
static char *
body_ids_of (PlenaryBody *body)
{
  GString *out = g_string_new (NULL);

  append_ids (out, body->paragraphs);
  return g_string_free (out, FALSE);
}

static char *
body_ids (PlenaryDraft *draft)
{
  return body_ids_of (plenary_draft_get_body (draft));
}

static void
test_revisions (void)
{
  g_autoptr(GFile) file = write_fixture ("Révisions.plenary.json");
  PlenaryWindow *window = new_window ();
  PlenaryDocument *document = open_and_wait (window, file);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (document));
  PlenaryDraft *draft = plenary_document_get_draft (document);
  GListModel *revisions = plenary_draft_get_revisions (draft);
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  g_autofree char *ids_before = NULL;
  g_autofree char *ids_restored = NULL;
  g_autofree char *ids_after = NULL;
  g_autofree char *ids_zero = NULL;
  PlenaryRevision *zero;
  GtkTextIter end;

  /* "Zero draft": kept, and the file saved with it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-revision", NULL));
  answer ("save", "Zero draft");
  plenary_test_spin_until (document_saved, document);
  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, 1);
  zero = g_list_model_get_item (revisions, 0);
  g_object_unref (zero);
  g_assert_cmpstr (plenary_revision_get_author (zero), ==, "Délégation de la France");
  g_assert_true (g_file_load_contents (file, NULL, &json, NULL, NULL, NULL));
  g_assert_nonnull (strstr (json, "\"name\": \"Zero draft\""));
  g_assert_nonnull (strstr (json, "\"author\": \"Délégation de la France\""));

  /* The panel lists it, with its author. */
  {
    GtkWidget *panel = plenary_test_find_child (GTK_WIDGET (window), PLENARY_TYPE_REVISIONS_PANEL);
    GtkWidget *row = plenary_test_find_child (panel, GTK_TYPE_LIST_BOX_ROW);
    GtkWidget *label = plenary_test_find_child (row, GTK_TYPE_LABEL);

    g_assert_nonnull (label);
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "Zero draft");
  }

  /* A change, then Restore: the change goes, kept in a revision first. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert (buffer, &end, "\nPrie le Secrétaire général de lui faire rapport.", -1);
  gtk_text_buffer_end_user_action (buffer);
  plenary_document_sync_draft (document);
  ids_before = body_ids (draft);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-revision", "s",
                                             plenary_revision_get_id (zero)));
  answer ("restore", NULL);
  text = plenary_test_buffer_text (document);
  g_assert_null (strstr (text, "lui faire rapport"));
  g_assert_nonnull (strstr (text, "rester saisie de la question."));
  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, 2);
  {
    g_autoptr(PlenaryRevision) before = g_list_model_get_item (revisions, 1);
    PlenaryBody *kept = plenary_revision_get_body (before);
    PlenaryParagraph *last = g_ptr_array_index (kept->paragraphs, kept->paragraphs->len - 1);

    g_assert_cmpstr (plenary_revision_get_name (before), ==, "Before restoring “Zero draft”");
    g_assert_cmpstr (last->text, ==, "le Secrétaire général de lui faire rapport.");
  }

  /* The restored paragraphs are the revision's, with their ids. */
  plenary_document_sync_draft (document);
  ids_restored = body_ids (draft);
  ids_zero = body_ids_of (plenary_revision_get_body (zero));
  g_assert_cmpstr (ids_restored, ==, ids_zero);

  /* Undo brings the text back, with its ids. */
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_undo (buffer);
  g_clear_pointer (&text, g_free);
  text = plenary_test_buffer_text (document);
  g_assert_nonnull (strstr (text, "lui faire rapport"));
  plenary_document_sync_draft (document);
  ids_after = body_ids (draft);
  g_assert_cmpstr (ids_after, ==, ids_before);

  /* Open shows it read-only, in a window of its own. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-revision", "s",
                                             plenary_revision_get_id (zero)));
  plenary_test_spin_until (has_toplevel_titled, (gpointer) "Zero draft (Read-Only)");

  /* Delete asks; Cancel keeps it, Delete removes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-revision", "s",
                                             plenary_revision_get_id (zero)));
  answer ("cancel", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-revision", "s",
                                             plenary_revision_get_id (zero)));
  answer ("delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, 1);
  g_assert_true (plenary_document_get_modified (document));

  close_window_discarding (window);
}

int
main (int   argc,
      char *argv[])
{
  app = plenary_test_init (&argc, &argv);
  /* Citations carry the author's name; the first one would ask for it. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_settings_set_string (settings, "author-name", "Délégation de la France");
  }

  if (g_getenv ("PLENARY_TEST_TRANSLATION_ONLY") != NULL)
    g_test_add_func ("/ui/translated-widgets", test_translated_widgets);
  else
    {
      g_test_add_func ("/ui/open-shows-text", test_open_shows_text);
      g_test_add_func ("/ui/edit-modified-save-json", test_edit_marks_modified_and_save_writes_json);
      g_test_add_func ("/ui/open-save-keeps-bytes", test_open_save_keeps_bytes);
      g_test_add_func ("/ui/previous-versions", test_previous_versions);
      g_test_add_func ("/ui/close-with-changes-asks", test_close_with_changes_asks);
      g_test_add_func ("/ui/refused-file", test_refused_file_is_reported_and_kept);
      g_test_add_func ("/ui/open-device-refused", test_open_device_refused);
      g_test_add_func ("/ui/cancel-opening", test_cancel_opening);
      g_test_add_func ("/ui/toast-shows-names", test_toast_shows_names_as_text);
      g_test_add_func ("/ui/failed-save", test_failed_save_keeps_changes);
      g_test_add_func ("/ui/drop-imports-text", test_drop_imports_text);
      g_test_add_func ("/ui/recent-files", test_recent_files);
      g_test_add_func ("/ui/window-state", test_window_state_restored);
      g_test_add_func ("/ui/sample-has-sources", test_sample_has_sources);
      g_test_add_func ("/ui/cite-and-highlight", test_cite_and_highlight_from_viewer);
      g_test_add_func ("/ui/translated-widgets", test_translated_widgets);
      g_test_add_func ("/ui/revisions", test_revisions);
    }

  return plenary_test_run (app);
}
