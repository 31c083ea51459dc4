/* plenary-differ.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-differ"

#include "config.h"

#include <string.h>

#include "plenary-differ.h"

/* Two paragraphs sharing this share of their words are the same paragraph,
 * edited. */
#define SIMILAR          0.5
/* A pair of paragraphs matched by id whose words differ more than this does
 * not count towards trusting the ids. */
#define ID_PLAUSIBLE     0.25
/* Paired by id at once: nearly the same words (texts of one drafting style
 * share half their words by chance). */
#define ID_SURE          0.8
/* Words in more unmatched paragraphs than this ("the", "de") do not propose
 * candidates (they still count in the similarity). */
#define MAX_POSTINGS     64
/* Candidates looked at per paragraph, the most words in common first. */
#define MAX_CANDIDATES   16

typedef struct
{
  GPtrArray *paragraphs;
  GArray    *levels;
  /* Full texts (phrase + text). */
  GPtrArray *texts;
  /* Index of the matched paragraph on the other side, or -1. */
  int       *match;
  /* Bags of words (char* → count), made when needed. */
  GHashTable **bags;
  guint       *bag_sizes;
} Side;

static void
side_init (Side        *side,
           PlenaryBody *body)
{
  side->levels = g_array_new (FALSE, FALSE, sizeof (guint));
  side->paragraphs = plenary_body_flatten (body, side->levels);
  side->texts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < side->paragraphs->len; i++)
    g_ptr_array_add (side->texts,
                     plenary_paragraph_dup_full_text (g_ptr_array_index (side->paragraphs, i)));
  side->match = g_new (int, side->paragraphs->len + 1);
  for (guint i = 0; i < side->paragraphs->len; i++)
    side->match[i] = -1;
  side->bags = g_new0 (GHashTable *, side->paragraphs->len + 1);
  side->bag_sizes = g_new0 (guint, side->paragraphs->len + 1);
}

static void
side_clear (Side *side)
{
  for (guint i = 0; i < side->paragraphs->len; i++)
    g_clear_pointer (&side->bags[i], g_hash_table_unref);
  g_free (side->bags);
  g_free (side->bag_sizes);
  g_free (side->match);
  g_ptr_array_unref (side->texts);
  g_ptr_array_unref (side->paragraphs);
  g_array_unref (side->levels);
}

static GHashTable *
side_bag (Side  *side,
          guint  index)
{
  if (side->bags[index] == NULL)
    {
      g_auto(GStrv) words = plenary_words_split (g_ptr_array_index (side->texts, index));
      GHashTable *bag = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; words[i] != NULL; i++)
        {
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (bag, words[i]));

          if (count == 0)
            g_hash_table_insert (bag, g_strdup (words[i]), GUINT_TO_POINTER (1));
          else
            g_hash_table_insert (bag, g_strdup (words[i]), GUINT_TO_POINTER (count + 1));
        }
      side->bags[index] = bag;
      side->bag_sizes[index] = g_strv_length (words);
    }

  return side->bags[index];
}

static double
similarity (Side  *old_side,
            guint  i,
            Side  *new_side,
            guint  j)
{
  GHashTable *a = side_bag (old_side, i);
  GHashTable *b = side_bag (new_side, j);
  guint total = old_side->bag_sizes[i] + new_side->bag_sizes[j];
  GHashTableIter iter;
  gpointer word, count;
  guint common = 0;

  if (total == 0)
    return strcmp (g_ptr_array_index (old_side->texts, i),
                   g_ptr_array_index (new_side->texts, j)) == 0 ? 1.0 : 0.0;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &word, &count))
    common += MIN (GPOINTER_TO_UINT (count), GPOINTER_TO_UINT (g_hash_table_lookup (b, word)));

  return 2.0 * common / total;
}

static void
pair (Side  *old_side,
      guint  i,
      Side  *new_side,
      guint  j)
{
  old_side->match[i] = j;
  new_side->match[j] = i;
}

/* The newer side's paragraphs by id (index + 1); a duplicate id names its
 * first holder only. */
