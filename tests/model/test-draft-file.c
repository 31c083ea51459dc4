/* test-draft-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "model-fixtures.h"
#include "plenary-draft-file.h"

typedef struct
{
  char *folder;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("plenary-model-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_chmod (path, 0755);
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->folder);
  g_free (fixture->folder);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static guint
count_entries (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static mode_t
current_umask (void)
{
  mode_t mask = umask (0);

  umask (mask);
  return mask;
}

static char *
encode_string (PlenaryDraft *draft)
{
  g_autoptr(GBytes) bytes = plenary_draft_codec_encode (draft);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static GFile *
only_backup (GFile *file)
{
  g_autoptr(GPtrArray) backups = plenary_draft_file_list_backups (file, NULL);

  g_assert_cmpuint (backups->len, ==, 1);

  return g_object_ref (g_ptr_array_index (backups, 0));
}

static void
test_save_load_backup (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "projet.plenary.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) backup = NULL;
  g_autoptr(GFile) folder = plenary_draft_file_get_backup_folder ();
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(PlenaryDraft) draft = model_fixture_full_resolution ();
  g_autoptr(PlenaryDraft) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_path = NULL;
  g_autofree char *backup_name = NULL;
  g_autofree char *expected_folder = g_build_filename (g_get_user_state_dir (), "plenary", "backups", NULL);
  g_autofree char *backup_folder = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *kept = NULL;
  GStatBuf st, saved_st;

  g_assert_cmpstr (g_file_peek_path (folder), ==, expected_folder);

  g_assert_true (plenary_draft_save (draft, file, NULL, &error));
  g_assert_no_error (error);
  first = encode_string (draft);
  on_disk = read_file (path);
  g_assert_cmpstr (on_disk, ==, first);
  /* A new file has no previous version to keep. */
  none = plenary_draft_file_list_backups (file, NULL);
  g_assert_cmpuint (none->len, ==, 0);
  /* A new file gets the usual mode for the umask, not mkstemp's 0600. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~current_umask ());
  saved_st = st;

  loaded = plenary_draft_load (file, NULL, &error);
  g_assert_no_error (error);
  model_assert_drafts_equal (draft, loaded);

  g_chmod (path, 0640);
  plenary_metadata_set_string (plenary_draft_get_metadata (draft), "symbol", "A/80/L.99");
  g_assert_true (plenary_draft_save (draft, file, NULL, &error));
  g_assert_no_error (error);
  second = encode_string (draft);
  g_clear_pointer (&on_disk, g_free);
  on_disk = read_file (path);
  g_assert_cmpstr (on_disk, ==, second);
  g_assert_cmpstr (first, !=, second);

  /* <basename>-<12 hex digits>.<time>~ in the state folder (0700, the
   * backup 0600), with the time its version was saved. */
  backup = only_backup (file);
  backup_path = g_file_get_path (backup);
  backup_name = g_file_get_basename (backup);
  backup_folder = g_path_get_dirname (backup_path);
  g_assert_cmpstr (backup_folder, ==, expected_folder);
  g_assert_true (g_str_has_prefix (backup_name, "projet.plenary.json-"));
  g_assert_true (g_str_has_suffix (backup_name, "Z~"));
  kept = read_file (backup_path);
  g_assert_cmpstr (kept, ==, first);
  g_assert_cmpint (g_stat (backup_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (st.st_mtim.tv_sec, ==, saved_st.st_mtim.tv_sec);
  g_assert_cmpint (g_stat (backup_folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* The replaced file keeps its permissions; no temporary file is left. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_assert_cmpuint (count_entries (fixture->folder), ==, 1);

  /* Two files of the same name in different folders get different backups. */
  {
    g_autofree char *sub = g_build_filename (fixture->folder, "autre", NULL);
    g_autofree char *other_path = g_build_filename (sub, "projet.plenary.json", NULL);
    g_autoptr(GFile) other = g_file_new_for_path (other_path);
    g_autoptr(GPtrArray) other_backups = plenary_draft_file_list_backups (other, NULL);

    g_assert_cmpuint (other_backups->len, ==, 0);
  }

  g_file_delete (backup, NULL, NULL);
}

/* Writes a backup of FILE as it would have been made DAYS_AGO calendar
 * days ago at HOUR o'clock. */
static void
write_old_backup (GFile      *file,
                  GFile      *folder,
                  int         days_ago,
                  int         hour,
                  const char *contents)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), hour, 0, 0);
  g_autoptr(GDateTime) then = g_date_time_add_days (today, -days_ago);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (then);
  g_autofree char *stamp = g_date_time_format (utc, "%Y%m%dT%H%M%S.%fZ");
  g_autofree char *name = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *path = NULL;

  /* The prefix is whatever a real backup of FILE is called before its time. */
  {
    g_autofree char *uri = g_file_get_uri (file);
    g_autofree char *basename = g_file_get_basename (file);
    g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);

    hash[12] = '\0';
    prefix = g_strdup_printf ("%s-%s.", basename, hash);
  }
  name = g_strconcat (prefix, stamp, "~", NULL);
  path = g_build_filename (g_file_peek_path (folder), name, NULL);
  g_assert_cmpint (g_mkdir_with_parents (g_file_peek_path (folder), 0700), ==, 0);
  write_file (path, contents);
}

