/* test-round-trip.c
 *
 * Property tests: for hundreds of generated drafts (seeded, so a failure can
 * be replayed), print then parse gives the same body, and parse then print
 * gives the same text, in editor text and in plain text, French and English.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plenary-clause-parser.h"
#include "plenary-clause-printer.h"

#define N_CASES 300
#define NBSP "\u00a0"

typedef struct
{
  const char  *language;
  const char  *end_operative;
  const char **first_words;   /* never continue a phrase */
  const char **words;
  const char **participles;   /* not in the dictionary */
  const char **verbs;         /* not in the dictionary */
} Language;

static const char *fr_first[] = { "chaque", "plusieurs", "certains", "tous", "toutes", NULL };
static const char *fr_words[] = {
  "coopération", "internationale", "développement", "durable", "des", "États", "Membres", "travail",
  "numérique", "paix", "sécurité", "régionale", "accès", "à", "l'éducation", "résolution", "78/265",
  "«" NBSP "accord" NBSP "»", "du", "la", "et", "en", "particulier,", "Organisation", "humanitaire", NULL
};
static const char *fr_participles[] = { "Se positionnant", "Relevant", "Insistant", NULL };
static const char *fr_verbs[] = { "Initie", "Incite", NULL };

static const char *en_first[] = { "each", "several", "certain", "all", "both", NULL };
static const char *en_words[] = {
  "cooperation", "international", "development", "sustainable", "of", "States", "Member", "work",
  "digital", "peace", "security", "regional", "access", "to", "education", "resolution", "78/265",
  "\u201cagreement\u201d", "the", "and", "in", "particular,", "Organization", "humanitarian", NULL
};
static const char *en_participles[] = { "Highlighting", "Pointing", NULL };
static const char *en_verbs[] = { "Highlights", "Initiates", NULL };

static const Language languages[] = {
  { "fr", NBSP ";", fr_first, fr_words, fr_participles, fr_verbs },
  { "en", ";", en_first, en_words, en_participles, en_verbs },
};

static const char *
pick (GRand       *rand,
      const char **list)
{
  return list[g_rand_int_range (rand, 0, g_strv_length ((char **)list))];
}

static char *
random_text (GRand          *rand,
             const Language *lang,
             const char     *ending)
{
  GString *text = g_string_new (pick (rand, lang->first_words));
  guint n = g_rand_int_range (rand, 1, 12);

  for (guint i = 0; i < n; i++)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, pick (rand, lang->words));
    }
  g_string_append (text, ending);

  return g_string_free (text, FALSE);
}

static PlenaryPhraseEntry *
random_entry (GRand                   *rand,
              PlenaryPhraseDictionary *dict,
              gboolean                 preambular)
{
  GListModel *entries = plenary_phrase_dictionary_get_entries (dict);

  for (;;)
    {
      g_autoptr(PlenaryPhraseEntry) entry =
        g_list_model_get_item (entries, g_rand_int_range (rand, 0, g_list_model_get_n_items (entries)));

      if ((plenary_phrase_entry_get_group (entry) == PLENARY_PHRASE_GROUP_PREAMBULAR) == preambular)
        return entry;
    }
}

static const char *
random_phrase (GRand                   *rand,
               PlenaryPhraseDictionary *dict,
               const Language          *lang,
               gboolean                 preambular)
{
  if (g_rand_int_range (rand, 0, 8) == 0)
    return pick (rand, preambular ? lang->participles : lang->verbs);

  return plenary_phrase_entry_get_form (random_entry (rand, dict, preambular),
                                        g_rand_int_range (rand, PLENARY_FORM_M, PLENARY_FORM_FP + 1));
}

