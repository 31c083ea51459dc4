/* plenary-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plenary-draft-spelling.h"
#include "plenary-editor-view.h"
#include "plenary-outline.h"
#include "plenary-brief.h"
#include "plenary-clause-picker.h"
#include "plenary-dialogs.h"
#include "plenary-header-form.h"
#include "plenary-page.h"
#include "plenary-paragraph-status.h"
#include "plenary-phrase-completion.h"
#include "plenary-problems.h"
#include "plenary-search-bar.h"

struct _PlenaryPage
{
  GtkWidget          parent_instance;

  PlenaryDocument   *document;
  PlenaryOutline    *outline;
  PlenaryProblems   *problems;
  PlenaryAnnotations *annotations;
  PlenaryDraftSpelling *spelling;
  /* The citation under the last right click, for "Open Cited Source". */
  PlenaryAnnotation *context_citation;

  GtkScrolledWindow *scroller;
  PlenaryEditorView *view;
  PlenarySearchBar  *search_bar;
  PlenaryHeaderForm *header_form;
  GtkLabel          *length_label;
  guint              measure_source;
  /* When the page last said why an edit was not made. */
  gint64             refused_at;
  guint              measure_cost_ms;
  guint              paginate_source;
  PlenaryPageLayout *layout;             /* being paginated */
  PlenaryBriefStats  stats;
  GSettings         *settings;
  /* Follows the header of the draft shown, for its page limit. */
  GSignalGroup      *metadata_signals;
  GtkRevealer       *banner;
  GtkLabel          *banner_label;
  GtkWidget         *cancel_button;
  GtkWidget         *keep_button;
  GtkWidget         *reload_button;
  GtkWidget         *save_as_button;
  GtkWidget         *close_button;
};

G_DEFINE_FINAL_TYPE (PlenaryPage, plenary_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_IS_MODIFIED,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  COMMENT_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Presenting the document ---------------------------------------------- */

static void
notify_title (PlenaryPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
notify_subtitle (PlenaryPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

static void
notify_modified (PlenaryPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_MODIFIED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
notify_busy (PlenaryPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The editor follows the light or dark style of the desktop. */
static void
update_style_scheme (PlenaryPage *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  GtkSourceBuffer *buffer = plenary_document_get_buffer (self->document);
  const char *id = adw_style_manager_get_dark (manager) ? "Adwaita-dark" : "Adwaita";

  gtk_source_buffer_set_style_scheme (buffer, gtk_source_style_scheme_manager_get_scheme (schemes, id));
}

/* The file could not be read, or another program changed or removed it:
 * say so above the text. */
static void
update_banner (PlenaryPage *self)
{
  PlenaryDiskState state = plenary_document_get_disk_state (self->document);
  const GError *error = plenary_document_get_error (self->document);
  gboolean loading = plenary_document_get_loading (self->document);

  /* A large file takes a while to open: it can be stopped. */
  gtk_widget_set_visible (self->cancel_button, loading);
  if (loading)
    {
      g_autofree char *message = g_strdup_printf (_("Opening “%s”…"), plenary_document_get_title (self->document));

      gtk_label_set_label (self->banner_label, message);
      gtk_widget_set_visible (self->keep_button, FALSE);
      gtk_widget_set_visible (self->reload_button, FALSE);
      gtk_widget_set_visible (self->save_as_button, FALSE);
      gtk_widget_set_visible (self->close_button, FALSE);
      gtk_revealer_set_reveal_child (self->banner, TRUE);
      return;
    }

  if (error != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("“%s” could not be read: %s"),
                                                plenary_document_get_title (self->document),
                                                error->message);
      gtk_label_set_label (self->banner_label, label);
    }
  else if (state == PLENARY_DISK_STATE_CHANGED)
    gtk_label_set_label (self->banner_label,
                         _("The file was changed by another program. Reload it, or keep your version?"));
  else if (state == PLENARY_DISK_STATE_DELETED)
    gtk_label_set_label (self->banner_label,
                         _("The file was deleted or moved. The draft is still open: save it to keep it."));

  gtk_widget_set_visible (self->keep_button, error == NULL && state == PLENARY_DISK_STATE_CHANGED);
  gtk_widget_set_visible (self->reload_button, error != NULL || state == PLENARY_DISK_STATE_CHANGED);
  gtk_widget_set_visible (self->save_as_button, error == NULL && state == PLENARY_DISK_STATE_DELETED);
  gtk_widget_set_visible (self->close_button, error != NULL);
  gtk_revealer_set_reveal_child (self->banner, error != NULL || state != PLENARY_DISK_STATE_SAME);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PlenaryPage *self = PLENARY_PAGE (widget);

  /* A failure shows in the banner, through the document's "error". */
  plenary_document_load_async (self->document, NULL, NULL, NULL);
}

/* Ctrl+Shift+I: the clause picker, for this page's draft. */
static void
insert_clause_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PlenaryPage *self = PLENARY_PAGE (widget);

  gtk_window_present (GTK_WINDOW (plenary_clause_picker_new (self->view)));
}

/* The citation at the cursor, or under the last right click. */
static PlenaryAnnotation *
get_context_citation (PlenaryPage *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (self->document));
  GtkTextIter iter;

  if (self->context_citation != NULL)
    return self->context_citation;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return plenary_annotations_citation_at (self->annotations, gtk_text_iter_get_offset (&iter));
}

/* Clauses are offered in resolutions, not in briefs; a citation opens
 * from the cursor on it. */
static void
update_actions (PlenaryPage *self)
{
  PlenaryDraft *draft = plenary_document_get_draft (self->document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.insert-clause",
                                 plenary_draft_get_kind (draft) == PLENARY_DRAFT_KIND_RESOLUTION);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.open-citation",
                                 self->annotations != NULL && get_context_citation (self) != NULL);
}

static void
on_cursor_moved (PlenaryPage *self)
{
  g_clear_object (&self->context_citation);
  update_actions (self);
}

static void
open_citation_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PlenaryPage *self = PLENARY_PAGE (widget);
  g_autoptr(PlenaryAnnotation) citation = NULL;

  if ((citation = get_context_citation (self)) != NULL)
    {
      g_object_ref (citation);
      g_clear_object (&self->context_citation);
      plenary_annotations_activate_citation (self->annotations, citation);
    }
}

