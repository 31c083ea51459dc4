/* plenary-sources-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-sources-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plenary-data-resources.h"
#include "plenary-dialogs.h"
#include "plenary-file-chooser.h"
#include "plenary-source-details.h"
#include "plenary-source-importer.h"
#include "plenary-source-row.h"
#include "plenary-search-result-row.h"
#include "plenary-sources-panel.h"

#define SAMPLE_LIBRARY "resource:///org/plenary/Plenary/seeds/"

/* The four articles of the bundled sample library. */
static const char * const sample_sources[] = {
  "000_0882e61f787c078d.txt",
  "001_1c1f41223b4ddfa0.txt",
  "003_02727d1e409e598a.txt",
  "004_e23f8f3402c5b63b.txt",
};

struct _PlenarySourcesPanel
{
  GtkWidget            parent_instance;

  PlenaryDocument     *document;
  PlenaryDraft        *draft;
  GSignalGroup        *document_signals;
  GSignalGroup        *sources_signals;
  PlenarySourceSearch *search;
  guint                n_imports;

  AdwToastOverlay     *toast_overlay;
  GtkStack            *pages;
  GtkSearchEntry      *search_entry;
  GtkSpinner          *spinner;
  GtkButton           *cancel_button;
  GCancellable        *cancellable;   /* of the imports under way */
  GtkStack            *content_stack;
  GtkListView         *sources_view;
  GtkLabel            *summary_label;
  GtkListView         *results_view;
  PlenarySourceViewer *viewer;
};

G_DEFINE_FINAL_TYPE (PlenarySourcesPanel, plenary_sources_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static PlenarySource *
find_source (PlenarySourcesPanel *self,
             const char          *id,
             guint               *position)
{
  GListModel *sources;
  guint n;

  if (self->draft == NULL)
    return NULL;

  sources = G_LIST_MODEL (plenary_draft_get_sources (self->draft));
  n = g_list_model_get_n_items (sources);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenarySource) source = g_list_model_get_item (sources, i);

      if (g_strcmp0 (plenary_source_get_id (source), id) == 0)
        {
          if (position != NULL)
            *position = i;
          return source;
        }
    }

  return NULL;
}

static void
add_toast (PlenarySourcesPanel *self,
           AdwToast            *toast)
{
  /* The window's overlay when there is one: the side panel is narrow. */
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  adw_toast_overlay_add_toast (overlay != NULL ? ADW_TOAST_OVERLAY (overlay) : self->toast_overlay, toast);
}

static GtkWindow *
get_parent_window (PlenarySourcesPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* What the page shows --------------------------------------------------- */

static gboolean
query_is_blank (PlenarySourcesPanel *self)
{
  g_autofree char *query = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  return g_strstrip (query)[0] == '\0';
}

static void
update_summary (PlenarySourcesPanel *self)
{
  guint n_groups, n_matches;
  g_autofree char *matches = NULL;
  g_autofree char *summary = NULL;

  if (self->search == NULL)
    return;

  n_groups = g_list_model_get_n_items (G_LIST_MODEL (self->search));
  n_matches = plenary_source_search_get_n_matches (self->search);

  if (!plenary_source_search_get_complete (self->search))
    summary = g_strdup (_("Searching…"));
  else
    {
      matches = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", n_matches), n_matches);
      /* Translators: %s is "N matches". */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s in %u source", "%s in %u sources", n_groups),
                                 matches, n_groups);
    }

  gtk_label_set_text (self->summary_label, summary);
}

static void
update_content (PlenarySourcesPanel *self)
{
  const char *page;

  if (self->draft == NULL)
    page = "empty";
  else if (!query_is_blank (self))
    {
      if (g_list_model_get_n_items (G_LIST_MODEL (self->search)) > 0 ||
          !plenary_source_search_get_complete (self->search))
        page = "results";
      else
        page = "no-results";
      update_summary (self);
    }
  else if (g_list_model_get_n_items (G_LIST_MODEL (plenary_draft_get_sources (self->draft))) > 0)
    page = "list";
  else
    page = "empty";

  gtk_stack_set_visible_child_name (self->content_stack, page);
}