static void
add_children (GRand            *rand,
              const Language   *lang,
              PlenaryParagraph *parent,
              guint             level)
{
  guint n = level > 2 ? 0 : g_rand_int_range (rand, 0, level == 1 ? 4 : 3);

  if (g_rand_int_range (rand, 0, 2) == 0)
    n = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = random_text (rand, lang, lang->end_operative);
      g_autoptr(PlenaryParagraph) child = plenary_paragraph_new (PLENARY_ROLE_SUBPARAGRAPH, NULL, text);

      plenary_paragraph_append_child (parent, child);
      add_children (rand, lang, child, level + 1);
    }
}

static PlenaryBody *
random_resolution (GRand                   *rand,
                   PlenaryPhraseDictionary *dict,
                   const Language          *lang)
{
  PlenaryBody *body = plenary_body_new ();
  guint n_preambular = g_rand_int_range (rand, 0, 7);
  guint n_operative = g_rand_int_range (rand, 1, 7);

  if (g_rand_int_range (rand, 0, 4) != 0)
    {
      g_auto(GStrv) bodies = plenary_phrase_dictionary_list_bodies (dict);

      plenary_body_set_opening (body, plenary_phrase_dictionary_get_opening (dict, pick (rand, (const char **)bodies)));
    }

  for (guint i = 0; i < n_preambular; i++)
    {
      g_autofree char *text = random_text (rand, lang, ",");
      g_autoptr(PlenaryParagraph) paragraph =
        plenary_paragraph_new (PLENARY_ROLE_PREAMBULAR, random_phrase (rand, dict, lang, TRUE), text);

      plenary_body_append (body, paragraph);
    }

  for (guint i = 0; i < n_operative; i++)
    {
      g_autofree char *text = random_text (rand, lang, i + 1 == n_operative ? "." : lang->end_operative);
      g_autoptr(PlenaryParagraph) paragraph =
        plenary_paragraph_new (PLENARY_ROLE_OPERATIVE, random_phrase (rand, dict, lang, FALSE), text);

      add_children (rand, lang, paragraph, 1);
      plenary_body_append (body, paragraph);
    }

  return body;
}

static PlenaryBody *
random_brief (GRand          *rand,
              const Language *lang)
{
  PlenaryBody *body = plenary_body_new ();
  guint n = g_rand_int_range (rand, 1, 5);

  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      g_autofree char *text = random_text (rand, lang, ".");
      g_autoptr(PlenaryParagraph) intro = plenary_paragraph_new (PLENARY_ROLE_PARAGRAPH, NULL, text);

      plenary_body_append (body, intro);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = random_text (rand, lang, "");
      g_autoptr(PlenaryParagraph) heading = plenary_paragraph_new (PLENARY_ROLE_HEADING, NULL, title);
      guint m = g_rand_int_range (rand, 0, 5);

      for (guint j = 0; j < m; j++)
        {
          gboolean bullet = g_rand_boolean (rand);
          g_autofree char *text = random_text (rand, lang, bullet ? "" : ".");
          g_autoptr(PlenaryParagraph) item =
            plenary_paragraph_new (bullet ? PLENARY_ROLE_BULLET : PLENARY_ROLE_PARAGRAPH, NULL, text);

          plenary_paragraph_append_child (heading, item);
        }
      plenary_body_append (body, heading);
    }

  return body;
}

/* Gives each "N. " at the start of a line another number. */
static char *
scramble_numbers (GRand      *rand,
                  const char *plain,
                  gboolean   *changed)
{
  g_auto(GStrv) lines = g_strsplit (plain, "\n", -1);
  GString *out = g_string_new (NULL);
  guint expected = 0;
  gboolean missing = FALSE, numbered = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_ascii_isdigit (line[0]))
        {
          const char *rest = strchr (line, ' ');
          guint choice = g_rand_int_range (rand, 0, 4);

          expected++;
          /* Same number, a wrong one, none, or ")" instead of "." */
          if (choice == 1)
            {
              guint wrong = g_rand_int_range (rand, 1, 30);

              g_string_append_printf (out, "%u.", wrong);
              *changed |= wrong != expected;
              numbered = TRUE;
            }
          else if (choice == 2)
            {
              missing = TRUE;
              rest++;
            }
          else
            {
              g_string_append_printf (out, choice == 3 ? "%u)" : "%u.", expected);
              numbered = TRUE;
            }
          g_string_append (out, rest);
        }
      else
        g_string_append (out, line);

      if (lines[i + 1] != NULL)
        g_string_append_c (out, '\n');
    }

  /* Text without any number is normal (editor text); a mix is repaired. */
  *changed |= missing && numbered;

  return g_string_free (out, FALSE);
}

