/* plenary-importer-private.h
 *
 * The importer's stages, shared by plenary-importer.c (formats, language,
 * briefs), plenary-import-text.c (lines and blocks) and
 * plenary-import-structure.c (the parts of a resolution).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-body.h"
#include "plenary-metadata.h"
#include "plenary-phrase-dictionary.h"

G_BEGIN_DECLS

/* One line of the file once its format is undone. */
typedef struct
{
  char     *text;       /* without indentation, margin number, trailing space */
  guint     indent;     /* columns of leading white space */
  guint     source;     /* 1-based line of the file */
  gboolean  blank;
  gboolean  gap;        /* a page break or dropped furniture came just before */
  gboolean  heading;    /* Markdown heading */
  gboolean  boxed;      /* Model UN book: a line outside the numbered margin */
  gboolean  start;      /* Markdown: the first line of a block */
  gboolean  footnote;   /* a footnote: kept out of the paragraphs */
  char     *emphasis;   /* Markdown: emphasised words opening the block */
  char     *marker;     /* Markdown: the list item's marker ("3.", "-") */
} ImportLine;

typedef enum
{
  LABEL_NONE,
  LABEL_NUMBER,     /* "3.", "3)", "3" alone on its line */
  LABEL_BARE,       /* "11     Condemns": a number without its full stop */
  LABEL_LETTER,     /* "(b)", "b)", "b." */
  LABEL_ROMAN,      /* "(ii)", "iv)" — "(i)", "(v)", "(x)" may be letters too */
  LABEL_GARBLED,    /* "cl)", "J)": a label misread by OCR */
  LABEL_DASH,       /* "-", "–", "—", "•", "*" */
} LabelKind;

/* A paragraph-to-be: wrapped lines joined, its label read. */
typedef struct
{
  GString   *text;      /* without the label */
  LabelKind  label;
  guint      number;    /* the number, or the letter's index (a = 1) */
  guint      roman;     /* the roman value when the label can be one */
  guint      indent;
  guint      first;     /* 1-based source lines */
  guint      last;
  gboolean   heading;   /* Markdown heading */
  gboolean   boxed;
  gboolean   footnote;
  gboolean   gap_before;  /* a blank line, page break or block start before it */
  char      *emphasis;
} ImportBlock;

void        import_line_free   (ImportLine  *line);
void        import_block_free  (ImportBlock *block);

/* Adds "MESSAGE: “TEXT”" (TEXT nullable, shortened) at LINE to REPORT
 * (nullable, PlenaryParseWarning*). */
void        import_report      (GPtrArray   *report,
                                guint        line,
                                const char  *message,
                                const char  *text);

GPtrArray  *import_lines_from_text     (const char  *text);
GPtrArray  *import_lines_from_markdown (const char  *text,
                                        char       **front_matter);
/* Takes Model UN margin numbers, page furniture and footnotes out of LINES;
 * SYMBOL gets the first document symbol seen in a header. */
void        import_clean_lines         (PlenaryPhraseDictionary *dict,
                                        GPtrArray               *lines,
                                        char                   **symbol,
                                        GPtrArray               *report);
GPtrArray  *import_blocks              (PlenaryPhraseDictionary *dict,
                                        GPtrArray               *lines,
                                        GPtrArray               *report);

/* The phrase opening TEXT (a paragraph without its label): the dictionary's
 * longest phrase, else a participle or verb the dictionary lacks; its
 * length in bytes (0: none), its group, whether the dictionary knew it. */
gsize       import_phrase_length       (PlenaryPhraseDictionary *dict,
                                        const char              *text,
                                        PlenaryPhraseGroup      *group,
                                        gboolean                *known);
gboolean    import_is_opening          (PlenaryPhraseDictionary *dict,
                                        const char              *text);
gboolean    import_is_enacting         (const char              *text);
gboolean    import_match_field         (const char              *text,
                                        char                   **field,
                                        char                   **value);
gboolean    import_field_is_empty      (PlenaryMetadata         *metadata,
                                        const char              *field);
void        import_set_field           (PlenaryMetadata         *metadata,
                                        const char              *field,
                                        const char              *value);

/* Blocks -> resolution body; header fields found go to METADATA. */
PlenaryBody *import_structure          (PlenaryPhraseDictionary *dict,
                                        GPtrArray               *blocks,
                                        PlenaryMetadata         *metadata,
                                        GPtrArray               *report);

G_END_DECLS
