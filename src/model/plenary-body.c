/* plenary-body.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-body"

#include "config.h"

#include <string.h>

#include "plenary-body.h"

static void
note_free (PlenaryNote *note)
{
  g_free (note->id);
  g_free (note->text);
  g_free (note);
}

G_DEFINE_BOXED_TYPE (PlenaryBody, plenary_body, plenary_body_ref, plenary_body_unref)

PlenaryBody *
plenary_body_new (void)
{
  PlenaryBody *self = g_new0 (PlenaryBody, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) plenary_paragraph_unref);
  self->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
  self->annex = g_ptr_array_new_with_free_func (g_free);

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
  g_ptr_array_unref (self->notes);
  g_free (self->annex_heading);
  g_ptr_array_unref (self->annex);
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
  for (guint i = 0; i < self->notes->len; i++)
    {
      PlenaryNote *note = g_ptr_array_index (self->notes, i);

      plenary_body_add_note (copy, note->id, note->text);
    }
  copy->annex_heading = g_strdup (self->annex_heading);
  for (guint i = 0; i < self->annex->len; i++)
    g_ptr_array_add (copy->annex, g_strdup (g_ptr_array_index (self->annex, i)));

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

void
plenary_body_add_note (PlenaryBody *self,
                       const char  *id,
                       const char  *text)
{
  PlenaryNote *note;

  g_return_if_fail (self != NULL);
  g_return_if_fail (id != NULL);

  note = g_new0 (PlenaryNote, 1);
  note->id = g_strdup (id);
  note->text = g_strdup (text != NULL ? text : "");
  g_ptr_array_add (self->notes, note);
}

PlenaryNote *
plenary_body_find_note (const PlenaryBody *self,
                        const char        *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->notes->len; i++)
    {
      PlenaryNote *note = g_ptr_array_index (self->notes, i);

      if (g_strcmp0 (note->id, id) == 0)
        return note;
    }
  return NULL;
}

void
plenary_body_set_annex_heading (PlenaryBody *self,
                                const char  *heading)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (heading != NULL);

  if (self->annex_heading == NULL)
    self->annex_heading = g_strdup (heading);
}

static gboolean
notes_and_annex_equal (const PlenaryBody *a,
                       const PlenaryBody *b)
{
  if (a->notes->len != b->notes->len || a->annex->len != b->annex->len ||
      g_strcmp0 (a->annex_heading, b->annex_heading) != 0)
    return FALSE;
  for (guint i = 0; i < a->notes->len; i++)
    {
      PlenaryNote *x = g_ptr_array_index (a->notes, i);
      PlenaryNote *y = g_ptr_array_index (b->notes, i);

      if (strcmp (x->id, y->id) != 0 || strcmp (x->text, y->text) != 0)
        return FALSE;
    }
  for (guint i = 0; i < a->annex->len; i++)
    if (strcmp (g_ptr_array_index (a->annex, i), g_ptr_array_index (b->annex, i)) != 0)
      return FALSE;
  return TRUE;
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
      a->paragraphs->len != b->paragraphs->len || !notes_and_annex_equal (a, b))
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
