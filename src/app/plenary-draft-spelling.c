/* plenary-draft-spelling.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-draft-spelling"

#include "config.h"

#include "plenary-annotations.h"
#include "plenary-draft-spelling.h"

/* The header changes at each key typed in it: gather its words once
 * typing there stops. */
#define KNOWN_DELAY_MS 500

struct _PlenaryDraftSpelling
{
  GObject                  parent_instance;

  PlenaryDocument         *document;
  PlenarySpellHighlighter *highlighter;
  GSettings               *settings;
  GSignalGroup            *metadata_signals;
  GSignalGroup            *sources_signals;
  guint                    known_source;
  /* The first dictionary is read once the window shows: reading it takes
   * longer than the window itself. */
  guint                    checker_source;
};

G_DEFINE_FINAL_TYPE (PlenaryDraftSpelling, plenary_draft_spelling, G_TYPE_OBJECT)

static void
add_dictionary_words (GStrvBuilder *words,
                      const char   *language)
{
  PlenaryPhraseDictionary *dictionary = plenary_phrase_dictionary_get_default (language);
  GListModel *entries = plenary_phrase_dictionary_get_entries (dictionary);
  g_auto(GStrv) bodies = plenary_phrase_dictionary_list_bodies (dictionary);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PlenaryPhraseEntry) entry = g_list_model_get_item (entries, i);

      for (PlenaryForm form = PLENARY_FORM_M; form <= PLENARY_FORM_FP; form++)
        {
          const char *text = plenary_phrase_entry_get_form (entry, form);

          if (text != NULL)
            g_strv_builder_add (words, text);
        }
    }

  for (guint i = 0; bodies[i] != NULL; i++)
    {
      const char *opening = plenary_phrase_dictionary_get_opening (dictionary, bodies[i]);

      g_strv_builder_add (words, bodies[i]);
      if (opening != NULL)
        g_strv_builder_add (words, opening);
    }
}

static gboolean
update_known_words (gpointer data)
{
  PlenaryDraftSpelling *self = data;
  PlenaryDraft *draft = plenary_document_get_draft (self->document);
  PlenaryMetadata *metadata = plenary_draft_get_metadata (draft);
  const char * const *fields = plenary_metadata_list_string_fields ();
  GListModel *sources = G_LIST_MODEL (plenary_draft_get_sources (draft));
  PlenarySpellChecker *checker = plenary_spell_highlighter_get_checker (self->highlighter);
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  g_auto(GStrv) texts = NULL;

  self->known_source = 0;

  /* The checker takes them when it comes. */
  if (checker == NULL)
    return G_SOURCE_REMOVE;

  add_dictionary_words (words, plenary_draft_get_language (draft));
  for (guint i = 0; fields[i] != NULL; i++)
    g_strv_builder_add (words, plenary_metadata_get_string (metadata, fields[i]));
  g_strv_builder_addv (words, (const char **) plenary_metadata_get_co_sponsors (metadata));
  g_strv_builder_addv (words, (const char **) plenary_metadata_get_signatories (metadata));
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(PlenarySource) source = g_list_model_get_item (sources, i);

      g_strv_builder_add (words, plenary_source_get_title (source));
    }

  texts = g_strv_builder_end (words);
  plenary_spell_checker_set_known_texts (checker, (const char * const *) texts);
  plenary_spell_highlighter_recheck (self->highlighter);

  return G_SOURCE_REMOVE;
}

static void
queue_known_words (PlenaryDraftSpelling *self)
{
  g_clear_handle_id (&self->known_source, g_source_remove);
  self->known_source = g_timeout_add (KNOWN_DELAY_MS, update_known_words, self);
}

/* The checker of the draft's language, and the words it knows. */
static void
ensure_checker (PlenaryDraftSpelling *self)
{
  PlenarySpellChecker *checker = plenary_spell_highlighter_get_checker (self->highlighter);
  const char *language = plenary_draft_get_language (plenary_document_get_draft (self->document));

  g_clear_handle_id (&self->checker_source, g_source_remove);

  if (checker == NULL || g_strcmp0 (plenary_spell_checker_get_language (checker), language) != 0)
    {
      g_autoptr(PlenarySpellChecker) new_checker = plenary_spell_checker_new (language);

      plenary_spell_highlighter_set_checker (self->highlighter, new_checker);
    }

  g_clear_handle_id (&self->known_source, g_source_remove);
  update_known_words (self);
}

static gboolean
ensure_checker_later (gpointer data)
{
  PlenaryDraftSpelling *self = data;

  self->checker_source = 0;
  ensure_checker (self);

  return G_SOURCE_REMOVE;
}

