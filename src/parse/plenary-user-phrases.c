/* plenary-user-phrases.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-user-phrases"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "plenary-draft-file.h"
#include "plenary-parse-enums.h"
#include "plenary-user-phrases.h"

const char *
plenary_phrase_group_to_string (PlenaryPhraseGroup group)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (PLENARY_TYPE_PHRASE_GROUP);
  GEnumValue *value = g_enum_get_value (klass, group);

  g_return_val_if_fail (value != NULL, NULL);

  return value->value_nick;
}

GFile *
plenary_user_phrases_get_file (const char *language)
{
  g_autofree char *name = g_strconcat (language, ".json", NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "plenary", "phrases", name, NULL);

  return g_file_new_for_path (path);
}

/* The user's file as a JSON object; a fresh one when there is no file. */
static JsonObject *
load_root (const char  *language,
           GError     **error)
{
  g_autoptr(GFile) file = plenary_user_phrases_get_file (language);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  JsonObject *root;
  JsonNode *node;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      root = json_object_new ();
      json_object_set_string_member (root, "language", language);
      json_object_set_array_member (root, "entries", json_array_new ());
      return root;
    }

  if (!json_parser_load_from_data (parser, contents, length, &local_error))
    {
      g_autofree char *path = g_file_get_path (file);
      g_set_error (error, PLENARY_PHRASE_DICTIONARY_ERROR, PLENARY_PHRASE_DICTIONARY_ERROR_INVALID,
                   _("Your phrases in “%s” could not be read: %s"), path, local_error->message);
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *path = g_file_get_path (file);
      g_set_error (error, PLENARY_PHRASE_DICTIONARY_ERROR, PLENARY_PHRASE_DICTIONARY_ERROR_INVALID,
                   _("Your phrases in “%s” could not be read: it is not a phrase dictionary."), path);
      return NULL;
    }

  root = json_object_ref (json_node_get_object (node));
  if (!json_object_has_member (root, "entries") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "entries")))
    json_object_set_array_member (root, "entries", json_array_new ());

  return root;
}

