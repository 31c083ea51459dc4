/* plenary-status-gutter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "plenary-document.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_STATUS_GUTTER (plenary_status_gutter_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryStatusGutter, plenary_status_gutter, PLENARY, STATUS_GUTTER, GtkSourceGutterRenderer)

/* The paragraph statuses of DOCUMENT in the left margin of its view: a
 * coloured bar beside each paragraph that has one, the status in its
 * tooltip. Left of the text's own margin, where the view draws the
 * paragraph numbers, so that the two never meet. */
GtkSourceGutterRenderer *plenary_status_gutter_new (PlenaryDocument *document);
/* The status drawn beside LINE of the buffer. */
PlenaryParagraphStatus   plenary_status_gutter_get_status (PlenaryStatusGutter *self,
                                                           guint                line);

G_END_DECLS
