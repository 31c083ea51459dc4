/* plenary-markdown.c
 *
 * Copyright 2026 The Plenary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-markdown"

#include "config.h"

#include <string.h>

#include <cmark.h>

#include "plenary-markdown.h"
#include "plenary-styled-text.h"

void
plenary_markdown_block_free (PlenaryMarkdownBlock *block)
{
  if (block == NULL)
    return;

  g_free (block->marker);
  g_free (block->text);
  g_free (block->emphasis);
  g_free (block);
}

/* "---\n…\n---" at the start: its length, and its content. */
static gsize
front_matter_length (const char  *text,
                     gsize        length,
                     char       **content)
{
  const char *p;

  if (length < 4 || strncmp (text, "---", 3) != 0 || (text[3] != '\n' && text[3] != '\r'))
    return 0;

  for (p = text + 4; p < text + length; )
    {
      const char *eol = memchr (p, '\n', text + length - p);
      gsize line_len = (eol != NULL ? eol : text + length) - p;

      if ((line_len == 3 || (line_len == 4 && p[3] == '\r')) &&
          (strncmp (p, "---", 3) == 0 || strncmp (p, "...", 3) == 0))
        {
          if (content != NULL)
            *content = g_strndup (text + 4, p - (text + 4));
          return (eol != NULL ? eol + 1 : text + length) - text;
        }
      if (eol == NULL)
        break;
      p = eol + 1;
    }

  return 0;
}

typedef struct
{
  GPtrArray            *blocks;
  PlenaryMarkdownBlock *current;
  GString              *text;
  GArray               *item_numbers;  /* next number of each open list, -1 if bullet */
  GArray               *item_delims;
  char                 *pending_marker;
  guint                 depth;
} Reader;

static void
start_block (Reader              *reader,
             cmark_node          *node,
             PlenaryMarkdownKind  kind,
             guint                level)
{
  reader->current = g_new0 (PlenaryMarkdownBlock, 1);
  reader->current->kind = kind;
  reader->current->level = level;
  reader->current->line = cmark_node_get_start_line (node);
  if (reader->pending_marker != NULL && kind == PLENARY_MARKDOWN_PARAGRAPH)
    {
      reader->current->kind = PLENARY_MARKDOWN_ITEM;
      reader->current->level = reader->depth;
      reader->current->marker = g_steal_pointer (&reader->pending_marker);
    }
  g_string_truncate (reader->text, 0);
}

static void
end_block (Reader *reader)
{
  if (reader->current == NULL)
    return;
  reader->current->text = g_strdup (reader->text->str);
  g_ptr_array_add (reader->blocks, g_steal_pointer (&reader->current));
}

/* The text of NODE's inline children. */
static void
append_inline_text (GString    *out,
                    cmark_node *node)
{
  for (cmark_node *child = cmark_node_first_child (node); child != NULL; child = cmark_node_next (child))
    {
      switch (cmark_node_get_type (child))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          g_string_append (out, cmark_node_get_literal (child));
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out, '\n');
          break;
        case CMARK_NODE_HTML_INLINE:
          break;
        default:
          append_inline_text (out, child);
          break;
        }
    }
}

