/* plenary-phrase-dictionary.c
 *
 * Copyright 2026 The Plenary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-phrase-dictionary"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "plenary-data-resources.h"
#include "plenary-parse-enums.h"
#include "plenary-phrase-dictionary.h"

/* ---- PlenaryPhraseEntry ------------------------------------------------- */

struct _PlenaryPhraseEntry
{
  GObject             parent_instance;
  PlenaryPhraseGroup  group;
  char               *forms[4];
  char               *example;
  char               *snippet;
};

G_DEFINE_FINAL_TYPE (PlenaryPhraseEntry, plenary_phrase_entry, G_TYPE_OBJECT)

enum {
  ENTRY_PROP_0,
  ENTRY_PROP_PHRASE,
  ENTRY_PROP_GROUP,
  ENTRY_PROP_EXAMPLE,
  ENTRY_PROP_SNIPPET,
  N_ENTRY_PROPS
};

static GParamSpec *entry_properties[N_ENTRY_PROPS];

static void
plenary_phrase_entry_finalize (GObject *object)
{
  PlenaryPhraseEntry *self = (PlenaryPhraseEntry *)object;

  for (guint i = 0; i < G_N_ELEMENTS (self->forms); i++)
    g_clear_pointer (&self->forms[i], g_free);
  g_clear_pointer (&self->example, g_free);
  g_clear_pointer (&self->snippet, g_free);

  G_OBJECT_CLASS (plenary_phrase_entry_parent_class)->finalize (object);
}

static void
plenary_phrase_entry_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PlenaryPhraseEntry *self = PLENARY_PHRASE_ENTRY (object);

  switch (prop_id)
    {
    case ENTRY_PROP_PHRASE:
      g_value_set_string (value, self->forms[PLENARY_FORM_M]);
      break;
    case ENTRY_PROP_GROUP:
      g_value_set_int (value, self->group);
      break;
    case ENTRY_PROP_EXAMPLE:
      g_value_set_string (value, self->example);
      break;
    case ENTRY_PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_phrase_entry_class_init (PlenaryPhraseEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plenary_phrase_entry_finalize;
  object_class->get_property = plenary_phrase_entry_get_property;

  entry_properties[ENTRY_PROP_PHRASE] =
    g_param_spec_string ("phrase", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  entry_properties[ENTRY_PROP_GROUP] =
    g_param_spec_int ("group", NULL, NULL,
                      PLENARY_PHRASE_GROUP_PREAMBULAR, PLENARY_PHRASE_GROUP_CLOSING,
                      PLENARY_PHRASE_GROUP_PREAMBULAR,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  entry_properties[ENTRY_PROP_EXAMPLE] =
    g_param_spec_string ("example", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  entry_properties[ENTRY_PROP_SNIPPET] =
    g_param_spec_string ("snippet", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_ENTRY_PROPS, entry_properties);
}

static void
plenary_phrase_entry_init (PlenaryPhraseEntry *self)
{
}

const char *
plenary_phrase_entry_get_phrase (PlenaryPhraseEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_PHRASE_ENTRY (self), NULL);

  return self->forms[PLENARY_FORM_M];
}

const char *
plenary_phrase_entry_get_form (PlenaryPhraseEntry *self,
                               PlenaryForm         form)
{
  g_return_val_if_fail (PLENARY_IS_PHRASE_ENTRY (self), NULL);

  switch (form)
    {
    case PLENARY_FORM_FP:
      if (self->forms[PLENARY_FORM_FP] != NULL)
        return self->forms[PLENARY_FORM_FP];
      if (self->forms[PLENARY_FORM_MP] != NULL)
        return self->forms[PLENARY_FORM_MP];
      G_GNUC_FALLTHROUGH;
    case PLENARY_FORM_F:
      if (self->forms[PLENARY_FORM_F] != NULL)
        return self->forms[PLENARY_FORM_F];
      break;
    case PLENARY_FORM_MP:
      if (self->forms[PLENARY_FORM_MP] != NULL)
        return self->forms[PLENARY_FORM_MP];
      break;
    case PLENARY_FORM_M:
    default:
      break;
    }

  return self->forms[PLENARY_FORM_M];
}

PlenaryPhraseGroup
plenary_phrase_entry_get_group (PlenaryPhraseEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_PHRASE_ENTRY (self), 0);

  return self->group;
}

const char *
plenary_phrase_entry_get_example (PlenaryPhraseEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_PHRASE_ENTRY (self), NULL);

  return self->example;
}

const char *
plenary_phrase_entry_get_snippet (PlenaryPhraseEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_PHRASE_ENTRY (self), NULL);

  return self->snippet;
}

/* ---- PlenaryPhraseDictionary -------------------------------------------- */

typedef struct
{
  char          *name;
  char          *opening;
  PlenaryGender  gender;
  PlenaryNumber  number;
  gboolean       prefix;
} Body;

typedef struct
{
  const char         *form;   /* owned by the dictionary's string chunk */
  gsize               length;
  PlenaryPhraseEntry *entry;
  PlenaryForm         form_kind;
  gboolean            stripped;  /* the form without its final preposition */
} Candidate;

struct _PlenaryPhraseDictionary
{
  GObject       parent_instance;

  char         *language;
  GListStore   *entries;
  GPtrArray    *bodies;

  /* First word of a form, first letter lower-cased -> GArray of Candidate,
   * longest first. Rebuilt lazily after a merge. */
  GHashTable   *index;
  GStringChunk *strings;

  gboolean      enclosed_markers;
  gboolean      french_spacing;
  char         *endings[3];
  char         *default_opening;
  GStrv         opening_articles;
  GStrv         participle_suffixes;
  GStrv         reflexive_prefixes;
  GStrv         verb_suffixes;
  GHashTable   *not_phrases;   /* casefolded words */
  /* Rules that make the forms of every phrase (docs/phrase-dictionaries.md). */
  GStrv         leading_adverbs;     /* "Strongly" condemns, "Further" welcoming */
  GStrv         inner_adverbs;       /* Notant "également" avec préoccupation */
  GStrv         trailing_adverbs;    /* Recalling "also" (preambular phrases) */
  GStrv         prepositions;        /* Calls on / upon / for */
  GStrv         preambular_copulas;  /* "Being", "Se déclarant" + adverbs + adjective */
  GStrv         operative_copulas;   /* "Se déclare" + adverbs + adjective */
};

