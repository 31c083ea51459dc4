/* plenary-convert.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-convert"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "plenary-anchor-resolver.h"
#include "plenary-clause-parser.h"
#include "plenary-clause-printer.h"
#include "plenary-compare-export.h"
#include "plenary-convert.h"
#include "plenary-differ.h"
#include "plenary-draft-codec.h"
#include "plenary-draft-file.h"
#include "plenary-importer.h"
#include "plenary-office-export.h"
#include "plenary-office-package.h"
#include "plenary-pdf-export.h"
#include "plenary-proposals.h"

/* The same file, whatever the names: through symbolic and hard links. */
static gboolean
same_file (GFile *a,
           GFile *b)
{
  g_autofree char *path_a = g_file_get_path (a);
  g_autofree char *path_b = g_file_get_path (b);
  GStatBuf st_a, st_b;

  if (path_a == NULL || path_b == NULL)
    return g_file_equal (a, b);

  return g_stat (path_a, &st_a) == 0 && g_stat (path_b, &st_b) == 0 &&
         st_a.st_dev == st_b.st_dev && st_a.st_ino == st_b.st_ino;
}

static PlenaryDraft *
read_draft (GFile         *input,
            gboolean       converting,
            GCancellable  *cancellable,
            gboolean      *is_draft_file,
            gboolean      *is_office,
            GPtrArray    **report,
            GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *basename = g_file_get_basename (input);
  g_autoptr(GError) local_error = NULL;
  PlenaryDraft *draft;
  gsize length;

  if (!plenary_file_load_checked (input, PLENARY_MAX_FILE_SIZE, cancellable, &contents, &length, NULL, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (input);
      if (converting)
        g_set_error (error, local_error->domain, local_error->code,
                     _("Could not convert “%s”: %s"), name, local_error->message);
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }

  *is_draft_file = plenary_importer_detect_format (contents, length, basename) == PLENARY_IMPORT_FORMAT_PLENARY_JSON;
  *is_office = plenary_office_looks_like_package (contents, length);
  if (*is_draft_file)
    draft = plenary_draft_codec_decode (contents, length, &local_error);
  else
    draft = plenary_importer_import (contents, length, basename, NULL, report, &local_error);

  if (draft == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (input);
      if (converting)
        g_set_error (error, local_error->domain, local_error->code,
                     _("Could not convert “%s”: %s"), name, local_error->message);
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("Could not read “%s”: %s"), name, local_error->message);
    }

  return draft;
}

static gboolean
write_draft (PlenaryDraft               *draft,
             GFile                      *input,
             GFile                      *output,
             const PlenaryLayoutOptions *options,
             gboolean                    is_draft_file,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *out_name = g_file_get_basename (output);
  g_autofree char *lower = g_utf8_strdown (out_name, -1);

  /* Writing over the input would lose it: only a draft rewritten as a
   * draft may, and plenary_draft_save() keeps the previous version. */
  if (same_file (input, output) && !(is_draft_file && g_str_has_suffix (lower, ".json")))
    {
      g_autofree char *in_name = g_file_get_parse_name (input);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("Could not convert “%s”: the output is the input file itself. Choose another output file."),
                   in_name);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (g_str_has_suffix (lower, ".pdf"))
    {
      g_autofree char *path = g_file_get_path (output);
      g_autofree char *editor = NULL;

      if (path == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("Cannot write a PDF to “%s”: it is not a local file."), out_name);
          return FALSE;
        }

      /* Stored positions are only a hint: a file edited by another program
       * or merged has its footnote markers where the quotes are. */
      editor = plenary_clause_printer_print (plenary_draft_get_body (draft), plenary_draft_get_kind (draft),
                                             plenary_draft_get_language (draft), PLENARY_PRINT_EDITOR);
      plenary_anchor_resolver_update_draft (draft, editor);

      return plenary_pdf_export (draft, path, options, cancellable, error);
    }

  if (g_str_has_suffix (lower, ".docx"))
    return plenary_office_export (draft, output, PLENARY_OFFICE_FORMAT_DOCX, cancellable, error);
  if (g_str_has_suffix (lower, ".odt"))
    return plenary_office_export (draft, output, PLENARY_OFFICE_FORMAT_ODT, cancellable, error);

  if (g_str_has_suffix (lower, ".txt"))
    {
      g_autofree char *text = plenary_clause_printer_print (plenary_draft_get_body (draft),
                                                            plenary_draft_get_kind (draft),
                                                            plenary_draft_get_language (draft),
                                                            PLENARY_PRINT_PLAIN);
      gsize length = strlen (text);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), length);

      return plenary_file_replace_atomic (output, bytes, NULL, cancellable, error);
    }

  return plenary_draft_save (draft, output, cancellable, error);
}

