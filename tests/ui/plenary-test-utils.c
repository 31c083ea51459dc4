/* plenary-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plenary-test-utils.h"

PlenaryApplication *
plenary_test_init (int    *argc,
                   char ***argv)
{
  PlenaryApplication *app;

  plenary_i18n_init ();
  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    g_error ("These tests need a display: run them under xvfb-run (tools/dev test does).");

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

gboolean
plenary_test_document_idle (gpointer document)
{
  return !plenary_document_get_busy (document);
}

AdwMessageDialog *
plenary_test_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

gboolean
plenary_test_dialog_shown (gpointer unused)
{
  return plenary_test_find_message_dialog () != NULL;
}

void
plenary_test_respond (AdwMessageDialog *dialog,
                      const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
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
