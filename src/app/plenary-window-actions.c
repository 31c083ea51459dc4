/* plenary-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-window-actions"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "plenary-annotations.h"
#include "plenary-application.h"
#include "plenary-clause-printer.h"
#include "plenary-revisions-panel.h"
#include "plenary-clause-picker.h"
#include "plenary-convert.h"
#include "plenary-dialogs.h"
#include "plenary-brief.h"
#include "plenary-draft-codec.h"
#include "plenary-draft-file.h"
#include "plenary-file-chooser.h"
#include "plenary-export.h"
#include "plenary-print.h"
#include "plenary-templates.h"
#include "plenary-window-private.h"
#include "plenary-window-proposals.h"

#define MAX_RECENT 10

static PlenaryApplication *
get_application (PlenaryWindow *self)
{
  return PLENARY_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

/* Suggest Changes ------------------------------------------------------- */

/* The toggle shows whether the visible document is suggesting. */
static void
update_suggest_action (PlenaryWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "suggest");
  PlenaryDocument *document = self->visible_document;

  if (action == NULL)
    return;

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), document != NULL);
  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_boolean (document != NULL && plenary_document_get_suggesting (document)));

  if (document != NULL &&
      g_signal_handler_find (document, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                             update_suggest_action, self) == 0)
    g_signal_connect_object (document, "notify::suggesting", G_CALLBACK (update_suggest_action),
                             self, G_CONNECT_SWAPPED);
}

static void
start_suggesting (PlenaryWindow *self,
                  gboolean       known,
                  gpointer       user_data)
{
  PlenaryDocument *document = self->visible_document;
  g_autofree char *delegation = NULL;

  if (!known || document == NULL)
    {
      update_suggest_action (self);
      return;
    }

  /* Just asked for: the document may not have it yet. */
  delegation = g_strstrip (g_settings_get_string (self->settings, "delegation"));
  plenary_document_set_delegation (document, delegation);
  plenary_document_set_suggesting (document, TRUE);
}

static void
suggest_change_state (GSimpleAction *action,
                      GVariant      *state,
                      gpointer       user_data)
{
  PlenaryWindow *self = user_data;

  if (self->visible_document == NULL)
    return;

  /* Edits are proposals in the name of the delegation: ask for it once. */
  if (g_variant_get_boolean (state))
    plenary_window_ensure_delegation (self, start_suggesting, NULL);
  else
    plenary_document_set_suggesting (self->visible_document, FALSE);
}

void
plenary_window_update_actions (PlenaryWindow *self)
{
  PlenaryDocument *document = self->visible_document;
  gboolean has_document = document != NULL;
  gboolean busy = has_document && plenary_document_get_busy (document);
  gboolean exporting = self->exporting != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_document && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_document && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-page", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.insert-clause",
                                 has_document &&
                                 plenary_draft_get_kind (plenary_document_get_draft (document)) == PLENARY_DRAFT_KIND_RESOLUTION);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as-template",
                                 has_document &&
                                 plenary_draft_get_kind (plenary_document_get_draft (document)) == PLENARY_DRAFT_KIND_BRIEF);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.convert-to-brief",
                                 has_document && !busy &&
                                 plenary_draft_get_kind (plenary_document_get_draft (document)) == PLENARY_DRAFT_KIND_RESOLUTION);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.convert-to-resolution",
                                 has_document && !busy &&
                                 plenary_draft_get_kind (plenary_document_get_draft (document)) == PLENARY_DRAFT_KIND_BRIEF);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cite", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cite-reference", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.highlight", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_document && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", has_document && !busy && !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-with", has_document && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-revisions", has_document && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge-changes", has_document && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-version", has_document && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-revision", has_document && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-revision", has_document && !busy);
  /* A save adds a version, another draft has others. */
  plenary_window_update_versions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-docx", has_document && !busy && !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-odt", has_document && !busy && !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-export", exporting);
  update_suggest_action (self);
}

/* Saving --------------------------------------------------------------- */

static void
add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) PLENARY_DRAFT_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "plenary %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void document_saved_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data);

static void
overwrite_response_cb (PlenaryAlert *dialog,
                       const char       *response,
                       GTask            *task)
{
  PlenaryDocument *document = g_task_get_task_data (task);

  if (g_str_equal (response, "overwrite"))
    plenary_document_save_async (document, NULL, TRUE, NULL, document_saved_cb, task);
  else
    {
      g_task_return_boolean (task, FALSE);
      g_object_unref (task);
    }
}

static void
ask_overwrite (PlenaryWindow   *self,
               PlenaryDocument *document,
               GTask           *task,
               const GError    *error)
{
  GtkWidget *dialog;

  dialog = plenary_alert_new (_("Replace the Newer Version?"), NULL);
  plenary_alert_format_body (PLENARY_ALERT (dialog), "%s %s", error->message,
                                  _("Saving replaces that version with yours."));
  plenary_alert_add_responses (PLENARY_ALERT (dialog),
                                    "cancel", _("_Cancel"),
                                    "overwrite", _("_Replace"),
                                    NULL);
  plenary_alert_set_response_appearance (PLENARY_ALERT (dialog), "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  plenary_alert_set_close_response (PLENARY_ALERT (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (overwrite_response_cb), task);
  plenary_dialog_present (dialog, GTK_WIDGET (self));
}

static void
document_saved_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PlenaryDocument *document = PLENARY_DOCUMENT (object);
  g_autoptr(GTask) task = user_data;
  PlenaryWindow *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!plenary_document_save_finish (document, result, &error))
    {
      g_autofree char *heading = NULL;

      if (g_error_matches (error, PLENARY_DOCUMENT_ERROR, PLENARY_DOCUMENT_ERROR_CHANGED_ON_DISK))
        {
          ask_overwrite (self, document, g_steal_pointer (&task), error);
          return;
        }

      heading = g_strdup_printf (_("Could Not Save “%s”"), plenary_document_get_title (document));
      plenary_window_show_error (self, heading, error);
      g_task_return_boolean (task, FALSE);
      return;
    }

  add_to_recent (plenary_document_get_file (document));
  g_task_return_boolean (task, TRUE);
}

/* A name the user typed gets its extension; when that names another file
 * that exists, the dialog did not ask about it, so ask here. */
typedef void (*ChosenFunc) (PlenaryWindow *self,
                            GFile         *file,
                            gpointer       data);

typedef struct
{
  ChosenFunc  func;
  gpointer    data;
  GFile      *file;
} Chosen;

