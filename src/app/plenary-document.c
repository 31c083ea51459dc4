/* plenary-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-document"

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-clause-parser.h"
#include "plenary-clause-printer.h"
#include "plenary-app-enums.h"
#include "plenary-document.h"
#include "plenary-proposals.h"
#include "plenary-draft-codec.h"
#include "plenary-draft-file.h"
#include "plenary-importer.h"
#include "plenary-office-importer.h"
#include "plenary-phrase-dictionary.h"
#include "plenary-proposal-marks.h"

struct _PlenaryDocument
{
  GObject          parent_instance;

  PlenaryDraft    *draft;
  GtkSourceBuffer *buffer;
  PlenaryLineIndex *line_index;
  /* The proposals shown in the buffer. */
  PlenaryProposalMarks *marks;
  GFile           *file;
  char            *title;

  /* Bumped on every change, so that a save that finishes after more typing
   * does not mark those later changes as saved. */
  guint64          change_count;
  guint            busy : 1;
  /* A draft is being shown: its formula and its body are as saved. */
  guint            taking_draft : 1;

  /* The file as we last read or wrote it, to tell our writes from others'. */
  GFileMonitor    *monitor;
  char            *etag;
  PlenaryDiskState disk_state;
  /* Why the file could not be read, until it is read. */
  GError          *error;

  /* Of the load under way, for its Cancel. */
  GCancellable    *loading;
  /* What the import of a text changed, until the page says it. */
  GStrv            import_warnings;
  GPtrArray       *import_report;   /* PlenaryCheckProblem*, or NULL */

  gboolean         suggesting;
  char            *delegation;
  /* The draft's proposals are brought up to date with the marks. */
  guint            proposals_source;
};

G_DEFINE_QUARK (plenary-document-error-quark, plenary_document_error)

G_DEFINE_FINAL_TYPE (PlenaryDocument, plenary_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DRAFT,
  PROP_BUFFER,
  PROP_FILE,
  PROP_TITLE,
  PROP_MODIFIED,
  PROP_BUSY,
  PROP_DISK_STATE,
  PROP_ERROR,
  PROP_SUGGESTING,
  PROP_DELEGATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SYNC,
  LINES_MARKED,
  PROPOSAL_REFUSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void queue_proposals_sync (PlenaryDocument *self);

static char *
title_for_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (basename);
  char *dot;

  if (g_str_has_suffix (display, PLENARY_DRAFT_SUFFIX))
    display[strlen (display) - strlen (PLENARY_DRAFT_SUFFIX)] = '\0';
  else if ((dot = strrchr (display, '.')) && dot != display)
    *dot = '\0';

  return g_steal_pointer (&display);
}

static void
plenary_document_set_title (PlenaryDocument *self,
                            const char      *title)
{
  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
plenary_document_set_disk_state (PlenaryDocument  *self,
                                 PlenaryDiskState  state)
{
  if (self->disk_state != state)
    {
      self->disk_state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISK_STATE]);
    }
}

static void
mark_modified (PlenaryDocument *self)
{
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->buffer), TRUE);
}

