/* plenary-enum-nick.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-enum-nick"

#include "config.h"

#include "plenary-enum-nick.h"

const char *
plenary_enum_to_nick (GType type,
                      int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  g_return_val_if_fail (found != NULL, NULL);

  /* The class stays: the types are static. */
  return found->value_nick;
}

gboolean
plenary_enum_from_nick (GType       type,
                        const char *nick,
                        int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *found;

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (type);
  if ((found = g_enum_get_value_by_nick (klass, nick)) == NULL)
    return FALSE;

  if (value != NULL)
    *value = found->value;
  return TRUE;
}
