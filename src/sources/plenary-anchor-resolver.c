/* plenary-anchor-resolver.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-anchor-resolver"

#include "config.h"

/* memmem() */
#define _GNU_SOURCE
#include <string.h>

#include "plenary-anchor-resolver.h"

/* Fuzzy matching: accepted edits per quote code point, shortest quote worth
 * it, the area searched around the stored position, the seeds used for the
 * whole-text scan, and how many places each seed may propose. */
#define FUZZY_MAX_EDIT_RATIO 0.25
#define FUZZY_MIN_QUOTE      5
#define FUZZY_MAX_QUOTE      4000
#define LONG_QUOTE_END       32
#define FUZZY_LOCAL_MARGIN   2000
#define FUZZY_SEED_LENGTH    16
#define FUZZY_MAX_PER_SEED   64
/* Dynamic-programme cells (quote code points x text code points) one
 * resolution may spend: about a tenth of a second. */
#define FUZZY_MAX_CELLS      (100 * 1000 * 1000)

/* Byte offset of code point CP in TEXT (of LEN bytes), or -1 past the end. */
static gssize
cp_to_byte (const char *text,
            gsize       len,
            gint64      cp)
{
  const char *p = text;
  const char *end = text + len;

  if (cp < 0)
    return -1;
  while (cp > 0 && p < end)
    {
      p = g_utf8_next_char (p);
      cp--;
    }
  return cp == 0 ? p - text : -1;
}

/* Like cp_to_byte() but clamped to the text. */
static gsize
cp_to_byte_clamped (const char *text,
                    gsize       len,
                    gint64      cp)
{
  gssize b = cp_to_byte (text, len, MAX (cp, 0));

  return b < 0 ? len : (gsize) b;
}

/* Byte offset of every TEXT_MARK_EVERY-th code point, so that code point
 * offsets convert in constant time: one pass per text, however many
 * anchors sit on it. */
#define TEXT_MARK_EVERY 1024

typedef struct
{
  const char *text;
  gsize       len;
  GArray     *marks;  /* gsize */
} TextIndex;

static void
text_index_init (TextIndex  *index,
                 const char *text)
{
  const guchar *p = (const guchar *) text;
  gsize cp = 0;

  index->text = text;
  index->marks = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (; *p != '\0'; p++)
    if ((*p & 0xC0) != 0x80)
      {
        if (cp % TEXT_MARK_EVERY == 0)
          {
            gsize b = (const char *) p - text;

            g_array_append_val (index->marks, b);
          }
        cp++;
      }
  index->len = (const char *) p - text;
}

static void
text_index_clear (TextIndex *index)
{
  g_clear_pointer (&index->marks, g_array_unref);
}

/* Byte offset of code point CP, or -1 past the end. */
static gssize
text_index_to_byte (const TextIndex *index,
                    gint64           cp)
{
  gsize mark;
  gssize b;

  if (cp < 0)
    return -1;
  mark = cp / TEXT_MARK_EVERY;
  if (mark >= index->marks->len)
    mark = index->marks->len > 0 ? index->marks->len - 1 : 0;
  if (index->marks->len == 0)
    return cp == 0 ? 0 : -1;

  b = cp_to_byte (index->text + g_array_index (index->marks, gsize, mark),
                  index->len - g_array_index (index->marks, gsize, mark),
                  cp - (gint64) mark * TEXT_MARK_EVERY);
  return b < 0 ? -1 : b + (gssize) g_array_index (index->marks, gsize, mark);
}

static gint64
text_index_to_cp (const TextIndex *index,
                  gsize            byte)
{
  guint lo = 0;
  guint hi = index->marks->len;

  if (hi == 0)
    return 0;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (index->marks, gsize, mid) <= byte)
        lo = mid;
      else
        hi = mid;
    }

  return (gint64) lo * TEXT_MARK_EVERY +
         g_utf8_pointer_to_offset (index->text + g_array_index (index->marks, gsize, lo),
                                   index->text + byte);
}