static void
plenary_document_set_error (PlenaryDocument *self,
                            const GError    *error)
{
  if (self->error == NULL && error == NULL)
    return;

  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static char *
query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

static void
remember_etag (PlenaryDocument *self,
               char            *etag)
{
  g_free (self->etag);
  self->etag = etag;
  plenary_document_set_disk_state (self, PLENARY_DISK_STATE_SAME);
}

static void
on_file_changed (PlenaryDocument   *self,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event)
{
  g_autofree char *etag = NULL;

  if (self->busy || self->file == NULL)
    return;

  switch ((int) event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_RENAMED:
      break;
    default:
      return;
    }

  /* Our own atomic save shows up as events too: the etag tells. */
  if (!(etag = query_etag (self->file)))
    {
      /* Nothing on disk holds the text any more: it is unsaved work. */
      plenary_document_set_disk_state (self, PLENARY_DISK_STATE_DELETED);
      mark_modified (self);
    }
  else if (g_strcmp0 (etag, self->etag) != 0)
    plenary_document_set_disk_state (self, PLENARY_DISK_STATE_CHANGED);
  else
    plenary_document_set_disk_state (self, PLENARY_DISK_STATE_SAME);
}

static void
monitor_file (PlenaryDocument *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  if (self->file == NULL)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    {
      g_file_monitor_set_rate_limit (self->monitor, 500);
      g_signal_connect_swapped (self->monitor, "changed", G_CALLBACK (on_file_changed), self);
    }
}

static void
plenary_document_set_file (PlenaryDocument *self,
                           GFile           *file)
{
  if (g_set_object (&self->file, file))
    {
      monitor_file (self);
      if (file != NULL)
        {
          g_autofree char *title = title_for_file (file);
          plenary_document_set_title (self, title);
        }
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
}

static void
plenary_document_set_busy (PlenaryDocument *self,
                           gboolean         busy)
{
  busy = !!busy;
  if (self->busy != busy)
    {
      self->busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

static void
on_model_changed (PlenaryDocument *self)
{
  self->change_count++;
  mark_modified (self);
}

static void
on_buffer_changed (PlenaryDocument *self)
{
  self->change_count++;
}

static void
on_modified_changed (PlenaryDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
disconnect_draft (PlenaryDocument *self)
{
  if (self->draft == NULL)
    return;

  g_signal_handlers_disconnect_by_data (plenary_draft_get_metadata (self->draft), self);
  g_signal_handlers_disconnect_by_data (plenary_draft_get_sources (self->draft), self);
  g_signal_handlers_disconnect_by_data (plenary_draft_get_annotations (self->draft), self);
  g_signal_handlers_disconnect_by_data (plenary_draft_get_revisions (self->draft), self);
  g_signal_handlers_disconnect_by_data (self->draft, self);
}

/* The lines are classified as lines of the draft's kind and language. */
static void
update_line_index (PlenaryDocument *self)
{
  PlenaryDraftKind kind = plenary_draft_get_kind (self->draft);
  const char *language = plenary_draft_get_language (self->draft);

  if (kind != plenary_line_index_get_kind (self->line_index) ||
      g_strcmp0 (language, plenary_line_index_get_language (self->line_index)) != 0)
    plenary_line_index_set_kind (self->line_index, kind, language);
}

/* The opening formula and the body in the header name the same body:
 * typing "Le Conseil de sécurité," sets the body, and choosing a body in
 * the header rewrites a formula that names another one. */

static int
find_opening_line (PlenaryDocument *self)
{
  guint n = plenary_line_index_get_n_lines (self->line_index);

  for (guint i = 0; i < n; i++)
    {
      const PlenaryLineInfo *info = plenary_line_index_get_info (self->line_index, i);

      if (info->is_opening)
        return i;
      if (!info->is_blank)
        break;
    }

  return -1;
}

static char *
dup_line_text (PlenaryDocument *self,
               guint            line,
               GtkTextIter     *start,
               GtkTextIter     *end)
{
  gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (self->buffer), start, line);
  *end = *start;
  if (!gtk_text_iter_ends_line (end))
    gtk_text_iter_forward_to_line_end (end);

  return gtk_text_iter_get_slice (start, end);
}

static void
on_lines_changed (PlenaryDocument *self,
                  guint            first,
                  guint            last)
{
  PlenaryPhraseDictionary *dictionary = plenary_line_index_get_dictionary (self->line_index);
  PlenaryMetadata *metadata;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  const char *body;
  int line;

  if (self->taking_draft || self->draft == NULL ||
      plenary_draft_get_kind (self->draft) != PLENARY_DRAFT_KIND_RESOLUTION)
    return;

  line = find_opening_line (self);
  if (line < 0 || (guint) line < first || (guint) line > last)
    return;

  text = dup_line_text (self, line, &start, &end);
  body = plenary_phrase_dictionary_body_for_opening (dictionary, g_strstrip (text));
  metadata = plenary_draft_get_metadata (self->draft);
  if (body != NULL && g_strcmp0 (body, plenary_metadata_get_string (metadata, "body")) != 0)
    plenary_metadata_set_string (metadata, "body", body);
}

static void
on_body_changed (PlenaryDocument *self)
{
  PlenaryPhraseDictionary *dictionary = plenary_line_index_get_dictionary (self->line_index);
  const char *body = plenary_metadata_get_string (plenary_draft_get_metadata (self->draft), "body");
  const char *opening = plenary_phrase_dictionary_get_opening (dictionary, body);
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  const char *named;
  int line;

  if (self->taking_draft || opening == NULL ||
      plenary_draft_get_kind (self->draft) != PLENARY_DRAFT_KIND_RESOLUTION ||
      (line = find_opening_line (self)) < 0)
    return;

  text = dup_line_text (self, line, &start, &end);
  named = plenary_phrase_dictionary_body_for_opening (dictionary, g_strstrip (text));
  if (named == NULL || g_strcmp0 (named, body) == 0)
    return;

  /* Past the indentation, which the view hides. */
  gtk_text_iter_set_line_index (&start, plenary_line_index_get_info (self->line_index, line)->content_start);
  gtk_text_buffer_begin_user_action (GTK_TEXT_BUFFER (self->buffer));
  gtk_text_buffer_delete (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (self->buffer), &start, opening, -1);
  gtk_text_buffer_end_user_action (GTK_TEXT_BUFFER (self->buffer));
}

static char *
print_body (PlenaryDraft *draft)
{
  return plenary_clause_printer_print (plenary_draft_get_body (draft),
                                       plenary_draft_get_kind (draft),
                                       plenary_draft_get_language (draft),
                                       PLENARY_PRINT_EDITOR);
}

/* The lines of a body in the buffer: one per paragraph, in document order
 * (children after their parent), blank lines and the opening formula aside.
 * Calls FUNC on each pair, as far as both go. */
typedef void (*LineParagraphFunc) (PlenaryDocument  *self,
                                   guint             line,
                                   PlenaryParagraph *paragraph,
                                   gpointer          data);

static void
collect_paragraphs (GPtrArray *paragraphs,
                    GPtrArray *into)
{
  for (guint i = 0; i < paragraphs->len; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (paragraphs, i);

      g_ptr_array_add (into, paragraph);
      collect_paragraphs (paragraph->children, into);
    }
}

static void
foreach_line_paragraph (PlenaryDocument   *self,
                        PlenaryBody       *body,
                        guint              first_line,
                        LineParagraphFunc  func,
                        gpointer           data)
{
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new ();
  guint n = plenary_line_index_get_n_lines (self->line_index);
  guint next = 0;

  collect_paragraphs (body->paragraphs, paragraphs);
  for (guint line = first_line; line < n && next < paragraphs->len; line++)
    {
      const PlenaryLineInfo *info = plenary_line_index_get_info (self->line_index, line);

      /* A proposed paragraph is not one of the body's. */
      if (info->is_blank || info->is_opening || plenary_proposal_marks_is_added_line (self->marks, line))
        continue;
      func (self, line, g_ptr_array_index (paragraphs, next++), data);
    }
}

static void
give_line_id (PlenaryDocument  *self,
              guint             line,
              PlenaryParagraph *paragraph,
              gpointer          data)
{
  plenary_line_index_set_id (self->line_index, line, paragraph->id);
}

/* The paragraphs parsed from the buffer take the ids of their lines; a line
 * whose id an earlier one has (which editing should never make) gets a new
 * one, so that the file never holds two. */
static void
take_line_id (PlenaryDocument  *self,
              guint             line,
              PlenaryParagraph *paragraph,
              gpointer          data)
{
  GHashTable *seen = data;
  const char *id = plenary_line_index_get_id (self->line_index, line);

  if (id != NULL && g_hash_table_contains (seen, id))
    {
      g_autofree char *fresh = plenary_draft_new_paragraph_id (self->draft);

      plenary_line_index_set_id (self->line_index, line, fresh);
      id = plenary_line_index_get_id (self->line_index, line);
    }

  g_free (paragraph->id);
  paragraph->id = g_strdup (id);
  if (id != NULL)
    g_hash_table_add (seen, g_strdup (id));
}

/* Shows DRAFT in the buffer, as a fresh, unmodified state with no undo history. */
static void
plenary_document_take_draft (PlenaryDocument *self,
                             PlenaryDraft    *draft)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  g_autofree char *text = NULL;

  disconnect_draft (self);
  g_set_object (&self->draft, draft);

  g_signal_connect_swapped (plenary_draft_get_metadata (draft), "notify",
                            G_CALLBACK (on_model_changed), self);
  g_signal_connect_swapped (plenary_draft_get_metadata (draft), "notify::body",
                            G_CALLBACK (on_body_changed), self);
  g_signal_connect_swapped (plenary_draft_get_sources (draft), "items-changed",
                            G_CALLBACK (on_model_changed), self);
  g_signal_connect_swapped (plenary_draft_get_annotations (draft), "items-changed",
                            G_CALLBACK (on_model_changed), self);
  g_signal_connect_swapped (draft, "notify::language",
                            G_CALLBACK (on_model_changed), self);
  g_signal_connect_swapped (draft, "notify::language",
                            G_CALLBACK (update_line_index), self);

  g_signal_connect_swapped (plenary_draft_get_revisions (draft), "items-changed",
                            G_CALLBACK (on_model_changed), self);
  /* A proposal's friendliness or vote set in the panel. */
  g_signal_connect_swapped (draft, "proposals-changed",
                            G_CALLBACK (on_model_changed), self);

  /* The lines take the paragraphs' ids (given first to those without). */
  plenary_draft_ensure_paragraph_ids (draft);
  plenary_line_index_set_draft (self->line_index, NULL);

  text = print_body (draft);
  self->taking_draft = TRUE;
  update_line_index (self);
  g_clear_handle_id (&self->proposals_source, g_source_remove);
  plenary_proposal_marks_clear (self->marks);
  plenary_proposal_marks_set_draft (self->marks, draft);

  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  self->taking_draft = FALSE;

  plenary_line_index_forget_deleted (self->line_index);
  foreach_line_paragraph (self, plenary_draft_get_body (draft), 0, give_line_id, NULL);
  /* Showing the proposals is part of loading: not an edit. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  plenary_proposal_marks_show (self->marks, plenary_draft_get_proposals (draft));
  gtk_text_buffer_end_irreversible_action (buffer);
  plenary_line_index_set_draft (self->line_index, draft);

  {
    GtkTextIter start;
    gtk_text_buffer_get_start_iter (buffer, &start);
    gtk_text_buffer_place_cursor (buffer, &start);
  }

  gtk_text_buffer_set_modified (buffer, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

static void
plenary_document_dispose (GObject *object)
{
  PlenaryDocument *self = PLENARY_DOCUMENT (object);

  disconnect_draft (self);
  g_clear_handle_id (&self->proposals_source, g_source_remove);
  g_clear_object (&self->draft);
  g_clear_object (&self->marks);
  g_clear_object (&self->line_index);
  g_clear_object (&self->buffer);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_object (&self->file);

  G_OBJECT_CLASS (plenary_document_parent_class)->dispose (object);
}

static void
plenary_document_finalize (GObject *object)
{
  PlenaryDocument *self = PLENARY_DOCUMENT (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->etag, g_free);
  g_clear_error (&self->error);
  g_clear_object (&self->loading);
  g_clear_pointer (&self->import_warnings, g_strfreev);
  g_clear_pointer (&self->import_report, g_ptr_array_unref);
  g_clear_pointer (&self->delegation, g_free);

  G_OBJECT_CLASS (plenary_document_parent_class)->finalize (object);
}

static void
plenary_document_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlenaryDocument *self = PLENARY_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    case PROP_BUFFER:
      g_value_set_object (value, self->buffer);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, plenary_document_get_modified (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_DISK_STATE:
      g_value_set_enum (value, self->disk_state);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_SUGGESTING:
      g_value_set_boolean (value, self->suggesting);
      break;
    case PROP_DELEGATION:
      g_value_set_string (value, self->delegation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_document_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlenaryDocument *self = PLENARY_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_SUGGESTING:
      plenary_document_set_suggesting (self, g_value_get_boolean (value));
      break;
    case PROP_DELEGATION:
      plenary_document_set_delegation (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_document_class_init (PlenaryDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plenary_document_dispose;
  object_class->finalize = plenary_document_finalize;
  object_class->get_property = plenary_document_get_property;
  object_class->set_property = plenary_document_set_property;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, PLENARY_TYPE_DRAFT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUFFER] =
    g_param_spec_object ("buffer", NULL, NULL, GTK_SOURCE_TYPE_BUFFER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_DISK_STATE] =
    g_param_spec_enum ("disk-state", NULL, NULL, PLENARY_TYPE_DISK_STATE, PLENARY_DISK_STATE_SAME,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /* Why the file could not be opened or reloaded; NULL once it was. */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /* Whether the user's edits are proposals of "delegation". */
  properties[PROP_SUGGESTING] =
    g_param_spec_boolean ("suggesting", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DELEGATION] =
    g_param_spec_string ("delegation", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted when the draft is brought up to date with the buffer (before a
   * save, an export or a recovery copy): whoever keeps state beside the
   * buffer, such as annotation anchors, writes it into the draft then. */
  signals[SYNC] =
    g_signal_new ("sync", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[PROPOSAL_REFUSED] =
    g_signal_new ("proposal-refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[LINES_MARKED] =
    g_signal_new ("lines-marked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
on_lines_marked (PlenaryDocument *self,
                 guint            first,
                 guint            last)
{
  g_signal_emit (self, signals[LINES_MARKED], 0, first, last);
}

static void
on_proposal_refused (PlenaryDocument *self,
                     const char      *delegation)
{
  g_signal_emit (self, signals[PROPOSAL_REFUSED], 0, delegation);
}

static void
plenary_document_init (PlenaryDocument *self)
{
  self->buffer = gtk_source_buffer_new (NULL);
  gtk_source_buffer_set_highlight_matching_brackets (self->buffer, FALSE);
  /* First: its handlers stop the edits that are only suggested before the
   * index and the others see them. */
  self->marks = plenary_proposal_marks_new (GTK_TEXT_BUFFER (self->buffer));
  g_signal_connect_object (self->marks, "changed",
                           G_CALLBACK (queue_proposals_sync), self, G_CONNECT_SWAPPED);
  self->line_index = plenary_line_index_new (GTK_TEXT_BUFFER (self->buffer));
  plenary_proposal_marks_set_line_index (self->marks, self->line_index);
  g_signal_connect_object (self->marks, "lines-marked",
                           G_CALLBACK (on_lines_marked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->marks, "refused",
                           G_CALLBACK (on_proposal_refused), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->line_index, "lines-changed",
                           G_CALLBACK (on_lines_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "modified-changed",
                           G_CALLBACK (on_modified_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "changed",
                           G_CALLBACK (on_buffer_changed), self, G_CONNECT_SWAPPED);
  self->title = g_strdup (_("New Draft"));
}

PlenaryDocument *
plenary_document_new (PlenaryDraft *draft,
                      const char   *title)
{
  PlenaryDocument *self;

  g_return_val_if_fail (PLENARY_IS_DRAFT (draft), NULL);

  self = g_object_new (PLENARY_TYPE_DOCUMENT, NULL);
  if (title != NULL)
    plenary_document_set_title (self, title);
  plenary_document_take_draft (self, draft);

  return self;
}

PlenaryDocument *
plenary_document_new_for_file (GFile *file)
{
  PlenaryDocument *self;
  g_autoptr(PlenaryDraft) empty = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (PLENARY_TYPE_DOCUMENT, NULL);
  plenary_document_set_file (self, file);
  empty = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  plenary_document_take_draft (self, empty);

  return self;
}

PlenaryDocument *
plenary_document_new_restored (PlenaryDraft *draft,
                               GFile        *file,
                               const char   *etag,
                               const char   *title)
{
  PlenaryDocument *self;

  g_return_val_if_fail (PLENARY_IS_DRAFT (draft), NULL);

  self = plenary_document_new (draft, title);
  if (file != NULL)
    {
      g_autofree char *now = query_etag (file);

      plenary_document_set_file (self, file);
      /* The file as it was when the copy was made: a colleague's save
       * since then is not replaced without asking. An unknown state is
       * never taken for the same one. */
      remember_etag (self, g_strdup (etag != NULL ? etag : ""));
      if (now != NULL && g_strcmp0 (now, self->etag) != 0)
        plenary_document_set_disk_state (self, PLENARY_DISK_STATE_CHANGED);
    }
  if (title != NULL)
    plenary_document_set_title (self, title);
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->buffer), TRUE);

  return self;
}

void
plenary_document_restore_version (PlenaryDocument *self,
                                  PlenaryDraft    *draft)
{
  g_return_if_fail (PLENARY_IS_DOCUMENT (self));
  g_return_if_fail (PLENARY_IS_DRAFT (draft));

  /* The import report was about the text as loaded, not this one. */
  g_clear_pointer (&self->import_report, g_ptr_array_unref);
  plenary_document_take_draft (self, draft);
  mark_modified (self);
}

gboolean
plenary_document_get_loading (PlenaryDocument *self)
{
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (self), FALSE);
  return self->loading != NULL;
}

void
plenary_document_cancel_loading (PlenaryDocument *self)
{
  g_return_if_fail (PLENARY_IS_DOCUMENT (self));

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
}

const char *
plenary_document_get_etag (PlenaryDocument *self)
{
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (self), NULL);
  return self->etag;
}

PlenaryDraft *
plenary_document_get_draft (PlenaryDocument *self)
{
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (self), NULL);
  return self->draft;
}

GtkSourceBuffer *
plenary_document_get_buffer (PlenaryDocument *self)
{
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (self), NULL);
  return self->buffer;
}

PlenaryLineIndex *
plenary_document_get_line_index (PlenaryDocument *self)
{
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (self), NULL);
  return self->line_index;
}

GFile *
plenary_document_get_file (PlenaryDocument *self)
{
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (self), NULL);
  return self->file;
}

const char *
plenary_document_get_title (PlenaryDocument *self)
{
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (self), NULL);
  return self->title;
}

gboolean
plenary_document_get_modified (PlenaryDocument *self)
{
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (self), FALSE);
  return gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->buffer));
}

