/* plenary-clause-printer.c
 *
 * Copyright 2026 The Plenary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-clause-printer"

#include "config.h"

#include <string.h>

#include "plenary-clause-printer.h"
#include "plenary-clause-parser.h"
#include "plenary-phrase-dictionary.h"

char *
plenary_clause_roman (guint number)
{
  static const struct { guint value; const char *digits; } table[] = {
    { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" },
    { 100, "c" }, { 90, "xc" }, { 50, "l" }, { 40, "xl" },
    { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
  };
  GString *str;

  if (number == 0)
    return NULL;

  str = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    while (number >= table[i].value)
      {
        g_string_append (str, table[i].digits);
        number -= table[i].value;
      }

  return g_string_free (str, FALSE);
}

/* aaa is the 53rd sub-paragraph, zzz the 78th. */
#define MAX_REPEATED_LETTERS 3

static void
append_marker (GString                 *out,
               PlenaryPhraseDictionary *dict,
               guint                    level,
               guint                    index)
{
  gboolean enclosed = plenary_phrase_dictionary_get_enclosed_markers (dict);

  if (level == 0)
    {
      g_string_append_printf (out, "%u.", index + 1);
      return;
    }

  if (enclosed)
    g_string_append_c (out, '(');

  if (level == 1 && index < 26 * MAX_REPEATED_LETTERS)
    {
      /* a..z, then aa, bb.. as in United Nations documents */
      for (guint i = 0; i <= index / 26; i++)
        g_string_append_c (out, 'a' + index % 26);
    }
  else if (level == 1)
    {
      /* Past zzz the repeated letter would grow with the count (a marker
       * of 4,000 letters at the 100,000th, and as many lines): from there
       * four letters or more, counting in base 26 (aaaa, aaab..). */
      guint64 n = index - 26 * MAX_REPEATED_LETTERS;
      guint64 span = 26 * 26 * 26 * 26;
      guint width = 4;
      char digits[16];

      while (n >= span && width < sizeof digits)
        {
          n -= span;
          span *= 26;
          width++;
        }
      for (guint i = width; i > 0; i--)
        {
          digits[i - 1] = 'a' + n % 26;
          n /= 26;
        }
      g_string_append_len (out, digits, width);
    }
  else
    {
      g_autofree char *roman = plenary_clause_roman (index + 1);

      g_string_append (out, roman);
    }

  g_string_append_c (out, ')');
}

char *
plenary_clause_marker (const char *language,
                       guint       level,
                       guint       index)
{
  GString *out = g_string_new (NULL);

  append_marker (out, plenary_phrase_dictionary_get_default (language), level, index);

  return g_string_free (out, FALSE);
}

static void
append_full_text (GString                *out,
                  const PlenaryParagraph *paragraph)
{
  if (paragraph->phrase != NULL && paragraph->phrase[0] != '\0')
    {
      g_string_append (out, paragraph->phrase);
      /* "Decides, in the light of …", "Décide de rester saisi." */
      if (paragraph->text[0] != '\0' && strchr (",.;:", paragraph->text[0]) == NULL)
        g_string_append_c (out, ' ');
    }
  g_string_append (out, paragraph->text);
}

static void
print_children (GString                 *out,
                PlenaryPhraseDictionary *dict,
                const PlenaryParagraph  *parent,
                guint                    level,
                PlenaryPrintFlags        flags)
{
  for (guint i = 0; i < parent->children->len; i++)
    {
      const PlenaryParagraph *child = g_ptr_array_index (parent->children, i);

      if (flags & PLENARY_PRINT_PLAIN)
        {
          for (guint l = 0; l < level; l++)
            g_string_append (out, "   ");
          append_marker (out, dict, MIN (level, 2), i);
          g_string_append_c (out, ' ');
        }
      else
        {
          for (guint l = 0; l < level; l++)
            g_string_append_c (out, '\t');
        }

      append_full_text (out, child);
      g_string_append_c (out, '\n');
      print_children (out, dict, child, level + 1, flags);
    }
}

static void
print_brief (GString           *out,
             PlenaryBody       *body,
             PlenaryPrintFlags  flags)
{
  for (guint i = 0; i < body->paragraphs->len; i++)
    {
      const PlenaryParagraph *paragraph = g_ptr_array_index (body->paragraphs, i);

      if (i > 0 && (flags & PLENARY_PRINT_BLANK_LINES))
        g_string_append_c (out, '\n');

      if (paragraph->role == PLENARY_ROLE_HEADING)
        g_string_append (out, "# ");
      else if (paragraph->role == PLENARY_ROLE_BULLET)
        g_string_append (out, "• ");
      append_full_text (out, paragraph);
      g_string_append_c (out, '\n');

      /* An empty section keeps a line to write in (and to show its hint on). */
      if (paragraph->role == PLENARY_ROLE_HEADING && paragraph->children->len == 0 &&
          !(flags & PLENARY_PRINT_BLANK_LINES))
        g_string_append_c (out, '\n');

      for (guint j = 0; j < paragraph->children->len; j++)
        {
          const PlenaryParagraph *child = g_ptr_array_index (paragraph->children, j);

          if (flags & PLENARY_PRINT_BLANK_LINES)
            g_string_append_c (out, '\n');
          if (child->role == PLENARY_ROLE_BULLET)
            g_string_append (out, "• ");
          else if (child->role == PLENARY_ROLE_HEADING)
            g_string_append (out, "# ");
          append_full_text (out, child);
          g_string_append_c (out, '\n');
        }
    }
}

