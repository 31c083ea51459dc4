/* plenary-import-text.c
 *
 * The importer's first two stages: the lines of a file, cleaned of what a
 * page adds (margin numbers, page furniture, footnotes), then joined into
 * blocks, one per paragraph, each with its label read.
 *
 * Copyright 2026 The Plenary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-importer"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "plenary-clause-parser.h"
#include "plenary-importer-private.h"
#include "plenary-markdown.h"

static gboolean starts_paragraph (PlenaryPhraseDictionary *dict,
                                  const char              *text);

void
import_line_free (ImportLine *line)
{
  g_free (line->text);
  g_free (line->emphasis);
  g_free (line->marker);
  g_free (line);
}

void
import_block_free (ImportBlock *block)
{
  g_string_free (block->text, TRUE);
  g_free (block->emphasis);
  g_free (block);
}

void
import_report (GPtrArray  *report,
               guint       line,
               const char *message,
               const char *text)
{
  g_autofree char *full = NULL;

  if (report == NULL)
    return;
  if (text != NULL && text[0] != '\0')
    {
      glong chars = g_utf8_strlen (text, 200);
      g_autofree char *excerpt = g_utf8_substring (text, 0, MIN (chars, 60));

      /* TRANSLATORS: an import report entry: what was done, then the line. */
      full = g_strdup_printf (_("%s: “%s%s”"), message, excerpt, chars > 60 ? "…" : "");
    }
  g_ptr_array_add (report, plenary_parse_warning_new (line > 0 ? line - 1 : 0, full != NULL ? full : message));
}

static ImportLine *
line_new (const char *text,
          gsize       len,
          guint       source)
{
  ImportLine *line = g_new0 (ImportLine, 1);
  const char *p = text;
  const char *end = text + len;

  while (end > p && (g_ascii_isspace (end[-1]) || end[-1] == '\f'))
    end--;
  for (;; p++)
    {
      if (p < end && *p == '\t')
        line->indent += 4;
      else if (p < end && (*p == ' ' || *p == '\f'))
        line->indent++;
      /* A no-break space of a layout is a space too. */
      else if (p + 1 < end && (guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
        {
          line->indent++;
          p++;
        }
      else if (p + 2 < end && (guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0xAF)
        {
          line->indent++;
          p += 2;
        }
      else
        break;
    }

  line->text = g_strndup (p, end - p);
  line->blank = line->text[0] == '\0';
  line->source = source;
  line->gap = memchr (text, '\f', len) != NULL;

  return line;
}

GPtrArray *
import_lines_from_text (const char *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) import_line_free);
  const char *p = text;
  guint source = 1;

  for (;;)
    {
      const char *eol = strchr (p, '\n');
      gsize len = eol != NULL ? (gsize) (eol - p) : strlen (p);

      g_ptr_array_add (lines, line_new (p, len, source++));
      if (eol == NULL)
        break;
      p = eol + 1;
    }

  return lines;
}

GPtrArray *
import_lines_from_markdown (const char  *text,
                            char       **front_matter)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) import_line_free);
  g_autoptr(GPtrArray) blocks = plenary_markdown_read (text, strlen (text), front_matter);

  for (guint i = 0; i < blocks->len; i++)
    {
      const PlenaryMarkdownBlock *block = g_ptr_array_index (blocks, i);
      const char *p = block->text;
      guint n = 0;

      if (block->kind == PLENARY_MARKDOWN_RULE)
        continue;

      if (lines->len > 0)
        g_ptr_array_add (lines, line_new ("", 0, block->line));

      for (;; n++)
        {
          const char *eol = strchr (p, '\n');
          gsize len = eol != NULL ? (gsize) (eol - p) : strlen (p);
          ImportLine *line = line_new (p, len, block->line + n);

          if (n == 0)
            {
              line->start = TRUE;
              line->heading = block->kind == PLENARY_MARKDOWN_HEADING;
              line->emphasis = g_strdup (block->emphasis);
              line->marker = g_strdup (block->marker);
            }
          g_ptr_array_add (lines, line);
          if (eol == NULL)
            break;
          p = eol + 1;
        }
    }

  return lines;
}

/* ---- margin numbers ------------------------------------------------------------ */

