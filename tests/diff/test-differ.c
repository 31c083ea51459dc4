/* test-differ.c — the differ: word diff, paragraph matching, moves, and the
 * property that applying a comparison to the older text gives the newer one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plenary-clause-printer.h"
#include "plenary-differ.h"
#include "plenary-importer.h"
#include "plenary-merge.h"

/* --- generated drafts --------------------------------------------------- */

typedef struct
{
  const char *language;
  const char *opening;
  const char *preambular[6];
  const char *operative[6];
  const char *words[40];
} Vocabulary;

static const Vocabulary vocabularies[] = {
  {
    "fr", "L’Assemblée générale,",
    { "Rappelant", "Notant avec préoccupation", "Réaffirmant", "Consciente",
      "Soulignant", "Prenant note" },
    { "Décide", "Prie", "Encourage", "Demande", "Invite", "Engage" },
    { "l’Organisation", "des", "Nations", "Unies", "les", "États", "Membres", "de",
      "la", "paix", "sécurité", "internationales", "droits", "humains", "à", "en",
      "développement", "durable", "aujourd’hui", "coopération", "régionale", "et",
      "Programme", "2030", "un", "rapport", "Secrétaire", "général", "session",
      "soixante-dix-neuvième", "le", "protection", "enfants", "femmes", "réfugiés",
      "climat", "océans", "au", "du", "sur" },
  },
  {
    "en", "The General Assembly,",
    { "Recalling", "Noting with concern", "Reaffirming", "Aware", "Stressing",
      "Taking note" },
    { "Decides", "Requests", "Encourages", "Calls upon", "Invites", "Urges" },
    { "the", "United", "Nations", "Member", "States", "of", "peace", "and",
      "international", "security", "human", "rights", "to", "in", "sustainable",
      "development", "cooperation", "regional", "Agenda", "2030", "a", "report",
      "Secretary-General", "session", "seventy-ninth", "protection", "children",
      "women", "refugees", "climate", "oceans", "at", "on", "for", "Organization's",
      "with", "by", "an", "all", "its" },
  },
};

static const char *punctuation[] = { ",", ";", ".", ":", " (2024)", "," };

static guint next_id;

static char *
random_text (GRand            *rand,
             const Vocabulary *vocabulary,
             guint             min_words,
             guint             max_words)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, min_words, max_words + 1);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, vocabulary->words[g_rand_int_range (rand, 0, 40)]);
      if (g_rand_int_range (rand, 0, 8) == 0)
        g_string_append (text, punctuation[g_rand_int_range (rand, 0, G_N_ELEMENTS (punctuation))]);
    }
  g_string_append_c (text, g_rand_boolean (rand) ? ',' : ';');

  return g_string_free (text, FALSE);
}

static PlenaryParagraph *
random_paragraph (GRand            *rand,
                  const Vocabulary *vocabulary,
                  PlenaryRole       role,
                  gboolean          ids)
{
  g_autofree char *text = random_text (rand, vocabulary, 0, 30);
  const char *phrase = NULL;
  PlenaryParagraph *paragraph;

  if (role == PLENARY_ROLE_PREAMBULAR && g_rand_int_range (rand, 0, 10) > 0)
    phrase = vocabulary->preambular[g_rand_int_range (rand, 0, 6)];
  else if (role == PLENARY_ROLE_OPERATIVE && g_rand_int_range (rand, 0, 10) > 0)
    phrase = vocabulary->operative[g_rand_int_range (rand, 0, 6)];

  paragraph = plenary_paragraph_new (role, phrase, text);
  if (ids)
    paragraph->id = g_strdup_printf ("p%u", ++next_id);

  return paragraph;
}

static PlenaryBody *
random_body (GRand            *rand,
             const Vocabulary *vocabulary,
             gboolean          ids)
{
  PlenaryBody *body = plenary_body_new ();
  guint n_preambular = g_rand_int_range (rand, 0, 8);
  guint n_operative = g_rand_int_range (rand, 1, 12);

  if (g_rand_int_range (rand, 0, 6) > 0)
    plenary_body_set_opening (body, vocabulary->opening);

  for (guint i = 0; i < n_preambular; i++)
    {
      g_autoptr(PlenaryParagraph) paragraph = random_paragraph (rand, vocabulary, PLENARY_ROLE_PREAMBULAR, ids);

      plenary_body_append (body, paragraph);
    }
  for (guint i = 0; i < n_operative; i++)
    {
      g_autoptr(PlenaryParagraph) paragraph = random_paragraph (rand, vocabulary, PLENARY_ROLE_OPERATIVE, ids);

      if (g_rand_int_range (rand, 0, 4) == 0)
        for (guint k = g_rand_int_range (rand, 1, 4); k > 0; k--)
          {
            g_autoptr(PlenaryParagraph) sub = random_paragraph (rand, vocabulary, PLENARY_ROLE_SUBPARAGRAPH, ids);

            if (g_rand_int_range (rand, 0, 3) == 0)
              {
                g_autoptr(PlenaryParagraph) subsub = random_paragraph (rand, vocabulary, PLENARY_ROLE_SUBPARAGRAPH, ids);

                plenary_paragraph_append_child (sub, subsub);
              }
            plenary_paragraph_append_child (paragraph, sub);
          }
      plenary_body_append (body, paragraph);
    }

  return body;
}

/* A random paragraph list of BODY (top level or some paragraph's children)
 * with at least one paragraph, or NULL. */
