/* plenary-source.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PLENARY_TYPE_SOURCE (plenary_source_get_type ())

G_DECLARE_FINAL_TYPE (PlenarySource, plenary_source, PLENARY, SOURCE, GObject)

/* A background document embedded in a draft. Properties: "id" (construct
 * only), "title" (read-write, notifies), "origin" (the file name it came
 * from), "media-type", "text" (full text, valid UTF-8). */

PlenarySource *plenary_source_new             (const char    *id,
                                               const char    *title,
                                               const char    *origin,
                                               const char    *media_type,
                                               const char    *text);
const char    *plenary_source_get_id          (PlenarySource *self);
const char    *plenary_source_get_title       (PlenarySource *self);
void           plenary_source_set_title       (PlenarySource *self,
                                               const char    *title);
const char    *plenary_source_get_origin      (PlenarySource *self);
const char    *plenary_source_get_media_type  (PlenarySource *self);
const char    *plenary_source_get_text        (PlenarySource *self);
/* Code-point offsets in the text where each page starts (PDF sources);
 * empty when the source has no pages. */
const GArray  *plenary_source_get_page_starts (PlenarySource *self);
void           plenary_source_set_page_starts (PlenarySource *self,
                                               const gint64  *starts,
                                               guint          n_starts);
/* 1-based page holding code point OFFSET, or 0 when the source has no pages. */
guint          plenary_source_get_page_at     (PlenarySource *self,
                                               gint64         offset);
JsonObject    *plenary_source_get_extra       (PlenarySource *self);
void           plenary_source_set_extra       (PlenarySource *self,
                                               JsonObject    *extra);

G_END_DECLS
