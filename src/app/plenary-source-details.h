/* plenary-source-details.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plenary-document.h"
#include "plenary-source.h"

G_BEGIN_DECLS

/* The dialog that edits a source's author, date, document symbol and web
 * address, over PARENT. Saving marks DOCUMENT modified. */
void  plenary_source_details_present (GtkWidget       *parent,
                                      PlenaryDocument *document,
                                      PlenarySource   *source);

/* What a person types as a date ("12/03/2025", "03/2025", "2025",
 * "2025-03-12") as ISO 8601; "" for blank; NULL when it is no date. */
char *plenary_source_details_parse_date (const char *text);

G_END_DECLS
