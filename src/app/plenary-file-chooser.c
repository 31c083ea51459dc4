/* plenary-file-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-file-chooser"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "plenary-draft-codec.h"
#include "plenary-file-chooser.h"

#define DOCX_MIME_TYPE "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#define ODT_MIME_TYPE  "application/vnd.oasis.opendocument.text"

static GListStore *
create_open_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) drafts = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) texts = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) word = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("All Supported Files"));
  gtk_file_filter_add_mime_type (all, PLENARY_DRAFT_MIME_TYPE);
  gtk_file_filter_add_suffix (all, "plenary.json");
  gtk_file_filter_add_mime_type (all, "text/plain");
  gtk_file_filter_add_mime_type (all, "text/markdown");
  gtk_file_filter_add_suffix (all, "md");
  gtk_file_filter_add_suffix (all, "txt");
  gtk_file_filter_add_mime_type (all, DOCX_MIME_TYPE);
  gtk_file_filter_add_mime_type (all, ODT_MIME_TYPE);
  gtk_file_filter_add_suffix (all, "docx");
  gtk_file_filter_add_suffix (all, "odt");

  gtk_file_filter_set_name (word, _("Word and OpenDocument"));
  gtk_file_filter_add_mime_type (word, DOCX_MIME_TYPE);
  gtk_file_filter_add_mime_type (word, ODT_MIME_TYPE);
  gtk_file_filter_add_suffix (word, "docx");
  gtk_file_filter_add_suffix (word, "odt");

  gtk_file_filter_set_name (drafts, _("Plenary Drafts"));
  gtk_file_filter_add_mime_type (drafts, PLENARY_DRAFT_MIME_TYPE);
  gtk_file_filter_add_suffix (drafts, "plenary.json");

  gtk_file_filter_set_name (texts, _("Text and Markdown"));
  gtk_file_filter_add_mime_type (texts, "text/plain");
  gtk_file_filter_add_mime_type (texts, "text/markdown");
  gtk_file_filter_add_suffix (texts, "md");
  gtk_file_filter_add_suffix (texts, "txt");

  g_list_store_append (filters, all);
  g_list_store_append (filters, drafts);
  g_list_store_append (filters, texts);
  g_list_store_append (filters, word);

  return filters;
}

GListStore *
plenary_file_chooser_new_source_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  struct {
    const char *name;
    const char *mime_types[3];
    const char *suffixes[3];
  } kinds[] = {
    /* By name only: drafts (JSON) are text/plain to shared-mime-info. */
    { N_("Text"), { NULL }, { "txt", "text" } },
    { N_("Markdown"), { "text/markdown" }, { "md", "markdown" } },
    { N_("Web Pages"), { "text/html", "application/xhtml+xml" }, { "html", "htm" } },
    { N_("PDF Documents"), { "application/pdf" }, { "pdf" } },
    { N_("Word and OpenDocument"), { DOCX_MIME_TYPE, ODT_MIME_TYPE }, { "docx", "odt" } },
  };
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("All Supported Files"));
  g_list_store_append (filters, all);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(kinds[i].name));
      for (guint j = 0; j < G_N_ELEMENTS (kinds[i].mime_types) && kinds[i].mime_types[j]; j++)
        {
          gtk_file_filter_add_mime_type (filter, kinds[i].mime_types[j]);
          gtk_file_filter_add_mime_type (all, kinds[i].mime_types[j]);
        }
      for (guint j = 0; j < G_N_ELEMENTS (kinds[i].suffixes) && kinds[i].suffixes[j]; j++)
        {
          gtk_file_filter_add_suffix (filter, kinds[i].suffixes[j]);
          gtk_file_filter_add_suffix (all, kinds[i].suffixes[j]);
        }
      g_list_store_append (filters, filter);
    }

  return filters;
}

