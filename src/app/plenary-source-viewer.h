/* plenary-source-viewer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plenary-draft.h"
#include "plenary-pdf-view.h"

G_BEGIN_DECLS

/* Names of the tags of the viewer's buffer: matches of the find field,
 * highlights (PLENARY_ANNOTATION_HIGHLIGHT) anchored on the source (plus
 * "plenary-highlight-<category>" for the categories yellow, green, blue
 * and red), passages quoted by citations, passages commented on. */
#define PLENARY_SOURCE_VIEWER_TAG_FIND      "plenary-find-match"
#define PLENARY_SOURCE_VIEWER_TAG_HIGHLIGHT "plenary-highlight"
#define PLENARY_SOURCE_VIEWER_TAG_CITATION  "plenary-citation"
#define PLENARY_SOURCE_VIEWER_TAG_COMMENT   "plenary-comment"

#define PLENARY_TYPE_SOURCE_VIEWER (plenary_source_viewer_get_type ())

G_DECLARE_FINAL_TYPE (PlenarySourceViewer, plenary_source_viewer, PLENARY, SOURCE_VIEWER, GtkWidget)

/* The reading pane: a read-only view of one source of a draft: the title
 * and a close button, zoom (Ctrl+plus, Ctrl+minus, Ctrl+0, its own), for
 * a PDF its pages (PlenaryPdfView) with the page number and total,
 * a find field (Enter: next match, Shift+Enter: previous; case- and
 * accent-insensitive, all matches highlighted) and the text, with the
 * draft's annotations on the source highlighted and kept up to date.
 * Ctrl+F goes to the find field. Signal "close": the back button, or
 * Escape (in the find field: once to clear it, then to close). */
GtkWidget     *plenary_source_viewer_new                 (void);
/* Shows SOURCE of DRAFT (both NULL: nothing). The text is set once. */
void           plenary_source_viewer_set_source          (PlenarySourceViewer *self,
                                                          PlenaryDraft        *draft,
                                                          PlenarySource       *source);
PlenarySource *plenary_source_viewer_get_source          (PlenarySourceViewer *self);
/* Selects code points [START, END) of the source text and scrolls there. */
void           plenary_source_viewer_select_range        (PlenarySourceViewer *self,
                                                          gint64               start,
                                                          gint64               end);
/* The selection in code points of the source text; FALSE when empty.
 * For the annotation actions (highlight, cite, comment). */
gboolean       plenary_source_viewer_get_selection_range (PlenarySourceViewer *self,
                                                          gint64              *start,
                                                          gint64              *end);
/* Fills the find field with TEXT (NULL or "" clears it) and highlights
 * the matches now. */
void           plenary_source_viewer_find                (PlenarySourceViewer *self,
                                                          const char          *text);
/* Moves to the next (or previous) match and selects it. */
void           plenary_source_viewer_find_next           (PlenarySourceViewer *self,
                                                          gboolean             backward);
guint          plenary_source_viewer_get_n_matches       (PlenarySourceViewer *self);
GtkTextView   *plenary_source_viewer_get_text_view       (PlenarySourceViewer *self);
GtkEditable   *plenary_source_viewer_get_find_entry      (PlenarySourceViewer *self);
void           plenary_source_viewer_set_extra_menu      (PlenarySourceViewer *self,
                                                          GMenuModel          *menu);
/* A PDF source whose file is on this computer shows its pages there. */
PlenaryPdfView *plenary_source_viewer_get_pdf_view       (PlenarySourceViewer *self);
gboolean       plenary_source_viewer_get_showing_pages   (PlenarySourceViewer *self);

G_END_DECLS
