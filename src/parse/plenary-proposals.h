/* plenary-proposals.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-draft.h"

G_BEGIN_DECLS

/* Which text of a negotiated draft is printed. */
typedef enum
{
  /* The text as agreed so far: proposals not applied. */
  PLENARY_PROPOSALS_CLEAN,
  /* The text with every proposal marked in it (inserted words underlined,
   * deleted ones struck through), as a comparison shows changes. */
  PLENARY_PROPOSALS_SHOWN,
  /* The compilation text: each proposal in square brackets after the words
   * it changes, with its proposers; competing ones as numbered alternatives;
   * each paragraph's status at its end. */
  PLENARY_PROPOSALS_COMPILATION,
} PlenaryProposalsForm;

/* "clean", "shown", "compilation" (the command line's names). */
gboolean     plenary_proposals_form_from_string (const char           *str,
                                                 PlenaryProposalsForm *form);

/* DRAFT's body with its proposals accepted, those that still apply: where
 * several change the same words (alternatives), the first made is taken. A
 * deleted paragraph goes with its sub-paragraphs; a new one has no id yet.
 * N_SKIPPED (nullable) receives how many proposals could not be applied. */
PlenaryBody *plenary_proposals_dup_accepted     (PlenaryDraft         *draft,
                                                 guint                *n_skipped);

/* DRAFT's body as the compilation text (PLENARY_PROPOSALS_COMPILATION), in
 * the drafting language: "Décide de [renforcer] [variante 1 – Union
 * européenne : consolider] [variante 2 – Groupe des 77 : élargir] la
 * coopération". */
PlenaryBody *plenary_proposals_dup_compilation  (PlenaryDraft         *draft);

/* Adds to DRAFT, as proposals of DELEGATION dated now, the changes that make
 * its body into COPY (another delegation's copy of the same text): words
 * replaced, inserted and deleted in a paragraph, new and deleted
 * paragraphs. Two copies changing the same words give alternatives.
 * SHARES_IDS: COPY comes from DRAFT's file, so a paragraph id names the same
 * paragraph in both; else (a Word or text copy, whose ids were given on
 * reading) paragraphs are matched by their words only.
 * Returns how many proposals were added. */
guint        plenary_proposals_merge_copy       (PlenaryDraft         *draft,
                                                 PlenaryBody          *copy,
                                                 gboolean              shares_ids,
                                                 const char           *delegation);

G_END_DECLS
