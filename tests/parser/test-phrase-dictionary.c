/* test-phrase-dictionary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "plenary-phrase-dictionary.h"

static void
test_counts (void)
{
  static const char *languages[] = { "fr", "en" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      PlenaryPhraseDictionary *dict = plenary_phrase_dictionary_get_default (languages[l]);
      GListModel *entries = plenary_phrase_dictionary_get_entries (dict);
      guint n = g_list_model_get_n_items (entries);

      g_assert_cmpstr (plenary_phrase_dictionary_get_language (dict), ==, languages[l]);
      g_assert_cmpuint (plenary_phrase_dictionary_count_group (dict, PLENARY_PHRASE_GROUP_PREAMBULAR), >=, 60);
      g_assert_cmpuint (plenary_phrase_dictionary_count_group (dict, PLENARY_PHRASE_GROUP_OPERATIVE), >=, 60);
      g_assert_cmpuint (plenary_phrase_dictionary_count_group (dict, PLENARY_PHRASE_GROUP_CLOSING), >=, 2);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PlenaryPhraseEntry) entry = g_list_model_get_item (entries, i);
          const char *phrase = plenary_phrase_entry_get_phrase (entry);
          const char *example = plenary_phrase_entry_get_example (entry);
          g_autofree char *stem = g_strndup (phrase, strcspn (phrase, " "));
          PlenaryPhraseMatch match;

          /* Every example starts with one form of its own phrase and is
           * recognised as that entry. */
          g_assert_cmpuint (strlen (example), >, strlen (phrase));
          g_assert_true (plenary_phrase_dictionary_match (dict, example, &match));
          g_assert_cmpstr (match.entry != NULL ? plenary_phrase_entry_get_phrase (match.entry) : example, ==, phrase);
          g_assert_nonnull (plenary_phrase_entry_get_snippet (entry));
          g_assert_true (g_str_has_prefix (example, stem) || match.form != PLENARY_FORM_M);
        }

      /* The same object comes back: the dictionary is cached. */
      g_assert_true (dict == plenary_phrase_dictionary_get_default (languages[l]));
    }

  /* "fr_FR.UTF-8" is French. */
  g_assert_true (plenary_phrase_dictionary_get_default ("fr_FR.UTF-8") ==
                 plenary_phrase_dictionary_get_default ("fr"));
}

static void
assert_match (PlenaryPhraseDictionary *dict,
              const char              *text,
              const char              *phrase,
              PlenaryPhraseGroup       group)
{
  PlenaryPhraseMatch match;

  g_assert_true (plenary_phrase_dictionary_match (dict, text, &match));
  g_assert_cmpint (match.group, ==, group);
  g_assert_cmpuint (match.length, ==, strlen (phrase));
  g_assert_cmpint (strncmp (text, phrase, match.length), ==, 0);
}

