/* plenary-clause-checker.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-clause-parser.h"

G_BEGIN_DECLS

typedef enum
{
  PLENARY_CHECK_PREAMBULAR_ENDING,         /* preambular paragraph not ending with "," */
  PLENARY_CHECK_OPERATIVE_ENDING,          /* operative paragraph not ending with ";" */
  PLENARY_CHECK_FINAL_ENDING,              /* last operative paragraph not ending with "." */
  PLENARY_CHECK_PREAMBULAR_AFTER_OPERATIVE,
  PLENARY_CHECK_EMPTY_PARAGRAPH,
  PLENARY_CHECK_MISSING_OPENING,
  PLENARY_CHECK_TYPOGRAPHY_SPACE,          /* French: no-break space before ; : ? ! */
  PLENARY_CHECK_TYPOGRAPHY_QUOTES,         /* French: no-break spaces inside « » */
  PLENARY_CHECK_AGREEMENT,                 /* phrase form disagrees with the body */
  PLENARY_CHECK_UNKNOWN_PHRASE,            /* a hint: the phrase is not in the dictionary */
  /* Briefs (plenary-brief.h) */
  PLENARY_CHECK_EMPTY_SECTION,             /* a heading with nothing under it */
  PLENARY_CHECK_TEMPLATE_HINT,             /* a template's hint paragraph left in */
  PLENARY_CHECK_PAGE_LIMIT,                /* more pages than the metadata's page limit */
  /* Import report (plenary_importer_report_problems()) */
  PLENARY_CHECK_IMPORT,                    /* what an import dropped or guessed */
} PlenaryCheckKind;

typedef enum
{
  PLENARY_CHECK_SEVERITY_HINT,
  PLENARY_CHECK_SEVERITY_WARNING,
} PlenaryCheckSeverity;

typedef struct
{
  PlenaryCheckKind      kind;
  PlenaryCheckSeverity  severity;
  guint                 line;        /* 0-based */
  gsize                 start;       /* byte range within the line */
  gsize                 end;
  char                 *message;     /* translated */
  /* The fix, when there is one: REPLACEMENT replaces [start, end) of the
   * line (it may hold a '\n', e.g. to insert an opening formula line);
   * DELETE_LINE removes the whole line and its newline instead. */
  gboolean              has_fix;
  char                 *replacement;
  gboolean              delete_line;
  char                 *fix_label;   /* translated, for a button or menu item */
} PlenaryCheckProblem;

#define PLENARY_TYPE_CHECK_PROBLEM (plenary_check_problem_get_type ())

GType                plenary_check_problem_get_type (void) G_GNUC_CONST;
/* A problem without a fix; MESSAGE is copied. */
PlenaryCheckProblem *plenary_check_problem_new      (PlenaryCheckKind           kind,
                                                     PlenaryCheckSeverity       severity,
                                                     guint                      line,
                                                     gsize                      start,
                                                     gsize                      end,
                                                     const char                *message);
PlenaryCheckProblem *plenary_check_problem_copy     (const PlenaryCheckProblem *self);
void                 plenary_check_problem_free     (PlenaryCheckProblem       *self);
/* LINE with the fix applied (a new string), or NULL when there is no fix or
 * the fix deletes the line. */
char                *plenary_check_problem_apply    (const PlenaryCheckProblem *self,
                                                     const char                *line);

/* What a line check needs from its neighbours. */
typedef struct
{
  gboolean is_last;        /* last non-blank line of the text */
  gboolean next_is_child;  /* the next non-blank line is one level deeper */
} PlenaryCheckLineContext;

#define PLENARY_TYPE_CLAUSE_CHECKER (plenary_clause_checker_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryClauseChecker, plenary_clause_checker, PLENARY, CLAUSE_CHECKER, GObject)

/* Properties: "dictionary" (construct), "kind", "body" (the body name from
 * the metadata, "" when unknown: no agreement check). */
PlenaryClauseChecker *plenary_clause_checker_new          (PlenaryPhraseDictionary *dictionary,
                                                           PlenaryDraftKind         kind);
PlenaryPhraseDictionary *plenary_clause_checker_get_dictionary (PlenaryClauseChecker *self);
void                  plenary_clause_checker_set_kind     (PlenaryClauseChecker    *self,
                                                           PlenaryDraftKind         kind);
void                  plenary_clause_checker_set_body     (PlenaryClauseChecker    *self,
                                                           const char              *body);

/* Checks one line of editor text. STATE is the state before the line (as
 * plenary_clause_parser_classify_line() leaves it after the line above); it
 * is advanced past this line. LINE_INDEX is the 0-based line number put in
 * the problems. Returns PlenaryCheckProblem* (possibly empty, never NULL). */
GPtrArray            *plenary_clause_checker_check_line   (PlenaryClauseChecker          *self,
                                                           const char                    *line,
                                                           gssize                         len,
                                                           guint                          line_index,
                                                           PlenaryLineState              *state,
                                                           const PlenaryCheckLineContext *context);

/* As plenary_clause_checker_check_line(), for a line already classified:
 * BEFORE is the state before it, INFO what
 * plenary_clause_parser_classify_line() made of it. */
GPtrArray            *plenary_clause_checker_check_classified_line (PlenaryClauseChecker          *self,
                                                                    const char                    *line,
                                                                    gssize                         len,
                                                                    guint                          line_index,
                                                                    const PlenaryLineState        *before,
                                                                    const PlenaryLineInfo         *info,
                                                                    const PlenaryCheckLineContext *context);

/* Checks the whole editor text. */
GPtrArray            *plenary_clause_checker_check_text   (PlenaryClauseChecker    *self,
                                                           const char              *text,
                                                           gssize                   len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlenaryCheckProblem, plenary_check_problem_free)

G_END_DECLS
