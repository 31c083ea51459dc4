/* plenary-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-comments-panel.h"
#include "plenary-compare-window.h"
#include "plenary-reading-split.h"
#include "plenary-sources-panel.h"
#include "plenary-split-view.h"
#include "plenary-toolbar-view.h"
#include "plenary-window.h"

G_BEGIN_DECLS

struct _PlenaryWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  /* Follow the selected tab's page. */
  GBindingGroup        *page_bindings;
  GSignalGroup         *page_signals;
  /* Whether the visible page has problems: a dot on the side panel's tab. */
  GBindingGroup        *problems_badge;
  PlenaryDocument      *visible_document;
  /* Follows the annotations of the selected tab: citations open their source. */
  GSignalGroup         *annotations_signals;
  /* Set once the user agreed to close with unsaved changes. */
  guint                 close_confirmed : 1;
  /* While the export or print asked about goes on with empty sections. */
  guint                 empty_sections_confirmed : 1;
  /* Side panels put away while the reading pane is open, to leave the
   * draft half the window; they come back when it closes. */
  guint                 side_set_aside : 1;
  guint                 comments_set_aside : 1;
  guint                 setting_aside : 1;

  /* Follow the visible document for win.paragraph-status. */
  GSignalGroup         *document_signals;
  GSignalGroup         *cursor_signals;
  GSignalGroup         *status_signals;

  /* Of the export under way (one at a time), for its Cancel. */
  GCancellable         *exporting;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkWidget            *open_button;
  GtkWidget            *open_icon_button;
  GtkWidget            *insert_clause_button;
  GtkWidget            *suggest_button;
  AdwTabView           *tab_view;
  AdwTabBar            *tab_bar;
  GtkRevealer          *export_banner;
  GtkSpinner           *export_spinner;
  GtkLabel             *export_label;
  PlenarySplitView     *side_flap;
  PlenarySplitView     *comments_flap;
  GtkStack             *content_stack;
  PlenaryReadingSplit  *reading_split;
  GtkStack             *side_stack;
  PlenarySourcesPanel  *sources_panel;
  AdwBin               *outline_bin;
  AdwBin               *problems_bin;
  AdwBin               *revisions_bin;
  AdwBin               *proposals_bin;
  GMenu                *recent_section;
  GMenu                *versions_section;
  PlenaryCommentsPanel *comments_view;
  GMenu                *user_templates_section;
  GMenuModel           *source_text_menu;
};

void plenary_window_class_actions_init (PlenaryWindowClass *klass);
/* plenary-window-compare.c: Compare With… and Merge Changes From… */
void plenary_window_class_compare_init (PlenaryWindowClass *klass);
/* plenary-window-proposals.c: the Proposals panel, paragraph statuses and
 * the user's delegation. */
void plenary_window_class_proposals_init (PlenaryWindowClass *klass);
void plenary_window_proposals_init       (PlenaryWindow      *self);
void _plenary_window_proposals_follow    (PlenaryWindow      *self);
PlenaryDraft *_plenary_window_snapshot_draft  (PlenaryDocument *document);
PlenaryCompareWindow *
              _plenary_window_show_comparison (PlenaryWindow   *self,
                                               PlenaryDocument *document,
                                               PlenaryDraft    *old_draft,
                                               PlenaryDraft    *new_draft,
                                               const char      *old_name,
                                               const char      *new_name);
void plenary_window_actions_init       (PlenaryWindow      *self);
void plenary_window_update_actions     (PlenaryWindow      *self);
void plenary_window_update_templates   (PlenaryWindow      *self);
void plenary_window_update_versions    (PlenaryWindow      *self);
void     _plenary_window_save_async           (PlenaryWindow        *self,
                                               PlenaryDocument      *document,
                                               gboolean              save_as,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean _plenary_window_save_finish          (PlenaryWindow        *self,
                                               GAsyncResult         *result);

G_END_DECLS
