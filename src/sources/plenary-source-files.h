/* plenary-source-files.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The files sources were imported from, kept so that a PDF source can be
 * shown as its pages: in $XDG_DATA_HOME/plenary/source-files/, named by
 * the SHA-256 of their contents (a draft only records the checksum, in
 * its source's "file_sha256" member, so the draft format is unchanged and
 * a draft opened elsewhere shows the text instead). */

/* Keeps DATA; returns its checksum, or NULL (and an error). */
char   *plenary_source_files_store  (GBytes      *data,
                                     GError     **error);
/* The file kept under CHECKSUM, or NULL when it is not on this computer. */
GFile  *plenary_source_files_lookup (const char  *checksum);

G_END_DECLS