static GPtrArray *
random_list (GRand       *rand,
             PlenaryBody *body)
{
  g_autoptr(GPtrArray) flat = plenary_body_flatten (body, NULL);
  PlenaryParagraph *parent;

  if (g_rand_boolean (rand) || flat->len == 0)
    return body->paragraphs->len > 0 ? body->paragraphs : NULL;

  parent = g_ptr_array_index (flat, g_rand_int_range (rand, 0, flat->len));
  return parent->children->len > 0 ? parent->children : NULL;
}

static char *
edit_words (GRand            *rand,
            const Vocabulary *vocabulary,
            const char       *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  guint n = g_strv_length (words);
  guint at = n > 0 ? g_rand_int_range (rand, 0, n) : 0;
  guint kind = g_rand_int_range (rand, 0, 4);

  for (guint i = 0; i < n; i++)
    {
      if (i == at && kind == 0)          /* insert before */
        g_ptr_array_add (out, (char *) vocabulary->words[g_rand_int_range (rand, 0, 40)]);
      if (i == at && kind == 1)          /* delete */
        continue;
      if (i == at && kind == 2)          /* replace */
        {
          g_ptr_array_add (out, (char *) vocabulary->words[g_rand_int_range (rand, 0, 40)]);
          continue;
        }
      g_ptr_array_add (out, words[i]);
      if (i == at && kind == 3)          /* punctuation after */
        g_ptr_array_add (out, (char *) punctuation[g_rand_int_range (rand, 0, G_N_ELEMENTS (punctuation))]);
    }
  if (n == 0)
    g_ptr_array_add (out, (char *) vocabulary->words[g_rand_int_range (rand, 0, 40)]);
  g_ptr_array_add (out, NULL);

  return g_strjoinv (g_rand_boolean (rand) ? " " : "  ", (char **) out->pdata);
}

/* One random edit of BODY, as a delegate makes them. */
static void
random_edit (GRand            *rand,
             const Vocabulary *vocabulary,
             PlenaryBody      *body,
             gboolean          ids)
{
  g_autoptr(GPtrArray) flat = plenary_body_flatten (body, NULL);
  PlenaryParagraph *target = flat->len > 0 ? g_ptr_array_index (flat, g_rand_int_range (rand, 0, flat->len)) : NULL;
  GPtrArray *list = random_list (rand, body);
  guint kind = g_rand_int_range (rand, 0, 10);

  if (target == NULL || list == NULL)
    kind = 5;

  switch (kind)
    {
    case 0: case 1: case 2:
      {
        char *text = edit_words (rand, vocabulary, target->text);

        g_free (target->text);
        target->text = text;
      }
      break;

    case 3:                             /* the phrase */
      g_free (target->phrase);
      if (g_rand_int_range (rand, 0, 3) == 0)
        target->phrase = NULL;
      else
        target->phrase = g_strdup (target->role == PLENARY_ROLE_PREAMBULAR
                                   ? vocabulary->preambular[g_rand_int_range (rand, 0, 6)]
                                   : vocabulary->operative[g_rand_int_range (rand, 0, 6)]);
      break;

    case 4:                             /* delete a paragraph */
      g_ptr_array_remove_index (list, g_rand_int_range (rand, 0, list->len));
      break;

    case 5:                             /* insert a paragraph */
      {
        PlenaryRole role = list == NULL || list == body->paragraphs
                           ? (g_rand_boolean (rand) ? PLENARY_ROLE_PREAMBULAR : PLENARY_ROLE_OPERATIVE)
                           : PLENARY_ROLE_SUBPARAGRAPH;

        if (list == NULL)
          list = body->paragraphs;
        g_ptr_array_insert (list, g_rand_int_range (rand, 0, list->len + 1),
                            random_paragraph (rand, vocabulary, role, ids));
      }
      break;

    case 6: case 7:                     /* move a paragraph in its list */
      {
        guint from = g_rand_int_range (rand, 0, list->len);
        PlenaryParagraph *moved = g_ptr_array_steal_index (list, from);

        g_ptr_array_insert (list, g_rand_int_range (rand, 0, list->len + 1), moved);
      }
      break;

    case 8:                             /* preambular <-> operative */
      {
        PlenaryParagraph *top = g_ptr_array_index (body->paragraphs,
                                                   g_rand_int_range (rand, 0, body->paragraphs->len));

        if (top->role == PLENARY_ROLE_PREAMBULAR)
          top->role = PLENARY_ROLE_OPERATIVE;
        else if (top->role == PLENARY_ROLE_OPERATIVE && top->children->len == 0)
          top->role = PLENARY_ROLE_PREAMBULAR;
      }
      break;

    case 9:                             /* the opening formula */
      if (body->opening != NULL && g_rand_boolean (rand))
        plenary_body_set_opening (body, NULL);
      else
        plenary_body_set_opening (body, g_rand_boolean (rand) ? vocabulary->opening : "Le Conseil de sécurité,");
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
strip_ids (GPtrArray *paragraphs)
{
  for (guint i = 0; i < paragraphs->len; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (paragraphs, i);

      g_clear_pointer (&paragraph->id, g_free);
      strip_ids (paragraph->children);
    }
}

/* The same text, whatever the ids (they are not something a reader sees). */
static gboolean
same_text (PlenaryBody *a,
           PlenaryBody *b)
{
  g_autoptr(PlenaryBody) copy_a = plenary_body_copy (a);
  g_autoptr(PlenaryBody) copy_b = plenary_body_copy (b);

  strip_ids (copy_a->paragraphs);
  strip_ids (copy_b->paragraphs);

  return plenary_body_equal (copy_a, copy_b);
}

static guint64
test_seed (void)
{
  const char *env = g_getenv ("PLENARY_DIFF_SEED");

  return env != NULL ? g_ascii_strtoull (env, NULL, 10) : (guint64) g_random_int ();
}

static char *
describe_body (PlenaryBody *body)
{
  g_autoptr(GArray) levels = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) flat = plenary_body_flatten (body, levels);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "opening: %s\n", body->opening ? body->opening : "(none)");
  for (guint i = 0; i < flat->len; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (flat, i);

      g_string_append_printf (out, "%*s[%s %s] %s | %s\n", 2 * g_array_index (levels, guint, i), "",
                              plenary_role_to_string (paragraph->role),
                              paragraph->id ? paragraph->id : "-",
                              paragraph->phrase ? paragraph->phrase : "", paragraph->text);
    }

  return g_string_free (out, FALSE);
}

