/* plenary-office-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "plenary-draft.h"
#include "plenary-office-reader.h"

G_BEGIN_DECLS

/* DRAFT as a Word (.docx) or OpenDocument (.odt) document: the heading
 * block of the PDF (masthead, sponsors, title) in paragraph styles of its
 * own, the opening formula, the opening phrases in the character style
 * "Opening Phrase" (italic), operative paragraphs and sub-paragraphs as a
 * real multi-level list ("1.", then "a)" / "(a)", then "i)" / "(i)" by
 * drafting language), briefs with "Heading 1" sections and bulleted lists,
 * citations as footnotes, comments on the draft with their replies as the
 * word processor's comments, the header in the document properties, and
 * the drafting language on the text (fr-FR, en-GB...). Every paragraph has
 * a named style, so the document can be restyled. */
GBytes   *plenary_office_export_bytes (PlenaryDraft         *draft,
                                       PlenaryOfficeFormat   format,
                                       GError              **error);

/* The same, written atomically to FILE: on failure or cancellation
 * nothing is written. */
gboolean  plenary_office_export       (PlenaryDraft         *draft,
                                       GFile                *file,
                                       PlenaryOfficeFormat   format,
                                       GCancellable         *cancellable,
                                       GError              **error);

G_END_DECLS