static void
replace_response_cb (PlenaryAlert *dialog,
                     const char       *response,
                     Chosen           *chosen)
{
  PlenaryWindow *self = PLENARY_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  chosen->func (self, g_str_equal (response, "replace") ? chosen->file : NULL, chosen->data);
  g_object_unref (chosen->file);
  g_free (chosen);
}

static void
complete_chosen_file (PlenaryWindow   *self,
                      GFile           *picked,
                      PlenaryFileKind  kind,
                      ChosenFunc       func,
                      gpointer         data)
{
  g_autoptr(GFile) file = plenary_file_chooser_complete_file (picked, kind);
  g_autofree char *name = NULL;
  Chosen *chosen;
  GtkWidget *dialog;

  if (g_file_equal (file, picked) || !g_file_query_exists (file, NULL))
    {
      func (self, file, data);
      return;
    }

  name = g_file_get_basename (file);
  dialog = plenary_alert_new (NULL, NULL);
  plenary_alert_format_heading (PLENARY_ALERT (dialog), _("Replace “%s”?"), name);
  plenary_alert_set_body (PLENARY_ALERT (dialog),
                               _("A file with this name already exists in the folder. Replacing it overwrites its contents."));
  plenary_alert_add_responses (PLENARY_ALERT (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  plenary_alert_set_response_appearance (PLENARY_ALERT (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
  plenary_alert_set_close_response (PLENARY_ALERT (dialog), "cancel");
  chosen = g_new0 (Chosen, 1);
  chosen->func = func;
  chosen->data = data;
  chosen->file = g_steal_pointer (&file);
  g_signal_connect (dialog, "response", G_CALLBACK (replace_response_cb), chosen);
  plenary_dialog_present (dialog, GTK_WIDGET (self));
}

static void
save_to_chosen (PlenaryWindow *self,
                GFile         *file,
                gpointer       data)
{
  g_autoptr(GTask) task = data;
  PlenaryDocument *document = g_task_get_task_data (task);

  if (file == NULL)
    {
      g_task_return_boolean (task, FALSE);
      return;
    }

  /* The file dialog, or the question above, already asked about replacing
   * an existing file. */
  plenary_document_save_async (document, file, TRUE, NULL, document_saved_cb, g_steal_pointer (&task));
}

static void
save_as_chosen_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GFile) chosen = NULL;

  if (!(chosen = plenary_file_chooser_save_finish (result, NULL)))
    {
      g_task_return_boolean (task, FALSE);
      return;
    }

  complete_chosen_file (g_task_get_source_object (task), chosen, PLENARY_FILE_KIND_DRAFT,
                        save_to_chosen, g_steal_pointer (&task));
}

/* What the save dialogs propose: the file's name, else the symbol or the
 * question, never "New Draft" when the header says more. */
static char *
suggest_name (PlenaryDocument *document,
              PlenaryFileKind  kind)
{
  PlenaryMetadata *metadata = plenary_draft_get_metadata (plenary_document_get_draft (document));

  return plenary_file_chooser_suggest_name (plenary_document_get_file (document),
                                            plenary_metadata_get_string (metadata, "symbol"),
                                            plenary_metadata_get_string (metadata, "question"),
                                            plenary_document_get_title (document), kind);
}

void
_plenary_window_save_async (PlenaryWindow       *self,
                            PlenaryDocument     *document,
                            gboolean             save_as,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);
  GFile *file = plenary_document_get_file (document);

  g_task_set_source_tag (task, _plenary_window_save_async);
  g_task_set_task_data (task, g_object_ref (document), g_object_unref);

  /* A file another program removed, or one that could not be read, is not
   * a place to save to without asking. */
  if (file == NULL || save_as ||
      plenary_document_get_disk_state (document) == PLENARY_DISK_STATE_DELETED ||
      plenary_document_get_error (document) != NULL)
    {
      g_autofree char *name = suggest_name (document, PLENARY_FILE_KIND_DRAFT);
      g_autoptr(GFile) folder = file != NULL ? g_file_get_parent (file) : NULL;

      plenary_file_chooser_save_async (GTK_WINDOW (self), PLENARY_FILE_KIND_DRAFT, name, folder, NULL,
                                       save_as_chosen_cb, g_steal_pointer (&task));
      return;
    }

  plenary_document_save_async (document, NULL, FALSE, NULL, document_saved_cb, g_steal_pointer (&task));
}

gboolean
_plenary_window_save_finish (PlenaryWindow *self,
                             GAsyncResult  *result)
{
  return g_task_propagate_boolean (G_TASK (result), NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);

  if (self->visible_document != NULL)
    _plenary_window_save_async (self, self->visible_document,
                                g_str_equal (action_name, "win.save-as"), NULL, NULL);
}

/* Unsaved changes ------------------------------------------------------ */

typedef struct
{
  GPtrArray *documents;
  guint      next;
  gboolean   answer;
} ConfirmClose;

static void
confirm_close_free (gpointer data)
{
  ConfirmClose *state = data;

  g_ptr_array_unref (state->documents);
  g_free (state);
}

static void save_next (GTask *task);

static void
saved_one_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  /* A failed or cancelled save keeps everything open. */
  if (!_plenary_window_save_finish (PLENARY_WINDOW (object), result))
    g_task_return_boolean (task, FALSE);
  else
    save_next (g_steal_pointer (&task));
}

static void
save_next (GTask *task)
{
  PlenaryWindow *self = g_task_get_source_object (task);
  ConfirmClose *state = g_task_get_task_data (task);

  if (state->next >= state->documents->len)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  _plenary_window_save_async (self, g_ptr_array_index (state->documents, state->next++),
                              FALSE, saved_one_cb, task);
}

/* The answer is given once the question is gone: the windows it was
 * asked for may close then, and a dialog must not outlive its parent. */
static gboolean
return_answer (gpointer user_data)
{
  GTask *task = user_data;
  ConfirmClose *state = g_task_get_task_data (task);

  g_task_return_boolean (task, state->answer);
  g_object_unref (task);

  return G_SOURCE_REMOVE;
}

static void
confirm_response_cb (PlenaryAlert *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  GTask *task = user_data;
  ConfirmClose *state = g_task_get_task_data (task);

  if (g_str_equal (response, "save"))
    {
      save_next (task);
      return;
    }

  if (g_str_equal (response, "discard"))
    {
      for (guint i = 0; i < state->documents->len; i++)
        plenary_document_set_modified (g_ptr_array_index (state->documents, i), FALSE);
      state->answer = TRUE;
    }

  g_idle_add (return_answer, task);
}

