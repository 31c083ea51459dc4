/* plenary-spell-highlighter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-spell-highlighter"

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-spell-highlighter.h"
#include "plenary-text-replace.h"

/* Time given to each round of background checking, so that a round never
 * delays a keystroke by more than this. */
#define ROUND_BUDGET_US 3000
#define MAX_SUGGESTIONS 5

struct _PlenarySpellHighlighter
{
  GObject              parent_instance;

  GtkTextView         *view;
  GtkTextBuffer       *buffer;
  PlenarySpellChecker *checker;
  gboolean             enabled;

  GtkTextTag          *misspelt_tag;
  GtkTextTag          *pending_tag;
  GPtrArray           *skip_tags;     /* names */
  PlenarySpellFormFunc form_func;
  gpointer             form_data;
  guint                check_source;

  /* The misspelt word being typed, left unflagged until the cursor leaves. */
  GtkTextMark         *deferred;
  gboolean             has_deferred;
  gboolean             typing;

  /* The word of the context menu. */
  GtkTextMark         *menu_start;
  GtkTextMark         *menu_end;
  GMenu               *menu;
  GMenuModel          *previous_menu;
  GSimpleActionGroup  *actions;
};

G_DEFINE_FINAL_TYPE (PlenarySpellHighlighter, plenary_spell_highlighter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CHECKER,
  PROP_ENABLED,
  PROP_CHECKING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  MENU_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean is_active (PlenarySpellHighlighter *self);

/* Checking ----------------------------------------------------------------- */

static gboolean
in_skipped_tag (PlenarySpellHighlighter *self,
                const GtkTextIter       *iter)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);

  for (guint i = 0; i < self->skip_tags->len; i++)
    {
      GtkTextTag *tag = gtk_text_tag_table_lookup (table, g_ptr_array_index (self->skip_tags, i));

      if (tag != NULL && gtk_text_iter_has_tag (iter, tag))
        return TRUE;
    }

  return FALSE;
}

/* The misspelt words of LINE in the two forms it reads as (the form
 * function's), placed on the line as shown; NULL when it reads as shown. */
static GArray *
check_forms (PlenarySpellHighlighter *self,
             guint                    line)
{
  g_autoptr(GArray) map = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *ranges = NULL;

  if (self->form_func == NULL)
    return NULL;

  for (guint n = 0; n < 2; n++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GArray) found = NULL;

      if (!self->form_func (self->form_data, line, n == 0, &text, map))
        return NULL;
      if (ranges == NULL)
        ranges = g_array_new (FALSE, FALSE, sizeof (PlenarySpellRange));
      if (text == NULL)
        continue;

      found = plenary_spell_checker_check_text (self->checker, text, -1);
      for (guint i = 0; i < found->len; i++)
        {
          const PlenarySpellRange *word = &g_array_index (found, PlenarySpellRange, i);
          PlenarySpellRange shown = { g_array_index (map, guint, word->start),
                                      g_array_index (map, guint, word->end - 1) + 1 };

          g_array_append_val (ranges, shown);
        }
    }

  return ranges;
}

static void
check_line (PlenarySpellHighlighter *self,
            GtkTextIter             *start)
{
  GtkTextIter end = *start, cursor, through;
  g_autofree char *text = NULL;
  g_autoptr(GArray) ranges = NULL;
  guint line = gtk_text_iter_get_line (start);

  gtk_text_iter_set_line_offset (start, 0);
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  through = end;
  gtk_text_iter_forward_char (&through);

  gtk_text_buffer_remove_tag (self->buffer, self->pending_tag, start, &through);
  gtk_text_buffer_remove_tag (self->buffer, self->misspelt_tag, start, &end);

  /* A line with proposals: its words as they would read with them or
   * without ("cooperate" struck, "work" proposed, is not "cooperatework"). */
  ranges = check_forms (self, line);
  if (ranges == NULL)
    {
      text = gtk_text_iter_get_slice (start, &end);
      ranges = plenary_spell_checker_check_text (self->checker, text, -1);
    }
  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));

  for (guint i = 0; i < ranges->len; i++)
    {
      const PlenarySpellRange *range = &g_array_index (ranges, PlenarySpellRange, i);
      GtkTextIter word_start, word_end;

      gtk_text_buffer_get_iter_at_line_index (self->buffer, &word_start, line, range->start);
      gtk_text_buffer_get_iter_at_line_index (self->buffer, &word_end, line, range->end);

      if (in_skipped_tag (self, &word_start))
        continue;

      if (self->typing &&
          (gtk_text_iter_in_range (&cursor, &word_start, &word_end) || gtk_text_iter_equal (&cursor, &word_end)))
        {
          gtk_text_buffer_move_mark (self->buffer, self->deferred, &word_start);
          self->has_deferred = TRUE;
          continue;
        }

      gtk_text_buffer_apply_tag (self->buffer, self->misspelt_tag, &word_start, &word_end);
    }

  *start = through;
}

