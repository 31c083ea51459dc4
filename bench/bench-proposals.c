/* bench-proposals.c — 1,000 proposals from 12 delegations on the
 * 5,000-paragraph resolution.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Makes 1,000 proposals (words replaced, inserted and deleted, new and
 * deleted paragraphs) by 12 delegations on the large resolution
 * (bench-drafts.c), then reports the median of five runs of: reading the
 * file (decode), the text with every proposal accepted, and the PDF of the
 * compilation text. Targets (issue 16): open under 1 s, accept all under
 * 200 ms, compilation PDF under 2 s.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "plenary-draft-codec.h"
#include "plenary-pdf-export.h"
#include "plenary-proposals.h"

#include "bench-drafts.h"

#define N_OPERATIVE   5000
#define N_PROPOSALS   1000
#define N_RUNS        5

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PlenaryDraft) draft = bench_build_resolution (N_OPERATIVE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("plenary-bench-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (folder, "compilation.pdf", NULL);
  PlenaryLayoutOptions options;
  double open_ms[N_RUNS], accept_ms[N_RUNS], pdf_ms[N_RUNS];
  guint skipped = 0;

  bench_add_proposals (draft, N_PROPOSALS);
  bytes = plenary_draft_codec_encode (draft);
  plenary_layout_options_init (&options);
  options.proposals = PLENARY_PROPOSALS_COMPILATION;

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(PlenaryDraft) opened = NULL;
      g_autoptr(PlenaryBody) accepted = NULL;
      gint64 start = g_get_monotonic_time ();

      opened = plenary_draft_codec_decode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
      g_assert_no_error (error);
      open_ms[run] = elapsed_ms (start);
      g_assert_cmpuint (g_list_model_get_n_items (plenary_draft_get_proposals (opened)), ==, N_PROPOSALS);

      start = g_get_monotonic_time ();
      accepted = plenary_proposals_dup_accepted (opened, &skipped);
      accept_ms[run] = elapsed_ms (start);

      start = g_get_monotonic_time ();
      if (!plenary_pdf_export (opened, pdf, &options, NULL, &error))
        g_error ("%s", error->message);
      pdf_ms[run] = elapsed_ms (start);
    }

  printf ("proposals: %u by %u delegations on %u operative paragraphs (%.1f MB of JSON); "
          "%u competing ones not applied when all are accepted\n",
          N_PROPOSALS, BENCH_N_DELEGATIONS, N_OPERATIVE, g_bytes_get_size (bytes) / 1e6, skipped);
  printf ("open (read the file):      median %7.1f ms   (target < 1000 ms)\n", bench_median (N_RUNS, open_ms));
  printf ("accept all (text):         median %7.1f ms   (target < 200 ms)\n", bench_median (N_RUNS, accept_ms));
  printf ("compilation PDF:           median %7.1f ms   (target < 2000 ms)\n", bench_median (N_RUNS, pdf_ms));

  g_unlink (pdf);
  g_rmdir (folder);
  return 0;
}
