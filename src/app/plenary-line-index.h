/* plenary-line-index.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plenary-clause-parser.h"

G_BEGIN_DECLS

/* What the "lines-changed" signals reported since a follower of the index
 * (outline, checks) last caught up: the changed range in the current
 * numbering, and how many lines the buffer had then and has now. */
typedef struct
{
  int   first;          /* -1 when up to date */
  int   last;
  guint n_lines;        /* the index's lines at the last signal */
  guint synced_lines;   /* the index's lines when the follower caught up */
} PlenaryLineChanges;

/* Merges a "lines-changed" (FIRST, LAST) from an index that now has N_LINES. */
void plenary_line_changes_add  (PlenaryLineChanges *self,
                                guint               first,
                                guint               last,
                                guint               n_lines);
/* The follower caught up with the index. */
void plenary_line_changes_done (PlenaryLineChanges *self);
/* Lines added (or removed, negative) since the follower caught up. */
int  plenary_line_changes_get_shift (const PlenaryLineChanges *self);

/* The tag NAME of BUFFER's table, created with the given properties the
 * first time: the index, the view, the checks and the annotations share
 * one buffer. */
GtkTextTag    *plenary_text_buffer_ensure_tag      (GtkTextBuffer     *buffer,
                                                    const char        *name,
                                                    const char        *first_property,
                                                    ...) G_GNUC_NULL_TERMINATED;

#define PLENARY_TYPE_LINE_INDEX (plenary_line_index_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryLineIndex, plenary_line_index, PLENARY, LINE_INDEX, GObject)

/* Every line of a document's buffer classified as it is typed (opening
 * formula, preambular, operative, sub-paragraph; headings and bullets in a
 * brief), each changed line once, with its phrase span, text start and
 * form. It tags the buffer ("plenary-phrase" in italics, "plenary-hidden"
 * indentation and typed numbers, paragraph tags by role) and drops typed
 * numbers, which the view draws.
 *
 * Signals: "lines-changed" (first, last): the classification of lines
 * FIRST to LAST changed (the view, the outline and the checks follow it). */

PlenaryLineIndex        *plenary_line_index_new              (GtkTextBuffer    *buffer);
/* Classifies every line again as lines of a draft of KIND in LANGUAGE. */
void                     plenary_line_index_set_kind         (PlenaryLineIndex *self,
                                                              PlenaryDraftKind  kind,
                                                              const char       *language);
PlenaryDraftKind         plenary_line_index_get_kind         (PlenaryLineIndex *self);
const char              *plenary_line_index_get_language     (PlenaryLineIndex *self);
PlenaryPhraseDictionary *plenary_line_index_get_dictionary   (PlenaryLineIndex *self);
guint                    plenary_line_index_get_n_lines      (PlenaryLineIndex *self);
/* The classification of LINE (< n_lines), valid until the next change. */
const PlenaryLineInfo   *plenary_line_index_get_info         (PlenaryLineIndex *self,
                                                              guint             line);
/* The parser's state before LINE. */
const PlenaryLineState  *plenary_line_index_get_state_before (PlenaryLineIndex *self,
                                                              guint             line);
/* The marker drawn before LINE ("3.", "b)", "(ii)"), or NULL. */
char                    *plenary_line_index_dup_marker       (PlenaryLineIndex *self,
                                                              guint             line);

/* Paragraph identity. Every line with text has an id, kept through edits,
 * renumbering, splits (the first part keeps it; Enter before the text moves
 * it down with the text), joins (the first line's), and cut and paste or
 * moves of whole lines (a deleted line's id comes back with its text). New
 * ids come from DRAFT; with none set, lines get no ids (while a draft is
 * being shown). */
void                     plenary_line_index_set_draft        (PlenaryLineIndex *self,
                                                              PlenaryDraft     *draft);
/* The id of LINE, NULL for a blank line or one not given one yet. */
const char              *plenary_line_index_get_id           (PlenaryLineIndex *self,
                                                              guint             line);
void                     plenary_line_index_set_id           (PlenaryLineIndex *self,
                                                              guint             line,
                                                              const char       *id);
/* Ids of deleted lines are not brought back any more (a new text). */
void                     plenary_line_index_forget_deleted   (PlenaryLineIndex *self);

G_END_DECLS
