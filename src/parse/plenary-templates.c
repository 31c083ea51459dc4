/* plenary-templates.c
 *
 * Copyright 2026 The Plenary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-templates"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "plenary-data-resources.h"
#include "plenary-draft-codec.h"
#include "plenary-draft-file.h"
#include "plenary-templates.h"

#define RESOURCE_DIR "/org/plenary/Plenary/templates/"
#define USER_PREFIX  "user:"

static const struct {
  const char       *stem;
  const char       *title;
  PlenaryDraftKind  kind;
} builtins[] = {
  { "resolution", N_("Resolution"), PLENARY_DRAFT_KIND_RESOLUTION },
  { "position-paper", N_("Position Paper"), PLENARY_DRAFT_KIND_BRIEF },
  { "briefing-note", N_("Briefing Note"), PLENARY_DRAFT_KIND_BRIEF },
};

static const char * const builtin_languages[] = { "fr", "en" };

/* ---- PlenaryTemplate ----------------------------------------------------- */

struct _PlenaryTemplate
{
  GObject           parent_instance;

  char             *id;
  char             *title;
  PlenaryDraftKind  kind;
  char             *language;
  GFile            *file;
};

G_DEFINE_FINAL_TYPE (PlenaryTemplate, plenary_template, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_KIND,
  PROP_LANGUAGE,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
plenary_template_finalize (GObject *object)
{
  PlenaryTemplate *self = (PlenaryTemplate *)object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->language);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (plenary_template_parent_class)->finalize (object);
}

static void
plenary_template_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlenaryTemplate *self = PLENARY_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_template_class_init (PlenaryTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plenary_template_finalize;
  object_class->get_property = plenary_template_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      PLENARY_DRAFT_KIND_RESOLUTION, PLENARY_DRAFT_KIND_BRIEF,
                      PLENARY_DRAFT_KIND_RESOLUTION,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plenary_template_init (PlenaryTemplate *self)
{
}

static PlenaryTemplate *
template_new (const char       *id,
              const char       *title,
              PlenaryDraftKind  kind,
              const char       *language,
              GFile            *file)
{
  PlenaryTemplate *self = g_object_new (PLENARY_TYPE_TEMPLATE, NULL);

  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->kind = kind;
  self->language = g_strdup (language);
  self->file = file != NULL ? g_object_ref (file) : NULL;

  return self;
}

const char *
plenary_template_get_id (PlenaryTemplate *self)
{
  g_return_val_if_fail (PLENARY_IS_TEMPLATE (self), NULL);
  return self->id;
}

const char *
plenary_template_get_title (PlenaryTemplate *self)
{
  g_return_val_if_fail (PLENARY_IS_TEMPLATE (self), NULL);
  return self->title;
}

PlenaryDraftKind
plenary_template_get_kind (PlenaryTemplate *self)
{
  g_return_val_if_fail (PLENARY_IS_TEMPLATE (self), 0);
  return self->kind;
}

const char *
plenary_template_get_language (PlenaryTemplate *self)
{
  g_return_val_if_fail (PLENARY_IS_TEMPLATE (self), NULL);
  return self->language;
}

GFile *
plenary_template_get_file (PlenaryTemplate *self)
{
  g_return_val_if_fail (PLENARY_IS_TEMPLATE (self), NULL);
  return self->file;
}

gboolean
plenary_template_is_builtin (PlenaryTemplate *self)
{
  g_return_val_if_fail (PLENARY_IS_TEMPLATE (self), FALSE);
  return self->file == NULL;
}

/* ---- built-in templates ---------------------------------------------------- */

static GBytes *
lookup_builtin (const char  *id,
                GError     **error)
{
  g_autofree char *path = NULL;
  GBytes *bytes;

  /* Keeps the data resource linked in; its constructor registers it. */
  (void) plenary_data_get_resource ();

  if (strchr (id, '/') == NULL)
    {
      path = g_strconcat (RESOURCE_DIR, id, PLENARY_DRAFT_SUFFIX, NULL);
      if ((bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL)) != NULL)
        return bytes;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("There is no template named “%s”."), id);
  return NULL;
}

static PlenaryDraft *
decode_bytes (GBytes  *bytes,
              GError **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return plenary_draft_codec_decode (data, length, error);
}

