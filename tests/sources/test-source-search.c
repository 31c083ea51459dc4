/* test-source-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plenary-draft.h"
#include "plenary-source-importer.h"
#include "plenary-source-search.h"

/* The code points [START, END) of TEXT. */
static char *
cp_slice (const char *text,
          gint64      start,
          gint64      end)
{
  const char *s = g_utf8_offset_to_pointer (text, start);
  const char *e = g_utf8_offset_to_pointer (text, end);

  return g_strndup (s, e - s);
}

static PlenarySearchResult *
group_result (PlenarySearchGroup *group,
              guint               i)
{
  return g_list_model_get_item (G_LIST_MODEL (group), i);
}

/* Checks that RESULT points at EXPECTED in its source, both in code points
 * and in bytes, and that the snippet shows the same words. */
static void
assert_result_is (PlenarySearchResult *result,
                  const char          *expected)
{
  const char *text = plenary_source_get_text (plenary_search_result_get_source (result));
  g_autofree char *by_cp = cp_slice (text, plenary_search_result_get_start (result),
                                     plenary_search_result_get_end (result));
  g_autofree char *by_byte = g_strndup (text + plenary_search_result_get_byte_start (result),
                                        plenary_search_result_get_byte_end (result) -
                                        plenary_search_result_get_byte_start (result));
  const char *snippet = plenary_search_result_get_snippet (result);
  g_autofree char *in_snippet = g_strndup (snippet + plenary_search_result_get_snippet_match_start (result),
                                           plenary_search_result_get_snippet_match_end (result) -
                                           plenary_search_result_get_snippet_match_start (result));

  g_autofree char *one_line = g_strdelimit (g_strdup (expected), "\n", ' ');

  g_assert_cmpstr (by_cp, ==, expected);
  g_assert_cmpstr (by_byte, ==, expected);
  g_assert_cmpstr (in_snippet, ==, one_line);
}

static void
test_fold (void)
{
  g_autofree char *a = plenary_search_fold ("ÉTATS Coopération CŒUR l’OIT Straße ﬁn");
  g_autofree char *b = plenary_search_fold ("E\xCC\x81tats");

  g_assert_cmpstr (a, ==, "etats cooperation coeur l'oit strasse fin");
  g_assert_cmpstr (b, ==, "etats");
}

static void
test_accents_and_case (void)
{
  g_autoptr(PlenarySource) source =
    plenary_source_new ("s1", "Note", "note.txt", "text/plain",
                        "Les États membres 😀 saluent la COOPÉRATION.\n"
                        "Les etats voisins et l'Etat hôte aussi.");
  g_autoptr(PlenarySearchGroup) states = plenary_search_group_new_for_source (source, "etats");
  g_autoptr(PlenarySearchGroup) coop = plenary_search_group_new_for_source (source, "Coopération");
  g_autoptr(PlenarySearchGroup) plain = plenary_search_group_new_for_source (source, "cooperation");
  g_autoptr(PlenarySearchResult) first = NULL;
  g_autoptr(PlenarySearchResult) second = NULL;
  g_autoptr(PlenarySearchResult) third = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (states)), ==, 2);
  first = group_result (states, 0);
  second = group_result (states, 1);
  assert_result_is (first, "États");
  assert_result_is (second, "etats");
  g_assert_cmpint (plenary_search_result_get_start (first), ==, 4);
  g_assert_cmpint (plenary_search_result_get_end (first), ==, 9);

  /* The emoji before counts as one code point. */
  g_assert_cmpuint (plenary_search_group_get_n_matches (coop), ==, 1);
  g_assert_cmpuint (plenary_search_group_get_n_matches (plain), ==, 1);
  third = group_result (plain, 0);
  assert_result_is (third, "COOPÉRATION");
  g_assert_cmpint (plenary_search_result_get_start (third), ==, 31);
}

