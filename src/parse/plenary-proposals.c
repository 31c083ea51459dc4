/* plenary-proposals.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-proposals"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "plenary-clause-parser.h"
#include "plenary-comparison.h"
#include "plenary-differ.h"
#include "plenary-phrase-dictionary.h"
#include "plenary-proposals.h"
#include "plenary-word-diff.h"

/* One line of the text being built: a paragraph of the body, or one a
 * proposal adds. */
typedef struct
{
  PlenaryParagraph *paragraph;  /* NULL for a proposed paragraph */
  PlenaryProposal  *added_by;
  guint             level;
  char             *text;       /* the full text, phrase included */
  gboolean          deleted;
} Line;

static void
line_free (gpointer data)
{
  Line *line = data;

  g_free (line->text);
  g_free (line);
}

gboolean
plenary_proposals_form_from_string (const char           *str,
                                    PlenaryProposalsForm *form)
{
  static const char * const names[] = { "clean", "shown", "compilation" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (str, names[i]) == 0)
      {
        *form = i;
        return TRUE;
      }

  return FALSE;
}

/* The draft's proposals by paragraph id (PlenaryProposal*, in the order
 * they were made), ADD_PARAGRAPH ones under the id they follow. */
static GHashTable *
proposals_by_paragraph (PlenaryDraft *draft)
{
  GListModel *proposals = plenary_draft_get_proposals (draft);
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) g_ptr_array_unref);
  guint n = g_list_model_get_n_items (proposals);

  for (guint i = 0; i < n; i++)
    {
      PlenaryProposal *proposal = g_list_model_get_item (proposals, i);
      const char *id = plenary_proposal_get_paragraph (proposal);
      GPtrArray *list = g_hash_table_lookup (table, id);

      if (list == NULL)
        g_hash_table_insert (table, (gpointer) id, list = g_ptr_array_new_with_free_func (g_object_unref));
      g_ptr_array_add (list, proposal);
    }

  return table;
}

/* The lines of DRAFT's body, with the paragraphs its proposals add (when
 * WITH_ADDED) after the ones they follow. */
static GPtrArray *
build_lines (PlenaryDraft *draft,
             GHashTable   *by_paragraph,
             gboolean      with_added,
             guint        *n_skipped)
{
  g_autoptr(GArray) levels = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) paragraphs = plenary_body_flatten (plenary_draft_get_body (draft), levels);
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *lines = g_ptr_array_new_with_free_func (line_free);

  for (guint i = 0; i < paragraphs->len; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (paragraphs, i);

      if (paragraph->id != NULL)
        g_hash_table_add (known, paragraph->id);
    }

  for (int i = -1; i < (int) paragraphs->len; i++)
    {
      PlenaryParagraph *paragraph = i >= 0 ? g_ptr_array_index (paragraphs, i) : NULL;
      GPtrArray *proposals;

      if (paragraph != NULL)
        {
          Line *line = g_new0 (Line, 1);

          line->paragraph = paragraph;
          line->level = g_array_index (levels, guint, i);
          line->text = plenary_paragraph_dup_full_text (paragraph);
          g_ptr_array_add (lines, line);
        }

      if (!with_added)
        continue;
      proposals = g_hash_table_lookup (by_paragraph, paragraph != NULL && paragraph->id != NULL ? paragraph->id : "");
      for (guint j = 0; proposals != NULL && j < proposals->len; j++)
        {
          PlenaryProposal *proposal = g_ptr_array_index (proposals, j);
          Line *line;

          if (plenary_proposal_get_kind (proposal) != PLENARY_PROPOSAL_ADD_PARAGRAPH)
            continue;
          line = g_new0 (Line, 1);
          line->added_by = proposal;
          line->level = plenary_proposal_get_level (proposal);
          line->text = g_strdup (plenary_proposal_get_text (proposal));
          g_ptr_array_add (lines, line);
        }
    }

  /* New paragraphs after one the text no longer has cannot be placed. */
  if (with_added && n_skipped != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, by_paragraph);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!g_hash_table_contains (known, key))
          *n_skipped += ((GPtrArray *) value)->len;
    }

  return lines;
}

/* The body the lines make, parsed as the editor parses its text, with the
 * paragraphs' ids. */
