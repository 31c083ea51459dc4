/* fuzz-proposals.c
 *
 * Any draft the loader accepts, whatever its proposals and statuses name,
 * gives its accepted text, its compilation text (every proposer whose
 * proposal still applies named in it) and a .docx with the proposals as
 * tracked changes, without crashing or hanging; the accepted text encodes
 * and decodes again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-proposals"

#include "config.h"

#include "fuzz-common.h"
#include "plenary-draft-codec.h"
#include "plenary-office-export.h"
#include "plenary-proposals.h"

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
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(PlenaryBody) accepted = NULL;
  g_autoptr(PlenaryBody) compilation = NULL;
  g_autoptr(PlenaryDraft) accepted_draft = NULL;
  g_autoptr(PlenaryDraft) again = NULL;
  g_autoptr(GBytes) encoded = NULL;
  g_autoptr(GBytes) docx = NULL;
  g_autoptr(GError) error = NULL;
  guint skipped = 0;

  draft = plenary_draft_codec_decode ((const char *) data, size, NULL);
  if (draft == NULL)
    return 0;

  accepted = plenary_proposals_dup_accepted (draft, &skipped);
  g_assert_true (skipped <= g_list_model_get_n_items (plenary_draft_get_proposals (draft)));
  accepted_draft = plenary_draft_dup_with_body (draft, accepted);
  encoded = plenary_draft_codec_encode (accepted_draft);
  again = plenary_draft_codec_decode (g_bytes_get_data (encoded, NULL), g_bytes_get_size (encoded), &error);
  if (again == NULL)
    fuzz_fail ("The accepted text does not decode: %s", error->message);

  compilation = plenary_proposals_dup_compilation (draft);
  g_assert_true (compilation != NULL);

  docx = plenary_office_export_bytes (draft, PLENARY_OFFICE_FORMAT_DOCX, &error);
  if (docx == NULL)
    fuzz_fail ("No .docx: %s", error->message);

  return 0;
}
