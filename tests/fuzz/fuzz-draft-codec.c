/* fuzz-draft-codec.c
 *
 * Any bytes given to the JSON loader either decode or give a translated
 * error; what decodes encodes to bytes that decode again and re-encode to
 * the very same bytes (saving an opened file never drifts).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-draft-codec"

#include "config.h"

#include "fuzz-common.h"
#include "plenary-draft-codec.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_make_warnings_fatal ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again_error = NULL;
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(PlenaryDraft) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  const char *bytes;
  gsize length;

  draft = plenary_draft_codec_decode ((const char *) data, size, &error);
  if (draft == NULL)
    {
      g_assert_true (error != NULL);
      g_assert_true (error->domain == PLENARY_DRAFT_ERROR);
      g_assert_true (error->message != NULL && error->message[0] != '\0');
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);

  first = plenary_draft_codec_encode (draft);
  bytes = g_bytes_get_data (first, &length);
  g_assert_true (length > 0 && bytes[length - 1] == '\n');
  g_assert_true (g_utf8_validate_len (bytes, length, NULL));

  again = plenary_draft_codec_decode (bytes, length, &again_error);
  if (again == NULL)
    fuzz_fail ("What the encoder wrote does not decode: %s\n%.*s",
             again_error->message, (int) MIN (length, 4000), bytes);

  second = plenary_draft_codec_encode (again);
  if (!g_bytes_equal (first, second))
    fuzz_fail ("Encoding is not stable:\n--- first\n%.*s\n--- second\n%.*s",
             (int) MIN (length, 4000), bytes,
             (int) MIN (g_bytes_get_size (second), 4000),
             (const char *) g_bytes_get_data (second, NULL));

  return 0;
}