G_DEFINE_FINAL_TYPE (PlenaryPhraseDictionary, plenary_phrase_dictionary, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (plenary-phrase-dictionary-error-quark, plenary_phrase_dictionary_error)

static const char *ending_names[] = { "preambular", "operative", "final" };

static void
body_free (Body *body)
{
  g_free (body->name);
  g_free (body->opening);
  g_free (body);
}

static void
plenary_phrase_dictionary_finalize (GObject *object)
{
  PlenaryPhraseDictionary *self = (PlenaryPhraseDictionary *)object;

  g_clear_pointer (&self->language, g_free);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->bodies, g_ptr_array_unref);
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->endings); i++)
    g_clear_pointer (&self->endings[i], g_free);
  g_clear_pointer (&self->default_opening, g_free);
  g_clear_pointer (&self->opening_articles, g_strfreev);
  g_clear_pointer (&self->participle_suffixes, g_strfreev);
  g_clear_pointer (&self->reflexive_prefixes, g_strfreev);
  g_clear_pointer (&self->verb_suffixes, g_strfreev);
  g_clear_pointer (&self->leading_adverbs, g_strfreev);
  g_clear_pointer (&self->inner_adverbs, g_strfreev);
  g_clear_pointer (&self->trailing_adverbs, g_strfreev);
  g_clear_pointer (&self->prepositions, g_strfreev);
  g_clear_pointer (&self->preambular_copulas, g_strfreev);
  g_clear_pointer (&self->operative_copulas, g_strfreev);
  g_clear_pointer (&self->not_phrases, g_hash_table_unref);

  G_OBJECT_CLASS (plenary_phrase_dictionary_parent_class)->finalize (object);
}

