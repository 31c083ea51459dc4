/* plenary-importer.c
 *
 * Copyright 2026 The Plenary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-importer"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "plenary-clause-parser.h"
#include "plenary-draft-codec.h"
#include "plenary-importer.h"
#include "plenary-office-importer.h"
#include "plenary-phrase-dictionary.h"

G_DEFINE_QUARK (plenary-importer-error-quark, plenary_importer_error)

/* One line of the text once the format is undone. */
typedef struct
{
  char     *text;
  char     *italic;     /* Markdown: the phrase set in italics at the start */
  char     *field;      /* a header field: metadata property name */
  char     *value;
  char     *bullet;     /* Markdown list item ("-", "*", "+"): its text */
  gboolean  heading;    /* Markdown heading or a line that looks like one */
} Line;

static void
line_free (Line *line)
{
  g_free (line->text);
  g_free (line->italic);
  g_free (line->field);
  g_free (line->value);
  g_free (line->bullet);
  g_free (line);
}

static Line *
line_new (const char *text)
{
  Line *line = g_new0 (Line, 1);

  line->text = g_strdup (text);
  return line;
}

static void
add_warning (GPtrArray  *warnings,
             guint       line,
             const char *message)
{
  g_ptr_array_add (warnings, plenary_parse_warning_new (line, message));
}

/* ---- page headers of PDF text ------------------------------------------------ */

static GRegex *
page_header_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    {
      GRegex *r = g_regex_new ("^\\s*(?:"
                               /* A/RES/78/265, A/78/L.49, S/RES/2719 (2023), E/2024/5 */
                               "[ASE]/(?:RES/)?[0-9A-Z.]+(?:/[0-9A-Z.]+)*(?:\\s*\\(\\d{4}\\))?"
                               /* Page 3, Page 3 of 12, page 3 sur 12 */
                               "|[Pp]age\\s+\\d+(?:\\s*(?:/|of|sur|de)\\s*\\d+)?"
                               /* 3/12 */
                               "|\\d+\\s*/\\s*\\d+"
                               /* a lone page number, - 3 - */
                               "|-?\\s*\\d{1,3}\\s*-?"
                               /* UN job numbers: 24-05678 (F) */
                               "|\\d{2}-\\d{5}(?:\\s*\\([A-Z]\\))?(?:\\s+\\S+){0,3}"
                               ")\\s*$",
                               G_REGEX_DEFAULT, 0, NULL);
      g_once_init_leave (&regex, r);
    }

  return regex;
}

static gboolean
is_page_header (const char *line)
{
  return strchr (line, '\f') != NULL ||
         g_regex_match (page_header_regex (), line, 0, NULL);
}

static gboolean
is_symbol_line (const char *line)
{
  return g_regex_match_simple ("^\\s*[ASE]/", line, 0, 0);
}

/* ---- header fields ---------------------------------------------------------- */

static const struct {
  const char *label;   /* casefolded */
  const char *field;
} field_labels[] = {
  { "forum", "forum" },
  { "commission", "forum" },
  { "committee", "forum" },
  { "question", "question" },
  { "topic", "question" },
  { "sujet", "question" },
  { "soumis par", "submitted-by" },
  { "présenté par", "submitted-by" },
  { "submitted by", "submitted-by" },
  { "délégation", "submitted-by" },
  { "delegation", "submitted-by" },
  { "co-auteurs", "co-sponsors" },
  { "coauteurs", "co-sponsors" },
  { "co-sponsors", "co-sponsors" },
  { "cosponsors", "co-sponsors" },
  { "signataires", "signatories" },
  { "signatories", "signatories" },
  { "cote", "symbol" },
  { "symbole", "symbol" },
  { "symbol", "symbol" },
  { "session", "session" },
  { "point de l'ordre du jour", "agenda-item" },
  { "point de l’ordre du jour", "agenda-item" },
  { "agenda item", "agenda-item" },
  { "date", "date" },
  { "organe", "body" },
  { "body", "body" },
};

static char *
strip_spaces (const char *str,
              gssize      len)
{
  g_autofree char *copy = g_strndup (str, len < 0 ? strlen (str) : (gsize)len);
  g_autoptr(GString) out = g_string_new (copy);

  /* No-break spaces around the colon count as spaces. */
  g_string_replace (out, "\xc2\xa0", " ", 0);
  g_string_replace (out, "\xe2\x80\xaf", " ", 0);
  g_strstrip (out->str);

  return g_strdup (out->str);
}

