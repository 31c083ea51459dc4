/* plenary-problem-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plenary-problems.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_PROBLEM_ROW (plenary_problem_row_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryProblemRow, plenary_problem_row, PLENARY, PROBLEM_ROW, GtkWidget)

/* A row of the Problems panel: the problem's icon and message, its line,
 * and the button of its fix when it has one.
 * Signal "fix" (PlenaryProblemItem *item): that button was clicked. */
GtkWidget *plenary_problem_row_new      (void);
/* Shows ITEM (NULL when unbound). */
void       plenary_problem_row_set_item (PlenaryProblemRow  *self,
                                         PlenaryProblemItem *item);

G_END_DECLS