static void
test_longest_match (void)
{
  PlenaryPhraseDictionary *fr = plenary_phrase_dictionary_get_default ("fr");
  PlenaryPhraseDictionary *en = plenary_phrase_dictionary_get_default ("en");
  PlenaryPhraseMatch match;

  assert_match (fr, "Notant avec préoccupation la hausse du chômage,", "Notant avec préoccupation", PLENARY_PHRASE_GROUP_PREAMBULAR);
  assert_match (fr, "Notant la hausse du chômage,", "Notant", PLENARY_PHRASE_GROUP_PREAMBULAR);
  assert_match (fr, "Prie instamment les États de ratifier la Convention ;", "Prie instamment", PLENARY_PHRASE_GROUP_OPERATIVE);
  assert_match (fr, "Prie le Secrétaire général de lui faire rapport ;", "Prie", PLENARY_PHRASE_GROUP_OPERATIVE);
  assert_match (fr, "Se félicitant de l'adoption de la stratégie,", "Se félicitant de", PLENARY_PHRASE_GROUP_PREAMBULAR);
  assert_match (fr, "Décide de rester saisi de la question.", "Décide de rester saisi de la question", PLENARY_PHRASE_GROUP_CLOSING);
  assert_match (fr, "Décide de créer un groupe de travail ;", "Décide", PLENARY_PHRASE_GROUP_OPERATIVE);
  assert_match (en, "Decides to remain seized of the matter.", "Decides to remain seized of the matter", PLENARY_PHRASE_GROUP_CLOSING);
  assert_match (en, "Noting with concern the digital divide,", "Noting with concern", PLENARY_PHRASE_GROUP_PREAMBULAR);
  assert_match (en, "Calls upon all States to act;", "Calls upon", PLENARY_PHRASE_GROUP_OPERATIVE);

  /* "de" contracted: "Se félicitant du rapport" still opens with the phrase. */
  assert_match (fr, "Se félicitant du rapport,", "Se félicitant", PLENARY_PHRASE_GROUP_PREAMBULAR);
  g_assert_true (plenary_phrase_dictionary_match (fr, "Prend note des travaux ;", &match));
  g_assert_cmpstr (plenary_phrase_entry_get_phrase (match.entry), ==, "Prend note de");

  /* Typographic apostrophe. */
  assert_match (fr, "S’inspirant de la Charte,", "S’inspirant de", PLENARY_PHRASE_GROUP_PREAMBULAR);

  /* Feminine and plural forms belong to the same entry. */
  g_assert_true (plenary_phrase_dictionary_match (fr, "Profondément préoccupée par la situation,", &match));
  g_assert_cmpint (match.form, ==, PLENARY_FORM_F);
  g_assert_cmpstr (plenary_phrase_entry_get_phrase (match.entry), ==, "Profondément préoccupé par");
  g_assert_cmpuint (match.length, ==, strlen ("Profondément préoccupée par"));
  g_assert_true (plenary_phrase_dictionary_match (fr, "Profondément préoccupés par la situation,", &match));
  g_assert_cmpint (match.form, ==, PLENARY_FORM_MP);

  /* The first letter may be lower case, the rest must be exact. */
  assert_match (fr, "prie instamment les États", "prie instamment", PLENARY_PHRASE_GROUP_OPERATIVE);
  assert_match (fr, "Prie Instamment les États", "Prie", PLENARY_PHRASE_GROUP_OPERATIVE);

  /* Whole words only. */
  g_assert_false (plenary_phrase_dictionary_match (fr, "Décidera de", NULL));
  g_assert_false (plenary_phrase_dictionary_match (fr, "Notante", NULL));
  g_assert_false (plenary_phrase_dictionary_match (fr, "Se positionnant avec détermination", NULL));
  g_assert_false (plenary_phrase_dictionary_match (fr, "", NULL));
  assert_match (fr, "Décide, en outre, de", "Décide", PLENARY_PHRASE_GROUP_OPERATIVE);
}

