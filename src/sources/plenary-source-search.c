/* plenary-source-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-source-search"

#include "config.h"

/* memmem() */
#define _GNU_SOURCE
#include <string.h>

#include "plenary-source-search.h"

/* Code points between two checkpoints of the folded-to-original map. */
#define CHECKPOINT_EVERY 64
/* Code points of context on each side of a match in a snippet. */
#define SNIPPET_CONTEXT 50
/* Time one main-loop iteration may spend scanning sources. */
#define STEP_BUDGET_USEC 8000
/* Code points below this have their folded form in a table. */
#define FOLD_TABLE_SIZE 0x3000

/* Folding --------------------------------------------------------------- */

typedef struct
{
  guint8 len;
  char   bytes[11];
} FoldEntry;

static FoldEntry *fold_table;
static GQuark index_quark;

static guint
fold_char_slow (gunichar  c,
                char     *out)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;
  guint len = 0;

  /* Variants a writer does not tell apart when typing a query: hyphens and
   * dashes (U+2011 in "Sud‑Sud", the minus sign), curly quotes, primes. */
  switch (c)
    {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x02BC:
    case 0x2032: case 0x00B4: case 0x0060: case 0xFF07:
      out[0] = '\'';
      return 1;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0xFF02:
      out[0] = '"';
      return 1;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      out[0] = '-';
      return 1;
    case 0x00AD: /* soft hyphen: invisible, not a letter */
      return 0;
    default:
      break;
    }

  n = g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed));
  for (gsize i = 0; i < n; i++)
    {
      GUnicodeType type = g_unichar_type (decomposed[i]);
      char utf8[8];
      g_autofree char *folded = NULL;
      int ulen;

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK)
        continue;

      ulen = g_unichar_to_utf8 (decomposed[i], utf8);
      folded = g_utf8_casefold (utf8, ulen);
      for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar f = g_utf8_get_char (p);

          /* French writers type "coeur" for "cœur". */
          if (f == 0x0153 || f == 0x00E6)
            {
              if (len + 2 > 10)
                break;
              out[len++] = f == 0x0153 ? 'o' : 'a';
              out[len++] = 'e';
              continue;
            }
          if (len + 4 > 10)
            break;
          len += g_unichar_to_utf8 (f, out + len);
        }
    }

  return len;
}

/* Also sets up the quark of the per-source cache. */
static void
fold_table_init (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      FoldEntry *table = g_new0 (FoldEntry, FOLD_TABLE_SIZE);

      for (gunichar c = 0; c < FOLD_TABLE_SIZE; c++)
        table[c].len = fold_char_slow (c, table[c].bytes);
      fold_table = table;
      index_quark = g_quark_from_static_string ("plenary-source-search-index");
      g_once_init_leave (&initialized, 1);
    }
}

/* Appends the folded form of C to OUT (at most 10 bytes); returns its length. */
static inline guint
fold_char (gunichar  c,
           char     *out)
{
  if (c < FOLD_TABLE_SIZE)
    {
      memcpy (out, fold_table[c].bytes, fold_table[c].len);
      return fold_table[c].len;
    }
  return fold_char_slow (c, out);
}

static inline guint
fold_len (gunichar c)
{
  char buf[11];

  if (c < FOLD_TABLE_SIZE)
    return fold_table[c].len;
  return fold_char_slow (c, buf);
}

char *
plenary_search_fold (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  /* The sources panel's empty search, as every window opens: no table yet. */
  if (text[0] == '\0')
    return g_strdup ("");

  fold_table_init ();
  out = g_string_sized_new (strlen (text) + 1);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      char buf[11];
      guint len = fold_char (g_utf8_get_char (p), buf);

      g_string_append_len (out, buf, len);
    }

  return g_string_free (out, FALSE);
}

/* Per-source index -------------------------------------------------------- */

typedef struct
{
  guint32 folded;
  guint32 byte;
  guint32 cp;
} Checkpoint;

typedef struct
{
  char   *folded;
  gsize   folded_len;
  GArray *checkpoints;
} SourceIndex;

G_LOCK_DEFINE_STATIC (index_lock);

static void
source_index_free (gpointer data)
{
  SourceIndex *index = data;

  g_free (index->folded);
  g_array_unref (index->checkpoints);
  g_free (index);
}

