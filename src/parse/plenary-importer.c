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
#include "plenary-clause-checker.h"
#include "plenary-importer.h"
#include "plenary-office-importer.h"
#include "plenary-importer-private.h"
#include "plenary-text-decoder.h"
#include "plenary-phrase-dictionary.h"

G_DEFINE_QUARK (plenary-importer-error-quark, plenary_importer_error)

typedef enum
{
  PATTERN_RULE,
  PATTERN_PAGE_HEADER,
  PATTERN_MD_HEADING,
  PATTERN_MD_BOLD,
  PATTERN_MD_EMPHASIS,
  PATTERN_MD_LINK,
  N_PATTERNS
} Pattern;

/* Compiled once: compiling them for every line of the head of each file
 * was a fifth of the import of a short text. */
static gboolean
matches (Pattern     pattern,
         const char *text)
{
  static const char * const patterns[N_PATTERNS] = {
    [PATTERN_RULE] = "^\\s*([-*_])(\\s*\\1){2,}\\s*$",
    [PATTERN_PAGE_HEADER] = "^\\s*(?:[ASE]/(?:RES/)?[0-9A-Z.]+(?:/[0-9A-Z.]+)*(?:\\s*\\(\\d{4}\\))?"
                            "|[Pp]age\\s+\\d+(?:\\s*(?:/|of|sur|de)\\s*\\d+)?|\\d+\\s*/\\s*\\d+"
                            "|\\d{2}-\\d{5}(?:\\s*\\([A-Z]\\))?(?:\\s+\\S+){0,3})\\s*$",
    [PATTERN_MD_HEADING] = "^\\s{0,3}#{1,6}\\s",
    [PATTERN_MD_BOLD] = "^\\s*\\*\\*[^*]+\\*\\*",
    [PATTERN_MD_EMPHASIS] = "^\\s*(\\d+\\.\\s+)?\\*[^*\\s][^*]*\\*\\s",
    [PATTERN_MD_LINK] = "\\[[^\\]]+\\]\\([^)]*\\)",
  };
  static GRegex *compiled[N_PATTERNS];
  static gsize ready = 0;

  if (g_once_init_enter (&ready))
    {
      for (guint i = 0; i < N_PATTERNS; i++)
        compiled[i] = g_regex_new (patterns[i], G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&ready, 1);
    }
  return g_regex_match (compiled[pattern], text, 0, NULL);
}

static gboolean
is_rule (const char *text)
{
  return matches (PATTERN_RULE, text);
}

static gboolean
ends_sentence (const char *text)
{
  gsize len = strlen (text);

  while (len > 0 && text[len - 1] == ' ')
    len--;
  return len > 0 && strchr (",;:.!?", text[len - 1]) != NULL;
}

/* Page furniture that only PDF text has. */
static gboolean
is_page_header (const char *line)
{
  return matches (PATTERN_PAGE_HEADER, line);
}

/* ---- detection --------------------------------------------------------------- */