void
plenary_document_set_modified (PlenaryDocument *self,
                               gboolean         modified)
{
  g_return_if_fail (PLENARY_IS_DOCUMENT (self));
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->buffer), modified);
}

gboolean
plenary_document_get_busy (PlenaryDocument *self)
{
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (self), FALSE);
  return self->busy;
}

const GError *
plenary_document_get_error (PlenaryDocument *self)
{
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (self), NULL);
  return self->error;
}

PlenaryDiskState
plenary_document_get_disk_state (PlenaryDocument *self)
{
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (self), PLENARY_DISK_STATE_SAME);
  return self->disk_state;
}

void
plenary_document_keep_mine (PlenaryDocument *self)
{
  g_return_if_fail (PLENARY_IS_DOCUMENT (self));

  /* Forget the other version: saving will replace it without asking. */
  if (self->file != NULL)
    remember_etag (self, query_etag (self->file));
  else
    plenary_document_set_disk_state (self, PLENARY_DISK_STATE_SAME);
  mark_modified (self);
}

/* Whether the draft holds PROPOSALS already, in that order: nothing for
 * the panels to redo. */
static gboolean
same_proposals (GListModel *model,
                GPtrArray  *proposals)
{
  if (g_list_model_get_n_items (model) != proposals->len)
    return FALSE;

  for (guint i = 0; i < proposals->len; i++)
    {
      g_autoptr(PlenaryProposal) proposal = g_list_model_get_item (model, i);

      if (proposal != g_ptr_array_index (proposals, i))
        return FALSE;
    }

  return TRUE;
}

