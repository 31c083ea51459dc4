/* plenary-annotations.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plenary-document.h"

G_BEGIN_DECLS

/* Names of the text tags of the draft's buffer. */
#define PLENARY_ANNOTATIONS_TAG_COMMENT  "plenary-commented"
#define PLENARY_ANNOTATIONS_TAG_CITATION "plenary-cited"

#define PLENARY_TYPE_ANNOTATIONS (plenary_annotations_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryAnnotations, plenary_annotations, PLENARY, ANNOTATIONS, GObject)

/* The annotations of one open document, live: the comments and citations
 * anchored on the draft follow its text as it is edited (text marks), are
 * highlighted in the editor and written back into the draft on "sync";
 * orphans (anchors not found on load, or whose words were deleted) keep
 * their stored anchor unchanged. Highlights and comments on sources are
 * anchored in the source text, which never changes.
 *
 * Category names of highlights are stored per draft, in the top-level
 * member "highlight_categories" of the draft file ({"yellow": "…"}), so
 * that the delegates who share a draft share their meanings.
 *
 * They work on the document's buffer alone: the page that shows it draws
 * the citations' tooltips, opens them on Ctrl+click and scrolls to the
 * words an annotation is revealed on.
 *
 * Properties: "document" (construct only), "model" (GListModel of
 * PlenaryAnnotation: the draft's annotations; notifies when the draft is
 * replaced).
 * Signal "open-source" (PlenarySource *source, gint64 start, gint64 end):
 * a citation was activated (Ctrl+click in the editor, or from the panel);
 * START/END place the quoted passage in the source text, -1 if not found.
 * Signal "reveal" (PlenaryAnnotation *annotation): its words were just
 * selected to be shown (plenary_annotations_jump_to()). */

PlenaryAnnotations *plenary_annotations_new              (PlenaryDocument    *document);
PlenaryDocument    *plenary_annotations_get_document     (PlenaryAnnotations *self);
GListModel         *plenary_annotations_get_model        (PlenaryAnnotations *self);

/* The name shown for the user: GSettings "author-name", else the real name. */
char               *plenary_annotations_dup_author_name  (void);

/* A comment with TEXT on the words selected in the draft; NULL with an
 * error when nothing is selected. Returns a borrowed reference. */
PlenaryAnnotation  *plenary_annotations_add_comment      (PlenaryAnnotations *self,
                                                          const char         *text,
                                                          GError            **error);
void                plenary_annotations_add_reply        (PlenaryAnnotations *self,
                                                          PlenaryAnnotation  *annotation,
                                                          const char         *text);
/* Sets the note of ANNOTATION (the first message of a comment). */
void                plenary_annotations_set_note         (PlenaryAnnotations *self,
                                                          PlenaryAnnotation  *annotation,
                                                          const char         *note);
void                plenary_annotations_set_resolved     (PlenaryAnnotations *self,
                                                          PlenaryAnnotation  *annotation,
                                                          gboolean            resolved);
/* Removes ANNOTATION from the draft; returns its position, for
 * plenary_annotations_restore() (undo). Its marks stay in the buffer, so
 * that it comes back on the same words. */
guint               plenary_annotations_remove           (PlenaryAnnotations *self,
                                                          PlenaryAnnotation  *annotation);
void                plenary_annotations_restore          (PlenaryAnnotations *self,
                                                          PlenaryAnnotation  *annotation,
                                                          guint               position);

/* A highlight of the code points [START, END) of SOURCE, of colour
 * CATEGORY ("yellow", "green", "blue", "red"), with NOTE (nullable).
 * Returns a borrowed reference. */
PlenaryAnnotation  *plenary_annotations_add_highlight    (PlenaryAnnotations *self,
                                                          PlenarySource      *source,
                                                          gint64              start,
                                                          gint64              end,
                                                          const char         *category,
                                                          const char         *note);

/* Inserts at the draft's cursor a citation of the code points [START, END)
 * of SOURCE. With SHOW_QUOTE, the quoted words go into the draft between
 * « » (French drafts, with no-break spaces) or “ ” and the citation anchors
 * them; without, it anchors the word at or before the cursor. NULL with an
 * error when there is nothing to anchor. Returns a borrowed reference. */
PlenaryAnnotation  *plenary_annotations_cite             (PlenaryAnnotations *self,
                                                          PlenarySource      *source,
                                                          gint64              start,
                                                          gint64              end,
                                                          gboolean            show_quote,
                                                          GError            **error);
/* Emits "open-source" for the citation ANNOTATION. */
void                plenary_annotations_activate_citation (PlenaryAnnotations *self,
                                                           PlenaryAnnotation  *annotation);
/* The citation under the code point OFFSET of the draft's buffer, or NULL. */
PlenaryAnnotation  *plenary_annotations_citation_at      (PlenaryAnnotations *self,
                                                          gint64              offset);

/* The source's title and the quoted words of CITATION, one a line (its
 * tooltip in the editor). */
char               *plenary_annotations_dup_citation_description (PlenaryAnnotations *self,
                                                                  PlenaryAnnotation  *citation);

/* Where ANNOTATION (anchored on the draft) sits in the buffer now; FALSE
 * for orphans and annotations on sources. */
gboolean            plenary_annotations_get_range        (PlenaryAnnotations *self,
                                                          PlenaryAnnotation  *annotation,
                                                          GtkTextIter        *start,
                                                          GtkTextIter        *end);
/* Selects the words of ANNOTATION in the buffer and emits "reveal". */
gboolean            plenary_annotations_jump_to          (PlenaryAnnotations *self,
                                                          PlenaryAnnotation  *annotation);

/* Highlight categories: the ids, in order, and the meaning the delegates
 * gave each colour (translated defaults until renamed). */
const char * const *plenary_annotations_list_categories  (void);
char               *plenary_annotations_dup_category_name (PlenaryAnnotations *self,
                                                           const char         *category);
void                plenary_annotations_set_category_name (PlenaryAnnotations *self,
                                                           const char         *category,
                                                           const char         *name);

G_END_DECLS
