/* plenary-sources-panel.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plenary-document.h"
#include "plenary-source-search.h"
#include "plenary-source-viewer.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_SOURCES_PANEL (plenary_sources_panel_get_type ())

G_DECLARE_FINAL_TYPE (PlenarySourcesPanel, plenary_sources_panel, PLENARY, SOURCES_PANEL, GtkWidget)

/* The "Sources" page of the side panel for the visible document: a search
 * field across all sources, the list of sources (title, size, pages,
 * annotations, file name) with open/rename/remove (undo from a toast), an
 * add button (file dialog, several files; or the sample library) and drag
 * and drop of files; and the reading pane of one source
 * (plenary_sources_panel_get_viewer(): the window puts it beside the
 * draft; it is visible while a source is open).
 *
 * Actions (on the panel, for its menus and for the window): "sources.add",
 * "sources.add-samples", and with the source id as target:
 * "sources.open", "sources.rename", "sources.remove".
 * Properties: "document" (nullable), "busy" (imports running). */
GtkWidget           *plenary_sources_panel_new          (void);
PlenaryDocument     *plenary_sources_panel_get_document (PlenarySourcesPanel *self);
void                 plenary_sources_panel_set_document (PlenarySourcesPanel *self,
                                                         PlenaryDocument     *document);
/* Imports FILES (a GListModel of GFile) in worker threads and appends the
 * sources to the draft in the order of FILES; files that cannot be read
 * are named in one error dialog. */
void                 plenary_sources_panel_add_files    (PlenarySourcesPanel *self,
                                                         GListModel          *files);
/* Adds the articles of the sample library the draft does not have yet. */
void                 plenary_sources_panel_add_samples  (PlenarySourcesPanel *self);
gboolean             plenary_sources_panel_get_busy     (PlenarySourcesPanel *self);
/* Shows SOURCE in the viewer, with [START, END) selected (code points;
 * START -1: no selection). */
void                 plenary_sources_panel_open_source  (PlenarySourcesPanel *self,
                                                         PlenarySource       *source,
                                                         gint64               start,
                                                         gint64               end);
/* Closes the reading pane. */
void                 plenary_sources_panel_show_list    (PlenarySourcesPanel *self);
gboolean             plenary_sources_panel_get_viewer_visible (PlenarySourcesPanel *self);
PlenarySourceViewer *plenary_sources_panel_get_viewer   (PlenarySourcesPanel *self);
/* The search across sources behind the search field; NULL without document. */
PlenarySourceSearch *plenary_sources_panel_get_search   (PlenarySourcesPanel *self);
GtkEditable         *plenary_sources_panel_get_search_entry (PlenarySourcesPanel *self);

G_END_DECLS
