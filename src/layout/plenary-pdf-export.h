/* plenary-pdf-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "plenary-draft.h"
#include "plenary-page-layout.h"

G_BEGIN_DECLS

/* Writes DRAFT as a PDF file at PATH (cairo, no GTK), laid out by
 * PlenaryPageLayout with OPTIONS (NULL for the defaults), with title, author
 * (submitted by) and subject (question) metadata. Each page is drawn as soon
 * as it is paginated, so every paragraph is shaped once. On failure sets a
 * G_IO_ERROR with a translated message and returns FALSE. */
gboolean plenary_pdf_export (PlenaryDraft               *draft,
                             const char                 *path,
                             const PlenaryLayoutOptions *options,
                             GError                    **error);

G_END_DECLS
