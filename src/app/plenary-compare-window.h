/* plenary-compare-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plenary-comparison.h"
#include "plenary-draft.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_COMPARE_WINDOW (plenary_compare_window_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryCompareWindow, plenary_compare_window, PLENARY, COMPARE_WINDOW, AdwWindow)

/* A read-only window showing the newer text of COMPARISON with its changes
 * marked (insertions underlined and coloured, deletions struck through,
 * moved paragraphs tinted and saying where from), a counter and Next /
 * Previous Change (F8 / Shift+F8), and Export as PDF. NEW_DRAFT gives the
 * heading and language of the printed comparison; OLD_NAME and NEW_NAME
 * name the two texts ("Rev.1", "current text").
 *
 * Property "current-change" (int, -1 before the first step): the change
 * shown. */
PlenaryCompareWindow *plenary_compare_window_new                (GtkWindow         *parent,
                                                                 PlenaryComparison *comparison,
                                                                 PlenaryDraft      *new_draft,
                                                                 const char        *old_name,
                                                                 const char        *new_name);
/* A sentence shown above the summary ("This copy shares no revision…"). */
void                  plenary_compare_window_set_note           (PlenaryCompareWindow *self,
                                                                 const char           *note);
/* The folder Export as PDF proposes (the newer draft's). */
void                  plenary_compare_window_set_folder         (PlenaryCompareWindow *self,
                                                                 GFile                *folder);
int                   plenary_compare_window_get_current_change (PlenaryCompareWindow *self);
GtkTextView          *plenary_compare_window_get_text_view      (PlenaryCompareWindow *self);

/* Writes the comparison to FILE in a thread: a PDF of the newer text with
 * its changes marked, or (a .docx) the older text with the changes as
 * Word's tracked changes. What export-pdf and export-docx do once the file
 * is chosen. */
void                  plenary_compare_window_export (PlenaryCompareWindow *self,
                                                     GFile                *file);

G_END_DECLS
