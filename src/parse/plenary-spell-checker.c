/* plenary-spell-checker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-spell-checker"

#include "config.h"

#include <string.h>

#include <enchant.h>

#include "plenary-data-resources.h"
#include "plenary-spell-checker.h"

struct _PlenarySpellChecker
{
  GObject      parent_instance;

  char        *language;
  EnchantDict *dict;
  GHashTable  *shipped;    /* casefolded words of data/spelling/LANG.txt */
  GHashTable  *known;      /* casefolded words of the draft */
  GHashTable  *ignored;    /* casefolded words ignored in this session */
  GHashTable  *cache;      /* word -> GINT_TO_POINTER (1 + correct) */
};

G_DEFINE_FINAL_TYPE (PlenarySpellChecker, plenary_spell_checker, G_TYPE_OBJECT)

/* One broker for the process: it loads the hunspell provider and keeps the
 * dictionaries it opened, shared between drafts of the same language. */
static EnchantBroker *
get_broker (void)
{
  static EnchantBroker *broker;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      broker = enchant_broker_init ();
      g_once_init_leave (&initialized, 1);
    }

  return broker;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static gboolean
is_word_char (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return g_unichar_isalpha (c) ||
         type == G_UNICODE_NON_SPACING_MARK ||
         type == G_UNICODE_SPACING_MARK ||
         type == G_UNICODE_ENCLOSING_MARK;
}

/* A chunk between spaces that is a symbol, a number, an address or a path
 * rather than words: A/C.3/80/L.7, S/RES/2758 (2024), 12.5, www.un.org. */
static gboolean
chunk_is_symbol (const char *chunk,
                 gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      char c = chunk[i];

      if (g_ascii_isdigit (c) || c == '/' || c == '@' || c == '_' || c == '\\' ||
          c == '<' || c == '>' || c == '=' || c == '#')
        return TRUE;
    }

  return length > 4 && (g_str_has_prefix (chunk, "www.") || g_strstr_len (chunk, length, "://") != NULL);
}

gboolean
plenary_spell_next_word (const char *text,
                         gsize       length,
                         gsize      *pos,
                         gsize      *start,
                         gsize      *end)
{
  gsize i = *pos;

  while (i < length)
    {
      gsize chunk_end = i;
      gunichar c = g_utf8_get_char (text + i);

      if (g_unichar_isspace (c) || c == 0xFEFF)
        {
          i = g_utf8_next_char (text + i) - text;
          continue;
        }

      /* Find the end of the chunk of non-spaces. */
      while (chunk_end < length)
        {
          gunichar d = g_utf8_get_char (text + chunk_end);

          if (g_unichar_isspace (d))
            break;
          chunk_end = g_utf8_next_char (text + chunk_end) - text;
        }

      if (chunk_is_symbol (text + i, chunk_end - i))
        {
          i = chunk_end;
          continue;
        }

      /* The first word of the chunk: letters, joined by apostrophes and
       * hyphens that have letters on both sides. */
      while (i < chunk_end)
        {
          gsize word_start, word_end;

          c = g_utf8_get_char (text + i);
          if (!is_word_char (c))
            {
              i = g_utf8_next_char (text + i) - text;
              continue;
            }

          word_start = i;
          word_end = i;
          while (word_end < chunk_end)
            {
              gunichar d = g_utf8_get_char (text + word_end);
              const char *next = g_utf8_next_char (text + word_end);

              if (is_word_char (d))
                word_end = next - text;
              else if ((is_apostrophe (d) || d == '-' || d == 0x2011) &&
                       (gsize) (next - text) < chunk_end &&
                       is_word_char (g_utf8_get_char (next)))
                word_end = next - text;
              else
                break;
            }

          *start = word_start;
          *end = word_end;
          *pos = word_end;
          return TRUE;
        }
    }

  *pos = length;
  return FALSE;
}

static void
add_words (GHashTable *set,
           const char *text,
           gssize      length)
{
  gsize len = length < 0 ? strlen (text) : (gsize) length;
  gsize pos = 0, start, end;

  while (plenary_spell_next_word (text, len, &pos, &start, &end))
    g_hash_table_add (set, g_utf8_casefold (text + start, end - start));
}

static void
load_shipped_words (PlenarySpellChecker *self)
{
  g_autofree char *path = g_strdup_printf ("/org/plenary/Plenary/spelling/%s.txt", self->language);
  g_autoptr(GBytes) bytes = g_resource_lookup_data (plenary_data_get_resource (), path,
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_auto(GStrv) lines = NULL;

  if (bytes == NULL)
    return;

  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0' && lines[i][0] != '#')
        g_hash_table_add (self->shipped, g_utf8_casefold (lines[i], -1));
    }
}

