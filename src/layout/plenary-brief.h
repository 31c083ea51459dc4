/* plenary-brief.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-clause-checker.h"
#include "plenary-draft.h"
#include "plenary-page-layout.h"

G_BEGIN_DECLS

typedef struct
{
  guint words;  /* words of the headings, paragraphs and bullets */
  guint pages;  /* pages of the default export layout (what the PDF has) */
} PlenaryBriefStats;

/* Counts the words of DRAFT's body and paginates it with
 * plenary_page_layout_new (draft, NULL), the layout of the PDF export, so
 * that PAGES is the page count of the exported file. Takes a few
 * milliseconds for a brief of a few pages: call it from an idle, throttled,
 * not on every keystroke. */
PlenaryBriefStats plenary_brief_measure     (PlenaryDraft *draft);

/* The words of DRAFT's body (opening formula, paragraphs and their
 * sub-paragraphs), as plenary_brief_measure() counts them, without
 * paginating: cheap enough after each pause in typing, even in a long
 * resolution. */
guint             plenary_brief_count_draft_words (PlenaryDraft *draft);

/* The same with other layout OPTIONS (NULL: the defaults). */
PlenaryBriefStats plenary_brief_measure_with_options (PlenaryDraft               *draft,
                                                      const PlenaryLayoutOptions *options);

/* Words in TEXT (editor text or any text; LEN may be -1): runs of
 * characters between white space that hold at least one letter or digit, so
 * numbers count, "l’origine" is one word and "#", "•", "—", "%" are none.
 * Cheap enough for every keystroke. */
guint             plenary_brief_count_words (const char   *text,
                                             gssize        len);

/* The brief checks on EDITOR_TEXT (the editor text contract: "# " headings,
 * paragraph lines, "• " bullets), with 0-based editor line numbers:
 *  - PLENARY_CHECK_EMPTY_SECTION on a heading with nothing but blank lines
 *    under it (range: the heading text);
 *  - PLENARY_CHECK_TEMPLATE_HINT on a paragraph that is still one of the
 *    hints of the built-in templates in LANGUAGE (range: the paragraph);
 *  - PLENARY_CHECK_PAGE_LIMIT when PAGES > PAGE_LIMIT > 0, on the first
 *    heading line (line 0 if there is none), empty range at the start.
 * None has a fix. Returns PlenaryCheckProblem*, never NULL. */
GPtrArray        *plenary_brief_check_text  (const char   *editor_text,
                                             const char   *language,
                                             guint         page_limit,
                                             guint         pages);

G_END_DECLS
