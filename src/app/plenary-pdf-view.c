/* plenary-pdf-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-pdf-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <poppler.h>

#include "plenary-pdf-page-text.h"
#include "plenary-pdf-view.h"

#define MARGIN       12.0
#define GAP          12.0
/* CSS pixels per point at 100 %. */
#define PX_PER_POINT (96.0 / 72.0)
#define ZOOM_MIN     0.25
#define ZOOM_MAX     5.0
/* Images of pages kept; the rest is drawn again when it comes back. */
#define CACHE_BUDGET ((gsize) 160 * 1024 * 1024)
/* One page's image at most (a 10,000-point page at 100 % would need
 * 700 MB): larger pages are drawn at a lower resolution. */
#define MAX_PAGE_PIXELS ((double) 4096 * 4096)
#define MAX_PAGE_SIDE   8192
/* Pages drawn ahead of the visible ones, above and below. */
#define PRELOAD 1

/* Shared with the worker thread, which alone touches the document. */
typedef struct
{
  GFile           *file;
  PopplerDocument *document;
  /* The pages wanted now: jobs for others are dropped. */
  int              first_wanted;
  int              last_wanted;
} Renderer;

typedef struct
{
  Renderer           *renderer;
  GWeakRef            view;
  guint               generation;
  int                 page;       /* -1: open the document */
  double              scale;      /* device pixels per point */
  gboolean            want_text;

  /* Results */
  GError             *error;
  guint               n_pages;
  double             *sizes;      /* width, height of each page, in points */
  GBytes             *pixels;
  int                 width;
  int                 height;
  int                 stride;
  gboolean            reduced;
  gboolean            failed;
  gboolean            damaged;    /* drawn, but poppler could not read all of it */
  PlenaryPdfPageText *text;
  gint64              microseconds;
} Job;

typedef struct
{
  GdkTexture      *texture;
  cairo_surface_t *surface;  /* the same pixels, for GTK's cairo renderer */
  double           scale;
  gsize            bytes;
  GList           *link;     /* in the LRU queue */
  gboolean         reduced;
  gboolean         failed;
  gboolean         damaged;
} Tile;

typedef struct
{
  graphene_rect_t    rect;   /* points */
  PlenaryPdfMarkKind kind;
  GdkRGBA            color;
} Overlay;

struct _PlenaryPdfView
{
  GtkWidget            parent_instance;

  GtkAdjustment       *hadjustment;
  GtkAdjustment       *vadjustment;
  guint                hscroll_policy : 1;
  guint                vscroll_policy : 1;

  Renderer            *renderer;
  GThreadPool         *pool;
  guint                generation;
  gboolean             loaded;
  /* The pages follow the pane's width, up to the zoom the reader chose,
   * until the reader zooms. */
  gboolean             fitting;
  int                  fitted_width;
  double               chosen_zoom;
  guint                fit_id;
  char                *message;

  guint                n_pages;
  double              *sizes;
  double              *tops;      /* CSS pixels at the current zoom */
  double               content_width;
  double               content_height;
  double               zoom;

  gint64              *starts;
  guint                n_starts;

  GHashTable          *tiles;     /* page → Tile */
  GQueue               lru;       /* of page indices, most recent first */
  gsize                cache_bytes;
  GHashTable          *pending;   /* page → scale asked */
  PlenaryPdfPageText **texts;

  GArray              *marks;
  GPtrArray           *overlays;  /* per page: GArray of Overlay, NULL: to compute */

  gint64               selection_start;
  gint64               selection_end;
  int                  drag_page;
  gint64               drag_anchor;

  guint                page;      /* 0-based, at the top */
  guint                update_page_id;
};

static void plenary_pdf_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlenaryPdfView, plenary_pdf_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, plenary_pdf_view_scrollable_init))

