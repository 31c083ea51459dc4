/* plenary-draft.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-draft"

#include "config.h"

#include <string.h>

#include "plenary-enum-nick.h"
#include "plenary-model-enums.h"
#include "plenary-draft.h"

struct _PlenaryDraft
{
  GObject           parent_instance;

  PlenaryDraftKind  kind;
  char             *language;
  PlenaryMetadata  *metadata;
  PlenaryBody      *body;
  GListStore       *sources;
  GListStore       *annotations;
  JsonObject       *extra;
  /* Ids handed out for sources still being imported. */
  GHashTable       *reserved_ids;
  GListStore       *revisions;
  /* The highest N of a paragraph id "pN" handed out or seen. */
  guint64           last_paragraph_number;
  GPtrArray        *load_warnings;
  GListStore       *proposals;
  guint64           last_proposal_number;
  /* Paragraph id -> PlenaryParagraphStatus. */
  GHashTable       *statuses;
};

G_DEFINE_FINAL_TYPE (PlenaryDraft, plenary_draft, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_LANGUAGE,
  PROP_METADATA,
  PROP_BODY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PROPOSALS_CHANGED,
  PARAGRAPH_STATUS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
plenary_draft_constructed (GObject *object)
{
  PlenaryDraft *self = (PlenaryDraft *)object;

  G_OBJECT_CLASS (plenary_draft_parent_class)->constructed (object);

  if (self->metadata == NULL)
    self->metadata = plenary_metadata_new ();
}

static void
plenary_draft_finalize (GObject *object)
{
  PlenaryDraft *self = (PlenaryDraft *)object;

  g_free (self->language);
  g_clear_object (&self->metadata);
  g_clear_pointer (&self->body, plenary_body_unref);
  g_clear_object (&self->sources);
  g_clear_object (&self->annotations);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->reserved_ids, g_hash_table_unref);
  g_clear_object (&self->revisions);
  g_clear_pointer (&self->load_warnings, g_ptr_array_unref);
  g_clear_object (&self->proposals);
  g_clear_pointer (&self->statuses, g_hash_table_unref);

  G_OBJECT_CLASS (plenary_draft_parent_class)->finalize (object);
}