static void
update_actions (PlenarySourcesPanel *self)
{
  gboolean has_draft = self->draft != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.add", has_draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.add-samples", has_draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.open", has_draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.rename", has_draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.details", has_draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.remove", has_draft);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), has_draft);
}

static void
on_sources_changed (PlenarySourcesPanel *self)
{
  PlenarySource *shown = plenary_source_viewer_get_source (self->viewer);

  /* The source in the viewer was removed: back to the list. */
  if (shown != NULL && find_source (self, plenary_source_get_id (shown), NULL) != shown)
    plenary_sources_panel_show_list (self);

  update_content (self);
}

/* Source list --------------------------------------------------------------- */

static void
setup_source_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  gtk_list_item_set_child (item, plenary_source_row_new ());
}

static void
bind_source_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 PlenarySourcesPanel      *self)
{
  plenary_source_row_set_source (PLENARY_SOURCE_ROW (gtk_list_item_get_child (item)),
                                 self->draft, gtk_list_item_get_item (item));
}

static void
unbind_source_row (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  plenary_source_row_set_source (PLENARY_SOURCE_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

static void
on_source_activated (PlenarySourcesPanel *self,
                     guint                position)
{
  g_autoptr(PlenarySource) source = NULL;

  if (self->draft == NULL)
    return;

  source = g_list_model_get_item (G_LIST_MODEL (plenary_draft_get_sources (self->draft)), position);
  if (source != NULL)
    plenary_sources_panel_open_source (self, source, -1, -1);
}

/* Search results -------------------------------------------------------------- */


static GListModel *
create_result_children (gpointer item,
                        gpointer user_data)
{
  if (PLENARY_IS_SEARCH_GROUP (item))
    return g_object_ref (G_LIST_MODEL (item));
  return NULL;
}

static void
setup_result_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  gtk_list_item_set_child (item, plenary_search_result_row_new ());
}

static void
bind_result_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  plenary_search_result_row_set_list_row (PLENARY_SEARCH_RESULT_ROW (gtk_list_item_get_child (item)),
                                          gtk_list_item_get_item (item));
}

static void
unbind_result_row (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  plenary_search_result_row_set_list_row (PLENARY_SEARCH_RESULT_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
on_result_activated (PlenarySourcesPanel *self,
                     guint                position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->results_view));
  g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (model, position);
  g_autoptr(GObject) object = NULL;

  if (tree_row == NULL)
    return;

  object = gtk_tree_list_row_get_item (tree_row);
  if (PLENARY_IS_SEARCH_RESULT (object))
    plenary_sources_panel_open_source (self,
                                       plenary_search_result_get_source (PLENARY_SEARCH_RESULT (object)),
                                       plenary_search_result_get_start (PLENARY_SEARCH_RESULT (object)),
                                       plenary_search_result_get_end (PLENARY_SEARCH_RESULT (object)));
  else if (PLENARY_IS_SEARCH_GROUP (object))
    plenary_sources_panel_open_source (self, plenary_search_group_get_source (PLENARY_SEARCH_GROUP (object)), -1, -1);
}

static void
on_results_changed (PlenarySourcesPanel *self)
{
  /* Groups come in at their ranked place, often above the first one
   * shown, and the list would keep that one in view: while they come,
   * the best ones stay in view. */
  if (!plenary_source_search_get_complete (self->search) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->search)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->results_view), "list.scroll-to-item", "u", 0);

  update_content (self);
}

static void
on_search_changed (PlenarySourcesPanel *self)
{
  if (self->search != NULL)
    plenary_source_search_set_query (self->search, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_content (self);
}

static void
on_stop_search (PlenarySourcesPanel *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
set_search (PlenarySourcesPanel *self,
            PlenarySourceSearch *search)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  if (self->search != NULL)
    g_signal_handlers_disconnect_by_data (self->search, self);
  g_set_object (&self->search, search);

  if (search != NULL)
    {
      GtkTreeListModel *tree;

      tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (search)), FALSE, TRUE,
                                      create_result_children, NULL, NULL);
      selection = gtk_no_selection_new (G_LIST_MODEL (tree));
      g_signal_connect_swapped (search, "items-changed", G_CALLBACK (on_results_changed), self);
      g_signal_connect_swapped (search, "notify::complete", G_CALLBACK (update_content), self);
      plenary_source_search_set_query (search, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
    }

  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (selection));
}

