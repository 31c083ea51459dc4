/* plenary-office-reader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "plenary-office-package.h"

G_BEGIN_DECLS

typedef enum
{
  PLENARY_OFFICE_FORMAT_DOCX,
  PLENARY_OFFICE_FORMAT_ODT,
} PlenaryOfficeFormat;

typedef enum
{
  PLENARY_OFFICE_BLOCK_PARAGRAPH,
  PLENARY_OFFICE_BLOCK_HEADING,
  PLENARY_OFFICE_BLOCK_NUMBERED,  /* an item of a numbered list: see label */
  PLENARY_OFFICE_BLOCK_BULLET,
} PlenaryOfficeBlockKind;

/* A footnote (or endnote) reference: where it sits and what it says. */
typedef struct
{
  gint64  offset;  /* code point of the paragraph text before which it sits */
  char   *text;
} PlenaryOfficeNote;

/* One paragraph of the document, in reading order (table cells included). */
typedef struct
{
  PlenaryOfficeBlockKind  kind;
  /* The text, white space runs and tabs made single spaces, trimmed; the
   * list label is not part of it. */
  char                   *text;
  /* The label the word processor shows ("1.", "a)", "(ii)", "•"), computed
   * from the list definition and the items before; NULL when none. */
  char                   *label;
  /* List level (0 top), or heading level - 1. */
  guint                   level;
  /* Bytes of TEXT set in italics from its start (the opening phrase), 0
   * when it does not start in italics. */
  gsize                   italic_end;
  /* The paragraph style's name ("Heading 1", "List Number"), or NULL. */
  char                   *style;
  /* PlenaryOfficeNote, in order; never NULL. */
  GArray                 *notes;
} PlenaryOfficeParagraph;

/* A comment and where it sits: paragraph index and code point offset of
 * the start and end of the words it covers (equal for a comment on a
 * point). A reply has its thread's first comment as PARENT. */
typedef struct
{
  char   *author;
  char   *date;      /* ISO 8601, or NULL */
  char   *text;
  gboolean done;
  int     parent;    /* index in comments, -1 for a thread's first comment */
  int     start_paragraph;  /* -1 when the range was not found */
  gint64  start;
  int     end_paragraph;
  gint64  end;
} PlenaryOfficeComment;

/* How a document's tracked changes are read. */
typedef enum
{
  /* Insertions kept, deletions dropped: the text as Word shows it with
   * "No Markup". */
  PLENARY_OFFICE_CHANGES_ACCEPT_ALL,
  /* Insertions dropped, deletions kept: the text before the changes. */
  PLENARY_OFFICE_CHANGES_REJECT_ALL,
  /* Only the changes of one author accepted. */
  PLENARY_OFFICE_CHANGES_ACCEPT_AUTHOR,
} PlenaryOfficeChanges;

typedef struct
{
  PlenaryOfficeFormat  format;
  /* PlenaryOfficeParagraph* */
  GPtrArray           *paragraphs;
  /* PlenaryOfficeComment* */
  GPtrArray           *comments;
  /* Document properties: "title", "subject", "creator", "language", and
   * each custom property by its name. */
  GHashTable          *properties;
  /* Tracked changes found (insertions, deletions, moves), read as the
   * PlenaryOfficeChanges asked for (a .odt's: always accepted). */
  guint                tracked_changes;
  /* Their authors (char*), each once, in the order met (.docx only). */
  GPtrArray           *change_authors;
  /*< private >*/
  PlenaryOfficeChanges changes;
  char                *changes_author;
} PlenaryOfficeDocument;

/* Reads a .docx or .odt from DATA (the format comes from the content, not
 * the name). Errors: PLENARY_OFFICE_ERROR with a translated message. */
PlenaryOfficeDocument *plenary_office_read          (const char             *data,
                                                     gsize                   len,
                                                     GError                **error);
/* The same, reading tracked changes as CHANGES says (AUTHOR: whose changes
 * ACCEPT_AUTHOR accepts). */
PlenaryOfficeDocument *plenary_office_read_changes  (const char             *data,
                                                     gsize                   len,
                                                     PlenaryOfficeChanges    changes,
                                                     const char             *author,
                                                     GError                **error);
void                   plenary_office_document_free (PlenaryOfficeDocument  *self);

/* The document as plain text (a source): one paragraph a line, list
 * labels and bullets before their text, footnotes as "[1] …" lines after
 * their paragraph. *TITLE (nullable) gets the title property, else the
 * first heading, else NULL. */
char                  *plenary_office_document_to_text (PlenaryOfficeDocument *self,
                                                        char                 **title);

/* The name under which the export stores a metadata field in the custom
 * properties ("Plenary symbol" for "symbol"). */
char                  *plenary_office_property_name (const char             *field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlenaryOfficeDocument, plenary_office_document_free)

G_END_DECLS