GPtrArray *
plenary_markdown_read (const char  *text,
                       gsize        length,
                       char       **front_matter)
{
  Reader reader = { 0 };
  cmark_node *document;
  cmark_iter *iter;
  cmark_event_type event;
  gsize skip;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (front_matter != NULL)
    *front_matter = NULL;
  skip = front_matter_length (text, length, front_matter);

  reader.blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) plenary_markdown_block_free);
  reader.text = g_string_new (NULL);
  reader.item_numbers = g_array_new (FALSE, FALSE, sizeof (int));
  reader.item_delims = g_array_new (FALSE, FALSE, sizeof (char));

  document = cmark_parse_document (text + skip, length - skip, CMARK_OPT_DEFAULT);
  iter = cmark_iter_new (document);

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);

      if (event == CMARK_EVENT_ENTER)
        switch (type)
          {
          case CMARK_NODE_LIST:
            {
              int number = cmark_node_get_list_type (node) == CMARK_ORDERED_LIST
                           ? cmark_node_get_list_start (node) : -1;
              char delim = cmark_node_get_list_delim (node) == CMARK_PAREN_DELIM ? ')' : '.';

              g_array_append_val (reader.item_numbers, number);
              g_array_append_val (reader.item_delims, delim);
              reader.depth++;
            }
            break;
          case CMARK_NODE_ITEM:
            {
              int *number = &g_array_index (reader.item_numbers, int, reader.item_numbers->len - 1);
              char delim = g_array_index (reader.item_delims, char, reader.item_delims->len - 1);

              g_free (reader.pending_marker);
              reader.pending_marker = *number >= 0 ? g_strdup_printf ("%d%c", (*number)++, delim) : g_strdup ("-");
            }
            break;
          case CMARK_NODE_PARAGRAPH:
          case CMARK_NODE_HEADING:
            start_block (&reader, node,
                         type == CMARK_NODE_HEADING ? PLENARY_MARKDOWN_HEADING : PLENARY_MARKDOWN_PARAGRAPH,
                         type == CMARK_NODE_HEADING ? cmark_node_get_heading_level (node) : 0);
            append_inline_text (reader.text, node);
            {
              cmark_node *first = cmark_node_first_child (node);
              cmark_node_type first_type = first != NULL ? cmark_node_get_type (first) : CMARK_NODE_NONE;

              if (first_type == CMARK_NODE_EMPH || first_type == CMARK_NODE_STRONG)
                {
                  g_autoptr(GString) emphasis = g_string_new (NULL);

                  append_inline_text (emphasis, first);
                  reader.current->emphasis = g_strstrip (g_string_free (g_steal_pointer (&emphasis), FALSE));
                }
            }
            end_block (&reader);
            cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
            break;
          case CMARK_NODE_CODE_BLOCK:
          case CMARK_NODE_HTML_BLOCK:
            start_block (&reader, node, PLENARY_MARKDOWN_CODE, 0);
            g_string_append (reader.text, cmark_node_get_literal (node));
            while (reader.text->len > 0 && reader.text->str[reader.text->len - 1] == '\n')
              g_string_truncate (reader.text, reader.text->len - 1);
            end_block (&reader);
            break;
          case CMARK_NODE_THEMATIC_BREAK:
            start_block (&reader, node, PLENARY_MARKDOWN_RULE, 0);
            end_block (&reader);
            break;
          default:
            break;
          }
      else if (type == CMARK_NODE_LIST)
        {
          g_array_set_size (reader.item_numbers, reader.item_numbers->len - 1);
          g_array_set_size (reader.item_delims, reader.item_delims->len - 1);
          reader.depth--;
        }
    }

  cmark_iter_free (iter);
  cmark_node_free (document);
  g_free (reader.pending_marker);
  g_string_free (reader.text, TRUE);
  g_array_unref (reader.item_numbers);
  g_array_unref (reader.item_delims);

  return reader.blocks;
}

/* Markdown to styled text ---------------------------------------------- */

typedef struct
{
  PlenaryStyledText *out;
  char              *title;
  GArray            *lists;     /* ListFrame of each open list */
  GArray            *pending;   /* PlenarySourceStyle of blocks opened, waiting for their first text */
  GArray            *open;      /* guint handle (or G_MAXUINT when never opened), per open container */
  gboolean           list_start; /* a list starts after a block of its own: a blank line */
} StyledReader;

typedef struct
{
  int      next;    /* next number, -1 for bullets */
  gboolean tight;
} ListFrame;

/* A block starts: the line break(s) before it, then the containers that
 * waited for it (list item, quote) open here, the item with its marker. */
static void
styled_start_block (StyledReader *reader)
{
  PlenaryStyledText *out = reader->out;
  gboolean tight = reader->lists->len > 0 &&
                   g_array_index (reader->lists, ListFrame, reader->lists->len - 1).tight;

  if (out->text->len > 0)
    g_string_append (out->text, tight && !reader->list_start ? "\n" : "\n\n");
  reader->list_start = FALSE;

  for (guint i = 0; i < reader->pending->len; i++)
    {
      PlenarySourceStyle *style = &g_array_index (reader->pending, PlenarySourceStyle, i);
      guint *handle = &g_array_index (reader->open, guint, style->start);

      *handle = plenary_styled_text_open (out, style->kind, style->level);
      if (style->kind == PLENARY_SOURCE_STYLE_ITEM)
        {
          ListFrame *list = &g_array_index (reader->lists, ListFrame, style->level - 1);

          /* The marker is part of the text, as it would be in a quote. */
          if (list->next >= 0)
            g_string_append_printf (out->text, "%d. ", list->next++);
          else
            g_string_append (out->text, "• ");
        }
    }
  g_array_set_size (reader->pending, 0);
}

