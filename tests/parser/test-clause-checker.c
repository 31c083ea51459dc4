/* test-clause-checker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plenary-clause-checker.h"

#define NBSP "\u00a0"

static PlenaryClauseChecker *
checker_new (const char *language,
             const char *body)
{
  PlenaryClauseChecker *checker =
    plenary_clause_checker_new (plenary_phrase_dictionary_get_default (language),
                                PLENARY_DRAFT_KIND_RESOLUTION);

  plenary_clause_checker_set_body (checker, body);
  return checker;
}

static guint
count_kind (GPtrArray        *problems,
            PlenaryCheckKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    n += ((PlenaryCheckProblem *)g_ptr_array_index (problems, i))->kind == kind;
  return n;
}

static const PlenaryCheckProblem *
find_kind (GPtrArray        *problems,
           PlenaryCheckKind  kind)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const PlenaryCheckProblem *problem = g_ptr_array_index (problems, i);

      if (problem->kind == kind)
        return problem;
    }
  return NULL;
}

/* The text with the fix of PROBLEM applied, as the editor would do it. */
static char *
apply_fix (const char                *text,
           const PlenaryCheckProblem *problem)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_true (problem->has_fix);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i == problem->line)
        {
          g_autofree char *fixed = NULL;

          if (problem->delete_line)
            continue;
          fixed = plenary_check_problem_apply (problem, lines[i]);
          g_assert_nonnull (fixed);
          g_string_append (out, fixed);
        }
      else
        g_string_append (out, lines[i]);
      g_string_append_c (out, '\n');
    }
  g_string_truncate (out, out->len - 1);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Finds the first problem KIND, on LINE, applies its fix, checks that the
 * problem is gone and returns the fixed text. */
static char *
assert_fixed (PlenaryClauseChecker *checker,
              const char           *text,
              PlenaryCheckKind      kind,
              guint                 line,
              const char           *expected_text)
{
  g_autoptr(GPtrArray) problems = plenary_clause_checker_check_text (checker, text, -1);
  g_autoptr(GPtrArray) after = NULL;
  const PlenaryCheckProblem *problem = find_kind (problems, kind);
  char *fixed;

  g_assert_nonnull (problem);
  g_assert_cmpuint (problem->line, ==, line);
  g_assert_nonnull (problem->message);
  g_assert_nonnull (problem->fix_label);
  g_assert_cmpint (problem->severity, ==, PLENARY_CHECK_SEVERITY_WARNING);

  fixed = apply_fix (text, problem);
  if (expected_text != NULL)
    g_assert_cmpstr (fixed, ==, expected_text);

  after = plenary_clause_checker_check_text (checker, fixed, -1);
  g_assert_cmpuint (count_kind (after, kind), ==, count_kind (problems, kind) - 1);

  return fixed;
}

