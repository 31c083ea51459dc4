/* plenary-source-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plenary-draft.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_SOURCE_ROW (plenary_source_row_get_type ())

G_DECLARE_FINAL_TYPE (PlenarySourceRow, plenary_source_row, PLENARY, SOURCE_ROW, GtkWidget)

/* One source in the side panel: title, then size, pages, number of
 * annotations and file name, and a menu (open, rename, remove) going
 * through the "sources.*" actions of the panel with the source id as
 * target. Follows renames and annotations as they change. */
GtkWidget     *plenary_source_row_new              (void);
/* DRAFT and SOURCE both NULL to unbind. */
void           plenary_source_row_set_source       (PlenarySourceRow *self,
                                                    PlenaryDraft     *draft,
                                                    PlenarySource    *source);
PlenarySource *plenary_source_row_get_source       (PlenarySourceRow *self);

/* Annotations of DRAFT that sit on SOURCE: highlights and comments
 * anchored on it, citations quoting it. */
guint          plenary_source_count_annotations    (PlenaryDraft     *draft,
                                                    PlenarySource    *source);

G_END_DECLS