PlenaryAnchor *
plenary_anchor_resolver_describe (const char *target_id,
                                  const char *text,
                                  gint64      start,
                                  gint64      end)
{
  gsize len;
  gsize bs, be;
  const char *ps, *se;
  g_autofree char *exact = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;

  g_return_val_if_fail (target_id != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  len = strlen (text);
  if (start < 0)
    start = 0;
  if (end < start)
    end = start;

  bs = cp_to_byte_clamped (text, len, start);
  start = g_utf8_pointer_to_offset (text, text + bs);
  be = bs + cp_to_byte_clamped (text + bs, len - bs, end - start);
  end = start + g_utf8_pointer_to_offset (text + bs, text + be);

  ps = text + bs;
  for (guint i = 0; i < PLENARY_ANCHOR_CONTEXT_LENGTH && ps > text; i++)
    ps = g_utf8_prev_char (ps);
  se = text + be + cp_to_byte_clamped (text + be, len - be, PLENARY_ANCHOR_CONTEXT_LENGTH);

  exact = g_strndup (text + bs, be - bs);
  prefix = g_strndup (ps, text + bs - ps);
  suffix = g_strndup (text + be, se - (text + be));

  return plenary_anchor_new (target_id, exact, prefix, suffix, start, end);
}

/* Bytes of the stored context that still surround the candidate at
 * [BS, BE): the end of PREFIX before it, the start of SUFFIX after it. */
static gsize
context_score (const char *text,
               gsize       len,
               gsize       bs,
               gsize       be,
               const char *prefix,
               const char *suffix)
{
  gsize score = 0;
  gsize plen = prefix != NULL ? strlen (prefix) : 0;
  gsize slen = suffix != NULL ? strlen (suffix) : 0;

  while (score < plen && score < bs && prefix[plen - 1 - score] == text[bs - 1 - score])
    score++;
  for (gsize i = 0; i < slen && be + i < len && suffix[i] == text[be + i]; i++)
    score++;

  return score;
}

static gsize
byte_distance (gsize a,
               gsize b)
{
  return a > b ? a - b : b - a;
}

static gboolean
find_exact (const char *text,
            gsize       len,
            const char *needle,
            gsize       needle_len,
            const char *prefix,
            const char *suffix,
            gsize       near,
            gsize      *best_start)
{
  const char *p = text;
  const char *end = text + len;
  gboolean found = FALSE;
  gsize best_score = 0;

  while (p < end)
    {
      const char *hit = memmem (p, end - p, needle, needle_len);
      gsize bs, score;

      if (hit == NULL)
        break;

      bs = hit - text;
      score = context_score (text, len, bs, bs + needle_len, prefix, suffix);
      if (!found || score > best_score ||
          (score == best_score && byte_distance (bs, near) < byte_distance (*best_start, near)))
        {
          found = TRUE;
          best_score = score;
          *best_start = bs;
        }
      p = g_utf8_next_char (hit);
    }

  return found;
}

typedef struct
{
  gboolean found;
  guint    cost;
  gsize    start;  /* bytes */
  gsize    end;
  guint64  cells_left;
} FuzzyBest;

/* Approximate substring match of PATTERN in TEXT[WS, WE) (bytes): the
 * passage with the fewest edits (Sellers' dynamic programme, free start and
 * end), updating BEST when cheaper, or as cheap and nearer NEAR. */
static void
fuzzy_window (const gunichar *pattern,
              guint           m,
              const char     *text,
              gsize           ws,
              gsize           we,
              guint           max_cost,
              gsize           near,
              FuzzyBest      *best)
{
  g_autofree guint *cost = g_new (guint, m + 1);
  g_autofree gsize *origin = g_new (gsize, m + 1);
  const char *p = text + ws;

  for (guint i = 0; i <= m; i++)
    {
      cost[i] = i;
      origin[i] = ws;
    }

  while (p < text + we && best->cells_left >= m)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      guint diag_cost = cost[0];
      gsize diag_origin = origin[0];

      best->cells_left -= m;
      cost[0] = 0;
      origin[0] = next - text;

      for (guint i = 1; i <= m; i++)
        {
          guint up_cost = cost[i];
          gsize up_origin = origin[i];
          guint sub = diag_cost + (pattern[i - 1] == c ? 0 : 1);
          guint ins = up_cost + 1;
          guint del = cost[i - 1] + 1;

          if (sub <= ins && sub <= del)
            {
              cost[i] = sub;
              origin[i] = diag_origin;
            }
          else if (ins <= del)
            {
              cost[i] = ins;
              origin[i] = up_origin;
            }
          else
            {
              cost[i] = del;
              origin[i] = origin[i - 1];
            }
          diag_cost = up_cost;
          diag_origin = up_origin;
        }

      p = next;
      if (cost[m] <= max_cost &&
          (!best->found || cost[m] < best->cost ||
           (cost[m] == best->cost &&
            byte_distance (origin[m], near) < byte_distance (best->start, near))))
        {
          best->found = TRUE;
          best->cost = cost[m];
          best->start = origin[m];
          best->end = p - text;
        }
    }
}