static gboolean
check_round (gpointer data)
{
  PlenarySpellHighlighter *self = data;
  gint64 deadline = g_get_monotonic_time () + ROUND_BUDGET_US;
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (self->buffer, &iter);

  do
    {
      if (!gtk_text_iter_has_tag (&iter, self->pending_tag) &&
          !gtk_text_iter_forward_to_tag_toggle (&iter, self->pending_tag))
        {
          self->check_source = 0;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKING]);
          return G_SOURCE_REMOVE;
        }
      if (gtk_text_iter_is_end (&iter))
        {
          /* Only the empty last line was pending. */
          GtkTextIter start = iter;

          gtk_text_iter_set_line_offset (&start, 0);
          gtk_text_buffer_remove_tag (self->buffer, self->pending_tag, &start, &iter);
          continue;
        }
      check_line (self, &iter);
    }
  while (g_get_monotonic_time () < deadline);

  return G_SOURCE_CONTINUE;
}

static void
queue_check (PlenarySpellHighlighter *self)
{
  if (self->check_source != 0 || !is_active (self))
    return;

  /* Below redrawing and input, so that typing always comes first. */
  self->check_source = g_idle_add_full (G_PRIORITY_LOW, check_round, self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKING]);
}

static void
mark_lines (PlenarySpellHighlighter *self,
            GtkTextIter             *first,
            GtkTextIter             *last)
{
  GtkTextIter start = *first, end = *last;

  gtk_text_iter_set_line_offset (&start, 0);
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  gtk_text_iter_forward_char (&end);
  gtk_text_buffer_apply_tag (self->buffer, self->pending_tag, &start, &end);
  queue_check (self);
}

static void
on_insert_text_after (PlenarySpellHighlighter *self,
                      GtkTextIter             *location,
                      const char              *text,
                      int                      length)
{
  GtkTextIter start = *location;

  if (!is_active (self))
    return;

  gtk_text_iter_backward_chars (&start, g_utf8_strlen (text, length));
  self->typing = TRUE;
  mark_lines (self, &start, location);
}

static void
on_delete_range_after (PlenarySpellHighlighter *self,
                       GtkTextIter             *start,
                       GtkTextIter             *end)
{
  if (!is_active (self))
    return;

  self->typing = TRUE;
  mark_lines (self, start, end);
}

/* The cursor left the word being typed: check it now. */
static void
on_cursor_moved (PlenarySpellHighlighter *self)
{
  GtkTextIter cursor, deferred, word_end;

  self->typing = FALSE;

  if (!self->has_deferred)
    return;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &deferred, self->deferred);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  word_end = deferred;
  gtk_text_iter_forward_visible_word_end (&word_end);
  if (gtk_text_iter_compare (&cursor, &deferred) >= 0 && gtk_text_iter_compare (&cursor, &word_end) <= 0 &&
      gtk_text_iter_get_line (&cursor) == gtk_text_iter_get_line (&deferred))
    return;

  self->has_deferred = FALSE;
  mark_lines (self, &deferred, &deferred);
}

static void
on_mark_set (PlenarySpellHighlighter *self,
             GtkTextIter             *location,
             GtkTextMark             *mark)
{
  if (mark == gtk_text_buffer_get_insert (self->buffer))
    on_cursor_moved (self);
}

static void
clear_all (PlenarySpellHighlighter *self)
{
  GtkTextIter start, end;

  g_clear_handle_id (&self->check_source, g_source_remove);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->misspelt_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->pending_tag, &start, &end);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKING]);
}

