/* plenary-annotations.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-annotations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "plenary-anchor-resolver.h"
#include "plenary-annotations.h"
#include "plenary-source-importer.h"

#define CATEGORIES_MEMBER "highlight_categories"

struct _PlenaryAnnotations
{
  GObject            parent_instance;

  PlenaryDocument   *document;
  GtkTextBuffer     *buffer;
  GtkTextTag        *comment_tag;
  GtkTextTag        *citation_tag;
  /* PlenaryAnnotation -> Marks, for the annotations placed on the draft;
   * entries outlive a removal so that undo brings them back in place. */
  GHashTable        *marks;
  guint              retag_source;
  /* During an insertion: the marks at its edges, to put back outside. */
  GPtrArray         *edge_starts;
  GPtrArray         *edge_ends;
  int                insert_offset;
};

typedef struct
{
  GtkTextBuffer *buffer;
  GtkTextMark   *start;
  GtkTextMark   *end;
} Marks;

G_DEFINE_FINAL_TYPE (PlenaryAnnotations, plenary_annotations, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_MODEL,
  N_PROPS
};

enum {
  OPEN_SOURCE,
  REVEAL,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const categories[] = { "yellow", "green", "blue", "red", NULL };

static void
marks_free (gpointer data)
{
  Marks *marks = data;

  if (!gtk_text_mark_get_deleted (marks->start))
    gtk_text_buffer_delete_mark (marks->buffer, marks->start);
  if (!gtk_text_mark_get_deleted (marks->end))
    gtk_text_buffer_delete_mark (marks->buffer, marks->end);
  g_object_unref (marks->start);
  g_object_unref (marks->end);
  g_object_unref (marks->buffer);
  g_free (marks);
}

static gboolean
is_on_draft (PlenaryAnnotation *annotation)
{
  PlenaryAnchor *anchor = plenary_annotation_get_anchor (annotation);

  return anchor != NULL && g_strcmp0 (anchor->target, PLENARY_ANCHOR_TARGET_DRAFT) == 0;
}

static PlenaryDraft *
get_draft (PlenaryAnnotations *self)
{
  return plenary_document_get_draft (self->document);
}

static GListModel *
get_store (PlenaryAnnotations *self)
{
  return G_LIST_MODEL (plenary_draft_get_annotations (get_draft (self)));
}

static char *
dup_buffer_text (PlenaryAnnotations *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  return gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);
}

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format_iso8601 (now);
}

static void
add_marks (PlenaryAnnotations *self,
           PlenaryAnnotation  *annotation,
           gint64              start,
           gint64              end)
{
  Marks *marks = g_new0 (Marks, 1);
  GtkTextIter iter;

  marks->buffer = g_object_ref (self->buffer);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, (int) start);
  /* The start stays before text inserted at it, the end goes after it: so
   * text deleted and put back (undo) is inside again. Text typed at the
   * edges of words still there is put outside by on_insert_text_after(). */
  marks->start = g_object_ref (gtk_text_buffer_create_mark (self->buffer, NULL, &iter, TRUE));
  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, (int) end);
  marks->end = g_object_ref (gtk_text_buffer_create_mark (self->buffer, NULL, &iter, FALSE));

  g_hash_table_replace (self->marks, g_object_ref (annotation), marks);
}

/* Text typed at either edge of annotated words stays outside them: the
 * saved quote is exactly the words annotated ("infrastructures", not
 * "infrastructures hydrauliques"), and a comment on the last word of a
 * paragraph does not grow over the next one. Only a range already empty
 * (its words deleted) takes what is inserted, which is how undo restores
 * it. */
