/* test-spell-checker.c: the spelling of a draft, with the system's hunspell
 * dictionaries through enchant-2.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "plenary-spell-checker.h"

/* The misspelt words of TEXT, joined by "|". */
static char *
misspelt (PlenarySpellChecker *checker,
          const char          *text)
{
  g_autoptr(GArray) ranges = plenary_spell_checker_check_text (checker, text, -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < ranges->len; i++)
    {
      PlenarySpellRange *range = &g_array_index (ranges, PlenarySpellRange, i);

      if (out->len > 0)
        g_string_append_c (out, '|');
      g_string_append_len (out, text + range->start, range->end - range->start);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_french (void)
{
  g_autoptr(PlenarySpellChecker) checker = plenary_spell_checker_new ("fr");
  g_autofree char *found = NULL;

  g_assert_true (plenary_spell_checker_has_dictionary (checker));
  found = misspelt (checker,
                    "Notant avec préocupation que l’Assemblée générale, dans sa résolution "
                    "A/RES/77/1 et le document A/C.3/80/L.7, a prié le Secrétaire général "
                    "qu’il présente un rapport à l’UNESCO et à l'ECOSOC ; S/RES/2758 (2024).");
  g_assert_cmpstr (found, ==, "préocupation");

  g_clear_pointer (&found, g_free);
  found = misspelt (checker, "Réaffirmant la résolutoin « sur les droits » de la Türkiye, coparrainée par les sous-alinéas a) et b).");
  g_assert_cmpstr (found, ==, "résolutoin");
}

static void
test_english (void)
{
  g_autoptr(PlenarySpellChecker) checker = plenary_spell_checker_new ("en");
  g_autofree char *found = NULL;

  g_assert_true (plenary_spell_checker_has_dictionary (checker));
  /* UN English: Oxford -ize, and the words of the shipped list. */
  found = misspelt (checker,
                    "Recognizing the role of the Organization and the Council’s intersessional "
                    "work on the operationalization of peacebuilding, the Secretary-General "
                    "emphasizes the importance of decolonization in the Plurinational State of "
                    "Bolivia and Türkiye’s gouvernment.");
  g_assert_cmpstr (found, ==, "gouvernment");

  /* Suggestions, best first. */
  {
    g_auto(GStrv) suggestions = plenary_spell_checker_suggest (checker, "gouvernment", 5);

    g_assert_nonnull (suggestions);
    g_assert_true (g_strv_contains ((const char * const *) suggestions, "government"));
  }
}

static void
test_known_ignored_added (void)
{
  g_autoptr(PlenarySpellChecker) checker = plenary_spell_checker_new ("fr");
  const char *known[] = { "Kiribatoa, Zorglandie", "Comité Xylophonique", NULL };
  g_autofree char *found = NULL;

  found = misspelt (checker, "La Zorglandie et le Kiribatoa au Comité xylophonique ; blorf et plimp.");
  g_assert_cmpstr (found, ==, "Zorglandie|Kiribatoa|xylophonique|blorf|plimp");

  /* The header's delegations and the names the draft uses are known. */
  plenary_spell_checker_set_known_texts (checker, known);
  plenary_spell_checker_ignore_word (checker, "blorf");
  plenary_spell_checker_add_word (checker, "plimp");
  g_clear_pointer (&found, g_free);
  found = misspelt (checker, "La Zorglandie et le Kiribatoa au Comité xylophonique ; blorf et plimp.");
  g_assert_cmpstr (found, ==, "");

  /* Added words last: another checker of the language knows them too. */
  {
    g_autoptr(PlenarySpellChecker) other = plenary_spell_checker_new ("fr");

    g_assert_true (plenary_spell_checker_check_word (other, "plimp", -1));
    g_assert_false (plenary_spell_checker_check_word (other, "blorf", -1));
  }
}

static void
test_words (void)
{
  const char *text = "l’Assemblée, « sous-alinéa » (A/C.3/80/L.7) www.un.org 3e ECOSOC's";
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  gsize pos = 0, start, end;

  while (plenary_spell_next_word (text, strlen (text), &pos, &start, &end))
    g_ptr_array_add (words, g_strndup (text + start, end - start));
  g_ptr_array_add (words, NULL);

  g_assert_cmpstrv ((char **) words->pdata,
                    ((const char * const []) { "l’Assemblée", "sous-alinéa", "ECOSOC's", NULL }));
}

/* Empties and removes the folder PATH. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = g_dir_make_tmp ("plenary-spell-XXXXXX", NULL);
  int ret;

  /* A personal dictionary of its own, so that added words start afresh.
   * Not G_TEST_OPTION_ISOLATE_DIRS: it also replaces XDG_DATA_DIRS, where
   * newer enchant (2.8, Debian 13) looks for the system's hunspell dictionaries. */
  g_assert_nonnull (config);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/spell-checker/french", test_french);
  g_test_add_func ("/spell-checker/english", test_english);
  g_test_add_func ("/spell-checker/known-ignored-added", test_known_ignored_added);
  g_test_add_func ("/spell-checker/words", test_words);

  ret = g_test_run ();
  remove_tree (config);
  return ret;
}
