/* write-sample-draft.c — writes the full fixture drafts through the codec,
 * for the schema test to validate what the encoder really produces.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model-fixtures.h"

static gboolean
write_draft (PlenaryDraft  *draft,
             const char    *folder,
             const char    *name,
             GError       **error)
{
  g_autoptr(GBytes) bytes = plenary_draft_codec_encode (draft);
  g_autofree char *path = g_build_filename (folder, name, NULL);

  return g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PlenaryDraft) resolution = NULL;
  g_autoptr(PlenaryDraft) brief = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s FOLDER\n", argv[0]);
      return 2;
    }

  resolution = model_fixture_full_resolution ();
  brief = model_fixture_brief ();
  /* Revisions too, the second with a changed paragraph (format version 2). */
  plenary_draft_add_revision (resolution, "Projet zéro", "Délégation de la France");
  {
    PlenaryParagraph *first = g_ptr_array_index (plenary_draft_get_body (resolution)->paragraphs, 0);

    g_free (first->text);
    first->text = g_strdup ("ses résolutions antérieures,");
  }
  plenary_draft_add_revision (resolution, "Rev.1", NULL);
  plenary_draft_add_revision (brief, "Draft", "Norway");

  if (!write_draft (resolution, argv[1], "encoded-resolution.plenary.json", &error) ||
      !write_draft (brief, argv[1], "encoded-brief.plenary.json", &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
