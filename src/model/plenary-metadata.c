/* plenary-metadata.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-metadata"

#include "config.h"

#include <string.h>

#include "plenary-metadata.h"

/* Must follow the order of the string properties below. */
static const char * const string_fields[] = {
  "body",
  "forum",
  "question",
  "submitted-by",
  "symbol",
  "session",
  "agenda-item",
  "date",
  "distribution",
  NULL
};

#define N_STRINGS (G_N_ELEMENTS (string_fields) - 1)

struct _PlenaryMetadata
{
  GObject     parent_instance;

  char       *strings[N_STRINGS];
  char      **co_sponsors;
  char      **signatories;
  guint       page_limit;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (PlenaryMetadata, plenary_metadata, G_TYPE_OBJECT)

enum {
  PROP_0,
  /* The string properties come first, in string_fields order. */
  PROP_BODY,
  PROP_FORUM,
  PROP_QUESTION,
  PROP_SUBMITTED_BY,
  PROP_SYMBOL,
  PROP_SESSION,
  PROP_AGENDA_ITEM,
  PROP_DATE,
  PROP_DISTRIBUTION,
  PROP_CO_SPONSORS,
  PROP_SIGNATORIES,
  PROP_PAGE_LIMIT,
  N_PROPS
};

G_STATIC_ASSERT (PROP_DISTRIBUTION - PROP_BODY + 1 == N_STRINGS);

static GParamSpec *properties[N_PROPS];

static int
string_index (const char *name)
{
  for (guint i = 0; i < N_STRINGS; i++)
    if (strcmp (name, string_fields[i]) == 0)
      return (int) i;

  return -1;
}

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  guint len_a = a != NULL ? g_strv_length ((char **) a) : 0;
  guint len_b = b != NULL ? g_strv_length ((char **) b) : 0;

  if (len_a != len_b)
    return FALSE;
  for (guint i = 0; i < len_a; i++)
    if (strcmp (a[i], b[i]) != 0)
      return FALSE;

  return TRUE;
}

static void
plenary_metadata_finalize (GObject *object)
{
  PlenaryMetadata *self = (PlenaryMetadata *)object;

  for (guint i = 0; i < N_STRINGS; i++)
    g_free (self->strings[i]);
  g_strfreev (self->co_sponsors);
  g_strfreev (self->signatories);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (plenary_metadata_parent_class)->finalize (object);
}