void
plenary_window_confirm_close_async (PlenaryWindow       *self,
                                     GPtrArray           *documents,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task = g_task_new (self, NULL, callback, user_data);
  ConfirmClose *state = g_new0 (ConfirmClose, 1);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  guint n = documents->len;

  state->documents = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (state->documents, g_object_ref (g_ptr_array_index (documents, i)));
  g_task_set_task_data (task, state, confirm_close_free);

  if (n == 1)
    {
      PlenaryDocument *document = g_ptr_array_index (documents, 0);
      body = g_strdup_printf (_("“%s” has unsaved changes. Changes which are not saved will be permanently lost."),
                              plenary_document_get_title (document));
    }
  else
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        {
          PlenaryDocument *document = g_ptr_array_index (documents, i);
          g_string_append_printf (names, "\n• %s", plenary_document_get_title (document));
        }
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u draft has unsaved changes:%s",
                                           "%u drafts have unsaved changes:%s", n),
                              n, names->str);
    }

  dialog = plenary_alert_new (_("Save Changes?"), body);
  plenary_alert_add_responses (PLENARY_ALERT (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", n == 1 ? _("_Discard") : _("_Discard All"),
                                    "save", n == 1 ? _("_Save") : _("_Save All"),
                                    NULL);
  plenary_alert_set_response_appearance (PLENARY_ALERT (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  plenary_alert_set_response_appearance (PLENARY_ALERT (dialog), "save", ADW_RESPONSE_SUGGESTED);
  plenary_alert_set_default_response (PLENARY_ALERT (dialog), "save");
  plenary_alert_set_close_response (PLENARY_ALERT (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), task);
  plenary_dialog_present (dialog, GTK_WIDGET (self));
}

gboolean
plenary_window_confirm_close_finish (PlenaryWindow *self,
                                      GAsyncResult  *result)
{
  return g_task_propagate_boolean (G_TASK (result), NULL);
}

/* Opening -------------------------------------------------------------- */

static void
open_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PlenaryWindow *self = PLENARY_WINDOW (object);
  g_autoptr(GListModel) files = NULL;
  guint n;

  if (!(files = plenary_file_chooser_open_finish (result, NULL)))
    return;

  n = g_list_model_get_n_items (files);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      plenary_application_open_file (get_application (self), self, file);
    }
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  plenary_file_chooser_open_async (GTK_WINDOW (widget), NULL, open_chosen_cb, NULL);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  plenary_application_open_file (get_application (self), self, file);
}

static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  plenary_application_open_sample (get_application (PLENARY_WINDOW (widget)), PLENARY_WINDOW (widget));
}

static void
new_draft_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);

  plenary_application_new_draft (get_application (self), self, g_variant_get_string (param, NULL));
}

static void
close_page_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);
  AdwTabPage *tab = adw_tab_view_get_selected_page (self->tab_view);

  if (tab != NULL)
    adw_tab_view_close_page (self->tab_view, tab);
}

/* What a page has to say (it never calls the window itself). */
static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  plenary_window_show_toast (PLENARY_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
toggle_panel_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);
  PlenarySplitView *flap = g_str_equal (action_name, "win.toggle-side-panel") ? self->side_flap : self->comments_flap;

  plenary_split_view_set_show_sidebar (flap, !plenary_split_view_get_show_sidebar (flap));
}

/* F7, as "Spelling and Grammar" in word processors: the checks' list. */
static void
show_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);

  plenary_split_view_set_show_sidebar (self->side_flap, TRUE);
  gtk_stack_set_visible_child_name (self->side_stack, "problems");
  gtk_widget_child_focus (GTK_WIDGET (self->problems_bin), GTK_DIR_TAB_FORWARD);
}

/* The header bar's button and the shortcut reach the visible page's own. */
static void
insert_clause_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PlenaryPage *page = plenary_window_get_visible_page (PLENARY_WINDOW (widget));

  if (page != NULL)
    gtk_widget_activate_action (GTK_WIDGET (page), "page.insert-clause", NULL);
}

/* Citing and highlighting sources ------------------------------------- */

/* The passage selected in the source viewer, if it shows one. */
static PlenarySource *
get_source_passage (PlenaryWindow *self,
                    gint64        *start,
                    gint64        *end)
{
  PlenarySourceViewer *viewer = plenary_sources_panel_get_viewer (self->sources_panel);

  if (!plenary_sources_panel_get_viewer_visible (self->sources_panel) ||
      !plenary_source_viewer_get_selection_range (viewer, start, end))
    return NULL;

  return plenary_source_viewer_get_source (viewer);
}

static void
cite_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);
  PlenaryPage *page = plenary_window_get_visible_page (self);
  g_autoptr(GError) error = NULL;
  PlenarySource *source;
  gint64 start, end;

  if (page == NULL)
    return;

  if (!(source = get_source_passage (self, &start, &end)))
    {
      plenary_window_show_toast (self, _("Select the passage of the source to quote first"));
      return;
    }

  if (plenary_ask_author_first (widget, action_name, param))
    return;

  /* "cite" puts the quoted words in the draft; "cite-reference" only the
   * footnote marker after the words at the cursor. */
  if (!plenary_annotations_cite (plenary_page_get_annotations (page), source, start, end,
                                 g_str_equal (action_name, "win.cite"), &error))
    plenary_window_show_toast (self, error->message);
  else
    plenary_page_grab_focus (page);
}

static void
highlight_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);
  PlenaryPage *page = plenary_window_get_visible_page (self);
  PlenarySource *source;
  gint64 start, end;

  if (page == NULL)
    return;

  if (!(source = get_source_passage (self, &start, &end)))
    {
      plenary_window_show_toast (self, _("Select the passage of the source to highlight first"));
      return;
    }

  if (plenary_ask_author_first (widget, action_name, param))
    return;

  plenary_annotations_add_highlight (plenary_page_get_annotations (page), source, start, end,
                                     g_variant_get_string (param, NULL), NULL);
  plenary_split_view_set_show_sidebar (self->comments_flap, TRUE);
}

/* Printing and PDF ----------------------------------------------------- */

static void
show_exported (PlenaryWindow *self,
               GFile         *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  /* Markup: the name is escaped. */
  g_autofree char *message = g_strdup_printf (_("Exported “%s”"), escaped);
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-uri");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               PlenaryWindow           *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      plenary_window_show_error (self, _("Could Not Print"), error);
    }

  g_object_unref (operation);
}

