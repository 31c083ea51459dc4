/* plenary-annotation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-annotation"

#include "config.h"

#include <string.h>

#include "plenary-enum-nick.h"
#include "plenary-model-enums.h"
#include "plenary-annotation.h"

G_DEFINE_BOXED_TYPE (PlenaryReply, plenary_reply, plenary_reply_copy, plenary_reply_free)

PlenaryReply *
plenary_reply_new (const char *author,
                   const char *created,
                   const char *text)
{
  PlenaryReply *self = g_new0 (PlenaryReply, 1);

  self->author = g_strdup (author != NULL ? author : "");
  self->created = g_strdup (created != NULL ? created : "");
  self->text = g_strdup (text != NULL ? text : "");

  return self;
}

PlenaryReply *
plenary_reply_copy (const PlenaryReply *self)
{
  PlenaryReply *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = plenary_reply_new (self->author, self->created, self->text);
  if (self->extra != NULL)
    copy->extra = json_object_ref (self->extra);

  return copy;
}

void
plenary_reply_free (PlenaryReply *self)
{
  if (self == NULL)
    return;

  g_free (self->author);
  g_free (self->created);
  g_free (self->text);
  g_clear_pointer (&self->extra, json_object_unref);
  g_free (self);
}

struct _PlenaryAnnotation
{
  GObject                parent_instance;

  char                  *id;
  PlenaryAnnotationKind  kind;
  PlenaryAnchor         *anchor;
  PlenaryAnchor         *source_anchor;
  char                  *note;
  char                  *author;
  char                  *created;
  char                  *modified;
  char                  *category;
  GPtrArray             *replies;
  JsonObject            *extra;
  JsonObject            *anchor_extra;
  JsonObject            *source_anchor_extra;
  guint                  resolved : 1;
  guint                  show_quote : 1;
  guint                  orphan : 1;
};

G_DEFINE_FINAL_TYPE (PlenaryAnnotation, plenary_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_ANCHOR,
  PROP_SOURCE_ANCHOR,
  PROP_NOTE,
  PROP_AUTHOR,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_RESOLVED,
  PROP_CATEGORY,
  PROP_SHOW_QUOTE,
  PROP_ORPHAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
plenary_annotation_finalize (GObject *object)
{
  PlenaryAnnotation *self = (PlenaryAnnotation *)object;

  g_free (self->id);
  g_clear_pointer (&self->anchor, plenary_anchor_unref);
  g_clear_pointer (&self->source_anchor, plenary_anchor_unref);
  g_free (self->note);
  g_free (self->author);
  g_free (self->created);
  g_free (self->modified);
  g_free (self->category);
  g_ptr_array_unref (self->replies);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->anchor_extra, json_object_unref);
  g_clear_pointer (&self->source_anchor_extra, json_object_unref);

  G_OBJECT_CLASS (plenary_annotation_parent_class)->finalize (object);
}

static void
plenary_annotation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PlenaryAnnotation *self = PLENARY_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_ANCHOR:
      g_value_set_boxed (value, self->anchor);
      break;

    case PROP_SOURCE_ANCHOR:
      g_value_set_boxed (value, self->source_anchor);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;

    case PROP_MODIFIED:
      g_value_set_string (value, self->modified);
      break;

    case PROP_RESOLVED:
      g_value_set_boolean (value, self->resolved);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_SHOW_QUOTE:
      g_value_set_boolean (value, self->show_quote);
      break;

    case PROP_ORPHAN:
      g_value_set_boolean (value, self->orphan);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_annotation_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PlenaryAnnotation *self = PLENARY_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (self->id);
      self->id = g_value_dup_string (value);
      if (self->id == NULL)
        self->id = g_strdup ("");
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_ANCHOR:
      plenary_annotation_set_anchor (self, g_value_get_boxed (value));
      break;

    case PROP_SOURCE_ANCHOR:
      plenary_annotation_set_source_anchor (self, g_value_get_boxed (value));
      break;

    case PROP_NOTE:
      plenary_annotation_set_note (self, g_value_get_string (value));
      break;

    case PROP_AUTHOR:
      plenary_annotation_set_author (self, g_value_get_string (value));
      break;

    case PROP_CREATED:
      plenary_annotation_set_created (self, g_value_get_string (value));
      break;

    case PROP_MODIFIED:
      plenary_annotation_set_modified (self, g_value_get_string (value));
      break;

    case PROP_RESOLVED:
      plenary_annotation_set_resolved (self, g_value_get_boolean (value));
      break;

    case PROP_CATEGORY:
      plenary_annotation_set_category (self, g_value_get_string (value));
      break;

    case PROP_SHOW_QUOTE:
      plenary_annotation_set_show_quote (self, g_value_get_boolean (value));
      break;

    case PROP_ORPHAN:
      plenary_annotation_set_orphan (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_annotation_class_init (PlenaryAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = plenary_annotation_finalize;
  object_class->get_property = plenary_annotation_get_property;
  object_class->set_property = plenary_annotation_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, PLENARY_TYPE_ANNOTATION_KIND,
                       PLENARY_ANNOTATION_COMMENT,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ANCHOR] =
    g_param_spec_boxed ("anchor", NULL, NULL, PLENARY_TYPE_ANCHOR, rw);

  properties[PROP_SOURCE_ANCHOR] =
    g_param_spec_boxed ("source-anchor", NULL, NULL, PLENARY_TYPE_ANCHOR, rw);

  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", rw);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, "", rw);
  properties[PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, "", rw);
  properties[PROP_MODIFIED] = g_param_spec_string ("modified", NULL, NULL, "", rw);
  properties[PROP_RESOLVED] = g_param_spec_boolean ("resolved", NULL, NULL, FALSE, rw);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, "", rw);
  properties[PROP_SHOW_QUOTE] = g_param_spec_boolean ("show-quote", NULL, NULL, TRUE, rw);
  properties[PROP_ORPHAN] = g_param_spec_boolean ("orphan", NULL, NULL, FALSE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plenary_annotation_init (PlenaryAnnotation *self)
{
  self->id = g_strdup ("");
  self->note = g_strdup ("");
  self->author = g_strdup ("");
  self->created = g_strdup ("");
  self->modified = g_strdup ("");
  self->category = g_strdup ("");
  self->show_quote = TRUE;
  self->replies = g_ptr_array_new_with_free_func ((GDestroyNotify) plenary_reply_free);
}

PlenaryAnnotation *
plenary_annotation_new (const char            *id,
                        PlenaryAnnotationKind  kind,
                        PlenaryAnchor         *anchor)
{
  PlenaryAnnotation *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (kind <= PLENARY_ANNOTATION_CITATION, NULL);

  self = g_object_new (PLENARY_TYPE_ANNOTATION,
                       "id", id,
                       "kind", kind,
                       NULL);

  /* Never NULL, so that every annotation has a place to be written. */
  if (anchor != NULL)
    self->anchor = plenary_anchor_ref (anchor);
  else
    self->anchor = plenary_anchor_new (PLENARY_ANCHOR_TARGET_DRAFT, "", "", "", 0, 0);

  return self;
}