enum {
  PROP_0,
  PROP_N_PAGES,
  PROP_PAGE,
  PROP_ZOOM,
  PROP_MESSAGE,
  PROP_HAS_SELECTION,
  N_PROPS,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  PAGE_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Worker ----------------------------------------------------------------- */

static Renderer *
renderer_new (GFile *file)
{
  Renderer *renderer = g_atomic_rc_box_new0 (Renderer);

  renderer->file = g_object_ref (file);
  renderer->first_wanted = 0;
  renderer->last_wanted = PRELOAD;
  return renderer;
}

static void
renderer_clear (Renderer *renderer)
{
  g_clear_object (&renderer->file);
  g_clear_object (&renderer->document);
}

static void
renderer_unref (Renderer *renderer)
{
  g_atomic_rc_box_release_full (renderer, (GDestroyNotify) renderer_clear);
}

static void
job_free (Job *job)
{
  renderer_unref (job->renderer);
  g_weak_ref_clear (&job->view);
  g_clear_error (&job->error);
  g_free (job->sizes);
  g_clear_pointer (&job->pixels, g_bytes_unref);
  g_clear_pointer (&job->text, plenary_pdf_page_text_free);
  g_free (job);
}

static void
open_document (Job *job)
{
  Renderer *renderer = job->renderer;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;

  data = g_file_load_bytes (renderer->file, NULL, NULL, &error);
  if (data != NULL)
    renderer->document = poppler_document_new_from_bytes (data, NULL, &error);

  if (renderer->document == NULL)
    {
      if (g_error_matches (error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        job->error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                                          _("This PDF is protected by a password: its pages cannot be shown."));
      else
        /* Translators: %s is the reason given by the PDF library or the system. */
        job->error = g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                  _("The pages of this PDF cannot be shown: %s"), error->message);
      return;
    }

  job->n_pages = poppler_document_get_n_pages (renderer->document);
  job->sizes = g_new0 (double, 2 * MAX (job->n_pages, 1));
  for (guint i = 0; i < job->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (renderer->document, i);

      /* A page poppler cannot read keeps the size of A4, to say so on. */
      job->sizes[2 * i] = 595;
      job->sizes[2 * i + 1] = 842;
      if (page != NULL)
        poppler_page_get_size (page, &job->sizes[2 * i], &job->sizes[2 * i + 1]);
      g_clear_object (&page);
      if (!(job->sizes[2 * i] >= 1 && job->sizes[2 * i + 1] >= 1))
        job->sizes[2 * i] = job->sizes[2 * i + 1] = 1;
    }
}

/* The job a worker thread is drawing a page for. */
static GPrivate rendering_job;

/* Poppler tells what it cannot read in a PDF through GLib's log only
 * ("Syntax error at position 573: Unexpected end of file in flate
 * stream"): what it logs while a worker draws a page is about that page.
 * Warnings are about what it could read all the same. */
static void
on_poppler_log (const char     *domain,
                GLogLevelFlags  level,
                const char     *message,
                gpointer        user_data)
{
  Job *job = g_private_get (&rendering_job);

  if (job != NULL && message != NULL && !g_str_has_prefix (message, "Syntax warning"))
    job->damaged = TRUE;
  g_log_default_handler (domain, level, message, user_data);
}

static void
render_page (Job *job)
{
  PopplerPage *page = poppler_document_get_page (job->renderer->document, job->page);
  cairo_surface_t *surface;
  double width, height, scale = job->scale;
  gboolean refused;
  cairo_t *cr;

  if (page == NULL)
    {
      job->failed = TRUE;
      job->text = plenary_pdf_page_text_new (NULL);
      return;
    }

  poppler_page_get_size (page, &width, &height);
  width = MAX (width, 1);
  height = MAX (height, 1);
  if (width * scale * height * scale > MAX_PAGE_PIXELS ||
      MAX (width, height) * scale > MAX_PAGE_SIDE)
    {
      scale = MIN (sqrt (MAX_PAGE_PIXELS / (width * height)), MAX_PAGE_SIDE / MAX (width, height));
      job->reduced = TRUE;
    }

  job->width = MAX (1, (int) ceil (width * scale));
  job->height = MAX (1, (int) ceil (height * scale));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, job->width, job->height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  g_private_set (&rendering_job, job);
  poppler_page_render (page, cr);
  g_private_set (&rendering_job, NULL);
  /* Cairo refused what poppler drew: the page is not there. */
  refused = cairo_status (cr) != CAIRO_STATUS_SUCCESS;
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (refused || cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    job->failed = TRUE;
  else
    {
      job->stride = cairo_image_surface_get_stride (surface);
      job->pixels = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) job->stride * job->height);
    }
  cairo_surface_destroy (surface);

  if (job->want_text)
    job->text = plenary_pdf_page_text_new (page);
  g_object_unref (page);
}

static gboolean job_done (gpointer data);

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  Renderer *renderer = job->renderer;
  gint64 begin = g_get_monotonic_time ();

  if (job->page < 0)
    open_document (job);
  else if (renderer->document == NULL)
    job->failed = TRUE;
  else if (job->page >= g_atomic_int_get (&renderer->first_wanted) - PRELOAD &&
           job->page <= g_atomic_int_get (&renderer->last_wanted) + PRELOAD)
    render_page (job);
  /* Else scrolled past: dropped, asked again if it comes back. */

  job->microseconds = g_get_monotonic_time () - begin;
  g_idle_add_full (G_PRIORITY_DEFAULT, job_done, job, NULL);
}

/* Cache ------------------------------------------------------------------- */

static void
tile_free (gpointer data)
{
  Tile *tile = data;

  g_clear_object (&tile->texture);
  g_clear_pointer (&tile->surface, cairo_surface_destroy);
  g_free (tile);
}

static void
drop_tile (PlenaryPdfView *self,
           guint           page)
{
  Tile *tile = g_hash_table_lookup (self->tiles, GUINT_TO_POINTER (page));

  if (tile == NULL)
    return;

  self->cache_bytes -= tile->bytes;
  g_queue_delete_link (&self->lru, tile->link);
  g_hash_table_remove (self->tiles, GUINT_TO_POINTER (page));
}

static void
trim_cache (PlenaryPdfView *self)
{
  int first = self->renderer != NULL ? self->renderer->first_wanted : 0;
  int last = self->renderer != NULL ? self->renderer->last_wanted : 0;
  GList *link = self->lru.tail;

  while (self->cache_bytes > CACHE_BUDGET && link != NULL)
    {
      GList *previous = link->prev;
      int page = GPOINTER_TO_INT (link->data);

      /* Never what is on screen. */
      if (page < first || page > last)
        drop_tile (self, page);
      link = previous;
    }
}

static void
touch_tile (PlenaryPdfView *self,
            Tile           *tile)
{
  g_queue_unlink (&self->lru, tile->link);
  g_queue_push_head_link (&self->lru, tile->link);
}

/* Layout ------------------------------------------------------------------ */

static double
points_to_pixels (PlenaryPdfView *self)
{
  return self->zoom * PX_PER_POINT;
}