/* The draft's proposals are the marks' (the same objects when unchanged). */
static void
sync_proposals (PlenaryDocument *self)
{
  g_autoptr(GPtrArray) proposals = NULL;

  g_clear_handle_id (&self->proposals_source, g_source_remove);
  proposals = plenary_proposal_marks_collect (self->marks);
  if (same_proposals (plenary_draft_get_proposals (self->draft), proposals))
    return;

  /* Not an edit of its own: the buffer already is. */
  g_signal_handlers_block_by_func (self->draft, on_model_changed, self);
  plenary_draft_set_proposals (self->draft, proposals);
  g_signal_handlers_unblock_by_func (self->draft, on_model_changed, self);
}

static gboolean
sync_proposals_cb (gpointer data)
{
  PlenaryDocument *self = data;

  self->proposals_source = 0;
  sync_proposals (self);
  return G_SOURCE_REMOVE;
}

/* The proposals panel follows the marks, a little after the typing. */
static void
queue_proposals_sync (PlenaryDocument *self)
{
  if (self->proposals_source == 0 && self->draft != NULL)
    self->proposals_source = g_timeout_add (150, sync_proposals_cb, self);
}

/* The text is parsed afresh, but JSON members this version does not know
 * must survive: they go back on the paragraphs at the same place in the
 * tree, when the role there is still the same. */
