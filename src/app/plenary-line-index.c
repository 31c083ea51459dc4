/* plenary-line-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-line-index"

#include "config.h"

#include <string.h>

#include "plenary-clause-printer.h"
#include "plenary-line-index.h"
#include "plenary-phrase-dictionary.h"

typedef struct
{
  PlenaryLineState before;   /* the parser state before this line */
  PlenaryLineInfo  info;
  /* The paragraph id of this line (owned), NULL until it has text. */
  char            *id;
} LineEntry;

/* Ids of lines deleted lately, by their text without indentation: a
 * paragraph cut and pasted, moved with Alt+Up, or deleted and brought back
 * by an undo is the same paragraph and keeps its id. Bounded. */
#define MAX_GRAVEYARD 20000

struct _PlenaryLineIndex
{
  GObject                  parent_instance;

  GtkTextBuffer           *buffer;
  PlenaryPhraseDictionary *dictionary;
  PlenaryDraftKind         kind;
  char                    *language;

  GArray                  *lines;          /* LineEntry, one per buffer line */
  guint                    delete_first;   /* lines of a deletion in progress */
  guint                    delete_last;
  guint                    normalize_source;

  /* Paragraph identity: where new ids come from (NULL: none given yet). */
  PlenaryDraft            *draft;
  GHashTable              *graveyard;      /* text → id */
  char                    *delete_survivor; /* the id the line left by a deletion keeps */
  gboolean                 insert_at_start; /* an insertion began before the line's text */
  /* Where the last insertion ended: a paste comes as one insertion per run
   * of tags, which together start where the first one did. */
  int                      run_end;
};

G_DEFINE_FINAL_TYPE (PlenaryLineIndex, plenary_line_index, G_TYPE_OBJECT)

enum {
  LINES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static LineEntry *
entry_at (PlenaryLineIndex *self,
          guint             line)
{
  return &g_array_index (self->lines, LineEntry, line);
}

static void
clear_entry (gpointer data)
{
  LineEntry *entry = data;

  g_clear_pointer (&entry->id, g_free);
}

static const char *
skip_indent (const char *text)
{
  while (*text == '\t' || *text == ' ')
    text++;
  return text;
}

static void
bury (PlenaryLineIndex *self,
      const char       *text,
      char             *id)
{
  if (id == NULL)
    return;
  if (g_hash_table_size (self->graveyard) >= MAX_GRAVEYARD)
    g_hash_table_remove_all (self->graveyard);
  g_hash_table_replace (self->graveyard, g_strdup (skip_indent (text)), id);
}

/* The id a line that has just got text takes: the one of a deleted line
 * with that text, else a new one. */
static char *
revive_or_new (PlenaryLineIndex *self,
               const char       *text)
{
  gpointer key, id;

  if (g_hash_table_steal_extended (self->graveyard, skip_indent (text), &key, &id))
    {
      gboolean in_use = FALSE;

      g_free (key);
      /* A line may have it again already (a restore gives lines their
       * revision's ids): never two lines with one id. */
      for (guint i = 0; i < self->lines->len && !in_use; i++)
        in_use = g_strcmp0 (entry_at (self, i)->id, id) == 0;
      if (!in_use)
        return id;
      g_free (id);
    }

  return plenary_draft_new_paragraph_id (self->draft);
}

static gboolean
same_state (const PlenaryLineState *a,
            const PlenaryLineState *b)
{
  /* The parser only asks whether line_index is 0, so that a line inserted
   * above does not force every line below to be classified again. */
  return a->seen_operative == b->seen_operative &&
         a->seen_opening == b->seen_opening &&
         a->seen_top == b->seen_top &&
         a->last_sub_index == b->last_sub_index &&
         a->in_annex == b->in_annex &&
         (a->line_index == 0) == (b->line_index == 0);
}

GtkTextTag *
plenary_text_buffer_ensure_tag (GtkTextBuffer *buffer,
                                const char    *name,
                                const char    *first_property,
                                ...)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);
  va_list args;

  if (tag != NULL)
    return tag;

  tag = gtk_text_tag_new (name);
  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (tag), first_property, args);
  va_end (args);
  gtk_text_tag_table_add (table, tag);
  g_object_unref (tag);

  return tag;
}

