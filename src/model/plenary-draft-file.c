/* plenary-draft-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-draft-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "plenary-draft-codec.h"
#include "plenary-draft-file.h"

/* A draft is text; anything larger is not one, and would only exhaust memory. */
#define MAX_DRAFT_SIZE PLENARY_MAX_FILE_SIZE

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *format,
                 const char  *name)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               format, name, g_strerror (saved_errno));
}

static gboolean
write_all (int           fd,
           const char   *data,
           gsize         length,
           int          *saved_errno)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          *saved_errno = errno;
          return FALSE;
        }

      data += written;
      length -= written;
    }

  return TRUE;
}

/* The rename is only durable once the folder entry is on disk too. */
static void
sync_folder (const char *folder)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  fsync (fd);
  close (fd);
}

/* Our temporary files are ".NAME.XXXXXX", locked while they are written: one
 * that nobody holds was left by a save that was killed. */
static gboolean
is_temporary_of (const char *entry,
                 const char *basename)
{
  gsize base_length = strlen (basename);

  return entry[0] == '.' && strncmp (entry + 1, basename, base_length) == 0 &&
         entry[1 + base_length] == '.' && strlen (entry + 2 + base_length) == 6;
}

static void
remove_stale_temporaries (const char *folder,
                          const char *basename)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      int fd;

      if (!is_temporary_of (entry, basename))
        continue;

      path = g_build_filename (folder, entry, NULL);
      fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0);
      if (fd < 0)
        continue;
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        g_unlink (path);
      close (fd);
    }
}

/* "<basename>-<12 hex digits of the SHA-256 of FILE's URI>.": files of the
 * same name in different folders do not share backups. */
static char *
backup_prefix (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);

  hash[12] = '\0';

  return g_strdup_printf ("%s-%s.", basename != NULL ? basename : "draft", hash);
}

/* The time a backup was made, from its name: PREFIX + 20261207T024512.123456Z~. */
static GDateTime *
backup_time (const char *name,
             gsize       prefix_length)
{
  g_autofree char *stamp = NULL;
  gsize length = strlen (name);

  if (length < prefix_length + 2 || name[length - 1] != '~')
    return NULL;
  stamp = g_strndup (name + prefix_length, length - prefix_length - 1);

  return g_date_time_new_from_iso8601 (stamp, NULL);
}

typedef struct
{
  GFile     *file;
  GDateTime *time;
  goffset    size;
} Backup;

static void
backup_free (gpointer data)
{
  Backup *backup = data;

  g_object_unref (backup->file);
  g_date_time_unref (backup->time);
  g_free (backup);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Backup *backup_a = *(const Backup **) a;
  const Backup *backup_b = *(const Backup **) b;

  return g_date_time_compare (backup_b->time, backup_a->time);
}

static GPtrArray *
list_backups (GFile *file,
              GFile *folder)
{
  g_autofree char *prefix = backup_prefix (file);
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func (backup_free);
  g_autoptr(GDir) dir = NULL;
  const char *entry;

  if (g_file_peek_path (folder) == NULL || !(dir = g_dir_open (g_file_peek_path (folder), 0, NULL)))
    return g_steal_pointer (&backups);

  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GDateTime *time;
      GStatBuf st;
      Backup *backup;

      if (!g_str_has_prefix (entry, prefix) || !(time = backup_time (entry, strlen (prefix))))
        continue;

      path = g_build_filename (g_file_peek_path (folder), entry, NULL);
      backup = g_new0 (Backup, 1);
      backup->file = g_file_new_for_path (path);
      backup->time = time;
      backup->size = g_stat (path, &st) == 0 ? st.st_size : 0;
      g_ptr_array_add (backups, backup);
    }

  g_ptr_array_sort (backups, compare_newest_first);

  return g_steal_pointer (&backups);
}

