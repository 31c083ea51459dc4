/* plenary-revisions-panel.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plenary-document.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_REVISIONS_PANEL (plenary_revisions_panel_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryRevisionsPanel, plenary_revisions_panel, PLENARY, REVISIONS_PANEL, GtkWidget)

/* The revisions of the open draft in the side panel: a row per revision
 * (name, date, author) whose menu opens, restores or deletes it through the
 * window's actions ("win.open-revision", "win.restore-revision",
 * "win.delete-revision", with the revision's id). Property: "document"
 * (nullable: no draft open). */
GtkWidget       *plenary_revisions_panel_new          (void);
PlenaryDocument *plenary_revisions_panel_get_document (PlenaryRevisionsPanel *self);
void             plenary_revisions_panel_set_document (PlenaryRevisionsPanel *self,
                                                       PlenaryDocument       *document);

/* "7 December 2026, 09:30 · Chloé": when and by whom REVISION was saved. */
char            *plenary_revision_dup_subtitle        (PlenaryRevision       *revision);

G_END_DECLS