static gboolean
is_active (PlenarySpellHighlighter *self)
{
  return self->enabled && self->checker != NULL && plenary_spell_checker_has_dictionary (self->checker);
}

void
plenary_spell_highlighter_recheck (PlenarySpellHighlighter *self)
{
  GtkTextIter start, end;

  g_return_if_fail (PLENARY_IS_SPELL_HIGHLIGHTER (self));

  if (!is_active (self))
    {
      clear_all (self);
      return;
    }

  /* Keep the underlines until each line is checked again: no flicker. */
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_apply_tag (self->buffer, self->pending_tag, &start, &end);
  queue_check (self);
}

/* Context menu ------------------------------------------------------------- */

/* The misspelt word at ITER, in START and END. */
static gboolean
misspelt_word_at (PlenarySpellHighlighter *self,
                  const GtkTextIter       *iter,
                  GtkTextIter             *start,
                  GtkTextIter             *end)
{
  *start = *iter;
  *end = *iter;

  if (!gtk_text_iter_has_tag (start, self->misspelt_tag))
    {
      /* Just past the word's last letter. */
      if (gtk_text_iter_is_start (start))
        return FALSE;
      gtk_text_iter_backward_char (start);
      if (!gtk_text_iter_has_tag (start, self->misspelt_tag))
        return FALSE;
      *end = *start;
    }

  if (!gtk_text_iter_starts_tag (start, self->misspelt_tag))
    gtk_text_iter_backward_to_tag_toggle (start, self->misspelt_tag);
  gtk_text_iter_forward_to_tag_toggle (end, self->misspelt_tag);

  return TRUE;
}

static void
update_menu (PlenarySpellHighlighter *self,
             const GtkTextIter       *iter)
{
  g_autofree char *word = NULL;
  g_auto(GStrv) suggestions = NULL;
  g_autoptr(GMenu) section = NULL;
  GtkTextIter start, end;

  g_menu_remove_all (self->menu);

  g_signal_emit (self, signals[MENU_REQUESTED], 0);
  if (!is_active (self))
    return;

  /* The background check runs below input: a word typed just before the
   * menu was asked for may not be checked yet. Its line is, now, word at
   * the cursor included. */
  {
    GtkTextIter line = *iter;
    gboolean typing = self->typing;
    int offset = gtk_text_iter_get_offset (iter);

    self->typing = FALSE;
    check_line (self, &line);
    self->typing = typing;
    /* Tags toggled: iterators are no longer valid. */
    gtk_text_buffer_get_iter_at_offset (self->buffer, &line, offset);

    if (!misspelt_word_at (self, &line, &start, &end))
      return;
  }

  gtk_text_buffer_move_mark (self->buffer, self->menu_start, &start);
  gtk_text_buffer_move_mark (self->buffer, self->menu_end, &end);
  word = gtk_text_iter_get_slice (&start, &end);
  suggestions = plenary_spell_checker_suggest (self->checker, word, MAX_SUGGESTIONS);

  section = g_menu_new ();
  for (guint i = 0; suggestions[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (suggestions[i], NULL);

      g_menu_item_set_action_and_target (item, "spelling.replace", "s", suggestions[i]);
      g_menu_append_item (section, item);
    }
  if (suggestions[0] == NULL)
    g_menu_append (section, _("No Suggestions"), "spelling.none");
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (section));

  g_clear_object (&section);
  section = g_menu_new ();
  g_menu_append (section, _("Add t_o Dictionary"), "spelling.add");
  g_menu_append (section, _("_Ignore"), "spelling.ignore");
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (section));
}

static void
on_click_pressed (PlenarySpellHighlighter *self,
                  int                      n_press,
                  double                   x,
                  double                   y,
                  GtkGestureClick         *gesture)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  gtk_text_view_get_iter_at_location (self->view, &iter, bx, by);
  update_menu (self, &iter);
}

/* Menu key or Shift+F10: the word at the cursor. */
static gboolean
on_key_pressed (PlenarySpellHighlighter *self,
                guint                    keyval,
                guint                    keycode,
                GdkModifierType          state,
                GtkEventControllerKey   *controller)
{
  if (keyval == GDK_KEY_Menu || (keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK)))
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
      update_menu (self, &iter);
    }

  return GDK_EVENT_PROPAGATE;
}