/* "**Forum :** Conseil", "Forum: Conseil", "**Topic**: …" */
static gboolean
match_field (const char  *text,
             char       **field,
             char       **value)
{
  g_autoptr(GString) plain = g_string_new (text);
  g_autofree char *label = NULL;
  g_autofree char *folded = NULL;
  const char *colon;

  g_string_replace (plain, "**", "", 0);
  g_string_replace (plain, "__", "", 0);

  if ((colon = strchr (plain->str, ':')) == NULL || colon - plain->str > 40)
    return FALSE;

  label = strip_spaces (plain->str, colon - plain->str);
  folded = g_utf8_casefold (label, -1);

  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (strcmp (folded, field_labels[i].label) == 0)
      {
        *field = g_strdup (field_labels[i].field);
        *value = g_strstrip (g_strdup (colon + 1));
        return TRUE;
      }

  return FALSE;
}

static void
set_field (PlenaryMetadata *metadata,
           const char      *field,
           const char      *value)
{
  if (strcmp (field, "co-sponsors") == 0 || strcmp (field, "signatories") == 0)
    {
      g_auto(GStrv) parts = g_regex_split_simple ("\\s*[,;]\\s*", value, 0, 0);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) names = NULL;

      for (guint i = 0; parts[i] != NULL; i++)
        if (parts[i][0] != '\0')
          g_strv_builder_add (builder, parts[i]);
      names = g_strv_builder_end (builder);

      if (strcmp (field, "co-sponsors") == 0)
        plenary_metadata_set_co_sponsors (metadata, (const char * const *)names);
      else
        plenary_metadata_set_signatories (metadata, (const char * const *)names);
    }
  else
    plenary_metadata_set_string (metadata, field, value);
}

/* ---- Markdown ------------------------------------------------------------------ */

/* Removes inline Markdown: links and images keep their text, emphasis and
 * code marks go. */
static char *
strip_inline_markdown (const char *text)
{
  static GRegex *link_regex;
  static GRegex *emphasis_regex;
  g_autofree char *no_links = NULL;

  if (g_once_init_enter (&link_regex))
    g_once_init_leave (&link_regex, g_regex_new ("!?\\[([^\\]]*)\\]\\([^)]*\\)", G_REGEX_DEFAULT, 0, NULL));
  if (g_once_init_enter (&emphasis_regex))
    g_once_init_leave (&emphasis_regex,
                       g_regex_new ("(\\*\\*|__|\\*|`|(?<![[:alnum:]])_|_(?![[:alnum:]]))",
                                    G_REGEX_DEFAULT, 0, NULL));

  no_links = g_regex_replace (link_regex, text, -1, 0, "\\1", 0, NULL);
  return g_regex_replace_literal (emphasis_regex, no_links, -1, 0, "", 0, NULL);
}

/* "*Considérant* que …" or "1. *Encourage* …": the phrase in italics. */
static char *
leading_italic (const char *text)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       g_regex_new ("^\\s*(?:\\d+[.)]\\s+|\\(?[a-z]{1,4}\\)\\s+)?"
                                    "(?:\\*([^*]+)\\*|_([^_]+)_)(?=\\s|$)",
                                    G_REGEX_DEFAULT, 0, NULL));

  if (!g_regex_match (regex, text, 0, &match))
    return NULL;

  {
    g_autofree char *star = g_match_info_fetch (match, 1);
    g_autofree char *underscore = g_match_info_fetch (match, 2);
    const char *phrase = star != NULL && star[0] != '\0' ? star : underscore;

    return phrase != NULL && phrase[0] != '\0' ? g_strstrip (g_strdup (phrase)) : NULL;
  }
}

static gboolean
is_rule (const char *text)
{
  return g_regex_match_simple ("^\\s*([-*_])(\\s*\\1){2,}\\s*$", text, 0, 0);
}

/* What follows the marker of a list item ("- text", "  * text"), or NULL.
 * The spaces before the marker may be any Unicode space (a no-break space
 * in French text): the position comes from the match, not from counting
 * ASCII spaces, so that it never falls inside a character. */