/* The leading number of "12 Recognizing …" or "12", or -1. */
static int
margin_number (const char *text,
               gsize      *skip)
{
  int value = 0;
  gsize i = 0;

  while (g_ascii_isdigit (text[i]) && i < 3)
    value = value * 10 + (text[i++] - '0');
  if (i == 0 || (text[i] != '\0' && text[i] != ' ' && text[i] != '\t'))
    return -1;
  while (text[i] == ' ' || text[i] == '\t')
    i++;
  *skip = i;
  return value;
}

/* Model UN resolution books number every line in the margin. When most
 * lines carry a number one above the last, the numbers are the margin's:
 * they go, and the lines without one are the page's boxes (conference
 * name, school, sponsor). */
static void
strip_margin_numbers (GPtrArray *lines,
                      GPtrArray *report)
{
  guint nonblank = 0, sequential = 0;
  int last = -1;
  gsize skip;

  for (guint i = 0; i < lines->len; i++)
    {
      ImportLine *line = g_ptr_array_index (lines, i);
      int n;

      if (line->blank)
        continue;
      nonblank++;
      if ((n = margin_number (line->text, &skip)) >= 0)
        {
          if (n == last + 1)
            sequential++;
          last = n;
        }
    }

  if (sequential < 8 || sequential * 2 < nonblank)
    return;

  for (guint i = 0; i < lines->len; i++)
    {
      ImportLine *line = g_ptr_array_index (lines, i);
      char *rest;

      if (line->blank)
        continue;
      if (margin_number (line->text, &skip) < 0)
        {
          line->boxed = TRUE;
          continue;
        }
      rest = g_strdup (line->text + skip);
      g_free (line->text);
      line->text = rest;
      line->blank = rest[0] == '\0';
    }

  import_report (report, 0, _("Line numbers in the margin were removed"), NULL);
}

/* ---- page furniture ------------------------------------------------------------- */

static GRegex *
furniture_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    {
      GRegex *r = g_regex_new ("^(?:"
                               /* S/2020/445, A/RES/80/11, S/RES/1001 (1995), with "Page 2" */
                               "[ASE]/[0-9A-Z][0-9A-Za-z./-]*(?:\\s*\\(\\d{4}\\))?(?:\\s+[Pp]age\\s+\\d+)?"
                               /* Page 3, Page 3 of 12, page 3 sur 12 */
                               "|[Pp]age\\s+\\d+(?:\\s*(?:/|of|sur|de)\\s*\\d+)?"
                               /* 3/12 */
                               "|\\d{1,4}\\s*/\\s*\\d{1,4}"
                               /* - 3 -, – 3 – */
                               "|[-\xe2\x80\x93\xe2\x80\x94]\\s*\\d{1,4}\\s*[-\xe2\x80\x93\xe2\x80\x94]"
                               /* "/..." at the foot of a typed page */
                               "|/?\\.\\.\\./?"
                               /* job numbers and print dates: 20-07254 (E)  020620 */
                               "|\\d{2}-\\d{5}\\s*(?:\\([A-Z]\\))?(?:\\s+\\d{6})?(?:\\s+\\*\\d+\\*)?"
                               /* barcodes and print dates */
                               "|\\*\\d{5,}\\*|\\d{6}"
                               /* rules */
                               "|[-=*]{3,}"
                               ")$",
                               G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&regex, r);
    }

  return regex;
}

/* A line of page furniture, also two of them side by side in a
 * pdftotext -layout line ("2/3        16-22921"). */
static gboolean
is_furniture (const char *text)
{
  g_auto(GStrv) cells = NULL;
  guint n = 0;

  if (g_regex_match (furniture_regex (), text, 0, NULL))
    return TRUE;
  if (strstr (text, "   ") == NULL)
    return FALSE;
  cells = g_regex_split_simple ("\\s{3,}", text, 0, 0);
  for (guint i = 0; cells[i] != NULL; i++)
    {
      if (cells[i][0] == '\0')
        continue;
      if (!g_regex_match (furniture_regex (), cells[i], 0, NULL))
        return FALSE;
      n++;
    }
  return n > 0;
}

static gboolean
is_symbol (const char *text)
{
  return (text[0] == 'A' || text[0] == 'S' || text[0] == 'E') && text[1] == '/' &&
         g_ascii_isalnum (text[2]);
}