static void
on_insert_text_before (PlenaryAnnotations *self,
                       GtkTextIter        *location,
                       const char         *text,
                       int                 length,
                       GtkTextBuffer      *buffer)
{
  GHashTableIter iter;
  Marks *marks;

  if (self->marks == NULL)
    return;
  g_ptr_array_set_size (self->edge_starts, 0);
  g_ptr_array_set_size (self->edge_ends, 0);
  self->insert_offset = gtk_text_iter_get_offset (location);

  g_hash_table_iter_init (&iter, self->marks);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &marks))
    {
      GtkTextIter start, end;
      int start_offset, end_offset;

      gtk_text_buffer_get_iter_at_mark (buffer, &start, marks->start);
      gtk_text_buffer_get_iter_at_mark (buffer, &end, marks->end);
      start_offset = gtk_text_iter_get_offset (&start);
      end_offset = gtk_text_iter_get_offset (&end);
      if (start_offset >= end_offset)
        continue;
      if (start_offset == self->insert_offset)
        g_ptr_array_add (self->edge_starts, marks->start);
      else if (end_offset == self->insert_offset)
        g_ptr_array_add (self->edge_ends, marks->end);
    }
}

static void
on_insert_text_after (PlenaryAnnotations *self,
                      GtkTextIter        *location,
                      const char         *text,
                      int                 length,
                      GtkTextBuffer      *buffer)
{
  GtkTextIter before;

  if (self->marks == NULL || (self->edge_starts->len == 0 && self->edge_ends->len == 0))
    return;

  /* LOCATION is now after the inserted text. */
  gtk_text_buffer_get_iter_at_offset (buffer, &before, self->insert_offset);
  for (guint i = 0; i < self->edge_starts->len; i++)
    gtk_text_buffer_move_mark (buffer, g_ptr_array_index (self->edge_starts, i), location);
  for (guint i = 0; i < self->edge_ends->len; i++)
    gtk_text_buffer_move_mark (buffer, g_ptr_array_index (self->edge_ends, i), &before);
  g_ptr_array_set_size (self->edge_starts, 0);
  g_ptr_array_set_size (self->edge_ends, 0);
}

static gboolean
retag (gpointer data)
{
  PlenaryAnnotations *self = data;
  GListModel *store = get_store (self);
  GtkTextIter start, end;
  guint n = g_list_model_get_n_items (store);

  self->retag_source = 0;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->comment_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->citation_tag, &start, &end);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenaryAnnotation) annotation = g_list_model_get_item (store, i);
      PlenaryAnnotationKind kind = plenary_annotation_get_kind (annotation);

      if (plenary_annotation_get_resolved (annotation) ||
          !plenary_annotations_get_range (self, annotation, &start, &end))
        continue;

      gtk_text_buffer_apply_tag (self->buffer,
                                 kind == PLENARY_ANNOTATION_CITATION ? self->citation_tag : self->comment_tag,
                                 &start, &end);
    }

  return G_SOURCE_REMOVE;
}

static void
queue_retag (PlenaryAnnotations *self)
{
  if (self->retag_source == 0)
    self->retag_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, retag, self, NULL);
}

/* Places the marks of every annotation on the draft, as stored. */
static void
place_all (PlenaryAnnotations *self)
{
  g_autofree char *text = dup_buffer_text (self);
  g_autoptr(GArray) placements = NULL;

  g_hash_table_remove_all (self->marks);
  placements = plenary_anchor_resolver_resolve_draft (get_draft (self), text);

  for (guint i = 0; i < placements->len; i++)
    {
      PlenaryAnchorPlacement *placement = &g_array_index (placements, PlenaryAnchorPlacement, i);

      if (is_on_draft (placement->annotation) && placement->start >= 0)
        add_marks (self, placement->annotation, placement->start, placement->end);
    }

  queue_retag (self);
}

