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