static GHashTable *
index_ids (Side *new_side)
{
  GHashTable *by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint j = 0; j < new_side->paragraphs->len; j++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (new_side->paragraphs, j);

      if (paragraph->id != NULL && !g_hash_table_contains (by_id, paragraph->id))
        g_hash_table_insert (by_id, paragraph->id, GUINT_TO_POINTER (j + 1));
    }

  return by_id;
}

/* The newer paragraph with the id of older paragraph I, or -1. */
static int
same_id (Side       *old_side,
         GHashTable *by_id,
         guint       i)
{
  PlenaryParagraph *paragraph = g_ptr_array_index (old_side->paragraphs, i);

  if (paragraph->id == NULL)
    return -1;

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (by_id, paragraph->id)) - 1;
}

/* Same id, same text: the same paragraph (this is what tells apart two
 * paragraphs with the same words). */
static void
match_ids_exact (Side       *old_side,
                 Side       *new_side,
                 GHashTable *by_id)
{
  for (guint i = 0; i < old_side->paragraphs->len; i++)
    {
      int j = same_id (old_side, by_id, i);

      if (j >= 0 && new_side->match[j] < 0 &&
          strcmp (g_ptr_array_index (old_side->texts, i), g_ptr_array_index (new_side->texts, j)) == 0)
        pair (old_side, i, new_side, j);
    }
}

/* The paragraphs left with the same id on both sides, when the ids look
 * like the same draft's. Ids are given in order when a file without them
 * is read, so two files read apart both have "p1", "p2"... on different
 * paragraphs: a pair with nearly the same words is paired at once; one
 * whose words differ is kept in WEAK (two ints a pair) and paired only if
 * neither paragraph finds its own text elsewhere. */
static void
match_ids (Side       *old_side,
           Side       *new_side,
           GHashTable *by_id,
           GArray     *weak)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (int) * 3);
  guint plausible = 0;

  for (guint i = 0; i < old_side->paragraphs->len; i++)
    {
      int j = same_id (old_side, by_id, i);
      double score;

      if (j < 0 || old_side->match[i] >= 0 || new_side->match[j] >= 0)
        continue;

      score = similarity (old_side, i, new_side, j);
      int triple[3] = { i, j, score >= ID_SURE };
      g_array_append_val (pairs, triple);
      if (score >= ID_PLAUSIBLE)
        plausible++;
    }

  /* "p1" to "p40" in two unrelated drafts: ids pairing paragraphs with
   * nothing in common are not the same draft's. */
  if (plausible * 2 < pairs->len)
    return;

  for (guint k = 0; k < pairs->len; k++)
    {
      int *triple = &g_array_index (pairs, int, 3 * k);

      if (triple[2])
        pair (old_side, triple[0], new_side, triple[1]);
      else
        g_array_append_vals (weak, triple, 2);
    }
}

/* The weak id pairs whose paragraphs found nothing better. */
static void
match_weak_ids (Side   *old_side,
                Side   *new_side,
                GArray *weak)
{
  for (guint k = 0; k + 1 < weak->len; k += 2)
    {
      int i = g_array_index (weak, int, k);
      int j = g_array_index (weak, int, k + 1);

      if (old_side->match[i] < 0 && new_side->match[j] < 0)
        pair (old_side, i, new_side, j);
    }
}

/* Pairs the same texts. Each older paragraph is expected where the one
 * before it went, plus one; of the newer paragraphs with its words, the one
 * nearest there is taken. With ANCHORED, only when it is exactly there or
 * the words are found once on each side: a text found several times (the
 * same sub-paragraph under several paragraphs) with one occurrence changed
 * would otherwise pair every later occurrence with the next one and show
 * them all as moved. The others wait for the similarity pass. */