static PlenaryBody *
lines_to_body (PlenaryDraft *draft,
               GPtrArray    *lines)
{
  PlenaryBody *old = plenary_draft_get_body (draft);
  const char *language = plenary_draft_get_language (draft);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GPtrArray) parsed = NULL;
  PlenaryBody *body;

  if (old->opening != NULL && old->opening[0] != '\0')
    g_string_append_printf (text, "%s\n", old->opening);
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);

      if (line->deleted)
        continue;
      for (guint l = 0; l < line->level; l++)
        g_string_append_c (text, '\t');
      g_string_append (text, line->text);
      g_string_append_c (text, '\n');
      g_ptr_array_add (kept, line);
    }

  body = plenary_clause_parser_parse (plenary_phrase_dictionary_get_default (language), text->str,
                                      text->len, plenary_draft_get_kind (draft), NULL);
  if (old->extra != NULL && body->extra == NULL)
    body->extra = json_object_ref (old->extra);

  /* One paragraph a line, as in the editor: the ids follow the lines. */
  parsed = plenary_body_flatten (body, NULL);
  if (parsed->len == kept->len)
    for (guint i = 0; i < parsed->len; i++)
      {
        PlenaryParagraph *paragraph = g_ptr_array_index (parsed, i);
        Line *line = g_ptr_array_index (kept, i);

        g_free (paragraph->id);
        paragraph->id = line->paragraph != NULL ? g_strdup (line->paragraph->id) : NULL;
      }

  return body;
}

/* A proposal's words, located in the paragraph's text as it is. */
typedef struct
{
  PlenaryProposal *proposal;
  gint64           start;
  gint64           end;
  guint            order;  /* made before those with a higher one */
} Located;

static gboolean
ranges_overlap (const Located *a,
                const Located *b)
{
  /* Two insertions at one place compete too. */
  if (a->start == a->end || b->start == b->end)
    return a->start >= b->start && a->start <= b->end &&
           b->start >= a->start && b->start <= a->end;

  return a->start < b->end && b->start < a->end;
}

static int
compare_located (gconstpointer a,
                 gconstpointer b)
{
  const Located *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

static int
compare_order (const void *a,
               const void *b)
{
  const Located *x = a, *y = b;

  return x->order < y->order ? -1 : x->order > y->order;
}

/* The text proposals of LINE that still apply, in the order they were
 * made. */
static GArray *
locate_text_proposals (Line      *line,
                       GPtrArray *proposals,
                       guint     *n_skipped)
{
  GArray *located = g_array_new (FALSE, FALSE, sizeof (Located));

  for (guint i = 0; proposals != NULL && i < proposals->len; i++)
    {
      PlenaryProposal *proposal = g_ptr_array_index (proposals, i);
      Located here = { proposal, 0, 0, i };

      if (plenary_proposal_get_kind (proposal) != PLENARY_PROPOSAL_TEXT)
        continue;
      if (plenary_proposal_locate (proposal, line->text, &here.start, &here.end))
        g_array_append_val (located, here);
      else if (n_skipped != NULL)
        (*n_skipped)++;
    }

  return located;
}

static void
mark_deleted (GPtrArray *lines,
              guint      index)
{
  Line *line = g_ptr_array_index (lines, index);

  line->deleted = TRUE;
  /* Its sub-paragraphs go with it; those proposed after it are proposals
   * of their own. */
  for (guint i = index + 1; i < lines->len; i++)
    {
      Line *next = g_ptr_array_index (lines, i);

      if (next->level <= line->level)
        break;
      if (next->added_by == NULL)
        next->deleted = TRUE;
    }
}

PlenaryBody *
plenary_proposals_dup_accepted (PlenaryDraft *draft,
                                guint        *n_skipped)
{
  g_autoptr(GHashTable) by_paragraph = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  guint skipped = 0;

  g_return_val_if_fail (PLENARY_IS_DRAFT (draft), NULL);

  by_paragraph = proposals_by_paragraph (draft);
  lines = build_lines (draft, by_paragraph, TRUE, &skipped);

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);
      GPtrArray *proposals;
      g_autoptr(GArray) located = NULL;
      g_autoptr(GArray) taken = NULL;
      g_autoptr(GString) text = NULL;
      gint64 done = 0;

      if (line->paragraph == NULL || line->paragraph->id == NULL)
        continue;
      proposals = g_hash_table_lookup (by_paragraph, line->paragraph->id);

      for (guint j = 0; proposals != NULL && j < proposals->len; j++)
        if (plenary_proposal_get_kind (g_ptr_array_index (proposals, j)) == PLENARY_PROPOSAL_DELETE_PARAGRAPH)
          mark_deleted (lines, i);

      /* The first made of competing proposals wins. */
      located = locate_text_proposals (line, proposals, &skipped);
      taken = g_array_new (FALSE, FALSE, sizeof (Located));
      for (guint j = 0; j < located->len; j++)
        {
          Located *candidate = &g_array_index (located, Located, j);
          gboolean free = TRUE;

          for (guint k = 0; k < taken->len && free; k++)
            free = !ranges_overlap (candidate, &g_array_index (taken, Located, k));
          if (free)
            g_array_append_val (taken, *candidate);
          else
            skipped++;
        }
      if (taken->len == 0)
        continue;

      g_array_sort (taken, compare_located);
      text = g_string_new (NULL);
      for (guint j = 0; j < taken->len; j++)
        {
          Located *here = &g_array_index (taken, Located, j);
          const char *from = g_utf8_offset_to_pointer (line->text, done);
          const char *to = g_utf8_offset_to_pointer (line->text, here->start);

          g_string_append_len (text, from, to - from);
          g_string_append (text, plenary_proposal_get_text (here->proposal));
          done = here->end;
        }
      g_string_append (text, g_utf8_offset_to_pointer (line->text, done));
      g_free (line->text);
      line->text = g_string_free (g_steal_pointer (&text), FALSE);
    }

  if (n_skipped != NULL)
    *n_skipped = skipped;

  return lines_to_body (draft, lines);
}

