/* test-reading-pane.c: a PDF source in the reading pane beside the draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "plenary-print.h"
#include "plenary-source-files.h"
#include "plenary-test-utils.h"
#include "plenary-window-private.h"

#define N_PAGES 20

static PlenaryApplication *app;

/* The sentence of each page; the one quoted is on page 12. */
static char *
sentence_of_page (guint page)
{
  return g_strdup_printf ("The Assembly welcomes the report on cooperation number %u.", page);
}

/* A report of N_PAGES pages, drawn with cairo and Pango like any PDF writer. */
static char *
write_report (const char *dir)
{
  char *path = g_build_filename (dir, "Report of the Secretary-General.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("DejaVu Serif 10");

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, 480 * PANGO_SCALE);
  for (guint page = 1; page <= N_PAGES; page++)
    {
      g_autofree char *sentence = sentence_of_page (page);
      g_autofree char *text = g_strdup_printf ("Chapter %u\n\nIntroductory words of the chapter come first.\n%s\n"
                                               "Other words follow it on the same page.", page, sentence);

      pango_layout_set_text (layout, text, -1);
      cairo_move_to (cr, 56, 72);
      pango_cairo_show_layout (cr, layout);
      cairo_show_page (cr);
    }

  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return path;
}

typedef struct
{
  PlenaryWindow       *window;
  PlenarySourceViewer *viewer;
  PlenaryPdfView      *view;
  PlenarySource       *source;
  PlenaryDocument     *document;
  char                *dir;
} Fixture;

static gboolean
panel_idle (gpointer data)
{
  return !plenary_sources_panel_get_busy (data);
}

typedef struct
{
  PlenaryPdfView *view;
  guint           n_pages;
} PagesWait;

static gboolean
has_pages (gpointer data)
{
  PagesWait *wait = data;

  return plenary_pdf_view_get_n_pages (wait->view) == wait->n_pages;
}

typedef struct
{
  PlenaryPdfView *view;
  guint           page;
} PageWait;

/* The page's text and image have come from the worker. */
static gboolean
page_ready (gpointer data)
{
  PageWait *wait = data;
  g_autoptr(GArray) rects = plenary_pdf_view_get_text_rects (wait->view, wait->page, 0, 1);

  gtk_widget_queue_draw (GTK_WIDGET (wait->view));
  return rects != NULL && plenary_pdf_view_get_cache_size (wait->view) > 0;
}

static gboolean
on_page_12 (gpointer data)
{
  return plenary_pdf_view_get_page (data) == 12;
}

static gint64
offset_of (PlenarySource *source,
           const char    *words)
{
  const char *text = plenary_source_get_text (source);
  const char *found = strstr (text, words);

  g_assert_nonnull (found);
  return g_utf8_pointer_to_offset (text, found);
}

static void
fixture_init (Fixture *f,
              int      width)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  PlenaryDraft *draft;

  g_settings_set_string (settings, "author-name", "France");
  f->dir = g_dir_make_tmp ("plenary-reading-XXXXXX", NULL);
  path = write_report (f->dir);
  file = g_file_new_for_path (path);

  f->window = plenary_application_new_window (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, 900);
  plenary_test_spin (50);
  plenary_application_new_draft (app, f->window, "resolution-fr");
  plenary_test_spin (50);
  f->document = plenary_window_get_visible_document (f->window);
  draft = plenary_document_get_draft (f->document);

  /* Imported as a user adds it: the panel's add, in its worker. */
  g_list_store_append (files, file);
  plenary_sources_panel_add_files (f->window->sources_panel, G_LIST_MODEL (files));
  plenary_test_spin_until (panel_idle, f->window->sources_panel);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plenary_draft_get_sources (draft))), ==, 1);
  f->source = g_list_model_get_item (G_LIST_MODEL (plenary_draft_get_sources (draft)), 0);
  g_object_unref (f->source);
  g_assert_cmpuint (plenary_source_get_page_starts (f->source)->len, ==, N_PAGES);

  f->viewer = plenary_sources_panel_get_viewer (f->window->sources_panel);
  f->view = plenary_source_viewer_get_pdf_view (f->viewer);
}

