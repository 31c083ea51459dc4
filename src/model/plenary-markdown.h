/* plenary-markdown.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Markdown read through cmark (CommonMark), for the draft importer and the
 * sources: blocks of plain text, the markup gone. */
typedef enum
{
  PLENARY_MARKDOWN_PARAGRAPH,
  PLENARY_MARKDOWN_HEADING,
  PLENARY_MARKDOWN_ITEM,     /* the first paragraph of a list item */
  PLENARY_MARKDOWN_CODE,
  PLENARY_MARKDOWN_RULE,
} PlenaryMarkdownKind;

typedef struct
{
  PlenaryMarkdownKind  kind;
  guint                level;     /* heading level; list depth (1 = top) */
  char                *marker;    /* ITEM: "3." or "3)" (ordered) or "-" */
  char                *text;      /* plain text; line breaks kept as "\n" */
  char                *emphasis;  /* emphasised words opening the block, or NULL */
  guint                line;      /* 1-based line of the source where it starts */
} PlenaryMarkdownBlock;

void       plenary_markdown_block_free (PlenaryMarkdownBlock *block);

/* TEXT (UTF-8) -> PlenaryMarkdownBlock*, in order. FRONT_MATTER (nullable)
 * gets a YAML front matter block ("---" … "---" at the very start), or NULL. */
GPtrArray *plenary_markdown_read       (const char  *text,
                                        gsize        length,
                                        char       **front_matter);

/* The plain text of TEXT for reading: blocks separated by a blank line
 * (the items of a tight list by a line break), list items with their
 * marker ("• ", "3. "), the lines of a paragraph joined. TITLE (nullable)
 * gets the first heading's text or NULL; STYLES gets the formatting as
 * PlenarySourceStyle over code points of the text. */
char      *plenary_markdown_to_styled_text (const char  *text,
                                            gsize        length,
                                            char       **title,
                                            GArray     **styles);

/* The words of a Markdown passage without its markup, blocks on lines of
 * their own (for quoting sources stored with their markup). */
char      *plenary_markdown_to_plain       (const char  *text,
                                            gsize        length);

/* The styles of TEXT, raw Markdown kept as it was (sources saved before
 * styles existed), over its own offsets: headings, emphasis and code, and
 * PLENARY_SOURCE_STYLE_MARKUP over the markup a reader should not see
 * ("**", "# ", a link's address; list markers and line breaks stay). */
GArray    *plenary_markdown_find_markup    (const char  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlenaryMarkdownBlock, plenary_markdown_block_free)

G_END_DECLS