/* Importing ------------------------------------------------------------------ */

typedef struct
{
  PlenarySourcesPanel *panel;
  PlenaryDraft        *draft;
  GPtrArray           *names;
  GPtrArray           *sources;   /* NULL slots: failed or not done */
  GArray              *done;      /* gboolean per file */
  guint                next;      /* first file not appended yet */
  guint                n_pending;
  guint                n_failed;
  /* "file: reason" lines, and the first failure alone for a single one. */
  GPtrArray           *errors;
  char                *first_failed;
  char                *first_error;
} ImportBatch;

typedef struct
{
  ImportBatch *batch;
  guint        index;
} ImportJob;

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
import_batch_free (ImportBatch *batch)
{
  g_object_unref (batch->panel);
  g_object_unref (batch->draft);
  g_ptr_array_unref (batch->names);
  g_ptr_array_unref (batch->sources);
  g_array_unref (batch->done);
  g_ptr_array_unref (batch->errors);
  g_free (batch->first_failed);
  g_free (batch->first_error);
  g_free (batch);
}

static void
set_busy (PlenarySourcesPanel *self,
          gboolean             more)
{
  gboolean was_busy = self->n_imports > 0;

  if (more)
    self->n_imports++;
  else
    self->n_imports--;

  if (self->spinner == NULL)
    return;   /* disposed */
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->n_imports > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), self->n_imports > 0);
  gtk_spinner_set_spinning (self->spinner, self->n_imports > 0);
  if (self->n_imports == 0)
    g_clear_object (&self->cancellable);
  if (was_busy != (self->n_imports > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
prepare_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  plenary_source_search_prepare_source (task_data);
  g_task_return_boolean (task, TRUE);
}

static void
prepare_for_search (PlenarySource *source)
{
  /* Folding a large source takes a while: do it before the first search. */
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_source_tag (task, prepare_for_search);
  g_task_set_task_data (task, g_object_ref (source), g_object_unref);
  g_task_run_in_thread (task, prepare_in_thread);
}

static void
show_import_errors (ImportBatch *batch)
{
  PlenarySourcesPanel *self = batch->panel;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;


  if (batch->n_failed == 1)
    {
      /* The file name in the body, which wraps: a long name does not fit
       * a heading on a narrow window. */
      heading = g_strdup (_("Could Not Add the Source"));
      /* Translators: a file name, then why it could not be added. */
      body = g_strdup_printf (_("“%s”: %s"), batch->first_failed, batch->first_error);
    }
  else
    {
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Could Not Add %u Source", "Could Not Add %u Sources",
                                              batch->n_failed), batch->n_failed);
      g_ptr_array_add (batch->errors, NULL);
      body = g_strjoinv ("\n", (char **) batch->errors->pdata);
    }

  /* Heading and body are plain text: file names are not markup. */
  dialog = plenary_alert_new (heading, body);
  plenary_alert_add_response (PLENARY_ALERT (dialog), "close", _("_Close"));
  plenary_dialog_present (dialog, GTK_WIDGET (self));
}

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ImportJob *job = user_data;
  ImportBatch *batch = job->batch;
  g_autoptr(GError) error = NULL;
  PlenarySource *source;
  guint n = batch->names->len;

  source = plenary_source_importer_import_finish (result, &error);
  if (source == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ; /* Stopped by the user: nothing to report. */
  else if (source == NULL)
    {
      const char *name = g_ptr_array_index (batch->names, job->index);

      batch->n_failed++;
      if (batch->first_failed == NULL)
        {
          batch->first_failed = g_strdup (name);
          batch->first_error = g_strdup (error->message);
        }
      /* Translators: a file name and why it could not be added. */
      g_ptr_array_add (batch->errors, g_strdup_printf (_("%s: %s"), name, error->message));
    }

  g_ptr_array_index (batch->sources, job->index) = source;
  g_array_index (batch->done, gboolean, job->index) = TRUE;
  g_free (job);

  /* Added in the order the files were given, as soon as possible. */
  while (batch->next < n && g_array_index (batch->done, gboolean, batch->next))
    {
      PlenarySource *ready = g_ptr_array_index (batch->sources, batch->next);

      if (ready != NULL)
        {
          g_list_store_append (plenary_draft_get_sources (batch->draft), ready);
          prepare_for_search (ready);
        }
      batch->next++;
    }

  if (--batch->n_pending > 0)
    return;

  if (batch->n_failed > 0)
    show_import_errors (batch);
  set_busy (batch->panel, FALSE);
  import_batch_free (batch);
}

