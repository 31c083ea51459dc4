/* bench-import.c
 *
 * Imports (plenary_importer_import, what Open and --convert run) the longest
 * text of the real-resolution corpus (../shared/corpus, path given as the
 * first argument) and a generated plain-text resolution of 5,000 numbered
 * operative paragraphs, hard-wrapped as pdftotext writes them, with page
 * footers. Reports the median of 5 runs of each (issue 13: no slower than
 * before by more than 20 %).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "plenary-importer.h"

#define N_OPERATIVE 5000
#define N_RUNS      5

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

static char *
generate_text (void)
{
  GString *text = g_string_new ("S/2026/100\n\nSecurity Council\n\nThe Security Council,\n");

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (text, "Recalling its resolution %u (2020) on the situation in the\nregion and the statements of its President,\n", 2000 + i);
  for (guint i = 1; i <= N_OPERATIVE; i++)
    {
      g_string_append_printf (text, "%u.\tDecides that the Member States shall strengthen their cooperation\n"
                                    "in the field %u and report to the Committee established by\n"
                                    "paragraph %u above%s\n", i, i, i, i % 5 == 0 ? ":" : ";");
      if (i % 5 == 0)
        g_string_append (text, "(a) Share their practices;\n(b) Report within 90 days;\n");
      if (i % 40 == 0)
        g_string_append_printf (text, "\n26-%05u (E)\n\n%u/%u\n\n", i, i / 40, N_OPERATIVE / 40);
    }
  g_string_append (text, "Decides to remain seized of the matter.\n");

  return g_string_free (text, FALSE);
}

static double
time_import (const char *data,
             gsize       length,
             const char *name,
             guint      *paragraphs)
{
  double times[N_RUNS];

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlenaryDraft) draft = NULL;
      gint64 start = g_get_monotonic_time ();

      draft = plenary_importer_import (data, length, name, NULL, NULL, &error);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      if (draft == NULL)
        g_error ("%s: %s", name, error->message);
      *paragraphs = plenary_draft_get_body (draft)->paragraphs->len;
    }
  qsort (times, N_RUNS, sizeof times[0], compare_doubles);

  return times[N_RUNS / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *generated = generate_text ();
  g_autofree char *longest = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  guint paragraphs = 0;
  double ms;

  if (argc < 2 || !g_file_get_contents (argv[1], &longest, &length, &error))
    {
      g_printerr ("bench-import: %s\n", argc < 2 ? "usage: bench-import CORPUS-TEXT" : error->message);
      return 1;
    }

  ms = time_import (longest, length, "corpus.txt", &paragraphs);
  g_print ("import of %s (%zu bytes): %.1f ms (median of %d), %u paragraphs\n",
           argv[1], length, ms, N_RUNS, paragraphs);
  ms = time_import (generated, strlen (generated), "generated.txt", &paragraphs);
  g_print ("import of a %u-operative-paragraph text (%zu bytes): %.1f ms (median of %d), %u paragraphs\n",
           N_OPERATIVE, strlen (generated), ms, N_RUNS, paragraphs);

  /* Issue 11's hangs, each once (target: under 5 s). */
  {
    g_autofree char *blank = g_strnfill (1024 * 1024, '\n');
    g_autoptr(GString) stars = g_string_new (NULL);
    g_autoptr(GString) lines = g_string_new ("L'Assemblée générale,\n");
    g_autoptr(GString) labels = g_string_new ("The General Assembly,\nRecalling its resolution 1,\n1. Decides:\n");
    const struct { const char *name; const char *data; gsize length; } inputs[] = {
      { "1 MB of blank lines", blank, strlen (blank) },
      { "a 400 KB Markdown line of *a", NULL, 0 },
      { "a million lines", NULL, 0 },
      { "100,000 labels", NULL, 0 },
    };

    for (guint i = 0; i < 200 * 1000; i++)
      g_string_append (stars, "*a");
    for (guint i = 0; i < 500 * 1000; i++)
      g_string_append_printf (lines, "Rappelant sa résolution %u sur la coopération\n"
                                     "internationale et le développement durable,\n", i);
    for (guint i = 0; i < 100 * 1000; i++)
      g_string_append_printf (labels, "(%c) item %u;\n", 'a' + i % 26, i);

    for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
      {
        GString *data = i == 1 ? stars : i == 2 ? lines : i == 3 ? labels : NULL;
        const char *bytes = data != NULL ? data->str : inputs[i].data;
        gsize length = data != NULL ? data->len : inputs[i].length;
        g_autoptr(GError) local_error = NULL;
        g_autoptr(PlenaryDraft) draft = NULL;
        gint64 start = g_get_monotonic_time ();

        draft = plenary_importer_import (bytes, length, i == 1 ? "stars.md" : "hostile.txt", NULL, NULL, &local_error);
        g_print ("import of %s: %.2f s (%s)\n", inputs[i].name, (g_get_monotonic_time () - start) / 1e6,
                 draft != NULL ? "imported" : local_error->message);
      }
  }

  return 0;
}
