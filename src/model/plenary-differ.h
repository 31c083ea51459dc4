/* plenary-differ.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-comparison.h"

G_BEGIN_DECLS

typedef enum
{
  PLENARY_DIFFER_DEFAULT    = 0,
  /* Match paragraphs by their text only, never by id (two unrelated drafts
   * both have a "p1"). The differ also drops ids by itself when the
   * paragraphs they pair mostly share no words. */
  PLENARY_DIFFER_IGNORE_IDS = 1 << 0,
} PlenaryDifferFlags;

/* Compares two texts (widget-free; the bodies are not changed and must not
 * be while the comparison lives).
 *
 * Paragraphs are matched by id where both have the same, then by the same
 * text, then by similar words (a lightly edited paragraph, wherever it went);
 * a matched paragraph out of the older order is a move, found as the fewest
 * paragraphs out of place (longest increasing subsequence). Numbers are not
 * compared: they are derived from the order. Inside a matched paragraph the
 * phrase and the text are compared word by word (plenary_word_diff()). */
PlenaryComparison *plenary_differ_compare (PlenaryBody        *old_body,
                                           PlenaryBody        *new_body,
                                           PlenaryDifferFlags  flags);

G_END_DECLS
