/* fuzz-importer.c
 *
 * The text and Markdown importers on any bytes: the draft importer
 * (plenary_importer_import) and the source importer (decode_text and
 * import_bytes). The first byte picks the file name and the language the
 * caller would pass; the rest is the file.
 *
 * Checked: no crash, no critical; errors are set with a message; decoded
 * text is valid UTF-8 without NUL or CR; an imported draft can be saved and
 * the saved bytes load back to the same draft.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-importer"

#include "config.h"

/* memmem() */
#define _GNU_SOURCE
#include <string.h>

#include "fuzz-common.h"
#include "plenary-draft-codec.h"
#include "plenary-importer.h"
#include "plenary-office-package.h"
#include "plenary-clause-parser.h"
#include "plenary-source-importer.h"

static const char * const filenames[] = {
  NULL, "draft.md", "draft.txt", "draft.plenary.json",
  "notes.markdown", "page.html", "report", "NOTES.TXT",
};

static const char * const languages[] = { NULL, "fr", "en", "de" };

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_make_warnings_fatal ();
  return 0;
}

static void
check_text (const char *text)
{
  g_assert_true (text != NULL);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_null (strchr (text, '\r'));
}

static void
fuzz_draft_importer (const char *data,
                     gsize       size,
                     const char *filename,
                     const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(PlenaryDraft) reloaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;

  draft = plenary_importer_import (data, size, filename, language, &warnings, &error);
  if (draft == NULL)
    {
      g_assert_true (error != NULL);
      g_assert_true (error->domain == PLENARY_IMPORTER_ERROR || error->domain == PLENARY_DRAFT_ERROR ||
                     error->domain == PLENARY_OFFICE_ERROR);
      g_assert_true (error->message[0] != '\0');
      return;
    }
  g_assert_no_error (error);

  saved = plenary_draft_codec_encode (draft);
  reloaded = plenary_draft_codec_decode (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), &error);
  if (reloaded == NULL)
    fuzz_fail ("An imported draft does not load back once saved: %s", error->message);
  saved_again = plenary_draft_codec_encode (reloaded);
  g_assert_true (g_bytes_equal (saved, saved_again));
}

static void
fuzz_source_importer (const char *data,
                      gsize       size,
                      const char *filename)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(PlenarySource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *language = NULL;
  const char *encoding = NULL;

  text = plenary_source_importer_decode_text (data, size, &encoding);
  check_text (text);
  g_assert_true (encoding != NULL && encoding[0] != '\0');

  language = plenary_importer_detect_language (text, strlen (text));
  g_assert_true (language != NULL && language[0] != '\0');

  /* PDF is poppler's parser, fuzzed upstream: only our own readers here. */
  if (memmem (data, MIN (size, 1024), "%PDF-", 5) != NULL)
    return;

  source = plenary_source_importer_import_bytes (draft, bytes, filename, NULL, &error);
  if (source == NULL)
    {
      g_assert_true (error != NULL);
      g_assert_true (error->domain == PLENARY_SOURCE_IMPORT_ERROR);
      g_assert_true (error->message[0] != '\0');
      return;
    }
  g_assert_no_error (error);
  check_text (plenary_source_get_text (source));
  g_assert_true (g_utf8_validate (plenary_source_get_title (source), -1, NULL));
  g_assert_true (plenary_source_get_id (source)[0] != '\0');
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *filename;
  const char *language;

  if (size == 0)
    return 0;

  filename = filenames[data[0] % G_N_ELEMENTS (filenames)];
  language = languages[(data[0] >> 3) % G_N_ELEMENTS (languages)];

  fuzz_draft_importer ((const char *) data + 1, size - 1, filename, language);
  fuzz_source_importer ((const char *) data + 1, size - 1, filename);

  return 0;
}