static void
update_layout (PlenaryPdfView *self)
{
  double y = MARGIN, width = 0;
  double ppp = points_to_pixels (self);

  g_free (self->tops);
  self->tops = g_new (double, MAX (self->n_pages, 1));
  for (guint i = 0; i < self->n_pages; i++)
    {
      self->tops[i] = y;
      y += self->sizes[2 * i + 1] * ppp + GAP;
      width = MAX (width, self->sizes[2 * i] * ppp);
    }

  self->content_height = self->n_pages > 0 ? y - GAP + MARGIN : 0;
  self->content_width = width + 2 * MARGIN;
}

/* The page at Y (content pixels): the last one starting at or above it. */
static guint
page_at_y (PlenaryPdfView *self,
           double          y)
{
  guint lo = 0, hi = self->n_pages;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (self->tops[mid] <= y)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

static double
get_scroll (GtkAdjustment *adjustment)
{
  return adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0;
}

static void
page_area (PlenaryPdfView  *self,
           guint            page,
           graphene_rect_t *area)
{
  double ppp = points_to_pixels (self);
  double width = self->sizes[2 * page] * ppp;
  double view_width = gtk_widget_get_width (GTK_WIDGET (self));
  double x = MAX (self->content_width, view_width) / 2 - width / 2;

  graphene_rect_init (area, x - get_scroll (self->hadjustment),
                      self->tops[page] - get_scroll (self->vadjustment),
                      width, self->sizes[2 * page + 1] * ppp);
}

static void
configure_adjustments (PlenaryPdfView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment,
                              CLAMP (get_scroll (self->hadjustment), 0, MAX (0, self->content_width - width)),
                              0, MAX (self->content_width, width), width * 0.1, width * 0.9, width);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (get_scroll (self->vadjustment), 0, MAX (0, self->content_height - height)),
                              0, MAX (self->content_height, height), height * 0.1, height * 0.9, height);
}