/* SOURCE, a PDF of N_PAGES pages, opened as a reader does: shown as pages. */
static void
open_pdf_source (Fixture       *f,
                 PlenarySource *source,
                 guint          n_pages)
{
  PagesWait pages = { f->view, n_pages };

  plenary_sources_panel_open_source (f->window->sources_panel, source, -1, -1);
  g_assert_true (plenary_source_viewer_get_showing_pages (f->viewer));
  plenary_test_spin_until (has_pages, &pages);
}

static void
open_source (Fixture *f)
{
  open_pdf_source (f, f->source, N_PAGES);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->viewer)));
}

static void
fixture_clear (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  plenary_test_spin (50);
  g_free (f->dir);
}

static GdkTexture *
render_now (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Pixels of WIDGET as drawn at the next frame (after its layout). */
static GdkTexture *
render (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);

  gtk_widget_queue_draw (widget);
  plenary_test_spin_until (is_true, &painted);
  g_signal_handler_disconnect (clock, handler);
  return render_now (widget);
}

static void
save_screenshot (Fixture    *f,
                 const char *name)
{
  const char *dir = g_getenv ("PLENARY_SCREENSHOT_DIR");
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  texture = render (GTK_WIDGET (f->window));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

/* The share of the pixels of AREA (widget pixels) that are green. */
static double
green_share (GdkTexture            *texture,
             const graphene_rect_t *area)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  guint green = 0, all = 0;

  gdk_texture_download (texture, pixels, width * 4);
  for (int y = MAX (0, (int) area->origin.y); y < MIN (height, (int) (area->origin.y + area->size.height)); y++)
    for (int x = MAX (0, (int) area->origin.x); x < MIN (width, (int) (area->origin.x + area->size.width)); x++)
      {
        /* Cairo's order: B, G, R, A. */
        const guchar *p = pixels + (gsize) y * width * 4 + 4 * x;

        all++;
        if (p[1] > p[2] + 30 && p[1] > p[0] + 30)
          green++;
      }

  return all > 0 ? (double) green / all : 0;
}

/* The pane at the width asked, or as wide as the draft beside it when the
 * draft has no room for more. */
static gboolean
pane_at_width (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  int wanted = g_settings_get_int (settings, "reading-pane-width");
  int pane = gtk_widget_get_width (GTK_WIDGET (f->viewer));
  int draft = gtk_widget_get_width (GTK_WIDGET (f->window->content_stack));

  return ABS (pane - wanted) <= 2 || (pane < wanted && ABS (draft - pane) <= 2);
}

/* The pane beside the draft, on both libadwaitas: neither covers the
 * other, and the draft keeps at least half of the room beside its side
 * panels (as wide as the pane or wider). */
static void
assert_beside_draft (Fixture *f)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  graphene_rect_t draft, pane;

  g_assert_false (plenary_reading_split_get_covering (f->window->reading_split));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (f->window->content_stack), window, &draft));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (f->viewer), window, &pane));
  g_assert_cmpfloat (pane.size.width, >=, 360 - 1);
  g_assert_cmpfloat (draft.size.width, >=, pane.size.width - 2);
  g_assert_cmpfloat (draft.origin.x + draft.size.width, <=, pane.origin.x + 0.5);
  /* Both drawn, at the same height. */
  g_assert_cmpfloat (draft.size.height, >, 100);
  g_assert_cmpfloat (ABS (draft.origin.y - pane.origin.y), <, 1);
}

/* The widest page shown whole in the pane beside the draft (about 400 px,
 * where a page at 100 % takes 793). */
static gboolean
page_fits (gpointer data)
{
  Fixture *f = data;
  graphene_rect_t area;

  return plenary_pdf_view_get_zoom (f->view) < 1.0 && plenary_pdf_view_get_page_area (f->view, 0, &area)
         && area.origin.x >= 0
         && area.origin.x + area.size.width <= gtk_widget_get_width (GTK_WIDGET (f->view));
}

