/* plenary-convert.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* `plenary --convert IN OUT`: reads a draft, a text or a Markdown file and
 * writes OUT in the format its name asks for (.plenary.json, .pdf, .txt).
 * Needs no display. REPORT (nullable) gets the import report
 * (PlenaryParseWarning*: what the importer decided, line by line). */
gboolean plenary_convert (GFile      *input,
                          GFile      *output,
                          GPtrArray **report,
                          GError    **error);

G_END_DECLS
