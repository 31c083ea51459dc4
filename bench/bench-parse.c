/* bench-parse.c
 *
 * Parses the editor text of a generated resolution with 5,000 operative
 * paragraphs (with sub-paragraphs) and 500 preambular ones; reports the
 * median of 5 runs (target: under 50 ms) and the time to classify one line,
 * which the editor does on every keystroke.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "plenary-clause-parser.h"
#include "plenary-clause-printer.h"

#define N_OPERATIVE  5000
#define N_PREAMBULAR 500
#define N_RUNS       5

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *)a;
  double db = *(const double *)b;

  return (da > db) - (da < db);
}

static char *
generate_text (PlenaryPhraseDictionary *dict,
               guint                   *n_lines)
{
  static const char *preambular[] = { "Rappelant", "Notant avec préoccupation", "Profondément préoccupée par", "Se positionnant", "Considérant" };
  static const char *operative[] = { "Décide", "Prie instamment", "Encourage", "Invite", "Initie", "Se félicite de" };
  GString *text = g_string_new ("L'Assemblée générale,\n");

  *n_lines = 1;
  for (guint i = 0; i < N_PREAMBULAR; i++, (*n_lines)++)
    g_string_append_printf (text, "%s la résolution %u/%u sur la coopération internationale en matière de développement durable,\n",
                            preambular[i % G_N_ELEMENTS (preambular)], 70 + i % 9, i);

  for (guint i = 0; i < N_OPERATIVE; i++)
    {
      g_string_append_printf (text, "%s les États Membres à renforcer leur coopération dans le domaine %u\u00a0%s\n",
                              operative[i % G_N_ELEMENTS (operative)], i, i % 4 == 0 ? ":" : ";");
      (*n_lines)++;
      if (i % 4 == 0)
        {
          g_string_append (text, "\tde partager leurs bonnes pratiques\u00a0;\n");
          g_string_append (text, "\t\ten particulier dans l'éducation\u00a0;\n");
          g_string_append (text, "\tde faire rapport\u00a0;\n");
          *n_lines += 3;
        }
    }
  g_string_append (text, "Décide de rester saisie de la question.");
  (*n_lines)++;

  return g_string_free (text, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  PlenaryPhraseDictionary *dict = plenary_phrase_dictionary_get_default ("fr");
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  double runs[N_RUNS];
  guint n_lines = 0;
  gint64 start;
  guint n_classified = 0;
  double classify_us;

  text = generate_text (dict, &n_lines);

  for (guint r = 0; r < N_RUNS; r++)
    {
      g_autoptr(PlenaryBody) body = NULL;

      start = g_get_monotonic_time ();
      body = plenary_clause_parser_parse (dict, text, -1, PLENARY_DRAFT_KIND_RESOLUTION, NULL);
      runs[r] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_cmpuint (body->paragraphs->len, ==, N_OPERATIVE + N_PREAMBULAR + 1);
    }
  qsort (runs, N_RUNS, sizeof runs[0], compare_doubles);

  /* One line at a time, as the editor re-classifies an edited line. */
  {
    g_auto(GStrv) split = g_strsplit (text, "\n", -1);
    PlenaryLineState state = PLENARY_LINE_STATE_INIT;

    start = g_get_monotonic_time ();
    for (guint i = 0; split[i] != NULL; i++, n_classified++)
      {
        PlenaryLineInfo info;

        plenary_clause_parser_classify_line (dict, PLENARY_DRAFT_KIND_RESOLUTION, split[i], -1, &state, &info);
      }
    classify_us = (double)(g_get_monotonic_time () - start) / n_classified;
  }

  g_print ("lines: %u (%zu bytes)\n", n_lines, strlen (text));
  g_print ("parse_ms: %.2f (median of %d; min %.2f, max %.2f; target < 50)\n",
           runs[N_RUNS / 2], N_RUNS, runs[0], runs[N_RUNS - 1]);
  g_print ("classify_line_us: %.3f\n", classify_us);

  return EXIT_SUCCESS;
}
