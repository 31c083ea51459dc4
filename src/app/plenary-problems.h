/* plenary-problems.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-clause-checker.h"
#include "plenary-document.h"

G_BEGIN_DECLS

/* ---- PlenaryProblemItem: one problem of the list ------------------------- */

#define PLENARY_TYPE_PROBLEM_ITEM (plenary_problem_item_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryProblemItem, plenary_problem_item, PLENARY, PROBLEM_ITEM, GObject)

/* Read-only properties for list item bindings: "message", "line" (0-based),
 * "severity" (PlenaryCheckSeverity as int), "has-fix", "fix-label". */
const PlenaryCheckProblem *plenary_problem_item_get_problem   (PlenaryProblemItem *self);
const char                *plenary_problem_item_get_message   (PlenaryProblemItem *self);
guint                      plenary_problem_item_get_line      (PlenaryProblemItem *self);
PlenaryCheckSeverity       plenary_problem_item_get_severity  (PlenaryProblemItem *self);
gboolean                   plenary_problem_item_get_has_fix   (PlenaryProblemItem *self);
/* NULL when there is no fix. */
const char                *plenary_problem_item_get_fix_label (PlenaryProblemItem *self);

/* ---- PlenaryProblems ---------------------------------------------------- */

#define PLENARY_TYPE_PROBLEMS (plenary_problems_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryProblems, plenary_problems, PLENARY, PROBLEMS, GObject)

/* The checks of DOCUMENT: a GListModel of PlenaryProblemItem sorted by
 * line, and underlines in its buffer (tags "plenary-problem" and
 * "plenary-hint"). Only the lines its line index reports in
 * "lines-changed", and the neighbours whose context changed, are checked
 * again, a moment after typing stops, from the index's classification. The
 * agreement check follows the "body" of the draft's metadata, of whichever
 * draft the document holds.
 * Properties: "document" (construct-only), "n-problems" (warnings, not
 * hints). */
PlenaryProblems   *plenary_problems_new            (PlenaryDocument    *document);
guint              plenary_problems_get_n_problems (PlenaryProblems    *self);
/* Problems found on the whole text rather than line by line (a brief's
 * empty sections, page limit…): PlenaryCheckProblem*, copied; they are
 * listed after the others and replace the previous ones. */
void               plenary_problems_set_whole_text_problems (PlenaryProblems *self,
                                                             GPtrArray       *problems);
/* Checks the changed lines now instead of after the delay. */
void               plenary_problems_flush          (PlenaryProblems    *self);
/* Applies ITEM's fix to the buffer as one user action. FALSE when ITEM has
 * no fix or the text changed under it. */
gboolean           plenary_problems_apply_fix      (PlenaryProblems    *self,
                                                    PlenaryProblemItem *item);
/* Where ITEM's problem is now: its LINE, and the byte INDEX in it. */
void               plenary_problems_locate         (PlenaryProblems    *self,
                                                    PlenaryProblemItem *item,
                                                    guint              *line,
                                                    gsize              *index);
/* The messages of the problems under ITER, one a line, or NULL (a
 * tooltip). */
char              *plenary_problems_dup_message_at (PlenaryProblems    *self,
                                                    const GtkTextIter  *iter);
/* The problems of KIND listed now that have a fix. */
guint              plenary_problems_count_fixable  (PlenaryProblems    *self,
                                                    PlenaryCheckKind    kind);
/* Applies every fix of KIND as one user action (one Undo takes them all
 * back) and checks again; returns how many were applied. */
guint              plenary_problems_fix_all        (PlenaryProblems    *self,
                                                    PlenaryCheckKind    kind);

G_END_DECLS