/* Keeps the last PLENARY_BACKUPS_RECENT backups, and the newest of each of
 * the last PLENARY_BACKUPS_DAYS days, within PLENARY_BACKUPS_MAX_BYTES (the
 * newest one is always kept). */
static void
prune_backups (GFile *file,
               GFile *folder)
{
  g_autoptr(GPtrArray) backups = list_backups (file, folder);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  goffset total = 0;
  guint kept = 0;

  for (guint i = 0; i < backups->len; i++)
    {
      Backup *backup = g_ptr_array_index (backups, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (backup->time);
      g_autofree char *day = g_date_time_format (local, "%Y-%m-%d");
      gboolean keep = i < PLENARY_BACKUPS_RECENT;

      if (g_date_time_difference (now, local) < PLENARY_BACKUPS_DAYS * G_TIME_SPAN_DAY &&
          !g_hash_table_contains (days, day))
        {
          g_hash_table_add (days, g_steal_pointer (&day));
          keep = TRUE;
        }

      if (keep && (kept == 0 || total + backup->size <= PLENARY_BACKUPS_MAX_BYTES))
        {
          total += backup->size;
          kept++;
        }
      else
        g_file_delete (backup->file, NULL, NULL);
    }
}

GFile *
plenary_draft_file_get_backup_folder (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_state_dir (), "plenary", "backups", NULL);

  return g_file_new_for_path (folder);
}

GPtrArray *
plenary_draft_file_list_backups (GFile *file,
                                 GFile *folder)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GFile) default_folder = NULL;
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (G_IS_FILE (file), files);

  if (folder == NULL)
    folder = default_folder = plenary_draft_file_get_backup_folder ();
  backups = list_backups (file, folder);
  for (guint i = 0; i < backups->len; i++)
    g_ptr_array_add (files, g_object_ref (((Backup *) g_ptr_array_index (backups, i))->file));

  return files;
}

/* Writes CONTENTS beside PATH and renames it over PATH. ST is PATH's state
 * when EXISTS; a new file gets NEW_MODE (before the umask). */
static gboolean
replace_atomic (const char     *path,
                const char     *display,
                GBytes         *contents,
                gboolean        exists,
                const GStatBuf *st,
                mode_t          new_mode,
                GCancellable   *cancellable,
                GError        **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *temp_path = g_strdup_printf ("%s/.%s.XXXXXX", folder, basename);
  const char *data;
  gsize length;
  int saved_errno = 0;
  int fd;

  remove_stale_temporaries (folder, basename);

  fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, new_mode);
  if (fd < 0)
    {
      g_autofree char *folder_display = g_filename_display_name (folder);

      set_errno_error (error, errno, _("Cannot write in the folder “%s”: %s"), folder_display);
      return FALSE;
    }
  /* Held until the rename: an unlocked temporary file is a stale one. */
  flock (fd, LOCK_EX);

  /* A file saved by root for another user stays that user's; changing the
   * owner needs privileges, the group only membership: failures are fine. */
  if (exists && (st->st_uid != geteuid () || st->st_gid != getegid ()) &&
      fchown (fd, st->st_uid, st->st_gid) != 0 && fchown (fd, -1, st->st_gid) != 0)
    g_debug ("Could not keep the owner of %s: %s", path, g_strerror (errno));

  data = g_bytes_get_data (contents, &length);
  if ((exists && fchmod (fd, st->st_mode & 07777) != 0) ||
      !write_all (fd, data, length, &saved_errno) ||
      fsync (fd) != 0)
    {
      if (saved_errno == 0)
        saved_errno = errno;
      g_unlink (temp_path);
      close (fd);
      set_errno_error (error, saved_errno, _("Could not write “%s”: %s"), display);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (temp_path);
      close (fd);
      return FALSE;
    }

  if (g_rename (temp_path, path) != 0)
    {
      saved_errno = errno;
      g_unlink (temp_path);
      close (fd);
      set_errno_error (error, saved_errno, _("Could not replace “%s”: %s"), display);
      return FALSE;
    }

  close (fd);
  sync_folder (folder);

  return TRUE;
}