PlenaryImportFormat
plenary_importer_detect_format (const char *data,
                                gsize       len,
                                const char *filename)
{
  g_autofree char *decoded = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) raw = NULL;
  const char *p;
  guint markdown = 0, pdf = 0, wrapped = 0, lines = 0;

  g_return_val_if_fail (data != NULL || len == 0, PLENARY_IMPORT_FORMAT_PLAIN_TEXT);

  /* UTF-16, UTF-32, legacy encodings: look at the decoded head. */
  decoded = plenary_text_decode (data, MIN (len, 64 * 1024), NULL, NULL);
  data = p = decoded;
  len = strlen (decoded);
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

      if (matches (PATTERN_MD_HEADING, line))
        markdown += 2;
      if (matches (PATTERN_MD_BOLD, line) || matches (PATTERN_MD_EMPHASIS, line) || matches (PATTERN_MD_LINK, line) ||
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

/* ---- language ------------------------------------------------------------------ */

static guint
score_language (PlenaryPhraseDictionary *dict,
                GPtrArray               *lines)
{
  guint score = 0;
  guint seen = 0;

  /* The first thousand lines with words say the language as well as a
   * million would (a million took a fifth of the import). */
  for (guint i = 0; i < lines->len && seen < 1000; i++)
    {
      const ImportLine *line = g_ptr_array_index (lines, i);
      const char *start = line->text;
      gboolean known = FALSE;

      if (line->blank)
        continue;
      seen++;
      /* "12. Decides", "(a) Calls": the phrase follows the label. */
      start += strspn (start, "0123456789.()abcdefghijklmnopqrstuvwxyz");
      if (start != line->text && *start != ' ')
        start = line->text;
      while (*start == ' ' || *start == '\t')
        start++;
      if (plenary_phrase_dictionary_body_for_opening (dict, start) != NULL)
        score += 5;
      else if (import_phrase_length (dict, start, NULL, &known) > 0 && known)
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
          const ImportLine *line = g_ptr_array_index (lines, i);

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
  g_autoptr(GPtrArray) lines = import_lines_from_text (copy);

  return detect_language_in_lines (lines);
}

/* ---- briefs ------------------------------------------------------------------------ */

/* A short line without final punctuation, followed by text: a heading. */
static gboolean
looks_like_brief_heading (const ImportLine *line,
                          const ImportLine *next)
{
  gsize len = strlen (line->text);

  if (line->heading)
    return TRUE;
  if (line->marker != NULL || len == 0 || len > 80 || next == NULL || ends_sentence (line->text))
    return FALSE;
  if ((line->text[0] == '-' || line->text[0] == '*' || g_str_has_prefix (line->text, "•")) &&
      line->text[1] != '\0')
    return FALSE;
  return g_unichar_isupper (g_utf8_get_char (line->text));
}

static PlenaryBody *
brief_body (PlenaryPhraseDictionary *dict,
            GPtrArray               *lines,
            PlenaryMetadata         *metadata,
            GPtrArray              **warnings)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const ImportLine *next = NULL;
  gboolean title_done = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      const ImportLine *line = g_ptr_array_index (lines, i);
      g_autofree char *field = NULL;
      g_autofree char *value = NULL;
      guint j = i + 1;

      if (line->blank)
        continue;
      if (import_match_field (line->text, &field, &value))
        {
          import_set_field (metadata, field, value);
          continue;
        }

      /* The next line with text (blank lines are skipped once, not for
       * every line: a file of blank lines stays linear). */
      if (next == NULL || next <= line)
        {
          next = NULL;
          for (; j < lines->len; j++)
            if (!((ImportLine *) g_ptr_array_index (lines, j))->blank)
              {
                next = g_ptr_array_index (lines, j);
                break;
              }
        }

      if (looks_like_brief_heading (line, next))
        {
          /* The first heading, with only header fields under it, is the
           * brief's title: "# Exposé de position", "**Délégation :** …",
           * "## Contexte"; in plain text "BRIEFING NOTE", "Committee: …". */
          if (!title_done)
            {
              guint k = j;
              gboolean fields_only = TRUE;

              for (k = i + 1; k < lines->len; k++)
                {
                  const ImportLine *after = g_ptr_array_index (lines, k);
                  g_autofree char *f = NULL;
                  g_autofree char *v = NULL;

                  if (after->blank)
                    continue;
                  if (after->heading)
                    break;
                  if (!import_match_field (after->text, &f, &v))
                    {
                      const ImportLine *following = NULL;

                      /* Run once, for the first heading: this scan stays linear. */
                      for (guint m = k + 1; m < lines->len && following == NULL; m++)
                        if (!((ImportLine *) g_ptr_array_index (lines, m))->blank)
                          following = g_ptr_array_index (lines, m);
                      fields_only = fields_only && k > i + 1 && looks_like_brief_heading (after, following);
                      break;
                    }
                }
              title_done = TRUE;
              if (fields_only && k < lines->len)
                {
                  if (plenary_metadata_get_string (metadata, "question")[0] == '\0')
                    plenary_metadata_set_string (metadata, "question", line->text);
                  continue;
                }
            }
          title_done = TRUE;
          g_string_append_printf (text, "# %s\n", line->text);
        }
      else if (line->marker != NULL)
        g_string_append_printf (text, "• %s\n", line->text);
      else if ((line->text[0] == '-' || line->text[0] == '*') && line->text[1] == ' ')
        g_string_append_printf (text, "• %s\n", line->text + 2);
      else
        {
          g_string_append (text, line->text);
          g_string_append_c (text, '\n');
        }
      title_done = TRUE;
    }

  return plenary_clause_parser_parse (dict, text->str, text->len, PLENARY_DRAFT_KIND_BRIEF, warnings);
}

