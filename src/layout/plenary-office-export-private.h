/* plenary-office-export-private.h
 *
 * What the .docx and .odt writers share: the plan of the draft (its lines
 * as the editor text has them, with the comment ranges and note marks
 * placed on them), the heading block, the styles, the parts of a package.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/xmlwriter.h>

#include "plenary-office-export.h"
#include "plenary-office-package.h"

G_BEGIN_DECLS

/* Words of the printed heading, in the DRAFTING language (not UI strings),
 * as the PDF prints them. */
typedef struct
{
  const char *language;
  const char *tag;            /* language tag for spell-checking */
  const char *country;
  const char *united_nations;
  const char *distr_limited;
  const char *distr_general;
  const char *original;       /* "Original: %s" */
  const char *language_name;  /* of the drafting language, in itself */
  const char *agenda_item;
  const char *submitted_by;
  const char *co_sponsors;
  const char *signatories;
  const char *committee;
  const char *question;
  const char *delegation;
  const char *draft_resolution;
  const char *unknown_source;
  const char *colon;
  const char *quote_open;
  const char *quote_close;
  const char *months[12];
} Labels;

typedef enum
{
  EVENT_COMMENT_START,
  EVENT_NOTE,
  EVENT_COMMENT_END,
} EventKind;

typedef struct
{
  guint     line;
  gint64    offset;     /* code point in the line's full text */
  EventKind kind;
  guint     index;      /* comment thread or note */
} Event;

/* Words a proposal changes in a line, as a tracked change: START..END
 * deleted (none when equal), then the proposal's text inserted. */
typedef struct
{
  gint64           start;
  gint64           end;
  PlenaryProposal *proposal;
} Mark;

/* One line of the editor text: a paragraph, or the opening formula. */
typedef struct
{
  PlenaryParagraph *paragraph;  /* NULL for the opening formula */
  guint             level;
  char             *full;
  gint64            phrase_end; /* code points of the phrase */
  gint64            start;      /* code point offset in the editor text */
  gint64            prefix;     /* tabs, "# ", "• " before the full text */
  /* Tracked changes (.docx): the proposals on the line (Mark, by start,
   * not overlapping), the one that deletes it, the one that adds it (the
   * line is then that proposal's new paragraph). */
  GArray           *marks;
  PlenaryProposal  *deleted_by;
  PlenaryProposal  *added_by;
  /* A line deleted and the same line added elsewhere by one delegation: a
   * move, numbered from 1 (0: none), shared by both lines. */
  guint             move;
} Line;

typedef struct
{
  PlenaryDraft  *draft;
  const Labels  *labels;
  gboolean       brief;
  gboolean       enclosed;
  GArray        *lines;      /* Line */
  GArray        *events;     /* Event, in reading order */
  GPtrArray     *threads;    /* PlenaryAnnotation*, comments on the draft */
  guint         *first_id;   /* per thread: the Word comment id of its first comment */
  GPtrArray     *notes;      /* char*, footnote texts in order */
  GPtrArray     *annex;      /* PlenaryParagraph*: the annex's lines */
  /* Paragraphs made for proposed new lines (PlenaryParagraph*). */
  GPtrArray     *added;
  guint          next_change_id;
  /* The move of the line being written (0: none). */
  guint          current_move;
} Plan;

typedef enum
{
  HEAD_MASTHEAD,       /* "United Nations" <tab> symbol */
  HEAD_BODY,           /* body, beside the details */
  HEAD_DETAILS,        /* distribution, date, original */
  HEAD_SESSION,
  HEAD_SPONSOR,
  HEAD_TYPE,           /* "Draft resolution" */
  HEAD_TITLE,
} HeadKind;

typedef struct
{
  HeadKind  kind;
  char     *text;
  char     *side;      /* HEAD_MASTHEAD: the symbol */
} HeadLine;

extern const char * const office_head_styles[][2];

/* A named style, written into styles.xml of both formats. */
typedef struct
{
  const char *id;
  const char *name;
  const char *type;        /* "paragraph" or "character" */
  const char *based_on;
  const char *justify;     /* "both", "center", "right" */
  int         first_line;  /* twips, <0 hanging */
  int         left;
  int         size;        /* half-points, 0 inherit */
  gboolean    bold;
  gboolean    italic;
  gboolean    keep_next;
  int         num_id;
  int         ilvl;
  int         outline;     /* -1 none */
  int         space_before;
  int         space_after;  /* -1 inherit */
  gboolean    superscript;
  gboolean    right_tab;
} StyleDef;

