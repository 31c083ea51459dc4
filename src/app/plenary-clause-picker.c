/* plenary-clause-picker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-clause-picker"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "plenary-clause-picker.h"
#include "plenary-clause-row.h"
#include "plenary-phrase-completion.h"

/* What a search compares with, for one entry of the dictionary. */
typedef struct
{
  PlenaryPhraseEntry *entry;
  const char         *phrase;          /* agreeing form, owned by the entry */
  char               *folded_phrase;
  char               *example;         /* agreeing too */
  char               *folded_example;
  char               *haystack;        /* phrase and example, for word matches */
  guint               index;           /* file order */
  guint               score;           /* of the last search: 0 best */
} Item;

struct _PlenaryClausePicker
{
  AdwWindow          parent_instance;

  PlenaryEditorView *view;
  GArray            *items;           /* Item */
  GListStore        *shown;           /* PlenaryPhraseEntry, in list order */
  PlenaryGender      gender;
  PlenaryNumber      number;
  char              *query;           /* of the list shown */
  /* The group a paragraph at the cursor most likely belongs to. */
  PlenaryPhraseGroup likely_group;
  guint              scroll_source;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkSearchEntry    *search_entry;
  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkListBox        *list_box;
};

G_DEFINE_FINAL_TYPE (PlenaryClausePicker, plenary_clause_picker, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->entry);
  g_clear_pointer (&item->folded_phrase, g_free);
  g_clear_pointer (&item->example, g_free);
  g_clear_pointer (&item->folded_example, g_free);
  g_clear_pointer (&item->haystack, g_free);
}

static const char *
group_title (PlenaryPhraseGroup group)
{
  switch (group)
    {
    case PLENARY_PHRASE_GROUP_PREAMBULAR:
      return _("Preambular Paragraphs");
    case PLENARY_PHRASE_GROUP_OPERATIVE:
      return _("Operative Paragraphs");
    case PLENARY_PHRASE_GROUP_CLOSING:
      return _("Closing Paragraphs");
    default:
      g_return_val_if_reached (NULL);
    }
}

static Item *
find_item (PlenaryClausePicker *self,
           PlenaryPhraseEntry  *entry)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      if (item->entry == entry)
        return item;
    }

  return NULL;
}

static GtkWidget *
create_row (gpointer object,
            gpointer user_data)
{
  PlenaryClausePicker *self = user_data;
  PlenaryPhraseEntry *entry = object;
  const Item *item = find_item (self, entry);

  return plenary_clause_row_new (item->phrase, item->example, plenary_phrase_entry_get_group (entry));
}

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  PlenaryPhraseGroup group = plenary_clause_row_get_group (PLENARY_CLAUSE_ROW (row));
  GtkWidget *header;

  if (before != NULL && plenary_clause_row_get_group (PLENARY_CLAUSE_ROW (before)) == group)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (group_title (group));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, before != NULL ? 18 : 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_list_box_row_set_header (row, header);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *x = *(const Item * const *) a;
  const Item *y = *(const Item * const *) b;
  int gx = plenary_phrase_entry_get_group (x->entry);
  int gy = plenary_phrase_entry_get_group (y->entry);

  if (gx != gy)
    return gx - gy;
  if (x->score != y->score)
    return (int) x->score - (int) y->score;
  return (int) x->index - (int) y->index;
}

/* 0 when the phrase or its example starts with QUERY, 1 when each word of
 * QUERY starts a word of either, G_MAXUINT when it does not match. */
static guint
score_item (const Item *item,
            const char *raw_query,
            const char *query)
{
  if (query[0] == '\0' ||
      g_str_has_prefix (item->folded_phrase, query) ||
      g_str_has_prefix (item->folded_example, query))
    return 0;
  if (g_str_match_string (raw_query, item->haystack, TRUE))
    return 1;
  return G_MAXUINT;
}

/* Brings ROW into view, at the top with its group title when AT_TOP,
 * else by as little as needed. */
static void
scroll_to_row (PlenaryClausePicker *self,
               GtkListBoxRow       *row,
               gboolean             at_top)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *header = gtk_list_box_row_get_header (row);
  graphene_rect_t bounds, header_bounds;
  double top;

  if (!gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->list_box), &bounds))
    return;

  top = bounds.origin.y;
  if (header != NULL && gtk_widget_compute_bounds (header, GTK_WIDGET (self->list_box), &header_bounds))
    top = MIN (top, header_bounds.origin.y);

  if (at_top)
    gtk_adjustment_set_value (adjustment, top);
  else
    gtk_adjustment_clamp_page (adjustment, top, bounds.origin.y + bounds.size.height);
}

