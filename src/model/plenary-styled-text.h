/* plenary-styled-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "plenary-source.h"

G_BEGIN_DECLS

/* Builds the plain text of a formatted document (Markdown, a web page)
 * together with its styles (PlenarySourceStyle), whose offsets are code
 * points of that text. Readers append text to ->text directly or through
 * the functions below, and open and close styles around it. */
typedef struct
{
  GString *text;
  GArray  *styles;       /* PlenarySourceStyle, end -1 while open */
  /* Code points of text->str[0, counted_bytes), so that the offset of
   * the end is counted once, as text is appended. */
  gsize    counted_bytes;
  gint64   counted_chars;
} PlenaryStyledText;

PlenaryStyledText *plenary_styled_text_new    (void);
void               plenary_styled_text_free   (PlenaryStyledText      *self);
/* The code-point offset of the end of the text. */
gint64             plenary_styled_text_offset (PlenaryStyledText      *self);
/* Opens a style at the end of the text; returns its handle for _close(). */
guint              plenary_styled_text_open   (PlenaryStyledText      *self,
                                               PlenarySourceStyleKind  kind,
                                               guint                   level);
void               plenary_styled_text_close  (PlenaryStyledText      *self,
                                               guint                   handle);
/* Ends the text with at most one "\n" (or none when empty). */
void               plenary_styled_text_end_line (PlenaryStyledText    *self);
/* Ends the building: trailing line breaks go, styles left open end with
 * the text, empty ones are dropped, the rest are sorted by start. Returns
 * the text; STYLES gets the styles. Frees SELF. */
char              *plenary_styled_text_finish (PlenaryStyledText      *self,
                                               GArray                **styles);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlenaryStyledText, plenary_styled_text_free)

G_END_DECLS
