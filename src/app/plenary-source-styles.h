/* plenary-source-styles.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plenary-source.h"

G_BEGIN_DECLS

/* Tag of a style in a source's buffer: "plenary-style-heading-1",
 * "plenary-style-strong", "plenary-style-item-2"… */
#define PLENARY_SOURCE_STYLE_TAG_PREFIX "plenary-style-"

/* Shows SOURCE's styles (headings, emphasis, lists, quotes, tables) in
 * BUFFER, which was just given its text: tags over the same offsets, the
 * text left as it is. */
void plenary_source_styles_apply (GtkTextBuffer *buffer,
                                  PlenarySource *source);

G_END_DECLS