static void
run_print_operation (PlenaryWindow           *self,
                     GtkPrintOperation       *operation,
                     GtkPrintOperationAction  action)
{
  g_autoptr(GError) error = NULL;

  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  if (gtk_print_operation_run (operation, action, GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    plenary_window_show_error (self, _("Could Not Print"), error);
}

/* The headings of a brief's sections with nothing written under them yet,
 * quoted and joined; NULL when every section has text. */
static char *
describe_empty_sections (PlenaryDocument *document)
{
  PlenaryDraft *draft = plenary_document_get_draft (document);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (document));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) names = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GtkTextIter start, end;

  if (plenary_draft_get_kind (draft) != PLENARY_DRAFT_KIND_BRIEF)
    return NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  lines = g_strsplit (text, "\n", -1);
  problems = plenary_brief_check_text (text, plenary_draft_get_language (draft), 0, 0);
  names = g_string_new (NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      const PlenaryCheckProblem *problem = g_ptr_array_index (problems, i);
      guint line = problem->line;

      if (problem->kind == PLENARY_CHECK_TEMPLATE_HINT)
        while (line > 0 && !g_str_has_prefix (lines[line], "# "))
          line--;
      else if (problem->kind != PLENARY_CHECK_EMPTY_SECTION)
        continue;
      if (line >= g_strv_length (lines) || !g_str_has_prefix (lines[line], "# "))
        continue;

      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append_printf (names, _("“%s”"), g_strstrip (lines[line] + 2));
    }

  return names->len > 0 ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

/* The export or print asked about, to go on with. */
typedef struct
{
  PlenaryWindow *window;
  char          *action_name;
} PendingAction;

static void
pending_action_free (gpointer  data,
                     GClosure *closure)
{
  PendingAction *pending = data;

  g_object_unref (pending->window);
  g_free (pending->action_name);
  g_free (pending);
}

static void
empty_sections_response_cb (PlenaryAlert  *dialog,
                            const char    *response,
                            PendingAction *pending)
{
  if (!g_str_equal (response, "continue"))
    return;

  pending->window->empty_sections_confirmed = TRUE;
  gtk_widget_activate_action (GTK_WIDGET (pending->window), pending->action_name, NULL);
  pending->window->empty_sections_confirmed = FALSE;
}

/* A brief printed with sections still empty is rarely what a delegation
 * means to hand in: say which, and let them go on or go back. */
static gboolean
ask_about_empty_sections (PlenaryWindow *self,
                          const char    *action_name)
{
  g_autofree char *names = NULL;
  PendingAction *pending;
  GtkWidget *dialog;

  if (self->empty_sections_confirmed ||
      !(names = describe_empty_sections (self->visible_document)))
    return FALSE;

  dialog = plenary_alert_new (_("Some Sections Are Empty"), NULL);
  /* Translators: %s is a list of quoted section headings. */
  plenary_alert_format_body (PLENARY_ALERT (dialog),
                                  _("Nothing is written yet under %s. These headings would print with nothing under them."),
                                  names);
  plenary_alert_add_responses (PLENARY_ALERT (dialog),
                                    "cancel", _("_Go Back"),
                                    "continue", _("_Continue Anyway"),
                                    NULL);
  plenary_alert_set_default_response (PLENARY_ALERT (dialog), "cancel");
  plenary_alert_set_close_response (PLENARY_ALERT (dialog), "cancel");
  pending = g_new0 (PendingAction, 1);
  pending->window = g_object_ref (self);
  pending->action_name = g_strdup (action_name);
  g_signal_connect_data (dialog, "response", G_CALLBACK (empty_sections_response_cb), pending,
                         pending_action_free, 0);
  plenary_dialog_present (dialog, GTK_WIDGET (self));

  return TRUE;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);

  if (self->visible_document != NULL && ask_about_empty_sections (self, action_name))
    return;

  if (self->visible_document != NULL)
    run_print_operation (self, plenary_print_operation_new (self->visible_document),
                         GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
}

/* An export under way, shown in the window's banner with its Cancel. A
 * window closed meanwhile cancels it (its dispose). */
typedef struct
{
  GWeakRef             window;
  GFile               *file;
  PlenaryExportFormat  format;
} Export;

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(PlenaryWindow) self = g_weak_ref_get (&export->window);
  g_autoptr(GError) error = NULL;
  gboolean done = plenary_export_finish (result, &error);

  if (self != NULL && self->export_banner != NULL)
    {
      g_clear_object (&self->exporting);
      gtk_revealer_set_reveal_child (self->export_banner, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->export_banner), FALSE);
      gtk_spinner_stop (self->export_spinner);
      plenary_window_update_actions (self);

      if (done)
        show_exported (self, export->file);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        plenary_window_show_toast (self, _("Export cancelled; nothing was written."));
      else
        plenary_window_show_error (self,
                                   export->format == PLENARY_EXPORT_PDF ? _("Could Not Export the PDF")
                                                                        : _("Could Not Export the Document"),
                                   error);
    }

  g_weak_ref_clear (&export->window);
  g_object_unref (export->file);
  g_free (export);
}

void
plenary_window_export (PlenaryWindow       *self,
                       PlenaryDocument     *document,
                       GFile               *file,
                       PlenaryExportFormat  format)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  Export *export;

  g_return_if_fail (PLENARY_IS_WINDOW (self));
  g_return_if_fail (PLENARY_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  /* A dialog opened before the export under way began. */
  if (self->exporting != NULL)
    {
      plenary_window_show_toast (self, _("Another export is under way: wait for it to end or cancel it."));
      return;
    }

  name = g_file_get_basename (file);
  message = g_strdup_printf (_("Exporting “%s”…"), name);
  gtk_label_set_label (self->export_label, message);
  gtk_spinner_start (self->export_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->export_banner), TRUE);
  gtk_revealer_set_reveal_child (self->export_banner, TRUE);

  export = g_new0 (Export, 1);
  g_weak_ref_init (&export->window, self);
  export->file = g_object_ref (file);
  export->format = format;
  self->exporting = g_cancellable_new ();
  plenary_window_update_actions (self);

  plenary_export_async (document, file, format, self->exporting, export_done_cb, export);
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);

  g_cancellable_cancel (self->exporting);
}

/* Which PDF, and of which document: what the file dialog carries. */
typedef struct
{
  PlenaryWindow       *window;  /* while the form is asked for */
  PlenaryDocument     *document;
  PlenaryExportFormat  format;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_clear_object (&request->window);
  g_object_unref (request->document);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportRequest, export_request_free)