static void
carry_extras (GPtrArray *from,
              GPtrArray *to)
{
  for (guint i = 0; i < from->len && i < to->len; i++)
    {
      PlenaryParagraph *old = g_ptr_array_index (from, i);
      PlenaryParagraph *new = g_ptr_array_index (to, i);

      if (old->role != new->role)
        continue;
      if (old->extra != NULL && new->extra == NULL)
        new->extra = json_object_ref (old->extra);
      carry_extras (old->children, new->children);
    }
}

void
plenary_document_sync_draft (PlenaryDocument *self)
{
  g_autofree char *text = NULL;
  g_autoptr(PlenaryBody) body = NULL;
  PlenaryPhraseDictionary *dictionary;

  g_return_if_fail (PLENARY_IS_DOCUMENT (self));

  /* The draft's text is the clean one: without the proposed words. */
  text = plenary_proposal_marks_dup_clean_text (self->marks);

  dictionary = plenary_phrase_dictionary_get_default (plenary_draft_get_language (self->draft));
  body = plenary_clause_parser_parse (dictionary, text, -1,
                                      plenary_draft_get_kind (self->draft), NULL);
  {
    PlenaryBody *old = plenary_draft_get_body (self->draft);

    if (old->extra != NULL && body->extra == NULL)
      body->extra = json_object_ref (old->extra);
    carry_extras (old->paragraphs, body->paragraphs);
  }
  {
    g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    foreach_line_paragraph (self, body, 0, take_line_id, seen);
  }

  /* Setting the body is not an edit of its own: the buffer already is. */
  g_signal_handlers_block_by_func (self->draft, on_model_changed, self);
  plenary_draft_set_body (self->draft, body);
  g_signal_handlers_unblock_by_func (self->draft, on_model_changed, self);
  sync_proposals (self);

  g_signal_emit (self, signals[SYNC], 0);
}

