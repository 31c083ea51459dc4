/* plenary-delegation-colors.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-delegation-colors"

#include "config.h"

#include "plenary-delegation-colors.h"

/* The GNOME palette's blue, green, orange, red, purple, brown and teal
 * (3 on light backgrounds, 2 on dark ones): far enough apart to tell a
 * dozen delegations apart with the name beside them, and none of them the
 * yellow of highlights. */
static const char * const light_palette[] = {
  "#1c71d8", "#26a269", "#c64600", "#c01c28", "#813d9c", "#865e3c", "#0e8582",
};
static const char * const dark_palette[] = {
  "#62a0ea", "#57e389", "#ffa348", "#f66151", "#c061cb", "#cdab8f", "#5bc8af",
};

void
plenary_delegation_color (const char *name,
                          gboolean    dark,
                          GdkRGBA    *out)
{
  g_autofree char *folded = NULL;
  guint hash;

  g_return_if_fail (out != NULL);

  /* "France" and "france " are one delegation. */
  folded = g_utf8_casefold (name != NULL ? name : "", -1);
  hash = g_str_hash (g_strstrip (folded));
  gdk_rgba_parse (out, (dark ? dark_palette : light_palette)[hash % G_N_ELEMENTS (light_palette)]);
}
