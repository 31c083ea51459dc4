/* plenary-clause-parser.c
 *
 * Copyright 2026 The Plenary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-clause-parser"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "plenary-clause-parser.h"

/* ---- warnings ------------------------------------------------------------ */

G_DEFINE_BOXED_TYPE (PlenaryParseWarning, plenary_parse_warning,
                     plenary_parse_warning_copy, plenary_parse_warning_free)

PlenaryParseWarning *
plenary_parse_warning_new (guint       line,
                           const char *message)
{
  PlenaryParseWarning *self = g_new0 (PlenaryParseWarning, 1);

  self->line = line;
  self->message = g_strdup (message);

  return self;
}

PlenaryParseWarning *
plenary_parse_warning_copy (const PlenaryParseWarning *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return plenary_parse_warning_new (self->line, self->message);
}

void
plenary_parse_warning_free (PlenaryParseWarning *self)
{
  if (self == NULL)
    return;

  g_free (self->message);
  g_free (self);
}

/* ---- numbers and markers --------------------------------------------------- */

guint
plenary_clause_parse_letters (const char *str,
                              gsize       len)
{
  /* "a".."z", then "aa", "bb".. (the letter repeated). */
  if (len == 0 || str[0] < 'a' || str[0] > 'z')
    return 0;
  for (gsize i = 1; i < len; i++)
    if (str[i] != str[0])
      return 0;

  return (len - 1) * 26 + (str[0] - 'a') + 1;
}

static int
roman_value (char c)
{
  switch (c)
    {
    case 'i': return 1;
    case 'v': return 5;
    case 'x': return 10;
    default: return 0;
    }
}

guint
plenary_clause_parse_roman (const char *str,
                            gsize       len)
{
  guint total = 0;

  if (len == 0)
    return 0;

  for (gsize i = 0; i < len; i++)
    {
      int value = roman_value (str[i]);
      int next = i + 1 < len ? roman_value (str[i + 1]) : 0;

      if (value == 0)
        return 0;
      if (value < next)
        total -= value;
      else
        total += value;
    }

  return total;
}

static inline gboolean
is_blank_char (char c)
{
  return c == ' ' || c == '\t' || c == '\r';
}

/* "12." / "12)" followed by white space or the end. Returns the length of
 * the number and its punctuation, and the number. */
static gsize
scan_number (const char *p,
             gsize        len,
             guint       *number)
{
  gsize i = 0;
  guint value = 0;

  while (i < len && g_ascii_isdigit (p[i]) && i < 6)
    value = value * 10 + (p[i++] - '0');

  if (i == 0 || i >= len || (p[i] != '.' && p[i] != ')'))
    return 0;
  i++;
  if (i < len && !is_blank_char (p[i]))
    return 0;

  *number = value;
  return i;
}

/* "a)", "(a)", "ii)", "(ii)", "aa)". Returns the length of the marker and
 * the letters. */
static gsize
scan_marker (const char  *p,
             gsize        len,
             const char **letters,
             gsize       *letters_len)
{
  gboolean enclosed = FALSE;
  gsize i = 0, start;

  if (i < len && p[i] == '(')
    {
      enclosed = TRUE;
      i++;
    }

  start = i;
  while (i < len && p[i] >= 'a' && p[i] <= 'z' && i - start < 8)
    i++;

  if (i == start || i >= len || p[i] != ')')
    return 0;
  i++;
  if (i < len && !is_blank_char (p[i]))
    return 0;
  /* A word followed by ")" ("voir)") is not a marker. */
  if (!enclosed && plenary_clause_parse_letters (p + start, i - 1 - start) == 0 &&
      plenary_clause_parse_roman (p + start, i - 1 - start) == 0)
    return 0;

  *letters = p + start;
  *letters_len = i - 1 - start;
  return i;
}

/* ---- line classification ------------------------------------------------- */

