/* test-mime.c
 *
 * Copyright 2026 The Plenary developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Installs the built MIME definition (data/org.plenary.Plenary.xml, its
 * comment translated), together with the system's
 * freedesktop.org.xml, into a private MIME database built with
 * update-mime-database, and checks what GIO makes of draft files.
 */

#define G_LOG_DOMAIN "plenary-test-mime"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#define DRAFT_TYPE "application/vnd.plenary.draft+json"

static char *mime_root;

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                        NULL, NULL);
  if (children != NULL)
    {
      GFile *child;

      while (g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child != NULL)
        remove_tree (child);
    }

  g_file_delete (file, NULL, NULL);
}

static void
copy_into (const char *source,
           const char *dest_dir)
{
  g_autoptr(GFile) from = g_file_new_for_path (source);
  g_autofree char *name = g_path_get_basename (source);
  g_autofree char *dest = g_build_filename (dest_dir, name, NULL);
  g_autoptr(GFile) to = g_file_new_for_path (dest);
  g_autoptr(GError) error = NULL;

  g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* The system definition of application/json (its *.json glob) is what our
 * glob has to beat, so the real freedesktop.org.xml goes in the database. */
static char *
find_freedesktop_xml (void)
{
  const char * const *dirs = g_get_system_data_dirs ();

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], "mime", "packages",
                                                "freedesktop.org.xml", NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }

  return NULL;
}

static void
use_database (void)
{
  g_autofree char *mime_dir = g_build_filename (mime_root, "mime", NULL);

  /* Only this database, whatever the machine has installed. */
  g_setenv ("XDG_DATA_HOME", mime_root, TRUE);
  g_setenv ("XDG_DATA_DIRS", mime_root, TRUE);
  g_content_type_set_mime_dirs ((const char * const []) { mime_dir, NULL });
}

