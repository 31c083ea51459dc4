/* bench-pdf-view.c — a 300-page PDF source in the reading pane's page view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a 300-page report (40 lines of text a page, as cairo and Pango
 * write PDFs), imports it as a source the way the sources panel does, and
 * shows it in a PlenaryPdfView in a 1440 × 900 window (needs a display:
 * run under Xvfb). Reports:
 *   - the time from loading the file to the first page drawn on screen
 *     (goal: under 300 ms);
 *   - the worker's time to draw each page at 100 % (goal: under 16 ms);
 *   - the longest the main loop was held while going through every page
 *     (a frame is 16 ms), and how many times it took more than a frame of
 *     CPU time, with the renderer named (under Xvfb, GL is Mesa's software
 *     renderer, which compiles its shaders while the first pages show);
 *   - the bytes of page images kept, and the process's resident memory,
 *     after all 300 pages (goal: under 200 MB);
 *   - with 1,000 highlights on the source, the time to draw one frame of
 *     the view (snapshot and render) at each page (goal: under 16 ms).
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "plenary-draft.h"
#include "plenary-pdf-view.h"
#include "plenary-source-importer.h"

#define N_PAGES      300
#define N_HIGHLIGHTS 1000

static const char *sentences[] = {
  "The Secretary-General notes that the cooperation between the United Nations and regional organizations has grown in scope and depth.",
  "Member States are encouraged to share data on the implementation of the Sustainable Development Goals in a timely manner.",
  "The report recommends that the Assembly consider the financing of peacekeeping operations at its next session.",
  "Humanitarian access remains constrained in several regions, where the protection of civilians requires sustained attention.",
};

static char *
write_report (const char *dir)
{
  char *path = g_build_filename (dir, "report.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("DejaVu Serif 10");
  GString *text = g_string_new (NULL);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, 480 * PANGO_SCALE);
  for (guint page = 1; page <= N_PAGES; page++)
    {
      g_string_printf (text, "Chapter %u\n\n", page);
      for (guint i = 0; i < 16; i++)
        g_string_append_printf (text, "%u.%u %s\n", page, i + 1, sentences[(page + i) % G_N_ELEMENTS (sentences)]);
      pango_layout_set_text (layout, text->str, -1);
      cairo_move_to (cr, 56, 72);
      pango_cairo_show_layout (cr, layout);
      cairo_show_page (cr);
    }

  g_string_free (text, TRUE);
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return path;
}

typedef struct
{
  GArray  *render_ms;     /* the worker's time per page */
  int      waiting_page;  /* 0-based page waited for, or -1 */
  gboolean ready;
  gboolean painted;
  gint64   last_tick;
  gint64   last_tick_cpu;
  gint64   longest_stall;
  gint64   longest_stall_cpu;  /* the main thread's CPU time in that stall */
  gint64   longest_cpu;        /* the most CPU time between two ticks */
  guint    n_over_frame;       /* gaps with more than a frame of CPU time */
  guint    n_ticks;
} Bench;

static void
on_page_ready (PlenaryPdfView *view,
               guint           page,
               gint64          microseconds,
               Bench          *bench)
{
  double ms = microseconds / 1000.0;

  g_array_append_val (bench->render_ms, ms);
  if ((int) page == bench->waiting_page)
    bench->ready = TRUE;
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *bench)
{
  bench->painted = TRUE;
}

/* The main thread's CPU time: on a busy machine a gap between ticks may be
 * another process's turn, not work of the main loop. */
static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* Every millisecond the main loop is free; the longest gap is the longest
 * it was held. */
static gboolean
tick (gpointer data)
{
  Bench *bench = data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();

  if (bench->last_tick != 0 && now - bench->last_tick > bench->longest_stall)
    {
      bench->longest_stall = now - bench->last_tick;
      bench->longest_stall_cpu = cpu - bench->last_tick_cpu;
    }
  if (bench->last_tick != 0)
    {
      bench->longest_cpu = MAX (bench->longest_cpu, cpu - bench->last_tick_cpu);
      bench->n_over_frame += cpu - bench->last_tick_cpu > 16000;
      bench->n_ticks++;
    }
  bench->last_tick = now;
  bench->last_tick_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static void
spin_until (gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!*flag && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (!*flag)
    {
      fprintf (stderr, "bench-pdf-view: nothing came within a minute\n");
      exit (1);
    }
}

/* The page is drawn by the worker, then shown at the next frame. */
static void
wait_for_page (Bench          *bench,
               PlenaryPdfView *view,
               guint           page)
{
  bench->waiting_page = page;
  bench->ready = FALSE;
  /* Already kept from an earlier visit. */
  {
    g_autoptr(GArray) rects = plenary_pdf_view_get_text_rects (view, page, 0, 1);

    if (rects != NULL)
      bench->ready = plenary_pdf_view_get_cache_size (view) > 0;
  }
  spin_until (&bench->ready);
  bench->painted = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (view));
  spin_until (&bench->painted);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        GArray     *values,
        const char *goal)
{
  double median, p95, worst;

  g_array_sort (values, compare_doubles);
  median = g_array_index (values, double, values->len / 2);
  p95 = g_array_index (values, double, MIN (values->len - 1, values->len * 95 / 100));
  worst = g_array_index (values, double, values->len - 1);
  printf ("%-44s median %6.2f ms  p95 %6.2f ms  max %6.2f ms  (%u; goal %s)\n",
          what, median, p95, worst, values->len, goal);
}

