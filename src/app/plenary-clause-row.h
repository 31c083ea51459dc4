/* plenary-clause-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plenary-phrase-dictionary.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_CLAUSE_ROW (plenary_clause_row_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryClauseRow, plenary_clause_row, PLENARY, CLAUSE_ROW, GtkListBoxRow)

/* A row of the clause picker: the phrase in bold, its example under it
 * (hidden when empty). */
GtkWidget          *plenary_clause_row_new       (const char         *phrase,
                                                  const char         *example,
                                                  PlenaryPhraseGroup  group);
/* The group its phrase belongs to (the list's headers), kept on the row:
 * while the list changes, a row's index may point past the new model. */
PlenaryPhraseGroup  plenary_clause_row_get_group (PlenaryClauseRow   *self);

G_END_DECLS