static gboolean
builtin_exists (const char *id)
{
  g_autofree char *path = g_strconcat (RESOURCE_DIR, id, PLENARY_DRAFT_SUFFIX, NULL);

  (void) plenary_data_get_resource ();
  return g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL);
}

/* ---- user templates -------------------------------------------------------- */

GFile *
plenary_templates_get_user_dir (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "plenary", "templates", NULL);
}

static char *
stem_of (const char *basename)
{
  if (!g_str_has_suffix (basename, PLENARY_DRAFT_SUFFIX))
    return NULL;
  return g_strndup (basename, strlen (basename) - strlen (PLENARY_DRAFT_SUFFIX));
}

static PlenaryTemplate *
user_template_new (GFile            *file,
                   const char       *stem,
                   PlenaryDraftKind  kind,
                   const char       *language)
{
  g_autofree char *id = g_strconcat (USER_PREFIX, stem, NULL);
  g_autofree char *title = g_filename_display_name (stem);

  return template_new (id, title, kind, language, file);
}

static int
compare_titles (gconstpointer a,
                gconstpointer b)
{
  PlenaryTemplate *ta = *(PlenaryTemplate **)a;
  PlenaryTemplate *tb = *(PlenaryTemplate **)b;
  g_autofree char *ka = g_utf8_collate_key (ta->title, -1);
  g_autofree char *kb = g_utf8_collate_key (tb->title, -1);

  return strcmp (ka, kb);
}

static void
list_user_templates (GListStore *store,
                     const char *language,
                     int         kind)
{
  g_autoptr(GFile) dir = plenary_templates_get_user_dir ();
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  GFileInfo *info;

  enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (enumerator == NULL)
    return;

  while (g_file_enumerator_iterate (enumerator, &info, NULL, NULL, NULL) && info != NULL)
    {
      const char *name = g_file_info_get_name (info);
      g_autofree char *stem = stem_of (name);
      g_autoptr(GFile) file = NULL;
      g_autoptr(PlenaryDraft) draft = NULL;
      g_autoptr(GError) error = NULL;

      if (stem == NULL || stem[0] == '\0' || name[0] == '.' ||
          g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        continue;

      file = g_file_get_child (dir, name);
      if (!(draft = plenary_draft_load (file, NULL, &error)))
        {
          g_debug ("Skipping template %s: %s", name, error->message);
          continue;
        }

      if (language != NULL && g_strcmp0 (plenary_draft_get_language (draft), language) != 0)
        continue;
      if (kind >= 0 && (int)plenary_draft_get_kind (draft) != kind)
        continue;

      g_ptr_array_add (found, user_template_new (file, stem, plenary_draft_get_kind (draft),
                                                 plenary_draft_get_language (draft)));
    }

  g_ptr_array_sort (found, compare_titles);
  for (guint i = 0; i < found->len; i++)
    g_list_store_append (store, g_ptr_array_index (found, i));
}

GListStore *
plenary_templates_list (const char *language,
                        int         kind)
{
  GListStore *store = g_list_store_new (PLENARY_TYPE_TEMPLATE);

  for (guint l = 0; l < G_N_ELEMENTS (builtin_languages); l++)
    {
      if (language != NULL && strcmp (language, builtin_languages[l]) != 0)
        continue;

      for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
        {
          g_autofree char *id = g_strdup_printf ("%s-%s", builtins[i].stem, builtin_languages[l]);
          g_autoptr(PlenaryTemplate) template = NULL;

          if ((kind >= 0 && (int)builtins[i].kind != kind) || !builtin_exists (id))
            continue;

          template = template_new (id, _(builtins[i].title), builtins[i].kind,
                                   builtin_languages[l], NULL);
          g_list_store_append (store, template);
        }
    }

  list_user_templates (store, language, kind);

  return store;
}

PlenaryDraft *
plenary_template_load (PlenaryTemplate  *self,
                       GError          **error)
{
  g_return_val_if_fail (PLENARY_IS_TEMPLATE (self), NULL);

  if (self->file != NULL)
    return plenary_draft_load (self->file, NULL, error);

  return plenary_templates_load (self->id, error);
}

PlenaryDraft *
plenary_templates_load (const char  *id,
                        GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (id != NULL, NULL);

  if (g_str_has_prefix (id, USER_PREFIX))
    {
      const char *stem = id + strlen (USER_PREFIX);
      g_autoptr(GFile) dir = plenary_templates_get_user_dir ();
      g_autofree char *name = g_strconcat (stem, PLENARY_DRAFT_SUFFIX, NULL);
      g_autoptr(GFile) file = NULL;

      if (stem[0] == '\0' || strchr (stem, '/') != NULL || stem[0] == '.')
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("There is no template named “%s”."), id);
          return NULL;
        }

      file = g_file_get_child (dir, name);
      return plenary_draft_load (file, NULL, error);
    }

  if (!(bytes = lookup_builtin (id, error)))
    return NULL;

  return decode_bytes (bytes, error);
}