static char *
dup_menu_word (PlenarySpellHighlighter *self,
               GtkTextIter             *start,
               GtkTextIter             *end)
{
  gtk_text_buffer_get_iter_at_mark (self->buffer, start, self->menu_start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, end, self->menu_end);

  return gtk_text_iter_get_slice (start, end);
}

static void
replace_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  PlenarySpellHighlighter *self = user_data;
  GtkTextIter start, end;
  g_autofree char *word = dup_menu_word (self, &start, &end);

  if (word[0] == '\0')
    return;

  plenary_text_buffer_replace (self->buffer, &start, &end, g_variant_get_string (param, NULL));
  gtk_text_buffer_place_cursor (self->buffer, &end);
}

/* "Add to Dictionary" keeps the word for good, "Ignore" for this session. */
static void
accept_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  PlenarySpellHighlighter *self = user_data;
  GtkTextIter start, end;
  g_autofree char *word = dup_menu_word (self, &start, &end);

  if (word[0] == '\0')
    return;

  if (g_str_equal (g_action_get_name (G_ACTION (action)), "add"))
    plenary_spell_checker_add_word (self->checker, word);
  else
    plenary_spell_checker_ignore_word (self->checker, word);
  plenary_spell_highlighter_recheck (self);
}

static void
add_context_menu (PlenarySpellHighlighter *self)
{
  static const GActionEntry entries[] = {
    { "replace", replace_action, "s" },
    { "add", accept_action },
    { "ignore", accept_action },
    { "none" },
  };
  g_autoptr(GMenu) menu = g_menu_new ();
  GMenuModel *previous = gtk_text_view_get_extra_menu (self->view);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "none")), FALSE);
  gtk_widget_insert_action_group (GTK_WIDGET (self->view), "spelling", G_ACTION_GROUP (self->actions));

  /* The spelling of the word clicked comes first, then the view's items. */
  self->menu = g_menu_new ();
  g_menu_append_section (menu, NULL, G_MENU_MODEL (self->menu));
  if (previous != NULL)
    {
      self->previous_menu = g_object_ref (previous);
      g_menu_append_section (menu, NULL, previous);
    }
  gtk_text_view_set_extra_menu (self->view, G_MENU_MODEL (menu));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_click_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (click));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->view), keys);
}

/* GObject ------------------------------------------------------------------ */

static void
plenary_spell_highlighter_dispose (GObject *object)
{
  PlenarySpellHighlighter *self = PLENARY_SPELL_HIGHLIGHTER (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->buffer != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->buffer, self);
      gtk_text_tag_table_remove (gtk_text_buffer_get_tag_table (self->buffer), self->pending_tag);
      gtk_text_buffer_delete_mark (self->buffer, self->deferred);
      gtk_text_buffer_delete_mark (self->buffer, self->menu_start);
      gtk_text_buffer_delete_mark (self->buffer, self->menu_end);
    }
  /* Its actions point to this object. */
  if (self->view != NULL)
    gtk_widget_insert_action_group (GTK_WIDGET (self->view), "spelling", NULL);
  g_clear_object (&self->checker);
  g_clear_object (&self->menu);
  g_clear_object (&self->previous_menu);
  g_clear_object (&self->actions);
  g_clear_object (&self->buffer);
  g_clear_object (&self->view);

  G_OBJECT_CLASS (plenary_spell_highlighter_parent_class)->dispose (object);
}

static void
plenary_spell_highlighter_finalize (GObject *object)
{
  PlenarySpellHighlighter *self = PLENARY_SPELL_HIGHLIGHTER (object);

  g_clear_pointer (&self->skip_tags, g_ptr_array_unref);

  G_OBJECT_CLASS (plenary_spell_highlighter_parent_class)->finalize (object);
}