static void
on_draft_replaced (PlenaryAnnotations *self)
{
  place_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/* Writes where the words are now into the draft. Words that are gone make
 * an orphan that keeps its last anchor; they come back if the deletion is
 * undone, the marks being still there. */
/* Where the marks of ANNOTATION are, even when they meet. */
static gboolean
get_marks_range (PlenaryAnnotations *self,
                 PlenaryAnnotation  *annotation,
                 GtkTextIter        *start,
                 GtkTextIter        *end)
{
  Marks *marks;

  if ((marks = g_hash_table_lookup (self->marks, annotation)) == NULL)
    return FALSE;

  gtk_text_buffer_get_iter_at_mark (self->buffer, start, marks->start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, end, marks->end);
  return TRUE;
}

/* A citation that quotes no words of the draft (its marker follows a
 * word) has a place between two characters: empty, it is not lost. */
static gboolean
is_point_anchor (PlenaryAnnotation *annotation)
{
  PlenaryAnchor *anchor = plenary_annotation_get_anchor (annotation);

  return anchor != NULL && (anchor->exact == NULL || anchor->exact[0] == '\0');
}

static void
on_sync (PlenaryAnnotations *self)
{
  GListModel *store = get_store (self);
  g_autofree char *text = dup_buffer_text (self);
  guint n = g_list_model_get_n_items (store);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenaryAnnotation) annotation = g_list_model_get_item (store, i);
      g_autoptr(PlenaryAnchor) anchor = NULL;
      GtkTextIter start, end;

      if (!get_marks_range (self, annotation, &start, &end))
        continue;
      if (gtk_text_iter_equal (&start, &end) && !is_point_anchor (annotation))
        {
          plenary_annotation_set_orphan (annotation, TRUE);
          continue;
        }

      anchor = plenary_anchor_resolver_describe (PLENARY_ANCHOR_TARGET_DRAFT, text,
                                                 gtk_text_iter_get_offset (&start),
                                                 gtk_text_iter_get_offset (&end));
      if (!plenary_anchor_equal (anchor, plenary_annotation_get_anchor (annotation)))
        plenary_annotation_set_anchor (annotation, anchor);
      plenary_annotation_set_orphan (annotation, FALSE);
    }
}

/* QUOTE without the quotation marks around it, when a passage quoted
 * already has them (« … », “ … ”, "…"): they are put back in the drafting
 * language's style, never twice. */
static char *
strip_quotation_marks (const char *quote)
{
  static const char * const pairs[][2] = { { "«", "»" }, { "“", "”" }, { "„", "“" }, { "\"", "\"" } };
  g_autofree char *copy = g_strstrip (g_strdup (quote));

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      gsize open = strlen (pairs[i][0]), close = strlen (pairs[i][1]);
      gsize len = strlen (copy);

      if (len > open + close && g_str_has_prefix (copy, pairs[i][0]) && g_str_has_suffix (copy, pairs[i][1]))
        {
          g_autofree char *inner = g_strndup (copy + open, len - open - close);
          char *start = inner;
          char *end = inner + strlen (inner);

          /* The no-break spaces inside French guillemets. */
          while (g_unichar_isspace (g_utf8_get_char (start)) && *start != '\0')
            start = g_utf8_next_char (start);
          while (end > start && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
            end = g_utf8_prev_char (end);
          return g_strndup (start, end - start);
        }
    }

  return g_steal_pointer (&copy);
}

static char *
format_quote (PlenaryAnnotations *self,
              const char         *passage)
{
  const char *language = plenary_draft_get_language (get_draft (self));
  g_autofree char *quote = strip_quotation_marks (passage);

  if (g_str_has_prefix (language, "fr"))
    return g_strdup_printf ("«\u00a0%s\u00a0»", quote);
  return g_strdup_printf ("“%s”", quote);
}