/* Moves B back by N code points, stopping at the start. */
static gsize
back_chars (const char *text,
            gsize       b,
            gsize       n)
{
  const char *p = text + b;

  for (gsize i = 0; i < n && p > text; i++)
    p = g_utf8_prev_char (p);
  return p - text;
}

static gsize
forward_chars (const char *text,
               gsize       len,
               gsize       b,
               gsize       n)
{
  return b + cp_to_byte_clamped (text + b, len - b, n);
}

/* Fuzzy search around each occurrence of SEED; OFFSET_IN_QUOTE is where
 * the seed starts relative to the quote start, in code points (negative
 * for a seed from the prefix). */
static void
fuzzy_seed (const gunichar *pattern,
            guint           m,
            const char     *text,
            gsize           len,
            const char     *seed,
            gint64          offset_in_quote,
            guint           max_cost,
            gsize           near,
            FuzzyBest      *best)
{
  const char *p = text;
  gsize seed_len = strlen (seed);
  guint n_hits = 0;
  gsize slack = max_cost + FUZZY_SEED_LENGTH;

  if (seed_len == 0)
    return;

  while (n_hits < FUZZY_MAX_PER_SEED && best->cells_left >= m)
    {
      const char *hit = memmem (p, text + len - p, seed, seed_len);
      gsize guess, ws, we;

      if (hit == NULL)
        break;
      n_hits++;

      if (offset_in_quote >= 0)
        guess = back_chars (text, hit - text, offset_in_quote);
      else
        guess = forward_chars (text, len, hit - text, -offset_in_quote);
      ws = back_chars (text, guess, slack);
      we = forward_chars (text, len, guess, m + slack);
      fuzzy_window (pattern, m, text, ws, we, max_cost, near, best);

      p = g_utf8_next_char (hit);
    }
}

static char *
utf8_head (const char *s,
           guint       n)
{
  const char *p = s;

  for (guint i = 0; i < n && *p != '\0'; i++)
    p = g_utf8_next_char (p);
  return g_strndup (s, p - s);
}

static char *
utf8_tail (const char *s,
           guint       n)
{
  const char *p = s + strlen (s);

  for (guint i = 0; i < n && p > s; i++)
    p = g_utf8_prev_char (p);
  return g_strdup (p);
}

/* A quote too long for the edit-distance search (a whole annex): found
 * by its first and last LONG_QUOTE_END code points, unchanged, at a
 * distance within the allowed edits of the quote length. */
static gboolean
find_long_quote (const PlenaryAnchor *anchor,
                 const char          *text,
                 gsize                len,
                 gsize                near,
                 glong                m,
                 guint                max_cost,
                 gsize               *bs,
                 gsize               *be)
{
  g_autofree char *head = utf8_head (anchor->exact, LONG_QUOTE_END);
  g_autofree char *tail = utf8_tail (anchor->exact, LONG_QUOTE_END);
  gsize head_len = strlen (head);
  gsize tail_len = strlen (tail);
  glong tail_chars = g_utf8_strlen (tail, -1);
  const char *p = text;
  gboolean found = FALSE;
  guint n_hits = 0;

  while (n_hits++ < FUZZY_MAX_PER_SEED)
    {
      const char *hit = memmem (p, text + len - p, head, head_len);
      gsize expected, from, to;
      const char *tail_hit = NULL;

      if (hit == NULL)
        break;
      p = g_utf8_next_char (hit);

      /* The tail, within the allowed edits of where it should start; the
       * nearest copy if it repeats. */
      expected = forward_chars (text, len, hit - text, m - tail_chars);
      from = back_chars (text, expected, max_cost);
      to = forward_chars (text, len, expected, max_cost + tail_chars);
      for (const char *t = memmem (text + from, to - from, tail, tail_len);
           t != NULL;
           t = memmem (t + 1, text + to - (t + 1), tail, tail_len))
        if (tail_hit == NULL ||
            byte_distance (t - text, expected) < byte_distance (tail_hit - text, expected))
          tail_hit = t;
      if (tail_hit == NULL || tail_hit < hit + head_len)
        continue;

      if (!found || byte_distance (hit - text, near) < byte_distance (*bs, near))
        {
          found = TRUE;
          *bs = hit - text;
          *be = tail_hit - text + tail_len;
        }
    }

  return found;
}

