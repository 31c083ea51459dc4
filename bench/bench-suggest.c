/* bench-suggest.c — proposals in the editor (issue 16).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 5,000-paragraph resolution with 1,000 proposals by 12 delegations,
 * opened in a PlenaryEditorView shown in a window (needs a display: run
 * under Xvfb) with its outline and its checks: the time to open it with
 * the proposals shown, one keystroke in suggest mode (the insert, which
 * makes or grows a proposal, then the idle work of the outline and the
 * checks), and Accept All as one edit (then Undo, before the next run).
 * Targets: open under 1 s, a keystroke under 8 ms, accept all under 200 ms.
 */

#include "config.h"

#include <stdio.h>

#include "plenary-document.h"
#include "plenary-editor-view.h"
#include "plenary-outline.h"
#include "plenary-problems.h"

#include "bench-drafts.h"

#define N_OPERATIVE 5000
#define N_PROPOSALS 1000
#define N_KEYS      40
#define N_RUNS      5

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE));
}

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

static void
report (const char *what,
        double     *ms,
        guint       n,
        const char *target)
{
  double median = bench_median (n, ms);

  printf ("%-36s median %8.2f ms   worst %8.2f ms   %s\n", what, median, ms[n - 1], target);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(PlenaryDocument) document = NULL;
  g_autoptr(PlenaryOutline) outline = NULL;
  g_autoptr(PlenaryProblems) problems = NULL;
  double key_ms[N_KEYS], idle_ms[N_KEYS], accept_ms[N_RUNS], after_ms[N_RUNS];
  GtkWidget *window, *scroller, *view;
  GtkTextBuffer *buffer;
  gint64 start;
  double open_ms, show_ms;
  guint line = N_OPERATIVE;
  guint n_accepted = 0;

  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-suggest needs a display: run it under xvfb-run\n");
      return 77;
    }

  draft = bench_build_resolution (N_OPERATIVE);
  bench_add_proposals (draft, N_PROPOSALS);

  start = g_get_monotonic_time ();
  document = plenary_document_new (draft, "Bench");
  view = g_object_new (PLENARY_TYPE_EDITOR_VIEW, "wrap-mode", GTK_WRAP_WORD_CHAR, NULL);
  plenary_editor_view_set_document (PLENARY_EDITOR_VIEW (view), document);
  outline = plenary_outline_new (document);
  problems = plenary_problems_new (document);
  open_ms = elapsed_ms (start);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  window = gtk_window_new ();
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  start = g_get_monotonic_time ();
  plenary_outline_flush (outline);
  plenary_problems_flush (problems);
  show_ms = elapsed_ms (start);
  /* GTK lays the rest of the text out in the background. */
  spin ();

  /* Typing in the middle of the draft, suggesting as a delegation. */
  plenary_document_set_delegation (document, "France");
  plenary_document_set_suggesting (document, TRUE);
  for (guint k = 0; k < N_KEYS; k++)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, line, 30 + k);
      start = g_get_monotonic_time ();
      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_insert_interactive (buffer, &iter, "e", -1, TRUE);
      gtk_text_buffer_end_user_action (buffer);
      key_ms[k] = elapsed_ms (start);
      start = g_get_monotonic_time ();
      plenary_outline_flush (outline);
      plenary_problems_flush (problems);
      idle_ms[k] = elapsed_ms (start);
      spin ();
    }
  plenary_document_set_suggesting (document, FALSE);

  for (guint run = 0; run < N_RUNS; run++)
    {
      start = g_get_monotonic_time ();
      n_accepted = plenary_document_resolve_proposals (document, NULL, NULL, NULL, TRUE);
      accept_ms[run] = elapsed_ms (start);
      start = g_get_monotonic_time ();
      plenary_outline_flush (outline);
      plenary_problems_flush (problems);
      after_ms[run] = elapsed_ms (start);
      spin ();
      gtk_text_buffer_undo (buffer);
      spin ();
    }

  printf ("suggest: %u proposals by %u delegations on %u operative paragraphs, in the editor\n",
          N_PROPOSALS, BENCH_N_DELEGATIONS, N_OPERATIVE);
  printf ("open with the proposals shown:        %7.1f ms   (target < 1000 ms)\n", open_ms);
  printf ("  then its outline and checks:        %7.1f ms\n", show_ms);
  report ("keystroke in suggest mode", key_ms, N_KEYS, "(target < 8 ms)");
  report ("  then outline and checks", idle_ms, N_KEYS, "");
  printf ("(%u proposals accepted)\n", n_accepted);
  report ("accept all, one edit", accept_ms, N_RUNS, "(target < 200 ms)");
  report ("  then outline and checks", after_ms, N_RUNS, "");

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();

  return 0;
}
