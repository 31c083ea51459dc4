/* plenary-convert.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-convert"

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-clause-printer.h"
#include "plenary-convert.h"
#include "plenary-draft-codec.h"
#include "plenary-draft-file.h"
#include "plenary-importer.h"
#include "plenary-pdf-export.h"

static PlenaryDraft *
read_draft (GFile      *input,
            GPtrArray **report,
            GError    **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *basename = g_file_get_basename (input);
  g_autoptr(GError) local_error = NULL;
  PlenaryDraft *draft;
  gsize length;

  if (!g_file_load_contents (input, NULL, &contents, &length, NULL, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (input);
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }

  if (plenary_importer_detect_format (contents, length, basename) == PLENARY_IMPORT_FORMAT_PLENARY_JSON)
    draft = plenary_draft_codec_decode (contents, length, &local_error);
  else
    draft = plenary_importer_import (contents, length, basename, NULL, report, &local_error);

  if (draft == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (input);
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not convert “%s”: %s"), name, local_error->message);
    }

  return draft;
}

gboolean
plenary_convert (GFile      *input,
                 GFile      *output,
                 GPtrArray **report,
                 GError    **error)
{
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autofree char *out_name = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (G_IS_FILE (input), FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);

  out_name = g_file_get_basename (output);
  lower = g_utf8_strdown (out_name, -1);

  if (!g_str_has_suffix (lower, ".json") && !g_str_has_suffix (lower, ".pdf") &&
      !g_str_has_suffix (lower, ".txt"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot convert to “%s”: the output must be a .plenary.json, .pdf or .txt file."),
                   out_name);
      return FALSE;
    }

  if (!(draft = read_draft (input, report, error)))
    return FALSE;

  if (g_str_has_suffix (lower, ".pdf"))
    {
      g_autofree char *path = g_file_get_path (output);

      if (path == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("Cannot write a PDF to “%s”: it is not a local file."), out_name);
          return FALSE;
        }

      return plenary_pdf_export (draft, path, NULL, error);
    }

  if (g_str_has_suffix (lower, ".txt"))
    {
      g_autofree char *text = plenary_clause_printer_print (plenary_draft_get_body (draft),
                                                            plenary_draft_get_kind (draft),
                                                            plenary_draft_get_language (draft),
                                                            PLENARY_PRINT_PLAIN);
      gsize length = strlen (text);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), length);

      return plenary_file_replace_atomic (output, bytes, NULL, NULL, error);
    }

  return plenary_draft_save (draft, output, NULL, error);
}