static void
plenary_phrase_dictionary_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  PlenaryPhraseDictionary *self = PLENARY_PHRASE_DICTIONARY (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_phrase_dictionary_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  PlenaryPhraseDictionary *self = PLENARY_PHRASE_DICTIONARY (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_free (self->language);
      self->language = g_value_dup_string (value);
      if (self->language == NULL)
        self->language = g_strdup ("fr");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_phrase_dictionary_class_init (PlenaryPhraseDictionaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plenary_phrase_dictionary_finalize;
  object_class->get_property = plenary_phrase_dictionary_get_property;
  object_class->set_property = plenary_phrase_dictionary_set_property;

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "fr",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plenary_phrase_dictionary_init (PlenaryPhraseDictionary *self)
{
  static const char *no_strings[] = { NULL };

  self->entries = g_list_store_new (PLENARY_TYPE_PHRASE_ENTRY);
  self->bodies = g_ptr_array_new_with_free_func ((GDestroyNotify)body_free);
  self->endings[0] = g_strdup (",");
  self->endings[1] = g_strdup (";");
  self->endings[2] = g_strdup (".");
  self->opening_articles = g_strdupv ((char **)no_strings);
  self->participle_suffixes = g_strdupv ((char **)no_strings);
  self->reflexive_prefixes = g_strdupv ((char **)no_strings);
  self->verb_suffixes = g_strdupv ((char **)no_strings);
  self->leading_adverbs = g_strdupv ((char **)no_strings);
  self->inner_adverbs = g_strdupv ((char **)no_strings);
  self->trailing_adverbs = g_strdupv ((char **)no_strings);
  self->prepositions = g_strdupv ((char **)no_strings);
  self->preambular_copulas = g_strdupv ((char **)no_strings);
  self->operative_copulas = g_strdupv ((char **)no_strings);
  self->not_phrases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

PlenaryPhraseDictionary *
plenary_phrase_dictionary_new (const char *language)
{
  return g_object_new (PLENARY_TYPE_PHRASE_DICTIONARY,
                       "language", language,
                       NULL);
}

const char *
plenary_phrase_dictionary_get_language (PlenaryPhraseDictionary *self)
{
  g_return_val_if_fail (PLENARY_IS_PHRASE_DICTIONARY (self), NULL);

  return self->language;
}

/* ---- loading ----------------------------------------------------------- */

static gboolean
invalid (GError     **error,
         const char  *member)
{
  g_set_error (error, PLENARY_PHRASE_DICTIONARY_ERROR,
               PLENARY_PHRASE_DICTIONARY_ERROR_INVALID,
               _("Invalid phrase dictionary: “%s” has the wrong type"), member);
  return FALSE;
}

/* An optional string member: NULL when absent, FALSE when not a string. */
static gboolean
get_optional_string (JsonObject  *object,
                     const char  *member,
                     const char **out,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (error, member);
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_string_list (JsonObject  *object,
                 const char  *member,
                 GStrv       *out,
                 GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, member);

  builder = g_strv_builder_new ();
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        return invalid (error, member);
      g_strv_builder_add (builder, json_node_get_string (item));
    }

  g_strfreev (*out);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
parse_group (const char         *str,
             PlenaryPhraseGroup *group)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (PLENARY_TYPE_PHRASE_GROUP);
  GEnumValue *value;

  if (str == NULL || !(value = g_enum_get_value_by_nick (klass, str)))
    return FALSE;

  *group = value->value;
  return TRUE;
}

static PlenaryPhraseEntry *
parse_entry (JsonNode  *node,
             GError   **error)
{
  static const char *form_names[] = { "phrase", "feminine", "masculine-plural", "feminine-plural" };
  g_autoptr(PlenaryPhraseEntry) entry = NULL;
  const char *group = NULL;
  const char *example = NULL;
  const char *snippet = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, "entries"), NULL;
  object = json_node_get_object (node);

  entry = g_object_new (PLENARY_TYPE_PHRASE_ENTRY, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (form_names); i++)
    {
      const char *form = NULL;

      if (!get_optional_string (object, form_names[i], &form, error))
        return NULL;
      if (form != NULL && form[0] != '\0')
        entry->forms[i] = g_strdup (form);
    }
  if (entry->forms[PLENARY_FORM_M] == NULL)
    {
      g_set_error (error, PLENARY_PHRASE_DICTIONARY_ERROR,
                   PLENARY_PHRASE_DICTIONARY_ERROR_INVALID,
                   _("Invalid phrase dictionary: an entry has no “phrase”"));
      return NULL;
    }

  if (!get_optional_string (object, "group", &group, error) ||
      !get_optional_string (object, "example", &example, error) ||
      !get_optional_string (object, "snippet", &snippet, error))
    return NULL;

  if (!parse_group (group, &entry->group))
    {
      g_set_error (error, PLENARY_PHRASE_DICTIONARY_ERROR,
                   PLENARY_PHRASE_DICTIONARY_ERROR_INVALID,
                   _("Invalid phrase dictionary: “%s” has no valid “group” (preambular, operative or closing)"),
                   entry->forms[PLENARY_FORM_M]);
      return NULL;
    }

  entry->example = g_strdup (example ? example : "");
  entry->snippet = g_strdup (snippet ? snippet : "");

  return g_steal_pointer (&entry);
}

static Body *
parse_body (JsonNode  *node,
            GError   **error)
{
  const char *name = NULL;
  const char *gender = NULL;
  const char *number = NULL;
  const char *opening = NULL;
  JsonObject *object;
  Body *body;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, "bodies"), NULL;
  object = json_node_get_object (node);

  if (!get_optional_string (object, "name", &name, error) ||
      !get_optional_string (object, "gender", &gender, error) ||
      !get_optional_string (object, "number", &number, error) ||
      !get_optional_string (object, "opening", &opening, error))
    return NULL;

  if (name == NULL || name[0] == '\0')
    {
      g_set_error (error, PLENARY_PHRASE_DICTIONARY_ERROR,
                   PLENARY_PHRASE_DICTIONARY_ERROR_INVALID,
                   _("Invalid phrase dictionary: a body has no “name”"));
      return NULL;
    }

  body = g_new0 (Body, 1);
  body->name = g_strdup (name);
  body->opening = g_strdup (opening);
  if (g_strcmp0 (gender, "feminine") == 0)
    body->gender = PLENARY_GENDER_FEMININE;
  else if (g_strcmp0 (gender, "neuter") == 0)
    body->gender = PLENARY_GENDER_NEUTER;
  else
    body->gender = PLENARY_GENDER_MASCULINE;
  body->number = g_strcmp0 (number, "plural") == 0 ? PLENARY_NUMBER_PLURAL : PLENARY_NUMBER_SINGULAR;
  body->prefix = json_object_get_boolean_member_with_default (object, "prefix", FALSE);

  return body;
}

/* What makes two entries the same phrase, for merging. */
static char *
entry_key (PlenaryPhraseEntry *entry)
{
  const char *phrase = entry->forms[PLENARY_FORM_M];

  return g_strdup_printf ("%d%c%s", entry->group, phrase != NULL ? ':' : '-', phrase != NULL ? phrase : "");
}

/* POSITIONS maps each entry's key to its position in the store: a user's
 * file merged into the built-in entries replaces or adds each in constant
 * time (a scan of the store per entry made loading a dictionary quadratic). */
static void
merge_entry (PlenaryPhraseDictionary *self,
             GHashTable              *positions,
             PlenaryPhraseEntry      *entry)
{
  char *key = entry_key (entry);
  gpointer position;

  if (g_hash_table_lookup_extended (positions, key, NULL, &position))
    {
      g_list_store_splice (self->entries, GPOINTER_TO_UINT (position), 1, (gpointer *)&entry, 1);
      g_free (key);
      return;
    }

  g_hash_table_insert (positions, key,
                       GUINT_TO_POINTER (g_list_model_get_n_items (G_LIST_MODEL (self->entries))));
  g_list_store_append (self->entries, entry);
}

static void
merge_body (PlenaryPhraseDictionary *self,
            Body                    *body)
{
  for (guint i = 0; i < self->bodies->len; i++)
    {
      Body *old = g_ptr_array_index (self->bodies, i);

      if (g_strcmp0 (old->name, body->name) == 0)
        {
          body_free (g_steal_pointer (&self->bodies->pdata[i]));
          self->bodies->pdata[i] = body;
          return;
        }
    }

  g_ptr_array_add (self->bodies, body);
}

gboolean
plenary_phrase_dictionary_merge_data (PlenaryPhraseDictionary  *self,
                                      const char               *data,
                                      gssize                    length,
                                      GError                  **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) new_entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) new_bodies = g_ptr_array_new_with_free_func ((GDestroyNotify)body_free);
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonNode *node;
  JsonObject *endings = NULL;
  const char *opening = NULL;
  GStrv not_phrases = NULL;

  g_return_val_if_fail (PLENARY_IS_PHRASE_DICTIONARY (self), FALSE);

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, PLENARY_PHRASE_DICTIONARY_ERROR,
                   PLENARY_PHRASE_DICTIONARY_ERROR_INVALID,
                   _("Invalid phrase dictionary: %s"), local_error->message);
      return FALSE;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, PLENARY_PHRASE_DICTIONARY_ERROR,
                   PLENARY_PHRASE_DICTIONARY_ERROR_INVALID,
                   _("Invalid phrase dictionary: the file is not a JSON object"));
      return FALSE;
    }
  root = json_node_get_object (node);

  /* Everything is checked before anything changes. */
  if ((node = json_object_get_member (root, "entries")) != NULL)
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return invalid (error, "entries");
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          PlenaryPhraseEntry *entry = parse_entry (json_array_get_element (array, i), error);

          if (entry == NULL)
            return FALSE;
          g_ptr_array_add (new_entries, entry);
        }
    }

  if ((node = json_object_get_member (root, "bodies")) != NULL)
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return invalid (error, "bodies");
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          Body *body = parse_body (json_array_get_element (array, i), error);

          if (body == NULL)
            return FALSE;
          g_ptr_array_add (new_bodies, body);
        }
    }

  if ((node = json_object_get_member (root, "endings")) != NULL)
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, "endings");
      endings = json_node_get_object (node);
      for (guint i = 0; i < G_N_ELEMENTS (ending_names); i++)
        {
          const char *ending = NULL;

          if (!get_optional_string (endings, ending_names[i], &ending, error))
            return FALSE;
        }
    }

  if (!get_optional_string (root, "default-opening", &opening, error))
    return FALSE;

  if (!get_string_list (root, "opening-articles", &self->opening_articles, error) ||
      !get_string_list (root, "participle-suffixes", &self->participle_suffixes, error) ||
      !get_string_list (root, "reflexive-prefixes", &self->reflexive_prefixes, error) ||
      !get_string_list (root, "verb-suffixes", &self->verb_suffixes, error) ||
      !get_string_list (root, "not-phrases", &not_phrases, error) ||
      !get_string_list (root, "leading-adverbs", &self->leading_adverbs, error) ||
      !get_string_list (root, "inner-adverbs", &self->inner_adverbs, error) ||
      !get_string_list (root, "trailing-adverbs", &self->trailing_adverbs, error) ||
      !get_string_list (root, "prepositions", &self->prepositions, error) ||
      !get_string_list (root, "preambular-copulas", &self->preambular_copulas, error) ||
      !get_string_list (root, "operative-copulas", &self->operative_copulas, error))
    return FALSE;

  if (not_phrases != NULL)
    {
      for (guint i = 0; not_phrases[i] != NULL; i++)
        g_hash_table_add (self->not_phrases, g_utf8_casefold (not_phrases[i], -1));
      g_strfreev (not_phrases);
    }

  if (json_object_has_member (root, "marker-style"))
    self->enclosed_markers = g_strcmp0 (json_object_get_string_member_with_default (root, "marker-style", ""),
                                        "enclosed") == 0;
  if (json_object_has_member (root, "french-spacing"))
    self->french_spacing = json_object_get_boolean_member_with_default (root, "french-spacing", FALSE);

  if (endings != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (ending_names); i++)
      {
        const char *ending = json_object_get_string_member_with_default (endings, ending_names[i], NULL);

        if (ending != NULL)
          {
            g_free (self->endings[i]);
            self->endings[i] = g_strdup (ending);
          }
      }

  if (opening != NULL)
    {
      g_free (self->default_opening);
      self->default_opening = g_strdup (opening);
    }

  if (new_entries->len > 0)
    {
      g_autoptr(GHashTable) positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

      /* The first of equal entries is the one replaced, as before. */
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PlenaryPhraseEntry) old = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
          char *key = entry_key (old);

          if (!g_hash_table_contains (positions, key))
            g_hash_table_insert (positions, key, GUINT_TO_POINTER (i));
          else
            g_free (key);
        }
      for (guint i = 0; i < new_entries->len; i++)
        merge_entry (self, positions, g_ptr_array_index (new_entries, i));
    }

  for (guint i = 0; i < new_bodies->len; i++)
    merge_body (self, g_ptr_array_steal_index (new_bodies, i--));

  g_clear_pointer (&self->index, g_hash_table_unref);

  return TRUE;
}