static void
plenary_draft_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PlenaryDraft *self = PLENARY_DRAFT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_METADATA:
      g_value_set_object (value, self->metadata);
      break;

    case PROP_BODY:
      g_value_set_boxed (value, self->body);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_draft_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PlenaryDraft *self = PLENARY_DRAFT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      plenary_draft_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_LANGUAGE:
      plenary_draft_set_language (self, g_value_get_string (value));
      break;

    case PROP_METADATA:
      g_set_object (&self->metadata, g_value_get_object (value));
      break;

    case PROP_BODY:
      if (g_value_get_boxed (value) != NULL)
        plenary_draft_set_body (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_draft_class_init (PlenaryDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = plenary_draft_constructed;
  object_class->finalize = plenary_draft_finalize;
  object_class->get_property = plenary_draft_get_property;
  object_class->set_property = plenary_draft_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, PLENARY_TYPE_DRAFT_KIND,
                       PLENARY_DRAFT_KIND_RESOLUTION,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "fr",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_METADATA] =
    g_param_spec_object ("metadata", NULL, NULL, PLENARY_TYPE_METADATA,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BODY] =
    g_param_spec_boxed ("body", NULL, NULL, PLENARY_TYPE_BODY,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PROPOSALS_CHANGED] =
    g_signal_new ("proposals-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[PARAGRAPH_STATUS_CHANGED] =
    g_signal_new ("paragraph-status-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void note_paragraph_ids (PlenaryDraft *self,
                                GPtrArray    *paragraphs);
static void give_missing_ids   (PlenaryDraft *self,
                                GPtrArray    *paragraphs);

static void
release_added_ids (PlenaryDraft *self,
                   guint         position,
                   guint         removed,
                   guint         added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(PlenarySource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      g_hash_table_remove (self->reserved_ids, plenary_source_get_id (source));
    }
}

static void
plenary_draft_init (PlenaryDraft *self)
{
  self->language = g_strdup ("fr");
  self->body = plenary_body_new ();
  self->sources = g_list_store_new (PLENARY_TYPE_SOURCE);
  self->annotations = g_list_store_new (PLENARY_TYPE_ANNOTATION);
  self->reserved_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->revisions = g_list_store_new (PLENARY_TYPE_REVISION);
  self->load_warnings = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->proposals = g_list_store_new (PLENARY_TYPE_PROPOSAL);
  self->statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* A reserved id is the draft's own once its source is added. */
  g_signal_connect_object (self->sources, "items-changed",
                           G_CALLBACK (release_added_ids), self, G_CONNECT_SWAPPED);
}

PlenaryDraft *
plenary_draft_new (PlenaryDraftKind  kind,
                   const char       *language)
{
  g_return_val_if_fail (kind <= PLENARY_DRAFT_KIND_BRIEF, NULL);

  return g_object_new (PLENARY_TYPE_DRAFT,
                       "kind", (guint) kind,
                       "language", language != NULL ? language : "fr",
                       NULL);
}

PlenaryDraftKind
plenary_draft_get_kind (PlenaryDraft *self)
{
  g_return_val_if_fail (PLENARY_IS_DRAFT (self), 0);

  return self->kind;
}

void
plenary_draft_set_kind (PlenaryDraft     *self,
                        PlenaryDraftKind  kind)
{
  g_return_if_fail (PLENARY_IS_DRAFT (self));
  g_return_if_fail (kind <= PLENARY_DRAFT_KIND_BRIEF);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
plenary_draft_get_language (PlenaryDraft *self)
{
  g_return_val_if_fail (PLENARY_IS_DRAFT (self), NULL);

  return self->language;
}

void
plenary_draft_set_language (PlenaryDraft *self,
                            const char   *language)
{
  g_return_if_fail (PLENARY_IS_DRAFT (self));

  if (language == NULL)
    language = "";
  if (strcmp (self->language, language) == 0)
    return;

  g_free (self->language);
  self->language = g_strdup (language);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

PlenaryMetadata *
plenary_draft_get_metadata (PlenaryDraft *self)
{
  g_return_val_if_fail (PLENARY_IS_DRAFT (self), NULL);

  return self->metadata;
}

PlenaryBody *
plenary_draft_get_body (PlenaryDraft *self)
{
  g_return_val_if_fail (PLENARY_IS_DRAFT (self), NULL);

  return self->body;
}

void
plenary_draft_set_body (PlenaryDraft *self,
                        PlenaryBody  *body)
{
  g_return_if_fail (PLENARY_IS_DRAFT (self));
  g_return_if_fail (body != NULL);

  if (self->body == body)
    return;

  plenary_body_ref (body);
  g_clear_pointer (&self->body, plenary_body_unref);
  self->body = body;
  /* A draft made from a text (import, template, parse) has its paragraph
   * ids from the start; duplicates are for the caller to repair. */
  note_paragraph_ids (self, body->paragraphs);
  give_missing_ids (self, body->paragraphs);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

GListStore *
plenary_draft_get_sources (PlenaryDraft *self)
{
  g_return_val_if_fail (PLENARY_IS_DRAFT (self), NULL);

  return self->sources;
}

PlenarySource *
plenary_draft_find_source (PlenaryDraft *self,
                           const char   *id)
{
  guint n;

  g_return_val_if_fail (PLENARY_IS_DRAFT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenarySource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      if (strcmp (plenary_source_get_id (source), id) == 0)
        return source;
    }

  return NULL;
}

GListStore *
plenary_draft_get_annotations (PlenaryDraft *self)
{
  g_return_val_if_fail (PLENARY_IS_DRAFT (self), NULL);

  return self->annotations;
}

JsonObject *
plenary_draft_get_extra (PlenaryDraft *self)
{
  g_return_val_if_fail (PLENARY_IS_DRAFT (self), NULL);

  return self->extra;
}

void
plenary_draft_set_extra (PlenaryDraft *self,
                         JsonObject   *extra)
{
  g_return_if_fail (PLENARY_IS_DRAFT (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

static void
collect_ids (GListModel  *model,
             const char *(*get_id) (gpointer),
             GHashTable  *ids)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_hash_table_add (ids, g_strdup (get_id (item)));
    }
}

char *
plenary_draft_new_id (PlenaryDraft *self,
                      const char   *prefix)
{
  g_autoptr(GHashTable) ids = NULL;

  g_return_val_if_fail (PLENARY_IS_DRAFT (self), NULL);

  if (prefix == NULL)
    prefix = "";

  /* Sources and annotations share one namespace, so an id never names two
   * things; an id reserved for an import under way is taken too. */
  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  {
    GHashTableIter iter;
    gpointer id;

    g_hash_table_iter_init (&iter, self->reserved_ids);
    while (g_hash_table_iter_next (&iter, &id, NULL))
      g_hash_table_add (ids, g_strdup (id));
  }
  collect_ids (G_LIST_MODEL (self->sources),
               (const char *(*) (gpointer)) plenary_source_get_id, ids);
  collect_ids (G_LIST_MODEL (self->annotations),
               (const char *(*) (gpointer)) plenary_annotation_get_id, ids);

  /* The first free number from 1 keeps ids short. */
  for (guint i = 1; ; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s%u", prefix, i);

      if (!g_hash_table_contains (ids, id))
        return g_steal_pointer (&id);
    }
}

char *
plenary_draft_reserve_id (PlenaryDraft *self,
                          const char   *prefix)
{
  char *id;

  g_return_val_if_fail (PLENARY_IS_DRAFT (self), NULL);

  id = plenary_draft_new_id (self, prefix);
  g_hash_table_add (self->reserved_ids, g_strdup (id));

  return id;
}

void
plenary_draft_release_id (PlenaryDraft *self,
                          const char   *id)
{
  g_return_if_fail (PLENARY_IS_DRAFT (self));
  g_return_if_fail (id != NULL);

  g_hash_table_remove (self->reserved_ids, id);
}

/* Paragraph identity ------------------------------------------------------ */

static void
note_paragraph_id (PlenaryDraft *self,
                   const char   *id)
{
  guint64 number;
  char *end;

  if (id == NULL || id[0] != 'p' || !g_ascii_isdigit (id[1]))
    return;

  number = g_ascii_strtoull (id + 1, &end, 10);
  if (*end == '\0' && number > self->last_paragraph_number)
    self->last_paragraph_number = number;
}

static void
note_paragraph_ids (PlenaryDraft *self,
                    GPtrArray    *paragraphs)
{
  for (guint i = 0; i < paragraphs->len; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (paragraphs, i);

      note_paragraph_id (self, paragraph->id);
      note_paragraph_ids (self, paragraph->children);
    }
}

static void
give_missing_ids (PlenaryDraft *self,
                  GPtrArray    *paragraphs)
{
  for (guint i = 0; i < paragraphs->len; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (paragraphs, i);

      if (paragraph->id == NULL || paragraph->id[0] == '\0')
        {
          g_free (paragraph->id);
          paragraph->id = plenary_draft_new_paragraph_id (self);
        }
      give_missing_ids (self, paragraph->children);
    }
}

char *
plenary_draft_new_paragraph_id (PlenaryDraft *self)
{
  g_return_val_if_fail (PLENARY_IS_DRAFT (self), NULL);

  /* A number is never given twice: a deleted paragraph's id stays its own
   * (a revision or an undo may bring it back). */
  return g_strdup_printf ("p%" G_GUINT64_FORMAT, ++self->last_paragraph_number);
}

static guint
ensure_ids (PlenaryDraft *self,
            GPtrArray    *paragraphs,
            GHashTable   *seen)
{
  guint renamed = 0;

  for (guint i = 0; i < paragraphs->len; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (paragraphs, i);

      if (paragraph->id == NULL || paragraph->id[0] == '\0' ||
          g_hash_table_contains (seen, paragraph->id))
        {
          if (paragraph->id != NULL && paragraph->id[0] != '\0')
            renamed++;
          g_free (paragraph->id);
          paragraph->id = plenary_draft_new_paragraph_id (self);
        }
      g_hash_table_add (seen, paragraph->id);
      renamed += ensure_ids (self, paragraph->children, seen);
    }

  return renamed;
}

guint
plenary_draft_ensure_paragraph_ids (PlenaryDraft *self)
{
  g_autoptr(GHashTable) seen = NULL;

  g_return_val_if_fail (PLENARY_IS_DRAFT (self), 0);

  /* Revisions' ids were noted when they were added. */
  note_paragraph_ids (self, self->body->paragraphs);

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  return ensure_ids (self, self->body->paragraphs, seen);
}

/* Revisions ----------------------------------------------------------------- */

GListModel *
plenary_draft_get_revisions (PlenaryDraft *self)
{
  g_return_val_if_fail (PLENARY_IS_DRAFT (self), NULL);

  return G_LIST_MODEL (self->revisions);
}

PlenaryRevision *
plenary_draft_find_revision (PlenaryDraft *self,
                             const char   *id)
{
  guint n;

  g_return_val_if_fail (PLENARY_IS_DRAFT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->revisions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenaryRevision) revision = g_list_model_get_item (G_LIST_MODEL (self->revisions), i);

      if (strcmp (plenary_revision_get_id (revision), id) == 0)
        return revision;
    }

  return NULL;
}

static gboolean
same_leaf (const PlenaryParagraph *a,
           const PlenaryParagraph *b)
{
  return a->children->len == 0 && b->children->len == 0 && plenary_paragraph_equal (a, b);
}

static void
index_leaves (GHashTable *leaves,
              GPtrArray  *paragraphs)
{
  for (guint i = 0; i < paragraphs->len; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (paragraphs, i);

      if (paragraph->children->len == 0 && paragraph->id != NULL)
        g_hash_table_insert (leaves, paragraph->id, paragraph);
      index_leaves (leaves, paragraph->children);
    }
}

static void
copy_paragraphs (GHashTable *leaves,
                 GPtrArray  *from,
                 GPtrArray  *into)
{
  for (guint i = 0; i < from->len; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (from, i);
      PlenaryParagraph *shared = paragraph->id != NULL ? g_hash_table_lookup (leaves, paragraph->id) : NULL;
      PlenaryParagraph *copy;

      if (shared != NULL && same_leaf (shared, paragraph))
        {
          g_ptr_array_add (into, plenary_paragraph_ref (shared));
          continue;
        }

      copy = plenary_paragraph_new (paragraph->role, paragraph->phrase, paragraph->text);
      copy->id = g_strdup (paragraph->id);
      if (paragraph->extra != NULL)
        copy->extra = json_object_ref (paragraph->extra);
      copy_paragraphs (leaves, paragraph->children, copy->children);
      g_ptr_array_add (into, copy);
    }
}

/* A copy of BODY for a new revision: paragraphs without sub-paragraphs
 * that the last revision has unchanged are shared with it (revisions never
 * change), which saves memory and lets the encoder meet them once. */
static PlenaryBody *
copy_sharing (PlenaryDraft *self,
              PlenaryBody  *body)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->revisions));
  g_autoptr(GHashTable) leaves = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(PlenaryRevision) last = n > 0 ? g_list_model_get_item (G_LIST_MODEL (self->revisions), n - 1) : NULL;
  PlenaryBody *copy = plenary_body_new ();

  if (last != NULL)
    index_leaves (leaves, plenary_revision_get_body (last)->paragraphs);
  copy->opening = g_strdup (body->opening);
  if (body->extra != NULL)
    copy->extra = json_object_ref (body->extra);
  copy_paragraphs (leaves, body->paragraphs, copy->paragraphs);

  return copy;
}

PlenaryRevision *
plenary_draft_add_revision (PlenaryDraft *self,
                            const char   *name,
                            const char   *author)
{
  g_autoptr(PlenaryRevision) revision = NULL;
  g_autoptr(PlenaryMetadata) metadata = NULL;
  g_autoptr(PlenaryBody) body = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (PLENARY_IS_DRAFT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  plenary_draft_ensure_paragraph_ids (self);

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->revisions)) + 1; ; i++)
    {
      g_free (id);
      id = g_strdup_printf ("r%u", i);
      if (plenary_draft_find_revision (self, id) == NULL)
        break;
    }

  /* Whole seconds: what the file keeps. */
  {
    g_autoptr(GDateTime) precise = g_date_time_new_now_utc ();

    now = g_date_time_new_utc (g_date_time_get_year (precise),
                               g_date_time_get_month (precise),
                               g_date_time_get_day_of_month (precise),
                               g_date_time_get_hour (precise),
                               g_date_time_get_minute (precise),
                               g_date_time_get_second (precise));
  }
  metadata = plenary_metadata_dup (self->metadata);
  body = copy_sharing (self, self->body);
  revision = plenary_revision_new (id, name, now, author, metadata, body);
  /* Its ids are the body's, already noted. */
  g_list_store_append (self->revisions, revision);

  return revision;
}

