/* plenary-document.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "plenary-draft.h"
#include "plenary-line-index.h"

G_BEGIN_DECLS

/* What happened to the file behind the document since it was loaded or
 * saved, as the file monitor saw it. */
typedef enum
{
  PLENARY_DISK_STATE_SAME,
  PLENARY_DISK_STATE_CHANGED,
  PLENARY_DISK_STATE_DELETED,
} PlenaryDiskState;

#define PLENARY_DOCUMENT_ERROR (plenary_document_error_quark ())

typedef enum
{
  /* Saving would overwrite a version written by another program. */
  PLENARY_DOCUMENT_ERROR_CHANGED_ON_DISK,
} PlenaryDocumentError;

GQuark plenary_document_error_quark (void);

#define PLENARY_TYPE_DOCUMENT (plenary_document_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryDocument, plenary_document, PLENARY, DOCUMENT, GObject)

/* An open draft: the PlenaryDraft (header, sources, annotations), the text
 * of its body in a GtkSourceBuffer, and the file it was loaded from.
 * Properties: "draft", "buffer", "file", "title", "modified", "busy",
 * "disk-state" (PlenaryDiskState), "error" (why the file could not
 * be read, or NULL), "suggesting" and "delegation" (suggest mode, below). A file deleted or moved by another program leaves the
 * document modified: nothing on disk holds its text any more.
 * Signal "sync": the draft was just brought up to date with the buffer.
 * Signal "lines-marked" (first, last): the proposals shown on those lines
 * changed, perhaps not their text (a deletion rejected): what reads the
 * lines as they would be with the proposals or without reads them again.
 * Signal "proposal-refused" (delegation): while suggesting, an edit was not
 * made: it would have changed words DELEGATION proposes. */

PlenaryDocument *plenary_document_new             (PlenaryDraft         *draft,
                                                   const char           *title);
PlenaryDocument *plenary_document_new_for_file    (GFile                *file);
/* A draft recovered after a crash: modified, with FILE (nullable) as the
 * file it was last saved as, and ETAG the state that file was in when the
 * copy was made (NULL: unknown). A file changed since (or unknown) counts as
 * changed on disk: saving asks before replacing it. */
PlenaryDocument *plenary_document_new_restored    (PlenaryDraft         *draft,
                                                   GFile                *file,
                                                   const char           *etag,
                                                   const char           *title);
/* The state of the file when it was last read or written (NULL: none). */
const char      *plenary_document_get_etag        (PlenaryDocument      *self);
PlenaryDraft    *plenary_document_get_draft       (PlenaryDocument      *self);
GtkSourceBuffer *plenary_document_get_buffer      (PlenaryDocument      *self);
/* The buffer's lines, classified as the draft's kind and language say. */
PlenaryLineIndex *plenary_document_get_line_index (PlenaryDocument      *self);
GFile           *plenary_document_get_file        (PlenaryDocument      *self);
const char      *plenary_document_get_title       (PlenaryDocument      *self);
gboolean         plenary_document_get_modified    (PlenaryDocument      *self);
void             plenary_document_set_modified    (PlenaryDocument      *self,
                                                   gboolean              modified);
gboolean         plenary_document_get_busy        (PlenaryDocument      *self);
PlenaryDiskState plenary_document_get_disk_state  (PlenaryDocument      *self);
const GError    *plenary_document_get_error       (PlenaryDocument      *self);
/* "Keep mine": the version on disk is not wanted; the document stays
 * modified and the next save may overwrite the file. */
void             plenary_document_keep_mine       (PlenaryDocument      *self);
/* Parses the buffer into the draft's body, so that the draft is complete,
 * then emits "sync". */
void             plenary_document_sync_draft      (PlenaryDocument      *self);

/* Loads the file given to plenary_document_new_for_file(). A draft file is
 * decoded; a text or Markdown file is imported and the document stays
 * without file, so that saving never writes JSON over it. */
