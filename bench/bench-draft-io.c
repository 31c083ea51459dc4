/* bench-draft-io.c — load and save time of a large resolution.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a resolution of 5,000 operative paragraphs, each with two
 * sub-paragraphs (the first holding a sub-sub-paragraph), in French of
 * realistic length (about 2 MB of JSON), then reports the median of five
 * loads (read + decode) and five saves (encode + atomic write with fsync and
 * backup), and the peak resident set size.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "plenary-draft-codec.h"
#include "plenary-draft-file.h"

#include "bench-drafts.h"

#define N_OPERATIVE 5000
#define N_RUNS      5

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *state = NULL;
  g_autofree char *path = NULL;
  double load_ms[N_RUNS];
  double save_ms[N_RUNS];
  struct rusage usage;
  GStatBuf st;

  folder = g_dir_make_tmp ("plenary-bench-XXXXXX", &error);
  g_assert_no_error (error);
  /* Keep the backups of this run out of the user's state folder. */
  state = g_build_filename (folder, "state", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);

  path = g_build_filename (folder, "large.plenary.json", NULL);
  file = g_file_new_for_path (path);
  draft = bench_build_resolution (N_OPERATIVE);

  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!plenary_draft_save (draft, file, NULL, &error))
        g_error ("save: %s", error->message);
      save_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  for (guint i = 0; i < N_RUNS; i++)
    {
      g_autoptr(PlenaryDraft) loaded = NULL;
      gint64 start = g_get_monotonic_time ();

      loaded = plenary_draft_load (file, NULL, &error);
      if (loaded == NULL)
        g_error ("load: %s", error->message);
      load_ms[i] = (g_get_monotonic_time () - start) / 1000.0;

      if (!plenary_body_equal (plenary_draft_get_body (loaded), plenary_draft_get_body (draft)))
        g_error ("the loaded draft differs from the saved one");
    }

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  getrusage (RUSAGE_SELF, &usage);

  printf ("paragraphs: %u operative, %u sub-paragraphs\n", N_OPERATIVE, N_OPERATIVE * 3);
  printf ("file_size_bytes: %" G_GINT64_FORMAT "\n", (gint64) st.st_size);
  printf ("load_ms: %.1f\n", bench_median (N_RUNS, load_ms));
  printf ("save_ms: %.1f\n", bench_median (N_RUNS, save_ms));
  printf ("peak_rss_mb: %.1f\n", usage.ru_maxrss / 1024.0);

  /* A pause in typing with a 50 MB source (issue 11): what the recovery
   * copy makes on the typing path (the snapshot) against the whole
   * encoding it made there before; the worker escapes the text after. */
  {
    g_autoptr(GString) text = g_string_sized_new (50 * 1024 * 1024 + 128);
    g_autoptr(PlenarySource) source = NULL;
    double pause_ms[N_RUNS], encode_ms[N_RUNS], worker_ms[N_RUNS];
    gsize snapshot_size = 0;

    while (text->len < 50 * 1024 * 1024)
      g_string_append (text, "Le Conseil de sécurité, rappelant ses résolutions antérieures,\n");
    source = plenary_source_new ("s-large", "Rapport de 50 Mo", "rapport.txt", "text/plain", text->str);
    g_list_store_append (plenary_draft_get_sources (draft), source);

    for (guint i = 0; i < N_RUNS; i++)
      {
        g_autoptr(PlenaryDraftSnapshot) snapshot = NULL;
        g_autoptr(GBytes) bytes = NULL;
        gint64 start = g_get_monotonic_time ();

        snapshot = plenary_draft_snapshot_new (draft);
        pause_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
        snapshot_size = plenary_draft_snapshot_get_size (snapshot);

        start = g_get_monotonic_time ();
        bytes = plenary_draft_snapshot_encode (snapshot);
        worker_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
        g_clear_pointer (&bytes, g_bytes_unref);

        start = g_get_monotonic_time ();
        bytes = plenary_draft_codec_encode (draft);
        encode_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      }

    printf ("pause_with_50mb_source_ms: %.2f (snapshot of %" G_GSIZE_FORMAT " bytes, on the typing path)\n",
            bench_median (N_RUNS, pause_ms), snapshot_size);
    printf ("pause_with_50mb_source_before_ms: %.1f (whole encoding on the typing path, as before)\n",
            bench_median (N_RUNS, encode_ms));
    printf ("recovery_worker_encode_ms: %.1f (off the typing path)\n", bench_median (N_RUNS, worker_ms));
  }

  g_unlink (path);
  {
    g_autoptr(GPtrArray) kept = plenary_draft_file_list_backups (file, NULL);
    g_autoptr(GFile) folder_file = plenary_draft_file_get_backup_folder ();
    const char *backups = g_file_peek_path (folder_file);
    g_autofree char *plenary = g_path_get_dirname (backups);

    for (guint i = 0; i < kept->len; i++)
      g_file_delete (g_ptr_array_index (kept, i), NULL, NULL);
    g_rmdir (backups);
    g_rmdir (plenary);
    g_rmdir (state);
    g_rmdir (folder);
  }

  return 0;
}
