/* plenary-office-reader.c
 *
 * Copyright 2026 The Plenary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-office-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "plenary-office-reader-private.h"

void
office_text_init (OfficeText *text)
{
  memset (text, 0, sizeof *text);
  text->text = g_string_new (NULL);
  text->italic_open = TRUE;
  text->notes = g_array_new (FALSE, FALSE, sizeof (PlenaryOfficeNote));
}

static void
note_clear (gpointer data)
{
  g_free (((PlenaryOfficeNote *) data)->text);
}

void
office_text_clear (OfficeText *text)
{
  if (text->text != NULL)
    g_string_free (text->text, TRUE);
  if (text->notes != NULL)
    {
      g_array_set_clear_func (text->notes, note_clear);
      g_array_unref (text->notes);
    }
  memset (text, 0, sizeof *text);
}

/* Only ASCII white space is collapsed: the no-break spaces of French
 * typography are text. */
static gboolean
is_collapsible (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void
office_text_append (OfficeText *text,
                    const char *str,
                    gboolean    italic,
                    gboolean    collapse)
{
  gboolean visible = FALSE;

  if (str == NULL || !g_utf8_validate (str, -1, NULL))
    return;

  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (collapse && is_collapsible (c))
        {
          if (text->text->len > 0)
            text->pending_space = TRUE;
          continue;
        }
      /* Line breaks become spaces; other control characters have no place
       * in a paragraph; nothing opens it but text. */
      if (c == '\n' || c == '\r' || c == '\f' || c == '\v')
        c = ' ';
      if ((c < 0x20 && c != '\t') || c == 0x7f)
        continue;
      if ((c == ' ' || c == '\t') && text->text->len == 0)
        continue;

      if (text->pending_space)
        {
          g_string_append_c (text->text, ' ');
          text->chars++;
          text->pending_space = FALSE;
        }
      g_string_append_unichar (text->text, c);
      text->chars++;
      if (c != ' ' && c != '\t')
        visible = TRUE;
    }

  if (visible && text->italic_open)
    {
      if (italic)
        text->italic_end = text->text->len;
      else
        text->italic_open = FALSE;
    }
}

void
office_text_add_note (OfficeText *text,
                      const char *note)
{
  PlenaryOfficeNote entry = { text->chars, g_strdup (note != NULL ? note : "") };

  g_array_append_val (text->notes, entry);
  /* A phrase does not run on past a note mark. */
  text->italic_open = FALSE;
}

gint64
office_text_start_point (OfficeText *text)
{
  return text->chars + (text->pending_space ? 1 : 0);
}

PlenaryOfficeParagraph *
office_text_finish (OfficeText             *text,
                    PlenaryOfficeDocument  *document,
                    PlenaryOfficeBlockKind  kind,
                    const char             *label,
                    guint                   level,
                    const char             *style)
{
  PlenaryOfficeParagraph *paragraph = g_new0 (PlenaryOfficeParagraph, 1);

  /* Spaces at the end are layout, not text. */
  while (text->text->len > 0 && (text->text->str[text->text->len - 1] == ' ' ||
                                 text->text->str[text->text->len - 1] == '\t'))
    {
      g_string_truncate (text->text, text->text->len - 1);
      text->chars--;
    }
  text->italic_end = MIN (text->italic_end, text->text->len);
  for (guint i = 0; i < text->notes->len; i++)
    {
      PlenaryOfficeNote *note = &g_array_index (text->notes, PlenaryOfficeNote, i);
      note->offset = MIN (note->offset, text->chars);
    }

  paragraph->kind = kind;
  paragraph->text = g_string_free (g_steal_pointer (&text->text), FALSE);
  paragraph->label = label != NULL && label[0] != '\0' ? g_strdup (label) : NULL;
  paragraph->level = level;
  paragraph->italic_end = text->italic_end;
  paragraph->style = g_strdup (style);
  paragraph->notes = g_steal_pointer (&text->notes);
  g_array_set_clear_func (paragraph->notes, note_clear);
  g_ptr_array_add (document->paragraphs, paragraph);

  office_text_clear (text);
  office_text_init (text);
  return paragraph;
}