const char *
plenary_annotation_get_id (PlenaryAnnotation *self)
{
  g_return_val_if_fail (PLENARY_IS_ANNOTATION (self), NULL);

  return self->id;
}

PlenaryAnnotationKind
plenary_annotation_get_kind (PlenaryAnnotation *self)
{
  g_return_val_if_fail (PLENARY_IS_ANNOTATION (self), 0);

  return self->kind;
}

static gboolean
set_anchor (PlenaryAnnotation  *self,
            PlenaryAnchor     **field,
            PlenaryAnchor      *anchor,
            GParamSpec         *pspec)
{
  if (*field == anchor)
    return FALSE;

  if (anchor != NULL)
    plenary_anchor_ref (anchor);
  g_clear_pointer (field, plenary_anchor_unref);
  *field = anchor;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);

  return TRUE;
}

PlenaryAnchor *
plenary_annotation_get_anchor (PlenaryAnnotation *self)
{
  g_return_val_if_fail (PLENARY_IS_ANNOTATION (self), NULL);

  return self->anchor;
}

void
plenary_annotation_set_anchor (PlenaryAnnotation *self,
                               PlenaryAnchor     *anchor)
{
  g_return_if_fail (PLENARY_IS_ANNOTATION (self));
  g_return_if_fail (anchor != NULL);

  set_anchor (self, &self->anchor, anchor, properties[PROP_ANCHOR]);
}

PlenaryAnchor *
plenary_annotation_get_source_anchor (PlenaryAnnotation *self)
{
  g_return_val_if_fail (PLENARY_IS_ANNOTATION (self), NULL);

  return self->source_anchor;
}

void
plenary_annotation_set_source_anchor (PlenaryAnnotation *self,
                                      PlenaryAnchor     *anchor)
{
  g_return_if_fail (PLENARY_IS_ANNOTATION (self));

  set_anchor (self, &self->source_anchor, anchor, properties[PROP_SOURCE_ANCHOR]);
}