/* --- word diff ---------------------------------------------------------- */

static char *
describe_runs (GArray *runs)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < runs->len; i++)
    {
      PlenaryWordRun *run = &g_array_index (runs, PlenaryWordRun, i);

      g_string_append_printf (out, "%s%s%s", run->op == PLENARY_WORD_EQUAL ? "" : run->op == PLENARY_WORD_DELETE ? "[-" : "{+",
                              run->text, run->op == PLENARY_WORD_EQUAL ? "" : run->op == PLENARY_WORD_DELETE ? "-]" : "+}");
    }

  return g_string_free (out, FALSE);
}

static void
assert_word_diff (const char *old_text,
                  const char *new_text,
                  const char *expected)
{
  g_autoptr(GArray) runs = plenary_word_diff (old_text, new_text);
  g_autofree char *described = describe_runs (runs);
  g_autofree char *applied = plenary_word_runs_apply (runs, old_text);

  g_assert_cmpstr (described, ==, expected);
  g_assert_cmpstr (applied, ==, new_text);
}

static void
test_word_diff (void)
{
  /* Whole words, the space going with the inserted words. */
  assert_word_diff ("Decides to promote peace.", "Decides to promote peace and security.",
                    "Decides to promote peace{+ and security+}.");
  /* A word changed by one letter is replaced whole. */
  assert_word_diff ("Requests the Organisation to report",
                    "Requests the Organization to report",
                    "Requests the [-Organisation-]{+Organization+} to report");
  /* No one-letter island between two changes. */
  assert_word_diff ("Decides to adopt a plan of action",
                    "Decides to reject the plan of action",
                    "Decides to [-adopt a-]{+reject the+} plan of action");
  assert_word_diff ("Prie le Secrétaire général de lui faire rapport",
                    "Prie la Haute-Commissaire de lui présenter un rapport",
                    "Prie [-le Secrétaire général-]{+la Haute-Commissaire+} de lui [-faire-]{+présenter un+} rapport");
  /* Elided articles stay with their word. */
  assert_word_diff ("de l’Organisation des Nations Unies",
                    "de l’Union africaine",
                    "de [-l’Organisation des Nations Unies-]{+l’Union africaine+}");
  /* Punctuation is a change of its own. */
  assert_word_diff ("peace and security;", "peace and security.",
                    "peace and security[-;-]{+.+}");
  assert_word_diff ("", "Notes", "{+Notes+}");
  assert_word_diff ("Notes", "", "[-Notes-]");
  assert_word_diff ("same text", "same text", "same text");
}

static void
test_word_diff_random (void)
{
  guint64 seed = test_seed ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  g_test_message ("seed %" G_GUINT64_FORMAT " (PLENARY_DIFF_SEED)", seed);

  for (guint round = 0; round < 3000; round++)
    {
      const Vocabulary *vocabulary = &vocabularies[round % 2];
      g_autofree char *old_text = random_text (rand, vocabulary, 0, 40);
      g_autofree char *new_text = g_strdup (old_text);
      g_autoptr(GArray) runs = NULL;
      g_autofree char *applied = NULL;

      for (guint k = g_rand_int_range (rand, 0, 6); k > 0; k--)
        {
          char *edited = edit_words (rand, vocabulary, new_text);

          g_free (new_text);
          new_text = edited;
        }
      runs = plenary_word_diff (old_text, new_text);
      applied = plenary_word_runs_apply (runs, old_text);
      if (g_strcmp0 (applied, new_text) != 0)
        g_error ("seed %" G_GUINT64_FORMAT ", round %u: «%s» → «%s» gave «%s»",
                 seed, round, old_text, new_text, applied);

      for (guint i = 0; i < runs->len; i++)
        {
          PlenaryWordRun *run = &g_array_index (runs, PlenaryWordRun, i);

          g_assert_cmpstr (run->text, !=, "");
          /* A change never ends or starts inside a word. */
          if (run->op != PLENARY_WORD_EQUAL && i + 1 < runs->len &&
              g_array_index (runs, PlenaryWordRun, i + 1).op == PLENARY_WORD_EQUAL)
            {
              gunichar last = g_utf8_get_char (g_utf8_prev_char (run->text + strlen (run->text)));
              gunichar next = g_utf8_get_char (g_array_index (runs, PlenaryWordRun, i + 1).text);

              if (g_unichar_isalnum (last) && g_unichar_isalnum (next))
                g_error ("seed %" G_GUINT64_FORMAT ", round %u: a change splits a word in «%s» → «%s»",
                         seed, round, old_text, new_text);
            }
          /* No island of one short word or of spaces between two changes. */
          if (run->op == PLENARY_WORD_EQUAL && i > 0 && i + 1 < runs->len)
            {
              g_auto(GStrv) words = plenary_words_split (run->text);

              if (g_strv_length (words) == 0 ||
                  (g_strv_length (words) == 1 && g_utf8_strlen (words[0], -1) <= 3))
                g_error ("seed %" G_GUINT64_FORMAT ", round %u: island «%s» in «%s» → «%s»",
                         seed, round, run->text, old_text, new_text);
            }
        }
    }
}

