/* plenary-word-diff.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PLENARY_WORD_EQUAL,
  PLENARY_WORD_DELETE,
  PLENARY_WORD_INSERT,
} PlenaryWordOp;

/* A run of text of one side or both. The text of the EQUAL and DELETE runs,
 * in order, is the old text; that of the EQUAL and INSERT runs the new one. */
typedef struct
{
  PlenaryWordOp  op;
  char          *text;
} PlenaryWordRun;

/* The word-level difference between two texts, as a GArray of
 * PlenaryWordRun (freeing the array frees the texts). Words are the unit: a
 * change never splits a word, and the runs are cleaned up to read as a
 * person marks changes: an island of spaces, punctuation or one short word
 * ("a", "de", "of") between two changes joins them into one. In each change
 * the DELETE run comes before the INSERT run; each change is either, or both
 * (a replacement). Runs are never empty. */
GArray   *plenary_word_diff            (const char   *old_text,
                                        const char   *new_text);
/* An empty array of runs (freeing it frees the texts). */
GArray   *plenary_word_runs_new        (void);
/* The number of changes (a delete, an insert, or a delete followed by an
 * insert) in RUNS. */
guint     plenary_word_runs_count_changes (GArray     *runs);
/* Applies RUNS to OLD_TEXT: returns the new text, or NULL when OLD_TEXT is
 * not the text the runs were computed on (what an EQUAL or DELETE run names
 * is not there). */
char     *plenary_word_runs_apply      (GArray       *runs,
                                        const char   *old_text);
/* The words of TEXT, case-folded and without punctuation, in order
 * (free with g_strfreev()). */
char    **plenary_words_split          (const char   *text);

G_END_DECLS
