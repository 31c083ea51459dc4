/* plenary-source-styles.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-source-styles"

#include "config.h"

#include "plenary-markdown.h"
#include "plenary-source-styles.h"

/* Levels of lists and quotes drawn with their own indent; deeper ones
 * take the deepest. */
#define MAX_LEVEL 6
/* Indent of one level of list or quote, in pixels. */
#define LEVEL_INDENT 24
/* Room for "• " or "12. " before an item's text, which wraps after it. */
#define MARKER_WIDTH 18
/* Room between two columns of a table, and the widest a column gets before
 * the next one starts over its cells' end. */
#define CELL_GAP 16
#define MAX_CELL_WIDTH 320
#define MEASURED_ROWS 200

static const double heading_scales[] = { 1.6, 1.35, 1.2, 1.1, 1.0, 1.0 };

static char *
tag_name (PlenarySourceStyleKind kind,
          guint                  level)
{
  switch (kind)
    {
    case PLENARY_SOURCE_STYLE_HEADING:
      return g_strdup_printf (PLENARY_SOURCE_STYLE_TAG_PREFIX "heading-%u", CLAMP (level, 1, 6));
    case PLENARY_SOURCE_STYLE_ITEM:
    case PLENARY_SOURCE_STYLE_QUOTE:
      return g_strdup_printf (PLENARY_SOURCE_STYLE_TAG_PREFIX "%s-%u",
                              plenary_source_style_kind_to_string (kind), CLAMP (level, 1, MAX_LEVEL));
    case PLENARY_SOURCE_STYLE_CELL:
      return g_strdup (level > 0 ? PLENARY_SOURCE_STYLE_TAG_PREFIX "header-cell"
                                 : PLENARY_SOURCE_STYLE_TAG_PREFIX "cell");
    case PLENARY_SOURCE_STYLE_STRONG:
    case PLENARY_SOURCE_STYLE_EMPHASIS:
    case PLENARY_SOURCE_STYLE_CODE:
    case PLENARY_SOURCE_N_STYLES:
    default:
      return g_strconcat (PLENARY_SOURCE_STYLE_TAG_PREFIX, plenary_source_style_kind_to_string (kind), NULL);
    }
}

/* Created once per buffer. Styles set fonts and margins, annotations
 * backgrounds and underlines: neither hides the other. Deeper levels come
 * after the shallower ones, so that their indent wins inside them. */