static gboolean
find_fuzzy (const PlenaryAnchor *anchor,
            const char          *text,
            gsize                len,
            gsize                near,
            gsize               *bs,
            gsize               *be)
{
  g_autofree gunichar *pattern = NULL;
  glong m = 0;
  guint max_cost;
  FuzzyBest best = { FALSE, 0, 0, 0, FUZZY_MAX_CELLS };
  gsize margin;
  gsize ws, we;

  pattern = g_utf8_to_ucs4_fast (anchor->exact, -1, &m);
  if (m < FUZZY_MIN_QUOTE)
    return FALSE;
  max_cost = (guint) (m * FUZZY_MAX_EDIT_RATIO);
  if (m > FUZZY_MAX_QUOTE)
    return find_long_quote (anchor, text, len, near, m, max_cost, bs, be);

  /* Near the stored position first: the usual case after local edits.
   * A long quote gets a narrower margin so that half the budget is left
   * for the whole-text scan. */
  margin = 2 * m + FUZZY_LOCAL_MARGIN;
  if ((guint64) m * (2 * margin + m) > FUZZY_MAX_CELLS / 2)
    {
      gsize room = FUZZY_MAX_CELLS / 2 / m;

      margin = room > (gsize) m ? MAX ((gsize) max_cost, (room - m) / 2) : max_cost;
    }
  ws = back_chars (text, near, margin);
  we = forward_chars (text, len, near, m + margin);
  fuzzy_window (pattern, m, text, ws, we, max_cost, near, &best);

  if (!best.found)
    {
      g_autofree char *head = utf8_head (anchor->exact, FUZZY_SEED_LENGTH);
      g_autofree char *tail = utf8_tail (anchor->exact, FUZZY_SEED_LENGTH);
      g_autofree char *before = utf8_tail (anchor->prefix != NULL ? anchor->prefix : "", FUZZY_SEED_LENGTH);
      g_autofree char *after = utf8_head (anchor->suffix != NULL ? anchor->suffix : "", FUZZY_SEED_LENGTH);
      glong tail_len = g_utf8_strlen (tail, -1);
      glong before_len = g_utf8_strlen (before, -1);

      if (m > FUZZY_SEED_LENGTH)
        {
          fuzzy_seed (pattern, m, text, len, head, 0, max_cost, near, &best);
          fuzzy_seed (pattern, m, text, len, tail, m - tail_len, max_cost, near, &best);
        }
      if (before_len >= FUZZY_SEED_LENGTH / 2)
        fuzzy_seed (pattern, m, text, len, before, -before_len, max_cost, near, &best);
      if (g_utf8_strlen (after, -1) >= FUZZY_SEED_LENGTH / 2)
        fuzzy_seed (pattern, m, text, len, after, m, max_cost, near, &best);
    }

  if (!best.found)
    return FALSE;

  *bs = best.start;
  *be = best.end;
  return TRUE;
}

