/* plenary-outline-panel.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plenary-outline.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_OUTLINE_PANEL (plenary_outline_panel_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryOutlinePanel, plenary_outline_panel, PLENARY, OUTLINE_PANEL, GtkWidget)

/* The outline of the open draft in the side panel: a row per paragraph
 * (number, phrase, first words, status in the negotiation and a menu to
 * change it). Activating a row emits "go-to-line" (line, byte index as
 * guint64) for the editor to go there.
 * Properties: "outline" (nullable: no draft open), "open-only" (the
 * paragraphs agreed or deleted are hidden). */
GtkWidget      *plenary_outline_panel_new         (void);
PlenaryOutline *plenary_outline_panel_get_outline (PlenaryOutlinePanel *self);
void            plenary_outline_panel_set_outline (PlenaryOutlinePanel *self,
                                                   PlenaryOutline      *outline);
gboolean        plenary_outline_panel_get_open_only (PlenaryOutlinePanel *self);
void            plenary_outline_panel_set_open_only (PlenaryOutlinePanel *self,
                                                     gboolean             open_only);

G_END_DECLS
