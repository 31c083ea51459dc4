/* plenary-pdf-page-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <poppler.h>

G_BEGIN_DECLS

/* The text of one PDF page as a source stores it, and where each of its
 * characters is on the page: the bridge between the text offsets that
 * anchors use and the page drawn on screen.
 *
 * The text is poppler_page_get_text() made valid UTF-8, with CR LF and CR
 * turned into LF and the trailing newlines removed; a PDF source's text is
 * its pages' texts joined by one LF (plenary_source_get_page_starts()).
 * Rectangles are in PDF points, origin at the page's top left. */
typedef struct _PlenaryPdfPageText PlenaryPdfPageText;

/* The page's text as the importer stores it; "" for a NULL page. */
char               *plenary_pdf_page_text_extract    (PopplerPage        *page);

PlenaryPdfPageText *plenary_pdf_page_text_new        (PopplerPage        *page);
void                plenary_pdf_page_text_free       (PlenaryPdfPageText *self);
const char         *plenary_pdf_page_text_get_text   (PlenaryPdfPageText *self);
/* In code points. */
guint               plenary_pdf_page_text_get_length (PlenaryPdfPageText *self);
/* The rectangles covering code points [START, END) of the page's text,
 * one per line, in reading order (an array of PopplerRectangle). */
GArray             *plenary_pdf_page_text_get_rects  (PlenaryPdfPageText *self,
                                                      guint               start,
                                                      guint               end);
/* The code point offset nearest to the point (X, Y) in points, as a text
 * cursor: before a character when the point is on its left half, after
 * it otherwise. 0 on a page without text. */
guint               plenary_pdf_page_text_get_offset_at (PlenaryPdfPageText *self,
                                                         double              x,
                                                         double              y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlenaryPdfPageText, plenary_pdf_page_text_free)

G_END_DECLS