/* ---- saving a structure ------------------------------------------------------ */

/* Letters, digits, spaces, "-" and "_" in any script; the rest becomes "-". */
static char *
safe_file_stem (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  GString *out = g_string_new (NULL);
  guint chars = 0;

  for (const char *p = stripped; *p != '\0' && chars < 100; p = g_utf8_next_char (p), chars++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || c == '-' || c == '_')
        g_string_append_unichar (out, c);
      else if (g_unichar_isspace (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, '-');
    }

  g_strstrip (out->str);
  out->len = strlen (out->str);

  return g_string_free (out, FALSE);
}

static const char * const kept_fields[] = {
  "body", "forum", "submitted-by", "session", "distribution",
};

static PlenaryDraft *
structure_of (PlenaryDraft *brief)
{
  const char *language = plenary_draft_get_language (brief);
  PlenaryDraft *copy = plenary_draft_new (plenary_draft_get_kind (brief), language);
  PlenaryMetadata *from = plenary_draft_get_metadata (brief);
  PlenaryMetadata *to = plenary_draft_get_metadata (copy);
  PlenaryBody *body = plenary_draft_get_body (brief);
  g_autoptr(PlenaryBody) skeleton = plenary_body_new ();

  for (guint i = 0; i < G_N_ELEMENTS (kept_fields); i++)
    plenary_metadata_set_string (to, kept_fields[i], plenary_metadata_get_string (from, kept_fields[i]));
  plenary_metadata_set_page_limit (to, plenary_metadata_get_page_limit (from));
  /* The kind of paper ("paper") goes with the structure. */
  plenary_metadata_set_extra (to, plenary_metadata_get_extra (from));

  for (guint i = 0; i < body->paragraphs->len; i++)
    {
      const PlenaryParagraph *section = g_ptr_array_index (body->paragraphs, i);
      g_autoptr(PlenaryParagraph) heading = NULL;

      if (section->role != PLENARY_ROLE_HEADING)
        continue;

      heading = plenary_paragraph_new (PLENARY_ROLE_HEADING, NULL, section->text);
      for (guint j = 0; j < section->children->len; j++)
        {
          const PlenaryParagraph *child = g_ptr_array_index (section->children, j);
          g_autofree char *full = plenary_paragraph_dup_full_text (child);

          /* append_child() takes its own reference. */
          if (plenary_templates_is_hint (language, full))
            {
              g_autoptr(PlenaryParagraph) hint = plenary_paragraph_new (child->role, NULL, full);

              plenary_paragraph_append_child (heading, hint);
            }
        }
      if (heading->children->len == 0)
        {
          g_autoptr(PlenaryParagraph) empty = plenary_paragraph_new (PLENARY_ROLE_PARAGRAPH, NULL, "");

          plenary_paragraph_append_child (heading, empty);
        }

      plenary_body_append (skeleton, heading);
    }

  plenary_draft_set_body (copy, skeleton);

  return copy;
}