static char *
dup_line (GtkTextBuffer *buffer,
          guint          line)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);

  return gtk_text_iter_get_slice (&start, &end);
}

static gboolean normalize_numbers (gpointer data);

/* Loaded when a line needs it: an empty new document opens without
 * reading the phrases, and a file's phrases are read by its loader. */
static PlenaryPhraseDictionary *
ensure_dictionary (PlenaryLineIndex *self)
{
  if (self->dictionary == NULL)
    self->dictionary = plenary_phrase_dictionary_get_default (self->language);

  return self->dictionary;
}

/* Classifies lines FIRST to LAST, then the lines below for as long as the
 * state they start from differs from the one they were classified with. */
static void
classify_lines (PlenaryLineIndex *self,
                guint             first,
                guint             last)
{
  PlenaryLineState state = PLENARY_LINE_STATE_INIT;
  guint n = self->lines->len;
  guint i;
  gboolean any_numbered = FALSE;

  if (first > 0)
    state = entry_at (self, first)->before;

  for (i = first; i < n; i++)
    {
      LineEntry *entry = entry_at (self, i);
      g_autofree char *text = NULL;

      if (i > last && same_state (&state, &entry->before))
        break;

      entry->before = state;
      text = dup_line (self->buffer, i);
      if (text[0] == '\0')
        {
          /* A blank line: nothing to look up. */
          memset (&entry->info, 0, sizeof entry->info);
          entry->info.role = PLENARY_ROLE_PARAGRAPH;
          entry->info.is_blank = TRUE;
          continue;
        }
      plenary_clause_parser_classify_line (ensure_dictionary (self), self->kind, text, -1, &state, &entry->info);
      /* A paragraph has an id; the opening formula and blank lines none. */
      if (entry->id == NULL && self->draft != NULL && !entry->info.is_blank &&
          !entry->info.is_opening && *skip_indent (text) != '\0')
        entry->id = revive_or_new (self, text);
      /* Only a resolution draws its numbers. */
      entry->info.numbered = entry->info.numbered && self->kind == PLENARY_DRAFT_KIND_RESOLUTION;
      any_numbered |= entry->info.numbered;
    }

  if (any_numbered && self->normalize_source == 0)
    self->normalize_source = g_idle_add (normalize_numbers, self);

  g_signal_emit (self, signals[LINES_CHANGED], 0, first, MAX (i, last + 1) - 1);
}

static void
classify_all (PlenaryLineIndex *self)
{
  guint n = gtk_text_buffer_get_line_count (self->buffer);

  /* The lines keep their ids: the kind or language changed, not the text. */
  g_array_set_size (self->lines, n);
  for (guint i = 0; i < n; i++)
    {
      LineEntry *entry = entry_at (self, i);
      PlenaryLineState init = PLENARY_LINE_STATE_INIT;

      entry->before = init;
      memset (&entry->info, 0, sizeof entry->info);
    }

  classify_lines (self, 0, n - 1);
}

/* A number or marker typed or pasted at the start of a line is dropped: the
 * view draws the right one, and the indentation says the level. */
static gboolean
normalize_numbers (gpointer data)
{
  PlenaryLineIndex *self = data;
  gboolean started = FALSE;

  self->normalize_source = 0;

  for (guint i = self->lines->len; i > 0; i--)
    {
      LineEntry *entry = entry_at (self, i - 1);
      GtkTextIter start, end;
      guint level = entry->info.level;

      if (!entry->info.numbered)
        continue;

      if (!started)
        {
          gtk_text_buffer_begin_user_action (self->buffer);
          started = TRUE;
        }

      gtk_text_buffer_get_iter_at_line (self->buffer, &start, i - 1);
      gtk_text_buffer_get_iter_at_line_index (self->buffer, &end, i - 1, entry->info.content_start);
      entry->info.numbered = FALSE;
      gtk_text_buffer_delete (self->buffer, &start, &end);
      for (guint l = 0; l < level; l++)
        gtk_text_buffer_insert (self->buffer, &start, "\t", 1);
    }

  if (started)
    gtk_text_buffer_end_user_action (self->buffer);

  return G_SOURCE_REMOVE;
}

