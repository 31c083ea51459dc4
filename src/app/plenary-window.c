/* plenary-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-window"

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-application.h"
#include "plenary-dialogs.h"
#include "plenary-outline-panel.h"
#include "plenary-problems-panel.h"
#include "plenary-proposals-panel.h"
#include "plenary-revisions-panel.h"
#include "plenary-window-private.h"

G_DEFINE_FINAL_TYPE (PlenaryWindow, plenary_window, ADW_TYPE_APPLICATION_WINDOW)

/* Titles --------------------------------------------------------------- */

static gboolean
transform_window_title (GBinding     *binding,
                        const GValue *from,
                        GValue       *to,
                        gpointer      user_data)
{
  /* Translators: the window's title, %s is the draft's title. */
  g_value_take_string (to, g_strdup_printf (_("%s — Plenary"), g_value_get_string (from)));
  return TRUE;
}

/* Following the selected tab ------------------------------------------- */

/* A citation was activated: its source, at the passage, in the reading pane. */
static void
on_open_source (PlenaryWindow *self,
                PlenarySource *source,
                gint64         start,
                gint64         end)
{
  plenary_sources_panel_open_source (self->sources_panel, source, start, end);
}

/* Puts a side panel away, or brings it back, without changing what the
 * user chose to show (the settings). */
static void
set_aside (PlenaryWindow    *self,
           PlenarySplitView *flap,
           gboolean          aside)
{
  self->setting_aside = TRUE;
  plenary_split_view_set_show_sidebar (flap, !aside);
  self->setting_aside = FALSE;
  if (flap == self->side_flap)
    self->side_set_aside = aside;
  else
    self->comments_set_aside = aside;
}

/* A side panel's width beside the draft, once shown (its allocation lags
 * while it slides in or out). */
