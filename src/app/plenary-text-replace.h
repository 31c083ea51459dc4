/* plenary-text-replace.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Replaces [START, END) of BUFFER by TEXT as one user action; START and
 * END end up around the new text. Comments and citations keep their
 * words: text inserted at the edge of annotated words stays outside them
 * (plenary-annotations.c), so TEXT goes in the middle of the old text
 * before the old text goes. */
void plenary_text_buffer_replace (GtkTextBuffer *buffer,
                                  GtkTextIter   *start,
                                  GtkTextIter   *end,
                                  const char    *text);

G_END_DECLS