/* Without a search, the first phrase of the group the new paragraph most
 * likely belongs to; with one, the best match. */
static void
select_first_row (PlenaryClausePicker *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, 0);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  if (row == NULL)
    return;

  if (self->query[0] == '\0')
    {
      GtkListBoxRow *likely = row;

      for (int i = 1; likely != NULL && plenary_clause_row_get_group (PLENARY_CLAUSE_ROW (likely)) != self->likely_group; i++)
        likely = gtk_list_box_get_row_at_index (self->list_box, i);
      if (likely != NULL)
        row = likely;
    }

  gtk_list_box_select_row (self->list_box, row);
  scroll_to_row (self, row, TRUE);
}

static gboolean
scroll_to_selected (gpointer data)
{
  PlenaryClausePicker *self = data;
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);

  self->scroll_source = 0;
  if (row != NULL)
    scroll_to_row (self, row, TRUE);

  return G_SOURCE_REMOVE;
}

/* Once the list has its size, and whenever it changes, the chosen row
 * stays in view. The scrolled window is still being laid out here: a value
 * set now would not be drawn. */
static void
on_adjustment_changed (PlenaryClausePicker *self)
{
  if (self->scroll_source == 0)
    self->scroll_source = g_idle_add (scroll_to_selected, self);
}

static void
on_search_changed (PlenaryClausePicker *self)
{
  const char *raw = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (raw));
  g_autofree char *query = plenary_phrase_completion_fold (stripped);
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  /* Enter may flush a search already shown: keep the row chosen with the
   * arrows. */
  if (g_strcmp0 (query, self->query) == 0)
    return;
  g_free (self->query);
  self->query = g_strdup (query);

  matches = g_ptr_array_new ();
  entries = g_ptr_array_new ();

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      item->score = score_item (item, stripped, query);
      if (item->score != G_MAXUINT)
        g_ptr_array_add (matches, item);
    }

  g_ptr_array_sort (matches, compare_items);
  for (guint i = 0; i < matches->len; i++)
    g_ptr_array_add (entries, ((Item *) g_ptr_array_index (matches, i))->entry);

  g_list_store_splice (self->shown, 0, g_list_model_get_n_items (G_LIST_MODEL (self->shown)),
                       entries->pdata, entries->len);

  gtk_stack_set_visible_child_name (self->stack, entries->len > 0 ? "list" : "empty");
  select_first_row (self);
}

static void
activate_row (PlenaryClausePicker *self,
              GtkListBoxRow       *row)
{
  g_autoptr(PlenaryPhraseEntry) entry = NULL;

  if (row == NULL)
    return;

  entry = g_list_model_get_item (G_LIST_MODEL (self->shown), gtk_list_box_row_get_index (row));
  plenary_clause_picker_insert_entry (self, entry);
}

static void
on_search_activate (PlenaryClausePicker *self)
{
  /* Enter right after typing: the list may not have followed yet. */
  on_search_changed (self);
  activate_row (self, gtk_list_box_get_selected_row (self->list_box));
}

static void
on_row_activated (PlenaryClausePicker *self,
                  GtkListBoxRow       *row)
{
  activate_row (self, row);
}

