/* plenary-zoom.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-zoom"

#include "config.h"

#include "plenary-zoom.h"

#define ZOOM_MIN  0.5
#define ZOOM_MAX  3.0
#define ZOOM_STEP 0.1
/* The editor's size when its font names none. */
#define DEFAULT_POINTS 11.0

struct _PlenaryZoom
{
  GObject         parent_instance;

  GSettings      *settings;
  GtkCssProvider *provider;
  double          zoom;
};

typedef PlenaryZoom Zoom;

G_DEFINE_FINAL_TYPE (PlenaryZoom, plenary_zoom, G_TYPE_OBJECT)

static void
update_css (Zoom *zoom)
{
  g_autofree char *font = g_settings_get_string (zoom->settings, "editor-font");
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  gboolean absolute = pango_font_description_get_size_is_absolute (desc);
  double size = DEFAULT_POINTS;
  char editor[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *css = NULL;

  if (pango_font_description_get_set_fields (desc) & PANGO_FONT_MASK_SIZE)
    size = pango_font_description_get_size (desc) / (double) PANGO_SCALE;
  else
    absolute = FALSE;

  /* CSS wants a decimal point whatever the locale says. */
  g_ascii_formatd (editor, sizeof editor, "%.1f", size * zoom->zoom);
  css = g_strdup_printf (".plenary-editor { font-size: %s%s; }\n",
                         editor, absolute ? "px" : "pt");
  /* At 100 %, the editor font of the preferences alone. */
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_css_provider_load_from_string (zoom->provider, G_APPROX_VALUE (zoom->zoom, 1.0, 0.01) ? "" : css);
#else
  gtk_css_provider_load_from_data (zoom->provider, G_APPROX_VALUE (zoom->zoom, 1.0, 0.01) ? "" : css, -1);
#endif
}

static void
set_zoom (Zoom   *zoom,
          double  value)
{
  zoom->zoom = CLAMP (value, ZOOM_MIN, ZOOM_MAX);
  update_css (zoom);
}

/* The reading pane has a zoom of its own: while it has the focus, the
 * shortcuts are its. */
static gboolean
zoom_source (const char *action)
{
  GApplication *application = g_application_get_default ();
  GtkWindow *window = GTK_IS_APPLICATION (application)
                      ? gtk_application_get_active_window (GTK_APPLICATION (application)) : NULL;
  GtkWidget *focus = window != NULL ? gtk_root_get_focus (GTK_ROOT (window)) : NULL;

  return focus != NULL && gtk_widget_activate_action (focus, action, NULL);
}

static void
zoom_in_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  Zoom *zoom = user_data;

  if (!zoom_source ("source.zoom-in"))
    set_zoom (zoom, zoom->zoom + ZOOM_STEP);
}

static void
zoom_out_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  Zoom *zoom = user_data;

  if (!zoom_source ("source.zoom-out"))
    set_zoom (zoom, zoom->zoom - ZOOM_STEP);
}

static void
zoom_reset_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  if (!zoom_source ("source.zoom-reset"))
    set_zoom (user_data, 1.0);
}

static void
plenary_zoom_dispose (GObject *object)
{
  PlenaryZoom *self = PLENARY_ZOOM (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->provider);

  G_OBJECT_CLASS (plenary_zoom_parent_class)->dispose (object);
}

static void
plenary_zoom_class_init (PlenaryZoomClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = plenary_zoom_dispose;
}

static void
plenary_zoom_init (PlenaryZoom *self)
{
  self->zoom = 1.0;
}

PlenaryZoom *
plenary_zoom_new (GtkApplication *application,
                  GSettings      *settings)
{
  static const GActionEntry actions[] = {
    { "zoom-in", zoom_in_action },
    { "zoom-out", zoom_out_action },
    { "zoom-reset", zoom_reset_action },
  };
  static const char *in_accels[] = { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL };
  static const char *out_accels[] = { "<Control>minus", "<Control>KP_Subtract", NULL };
  static const char *reset_accels[] = { "<Control>0", "<Control>KP_0", NULL };
  PlenaryZoom *zoom;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  zoom = g_object_new (PLENARY_TYPE_ZOOM, NULL);
  zoom->settings = g_object_ref (settings);
  zoom->provider = gtk_css_provider_new ();
  /* Above the provider of the editor font. */
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (zoom->provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  g_signal_connect_object (settings, "changed::editor-font", G_CALLBACK (update_css), zoom, G_CONNECT_SWAPPED);

  g_action_map_add_action_entries (G_ACTION_MAP (application), actions, G_N_ELEMENTS (actions), zoom);
  gtk_application_set_accels_for_action (application, "app.zoom-in", in_accels);
  gtk_application_set_accels_for_action (application, "app.zoom-out", out_accels);
  gtk_application_set_accels_for_action (application, "app.zoom-reset", reset_accels);

  return zoom;
}