static void
test_cite_from_page (void)
{
  Fixture f = { 0 };
  g_autofree char *sentence = sentence_of_page (12);
  g_autofree char *text = NULL;
  g_autofree char *pdf_text = NULL;
  g_autoptr(GArray) rects = NULL;
  GListModel *annotations;
  PageWait wait;
  gint64 start, end;
  GtkEditable *spin;

  fixture_init (&f, 1440);
  open_source (&f);
  plenary_test_spin_until (pane_at_width, &f);
  assert_beside_draft (&f);
  plenary_test_spin_until (page_fits, &f);

  /* Page 12, typed in the page field as a reader does. */
  spin = GTK_EDITABLE (plenary_test_find_child (GTK_WIDGET (f.viewer), GTK_TYPE_SPIN_BUTTON));
  g_assert_nonnull (spin);
  gtk_editable_set_text (spin, "12");
  /* What Enter in the field does. */
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  plenary_test_spin_until (on_page_12, f.view);
  wait = (PageWait) { f.view, 11 };
  plenary_test_spin_until (page_ready, &wait);

  /* The page says where it is, and how many there are. */
  g_assert_nonnull (plenary_test_find_child (GTK_WIDGET (f.viewer), GTK_TYPE_LABEL));

  /* From the first letter of the sentence to the last, on the drawn
   * page (the view's selection API: the offsets a drag picks). */
  start = offset_of (f.source, sentence);
  end = start + g_utf8_strlen (sentence, -1);
  rects = plenary_pdf_view_get_text_rects (f.view, 11, start, end);
  g_assert_nonnull (rects);
  g_assert_cmpuint (rects->len, >=, 1);
  {
    graphene_rect_t *first = &g_array_index (rects, graphene_rect_t, 0);
    graphene_rect_t *last = &g_array_index (rects, graphene_rect_t, rects->len - 1);

    g_assert_true (plenary_pdf_view_select_on_page (f.view, 11,
                                                    first->origin.x + 0.5, first->origin.y + first->size.height / 2,
                                                    last->origin.x + last->size.width - 0.5,
                                                    last->origin.y + last->size.height / 2));
  }
  {
    gint64 s, e;

    g_assert_true (plenary_source_viewer_get_selection_range (f.viewer, &s, &e));
    g_assert_cmpint (s, ==, start);
    g_assert_cmpint (e, ==, end);
  }

  /* Cite in Draft: the quote and its page in the citation. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.cite", NULL));
  plenary_test_spin (50);
  text = plenary_test_buffer_text (f.document);
  g_assert_nonnull (strstr (text, sentence));
  annotations = G_LIST_MODEL (plenary_draft_get_annotations (plenary_document_get_draft (f.document)));
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 1);
  {
    g_autoptr(PlenaryAnnotation) citation = g_list_model_get_item (annotations, 0);
    PlenaryAnchor *anchor = plenary_annotation_get_source_anchor (citation);

    g_assert_cmpint (plenary_annotation_get_kind (citation), ==, PLENARY_ANNOTATION_CITATION);
    g_assert_cmpstr (anchor->exact, ==, sentence);
    g_assert_cmpuint (plenary_source_get_page_at (f.source, anchor->start), ==, 12);
  }

  /* And in the exported PDF's footnote. */
  {
    g_autofree char *path = g_build_filename (f.dir, "draft.pdf", NULL);
    g_autoptr(GtkPrintOperation) operation = plenary_print_operation_new (f.document);
    char *argv[] = { (char *) "pdftotext", path, (char *) "-", NULL };
    GtkPrintOperationResult result;

    gtk_print_operation_set_export_filename (operation, path);
    result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (f.window), NULL);
    g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
    g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &pdf_text, NULL, NULL, NULL));
  }
  {
    /* The quote, its words in order, in the footnote after "p. 12"
     * (pdftotext gives the no-break space as a space or as itself). */
    g_autoptr(GString) text = g_string_new (pdf_text);
    const char *note;

    g_string_replace (text, "\u00a0", " ", 0);
    note = strstr (text->str, "p. 12");

    /* pdftotext may give the no-break space as a space. */
    if (note == NULL)
      note = strstr (pdf_text, "p. 12");
    if (note == NULL)
      g_printerr ("%s\n", pdf_text);

    g_assert_nonnull (note);
    g_assert_nonnull (strstr (note, "cooperation"));
    g_assert_nonnull (strstr (note, "number 12."));
  }

  save_screenshot (&f, "reading-pane-pdf-1440.png");
  fixture_clear (&f);
}