static gboolean
ends_with_punctuation (const char *text)
{
  gsize len = strlen (text);
  const char *last;

  if (len == 0)
    return FALSE;
  last = g_utf8_find_prev_char (text, text + len);
  /* A footnote call glued to the end: "…peace,1". */
  while (last > text && g_ascii_isdigit (*last))
    last--;
  return strchr (",;:.!?", *last) != NULL ||
         g_str_has_suffix (text, "\xe2\x80\x9d") || g_str_has_suffix (text, "\xc2\xbb") ||
         /* "…to do the same; and": the last but one paragraph. */
         g_str_has_suffix (text, "; and") || g_str_has_suffix (text, "; or") ||
         g_str_has_suffix (text, " ; et") || g_str_has_suffix (text, "; et") || g_str_has_suffix (text, ", and");
}

static gboolean
starts_upper (const char *text)
{
  return g_unichar_isupper (g_utf8_get_char (text));
}

/* "12" alone: a page number, or a paragraph number without its point. */
static gboolean
is_lone_number (const char *text,
                guint      *value)
{
  guint n = 0, i = 0;

  while (g_ascii_isdigit (text[i]) && i < 5)
    n = n * 10 + (text[i++] - '0');
  if (i == 0 || text[i] != '\0')
    return FALSE;
  *value = n;
  return TRUE;
}

/* "12. Decides", "12.", "12) Decides": the number, else 0. */
static guint
paragraph_number (const char *text)
{
  guint n = 0, i = 0;

  while (g_ascii_isdigit (text[i]) && i < 4)
    n = n * 10 + (text[i++] - '0');
  if (i == 0 || (text[i] != '.' && text[i] != ')'))
    return 0;
  i++;
  return text[i] == '\0' || text[i] == ' ' || text[i] == '\t' ? n : 0;
}

/* "63 S/1999/402", "356 Voir Rapport …", "1 The initial Aide Memoire …":
 * a footnote, unless the number is the next paragraph's ("11 Condemns"). */
static gboolean
is_footnote_line (PlenaryPhraseDictionary *dict,
                  const char              *text,
                  guint                    next_number)
{
  guint n = 0, i = 0;

  /* "10 January 2024" under "Distr.: General" */
  if (g_regex_match_simple ("^\\d{1,2}(?:er)?\\s+\\p{L}+\\s+\\d{4}$", text, 0, 0))
    return FALSE;

  while (g_ascii_isdigit (text[i]) && i < 4)
    n = n * 10 + (text[i++] - '0');
  if (i == 0 || (text[i] != ' ' && text[i] != '\t'))
    return FALSE;
  while (text[i] == ' ' || text[i] == '\t')
    i++;
  if (text[i] == '\0')
    return FALSE;
  if (n == next_number && import_phrase_length (dict, text + i, NULL, NULL) > 0)
    return FALSE;
  return TRUE;
}