void
plenary_draft_insert_revision (PlenaryDraft    *self,
                               int              position,
                               PlenaryRevision *revision)
{
  guint n;

  g_return_if_fail (PLENARY_IS_DRAFT (self));
  g_return_if_fail (PLENARY_IS_REVISION (revision));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->revisions));
  note_paragraph_ids (self, plenary_revision_get_body (revision)->paragraphs);
  g_list_store_insert (self->revisions, position < 0 || (guint) position > n ? n : (guint) position,
                       revision);
}

gboolean
plenary_draft_remove_revision (PlenaryDraft    *self,
                               PlenaryRevision *revision)
{
  guint position;

  g_return_val_if_fail (PLENARY_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (PLENARY_IS_REVISION (revision), FALSE);

  if (!g_list_store_find (self->revisions, revision, &position))
    return FALSE;

  g_list_store_remove (self->revisions, position);
  return TRUE;
}

/* A draft of OWNER's kind and language with METADATA and BODY (both taken
 * as they are) and OWNER's sources and annotations (the same objects). */
static PlenaryDraft *
dup_with (PlenaryDraft    *owner,
          PlenaryMetadata *metadata,
          PlenaryBody     *body)
{
  PlenaryDraft *draft;
  guint n;

  draft = g_object_new (PLENARY_TYPE_DRAFT,
                        "kind", (guint) owner->kind,
                        "language", owner->language,
                        "metadata", metadata,
                        NULL);
  plenary_draft_set_body (draft, body);

  n = g_list_model_get_n_items (G_LIST_MODEL (owner->sources));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (owner->sources), i);
      g_list_store_append (draft->sources, item);
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (owner->annotations));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (owner->annotations), i);
      g_list_store_append (draft->annotations, item);
    }
  draft->last_paragraph_number = MAX (draft->last_paragraph_number, owner->last_paragraph_number);

  return draft;
}

