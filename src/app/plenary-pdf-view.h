/* plenary-pdf-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PLENARY_TYPE_PDF_VIEW (plenary_pdf_view_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryPdfView, plenary_pdf_view, PLENARY, PDF_VIEW, GtkWidget)

/* What is drawn over a passage of the text. */
typedef enum {
  PLENARY_PDF_MARK_HIGHLIGHT,
  PLENARY_PDF_MARK_CITATION,
  PLENARY_PDF_MARK_COMMENT,
  PLENARY_PDF_MARK_FIND,
} PlenaryPdfMarkKind;

typedef struct {
  gint64             start;
  gint64             end;
  PlenaryPdfMarkKind kind;
  GdkRGBA            color;
} PlenaryPdfMark;

/* The pages of a PDF, one under the other, in a GtkScrolledWindow (it is
 * GtkScrollable). Pages are drawn by poppler in a worker thread, only
 * those near the visible area, at the zoom times the screen's scale, and
 * kept within a memory budget (least recently seen dropped first). Text
 * offsets are those of the PDF source's text: page I starts at the I-th
 * of the page starts; a drag selects text on the page.
 *
 * Properties: "n-pages", "page" (1-based, the page at the top; set: go
 * there), "zoom" (1.0: 100 %), "message" (why the document or the page
 * at the top cannot be shown, or NULL), "has-selection". Signal
 * "page-ready" (page index, microseconds the worker took) when a page's
 * image arrives. */
GtkWidget  *plenary_pdf_view_new             (void);
/* Reads FILE in the worker; "message" says why it could not. NULL: empty. */
void        plenary_pdf_view_load            (PlenaryPdfView       *self,
                                              GFile                *file);
gboolean    plenary_pdf_view_get_loaded      (PlenaryPdfView       *self);
void        plenary_pdf_view_set_page_starts (PlenaryPdfView       *self,
                                              const gint64         *starts,
                                              guint                 n_starts);
guint       plenary_pdf_view_get_n_pages     (PlenaryPdfView       *self);
guint       plenary_pdf_view_get_page        (PlenaryPdfView       *self);
void        plenary_pdf_view_set_page        (PlenaryPdfView       *self,
                                              guint                 page);
double      plenary_pdf_view_get_zoom        (PlenaryPdfView       *self);
void        plenary_pdf_view_set_zoom        (PlenaryPdfView       *self,
                                              double                zoom);
const char *plenary_pdf_view_get_message     (PlenaryPdfView       *self);
/* MARKS: an array of PlenaryPdfMark (copied). */
void        plenary_pdf_view_set_marks       (PlenaryPdfView       *self,
                                              const PlenaryPdfMark *marks,
                                              guint                 n_marks);
/* Selects code points [START, END) of the source's text and scrolls there. */
void        plenary_pdf_view_select_range    (PlenaryPdfView       *self,
                                              gint64                start,
                                              gint64                end);
gboolean    plenary_pdf_view_get_selection   (PlenaryPdfView       *self,
                                              gint64               *start,
                                              gint64               *end);
/* What a drag from (X1, Y1) to (X2, Y2), in points on 0-based PAGE,
 * selects; FALSE when that page's text is not known yet. */
gboolean    plenary_pdf_view_select_on_page  (PlenaryPdfView       *self,
                                              guint                 page,
                                              double                x1,
                                              double                y1,
                                              double                x2,
                                              double                y2);
/* Where 0-based PAGE is in the widget (FALSE when not laid out). */
gboolean    plenary_pdf_view_get_page_area   (PlenaryPdfView       *self,
                                              guint                 page,
                                              graphene_rect_t      *area);
/* Whether the text of 0-based PAGE has arrived from the worker, and the
 * places in points of code points [START, END) of the source's text on it
 * (an array of graphene_rect_t, NULL when unknown). */
GArray     *plenary_pdf_view_get_text_rects  (PlenaryPdfView       *self,
                                              guint                 page,
                                              gint64                start,
                                              gint64                end);
/* Bytes held by the images of the pages. */
gsize       plenary_pdf_view_get_cache_size  (PlenaryPdfView       *self);

G_END_DECLS
