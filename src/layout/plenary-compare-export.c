/* plenary-compare-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-compare-export"

#include "config.h"

#include <string.h>

#include "plenary-clause-printer.h"
#include "plenary-compare-export.h"
#include "plenary-pdf-export.h"

/* Words of the printed document, in the drafting language (not the UI's). */
typedef struct
{
  const char *language;
  const char *compared_with;
  const char *moved_preambular;
  const char *moved_operative;
  const char *moved;
} Labels;

static const Labels labels_table[] = {
  { "fr", "Texte comparé à\u00a0: %s",
    " (déplacé\u00a0; auparavant alinéa %s du préambule)",
    " (déplacé\u00a0; auparavant paragraphe %s du dispositif)",
    " (déplacé)" },
  { "en", "Text compared with: %s",
    " (moved; formerly preambular paragraph %s)",
    " (moved; formerly operative paragraph %s)",
    " (moved)" },
};

static const Labels *
find_labels (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels_table); i++)
    if (g_strcmp0 (language, labels_table[i].language) == 0)
      return &labels_table[i];

  return &labels_table[1];
}

#define MAX_LEVELS 8

char **
plenary_compare_dup_old_numbers (PlenaryComparison *comparison,
                                 const char        *language)
{
  g_autoptr(GArray) levels = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) flat = NULL;
  GPtrArray *numbers = g_ptr_array_new ();
  g_autofree char *prefix[MAX_LEVELS] = { NULL };
  guint counters[MAX_LEVELS + 1] = { 0 };
  guint preambular = 0;

  g_return_val_if_fail (PLENARY_IS_COMPARISON (comparison), NULL);

  flat = plenary_body_flatten (plenary_comparison_get_old_body (comparison), levels);
  for (guint i = 0; i < flat->len; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (flat, i);
      guint level = MIN (g_array_index (levels, guint, i), MAX_LEVELS - 1);
      char *number;

      if (level == 0)
        {
          if (paragraph->role == PLENARY_ROLE_PREAMBULAR)
            number = g_strdup_printf ("%u", ++preambular);
          else
            number = g_strdup_printf ("%u", ++counters[0]);
        }
      else
        {
          g_autofree char *marker = plenary_clause_marker (language, MIN (level, 2), counters[level]++);

          number = g_strdup_printf ("%s %s", prefix[level - 1] != NULL ? prefix[level - 1] : "", marker);
        }

      g_free (prefix[level]);
      prefix[level] = g_strdup (number);
      counters[level + 1] = 0;
      g_ptr_array_add (numbers, number);
    }
  g_ptr_array_add (numbers, NULL);

  for (guint i = 0; i < MAX_LEVELS; i++)
    g_clear_pointer (&prefix[i], g_free);

  return (char **) g_ptr_array_free (numbers, FALSE);
}

/* Appends RUNS to OUT, recording each change as a run of PARAGRAPH from
 * code point OFFSET + what OUT held. */
static void
append_runs (GString       *out,
             GArray        *runs,
             GArray        *text_runs,
             guint          paragraph,
             guint          offset)
{
  for (guint i = 0; i < runs->len; i++)
    {
      const PlenaryWordRun *run = &g_array_index (runs, PlenaryWordRun, i);
      PlenaryTextRun marked = { paragraph, 0, 0, 0 };

      marked.start = offset + g_utf8_strlen (out->str, out->len);
      g_string_append (out, run->text);
      marked.end = offset + g_utf8_strlen (out->str, out->len);
      if (run->op == PLENARY_WORD_EQUAL)
        continue;
      marked.style = run->op == PLENARY_WORD_INSERT ? PLENARY_RUN_INSERTED : PLENARY_RUN_DELETED;
      g_array_append_val (text_runs, marked);
    }
}

static char *
runs_text (GArray *runs)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < runs->len; i++)
    g_string_append (out, g_array_index (runs, PlenaryWordRun, i).text);

  return g_string_free (out, FALSE);
}

