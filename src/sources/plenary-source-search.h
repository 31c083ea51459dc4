/* plenary-source-search.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "plenary-source.h"

G_BEGIN_DECLS

/* Matching rules (one search field for all sources):
 *  - case- and accent-insensitive: both sides are folded by compatibility
 *    decomposition (NFKD), dropping combining marks and case folding, with
 *    œ/æ read as oe/ae and typographic apostrophes as "'" (so "etats"
 *    finds "États", "coeur" finds "cœur", "l'OIT" finds "l’OIT");
 *  - a match starts at the beginning of a word and may end inside one
 *    ("coop" finds "coopération", "ration" does not);
 *  - several words are a phrase: the same words in that order, separated
 *    by any run of white space (spaces, line breaks, no-break spaces). */

/* The folded form of TEXT used for matching. */
char *plenary_search_fold (const char *text);

/* One match: a passage of a source. */
#define PLENARY_TYPE_SEARCH_RESULT (plenary_search_result_get_type ())

G_DECLARE_FINAL_TYPE (PlenarySearchResult, plenary_search_result, PLENARY, SEARCH_RESULT, GObject)

PlenarySource *plenary_search_result_get_source              (PlenarySearchResult *self);
/* Code points in the source text: for GtkTextIter offsets and anchors. */
gint64         plenary_search_result_get_start               (PlenarySearchResult *self);
gint64         plenary_search_result_get_end                 (PlenarySearchResult *self);
/* The same, in bytes of plenary_source_get_text(). */
gsize          plenary_search_result_get_byte_start          (PlenarySearchResult *self);
gsize          plenary_search_result_get_byte_end            (PlenarySearchResult *self);
/* The match in its context on one line, "…" marking cuts. */
const char    *plenary_search_result_get_snippet             (PlenarySearchResult *self);
/* The match inside the snippet, in bytes (for PangoAttrList). */
guint          plenary_search_result_get_snippet_match_start (PlenarySearchResult *self);
guint          plenary_search_result_get_snippet_match_end   (PlenarySearchResult *self);
/* Snippet as Pango markup with the match in <b>. */
char          *plenary_search_result_dup_snippet_markup      (PlenarySearchResult *self);
/* 1-based page of the match (PDF sources), 0 without pages. */
guint          plenary_search_result_get_page                (PlenarySearchResult *self);

/* The matches in one source: a GListModel of PlenarySearchResult in text
 * order. Items are built when asked for, so a source with thousands of
 * matches costs little until shown. */
#define PLENARY_TYPE_SEARCH_GROUP (plenary_search_group_get_type ())

G_DECLARE_FINAL_TYPE (PlenarySearchGroup, plenary_search_group, PLENARY, SEARCH_GROUP, GObject)

PlenarySource *plenary_search_group_get_source      (PlenarySearchGroup *self);
guint          plenary_search_group_get_n_matches   (PlenarySearchGroup *self);
/* TRUE when the title of the source matches too. */
gboolean       plenary_search_group_get_title_match (PlenarySearchGroup *self);

/* Finds QUERY in one source (e.g. a find bar in the source view). Never
 * NULL; the group may be empty. */
PlenarySearchGroup *plenary_search_group_new_for_source (PlenarySource *source,
                                                         const char    *query);

/* A search across sources: a GListModel of PlenarySearchGroup, one per
 * source with at least one match, ranked by number of matches, then title
 * match, then the order of the sources. Setting a query empties the model
 * and scans the sources a few at a time from the main loop, inserting each
 * group at its ranked place (items-changed), so results appear
 * progressively; "complete" turns TRUE at the end. When sources are added
 * or removed, the current query runs again. Without a main loop (tests),
 * drive it with plenary_source_search_step() or _run().
 *
 * Each source is folded once and the folded text cached on the source
 * (sources never change after import). */
#define PLENARY_TYPE_SOURCE_SEARCH (plenary_source_search_get_type ())

G_DECLARE_FINAL_TYPE (PlenarySourceSearch, plenary_source_search, PLENARY, SOURCE_SEARCH, GObject)

/* SOURCES: a GListModel of PlenarySource, e.g. plenary_draft_get_sources(). */
PlenarySourceSearch *plenary_source_search_new            (GListModel          *sources);
GListModel          *plenary_source_search_get_sources    (PlenarySourceSearch *self);
const char          *plenary_source_search_get_query      (PlenarySourceSearch *self);
/* Starts a new search (NULL or blank: no results, complete at once). */
void                 plenary_source_search_set_query      (PlenarySourceSearch *self,
                                                           const char          *query);
/* Scans up to MAX_SOURCES more sources (0: all). Returns TRUE while some
 * remain. */
gboolean             plenary_source_search_step           (PlenarySourceSearch *self,
                                                           guint                max_sources);
/* Scans all the remaining sources now. */
void                 plenary_source_search_run            (PlenarySourceSearch *self);
gboolean             plenary_source_search_get_complete   (PlenarySourceSearch *self);
/* Matches found so far, all sources together. */
guint                plenary_source_search_get_n_matches  (PlenarySourceSearch *self);

/* Builds the folded text of SOURCE now (thread-safe), e.g. from a worker
 * after loading a draft so that the first search is instant. */
void                 plenary_source_search_prepare_source (PlenarySource       *source);

G_END_DECLS