static gboolean
save_root (const char  *language,
           JsonObject  *root,
           GError     **error)
{
  g_autoptr(GFile) file = plenary_user_phrases_get_file (language);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  char *data;
  gsize length;

  if (!g_file_make_directory_with_parents (folder, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  json_node_set_object (node, root);
  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &length);
  bytes = g_bytes_new_take (data, length);

  return plenary_file_replace_atomic (file, bytes, NULL, NULL, error);
}

JsonArray *
plenary_user_phrases_list (const char  *language,
                           GError     **error)
{
  g_autoptr(JsonObject) root = load_root (language, error);

  if (root == NULL)
    return NULL;

  return json_array_ref (json_object_get_array_member (root, "entries"));
}

/* What follows the phrase in the clause picker: a placeholder and the
 * punctuation that ends such a paragraph in this language. */
static char *
make_snippet (PlenaryPhraseDictionary *dictionary,
              PlenaryPhraseGroup       group)
{
  const char *kind = group == PLENARY_PHRASE_GROUP_PREAMBULAR ? "preambular" :
                     group == PLENARY_PHRASE_GROUP_OPERATIVE ? "operative" : "final";
  const char *ending = plenary_phrase_dictionary_get_ending (dictionary, kind);
  gboolean spaced = plenary_phrase_dictionary_get_french_spacing (dictionary) &&
                    ending != NULL && strchr (";:?!", ending[0]) != NULL;

  return g_strdup_printf ("${1:…}%s%s", spaced ? "\u00a0" : "", ending != NULL ? ending : "");
}

gboolean
plenary_user_phrases_add (const char          *language,
                          PlenaryPhraseGroup   group,
                          const char          *phrase,
                          const char          *feminine,
                          const char          *example,
                          GError             **error)
{
  PlenaryPhraseDictionary *dictionary;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(JsonObject) single = NULL;
  g_autofree char *snippet = NULL;
  g_autofree char *data = NULL;
  g_autofree char *clean = NULL;
  JsonArray *entries;
  JsonObject *entry;
  JsonArray *one;
  guint n;

  g_return_val_if_fail (language != NULL, FALSE);
  g_return_val_if_fail (phrase != NULL, FALSE);

  clean = g_strstrip (g_strdup (phrase));
  if (clean[0] == '\0')
    {
      g_set_error_literal (error, PLENARY_PHRASE_DICTIONARY_ERROR, PLENARY_PHRASE_DICTIONARY_ERROR_INVALID,
                           _("A phrase cannot be empty."));
      return FALSE;
    }

  if (!(root = load_root (language, error)))
    return FALSE;

  dictionary = plenary_phrase_dictionary_get_default (language);
  snippet = make_snippet (dictionary, group);

  entry = json_object_new ();
  json_object_set_string_member (entry, "group", plenary_phrase_group_to_string (group));
  json_object_set_string_member (entry, "phrase", clean);
  if (feminine != NULL && feminine[0] != '\0')
    json_object_set_string_member (entry, "feminine", feminine);
  json_object_set_string_member (entry, "example", example != NULL && example[0] != '\0' ? example : clean);
  json_object_set_string_member (entry, "snippet", snippet);

  /* A phrase added again replaces the earlier one. */
  entries = json_object_get_array_member (root, "entries");
  n = json_array_get_length (entries);
  for (guint i = n; i > 0; i--)
    {
      JsonObject *old = json_array_get_object_element (entries, i - 1);

      if (old != NULL &&
          g_strcmp0 (json_object_get_string_member_with_default (old, "phrase", NULL), clean) == 0 &&
          g_strcmp0 (json_object_get_string_member_with_default (old, "group", NULL),
                     plenary_phrase_group_to_string (group)) == 0)
        json_array_remove_element (entries, i - 1);
    }
  json_array_add_object_element (entries, json_object_ref (entry));

  if (!save_root (language, root, error))
    {
      json_object_unref (entry);
      return FALSE;
    }

  /* Open drafts recognise it at once. */
  single = json_object_new ();
  one = json_array_new ();
  json_array_add_object_element (one, entry);
  json_object_set_array_member (single, "entries", one);
  {
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

    json_node_set_object (node, single);
    json_generator_set_root (generator, node);
    data = json_generator_to_data (generator, NULL);
  }

  return plenary_phrase_dictionary_merge_data (dictionary, data, -1, error);
}

gboolean
plenary_user_phrases_remove (const char  *language,
                             const char  *group,
                             const char  *phrase,
                             GError     **error)
{
  PlenaryPhraseDictionary *dictionary;
  g_autoptr(JsonObject) root = NULL;
  PlenaryPhraseEntry *entry;
  JsonArray *entries;
  guint n;

  g_return_val_if_fail (language != NULL, FALSE);
  g_return_val_if_fail (phrase != NULL, FALSE);

  if (!(root = load_root (language, error)))
    return FALSE;

  entries = json_object_get_array_member (root, "entries");
  n = json_array_get_length (entries);
  for (guint i = n; i > 0; i--)
    {
      JsonObject *old = json_array_get_object_element (entries, i - 1);

      if (old != NULL &&
          g_strcmp0 (json_object_get_string_member_with_default (old, "phrase", NULL), phrase) == 0 &&
          g_strcmp0 (json_object_get_string_member_with_default (old, "group", NULL), group) == 0)
        json_array_remove_element (entries, i - 1);
    }

  if (!save_root (language, root, error))
    return FALSE;

  dictionary = plenary_phrase_dictionary_get_default (language);
  if ((entry = plenary_phrase_dictionary_find_entry (dictionary, phrase)) != NULL &&
      g_strcmp0 (plenary_phrase_entry_get_phrase (entry), phrase) == 0)
    plenary_phrase_dictionary_remove_entry (dictionary, entry);

  return TRUE;
}
