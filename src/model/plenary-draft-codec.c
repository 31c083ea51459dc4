/* plenary-draft-codec.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-draft-codec"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "plenary-draft-codec.h"
#include "plenary-enum-nick.h"
#include "plenary-text-decoder.h"
#include "plenary-revision.h"

/* Deeper than any draft needs, shallow enough for json-glib's recursive
 * parser to never exhaust the stack on a hostile file. */
#define MAX_JSON_DEPTH 128
/* Sub-paragraph levels below an operative paragraph. */
#define MAX_PARAGRAPH_DEPTH 8

/* Errors carry where the problem is, so that callers can point at it. */
typedef struct
{
  guint  line;
  guint  column;
  char  *path;
} PlenaryDraftErrorPrivate;

static void
plenary_draft_error_private_init (PlenaryDraftErrorPrivate *priv)
{
  priv->line = 0;
  priv->column = 0;
  priv->path = NULL;
}

static void
plenary_draft_error_private_copy (const PlenaryDraftErrorPrivate *src_priv,
                                  PlenaryDraftErrorPrivate       *dest_priv)
{
  dest_priv->line = src_priv->line;
  dest_priv->column = src_priv->column;
  dest_priv->path = g_strdup (src_priv->path);
}

static void
plenary_draft_error_private_clear (PlenaryDraftErrorPrivate *priv)
{
  g_clear_pointer (&priv->path, g_free);
}

G_DEFINE_EXTENDED_ERROR (PlenaryDraftError, plenary_draft_error)

guint
plenary_draft_error_get_line (const GError *error)
{
  g_return_val_if_fail (error != NULL, 0);

  if (error->domain != PLENARY_DRAFT_ERROR)
    return 0;

  return plenary_draft_error_get_private (error)->line;
}

guint
plenary_draft_error_get_column (const GError *error)
{
  g_return_val_if_fail (error != NULL, 0);

  if (error->domain != PLENARY_DRAFT_ERROR)
    return 0;

  return plenary_draft_error_get_private (error)->column;
}

const char *
plenary_draft_error_get_path (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != PLENARY_DRAFT_ERROR)
    return NULL;

  return plenary_draft_error_get_private (error)->path;
}

static void set_location_error (GError     **error,
                                guint        line,
                                guint        column,
                                const char  *format,
                                ...) G_GNUC_PRINTF (4, 5);

static void
set_location_error (GError     **error,
                    guint        line,
                    guint        column,
                    const char  *format,
                    ...)
{
  PlenaryDraftErrorPrivate *priv;
  GError *new_error;
  va_list args;

  va_start (args, format);
  new_error = g_error_new_valist (PLENARY_DRAFT_ERROR, PLENARY_DRAFT_ERROR_MALFORMED,
                                  format, args);
  va_end (args);

  priv = plenary_draft_error_get_private (new_error);
  priv->line = line;
  priv->column = column;
  g_propagate_error (error, new_error);
}

/* ------------------------------------------------------------------------ */
/* Decoding                                                                  */

typedef struct
{
  GString  *path;
  GError  **error;
} Decoder;

static void set_invalid (Decoder    *d,
                         const char *format,
                         ...) G_GNUC_PRINTF (2, 3);

/* FORMAT receives the current JSON path as its first argument. */
static void
set_invalid (Decoder    *d,
             const char *format,
             ...)
{
  GError *new_error;
  va_list args;

  va_start (args, format);
  new_error = g_error_new_valist (PLENARY_DRAFT_ERROR, PLENARY_DRAFT_ERROR_INVALID,
                                  format, args);
  va_end (args);

  plenary_draft_error_get_private (new_error)->path = g_strdup (d->path->str);
  g_propagate_error (d->error, new_error);
}

/* A value from the file quoted in a message: a hostile file could make it
 * megabytes long or, through json-glib's messages, not even UTF-8. */
#define MAX_QUOTED_CHARS 100

static char *
quote_for_message (const char *value)
{
  g_autofree char *valid = g_utf8_make_valid (value, -1);
  g_autofree char *head = NULL;
  const char *p = valid;

  for (guint i = 0; i < MAX_QUOTED_CHARS && *p != '\0'; i++)
    p = g_utf8_next_char (p);
  if (*p == '\0')
    return g_steal_pointer (&valid);

  head = g_strndup (valid, p - valid);
  return g_strconcat (head, "…", NULL);
}

static gsize
push_key (Decoder    *d,
          const char *key)
{
  gsize mark = d->path->len;

  g_string_append_c (d->path, '.');
  g_string_append (d->path, key);

  return mark;
}

static gsize
push_index (Decoder *d,
            guint    index)
{
  gsize mark = d->path->len;

  g_string_append_printf (d->path, "[%u]", index);

  return mark;
}

static void
pop (Decoder *d,
     gsize    mark)
{
  g_string_truncate (d->path, mark);
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
expect_object (Decoder  *d,
               JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return TRUE;

  set_invalid (d, _("Invalid draft: %s should be an object."), d->path->str);
  return FALSE;
}

static gboolean
expect_array (Decoder  *d,
              JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    return TRUE;

  set_invalid (d, _("Invalid draft: %s should be a list."), d->path->str);
  return FALSE;
}

static gboolean
expect_string (Decoder  *d,
               JsonNode *node)
{
  if (node_is_string (node))
    return TRUE;

  set_invalid (d, _("Invalid draft: %s should be text."), d->path->str);
  return FALSE;
}

/* A missing member leaves *OUT as it is (the default). With NULLABLE, a JSON
 * null gives NULL. */
static gboolean
read_string (Decoder     *d,
             JsonObject  *object,
             const char  *key,
             gboolean     nullable,
             char       **out)
{
  JsonNode *node = json_object_get_member (object, key);
  gsize mark;

  if (node == NULL)
    return TRUE;

  if (nullable && JSON_NODE_HOLDS_NULL (node))
    {
      g_clear_pointer (out, g_free);
      return TRUE;
    }

  mark = push_key (d, key);
  if (!expect_string (d, node))
    return FALSE;
  pop (d, mark);

  /* A lone surrogate escape ("\ud800") comes out of json-glib as bytes
   * that are not UTF-8: U+FFFD instead, as for undecodable text elsewhere. */
  g_free (*out);
  *out = g_utf8_make_valid (json_node_get_string (node), -1);

  return TRUE;
}

static gboolean
read_int (Decoder    *d,
          JsonObject *object,
          const char *key,
          gint64      min,
          gint64      max,
          gint64     *out)
{
  JsonNode *node = json_object_get_member (object, key);
  gsize mark;
  gint64 value;

  if (node == NULL)
    return TRUE;

  mark = push_key (d, key);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      set_invalid (d, _("Invalid draft: %s should be a whole number."), d->path->str);
      return FALSE;
    }

  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      set_invalid (d, _("Invalid draft: %s is out of range."), d->path->str);
      return FALSE;
    }

  pop (d, mark);
  *out = value;

  return TRUE;
}

static gboolean
read_bool (Decoder    *d,
           JsonObject *object,
           const char *key,
           gboolean   *out)
{
  JsonNode *node = json_object_get_member (object, key);
  gsize mark;

  if (node == NULL)
    return TRUE;

  mark = push_key (d, key);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      set_invalid (d, _("Invalid draft: %s should be true or false."), d->path->str);
      return FALSE;
    }
  pop (d, mark);

  *out = json_node_get_boolean (node);

  return TRUE;
}

/* Returns FALSE on a type error; *OUT is NULL when the member is missing. */
static gboolean
read_array (Decoder     *d,
            JsonObject  *object,
            const char  *key,
            JsonArray  **out)
{
  JsonNode *node = json_object_get_member (object, key);
  gsize mark;

  *out = NULL;
  if (node == NULL)
    return TRUE;

  mark = push_key (d, key);
  if (!expect_array (d, node))
    return FALSE;
  pop (d, mark);

  *out = json_node_get_array (node);

  return TRUE;
}

static gboolean
read_object (Decoder     *d,
             JsonObject  *object,
             const char  *key,
             JsonObject **out)
{
  JsonNode *node = json_object_get_member (object, key);
  gsize mark;

  *out = NULL;
  if (node == NULL)
    return TRUE;

  mark = push_key (d, key);
  if (!expect_object (d, node))
    return FALSE;
  pop (d, mark);

  *out = json_node_get_object (node);

  return TRUE;
}

static gboolean
is_known (const char         *name,
          const char * const *known)
{
  for (guint i = 0; known[i] != NULL; i++)
    if (strcmp (name, known[i]) == 0)
      return TRUE;

  return FALSE;
}

/* The members of OBJECT not in KNOWN, in file order, or NULL. */
static JsonObject *
collect_extra (JsonObject         *object,
               const char * const *known)
{
  JsonObject *extra = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (is_known (name, known))
        continue;

      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, name, json_node_copy (node));
    }

  return extra;
}

static gboolean
read_strv (Decoder     *d,
           JsonObject  *object,
           const char  *key,
           GStrv       *out)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;
  gsize mark;
  guint n;

  if (!read_array (d, object, key, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  builder = g_strv_builder_new ();
  mark = push_key (d, key);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize item_mark = push_index (d, i);
      g_autofree char *valid = NULL;

      if (!expect_string (d, node))
        return FALSE;
      pop (d, item_mark);

      /* See read_string(). */
      valid = g_utf8_make_valid (json_node_get_string (node), -1);
      g_strv_builder_add (builder, valid);
    }
  pop (d, mark);

  *out = g_strv_builder_end (builder);

  return TRUE;
}

/* Metadata string fields as written in JSON, in file order; the property
 * names use '-' where the file uses '_'. */
static char *
metadata_json_name (const char *property)
{
  char *name = g_strdup (property);

  g_strdelimit (name, "-", '_');

  return name;
}

static gboolean
decode_metadata (Decoder         *d,
                 JsonObject      *object,
                 PlenaryMetadata *metadata)
{
  static const char * const known[] = {
    "body", "forum", "question", "submitted_by", "co_sponsors", "signatories",
    "symbol", "session", "agenda_item", "date", "distribution", "page_limit", NULL
  };
  const char * const *fields = plenary_metadata_list_string_fields ();
  g_auto(GStrv) co_sponsors = NULL;
  g_auto(GStrv) signatories = NULL;
  g_autoptr(JsonObject) extra = NULL;
  gint64 page_limit = 0;

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *name = metadata_json_name (fields[i]);
      g_autofree char *value = NULL;

      if (!read_string (d, object, name, FALSE, &value))
        return FALSE;
      if (value != NULL)
        plenary_metadata_set_string (metadata, fields[i], value);
    }

  if (!read_strv (d, object, "co_sponsors", &co_sponsors) ||
      !read_strv (d, object, "signatories", &signatories) ||
      !read_int (d, object, "page_limit", 0, G_MAXUINT, &page_limit))
    return FALSE;

  if (co_sponsors != NULL)
    plenary_metadata_set_co_sponsors (metadata, (const char * const *) co_sponsors);
  if (signatories != NULL)
    plenary_metadata_set_signatories (metadata, (const char * const *) signatories);
  plenary_metadata_set_page_limit (metadata, (guint) page_limit);

  extra = collect_extra (object, known);
  plenary_metadata_set_extra (metadata, extra);

  return TRUE;
}

static PlenaryParagraph *decode_paragraph (Decoder     *d,
                                           JsonNode    *node,
                                           PlenaryRole  default_role,
                                           guint        depth);

/* Ids are short names ("p12"): one that is not (empty, too long, with
 * spaces or controls) is refused rather than carried into comparisons and
 * messages. */
#define MAX_PARAGRAPH_ID_LENGTH 64

static gboolean
read_paragraph_id (Decoder     *d,
                   JsonObject  *object,
                   char       **id)
{
  gsize mark;

  if (!read_string (d, object, "id", FALSE, id))
    return FALSE;
  if (*id == NULL)
    return TRUE;

  mark = push_key (d, "id");
  if ((*id)[0] == '\0' || strlen (*id) > MAX_PARAGRAPH_ID_LENGTH)
    {
      set_invalid (d, _("Invalid draft: %s should be a paragraph id of 1 to %d characters."),
                   d->path->str, MAX_PARAGRAPH_ID_LENGTH);
      return FALSE;
    }
  for (const char *p = *id; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isgraph (g_utf8_get_char (p)) || **id == '>')
      {
        g_autofree char *shown = quote_for_message (*id);

        set_invalid (d, _("Invalid draft: %s is not a valid paragraph id (“%s”): "
                          "an id is one word, not starting with “>”."), d->path->str, shown);
        return FALSE;
      }
  pop (d, mark);

  return TRUE;
}