void
plenary_convert_kind (PlenaryDraft     *draft,
                      PlenaryDraftKind  kind)
{
  const char *language = plenary_draft_get_language (draft);
  g_autofree char *text = NULL;
  g_autoptr(PlenaryBody) body = NULL;

  if (plenary_draft_get_kind (draft) == kind)
    return;
  text = plenary_clause_printer_convert (plenary_draft_get_body (draft), plenary_draft_get_kind (draft),
                                         kind, language);
  body = plenary_clause_parser_parse (plenary_phrase_dictionary_get_default (language), text, -1, kind, NULL);
  plenary_draft_set_kind (draft, kind);
  plenary_draft_set_body (draft, body);
}

gboolean
plenary_convert (GFile                      *input,
                 GFile                      *output,
                 const PlenaryLayoutOptions *options,
                 int                         as_kind,
                 GCancellable               *cancellable,
                 GPtrArray    **report,
                 GError       **error)
{
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *out_name = NULL;
  g_autofree char *lower = NULL;
  gboolean is_draft_file = FALSE;
  gboolean is_office = FALSE;

  g_return_val_if_fail (G_IS_FILE (input), FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);

  out_name = g_file_get_basename (output);
  lower = g_utf8_strdown (out_name, -1);

  if (!g_str_has_suffix (lower, ".json") && !g_str_has_suffix (lower, ".pdf") &&
      !g_str_has_suffix (lower, ".txt") && !g_str_has_suffix (lower, ".docx") &&
      !g_str_has_suffix (lower, ".odt"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot convert to “%s”: the output must be a .plenary.json, .pdf, .docx, .odt or .txt file."),
                   out_name);
      return FALSE;
    }

  if (!(draft = read_draft (input, TRUE, cancellable, &is_draft_file, &is_office, &warnings, error)))
    return FALSE;
  if (as_kind >= 0)
    plenary_convert_kind (draft, (PlenaryDraftKind) as_kind);
  if (!write_draft (draft, input, output, options, is_draft_file, cancellable, error))
    return FALSE;

  /* What changed in a Word or OpenDocument file (tracked changes
   * accepted) is said once the file is written; the import report, and
   * what the file was read as (its first entry), only when asked for
   * (--verbose), where the caller prints all of it. */
  if (report != NULL)
    *report = g_steal_pointer (&warnings);
  for (guint i = 1; is_office && warnings != NULL && i < warnings->len; i++)
    g_printerr (_("Warning: %s\n"), ((PlenaryParseWarning *) g_ptr_array_index (warnings, i))->message);
  return TRUE;
}


PlenaryDraft *
plenary_convert_read_draft (GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  gboolean is_draft_file, is_office;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return read_draft (file, FALSE, cancellable, &is_draft_file, &is_office, NULL, error);
}

/* What the older text is called in the note under the title: its symbol
 * and date when it has them ("A/RES/78/12"), else the file's name. */
static char *
compared_with_name (PlenaryDraft *draft,
                    GFile        *file)
{
  PlenaryMetadata *metadata = plenary_draft_get_metadata (draft);
  const char *symbol = plenary_metadata_get_string (metadata, "symbol");

  if (symbol[0] != '\0')
    return g_strdup (symbol);

  return g_file_get_basename (file);
}

