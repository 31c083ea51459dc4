/* plenary-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-window"

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-application.h"
#include "plenary-outline-panel.h"
#include "plenary-problems-panel.h"
#include "plenary-window-private.h"

G_DEFINE_FINAL_TYPE (PlenaryWindow, plenary_window, ADW_TYPE_APPLICATION_WINDOW)

/* Titles --------------------------------------------------------------- */

static char *
dup_marked_title (PlenaryDocument *document)
{
  /* A bullet in front of the name says "unsaved", as in GNOME Text Editor. */
  if (plenary_document_get_modified (document))
    return g_strdup_printf ("• %s", plenary_document_get_title (document));
  return g_strdup (plenary_document_get_title (document));
}

static char *
dup_location (PlenaryDocument *document)
{
  GFile *file = plenary_document_get_file (document);
  g_autoptr(GFile) parent = NULL;

  if (file == NULL)
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

static void
update_page_title (PlenaryWindow   *self,
                   PlenaryDocument *document)
{
  PlenaryPage *page = plenary_window_find_page (self, document);
  AdwTabPage *tab;
  g_autofree char *title = NULL;

  if (page == NULL)
    return;

  tab = adw_tab_view_get_page (self->tab_view, GTK_WIDGET (page));
  title = dup_marked_title (document);
  adw_tab_page_set_title (tab, title);
  adw_tab_page_set_loading (tab, plenary_document_get_busy (document));
}

static void
update_window_title (PlenaryWindow *self)
{
  PlenaryDocument *document = self->visible_document;

  if (document == NULL)
    {
      adw_window_title_set_title (self->window_title, "Plenary");
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), "Plenary");
    }
  else
    {
      g_autofree char *title = dup_marked_title (document);
      g_autofree char *location = dup_location (document);
      g_autofree char *window_title = g_strdup_printf ("%s — Plenary", title);

      adw_window_title_set_title (self->window_title, title);
      adw_window_title_set_subtitle (self->window_title, location);
      gtk_window_set_title (GTK_WINDOW (self), window_title);
    }
}

static void
on_document_changed (PlenaryWindow   *self,
                     GParamSpec      *pspec,
                     PlenaryDocument *document)
{
  update_page_title (self, document);
  if (document == self->visible_document)
    {
      update_window_title (self);
      plenary_window_update_actions (self);
    }
}

/* Sources panel -------------------------------------------------------- */

static guint
count_annotations_on (PlenaryDraft  *draft,
                      PlenarySource *source)
{
  GListModel *annotations = G_LIST_MODEL (plenary_draft_get_annotations (draft));
  guint n = g_list_model_get_n_items (annotations);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenaryAnnotation) annotation = g_list_model_get_item (annotations, i);
      PlenaryAnchor *anchor = plenary_annotation_get_anchor (annotation);

      if (anchor != NULL && g_strcmp0 (anchor->target, plenary_source_get_id (source)) == 0)
        count++;
    }

  return count;
}

static void
setup_source_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  /* Long titles must not widen the panel. */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 24);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (details), 24);
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (item, box);
}

static void
bind_source_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 PlenaryWindow            *self)
{
  PlenarySource *source = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *details = gtk_widget_get_next_sibling (title);
  g_autofree char *size = g_format_size (strlen (plenary_source_get_text (source)));
  g_autofree char *notes = NULL;
  g_autofree char *line = NULL;
  guint n_notes = 0;

  if (self->visible_document != NULL)
    n_notes = count_annotations_on (plenary_document_get_draft (self->visible_document), source);

  notes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations", n_notes), n_notes);
  /* Size and notes first: a long file name is what gets ellipsized. */
  line = g_strdup_printf ("%s · %s · %s", size, notes, plenary_source_get_origin (source));

  gtk_label_set_label (GTK_LABEL (title), plenary_source_get_title (source));
  gtk_label_set_label (GTK_LABEL (details), line);
  gtk_widget_set_tooltip_text (box, plenary_source_get_title (source));
}

static void
update_sources_stack (PlenaryWindow *self)
{
  GtkSelectionModel *model = gtk_list_view_get_model (self->sources_view);
  guint n = model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;

  gtk_stack_set_visible_child_name (self->sources_stack, n > 0 ? "list" : "empty");
}

static void
show_sources_of (PlenaryWindow   *self,
                 PlenaryDocument *document)
{
  GtkSelectionModel *old = gtk_list_view_get_model (self->sources_view);
  g_autoptr(GtkSelectionModel) selection = NULL;

  if (old != NULL)
    g_signal_handlers_disconnect_by_func (old, update_sources_stack, self);

  if (document != NULL)
    {
      GListModel *sources = G_LIST_MODEL (plenary_draft_get_sources (plenary_document_get_draft (document)));
      selection = GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (sources)));
      gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (selection), FALSE);
      gtk_single_selection_set_can_unselect (GTK_SINGLE_SELECTION (selection), TRUE);
      gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), GTK_INVALID_LIST_POSITION);
      g_signal_connect_swapped (selection, "items-changed", G_CALLBACK (update_sources_stack), self);
    }

  gtk_list_view_set_model (self->sources_view, selection);
  update_sources_stack (self);
}

/* Following the selected tab ------------------------------------------- */