static void
test_highlight_on_page (void)
{
  Fixture f = { 0 };
  g_autofree char *sentence = sentence_of_page (5);
  g_autoptr(GArray) rects = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  PlenaryPage *page;
  PageWait wait;
  graphene_rect_t area, box, below;
  gint64 start;
  double ppp;

  fixture_init (&f, 1440);

  /* A highlight made earlier, as the text view makes it: offsets in the text. */
  page = plenary_window_get_visible_page (f.window);
  start = offset_of (f.source, sentence);
  g_assert_nonnull (plenary_annotations_add_highlight (plenary_page_get_annotations (page), f.source, start,
                                                       start + g_utf8_strlen (sentence, -1), "green", NULL));

  open_source (&f);
  plenary_pdf_view_set_page (f.view, 5);
  wait = (PageWait) { f.view, 4 };
  plenary_test_spin_until (page_ready, &wait);
  plenary_test_spin (100);

  /* Green where the sentence is on page 5, not below it. */
  rects = plenary_pdf_view_get_text_rects (f.view, 4, start, start + 10);
  g_assert_nonnull (rects);
  g_assert_cmpuint (rects->len, >=, 1);
  g_assert_true (plenary_pdf_view_get_page_area (f.view, 4, &area));
  ppp = area.size.width / 595.0;
  box = g_array_index (rects, graphene_rect_t, 0);
  graphene_rect_init (&box, area.origin.x + box.origin.x * ppp, area.origin.y + box.origin.y * ppp,
                      box.size.width * ppp, box.size.height * ppp);
  graphene_rect_offset_r (&box, 0, 200, &below);
  texture = render (GTK_WIDGET (f.view));
  g_assert_cmpfloat (green_share (texture, &box), >, 0.3);
  g_assert_cmpfloat (green_share (texture, &below), <, 0.01);

  fixture_clear (&f);
}

/* The pane over the whole split, once the split is laid out again. */
static gboolean
covers_draft (gpointer data)
{
  Fixture *f = data;

  return plenary_reading_split_get_covering (f->window->reading_split)
         && gtk_widget_get_width (GTK_WIDGET (f->viewer)) >= gtk_widget_get_width (GTK_WIDGET (f->window->reading_split)) - 10;
}

static gboolean
width_saved (gpointer settings)
{
  return g_settings_get_int (settings, "reading-pane-width") == 400;
}

static void
test_resize_pane (void)
{
  Fixture f = { 0 };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkPaned *paned;
  int total;

  fixture_init (&f, 1440);
  open_source (&f);
  plenary_test_spin_until (pane_at_width, &f);
  assert_beside_draft (&f);
  paned = plenary_reading_split_get_paned (f.window->reading_split);
  total = gtk_widget_get_width (GTK_WIDGET (f.window->reading_split));

  /* The handle dragged: the pane takes the width, and keeps it. */
  gtk_paned_set_position (paned, total - 400);
  plenary_test_spin_until (width_saved, settings);
  g_assert_cmpint (g_settings_get_int (settings, "reading-pane-width"), ==, 400);
  plenary_test_spin_until (pane_at_width, &f);
  assert_beside_draft (&f);
  g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (f.viewer)) - 400), <=, 2);

  /* Never wider than the draft: it keeps its half. */
  gtk_paned_set_position (paned, 50);
  plenary_test_spin (100);
  assert_beside_draft (&f);

  save_screenshot (&f, "reading-pane-resized-1440.png");
  fixture_clear (&f);
}

static gboolean
side_panel_put_away (gpointer data)
{
  Fixture *f = data;

  return !plenary_split_view_get_show_sidebar (f->window->side_flap) && pane_at_width (f)
         && gtk_widget_get_width (GTK_WIDGET (f->window->content_stack)) >= 720 - 1;
}

