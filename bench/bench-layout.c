/* bench-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PDF export of a generated 5,000-paragraph draft (about 390 pages): time
 * (median of a few runs, the machine may be busy), page count, peak RSS, time
 * to the first page of a preview; and, when soffice is on PATH, the same plain
 * text to PDF by `plenary --convert` and by LibreOffice, side by side
 * (alternating runs, medians: the goal is 5 times faster or more, on a busy
 * machine too). Prints "name: value" lines.
 */

#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "plenary-clause-printer.h"
#include "plenary-page-layout.h"
#include "plenary-pdf-export.h"

#define N_PARAGRAPHS 5000
#define N_RUNS       5

static PlenaryDraft *
generate_draft (void)
{
  static const char *phrases[] = { "Encourage", "Demande", "Invite", "Décide", "Prie", "Souligne" };
  static const char *words[] = {
    "développement", "coopération", "internationale", "travail", "États", "membres",
    "emploi", "numérique", "durable", "organisation", "économique", "mondial",
    "intelligence", "artificielle", "accès", "formation", "des", "les", "la", "et",
  };
  PlenaryDraft *draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  PlenaryMetadata *metadata = plenary_draft_get_metadata (draft);
  PlenaryBody *body = plenary_draft_get_body (draft);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2025);
  g_autoptr(PlenarySource) source = plenary_source_new ("s1", "Rapport de l’OIT", "oit.pdf",
                                                        "application/pdf", "Le texte cité de la source.");

  plenary_metadata_set_string (metadata, "symbol", "E/2025/L.99");
  plenary_metadata_set_string (metadata, "body", "Conseil économique et social");
  plenary_metadata_set_string (metadata, "forum", "Conseil économique et social");
  plenary_metadata_set_string (metadata, "question", "Un projet de résolution très long");
  plenary_metadata_set_string (metadata, "submitted-by", "France");
  plenary_body_set_opening (body, "L'Assemblée générale,");
  g_list_store_append (plenary_draft_get_sources (draft), source);

  for (guint i = 0; i < N_PARAGRAPHS; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(PlenaryParagraph) paragraph = NULL;
      guint n = g_rand_int_range (rand, 12, 43);

      for (guint w = 0; w < n; w++)
        {
          if (w > 0)
            g_string_append_c (text, ' ');
          g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
        }
      g_string_append (text, i < N_PARAGRAPHS / 10 ? "," : " ;");
      paragraph = plenary_paragraph_new (i < N_PARAGRAPHS / 10 ? PLENARY_ROLE_PREAMBULAR
                                                                : PLENARY_ROLE_OPERATIVE,
                                         i < N_PARAGRAPHS / 10 ? "Considérant"
                                                               : phrases[i % G_N_ELEMENTS (phrases)],
                                         text->str);
      plenary_body_append (body, paragraph);
    }

  /* A citation on the first word of every 20th line of the editor text. */
  {
    g_autofree char *editor = plenary_clause_printer_print (body, PLENARY_DRAFT_KIND_RESOLUTION,
                                                            "fr", PLENARY_PRINT_EDITOR);
    gint64 offset = 0;
    guint line = 0;

    for (const char *p = editor; *p != '\0'; p = g_utf8_next_char (p), offset++)
      if (*p == '\n' && ++line % 20 == 0)
        {
          g_autofree char *id = plenary_draft_new_id (draft, "c");
          g_autoptr(PlenaryAnchor) anchor = plenary_anchor_new (PLENARY_ANCHOR_TARGET_DRAFT, "",
                                                                "", "", offset + 1, offset + 12);
          g_autoptr(PlenaryAnchor) quote = plenary_anchor_new ("s1", "texte cité", "", "", 3, 13);
          g_autoptr(PlenaryAnnotation) annotation = plenary_annotation_new (id,
                                                                            PLENARY_ANNOTATION_CITATION,
                                                                            anchor);

          plenary_annotation_set_source_anchor (annotation, quote);
          plenary_annotation_set_show_quote (annotation, line % 40 == 0);
          g_list_store_append (plenary_draft_get_annotations (draft), annotation);
        }
  }

  return draft;
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);

  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *)a;
  double db = *(const double *)b;

  return da < db ? -1 : da > db;
}

/* Sorts VALUES. */
static double
median (double values[N_RUNS])
{
  qsort (values, N_RUNS, sizeof (double), compare_doubles);

  return values[N_RUNS / 2];
}

/* CPU seconds of the children waited for, theirs included (soffice's
 * launcher waits for soffice.bin). */