/* --- paragraphs --------------------------------------------------------- */

static void
assert_applies (PlenaryComparison *comparison,
                PlenaryBody       *old_body,
                PlenaryBody       *new_body,
                guint64            seed,
                guint              round)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenaryBody) applied = plenary_comparison_apply (comparison, old_body, &error);

  if (applied == NULL || !plenary_body_equal (applied, new_body))
    {
      g_autofree char *old_text = describe_body (old_body);
      g_autofree char *new_text = describe_body (new_body);
      g_autofree char *applied_text = applied ? describe_body (applied) : g_strdup (error->message);

      g_error ("seed %" G_GUINT64_FORMAT ", round %u: applying the changes failed\nold:\n%s\nnew:\n%s\napplied:\n%s",
               seed, round, old_text, new_text, applied_text);
    }
}

static void
test_compare_self (void)
{
  guint64 seed = test_seed ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  g_test_message ("seed %" G_GUINT64_FORMAT " (PLENARY_DIFF_SEED)", seed);

  for (guint round = 0; round < 500; round++)
    {
      g_autoptr(PlenaryBody) body = random_body (rand, &vocabularies[round % 2], round % 4 != 0);
      g_autoptr(PlenaryBody) copy = plenary_body_copy (body);
      g_autoptr(PlenaryComparison) comparison = plenary_differ_compare (body, copy, PLENARY_DIFFER_DEFAULT);

      if (!plenary_comparison_is_empty (comparison))
        g_error ("seed %" G_GUINT64_FORMAT ", round %u: a text compared with itself has %u changes",
                 seed, round, plenary_comparison_get_n_changes (comparison));
      assert_applies (comparison, body, copy, seed, round);
    }
}

static void
test_apply_random_edits (void)
{
  guint64 seed = test_seed ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  g_test_message ("seed %" G_GUINT64_FORMAT " (PLENARY_DIFF_SEED)", seed);

  for (guint round = 0; round < 4000; round++)
    {
      const Vocabulary *vocabulary = &vocabularies[round % 2];
      /* Ids kept, no ids, or ids from another draft. */
      guint id_mode = (round / 2) % 3;
      g_autoptr(PlenaryBody) old_body = random_body (rand, vocabulary, id_mode != 1);
      g_autoptr(PlenaryBody) new_body = plenary_body_copy (old_body);
      g_autoptr(PlenaryComparison) comparison = NULL;
      guint edits = g_rand_int_range (rand, 1, 12);

      if (id_mode == 2)
        {
          g_autoptr(GPtrArray) flat = plenary_body_flatten (new_body, NULL);

          for (guint i = 0; i < flat->len; i++)
            {
              PlenaryParagraph *paragraph = g_ptr_array_index (flat, i);

              g_free (paragraph->id);
              paragraph->id = g_strdup_printf ("p%u", flat->len - i);
            }
        }

      for (guint k = 0; k < edits; k++)
        random_edit (rand, vocabulary, new_body, id_mode != 1);

      comparison = plenary_differ_compare (old_body, new_body, PLENARY_DIFFER_DEFAULT);
      assert_applies (comparison, old_body, new_body, seed, round);

      /* Every entry's changes are in the change list, in order. */
      for (guint i = 0, next = 0; i < plenary_comparison_get_n_paragraphs (comparison); i++)
        {
          const PlenaryDiffParagraph *entry = plenary_comparison_get_paragraph (comparison, i);

          g_assert_cmpuint (entry->first_change, ==, next);
          next += entry->n_changes;
        }
      if (same_text (old_body, new_body) != plenary_comparison_is_empty (comparison))
        {
          g_autofree char *old_text = describe_body (old_body);
          g_autofree char *new_text = describe_body (new_body);

          g_error ("seed %" G_GUINT64_FORMAT ", round %u: %u changes\nold:\n%s\nnew:\n%s", seed, round,
                   plenary_comparison_get_n_changes (comparison), old_text, new_text);
        }
    }
}

/* Moving paragraphs (with or without ids, lightly edited or not) gives moves
 * only: nothing deleted and inserted again. */