/* A container (item, quote) opens at its first block; its slot in OPEN. */
static void
styled_push_container (StyledReader           *reader,
                       PlenarySourceStyleKind  kind,
                       guint                   level)
{
  guint none = G_MAXUINT;
  /* START holds the slot in OPEN until the style opens. */
  PlenarySourceStyle style = { reader->open->len, -1, kind, level };

  g_array_append_val (reader->open, none);
  g_array_append_val (reader->pending, style);
}

static void
styled_pop_container (StyledReader *reader)
{
  guint handle = g_array_index (reader->open, guint, reader->open->len - 1);

  /* An empty item ("-" alone) never opened. */
  if (reader->pending->len > 0 &&
      (guint) g_array_index (reader->pending, PlenarySourceStyle, reader->pending->len - 1).start == reader->open->len - 1)
    g_array_set_size (reader->pending, reader->pending->len - 1);
  if (handle != G_MAXUINT)
    plenary_styled_text_close (reader->out, handle);
  g_array_set_size (reader->open, reader->open->len - 1);
}

/* Lists (for an item) or quotes holding NODE, itself included. */
static guint
container_depth (PlenarySourceStyleKind  kind,
                 cmark_node             *node)
{
  guint depth = 0;

  for (cmark_node *n = node; n != NULL; n = cmark_node_parent (n))
    if (cmark_node_get_type (n) == (kind == PLENARY_SOURCE_STYLE_ITEM ? CMARK_NODE_LIST : CMARK_NODE_BLOCK_QUOTE))
      depth++;
  return depth;
}

/* Text and emphasis inside a block; HANDLES holds the open emphasis. */
static void
styled_inline (PlenaryStyledText *out,
               cmark_node        *node,
               gboolean           enter,
               GArray            *handles)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_TEXT:
      g_string_append (out->text, cmark_node_get_literal (node));
      break;

    case CMARK_NODE_CODE:
      {
        guint handle = plenary_styled_text_open (out, PLENARY_SOURCE_STYLE_CODE, 0);

        g_string_append (out->text, cmark_node_get_literal (node));
        plenary_styled_text_close (out, handle);
      }
      break;

    /* A paragraph reflows in the reader: its line breaks are spaces,
     * unless the writer forced one. */
    case CMARK_NODE_SOFTBREAK:
      g_string_append_c (out->text, ' ');
      break;

    case CMARK_NODE_LINEBREAK:
      g_string_append_c (out->text, '\n');
      break;

    case CMARK_NODE_EMPH:
    case CMARK_NODE_STRONG:
      if (enter)
        {
          guint handle = plenary_styled_text_open (out,
                                                   cmark_node_get_type (node) == CMARK_NODE_STRONG
                                                   ? PLENARY_SOURCE_STYLE_STRONG : PLENARY_SOURCE_STYLE_EMPHASIS, 0);

          g_array_append_val (handles, handle);
        }
      else
        {
          plenary_styled_text_close (out, g_array_index (handles, guint, handles->len - 1));
          g_array_set_size (handles, handles->len - 1);
        }
      break;

    default:
      break;
    }
}

/* "| a | b |" then "|---|:--:|": a table as GitHub writes it, which
 * CommonMark (cmark) reads as a paragraph; LINE is its second line. */
static gboolean
is_table_delimiter (const char *line,
                    gsize       length)
{
  g_autoptr(GRegex) regex = g_regex_new ("^\\s*\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?\\s*$", 0, 0, NULL);
  g_autofree char *copy = g_strndup (line, length);

  return strchr (copy, '|') != NULL && g_regex_match (regex, copy, 0, NULL);
}

/* The cells of a table row: split at "|" not escaped nor in a code span,
 * the outer pipes dropped. */