static const char *
list_item_text (const char *text)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  int end;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^\\s{0,3}[-*+](?=\\s)", G_REGEX_DEFAULT, 0, NULL));

  if (!g_regex_match (regex, text, 0, &match) || !g_match_info_fetch_pos (match, 0, NULL, &end))
    return NULL;

  return text + end;
}

static GPtrArray *
lines_from_markdown (char **raw)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify)line_free);

  for (guint i = 0; raw[i] != NULL; i++)
    {
      const char *text = raw[i];
      const char *item;
      Line *line;

      if (is_rule (text))
        continue;

      if (g_regex_match_simple ("^\\s{0,3}#{1,6}\\s", text, 0, 0))
        {
          g_autofree char *stripped = strip_inline_markdown (text + strspn (text, " #"));

          line = line_new (g_strstrip (stripped));
          line->heading = TRUE;
          g_ptr_array_add (lines, line);
          continue;
        }

      {
        g_autofree char *stripped = strip_inline_markdown (text);

        g_strchomp (stripped);
        line = line_new (stripped);
        line->italic = leading_italic (text);
        /* Emphasis stripping would eat a "*" marker: keep the item's text. */
        if ((item = list_item_text (text)) != NULL)
          line->bullet = g_strstrip (strip_inline_markdown (item));
        g_ptr_array_add (lines, line);
      }
    }

  return lines;
}

/* ---- PDF text ---------------------------------------------------------------- */

static gboolean
ends_sentence (const char *text)
{
  gsize len = strlen (text);

  while (len > 0 && text[len - 1] == ' ')
    len--;
  return len > 0 && strchr (",;:.!?", text[len - 1]) != NULL;
}

static gboolean
starts_item (const char *text)
{
  return g_regex_match_simple ("^(?:\\d+[.)]|\\(?[a-z]{1,4}\\)|•|-)\\s", text, 0, 0);
}

static GPtrArray *
lines_from_pdf_text (char      **raw,
                     char      **symbol,
                     guint      *dropped)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify)line_free);
  GString *current = NULL;

  for (guint i = 0; raw[i] != NULL; i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (raw[i]));

      if (is_page_header (raw[i]))
        {
          if (*symbol == NULL && is_symbol_line (raw[i]))
            *symbol = g_strdup (text);
          (*dropped)++;
          continue;
        }

      if (text[0] == '\0')
        {
          if (current != NULL)
            g_ptr_array_add (lines, line_new (current->str));
          if (current != NULL)
            g_string_free (g_steal_pointer (&current), TRUE);
          g_ptr_array_add (lines, line_new (""));
          continue;
        }

      if (current == NULL)
        {
          current = g_string_new (text);
          continue;
        }

      if (starts_item (text) ||
          (ends_sentence (current->str) && g_unichar_isupper (g_utf8_get_char (text))))
        {
          g_ptr_array_add (lines, line_new (current->str));
          g_string_assign (current, text);
          continue;
        }

      /* "dévelop-" + "pement": a word cut at the end of the line. */
      if (current->len >= 2 && current->str[current->len - 1] == '-' &&
          g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (current->str + current->len - 1))) &&
          g_unichar_islower (g_utf8_get_char (text)))
        {
          g_string_truncate (current, current->len - 1);
          g_string_append (current, text);
        }
      else
        {
          g_string_append_c (current, ' ');
          g_string_append (current, text);
        }
    }

  if (current != NULL)
    {
      g_ptr_array_add (lines, line_new (current->str));
      g_string_free (current, TRUE);
    }

  return lines;
}

static GPtrArray *
lines_from_plain_text (char **raw)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify)line_free);

  for (guint i = 0; raw[i] != NULL; i++)
    {
      g_autofree char *text = g_strchomp (g_strdup (raw[i]));

      g_ptr_array_add (lines, line_new (text));
    }

  return lines;
}

/* ---- detection --------------------------------------------------------------- */