static void
test_moves (void)
{
  guint64 seed = test_seed ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  g_test_message ("seed %" G_GUINT64_FORMAT " (PLENARY_DIFF_SEED)", seed);

  for (guint round = 0; round < 1000; round++)
    {
      const Vocabulary *vocabulary = &vocabularies[round % 2];
      gboolean ids = round % 3 == 0;
      g_autoptr(PlenaryBody) old_body = plenary_body_new ();
      g_autoptr(PlenaryBody) new_body = NULL;
      g_autoptr(PlenaryComparison) comparison = NULL;
      guint n = g_rand_int_range (rand, 3, 20);
      guint moves = g_rand_int_range (rand, 1, 4);
      gboolean edit = round % 2 == 1;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PlenaryParagraph) paragraph = random_paragraph (rand, vocabulary, PLENARY_ROLE_OPERATIVE, ids);
          char *text = random_text (rand, vocabulary, 12, 30);

          /* Long enough paragraphs that one edit leaves them recognisable. */
          g_free (paragraph->text);
          paragraph->text = text;
          plenary_body_append (old_body, paragraph);
        }
      new_body = plenary_body_copy (old_body);

      for (guint k = 0; k < moves; k++)
        {
          guint from = g_rand_int_range (rand, 0, n);
          PlenaryParagraph *moved = g_ptr_array_steal_index (new_body->paragraphs, from);

          if (edit)
            {
              char *text = edit_words (rand, vocabulary, moved->text);

              g_free (moved->text);
              moved->text = text;
            }
          g_ptr_array_insert (new_body->paragraphs, g_rand_int_range (rand, 0, n), moved);
        }

      comparison = plenary_differ_compare (old_body, new_body, PLENARY_DIFFER_DEFAULT);
      assert_applies (comparison, old_body, new_body, seed, round);
      if (plenary_comparison_count (comparison, PLENARY_CHANGE_PARAGRAPH_INSERTED) != 0 ||
          plenary_comparison_count (comparison, PLENARY_CHANGE_PARAGRAPH_DELETED) != 0 ||
          plenary_comparison_count (comparison, PLENARY_CHANGE_PARAGRAPH_MOVED) > moves)
        {
          g_autofree char *old_text = describe_body (old_body);
          g_autofree char *new_text = describe_body (new_body);

          g_error ("seed %" G_GUINT64_FORMAT ", round %u: %u moves gave %u moved, %u inserted, %u deleted\nold:\n%s\nnew:\n%s",
                   seed, round, moves,
                   plenary_comparison_count (comparison, PLENARY_CHANGE_PARAGRAPH_MOVED),
                   plenary_comparison_count (comparison, PLENARY_CHANGE_PARAGRAPH_INSERTED),
                   plenary_comparison_count (comparison, PLENARY_CHANGE_PARAGRAPH_DELETED),
                   old_text, new_text);
        }
    }
}

static PlenaryBody *
fixed_body (const char *language)
{
  gboolean french = g_str_equal (language, "fr");
  PlenaryBody *body = plenary_body_new ();
  const char *texts[][3] = {
    { "preambular", "Rappelant", "ses résolutions antérieures sur la question," },
    { "preambular", "Notant avec préoccupation", "la situation des réfugiés dans la région," },
    { "operative", "Décide", "de convoquer une réunion de haut niveau en 2026 ;" },
    { "operative", "Prie", "le Secrétaire général de lui présenter un rapport ;" },
    { "operative", "Encourage", "les États Membres à coopérer étroitement ;" },
    { "operative", "Décide", "de demeurer saisie de la question." },
  };
  const char *english[][3] = {
    { "preambular", "Recalling", "its previous resolutions on the question," },
    { "preambular", "Noting with concern", "the situation of refugees in the region," },
    { "operative", "Decides", "to convene a high-level meeting in 2026;" },
    { "operative", "Requests", "the Secretary-General to submit a report;" },
    { "operative", "Encourages", "Member States to cooperate closely;" },
    { "operative", "Decides", "to remain seized of the matter." },
  };

  plenary_body_set_opening (body, french ? "L’Assemblée générale," : "The General Assembly,");
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char **row = french ? texts[i] : english[i];
      PlenaryRole role;
      g_autoptr(PlenaryParagraph) paragraph = NULL;

      g_assert_true (plenary_role_from_string (row[0], &role));
      paragraph = plenary_paragraph_new (role, row[1], row[2]);
      if (i == 3)
        {
          g_autoptr(PlenaryParagraph) a = plenary_paragraph_new (PLENARY_ROLE_SUBPARAGRAPH, NULL,
                                                                 french ? "sur la mise en œuvre ;" : "on the implementation;");
          g_autoptr(PlenaryParagraph) b = plenary_paragraph_new (PLENARY_ROLE_SUBPARAGRAPH, NULL,
                                                                 french ? "sur le financement ;" : "on the financing;");

          plenary_paragraph_append_child (paragraph, a);
          plenary_paragraph_append_child (paragraph, b);
        }
      plenary_body_append (body, paragraph);
    }

  return body;
}

/* Numbers are derived: the same text printed with its numbers "1.", "a)"
 * and read back compares equal, and moving paragraph 1 to the end (all
 * renumbered) is one move. */
static void
test_renumbering (void)
{
  for (guint l = 0; l < 2; l++)
    {
      const char *language = l == 0 ? "fr" : "en";
      g_autoptr(PlenaryBody) body = fixed_body (language);
      g_autofree char *printed = plenary_clause_printer_print (body, PLENARY_DRAFT_KIND_RESOLUTION, language,
                                                                PLENARY_PRINT_PLAIN | PLENARY_PRINT_BLANK_LINES);
      g_autoptr(GError) error = NULL;
      g_autoptr(PlenaryDraft) imported = plenary_importer_import (printed, strlen (printed), "last-year.txt",
                                                                  language, NULL, &error);
      g_autoptr(PlenaryComparison) same = NULL;
      g_autoptr(PlenaryComparison) moved = NULL;
      g_autoptr(PlenaryBody) reordered = plenary_body_copy (body);
      PlenaryParagraph *first;

      g_assert_no_error (error);
      g_assert_nonnull (strstr (printed, "1."));
      same = plenary_differ_compare (body, plenary_draft_get_body (imported), PLENARY_DIFFER_DEFAULT);
      g_assert_cmpuint (plenary_comparison_get_n_changes (same), ==, 0);

      /* Operative paragraph 1 last: every number changes, one move. */
      first = g_ptr_array_steal_index (reordered->paragraphs, 2);
      g_ptr_array_add (reordered->paragraphs, first);
      moved = plenary_differ_compare (body, reordered, PLENARY_DIFFER_DEFAULT);
      g_assert_cmpuint (plenary_comparison_get_n_changes (moved), ==, 1);
      g_assert_cmpint (plenary_comparison_get_change (moved, 0)->kind, ==, PLENARY_CHANGE_PARAGRAPH_MOVED);
    }
}

