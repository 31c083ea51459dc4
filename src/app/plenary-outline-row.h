/* plenary-outline-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plenary-outline.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_OUTLINE_ROW (plenary_outline_row_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryOutlineRow, plenary_outline_row, PLENARY, OUTLINE_ROW, GtkWidget)

/* A row of the Outline panel: the paragraph's number (kept up to date as
 * paragraphs above come and go), its opening phrase in italics and its
 * first words, indented by level, then its status in the negotiation and
 * a menu (also on a right click) that changes it. */
GtkWidget *plenary_outline_row_new      (void);
/* Shows ITEM (NULL when unbound). */
void       plenary_outline_row_set_item (PlenaryOutlineRow  *self,
                                         PlenaryOutlineItem *item);

G_END_DECLS