/* The compilation text ------------------------------------------------------- */

/* Words of the compilation text, in the drafting language (not the
 * interface's: the text goes to the other delegations). */
typedef struct
{
  const char *language;
  const char *colon;          /* between a proposer and the words */
  const char *alternative;    /* "alt 2" */
  const char *delete_words;
  const char *new_paragraph;
  const char *delete_paragraph;
  const char *friendly;
  const char *unfriendly;
  const char *passed;
  const char *failed;
  const char *statuses[5];
} Words;

static const Words words_by_language[] = {
  { "fr", "\u00a0: ", "variante %u", "supprimer", "nouveau paragraphe", "supprimer le paragraphe",
    "amendement amical", "amendement non amical", "adopté", "rejeté",
    { NULL, "en suspens", "adopté ad referendum", "adopté", "supprimé" } },
  { "en", ": ", "alt %u", "delete", "new paragraph", "delete paragraph",
    "friendly amendment", "unfriendly amendment", "passed", "failed",
    { NULL, "pending", "agreed ad ref.", "agreed", "deleted" } },
};

static const Words *
words_for (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (words_by_language); i++)
    if (g_str_has_prefix (language, words_by_language[i].language))
      return &words_by_language[i];

  return &words_by_language[1];
}

/* "Union européenne, amendement amical, adopté" */
static void
append_proposer (GString         *out,
                 const Words     *words,
                 PlenaryProposal *proposal)
{
  const char *delegation = plenary_proposal_get_delegation (proposal);

  g_string_append (out, delegation[0] != '\0' ? delegation : "?");
  switch (plenary_proposal_get_friendliness (proposal))
    {
    case PLENARY_PROPOSAL_FRIENDLINESS_FRIENDLY:
      g_string_append_printf (out, ", %s", words->friendly);
      break;
    case PLENARY_PROPOSAL_FRIENDLINESS_UNFRIENDLY:
      g_string_append_printf (out, ", %s", words->unfriendly);
      break;
    case PLENARY_PROPOSAL_FRIENDLINESS_NONE:
    default:
      break;
    }
  switch (plenary_proposal_get_vote (proposal))
    {
    case PLENARY_PROPOSAL_VOTE_PASSED:
      g_string_append_printf (out, ", %s", words->passed);
      break;
    case PLENARY_PROPOSAL_VOTE_FAILED:
      g_string_append_printf (out, ", %s", words->failed);
      break;
    case PLENARY_PROPOSAL_VOTE_NONE:
    default:
      break;
    }
}

static void
append_space (GString *out)
{
  if (out->len > 0 && !g_ascii_isspace (out->str[out->len - 1]))
    g_string_append_c (out, ' ');
}

/* LINE's text with its text proposals in brackets; *PHRASE_END receives
 * where, in bytes of the result, the phrase of length PHRASE_LEN (bytes)
 * ends. */
