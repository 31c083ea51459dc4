/* test-inhibit.c: logout is held back while a draft is unsaved
 *
 * A session bus of its own, with a stand-in for GNOME's session manager
 * (org.gnome.SessionManager, which GTK asks through
 * gtk_application_inhibit()), served from a thread of its own because GTK
 * calls it synchronously.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/prctl.h>

#include "plenary-test-utils.h"

static PlenaryApplication *app;

static const char introspection[] =
  "<node>"
  "  <interface name='org.gnome.SessionManager'>"
  "    <method name='RegisterClient'>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='o' direction='out'/>"
  "    </method>"
  "    <method name='Inhibit'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='u' direction='in'/><arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='Uninhibit'><arg type='u' direction='in'/></method>"
  "    <method name='IsInhibited'><arg type='u' direction='in'/><arg type='b' direction='out'/></method>"
  "  </interface>"
  "</node>";

static int inhibited;       /* atomic: inhibitions held */
static int logout_flag;     /* atomic: the last Inhibit asked for logout */
static char *last_reason;   /* under reason_lock */
G_LOCK_DEFINE_STATIC (reason_lock);

static void
on_method_call (GDBusConnection       *connection,
                const char            *sender,
                const char            *path,
                const char            *interface,
                const char            *method,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               data)
{
  if (g_str_equal (method, "RegisterClient"))
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(o)", "/org/gnome/SessionManager/Client1"));
  else if (g_str_equal (method, "Inhibit"))
    {
      const char *app_id, *reason;
      guint xid, flags;

      g_variant_get (parameters, "(&su&su)", &app_id, &xid, &reason, &flags);
      G_LOCK (reason_lock);
      g_free (last_reason);
      last_reason = g_strdup (reason);
      G_UNLOCK (reason_lock);
      g_atomic_int_set (&logout_flag, (flags & GTK_APPLICATION_INHIBIT_LOGOUT) != 0);
      g_atomic_int_inc (&inhibited);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", 7));
    }
  else if (g_str_equal (method, "Uninhibit"))
    {
      g_atomic_int_dec_and_test (&inhibited);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(b)", FALSE));
}

static gpointer
serve_session_manager (gpointer address)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (context, FALSE);
  g_autoptr(GDBusNodeInfo) node = g_dbus_node_info_new_for_xml (introspection, NULL);
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  static const GDBusInterfaceVTable vtable = { on_method_call, NULL, NULL };

  g_main_context_push_thread_default (context);
  connection = g_dbus_connection_new_for_address_sync (address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (connection, "/org/gnome/SessionManager", node->interfaces[0],
                                     &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.gnome.SessionManager", 0),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_main_loop_run (loop);

  return NULL;
}

static gboolean
is_inhibited (gpointer data)
{
  return g_atomic_int_get (&inhibited) > 0;
}

static gboolean
is_not_inhibited (gpointer data)
{
  return g_atomic_int_get (&inhibited) == 0;
}

static void
test_unsaved_draft_inhibits_logout (void)
{
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryDocument *document;
  GtkTextBuffer *buffer;
  GtkTextIter end;

  plenary_application_new_draft (app, window, "resolution-fr");
  document = plenary_window_get_visible_document (window);
  plenary_test_spin (50);
  g_assert_cmpint (g_atomic_int_get (&inhibited), ==, 0);

  buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (document));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nPrie instamment les États de coopérer ;", -1);
  plenary_test_spin_until (is_inhibited, NULL);
  g_assert_cmpint (g_atomic_int_get (&logout_flag), ==, 1);
  G_LOCK (reason_lock);
  g_assert_cmpstr (last_reason, ==, "There are drafts with unsaved changes");
  G_UNLOCK (reason_lock);

  /* Saved or discarded: logout may go on. */
  plenary_document_set_modified (document, FALSE);
  plenary_test_spin_until (is_not_inhibited, NULL);

  plenary_window_set_close_confirmed (window);
  gtk_window_destroy (GTK_WINDOW (window));
  plenary_test_spin (50);
}

/* The bus goes with the test, even one that fails. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

int
main (int   argc,
      char *argv[])
{
  const char *daemon_argv[] = { "dbus-daemon", "--session", "--nofork", "--print-address=1", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  GPid daemon;
  int out_fd;
  int status;

  /* dbus-daemon is in tools/dev's package list. A busy machine has seen it
   * give up at start, or refuse the first connection: it is started again
   * until a connection to it works. */
  for (guint attempt = 0; bus == NULL; attempt++)
    {
      g_autoptr(GIOChannel) channel = NULL;

      g_clear_pointer (&address, g_free);
      g_clear_error (&error);
      if (attempt == 20)
        g_error ("dbus-daemon did not start");
      if (attempt > 0)
        g_usleep (250 * 1000);
      if (!g_spawn_async_with_pipes (NULL, (char **) daemon_argv, NULL, G_SPAWN_SEARCH_PATH,
                                     die_with_parent, NULL, &daemon, NULL, &out_fd, NULL, &error))
        g_error ("dbus-daemon: %s", error->message);
      /* The pipe stays open: a daemon writing to a closed one would die. */
      channel = g_io_channel_unix_new (out_fd);
      g_io_channel_read_line (channel, &address, NULL, NULL, NULL);
      if (address != NULL)
        g_strstrip (address);
      if (address != NULL && *address != '\0')
        bus = g_dbus_connection_new_for_address_sync (address,
                                                      G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                      G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                      NULL, NULL, &error);
      if (bus == NULL)
        {
          kill (daemon, SIGTERM);
          g_spawn_close_pid (daemon);
        }
    }
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  g_thread_unref (g_thread_new ("session-manager", serve_session_manager, address));
  /* The name is owned before GTK looks for it at start-up. */
  {
    gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
    gboolean owned = FALSE;

    while (!owned)
      {
        g_autoptr(GVariant) reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                                 "org.freedesktop.DBus", "NameHasOwner",
                                                                 g_variant_new ("(s)", "org.gnome.SessionManager"),
                                                                 G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                                                 -1, NULL, NULL);

        if (reply != NULL)
          g_variant_get (reply, "(b)", &owned);
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        if (!owned)
          g_usleep (10000);
      }
  }

  app = plenary_test_init (&argc, &argv);
  g_test_add_func ("/inhibit/unsaved-draft", test_unsaved_draft_inhibits_logout);
  status = plenary_test_run (app);

  kill (daemon, SIGTERM);
  g_spawn_close_pid (daemon);

  return status;
}