/* Five recent backups and the newest of each of the last seven days are
 * kept; older ones go; a backup that cannot be written completely leaves
 * the older ones whole. */
static void
test_backup_rotation (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "rotation.plenary.json", NULL);
  g_autofree char *backups_path = g_build_filename (fixture->folder, "backups", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (backups_path);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *newest = NULL;
  struct rlimit limit, saved_limit;

  /* Ten days, two backups a day. */
  for (int day = 10; day >= 1; day--)
    {
      g_autofree char *morning = g_strdup_printf ("day %d, morning", day);
      g_autofree char *evening = g_strdup_printf ("day %d, evening", day);

      write_old_backup (file, folder, day, 8, morning);
      write_old_backup (file, folder, day, 18, evening);
    }
  write_file (path, "version 0\n");

  for (int i = 1; i <= 6; i++)
    {
      g_autofree char *text = g_strdup_printf ("version %d\n", i);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

      g_assert_true (plenary_file_replace_atomic (file, bytes, folder, NULL, &error));
      g_assert_no_error (error);
    }

  /* Versions 5 to 1 (the last five) and 0 (today), then the newest backup
   * of each earlier day of the week: days 1 to 6, and day 7 when its
   * evening is less than a week ago. */
  backups = plenary_draft_file_list_backups (file, folder);
  for (guint i = 0; i < backups->len; i++)
    {
      g_autofree char *text = read_file (g_file_peek_path (g_ptr_array_index (backups, i)));
      g_test_message ("kept: %s", text);
    }
  g_assert_cmpuint (backups->len, >=, 5 + 6);
  g_assert_cmpuint (backups->len, <=, 5 + 7);
  newest = read_file (g_file_peek_path (g_ptr_array_index (backups, 0)));
  g_assert_cmpstr (newest, ==, "version 5\n");
  for (guint i = 0; i < backups->len; i++)
    {
      g_autofree char *text = read_file (g_file_peek_path (g_ptr_array_index (backups, i)));

      g_assert_null (strstr (text, "morning"));
      g_assert_null (strstr (text, "day 9"));
      g_assert_null (strstr (text, "day 10"));
    }
  g_clear_pointer (&backups, g_ptr_array_unref);

  /* A full disk (here a file size limit) while writing the next backup:
   * the save is refused, the draft and every backup stay whole. */
  {
    g_autofree char *big = g_strnfill (64 * 1024, 'x');
    g_autoptr(GBytes) bytes = g_bytes_new (big, strlen (big));
    g_autoptr(GBytes) more = g_bytes_new ("version 8\n", 10);
    g_autoptr(GPtrArray) before = NULL;
    g_autoptr(GPtrArray) after = NULL;

    g_assert_true (plenary_file_replace_atomic (file, bytes, folder, NULL, &error));
    before = plenary_draft_file_list_backups (file, folder);

    signal (SIGXFSZ, SIG_IGN);
    getrlimit (RLIMIT_FSIZE, &saved_limit);
    limit = saved_limit;
    limit.rlim_cur = 16 * 1024;
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
    g_assert_false (plenary_file_replace_atomic (file, more, folder, NULL, &error));
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "backup"));
    g_clear_error (&error);

    g_clear_pointer (&newest, g_free);
    newest = read_file (path);
    g_assert_cmpstr (newest, ==, big);
    after = plenary_draft_file_list_backups (file, folder);
    g_assert_cmpuint (after->len, ==, before->len);
    g_clear_pointer (&newest, g_free);
    newest = read_file (g_file_peek_path (g_ptr_array_index (after, 0)));
    g_assert_cmpstr (newest, ==, "version 6\n");
    /* Nothing half-written left in either folder. */
    g_assert_cmpuint (count_entries (fixture->folder), ==, 2);
    g_assert_cmpuint (count_entries (backups_path), ==, after->len);
  }
}