static GPtrArray *
table_cells (const char *line,
             gsize       length)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  const char *end = line + length;
  const char *cell;
  gboolean code = FALSE;

  while (line < end && g_ascii_isspace (*line))
    line++;
  while (end > line && g_ascii_isspace (end[-1]))
    end--;
  if (line < end && *line == '|')
    line++;
  if (end > line && end[-1] == '|' && (end - 1 == line || end[-2] != '\\'))
    end--;

  cell = line;
  for (const char *p = line; p <= end; p++)
    {
      if (p < end && *p == '\\' && p + 1 < end)
        {
          p++;
          continue;
        }
      if (p < end && *p == '`')
        code = !code;
      if (p == end || (*p == '|' && !code))
        {
          g_ptr_array_add (cells, g_strstrip (g_strndup (cell, p - cell)));
          cell = p + 1;
        }
    }
  return cells;
}

/* Writes PARAGRAPH as a table when it is one: a row a line, a tab between
 * cells, each cell's inline Markdown read by cmark. */
static gboolean
styled_table (StyledReader *reader,
              const char   *document,
              gsize         length,
              cmark_node   *paragraph)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
  int first = cmark_node_get_start_line (paragraph);
  int last = cmark_node_get_end_line (paragraph);
  const char *p = document;
  int line = 1;

  if (last - first < 1)
    return FALSE;

  /* The paragraph's lines, from the document itself. */
  while (line <= last && p < document + length)
    {
      const char *eol = memchr (p, '\n', document + length - p);
      gsize n = (eol != NULL ? eol : document + length) - p;

      if (line >= first)
        {
          g_ptr_array_add (lines, (gpointer) p);
          g_array_append_val (lengths, n);
        }
      p = eol != NULL ? eol + 1 : document + length;
      line++;
    }
  if (lines->len < 2 ||
      !is_table_delimiter (g_ptr_array_index (lines, 1), g_array_index (lengths, gsize, 1)))
    return FALSE;

  styled_start_block (reader);
  for (guint row = 0; row < lines->len; row++)
    {
      g_autoptr(GPtrArray) cells = NULL;

      if (row == 1)
        continue;
      if (row > 0)
        g_string_append_c (reader->out->text, '\n');
      cells = table_cells (g_ptr_array_index (lines, row), g_array_index (lengths, gsize, row));
      for (guint i = 0; i < cells->len; i++)
        {
          const char *source = g_ptr_array_index (cells, i);
          g_autoptr(GArray) handles = g_array_new (FALSE, FALSE, sizeof (guint));
          cmark_node *cell = cmark_parse_document (source, strlen (source), CMARK_OPT_DEFAULT);
          cmark_iter *iter = cmark_iter_new (cell);
          cmark_event_type event;
          guint handle;

          if (i > 0)
            g_string_append_c (reader->out->text, '\t');
          handle = plenary_styled_text_open (reader->out, PLENARY_SOURCE_STYLE_CELL, row == 0);
          while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
            styled_inline (reader->out, cmark_iter_get_node (iter), event == CMARK_EVENT_ENTER, handles);
          plenary_styled_text_close (reader->out, handle);
          cmark_iter_free (iter);
          cmark_node_free (cell);
        }
    }
  return TRUE;
}