/* Puts TEXT, the editor text of BODY, in place of the buffer's, as one
 * edit, and shows in it SHOWN (PlenaryProposal*), else the proposals it
 * showed before. */
static void
replace_text (PlenaryDocument *self,
              const char      *text,
              PlenaryBody     *body,
              GListModel      *proposals_shown)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GListStore) shown = g_list_store_new (PLENARY_TYPE_PROPOSAL);
  GtkTextIter start, end;

  if (proposals_shown != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (proposals_shown); i++)
        {
          g_autoptr(PlenaryProposal) proposal = g_list_model_get_item (proposals_shown, i);

          g_list_store_append (shown, proposal);
        }
    }
  else
    {
      proposals = plenary_proposal_marks_collect (self->marks);
      g_list_store_splice (shown, 0, 0, proposals->pdata, proposals->len);
    }

  /* Undo brings the marks back with the text. */
  plenary_proposal_marks_save_state (self->marks);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  plenary_proposal_marks_clear_shown (self->marks);
  gtk_text_buffer_insert (buffer, &start, text, -1);
  foreach_line_paragraph (self, body, 0, give_line_id, NULL);
  plenary_proposal_marks_show (self->marks, G_LIST_MODEL (shown));
  gtk_text_buffer_end_user_action (buffer);
  sync_proposals (self);
}

/* Revisions --------------------------------------------------------------- */

PlenaryRevision *
plenary_document_save_revision (PlenaryDocument *self,
                                const char      *name,
                                const char      *author)
{
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  plenary_document_sync_draft (self);
  return plenary_draft_add_revision (self->draft, name, author);
}

void
plenary_document_restore_revision (PlenaryDocument *self,
                                   PlenaryRevision *revision,
                                   const char      *author)
{
  GtkTextBuffer *buffer;
  PlenaryMetadata *metadata;
  PlenaryMetadata *old;
  const char * const *fields;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start;

  g_return_if_fail (PLENARY_IS_DOCUMENT (self));
  g_return_if_fail (PLENARY_IS_REVISION (revision));

  /* Nothing of the current text is lost: it is a revision first. */
  /* Translators: the name of the revision kept automatically, %s is the
   * name of the revision restored. */
  name = g_strdup_printf (_("Before restoring “%s”"), plenary_revision_get_name (revision));
  plenary_document_save_revision (self, name, author);

  buffer = GTK_TEXT_BUFFER (self->buffer);
  text = plenary_clause_printer_print (plenary_revision_get_body (revision),
                                       plenary_draft_get_kind (self->draft),
                                       plenary_draft_get_language (self->draft),
                                       PLENARY_PRINT_EDITOR);

  /* The paragraphs are the revision's, with their ids. */
  replace_text (self, text, plenary_revision_get_body (revision), NULL);

  metadata = plenary_draft_get_metadata (self->draft);
  old = plenary_revision_get_metadata (revision);
  fields = plenary_metadata_list_string_fields ();
  for (guint i = 0; fields[i] != NULL; i++)
    plenary_metadata_set_string (metadata, fields[i], plenary_metadata_get_string (old, fields[i]));
  plenary_metadata_set_co_sponsors (metadata, plenary_metadata_get_co_sponsors (old));
  plenary_metadata_set_signatories (metadata, plenary_metadata_get_signatories (old));
  plenary_metadata_set_page_limit (metadata, plenary_metadata_get_page_limit (old));

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
}

void
plenary_document_replace_body (PlenaryDocument *self,
                               PlenaryBody     *body)
{
  g_autofree char *text = NULL;

  g_return_if_fail (PLENARY_IS_DOCUMENT (self));
  g_return_if_fail (body != NULL);

  text = plenary_clause_printer_print (body, plenary_draft_get_kind (self->draft),
                                       plenary_draft_get_language (self->draft), PLENARY_PRINT_EDITOR);
  replace_text (self, text, body, NULL);
}

