/* plenary-convert.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "plenary-draft.h"
#include "plenary-page-layout.h"

G_BEGIN_DECLS

/* `plenary --convert IN OUT`: reads a draft, a text or a Markdown file and
 * writes OUT in the format its name asks for (.plenary.json, .pdf, .txt).
 * Needs no display. OUT is never the input file (through links too),
 * except for a draft written again as a draft, which keeps a backup.
 * Cancelled, it leaves OUT as it was and no temporary file. REPORT
 * (nullable) gets the import report (PlenaryParseWarning*: what the
 * importer decided, line by line). OPTIONS (nullable) lay out a PDF.
 * AS_KIND: -1 keeps the draft's kind, else the PlenaryDraftKind the draft
 * is made into before it is written (plenary_convert_kind()). */
gboolean plenary_convert (GFile                      *input,
                          GFile                      *output,
                          const PlenaryLayoutOptions *options,
                          int                         as_kind,
                          GCancellable               *cancellable,
                          GPtrArray    **report,
                          GError       **error);

/* Reads FILE as --convert and --compare do: a draft, or a text, Markdown,
 * PDF, Word or OpenDocument file imported on the fly. Blocking. */
PlenaryDraft *plenary_convert_read_draft (GFile         *file,
                                          GCancellable  *cancellable,
                                          GError       **error);

/* `plenary --compare OLD NEW OUT.pdf`: reads two drafts (or text, Markdown,
 * PDF, Word files, imported as --convert does) and writes NEW with the
 * changes since OLD marked, as UN revised drafts show them, with a note
 * naming OLD under the title. OUT may also be a Word file (.docx): OLD with
 * the changes as tracked changes by NEW's sponsor. OUT is neither input. */
gboolean plenary_compare_convert (GFile         *old_file,
                                  GFile         *new_file,
                                  GFile         *output,
                                  GCancellable  *cancellable,
                                  GError       **error);
/* `plenary --merge BASE COPY… -o OUT`: reads BASE (a draft) and each copy
 * (a draft, or a file --convert reads), and writes OUT, a .plenary.json
 * file: BASE with every change of each copy made a proposal of that copy's
 * delegation — DELEGATIONS[i] when not NULL, else the copy's "submitted by",
 * else its file name. Copies changing the same words give alternatives.
 * OUT is none of the inputs. N_PROPOSALS (nullable) receives how many
 * proposals each copy gave (guint), in order. */
gboolean plenary_merge_convert (GFile         *base_file,
                                GPtrArray     *copies,
                                const char   **delegations,
                                GFile         *output,
                                GArray        *n_proposals,
                                GCancellable  *cancellable,
                                GError       **error);
/* DRAFT made a draft of KIND, every word kept (see
 * plenary_clause_printer_convert()). */
void     plenary_convert_kind (PlenaryDraft     *draft,
                               PlenaryDraftKind  kind);

G_END_DECLS
