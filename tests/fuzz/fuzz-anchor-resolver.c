/* fuzz-anchor-resolver.c
 *
 * Re-anchoring on any text and any stored anchor. The input is six fields
 * separated by 0x1F (unit separator): exact, prefix, suffix, start, end
 * (decimal) and the text; missing fields are empty. Fields are made valid
 * UTF-8 without NUL bytes, as the codec guarantees for a loaded draft.
 *
 * Checked: a placement lies within the text; an exact or positional match
 * covers the very words of the quote (never other words); and an anchor
 * described on a text is found on that same text at the same place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-anchor-resolver"

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "plenary-anchor-resolver.h"

enum { EXACT, PREFIX, SUFFIX, START, END, TEXT, N_FIELDS };

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_make_warnings_fatal ();
  return 0;
}

static char *
clean_field (const char *data,
             gsize       length)
{
  g_autoptr(GString) no_nul = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    if (data[i] != '\0')
      g_string_append_c (no_nul, data[i]);

  return g_utf8_make_valid (no_nul->str, no_nul->len);
}

/* The code points [START, END) of TEXT. */
static char *
substring (const char *text,
           gint64      start,
           gint64      end)
{
  const char *s = g_utf8_offset_to_pointer (text, start);
  const char *e = g_utf8_offset_to_pointer (text, end);

  return g_strndup (s, e - s);
}

static void
check_placement (const PlenaryAnchor *anchor,
                 const char          *text,
                 gboolean             found,
                 gint64               start,
                 gint64               end,
                 PlenaryAnchorMatch   how)
{
  glong n_chars = g_utf8_strlen (text, -1);

  if (!found)
    {
      g_assert_cmpint (start, ==, -1);
      g_assert_cmpint (end, ==, -1);
      g_assert_cmpint (how, ==, PLENARY_ANCHOR_MATCH_ORPHAN);
      return;
    }

  g_assert_cmpint (how, !=, PLENARY_ANCHOR_MATCH_ORPHAN);
  g_assert_cmpint (0, <=, start);
  g_assert_cmpint (start, <=, end);
  g_assert_cmpint (end, <=, n_chars);

  if (how == PLENARY_ANCHOR_MATCH_POSITION || how == PLENARY_ANCHOR_MATCH_QUOTE)
    {
      g_autofree char *placed = substring (text, start, end);

      g_assert_cmpstr (placed, ==, anchor->exact);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_auto(GStrv) fields = g_new0 (char *, N_FIELDS + 1);
  g_autoptr(PlenaryAnchor) anchor = NULL;
  g_autoptr(PlenaryAnchor) described = NULL;
  const char *p = (const char *) data;
  const char *end_of_data = p + size;
  PlenaryAnchorMatch how;
  gint64 start, end;
  gboolean found;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *sep = i + 1 < N_FIELDS ? memchr (p, 0x1F, end_of_data - p) : NULL;
      const char *stop = sep != NULL ? sep : end_of_data;

      fields[i] = clean_field (p, stop - p);
      p = sep != NULL ? sep + 1 : end_of_data;
    }

  anchor = plenary_anchor_new (PLENARY_ANCHOR_TARGET_DRAFT,
                               fields[EXACT], fields[PREFIX], fields[SUFFIX],
                               g_ascii_strtoll (fields[START], NULL, 10),
                               g_ascii_strtoll (fields[END], NULL, 10));

  found = plenary_anchor_resolver_resolve (anchor, fields[TEXT], &start, &end, &how);
  check_placement (anchor, fields[TEXT], found, start, end, how);

  /* What the editor stores for a selection is found again where it was. */
  described = plenary_anchor_resolver_describe (PLENARY_ANCHOR_TARGET_DRAFT, fields[TEXT],
                                                anchor->start, anchor->end);
  found = plenary_anchor_resolver_resolve (described, fields[TEXT], &start, &end, &how);
  g_assert_true (found);
  g_assert_cmpint (how, ==, PLENARY_ANCHOR_MATCH_POSITION);
  g_assert_cmpint (start, ==, described->start);
  g_assert_cmpint (end, ==, described->end);
  check_placement (described, fields[TEXT], found, start, end, how);

  return 0;
}