PlenaryTemplate *
plenary_templates_save_structure (PlenaryDraft  *brief,
                                  const char    *name,
                                  GError       **error)
{
  g_autoptr(PlenaryDraft) skeleton = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (PLENARY_IS_DRAFT (brief), NULL);
  g_return_val_if_fail (plenary_draft_get_kind (brief) == PLENARY_DRAFT_KIND_BRIEF, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stem = safe_file_stem (name != NULL ? name : "");
  if (stem[0] == '\0' || strspn (stem, "-") == strlen (stem))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("Give the template a name."));
      return NULL;
    }

  dir = plenary_templates_get_user_dir ();
  if (!g_file_make_directory_with_parents (dir, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not save the template “%s”: %s"), name, local_error->message);
      return NULL;
    }
  g_clear_error (&local_error);

  basename = g_strconcat (stem, PLENARY_DRAFT_SUFFIX, NULL);
  file = g_file_get_child (dir, basename);
  skeleton = structure_of (brief);

  if (!plenary_draft_save (skeleton, file, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not save the template “%s”: %s"), name, local_error->message);
      return NULL;
    }

  return user_template_new (file, stem, plenary_draft_get_kind (skeleton),
                            plenary_draft_get_language (skeleton));
}

/* ---- hints ------------------------------------------------------------------- */

/* Runs of any white space (no-break ones too) as one space, none at the ends. */
static char *
normalize_spaces (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x202F)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

G_LOCK_DEFINE_STATIC (hints);
static GHashTable *hints_by_language;

/* The hint paragraphs of the built-in brief templates in LANGUAGE, as
 * normalised strings, each to the normalised heading of its section. */
static GHashTable *
load_hints (const char *language)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    {
      g_autofree char *id = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(PlenaryDraft) draft = NULL;
      PlenaryBody *body;

      if (builtins[i].kind != PLENARY_DRAFT_KIND_BRIEF)
        continue;

      id = g_strdup_printf ("%s-%s", builtins[i].stem, language);
      if (!builtin_exists (id) ||
          !(bytes = lookup_builtin (id, NULL)) ||
          !(draft = decode_bytes (bytes, NULL)))
        continue;

      body = plenary_draft_get_body (draft);
      for (guint s = 0; s < body->paragraphs->len; s++)
        {
          const PlenaryParagraph *section = g_ptr_array_index (body->paragraphs, s);

          for (guint c = 0; c < section->children->len; c++)
            {
              g_autofree char *full = plenary_paragraph_dup_full_text (g_ptr_array_index (section->children, c));
              char *normal = normalize_spaces (full);

              if (normal[0] != '\0')
                g_hash_table_insert (set, normal, normalize_spaces (section->text));
              else
                g_free (normal);
            }
        }
    }

  return set;
}

/* Call with the lock held. */
static GHashTable *
get_hints (const char *language)
{
  GHashTable *set;

  if (hints_by_language == NULL)
    hints_by_language = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify)g_hash_table_unref);
  if (!(set = g_hash_table_lookup (hints_by_language, language)))
    {
      set = load_hints (language);
      g_hash_table_insert (hints_by_language, g_strdup (language), set);
    }

  return set;
}

gboolean
plenary_templates_is_hint (const char *language,
                           const char *text)
{
  g_autofree char *normal = NULL;
  gboolean found;

  g_return_val_if_fail (text != NULL, FALSE);

  if (language == NULL || strchr (language, '/') != NULL)
    return FALSE;

  normal = normalize_spaces (text);
  if (normal[0] == '\0')
    return FALSE;

  G_LOCK (hints);
  found = g_hash_table_contains (get_hints (language), normal);
  G_UNLOCK (hints);

  return found;
}

char *
plenary_templates_dup_hint_for_heading (const char *language,
                                        const char *heading)
{
  g_autofree char *normal = NULL;
  GHashTableIter iter;
  gpointer hint, section;
  char *found = NULL;

  g_return_val_if_fail (heading != NULL, NULL);

  if (language == NULL || strchr (language, '/') != NULL)
    return NULL;

  normal = normalize_spaces (heading);
  G_LOCK (hints);
  g_hash_table_iter_init (&iter, get_hints (language));
  while (found == NULL && g_hash_table_iter_next (&iter, &hint, &section))
    if (g_utf8_collate (section, normal) == 0)
      found = g_strdup (hint);
  G_UNLOCK (hints);

  return found;
}

void
plenary_templates_clear_hints (PlenaryDraft *draft)
{
  const char *language;
  PlenaryBody *body;

  g_return_if_fail (PLENARY_IS_DRAFT (draft));

  language = plenary_draft_get_language (draft);
  body = plenary_draft_get_body (draft);
  for (guint s = 0; s < body->paragraphs->len; s++)
    {
      PlenaryParagraph *section = g_ptr_array_index (body->paragraphs, s);

      for (guint c = section->children->len; c > 0; c--)
        {
          g_autofree char *full = plenary_paragraph_dup_full_text (g_ptr_array_index (section->children, c - 1));

          if (plenary_templates_is_hint (language, full))
            g_ptr_array_remove_index (section->children, c - 1);
        }
    }
}