static char *
dup_display_name (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info != NULL && g_file_info_get_display_name (info) != NULL)
    return g_strdup (g_file_info_get_display_name (info));
  return g_file_get_basename (file);
}

void
plenary_sources_panel_add_files (PlenarySourcesPanel *self,
                                 GListModel          *files)
{
  ImportBatch *batch;
  guint n;

  g_return_if_fail (PLENARY_IS_SOURCES_PANEL (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  n = g_list_model_get_n_items (files);
  if (self->draft == NULL || n == 0)
    return;

  batch = g_new0 (ImportBatch, 1);
  batch->panel = g_object_ref (self);
  batch->draft = g_object_ref (self->draft);
  batch->names = g_ptr_array_new_with_free_func (g_free);
  batch->sources = g_ptr_array_new_with_free_func (unref_nullable);
  g_ptr_array_set_size (batch->sources, n);
  batch->done = g_array_sized_new (FALSE, TRUE, sizeof (gboolean), n);
  g_array_set_size (batch->done, n);
  batch->errors = g_ptr_array_new_with_free_func (g_free);
  batch->n_pending = n;

  set_busy (self, TRUE);
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      ImportJob *job = g_new0 (ImportJob, 1);

      job->batch = batch;
      job->index = i;
      g_ptr_array_add (batch->names, dup_display_name (file));
      plenary_source_importer_import_async (self->draft, file, self->cancellable, import_cb, job);
    }
}

static void
on_cancel_clicked (PlenarySourcesPanel *self)
{
  g_cancellable_cancel (self->cancellable);
}

static gboolean
draft_has_origin (PlenaryDraft *draft,
                  const char   *origin)
{
  GListModel *sources = G_LIST_MODEL (plenary_draft_get_sources (draft));
  guint n = g_list_model_get_n_items (sources);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenarySource) source = g_list_model_get_item (sources, i);

      if (g_strcmp0 (plenary_source_get_origin (source), origin) == 0)
        return TRUE;
    }

  return FALSE;
}

void
plenary_sources_panel_add_samples (PlenarySourcesPanel *self)
{
  g_autoptr(GListStore) files = NULL;

  g_return_if_fail (PLENARY_IS_SOURCES_PANEL (self));

  if (self->draft == NULL)
    return;

  /* Keeps the data resource linked in; its constructor registers it. */
  (void) plenary_data_get_resource ();

  files = g_list_store_new (G_TYPE_FILE);
  for (guint i = 0; i < G_N_ELEMENTS (sample_sources); i++)
    if (!draft_has_origin (self->draft, sample_sources[i]))
      {
        g_autofree char *uri = g_strconcat (SAMPLE_LIBRARY, sample_sources[i], NULL);
        g_autoptr(GFile) file = g_file_new_for_uri (uri);

        g_list_store_append (files, file);
      }

  if (g_list_model_get_n_items (G_LIST_MODEL (files)) == 0)
    add_toast (self, adw_toast_new (_("The draft already has all the sample sources")));
  else
    plenary_sources_panel_add_files (self, G_LIST_MODEL (files));
}

static void
choose_files_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PlenarySourcesPanel) self = user_data;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GError) error = NULL;

  files = plenary_file_chooser_open_finish (result, &error);
  if (files == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *escaped = g_markup_escape_text (error->message, -1);

          add_toast (self, adw_toast_new (escaped));
        }
      return;
    }

  plenary_sources_panel_add_files (self, files);
}