/* Whether ITER has only indentation before it on its line. */
static gboolean
at_line_start (const GtkTextIter *iter)
{
  GtkTextIter start = *iter;

  gtk_text_iter_set_line_offset (&start, 0);
  while (gtk_text_iter_compare (&start, iter) < 0)
    {
      gunichar c = gtk_text_iter_get_char (&start);

      if (c != '\t' && c != ' ')
        return FALSE;
      gtk_text_iter_forward_char (&start);
    }

  return TRUE;
}

static void
on_insert_text (PlenaryLineIndex *self,
                GtkTextIter      *location,
                const char       *text,
                int               length)
{
  if (gtk_text_iter_get_offset (location) != self->run_end)
    self->insert_at_start = at_line_start (location);
}

static void
on_insert_text_after (PlenaryLineIndex *self,
                      GtkTextIter      *location,
                      const char       *text,
                      int               length)
{
  guint last = gtk_text_iter_get_line (location);
  guint newlines = 0;

  for (int i = 0; i < length; i++)
    if (text[i] == '\n')
      newlines++;

  /* In one move: a whole text set at once has thousands of lines. */
  if (newlines > 0)
    {
      g_autofree LineEntry *empty = g_new0 (LineEntry, newlines);
      PlenaryLineState init = PLENARY_LINE_STATE_INIT;

      for (guint i = 0; i < newlines; i++)
        empty[i].before = init;
      g_array_insert_vals (self->lines, last - newlines + 1, empty, newlines);
    }

  /* Lines inserted above a paragraph (Enter before its text, a paste of
   * whole lines): the paragraph, and its id, moved down to the last line.
   * Otherwise the first part of a split paragraph keeps the id. */
  if (newlines > 0 && self->insert_at_start && length > 0 && text[length - 1] == '\n')
    {
      LineEntry *first = entry_at (self, last - newlines);

      g_free (entry_at (self, last)->id);
      entry_at (self, last)->id = g_steal_pointer (&first->id);
    }
  self->run_end = gtk_text_iter_get_offset (location);

  classify_lines (self, last - newlines, last);
}

static void
on_delete_range (PlenaryLineIndex *self,
                 GtkTextIter      *start,
                 GtkTextIter      *end)
{
  gboolean whole_first, whole_last;

  self->run_end = -1;
  self->delete_first = gtk_text_iter_get_line (start);
  self->delete_last = gtk_text_iter_get_line (end);
  if (self->delete_last == self->delete_first)
    return;

  /* The line left is the first one, unless all of its text went: then it
   * holds what was after the deletion, the last line's paragraph. The ids
   * of the others are kept for a paste or an undo. */
  whole_first = at_line_start (start);
  whole_last = gtk_text_iter_ends_line (end);
  g_clear_pointer (&self->delete_survivor, g_free);
  for (guint i = self->delete_first; i <= self->delete_last && i < self->lines->len; i++)
    {
      LineEntry *entry = entry_at (self, i);
      /* All the lines' text gone (Select All, Delete): none survives. */
      gboolean survives = whole_first ? (i == self->delete_last && !whole_last) : i == self->delete_first;

      if (survives)
        self->delete_survivor = g_steal_pointer (&entry->id);
      else if (entry->id != NULL)
        {
          g_autofree char *text = dup_line (self->buffer, i);

          bury (self, text, g_steal_pointer (&entry->id));
        }
    }
}

static void
on_delete_range_after (PlenaryLineIndex *self,
                       GtkTextIter      *start,
                       GtkTextIter      *end)
{
  if (self->delete_last > self->delete_first)
    {
      LineEntry *first;

      g_array_remove_range (self->lines, self->delete_first + 1, self->delete_last - self->delete_first);
      first = entry_at (self, self->delete_first);
      g_free (first->id);
      first->id = g_steal_pointer (&self->delete_survivor);
    }

  classify_lines (self, self->delete_first, self->delete_first);
}

