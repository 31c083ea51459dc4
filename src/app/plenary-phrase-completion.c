/* plenary-phrase-completion.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-phrase-completion"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "plenary-phrase-completion.h"

/* A proposal is one phrase in the form that agrees with the body. It is
 * private to the provider: nothing else needs to name it. */
#define PLENARY_TYPE_PHRASE_PROPOSAL (plenary_phrase_proposal_get_type ())
G_DECLARE_FINAL_TYPE (PlenaryPhraseProposal, plenary_phrase_proposal, PLENARY, PHRASE_PROPOSAL, GObject)

struct _PlenaryPhraseProposal
{
  GObject             parent_instance;

  PlenaryPhraseEntry *entry;
  char               *text;    /* the agreeing form */
  char               *folded;  /* TEXT folded for matching */
};

static char *
plenary_phrase_proposal_get_typed_text (GtkSourceCompletionProposal *proposal)
{
  return g_strdup (PLENARY_PHRASE_PROPOSAL (proposal)->text);
}

static void
proposal_iface_init (GtkSourceCompletionProposalInterface *iface)
{
  iface->get_typed_text = plenary_phrase_proposal_get_typed_text;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (PlenaryPhraseProposal, plenary_phrase_proposal, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GTK_SOURCE_TYPE_COMPLETION_PROPOSAL, proposal_iface_init))

static void
plenary_phrase_proposal_finalize (GObject *object)
{
  PlenaryPhraseProposal *self = PLENARY_PHRASE_PROPOSAL (object);

  g_clear_object (&self->entry);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->folded, g_free);

  G_OBJECT_CLASS (plenary_phrase_proposal_parent_class)->finalize (object);
}

static void
plenary_phrase_proposal_class_init (PlenaryPhraseProposalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plenary_phrase_proposal_finalize;
}

static void
plenary_phrase_proposal_init (PlenaryPhraseProposal *self)
{
}

static PlenaryPhraseProposal *
plenary_phrase_proposal_new (PlenaryPhraseEntry *entry,
                             const char         *text)
{
  PlenaryPhraseProposal *self = g_object_new (PLENARY_TYPE_PHRASE_PROPOSAL, NULL);

  self->entry = g_object_ref (entry);
  self->text = g_strdup (text);
  self->folded = plenary_phrase_completion_fold (text);

  return self;
}

/* The provider -------------------------------------------------------- */

struct _PlenaryPhraseCompletion
{
  GObject            parent_instance;

  GWeakRef           view;
  /* What the filters of the current proposals compare with. */
  char              *typed;
};

static void completion_provider_iface_init (GtkSourceCompletionProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlenaryPhraseCompletion, plenary_phrase_completion, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GTK_SOURCE_TYPE_COMPLETION_PROVIDER,
                                                      completion_provider_iface_init))

char *
plenary_phrase_completion_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      if (c == 0x2019 || c == 0x2018)
        c = '\'';
      else if (c == 0x00A0 || c == 0x202F)
        c = ' ';
      g_string_append_unichar (out, c);
    }

  folded = g_string_free (out, FALSE);
  return g_utf8_casefold (folded, -1);
}

gboolean
plenary_phrase_completion_get_agreement (PlenaryEditorView *view,
                                         PlenaryGender     *gender,
                                         PlenaryNumber     *number)
{
  PlenaryPhraseDictionary *dictionary;
  PlenaryDocument *document;
  PlenaryDraft *draft;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *first_line = NULL;
  const char *body;

  g_return_val_if_fail (PLENARY_IS_EDITOR_VIEW (view), FALSE);
  g_return_val_if_fail (gender != NULL && number != NULL, FALSE);

  *gender = PLENARY_GENDER_MASCULINE;
  *number = PLENARY_NUMBER_SINGULAR;

  document = plenary_editor_view_get_document (view);
  if (document == NULL)
    return FALSE;
  dictionary = plenary_line_index_get_dictionary (plenary_document_get_line_index (document));

  draft = plenary_document_get_draft (document);
  body = plenary_metadata_get_string (plenary_draft_get_metadata (draft), "body");
  if (plenary_phrase_dictionary_lookup_body (dictionary, body, gender, number))
    return TRUE;

  /* A draft without a header still names its body in its first line. */
  buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (document));
  gtk_text_buffer_get_start_iter (buffer, &start);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  first_line = gtk_text_iter_get_slice (&start, &end);
  body = plenary_phrase_dictionary_body_for_opening (dictionary, g_strstrip (first_line));
  if (body == NULL)
    body = plenary_phrase_dictionary_body_for_opening (dictionary,
                                                       plenary_phrase_dictionary_get_default_opening (dictionary));

  return body != NULL && plenary_phrase_dictionary_lookup_body (dictionary, body, gender, number);
}