static void
update_page (PlenaryPdfView *self)
{
  double scroll;
  int height;
  guint page;

  if (self->n_pages == 0)
    return;

  /* The page filling the upper third of the view is the one being read. */
  scroll = get_scroll (self->vadjustment);
  height = gtk_widget_get_height (GTK_WIDGET (self));
  page = page_at_y (self, scroll + height / 3);
  /* The last pages cannot scroll to the top: one gone to stays the one
   * read while the view is at the end and shows it (a resize of the pane
   * would otherwise turn "page 3 of 3" into 2). */
  if (page < self->page && self->page < self->n_pages && self->vadjustment != NULL
      && scroll >= gtk_adjustment_get_upper (self->vadjustment) - gtk_adjustment_get_page_size (self->vadjustment) - 1
      && self->tops[self->page] < scroll + height)
    return;
  if (page != self->page)
    {
      self->page = page;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
}

static gboolean
update_page_idle (gpointer data)
{
  PlenaryPdfView *self = data;

  self->update_page_id = 0;
  update_page (self);
  return G_SOURCE_REMOVE;
}

static void
on_scrolled (PlenaryPdfView *self)
{
  update_page (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Rendering requests ------------------------------------------------------ */

static void
push_job (PlenaryPdfView *self,
          int             page,
          double          scale)
{
  Job *job = g_new0 (Job, 1);

  job->renderer = g_atomic_rc_box_acquire (self->renderer);
  g_weak_ref_init (&job->view, self);
  job->generation = self->generation;
  job->page = page;
  job->scale = scale;
  job->want_text = page >= 0 && self->texts[page] == NULL;
  g_thread_pool_push (self->pool, job, NULL);
}

static void
request_page (PlenaryPdfView *self,
              guint           page,
              double          scale)
{
  Tile *tile = g_hash_table_lookup (self->tiles, GUINT_TO_POINTER (page));
  gpointer asked;

  if (tile != NULL && (tile->failed || G_APPROX_VALUE (tile->scale, scale, 1e-6) || tile->reduced))
    return;

  if (g_hash_table_lookup_extended (self->pending, GUINT_TO_POINTER (page), NULL, &asked) &&
      G_APPROX_VALUE (*(double *) asked, scale, 1e-6))
    return;

  {
    double *value = g_new (double, 1);

    *value = scale;
    g_hash_table_insert (self->pending, GUINT_TO_POINTER (page), value);
  }
  push_job (self, page, scale);
}

static void
unref_overlays (gpointer data)
{
  /* Pages not drawn yet have none. */
  if (data != NULL)
    g_array_unref (data);
}

static gboolean
job_done (gpointer data)
{
  Job *job = data;
  g_autoptr(PlenaryPdfView) self = g_weak_ref_get (&job->view);

  if (self == NULL || job->generation != self->generation)
    {
      job_free (job);
      return G_SOURCE_REMOVE;
    }

  if (job->page < 0)
    {
      if (job->error != NULL)
        {
          g_free (self->message);
          self->message = g_strdup (job->error->message);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
        }
      else
        {
          self->n_pages = job->n_pages;
          self->sizes = g_steal_pointer (&job->sizes);
          self->texts = g_new0 (PlenaryPdfPageText *, MAX (self->n_pages, 1));
          self->overlays = g_ptr_array_new_with_free_func (unref_overlays);
          g_ptr_array_set_size (self->overlays, self->n_pages);
          self->loaded = TRUE;
          self->fitting = TRUE;
          self->fitted_width = 0;
          update_layout (self);
          configure_adjustments (self);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
        }
      job_free (job);
      return G_SOURCE_REMOVE;
    }

  g_hash_table_remove (self->pending, GINT_TO_POINTER (job->page));

  if (job->text != NULL && self->texts[job->page] == NULL)
    {
      self->texts[job->page] = g_steal_pointer (&job->text);
      g_clear_pointer (&self->overlays->pdata[job->page], g_array_unref);
      /* The page being read may say it has no text. */
      if ((guint) job->page == self->page)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }

  if (job->pixels != NULL || job->failed)
    {
      Tile *tile = g_new0 (Tile, 1);

      drop_tile (self, job->page);
      tile->scale = job->scale;
      tile->reduced = job->reduced;
      tile->failed = job->failed;
      tile->damaged = job->damaged;
      if (job->pixels != NULL)
        {
          static cairo_user_data_key_t pixels_key;

          tile->texture = gdk_memory_texture_new (job->width, job->height, GDK_MEMORY_DEFAULT,
                                                  job->pixels, job->stride);
          tile->surface = cairo_image_surface_create_for_data ((guchar *) g_bytes_get_data (job->pixels, NULL),
                                                               CAIRO_FORMAT_ARGB32, job->width, job->height,
                                                               job->stride);
          cairo_surface_set_user_data (tile->surface, &pixels_key, g_bytes_ref (job->pixels),
                                       (cairo_destroy_func_t) g_bytes_unref);
          tile->bytes = g_bytes_get_size (job->pixels);
        }
      tile->link = g_list_alloc ();
      tile->link->data = GINT_TO_POINTER (job->page);
      g_queue_push_head_link (&self->lru, tile->link);
      g_hash_table_insert (self->tiles, GINT_TO_POINTER (job->page), tile);
      self->cache_bytes += tile->bytes;
      trim_cache (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      /* The page being read may say it is damaged. */
      if ((guint) job->page == self->page && (tile->failed || tile->damaged))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
      g_signal_emit (self, signals[PAGE_READY], 0, (guint) job->page, job->microseconds);
    }

  job_free (job);
  return G_SOURCE_REMOVE;
}

/* Text offsets ------------------------------------------------------------ */

static gint64
page_start (PlenaryPdfView *self,
            guint           page)
{
  return page < self->n_starts ? self->starts[page] : G_MAXINT64 / 2;
}

static gint64
page_end (PlenaryPdfView *self,
          guint           page)
{
  /* Pages are joined by one line break. */
  return page + 1 < self->n_starts ? self->starts[page + 1] - 1 : G_MAXINT64 / 2;
}

/* The 0-based page holding OFFSET. */
static guint
page_of_offset (PlenaryPdfView *self,
                gint64          offset)
{
  guint lo = 0, hi = self->n_starts;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (self->starts[mid] <= offset)
        lo = mid;
      else
        hi = mid;
    }

  return MIN (lo, self->n_pages > 0 ? self->n_pages - 1 : 0);
}

static GArray *
get_overlays (PlenaryPdfView *self,
              guint           page)
{
  PlenaryPdfPageText *text = self->texts[page];
  gint64 first = page_start (self, page), last = page_end (self, page);
  GArray *overlays;

  if (text == NULL)
    return NULL;
  if (self->overlays->pdata[page] != NULL)
    return self->overlays->pdata[page];

  overlays = g_array_new (FALSE, FALSE, sizeof (Overlay));
  for (guint i = 0; i < (self->marks != NULL ? self->marks->len : 0); i++)
    {
      const PlenaryPdfMark *mark = &g_array_index (self->marks, PlenaryPdfMark, i);
      g_autoptr(GArray) rects = NULL;

      if (mark->end <= first || mark->start >= last)
        continue;

      rects = plenary_pdf_page_text_get_rects (text, MAX (mark->start, first) - first,
                                               MIN (mark->end, last) - first);
      for (guint j = 0; j < rects->len; j++)
        {
          const PopplerRectangle *r = &g_array_index (rects, PopplerRectangle, j);
          Overlay overlay = { GRAPHENE_RECT_INIT (r->x1, r->y1, r->x2 - r->x1, r->y2 - r->y1),
                              mark->kind, mark->color };

          g_array_append_val (overlays, overlay);
        }
    }

  self->overlays->pdata[page] = overlays;
  return overlays;
}

static void
clear_overlays (PlenaryPdfView *self)
{
  if (self->overlays != NULL)
    for (guint i = 0; i < self->overlays->len; i++)
      g_clear_pointer (&self->overlays->pdata[i], g_array_unref);
}

/* Drawing ----------------------------------------------------------------- */

static void
append_page_message (PlenaryPdfView        *self,
                     GtkSnapshot           *snapshot,
                     const graphene_rect_t *area,
                     const char            *message,
                     gboolean               at_top)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), message);
  GdkRGBA fg = { 0.2, 0.2, 0.2, 1 }, band = { 1, 0.95, 0.75, 0.95 };
  int width, height;

  pango_layout_set_width (layout, (int) MAX (10, area->size.width - 24) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (layout, &width, &height);

  {
    double top = at_top ? area->origin.y : area->origin.y + area->size.height / 2 - height / 2.0;
    graphene_rect_t box = GRAPHENE_RECT_INIT (area->origin.x, top, area->size.width, height + 16);

    gtk_snapshot_append_color (snapshot, &band, &box);
    gtk_snapshot_save (snapshot);
    gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (area->origin.x + 12, top + 8));
    gtk_snapshot_append_layout (snapshot, layout, &fg);
    gtk_snapshot_restore (snapshot);
  }
  g_object_unref (layout);
}

static void
append_rect_in_points (GtkSnapshot           *snapshot,
                       const graphene_rect_t *area,
                       double                 ppp,
                       const graphene_rect_t *rect,
                       const GdkRGBA         *color,
                       gboolean               underline)
{
  graphene_rect_t r = GRAPHENE_RECT_INIT (area->origin.x + rect->origin.x * ppp,
                                          area->origin.y + rect->origin.y * ppp,
                                          rect->size.width * ppp, rect->size.height * ppp);

  if (underline)
    {
      r.origin.y += r.size.height - 2;
      r.size.height = 2;
    }
  gtk_snapshot_append_color (snapshot, color, &r);
}

