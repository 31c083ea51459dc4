/* plenary-styled-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-styled-text"

#include "config.h"

#include "plenary-styled-text.h"

PlenaryStyledText *
plenary_styled_text_new (void)
{
  PlenaryStyledText *self = g_new0 (PlenaryStyledText, 1);

  self->text = g_string_new (NULL);
  self->styles = g_array_new (FALSE, FALSE, sizeof (PlenarySourceStyle));
  return self;
}

void
plenary_styled_text_free (PlenaryStyledText *self)
{
  if (self == NULL)
    return;
  g_string_free (self->text, TRUE);
  g_array_unref (self->styles);
  g_free (self);
}

gint64
plenary_styled_text_offset (PlenaryStyledText *self)
{
  /* The text may have been cut since (a trailing space or line break). */
  if (self->counted_bytes > self->text->len)
    {
      self->counted_bytes = 0;
      self->counted_chars = 0;
    }
  self->counted_chars += g_utf8_strlen (self->text->str + self->counted_bytes,
                                        self->text->len - self->counted_bytes);
  self->counted_bytes = self->text->len;
  return self->counted_chars;
}

guint
plenary_styled_text_open (PlenaryStyledText      *self,
                          PlenarySourceStyleKind  kind,
                          guint                   level)
{
  PlenarySourceStyle style = { plenary_styled_text_offset (self), -1, kind, level };

  g_array_append_val (self->styles, style);
  return self->styles->len - 1;
}

void
plenary_styled_text_close (PlenaryStyledText *self,
                           guint              handle)
{
  g_return_if_fail (handle < self->styles->len);

  gint64 end = plenary_styled_text_offset (self);

  /* A block's line break is between it and the next, not in it. */
  for (gsize i = self->text->len; i > 0 && self->text->str[i - 1] == '\n'; i--)
    end--;
  g_array_index (self->styles, PlenarySourceStyle, handle).end = end;
}

void
plenary_styled_text_end_line (PlenaryStyledText *self)
{
  if (self->text->len > 0 && self->text->str[self->text->len - 1] != '\n')
    g_string_append_c (self->text, '\n');
}

static int
compare_starts (gconstpointer a,
                gconstpointer b)
{
  const PlenarySourceStyle *x = a;
  const PlenarySourceStyle *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

char *
plenary_styled_text_finish (PlenaryStyledText  *self,
                            GArray            **styles)
{
  g_autoptr(GArray) kept = g_array_sized_new (FALSE, FALSE, sizeof (PlenarySourceStyle), self->styles->len);
  gint64 length;
  char *text;

  while (self->text->len > 0 && self->text->str[self->text->len - 1] == '\n')
    g_string_truncate (self->text, self->text->len - 1);
  length = plenary_styled_text_offset (self);

  for (guint i = 0; i < self->styles->len; i++)
    {
      PlenarySourceStyle style = g_array_index (self->styles, PlenarySourceStyle, i);

      if (style.end < 0 || style.end > length)
        style.end = length;
      if (style.start < style.end)
        g_array_append_val (kept, style);
    }
  /* Stable (GLib ≥ 2.32): a list item stays before the emphasis it holds. */
  g_array_sort (kept, compare_starts);
  *styles = g_steal_pointer (&kept);

  text = g_string_free (g_steal_pointer (&self->text), FALSE);
  g_array_unref (self->styles);
  g_free (self);
  return text;
}
