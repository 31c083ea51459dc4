/* plenary-editor-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "plenary-clause-parser.h"
#include "plenary-document.h"

G_BEGIN_DECLS

/* What the "lines-changed" signals reported since a follower of the view
 * (outline, checks) last caught up: the changed range in the view's current
 * numbering, and how many lines the view had then and has now. */
typedef struct
{
  int   first;          /* -1 when up to date */
  int   last;
  guint n_lines;        /* the view's lines at the last signal */
  guint synced_lines;   /* the view's lines when the follower caught up */
} PlenaryLineChanges;

/* Merges a "lines-changed" (FIRST, LAST) from a view that now has N_LINES. */
void plenary_line_changes_add  (PlenaryLineChanges *self,
                                guint               first,
                                guint               last,
                                guint               n_lines);
/* The follower caught up with the view. */
void plenary_line_changes_done (PlenaryLineChanges *self);
/* Lines added (or removed, negative) since the follower caught up. */
int  plenary_line_changes_get_shift (const PlenaryLineChanges *self);

#define PLENARY_TYPE_EDITOR_VIEW (plenary_editor_view_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryEditorView, plenary_editor_view, PLENARY, EDITOR_VIEW, GtkSourceView)

/* The draft as a delegate sees it: each line classified as it is typed
 * (opening formula, preambular, operative, sub-paragraph), opening phrases
 * in italics, operative numbers and sub-paragraph markers drawn in the
 * margin so that they are never typed and renumber at once.
 *
 * Signals: "lines-changed" (first, last): classification of lines FIRST to
 * LAST changed (the outline and the checks follow it). */

/* The tag NAME of BUFFER's table, created with the given properties the
 * first time: the view, the checks and the annotations share one buffer. */
GtkTextTag    *plenary_text_buffer_ensure_tag      (GtkTextBuffer     *buffer,
                                                    const char        *name,
                                                    const char        *first_property,
                                                    ...) G_GNUC_NULL_TERMINATED;

void           plenary_editor_view_set_document    (PlenaryEditorView *self,
                                                    PlenaryDocument   *document);
PlenaryDocument *plenary_editor_view_get_document  (PlenaryEditorView *self);
guint          plenary_editor_view_get_n_lines     (PlenaryEditorView *self);
/* What the view knows of LINE: role, level, and the state before it. */
gboolean       plenary_editor_view_get_line        (PlenaryEditorView *self,
                                                    guint              line,
                                                    PlenaryRole       *role,
                                                    guint             *level,
                                                    gboolean          *is_opening,
                                                    gboolean          *is_blank);
const PlenaryLineState *plenary_editor_view_get_state_before (PlenaryEditorView *self,
                                                              guint              line);
/* The marker drawn before LINE ("3.", "b)", "(ii)"), or NULL. */
char          *plenary_editor_view_dup_marker      (PlenaryEditorView *self,
                                                    guint              line);
PlenaryPhraseDictionary *plenary_editor_view_get_dictionary (PlenaryEditorView *self);
/* Moves the paragraph at the cursor, with its sub-paragraphs, above the
 * previous or below the next paragraph of its level. */
gboolean       plenary_editor_view_move_paragraph  (PlenaryEditorView *self,
                                                    int                direction);
/* Puts the cursor at byte INDEX of LINE, past the hidden indentation,
 * scrolls to it and focuses the view. */
void           plenary_editor_view_go_to_line      (PlenaryEditorView *self,
                                                    guint              line,
                                                    gsize              index);
/* What Enter does beyond a plain new line: in a brief, continue or end a
 * bulleted list. FALSE when Enter is a plain new line here. */
gboolean       plenary_editor_view_newline         (PlenaryEditorView *self);
/* Makes the line at the cursor a sub-paragraph one level deeper (DELTA 1)
 * or one level shallower (-1). */
gboolean       plenary_editor_view_change_level    (PlenaryEditorView *self,
                                                    int                delta);

G_END_DECLS
