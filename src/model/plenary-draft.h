/* plenary-draft.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "plenary-annotation.h"
#include "plenary-body.h"
#include "plenary-metadata.h"
#include "plenary-source.h"

#include "plenary-model-enums.h"

G_BEGIN_DECLS

typedef enum
{
  PLENARY_DRAFT_KIND_RESOLUTION,
  PLENARY_DRAFT_KIND_BRIEF,
} PlenaryDraftKind;

#define PLENARY_TYPE_DRAFT (plenary_draft_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryDraft, plenary_draft, PLENARY, DRAFT, GObject)

/* Everything one .plenary.json file holds, as plain data (no widgets).
 * Properties (notify): "kind", "language" (drafting language, "fr", "en"...),
 * "metadata" (PlenaryMetadata, construct-time, never NULL), "body"
 * (PlenaryBody, never NULL). Sources and annotations are list models the UI
 * can bind to. */

PlenaryDraft     *plenary_draft_new             (PlenaryDraftKind  kind,
                                                 const char       *language);
PlenaryDraftKind  plenary_draft_get_kind        (PlenaryDraft     *self);
void              plenary_draft_set_kind        (PlenaryDraft     *self,
                                                 PlenaryDraftKind  kind);
const char       *plenary_draft_get_language    (PlenaryDraft     *self);
void              plenary_draft_set_language    (PlenaryDraft     *self,
                                                 const char       *language);
PlenaryMetadata  *plenary_draft_get_metadata    (PlenaryDraft     *self);
PlenaryBody      *plenary_draft_get_body        (PlenaryDraft     *self);
void              plenary_draft_set_body        (PlenaryDraft     *self,
                                                 PlenaryBody      *body);
/* GListStore of PlenarySource. */
GListStore       *plenary_draft_get_sources     (PlenaryDraft     *self);
PlenarySource    *plenary_draft_find_source     (PlenaryDraft     *self,
                                                 const char       *id);
/* GListStore of PlenaryAnnotation. */
GListStore       *plenary_draft_get_annotations (PlenaryDraft     *self);
/* Unknown top-level JSON members, kept for round trip; may be NULL. */
JsonObject       *plenary_draft_get_extra       (PlenaryDraft     *self);
void              plenary_draft_set_extra       (PlenaryDraft     *self,
                                                 JsonObject       *extra);
/* A fresh id for a source or annotation, unique in this draft. */
char             *plenary_draft_new_id          (PlenaryDraft     *self,
                                                 const char       *prefix);
/* A fresh id kept from every other until a source with it is added to the
 * draft, or it is released (the import failed): imports running together
 * get different ids. */
char             *plenary_draft_reserve_id      (PlenaryDraft     *self,
                                                 const char       *prefix);
void              plenary_draft_release_id      (PlenaryDraft     *self,
                                                 const char       *id);

const char       *plenary_draft_kind_to_string   (PlenaryDraftKind  kind);
gboolean          plenary_draft_kind_from_string (const char       *str,
                                                  PlenaryDraftKind *kind);

G_END_DECLS
