/* plenary-outline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-outline"

#include "config.h"

#include "plenary-clause-printer.h"
#include "plenary-app-enums.h"
#include "plenary-outline.h"

/* How many words of a paragraph the outline shows after its phrase. */
#define N_WORDS 8

/* ---- PlenaryOutlineItem ------------------------------------------------- */

struct _PlenaryOutlineItem
{
  GObject             parent_instance;

  PlenaryOutlineKind  kind;
  guint               line;
  guint               level;    /* of a sub-paragraph: 1, 2 */
  guint               number;   /* 1-based number among its siblings */
  char               *marker;
  char               *phrase;
  char               *words;
  char               *id;       /* the paragraph's, NULL when it has none yet */
  PlenaryParagraphStatus status;
};

G_DEFINE_FINAL_TYPE (PlenaryOutlineItem, plenary_outline_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_KIND,
  ITEM_PROP_MARKER,
  ITEM_PROP_PHRASE,
  ITEM_PROP_WORDS,
  ITEM_PROP_LINE,
  ITEM_PROP_STATUS,
  N_ITEM_PROPS
};

static GParamSpec *item_properties[N_ITEM_PROPS];

static void
plenary_outline_item_finalize (GObject *object)
{
  PlenaryOutlineItem *self = PLENARY_OUTLINE_ITEM (object);

  g_free (self->marker);
  g_free (self->phrase);
  g_free (self->words);
  g_free (self->id);

  G_OBJECT_CLASS (plenary_outline_item_parent_class)->finalize (object);
}

