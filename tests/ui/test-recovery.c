/* test-recovery.c: autosave, crash recovery, external changes, quit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

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
  return plenary_test_count_recovery_copies (app);
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

/* The child: types, waits for the copy, types more, then waits to be killed. */
static int
run_typing_child (void)
{
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryDocument *document;

  plenary_recovery_set_intervals (plenary_session_get_recovery (plenary_application_get_session (app)),
                                  500, 120 * 1000);
  plenary_application_new_draft (app, window, "resolution-fr");
  document = plenary_window_get_visible_document (window);
  type_at_end (document, "\nPrie instamment les États de coopérer ;");
  /* The pause: the copy is written once the quiet period is over; the
   * child waits for it to appear. */
  while (count_copies () == 0)
    plenary_test_spin (50);
  /* What follows must not reach a copy before the parent kills us, however
   * slowly it does. */
  plenary_recovery_set_intervals (plenary_session_get_recovery (plenary_application_get_session (app)),
                                  120 * 1000, 120 * 1000);
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

/* Typing that never pauses long enough still gets a copy, at the latest
 * after the longest wait. The intervals are shortened (the real ones are
 * 2 s and 30 s): the test waits for the copy to appear, not for a time. */
/* The child for the restore test: opens PATH, types, waits for the copy,
 * then waits to be killed. */
static int
run_file_child (const char *path)
{
  PlenaryWindow *window = plenary_application_new_window (app);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PlenaryDocument *document;

  plenary_recovery_set_intervals (plenary_session_get_recovery (plenary_application_get_session (app)),
                                  200, 120 * 1000);
  plenary_application_open_file (app, window, file);
  document = plenary_window_get_visible_document (window);
  plenary_test_spin_until (plenary_test_document_idle, document);
  type_at_end (document, "\nPrie le Secrétaire général de faire rapport ;");
  while (count_copies () == 0)
    plenary_test_spin (50);
  g_print ("typed\n");
  plenary_test_spin (60000);
  return 0;
}

/* The child for the signal test: types, with timers that never fire in
 * time, and waits for the signal. */
static int
run_signal_child (void)
{
  PlenaryWindow *window = plenary_application_new_window (app);

  plenary_recovery_set_intervals (plenary_session_get_recovery (plenary_application_get_session (app)),
                                  120 * 1000, 120 * 1000);
  plenary_application_new_draft (app, window, "resolution-fr");
  type_at_end (plenary_window_get_visible_document (window), "\nTapé juste avant la déconnexion ;");
  plenary_test_spin (50);
  g_print ("typed\n");
  plenary_test_spin (60000);
  return 0;
}

/* Logout, shutdown or a closed terminal send SIGTERM or SIGHUP: what was
 * typed since the last copy is copied before the process ends, and
 * offered at the next start. */
static void
test_signal_writes_copy (gconstpointer data)
{
  int signal_number = GPOINTER_TO_INT (data);
  const char *argv[] = { self_path, "--signal-child", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(PlenaryDocument) restored = NULL;
  g_autofree char *text = NULL;
  PlenaryRecovery *recovery = plenary_session_get_recovery (plenary_application_get_session (app));
  char buf[16] = "";
  int wait_status;
  int out_fd;
  GPid pid;

  g_assert_cmpuint (count_copies (), ==, 0);
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read (out_fd, buf, 5), ==, 5);
  g_assert_cmpstr (buf, ==, "typed");
  g_assert_cmpuint (count_copies (), ==, 0);
  kill (pid, signal_number);
  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  close (out_fd);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);

  g_assert_cmpuint (count_copies (), ==, 1);
  left = plenary_recovery_list_left (recovery);
  g_assert_cmpuint (left->len, ==, 1);
  restored = plenary_recovery_restore (recovery, g_ptr_array_index (left, 0), &error);
  g_assert_no_error (error);
  text = plenary_test_buffer_text (restored);
  g_assert_nonnull (strstr (text, "Tapé juste avant la déconnexion ;"));
  plenary_recovery_unwatch (recovery, restored);
  g_assert_cmpuint (count_copies (), ==, 0);
}