/* Ctrl+Alt+M: a comment on the words selected in the draft, written in
 * the comments panel ("comment-added"). */
static void
comment_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PlenaryPage *self = PLENARY_PAGE (widget);
  g_autoptr(GError) error = NULL;
  PlenaryAnnotation *comment;

  if (plenary_ask_author_first (widget, action_name, param))
    return;

  if ((comment = plenary_annotations_add_comment (self->annotations, "", &error)) == NULL)
    gtk_widget_activate_action (widget, "win.show-toast", "s", error->message);
  else
    g_signal_emit (self, signals[COMMENT_ADDED], 0, comment);
}

static void
cancel_loading_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PlenaryPage *self = PLENARY_PAGE (widget);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (self->document));

  plenary_document_cancel_loading (self->document);

  /* A file stopped while opening leaves nothing to show: its tab goes. A
   * reload stopped keeps the text as it was. */
  if (gtk_text_buffer_get_char_count (buffer) == 0 && !plenary_document_get_modified (self->document))
    gtk_widget_activate_action (widget, "win.close-page", NULL);
}

static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  plenary_document_keep_mine (PLENARY_PAGE (widget)->document);
}

/* Ctrl+F finds in the draft, Ctrl+H replaces. */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  plenary_search_bar_open (PLENARY_PAGE (widget)->search_bar, g_str_equal (action_name, "page.replace"));
}

/* Words, paragraphs and pages at the export layout (with a brief's page
 * limit or a resolution's word limit), and a brief's checks that need the
 * whole text, a moment after typing stops. Pages are laid out a few at a
 * time in the background; reading the text into the draft takes a while
 * in a long one, so the pause waited for grows with what it cost. */
#define MEASURE_DELAY_MS 500
#define MEASURE_COST_FACTOR 10
#define PAGINATE_BUDGET_US 4000

