/* bench-sources.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 1,000 sources of 50 KB of French text (50 MB) in one draft: time to
 * import a 20 MB text file, to save and load the draft, to fold the
 * sources for search, to search a common and a rare word (first batch and
 * complete), to re-anchor an edited passage in a 20 MB text, and the peak
 * resident memory. Prints "name: value" lines.
 */

#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "plenary-anchor-resolver.h"
#include "plenary-draft-codec.h"
#include "plenary-draft-file.h"
#include "plenary-source-importer.h"
#include "plenary-source-search.h"

#define N_SOURCES     1000
#define SOURCE_BYTES  (50 * 1024)
#define FIRST_BATCH   20

static const char * const common_words[] = {
  "de", "la", "le", "les", "des", "et", "à", "en", "du", "pour", "dans", "sur",
  "coopération", "développement", "États", "membres", "Organisation", "travail",
  "pays", "Sud-Sud", "triangulaire", "partenariats", "programme", "réunion",
  "Conseil", "économique", "social", "résolution", "renforcer", "soutien",
  "l’OIT", "d’experts", "sécurité", "paix", "durable", "régionale", "échanges",
  "capacités", "institutions", "gouvernements", "politiques", "emploi", "décent",
};

static const char * const uncommon_words[] = {
  "Ouagadougou", "Tegucigalpa", "microfinance", "agroécologie", "cybersécurité",
  "désertification", "Kiribati", "phytosanitaire", "numérique", "télémédecine",
};

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static char *
make_text (GRand *rand,
           guint  index)
{
  GString *text = g_string_sized_new (SOURCE_BYTES + 256);
  guint words_in_sentence = 0;

  g_string_append_printf (text, "Rapport n° %u sur la coopération\n\n", index);
  while (text->len < SOURCE_BYTES)
    {
      guint r = g_rand_int_range (rand, 0, 1000);
      const char *word;

      if (r < 960)
        word = common_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (common_words))];
      else
        word = uncommon_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (uncommon_words))];

      if (words_in_sentence == 0 && text->len > 0 && text->str[text->len - 1] != '\n')
        g_string_append_c (text, ' ');
      else if (words_in_sentence > 0)
        g_string_append_c (text, ' ');

      if (words_in_sentence == 0)
        {
          gunichar first = g_utf8_get_char (word);

          g_string_append_unichar (text, g_unichar_toupper (first));
          g_string_append (text, g_utf8_next_char (word));
        }
      else
        g_string_append (text, word);

      words_in_sentence++;
      if (words_in_sentence > 8 && g_rand_int_range (rand, 0, 6) == 0)
        {
          g_string_append_c (text, '.');
          words_in_sentence = 0;
          if (g_rand_int_range (rand, 0, 8) == 0)
            g_string_append (text, "\n\n");
        }
    }

  /* The rare word: in three sources only. */
  if (index == 17 || index == 503 || index == 911)
    g_string_append (text, " Intervention de M. Scandiucci, ministre-conseiller.");

  return g_string_free (text, FALSE);
}

typedef struct
{
  double first_batch_ms;
  double full_ms;
  guint  n_groups;
  guint  n_matches;
} SearchTiming;

static void
materialize (PlenarySourceSearch *search,
             guint                n)
{
  g_autoptr(PlenarySearchGroup) group = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (search)) == 0)
    return;
  group = g_list_model_get_item (G_LIST_MODEL (search), 0);
  for (guint i = 0; i < n && i < g_list_model_get_n_items (G_LIST_MODEL (group)); i++)
    {
      g_autoptr(PlenarySearchResult) result = g_list_model_get_item (G_LIST_MODEL (group), i);

      g_assert (plenary_search_result_get_snippet (result) != NULL);
    }
}

