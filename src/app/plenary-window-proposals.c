/* plenary-window-proposals.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-window-proposals"

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-dialogs.h"
#include "plenary-proposals-panel.h"
#include "plenary-window-private.h"
#include "plenary-window-proposals.h"

/* Paragraph status ------------------------------------------------------- */

/* The id of the paragraph at the cursor of the visible page, or NULL. */
static const char *
paragraph_at_cursor (PlenaryWindow *self)
{
  PlenaryDocument *document = self->visible_document;
  PlenaryLineIndex *index;
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  if (document == NULL)
    return NULL;

  buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (document));
  index = plenary_document_get_line_index (document);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  /* The cursor moves with an edit before the index has the new lines. */
  if ((guint) gtk_text_iter_get_line (&iter) >= plenary_line_index_get_n_lines (index))
    return NULL;

  return plenary_line_index_get_id (index, gtk_text_iter_get_line (&iter));
}

/* The paragraph with id ID ("": the one at the cursor) takes the status
 * NAME (as in the file, or "none"). */
static void
set_paragraph_status (PlenaryWindow *self,
                      const char    *id,
                      const char    *name)
{
  PlenaryParagraphStatus status;
  PlenaryDraft *draft;

  if (self->visible_document == NULL || !plenary_paragraph_status_from_string (name, &status))
    return;
  /* A blank line is no paragraph. */
  if (id[0] == '\0' && (id = paragraph_at_cursor (self)) == NULL)
    return;

  draft = plenary_document_get_draft (self->visible_document);
  if (plenary_draft_get_paragraph_status (draft, id) == status)
    return;

  plenary_draft_set_paragraph_status (draft, id, status);
  /* A change of the negotiation, saved with the text. */
  plenary_document_set_modified (self->visible_document, TRUE);
}

/* win.set-paragraph-status ("(ss)"): a paragraph's id ("": the one at the
 * cursor) and the status's name. */
static void
set_paragraph_status_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  const char *id, *name;

  g_variant_get (param, "(&s&s)", &id, &name);
  set_paragraph_status (PLENARY_WINDOW (widget), id, name);
}

/* win.paragraph-status: the status of the paragraph at the cursor, so that
 * the text's menu shows it checked. */
static void
paragraph_status_change_state (GSimpleAction *action,
                               GVariant      *state,
                               gpointer       user_data)
{
  set_paragraph_status (user_data, "", g_variant_get_string (state, NULL));
}

static void
update_paragraph_status (PlenaryWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "paragraph-status");
  const char *id = paragraph_at_cursor (self);
  PlenaryParagraphStatus status = PLENARY_PARAGRAPH_STATUS_NONE;

  if (id != NULL)
    status = plenary_draft_get_paragraph_status (plenary_document_get_draft (self->visible_document), id);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), id != NULL);
  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (plenary_paragraph_status_to_string (status)));
}

/* The cursor, the statuses and the draft of the visible document. */
void
_plenary_window_proposals_follow (PlenaryWindow *self)
{
  PlenaryDocument *document = self->visible_document;

  g_signal_group_set_target (self->document_signals, document);
  g_signal_group_set_target (self->cursor_signals, document != NULL ? plenary_document_get_buffer (document) : NULL);
  g_signal_group_set_target (self->status_signals, document != NULL ? plenary_document_get_draft (document) : NULL);
  update_paragraph_status (self);
}

/* The delegation ------------------------------------------------------- */

typedef struct
{
  PlenaryWindow             *window;
  PlenaryDelegationCallback  callback;
  gpointer                   user_data;
  GtkEditable               *entry;
} DelegationRequest;

static void
delegation_request_free (gpointer  data,
                         GClosure *closure)
{
  DelegationRequest *request = data;

  g_object_unref (request->window);
  g_object_unref (request->entry);
  g_free (request);
}

static void
on_delegation_response (GtkWidget         *dialog,
                        const char        *response,
                        DelegationRequest *request)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (request->entry));
  gboolean known = g_strcmp0 (response, "continue") == 0 && *g_strstrip (name) != '\0';

  if (known)
    g_settings_set_string (request->window->settings, "delegation", name);
  request->callback (request->window, known, request->user_data);
}

static void
on_delegation_entry_changed (GtkEditable *entry,
                             GtkWidget   *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  plenary_alert_set_response_enabled (PLENARY_ALERT (dialog), "continue", name[0] != '\0');
}

