/* plenary-pdf-page-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-pdf-page-text"

#include "config.h"

#include <string.h>

#include "plenary-pdf-page-text.h"

struct _PlenaryPdfPageText
{
  char             *text;
  guint             length;
  /* One per code point of TEXT; a zero-sized one for a character poppler
   * placed nowhere (line breaks). */
  PopplerRectangle *rects;
};

/* The stored text of RAW; SOURCE_INDEX (when not NULL) receives, for each
 * code point of the result, the index of the code point of RAW it comes
 * from: what poppler's text layout is indexed by. */
static char *
normalize (const char *raw,
           GArray     *source_index)
{
  g_autofree char *valid = NULL;
  GString *out;
  guint index = 0;
  const char *p;

  /* Invalid sequences are replaced one for one, so indices may drift only
   * in a PDF whose text poppler could not decode. */
  if (!g_utf8_validate (raw, -1, NULL))
    raw = valid = g_utf8_make_valid (raw, -1);

  out = g_string_sized_new (strlen (raw));
  for (p = raw; *p != '\0'; p = g_utf8_next_char (p), index++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (source_index != NULL)
            g_array_append_val (source_index, index);
          /* CR LF: one line break. */
          if (p[1] == '\n')
            {
              p++;
              index++;
            }
          continue;
        }

      g_string_append_len (out, p, g_utf8_next_char (p) - p);
      if (source_index != NULL)
        g_array_append_val (source_index, index);
    }

  while (out->len > 0 && out->str[out->len - 1] == '\n')
    {
      g_string_truncate (out, out->len - 1);
      if (source_index != NULL)
        g_array_set_size (source_index, source_index->len - 1);
    }

  return g_string_free (out, FALSE);
}

char *
plenary_pdf_page_text_extract (PopplerPage *page)
{
  g_autofree char *raw = NULL;

  if (page == NULL || (raw = poppler_page_get_text (page)) == NULL)
    return g_strdup ("");

  return normalize (raw, NULL);
}

PlenaryPdfPageText *
plenary_pdf_page_text_new (PopplerPage *page)
{
  PlenaryPdfPageText *self = g_new0 (PlenaryPdfPageText, 1);
  g_autoptr(GArray) source_index = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *raw = NULL;
  PopplerRectangle *layout = NULL;
  guint n_layout = 0;

  g_return_val_if_fail (page == NULL || POPPLER_IS_PAGE (page), self);

  if (page == NULL || (raw = poppler_page_get_text (page)) == NULL)
    raw = g_strdup ("");

  self->text = normalize (raw, source_index);
  self->length = source_index->len;
  self->rects = g_new0 (PopplerRectangle, MAX (self->length, 1));

  if (page != NULL && poppler_page_get_text_layout (page, &layout, &n_layout))
    {
      const char *p = self->text;

      for (guint i = 0; i < self->length; i++, p = g_utf8_next_char (p))
        {
          guint from = g_array_index (source_index, guint, i);

          if (from < n_layout && *p != '\n')
            self->rects[i] = layout[from];
        }
    }
  g_free (layout);

  return self;
}

void
plenary_pdf_page_text_free (PlenaryPdfPageText *self)
{
  if (self == NULL)
    return;

  g_free (self->text);
  g_free (self->rects);
  g_free (self);
}

const char *
plenary_pdf_page_text_get_text (PlenaryPdfPageText *self)
{
  return self->text;
}

guint
plenary_pdf_page_text_get_length (PlenaryPdfPageText *self)
{
  return self->length;
}

static gboolean
rect_is_empty (const PopplerRectangle *r)
{
  return r->x2 <= r->x1 || r->y2 <= r->y1;
}

GArray *
plenary_pdf_page_text_get_rects (PlenaryPdfPageText *self,
                                 guint               start,
                                 guint               end)
{
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (PopplerRectangle));
  PopplerRectangle line = { 0, 0, 0, 0 };
  gboolean open = FALSE;

  end = MIN (end, self->length);
  for (guint i = start; i < end; i++)
    {
      const PopplerRectangle *r = &self->rects[i];
      double middle = (r->y1 + r->y2) / 2;

      if (rect_is_empty (r))
        continue;

      /* Same line: the character's middle within the line's height, and
       * not far back to the left (a new column). */
      if (open && middle >= line.y1 && middle <= line.y2 && r->x1 >= line.x1 - 1)
        {
          line.x1 = MIN (line.x1, r->x1);
          line.x2 = MAX (line.x2, r->x2);
          line.y1 = MIN (line.y1, r->y1);
          line.y2 = MAX (line.y2, r->y2);
          continue;
        }

      if (open)
        g_array_append_val (rects, line);
      line = *r;
      open = TRUE;
    }

  if (open)
    g_array_append_val (rects, line);

  return rects;
}

guint
plenary_pdf_page_text_get_offset_at (PlenaryPdfPageText *self,
                                     double              x,
                                     double              y)
{
  double best_dy = G_MAXDOUBLE, best_dx = G_MAXDOUBLE;
  guint best = 0;
  gboolean after = FALSE;

  /* Nearest line first, then nearest character on it. */
  for (guint i = 0; i < self->length; i++)
    {
      const PopplerRectangle *r = &self->rects[i];
      double dy, dx;

      if (rect_is_empty (r))
        continue;

      dy = y < r->y1 ? r->y1 - y : y > r->y2 ? y - r->y2 : 0;
      dx = x < r->x1 ? r->x1 - x : x > r->x2 ? x - r->x2 : 0;
      if (dy < best_dy - 0.5 || (dy <= best_dy + 0.5 && dx < best_dx))
        {
          best_dy = MIN (dy, best_dy);
          best_dx = dx;
          best = i;
          after = x > (r->x1 + r->x2) / 2;
        }
    }

  return best + (after ? 1 : 0);
}
