/* plenary-source.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-source"

#include "config.h"

#include <stdio.h>
#include <string.h>

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
  GArray     *styles;
  char       *author;
  char       *date;
  char       *symbol;
  char       *url;
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
  PROP_AUTHOR,
  PROP_DATE,
  PROP_SYMBOL,
  PROP_URL,
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
  g_array_unref (self->styles);
  g_free (self->author);
  g_free (self->date);
  g_free (self->symbol);
  g_free (self->url);
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

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_SYMBOL:
      g_value_set_string (value, self->symbol);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
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

    case PROP_AUTHOR:
      plenary_source_set_author (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      plenary_source_set_date (self, g_value_get_string (value));
      break;

    case PROP_SYMBOL:
      plenary_source_set_symbol (self, g_value_get_string (value));
      break;

    case PROP_URL:
      plenary_source_set_url (self, g_value_get_string (value));
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

  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SYMBOL] =
    g_param_spec_string ("symbol", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

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
  self->styles = g_array_new (FALSE, FALSE, sizeof (PlenarySourceStyle));
  self->author = g_strdup ("");
  self->date = g_strdup ("");
  self->symbol = g_strdup ("");
  self->url = g_strdup ("");
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

static const char * const style_names[PLENARY_SOURCE_N_STYLES] = {
  [PLENARY_SOURCE_STYLE_HEADING] = "heading",
  [PLENARY_SOURCE_STYLE_STRONG] = "strong",
  [PLENARY_SOURCE_STYLE_EMPHASIS] = "emphasis",
  [PLENARY_SOURCE_STYLE_ITEM] = "item",
  [PLENARY_SOURCE_STYLE_QUOTE] = "quote",
  [PLENARY_SOURCE_STYLE_CELL] = "cell",
  [PLENARY_SOURCE_STYLE_CODE] = "code",
  [PLENARY_SOURCE_STYLE_MARKUP] = "markup",
};

const char *
plenary_source_style_kind_to_string (PlenarySourceStyleKind kind)
{
  g_return_val_if_fail (kind < PLENARY_SOURCE_N_STYLES, NULL);

  return style_names[kind];
}

int
plenary_source_style_kind_from_string (const char *name)
{
  for (int i = 0; i < PLENARY_SOURCE_N_STYLES; i++)
    if (g_strcmp0 (name, style_names[i]) == 0)
      return i;
  return -1;
}

const GArray *
plenary_source_get_styles (PlenarySource *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCE (self), NULL);

  return self->styles;
}

void
plenary_source_set_styles (PlenarySource            *self,
                           const PlenarySourceStyle *styles,
                           guint                     n_styles)
{
  g_return_if_fail (PLENARY_IS_SOURCE (self));
  g_return_if_fail (styles != NULL || n_styles == 0);

  g_array_set_size (self->styles, 0);
  g_array_append_vals (self->styles, styles, n_styles);
}

static void
set_detail (PlenarySource *self,
            char         **field,
            const char    *value,
            guint          prop)
{
  g_autofree char *clean = g_strstrip (g_strdup (value != NULL ? value : ""));

  if (g_strcmp0 (*field, clean) == 0)
    return;
  g_free (*field);
  *field = g_steal_pointer (&clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
plenary_source_get_author (PlenarySource *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCE (self), NULL);

  return self->author;
}

void
plenary_source_set_author (PlenarySource *self,
                           const char    *author)
{
  g_return_if_fail (PLENARY_IS_SOURCE (self));

  set_detail (self, &self->author, author, PROP_AUTHOR);
}

const char *
plenary_source_get_date (PlenarySource *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCE (self), NULL);

  return self->date;
}

void
plenary_source_set_date (PlenarySource *self,
                         const char    *date)
{
  g_return_if_fail (PLENARY_IS_SOURCE (self));

  set_detail (self, &self->date, date, PROP_DATE);
}

const char *
plenary_source_get_symbol (PlenarySource *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCE (self), NULL);

  return self->symbol;
}

void
plenary_source_set_symbol (PlenarySource *self,
                           const char    *symbol)
{
  g_return_if_fail (PLENARY_IS_SOURCE (self));

  set_detail (self, &self->symbol, symbol, PROP_SYMBOL);
}

const char *
plenary_source_get_url (PlenarySource *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCE (self), NULL);

  return self->url;
}

void
plenary_source_set_url (PlenarySource *self,
                        const char    *url)
{
  g_return_if_fail (PLENARY_IS_SOURCE (self));

  set_detail (self, &self->url, url, PROP_URL);
}

gboolean
plenary_source_date_is_valid (const char *date)
{
  int year = 0, month = 1, day = 1;
  int n = 0;

  if (date == NULL || date[0] == '\0')
    return TRUE;

  if (!(strlen (date) == 4 && sscanf (date, "%4d%n", &year, &n) == 1 && n == 4) &&
      !(strlen (date) == 7 && sscanf (date, "%4d-%2d%n", &year, &month, &n) == 2 && n == 7) &&
      !(strlen (date) == 10 && sscanf (date, "%4d-%2d-%2d%n", &year, &month, &day, &n) == 3 && n == 10))
    return FALSE;
  for (const char *p = date; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return year >= 1 && month >= 1 && month <= 12 && g_date_valid_dmy (day, month, year);
}

/* Data in the language of the document, not of the interface: not
 * translated through gettext. */