static gboolean
on_drop (GtkDropTarget       *target,
         const GValue        *value,
         double               x,
         double               y,
         PlenarySourcesPanel *self)
{
  g_autoptr(GListStore) files = NULL;
  GSList *list;

  if (self->draft == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  /* A new list; the files are borrowed. */
  list = gdk_file_list_get_files (g_value_get_boxed (value));
  files = g_list_store_new (G_TYPE_FILE);
  for (GSList *l = list; l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  g_slist_free (list);

  plenary_sources_panel_add_files (self, G_LIST_MODEL (files));
  return TRUE;
}

/* Actions ----------------------------------------------------------------------- */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PlenarySourcesPanel *self = PLENARY_SOURCES_PANEL (widget);

  plenary_file_chooser_open_sources_async (get_parent_window (self), NULL,
                                           choose_files_cb, g_object_ref (self));
}

static void
add_samples_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  plenary_sources_panel_add_samples (PLENARY_SOURCES_PANEL (widget));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlenarySourcesPanel *self = PLENARY_SOURCES_PANEL (widget);
  PlenarySource *source = find_source (self, g_variant_get_string (parameter, NULL), NULL);

  if (source != NULL)
    plenary_sources_panel_open_source (self, source, -1, -1);
}

typedef struct
{
  GListStore    *store;
  PlenarySource *source;
  guint          position;
} Removal;

static void
removal_free (gpointer  data,
              GClosure *closure)
{
  Removal *removal = data;

  g_object_unref (removal->store);
  g_object_unref (removal->source);
  g_free (removal);
}

static void
on_undo_remove (AdwToast *toast,
                Removal  *removal)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (removal->store));
  guint position;

  /* Once only, and never twice in the list. */
  if (!g_list_store_find (removal->store, removal->source, &position))
    g_list_store_insert (removal->store, MIN (removal->position, n), removal->source);
}