static SourceIndex *
source_index_build (const char *text)
{
  SourceIndex *index = g_new0 (SourceIndex, 1);
  gsize text_len = strlen (text);
  gsize capacity = text_len + 16;
  char *folded = g_malloc (capacity);
  gsize f = 0;
  guint32 cp = 0;
  const char *p = text;

  index->checkpoints = g_array_sized_new (FALSE, FALSE, sizeof (Checkpoint),
                                          text_len / CHECKPOINT_EVERY + 2);

  while (*p != '\0')
    {
      guchar b = (guchar) *p;

      if (cp % CHECKPOINT_EVERY == 0)
        {
          Checkpoint c = { f, p - text, cp };

          g_array_append_val (index->checkpoints, c);
        }

      if (f + 11 > capacity)
        {
          capacity = capacity * 3 / 2 + 16;
          folded = g_realloc (folded, capacity);
        }

      if (b < 0x80)
        {
          folded[f++] = g_ascii_tolower (b);
          p++;
        }
      else
        {
          f += fold_char (g_utf8_get_char (p), folded + f);
          p = g_utf8_next_char (p);
        }
      cp++;
    }

  folded[f] = '\0';
  index->folded = folded;
  index->folded_len = f;

  return index;
}

static SourceIndex *
source_index_get (PlenarySource *source)
{
  SourceIndex *index;

  fold_table_init ();

  G_LOCK (index_lock);
  index = g_object_get_qdata (G_OBJECT (source), index_quark);
  G_UNLOCK (index_lock);
  if (index != NULL)
    return index;

  index = source_index_build (plenary_source_get_text (source));

  G_LOCK (index_lock);
  {
    SourceIndex *other = g_object_get_qdata (G_OBJECT (source), index_quark);

    if (other != NULL)
      {
        source_index_free (index);
        index = other;
      }
    else
      g_object_set_qdata_full (G_OBJECT (source), index_quark, index, source_index_free);
  }
  G_UNLOCK (index_lock);

  return index;
}

void
plenary_source_search_prepare_source (PlenarySource *source)
{
  g_return_if_fail (PLENARY_IS_SOURCE (source));

  source_index_get (source);
}

/* Maps an offset in the folded text back to the original text. A folded
 * offset inside the folded form of one character maps to its start, or to
 * its end when ROUND_UP. */
static void
source_index_map (SourceIndex *index,
                  const char  *text,
                  gsize        folded_offset,
                  gboolean     round_up,
                  gsize       *byte,
                  gint64      *cp)
{
  const Checkpoint *cps = (const Checkpoint *) index->checkpoints->data;
  guint lo = 0;
  guint hi = index->checkpoints->len;
  const char *p;
  gsize f;
  gint64 c;

  if (hi == 0)
    {
      *byte = 0;
      *cp = 0;
      return;
    }

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (cps[mid].folded <= folded_offset)
        lo = mid;
      else
        hi = mid;
    }

  p = text + cps[lo].byte;
  f = cps[lo].folded;
  c = cps[lo].cp;

  /* Characters folding to nothing (combining marks) belong to the base
   * character before them: a start skips them, an end takes them in. */
  while (*p != '\0')
    {
      guint len = fold_len (g_utf8_get_char (p));

      if (f == folded_offset && len > 0)
        break;
      if (f + len > folded_offset)
        {
          if (round_up)
            {
              p = g_utf8_next_char (p);
              c++;
            }
          break;
        }
      f += len;
      p = g_utf8_next_char (p);
      c++;
    }

  *byte = p - text;
  *cp = c;
}

/* Matching ----------------------------------------------------------------- */

typedef struct
{
  char  **words;   /* folded, non-empty */
  gsize  *lengths;
  guint   n_words;
  gboolean word_start; /* the first word begins with a letter or digit */
} Query;

static void
query_free (Query *query)
{
  if (query == NULL)
    return;
  g_strfreev (query->words);
  g_free (query->lengths);
  g_free (query);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Query, query_free)

static gboolean
is_folded_space (const char *p,
                 guint      *len)
{
  gunichar c;

  if ((guchar) *p < 0x80)
    {
      *len = 1;
      return *p == ' ' || *p == '\n' || *p == '\t' || *p == '\f' || *p == '\v' || *p == '\r';
    }
  c = g_utf8_get_char (p);
  *len = g_utf8_skip[*(const guchar *) p];
  return g_unichar_isspace (c);
}