static void
export_to_chosen (PlenaryWindow *self,
                  GFile         *file,
                  gpointer       data)
{
  g_autoptr(ExportRequest) request = data;

  if (file != NULL)
    plenary_window_export (self, request->document, file, request->format);
}

static void
export_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ExportRequest) request = user_data;
  g_autoptr(GFile) chosen = NULL;

  if (!(chosen = plenary_file_chooser_save_finish (result, NULL)))
    return;

  complete_chosen_file (PLENARY_WINDOW (object), chosen, PLENARY_FILE_KIND_PDF,
                        export_to_chosen, g_steal_pointer (&request));
}

static void
choose_pdf_file (PlenaryWindow       *self,
                 PlenaryDocument     *document,
                 PlenaryExportFormat  format)
{
  g_autofree char *name = suggest_name (document, PLENARY_FILE_KIND_PDF);
  g_autoptr(GFile) folder = NULL;
  ExportRequest *request = g_new0 (ExportRequest, 1);

  if (plenary_document_get_file (document) != NULL)
    folder = g_file_get_parent (plenary_document_get_file (document));

  request->document = g_object_ref (document);
  request->format = format;
  plenary_file_chooser_save_async (GTK_WINDOW (self), PLENARY_FILE_KIND_PDF, name, folder, NULL,
                                   export_chosen_cb, request);
}

static void
export_form_response_cb (PlenaryAlert *dialog,
                         const char   *response,
                         gpointer      user_data)
{
  ExportRequest *request = user_data;

  if (g_str_equal (response, "cancel"))
    return;

  choose_pdf_file (request->window, request->document,
                   g_str_equal (response, "shown") ? PLENARY_EXPORT_PDF_SHOWN
                   : g_str_equal (response, "compilation") ? PLENARY_EXPORT_PDF_COMPILATION
                   : PLENARY_EXPORT_PDF);
}

/* A text under negotiation prints three ways: the delegate chooses. */
static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);
  PlenaryDocument *document = self->visible_document;
  ExportRequest *request;
  GtkWidget *dialog;

  if (document == NULL || ask_about_empty_sections (self, action_name))
    return;

  plenary_document_sync_draft (document);
  if (g_list_model_get_n_items (plenary_draft_get_proposals (plenary_document_get_draft (document))) == 0)
    {
      choose_pdf_file (self, document, PLENARY_EXPORT_PDF);
      return;
    }

  dialog = plenary_alert_new (_("Export Which Text?"),
                              _("The draft holds proposals. Export the text as agreed so far, "
                                "the text with the proposals marked in it, or the compilation text, "
                                "with each proposal in square brackets and its proposers."));
  plenary_alert_add_responses (PLENARY_ALERT (dialog),
                               "cancel", _("_Cancel"),
                               "clean", _("C_lean Text"),
                               "shown", _("With _Proposals"),
                               "compilation", _("Co_mpilation Text"),
                               NULL);
  plenary_alert_set_response_appearance (PLENARY_ALERT (dialog), "compilation", ADW_RESPONSE_SUGGESTED);
  plenary_alert_set_default_response (PLENARY_ALERT (dialog), "compilation");
  plenary_alert_set_close_response (PLENARY_ALERT (dialog), "cancel");
  request = g_new0 (ExportRequest, 1);
  request->window = g_object_ref (self);
  request->document = g_object_ref (document);
  g_signal_connect_data (dialog, "response", G_CALLBACK (export_form_response_cb), request,
                         (GClosureNotify) (void (*) (void)) export_request_free, 0);
  plenary_dialog_present (dialog, GTK_WIDGET (self));
}

static void
export_docx_chosen_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(PlenaryDocument) document = user_data;
  g_autoptr(GFile) file = NULL;

  if ((file = plenary_file_chooser_save_finish (result, NULL)))
    plenary_window_export (PLENARY_WINDOW (object), document, file, PLENARY_EXPORT_DOCX);
}

static void
export_odt_chosen_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(PlenaryDocument) document = user_data;
  g_autoptr(GFile) file = NULL;

  if ((file = plenary_file_chooser_save_finish (result, NULL)))
    plenary_window_export (PLENARY_WINDOW (object), document, file, PLENARY_EXPORT_ODT);
}

/* win.export-docx and win.export-odt: Word and OpenDocument beside PDF. */
static void
export_office_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);
  PlenaryDocument *document = self->visible_document;
  gboolean odt = g_str_equal (action_name, "win.export-odt");
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;

  if (document == NULL)
    return;

  name = g_strconcat (plenary_document_get_title (document), odt ? ".odt" : ".docx", NULL);
  if (plenary_document_get_file (document) != NULL)
    folder = g_file_get_parent (plenary_document_get_file (document));

  plenary_file_chooser_save_async (GTK_WINDOW (self), odt ? PLENARY_FILE_KIND_ODT : PLENARY_FILE_KIND_DOCX,
                                   name, folder, NULL, odt ? export_odt_chosen_cb : export_docx_chosen_cb,
                                   g_object_ref (document));
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  const char *uri = g_variant_get_string (param, NULL);
#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

  gtk_file_launcher_launch (launcher, GTK_WINDOW (widget), NULL, NULL, NULL);
#else
  gtk_show_uri (GTK_WINDOW (widget), uri, GDK_CURRENT_TIME);
#endif
}

/* Templates of one's own --------------------------------------------- */

void
plenary_window_update_templates (PlenaryWindow *self)
{
  g_autoptr(GListStore) templates = plenary_templates_list (NULL, -1);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (templates));

  g_menu_remove_all (self->user_templates_section);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenaryTemplate) template = g_list_model_get_item (G_LIST_MODEL (templates), i);
      g_autoptr(GMenuItem) item = NULL;

      if (plenary_template_is_builtin (template))
        continue;
      item = g_menu_item_new (plenary_template_get_title (template), NULL);
      g_menu_item_set_action_and_target (item, "win.new-draft", "s", plenary_template_get_id (template));
      g_menu_append_item (self->user_templates_section, item);
    }
}