static long
resident_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;
  return strtol (line + 6, NULL, 10);
}

/* One frame of the view: its snapshot and the renderer's drawing of it. */
static double
frame_ms (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  gint64 start = g_get_monotonic_time ();

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  return (g_get_monotonic_time () - start) / 1000.0;
}

static GArray *
frames_through_pages (Bench          *bench,
                      PlenaryPdfView *view)
{
  GArray *frames = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint page = 1; page <= N_PAGES; page += 3)
    {
      double ms;

      plenary_pdf_view_set_page (view, page);
      wait_for_page (bench, view, page - 1);
      ms = frame_ms (GTK_WIDGET (view));
      g_array_append_val (frames, ms);
    }
  return frames;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(PlenarySource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) marks = NULL;
  g_autoptr(GArray) plain_frames = NULL;
  g_autoptr(GArray) marked_frames = NULL;
  Bench bench = { 0 };
  const GArray *starts;
  const char *text;
  GtkWidget *window, *scroller;
  PlenaryPdfView *view;
  GdkFrameClock *clock;
  gint64 t0;
  double first_ms;
  guint tick_id;

  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-pdf-view needs a display: run it under xvfb-run\n");
      return 77;
    }

  dir = g_dir_make_tmp ("plenary-bench-pdf-XXXXXX", NULL);
  path = write_report (dir);
  file = g_file_new_for_path (path);
  draft = plenary_draft_new (PLENARY_DRAFT_KIND_BRIEF, "en");
  source = plenary_source_importer_import (draft, file, NULL, &error);
  if (source == NULL)
    {
      fprintf (stderr, "bench-pdf-view: %s\n", error->message);
      return 1;
    }
  starts = plenary_source_get_page_starts (source);
  text = plenary_source_get_text (source);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1440, 900);
  scroller = gtk_scrolled_window_new ();
  view = PLENARY_PDF_VIEW (plenary_pdf_view_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (view));
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (view)))
    g_main_context_iteration (NULL, TRUE);

  bench.render_ms = g_array_new (FALSE, FALSE, sizeof (double));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (view));
  g_signal_connect (view, "page-ready", G_CALLBACK (on_page_ready), &bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &bench);

  /* Opened: the first page on screen. */
  t0 = g_get_monotonic_time ();
  plenary_pdf_view_load (view, file);
  plenary_pdf_view_set_page_starts (view, (const gint64 *) starts->data, starts->len);
  wait_for_page (&bench, view, 0);
  first_ms = (g_get_monotonic_time () - t0) / 1000.0;

  /* Through every page, one after the other, as a reader pages down. */
  tick_id = g_timeout_add_full (G_PRIORITY_HIGH, 1, tick, &bench, NULL);
  for (guint page = 2; page <= N_PAGES; page++)
    {
      plenary_pdf_view_set_page (view, page);
      wait_for_page (&bench, view, page - 1);
    }
  g_source_remove (tick_id);

  printf ("300-page PDF source, 1440 × 900 window, 100 %% zoom\n");
  printf ("%-44s %8.1f ms  (goal 300 ms)\n", "first page on screen after opening", first_ms);
  report ("worker drawing one page", bench.render_ms, "16 ms");
  printf ("%-44s %8.1f ms  (a frame: 16 ms; %.1f ms of it on the CPU)\n", "longest the main loop was held",
          bench.longest_stall / 1000.0, bench.longest_stall_cpu / 1000.0);
  printf ("%-44s %8.1f ms  (a frame: 16 ms; renderer: %s)\n", "most CPU time the main loop took at once",
          bench.longest_cpu / 1000.0, G_OBJECT_TYPE_NAME (gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (view)))));
  printf ("%-44s %8u of %u\n", "times it took more than a frame of CPU", bench.n_over_frame, bench.n_ticks);
  printf ("%-44s %8.1f MB  (goal 200 MB)\n", "page images kept after 300 pages",
          plenary_pdf_view_get_cache_size (view) / 1048576.0);
  printf ("%-44s %8.1f MB\n", "resident memory of the process", resident_kb () / 1024.0);

  /* 1,000 highlights spread over the pages, a sentence each. */
  plain_frames = frames_through_pages (&bench, view);
  marks = g_array_new (FALSE, FALSE, sizeof (PlenaryPdfMark));
  for (guint i = 0; i < N_HIGHLIGHTS; i++)
    {
      guint page = i % N_PAGES;
      gint64 page_start = g_array_index (starts, gint64, page);
      gint64 page_end = page + 1 < starts->len ? g_array_index (starts, gint64, page + 1)
                                               : (gint64) g_utf8_strlen (text, -1);
      gint64 start = page_start + (i / N_PAGES) * 90 + 12;
      PlenaryPdfMark mark = { MIN (start, page_end - 1), MIN (start + 60, page_end),
                              PLENARY_PDF_MARK_HIGHLIGHT, { 1.0, 0.85, 0.2, 0.45 } };

      g_array_append_val (marks, mark);
    }
  plenary_pdf_view_set_marks (view, (const PlenaryPdfMark *) marks->data, marks->len);
  marked_frames = frames_through_pages (&bench, view);
  report ("one frame of the view, no highlights", plain_frames, "16 ms");
  report ("one frame of the view, 1,000 highlights", marked_frames, "16 ms");

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
  g_array_unref (bench.render_ms);
  return 0;
}
