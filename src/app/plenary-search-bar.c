/* plenary-search-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-search-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-search-bar.h"
#include "plenary-text-replace.h"

/* The editor's tag over typed numbers and markers, drawn rather than shown. */
#define HIDDEN_TAG "plenary-hidden"

struct _PlenarySearchBar
{
  GtkWidget                parent_instance;

  GtkSourceView           *view;
  GtkTextBuffer           *buffer;
  GtkSourceSearchSettings *settings;
  GtkSourceSearchContext  *context;
  GtkTextMark             *origin;     /* where typing the search started */

  gboolean                 case_sensitive;
  gboolean                 whole_words;
  gboolean                 ignore_accents;
  gboolean                 regex;
  guint                    replaced;   /* after Replace All, until the search changes */
  /* What to find when the bar opened, selected in an idle unless the user
   * has typed since (keys typed right after Ctrl+H are kept). */
  char                    *opened_text;

  GtkRevealer             *revealer;
  GtkSearchEntry          *search_entry;
  GtkLabel                *count_label;
  GtkToggleButton         *replace_toggle;
  GtkWidget               *replace_box;
  GtkEntry                *replace_entry;
};

G_DEFINE_FINAL_TYPE (PlenarySearchBar, plenary_search_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CASE_SENSITIVE,
  PROP_WHOLE_WORDS,
  PROP_IGNORE_ACCENTS,
  PROP_REGEX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Ignoring accents ----------------------------------------------------------- */

static gunichar
base_letter (gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

  if (g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed)) > 0)
    return decomposed[0];

  return c;
}

/* A regular expression matching TEXT with or without its accents: each
 * letter becomes the class of the Latin letters with the same base. */
static char *
accent_pattern (const char *text)
{
  GString *pattern = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar base = base_letter (c);
      char utf8[8];
      int len;

      if (!g_unichar_isalpha (base) || base > 0x7f)
        {
          g_autofree char *escaped = NULL;

          len = g_unichar_to_utf8 (c, utf8);
          escaped = g_regex_escape_string (utf8, len);
          g_string_append (pattern, escaped);
          continue;
        }

      g_string_append_c (pattern, '[');
      g_string_append_unichar (pattern, base);
      /* Latin-1 Supplement to Latin Extended-B. */
      for (gunichar v = 0xC0; v <= 0x24F; v++)
        if (v != base && base_letter (v) == base)
          g_string_append_unichar (pattern, v);
      g_string_append_c (pattern, ']');
    }

  return g_string_free (pattern, FALSE);
}

/* Searching ------------------------------------------------------------------ */

static void
update_settings (PlenarySearchBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean accents = self->ignore_accents && !self->regex;
  g_autofree char *search = NULL;

  gtk_source_search_settings_set_case_sensitive (self->settings, self->case_sensitive);
  gtk_source_search_settings_set_at_word_boundaries (self->settings, self->whole_words);
  gtk_source_search_settings_set_regex_enabled (self->settings, self->regex || accents);

  if (text[0] != '\0')
    search = accents ? accent_pattern (text) : g_strdup (text);
  /* The same text again would scan the draft again. */
  if (g_strcmp0 (search, gtk_source_search_settings_get_search_text (self->settings)) != 0)
    gtk_source_search_settings_set_search_text (self->settings, search);
}

static gboolean
is_hidden (PlenarySearchBar  *self,
           const GtkTextIter *iter)
{
  GtkTextTag *hidden = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (self->buffer), HIDDEN_TAG);

  return hidden != NULL && gtk_text_iter_has_tag (iter, hidden);
}