static void
match_texts (Side     *old_side,
             Side     *new_side,
             gboolean  anchored)
{
  g_autoptr(GHashTable) by_text = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) old_counts = g_hash_table_new (g_str_hash, g_str_equal);
  int expected = 0;

  for (guint j = 0; j < new_side->paragraphs->len; j++)
    {
      const char *text = g_ptr_array_index (new_side->texts, j);
      GArray *list;

      if (new_side->match[j] >= 0)
        continue;
      if (!(list = g_hash_table_lookup (by_text, text)))
        g_hash_table_insert (by_text, (char *) text, (list = g_array_new (FALSE, FALSE, sizeof (guint))));
      g_array_append_val (list, j);
    }
  for (guint i = 0; i < old_side->paragraphs->len; i++)
    {
      const char *text = g_ptr_array_index (old_side->texts, i);

      if (old_side->match[i] < 0)
        g_hash_table_insert (old_counts, (char *) text,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (old_counts, text)) + 1));
    }

  for (guint i = 0; i < old_side->paragraphs->len; i++)
    {
      const char *text = g_ptr_array_index (old_side->texts, i);
      guint old_count;
      GArray *list;
      guint best = 0;
      int j;

      if (old_side->match[i] >= 0)
        {
          expected = old_side->match[i] + 1;
          continue;
        }
      list = g_hash_table_lookup (by_text, text);
      if (list == NULL || list->len == 0)
        {
          expected++;
          continue;
        }
      for (guint k = 1; k < list->len; k++)
        if (ABS ((int) g_array_index (list, guint, k) - expected) <
            ABS ((int) g_array_index (list, guint, best) - expected))
          best = k;
      j = g_array_index (list, guint, best);
      old_count = GPOINTER_TO_UINT (g_hash_table_lookup (old_counts, text));
      if (anchored && j != expected && (list->len > 1 || old_count > 1))
        {
          expected++;
          continue;
        }
      pair (old_side, i, new_side, j);
      g_array_remove_index (list, best);
      g_hash_table_insert (old_counts, (char *) text, GUINT_TO_POINTER (old_count - 1));
      expected = j + 1;
    }
}

typedef struct
{
  double score;
  guint  old_index;
  guint  new_index;
  guint  distance;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (ca->score != cb->score)
    return ca->score > cb->score ? -1 : 1;
  if (ca->distance != cb->distance)
    return ca->distance < cb->distance ? -1 : 1;
  return ca->new_index < cb->new_index ? -1 : ca->new_index > cb->new_index;
}

typedef struct
{
  guint old_index;
  guint shared;
} Shared;

static int
compare_shared (gconstpointer a,
                gconstpointer b)
{
  const Shared *sa = a, *sb = b;

  if (sa->shared != sb->shared)
    return sa->shared > sb->shared ? -1 : 1;
  return sa->old_index < sb->old_index ? -1 : sa->old_index > sb->old_index;
}

/* Pairs the paragraphs left that share most of their words, the most alike
 * first. Candidates come from an index of the words of the older side's
 * unmatched paragraphs, so that two long texts do not compare every pair. */
static void
match_similar (Side *old_side,
               Side *new_side)
{
  g_autoptr(GHashTable) postings = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_array_unref);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GHashTable) shared = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Shared));
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < old_side->paragraphs->len; i++)
    {
      if (old_side->match[i] >= 0)
        continue;
      g_hash_table_iter_init (&iter, side_bag (old_side, i));
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          GArray *list = g_hash_table_lookup (postings, key);

          if (list == NULL)
            g_hash_table_insert (postings, key, (list = g_array_new (FALSE, FALSE, sizeof (guint))));
          g_array_append_val (list, i);
        }
    }

  for (guint j = 0; j < new_side->paragraphs->len; j++)
    {
      if (new_side->match[j] >= 0)
        continue;

      g_hash_table_remove_all (shared);
      g_hash_table_iter_init (&iter, side_bag (new_side, j));
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          GArray *list = g_hash_table_lookup (postings, key);

          if (list == NULL || list->len > MAX_POSTINGS)
            continue;
          for (guint k = 0; k < list->len; k++)
            {
              gpointer old_key = GUINT_TO_POINTER (g_array_index (list, guint, k) + 1);

              g_hash_table_insert (shared, old_key,
                                   GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (shared, old_key)) + 1));
            }
        }

      g_array_set_size (ranked, 0);
      g_hash_table_iter_init (&iter, shared);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          Shared entry = { GPOINTER_TO_UINT (key) - 1, GPOINTER_TO_UINT (value) };

          g_array_append_val (ranked, entry);
        }
      g_array_sort (ranked, compare_shared);

      for (guint k = 0; k < MIN (ranked->len, MAX_CANDIDATES); k++)
        {
          guint i = g_array_index (ranked, Shared, k).old_index;
          Candidate candidate = { similarity (old_side, i, new_side, j), i, j,
                                  (guint) ABS ((int) i - (int) j) };

          if (candidate.score >= SIMILAR)
            g_array_append_val (candidates, candidate);
        }
    }

  g_array_sort (candidates, compare_candidates);
  for (guint k = 0; k < candidates->len; k++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, k);

      if (old_side->match[candidate->old_index] < 0 && new_side->match[candidate->new_index] < 0)
        pair (old_side, candidate->old_index, new_side, candidate->new_index);
    }
}

