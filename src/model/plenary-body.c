/* plenary-body.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-body"

#include "config.h"

#include "plenary-body.h"

G_DEFINE_BOXED_TYPE (PlenaryBody, plenary_body, plenary_body_ref, plenary_body_unref)

PlenaryBody *
plenary_body_new (void)
{
  PlenaryBody *self = g_new0 (PlenaryBody, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) plenary_paragraph_unref);

  return self;
}

PlenaryBody *
plenary_body_ref (PlenaryBody *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
plenary_body_unref (PlenaryBody *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->opening);
  g_ptr_array_unref (self->paragraphs);
  g_clear_pointer (&self->extra, json_object_unref);
  g_free (self);
}

PlenaryBody *
plenary_body_copy (const PlenaryBody *self)
{
  PlenaryBody *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = plenary_body_new ();
  copy->opening = g_strdup (self->opening);
  for (guint i = 0; i < self->paragraphs->len; i++)
    g_ptr_array_add (copy->paragraphs,
                     plenary_paragraph_copy (g_ptr_array_index (self->paragraphs, i)));
  if (self->extra != NULL)
    copy->extra = json_object_ref (self->extra);

  return copy;
}

void
plenary_body_set_opening (PlenaryBody *self,
                          const char  *opening)
{
  g_return_if_fail (self != NULL);

  if (opening == self->opening)
    return;

  g_free (self->opening);
  self->opening = g_strdup (opening);
}

void
plenary_body_append (PlenaryBody      *self,
                     PlenaryParagraph *paragraph)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (paragraph != NULL);

  g_ptr_array_add (self->paragraphs, plenary_paragraph_ref (paragraph));
}

gboolean
plenary_body_equal (const PlenaryBody *a,
                    const PlenaryBody *b)
{
  guint extra_a, extra_b;

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  if (g_strcmp0 (a->opening, b->opening) != 0 ||
      a->paragraphs->len != b->paragraphs->len)
    return FALSE;

  extra_a = a->extra != NULL ? json_object_get_size (a->extra) : 0;
  extra_b = b->extra != NULL ? json_object_get_size (b->extra) : 0;
  if (extra_a != extra_b || (extra_a > 0 && !json_object_equal (a->extra, b->extra)))
    return FALSE;

  for (guint i = 0; i < a->paragraphs->len; i++)
    if (!plenary_paragraph_equal (g_ptr_array_index (a->paragraphs, i),
                                  g_ptr_array_index (b->paragraphs, i)))
      return FALSE;

  return TRUE;
}