static void
test_decomposed_text (void)
{
  /* Text in NFD: the combining accent belongs to the match. */
  g_autoptr(PlenarySource) source =
    plenary_source_new ("s1", "NFD", "nfd.txt", "text/plain", "Les E\xCC\x81tats de\xCC\x81" "cident.");
  g_autoptr(PlenarySearchGroup) group = plenary_search_group_new_for_source (source, "états décident");
  g_autoptr(PlenarySearchResult) result = NULL;

  g_assert_cmpuint (plenary_search_group_get_n_matches (group), ==, 1);
  result = group_result (group, 0);
  assert_result_is (result, "E\xCC\x81tats de\xCC\x81" "cident");
  g_assert_cmpint (plenary_search_result_get_start (result), ==, 4);
  g_assert_cmpint (plenary_search_result_get_end (result), ==, 20);
}

/* Letters a writer types one way and a document prints another: each is
 * found, and reported at its own place in the original text. */
static void
test_unicode_variants (void)
{
  static const struct {
    const char *query;
    const char *found;
  } cases[] = {
    { "Sud-Sud", "Sud\u2011Sud" },                      /* non-breaking hyphen */
    { "Nord-Sud", "Nord\u2010Sud" },                    /* hyphen */
    { "2020-2030", "2020\u20132030" },                  /* en dash */
    { "paix - sécurité", "paix \u2014 s\u00E9curit\u00E9" }, /* em dash */
    { "article 5-2", "article 5\u22122" },              /* minus sign */
    { "Nations Unies", "Nations\u00A0Unies" },          /* no-break space */
    { "article 12 ;", "article\u202F12\u202F;" },      /* narrow no-break space */
    { "l'Assemblée", "l\u2019Assembl\u00E9e" },        /* curly apostrophe */
    { "\"bonne foi\"", "\u201Cbonne foi\u201D" },     /* curly quotes */
    { "“soft law”", "\"soft law\"" },                  /* and the other way */
    { "financement", "\uFB01nancement" },               /* ligature */
    { "décidé", "de\u0301cide\u0301" },                /* decomposed accents */
    { "de\u0301cide\u0301", "d\u00E9cid\u00E9" },     /* the other way */
    { "SÉCURITÉ ALIMENTAIRE", "s\u00E9curit\u00E9 alimentaire" },
    { "autodétermination", "auto\u00ADd\u00E9termination" }, /* soft hyphen */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("Début \U0001F30D ligne\n%s, fin.", cases[i].found);
      g_autoptr(PlenarySource) source = plenary_source_new ("s1", "Note", "note.txt", "text/plain", text);
      g_autoptr(PlenarySearchGroup) group = plenary_search_group_new_for_source (source, cases[i].query);
      g_autoptr(PlenarySearchResult) result = NULL;

      g_test_message ("query %s", cases[i].query);
      g_assert_cmpuint (plenary_search_group_get_n_matches (group), ==, 1);
      result = group_result (group, 0);
      assert_result_is (result, cases[i].found);
      /* "Début 🌍 ligne\n" is 14 code points, the emoji one of them. */
      g_assert_cmpint (plenary_search_result_get_start (result), ==, 14);
      g_assert_cmpint (plenary_search_result_get_end (result), ==, 14 + g_utf8_strlen (cases[i].found, -1));
    }
}

