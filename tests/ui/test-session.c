/* test-session.c: the session owns the drafts, windows only show them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "plenary-test-utils.h"
#include "plenary-clause-picker.h"
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
  return plenary_test_count_recovery_copies (app);
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
  PlenaryAlert *dialog;

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
  g_assert_cmpstr (plenary_alert_get_heading (dialog), ==, "Save Changes?");
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
  g_assert_cmpstr (plenary_alert_get_heading (plenary_test_find_message_dialog ()), ==, "Save Changes?");
  plenary_test_respond (plenary_test_find_message_dialog (), "cancel");
  g_assert_true (plenary_window_get_visible_page (window) == page);

  /* Ctrl+S asks where, instead of writing the file back behind the
   * user's back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  plenary_test_spin_until (file_chooser_shown, NULL);
  chooser = find_file_chooser ();
  gtk_window_close (GTK_WINDOW (chooser));
  plenary_test_spin (50);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (plenary_document_get_modified (document));

  /* Quit asks. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  plenary_test_spin_until (plenary_test_dialog_shown, NULL);
  g_assert_nonnull (strstr (plenary_alert_get_body (plenary_test_find_message_dialog ()), "Supprimé"));
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
  PlenaryAlert *dialog;

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
  g_assert_nonnull (strstr (plenary_alert_get_body (dialog), "2 drafts"));
  plenary_test_respond (dialog, "discard");
  plenary_test_spin_until (no_windows, NULL);
  plenary_test_spin (100);

  g_assert_cmpuint (g_list_model_get_n_items (plenary_session_get_documents (get_session ())), ==, 0);
  g_assert_cmpuint (count_copies (), ==, 0);
  g_unlink (path);
  g_rmdir (dir);
}

static char *
first_line (PlenaryDocument *document)
{
  g_autofree char *text = plenary_test_buffer_text (document);
  char *newline = strchr (text, '\n');

  if (newline != NULL)
    *newline = '\0';
  return g_steal_pointer (&text);
}

static guint
count_agreement_problems (PlenaryWindow *window)
{
  PlenaryProblems *problems = plenary_page_get_problems (plenary_window_get_visible_page (window));
  guint count = 0;

  plenary_problems_flush (problems);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (problems)); i++)
    {
      g_autoptr(PlenaryProblemItem) item = g_list_model_get_item (G_LIST_MODEL (problems), i);

      count += plenary_problem_item_get_problem (item)->kind == PLENARY_CHECK_AGREEMENT;
    }

  return count;
}

/* Agreement is checked in a draft opened from its file or imported, not
 * only in one typed in this run. */