static void
snapshot_selection (PlenaryPdfView        *self,
                    GtkSnapshot           *snapshot,
                    guint                  page,
                    const graphene_rect_t *area)
{
  GdkRGBA color = { 0.21, 0.52, 0.89, 0.35 };
  gint64 first = page_start (self, page), last = page_end (self, page);
  g_autoptr(GArray) rects = NULL;
  double ppp = points_to_pixels (self);

  if (self->selection_start >= self->selection_end || self->texts[page] == NULL ||
      self->selection_end <= first || self->selection_start >= last)
    return;

  rects = plenary_pdf_page_text_get_rects (self->texts[page], MAX (self->selection_start, first) - first,
                                           MIN (self->selection_end, last) - first);
  for (guint i = 0; i < rects->len; i++)
    {
      const PopplerRectangle *r = &g_array_index (rects, PopplerRectangle, i);
      graphene_rect_t rect = GRAPHENE_RECT_INIT (r->x1, r->y1, r->x2 - r->x1, r->y2 - r->y1);

      append_rect_in_points (snapshot, area, ppp, &rect, &color, FALSE);
    }
}

/* GTK 4.8's cairo renderer converts a texture to a cairo image pixel by
 * pixel, through floats, at every frame: 8 ms a page, a frame of 17 ms for
 * two pages. With that renderer the page's image is painted as it is. */
static void
append_page_image (PlenaryPdfView        *self,
                   GtkSnapshot           *snapshot,
                   Tile                  *tile,
                   const graphene_rect_t *area,
                   double                 scale)
{
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (self)));
  cairo_t *cr;

  if (!GSK_IS_CAIRO_RENDERER (renderer))
    {
      /* An image of another zoom, scaled, until the sharp one comes. */
      gtk_snapshot_append_texture (snapshot, tile->texture, area);
      return;
    }

  cr = gtk_snapshot_append_cairo (snapshot, area);
  if (G_APPROX_VALUE (tile->scale, scale, 1e-6))
    {
      /* Pixel for pixel: copied, not filtered. */
      double factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));

      cairo_scale (cr, 1 / factor, 1 / factor);
      cairo_set_source_surface (cr, tile->surface, round (area->origin.x * factor), round (area->origin.y * factor));
    }
  else
    {
      cairo_translate (cr, area->origin.x, area->origin.y);
      cairo_scale (cr, area->size.width / cairo_image_surface_get_width (tile->surface),
                   area->size.height / cairo_image_surface_get_height (tile->surface));
      cairo_set_source_surface (cr, tile->surface, 0, 0);
    }
  cairo_paint (cr);
  cairo_destroy (cr);
}

static void
plenary_pdf_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  PlenaryPdfView *self = PLENARY_PDF_VIEW (widget);
  double top = get_scroll (self->vadjustment);
  double height = gtk_widget_get_height (widget);
  double ppp = points_to_pixels (self);
  double scale = ppp * gtk_widget_get_scale_factor (widget);
  GdkRGBA white = { 1, 1, 1, 1 }, border = { 0, 0, 0, 0.15 };
  guint first, last;

  if (self->n_pages == 0)
    return;

  first = page_at_y (self, top);
  last = page_at_y (self, top + height);
  g_atomic_int_set (&self->renderer->first_wanted, (int) first);
  g_atomic_int_set (&self->renderer->last_wanted, (int) last);

  for (guint page = first; page <= last; page++)
    {
      Tile *tile = g_hash_table_lookup (self->tiles, GUINT_TO_POINTER (page));
      graphene_rect_t area, frame;
      GArray *overlays;

      page_area (self, page, &area);
      graphene_rect_inset_r (&area, -1, -1, &frame);
      gtk_snapshot_append_color (snapshot, &border, &frame);
      gtk_snapshot_append_color (snapshot, &white, &area);

      if (tile != NULL)
        touch_tile (self, tile);
      if (tile != NULL && tile->texture != NULL)
        append_page_image (self, snapshot, tile, &area, scale);
      if (tile != NULL && tile->failed)
        append_page_message (self, snapshot, &area, _("This page could not be shown."), FALSE);
      else if (tile != NULL && tile->damaged)
        append_page_message (self, snapshot, &area,
                             _("Part of this page could not be read: it may be incomplete."), TRUE);
      else if (tile != NULL && tile->reduced && !G_APPROX_VALUE (tile->scale, 0, 1e-9))
        append_page_message (self, snapshot, &area,
                             _("This page is very large: it is shown at a lower resolution."), TRUE);

      request_page (self, page, scale);

      if ((overlays = get_overlays (self, page)) != NULL)
        for (guint i = 0; i < overlays->len; i++)
          {
            const Overlay *overlay = &g_array_index (overlays, Overlay, i);

            append_rect_in_points (snapshot, &area, ppp, &overlay->rect, &overlay->color,
                                   overlay->kind == PLENARY_PDF_MARK_COMMENT);
          }
      snapshot_selection (self, snapshot, page, &area);
    }

  /* Drawn ahead: the next pages are ready when they scroll in. */
  for (guint page = last + 1; page <= MIN (last + PRELOAD, self->n_pages - 1); page++)
    request_page (self, page, scale);
  trim_cache (self);
}

static void apply_zoom (PlenaryPdfView *self,
                        double          zoom);

