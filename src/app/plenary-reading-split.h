/* plenary-reading-split.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PLENARY_TYPE_READING_SPLIT (plenary_reading_split_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryReadingSplit, plenary_reading_split, PLENARY, READING_SPLIT, GtkWidget)

/* The draft and its side panels ("content") and, beside them when "pane"
 * is visible, the reading pane, with a handle between them. The pane keeps
 * its width when the window changes size, leaves the draft (the "draft"
 * widget, inside the content) at least half of the split unless side panels
 * take that room, and its width is kept in the "reading-pane-width"
 * setting. In windows narrower than 900 px the pane covers the content. */
GtkWidget *plenary_reading_split_new         (void);
void       plenary_reading_split_set_content (PlenaryReadingSplit *self,
                                              GtkWidget           *content);
void       plenary_reading_split_set_draft   (PlenaryReadingSplit *self,
                                              GtkWidget           *draft);
void       plenary_reading_split_set_pane    (PlenaryReadingSplit *self,
                                              GtkWidget           *pane);
void       plenary_reading_split_set_settings (PlenaryReadingSplit *self,
                                               GSettings           *settings);
/* The pane's width in pixels (0 when hidden), and its wanted width. */
int        plenary_reading_split_get_pane_width (PlenaryReadingSplit *self);
void       plenary_reading_split_set_pane_width (PlenaryReadingSplit *self,
                                                 int                  width);
gboolean   plenary_reading_split_get_covering   (PlenaryReadingSplit *self);
void       plenary_reading_split_set_panels_width (PlenaryReadingSplit *self,
                                                   int                  panels);
gboolean   plenary_reading_split_crowds_draft   (PlenaryReadingSplit *self,
                                                 int                  panels);
GtkPaned  *plenary_reading_split_get_paned      (PlenaryReadingSplit *self);

G_END_DECLS