PlenaryDraft *
plenary_revision_dup_draft (PlenaryRevision *revision,
                            PlenaryDraft    *owner)
{
  g_autoptr(PlenaryMetadata) metadata = NULL;
  g_autoptr(PlenaryBody) body = NULL;

  g_return_val_if_fail (PLENARY_IS_REVISION (revision), NULL);
  g_return_val_if_fail (PLENARY_IS_DRAFT (owner), NULL);

  metadata = plenary_metadata_dup (plenary_revision_get_metadata (revision));
  body = plenary_body_copy (plenary_revision_get_body (revision));

  return dup_with (owner, metadata, body);
}

PlenaryDraft *
plenary_draft_dup_with_body (PlenaryDraft *self,
                             PlenaryBody  *body)
{
  g_autoptr(PlenaryMetadata) metadata = NULL;

  g_return_val_if_fail (PLENARY_IS_DRAFT (self), NULL);
  g_return_val_if_fail (body != NULL, NULL);

  metadata = plenary_metadata_dup (self->metadata);

  return dup_with (self, metadata, body);
}

/* Load warnings --------------------------------------------------------- */

const char * const *
plenary_draft_get_load_warnings (PlenaryDraft *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (PLENARY_IS_DRAFT (self), NULL);

  /* An empty array may have no storage yet. */
  if (self->load_warnings->pdata == NULL)
    return none;
  return (const char * const *) self->load_warnings->pdata;
}