static void
on_draft_replaced (PlenaryWindow *self)
{
  show_sources_of (self, self->visible_document);
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
  g_binding_group_set_source (self->problems_badge, page != NULL ? plenary_page_get_problems (page) : NULL);

  if (g_set_object (&self->visible_document, document))
    {
      g_signal_group_set_target (self->document_signals, document);
      show_sources_of (self, document);
    }

  gtk_stack_set_visible_child_name (self->content_stack, tab != NULL ? "tabs" : "empty");
  update_window_title (self);
  plenary_window_update_actions (self);
}

static void
on_page_detached (PlenaryWindow *self,
                  AdwTabPage    *tab,
                  int            position)
{
  PlenaryPage *page = PLENARY_PAGE (adw_tab_page_get_child (tab));
  PlenaryDocument *document = plenary_page_get_document (page);
  PlenaryApplication *app = PLENARY_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  g_signal_handlers_disconnect_by_data (document, self);
  if (app != NULL)
    plenary_session_remove (plenary_application_get_session (app), document);
}

static void
close_page_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  PlenaryWindow *self = PLENARY_WINDOW (object);
  g_autoptr(AdwTabPage) tab = user_data;

  adw_tab_view_close_page_finish (self->tab_view, tab,
                                  plenary_window_confirm_close_finish (self, result));
}

static gboolean
on_close_page (PlenaryWindow *self,
               AdwTabPage    *tab)
{
  PlenaryDocument *document = plenary_page_get_document (PLENARY_PAGE (adw_tab_page_get_child (tab)));
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();

  if (!plenary_document_get_modified (document))
    {
      adw_tab_view_close_page_finish (self->tab_view, tab, TRUE);
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
  while (adw_tab_view_get_n_pages (self->tab_view) > 0)
    {
      AdwTabPage *tab = adw_tab_view_get_nth_page (self->tab_view, 0);
      g_signal_handlers_block_by_func (self->tab_view, on_close_page, self);
      adw_tab_view_close_page (self->tab_view, tab);
      g_signal_handlers_unblock_by_func (self->tab_view, on_close_page, self);
    }

  return GTK_WINDOW_CLASS (plenary_window_parent_class)->close_request (window);
}

/* Panels --------------------------------------------------------------- */

/* The stored state is the user's choice: a flap folded away because the
 * window is narrow must not overwrite it. */
static void
on_flap_revealed (PlenaryWindow *self,
                  GParamSpec    *pspec,
                  AdwFlap       *flap)
{
  const char *key = flap == self->side_flap ? "show-side-panel" : "show-comments-panel";

  if (!adw_flap_get_folded (flap))
    g_settings_set_boolean (self->settings, key, adw_flap_get_reveal_flap (flap));
}

static void
restore_window_state (PlenaryWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  adw_flap_set_reveal_flap (self->side_flap, g_settings_get_boolean (self->settings, "show-side-panel"));
  adw_flap_set_reveal_flap (self->comments_flap, g_settings_get_boolean (self->settings, "show-comments-panel"));

  g_signal_connect_object (self->side_flap, "notify::reveal-flap",
                           G_CALLBACK (on_flap_revealed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comments_flap, "notify::reveal-flap",
                           G_CALLBACK (on_flap_revealed), self, G_CONNECT_SWAPPED);
}

/* GObject -------------------------------------------------------------- */

static void
plenary_window_dispose (GObject *object)
{
  PlenaryWindow *self = PLENARY_WINDOW (object);

  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->visible_document);
  g_clear_object (&self->problems_badge);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_WINDOW);

  g_clear_object (&self->settings);

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

  gtk_widget_class_set_template_from_resource (widget_class, "/org/plenary/Plenary/plenary-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, tab_view);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, tab_bar);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, side_flap);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, comments_flap);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, sources_stack);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, outline_bin);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, problems_bin);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, sources_view);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, user_templates_section);

  plenary_window_class_actions_init (klass);
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
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  self->document_signals = g_signal_group_new (PLENARY_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "notify::title",
                                 G_CALLBACK (update_window_title), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::file",
                                 G_CALLBACK (update_window_title), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::draft",
                                 G_CALLBACK (on_draft_replaced), self, G_CONNECT_SWAPPED);

  adw_bin_set_child (self->outline_bin, plenary_outline_panel_new ());
  adw_bin_set_child (self->problems_bin, plenary_problems_panel_new ());
  self->problems_badge = g_binding_group_new ();
  g_binding_group_bind_full (self->problems_badge, "n-problems",
                             gtk_stack_get_page (self->side_stack, GTK_WIDGET (self->problems_bin)),
                             "needs-attention", G_BINDING_SYNC_CREATE,
                             any_problem, NULL, NULL, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_source_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_source_row), self);
  gtk_list_view_set_factory (self->sources_view, factory);

  g_signal_connect_object (self->tab_view, "notify::selected-page",
                           G_CALLBACK (on_selected_page_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tab_view, "close-page",
                           G_CALLBACK (on_close_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tab_view, "page-detached",
                           G_CALLBACK (on_page_detached), self, G_CONNECT_SWAPPED);

  {
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->content_stack), GTK_EVENT_CONTROLLER (drop));
  }

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

  g_signal_connect_object (document, "notify::title", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::modified", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::busy", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);

  update_page_title (self, document);
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

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
plenary_window_show_toast (PlenaryWindow *self,
                           const char    *message)
{
  g_return_if_fail (PLENARY_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
plenary_window_set_close_confirmed (PlenaryWindow *self)
{
  g_return_if_fail (PLENARY_IS_WINDOW (self));
  self->close_confirmed = TRUE;
}