static gboolean
decode_paragraph_list (Decoder          *d,
                       JsonArray        *array,
                       PlenaryRole       default_role,
                       guint             depth,
                       GPtrArray        *into)
{
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      gsize mark = push_index (d, i);
      PlenaryParagraph *paragraph;

      paragraph = decode_paragraph (d, json_array_get_element (array, i), default_role, depth);
      if (paragraph == NULL)
        return FALSE;
      pop (d, mark);

      g_ptr_array_add (into, paragraph);
    }

  return TRUE;
}

/* A paragraph is one line of the editor and one block of the PDF: a line
 * break inside one (a hand-edited file, text pasted by another program)
 * broke the layout and lost footnotes. Each becomes a space, on reading and
 * on writing (so that what is written reads back the same): one character
 * for one, so that positions in the text still hold. NULL when TEXT has
 * none. */
static char *
flatten_line_breaks (const char *text)
{
  GString *flat = NULL;

  /* Most texts have none of them: \n \r \v \f, and the lead bytes of
   * U+0085 (C2) and U+2028, U+2029 (E2). */
  if (text == NULL || text[strcspn (text, "\n\r\v\f\xc2\xe2")] == '\0')
    return NULL;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean is_break = c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
                          c == 0x85 || c == 0x2028 || c == 0x2029;

      if (is_break && flat == NULL)
        flat = g_string_new_len (text, p - text);
      if (flat == NULL)
        continue;
      if (is_break)
        g_string_append_c (flat, ' ');
      else
        g_string_append_len (flat, p, g_utf8_next_char (p) - p);
    }

  return flat != NULL ? g_string_free (flat, FALSE) : NULL;
}

static void
flatten_in_place (char **text)
{
  char *flat = flatten_line_breaks (*text);

  if (flat != NULL)
    {
      g_free (*text);
      *text = flat;
    }
}

static PlenaryParagraph *
decode_paragraph (Decoder     *d,
                  JsonNode    *node,
                  PlenaryRole  default_role,
                  guint        depth)
{
  static const char * const known[] = { "id", "role", "phrase", "text", "subparagraphs", NULL };
  g_autoptr(PlenaryParagraph) paragraph = NULL;
  g_autofree char *id = NULL;
  g_autofree char *role_name = NULL;
  g_autofree char *phrase = NULL;
  g_autofree char *text = NULL;
  JsonArray *children;
  JsonObject *object;
  PlenaryRole role = default_role;

  if (!expect_object (d, node))
    return NULL;
  object = json_node_get_object (node);

  if (!read_paragraph_id (d, object, &id) ||
      !read_string (d, object, "role", FALSE, &role_name) ||
      !read_string (d, object, "phrase", TRUE, &phrase) ||
      !read_string (d, object, "text", FALSE, &text) ||
      !read_array (d, object, "subparagraphs", &children))
    return NULL;

  if (role_name != NULL && !plenary_role_from_string (role_name, &role))
    {
      gsize mark = push_key (d, "role");
      g_autofree char *shown = quote_for_message (role_name);

      set_invalid (d, _("Invalid draft: %s is not a known paragraph role (“%s”)."),
                   d->path->str, shown);
      pop (d, mark);
      return NULL;
    }

  flatten_in_place (&phrase);
  flatten_in_place (&text);
  paragraph = plenary_paragraph_new (role, phrase, text);
  paragraph->id = g_steal_pointer (&id);

  if (children != NULL && json_array_get_length (children) > 0)
    {
      gsize mark = push_key (d, "subparagraphs");

      if (depth + 1 > MAX_PARAGRAPH_DEPTH)
        {
          set_invalid (d, _("Invalid draft: %s nests sub-paragraphs more than %d levels deep."),
                       d->path->str, MAX_PARAGRAPH_DEPTH);
          return NULL;
        }

      if (!decode_paragraph_list (d, children, PLENARY_ROLE_SUBPARAGRAPH, depth + 1,
                                  paragraph->children))
        return NULL;
      pop (d, mark);
    }

  paragraph->extra = collect_extra (object, known);

  return g_steal_pointer (&paragraph);
}

static gboolean
decode_sections (Decoder     *d,
                 JsonArray   *sections,
                 PlenaryBody *body)
{
  static const char * const known[] = { "id", "heading", "paragraphs", NULL };
  guint n = json_array_get_length (sections);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (sections, i);
      gsize mark = push_index (d, i);
      g_autofree char *heading = NULL;
      g_autofree char *id = NULL;
      JsonArray *paragraphs;
      JsonObject *object;
      GPtrArray *into;

      if (!expect_object (d, node))
        return FALSE;
      object = json_node_get_object (node);

      if (!read_paragraph_id (d, object, &id) ||
          !read_string (d, object, "heading", TRUE, &heading) ||
          !read_array (d, object, "paragraphs", &paragraphs))
        return FALSE;

      flatten_in_place (&heading);
      /* A section without a heading holds the paragraphs before the first one. */
      if (heading != NULL)
        {
          PlenaryParagraph *section = plenary_paragraph_new (PLENARY_ROLE_HEADING, NULL, heading);

          section->id = g_steal_pointer (&id);
          section->extra = collect_extra (object, known);
          g_ptr_array_add (body->paragraphs, section);
          into = section->children;
        }
      else
        {
          into = body->paragraphs;
        }

      if (paragraphs != NULL)
        {
          gsize list_mark = push_key (d, "paragraphs");

          /* Section paragraphs are one level below the heading. */
          if (!decode_paragraph_list (d, paragraphs, PLENARY_ROLE_PARAGRAPH, 1, into))
            return FALSE;
          pop (d, list_mark);
        }

      pop (d, mark);
    }

  return TRUE;
}

/* Version 2: the notes of the text and its annex (docs/draft-format.md,
 * "Notes and annex"); a version 1 file has neither. */
static gboolean
decode_notes (Decoder     *d,
              JsonObject  *object,
              PlenaryBody *body)
{
  JsonArray *notes;
  gsize mark;

  if (!read_array (d, object, "notes", &notes))
    return FALSE;
  if (notes == NULL)
    return TRUE;

  mark = push_key (d, "notes");
  for (guint i = 0; i < json_array_get_length (notes); i++)
    {
      JsonNode *node = json_array_get_element (notes, i);
      gsize item_mark = push_index (d, i);
      g_autofree char *id = NULL;
      g_autofree char *text = NULL;

      if (!expect_object (d, node) ||
          !read_string (d, json_node_get_object (node), "id", FALSE, &id) ||
          !read_string (d, json_node_get_object (node), "text", FALSE, &text))
        return FALSE;
      if (id == NULL || id[0] == '\0')
        {
          set_invalid (d, _("Invalid draft: %s needs an id."), d->path->str);
          return FALSE;
        }
      flatten_in_place (&id);
      flatten_in_place (&text);
      plenary_body_add_note (body, id, text);
      pop (d, item_mark);
    }
  pop (d, mark);

  return TRUE;
}

static gboolean
decode_annex (Decoder     *d,
              JsonObject  *object,
              PlenaryBody *body)
{
  JsonObject *annex;
  JsonArray *paragraphs;
  g_autofree char *heading = NULL;
  gsize mark;

  if (!read_object (d, object, "annex", &annex))
    return FALSE;
  if (annex == NULL)
    return TRUE;

  mark = push_key (d, "annex");
  if (!read_string (d, annex, "heading", FALSE, &heading) ||
      !read_array (d, annex, "paragraphs", &paragraphs))
    return FALSE;
  flatten_in_place (&heading);
  body->annex_heading = heading != NULL && heading[0] != '\0' ? g_steal_pointer (&heading) : g_strdup ("Annex");

  for (guint i = 0; paragraphs != NULL && i < json_array_get_length (paragraphs); i++)
    {
      JsonNode *node = json_array_get_element (paragraphs, i);
      gsize item_mark = push_key (d, "paragraphs");
      char *text;

      push_index (d, i);
      if (!expect_string (d, node))
        return FALSE;
      text = g_utf8_make_valid (json_node_get_string (node), -1);
      flatten_in_place (&text);
      g_ptr_array_add (body->annex, text);
      pop (d, item_mark);
    }
  pop (d, mark);

  return TRUE;
}

static gboolean
decode_body (Decoder          *d,
             JsonObject       *object,
             PlenaryDraftKind  kind,
             PlenaryBody      *body)
{
  static const char * const known_paragraphs[] = { "opening", "paragraphs", "notes", "annex", NULL };
  static const char * const known_sections[] = { "opening", "sections", "notes", "annex", NULL };
  JsonArray *paragraphs;
  JsonArray *sections;
  gboolean use_sections;

  if (!read_string (d, object, "opening", TRUE, &body->opening) ||
      !read_array (d, object, "paragraphs", &paragraphs) ||
      !read_array (d, object, "sections", &sections))
    return FALSE;
  flatten_in_place (&body->opening);

  /* Whichever form is present, preferring the one the kind implies; the
   * other one, if any, is kept as an unknown member. */
  if (kind == PLENARY_DRAFT_KIND_BRIEF)
    use_sections = sections != NULL || paragraphs == NULL;
  else
    use_sections = sections != NULL && paragraphs == NULL;

  if (use_sections && sections != NULL)
    {
      gsize mark = push_key (d, "sections");

      if (!decode_sections (d, sections, body))
        return FALSE;
      pop (d, mark);
    }
  else if (!use_sections && paragraphs != NULL)
    {
      gsize mark = push_key (d, "paragraphs");

      if (!decode_paragraph_list (d, paragraphs, PLENARY_ROLE_PARAGRAPH, 0, body->paragraphs))
        return FALSE;
      pop (d, mark);
    }

  if (!decode_notes (d, object, body) || !decode_annex (d, object, body))
    return FALSE;

  body->extra = collect_extra (object, use_sections ? known_sections : known_paragraphs);

  return TRUE;
}

/* Optional details of a source (format version 2): author, date, symbol, url. */
static gboolean
decode_source_details (Decoder       *d,
                       JsonObject    *object,
                       PlenarySource *source)
{
  g_autofree char *author = NULL;
  g_autofree char *date = NULL;
  g_autofree char *symbol = NULL;
  g_autofree char *url = NULL;

  if (!read_string (d, object, "author", FALSE, &author) ||
      !read_string (d, object, "date", FALSE, &date) ||
      !read_string (d, object, "symbol", FALSE, &symbol) ||
      !read_string (d, object, "url", FALSE, &url))
    return FALSE;

  if (!plenary_source_date_is_valid (date))
    {
      gsize mark = push_key (d, "date");

      set_invalid (d, _("Invalid draft: %s should be a date such as 2025-03-12."), d->path->str);
      pop (d, mark);
      return FALSE;
    }

  g_object_set (source, "author", author, "date", date, "symbol", symbol, "url", url, NULL);
  return TRUE;
}

/* Optional formatting of a source's text (format version 2): an array of
 * [start, end, "kind"] or [start, end, "kind", level]. A style of an
 * unknown kind is skipped, so that a later version can add some. */
