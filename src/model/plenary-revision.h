/* plenary-revision.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "plenary-body.h"
#include "plenary-metadata.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_REVISION (plenary_revision_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryRevision, plenary_revision, PLENARY, REVISION, GObject)

/* A named state of a draft's text ("Zero draft", "Rev.1", "As tabled"): its
 * header and its body, with the paragraphs' ids, as they were when it was
 * saved. Immutable once made; sources and annotations are not part of it
 * (they stay the draft's). Properties (read-only): "id" ("r3", unique in the
 * draft), "name", "created" (GDateTime), "author" (may be ""). */

/* Keeps METADATA and BODY, which must not change afterwards (see
 * plenary_draft_add_revision(), which gives it copies). */
PlenaryRevision *plenary_revision_new          (const char       *id,
                                                const char       *name,
                                                GDateTime        *created,
                                                const char       *author,
                                                PlenaryMetadata  *metadata,
                                                PlenaryBody      *body);
const char      *plenary_revision_get_id       (PlenaryRevision  *self);
const char      *plenary_revision_get_name     (PlenaryRevision  *self);
GDateTime       *plenary_revision_get_created  (PlenaryRevision  *self);
const char      *plenary_revision_get_author   (PlenaryRevision  *self);
/* The header as it was: do not change it. */
PlenaryMetadata *plenary_revision_get_metadata (PlenaryRevision  *self);
/* The text as it was: do not change it (plenary_body_copy() first). */
PlenaryBody     *plenary_revision_get_body     (PlenaryRevision  *self);

/* A copy of METADATA (strings, lists, page limit, unknown members). */
PlenaryMetadata *plenary_metadata_dup          (PlenaryMetadata  *metadata);

G_END_DECLS