/* ---- import ------------------------------------------------------------------------ */

static void
read_front_matter (PlenaryMetadata *metadata,
                   const char      *front_matter)
{
  g_auto(GStrv) lines = g_strsplit (front_matter, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *field = NULL;
      g_autofree char *value = NULL;

      if (import_match_field (lines[i], &field, &value))
        {
          gsize len = strlen (value);

          /* YAML quotes */
          if (len >= 2 && (value[0] == '"' || value[0] == '\'') && value[len - 1] == value[0])
            {
              value[len - 1] = '\0';
              memmove (value, value + 1, len - 1);
            }
          if (value[0] != '\0' && import_field_is_empty (metadata, field))
            import_set_field (metadata, field, value);
        }
    }
}

/* Control characters other than tabs, line and page breaks are what binary
 * files are made of; a text may have a stray one. */
static gboolean
looks_like_text (const char *text)
{
  gsize controls = 0, len = 0;

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++, len++)
    if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\f' && *p != '\v')
      controls++;

  return controls <= 8 || controls * 100 < len;
}

/* Whether the blocks are a resolution: an opening formula, or paragraphs
 * opening with phrases of the dictionary. */
static gboolean
is_resolution (PlenaryPhraseDictionary *dict,
               GPtrArray               *blocks)
{
  guint phrases = 0, numbered = 0;

  for (guint i = 0; i < blocks->len; i++)
    {
      const ImportBlock *block = g_ptr_array_index (blocks, i);
      gboolean known = FALSE;

      if (block->heading || block->footnote)
        continue;
      if (import_is_opening (dict, block->text->str) || import_is_enacting (block->text->str))
        return TRUE;
      if (import_phrase_length (dict, block->text->str, NULL, &known) > 0 && known)
        phrases++;
      if (block->label == LABEL_NUMBER)
        numbered++;
      if (phrases >= 2 || (phrases >= 1 && numbered >= 1))
        return TRUE;
    }

  return FALSE;
}