static void
plenary_annotations_constructed (GObject *object)
{
  PlenaryAnnotations *self = PLENARY_ANNOTATIONS (object);
  /* Translucent colours read on light and dark backgrounds alike. */
  GdkRGBA comment_background = { 0.96f, 0.76f, 0.07f, 0.35f };
  GdkRGBA citation_background = { 0.21f, 0.52f, 0.89f, 0.15f };
  GdkRGBA citation_underline = { 0.21f, 0.52f, 0.89f, 1.0f };

  G_OBJECT_CLASS (plenary_annotations_parent_class)->constructed (object);

  self->buffer = GTK_TEXT_BUFFER (g_object_ref (plenary_document_get_buffer (self->document)));
  self->comment_tag = plenary_text_buffer_ensure_tag (self->buffer, PLENARY_ANNOTATIONS_TAG_COMMENT,
                                  "background-rgba", &comment_background, NULL);
  self->citation_tag = plenary_text_buffer_ensure_tag (self->buffer, PLENARY_ANNOTATIONS_TAG_CITATION,
                                   "background-rgba", &citation_background,
                                   "underline", PANGO_UNDERLINE_SINGLE,
                                   "underline-rgba", &citation_underline, NULL);

  g_signal_connect_object (self->document, "sync", G_CALLBACK (on_sync), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::draft", G_CALLBACK (on_draft_replaced), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "changed", G_CALLBACK (queue_retag), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "insert-text", G_CALLBACK (on_insert_text_before), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "insert-text", G_CALLBACK (on_insert_text_after), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  place_all (self);
}

static void
plenary_annotations_dispose (GObject *object)
{
  PlenaryAnnotations *self = PLENARY_ANNOTATIONS (object);

  g_clear_handle_id (&self->retag_source, g_source_remove);

  g_clear_pointer (&self->marks, g_hash_table_unref);
  g_clear_pointer (&self->edge_starts, g_ptr_array_unref);
  g_clear_pointer (&self->edge_ends, g_ptr_array_unref);
  g_clear_object (&self->buffer);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (plenary_annotations_parent_class)->dispose (object);
}

static void
plenary_annotations_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PlenaryAnnotations *self = PLENARY_ANNOTATIONS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_MODEL:
      g_value_set_object (value, plenary_annotations_get_model (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_annotations_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PlenaryAnnotations *self = PLENARY_ANNOTATIONS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_annotations_class_init (PlenaryAnnotationsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = plenary_annotations_constructed;
  object_class->dispose = plenary_annotations_dispose;
  object_class->get_property = plenary_annotations_get_property;
  object_class->set_property = plenary_annotations_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PLENARY_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_SOURCE] =
    g_signal_new ("open-source", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, PLENARY_TYPE_SOURCE, G_TYPE_INT64, G_TYPE_INT64);
  signals[REVEAL] =
    g_signal_new ("reveal", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PLENARY_TYPE_ANNOTATION);
}

static void
plenary_annotations_init (PlenaryAnnotations *self)
{
  self->marks = g_hash_table_new_full (NULL, NULL, g_object_unref, marks_free);
  self->edge_starts = g_ptr_array_new ();
  self->edge_ends = g_ptr_array_new ();
}

PlenaryAnnotations *
plenary_annotations_new (PlenaryDocument *document)
{
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (document), NULL);

  return g_object_new (PLENARY_TYPE_ANNOTATIONS, "document", document, NULL);
}

PlenaryDocument *
plenary_annotations_get_document (PlenaryAnnotations *self)
{
  g_return_val_if_fail (PLENARY_IS_ANNOTATIONS (self), NULL);
  return self->document;
}

GListModel *
plenary_annotations_get_model (PlenaryAnnotations *self)
{
  g_return_val_if_fail (PLENARY_IS_ANNOTATIONS (self), NULL);
  return get_store (self);
}

char *
plenary_annotations_dup_author_name (void)
{
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (schemas != NULL && (schema = g_settings_schema_source_lookup (schemas, APP_ID, TRUE)) != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *name = g_settings_get_string (settings, "author-name");

      g_strstrip (name);
      if (name[0] != '\0')
        return g_steal_pointer (&name);
    }

  /* The account's full name, but never its login name ("root"): the window
   * asks for a name before the first comment. */
  if (g_strcmp0 (g_get_real_name (), g_get_user_name ()) != 0 &&
      g_strcmp0 (g_get_real_name (), "Unknown") != 0)
    return g_strdup (g_get_real_name ());
  return g_strdup ("");
}

/* Tells the document and the list that ANNOTATION changed. */
static void
touch (PlenaryAnnotations *self,
       PlenaryAnnotation  *annotation)
{
  GListModel *store = get_store (self);
  g_autofree char *now = now_iso8601 ();
  guint position;

  plenary_annotation_set_modified (annotation, now);
  if (g_list_store_find (G_LIST_STORE (store), annotation, &position))
    g_list_model_items_changed (store, position, 1, 1);
  queue_retag (self);
}

static PlenaryAnnotation *
new_annotation (PlenaryAnnotations    *self,
                PlenaryAnnotationKind  kind,
                PlenaryAnchor         *anchor)
{
  g_autofree char *id = plenary_draft_new_id (get_draft (self), "note-");
  g_autofree char *author = plenary_annotations_dup_author_name ();
  g_autofree char *now = now_iso8601 ();
  PlenaryAnnotation *annotation = plenary_annotation_new (id, kind, anchor);

  plenary_annotation_set_author (annotation, author);
  plenary_annotation_set_created (annotation, now);
  plenary_annotation_set_modified (annotation, now);

  return annotation;
}

/* Adds ANNOTATION on [START, END) of the buffer. */
static PlenaryAnnotation *
add_on_draft (PlenaryAnnotations *self,
              PlenaryAnnotation  *annotation,
              int                 start,
              int                 end)
{
  add_marks (self, annotation, start, end);
  g_list_store_append (plenary_draft_get_annotations (get_draft (self)), annotation);
  queue_retag (self);

  return annotation;
}

static PlenaryAnchor *
describe_range (PlenaryAnnotations *self,
                int                 start,
                int                 end)
{
  g_autofree char *text = dup_buffer_text (self);

  return plenary_anchor_resolver_describe (PLENARY_ANCHOR_TARGET_DRAFT, text, start, end);
}

PlenaryAnnotation *
plenary_annotations_add_comment (PlenaryAnnotations  *self,
                                 const char          *text,
                                 GError             **error)
{
  g_autoptr(PlenaryAnnotation) annotation = NULL;
  g_autoptr(PlenaryAnchor) anchor = NULL;
  GtkTextIter start, end;

  g_return_val_if_fail (PLENARY_IS_ANNOTATIONS (self), NULL);

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Select the words to comment on first"));
      return NULL;
    }

  anchor = describe_range (self, gtk_text_iter_get_offset (&start), gtk_text_iter_get_offset (&end));
  annotation = new_annotation (self, PLENARY_ANNOTATION_COMMENT, anchor);
  plenary_annotation_set_note (annotation, text != NULL ? text : "");

  return add_on_draft (self, annotation, gtk_text_iter_get_offset (&start), gtk_text_iter_get_offset (&end));
}