/* A save killed after writing its temporary file leaves it behind: the
 * next save removes it, but never one that a save in progress holds. */
static void
test_stale_temporaries (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "draft.plenary.json", NULL);
  g_autofree char *stale = g_build_filename (fixture->folder, ".draft.plenary.json.Ab12Cd", NULL);
  g_autofree char *busy = g_build_filename (fixture->folder, ".draft.plenary.json.Xy34Zw", NULL);
  g_autofree char *other = g_build_filename (fixture->folder, ".other.json.Ab12Cd", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new ("new\n", 4);
  g_autoptr(GError) error = NULL;
  int fd;

  write_file (path, "old\n");
  write_file (stale, "half a draft");
  write_file (busy, "being written");
  write_file (other, "not ours to judge");
  fd = g_open (busy, O_RDWR, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);

  g_assert_true (plenary_file_replace_atomic (file, bytes, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (busy, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  close (fd);
}

/* Saving as root a file that belongs to somebody else leaves it theirs. */
static void
test_keeps_owner (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "theirs.plenary.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new ("new\n", 4);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  if (geteuid () != 0)
    {
      g_test_skip ("changing a file's owner needs root");
      return;
    }

  write_file (path, "old\n");
  g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
  g_assert_true (plenary_file_replace_atomic (file, bytes, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_uid, ==, 65534);
  g_assert_cmpint (st.st_gid, ==, 65534);
}

static void
test_replace_failures (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *locked = g_build_filename (fixture->folder, "locked", NULL);
  g_autofree char *path = g_build_filename (locked, "draft.plenary.json", NULL);
  g_autofree char *plain = g_build_filename (fixture->folder, "plain.txt", NULL);
  g_autofree char *under_plain = g_build_filename (plain, "draft.plenary.json", NULL);
  g_autofree char *bad_backup_path = g_build_filename (plain, "backup~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_backup = g_file_new_for_path (bad_backup_path);
  g_autoptr(GFile) folder_file = g_file_new_for_path (locked);
  g_autoptr(GFile) file_under_plain = g_file_new_for_path (under_plain);
  g_autoptr(GBytes) contents = g_bytes_new_static ("new contents\n", 13);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  gboolean as_root = geteuid () == 0;
  gboolean replaced;

  g_assert_cmpint (g_mkdir (locked, 0755), ==, 0);
  write_file (path, "old contents\n");
  write_file (plain, "plain\n");

  /* A read-only folder: refused with a message naming the folder. Root
   * writes anywhere, so as root the attempt is made as "nobody". */
  g_assert_cmpint (g_chmod (fixture->folder, 0755), ==, 0);
  g_assert_cmpint (g_chmod (locked, 0555), ==, 0);
  if (as_root)
    g_assert_cmpint (seteuid (65534), ==, 0);
  replaced = plenary_file_replace_atomic (file, contents, NULL, NULL, &error);
  if (as_root)
    g_assert_cmpint (seteuid (0), ==, 0);
  g_assert_false (replaced);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, locked));
  g_clear_error (&error);
  after = read_file (path);
  g_assert_cmpstr (after, ==, "old contents\n");
  g_clear_pointer (&after, g_free);
  g_assert_cmpuint (count_entries (locked), ==, 1);
  g_assert_cmpint (g_chmod (locked, 0755), ==, 0);

  /* The backup cannot be written (its folder is a regular file): the temporary
   * file was already written, it must go and the target stay as it was. */
  g_assert_false (plenary_file_replace_atomic (file, contents, bad_backup, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "backup"));
  g_clear_error (&error);
  after = read_file (path);
  g_assert_cmpstr (after, ==, "old contents\n");
  g_clear_pointer (&after, g_free);
  g_assert_cmpuint (count_entries (locked), ==, 1);

  /* The parent "folder" is a regular file. */
  g_assert_false (plenary_file_replace_atomic (file_under_plain, contents, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_clear_error (&error);
  after = read_file (plain);
  g_assert_cmpstr (after, ==, "plain\n");
  g_clear_pointer (&after, g_free);

  /* The target is a folder. */
  g_assert_false (plenary_file_replace_atomic (folder_file, contents, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (g_file_test (locked, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_entries (fixture->folder), ==, 2);

  /* Success at last, through the same call. */
  g_assert_true (plenary_file_replace_atomic (file, contents, NULL, NULL, &error));
  g_assert_no_error (error);
  after = read_file (path);
  g_assert_cmpstr (after, ==, "new contents\n");
}

static void
test_symlink (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *real = g_build_filename (fixture->folder, "real.plenary.json", NULL);
  g_autofree char *link = g_build_filename (fixture->folder, "link.plenary.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(GBytes) contents = g_bytes_new_static ("through the link\n", 17);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  write_file (real, "before\n");
  g_assert_cmpint (symlink ("real.plenary.json", link), ==, 0);

  g_assert_true (plenary_file_replace_atomic (file, contents, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  after = read_file (real);
  g_assert_cmpstr (after, ==, "through the link\n");
}

static void
test_failed_load_unchanged (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char * const broken[] = {
    "malformed.plenary.json",
    "newer.plenary.json",
    "not-a-draft.plenary.json",
    "wrong-type.plenary.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "model", "data", "broken",
                                                             broken[i], NULL);
      g_autofree char *path = g_build_filename (fixture->folder, broken[i], NULL);
      g_autofree char *before = read_file (fixture_path);
      g_autofree char *after = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(PlenaryDraft) draft = NULL;
      g_autoptr(GError) error = NULL;
      GStatBuf st_before, st_after;

      write_file (path, before);
      g_assert_cmpint (g_stat (path, &st_before), ==, 0);

      draft = plenary_draft_load (file, NULL, &error);
      g_assert_null (draft);
      g_assert_error (error, PLENARY_DRAFT_ERROR, error->code);

      after = read_file (path);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpint (g_stat (path, &st_after), ==, 0);
      g_assert_cmpint (st_after.st_mtime, ==, st_before.st_mtime);
      g_assert_cmpint (st_after.st_size, ==, st_before.st_size);
    }

  /* Nothing else appeared beside them (no backup, no temporary file). */
  g_assert_cmpuint (count_entries (fixture->folder), ==, G_N_ELEMENTS (broken));
}

static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "huge.plenary.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  FILE *stream;

  /* Sparse: takes no disk space, and must not be read at all. */
  stream = g_fopen (path, "w");
  g_assert_nonnull (stream);
  g_assert_cmpint (ftruncate (fileno (stream), (off_t) 513 * 1024 * 1024), ==, 0);
  fclose (stream);

  draft = plenary_draft_load (file, NULL, &error);
  g_assert_null (draft);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "too large"));
  g_assert_nonnull (strstr (error->message, "512"));
}

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} AsyncData;

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AsyncData *async = user_data;

  async->result = g_object_ref (result);
  g_main_loop_quit (async->loop);
}

static GAsyncResult *
wait_result (AsyncData *async)
{
  g_main_loop_run (async->loop);
  g_assert_nonnull (async->result);

  return g_steal_pointer (&async->result);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "async.plenary.json", NULL);
  g_autofree char *broken_path = g_build_filename (fixture->folder, "broken.plenary.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(PlenaryDraft) draft = model_fixture_full_resolution ();
  g_autoptr(PlenaryDraft) loaded = NULL;
  g_autoptr(PlenaryDraft) refused = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = encode_string (draft);
  g_autofree char *on_disk = NULL;
  AsyncData async = { loop, NULL };

  plenary_draft_save_async (draft, file, NULL, store_result, &async);
  /* Saved as it was when the save began: later edits do not leak in. */
  plenary_metadata_set_string (plenary_draft_get_metadata (draft), "symbol", "changed meanwhile");
  result = wait_result (&async);
  g_assert_true (plenary_draft_save_finish (result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  on_disk = read_file (path);
  g_assert_cmpstr (on_disk, ==, expected);

  plenary_draft_load_async (file, NULL, store_result, &async);
  result = wait_result (&async);
  loaded = plenary_draft_load_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (plenary_metadata_get_string (plenary_draft_get_metadata (loaded), "symbol"), ==,
                   "A/C.3/80/L.7");
  g_clear_object (&result);

  /* Errors come back whole, location included. */
  write_file (broken_path, "{\n\n  \"format\": ]\n}");
  plenary_draft_load_async (broken, NULL, store_result, &async);
  result = wait_result (&async);
  refused = plenary_draft_load_finish (result, &error);
  g_assert_null (refused);
  g_assert_error (error, PLENARY_DRAFT_ERROR, PLENARY_DRAFT_ERROR_MALFORMED);
  g_assert_cmpuint (plenary_draft_error_get_line (error), ==, 3);
  g_clear_object (&result);
  g_clear_error (&error);

  /* Saving into a missing folder fails through the callback. */
  {
    g_autofree char *missing = g_build_filename (fixture->folder, "missing", "x.plenary.json", NULL);
    g_autoptr(GFile) missing_file = g_file_new_for_path (missing);

    plenary_draft_save_async (draft, missing_file, NULL, store_result, &async);
    result = wait_result (&async);
    g_assert_false (plenary_draft_save_finish (result, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, fixture->folder));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/model/file/save-load-backup", Fixture, NULL,
              fixture_set_up, test_save_load_backup, fixture_tear_down);
  g_test_add ("/model/file/backup-rotation", Fixture, NULL,
              fixture_set_up, test_backup_rotation, fixture_tear_down);
  g_test_add ("/model/file/stale-temporaries", Fixture, NULL,
              fixture_set_up, test_stale_temporaries, fixture_tear_down);
  g_test_add ("/model/file/keeps-owner", Fixture, NULL,
              fixture_set_up, test_keeps_owner, fixture_tear_down);
  g_test_add ("/model/file/replace-failures", Fixture, NULL,
              fixture_set_up, test_replace_failures, fixture_tear_down);
  g_test_add ("/model/file/symlink", Fixture, NULL,
              fixture_set_up, test_symlink, fixture_tear_down);
  g_test_add ("/model/file/failed-load-unchanged", Fixture, NULL,
              fixture_set_up, test_failed_load_unchanged, fixture_tear_down);
  g_test_add ("/model/file/too-large", Fixture, NULL,
              fixture_set_up, test_too_large, fixture_tear_down);
  g_test_add ("/model/file/async", Fixture, NULL,
              fixture_set_up, test_async, fixture_tear_down);

  return g_test_run ();
}