PlenaryDraft *
plenary_importer_import (const char  *data,
                         gsize        len,
                         const char  *filename,
                         const char  *language,
                         GPtrArray  **warnings,
                         GError     **error)
{
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func ((GDestroyNotify) plenary_parse_warning_free);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(PlenaryBody) body = NULL;
  g_autofree char *text = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *symbol = NULL;
  g_autofree char *front_matter = NULL;
  PlenaryTextEncoding encoding;
  PlenaryPhraseDictionary *dict;
  PlenaryImportFormat format;
  PlenaryMetadata *metadata;
  PlenaryDraftKind kind;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* .docx and .odt (and the .doc or encrypted file behind such a name). */
  if (plenary_office_looks_like_package (data, len))
    return plenary_office_importer_import (data, len, language, warnings, error);

  format = plenary_importer_detect_format (data, len, filename);
  if (format == PLENARY_IMPORT_FORMAT_PLENARY_JSON)
    return plenary_draft_codec_decode (data, len, error);

  text = plenary_text_decode (data, len, NULL, &encoding);
  if (!looks_like_text (text))
    {
      g_set_error (error, PLENARY_IMPORTER_ERROR, PLENARY_IMPORTER_ERROR_ENCODING,
                   _("This file is not text: it holds control characters that no text has"));
      return NULL;
    }
  if (strspn (text, " \t\n\f\r\v") == strlen (text))
    {
      g_set_error (error, PLENARY_IMPORTER_ERROR, PLENARY_IMPORTER_ERROR_EMPTY,
                   len > 0 && text[0] == '\0'
                   ? _("The file holds no text that can be read")
                   : _("There is no text to import"));
      return NULL;
    }
  if (encoding.unsure)
    {
      g_autofree char *message =
        g_strdup_printf (_("The encoding of the text could not be recognised for sure: it was read as %s; check the accented letters"),
                         encoding.encoding);
      import_report (report, 0, message, NULL);
    }
  else if (!g_str_equal (encoding.encoding, "UTF-8"))
    {
      g_autofree char *message = g_strdup_printf (_("The text was not in UTF-8: it was read as %s"), encoding.encoding);
      import_report (report, 0, message, NULL);
    }
  if (encoding.replaced)
    import_report (report, 0, _("Some bytes could not be decoded and were replaced by �"), NULL);

  if (format == PLENARY_IMPORT_FORMAT_MARKDOWN)
    lines = import_lines_from_markdown (text, &front_matter);
  else
    lines = import_lines_from_text (text);

  lang = language != NULL ? g_strdup (language) : detect_language_in_lines (lines);
  dict = plenary_phrase_dictionary_get_default (lang);

  import_clean_lines (dict, lines, &symbol, report);
  blocks = import_blocks (dict, lines, report);

  kind = is_resolution (dict, blocks) ? PLENARY_DRAFT_KIND_RESOLUTION : PLENARY_DRAFT_KIND_BRIEF;
  g_ptr_array_insert (report, 0,
                      plenary_parse_warning_new (0, kind == PLENARY_DRAFT_KIND_RESOLUTION
                                                    ? _("Read as a resolution (it has an opening formula or phrases)")
                                                    : _("Read as a brief (no opening formula, no resolution phrases)")));
  draft = plenary_draft_new (kind, lang);
  metadata = plenary_draft_get_metadata (draft);
  if (front_matter != NULL)
    read_front_matter (metadata, front_matter);

  if (kind == PLENARY_DRAFT_KIND_RESOLUTION)
    body = import_structure (dict, blocks, metadata, report);
  else
    body = brief_body (dict, lines, metadata, &report);

  if (symbol != NULL && plenary_metadata_get_string (metadata, "symbol")[0] == '\0')
    plenary_metadata_set_string (metadata, "symbol", symbol);
  if (body->opening != NULL && plenary_metadata_get_string (metadata, "body")[0] == '\0')
    {
      const char *name = plenary_phrase_dictionary_body_for_opening (dict, body->opening);

      if (name != NULL)
        plenary_metadata_set_string (metadata, "body", name);
    }

  plenary_draft_set_body (draft, body);

  if (warnings != NULL)
    {
      if (*warnings == NULL)
        *warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) plenary_parse_warning_free);
      g_ptr_array_extend_and_steal (*warnings, g_steal_pointer (&report));
    }

  return g_steal_pointer (&draft);
}

char *
plenary_importer_summarize_report (GPtrArray *report)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();
  GString *out;

  if (report == NULL || report->len == 0)
    return NULL;

  out = g_string_new (((PlenaryParseWarning *) g_ptr_array_index (report, 0))->message);
  for (guint i = 1; i < report->len; i++)
    {
      const char *message = ((PlenaryParseWarning *) g_ptr_array_index (report, i))->message;
      const char *quote = strstr (message, ": “");
      g_autofree char *kind = quote != NULL ? g_strndup (message, quote - message) : g_strdup (message);
      gpointer count;

      if (!g_hash_table_lookup_extended (counts, kind, NULL, &count))
        {
          g_ptr_array_add (kinds, g_strdup (kind));
          count = GUINT_TO_POINTER (0);
        }
      g_hash_table_insert (counts, g_steal_pointer (&kind), GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
    }

  for (guint i = 0; i < kinds->len; i++)
    {
      const char *kind = g_ptr_array_index (kinds, i);

      /* Translators: an import report kind and how many times it happened. */
      g_string_append_printf (out, i == 0 ? _(" — %s (%u)") : _(", %s (%u)"), kind,
                              GPOINTER_TO_UINT (g_hash_table_lookup (counts, kind)));
      g_free (g_ptr_array_index (kinds, i));
    }

  return g_string_free (out, FALSE);
}

