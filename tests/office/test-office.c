/* test-office.c
 *
 * The .docx and .odt readers through the entry points of the layers above
 * them: the draft importer (Open, drop, --convert) gets back the body it
 * exported, the source importer (Add Source) the text with its numbers and
 * title, and export writes atomically.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-office"

#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include "plenary-importer.h"
#include "plenary-office-export.h"
#include "plenary-source-importer.h"

static PlenaryDraft *
seed_draft (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PLENARY_SOURCE_ROOT"), "seeds", "002_bd2df5d90447aa0b.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  PlenaryDraft *draft;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  draft = plenary_importer_import (contents, len, "002.txt", NULL, NULL, &error);
  g_assert_no_error (error);
  return draft;
}

static void
test_draft_importer (gconstpointer data)
{
  PlenaryOfficeFormat format = GPOINTER_TO_INT (data);
  g_autoptr(PlenaryDraft) draft = seed_draft ();
  g_autoptr(PlenaryDraft) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;

  bytes = plenary_office_export_bytes (draft, format, &error);
  g_assert_no_error (error);
  back = plenary_importer_import (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  format == PLENARY_OFFICE_FORMAT_ODT ? "projet.odt" : "projet.docx",
                                  NULL, &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plenary_draft_get_kind (back), ==, PLENARY_DRAFT_KIND_RESOLUTION);
  g_assert_cmpstr (plenary_draft_get_language (back), ==, "fr");
  g_assert_true (plenary_body_equal (plenary_draft_get_body (back), plenary_draft_get_body (draft)));
  g_assert_cmpstr (plenary_metadata_get_string (plenary_draft_get_metadata (back), "question"), ==,
                   plenary_metadata_get_string (plenary_draft_get_metadata (draft), "question"));
}

static void
test_source_importer (gconstpointer data)
{
  PlenaryOfficeFormat format = GPOINTER_TO_INT (data);
  g_autoptr(PlenaryDraft) draft = seed_draft ();
  g_autoptr(PlenaryDraft) other = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(PlenarySource) source = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  bytes = plenary_office_export_bytes (draft, format, &error);
  g_assert_no_error (error);
  source = plenary_source_importer_import_bytes (other, bytes,
                                                 format == PLENARY_OFFICE_FORMAT_ODT ? "projet.odt" : "projet.docx",
                                                 NULL, &error);
  g_assert_no_error (error);
  text = plenary_source_get_text (source);
  /* Word's numbers are in the text the delegate searches and quotes. */
  g_assert_nonnull (strstr (text, "L'Assemblée générale,\nConsidérant que l'intelligence"));
  g_assert_nonnull (strstr (text, "\n1. Encourage l'ensemble des États membres"));
  g_assert_nonnull (strstr (text, "\n8. Décide de rester activement saisi de la question."));
  g_assert_cmpstr (plenary_source_get_title (source), ==,
                   plenary_metadata_get_string (plenary_draft_get_metadata (draft), "question"));
  g_assert_cmpstr (plenary_source_get_media_type (source), ==,
                   format == PLENARY_OFFICE_FORMAT_ODT ? "application/vnd.oasis.opendocument.text"
                   : "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  g_assert_cmpstr (plenary_source_get_origin (source), ==,
                   format == PLENARY_OFFICE_FORMAT_ODT ? "projet.odt" : "projet.docx");
}

static void
test_export_atomic (void)
{
  g_autoptr(PlenaryDraft) draft = seed_draft ();
  g_autofree char *dir = g_dir_make_tmp ("plenary-office-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "projet.docx", NULL);
  g_autofree char *missing = g_build_filename (dir, "absent", "projet.docx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_set_contents (path, "older", -1, NULL));
  g_assert_true (plenary_office_export (draft, file, PLENARY_OFFICE_FORMAT_DOCX, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpmem (contents, 4, "PK\003\004", 4);

  g_assert_false (plenary_office_export (draft, nowhere, PLENARY_OFFICE_FORMAT_ODT, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/office/draft-importer/docx", GINT_TO_POINTER (PLENARY_OFFICE_FORMAT_DOCX), test_draft_importer);
  g_test_add_data_func ("/office/draft-importer/odt", GINT_TO_POINTER (PLENARY_OFFICE_FORMAT_ODT), test_draft_importer);
  g_test_add_data_func ("/office/source-importer/docx", GINT_TO_POINTER (PLENARY_OFFICE_FORMAT_DOCX), test_source_importer);
  g_test_add_data_func ("/office/source-importer/odt", GINT_TO_POINTER (PLENARY_OFFICE_FORMAT_ODT), test_source_importer);
  g_test_add_func ("/office/export/atomic", test_export_atomic);

  return g_test_run ();
}