PlenaryImportFormat
plenary_importer_detect_format (const char *data,
                                gsize       len,
                                const char *filename)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) raw = NULL;
  const char *p = data;
  guint markdown = 0, pdf = 0, wrapped = 0, lines = 0;

  g_return_val_if_fail (data != NULL || len == 0, PLENARY_IMPORT_FORMAT_PLAIN_TEXT);

  if (len >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < data + len && g_ascii_isspace (*p))
    p++;
  /* A .json file holding an array is a broken draft to refuse, not text
   * to import. */
  if (p < data + len && (*p == '{' || *p == '['))
    {
      gsize head = MIN (len - (p - data), 4096);

      if ((*p == '{' && g_strstr_len (p, head, "\"format\"") != NULL) ||
          (filename != NULL && g_str_has_suffix (filename, ".json")))
        return PLENARY_IMPORT_FORMAT_PLENARY_JSON;
    }

  text = g_strndup (data, MIN (len, 64 * 1024));
  raw = g_strsplit (text, "\n", 2000);

  for (guint i = 0; raw[i] != NULL; i++)
    {
      const char *line = raw[i];
      const char *next = raw[i + 1];
      gsize line_len = strlen (line);

      if (line_len > 0 && line[line_len - 1] == '\r')
        line_len--;
      if (line_len == 0)
        continue;
      lines++;

      if (g_regex_match_simple ("^\\s{0,3}#{1,6}\\s", line, 0, 0))
        markdown += 2;
      if (g_regex_match_simple ("^\\s*\\*\\*[^*]+\\*\\*", line, 0, 0) ||
          g_regex_match_simple ("^\\s*(\\d+\\.\\s+)?\\*[^*\\s][^*]*\\*\\s", line, 0, 0) ||
          g_regex_match_simple ("\\[[^\\]]+\\]\\([^)]*\\)", line, 0, 0) ||
          is_rule (line))
        markdown++;

      if (strchr (line, '\f') != NULL)
        pdf += 3;
      else if (is_page_header (line))
        pdf += 2;

      if (next != NULL && next[0] != '\0' && !ends_sentence (line) &&
          g_unichar_islower (g_utf8_get_char (next)))
        {
          wrapped++;
          if (line[line_len - 1] == '-')
            pdf += 2;
        }
    }

  if (markdown >= 3)
    return PLENARY_IMPORT_FORMAT_MARKDOWN;
  if (pdf >= 3 || (lines >= 4 && wrapped * 3 >= lines))
    return PLENARY_IMPORT_FORMAT_PDF_TEXT;
  if (filename != NULL && (g_str_has_suffix (filename, ".md") || g_str_has_suffix (filename, ".markdown")))
    return PLENARY_IMPORT_FORMAT_MARKDOWN;

  return PLENARY_IMPORT_FORMAT_PLAIN_TEXT;
}

/* The start of a paragraph once any number or marker is skipped. */
static const char *
skip_number (const char *text)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  int end = 0;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^\\s*(?:\\d+[.)]|\\(?[a-z]{1,4}\\))?\\s*",
                                            G_REGEX_DEFAULT, 0, NULL));

  if (g_regex_match (regex, text, 0, &match))
    g_match_info_fetch_pos (match, 0, NULL, &end);

  return text + end;
}

static guint
score_language (PlenaryPhraseDictionary *dict,
                GPtrArray               *lines)
{
  guint score = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = g_ptr_array_index (lines, i);
      const char *start = skip_number (line->text);

      if (line->field != NULL || start[0] == '\0')
        continue;
      if (plenary_phrase_dictionary_body_for_opening (dict, start) != NULL)
        score += 5;
      else if (plenary_phrase_dictionary_match (dict, start, NULL))
        score += 2;
    }

  return score;
}

static char *
detect_language_in_lines (GPtrArray *lines)
{
  g_auto(GStrv) languages = plenary_phrase_dictionary_list_languages ();
  g_autofree char *best = NULL;
  guint best_score = 0;

  for (guint i = 0; languages[i] != NULL; i++)
    {
      PlenaryPhraseDictionary *dict = plenary_phrase_dictionary_get_default (languages[i]);
      guint score = score_language (dict, lines);

      if (score > best_score)
        {
          best_score = score;
          g_free (best);
          best = g_strdup (languages[i]);
        }
    }

  if (best == NULL)
    {
      /* No phrase at all: count a few frequent words. */
      static const char *french[] = { " le ", " la ", " les ", " des ", " et ", " du ", NULL };
      static const char *english[] = { " the ", " and ", " of ", " to ", " is ", NULL };
      guint fr = 0, en = 0;

      for (guint i = 0; i < lines->len; i++)
        {
          const Line *line = g_ptr_array_index (lines, i);

          for (guint w = 0; french[w] != NULL; w++)
            fr += strstr (line->text, french[w]) != NULL;
          for (guint w = 0; english[w] != NULL; w++)
            en += strstr (line->text, english[w]) != NULL;
        }
      best = g_strdup (en > fr ? "en" : "fr");
    }

  return g_steal_pointer (&best);
}

