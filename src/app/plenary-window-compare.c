/* plenary-window-compare.c — Compare With… and Merge Changes From…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-window-compare"

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-compare-window.h"
#include "plenary-convert.h"
#include "plenary-differ.h"
#include "plenary-draft-codec.h"
#include "plenary-file-chooser.h"
#include "plenary-merge-window.h"
#include "plenary-window-private.h"

/* The document's text as it is now, as a draft of its own: a comparison
 * window keeps it while the delegate goes on editing. */
PlenaryDraft *
_plenary_window_snapshot_draft (PlenaryDocument *document)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  plenary_document_sync_draft (document);
  bytes = plenary_draft_codec_encode (plenary_document_get_draft (document));
  data = g_bytes_get_data (bytes, &length);

  return plenary_draft_codec_decode (data, length, NULL);
}

PlenaryCompareWindow *
_plenary_window_show_comparison (PlenaryWindow   *self,
                                 PlenaryDocument *document,
                                 PlenaryDraft    *old_draft,
                                 PlenaryDraft    *new_draft,
                                 const char      *old_name,
                                 const char      *new_name)
{
  g_autoptr(PlenaryComparison) comparison = NULL;
  PlenaryCompareWindow *window;

  comparison = plenary_differ_compare (plenary_draft_get_body (old_draft),
                                       plenary_draft_get_body (new_draft),
                                       PLENARY_DIFFER_DEFAULT);
  window = plenary_compare_window_new (GTK_WINDOW (self), comparison, new_draft, old_name, new_name);
  if (plenary_document_get_file (document) != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (plenary_document_get_file (document));

      plenary_compare_window_set_folder (window, folder);
    }
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  PlenaryDraft *draft = plenary_convert_read_draft (task_data, cancellable, &error);

  if (draft == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, draft, g_object_unref);
}

static void
compare_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PlenaryWindow *self = PLENARY_WINDOW (object);
  g_autoptr(PlenaryDocument) document = user_data;
  g_autoptr(PlenaryDraft) old_draft = NULL;
  g_autoptr(PlenaryDraft) new_draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_name = NULL;

  if (!(old_draft = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      plenary_window_show_error (self, _("Could Not Compare"), error);
      return;
    }

  if (!(new_draft = _plenary_window_snapshot_draft (document)))
    return;

  old_name = g_file_get_basename (g_task_get_task_data (G_TASK (result)));
  _plenary_window_show_comparison (self, document, old_draft, new_draft, old_name,
                                   plenary_document_get_title (document));
}

/* A file chosen to compare or merge: read on a thread (a PDF or a long
 * text takes a moment), then DONE with the document (user data) and the
 * file (task data). */
typedef struct
{
  PlenaryDocument     *document;
  GAsyncReadyCallback  done;
} Choice;

static void
file_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Choice *choice = user_data;
  g_autoptr(PlenaryDocument) document = choice->document;
  GAsyncReadyCallback done = choice->done;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GTask) task = NULL;

  g_free (choice);
  if (!(files = plenary_file_chooser_open_finish (result, NULL)) ||
      g_list_model_get_n_items (files) == 0)
    return;

  task = g_task_new (object, NULL, done, g_steal_pointer (&document));
  g_task_set_task_data (task, g_list_model_get_item (files, 0), g_object_unref);
  g_task_run_in_thread (task, read_thread);
}

static void
choose_file (PlenaryWindow       *self,
             GAsyncReadyCallback  done)
{
  Choice *choice;

  if (self->visible_document == NULL)
    return;

  choice = g_new0 (Choice, 1);
  choice->document = g_object_ref (self->visible_document);
  choice->done = done;
  plenary_file_chooser_open_async (GTK_WINDOW (self), NULL, file_chosen_cb, choice);
}

/* win.compare-with: the current text against another file's (a draft, or
 * last year's resolution as text, Markdown, PDF or Word). */
static void
compare_with_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  choose_file (PLENARY_WINDOW (widget), compare_read_cb);
}

/* "Rev.1 of 7 December 2026": how the note under the title of a printed
 * comparison names a revision. */
static char *
revision_label (PlenaryRevision *revision)
{
  g_autofree char *date = g_date_time_format (plenary_revision_get_created (revision), "%-d %B %Y");

  /* Translators: a revision compared with, "Rev.1 of 7 December 2026". */
  return g_strdup_printf (_("%s of %s"), plenary_revision_get_name (revision), date);
}