PlenaryPhraseDictionary *
plenary_phrase_dictionary_new_from_data (const char  *language,
                                         const char  *data,
                                         gssize       length,
                                         GError     **error)
{
  g_autoptr(PlenaryPhraseDictionary) self = plenary_phrase_dictionary_new (language);

  if (!plenary_phrase_dictionary_merge_data (self, data, length, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
plenary_phrase_dictionary_load_file (PlenaryPhraseDictionary  *self,
                                     const char               *path,
                                     GError                  **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (PLENARY_IS_PHRASE_DICTIONARY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  if (!plenary_phrase_dictionary_merge_data (self, contents, length, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: the first %s is a file name */
                   _("%s: %s"), display, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* ---- the default dictionaries ------------------------------------------ */

static void ensure_index (PlenaryPhraseDictionary *self);

static GMutex      cache_lock;
static GHashTable *cache;

static char *
normalize_language (const char *language)
{
  const char *end;

  if (language == NULL || language[0] == '\0')
    return g_strdup ("fr");

  end = language + strcspn (language, "_-.@");
  return g_ascii_strdown (language, end - language);
}

PlenaryPhraseDictionary *
plenary_phrase_dictionary_get_default (const char *language)
{
  g_autofree char *lang = normalize_language (language);
  g_autofree char *resource_path = NULL;
  g_autofree char *user_path = NULL;
  g_autofree char *file_name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&cache_lock);
  PlenaryPhraseDictionary *self;

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  if ((self = g_hash_table_lookup (cache, lang)) != NULL)
    return self;

  self = plenary_phrase_dictionary_new (lang);

  /* Through plenary_data_get_resource() so that the linker keeps it. */
  resource_path = g_strdup_printf ("/org/plenary/Plenary/phrases/%s.json", lang);
  bytes = g_resource_lookup_data (plenary_data_get_resource (), resource_path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes != NULL)
    {
      g_autoptr(GError) error = NULL;
      gsize size = 0;
      const char *data = g_bytes_get_data (bytes, &size);

      if (!plenary_phrase_dictionary_merge_data (self, data, size, &error))
        g_critical ("Built-in phrase dictionary %s: %s", lang, error->message);
    }

  file_name = g_strdup_printf ("%s.json", lang);
  user_path = g_build_filename (g_get_user_data_dir (), "plenary", "phrases", file_name, NULL);
  if (g_file_test (user_path, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GError) error = NULL;

      if (!plenary_phrase_dictionary_load_file (self, user_path, &error))
        g_warning ("%s", error->message);
    }

  /* Built now, under the lock: afterwards the dictionary is only read, from any thread. */
  ensure_index (self);
  g_hash_table_insert (cache, g_strdup (lang), self);

  return self;
}

gboolean
plenary_phrase_dictionary_has_default (const char *language)
{
  g_autofree char *lang = normalize_language (language);
  gboolean has;

  /* Never waits: while another thread loads a dictionary, none counts. */
  if (!g_mutex_trylock (&cache_lock))
    return FALSE;
  has = cache != NULL && g_hash_table_contains (cache, lang);
  g_mutex_unlock (&cache_lock);

  return has;
}

static void
add_languages (GPtrArray  *languages,
               char      **names)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *lang = NULL;

      if (!g_str_has_suffix (names[i], ".json"))
        continue;
      lang = g_strndup (names[i], strlen (names[i]) - strlen (".json"));
      if (!g_ptr_array_find_with_equal_func (languages, lang, g_str_equal, NULL))
        g_ptr_array_add (languages, g_steal_pointer (&lang));
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

char **
plenary_phrase_dictionary_list_languages (void)
{
  g_autoptr(GPtrArray) languages = g_ptr_array_new ();
  g_auto(GStrv) builtin = NULL;
  g_autofree char *user_dir = NULL;
  g_autoptr(GDir) dir = NULL;

  builtin = g_resource_enumerate_children (plenary_data_get_resource (),
                                           "/org/plenary/Plenary/phrases/",
                                           G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  add_languages (languages, builtin);

  user_dir = g_build_filename (g_get_user_data_dir (), "plenary", "phrases", NULL);
  if ((dir = g_dir_open (user_dir, 0, NULL)) != NULL)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_add (names, NULL);
      add_languages (languages, (char **)names->pdata);
    }

  g_ptr_array_sort (languages, compare_strings);
  g_ptr_array_add (languages, NULL);

  return (char **)g_ptr_array_free (g_steal_pointer (&languages), FALSE);
}

void
plenary_phrase_dictionary_clear_cache (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&cache_lock);

  g_clear_pointer (&cache, g_hash_table_unref);
}

/* ---- matching ----------------------------------------------------------- */

static inline gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '\'' || c == 0x2019 || c == '-';
}

/* The first word of TEXT with its first letter lower-cased, or NULL. */
static char *
first_word_key (const char *text)
{
  const char *p = text;
  GString *key;
  gunichar c;

  c = g_utf8_get_char (p);
  if (c == 0 || !g_unichar_isalnum (c))
    return NULL;

  key = g_string_new (NULL);
  g_string_append_unichar (key, g_unichar_tolower (c));
  p = g_utf8_next_char (p);

  while ((c = g_utf8_get_char (p)) != 0 && is_word_char (c))
    p = g_utf8_next_char (p);

  g_string_append_len (key, g_utf8_next_char (text), p - g_utf8_next_char (text));

  return g_string_free (key, FALSE);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  if (ca->length != cb->length)
    return ca->length < cb->length ? 1 : -1;
  return 0;
}

static void
index_form (PlenaryPhraseDictionary *self,
            const char              *form,
            PlenaryPhraseEntry      *entry,
            PlenaryForm              form_kind,
            gboolean                 stripped)
{
  g_autofree char *key = first_word_key (form);
  Candidate candidate;
  GArray *array;

  if (key == NULL)
    return;

  array = g_hash_table_lookup (self->index, key);
  if (array == NULL)
    {
      array = g_array_new (FALSE, FALSE, sizeof (Candidate));
      g_hash_table_insert (self->index, g_steal_pointer (&key), array);
    }

  for (guint i = 0; i < array->len; i++)
    {
      Candidate *old = &g_array_index (array, Candidate, i);

      /* The same string for two forms of one entry: the first form wins. */
      if (old->entry == entry && strcmp (old->form, form) == 0)
        return;
    }

  candidate.form = g_string_chunk_insert_const (self->strings, form);
  candidate.length = strlen (form);
  candidate.entry = entry;
  candidate.form_kind = form_kind;
  candidate.stripped = stripped;
  g_array_append_val (array, candidate);
}

static void
index_form_variants (PlenaryPhraseDictionary *self,
                     const char              *form,
                     PlenaryPhraseEntry      *entry,
                     PlenaryForm              form_kind,
                     gboolean                 stripped)
{
  g_autoptr(GString) curly = g_string_new (form);
  const char *space = strrchr (form, ' ');

  index_form (self, form, entry, form_kind, stripped);

  /* Word processors type ’ for '. */
  if (g_string_replace (curly, "'", "’", 0) > 0)
    index_form (self, curly->str, entry, form_kind, stripped);

  /* "Gravely concerned by" also opens "Gravely concerned at", "… that",
   * "Se félicitant de" also "Se félicitant du rapport": the form without
   * its final preposition, which then takes the text's own. */
  if (space != NULL && (g_strv_contains ((const char * const *) self->prepositions, space + 1) ||
                        g_str_equal (space + 1, "de") || g_str_equal (space + 1, "à")))
    {
      g_autofree char *shorter = g_strndup (form, space - form);

      index_form_variants (self, shorter, entry, form_kind, TRUE);
    }
}

static void
ensure_index (PlenaryPhraseDictionary *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n;

  if (self->index != NULL)
    return;

  self->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  self->strings = g_string_chunk_new (4096);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenaryPhraseEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      for (guint f = 0; f < G_N_ELEMENTS (entry->forms); f++)
        if (entry->forms[f] != NULL)
          index_form_variants (self, entry->forms[f], entry, f, FALSE);
    }

  g_hash_table_iter_init (&iter, self->index);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_array_sort (value, compare_candidates);
}

static gsize    word_length (const char *text);
static gboolean ends_word   (const char *p);

/* Length of one of WORDS (with the space after it) at P, or 0. The first
 * letter is compared without case when FIRST_CI. */
static gsize
word_from_list (GStrv       words,
                const char *p,
                gboolean    first_ci,
                gboolean    allow_comma)
{
  gunichar first;

  if (*p == '\0' || !g_unichar_isalpha (first = g_utf8_get_char (p)))
    return 0;
  if (first_ci)
    first = g_unichar_tolower (first);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];
      gsize len;
      const char *w_rest;
      const char *p_rest;

      /* ASCII first letters, the common case, without Unicode tables. */
      if ((guchar) w[0] < 0x80 && first < 0x80
          ? (first_ci ? (gunichar) g_ascii_tolower (w[0]) : (gunichar) w[0]) != first
          : (first_ci ? g_unichar_tolower (g_utf8_get_char (w)) : g_utf8_get_char (w)) != first)
        continue;
      len = strlen (w);
      w_rest = g_utf8_next_char (w);
      p_rest = g_utf8_next_char (p);
      if (strncmp (p_rest, w_rest, len - (w_rest - w)) != 0)
        continue;
      if (p[len] == ' ')
        return len + 1;
      /* "Reaffirming further, in the context of": the adverb, not the comma. */
      if (p[len] == ',' && allow_comma)
        return len + 1;
    }

  return 0;
}

/* Bytes of TEXT that FORM covers, 0 if it does not: the first letter
 * without case, the rest exactly, any inner adverb of the language allowed
 * between two words ("Notant également avec préoccupation"). */
static gsize
compare_form (PlenaryPhraseDictionary *self,
              const char              *form,
              gsize                    form_len,
              const char              *text,
              gboolean                 inner)
{
  const char *f = form;
  const char *f_end = form + form_len;
  const char *t = text;

  if (g_unichar_tolower (g_utf8_get_char (f)) != g_unichar_tolower (g_utf8_get_char (t)))
    return 0;
  f = g_utf8_next_char (f);
  t = g_utf8_next_char (t);

  while (f < f_end)
    {
      if (*f == *t)
        {
          f++;
          t++;
          continue;
        }
      if (inner && f[-1] == ' ' && t[-1] == ' ')
        {
          gsize skip = word_from_list (self->inner_adverbs, t, FALSE, FALSE);

          if (skip > 0)
            {
              t += skip;
              continue;
            }
        }
      return 0;
    }

  if (*t != '\0' && is_word_char (g_utf8_get_char (t)))
    return 0;
  return t - text;
}

/* The longest form at the start of TEXT, with the rules that follow a
 * form: the preposition the text has after a form that lost its own,
 * adverbs after a preambular phrase ("Recalling also"). */
static gboolean
match_forms (PlenaryPhraseDictionary *self,
             const char              *text,
             PlenaryPhraseMatch      *match)
{
  g_autofree char *key = NULL;
  GArray *array;

  if ((key = first_word_key (text)) == NULL)
    return FALSE;
  if ((array = g_hash_table_lookup (self->index, key)) == NULL)
    return FALSE;

  /* The words as written first; adverbs between them only when that makes
   * a phrase of more words ("Demande de même instamment" is "Demande
   * instamment", not "Demande"). */
  const Candidate *best = NULL;
  gsize best_len = 0;
  guint best_words = 0;

  for (guint i = 0; i < array->len * 2; i++)
    {
      const Candidate *candidate = &g_array_index (array, Candidate, i % array->len);
      gsize len = compare_form (self, candidate->form, candidate->length, text, i >= array->len);
      guint words = 1;

      if (len == 0)
        continue;
      for (gsize k = 0; k < candidate->length; k++)
        words += candidate->form[k] == ' ';
      if (best == NULL || words > best_words)
        {
          best = candidate;
          best_len = len;
          best_words = words;
        }
      /* The longest exact form, or the first inner-adverb one, per pass. */
      if (i < array->len)
        i = array->len - 1;
      else
        break;
    }

  if (best != NULL)
    {
      gsize len = best_len;
      gsize more;

      if (best->stripped && text[len] == ' ' &&
          (more = word_from_list (self->prepositions, text + len + 1, FALSE, FALSE)) > 0)
        len += more;
      if (best->entry->group == PLENARY_PHRASE_GROUP_PREAMBULAR)
        while (text[len] == ' ' && (more = word_from_list (self->trailing_adverbs, text + len + 1, FALSE, TRUE)) > 0)
          len += more;
      while (len > 0 && text[len - 1] == ' ')
        len--;

      match->entry = best->entry;
      match->group = best->entry->group;
      match->form = best->form_kind;
      match->length = len;
      return TRUE;
    }

  return FALSE;
}

gboolean
plenary_phrase_dictionary_match (PlenaryPhraseDictionary *self,
                                 const char              *text,
                                 PlenaryPhraseMatch      *match)
{
  PlenaryPhraseMatch local;
  const char *p = text;
  int group = -1;

  g_return_val_if_fail (PLENARY_IS_PHRASE_DICTIONARY (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  ensure_index (self);
  if (match == NULL)
    match = &local;

  /* Adverbs and copulas before a phrase: "Strongly condemns", "Further
   * recognizing", "Being further deeply concerned", "Se déclarant
   * vivement préoccupé". */
  for (guint round = 0; round < 4; round++)
    {
      gsize skip;

      if (match_forms (self, p, match))
        {
          match->length += p - text;
          if (group >= 0)
            match->group = group;
          return TRUE;
        }
      if ((skip = word_from_list (self->preambular_copulas, p, TRUE, FALSE)) > 0)
        group = PLENARY_PHRASE_GROUP_PREAMBULAR;
      else if ((skip = word_from_list (self->operative_copulas, p, TRUE, FALSE)) > 0)
        group = PLENARY_PHRASE_GROUP_OPERATIVE;
      else if ((skip = word_from_list (self->leading_adverbs, p, TRUE, FALSE)) == 0)
        {
          gsize len;

          /* "Se déclare de nouveau prêt": the adjective after a copula. */
          if (group < 0 || p == text || !g_unichar_islower (g_utf8_get_char (p)) ||
              (len = word_length (p)) == 0 || !ends_word (p + len))
            return FALSE;
          match->entry = NULL;
          match->group = group;
          match->form = PLENARY_FORM_M;
          match->length = p + len - text;
          return TRUE;
        }
      p += skip;
      while (*p == ' ')
        p++;
    }

  return FALSE;
}

GListModel *
plenary_phrase_dictionary_get_entries (PlenaryPhraseDictionary *self)
{
  g_return_val_if_fail (PLENARY_IS_PHRASE_DICTIONARY (self), NULL);

  return G_LIST_MODEL (self->entries);
}

guint
plenary_phrase_dictionary_count_group (PlenaryPhraseDictionary *self,
                                       PlenaryPhraseGroup       group)
{
  guint n, count = 0;

  g_return_val_if_fail (PLENARY_IS_PHRASE_DICTIONARY (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenaryPhraseEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (entry->group == group)
        count++;
    }

  return count;
}

gboolean
plenary_phrase_dictionary_remove_entry (PlenaryPhraseDictionary *self,
                                        PlenaryPhraseEntry      *entry)
{
  guint position;

  g_return_val_if_fail (PLENARY_IS_PHRASE_DICTIONARY (self), FALSE);
  g_return_val_if_fail (PLENARY_IS_PHRASE_ENTRY (entry), FALSE);

  if (!g_list_store_find (self->entries, entry, &position))
    return FALSE;

  g_list_store_remove (self->entries, position);
  g_clear_pointer (&self->index, g_hash_table_unref);
  return TRUE;
}

PlenaryPhraseEntry *
plenary_phrase_dictionary_find_entry (PlenaryPhraseDictionary *self,
                                      const char              *phrase)
{
  PlenaryPhraseMatch match;

  g_return_val_if_fail (PLENARY_IS_PHRASE_DICTIONARY (self), NULL);
  g_return_val_if_fail (phrase != NULL, NULL);

  if (plenary_phrase_dictionary_match (self, phrase, &match) && phrase[match.length] == '\0')
    return match.entry;

  return NULL;
}

/* ---- bodies and agreement ----------------------------------------------- */

static const Body *
find_body (PlenaryPhraseDictionary *self,
           const char              *name)
{
  const Body *best = NULL;
  gsize best_len = 0;

  if (name == NULL || name[0] == '\0')
    return NULL;

  for (guint i = 0; i < self->bodies->len; i++)
    {
      const Body *body = g_ptr_array_index (self->bodies, i);

      if (g_strcmp0 (body->name, name) == 0)
        return body;
    }

  for (guint i = 0; i < self->bodies->len; i++)
    {
      const Body *body = g_ptr_array_index (self->bodies, i);
      gsize len = strlen (body->name);

      if (body->prefix && len > best_len &&
          strncmp (name, body->name, len) == 0 &&
          (name[len] == ' ' || name[len] == '\0'))
        {
          best = body;
          best_len = len;
        }
    }

  return best;
}

gboolean
plenary_phrase_dictionary_lookup_body (PlenaryPhraseDictionary *self,
                                       const char              *name,
                                       PlenaryGender           *gender,
                                       PlenaryNumber           *number)
{
  const Body *body;

  g_return_val_if_fail (PLENARY_IS_PHRASE_DICTIONARY (self), FALSE);

  if ((body = find_body (self, name)) == NULL)
    return FALSE;

  if (gender != NULL)
    *gender = body->gender;
  if (number != NULL)
    *number = body->number;

  return TRUE;
}

char **
plenary_phrase_dictionary_list_bodies (PlenaryPhraseDictionary *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (PLENARY_IS_PHRASE_DICTIONARY (self), NULL);

  for (guint i = 0; i < self->bodies->len; i++)
    {
      const Body *body = g_ptr_array_index (self->bodies, i);

      if (body->opening != NULL)
        g_strv_builder_add (builder, body->name);
    }

  return g_strv_builder_end (builder);
}

const char *
plenary_phrase_dictionary_get_opening (PlenaryPhraseDictionary *self,
                                       const char              *body_name)
{
  const Body *body;

  g_return_val_if_fail (PLENARY_IS_PHRASE_DICTIONARY (self), NULL);

  body = find_body (self, body_name);
  return body != NULL && !body->prefix ? body->opening : NULL;
}

const char *
plenary_phrase_dictionary_body_for_opening (PlenaryPhraseDictionary *self,
                                            const char              *line)
{
  g_return_val_if_fail (PLENARY_IS_PHRASE_DICTIONARY (self), NULL);

  if (line == NULL)
    return NULL;

  for (guint i = 0; i < self->bodies->len; i++)
    {
      const Body *body = g_ptr_array_index (self->bodies, i);

      if (body->opening != NULL && strcmp (body->opening, line) == 0)
        return body->name;
    }

  return NULL;
}

const char *
plenary_phrase_dictionary_get_default_opening (PlenaryPhraseDictionary *self)
{
  g_return_val_if_fail (PLENARY_IS_PHRASE_DICTIONARY (self), NULL);

  return self->default_opening;
}

PlenaryForm
plenary_form_for (PlenaryGender gender,
                  PlenaryNumber number)
{
  if (gender == PLENARY_GENDER_FEMININE)
    return number == PLENARY_NUMBER_PLURAL ? PLENARY_FORM_FP : PLENARY_FORM_F;
  return number == PLENARY_NUMBER_PLURAL ? PLENARY_FORM_MP : PLENARY_FORM_M;
}

const char *
plenary_phrase_dictionary_agree (PlenaryPhraseDictionary *self,
                                 PlenaryPhraseEntry      *entry,
                                 PlenaryGender            gender,
                                 PlenaryNumber            number)
{
  g_return_val_if_fail (PLENARY_IS_PHRASE_DICTIONARY (self), NULL);
  g_return_val_if_fail (PLENARY_IS_PHRASE_ENTRY (entry), NULL);

  return plenary_phrase_entry_get_form (entry, plenary_form_for (gender, number));
}

char *
plenary_phrase_dictionary_dup_snippet (PlenaryPhraseDictionary *self,
                                       PlenaryPhraseEntry      *entry,
                                       PlenaryGender            gender,
                                       PlenaryNumber            number)
{
  const char *phrase = plenary_phrase_dictionary_agree (self, entry, gender, number);
  const char *snippet = entry->snippet;

  if (snippet[0] == '\0')
    return g_strdup (phrase);
  /* A snippet made of punctuation only follows the phrase directly. */
  if (strchr (",;:.", snippet[0]) != NULL || g_str_has_prefix (snippet, "\xc2\xa0"))
    return g_strconcat (phrase, snippet, NULL);
  return g_strconcat (phrase, " ", snippet, NULL);
}

char *
plenary_phrase_dictionary_dup_example (PlenaryPhraseDictionary *self,
                                       PlenaryPhraseEntry      *entry,
                                       PlenaryGender            gender,
                                       PlenaryNumber            number)
{
  const PlenaryGender genders[] = { PLENARY_GENDER_MASCULINE, PLENARY_GENDER_FEMININE };
  const PlenaryNumber numbers[] = { PLENARY_NUMBER_SINGULAR, PLENARY_NUMBER_PLURAL };
  const char *example = plenary_phrase_entry_get_example (entry);
  gsize written = 0;

  g_return_val_if_fail (PLENARY_IS_PHRASE_DICTIONARY (self), NULL);

  /* The example opens with one of the entry's forms, whichever its author
   * wrote it for: the longest that fits is the one to replace. */
  for (guint g = 0; g < G_N_ELEMENTS (genders); g++)
    for (guint n = 0; n < G_N_ELEMENTS (numbers); n++)
      {
        const char *form = plenary_phrase_dictionary_agree (self, entry, genders[g], numbers[n]);
        gsize len = strlen (form);

        if (len > written && strncmp (example, form, len) == 0)
          written = len;
      }

  if (written == 0)
    return g_strdup (example);

  return g_strconcat (plenary_phrase_dictionary_agree (self, entry, gender, number), example + written, NULL);
}

/* ---- conventions and heuristics ------------------------------------------ */

gboolean
plenary_phrase_dictionary_get_enclosed_markers (PlenaryPhraseDictionary *self)
{
  g_return_val_if_fail (PLENARY_IS_PHRASE_DICTIONARY (self), FALSE);

  return self->enclosed_markers;
}

gboolean
plenary_phrase_dictionary_get_french_spacing (PlenaryPhraseDictionary *self)
{
  g_return_val_if_fail (PLENARY_IS_PHRASE_DICTIONARY (self), FALSE);

  return self->french_spacing;
}

const char *
plenary_phrase_dictionary_get_ending (PlenaryPhraseDictionary *self,
                                      const char              *kind)
{
  g_return_val_if_fail (PLENARY_IS_PHRASE_DICTIONARY (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (ending_names); i++)
    if (g_strcmp0 (kind, ending_names[i]) == 0)
      return self->endings[i];

  g_return_val_if_reached (NULL);
}

/* Length of a reflexive prefix ("Se ", "S'") at the start of TEXT, or 0. */
static gsize
reflexive_prefix_length (PlenaryPhraseDictionary *self,
                         const char              *text)
{
  for (guint i = 0; self->reflexive_prefixes[i] != NULL; i++)
    {
      const char *prefix = self->reflexive_prefixes[i];

      /* "Se " and "se ", nothing else. */
      if (g_ascii_tolower (text[0]) == g_ascii_tolower (prefix[0]) &&
          g_str_has_prefix (text + 1, prefix + 1))
        return strlen (prefix);
    }

  return 0;
}

/* Length of the word at the start of TEXT (letters and inner hyphens). */
static gsize
word_length (const char *text)
{
  const char *p = text;
  gunichar c;

  while ((c = g_utf8_get_char (p)) != 0 && (g_unichar_isalpha (c) || (c == '-' && p > text)))
    p = g_utf8_next_char (p);

  return p - text;
}

static gboolean
is_not_phrase (PlenaryPhraseDictionary *self,
               const char              *word,
               gsize                    len)
{
  g_autofree char *folded = g_utf8_casefold (word, len);

  return g_hash_table_contains (self->not_phrases, folded);
}

static gboolean
ends_with_any (const char  *word,
               gsize        len,
               GStrv        suffixes,
               gsize        min_stem)
{
  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      gsize slen = strlen (suffixes[i]);

      if (len >= slen + min_stem && memcmp (word + len - slen, suffixes[i], slen) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
ends_word (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  return c == 0 || !is_word_char (c);
}

gsize
plenary_phrase_dictionary_participle_length (PlenaryPhraseDictionary *self,
                                             const char              *text)
{
  gsize prefix, len;

  g_return_val_if_fail (PLENARY_IS_PHRASE_DICTIONARY (self), 0);

  prefix = reflexive_prefix_length (self, text);
  len = word_length (text + prefix);

  if (len == 0 || !ends_word (text + prefix + len))
    return 0;
  if (!ends_with_any (text + prefix, len, self->participle_suffixes, 2))
    return 0;
  if (prefix == 0 && is_not_phrase (self, text, len))
    return 0;

  return prefix + len;
}

gsize
plenary_phrase_dictionary_verb_length (PlenaryPhraseDictionary *self,
                                       const char              *text)
{
  gsize prefix, len;

  g_return_val_if_fail (PLENARY_IS_PHRASE_DICTIONARY (self), 0);

  /* A verb opening a paragraph is capitalised: "Initie", "Se réjouit". */
  if (!g_unichar_isupper (g_utf8_get_char (text)))
    return 0;

  prefix = reflexive_prefix_length (self, text);
  len = word_length (text + prefix);

  if (len == 0 || !ends_word (text + prefix + len))
    return 0;
  if (!ends_with_any (text + prefix, len, self->verb_suffixes, 2))
    return 0;
  if (is_not_phrase (self, text, prefix + len) || (prefix == 0 && is_not_phrase (self, text, len)))
    return 0;

  return prefix + len;
}

gboolean
plenary_phrase_dictionary_is_not_phrase (PlenaryPhraseDictionary *self,
                                         const char              *word,
                                         gsize                    len)
{
  g_return_val_if_fail (PLENARY_IS_PHRASE_DICTIONARY (self), FALSE);

  return is_not_phrase (self, word, len);
}

gboolean
plenary_phrase_dictionary_is_opening (PlenaryPhraseDictionary *self,
                                      const char              *line,
                                      gsize                    length)
{
  g_autofree char *copy = NULL;
  guint words = 1;

  g_return_val_if_fail (PLENARY_IS_PHRASE_DICTIONARY (self), FALSE);

  if (length == 0 || line[length - 1] != ',')
    return FALSE;

  copy = g_strndup (line, length);
  if (plenary_phrase_dictionary_body_for_opening (self, copy) != NULL)
    return TRUE;

  for (gsize i = 0; i < length; i++)
    if (line[i] == ' ')
      words++;
  if (words > 12)
    return FALSE;

  for (guint i = 0; self->opening_articles[i] != NULL; i++)
    {
      const char *article = self->opening_articles[i];
      gsize alen = strlen (article);
      char after;

      if (length <= alen || strncmp (line, article, alen) != 0)
        continue;
      after = line[alen];
      /* "L'Assemblée", "Le Conseil", "The Human Rights Council": a body
       * name is capitalised, "La situation étant grave," is not one. */
      if (!g_str_has_suffix (article, "'") && !g_str_has_suffix (article, "’") && after != ' ')
        continue;
      if (after == ' ')
        alen++;
      if (g_unichar_isupper (g_utf8_get_char (line + alen)))
        return !plenary_phrase_dictionary_match (self, line, NULL);
    }

  return FALSE;
}