/* Marks STABLE[j] for the matched new paragraphs that keep their order: the
 * longest increasing subsequence of their older indexes. The others moved. */
static void
find_stable (Side     *new_side,
             gboolean *stable)
{
  guint n = new_side->paragraphs->len;
  g_autofree int *tails = g_new (int, n + 1);   /* new index ending each length */
  g_autofree int *previous = g_new (int, n + 1);
  int length = 0;

  for (guint j = 0; j < n; j++)
    {
      int old_index = new_side->match[j];
      int low = 0, high = length;

      if (old_index < 0)
        continue;
      while (low < high)
        {
          int middle = (low + high) / 2;

          if (new_side->match[tails[middle]] < old_index)
            low = middle + 1;
          else
            high = middle;
        }
      previous[j] = low > 0 ? tails[low - 1] : -1;
      tails[low] = j;
      if (low == length)
        length++;
    }

  for (int j = length > 0 ? tails[length - 1] : -1; j >= 0; j = previous[j])
    stable[j] = TRUE;
}

static GArray *
runs_of_one (PlenaryWordOp  op,
             const char    *text)
{
  GArray *runs = plenary_word_runs_new ();

  if (text != NULL && text[0] != '\0')
    {
      PlenaryWordRun run = { op, g_strdup (text) };

      g_array_append_val (runs, run);
    }

  return runs;
}

static gboolean
has_phrase (const PlenaryParagraph *paragraph)
{
  return paragraph != NULL && paragraph->phrase != NULL && paragraph->phrase[0] != '\0';
}

static void
add_entry (GArray *entries,
           Side   *old_side,
           int     i,
           Side   *new_side,
           int     j,
           gboolean moved)
{
  PlenaryDiffParagraph entry = { 0 };
  PlenaryParagraph *old_paragraph = i >= 0 ? g_ptr_array_index (old_side->paragraphs, i) : NULL;
  PlenaryParagraph *new_paragraph = j >= 0 ? g_ptr_array_index (new_side->paragraphs, j) : NULL;

  entry.old_index = i;
  entry.new_index = j;
  if (old_paragraph != NULL)
    {
      entry.old_paragraph = plenary_paragraph_ref (old_paragraph);
      entry.old_level = g_array_index (old_side->levels, guint, i);
    }
  if (new_paragraph != NULL)
    {
      entry.new_paragraph = plenary_paragraph_ref (new_paragraph);
      entry.new_level = g_array_index (new_side->levels, guint, j);
    }

  if (old_paragraph != NULL && new_paragraph != NULL)
    {
      entry.kind = PLENARY_DIFF_MATCHED;
      entry.moved = moved;
      entry.restyled = old_paragraph->role != new_paragraph->role || entry.old_level != entry.new_level;
      if (has_phrase (old_paragraph) || has_phrase (new_paragraph))
        entry.phrase_runs = plenary_word_diff (old_paragraph->phrase, new_paragraph->phrase);
      else
        entry.phrase_runs = runs_of_one (PLENARY_WORD_EQUAL, NULL);
      entry.text_runs = plenary_word_diff (old_paragraph->text, new_paragraph->text);
    }
  else if (new_paragraph != NULL)
    {
      entry.kind = PLENARY_DIFF_INSERTED;
      entry.phrase_runs = runs_of_one (PLENARY_WORD_INSERT, new_paragraph->phrase);
      entry.text_runs = runs_of_one (PLENARY_WORD_INSERT, new_paragraph->text);
    }
  else
    {
      entry.kind = PLENARY_DIFF_DELETED;
      entry.phrase_runs = runs_of_one (PLENARY_WORD_DELETE, old_paragraph->phrase);
      entry.text_runs = runs_of_one (PLENARY_WORD_DELETE, old_paragraph->text);
    }

  g_array_append_val (entries, entry);
}

