/* fuzz-office.c
 *
 * The .docx / .odt readers on any bytes: plenary_office_read() (package,
 * relationships, styles, numbering, notes, comments, ODF lists), then the
 * draft import built on it. Seeds: small exported and LibreOffice-made
 * documents (corpus/office/); libFuzzer mutates their ZIP entries (stored
 * ones stay readable).
 *
 * Checked: no crash, no critical; errors are set with a message in the
 * office domain; every paragraph, label, note and comment is valid UTF-8,
 * comment positions and italics stay inside their paragraph; an imported
 * draft saves and loads back to the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-office"

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "plenary-draft-codec.h"
#include "plenary-office-importer.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_make_warnings_fatal ();
  return 0;
}

static void
check_document (PlenaryOfficeDocument *document)
{
  for (guint i = 0; i < document->paragraphs->len; i++)
    {
      PlenaryOfficeParagraph *paragraph = g_ptr_array_index (document->paragraphs, i);

      g_assert_true (g_utf8_validate (paragraph->text, -1, NULL));
      g_assert_true (paragraph->label == NULL || g_utf8_validate (paragraph->label, -1, NULL));
      g_assert_true (paragraph->italic_end <= strlen (paragraph->text));
      for (guint n = 0; n < paragraph->notes->len; n++)
        {
          PlenaryOfficeNote *note = &g_array_index (paragraph->notes, PlenaryOfficeNote, n);

          g_assert_true (g_utf8_validate (note->text, -1, NULL));
          g_assert_true (note->offset <= g_utf8_strlen (paragraph->text, -1));
        }
    }
  for (guint i = 0; i < document->comments->len; i++)
    {
      PlenaryOfficeComment *comment = g_ptr_array_index (document->comments, i);

      g_assert_true (g_utf8_validate (comment->text, -1, NULL));
      g_assert_true (comment->parent < (int) document->comments->len);
      g_assert_true (comment->start_paragraph <= (int) document->paragraphs->len);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(PlenaryOfficeDocument) document = NULL;
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(PlenaryDraft) reloaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;

  document = plenary_office_read ((const char *) data, size, &error);
  if (document == NULL)
    {
      g_assert_true (error != NULL && error->domain == PLENARY_OFFICE_ERROR);
      g_assert_true (error->message[0] != '\0');
      return 0;
    }
  check_document (document);

  draft = plenary_office_importer_import ((const char *) data, size, NULL, NULL, &error);
  if (draft == NULL)
    {
      g_assert_true (error != NULL && error->message[0] != '\0');
      return 0;
    }
  saved = plenary_draft_codec_encode (draft);
  reloaded = plenary_draft_codec_decode (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), &error);
  if (reloaded == NULL)
    fuzz_fail ("An imported document does not load back once saved: %s", error->message);
  saved_again = plenary_draft_codec_encode (reloaded);
  g_assert_true (g_bytes_equal (saved, saved_again));
  return 0;
}