guint
plenary_document_propose_copy (PlenaryDocument *self,
                               PlenaryBody     *copy,
                               const char      *delegation)
{
  g_autoptr(PlenaryBody) body = NULL;
  g_autofree char *text = NULL;
  guint added;

  g_return_val_if_fail (PLENARY_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (copy != NULL, 0);

  plenary_document_sync_draft (self);
  added = plenary_proposals_merge_copy (self->draft, copy, TRUE, delegation);
  if (added == 0)
    return 0;

  /* The text stays; the buffer shows every proposal again, the new ones
   * with them, as one edit that Undo takes back. */
  body = plenary_body_ref (plenary_draft_get_body (self->draft));
  text = plenary_clause_printer_print (body, plenary_draft_get_kind (self->draft),
                                       plenary_draft_get_language (self->draft), PLENARY_PRINT_EDITOR);
  replace_text (self, text, body, plenary_draft_get_proposals (self->draft));

  return added;
}

/* Loading ----------------------------------------------------------------- */

typedef struct
{
  PlenaryDraft *draft;
  char         *etag;
  gboolean      is_draft_file;
  GStrv         warnings;
  GPtrArray    *report;
} LoadResult;

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_object (&result->draft);
  g_free (result->etag);
  g_strfreev (result->warnings);
  g_clear_pointer (&result->report, g_ptr_array_unref);
  g_free (result);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *etag = NULL;
  gsize length = 0;
  LoadResult *result;

  if (!plenary_file_load_checked (file, PLENARY_MAX_FILE_SIZE, cancellable, &contents, &length, &etag, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  basename = g_file_get_basename (file);
  result = g_new0 (LoadResult, 1);
  result->etag = g_steal_pointer (&etag);

  if (plenary_importer_detect_format (contents, length, basename) == PLENARY_IMPORT_FORMAT_PLENARY_JSON)
    {
      result->draft = plenary_draft_codec_decode (contents, length, &error);
      result->is_draft_file = TRUE;
      /* What reading repaired (duplicate paragraph ids…), said like an
       * import's report. */
      if (result->draft != NULL && plenary_draft_get_load_warnings (result->draft)[0] != NULL)
        result->warnings = g_strdupv ((GStrv) plenary_draft_get_load_warnings (result->draft));
    }
  else
    {
      g_autoptr(GPtrArray) warnings = NULL;
      g_autoptr(GStrvBuilder) messages = g_strv_builder_new ();

      result->draft = plenary_importer_import (contents, length, basename, NULL, &warnings, &error);
      /* The import report of a text in one line: what it was read as and
       * what was changed (plenary --convert --verbose lists every line). */
      if (warnings != NULL && warnings->len > 0 && !plenary_office_looks_like_package (contents, length))
        {
          g_autofree char *summary = plenary_importer_summarize_report (warnings);

          g_strv_builder_add (messages, summary);
        }
      else
        /* Word and OpenDocument: what changed in the whole document
         * (tracked changes accepted), not what it was read as (the first
         * entry). */
        for (guint i = 1; warnings != NULL && i < warnings->len; i++)
          g_strv_builder_add (messages, ((PlenaryParseWarning *) g_ptr_array_index (warnings, i))->message);
      result->warnings = g_strv_builder_end (messages);

      /* The import report in the Problems list, on the lines of the text. */
      if (result->draft != NULL && !plenary_office_looks_like_package (contents, length))
        {
          g_autofree char *editor = print_body (result->draft);

          result->report = plenary_importer_report_problems (contents, length, warnings, editor, 2000);
        }
    }

  if (result->draft == NULL)
    {
      load_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, result, load_result_free);
}

/* Back on the main thread: the document takes what was read. */
static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  PlenaryDocument *self = PLENARY_DOCUMENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  LoadResult *loaded;

  if (g_task_get_cancellable (G_TASK (result)) == self->loading)
    g_clear_object (&self->loading);
  plenary_document_set_busy (self, FALSE);

  if (!(loaded = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      /* Stopped by the user: nothing to explain. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        plenary_document_set_error (self, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_clear_pointer (&self->import_report, g_ptr_array_unref);
  self->import_report = g_steal_pointer (&loaded->report);
  plenary_document_take_draft (self, loaded->draft);
  remember_etag (self, g_steal_pointer (&loaded->etag));
  plenary_document_set_error (self, NULL);

  /* An imported text keeps its name as title but not its file: saving
   * must never write a draft over somebody's .txt or .md. */
  if (!loaded->is_draft_file)
    {
      g_autofree char *title = title_for_file (self->file);
      plenary_document_set_file (self, NULL);
      plenary_document_set_title (self, title);
    }

  g_strfreev (self->import_warnings);
  self->import_warnings = g_steal_pointer (&loaded->warnings);

  load_result_free (loaded);
  g_task_return_boolean (task, TRUE);
}

void
plenary_document_load_async (PlenaryDocument     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) read = NULL;

  g_return_if_fail (PLENARY_IS_DOCUMENT (self));
  g_return_if_fail (self->file != NULL);

  g_set_object (&self->loading, cancellable);
  if (self->loading == NULL)
    self->loading = g_cancellable_new ();

  task = g_task_new (self, self->loading, callback, user_data);
  g_task_set_source_tag (task, plenary_document_load_async);

  read = g_task_new (self, self->loading, loaded_cb, g_steal_pointer (&task));
  g_task_set_task_data (read, g_object_ref (self->file), g_object_unref);
  /* Cancel answers at once: what the thread reads is then dropped. */
  g_task_set_return_on_cancel (read, TRUE);

  plenary_document_set_busy (self, TRUE);
  g_task_run_in_thread (read, load_thread);
}

gboolean
plenary_document_load_finish (PlenaryDocument  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

char **
plenary_document_take_import_warnings (PlenaryDocument *self)
{
  char **warnings;

  g_return_val_if_fail (PLENARY_IS_DOCUMENT (self), NULL);

  warnings = g_steal_pointer (&self->import_warnings);
  if (warnings != NULL && warnings[0] == NULL)
    g_clear_pointer (&warnings, g_strfreev);
  return warnings;
}

GPtrArray *
plenary_document_get_import_report (PlenaryDocument *self)
{
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (self), NULL);
  return self->import_report;
}

/* Saving ------------------------------------------------------------------ */

typedef struct
{
  GFile   *file;
  guint64  change_count;
  gboolean overwrite;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_clear_object (&save->file);
  g_free (save);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PlenaryDocument *self = g_task_get_source_object (task);
  SaveData *save = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  plenary_document_set_busy (self, FALSE);

  if (!plenary_draft_save_finish (result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  plenary_document_set_file (self, save->file);
  remember_etag (self, query_etag (save->file));
  if (self->change_count == save->change_count)
    gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->buffer), FALSE);

  g_task_return_boolean (task, TRUE);
}

void
plenary_document_save_async (PlenaryDocument     *self,
                             GFile               *file,
                             gboolean             overwrite,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *save;

  g_return_if_fail (PLENARY_IS_DOCUMENT (self));
  g_return_if_fail (file != NULL || self->file != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, plenary_document_save_async);

  save = g_new0 (SaveData, 1);
  save->file = g_object_ref (file != NULL ? file : self->file);
  save->change_count = self->change_count;
  save->overwrite = overwrite;
  g_task_set_task_data (task, save, save_data_free);

  /* Someone else wrote the file since we read it: ask before replacing. */
  if (!overwrite && self->file != NULL && g_file_equal (save->file, self->file) && self->etag != NULL)
    {
      g_autofree char *etag = query_etag (self->file);

      if (etag != NULL && !g_str_equal (etag, self->etag))
        {
          plenary_document_set_disk_state (self, PLENARY_DISK_STATE_CHANGED);
          g_task_return_new_error (task, PLENARY_DOCUMENT_ERROR, PLENARY_DOCUMENT_ERROR_CHANGED_ON_DISK,
                                   _("“%s” was changed by another program since it was opened."),
                                   self->title);
          return;
        }
    }

  plenary_document_sync_draft (self);
  plenary_document_set_busy (self, TRUE);
  plenary_draft_save_async (self->draft, save->file, cancellable, save_cb, g_steal_pointer (&task));
}

gboolean
plenary_document_save_finish (PlenaryDocument  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Proposals (suggest mode) ------------------------------------------------ */

gboolean
plenary_document_get_suggesting (PlenaryDocument *self)
{
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (self), FALSE);
  return self->suggesting;
}

void
plenary_document_set_suggesting (PlenaryDocument *self,
                                 gboolean         suggesting)
{
  g_return_if_fail (PLENARY_IS_DOCUMENT (self));
  g_return_if_fail (!suggesting || (self->delegation != NULL && self->delegation[0] != '\0'));

  suggesting = !!suggesting;
  if (self->suggesting == suggesting)
    return;

  self->suggesting = suggesting;
  plenary_proposal_marks_set_suggesting (self->marks, suggesting ? self->delegation : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUGGESTING]);
}

const char *
plenary_document_get_delegation (PlenaryDocument *self)
{
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (self), NULL);
  return self->delegation;
}