static void
add_opening (GArray      *entries,
             PlenaryBody *old_body,
             PlenaryBody *new_body)
{
  PlenaryDiffParagraph entry = { 0 };

  if (old_body->opening == NULL && new_body->opening == NULL)
    return;

  entry.is_opening = TRUE;
  entry.old_index = entry.new_index = -1;
  entry.phrase_runs = runs_of_one (PLENARY_WORD_EQUAL, NULL);
  if (old_body->opening == NULL)
    {
      entry.kind = PLENARY_DIFF_INSERTED;
      entry.text_runs = runs_of_one (PLENARY_WORD_INSERT, new_body->opening);
    }
  else if (new_body->opening == NULL)
    {
      entry.kind = PLENARY_DIFF_DELETED;
      entry.text_runs = runs_of_one (PLENARY_WORD_DELETE, old_body->opening);
    }
  else
    {
      entry.kind = PLENARY_DIFF_MATCHED;
      entry.text_runs = plenary_word_diff (old_body->opening, new_body->opening);
    }

  g_array_append_val (entries, entry);
}

PlenaryComparison *
plenary_differ_compare (PlenaryBody        *old_body,
                        PlenaryBody        *new_body,
                        PlenaryDifferFlags  flags)
{
  g_autoptr(GArray) entries = NULL;
  g_autofree gboolean *stable = NULL;
  g_autofree int *anchor_of = NULL;
  g_autoptr(GHashTable) deleted_after = NULL;
  g_autoptr(GArray) weak = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GHashTable) by_id = NULL;
  Side old_side, new_side;
  int last_stable_old = -1;
  GArray *list;

  g_return_val_if_fail (old_body != NULL, NULL);
  g_return_val_if_fail (new_body != NULL, NULL);

  side_init (&old_side, old_body);
  side_init (&new_side, new_body);

  if (!(flags & PLENARY_DIFFER_IGNORE_IDS))
    {
      by_id = index_ids (&new_side);
      match_ids_exact (&old_side, &new_side, by_id);
    }
  match_texts (&old_side, &new_side, TRUE);
  if (by_id != NULL)
    match_ids (&old_side, &new_side, by_id, weak);
  match_similar (&old_side, &new_side);
  match_texts (&old_side, &new_side, FALSE);
  match_weak_ids (&old_side, &new_side, weak);

  stable = g_new0 (gboolean, new_side.paragraphs->len + 1);
  find_stable (&new_side, stable);

  /* Each deleted paragraph goes after the nearest paragraph before it in
   * the older text that did not move (-1: before everything). */
  deleted_after = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                         (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < old_side.paragraphs->len; i++)
    {
      int j = old_side.match[i];

      if (j >= 0 && stable[j])
        last_stable_old = i;
      else if (j < 0)
        {
          gpointer key = GINT_TO_POINTER (last_stable_old + 1);

          if (!(list = g_hash_table_lookup (deleted_after, key)))
            g_hash_table_insert (deleted_after, key, (list = g_array_new (FALSE, FALSE, sizeof (guint))));
          g_array_append_val (list, i);
        }
    }

  entries = g_array_new (FALSE, TRUE, sizeof (PlenaryDiffParagraph));
  add_opening (entries, old_body, new_body);

  if ((list = g_hash_table_lookup (deleted_after, GINT_TO_POINTER (0))))
    for (guint k = 0; k < list->len; k++)
      add_entry (entries, &old_side, g_array_index (list, guint, k), &new_side, -1, FALSE);

  for (guint j = 0; j < new_side.paragraphs->len; j++)
    {
      int i = new_side.match[j];

      add_entry (entries, &old_side, i, &new_side, j, i >= 0 && !stable[j]);
      if (i >= 0 && stable[j] && (list = g_hash_table_lookup (deleted_after, GINT_TO_POINTER (i + 1))))
        for (guint k = 0; k < list->len; k++)
          add_entry (entries, &old_side, g_array_index (list, guint, k), &new_side, -1, FALSE);
    }

  side_clear (&old_side);
  side_clear (&new_side);

  return plenary_comparison_new (old_body, new_body, entries);
}
