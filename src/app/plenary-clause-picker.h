/* plenary-clause-picker.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plenary-editor-view.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_CLAUSE_PICKER (plenary_clause_picker_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryClausePicker, plenary_clause_picker, PLENARY, CLAUSE_PICKER, AdwWindow)

/* A searchable list of the phrases of the draft's dictionary, grouped
 * preambular / operative / closing, each in the form that agrees with the
 * body and with a usage example. Choosing one inserts it at the cursor (on
 * a blank line) or as a new paragraph after the one at the cursor, as a
 * snippet whose placeholders Tab goes through. The picker is modal,
 * transient for the view's window, and closes itself. */

PlenaryClausePicker *plenary_clause_picker_new              (PlenaryEditorView   *view);
/* Inserts ENTRY as a choice from the list does (and closes the picker). */
void                 plenary_clause_picker_insert_entry     (PlenaryClausePicker *self,
                                                             PlenaryPhraseEntry  *entry);

G_END_DECLS