static int
panel_width (PlenarySplitView *flap)
{
  g_autoptr(GtkWidget) sidebar = NULL;
  int natural;

  if (!plenary_split_view_get_show_sidebar (flap) || plenary_split_view_get_collapsed (flap))
    return 0;
  g_object_get (flap, "sidebar", &sidebar, NULL);
  gtk_widget_measure (sidebar, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return MAX (natural, gtk_widget_get_width (sidebar));
}

/* A source opened beside the draft: the draft keeps half the window. The
 * sources list goes first (the pane now shows the source chosen in it;
 * the panel's button brings it back), then the comments. */
static void
make_room_for_pane (PlenaryWindow *self)
{
  PlenarySplitView *flaps[] = { self->side_flap, self->comments_flap };
  int widths[G_N_ELEMENTS (flaps)];
  int panels = 0;

  for (guint i = 0; i < G_N_ELEMENTS (flaps); i++)
    panels += widths[i] = panel_width (flaps[i]);
  for (guint i = 0; i < G_N_ELEMENTS (flaps); i++)
    {
      if (!plenary_reading_split_crowds_draft (self->reading_split, panels))
        break;
      if (widths[i] == 0)
        continue;
      panels -= widths[i];
      set_aside (self, flaps[i], TRUE);
    }
  plenary_reading_split_set_panels_width (self->reading_split, panels);
}

/* "This Source" in the comments is the source shown beside the draft,
 * however it was opened: from the list, a search or a citation. */
static void
on_viewer_source_changed (PlenaryWindow       *self,
                          GParamSpec          *pspec,
                          PlenarySourceViewer *viewer)
{
  plenary_comments_panel_set_source (self->comments_view, plenary_source_viewer_get_source (viewer));
  if (gtk_widget_get_visible (GTK_WIDGET (viewer)))
    make_room_for_pane (self);
}

static void
on_viewer_visible (PlenaryWindow       *self,
                   GParamSpec          *pspec,
                   PlenarySourceViewer *viewer)
{
  if (gtk_widget_get_visible (GTK_WIDGET (viewer)))
    {
      make_room_for_pane (self);
      return;
    }
  /* Not over the text if the window has become narrow meanwhile. */
  if (self->side_set_aside && !plenary_split_view_get_collapsed (self->side_flap))
    set_aside (self, self->side_flap, FALSE);
  if (self->comments_set_aside && !plenary_split_view_get_collapsed (self->comments_flap))
    set_aside (self, self->comments_flap, FALSE);
  self->side_set_aside = self->comments_set_aside = FALSE;
}

/* Ctrl+Alt+M on the visible page: the new comment is written in the panel. */
static void
on_comment_added (PlenaryWindow     *self,
                  PlenaryAnnotation *comment)
{
  plenary_split_view_set_show_sidebar (self->comments_flap, TRUE);
  plenary_comments_panel_set_filter (self->comments_view, PLENARY_COMMENTS_FILTER_DRAFT);
  plenary_comments_panel_focus (self->comments_view, comment);
}

/* A row of the outline or of the problems was activated. */
static void
on_go_to_line (PlenaryWindow *self,
               guint          line,
               guint64        index)
{
  PlenaryPage *page = plenary_window_get_visible_page (self);

  if (page != NULL)
    plenary_editor_view_go_to_line (plenary_page_get_view (page), line, index);
}

static void
on_selected_page_changed (PlenaryWindow *self)
{
  AdwTabPage *tab = adw_tab_view_get_selected_page (self->tab_view);
  PlenaryPage *page = tab != NULL ? PLENARY_PAGE (adw_tab_page_get_child (tab)) : NULL;
  PlenaryDocument *document = page != NULL ? plenary_page_get_document (page) : NULL;

  plenary_outline_panel_set_outline (PLENARY_OUTLINE_PANEL (adw_bin_get_child (self->outline_bin)),
                                     page != NULL ? plenary_page_get_outline (page) : NULL);
  plenary_problems_panel_set_problems (PLENARY_PROBLEMS_PANEL (adw_bin_get_child (self->problems_bin)),
                                       page != NULL ? plenary_page_get_problems (page) : NULL);
  plenary_revisions_panel_set_document (PLENARY_REVISIONS_PANEL (adw_bin_get_child (self->revisions_bin)), document);
  plenary_proposals_panel_set_document (PLENARY_PROPOSALS_PANEL (adw_bin_get_child (self->proposals_bin)), document);
  g_binding_group_set_source (self->problems_badge, page != NULL ? plenary_page_get_problems (page) : NULL);
  /* Without a source the binding leaves the dot as it was. */
  if (page == NULL)
    gtk_stack_page_set_needs_attention (gtk_stack_get_page (self->side_stack, GTK_WIDGET (self->problems_bin)), FALSE);
  plenary_comments_panel_set_spelling (self->comments_view, page != NULL ? plenary_page_get_spelling (page) : NULL);
  plenary_comments_panel_set_annotations (self->comments_view, page != NULL ? plenary_page_get_annotations (page) : NULL);
  g_signal_group_set_target (self->annotations_signals, page != NULL ? plenary_page_get_annotations (page) : NULL);

  if (g_set_object (&self->visible_document, document))
    plenary_sources_panel_set_document (self->sources_panel, document);
  _plenary_window_proposals_follow (self);

  /* The bindings leave the last values when the page goes. */
  if (page == NULL)
    {
      adw_window_title_set_title (self->window_title, "Plenary");
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), "Plenary");
    }
  g_binding_group_set_source (self->page_bindings, page);
  g_signal_group_set_target (self->page_signals, page);

  gtk_stack_set_visible_child_name (self->content_stack, tab != NULL ? "tabs" : "empty");
  plenary_window_update_actions (self);
}

/* Pages keep their document when they move to another window: only
 * closing a page gives its document back (plenary_session_close()). */
static void
on_page_attached (PlenaryWindow *self,
                  AdwTabPage    *tab,
                  int            position)
{
  GObject *page = G_OBJECT (adw_tab_page_get_child (tab));

  g_object_bind_property (page, "title", tab, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "busy", tab, "loading", G_BINDING_SYNC_CREATE);
}