static char *
bracket_text (const Words *words,
              Line        *line,
              GArray      *located,
              gsize        phrase_len,
              gsize       *phrase_end)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 done = 0;
  gint64 phrase_chars = g_utf8_strlen (line->text, phrase_len);
  gboolean phrase_seen = FALSE;

  g_array_sort (located, compare_located);
  for (guint i = 0; i < located->len;)
    {
      Located *first = &g_array_index (located, Located, i);
      gint64 start = first->start, end = first->end;
      guint n = 1;
      const char *from, *to;

      /* Proposals on overlapping words make one cluster of alternatives. */
      while (i + n < located->len)
        {
          Located *next = &g_array_index (located, Located, i + n);
          Located cluster = { NULL, start, end, 0 };

          if (!ranges_overlap (&cluster, next))
            break;
          end = MAX (end, next->end);
          n++;
        }

      from = g_utf8_offset_to_pointer (line->text, done);
      to = g_utf8_offset_to_pointer (line->text, start);
      /* The phrase ends before the cluster, or the cluster that reaches
       * past its end goes with the text. */
      if (!phrase_seen && end > phrase_chars)
        {
          *phrase_end = out->len + (start >= phrase_chars
                                    ? g_utf8_offset_to_pointer (line->text, phrase_chars) - from
                                    : to - from);
          phrase_seen = TRUE;
        }
      g_string_append_len (out, from, to - from);
      if (end > start)
        {
          g_autofree char *old = g_utf8_substring (line->text, start, end);

          g_string_append_printf (out, "[%s]", old);
        }
      /* Alternatives in the order they were made, each as it would make
       * all of the bracketed words. */
      qsort (&g_array_index (located, Located, i), n, sizeof (Located), compare_order);
      for (guint k = 0; k < n; k++)
        {
          Located *here = &g_array_index (located, Located, i + k);
          g_autofree char *before = g_utf8_substring (line->text, start, here->start);
          g_autofree char *after = g_utf8_substring (line->text, here->end, end);
          g_autofree char *replacement = g_strconcat (before, plenary_proposal_get_text (here->proposal),
                                                      after, NULL);

          append_space (out);
          g_string_append_c (out, '[');
          if (n > 1)
            {
              g_string_append_printf (out, words->alternative, k + 1);
              g_string_append (out, " – ");
            }
          append_proposer (out, words, here->proposal);
          g_string_append (out, words->colon);
          g_string_append (out, replacement[0] != '\0' ? g_strstrip (replacement) : words->delete_words);
          g_string_append_c (out, ']');
        }
      done = end;
      i += n;
    }

  if (!phrase_seen)
    *phrase_end = out->len + (g_utf8_offset_to_pointer (line->text, phrase_chars) -
                              g_utf8_offset_to_pointer (line->text, done));
  g_string_append (out, g_utf8_offset_to_pointer (line->text, done));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* PARAGRAPH's phrase and text from a full text whose phrase ends at
 * PHRASE_END. */
static void
set_full_text (PlenaryParagraph *paragraph,
               const char       *full,
               gsize             phrase_end)
{
  const char *rest = full + phrase_end;

  if (paragraph->phrase != NULL && phrase_end > 0)
    {
      g_free (paragraph->phrase);
      paragraph->phrase = g_strndup (full, phrase_end);
      if (*rest == ' ')
        rest++;
    }
  else
    {
      g_clear_pointer (&paragraph->phrase, g_free);
      rest = full;
    }
  g_free (paragraph->text);
  paragraph->text = g_strdup (rest);
}

