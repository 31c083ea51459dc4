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
G_END_DECLS
