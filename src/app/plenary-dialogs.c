/* plenary-dialogs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-dialogs.h"

GtkWidget *
plenary_alert_new (const char *heading,
                   const char *body)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  return GTK_WIDGET (adw_alert_dialog_new (heading, body));
#else
  return adw_message_dialog_new (NULL, heading, body);
#endif
}

/* When it shows, and so takes the keyboard, and when it is gone:
 * G_MESSAGES_DEBUG=plenary-dialogs tells (the key tests wait for it). */
static void
log_dialog (GtkWidget  *dialog,
            const char *what)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  if (ADW_IS_DIALOG (dialog))
    {
      g_debug ("Dialog “%s” %s", adw_dialog_get_title (ADW_DIALOG (dialog)), what);
      return;
    }
#endif
  g_debug ("Dialog “%s” %s", gtk_window_get_title (GTK_WINDOW (dialog)), what);
}

/* At its first frame its focus is settled: keys go there from then on. */
static gboolean
on_dialog_first_frame (GtkWidget     *dialog,
                       GdkFrameClock *clock,
                       gpointer       data)
{
  log_dialog (dialog, "shown");
  return G_SOURCE_REMOVE;
}

static void
on_dialog_map (GtkWidget *dialog)
{
  gtk_widget_add_tick_callback (dialog, on_dialog_first_frame, NULL, NULL);
}

static void
on_dialog_unmap (GtkWidget *dialog)
{
  log_dialog (dialog, "gone");
}

/* An AdwDialog shows inside the window PARENT belongs to; a dialog window
 * stays above it. */
void
plenary_dialog_present (GtkWidget *dialog,
                        GtkWidget *parent)
{
  g_signal_connect (dialog, "map", G_CALLBACK (on_dialog_map), NULL);
  g_signal_connect (dialog, "unmap", G_CALLBACK (on_dialog_unmap), NULL);
#if ADW_CHECK_VERSION (1, 5, 0)
  if (ADW_IS_DIALOG (dialog))
    {
      adw_dialog_present (ADW_DIALOG (dialog), parent);
      return;
    }
#endif
  if (parent != NULL && GTK_IS_WINDOW (gtk_widget_get_root (parent)))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (parent)));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
plenary_dialog_close (GtkWidget *dialog)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  if (ADW_IS_DIALOG (dialog))
    {
      adw_dialog_force_close (ADW_DIALOG (dialog));
      return;
    }
#endif
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
plenary_show_about (GtkWidget *parent)
{
  const char *developers[] = { _("The Plenary developers"), NULL };

#if ADW_CHECK_VERSION (1, 5, 0)
  /* Version, links, licence and the release notes that "What's New" shows:
   * from the metainfo, as GNOME Software shows them. */
  AdwDialog *about = adw_about_dialog_new_from_appdata ("/org/plenary/Plenary/" APP_ID ".metainfo.xml",
                                                        PACKAGE_VERSION);

  adw_about_dialog_set_developer_name (ADW_ABOUT_DIALOG (about), _("The Plenary developers"));
  adw_about_dialog_set_developers (ADW_ABOUT_DIALOG (about), developers);
  adw_about_dialog_set_comments (ADW_ABOUT_DIALOG (about), _("Draft and annotate resolutions and the briefs behind them."));
  adw_about_dialog_set_copyright (ADW_ABOUT_DIALOG (about), _("© 2026 The Plenary developers"));
  adw_about_dialog_set_translator_credits (ADW_ABOUT_DIALOG (about), _("translator-credits"));
  adw_dialog_present (about, parent);
#else
  adw_show_about_window (GTK_WINDOW (gtk_widget_get_root (parent)),
                         "application-name", "Plenary",
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Plenary developers"),
                         "developers", developers,
                         "comments", _("Draft and annotate resolutions and the briefs behind them."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", _("© 2026 The Plenary developers"),
                         "translator-credits", _("translator-credits"),
                         NULL);
#endif
}

typedef struct
{
  GtkWidget *widget;
  char      *action_name;
  GVariant  *param;
} AuthorRequest;

static void
author_request_free (gpointer data,
                     GClosure *closure)
{
  AuthorRequest *request = data;

  g_object_unref (request->widget);
  g_free (request->action_name);
  g_clear_pointer (&request->param, g_variant_unref);
  g_free (request);
}

static void
author_response_cb (PlenaryAlert  *dialog,
                    const char    *response,
                    AuthorRequest *request)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (plenary_alert_get_extra_child (dialog))));
  g_autoptr(GSettings) settings = NULL;

  if (!g_str_equal (response, "continue") || *g_strstrip (name) == '\0')
    return;

  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "author-name", name);
  gtk_widget_activate_action_variant (request->widget, request->action_name, request->param);
}

/* The first time, ask for the name rather than print the login name. */
gboolean
plenary_ask_author_first (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *name = g_settings_get_string (settings, "author-name");
  const char *real_name = g_get_real_name ();
  AuthorRequest *request;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (*g_strstrip (name) != '\0')
    return FALSE;

  dialog = plenary_alert_new (_("Your Name"),
                              _("Comments and citations show who wrote them to the other delegations. "
                                "The name is kept in Preferences, where it can be changed."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name or delegation"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  /* The account's full name, never its login name ("root"). */
  if (g_strcmp0 (real_name, g_get_user_name ()) != 0 && g_strcmp0 (real_name, "Unknown") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), real_name);
  plenary_alert_set_extra_child (PLENARY_ALERT (dialog), entry);
  plenary_alert_add_responses (PLENARY_ALERT (dialog),
                               "cancel", _("_Cancel"),
                               "continue", _("C_ontinue"),
                               NULL);
  plenary_alert_set_response_appearance (PLENARY_ALERT (dialog), "continue", ADW_RESPONSE_SUGGESTED);
  plenary_alert_set_default_response (PLENARY_ALERT (dialog), "continue");
  plenary_alert_set_close_response (PLENARY_ALERT (dialog), "cancel");

  request = g_new0 (AuthorRequest, 1);
  request->widget = g_object_ref (widget);
  request->action_name = g_strdup (action_name);
  request->param = param != NULL ? g_variant_ref_sink (param) : NULL;
  g_signal_connect_data (dialog, "response", G_CALLBACK (author_response_cb), request,
                         author_request_free, 0);
  plenary_dialog_present (dialog, GTK_WIDGET (gtk_widget_get_root (widget)));
  gtk_widget_grab_focus (entry);

  return TRUE;
}
