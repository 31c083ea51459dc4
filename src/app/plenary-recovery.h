/* plenary-recovery.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-document.h"

G_BEGIN_DECLS

/* Seconds of quiet typing before a recovery copy is written, and the longest
 * a change waits while typing goes on. */
#define PLENARY_RECOVERY_IDLE_SECONDS 2
#define PLENARY_RECOVERY_MAX_SECONDS  30

#define PLENARY_TYPE_RECOVERED_DRAFT (plenary_recovered_draft_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryRecoveredDraft, plenary_recovered_draft, PLENARY, RECOVERED_DRAFT, GObject)

/* A recovery copy left by a Plenary that did not quit cleanly. */
const char *plenary_recovered_draft_get_title (PlenaryRecoveredDraft *self);
/* The file the draft was saved as, or NULL for a draft never saved. */
GFile      *plenary_recovered_draft_get_file  (PlenaryRecoveredDraft *self);
GDateTime  *plenary_recovered_draft_get_time  (PlenaryRecoveredDraft *self);

#define PLENARY_TYPE_RECOVERY (plenary_recovery_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryRecovery, plenary_recovery, PLENARY, RECOVERY, GObject)

/* Keeps a copy of every watched document with unsaved changes in
 * DIRECTORY ($XDG_STATE_HOME/plenary/recovery when NULL), written
 * atomically and never over the user's own file. The copy of a document
 * goes away when it is saved, unchanged, or closed. */
PlenaryRecovery *plenary_recovery_new          (GFile                 *directory);
GFile           *plenary_recovery_get_directory (PlenaryRecovery      *self);
/* The quiet period and the longest wait while typing goes on, in
 * milliseconds (PLENARY_RECOVERY_IDLE_SECONDS and _MAX_SECONDS by default);
 * tests shorten them. Applies to changes from now on. */
void             plenary_recovery_set_intervals (PlenaryRecovery      *self,
                                                 guint                 idle_ms,
                                                 guint                 max_ms);
void             plenary_recovery_watch        (PlenaryRecovery       *self,
                                                PlenaryDocument       *document);
void             plenary_recovery_unwatch      (PlenaryRecovery       *self,
                                                PlenaryDocument       *document);
/* Writes the copies of documents with pending changes now, and returns
 * when they are on disk (SIGTERM, SIGHUP: the process is about to end). */
void             plenary_recovery_flush        (PlenaryRecovery       *self);
/* Copies that belong to no watched document: what a crash left. Sorted by
 * time, newest first. */
GPtrArray       *plenary_recovery_list_left    (PlenaryRecovery       *self);
/* A new document with the recovered draft, marked modified, keeping the
 * file it was saved as. The copy stays until that document is saved or
 * closed. */
PlenaryDocument *plenary_recovery_restore      (PlenaryRecovery       *self,
                                                PlenaryRecoveredDraft *recovered,
                                                GError               **error);
void             plenary_recovery_discard      (PlenaryRecovery       *self,
                                                PlenaryRecoveredDraft *recovered);

G_END_DECLS