static gboolean
side_panel_back (gpointer data)
{
  Fixture *f = data;

  return plenary_split_view_get_show_sidebar (f->window->side_flap)
         && gtk_widget_get_width (GTK_WIDGET (f->window->content_stack)) > 400;
}

/* At 1440 px with both side panels open (the default), a source opened
 * beside the draft leaves it half the window: the sources list gives its
 * place and comes back when the source is closed. */
static void
test_draft_keeps_half (void)
{
  Fixture f = { 0 };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  fixture_init (&f, 1440);
  g_assert_true (plenary_split_view_get_show_sidebar (f.window->side_flap));
  g_assert_true (plenary_split_view_get_show_sidebar (f.window->comments_flap));

  open_source (&f);
  plenary_test_spin_until (side_panel_put_away, &f);
  assert_beside_draft (&f);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f.window->content_stack)), >=,
                   gtk_widget_get_width (GTK_WIDGET (f.window)) / 2);
  /* The comments of the source stay beside it; the user's choice is kept. */
  g_assert_true (plenary_split_view_get_show_sidebar (f.window->comments_flap));
  g_assert_true (g_settings_get_boolean (settings, "show-side-panel"));
  /* Once the list has slid away. */
  plenary_test_spin (500);
  assert_beside_draft (&f);
  save_screenshot (&f, "reading-pane-half-1440.png");

  /* Closed (Escape in the pane): the list is back. */
  g_signal_emit_by_name (f.viewer, "close");
  plenary_test_spin_until (side_panel_back, &f);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f.viewer)));

  /* The list opened again by the user (F9) while reading stays open: the
   * pane then keeps its smallest width beside it. */
  open_source (&f);
  plenary_test_spin_until (side_panel_put_away, &f);
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.toggle-side-panel", NULL);
  plenary_test_spin_until (side_panel_back, &f);
  plenary_test_spin (300);
  g_assert_true (plenary_split_view_get_show_sidebar (f.window->side_flap));
  assert_beside_draft (&f);
  g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (f.viewer)) - 360), <=, 2);
  g_signal_emit_by_name (f.viewer, "close");
  plenary_test_spin (300);
  g_assert_true (plenary_split_view_get_show_sidebar (f.window->side_flap));
  g_assert_true (g_settings_get_boolean (settings, "show-side-panel"));

  fixture_clear (&f);
}

/* Hostile PDFs ----------------------------------------------------------- */

/* A PDF of N_PAGES pages of WIDTH × HEIGHT points, "Page n of the annex."
 * on each. */
static char *
write_pages (const char *dir,
             const char *name,
             guint       n_pages,
             double      width,
             double      height)
{
  char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_select_font_face (cr, "DejaVu Serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 12);
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *line = g_strdup_printf ("Page %u of the annex.", page);

      cairo_move_to (cr, 56, 72);
      cairo_show_text (cr, line);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return path;
}

/* Adds the file at PATH as a user does and returns its source. */
static PlenarySource *
add_source (Fixture    *f,
            const char *path)
{
  GListModel *sources = G_LIST_MODEL (plenary_draft_get_sources (plenary_document_get_draft (f->document)));
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint before = g_list_model_get_n_items (sources);
  PlenarySource *source;

  g_list_store_append (files, file);
  plenary_sources_panel_add_files (f->window->sources_panel, G_LIST_MODEL (files));
  plenary_test_spin_until (panel_idle, f->window->sources_panel);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, before + 1);
  source = g_list_model_get_item (sources, before);
  g_object_unref (source);
  return source;
}

static GtkWidget *
find_label_starting (GtkWidget  *widget,
                     const char *beginning)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), beginning))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_starting (child, beginning);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The file kept for SOURCE's pages, replaced by CONTENTS. */