/* An edited paragraph is matched, its phrase change counts as words, and a
 * paragraph inserted with its sub-paragraphs is one change. */
static void
test_paragraph_changes (void)
{
  g_autoptr(PlenaryBody) old_body = fixed_body ("en");
  g_autoptr(PlenaryBody) new_body = plenary_body_copy (old_body);
  g_autoptr(PlenaryComparison) comparison = NULL;
  g_autoptr(PlenaryParagraph) added = plenary_paragraph_new (PLENARY_ROLE_OPERATIVE, "Urges", "all parties to act;");
  g_autoptr(PlenaryParagraph) added_sub = plenary_paragraph_new (PLENARY_ROLE_SUBPARAGRAPH, NULL, "without delay;");
  PlenaryParagraph *paragraph;
  const PlenaryDiffParagraph *entry;
  guint inserted_entry = G_MAXUINT;

  paragraph = g_ptr_array_index (new_body->paragraphs, 2);
  g_free (paragraph->phrase);
  paragraph->phrase = g_strdup ("Further decides");
  g_free (paragraph->text);
  paragraph->text = g_strdup ("to convene a high-level meeting in 2027;");
  plenary_paragraph_append_child (added, added_sub);
  g_ptr_array_insert (new_body->paragraphs, 4, plenary_paragraph_ref (added));
  g_ptr_array_remove_index (new_body->paragraphs, 1);

  comparison = plenary_differ_compare (old_body, new_body, PLENARY_DIFFER_DEFAULT);
  g_assert_cmpuint (plenary_comparison_count (comparison, PLENARY_CHANGE_WORDS_REPLACED), ==, 2);
  g_assert_cmpuint (plenary_comparison_count (comparison, PLENARY_CHANGE_PARAGRAPH_INSERTED), ==, 1);
  g_assert_cmpuint (plenary_comparison_count (comparison, PLENARY_CHANGE_PARAGRAPH_DELETED), ==, 1);
  g_assert_cmpuint (plenary_comparison_get_n_changes (comparison), ==, 4);

  for (guint i = 0; i < plenary_comparison_get_n_paragraphs (comparison); i++)
    {
      entry = plenary_comparison_get_paragraph (comparison, i);
      if (entry->kind == PLENARY_DIFF_INSERTED && inserted_entry == G_MAXUINT)
        inserted_entry = i;
      if (entry->kind == PLENARY_DIFF_DELETED)
        {
          /* Shown where it was: after the first preambular paragraph. */
          g_assert_cmpstr (entry->old_paragraph->phrase, ==, "Noting with concern");
          g_assert_cmpint (plenary_comparison_get_paragraph (comparison, i - 1)->new_index, ==, 0);
        }
    }
  entry = plenary_comparison_get_paragraph (comparison, inserted_entry);
  g_assert_cmpuint (plenary_comparison_get_change (comparison, entry->first_change)->n_paragraphs, ==, 2);
}

/* Ids pair paragraphs even rewritten; unrelated drafts' "p1" do not. */
static void
test_ids (void)
{
  g_autoptr(PlenaryBody) old_body = fixed_body ("en");
  g_autoptr(PlenaryBody) new_body = NULL;
  g_autoptr(PlenaryBody) other = fixed_body ("fr");
  g_autoptr(PlenaryComparison) comparison = NULL;
  g_autoptr(GPtrArray) flat = plenary_body_flatten (old_body, NULL);
  g_autoptr(GPtrArray) other_flat = plenary_body_flatten (other, NULL);
  PlenaryParagraph *rewritten;

  for (guint i = 0; i < flat->len; i++)
    {
      ((PlenaryParagraph *) g_ptr_array_index (flat, i))->id = g_strdup_printf ("p%u", i + 1);
      ((PlenaryParagraph *) g_ptr_array_index (other_flat, i))->id = g_strdup_printf ("p%u", i + 1);
    }
  new_body = plenary_body_copy (old_body);
  rewritten = g_ptr_array_index (new_body->paragraphs, 3);
  g_free (rewritten->text);
  rewritten->text = g_strdup ("all agencies to submit their plans by March;");

  comparison = plenary_differ_compare (old_body, new_body, PLENARY_DIFFER_DEFAULT);
  g_assert_cmpuint (plenary_comparison_count (comparison, PLENARY_CHANGE_PARAGRAPH_INSERTED), ==, 0);
  g_assert_cmpuint (plenary_comparison_count (comparison, PLENARY_CHANGE_WORDS_REPLACED), >=, 1);
  g_clear_object (&comparison);

  /* Ignoring the ids, the rewritten paragraph is deleted and inserted. */
  comparison = plenary_differ_compare (old_body, new_body, PLENARY_DIFFER_IGNORE_IDS);
  g_assert_cmpuint (plenary_comparison_count (comparison, PLENARY_CHANGE_PARAGRAPH_INSERTED), ==, 1);
  g_clear_object (&comparison);

  /* Two files read apart get "p1", "p2"... in order: with a paragraph
   * gone at the start, every id names the next paragraph; the texts win. */
  {
    g_autoptr(PlenaryBody) shifted = plenary_body_copy (old_body);
    g_autoptr(PlenaryComparison) by_text = NULL;
    g_autoptr(GPtrArray) shifted_flat = NULL;

    g_ptr_array_remove_index (shifted->paragraphs, 0);
    shifted_flat = plenary_body_flatten (shifted, NULL);
    for (guint i = 0; i < shifted_flat->len; i++)
      {
        PlenaryParagraph *paragraph = g_ptr_array_index (shifted_flat, i);

        g_free (paragraph->id);
        paragraph->id = g_strdup_printf ("p%u", i + 1);
      }
    by_text = plenary_differ_compare (old_body, shifted, PLENARY_DIFFER_DEFAULT);
    g_assert_cmpuint (plenary_comparison_get_n_changes (by_text), ==, 1);
    g_assert_cmpuint (plenary_comparison_count (by_text, PLENARY_CHANGE_PARAGRAPH_DELETED), ==, 1);
  }

  /* Same ids, another text: nothing is matched by id. */
  comparison = plenary_differ_compare (old_body, other, PLENARY_DIFFER_DEFAULT);
  g_assert_cmpuint (plenary_comparison_count (comparison, PLENARY_CHANGE_PARAGRAPH_INSERTED), ==,
                    other->paragraphs->len);
}