char *
plenary_markdown_to_styled_text (const char  *text,
                                 gsize        length,
                                 char       **title,
                                 GArray     **styles)
{
  StyledReader reader = { 0 };
  g_autoptr(GArray) inline_handles = g_array_new (FALSE, FALSE, sizeof (guint));
  cmark_node *document;
  cmark_iter *iter;
  cmark_event_type event;
  gsize skip;
  guint heading = G_MAXUINT;
  gint64 heading_start = 0;
  char *plain;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (styles != NULL, NULL);

  skip = front_matter_length (text, length, NULL);
  reader.out = plenary_styled_text_new ();
  reader.lists = g_array_new (FALSE, FALSE, sizeof (ListFrame));
  reader.pending = g_array_new (FALSE, FALSE, sizeof (PlenarySourceStyle));
  reader.open = g_array_new (FALSE, FALSE, sizeof (guint));

  document = cmark_parse_document (text + skip, length - skip, CMARK_OPT_DEFAULT);
  iter = cmark_iter_new (document);

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      gboolean enter = event == CMARK_EVENT_ENTER;

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_LIST:
          if (enter)
            {
              ListFrame list = {
                cmark_node_get_list_type (node) == CMARK_ORDERED_LIST ? cmark_node_get_list_start (node) : -1,
                cmark_node_get_list_tight (node),
              };

              /* A list nested in a tight one goes on at the next line. */
              reader.list_start = reader.lists->len == 0 ||
                                  !g_array_index (reader.lists, ListFrame, reader.lists->len - 1).tight;
              g_array_append_val (reader.lists, list);
            }
          else
            g_array_set_size (reader.lists, reader.lists->len - 1);
          break;

        case CMARK_NODE_ITEM:
        case CMARK_NODE_BLOCK_QUOTE:
          {
            PlenarySourceStyleKind kind = cmark_node_get_type (node) == CMARK_NODE_ITEM
                                          ? PLENARY_SOURCE_STYLE_ITEM : PLENARY_SOURCE_STYLE_QUOTE;

            if (enter)
              styled_push_container (&reader, kind, container_depth (kind, node));
            else
              styled_pop_container (&reader);
          }
          break;

        case CMARK_NODE_PARAGRAPH:
          if (enter && styled_table (&reader, text + skip, length - skip, node))
            cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
          else if (enter)
            styled_start_block (&reader);
          break;

        case CMARK_NODE_HEADING:
          if (enter)
            {
              styled_start_block (&reader);
              heading_start = reader.out->text->len;
              heading = plenary_styled_text_open (reader.out, PLENARY_SOURCE_STYLE_HEADING,
                                                  cmark_node_get_heading_level (node));
            }
          else
            {
              plenary_styled_text_close (reader.out, heading);
              if (reader.title == NULL && (gsize) heading_start < reader.out->text->len)
                reader.title = g_strndup (reader.out->text->str + heading_start,
                                          reader.out->text->len - heading_start);
            }
          break;

        case CMARK_NODE_CODE_BLOCK:
          {
            GString *out = reader.out->text;
            guint handle;

            styled_start_block (&reader);
            handle = plenary_styled_text_open (reader.out, PLENARY_SOURCE_STYLE_CODE, 0);
            g_string_append (out, cmark_node_get_literal (node));
            while (out->len > 0 && out->str[out->len - 1] == '\n')
              g_string_truncate (out, out->len - 1);
            plenary_styled_text_close (reader.out, handle);
          }
          break;

        /* Raw HTML is markup, not words; rules are drawn by the gap. */
        default:
          styled_inline (reader.out, node, enter, inline_handles);
          break;
        }
    }

  cmark_iter_free (iter);
  cmark_node_free (document);
  g_array_unref (reader.lists);
  g_array_unref (reader.pending);
  g_array_unref (reader.open);

  plain = plenary_styled_text_finish (reader.out, styles);
  if (title != NULL)
    *title = reader.title;
  else
    g_free (reader.title);
  return plain;
}

char *
plenary_markdown_to_plain (const char *text,
                           gsize       length)
{
  GString *out = g_string_new (NULL);
  cmark_node *document;
  cmark_iter *iter;
  cmark_event_type event;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  document = cmark_parse_document (text, length, CMARK_OPT_DEFAULT);
  iter = cmark_iter_new (document);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_CODE_BLOCK:
          g_string_append (out, cmark_node_get_literal (node));
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out, '\n');
          break;
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
          if (event == CMARK_EVENT_ENTER && out->len > 0 && out->str[out->len - 1] != '\n')
            g_string_append_c (out, '\n');
          break;
        default:
          break;
        }
    }
  cmark_iter_free (iter);
  cmark_node_free (document);

  return g_string_free (out, FALSE);
}

/* Styles of raw Markdown ------------------------------------------------- */

typedef struct
{
  const char *text;
  gsize       length;
  gsize       cursor;    /* bytes of TEXT read so far */
  gint64      chars;     /* code points before CURSOR */
  GArray     *styles;
} RawReader;

static gint64
raw_offset (RawReader *reader,
            gsize      byte)
{
  reader->chars += g_utf8_strlen (reader->text + reader->cursor, byte - reader->cursor);
  reader->cursor = byte;
  return reader->chars;
}

/* What lies between the cursor and AT is markup: hidden, but for line
 * breaks and list markers ("- ", "3. "), which tell items apart. The
 * cursor moves to AT. */