static void
plenary_spell_highlighter_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  PlenarySpellHighlighter *self = PLENARY_SPELL_HIGHLIGHTER (object);

  switch (prop_id)
    {
    case PROP_CHECKER:
      g_value_set_object (value, self->checker);
      break;
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case PROP_CHECKING:
      g_value_set_boolean (value, plenary_spell_highlighter_get_checking (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_spell_highlighter_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  PlenarySpellHighlighter *self = PLENARY_SPELL_HIGHLIGHTER (object);

  switch (prop_id)
    {
    case PROP_CHECKER:
      plenary_spell_highlighter_set_checker (self, g_value_get_object (value));
      break;
    case PROP_ENABLED:
      plenary_spell_highlighter_set_enabled (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_spell_highlighter_class_init (PlenarySpellHighlighterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plenary_spell_highlighter_dispose;
  object_class->finalize = plenary_spell_highlighter_finalize;
  object_class->get_property = plenary_spell_highlighter_get_property;
  object_class->set_property = plenary_spell_highlighter_set_property;

  properties[PROP_CHECKER] =
    g_param_spec_object ("checker", NULL, NULL, PLENARY_TYPE_SPELL_CHECKER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CHECKING] =
    g_param_spec_boolean ("checking", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The context menu is about to show the spelling of a word: a checker
   * still to come should come now. */
  signals[MENU_REQUESTED] =
    g_signal_new ("menu-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
plenary_spell_highlighter_init (PlenarySpellHighlighter *self)
{
  self->enabled = TRUE;
  self->skip_tags = g_ptr_array_new_with_free_func (g_free);
}

PlenarySpellHighlighter *
plenary_spell_highlighter_new (GtkTextView *view)
{
  PlenarySpellHighlighter *self;
  GtkTextIter start;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  self = g_object_new (PLENARY_TYPE_SPELL_HIGHLIGHTER, NULL);
  self->view = g_object_ref (view);
  self->buffer = g_object_ref (gtk_text_view_get_buffer (view));

  self->misspelt_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (self->buffer),
                                                  PLENARY_SPELL_HIGHLIGHTER_TAG);
  if (self->misspelt_tag == NULL)
    {
      GdkRGBA red = { 0.88f, 0.11f, 0.14f, 1.0f };

      self->misspelt_tag = gtk_text_buffer_create_tag (self->buffer, PLENARY_SPELL_HIGHLIGHTER_TAG,
                                                       "underline", PANGO_UNDERLINE_ERROR,
                                                       "underline-rgba", &red, NULL);
    }
  self->pending_tag = gtk_text_buffer_create_tag (self->buffer, NULL, NULL);

  gtk_text_buffer_get_start_iter (self->buffer, &start);
  self->deferred = gtk_text_buffer_create_mark (self->buffer, NULL, &start, TRUE);
  self->menu_start = gtk_text_buffer_create_mark (self->buffer, NULL, &start, TRUE);
  self->menu_end = gtk_text_buffer_create_mark (self->buffer, NULL, &start, FALSE);

  g_signal_connect_object (self->buffer, "insert-text", G_CALLBACK (on_insert_text_after), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "delete-range", G_CALLBACK (on_delete_range_after), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "mark-set", G_CALLBACK (on_mark_set), self, G_CONNECT_SWAPPED);

  add_context_menu (self);

  return self;
}

PlenarySpellChecker *
plenary_spell_highlighter_get_checker (PlenarySpellHighlighter *self)
{
  g_return_val_if_fail (PLENARY_IS_SPELL_HIGHLIGHTER (self), NULL);
  return self->checker;
}

void
plenary_spell_highlighter_set_checker (PlenarySpellHighlighter *self,
                                       PlenarySpellChecker     *checker)
{
  g_return_if_fail (PLENARY_IS_SPELL_HIGHLIGHTER (self));
  g_return_if_fail (checker == NULL || PLENARY_IS_SPELL_CHECKER (checker));

  if (g_set_object (&self->checker, checker))
    {
      plenary_spell_highlighter_recheck (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKER]);
    }
}

gboolean
plenary_spell_highlighter_get_enabled (PlenarySpellHighlighter *self)
{
  g_return_val_if_fail (PLENARY_IS_SPELL_HIGHLIGHTER (self), FALSE);
  return self->enabled;
}

void
plenary_spell_highlighter_set_enabled (PlenarySpellHighlighter *self,
                                       gboolean                 enabled)
{
  g_return_if_fail (PLENARY_IS_SPELL_HIGHLIGHTER (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;

  self->enabled = enabled;
  plenary_spell_highlighter_recheck (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

gboolean
plenary_spell_highlighter_get_checking (PlenarySpellHighlighter *self)
{
  g_return_val_if_fail (PLENARY_IS_SPELL_HIGHLIGHTER (self), FALSE);
  return self->check_source != 0;
}

void
plenary_spell_highlighter_skip_tag (PlenarySpellHighlighter *self,
                                    const char              *tag_name)
{
  g_return_if_fail (PLENARY_IS_SPELL_HIGHLIGHTER (self));
  g_return_if_fail (tag_name != NULL);

  g_ptr_array_add (self->skip_tags, g_strdup (tag_name));
}

void
plenary_spell_highlighter_set_form_func (PlenarySpellHighlighter *self,
                                         PlenarySpellFormFunc     func,
                                         gpointer                 user_data)
{
  g_return_if_fail (PLENARY_IS_SPELL_HIGHLIGHTER (self));

  self->form_func = func;
  self->form_data = user_data;
}

void
plenary_spell_highlighter_recheck_lines (PlenarySpellHighlighter *self,
                                         guint                    first,
                                         guint                    last)
{
  GtkTextIter start, end;

  g_return_if_fail (PLENARY_IS_SPELL_HIGHLIGHTER (self));

  if (!is_active (self))
    return;
  gtk_text_buffer_get_iter_at_line (self->buffer, &start, first);
  gtk_text_buffer_get_iter_at_line (self->buffer, &end, last);
  mark_lines (self, &start, &end);
}

/* Comments being written ----------------------------------------------------- */

static void
check_entry (PlenarySpellChecker *checker,
             GtkEntry            *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autoptr(GArray) ranges = NULL;
  int cursor = gtk_editable_get_position (GTK_EDITABLE (entry));
  const char *cursor_at = g_utf8_offset_to_pointer (text, cursor);

  ranges = plenary_spell_checker_check_text (checker, text, -1);
  for (guint i = 0; i < ranges->len; i++)
    {
      const PlenarySpellRange *range = &g_array_index (ranges, PlenarySpellRange, i);
      PangoAttribute *underline, *color;

      /* Not the word being typed. */
      if (text + range->start <= cursor_at && cursor_at <= text + range->end)
        continue;

      underline = pango_attr_underline_new (PANGO_UNDERLINE_ERROR);
      color = pango_attr_underline_color_new (0xe000, 0x1c00, 0x2400);
      underline->start_index = color->start_index = range->start;
      underline->end_index = color->end_index = range->end;
      pango_attr_list_insert (attrs, underline);
      pango_attr_list_insert (attrs, color);
    }

  gtk_entry_set_attributes (entry, attrs);
}

static void
on_entry_cursor_moved (PlenarySpellChecker *checker,
                       GParamSpec          *pspec,
                       GtkEntry            *entry)
{
  check_entry (checker, entry);
}

void
plenary_spell_entry_set_checker (GtkEntry            *entry,
                                 PlenarySpellChecker *checker)
{
  g_return_if_fail (GTK_IS_ENTRY (entry));
  g_return_if_fail (checker == NULL || PLENARY_IS_SPELL_CHECKER (checker));

  /* The checker rides on the handlers (their data), and goes with them. */
  g_signal_handlers_disconnect_matched (entry, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, check_entry, NULL);
  g_signal_handlers_disconnect_matched (entry, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_entry_cursor_moved, NULL);
  gtk_entry_set_attributes (entry, NULL);

  if (checker == NULL || !plenary_spell_checker_has_dictionary (checker))
    return;

  g_signal_connect_data (entry, "changed", G_CALLBACK (check_entry), g_object_ref (checker),
                         (GClosureNotify) (void (*) (void)) g_object_unref, G_CONNECT_SWAPPED);
  g_signal_connect_data (entry, "notify::cursor-position", G_CALLBACK (on_entry_cursor_moved), g_object_ref (checker),
                         (GClosureNotify) (void (*) (void)) g_object_unref, G_CONNECT_SWAPPED);
  check_entry (checker, entry);
}
