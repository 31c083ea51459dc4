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

char *
plenary_markdown_to_text (const char  *text,
                          gsize        length,
                          char       **title)
{
  g_autoptr(GPtrArray) blocks = plenary_markdown_read (text, length, NULL);
  GString *out = g_string_new (NULL);

  if (title != NULL)
    *title = NULL;

  for (guint i = 0; i < blocks->len; i++)
    {
      const PlenaryMarkdownBlock *block = g_ptr_array_index (blocks, i);

      if (block->kind == PLENARY_MARKDOWN_RULE)
        continue;
      if (title != NULL && *title == NULL && block->kind == PLENARY_MARKDOWN_HEADING && block->text[0] != '\0')
        *title = g_strdup (block->text);
      if (out->len > 0)
        g_string_append (out, "\n\n");
      if (block->marker != NULL)
        {
          g_string_append (out, g_str_equal (block->marker, "-") ? "•" : block->marker);
          g_string_append_c (out, ' ');
        }
      g_string_append (out, block->text);
    }

  return g_string_free (out, FALSE);
}