/* The next (or previous) visible match from FROM; wraps around once. */
static gboolean
find (PlenarySearchBar  *self,
      const GtkTextIter *from,
      gboolean           forward,
      GtkTextIter       *match_start,
      GtkTextIter       *match_end)
{
  GtkTextIter iter = *from;
  GtkTextIter first;
  gboolean wrapped = FALSE, have_first = FALSE;

  if (self->context == NULL || gtk_source_search_settings_get_search_text (self->settings) == NULL)
    return FALSE;

  while (forward ? gtk_source_search_context_forward (self->context, &iter, match_start, match_end, &wrapped)
                 : gtk_source_search_context_backward (self->context, &iter, match_start, match_end, &wrapped))
    {
      if (!is_hidden (self, match_start))
        return TRUE;
      /* Only hidden matches: stop when back at the first one. */
      if (have_first && gtk_text_iter_equal (&first, match_start))
        return FALSE;
      if (!have_first)
        {
          first = *match_start;
          have_first = TRUE;
        }
      iter = forward ? *match_end : *match_start;
    }

  return FALSE;
}

static void
update_count (PlenarySearchBar *self)
{
  g_autofree char *label = NULL;
  GtkTextIter start, end;
  int count, position = 0;

  if (self->context == NULL)
    return;

  count = gtk_source_search_context_get_occurrences_count (self->context);
  if (gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    position = gtk_source_search_context_get_occurrence_position (self->context, &start, &end);

  if (self->replaced > 0)
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u replaced", "%u replaced", self->replaced),
                             self->replaced);
  else if (gtk_source_search_settings_get_search_text (self->settings) == NULL || count < 0)
    label = g_strdup ("");
  else if (count == 0)
    label = g_strdup (_("No match"));
  else if (position > 0)
    /* Translators: the match selected and the matches in the draft */
    label = g_strdup_printf (_("%d of %d"), position, count);
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d match", "%d matches", count), count);

  gtk_label_set_label (self->count_label, label);

  if (count == 0 && gtk_source_search_settings_get_search_text (self->settings) != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
}

static void
select_match (PlenarySearchBar *self,
              GtkTextIter      *start,
              GtkTextIter      *end)
{
  gtk_text_buffer_select_range (self->buffer, start, end);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->view), gtk_text_buffer_get_insert (self->buffer),
                                0.25, FALSE, 0.0, 0.0);
  update_count (self);
}

static gboolean
go (PlenarySearchBar *self,
    gboolean          forward)
{
  GtkTextIter start, end, from, match_start, match_end;

  if (self->buffer == NULL)
    return FALSE;

  /* The entry tells of changes after a pause: a key pressed before then
   * must see the text typed. */
  update_settings (self);
  gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end);
  from = forward ? end : start;
  if (!find (self, &from, forward, &match_start, &match_end))
    return FALSE;

  select_match (self, &match_start, &match_end);
  return TRUE;
}

static void
on_search_changed (PlenarySearchBar *self)
{
  GtkTextIter origin, match_start, match_end;

  self->replaced = 0;
  update_settings (self);
  if (self->buffer == NULL)
    return;

  /* As you type: the first match from where the search started. */
  gtk_text_buffer_get_iter_at_mark (self->buffer, &origin, self->origin);
  if (find (self, &origin, TRUE, &match_start, &match_end))
    select_match (self, &match_start, &match_end);
  else
    update_count (self);
}

static void
on_search_activate (PlenarySearchBar *self)
{
  self->replaced = 0;
  go (self, TRUE);
}

static void
on_previous_match (PlenarySearchBar *self)
{
  self->replaced = 0;
  go (self, FALSE);
}

static void
on_stop_search (PlenarySearchBar *self)
{
  plenary_search_bar_close (self);
}

static gboolean
on_shift_enter (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  on_previous_match (PLENARY_SEARCH_BAR (user_data));
  return TRUE;
}

/* Tab goes from what to find to what to replace it with. */
static gboolean
on_tab (GtkWidget *widget,
        GVariant  *args,
        gpointer   user_data)
{
  PlenarySearchBar *self = user_data;

  if (!gtk_widget_get_visible (self->replace_box))
    return FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (self->replace_entry));
  return TRUE;
}

static gboolean
on_replace_all_key (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  return gtk_widget_activate_action (GTK_WIDGET (user_data), "search.replace-all", NULL);
}