static void
set_string (PlenaryAnnotation  *self,
            char              **field,
            const char         *value,
            GParamSpec         *pspec)
{
  if (value == NULL)
    value = "";
  if (strcmp (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

const char *
plenary_annotation_get_note (PlenaryAnnotation *self)
{
  g_return_val_if_fail (PLENARY_IS_ANNOTATION (self), NULL);

  return self->note;
}

void
plenary_annotation_set_note (PlenaryAnnotation *self,
                             const char        *note)
{
  g_return_if_fail (PLENARY_IS_ANNOTATION (self));

  set_string (self, &self->note, note, properties[PROP_NOTE]);
}

const char *
plenary_annotation_get_author (PlenaryAnnotation *self)
{
  g_return_val_if_fail (PLENARY_IS_ANNOTATION (self), NULL);

  return self->author;
}

void
plenary_annotation_set_author (PlenaryAnnotation *self,
                               const char        *author)
{
  g_return_if_fail (PLENARY_IS_ANNOTATION (self));

  set_string (self, &self->author, author, properties[PROP_AUTHOR]);
}

const char *
plenary_annotation_get_created (PlenaryAnnotation *self)
{
  g_return_val_if_fail (PLENARY_IS_ANNOTATION (self), NULL);

  return self->created;
}

void
plenary_annotation_set_created (PlenaryAnnotation *self,
                                const char        *created)
{
  g_return_if_fail (PLENARY_IS_ANNOTATION (self));

  set_string (self, &self->created, created, properties[PROP_CREATED]);
}

const char *
plenary_annotation_get_modified (PlenaryAnnotation *self)
{
  g_return_val_if_fail (PLENARY_IS_ANNOTATION (self), NULL);

  return self->modified;
}

void
plenary_annotation_set_modified (PlenaryAnnotation *self,
                                 const char        *modified)
{
  g_return_if_fail (PLENARY_IS_ANNOTATION (self));

  set_string (self, &self->modified, modified, properties[PROP_MODIFIED]);
}

gboolean
plenary_annotation_get_resolved (PlenaryAnnotation *self)
{
  g_return_val_if_fail (PLENARY_IS_ANNOTATION (self), FALSE);

  return self->resolved;
}

void
plenary_annotation_set_resolved (PlenaryAnnotation *self,
                                 gboolean           resolved)
{
  g_return_if_fail (PLENARY_IS_ANNOTATION (self));

  resolved = !!resolved;
  if (self->resolved == (guint) resolved)
    return;

  self->resolved = resolved;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLVED]);
}

const char *
plenary_annotation_get_category (PlenaryAnnotation *self)
{
  g_return_val_if_fail (PLENARY_IS_ANNOTATION (self), NULL);

  return self->category;
}

void
plenary_annotation_set_category (PlenaryAnnotation *self,
                                 const char        *category)
{
  g_return_if_fail (PLENARY_IS_ANNOTATION (self));

  set_string (self, &self->category, category, properties[PROP_CATEGORY]);
}

gboolean
plenary_annotation_get_show_quote (PlenaryAnnotation *self)
{
  g_return_val_if_fail (PLENARY_IS_ANNOTATION (self), FALSE);

  return self->show_quote;
}

void
plenary_annotation_set_show_quote (PlenaryAnnotation *self,
                                   gboolean           show_quote)
{
  g_return_if_fail (PLENARY_IS_ANNOTATION (self));

  show_quote = !!show_quote;
  if (self->show_quote == (guint) show_quote)
    return;

  self->show_quote = show_quote;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_QUOTE]);
}

gboolean
plenary_annotation_get_orphan (PlenaryAnnotation *self)
{
  g_return_val_if_fail (PLENARY_IS_ANNOTATION (self), FALSE);

  return self->orphan;
}

void
plenary_annotation_set_orphan (PlenaryAnnotation *self,
                               gboolean           orphan)
{
  g_return_if_fail (PLENARY_IS_ANNOTATION (self));

  orphan = !!orphan;
  if (self->orphan == (guint) orphan)
    return;

  self->orphan = orphan;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORPHAN]);
}

GPtrArray *
plenary_annotation_get_replies (PlenaryAnnotation *self)
{
  g_return_val_if_fail (PLENARY_IS_ANNOTATION (self), NULL);

  return self->replies;
}

void
plenary_annotation_add_reply (PlenaryAnnotation *self,
                              PlenaryReply      *reply)
{
  g_return_if_fail (PLENARY_IS_ANNOTATION (self));
  g_return_if_fail (reply != NULL);

  g_ptr_array_add (self->replies, plenary_reply_copy (reply));
}

static void
replace_object (JsonObject **field,
                JsonObject  *object)
{
  if (object != NULL)
    json_object_ref (object);
  g_clear_pointer (field, json_object_unref);
  *field = object;
}

JsonObject *
plenary_annotation_get_extra (PlenaryAnnotation *self)
{
  g_return_val_if_fail (PLENARY_IS_ANNOTATION (self), NULL);

  return self->extra;
}

void
plenary_annotation_set_extra (PlenaryAnnotation *self,
                              JsonObject        *extra)
{
  g_return_if_fail (PLENARY_IS_ANNOTATION (self));

  replace_object (&self->extra, extra);
}

JsonObject *
plenary_annotation_get_anchor_extra (PlenaryAnnotation *self,
                                     gboolean           source_anchor)
{
  g_return_val_if_fail (PLENARY_IS_ANNOTATION (self), NULL);

  return source_anchor ? self->source_anchor_extra : self->anchor_extra;
}

void
plenary_annotation_set_anchor_extra (PlenaryAnnotation *self,
                                     gboolean           source_anchor,
                                     JsonObject        *extra)
{
  g_return_if_fail (PLENARY_IS_ANNOTATION (self));

  replace_object (source_anchor ? &self->source_anchor_extra : &self->anchor_extra, extra);
}

const char *
plenary_annotation_kind_to_string (PlenaryAnnotationKind value)
{
  return plenary_enum_to_nick (PLENARY_TYPE_ANNOTATION_KIND, value);
}

gboolean
plenary_annotation_kind_from_string (const char *str,
                                     PlenaryAnnotationKind *value)
{
  return plenary_enum_from_nick (PLENARY_TYPE_ANNOTATION_KIND, str, (int *) value);
}