static void
classify_brief (const char      *line,
                gsize            p,
                gsize            end,
                PlenaryLineInfo *info)
{
  info->role = PLENARY_ROLE_PARAGRAPH;

  if (line[p] == '#')
    {
      while (p < end && line[p] == '#')
        p++;
      while (p < end && line[p] == ' ')
        p++;
      info->role = PLENARY_ROLE_HEADING;
    }
  else if (g_str_has_prefix (line + p, "• ") && p + strlen ("• ") <= end)
    {
      p += strlen ("• ");
      info->role = PLENARY_ROLE_BULLET;
    }
  else if ((line[p] == '-' || line[p] == '*') && p + 1 < end && line[p + 1] == ' ')
    {
      p += 2;
      info->role = PLENARY_ROLE_BULLET;
    }

  info->content_start = p;
  info->phrase_start = info->phrase_end = p;
  info->text_start = p;
}

gboolean
plenary_clause_is_annex_heading (const char *text,
                                 gssize      len)
{
  static const char * const words[] = { "Annexe", "ANNEXE", "Annex", "ANNEX", NULL };
  gsize n;

  if (text[0] != 'A')
    return FALSE;
  n = len < 0 ? strlen (text) : (gsize) len;
  while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '.' || text[n - 1] == '\t'))
    n--;
  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize w = strlen (words[i]);
      gsize p = w;

      if (n < w || memcmp (text, words[i], w) != 0)
        continue;
      if (p == n)
        return TRUE;
      if (text[p] != ' ')
        continue;
      while (p < n && text[p] == ' ')
        p++;
      /* A number: roman, arabic or a capital letter ("Annex A"). */
      if (n - p > 8)
        return FALSE;
      for (; p < n; p++)
        if (!g_ascii_isdigit (text[p]) && !strchr ("IVXLC", text[p]) && !(n - p == 1 && g_ascii_isupper (text[p])))
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

gsize
plenary_clause_scan_note (const char *line,
                          gsize       len,
                          gsize      *id_start,
                          gsize      *id_len)
{
  gsize p = 0, q;

  while (p < len && (line[p] == ' ' || line[p] == '\t'))
    p++;
  if (p + 2 >= len || line[p] != '[' || line[p + 1] != '^')
    return 0;
  for (q = p + 2; q < len && line[q] != ']' && line[q] != '[' && line[q] != ' '; q++)
    ;
  if (q == p + 2 || q + 1 >= len || line[q] != ']' || line[q + 1] != ':')
    return 0;
  *id_start = p + 2;
  *id_len = q - (p + 2);
  q += 2;
  while (q < len && line[q] == ' ')
    q++;
  return q;
}