/* A new backup beside the older ones, written as atomically as the draft
 * itself: a full disk leaves the older backups as they were. */
static gboolean
keep_backup (GFile          *file,
             const char     *path,
             const GStatBuf *st,
             GFile          *folder,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *prefix = backup_prefix (file);
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S.%fZ");
  g_autofree char *name = g_strconcat (prefix, stamp, "~", NULL);
  g_autofree char *backup_path = NULL;
  g_autofree char *backup_display = NULL;
  g_autofree char *old = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  if (!g_file_make_directory_with_parents (folder, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_autofree char *folder_name = g_file_get_parse_name (folder);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not create the backup folder “%s”: %s"),
                   folder_name, local_error->message);
      return FALSE;
    }
  g_clear_error (&local_error);
  g_chmod (g_file_peek_path (folder), 0700);

  backup_path = g_build_filename (g_file_peek_path (folder), name, NULL);
  backup_display = g_filename_display_name (backup_path);
  if (g_file_get_contents (path, &old, &length, &local_error))
    bytes = g_bytes_new_take (g_steal_pointer (&old), length);
  if (bytes == NULL ||
      !replace_atomic (backup_path, backup_display, bytes, FALSE, NULL, 0600, cancellable, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not keep a backup of the previous version in “%s”: %s"),
                   backup_display, local_error->message);
      return FALSE;
    }

  /* The backup carries the time its version was saved. */
  {
    struct timespec times[2] = { st->st_atim, st->st_mtim };

    utimensat (AT_FDCWD, backup_path, times, 0);
  }

  prune_backups (file, folder);

  return TRUE;
}

static gboolean
replace_file (GFile         *file,
              GBytes        *contents,
              GFile         *backup_folder,
              mode_t         new_mode,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *given_path = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  gboolean exists;
  GStatBuf st;

  given_path = g_file_get_path (file);
  display = g_file_get_parse_name (file);
  if (given_path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot save “%s”: only local files can be saved."), display);
      return FALSE;
    }

  /* Replace what a symbolic link points to, not the link itself. */
  exists = g_lstat (given_path, &st) == 0;
  if (exists && S_ISLNK (st.st_mode))
    {
      path = realpath (given_path, NULL);
      if (path == NULL)
        {
          set_errno_error (error, errno, _("Cannot save “%s”: %s"), display);
          return FALSE;
        }
      exists = g_stat (path, &st) == 0;
    }
  else
    {
      path = g_steal_pointer (&given_path);
    }

  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Cannot save “%s”: it is not a regular file."), display);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      (exists && backup_folder != NULL &&
       !keep_backup (file, path, &st, backup_folder, cancellable, error)))
    return FALSE;

  return replace_atomic (path, display, contents, exists, &st, new_mode, cancellable, error);
}

gboolean
plenary_file_replace_atomic (GFile         *file,
                             GBytes        *contents,
                             GFile         *backup_folder,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (backup_folder == NULL || G_IS_FILE (backup_folder), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Mode 0666 lets the umask decide, as for any new file. */
  return replace_file (file, contents, backup_folder, 0666, cancellable, error);
}

gboolean
plenary_file_replace_private (GFile         *file,
                              GBytes        *contents,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return replace_file (file, contents, NULL, 0600, cancellable, error);
}

static void
set_too_large_error (GError     **error,
                     GFile       *file,
                     guint64      max_size)
{
  g_autofree char *display = g_file_get_parse_name (file);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("“%s” is too large to open (more than %u MB)."),
               display, (guint) (max_size / (1024 * 1024)));
}