static gboolean
decode_source_styles (Decoder       *d,
                      JsonObject    *object,
                      PlenarySource *source)
{
  g_autoptr(GArray) styles = NULL;
  JsonArray *array;
  gint64 n_chars;
  guint n;
  gsize mark;

  if (!read_array (d, object, "styles", &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  n_chars = g_utf8_strlen (plenary_source_get_text (source), -1);
  n = json_array_get_length (array);
  styles = g_array_sized_new (FALSE, FALSE, sizeof (PlenarySourceStyle), n);
  mark = push_key (d, "styles");
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize item_mark = push_index (d, i);
      PlenarySourceStyle style = { 0 };
      JsonArray *fields;
      guint n_fields;
      int kind;

      fields = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
      n_fields = fields != NULL ? json_array_get_length (fields) : 0;
      if (n_fields < 3 || n_fields > 4 ||
          json_node_get_value_type (json_array_get_element (fields, 0)) != G_TYPE_INT64 ||
          json_node_get_value_type (json_array_get_element (fields, 1)) != G_TYPE_INT64 ||
          json_node_get_value_type (json_array_get_element (fields, 2)) != G_TYPE_STRING ||
          (n_fields == 4 && json_node_get_value_type (json_array_get_element (fields, 3)) != G_TYPE_INT64))
        {
          set_invalid (d, _("Invalid draft: %s should be [start, end, kind] or [start, end, kind, level]."),
                       d->path->str);
          return FALSE;
        }

      style.start = json_array_get_int_element (fields, 0);
      style.end = json_array_get_int_element (fields, 1);
      style.level = n_fields == 4 ? (guint) CLAMP (json_array_get_int_element (fields, 3), 0, 99) : 0;
      if (style.start < 0 || style.end < style.start || style.end > n_chars)
        {
          set_invalid (d, _("Invalid draft: %s is out of range."), d->path->str);
          return FALSE;
        }
      pop (d, item_mark);

      /* Hidden markup is found when shown, never read from a file: a
       * file cannot hide words of its sources. */
      kind = plenary_source_style_kind_from_string (json_array_get_string_element (fields, 2));
      if (kind < 0 || kind == PLENARY_SOURCE_STYLE_MARKUP)
        continue;
      style.kind = kind;
      g_array_append_val (styles, style);
    }
  pop (d, mark);

  plenary_source_set_styles (source, (const PlenarySourceStyle *) (gpointer) styles->data, styles->len);
  return TRUE;
}

static gboolean
decode_source (Decoder      *d,
               JsonObject   *object,
               GHashTable   *ids,
               GListStore   *store)
{
  static const char * const known[] = {
    "id", "title", "origin", "media_type", "pages", "text",
    "author", "date", "symbol", "url", "styles", NULL
  };
  g_autoptr(PlenarySource) source = NULL;
  g_autoptr(GArray) starts = NULL;
  g_autoptr(JsonObject) extra = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *media_type = NULL;
  g_autofree char *text = NULL;
  JsonArray *pages;
  gsize mark;

  if (!read_string (d, object, "id", FALSE, &id) ||
      !read_string (d, object, "title", FALSE, &title) ||
      !read_string (d, object, "origin", FALSE, &origin) ||
      !read_string (d, object, "media_type", FALSE, &media_type) ||
      !read_array (d, object, "pages", &pages) ||
      !read_string (d, object, "text", FALSE, &text))
    return FALSE;

  mark = push_key (d, "id");
  if (id == NULL || id[0] == '\0')
    {
      set_invalid (d, _("Invalid draft: %s is missing."), d->path->str);
      return FALSE;
    }
  if (!g_hash_table_add (ids, g_strdup (id)))
    {
      g_autofree char *shown = quote_for_message (id);

      set_invalid (d, _("Invalid draft: %s repeats the id “%s”."), d->path->str, shown);
      return FALSE;
    }
  pop (d, mark);

  starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (pages != NULL)
    {
      guint n = json_array_get_length (pages);

      mark = push_key (d, "pages");
      for (guint i = 0; i < n; i++)
        {
          JsonNode *node = json_array_get_element (pages, i);
          gsize item_mark = push_index (d, i);
          gint64 start;

          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
            {
              set_invalid (d, _("Invalid draft: %s should be a whole number."), d->path->str);
              return FALSE;
            }

          start = json_node_get_int (node);
          if (start < 0 || (i > 0 && start < g_array_index (starts, gint64, i - 1)))
            {
              set_invalid (d, _("Invalid draft: %s is out of range."), d->path->str);
              return FALSE;
            }
          pop (d, item_mark);

          g_array_append_val (starts, start);
        }
      pop (d, mark);
    }

  source = plenary_source_new (id, title, origin, media_type, text);
  plenary_source_set_page_starts (source, (const gint64 *) (gpointer) starts->data, starts->len);
  if (!decode_source_details (d, object, source) ||
      !decode_source_styles (d, object, source))
    return FALSE;
  extra = collect_extra (object, known);
  plenary_source_set_extra (source, extra);
  g_list_store_append (store, source);

  return TRUE;
}

/* Reads a W3C selector-based target ("target" or "citation"). The unknown
 * members are gathered in *EXTRA as described in plenary-annotation.h. */
static JsonObject *find_selector_extra (JsonArray  *selector_extra,
                                        const char *type);

static PlenaryAnchor *
decode_anchor (Decoder     *d,
               JsonObject  *object,
               JsonObject **extra)
{
  static const char * const known[] = { "source", "selector", NULL };
  static const char * const known_quote[] = { "type", "exact", "prefix", "suffix", NULL };
  static const char * const known_position[] = { "type", "start", "end", NULL };
  g_autofree char *target = g_strdup (PLENARY_ANCHOR_TARGET_DRAFT);
  g_autofree char *exact = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  g_autoptr(JsonArray) selector_extra = NULL;
  g_autoptr(JsonObject) all_extra = NULL;
  gboolean have_quote = FALSE;
  gboolean have_position = FALSE;
  gint64 start = 0;
  gint64 end = 0;
  JsonArray *selectors;

  if (!read_string (d, object, "source", FALSE, &target) ||
      !read_array (d, object, "selector", &selectors))
    return NULL;

  if (selectors != NULL)
    {
      guint n = json_array_get_length (selectors);
      gsize mark = push_key (d, "selector");

      for (guint i = 0; i < n; i++)
        {
          JsonNode *node = json_array_get_element (selectors, i);
          gsize item_mark = push_index (d, i);
          g_autofree char *type = NULL;
          g_autoptr(JsonObject) member_extra = NULL;
          JsonObject *selector;

          if (!expect_object (d, node))
            return NULL;
          selector = json_node_get_object (node);
          if (!read_string (d, selector, "type", FALSE, &type))
            return NULL;

          if (!have_quote && g_strcmp0 (type, "TextQuoteSelector") == 0)
            {
              if (!read_string (d, selector, "exact", FALSE, &exact) ||
                  !read_string (d, selector, "prefix", FALSE, &prefix) ||
                  !read_string (d, selector, "suffix", FALSE, &suffix))
                return NULL;
              have_quote = TRUE;
              member_extra = collect_extra (selector, known_quote);
            }
          else if (!have_position && g_strcmp0 (type, "TextPositionSelector") == 0)
            {
              if (!read_int (d, selector, "start", 0, G_MAXINT64, &start) ||
                  !read_int (d, selector, "end", 0, G_MAXINT64, &end))
                return NULL;
              have_position = TRUE;
              member_extra = collect_extra (selector, known_position);
            }
          else
            {
              /* A selector this version does not use, or a second one of a
               * type it uses: kept whole. The selector used gets an entry
               * first, so that the writer does not take this one's members
               * for its own (see write_anchor()). */
              if (selector_extra == NULL)
                selector_extra = json_array_new ();
              if ((g_strcmp0 (type, "TextQuoteSelector") == 0 ||
                   g_strcmp0 (type, "TextPositionSelector") == 0) &&
                  find_selector_extra (selector_extra, type) == NULL)
                {
                  JsonObject *used = json_object_new ();

                  json_object_set_string_member (used, "type", type);
                  json_array_add_object_element (selector_extra, used);
                }
              json_array_add_element (selector_extra, json_node_copy (node));
            }

          if (member_extra != NULL)
            {
              json_object_set_string_member (member_extra, "type", type);
              if (selector_extra == NULL)
                selector_extra = json_array_new ();
              json_array_add_object_element (selector_extra, g_steal_pointer (&member_extra));
            }

          pop (d, item_mark);
        }

      pop (d, mark);
    }

  all_extra = collect_extra (object, known);
  if (selector_extra != NULL)
    {
      if (all_extra == NULL)
        all_extra = json_object_new ();
      json_object_set_array_member (all_extra, "selector", g_steal_pointer (&selector_extra));
    }
  *extra = g_steal_pointer (&all_extra);

  return plenary_anchor_new (target, exact, prefix, suffix, start, end);
}

static gboolean
decode_reply (Decoder           *d,
              JsonNode          *node,
              PlenaryAnnotation *annotation)
{
  static const char * const known[] = { "author", "created", "text", NULL };
  g_autoptr(PlenaryReply) reply = NULL;
  JsonObject *object;

  if (!expect_object (d, node))
    return FALSE;
  object = json_node_get_object (node);

  reply = plenary_reply_new (NULL, NULL, NULL);
  if (!read_string (d, object, "author", FALSE, &reply->author) ||
      !read_string (d, object, "created", FALSE, &reply->created) ||
      !read_string (d, object, "text", FALSE, &reply->text))
    return FALSE;
  reply->extra = collect_extra (object, known);

  g_ptr_array_add (plenary_annotation_get_replies (annotation), g_steal_pointer (&reply));

  return TRUE;
}

static gboolean
decode_annotation (Decoder    *d,
                   JsonObject *object,
                   GHashTable *ids,
                   GListStore *store)
{
  static const char * const known[] = {
    "id", "kind", "author", "created", "modified", "resolved", "note", "category",
    "target", "citation", "replies", NULL
  };
  static const char * const known_citation[] = {
    "id", "kind", "author", "created", "modified", "resolved", "note", "category",
    "target", "citation", "show_quote", "replies", NULL
  };
  g_autoptr(PlenaryAnnotation) annotation = NULL;
  g_autoptr(PlenaryAnchor) anchor = NULL;
  g_autoptr(PlenaryAnchor) source_anchor = NULL;
  g_autoptr(JsonObject) anchor_extra = NULL;
  g_autoptr(JsonObject) source_anchor_extra = NULL;
  g_autoptr(JsonObject) extra = NULL;
  g_autofree char *id = NULL;
  g_autofree char *kind_name = NULL;
  g_autofree char *author = NULL;
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;
  g_autofree char *note = NULL;
  g_autofree char *category = NULL;
  PlenaryAnnotationKind kind = PLENARY_ANNOTATION_COMMENT;
  gboolean resolved = FALSE;
  gboolean show_quote = TRUE;
  JsonObject *target;
  JsonObject *citation;
  JsonArray *replies;
  gsize mark;

  if (!read_string (d, object, "id", FALSE, &id) ||
      !read_string (d, object, "kind", FALSE, &kind_name) ||
      !read_string (d, object, "author", FALSE, &author) ||
      !read_string (d, object, "created", FALSE, &created) ||
      !read_string (d, object, "modified", FALSE, &modified) ||
      !read_bool (d, object, "resolved", &resolved) ||
      !read_string (d, object, "note", FALSE, &note) ||
      !read_string (d, object, "category", FALSE, &category) ||
      !read_object (d, object, "target", &target) ||
      !read_object (d, object, "citation", &citation) ||
      !read_array (d, object, "replies", &replies))
    return FALSE;

  mark = push_key (d, "id");
  if (id == NULL || id[0] == '\0')
    {
      set_invalid (d, _("Invalid draft: %s is missing."), d->path->str);
      return FALSE;
    }
  if (!g_hash_table_add (ids, g_strdup (id)))
    {
      g_autofree char *shown = quote_for_message (id);

      set_invalid (d, _("Invalid draft: %s repeats the id “%s”."), d->path->str, shown);
      return FALSE;
    }
  pop (d, mark);

  if (kind_name != NULL && !plenary_annotation_kind_from_string (kind_name, &kind))
    {
      g_autofree char *shown = quote_for_message (kind_name);

      mark = push_key (d, "kind");
      set_invalid (d, _("Invalid draft: %s is not a known kind of annotation (“%s”)."),
                   d->path->str, shown);
      return FALSE;
    }

  if (kind == PLENARY_ANNOTATION_CITATION &&
      !read_bool (d, object, "show_quote", &show_quote))
    return FALSE;

  if (target != NULL)
    {
      mark = push_key (d, "target");
      anchor = decode_anchor (d, target, &anchor_extra);
      if (anchor == NULL)
        return FALSE;
      pop (d, mark);
    }

  if (citation != NULL)
    {
      mark = push_key (d, "citation");
      source_anchor = decode_anchor (d, citation, &source_anchor_extra);
      if (source_anchor == NULL)
        return FALSE;
      pop (d, mark);
    }

  annotation = plenary_annotation_new (id, kind, anchor);
  plenary_annotation_set_source_anchor (annotation, source_anchor);
  plenary_annotation_set_anchor_extra (annotation, FALSE, anchor_extra);
  plenary_annotation_set_anchor_extra (annotation, TRUE, source_anchor_extra);
  plenary_annotation_set_author (annotation, author);
  plenary_annotation_set_created (annotation, created);
  plenary_annotation_set_modified (annotation, modified);
  plenary_annotation_set_resolved (annotation, resolved);
  plenary_annotation_set_note (annotation, note);
  plenary_annotation_set_category (annotation, category);
  plenary_annotation_set_show_quote (annotation, show_quote);

  if (replies != NULL)
    {
      guint n = json_array_get_length (replies);

      mark = push_key (d, "replies");
      for (guint i = 0; i < n; i++)
        {
          gsize item_mark = push_index (d, i);

          if (!decode_reply (d, json_array_get_element (replies, i), annotation))
            return FALSE;
          pop (d, item_mark);
        }
      pop (d, mark);
    }

  extra = collect_extra (object, kind == PLENARY_ANNOTATION_CITATION ? known_citation : known);
  plenary_annotation_set_extra (annotation, extra);
  g_list_store_append (store, annotation);

  return TRUE;
}

/* Decodes each object of the array at KEY with DECODE_ONE. */
static gboolean
decode_list (Decoder    *d,
             JsonObject *root,
             const char *key,
             gboolean  (*decode_one) (Decoder *, JsonObject *, GHashTable *, GListStore *),
             GListStore *store)
{
  g_autoptr(GHashTable) ids = NULL;
  JsonArray *array;
  gsize mark;
  guint n;

  if (!read_array (d, root, key, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  mark = push_key (d, key);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize item_mark = push_index (d, i);

      if (!expect_object (d, node) ||
          !decode_one (d, json_node_get_object (node), ids, store))
        return FALSE;
      pop (d, item_mark);
    }
  pop (d, mark);

  return TRUE;
}

/* 1-based line and column (in characters) of byte OFFSET. */
static void
locate_offset (const char *data,
               gsize       offset,
               guint      *line,
               guint      *column)
{
  const char *line_start = data;

  *line = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          line_start = data + i + 1;
        }
    }

  *column = (guint) g_utf8_strlen (line_start, data + offset - line_start) + 1;
}

