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
#include "plenary-proposal.h"
#include "plenary-revision.h"
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

/* Paragraph identity ------------------------------------------------------ */

/* plenary_draft_set_body() gives an id to every paragraph without one. */

/* Gives an id to every paragraph of the body that has none, and a new one
 * to every paragraph whose id an earlier paragraph already has (the first
 * keeps it). Returns how many duplicates were given new ids. */
guint             plenary_draft_ensure_paragraph_ids (PlenaryDraft *self);
/* A fresh paragraph id ("p12"), never one the body or a revision has had or
 * one this function gave before. */
char             *plenary_draft_new_paragraph_id     (PlenaryDraft *self);

/* Revisions ----------------------------------------------------------------- */

/* GListModel of PlenaryRevision, oldest first (the order of the file). A
 * change to it is a change of the draft. */
GListModel       *plenary_draft_get_revisions        (PlenaryDraft    *self);
PlenaryRevision  *plenary_draft_find_revision        (PlenaryDraft    *self,
                                                      const char      *id);
/* Keeps the current header and body (ids given first) as a new revision
 * named NAME, dated now, by AUTHOR (NULL: none). Transfer none. */
PlenaryRevision  *plenary_draft_add_revision         (PlenaryDraft    *self,
                                                      const char      *name,
                                                      const char      *author);
/* Puts REVISION (decoded from a file, or removed and brought back by an
 * undo) at POSITION (-1: at the end). Its id must be free in the draft. */
void              plenary_draft_insert_revision      (PlenaryDraft    *self,
                                                      int              position,
                                                      PlenaryRevision *revision);
/* FALSE when REVISION is not the draft's. */
gboolean          plenary_draft_remove_revision      (PlenaryDraft    *self,
                                                      PlenaryRevision *revision);
/* The text of REVISION as a draft of OWNER's kind and language: its header
 * and body (with ids, copied), OWNER's sources and annotations (the same
 * objects). What comparison works on. */
PlenaryDraft     *plenary_revision_dup_draft         (PlenaryRevision *revision,
                                                      PlenaryDraft    *owner);

/* Proposals and paragraph statuses ------------------------------------------ */

/* GListModel of PlenaryProposal, in the order they were made. A change to it
 * (or to a proposal's friendliness or vote) is a change of the draft
 * ("proposals-changed"). */
GListModel       *plenary_draft_get_proposals        (PlenaryDraft    *self);
PlenaryProposal  *plenary_draft_find_proposal        (PlenaryDraft    *self,
                                                      const char      *id);
void              plenary_draft_add_proposal         (PlenaryDraft    *self,
                                                      PlenaryProposal *proposal);
gboolean          plenary_draft_remove_proposal      (PlenaryDraft    *self,
                                                      PlenaryProposal *proposal);
/* Puts PROPOSALS (PlenaryProposal*, may be NULL: none) in place of all the
 * draft's, in one change. */
void              plenary_draft_set_proposals        (PlenaryDraft    *self,
                                                      GPtrArray       *proposals);
/* A fresh proposal id ("s12"), never one the draft holds or this function
 * gave before. */
char             *plenary_draft_new_proposal_id      (PlenaryDraft    *self);

/* The status of the paragraph ID in the negotiation; it follows the id, so
 * it survives edits, moves and revisions. Setting one emits
 * "paragraph-status-changed" (id). */
PlenaryParagraphStatus plenary_draft_get_paragraph_status (PlenaryDraft          *self,
                                                           const char            *id);
void              plenary_draft_set_paragraph_status (PlenaryDraft          *self,
                                                      const char            *id,
                                                      PlenaryParagraphStatus status);
/* The ids with a status, sorted (NULL-terminated, free with g_free() only:
 * the strings are the draft's). */
const char      **plenary_draft_list_status_ids      (PlenaryDraft          *self);

/* DRAFT's header (copied) with BODY (kept as it is, ids given to paragraphs
 * without), its sources and annotations (the same objects): what an export
 * of another form of the text prints. No proposals, statuses, revisions. */
PlenaryDraft     *plenary_draft_dup_with_body        (PlenaryDraft    *self,
                                                      PlenaryBody     *body);

/* Load warnings --------------------------------------------------------- */

/* What was repaired while reading the file (duplicate paragraph ids, a
 * revision naming a paragraph the file does not hold...), translated, one
 * sentence each; NULL-terminated, never NULL. */
const char * const *plenary_draft_get_load_warnings  (PlenaryDraft *self);
void              plenary_draft_add_load_warning     (PlenaryDraft *self,
                                                      const char   *message);

const char       *plenary_draft_kind_to_string   (PlenaryDraftKind  kind);
gboolean          plenary_draft_kind_from_string (const char       *str,
                                                  PlenaryDraftKind *kind);

G_END_DECLS
