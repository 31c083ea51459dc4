/* plenary-body.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-paragraph.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_BODY (plenary_body_get_type ())

typedef struct _PlenaryBody PlenaryBody;

/* A note (footnote): its call "[^ID]" sits in the text of a paragraph (or
 * of the annex); TEXT is what the foot of the page says. */
typedef struct
{
  char *id;    /* "1", "a": what the call and the note print */
  char *text;
} PlenaryNote;

/* The text of a draft as structured data. */
struct _PlenaryBody
{
  /* "L'Assemblée générale," — NULL when missing (and for briefs). */
  char       *opening;
  /* Top-level PlenaryParagraph*, in document order; never NULL. */
  GPtrArray  *paragraphs;
  JsonObject *extra;
  /* PlenaryNote*, in order; never NULL. */
  GPtrArray  *notes;
  /* The annex printed after the text: its heading ("Annex", "Annexe I"),
   * NULL when there is none, and its paragraphs (char*, never NULL). */
  char       *annex_heading;
  GPtrArray  *annex;

  /*< private >*/
  gatomicrefcount ref_count;
};

GType        plenary_body_get_type (void) G_GNUC_CONST;
PlenaryBody *plenary_body_new      (void);
PlenaryBody *plenary_body_ref      (PlenaryBody       *self);
void         plenary_body_unref    (PlenaryBody       *self);
PlenaryBody *plenary_body_copy     (const PlenaryBody *self);
void         plenary_body_set_opening (PlenaryBody    *self,
                                       const char     *opening);
void         plenary_body_append   (PlenaryBody       *self,
                                    PlenaryParagraph  *paragraph);
/* Adds a note (ID, TEXT) at the end of the notes. */
void         plenary_body_add_note (PlenaryBody       *self,
                                    const char        *id,
                                    const char        *text);
/* The note whose call is "[^ID]", NULL when none. */
PlenaryNote *plenary_body_find_note (const PlenaryBody *self,
                                     const char        *id);
/* Starts the annex (HEADING, never NULL) when there is none yet. */
void         plenary_body_set_annex_heading (PlenaryBody *self,
                                             const char  *heading);
gboolean     plenary_body_equal    (const PlenaryBody *a,
                                    const PlenaryBody *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlenaryBody, plenary_body_unref)

G_END_DECLS
