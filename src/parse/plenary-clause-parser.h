/* plenary-clause-parser.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-body.h"
#include "plenary-draft.h"
#include "plenary-phrase-dictionary.h"

G_BEGIN_DECLS

/* What the lines above tell the classification of the next line. Start with
 * PLENARY_LINE_STATE_INIT; plenary_clause_parser_classify_line() advances it.
 * The editor keeps the state before each line to re-classify from any line. */
typedef struct
{
  gboolean seen_operative;  /* an operative paragraph came before */
  gboolean seen_opening;    /* the opening formula came before */
  gboolean seen_top;        /* a top-level paragraph came before */
  guint    line_index;      /* non-blank lines classified so far */
  guint    last_sub_index;  /* 1-based index of the last level-1 marker, 0 if none */
  gboolean in_annex;        /* the annex heading came before: lines are the annex's */
} PlenaryLineState;

#define PLENARY_LINE_STATE_INIT { FALSE, FALSE, FALSE, 0, 0, FALSE }

typedef struct
{
  /* PREAMBULAR, OPERATIVE, SUBPARAGRAPH, HEADING ("# Sanctions": not
   * numbered), PARAGRAPH (resolution text that cannot be placed: the
   * opening formula, blank lines); HEADING, PARAGRAPH, BULLET in briefs. */
  PlenaryRole         role;
  guint               level;          /* 0 top level; 1, 2 sub-paragraphs */
  /* Byte offsets within the line (leading tabs and spaces included). */
  gsize               content_start;  /* after indentation and any number or marker */
  gsize               phrase_start;   /* == phrase_end when there is no phrase */
  gsize               phrase_end;
  gsize               text_start;     /* where the paragraph text starts */
  gsize               content_end;    /* before trailing white space */
  PlenaryPhraseEntry *entry;          /* the dictionary entry, NULL if unknown */
  PlenaryForm         form;           /* the form that matched when entry != NULL */
  gboolean            known_phrase;
  gboolean            is_opening;
  gboolean            is_blank;
  gboolean            numbered;       /* it had a number ("3.", "3)") or marker ("b)", "(ii)") */
  guint               number;         /* that number or 1-based marker index */
  /* "[^1]: text": a note (content_start..text_start-2 is its id, text_start
   * its text). */
  gboolean            is_note;
  /* The annex: its heading ("# Annex", role HEADING) or one of its lines. */
  gboolean            is_annex;
} PlenaryLineInfo;

typedef struct
{
  guint  line;     /* 0-based line of the parsed text */
  char  *message;  /* translated */
} PlenaryParseWarning;

#define PLENARY_TYPE_PARSE_WARNING (plenary_parse_warning_get_type ())

GType                plenary_parse_warning_get_type (void) G_GNUC_CONST;
PlenaryParseWarning *plenary_parse_warning_new      (guint                      line,
                                                     const char                *message);
PlenaryParseWarning *plenary_parse_warning_copy     (const PlenaryParseWarning *self);
void                 plenary_parse_warning_free     (PlenaryParseWarning       *self);

/* Classifies one line (no '\n'; LEN may be -1) from the state left by the
 * lines above and advances STATE. Blank lines leave STATE as it was. */
void         plenary_clause_parser_classify_line (PlenaryPhraseDictionary *dict,
                                                  PlenaryDraftKind         kind,
                                                  const char              *line,
                                                  gssize                   len,
                                                  PlenaryLineState        *state,
                                                  PlenaryLineInfo         *info);

/* Editor text or plain text -> body. Numbers and markers are dropped (the
 * model numbers paragraphs by position); when some numbers are wrong or
 * missing, WARNINGS (nullable, PlenaryParseWarning*, created if *warnings is
 * NULL) says so. */
PlenaryBody *plenary_clause_parser_parse         (PlenaryPhraseDictionary *dict,
                                                  const char              *text,
                                                  gssize                   len,
                                                  PlenaryDraftKind         kind,
                                                  GPtrArray              **warnings);

/* TEXT (LEN bytes) is the heading of an annex: "Annex", "Annexe", "ANNEX"
 * with an optional number ("Annex I", "Annexe 2"). */
gboolean     plenary_clause_is_annex_heading     (const char              *text,
                                                  gssize                   len);
/* LINE ("[^ID]: TEXT", after any indentation) defines a note: the length of
 * "[^ID]: " is returned and *ID_START, *ID_LEN place the id; 0 when not. */
gsize        plenary_clause_scan_note            (const char              *line,
                                                  gsize                    len,
                                                  gsize                   *id_start,
                                                  gsize                   *id_len);

/* Parses "1", "12", "a", "aa", "ii" (without the punctuation) into a 1-based
 * index: letters a..z then aa, bb..; roman numerals. 0 when not one. */
guint        plenary_clause_parse_letters        (const char              *str,
                                                  gsize                    len);
guint        plenary_clause_parse_roman          (const char              *str,
                                                  gsize                    len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlenaryParseWarning, plenary_parse_warning_free)

G_END_DECLS
