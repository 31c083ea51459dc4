/* plenary-print.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plenary-document.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_PRINT_OPERATION (plenary_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryPrintOperation, plenary_print_operation, PLENARY, PRINT_OPERATION, GtkPrintOperation)

/* A GtkPrintOperation that lays DOCUMENT out with PlenaryPageLayout, on the
 * paper and with the line numbers chosen in Preferences. The draft is taken
 * as it is when printing begins. */
GtkPrintOperation *plenary_print_operation_new             (PlenaryDocument         *document);
/* Exports to PATH as a PDF (GTK_PRINT_OPERATION_ACTION_EXPORT), written
 * under a hidden name beside it until complete_export(). */
void               plenary_print_operation_export_to       (PlenaryPrintOperation   *self,
                                                            const char              *path);
/* The PATH given to export_to(), or NULL when printing. */
const char        *plenary_print_operation_get_export_path (PlenaryPrintOperation   *self);
/* After "done": a whole PDF takes its name; an unfinished one is removed. */
gboolean           plenary_print_operation_complete_export (PlenaryPrintOperation   *self,
                                                            GtkPrintOperationResult  result,
                                                            GError                 **error);

G_END_DECLS