static gboolean
on_escape (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  plenary_search_bar_close (PLENARY_SEARCH_BAR (user_data));
  return TRUE;
}

/* Replacing ------------------------------------------------------------------ */

/* The replacement as the search context expects it: when the user did not
 * ask for a regular expression, a backslash is only a backslash. */
static char *
dup_replacement (PlenarySearchBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  g_auto(GStrv) parts = NULL;

  if (self->regex || !gtk_source_search_settings_get_regex_enabled (self->settings))
    return g_strdup (text);

  parts = g_strsplit (text, "\\", -1);
  return g_strjoinv ("\\\\", parts);
}

/* Replaces the match [START, END); both end up around the new text. A
 * regular expression's references (\1) are for the search context to
 * expand; a literal replacement keeps comments on their words. */
static gboolean
replace_match (PlenarySearchBar  *self,
               GtkTextIter       *start,
               GtkTextIter       *end,
               const char        *replacement,
               GError           **error)
{
  if (self->regex)
    return gtk_source_search_context_replace (self->context, start, end, replacement, -1, error);

  plenary_text_buffer_replace (self->buffer, start, end, gtk_editable_get_text (GTK_EDITABLE (self->replace_entry)));
  return TRUE;
}

static void
replace_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PlenarySearchBar *self = PLENARY_SEARCH_BAR (widget);
  g_autofree char *replacement = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;

  if (self->context == NULL)
    return;

  update_settings (self);
  self->replaced = 0;
  /* The selection is a match: replace it, then go to the next one. */
  if (gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end) &&
      gtk_source_search_context_get_occurrence_position (self->context, &start, &end) > 0 &&
      !is_hidden (self, &start))
    {
      replacement = dup_replacement (self);
      if (!replace_match (self, &start, &end, replacement, &error))
        {
          gtk_label_set_label (self->count_label, error->message);
          return;
        }
      gtk_text_buffer_place_cursor (self->buffer, &end);
    }

  go (self, TRUE);
}

static void
replace_all_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PlenarySearchBar *self = PLENARY_SEARCH_BAR (widget);
  g_autofree char *replacement = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter iter, match_start, match_end;
  guint replaced = 0;

  if (self->context == NULL)
    return;

  update_settings (self);
  if (gtk_source_search_settings_get_search_text (self->settings) == NULL)
    return;

  replacement = dup_replacement (self);

  /* One user action: a single Undo takes every replacement back. Matches
   * are taken from the start to the end without wrapping around, so that
   * a replacement containing the search text is not replaced again. */
  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  for (;;)
    {
      gboolean wrapped = FALSE;

      if (!gtk_source_search_context_forward (self->context, &iter, &match_start, &match_end, &wrapped) || wrapped)
        break;

      if (is_hidden (self, &match_start))
        {
          iter = match_end;
          if (gtk_text_iter_equal (&match_start, &match_end) && !gtk_text_iter_forward_char (&iter))
            break;
          continue;
        }

      if (!replace_match (self, &match_start, &match_end, replacement, &error))
        break;
      replaced++;
      iter = match_end;
      /* An empty match (a regular expression such as ^) moves on a character. */
      if (gtk_text_iter_equal (&match_start, &match_end) && !gtk_text_iter_forward_char (&iter))
        break;
    }
  gtk_text_buffer_end_user_action (self->buffer);

  if (error != NULL)
    {
      gtk_label_set_label (self->count_label, error->message);
      return;
    }

  self->replaced = replaced;
  update_count (self);
}

static void
on_replace_activate (PlenarySearchBar *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "search.replace", NULL);
}

static void
on_replace_toggled (PlenarySearchBar *self)
{
  gboolean active = gtk_toggle_button_get_active (self->replace_toggle);

  gtk_widget_set_visible (self->replace_box, active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.replace", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.replace-all", active);
}

/* Actions -------------------------------------------------------------------- */