void             plenary_document_load_async      (PlenaryDocument      *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean         plenary_document_load_finish     (PlenaryDocument      *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
/* Shows DRAFT, an earlier version of the document's file (a backup), in
 * place of the text: modified, the file unchanged until the user saves. */
void             plenary_document_restore_version (PlenaryDocument      *self,
                                                   PlenaryDraft         *draft);
/* Revisions --------------------------------------------------------------- */

/* Brings the draft up to date with the buffer and keeps it as a new
 * revision NAME by AUTHOR (the document is then modified). Transfer none. */
PlenaryRevision *plenary_document_save_revision    (PlenaryDocument      *self,
                                                     const char           *name,
                                                     const char           *author);
/* Puts REVISION's text and header in place of the current ones, as one
 * edit that Undo takes back; the current text is first kept as a revision
 * "Before restoring “NAME”" by AUTHOR. */
void             plenary_document_restore_revision (PlenaryDocument      *self,
                                                     PlenaryRevision      *revision,
                                                     const char           *author);

/* Puts BODY's text in place of the current one (the paragraphs keep BODY's
 * ids), as one edit that Undo takes back: a merge taking another copy's
 * changes. */
void             plenary_document_replace_body     (PlenaryDocument      *self,
                                                     PlenaryBody          *body);

/* Proposals (suggest mode) ------------------------------------------------ */

/* The buffer holds the clean text with every proposal shown in it: the
 * words a proposal would delete stay, struck through in the delegation's
 * colour; the words it would insert are in the buffer, underlined, and are
 * not part of the draft's text (plenary_document_sync_draft() leaves them
 * out and turns the marks back into the draft's proposals).
 *
 * "suggesting": while TRUE, what the user types, deletes or pastes is not
 * applied but recorded as proposals of "delegation" (may not be NULL or ""
 * when suggesting). Typing next to or inside one's own proposal makes it
 * grow. */
gboolean         plenary_document_get_suggesting   (PlenaryDocument      *self);
void             plenary_document_set_suggesting   (PlenaryDocument      *self,
                                                     gboolean              suggesting);
const char      *plenary_document_get_delegation   (PlenaryDocument      *self);
void             plenary_document_set_delegation   (PlenaryDocument      *self,
                                                     const char           *delegation);
/* The proposals as the buffer shows them now (brought up to date with the
 * buffer first): a GListModel of PlenaryProposal, the draft's. */
GListModel      *plenary_document_get_proposals    (PlenaryDocument      *self);
/* The proposal whose marked words are at ITER (the innermost when several
 * are), or NULL. */
PlenaryProposal *plenary_document_get_proposal_at  (PlenaryDocument      *self,
                                                     const GtkTextIter    *iter);
/* Whether a proposal is shown at ITER (or just before it), and whose; cheap,
 * for menus that follow the cursor. */
gboolean         plenary_document_has_proposal_at  (PlenaryDocument     *self,
                                                     const GtkTextIter   *iter,
                                                     const char         **delegation);
/* Whether any proposal is shown in the text. */
gboolean         plenary_document_has_proposals    (PlenaryDocument     *self);
/* LINE as it would read with every proposal accepted (ACCEPTED) or none,
 * for the checks and the spelling: FALSE when no proposal is shown on it.
 * See plenary_proposal_marks_dup_line_form(). */
gboolean         plenary_document_dup_line_form    (PlenaryDocument     *self,
                                                     guint                line,
                                                     gboolean             accepted,
                                                     char               **text,
                                                     GArray              *map);
/* Accept (apply to the text) or reject (drop) PROPOSAL, or every proposal
 * matching: of DELEGATION (NULL: any), in the paragraph PARAGRAPH_ID (NULL:
 * any). Each call is one edit that Undo takes back. Returns how many. */
guint            plenary_document_resolve_proposals (PlenaryDocument     *self,
                                                     PlenaryProposal     *proposal,
                                                     const char          *delegation,
                                                     const char          *paragraph_id,
                                                     gboolean             accept);

/* Adds the changes COPY (a copy of this text another delegation edited,
 * with its paragraph ids) makes as proposals of DELEGATION, the text
 * itself unchanged, as one edit that Undo takes back. Returns how many
 * proposals were added. */
guint            plenary_document_propose_copy      (PlenaryDocument     *self,
                                                     PlenaryBody         *copy,
                                                     const char          *delegation);

/* Whether a load is under way; cancelling it makes the load finish at once
 * with G_IO_ERROR_CANCELLED (the document stays as it was). */
gboolean         plenary_document_get_loading     (PlenaryDocument      *self);
void             plenary_document_cancel_loading  (PlenaryDocument      *self);
/* What the last import repaired or changed ("2 tracked changes were
 * accepted…"), translated, once: NULL when nothing or already taken. */
char           **plenary_document_take_import_warnings (PlenaryDocument *self);
/* What the import of the text dropped or guessed, placed on the lines of
 * the buffer as loaded (PlenaryCheckProblem*; see
 * plenary_importer_report_problems()), or NULL. */
GPtrArray       *plenary_document_get_import_report   (PlenaryDocument *self);
/* Saves to FILE, or to the document's file when FILE is NULL. On success the
 * document takes FILE as its file and is no longer modified; on failure it
 * stays modified. Unless OVERWRITE, saving over a file that another program
 * changed since fails with PLENARY_DOCUMENT_ERROR_CHANGED_ON_DISK. */
void             plenary_document_save_async      (PlenaryDocument      *self,
                                                   GFile                *file,
                                                   gboolean              overwrite,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean         plenary_document_save_finish     (PlenaryDocument      *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
