/* plenary-recovery.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-recovery"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "plenary-draft-codec.h"
#include "plenary-draft-file.h"
#include "plenary-recovery.h"

#define INFO_GROUP "Recovery"

/* PlenaryRecoveredDraft ------------------------------------------------ */

struct _PlenaryRecoveredDraft
{
  GObject    parent_instance;
  char      *id;
  char      *title;
  GFile     *file;
  char      *etag;
  GDateTime *time;
};

G_DEFINE_FINAL_TYPE (PlenaryRecoveredDraft, plenary_recovered_draft, G_TYPE_OBJECT)

static void
plenary_recovered_draft_finalize (GObject *object)
{
  PlenaryRecoveredDraft *self = PLENARY_RECOVERED_DRAFT (object);

  g_free (self->id);
  g_free (self->title);
  g_clear_object (&self->file);
  g_free (self->etag);
  g_clear_pointer (&self->time, g_date_time_unref);

  G_OBJECT_CLASS (plenary_recovered_draft_parent_class)->finalize (object);
}

static void
plenary_recovered_draft_class_init (PlenaryRecoveredDraftClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plenary_recovered_draft_finalize;
}

static void
plenary_recovered_draft_init (PlenaryRecoveredDraft *self)
{
}

const char *
plenary_recovered_draft_get_title (PlenaryRecoveredDraft *self)
{
  g_return_val_if_fail (PLENARY_IS_RECOVERED_DRAFT (self), NULL);
  return self->title;
}

GFile *
plenary_recovered_draft_get_file (PlenaryRecoveredDraft *self)
{
  g_return_val_if_fail (PLENARY_IS_RECOVERED_DRAFT (self), NULL);
  return self->file;
}

GDateTime *
plenary_recovered_draft_get_time (PlenaryRecoveredDraft *self)
{
  g_return_val_if_fail (PLENARY_IS_RECOVERED_DRAFT (self), NULL);
  return self->time;
}

/* PlenaryRecovery ------------------------------------------------------ */

typedef struct
{
  PlenaryRecovery *recovery;     /* unowned */
  /* Owned: a session disposed with documents still open drops them
   * before the recovery, and the handlers must go from a live object. */
  PlenaryDocument *document;
  char            *id;
  guint            idle_source;
  guint            deadline_source;
  guint            written : 1;
} Watch;

struct _PlenaryRecovery
{
  GObject     parent_instance;
  GFile      *directory;
  GHashTable *watches;           /* PlenaryDocument* -> Watch* */
  guint       idle_ms;
  guint       max_ms;
};

G_DEFINE_FINAL_TYPE (PlenaryRecovery, plenary_recovery, G_TYPE_OBJECT)

static GFile *
child_file (PlenaryRecovery *self,
            const char      *id,
            const char      *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);
  return g_file_get_child (self->directory, name);
}

static void
delete_copy (PlenaryRecovery *self,
             const char      *id)
{
  g_autoptr(GFile) draft = child_file (self, id, PLENARY_DRAFT_SUFFIX);
  g_autoptr(GFile) info = child_file (self, id, ".ini");

  /* Info first: a copy without info is not offered, a draft alone is harmless. */
  g_file_delete (info, NULL, NULL);
  g_file_delete (draft, NULL, NULL);
}

typedef struct
{
  GFile                *draft_file;
  PlenaryDraftSnapshot *draft;
  GFile                *info_file;
  GBytes               *info;
} WriteJob;