static void
test_clean_text (void)
{
  g_autoptr(PlenaryClauseChecker) checker = checker_new ("fr", "Assemblée générale");
  g_autoptr(GPtrArray) problems = NULL;

  problems = plenary_clause_checker_check_text (checker,
                                                "L'Assemblée générale,\n"
                                                "Rappelant sa résolution 78/265 du 21 mars 2024,\n"
                                                "Profondément préoccupée par la situation,\n"
                                                "Décide" NBSP ":\n"
                                                "\tde créer un groupe de travail réuni à 10:30" NBSP ";\n"
                                                "\tde publier ses travaux sur https://un.org" NBSP ";\n"
                                                "Prie le Secrétaire général de lui présenter un rapport intitulé «" NBSP "L'IA et le travail" NBSP "»" NBSP ";\n"
                                                "Décide de rester saisie de la question.",
                                                -1);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("unexpected: %s", ((PlenaryCheckProblem *)g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);

  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = plenary_clause_checker_check_text (checker, "", -1);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_endings (void)
{
  g_autoptr(PlenaryClauseChecker) checker = checker_new ("fr", "Assemblée générale");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  a = assert_fixed (checker,
                    "L'Assemblée générale,\n"
                    "Rappelant sa résolution 78/265" NBSP ";\n"
                    "Décide de créer un groupe" NBSP ";\n"
                    "Prie le Secrétaire général de faire rapport.",
                    PLENARY_CHECK_PREAMBULAR_ENDING, 1,
                    "L'Assemblée générale,\n"
                    "Rappelant sa résolution 78/265,\n"
                    "Décide de créer un groupe" NBSP ";\n"
                    "Prie le Secrétaire général de faire rapport.");

  b = assert_fixed (checker,
                    "L'Assemblée générale,\n"
                    "Rappelant sa résolution 78/265,\n"
                    "Décide de créer un groupe\n"
                    "Prie le Secrétaire général de faire rapport.",
                    PLENARY_CHECK_OPERATIVE_ENDING, 2,
                    "L'Assemblée générale,\n"
                    "Rappelant sa résolution 78/265,\n"
                    "Décide de créer un groupe" NBSP ";\n"
                    "Prie le Secrétaire général de faire rapport.");

  c = assert_fixed (checker,
                    "L'Assemblée générale,\n"
                    "Rappelant sa résolution 78/265,\n"
                    "Décide de créer un groupe" NBSP ";\n"
                    "Prie le Secrétaire général de faire rapport" NBSP ";",
                    PLENARY_CHECK_FINAL_ENDING, 3,
                    "L'Assemblée générale,\n"
                    "Rappelant sa résolution 78/265,\n"
                    "Décide de créer un groupe" NBSP ";\n"
                    "Prie le Secrétaire général de faire rapport.");
}

static void
test_last_subparagraph (void)
{
  g_autoptr(PlenaryClauseChecker) checker = checker_new ("en", "General Assembly");
  g_autofree char *fixed = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  /* The last sub-paragraph closes the text; its parent ends with a colon. */
  fixed = assert_fixed (checker,
                        "The General Assembly,\n"
                        "Recalling its resolution 78/265,\n"
                        "Decides:\n"
                        "\tTo establish a group;\n"
                        "\tTo report to it;",
                        PLENARY_CHECK_FINAL_ENDING, 4,
                        "The General Assembly,\n"
                        "Recalling its resolution 78/265,\n"
                        "Decides:\n"
                        "\tTo establish a group;\n"
                        "\tTo report to it.");
  problems = plenary_clause_checker_check_text (checker, fixed, -1);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_preambular_after_operative (void)
{
  g_autoptr(PlenaryClauseChecker) checker = checker_new ("fr", "Assemblée générale");
  g_autoptr(GPtrArray) problems = NULL;
  const PlenaryCheckProblem *problem;

  problems = plenary_clause_checker_check_text (checker,
                                                "L'Assemblée générale,\n"
                                                "Rappelant sa résolution 78/265,\n"
                                                "Décide de créer un groupe" NBSP ";\n"
                                                "Considérant que la situation demeure grave,\n"
                                                "Prie le Secrétaire général de faire rapport.",
                                                -1);
  g_assert_cmpuint (count_kind (problems, PLENARY_CHECK_PREAMBULAR_AFTER_OPERATIVE), ==, 1);
  problem = find_kind (problems, PLENARY_CHECK_PREAMBULAR_AFTER_OPERATIVE);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_cmpuint (problem->start, ==, 0);
  g_assert_cmpuint (problem->end, ==, strlen ("Considérant que la situation demeure grave,"));
  g_assert_false (problem->has_fix);
}

static void
test_empty_paragraph (void)
{
  g_autoptr(PlenaryClauseChecker) checker = checker_new ("fr", "Assemblée générale");
  g_autofree char *fixed = NULL;

  fixed = assert_fixed (checker,
                        "L'Assemblée générale,\n"
                        "Rappelant sa résolution 78/265,\n"
                        "\t\n"
                        "Décide de rester saisie de la question.",
                        PLENARY_CHECK_EMPTY_PARAGRAPH, 2,
                        "L'Assemblée générale,\n"
                        "Rappelant sa résolution 78/265,\n"
                        "Décide de rester saisie de la question.");
}

static void
test_missing_opening (void)
{
  g_autoptr(PlenaryClauseChecker) assembly = checker_new ("fr", "Assemblée générale");
  g_autoptr(PlenaryClauseChecker) council = checker_new ("fr", "Conseil de sécurité");
  g_autoptr(PlenaryClauseChecker) english = checker_new ("en", "");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  a = assert_fixed (assembly,
                    "Rappelant sa résolution 78/265,\n"
                    "Décide de rester saisie de la question.",
                    PLENARY_CHECK_MISSING_OPENING, 0,
                    "L'Assemblée générale,\n"
                    "Rappelant sa résolution 78/265,\n"
                    "Décide de rester saisie de la question.");
  b = assert_fixed (council,
                    "Rappelant sa résolution 2719 (2023),\n"
                    "Décide de rester saisi de la question.",
                    PLENARY_CHECK_MISSING_OPENING, 0,
                    "Le Conseil de sécurité,\n"
                    "Rappelant sa résolution 2719 (2023),\n"
                    "Décide de rester saisi de la question.");
  c = assert_fixed (english,
                    "Recalling its resolution 78/265,\n"
                    "Decides to remain seized of the matter.",
                    PLENARY_CHECK_MISSING_OPENING, 0,
                    "The General Assembly,\n"
                    "Recalling its resolution 78/265,\n"
                    "Decides to remain seized of the matter.");
}

static void
test_typography (void)
{
  g_autoptr(PlenaryClauseChecker) checker = checker_new ("fr", "Assemblée générale");
  g_autoptr(PlenaryClauseChecker) english = checker_new ("en", "General Assembly");
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;

  a = assert_fixed (checker,
                    "L'Assemblée générale,\n"
                    "Décide de rester saisie de la question : la paix.",
                    PLENARY_CHECK_TYPOGRAPHY_SPACE, 1,
                    "L'Assemblée générale,\n"
                    "Décide de rester saisie de la question" NBSP ": la paix.");
  b = assert_fixed (checker,
                    "L'Assemblée générale,\n"
                    "Décide de rester saisie de la question! Vraiment.",
                    PLENARY_CHECK_TYPOGRAPHY_SPACE, 1,
                    "L'Assemblée générale,\n"
                    "Décide de rester saisie de la question" NBSP "! Vraiment.");
  c = assert_fixed (checker,
                    "L'Assemblée générale,\n"
                    "Décide de publier le rapport «L'IA» en ligne.",
                    PLENARY_CHECK_TYPOGRAPHY_QUOTES, 1, NULL);
  /* Both guillemets are fixed, one after the other. */
  d = assert_fixed (checker, c, PLENARY_CHECK_TYPOGRAPHY_QUOTES, 1,
                    "L'Assemblée générale,\n"
                    "Décide de publier le rapport «" NBSP "L'IA" NBSP "» en ligne.");
  e = assert_fixed (checker,
                    "L'Assemblée générale,\n"
                    "Décide de publier le rapport « L'IA » en ligne.",
                    PLENARY_CHECK_TYPOGRAPHY_QUOTES, 1, NULL);

  /* Straight or English quotes become guillemets with no-break spaces. */
  g_free (assert_fixed (checker,
                        "L'Assemblée générale,\n"
                        "Décide de publier le rapport \"L'IA et le travail\" en ligne.",
                        PLENARY_CHECK_TYPOGRAPHY_QUOTES, 1,
                        "L'Assemblée générale,\n"
                        "Décide de publier le rapport «" NBSP "L'IA et le travail" NBSP "» en ligne."));
  g_free (assert_fixed (checker,
                        "L'Assemblée générale,\n"
                        "Décide de publier le rapport “ L'IA ” en ligne.",
                        PLENARY_CHECK_TYPOGRAPHY_QUOTES, 1,
                        "L'Assemblée générale,\n"
                        "Décide de publier le rapport «" NBSP "L'IA" NBSP "» en ligne."));
  problems = plenary_clause_checker_check_text (english,
                                                "The General Assembly,\n"
                                                "Decides to publish the report \"AI and work\".",
                                                -1);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A narrow no-break space is right too. */
  problems = plenary_clause_checker_check_text (checker,
                                                "L'Assemblée générale,\n"
                                                "Décide de rester saisie de la question\u202f?\u00a0Oui.",
                                                -1);
  g_assert_cmpuint (count_kind (problems, PLENARY_CHECK_TYPOGRAPHY_SPACE), ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* English has no such rule. */
  problems = plenary_clause_checker_check_text (english,
                                                "The General Assembly,\n"
                                                "Decides to remain seized of the matter: peace.",
                                                -1);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_agreement (void)
{
  g_autoptr(PlenaryClauseChecker) assembly = checker_new ("fr", "Assemblée générale");
  g_autoptr(PlenaryClauseChecker) council = checker_new ("fr", "Conseil de sécurité");
  g_autoptr(PlenaryClauseChecker) parties = checker_new ("fr", "Les Hautes Parties contractantes");
  g_autoptr(PlenaryClauseChecker) unknown = checker_new ("fr", "");
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  const char *masculine =
    "Le Conseil de sécurité,\n"
    "Profondément préoccupé par la situation,\n"
    "Décide de rester saisi de la question.";

  a = assert_fixed (assembly,
                    "L'Assemblée générale,\n"
                    "Profondément préoccupé par la situation,\n"
                    "Décide de rester saisie de la question.",
                    PLENARY_CHECK_AGREEMENT, 1,
                    "L'Assemblée générale,\n"
                    "Profondément préoccupée par la situation,\n"
                    "Décide de rester saisie de la question.");

  problems = plenary_clause_checker_check_text (council, masculine, -1);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  b = assert_fixed (council,
                    "Le Conseil de sécurité,\n"
                    "Profondément préoccupé par la situation,\n"
                    "Décide de rester saisie de la question.",
                    PLENARY_CHECK_AGREEMENT, 2,
                    masculine);

  c = assert_fixed (parties,
                    "Les Hautes Parties contractantes,\n"
                    "Conscient des dangers,\n"
                    "Décident de rester saisies de la question.",
                    PLENARY_CHECK_AGREEMENT, 1,
                    "Les Hautes Parties contractantes,\n"
                    "Conscientes des dangers,\n"
                    "Décident de rester saisies de la question.");
  problems = plenary_clause_checker_check_text (parties, c, -1);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Without a known body there is nothing to agree with. */
  problems = plenary_clause_checker_check_text (unknown, masculine, -1);
  g_assert_cmpuint (count_kind (problems, PLENARY_CHECK_AGREEMENT), ==, 0);
}

static void
test_unknown_phrase_hint (void)
{
  g_autoptr(PlenaryClauseChecker) checker = checker_new ("fr", "Assemblée générale");
  g_autoptr(GPtrArray) problems = NULL;
  const PlenaryCheckProblem *problem;

  problems = plenary_clause_checker_check_text (checker,
                                                "L'Assemblée générale,\n"
                                                "Se positionnant avec détermination,\n"
                                                "Décide de rester saisie de la question.",
                                                -1);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->kind, ==, PLENARY_CHECK_UNKNOWN_PHRASE);
  g_assert_cmpint (problem->severity, ==, PLENARY_CHECK_SEVERITY_HINT);
  g_assert_cmpuint (problem->line, ==, 1);
  g_assert_cmpuint (problem->start, ==, 0);
  g_assert_cmpuint (problem->end, ==, strlen ("Se positionnant"));
  g_assert_false (problem->has_fix);
  g_assert_nonnull (strstr (problem->message, "Se positionnant"));
}

static void
test_check_line_matches_text (void)
{
  g_autoptr(PlenaryClauseChecker) checker = checker_new ("fr", "Assemblée générale");
  const char *lines[] = {
    "L'Assemblée générale,",
    "Rappelant sa résolution",
    "Décide : de créer",
    "Prie le Secrétaire général.",
  };
  g_autofree char *text = g_strjoinv ("\n", (char **)(const char *[]) { (char *)lines[0], (char *)lines[1], (char *)lines[2], (char *)lines[3], NULL });
  g_autoptr(GPtrArray) all = plenary_clause_checker_check_text (checker, text, -1);
  PlenaryLineState state = PLENARY_LINE_STATE_INIT;
  guint total = 0;

  /* The editor re-checks line by line with the state kept per line. */
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      PlenaryCheckLineContext context = { i == G_N_ELEMENTS (lines) - 1, FALSE };
      g_autoptr(GPtrArray) problems = plenary_clause_checker_check_line (checker, lines[i], -1, i, &state, &context);

      for (guint j = 0; j < problems->len; j++)
        {
          const PlenaryCheckProblem *p = g_ptr_array_index (problems, j);
          const PlenaryCheckProblem *q = g_ptr_array_index (all, total + j);

          g_assert_cmpuint (p->line, ==, i);
          g_assert_cmpint (p->kind, ==, q->kind);
          g_assert_cmpuint (p->start, ==, q->start);
          g_assert_cmpuint (p->end, ==, q->end);
        }
      total += problems->len;
    }
  /* Line 1: no comma; line 2: space before ":" and no semicolon. */
  g_assert_cmpuint (total, ==, all->len);
  g_assert_cmpuint (total, ==, 3);
}


/* The text ends before its annex and notes: its last operative paragraph
 * ends with a full stop, and the annex's lines are no paragraphs of it. */
static void
test_annex_and_notes (void)
{
  g_autoptr(PlenaryClauseChecker) checker = checker_new ("en", "General Assembly");
  g_autoptr(GPtrArray) problems =
    plenary_clause_checker_check_text (checker,
                                       "The General Assembly,\n"
                                       "Recalling its resolution 70/1,[^1]\n"
                                       "Decides to act;\n"
                                       "Requests a report.\n"
                                       "# Annex\n"
                                       "Decides nothing here\n"
                                       "[^1]: A/RES/70/1.", -1);

  g_assert_cmpuint (count_kind (problems, PLENARY_CHECK_FINAL_ENDING), ==, 0);
  g_assert_cmpuint (count_kind (problems, PLENARY_CHECK_OPERATIVE_ENDING), ==, 0);
  /* The comma is there, before the call. */
  g_assert_cmpuint (count_kind (problems, PLENARY_CHECK_PREAMBULAR_ENDING), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clause-checker/clean-text", test_clean_text);
  g_test_add_func ("/clause-checker/endings", test_endings);
  g_test_add_func ("/clause-checker/last-subparagraph", test_last_subparagraph);
  g_test_add_func ("/clause-checker/preambular-after-operative", test_preambular_after_operative);
  g_test_add_func ("/clause-checker/empty-paragraph", test_empty_paragraph);
  g_test_add_func ("/clause-checker/missing-opening", test_missing_opening);
  g_test_add_func ("/clause-checker/typography", test_typography);
  g_test_add_func ("/clause-checker/agreement", test_agreement);
  g_test_add_func ("/clause-checker/unknown-phrase-hint", test_unknown_phrase_hint);
  g_test_add_func ("/clause-checker/check-line", test_check_line_matches_text);
  g_test_add_func ("/clause-checker/annex-and-notes", test_annex_and_notes);

  return g_test_run ();
}
