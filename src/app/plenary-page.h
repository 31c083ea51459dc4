/* plenary-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <gtksourceview/gtksource.h>

#include "plenary-annotations.h"
#include "plenary-document.h"
#include "plenary-draft-spelling.h"
#include "plenary-editor-view.h"
#include "plenary-outline.h"
#include "plenary-problems.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_PAGE (plenary_page_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryPage, plenary_page, PLENARY, PAGE, GtkWidget)

/* One tab: the editor of one document, and how the window presents it.
 * Properties: "document" (construct-only), "title" ("• " in front when
 * modified), "subtitle" (the folder), "is-modified", "busy".
 * Signal "comment-added" (PlenaryAnnotation *comment): page.comment made
 * an empty comment on the selected words, for the comments panel. */

PlenaryPage     *plenary_page_new          (PlenaryDocument *document);
PlenaryDocument *plenary_page_get_document (PlenaryPage     *self);
PlenaryEditorView *plenary_page_get_view   (PlenaryPage     *self);
void             plenary_page_grab_focus   (PlenaryPage     *self);
PlenaryOutline  *plenary_page_get_outline  (PlenaryPage     *self);
PlenaryProblems *plenary_page_get_problems (PlenaryPage     *self);
PlenaryAnnotations *plenary_page_get_annotations (PlenaryPage *self);
PlenaryDraftSpelling *plenary_page_get_spelling (PlenaryPage  *self);
char            *plenary_page_dup_title    (PlenaryPage     *self);
char            *plenary_page_dup_subtitle (PlenaryPage     *self);
gboolean         plenary_page_get_is_modified (PlenaryPage  *self);
gboolean         plenary_page_get_busy     (PlenaryPage     *self);

G_END_DECLS