void
plenary_annotations_add_reply (PlenaryAnnotations *self,
                               PlenaryAnnotation  *annotation,
                               const char         *text)
{
  g_autofree char *author = plenary_annotations_dup_author_name ();
  g_autofree char *now = now_iso8601 ();
  g_autoptr(PlenaryReply) reply = NULL;

  g_return_if_fail (PLENARY_IS_ANNOTATIONS (self));
  g_return_if_fail (PLENARY_IS_ANNOTATION (annotation));
  g_return_if_fail (text != NULL);

  reply = plenary_reply_new (author, now, text);
  plenary_annotation_add_reply (annotation, reply);
  touch (self, annotation);
}

void
plenary_annotations_set_note (PlenaryAnnotations *self,
                              PlenaryAnnotation  *annotation,
                              const char         *note)
{
  g_return_if_fail (PLENARY_IS_ANNOTATIONS (self));
  g_return_if_fail (PLENARY_IS_ANNOTATION (annotation));

  plenary_annotation_set_note (annotation, note);
  touch (self, annotation);
}

void
plenary_annotations_set_resolved (PlenaryAnnotations *self,
                                  PlenaryAnnotation  *annotation,
                                  gboolean            resolved)
{
  g_return_if_fail (PLENARY_IS_ANNOTATIONS (self));
  g_return_if_fail (PLENARY_IS_ANNOTATION (annotation));

  plenary_annotation_set_resolved (annotation, resolved);
  touch (self, annotation);
}

guint
plenary_annotations_remove (PlenaryAnnotations *self,
                            PlenaryAnnotation  *annotation)
{
  GListStore *store;
  guint position = 0;

  g_return_val_if_fail (PLENARY_IS_ANNOTATIONS (self), 0);
  g_return_val_if_fail (PLENARY_IS_ANNOTATION (annotation), 0);

  store = plenary_draft_get_annotations (get_draft (self));
  if (g_list_store_find (store, annotation, &position))
    g_list_store_remove (store, position);
  queue_retag (self);

  return position;
}