gboolean
plenary_file_load_checked (GFile         *file,
                           guint64        max_size,
                           GCancellable  *cancellable,
                           char         **contents,
                           gsize         *length,
                           char         **etag,
                           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) stream_info = NULL;
  g_autofree char *buffer = NULL;
  gsize allocated;
  gsize filled = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (length != NULL, FALSE);

  /* Before opening: opening a FIFO blocks until someone writes to it. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return FALSE;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *display = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder, not a file."), display);
      return FALSE;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_autofree char *display = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a regular file (it is a device, a pipe or a socket), so it cannot be opened."),
                   display);
      return FALSE;
    }

  if ((guint64) g_file_info_get_size (info) > max_size)
    {
      set_too_large_error (error, file, max_size);
      return FALSE;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;

  /* One byte more than announced, to see a file that grew meanwhile. */
  allocated = (gsize) g_file_info_get_size (info) + 2;
  buffer = g_try_malloc (allocated);
  if (buffer == NULL)
    {
      g_autofree char *display = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("Not enough memory to open “%s”."), display);
      return FALSE;
    }

  for (;;)
    {
      gssize got;

      if (filled + 1 == allocated)
        {
          gsize grown = MIN (allocated * 2, (gsize) max_size + 2);
          char *larger;

          if (filled > max_size)
            {
              set_too_large_error (error, file, max_size);
              return FALSE;
            }
          larger = g_try_realloc (buffer, grown);
          if (larger == NULL)
            {
              g_autofree char *display = g_file_get_parse_name (file);

              g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           _("Not enough memory to open “%s”."), display);
              return FALSE;
            }
          buffer = larger;
          allocated = grown;
        }

      got = g_input_stream_read (G_INPUT_STREAM (stream), buffer + filled,
                                 allocated - 1 - filled, cancellable, error);
      if (got < 0)
        return FALSE;
      if (got == 0)
        break;
      filled += got;
    }

  if (filled > max_size)
    {
      set_too_large_error (error, file, max_size);
      return FALSE;
    }

  if (etag != NULL)
    {
      stream_info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_ETAG_VALUE, cancellable, NULL);
      *etag = stream_info != NULL ? g_strdup (g_file_info_get_etag (stream_info)) : NULL;
    }

  buffer[filled] = '\0';
  *contents = g_steal_pointer (&buffer);
  *length = filled;

  return TRUE;
}

PlenaryDraft *
plenary_draft_load (GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!plenary_file_load_checked (file, MAX_DRAFT_SIZE, cancellable, &contents, &length, NULL, error))
    return NULL;

  return plenary_draft_codec_decode (contents, length, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  PlenaryDraft *draft;

  draft = plenary_draft_load (task_data, cancellable, &error);
  if (draft == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, draft, g_object_unref);
}

void
plenary_draft_load_async (GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, plenary_draft_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

PlenaryDraft *
plenary_draft_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == plenary_draft_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
plenary_draft_save (PlenaryDraft  *draft,
                    GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GFile) backup = NULL;

  g_return_val_if_fail (PLENARY_IS_DRAFT (draft), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  contents = plenary_draft_codec_encode (draft);
  backup = plenary_draft_file_get_backup_folder ();

  return plenary_file_replace_atomic (file, contents, backup, cancellable, error);
}

typedef struct
{
  GFile                *file;
  PlenaryDraftSnapshot *snapshot;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->snapshot, plenary_draft_snapshot_free);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(GFile) backup = plenary_draft_file_get_backup_folder ();
  g_autoptr(GBytes) contents = plenary_draft_snapshot_encode (data->snapshot);
  GError *error = NULL;

  if (plenary_file_replace_atomic (data->file, contents, backup, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
plenary_draft_save_async (PlenaryDraft        *draft,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (PLENARY_IS_DRAFT (draft));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  /* Taken here, in the caller's thread, so the worker never reads a
   * draft the user keeps editing; only the sources' text, which never
   * changes, is read there. */
  data->snapshot = plenary_draft_snapshot_new (draft);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, plenary_draft_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
plenary_draft_save_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == plenary_draft_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
