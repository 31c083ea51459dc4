/* plenary-pdf-export.c
 *
 * Copyright 2026 The Plenary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-pdf-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>

#include "plenary-pdf-export.h"

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} Writer;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Writer *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!g_output_stream_write_all (writer->stream, data, length, NULL, NULL, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static void
set_metadata (cairo_surface_t      *surface,
              cairo_pdf_metadata_t  field,
              const char           *value)
{
  if (value != NULL && value[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, field, value);
}

gboolean
plenary_pdf_export (PlenaryDraft               *draft,
                    const char                 *path,
                    const PlenaryLayoutOptions *options,
                    GError                    **error)
{
  g_autoptr(PlenaryPageLayout) layout = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *display = NULL;
  Writer writer = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  gboolean done = FALSE;
  guint drawn = 0;

  g_return_val_if_fail (PLENARY_IS_DRAFT (draft), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_file_new_for_path (path);
  display = g_filename_display_name (path);

  /* Written to a temporary file and renamed on close: a failed export
   * leaves an older file as it was. */
  writer.stream = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE,
                                                   NULL, error));
  if (writer.stream == NULL)
    {
      g_prefix_error (error, _("Could not export to “%s”: "), display);
      return FALSE;
    }

  layout = plenary_page_layout_new (draft, options);
  plenary_page_layout_get_page_size (layout, &width, &height);

  surface = cairo_pdf_surface_create_for_stream (write_cb, &writer, width, height);
  set_metadata (surface, CAIRO_PDF_METADATA_TITLE, plenary_page_layout_get_title (layout));
  set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, plenary_page_layout_get_author (layout));
  set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, plenary_page_layout_get_subject (layout));
  set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);

  cr = cairo_create (surface);

  /* Each page is drawn right after it is paginated, while its paragraph
   * layouts are still cached. */
  while (!done && writer.error == NULL)
    {
      done = plenary_page_layout_paginate_step (layout);

      for (; drawn < plenary_page_layout_get_n_pages (layout); drawn++)
        {
          plenary_page_layout_draw_page (layout, cr, drawn);
          cairo_show_page (cr);
        }
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (writer.error == NULL && status != CAIRO_STATUS_SUCCESS)
    g_set_error (&writer.error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 /* Translators: %s is cairo's own (English) description of the failure */
                 _("The PDF could not be made: %s"), cairo_status_to_string (status));

  if (writer.error != NULL)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();

      /* Closing a cancelled replace stream keeps the old file. */
      g_cancellable_cancel (cancellable);
      g_output_stream_close (writer.stream, cancellable, NULL);
      g_object_unref (writer.stream);
      g_propagate_prefixed_error (error, writer.error, _("Could not export to “%s”: "), display);
      return FALSE;
    }

  if (!g_output_stream_close (writer.stream, NULL, error))
    {
      g_object_unref (writer.stream);
      g_prefix_error (error, _("Could not export to “%s”: "), display);
      return FALSE;
    }

  g_object_unref (writer.stream);

  return TRUE;
}