static void
test_copy_while_typing (void)
{
  PlenaryRecovery *recovery = plenary_session_get_recovery (plenary_application_get_session (app));
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryDocument *document;
  g_autoptr(GFile) dir = recovery_dir ();
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  /* A quiet period longer than the hang deadline: only the longest wait
   * can write the copy. */
  plenary_recovery_set_intervals (recovery, 120 * 1000, 1500);
  plenary_application_new_draft (app, window, "resolution-fr");
  document = plenary_window_get_visible_document (window);

  while (count_copies () == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      type_at_end (document, "x");
      plenary_test_spin (100);
    }
  /* Written within the deadline, shorter than the quiet period: by the
   * longest wait, typing going on. (How many keys that took depends on
   * how busy the machine is.) */

  /* Unsaved drafts are the user's only: folder 0700, copies 0600. */
  {
    g_autoptr(GFileEnumerator) enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
    GFileInfo *info;
    GStatBuf st;

    g_assert_cmpint (g_stat (g_file_peek_path (dir), &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0700);
    while ((info = g_file_enumerator_next_file (enumerator, NULL, NULL)))
      {
        g_autofree char *path = g_build_filename (g_file_peek_path (dir), g_file_info_get_name (info), NULL);

        g_assert_cmpint (g_stat (path, &st), ==, 0);
        if (S_ISREG (st.st_mode))
          g_assert_cmpint (st.st_mode & 0777, ==, 0600);
        g_object_unref (info);
      }
  }

  {
    g_autoptr(PlenaryRecovery) other = plenary_recovery_new (dir);
    g_autoptr(GPtrArray) left = plenary_recovery_list_left (other);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    PlenaryRecoveredDraft *copy;

    g_assert_cmpuint (left->len, ==, 1);
    copy = g_ptr_array_index (left, 0);
    g_assert_cmpint (g_date_time_difference (now, plenary_recovered_draft_get_time (copy)), >=, 0);
    g_assert_cmpint (g_date_time_difference (now, plenary_recovered_draft_get_time (copy)), <, 60 * G_TIME_SPAN_SECOND);
  }

  plenary_recovery_set_intervals (recovery, PLENARY_RECOVERY_IDLE_SECONDS * 1000,
                                  PLENARY_RECOVERY_MAX_SECONDS * 1000);
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
  return GTK_REVEALER (plenary_test_find_child (widget, GTK_TYPE_REVEALER));
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

/* After a crash a colleague saves the file; the recovery copy is restored
 * and Ctrl+S pressed: the newer version is not replaced without asking. */
static void
test_restore_then_save_asks (void)
{
  g_autoptr(GFile) file = write_draft_file ("Restauré.plenary.json", "de rester saisie de la question.");
  const char *argv[] = { self_path, "--file-child", g_file_peek_path (file), NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  PlenaryWindow *window;
  PlenaryDocument *restored;
  char buf[16] = "";
  int out_fd;
  GPid pid;

  g_assert_cmpuint (count_copies (), ==, 0);
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read (out_fd, buf, 5), ==, 5);
  g_assert_cmpstr (buf, ==, "typed");
  kill (pid, SIGKILL);
  g_spawn_close_pid (pid);
  close (out_fd);

  rewrite_draft_file (file, "de clore le débat.");
  g_file_load_contents (file, NULL, &before, NULL, NULL, &error);
  g_assert_no_error (error);

  window = plenary_application_new_window (app);
  plenary_application_offer_recovery (app, window);
  plenary_test_spin_until (plenary_test_dialog_shown, NULL);
  plenary_test_respond (plenary_test_find_message_dialog (), "restore");
  restored = plenary_window_get_visible_document (window);
  g_assert_nonnull (restored);
  g_assert_true (g_file_equal (plenary_document_get_file (restored), file));
  /* The banner says so at once. */
  g_assert_cmpint (plenary_document_get_disk_state (restored), ==, PLENARY_DISK_STATE_CHANGED);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  plenary_test_spin_until (plenary_test_dialog_shown, NULL);
  g_assert_cmpstr (plenary_alert_get_heading (plenary_test_find_message_dialog ()), ==, "Replace the Newer Version?");
  plenary_test_respond (plenary_test_find_message_dialog (), "cancel");
  plenary_test_spin_until (plenary_test_document_idle, restored);
  g_file_load_contents (file, NULL, &after, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (plenary_document_get_modified (restored));

  discard_window (window);
  g_assert_cmpuint (count_copies (), ==, 0);
}

/* A copy that cannot be read: the error names the draft, shows before any
 * other offer, and the copy is moved aside, never offered again. */
static void
test_unreadable_copy (void)
{
  g_autoptr(GFile) dir = recovery_dir ();
  g_autoptr(GFile) draft = g_file_get_child (dir, "cassee.plenary.json");
  g_autoptr(GFile) info = g_file_get_child (dir, "cassee.ini");
  g_autoptr(GFile) aside = g_file_get_child (dir, "unreadable/cassee.plenary.json");
  g_autoptr(GError) error = NULL;
  PlenaryWindow *window;
  PlenaryAlert *dialog;
  static const char ini[] = "[Recovery]\ntitle=Projet sur l'eau\ntime=2026-12-01T10:00:00Z\n";

  g_assert_cmpuint (count_copies (), ==, 0);
  g_file_make_directory_with_parents (dir, NULL, NULL);
  g_assert_true (g_file_replace_contents (draft, "{\"format\": \"plenary-draft\", \"ver", 30, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_true (g_file_replace_contents (info, ini, strlen (ini), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);

  window = plenary_application_new_window (app);
  plenary_application_offer_recovery (app, window);
  plenary_test_spin_until (plenary_test_dialog_shown, NULL);
  plenary_test_respond (plenary_test_find_message_dialog (), "restore");
  plenary_test_spin_until (plenary_test_dialog_shown, NULL);
  dialog = plenary_test_find_message_dialog ();
  g_assert_cmpstr (plenary_alert_get_heading (dialog), ==, "Could Not Restore “Projet sur l'eau”");
  g_assert_nonnull (strstr (plenary_alert_get_body (dialog), "unreadable"));
  plenary_test_respond (dialog, "close");

  g_assert_cmpuint (count_copies (), ==, 0);
  g_assert_true (g_file_query_exists (aside, NULL));
  {
    g_autoptr(PlenaryRecovery) other = plenary_recovery_new (dir);
    g_autoptr(GPtrArray) left = plenary_recovery_list_left (other);

    g_assert_cmpuint (left->len, ==, 0);
  }
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
  if (argc > 2 && g_str_equal (argv[1], "--file-child"))
    {
      if (!gtk_init_check ())
        return 1;
      app = plenary_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, NULL);
      return run_file_child (argv[2]);
    }
  if (argc > 1 && g_str_equal (argv[1], "--signal-child"))
    {
      if (!gtk_init_check ())
        return 1;
      app = plenary_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, NULL);
      return run_signal_child ();
    }

  app = plenary_test_init (&argc, &argv);
  clear_copies ();

  g_test_add_func ("/recovery/crash", test_crash_offers_recovery);
  g_test_add_func ("/recovery/copy-while-typing", test_copy_while_typing);
  g_test_add_data_func ("/recovery/sigterm", GINT_TO_POINTER (SIGTERM), test_signal_writes_copy);
  g_test_add_data_func ("/recovery/sighup", GINT_TO_POINTER (SIGHUP), test_signal_writes_copy);
  g_test_add_func ("/recovery/external-change", test_external_change_banner);
  g_test_add_func ("/recovery/restore-then-save", test_restore_then_save_asks);
  g_test_add_func ("/recovery/unreadable-copy", test_unreadable_copy);
  g_test_add_func ("/recovery/quit-asks-once", test_quit_asks_once);

  return plenary_test_run (app);
}
