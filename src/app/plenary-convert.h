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
 * importer decided, line by line). OPTIONS (nullable) lay out a PDF. */
gboolean plenary_convert (GFile                      *input,
                          GFile                      *output,
                          const PlenaryLayoutOptions *options,
                          GCancellable               *cancellable,
                          GPtrArray    **report,
                          GError       **error);

G_END_DECLS
