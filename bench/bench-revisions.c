/* bench-revisions.c — a draft with 20 revisions of the 5,000-paragraph text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saves 20 revisions of the large resolution (bench-drafts.c), 5 % of the
 * operative paragraphs edited and one added before each, then reports the
 * median of five saves (encode + atomic write with fsync and backup) and five
 * loads (read + decode), the file's size, and what the revisions would weigh
 * without the shared paragraph table (each written whole, as its own draft).
 * Target (issue 15): load and save each under 1 s.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "plenary-draft-codec.h"
#include "plenary-draft-file.h"

#include "bench-drafts.h"

#define N_OPERATIVE  5000
#define N_REVISIONS  20
#define N_RUNS       5

static gsize
encoded_size (PlenaryDraft *draft)
{
  g_autoptr(GBytes) bytes = plenary_draft_codec_encode (draft);

  return g_bytes_get_size (bytes);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);
  g_autofree char *folder = NULL;
  g_autofree char *state = NULL;
  g_autofree char *path = NULL;
  GListModel *revisions;
  double load_ms[N_RUNS];
  double save_ms[N_RUNS];
  gsize unshared;
  GStatBuf st;

  folder = g_dir_make_tmp ("plenary-bench-XXXXXX", &error);
  g_assert_no_error (error);
  state = g_build_filename (folder, "state", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  path = g_build_filename (folder, "revisions.plenary.json", NULL);
  file = g_file_new_for_path (path);

  draft = bench_build_resolution (N_OPERATIVE);
  for (guint r = 0; r < N_REVISIONS; r++)
    {
      PlenaryBody *body = plenary_draft_get_body (draft);
      g_autofree char *name = g_strdup_printf ("Rev.%u", r);
      g_autoptr(PlenaryParagraph) added = NULL;

      for (guint k = 0; k < N_OPERATIVE / 20; k++)
        {
          PlenaryParagraph *paragraph = g_ptr_array_index (body->paragraphs,
                                                           g_rand_int_range (rand, 0, body->paragraphs->len));
          char *text = g_strdup_printf ("%s, tel que modifié à la révision %u", paragraph->text, r);

          g_free (paragraph->text);
          paragraph->text = text;
        }
      added = plenary_paragraph_new (PLENARY_ROLE_OPERATIVE, "Décide", "de rester saisie de la question.");
      plenary_body_append (body, added);

      plenary_draft_add_revision (draft, name, "Délégation de la France");
    }

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

      if (!(loaded = plenary_draft_load (file, NULL, &error)))
        g_error ("load: %s", error->message);
      load_ms[i] = (g_get_monotonic_time () - start) / 1000.0;

      if (g_list_model_get_n_items (plenary_draft_get_revisions (loaded)) != N_REVISIONS ||
          !plenary_body_equal (plenary_draft_get_body (loaded), plenary_draft_get_body (draft)))
        g_error ("the loaded draft differs from the saved one");
    }

  /* Encoding and decoding alone, without the disk (fsync, backup). */
  {
    gint64 start = g_get_monotonic_time ();
    g_autoptr(GBytes) bytes = plenary_draft_codec_encode (draft);
    double encode_ms = (g_get_monotonic_time () - start) / 1000.0;
    g_autoptr(PlenaryDraft) decoded = NULL;
    gsize size;
    const char *data = g_bytes_get_data (bytes, &size);

    start = g_get_monotonic_time ();
    decoded = plenary_draft_codec_decode (data, size, &error);
    g_assert_no_error (error);
    printf ("encode_ms: %.1f, decode_ms: %.1f\n", encode_ms, (g_get_monotonic_time () - start) / 1000.0);
  }

  /* Without sharing: the current text, plus every revision written whole. */
  revisions = plenary_draft_get_revisions (draft);
  {
    g_autoptr(PlenaryDraft) bare = plenary_revision_dup_draft (g_list_model_get_item (revisions, 0), draft);

    plenary_draft_set_body (bare, plenary_draft_get_body (draft));
    unshared = encoded_size (bare);
  }
  for (guint r = 0; r < N_REVISIONS; r++)
    {
      g_autoptr(PlenaryRevision) revision = g_list_model_get_item (revisions, r);
      g_autoptr(PlenaryDraft) alone = plenary_revision_dup_draft (revision, draft);

      unshared += encoded_size (alone);
    }

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  printf ("text: %u operative paragraphs, %u sub-paragraphs; %u revisions, 5 %% edited before each\n",
          N_OPERATIVE, N_OPERATIVE * 3, N_REVISIONS);
  printf ("file_size_bytes (shared table): %" G_GINT64_FORMAT "\n", (gint64) st.st_size);
  printf ("file_size_bytes (each revision whole, estimate): %" G_GSIZE_FORMAT "\n", unshared);
  printf ("save_ms: %.1f (target < 1000)\n", bench_median (N_RUNS, save_ms));
  printf ("load_ms: %.1f (target < 1000)\n", bench_median (N_RUNS, load_ms));

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

  return (bench_median (N_RUNS, save_ms) < 1000 && bench_median (N_RUNS, load_ms) < 1000) ? 0 : 1;
}