static void
write_job_free (gpointer data)
{
  WriteJob *job = data;

  g_clear_object (&job->draft_file);
  g_clear_pointer (&job->draft, plenary_draft_snapshot_free);
  g_clear_object (&job->info_file);
  g_clear_pointer (&job->info, g_bytes_unref);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (job->draft_file);
  g_autoptr(GBytes) draft = NULL;

  if ((!g_file_make_directory_with_parents (parent, NULL, &error) &&
       !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_error (&error);
  /* Unsaved drafts are nobody else's business. */
  g_chmod (g_file_peek_path (parent), 0700);

  /* The sources' text is escaped here, off the typing path. */
  draft = plenary_draft_snapshot_encode (job->draft);
  if (!plenary_file_replace_private (job->draft_file, draft, cancellable, &error) ||
      !plenary_file_replace_private (job->info_file, job->info, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Recovery must never get in the way: a failure is only logged. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not write a recovery copy: %s", error->message);
}

static void
write_copy_full (Watch    *watch,
                 gboolean  wait);

static void
write_copy (Watch *watch)
{
  write_copy_full (watch, FALSE);
}

/* WAIT: done when this returns (before quitting). */
static void
write_copy_full (Watch    *watch,
                 gboolean  wait)
{
  PlenaryRecovery *self = watch->recovery;
  PlenaryDocument *document = watch->document;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *time = g_date_time_format_iso8601 (now);
  g_autoptr(GTask) task = NULL;
  GFile *file = plenary_document_get_file (document);
  WriteJob *job;
  char *info;
  gsize length;

  g_clear_handle_id (&watch->idle_source, g_source_remove);
  g_clear_handle_id (&watch->deadline_source, g_source_remove);

  if (!plenary_document_get_modified (document))
    return;

  plenary_document_sync_draft (document);

  g_key_file_set_string (keyfile, INFO_GROUP, "title", plenary_document_get_title (document));
  g_key_file_set_string (keyfile, INFO_GROUP, "time", time);
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_key_file_set_string (keyfile, INFO_GROUP, "file", uri);
      /* What the file was when this copy was made: restoring, then saving,
       * must not replace a version saved since without asking. */
      if (plenary_document_get_etag (document) != NULL)
        g_key_file_set_string (keyfile, INFO_GROUP, "etag", plenary_document_get_etag (document));
    }
  info = g_key_file_to_data (keyfile, &length, NULL);

  job = g_new0 (WriteJob, 1);
  job->draft_file = child_file (self, watch->id, PLENARY_DRAFT_SUFFIX);
  job->draft = plenary_draft_snapshot_new (plenary_document_get_draft (document));
  job->info_file = child_file (self, watch->id, ".ini");
  job->info = g_bytes_new_take (info, length);

  watch->written = TRUE;

  task = g_task_new (self, NULL, wait ? NULL : write_cb, NULL);
  g_task_set_task_data (task, job, write_job_free);
  if (wait)
    {
      g_autoptr(GError) error = NULL;

      g_task_run_in_thread_sync (task, write_thread);
      if (!g_task_propagate_boolean (task, &error))
        g_warning ("Could not write a recovery copy: %s", error->message);
    }
  else
    g_task_run_in_thread (task, write_thread);
}

/* Whichever timer fires writes the copy; write_copy() stops the other. */
static gboolean
on_idle_timeout (gpointer data)
{
  Watch *watch = data;

  watch->idle_source = 0;
  write_copy (watch);

  return G_SOURCE_REMOVE;
}

static gboolean
on_deadline (gpointer data)
{
  Watch *watch = data;

  watch->deadline_source = 0;
  write_copy (watch);

  return G_SOURCE_REMOVE;
}

static void
on_changed (Watch *watch)
{
  if (!plenary_document_get_modified (watch->document))
    return;

  /* Every change restarts the quiet period; the first one also starts the
   * deadline, so that a long typing session is still saved regularly. */
  g_clear_handle_id (&watch->idle_source, g_source_remove);
  watch->idle_source = g_timeout_add (watch->recovery->idle_ms, on_idle_timeout, watch);
  if (watch->deadline_source == 0)
    watch->deadline_source = g_timeout_add (watch->recovery->max_ms, on_deadline, watch);
}

static void
on_modified_changed (Watch *watch)
{
  if (plenary_document_get_modified (watch->document))
    {
      on_changed (watch);
      return;
    }

  /* Saved, or back to what is on disk: the copy is not needed any more. */
  g_clear_handle_id (&watch->idle_source, g_source_remove);
  g_clear_handle_id (&watch->deadline_source, g_source_remove);
  if (watch->written)
    {
      delete_copy (watch->recovery, watch->id);
      watch->written = FALSE;
    }
}

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  g_clear_handle_id (&watch->idle_source, g_source_remove);
  g_clear_handle_id (&watch->deadline_source, g_source_remove);
  g_signal_handlers_disconnect_by_data (plenary_document_get_buffer (watch->document), watch);
  g_signal_handlers_disconnect_by_data (watch->document, watch);
  g_clear_object (&watch->document);
  g_free (watch->id);
  g_free (watch);
}

static void
watch_with_id (PlenaryRecovery *self,
               PlenaryDocument *document,
               const char      *id,
               gboolean         written)
{
  Watch *watch;

  if (g_hash_table_contains (self->watches, document))
    return;

  watch = g_new0 (Watch, 1);
  watch->recovery = self;
  watch->document = g_object_ref (document);
  watch->id = g_strdup (id);
  watch->written = written;
  g_hash_table_insert (self->watches, document, watch);

  g_signal_connect_swapped (plenary_document_get_buffer (document), "changed",
                            G_CALLBACK (on_changed), watch);
  g_signal_connect_swapped (document, "notify::modified",
                            G_CALLBACK (on_modified_changed), watch);
  /* Edits of the header, sources and comments mark the document modified. */
  if (plenary_document_get_modified (document))
    on_changed (watch);
}

static void
plenary_recovery_dispose (GObject *object)
{
  PlenaryRecovery *self = PLENARY_RECOVERY (object);

  g_clear_pointer (&self->watches, g_hash_table_unref);
  g_clear_object (&self->directory);

  G_OBJECT_CLASS (plenary_recovery_parent_class)->dispose (object);
}

static void
plenary_recovery_class_init (PlenaryRecoveryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = plenary_recovery_dispose;
}

static void
plenary_recovery_init (PlenaryRecovery *self)
{
  self->watches = g_hash_table_new_full (NULL, NULL, NULL, watch_free);
  self->idle_ms = PLENARY_RECOVERY_IDLE_SECONDS * 1000;
  self->max_ms = PLENARY_RECOVERY_MAX_SECONDS * 1000;
}

void
plenary_recovery_set_intervals (PlenaryRecovery *self,
                                guint            idle_ms,
                                guint            max_ms)
{
  g_return_if_fail (PLENARY_IS_RECOVERY (self));
  g_return_if_fail (idle_ms > 0 && max_ms > 0);

  self->idle_ms = idle_ms;
  self->max_ms = max_ms;
}

PlenaryRecovery *
plenary_recovery_new (GFile *directory)
{
  PlenaryRecovery *self = g_object_new (PLENARY_TYPE_RECOVERY, NULL);

  if (directory != NULL)
    self->directory = g_object_ref (directory);
  else
    {
      g_autofree char *path = g_build_filename (g_get_user_state_dir (), "plenary", "recovery", NULL);
      self->directory = g_file_new_for_path (path);
    }

  return self;
}

GFile *
plenary_recovery_get_directory (PlenaryRecovery *self)
{
  g_return_val_if_fail (PLENARY_IS_RECOVERY (self), NULL);
  return self->directory;
}

void
plenary_recovery_watch (PlenaryRecovery *self,
                        PlenaryDocument *document)
{
  g_autofree char *id = NULL;

  g_return_if_fail (PLENARY_IS_RECOVERY (self));
  g_return_if_fail (PLENARY_IS_DOCUMENT (document));

  id = g_uuid_string_random ();
  watch_with_id (self, document, id, FALSE);
}

void
plenary_recovery_unwatch (PlenaryRecovery *self,
                          PlenaryDocument *document)
{
  Watch *watch;

  g_return_if_fail (PLENARY_IS_RECOVERY (self));

  if (!(watch = g_hash_table_lookup (self->watches, document)))
    return;

  /* Closing a document is the user's decision about its changes. */
  delete_copy (self, watch->id);
  g_hash_table_remove (self->watches, document);
}

void
plenary_recovery_flush (PlenaryRecovery *self)
{
  GHashTableIter iter;
  Watch *watch;

  g_return_if_fail (PLENARY_IS_RECOVERY (self));

  g_hash_table_iter_init (&iter, self->watches);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &watch))
    if (watch->idle_source != 0 || watch->deadline_source != 0)
      write_copy_full (watch, TRUE);
}