static void
classify_line_internal (PlenaryPhraseDictionary *dict,
                        PlenaryDraftKind         kind,
                        const char              *line,
                        gsize                    len,
                        PlenaryLineState        *state,
                        PlenaryLineInfo         *info)
{
  PlenaryPhraseMatch match;
  gsize end = len;
  gsize p = 0;
  gsize marker_len;
  guint tabs = 0, spaces = 0, indent;
  const char *letters = NULL;
  gsize letters_len = 0;

  memset (info, 0, sizeof *info);
  info->role = PLENARY_ROLE_PARAGRAPH;

  while (end > 0 && is_blank_char (line[end - 1]))
    end--;
  while (p < end && (line[p] == '\t' || line[p] == ' '))
    {
      if (line[p] == '\t')
        tabs++;
      else
        spaces++;
      p++;
    }

  info->content_end = end;

  if (p == end)
    {
      info->is_blank = TRUE;
      info->content_start = info->phrase_start = info->phrase_end = info->text_start = end;
      return;
    }

  /* Notes and the annex come after the text (docs/draft-format.md): not
   * paragraphs of it, and no phrases there. */
  {
    gsize id_start, id_len, note = plenary_clause_scan_note (line, end, &id_start, &id_len);

    if (note > 0 || state->in_annex)
      {
        info->is_note = note > 0;
        info->is_annex = note == 0;
        info->content_start = info->phrase_start = info->phrase_end = p;
        info->text_start = note > 0 ? note : p;
        state->line_index++;
        return;
      }
  }
  if (line[p] == '#' && p + 1 < end && line[p + 1] == ' ')
    {
      gsize q = p + 2;

      while (q < end && line[q] == ' ')
        q++;
      if (plenary_clause_is_annex_heading (line + q, end - q))
        {
          info->role = PLENARY_ROLE_HEADING;
          info->is_annex = TRUE;
          info->content_start = info->phrase_start = info->phrase_end = info->text_start = q;
          state->in_annex = TRUE;
          state->line_index++;
          return;
        }
    }

  if (kind == PLENARY_DRAFT_KIND_BRIEF)
    {
      classify_brief (line, p, end, info);
      state->line_index++;
      return;
    }

  /* "# Arms embargo": a heading inside the resolution ("Sanctions",
   * "Reporting"); not numbered, and the numbering runs on across it. */
  if (line[p] == '#' && p + 1 < end && line[p + 1] == ' ')
    {
      p += 2;
      while (p < end && line[p] == ' ')
        p++;
      info->role = PLENARY_ROLE_HEADING;
      info->content_start = info->phrase_start = info->phrase_end = info->text_start = p;
      state->last_sub_index = 0;
      state->line_index++;
      return;
    }

  /* Three spaces a level in plain text, a tab a level in editor text. */
  indent = MIN (2, tabs + (spaces == 0 ? 0 : spaces <= 4 ? 1 : 2));

  if ((marker_len = scan_number (line + p, end - p, &info->number)) > 0)
    {
      info->numbered = TRUE;
      info->level = 0;
      p += marker_len;
    }
  else if ((marker_len = scan_marker (line + p, end - p, &letters, &letters_len)) > 0)
    {
      guint letter = plenary_clause_parse_letters (letters, letters_len);
      guint roman = plenary_clause_parse_roman (letters, letters_len);

      info->numbered = TRUE;
      p += marker_len;

      if (indent == 1 || (indent == 0 && letter != 0 &&
                          (roman == 0 || letter == state->last_sub_index + 1)))
        {
          info->level = 1;
          info->number = letter != 0 ? letter : roman;
        }
      else
        {
          info->level = 2;
          info->number = roman != 0 ? roman : letter;
        }
    }
  else
    info->level = indent;

  while (p < end && (line[p] == ' ' || line[p] == '\t'))
    p++;
  info->content_start = p;

  /* A sub-paragraph needs a paragraph above it; a level-2 one, a level-1 one. */
  if (info->level > 0 && !state->seen_top)
    info->level = 0;
  if (info->level == 2 && state->last_sub_index == 0)
    info->level = 1;

  if (info->level > 0)
    {
      info->role = PLENARY_ROLE_SUBPARAGRAPH;
      info->phrase_start = info->phrase_end = info->text_start = p;
      if (info->level == 1)
        state->last_sub_index = info->numbered ? info->number : state->last_sub_index + 1;
      state->line_index++;
      return;
    }

  if (state->line_index == 0 && !info->numbered &&
      plenary_phrase_dictionary_is_opening (dict, line + p, end - p))
    {
      info->is_opening = TRUE;
      info->phrase_start = info->phrase_end = info->text_start = p;
      state->seen_opening = TRUE;
      state->line_index++;
      return;
    }

  info->phrase_start = info->phrase_end = p;

  if (plenary_phrase_dictionary_match (dict, line + p, &match) && p + match.length <= end)
    {
      info->phrase_end = p + match.length;
      /* "Décide de rester saisi de la question.": in UN style only the verb
       * of a closing formula that makes the paragraph is in italics. */
      if (match.group == PLENARY_PHRASE_GROUP_CLOSING &&
          (p + match.length == end || (line[p + match.length] == '.' && p + match.length + 1 == end)))
        {
          gsize verb = plenary_phrase_dictionary_verb_length (dict, line + p);

          if (verb > 0 && p + verb < info->phrase_end)
            info->phrase_end = p + verb;
        }
      info->entry = match.entry;
      info->form = match.form;
      info->known_phrase = TRUE;
      info->role = match.group == PLENARY_PHRASE_GROUP_PREAMBULAR
                   ? PLENARY_ROLE_PREAMBULAR : PLENARY_ROLE_OPERATIVE;
    }
  else
    {
      gsize participle = plenary_phrase_dictionary_participle_length (dict, line + p);

      if (participle > 0 && p + participle <= end)
        {
          info->phrase_end = p + participle;
          info->role = PLENARY_ROLE_PREAMBULAR;
        }
      else
        {
          gsize verb;

          if (!info->numbered && !state->seen_operative && line[end - 1] == ',')
            info->role = PLENARY_ROLE_PREAMBULAR;
          else
            info->role = PLENARY_ROLE_OPERATIVE;

          if (info->role == PLENARY_ROLE_OPERATIVE &&
              (verb = plenary_phrase_dictionary_verb_length (dict, line + p)) > 0 &&
              p + verb <= end)
            info->phrase_end = p + verb;
        }
    }

  /* The text follows the phrase after one space, or right after it when
   * punctuation follows: "Decides, in the light of …", "Acting under
   * Chapter VII of the Charter of the United Nations,". */
  if (info->phrase_end == end)
    info->text_start = end;
  else if (info->phrase_end > info->phrase_start && line[info->phrase_end] == ' ')
    info->text_start = info->phrase_end + 1;
  else if (info->phrase_end > info->phrase_start && strchr (",.;:", line[info->phrase_end]) != NULL)
    info->text_start = info->phrase_end;
  else
    info->text_start = info->phrase_start;

  state->seen_top = TRUE;
  state->last_sub_index = 0;
  if (info->role == PLENARY_ROLE_OPERATIVE)
    state->seen_operative = TRUE;
  state->line_index++;
}

