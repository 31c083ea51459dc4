/* plenary-spell-highlighter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plenary-spell-checker.h"

G_BEGIN_DECLS

#define PLENARY_SPELL_HIGHLIGHTER_TAG "plenary-misspelt"

#define PLENARY_TYPE_SPELL_HIGHLIGHTER (plenary_spell_highlighter_get_type ())

G_DECLARE_FINAL_TYPE (PlenarySpellHighlighter, plenary_spell_highlighter, PLENARY, SPELL_HIGHLIGHTER, GObject)

/* Spelling as you type in a GtkTextView: misspelt words get a red wavy
 * underline (tag PLENARY_SPELL_HIGHLIGHTER_TAG), and the context menu offers
 * suggestions, "Add to Dictionary" and "Ignore".
 *
 * Typing only marks the changed lines as unchecked (a tag, so that marks
 * follow the text); they are checked at low priority a few lines at a
 * time, so that a keystroke never waits on the dictionary, and a whole
 * draft is checked in the background after it opens. The word being typed
 * is not flagged until the cursor leaves it.
 *
 * Properties: "checker" (PlenarySpellChecker, NULL for none), "enabled",
 * "checking" (read-only: lines wait to be checked).
 * Signal "menu-requested": the context menu is about to offer the spelling
 * of the word clicked or at the cursor (a checker read later is wanted now). */

PlenarySpellHighlighter *plenary_spell_highlighter_new         (GtkTextView             *view);
PlenarySpellChecker     *plenary_spell_highlighter_get_checker (PlenarySpellHighlighter *self);
void                     plenary_spell_highlighter_set_checker (PlenarySpellHighlighter *self,
                                                                PlenarySpellChecker     *checker);
gboolean                 plenary_spell_highlighter_get_enabled (PlenarySpellHighlighter *self);
void                     plenary_spell_highlighter_set_enabled (PlenarySpellHighlighter *self,
                                                                gboolean                 enabled);
gboolean                 plenary_spell_highlighter_get_checking (PlenarySpellHighlighter *self);
/* Text under a tag of this name is not checked (typed numbers, quotes
 * cited from the sources). */
void                     plenary_spell_highlighter_skip_tag    (PlenarySpellHighlighter *self,
                                                                const char              *tag_name);
/* Reads LINE as it would be with its changes made (ACCEPTED) or not: FALSE
 * when it reads as shown; else TEXT (NULL: the line is not in that text) and
 * MAP, the byte of the line as shown of each byte of TEXT, then its end. */
typedef gboolean (*PlenarySpellFormFunc) (gpointer   user_data,
                                          guint      line,
                                          gboolean   accepted,
                                          char     **text,
                                          GArray    *map);
/* The words of a line with changes shown in it are checked in both the
 * forms FUNC gives (NULL: as shown). */
void                     plenary_spell_highlighter_set_form_func (PlenarySpellHighlighter *self,
                                                                  PlenarySpellFormFunc     func,
                                                                  gpointer                 user_data);
/* Checks lines FIRST to LAST again (what they read as changed). */
void                     plenary_spell_highlighter_recheck_lines (PlenarySpellHighlighter *self,
                                                                  guint                    first,
                                                                  guint                    last);
/* Checks the whole text again (the known words changed). */
void                     plenary_spell_highlighter_recheck     (PlenarySpellHighlighter *self);

/* Underlines the misspelt words of ENTRY (a comment being written) with
 * CHECKER, as its text changes; NULL stops. */
void                     plenary_spell_entry_set_checker       (GtkEntry                *entry,
                                                                PlenarySpellChecker     *checker);

G_END_DECLS