static Query *
query_new (const char *text)
{
  g_autofree char *folded = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  Query *query;
  const char *p;

  if (text == NULL)
    return NULL;

  folded = plenary_search_fold (text);
  p = folded;
  while (*p != '\0')
    {
      const char *start;
      guint len;

      while (*p != '\0' && is_folded_space (p, &len))
        p += len;
      start = p;
      while (*p != '\0' && !is_folded_space (p, &len))
        p += g_utf8_skip[*(const guchar *) p];
      if (p > start)
        g_ptr_array_add (words, g_strndup (start, p - start));
    }

  if (words->len == 0)
    return NULL;

  query = g_new0 (Query, 1);
  query->n_words = words->len;
  query->lengths = g_new (gsize, words->len);
  for (guint i = 0; i < words->len; i++)
    query->lengths[i] = strlen (g_ptr_array_index (words, i));
  g_ptr_array_add (words, NULL);
  query->words = (char **) g_ptr_array_free (g_steal_pointer (&words), FALSE);
  query->word_start = g_unichar_isalnum (g_utf8_get_char (query->words[0]));

  return query;
}

static gboolean
is_word_start (const char *haystack,
               const char *at)
{
  const char *prev;

  if (at == haystack)
    return TRUE;
  if ((guchar) at[-1] < 0x80)
    return !g_ascii_isalnum (at[-1]);
  prev = g_utf8_find_prev_char (haystack, at);
  return prev == NULL || !g_unichar_isalnum (g_utf8_get_char (prev));
}

/* Finds the next match at or after FROM; returns FALSE when none. */
static gboolean
query_find (const Query *query,
            const char  *haystack,
            gsize        haystack_len,
            gsize        from,
            gsize       *match_start,
            gsize       *match_end)
{
  const char *end = haystack + haystack_len;
  const char *p = haystack + from;

  while (p < end)
    {
      const char *hit = memmem (p, end - p, query->words[0], query->lengths[0]);
      const char *q;
      gboolean ok = TRUE;

      if (hit == NULL)
        return FALSE;

      p = hit + 1;
      if (query->word_start && !is_word_start (haystack, hit))
        continue;

      q = hit + query->lengths[0];
      for (guint i = 1; i < query->n_words && ok; i++)
        {
          const char *after_space = q;
          guint len;

          while (after_space < end && is_folded_space (after_space, &len))
            after_space += len;
          if (after_space == q ||
              (gsize) (end - after_space) < query->lengths[i] ||
              memcmp (after_space, query->words[i], query->lengths[i]) != 0)
            ok = FALSE;
          else
            q = after_space + query->lengths[i];
        }

      if (ok)
        {
          *match_start = hit - haystack;
          *match_end = q - haystack;
          return TRUE;
        }
    }

  return FALSE;
}

/* PlenarySearchResult -------------------------------------------------------- */

struct _PlenarySearchResult
{
  GObject        parent_instance;

  PlenarySource *source;
  gint64         start;
  gint64         end;
  gsize          byte_start;
  gsize          byte_end;
  char          *snippet;
  guint          snippet_match_start;
  guint          snippet_match_end;
};

G_DEFINE_FINAL_TYPE (PlenarySearchResult, plenary_search_result, G_TYPE_OBJECT)

static void
plenary_search_result_finalize (GObject *object)
{
  PlenarySearchResult *self = PLENARY_SEARCH_RESULT (object);

  g_clear_object (&self->source);
  g_clear_pointer (&self->snippet, g_free);

  G_OBJECT_CLASS (plenary_search_result_parent_class)->finalize (object);
}

static void
plenary_search_result_class_init (PlenarySearchResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plenary_search_result_finalize;
}

static void
plenary_search_result_init (PlenarySearchResult *self)
{
}

static void
append_snippet_text (GString    *out,
                     const char *from,
                     const char *to)
{
  /* One line: breaks and tabs read as spaces, runs of them as one. */
  for (const char *p = from; p < to; p++)
    {
      if (*p == '\n' || *p == '\t' || *p == '\r' || *p == '\f')
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, *p);
    }
}