static void
assert_round_trip (PlenaryPhraseDictionary *dict,
                   PlenaryBody             *body,
                   PlenaryDraftKind         kind,
                   const char              *language,
                   PlenaryPrintFlags        flags,
                   guint                    seed)
{
  g_autofree char *text = plenary_clause_printer_print (body, kind, language, flags);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(PlenaryBody) parsed = plenary_clause_parser_parse (dict, text, -1, kind, &warnings);
  g_autofree char *reprinted = plenary_clause_printer_print (parsed, kind, language, flags);

  if (!plenary_body_equal (body, parsed))
    g_error ("seed %u, flags %d: the body changed through\n%s", seed, flags, text);
  g_assert_cmpstr (reprinted, ==, text);
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_round_trip (gconstpointer data)
{
  const Language *lang = data;
  PlenaryPhraseDictionary *dict = plenary_phrase_dictionary_get_default (lang->language);
  guint scrambled = 0;

  for (guint seed = 1; seed <= N_CASES; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(PlenaryBody) resolution = random_resolution (rand, dict, lang);
      g_autoptr(PlenaryBody) brief = random_brief (rand, lang);
      g_autofree char *plain = NULL;
      g_autofree char *messy = NULL;
      g_autofree char *normalised = NULL;
      g_autoptr(PlenaryBody) recovered = NULL;
      g_autoptr(GPtrArray) warnings = NULL;
      gboolean changed = FALSE;

      assert_round_trip (dict, resolution, PLENARY_DRAFT_KIND_RESOLUTION, lang->language, PLENARY_PRINT_EDITOR, seed);
      assert_round_trip (dict, resolution, PLENARY_DRAFT_KIND_RESOLUTION, lang->language, PLENARY_PRINT_PLAIN, seed);
      assert_round_trip (dict, resolution, PLENARY_DRAFT_KIND_RESOLUTION, lang->language,
                         PLENARY_PRINT_PLAIN | PLENARY_PRINT_BLANK_LINES, seed);
      assert_round_trip (dict, brief, PLENARY_DRAFT_KIND_BRIEF, lang->language, PLENARY_PRINT_EDITOR, seed);
      assert_round_trip (dict, brief, PLENARY_DRAFT_KIND_BRIEF, lang->language, PLENARY_PRINT_PLAIN, seed);

      /* Wrong or missing numbers: the same body, the numbers normalised,
       * and a warning when something was repaired. */
      plain = plenary_clause_printer_print (resolution, PLENARY_DRAFT_KIND_RESOLUTION, lang->language, PLENARY_PRINT_PLAIN);
      messy = scramble_numbers (rand, plain, &changed);
      recovered = plenary_clause_parser_parse (dict, messy, -1, PLENARY_DRAFT_KIND_RESOLUTION, &warnings);
      if (!plenary_body_equal (resolution, recovered))
        g_error ("seed %u: numbers not recovered in\n%s", seed, messy);
      normalised = plenary_clause_printer_print (recovered, PLENARY_DRAFT_KIND_RESOLUTION, lang->language, PLENARY_PRINT_PLAIN);
      g_assert_cmpstr (normalised, ==, plain);
      g_assert_cmpuint (warnings->len > 0, ==, changed);
      scrambled += changed;
    }

  /* The generator really produced repairs to make. */
  g_assert_cmpuint (scrambled, >, N_CASES / 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/round-trip/fr", &languages[0], test_round_trip);
  g_test_add_data_func ("/round-trip/en", &languages[1], test_round_trip);

  return g_test_run ();
}