static void
test_apply_refuses_other_text (void)
{
  g_autoptr(PlenaryBody) old_body = fixed_body ("en");
  g_autoptr(PlenaryBody) new_body = plenary_body_copy (old_body);
  g_autoptr(PlenaryBody) other = fixed_body ("fr");
  g_autoptr(PlenaryComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenaryBody) applied = NULL;
  PlenaryParagraph *paragraph = g_ptr_array_index (new_body->paragraphs, 0);

  g_free (paragraph->text);
  paragraph->text = g_strdup ("its resolution 78/1 on the question,");
  comparison = plenary_differ_compare (old_body, new_body, PLENARY_DIFFER_DEFAULT);
  applied = plenary_comparison_apply (comparison, other, &error);
  g_assert_null (applied);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

/* Hostile texts: two long paragraphs with nothing in common (past the edit
 * budget of the word diff), a paragraph of one 200,000-letter word, and
 * duplicate ids on both sides still compare, and the changes still apply. */
static void
test_hostile (void)
{
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);
  g_autoptr(GArray) runs = NULL;
  g_autofree char *applied = NULL;
  g_autofree char *long_word = g_strnfill (200000, 'x');
  g_autoptr(PlenaryBody) old_body = fixed_body ("en");
  g_autoptr(PlenaryBody) new_body = NULL;
  g_autoptr(PlenaryComparison) comparison = NULL;
  g_autoptr(GPtrArray) flat = plenary_body_flatten (old_body, NULL);

  for (guint i = 0; i < 30000; i++)
    {
      g_string_append_printf (a, "a%u ", i);
      g_string_append_printf (b, "b%u ", i);
    }
  runs = plenary_word_diff (a->str, b->str);
  applied = plenary_word_runs_apply (runs, a->str);
  g_assert_cmpstr (applied, ==, b->str);
  g_assert_cmpuint (plenary_word_runs_count_changes (runs), ==, 1);
  g_clear_pointer (&runs, g_array_unref);
  g_clear_pointer (&applied, g_free);

  runs = plenary_word_diff (long_word, "short");
  applied = plenary_word_runs_apply (runs, long_word);
  g_assert_cmpstr (applied, ==, "short");

  /* Every paragraph "p1". */
  for (guint i = 0; i < flat->len; i++)
    ((PlenaryParagraph *) g_ptr_array_index (flat, i))->id = g_strdup ("p1");
  new_body = plenary_body_copy (old_body);
  g_ptr_array_remove_index (new_body->paragraphs, 0);
  comparison = plenary_differ_compare (old_body, new_body, PLENARY_DIFFER_DEFAULT);
  assert_applies (comparison, old_body, new_body, 0, 0);
  g_assert_cmpuint (plenary_comparison_count (comparison, PLENARY_CHANGE_PARAGRAPH_DELETED), ==, 1);
}

static PlenaryParagraph *
nth (PlenaryBody *body,
     guint        index)
{
  return g_ptr_array_index (body->paragraphs, index);
}

static void
set_text (PlenaryBody *body,
          guint        index,
          const char  *text)
{
  g_free (nth (body, index)->text);
  nth (body, index)->text = g_strdup (text);
}

static PlenaryBody *
body_with_ids (void)
{
  PlenaryBody *body = fixed_body ("fr");
  g_autoptr(GPtrArray) flat = plenary_body_flatten (body, NULL);

  for (guint i = 0; i < flat->len; i++)
    ((PlenaryParagraph *) g_ptr_array_index (flat, i))->id = g_strdup_printf ("p%u", i + 1);

  return body;
}

/* Mine and theirs changed different paragraphs: everything of theirs is
 * taken, nothing of mine lost. */
