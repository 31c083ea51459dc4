/* bench-briefs.c
 *
 * The length indicator of a brief: plenary_brief_measure() (words, and the
 * pages of a full pagination at the export layout) on the 2-page position
 * paper of tests/briefs/data and on the same brief five times over (about
 * 10 pages); plenary_brief_count_words() and plenary_brief_check_text() on
 * its editor text, which are cheap enough for every keystroke. Reports the
 * first (cold: fonts loaded) run and the median of 21 runs. Targets: measure
 * of the 2-page brief under 50 ms, words and checks under 1 ms.
 *
 * usage: bench-briefs BRIEF.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "plenary-brief.h"
#include "plenary-clause-printer.h"
#include "plenary-importer.h"

#define N_RUNS 21

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *)a;
  double db = *(const double *)b;

  return (da > db) - (da < db);
}

static double
median (double *times)
{
  qsort (times, N_RUNS, sizeof *times, compare_doubles);
  return times[N_RUNS / 2];
}

static void
bench_measure (const char   *label,
               PlenaryDraft *draft)
{
  double times[N_RUNS];
  PlenaryBriefStats stats = { 0, 0 };
  double cold = 0;

  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      stats = plenary_brief_measure (draft);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (i == 0)
        cold = times[i];
    }

  g_print ("measure %-8s %5u words %3u pages: first %.2f ms, median %.2f ms\n",
           label, stats.words, stats.pages, cold, median (times));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenaryDraft) brief = NULL;
  g_autoptr(PlenaryDraft) longer = NULL;
  g_autoptr(PlenaryBody) body = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  double words_times[N_RUNS], check_times[N_RUNS];
  guint words = 0, problems = 0;
  gsize length;

  if (argc != 2)
    {
      g_printerr ("usage: %s BRIEF.md\n", argv[0]);
      return 2;
    }

  if (!g_file_get_contents (argv[1], &contents, &length, &error) ||
      !(brief = plenary_importer_import (contents, length, argv[1], NULL, NULL, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  longer = plenary_draft_new (PLENARY_DRAFT_KIND_BRIEF, plenary_draft_get_language (brief));
  body = plenary_body_new ();
  for (guint copy = 0; copy < 5; copy++)
    for (guint i = 0; i < plenary_draft_get_body (brief)->paragraphs->len; i++)
      plenary_body_append (body, plenary_paragraph_copy (g_ptr_array_index (plenary_draft_get_body (brief)->paragraphs, i)));
  plenary_draft_set_body (longer, body);

  bench_measure ("2-page", brief);
  bench_measure ("5x", longer);

  text = plenary_clause_printer_print (plenary_draft_get_body (brief), PLENARY_DRAFT_KIND_BRIEF,
                                       plenary_draft_get_language (brief), PLENARY_PRINT_EDITOR);
  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) found = NULL;

      words = plenary_brief_count_words (text, -1);
      words_times[i] = (g_get_monotonic_time () - start) / 1000.0;

      start = g_get_monotonic_time ();
      found = plenary_brief_check_text (text, "fr", 2, 3);
      check_times[i] = (g_get_monotonic_time () - start) / 1000.0;
      problems = found->len;
    }

  g_print ("count_words 2-page  %5u words: median %.3f ms\n", words, median (words_times));
  g_print ("check_text  2-page  %5u problems: median %.3f ms\n", problems, median (check_times));

  return 0;
}