static guint
count_paragraphs (GPtrArray *paragraphs)
{
  guint count = 0;

  for (guint i = 0; i < paragraphs->len; i++)
    {
      const PlenaryParagraph *paragraph = g_ptr_array_index (paragraphs, i);

      count += 1 + count_paragraphs (paragraph->children);
    }

  return count;
}

/* "1,234 words · 40 paragraphs · 5 pages": a brief's pages against its
 * page limit, a resolution's words against the word limit. */
static char *
dup_length_label (PlenaryDraft      *draft,
                  PlenaryBriefStats  stats,
                  guint              page_limit,
                  guint              word_limit)
{
  gboolean brief = plenary_draft_get_kind (draft) == PLENARY_DRAFT_KIND_BRIEF;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (!brief && word_limit > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word of %u allowed", "%u words of %u allowed", stats.words),
                                             stats.words, word_limit));
  else
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", stats.words), stats.words));

  if (!brief)
    {
      guint n = count_paragraphs (plenary_draft_get_body (draft)->paragraphs);
      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u paragraph", "%u paragraphs", n), n));
    }

  if (brief && page_limit > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page of %u allowed", "%u pages of %u allowed", stats.pages),
                                             stats.pages, page_limit));
  else
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", stats.pages), stats.pages));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* The label, and a brief's checks, once the pages are counted. */
static void
show_length (PlenaryPage *self)
{
  PlenaryDraft *draft = plenary_document_get_draft (self->document);
  guint limit = plenary_metadata_get_page_limit (plenary_draft_get_metadata (draft));
  guint word_limit = g_settings_get_uint (self->settings, "word-limit");
  gboolean brief = plenary_draft_get_kind (draft) == PLENARY_DRAFT_KIND_BRIEF;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *label = dup_length_label (draft, self->stats, limit, word_limit);
  gboolean over = brief ? limit > 0 && self->stats.pages > limit : word_limit > 0 && self->stats.words > word_limit;

  gtk_label_set_label (self->length_label, label);
  if (over)
    gtk_widget_add_css_class (GTK_WIDGET (self->length_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->length_label), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->length_label), TRUE);

  if (brief)
    {
      g_autofree char *text = NULL;
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (plenary_document_get_buffer (self->document)), &start, &end);
      text = gtk_text_iter_get_slice (&start, &end);
      problems = plenary_brief_check_text (text, plenary_draft_get_language (draft), limit, self->stats.pages);
    }
  plenary_problems_set_whole_text_problems (self->problems, problems);
}

/* A page at a time at low priority: a long resolution has hundreds. */
static gboolean
paginate (gpointer data)
{
  PlenaryPage *self = data;
  gint64 deadline = g_get_monotonic_time () + PAGINATE_BUDGET_US;

  while (!plenary_page_layout_paginate_step (self->layout))
    if (g_get_monotonic_time () >= deadline)
      return G_SOURCE_CONTINUE;

  self->paginate_source = 0;
  self->stats.pages = plenary_page_layout_get_n_pages (self->layout);
  g_clear_object (&self->layout);
  show_length (self);

  return G_SOURCE_REMOVE;
}

static gboolean
measure_draft (gpointer data)
{
  PlenaryPage *self = data;
  PlenaryDraft *draft = plenary_document_get_draft (self->document);
  gint64 began = g_get_monotonic_time ();

  self->measure_source = 0;

  /* The layout copies the draft: typing meanwhile changes nothing. */
  plenary_document_sync_draft (self->document);
  self->stats.words = plenary_brief_count_draft_words (draft);
  g_clear_object (&self->layout);
  self->layout = plenary_page_layout_new (draft, NULL);
  self->measure_cost_ms = (g_get_monotonic_time () - began) / 1000;

  g_clear_handle_id (&self->paginate_source, g_source_remove);
  self->paginate_source = g_idle_add_full (G_PRIORITY_LOW, paginate, self, NULL);

  return G_SOURCE_REMOVE;
}

static void
queue_measure (PlenaryPage *self)
{
  g_clear_handle_id (&self->measure_source, g_source_remove);
  self->measure_source = g_timeout_add (MAX (MEASURE_DELAY_MS, MEASURE_COST_FACTOR * self->measure_cost_ms),
                                        measure_draft, self);
}