void
plenary_clause_parser_classify_line (PlenaryPhraseDictionary *dict,
                                     PlenaryDraftKind         kind,
                                     const char              *line,
                                     gssize                   len,
                                     PlenaryLineState        *state,
                                     PlenaryLineInfo         *info)
{
  g_autofree char *copy = NULL;

  g_return_if_fail (PLENARY_IS_PHRASE_DICTIONARY (dict));
  g_return_if_fail (line != NULL);
  g_return_if_fail (state != NULL);
  g_return_if_fail (info != NULL);

  if (len < 0)
    len = strlen (line);
  /* Matching reads up to the end of the line: make sure it ends there. */
  else if (line[len] != '\0' && line[len] != '\n')
    line = copy = g_strndup (line, len);

  classify_line_internal (dict, kind, line, len, state, info);
}

/* ---- parsing -------------------------------------------------------------- */

static void
add_warning (GPtrArray  *warnings,
             guint       line,
             const char *message)
{
  g_ptr_array_add (warnings, plenary_parse_warning_new (line, message));
}

static int
compare_warnings (gconstpointer a,
                  gconstpointer b)
{
  const PlenaryParseWarning *wa = *(PlenaryParseWarning * const *)a;
  const PlenaryParseWarning *wb = *(PlenaryParseWarning * const *)b;

  return (wa->line > wb->line) - (wa->line < wb->line);
}

static PlenaryParagraph *
paragraph_from_line (const char            *line,
                     const PlenaryLineInfo *info)
{
  g_autofree char *phrase = NULL;
  g_autofree char *text = NULL;

  if (info->phrase_end > info->phrase_start && info->text_start >= info->phrase_end)
    phrase = g_strndup (line + info->phrase_start, info->phrase_end - info->phrase_start);
  text = g_strndup (line + info->text_start, info->content_end - info->text_start);

  return plenary_paragraph_new (info->role, phrase, text);
}