static void
template_name_response_cb (PlenaryAlert *dialog,
                           const char       *response,
                           PlenaryWindow    *self)
{
  GtkEditable *entry = GTK_EDITABLE (plenary_alert_get_extra_child (dialog));
  PlenaryDocument *document = self->visible_document;
  g_autoptr(PlenaryTemplate) template = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "save") || document == NULL)
    return;

  plenary_document_sync_draft (document);
  if (!(template = plenary_templates_save_structure (plenary_document_get_draft (document),
                                                     gtk_editable_get_text (entry), &error)))
    {
      plenary_window_show_error (self, _("Could Not Save the Template"), error);
      return;
    }

  /* Every window's New menu offers it from now on. */
  for (GList *l = gtk_application_get_windows (gtk_window_get_application (GTK_WINDOW (self))); l; l = l->next)
    if (PLENARY_IS_WINDOW (l->data))
      plenary_window_update_templates (l->data);

  message = g_strdup_printf (_("Template “%s” saved"), plenary_template_get_title (template));
  plenary_window_show_toast (self, message);
}

/* A resolution made a brief or back: the text is the same, line for line
 * (sub-paragraphs are bullets in a brief); converting back restores it. */
static void
convert_kind_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);
  PlenaryDraftKind kind = g_str_equal (action_name, "win.convert-to-brief") ? PLENARY_DRAFT_KIND_BRIEF
                                                                             : PLENARY_DRAFT_KIND_RESOLUTION;
  PlenaryDocument *document = self->visible_document;
  g_autoptr(PlenaryDraft) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) json = NULL;

  if (document == NULL)
    return;
  plenary_document_sync_draft (document);
  json = plenary_draft_codec_encode (plenary_document_get_draft (document));
  if (!(copy = plenary_draft_codec_decode (g_bytes_get_data (json, NULL), g_bytes_get_size (json), &error)))
    {
      plenary_window_show_toast (self, error->message);
      return;
    }
  plenary_convert_kind (copy, kind);
  plenary_document_restore_version (document, copy);
  plenary_window_update_actions (self);
  plenary_window_show_toast (self, kind == PLENARY_DRAFT_KIND_BRIEF
                                   ? _("The draft is now a brief; every paragraph is kept")
                                   : _("The draft is now a resolution; every paragraph is kept"));
}

static void
save_as_template_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  if (self->visible_document == NULL)
    return;

  dialog = plenary_alert_new (_("Save as Template"),
                                   _("The headings and the header of this brief become a template of your own, offered in the New menu."));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), plenary_document_get_title (self->visible_document));
  plenary_alert_set_extra_child (PLENARY_ALERT (dialog), entry);
  plenary_alert_add_responses (PLENARY_ALERT (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  plenary_alert_set_response_appearance (PLENARY_ALERT (dialog), "save", ADW_RESPONSE_SUGGESTED);
  plenary_alert_set_default_response (PLENARY_ALERT (dialog), "save");
  plenary_alert_set_close_response (PLENARY_ALERT (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (template_name_response_cb), self, 0);
  plenary_dialog_present (dialog, GTK_WIDGET (self));
}

/* Recent files --------------------------------------------------------- */

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

static void
update_recent_menu (PlenaryWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items = gtk_recent_manager_get_items (manager);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), PLENARY_DRAFT_MIME_TYPE) == 0 ||
          g_str_has_suffix (gtk_recent_info_get_uri (info), PLENARY_DRAFT_SUFFIX))
        g_ptr_array_add (drafts, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_ptr_array_sort (drafts, compare_recent);
  g_menu_remove_all (self->recent_section);

  for (guint i = 0; i < drafts->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (drafts, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_section, item);
    }

  if (drafts->len == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Drafts"), "win.no-recent");
      g_menu_append_item (self->recent_section, item);
    }
}

/* Previous versions ------------------------------------------------------ */

/* The backups of the visible draft's file, newest first, as kept by every
 * save (plenary_draft_file_list_backups()). */
void
plenary_window_update_versions (PlenaryWindow *self)
{
  GFile *file = self->visible_document != NULL ? plenary_document_get_file (self->visible_document) : NULL;
  g_autoptr(GPtrArray) backups = file != NULL ? plenary_draft_file_list_backups (file, NULL) : NULL;

  g_menu_remove_all (self->versions_section);

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      GFile *backup = g_ptr_array_index (backups, i);
      g_autoptr(GFileInfo) info = g_file_query_info (backup, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
      g_autoptr(GDateTime) modified = info != NULL ? g_file_info_get_modification_date_time (info) : NULL;
      g_autoptr(GDateTime) local = modified != NULL ? g_date_time_to_local (modified) : NULL;
      /* Translators: a date and time in strftime() format, when a version was saved. */
      g_autofree char *when = local != NULL ? g_date_time_format (local, _("%e %B %Y, %H:%M")) : NULL;
      /* Translators: %s is a date and time. */
      g_autofree char *label = g_strdup_printf (_("Saved %s"), when != NULL ? g_strstrip (when) : "?");
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.restore-version", "s", g_file_peek_path (backup));
      g_menu_append_item (self->versions_section, item);
    }

  if (backups == NULL || backups->len == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Previous Versions"), "win.no-versions");
      g_menu_append_item (self->versions_section, item);
    }
}

typedef struct
{
  PlenaryDocument *document;
  PlenaryDraft    *draft;
} RestoreVersion;

static void
restore_version_free (RestoreVersion *restore)
{
  g_object_unref (restore->document);
  g_object_unref (restore->draft);
  g_free (restore);
}

static void
restore_response_cb (PlenaryAlert *dialog,
                     const char       *response,
                     RestoreVersion   *restore)
{
  if (g_str_equal (response, "restore"))
    plenary_document_restore_version (restore->document, restore->draft);
  restore_version_free (restore);
}