void
plenary_draft_add_load_warning (PlenaryDraft *self,
                                const char   *message)
{
  g_return_if_fail (PLENARY_IS_DRAFT (self));
  g_return_if_fail (message != NULL);

  g_ptr_array_add (self->load_warnings, g_strdup (message));
}

const char *
plenary_draft_kind_to_string (PlenaryDraftKind value)
{
  return plenary_enum_to_nick (PLENARY_TYPE_DRAFT_KIND, value);
}

gboolean
plenary_draft_kind_from_string (const char *str,
                                PlenaryDraftKind *value)
{
  return plenary_enum_from_nick (PLENARY_TYPE_DRAFT_KIND, str, (int *) value);
}

/* Proposals and paragraph statuses ------------------------------------------ */

static void
emit_proposals_changed (PlenaryDraft *self)
{
  g_signal_emit (self, signals[PROPOSALS_CHANGED], 0);
}

/* "s12" keeps later ids above it. */
static void
note_proposal_id (PlenaryDraft    *self,
                  PlenaryProposal *proposal)
{
  const char *id = plenary_proposal_get_id (proposal);
  guint64 number;

  if (id[0] == 's' && g_ascii_string_to_unsigned (id + 1, 10, 1, G_MAXUINT32, &number, NULL))
    self->last_proposal_number = MAX (self->last_proposal_number, number);
  g_signal_connect_object (proposal, "notify", G_CALLBACK (emit_proposals_changed),
                           self, G_CONNECT_SWAPPED);
}