static GtkFileFilter *
create_save_filter (PlenaryFileKind kind)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  if (kind == PLENARY_FILE_KIND_PDF)
    {
      gtk_file_filter_set_name (filter, _("PDF Documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
    }
  else if (kind == PLENARY_FILE_KIND_DOCX)
    {
      gtk_file_filter_set_name (filter, _("Word Documents"));
      gtk_file_filter_add_mime_type (filter, DOCX_MIME_TYPE);
      gtk_file_filter_add_suffix (filter, "docx");
    }
  else if (kind == PLENARY_FILE_KIND_ODT)
    {
      gtk_file_filter_set_name (filter, _("OpenDocument Texts"));
      gtk_file_filter_add_mime_type (filter, ODT_MIME_TYPE);
      gtk_file_filter_add_suffix (filter, "odt");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Plenary Drafts"));
      gtk_file_filter_add_mime_type (filter, PLENARY_DRAFT_MIME_TYPE);
      gtk_file_filter_add_suffix (filter, "plenary.json");
    }

  return filter;
}

static const char *
save_title (PlenaryFileKind kind)
{
  switch (kind)
    {
    case PLENARY_FILE_KIND_PDF:
      return _("Export as PDF");
    case PLENARY_FILE_KIND_DOCX:
      return _("Export as Word Document");
    case PLENARY_FILE_KIND_ODT:
      return _("Export as OpenDocument Text");
    case PLENARY_FILE_KIND_DRAFT:
    default:
      return _("Save Draft");
    }
}

#if GTK_CHECK_VERSION (4, 10, 0)

/* GtkFileDialog reports cancellation in its own domain; callers check for
 * G_IO_ERROR_CANCELLED on both GTK versions. */
static void
return_dialog_error (GTask  *task,
                     GError *error)
{
  if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
      g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", error->message);
      g_error_free (error);
    }
  else
    g_task_return_error (task, error);
}

static void
open_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GListModel *files;

  files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (object), result, &error);
  if (files == NULL)
    {
      return_dialog_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, files, g_object_unref);
}

static void
open_files_async (GtkWindow           *parent,
                  const char          *title,
                  const char          *accept_label,
                  GListModel          *filters,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  GTask *task = g_task_new (parent, cancellable, callback, user_data);

  g_task_set_source_tag (task, open_files_async);
  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_accept_label (dialog, accept_label);
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_open_multiple (dialog, parent, cancellable, open_cb, task);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL)
    {
      return_dialog_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, file, g_object_unref);
}

void
plenary_file_chooser_save_async (GtkWindow           *parent,
                                 PlenaryFileKind      kind,
                                 const char          *initial_name,
                                 GFile               *initial_folder,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = create_save_filter (kind);
  GTask *task = g_task_new (parent, cancellable, callback, user_data);

  g_task_set_source_tag (task, plenary_file_chooser_save_async);
  gtk_file_dialog_set_title (dialog, save_title (kind));
  gtk_file_dialog_set_default_filter (dialog, filter);
  gtk_file_dialog_set_initial_name (dialog, initial_name);
  if (initial_folder != NULL)
    gtk_file_dialog_set_initial_folder (dialog, initial_folder);
  gtk_file_dialog_save (dialog, parent, cancellable, save_cb, task);
}

#else /* GTK < 4.10: GtkFileChooserNative */

static void open_files_async (GtkWindow           *parent,
                              const char          *title,
                              const char          *accept_label,
                              GListModel          *filters,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);

