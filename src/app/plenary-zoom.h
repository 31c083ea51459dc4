/* plenary-zoom.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PLENARY_TYPE_ZOOM (plenary_zoom_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryZoom, plenary_zoom, PLENARY, ZOOM, GObject)

/* Zoom of the draft on screen (the reading pane, when it has the focus,
 * gets the shortcuts for its own zoom):
 * actions "app.zoom-in" (Ctrl+plus), "app.zoom-out" (Ctrl+minus) and
 * "app.zoom-reset" (Ctrl+0) on APPLICATION, for every window. The editor's
 * size is the "editor-font" of SETTINGS times the zoom; printing is not
 * affected. The application keeps the returned object as long as its
 * actions may run. */
PlenaryZoom *plenary_zoom_new (GtkApplication *application,
                               GSettings      *settings);

G_END_DECLS
