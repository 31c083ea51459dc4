/* plenary-body.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-paragraph.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_BODY (plenary_body_get_type ())

typedef struct _PlenaryBody PlenaryBody;

/* The text of a draft as structured data. */
struct _PlenaryBody
{
  /* "L'Assemblée générale," — NULL when missing (and for briefs). */
  char       *opening;
  /* Top-level PlenaryParagraph*, in document order; never NULL. */
  GPtrArray  *paragraphs;
  JsonObject *extra;

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
gboolean     plenary_body_equal    (const PlenaryBody *a,
                                    const PlenaryBody *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlenaryBody, plenary_body_unref)

G_END_DECLS
