/* model-fixtures.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-draft-codec.h"

G_BEGIN_DECLS

/* A resolution using every feature of the format: full metadata, nested
 * sub-paragraphs, sources with pages, annotations of each kind with replies. */
PlenaryDraft *model_fixture_full_resolution (void);
/* A brief with text before the first heading, sections, paragraphs and bullets. */
PlenaryDraft *model_fixture_brief           (void);
/* Compares every saved field of two drafts (not the runtime "orphan" flag). */
void          model_assert_drafts_equal     (PlenaryDraft *a,
                                             PlenaryDraft *b);

G_END_DECLS