static void
build_database (const char *update_mime_database,
                const char *mime_xml)
{
  g_autofree char *ours = NULL;
  g_autofree char *freedesktop = NULL;
  g_autofree char *packages = NULL;
  g_autofree char *mime_dir = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  ours = g_strdup (mime_xml);
  freedesktop = find_freedesktop_xml ();
  g_assert_nonnull (freedesktop);

  mime_root = g_dir_make_tmp ("plenary-mime-XXXXXX", &error);
  g_assert_no_error (error);
  /* Also tells update-mime-database that the folder is looked at. */
  use_database ();
  mime_dir = g_build_filename (mime_root, "mime", NULL);
  packages = g_build_filename (mime_dir, "packages", NULL);
  g_assert_cmpint (g_mkdir_with_parents (packages, 0700), ==, 0);
  copy_into (freedesktop, packages);
  copy_into (ours, packages);

  g_spawn_sync (NULL,
                (char *[]) { (char *) update_mime_database, mime_dir, NULL },
                NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  /* update-mime-database reports unknown elements and bad globs on stderr
   * but still succeeds. */
  g_assert_cmpstr (err, ==, "");
}

static void
test_guess_by_name (void)
{
  static const char * const names[] = {
    "A-80-L.12.plenary.json",
    "Projet de résolution sur le climat.plenary.json",
    "/home/delegue/Documents/ECOSOC/brief.plenary.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gboolean uncertain = TRUE;
      g_autofree char *type = g_content_type_guess (names[i], NULL, 0, &uncertain);

      g_assert_cmpstr (type, ==, DRAFT_TYPE);
      g_assert_false (uncertain);
    }
}

static void
test_guess_ignores_case (void)
{
  g_autofree char *type = g_content_type_guess ("RESOLUTION.PLENARY.JSON", NULL, 0, NULL);

  g_assert_cmpstr (type, ==, DRAFT_TYPE);
}

static void
test_guess_with_contents (void)
{
  static const char draft[] =
    "{\n"
    "  \"format\": \"plenary-draft\",\n"
    "  \"version\": 1,\n"
    "  \"metadata\": { \"title\": \"Changements climatiques\" }\n"
    "}\n";
  gboolean uncertain = TRUE;
  g_autofree char *type = NULL;

  type = g_content_type_guess ("climat.plenary.json",
                               (const guchar *) draft, sizeof draft - 1,
                               &uncertain);
  g_assert_cmpstr (type, ==, DRAFT_TYPE);
  g_assert_false (uncertain);
}

/* A draft renamed by hand, or saved by another program without the
 * extension, is still a draft: by its first bytes. */
static void
test_guess_renamed (void)
{
  static const char * const names[] = {
    "Projet de résolution",
    "draft.json",
  };
  g_autofree char *saved = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;
  g_autofree char *template_path = g_build_filename (g_getenv ("PLENARY_SOURCE_ROOT"), "data", "templates",
                                                     "resolution-fr.plenary.json", NULL);
  static const char compact[] = "{\"format\": \"plenary-draft\", \"version\": 1}";
  static const char other[] = "{\"name\": \"plenary\", \"format\": \"plenary-draft\"}";

  /* As Plenary writes it. */
  g_file_get_contents (template_path, &saved, &length, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *type = g_content_type_guess (names[i], (const guchar *) saved, length, NULL);
      g_autofree char *type_compact = g_content_type_guess (names[i], (const guchar *) compact,
                                                            sizeof compact - 1, NULL);

      g_assert_cmpstr (type, ==, DRAFT_TYPE);
      g_assert_cmpstr (type_compact, ==, DRAFT_TYPE);
    }

  /* Other JSON that only mentions the format further on is not a draft. */
  {
    g_autofree char *type = g_content_type_guess ("package.json", (const guchar *) other,
                                                  sizeof other - 1, NULL);
    g_assert_cmpstr (type, ==, "application/json");
  }
}

static void
test_plain_json_untouched (void)
{
  g_autofree char *type = g_content_type_guess ("package.json", NULL, 0, NULL);
  g_autofree char *dotted = g_content_type_guess ("plenary.json", NULL, 0, NULL);

  g_assert_cmpstr (type, ==, "application/json");
  /* The glob wants ".plenary.json", not any name ending in "plenary.json". */
  g_assert_cmpstr (dotted, ==, "application/json");
}

static void
test_is_json (void)
{
  g_assert_true (g_content_type_is_a (DRAFT_TYPE, "application/json"));
  g_assert_true (g_content_type_is_mime_type (DRAFT_TYPE, "application/json"));
  g_assert_false (g_content_type_is_a ("application/json", DRAFT_TYPE));
}

static void
test_generic_icon (void)
{
  g_autofree char *icon = g_content_type_get_generic_icon_name (DRAFT_TYPE);

  g_assert_cmpstr (icon, ==, "x-office-document");
}

/* GIO caches descriptions per type, so each language gets its own process. */
static void
test_description (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *description = g_content_type_get_description (DRAFT_TYPE);

      g_print ("%s\n", description);
      return;
    }

  /* The child inherits the environment. */
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("Plenary draft\n");

  g_setenv ("LANGUAGE", "fr", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("Brouillon Plenary\n");
  g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) root = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  /* Subprocesses (see test_description) reuse their parent's database. */
  if (g_test_subprocess ())
    {
      mime_root = g_strdup (g_getenv ("PLENARY_TEST_MIME_ROOT"));
      g_assert_nonnull (mime_root);
      use_database ();
      g_test_add_func ("/mime/description", test_description);
      return g_test_run ();
    }

  if (argc != 3)
    g_error ("usage: %s UPDATE-MIME-DATABASE BUILT-MIME-XML", argv[0]);

  build_database (argv[1], argv[2]);
  g_setenv ("PLENARY_TEST_MIME_ROOT", mime_root, TRUE);
  use_database ();

  g_test_add_func ("/mime/guess-by-name", test_guess_by_name);
  g_test_add_func ("/mime/guess-ignores-case", test_guess_ignores_case);
  g_test_add_func ("/mime/guess-with-contents", test_guess_with_contents);
  g_test_add_func ("/mime/guess-renamed", test_guess_renamed);
  g_test_add_func ("/mime/plain-json-untouched", test_plain_json_untouched);
  g_test_add_func ("/mime/is-json", test_is_json);
  g_test_add_func ("/mime/generic-icon", test_generic_icon);
  g_test_add_func ("/mime/description", test_description);

  ret = g_test_run ();

  root = g_file_new_for_path (mime_root);
  remove_tree (root);
  g_free (mime_root);

  return ret;
}