static void
plenary_line_index_dispose (GObject *object)
{
  PlenaryLineIndex *self = PLENARY_LINE_INDEX (object);

  g_clear_handle_id (&self->normalize_source, g_source_remove);
  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  g_clear_object (&self->buffer);
  g_clear_object (&self->draft);

  G_OBJECT_CLASS (plenary_line_index_parent_class)->dispose (object);
}

static void
plenary_line_index_finalize (GObject *object)
{
  PlenaryLineIndex *self = PLENARY_LINE_INDEX (object);

  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->graveyard, g_hash_table_unref);
  g_clear_pointer (&self->delete_survivor, g_free);

  G_OBJECT_CLASS (plenary_line_index_parent_class)->finalize (object);
}

static void
plenary_line_index_class_init (PlenaryLineIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plenary_line_index_dispose;
  object_class->finalize = plenary_line_index_finalize;

  signals[LINES_CHANGED] =
    g_signal_new ("lines-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
plenary_line_index_init (PlenaryLineIndex *self)
{
  self->lines = g_array_new (FALSE, TRUE, sizeof (LineEntry));
  g_array_set_clear_func (self->lines, clear_entry);
  self->run_end = -1;
  self->graveyard = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

PlenaryLineIndex *
plenary_line_index_new (GtkTextBuffer *buffer)
{
  PlenaryLineIndex *self;

  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), NULL);

  self = g_object_new (PLENARY_TYPE_LINE_INDEX, NULL);
  self->buffer = g_object_ref (buffer);

  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (on_insert_text),
                           self, G_CONNECT_SWAPPED);
  /* After the buffer's own handlers, whoever connected first. */
  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (on_insert_text_after),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (buffer, "delete-range", G_CALLBACK (on_delete_range),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "delete-range", G_CALLBACK (on_delete_range_after),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  plenary_line_index_set_kind (self, PLENARY_DRAFT_KIND_RESOLUTION, "fr");

  return self;
}

void
plenary_line_index_set_kind (PlenaryLineIndex *self,
                             PlenaryDraftKind  kind,
                             const char       *language)
{
  g_return_if_fail (PLENARY_IS_LINE_INDEX (self));
  g_return_if_fail (language != NULL);

  g_free (self->language);
  self->language = g_strdup (language);
  self->kind = kind;
  self->dictionary = NULL;

  classify_all (self);
}

PlenaryDraftKind
plenary_line_index_get_kind (PlenaryLineIndex *self)
{
  g_return_val_if_fail (PLENARY_IS_LINE_INDEX (self), PLENARY_DRAFT_KIND_RESOLUTION);
  return self->kind;
}

const char *
plenary_line_index_get_language (PlenaryLineIndex *self)
{
  g_return_val_if_fail (PLENARY_IS_LINE_INDEX (self), NULL);
  return self->language;
}

PlenaryPhraseDictionary *
plenary_line_index_get_dictionary (PlenaryLineIndex *self)
{
  g_return_val_if_fail (PLENARY_IS_LINE_INDEX (self), NULL);
  return ensure_dictionary (self);
}

guint
plenary_line_index_get_n_lines (PlenaryLineIndex *self)
{
  g_return_val_if_fail (PLENARY_IS_LINE_INDEX (self), 0);
  return self->lines->len;
}

const PlenaryLineInfo *
plenary_line_index_get_info (PlenaryLineIndex *self,
                             guint             line)
{
  g_return_val_if_fail (PLENARY_IS_LINE_INDEX (self), NULL);
  g_return_val_if_fail (line < self->lines->len, NULL);

  return &entry_at (self, line)->info;
}

const PlenaryLineState *
plenary_line_index_get_state_before (PlenaryLineIndex *self,
                                     guint             line)
{
  g_return_val_if_fail (PLENARY_IS_LINE_INDEX (self), NULL);
  g_return_val_if_fail (line < self->lines->len, NULL);

  return &entry_at (self, line)->before;
}

char *
plenary_line_index_dup_marker (PlenaryLineIndex *self,
                               guint             line)
{
  guint counters[3] = { 0, 0, 0 };
  guint level = 0;

  g_return_val_if_fail (PLENARY_IS_LINE_INDEX (self), NULL);

  if (line >= self->lines->len || self->kind != PLENARY_DRAFT_KIND_RESOLUTION)
    return NULL;

  for (guint i = 0; i <= line; i++)
    {
      const PlenaryLineInfo *info = &entry_at (self, i)->info;

      if (info->is_blank || info->is_opening)
        {
          if (i == line)
            return NULL;
          continue;
        }
      if (info->role == PLENARY_ROLE_OPERATIVE)
        level = 0;
      else if (info->role == PLENARY_ROLE_SUBPARAGRAPH)
        level = MIN (info->level, 2);
      else
        {
          counters[1] = counters[2] = 0;
          if (i == line)
            return NULL;
          continue;
        }
      counters[level]++;
      for (guint l = level + 1; l < 3; l++)
        counters[l] = 0;
    }

  return plenary_clause_marker (self->language, level, counters[level] - 1);
}

void
plenary_line_index_set_draft (PlenaryLineIndex *self,
                              PlenaryDraft     *draft)
{
  g_return_if_fail (PLENARY_IS_LINE_INDEX (self));
  g_return_if_fail (draft == NULL || PLENARY_IS_DRAFT (draft));

  if (!g_set_object (&self->draft, draft) || draft == NULL)
    return;

  /* A line with text and no id gets one. */
  for (guint i = 0; i < self->lines->len; i++)
    {
      LineEntry *entry = entry_at (self, i);
      g_autofree char *text = NULL;

      if (entry->id != NULL || entry->info.is_blank || entry->info.is_opening)
        continue;
      text = dup_line (self->buffer, i);
      if (*skip_indent (text) != '\0')
        entry->id = revive_or_new (self, text);
    }
}

const char *
plenary_line_index_get_id (PlenaryLineIndex *self,
                           guint             line)
{
  g_return_val_if_fail (PLENARY_IS_LINE_INDEX (self), NULL);
  g_return_val_if_fail (line < self->lines->len, NULL);

  return entry_at (self, line)->id;
}

void
plenary_line_index_set_id (PlenaryLineIndex *self,
                           guint             line,
                           const char       *id)
{
  LineEntry *entry;

  g_return_if_fail (PLENARY_IS_LINE_INDEX (self));
  g_return_if_fail (line < self->lines->len);

  /* The id stays one to bring back with its old text (an Undo of a
   * restore): revive_or_new() never gives one a line already has. */
  entry = entry_at (self, line);
  g_free (entry->id);
  entry->id = g_strdup (id);
}

void
plenary_line_index_forget_deleted (PlenaryLineIndex *self)
{
  g_return_if_fail (PLENARY_IS_LINE_INDEX (self));

  g_hash_table_remove_all (self->graveyard);
}

void
plenary_line_changes_add (PlenaryLineChanges *self,
                          guint               first,
                          guint               last,
                          guint               n_lines)
{
  int shift = (int) n_lines - (int) self->n_lines;

  /* Lines after FIRST moved by SHIFT: keep the range in the new numbering. */
  if (self->first < 0)
    {
      self->first = first;
      self->last = last;
    }
  else
    {
      if (self->last > (int) first)
        self->last = MAX (self->last + shift, (int) first);
      self->first = MIN (self->first, (int) first);
      self->last = MAX (self->last, (int) last);
    }
  self->n_lines = n_lines;
}

void
plenary_line_changes_done (PlenaryLineChanges *self)
{
  self->first = self->last = -1;
  self->synced_lines = self->n_lines;
}

int
plenary_line_changes_get_shift (const PlenaryLineChanges *self)
{
  return (int) self->n_lines - (int) self->synced_lines;
}