static PlenarySearchResult *
plenary_search_result_new (PlenarySource *source,
                           gsize          byte_start,
                           gsize          byte_end,
                           gint64         start,
                           gint64         end)
{
  PlenarySearchResult *self = g_object_new (PLENARY_TYPE_SEARCH_RESULT, NULL);
  const char *text = plenary_source_get_text (source);
  const char *match_start = text + byte_start;
  const char *match_end = text + byte_end;
  const char *ctx_start = match_start;
  const char *ctx_end = match_end;
  const char *space = NULL;
  GString *snippet = g_string_new (NULL);
  guint i;

  self->source = g_object_ref (source);
  self->byte_start = byte_start;
  self->byte_end = byte_end;
  self->start = start;
  self->end = end;

  /* Context cut at a space, so no word is shown in part. */
  for (i = 0; i < SNIPPET_CONTEXT && ctx_start > text; i++)
    {
      ctx_start = g_utf8_prev_char (ctx_start);
      if (*ctx_start == '\n')
        {
          ctx_start++;
          space = NULL;
          i = SNIPPET_CONTEXT;
          break;
        }
      if (*ctx_start == ' ')
        space = ctx_start;
    }
  if (i == SNIPPET_CONTEXT && ctx_start > text && *(ctx_start - 1) != '\n' && space != NULL)
    ctx_start = space + 1;

  space = NULL;
  for (i = 0; i < SNIPPET_CONTEXT && *ctx_end != '\0' && *ctx_end != '\n'; i++)
    {
      if (*ctx_end == ' ')
        space = ctx_end;
      ctx_end = g_utf8_next_char (ctx_end);
    }
  if (*ctx_end != '\0' && *ctx_end != '\n' && space != NULL)
    ctx_end = space;

  if (ctx_start > text && *(ctx_start - 1) != '\n')
    g_string_append (snippet, "…");
  append_snippet_text (snippet, ctx_start, match_start);
  self->snippet_match_start = snippet->len;
  append_snippet_text (snippet, match_start, match_end);
  self->snippet_match_end = snippet->len;
  append_snippet_text (snippet, match_end, ctx_end);
  if (*ctx_end != '\0' && *ctx_end != '\n')
    g_string_append (snippet, "…");

  self->snippet = g_string_free (snippet, FALSE);

  return self;
}

PlenarySource *
plenary_search_result_get_source (PlenarySearchResult *self)
{
  g_return_val_if_fail (PLENARY_IS_SEARCH_RESULT (self), NULL);
  return self->source;
}

gint64
plenary_search_result_get_start (PlenarySearchResult *self)
{
  g_return_val_if_fail (PLENARY_IS_SEARCH_RESULT (self), 0);
  return self->start;
}

gint64
plenary_search_result_get_end (PlenarySearchResult *self)
{
  g_return_val_if_fail (PLENARY_IS_SEARCH_RESULT (self), 0);
  return self->end;
}

gsize
plenary_search_result_get_byte_start (PlenarySearchResult *self)
{
  g_return_val_if_fail (PLENARY_IS_SEARCH_RESULT (self), 0);
  return self->byte_start;
}

gsize
plenary_search_result_get_byte_end (PlenarySearchResult *self)
{
  g_return_val_if_fail (PLENARY_IS_SEARCH_RESULT (self), 0);
  return self->byte_end;
}

const char *
plenary_search_result_get_snippet (PlenarySearchResult *self)
{
  g_return_val_if_fail (PLENARY_IS_SEARCH_RESULT (self), NULL);
  return self->snippet;
}

guint
plenary_search_result_get_snippet_match_start (PlenarySearchResult *self)
{
  g_return_val_if_fail (PLENARY_IS_SEARCH_RESULT (self), 0);
  return self->snippet_match_start;
}

guint
plenary_search_result_get_snippet_match_end (PlenarySearchResult *self)
{
  g_return_val_if_fail (PLENARY_IS_SEARCH_RESULT (self), 0);
  return self->snippet_match_end;
}

char *
plenary_search_result_dup_snippet_markup (PlenarySearchResult *self)
{
  g_autofree char *before = NULL;
  g_autofree char *match = NULL;
  g_autofree char *after = NULL;

  g_return_val_if_fail (PLENARY_IS_SEARCH_RESULT (self), NULL);

  before = g_markup_escape_text (self->snippet, self->snippet_match_start);
  match = g_markup_escape_text (self->snippet + self->snippet_match_start,
                                self->snippet_match_end - self->snippet_match_start);
  after = g_markup_escape_text (self->snippet + self->snippet_match_end, -1);

  return g_strdup_printf ("%s<b>%s</b>%s", before, match, after);
}

