/* test-session.c: the session owns the drafts, windows only show them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "plenary-test-utils.h"
#include "plenary-draft-file.h"
#include "plenary-window-private.h"

static PlenaryApplication *app;

static PlenarySession *
get_session (void)
{
  return plenary_application_get_session (app);
}

static gboolean
session_has (PlenaryDocument *document)
{
  GListModel *documents = plenary_session_get_documents (get_session ());

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(PlenaryDocument) other = g_list_model_get_item (documents, i);

      if (other == document)
        return TRUE;
    }

  return FALSE;
}

static guint
count_copies (void)
{
  GFile *dir = plenary_recovery_get_directory (plenary_session_get_recovery (get_session ()));
  g_autoptr(GFileEnumerator) enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
  GFileInfo *info;
  guint count = 0;

  while (enumerator != NULL && (info = g_file_enumerator_next_file (enumerator, NULL, NULL)))
    {
      count += g_str_has_suffix (g_file_info_get_name (info), ".ini");
      g_object_unref (info);
    }

  return count;
}

static gboolean
has_copy (gpointer data)
{
  return count_copies () > 0;
}

static void
type_at_end (PlenaryDocument *document,
             const char      *text)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (document));
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, text, -1);
}

static const char *
tab_title (PlenaryWindow *window,
           PlenaryPage   *page)
{
  return adw_tab_page_get_title (adw_tab_view_get_page (window->tab_view, GTK_WIDGET (page)));
}

static gboolean
no_windows (gpointer data)
{
  return gtk_application_get_windows (GTK_APPLICATION (app)) == NULL;
}

static void
quit_discarding (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  if (plenary_test_find_message_dialog () == NULL)
    plenary_test_spin (100);
  if (plenary_test_find_message_dialog () != NULL)
    plenary_test_respond (plenary_test_find_message_dialog (), "discard");
  plenary_test_spin_until (no_windows, NULL);
}

/* A tab dragged out of its window: the draft stays the session's, shows
 * its "•", keeps its recovery copy, and Quit asks about it. */
static void
test_moved_page_keeps_its_draft (void)
{
  PlenaryWindow *first = plenary_application_new_window (app);
  PlenaryWindow *second;
  AdwTabView *target = NULL;
  PlenaryPage *page;
  PlenaryDocument *document;
  AdwMessageDialog *dialog;

  plenary_application_new_draft (app, first, "resolution-fr");
  page = plenary_window_get_visible_page (first);
  document = plenary_page_get_document (page);
  plenary_application_new_draft (app, first, "resolution-en");
  plenary_test_spin (50);

  /* Dropped outside every window: AdwTabBar asks for a new one. */
  g_signal_emit_by_name (first->tab_view, "create-window", &target);
  g_assert_nonnull (target);
  second = PLENARY_WINDOW (gtk_widget_get_root (GTK_WIDGET (target)));
  g_assert_true (second != first);
  adw_tab_view_transfer_page (first->tab_view, adw_tab_view_get_page (first->tab_view, GTK_WIDGET (page)),
                              target, 0);
  plenary_test_spin (50);

  /* The receiving window follows the page it got. */
  g_assert_true (plenary_window_get_visible_page (second) == page);
  g_assert_true (plenary_window_get_visible_document (second) == document);
  g_assert_true (session_has (document));

  type_at_end (document, "\nPrie instamment les États de coopérer ;");
  plenary_test_spin (50);
  g_assert_true (g_str_has_prefix (tab_title (second, page), "• "));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (second)), "• "));

  /* The recovery copy is written for the moved draft. */
  plenary_test_spin_until (has_copy, NULL);

  /* Opening its file again finds it: here, Quit asks about it. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  plenary_test_spin_until (plenary_test_dialog_shown, NULL);
  dialog = plenary_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  plenary_test_respond (dialog, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (second)));
  g_assert_true (plenary_document_get_modified (document));

  /* Closing the page, and only that, lets the draft go. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (second), "win.close-page", NULL));
  plenary_test_spin_until (plenary_test_dialog_shown, NULL);
  plenary_test_respond (plenary_test_find_message_dialog (), "discard");
  g_assert_false (session_has (document));
  g_assert_cmpuint (count_copies (), ==, 0);

  quit_discarding ();
}

static gboolean
disk_state_deleted (gpointer data)
{
  return plenary_document_get_disk_state (data) == PLENARY_DISK_STATE_DELETED;
}

static GtkWindow *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }

  return NULL;
}

static gboolean
file_chooser_shown (gpointer data)
{
  return find_file_chooser () != NULL;
}

/* Another program deletes the file: the open draft is all that is left of
 * it, so closing asks, quitting asks, and Save asks where. */