static void
replace_kept_file (PlenarySource *source,
                   const char    *contents,
                   gsize          length)
{
  JsonObject *extra = plenary_source_get_extra (source);
  g_autoptr(GFile) kept = NULL;
  g_autofree char *path = NULL;

  g_assert_nonnull (extra);
  kept = plenary_source_files_lookup (json_object_get_string_member (extra, "file_sha256"));
  g_assert_nonnull (kept);
  path = g_file_get_path (kept);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

/* The viewer gave up the pages for the source's text, which it shows. */
static gboolean
shows_text_instead (gpointer data)
{
  Fixture *f = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (plenary_source_viewer_get_text_view (f->viewer));
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (plenary_source_viewer_get_showing_pages (f->viewer))
    return FALSE;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return strstr (text, "cooperation number 12.") != NULL
         && gtk_widget_is_drawable (GTK_WIDGET (plenary_source_viewer_get_text_view (f->viewer)));
}

/* The pane says why its pages are not shown, beginning with BEGINNING,
 * and that the text is shown instead. */
static void
assert_viewer_message (Fixture    *f,
                       const char *beginning)
{
  const char *why = plenary_pdf_view_get_message (f->view);
  g_autofree char *expected = NULL;
  GtkWidget *label;

  g_assert_nonnull (why);
  g_assert_true (g_str_has_prefix (why, beginning));
  expected = g_strdup_printf (_("%s\nIts text is shown instead."), why);
  label = find_label_starting (GTK_WIDGET (f->viewer), expected);
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected);
  g_assert_true (gtk_widget_is_drawable (label));
}

/* Pages of 10,000 × 10,000 points, 5,000 pages, a truncated file and one
 * locked by a password: each says what it can show, the rest stays
 * readable, nothing hangs. */
static void
test_hostile_pdfs (void)
{
  Fixture f = { 0 };
  g_autofree char *giant_path = NULL;
  g_autofree char *long_path = NULL;
  g_autofree char *report = NULL;
  g_autofree char *locked = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *command = NULL;
  g_autofree char *damaged = NULL;
  PlenarySource *giant, *many;
  PageWait wait;
  gsize length;
  int status;

  fixture_init (&f, 1440);

  /* One page of 10,000 × 10,000 points: drawn smaller, within the budget. */
  giant_path = write_pages (f.dir, "Giant map.pdf", 1, 10000, 10000);
  giant = add_source (&f, giant_path);
  g_assert_nonnull (strstr (plenary_source_get_text (giant), "Page 1 of the annex."));
  open_pdf_source (&f, giant, 1);
  wait = (PageWait) { f.view, 0 };
  plenary_test_spin_until (page_ready, &wait);
  g_assert_cmpuint (plenary_pdf_view_get_cache_size (f.view), >, 0);
  g_assert_cmpuint (plenary_pdf_view_get_cache_size (f.view), <=, 200 * 1024 * 1024);

  /* 5,000 pages: all counted, the 4,000th shown when asked for. */
  long_path = write_pages (f.dir, "Long annex.pdf", 5000, 595, 842);
  many = add_source (&f, long_path);
  open_pdf_source (&f, many, 5000);
  plenary_pdf_view_set_page (f.view, 4000);
  wait = (PageWait) { f.view, 3999 };
  plenary_test_spin_until (page_ready, &wait);
  g_assert_cmpuint (plenary_pdf_view_get_page (f.view), ==, 4000);
  g_assert_cmpuint (plenary_pdf_view_get_cache_size (f.view), <=, 200 * 1024 * 1024);

  /* The report's file cut in half behind Plenary's back. */
  report = g_build_filename (f.dir, "Report of the Secretary-General.pdf", NULL);
  g_assert_true (g_file_get_contents (report, &contents, &length, NULL));
  replace_kept_file (f.source, contents, length / 2);
  plenary_sources_panel_open_source (f.window->sources_panel, f.source, -1, -1);
  plenary_test_spin_until (shows_text_instead, &f);
  damaged = g_strdup_printf (_("The pages of this PDF cannot be shown: %s"), "");
  assert_viewer_message (&f, damaged);

  /* Locked by a password (qpdf, as a ministry's PDF would be). */
  locked = g_build_filename (f.dir, "locked.pdf", NULL);
  command = g_strdup_printf ("qpdf --encrypt secret owner 256 -- '%s' '%s'", report, locked);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (locked, &contents, &length, NULL));
  replace_kept_file (f.source, contents, length);
  plenary_sources_panel_open_source (f.window->sources_panel, giant, -1, -1);
  plenary_sources_panel_open_source (f.window->sources_panel, f.source, -1, -1);
  plenary_test_spin_until (shows_text_instead, &f);
  assert_viewer_message (&f, _("This PDF is protected by a password: its pages cannot be shown."));

  save_screenshot (&f, "reading-pane-locked-pdf.png");
  fixture_clear (&f);
}

