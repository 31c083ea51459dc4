/* plenary-phrase-completion.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "plenary-editor-view.h"
#include "plenary-phrase-dictionary.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_PHRASE_COMPLETION (plenary_phrase_completion_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryPhraseCompletion, plenary_phrase_completion, PLENARY, PHRASE_COMPLETION, GObject)

/* A completion provider proposing the dictionary's phrases while the first
 * words of a paragraph are typed: preambular then operative phrases before
 * the first operative paragraph, operative and closing phrases after it.
 * Matching ignores case and accents ("not" finds "Notant"); the chosen
 * phrase agrees with the body that adopts the draft.
 *
 * Add it with gtk_source_completion_add_provider (gtk_source_view_get_completion
 * (view), provider). */

GtkSourceCompletionProvider *plenary_phrase_completion_new (PlenaryEditorView *view);

/* Lower-case TEXT without accents and with typographic apostrophes made
 * straight: "Épris d’égalité" -> "epris d'egalite". */
char     *plenary_phrase_completion_fold    (const char        *text);

/* The gender and number of the body adopting the draft of VIEW: the body of
 * the header, else the one of the opening formula, else the language's
 * default. FALSE (and masculine singular) when none is known. */
gboolean  plenary_phrase_completion_get_agreement (PlenaryEditorView *view,
                                                   PlenaryGender     *gender,
                                                   PlenaryNumber     *number);

G_END_DECLS
