/* bench-editor.c — one keystroke in a 5,000-paragraph draft.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens a resolution of 7 preambular and 5,000 operative paragraphs in a
 * PlenaryEditorView shown in a window (needs a display: run under Xvfb),
 * with its outline and its checks, then types in the middle of it: a
 * letter inside a paragraph, Enter, and the first letter of the new
 * paragraph (which renumbers every paragraph below). Reports the median
 * and worst time of the
 * keystroke itself (the insert call, which classifies the line) and of the
 * idle work that follows (outline, checks and underlines of the changed
 * lines), and the time to build the outline and the checks of the whole
 * draft when it is opened.
 */

#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>

#include "plenary-document.h"
#include "plenary-editor-view.h"
#include "plenary-outline.h"
#include "plenary-problems.h"
#include "plenary-recovery.h"

#include "bench-drafts.h"

#define N_OPERATIVE 5000
#define N_KEYS      40
#define N_PAUSES    5

static const char * const phrases[] = {
  "Encourage", "Demande", "Prie", "Invite", "Exhorte", "Décide", "Souligne", "Engage",
};

static const char * const clauses[] = {
  "les États Membres à renforcer la coopération internationale en matière de gestion durable de l'eau",
  "le Secrétaire général à lui présenter, à sa prochaine session, un rapport sur l'application de la présente résolution",
  "toutes les parties à garantir l'accès sans entrave de l'aide humanitaire aux populations touchées",
};

static PlenaryDraft *
build_draft (void)
{
  PlenaryDraft *draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  PlenaryBody *body = plenary_draft_get_body (draft);

  plenary_metadata_set_string (plenary_draft_get_metadata (draft), "body", "Assemblée générale");
  plenary_body_set_opening (body, "L'Assemblée générale,");

  for (guint i = 0; i < 7; i++)
    plenary_body_append (body, plenary_paragraph_new (PLENARY_ROLE_PREAMBULAR, "Considérant",
                                                      "que la coopération internationale progresse,"));
  for (guint i = 0; i < N_OPERATIVE; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s (%u)%s", clauses[i % G_N_ELEMENTS (clauses)], i + 1,
                                               i + 1 == N_OPERATIVE ? "." : "\xc2\xa0;");

      plenary_body_append (body, plenary_paragraph_new (PLENARY_ROLE_OPERATIVE,
                                                        phrases[i % G_N_ELEMENTS (phrases)], text));
    }

  return draft;
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE));
}

static void
report (const char *what,
        double     *ms,
        guint       n)
{
  double median = bench_median (n, ms);

  printf ("%-44s median %7.3f ms   worst %7.3f ms\n", what, median, ms[n - 1]);
}

typedef struct
{
  double insert_ms[N_KEYS];
  double idle_ms[N_KEYS];
  double total_ms[N_KEYS];
  double redraw_ms[N_KEYS];
} Timings;

static void
type_key (GtkTextBuffer   *buffer,
          PlenaryOutline  *outline,
          PlenaryProblems *problems,
          GtkTextIter     *iter,
          const char      *key,
          Timings         *timings,
          guint            k)
{
  gint64 t0, t1, t2, t3;

  t0 = g_get_monotonic_time ();
  gtk_text_buffer_insert_interactive (buffer, iter, key, -1, TRUE);
  t1 = g_get_monotonic_time ();
  plenary_outline_flush (outline);
  plenary_problems_flush (problems);
  t2 = g_get_monotonic_time ();
  spin ();
  t3 = g_get_monotonic_time ();

  timings->insert_ms[k] = (t1 - t0) / 1000.0;
  timings->idle_ms[k] = (t2 - t1) / 1000.0;
  timings->total_ms[k] = (t2 - t0) / 1000.0;
  timings->redraw_ms[k] = (t3 - t2) / 1000.0;
}

static void
report_timings (const char *label,
                Timings    *timings)
{
  printf ("%s\n", label);
  report ("  keystroke (insert + classification)", timings->insert_ms, N_KEYS);
  report ("  idle work (outline + checks)", timings->idle_ms, N_KEYS);
  report ("  total", timings->total_ms, N_KEYS);
  report ("  then the main loop (view layout, drawing)", timings->redraw_ms, N_KEYS);
}

static void
type_in_the_middle (GtkTextBuffer   *buffer,
                    PlenaryOutline  *outline,
                    PlenaryProblems *problems)
{
  Timings letter, enter, first;
  guint line = N_OPERATIVE / 2;

  for (guint k = 0; k < N_KEYS; k++)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, line, 30);
      type_key (buffer, outline, problems, &iter, "e", &letter, k);
    }

  /* Enter at the end of a paragraph, then the first letter of the new one,
   * which renumbers the 2,500 paragraphs below. */
  for (guint k = 0; k < N_KEYS; k++)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_line (buffer, &iter, line);
      gtk_text_iter_forward_to_line_end (&iter);
      type_key (buffer, outline, problems, &iter, "\n", &enter, k);
      gtk_text_buffer_get_iter_at_line (buffer, &iter, line + 1);
      type_key (buffer, outline, problems, &iter, "P", &first, k);
    }

  report_timings ("A letter in the middle of paragraph 2,500:", &letter);
  report_timings ("Enter at the end of paragraph 2,500:", &enter);
  report_timings ("First letter of the new paragraph (renumbers 2,500):", &first);
}