/* A PDF of three pages written by hand, whose second page's content stream
 * is cut short (a download broken off): poppler cannot read all of it. */
static char *
write_damaged_pdf (const char *dir)
{
  const char *contents[] = { "BT /F1 18 Tf 72 720 Td (Page one reads well.) Tj ET",
                             "BT /F1 18 Tf 72 720 Td (Page two is damaged.) Tj ET 0 0 1 rg 72 72 400 400 re f",
                             "BT /F1 18 Tf 72 720 Td (Page three reads well.) Tj ET" };
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.4\n");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  char *path = g_build_filename (dir, "Damaged annex.pdf", NULL);
  gsize xref;

#define OBJECT_BEGINS() G_STMT_START { gsize at = pdf->len; g_array_append_val (offsets, at); } G_STMT_END
  OBJECT_BEGINS ();
  g_string_append (pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  OBJECT_BEGINS ();
  g_string_append (pdf, "2 0 obj\n<< /Type /Pages /Kids [4 0 R 5 0 R 6 0 R] /Count 3 >>\nendobj\n");
  OBJECT_BEGINS ();
  g_string_append (pdf, "3 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n");
  for (guint i = 0; i < 3; i++)
    {
      OBJECT_BEGINS ();
      g_string_append_printf (pdf, "%u 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                              "/Resources << /Font << /F1 3 0 R >> >> /Contents %u 0 R >>\nendobj\n", 4 + i, 7 + i);
    }
  for (guint i = 0; i < 3; i++)
    {
      OBJECT_BEGINS ();
      if (i == 1)
        {
          /* Compressed, then cut in the middle. */
          g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
          char compressed[512];
          gsize read, written;

          g_assert_cmpint (g_converter_convert (G_CONVERTER (compressor), contents[i], strlen (contents[i]),
                                                compressed, sizeof compressed, G_CONVERTER_INPUT_AT_END,
                                                &read, &written, NULL), ==, G_CONVERTER_FINISHED);
          written /= 2;
          g_string_append_printf (pdf, "%u 0 obj\n<< /Length %zu /Filter /FlateDecode >>\nstream\n", 7 + i, written);
          g_string_append_len (pdf, compressed, written);
        }
      else
        {
          g_string_append_printf (pdf, "%u 0 obj\n<< /Length %zu >>\nstream\n", 7 + i, strlen (contents[i]));
          g_string_append (pdf, contents[i]);
        }
      g_string_append (pdf, "\nendstream\nendobj\n");
    }
#undef OBJECT_BEGINS

  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", offsets->len + 1);
  for (guint i = 0; i < offsets->len; i++)
    g_string_append_printf (pdf, "%010zu 00000 n \n", g_array_index (offsets, gsize, i));
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
                          offsets->len + 1, xref);
  g_assert_true (g_file_set_contents (path, pdf->str, pdf->len, NULL));
  return path;
}

/* The message under the pane's tool bar, on screen, is MESSAGE. */
static void
assert_pane_says (Fixture    *f,
                  const char *message)
{
  GtkWidget *label = find_label_starting (GTK_WIDGET (f->viewer), message);

  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, message);
  g_assert_true (gtk_widget_is_drawable (label));
}

static gboolean
says_damaged (gpointer data)
{
  Fixture *f = data;

  return plenary_pdf_view_get_page (f->view) == 2 && plenary_pdf_view_get_message (f->view) != NULL;
}

/* A page poppler cannot read in full: the pane says so on that page, and
 * the pages around it are drawn and read as usual. */
