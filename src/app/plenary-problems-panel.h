/* plenary-problems-panel.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plenary-problems.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_PROBLEMS_PANEL (plenary_problems_panel_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryProblemsPanel, plenary_problems_panel, PLENARY, PROBLEMS_PANEL, GtkWidget)

/* The problems of the open draft: a row per problem (message, line, a button
 * applying the fix when there is one). Activating a row emits "go-to-line"
 * (line, byte index as guint64) for the editor to go there.
 * Property: "problems" (nullable: no draft open). */
GtkWidget       *plenary_problems_panel_new          (void);
PlenaryProblems *plenary_problems_panel_get_problems (PlenaryProblemsPanel *self);
void             plenary_problems_panel_set_problems (PlenaryProblemsPanel *self,
                                                      PlenaryProblems      *problems);

G_END_DECLS