static void
test_agreement (void)
{
  PlenaryPhraseDictionary *fr = plenary_phrase_dictionary_get_default ("fr");
  PlenaryPhraseDictionary *en = plenary_phrase_dictionary_get_default ("en");
  PlenaryPhraseEntry *concerned = plenary_phrase_dictionary_find_entry (fr, "Profondément préoccupé par");
  PlenaryPhraseEntry *seized = plenary_phrase_dictionary_find_entry (fr, "Décide de rester saisi de la question");
  PlenaryPhraseEntry *prie = plenary_phrase_dictionary_find_entry (fr, "Prie");
  PlenaryGender gender;
  PlenaryNumber number;
  g_autofree char *snippet = NULL;

  g_assert_nonnull (concerned);
  g_assert_nonnull (seized);
  g_assert_nonnull (prie);

  g_assert_true (plenary_phrase_dictionary_lookup_body (fr, "Assemblée générale", &gender, &number));
  g_assert_cmpint (gender, ==, PLENARY_GENDER_FEMININE);
  g_assert_cmpint (number, ==, PLENARY_NUMBER_SINGULAR);
  g_assert_cmpstr (plenary_phrase_dictionary_agree (fr, concerned, gender, number), ==, "Profondément préoccupée par");
  g_assert_cmpstr (plenary_phrase_dictionary_agree (fr, seized, gender, number), ==, "Décide de rester saisie de la question");

  g_assert_true (plenary_phrase_dictionary_lookup_body (fr, "Conseil de sécurité", &gender, &number));
  g_assert_cmpint (gender, ==, PLENARY_GENDER_MASCULINE);
  g_assert_cmpstr (plenary_phrase_dictionary_agree (fr, concerned, gender, number), ==, "Profondément préoccupé par");

  g_assert_true (plenary_phrase_dictionary_lookup_body (fr, "Les Hautes Parties contractantes", &gender, &number));
  g_assert_cmpint (number, ==, PLENARY_NUMBER_PLURAL);
  g_assert_cmpstr (plenary_phrase_dictionary_agree (fr, concerned, gender, number), ==, "Profondément préoccupées par");
  g_assert_cmpstr (plenary_phrase_dictionary_agree (fr, prie, gender, number), ==, "Prient");

  g_assert_true (plenary_phrase_dictionary_lookup_body (fr, "Les États parties", &gender, &number));
  g_assert_cmpstr (plenary_phrase_dictionary_agree (fr, concerned, gender, number), ==, "Profondément préoccupés par");

  /* Bodies known by their first word. */
  g_assert_true (plenary_phrase_dictionary_lookup_body (fr, "Commission de la condition de la femme", &gender, &number));
  g_assert_cmpint (gender, ==, PLENARY_GENDER_FEMININE);
  g_assert_true (plenary_phrase_dictionary_lookup_body (fr, "Comité des droits de l'enfant", &gender, &number));
  g_assert_cmpint (gender, ==, PLENARY_GENDER_MASCULINE);
  g_assert_true (plenary_phrase_dictionary_lookup_body (fr, "Conférence internationale du Travail", &gender, &number));
  g_assert_cmpint (gender, ==, PLENARY_GENDER_FEMININE);
  g_assert_false (plenary_phrase_dictionary_lookup_body (fr, "Organisation mondiale", &gender, &number));

  g_assert_cmpstr (plenary_phrase_dictionary_get_opening (fr, "Assemblée générale"), ==, "L'Assemblée générale,");
  g_assert_cmpstr (plenary_phrase_dictionary_body_for_opening (fr, "Le Conseil de sécurité,"), ==, "Conseil de sécurité");
  g_assert_true (plenary_phrase_dictionary_lookup_body (en, "Security Council", &gender, &number));
  g_assert_cmpstr (plenary_phrase_dictionary_get_opening (en, "General Assembly"), ==, "The General Assembly,");

  /* The snippet starts with the agreeing form and has tab stops. */
  snippet = plenary_phrase_dictionary_dup_snippet (fr, concerned, PLENARY_GENDER_FEMININE, PLENARY_NUMBER_SINGULAR);
  g_assert_true (g_str_has_prefix (snippet, "Profondément préoccupée par ${1:"));
  g_assert_true (g_str_has_suffix (snippet, ","));
  g_clear_pointer (&snippet, g_free);

  snippet = plenary_phrase_dictionary_dup_snippet (fr, prie, PLENARY_GENDER_FEMININE, PLENARY_NUMBER_SINGULAR);
  g_assert_cmpstr (snippet, ==,
                   "Prie le Secrétaire général de lui présenter, à sa ${1:quatre-vingtième} session, "
                   "un rapport sur ${2:l'application de la présente résolution}\u00a0;");
}

static void
test_french_snippets_nbsp (void)
{
  PlenaryPhraseDictionary *fr = plenary_phrase_dictionary_get_default ("fr");
  GListModel *entries = plenary_phrase_dictionary_get_entries (fr);

  /* French final text wants a no-break space before ";" and ":". */
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PlenaryPhraseEntry) entry = g_list_model_get_item (entries, i);
      const char *texts[] = { plenary_phrase_entry_get_example (entry), plenary_phrase_entry_get_snippet (entry) };

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_assert_null (strstr (texts[t], " ;"));
          g_assert_null (strstr (texts[t], " :"));
          if (plenary_phrase_entry_get_group (entry) == PLENARY_PHRASE_GROUP_OPERATIVE)
            g_assert_true (g_str_has_suffix (texts[t], "\u00a0;"));
        }
    }
}

