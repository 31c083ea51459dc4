/* plenary-office-importer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-draft.h"
#include "plenary-office-reader.h"

G_BEGIN_DECLS

/* A .docx or .odt -> draft: the paragraphs with their list labels, the
 * italic opening phrases and headings go through the text importer's
 * structure recognition (plenary_importer_import); comments come back as
 * comments with their replies; footnotes are kept as comments on the word
 * they follow ("Footnote 1: …"); the header comes from the document
 * properties Plenary writes. Tracked changes are accepted, with a warning
 * naming how many. LANGUAGE NULL: detected. WARNINGS as for
 * plenary_importer_import(), but after its first entry (what the document
 * was read as) only what changed in the whole document, at line 0.
 * Errors: PLENARY_OFFICE_ERROR, PLENARY_IMPORTER_ERROR. */
PlenaryDraft *plenary_office_importer_import (const char  *data,
                                              gsize        len,
                                              const char  *language,
                                              GPtrArray  **warnings,
                                              GError     **error);

G_END_DECLS
