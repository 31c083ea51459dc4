/* plenary-draft-file.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-draft.h"

G_BEGIN_DECLS

/* Backups kept per file: the last few, and the newest of each recent day,
 * within a size (the newest one is always kept). */
#define PLENARY_BACKUPS_RECENT    5
#define PLENARY_BACKUPS_DAYS      7
#define PLENARY_BACKUPS_MAX_BYTES (G_GINT64_CONSTANT (256) * 1024 * 1024)

/* Writes CONTENTS to FILE atomically: a temporary file in the same folder
 * (".NAME.XXXXXX", locked while written; unlocked ones that a killed save
 * left are removed), fsync, then rename over FILE, keeping its mode and,
 * where allowed, its owner. When FILE existed and BACKUP_FOLDER is not NULL,
 * its previous contents are first kept there as a new backup (written the
 * same way, so older backups stay whole when it fails), and old backups
 * are pruned. On failure FILE is left as it was. */
gboolean      plenary_file_replace_atomic (GFile                *file,
                                           GBytes               *contents,
                                           GFile                *backup_folder,
                                           GCancellable         *cancellable,
                                           GError              **error);

/* Files Plenary opens (drafts, imports) are refused over this size. */
#define PLENARY_MAX_FILE_SIZE (G_GUINT64_CONSTANT (512) * 1024 * 1024)

/* Reads FILE whole, after checking that it is a regular file (a FIFO would
 * block, a device never ends) of at most MAX_SIZE bytes, which are checked
 * again while reading (the file may grow). The memory is allocated with
 * g_try_malloc(): a failure is an error, never an abort. CONTENTS is
 * NUL-terminated. ETAG may be NULL. */
gboolean      plenary_file_load_checked   (GFile                *file,
                                           guint64               max_size,
                                           GCancellable         *cancellable,
                                           char                **contents,
                                           gsize                *length,
                                           char                **etag,
                                           GError              **error);

/* The same, for files only the user may read (recovery copies): a new
 * file is made with mode 0600. No backup. */
gboolean      plenary_file_replace_private (GFile               *file,
                                            GBytes              *contents,
                                            GCancellable        *cancellable,
                                            GError             **error);

/* Where backups go: $XDG_STATE_HOME/plenary/backups/ (mode 0700, files
 * 0600; the Flatpak document portal lets us write the file itself, not
 * files beside it). */
GFile        *plenary_draft_file_get_backup_folder (void);
/* The backups of FILE in FOLDER (NULL: the default one), newest first, as
 * GFiles named "<file name>-<12 hex digits>.<UTC time>~"; each has the
 * modification time of the version it keeps. */
GPtrArray    *plenary_draft_file_list_backups (GFile              *file,
                                               GFile              *folder);

PlenaryDraft *plenary_draft_load          (GFile                *file,
                                           GCancellable         *cancellable,
                                           GError              **error);
void          plenary_draft_load_async    (GFile                *file,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
PlenaryDraft *plenary_draft_load_finish   (GAsyncResult         *result,
                                           GError              **error);

/* Encodes DRAFT at once (a snapshot: later edits do not race the write), then
 * writes it atomically with a backup. */
gboolean      plenary_draft_save          (PlenaryDraft         *draft,
                                           GFile                *file,
                                           GCancellable         *cancellable,
                                           GError              **error);
void          plenary_draft_save_async    (PlenaryDraft         *draft,
                                           GFile                *file,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean      plenary_draft_save_finish   (GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
