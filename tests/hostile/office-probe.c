/* office-probe.c
 *
 * Helper of test-office-hostile.py:
 *   office-probe import FILE   reads FILE through the draft importer and the
 *                              source importer (Open and Add Source) and
 *                              prints one line for each: "ok" or the error
 *                              message;
 *   office-probe ole FILE KIND writes an OLE compound file: KIND "encrypted"
 *                              holds the streams of a password-protected
 *                              .docx, "doc" those of a Word 97 file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "office-probe"

#include "config.h"

#include <locale.h>

#include <gsf/gsf.h>

#include "plenary-importer.h"
#include "plenary-source-importer.h"

static int
write_ole (const char *path,
           const char *kind)
{
  const char *encrypted[] = { "EncryptionInfo", "EncryptedPackage", NULL };
  const char *doc[] = { "WordDocument", "1Table", NULL };
  const char **streams = g_str_equal (kind, "encrypted") ? encrypted : doc;
  g_autoptr(GError) error = NULL;
  GsfOutput *sink;
  GsfOutfile *ole;
  guint8 filler[4096];

  gsf_init ();
  memset (filler, 0x5a, sizeof filler);
  if (!(sink = gsf_output_stdio_new (path, &error)))
    g_error ("%s", error->message);
  ole = gsf_outfile_msole_new (sink);
  for (guint i = 0; streams[i] != NULL; i++)
    {
      GsfOutput *child = gsf_outfile_new_child (ole, streams[i], FALSE);

      gsf_output_write (child, sizeof filler, filler);
      gsf_output_close (child);
      g_object_unref (child);
    }
  /* Closing the compound file closes its sink. */
  gsf_output_close (GSF_OUTPUT (ole));
  g_object_unref (ole);
  g_object_unref (sink);
  return 0;
}

static int
import (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(PlenaryDraft) host = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(PlenarySource) source = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, &error))
    g_error ("%s", error->message);

  draft = plenary_importer_import (contents, len, basename, NULL, NULL, &error);
  g_print ("draft: %s\n", draft != NULL ? "ok" : error->message);
  g_clear_error (&error);

  source = plenary_source_importer_import (host, file, NULL, &error);
  g_print ("source: %s\n", source != NULL ? "ok" : error->message);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  if (argc == 3 && g_str_equal (argv[1], "import"))
    return import (argv[2]);
  if (argc == 4 && g_str_equal (argv[1], "ole"))
    return write_ole (argv[2], argv[3]);
  g_printerr ("usage: office-probe import FILE | ole FILE encrypted|doc\n");
  return 2;
}
