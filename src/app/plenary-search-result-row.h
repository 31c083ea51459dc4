/* plenary-search-result-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PLENARY_TYPE_SEARCH_RESULT_ROW (plenary_search_result_row_get_type ())

G_DECLARE_FINAL_TYPE (PlenarySearchResultRow, plenary_search_result_row, PLENARY, SEARCH_RESULT_ROW, GtkWidget)

/* A row of the sources' search results: a source's title with its number
 * of matches (a PlenarySearchGroup, expandable), or one match's snippet
 * with the match in bold and its page (a PlenarySearchResult). */
GtkWidget *plenary_search_result_row_new          (void);
/* Shows the item of LIST_ROW (a GtkTreeListRow; NULL when unbound). */
void       plenary_search_result_row_set_list_row (PlenarySearchResultRow *self,
                                                   GtkTreeListRow         *list_row);

G_END_DECLS
