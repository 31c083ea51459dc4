/* plenary-delegation-colors.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk/gdk.h>

G_BEGIN_DECLS

/* The colour of a delegation's proposals, the same wherever they show (the
 * text's underlines and strike-throughs, the dots of the Proposals panel):
 * one of a fixed palette, chosen from NAME alone so that every copy of a
 * draft gives a delegation the same colour. DARK: for a dark background. */
void plenary_delegation_color (const char *name,
                               gboolean    dark,
                               GdkRGBA    *out);

G_END_DECLS