static gboolean
is_footnote_definition (const char *text)
{
  return g_str_has_prefix (text, "[^") && strstr (text, "]:") != NULL;
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A running head repeated on the pages: the words of a line without its
 * numbers (OCR varies the dates), in any order (the symbol is on the left
 * of even pages and on the right of odd ones), as a key. */
static char *
repeat_key (const char *text)
{
  GString *key = g_string_new (NULL);
  guint words = 0;

  for (const char *p = text; *p != '\0' && words < 8; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        g_string_append_unichar (key, g_unichar_tolower (c));
      else if (c == ' ' && key->len > 0 && key->str[key->len - 1] != ' ')
        {
          g_string_append_c (key, ' ');
          words++;
        }
    }

  if (words > 0)
    {
      g_auto(GStrv) split = g_strsplit (g_strchomp (key->str), " ", -1);

      qsort (split, g_strv_length (split), sizeof (char *), compare_words);
      g_string_free (key, TRUE);
      return g_strjoinv (" ", split);
    }
  return g_string_free (key, FALSE);
}

static void
drop_line (ImportLine *line,
           GPtrArray  *report,
           const char *why)
{
  import_report (report, line->source, why, line->text);
  line->text[0] = '\0';
  line->blank = TRUE;
  line->gap = TRUE;
}

void
import_clean_lines (PlenaryPhraseDictionary  *dict,
                    GPtrArray                *lines,
                    char                    **symbol,
                    GPtrArray                *report)
{
  g_autoptr(GHashTable) repeats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean in_footnotes = FALSE;
  gboolean note_text = FALSE;
  gboolean after_page = FALSE;
  guint last_number = 0;

  strip_margin_numbers (lines, report);

  /* Lines without final punctuation seen on three pages are running heads. */
  for (guint i = 0; i < lines->len; i++)
    {
      ImportLine *line = g_ptr_array_index (lines, i);
      g_autofree char *key = NULL;

      if (line->blank || line->heading || ends_with_punctuation (line->text) || strlen (line->text) < 12 ||
          !starts_upper (line->text) || starts_paragraph (dict, line->text))
        continue;
      key = repeat_key (line->text);
      g_hash_table_insert (repeats, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (repeats, key)) + 1));
      key = NULL;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      ImportLine *line = g_ptr_array_index (lines, i);
      guint number;

      if (line->blank)
        {
          /* A blank line ends a footnote block in text with blank lines. */
          if (in_footnotes && i + 1 < lines->len && !((ImportLine *) g_ptr_array_index (lines, i + 1))->blank)
            {
              const char *next = ((ImportLine *) g_ptr_array_index (lines, i + 1))->text;

              in_footnotes = g_ascii_isdigit (next[0]) && is_footnote_line (dict, next, last_number + 1);
            }
          continue;
        }

      if ((number = paragraph_number (line->text)) > 0)
        last_number = number;

      if (is_furniture (line->text))
        {
          if (symbol != NULL && *symbol == NULL && is_symbol (line->text))
            {
              g_autofree char *copy = g_strdup (line->text);
              char *page = strstr (copy, "Page");

              if (page != NULL)
                *page = '\0';
              *symbol = g_strdup (g_strstrip (copy));
            }
          drop_line (line, report, _("Page furniture removed"));
          in_footnotes = FALSE;
          continue;
        }

      /* "…regional and international ---": the rule over the footnotes,
       * glued to the last line of the page by some extractions. */
      {
        gsize len = strlen (line->text);
        gsize rule = 0;

        while (rule < len && strchr ("-_", line->text[len - 1 - rule]) != NULL)
          rule++;
        if (rule >= 3 && rule < len && line->text[len - 1 - rule] == ' ')
          {
            import_report (report, line->source, _("Page furniture removed"), line->text + len - rule);
            line->text[len - 1 - rule] = '\0';
            in_footnotes = TRUE;
            continue;
          }
      }

      /* "____" opens the footnotes at the foot of a page. */
      if (g_str_has_prefix (line->text, "_____"))
        {
          gboolean inline_note = strspn (line->text, "_") < strlen (line->text);

          if (inline_note)
            {
              line->footnote = TRUE;
              import_report (report, line->source, _("Footnote kept as a note"), line->text);
            }
          else
            drop_line (line, report, _("Page furniture removed"));
          in_footnotes = TRUE;
          continue;
        }

      if (is_footnote_definition (line->text) ||
          (in_footnotes && (line->boxed || !starts_upper (line->text) || g_ascii_isdigit (line->text[0]) || note_text)) ||
          (g_ascii_isdigit (line->text[0]) && (after_page || (i > 0 && ((ImportLine *) g_ptr_array_index (lines, i - 1))->blank)) &&
           is_footnote_line (dict, line->text, last_number + 1)))
        {
          line->footnote = TRUE;
          import_report (report, line->source, _("Footnote kept as a note"), line->text);
          in_footnotes = TRUE;
          /* "1" alone under the rule: the note's text is on the lines after it. */
          note_text = is_lone_number (line->text, &number) || (note_text && !ends_with_punctuation (line->text));
          continue;
        }
      in_footnotes = FALSE;
      note_text = FALSE;

      if (is_lone_number (line->text, &number))
        {
          ImportLine *next = NULL;

          for (guint j = i + 1; j < lines->len && j <= i + 2; j++)
            if (!((ImportLine *) g_ptr_array_index (lines, j))->blank)
              {
                next = g_ptr_array_index (lines, j);
                break;
              }
          /* The next paragraph's number without its point. */
          if (number == last_number + 1 && next != NULL && starts_upper (next->text) &&
              import_phrase_length (dict, next->text, NULL, NULL) > 0)
            {
              last_number = number;
              continue;
            }
          drop_line (line, report, _("Page number removed"));
          after_page = TRUE;
          /* "63" then "S/1999/402, annexe.": the note under that number. */
          if (next != NULL && ends_with_punctuation (next->text) && !g_str_has_suffix (next->text, ",") &&
              !starts_paragraph (dict, next->text) && strlen (next->text) < 400 &&
              (starts_upper (next->text) || is_symbol (next->text)))
            {
              next->footnote = TRUE;
              import_report (report, next->source, _("Footnote kept as a note"), next->text);
            }
          continue;
        }

      if (!line->heading && !ends_with_punctuation (line->text) && strlen (line->text) >= 12)
        {
          g_autofree char *key = repeat_key (line->text);
          gboolean repeated = GPOINTER_TO_UINT (g_hash_table_lookup (repeats, key)) >= 3 &&
                              starts_upper (line->text) && !starts_paragraph (dict, line->text);

          /* After a page number: the running head of the next page. */
          if (repeated ||
              (after_page && starts_upper (line->text) && paragraph_number (line->text) == 0 &&
               import_phrase_length (dict, line->text, NULL, NULL) == 0 && g_utf8_strlen (line->text, -1) < 160 &&
               i > 0 && !import_is_opening (dict, line->text)))
            {
              drop_line (line, report, _("Running head removed"));
              after_page = FALSE;
              continue;
            }
        }
      after_page = FALSE;
    }
}

