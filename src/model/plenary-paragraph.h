/* plenary-paragraph.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The role of one paragraph of a draft body. A resolution body is a list of
 * PREAMBULAR and OPERATIVE paragraphs (operative ones hold SUBPARAGRAPH
 * children, which may hold SUBPARAGRAPH children in turn). A brief body is a
 * list of HEADING paragraphs (sections) whose children are PARAGRAPH and
 * BULLET paragraphs. PARAGRAPH also stands for text of a resolution that the
 * parser could not place. */
typedef enum
{
  PLENARY_ROLE_PREAMBULAR,
  PLENARY_ROLE_OPERATIVE,
  PLENARY_ROLE_SUBPARAGRAPH,
  PLENARY_ROLE_HEADING,
  PLENARY_ROLE_PARAGRAPH,
  PLENARY_ROLE_BULLET,
} PlenaryRole;

#define PLENARY_TYPE_PARAGRAPH (plenary_paragraph_get_type ())

typedef struct _PlenaryParagraph PlenaryParagraph;

struct _PlenaryParagraph
{
  PlenaryRole  role;
  /* The opening phrase ("Notant avec préoccupation"), NULL when there is none. */
  char        *phrase;
  /* What follows the phrase, without the separating space; never NULL.
   * For a HEADING, the heading text. */
  char        *text;
  /* PlenaryParagraph*, never NULL. */
  GPtrArray   *children;
  /* JSON members this version does not know, written back as they were. */
  JsonObject  *extra;
  /* Stable identity ("p7"), unique in the draft, kept through edits, moves
   * and renumbering; what comparison, proposals and statuses hang on. NULL
   * until the draft gives it one. */
  char        *id;

  /*< private >*/
  gatomicrefcount ref_count;
};

GType             plenary_paragraph_get_type      (void) G_GNUC_CONST;
PlenaryParagraph *plenary_paragraph_new           (PlenaryRole             role,
                                                   const char             *phrase,
                                                   const char             *text);
PlenaryParagraph *plenary_paragraph_ref           (PlenaryParagraph       *self);
void              plenary_paragraph_unref         (PlenaryParagraph       *self);
PlenaryParagraph *plenary_paragraph_copy          (const PlenaryParagraph *self);
void              plenary_paragraph_append_child  (PlenaryParagraph       *self,
                                                   PlenaryParagraph       *child);
gboolean          plenary_paragraph_equal         (const PlenaryParagraph *a,
                                                   const PlenaryParagraph *b);
/* phrase + " " + text, or text alone. */
char             *plenary_paragraph_dup_full_text (const PlenaryParagraph *self);

const char       *plenary_role_to_string          (PlenaryRole             role);
gboolean          plenary_role_from_string        (const char             *str,
                                                   PlenaryRole            *role);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlenaryParagraph, plenary_paragraph_unref)

G_END_DECLS