static const struct {
  const char *language;
  const char *months[12];
  const char *day_month_year;   /* day, month, year */
  const char *month_year;
  const char *first_day;        /* "1er" */
} date_words[] = {
  { "fr", { "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
            "septembre", "octobre", "novembre", "décembre" },
    "%s %s %d", "%s %d", "1er" },
  { "es", { "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
            "septiembre", "octubre", "noviembre", "diciembre" },
    "%s de %s de %d", "%s de %d", NULL },
  { "en", { "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December" },
    "%s %s %d", "%s %d", NULL },
};

char *
plenary_source_format_date (const char *date,
                            const char *language)
{
  guint words = G_N_ELEMENTS (date_words) - 1;
  int year, month, day;

  g_return_val_if_fail (date != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (date_words); i++)
    if (language != NULL && g_str_has_prefix (language, date_words[i].language))
      words = i;

  if (date[0] == '\0' || !plenary_source_date_is_valid (date))
    return g_strdup (date);

  switch (strlen (date))
    {
    case 10:
      {
        g_autofree char *day_text = NULL;

        sscanf (date, "%d-%d-%d", &year, &month, &day);
        day_text = day == 1 && date_words[words].first_day != NULL
                   ? g_strdup (date_words[words].first_day) : g_strdup_printf ("%d", day);
        return g_strdup_printf (date_words[words].day_month_year, day_text,
                                date_words[words].months[month - 1], year);
      }
    case 7:
      sscanf (date, "%d-%d", &year, &month);
      return g_strdup_printf (date_words[words].month_year, date_words[words].months[month - 1], year);
    default:
      return g_strdup (date);
    }
}

char *
plenary_source_dup_reference (PlenarySource *self,
                              const char    *language,
                              guint          page,
                              const char    *unknown)
{
  GString *out = g_string_new (NULL);
  const char *title;
  g_autofree char *folded_title = NULL;
  g_autofree char *folded_author = NULL;

  g_return_val_if_fail (PLENARY_IS_SOURCE (self), NULL);

  title = self->title[0] != '\0' ? self->title : self->origin[0] != '\0' ? self->origin : unknown;
  folded_title = g_utf8_casefold (title != NULL ? title : "", -1);
  folded_author = g_utf8_casefold (self->author, -1);

  /* "Rapport du Secrétaire général" names its author already. */
  if (self->author[0] != '\0' && strstr (folded_title, folded_author) == NULL)
    g_string_append_printf (out, "%s, ", self->author);
  g_string_append (out, title != NULL ? title : "");
  if (self->symbol[0] != '\0' && strstr (title != NULL ? title : "", self->symbol) == NULL)
    g_string_append_printf (out, ", %s", self->symbol);
  if (self->date[0] != '\0')
    {
      g_autofree char *date = plenary_source_format_date (self->date, language);

      g_string_append_printf (out, ", %s", date);
    }
  if (page > 0)
    g_string_append_printf (out, ", p.\u00a0%u", page);

  return g_string_free (out, FALSE);
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