void
plenary_annotations_restore (PlenaryAnnotations *self,
                             PlenaryAnnotation  *annotation,
                             guint               position)
{
  GListStore *store;

  g_return_if_fail (PLENARY_IS_ANNOTATIONS (self));
  g_return_if_fail (PLENARY_IS_ANNOTATION (annotation));

  store = plenary_draft_get_annotations (get_draft (self));
  if (g_list_store_find (store, annotation, NULL))
    return;

  g_list_store_insert (store, MIN (position, g_list_model_get_n_items (G_LIST_MODEL (store))), annotation);
  queue_retag (self);
}

PlenaryAnnotation *
plenary_annotations_add_highlight (PlenaryAnnotations *self,
                                   PlenarySource      *source,
                                   gint64              start,
                                   gint64              end,
                                   const char         *category,
                                   const char         *note)
{
  g_autoptr(PlenaryAnnotation) annotation = NULL;
  g_autoptr(PlenaryAnchor) anchor = NULL;

  g_return_val_if_fail (PLENARY_IS_ANNOTATIONS (self), NULL);
  g_return_val_if_fail (PLENARY_IS_SOURCE (source), NULL);

  anchor = plenary_anchor_resolver_describe (plenary_source_get_id (source),
                                             plenary_source_get_text (source), start, end);
  annotation = new_annotation (self, PLENARY_ANNOTATION_HIGHLIGHT, anchor);
  plenary_annotation_set_category (annotation, category != NULL ? category : categories[0]);
  plenary_annotation_set_note (annotation, note != NULL ? note : "");
  g_list_store_append (plenary_draft_get_annotations (get_draft (self)), annotation);

  return annotation;
}

/* The editor text holds one paragraph per line: a quote stays on one. */
static char *
flatten_quote (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  /* By character: splitting the bytes on those of U+00A0 would cut «, » and
   * every other character whose UTF-8 shares a byte with it. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The word ending at or touching ITER, or else the one before it. */
static gboolean
find_word_before (GtkTextIter *iter,
                  GtkTextIter *start,
                  GtkTextIter *end)
{
  *start = *end = *iter;

  if (gtk_text_iter_ends_word (iter))
    return gtk_text_iter_backward_word_start (start);

  if (gtk_text_iter_inside_word (iter) && !gtk_text_iter_starts_word (iter))
    return gtk_text_iter_backward_word_start (start) && gtk_text_iter_forward_word_end (end);

  if (!gtk_text_iter_backward_word_start (start))
    return FALSE;
  *end = *start;
  return gtk_text_iter_forward_word_end (end);
}

PlenaryAnnotation *
plenary_annotations_cite (PlenaryAnnotations  *self,
                          PlenarySource       *source,
                          gint64               start,
                          gint64               end,
                          gboolean             show_quote,
                          GError             **error)
{
  g_autoptr(PlenaryAnnotation) annotation = NULL;
  g_autoptr(PlenaryAnchor) source_anchor = NULL;
  g_autoptr(PlenaryAnchor) anchor = NULL;
  GtkTextIter cursor, word_start, word_end;
  int anchor_start, anchor_end;

  g_return_val_if_fail (PLENARY_IS_ANNOTATIONS (self), NULL);
  g_return_val_if_fail (PLENARY_IS_SOURCE (source), NULL);

  source_anchor = plenary_anchor_resolver_describe (plenary_source_get_id (source),
                                                    plenary_source_get_text (source), start, end);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));

  if (show_quote)
    {
      /* A quotation is words, never the markup of its source. */
      g_autofree char *plain = plenary_source_importer_plain_passage (source, source_anchor->exact);
      g_autofree char *flat = flatten_quote (plain);
      g_autofree char *quoted = NULL;
      GtkTextIter before;

      if (flat[0] == '\0')
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Select the passage of the source to quote first"));
          return NULL;
        }

      quoted = format_quote (self, flat);

      gtk_text_buffer_begin_user_action (self->buffer);
      /* The quotation is a word of the sentence: a space before « or “
       * unless a line, a space or a bracket precedes it, and one after it
       * when a word follows. */
      before = cursor;
      if (!gtk_text_iter_starts_line (&cursor) && gtk_text_iter_backward_char (&before))
        {
          gunichar c = gtk_text_iter_get_char (&before);

          if (!g_unichar_isspace (c) && c != '(' && c != '[')
            gtk_text_buffer_insert (self->buffer, &cursor, " ", 1);
        }
      anchor_start = gtk_text_iter_get_offset (&cursor);
      anchor_end = anchor_start + (int) g_utf8_strlen (quoted, -1);
      gtk_text_buffer_insert (self->buffer, &cursor, quoted, -1);
      if (g_unichar_isalnum (gtk_text_iter_get_char (&cursor)))
        gtk_text_buffer_insert (self->buffer, &cursor, " ", 1);
      gtk_text_buffer_end_user_action (self->buffer);
    }
  else
    {
      if (!find_word_before (&cursor, &word_start, &word_end))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Place the cursor after the words the citation supports"));
          return NULL;
        }
      anchor_start = gtk_text_iter_get_offset (&word_start);
      anchor_end = gtk_text_iter_get_offset (&word_end);
    }

  anchor = describe_range (self, anchor_start, anchor_end);
  annotation = new_annotation (self, PLENARY_ANNOTATION_CITATION, anchor);
  plenary_annotation_set_source_anchor (annotation, source_anchor);
  plenary_annotation_set_show_quote (annotation, show_quote);

  return add_on_draft (self, annotation, anchor_start, anchor_end);
}