/* ---- labels ------------------------------------------------------------------------ */

static gboolean
is_roman (const char *letters,
          gsize       len)
{
  return plenary_clause_parse_roman (letters, len) > 0 && strspn (letters, "ivxl") >= len;
}

/* Reads the label at the start of TEXT into BLOCK; returns its length with
 * the white space after it (0: no label). */
static gsize
read_label (const char  *text,
            ImportBlock *block)
{
  gsize i = 0, start;
  gboolean enclosed = FALSE;

  block->label = LABEL_NONE;
  block->number = block->roman = 0;

  /* "12." "12)" "12.\t" "12" alone */
  while (g_ascii_isdigit (text[i]) && i < 4)
    block->number = block->number * 10 + (text[i++] - '0');
  if (i > 0)
    {
      if ((text[i] == '.' || text[i] == ')') && (text[i + 1] == '\0' || g_ascii_isspace (text[i + 1])))
        {
          i++;
          block->label = LABEL_NUMBER;
        }
      else if (text[i] == '\0')
        block->label = LABEL_NUMBER;
      else if (g_ascii_isspace (text[i]))
        block->label = LABEL_BARE;
      else
        {
          block->number = 0;
          return 0;
        }
      while (g_ascii_isspace (text[i]))
        i++;
      /* "2001, the Council": not a label. */
      if (text[i] != '\0' && !starts_upper (text + i) && text[i] != '"' &&
          strncmp (text + i, "\xe2\x80\x9c", 3) != 0 && strncmp (text + i, "\xc2\xab", 2) != 0)
        {
          block->label = LABEL_NONE;
          block->number = 0;
          return 0;
        }
      return i;
    }

  /* Dashes and bullets */
  if ((text[0] == '-' || text[0] == '*') && (text[1] == ' ' || text[1] == '\t'))
    i = 1;
  else if (g_str_has_prefix (text, "\xe2\x80\x93") || g_str_has_prefix (text, "\xe2\x80\x94") ||
           g_str_has_prefix (text, "\xe2\x80\xa2") || g_str_has_prefix (text, "\xc2\xb7"))
    i = strlen (g_str_has_prefix (text, "\xc2\xb7") ? "\xc2\xb7" : "\xe2\x80\x93");
  if (i > 0)
    {
      if (!g_ascii_isspace (text[i]))
        return 0;
      block->label = LABEL_DASH;
      while (g_ascii_isspace (text[i]))
        i++;
      return i;
    }

  /* "(a)" "a)" "a." "(ii)" "ii)" "ii." "cl)" "J)" */
  if (text[0] == '(')
    {
      enclosed = TRUE;
      i++;
    }
  start = i;
  while (g_ascii_isalpha (text[i]) && i - start < 5)
    i++;
  if (i == start)
    return 0;
  if (text[i] == ')' || (text[i] == '.' && !enclosed && i - start <= 4))
    {
      const char *letters = text + start;
      gsize len = i - start;
      g_autofree char *lower = g_ascii_strdown (letters, len);
      guint letter = plenary_clause_parse_letters (lower, len);
      gboolean roman = is_roman (lower, len);

      if (text[i] == '.' && !roman && len > 1)
        return 0;
      if (text[i] == '.' && (text[i + 1] == '\0' || !g_ascii_isspace (text[i + 1])))
        return 0;
      if (text[i] == ')' && text[i + 1] != '\0' && !g_ascii_isspace (text[i + 1]))
        return 0;
      i++;

      if (g_ascii_isupper (letters[0]) && len == 1 && text[i] != '\0')
        block->label = LABEL_GARBLED;       /* "J)" for "f)" */
      else if (g_ascii_isupper (letters[0]))
        return 0;
      else if (roman)
        {
          block->label = LABEL_ROMAN;
          block->roman = plenary_clause_parse_roman (lower, len);
          block->number = letter;
        }
      else if (letter > 0)
        {
          block->label = LABEL_LETTER;
          block->number = letter;
        }
      else if (len == 2 && !enclosed)
        block->label = LABEL_GARBLED;       /* "cl)" for "d)" */
      else
        return 0;

      while (g_ascii_isspace (text[i]))
        i++;
      return i;
    }

  return 0;
}

