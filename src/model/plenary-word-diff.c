/* plenary-word-diff.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-word-diff"

#include "config.h"

#include <string.h>

#include "plenary-word-diff.h"

/* Myers' algorithm keeps one diagonal vector per edit step for the way back:
 * memory grows with the square of the edit distance. Past this many edits
 * the middle of the texts (after the common start and end) is shown as
 * replaced whole, which is also what a reader makes of so many changes. */
#define MAX_EDITS 2000

typedef enum
{
  TOKEN_WORD,
  TOKEN_SPACE,
  TOKEN_PUNCT,
} TokenKind;

typedef struct
{
  const char *start;
  guint       len;
  TokenKind   kind;
  /* The same number for the same bytes. */
  guint       id;
} Token;

static gboolean
is_word_char (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return g_unichar_isalnum (c) || type == G_UNICODE_NON_SPACING_MARK ||
         type == G_UNICODE_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK;
}

/* An apostrophe or hyphen between two letters belongs to the word
 * ("aujourd'hui", "l’Organisation", "peace-keeping"). */
static gboolean
is_joiner (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == '-' || c == 0x2011;
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2007;
}

/* Splits TEXT into words, runs of spaces, and single punctuation marks.
 * Concatenated, the tokens are TEXT. */
static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *p = text;

  while (*p != '\0')
    {
      Token token = { p, 0, TOKEN_PUNCT, 0 };
      gunichar c = g_utf8_get_char (p);
      const char *end = g_utf8_next_char (p);

      if (is_word_char (c))
        {
          token.kind = TOKEN_WORD;
          while (*end != '\0')
            {
              gunichar d = g_utf8_get_char (end);
              const char *after = g_utf8_next_char (end);

              if (is_word_char (d) ||
                  (is_joiner (d) && *after != '\0' && is_word_char (g_utf8_get_char (after))))
                end = after;
              else
                break;
            }
        }
      else if (is_space (c))
        {
          token.kind = TOKEN_SPACE;
          while (*end != '\0' && is_space (g_utf8_get_char (end)))
            end = g_utf8_next_char (end);
        }

      token.len = end - p;
      g_array_append_val (tokens, token);
      p = end;
    }

  return tokens;
}

typedef struct
{
  const char *start;
  guint       len;
} Key;

static guint
key_hash (gconstpointer data)
{
  const Key *key = data;
  guint hash = 5381;

  for (guint i = 0; i < key->len; i++)
    hash = hash * 33 + (guchar) key->start[i];

  return hash;
}

static gboolean
key_equal (gconstpointer a,
           gconstpointer b)
{
  const Key *ka = a, *kb = b;

  return ka->len == kb->len && memcmp (ka->start, kb->start, ka->len) == 0;
}

static void
intern (GHashTable *ids,
        GArray     *tokens)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);
      Key lookup = { token->start, token->len };
      gpointer id;

      if (!g_hash_table_lookup_extended (ids, &lookup, NULL, &id))
        {
          Key *key = g_new (Key, 1);

          *key = lookup;
          id = GUINT_TO_POINTER (g_hash_table_size (ids) + 1);
          g_hash_table_insert (ids, key, id);
        }
      token->id = GPOINTER_TO_UINT (id);
    }
}

/* --- Myers' O(ND) difference -------------------------------------------- */

/* Appends to OPS (one char per token: '=', '-', '+') the shortest edit
 * script from A to B, or FALSE when it takes more than MAX_EDITS edits. */