guint
plenary_search_result_get_page (PlenarySearchResult *self)
{
  g_return_val_if_fail (PLENARY_IS_SEARCH_RESULT (self), 0);
  return plenary_source_get_page_at (self->source, self->start);
}

/* PlenarySearchGroup --------------------------------------------------------- */

typedef struct
{
  guint32 start;
  guint32 end;
} FoldedMatch;

struct _PlenarySearchGroup
{
  GObject        parent_instance;

  PlenarySource *source;
  SourceIndex   *index;     /* owned by the source */
  GArray        *matches;   /* FoldedMatch */
  GPtrArray     *items;     /* PlenarySearchResult or NULL, built on demand */
  guint          order;     /* position of the source in the searched list */
  gboolean       title_match;
};

static void plenary_search_group_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlenarySearchGroup, plenary_search_group, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      plenary_search_group_list_model_init))

static GType
plenary_search_group_get_item_type (GListModel *model)
{
  return PLENARY_TYPE_SEARCH_RESULT;
}

static guint
plenary_search_group_get_n_items (GListModel *model)
{
  return PLENARY_SEARCH_GROUP (model)->matches->len;
}

static gpointer
plenary_search_group_get_item (GListModel *model,
                               guint       position)
{
  PlenarySearchGroup *self = PLENARY_SEARCH_GROUP (model);
  const FoldedMatch *m;
  const char *text;
  gsize byte_start, byte_end;
  gint64 start, end;

  if (position >= self->matches->len)
    return NULL;

  if (self->items->len < self->matches->len)
    g_ptr_array_set_size (self->items, self->matches->len);

  if (g_ptr_array_index (self->items, position) == NULL)
    {
      m = &g_array_index (self->matches, FoldedMatch, position);
      text = plenary_source_get_text (self->source);
      source_index_map (self->index, text, m->start, FALSE, &byte_start, &start);
      source_index_map (self->index, text, m->end, TRUE, &byte_end, &end);
      g_ptr_array_index (self->items, position) =
        plenary_search_result_new (self->source, byte_start, byte_end, start, end);
    }

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
plenary_search_group_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = plenary_search_group_get_item_type;
  iface->get_n_items = plenary_search_group_get_n_items;
  iface->get_item = plenary_search_group_get_item;
}

static void
unref_item (gpointer item)
{
  /* Items not built yet are NULL. */
  if (item != NULL)
    g_object_unref (item);
}

static void
plenary_search_group_finalize (GObject *object)
{
  PlenarySearchGroup *self = PLENARY_SEARCH_GROUP (object);

  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (plenary_search_group_parent_class)->finalize (object);
}

static void
plenary_search_group_class_init (PlenarySearchGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plenary_search_group_finalize;
}

static void
plenary_search_group_init (PlenarySearchGroup *self)
{
  self->matches = g_array_new (FALSE, FALSE, sizeof (FoldedMatch));
  self->items = g_ptr_array_new_with_free_func (unref_item);
}

static PlenarySearchGroup *
search_group_new (PlenarySource *source,
                  const Query   *query,
                  guint          order)
{
  PlenarySearchGroup *self = g_object_new (PLENARY_TYPE_SEARCH_GROUP, NULL);
  gsize from = 0;
  gsize start, end;

  self->source = g_object_ref (source);
  self->index = source_index_get (source);
  self->order = order;

  if (query == NULL)
    return self;

  while (query_find (query, self->index->folded, self->index->folded_len, from, &start, &end))
    {
      FoldedMatch m = { start, end };

      g_array_append_val (self->matches, m);
      from = end > start ? end : start + 1;
    }

  if (self->matches->len > 0)
    {
      const char *title = plenary_source_get_title (source);
      g_autofree char *folded_title = plenary_search_fold (title != NULL ? title : "");

      self->title_match = query_find (query, folded_title, strlen (folded_title), 0, &start, &end);
    }

  return self;
}

PlenarySearchGroup *
plenary_search_group_new_for_source (PlenarySource *source,
                                     const char    *query)
{
  g_autoptr(Query) q = NULL;

  g_return_val_if_fail (PLENARY_IS_SOURCE (source), NULL);

  q = query_new (query);
  return search_group_new (source, q, 0);
}

PlenarySource *
plenary_search_group_get_source (PlenarySearchGroup *self)
{
  g_return_val_if_fail (PLENARY_IS_SEARCH_GROUP (self), NULL);
  return self->source;
}