/* ---- blocks ------------------------------------------------------------------------ */

static gboolean
is_field (const char *text)
{
  g_autofree char *field = NULL;
  g_autofree char *value = NULL;
  const char *colon = strchr (text, ':');

  return colon != NULL && colon - text <= 44 && import_match_field (text, &field, &value);
}

static gboolean
starts_paragraph (PlenaryPhraseDictionary *dict,
                  const char              *text)
{
  gboolean known = FALSE;

  return import_phrase_length (dict, text, NULL, &known) > 0 && known;
}

/* The tail of a block that grows line by line: never its whole length
 * again, or a file of a million lines takes quadratic time. */
static gboolean
ends_clause (const GString *text)
{
  gsize start = text->len > 16 ? text->len - 16 : 0;

  /* Back to the start of a character. */
  while (start > 0 && ((guchar) text->str[start] & 0xC0) == 0x80)
    start--;
  return ends_with_punctuation (text->str + start);
}

static char
last_char (const GString *text)
{
  return text->len > 0 ? text->str[text->len - 1] : '\0';
}

static gboolean
chars_at_most (const GString *text,
               gsize          n)
{
  return text->len <= n || (text->len <= 4 * n && (gsize) g_utf8_strlen (text->str, text->len) <= n);
}

static void
append_line (GString    *text,
             const char *line)
{
  if (text->len == 0)
    {
      g_string_append (text, line);
      return;
    }

  /* "dévelop-" + "pement": a word cut at the end of a line. */
  if (text->len >= 2 && text->str[text->len - 1] == '-' &&
      g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (text->str + text->len - 1))) &&
      g_unichar_islower (g_utf8_get_char (line)))
    {
      g_string_truncate (text, text->len - 1);
      g_string_append (text, line);
      return;
    }
  g_string_append_c (text, ' ');
  g_string_append (text, line);
}

static ImportBlock *
block_new (const ImportLine *line,
           gboolean          gap)
{
  ImportBlock *block = g_new0 (ImportBlock, 1);

  block->text = g_string_new (NULL);
  block->first = block->last = line->source;
  block->heading = line->heading;
  block->boxed = line->boxed;
  block->footnote = line->footnote;
  block->indent = line->indent;
  block->gap_before = gap;
  block->emphasis = g_strdup (line->emphasis);

  return block;
}

