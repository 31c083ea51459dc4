/* plenary-draft-file.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-draft.h"

G_BEGIN_DECLS

/* Writes CONTENTS to FILE atomically: a temporary file in the same folder,
 * fsync, then rename over FILE. When FILE existed, its previous contents are
 * first copied to BACKUP (if not NULL). On failure FILE is left as it was. */
gboolean      plenary_file_replace_atomic (GFile                *file,
                                           GBytes               *contents,
                                           GFile                *backup,
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

/* Where the backup of FILE goes: $XDG_STATE_HOME/plenary/backups/, named
 * after the file and a hash of its path (the Flatpak document portal lets us
 * write the file itself, not files beside it). */
GFile        *plenary_draft_file_get_backup (GFile              *file);

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