static gboolean
refuse_at (const char  *data,
           gsize        offset,
           const char  *detail,
           GError     **error)
{
  guint line, column;

  locate_offset (data, offset, &line, &column);
  set_location_error (error, line, column,
                      _("The file is not valid JSON: line %u, column %u (%s)"),
                      line, column, detail);
  return FALSE;
}

/* -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static gboolean
is_json_number (const char *p,
                gsize       length)
{
  const char *end = p + length;

  if (p < end && *p == '-')
    p++;
  if (p >= end || !g_ascii_isdigit (*p))
    return FALSE;
  if (*p == '0')
    p++;
  else
    while (p < end && g_ascii_isdigit (*p))
      p++;
  if (p < end && *p == '.')
    {
      if (++p >= end || !g_ascii_isdigit (*p))
        return FALSE;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return FALSE;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  return p == end;
}

/* Before json-glib, one pass over the tokens. Its recursive descent would
 * overflow the stack on a million '[': the nesting is measured. And it
 * accepts what JSON does not, which other programs then refuse or read
 * otherwise: numbers like 0x10 or 007, strings in single quotes, line
 * breaks inside strings, comments, and a second value after the first (lost at the next save). Other
 * faults are left to json-glib, which names them. */
static gboolean
check_strict_json (const char  *data,
                   gsize        length,
                   GError     **error)
{
  gboolean in_string = FALSE;
  gboolean root_done = FALSE;
  char open[MAX_JSON_DEPTH + 1];
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          /* json-glib 1.6 takes them, newer versions do not. */
          else if ((guchar) c < 0x20)
            return refuse_at (data, i, _("a line break or control character between quotes must be written with a backslash, as \\n"), error);
          else if (c == '"')
            {
              in_string = FALSE;
              root_done = depth == 0;
            }
          continue;
        }

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        continue;

      if (root_done)
        return refuse_at (data, i, _("more text after the end of the draft"), error);

      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (depth == MAX_JSON_DEPTH)
            return refuse_at (data, i, _("values are nested too deeply"), error);
          open[depth++] = c;
        }
      else if (c == ']' || c == '}')
        {
          /* A bracket that closes nothing open: json-glib says so. */
          if (depth == 0 || open[depth - 1] != (c == ']' ? '[' : '{'))
            return TRUE;
          if (--depth == 0)
            root_done = TRUE;
        }
      else if (c == '\'')
        return refuse_at (data, i, _("text must be in double quotes"), error);
      else if (c == '/')
        return refuse_at (data, i, _("comments are not allowed"), error);
      else if (c == '-' || c == '+' || c == '.' || g_ascii_isdigit (c))
        {
          gsize start = i;

          while (i + 1 < length && (g_ascii_isalnum (data[i + 1]) || data[i + 1] == '.' ||
                                    data[i + 1] == '+' || data[i + 1] == '-'))
            i++;
          if (!is_json_number (data + start, i + 1 - start))
            return refuse_at (data, start, _("numbers are written in decimal, without leading zeros"), error);
          root_done = depth == 0;
        }
      else if (g_ascii_isalpha (c))
        {
          while (i + 1 < length && g_ascii_isalnum (data[i + 1]))
            i++;
          root_done = depth == 0;
        }
    }

  return TRUE;
}

/* json-glib reports "<data>:LINE:COL: message"; take the numbers apart so
 * the message can be translated and the location kept in the error. */
static void
set_parse_error (const GError  *parse_error,
                 GError       **error)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&regex))
    {
      GRegex *compiled = g_regex_new (":(\\d+):(\\d+):\\s*(.*)$", G_REGEX_DOTALL | G_REGEX_OPTIMIZE,
                                      0, NULL);
      g_once_init_leave (&regex, compiled);
    }

  if (g_regex_match (regex, parse_error->message, 0, &match))
    {
      g_autofree char *line_str = g_match_info_fetch (match, 1);
      g_autofree char *column_str = g_match_info_fetch (match, 2);
      g_autofree char *raw_detail = g_match_info_fetch (match, 3);
      g_autofree char *detail = quote_for_message (raw_detail);
      guint line = (guint) g_ascii_strtoull (line_str, NULL, 10);
      guint column = (guint) g_ascii_strtoull (column_str, NULL, 10);

      set_location_error (error, line, column,
                          _("The file is not valid JSON: line %u, column %u (%s)"),
                          line, column, detail);
    }
  else
    {
      g_autofree char *detail = quote_for_message (parse_error->message);

      set_location_error (error, 0, 0, _("The file is not valid JSON (%s)"), detail);
    }
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;

  return TRUE;
}

/* Lone surrogate escapes (\ud800 without its pair) read as U+FFFD. Older
 * json-glib decodes them to bytes that are not UTF-8, 1.10 refuses the
 * whole file: neither loses a draft for one broken character. Returns NULL
 * when there is none. */
static int
surrogate_at (const char *p,
              const char *end)
{
  guint64 value;
  char hex[5];

  if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;
  memcpy (hex, p + 2, 4);
  hex[4] = '\0';
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isxdigit (hex[i]))
      return -1;
  value = g_ascii_strtoull (hex, NULL, 16);
  return value >= 0xd800 && value <= 0xdfff ? (int) value : -1;
}

static GString *
replace_lone_surrogates (const char *data,
                         gsize       length)
{
  const char *end = data + length;
  const char *copied = data;
  GString *out = NULL;
  gboolean in_string = FALSE;

  for (const char *p = data; p < end; p++)
    {
      int high, low;

      if (*p == '"')
        in_string = !in_string;
      if (!in_string || *p != '\\')
        continue;
      high = surrogate_at (p, end);
      if (high < 0)
        {
          p++;  /* any other escape, \" included */
          continue;
        }
      low = surrogate_at (p + 6, end);
      if (high <= 0xdbff && low >= 0xdc00)
        {
          p += 11;  /* a pair */
          continue;
        }
      if (out == NULL)
        out = g_string_sized_new (length);
      g_string_append_len (out, copied, p - copied);
      g_string_append (out, "\\ufffd");
      p += 5;
      copied = p + 1;
    }

  if (out != NULL)
    g_string_append_len (out, copied, end - copied);
  return out;
}

/* ------------------------------------------------------------------------ */
/* Revisions (format version 2)                                              */

/* A revision's paragraphs: one string of keys of "revision_paragraphs"
 * separated by spaces, in document order, each after one ">" per level of
 * sub-paragraph ("p1 p2 >p3 >>p4 p5~2"). A version without sub-paragraphs
 * here is shared by every revision that lists it (revisions never change).
 * A key the table lacks is counted in *UNKNOWN and left out, with what it
 * holds. */
static guint
next_depth (char **items)
{
  guint depth = 0;

  while (*items != NULL && (*items)[0] == '\0')
    items++;
  if (*items == NULL)
    return 0;
  while ((*items)[depth] == '>')
    depth++;

  return depth;
}

static gboolean
decode_revision_paragraphs (Decoder    *d,
                            const char *list,
                            GHashTable *versions,
                            GPtrArray  *into,
                            guint      *unknown)
{
  /* The paragraph each level's next ones go into; NULL below one left out. */
  PlenaryParagraph *parents[MAX_PARAGRAPH_DEPTH + 1] = { NULL, };
  gboolean dropped[MAX_PARAGRAPH_DEPTH + 1] = { FALSE, };
  g_auto(GStrv) items = g_strsplit (list, " ", -1);
  guint previous_depth = 0;
  guint position = 0;

  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *key = items[i];
      PlenaryParagraph *version;
      PlenaryParagraph *paragraph;
      guint depth = 0;

      if (key[0] == '\0')
        continue;
      position++;
      while (key[0] == '>')
        {
          depth++;
          key++;
        }

      if (depth > MAX_PARAGRAPH_DEPTH || (position == 1 && depth > 0) ||
          (position > 1 && depth > previous_depth + 1) || key[0] == '\0')
        {
          g_autofree char *shown = quote_for_message (items[i]);

          set_invalid (d, _("Invalid draft: in %s, item %u (“%s”) is not a sub-paragraph of "
                            "the item before it."), d->path->str, position, shown);
          return FALSE;
        }
      previous_depth = depth;

      /* Under a paragraph left out, or naming none: left out too. */
      if ((depth > 0 && dropped[depth - 1]) ||
          (version = g_hash_table_lookup (versions, key)) == NULL)
        {
          (*unknown)++;
          dropped[depth] = TRUE;
          continue;
        }
      dropped[depth] = FALSE;

      /* A paragraph with sub-paragraphs here (the next item is deeper) is
       * a node of this revision's own; others are the shared version. */
      if (next_depth (items + i + 1) > depth)
        {
          paragraph = plenary_paragraph_new (version->role, version->phrase, version->text);
          paragraph->id = g_strdup (version->id);
          if (version->extra != NULL)
            paragraph->extra = json_object_ref (version->extra);
        }
      else
        paragraph = plenary_paragraph_ref (version);

      g_ptr_array_add (depth == 0 ? into : parents[depth - 1]->children, paragraph);
      parents[depth] = paragraph;
    }

  return TRUE;
}

/* A key the table lacks names the paragraph of the current text with that
 * id (see seed_with_body()): its version without sub-paragraphs. */
static void
add_body_versions (GHashTable *versions,
                   GPtrArray  *paragraphs)
{
  for (guint i = 0; i < paragraphs->len; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (paragraphs, i);

      if (paragraph->id != NULL && !g_hash_table_contains (versions, paragraph->id))
        {
          PlenaryParagraph *version = plenary_paragraph_new (paragraph->role, paragraph->phrase, paragraph->text);

          version->id = g_strdup (paragraph->id);
          if (paragraph->extra != NULL)
            version->extra = json_object_ref (paragraph->extra);
          g_hash_table_insert (versions, g_strdup (paragraph->id), version);
        }
      add_body_versions (versions, paragraph->children);
    }
}

static gboolean
decode_revision_table (Decoder    *d,
                       JsonObject *table,
                       GHashTable *versions)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, table);
  while (json_object_iter_next_ordered (&iter, &key, &node))
    {
      gsize mark = push_key (d, key);
      PlenaryParagraph *paragraph;

      if (!(paragraph = decode_paragraph (d, node, PLENARY_ROLE_PARAGRAPH, 0)))
        return FALSE;
      g_hash_table_insert (versions, g_strdup (key), paragraph);
      if (paragraph->children->len > 0)
        {
          push_key (d, "subparagraphs");
          set_invalid (d, _("Invalid draft: %s should not be here: a revision lists a "
                            "paragraph's sub-paragraphs."), d->path->str);
          return FALSE;
        }
      pop (d, mark);
    }

  return TRUE;
}

static gboolean
read_required_string (Decoder     *d,
                      JsonObject  *object,
                      const char  *key,
                      char       **out)
{
  if (!read_string (d, object, key, FALSE, out))
    return FALSE;

  if (*out == NULL)
    {
      gsize mark = push_key (d, key);

      set_invalid (d, _("Invalid draft: %s is missing."), d->path->str);
      pop (d, mark);
      return FALSE;
    }

  return TRUE;
}

/* A date in the future (a clock set wrong) is kept as it is; one that is not
 * a date, or out of GLib's range once in UTC, is refused. */
static GDateTime *
parse_created (Decoder    *d,
               const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) created = g_date_time_new_from_iso8601 (text, utc);
  g_autofree char *shown = NULL;
  gsize mark;

  if (created != NULL)
    return g_date_time_to_utc (created);

  shown = quote_for_message (text);
  mark = push_key (d, "created");
  set_invalid (d, _("Invalid draft: %s should be a date and time such as "
                    "“2026-03-14T09:30:00Z” (“%s”)."), d->path->str, shown);
  pop (d, mark);
  return NULL;
}

