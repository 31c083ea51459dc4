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

/* The filters of the Add Sources dialog: documents only, never drafts. */
GListStore *plenary_file_chooser_new_source_filters (void);

/* The name a save dialog proposes for a draft (KIND_DRAFT) or its PDF: the
 * file's own name when it has one, else the symbol ("A-C.3-80-L.12"), the
 * question or TITLE, with the extension of KIND. */
char       *plenary_file_chooser_suggest_name (GFile               *file,
                                               const char          *symbol,
                                               const char          *question,
                                               const char          *title,
                                               PlenaryFileKind      kind);
/* CHOSEN with the extension of KIND: "Projet" and "Projet.plenary" give
 * "Projet.plenary.json", "Projet v2.1" "Projet v2.1.plenary.json",
 * "Rapport" "Rapport.pdf". */
GFile      *plenary_file_chooser_complete_file (GFile              *chosen,
                                                PlenaryFileKind     kind);

G_END_DECLS
