/* plenary-proposals-panel.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plenary-document.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_PROPOSALS_PANEL (plenary_proposals_panel_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryProposalsPanel, plenary_proposals_panel, PLENARY, PROPOSALS_PANEL, GtkWidget)

/* The proposals of the open draft in the side panel, grouped by paragraph
 * (in text order) or by delegation: a row per proposal (its delegation and
 * colour, what it changes, when, its Model UN friendliness and vote) with
 * Accept and Reject, and for each group and for all of them Accept All and
 * Reject All. Activating a row emits "go-to-line" (line, byte index as
 * guint64) for the editor to go to the proposal's words. The rows are made
 * while the panel shows, a batch at a time: hundreds of proposals never
 * freeze the window. Actions: "proposals.accept", "proposals.reject" ("s":
 * the proposal's id), "proposals.resolve-all" ("(ssb)": delegation,
 * paragraph id, "" for any; accept), "proposals.friendliness" and
 * "proposals.vote" ("(ss)": the id, the value's name in the format).
 * Properties: "document" (nullable: no draft open), "by-delegation". */
GtkWidget       *plenary_proposals_panel_new              (void);
PlenaryDocument *plenary_proposals_panel_get_document     (PlenaryProposalsPanel *self);
void             plenary_proposals_panel_set_document     (PlenaryProposalsPanel *self,
                                                           PlenaryDocument       *document);
gboolean         plenary_proposals_panel_get_by_delegation (PlenaryProposalsPanel *self);
void             plenary_proposals_panel_set_by_delegation (PlenaryProposalsPanel *self,
                                                            gboolean               by_delegation);

/* What PROPOSAL does, for the user: "Replace “old” with “new”", "Delete
 * paragraph"… */
char            *plenary_proposal_dup_summary             (PlenaryProposal       *proposal);

G_END_DECLS
