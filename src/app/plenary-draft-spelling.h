/* plenary-draft-spelling.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-document.h"
#include "plenary-editor-view.h"
#include "plenary-spell-highlighter.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_DRAFT_SPELLING (plenary_draft_spelling_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryDraftSpelling, plenary_draft_spelling, PLENARY, DRAFT_SPELLING, GObject)

/* The spelling of a draft in its editor: a PlenarySpellHighlighter on VIEW
 * in the drafting language of the draft (not the interface's), knowing
 * the words of the phrase dictionary, the bodies, the header (sponsors,
 * delegations, symbol) and the sources' titles, and following the
 * "spell-check" setting. Typed numbers and quotes cited from the sources
 * are not checked. */
PlenaryDraftSpelling    *plenary_draft_spelling_new             (PlenaryDocument      *document,
                                                                 PlenaryEditorView    *view);
PlenarySpellHighlighter *plenary_draft_spelling_get_highlighter (PlenaryDraftSpelling *self);
/* The checker of the draft's drafting language, for the comments written
 * on it; NULL when spelling is off. */
PlenarySpellChecker     *plenary_draft_spelling_get_checker     (PlenaryDraftSpelling *self);

G_END_DECLS