PlenaryBody *
plenary_proposals_dup_compilation (PlenaryDraft *draft)
{
  const Words *words;
  g_autoptr(GHashTable) by_paragraph = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) parsed = NULL;
  PlenaryBody *body;

  g_return_val_if_fail (PLENARY_IS_DRAFT (draft), NULL);

  words = words_for (plenary_draft_get_language (draft));
  by_paragraph = proposals_by_paragraph (draft);
  lines = build_lines (draft, by_paragraph, TRUE, NULL);

  /* The new paragraphs take the role the parser gives them in place. */
  body = lines_to_body (draft, lines);
  parsed = plenary_body_flatten (body, NULL);
  if (parsed->len != lines->len)
    return body;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);
      PlenaryParagraph *paragraph = g_ptr_array_index (parsed, i);
      g_autoptr(GString) out = g_string_new (NULL);
      g_autofree char *bracketed = NULL;
      gsize phrase_len = paragraph->phrase != NULL ? strlen (paragraph->phrase) : 0;
      gsize phrase_end = 0;
      PlenaryParagraphStatus status;
      GPtrArray *proposals;

      if (line->added_by != NULL)
        {
          /* "[Encourage … ] [Union européenne : nouveau paragraphe]" */
          g_string_append_printf (out, "[%s] [", line->text);
          append_proposer (out, words, line->added_by);
          g_string_append_printf (out, "%s%s]", words->colon, words->new_paragraph);
          set_full_text (paragraph, out->str, phrase_len > 0 ? phrase_len + 1 : 0);
          continue;
        }

      proposals = line->paragraph->id != NULL ? g_hash_table_lookup (by_paragraph, line->paragraph->id) : NULL;
      {
        g_autoptr(GArray) located = locate_text_proposals (line, proposals, NULL);

        bracketed = bracket_text (words, line, located, phrase_len, &phrase_end);
      }

      for (guint j = 0; proposals != NULL && j < proposals->len; j++)
        {
          PlenaryProposal *proposal = g_ptr_array_index (proposals, j);

          if (plenary_proposal_get_kind (proposal) != PLENARY_PROPOSAL_DELETE_PARAGRAPH)
            continue;
          if (out->len == 0)
            {
              g_string_append_printf (out, "[%s]", bracketed);
              phrase_end++;
            }
          g_string_append (out, " [");
          append_proposer (out, words, proposal);
          g_string_append_printf (out, "%s%s]", words->colon, words->delete_paragraph);
        }
      if (out->len == 0)
        g_string_append (out, bracketed);

      status = plenary_draft_get_paragraph_status (draft, line->paragraph->id);
      if (status != PLENARY_PARAGRAPH_STATUS_NONE)
        g_string_append_printf (out, " [%s]", words->statuses[status]);

      set_full_text (paragraph, out->str, phrase_len > 0 ? phrase_end : 0);
    }

  return body;
}

/* Merging a copy ---------------------------------------------------------------- */

static void
add_word_proposals (PlenaryDraft     *draft,
                    PlenaryParagraph *base,
                    PlenaryParagraph *copy,
                    const char       *delegation,
                    GDateTime        *now,
                    guint            *n_added)
{
  g_autofree char *old_text = plenary_paragraph_dup_full_text (base);
  g_autofree char *new_text = plenary_paragraph_dup_full_text (copy);
  g_autoptr(GArray) runs = NULL;
  gint64 position = 0;

  if (g_strcmp0 (old_text, new_text) == 0)
    return;

  runs = plenary_word_diff (old_text, new_text);
  for (guint i = 0; i < runs->len; i++)
    {
      PlenaryWordRun *run = &g_array_index (runs, PlenaryWordRun, i);
      gint64 start = position, end = position;
      const char *inserted = "";
      g_autoptr(PlenaryProposal) proposal = NULL;
      g_autofree char *id = NULL;

      if (run->op == PLENARY_WORD_EQUAL)
        {
          position += g_utf8_strlen (run->text, -1);
          continue;
        }
      /* A change is a DELETE run, an INSERT run, or both in that order. */
      if (run->op == PLENARY_WORD_DELETE)
        {
          end = position += g_utf8_strlen (run->text, -1);
          if (i + 1 < runs->len && g_array_index (runs, PlenaryWordRun, i + 1).op == PLENARY_WORD_INSERT)
            inserted = g_array_index (runs, PlenaryWordRun, ++i).text;
        }
      else
        inserted = run->text;

      id = plenary_draft_new_proposal_id (draft);
      proposal = plenary_proposal_new_text (id, delegation, now, base->id, old_text, start, end, inserted);
      plenary_draft_add_proposal (draft, proposal);
      (*n_added)++;
    }
}

/* How many paragraphs of PARAGRAPHS have each full text. */
static void
count_texts (GHashTable *counts,
             GPtrArray  *paragraphs)
{
  for (guint i = 0; i < paragraphs->len; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (paragraphs, i);
      char *text = plenary_paragraph_dup_full_text (paragraph);

      g_hash_table_replace (counts, text, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, text)) + 1));
      count_texts (counts, paragraph->children);
    }
}

static gboolean
counts_once (GHashTable       *counts,
             PlenaryParagraph *paragraph)
{
  g_autofree char *text = plenary_paragraph_dup_full_text (paragraph);

  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, text)) == 1;
}

static void
clear_ids (GPtrArray *paragraphs)
{
  for (guint i = 0; i < paragraphs->len; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (paragraphs, i);

      g_clear_pointer (&paragraph->id, g_free);
      clear_ids (paragraph->children);
    }
}

