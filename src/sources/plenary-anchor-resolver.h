/* plenary-anchor-resolver.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "plenary-anchor.h"
#include "plenary-annotation.h"
#include "plenary-draft.h"

G_BEGIN_DECLS

/* Code points of context stored before and after an anchored passage. */
#define PLENARY_ANCHOR_CONTEXT_LENGTH 32

typedef enum
{
  PLENARY_ANCHOR_MATCH_POSITION, /* the stored position still holds the quote */
  PLENARY_ANCHOR_MATCH_QUOTE,    /* the exact quote, found elsewhere */
  PLENARY_ANCHOR_MATCH_FUZZY,    /* an edited version of the quote */
  PLENARY_ANCHOR_MATCH_ORPHAN,   /* not found: leave the annotation unplaced */
} PlenaryAnchorMatch;

/* Describes the code points [START, END) of TEXT as an anchor on TARGET_ID
 * (PLENARY_ANCHOR_TARGET_DRAFT or a source id): the exact quote, up to
 * PLENARY_ANCHOR_CONTEXT_LENGTH code points of prefix and suffix, and the
 * position. Offsets are clamped to the text. */
PlenaryAnchor *plenary_anchor_resolver_describe (const char          *target_id,
                                                 const char          *text,
                                                 gint64               start,
                                                 gint64               end);

/* Finds where ANCHOR sits in TEXT (code points), trying in turn:
 *  1. POSITION: the stored range still holds the exact quote, with the
 *     stored prefix and suffix around it;
 *  2. QUOTE: every occurrence of the exact quote, scored by how much of
 *     the stored prefix and suffix matches around it; ties go to the one
 *     nearest the stored position (reported as POSITION if that is the
 *     stored position itself, its context merely edited). So when another
 *     copy of a repeated passage slides under the stored position, the
 *     context still picks the right one;
 *  3. FUZZY (quotes of 5 to 4,000 code points): the passage of TEXT with the
 *     fewest edits (Levenshtein, free start and end) from the quote,
 *     accepted when edits <= 25% of the quote length. It is searched first
 *     within 2 quote lengths + 2,000 code points of the stored position,
 *     then in the whole text around each occurrence of the first or last 16
 *     code points of the quote or of the end of the prefix/start of the
 *     suffix (at most 64 places each); the whole search is capped at
 *     10^8 steps (quote length x text scanned, about 0.1 s) so it stays
 *     bounded on a 20 MB text and for very long quotes; ties go to the
 *     place nearest the stored position. A longer quote (a whole annex)
 *     is found by its first and last 32 code points, unchanged, at a
 *     distance within 25% of its length;
 *  4. ORPHAN: returns FALSE and leaves START and END at -1.
 * START, END and HOW may be NULL. */
gboolean       plenary_anchor_resolver_resolve  (const PlenaryAnchor *anchor,
                                                 const char          *text,
                                                 gint64              *start,
                                                 gint64              *end,
                                                 PlenaryAnchorMatch  *how);

/* Where one annotation of a draft goes. START/END: in the editor text for
 * anchors on the draft, in the source text for anchors on a source; -1
 * when orphan. For citations, SOURCE_* place the quoted source passage
 * (SOURCE_HOW is ORPHAN and SOURCE_START -1 for other kinds). */
typedef struct
{
  PlenaryAnnotation  *annotation;  /* a reference */
  PlenaryAnchorMatch  how;
  gint64              start;
  gint64              end;
  PlenaryAnchorMatch  source_how;
  gint64              source_start;
  gint64              source_end;
} PlenaryAnchorPlacement;

/* Resolves every annotation of DRAFT: anchors on the draft against
 * EDITOR_TEXT, anchors on a source against that source's text. Sets
 * "orphan" on the annotations whose anchor cannot be placed (or whose
 * source is gone) and clears it on the others; stored anchors are left
 * untouched. Returns a GArray of PlenaryAnchorPlacement, one per
 * annotation in the order of plenary_draft_get_annotations(). */
GArray        *plenary_anchor_resolver_resolve_draft (PlenaryDraft   *draft,
                                                      const char     *editor_text);

/* Resolves every annotation of DRAFT as plenary_anchor_resolver_resolve_draft()
 * does, then writes where each anchor was found into its stored position,
 * so that what reads positions only (the page layout's footnote markers)
 * follows the quote and its context, never a stale position. Orphans keep
 * their stored anchor. */
void           plenary_anchor_resolver_update_draft  (PlenaryDraft   *draft,
                                                      const char     *editor_text);

G_END_DECLS
