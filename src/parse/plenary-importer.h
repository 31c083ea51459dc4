/* plenary-importer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-draft.h"

G_BEGIN_DECLS

typedef enum
{
  PLENARY_IMPORT_FORMAT_PLENARY_JSON,
  PLENARY_IMPORT_FORMAT_MARKDOWN,
  PLENARY_IMPORT_FORMAT_PLAIN_TEXT,
  PLENARY_IMPORT_FORMAT_PDF_TEXT,
} PlenaryImportFormat;

#define PLENARY_IMPORTER_ERROR (plenary_importer_error_quark ())

typedef enum
{
  PLENARY_IMPORTER_ERROR_EMPTY,
  PLENARY_IMPORTER_ERROR_ENCODING,
} PlenaryImporterError;

GQuark              plenary_importer_error_quark   (void);

/* Recognised from the content; FILENAME (nullable) only breaks ties. */
PlenaryImportFormat plenary_importer_detect_format (const char  *data,
                                                    gsize        len,
                                                    const char  *filename);

/* "fr" or "en" (any language with a dictionary), from the opening formula
 * and the phrases opening the lines. */
char               *plenary_importer_detect_language (const char *text,
                                                      gsize       len);

/* Any supported file -> draft. LANGUAGE NULL: detected. WARNINGS (nullable;
 * PlenaryParseWarning*, created when *warnings is NULL) gets what was
 * repaired. Word (.docx) and OpenDocument (.odt) files are recognised by
 * their content and read by plenary_office_importer_import(). Errors:
 * PLENARY_IMPORTER_ERROR, PLENARY_DRAFT_ERROR or PLENARY_OFFICE_ERROR. */
PlenaryDraft       *plenary_importer_import        (const char  *data,
                                                    gsize        len,
                                                    const char  *filename,
                                                    const char  *language,
                                                    GPtrArray  **warnings,
                                                    GError     **error);

/* One line for a toast: what the text was read as, then each kind of
 * entry of REPORT (from plenary_importer_import()) with its count: "Read
 * as a resolution (…) — Page furniture removed (12), Footnote kept out of
 * the paragraphs (3)". NULL for an empty report. */
char               *plenary_importer_summarize_report (GPtrArray *report);

/* REPORT (from plenary_importer_import() of TEXT, LEN bytes) as problems
 * (PlenaryCheckProblem*, kind PLENARY_CHECK_IMPORT, hints) placed on the
 * lines of EDITOR, the editor text of the imported draft: each at the line
 * where the text after it went. A line of TEXT that is nowhere in EDITOR
 * (page furniture, a line that could not be placed) has a fix that puts it
 * back there. At most MAX_ENTRIES; NULL when there is nothing to say. */
GPtrArray          *plenary_importer_report_problems (const char *text,
                                                      gsize       len,
                                                      GPtrArray  *report,
                                                      const char *editor,
                                                      guint       max_entries);

G_END_DECLS