/* The line of EDITOR holding the first words of source line N or of one of
 * the few lines after it, searching from *CURSOR on (the report is in the
 * order of the file); -1 when none is found. */
static int
place_in_editor (GStrv        lines,
                 guint        n_lines,
                 guint        n,
                 const char  *editor,
                 const char **cursor,
                 int         *cursor_line)
{
  for (guint i = n + 1; i < n_lines && i <= n + 4; i++)
    {
      const char *start = g_strstrip (lines[i]);
      gsize label = strspn (start, "(");
      g_autofree char *words = NULL;
      const char *found;

      /* Without its label ("2.", "(a)"), which the editor text does not have. */
      label += strspn (start + label, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
      if (label > 0 && label <= 5 && (start[label] == '.' || start[label] == ')') && start[label + 1] == ' ')
        start += label + 2;
      while (*start == ' ' || *start == '\t')
        start++;
      /* g_utf8_substring() reads past the end of shorter lines. */
      words = g_utf8_substring (start, 0, MIN (30, g_utf8_strlen (start, -1)));

      if (strlen (words) < 6 || !(found = strstr (*cursor, words)))
        continue;
      for (const char *p = *cursor; p < found; p++)
        *cursor_line += *p == '\n';
      /* The start of that line. */
      while (found > editor && found[-1] != '\n')
        found--;
      *cursor = found;
      return *cursor_line;
    }
  return -1;
}

static int
compare_warning_lines (gconstpointer a,
                       gconstpointer b)
{
  const PlenaryParseWarning *wa = *(PlenaryParseWarning * const *) a;
  const PlenaryParseWarning *wb = *(PlenaryParseWarning * const *) b;

  return wa->line < wb->line ? -1 : wa->line > wb->line;
}

GPtrArray *
plenary_importer_report_problems (const char *text,
                                  gsize       len,
                                  GPtrArray  *report,
                                  const char *editor,
                                  guint       max_entries)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *copy = NULL;
  g_auto(GStrv) lines = NULL;
  const char *cursor = editor;
  int cursor_line = 0;
  int last_line = 0;
  guint n_lines;

  g_return_val_if_fail (editor != NULL, NULL);

  if (report == NULL || report->len <= 1)
    return NULL;
  /* Only a text's lines can be put back (Word's are paragraphs). */
  copy = g_utf8_validate_len (text, len, NULL) ? g_strndup (text, len) : g_strdup ("");
  lines = g_strsplit (copy, "\n", -1);
  n_lines = g_strv_length (lines);

  /* The first entry says what the text was read as: not about a line. */
  entries = g_ptr_array_new ();
  for (guint i = 1; i < report->len; i++)
    g_ptr_array_add (entries, g_ptr_array_index (report, i));
  g_ptr_array_sort (entries, compare_warning_lines);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) plenary_check_problem_free);
  for (guint i = 0; i < entries->len && problems->len < max_entries; i++)
    {
      PlenaryParseWarning *entry = g_ptr_array_index (entries, i);
      g_autofree char *source = entry->line < n_lines ? g_strstrip (g_strdup (lines[entry->line])) : NULL;
      int line = entry->line < n_lines ? place_in_editor (lines, n_lines, entry->line, editor, &cursor, &cursor_line) : -1;
      PlenaryCheckProblem *problem;

      if (line < 0)
        line = last_line;
      last_line = line;
      problem = plenary_check_problem_new (PLENARY_CHECK_IMPORT, PLENARY_CHECK_SEVERITY_HINT, line, 0, 0, entry->message);
      /* Dropped: nowhere in the draft's text (a footnote is there as a
       * note, without its number). */
      if (source != NULL && source[0] != '\0' && strstr (editor, source) == NULL &&
          (strlen (source + strspn (source, "_0123456789 \t")) < 8 ||
           strstr (editor, source + strspn (source, "_0123456789 \t")) == NULL))
        {
          problem->has_fix = TRUE;
          problem->replacement = g_strconcat (source, "\n", NULL);
          problem->fix_label = g_strdup (_("Put Back"));
        }
      g_ptr_array_add (problems, problem);
    }

  return problems->len > 0 ? g_steal_pointer (&problems) : NULL;
}
