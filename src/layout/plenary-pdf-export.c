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

#include "plenary-draft-file.h"
#include "plenary-compare-export.h"
#include "plenary-differ.h"
#include "plenary-pdf-export.h"

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);

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
                    GCancellable               *cancellable,
                    GError                    **error)
{
  g_autoptr(PlenaryPageLayout) layout = NULL;
  g_autoptr(PlenaryDraft) compilation = NULL;
  PlenaryProposalsForm form = options != NULL ? options->proposals : PLENARY_PROPOSALS_CLEAN;

  g_return_val_if_fail (PLENARY_IS_DRAFT (draft), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (form == PLENARY_PROPOSALS_SHOWN)
    {
      /* The proposals marked as a revised draft marks changes: the
       * accepted text compared with the clean one. */
      g_autoptr(PlenaryBody) accepted = plenary_proposals_dup_accepted (draft, NULL);
      g_autoptr(PlenaryDraft) shown = plenary_draft_dup_with_body (draft, accepted);
      g_autoptr(PlenaryComparison) comparison = plenary_differ_compare (plenary_draft_get_body (draft),
                                                                        accepted, PLENARY_DIFFER_DEFAULT);

      return plenary_compare_export_pdf (comparison, shown, NULL, path, options, cancellable, error);
    }
  if (form == PLENARY_PROPOSALS_COMPILATION)
    {
      g_autoptr(PlenaryBody) body = plenary_proposals_dup_compilation (draft);

      draft = compilation = plenary_draft_dup_with_body (draft, body);
    }

  layout = plenary_page_layout_new (draft, options);

  return plenary_pdf_export_layout (layout, path, cancellable, error);
}

gboolean
plenary_pdf_export_layout (PlenaryPageLayout  *layout,
                           const char         *path,
                           GCancellable       *cancellable,
                           GError            **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  gboolean done = FALSE;
  guint drawn = 0;

  g_return_val_if_fail (PLENARY_IS_PAGE_LAYOUT (layout), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_file_new_for_path (path);
  display = g_filename_display_name (path);

  plenary_page_layout_get_page_size (layout, &width, &height);

  /* Made in memory (a few MB for 400 pages), then written beside the
   * target and renamed over it: a failed, cancelled or killed export
   * never leaves a truncated PDF under the final name. */
  surface = cairo_pdf_surface_create_for_stream (write_cb, pdf, width, height);
  set_metadata (surface, CAIRO_PDF_METADATA_TITLE, plenary_page_layout_get_title (layout));
  set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, plenary_page_layout_get_author (layout));
  set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, plenary_page_layout_get_subject (layout));
  set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);

  cr = cairo_create (surface);

  /* Each page is drawn right after it is paginated, while its paragraph
   * layouts are still cached. */
  while (!done && !g_cancellable_is_cancelled (cancellable))
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

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is cairo's own (English) description of the failure */
                   _("The PDF could not be made: %s"), cairo_status_to_string (status));
      g_prefix_error (error, _("Could not export to “%s”: "), display);
      return FALSE;
    }

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
  if (!plenary_file_replace_atomic (file, bytes, NULL, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                    _("Could not export to “%s”: "), display);
      return FALSE;
    }

  return TRUE;
}
