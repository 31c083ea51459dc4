/* plenary-merge.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-differ.h"

G_BEGIN_DECLS

typedef enum
{
  /* Only theirs changed the paragraph (or added it): taken by default. */
  PLENARY_MERGE_THEIRS,
  /* Both changed it, differently (edited, deleted or moved): the delegate
   * chooses; mine is kept by default. */
  PLENARY_MERGE_CONFLICT,
} PlenaryMergeKind;

/* One change of theirs, paragraph by paragraph (flattened, as the differ
 * sees them). */
typedef struct
{
  PlenaryMergeKind  kind;
  /* What theirs did: PARAGRAPH_INSERTED, PARAGRAPH_DELETED,
   * PARAGRAPH_MOVED or WORDS_REPLACED (the paragraph reworded, restyled, or
   * reworded and moved). */
  PlenaryChangeKind change;
  /* The paragraph in the shared base (NULL for an insertion), mine (NULL:
   * I deleted it) and theirs (NULL: they deleted it). */
  PlenaryParagraph *base;
  PlenaryParagraph *mine;
  PlenaryParagraph *theirs;
  /* Take theirs (TRUE) or keep mine. */
  gboolean          take_theirs;
} PlenaryMergeItem;

#define PLENARY_TYPE_MERGE (plenary_merge_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryMerge, plenary_merge, PLENARY, MERGE, GObject)

/* A three-way merge: the changes THEIRS made since BASE (the revision both
 * share), set against those MINE made. A change of theirs to a paragraph I
 * left as it was is taken; one to a paragraph I changed too (differently)
 * is a conflict, mine kept until the delegate chooses. Two copies moving
 * the same paragraph to different places is a conflict too: nothing is
 * lost either way. The bodies must not change while the merge lives. */
PlenaryMerge           *plenary_merge_new             (PlenaryBody  *base,
                                                       PlenaryBody  *mine,
                                                       PlenaryBody  *theirs);
guint                   plenary_merge_get_n_items     (PlenaryMerge *self);
const PlenaryMergeItem *plenary_merge_get_item        (PlenaryMerge *self,
                                                       guint         index);
void                    plenary_merge_set_take_theirs (PlenaryMerge *self,
                                                       guint         index,
                                                       gboolean      take_theirs);
guint                   plenary_merge_count_conflicts (PlenaryMerge *self);
/* Mine with the items taken from theirs applied (a new body). */
PlenaryBody            *plenary_merge_dup_result      (PlenaryMerge *self);

G_END_DECLS