static gboolean
is_watched_id (PlenaryRecovery *self,
               const char      *id)
{
  GHashTableIter iter;
  Watch *watch;

  g_hash_table_iter_init (&iter, self->watches);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &watch))
    if (g_str_equal (watch->id, id))
      return TRUE;

  return FALSE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  PlenaryRecoveredDraft *draft_a = *(PlenaryRecoveredDraft **) a;
  PlenaryRecoveredDraft *draft_b = *(PlenaryRecoveredDraft **) b;

  return g_date_time_compare (draft_b->time, draft_a->time);
}

GPtrArray *
plenary_recovery_list_left (PlenaryRecovery *self)
{
  GPtrArray *left = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GFileInfo *info;

  g_return_val_if_fail (PLENARY_IS_RECOVERY (self), left);

  enumerator = g_file_enumerate_children (self->directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (enumerator == NULL)
    return left;

  while ((info = g_file_enumerator_next_file (enumerator, NULL, NULL)))
    {
      g_autoptr(GFileInfo) owned = info;
      const char *name = g_file_info_get_name (info);
      g_autofree char *id = NULL;
      g_autofree char *path = NULL;
      g_autofree char *time = NULL;
      g_autofree char *uri = NULL;
      g_autoptr(GKeyFile) keyfile = g_key_file_new ();
      g_autoptr(GFile) draft = NULL;
      PlenaryRecoveredDraft *recovered;

      if (!g_str_has_suffix (name, ".ini"))
        continue;

      id = g_strndup (name, strlen (name) - strlen (".ini"));
      if (is_watched_id (self, id))
        continue;

      path = g_build_filename (g_file_peek_path (self->directory), name, NULL);
      draft = child_file (self, id, PLENARY_DRAFT_SUFFIX);
      if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, NULL) ||
          !g_file_query_exists (draft, NULL))
        continue;

      recovered = g_object_new (PLENARY_TYPE_RECOVERED_DRAFT, NULL);
      recovered->id = g_steal_pointer (&id);
      recovered->title = g_key_file_get_string (keyfile, INFO_GROUP, "title", NULL);
      if (recovered->title == NULL)
        recovered->title = g_strdup (_("New Draft"));
      time = g_key_file_get_string (keyfile, INFO_GROUP, "time", NULL);
      recovered->time = time != NULL ? g_date_time_new_from_iso8601 (time, NULL) : NULL;
      if (recovered->time == NULL)
        recovered->time = g_date_time_new_from_unix_utc (0);
      uri = g_key_file_get_string (keyfile, INFO_GROUP, "file", NULL);
      if (uri != NULL)
        recovered->file = g_file_new_for_uri (uri);
      recovered->etag = g_key_file_get_string (keyfile, INFO_GROUP, "etag", NULL);

      g_ptr_array_add (left, recovered);
    }

  g_ptr_array_sort (left, compare_newest_first);
  return left;
}