static gboolean
myers (const Token *a,
       int          n,
       const Token *b,
       int          m,
       GString     *ops)
{
  int max = MIN (n + m, MAX_EDITS);
  int offset = max + 1;
  g_autofree int *v = g_new0 (int, 2 * max + 3);
  g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
  GString *reversed;
  int found = -1;
  int x, y;

  v[offset + 1] = 0;
  for (int d = 0; d <= max && found < 0; d++)
    {
      /* v[-d-1 .. d+1] as it was before this step. */
      g_ptr_array_add (trace, g_memdup2 (v + offset - d - 1, sizeof (int) * (2 * d + 3)));

      for (int k = -d; k <= d; k += 2)
        {
          if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
            x = v[offset + k + 1];
          else
            x = v[offset + k - 1] + 1;
          y = x - k;
          while (x < n && y < m && a[x].id == b[y].id)
            x++, y++;
          v[offset + k] = x;
          if (x >= n && y >= m)
            {
              found = d;
              break;
            }
        }
    }

  if (found < 0)
    return FALSE;

  reversed = g_string_sized_new (n + m);
  x = n;
  y = m;
  for (int d = found; d >= 0; d--)
    {
      /* Index k of this step's saved vector is at k + d + 1. */
      const int *prev = g_ptr_array_index (trace, d);
      int k = x - y;
      int prev_k, prev_x, prev_y;

      if (k == -d || (k != d && prev[k - 1 + d + 1] < prev[k + 1 + d + 1]))
        prev_k = k + 1;
      else
        prev_k = k - 1;
      prev_x = prev[prev_k + d + 1];
      prev_y = prev_x - prev_k;

      while (x > prev_x && y > prev_y)
        {
          g_string_append_c (reversed, '=');
          x--, y--;
        }
      if (d > 0)
        g_string_append_c (reversed, x == prev_x ? '+' : '-');
      x = prev_x;
      y = prev_y;
    }

  for (gssize i = reversed->len - 1; i >= 0; i--)
    g_string_append_c (ops, reversed->str[i]);
  g_string_free (reversed, TRUE);

  return TRUE;
}

/* --- clean-up ----------------------------------------------------------- */

/* A stretch of the texts: equal tokens, or a change (old tokens replaced by
 * new ones, either may be empty). Token ranges index the two token arrays. */
typedef struct
{
  gboolean equal;
  guint    old_start, old_end;
  guint    new_start, new_end;
  /* For a change made of merged pieces, the texts (NULL: the ranges). */
  GString *old_text;
  GString *new_text;
} Stretch;

static void
stretch_clear (gpointer data)
{
  Stretch *stretch = data;

  if (stretch->old_text != NULL)
    g_string_free (stretch->old_text, TRUE);
  if (stretch->new_text != NULL)
    g_string_free (stretch->new_text, TRUE);
}

static void
append_tokens (GString     *out,
               const Token *tokens,
               guint        start,
               guint        end)
{
  if (start < end)
    g_string_append_len (out, tokens[start].start,
                         tokens[end - 1].start + tokens[end - 1].len - tokens[start].start);
}

/* An equal stretch too slight to stand between two changes: spaces and
 * punctuation only, or one word of up to three letters. */
static gboolean
is_slight (const Stretch *stretch,
           const Token   *old_tokens)
{
  guint words = 0;

  for (guint i = stretch->old_start; i < stretch->old_end; i++)
    if (old_tokens[i].kind == TOKEN_WORD)
      {
        if (++words > 1 || g_utf8_strlen (old_tokens[i].start, old_tokens[i].len) > 3)
          return FALSE;
      }

  return TRUE;
}

static GString *
stretch_text (Stretch     *stretch,
              gboolean     old_side,
              const Token *old_tokens,
              const Token *new_tokens)
{
  GString **text = old_side ? &stretch->old_text : &stretch->new_text;

  if (*text == NULL)
    {
      *text = g_string_new (NULL);
      if (old_side)
        append_tokens (*text, old_tokens, stretch->old_start, stretch->old_end);
      else
        append_tokens (*text, new_tokens, stretch->new_start, stretch->new_end);
    }

  return *text;
}

static void
add_run (GArray        *runs,
         PlenaryWordOp  op,
         const char    *text,
         gsize          len)
{
  PlenaryWordRun run = { op, NULL };

  if (len == 0)
    return;
  run.text = g_strndup (text, len);
  g_array_append_val (runs, run);
}

static void
run_clear (gpointer data)
{
  g_free (((PlenaryWordRun *) data)->text);
}

GArray *
plenary_word_runs_new (void)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (PlenaryWordRun));

  g_array_set_clear_func (runs, run_clear);

  return runs;
}

/* The bytes of non-word characters (spaces, punctuation) A and B share at
 * their start (or END), within both. */
