/* plenary-comparison.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "plenary-body.h"
#include "plenary-word-diff.h"

G_BEGIN_DECLS

/* What became of one paragraph. */
typedef enum
{
  /* On both sides (maybe edited, moved or restyled). */
  PLENARY_DIFF_MATCHED,
  /* Only in the newer text. */
  PLENARY_DIFF_INSERTED,
  /* Only in the older text. */
  PLENARY_DIFF_DELETED,
} PlenaryDiffKind;

/* One paragraph of the comparison: the paragraphs of both texts in one
 * sequence, the newer text's order, with each deleted paragraph after the
 * paragraph it followed in the older text. Paragraphs are flattened: a
 * sub-paragraph comes after its parent with a level one deeper. The opening
 * formula ("L'Assemblée générale,"), when either text has one, is the first
 * entry, with is_opening set and no paragraphs. */
typedef struct
{
  PlenaryDiffKind    kind;
  gboolean           is_opening;
  /* MATCHED only: the paragraph is elsewhere in the older text (old_index
   * says where), or its role or level changed. */
  gboolean           moved;
  gboolean           restyled;
  /* Indexes in the flattened texts (opening formula not counted), -1 on the
   * side the paragraph is not on. */
  int                old_index;
  int                new_index;
  /* The paragraphs (sub-paragraphs not followed: they are entries of their
   * own). NULL on the side the paragraph is not on, and for the opening. */
  PlenaryParagraph  *old_paragraph;
  PlenaryParagraph  *new_paragraph;
  guint              old_level;
  guint              new_level;
  /* The opening phrase's and the text's word runs, old to new (for an
   * inserted or deleted paragraph, one INSERT or DELETE run each). The phrase
   * runs are empty when neither side has a phrase; for the opening formula,
   * the text runs are the formula's. */
  GArray            *phrase_runs;
  GArray            *text_runs;
  /* The changes of this entry: [first_change, first_change + n_changes). */
  guint              first_change;
  guint              n_changes;
} PlenaryDiffParagraph;

typedef enum
{
  PLENARY_CHANGE_PARAGRAPH_INSERTED,
  PLENARY_CHANGE_PARAGRAPH_DELETED,
  /* A paragraph (with the sub-paragraphs that moved with it) moved. */
  PLENARY_CHANGE_PARAGRAPH_MOVED,
  /* Its role (preambular, operative…) or level changed. */
  PLENARY_CHANGE_PARAGRAPH_RESTYLED,
  PLENARY_CHANGE_WORDS_INSERTED,
  PLENARY_CHANGE_WORDS_DELETED,
  PLENARY_CHANGE_WORDS_REPLACED,
} PlenaryChangeKind;

/* One change, as a reader counts them and steps through them. */
typedef struct
{
  PlenaryChangeKind kind;
  /* The entry (PlenaryDiffParagraph) it is in. */
  guint             paragraph;
  /* PARAGRAPH_MOVED: how many entries from paragraph on moved together. */
  guint             n_paragraphs;
  /* WORDS_*: in the phrase runs or the text runs, and which runs
   * ([first_run, first_run + n_runs), 1 or 2 for a replacement). */
  gboolean          in_phrase;
  guint             first_run;
  guint             n_runs;
} PlenaryChange;

#define PLENARY_TYPE_COMPARISON (plenary_comparison_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryComparison, plenary_comparison, PLENARY, COMPARISON, GObject)

/* The result of plenary_differ_compare(): an immutable list of paragraph
 * entries and of the changes in them. */

PlenaryBody                *plenary_comparison_get_old_body     (PlenaryComparison *self);
PlenaryBody                *plenary_comparison_get_new_body     (PlenaryComparison *self);
guint                       plenary_comparison_get_n_paragraphs (PlenaryComparison *self);
const PlenaryDiffParagraph *plenary_comparison_get_paragraph    (PlenaryComparison *self,
                                                                 guint              index);
guint                       plenary_comparison_get_n_changes    (PlenaryComparison *self);
const PlenaryChange        *plenary_comparison_get_change       (PlenaryComparison *self,
                                                                 guint              index);
/* How many changes of KIND. */
guint                       plenary_comparison_count            (PlenaryComparison *self,
                                                                 PlenaryChangeKind  kind);
gboolean                    plenary_comparison_is_empty         (PlenaryComparison *self);
/* Applies the changes to OLD_BODY (the older text, or a text equal to it)
 * and returns the newer text. Only the comparison's runs and the inserted
 * paragraphs are read, never the newer body: a text that is not the older
 * one is refused with G_IO_ERROR_INVALID_DATA. */
PlenaryBody                *plenary_comparison_apply            (PlenaryComparison *self,
                                                                 PlenaryBody       *old_body,
                                                                 GError           **error);

/* The runs to show for ENTRY's phrase (PHRASE) or text in a marked text:
 * its runs with a space (an EQUAL run) between a deletion and the insertion
 * replacing it when neither has one, so that "Decides" struck through and
 * "Further decides" read as words of their own. */
GArray                     *plenary_diff_paragraph_dup_display_runs (const PlenaryDiffParagraph *entry,
                                                                     gboolean                    phrase);

/* For the differ. */
PlenaryComparison          *plenary_comparison_new              (PlenaryBody       *old_body,
                                                                 PlenaryBody       *new_body,
                                                                 GArray            *paragraphs);

/* Every paragraph of BODY in document order, sub-paragraphs after their
 * parent; LEVELS (if not NULL) receives each one's depth (guint). */
GPtrArray                  *plenary_body_flatten                (PlenaryBody       *body,
                                                                 GArray            *levels);

G_END_DECLS