static void
remove_source (PlenarySourcesPanel *self,
               PlenarySource       *source)
{
  Removal *removal;
  AdwToast *toast;
  guint position;

  if (self->draft == NULL ||
      !g_list_store_find (plenary_draft_get_sources (self->draft), source, &position))
    return;

  removal = g_new0 (Removal, 1);
  removal->store = g_object_ref (plenary_draft_get_sources (self->draft));
  removal->source = g_object_ref (source);
  removal->position = position;
  g_list_store_remove (removal->store, position);

  toast = adw_toast_new (_("Source removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_remove), removal, removal_free, 0);
  add_toast (self, toast);
}

/* What a dialog about a source acts on once answered. */
typedef struct
{
  PlenarySourcesPanel *panel;
  PlenaryDocument     *document;
  PlenarySource       *source;
} SourceRequest;

static SourceRequest *
source_request_new (PlenarySourcesPanel *panel,
                    PlenarySource       *source)
{
  SourceRequest *request = g_new0 (SourceRequest, 1);

  request->panel = g_object_ref (panel);
  request->document = panel->document != NULL ? g_object_ref (panel->document) : NULL;
  request->source = g_object_ref (source);
  return request;
}

static void
source_request_free (gpointer  data,
                     GClosure *closure)
{
  SourceRequest *request = data;

  g_object_unref (request->panel);
  g_clear_object (&request->document);
  g_object_unref (request->source);
  g_free (request);
}

static void
on_remove_response (PlenaryAlert  *dialog,
                    const char    *response,
                    SourceRequest *request)
{
  if (g_strcmp0 (response, "remove") == 0)
    remove_source (request->panel, request->source);
}

/* The words of the draft that the citations of SOURCE support, quoted, at
 * most a few; NULL when no citation uses it. */
static char *
describe_citations (PlenaryDraft  *draft,
                    PlenarySource *source,
                    guint         *n_citations)
{
  GListModel *annotations = G_LIST_MODEL (plenary_draft_get_annotations (draft));
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = g_list_model_get_n_items (annotations);

  *n_citations = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenaryAnnotation) annotation = g_list_model_get_item (annotations, i);
      PlenaryAnchor *cited = plenary_annotation_get_source_anchor (annotation);

      if (plenary_annotation_get_kind (annotation) != PLENARY_ANNOTATION_CITATION || cited == NULL ||
          g_strcmp0 (cited->target, plenary_source_get_id (source)) != 0)
        continue;

      if (++*n_citations <= 3)
        {
          const char *words = plenary_annotation_get_anchor (annotation)->exact;

          if (names->len > 0)
            g_string_append (names, ", ");
          /* Translators: a quoted passage of the draft in a list. A
           * footnote marker alone is named by the passage it quotes. */
          g_string_append_printf (names, _("“%s”"), words != NULL && words[0] != '\0' ? words : cited->exact);
        }
    }

  if (*n_citations > 3)
    g_string_append (names, "…");

  return *n_citations > 0 ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlenarySourcesPanel *self = PLENARY_SOURCES_PANEL (widget);
  g_autofree char *citations = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  PlenarySource *source;
  GtkWidget *dialog;
  guint position, n;

  if (!(source = find_source (self, g_variant_get_string (parameter, NULL), &position)))
    return;

  /* Citations whose source is gone print "Unknown source": ask first. */
  if (!(citations = describe_citations (self->draft, source, &n)))
    {
      remove_source (self, source);
      return;
    }

  heading = g_strdup_printf (_("Remove “%s”?"), plenary_source_get_title (source));
  if (n == 1)
    /* Translators: %s is the quoted words of the draft the citation supports. */
    body = g_strdup_printf (_("The citation %s quotes this source. Without the source, its footnote "
                              "will read “Unknown source”."), citations);
  else
    /* Translators: %u is a number (more than one), %s the quoted words of
     * the draft the citations support. */
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u citations quote this source: %s. Without the source, "
                                         "their footnotes will read “Unknown source”.",
                                         "%u citations quote this source: %s. Without the source, "
                                         "their footnotes will read “Unknown source”.", n),
                            n, citations);
  dialog = plenary_alert_new (heading, body);
  plenary_alert_add_responses (PLENARY_ALERT (dialog), "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  plenary_alert_set_response_appearance (PLENARY_ALERT (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  plenary_alert_set_default_response (PLENARY_ALERT (dialog), "cancel");
  plenary_alert_set_close_response (PLENARY_ALERT (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_remove_response),
                         source_request_new (self, source), source_request_free, 0);
  plenary_dialog_present (dialog, widget);
}

static void
on_rename_response (PlenaryAlert  *dialog,
                    const char    *response,
                    SourceRequest *request)
{
  PlenarySource *source = request->source;
  PlenaryDocument *document = request->document;
  GtkEditable *entry = GTK_EDITABLE (plenary_alert_get_extra_child (dialog));
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_strcmp0 (response, "rename") != 0 || title[0] == '\0' ||
      g_strcmp0 (title, plenary_source_get_title (source)) == 0)
    return;

  plenary_source_set_title (source, title);
  /* A title is a property of the source, not a change of the list the
   * document watches. */
  if (document != NULL)
    plenary_document_set_modified (document, TRUE);
}