static PlenaryRevision *
decode_revision (Decoder      *d,
                 JsonNode     *node,
                 GHashTable   *versions,
                 GHashTable   *ids,
                 PlenaryDraft *draft)
{
  g_autoptr(PlenaryMetadata) metadata = plenary_metadata_new ();
  g_autoptr(PlenaryBody) body = plenary_body_new ();
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *created_text = NULL;
  g_autofree char *author = NULL;
  g_autofree char *paragraphs = NULL;
  JsonObject *metadata_object;
  JsonObject *object;
  guint unknown = 0;
  gsize mark;

  if (!expect_object (d, node))
    return NULL;
  object = json_node_get_object (node);

  if (!read_required_string (d, object, "id", &id) ||
      !read_required_string (d, object, "name", &name) ||
      !read_required_string (d, object, "created", &created_text) ||
      !read_string (d, object, "author", FALSE, &author) ||
      !read_object (d, object, "metadata", &metadata_object) ||
      !read_string (d, object, "opening", TRUE, &body->opening) ||
      !read_string (d, object, "paragraphs", FALSE, &paragraphs))
    return NULL;

  flatten_in_place (&name);
  flatten_in_place (&author);
  flatten_in_place (&body->opening);

  if (!(created = parse_created (d, created_text)))
    return NULL;

  if (metadata_object != NULL)
    {
      mark = push_key (d, "metadata");
      if (!decode_metadata (d, metadata_object, metadata))
        return NULL;
      pop (d, mark);
    }

  if (paragraphs != NULL)
    {
      mark = push_key (d, "paragraphs");
      if (!decode_revision_paragraphs (d, paragraphs, versions, body->paragraphs, &unknown))
        return NULL;
      pop (d, mark);
    }

  if (unknown > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The revision “%s” named %u paragraph that the file "
                                      "does not hold: it was left out of the revision.",
                                      "The revision “%s” named %u paragraphs that the file "
                                      "does not hold: they were left out of the revision.",
                                      unknown),
                         name, unknown);
      plenary_draft_add_load_warning (draft, message);
    }

  /* Two revisions with one id (a hand-merged file): the second gets a
   * free one. */
  for (guint i = g_hash_table_size (ids) + 1; g_hash_table_contains (ids, id); i++)
    {
      g_free (id);
      id = g_strdup_printf ("r%u", i);
    }
  g_hash_table_add (ids, g_strdup (id));

  return plenary_revision_new (id, name, created, author, metadata, body);
}

static gboolean
decode_revisions (Decoder      *d,
                  JsonObject   *root,
                  PlenaryDraft *draft)
{
  g_autoptr(GHashTable) versions = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *revisions;
  JsonObject *table;
  gsize mark;
  guint n;

  if (!read_array (d, root, "revisions", &revisions) ||
      !read_object (d, root, "revision_paragraphs", &table))
    return FALSE;
  if (revisions == NULL)
    return TRUE;

  versions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) plenary_paragraph_unref);
  add_body_versions (versions, plenary_draft_get_body (draft)->paragraphs);
  if (table != NULL)
    {
      mark = push_key (d, "revision_paragraphs");
      if (!decode_revision_table (d, table, versions))
        return FALSE;
      pop (d, mark);
    }

  mark = push_key (d, "revisions");
  n = json_array_get_length (revisions);
  for (guint i = 0; i < n; i++)
    {
      gsize item_mark = push_index (d, i);
      g_autoptr(PlenaryRevision) revision = NULL;

      if (!(revision = decode_revision (d, json_array_get_element (revisions, i), versions, ids, draft)))
        return FALSE;
      plenary_draft_insert_revision (draft, -1, revision);
      pop (d, item_mark);
    }
  pop (d, mark);

  return TRUE;
}

/* Proposals and paragraph statuses ---------------------------------------- */

/* Every paragraph id of the text, in document order. */
static void
add_paragraph_ids (GHashTable *ids,
                   GPtrArray  *paragraphs)
{
  for (guint i = 0; i < paragraphs->len; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (paragraphs, i);

      if (paragraph->id != NULL)
        g_hash_table_add (ids, paragraph->id);
      add_paragraph_ids (ids, paragraph->children);
    }
}

static gboolean
read_enum (Decoder     *d,
           JsonObject  *object,
           const char  *key,
           GType        type,
           int         *out)
{
  g_autofree char *name = NULL;
  gsize mark;

  if (!read_string (d, object, key, FALSE, &name))
    return FALSE;
  /* "none" is the enums' nick of no value: the format omits it instead. */
  if (name == NULL || (!g_str_equal (name, "none") && plenary_enum_from_nick (type, name, out)))
    return TRUE;

  mark = push_key (d, key);
  {
    g_autofree char *shown = quote_for_message (name);

    set_invalid (d, _("Invalid draft: %s is not one of the values Plenary knows (“%s”)."),
                 d->path->str, shown);
  }
  pop (d, mark);
  return FALSE;
}

static PlenaryProposal *
decode_proposal (Decoder    *d,
                 JsonObject *object,
                 GHashTable *ids)
{
  g_autofree char *id = NULL;
  g_autofree char *delegation = NULL;
  g_autofree char *created_text = NULL;
  g_autofree char *paragraph = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) created = NULL;
  PlenaryProposal *proposal;
  int kind = PLENARY_PROPOSAL_TEXT;
  int friendliness = PLENARY_PROPOSAL_FRIENDLINESS_NONE;
  int vote = PLENARY_PROPOSAL_VOTE_NONE;
  gint64 start = 0, end = 0, level = 0;
  JsonObject *selector;
  gsize mark;

  if (!read_required_string (d, object, "id", &id) ||
      !read_enum (d, object, "kind", PLENARY_TYPE_PROPOSAL_KIND, &kind) ||
      !read_string (d, object, "delegation", FALSE, &delegation) ||
      !read_required_string (d, object, "created", &created_text) ||
      !read_string (d, object, "paragraph", FALSE, &paragraph) ||
      !read_object (d, object, "selector", &selector) ||
      !read_string (d, object, "text", FALSE, &text) ||
      !read_int (d, object, "level", 0, 8, &level) ||
      !read_enum (d, object, "friendliness", PLENARY_TYPE_PROPOSAL_FRIENDLINESS, &friendliness) ||
      !read_enum (d, object, "vote", PLENARY_TYPE_PROPOSAL_VOTE, &vote))
    return NULL;

  mark = push_key (d, "id");
  if (id[0] == '\0' || !g_hash_table_add (ids, g_strdup (id)))
    {
      g_autofree char *shown = quote_for_message (id);

      set_invalid (d, _("Invalid draft: %s repeats the id “%s”."), d->path->str, shown);
      return NULL;
    }
  pop (d, mark);

  if (!(created = parse_created (d, created_text)))
    return NULL;

  if (selector != NULL)
    {
      mark = push_key (d, "selector");
      if (!read_string (d, selector, "exact", FALSE, &exact) ||
          !read_string (d, selector, "prefix", FALSE, &prefix) ||
          !read_string (d, selector, "suffix", FALSE, &suffix) ||
          !read_int (d, selector, "start", 0, G_MAXINT32, &start) ||
          !read_int (d, selector, "end", 0, G_MAXINT32, &end))
        return NULL;
      if (end < start)
        {
          push_key (d, "end");
          set_invalid (d, _("Invalid draft: %s is out of range."), d->path->str);
          return NULL;
        }
      pop (d, mark);
    }

  /* A proposal changes one paragraph: the text's line breaks are spaces. */
  flatten_in_place (&delegation);
  flatten_in_place (&text);

  proposal = plenary_proposal_new_full (id, kind, delegation, created, paragraph,
                                        exact, prefix, suffix, start, end, text, level);
  plenary_proposal_set_friendliness (proposal, friendliness);
  plenary_proposal_set_vote (proposal, vote);

  return proposal;
}

/* Whether A and B, text proposals of one paragraph, change the same words. */
static gboolean
proposals_overlap (PlenaryProposal *a,
                   PlenaryProposal *b)
{
  gint64 a_start = plenary_proposal_get_start (a), a_end = plenary_proposal_get_end (a);
  gint64 b_start = plenary_proposal_get_start (b), b_end = plenary_proposal_get_end (b);

  if (a_start == a_end || b_start == b_end)
    return a_start >= b_start && a_start <= b_end && b_start >= a_start && b_start <= a_end;

  return a_start < b_end && b_start < a_end;
}

static gboolean
decode_proposals (Decoder      *d,
                  JsonObject   *root,
                  PlenaryDraft *draft)
{
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GHashTable) paragraphs = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  JsonArray *array;
  JsonObject *statuses;
  guint unknown = 0;
  guint overlapping = 0;
  gsize mark;
  guint n;

  if (!read_array (d, root, "proposals", &array) ||
      !read_object (d, root, "paragraph_status", &statuses))
    return FALSE;

  if (statuses != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (statuses);

      mark = push_key (d, "paragraph_status");
      for (GList *l = members; l != NULL; l = l->next)
        {
          int status = PLENARY_PARAGRAPH_STATUS_NONE;

          if (!read_enum (d, statuses, l->data, PLENARY_TYPE_PARAGRAPH_STATUS, &status))
            return FALSE;
          plenary_draft_set_paragraph_status (draft, l->data, status);
        }
      pop (d, mark);
    }

  if (array == NULL)
    return TRUE;

  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  paragraphs = g_hash_table_new (g_str_hash, g_str_equal);
  add_paragraph_ids (paragraphs, plenary_draft_get_body (draft)->paragraphs);
  proposals = g_ptr_array_new_with_free_func (g_object_unref);

  mark = push_key (d, "proposals");
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize item_mark = push_index (d, i);
      PlenaryProposal *proposal;
      const char *paragraph;

      if (!expect_object (d, node) ||
          !(proposal = decode_proposal (d, json_node_get_object (node), ids)))
        return FALSE;
      pop (d, item_mark);

      /* Kept whatever it names, so that nothing is lost; the editor shows
       * only those that still apply. */
      paragraph = plenary_proposal_get_paragraph (proposal);
      if (!g_hash_table_contains (paragraphs, paragraph) &&
          !(plenary_proposal_get_kind (proposal) == PLENARY_PROPOSAL_ADD_PARAGRAPH && paragraph[0] == '\0'))
        unknown++;
      else if (plenary_proposal_get_kind (proposal) == PLENARY_PROPOSAL_TEXT)
        for (guint j = 0; j < proposals->len; j++)
          {
            PlenaryProposal *other = g_ptr_array_index (proposals, j);

            if (plenary_proposal_get_kind (other) == PLENARY_PROPOSAL_TEXT &&
                strcmp (plenary_proposal_get_paragraph (other), paragraph) == 0 &&
                strcmp (plenary_proposal_get_delegation (other), plenary_proposal_get_delegation (proposal)) == 0 &&
                proposals_overlap (other, proposal))
              {
                overlapping++;
                break;
              }
          }
      g_ptr_array_add (proposals, proposal);
    }
  pop (d, mark);

  plenary_draft_set_proposals (draft, proposals);

  if (unknown > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u proposal names a paragraph the text does not hold: "
                                      "it is kept in the file but not shown.",
                                      "%u proposals name a paragraph the text does not hold: "
                                      "they are kept in the file but not shown.",
                                      unknown),
                         unknown);
      plenary_draft_add_load_warning (draft, message);
    }
  if (overlapping > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u proposal changes words that an earlier proposal of the "
                                      "same delegation changes: both are shown, as alternatives.",
                                      "%u proposals change words that an earlier proposal of the "
                                      "same delegation changes: all are shown, as alternatives.",
                                      overlapping),
                         overlapping);
      plenary_draft_add_load_warning (draft, message);
    }

  return TRUE;
}

/* A paragraph whose id an earlier one of the same text has gets a new id
 * (copied first: revisions share paragraphs). */
static guint
renumber_duplicates (PlenaryDraft *draft,
                     GPtrArray    *paragraphs,
                     GHashTable   *seen)
{
  guint renamed = 0;

  for (guint i = 0; i < paragraphs->len; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (paragraphs, i);

      if (paragraph->id != NULL && g_hash_table_contains (seen, paragraph->id))
        {
          PlenaryParagraph *copy = plenary_paragraph_copy (paragraph);

          g_free (copy->id);
          copy->id = plenary_draft_new_paragraph_id (draft);
          paragraphs->pdata[i] = copy;
          plenary_paragraph_unref (paragraph);
          paragraph = copy;
          renamed++;
        }
      if (paragraph->id != NULL)
        g_hash_table_add (seen, paragraph->id);
      renamed += renumber_duplicates (draft, paragraph->children, seen);
    }

  return renamed;
}

