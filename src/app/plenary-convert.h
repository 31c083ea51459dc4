/* plenary-convert.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "plenary-page-layout.h"

G_BEGIN_DECLS

/* `plenary --convert IN OUT`: reads a draft, a text or a Markdown file and
 * writes OUT in the format its name asks for (.plenary.json, .pdf, .txt).
 * Needs no display. OUT is never the input file (through links too),
 * except for a draft written again as a draft, which keeps a backup.
 * Cancelled, it leaves OUT as it was and no temporary file. REPORT
 * (nullable) gets the import report (PlenaryParseWarning*: what the
 * importer decided, line by line). OPTIONS (nullable) lay out a PDF.
 * AS_KIND: -1 keeps the draft's kind, else the PlenaryDraftKind the draft
 * is made into before it is written (plenary_convert_kind()). */
gboolean plenary_convert (GFile                      *input,
                          GFile                      *output,
                          const PlenaryLayoutOptions *options,
                          int                         as_kind,
                          GCancellable               *cancellable,
                          GPtrArray    **report,
                          GError       **error);

/* DRAFT made a draft of KIND, every word kept (see
 * plenary_clause_printer_convert()). */
void     plenary_convert_kind (PlenaryDraft     *draft,
                               PlenaryDraftKind  kind);

G_END_DECLS