/* A page wider than the pane (the pane beside the draft is narrower than
 * an A4 page at 100 %) is shown whole: the zoom that fits the widest page,
 * again when the pane is resized, never above the zoom the reader chose. */
static gboolean
fit_width_idle (gpointer data)
{
  PlenaryPdfView *self = data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  double widest = 0;

  self->fit_id = 0;
  self->fitted_width = width;
  for (guint i = 0; i < self->n_pages; i++)
    widest = MAX (widest, self->sizes[2 * i]);
  if (widest > 0 && width > 2 * MARGIN)
    {
      double fit = (width - 2 * MARGIN) / (widest * PX_PER_POINT);

      apply_zoom (self, MIN (self->chosen_zoom, floor (fit * 20) / 20));
    }

  return G_SOURCE_REMOVE;
}

static void
plenary_pdf_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  PlenaryPdfView *self = PLENARY_PDF_VIEW (widget);

  /* Not while allocating: the zoom resizes the view. */
  if (self->fitting && self->n_pages > 0 && width > 0 && width != self->fitted_width && self->fit_id == 0)
    self->fit_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_width_idle, self, NULL);
  configure_adjustments (self);
  /* Not while allocating: the page number resizes labels. */
  if (self->update_page_id == 0)
    self->update_page_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_page_idle, self, NULL);
}

static void
plenary_pdf_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  PlenaryPdfView *self = PLENARY_PDF_VIEW (widget);

  *minimum = 0;
  *natural = (int) (orientation == GTK_ORIENTATION_HORIZONTAL ? self->content_width : self->content_height);
}

/* Selection with the pointer ------------------------------------------------ */

/* The page under (X, Y) of the widget and the point on it, in points. */
static gboolean
hit_page (PlenaryPdfView *self,
          double          x,
          double          y,
          guint          *page,
          double         *px,
          double         *py)
{
  double ppp = points_to_pixels (self);
  graphene_rect_t area;

  if (self->n_pages == 0)
    return FALSE;

  *page = page_at_y (self, y + get_scroll (self->vadjustment));
  page_area (self, *page, &area);
  *px = (x - area.origin.x) / ppp;
  *py = (y - area.origin.y) / ppp;
  return TRUE;
}

static gboolean
offset_at (PlenaryPdfView *self,
           guint           page,
           double          x,
           double          y,
           gint64         *offset)
{
  if (page >= self->n_pages || self->texts[page] == NULL || page >= self->n_starts)
    return FALSE;

  *offset = page_start (self, page) + plenary_pdf_page_text_get_offset_at (self->texts[page], x, y);
  *offset = MIN (*offset, page_end (self, page));
  return TRUE;
}

static void
set_selection (PlenaryPdfView *self,
               gint64          start,
               gint64          end)
{
  gboolean had = self->selection_start < self->selection_end;

  self->selection_start = MIN (start, end);
  self->selection_end = MAX (start, end);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (had != (self->selection_start < self->selection_end))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SELECTION]);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               PlenaryPdfView *self)
{
  double px, py;
  guint page;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag_page = -1;
  if (!hit_page (self, x, y, &page, &px, &py) || !offset_at (self, page, px, py, &self->drag_anchor))
    return;

  self->drag_page = page;
  set_selection (self, -1, -1);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                PlenaryPdfView *self)
{
  double x, y, px, py;
  guint page;
  gint64 offset;

  if (self->drag_page < 0)
    return;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  if (hit_page (self, x + dx, y + dy, &page, &px, &py) && offset_at (self, page, px, py, &offset))
    set_selection (self, self->drag_anchor, offset);
}

/* Widget ------------------------------------------------------------------- */

static void
set_adjustment (PlenaryPdfView  *self,
                GtkAdjustment  **slot,
                GtkAdjustment   *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_scrolled, self);
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  g_set_object (slot, adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (on_scrolled), self);
  configure_adjustments (self);
}

static void
reset (PlenaryPdfView *self)
{
  self->generation++;
  if (self->pool != NULL)
    g_thread_pool_free (g_steal_pointer (&self->pool), TRUE, FALSE);
  g_clear_pointer (&self->renderer, renderer_unref);
  g_hash_table_remove_all (self->tiles);
  g_queue_clear (&self->lru);
  g_hash_table_remove_all (self->pending);
  self->cache_bytes = 0;
  if (self->texts != NULL)
    for (guint i = 0; i < self->n_pages; i++)
      plenary_pdf_page_text_free (self->texts[i]);
  g_clear_pointer (&self->texts, g_free);
  g_clear_pointer (&self->overlays, g_ptr_array_unref);
  g_clear_pointer (&self->sizes, g_free);
  g_clear_pointer (&self->message, g_free);
  self->n_pages = 0;
  self->page = 0;
  self->loaded = FALSE;
  self->selection_start = self->selection_end = -1;
  update_layout (self);
}

static void
plenary_pdf_view_dispose (GObject *object)
{
  PlenaryPdfView *self = PLENARY_PDF_VIEW (object);

  g_clear_handle_id (&self->update_page_id, g_source_remove);
  g_clear_handle_id (&self->fit_id, g_source_remove);
  /* The page being drawn is waited for: poppler and cairo must not be
   * drawing while the process that quits tears them down. */
  if (self->pool != NULL)
    g_thread_pool_free (g_steal_pointer (&self->pool), TRUE, TRUE);
  reset (self);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_scrolled, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_scrolled, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (plenary_pdf_view_parent_class)->dispose (object);
}