static void
test_damaged_page (void)
{
  Fixture f = { 0 };
  g_autofree char *path = NULL;
  g_autoptr(GArray) rects = NULL;
  const char *damaged = _("This page of the PDF is damaged: part of it could not be read, so it may be incomplete. "
                          "The other pages can still be read.");
  PlenarySource *source;
  PageWait wait;

  fixture_init (&f, 1440);
  path = write_damaged_pdf (f.dir);
  source = add_source (&f, path);
  g_assert_nonnull (strstr (plenary_source_get_text (source), "Page three reads well."));
  open_pdf_source (&f, source, 3);

  /* The first page: read well, nothing to say. */
  wait = (PageWait) { f.view, 0 };
  plenary_test_spin_until (page_ready, &wait);
  g_assert_cmpuint (plenary_pdf_view_get_page (f.view), ==, 1);
  g_assert_null (plenary_pdf_view_get_message (f.view));

  /* The second: drawn as far as poppler could read it, and said so. */
  plenary_pdf_view_set_page (f.view, 2);
  wait = (PageWait) { f.view, 1 };
  plenary_test_spin_until (page_ready, &wait);
  plenary_test_spin_until (says_damaged, &f);
  g_assert_cmpstr (plenary_pdf_view_get_message (f.view), ==, damaged);
  assert_pane_says (&f, damaged);
  save_screenshot (&f, "reading-pane-damaged-page.png");

  /* The third: drawn, its words selectable, nothing to say. */
  plenary_pdf_view_set_page (f.view, 3);
  wait = (PageWait) { f.view, 2 };
  plenary_test_spin_until (page_ready, &wait);
  g_assert_cmpuint (plenary_pdf_view_get_page (f.view), ==, 3);
  g_assert_null (plenary_pdf_view_get_message (f.view));
  rects = plenary_pdf_view_get_text_rects (f.view, 2, offset_of (source, "three"), offset_of (source, "three") + 5);
  g_assert_nonnull (rects);
  g_assert_cmpuint (rects->len, >=, 1);

  fixture_clear (&f);
}

/* At 800 pixels the pane covers the draft. */
static void
test_narrow_window (void)
{
  Fixture f = { 0 };
  PageWait wait;

  fixture_init (&f, 800);
  open_source (&f);
  plenary_test_spin_until (covers_draft, &f);
  wait = (PageWait) { f.view, 0 };
  plenary_test_spin_until (page_ready, &wait);
  plenary_test_spin (100);

  /* An A4 page at 100 % (793 px and the margins) is wider than the pane:
   * the page is shown whole, and the zoom says so. */
  {
    double zoom = plenary_pdf_view_get_zoom (f.view);
    int width = gtk_widget_get_width (GTK_WIDGET (f.view));
    g_autofree char *percent = g_strdup_printf ("%.0f %%", 100 * zoom);
    /* French puts a narrow no-break space before %. */
    g_autofree char *percent_fr = g_strdup_printf ("%.0f\u202f%%", 100 * zoom);

    g_assert_cmpint (width, <, 595 * 96 / 72 + 24);
    g_assert_cmpfloat (zoom, <, 1.0);
    g_assert_cmpfloat (zoom * 595 * 96 / 72 + 24, <=, width + 1);
    g_assert_cmpfloat (zoom * 595 * 96 / 72 + 24, >=, width - 0.1 * 595 * 96 / 72);
    g_assert_true (find_label_starting (GTK_WIDGET (f.viewer), percent) != NULL ||
                   find_label_starting (GTK_WIDGET (f.viewer), percent_fr) != NULL);
  }
  save_screenshot (&f, "reading-pane-pdf-800.png");

  /* Closed: the draft again. */
  g_signal_emit_by_name (f.viewer, "close");
  plenary_test_spin (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f.viewer)));
  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  app = plenary_test_init (&argc, &argv);

  g_test_add_func ("/reading-pane/cite-from-page", test_cite_from_page);
  g_test_add_func ("/reading-pane/highlight-on-page", test_highlight_on_page);
  g_test_add_func ("/reading-pane/resize", test_resize_pane);
  g_test_add_func ("/reading-pane/draft-keeps-half", test_draft_keeps_half);
  g_test_add_func ("/reading-pane/narrow", test_narrow_window);
  g_test_add_func ("/reading-pane/hostile-pdfs", test_hostile_pdfs);
  g_test_add_func ("/reading-pane/damaged-page", test_damaged_page);

  return plenary_test_run (app);
}