static void
test_reopened_draft_is_checked (void)
{
  static const char *text =
    "Le Conseil de sécurité,\n"
    "Préoccupée par la situation humanitaire,\n"
    "Décide de rester saisie de la question.\n";
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(PlenaryBody) body = plenary_body_new ();
  g_autofree char *dir = g_dir_make_tmp ("plenary-session-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Conseil.plenary.json", NULL);
  g_autofree char *text_path = g_build_filename (dir, "Conseil.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) text_file = g_file_new_for_path (text_path);
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryDocument *document;

  plenary_metadata_set_string (plenary_draft_get_metadata (draft), "body", "Conseil de sécurité");
  plenary_body_set_opening (body, "Le Conseil de sécurité,");
  plenary_body_append (body, plenary_paragraph_new (PLENARY_ROLE_PREAMBULAR, "Préoccupée par",
                                                    "la situation humanitaire,"));
  plenary_body_append (body, plenary_paragraph_new (PLENARY_ROLE_OPERATIVE, "Décide",
                                                    "de rester saisie de la question."));
  plenary_draft_set_body (draft, body);
  g_assert_true (plenary_draft_save (draft, file, NULL, NULL));
  g_assert_true (g_file_set_contents (text_path, text, -1, NULL));

  plenary_application_open_file (app, window, file);
  document = plenary_window_get_visible_document (window);
  plenary_test_spin_until (plenary_test_document_idle, document);
  plenary_test_spin (50);
  g_assert_cmpstr (plenary_metadata_get_string (plenary_draft_get_metadata (plenary_document_get_draft (document)), "body"),
                   ==, "Conseil de sécurité");
  g_assert_cmpuint (count_agreement_problems (window), ==, 2);

  plenary_application_open_file (app, window, text_file);
  document = plenary_window_get_visible_document (window);
  plenary_test_spin_until (plenary_test_document_idle, document);
  plenary_test_spin (50);
  g_assert_cmpuint (count_agreement_problems (window), ==, 2);

  quit_discarding ();
  g_unlink (path);
  g_unlink (text_path);
  g_rmdir (dir);
}

/* The formula names the body and the header's body rewrites the formula;
 * a new draft speaks as the body chosen in Preferences. */
static void
test_body_and_formula_linked (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryDocument *document;
  PlenaryMetadata *metadata;
  GtkTextBuffer *buffer;
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;
  GtkTextIter start, end;

  g_settings_set_string (settings, "default-body", "Conseil de sécurité");
  plenary_application_new_draft (app, window, "resolution-fr");
  document = plenary_window_get_visible_document (window);
  metadata = plenary_draft_get_metadata (plenary_document_get_draft (document));
  buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (document));
  text = plenary_test_buffer_text (document);
  g_assert_true (g_str_has_prefix (text, "Le Conseil de sécurité,\n"));
  g_assert_nonnull (strstr (text, "rester saisi de la question"));
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "body"), ==, "Conseil de sécurité");
  g_assert_cmpuint (count_agreement_problems (window), ==, 0);

  /* The header's body rewrites the formula, as one undoable edit. */
  plenary_metadata_set_string (metadata, "body", "Assemblée générale");
  plenary_test_spin (50);
  line = first_line (document);
  g_assert_cmpstr (line, ==, "L'Assemblée générale,");
  g_clear_pointer (&line, g_free);

  /* Typing another formula sets the body; the checker then asks for the
   * masculine form. */
  gtk_text_buffer_get_iter_at_line (buffer, &start, 0);
  end = start;
  gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, "Le Conseil de sécurité,", -1);
  plenary_test_spin (50);
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "body"), ==, "Conseil de sécurité");
  line = first_line (document);
  g_assert_cmpstr (line, ==, "Le Conseil de sécurité,");

  g_settings_reset (settings, "default-body");
  quit_discarding ();
}

static gboolean
picker_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (PLENARY_IS_CLAUSE_PICKER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return TRUE;
    }

  return FALSE;
}

/* Insert Clause is the page's own action: offered for a resolution, not
 * for a brief, and the window's button reaches the visible page's. */
static void
test_insert_clause_is_a_page_action (void)
{
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryPage *resolution, *brief;

  plenary_application_new_draft (app, window, "resolution-fr");
  resolution = plenary_window_get_visible_page (window);
  plenary_application_new_draft (app, window, "brief");
  brief = plenary_window_get_visible_page (window);

  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (brief), "page.insert-clause", NULL) && picker_shown (NULL));
  g_assert_false (picker_shown (NULL));

  adw_tab_view_set_selected_page (window->tab_view, adw_tab_view_get_page (window->tab_view, GTK_WIDGET (resolution)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.insert-clause", NULL));
  plenary_test_spin_until (picker_shown, NULL);

  quit_discarding ();
}

int
main (int   argc,
      char *argv[])
{
  app = plenary_test_init (&argc, &argv);

  g_test_add_func ("/session/moved-page-keeps-its-draft", test_moved_page_keeps_its_draft);
  g_test_add_func ("/session/deleted-file-is-unsaved-work", test_deleted_file_is_unsaved_work);
  g_test_add_func ("/session/quit-discard-all", test_quit_discard_all);
  g_test_add_func ("/session/reopened-draft-is-checked", test_reopened_draft_is_checked);
  g_test_add_func ("/session/body-and-formula-linked", test_body_and_formula_linked);
  g_test_add_func ("/session/insert-clause-is-a-page-action", test_insert_clause_is_a_page_action);

  return plenary_test_run (app);
}
