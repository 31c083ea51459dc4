/* bench-spelling.c — spelling in a 5,000-paragraph draft.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens a French resolution of 5,000 operative paragraphs (a misspelt word
 * in one paragraph of ten) in a PlenaryEditorView shown in a window (needs
 * a display: run under Xvfb) with a PlenarySpellHighlighter, and reports:
 * - the first check of the whole draft, in the background: how long until
 *   every line is checked, and the longest round of that work (what a key
 *   typed meanwhile may wait);
 * - one keystroke in the middle of the draft, spelling off and on: the
 *   insert call, then the main loop until idle (the view's layout and
 *   drawing, and with spelling on the round that checks the line).
 * - the length shown under a resolution once typing pauses: words on the
 *   main loop, then the pages at the export layout one at a time.
 * Target: a keystroke under 8 ms with spelling on.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "plenary-brief.h"
#include "plenary-document.h"
#include "plenary-editor-view.h"
#include "plenary-spell-highlighter.h"

#define N_OPERATIVE 5000
#define N_KEYS      40

static const char * const sentences[] = {
  "les États Membres à renforcer la coopération internationale en matière de gestion durable de l'eau",
  "le Secrétaire général à lui présenter, à sa prochaine session, un rapport sur l'application de la présente résolution",
  "toutes les parties à garantir l'accès sans entrave de l'aide humanitaire aux populations touchées",
};

static PlenaryDraft *
build_draft (void)
{
  PlenaryDraft *draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  PlenaryBody *body = plenary_draft_get_body (draft);

  plenary_body_set_opening (body, "L'Assemblée générale,");
  for (guint i = 0; i < N_OPERATIVE; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s%s (A/RES/%u/1)\xc2\xa0;",
                                               sentences[i % G_N_ELEMENTS (sentences)],
                                               i % 10 == 0 ? " et la cooperaton" : "", i);

      plenary_body_append (body, plenary_paragraph_new (PLENARY_ROLE_OPERATIVE, "Encourage", text));
    }

  return draft;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        double     *ms,
        guint       n)
{
  qsort (ms, n, sizeof (double), compare_double);
  printf ("%-48s median %7.3f ms   worst %7.3f ms\n", what, ms[n / 2], ms[n - 1]);
}

/* Runs one main loop iteration at a time until the highlighter is idle;
 * the longest iteration is the longest a key could wait. */
static double
spin_until_checked (PlenarySpellHighlighter *highlighter,
                    guint                   *rounds)
{
  double worst = 0;

  *rounds = 0;
  while (plenary_spell_highlighter_get_checking (highlighter))
    {
      gint64 t0 = g_get_monotonic_time ();

      g_main_context_iteration (NULL, TRUE);
      worst = MAX (worst, (g_get_monotonic_time () - t0) / 1000.0);
      (*rounds)++;
    }

  return worst;
}

/* After each key, the main loop runs until nothing is left: the view's
 * layout and drawing, and with spelling on the round that checks the
 * line. The difference between on and off is what spelling costs. */
