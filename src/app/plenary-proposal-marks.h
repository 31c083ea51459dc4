/* plenary-proposal-marks.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plenary-draft.h"
#include "plenary-line-index.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_PROPOSAL_MARKS (plenary_proposal_marks_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryProposalMarks, plenary_proposal_marks, PLENARY, PROPOSAL_MARKS, GObject)

/* The proposals shown in a document's buffer. Each has two anonymous tags:
 * its "deleted" tag (struck through) over the clean words it deletes, and
 * its "inserted" tag (underlined) over its words, which are in the buffer
 * right after them but are not part of the clean text. A proposed paragraph
 * is a whole line tagged inserted (with the line break before it), a
 * deleted paragraph a line tagged deleted.
 *
 * While suggesting, the user's edits of the buffer are not applied but
 * turned into proposals of the delegation. The buffer's undo and redo bring
 * the marks back as they were (GTK's history only knows the text).
 *
 * Signal "changed": the marks changed (a proposal made, grown, resolved, or
 * brought back by undo); before it, "lines-marked" (first, last): the marks
 * on those lines changed, if only their tags. Signal "refused" (delegation):
 * an edit was not made because it would change words DELEGATION proposed
 * (only they, or accepting the proposal, can). */

PlenaryProposalMarks *plenary_proposal_marks_new            (GtkTextBuffer        *buffer);
void                  plenary_proposal_marks_set_line_index (PlenaryProposalMarks *self,
                                                             PlenaryLineIndex     *index);
/* The draft new ids come from. */
void                  plenary_proposal_marks_set_draft      (PlenaryProposalMarks *self,
                                                             PlenaryDraft         *draft);
/* Turns the user's edits into proposals of DELEGATION; NULL: applies them. */
void                  plenary_proposal_marks_set_suggesting (PlenaryProposalMarks *self,
                                                             const char           *delegation);
/* Forgets every mark and the undo states (a new text is shown). */
void                  plenary_proposal_marks_clear          (PlenaryProposalMarks *self);
/* Forgets the marks shown (the text is replaced as one edit: undo brings
 * them back). */
void                  plenary_proposal_marks_clear_shown    (PlenaryProposalMarks *self);
/* Shows PROPOSALS (a GListModel of PlenaryProposal) in the text as it is;
 * those that no longer apply are kept, unshown, for collect(). */
void                  plenary_proposal_marks_show           (PlenaryProposalMarks *self,
                                                             GListModel           *proposals);
gboolean              plenary_proposal_marks_is_empty       (PlenaryProposalMarks *self);
/* The buffer's text without the proposed words: the draft's text. */
char                 *plenary_proposal_marks_dup_clean_text (PlenaryProposalMarks *self);
/* Whether LINE is a proposed paragraph, not a line of the clean text. */
gboolean              plenary_proposal_marks_is_added_line  (PlenaryProposalMarks *self,
                                                             guint                 line);
/* LINE as it would read with every proposal accepted (ACCEPTED) or none:
 * FALSE when no proposal is shown on it (it reads as shown). Otherwise
 * TEXT is that text, NULL when the line is not in it (a proposed or a
 * deleted paragraph), and MAP (of guint) holds the byte of the line as
 * shown of each byte of TEXT, then the line's length. */
gboolean              plenary_proposal_marks_dup_line_form  (PlenaryProposalMarks *self,
                                                             guint                 line,
                                                             gboolean              accepted,
                                                             char                **text,
                                                             GArray               *map);
/* The proposals as the marks show them (the same objects when unchanged),
 * then those kept unshown. */
GPtrArray            *plenary_proposal_marks_collect        (PlenaryProposalMarks *self);
/* Whether a proposal is shown at ITER (or just before it); its
 * DELEGATION (transfer none) and the last proposal collect() made of it. */
gboolean              plenary_proposal_marks_lookup         (PlenaryProposalMarks *self,
                                                             const GtkTextIter    *iter,
                                                             const char          **delegation,
                                                             PlenaryProposal     **proposal);
/* Accepts or rejects PROPOSAL, or every proposal collected last that
 * matches DELEGATION and PARAGRAPH_ID (NULL: any), as one edit. */
guint                 plenary_proposal_marks_resolve        (PlenaryProposalMarks *self,
                                                             PlenaryProposal      *proposal,
                                                             const char           *delegation,
                                                             const char           *paragraph_id,
                                                             gboolean              accept);
/* Remembers the marks as they are, for the undo of the edit that follows. */
void                  plenary_proposal_marks_save_state     (PlenaryProposalMarks *self);
G_END_DECLS