/* Whether LINE goes on CURRENT or starts a new block. */
static gboolean
continues (PlenaryPhraseDictionary *dict,
           const ImportBlock       *current,
           guint                    blocks_before,
           const ImportLine        *line,
           gboolean                 gap,
           guint                    label_len,
           const ImportBlock       *label)
{
  const char *text = line->text;
  gboolean punctuated;

  if (current == NULL || current->heading || line->heading || line->start)
    return current != NULL && current->text->len == 0 && !line->heading;
  /* A label alone on its line: its text follows. */
  if (current->text->len == 0)
    return TRUE;
  if (line->footnote != current->footnote || line->boxed != current->boxed)
    return FALSE;
  /* "Annex I" stands alone: its title and text follow it. */
  if (plenary_clause_is_annex_heading (text, -1) || plenary_clause_is_annex_heading (current->text->str, -1))
    return FALSE;
  if (label->label != LABEL_NONE && label->label != LABEL_BARE)
    {
      /* "…: (i) full implementation …;" then "(ii) production …": a list
       * inside the paragraph, not sub-paragraphs. */
      if ((label->label == LABEL_ROMAN && label->roman > 1) ||
          (label->label == LABEL_LETTER && label->number > 1))
        {
          g_autofree char *previous = NULL;

          if (label->label == LABEL_ROMAN && label->roman <= 10)
            {
              static const char *romans[] = { "", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix" };

              previous = g_strdup_printf ("(%s) ", romans[label->roman - 1]);
            }
          else if (label->label == LABEL_LETTER && label->number <= 26)
            previous = g_strdup_printf ("(%c) ", 'a' + label->number - 2);
          if (previous != NULL && strstr (current->text->str, previous) != NULL &&
              !g_str_has_prefix (current->text->str, previous + 0) && current->text->str[0] != '(')
            return TRUE;
        }
      return FALSE;
    }
  if (label->label == LABEL_BARE && import_phrase_length (dict, text + label_len, NULL, NULL) > 0)
    return FALSE;
  if (import_is_opening (dict, text) || import_is_enacting (text))
    return FALSE;
  /* Header fields are one a line: "Topic: …", "**Sponsors:** …". */
  if (is_field (text) || (current->first == current->last && is_field (current->text->str)))
    return FALSE;

  punctuated = ends_clause (current->text);
  /* Lower case goes on, whatever came between. */
  if (g_unichar_islower (g_utf8_get_char (text)) && last_char (current->text) != '.')
    return TRUE;
  if (punctuated)
    {
      if (starts_paragraph (dict, text) || import_phrase_length (dict, text, NULL, NULL) > 0)
        return FALSE;
      if (gap)
        return !starts_upper (text) && !g_unichar_isdigit (g_utf8_get_char (text));
      /* ";" or ":" closes a clause; the next capital opens one. */
      if (last_char (current->text) == ';' || last_char (current->text) == ':')
        return !starts_upper (text);
      /* pdftotext -layout indents a paragraph's first line. */
      if (line->indent > current->indent + 2 && current->last > current->first)
        return FALSE;
      return TRUE;
    }

  /* No punctuation: a heading or a wrapped line. A heading is short and
   * the paragraph under it starts with a phrase. */
  if (starts_paragraph (dict, text) && chars_at_most (current->text, 100) &&
      current->first == current->last)
    return FALSE;
  /* After a blank line, a capital phrase opens a paragraph: the items of
   * a Model UN list have no final punctuation. */
  if (gap && starts_upper (text) && import_phrase_length (dict, text, NULL, NULL) > 0)
    return FALSE;
  /* Across a blank line or page break, only a paragraph cut in its
   * middle goes on; short lines there are headers ("Original: English"). */
  if (gap && (current->boxed || chars_at_most (current->text, 59)))
    return FALSE;
  /* The first line of a file, unpunctuated, is its title. */
  if (current->first == current->last && blocks_before == 0 && starts_upper (text))
    return FALSE;
  return TRUE;
}

static void
split_run_together (PlenaryPhraseDictionary *dict,
                    GPtrArray               *blocks,
                    guint                    index,
                    guint                   *last_number);

GPtrArray *
import_blocks (PlenaryPhraseDictionary *dict,
               GPtrArray               *lines,
               GPtrArray               *report)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) import_block_free);
  ImportBlock *current = NULL;
  gboolean gap = TRUE;
  guint last_number = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const ImportLine *line = g_ptr_array_index (lines, i);
      ImportBlock probe = { 0 };
      const char *text = line->text;
      gsize label_len = 0;

      if (line->blank)
        {
          gap = TRUE;
          continue;
        }
      gap = gap || line->gap;

      if (line->marker != NULL)
        {
          g_autofree char *marked = g_strconcat (line->marker, " ", text, NULL);

          label_len = read_label (marked, &probe);
          if (probe.label == LABEL_NONE)
            probe.label = LABEL_DASH;
        }
      else if (!line->heading)
        label_len = read_label (text, &probe);

      /* A footnote between two pieces of a paragraph is kept apart; the
       * paragraph goes on after it. */
      if (line->footnote)
        {
          ImportBlock *note = block_new (line, TRUE);

          g_string_append (note->text, text);
          g_ptr_array_add (blocks, note);
          gap = TRUE;
          continue;
        }

      if (current != NULL && continues (dict, current, blocks->len - 1, line, gap, label_len, &probe))
        {
          if (gap && current->text->len > 0)
            import_report (report, line->source, _("Paragraph continued after a page break or blank line"), text);
          if (current->text->len == 0)
            {
              current->emphasis = g_strdup (line->emphasis);
              current->heading = line->heading;
            }
          append_line (current->text, text);
          current->last = line->source;
          gap = FALSE;
          continue;
        }

      if (current != NULL)
        split_run_together (dict, blocks, blocks->len - 1, &last_number);
      current = block_new (line, gap);
      current->label = probe.label;
      current->number = probe.number;
      current->roman = probe.roman;
      if (line->marker == NULL)
        g_string_append (current->text, text + label_len);
      else
        g_string_append (current->text, text);
      g_ptr_array_add (blocks, current);
      gap = FALSE;
    }

  if (current != NULL)
    split_run_together (dict, blocks, blocks->len - 1, &last_number);

  return blocks;
}

