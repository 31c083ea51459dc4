/* plenary-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-export"

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-draft-codec.h"
#include "plenary-export.h"
#include "plenary-office-export.h"
#include "plenary-pdf-export.h"

typedef struct
{
  GBytes               *draft;
  GFile                *file;
  PlenaryExportFormat   format;
  PlenaryLayoutOptions  options;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_bytes_unref (job->draft);
  g_object_unref (job->file);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;
  gboolean done;

  /* The draft as it was when the export began, the editor's own copy
   * going on changing. */
  if (!(draft = plenary_draft_codec_decode (g_bytes_get_data (job->draft, NULL),
                                            g_bytes_get_size (job->draft), &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  switch (job->format)
    {
    case PLENARY_EXPORT_PDF:
    case PLENARY_EXPORT_PDF_SHOWN:
    case PLENARY_EXPORT_PDF_COMPILATION:
      if (!(path = g_file_get_path (job->file)))
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                                   _("PDF files can only be written to a local folder."));
          return;
        }
      done = plenary_pdf_export (draft, path, &job->options, cancellable, &error);
      break;

    case PLENARY_EXPORT_DOCX:
    case PLENARY_EXPORT_ODT:
      done = plenary_office_export (draft, job->file,
                                    job->format == PLENARY_EXPORT_ODT ? PLENARY_OFFICE_FORMAT_ODT
                                                                      : PLENARY_OFFICE_FORMAT_DOCX,
                                    cancellable, &error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (!done)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
plenary_export_async (PlenaryDocument     *document,
                      GFile               *file,
                      PlenaryExportFormat  format,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (PLENARY_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  plenary_document_sync_draft (document);

  job = g_new0 (ExportJob, 1);
  job->draft = plenary_draft_codec_encode (plenary_document_get_draft (document));
  job->file = g_object_ref (file);
  job->format = format;
  plenary_layout_options_init (&job->options);
  job->options.paper = g_settings_get_enum (settings, "paper-size") == 1 ? PLENARY_PAPER_LETTER : PLENARY_PAPER_A4;
  job->options.line_numbers = g_settings_get_boolean (settings, "line-numbers");
  job->options.numbered_headings = g_settings_get_boolean (settings, "numbered-headings");
  job->options.proposals = format == PLENARY_EXPORT_PDF_SHOWN ? PLENARY_PROPOSALS_SHOWN
                         : format == PLENARY_EXPORT_PDF_COMPILATION ? PLENARY_PROPOSALS_COMPILATION
                         : PLENARY_PROPOSALS_CLEAN;

  task = g_task_new (document, cancellable, callback, user_data);
  g_task_set_source_tag (task, plenary_export_async);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
plenary_export_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