static SearchTiming
time_search (PlenarySourceSearch *search,
             const char          *query)
{
  SearchTiming timing = { 0 };
  gint64 start;

  /* First batch: what the UI shows after its first main-loop slice, i.e.
   * sources scanned until one group exists, and its first rows. */
  start = g_get_monotonic_time ();
  plenary_source_search_set_query (search, query);
  while (g_list_model_get_n_items (G_LIST_MODEL (search)) == 0 &&
         plenary_source_search_step (search, 8))
    ;
  materialize (search, FIRST_BATCH);
  timing.first_batch_ms = ms_since (start);

  /* Complete: every source scanned and ranked, first rows of the top group. */
  start = g_get_monotonic_time ();
  plenary_source_search_set_query (search, query);
  plenary_source_search_run (search);
  materialize (search, FIRST_BATCH);
  timing.full_ms = ms_since (start);

  timing.n_groups = g_list_model_get_n_items (G_LIST_MODEL (search));
  timing.n_matches = plenary_source_search_get_n_matches (search);

  return timing;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20251124);
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(PlenaryDraft) loaded = NULL;
  g_autoptr(PlenarySourceSearch) search = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plenary-bench-sources-XXXXXX", &error);
  g_autofree char *draft_path = NULL;
  g_autofree char *big_path = NULL;
  g_autoptr(GFile) draft_file = NULL;
  g_autoptr(GFile) big_file = NULL;
  GListModel *sources;
  SearchTiming common, rare;
  struct rusage usage;
  gint64 start;
  gsize total = 0;

  g_assert_no_error (error);

  /* Import of a 20 MB text file. */
  {
    GString *big = g_string_sized_new (21 * 1024 * 1024);
    g_autoptr(PlenarySource) source = NULL;

    while (big->len < 20 * 1024 * 1024)
      {
        g_autofree char *part = make_text (rand, 0);

        g_string_append (big, part);
      }
    big_path = g_build_filename (dir, "volumineux.txt", NULL);
    g_file_set_contents (big_path, big->str, big->len, &error);
    g_assert_no_error (error);
    big_file = g_file_new_for_path (big_path);

    start = g_get_monotonic_time ();
    source = plenary_source_importer_import (draft, big_file, NULL, &error);
    g_assert_no_error (error);
    g_print ("import_20mb_text_ms: %.1f\n", ms_since (start));

    /* Re-anchoring in it: a passage near the end, moved and edited. */
    {
      const char *text = plenary_source_get_text (source);
      gint64 n_chars = g_utf8_strlen (text, -1);
      g_autoptr(PlenaryAnchor) anchor =
        plenary_anchor_resolver_describe ("s1", text, n_chars - 200, n_chars - 140);
      g_autoptr(GString) edited = g_string_new ("Ajout en tête du document.\n");
      g_autofree char *quote = g_strdup (anchor->exact);
      char *middle = quote + strlen (quote) / 2;
      gint64 s, e;
      PlenaryAnchorMatch how;

      /* The passage is cut from the end and pasted at the start, with a
       * word inserted in its middle. */
      g_string_append_len (edited, quote, middle - quote);
      g_string_append (edited, " nouveau ");
      g_string_append (edited, middle);
      g_string_append_c (edited, '\n');
      g_string_append_len (edited, text, strlen (text) - strlen (quote) - 400);

      start = g_get_monotonic_time ();
      plenary_anchor_resolver_resolve (anchor, edited->str, &s, &e, &how);
      g_print ("anchor_resolve_fuzzy_20mb_ms: %.1f\n", ms_since (start));
      g_print ("anchor_resolve_fuzzy_20mb_match: %s\n",
               how == PLENARY_ANCHOR_MATCH_FUZZY ? "fuzzy" :
               how == PLENARY_ANCHOR_MATCH_QUOTE ? "quote" :
               how == PLENARY_ANCHOR_MATCH_POSITION ? "position" : "orphan");
    }

    g_string_free (big, TRUE);
    g_unlink (big_path);
  }

  /* The draft: 1,000 sources of 50 KB. */
  for (guint i = 0; i < N_SOURCES; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i + 1);
      g_autofree char *title = g_strdup_printf ("Rapport %u", i + 1);
      g_autofree char *origin = g_strdup_printf ("rapport-%u.txt", i + 1);
      g_autofree char *text = make_text (rand, i);
      g_autoptr(PlenarySource) source = plenary_source_new (id, title, origin, "text/plain", text);

      total += strlen (text);
      g_list_store_append (plenary_draft_get_sources (draft), source);
    }
  g_print ("sources: %u\n", N_SOURCES);
  g_print ("sources_total_mb: %.1f\n", total / (1024.0 * 1024.0));

  draft_path = g_build_filename (dir, "bench" PLENARY_DRAFT_SUFFIX, NULL);
  draft_file = g_file_new_for_path (draft_path);

  start = g_get_monotonic_time ();
  plenary_draft_save (draft, draft_file, NULL, &error);
  g_assert_no_error (error);
  g_print ("save_draft_ms: %.1f\n", ms_since (start));
  g_clear_object (&draft);

  start = g_get_monotonic_time ();
  loaded = plenary_draft_load (draft_file, NULL, &error);
  g_assert_no_error (error);
  g_print ("load_draft_ms: %.1f\n", ms_since (start));

  sources = G_LIST_MODEL (plenary_draft_get_sources (loaded));
  g_assert (g_list_model_get_n_items (sources) == N_SOURCES);

  /* Folding is done once per source (the UI does it in a worker after
   * loading); searches below run on folded text. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_SOURCES; i++)
    {
      g_autoptr(PlenarySource) source = g_list_model_get_item (sources, i);

      plenary_source_search_prepare_source (source);
    }
  g_print ("fold_all_sources_ms: %.1f\n", ms_since (start));

  search = plenary_source_search_new (sources);

  common = time_search (search, "cooperation");
  g_print ("search_common_first_batch_ms: %.1f\n", common.first_batch_ms);
  g_print ("search_common_full_ms: %.1f\n", common.full_ms);
  g_print ("search_common_sources: %u\n", common.n_groups);
  g_print ("search_common_matches: %u\n", common.n_matches);

  common = time_search (search, "de");
  g_print ("search_very_common_full_ms: %.1f\n", common.full_ms);
  g_print ("search_very_common_matches: %u\n", common.n_matches);

  rare = time_search (search, "scandiucci");
  g_print ("search_rare_first_batch_ms: %.1f\n", rare.first_batch_ms);
  g_print ("search_rare_full_ms: %.1f\n", rare.full_ms);
  g_print ("search_rare_sources: %u\n", rare.n_groups);
  g_print ("search_rare_matches: %u\n", rare.n_matches);

  rare = time_search (search, "ministre conseiller");
  g_print ("search_phrase_full_ms: %.1f\n", rare.full_ms);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak_rss_mb: %.1f\n", usage.ru_maxrss / 1024.0);

  g_unlink (draft_path);
  g_rmdir (dir);

  return 0;
}