/* The context menu offers suggestions: asked for before the dictionary
 * was read in the background, it is read now. */
static void
on_menu_requested (PlenaryDraftSpelling *self)
{
  if (self->checker_source != 0)
    ensure_checker (self);
}

/* A new draft (opened, reloaded): its language, header and sources. */
static void
follow_draft (PlenaryDraftSpelling *self)
{
  PlenaryDraft *draft = plenary_document_get_draft (self->document);

  g_signal_group_set_target (self->metadata_signals, plenary_draft_get_metadata (draft));
  g_signal_group_set_target (self->sources_signals, plenary_draft_get_sources (draft));

  if (plenary_spell_highlighter_get_checker (self->highlighter) == NULL)
    {
      if (self->checker_source == 0)
        self->checker_source = g_idle_add_full (G_PRIORITY_LOW, ensure_checker_later, self, NULL);
      return;
    }

  ensure_checker (self);
}

static void
plenary_draft_spelling_dispose (GObject *object)
{
  PlenaryDraftSpelling *self = PLENARY_DRAFT_SPELLING (object);

  g_clear_handle_id (&self->known_source, g_source_remove);
  g_clear_handle_id (&self->checker_source, g_source_remove);
  g_clear_object (&self->metadata_signals);
  g_clear_object (&self->sources_signals);
  g_clear_object (&self->settings);
  if (self->highlighter != NULL)
    plenary_spell_highlighter_set_form_func (self->highlighter, NULL, NULL);
  g_clear_object (&self->highlighter);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (plenary_draft_spelling_parent_class)->dispose (object);
}

static void
plenary_draft_spelling_class_init (PlenaryDraftSpellingClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = plenary_draft_spelling_dispose;
}

static void
plenary_draft_spelling_init (PlenaryDraftSpelling *self)
{
}

static gboolean
dup_line_form (gpointer   document,
               guint      line,
               gboolean   accepted,
               char     **text,
               GArray    *map)
{
  return plenary_document_dup_line_form (document, line, accepted, text, map);
}

PlenaryDraftSpelling *
plenary_draft_spelling_new (PlenaryDocument   *document,
                            PlenaryEditorView *view)
{
  PlenaryDraftSpelling *self;

  g_return_val_if_fail (PLENARY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (PLENARY_IS_EDITOR_VIEW (view), NULL);

  self = g_object_new (PLENARY_TYPE_DRAFT_SPELLING, NULL);
  self->document = g_object_ref (document);
  self->highlighter = plenary_spell_highlighter_new (GTK_TEXT_VIEW (view));
  g_signal_connect_object (self->highlighter, "menu-requested", G_CALLBACK (on_menu_requested),
                           self, G_CONNECT_SWAPPED);
  plenary_spell_highlighter_skip_tag (self->highlighter, "plenary-hidden");
  plenary_spell_highlighter_skip_tag (self->highlighter, PLENARY_ANNOTATIONS_TAG_CITATION);
  /* Proposed and struck words: as the text would read with the proposals
   * accepted, and without them; read again when the proposals change. */
  plenary_spell_highlighter_set_form_func (self->highlighter, dup_line_form, document);
  g_signal_connect_object (document, "lines-marked",
                           G_CALLBACK (plenary_spell_highlighter_recheck_lines), self->highlighter,
                           G_CONNECT_SWAPPED);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "spell-check", self->highlighter, "enabled", G_SETTINGS_BIND_GET);

  self->metadata_signals = g_signal_group_new (PLENARY_TYPE_METADATA);
  g_signal_group_connect_swapped (self->metadata_signals, "notify", G_CALLBACK (queue_known_words), self);
  self->sources_signals = g_signal_group_new (G_TYPE_LIST_STORE);
  g_signal_group_connect_swapped (self->sources_signals, "items-changed", G_CALLBACK (queue_known_words), self);
  g_signal_connect_object (document, "notify::draft", G_CALLBACK (follow_draft), self, G_CONNECT_SWAPPED);

  follow_draft (self);

  return self;
}

PlenarySpellHighlighter *
plenary_draft_spelling_get_highlighter (PlenaryDraftSpelling *self)
{
  g_return_val_if_fail (PLENARY_IS_DRAFT_SPELLING (self), NULL);
  return self->highlighter;
}

PlenarySpellChecker *
plenary_draft_spelling_get_checker (PlenaryDraftSpelling *self)
{
  g_return_val_if_fail (PLENARY_IS_DRAFT_SPELLING (self), NULL);

  if (!plenary_spell_highlighter_get_enabled (self->highlighter))
    return NULL;

  if (self->checker_source != 0)
    ensure_checker (self);
  return plenary_spell_highlighter_get_checker (self->highlighter);
}
