/* plenary-comments-panel.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plenary-annotations.h"
#include "plenary-draft-spelling.h"

G_BEGIN_DECLS

typedef enum
{
  PLENARY_COMMENTS_FILTER_DRAFT,        /* comments and citations on the draft */
  PLENARY_COMMENTS_FILTER_THIS_SOURCE,  /* annotations of the source shown */
  PLENARY_COMMENTS_FILTER_ALL_SOURCES,  /* annotations of every source */
} PlenaryCommentsFilter;

#define PLENARY_TYPE_COMMENTS_PANEL (plenary_comments_panel_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryCommentsPanel, plenary_comments_panel, PLENARY, COMMENTS_PANEL, GtkWidget)

/* The right-hand panel: the comment threads, citations and highlights of
 * the visible document, filtered (draft / this source / all sources), each
 * with its quote, note, author, date, replies, a reply field and
 * resolve/reopen/delete (undo from a toast). Activating a row jumps to its
 * words in the draft, or opens the source at the passage.
 * Properties: "annotations" (nullable), "source" (the source shown in the
 * viewer, for "This source"; nullable), "filter" (PlenaryCommentsFilter as uint). */
GtkWidget          *plenary_comments_panel_new             (void);
PlenaryAnnotations *plenary_comments_panel_get_annotations (PlenaryCommentsPanel  *self);
void                plenary_comments_panel_set_annotations (PlenaryCommentsPanel  *self,
                                                            PlenaryAnnotations    *annotations);
/* The spelling of the page shown, whose checker checks what is typed in
 * the comments (nullable: not checked). */
void                plenary_comments_panel_set_spelling    (PlenaryCommentsPanel  *self,
                                                            PlenaryDraftSpelling  *spelling);
PlenarySource      *plenary_comments_panel_get_source      (PlenaryCommentsPanel  *self);
void                plenary_comments_panel_set_source      (PlenaryCommentsPanel  *self,
                                                            PlenarySource         *source);
PlenaryCommentsFilter plenary_comments_panel_get_filter    (PlenaryCommentsPanel  *self);
void                plenary_comments_panel_set_filter      (PlenaryCommentsPanel  *self,
                                                            PlenaryCommentsFilter  filter);
/* The annotations listed now, after the filter. */
GListModel         *plenary_comments_panel_get_items       (PlenaryCommentsPanel  *self);
/* Shows the draft's comments and puts the focus in the text field of
 * ANNOTATION's thread (for a comment just created with no text yet). */
void                plenary_comments_panel_focus           (PlenaryCommentsPanel  *self,
                                                            PlenaryAnnotation     *annotation);

G_END_DECLS