/* A tab dropped outside every window opens in a new one. */
static AdwTabView *
on_create_window (PlenaryWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  PlenaryWindow *window;

  if (!PLENARY_IS_APPLICATION (app))
    return NULL;

  window = plenary_application_new_window (PLENARY_APPLICATION (app));
  return window->tab_view;
}

static PlenarySession *
get_session (PlenaryWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return PLENARY_IS_APPLICATION (app) ? plenary_application_get_session (PLENARY_APPLICATION (app)) : NULL;
}

static void
close_document (PlenaryWindow *self,
                AdwTabPage    *tab)
{
  PlenarySession *session = get_session (self);

  if (session != NULL)
    plenary_session_close (session, plenary_page_get_document (PLENARY_PAGE (adw_tab_page_get_child (tab))));
}

/* The answer to "close-page": the page goes, and its document with it. */
static void
close_tab (PlenaryWindow *self,
           AdwTabPage    *tab)
{
  close_document (self, tab);
  adw_tab_view_close_page_finish (self->tab_view, tab, TRUE);
}

static void
close_page_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  PlenaryWindow *self = PLENARY_WINDOW (object);
  g_autoptr(AdwTabPage) tab = user_data;

  if (plenary_window_confirm_close_finish (self, result))
    close_tab (self, tab);
  else
    adw_tab_view_close_page_finish (self->tab_view, tab, FALSE);
}

static gboolean
on_close_page (PlenaryWindow *self,
               AdwTabPage    *tab)
{
  PlenaryDocument *document = plenary_page_get_document (PLENARY_PAGE (adw_tab_page_get_child (tab)));
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();

  if (!plenary_document_get_modified (document))
    {
      close_tab (self, tab);
      return GDK_EVENT_STOP;
    }

  g_ptr_array_add (documents, document);
  plenary_window_confirm_close_async (self, documents, close_page_cb, g_object_ref (tab));

  return GDK_EVENT_STOP;
}

/* Drag and drop ------------------------------------------------------- */

/* Files dropped on the drafts open as drafts, or are imported when they are
 * text or Markdown. */
static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         PlenaryWindow *self)
{
  PlenaryApplication *app = PLENARY_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || app == NULL)
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    plenary_application_open_file (app, self, l->data);
  g_slist_free (files);

  return TRUE;
}

/* Closing the window --------------------------------------------------- */

