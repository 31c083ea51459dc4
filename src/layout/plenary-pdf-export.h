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
 * as it is paginated, so every paragraph is shaped once. The file is
 * written atomically (a temporary file renamed over PATH). On failure or
 * cancellation sets a G_IO_ERROR with a translated message and returns
 * FALSE, leaving PATH as it was. */
gboolean plenary_pdf_export (PlenaryDraft               *draft,
                             const char                 *path,
                             const PlenaryLayoutOptions *options,
                             GCancellable               *cancellable,
                             GError                    **error);

/* The same for a layout made already (plenary_page_layout_new_marked()). */
gboolean plenary_pdf_export_layout (PlenaryPageLayout  *layout,
                                    const char         *path,
                                    GCancellable       *cancellable,
                                    GError            **error);

G_END_DECLS