char *
plenary_importer_detect_language (const char *text,
                                  gsize       len)
{
  g_autofree char *copy = g_strndup (text, len);
  g_auto(GStrv) raw = g_strsplit (copy, "\n", -1);
  g_autoptr(GPtrArray) lines = lines_from_markdown (raw);

  return detect_language_in_lines (lines);
}

/* ---- import ------------------------------------------------------------------- */

static char *
normalize_text (const char  *data,
                gsize        len,
                GPtrArray   *warnings,
                GError     **error)
{
  g_autofree char *utf8 = NULL;
  GString *out;

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  if (g_utf8_validate_len (data, len, NULL))
    utf8 = g_strndup (data, len);
  else
    {
      g_autoptr(GError) local_error = NULL;

      /* What word processors on Windows save as "Text". */
      utf8 = g_convert (data, len, "UTF-8", "WINDOWS-1252", NULL, NULL, &local_error);
      if (utf8 == NULL)
        {
          g_set_error (error, PLENARY_IMPORTER_ERROR, PLENARY_IMPORTER_ERROR_ENCODING,
                       _("The text is neither UTF-8 nor Windows-1252"));
          return NULL;
        }
      add_warning (warnings, 0, _("The text was not in UTF-8: it was read as Windows-1252"));
    }

  out = g_string_new (utf8);
  g_string_replace (out, "\r\n", "\n", 0);
  g_string_replace (out, "\r", "\n", 0);

  return g_string_free (out, FALSE);
}

/* "Point 13 de l'ordre du jour" looks like a heading, "Encourage …" not. */
static gboolean
looks_like_heading (PlenaryPhraseDictionary *dict,
                    const char              *text,
                    const char              *next)
{
  gsize len = strlen (text);
  gboolean all_caps = TRUE;

  if (len == 0 || len > 80 || next == NULL || next[0] == '\0')
    return FALSE;
  if (ends_sentence (text) || starts_item (text))
    return FALSE;
  if (plenary_phrase_dictionary_match (dict, text, NULL))
    return FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_islower (g_utf8_get_char (p)))
      all_caps = FALSE;

  return all_caps || g_unichar_isupper (g_utf8_get_char (text));
}

static gboolean
is_resolution_title (const char *text)
{
  static const char *titles[] = {
    "résolution", "resolution", "projet de résolution", "draft resolution", NULL
  };
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return g_strv_contains (titles, g_strstrip (folded));
}

/* Where the resolution starts: at its opening formula, or else at the first
 * line that is not a header field or a title. */
static guint
find_body_start (PlenaryPhraseDictionary *dict,
                 GPtrArray               *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = g_ptr_array_index (lines, i);
      const char *start = skip_number (line->text);

      if (line->field != NULL || line->heading)
        continue;
      if (plenary_phrase_dictionary_is_opening (dict, line->text, strlen (line->text)))
        return i;
      /* The resolution has begun without one. */
      if (start != line->text || plenary_phrase_dictionary_match (dict, start, NULL))
        break;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = g_ptr_array_index (lines, i);

      if (line->field == NULL && !line->heading && line->text[0] != '\0')
        return i;
    }

  return lines->len;
}

static gboolean
is_resolution (PlenaryPhraseDictionary *dict,
               GPtrArray               *lines)
{
  guint phrases = 0, numbered = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = g_ptr_array_index (lines, i);
      const char *start = skip_number (line->text);

      if (line->field != NULL || line->heading)
        continue;
      if (plenary_phrase_dictionary_is_opening (dict, line->text, strlen (line->text)))
        return TRUE;
      if (plenary_phrase_dictionary_match (dict, start, NULL))
        phrases++;
      if (g_ascii_isdigit (line->text[0]) && start != line->text)
        numbered++;
    }

  return phrases >= 2 || (phrases >= 1 && numbered >= 1);
}

/* Markdown italics say exactly where the phrase ends ("*Décide* de rester
 * activement saisi" is "Décide", not the longer dictionary phrase). */
