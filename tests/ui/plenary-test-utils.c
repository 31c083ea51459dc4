/* plenary-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plenary-test-utils.h"

#include <string.h>
#include <unistd.h>

#if !ADW_CHECK_VERSION (1, 8, 0)
/* Libadwaita before 1.8 measures an alert's one-line heading at the alert's
 * width even when that heading is too wide for it, then shows the wrapped
 * heading it has for that case: GTK warns "Trying to measure GtkLabel …",
 * and nothing shows wrong (GNOME/libadwaita#1025, fixed in 1.8). Only that
 * warning, about that label, is not fatal. */
static gboolean
is_alert_heading_warning (const char *domain,
                          const char *message)
{
  GtkWidget *label;

  if (g_strcmp0 (domain, "Gtk") != 0 || message == NULL ||
      !g_str_has_prefix (message, "Trying to measure GtkLabel 0x") ||
      strstr (message, " for width of ") == NULL)
    return FALSE;

  label = GSIZE_TO_POINTER ((gsize) g_ascii_strtoull (message + strlen ("Trying to measure GtkLabel "), NULL, 16));
  return GTK_IS_LABEL (label) && gtk_widget_has_css_class (label, "title-2") &&
# if ADW_CHECK_VERSION (1, 5, 0)
         gtk_widget_get_ancestor (label, ADW_TYPE_ALERT_DIALOG) != NULL;
# else
         gtk_widget_get_ancestor (label, ADW_TYPE_MESSAGE_DIALOG) != NULL;
# endif
}

static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         data)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }

  if ((level & G_LOG_LEVEL_WARNING) && is_alert_heading_warning (domain, message))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, data);
}

/* The same through g_log(), for a library that does not log structured. */
static gboolean
fatal_unless_alert_heading (const char     *domain,
                            GLogLevelFlags  level,
                            const char     *message,
                            gpointer        data)
{
  return !is_alert_heading_warning (domain, message);
}
#endif

PlenaryApplication *
plenary_test_init (int    *argc,
                   char ***argv)
{
  PlenaryApplication *app;

  g_auto(GStrv) original = g_strdupv (*argv);

  plenary_i18n_init ();
  g_test_init (argc, argv, NULL);
#if !ADW_CHECK_VERSION (1, 8, 0)
  g_log_set_writer_func (log_writer, NULL, NULL);
  g_test_log_set_fatal_handler (fatal_unless_alert_heading, NULL);
#endif

  /* Now and then GTK cannot open Xvfb's display although it is there, and
   * GTK cannot be initialised twice in one process: the test starts again
   * as a new process, a few times, before giving up. */
  if (!gtk_init_check ())
    {
      const char *tries = g_getenv ("PLENARY_TEST_DISPLAY_TRIES");
      guint n = tries != NULL ? (guint) g_ascii_strtoull (tries, NULL, 10) : 0;
      g_autofree char *next = g_strdup_printf ("%u", n + 1);

      if (n < 5)
        {
          g_setenv ("PLENARY_TEST_DISPLAY_TRIES", next, TRUE);
          g_usleep (G_USEC_PER_SEC / 2);
          execv ("/proc/self/exe", original);
        }
      g_error ("These tests need a display: run them under xvfb-run (tools/dev test does).");
    }

  app = plenary_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));

  return app;
}

int
plenary_test_run (PlenaryApplication *app)
{
  int ret = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return ret;
}

void
plenary_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  do
    {
      while (g_main_context_iteration (NULL, FALSE));
      g_usleep (1000);
    }
  while (g_get_monotonic_time () < end);
}

void
plenary_test_spin_until (gboolean (*done) (gpointer),
                         gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
command_exited (GObject      *process,
                GAsyncResult *result,
                gpointer      done)
{
  g_subprocess_wait_finish (G_SUBPROCESS (process), result, NULL);
  *(gboolean *) done = TRUE;
}

static gboolean
flag_set (gpointer flag)
{
  return *(gboolean *) flag;
}

/* Runs a command (xdotool) while the main loop runs, so that GTK keeps
 * talking to the X server meanwhile; fails the test if the command does. */
void
plenary_test_run_command (const char * const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, command_exited, &done);
  plenary_test_spin_until (flag_set, &done);
  g_assert_true (g_subprocess_get_successful (process));
}

gboolean
plenary_test_document_idle (gpointer document)
{
  return !plenary_document_get_busy (document);
}

static void
collect_alerts (GtkWidget  *widget,
                GPtrArray  *alerts)
{
  if (PLENARY_IS_ALERT (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (alerts, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_alerts (child, alerts);
}

/* The alerts on screen: windows of their own on libadwaita 1.2, inside the
 * window they belong to on 1.5. */
GPtrArray *
plenary_test_find_alerts (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *alerts = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (window))
        collect_alerts (window, alerts);
    }

  return alerts;
}

PlenaryAlert *
plenary_test_find_message_dialog (void)
{
  g_autoptr(GPtrArray) alerts = plenary_test_find_alerts ();

  return alerts->len > 0 ? g_ptr_array_index (alerts, alerts->len - 1) : NULL;
}

gboolean
plenary_test_dialog_shown (gpointer unused)
{
  return plenary_test_find_message_dialog () != NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Clicks the button of RESPONSE, as the user does. */
void
plenary_test_respond (PlenaryAlert *dialog,
                      const char   *response)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog), plenary_alert_get_response_label (dialog, response));

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  plenary_test_spin (50);
}

char *
plenary_test_buffer_text (PlenaryDocument *document)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (document));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

gboolean
plenary_test_has_label_containing (GtkWidget  *widget,
                                   const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (plenary_test_has_label_containing (child, text))
      return TRUE;
  return FALSE;
}

GtkWidget *
plenary_test_find_child (GtkWidget *widget,
                         GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = plenary_test_find_child (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

guint
plenary_test_count_recovery_copies (PlenaryApplication *app)
{
  GFile *dir = plenary_recovery_get_directory (plenary_session_get_recovery (plenary_application_get_session (app)));
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