static void
test_user_phrases (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "plenary", "phrases", NULL);
  g_autofree char *path = g_build_filename (dir, "fr.json", NULL);
  g_auto(GStrv) languages = NULL;
  const char *user_file =
    "{\n"
    "  \"entries\": [\n"
    "    { \"group\": \"operative\", \"phrase\": \"Initie\", \"example\": \"Initie la réflexion sur la question\u00a0;\" },\n"
    "    { \"group\": \"preambular\", \"phrase\": \"Notant\", \"example\": \"Notant, à regret, la situation,\" }\n"
    "  ],\n"
    "  \"bodies\": [ { \"name\": \"Parlement des jeunes\", \"gender\": \"masculine\", \"number\": \"singular\", \"opening\": \"Le Parlement des jeunes,\" } ]\n"
    "}\n";
  PlenaryPhraseDictionary *dict;
  PlenaryPhraseDictionary *builtin_count_source;
  PlenaryPhraseMatch match;
  PlenaryGender gender;
  guint before;

  builtin_count_source = plenary_phrase_dictionary_get_default ("fr");
  before = g_list_model_get_n_items (plenary_phrase_dictionary_get_entries (builtin_count_source));
  g_assert_false (plenary_phrase_dictionary_match (builtin_count_source, "Initie la réflexion", NULL));

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, user_file, -1, NULL));

  plenary_phrase_dictionary_clear_cache ();
  /* Forgotten, then loaded again when asked for (the header form waits for it). */
  g_assert_false (plenary_phrase_dictionary_has_default ("fr_FR"));
  dict = plenary_phrase_dictionary_get_default ("fr");
  g_assert_true (plenary_phrase_dictionary_has_default ("fr_FR"));
  g_assert_false (plenary_phrase_dictionary_has_default ("es"));

  /* One entry added, one replaced. */
  g_assert_cmpuint (g_list_model_get_n_items (plenary_phrase_dictionary_get_entries (dict)), ==, before + 1);
  g_assert_true (plenary_phrase_dictionary_match (dict, "Initie la réflexion", &match));
  g_assert_cmpint (match.group, ==, PLENARY_PHRASE_GROUP_OPERATIVE);
  g_assert_cmpstr (plenary_phrase_entry_get_example (plenary_phrase_dictionary_find_entry (dict, "Notant")), ==,
                   "Notant, à regret, la situation,");
  /* Built-in phrases are still there. */
  g_assert_true (plenary_phrase_dictionary_match (dict, "Notant avec préoccupation la", &match));
  g_assert_cmpuint (match.length, ==, strlen ("Notant avec préoccupation"));
  g_assert_true (plenary_phrase_dictionary_lookup_body (dict, "Parlement des jeunes", &gender, NULL));
  g_assert_cmpint (gender, ==, PLENARY_GENDER_MASCULINE);
  g_assert_true (plenary_phrase_dictionary_lookup_body (dict, "Assemblée générale", NULL, NULL));

  /* A user file for a new language makes the language available. */
  g_free (path);
  path = g_build_filename (dir, "es.json", NULL);
  g_assert_true (g_file_set_contents (path,
                                      "{ \"language\": \"es\", \"entries\": [ { \"group\": \"operative\", \"phrase\": \"Decide\", \"example\": \"Decide establecer un grupo;\" } ] }",
                                      -1, NULL));
  languages = plenary_phrase_dictionary_list_languages ();
  g_assert_true (g_strv_contains ((const char * const *)languages, "es"));
  g_assert_true (g_strv_contains ((const char * const *)languages, "fr"));
  g_assert_true (g_strv_contains ((const char * const *)languages, "en"));
  g_assert_true (plenary_phrase_dictionary_match (plenary_phrase_dictionary_get_default ("es"),
                                                  "Decide establecer", NULL));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_free (path);
  path = g_build_filename (dir, "fr.json", NULL);
  g_assert_cmpint (g_remove (path), ==, 0);
  plenary_phrase_dictionary_clear_cache ();
}