static void
plenary_outline_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PlenaryOutlineItem *self = PLENARY_OUTLINE_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case ITEM_PROP_MARKER:
      g_value_set_string (value, self->marker);
      break;
    case ITEM_PROP_PHRASE:
      g_value_set_string (value, self->phrase);
      break;
    case ITEM_PROP_WORDS:
      g_value_set_string (value, self->words);
      break;
    case ITEM_PROP_LINE:
      g_value_set_uint (value, self->line);
      break;
    case ITEM_PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_outline_item_class_init (PlenaryOutlineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plenary_outline_item_finalize;
  object_class->get_property = plenary_outline_item_get_property;

  item_properties[ITEM_PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, PLENARY_TYPE_OUTLINE_KIND,
                       PLENARY_OUTLINE_OPENING,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  item_properties[ITEM_PROP_MARKER] =
    g_param_spec_string ("marker", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  item_properties[ITEM_PROP_PHRASE] =
    g_param_spec_string ("phrase", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  item_properties[ITEM_PROP_WORDS] =
    g_param_spec_string ("words", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  item_properties[ITEM_PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  item_properties[ITEM_PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL,
                       PLENARY_PARAGRAPH_STATUS_NONE, PLENARY_PARAGRAPH_STATUS_DELETED,
                       PLENARY_PARAGRAPH_STATUS_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
plenary_outline_item_init (PlenaryOutlineItem *self)
{
}

PlenaryOutlineKind
plenary_outline_item_get_kind (PlenaryOutlineItem *self)
{
  g_return_val_if_fail (PLENARY_IS_OUTLINE_ITEM (self), PLENARY_OUTLINE_OPENING);
  return self->kind;
}

const char *
plenary_outline_item_get_marker (PlenaryOutlineItem *self)
{
  g_return_val_if_fail (PLENARY_IS_OUTLINE_ITEM (self), NULL);
  return self->marker;
}

const char *
plenary_outline_item_get_phrase (PlenaryOutlineItem *self)
{
  g_return_val_if_fail (PLENARY_IS_OUTLINE_ITEM (self), NULL);
  return self->phrase;
}

const char *
plenary_outline_item_get_words (PlenaryOutlineItem *self)
{
  g_return_val_if_fail (PLENARY_IS_OUTLINE_ITEM (self), NULL);
  return self->words;
}

guint
plenary_outline_item_get_level (PlenaryOutlineItem *self)
{
  g_return_val_if_fail (PLENARY_IS_OUTLINE_ITEM (self), 0);
  return self->level;
}

guint
plenary_outline_item_get_line (PlenaryOutlineItem *self)
{
  g_return_val_if_fail (PLENARY_IS_OUTLINE_ITEM (self), 0);
  return self->line;
}

const char *
plenary_outline_item_get_id (PlenaryOutlineItem *self)
{
  g_return_val_if_fail (PLENARY_IS_OUTLINE_ITEM (self), NULL);
  return self->id;
}

PlenaryParagraphStatus
plenary_outline_item_get_status (PlenaryOutlineItem *self)
{
  g_return_val_if_fail (PLENARY_IS_OUTLINE_ITEM (self), PLENARY_PARAGRAPH_STATUS_NONE);
  return self->status;
}

static void
set_status (PlenaryOutlineItem     *item,
            PlenaryParagraphStatus  status)
{
  if (item->status == status)
    return;
  item->status = status;
  g_object_notify_by_pspec (G_OBJECT (item), item_properties[ITEM_PROP_STATUS]);
}

/* ---- PlenaryOutline ----------------------------------------------------- */

struct _PlenaryOutline
{
  GObject            parent_instance;

  PlenaryDocument   *document;
  PlenaryLineIndex  *index;
  GPtrArray         *items;          /* PlenaryOutlineItem, sorted by line */
  /* The document's draft, whose paragraph statuses the items show. */
  GSignalGroup      *draft_signals;

  /* What the index changed since the items were built. */
  PlenaryLineChanges changes;
  guint              idle_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlenaryOutline, plenary_outline, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
plenary_outline_get_item_type (GListModel *model)
{
  return PLENARY_TYPE_OUTLINE_ITEM;
}

static guint
plenary_outline_get_n_items (GListModel *model)
{
  return PLENARY_OUTLINE (model)->items->len;
}

static gpointer
plenary_outline_get_item (GListModel *model,
                          guint       position)
{
  PlenaryOutline *self = PLENARY_OUTLINE (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = plenary_outline_get_item_type;
  iface->get_n_items = plenary_outline_get_n_items;
  iface->get_item = plenary_outline_get_item;
}

/* The first item whose line is LINE or after it. */
static guint
lower_bound (GPtrArray *items,
             int        line)
{
  guint lo = 0, hi = items->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      PlenaryOutlineItem *item = g_ptr_array_index (items, mid);

      if ((int) item->line < line)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* The first N_WORDS words of TEXT, with an ellipsis when there are more. */
static char *
first_words (const char *text,
             gsize       len)
{
  GString *out = g_string_new (NULL);
  const char *p = text;
  const char *end = text + len;
  guint n = 0;

  while (p < end)
    {
      const char *word;

      while (p < end && (*p == ' ' || *p == '\t'))
        p++;
      if (p >= end)
        break;
      if (n == N_WORDS)
        {
          g_string_append (out, "…");
          break;
        }
      word = p;
      while (p < end && *p != ' ' && *p != '\t')
        p++;
      if (n > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, word, p - word);
      n++;
    }

  return g_string_free (out, FALSE);
}

static gboolean
has_letters (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

static PlenaryOutlineItem *
create_item (PlenaryOutline *self,
             GtkTextBuffer  *buffer,
             guint           line)
{
  const PlenaryLineInfo *info = plenary_line_index_get_info (self->index, line);
  PlenaryOutlineItem *item;
  PlenaryOutlineKind item_kind;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  gsize words_start;

  if (info->is_blank)
    return NULL;

  if (info->is_opening)
    item_kind = PLENARY_OUTLINE_OPENING;
  else if (info->role == PLENARY_ROLE_PREAMBULAR)
    item_kind = PLENARY_OUTLINE_PREAMBULAR;
  else if (info->role == PLENARY_ROLE_OPERATIVE && info->level == 0)
    item_kind = PLENARY_OUTLINE_OPERATIVE;
  else if (info->role == PLENARY_ROLE_HEADING)
    item_kind = PLENARY_OUTLINE_HEADING;
  else if ((info->role == PLENARY_ROLE_SUBPARAGRAPH || info->role == PLENARY_ROLE_OPERATIVE) && info->level > 0)
    item_kind = PLENARY_OUTLINE_SUBPARAGRAPH;
  else
    return NULL;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  text = gtk_text_iter_get_slice (&start, &end);

  item = g_object_new (PLENARY_TYPE_OUTLINE_ITEM, NULL);
  item->kind = item_kind;
  item->level = item_kind == PLENARY_OUTLINE_SUBPARAGRAPH ? MIN (info->level, 2) : 0;
  item->line = line;
  item->id = g_strdup (plenary_line_index_get_id (self->index, line));
  if (item->id != NULL)
    item->status = plenary_draft_get_paragraph_status (plenary_document_get_draft (self->document), item->id);
  item->marker = g_strdup ("");
  if (info->phrase_end > info->phrase_start && item_kind != PLENARY_OUTLINE_OPENING)
    {
      item->phrase = g_strndup (text + info->phrase_start, info->phrase_end - info->phrase_start);
      words_start = MAX (info->text_start, info->phrase_end);
    }
  else
    {
      item->phrase = g_strdup ("");
      words_start = info->content_start;
    }
  if (info->content_end > words_start)
    item->words = first_words (text + words_start, info->content_end - words_start);
  else
    item->words = g_strdup ("");
  /* After a closing phrase only its period is left: nothing worth a column. */
  if (!has_letters (item->words))
    item->words[0] = '\0';

  return item;
}

static void
set_number (PlenaryOutlineItem *item,
            const char         *language,
            guint               number,
            gboolean            notify)
{
  item->number = number;
  g_free (item->marker);
  item->marker = plenary_clause_marker (language, item->level, number - 1);
  if (notify)
    g_object_notify_by_pspec (G_OBJECT (item), item_properties[ITEM_PROP_MARKER]);
}

/* Numbers the operative items and their sub-paragraphs from POSITION on.
 * Past the ADDED new items, the first operative item already right means
 * all the following ones are. */
static void
renumber (PlenaryOutline *self,
          guint           position,
          guint           added)
{
  const char *language = plenary_line_index_get_language (self->index);
  guint counts[3] = { 0, 0, 0 };
  guint start = position;

  /* Sub-paragraphs count from the operative paragraph above them. */
  while (start > 0 && ((PlenaryOutlineItem *) g_ptr_array_index (self->items, start - 1))->kind != PLENARY_OUTLINE_OPERATIVE)
    start--;
  if (start > 0)
    counts[0] = ((PlenaryOutlineItem *) g_ptr_array_index (self->items, start - 1))->number;

  for (guint i = start; i < self->items->len; i++)
    {
      PlenaryOutlineItem *item = g_ptr_array_index (self->items, i);
      gboolean is_new = i >= position && i < position + added;
      guint level;

      if (item->kind == PLENARY_OUTLINE_OPERATIVE || item->kind == PLENARY_OUTLINE_SUBPARAGRAPH)
        level = item->level;
      else
        {
          /* As the view counts: anything else restarts the sub-paragraphs. */
          counts[1] = counts[2] = 0;
          continue;
        }

      counts[level]++;
      for (guint l = level + 1; l < 3; l++)
        counts[l] = 0;

      if (level == 0 && i >= position + added && item->number == counts[0])
        break;
      if (item->number != counts[level])
        set_number (item, language, counts[level], !is_new);
    }
}

void
plenary_outline_flush (PlenaryOutline *self)
{
  GtkTextBuffer *buffer;
  g_autoptr(GPtrArray) items = NULL;
  int first, last, old_last, shift;
  guint position, end, added;

  g_return_if_fail (PLENARY_IS_OUTLINE (self));

  g_clear_handle_id (&self->idle_id, g_source_remove);

  if (self->changes.first < 0)
    return;

  buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (self->document));
  first = self->changes.first;
  last = MIN (self->changes.last, (int) self->changes.n_lines - 1);
  shift = plenary_line_changes_get_shift (&self->changes);
  old_last = self->changes.last - shift;

  position = lower_bound (self->items, first);
  end = lower_bound (self->items, old_last + 1);
  end = MAX (end, position);

  items = g_ptr_array_new_full (self->items->len + (last - first + 1), g_object_unref);
  for (guint i = 0; i < position; i++)
    g_ptr_array_add (items, g_object_ref (g_ptr_array_index (self->items, i)));
  for (int line = first; line <= last; line++)
    {
      PlenaryOutlineItem *item = create_item (self, buffer, line);

      if (item != NULL)
        g_ptr_array_add (items, item);
    }
  added = items->len - position;
  for (guint i = end; i < self->items->len; i++)
    {
      PlenaryOutlineItem *item = g_ptr_array_index (self->items, i);

      item->line += shift;
      g_ptr_array_add (items, g_object_ref (item));
    }

  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);
  plenary_line_changes_done (&self->changes);

  renumber (self, position, added);

  if (end - position > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, end - position, added);
}

static gboolean
flush_in_idle (gpointer data)
{
  PlenaryOutline *self = data;

  self->idle_id = 0;
  plenary_outline_flush (self);

  return G_SOURCE_REMOVE;
}

static void
on_lines_changed (PlenaryOutline   *self,
                  guint             first,
                  guint             last,
                  PlenaryLineIndex *index)
{
  plenary_line_changes_add (&self->changes, first, last, plenary_line_index_get_n_lines (index));

  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_LOW, flush_in_idle, self, NULL);
}

/* The item at POSITION shows STATUS: changed, so that filters on the
 * status (Open Paragraphs Only) see it. */
static void
update_status (PlenaryOutline         *self,
               guint                   position,
               PlenaryParagraphStatus  status)
{
  PlenaryOutlineItem *item = g_ptr_array_index (self->items, position);

  if (item->status == status)
    return;
  set_status (item, status);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

static void
on_paragraph_status_changed (PlenaryOutline *self,
                             const char     *id,
                             PlenaryDraft   *draft)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      PlenaryOutlineItem *item = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (item->id, id) == 0)
        update_status (self, i, plenary_draft_get_paragraph_status (draft, id));
    }
}

/* Another draft in the document (a version restored): its statuses. */
static void
on_draft_changed (PlenaryOutline *self)
{
  PlenaryDraft *draft = plenary_document_get_draft (self->document);

  g_signal_group_set_target (self->draft_signals, draft);
  for (guint i = 0; i < self->items->len; i++)
    {
      PlenaryOutlineItem *item = g_ptr_array_index (self->items, i);

      update_status (self, i, item->id != NULL ? plenary_draft_get_paragraph_status (draft, item->id)
                                               : PLENARY_PARAGRAPH_STATUS_NONE);
    }
}

static void
plenary_outline_constructed (GObject *object)
{
  PlenaryOutline *self = PLENARY_OUTLINE (object);

  G_OBJECT_CLASS (plenary_outline_parent_class)->constructed (object);

  self->draft_signals = g_signal_group_new (PLENARY_TYPE_DRAFT);
  g_signal_group_connect_object (self->draft_signals, "paragraph-status-changed",
                                 G_CALLBACK (on_paragraph_status_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::draft", G_CALLBACK (on_draft_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_group_set_target (self->draft_signals, plenary_document_get_draft (self->document));

  self->index = g_object_ref (plenary_document_get_line_index (self->document));
  g_signal_connect_object (self->index, "lines-changed", G_CALLBACK (on_lines_changed),
                           self, G_CONNECT_SWAPPED);

  self->changes.n_lines = plenary_line_index_get_n_lines (self->index);
  if (self->changes.n_lines > 0)
    {
      self->changes.first = 0;
      self->changes.last = self->changes.n_lines - 1;
      self->idle_id = g_idle_add_full (G_PRIORITY_LOW, flush_in_idle, self, NULL);
    }
}

static void
plenary_outline_dispose (GObject *object)
{
  PlenaryOutline *self = PLENARY_OUTLINE (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->draft_signals != NULL)
    g_signal_group_set_target (self->draft_signals, NULL);
  g_clear_object (&self->draft_signals);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->index != NULL)
    g_signal_handlers_disconnect_by_data (self->index, self);
  g_clear_object (&self->index);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (plenary_outline_parent_class)->dispose (object);
}

static void
plenary_outline_finalize (GObject *object)
{
  PlenaryOutline *self = PLENARY_OUTLINE (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (plenary_outline_parent_class)->finalize (object);
}

static void
plenary_outline_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PlenaryOutline *self = PLENARY_OUTLINE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_outline_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PlenaryOutline *self = PLENARY_OUTLINE (object);

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
plenary_outline_class_init (PlenaryOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = plenary_outline_constructed;
  object_class->dispose = plenary_outline_dispose;
  object_class->finalize = plenary_outline_finalize;
  object_class->get_property = plenary_outline_get_property;
  object_class->set_property = plenary_outline_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PLENARY_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plenary_outline_init (PlenaryOutline *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->changes.first = self->changes.last = -1;
}

PlenaryOutline *
plenary_outline_new (PlenaryDocument *document)
{
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (document), NULL);
  return g_object_new (PLENARY_TYPE_OUTLINE, "document", document, NULL);
}
