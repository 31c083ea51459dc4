/* plenary-editor-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "plenary-clause-parser.h"
#include "plenary-document.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_EDITOR_VIEW (plenary_editor_view_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryEditorView, plenary_editor_view, PLENARY, EDITOR_VIEW, GtkSourceView)

/* The draft as a delegate sees it: the document's line index drawn
 * (opening phrases in italics, indentation by level, operative numbers and
 * sub-paragraph markers in the margin so that they are never typed and
 * renumber at once), and the keys that move and indent paragraphs. */

void           plenary_editor_view_set_document    (PlenaryEditorView *self,
                                                    PlenaryDocument   *document);
PlenaryDocument *plenary_editor_view_get_document  (PlenaryEditorView *self);
/* Moves the paragraph at the cursor, with its sub-paragraphs, above the
 * previous or below the next paragraph of its level. */
gboolean       plenary_editor_view_move_paragraph  (PlenaryEditorView *self,
                                                    int                direction);
/* Puts the cursor at byte INDEX of LINE, past the hidden indentation,
 * scrolls to it and focuses the view. */
void           plenary_editor_view_go_to_line      (PlenaryEditorView *self,
                                                    guint              line,
                                                    gsize              index);
/* Makes the line at the cursor a sub-paragraph one level deeper (DELTA 1)
 * or one level shallower (-1). */
gboolean       plenary_editor_view_change_level    (PlenaryEditorView *self,
                                                    int                delta);

/* The context menu's section that accepts and rejects proposals: the one
 * at the cursor, its delegation's, its paragraph's, all. */
GMenuModel    *plenary_editor_view_get_proposal_menu (PlenaryEditorView *self);

G_END_DECLS
