/* plenary-source-files.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-source-files"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "plenary-source-files.h"

static char *
get_path (const char *checksum)
{
  return g_build_filename (g_get_user_data_dir (), "plenary", "source-files", checksum, NULL);
}

char *
plenary_source_files_store (GBytes  *data,
                            GError **error)
{
  g_autofree char *checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  g_autofree char *path = get_path (checksum);
  g_autofree char *folder = g_path_get_dirname (path);
  gsize length;
  const char *bytes = g_bytes_get_data (data, &length);

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&checksum);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "%s: %s", folder, g_strerror (saved));
      return NULL;
    }

  /* Atomic: a name is only ever its whole contents. */
  if (!g_file_set_contents_full (path, bytes != NULL ? bytes : "", length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;

  return g_steal_pointer (&checksum);
}

GFile *
plenary_source_files_lookup (const char *checksum)
{
  g_autofree char *path = NULL;

  /* A checksum from a draft file is not trusted to be a plain name. */
  if (checksum == NULL || strlen (checksum) != 64 ||
      strspn (checksum, "0123456789abcdef") != 64)
    return NULL;

  path = get_path (checksum);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  return g_file_new_for_path (path);
}