GListModel *
plenary_draft_get_proposals (PlenaryDraft *self)
{
  g_return_val_if_fail (PLENARY_IS_DRAFT (self), NULL);

  return G_LIST_MODEL (self->proposals);
}

PlenaryProposal *
plenary_draft_find_proposal (PlenaryDraft *self,
                             const char   *id)
{
  guint n;

  g_return_val_if_fail (PLENARY_IS_DRAFT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->proposals));
  for (guint i = 0; i < n; i++)
    {
      PlenaryProposal *proposal = g_list_model_get_item (G_LIST_MODEL (self->proposals), i);

      g_object_unref (proposal);
      if (strcmp (plenary_proposal_get_id (proposal), id) == 0)
        return proposal;
    }

  return NULL;
}

void
plenary_draft_add_proposal (PlenaryDraft    *self,
                            PlenaryProposal *proposal)
{
  g_return_if_fail (PLENARY_IS_DRAFT (self));
  g_return_if_fail (PLENARY_IS_PROPOSAL (proposal));

  note_proposal_id (self, proposal);
  g_list_store_append (self->proposals, proposal);
  emit_proposals_changed (self);
}

gboolean
plenary_draft_remove_proposal (PlenaryDraft    *self,
                               PlenaryProposal *proposal)
{
  guint position;

  g_return_val_if_fail (PLENARY_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (PLENARY_IS_PROPOSAL (proposal), FALSE);

  if (!g_list_store_find (self->proposals, proposal, &position))
    return FALSE;

  g_signal_handlers_disconnect_by_func (proposal, emit_proposals_changed, self);
  g_list_store_remove (self->proposals, position);
  emit_proposals_changed (self);
  return TRUE;
}

void
plenary_draft_set_proposals (PlenaryDraft *self,
                             GPtrArray    *proposals)
{
  guint n;

  g_return_if_fail (PLENARY_IS_DRAFT (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->proposals));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenaryProposal) old = g_list_model_get_item (G_LIST_MODEL (self->proposals), i);

      g_signal_handlers_disconnect_by_func (old, emit_proposals_changed, self);
    }
  if (proposals != NULL)
    for (guint i = 0; i < proposals->len; i++)
      note_proposal_id (self, g_ptr_array_index (proposals, i));

  g_list_store_splice (self->proposals, 0, n,
                       proposals != NULL ? proposals->pdata : NULL,
                       proposals != NULL ? proposals->len : 0);
  emit_proposals_changed (self);
}

char *
plenary_draft_new_proposal_id (PlenaryDraft *self)
{
  g_return_val_if_fail (PLENARY_IS_DRAFT (self), NULL);

  return g_strdup_printf ("s%" G_GUINT64_FORMAT, ++self->last_proposal_number);
}

PlenaryParagraphStatus
plenary_draft_get_paragraph_status (PlenaryDraft *self,
                                    const char   *id)
{
  g_return_val_if_fail (PLENARY_IS_DRAFT (self), PLENARY_PARAGRAPH_STATUS_NONE);

  if (id == NULL)
    return PLENARY_PARAGRAPH_STATUS_NONE;

  return GPOINTER_TO_INT (g_hash_table_lookup (self->statuses, id));
}

void
plenary_draft_set_paragraph_status (PlenaryDraft          *self,
                                    const char            *id,
                                    PlenaryParagraphStatus status)
{
  g_return_if_fail (PLENARY_IS_DRAFT (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (status <= PLENARY_PARAGRAPH_STATUS_DELETED);

  if (plenary_draft_get_paragraph_status (self, id) == status)
    return;

  if (status == PLENARY_PARAGRAPH_STATUS_NONE)
    g_hash_table_remove (self->statuses, id);
  else
    g_hash_table_insert (self->statuses, g_strdup (id), GINT_TO_POINTER (status));
  g_signal_emit (self, signals[PARAGRAPH_STATUS_CHANGED], 0, id);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

const char **
plenary_draft_list_status_ids (PlenaryDraft *self)
{
  guint n;
  const char **ids;

  g_return_val_if_fail (PLENARY_IS_DRAFT (self), NULL);

  ids = (const char **) g_hash_table_get_keys_as_array (self->statuses, &n);
  qsort (ids, n, sizeof (char *), compare_ids);

  return ids;
}