void
plenary_window_ensure_delegation (PlenaryWindow             *self,
                                  PlenaryDelegationCallback  callback,
                                  gpointer                   user_data)
{
  g_autofree char *delegation = NULL;
  DelegationRequest *request;
  GtkWidget *dialog;
  GtkWidget *entry;

  g_return_if_fail (PLENARY_IS_WINDOW (self));
  g_return_if_fail (callback != NULL);

  delegation = g_settings_get_string (self->settings, "delegation");
  if (*g_strstrip (delegation) != '\0')
    {
      callback (self, TRUE, user_data);
      return;
    }

  dialog = plenary_alert_new (_("Your Delegation"),
                              _("Proposals show which delegation made them, in its own colour. "
                                "The name is kept in Preferences, where it can be changed."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("France, European Union, G77 and China…"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delegation"), -1);
  plenary_alert_set_extra_child (PLENARY_ALERT (dialog), entry);
  plenary_alert_add_responses (PLENARY_ALERT (dialog),
                               "cancel", _("_Cancel"),
                               "continue", _("C_ontinue"),
                               NULL);
  plenary_alert_set_response_appearance (PLENARY_ALERT (dialog), "continue", ADW_RESPONSE_SUGGESTED);
  plenary_alert_set_default_response (PLENARY_ALERT (dialog), "continue");
  plenary_alert_set_close_response (PLENARY_ALERT (dialog), "cancel");
  plenary_alert_set_response_enabled (PLENARY_ALERT (dialog), "continue", FALSE);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_delegation_entry_changed), dialog, 0);

  request = g_new0 (DelegationRequest, 1);
  request->window = g_object_ref (self);
  request->callback = callback;
  request->user_data = user_data;
  request->entry = GTK_EDITABLE (g_object_ref (entry));
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_delegation_response), request,
                         delegation_request_free, 0);
  plenary_dialog_present (dialog, GTK_WIDGET (self));
  gtk_widget_grab_focus (entry);
}

/* Every document of the window proposes in the name of the delegation set
 * in Preferences. */
static void
give_delegation (PlenaryWindow   *self,
                 PlenaryDocument *document)
{
  g_autofree char *delegation = g_settings_get_string (self->settings, "delegation");

  g_strstrip (delegation);
  plenary_document_set_delegation (document, delegation[0] != '\0' ? delegation : NULL);
}

static void
on_delegation_changed (PlenaryWindow *self)
{
  int n = adw_tab_view_get_n_pages (self->tab_view);

  for (int i = 0; i < n; i++)
    {
      GtkWidget *page = adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i));

      give_delegation (self, plenary_page_get_document (PLENARY_PAGE (page)));
    }
}

/* Opened here or dragged in from another window. */
static void
on_page_attached (PlenaryWindow *self,
                  AdwTabPage    *tab)
{
  give_delegation (self, plenary_page_get_document (PLENARY_PAGE (adw_tab_page_get_child (tab))));
}

/* Panels ------------------------------------------------------------- */

/* A proposal's row was activated: the cursor goes to its words. */
static void
on_go_to_proposal (PlenaryWindow *self,
                   guint          line,
                   guint64        index)
{
  PlenaryPage *page = plenary_window_get_visible_page (self);

  if (page != NULL)
    plenary_editor_view_go_to_line (plenary_page_get_view (page), line, index);
}

void
plenary_window_class_proposals_init (PlenaryWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.set-paragraph-status", "(ss)",
                                   set_paragraph_status_action);
}

void
plenary_window_proposals_init (PlenaryWindow *self)
{
  GtkWidget *panel = plenary_proposals_panel_new ();
  g_autoptr(GSimpleAction) status = g_simple_action_new_stateful ("paragraph-status", G_VARIANT_TYPE_STRING,
                                                                   g_variant_new_string ("none"));

  g_signal_connect_object (status, "change-state", G_CALLBACK (paragraph_status_change_state), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (status));
  self->cursor_signals = g_signal_group_new (GTK_TYPE_TEXT_BUFFER);
  g_signal_group_connect_object (self->cursor_signals, "notify::cursor-position",
                                 G_CALLBACK (update_paragraph_status), self, G_CONNECT_SWAPPED);
  /* A version restored is another draft, with its own statuses. */
  self->document_signals = g_signal_group_new (PLENARY_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "notify::draft",
                                 G_CALLBACK (_plenary_window_proposals_follow), self, G_CONNECT_SWAPPED);
  self->status_signals = g_signal_group_new (PLENARY_TYPE_DRAFT);
  g_signal_group_connect_object (self->status_signals, "paragraph-status-changed",
                                 G_CALLBACK (update_paragraph_status), self, G_CONNECT_SWAPPED);

  adw_bin_set_child (self->proposals_bin, panel);
  g_signal_connect_object (panel, "go-to-line", G_CALLBACK (on_go_to_proposal), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->settings, "changed::delegation",
                           G_CALLBACK (on_delegation_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tab_view, "page-attached",
                           G_CALLBACK (on_page_attached), self, G_CONNECT_SWAPPED);
}
