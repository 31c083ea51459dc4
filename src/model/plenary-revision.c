/* plenary-revision.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-revision"

#include "config.h"

#include "plenary-revision.h"

struct _PlenaryRevision
{
  GObject          parent_instance;

  char            *id;
  char            *name;
  GDateTime       *created;
  char            *author;
  PlenaryMetadata *metadata;
  PlenaryBody     *body;
};

G_DEFINE_FINAL_TYPE (PlenaryRevision, plenary_revision, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CREATED,
  PROP_AUTHOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
plenary_revision_finalize (GObject *object)
{
  PlenaryRevision *self = (PlenaryRevision *)object;

  g_free (self->id);
  g_free (self->name);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_free (self->author);
  g_clear_object (&self->metadata);
  g_clear_pointer (&self->body, plenary_body_unref);

  G_OBJECT_CLASS (plenary_revision_parent_class)->finalize (object);
}

static void
plenary_revision_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlenaryRevision *self = PLENARY_REVISION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_revision_class_init (PlenaryRevisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plenary_revision_finalize;
  object_class->get_property = plenary_revision_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plenary_revision_init (PlenaryRevision *self)
{
}

PlenaryRevision *
plenary_revision_new (const char      *id,
                      const char      *name,
                      GDateTime       *created,
                      const char      *author,
                      PlenaryMetadata *metadata,
                      PlenaryBody     *body)
{
  PlenaryRevision *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (created != NULL, NULL);
  g_return_val_if_fail (PLENARY_IS_METADATA (metadata), NULL);
  g_return_val_if_fail (body != NULL, NULL);

  self = g_object_new (PLENARY_TYPE_REVISION, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->created = g_date_time_ref (created);
  self->author = g_strdup (author != NULL ? author : "");
  self->metadata = g_object_ref (metadata);
  self->body = plenary_body_ref (body);

  return self;
}

const char *
plenary_revision_get_id (PlenaryRevision *self)
{
  g_return_val_if_fail (PLENARY_IS_REVISION (self), NULL);

  return self->id;
}

const char *
plenary_revision_get_name (PlenaryRevision *self)
{
  g_return_val_if_fail (PLENARY_IS_REVISION (self), NULL);

  return self->name;
}

GDateTime *
plenary_revision_get_created (PlenaryRevision *self)
{
  g_return_val_if_fail (PLENARY_IS_REVISION (self), NULL);

  return self->created;
}

const char *
plenary_revision_get_author (PlenaryRevision *self)
{
  g_return_val_if_fail (PLENARY_IS_REVISION (self), NULL);

  return self->author;
}

PlenaryMetadata *
plenary_revision_get_metadata (PlenaryRevision *self)
{
  g_return_val_if_fail (PLENARY_IS_REVISION (self), NULL);

  return self->metadata;
}

PlenaryBody *
plenary_revision_get_body (PlenaryRevision *self)
{
  g_return_val_if_fail (PLENARY_IS_REVISION (self), NULL);

  return self->body;
}

PlenaryMetadata *
plenary_metadata_dup (PlenaryMetadata *metadata)
{
  const char * const *fields = plenary_metadata_list_string_fields ();
  PlenaryMetadata *copy;
  JsonObject *extra;

  g_return_val_if_fail (PLENARY_IS_METADATA (metadata), NULL);

  copy = plenary_metadata_new ();
  for (guint i = 0; fields[i] != NULL; i++)
    plenary_metadata_set_string (copy, fields[i], plenary_metadata_get_string (metadata, fields[i]));
  plenary_metadata_set_co_sponsors (copy, plenary_metadata_get_co_sponsors (metadata));
  plenary_metadata_set_signatories (copy, plenary_metadata_get_signatories (metadata));
  plenary_metadata_set_page_limit (copy, plenary_metadata_get_page_limit (metadata));
  /* Unknown members are never edited after decoding: shared. */
  if ((extra = plenary_metadata_get_extra (metadata)) != NULL)
    plenary_metadata_set_extra (copy, extra);

  return copy;
}