static void
plenary_spell_checker_finalize (GObject *object)
{
  PlenarySpellChecker *self = PLENARY_SPELL_CHECKER (object);

  if (self->dict != NULL)
    enchant_broker_free_dict (get_broker (), self->dict);
  g_clear_pointer (&self->shipped, g_hash_table_unref);
  g_clear_pointer (&self->known, g_hash_table_unref);
  g_clear_pointer (&self->ignored, g_hash_table_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (plenary_spell_checker_parent_class)->finalize (object);
}

static void
plenary_spell_checker_class_init (PlenarySpellCheckerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plenary_spell_checker_finalize;
}

static void
plenary_spell_checker_init (PlenarySpellChecker *self)
{
  self->shipped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->ignored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

PlenarySpellChecker *
plenary_spell_checker_new (const char *language)
{
  /* UN English is British with Oxford -ize; French is French of France. */
  static const char * const english[] = { "en_GB", "en_US", "en", NULL };
  static const char * const french[] = { "fr_FR", "fr", NULL };
  PlenarySpellChecker *self;
  const char * const *tags;

  g_return_val_if_fail (language != NULL, NULL);

  self = g_object_new (PLENARY_TYPE_SPELL_CHECKER, NULL);
  self->language = g_strdup (language);

  tags = g_str_has_prefix (language, "en") ? english : g_str_has_prefix (language, "fr") ? french : NULL;
  for (guint i = 0; tags != NULL && tags[i] != NULL && self->dict == NULL; i++)
    if (enchant_broker_dict_exists (get_broker (), tags[i]))
      self->dict = enchant_broker_request_dict (get_broker (), tags[i]);

  if (self->dict == NULL)
    g_debug ("No spelling dictionary for “%s”", language);

  load_shipped_words (self);

  return self;
}

const char *
plenary_spell_checker_get_language (PlenarySpellChecker *self)
{
  g_return_val_if_fail (PLENARY_IS_SPELL_CHECKER (self), NULL);
  return self->language;
}

gboolean
plenary_spell_checker_has_dictionary (PlenarySpellChecker *self)
{
  g_return_val_if_fail (PLENARY_IS_SPELL_CHECKER (self), FALSE);
  return self->dict != NULL;
}

static gboolean
is_listed (PlenarySpellChecker *self,
           const char          *word,
           gsize                length)
{
  g_autofree char *folded = g_utf8_casefold (word, length);

  return g_hash_table_contains (self->known, folded) ||
         g_hash_table_contains (self->ignored, folded) ||
         g_hash_table_contains (self->shipped, folded);
}

/* Capitals past the first letter: an acronym (ECOSOC, UNESCO) or a name
 * spelt its own way (McDonald); not a spelling mistake to flag. */
static gboolean
has_inner_capital (const char *word,
                   gsize       length)
{
  const char *end = word + length;

  for (const char *p = g_utf8_next_char (word); p < end; p = g_utf8_next_char (p))
    if (g_unichar_isupper (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

static const char *
find_apostrophe (const char *word,
                 gsize       length,
                 gsize      *after)
{
  const char *end = word + length;

  for (const char *p = word; p < end; p = g_utf8_next_char (p))
    if (is_apostrophe (g_utf8_get_char (p)))
      {
        *after = g_utf8_next_char (p) - word;
        return p;
      }

  return NULL;
}

static gboolean check_word (PlenarySpellChecker *self, const char *word, gsize length);

static gboolean
check_word_uncached (PlenarySpellChecker *self,
                     const char          *word,
                     gsize                length)
{
  static const char * const elisions[] = {
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", NULL
  };
  const char *apostrophe, *hyphen;
  gsize after = 0;

  if (g_utf8_strlen (word, length) < 2 || has_inner_capital (word, length) || is_listed (self, word, length))
    return TRUE;

  if (enchant_dict_check (self->dict, word, length) == 0)
    return TRUE;

  /* UN English is Oxford spelling: “organization”, “recognizing”. Newer
   * en_GB dictionaries (Debian 13's, LibreOffice's) know only
   * “-is-”: a word with “iz” is right when its “is” form is. */
  if (g_str_has_prefix (self->language, "en") && g_strstr_len (word, length, "iz") != NULL)
    {
      g_autofree char *british = g_strndup (word, length);

      for (char *p = british; (p = strstr (p, "iz")) != NULL; p += 2)
        p[1] = 's';
      if (enchant_dict_check (self->dict, british, -1) == 0)
        return TRUE;
    }

  /* French elision: « l’Assemblée », « qu’il » — the word after it. */
  if ((apostrophe = find_apostrophe (word, length, &after)) != NULL)
    {
      g_autofree char *prefix = g_utf8_strdown (word, apostrophe - word);

      if (g_strv_contains (elisions, prefix))
        return check_word (self, word + after, length - after);
      /* English possessive: the Council’s, Türkiye’s. */
      if (length - after == 1 && (word[after] == 's' || word[after] == 'S'))
        return check_word (self, word, apostrophe - word);
    }

  /* A compound is right when each of its parts is. */
  if ((hyphen = memchr (word, '-', length)) != NULL && hyphen > word)
    return check_word (self, word, hyphen - word) &&
           check_word (self, hyphen + 1, length - (hyphen + 1 - word));

  return FALSE;
}

static gboolean
check_word (PlenarySpellChecker *self,
            const char          *word,
            gsize                length)
{
  g_autofree char *key = NULL;
  gpointer cached;
  gboolean correct;

  if (length == 0 || self->dict == NULL)
    return TRUE;

  key = g_strndup (word, length);
  if ((cached = g_hash_table_lookup (self->cache, key)) != NULL)
    return GPOINTER_TO_INT (cached) - 1;

  correct = check_word_uncached (self, word, length);
  g_hash_table_insert (self->cache, g_steal_pointer (&key), GINT_TO_POINTER (1 + correct));

  return correct;
}

gboolean
plenary_spell_checker_check_word (PlenarySpellChecker *self,
                                  const char          *word,
                                  gssize               length)
{
  g_return_val_if_fail (PLENARY_IS_SPELL_CHECKER (self), TRUE);
  g_return_val_if_fail (word != NULL, TRUE);

  return check_word (self, word, length < 0 ? strlen (word) : (gsize) length);
}

char **
plenary_spell_checker_suggest (PlenarySpellChecker *self,
                               const char          *word,
                               guint                max_suggestions)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  char **suggestions;
  size_t n = 0;

  g_return_val_if_fail (PLENARY_IS_SPELL_CHECKER (self), NULL);
  g_return_val_if_fail (word != NULL, NULL);

  if (self->dict != NULL && (suggestions = enchant_dict_suggest (self->dict, word, -1, &n)) != NULL)
    {
      for (size_t i = 0; i < n && i < max_suggestions; i++)
        g_strv_builder_add (builder, suggestions[i]);
      enchant_dict_free_string_list (self->dict, suggestions);
    }

  return g_strv_builder_end (builder);
}

void
plenary_spell_checker_add_word (PlenarySpellChecker *self,
                                const char          *word)
{
  g_return_if_fail (PLENARY_IS_SPELL_CHECKER (self));
  g_return_if_fail (word != NULL);

  if (self->dict != NULL)
    enchant_dict_add (self->dict, word, -1);
  g_hash_table_remove_all (self->cache);
}

void
plenary_spell_checker_ignore_word (PlenarySpellChecker *self,
                                   const char          *word)
{
  g_return_if_fail (PLENARY_IS_SPELL_CHECKER (self));
  g_return_if_fail (word != NULL);

  g_hash_table_add (self->ignored, g_utf8_casefold (word, -1));
  g_hash_table_remove_all (self->cache);
}

void
plenary_spell_checker_set_known_texts (PlenarySpellChecker *self,
                                       const char * const  *texts)
{
  g_return_if_fail (PLENARY_IS_SPELL_CHECKER (self));

  g_hash_table_remove_all (self->known);
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    add_words (self->known, texts[i], -1);
  g_hash_table_remove_all (self->cache);
}

GArray *
plenary_spell_checker_check_text (PlenarySpellChecker *self,
                                  const char          *text,
                                  gssize               length)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (PlenarySpellRange));
  gsize len, pos = 0;
  PlenarySpellRange range;

  g_return_val_if_fail (PLENARY_IS_SPELL_CHECKER (self), ranges);
  g_return_val_if_fail (text != NULL, ranges);

  len = length < 0 ? strlen (text) : (gsize) length;
  while (plenary_spell_next_word (text, len, &pos, &range.start, &range.end))
    if (!check_word (self, text + range.start, range.end - range.start))
      g_array_append_val (ranges, range);

  return ranges;
}