char *
office_format_number (const char *format,
                      guint       number)
{
  static const struct { guint value; const char *digits; } roman[] = {
    { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
    { 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
  };
  GString *out = g_string_new (NULL);
  gboolean upper = format != NULL && g_str_has_prefix (format, "upper");

  if (format != NULL && g_str_has_suffix (format, "Letter") && number > 0)
    {
      /* a..z, then aa, bb.. as Word and UN documents do */
      for (guint i = 0; i <= (number - 1) / 26; i++)
        g_string_append_c (out, (upper ? 'A' : 'a') + (number - 1) % 26);
    }
  else if (format != NULL && g_str_has_suffix (format, "Roman") && number > 0 && number < 4000)
    {
      for (guint i = 0; i < G_N_ELEMENTS (roman); i++)
        for (; number >= roman[i].value; number -= roman[i].value)
          g_string_append (out, roman[i].digits);
      if (upper)
        {
          char *up = g_ascii_strup (out->str, -1);
          g_string_assign (out, up);
          g_free (up);
        }
    }
  else
    g_string_append_printf (out, "%u", number);

  return g_string_free (out, FALSE);
}

static void
paragraph_free (PlenaryOfficeParagraph *paragraph)
{
  g_free (paragraph->text);
  g_free (paragraph->label);
  g_free (paragraph->style);
  g_array_unref (paragraph->notes);
  g_free (paragraph);
}

static void
comment_free (PlenaryOfficeComment *comment)
{
  g_free (comment->author);
  g_free (comment->date);
  g_free (comment->text);
  g_free (comment);
}

void
plenary_office_document_free (PlenaryOfficeDocument *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->paragraphs);
  g_ptr_array_unref (self->comments);
  g_hash_table_unref (self->properties);
  g_clear_pointer (&self->change_authors, g_ptr_array_unref);
  g_free (self->changes_author);
  g_free (self);
}

char *
plenary_office_document_to_text (PlenaryOfficeDocument  *self,
                                 char                  **title)
{
  GString *out = g_string_new (NULL);
  const char *heading = NULL;
  guint notes = 0;

  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      PlenaryOfficeParagraph *paragraph = g_ptr_array_index (self->paragraphs, i);

      if (paragraph->text[0] == '\0' && paragraph->label == NULL)
        continue;
      if (paragraph->kind == PLENARY_OFFICE_BLOCK_HEADING && heading == NULL)
        heading = paragraph->text;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      if (paragraph->label != NULL)
        g_string_append_printf (out, "%s ", paragraph->label);
      g_string_append (out, paragraph->text);
      for (guint n = 0; n < paragraph->notes->len; n++)
        g_string_append_printf (out, "\n[%u] %s", ++notes,
                                g_array_index (paragraph->notes, PlenaryOfficeNote, n).text);
    }

  if (title != NULL)
    {
      const char *property = g_hash_table_lookup (self->properties, "title");

      *title = g_strdup (property != NULL && property[0] != '\0' ? property : heading);
    }
  return g_string_free (out, FALSE);
}

char *
plenary_office_property_name (const char *field)
{
  return g_strconcat ("Plenary ", field, NULL);
}

static char *
read_mimetype (PlenaryOfficePackage *package)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize len;

  if (!plenary_office_package_has (package, "mimetype") ||
      !(bytes = plenary_office_package_read (package, "mimetype", NULL)))
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  return g_strstrip (g_strndup (data != NULL ? data : "", MIN (len, 256)));
}

PlenaryOfficeDocument *
plenary_office_read (const char  *data,
                     gsize        len,
                     GError     **error)
{
  return plenary_office_read_changes (data, len, PLENARY_OFFICE_CHANGES_ACCEPT_ALL, NULL, error);
}

PlenaryOfficeDocument *
plenary_office_read_changes (const char            *data,
                             gsize                  len,
                             PlenaryOfficeChanges   changes,
                             const char            *author,
                             GError               **error)
{
  g_autoptr(PlenaryOfficePackage) package = NULL;
  g_autoptr(PlenaryOfficeDocument) document = NULL;
  g_autofree char *mimetype = NULL;
  gboolean ok;

  if (!(package = plenary_office_package_open (data, len, error)))
    return NULL;

  document = g_new0 (PlenaryOfficeDocument, 1);
  document->paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) paragraph_free);
  document->comments = g_ptr_array_new_with_free_func ((GDestroyNotify) comment_free);
  document->properties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  document->change_authors = g_ptr_array_new_with_free_func (g_free);
  document->changes = changes;
  document->changes_author = g_strdup (author);

  mimetype = read_mimetype (package);
  if (plenary_office_package_has (package, "[Content_Types].xml"))
    {
      document->format = PLENARY_OFFICE_FORMAT_DOCX;
      ok = office_read_docx (package, document, error);
    }
  else if (mimetype != NULL && g_str_has_prefix (mimetype, "application/vnd.oasis.opendocument.text"))
    {
      document->format = PLENARY_OFFICE_FORMAT_ODT;
      ok = office_read_odt (package, document, error);
    }
  else
    {
      g_set_error (error, PLENARY_OFFICE_ERROR, PLENARY_OFFICE_ERROR_UNSUPPORTED,
                   _("This ZIP file is neither a Word document (.docx) nor an OpenDocument text (.odt)."));
      return NULL;
    }

  return ok ? g_steal_pointer (&document) : NULL;
}