/* Every paragraph of the text gets an id (a version 1 file has none); two
 * paragraphs with one id (a hand-edited or hand-merged file) are told
 * apart: the first keeps it. Nothing else changes, so it is a warning. */
static void
check_paragraph_ids (PlenaryDraft *draft)
{
  GListModel *revisions = plenary_draft_get_revisions (draft);
  guint renamed;
  guint n;

  renamed = plenary_draft_ensure_paragraph_ids (draft);
  if (renamed > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u paragraph had the same id as an earlier one: it was "
                                      "given a new id, its text is unchanged.",
                                      "%u paragraphs had the same id as earlier ones: they were "
                                      "given new ids, their text is unchanged.",
                                      renamed),
                         renamed);
      plenary_draft_add_load_warning (draft, message);
    }

  n = g_list_model_get_n_items (revisions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenaryRevision) revision = g_list_model_get_item (revisions, i);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      renamed = renumber_duplicates (draft, plenary_revision_get_body (revision)->paragraphs, seen);
      if (renamed > 0)
        {
          g_autofree char *message =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "In the revision “%s”, %u paragraph had the same id as "
                                          "an earlier one: it was given a new id.",
                                          "In the revision “%s”, %u paragraphs had the same id as "
                                          "earlier ones: they were given new ids.",
                                          renamed),
                             plenary_revision_get_name (revision), renamed);
          plenary_draft_add_load_warning (draft, message);
        }
    }
}

PlenaryDraft *
plenary_draft_codec_decode (const char  *data,
                            gsize        length,
                            GError     **error)
{
  static const char * const known[] = {
    "format", "version", "kind", "language", "metadata", "body", "sources", "annotations",
    "revisions", "revision_paragraphs", "proposals", "paragraph_status", NULL
  };
  g_autoptr(GString) path = NULL;
  g_autoptr(GString) repaired = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(JsonObject) extra = NULL;
  g_autofree char *format = NULL;
  g_autofree char *kind_name = NULL;
  g_autofree char *language = NULL;
  PlenaryDraftKind kind = PLENARY_DRAFT_KIND_RESOLUTION;
  JsonObject *metadata;
  JsonObject *body;
  JsonObject *root;
  JsonNode *root_node;
  JsonNode *version_node;
  const char *invalid_end;
  Decoder d;
  gint64 version;
  gsize mark;

  g_autofree char *decoded = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A draft saved by an editor as UTF-16 or UTF-32 ("Unicode" in Windows
   * Notepad) carries a BOM: read it as the same text in UTF-8. */
  if (length >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                      ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF) ||
                      (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0) ||
                      (length >= 4 && memcmp (data, "\0\0\xFE\xFF", 4) == 0)))
    {
      decoded = plenary_text_decode (data, length, NULL, NULL);
      data = decoded;
      length = strlen (decoded);
    }

  if (is_blank (data, length))
    {
      set_location_error (error, 1, 1, _("The file is empty."));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &invalid_end))
    {
      guint line, column;

      locate_offset (data, invalid_end - data, &line, &column);
      set_location_error (error, line, column,
                          _("The file is not valid UTF-8 text: line %u, column %u."),
                          line, column);
      return NULL;
    }

  if (!check_strict_json (data, length, error))
    return NULL;

  repaired = replace_lone_surrogates (data, length);
  if (repaired != NULL)
    {
      data = repaired->str;
      length = repaired->len;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      set_parse_error (parse_error, error);
      return NULL;
    }

  root_node = json_parser_get_root (parser);
  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_set_error_literal (error, PLENARY_DRAFT_ERROR, PLENARY_DRAFT_ERROR_NOT_A_DRAFT,
                           _("The file is not a Plenary draft."));
      return NULL;
    }
  root = json_node_get_object (root_node);

  path = g_string_new ("$");
  d.path = path;
  d.error = error;

  if (!json_object_has_member (root, "format") ||
      !node_is_string (json_object_get_member (root, "format")) ||
      strcmp (json_object_get_string_member (root, "format"), PLENARY_DRAFT_FORMAT) != 0)
    {
      g_set_error_literal (error, PLENARY_DRAFT_ERROR, PLENARY_DRAFT_ERROR_NOT_A_DRAFT,
                           _("The file is not a Plenary draft."));
      return NULL;
    }

  version_node = json_object_get_member (root, "version");
  mark = push_key (&d, "version");
  if (version_node == NULL)
    {
      set_invalid (&d, _("Invalid draft: %s is missing."), d.path->str);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (version_node) ||
      json_node_get_value_type (version_node) != G_TYPE_INT64)
    {
      set_invalid (&d, _("Invalid draft: %s should be a whole number."), d.path->str);
      return NULL;
    }
  version = json_node_get_int (version_node);
  if (version > PLENARY_DRAFT_VERSION)
    {
      /* gettext cannot see through G_GINT64_FORMAT: print the number first. */
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      g_set_error (error, PLENARY_DRAFT_ERROR, PLENARY_DRAFT_ERROR_NEWER_VERSION,
                   _("This draft was made by a newer version of Plenary (format version %s; "
                     "this version reads up to %d). Update Plenary to open it."),
                   number, PLENARY_DRAFT_VERSION);
      return NULL;
    }
  if (version < 1)
    {
      set_invalid (&d, _("Invalid draft: %s is out of range."), d.path->str);
      return NULL;
    }
  pop (&d, mark);

  if (!read_string (&d, root, "kind", FALSE, &kind_name) ||
      !read_string (&d, root, "language", FALSE, &language) ||
      !read_object (&d, root, "metadata", &metadata) ||
      !read_object (&d, root, "body", &body))
    return NULL;

  if (kind_name != NULL && !plenary_draft_kind_from_string (kind_name, &kind))
    {
      g_autofree char *shown = quote_for_message (kind_name);

      push_key (&d, "kind");
      set_invalid (&d, _("Invalid draft: %s is not a known kind of draft (“%s”)."),
                   d.path->str, shown);
      return NULL;
    }

  draft = plenary_draft_new (kind, language != NULL ? language : "fr");

  if (metadata != NULL)
    {
      mark = push_key (&d, "metadata");
      if (!decode_metadata (&d, metadata, plenary_draft_get_metadata (draft)))
        return NULL;
      pop (&d, mark);
    }

  if (body != NULL)
    {
      g_autoptr(PlenaryBody) new_body = plenary_body_new ();

      mark = push_key (&d, "body");
      if (!decode_body (&d, body, kind, new_body))
        return NULL;
      pop (&d, mark);

      plenary_draft_set_body (draft, new_body);
    }

  if (!decode_list (&d, root, "sources", decode_source, plenary_draft_get_sources (draft)) ||
      !decode_list (&d, root, "annotations", decode_annotation,
                    plenary_draft_get_annotations (draft)) ||
      !decode_revisions (&d, root, draft))
    return NULL;

  check_paragraph_ids (draft);

  if (!decode_proposals (&d, root, draft))
    return NULL;

  extra = collect_extra (root, known);
  plenary_draft_set_extra (draft, extra);

  return g_steal_pointer (&draft);
}

/* ------------------------------------------------------------------------ */
/* Encoding                                                                  */

/* Written by hand rather than with JsonGenerator, whose 1.6 output puts a
 * space before colons, prints "{  }" and writes doubles with 17 digits
 * (1.1 becomes 1.1000000000000001), which would alter unknown members. */
typedef struct
{
  GString    *out;
  GByteArray *first;  /* one flag per open container: no member written yet */
  /* The sources whose text goes after each piece of OUT but the last, and
   * where each piece ends: see PlenaryDraftSnapshot. */
  GPtrArray  *texts;
  GArray     *ends;
} Writer;

static void
write_indent (Writer *w)
{
  g_string_append_c (w->out, '\n');
  for (guint i = 0; i < w->first->len; i++)
    g_string_append (w->out, "  ");
}

static void
write_string (Writer     *w,
              const char *str)
{
  g_autofree char *valid = NULL;
  const char *run;
  const char *p;

  if (str == NULL)
    {
      g_string_append (w->out, "null");
      return;
    }

  /* Strings set by code might not be UTF-8; the file must be. */
  if (!g_utf8_validate (str, -1, NULL))
    str = valid = g_utf8_make_valid (str, -1);

  g_string_append_c (w->out, '"');
  run = str;
  for (p = str; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (w->out, run, p - run);
      run = p + 1;

      switch (c)
        {
        case '"':  g_string_append (w->out, "\\\""); break;
        case '\\': g_string_append (w->out, "\\\\"); break;
        case '\n': g_string_append (w->out, "\\n"); break;
        case '\r': g_string_append (w->out, "\\r"); break;
        case '\t': g_string_append (w->out, "\\t"); break;
        case '\b': g_string_append (w->out, "\\b"); break;
        case '\f': g_string_append (w->out, "\\f"); break;
        default:
          g_string_append_printf (w->out, "\\u%04x", c);
        }
    }
  g_string_append_len (w->out, run, p - run);
  g_string_append_c (w->out, '"');
}

static void
begin (Writer *w,
       char    bracket)
{
  guint8 yes = 1;

  g_string_append_c (w->out, bracket);
  g_byte_array_append (w->first, &yes, 1);
}

static void
end (Writer *w,
     char    bracket)
{
  gboolean empty = w->first->data[w->first->len - 1];

  g_byte_array_set_size (w->first, w->first->len - 1);
  if (!empty)
    write_indent (w);
  g_string_append_c (w->out, bracket);
}

/* Starts an array element or, with KEY, an object member. */
static void
item (Writer     *w,
      const char *key)
{
  guint8 *first = &w->first->data[w->first->len - 1];

  if (!*first)
    g_string_append_c (w->out, ',');
  *first = FALSE;
  write_indent (w);

  if (key != NULL)
    {
      write_string (w, key);
      g_string_append (w->out, ": ");
    }
}

static void
member_string (Writer     *w,
               const char *key,
               const char *value)
{
  item (w, key);
  write_string (w, value);
}

/* A member that is one line: see flatten_line_breaks(). */
static void
member_line (Writer     *w,
             const char *key,
             const char *value)
{
  g_autofree char *flat = flatten_line_breaks (value);

  member_string (w, key, flat != NULL ? flat : value);
}

static void
member_int (Writer     *w,
            const char *key,
            gint64      value)
{
  item (w, key);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, value);
}

static void
member_bool (Writer     *w,
             const char *key,
             gboolean    value)
{
  item (w, key);
  g_string_append (w->out, value ? "true" : "false");
}

static void write_node (Writer   *w,
                        JsonNode *node);

static void
write_value (Writer   *w,
             JsonNode *node)
{
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      write_string (w, json_node_get_string (node));
      break;

    case G_TYPE_INT64:
      g_string_append_printf (w->out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;

    case G_TYPE_BOOLEAN:
      g_string_append (w->out, json_node_get_boolean (node) ? "true" : "false");
      break;

    case G_TYPE_DOUBLE:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];
        double value = json_node_get_double (node);

        if (!isfinite (value))
          {
            g_string_append (w->out, "null");
            break;
          }

        /* The shortest form that reads back as the same double, so 1.1
         * stays 1.1 rather than g_ascii_dtostr()'s 1.1000000000000001. */
        for (guint precision = 15; precision <= 17; precision++)
          {
            char format[8];

            g_snprintf (format, sizeof format, "%%.%ug", precision);
            g_ascii_formatd (buffer, sizeof buffer, format, value);
            if (g_ascii_strtod (buffer, NULL) == value)
              break;
          }
        g_string_append (w->out, buffer);
        if (strpbrk (buffer, ".eE") == NULL)
          g_string_append (w->out, ".0");
      }
      break;

    default:
      g_string_append (w->out, "null");
    }
}

/* Members of EXTRA, in their original order, after the known ones. SKIP is
 * a member already merged elsewhere. */
static void
write_extra_members (Writer     *w,
                     JsonObject *extra,
                     const char *skip)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (extra == NULL)
    return;

  json_object_iter_init_ordered (&iter, extra);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (skip != NULL && strcmp (name, skip) == 0)
        continue;

      item (w, name);
      write_node (w, node);
    }
}

static void
write_node (Writer   *w,
            JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      begin (w, '{');
      write_extra_members (w, json_node_get_object (node), NULL);
      end (w, '}');
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        begin (w, '[');
        for (guint i = 0; i < n; i++)
          {
            item (w, NULL);
            write_node (w, json_array_get_element (array, i));
          }
        end (w, ']');
      }
      break;

    case JSON_NODE_VALUE:
      write_value (w, node);
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (w->out, "null");
    }
}