/* A copy that cannot be read would be offered again at every start: it goes
 * to the "unreadable" folder beside the others, and ERROR says where. */
static void
move_aside (PlenaryRecovery  *self,
            const char       *id,
            GError          **error)
{
  g_autoptr(GFile) folder = g_file_get_child (self->directory, "unreadable");
  const char *suffixes[] = { PLENARY_DRAFT_SUFFIX, ".ini" };
  g_autofree char *display = NULL;

  if (!g_file_make_directory (folder, NULL, NULL) && !g_file_query_exists (folder, NULL))
    return;
  g_chmod (g_file_peek_path (folder), 0700);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autoptr(GFile) from = child_file (self, id, suffixes[i]);
      g_autofree char *name = g_strconcat (id, suffixes[i], NULL);
      g_autoptr(GFile) to = g_file_get_child (folder, name);

      g_file_move (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
    }

  display = g_file_get_parse_name (folder);
  if (error != NULL && *error != NULL)
    g_prefix_error (error, _("The copy was moved to “%s”. "), display);
}

PlenaryDocument *
plenary_recovery_restore (PlenaryRecovery        *self,
                          PlenaryRecoveredDraft  *recovered,
                          GError                **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(PlenaryDraft) draft = NULL;
  PlenaryDocument *document;

  g_return_val_if_fail (PLENARY_IS_RECOVERY (self), NULL);
  g_return_val_if_fail (PLENARY_IS_RECOVERED_DRAFT (recovered), NULL);

  file = child_file (self, recovered->id, PLENARY_DRAFT_SUFFIX);
  if (!(draft = plenary_draft_load (file, NULL, error)))
    {
      move_aside (self, recovered->id, error);
      return NULL;
    }

  document = plenary_document_new_restored (draft, recovered->file, recovered->etag,
                                            recovered->title);
  /* The copy stays under its id until this document is saved or closed. */
  watch_with_id (self, document, recovered->id, TRUE);

  return document;
}

void
plenary_recovery_discard (PlenaryRecovery       *self,
                          PlenaryRecoveredDraft *recovered)
{
  g_return_if_fail (PLENARY_IS_RECOVERY (self));
  g_return_if_fail (PLENARY_IS_RECOVERED_DRAFT (recovered));

  delete_copy (self, recovered->id);
}