guint
plenary_proposals_merge_copy (PlenaryDraft *draft,
                              PlenaryBody  *copy,
                              gboolean      shares_ids,
                              const char   *delegation)
{
  g_autoptr(PlenaryBody) anonymous = NULL;
  g_autoptr(PlenaryComparison) comparison = NULL;
  g_autoptr(GHashTable) old_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) new_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *last_id = "";
  const char *last_kept_id = "";
  int deleted_level = -1;
  guint n_added = 0;
  guint n;

  g_return_val_if_fail (PLENARY_IS_DRAFT (draft), 0);
  g_return_val_if_fail (copy != NULL, 0);

  plenary_draft_ensure_paragraph_ids (draft);
  if (!shares_ids)
    {
      copy = anonymous = plenary_body_copy (copy);
      clear_ids (copy->paragraphs);
    }
  comparison = plenary_differ_compare (plenary_draft_get_body (draft), copy, PLENARY_DIFFER_DEFAULT);
  count_texts (old_counts, plenary_draft_get_body (draft)->paragraphs);
  count_texts (new_counts, copy->paragraphs);
  n = plenary_comparison_get_n_paragraphs (comparison);
  for (guint i = 0; i < n; i++)
    {
      const PlenaryDiffParagraph *entry = plenary_comparison_get_paragraph (comparison, i);
      g_autoptr(PlenaryProposal) proposal = NULL;
      g_autofree char *id = NULL;

      if (entry->is_opening)
        continue;

      switch (entry->kind)
        {
        case PLENARY_DIFF_MATCHED:
          /* Among paragraphs of the same words (the same sub-paragraph
           * under several paragraphs), which one moved is a guess: only a
           * paragraph found once is moved. */
          if (entry->moved && counts_once (old_counts, entry->old_paragraph) &&
              counts_once (new_counts, entry->new_paragraph))
            {
              /* A move is a deletion where it was and the paragraph, with
               * the sub-paragraphs that came with it, where it went (Word
               * shows such a pair as a move). */
              guint end = i + 1;

              while (end < n)
                {
                  const PlenaryDiffParagraph *next = plenary_comparison_get_paragraph (comparison, end);

                  if (next->kind == PLENARY_DIFF_DELETED || next->new_level <= entry->new_level)
                    break;
                  end++;
                }
              id = plenary_draft_new_proposal_id (draft);
              proposal = plenary_proposal_new_delete (id, delegation, now, entry->old_paragraph->id);
              plenary_draft_add_proposal (draft, proposal);
              n_added++;
              for (guint k = i; k < end; k++)
                {
                  const PlenaryDiffParagraph *moved = plenary_comparison_get_paragraph (comparison, k);
                  g_autofree char *text = plenary_paragraph_dup_full_text (moved->new_paragraph);
                  g_autofree char *added_id = plenary_draft_new_proposal_id (draft);
                  g_autoptr(PlenaryProposal) added =
                    plenary_proposal_new_add (added_id, delegation, now, last_id, moved->new_level, text);

                  plenary_draft_add_proposal (draft, added);
                  n_added++;
                }
              g_clear_object (&proposal);
              i = end - 1;
              break;
            }
          add_word_proposals (draft, entry->old_paragraph, entry->new_paragraph, delegation, now, &n_added);
          last_id = last_kept_id = entry->old_paragraph->id;
          deleted_level = -1;
          break;

        case PLENARY_DIFF_INSERTED:
          {
            g_autofree char *text = plenary_paragraph_dup_full_text (entry->new_paragraph);

            /* A new sub-paragraph belongs under the paragraph kept before
             * it, not a deleted one. */
            id = plenary_draft_new_proposal_id (draft);
            proposal = plenary_proposal_new_add (id, delegation, now,
                                                 entry->new_level > 0 ? last_kept_id : last_id,
                                                 entry->new_level, text);
          }
          break;

        case PLENARY_DIFF_DELETED:
        default:
          last_id = entry->old_paragraph->id;
          /* A sub-paragraph goes with its deleted parent. */
          if (deleted_level >= 0 && entry->old_level > (guint) deleted_level)
            break;
          deleted_level = entry->old_level;
          id = plenary_draft_new_proposal_id (draft);
          proposal = plenary_proposal_new_delete (id, delegation, now, entry->old_paragraph->id);
          break;
        }

      if (proposal != NULL)
        {
          plenary_draft_add_proposal (draft, proposal);
          n_added++;
        }
    }

  return n_added;
}