static void
on_rename_entry_changed (GtkEditable      *entry,
                         PlenaryAlert *dialog)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  plenary_alert_set_response_enabled (dialog, "rename", title[0] != '\0');
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlenarySourcesPanel *self = PLENARY_SOURCES_PANEL (widget);
  PlenarySource *source = find_source (self, g_variant_get_string (parameter, NULL), NULL);
  GtkWidget *dialog;
  GtkWidget *entry;

  if (source == NULL)
    return;

  dialog = plenary_alert_new (_("Rename Source"), NULL);
  plenary_alert_add_responses (PLENARY_ALERT (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  plenary_alert_set_response_appearance (PLENARY_ALERT (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  plenary_alert_set_default_response (PLENARY_ALERT (dialog), "rename");
  plenary_alert_set_close_response (PLENARY_ALERT (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), plenary_source_get_title (source));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"),
                                  -1);
  g_signal_connect (entry, "changed", G_CALLBACK (on_rename_entry_changed), dialog);
  plenary_alert_set_extra_child (PLENARY_ALERT (dialog), entry);

  g_signal_connect_data (dialog, "response", G_CALLBACK (on_rename_response),
                         source_request_new (self, source), source_request_free, 0);

  plenary_dialog_present (dialog, GTK_WIDGET (self));
  gtk_widget_grab_focus (entry);
}

static void
details_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PlenarySourcesPanel *self = PLENARY_SOURCES_PANEL (widget);
  PlenarySource *source = find_source (self, g_variant_get_string (parameter, NULL), NULL);

  if (source != NULL)
    plenary_source_details_present (widget, self->document, source);
}

/* Viewer ----------------------------------------------------------------------- */

static void
on_viewer_close (PlenarySourcesPanel *self)
{
  plenary_sources_panel_show_list (self);
}

void
plenary_sources_panel_open_source (PlenarySourcesPanel *self,
                                   PlenarySource       *source,
                                   gint64               start,
                                   gint64               end)
{
  g_autofree char *query = NULL;

  g_return_if_fail (PLENARY_IS_SOURCES_PANEL (self));
  g_return_if_fail (PLENARY_IS_SOURCE (source));

  if (self->draft == NULL)
    return;

  plenary_source_viewer_set_source (self->viewer, self->draft, source);

  /* The words searched across sources stay highlighted in the viewer. */
  if (!query_is_blank (self))
    plenary_source_viewer_find (self->viewer, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  if (start >= 0)
    plenary_source_viewer_select_range (self->viewer, start, MAX (start, end));

  gtk_widget_set_visible (GTK_WIDGET (self->viewer), TRUE);
  if (plenary_source_viewer_get_showing_pages (self->viewer))
    gtk_widget_grab_focus (GTK_WIDGET (plenary_source_viewer_get_pdf_view (self->viewer)));
  else
    gtk_widget_grab_focus (GTK_WIDGET (plenary_source_viewer_get_text_view (self->viewer)));
}

void
plenary_sources_panel_show_list (PlenarySourcesPanel *self)
{
  g_return_if_fail (PLENARY_IS_SOURCES_PANEL (self));

  gtk_widget_set_visible (GTK_WIDGET (self->viewer), FALSE);
  plenary_source_viewer_set_source (self->viewer, NULL, NULL);
}

gboolean
plenary_sources_panel_get_viewer_visible (PlenarySourcesPanel *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCES_PANEL (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->viewer)) &&
         plenary_source_viewer_get_source (self->viewer) != NULL;
}

PlenarySourceViewer *
plenary_sources_panel_get_viewer (PlenarySourcesPanel *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCES_PANEL (self), NULL);
  return self->viewer;
}

/* Document ------------------------------------------------------------------- */

static void
set_draft (PlenarySourcesPanel *self,
           PlenaryDraft        *draft)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autoptr(PlenarySourceSearch) search = NULL;

  if (self->draft == draft && draft != NULL)
    return;

  plenary_sources_panel_show_list (self);
  g_set_object (&self->draft, draft);
  g_signal_group_set_target (self->sources_signals, draft != NULL ? plenary_draft_get_sources (draft) : NULL);

  if (draft != NULL)
    {
      GListModel *sources = G_LIST_MODEL (plenary_draft_get_sources (draft));

      selection = gtk_no_selection_new (g_object_ref (sources));
      search = plenary_source_search_new (sources);
    }

  gtk_list_view_set_model (self->sources_view, GTK_SELECTION_MODEL (selection));
  set_search (self, search);
  update_actions (self);
  update_content (self);
}

static void
on_draft_replaced (PlenarySourcesPanel *self)
{
  set_draft (self, self->document != NULL ? plenary_document_get_draft (self->document) : NULL);
}

PlenaryDocument *
plenary_sources_panel_get_document (PlenarySourcesPanel *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCES_PANEL (self), NULL);
  return self->document;
}

