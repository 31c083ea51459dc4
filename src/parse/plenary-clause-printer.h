/* plenary-clause-printer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-body.h"
#include "plenary-draft.h"

G_BEGIN_DECLS

typedef enum
{
  /* One paragraph a line, sub-paragraphs indented by tabs, no numbers or
   * markers, no trailing newline: what the editor buffer holds. */
  PLENARY_PRINT_EDITOR      = 0,
  /* Numbers "1." and markers "a)" / "(a)", sub-paragraphs indented by three
   * spaces a level, a trailing newline. */
  PLENARY_PRINT_PLAIN       = 1 << 0,
  /* With PLAIN: a blank line between top-level paragraphs. */
  PLENARY_PRINT_BLANK_LINES = 1 << 1,
} PlenaryPrintFlags;

char *plenary_clause_printer_print (PlenaryBody       *body,
                                    PlenaryDraftKind   kind,
                                    const char        *language,
                                    PlenaryPrintFlags  flags);

/* The editor text of BODY, a draft of kind FROM, as a draft of kind TO: a
 * resolution's sub-paragraphs become a brief's bullets and back; every word
 * is kept (the paragraphs' roles follow from the new kind). */
char *plenary_clause_printer_convert (PlenaryBody       *body,
                                      PlenaryDraftKind   from,
                                      PlenaryDraftKind   to,
                                      const char        *language);

/* The marker of the INDEX-th (0-based) paragraph at LEVEL (0 operative,
 * 1 and 2 sub-paragraphs) in LANGUAGE: "3." / "a)" / "(a)" / "ii)" / "(ii)".
 * After "z)" come "aa)", "bb)". */
char *plenary_clause_marker        (const char        *language,
                                    guint              level,
                                    guint              index);

/* "iv" for 4; NULL for 0. */
char *plenary_clause_roman         (guint              number);

G_END_DECLS