gboolean
plenary_compare_convert (GFile         *old_file,
                         GFile         *new_file,
                         GFile         *output,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(PlenaryDraft) old_draft = NULL;
  g_autoptr(PlenaryDraft) new_draft = NULL;
  g_autoptr(PlenaryComparison) comparison = NULL;
  g_autofree char *out_name = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *path = NULL;
  g_autofree char *compared_with = NULL;
  gboolean is_draft_file, is_office;

  g_return_val_if_fail (G_IS_FILE (old_file), FALSE);
  g_return_val_if_fail (G_IS_FILE (new_file), FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);

  out_name = g_file_get_basename (output);
  lower = g_utf8_strdown (out_name, -1);
  if (!g_str_has_suffix (lower, ".pdf") && !g_str_has_suffix (lower, ".docx"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot write the comparison to “%s”: it is written as a PDF (.pdf) or Word (.docx) file."),
                   out_name);
      return FALSE;
    }
  if (same_file (old_file, output) || same_file (new_file, output))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("Cannot write the comparison to “%s”: it is one of the files compared. Choose another output file."),
                   out_name);
      return FALSE;
    }
  if (!(old_draft = read_draft (old_file, FALSE, cancellable, &is_draft_file, &is_office, NULL, error)) ||
      !(new_draft = read_draft (new_file, FALSE, cancellable, &is_draft_file, &is_office, NULL, error)))
    return FALSE;

  /* For Word, the older text with the changes as tracked changes (made as
   * proposals of the newer text's sponsor), for a Word user to accept or
   * reject. */
  if (g_str_has_suffix (lower, ".docx"))
    {
      const char *author = plenary_metadata_get_string (plenary_draft_get_metadata (new_draft), "submitted-by");
      g_autofree char *name = g_file_get_basename (new_file);

      plenary_draft_set_proposals (old_draft, NULL);
      plenary_proposals_merge_copy (old_draft, plenary_draft_get_body (new_draft), FALSE,
                                    author[0] != '\0' ? author : name);
      return plenary_office_export (old_draft, output, PLENARY_OFFICE_FORMAT_DOCX, cancellable, error);
    }

  if (!(path = g_file_get_path (output)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot write a PDF to “%s”: it is not a local file."), out_name);
      return FALSE;
    }

  comparison = plenary_differ_compare (plenary_draft_get_body (old_draft),
                                       plenary_draft_get_body (new_draft),
                                       PLENARY_DIFFER_DEFAULT);
  compared_with = compared_with_name (old_draft, old_file);

  return plenary_compare_export_pdf (comparison, new_draft, compared_with, path, NULL, cancellable, error);
}

gboolean
plenary_merge_convert (GFile         *base_file,
                       GPtrArray     *copies,
                       const char   **delegations,
                       GFile         *output,
                       GArray        *n_proposals,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(PlenaryDraft) base = NULL;
  g_autofree char *out_name = NULL;
  g_autofree char *lower = NULL;
  gboolean is_draft_file, is_office;

  g_return_val_if_fail (G_IS_FILE (base_file), FALSE);
  g_return_val_if_fail (copies != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);

  out_name = g_file_get_basename (output);
  lower = g_utf8_strdown (out_name, -1);
  if (!g_str_has_suffix (lower, ".json"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot write the merged draft to “%s”: it is written as a draft (.plenary.json) file."),
                   out_name);
      return FALSE;
    }
  for (guint i = 0; i <= copies->len; i++)
    if (same_file (i == 0 ? base_file : g_ptr_array_index (copies, i - 1), output))
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                     _("Cannot write the merged draft to “%s”: it is one of the files merged. Choose another output file."),
                     out_name);
        return FALSE;
      }

  if (!(base = read_draft (base_file, FALSE, cancellable, &is_draft_file, &is_office, NULL, error)))
    return FALSE;

  for (guint i = 0; i < copies->len; i++)
    {
      GFile *file = g_ptr_array_index (copies, i);
      g_autoptr(PlenaryDraft) copy = NULL;
      g_autofree char *basename = NULL;
      const char *delegation = delegations != NULL ? delegations[i] : NULL;
      guint added;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !(copy = read_draft (file, FALSE, cancellable, &is_draft_file, &is_office, NULL, error)))
        return FALSE;

      if (delegation == NULL || delegation[0] == '\0')
        delegation = plenary_metadata_get_string (plenary_draft_get_metadata (copy), "submitted-by");
      if (delegation == NULL || delegation[0] == '\0')
        delegation = basename = g_file_get_basename (file);

      /* Ids name the same paragraphs only in a copy of the base's file. */
      added = plenary_proposals_merge_copy (base, plenary_draft_get_body (copy), is_draft_file, delegation);
      if (n_proposals != NULL)
        g_array_append_val (n_proposals, added);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  return plenary_draft_save (base, output, cancellable, error);
}