PlenaryBody *
plenary_clause_parser_parse (PlenaryPhraseDictionary  *dict,
                             const char               *text,
                             gssize                    len,
                             PlenaryDraftKind          kind,
                             GPtrArray               **warnings)
{
  g_autoptr(PlenaryBody) body = NULL;
  g_autoptr(GArray) unnumbered = NULL;
  g_autoptr(GPtrArray) local = NULL;
  PlenaryLineState state = PLENARY_LINE_STATE_INIT;
  PlenaryParagraph *parents[2] = { NULL, NULL };
  GPtrArray *out = NULL;
  const char *end;
  const char *p;
  guint line_no = 0;
  guint operatives = 0;
  guint subs[2] = { 0, 0 };
  gboolean any_numbered = FALSE;

  g_return_val_if_fail (PLENARY_IS_PHRASE_DICTIONARY (dict), NULL);
  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (len < 0)
    len = strlen (text);
  end = text + len;

  if (warnings != NULL)
    {
      if (*warnings == NULL)
        *warnings = g_ptr_array_new_with_free_func ((GDestroyNotify)plenary_parse_warning_free);
      out = *warnings;
    }

  local = g_ptr_array_new_with_free_func ((GDestroyNotify)plenary_parse_warning_free);
  body = plenary_body_new ();
  unnumbered = g_array_new (FALSE, FALSE, sizeof (guint));

  for (p = text; p < end; line_no++)
    {
      const char *nl = memchr (p, '\n', end - p);
      gsize line_len = (nl != NULL ? nl : end) - p;
      g_autofree char *copy = NULL;
      const char *line = p;
      PlenaryLineInfo info;

      p = nl != NULL ? nl + 1 : end;

      if (line + line_len == end && line[line_len] != '\0')
        line = copy = g_strndup (line, line_len);

      classify_line_internal (dict, kind, line, line_len, &state, &info);

      if (info.is_blank)
        continue;

      if (info.is_note)
        {
          gsize id_start, id_len;
          g_autofree char *id = NULL;
          g_autofree char *note = NULL;

          plenary_clause_scan_note (line, info.content_end, &id_start, &id_len);
          id = g_strndup (line + id_start, id_len);
          note = g_strndup (line + info.text_start, info.content_end - info.text_start);
          plenary_body_add_note (body, id, note);
          continue;
        }

      if (info.is_annex)
        {
          g_autofree char *annex = g_strndup (line + info.text_start, info.content_end - info.text_start);

          if (info.role == PLENARY_ROLE_HEADING && body->annex_heading == NULL)
            plenary_body_set_annex_heading (body, annex);
          else
            g_ptr_array_add (body->annex, g_steal_pointer (&annex));
          continue;
        }

      if (info.is_opening)
        {
          g_autofree char *opening = g_strndup (line + info.content_start,
                                                info.content_end - info.content_start);

          plenary_body_set_opening (body, opening);
          continue;
        }

      if (kind == PLENARY_DRAFT_KIND_BRIEF)
        {
          g_autoptr(PlenaryParagraph) paragraph = paragraph_from_line (line, &info);

          if (info.role == PLENARY_ROLE_HEADING)
            {
              plenary_body_append (body, paragraph);
              parents[0] = paragraph;
            }
          else if (parents[0] != NULL)
            plenary_paragraph_append_child (parents[0], paragraph);
          else
            plenary_body_append (body, paragraph);
          continue;
        }

      if (info.role == PLENARY_ROLE_HEADING)
        {
          g_autoptr(PlenaryParagraph) heading = paragraph_from_line (line, &info);

          plenary_body_append (body, heading);
          continue;
        }

      if (info.level == 0)
        {
          g_autoptr(PlenaryParagraph) paragraph = paragraph_from_line (line, &info);

          plenary_body_append (body, paragraph);
          parents[0] = paragraph;
          parents[1] = NULL;
          subs[0] = subs[1] = 0;

          if (info.role != PLENARY_ROLE_OPERATIVE)
            continue;

          operatives++;
          if (!info.numbered)
            g_array_append_val (unnumbered, line_no);
          else
            {
              any_numbered = TRUE;
              if (info.number != operatives)
                {
                  g_autofree char *message =
                    g_strdup_printf (_("Paragraph numbered %u is operative paragraph %u: renumbered"),
                                     info.number, operatives);
                  add_warning (local, line_no, message);
                }
            }
        }
      else
        {
          g_autoptr(PlenaryParagraph) paragraph = paragraph_from_line (line, &info);
          PlenaryParagraph *parent = info.level == 2 && parents[1] != NULL ? parents[1] : parents[0];
          guint *count = &subs[info.level - 1];

          if (info.level == 1)
            {
              parents[1] = paragraph;
              subs[1] = 0;
            }
          plenary_paragraph_append_child (parent, paragraph);
          (*count)++;

          if (info.numbered && info.number != *count)
            {
              g_autofree char *message =
                g_strdup_printf (_("Sub-paragraph marker out of sequence: renumbered as sub-paragraph %u"),
                                 *count);
              add_warning (local, line_no, message);
            }
        }
    }

  /* Numbers are optional (the editor has none); only a mix is a mistake. */
  if (any_numbered)
    for (guint i = 0; i < unnumbered->len; i++)
      add_warning (local, g_array_index (unnumbered, guint, i),
                   _("Operative paragraph without a number: numbered automatically"));

  /* Line order reads best; missing-number warnings were added last. */
  g_ptr_array_sort (local, compare_warnings);
  if (out != NULL)
    g_ptr_array_extend_and_steal (out, g_steal_pointer (&local));

  return g_steal_pointer (&body);
}
