/* plenary-delegation-colors.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-delegation-colors"

#include "config.h"

#include "plenary-delegation-colors.h"

/* The GNOME palette's blue, red, green, orange, purple, brown, teal and
 * pink, each readable on a light (first) and on a dark background: far
 * enough apart to tell a dozen delegations apart with the name beside
 * them, and none of them the yellow of highlights. */
static const char * const palette[][2] = {
  { "#1c71d8", "#62a0ea" },
  { "#c01c28", "#f66151" },
  { "#26a269", "#57e389" },
  { "#c64600", "#ffa348" },
  { "#813d9c", "#c061cb" },
  { "#986a44", "#cdab8f" },
  { "#0b7a85", "#4fd2d9" },
  { "#a51d8a", "#f08ee0" },
};

void
plenary_delegation_color (const char *name,
                          gboolean    dark,
                          GdkRGBA    *out)
{
  guint hash = 5381;

  g_return_if_fail (out != NULL);

  /* A hash of our own, not g_str_hash(): a delegation keeps its colour
   * from one version of Plenary to the next. */
  for (const char *p = name != NULL ? name : ""; *p != '\0'; p++)
    hash = hash * 33 + (guchar) *p;
  gdk_rgba_parse (out, palette[hash % G_N_ELEMENTS (palette)][dark ? 1 : 0]);
}