static void
write_paragraph (Writer                 *w,
                 const PlenaryParagraph *paragraph,
                 gboolean                in_subparagraphs)
{
  begin (w, '{');

  if (paragraph->id != NULL)
    member_string (w, "id", paragraph->id);
  /* Inside "subparagraphs" the role is implied. */
  if (!in_subparagraphs || paragraph->role != PLENARY_ROLE_SUBPARAGRAPH)
    member_string (w, "role", plenary_role_to_string (paragraph->role));
  if (paragraph->phrase != NULL)
    member_line (w, "phrase", paragraph->phrase);
  member_line (w, "text", paragraph->text);

  if (paragraph->children->len > 0)
    {
      item (w, "subparagraphs");
      begin (w, '[');
      for (guint i = 0; i < paragraph->children->len; i++)
        {
          item (w, NULL);
          write_paragraph (w, g_ptr_array_index (paragraph->children, i), TRUE);
        }
      end (w, ']');
    }

  write_extra_members (w, paragraph->extra, NULL);
  end (w, '}');
}

static void
write_paragraph_list (Writer    *w,
                      GPtrArray *paragraphs,
                      guint      from,
                      guint      to)
{
  begin (w, '[');
  for (guint i = from; i < to; i++)
    {
      item (w, NULL);
      write_paragraph (w, g_ptr_array_index (paragraphs, i), FALSE);
    }
  end (w, ']');
}

static void
write_sections (Writer    *w,
                GPtrArray *paragraphs)
{
  guint i = 0;

  begin (w, '[');
  while (i < paragraphs->len)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (paragraphs, i);

      item (w, NULL);
      begin (w, '{');

      if (paragraph->role == PLENARY_ROLE_HEADING)
        {
          if (paragraph->id != NULL)
            member_string (w, "id", paragraph->id);
          member_line (w, "heading", paragraph->text);
          item (w, "paragraphs");
          write_paragraph_list (w, paragraph->children, 0, paragraph->children->len);
          write_extra_members (w, paragraph->extra, NULL);
          i++;
        }
      else
        {
          guint run_end = i;

          /* Paragraphs before any heading: a section with a null heading. */
          while (run_end < paragraphs->len &&
                 ((PlenaryParagraph *) g_ptr_array_index (paragraphs, run_end))->role != PLENARY_ROLE_HEADING)
            run_end++;

          member_string (w, "heading", NULL);
          item (w, "paragraphs");
          write_paragraph_list (w, paragraphs, i, run_end);
          i = run_end;
        }

      end (w, '}');
    }
  end (w, ']');
}

/* Written only when there are some, so that a draft without notes or annex
 * reads the same in version 1. */
static void
write_notes_and_annex (Writer      *w,
                       PlenaryBody *body)
{
  if (body->notes->len > 0)
    {
      item (w, "notes");
      begin (w, '[');
      for (guint i = 0; i < body->notes->len; i++)
        {
          PlenaryNote *note = g_ptr_array_index (body->notes, i);

          item (w, NULL);
          begin (w, '{');
          member_line (w, "id", note->id);
          member_line (w, "text", note->text);
          end (w, '}');
        }
      end (w, ']');
    }

  if (body->annex_heading != NULL)
    {
      item (w, "annex");
      begin (w, '{');
      member_line (w, "heading", body->annex_heading);
      item (w, "paragraphs");
      begin (w, '[');
      for (guint i = 0; i < body->annex->len; i++)
        {
          g_autofree char *flat = flatten_line_breaks (g_ptr_array_index (body->annex, i));

          item (w, NULL);
          write_string (w, flat != NULL ? flat : g_ptr_array_index (body->annex, i));
        }
      end (w, ']');
      end (w, '}');
    }
}

static void
write_body (Writer           *w,
            PlenaryBody      *body,
            PlenaryDraftKind  kind)
{
  begin (w, '{');

  if (kind == PLENARY_DRAFT_KIND_BRIEF)
    {
      if (body->opening != NULL)
        member_line (w, "opening", body->opening);
      item (w, "sections");
      write_sections (w, body->paragraphs);
    }
  else
    {
      member_line (w, "opening", body->opening);
      item (w, "paragraphs");
      write_paragraph_list (w, body->paragraphs, 0, body->paragraphs->len);
    }

  write_notes_and_annex (w, body);
  write_extra_members (w, body->extra, NULL);
  end (w, '}');
}

static void
write_strv (Writer             *w,
            const char         *key,
            const char * const *strv)
{
  item (w, key);
  begin (w, '[');
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      item (w, NULL);
      write_string (w, strv[i]);
    }
  end (w, ']');
}

static void
write_metadata (Writer          *w,
                PlenaryMetadata *metadata)
{
  const char * const *fields = plenary_metadata_list_string_fields ();

  begin (w, '{');
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *name = metadata_json_name (fields[i]);

      member_string (w, name, plenary_metadata_get_string (metadata, fields[i]));

      /* The lists follow the delegation that submits the draft. */
      if (strcmp (fields[i], "submitted-by") == 0)
        {
          write_strv (w, "co_sponsors", plenary_metadata_get_co_sponsors (metadata));
          write_strv (w, "signatories", plenary_metadata_get_signatories (metadata));
        }
    }
  member_int (w, "page_limit", plenary_metadata_get_page_limit (metadata));
  write_extra_members (w, plenary_metadata_get_extra (metadata), NULL);
  end (w, '}');
}

/* Details and styles are written only when the source has some. */
static void
write_source_details (Writer        *w,
                      PlenarySource *source)
{
  const struct {
    const char *key;
    const char *value;
  } details[] = {
    { "author", plenary_source_get_author (source) },
    { "date", plenary_source_get_date (source) },
    { "symbol", plenary_source_get_symbol (source) },
    { "url", plenary_source_get_url (source) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (details); i++)
    if (details[i].value[0] != '\0')
      member_string (w, details[i].key, details[i].value);
}

/* One style a line: [start, end, "kind", level]. */
static void
write_source_styles (Writer        *w,
                     PlenarySource *source)
{
  const GArray *styles = plenary_source_get_styles (source);

  if (styles->len == 0)
    return;

  item (w, "styles");
  begin (w, '[');
  for (guint i = 0; i < styles->len; i++)
    {
      const PlenarySourceStyle *style = &g_array_index (styles, PlenarySourceStyle, i);

      item (w, NULL);
      g_string_append_printf (w->out, "[%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", \"%s\"",
                              style->start, style->end,
                              plenary_source_style_kind_to_string (style->kind));
      if (style->level > 0)
        g_string_append_printf (w->out, ", %u", style->level);
      g_string_append_c (w->out, ']');
    }
  end (w, ']');
}

static void
write_source (Writer        *w,
              PlenarySource *source)
{
  const GArray *starts = plenary_source_get_page_starts (source);

  begin (w, '{');
  member_string (w, "id", plenary_source_get_id (source));
  member_string (w, "title", plenary_source_get_title (source));
  member_string (w, "origin", plenary_source_get_origin (source));
  member_string (w, "media_type", plenary_source_get_media_type (source));
  if (starts->len > 0)
    {
      item (w, "pages");
      begin (w, '[');
      for (guint i = 0; i < starts->len; i++)
        {
          item (w, NULL);
          g_string_append_printf (w->out, "%" G_GINT64_FORMAT,
                                  g_array_index (starts, gint64, i));
        }
      end (w, ']');
    }
  write_source_details (w, source);
  /* Its text never changes: escaped later, by whoever encodes. */
  item (w, "text");
  g_array_append_val (w->ends, w->out->len);
  g_ptr_array_add (w->texts, g_object_ref (source));
  write_source_styles (w, source);
  write_extra_members (w, plenary_source_get_extra (source), NULL);
  end (w, '}');
}

static const char *
selector_type (JsonNode *node)
{
  JsonNode *type;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  type = json_object_get_member (json_node_get_object (node), "type");
  return type != NULL && node_is_string (type) ? json_node_get_string (type) : NULL;
}

/* The extra members kept for the selector of TYPE, or NULL. */
static JsonObject *
find_selector_extra (JsonArray  *selector_extra,
                     const char *type)
{
  guint n = selector_extra != NULL ? json_array_get_length (selector_extra) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (selector_extra, i);

      if (g_strcmp0 (selector_type (node), type) == 0)
        return json_node_get_object (node);
    }

  return NULL;
}

static void
write_anchor (Writer        *w,
              PlenaryAnchor *anchor,
              JsonObject    *extra)
{
  JsonArray *selector_extra = NULL;
  gboolean skipped_quote = FALSE;
  gboolean skipped_position = FALSE;
  guint n_selector_extra;

  if (extra != NULL && json_object_has_member (extra, "selector") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (extra, "selector")))
    selector_extra = json_object_get_array_member (extra, "selector");
  n_selector_extra = selector_extra != NULL ? json_array_get_length (selector_extra) : 0;

  begin (w, '{');
  member_string (w, "source", anchor->target);
  item (w, "selector");
  begin (w, '[');

  item (w, NULL);
  begin (w, '{');
  member_string (w, "type", "TextQuoteSelector");
  member_string (w, "exact", anchor->exact);
  member_string (w, "prefix", anchor->prefix);
  member_string (w, "suffix", anchor->suffix);
  write_extra_members (w, find_selector_extra (selector_extra, "TextQuoteSelector"), "type");
  end (w, '}');

  item (w, NULL);
  begin (w, '{');
  member_string (w, "type", "TextPositionSelector");
  member_int (w, "start", anchor->start);
  member_int (w, "end", anchor->end);
  write_extra_members (w, find_selector_extra (selector_extra, "TextPositionSelector"), "type");
  end (w, '}');

  /* Selectors of other types, and further ones of these two types, as they
   * were; the first of each type holds the extra members written above. */
  for (guint i = 0; i < n_selector_extra; i++)
    {
      JsonNode *node = json_array_get_element (selector_extra, i);
      const char *type = selector_type (node);

      if (!skipped_quote && g_strcmp0 (type, "TextQuoteSelector") == 0)
        {
          skipped_quote = TRUE;
          continue;
        }
      if (!skipped_position && g_strcmp0 (type, "TextPositionSelector") == 0)
        {
          skipped_position = TRUE;
          continue;
        }

      item (w, NULL);
      write_node (w, node);
    }

  end (w, ']');
  write_extra_members (w, extra, "selector");
  end (w, '}');
}

static void
write_annotation (Writer            *w,
                  PlenaryAnnotation *annotation)
{
  PlenaryAnnotationKind kind = plenary_annotation_get_kind (annotation);
  PlenaryAnchor *source_anchor = plenary_annotation_get_source_anchor (annotation);
  GPtrArray *replies = plenary_annotation_get_replies (annotation);

  begin (w, '{');
  member_string (w, "id", plenary_annotation_get_id (annotation));
  member_string (w, "kind", plenary_annotation_kind_to_string (kind));
  member_string (w, "author", plenary_annotation_get_author (annotation));
  member_string (w, "created", plenary_annotation_get_created (annotation));
  member_string (w, "modified", plenary_annotation_get_modified (annotation));
  member_bool (w, "resolved", plenary_annotation_get_resolved (annotation));
  member_string (w, "note", plenary_annotation_get_note (annotation));
  member_string (w, "category", plenary_annotation_get_category (annotation));

  item (w, "target");
  write_anchor (w, plenary_annotation_get_anchor (annotation),
                plenary_annotation_get_anchor_extra (annotation, FALSE));

  if (source_anchor != NULL)
    {
      item (w, "citation");
      write_anchor (w, source_anchor, plenary_annotation_get_anchor_extra (annotation, TRUE));
    }

  if (kind == PLENARY_ANNOTATION_CITATION)
    member_bool (w, "show_quote", plenary_annotation_get_show_quote (annotation));

  item (w, "replies");
  begin (w, '[');
  for (guint i = 0; i < replies->len; i++)
    {
      PlenaryReply *reply = g_ptr_array_index (replies, i);

      item (w, NULL);
      begin (w, '{');
      member_string (w, "author", reply->author);
      member_string (w, "created", reply->created);
      member_string (w, "text", reply->text);
      write_extra_members (w, reply->extra, NULL);
      end (w, '}');
    }
  end (w, ']');

  write_extra_members (w, plenary_annotation_get_extra (annotation), NULL);
  end (w, '}');
}

static void
write_list (Writer     *w,
            const char *key,
            GListModel *model,
            void      (*write_one) (Writer *, gpointer))
{
  guint n = g_list_model_get_n_items (model);

  item (w, key);
  begin (w, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      item (w, NULL);
      write_one (w, object);
    }
  end (w, ']');
}