guint
plenary_search_group_get_n_matches (PlenarySearchGroup *self)
{
  g_return_val_if_fail (PLENARY_IS_SEARCH_GROUP (self), 0);
  return self->matches->len;
}

gboolean
plenary_search_group_get_title_match (PlenarySearchGroup *self)
{
  g_return_val_if_fail (PLENARY_IS_SEARCH_GROUP (self), FALSE);
  return self->title_match;
}

/* PlenarySourceSearch -------------------------------------------------------- */

struct _PlenarySourceSearch
{
  GObject     parent_instance;

  GListModel *sources;
  char       *query_text;
  Query      *query;
  GPtrArray  *pending;   /* PlenarySource snapshot */
  guint       next;
  GPtrArray  *groups;    /* PlenarySearchGroup, ranked */
  guint       n_matches;
  guint       idle_id;
};

enum {
  PROP_0,
  PROP_SOURCES,
  PROP_QUERY,
  PROP_COMPLETE,
  PROP_N_MATCHES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void plenary_source_search_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlenarySourceSearch, plenary_source_search, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      plenary_source_search_list_model_init))

static GType
plenary_source_search_get_item_type (GListModel *model)
{
  return PLENARY_TYPE_SEARCH_GROUP;
}

static guint
plenary_source_search_get_n_items (GListModel *model)
{
  return PLENARY_SOURCE_SEARCH (model)->groups->len;
}

static gpointer
plenary_source_search_get_item (GListModel *model,
                                guint       position)
{
  PlenarySourceSearch *self = PLENARY_SOURCE_SEARCH (model);

  if (position >= self->groups->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->groups, position));
}

static void
plenary_source_search_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = plenary_source_search_get_item_type;
  iface->get_n_items = plenary_source_search_get_n_items;
  iface->get_item = plenary_source_search_get_item;
}

static int
compare_groups (PlenarySearchGroup *a,
                PlenarySearchGroup *b)
{
  if (a->matches->len != b->matches->len)
    return a->matches->len > b->matches->len ? -1 : 1;
  if (a->title_match != b->title_match)
    return a->title_match ? -1 : 1;
  return a->order < b->order ? -1 : (a->order > b->order ? 1 : 0);
}

static void
insert_group (PlenarySourceSearch *self,
              PlenarySearchGroup  *group)
{
  guint lo = 0;
  guint hi = self->groups->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (compare_groups (g_ptr_array_index (self->groups, mid), group) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  g_ptr_array_insert (self->groups, lo, g_object_ref (group));
  g_list_model_items_changed (G_LIST_MODEL (self), lo, 0, 1);
}

gboolean
plenary_source_search_step (PlenarySourceSearch *self,
                            guint                max_sources)
{
  guint n_matches = self->n_matches;
  guint done = 0;

  g_return_val_if_fail (PLENARY_IS_SOURCE_SEARCH (self), FALSE);

  if (self->query == NULL || self->pending == NULL)
    return FALSE;

  while (self->next < self->pending->len && (max_sources == 0 || done < max_sources))
    {
      PlenarySource *source = g_ptr_array_index (self->pending, self->next);
      g_autoptr(PlenarySearchGroup) group = search_group_new (source, self->query, self->next);

      self->next++;
      done++;
      if (group->matches->len > 0)
        {
          self->n_matches += group->matches->len;
          insert_group (self, group);
        }
    }

  if (self->n_matches != n_matches)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);

  if (self->next >= self->pending->len)
    {
      g_clear_pointer (&self->pending, g_ptr_array_unref);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
      return FALSE;
    }

  return TRUE;
}

static gboolean
search_idle (gpointer user_data)
{
  PlenarySourceSearch *self = user_data;
  gint64 deadline = g_get_monotonic_time () + STEP_BUDGET_USEC;

  while (g_get_monotonic_time () < deadline)
    if (!plenary_source_search_step (self, 8))
      {
        self->idle_id = 0;
        return G_SOURCE_REMOVE;
      }

  return G_SOURCE_CONTINUE;
}

void
plenary_source_search_run (PlenarySourceSearch *self)
{
  g_return_if_fail (PLENARY_IS_SOURCE_SEARCH (self));

  g_clear_handle_id (&self->idle_id, g_source_remove);
  plenary_source_search_step (self, 0);
}

