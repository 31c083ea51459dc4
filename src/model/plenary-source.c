/* plenary-source.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-source"

#include "config.h"

#include "plenary-source.h"

struct _PlenarySource
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *origin;
  char       *media_type;
  char       *text;
  GArray     *page_starts;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (PlenarySource, plenary_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_ORIGIN,
  PROP_MEDIA_TYPE,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
plenary_source_finalize (GObject *object)
{
  PlenarySource *self = (PlenarySource *)object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->origin);
  g_free (self->media_type);
  g_free (self->text);
  g_array_unref (self->page_starts);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (plenary_source_parent_class)->finalize (object);
}

static void
plenary_source_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PlenarySource *self = PLENARY_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_ORIGIN:
      g_value_set_string (value, self->origin);
      break;

    case PROP_MEDIA_TYPE:
      g_value_set_string (value, self->media_type);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_construct_string (char       **field,
                      const GValue *value)
{
  const char *str = g_value_get_string (value);

  g_free (*field);
  *field = g_strdup (str != NULL ? str : "");
}

static void
plenary_source_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PlenarySource *self = PLENARY_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      set_construct_string (&self->id, value);
      break;

    case PROP_TITLE:
      plenary_source_set_title (self, g_value_get_string (value));
      break;

    case PROP_ORIGIN:
      set_construct_string (&self->origin, value);
      break;

    case PROP_MEDIA_TYPE:
      set_construct_string (&self->media_type, value);
      break;

    case PROP_TEXT:
      set_construct_string (&self->text, value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_source_class_init (PlenarySourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plenary_source_finalize;
  object_class->get_property = plenary_source_get_property;
  object_class->set_property = plenary_source_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ORIGIN] =
    g_param_spec_string ("origin", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MEDIA_TYPE] =
    g_param_spec_string ("media-type", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plenary_source_init (PlenarySource *self)
{
  self->id = g_strdup ("");
  self->title = g_strdup ("");
  self->origin = g_strdup ("");
  self->media_type = g_strdup ("");
  self->text = g_strdup ("");
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (gint64));
}

PlenarySource *
plenary_source_new (const char *id,
                    const char *title,
                    const char *origin,
                    const char *media_type,
                    const char *text)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (text == NULL || g_utf8_validate (text, -1, NULL), NULL);

  return g_object_new (PLENARY_TYPE_SOURCE,
                       "id", id,
                       "title", title,
                       "origin", origin,
                       "media-type", media_type,
                       "text", text,
                       NULL);
}

const char *
plenary_source_get_id (PlenarySource *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCE (self), NULL);

  return self->id;
}

const char *
plenary_source_get_title (PlenarySource *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCE (self), NULL);

  return self->title;
}

void
plenary_source_set_title (PlenarySource *self,
                          const char    *title)
{
  g_return_if_fail (PLENARY_IS_SOURCE (self));

  if (title == NULL)
    title = "";
  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
plenary_source_get_origin (PlenarySource *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCE (self), NULL);

  return self->origin;
}

const char *
plenary_source_get_media_type (PlenarySource *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCE (self), NULL);

  return self->media_type;
}

const char *
plenary_source_get_text (PlenarySource *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCE (self), NULL);

  return self->text;
}

const GArray *
plenary_source_get_page_starts (PlenarySource *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCE (self), NULL);

  return self->page_starts;
}

void
plenary_source_set_page_starts (PlenarySource *self,
                                const gint64  *starts,
                                guint          n_starts)
{
  g_return_if_fail (PLENARY_IS_SOURCE (self));
  g_return_if_fail (starts != NULL || n_starts == 0);

  g_array_set_size (self->page_starts, 0);
  g_array_append_vals (self->page_starts, starts, n_starts);
}

guint
plenary_source_get_page_at (PlenarySource *self,
                            gint64         offset)
{
  const gint64 *starts;
  guint lo, hi;

  g_return_val_if_fail (PLENARY_IS_SOURCE (self), 0);

  if (self->page_starts->len == 0)
    return 0;

  /* Binary search for the last page starting at or before OFFSET; text
   * before the first start still belongs to page 1. */
  starts = (const gint64 *) (gpointer) self->page_starts->data;
  lo = 0;
  hi = self->page_starts->len;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (starts[mid] <= offset)
        lo = mid;
      else
        hi = mid;
    }

  return lo + 1;
}

JsonObject *
plenary_source_get_extra (PlenarySource *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCE (self), NULL);

  return self->extra;
}

void
plenary_source_set_extra (PlenarySource *self,
                          JsonObject    *extra)
{
  g_return_if_fail (PLENARY_IS_SOURCE (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}