/* The words typed since the start of the paragraph at the cursor, or NULL
 * when the cursor is not in the opening words of a top-level paragraph.
 * LINE and START (where those words begin) are set when not NULL. */
static char *
dup_typed (PlenaryEditorView *view,
           guint             *line,
           GtkTextIter       *start)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  PlenaryDocument *document = plenary_editor_view_get_document (view);
  GtkTextIter begin, cursor;
  g_autofree char *typed = NULL;
  guint line_number;

  if (document == NULL ||
      plenary_draft_get_kind (plenary_document_get_draft (document)) != PLENARY_DRAFT_KIND_RESOLUTION)
    return NULL;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  /* In the middle of a word nothing is being typed at its end. */
  if (g_unichar_isalnum (gtk_text_iter_get_char (&cursor)))
    return NULL;
  line_number = gtk_text_iter_get_line (&cursor);
  begin = cursor;
  gtk_text_iter_set_line_offset (&begin, 0);

  /* Sub-paragraphs (indented by tabs) do not open with a phrase. */
  if (gtk_text_iter_get_char (&begin) == '\t')
    return NULL;
  while (gtk_text_iter_compare (&begin, &cursor) < 0 && gtk_text_iter_get_char (&begin) == ' ')
    gtk_text_iter_forward_char (&begin);

  typed = gtk_text_iter_get_slice (&begin, &cursor);
  if (typed[0] == '\0' || g_unichar_isspace (g_utf8_get_char (typed)))
    return NULL;

  if (line != NULL)
    *line = line_number;
  if (start != NULL)
    *start = begin;

  return g_steal_pointer (&typed);
}

static gboolean
proposal_matches (gpointer item,
                  gpointer user_data)
{
  PlenaryPhraseCompletion *self = user_data;
  PlenaryPhraseProposal *proposal = item;

  return self->typed != NULL && g_str_has_prefix (proposal->folded, self->typed);
}

static void
update_typed (PlenaryPhraseCompletion *self)
{
  g_autoptr(PlenaryEditorView) view = g_weak_ref_get (&self->view);
  g_autofree char *typed = view != NULL ? dup_typed (view, NULL, NULL) : NULL;

  g_clear_pointer (&self->typed, g_free);
  if (typed != NULL)
    self->typed = plenary_phrase_completion_fold (typed);
}

static void
append_group (GListStore              *store,
              PlenaryPhraseDictionary *dictionary,
              PlenaryPhraseGroup       group,
              PlenaryGender            gender,
              PlenaryNumber            number)
{
  GListModel *entries = plenary_phrase_dictionary_get_entries (dictionary);
  guint n = g_list_model_get_n_items (entries);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenaryPhraseEntry) entry = g_list_model_get_item (entries, i);
      g_autoptr(PlenaryPhraseProposal) proposal = NULL;

      if (plenary_phrase_entry_get_group (entry) != group)
        continue;

      proposal = plenary_phrase_proposal_new (entry,
                                              plenary_phrase_dictionary_agree (dictionary, entry,
                                                                               gender, number));
      g_list_store_append (store, proposal);
    }
}