void
plenary_sources_panel_set_document (PlenarySourcesPanel *self,
                                    PlenaryDocument     *document)
{
  g_return_if_fail (PLENARY_IS_SOURCES_PANEL (self));
  g_return_if_fail (document == NULL || PLENARY_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  g_signal_group_set_target (self->document_signals, document);
  on_draft_replaced (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

gboolean
plenary_sources_panel_get_busy (PlenarySourcesPanel *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCES_PANEL (self), FALSE);
  return self->n_imports > 0;
}

PlenarySourceSearch *
plenary_sources_panel_get_search (PlenarySourcesPanel *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCES_PANEL (self), NULL);
  return self->search;
}

GtkEditable *
plenary_sources_panel_get_search_entry (PlenarySourcesPanel *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCES_PANEL (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

/* GObject -------------------------------------------------------------------- */

static void
plenary_sources_panel_dispose (GObject *object)
{
  PlenarySourcesPanel *self = PLENARY_SOURCES_PANEL (object);

  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  if (self->sources_signals != NULL)
    g_signal_group_set_target (self->sources_signals, NULL);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->sources_signals);
  if (self->search != NULL)
    g_signal_handlers_disconnect_by_data (self->search, self);
  g_clear_object (&self->search);
  g_clear_object (&self->draft);
  g_clear_object (&self->document);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->viewer != NULL)
    g_signal_handlers_disconnect_by_data (self->viewer, self);
  g_clear_object (&self->viewer);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_SOURCES_PANEL);

  G_OBJECT_CLASS (plenary_sources_panel_parent_class)->dispose (object);
}

static void
plenary_sources_panel_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PlenarySourcesPanel *self = PLENARY_SOURCES_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->n_imports > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_sources_panel_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PlenarySourcesPanel *self = PLENARY_SOURCES_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      plenary_sources_panel_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_sources_panel_class_init (PlenarySourcesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plenary_sources_panel_dispose;
  object_class->get_property = plenary_sources_panel_get_property;
  object_class->set_property = plenary_sources_panel_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PLENARY_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PLENARY_TYPE_SOURCE_VIEWER);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/plenary/Plenary/plenary-sources-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenarySourcesPanel, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlenarySourcesPanel, pages);
  gtk_widget_class_bind_template_child (widget_class, PlenarySourcesPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PlenarySourcesPanel, spinner);
  gtk_widget_class_bind_template_child (widget_class, PlenarySourcesPanel, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_child (widget_class, PlenarySourcesPanel, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PlenarySourcesPanel, sources_view);
  gtk_widget_class_bind_template_child (widget_class, PlenarySourcesPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PlenarySourcesPanel, results_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_source_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated);

  gtk_widget_class_install_action (widget_class, "sources.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "sources.add-samples", NULL, add_samples_action);
  gtk_widget_class_install_action (widget_class, "sources.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "sources.rename", "s", rename_action);
  gtk_widget_class_install_action (widget_class, "sources.details", "s", details_action);
  gtk_widget_class_install_action (widget_class, "sources.remove", "s", remove_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "plenary-sources-panel");
}

static void
plenary_sources_panel_init (PlenarySourcesPanel *self)
{
  GtkListItemFactory *factory;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Shown by the window in the reading pane, beside the draft. */
  self->viewer = g_object_ref_sink (PLENARY_SOURCE_VIEWER (plenary_source_viewer_new ()));
  gtk_widget_set_visible (GTK_WIDGET (self->viewer), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->viewer), "background");
  g_signal_connect_swapped (self->viewer, "close", G_CALLBACK (on_viewer_close), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_source_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_source_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_source_row), NULL);
  gtk_list_view_set_factory (self->sources_view, factory);
  g_object_unref (factory);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_result_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_result_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_result_row), NULL);
  gtk_list_view_set_factory (self->results_view, factory);
  g_object_unref (factory);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  self->document_signals = g_signal_group_new (PLENARY_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "notify::draft",
                                  G_CALLBACK (on_draft_replaced), self);
  self->sources_signals = g_signal_group_new (G_TYPE_LIST_STORE);
  g_signal_group_connect_swapped (self->sources_signals, "items-changed",
                                  G_CALLBACK (on_sources_changed), self);

  update_actions (self);
  update_content (self);
}

GtkWidget *
plenary_sources_panel_new (void)
{
  return g_object_new (PLENARY_TYPE_SOURCES_PANEL, NULL);
}