static void
apply_italic_phrases (PlenaryPhraseDictionary *dict,
                      PlenaryBody             *body,
                      const char              *text,
                      GPtrArray               *italics)
{
  g_auto(GStrv) raw = g_strsplit (text, "\n", -1);
  PlenaryLineState state = PLENARY_LINE_STATE_INIT;
  guint top = 0;

  for (guint i = 0; raw[i] != NULL && i < italics->len; i++)
    {
      const char *italic = g_ptr_array_index (italics, i);
      PlenaryParagraph *paragraph;
      PlenaryLineInfo info;
      g_autofree char *full = NULL;
      gsize italic_len;

      plenary_clause_parser_classify_line (dict, PLENARY_DRAFT_KIND_RESOLUTION, raw[i], -1, &state, &info);
      if (info.is_blank || info.is_opening || info.level > 0)
        continue;
      if (top >= body->paragraphs->len)
        break;
      paragraph = g_ptr_array_index (body->paragraphs, top++);

      if (italic == NULL || g_strcmp0 (paragraph->phrase, italic) == 0)
        continue;

      full = plenary_paragraph_dup_full_text (paragraph);
      italic_len = strlen (italic);
      if (strncmp (full, italic, italic_len) != 0 ||
          (full[italic_len] != ' ' && full[italic_len] != '\0'))
        continue;

      g_free (paragraph->phrase);
      paragraph->phrase = g_strdup (italic);
      g_free (paragraph->text);
      paragraph->text = g_strdup (full[italic_len] == ' ' ? full + italic_len + 1 : "");
    }
}

