/* plenary-file-chooser.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Open and save dialogs: GtkFileDialog from GTK 4.10 on, GtkFileChooserNative
 * before. Both go through the portals inside Flatpak. Cancelling ends with
 * G_IO_ERROR_CANCELLED. */

void        plenary_file_chooser_open_async  (GtkWindow            *parent,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
/* A list of GFile, one or more. */
GListModel *plenary_file_chooser_open_finish (GAsyncResult         *result,
                                              GError              **error);

/* Several background documents to add as sources of a draft (text,
 * Markdown, HTML, PDF). Finish with plenary_file_chooser_open_finish(). */
void        plenary_file_chooser_open_sources_async (GtkWindow          *parent,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);

typedef enum
{
  PLENARY_FILE_KIND_DRAFT,
  PLENARY_FILE_KIND_PDF,
  PLENARY_FILE_KIND_DOCX,
  PLENARY_FILE_KIND_ODT,
} PlenaryFileKind;

void        plenary_file_chooser_save_async  (GtkWindow            *parent,
                                              PlenaryFileKind       kind,
                                              const char           *initial_name,
                                              GFile                *initial_folder,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GFile      *plenary_file_chooser_save_finish (GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