void
plenary_document_set_delegation (PlenaryDocument *self,
                                 const char      *delegation)
{
  g_return_if_fail (PLENARY_IS_DOCUMENT (self));

  if (g_strcmp0 (self->delegation, delegation) == 0)
    return;

  g_free (self->delegation);
  self->delegation = g_strdup (delegation);
  /* No delegation, no suggesting: nobody to attribute the edits to. */
  if (self->suggesting && (delegation == NULL || delegation[0] == '\0'))
    plenary_document_set_suggesting (self, FALSE);
  else if (self->suggesting)
    plenary_proposal_marks_set_suggesting (self->marks, delegation);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELEGATION]);
}

GListModel *
plenary_document_get_proposals (PlenaryDocument *self)
{
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (self), NULL);

  sync_proposals (self);
  return plenary_draft_get_proposals (self->draft);
}

PlenaryProposal *
plenary_document_get_proposal_at (PlenaryDocument   *self,
                                  const GtkTextIter *iter)
{
  PlenaryProposal *proposal = NULL;

  g_return_val_if_fail (PLENARY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (iter != NULL, NULL);

  if (!plenary_proposal_marks_lookup (self->marks, iter, NULL, NULL))
    return NULL;
  sync_proposals (self);
  plenary_proposal_marks_lookup (self->marks, iter, NULL, &proposal);
  return proposal;
}

gboolean
plenary_document_has_proposal_at (PlenaryDocument   *self,
                                  const GtkTextIter *iter,
                                  const char       **delegation)
{
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (iter != NULL, FALSE);

  return plenary_proposal_marks_lookup (self->marks, iter, delegation, NULL);
}

gboolean
plenary_document_has_proposals (PlenaryDocument *self)
{
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (self), FALSE);
  return !plenary_proposal_marks_is_empty (self->marks);
}

gboolean
plenary_document_dup_line_form (PlenaryDocument *self,
                                guint            line,
                                gboolean         accepted,
                                char           **text,
                                GArray          *map)
{
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (self), FALSE);
  return plenary_proposal_marks_dup_line_form (self->marks, line, accepted, text, map);
}

guint
plenary_document_resolve_proposals (PlenaryDocument *self,
                                    PlenaryProposal *proposal,
                                    const char      *delegation,
                                    const char      *paragraph_id,
                                    gboolean         accept)
{
  guint n;

  g_return_val_if_fail (PLENARY_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (proposal == NULL || PLENARY_IS_PROPOSAL (proposal), 0);

  /* The marks know which proposal they show once collected. */
  sync_proposals (self);
  n = plenary_proposal_marks_resolve (self->marks, proposal, delegation, paragraph_id, accept);
  if (n > 0)
    sync_proposals (self);
  return n;
}
