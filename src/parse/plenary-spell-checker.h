/* plenary-spell-checker.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PLENARY_TYPE_SPELL_CHECKER (plenary_spell_checker_get_type ())

G_DECLARE_FINAL_TYPE (PlenarySpellChecker, plenary_spell_checker, PLENARY, SPELL_CHECKER, GObject)

/* The spelling of one drafting language ("fr", "en"), without widgets:
 * enchant-2 with the system's hunspell dictionaries (en_GB first for UN
 * English), the UN-usage words shipped with Plenary (data/spelling/), the
 * words the caller knows (phrase dictionary, bodies, delegations, source
 * titles) and the words the user added or ignored.
 *
 * What is never checked: tokens with a digit or a "/" (A/C.3/80/L.7,
 * S/RES/2758, dates), addresses, words in capitals (ECOSOC), single
 * letters. French elisions (l’, d’, qu’…) are checked without their
 * prefix; a hyphenated word is right when each of its parts is.
 *
 * A future libspelling back end (GNOME runtime, newer distributions) would
 * replace the enchant calls of this file behind a meson check; the widget
 * side (PlenarySpellHighlighter) only calls this class. */

typedef struct
{
  gsize start;   /* byte offsets in the text checked */
  gsize end;
} PlenarySpellRange;

PlenarySpellChecker *plenary_spell_checker_new             (const char          *language);
const char          *plenary_spell_checker_get_language    (PlenarySpellChecker *self);
/* FALSE when no dictionary of the language is installed: every word then
 * passes. */
gboolean             plenary_spell_checker_has_dictionary  (PlenarySpellChecker *self);
gboolean             plenary_spell_checker_check_word      (PlenarySpellChecker *self,
                                                            const char          *word,
                                                            gssize               length);
/* Up to MAX_SUGGESTIONS replacements for WORD, best first; never NULL. */
char               **plenary_spell_checker_suggest         (PlenarySpellChecker *self,
                                                            const char          *word,
                                                            guint                max_suggestions);
/* Adds WORD to the user's personal dictionary of the language (kept by
 * enchant in ~/.config/enchant). */
void                 plenary_spell_checker_add_word        (PlenarySpellChecker *self,
                                                            const char          *word);
/* Accepts WORD until the checker is finalized. */
void                 plenary_spell_checker_ignore_word     (PlenarySpellChecker *self,
                                                            const char          *word);
/* Replaces the words known from the draft: every word of each string of
 * TEXTS (NULL-terminated) is accepted. */
void                 plenary_spell_checker_set_known_texts (PlenarySpellChecker *self,
                                                            const char * const  *texts);
/* The misspelt words of TEXT (LENGTH bytes, or -1), as PlenarySpellRange. */
GArray              *plenary_spell_checker_check_text      (PlenarySpellChecker *self,
                                                            const char          *text,
                                                            gssize               length);
/* The next word of TEXT to check at or after *POS: its byte range in START
 * and END, and *POS past it. FALSE at the end of TEXT. */
gboolean             plenary_spell_next_word               (const char          *text,
                                                            gsize                length,
                                                            gsize               *pos,
                                                            gsize               *start,
                                                            gsize               *end);

G_END_DECLS