/* A web copy puts a whole resolution on one line, OCR two paragraphs:
 * "The Security Council, Recalling …, 1. Decides …; 2. Requests …". A new
 * paragraph starts after ", " at a preambular phrase of the dictionary, and
 * after "; " ": " ". " at the next number. One pass: the cuts are found
 * first, then the pieces made. */
static void
split_run_together (PlenaryPhraseDictionary *dict,
                    GPtrArray               *blocks,
                    guint                    index,
                    guint                   *last_number)
{
  ImportBlock *block = g_ptr_array_index (blocks, index);
  g_autoptr(GArray) cuts = NULL;
  g_autofree char *text = NULL;
  const char *p;

  if (block->label == LABEL_NUMBER || block->label == LABEL_BARE)
    *last_number = block->number;
  if (block->heading || block->footnote || block->boxed || block->text->len < 40)
    return;

  cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
  text = g_strdup (block->text->str);

  /* The opening formula glued to the first paragraph. */
  if ((p = strchr (text, ',')) != NULL && p[1] == ' ' && p - text < 80)
    {
      g_autofree char *head = g_strndup (text, p + 1 - text);

      if (import_is_opening (dict, head))
        {
          gsize at = p + 2 - text;

          g_array_append_val (cuts, at);
        }
    }

  for (p = text; (p = strpbrk (p, ",;:.")) != NULL; p++)
    {
      const char *q = p + 1;
      ImportBlock probe = { 0 };
      gsize at;

      if (*q != ' ')
        continue;
      while (*q == ' ')
        q++;
      at = q - text;
      if (*p == ',' && starts_upper (q))
        {
          PlenaryPhraseGroup group;
          gboolean known = FALSE;

          if (import_phrase_length (dict, q, &group, &known) > 0 && known &&
              group == PLENARY_PHRASE_GROUP_PREAMBULAR &&
              (cuts->len == 0 || g_array_index (cuts, gsize, cuts->len - 1) < at))
            g_array_append_val (cuts, at);
        }
      else if (g_ascii_isdigit (*q) && read_label (q, &probe) > 0 &&
               probe.label == LABEL_NUMBER && probe.number == *last_number + 1)
        {
          *last_number = probe.number;
          g_array_append_val (cuts, at);
        }
    }

  for (guint c = 0; c < cuts->len; c++)
    {
      gsize from = g_array_index (cuts, gsize, c);
      gsize to = c + 1 < cuts->len ? g_array_index (cuts, gsize, c + 1) : strlen (text);
      ImportBlock *rest = g_new0 (ImportBlock, 1);
      gsize label_len;
      char saved = text[to];

      text[to] = '\0';
      rest->text = g_string_new (NULL);
      rest->first = rest->last = block->last;
      rest->gap_before = TRUE;
      label_len = read_label (text + from, rest);
      g_string_append (rest->text, text + from + label_len);
      g_strchomp (rest->text->str);
      rest->text->len = strlen (rest->text->str);
      text[to] = saved;
      g_ptr_array_add (blocks, rest);
    }

  if (cuts->len > 0)
    {
      g_string_truncate (block->text, g_array_index (cuts, gsize, 0));
      while (block->text->len > 0 && block->text->str[block->text->len - 1] == ' ')
        g_string_truncate (block->text, block->text->len - 1);
    }
}
