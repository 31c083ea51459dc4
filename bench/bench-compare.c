/* bench-compare.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two revisions of a generated 5,000-paragraph draft, the newer with 5 % of
 * its paragraphs reworded and 1 % moved (the measure): the
 * comparison itself (target under 200 ms), the compare window open to its
 * first frame and scrolled to the middle and the end (under 500 ms), and
 * the comparison PDF (under 2 s). Medians of a few runs: the machine may be
 * busy. Needs a display (xvfb-run).
 */

#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>

#include "plenary-compare-export.h"
#include "plenary-compare-window.h"
#include "plenary-differ.h"
#include "plenary-pdf-export.h"

#define N_PARAGRAPHS 5000
#define N_RUNS       5

static const char *words[] = {
  "développement", "coopération", "internationale", "travail", "États", "membres",
  "emploi", "numérique", "durable", "organisation", "économique", "mondial",
  "intelligence", "artificielle", "accès", "formation", "des", "les", "la", "et",
};

static char *
random_text (GRand *rand)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 12, 43);

  for (guint w = 0; w < n; w++)
    {
      if (w > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
  g_string_append (text, " ;");

  return g_string_free (text, FALSE);
}

static PlenaryDraft *
generate_draft (GRand *rand)
{
  static const char *phrases[] = { "Encourage", "Demande", "Invite", "Décide", "Prie", "Souligne" };
  PlenaryDraft *draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  PlenaryBody *body = plenary_draft_get_body (draft);

  plenary_metadata_set_string (plenary_draft_get_metadata (draft), "symbol", "E/2025/L.99");
  plenary_body_set_opening (body, "L’Assemblée générale,");
  for (guint i = 0; i < N_PARAGRAPHS; i++)
    {
      g_autofree char *text = random_text (rand);
      gboolean preambular = i < N_PARAGRAPHS / 10;
      g_autoptr(PlenaryParagraph) paragraph =
        plenary_paragraph_new (preambular ? PLENARY_ROLE_PREAMBULAR : PLENARY_ROLE_OPERATIVE,
                               preambular ? "Considérant" : phrases[i % G_N_ELEMENTS (phrases)], text);

      paragraph->id = g_strdup_printf ("p%u", i + 1);
      plenary_body_append (body, paragraph);
    }

  return draft;
}

/* Rev.2: 5 % of the paragraphs with a word replaced and one inserted, 1 %
 * moved elsewhere. */
static PlenaryDraft *
revise (PlenaryDraft *draft,
        GRand        *rand,
        gboolean      keep_ids)
{
  PlenaryDraft *revised = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(PlenaryBody) body = plenary_body_copy (plenary_draft_get_body (draft));
  GPtrArray *paragraphs = body->paragraphs;

  plenary_metadata_set_string (plenary_draft_get_metadata (revised), "symbol", "E/2025/L.99/Rev.1");
  for (guint k = 0; k < N_PARAGRAPHS / 20; k++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (paragraphs, g_rand_int_range (rand, 0, paragraphs->len));
      g_auto(GStrv) split = g_strsplit (paragraph->text, " ", -1);
      guint n = g_strv_length (split);
      guint at = g_rand_int_range (rand, 0, n - 1);

      g_free (split[at]);
      split[at] = g_strdup_printf ("%s renforcée", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_free (paragraph->text);
      paragraph->text = g_strjoinv (" ", split);
    }
  for (guint k = 0; k < N_PARAGRAPHS / 100; k++)
    {
      PlenaryParagraph *moved = g_ptr_array_steal_index (paragraphs, g_rand_int_range (rand, N_PARAGRAPHS / 10, paragraphs->len));

      g_ptr_array_insert (paragraphs, g_rand_int_range (rand, N_PARAGRAPHS / 10, paragraphs->len), moved);
    }
  if (!keep_ids)
    for (guint i = 0; i < paragraphs->len; i++)
      g_clear_pointer (&((PlenaryParagraph *) g_ptr_array_index (paragraphs, i))->id, g_free);

  plenary_draft_set_body (revised, body);

  return revised;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), (GCompareFunc) compare_doubles);

  return values[n / 2];
}

static gboolean painted;

static void
after_paint (GdkFrameClock *clock,
             gpointer       data)
{
  painted = TRUE;
}

