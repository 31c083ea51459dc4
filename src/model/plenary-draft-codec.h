/* plenary-draft-codec.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-draft.h"

G_BEGIN_DECLS

#define PLENARY_DRAFT_FORMAT   "plenary-draft"
#define PLENARY_DRAFT_VERSION  2
#define PLENARY_DRAFT_SUFFIX   ".plenary.json"
#define PLENARY_DRAFT_MIME_TYPE "application/vnd.plenary.draft+json"

#define PLENARY_DRAFT_ERROR (plenary_draft_error_quark ())

typedef enum
{
  PLENARY_DRAFT_ERROR_MALFORMED,     /* not JSON: message gives line and column */
  PLENARY_DRAFT_ERROR_NOT_A_DRAFT,   /* JSON, but no "format": "plenary-draft" */
  PLENARY_DRAFT_ERROR_NEWER_VERSION, /* "version" above PLENARY_DRAFT_VERSION */
  PLENARY_DRAFT_ERROR_INVALID,       /* a field of the wrong type: message gives its JSON path */
} PlenaryDraftError;

GQuark        plenary_draft_error_quark  (void);

/* Where a PLENARY_DRAFT_ERROR points. Line and column (1-based) are set for
 * MALFORMED errors and 0 otherwise; the JSON path (e.g.
 * "$.body.paragraphs[3].text") is set for INVALID errors and NULL otherwise. */
guint         plenary_draft_error_get_line   (const GError *error);
guint         plenary_draft_error_get_column (const GError *error);
const char   *plenary_draft_error_get_path   (const GError *error);

/* Decodes a whole file. Never trusts it: every refusal is a translated
 * GError in PLENARY_DRAFT_ERROR. Missing optional fields get defaults and
 * unknown members are kept for plenary_draft_codec_encode(). */
PlenaryDraft *plenary_draft_codec_decode (const char    *data,
                                          gsize          length,
                                          GError       **error);

/* Gives ids to the paragraphs that have none (see
 * plenary_draft_ensure_paragraph_ids()), then writes the draft.
 * Stable output: fixed key order, two-space indent, UTF-8, trailing newline;
 * encoding the same draft twice gives the same bytes. */
GBytes       *plenary_draft_codec_encode (PlenaryDraft  *draft);

/* The same bytes in two steps, so that a pause in typing copies nothing of
 * the sources: taken on the thread that edits DRAFT, the snapshot holds the
 * JSON of everything but the sources' text (which never changes) and a
 * reference to each source; plenary_draft_snapshot_encode() escapes their
 * text on any thread (a worker writing the recovery copy). */
typedef struct _PlenaryDraftSnapshot PlenaryDraftSnapshot;

PlenaryDraftSnapshot *plenary_draft_snapshot_new      (PlenaryDraft         *draft);
/* Bytes of JSON the snapshot holds: no source's text. */
gsize                 plenary_draft_snapshot_get_size (PlenaryDraftSnapshot *self);
GBytes               *plenary_draft_snapshot_encode   (PlenaryDraftSnapshot *self);
void                  plenary_draft_snapshot_free     (PlenaryDraftSnapshot *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlenaryDraftSnapshot, plenary_draft_snapshot_free)

G_END_DECLS
