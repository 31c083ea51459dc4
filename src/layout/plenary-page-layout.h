/* plenary-page-layout.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "plenary-draft.h"
#include "plenary-proposals.h"

G_BEGIN_DECLS

typedef enum
{
  PLENARY_PAPER_A4,
  PLENARY_PAPER_LETTER,
  /* Use PlenaryLayoutOptions.width and .height. */
  PLENARY_PAPER_CUSTOM,
} PlenaryPaper;

/* How to lay out a draft. Every length is in PostScript points (1/72 inch).
 * Initialise with plenary_layout_options_init(), then change fields. */
typedef struct
{
  PlenaryPaper  paper;
  /* Page size, read only when paper is PLENARY_PAPER_CUSTOM. */
  double        width;
  double        height;
  /* Distances from the paper edges to the text area; the footer sits in the
   * bottom margin. Default 2.5 cm each. */
  double        margin_top;
  double        margin_bottom;
  double        margin_left;
  double        margin_right;
  /* Number every line of the body in the left margin (Model UN committees
   * amend by line number). The numbering runs on across pages. */
  gboolean      line_numbers;
  /* Briefs: number the headings "1.", "2."... */
  gboolean      numbered_headings;
  /* Never leave one line of a paragraph alone at the bottom or top of a page.
   * On by default. */
  gboolean      widow_control;
  /* A Pango family list; NULL for "Liberation Serif, DejaVu Serif, serif". */
  const char   *font_family;
  /* Briefs: end with the list of the draft's sources (title, author,
   * symbol, date, web address). Off by default. */
  gboolean      sources_list;
  /* Which text of a draft with proposals is printed: the clean text (the
   * default), the text with the proposals marked, or the compilation text
   * (plenary_pdf_export() only). */
  PlenaryProposalsForm proposals;
} PlenaryLayoutOptions;

void plenary_layout_options_init (PlenaryLayoutOptions *options);

#define PLENARY_TYPE_PAGE_LAYOUT (plenary_page_layout_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryPageLayout, plenary_page_layout, PLENARY, PAGE_LAYOUT, GObject)

/* Lays out a draft (resolution or brief) as a UN-style document: heading block
 * from the metadata (labels in the draft's language, not the UI's), opening
 * formula, preambular and numbered operative paragraphs, citations as
 * footnotes on the page of their marker, footer with symbol and page number.
 *
 * The draft is copied when the layout is created: later edits do not change
 * it. Pagination is incremental (one page per paginate_step()) so that a
 * preview can show the first pages at once; draw_page() works for every page
 * paginated so far. Paragraph layouts are kept in a small cache only.
 *
 * Measuring does NOT use the target's PangoContext: the layout owns a
 * device-independent context (72 dpi, unhinted metrics, unrounded glyph
 * positions, on the thread's default Pango font map), so that printing,
 * preview and PDF export paginate the same way. Drawing works on any cairo_t
 * whose user space is in points with the origin at the top-left corner of
 * the paper. Use a layout from one thread only. (This is why
 * paginate_step() takes no PangoContext.)
 *
 * Printing with GtkPrintOperation:
 *   - gtk_print_operation_set_unit (op, GTK_UNIT_POINTS) so that the cairo_t
 *     of the GtkPrintContext is in points;
 *   - gtk_print_operation_set_use_full_page (op, TRUE) so that the origin is
 *     the paper corner (the margins are the layout's own);
 *   - a default GtkPageSetup with the paper of plenary_page_layout_get_page_size()
 *     (or, in "begin-print", make a new layout with PLENARY_PAPER_CUSTOM and
 *     the size the user picked, gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS));
 *   - "paginate": return plenary_page_layout_paginate_step (layout), and once
 *     it returned TRUE, gtk_print_operation_set_n_pages (op, n_pages);
 *   - "draw-page": plenary_page_layout_draw_page (layout,
 *     gtk_print_context_get_cairo_context (context), page_nr).
 *   Do not pass gtk_print_context_create_pango_context() anywhere: it measures
 *   at the printer's resolution and would paginate differently. */

PlenaryPageLayout *plenary_page_layout_new           (PlenaryDraft               *draft,
                                                      const PlenaryLayoutOptions *options);

/* How a run of a paragraph's text is marked, as UN revised drafts mark
 * changes: new text bold and underlined, deleted text struck through. */
typedef enum
{
  PLENARY_RUN_INSERTED = 1 << 0,
  PLENARY_RUN_DELETED  = 1 << 1,
  /* A remark of the editor's ("moved from paragraph 3"), in italics. */
  PLENARY_RUN_NOTE     = 1 << 2,
} PlenaryRunStyle;

typedef struct
{
  /* The paragraph, by its index among the draft's paragraphs in document
   * order (sub-paragraphs right after their parent; the opening formula not
   * counted), or G_MAXUINT for the opening formula. */
  guint           paragraph;
  /* Code points of plenary_paragraph_dup_full_text(), [start, end). */
  guint           start;
  guint           end;
  PlenaryRunStyle style;
} PlenaryTextRun;

/* As plenary_page_layout_new(), with RUNS (N_RUNS of them, in any order)
 * marked on the text and NOTE (nullable) printed in italics under the
 * title ("Text compared with: Rev.1 of 3 December 2026"). */
PlenaryPageLayout *plenary_page_layout_new_marked    (PlenaryDraft               *draft,
                                                      const PlenaryLayoutOptions *options,
                                                      const PlenaryTextRun       *runs,
                                                      guint                       n_runs,
                                                      const char                 *note);
/* The paper size in points. */
void               plenary_page_layout_get_page_size (PlenaryPageLayout          *self,
                                                      double                     *width,
                                                      double                     *height);
/* Lays out the next page. Returns TRUE when every page is laid out (also
 * when called again after that). */
gboolean           plenary_page_layout_paginate_step (PlenaryPageLayout          *self);
/* Paginates whatever is left. */
void               plenary_page_layout_paginate      (PlenaryPageLayout          *self);
/* The number of pages paginated so far (the total once paginate_step()
 * returned TRUE). */
guint              plenary_page_layout_get_n_pages   (PlenaryPageLayout          *self);
/* Draws PAGE (0-based, < get_n_pages()) on CR, in points, origin at the
 * paper's top-left corner. Does not call cairo_show_page(). */
void               plenary_page_layout_draw_page     (PlenaryPageLayout          *self,
                                                      cairo_t                    *cr,
                                                      guint                       page);
/* The title, author and subject for document metadata (never NULL). */
const char        *plenary_page_layout_get_title     (PlenaryPageLayout          *self);
const char        *plenary_page_layout_get_author    (PlenaryPageLayout          *self);
const char        *plenary_page_layout_get_subject   (PlenaryPageLayout          *self);

G_END_DECLS
