/* plenary-text-replace.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-text-replace"

#include "config.h"

#include "plenary-text-replace.h"

void
plenary_text_buffer_replace (GtkTextBuffer *buffer,
                             GtkTextIter   *start,
                             GtkTextIter   *end,
                             const char    *text)
{
  int offset, old_length, new_length;
  GtkTextIter iter;

  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));
  g_return_if_fail (text != NULL);

  gtk_text_iter_order (start, end);
  offset = gtk_text_iter_get_offset (start);
  old_length = gtk_text_iter_get_offset (end) - offset;
  new_length = g_utf8_strlen (text, -1);

  gtk_text_buffer_begin_user_action (buffer);
  if (old_length < 2)
    {
      /* No middle: at the start. */
      gtk_text_buffer_delete (buffer, start, end);
      gtk_text_buffer_insert (buffer, start, text, -1);
    }
  else
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset + 1);
      gtk_text_buffer_insert (buffer, &iter, text, -1);
      gtk_text_buffer_get_iter_at_offset (buffer, start, offset);
      gtk_text_buffer_get_iter_at_offset (buffer, end, offset + 1);
      gtk_text_buffer_delete (buffer, start, end);
      gtk_text_buffer_get_iter_at_offset (buffer, start, offset + new_length);
      gtk_text_buffer_get_iter_at_offset (buffer, end, offset + new_length + old_length - 1);
      gtk_text_buffer_delete (buffer, start, end);
    }
  gtk_text_buffer_end_user_action (buffer);

  gtk_text_buffer_get_iter_at_offset (buffer, start, offset);
  gtk_text_buffer_get_iter_at_offset (buffer, end, offset + new_length);
}
