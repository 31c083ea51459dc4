/* plenary-source-importer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "plenary-draft.h"
#include "plenary-source.h"

G_BEGIN_DECLS

/* Files above this size are refused. */
#define PLENARY_SOURCE_MAX_SIZE (200 * 1024 * 1024)

#define PLENARY_SOURCE_IMPORT_ERROR (plenary_source_import_error_quark ())

typedef enum
{
  PLENARY_SOURCE_IMPORT_ERROR_TOO_LARGE,    /* over PLENARY_SOURCE_MAX_SIZE */
  PLENARY_SOURCE_IMPORT_ERROR_UNSUPPORTED,  /* not text, Markdown, HTML or PDF */
  PLENARY_SOURCE_IMPORT_ERROR_ENCRYPTED,    /* password-protected PDF */
  PLENARY_SOURCE_IMPORT_ERROR_NO_TEXT,      /* PDF without a text layer (scanned) */
  PLENARY_SOURCE_IMPORT_ERROR_DAMAGED,      /* PDF or HTML that cannot be read */
  PLENARY_SOURCE_IMPORT_ERROR_DRAFT,        /* a Plenary draft, not a document */
} PlenarySourceImportError;

GQuark         plenary_source_import_error_quark     (void);

/* Reads FILE and returns a new source with a fresh id from DRAFT (the
 * source is NOT added to the draft: the caller appends it to
 * plenary_draft_get_sources()). Media type comes from the content (magic
 * bytes, BOM) and the extension. Text is decoded from UTF-8, UTF-16/32
 * with a BOM, UTF-16 without BOM, Windows-1252 or Latin-1; bytes that
 * cannot be decoded become U+FFFD. Line ends become "\n". */
PlenarySource *plenary_source_importer_import        (PlenaryDraft         *draft,
                                                      GFile                *file,
                                                      GCancellable         *cancellable,
                                                      GError              **error);
/* Same from memory. FILENAME (basename, used for the origin, the
 * extension and the fallback title) and MEDIA_TYPE_HINT may be NULL. */
PlenarySource *plenary_source_importer_import_bytes  (PlenaryDraft         *draft,
                                                      GBytes               *data,
                                                      const char           *filename,
                                                      const char           *media_type_hint,
                                                      GError              **error);
/* Reads and decodes in a worker thread; the id is reserved in DRAFT in the
 * calling thread (DRAFT is never touched by the worker) and stays reserved
 * until the source is added to DRAFT (plenary_draft_reserve_id()), so
 * imports running together get different ids. */
void           plenary_source_importer_import_async  (PlenaryDraft         *draft,
                                                      GFile                *file,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
PlenarySource *plenary_source_importer_import_finish (GAsyncResult         *result,
                                                      GError              **error);

/* Decodes bytes of unknown encoding to valid UTF-8 as the importer does
 * (BOM, UTF-8, UTF-16 without BOM, Windows-1252, Latin-1), with "\r\n" and
 * "\r" turned into "\n" and NUL bytes dropped. Never fails. ENCODING, if
 * not NULL, receives the name of the encoding used ("UTF-8", "UTF-16LE",
 * "WINDOWS-1252", "ISO-8859-1"...). */
char          *plenary_source_importer_decode_text   (const char           *data,
                                                      gsize                 length,
                                                      const char          **encoding);

/* PASSAGE, a part of SOURCE's text, as the plain words a quotation shows.
 * Sources are imported as plain text (with their styles), so PASSAGE comes
 * back as it is, except from a Markdown source saved before styles
 * existed, which kept its markup: cmark reads it away
 * ("l'**intelligence artificielle**" gives "l'intelligence artificielle"). */
/* The first UN document symbol ("A/80/123", "E/CN.6/2024/3") in the first
 * lines of TEXT, or NULL. */
char          *plenary_source_importer_find_symbol   (const char           *text);

char          *plenary_source_importer_plain_passage (PlenarySource        *source,
                                                      const char           *passage);

G_END_DECLS
