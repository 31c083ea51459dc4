/* plenary-paragraph.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-paragraph"

#include "config.h"

#include <string.h>

#include "plenary-enum-nick.h"
#include "plenary-model-enums.h"
#include "plenary-paragraph.h"

G_DEFINE_BOXED_TYPE (PlenaryParagraph, plenary_paragraph,
                     plenary_paragraph_ref, plenary_paragraph_unref)

PlenaryParagraph *
plenary_paragraph_new (PlenaryRole  role,
                       const char  *phrase,
                       const char  *text)
{
  PlenaryParagraph *self;

  g_return_val_if_fail (role <= PLENARY_ROLE_BULLET, NULL);

  self = g_new0 (PlenaryParagraph, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->role = role;
  self->phrase = g_strdup (phrase);
  self->text = g_strdup (text != NULL ? text : "");
  self->children = g_ptr_array_new_with_free_func ((GDestroyNotify) plenary_paragraph_unref);

  return self;
}

PlenaryParagraph *
plenary_paragraph_ref (PlenaryParagraph *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
plenary_paragraph_unref (PlenaryParagraph *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->phrase);
  g_free (self->text);
  g_free (self->id);
  g_ptr_array_unref (self->children);
  g_clear_pointer (&self->extra, json_object_unref);
  g_free (self);
}

/* Children are copied deeply; the unknown JSON members are shared, as
 * nothing edits them after decoding. */
PlenaryParagraph *
plenary_paragraph_copy (const PlenaryParagraph *self)
{
  PlenaryParagraph *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = plenary_paragraph_new (self->role, self->phrase, self->text);
  copy->id = g_strdup (self->id);
  for (guint i = 0; i < self->children->len; i++)
    g_ptr_array_add (copy->children,
                     plenary_paragraph_copy (g_ptr_array_index (self->children, i)));
  if (self->extra != NULL)
    copy->extra = json_object_ref (self->extra);

  return copy;
}

void
plenary_paragraph_append_child (PlenaryParagraph *self,
                                PlenaryParagraph *child)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (child != NULL);
  g_return_if_fail (child != self);

  g_ptr_array_add (self->children, plenary_paragraph_ref (child));
}

static gboolean
extra_equal (JsonObject *a,
             JsonObject *b)
{
  guint size_a = a != NULL ? json_object_get_size (a) : 0;
  guint size_b = b != NULL ? json_object_get_size (b) : 0;

  if (size_a == 0 || size_b == 0)
    return size_a == size_b;

  return json_object_equal (a, b);
}

gboolean
plenary_paragraph_equal (const PlenaryParagraph *a,
                         const PlenaryParagraph *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  if (a->role != b->role ||
      g_strcmp0 (a->phrase, b->phrase) != 0 ||
      g_strcmp0 (a->text, b->text) != 0 ||
      g_strcmp0 (a->id, b->id) != 0 ||
      a->children->len != b->children->len ||
      !extra_equal (a->extra, b->extra))
    return FALSE;

  for (guint i = 0; i < a->children->len; i++)
    if (!plenary_paragraph_equal (g_ptr_array_index (a->children, i),
                                  g_ptr_array_index (b->children, i)))
      return FALSE;

  return TRUE;
}

char *
plenary_paragraph_dup_full_text (const PlenaryParagraph *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->phrase == NULL || self->phrase[0] == '\0')
    return g_strdup (self->text);
  if (self->text[0] == '\0')
    return g_strdup (self->phrase);

  /* A phrase followed by a comma or ending the paragraph ("Decides, in the
   * light of …", "Acting under Chapter VII …,") has its text right after it. */
  if (strchr (",.;:", self->text[0]) != NULL)
    return g_strconcat (self->phrase, self->text, NULL);

  return g_strconcat (self->phrase, " ", self->text, NULL);
}

const char *
plenary_role_to_string (PlenaryRole value)
{
  return plenary_enum_to_nick (PLENARY_TYPE_ROLE, value);
}

gboolean
plenary_role_from_string (const char *str,
                          PlenaryRole *value)
{
  return plenary_enum_from_nick (PLENARY_TYPE_ROLE, str, (int *) value);
}