static void
raw_hide_until (RawReader  *reader,
                const char *at)
{
  const char *p = reader->text + reader->cursor;
  gint64 offset = reader->chars;

  while (p < at)
    {
      const char *markup;
      gint64 markup_start;

      while (p < at && *p == '\n')
        {
          p++;
          offset++;
        }
      if (p < at && (p == reader->text || p[-1] == '\n'))
        {
          const char *q = p;
          const char *d;

          while (q < at && *q == ' ')
            q++;
          for (d = q; d < at && g_ascii_isdigit (*d); d++)
            ;
          if (q + 1 < at && (*q == '-' || *q == '*' || *q == '+') && q[1] == ' ')
            d = q + 2;
          else if (d > q && d + 1 < at && (*d == '.' || *d == ')') && d[1] == ' ')
            d += 2;
          else
            d = p;
          offset += d - p;
          p = d;
        }
      markup = p;
      markup_start = offset;
      while (p < at && *p != '\n')
        {
          p = g_utf8_next_char (p);
          offset++;
        }
      if (p > markup)
        {
          PlenarySourceStyle style = { markup_start, offset, PLENARY_SOURCE_STYLE_MARKUP, 0 };

          g_array_append_val (reader->styles, style);
        }
    }

  reader->cursor = at - reader->text;
  reader->chars = offset;
}

/* Finds LITERAL at or after the cursor, hiding the markup before it.
 * Returns its start in code points and its end in END, or -1 when it is
 * not there as written (an entity, an escape). */
static gint64
raw_literal (RawReader  *reader,
             const char *literal,
             gint64     *end)
{
  const char *at;
  gint64 start;

  if (literal == NULL || literal[0] == '\0')
    return -1;
  at = g_strstr_len (reader->text + reader->cursor, reader->length - reader->cursor, literal);
  if (at == NULL)
    return -1;

  raw_hide_until (reader, at);
  start = reader->chars;
  *end = raw_offset (reader, reader->cursor + strlen (literal));
  return start;
}

GArray *
plenary_markdown_find_markup (const char *text)
{
  RawReader reader = { text, strlen (text), 0, 0, NULL };
  g_autoptr(GArray) opened = g_array_new (FALSE, FALSE, sizeof (PlenarySourceStyle));
  cmark_node *document;
  cmark_iter *iter;
  cmark_event_type event;

  g_return_val_if_fail (text != NULL, NULL);

  reader.styles = g_array_new (FALSE, FALSE, sizeof (PlenarySourceStyle));
  document = cmark_parse_document (text, reader.length, CMARK_OPT_DEFAULT);
  iter = cmark_iter_new (document);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);
      PlenarySourceStyle style = { -1, -1, PLENARY_SOURCE_STYLE_STRONG, 0 };

      switch (type)
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_CODE_BLOCK:
          {
            gint64 end;
            gint64 start = raw_literal (&reader, cmark_node_get_literal (node), &end);

            if (start < 0)
              break;
            /* The text opens the styles that wait for it, and ends them so far. */
            for (guint i = 0; i < opened->len; i++)
              {
                PlenarySourceStyle *open = &g_array_index (opened, PlenarySourceStyle, i);

                if (open->start < 0)
                  open->start = start;
                open->end = end;
              }
            if (type != CMARK_NODE_TEXT)
              {
                PlenarySourceStyle code = { start, end, PLENARY_SOURCE_STYLE_CODE, 0 };

                g_array_append_val (reader.styles, code);
              }
          }
          break;

        case CMARK_NODE_HEADING:
        case CMARK_NODE_STRONG:
        case CMARK_NODE_EMPH:
          if (event == CMARK_EVENT_ENTER)
            {
              style.kind = type == CMARK_NODE_HEADING ? PLENARY_SOURCE_STYLE_HEADING
                           : type == CMARK_NODE_STRONG ? PLENARY_SOURCE_STYLE_STRONG
                           : PLENARY_SOURCE_STYLE_EMPHASIS;
              style.level = type == CMARK_NODE_HEADING ? cmark_node_get_heading_level (node) : 0;
              g_array_append_val (opened, style);
            }
          else if (opened->len > 0)
            {
              style = g_array_index (opened, PlenarySourceStyle, opened->len - 1);
              g_array_set_size (opened, opened->len - 1);
              if (style.start >= 0 && style.end > style.start)
                g_array_append_val (reader.styles, style);
            }
          break;

        default:
          break;
        }
    }
  cmark_iter_free (iter);
  cmark_node_free (document);

  /* Markup after the last words: a closing "**", a link's address. */
  raw_hide_until (&reader, text + reader.length);

  return reader.styles;
}