static GListModel *
plenary_phrase_completion_populate (GtkSourceCompletionProvider  *provider,
                                    GtkSourceCompletionContext   *context,
                                    GError                      **error)
{
  PlenaryPhraseCompletion *self = PLENARY_PHRASE_COMPLETION (provider);
  g_autoptr(PlenaryEditorView) view = g_weak_ref_get (&self->view);
  g_autoptr(GListStore) store = NULL;
  g_autofree char *typed = NULL;
  PlenaryPhraseDictionary *dictionary;
  PlenaryLineIndex *index;
  const PlenaryLineState *before;
  PlenaryGender gender;
  PlenaryNumber number;
  GtkCustomFilter *filter;
  guint line;

  if (view == NULL || !(typed = dup_typed (view, &line, NULL)))
    return G_LIST_MODEL (g_list_store_new (PLENARY_TYPE_PHRASE_PROPOSAL));

  index = plenary_document_get_line_index (plenary_editor_view_get_document (view));
  if (line >= plenary_line_index_get_n_lines (index))
    return G_LIST_MODEL (g_list_store_new (PLENARY_TYPE_PHRASE_PROPOSAL));

  dictionary = plenary_line_index_get_dictionary (index);
  before = plenary_line_index_get_state_before (index, line);
  plenary_phrase_completion_get_agreement (view, &gender, &number);

  store = g_list_store_new (PLENARY_TYPE_PHRASE_PROPOSAL);
  if (before->seen_operative)
    {
      append_group (store, dictionary, PLENARY_PHRASE_GROUP_OPERATIVE, gender, number);
      append_group (store, dictionary, PLENARY_PHRASE_GROUP_CLOSING, gender, number);
    }
  else
    {
      append_group (store, dictionary, PLENARY_PHRASE_GROUP_PREAMBULAR, gender, number);
      append_group (store, dictionary, PLENARY_PHRASE_GROUP_OPERATIVE, gender, number);
    }

  g_free (self->typed);
  self->typed = plenary_phrase_completion_fold (typed);
  filter = gtk_custom_filter_new (proposal_matches, self, NULL);

  return G_LIST_MODEL (gtk_filter_list_model_new (G_LIST_MODEL (g_steal_pointer (&store)),
                                                  GTK_FILTER (filter)));
}

static void
plenary_phrase_completion_populate_async (GtkSourceCompletionProvider *provider,
                                          GtkSourceCompletionContext  *context,
                                          GCancellable                *cancellable,
                                          GAsyncReadyCallback          callback,
                                          gpointer                     user_data)
{
  g_autoptr(GTask) task = g_task_new (provider, cancellable, callback, user_data);

  g_task_set_source_tag (task, plenary_phrase_completion_populate_async);
  /* A few hundred phrases: filtering them costs less than a thread. */
  g_task_return_pointer (task, plenary_phrase_completion_populate (provider, context, NULL), g_object_unref);
}

