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

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values)
{
  qsort (values, N_RUNS, sizeof (double), compare_doubles);
  return values[N_RUNS / 2];
}

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
  printf ("load_ms: %.1f\n", median (load_ms));
  printf ("save_ms: %.1f\n", median (save_ms));
  printf ("peak_rss_mb: %.1f\n", usage.ru_maxrss / 1024.0);

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
