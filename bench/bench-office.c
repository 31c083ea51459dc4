/* bench-office.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * .docx export and import of a generated 5,000-paragraph draft (operative
 * paragraphs with sub-paragraphs, a comment thread every 50 paragraphs, a
 * citation every 20): median time of a few runs (the machine may be busy),
 * size, peak RSS; .odt export for comparison. Targets (issue 17): export
 * under 1 s, import under 2 s, peak RSS under 300 MB. Prints "name: value".
 */

#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>

#include "plenary-clause-printer.h"
#include "plenary-importer.h"
#include "plenary-office-export.h"

#define N_PARAGRAPHS 5000
#define N_RUNS       3

static PlenaryDraft *
generate_draft (void)
{
  static const char *phrases[] = { "Encourage", "Demande", "Invite", "Décide", "Prie", "Souligne" };
  static const char *words[] = {
    "développement", "coopération", "internationale", "travail", "États", "Membres", "emploi",
    "numérique", "durable", "organisation", "économique", "mondial", "accès", "formation",
    "des", "les", "la", "et", "de", "l’éducation",
  };
  PlenaryDraft *draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  PlenaryMetadata *metadata = plenary_draft_get_metadata (draft);
  PlenaryBody *body = plenary_draft_get_body (draft);
  GListStore *annotations = plenary_draft_get_annotations (draft);
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  g_autoptr(PlenarySource) source = plenary_source_new ("s1", "Rapport", "rapport.txt", "text/plain",
                                                        "Le texte cité de la source.");
  g_autofree char *editor = NULL;
  gint64 offset = 0;
  guint line = 0;

  plenary_metadata_set_string (metadata, "symbol", "A/C.3/80/L.99");
  plenary_metadata_set_string (metadata, "body", "Assemblée générale");
  plenary_metadata_set_string (metadata, "question", "Un projet de résolution très long");
  plenary_metadata_set_string (metadata, "submitted-by", "France");
  plenary_body_set_opening (body, "L’Assemblée générale,");
  g_list_store_append (plenary_draft_get_sources (draft), source);

  for (guint i = 0; i < N_PARAGRAPHS; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(PlenaryParagraph) paragraph = NULL;
      gboolean preambular = i < N_PARAGRAPHS / 10;
      guint n = g_rand_int_range (rand, 12, 43);

      for (guint w = 0; w < n; w++)
        g_string_append_printf (text, "%s%s", w > 0 ? " " : "", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append (text, preambular ? "," : " ;");
      paragraph = plenary_paragraph_new (preambular ? PLENARY_ROLE_PREAMBULAR : PLENARY_ROLE_OPERATIVE,
                                         preambular ? "Considérant" : phrases[i % G_N_ELEMENTS (phrases)],
                                         text->str);
      /* Every tenth operative paragraph has two sub-paragraphs. */
      if (!preambular && i % 10 == 0)
        for (guint s = 0; s < 2; s++)
          {
            g_autoptr(PlenaryParagraph) sub = plenary_paragraph_new (PLENARY_ROLE_SUBPARAGRAPH, NULL,
                                                                     "de renforcer la coopération ;");
            plenary_paragraph_append_child (paragraph, sub);
          }
      plenary_body_append (body, paragraph);
    }

  editor = plenary_clause_printer_print (body, PLENARY_DRAFT_KIND_RESOLUTION, "fr", PLENARY_PRINT_EDITOR);
  for (const char *p = editor; *p != '\0'; p = g_utf8_next_char (p), offset++)
    if (*p == '\n' && ++line % 20 == 0)
      {
        g_autofree char *id = plenary_draft_new_id (draft, "a");
        gboolean comment = line % 100 == 0;
        g_autoptr(PlenaryAnchor) anchor = plenary_anchor_new (PLENARY_ANCHOR_TARGET_DRAFT, "", "", "",
                                                              offset + 1, offset + 1);
        g_autoptr(PlenaryAnchor) quote = plenary_anchor_new ("s1", "texte cité", "", "", 3, 13);
        g_autoptr(PlenaryAnnotation) annotation =
          plenary_annotation_new (id, comment ? PLENARY_ANNOTATION_COMMENT : PLENARY_ANNOTATION_CITATION, anchor);

        if (comment)
          {
            plenary_annotation_set_note (annotation, "À revoir avec la délégation.");
            plenary_annotation_set_author (annotation, "Marie");
            plenary_annotation_set_created (annotation, "2026-11-24T10:00:00Z");
            g_autoptr(PlenaryReply) reply = plenary_reply_new ("Omar", "2026-11-24T11:00:00Z", "D’accord.");

            plenary_annotation_add_reply (annotation, reply);
          }
        else
          plenary_annotation_set_source_anchor (annotation, quote);
        g_list_store_append (annotations, annotation);
      }

  return draft;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values)
{
  qsort (values, N_RUNS, sizeof (double), (GCompareFunc) compare_doubles);
  return values[N_RUNS / 2];
}

int
main (void)
{
  g_autoptr(PlenaryDraft) draft = generate_draft ();
  g_autoptr(GBytes) docx = NULL;
  double export_times[N_RUNS], import_times[N_RUNS], odt_times[N_RUNS];
  guint paragraphs = 0;
  struct rusage usage;

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) odt = NULL;
      g_autoptr(PlenaryDraft) back = NULL;
      gint64 start = g_get_monotonic_time ();

      g_clear_pointer (&docx, g_bytes_unref);
      docx = plenary_office_export_bytes (draft, PLENARY_OFFICE_FORMAT_DOCX, &error);
      g_assert_no_error (error);
      export_times[run] = (g_get_monotonic_time () - start) / 1e6;

      start = g_get_monotonic_time ();
      back = plenary_importer_import (g_bytes_get_data (docx, NULL), g_bytes_get_size (docx), "long.docx",
                                      NULL, NULL, &error);
      g_assert_no_error (error);
      import_times[run] = (g_get_monotonic_time () - start) / 1e6;
      paragraphs = plenary_draft_get_body (back)->paragraphs->len;

      start = g_get_monotonic_time ();
      odt = plenary_office_export_bytes (draft, PLENARY_OFFICE_FORMAT_ODT, &error);
      g_assert_no_error (error);
      odt_times[run] = (g_get_monotonic_time () - start) / 1e6;
    }

  getrusage (RUSAGE_SELF, &usage);
  g_print ("paragraphs: %u (imported back: %u)\n", N_PARAGRAPHS, paragraphs);
  g_print ("docx size: %.1f MB\n", g_bytes_get_size (docx) / 1048576.0);
  g_print ("docx export: %.3f s (target < 1 s)\n", median (export_times));
  g_print ("docx import: %.3f s (target < 2 s)\n", median (import_times));
  g_print ("odt export: %.3f s\n", median (odt_times));
  g_print ("peak RSS: %.0f MB (target < 300 MB)\n", usage.ru_maxrss / 1024.0);

  return paragraphs == N_PARAGRAPHS ? 0 : 1;
}
