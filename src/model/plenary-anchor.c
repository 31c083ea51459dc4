/* plenary-anchor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-anchor"

#include "config.h"

#include "plenary-anchor.h"

G_DEFINE_BOXED_TYPE (PlenaryAnchor, plenary_anchor, plenary_anchor_ref, plenary_anchor_unref)

PlenaryAnchor *
plenary_anchor_new (const char *target,
                    const char *exact,
                    const char *prefix,
                    const char *suffix,
                    gint64      start,
                    gint64      end)
{
  PlenaryAnchor *self = g_new0 (PlenaryAnchor, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->target = g_strdup (target != NULL ? target : PLENARY_ANCHOR_TARGET_DRAFT);
  self->exact = g_strdup (exact != NULL ? exact : "");
  self->prefix = g_strdup (prefix != NULL ? prefix : "");
  self->suffix = g_strdup (suffix != NULL ? suffix : "");
  self->start = start;
  self->end = end;

  return self;
}

PlenaryAnchor *
plenary_anchor_ref (PlenaryAnchor *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
plenary_anchor_unref (PlenaryAnchor *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->target);
  g_free (self->exact);
  g_free (self->prefix);
  g_free (self->suffix);
  g_free (self);
}

PlenaryAnchor *
plenary_anchor_copy (const PlenaryAnchor *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return plenary_anchor_new (self->target, self->exact, self->prefix,
                             self->suffix, self->start, self->end);
}

gboolean
plenary_anchor_equal (const PlenaryAnchor *a,
                      const PlenaryAnchor *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return g_strcmp0 (a->target, b->target) == 0 &&
         g_strcmp0 (a->exact, b->exact) == 0 &&
         g_strcmp0 (a->prefix, b->prefix) == 0 &&
         g_strcmp0 (a->suffix, b->suffix) == 0 &&
         a->start == b->start &&
         a->end == b->end;
}