static GListModel *
plenary_phrase_completion_populate_finish (GtkSourceCompletionProvider  *provider,
                                           GAsyncResult                 *result,
                                           GError                      **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
plenary_phrase_completion_refilter (GtkSourceCompletionProvider *provider,
                                    GtkSourceCompletionContext  *context,
                                    GListModel                  *model)
{
  PlenaryPhraseCompletion *self = PLENARY_PHRASE_COMPLETION (provider);
  GtkFilter *filter;

  if (!GTK_IS_FILTER_LIST_MODEL (model))
    return;

  update_typed (self);
  filter = gtk_filter_list_model_get_filter (GTK_FILTER_LIST_MODEL (model));
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static const char *
group_label (PlenaryPhraseGroup group)
{
  switch (group)
    {
    case PLENARY_PHRASE_GROUP_PREAMBULAR:
      return _("preambular");
    case PLENARY_PHRASE_GROUP_OPERATIVE:
      return _("operative");
    case PLENARY_PHRASE_GROUP_CLOSING:
      return _("closing");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
plenary_phrase_completion_display (GtkSourceCompletionProvider *provider,
                                   GtkSourceCompletionContext  *context,
                                   GtkSourceCompletionProposal *proposal,
                                   GtkSourceCompletionCell     *cell)
{
  PlenaryPhraseProposal *phrase = PLENARY_PHRASE_PROPOSAL (proposal);

  switch (gtk_source_completion_cell_get_column (cell))
    {
    case GTK_SOURCE_COMPLETION_COLUMN_TYPED_TEXT:
      gtk_source_completion_cell_set_text (cell, phrase->text);
      break;
    case GTK_SOURCE_COMPLETION_COLUMN_COMMENT:
      gtk_source_completion_cell_set_text (cell, group_label (plenary_phrase_entry_get_group (phrase->entry)));
      break;
    case GTK_SOURCE_COMPLETION_COLUMN_DETAILS:
      gtk_source_completion_cell_set_text (cell, plenary_phrase_entry_get_example (phrase->entry));
      break;
    case GTK_SOURCE_COMPLETION_COLUMN_ICON:
    case GTK_SOURCE_COMPLETION_COLUMN_BEFORE:
    case GTK_SOURCE_COMPLETION_COLUMN_AFTER:
    default:
      gtk_source_completion_cell_set_text (cell, NULL);
      break;
    }
}

static void
plenary_phrase_completion_activate (GtkSourceCompletionProvider *provider,
                                    GtkSourceCompletionContext  *context,
                                    GtkSourceCompletionProposal *proposal)
{
  PlenaryPhraseCompletion *self = PLENARY_PHRASE_COMPLETION (provider);
  PlenaryPhraseProposal *phrase = PLENARY_PHRASE_PROPOSAL (proposal);
  g_autoptr(PlenaryEditorView) view = g_weak_ref_get (&self->view);
  g_autofree char *typed = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, cursor;

  if (view == NULL || !(typed = dup_typed (view, NULL, &start)))
    return;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &cursor);
  gtk_text_buffer_insert (buffer, &start, phrase->text, -1);
  /* The text goes on after the phrase; one space, never two. */
  if (gtk_text_iter_get_char (&start) != ' ')
    gtk_text_buffer_insert (buffer, &start, " ", 1);
  else
    gtk_text_iter_forward_char (&start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_buffer_end_user_action (buffer);
}

static char *
plenary_phrase_completion_get_title (GtkSourceCompletionProvider *provider)
{
  return g_strdup (_("Phrases"));
}

static int
plenary_phrase_completion_get_priority (GtkSourceCompletionProvider *provider,
                                        GtkSourceCompletionContext  *context)
{
  /* Above word completion: a paragraph's first words are its phrase. */
  return 100;
}

static void
completion_provider_iface_init (GtkSourceCompletionProviderInterface *iface)
{
  iface->get_title = plenary_phrase_completion_get_title;
  iface->get_priority = plenary_phrase_completion_get_priority;
  iface->populate = plenary_phrase_completion_populate;
  iface->populate_async = plenary_phrase_completion_populate_async;
  iface->populate_finish = plenary_phrase_completion_populate_finish;
  iface->refilter = plenary_phrase_completion_refilter;
  iface->display = plenary_phrase_completion_display;
  iface->activate = plenary_phrase_completion_activate;
}

static void
plenary_phrase_completion_finalize (GObject *object)
{
  PlenaryPhraseCompletion *self = PLENARY_PHRASE_COMPLETION (object);

  g_weak_ref_clear (&self->view);
  g_clear_pointer (&self->typed, g_free);

  G_OBJECT_CLASS (plenary_phrase_completion_parent_class)->finalize (object);
}

static void
plenary_phrase_completion_class_init (PlenaryPhraseCompletionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plenary_phrase_completion_finalize;
}

static void
plenary_phrase_completion_init (PlenaryPhraseCompletion *self)
{
  g_weak_ref_init (&self->view, NULL);
}

GtkSourceCompletionProvider *
plenary_phrase_completion_new (PlenaryEditorView *view)
{
  PlenaryPhraseCompletion *self;

  g_return_val_if_fail (PLENARY_IS_EDITOR_VIEW (view), NULL);

  self = g_object_new (PLENARY_TYPE_PHRASE_COMPLETION, NULL);
  /* The view's completion holds the provider: a strong reference back
   * would keep both alive. */
  g_weak_ref_set (&self->view, view);

  return GTK_SOURCE_COMPLETION_PROVIDER (self);
}