static void
restore_version_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);
  g_autoptr(GFile) backup = g_file_new_for_path (g_variant_get_string (param, NULL));
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  RestoreVersion *restore;
  GtkWidget *dialog;

  if (self->visible_document == NULL)
    return;

  if (!(draft = plenary_draft_load (backup, NULL, &error)))
    {
      plenary_window_show_error (self, _("Could Not Restore the Version"), error);
      return;
    }

  restore = g_new0 (RestoreVersion, 1);
  restore->document = g_object_ref (self->visible_document);
  restore->draft = g_steal_pointer (&draft);

  /* Restoring replaces the text: unsaved changes would go. */
  if (!plenary_document_get_modified (self->visible_document))
    {
      restore_response_cb (NULL, "restore", restore);
      return;
    }

  dialog = plenary_alert_new (_("Restore the Previous Version?"),
                                   _("The unsaved changes of this draft will be lost. The version on disk is kept "
                                     "as a previous version when you save."));
  plenary_alert_add_responses (PLENARY_ALERT (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  plenary_alert_set_response_appearance (PLENARY_ALERT (dialog), "restore", ADW_RESPONSE_DESTRUCTIVE);
  plenary_alert_set_close_response (PLENARY_ALERT (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (restore_response_cb), restore);
  plenary_dialog_present (dialog, GTK_WIDGET (self));
}

/* Revisions ------------------------------------------------------------- */

static PlenaryRevision *
find_revision (PlenaryWindow *self,
               GVariant      *param)
{
  PlenaryDraft *draft;

  if (self->visible_document == NULL)
    return NULL;

  draft = plenary_document_get_draft (self->visible_document);
  return plenary_draft_find_revision (draft, g_variant_get_string (param, NULL));
}

static void restore_from_viewer (PlenaryWindow *self,
                                 GtkWidget     *button);

static void
show_revisions_panel (PlenaryWindow *self)
{
  plenary_split_view_set_show_sidebar (self->side_flap, TRUE);
  gtk_stack_set_visible_child_name (self->side_stack, "revisions");
}

static void
save_revision_response_cb (PlenaryAlert  *dialog,
                           const char    *response,
                           PlenaryWindow *self)
{
  PlenaryDocument *document = g_object_get_data (G_OBJECT (dialog), "document");
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (plenary_alert_get_extra_child (dialog))));
  g_autofree char *author = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "save") || *g_strstrip (name) == '\0')
    return;

  author = plenary_annotations_dup_author_name ();
  plenary_document_save_revision (document, name, author);
  show_revisions_panel (self);

  /* A draft with a file keeps the revision at once; a new one asks where. */
  if (document == self->visible_document)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);

  /* Translators: %s is the name of the revision just saved. */
  message = g_strdup_printf (_("Revision “%s” saved"), name);
  plenary_window_show_toast (self, message);
}

/* Ctrl+Alt+S: names the current text ("Zero draft", "Rev.1"). */
static void
save_revision_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *entry;
  g_autofree char *suggestion = NULL;
  guint n;

  if (self->visible_document == NULL)
    return;

  n = g_list_model_get_n_items (plenary_draft_get_revisions (plenary_document_get_draft (self->visible_document)));
  /* Translators: the name suggested for the first revision of a draft. */
  suggestion = n == 0 ? g_strdup (_("Zero draft"))
                      /* Translators: the name suggested for a later revision, %u is its number. */
                      : g_strdup_printf (_("Rev.%u"), n);

  dialog = plenary_alert_new (_("Save Revision"),
                              _("The current text and header are kept in the file under this name. "
                                "Sources and comments stay shared."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), suggestion);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Revision name"), -1);
  plenary_alert_set_extra_child (PLENARY_ALERT (dialog), entry);
  plenary_alert_add_responses (PLENARY_ALERT (dialog),
                               "cancel", _("_Cancel"),
                               "save", _("_Save Revision"),
                               NULL);
  plenary_alert_set_response_appearance (PLENARY_ALERT (dialog), "save", ADW_RESPONSE_SUGGESTED);
  plenary_alert_set_default_response (PLENARY_ALERT (dialog), "save");
  plenary_alert_set_close_response (PLENARY_ALERT (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "document", g_object_ref (self->visible_document), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_revision_response_cb), self, 0);
  plenary_dialog_present (dialog, GTK_WIDGET (self));
  gtk_widget_grab_focus (entry);
}

/* A revision in a window of its own, read-only: its header, then its text
 * numbered as printed. */
static void
open_revision_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);
  PlenaryRevision *revision = find_revision (self, param);
  PlenaryDraft *draft;
  PlenaryMetadata *metadata;
  const char * const *fields;
  g_autoptr(GString) text = NULL;
  g_autofree char *body = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  GtkWidget *window, *toolbar, *header, *scrolled, *view, *window_title, *restore;

  if (revision == NULL)
    return;

  draft = plenary_document_get_draft (self->visible_document);
  metadata = plenary_revision_get_metadata (revision);
  fields = plenary_metadata_list_string_fields ();
  text = g_string_new (NULL);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      const char *value = plenary_metadata_get_string (metadata, fields[i]);

      if (value[0] != '\0' && strcmp (fields[i], "body") != 0)
        g_string_append_printf (text, "%s\n", value);
    }
  if (text->len > 0)
    g_string_append_c (text, '\n');
  body = plenary_clause_printer_print (plenary_revision_get_body (revision),
                                       plenary_draft_get_kind (draft),
                                       plenary_draft_get_language (draft),
                                       PLENARY_PRINT_PLAIN | PLENARY_PRINT_BLANK_LINES);
  g_string_append (text, body);

  subtitle = plenary_revision_dup_subtitle (revision);
  /* Translators: the title of a revision's window, %s is its name. */
  title = g_strdup_printf (_("%s (Read-Only)"), plenary_revision_get_name (revision));

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 800);

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  window_title = adw_window_title_new (title, subtitle);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), window_title);
  restore = gtk_button_new_with_mnemonic (_("_Restore…"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), restore);
  gtk_box_append (GTK_BOX (toolbar), header);

  view = gtk_text_view_new ();
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 24);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 24);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 18);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 18);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text->str, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_box_append (GTK_BOX (toolbar), scrolled);

  /* Restore asks in the draft's window, which this one then leaves to. */
  g_object_set_data_full (G_OBJECT (restore), "revision-id",
                          g_strdup (plenary_revision_get_id (revision)), g_free);
  g_signal_connect_object (restore, "clicked", G_CALLBACK (restore_from_viewer), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (restore, "clicked", G_CALLBACK (gtk_window_destroy), window);

  adw_window_set_content (ADW_WINDOW (window), toolbar);
  gtk_window_present (GTK_WINDOW (window));
}

typedef struct
{
  PlenaryDocument *document;
  PlenaryRevision *revision;
} RevisionChoice;

static void
revision_choice_free (RevisionChoice *choice)
{
  g_object_unref (choice->document);
  g_object_unref (choice->revision);
  g_free (choice);
}

static void
restore_revision_response_cb (PlenaryAlert   *dialog,
                              const char     *response,
                              RevisionChoice *choice)
{
  if (g_str_equal (response, "restore"))
    {
      g_autofree char *author = plenary_annotations_dup_author_name ();

      plenary_document_restore_revision (choice->document, choice->revision, author);
    }
  revision_choice_free (choice);
}

static void
delete_revision_response_cb (PlenaryAlert   *dialog,
                             const char     *response,
                             RevisionChoice *choice)
{
  if (g_str_equal (response, "delete"))
    plenary_draft_remove_revision (plenary_document_get_draft (choice->document), choice->revision);
  revision_choice_free (choice);
}