static gboolean
resolve_indexed (const PlenaryAnchor *anchor,
                 const TextIndex     *index,
                 gint64              *start,
                 gint64              *end,
                 PlenaryAnchorMatch  *how)
{
  const char *text = index->text;
  const char *exact;
  gsize len;
  gsize exact_len;
  gsize near;
  gssize pos;
  gsize bs = 0, be = 0;
  PlenaryAnchorMatch match = PLENARY_ANCHOR_MATCH_ORPHAN;

  if (start != NULL)
    *start = -1;
  if (end != NULL)
    *end = -1;
  if (how != NULL)
    *how = PLENARY_ANCHOR_MATCH_ORPHAN;

  exact = anchor->exact != NULL ? anchor->exact : "";
  exact_len = strlen (exact);
  len = index->len;
  pos = text_index_to_byte (index, anchor->start);
  near = pos >= 0 ? (gsize) pos : len;

  if (exact_len == 0)
    {
      /* A caret anchor: only its context tells where it was. */
      gsize plen = anchor->prefix != NULL ? strlen (anchor->prefix) : 0;
      gsize slen = anchor->suffix != NULL ? strlen (anchor->suffix) : 0;

      if (pos >= 0 && context_score (text, len, pos, pos, anchor->prefix, anchor->suffix) == plen + slen)
        {
          bs = be = pos;
          match = PLENARY_ANCHOR_MATCH_POSITION;
        }
      else if (plen + slen > 0)
        {
          g_autofree char *joined = g_strconcat (anchor->prefix != NULL ? anchor->prefix : "",
                                                 anchor->suffix != NULL ? anchor->suffix : "", NULL);

          if (find_exact (text, len, joined, plen + slen, NULL, NULL, near, &bs))
            {
              bs += plen;
              be = bs;
              match = PLENARY_ANCHOR_MATCH_QUOTE;
            }
        }
    }
  else if (pos >= 0 && pos + exact_len <= len && memcmp (text + pos, exact, exact_len) == 0 &&
           context_score (text, len, pos, pos + exact_len, anchor->prefix, anchor->suffix) ==
           strlen (anchor->prefix != NULL ? anchor->prefix : "") +
           strlen (anchor->suffix != NULL ? anchor->suffix : ""))
    {
      bs = pos;
      be = pos + exact_len;
      match = PLENARY_ANCHOR_MATCH_POSITION;
    }
  else if (find_exact (text, len, exact, exact_len, anchor->prefix, anchor->suffix, near, &bs))
    {
      /* The quote at the stored position but with its context edited
       * stays there unless another copy has a better context. */
      be = bs + exact_len;
      match = pos >= 0 && bs == (gsize) pos ? PLENARY_ANCHOR_MATCH_POSITION : PLENARY_ANCHOR_MATCH_QUOTE;
    }
  else if (find_fuzzy (anchor, text, len, near, &bs, &be))
    match = PLENARY_ANCHOR_MATCH_FUZZY;

  if (match == PLENARY_ANCHOR_MATCH_ORPHAN)
    return FALSE;

  if (how != NULL)
    *how = match;
  if (match == PLENARY_ANCHOR_MATCH_POSITION)
    {
      if (start != NULL)
        *start = anchor->start;
      if (end != NULL)
        *end = anchor->start + g_utf8_pointer_to_offset (text + bs, text + be);
    }
  else
    {
      gint64 s = text_index_to_cp (index, bs);

      if (start != NULL)
        *start = s;
      if (end != NULL)
        *end = s + g_utf8_pointer_to_offset (text + bs, text + be);
    }

  return TRUE;
}

