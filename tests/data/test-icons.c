/* test-icons.c
 *
 * Copyright 2026 The Plenary developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the application icons as the desktop does: the SVG structure with
 * GMarkup, the pixels through gdk-pixbuf's SVG loader (librsvg).
 */

#define G_LOG_DOMAIN "plenary-test-icons"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <string.h>

#define SCALABLE_ICON "data/icons/hicolor/scalable/apps/org.plenary.Plenary.svg"
#define SYMBOLIC_ICON "data/icons/hicolor/symbolic/apps/org.plenary.Plenary-symbolic.svg"

typedef struct
{
  char       *view_box;
  char       *width;
  char       *height;
  GHashTable *ids;         /* every id="" in the file */
  GHashTable *references;  /* every url(#…) target */
  GHashTable *paints;      /* every fill/stroke/stop-color value */
  GHashTable *elements;    /* every element name */
} SvgInfo;

static void
svg_info_free (SvgInfo *info)
{
  g_free (info->view_box);
  g_free (info->width);
  g_free (info->height);
  g_hash_table_unref (info->ids);
  g_hash_table_unref (info->references);
  g_hash_table_unref (info->paints);
  g_hash_table_unref (info->elements);
  g_free (info);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SvgInfo, svg_info_free)

static void
note_paint (SvgInfo    *info,
            const char *value)
{
  const char *url = strstr (value, "url(#");

  if (url != NULL)
    {
      const char *start = url + strlen ("url(#");
      const char *end = strchr (start, ')');

      g_assert_nonnull (end);
      g_hash_table_add (info->references, g_strndup (start, end - start));
    }
  else
    g_hash_table_add (info->paints, g_ascii_strdown (value, -1));
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element_name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  SvgInfo *info = user_data;

  g_hash_table_add (info->elements, g_strdup (element_name));

  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      const char *name = attribute_names[i];
      const char *value = attribute_values[i];

      if (g_str_equal (element_name, "svg") && g_str_equal (name, "viewBox"))
        info->view_box = g_strdup (value);
      else if (g_str_equal (element_name, "svg") && g_str_equal (name, "width"))
        info->width = g_strdup (value);
      else if (g_str_equal (element_name, "svg") && g_str_equal (name, "height"))
        info->height = g_strdup (value);
      else if (g_str_equal (name, "id"))
        g_hash_table_add (info->ids, g_strdup (value));
      else if (g_str_equal (name, "fill") || g_str_equal (name, "stroke") ||
               g_str_equal (name, "stop-color") || g_str_equal (name, "clip-path"))
        note_paint (info, value);
      else if (g_str_equal (name, "style"))
        g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                     "style attribute on <%s>: use presentation attributes", element_name);
    }
}

static SvgInfo *
read_svg (const char *relative_path)
{
  g_autofree char *path = g_build_filename (g_getenv ("PLENARY_SOURCE_ROOT"), relative_path, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  static const GMarkupParser parser = { .start_element = start_element };
  SvgInfo *info = g_new0 (SvgInfo, 1);
  gsize length;

  info->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  info->references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  info->paints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  info->elements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, info, NULL);
  g_markup_parse_context_parse (context, contents, length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);

  return info;
}

static GdkPixbuf *
render_svg (const char *relative_path,
            int         size)
{
  g_autofree char *path = g_build_filename (g_getenv ("PLENARY_SOURCE_ROOT"), relative_path, NULL);
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf;

  pixbuf = gdk_pixbuf_new_from_file_at_size (path, size, size, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, size);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, size);
  g_assert_true (gdk_pixbuf_get_has_alpha (pixbuf));
  g_assert_cmpint (gdk_pixbuf_get_n_channels (pixbuf), ==, 4);

  return pixbuf;
}

static const guchar *
pixel_at (GdkPixbuf *pixbuf,
          int        x,
          int        y)
{
  return gdk_pixbuf_read_pixels (pixbuf) + y * gdk_pixbuf_get_rowstride (pixbuf) + x * 4;
}

static void
assert_references_resolve (SvgInfo *info)
{
  GHashTableIter iter;
  const char *target;

  g_hash_table_iter_init (&iter, info->references);
  while (g_hash_table_iter_next (&iter, (gpointer *) &target, NULL))
    if (!g_hash_table_contains (info->ids, target))
      g_error ("url(#%s) refers to no element", target);
}

static void
assert_no_raster_or_text (SvgInfo *info)
{
  /* An embedded bitmap does not scale; text depends on installed fonts. */
  g_assert_false (g_hash_table_contains (info->elements, "image"));
  g_assert_false (g_hash_table_contains (info->elements, "text"));
  g_assert_false (g_hash_table_contains (info->elements, "filter"));
}

