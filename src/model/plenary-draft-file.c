/* plenary-draft-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-draft-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
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

static gboolean
copy_to_backup (const char    *path,
                GFile         *backup,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(GFile) backup_folder = g_file_get_parent (backup);
  g_autoptr(GError) local_error = NULL;

  if (backup_folder != NULL &&
      !g_file_make_directory_with_parents (backup_folder, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_autofree char *name = g_file_get_parse_name (backup_folder);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not create the backup folder “%s”: %s"),
                   name, local_error->message);
      return FALSE;
    }
  g_clear_error (&local_error);

  if (!g_file_copy (source, backup,
                    G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS,
                    cancellable, NULL, NULL, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (backup);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not keep a backup of the previous version in “%s”: %s"),
                   name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
plenary_file_replace_atomic (GFile         *file,
                             GBytes        *contents,
                             GFile         *backup,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autofree char *given_path = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *display = NULL;
  gboolean exists;
  const char *data;
  GStatBuf st;
  gsize length;
  int saved_errno = 0;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (backup == NULL || G_IS_FILE (backup), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

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

  folder = g_path_get_dirname (path);
  basename = g_path_get_basename (path);
  temp_path = g_strdup_printf ("%s/.%s.XXXXXX", folder, basename);

  /* Mode 0666 lets the umask decide, as for any new file. */
  fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      g_autofree char *folder_display = g_filename_display_name (folder);

      set_errno_error (error, errno, _("Cannot write in the folder “%s”: %s"), folder_display);
      return FALSE;
    }

  data = g_bytes_get_data (contents, &length);
  if ((exists && fchmod (fd, st.st_mode & 07777) != 0) ||
      !write_all (fd, data, length, &saved_errno) ||
      fsync (fd) != 0)
    {
      if (saved_errno == 0)
        saved_errno = errno;
      close (fd);
      g_unlink (temp_path);
      set_errno_error (error, saved_errno, _("Could not write “%s”: %s"), display);
      return FALSE;
    }

  if (close (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (temp_path);
      set_errno_error (error, saved_errno, _("Could not write “%s”: %s"), display);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      (exists && backup != NULL && !copy_to_backup (path, backup, cancellable, error)))
    {
      g_unlink (temp_path);
      return FALSE;
    }

  if (g_rename (temp_path, path) != 0)
    {
      saved_errno = errno;
      g_unlink (temp_path);
      set_errno_error (error, saved_errno, _("Could not replace “%s”: %s"), display);
      return FALSE;
    }

  sync_folder (folder);

  return TRUE;
}

static void
set_too_large_error (GError     **error,
                     GFile       *file,
                     guint64      max_size)
{
  g_autofree char *display = g_file_get_parse_name (file);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
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

GFile *
plenary_draft_file_get_backup (GFile *file)
{
  g_autofree char *uri = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  uri = g_file_get_uri (file);
  basename = g_file_get_basename (file);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  /* Twelve hex digits tell apart files of the same name. */
  hash[12] = '\0';

  folder = g_build_filename (g_get_user_state_dir (), "plenary", "backups", NULL);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    g_warning ("Could not create %s: %s", folder, g_strerror (errno));

  name = g_strdup_printf ("%s-%s~", basename != NULL ? basename : "draft", hash);

  return g_file_new_build_filename (folder, name, NULL);
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
  backup = plenary_draft_file_get_backup (file);

  return plenary_file_replace_atomic (file, contents, backup, cancellable, error);
}

typedef struct
{
  GFile  *file;
  GBytes *contents;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->contents, g_bytes_unref);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(GFile) backup = plenary_draft_file_get_backup (data->file);
  GError *error = NULL;

  if (plenary_file_replace_atomic (data->file, data->contents, backup, cancellable, &error))
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
  /* Encoded here, in the caller's thread, so the worker never reads a
   * draft the user keeps editing. */
  data->contents = plenary_draft_codec_encode (draft);

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
