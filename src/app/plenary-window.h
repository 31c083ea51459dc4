/* plenary-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plenary-document.h"
#include "plenary-export.h"
#include "plenary-page.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_WINDOW (plenary_window_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryWindow, plenary_window, PLENARY, WINDOW, AdwApplicationWindow)

PlenaryWindow   *plenary_window_new                  (GtkApplication  *application);
/* Shows DOCUMENT in a new tab and selects it. */
PlenaryPage     *plenary_window_add_document         (PlenaryWindow   *self,
                                                      PlenaryDocument *document);
PlenaryPage     *plenary_window_find_page            (PlenaryWindow   *self,
                                                      PlenaryDocument *document);
/* Selects the tab of DOCUMENT and presents the window. */
void             plenary_window_focus_document       (PlenaryWindow   *self,
                                                      PlenaryDocument *document);
PlenaryPage     *plenary_window_get_visible_page     (PlenaryWindow   *self);
PlenaryDocument *plenary_window_get_visible_document (PlenaryWindow   *self);
void             plenary_window_show_error           (PlenaryWindow   *self,
                                                      const char      *heading,
                                                      const GError    *error);
void             plenary_window_show_toast           (PlenaryWindow   *self,
                                                      const char      *message);
/* Exports DOCUMENT to FILE (once chosen in the export dialog), with a
 * toast that says so until it ends and whose Cancel stops it: nothing is
 * then written. */
void             plenary_window_export               (PlenaryWindow       *self,
                                                      PlenaryDocument     *document,
                                                      GFile               *file,
                                                      PlenaryExportFormat  format);
/* Asks what to do with the unsaved changes of DOCUMENTS (PlenaryDocument*),
 * saves them if asked; the result is TRUE when they may be closed. */
void             plenary_window_confirm_close_async  (PlenaryWindow        *self,
                                                      GPtrArray            *documents,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean         plenary_window_confirm_close_finish (PlenaryWindow        *self,
                                                      GAsyncResult         *result);
/* The next close does not ask again: the user already answered. */
void             plenary_window_set_close_confirmed  (PlenaryWindow   *self);

G_END_DECLS