static void
test_deleted_file_is_unsaved_work (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autofree char *dir = g_dir_make_tmp ("plenary-session-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Supprimé.plenary.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryDocument *document;
  PlenaryPage *page;
  GtkWindow *chooser;

  g_assert_true (plenary_draft_save (draft, file, NULL, NULL));
  plenary_application_open_file (app, window, file);
  document = plenary_window_get_visible_document (window);
  page = plenary_window_get_visible_page (window);
  plenary_test_spin_until (plenary_test_document_idle, document);
  plenary_test_spin (100);
  g_assert_false (plenary_document_get_modified (document));

  g_assert_cmpint (g_unlink (path), ==, 0);
  plenary_test_spin_until (disk_state_deleted, document);
  g_assert_true (plenary_document_get_modified (document));
  g_assert_true (g_str_has_prefix (tab_title (window, page), "• "));

  /* Ctrl+W asks. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-page", NULL));
  plenary_test_spin_until (plenary_test_dialog_shown, NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (plenary_test_find_message_dialog ()), ==, "Save Changes?");
  plenary_test_respond (plenary_test_find_message_dialog (), "cancel");
  g_assert_true (plenary_window_get_visible_page (window) == page);

  /* Ctrl+S asks where, instead of writing the file back behind the
   * user's back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  plenary_test_spin_until (file_chooser_shown, NULL);
  chooser = find_file_chooser ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  plenary_test_spin (50);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (plenary_document_get_modified (document));

  /* Quit asks. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  plenary_test_spin_until (plenary_test_dialog_shown, NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (plenary_test_find_message_dialog ()), "Supprimé"));
  plenary_test_respond (plenary_test_find_message_dialog (), "cancel");
  g_assert_true (session_has (document));

  quit_discarding ();
  g_rmdir (dir);
}

/* Quit → Discard All with two modified drafts in one window, one of them
 * opened from a file: nothing is left behind, nothing complains (the UI
 * tests run with G_DEBUG=fatal-warnings). */
static void
test_quit_discard_all (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "en");
  g_autofree char *dir = g_dir_make_tmp ("plenary-session-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Draft.plenary.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryDocument *opened;
  AdwMessageDialog *dialog;

  g_assert_true (plenary_draft_save (draft, file, NULL, NULL));
  plenary_application_open_file (app, window, file);
  opened = plenary_window_get_visible_document (window);
  plenary_test_spin_until (plenary_test_document_idle, opened);
  plenary_application_new_draft (app, window, "resolution-fr");
  type_at_end (opened, "\nNotes,");
  type_at_end (plenary_window_get_visible_document (window), "\nNote,");
  plenary_test_spin (50);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  plenary_test_spin_until (plenary_test_dialog_shown, NULL);
  dialog = plenary_test_find_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2 drafts"));
  plenary_test_respond (dialog, "discard");
  plenary_test_spin_until (no_windows, NULL);
  plenary_test_spin (100);

  g_assert_cmpuint (g_list_model_get_n_items (plenary_session_get_documents (get_session ())), ==, 0);
  g_assert_cmpuint (count_copies (), ==, 0);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  app = plenary_test_init (&argc, &argv);

  g_test_add_func ("/session/moved-page-keeps-its-draft", test_moved_page_keeps_its_draft);
  g_test_add_func ("/session/deleted-file-is-unsaved-work", test_deleted_file_is_unsaved_work);
  g_test_add_func ("/session/quit-discard-all", test_quit_discard_all);

  return plenary_test_run (app);
}
