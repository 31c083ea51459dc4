/* test-pdf-page-text.c: where the text of a PDF page is on the page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "plenary-pdf-page-text.h"

static PopplerDocument *
make_pdf (const char *text)
{
  g_autofree char *dir = g_dir_make_tmp ("plenary-pdf-text-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "page.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("DejaVu Sans 10");
  PopplerDocument *document;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, 72, 100);
  pango_cairo_show_layout (cr, layout);
  cairo_show_page (cr);
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  document = poppler_document_new_from_file (uri, NULL, NULL);
  g_assert_nonnull (document);
  return document;
}

static void
test_text_and_places (void)
{
  PopplerDocument *document = make_pdf ("First line of the page.\nSecond line: coopération Sud-Sud.");
  PopplerPage *page = poppler_document_get_page (document, 0);
  g_autoptr(PlenaryPdfPageText) text = plenary_pdf_page_text_new (page);
  g_autofree char *stored = plenary_pdf_page_text_extract (page);
  const char *found;
  guint start, end;
  g_autoptr(GArray) rects = NULL;
  const PopplerRectangle *r;

  /* The same text the importer stores. */
  g_assert_cmpstr (plenary_pdf_page_text_get_text (text), ==, stored);
  g_assert_cmpuint (plenary_pdf_page_text_get_length (text), ==, g_utf8_strlen (stored, -1));
  g_assert_false (g_str_has_suffix (stored, "\n"));

  found = strstr (stored, "coopération");
  g_assert_nonnull (found);
  start = g_utf8_pointer_to_offset (stored, found);
  end = start + g_utf8_strlen ("coopération", -1);

  /* One rectangle, on the second line, right of the margin. */
  rects = plenary_pdf_page_text_get_rects (text, start, end);
  g_assert_cmpuint (rects->len, ==, 1);
  r = &g_array_index (rects, PopplerRectangle, 0);
  g_assert_cmpfloat (r->x1, >, 72);
  g_assert_cmpfloat (r->y1, >, 100);
  g_assert_cmpfloat (r->x2, >, r->x1);

  /* Back from the place to the offsets: the left edge is before the word,
   * the right edge after it. */
  g_assert_cmpuint (plenary_pdf_page_text_get_offset_at (text, r->x1 + 0.5, (r->y1 + r->y2) / 2), ==, start);
  g_assert_cmpuint (plenary_pdf_page_text_get_offset_at (text, r->x2 - 0.5, (r->y1 + r->y2) / 2), ==, end);

  /* Two lines: two rectangles. */
  g_clear_pointer (&rects, g_array_unref);
  rects = plenary_pdf_page_text_get_rects (text, 0, plenary_pdf_page_text_get_length (text));
  g_assert_cmpuint (rects->len, ==, 2);

  g_object_unref (page);
  g_object_unref (document);
}

static void
test_no_page (void)
{
  g_autoptr(PlenaryPdfPageText) text = plenary_pdf_page_text_new (NULL);
  g_autofree char *stored = plenary_pdf_page_text_extract (NULL);

  g_assert_cmpstr (stored, ==, "");
  g_assert_cmpuint (plenary_pdf_page_text_get_length (text), ==, 0);
  g_assert_cmpuint (plenary_pdf_page_text_get_offset_at (text, 10, 10), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pdf-page-text/text-and-places", test_text_and_places);
  g_test_add_func ("/pdf-page-text/no-page", test_no_page);
  return g_test_run ();
}
