/* plenary-paragraph-status.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plenary-proposal.h"

G_BEGIN_DECLS

/* How a paragraph's status shows, the same in the outline, the margin and
 * the menus. */

/* The colour of STATUS's mark (nothing is drawn for NONE). */
void        plenary_paragraph_status_color        (PlenaryParagraphStatus  status,
                                                   gboolean                dark,
                                                   GdkRGBA                *out);
/* A small coloured label, hidden while the status is NONE. */
GtkWidget  *plenary_paragraph_status_label_new    (void);
void        plenary_paragraph_status_label_update (GtkWidget              *label,
                                                   PlenaryParagraphStatus  status);
/* The items Pending… Deleted, None. With PARAGRAPH_ID NULL, for the
 * paragraph at the cursor: radio items of the window's stateful
 * "win.paragraph-status" ("s": the status's name in the format). Else
 * "win.set-paragraph-status" ("(ss)": PARAGRAPH_ID, the status's name). */
GMenuModel *plenary_paragraph_status_menu_new     (const char             *paragraph_id);

G_END_DECLS