/* Revisions (format version 2) ------------------------------------------- */

/* Revisions share their paragraphs through one table, "revision_paragraphs":
 * each distinct version of a paragraph (its id and content) is written once,
 * under its id for the first version met and its id and "~2", "~3"… for
 * the others, and a revision is one string of keys. Twenty revisions of a
 * 5,000-paragraph text cost one copy of it, the paragraphs that changed, and
 * a few bytes per paragraph and revision. */
typedef struct
{
  GHashTable *by_key;     /* key → PlenaryParagraph (the version written) */
  GHashTable *by_pointer; /* PlenaryParagraph → key, for paragraphs shared in memory */
  GPtrArray  *order;      /* keys, in the order first met */
} VersionTable;

static gboolean
version_equal (const PlenaryParagraph *a,
               const PlenaryParagraph *b)
{
  guint extra_a = a->extra != NULL ? json_object_get_size (a->extra) : 0;
  guint extra_b = b->extra != NULL ? json_object_get_size (b->extra) : 0;

  return a->role == b->role &&
         g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->phrase, b->phrase) == 0 &&
         strcmp (a->text, b->text) == 0 &&
         extra_a == extra_b &&
         (extra_a == 0 || json_object_equal (a->extra, b->extra));
}

static const char *
version_key (VersionTable     *table,
             PlenaryParagraph *paragraph)
{
  /* Ids never hold spaces or start with ">" (read_paragraph_id()). */
  const char *base = paragraph->id != NULL ? paragraph->id : "x";
  const char *key;
  char *candidate;

  if ((key = g_hash_table_lookup (table->by_pointer, paragraph)) != NULL)
    return key;

  candidate = g_strdup (base);
  for (guint i = 2; ; i++)
    {
      gpointer stored_key, found;

      if (!g_hash_table_lookup_extended (table->by_key, candidate, &stored_key, &found))
        {
          g_hash_table_insert (table->by_key, candidate, plenary_paragraph_ref (paragraph));
          g_ptr_array_add (table->order, candidate);
          key = candidate;
          break;
        }

      g_free (candidate);
      if (version_equal (found, paragraph))
        {
          key = stored_key;
          break;
        }
      candidate = g_strdup_printf ("%s~%u", base, i);
    }

  g_hash_table_insert (table->by_pointer, paragraph, (gpointer) key);
  return key;
}

/* A paragraph of the table: its own members, never its sub-paragraphs. */
static void
write_paragraph_version (Writer                 *w,
                         const PlenaryParagraph *paragraph)
{
  begin (w, '{');
  if (paragraph->id != NULL)
    member_string (w, "id", paragraph->id);
  member_string (w, "role", plenary_role_to_string (paragraph->role));
  if (paragraph->phrase != NULL)
    member_line (w, "phrase", paragraph->phrase);
  member_line (w, "text", paragraph->text);
  write_extra_members (w, paragraph->extra, NULL);
  end (w, '}');
}

/* The paragraphs of the current text are written in the body: a revision
 * names them by their id alone, and the table holds only older versions. */
static void
seed_with_body (VersionTable *table,
                GPtrArray    *paragraphs)
{
  for (guint i = 0; i < paragraphs->len; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (paragraphs, i);

      if (paragraph->id != NULL && !g_hash_table_contains (table->by_key, paragraph->id))
        g_hash_table_insert (table->by_key, g_strdup (paragraph->id), plenary_paragraph_ref (paragraph));
      seed_with_body (table, paragraph->children);
    }
}

static void
append_revision_paragraphs (GString      *list,
                            VersionTable *table,
                            GPtrArray    *paragraphs,
                            guint         depth)
{
  for (guint i = 0; i < paragraphs->len; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (paragraphs, i);

      if (list->len > 0)
        g_string_append_c (list, ' ');
      for (guint l = 0; l < depth; l++)
        g_string_append_c (list, '>');
      g_string_append (list, version_key (table, paragraph));
      append_revision_paragraphs (list, table, paragraph->children, depth + 1);
    }
}

/* "2026-03-14T09:30:00Z", the year in four digits, which %Y does not give
 * before 1000. */
static char *
format_created (GDateTime *created)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (created);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc));
}

static void
write_revision (Writer          *w,
                VersionTable    *table,
                PlenaryRevision *revision)
{
  PlenaryBody *body = plenary_revision_get_body (revision);
  g_autofree char *created = format_created (plenary_revision_get_created (revision));

  begin (w, '{');
  member_string (w, "id", plenary_revision_get_id (revision));
  member_line (w, "name", plenary_revision_get_name (revision));
  member_string (w, "created", created);
  member_line (w, "author", plenary_revision_get_author (revision));
  item (w, "metadata");
  write_metadata (w, plenary_revision_get_metadata (revision));
  member_string (w, "opening", body->opening);
  {
    g_autoptr(GString) list = g_string_new (NULL);

    append_revision_paragraphs (list, table, body->paragraphs, 0);
    member_string (w, "paragraphs", list->str);
  }
  end (w, '}');
}

static void
write_revisions (Writer       *w,
                 PlenaryDraft *draft)
{
  GListModel *revisions = plenary_draft_get_revisions (draft);
  guint n = g_list_model_get_n_items (revisions);
  VersionTable table;

  if (n == 0)
    return;

  table.by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) plenary_paragraph_unref);
  table.by_pointer = g_hash_table_new (NULL, NULL);
  table.order = g_ptr_array_new ();
  seed_with_body (&table, plenary_draft_get_body (draft)->paragraphs);

  item (w, "revisions");
  begin (w, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenaryRevision) revision = g_list_model_get_item (revisions, i);

      item (w, NULL);
      write_revision (w, &table, revision);
    }
  end (w, ']');

  item (w, "revision_paragraphs");
  begin (w, '{');
  for (guint i = 0; i < table.order->len; i++)
    {
      const char *key = g_ptr_array_index (table.order, i);

      item (w, key);
      write_paragraph_version (w, g_hash_table_lookup (table.by_key, key));
    }
  end (w, '}');

  g_ptr_array_unref (table.order);
  g_hash_table_unref (table.by_pointer);
  g_hash_table_unref (table.by_key);
}

static void
write_proposal (Writer          *w,
                PlenaryProposal *proposal)
{
  PlenaryProposalKind kind = plenary_proposal_get_kind (proposal);
  g_autofree char *created = format_created (plenary_proposal_get_created (proposal));

  begin (w, '{');
  member_string (w, "id", plenary_proposal_get_id (proposal));
  member_string (w, "kind", plenary_proposal_kind_to_string (kind));
  member_line (w, "delegation", plenary_proposal_get_delegation (proposal));
  member_string (w, "created", created);
  member_string (w, "paragraph", plenary_proposal_get_paragraph (proposal));
  if (kind == PLENARY_PROPOSAL_TEXT)
    {
      item (w, "selector");
      begin (w, '{');
      member_string (w, "exact", plenary_proposal_get_exact (proposal));
      member_string (w, "prefix", plenary_proposal_get_prefix (proposal));
      member_string (w, "suffix", plenary_proposal_get_suffix (proposal));
      member_int (w, "start", plenary_proposal_get_start (proposal));
      member_int (w, "end", plenary_proposal_get_end (proposal));
      end (w, '}');
    }
  if (kind != PLENARY_PROPOSAL_DELETE_PARAGRAPH)
    member_line (w, "text", plenary_proposal_get_text (proposal));
  if (kind == PLENARY_PROPOSAL_ADD_PARAGRAPH)
    member_int (w, "level", plenary_proposal_get_level (proposal));
  if (plenary_proposal_get_friendliness (proposal) != PLENARY_PROPOSAL_FRIENDLINESS_NONE)
    member_string (w, "friendliness",
                   plenary_proposal_friendliness_to_string (plenary_proposal_get_friendliness (proposal)));
  if (plenary_proposal_get_vote (proposal) != PLENARY_PROPOSAL_VOTE_NONE)
    member_string (w, "vote", plenary_proposal_vote_to_string (plenary_proposal_get_vote (proposal)));
  end (w, '}');
}

static void
write_proposals (Writer       *w,
                 PlenaryDraft *draft)
{
  GListModel *proposals = plenary_draft_get_proposals (draft);
  g_autofree const char **ids = plenary_draft_list_status_ids (draft);

  if (g_list_model_get_n_items (proposals) > 0)
    write_list (w, "proposals", proposals, (void (*) (Writer *, gpointer)) write_proposal);

  if (ids[0] == NULL)
    return;
  item (w, "paragraph_status");
  begin (w, '{');
  for (guint i = 0; ids[i] != NULL; i++)
    member_string (w, ids[i],
                   plenary_paragraph_status_to_string (plenary_draft_get_paragraph_status (draft, ids[i])));
  end (w, '}');
}

static void
write_draft (Writer       *w,
             PlenaryDraft *draft)
{
  begin (w, '{');
  member_string (w, "format", PLENARY_DRAFT_FORMAT);
  member_int (w, "version", PLENARY_DRAFT_VERSION);
  member_string (w, "kind", plenary_draft_kind_to_string (plenary_draft_get_kind (draft)));
  member_string (w, "language", plenary_draft_get_language (draft));

  item (w, "metadata");
  write_metadata (w, plenary_draft_get_metadata (draft));

  item (w, "body");
  write_body (w, plenary_draft_get_body (draft), plenary_draft_get_kind (draft));

  write_list (w, "sources", G_LIST_MODEL (plenary_draft_get_sources (draft)),
              (void (*) (Writer *, gpointer)) write_source);
  write_list (w, "annotations", G_LIST_MODEL (plenary_draft_get_annotations (draft)),
              (void (*) (Writer *, gpointer)) write_annotation);
  write_revisions (w, draft);
  write_proposals (w, draft);

  write_extra_members (w, plenary_draft_get_extra (draft), NULL);
  end (w, '}');
  g_string_append_c (w->out, '\n');
}

struct _PlenaryDraftSnapshot
{
  char      *json;
  gsize      length;
  GPtrArray *texts;
  GArray    *ends;
};

PlenaryDraftSnapshot *
plenary_draft_snapshot_new (PlenaryDraft *draft)
{
  PlenaryDraftSnapshot *self;
  g_autoptr(GByteArray) first = NULL;
  Writer w = { 0 };

  g_return_val_if_fail (PLENARY_IS_DRAFT (draft), NULL);

  /* Every paragraph written has its identity, however the draft was made. */
  plenary_draft_ensure_paragraph_ids (draft);

  first = g_byte_array_new ();
  w.out = g_string_sized_new (4096);
  w.first = first;
  w.texts = g_ptr_array_new_with_free_func (g_object_unref);
  w.ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  write_draft (&w, draft);

  self = g_new0 (PlenaryDraftSnapshot, 1);
  self->length = w.out->len;
  self->json = g_string_free (w.out, FALSE);
  self->texts = w.texts;
  self->ends = w.ends;

  return self;
}

gsize
plenary_draft_snapshot_get_size (PlenaryDraftSnapshot *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->length;
}

GBytes *
plenary_draft_snapshot_encode (PlenaryDraftSnapshot *self)
{
  g_autoptr(GByteArray) first = NULL;
  gsize size = self->length;
  gsize done = 0;
  Writer w = { 0 };

  g_return_val_if_fail (self != NULL, NULL);

  /* The escapes make it a little longer: room for the text at least. */
  for (guint i = 0; i < self->texts->len; i++)
    size += strlen (plenary_source_get_text (g_ptr_array_index (self->texts, i))) + 2;

  first = g_byte_array_new ();
  w.out = g_string_sized_new (size);
  w.first = first;
  for (guint i = 0; i < self->texts->len; i++)
    {
      gsize end = g_array_index (self->ends, gsize, i);

      g_string_append_len (w.out, self->json + done, end - done);
      write_string (&w, plenary_source_get_text (g_ptr_array_index (self->texts, i)));
      done = end;
    }
  g_string_append_len (w.out, self->json + done, self->length - done);

  return g_string_free_to_bytes (w.out);
}

void
plenary_draft_snapshot_free (PlenaryDraftSnapshot *self)
{
  if (self == NULL)
    return;

  g_free (self->json);
  g_ptr_array_unref (self->texts);
  g_array_unref (self->ends);
  g_free (self);
}

GBytes *
plenary_draft_codec_encode (PlenaryDraft *draft)
{
  g_autoptr(PlenaryDraftSnapshot) snapshot = NULL;

  g_return_val_if_fail (PLENARY_IS_DRAFT (draft), NULL);

  snapshot = plenary_draft_snapshot_new (draft);
  return plenary_draft_snapshot_encode (snapshot);
}
