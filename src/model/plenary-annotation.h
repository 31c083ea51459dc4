/* plenary-annotation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "plenary-anchor.h"

G_BEGIN_DECLS

typedef enum
{
  PLENARY_ANNOTATION_COMMENT,    /* a comment thread on the draft or a source */
  PLENARY_ANNOTATION_HIGHLIGHT,  /* a coloured passage of a source, optional note */
  PLENARY_ANNOTATION_CITATION,   /* a marker in the draft linked to a source passage */
} PlenaryAnnotationKind;

#define PLENARY_TYPE_REPLY (plenary_reply_get_type ())

typedef struct _PlenaryReply
{
  char       *author;
  char       *created;   /* ISO 8601 */
  char       *text;
  JsonObject *extra;
} PlenaryReply;

GType         plenary_reply_get_type (void) G_GNUC_CONST;
PlenaryReply *plenary_reply_new      (const char         *author,
                                      const char         *created,
                                      const char         *text);
PlenaryReply *plenary_reply_copy     (const PlenaryReply *self);
void          plenary_reply_free     (PlenaryReply       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlenaryReply, plenary_reply_free)

#define PLENARY_TYPE_ANNOTATION (plenary_annotation_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryAnnotation, plenary_annotation, PLENARY, ANNOTATION, GObject)

/* Properties (all notify): "id" (construct only), "kind" (construct only),
 * "anchor" (PlenaryAnchor, where it sits: for a citation, the marker in the
 * draft), "source-anchor" (citations only: the quoted passage of the source),
 * "note", "author", "created", "modified", "resolved", "category" (highlight
 * colour name), "show-quote" (citations), "orphan" (runtime only: could not be
 * placed on load; never saved, the stored anchor is written back as it was). */

PlenaryAnnotation     *plenary_annotation_new               (const char            *id,
                                                             PlenaryAnnotationKind  kind,
                                                             PlenaryAnchor         *anchor);
const char            *plenary_annotation_get_id            (PlenaryAnnotation     *self);
PlenaryAnnotationKind  plenary_annotation_get_kind          (PlenaryAnnotation     *self);
PlenaryAnchor         *plenary_annotation_get_anchor        (PlenaryAnnotation     *self);
void                   plenary_annotation_set_anchor        (PlenaryAnnotation     *self,
                                                             PlenaryAnchor         *anchor);
PlenaryAnchor         *plenary_annotation_get_source_anchor (PlenaryAnnotation     *self);
void                   plenary_annotation_set_source_anchor (PlenaryAnnotation     *self,
                                                             PlenaryAnchor         *anchor);
const char            *plenary_annotation_get_note          (PlenaryAnnotation     *self);
void                   plenary_annotation_set_note          (PlenaryAnnotation     *self,
                                                             const char            *note);
const char            *plenary_annotation_get_author        (PlenaryAnnotation     *self);
void                   plenary_annotation_set_author        (PlenaryAnnotation     *self,
                                                             const char            *author);
const char            *plenary_annotation_get_created       (PlenaryAnnotation     *self);
void                   plenary_annotation_set_created       (PlenaryAnnotation     *self,
                                                             const char            *created);
const char            *plenary_annotation_get_modified      (PlenaryAnnotation     *self);
void                   plenary_annotation_set_modified      (PlenaryAnnotation     *self,
                                                             const char            *modified);
gboolean               plenary_annotation_get_resolved      (PlenaryAnnotation     *self);
void                   plenary_annotation_set_resolved      (PlenaryAnnotation     *self,
                                                             gboolean               resolved);
const char            *plenary_annotation_get_category      (PlenaryAnnotation     *self);
void                   plenary_annotation_set_category      (PlenaryAnnotation     *self,
                                                             const char            *category);
gboolean               plenary_annotation_get_show_quote    (PlenaryAnnotation     *self);
void                   plenary_annotation_set_show_quote    (PlenaryAnnotation     *self,
                                                             gboolean               show_quote);
gboolean               plenary_annotation_get_orphan        (PlenaryAnnotation     *self);
void                   plenary_annotation_set_orphan        (PlenaryAnnotation     *self,
                                                             gboolean               orphan);
/* PlenaryReply*, in order; never NULL. */
GPtrArray             *plenary_annotation_get_replies       (PlenaryAnnotation     *self);
void                   plenary_annotation_add_reply         (PlenaryAnnotation     *self,
                                                             PlenaryReply          *reply);
JsonObject            *plenary_annotation_get_extra         (PlenaryAnnotation     *self);
void                   plenary_annotation_set_extra         (PlenaryAnnotation     *self,
                                                             JsonObject            *extra);
/* Unknown JSON members of the "target" object (SOURCE_ANCHOR FALSE) or of the
 * "citation" object (TRUE), kept for round trip; may be NULL. Their member
 * "selector", when present, is an array holding the unknown members of the
 * known selectors (with their "type") and whole selectors of unknown types. */
JsonObject            *plenary_annotation_get_anchor_extra  (PlenaryAnnotation     *self,
                                                             gboolean               source_anchor);
void                   plenary_annotation_set_anchor_extra  (PlenaryAnnotation     *self,
                                                             gboolean               source_anchor,
                                                             JsonObject            *extra);

const char            *plenary_annotation_kind_to_string    (PlenaryAnnotationKind  kind);
gboolean               plenary_annotation_kind_from_string  (const char            *str,
                                                             PlenaryAnnotationKind *kind);

G_END_DECLS