static void
save_window_state (PlenaryWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static GPtrArray *
list_modified_documents (PlenaryWindow *self)
{
  GPtrArray *documents = g_ptr_array_new ();
  int n = adw_tab_view_get_n_pages (self->tab_view);

  for (int i = 0; i < n; i++)
    {
      AdwTabPage *tab = adw_tab_view_get_nth_page (self->tab_view, i);
      PlenaryDocument *document = plenary_page_get_document (PLENARY_PAGE (adw_tab_page_get_child (tab)));

      if (plenary_document_get_modified (document))
        g_ptr_array_add (documents, document);
    }

  return documents;
}

static void
close_window_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PlenaryWindow *self = PLENARY_WINDOW (object);

  if (plenary_window_confirm_close_finish (self, result))
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static gboolean
plenary_window_close_request (GtkWindow *window)
{
  PlenaryWindow *self = PLENARY_WINDOW (window);
  g_autoptr(GPtrArray) modified = NULL;

  if (!self->close_confirmed)
    {
      modified = list_modified_documents (self);
      if (modified->len > 0)
        {
          plenary_window_confirm_close_async (self, modified, close_window_cb, NULL);
          return GDK_EVENT_STOP;
        }
    }

  save_window_state (self);

  /* Closing the tabs gives their documents back to the session. */
  g_signal_handlers_block_by_func (self->tab_view, on_close_page, self);
  while (adw_tab_view_get_n_pages (self->tab_view) > 0)
    {
      AdwTabPage *tab = adw_tab_view_get_nth_page (self->tab_view, 0);

      close_document (self, tab);
      adw_tab_view_close_page (self->tab_view, tab);
    }
  g_signal_handlers_unblock_by_func (self->tab_view, on_close_page, self);

  return GTK_WINDOW_CLASS (plenary_window_parent_class)->close_request (window);
}

/* Panels --------------------------------------------------------------- */

/* The stored state is the user's choice: a flap folded away because the
 * window is narrow must not overwrite it. */
static void
on_flap_revealed (PlenaryWindow *self,
                  GParamSpec    *pspec,
                  PlenarySplitView *flap)
{
  const char *key = flap == self->side_flap ? "show-side-panel" : "show-comments-panel";

  if (self->setting_aside)
    return;
  /* Shown or hidden by the user: no longer set aside for the pane, which
   * gives or takes the room. */
  if (flap == self->side_flap)
    self->side_set_aside = FALSE;
  else
    self->comments_set_aside = FALSE;
  plenary_reading_split_set_panels_width (self->reading_split,
                                          panel_width (self->side_flap) + panel_width (self->comments_flap));
  if (!plenary_split_view_get_collapsed (flap))
    g_settings_set_boolean (self->settings, key, plenary_split_view_get_show_sidebar (flap));
}

static void
restore_window_state (PlenaryWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  plenary_split_view_set_show_sidebar (self->side_flap, g_settings_get_boolean (self->settings, "show-side-panel"));
  plenary_split_view_set_show_sidebar (self->comments_flap, g_settings_get_boolean (self->settings, "show-comments-panel"));

  g_signal_connect_object (self->side_flap, "notify::show-sidebar",
                           G_CALLBACK (on_flap_revealed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comments_flap, "notify::show-sidebar",
                           G_CALLBACK (on_flap_revealed), self, G_CONNECT_SWAPPED);
}

/* GObject -------------------------------------------------------------- */

static void
plenary_window_dispose (GObject *object)
{
  PlenaryWindow *self = PLENARY_WINDOW (object);

  /* An export under way writes nothing once its window is gone. */
  g_cancellable_cancel (self->exporting);
  g_clear_object (&self->exporting);

  /* A window destroyed without closing its tabs still closes them. */
  for (int i = adw_tab_view_get_n_pages (self->tab_view); i > 0; i--)
    close_document (self, adw_tab_view_get_nth_page (self->tab_view, i - 1));

  if (self->page_bindings != NULL)
    g_binding_group_set_source (self->page_bindings, NULL);
  g_clear_object (&self->page_bindings);
  if (self->page_signals != NULL)
    g_signal_group_set_target (self->page_signals, NULL);
  g_clear_object (&self->page_signals);
  g_clear_object (&self->visible_document);
  g_clear_object (&self->problems_badge);
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  g_clear_object (&self->document_signals);
  if (self->cursor_signals != NULL)
    g_signal_group_set_target (self->cursor_signals, NULL);
  g_clear_object (&self->cursor_signals);
  if (self->status_signals != NULL)
    g_signal_group_set_target (self->status_signals, NULL);
  g_clear_object (&self->status_signals);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_WINDOW);

  g_clear_object (&self->settings);

  g_clear_object (&self->annotations_signals);
  G_OBJECT_CLASS (plenary_window_parent_class)->dispose (object);
}

static void
plenary_window_class_init (PlenaryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = plenary_window_dispose;
  window_class->close_request = plenary_window_close_request;

  g_type_ensure (PLENARY_TYPE_COMMENTS_PANEL);
  g_type_ensure (PLENARY_TYPE_SOURCES_PANEL);
  g_type_ensure (PLENARY_TYPE_SPLIT_VIEW);
  g_type_ensure (PLENARY_TYPE_READING_SPLIT);
  g_type_ensure (PLENARY_TYPE_TOOLBAR_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/plenary/Plenary/plenary-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, comments_view);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, open_icon_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, insert_clause_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, suggest_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, tab_view);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, tab_bar);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, side_flap);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, comments_flap);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, export_banner);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, export_spinner);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, export_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, reading_split);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, sources_panel);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, outline_bin);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, problems_bin);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, revisions_bin);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, proposals_bin);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, versions_section);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, user_templates_section);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, source_text_menu);

  plenary_window_class_actions_init (klass);
  plenary_window_class_compare_init (klass);
  plenary_window_class_proposals_init (klass);
}