static void
test_invalid (void)
{
  g_autoptr(GError) error = NULL;
  PlenaryPhraseDictionary *dict;

  dict = plenary_phrase_dictionary_new_from_data ("fr", "{ \"entries\": 3 }", -1, &error);
  g_assert_null (dict);
  g_assert_error (error, PLENARY_PHRASE_DICTIONARY_ERROR, PLENARY_PHRASE_DICTIONARY_ERROR_INVALID);
  g_clear_error (&error);

  dict = plenary_phrase_dictionary_new_from_data ("fr", "{ \"entries\": [ { \"phrase\": \"Décide\", \"group\": \"final\" } ] }", -1, &error);
  g_assert_null (dict);
  g_assert_error (error, PLENARY_PHRASE_DICTIONARY_ERROR, PLENARY_PHRASE_DICTIONARY_ERROR_INVALID);
  g_clear_error (&error);

  dict = plenary_phrase_dictionary_new_from_data ("fr", "not json", -1, &error);
  g_assert_null (dict);
  g_assert_error (error, PLENARY_PHRASE_DICTIONARY_ERROR, PLENARY_PHRASE_DICTIONARY_ERROR_INVALID);
}

static void
test_heuristics (void)
{
  PlenaryPhraseDictionary *fr = plenary_phrase_dictionary_get_default ("fr");
  PlenaryPhraseDictionary *en = plenary_phrase_dictionary_get_default ("en");

  g_assert_cmpuint (plenary_phrase_dictionary_participle_length (fr, "Se positionnant avec détermination"), ==,
                    strlen ("Se positionnant"));
  g_assert_cmpuint (plenary_phrase_dictionary_participle_length (fr, "Observant que"), ==, strlen ("Observant"));
  g_assert_cmpuint (plenary_phrase_dictionary_participle_length (fr, "Cependant, la situation"), ==, 0);
  g_assert_cmpuint (plenary_phrase_dictionary_participle_length (fr, "Initie la réflexion"), ==, 0);
  g_assert_cmpuint (plenary_phrase_dictionary_participle_length (en, "Highlighting the need"), ==, strlen ("Highlighting"));
  g_assert_cmpuint (plenary_phrase_dictionary_participle_length (en, "During the session"), ==, 0);
  g_assert_cmpuint (plenary_phrase_dictionary_verb_length (fr, "Initie la réflexion"), ==, strlen ("Initie"));
  g_assert_cmpuint (plenary_phrase_dictionary_verb_length (fr, "La situation"), ==, 0);
  g_assert_cmpuint (plenary_phrase_dictionary_verb_length (en, "Highlights the need"), ==, strlen ("Highlights"));
  g_assert_true (plenary_phrase_dictionary_is_opening (fr, "L'Assemblée générale,", strlen ("L'Assemblée générale,")));
  g_assert_true (plenary_phrase_dictionary_is_opening (fr, "La Commission de la condition de la femme,", strlen ("La Commission de la condition de la femme,")));
  g_assert_true (plenary_phrase_dictionary_is_opening (en, "The Security Council,", strlen ("The Security Council,")));
  g_assert_false (plenary_phrase_dictionary_is_opening (fr, "Considérant que la paix,", strlen ("Considérant que la paix,")));
  g_assert_false (plenary_phrase_dictionary_is_opening (fr, "L'Assemblée générale", strlen ("L'Assemblée générale")));
  g_assert_false (plenary_phrase_dictionary_is_opening (fr, "La situation étant grave,", strlen ("La situation étant grave,")));
  g_assert_true (plenary_phrase_dictionary_is_opening (fr, "Nous, chefs d'État et de gouvernement,", strlen ("Nous, chefs d'État et de gouvernement,")));
  g_assert_true (plenary_phrase_dictionary_is_opening (en, "The Committee on the Rights of the Child,", strlen ("The Committee on the Rights of the Child,")));
  g_assert_false (plenary_phrase_dictionary_get_enclosed_markers (fr));
  g_assert_true (plenary_phrase_dictionary_get_enclosed_markers (en));
  g_assert_true (plenary_phrase_dictionary_get_french_spacing (fr));
  g_assert_false (plenary_phrase_dictionary_get_french_spacing (en));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/phrase-dictionary/counts", test_counts);
  g_test_add_func ("/phrase-dictionary/longest-match", test_longest_match);
  g_test_add_func ("/phrase-dictionary/agreement", test_agreement);
  g_test_add_func ("/phrase-dictionary/french-snippets", test_french_snippets_nbsp);
  g_test_add_func ("/phrase-dictionary/user-phrases", test_user_phrases);
  g_test_add_func ("/phrase-dictionary/invalid", test_invalid);
  g_test_add_func ("/phrase-dictionary/heuristics", test_heuristics);

  return g_test_run ();
}
