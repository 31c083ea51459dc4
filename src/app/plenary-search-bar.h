/* plenary-search-bar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define PLENARY_TYPE_SEARCH_BAR (plenary_search_bar_get_type ())

G_DECLARE_FINAL_TYPE (PlenarySearchBar, plenary_search_bar, PLENARY, SEARCH_BAR, GtkWidget)

/* Find and replace in the draft (not in the sources): a bar over the
 * editor, on a GtkSourceSearchContext of the view's buffer. Enter and
 * Shift+Enter go to the next and previous match, Escape closes and gives
 * the text back its focus. Options, as properties and "search.*" actions:
 * "case-sensitive", "whole-words", "ignore-accents" (é matches e and the
 * other way round, as the sources search does), "regex". Replace All is one
 * undo step. Text hidden in the editor (typed numbers and markers) is
 * never matched, so replacing keeps the numbering. */

PlenarySearchBar *plenary_search_bar_new      (void);
void              plenary_search_bar_set_view (PlenarySearchBar *self,
                                               GtkSourceView    *view);
/* Shows the bar (with the replace row when REPLACE) and focuses the search
 * entry, filled with the selected words if any. */
void              plenary_search_bar_open     (PlenarySearchBar *self,
                                               gboolean          replace);
void              plenary_search_bar_close    (PlenarySearchBar *self);
gboolean          plenary_search_bar_is_open  (PlenarySearchBar *self);

G_END_DECLS