static void
test_merge_clean (void)
{
  g_autoptr(PlenaryBody) base = body_with_ids ();
  g_autoptr(PlenaryBody) mine = plenary_body_copy (base);
  g_autoptr(PlenaryBody) theirs = plenary_body_copy (base);
  g_autoptr(PlenaryBody) expected = NULL;
  g_autoptr(PlenaryBody) result = NULL;
  g_autoptr(PlenaryMerge) merge = NULL;
  g_autoptr(PlenaryParagraph) added = plenary_paragraph_new (PLENARY_ROLE_OPERATIVE, "Invite",
                                                             "les organisations régionales à participer ;");
  PlenaryParagraph *moved;

  set_text (mine, 0, "ses résolutions 78/1 et 79/2 sur la question,");
  set_text (theirs, 3, "le Secrétaire général de lui présenter un rapport annuel ;");
  g_ptr_array_insert (theirs->paragraphs, 4, plenary_paragraph_ref (added));
  moved = g_ptr_array_steal_index (theirs->paragraphs, 1);
  g_ptr_array_add (theirs->paragraphs, moved);

  merge = plenary_merge_new (base, mine, theirs);
  g_assert_cmpuint (plenary_merge_count_conflicts (merge), ==, 0);
  g_assert_cmpuint (plenary_merge_get_n_items (merge), ==, 3);
  result = plenary_merge_dup_result (merge);

  /* Theirs, with my change. */
  expected = plenary_body_copy (theirs);
  set_text (expected, 0, "ses résolutions 78/1 et 79/2 sur la question,");
  g_assert_true (same_text (result, expected));
}

/* Both reworded the same paragraph, and both moved another one to
 * different places: two conflicts, mine kept until chosen, theirs taken
 * when chosen, nothing lost either way. */
static void
test_merge_conflicts (void)
{
  g_autoptr(PlenaryBody) base = body_with_ids ();
  g_autoptr(PlenaryBody) mine = plenary_body_copy (base);
  g_autoptr(PlenaryBody) theirs = plenary_body_copy (base);
  g_autoptr(PlenaryBody) kept = NULL;
  g_autoptr(PlenaryBody) taken = NULL;
  g_autoptr(PlenaryMerge) merge = NULL;
  PlenaryParagraph *moved;

  set_text (mine, 2, "de convoquer une réunion de haut niveau en 2027 ;");
  set_text (theirs, 2, "de convoquer une conférence internationale en 2026 ;");
  /* « Encourage » (4): mine first of the operative paragraphs, theirs
   * first of all. */
  moved = g_ptr_array_steal_index (mine->paragraphs, 4);
  g_ptr_array_insert (mine->paragraphs, 2, moved);
  moved = g_ptr_array_steal_index (theirs->paragraphs, 4);
  g_ptr_array_insert (theirs->paragraphs, 0, moved);

  merge = plenary_merge_new (base, mine, theirs);
  g_assert_cmpuint (plenary_merge_count_conflicts (merge), ==, 2);
  kept = plenary_merge_dup_result (merge);
  g_assert_true (same_text (kept, mine));

  for (guint i = 0; i < plenary_merge_get_n_items (merge); i++)
    plenary_merge_set_take_theirs (merge, i, TRUE);
  taken = plenary_merge_dup_result (merge);
  g_assert_cmpstr (nth (taken, 3)->text, ==, "de convoquer une conférence internationale en 2026 ;");
  g_assert_cmpstr (nth (taken, 0)->phrase, ==, "Encourage");
  g_assert_cmpuint (taken->paragraphs->len, ==, base->paragraphs->len);
}

/* A copy that deleted a paragraph I edited: a conflict; the same change on
 * both sides: nothing to merge. */
static void
test_merge_delete_and_same (void)
{
  g_autoptr(PlenaryBody) base = body_with_ids ();
  g_autoptr(PlenaryBody) mine = plenary_body_copy (base);
  g_autoptr(PlenaryBody) theirs = plenary_body_copy (base);
  g_autoptr(PlenaryMerge) merge = NULL;

  set_text (mine, 4, "les États Membres à coopérer plus étroitement ;");
  g_ptr_array_remove_index (theirs->paragraphs, 4);
  set_text (mine, 0, "ses résolutions pertinentes,");
  set_text (theirs, 0, "ses résolutions pertinentes,");

  merge = plenary_merge_new (base, mine, theirs);
  g_assert_cmpuint (plenary_merge_get_n_items (merge), ==, 1);
  g_assert_cmpint (plenary_merge_get_item (merge, 0)->kind, ==, PLENARY_MERGE_CONFLICT);
  g_assert_cmpint (plenary_merge_get_item (merge, 0)->change, ==, PLENARY_CHANGE_PARAGRAPH_DELETED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/differ/words", test_word_diff);
  g_test_add_func ("/differ/words-random", test_word_diff_random);
  g_test_add_func ("/differ/self", test_compare_self);
  g_test_add_func ("/differ/apply-random-edits", test_apply_random_edits);
  g_test_add_func ("/differ/moves", test_moves);
  g_test_add_func ("/differ/renumbering", test_renumbering);
  g_test_add_func ("/differ/paragraph-changes", test_paragraph_changes);
  g_test_add_func ("/differ/ids", test_ids);
  g_test_add_func ("/differ/apply-refuses-other-text", test_apply_refuses_other_text);
  g_test_add_func ("/differ/hostile", test_hostile);
  g_test_add_func ("/merge/clean", test_merge_clean);
  g_test_add_func ("/merge/conflicts", test_merge_conflicts);
  g_test_add_func ("/merge/delete-and-same", test_merge_delete_and_same);

  return g_test_run ();
}