static void
open_passage (PlenaryAnnotations *self,
              PlenaryAnchor      *anchor)
{
  PlenarySource *source;
  gint64 start = -1, end = -1;

  if (anchor == NULL || (source = plenary_draft_find_source (get_draft (self), anchor->target)) == NULL)
    return;

  plenary_anchor_resolver_resolve (anchor, plenary_source_get_text (source), &start, &end, NULL);
  g_signal_emit (self, signals[OPEN_SOURCE], 0, source, start, end);
}

void
plenary_annotations_activate_citation (PlenaryAnnotations *self,
                                       PlenaryAnnotation  *annotation)
{
  g_return_if_fail (PLENARY_IS_ANNOTATIONS (self));
  g_return_if_fail (PLENARY_IS_ANNOTATION (annotation));

  if (plenary_annotation_get_kind (annotation) == PLENARY_ANNOTATION_CITATION)
    open_passage (self, plenary_annotation_get_source_anchor (annotation));
  else if (!is_on_draft (annotation))
    open_passage (self, plenary_annotation_get_anchor (annotation));
}

PlenaryAnnotation *
plenary_annotations_citation_at (PlenaryAnnotations *self,
                                 gint64              offset)
{
  GListModel *store;
  guint n;

  g_return_val_if_fail (PLENARY_IS_ANNOTATIONS (self), NULL);

  store = get_store (self);
  n = g_list_model_get_n_items (store);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenaryAnnotation) annotation = g_list_model_get_item (store, i);
      GtkTextIter start, end;

      if (plenary_annotation_get_kind (annotation) == PLENARY_ANNOTATION_CITATION &&
          plenary_annotations_get_range (self, annotation, &start, &end) &&
          gtk_text_iter_get_offset (&start) <= offset && offset < gtk_text_iter_get_offset (&end))
        return annotation;
    }

  return NULL;
}

char *
plenary_annotations_dup_citation_description (PlenaryAnnotations *self,
                                              PlenaryAnnotation  *citation)
{
  PlenaryAnchor *source_anchor;
  PlenarySource *source = NULL;
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (PLENARY_IS_ANNOTATIONS (self), NULL);
  g_return_val_if_fail (PLENARY_IS_ANNOTATION (citation), NULL);

  source_anchor = plenary_annotation_get_source_anchor (citation);
  if (source_anchor != NULL)
    source = plenary_draft_find_source (get_draft (self), source_anchor->target);

  if (source != NULL)
    g_string_append (text, plenary_source_get_title (source));
  else
    g_string_append (text, _("Source removed from the draft"));

  if (source_anchor != NULL && source_anchor->exact[0] != '\0')
    {
      g_autofree char *quote = format_quote (self, source_anchor->exact);

      g_string_append_c (text, '\n');
      g_string_append (text, quote);
    }

  return g_string_free (text, FALSE);
}