static void
plenary_pdf_view_finalize (GObject *object)
{
  PlenaryPdfView *self = PLENARY_PDF_VIEW (object);

  g_hash_table_unref (self->tiles);
  g_hash_table_unref (self->pending);
  g_clear_pointer (&self->marks, g_array_unref);
  g_free (self->starts);
  g_free (self->tops);

  G_OBJECT_CLASS (plenary_pdf_view_parent_class)->finalize (object);
}

static void
plenary_pdf_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlenaryPdfView *self = PLENARY_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;
    case PROP_PAGE:
      g_value_set_uint (value, plenary_pdf_view_get_page (self));
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, plenary_pdf_view_get_message (self));
      break;
    case PROP_HAS_SELECTION:
      g_value_set_boolean (value, self->selection_start < self->selection_end);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_pdf_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlenaryPdfView *self = PLENARY_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      plenary_pdf_view_set_page (self, g_value_get_uint (value));
      break;
    case PROP_ZOOM:
      plenary_pdf_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_pdf_view_scrollable_init (GtkScrollableInterface *iface)
{
}

static void
plenary_pdf_view_class_init (PlenaryPdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_log_set_handler ("Poppler", G_LOG_LEVEL_MASK, on_poppler_log, NULL);

  object_class->dispose = plenary_pdf_view_dispose;
  object_class->finalize = plenary_pdf_view_finalize;
  object_class->get_property = plenary_pdf_view_get_property;
  object_class->set_property = plenary_pdf_view_set_property;

  widget_class->snapshot = plenary_pdf_view_snapshot;
  widget_class->size_allocate = plenary_pdf_view_size_allocate;
  widget_class->measure = plenary_pdf_view_measure;

  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, ZOOM_MIN, ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HAS_SELECTION] =
    g_param_spec_boolean ("has-selection", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[PAGE_READY] =
    g_signal_new ("page-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "plenary-pdf-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DOCUMENT);
}

static void
plenary_pdf_view_init (PlenaryPdfView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->zoom = self->chosen_zoom = 1.0;
  self->selection_start = self->selection_end = -1;
  self->drag_page = -1;
  self->tiles = g_hash_table_new_full (NULL, NULL, NULL, tile_free);
  self->pending = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (gtk_widget_queue_draw), NULL);
}

/* API ---------------------------------------------------------------------- */

GtkWidget *
plenary_pdf_view_new (void)
{
  return g_object_new (PLENARY_TYPE_PDF_VIEW, NULL);
}