static void
test_phrase_and_word_start (void)
{
  g_autoptr(PlenarySource) source =
    plenary_source_new ("s1", "Note", "note.txt", "text/plain",
                        "la coopération\nSud-Sud et la coopération\u00A0Sud-Sud ; "
                        "la coopération technique Sud-Sud");
  g_autoptr(PlenarySearchGroup) phrase = plenary_search_group_new_for_source (source, "  cooperation   sud-sud ");
  g_autoptr(PlenarySearchGroup) inside = plenary_search_group_new_for_source (source, "ration");
  g_autoptr(PlenarySearchGroup) prefix = plenary_search_group_new_for_source (source, "coop");
  g_autoptr(PlenarySearchGroup) blank = plenary_search_group_new_for_source (source, "   ");
  g_autoptr(PlenarySearchResult) first = NULL;
  g_autoptr(PlenarySearchResult) second = NULL;

  /* Across a line break and a no-break space, not across another word. */
  g_assert_cmpuint (plenary_search_group_get_n_matches (phrase), ==, 2);
  first = group_result (phrase, 0);
  second = group_result (phrase, 1);
  assert_result_is (first, "coopération\nSud-Sud");
  assert_result_is (second, "coopération\u00A0Sud-Sud");
  /* The snippet is one line. */
  g_assert_null (strchr (plenary_search_result_get_snippet (first), '\n'));

  g_assert_cmpuint (plenary_search_group_get_n_matches (inside), ==, 0);
  g_assert_cmpuint (plenary_search_group_get_n_matches (prefix), ==, 3);
  g_assert_cmpuint (plenary_search_group_get_n_matches (blank), ==, 0);
}

static void
test_snippet (void)
{
  g_autoptr(GString) text = g_string_new ("Premier paragraphe sans intérêt.\n");
  g_autoptr(PlenarySource) source = NULL;
  g_autoptr(PlenarySearchGroup) group = NULL;
  g_autoptr(PlenarySearchResult) result = NULL;
  g_autofree char *markup = NULL;
  const char *snippet;

  for (int i = 0; i < 20; i++)
    g_string_append (text, "mot ");
  g_string_append (text, "la <paix> & la sécurité ");
  for (int i = 0; i < 20; i++)
    g_string_append (text, "fin ");
  source = plenary_source_new ("s1", "T", "t.txt", "text/plain", text->str);
  group = plenary_search_group_new_for_source (source, "paix");
  g_assert_cmpuint (plenary_search_group_get_n_matches (group), ==, 1);
  result = group_result (group, 0);
  assert_result_is (result, "paix");

  snippet = plenary_search_result_get_snippet (result);
  /* Cut on both sides at word boundaries, marked with an ellipsis. */
  g_assert_true (g_str_has_prefix (snippet, "…mot "));
  g_assert_true (g_str_has_suffix (snippet, " fin…"));
  g_assert_true (strstr (snippet, "la <paix> & la sécurité") != NULL);
  g_assert_cmpint (g_utf8_strlen (snippet, -1), <=, 2 * 50 + 4 + 2);

  markup = plenary_search_result_dup_snippet_markup (result);
  g_assert_true (strstr (markup, "la &lt;<b>paix</b>&gt; &amp; la") != NULL);
}

static PlenarySource *
import_seed (PlenaryDraft *draft,
             const char   *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("PLENARY_SOURCE_ROOT"), "seeds", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlenarySource *source = plenary_source_importer_import (draft, file, NULL, &error);

  g_assert_no_error (error);
  return source;
}

static PlenaryDraft *
seed_draft (void)
{
  static const char * const names[] = {
    "000_0882e61f787c078d.txt", "001_1c1f41223b4ddfa0.txt",
    "003_02727d1e409e598a.txt", "004_e23f8f3402c5b63b.txt",
  };
  PlenaryDraft *draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(PlenarySource) source = import_seed (draft, names[i]);

      g_list_store_append (plenary_draft_get_sources (draft), source);
    }
  return draft;
}

static guint
count_folded (const char *text,
              const char *folded_word)
{
  g_autofree char *folded = plenary_search_fold (text);
  guint n = 0;

  for (const char *p = strstr (folded, folded_word); p != NULL; p = strstr (p + 1, folded_word))
    n++;
  return n;
}