/* Keys typed in another delegation's proposal do nothing: say why, once
 * while they are being typed, not at every key. */
static void
on_proposal_refused (PlenaryPage *self,
                     const char  *delegation)
{
  g_autofree char *message = NULL;
  gint64 now = g_get_monotonic_time ();

  if (now - self->refused_at < 4 * G_USEC_PER_SEC)
    return;
  self->refused_at = now;

  /* Translators: %s is a delegation, e.g. "Japan" */
  message = g_strdup_printf (_("These words are proposed by %s: only their delegation can change them, "
                               "or accept the proposal first"), delegation);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

static void
follow_draft (PlenaryPage *self)
{
  update_actions (self);
  g_signal_group_set_target (self->metadata_signals,
                             plenary_draft_get_metadata (plenary_document_get_draft (self->document)));
  queue_measure (self);
}

/* The problems under the pointer, or at the cursor from the keyboard. */
static gboolean
on_query_tooltip (PlenaryPage *self,
                  int          x,
                  int          y,
                  gboolean     keyboard_mode,
                  GtkTooltip  *tooltip)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self->view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  g_autofree char *text = NULL;
  PlenaryAnnotation *citation;
  GtkTextIter iter;

  if (keyboard_mode)
    gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  else
    {
      int bx, by;

      gtk_text_view_window_to_buffer_coords (text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
      if (!gtk_text_view_get_iter_at_location (text_view, &iter, bx, by))
        return FALSE;
    }

  if ((citation = plenary_annotations_citation_at (self->annotations, gtk_text_iter_get_offset (&iter))) != NULL)
    {
      g_autofree char *description = plenary_annotations_dup_citation_description (self->annotations, citation);

      text = g_strconcat (description, "\n", _("Ctrl+click to open the source"), NULL);
    }
  else if (!(text = plenary_problems_dup_message_at (self->problems, &iter)))
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static PlenaryAnnotation *
citation_at_location (PlenaryPage *self,
                      double       x,
                      double       y)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self->view), GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self->view), &iter, bx, by))
    return NULL;

  return plenary_annotations_citation_at (self->annotations, gtk_text_iter_get_offset (&iter));
}

/* Ctrl+click on a citation opens its passage; a right click on one offers
 * "Open Cited Source" in the menu. */
static void
on_click_pressed (PlenaryPage     *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *click)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (click));
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (click));
  PlenaryAnnotation *citation = citation_at_location (self, x, y);

  if (button == GDK_BUTTON_SECONDARY)
    {
      g_set_object (&self->context_citation, citation);
      update_actions (self);
      return;
    }

  if (button != GDK_BUTTON_PRIMARY || (state & GDK_CONTROL_MASK) == 0 || citation == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (click), GTK_EVENT_SEQUENCE_CLAIMED);
  plenary_annotations_activate_citation (self->annotations, citation);
}

/* The words of an annotation chosen in the comments panel. */
static void
on_reveal (PlenaryPage *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (self->document));

  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->view), gtk_text_buffer_get_insert (buffer),
                                0.1, FALSE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
add_citation_menu (PlenaryPage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenuModel) statuses = plenary_paragraph_status_menu_new (NULL);
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_click_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (click));

  g_menu_append (section, _("Open Cited Source"), "page.open-citation");
  /* Of the paragraph the right click put the cursor in. */
  g_menu_append_submenu (section, _("Paragraph _Status"), statuses);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_menu_append_section (menu, NULL, plenary_editor_view_get_proposal_menu (self->view));
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self->view), G_MENU_MODEL (menu));
}

