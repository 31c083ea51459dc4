/* test-markers.c: the numbers the editor draws stand clear of the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor is rendered to pixels as on screen; on every numbered line the
 * drawn marker ("2.", "a)", "iii)", "(viii)") must be one run of ink with
 * blank columns between it and the first letter of the text.
 */

#include "config.h"

#include "plenary-test-utils.h"

static PlenaryApplication *app;

/* Wider than a word space at any size tried, narrower than the gap the
 * editor leaves after a marker. */
#define MIN_GAP 6

static const char french[] =
  "L'Assemblée générale,\n"
  "Rappelant ses résolutions,\n"
  "Prie le Secrétaire général :\n"
  "\tde faire rapport ;\n"
  "\td'informer les États :\n"
  "\t\tpremier ;\n\t\tdeuxième ;\n\t\ttroisième ;\n\t\tquatrième ;\n"
  "\t\tcinquième ;\n\t\tsixième ;\n\t\tseptième ;\n\t\thuitième ;\n"
  "\tMême ;\n"
  "Décide de rester saisie de la question.\n";

static const char english[] =
  "The General Assembly,\n"
  "Recalling its resolutions,\n"
  "Requests the Secretary-General:\n"
  "\tto report;\n"
  "\tto inform States:\n"
  "\t\tfirst;\n\t\tsecond;\n\t\tthird;\n\t\tfourth;\n"
  "\t\tfifth;\n\t\tsixth;\n\t\tseventh;\n\t\teighth;\n"
  "\tWhole;\n"
  "Decides to remain seized of the matter.\n";

typedef struct
{
  guchar *pixels;
  gsize   stride;
  int     width;
  int     height;
} Image;

typedef struct
{
  GtkWidget *widget;
  Image     *image;
} Render;

/* FALSE while the widget has no drawing yet (a new size or font pending). */
static gboolean
render (gpointer data)
{
  Render *render = data;
  GtkWidget *widget = render->widget;
  Image *image = render->image;
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  image->width = gtk_widget_get_width (widget);
  image->height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, image->width, image->height);
  if ((node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot))) == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, image->width, image->height));
  image->stride = 4 * image->width;
  image->pixels = g_malloc (image->stride * image->height);
  gdk_texture_download (texture, image->pixels, image->stride);

  return TRUE;
}

/* A column has ink when a pixel of the band is much darker than the page. */
static gboolean
has_ink (const Image *image,
         int          x,
         int          top,
         int          bottom)
{
  for (int y = MAX (top, 0); y < MIN (bottom, image->height); y++)
    {
      const guchar *p = image->pixels + y * image->stride + 4 * x;

      if ((p[0] + p[1] + p[2]) / 3 < 160)
        return TRUE;
    }
  return FALSE;
}

/* On LINE, the first run of ink (the marker, its letters closer than
 * MIN_GAP) must be followed by at least MIN_GAP blank columns. */
static void
assert_marker_clear (PlenaryEditorView *view,
                     const Image       *image,
                     guint              line,
                     const char        *context)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (view);
  GtkTextIter iter;
  int y, height, wy, blank = 0, run_start = -1;
  gboolean in_run = FALSE;

  gtk_text_buffer_get_iter_at_line (gtk_text_view_get_buffer (text_view), &iter, line);
  gtk_text_view_get_line_yrange (text_view, &iter, &y, &height);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET, 0, y, NULL, &wy);

  for (int x = 0; x < image->width; x++)
    {
      if (has_ink (image, x, wy + 2, wy + height - 2))
        {
          if (run_start < 0)
            run_start = x;
          else if (!in_run && blank >= MIN_GAP)
            return;   /* the marker, then a clear gap, then the text */
          in_run = TRUE;
          blank = 0;
        }
      else if (run_start >= 0)
        {
          in_run = FALSE;
          blank++;
        }
    }

  g_error ("%s: the marker of line %u touches its text (ink from x=%d on, no gap of %d px)",
           context, line, run_start, MIN_GAP);
}

typedef struct
{
  PlenaryEditorView *view;
  int                line_height;  /* before the font changed */
} Wait;

/* The view shown, its lines laid out in the new font. */
static gboolean
relaid_out (gpointer data)
{
  Wait *wait = data;
  GtkTextView *text_view = GTK_TEXT_VIEW (wait->view);
  GtkTextIter iter;
  int y, height;

  if (!gtk_widget_get_mapped (GTK_WIDGET (text_view)) || gtk_widget_get_width (GTK_WIDGET (text_view)) == 0)
    return FALSE;
  gtk_text_buffer_get_iter_at_line (gtk_text_view_get_buffer (text_view), &iter, 2);
  gtk_text_view_get_line_yrange (text_view, &iter, &y, &height);

  return height > 0 && height != wait->line_height;
}

static void
check_markers (gconstpointer data)
{
  const char *language = data;
  gboolean fr = g_str_equal (language, "fr");
  const char *sizes[] = { "Serif 9", "Serif 13", "Serif 22" };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryDocument *document;
  PlenaryEditorView *view;

  gtk_window_set_default_size (GTK_WINDOW (window), 1440, 1000);
  plenary_application_new_draft (app, window, fr ? "resolution-fr" : "resolution-en");
  document = plenary_window_get_visible_document (window);
  view = plenary_page_get_view (plenary_window_get_visible_page (window));
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (plenary_document_get_buffer (document)),
                            fr ? french : english, -1);
  gtk_window_present (GTK_WINDOW (window));

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      Wait wait = { view, 0 };
      GtkTextIter iter;
      Image image;
      int y;

      gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (plenary_document_get_buffer (document)), &iter, 2);
      if (gtk_widget_get_mapped (GTK_WIDGET (view)))
        gtk_text_view_get_line_yrange (GTK_TEXT_VIEW (view), &iter, &y, &wait.line_height);
      g_settings_set_string (settings, "editor-font", sizes[s]);
      Render rendering = { GTK_WIDGET (view), &image };

      plenary_test_spin_until (relaid_out, &wait);
      plenary_test_spin_until (render, &rendering);
      /* Operative 1, a), b), i) to viii), c), operative 2. */
      for (guint line = 2; line <= 14; line++)
        {
          g_autofree char *context = g_strdup_printf ("%s, %s", language, sizes[s]);
          assert_marker_clear (view, &image, line, context);
        }
      g_free (image.pixels);
    }

  g_settings_reset (settings, "editor-font");
  plenary_document_set_modified (document, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  plenary_test_spin (30);
}

int
main (int   argc,
      char *argv[])
{
  app = plenary_test_init (&argc, &argv);

  g_test_add_data_func ("/markers/clear-of-text/fr", "fr", check_markers);
  g_test_add_data_func ("/markers/clear-of-text/en", "en", check_markers);

  return plenary_test_run (app);
}