static void
go_action (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  PlenarySearchBar *self = PLENARY_SEARCH_BAR (widget);

  self->replaced = 0;
  go (self, g_str_equal (action_name, "search.next"));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  plenary_search_bar_close (PLENARY_SEARCH_BAR (widget));
}

/* GObject -------------------------------------------------------------------- */

static void
plenary_search_bar_dispose (GObject *object)
{
  PlenarySearchBar *self = PLENARY_SEARCH_BAR (object);

  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_object (&self->buffer);
  g_clear_object (&self->view);
  g_clear_pointer (&self->opened_text, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_SEARCH_BAR);

  G_OBJECT_CLASS (plenary_search_bar_parent_class)->dispose (object);
}

static gboolean *
option_field (PlenarySearchBar *self,
              guint             prop_id)
{
  switch (prop_id)
    {
    case PROP_CASE_SENSITIVE: return &self->case_sensitive;
    case PROP_WHOLE_WORDS: return &self->whole_words;
    case PROP_IGNORE_ACCENTS: return &self->ignore_accents;
    case PROP_REGEX: return &self->regex;
    default: return NULL;
    }
}

static void
plenary_search_bar_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  gboolean *field = option_field (PLENARY_SEARCH_BAR (object), prop_id);

  if (field != NULL)
    g_value_set_boolean (value, *field);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
plenary_search_bar_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PlenarySearchBar *self = PLENARY_SEARCH_BAR (object);
  gboolean *field = option_field (self, prop_id);

  if (field == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (*field == g_value_get_boolean (value))
    return;

  *field = g_value_get_boolean (value);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.ignore-accents", !self->regex);
  on_search_changed (self);
  g_object_notify_by_pspec (object, pspec);
}

static void
plenary_search_bar_class_init (PlenarySearchBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plenary_search_bar_dispose;
  object_class->get_property = plenary_search_bar_get_property;
  object_class->set_property = plenary_search_bar_set_property;

  properties[PROP_CASE_SENSITIVE] =
    g_param_spec_boolean ("case-sensitive", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WHOLE_WORDS] =
    g_param_spec_boolean ("whole-words", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_IGNORE_ACCENTS] =
    g_param_spec_boolean ("ignore-accents", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REGEX] =
    g_param_spec_boolean ("regex", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/plenary/Plenary/plenary-search-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenarySearchBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, PlenarySearchBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PlenarySearchBar, count_label);
  gtk_widget_class_bind_template_child (widget_class, PlenarySearchBar, replace_toggle);
  gtk_widget_class_bind_template_child (widget_class, PlenarySearchBar, replace_box);
  gtk_widget_class_bind_template_child (widget_class, PlenarySearchBar, replace_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_match);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_replace_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_replace_toggled);

  gtk_widget_class_install_action (widget_class, "search.next", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "search.previous", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "search.replace", NULL, replace_action);
  gtk_widget_class_install_action (widget_class, "search.replace-all", NULL, replace_all_action);
  gtk_widget_class_install_action (widget_class, "search.close", NULL, close_action);
  /* From the buttons too, not only from the entries. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "search.close", NULL);
  gtk_widget_class_install_property_action (widget_class, "search.case-sensitive", "case-sensitive");
  gtk_widget_class_install_property_action (widget_class, "search.whole-words", "whole-words");
  gtk_widget_class_install_property_action (widget_class, "search.ignore-accents", "ignore-accents");
  gtk_widget_class_install_property_action (widget_class, "search.regex", "regex");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "plenary-search-bar");
}

static void
add_key (GtkWidget *widget,
         guint      keyval,
         GdkModifierType modifiers,
         GtkShortcutFunc callback,
         gpointer   data)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  /* Before the entry sees the key. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                                          gtk_callback_action_new (callback, data, NULL)));
  gtk_widget_add_controller (widget, shortcuts);
}

static void
plenary_search_bar_init (PlenarySearchBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = gtk_source_search_settings_new ();
  gtk_source_search_settings_set_wrap_around (self->settings, TRUE);
  on_replace_toggled (self);

  add_key (GTK_WIDGET (self->search_entry), GDK_KEY_Return, GDK_SHIFT_MASK, on_shift_enter, self);
  add_key (GTK_WIDGET (self->search_entry), GDK_KEY_KP_Enter, GDK_SHIFT_MASK, on_shift_enter, self);
  add_key (GTK_WIDGET (self->search_entry), GDK_KEY_Tab, 0, on_tab, self);
  add_key (GTK_WIDGET (self->replace_entry), GDK_KEY_Escape, 0, on_escape, self);
  add_key (GTK_WIDGET (self->replace_entry), GDK_KEY_Return, GDK_CONTROL_MASK, on_replace_all_key, self);
  add_key (GTK_WIDGET (self->search_entry), GDK_KEY_Return, GDK_CONTROL_MASK, on_replace_all_key, self);
}

PlenarySearchBar *
plenary_search_bar_new (void)
{
  return g_object_new (PLENARY_TYPE_SEARCH_BAR, NULL);
}

void
plenary_search_bar_set_view (PlenarySearchBar *self,
                             GtkSourceView    *view)
{
  GtkTextIter start;

  g_return_if_fail (PLENARY_IS_SEARCH_BAR (self));
  g_return_if_fail (GTK_SOURCE_IS_VIEW (view));

  g_clear_object (&self->context);
  g_set_object (&self->view, view);
  g_set_object (&self->buffer, gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));

  gtk_text_buffer_get_start_iter (self->buffer, &start);
  self->origin = gtk_text_buffer_create_mark (self->buffer, NULL, &start, TRUE);
}

/* After the entry took the focus, which puts the cursor where it was:
 * what is typed next replaces the previous search. */