/* After the text: the annex under its heading, then the notes, one a line
 * ("[^1]: text"), as docs/draft-format.md says. */
static void
print_annex_and_notes (GString           *out,
                       PlenaryBody       *body,
                       PlenaryPrintFlags  flags)
{
  if (body->annex_heading != NULL)
    {
      if (out->len > 0 && (flags & PLENARY_PRINT_BLANK_LINES))
        g_string_append_c (out, '\n');
      if (!(flags & PLENARY_PRINT_PLAIN))
        g_string_append (out, "# ");
      g_string_append (out, body->annex_heading);
      g_string_append_c (out, '\n');
      for (guint i = 0; i < body->annex->len; i++)
        {
          if (flags & PLENARY_PRINT_BLANK_LINES)
            g_string_append_c (out, '\n');
          g_string_append (out, g_ptr_array_index (body->annex, i));
          g_string_append_c (out, '\n');
        }
    }

  for (guint i = 0; i < body->notes->len; i++)
    {
      PlenaryNote *note = g_ptr_array_index (body->notes, i);

      if (out->len > 0 && (flags & PLENARY_PRINT_BLANK_LINES))
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "[^%s]: %s\n", note->id, note->text);
    }
}

char *
plenary_clause_printer_print (PlenaryBody       *body,
                              PlenaryDraftKind   kind,
                              const char        *language,
                              PlenaryPrintFlags  flags)
{
  PlenaryPhraseDictionary *dict;
  GString *out;
  guint operatives = 0;

  g_return_val_if_fail (body != NULL, NULL);

  /* Only paragraphs need the phrases: an empty draft prints at once. */
  dict = body->paragraphs->len > 0 ? plenary_phrase_dictionary_get_default (language) : NULL;
  out = g_string_new (NULL);

  if (kind == PLENARY_DRAFT_KIND_BRIEF)
    print_brief (out, body, flags);
  else
    {
      if (body->opening != NULL && body->opening[0] != '\0')
        {
          g_string_append (out, body->opening);
          g_string_append_c (out, '\n');
        }

      for (guint i = 0; i < body->paragraphs->len; i++)
        {
          const PlenaryParagraph *paragraph = g_ptr_array_index (body->paragraphs, i);

          if (out->len > 0 && (flags & PLENARY_PRINT_BLANK_LINES))
            g_string_append_c (out, '\n');

          if ((flags & PLENARY_PRINT_PLAIN) && paragraph->role == PLENARY_ROLE_OPERATIVE)
            {
              append_marker (out, dict, 0, operatives++);
              g_string_append_c (out, ' ');
            }
          /* A heading inside the resolution: "# " in the editor, a line of
           * its own in plain text (the importer finds it again). */
          else if (!(flags & PLENARY_PRINT_PLAIN) && paragraph->role == PLENARY_ROLE_HEADING)
            g_string_append (out, "# ");

          append_full_text (out, paragraph);
          g_string_append_c (out, '\n');
          print_children (out, dict, paragraph, 1, flags);
        }
    }

  print_annex_and_notes (out, body, flags);

  /* The editor buffer has no trailing newline; a text file has one. */
  if (!(flags & PLENARY_PRINT_PLAIN) && out->len > 0)
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

char *
plenary_clause_printer_convert (PlenaryBody      *body,
                                PlenaryDraftKind  from,
                                PlenaryDraftKind  to,
                                const char       *language)
{
  g_autofree char *text = plenary_clause_printer_print (body, from, language, PLENARY_PRINT_EDITOR);
  g_auto(GStrv) lines = NULL;
  GString *out;
  gboolean annex = FALSE;

  if (from == to)
    return g_steal_pointer (&text);

  lines = g_strsplit (text, "\n", -1);
  out = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      gsize tabs = strspn (line, "\t");

      if (i > 0)
        g_string_append_c (out, '\n');
      if (g_str_has_prefix (line, "# ") && plenary_clause_is_annex_heading (line + 2, -1))
        annex = TRUE;
      if (annex)
        g_string_append (out, line);
      /* "\tsub-paragraph" <-> "• bullet": the level a delegate sees. */
      else if (to == PLENARY_DRAFT_KIND_BRIEF && tabs > 0)
        g_string_append_printf (out, "• %s", line + tabs);
      else if (to == PLENARY_DRAFT_KIND_RESOLUTION && g_str_has_prefix (line, "• "))
        g_string_append_printf (out, "\t%s", line + strlen ("• "));
      else
        g_string_append (out, line);
    }
  return g_string_free (out, FALSE);
}
