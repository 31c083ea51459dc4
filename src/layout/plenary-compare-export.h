/* plenary-compare-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "plenary-comparison.h"
#include "plenary-draft.h"
#include "plenary-page-layout.h"

G_BEGIN_DECLS

/* Where each paragraph of the OLDER text of COMPARISON was, numbered as
 * printed ("3", "3 a)"; preambular paragraphs counted apart), by flattened
 * older index (plenary_body_flatten()); NULL-terminated. */
char             **plenary_compare_dup_old_numbers (PlenaryComparison          *comparison,
                                                    const char                 *language);

/* The newer text of COMPARISON with its changes marked as UN revised drafts
 * show them (new text bold and underlined, deleted text struck through,
 * deleted paragraphs struck through where they were, moved ones followed by
 * where they were), laid out with NEW_DRAFT's heading and language, and the
 * note "Text compared with: COMPARED_WITH" under the title (in the drafting
 * language). */
PlenaryPageLayout *plenary_compare_layout_new      (PlenaryComparison          *comparison,
                                                    PlenaryDraft               *new_draft,
                                                    const char                 *compared_with,
                                                    const PlenaryLayoutOptions *options);

/* Writes that layout as a PDF at PATH (atomically, as plenary_pdf_export()). */
gboolean           plenary_compare_export_pdf      (PlenaryComparison          *comparison,
                                                    PlenaryDraft               *new_draft,
                                                    const char                 *compared_with,
                                                    const char                 *path,
                                                    const PlenaryLayoutOptions *options,
                                                    GCancellable               *cancellable,
                                                    GError                    **error);

G_END_DECLS
