/* plenary-enum-nick.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The model's enums are GTypes (plenary-model-enums.h) whose nicks are
 * their names in the JSON format and in actions. */

/* The nick of VALUE of the enum TYPE. */
const char *plenary_enum_to_nick   (GType       type,
                                    int         value);
/* The value of the enum TYPE whose nick is NICK: FALSE when none is. */
gboolean    plenary_enum_from_nick (GType       type,
                                    const char *nick,
                                    int        *value);

G_END_DECLS