PlenaryPageLayout *
plenary_compare_layout_new (PlenaryComparison          *comparison,
                            PlenaryDraft               *new_draft,
                            const char                 *compared_with,
                            const PlenaryLayoutOptions *options)
{
  const char *language;
  const Labels *labels;
  g_autoptr(PlenaryDraft) shown = NULL;
  g_autoptr(PlenaryBody) body = plenary_body_new ();
  g_autoptr(GArray) text_runs = g_array_new (FALSE, TRUE, sizeof (PlenaryTextRun));
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_auto(GStrv) old_numbers = NULL;
  g_autofree char *note = NULL;
  guint index = 0;

  g_return_val_if_fail (PLENARY_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (PLENARY_IS_DRAFT (new_draft), NULL);

  language = plenary_draft_get_language (new_draft);
  labels = find_labels (language);
  old_numbers = plenary_compare_dup_old_numbers (comparison, language);

  for (guint i = 0; i < plenary_comparison_get_n_paragraphs (comparison); i++)
    {
      const PlenaryDiffParagraph *entry = plenary_comparison_get_paragraph (comparison, i);
      g_autoptr(GArray) phrase_runs = plenary_diff_paragraph_dup_display_runs (entry, TRUE);
      g_autoptr(GArray) runs = plenary_diff_paragraph_dup_display_runs (entry, FALSE);
      g_autofree char *phrase = runs_text (phrase_runs);
      /* Where the phrase's runs are recorded (the phrase opens the full text). */
      g_autoptr(GString) phrase_marked = g_string_new (NULL);
      g_autofree char *full = NULL;
      g_autoptr(PlenaryParagraph) paragraph = NULL;
      GString *text = g_string_new (NULL);
      const PlenaryParagraph *source;
      guint level, text_offset;
      PlenaryRole role;

      if (entry->is_opening)
        {
          append_runs (text, runs, text_runs, G_MAXUINT, 0);
          plenary_body_set_opening (body, text->str);
          g_string_free (text, TRUE);
          continue;
        }

      source = entry->kind == PLENARY_DIFF_DELETED ? entry->old_paragraph : entry->new_paragraph;
      level = entry->kind == PLENARY_DIFF_DELETED ? entry->old_level : entry->new_level;

      /* The phrase's runs, then the text's after the space that joins them. */
      append_runs (text, runs, text_runs, index, 0);
      /* A deleted paragraph keeps no number, so that the newer text's
       * numbers stay: it is printed unnumbered, where its text stood. */
      role = source->role;
      if (entry->kind == PLENARY_DIFF_DELETED &&
          (role == PLENARY_ROLE_OPERATIVE || role == PLENARY_ROLE_SUBPARAGRAPH))
        {
          role = PLENARY_ROLE_PARAGRAPH;
          level++;
        }
      paragraph = plenary_paragraph_new (role, phrase[0] != '\0' ? phrase : NULL, text->str);
      full = plenary_paragraph_dup_full_text (paragraph);
      text_offset = g_utf8_strlen (full, -1) - g_utf8_strlen (text->str, -1);
      for (guint k = text_runs->len; k > 0; k--)
        {
          PlenaryTextRun *run = &g_array_index (text_runs, PlenaryTextRun, k - 1);

          if (run->paragraph != index)
            break;
          run->start += text_offset;
          run->end += text_offset;
        }
      /* Recorded after the text's shift: the phrase's runs need none. */
      append_runs (phrase_marked, phrase_runs, text_runs, index, 0);

      if (entry->moved && (i == 0 || !plenary_comparison_get_paragraph (comparison, i - 1)->moved ||
                           plenary_comparison_get_paragraph (comparison, i - 1)->old_index + 1 != entry->old_index))
        {
          const char *number = old_numbers[entry->old_index];
          g_autofree char *moved = NULL;
          PlenaryTextRun marked = { index, 0, 0, PLENARY_RUN_NOTE };

          if (entry->old_paragraph->role == PLENARY_ROLE_PREAMBULAR)
            moved = g_strdup_printf (labels->moved_preambular, number);
          else if (entry->old_paragraph->role == PLENARY_ROLE_OPERATIVE ||
                   entry->old_paragraph->role == PLENARY_ROLE_SUBPARAGRAPH)
            moved = g_strdup_printf (labels->moved_operative, number);
          else
            moved = g_strdup (labels->moved);

          marked.start = g_utf8_strlen (full, -1);
          marked.end = marked.start + g_utf8_strlen (moved, -1);
          g_array_append_val (text_runs, marked);
          g_string_append (text, moved);
          g_free (paragraph->text);
          paragraph->text = g_strdup (text->str);
        }
      g_string_free (text, TRUE);

      paragraph->id = g_strdup (source->id);
      g_ptr_array_set_size (stack, MIN (level, stack->len));
      if (stack->len == 0)
        plenary_body_append (body, paragraph);
      else
        plenary_paragraph_append_child (g_ptr_array_index (stack, stack->len - 1), paragraph);
      g_ptr_array_add (stack, paragraph);
      index++;
    }

  shown = g_object_new (PLENARY_TYPE_DRAFT,
                        "kind", plenary_draft_get_kind (new_draft),
                        "language", language,
                        "metadata", plenary_draft_get_metadata (new_draft),
                        NULL);
  plenary_draft_set_body (shown, body);

  if (compared_with != NULL && compared_with[0] != '\0')
    note = g_strdup_printf (labels->compared_with, compared_with);

  return plenary_page_layout_new_marked (shown, options,
                                         (const PlenaryTextRun *) text_runs->data, text_runs->len,
                                         note);
}

gboolean
plenary_compare_export_pdf (PlenaryComparison          *comparison,
                            PlenaryDraft               *new_draft,
                            const char                 *compared_with,
                            const char                 *path,
                            const PlenaryLayoutOptions *options,
                            GCancellable               *cancellable,
                            GError                    **error)
{
  g_autoptr(PlenaryPageLayout) layout = NULL;

  g_return_val_if_fail (PLENARY_IS_COMPARISON (comparison), FALSE);
  g_return_val_if_fail (PLENARY_IS_DRAFT (new_draft), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  layout = plenary_compare_layout_new (comparison, new_draft, compared_with, options);

  return plenary_pdf_export_layout (layout, path, cancellable, error);
}
