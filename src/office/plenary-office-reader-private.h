/* plenary-office-reader-private.h
 *
 * What the .docx and .odt readers share: building a paragraph's text, list
 * labels, comments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "plenary-office-reader.h"

G_BEGIN_DECLS

/* Text being collected: white space collapsed, the leading italics
 * measured, code points counted for note and comment positions. */
typedef struct
{
  GString  *text;
  gint64    chars;
  gboolean  pending_space;
  gboolean  italic_open;
  gsize     italic_end;
  GArray   *notes;
} OfficeText;

void                    office_text_init        (OfficeText             *text);
void                    office_text_clear       (OfficeText             *text);
/* COLLAPSE (ODF text): runs of white space are one space. Otherwise
 * (WordprocessingML w:t) spaces and tabs are text, as typed. Either way
 * the paragraph never starts or ends with white space. */
void                    office_text_append      (OfficeText             *text,
                                                 const char             *str,
                                                 gboolean                italic,
                                                 gboolean                collapse);
void                    office_text_add_note    (OfficeText             *text,
                                                 const char             *note);
/* Where a comment starting (or ending) now sits, in code points. */
gint64                  office_text_start_point (OfficeText             *text);
/* Ends the paragraph: adds it to DOCUMENT and returns it. */
PlenaryOfficeParagraph *office_text_finish      (OfficeText             *text,
                                                 PlenaryOfficeDocument  *document,
                                                 PlenaryOfficeBlockKind  kind,
                                                 const char             *label,
                                                 guint                   level,
                                                 const char             *style);

/* Number NUMBER in list format FORMAT: "decimal", "lowerLetter",
 * "upperLetter", "lowerRoman", "upperRoman" (ODF's "1", "a", "A", "i", "I"
 * are mapped by the caller). */
char                   *office_format_number    (const char             *format,
                                                 guint                   number);

gboolean                office_read_docx        (PlenaryOfficePackage   *package,
                                                 PlenaryOfficeDocument  *document,
                                                 GError                **error);
gboolean                office_read_odt         (PlenaryOfficePackage   *package,
                                                 PlenaryOfficeDocument  *document,
                                                 GError                **error);

G_END_DECLS