static gboolean
select_search_text (gpointer data)
{
  g_autoptr(PlenarySearchBar) self = data;
  g_autofree char *opened_text = g_steal_pointer (&self->opened_text);

  if (self->search_entry != NULL &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), opened_text) == 0)
    gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);

  return G_SOURCE_REMOVE;
}

void
plenary_search_bar_open (PlenarySearchBar *self,
                         gboolean          replace)
{
  GtkTextIter start, end;

  g_return_if_fail (PLENARY_IS_SEARCH_BAR (self));
  g_return_if_fail (self->buffer != NULL);

  /* The selected words, when they fit on a line, are what to find. */
  if (gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end) &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end))
    {
      g_autofree char *selected = gtk_text_iter_get_visible_text (&start, &end);

      gtk_text_buffer_move_mark (self->buffer, self->origin, &start);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), selected);
    }
  else
    {
      gtk_text_buffer_get_iter_at_mark (self->buffer, &start, gtk_text_buffer_get_insert (self->buffer));
      gtk_text_buffer_move_mark (self->buffer, self->origin, &start);
    }

  if (self->context == NULL)
    {
      self->context = gtk_source_search_context_new (GTK_SOURCE_BUFFER (self->buffer), self->settings);
      g_signal_connect_object (self->context, "notify::occurrences-count",
                               G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
    }
  gtk_source_search_context_set_highlight (self->context, TRUE);
  update_settings (self);
  update_count (self);

  gtk_toggle_button_set_active (self->replace_toggle, replace || gtk_toggle_button_get_active (self->replace_toggle));
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  g_free (self->opened_text);
  self->opened_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_idle_add (select_search_text, g_object_ref (self));
}

void
plenary_search_bar_close (PlenarySearchBar *self)
{
  g_return_if_fail (PLENARY_IS_SEARCH_BAR (self));

  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  gtk_toggle_button_set_active (self->replace_toggle, FALSE);
  /* No highlighting cost while typing with the bar closed. */
  g_clear_object (&self->context);
  if (self->view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

gboolean
plenary_search_bar_is_open (PlenarySearchBar *self)
{
  g_return_val_if_fail (PLENARY_IS_SEARCH_BAR (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}