static void
create_tags (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GdkRGBA quote_background;

  if (gtk_text_tag_table_lookup (table, PLENARY_SOURCE_STYLE_TAG_PREFIX "strong") != NULL)
    return;

  for (guint level = 1; level <= 6; level++)
    {
      g_autofree char *name = tag_name (PLENARY_SOURCE_STYLE_HEADING, level);

      gtk_text_buffer_create_tag (buffer, name,
                                  "weight", PANGO_WEIGHT_BOLD,
                                  "scale", heading_scales[level - 1],
                                  "pixels-above-lines", level <= 2 ? 16 : 10,
                                  "pixels-below-lines", 4,
                                  NULL);
    }
  gtk_text_buffer_create_tag (buffer, PLENARY_SOURCE_STYLE_TAG_PREFIX "strong", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, PLENARY_SOURCE_STYLE_TAG_PREFIX "emphasis", "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (buffer, PLENARY_SOURCE_STYLE_TAG_PREFIX "code", "family", "monospace", NULL);
  gtk_text_buffer_create_tag (buffer, PLENARY_SOURCE_STYLE_TAG_PREFIX "markup", "invisible", TRUE, NULL);

  gdk_rgba_parse (&quote_background, "rgba(127, 127, 127, 0.12)");
  for (guint level = 1; level <= MAX_LEVEL; level++)
    {
      g_autofree char *item = tag_name (PLENARY_SOURCE_STYLE_ITEM, level);
      g_autofree char *quote = tag_name (PLENARY_SOURCE_STYLE_QUOTE, level);

      /* The marker hangs in the margin, the wrapped lines align after it. */
      gtk_text_buffer_create_tag (buffer, item,
                                  "left-margin", LEVEL_INDENT * level + MARKER_WIDTH,
                                  "indent", -MARKER_WIDTH,
                                  NULL);
      gtk_text_buffer_create_tag (buffer, quote,
                                  "left-margin", LEVEL_INDENT * level,
                                  "right-margin", LEVEL_INDENT,
                                  "paragraph-background-rgba", &quote_background,
                                  NULL);
    }

  /* Each table gets its column stops (tag_table ()). */
  gtk_text_buffer_create_tag (buffer, PLENARY_SOURCE_STYLE_TAG_PREFIX "cell", NULL);
  gtk_text_buffer_create_tag (buffer, PLENARY_SOURCE_STYLE_TAG_PREFIX "header-cell",
                              "weight", PANGO_WEIGHT_BOLD, NULL);
}

/* A table's rows are lines of cells separated by tabs: its columns start
 * where the widest cell of the column before ends. Its cells are the cell
 * styles among [FIRST, LAST) of STYLES; the tag goes over their lines. */
static void
tag_table (GtkTextView  *view,
           const GArray *styles,
           guint         first,
           guint         last,
           guint         number)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (int));
  g_autofree char *name = g_strdup_printf (PLENARY_SOURCE_STYLE_TAG_PREFIX "table-%u", number);
  PangoTabArray *tabs;
  GtkTextIter start, end;
  int line = -1;
  guint rows = 0;
  guint column = 0;
  gint64 table_end = 0;
  GtkTextTag *tag;
  int x = 0;

  for (guint i = first; i < last; i++)
    {
      const PlenarySourceStyle *cell = &g_array_index (styles, PlenarySourceStyle, i);
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      int width;

      if (cell->kind != PLENARY_SOURCE_STYLE_CELL)
        continue;
      table_end = cell->end;
      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) cell->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) cell->end);
      if (gtk_text_iter_get_line (&start) != line)
        rows++;
      column = gtk_text_iter_get_line (&start) == line ? column + 1 : 0;
      line = gtk_text_iter_get_line (&start);
      /* The first rows tell the widths: a table of thousands of rows
       * opens without measuring them all. */
      if (rows > MEASURED_ROWS)
        continue;
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), text);
      if (cell->level > 0)
        {
          PangoAttrList *bold = pango_attr_list_new ();

          pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          pango_layout_set_attributes (layout, bold);
          pango_attr_list_unref (bold);
        }
      pango_layout_get_pixel_size (layout, &width, NULL);
      if (column >= widths->len)
        g_array_set_size (widths, column + 1);
      g_array_index (widths, int, column) = MAX (g_array_index (widths, int, column), width);
    }

  tabs = pango_tab_array_new (widths->len, TRUE);
  for (guint i = 0; i + 1 < widths->len; i++)
    {
      x += MIN (g_array_index (widths, int, i), MAX_CELL_WIDTH) + CELL_GAP;
      pango_tab_array_set_tab (tabs, i, PANGO_TAB_LEFT, x);
    }
  /* The buffer shows one source after another: its tables' tags stay. */
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  if (tag == NULL)
    tag = gtk_text_buffer_create_tag (buffer, name, NULL);
  g_object_set (tag, "tabs", tabs, NULL);
  pango_tab_array_free (tabs);

  gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) g_array_index (styles, PlenarySourceStyle, first).start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) table_end);
  gtk_text_iter_set_line_offset (&start, 0);
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
}

void
plenary_source_styles_apply (GtkTextView   *view,
                             PlenarySource *source)
{
  GtkTextBuffer *buffer;
  GtkTextTagTable *table;
  g_autoptr(GArray) found = NULL;
  const GArray *styles;
  GtkTextIter start, end;
  guint table_start = G_MAXUINT;
  guint n_tables = 0;
  int table_line = -1;
  int length;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));
  g_return_if_fail (source == NULL || PLENARY_IS_SOURCE (source));

  if (source == NULL)
    return;

  buffer = gtk_text_view_get_buffer (view);
  create_tags (buffer);
  table = gtk_text_buffer_get_tag_table (buffer);

  styles = plenary_source_get_styles (source);
  /* A Markdown source saved with its markup, before styles existed: its
   * text stays as it is (anchors hold), the markup is hidden. */
  if (styles->len == 0 && g_strcmp0 (plenary_source_get_media_type (source), "text/markdown") == 0)
    styles = found = plenary_markdown_find_markup (plenary_source_get_text (source));
  length = gtk_text_buffer_get_char_count (buffer);
  for (guint i = 0; i < styles->len; i++)
    {
      const PlenarySourceStyle *style = &g_array_index (styles, PlenarySourceStyle, i);
      g_autofree char *name = tag_name (style->kind, style->level);
      GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);

      /* Styles come from the draft file: never beyond the text. */
      if (tag == NULL || style->start >= length || style->end > length)
        continue;
      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) style->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) style->end);
      gtk_text_buffer_apply_tag (buffer, tag, &start, &end);

      /* Cells on the same or the next line are one table. */
      if (style->kind != PLENARY_SOURCE_STYLE_CELL)
        continue;
      if (table_start != G_MAXUINT && gtk_text_iter_get_line (&start) > table_line + 1)
        {
          tag_table (view, styles, table_start, i, n_tables++);
          table_start = G_MAXUINT;
        }
      if (table_start == G_MAXUINT)
        table_start = i;
      table_line = gtk_text_iter_get_line (&start);
    }
  if (table_start != G_MAXUINT)
    tag_table (view, styles, table_start, styles->len, n_tables);
}