static void
ask_about_revision (PlenaryWindow   *self,
                    PlenaryRevision *revision,
                    gboolean         restore)
{
  RevisionChoice *choice = g_new0 (RevisionChoice, 1);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  choice->document = g_object_ref (self->visible_document);
  choice->revision = g_object_ref (revision);

  if (restore)
    {
      /* Translators: %s is the name of a revision. */
      heading = g_strdup_printf (_("Restore “%s”?"), plenary_revision_get_name (revision));
      dialog = plenary_alert_new (heading, NULL);
      plenary_alert_set_body (PLENARY_ALERT (dialog),
                              _("The text and header of the draft are replaced by those of this "
                                "revision. The current text is first kept as a revision of its "
                                "own, and Undo brings it back."));
      plenary_alert_add_responses (PLENARY_ALERT (dialog),
                                   "cancel", _("_Cancel"),
                                   "restore", _("_Restore"),
                                   NULL);
      plenary_alert_set_response_appearance (PLENARY_ALERT (dialog), "restore", ADW_RESPONSE_SUGGESTED);
      g_signal_connect (dialog, "response", G_CALLBACK (restore_revision_response_cb), choice);
    }
  else
    {
      /* Translators: %s is the name of a revision. */
      heading = g_strdup_printf (_("Delete “%s”?"), plenary_revision_get_name (revision));
      dialog = plenary_alert_new (heading,
                                  _("The revision is removed from the draft; the file keeps it until "
                                    "the draft is saved. The current text is not changed."));
      plenary_alert_add_responses (PLENARY_ALERT (dialog),
                                   "cancel", _("_Cancel"),
                                   "delete", _("_Delete"),
                                   NULL);
      plenary_alert_set_response_appearance (PLENARY_ALERT (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
      g_signal_connect (dialog, "response", G_CALLBACK (delete_revision_response_cb), choice);
    }
  plenary_alert_set_close_response (PLENARY_ALERT (dialog), "cancel");
  plenary_dialog_present (dialog, GTK_WIDGET (self));
}

static void
restore_from_viewer (PlenaryWindow *self,
                     GtkWidget     *button)
{
  PlenaryRevision *revision;

  if (self->visible_document == NULL)
    return;
  revision = plenary_draft_find_revision (plenary_document_get_draft (self->visible_document),
                                          g_object_get_data (G_OBJECT (button), "revision-id"));
  if (revision != NULL)
    ask_about_revision (self, revision, TRUE);
}

static void
restore_revision_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);
  PlenaryRevision *revision = find_revision (self, param);

  if (revision != NULL)
    ask_about_revision (self, revision, TRUE);
}

static void
delete_revision_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);
  PlenaryRevision *revision = find_revision (self, param);

  if (revision != NULL)
    ask_about_revision (self, revision, FALSE);
}

/* Set-up --------------------------------------------------------------- */

void
plenary_window_class_actions_init (PlenaryWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new-draft", "s", new_draft_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-draft", "s", "default");

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.restore-version", "s", restore_version_action);
  gtk_widget_class_install_action (widget_class, "win.no-versions", NULL, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);

  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);

  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);

  gtk_widget_class_install_action (widget_class, "win.close-page", NULL, close_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close-page", NULL);

  gtk_widget_class_install_action (widget_class, "win.toggle-side-panel", NULL, toggle_panel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-side-panel", NULL);

  /* F7 is claimed in plenary_window_actions_init(). */
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, show_problems_action);

  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);

  gtk_widget_class_install_action (widget_class, "win.toggle-comments-panel", NULL, toggle_panel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, GDK_SHIFT_MASK, "win.toggle-comments-panel", NULL);

  /* Ctrl+Shift+I is claimed in plenary_window_actions_init(). */
  gtk_widget_class_install_action (widget_class, "win.insert-clause", NULL, insert_clause_action);

  gtk_widget_class_install_action (widget_class, "win.save-as-template", NULL, save_as_template_action);
  gtk_widget_class_install_action (widget_class, "win.convert-to-brief", NULL, convert_kind_action);
  gtk_widget_class_install_action (widget_class, "win.convert-to-resolution", NULL, convert_kind_action);

  gtk_widget_class_install_action (widget_class, "win.cite", NULL, cite_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.cite", NULL);
  gtk_widget_class_install_action (widget_class, "win.cite-reference", NULL, cite_action);
  gtk_widget_class_install_action (widget_class, "win.highlight", "s", highlight_action);

  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);

  /* "win.suggest" is the window's own stateful action (see
   * plenary_window_actions_init()); Ctrl+Shift+E, Word's key, exports. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_ALT_MASK, "win.suggest", NULL);

  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export-pdf", NULL);
  gtk_widget_class_install_action (widget_class, "win.export-docx", NULL, export_office_action);
  gtk_widget_class_install_action (widget_class, "win.export-odt", NULL, export_office_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-export", NULL, cancel_export_action);

  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);

  gtk_widget_class_install_action (widget_class, "win.save-revision", NULL, save_revision_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_ALT_MASK, "win.save-revision", NULL);
  gtk_widget_class_install_action (widget_class, "win.open-revision", "s", open_revision_action);
  gtk_widget_class_install_action (widget_class, "win.restore-revision", "s", restore_revision_action);
  gtk_widget_class_install_action (widget_class, "win.delete-revision", "s", delete_revision_action);

  /* A disabled placeholder in the recent menu. */
  gtk_widget_class_install_action (widget_class, "win.no-recent", NULL, NULL);
}

void
plenary_window_actions_init (PlenaryWindow *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  /* GTK binds Ctrl+Shift+I to its inspector on every window, and that
   * binding runs before the ones of subclasses: take it first, in the
   * capture phase, for Insert Clause. Text views bind F7 to caret mode,
   * which an editor with its cursor always shown has no use for. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_i, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                                                          gtk_named_action_new ("win.insert-clause")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F7, 0),
                                                          gtk_named_action_new ("win.show-problems")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  {
    g_autoptr(GSimpleAction) suggest = g_simple_action_new_stateful ("suggest", NULL, g_variant_new_boolean (FALSE));

    g_signal_connect_object (suggest, "change-state", G_CALLBACK (suggest_change_state), self, 0);
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (suggest));
  }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-recent", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-versions", FALSE);

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
  plenary_window_update_templates (self);
  plenary_window_update_actions (self);
}