static double
children_cpu (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/* Runs ARGV to its end: wall seconds, and CPU seconds in *CPU. */
static double
run_timed (const char * const *argv,
           double             *cpu)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu_before = children_cpu ();
  int wait_status;
  GPid pid;

  if (!g_spawn_async (NULL, (char **) argv, NULL,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    g_error ("%s: %s", argv[0], error->message);
  waitpid (pid, &wait_status, 0);
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0)
    g_error ("%s failed", argv[0]);

  *cpu = children_cpu () - cpu_before;
  return (g_get_monotonic_time () - start) / 1e6;
}


int
main (int   argc,
      char *argv[])
{
  g_autoptr(PlenaryDraft) draft = generate_draft ();
  g_autoptr(PlenaryPageLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("plenary-bench-layout-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (tmpdir, "draft.pdf", NULL);
  g_autofree char *txt = g_build_filename (tmpdir, "draft.txt", NULL);
  g_autofree char *plain = NULL;
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  const char *plenary = argc > 1 ? argv[1] : NULL;
  struct rusage usage;
  gint64 start;
  double walls[N_RUNS], cpus[N_RUNS];
  double export_seconds, first_page_seconds, paginate_seconds;
  struct stat st;

  for (guint run = 0; run < N_RUNS; run++)
    {
      double cpu = cpu_seconds ();

      start = g_get_monotonic_time ();
      if (!plenary_pdf_export (draft, pdf, NULL, NULL, &error))
        g_error ("%s", error->message);
      walls[run] = (g_get_monotonic_time () - start) / 1e6;
      cpus[run] = cpu_seconds () - cpu;
    }
  export_seconds = median (walls);
  getrusage (RUSAGE_SELF, &usage);
  g_stat (pdf, &st);

  /* What a print preview waits for before it shows anything. */
  start = g_get_monotonic_time ();
  layout = plenary_page_layout_new (draft, NULL);
  plenary_page_layout_paginate_step (layout);
  first_page_seconds = (g_get_monotonic_time () - start) / 1e6;
  g_clear_object (&layout);

  start = g_get_monotonic_time ();
  layout = plenary_page_layout_new (draft, NULL);
  plenary_page_layout_paginate (layout);
  paginate_seconds = (g_get_monotonic_time () - start) / 1e6;

  g_print ("paragraphs: %u\n", N_PARAGRAPHS);
  g_print ("pages: %u\n", plenary_page_layout_get_n_pages (layout));
  g_print ("export_seconds: %.3f\n", export_seconds);
  /* CPU time of all threads: less sensitive than wall time to other jobs on
   * the machine, and above the wall time when shaping runs in parallel. */
  g_print ("export_cpu_seconds: %.3f\n", median (cpus));
  g_print ("first_page_seconds: %.4f\n", first_page_seconds);
  g_print ("paginate_only_seconds: %.3f\n", paginate_seconds);
  g_print ("pdf_bytes: %" G_GINT64_FORMAT "\n", (gint64) st.st_size);
  g_print ("export_peak_rss_mb: %.1f\n", usage.ru_maxrss / 1024.0);

  /* Side by side on the same plain text, plenary --convert (reading the
   * text, laying it out, writing the PDF) and soffice --convert-to pdf,
   * alternating so that both meet the same load; medians. */
  plain = plenary_clause_printer_print (plenary_draft_get_body (draft),
                                        PLENARY_DRAFT_KIND_RESOLUTION, "fr", PLENARY_PRINT_PLAIN);
  g_file_set_contents (txt, plain, -1, NULL);
  if (soffice == NULL || plenary == NULL)
    g_print ("soffice: %s, no comparison\n", soffice == NULL ? "not found on PATH" : "no plenary given");
  else
    {
      g_autofree char *outdir = g_build_filename (tmpdir, "office", NULL);
      g_autofree char *ours = g_build_filename (tmpdir, "plenary.pdf", NULL);
      const char *office_argv[] = { soffice, "--headless", "--convert-to", "pdf", "--outdir", outdir, txt, NULL };
      const char *plenary_argv[] = { plenary, "--convert", txt, ours, NULL };
      double plenary_walls[N_RUNS], office_walls[N_RUNS], plenary_cpus[N_RUNS], office_cpus[N_RUNS];

      /* soffice's first start sets up its profile: not measured. */
      run_timed (office_argv, &office_cpus[0]);
      for (guint run = 0; run < N_RUNS; run++)
        {
          plenary_walls[run] = run_timed (plenary_argv, &plenary_cpus[run]);
          office_walls[run] = run_timed (office_argv, &office_cpus[run]);
        }
      g_print ("plenary_convert_seconds: %.3f\n", median (plenary_walls));
      g_print ("plenary_convert_cpu_seconds: %.3f\n", median (plenary_cpus));
      g_print ("soffice_seconds: %.3f\n", median (office_walls));
      g_print ("soffice_cpu_seconds: %.3f\n", median (office_cpus));
      g_print ("soffice_over_plenary: %.1f (goal 5 or more)\n", median (office_walls) / median (plenary_walls));
      g_print ("soffice_over_plenary_cpu: %.1f\n", median (office_cpus) / median (plenary_cpus));
      /* Sorted by median(): the best runs, each in its quietest moment. */
      g_print ("plenary_convert_best_seconds: %.3f\n", plenary_walls[0]);
      g_print ("soffice_best_seconds: %.3f\n", office_walls[0]);
      g_print ("soffice_over_plenary_best: %.1f\n", office_walls[0] / plenary_walls[0]);
      {
        double load[3];

        if (getloadavg (load, 3) == 3)
          g_print ("load_average: %.2f\n", load[0]);
      }
      g_unlink (ours);
      {
        g_autofree char *theirs = g_build_filename (outdir, "draft.pdf", NULL);
        g_unlink (theirs);
        g_rmdir (outdir);
      }
    }
  g_unlink (txt);

  g_unlink (pdf);
  g_rmdir (tmpdir);

  return 0;
}