static void
test_seeds_rare_and_common (void)
{
  g_autoptr(PlenaryDraft) draft = seed_draft ();
  GListModel *sources = G_LIST_MODEL (plenary_draft_get_sources (draft));
  g_autoptr(PlenarySourceSearch) search = plenary_source_search_new (sources);
  g_autoptr(PlenarySearchGroup) group = NULL;
  g_autoptr(PlenarySearchResult) result = NULL;
  guint total = 0;
  guint previous = G_MAXUINT;

  /* Rare: one source, one passage. */
  plenary_source_search_set_query (search, "scandiucci");
  plenary_source_search_run (search);
  g_assert_true (plenary_source_search_get_complete (search));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (search)), ==, 1);
  g_assert_cmpuint (plenary_source_search_get_n_matches (search), ==, 1);
  group = g_list_model_get_item (G_LIST_MODEL (search), 0);
  g_assert_cmpstr (plenary_source_get_origin (plenary_search_group_get_source (group)), ==,
                   "000_0882e61f787c078d.txt");
  result = group_result (group, 0);
  assert_result_is (result, "Scandiucci");
  g_assert_true (strstr (plenary_search_result_get_snippet (result), "José Gilberto Scandiucci") != NULL);
  g_assert_cmpuint (plenary_search_result_get_page (result), ==, 0);
  g_clear_object (&group);
  g_clear_object (&result);

  /* Common, accents dropped: every source, ranked by number of matches. */
  plenary_source_search_set_query (search, "COOPERATION");
  g_assert_false (plenary_source_search_get_complete (search));
  plenary_source_search_run (search);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (search)), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(PlenarySearchGroup) g = g_list_model_get_item (G_LIST_MODEL (search), i);
      PlenarySource *source = plenary_search_group_get_source (g);
      guint n = plenary_search_group_get_n_matches (g);
      g_autoptr(PlenarySearchResult) last = NULL;

      /* Every "coopération" of the source, and nothing else. */
      g_assert_cmpuint (n, ==, count_folded (plenary_source_get_text (source), "cooperation"));
      g_assert_cmpuint (n, ==, g_list_model_get_n_items (G_LIST_MODEL (g)));
      g_assert_cmpuint (n, <=, previous);
      previous = n;
      total += n;

      last = group_result (g, n - 1);
      {
        const char *text = plenary_source_get_text (source);
        g_autofree char *word = cp_slice (text, plenary_search_result_get_start (last),
                                          plenary_search_result_get_end (last));
        g_autofree char *folded = plenary_search_fold (word);

        g_assert_cmpstr (folded, ==, "cooperation");
      }
    }
  g_assert_cmpuint (total, ==, plenary_source_search_get_n_matches (search));
  g_assert_cmpuint (total, >, 20);
}

static void
test_ranking (void)
{
  g_autoptr(GListStore) store = g_list_store_new (PLENARY_TYPE_SOURCE);
  g_autoptr(PlenarySource) a = plenary_source_new ("a", "Notes diverses", "a.txt", "text/plain",
                                                   "Une paix durable.");
  g_autoptr(PlenarySource) b = plenary_source_new ("b", "Rapport", "b.txt", "text/plain",
                                                   "Paix, paix et encore paix.");
  g_autoptr(PlenarySource) c = plenary_source_new ("c", "Sur la paix", "c.txt", "text/plain",
                                                   "La paix des braves.");
  g_autoptr(PlenarySource) d = plenary_source_new ("d", "Rien", "d.txt", "text/plain",
                                                   "Aucun rapport.");
  g_autoptr(PlenarySourceSearch) search = NULL;
  const char *expected[] = { "b", "c", "a" };

  g_list_store_append (store, a);
  g_list_store_append (store, b);
  g_list_store_append (store, c);
  g_list_store_append (store, d);

  search = plenary_source_search_new (G_LIST_MODEL (store));
  plenary_source_search_set_query (search, "paix");
  plenary_source_search_run (search);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (search)), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PlenarySearchGroup) g = g_list_model_get_item (G_LIST_MODEL (search), i);

      g_assert_cmpstr (plenary_source_get_id (plenary_search_group_get_source (g)), ==, expected[i]);
    }
  {
    g_autoptr(PlenarySearchGroup) g = g_list_model_get_item (G_LIST_MODEL (search), 1);

    g_assert_true (plenary_search_group_get_title_match (g));
  }
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  guint *n_added = user_data;

  *n_added += added;
}