PlenaryDraft *
plenary_importer_import (const char  *data,
                         gsize        len,
                         const char  *filename,
                         const char  *language,
                         GPtrArray  **warnings,
                         GError     **error)
{
  g_autoptr(GPtrArray) local_warnings = g_ptr_array_new_with_free_func ((GDestroyNotify)plenary_parse_warning_free);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) italics = NULL;
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(PlenaryBody) body = NULL;
  g_autoptr(GString) body_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *symbol = NULL;
  g_auto(GStrv) raw = NULL;
  PlenaryPhraseDictionary *dict;
  PlenaryImportFormat format;
  PlenaryMetadata *metadata;
  PlenaryDraftKind kind;
  const char *title = NULL;
  guint dropped = 0;
  guint body_start;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* .docx and .odt (and the .doc or encrypted file behind such a name). */
  if (plenary_office_looks_like_package (data, len))
    return plenary_office_importer_import (data, len, language, warnings, error);

  format = plenary_importer_detect_format (data, len, filename);
  if (format == PLENARY_IMPORT_FORMAT_PLENARY_JSON)
    return plenary_draft_codec_decode (data, len, error);

  if ((text = normalize_text (data, len, local_warnings, error)) == NULL)
    return NULL;

  if (strspn (text, " \t\n\f") == strlen (text))
    {
      g_set_error (error, PLENARY_IMPORTER_ERROR, PLENARY_IMPORTER_ERROR_EMPTY,
                   _("There is no text to import"));
      return NULL;
    }

  raw = g_strsplit (text, "\n", -1);
  switch (format)
    {
    case PLENARY_IMPORT_FORMAT_MARKDOWN:
      lines = lines_from_markdown (raw);
      break;
    case PLENARY_IMPORT_FORMAT_PDF_TEXT:
      lines = lines_from_pdf_text (raw, &symbol, &dropped);
      break;
    case PLENARY_IMPORT_FORMAT_PLAIN_TEXT:
    case PLENARY_IMPORT_FORMAT_PLENARY_JSON:
    default:
      lines = lines_from_plain_text (raw);
      break;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);

      if (!line->heading)
        match_field (line->text, &line->field, &line->value);
    }

  lang = language != NULL ? g_strdup (language) : detect_language_in_lines (lines);
  dict = plenary_phrase_dictionary_get_default (lang);

  /* Plain text has no heading syntax: a short line without final
   * punctuation followed by text is one. */
  if (format != PLENARY_IMPORT_FORMAT_MARKDOWN)
    for (guint i = 0; i + 1 < lines->len; i++)
      {
        Line *line = g_ptr_array_index (lines, i);
        guint j = i + 1;

        while (j < lines->len && ((Line *)g_ptr_array_index (lines, j))->text[0] == '\0')
          j++;
        g_autofree char *stripped = g_strstrip (g_strdup (line->text));

        if (line->field == NULL && j < lines->len &&
            looks_like_heading (dict, stripped, ((Line *)g_ptr_array_index (lines, j))->text))
          {
            line->heading = TRUE;
            g_free (line->text);
            line->text = g_steal_pointer (&stripped);
          }
      }

  kind = is_resolution (dict, lines) ? PLENARY_DRAFT_KIND_RESOLUTION : PLENARY_DRAFT_KIND_BRIEF;
  draft = plenary_draft_new (kind, lang);
  metadata = plenary_draft_get_metadata (draft);

  body_start = kind == PLENARY_DRAFT_KIND_RESOLUTION ? find_body_start (dict, lines) : 0;
  while (kind == PLENARY_DRAFT_KIND_BRIEF && body_start < lines->len)
    {
      const Line *line = g_ptr_array_index (lines, body_start);

      if (line->field == NULL && line->text[0] != '\0')
        break;
      body_start++;
    }

  /* A heading with only header fields under it is the brief's title, not a
   * section: "# Exposé de position", "**Délégation :** …", "## Contexte". */
  if (kind == PLENARY_DRAFT_KIND_BRIEF && body_start < lines->len &&
      ((Line *)g_ptr_array_index (lines, body_start))->heading)
    {
      guint j = body_start + 1;

      while (j < lines->len && (((Line *)g_ptr_array_index (lines, j))->field != NULL ||
                                ((Line *)g_ptr_array_index (lines, j))->text[0] == '\0'))
        j++;
      if (j < lines->len && ((Line *)g_ptr_array_index (lines, j))->heading)
        title = ((Line *)g_ptr_array_index (lines, body_start))->text;
    }

  body_text = g_string_new (NULL);
  italics = g_ptr_array_new ();

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = g_ptr_array_index (lines, i);

      if (line->field != NULL && (i < body_start || kind == PLENARY_DRAFT_KIND_BRIEF))
        {
          set_field (metadata, line->field, line->value);
          continue;
        }

      /* Titles and page furniture above the resolution. */
      if (i < body_start || (title != NULL && i == body_start))
        continue;

      if (kind == PLENARY_DRAFT_KIND_RESOLUTION)
        {
          if (line->heading && is_resolution_title (line->text))
            continue;
          g_string_append (body_text, line->text);
        }
      else if (line->heading)
        g_string_append_printf (body_text, "# %s", line->text);
      else if (line->bullet != NULL)
        g_string_append_printf (body_text, "• %s", line->bullet);
      else
        {
          const char *t = line->text + strspn (line->text, " \t");

          if ((t[0] == '-' || t[0] == '*') && t[1] == ' ')
            g_string_append_printf (body_text, "• %s", t + 2);
          else
            g_string_append (body_text, t);
        }
      g_string_append_c (body_text, '\n');
      g_ptr_array_add (italics, line->italic);
    }

  body = plenary_clause_parser_parse (dict, body_text->str, body_text->len, kind, &local_warnings);
  if (format == PLENARY_IMPORT_FORMAT_MARKDOWN && kind == PLENARY_DRAFT_KIND_RESOLUTION)
    apply_italic_phrases (dict, body, body_text->str, italics);

  if (title != NULL && plenary_metadata_get_string (metadata, "question")[0] == '\0')
    plenary_metadata_set_string (metadata, "question", title);
  if (symbol != NULL && plenary_metadata_get_string (metadata, "symbol")[0] == '\0')
    plenary_metadata_set_string (metadata, "symbol", symbol);
  if (body->opening != NULL && plenary_metadata_get_string (metadata, "body")[0] == '\0')
    {
      const char *name = plenary_phrase_dictionary_body_for_opening (dict, body->opening);

      if (name != NULL)
        plenary_metadata_set_string (metadata, "body", name);
    }

  if (dropped > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u page header line was dropped",
                                      "%u page header lines were dropped", dropped),
                         dropped);
      add_warning (local_warnings, 0, message);
    }

  plenary_draft_set_body (draft, body);

  if (warnings != NULL)
    {
      if (*warnings == NULL)
        *warnings = g_ptr_array_new_with_free_func ((GDestroyNotify)plenary_parse_warning_free);
      g_ptr_array_extend_and_steal (*warnings, g_steal_pointer (&local_warnings));
    }

  return g_steal_pointer (&draft);
}
