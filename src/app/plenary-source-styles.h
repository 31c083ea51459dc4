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
 * VIEW's buffer, which was just given its text: tags over the same
 * offsets, the text left as it is (table columns are measured in VIEW's
 * font). */
void plenary_source_styles_apply (GtkTextView   *view,
                                  PlenarySource *source);

G_END_DECLS