void
plenary_pdf_view_load (PlenaryPdfView *self,
                       GFile          *file)
{
  g_return_if_fail (PLENARY_IS_PDF_VIEW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  reset (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
  configure_adjustments (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));

  if (file == NULL)
    return;

  /* One worker per document: poppler documents are not shared across threads. */
  self->renderer = renderer_new (file);
  self->pool = g_thread_pool_new (run_job, NULL, 1, FALSE, NULL);
  push_job (self, -1, 0);
}

gboolean
plenary_pdf_view_get_loaded (PlenaryPdfView *self)
{
  g_return_val_if_fail (PLENARY_IS_PDF_VIEW (self), FALSE);
  return self->loaded;
}

void
plenary_pdf_view_set_page_starts (PlenaryPdfView *self,
                                  const gint64   *starts,
                                  guint           n_starts)
{
  g_return_if_fail (PLENARY_IS_PDF_VIEW (self));

  g_free (self->starts);
  self->starts = g_memdup2 (starts, sizeof (gint64) * n_starts);
  self->n_starts = n_starts;
  clear_overlays (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
plenary_pdf_view_get_n_pages (PlenaryPdfView *self)
{
  g_return_val_if_fail (PLENARY_IS_PDF_VIEW (self), 0);
  return self->n_pages;
}

guint
plenary_pdf_view_get_page (PlenaryPdfView *self)
{
  g_return_val_if_fail (PLENARY_IS_PDF_VIEW (self), 0);
  return self->n_pages > 0 ? self->page + 1 : 0;
}

static void
scroll_to (PlenaryPdfView *self,
           double          y)
{
  configure_adjustments (self);
  gtk_adjustment_set_value (self->vadjustment, y);
  update_page (self);
}

void
plenary_pdf_view_set_page (PlenaryPdfView *self,
                           guint           page)
{
  g_return_if_fail (PLENARY_IS_PDF_VIEW (self));

  if (self->n_pages == 0)
    return;

  page = CLAMP (page, 1, self->n_pages) - 1;
  scroll_to (self, self->tops[page] - MARGIN);
  /* Even when the view is too short to put it at the top (the last page). */
  if (self->page != page)
    {
      self->page = page;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
}

double
plenary_pdf_view_get_zoom (PlenaryPdfView *self)
{
  g_return_val_if_fail (PLENARY_IS_PDF_VIEW (self), 1.0);
  return self->zoom;
}

static void
apply_zoom (PlenaryPdfView *self,
            double          zoom)
{
  guint page;
  double within = 0;

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (G_APPROX_VALUE (zoom, self->zoom, 1e-6))
    return;

  /* The same place of the same page stays at the top. */
  page = self->n_pages > 0 ? page_at_y (self, get_scroll (self->vadjustment)) : 0;
  if (self->n_pages > 0)
    within = (get_scroll (self->vadjustment) - self->tops[page]) / self->zoom;

  self->zoom = zoom;
  update_layout (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  if (self->n_pages > 0)
    scroll_to (self, self->tops[page] + within * zoom);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* The reader's zoom: the pages no longer follow the pane's width. */
void
plenary_pdf_view_set_zoom (PlenaryPdfView *self,
                           double          zoom)
{
  g_return_if_fail (PLENARY_IS_PDF_VIEW (self));

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (G_APPROX_VALUE (zoom, self->zoom, 1e-6))
    return;

  self->chosen_zoom = zoom;
  self->fitting = FALSE;
  apply_zoom (self, zoom);
}

const char *
plenary_pdf_view_get_message (PlenaryPdfView *self)
{
  g_return_val_if_fail (PLENARY_IS_PDF_VIEW (self), NULL);

  if (self->message != NULL)
    return self->message;

  if (self->n_pages > 0)
    {
      Tile *tile = g_hash_table_lookup (self->tiles, GUINT_TO_POINTER (self->page));

      if (tile != NULL && tile->failed)
        return _("This page of the PDF is damaged: it could not be shown. The other pages can still be read.");
      if (tile != NULL && tile->damaged)
        return _("This page of the PDF is damaged: part of it could not be read, so it may be incomplete. The other pages can still be read.");
    }

  if (self->n_pages > 0 && self->texts[self->page] != NULL &&
      plenary_pdf_page_text_get_length (self->texts[self->page]) == 0)
    return _("This page has no text (a scanned image?): it cannot be selected, searched or quoted.");

  return NULL;
}

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const PlenaryPdfMark *ma = a, *mb = b;

  /* The order of drawing: find results last, over the rest. */
  if (ma->kind != mb->kind)
    return ma->kind == PLENARY_PDF_MARK_FIND ? 1 : mb->kind == PLENARY_PDF_MARK_FIND ? -1 : 0;
  return ma->start < mb->start ? -1 : ma->start > mb->start;
}

void
plenary_pdf_view_set_marks (PlenaryPdfView       *self,
                            const PlenaryPdfMark *marks,
                            guint                 n_marks)
{
  g_return_if_fail (PLENARY_IS_PDF_VIEW (self));

  g_clear_pointer (&self->marks, g_array_unref);
  self->marks = g_array_sized_new (FALSE, FALSE, sizeof (PlenaryPdfMark), n_marks);
  g_array_append_vals (self->marks, marks, n_marks);
  g_array_sort (self->marks, compare_marks);
  clear_overlays (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
plenary_pdf_view_select_range (PlenaryPdfView *self,
                               gint64          start,
                               gint64          end)
{
  guint page;

  g_return_if_fail (PLENARY_IS_PDF_VIEW (self));

  set_selection (self, start, end);
  if (self->n_pages == 0 || self->n_starts == 0)
    return;

  page = page_of_offset (self, start);
  /* The passage's own line when the page's text is known, else its page. */
  {
    g_autoptr(GArray) rects = plenary_pdf_view_get_text_rects (self, page, start, end);
    double y = self->tops[page] - MARGIN;

    if (rects != NULL && rects->len > 0)
      y = self->tops[page] + g_array_index (rects, graphene_rect_t, 0).origin.y * points_to_pixels (self)
          - gtk_widget_get_height (GTK_WIDGET (self)) / 3;
    scroll_to (self, y);
  }
}

gboolean
plenary_pdf_view_get_selection (PlenaryPdfView *self,
                                gint64         *start,
                                gint64         *end)
{
  g_return_val_if_fail (PLENARY_IS_PDF_VIEW (self), FALSE);

  if (start != NULL)
    *start = MAX (self->selection_start, 0);
  if (end != NULL)
    *end = MAX (self->selection_end, 0);
  return self->selection_start < self->selection_end;
}

gboolean
plenary_pdf_view_select_on_page (PlenaryPdfView *self,
                                 guint           page,
                                 double          x1,
                                 double          y1,
                                 double          x2,
                                 double          y2)
{
  gint64 start, end;

  g_return_val_if_fail (PLENARY_IS_PDF_VIEW (self), FALSE);

  if (!offset_at (self, page, x1, y1, &start) || !offset_at (self, page, x2, y2, &end))
    return FALSE;

  set_selection (self, start, end);
  return TRUE;
}

gboolean
plenary_pdf_view_get_page_area (PlenaryPdfView  *self,
                                guint            page,
                                graphene_rect_t *area)
{
  g_return_val_if_fail (PLENARY_IS_PDF_VIEW (self), FALSE);

  if (page >= self->n_pages)
    return FALSE;
  page_area (self, page, area);
  return TRUE;
}

GArray *
plenary_pdf_view_get_text_rects (PlenaryPdfView *self,
                                 guint           page,
                                 gint64          start,
                                 gint64          end)
{
  gint64 first, last;
  g_autoptr(GArray) rects = NULL;
  GArray *result;

  g_return_val_if_fail (PLENARY_IS_PDF_VIEW (self), NULL);

  if (page >= self->n_pages || self->texts[page] == NULL || page >= self->n_starts)
    return NULL;

  first = page_start (self, page);
  last = page_end (self, page);
  result = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  if (end <= first || start >= last)
    return result;

  rects = plenary_pdf_page_text_get_rects (self->texts[page], MAX (start, first) - first, MIN (end, last) - first);
  for (guint i = 0; i < rects->len; i++)
    {
      const PopplerRectangle *r = &g_array_index (rects, PopplerRectangle, i);
      graphene_rect_t rect = GRAPHENE_RECT_INIT (r->x1, r->y1, r->x2 - r->x1, r->y2 - r->y1);

      g_array_append_val (result, rect);
    }
  return result;
}

gsize
plenary_pdf_view_get_cache_size (PlenaryPdfView *self)
{
  g_return_val_if_fail (PLENARY_IS_PDF_VIEW (self), 0);
  return self->cache_bytes;
}