static void
test_scalable_structure (void)
{
  g_autoptr(SvgInfo) info = read_svg (SCALABLE_ICON);

  g_assert_cmpstr (info->view_box, ==, "0 0 128 128");
  g_assert_cmpstr (info->width, ==, "128");
  g_assert_cmpstr (info->height, ==, "128");
  assert_references_resolve (info);
  assert_no_raster_or_text (info);
}

static void
test_scalable_pixels (void)
{
  g_autoptr(GdkPixbuf) pixbuf = render_svg (SCALABLE_ICON, 128);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  int min_x = 128, min_y = 128, max_x = -1, max_y = -1;
  guint opaque = 0;

  for (int y = 0; y < 128; y++)
    for (int x = 0; x < 128; x++)
      {
        const guchar *p = pixel_at (pixbuf, x, y);

        if (p[3] == 0)
          continue;

        min_x = MIN (min_x, x);
        min_y = MIN (min_y, y);
        max_x = MAX (max_x, x);
        max_y = MAX (max_y, y);

        if (p[3] == 255)
          {
            opaque++;
            /* Colours to 4 bits a channel, so that gradients count once or twice. */
            g_hash_table_add (colours, GUINT_TO_POINTER ((p[0] >> 4) << 8 | (p[1] >> 4) << 4 | p[2] >> 4));
          }
      }

  /* An object on a transparent canvas, not a filled square, and nothing
   * cut off by the edges of the canvas. */
  g_assert_cmpint (pixel_at (pixbuf, 0, 0)[3], ==, 0);
  g_assert_cmpint (pixel_at (pixbuf, 127, 0)[3], ==, 0);
  g_assert_cmpint (pixel_at (pixbuf, 0, 127)[3], ==, 0);
  g_assert_cmpint (pixel_at (pixbuf, 127, 127)[3], ==, 0);
  g_assert_cmpint (min_x, >=, 4);
  g_assert_cmpint (min_y, >=, 4);
  g_assert_cmpint (max_x, <=, 123);
  g_assert_cmpint (max_y, <=, 123);

  /* Big enough to be seen beside other applications' icons. */
  g_assert_cmpint (max_x - min_x, >=, 72);
  g_assert_cmpint (max_y - min_y, >=, 96);
  g_assert_cmpuint (opaque, >=, 128 * 128 / 3);

  /* A drawing, not a flat shape. */
  g_assert_cmpuint (g_hash_table_size (colours), >=, 8);
}

static void
test_symbolic_structure (void)
{
  g_autoptr(SvgInfo) info = read_svg (SYMBOLIC_ICON);
  GHashTableIter iter;
  const char *paint;

  g_assert_cmpstr (info->view_box, ==, "0 0 16 16");
  g_assert_cmpstr (info->width, ==, "16");
  g_assert_cmpstr (info->height, ==, "16");
  assert_references_resolve (info);
  assert_no_raster_or_text (info);
  /* GTK recolours symbolic icons: one flat foreground colour, no gradients. */
  g_assert_false (g_hash_table_contains (info->elements, "linearGradient"));
  g_assert_false (g_hash_table_contains (info->elements, "radialGradient"));

  g_hash_table_iter_init (&iter, info->paints);
  while (g_hash_table_iter_next (&iter, (gpointer *) &paint, NULL))
    if (!g_str_equal (paint, "#241f31") && !g_str_equal (paint, "#2e3436") &&
        !g_str_equal (paint, "none"))
      g_error ("symbolic icon paints with %s", paint);
}

static void
test_symbolic_pixels (void)
{
  for (int size = 16; size <= 32; size += 16)
    {
      g_autoptr(GdkPixbuf) pixbuf = render_svg (SYMBOLIC_ICON, size);
      guint covered = 0;

      for (int y = 0; y < size; y++)
        for (int x = 0; x < size; x++)
          {
            const guchar *p = pixel_at (pixbuf, x, y);

            if (p[3] < 128)
              continue;

            covered++;
            /* #241f31 */
            g_assert_cmpint (ABS (p[0] - 0x24), <=, 2);
            g_assert_cmpint (ABS (p[1] - 0x1f), <=, 2);
            g_assert_cmpint (ABS (p[2] - 0x31), <=, 2);
          }

      /* Legible: neither a speck nor a blot. */
      g_assert_cmpuint (covered, >=, size * size / 4);
      g_assert_cmpuint (covered, <=, size * size * 3 / 4);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (g_getenv ("PLENARY_SOURCE_ROOT"));

  g_test_add_func ("/icons/scalable/structure", test_scalable_structure);
  g_test_add_func ("/icons/scalable/pixels", test_scalable_pixels);
  g_test_add_func ("/icons/symbolic/structure", test_symbolic_structure);
  g_test_add_func ("/icons/symbolic/pixels", test_symbolic_pixels);

  return g_test_run ();
}