static void
plenary_page_constructed (GObject *object)
{
  PlenaryPage *self = PLENARY_PAGE (object);

  G_OBJECT_CLASS (plenary_page_parent_class)->constructed (object);

  plenary_editor_view_set_document (self->view, self->document);
  self->outline = plenary_outline_new (self->document);
  self->problems = plenary_problems_new (self->document);
  g_signal_connect_object (self->view, "query-tooltip", G_CALLBACK (on_query_tooltip),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->view), TRUE);
  self->annotations = plenary_annotations_new (self->document);
  g_signal_connect_object (self->annotations, "reveal", G_CALLBACK (on_reveal), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (plenary_document_get_buffer (self->document), "notify::cursor-position",
                           G_CALLBACK (on_cursor_moved), self, G_CONNECT_SWAPPED);
  /* Before the spelling's menu, which keeps it. */
  add_citation_menu (self);
  self->spelling = plenary_draft_spelling_new (self->document, self->view);
  plenary_search_bar_set_view (self->search_bar, GTK_SOURCE_VIEW (self->view));
  plenary_header_form_set_document (self->header_form, self->document);

  {
    g_autoptr(GtkSourceCompletionProvider) phrases = plenary_phrase_completion_new (self->view);
    gtk_source_completion_add_provider (gtk_source_view_get_completion (GTK_SOURCE_VIEW (self->view)), phrases);
  }

  g_signal_connect_object (self->document, "notify::disk-state",
                           G_CALLBACK (update_banner), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::error",
                           G_CALLBACK (update_banner), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::busy",
                           G_CALLBACK (update_banner), self, G_CONNECT_SWAPPED);
  update_banner (self);

  g_signal_connect_object (self->document, "notify::title",
                           G_CALLBACK (notify_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::modified",
                           G_CALLBACK (notify_modified), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file",
                           G_CALLBACK (notify_subtitle), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::busy",
                           G_CALLBACK (notify_busy), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (plenary_document_get_buffer (self->document), "changed",
                           G_CALLBACK (queue_measure), self, G_CONNECT_SWAPPED);
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::word-limit",
                           G_CALLBACK (queue_measure), self, G_CONNECT_SWAPPED);
  self->metadata_signals = g_signal_group_new (PLENARY_TYPE_METADATA);
  g_signal_group_connect_object (self->metadata_signals, "notify::page-limit",
                                 G_CALLBACK (queue_measure), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::draft",
                           G_CALLBACK (follow_draft), self, G_CONNECT_SWAPPED);
  follow_draft (self);
  g_signal_connect_object (self->document, "proposal-refused",
                           G_CALLBACK (on_proposal_refused), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);
  update_style_scheme (self);
}

static void
plenary_page_dispose (GObject *object)
{
  PlenaryPage *self = PLENARY_PAGE (object);

  GtkWidget *child;

  g_clear_handle_id (&self->measure_source, g_source_remove);
  g_clear_handle_id (&self->paginate_source, g_source_remove);
  g_clear_object (&self->layout);
  g_clear_object (&self->metadata_signals);
  g_clear_object (&self->settings);
  g_clear_object (&self->outline);
  g_clear_object (&self->problems);
  g_clear_object (&self->context_citation);
  g_clear_object (&self->annotations);
  g_clear_object (&self->spelling);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (plenary_page_parent_class)->dispose (object);
}

static void
plenary_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PlenaryPage *self = PLENARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_TITLE:
      g_value_take_string (value, plenary_page_dup_title (self));
      break;
    case PROP_SUBTITLE:
      g_value_take_string (value, plenary_page_dup_subtitle (self));
      break;
    case PROP_IS_MODIFIED:
      g_value_set_boolean (value, plenary_page_get_is_modified (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, plenary_page_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PlenaryPage *self = PLENARY_PAGE (object);

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
plenary_page_class_init (PlenaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = plenary_page_constructed;
  object_class->dispose = plenary_page_dispose;
  object_class->get_property = plenary_page_get_property;
  object_class->set_property = plenary_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PLENARY_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The document's title, after "• " when it has unsaved changes. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Where the file is ("~/Documents"), or "Not saved yet". */
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_IS_MODIFIED] =
    g_param_spec_boolean ("is-modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A comment was just made on the selected words: the window opens it
   * in the comments panel to be written. */
  signals[COMMENT_ADDED] =
    g_signal_new ("comment-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PLENARY_TYPE_ANNOTATION);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/plenary/Plenary/plenary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPage, view);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPage, header_form);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPage, length_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPage, banner);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPage, banner_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPage, cancel_button);
  gtk_widget_class_install_action (widget_class, "page.cancel-loading", NULL, cancel_loading_action);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPage, keep_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPage, reload_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPage, save_as_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPage, close_button);

  gtk_widget_class_install_action (widget_class, "page.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "page.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "page.insert-clause", NULL, insert_clause_action);
  gtk_widget_class_install_action (widget_class, "page.open-citation", NULL, open_citation_action);
  gtk_widget_class_install_action (widget_class, "page.comment", NULL, comment_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_ALT_MASK, "page.comment", NULL);
  gtk_widget_class_install_action (widget_class, "page.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "page.replace", NULL, find_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (PLENARY_TYPE_EDITOR_VIEW);
  g_type_ensure (PLENARY_TYPE_HEADER_FORM);
  g_type_ensure (PLENARY_TYPE_SEARCH_BAR);
}

static void
plenary_page_init (PlenaryPage *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+F and Ctrl+H from anywhere in the window (the outline, the
   * problems, the header) reach the draft shown; a source viewer with
   * the focus keeps Ctrl+F for finding in its source. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("page.find")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_h, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("page.replace")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

PlenaryPage *
plenary_page_new (PlenaryDocument *document)
{
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (document), NULL);
  return g_object_new (PLENARY_TYPE_PAGE, "document", document, NULL);
}

PlenaryDocument *
plenary_page_get_document (PlenaryPage *self)
{
  g_return_val_if_fail (PLENARY_IS_PAGE (self), NULL);
  return self->document;
}

PlenaryEditorView *
plenary_page_get_view (PlenaryPage *self)
{
  g_return_val_if_fail (PLENARY_IS_PAGE (self), NULL);
  return self->view;
}

void
plenary_page_grab_focus (PlenaryPage *self)
{
  g_return_if_fail (PLENARY_IS_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

PlenaryOutline *
plenary_page_get_outline (PlenaryPage *self)
{
  g_return_val_if_fail (PLENARY_IS_PAGE (self), NULL);
  return self->outline;
}

PlenaryProblems *
plenary_page_get_problems (PlenaryPage *self)
{
  g_return_val_if_fail (PLENARY_IS_PAGE (self), NULL);
  return self->problems;
}

PlenaryDraftSpelling *
plenary_page_get_spelling (PlenaryPage *self)
{
  g_return_val_if_fail (PLENARY_IS_PAGE (self), NULL);
  return self->spelling;
}

PlenaryAnnotations *
plenary_page_get_annotations (PlenaryPage *self)
{
  g_return_val_if_fail (PLENARY_IS_PAGE (self), NULL);
  return self->annotations;
}

char *
plenary_page_dup_title (PlenaryPage *self)
{
  g_return_val_if_fail (PLENARY_IS_PAGE (self), NULL);

  /* A bullet in front of the name says "unsaved", as in GNOME Text Editor. */
  if (plenary_document_get_modified (self->document))
    return g_strdup_printf ("• %s", plenary_document_get_title (self->document));
  return g_strdup (plenary_document_get_title (self->document));
}

char *
plenary_page_dup_subtitle (PlenaryPage *self)
{
  GFile *file;
  g_autoptr(GFile) parent = NULL;

  g_return_val_if_fail (PLENARY_IS_PAGE (self), NULL);

  if (!(file = plenary_document_get_file (self->document)))
    return g_strdup (_("Not saved yet"));

  parent = g_file_get_parent (file);
  if (parent != NULL && g_file_is_native (parent))
    {
      g_autofree char *path = g_file_get_path (parent);
      const char *home = g_get_home_dir ();

      if (g_str_has_prefix (path, home) && path[strlen (home)] == '/')
        return g_strdup_printf ("~%s", path + strlen (home));
      return g_steal_pointer (&path);
    }

  return parent != NULL ? g_file_get_parse_name (parent) : g_file_get_parse_name (file);
}

gboolean
plenary_page_get_is_modified (PlenaryPage *self)
{
  g_return_val_if_fail (PLENARY_IS_PAGE (self), FALSE);
  return plenary_document_get_modified (self->document);
}

gboolean
plenary_page_get_busy (PlenaryPage *self)
{
  g_return_val_if_fail (PLENARY_IS_PAGE (self), FALSE);
  return plenary_document_get_busy (self->document);
}