static void
native_response_cb (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (native);

  if (response != GTK_RESPONSE_ACCEPT)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Cancelled"));
  else if (g_task_get_source_tag (task) == open_files_async)
    g_task_return_pointer (task, gtk_file_chooser_get_files (chooser), g_object_unref);
  else
    g_task_return_pointer (task, gtk_file_chooser_get_file (chooser), g_object_unref);

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
open_files_async (GtkWindow           *parent,
                  const char          *title,
                  const char          *accept_label,
                  GListModel          *filters,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GtkFileChooserNative *native;
  GTask *task = g_task_new (parent, cancellable, callback, user_data);
  guint n;

  g_task_set_source_tag (task, open_files_async);

  native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);

  n = g_list_model_get_n_items (filters);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }

  g_signal_connect (native, "response", G_CALLBACK (native_response_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
plenary_file_chooser_save_async (GtkWindow           *parent,
                                 PlenaryFileKind      kind,
                                 const char          *initial_name,
                                 GFile               *initial_folder,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GtkFileFilter) filter = create_save_filter (kind);
  GtkFileChooserNative *native;
  GTask *task = g_task_new (parent, cancellable, callback, user_data);

  g_task_set_source_tag (task, plenary_file_chooser_save_async);

  native = gtk_file_chooser_native_new (save_title (kind), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        kind == PLENARY_FILE_KIND_PDF ? _("_Export") : _("_Save"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), initial_name);
  if (initial_folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), initial_folder, NULL);

  g_signal_connect (native, "response", G_CALLBACK (native_response_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

#endif

void
plenary_file_chooser_open_async (GtkWindow           *parent,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GListStore) filters = create_open_filters ();

  open_files_async (parent, _("Open Draft"), _("_Open"), G_LIST_MODEL (filters),
                    cancellable, callback, user_data);
}

void
plenary_file_chooser_open_sources_async (GtkWindow           *parent,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GListStore) filters = plenary_file_chooser_new_source_filters ();

  open_files_async (parent, _("Add Sources"), _("_Add"), G_LIST_MODEL (filters),
                    cancellable, callback, user_data);
}

GListModel *
plenary_file_chooser_open_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

GFile *
plenary_file_chooser_save_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static const char *
kind_suffix (PlenaryFileKind kind)
{
  switch (kind)
    {
    case PLENARY_FILE_KIND_PDF:
      return ".pdf";
    case PLENARY_FILE_KIND_DOCX:
      return ".docx";
    case PLENARY_FILE_KIND_ODT:
      return ".odt";
    case PLENARY_FILE_KIND_DRAFT:
    default:
      return PLENARY_DRAFT_SUFFIX;
    }
}

char *
plenary_file_chooser_suggest_name (GFile           *file,
                                   const char      *symbol,
                                   const char      *question,
                                   const char      *title,
                                   PlenaryFileKind  kind)
{
  g_autofree char *stem = NULL;
  g_autofree char *safe = NULL;

  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);

      stem = g_str_has_suffix (basename, PLENARY_DRAFT_SUFFIX)
             ? g_strndup (basename, strlen (basename) - strlen (PLENARY_DRAFT_SUFFIX))
             : g_strdup (basename);
    }
  else if (symbol != NULL && symbol[0] != '\0')
    stem = g_strdup (symbol);
  else if (question != NULL && question[0] != '\0')
    {
      /* A long question is cut at a word, short enough for a file name. */
      stem = g_utf8_substring (question, 0, MIN (g_utf8_strlen (question, -1), 60));
      if (g_utf8_strlen (question, -1) > 60 && strrchr (stem, ' ') != NULL)
        *strrchr (stem, ' ') = '\0';
      g_strchomp (stem);
      while (stem[0] != '\0' && strchr (".?!:;,", stem[strlen (stem) - 1]) != NULL)
        stem[strlen (stem) - 1] = '\0';
      g_strchomp (stem);
    }
  else
    stem = g_strdup (title);

  /* "/" separates folders; the other characters are refused by some
   * systems the file may be copied to. */
  safe = g_strdelimit (g_strdup (stem), "/\\:*?\"<>|", '-');

  return g_strconcat (safe, kind_suffix (kind), NULL);
}

GFile *
plenary_file_chooser_complete_file (GFile           *chosen,
                                    PlenaryFileKind  kind)
{
  g_autofree char *basename = g_file_get_basename (chosen);
  g_autofree char *folded = g_utf8_casefold (basename, -1);
  g_autoptr(GFile) parent = g_file_get_parent (chosen);
  g_autofree char *name = NULL;

  if (g_str_has_suffix (folded, kind_suffix (kind)))
    return g_object_ref (chosen);

  if (kind == PLENARY_FILE_KIND_DRAFT && g_str_has_suffix (folded, ".plenary"))
    name = g_strconcat (basename, ".json", NULL);
  else if (kind == PLENARY_FILE_KIND_DRAFT && g_str_has_suffix (folded, ".json"))
    {
      basename[strlen (basename) - strlen (".json")] = '\0';
      name = g_strconcat (basename, PLENARY_DRAFT_SUFFIX, NULL);
    }
  else
    name = g_strconcat (basename, kind_suffix (kind), NULL);

  return g_file_get_child (parent, name);
}