static void
plenary_metadata_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlenaryMetadata *self = PLENARY_METADATA (object);

  if (prop_id >= PROP_BODY && prop_id <= PROP_DISTRIBUTION)
    {
      g_value_set_string (value, self->strings[prop_id - PROP_BODY]);
      return;
    }

  switch (prop_id)
    {
    case PROP_CO_SPONSORS:
      g_value_set_boxed (value, self->co_sponsors);
      break;

    case PROP_SIGNATORIES:
      g_value_set_boxed (value, self->signatories);
      break;

    case PROP_PAGE_LIMIT:
      g_value_set_uint (value, self->page_limit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_metadata_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlenaryMetadata *self = PLENARY_METADATA (object);

  if (prop_id >= PROP_BODY && prop_id <= PROP_DISTRIBUTION)
    {
      plenary_metadata_set_string (self, string_fields[prop_id - PROP_BODY],
                                   g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_CO_SPONSORS:
      plenary_metadata_set_co_sponsors (self, g_value_get_boxed (value));
      break;

    case PROP_SIGNATORIES:
      plenary_metadata_set_signatories (self, g_value_get_boxed (value));
      break;

    case PROP_PAGE_LIMIT:
      plenary_metadata_set_page_limit (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_metadata_class_init (PlenaryMetadataClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plenary_metadata_finalize;
  object_class->get_property = plenary_metadata_get_property;
  object_class->set_property = plenary_metadata_set_property;

  for (guint i = 0; i < N_STRINGS; i++)
    properties[PROP_BODY + i] =
      g_param_spec_string (string_fields[i], NULL, NULL, "",
                           (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CO_SPONSORS] =
    g_param_spec_boxed ("co-sponsors", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SIGNATORIES] =
    g_param_spec_boxed ("signatories", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PAGE_LIMIT] =
    g_param_spec_uint ("page-limit", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plenary_metadata_init (PlenaryMetadata *self)
{
  for (guint i = 0; i < N_STRINGS; i++)
    self->strings[i] = g_strdup ("");
  self->co_sponsors = g_new0 (char *, 1);
  self->signatories = g_new0 (char *, 1);
}

PlenaryMetadata *
plenary_metadata_new (void)
{
  return g_object_new (PLENARY_TYPE_METADATA, NULL);
}

const char *
plenary_metadata_get_string (PlenaryMetadata *self,
                             const char      *name)
{
  int index;

  g_return_val_if_fail (PLENARY_IS_METADATA (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  index = string_index (name);
  g_return_val_if_fail (index >= 0, NULL);

  return self->strings[index];
}

void
plenary_metadata_set_string (PlenaryMetadata *self,
                             const char      *name,
                             const char      *value)
{
  int index;

  g_return_if_fail (PLENARY_IS_METADATA (self));
  g_return_if_fail (name != NULL);

  index = string_index (name);
  g_return_if_fail (index >= 0);

  if (value == NULL)
    value = "";

  if (strcmp (self->strings[index], value) == 0)
    return;

  g_free (self->strings[index]);
  self->strings[index] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY + index]);
}

const char * const *
plenary_metadata_get_co_sponsors (PlenaryMetadata *self)
{
  g_return_val_if_fail (PLENARY_IS_METADATA (self), NULL);

  return (const char * const *) self->co_sponsors;
}

static void
set_strv (PlenaryMetadata     *self,
          char              ***field,
          const char * const  *value,
          GParamSpec          *pspec)
{
  if (strv_equal0 ((const char * const *) *field, value))
    return;

  g_strfreev (*field);
  *field = value != NULL ? g_strdupv ((char **) value) : g_new0 (char *, 1);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

void
plenary_metadata_set_co_sponsors (PlenaryMetadata    *self,
                                  const char * const *co_sponsors)
{
  g_return_if_fail (PLENARY_IS_METADATA (self));

  set_strv (self, &self->co_sponsors, co_sponsors, properties[PROP_CO_SPONSORS]);
}

const char * const *
plenary_metadata_get_signatories (PlenaryMetadata *self)
{
  g_return_val_if_fail (PLENARY_IS_METADATA (self), NULL);

  return (const char * const *) self->signatories;
}

void
plenary_metadata_set_signatories (PlenaryMetadata    *self,
                                  const char * const *signatories)
{
  g_return_if_fail (PLENARY_IS_METADATA (self));

  set_strv (self, &self->signatories, signatories, properties[PROP_SIGNATORIES]);
}

guint
plenary_metadata_get_page_limit (PlenaryMetadata *self)
{
  g_return_val_if_fail (PLENARY_IS_METADATA (self), 0);

  return self->page_limit;
}

void
plenary_metadata_set_page_limit (PlenaryMetadata *self,
                                 guint            page_limit)
{
  g_return_if_fail (PLENARY_IS_METADATA (self));

  if (self->page_limit == page_limit)
    return;

  self->page_limit = page_limit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_LIMIT]);
}

JsonObject *
plenary_metadata_get_extra (PlenaryMetadata *self)
{
  g_return_val_if_fail (PLENARY_IS_METADATA (self), NULL);

  return self->extra;
}

void
plenary_metadata_set_extra (PlenaryMetadata *self,
                            JsonObject      *extra)
{
  g_return_if_fail (PLENARY_IS_METADATA (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

const char * const *
plenary_metadata_list_string_fields (void)
{
  return string_fields;
}