/* win.compare-revisions ("(ss)"): the revision with the first id against
 * the one with the second, or against the current text when it is "". */
static void
compare_revisions_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);
  PlenaryDocument *document = self->visible_document;
  PlenaryDraft *draft;
  PlenaryRevision *old_revision, *new_revision = NULL;
  g_autoptr(PlenaryDraft) old_draft = NULL;
  g_autoptr(PlenaryDraft) new_draft = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *new_name = NULL;
  const char *old_id, *new_id;

  if (document == NULL)
    return;

  g_variant_get (param, "(&s&s)", &old_id, &new_id);
  draft = plenary_document_get_draft (document);
  if (!(old_revision = plenary_draft_find_revision (draft, old_id)) ||
      (new_id[0] != '\0' && !(new_revision = plenary_draft_find_revision (draft, new_id))))
    return;

  old_draft = plenary_revision_dup_draft (old_revision, draft);
  old_name = revision_label (old_revision);
  if (new_revision != NULL)
    {
      new_draft = plenary_revision_dup_draft (new_revision, draft);
      new_name = revision_label (new_revision);
    }
  else
    {
      if (!(new_draft = _plenary_window_snapshot_draft (document)))
        return;
      new_name = g_strdup (_("Current Text"));
    }

  _plenary_window_show_comparison (self, document, old_draft, new_draft, old_name, new_name);
}

/* The revision a copy shares with mine: the newest of mine that the copy
 * has too (by id); for a copy without revisions (a text sent back), the
 * newest of mine. NULL when none. */
static PlenaryRevision *
shared_revision (PlenaryDraft *mine,
                 PlenaryDraft *theirs)
{
  GListModel *my_revisions = plenary_draft_get_revisions (mine);
  GListModel *their_revisions = plenary_draft_get_revisions (theirs);
  guint n = g_list_model_get_n_items (my_revisions);

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(PlenaryRevision) revision = g_list_model_get_item (my_revisions, i - 1);

      if (g_list_model_get_n_items (their_revisions) == 0 ||
          plenary_draft_find_revision (theirs, plenary_revision_get_id (revision)) != NULL)
        return revision;
    }

  return NULL;
}

static void
merge_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  PlenaryWindow *self = PLENARY_WINDOW (object);
  g_autoptr(PlenaryDocument) document = user_data;
  g_autoptr(PlenaryDraft) theirs = NULL;
  g_autoptr(PlenaryDraft) mine = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  PlenaryRevision *base;
  const char *delegation;

  if (!(theirs = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      plenary_window_show_error (self, _("Could Not Merge"), error);
      return;
    }
  if (!(mine = _plenary_window_snapshot_draft (document)))
    return;

  name = g_file_get_basename (g_task_get_task_data (G_TASK (result)));
  delegation = plenary_metadata_get_string (plenary_draft_get_metadata (theirs), "submitted-by");

  if ((base = shared_revision (mine, theirs)) != NULL)
    {
      g_autoptr(PlenaryMerge) merge = plenary_merge_new (plenary_revision_get_body (base),
                                                         plenary_draft_get_body (mine),
                                                         plenary_draft_get_body (theirs));
      PlenaryMergeWindow *window = plenary_merge_window_new (GTK_WINDOW (self), document, merge,
                                                             plenary_revision_get_name (base), delegation);

      gtk_window_present (GTK_WINDOW (window));
    }
  else
    {
      g_autofree char *message = NULL;
      PlenaryCompareWindow *window;

      /* Nothing to merge from: what differs is shown, and said why. */
      window = _plenary_window_show_comparison (self, document, mine, theirs,
                                                plenary_document_get_title (document), name);
      /* Translators: %s is the name of the copy merged. */
      message = g_strdup_printf (_("“%s” shares no revision with this draft: it is shown as a plain comparison. Save a revision before sending a copy, to merge it back."),
                                 name);
      plenary_compare_window_set_note (window, message);
    }
}

/* win.merge-changes: a copy of the draft another delegation edited (a
 * draft, or a text or Markdown file), merged three-way. */
static void
merge_changes_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  choose_file (PLENARY_WINDOW (widget), merge_read_cb);
}

void
plenary_window_class_compare_init (PlenaryWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.compare-with", NULL, compare_with_action);
  gtk_widget_class_install_action (widget_class, "win.compare-revisions", "(ss)", compare_revisions_action);
  gtk_widget_class_install_action (widget_class, "win.merge-changes", NULL, merge_changes_action);
}
