/* plenary-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-session"

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-clause-checker.h"
#include "plenary-clause-parser.h"
#include "plenary-clause-printer.h"
#include "plenary-data-resources.h"
#include "plenary-draft-codec.h"
#include "plenary-importer.h"
#include "plenary-session.h"
#include "plenary-source-importer.h"
#include "plenary-templates.h"

#define RESOURCE_BASE "/org/plenary/Plenary/"
#define SAMPLE_DRAFT  "002_bd2df5d90447aa0b.txt"

static const char * const sample_sources[] = {
  "000_0882e61f787c078d.txt",
  "001_1c1f41223b4ddfa0.txt",
  "003_02727d1e409e598a.txt",
  "004_e23f8f3402c5b63b.txt",
};

struct _PlenarySession
{
  GObject     parent_instance;
  GListStore      *documents;
  GSettings       *settings;
  PlenaryRecovery *recovery;
};

G_DEFINE_FINAL_TYPE (PlenarySession, plenary_session, G_TYPE_OBJECT)

static void
plenary_session_dispose (GObject *object)
{
  PlenarySession *self = PLENARY_SESSION (object);

  g_clear_object (&self->documents);
  g_clear_object (&self->settings);
  g_clear_object (&self->recovery);

  G_OBJECT_CLASS (plenary_session_parent_class)->dispose (object);
}

static void
plenary_session_class_init (PlenarySessionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = plenary_session_dispose;
}

static void
plenary_session_init (PlenarySession *self)
{
  self->documents = g_list_store_new (PLENARY_TYPE_DOCUMENT);
  self->settings = g_settings_new (APP_ID);
  self->recovery = plenary_recovery_new (NULL);
}

PlenarySession *
plenary_session_new (void)
{
  return g_object_new (PLENARY_TYPE_SESSION, NULL);
}

GListModel *
plenary_session_get_documents (PlenarySession *self)
{
  g_return_val_if_fail (PLENARY_IS_SESSION (self), NULL);
  return G_LIST_MODEL (self->documents);
}

void
plenary_session_add (PlenarySession  *self,
                     PlenaryDocument *document)
{
  guint position;

  g_return_if_fail (PLENARY_IS_SESSION (self));
  g_return_if_fail (PLENARY_IS_DOCUMENT (document));

  if (!g_list_store_find (self->documents, document, &position))
    {
      g_list_store_append (self->documents, document);
      plenary_recovery_watch (self->recovery, document);
    }
}

void
plenary_session_close (PlenarySession  *self,
                        PlenaryDocument *document)
{
  guint position;

  g_return_if_fail (PLENARY_IS_SESSION (self));

  if (g_list_store_find (self->documents, document, &position))
    {
      plenary_recovery_unwatch (self->recovery, document);
      g_list_store_remove (self->documents, position);
    }
}

PlenaryRecovery *
plenary_session_get_recovery (PlenarySession *self)
{
  g_return_val_if_fail (PLENARY_IS_SESSION (self), NULL);
  return self->recovery;
}

PlenaryDocument *
plenary_session_find_by_file (PlenarySession *self,
                              GFile          *file)
{
  guint n;

  g_return_val_if_fail (PLENARY_IS_SESSION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenaryDocument) document = g_list_model_get_item (G_LIST_MODEL (self->documents), i);
      GFile *other = plenary_document_get_file (document);

      if (other != NULL && g_file_equal (other, file))
        return document;
    }

  return NULL;
}

static GBytes *
lookup_data (const char  *path,
             GError     **error)
{
  g_autofree char *full = g_strconcat (RESOURCE_BASE, path, NULL);

  /* Keeps the data resource linked in; its constructor registers it. */
  (void) plenary_data_get_resource ();

  return g_resources_lookup_data (full, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

/* A new resolution speaks as BODY: its opening formula names it and its
 * phrases agree with it ("Le Conseil de sécurité, … Décide de rester saisi
 * de la question."). */
static void
agree_with_body (PlenaryDraft *draft,
                 const char   *body_name)
{
  PlenaryDraftKind kind = plenary_draft_get_kind (draft);
  const char *language = plenary_draft_get_language (draft);
  PlenaryPhraseDictionary *dictionary = plenary_phrase_dictionary_get_default (language);
  const char *opening = plenary_phrase_dictionary_get_opening (dictionary, body_name);
  g_autoptr(PlenaryClauseChecker) checker = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(PlenaryBody) body = NULL;
  g_autofree char *text = NULL;
  g_autofree char *agreed = NULL;
  g_auto(GStrv) lines = NULL;

  if (opening != NULL)
    plenary_body_set_opening (plenary_draft_get_body (draft), opening);

  text = plenary_clause_printer_print (plenary_draft_get_body (draft), kind, language, PLENARY_PRINT_EDITOR);
  checker = plenary_clause_checker_new (dictionary, kind);
  plenary_clause_checker_set_body (checker, body_name);
  problems = plenary_clause_checker_check_text (checker, text, -1);
  lines = g_strsplit (text, "\n", -1);

  /* From the end, so that the offsets of the fixes still to apply hold. */
  for (guint i = problems->len; i > 0; i--)
    {
      const PlenaryCheckProblem *problem = g_ptr_array_index (problems, i - 1);
      char *line;

      if (problem->kind != PLENARY_CHECK_AGREEMENT || !problem->has_fix || problem->delete_line ||
          problem->line >= g_strv_length (lines))
        continue;

      line = lines[problem->line];
      lines[problem->line] = g_strdup_printf ("%.*s%s%s", (int) problem->start, line,
                                              problem->replacement, line + problem->end);
      g_free (line);
    }

  agreed = g_strjoinv ("\n", lines);
  body = plenary_clause_parser_parse (dictionary, agreed, -1, kind, NULL);
  plenary_draft_set_body (draft, body);
}

PlenaryDocument *
plenary_session_create_from_template (PlenarySession  *self,
                                      const char      *template_id,
                                      GError         **error)
{
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autofree char *default_body = NULL;
  PlenaryDocument *document;

  g_return_val_if_fail (PLENARY_IS_SESSION (self), NULL);
  g_return_val_if_fail (template_id != NULL, NULL);

  if (!(draft = plenary_templates_load (template_id, error)))
    return NULL;
  /* The hints are shown as placeholders by the editor, not written in. */
  plenary_templates_clear_hints (draft);

  default_body = g_settings_get_string (self->settings, "default-body");
  if (plenary_draft_get_kind (draft) == PLENARY_DRAFT_KIND_RESOLUTION && default_body[0] != '\0')
    {
      plenary_metadata_set_string (plenary_draft_get_metadata (draft), "body", default_body);
      agree_with_body (draft, default_body);
    }

  document = plenary_document_new (draft, NULL);
  plenary_session_add (self, document);

  return document;
}

PlenaryDocument *
plenary_session_create_sample (PlenarySession  *self,
                               GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PlenaryDraft) draft = NULL;
  PlenaryDocument *document;
  const char *data;
  gsize length;

  g_return_val_if_fail (PLENARY_IS_SESSION (self), NULL);

  if (!(bytes = lookup_data ("seeds/" SAMPLE_DRAFT, error)))
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  if (!(draft = plenary_importer_import (data, length, SAMPLE_DRAFT, NULL, NULL, error)))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (sample_sources); i++)
    {
      g_autofree char *path = g_strconcat ("seeds/", sample_sources[i], NULL);
      g_autoptr(GBytes) source_bytes = NULL;
      g_autoptr(PlenarySource) source = NULL;

      if (!(source_bytes = lookup_data (path, error)) ||
          !(source = plenary_source_importer_import_bytes (draft, source_bytes, sample_sources[i], NULL, error)))
        return NULL;

      g_list_store_append (plenary_draft_get_sources (draft), source);
    }

  document = plenary_document_new (draft, _("Sample Draft"));
  plenary_session_add (self, document);

  return document;
}