static void
on_stop_search (PlenaryClausePicker *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* Up and Down move through the list while the search keeps the focus. */
static gboolean
on_search_key_pressed (PlenaryClausePicker   *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;
  GtkListBoxRow *next;

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    index++;
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    index--;
  else
    return GDK_EVENT_PROPAGATE;

  if ((next = gtk_list_box_get_row_at_index (self->list_box, MAX (index, 0))))
    {
      gtk_list_box_select_row (self->list_box, next);
      scroll_to_row (self, next, FALSE);
    }

  return GDK_EVENT_STOP;
}

static PlenaryLineIndex *
get_line_index (PlenaryClausePicker *self)
{
  return plenary_document_get_line_index (plenary_editor_view_get_document (self->view));
}

static PlenaryPhraseGroup
guess_group (PlenaryClausePicker *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  PlenaryLineIndex *index = get_line_index (self);
  GtkTextIter cursor;
  PlenaryRole role;
  guint line;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  line = gtk_text_iter_get_line (&cursor);
  if (line >= plenary_line_index_get_n_lines (index))
    return PLENARY_PHRASE_GROUP_PREAMBULAR;

  role = plenary_line_index_get_info (index, line)->role;
  if (role == PLENARY_ROLE_OPERATIVE || role == PLENARY_ROLE_SUBPARAGRAPH ||
      plenary_line_index_get_state_before (index, line)->seen_operative)
    return PLENARY_PHRASE_GROUP_OPERATIVE;

  return PLENARY_PHRASE_GROUP_PREAMBULAR;
}

static void
load_items (PlenaryClausePicker *self)
{
  PlenaryPhraseDictionary *dictionary = plenary_line_index_get_dictionary (get_line_index (self));
  GListModel *entries = plenary_phrase_dictionary_get_entries (dictionary);
  guint n = g_list_model_get_n_items (entries);
  PlenaryDocument *document = plenary_editor_view_get_document (self->view);
  const char *body = plenary_metadata_get_string (plenary_draft_get_metadata (plenary_document_get_draft (document)),
                                                  "body");

  plenary_phrase_completion_get_agreement (self->view, &self->gender, &self->number);
  self->likely_group = guess_group (self);
  if (body[0] != '\0')
    {
      /* Translators: %s is the body adopting the draft ("Assemblée générale"). */
      g_autofree char *subtitle = g_strdup_printf (_("Agreeing with “%s”"), body);
      adw_window_title_set_subtitle (self->window_title, subtitle);
    }

  for (guint i = 0; i < n; i++)
    {
      PlenaryPhraseEntry *entry = g_list_model_get_item (entries, i);
      const char *phrase = plenary_phrase_dictionary_agree (dictionary, entry, self->gender, self->number);
      char *example = plenary_phrase_dictionary_dup_example (dictionary, entry, self->gender, self->number);
      Item item = {
        .entry = entry,
        .phrase = phrase,
        .example = example,
        .folded_phrase = plenary_phrase_completion_fold (phrase),
        .folded_example = plenary_phrase_completion_fold (example),
        .haystack = g_strconcat (phrase, " ", example, NULL),
        .index = i,
      };

      g_array_append_val (self->items, item);
    }

  on_search_changed (self);
}

/* Where a new paragraph goes: the blank line at the cursor, or a new line
 * after the paragraph at the cursor and its sub-paragraphs. */
static void
find_insertion_point (PlenaryClausePicker *self,
                      GtkTextIter         *iter)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  PlenaryLineIndex *index = get_line_index (self);
  guint n = plenary_line_index_get_n_lines (index);
  guint line, last;
  gboolean is_blank = FALSE;

  gtk_text_buffer_get_iter_at_mark (buffer, iter, gtk_text_buffer_get_insert (buffer));
  line = gtk_text_iter_get_line (iter);
  if (line < n)
    is_blank = plenary_line_index_get_info (index, line)->is_blank;

  if (!is_blank)
    {
      for (last = line; last + 1 < n; last++)
        {
          const PlenaryLineInfo *next = plenary_line_index_get_info (index, last + 1);

          if (next->is_blank || next->role != PLENARY_ROLE_SUBPARAGRAPH)
            break;
        }
      gtk_text_buffer_get_iter_at_line (buffer, iter, last);
    }

  if (!gtk_text_iter_ends_line (iter))
    gtk_text_iter_forward_to_line_end (iter);

  if (!is_blank)
    gtk_text_buffer_insert (buffer, iter, "\n", 1);
}