static void
test_progressive (void)
{
  g_autoptr(GListStore) store = g_list_store_new (PLENARY_TYPE_SOURCE);
  g_autoptr(PlenarySourceSearch) search = NULL;
  guint n_added = 0;
  guint steps = 0;

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autoptr(GString) text = g_string_new ("Début. ");
      g_autoptr(PlenarySource) source = NULL;

      /* Source i holds i matches: the ranking reverses the order. */
      for (guint j = 0; j < i; j++)
        g_string_append (text, "Les États membres. ");
      source = plenary_source_new (id, id, "x.txt", "text/plain", text->str);
      g_list_store_append (store, source);
    }

  search = plenary_source_search_new (G_LIST_MODEL (store));
  g_signal_connect (search, "items-changed", G_CALLBACK (on_items_changed), &n_added);
  plenary_source_search_set_query (search, "états membres");

  /* Batches of three sources: results arrive as the scan goes. */
  g_assert_true (plenary_source_search_step (search, 3));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (search)), ==, 2);
  g_assert_false (plenary_source_search_get_complete (search));
  while (plenary_source_search_step (search, 3))
    steps++;
  g_assert_cmpuint (steps, ==, 2);
  g_assert_true (plenary_source_search_get_complete (search));
  g_assert_cmpuint (n_added, ==, 9);
  g_assert_cmpuint (plenary_source_search_get_n_matches (search), ==, 45);

  for (guint i = 0; i < 9; i++)
    {
      g_autoptr(PlenarySearchGroup) g = g_list_model_get_item (G_LIST_MODEL (search), i);

      g_assert_cmpuint (plenary_search_group_get_n_matches (g), ==, 9 - i);
    }

  /* From the main loop, as the UI gets it. */
  plenary_source_search_set_query (search, "début");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (search)), ==, 0);
  while (!plenary_source_search_get_complete (search))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (search)), ==, 10);

  /* A source removed: the query runs again without it. */
  g_list_store_remove (store, 9);
  plenary_source_search_run (search);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (search)), ==, 9);
  g_assert_cmpstr (plenary_source_search_get_query (search), ==, "début");

  plenary_source_search_set_query (search, "");
  g_assert_true (plenary_source_search_get_complete (search));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (search)), ==, 0);
}

static void
test_pages (void)
{
  g_autoptr(PlenarySource) source =
    plenary_source_new ("s1", "PDF", "r.pdf", "application/pdf",
                        "Page un : la paix.\nPage deux : encore la paix.");
  const gint64 starts[] = { 0, 19 };
  g_autoptr(PlenarySearchGroup) group = NULL;
  g_autoptr(PlenarySearchResult) first = NULL;
  g_autoptr(PlenarySearchResult) second = NULL;

  plenary_source_set_page_starts (source, starts, 2);
  group = plenary_search_group_new_for_source (source, "paix");
  first = group_result (group, 0);
  second = group_result (group, 1);
  g_assert_cmpuint (plenary_search_result_get_page (first), ==, 1);
  g_assert_cmpuint (plenary_search_result_get_page (second), ==, 2);
  /* The snippet stays within its line. */
  g_assert_cmpstr (plenary_search_result_get_snippet (second), ==, "Page deux : encore la paix.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sources/search/fold", test_fold);
  g_test_add_func ("/sources/search/accents-and-case", test_accents_and_case);
  g_test_add_func ("/sources/search/decomposed-text", test_decomposed_text);
  g_test_add_func ("/sources/search/unicode-variants", test_unicode_variants);
  g_test_add_func ("/sources/search/phrase-and-word-start", test_phrase_and_word_start);
  g_test_add_func ("/sources/search/snippet", test_snippet);
  g_test_add_func ("/sources/search/seeds-rare-and-common", test_seeds_rare_and_common);
  g_test_add_func ("/sources/search/ranking", test_ranking);
  g_test_add_func ("/sources/search/progressive", test_progressive);
  g_test_add_func ("/sources/search/pages", test_pages);

  return g_test_run ();
}
