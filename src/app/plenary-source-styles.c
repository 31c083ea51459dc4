/* plenary-source-styles.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-source-styles"

#include "config.h"

#include "plenary-source-styles.h"

/* Levels of lists and quotes drawn with their own indent; deeper ones
 * take the deepest. */
#define MAX_LEVEL 6
/* Indent of one level of list or quote, in pixels. */
#define LEVEL_INDENT 24
/* Room for "• " or "12. " before an item's text, which wraps after it. */
#define MARKER_WIDTH 18
/* Width of a table column. */
#define CELL_WIDTH 200

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
  PangoTabArray *tabs;
  GdkRGBA quote_background;

  if (gtk_text_tag_table_lookup (table, PLENARY_SOURCE_STYLE_TAG_PREFIX "strong") != NULL)
    return;

  for (guint level = 1; level <= 6; level++)
    {
      g_autofree char *name = tag_name (PLENARY_SOURCE_STYLE_HEADING, level);

      gtk_text_buffer_create_tag (buffer, name,
                                  "weight", PANGO_WEIGHT_BOLD,
                                  "scale", heading_scales[level - 1],
                                  "pixels-above-lines", level <= 2 ? 12 : 6,
                                  "pixels-below-lines", 4,
                                  NULL);
    }
  gtk_text_buffer_create_tag (buffer, PLENARY_SOURCE_STYLE_TAG_PREFIX "strong", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, PLENARY_SOURCE_STYLE_TAG_PREFIX "emphasis", "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (buffer, PLENARY_SOURCE_STYLE_TAG_PREFIX "code", "family", "monospace", NULL);

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

  /* A row is a line, its cells separated by tabs: columns at fixed stops. */
  tabs = pango_tab_array_new (8, TRUE);
  for (int i = 0; i < 8; i++)
    pango_tab_array_set_tab (tabs, i, PANGO_TAB_LEFT, CELL_WIDTH * (i + 1));
  gtk_text_buffer_create_tag (buffer, PLENARY_SOURCE_STYLE_TAG_PREFIX "cell", "tabs", tabs, NULL);
  gtk_text_buffer_create_tag (buffer, PLENARY_SOURCE_STYLE_TAG_PREFIX "header-cell",
                              "tabs", tabs, "weight", PANGO_WEIGHT_BOLD, NULL);
  pango_tab_array_free (tabs);
}

void
plenary_source_styles_apply (GtkTextBuffer *buffer,
                             PlenarySource *source)
{
  GtkTextTagTable *table;
  const GArray *styles;
  GtkTextIter start, end;
  int length;

  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));
  g_return_if_fail (source == NULL || PLENARY_IS_SOURCE (source));

  if (source == NULL)
    return;

  create_tags (buffer);
  table = gtk_text_buffer_get_tag_table (buffer);

  styles = plenary_source_get_styles (source);
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
    }
}