extern const StyleDef office_docx_styles[];
extern const guint    office_n_docx_styles;

typedef void (*PartFunc) (xmlTextWriterPtr w, Plan *plan);

typedef struct
{
  const char *path;
  PartFunc    write;
  gboolean    with_comments;  /* only when the draft has comments */
} Part;

typedef enum
{
  CHANGE_DELETION_START,
  CHANGE_DELETION_END,
  /* The proposal's words, inserted. */
  CHANGE_INSERTION,
} ChangeKind;

/* How a format writes a line: its text in runs (PHRASE: the opening
 * phrase; DELETED: inside a tracked deletion), the comment boundaries and
 * note marks between them, and, when it writes tracked changes (CHANGE not
 * NULL), where proposals start and end. */
typedef struct
{
  void (*text)   (xmlTextWriterPtr w, Plan *plan, const char *text, gssize len, gboolean phrase,
                  gboolean deleted);
  void (*event)  (xmlTextWriterPtr w, Plan *plan, const Event *event);
  void (*change) (xmlTextWriterPtr w, Plan *plan, PlenaryProposal *proposal, ChangeKind kind);
} LineWriter;

/* Writes the text of line LINE_INDEX with the events from *NEXT that sit
 * on it, in reading order; *NEXT moves past them. */
void         office_write_line      (xmlTextWriterPtr  w,
                                     Plan             *plan,
                                     guint             line_index,
                                     guint            *next,
                                     const LineWriter *writer);

/* The heading block of the PDF, as lines (HeadLine, in order). */
GArray      *office_build_head      (Plan        *plan);
/* The title of the document properties: the question, or "Draft resolution". */
const char  *office_document_title  (Plan        *plan);
/* DATE (ISO 8601) without fractions of a second, in UTC when it has no zone;
 * now when DATE is NULL or empty. */
char        *office_iso_date        (const char  *date);
/* TEXT (LEN bytes, or up to its end when -1) without what XML 1.0 cannot hold. */
char        *office_xml_safe        (const char  *text,
                                     gssize       len);
/* The header fields as custom properties: name, value, name, value... */
GPtrArray   *office_property_list   (PlenaryDraft *draft);
/* The style id and list (NUM_ID 0 for none, ILVL) of LINE's paragraph. */
const char  *office_docx_style_of   (Line        *line,
                                     int         *num_id,
                                     int         *ilvl);
/* The package: MIMETYPE (ODF) first, then each of PARTS. */
GBytes      *office_write_parts     (Plan        *plan,
                                     const Part  *parts,
                                     guint        n_parts,
                                     const char  *mimetype,
                                     GError     **error);
GBytes      *office_export_docx     (Plan        *plan,
                                     GError     **error);
GBytes      *office_export_odt      (Plan        *plan,
                                     GError     **error);

/* XML writing, short: the writers are mostly these calls. */
static inline void
el (xmlTextWriterPtr w,
    const char      *name)
{
  xmlTextWriterStartElement (w, BAD_CAST name);
}

static inline void
end (xmlTextWriterPtr w)
{
  xmlTextWriterEndElement (w);
}

static inline void
at (xmlTextWriterPtr w,
    const char      *name,
    const char      *value)
{
  xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST value);
}

/* <NAME w:val="VALUE"/> */
static inline void
val (xmlTextWriterPtr w,
     const char      *name,
     const char      *value)
{
  el (w, name);
  if (value != NULL)
    at (w, "w:val", value);
  end (w);
}

static inline void
val_int (xmlTextWriterPtr w,
         const char      *name,
         int              value)
{
  char buffer[16];

  g_snprintf (buffer, sizeof buffer, "%d", value);
  val (w, name, buffer);
}

static inline void
text_el (xmlTextWriterPtr w,
         const char      *name,
         const char      *text)
{
  el (w, name);
  xmlTextWriterWriteString (w, BAD_CAST text);
  end (w);
}

/* Control characters cannot be written in XML 1.0. */

G_END_DECLS