/* Runs the main loop until the window has drawn a frame. */
static void
wait_for_paint (GtkWidget *window)
{
  painted = FALSE;
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(PlenaryDraft) old_draft = NULL;
  g_autoptr(PlenaryDraft) new_draft = NULL;
  g_autoptr(PlenaryDraft) new_no_ids = NULL;
  g_autoptr(PlenaryComparison) comparison = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-compare-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "comparison.pdf", NULL);
  double compare_ids[N_RUNS], compare_text[N_RUNS], open[N_RUNS], scroll[N_RUNS], export[N_RUNS];

  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-compare needs a display: run it under xvfb-run\n");
      return 77;
    }
  adw_init ();

  old_draft = generate_draft (rand);
  new_draft = revise (old_draft, rand, TRUE);
  new_no_ids = revise (old_draft, rand, FALSE);

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(PlenaryComparison) by_text = NULL;
      gint64 t0 = g_get_monotonic_time ();

      g_clear_object (&comparison);
      comparison = plenary_differ_compare (plenary_draft_get_body (old_draft),
                                           plenary_draft_get_body (new_draft), PLENARY_DIFFER_DEFAULT);
      compare_ids[run] = (g_get_monotonic_time () - t0) / 1000.0;

      t0 = g_get_monotonic_time ();
      by_text = plenary_differ_compare (plenary_draft_get_body (old_draft),
                                        plenary_draft_get_body (new_no_ids), PLENARY_DIFFER_DEFAULT);
      compare_text[run] = (g_get_monotonic_time () - t0) / 1000.0;
    }

  printf ("%u paragraphs, %u changes (%u moved, %u reworded paragraphs' changes)\n",
          plenary_comparison_get_n_paragraphs (comparison),
          plenary_comparison_get_n_changes (comparison),
          plenary_comparison_count (comparison, PLENARY_CHANGE_PARAGRAPH_MOVED),
          plenary_comparison_count (comparison, PLENARY_CHANGE_WORDS_INSERTED) +
          plenary_comparison_count (comparison, PLENARY_CHANGE_WORDS_REPLACED));
  printf ("%-48s %8.1f ms (target < 200 ms)\n", "compare, paragraphs with ids", median (compare_ids, N_RUNS));
  printf ("%-48s %8.1f ms (target < 200 ms)\n", "compare, no ids (by text and words)", median (compare_text, N_RUNS));

  for (guint run = 0; run < N_RUNS; run++)
    {
      PlenaryCompareWindow *window;
      GtkAdjustment *adjustment;
      gint64 t0 = g_get_monotonic_time ();

      window = plenary_compare_window_new (NULL, comparison, new_draft, "Rev.1", "Rev.2");
      gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
      gtk_window_present (GTK_WINDOW (window));
      gtk_widget_realize (GTK_WIDGET (window));
      g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                        G_CALLBACK (after_paint), NULL);
      wait_for_paint (GTK_WIDGET (window));
      open[run] = (g_get_monotonic_time () - t0) / 1000.0;

      /* To the middle, then to the end, a frame each. */
      adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (plenary_compare_window_get_text_view (window)));
      t0 = g_get_monotonic_time ();
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
      wait_for_paint (GTK_WIDGET (window));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      wait_for_paint (GTK_WIDGET (window));
      scroll[run] = (g_get_monotonic_time () - t0) / 1000.0;

      gtk_window_destroy (GTK_WINDOW (window));
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  printf ("%-48s %8.1f ms (target < 500 ms)\n", "compare window, open to first frame", median (open, N_RUNS));
  printf ("%-48s %8.1f ms\n", "compare window, scroll to middle and end", median (scroll, N_RUNS));

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();

      if (!plenary_compare_export_pdf (comparison, new_draft, "Rev.1", pdf, NULL, NULL, &error))
        g_error ("%s", error->message);
      export[run] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  printf ("%-48s %8.1f ms (target < 2000 ms)\n", "comparison PDF", median (export, N_RUNS));

  /* The same draft's plain PDF, for scale: the layout engine's own share. */
  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();

      if (!plenary_pdf_export (new_draft, pdf, NULL, NULL, &error))
        g_error ("%s", error->message);
      export[run] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  printf ("%-48s %8.1f ms\n", "plain PDF of the newer draft, for scale", median (export, N_RUNS));

  g_unlink (pdf);
  g_rmdir (dir);

  return 0;
}
