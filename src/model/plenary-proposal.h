/* plenary-proposal.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a delegation proposes. */
typedef enum
{
  /* Replace words of a paragraph: EXACT (may be "": an insertion) by TEXT
   * (may be "": a deletion). */
  PLENARY_PROPOSAL_TEXT,
  /* A new paragraph TEXT (its full text, phrase included) at LEVEL (0: a
   * top-level paragraph, 1 and more: a sub-paragraph), after the paragraph
   * PARAGRAPH in document order ("" : before the first one). */
  PLENARY_PROPOSAL_ADD_PARAGRAPH,
  /* Delete the paragraph PARAGRAPH. */
  PLENARY_PROPOSAL_DELETE_PARAGRAPH,
} PlenaryProposalKind;

/* Model UN: how the sponsors took an amendment. */
typedef enum
{
  PLENARY_PROPOSAL_FRIENDLINESS_NONE,
  PLENARY_PROPOSAL_FRIENDLINESS_FRIENDLY,
  PLENARY_PROPOSAL_FRIENDLINESS_UNFRIENDLY,
} PlenaryProposalFriendliness;

/* Model UN: the committee's vote on an amendment. */
typedef enum
{
  PLENARY_PROPOSAL_VOTE_NONE,
  PLENARY_PROPOSAL_VOTE_PASSED,
  PLENARY_PROPOSAL_VOTE_FAILED,
} PlenaryProposalVote;

/* Where a paragraph stands in the negotiation. */
typedef enum
{
  PLENARY_PARAGRAPH_STATUS_NONE,
  PLENARY_PARAGRAPH_STATUS_PENDING,
  PLENARY_PARAGRAPH_STATUS_AGREED_AD_REF,
  PLENARY_PARAGRAPH_STATUS_AGREED,
  PLENARY_PARAGRAPH_STATUS_DELETED,
} PlenaryParagraphStatus;

#define PLENARY_TYPE_PROPOSAL (plenary_proposal_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryProposal, plenary_proposal, PLENARY, PROPOSAL, GObject)

/* A change a delegation proposes to the text, not applied to it: anchored on
 * a paragraph's identity, and inside it on a W3C-style quote (EXACT with the
 * PREFIX and SUFFIX around it) and position (START, END in Unicode code
 * points of the paragraph's full text, phrase + " " + text), so that it
 * survives edits elsewhere. What it proposes is fixed once made; its Model
 * UN friendliness and vote change ("notify"). */
PlenaryProposal            *plenary_proposal_new_text        (const char         *id,
                                                               const char         *delegation,
                                                               GDateTime          *created,
                                                               const char         *paragraph,
                                                               const char         *full_text,
                                                               gint64              start,
                                                               gint64              end,
                                                               const char         *text);
PlenaryProposal            *plenary_proposal_new_add         (const char         *id,
                                                               const char         *delegation,
                                                               GDateTime          *created,
                                                               const char         *after,
                                                               guint               level,
                                                               const char         *text);
PlenaryProposal            *plenary_proposal_new_delete      (const char         *id,
                                                               const char         *delegation,
                                                               GDateTime          *created,
                                                               const char         *paragraph);
/* What the decoder makes: every field as the file has it. */
PlenaryProposal            *plenary_proposal_new_full        (const char         *id,
                                                               PlenaryProposalKind kind,
                                                               const char         *delegation,
                                                               GDateTime          *created,
                                                               const char         *paragraph,
                                                               const char         *exact,
                                                               const char         *prefix,
                                                               const char         *suffix,
                                                               gint64              start,
                                                               gint64              end,
                                                               const char         *text,
                                                               guint               level);
/* The same proposal under another id. */
PlenaryProposal            *plenary_proposal_copy            (PlenaryProposal    *self,
                                                               const char         *id);

const char                 *plenary_proposal_get_id          (PlenaryProposal    *self);
PlenaryProposalKind         plenary_proposal_get_kind        (PlenaryProposal    *self);
const char                 *plenary_proposal_get_delegation  (PlenaryProposal    *self);
GDateTime                  *plenary_proposal_get_created     (PlenaryProposal    *self);
/* The paragraph changed or deleted; for ADD_PARAGRAPH the one it follows. */
const char                 *plenary_proposal_get_paragraph   (PlenaryProposal    *self);
const char                 *plenary_proposal_get_exact       (PlenaryProposal    *self);
const char                 *plenary_proposal_get_prefix      (PlenaryProposal    *self);
const char                 *plenary_proposal_get_suffix      (PlenaryProposal    *self);
gint64                      plenary_proposal_get_start       (PlenaryProposal    *self);
gint64                      plenary_proposal_get_end         (PlenaryProposal    *self);
/* The replacement, or the new paragraph's full text. */
const char                 *plenary_proposal_get_text        (PlenaryProposal    *self);
guint                       plenary_proposal_get_level       (PlenaryProposal    *self);
PlenaryProposalFriendliness plenary_proposal_get_friendliness (PlenaryProposal   *self);
void                        plenary_proposal_set_friendliness (PlenaryProposal   *self,
                                                               PlenaryProposalFriendliness friendliness);
PlenaryProposalVote         plenary_proposal_get_vote        (PlenaryProposal    *self);
void                        plenary_proposal_set_vote        (PlenaryProposal    *self,
                                                               PlenaryProposalVote vote);

/* Where the proposal's words are in FULL_TEXT, the paragraph's full text now:
 * at START..END when EXACT is still there, else the one occurrence of EXACT
 * (the prefix and suffix telling several apart), in code points. FALSE when
 * the words are gone (the proposal no longer applies). */
gboolean                    plenary_proposal_locate          (PlenaryProposal    *self,
                                                               const char         *full_text,
                                                               gint64             *start,
                                                               gint64             *end);

/* The names in the JSON format and in actions, the enums' nicks ("text",
 * "add-paragraph"...; "agreed-ad-ref"; "none" is never written). */
const char *plenary_proposal_kind_to_string            (PlenaryProposalKind          kind);
gboolean    plenary_proposal_kind_from_string          (const char                  *str,
                                                        PlenaryProposalKind         *kind);
const char *plenary_proposal_friendliness_to_string    (PlenaryProposalFriendliness  value);
gboolean    plenary_proposal_friendliness_from_string  (const char                  *str,
                                                        PlenaryProposalFriendliness *value);
const char *plenary_proposal_vote_to_string            (PlenaryProposalVote          value);
gboolean    plenary_proposal_vote_from_string          (const char                  *str,
                                                        PlenaryProposalVote         *value);
const char *plenary_paragraph_status_to_string         (PlenaryParagraphStatus       status);
gboolean    plenary_paragraph_status_from_string       (const char                  *str,
                                                        PlenaryParagraphStatus      *status);
/* Translated, for the user: "Agreed ad ref.", "Friendly"... */
const char *plenary_paragraph_status_get_label         (PlenaryParagraphStatus       status);

G_END_DECLS