void
plenary_source_search_set_query (PlenarySourceSearch *self,
                                 const char          *query)
{
  guint n_removed;
  guint n_sources;

  g_return_if_fail (PLENARY_IS_SOURCE_SEARCH (self));

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->query, query_free);

  g_free (self->query_text);
  self->query_text = g_strdup (query != NULL ? query : "");
  self->query = query_new (query);
  self->next = 0;
  self->n_matches = 0;

  n_removed = self->groups->len;
  g_ptr_array_set_size (self->groups, 0);
  if (n_removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_removed, 0);

  n_sources = self->sources != NULL ? g_list_model_get_n_items (self->sources) : 0;
  if (self->query != NULL && n_sources > 0)
    {
      self->pending = g_ptr_array_new_full (n_sources, g_object_unref);
      for (guint i = 0; i < n_sources; i++)
        g_ptr_array_add (self->pending, g_list_model_get_item (self->sources, i));
      self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, search_idle, self, NULL);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

const char *
plenary_source_search_get_query (PlenarySourceSearch *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCE_SEARCH (self), NULL);
  return self->query_text;
}

GListModel *
plenary_source_search_get_sources (PlenarySourceSearch *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCE_SEARCH (self), NULL);
  return self->sources;
}

gboolean
plenary_source_search_get_complete (PlenarySourceSearch *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCE_SEARCH (self), FALSE);
  return self->pending == NULL;
}

guint
plenary_source_search_get_n_matches (PlenarySourceSearch *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCE_SEARCH (self), 0);
  return self->n_matches;
}

static void
on_sources_changed (GListModel          *sources,
                    guint                position,
                    guint                removed,
                    guint                added,
                    PlenarySourceSearch *self)
{
  g_autofree char *query = NULL;

  /* A source added or removed: search again rather than show stale groups. */
  if (self->query == NULL)
    return;
  query = g_strdup (self->query_text);
  plenary_source_search_set_query (self, query);
}

PlenarySourceSearch *
plenary_source_search_new (GListModel *sources)
{
  g_return_val_if_fail (sources == NULL || G_IS_LIST_MODEL (sources), NULL);

  return g_object_new (PLENARY_TYPE_SOURCE_SEARCH, "sources", sources, NULL);
}

static void
plenary_source_search_dispose (GObject *object)
{
  PlenarySourceSearch *self = PLENARY_SOURCE_SEARCH (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_object (&self->sources);

  G_OBJECT_CLASS (plenary_source_search_parent_class)->dispose (object);
}

static void
plenary_source_search_finalize (GObject *object)
{
  PlenarySourceSearch *self = PLENARY_SOURCE_SEARCH (object);

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->query, query_free);
  g_clear_pointer (&self->query_text, g_free);

  G_OBJECT_CLASS (plenary_source_search_parent_class)->finalize (object);
}

static void
plenary_source_search_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PlenarySourceSearch *self = PLENARY_SOURCE_SEARCH (object);

  switch (prop_id)
    {
    case PROP_SOURCES:
      g_value_set_object (value, self->sources);
      break;
    case PROP_QUERY:
      g_value_set_string (value, self->query_text);
      break;
    case PROP_COMPLETE:
      g_value_set_boolean (value, plenary_source_search_get_complete (self));
      break;
    case PROP_N_MATCHES:
      g_value_set_uint (value, self->n_matches);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_source_search_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PlenarySourceSearch *self = PLENARY_SOURCE_SEARCH (object);

  switch (prop_id)
    {
    case PROP_SOURCES:
      self->sources = g_value_dup_object (value);
      if (self->sources != NULL)
        g_signal_connect_object (self->sources, "items-changed",
                                 G_CALLBACK (on_sources_changed), self, 0);
      break;
    case PROP_QUERY:
      plenary_source_search_set_query (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_source_search_class_init (PlenarySourceSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plenary_source_search_dispose;
  object_class->finalize = plenary_source_search_finalize;
  object_class->get_property = plenary_source_search_get_property;
  object_class->set_property = plenary_source_search_set_property;

  properties[PROP_SOURCES] =
    g_param_spec_object ("sources", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_MATCHES] =
    g_param_spec_uint ("n-matches", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plenary_source_search_init (PlenarySourceSearch *self)
{
  self->groups = g_ptr_array_new_with_free_func (g_object_unref);
  self->query_text = g_strdup ("");
}