gboolean
plenary_anchor_resolver_resolve (const PlenaryAnchor *anchor,
                                 const char          *text,
                                 gint64              *start,
                                 gint64              *end,
                                 PlenaryAnchorMatch  *how)
{
  TextIndex index;
  gboolean found;

  g_return_val_if_fail (anchor != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  text_index_init (&index, text);
  found = resolve_indexed (anchor, &index, start, end, how);
  text_index_clear (&index);

  return found;
}

static void
placement_clear (gpointer data)
{
  PlenaryAnchorPlacement *placement = data;

  g_clear_object (&placement->annotation);
}

static void
text_index_free (gpointer data)
{
  text_index_clear (data);
  g_free (data);
}

static gboolean
resolve_on_target (PlenaryDraft        *draft,
                   const char          *editor_text,
                   GHashTable          *indexes,
                   const PlenaryAnchor *anchor,
                   gint64              *start,
                   gint64              *end,
                   PlenaryAnchorMatch  *how)
{
  const char *text = NULL;
  TextIndex *index;

  *start = -1;
  *end = -1;
  *how = PLENARY_ANCHOR_MATCH_ORPHAN;

  if (anchor == NULL)
    return FALSE;

  if (g_strcmp0 (anchor->target, PLENARY_ANCHOR_TARGET_DRAFT) == 0)
    text = editor_text;
  else if (anchor->target != NULL)
    {
      PlenarySource *source = plenary_draft_find_source (draft, anchor->target);

      if (source != NULL)
        text = plenary_source_get_text (source);
    }

  if (text == NULL)
    return FALSE;

  index = g_hash_table_lookup (indexes, text);
  if (index == NULL)
    {
      index = g_new0 (TextIndex, 1);
      text_index_init (index, text);
      g_hash_table_insert (indexes, (gpointer) text, index);
    }

  return resolve_indexed (anchor, index, start, end, how);
}

GArray *
plenary_anchor_resolver_resolve_draft (PlenaryDraft *draft,
                                       const char   *editor_text)
{
  g_autoptr(GHashTable) indexes = NULL;
  GListModel *annotations;
  GArray *placements;
  guint n;

  g_return_val_if_fail (PLENARY_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (editor_text != NULL, NULL);

  /* Keyed by text: the draft and each source text are indexed once. */
  indexes = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, text_index_free);
  annotations = G_LIST_MODEL (plenary_draft_get_annotations (draft));
  n = g_list_model_get_n_items (annotations);
  placements = g_array_sized_new (FALSE, TRUE, sizeof (PlenaryAnchorPlacement), n);
  g_array_set_clear_func (placements, placement_clear);

  for (guint i = 0; i < n; i++)
    {
      PlenaryAnnotation *annotation = g_list_model_get_item (annotations, i);
      PlenaryAnchorPlacement placement = { 0 };
      gboolean placed;

      placement.annotation = annotation;
      placed = resolve_on_target (draft, editor_text, indexes,
                                  plenary_annotation_get_anchor (annotation),
                                  &placement.start, &placement.end, &placement.how);

      placement.source_how = PLENARY_ANCHOR_MATCH_ORPHAN;
      placement.source_start = -1;
      placement.source_end = -1;
      if (plenary_annotation_get_kind (annotation) == PLENARY_ANNOTATION_CITATION)
        resolve_on_target (draft, editor_text, indexes,
                           plenary_annotation_get_source_anchor (annotation),
                           &placement.source_start, &placement.source_end,
                           &placement.source_how);

      plenary_annotation_set_orphan (annotation, !placed);
      g_array_append_val (placements, placement);
    }

  return placements;
}

static PlenaryAnchor *
moved_anchor (const PlenaryAnchor *anchor,
              gint64               start,
              gint64               end)
{
  return plenary_anchor_new (anchor->target, anchor->exact, anchor->prefix, anchor->suffix, start, end);
}

void
plenary_anchor_resolver_update_draft (PlenaryDraft *draft,
                                      const char   *editor_text)
{
  g_autoptr(GArray) placements = NULL;

  g_return_if_fail (PLENARY_IS_DRAFT (draft));
  g_return_if_fail (editor_text != NULL);

  placements = plenary_anchor_resolver_resolve_draft (draft, editor_text);
  for (guint i = 0; i < placements->len; i++)
    {
      PlenaryAnchorPlacement *placement = &g_array_index (placements, PlenaryAnchorPlacement, i);
      PlenaryAnnotation *annotation = placement->annotation;
      PlenaryAnchor *anchor = plenary_annotation_get_anchor (annotation);
      PlenaryAnchor *source_anchor = plenary_annotation_get_source_anchor (annotation);

      if (anchor != NULL && placement->start >= 0 &&
          (placement->start != anchor->start || placement->end != anchor->end))
        {
          g_autoptr(PlenaryAnchor) moved = moved_anchor (anchor, placement->start, placement->end);
          plenary_annotation_set_anchor (annotation, moved);
        }
      if (source_anchor != NULL && placement->source_start >= 0 &&
          (placement->source_start != source_anchor->start || placement->source_end != source_anchor->end))
        {
          g_autoptr(PlenaryAnchor) moved = moved_anchor (source_anchor, placement->source_start,
                                                         placement->source_end);
          plenary_annotation_set_source_anchor (annotation, moved);
        }
    }
}