void
plenary_clause_picker_insert_entry (PlenaryClausePicker *self,
                                    PlenaryPhraseEntry  *entry)
{
  PlenaryPhraseDictionary *dictionary;
  GtkTextBuffer *buffer;
  g_autoptr(GtkSourceSnippet) snippet = NULL;
  g_autofree char *text = NULL;
  GtkTextIter iter;

  g_return_if_fail (PLENARY_IS_CLAUSE_PICKER (self));
  g_return_if_fail (PLENARY_IS_PHRASE_ENTRY (entry));

  dictionary = plenary_line_index_get_dictionary (get_line_index (self));
  text = plenary_phrase_dictionary_dup_snippet (dictionary, entry, self->gender, self->number);
  /* The last Tab goes to an explicit end stop: without one GtkSourceView 5.6
   * moves past its last chunk and warns ("_gtk_source_snippet_insert_set:
   * assertion 'snippet->current_chunk != NULL' failed"). */
  if (strstr (text, "$0") == NULL && strstr (text, "${0") == NULL)
    {
      char *ended = g_strconcat (text, "$0", NULL);

      g_free (text);
      text = ended;
    }
  snippet = gtk_source_snippet_new_parsed (text, NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  gtk_text_buffer_begin_user_action (buffer);
  find_insertion_point (self, &iter);
  if (snippet != NULL)
    {
      /* GtkSourceView 5.6 moves through pushed snippets with Tab only when
       * its snippets are enabled. */
      gtk_source_view_set_enable_snippets (GTK_SOURCE_VIEW (self->view), TRUE);
      gtk_source_view_push_snippet (GTK_SOURCE_VIEW (self->view), snippet, &iter);
    }
  else
    {
      /* A user's dictionary may hold a snippet GtkSourceView cannot read:
       * the phrase still goes in, without tab stops. */
      gtk_text_buffer_insert (buffer, &iter, plenary_phrase_dictionary_agree (dictionary, entry,
                                                                              self->gender, self->number), -1);
      gtk_text_buffer_insert (buffer, &iter, " ", 1);
      gtk_text_buffer_place_cursor (buffer, &iter);
    }
  gtk_text_buffer_end_user_action (buffer);

  gtk_widget_grab_focus (GTK_WIDGET (self->view));
  gtk_window_close (GTK_WINDOW (self));
}

static void
plenary_clause_picker_constructed (GObject *object)
{
  PlenaryClausePicker *self = PLENARY_CLAUSE_PICKER (object);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->view));

  G_OBJECT_CLASS (plenary_clause_picker_parent_class)->constructed (object);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));

  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->shown), create_row, self, NULL);
  gtk_list_box_set_header_func (self->list_box, update_header, NULL, NULL);
  load_items (self);
}

static void
plenary_clause_picker_dispose (GObject *object)
{
  PlenaryClausePicker *self = PLENARY_CLAUSE_PICKER (object);

  g_clear_handle_id (&self->scroll_source, g_source_remove);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_CLAUSE_PICKER);
  g_clear_object (&self->view);

  G_OBJECT_CLASS (plenary_clause_picker_parent_class)->dispose (object);
}

static void
plenary_clause_picker_finalize (GObject *object)
{
  PlenaryClausePicker *self = PLENARY_CLAUSE_PICKER (object);

  g_clear_object (&self->shown);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (plenary_clause_picker_parent_class)->finalize (object);
}

static void
plenary_clause_picker_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PlenaryClausePicker *self = PLENARY_CLAUSE_PICKER (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_object (value, self->view);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_clause_picker_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PlenaryClausePicker *self = PLENARY_CLAUSE_PICKER (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      self->view = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_clause_picker_class_init (PlenaryClausePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = plenary_clause_picker_constructed;
  object_class->dispose = plenary_clause_picker_dispose;
  object_class->finalize = plenary_clause_picker_finalize;
  object_class->get_property = plenary_clause_picker_get_property;
  object_class->set_property = plenary_clause_picker_set_property;

  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL, PLENARY_TYPE_EDITOR_VIEW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/plenary/Plenary/plenary-clause-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryClausePicker, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlenaryClausePicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PlenaryClausePicker, stack);
  gtk_widget_class_bind_template_child (widget_class, PlenaryClausePicker, scroller);
  gtk_widget_class_bind_template_child (widget_class, PlenaryClausePicker, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
plenary_clause_picker_init (PlenaryClausePicker *self)
{
  GtkEventController *keys;

  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, item_clear);
  self->shown = g_list_store_new (PLENARY_TYPE_PHRASE_ENTRY);

  gtk_widget_init_template (GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (on_adjustment_changed), self, G_CONNECT_SWAPPED);
}

PlenaryClausePicker *
plenary_clause_picker_new (PlenaryEditorView *view)
{
  g_return_val_if_fail (PLENARY_IS_EDITOR_VIEW (view), NULL);
  return g_object_new (PLENARY_TYPE_CLAUSE_PICKER, "view", view, NULL);
}