static void
type_keys (GtkTextBuffer           *buffer,
           PlenarySpellHighlighter *highlighter,
           const char              *label)
{
  double insert_ms[N_KEYS], drain_ms[N_KEYS], worst_ms[N_KEYS];
  g_autofree char *insert_label = g_strdup_printf ("%s: keystroke (insert)", label);
  g_autofree char *drain_label = g_strdup_printf ("%s: then the main loop until idle", label);
  g_autofree char *worst_label = g_strdup_printf ("%s: its longest iteration", label);

  for (guint k = 0; k < N_KEYS; k++)
    {
      GtkTextIter iter;
      guint rounds;
      gint64 t0, t1, t2;

      gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, N_OPERATIVE / 2, 30);
      t0 = g_get_monotonic_time ();
      gtk_text_buffer_insert_interactive (buffer, &iter, "e", -1, TRUE);
      t1 = g_get_monotonic_time ();
      worst_ms[k] = spin_until_checked (highlighter, &rounds);
      while (g_main_context_pending (NULL))
        {
          gint64 t = g_get_monotonic_time ();

          g_main_context_iteration (NULL, FALSE);
          worst_ms[k] = MAX (worst_ms[k], (g_get_monotonic_time () - t) / 1000.0);
        }
      t2 = g_get_monotonic_time ();
      insert_ms[k] = (t1 - t0) / 1000.0;
      drain_ms[k] = (t2 - t1) / 1000.0;
    }

  report (insert_label, insert_ms, N_KEYS);
  report (drain_label, drain_ms, N_KEYS);
  report (worst_label, worst_ms, N_KEYS);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(PlenaryDocument) document = NULL;
  g_autoptr(PlenarySpellHighlighter) highlighter = NULL;
  g_autoptr(PlenarySpellChecker) checker = NULL;
  GtkWidget *window, *scroller, *view;
  GtkTextBuffer *buffer;
  guint rounds;
  double worst;
  gint64 t0, t1;

  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-spelling needs a display: run it under xvfb-run\n");
      return 77;
    }

  checker = plenary_spell_checker_new ("fr");
  if (!plenary_spell_checker_has_dictionary (checker))
    {
      fprintf (stderr, "bench-spelling needs hunspell-fr (tools/dev installs it)\n");
      return 77;
    }

  draft = build_draft ();
  document = plenary_document_new (draft, "Bench");
  view = g_object_new (PLENARY_TYPE_EDITOR_VIEW, "wrap-mode", GTK_WRAP_WORD_CHAR, NULL);
  plenary_editor_view_set_document (PLENARY_EDITOR_VIEW (view), document);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  printf ("%u lines\n", plenary_line_index_get_n_lines (plenary_document_get_line_index (document)));

  /* The draft opens; its first check runs in the background. Measured
   * before the window shows, so that each main loop iteration is one
   * round of spelling and nothing else. */
  t0 = g_get_monotonic_time ();
  highlighter = plenary_spell_highlighter_new (GTK_TEXT_VIEW (view));
  plenary_spell_highlighter_skip_tag (highlighter, "plenary-hidden");
  plenary_spell_highlighter_set_checker (highlighter, checker);
  t1 = g_get_monotonic_time ();
  worst = spin_until_checked (highlighter, &rounds);
  printf ("%-48s %7.1f ms\n", "spelling on: marking the draft to check", (t1 - t0) / 1000.0);
  printf ("%-48s %7.1f ms in %u rounds, longest %.2f ms\n", "first check of the whole draft, background",
          (g_get_monotonic_time () - t0) / 1000.0, rounds, worst);

  window = gtk_window_new ();
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  {
    GtkTextIter iter;

    gtk_text_buffer_get_iter_at_line (buffer, &iter, N_OPERATIVE / 2);
    gtk_text_buffer_place_cursor (buffer, &iter);
    gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (view), &iter, 0.0, TRUE, 0.0, 0.5);
    while (g_main_context_iteration (NULL, FALSE));
  }

  plenary_spell_highlighter_set_enabled (highlighter, FALSE);
  type_keys (buffer, highlighter, "spelling off");
  plenary_spell_highlighter_set_enabled (highlighter, TRUE);
  spin_until_checked (highlighter, &rounds);
  type_keys (buffer, highlighter, "spelling on");

  /* What the length under the text costs once typing pauses: reading
   * the text into the draft, counting its words and copying it for the
   * layout on the main loop, then the pages one at a time in the
   * background (plenary-page.c). */
  {
    g_autoptr(PlenaryPageLayout) layout = NULL;
    double step, worst_step = 0;
    guint words;

    t0 = g_get_monotonic_time ();
    plenary_document_sync_draft (document);
    words = plenary_brief_count_draft_words (plenary_document_get_draft (document));
    layout = plenary_page_layout_new (plenary_document_get_draft (document), NULL);
    t1 = g_get_monotonic_time ();
    printf ("%-48s %7.1f ms (%u words)\n", "length: text to draft, words, layout copy", (t1 - t0) / 1000.0, words);
    do
      {
        gint64 t = g_get_monotonic_time ();
        gboolean done = plenary_page_layout_paginate_step (layout);

        step = (g_get_monotonic_time () - t) / 1000.0;
        worst_step = MAX (worst_step, step);
        if (done)
          break;
      }
    while (TRUE);
    printf ("%-48s %7.1f ms (%u pages), longest page %.2f ms\n", "length: pages, in the background",
            (g_get_monotonic_time () - t1) / 1000.0, plenary_page_layout_get_n_pages (layout), worst_step);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));

  return 0;
}