static gboolean
any_problem (GBinding     *binding,
             const GValue *from,
             GValue       *to,
             gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_uint (from) > 0);
  return TRUE;
}

static void
plenary_window_init (PlenaryWindow *self)
{
  GObject *narrow;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  self->annotations_signals = g_signal_group_new (PLENARY_TYPE_ANNOTATIONS);
  g_signal_group_connect_object (self->annotations_signals, "open-source",
                                 G_CALLBACK (on_open_source), self, G_CONNECT_SWAPPED);
  /* A passage of a source is cited or highlighted from its context menu. */
  plenary_source_viewer_set_extra_menu (plenary_sources_panel_get_viewer (self->sources_panel),
                                        self->source_text_menu);
  /* Sources open beside the draft. */
  plenary_reading_split_set_settings (self->reading_split, self->settings);
  plenary_reading_split_set_draft (self->reading_split, GTK_WIDGET (self->content_stack));
  plenary_reading_split_set_pane (self->reading_split,
                                  GTK_WIDGET (plenary_sources_panel_get_viewer (self->sources_panel)));

  g_signal_connect_object (plenary_sources_panel_get_viewer (self->sources_panel), "notify::source",
                           G_CALLBACK (on_viewer_source_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (plenary_sources_panel_get_viewer (self->sources_panel), "notify::visible",
                           G_CALLBACK (on_viewer_visible), self, G_CONNECT_SWAPPED);

  /* The window shows the visible page: one set of bindings follows it. */
  self->page_bindings = g_binding_group_new ();
  g_binding_group_bind (self->page_bindings, "title", self->window_title, "title", 0);
  g_binding_group_bind (self->page_bindings, "subtitle", self->window_title, "subtitle", 0);
  g_binding_group_bind_full (self->page_bindings, "title", self, "title", 0,
                             transform_window_title, NULL, NULL, NULL);
  self->page_signals = g_signal_group_new (PLENARY_TYPE_PAGE);
  g_signal_group_connect_object (self->page_signals, "notify::busy",
                                 G_CALLBACK (plenary_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->page_signals, "notify::is-modified",
                                 G_CALLBACK (plenary_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->page_signals, "comment-added",
                                 G_CALLBACK (on_comment_added), self, G_CONNECT_SWAPPED);

  adw_bin_set_child (self->outline_bin, plenary_outline_panel_new ());
  adw_bin_set_child (self->problems_bin, plenary_problems_panel_new ());
  adw_bin_set_child (self->revisions_bin, plenary_revisions_panel_new ());
  plenary_window_proposals_init (self);
  g_signal_connect_object (adw_bin_get_child (self->outline_bin), "go-to-line",
                           G_CALLBACK (on_go_to_line), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_bin_get_child (self->problems_bin), "go-to-line",
                           G_CALLBACK (on_go_to_line), self, G_CONNECT_SWAPPED);
  self->problems_badge = g_binding_group_new ();
  g_binding_group_bind_full (self->problems_badge, "n-problems",
                             gtk_stack_get_page (self->side_stack, GTK_WIDGET (self->problems_bin)),
                             "needs-attention", G_BINDING_SYNC_CREATE,
                             any_problem, NULL, NULL, NULL);

  g_signal_connect_object (self->tab_view, "notify::selected-page",
                           G_CALLBACK (on_selected_page_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tab_view, "close-page",
                           G_CALLBACK (on_close_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tab_view, "page-attached",
                           G_CALLBACK (on_page_attached), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tab_view, "create-window",
                           G_CALLBACK (on_create_window), self, G_CONNECT_SWAPPED);

  {
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->content_stack), GTK_EVENT_CONTROLLER (drop));
  }

  /* Side panels over the text on narrow windows, where the header bar
   * keeps what fits in 360 pixels: Open as an icon, no title, and no Insert
   * Clause or Suggest Changes button (Ctrl+Shift+I still inserts a clause;
   * the window menu and Ctrl+Alt+E still suggest). */
  narrow = plenary_split_view_fold_below (ADW_APPLICATION_WINDOW (self), self->side_flap, 640, self->comments_flap, 900);
#if ADW_CHECK_VERSION (1, 4, 0)
  adw_breakpoint_add_setters (ADW_BREAKPOINT (narrow),
                              G_OBJECT (self->window_title), "visible", FALSE,
                              G_OBJECT (self->insert_clause_button), "visible", FALSE,
                              G_OBJECT (self->suggest_button), "visible", FALSE,
                              G_OBJECT (self->open_button), "visible", FALSE,
                              G_OBJECT (self->open_icon_button), "visible", TRUE,
                              NULL);
#else
  (void) narrow;
#endif
  restore_window_state (self);
  plenary_window_actions_init (self);
  on_selected_page_changed (self);
}

PlenaryWindow *
plenary_window_new (GtkApplication *application)
{
  return g_object_new (PLENARY_TYPE_WINDOW, "application", application, NULL);
}

PlenaryPage *
plenary_window_add_document (PlenaryWindow   *self,
                             PlenaryDocument *document)
{
  PlenaryPage *page;
  AdwTabPage *tab;

  g_return_val_if_fail (PLENARY_IS_WINDOW (self), NULL);
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (document), NULL);

  page = plenary_page_new (document);
  tab = adw_tab_view_append (self->tab_view, GTK_WIDGET (page));
  adw_tab_view_set_selected_page (self->tab_view, tab);
  plenary_page_grab_focus (page);

  return page;
}

PlenaryPage *
plenary_window_find_page (PlenaryWindow   *self,
                          PlenaryDocument *document)
{
  int n;

  g_return_val_if_fail (PLENARY_IS_WINDOW (self), NULL);

  n = adw_tab_view_get_n_pages (self->tab_view);
  for (int i = 0; i < n; i++)
    {
      GtkWidget *child = adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i));

      if (plenary_page_get_document (PLENARY_PAGE (child)) == document)
        return PLENARY_PAGE (child);
    }

  return NULL;
}

void
plenary_window_focus_document (PlenaryWindow   *self,
                               PlenaryDocument *document)
{
  PlenaryPage *page;

  g_return_if_fail (PLENARY_IS_WINDOW (self));

  if ((page = plenary_window_find_page (self, document)))
    {
      adw_tab_view_set_selected_page (self->tab_view,
                                      adw_tab_view_get_page (self->tab_view, GTK_WIDGET (page)));
      plenary_page_grab_focus (page);
    }

  gtk_window_present (GTK_WINDOW (self));
}

PlenaryPage *
plenary_window_get_visible_page (PlenaryWindow *self)
{
  AdwTabPage *tab;

  g_return_val_if_fail (PLENARY_IS_WINDOW (self), NULL);

  tab = adw_tab_view_get_selected_page (self->tab_view);
  return tab != NULL ? PLENARY_PAGE (adw_tab_page_get_child (tab)) : NULL;
}

PlenaryDocument *
plenary_window_get_visible_document (PlenaryWindow *self)
{
  g_return_val_if_fail (PLENARY_IS_WINDOW (self), NULL);
  return self->visible_document;
}

void
plenary_window_show_error (PlenaryWindow *self,
                           const char    *heading,
                           const GError  *error)
{
  GtkWidget *dialog;

  g_return_if_fail (PLENARY_IS_WINDOW (self));

  dialog = plenary_alert_new (heading, error->message);
  plenary_alert_add_response (PLENARY_ALERT (dialog), "close", _("_Close"));
  plenary_dialog_present (dialog, GTK_WIDGET (self));
}

void
plenary_window_show_toast (PlenaryWindow *self,
                           const char    *message)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (PLENARY_IS_WINDOW (self));

  /* A toast's title is markup: an "&" in a file name would hide it. */
  escaped = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

void
plenary_window_set_close_confirmed (PlenaryWindow *self)
{
  g_return_if_fail (PLENARY_IS_WINDOW (self));
  self->close_confirmed = TRUE;
}
