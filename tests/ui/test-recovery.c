/* test-recovery.c: autosave, crash recovery, external changes, quit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>

#include "plenary-test-utils.h"
#include "plenary-draft-file.h"
#include "plenary-window-private.h"

static PlenaryApplication *app;
static const char *self_path;

static guint
count_message_dialogs (void)
{
  g_autoptr(GPtrArray) alerts = plenary_test_find_alerts ();

  return alerts->len;
}

static GFile *
recovery_dir (void)
{
  return g_object_ref (plenary_recovery_get_directory (plenary_session_get_recovery (plenary_application_get_session (app))));
}

static guint
count_copies (void)
{
  g_autoptr(GFile) dir = recovery_dir ();
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

/* What an earlier, interrupted run of these tests may have left. */
static void
clear_copies (void)
{
  g_autoptr(GFile) dir = recovery_dir ();
  g_autoptr(GFileEnumerator) enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
  GFileInfo *info;

  while (enumerator != NULL && (info = g_file_enumerator_next_file (enumerator, NULL, NULL)))
    {
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));
      g_file_delete (child, NULL, NULL);
      g_object_unref (info);
    }
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

static void
discard_window (PlenaryWindow *window)
{
  plenary_window_set_close_confirmed (window);
  gtk_window_close (GTK_WINDOW (window));
  plenary_test_spin (50);
}

/* The child: types, pauses 2.5 s, types more, then waits to be killed. */
static int
run_typing_child (void)
{
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryDocument *document;

  plenary_application_new_draft (app, window, "resolution-fr");
  document = plenary_window_get_visible_document (window);
  type_at_end (document, "\nPrie instamment les États de coopérer ;");
  /* The pause: the copy is written 2 s after the last key (a loaded
   * machine may take a little longer to finish writing it). */
  plenary_test_spin (2100);
  for (int i = 0; i < 100 && count_copies () == 0; i++)
    plenary_test_spin (100);
  type_at_end (document, "\nTexte tapé après la dernière pause");
  g_print ("typed\n");
  plenary_test_spin (60000);
  return 0;
}

static void
test_crash_offers_recovery (void)
{
  const char *argv[] = { self_path, "--typing-child", NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int out_fd;
  char buf[16] = "";
  PlenaryWindow *window;
  PlenaryAlert *dialog;
  PlenaryDocument *restored;
  g_autofree char *text = NULL;

  g_assert_cmpuint (count_copies (), ==, 0);

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read (out_fd, buf, 5), ==, 5);
  g_assert_cmpstr (buf, ==, "typed");
  kill (pid, SIGKILL);
  g_spawn_close_pid (pid);
  close (out_fd);

  /* The next start offers the copy, with what was typed before the pause. */
  g_assert_cmpuint (count_copies (), ==, 1);
  window = plenary_application_new_window (app);
  plenary_application_offer_recovery (app, window);
  plenary_test_spin_until (plenary_test_dialog_shown, NULL);
  dialog = plenary_test_find_message_dialog ();
  g_assert_cmpstr (plenary_alert_get_heading (dialog), ==, "Restore Unsaved Changes?");
  g_assert_nonnull (strstr (plenary_alert_get_body (dialog), "New Draft"));
  plenary_test_respond (dialog, "restore");

  restored = plenary_window_get_visible_document (window);
  g_assert_nonnull (restored);
  text = plenary_test_buffer_text (restored);
  g_assert_nonnull (strstr (text, "Prie instamment les États de coopérer ;"));
  g_assert_null (strstr (text, "après la dernière pause"));
  g_assert_true (plenary_document_get_modified (restored));

  /* Closing it is the user's decision: the copy goes. */
  discard_window (window);
  g_assert_cmpuint (count_copies (), ==, 0);
}

static void
test_copy_never_older_than_30_seconds (void)
{
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryDocument *document;
  g_autoptr(GFile) dir = recovery_dir ();
  gint64 start = g_get_monotonic_time ();
  guint typed = 0;

  plenary_application_new_draft (app, window, "resolution-fr");
  document = plenary_window_get_visible_document (window);

  /* Typing without a 2-second pause for 31 seconds. */
  while (g_get_monotonic_time () - start < 31 * G_USEC_PER_SEC)
    {
      type_at_end (document, "x");
      typed++;
      plenary_test_spin (300);
    }

  g_assert_cmpuint (count_copies (), ==, 1);
  {
    g_autoptr(PlenaryRecovery) other = plenary_recovery_new (dir);
    g_autoptr(GPtrArray) left = plenary_recovery_list_left (other);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    PlenaryRecoveredDraft *copy;

    g_assert_cmpuint (left->len, ==, 1);
    copy = g_ptr_array_index (left, 0);
    g_assert_cmpint (g_date_time_difference (now, plenary_recovered_draft_get_time (copy)), <, 30 * G_TIME_SPAN_SECOND);
    g_assert_cmpint (g_date_time_difference (now, plenary_recovered_draft_get_time (copy)), >=, 0);
  }

  discard_window (window);
  g_assert_cmpuint (count_copies (), ==, 0);
}

static gboolean
document_saved (gpointer data)
{
  return !plenary_document_get_busy (data) && !plenary_document_get_modified (data);
}

static GFile *
write_draft_file (const char *name,
                  const char *operative)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(PlenaryBody) body = plenary_body_new ();
  g_autofree char *dir = g_dir_make_tmp ("plenary-recovery-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GFile *file = g_file_new_for_path (path);

  plenary_body_set_opening (body, "L'Assemblée générale,");
  plenary_body_append (body, plenary_paragraph_new (PLENARY_ROLE_OPERATIVE, "Décide", operative));
  plenary_draft_set_body (draft, body);
  g_assert_true (plenary_draft_save (draft, file, NULL, NULL));

  return file;
}