static gsize
common_edge (const char *a,
             gsize       a_len,
             const char *b,
             gsize       b_len,
             gboolean    end)
{
  gsize n = 0;

  while (n < a_len && n < b_len)
    {
      const char *pa = end ? g_utf8_find_prev_char (a, a + a_len - n) : a + n;
      const char *pb = end ? g_utf8_find_prev_char (b, b + b_len - n) : b + n;
      gunichar ca = g_utf8_get_char (pa);
      gsize len = g_utf8_next_char (pa) - pa;

      if (ca != g_utf8_get_char (pb) || is_word_char (ca) || is_joiner (ca))
        break;
      n += len;
    }

  /* Never the whole of either side: a change keeps something. */
  return n < a_len && n < b_len ? n : 0;
}

/* Joins neighbouring runs of the same kind. */
static GArray *
merge_runs (GArray *runs)
{
  guint out = 0;

  for (guint i = 0; i < runs->len; i++)
    {
      PlenaryWordRun *run = &g_array_index (runs, PlenaryWordRun, i);

      if (out > 0 && g_array_index (runs, PlenaryWordRun, out - 1).op == run->op)
        {
          PlenaryWordRun *previous = &g_array_index (runs, PlenaryWordRun, out - 1);
          char *joined = g_strconcat (previous->text, run->text, NULL);

          g_free (previous->text);
          previous->text = joined;
          g_clear_pointer (&run->text, g_free);
        }
      else
        {
          if (out != i)
            g_array_index (runs, PlenaryWordRun, out) = *run;
          out++;
        }
    }

  /* The moved-from entries past OUT are cleared already or moved. */
  g_array_set_clear_func (runs, NULL);
  g_array_set_size (runs, out);
  g_array_set_clear_func (runs, run_clear);

  return runs;
}