/* Whether a recovery copy is in FOLDER with both of its files (the info
 * is written last). */
static gboolean
copy_written (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".ini"))
      return TRUE;
  return FALSE;
}

/* A pause in typing with a 50 MB source beside the draft (issue 11): the
 * recovery copy is written then, and the longest the main loop was kept
 * from drawing between the key and the copy on disk is the stall the user
 * sees. Its wall time grows with whatever else runs on the machine (the
 * worker writing the copy, the software renderer of Xvfb), so the CPU time
 * the main thread itself spent in that step is given too. */
static void
pause_with_large_source (PlenaryDocument *document,
                         GtkTextBuffer   *buffer)
{
  g_autofree char *folder = g_dir_make_tmp ("plenary-bench-recovery-XXXXXX", NULL);
  g_autoptr(GFile) directory = g_file_new_for_path (folder);
  g_autoptr(PlenaryRecovery) recovery = plenary_recovery_new (directory);
  g_autoptr(GString) text = g_string_sized_new (50 * 1024 * 1024 + 128);
  g_autoptr(PlenarySource) source = NULL;
  double stall_ms[N_PAUSES];
  double stall_cpu_ms[N_PAUSES];

  while (text->len < 50 * 1024 * 1024)
    g_string_append (text, "Le Conseil de sécurité, rappelant ses résolutions antérieures,\n");
  source = plenary_source_new ("s-large", "Rapport de 50 Mo", "rapport.txt", "text/plain", text->str);
  g_list_store_append (plenary_draft_get_sources (plenary_document_get_draft (document)), source);

  plenary_recovery_set_intervals (recovery, 50, 60000);
  plenary_recovery_watch (recovery, document);

  for (guint k = 0; k < N_PAUSES; k++)
    {
      GtkTextIter iter;
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;
      double worst = 0;
      double worst_cpu = 0;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          g_unlink (path);
        }

      gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, N_OPERATIVE / 2, 30);
      gtk_text_buffer_insert_interactive (buffer, &iter, "e", -1, TRUE);
      while (!copy_written (folder))
        {
          gint64 t0 = g_get_monotonic_time ();
          double c0 = bench_thread_cpu_ms ();

          g_main_context_iteration (NULL, TRUE);
          worst = MAX (worst, (g_get_monotonic_time () - t0) / 1000.0);
          worst_cpu = MAX (worst_cpu, bench_thread_cpu_ms () - c0);
        }
      stall_ms[k] = worst;
      stall_cpu_ms[k] = worst_cpu;
    }

  printf ("A pause with a 50 MB source, until the recovery copy is on disk:\n");
  report ("  longest main-loop step", stall_ms, N_PAUSES);
  report ("  main thread's CPU time in its longest step", stall_cpu_ms, N_PAUSES);

  plenary_recovery_unwatch (recovery, document);
  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (folder, name, NULL);
        g_unlink (path);
      }
  }
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(PlenaryDocument) document = NULL;
  g_autoptr(PlenaryOutline) outline = NULL;
  g_autoptr(PlenaryProblems) problems = NULL;
  GtkWidget *window, *scroller, *view;
  GtkTextBuffer *buffer;
  gint64 t0, t1, t2;

  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-editor needs a display: run it under xvfb-run\n");
      return 77;
    }

  draft = build_draft ();
  t0 = g_get_monotonic_time ();
  document = plenary_document_new (draft, "Bench");
  view = g_object_new (PLENARY_TYPE_EDITOR_VIEW, "wrap-mode", GTK_WRAP_WORD_CHAR, NULL);
  plenary_editor_view_set_document (PLENARY_EDITOR_VIEW (view), document);
  t1 = g_get_monotonic_time ();
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  window = gtk_window_new ();
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  spin ();

  printf ("%u lines\n", plenary_line_index_get_n_lines (plenary_document_get_line_index (document)));
  printf ("%-44s %7.1f ms\n", "open (buffer + classification)", (t1 - t0) / 1000.0);

  outline = plenary_outline_new (document);
  problems = plenary_problems_new (document);
  t0 = g_get_monotonic_time ();
  plenary_outline_flush (outline);
  t1 = g_get_monotonic_time ();
  plenary_problems_flush (problems);
  t2 = g_get_monotonic_time ();
  printf ("%-44s %7.1f ms (%u items)\n", "whole outline, once", (t1 - t0) / 1000.0,
          g_list_model_get_n_items (G_LIST_MODEL (outline)));
  printf ("%-44s %7.1f ms (%u problems)\n", "whole check, once", (t2 - t1) / 1000.0,
          g_list_model_get_n_items (G_LIST_MODEL (problems)));

  /* Show the middle of the draft, where the typing happens. */
  {
    GtkTextIter iter;

    gtk_text_buffer_get_iter_at_line (buffer, &iter, N_OPERATIVE / 2);
    gtk_text_buffer_place_cursor (buffer, &iter);
    gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (view), &iter, 0.0, TRUE, 0.0, 0.5);
    spin ();
  }

  type_in_the_middle (buffer, outline, problems);
  pause_with_large_source (document, buffer);

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();

  return 0;
}
