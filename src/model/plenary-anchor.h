/* plenary-anchor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PLENARY_ANCHOR_TARGET_DRAFT "draft"

#define PLENARY_TYPE_ANCHOR (plenary_anchor_get_type ())

typedef struct _PlenaryAnchor PlenaryAnchor;

/* Where an annotation sits: a W3C Web Annotation TextQuoteSelector (exact,
 * prefix, suffix) and a TextPositionSelector (start, end) in Unicode code
 * points of the target text. */
struct _PlenaryAnchor
{
  /* PLENARY_ANCHOR_TARGET_DRAFT, or the id of a source. */
  char   *target;
  char   *exact;
  char   *prefix;
  char   *suffix;
  gint64  start;
  gint64  end;

  /*< private >*/
  gatomicrefcount ref_count;
};

GType          plenary_anchor_get_type (void) G_GNUC_CONST;
PlenaryAnchor *plenary_anchor_new      (const char          *target,
                                        const char          *exact,
                                        const char          *prefix,
                                        const char          *suffix,
                                        gint64               start,
                                        gint64               end);
PlenaryAnchor *plenary_anchor_ref      (PlenaryAnchor       *self);
void           plenary_anchor_unref    (PlenaryAnchor       *self);
PlenaryAnchor *plenary_anchor_copy     (const PlenaryAnchor *self);
gboolean       plenary_anchor_equal    (const PlenaryAnchor *a,
                                        const PlenaryAnchor *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlenaryAnchor, plenary_anchor_unref)

G_END_DECLS