gboolean
plenary_annotations_get_range (PlenaryAnnotations *self,
                               PlenaryAnnotation  *annotation,
                               GtkTextIter        *start,
                               GtkTextIter        *end)
{
  g_return_val_if_fail (PLENARY_IS_ANNOTATIONS (self), FALSE);

  return get_marks_range (self, annotation, start, end) && gtk_text_iter_compare (start, end) < 0;
}

gboolean
plenary_annotations_jump_to (PlenaryAnnotations *self,
                             PlenaryAnnotation  *annotation)
{
  GtkTextIter start, end;

  g_return_val_if_fail (PLENARY_IS_ANNOTATIONS (self), FALSE);

  if (!plenary_annotations_get_range (self, annotation, &start, &end))
    return FALSE;

  gtk_text_buffer_select_range (self->buffer, &start, &end);
  g_signal_emit (self, signals[REVEAL], 0, annotation);

  return TRUE;
}

const char * const *
plenary_annotations_list_categories (void)
{
  return categories;
}

static const char *
default_category_name (const char *category)
{
  if (g_strcmp0 (category, "yellow") == 0)
    return _("Key point");
  if (g_strcmp0 (category, "green") == 0)
    return _("Supports our position");
  if (g_strcmp0 (category, "blue") == 0)
    return _("Facts and figures");
  if (g_strcmp0 (category, "red") == 0)
    return _("Opposing view");
  return category;
}

char *
plenary_annotations_dup_category_name (PlenaryAnnotations *self,
                                       const char         *category)
{
  JsonObject *extra;

  g_return_val_if_fail (PLENARY_IS_ANNOTATIONS (self), NULL);
  g_return_val_if_fail (category != NULL, NULL);

  extra = plenary_draft_get_extra (get_draft (self));
  if (extra != NULL && json_object_has_member (extra, CATEGORIES_MEMBER))
    {
      JsonNode *node = json_object_get_member (extra, CATEGORIES_MEMBER);

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          const char *name = json_object_get_string_member_with_default (json_node_get_object (node),
                                                                         category, NULL);
          if (name != NULL && name[0] != '\0')
            return g_strdup (name);
        }
    }

  return g_strdup (default_category_name (category));
}

void
plenary_annotations_set_category_name (PlenaryAnnotations *self,
                                       const char         *category,
                                       const char         *name)
{
  PlenaryDraft *draft;
  JsonObject *extra;
  JsonObject *names = NULL;

  g_return_if_fail (PLENARY_IS_ANNOTATIONS (self));
  g_return_if_fail (category != NULL);

  draft = get_draft (self);
  extra = plenary_draft_get_extra (draft);
  if (extra == NULL)
    {
      g_autoptr(JsonObject) fresh = json_object_new ();

      plenary_draft_set_extra (draft, fresh);
      extra = plenary_draft_get_extra (draft);
    }

  if (json_object_has_member (extra, CATEGORIES_MEMBER) &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (extra, CATEGORIES_MEMBER)))
    names = json_object_get_object_member (extra, CATEGORIES_MEMBER);
  else
    {
      names = json_object_new ();
      json_object_set_object_member (extra, CATEGORIES_MEMBER, names);
    }

  if (name == NULL || name[0] == '\0')
    json_object_remove_member (names, category);
  else
    json_object_set_string_member (names, category, name);

  plenary_document_set_modified (self->document, TRUE);
  /* Rows show the names: let them rebind. */
  {
    GListModel *store = get_store (self);
    guint n = g_list_model_get_n_items (store);

    if (n > 0)
      g_list_model_items_changed (store, 0, n, n);
  }
}
