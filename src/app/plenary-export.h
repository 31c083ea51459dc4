/* plenary-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-document.h"

G_BEGIN_DECLS

typedef enum
{
  PLENARY_EXPORT_PDF,
  PLENARY_EXPORT_DOCX,
  PLENARY_EXPORT_ODT,
  /* A PDF of the text with the proposals marked, or of the compilation
   * text (see PlenaryProposalsForm). */
  PLENARY_EXPORT_PDF_SHOWN,
  PLENARY_EXPORT_PDF_COMPILATION,
} PlenaryExportFormat;

/* Writes DOCUMENT to FILE as a PDF (on the paper and with the line numbers
 * and numbered headings of Preferences), a Word or an OpenDocument file,
 * in a thread, from a copy of the draft taken now: typing goes on. The file
 * is written atomically: a failed or cancelled export leaves FILE as it was
 * and nothing beside it. */
void     plenary_export_async  (PlenaryDocument      *document,
                                GFile                *file,
                                PlenaryExportFormat   format,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data);
gboolean plenary_export_finish (GAsyncResult         *result,
                                GError              **error);

G_END_DECLS