GArray *
plenary_word_diff (const char *old_text,
                   const char *new_text)
{
  g_autoptr(GArray) old_tokens = NULL;
  g_autoptr(GArray) new_tokens = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GArray) stretches = NULL;
  g_autoptr(GString) ops = NULL;
  const Token *a, *b;
  guint n, m, prefix = 0, suffix = 0;
  guint i, j;
  GArray *runs = plenary_word_runs_new ();

  old_text = old_text != NULL ? old_text : "";
  new_text = new_text != NULL ? new_text : "";

  if (strcmp (old_text, new_text) == 0)
    {
      add_run (runs, PLENARY_WORD_EQUAL, old_text, strlen (old_text));
      return runs;
    }

  old_tokens = tokenize (old_text);
  new_tokens = tokenize (new_text);
  ids = g_hash_table_new_full (key_hash, key_equal, g_free, NULL);
  intern (ids, old_tokens);
  intern (ids, new_tokens);
  a = (const Token *) old_tokens->data;
  b = (const Token *) new_tokens->data;
  n = old_tokens->len;
  m = new_tokens->len;

  while (prefix < n && prefix < m && a[prefix].id == b[prefix].id)
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix &&
         a[n - 1 - suffix].id == b[m - 1 - suffix].id)
    suffix++;

  ops = g_string_new (NULL);
  for (i = 0; i < prefix; i++)
    g_string_append_c (ops, '=');
  if (!myers (a + prefix, n - prefix - suffix, b + prefix, m - prefix - suffix, ops))
    {
      for (i = prefix; i < n - suffix; i++)
        g_string_append_c (ops, '-');
      for (i = prefix; i < m - suffix; i++)
        g_string_append_c (ops, '+');
    }
  for (i = 0; i < suffix; i++)
    g_string_append_c (ops, '=');

  /* Stretches: equal runs and changes alternate. */
  stretches = g_array_new (FALSE, TRUE, sizeof (Stretch));
  g_array_set_clear_func (stretches, stretch_clear);
  i = j = 0;
  for (gsize o = 0; o < ops->len;)
    {
      Stretch stretch = { ops->str[o] == '=', i, i, j, j, NULL, NULL };

      if (stretch.equal)
        while (o < ops->len && ops->str[o] == '=')
          o++, i++, j++;
      else
        while (o < ops->len && ops->str[o] != '=')
          {
            if (ops->str[o] == '-')
              i++;
            else
              j++;
            o++;
          }
      stretch.old_end = i;
      stretch.new_end = j;
      g_array_append_val (stretches, stretch);
    }

  /* Slight equal stretches between two changes join them. */
  for (guint s = 1; s + 1 < stretches->len;)
    {
      Stretch *before = &g_array_index (stretches, Stretch, s - 1);
      Stretch *middle = &g_array_index (stretches, Stretch, s);
      Stretch *after = &g_array_index (stretches, Stretch, s + 1);

      if (!middle->equal || !is_slight (middle, a))
        {
          s++;
          continue;
        }

      for (int side = 0; side < 2; side++)
        {
          GString *joined = stretch_text (before, side == 0, a, b);

          g_string_append (joined, stretch_text (middle, side == 0, a, b)->str);
          g_string_append (joined, stretch_text (after, side == 0, a, b)->str);
        }
      before->old_end = after->old_end;
      before->new_end = after->new_end;
      g_array_remove_range (stretches, s, 2);
    }

  for (guint s = 0; s < stretches->len; s++)
    {
      Stretch *stretch = &g_array_index (stretches, Stretch, s);
      GString *old_part = stretch_text (stretch, TRUE, a, b);

      if (stretch->equal)
        {
          add_run (runs, PLENARY_WORD_EQUAL, old_part->str, old_part->len);
        }
      else
        {
          GString *new_part = stretch_text (stretch, FALSE, a, b);
          gsize head = common_edge (old_part->str, old_part->len, new_part->str, new_part->len, FALSE);
          gsize tail = common_edge (old_part->str + head, old_part->len - head,
                                    new_part->str + head, new_part->len - head, TRUE);

          /* Spaces and punctuation both sides share at the edges of a
           * replacement stay outside it. */
          add_run (runs, PLENARY_WORD_EQUAL, old_part->str, head);
          add_run (runs, PLENARY_WORD_DELETE, old_part->str + head, old_part->len - head - tail);
          add_run (runs, PLENARY_WORD_INSERT, new_part->str + head, new_part->len - head - tail);
          add_run (runs, PLENARY_WORD_EQUAL, old_part->str + old_part->len - tail, tail);
        }
    }

  return merge_runs (runs);
}

guint
plenary_word_runs_count_changes (GArray *runs)
{
  guint changes = 0;

  g_return_val_if_fail (runs != NULL, 0);

  for (guint i = 0; i < runs->len; i++)
    {
      PlenaryWordRun *run = &g_array_index (runs, PlenaryWordRun, i);

      /* An insert right after a delete is the same change. */
      if (run->op == PLENARY_WORD_DELETE ||
          (run->op == PLENARY_WORD_INSERT &&
           (i == 0 || g_array_index (runs, PlenaryWordRun, i - 1).op != PLENARY_WORD_DELETE)))
        changes++;
    }

  return changes;
}

char *
plenary_word_runs_apply (GArray     *runs,
                         const char *old_text)
{
  GString *out;
  const char *p = old_text != NULL ? old_text : "";

  g_return_val_if_fail (runs != NULL, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < runs->len; i++)
    {
      PlenaryWordRun *run = &g_array_index (runs, PlenaryWordRun, i);
      gsize len = strlen (run->text);

      if (run->op == PLENARY_WORD_INSERT)
        {
          g_string_append (out, run->text);
          continue;
        }
      if (strncmp (p, run->text, len) != 0)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      if (run->op == PLENARY_WORD_EQUAL)
        g_string_append_len (out, p, len);
      p += len;
    }

  if (*p != '\0')
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

char **
plenary_words_split (const char *text)
{
  g_autoptr(GArray) tokens = tokenize (text != NULL ? text : "");
  GPtrArray *words = g_ptr_array_new ();

  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);

      if (token->kind == TOKEN_WORD)
        g_ptr_array_add (words, g_utf8_casefold (token->start, token->len));
    }
  g_ptr_array_add (words, NULL);

  return (char **) g_ptr_array_free (words, FALSE);
}