static void
rewrite_draft_file (GFile      *file,
                    const char *operative)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(PlenaryBody) body = plenary_body_new ();

  /* Another program (a sync client) writes the file, a second later so
   * that its time stamp differs. */
  g_usleep (1100 * 1000);
  plenary_body_set_opening (body, "L'Assemblée générale,");
  plenary_body_append (body, plenary_paragraph_new (PLENARY_ROLE_OPERATIVE, "Décide", operative));
  plenary_draft_set_body (draft, body);
  g_assert_true (plenary_draft_save (draft, file, NULL, NULL));
}

static gboolean
disk_changed (gpointer data)
{
  return plenary_document_get_disk_state (data) != PLENARY_DISK_STATE_SAME;
}

static GtkRevealer *
find_banner (GtkWidget *widget)
{
  if (GTK_IS_REVEALER (widget))
    return GTK_REVEALER (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkRevealer *found = find_banner (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_external_change_banner (void)
{
  g_autoptr(GFile) file = write_draft_file ("Partagé.plenary.json", "de rester saisie de la question.");
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryDocument *document;
  PlenaryPage *page;
  GtkRevealer *banner;
  g_autofree char *text = NULL;

  plenary_application_open_file (app, window, file);
  document = plenary_window_get_visible_document (window);
  plenary_test_spin_until (plenary_test_document_idle, document);
  plenary_test_spin (200);
  page = plenary_window_get_visible_page (window);
  banner = find_banner (GTK_WIDGET (page));
  g_assert_false (gtk_revealer_get_reveal_child (banner));

  rewrite_draft_file (file, "de prier le Secrétaire général de faire rapport.");
  plenary_test_spin_until (disk_changed, document);
  g_assert_cmpint (plenary_document_get_disk_state (document), ==, PLENARY_DISK_STATE_CHANGED);
  g_assert_true (gtk_revealer_get_reveal_child (banner));

  /* Reload takes the other version. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.reload", NULL));
  plenary_test_spin_until (plenary_test_document_idle, document);
  plenary_test_spin (100);
  text = plenary_test_buffer_text (document);
  g_assert_nonnull (strstr (text, "prier le Secrétaire général"));
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  g_assert_false (plenary_document_get_modified (document));

  /* Saving over a newer version asks first. */
  type_at_end (document, "\nInvite les États à agir.");
  rewrite_draft_file (file, "de clore le débat.");
  plenary_test_spin_until (disk_changed, document);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  plenary_test_spin_until (plenary_test_dialog_shown, NULL);
  g_assert_cmpstr (plenary_alert_get_heading (plenary_test_find_message_dialog ()), ==, "Replace the Newer Version?");
  plenary_test_respond (plenary_test_find_message_dialog (), "overwrite");
  plenary_test_spin_until (document_saved, document);
  {
    g_autoptr(PlenaryDraft) saved = plenary_draft_load (file, NULL, NULL);
    PlenaryBody *body = plenary_draft_get_body (saved);
    g_assert_cmpuint (body->paragraphs->len, ==, 2);
  }

  /* A deleted file: the draft stays open, and the banner says to save it. */
  g_assert_cmpint (g_file_delete (file, NULL, NULL), ==, TRUE);
  plenary_test_spin_until (disk_changed, document);
  g_assert_cmpint (plenary_document_get_disk_state (document), ==, PLENARY_DISK_STATE_DELETED);
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_nonnull (plenary_window_get_visible_document (window));

  discard_window (window);
}

static gboolean
no_windows (gpointer data)
{
  return gtk_application_get_windows (GTK_APPLICATION (app)) == NULL;
}

static void
test_quit_asks_once (void)
{
  PlenaryWindow *first = plenary_application_new_window (app);
  PlenaryWindow *second = plenary_application_new_window (app);

  plenary_application_new_draft (app, first, "resolution-fr");
  plenary_application_new_draft (app, second, "resolution-en");
  type_at_end (plenary_window_get_visible_document (first), "\nNote,");
  type_at_end (plenary_window_get_visible_document (second), "\nNotes,");
  plenary_test_spin (50);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  plenary_test_spin_until (plenary_test_dialog_shown, NULL);
  plenary_test_spin (100);
  g_assert_cmpuint (count_message_dialogs (), ==, 1);
  g_assert_nonnull (strstr (plenary_alert_get_body (plenary_test_find_message_dialog ()), "2 drafts"));
  plenary_test_respond (plenary_test_find_message_dialog (), "discard");
  plenary_test_spin_until (no_windows, NULL);
  g_assert_cmpuint (count_copies (), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  self_path = argv[0];
  plenary_i18n_init ();

  if (argc > 1 && g_str_equal (argv[1], "--typing-child"))
    {
      if (!gtk_init_check ())
        return 1;
      app = plenary_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, NULL);
      return run_typing_child ();
    }

  app = plenary_test_init (&argc, &argv);
  clear_copies ();

  g_test_add_func ("/recovery/crash", test_crash_offers_recovery);
  g_test_add_func ("/recovery/30-seconds", test_copy_never_older_than_30_seconds);
  g_test_add_func ("/recovery/external-change", test_external_change_banner);
  g_test_add_func ("/recovery/quit-asks-once", test_quit_asks_once);

  return plenary_test_run (app);
}
