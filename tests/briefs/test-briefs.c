/* test-briefs.c
 *
 * Copyright 2026 The Plenary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "plenary-brief.h"
#include "plenary-clause-checker.h"
#include "plenary-clause-printer.h"
#include "plenary-draft-codec.h"
#include "plenary-importer.h"
#include "plenary-pdf-export.h"
#include "plenary-templates.h"

#define NBSP "\xc2\xa0"

static const char *plenary_path;
static char *tmp_root;

/* ---- helpers ------------------------------------------------------------------ */

static char *
read_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "briefs", "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

static PlenaryDraft *
import_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  PlenaryDraft *draft;
  gsize length;

  contents = read_fixture (name, &length);
  draft = plenary_importer_import (contents, length, name, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);

  return draft;
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);

  return out;
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = run ((const char *[]) { "pdfinfo", path, NULL });
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint)g_ascii_strtoull (pages + strlen ("\nPages:") + strspn (pages + strlen ("\nPages:"), " "),
                                  NULL, 10);
}

static char *
pdf_text (const char *path)
{
  return run ((const char *[]) { "pdftotext", "-enc", "UTF-8", "-raw", path, "-", NULL });
}

/* Each of WANTED is found in TEXT after the previous one. */
static void
assert_in_order (const char         *text,
                 const char * const *wanted)
{
  const char *p = text;

  for (guint i = 0; wanted[i] != NULL; i++)
    {
      const char *found = strstr (p, wanted[i]);

      if (found == NULL)
        g_error ("“%s” is missing or out of order in:\n%s", wanted[i], text);
      p = found + strlen (wanted[i]);
    }
}

static PlenaryParagraph *
section (PlenaryDraft *draft,
         guint         index)
{
  PlenaryBody *body = plenary_draft_get_body (draft);

  g_assert_cmpuint (index, <, body->paragraphs->len);
  return g_ptr_array_index (body->paragraphs, index);
}

static char *
editor_text (PlenaryDraft *draft)
{
  return plenary_clause_printer_print (plenary_draft_get_body (draft),
                                       plenary_draft_get_kind (draft),
                                       plenary_draft_get_language (draft),
                                       PLENARY_PRINT_EDITOR);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_clear_pointer (&dir, g_dir_close);
  g_rmdir (path);
}

/* ---- templates ----------------------------------------------------------------- */

static const struct {
  const char  *id;
  const char  *language;
  const char  *title;
  guint        page_limit;
  const char  *headings[7];
} expected_templates[] = {
  { "position-paper-fr", "fr", "Position Paper", 2,
    { "Contexte", "Action internationale", "Position de la délégation", "Propositions", NULL } },
  { "briefing-note-fr", "fr", "Briefing Note", 0,
    { "Objectif", "Contexte", "Notre position", "Éléments de langage", "Lignes rouges",
      "Alliés et opposants", NULL } },
  { "position-paper-en", "en", "Position Paper", 2,
    { "Background", "International action so far", "Position of the delegation",
      "Proposed solutions", NULL } },
  { "briefing-note-en", "en", "Briefing Note", 0,
    { "Objective", "Background", "Our position", "Talking points", "Red lines",
      "Allies and opponents", NULL } },
};

static void
test_builtin_templates (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (expected_templates); t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlenaryDraft) draft = plenary_templates_load (expected_templates[t].id, &error);
      g_autoptr(PlenaryClauseChecker) checker = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GBytes) encoded = NULL;
      g_autoptr(GBytes) resource = NULL;
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      PlenaryBody *body;
      guint n = g_strv_length ((char **)expected_templates[t].headings);

      g_assert_no_error (error);
      body = plenary_draft_get_body (draft);
      g_assert_cmpint (plenary_draft_get_kind (draft), ==, PLENARY_DRAFT_KIND_BRIEF);
      g_assert_cmpstr (plenary_draft_get_language (draft), ==, expected_templates[t].language);
      g_assert_cmpuint (plenary_metadata_get_page_limit (plenary_draft_get_metadata (draft)), ==,
                        expected_templates[t].page_limit);
      g_assert_null (body->opening);
      g_assert_cmpuint (body->paragraphs->len, ==, n);

      for (guint i = 0; i < n; i++)
        {
          PlenaryParagraph *heading = section (draft, i);
          PlenaryParagraph *hint;

          g_assert_cmpint (heading->role, ==, PLENARY_ROLE_HEADING);
          g_assert_cmpstr (heading->text, ==, expected_templates[t].headings[i]);
          /* One hint paragraph a section, a real sentence. */
          g_assert_cmpuint (heading->children->len, ==, 1);
          hint = g_ptr_array_index (heading->children, 0);
          g_assert_cmpint (hint->role, ==, PLENARY_ROLE_PARAGRAPH);
          g_assert_cmpuint (plenary_brief_count_words (hint->text, -1), >=, 8);
          g_assert_true (g_str_has_suffix (hint->text, "."));
          g_assert_true (plenary_templates_is_hint (expected_templates[t].language, hint->text));
          /* The other language's hints are not this one's. */
          g_assert_false (plenary_templates_is_hint (strcmp (expected_templates[t].language, "fr") == 0
                                                     ? "en" : "fr", hint->text));
        }

      /* Typography a French delegate expects: the checker finds nothing
       * but the hints themselves are whole, checked sentences. */
      text = editor_text (draft);
      checker = plenary_clause_checker_new (plenary_phrase_dictionary_get_default (expected_templates[t].language),
                                            PLENARY_DRAFT_KIND_BRIEF);
      problems = plenary_clause_checker_check_text (checker, text, -1);
      for (guint i = 0; i < problems->len; i++)
        g_error ("%s: %s", expected_templates[t].id,
                 ((PlenaryCheckProblem *)g_ptr_array_index (problems, i))->message);

      /* Stored in the encoder's own layout, so that saving changes nothing. */
      path = g_strconcat ("/org/plenary/Plenary/templates/", expected_templates[t].id, ".plenary.json", NULL);
      resource = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      g_assert_no_error (error);
      encoded = plenary_draft_codec_encode (draft);
      g_assert_true (g_bytes_equal (encoded, resource));
    }
}

static void
test_list_templates (void)
{
  g_autoptr(GListStore) fr_briefs = plenary_templates_list ("fr", PLENARY_DRAFT_KIND_BRIEF);
  g_autoptr(GListStore) en_resolutions = plenary_templates_list ("en", PLENARY_DRAFT_KIND_RESOLUTION);
  g_autoptr(GListStore) all = plenary_templates_list (NULL, -1);
  g_autoptr(PlenaryTemplate) first = NULL;
  g_autoptr(PlenaryTemplate) second = NULL;
  g_autoptr(PlenaryTemplate) resolution = NULL;
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fr_briefs)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (fr_briefs), 0);
  second = g_list_model_get_item (G_LIST_MODEL (fr_briefs), 1);
  g_assert_cmpstr (plenary_template_get_id (first), ==, "position-paper-fr");
  g_assert_cmpstr (plenary_template_get_title (first), ==, "Position Paper");
  g_assert_cmpstr (plenary_template_get_id (second), ==, "briefing-note-fr");
  g_assert_cmpstr (plenary_template_get_title (second), ==, "Briefing Note");
  g_assert_cmpstr (plenary_template_get_language (second), ==, "fr");
  g_assert_cmpint (plenary_template_get_kind (second), ==, PLENARY_DRAFT_KIND_BRIEF);
  g_assert_true (plenary_template_is_builtin (second));
  g_assert_null (plenary_template_get_file (second));

  draft = plenary_template_load (second, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (section (draft, 3)->text, ==, "Éléments de langage");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (en_resolutions)), ==, 1);
  resolution = g_list_model_get_item (G_LIST_MODEL (en_resolutions), 0);
  g_assert_cmpstr (plenary_template_get_id (resolution), ==, "resolution-en");
  g_assert_cmpstr (plenary_template_get_title (resolution), ==, "Resolution");

  /* Three kinds of template in two languages, built-in ones first. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(PlenaryTemplate) template = g_list_model_get_item (G_LIST_MODEL (all), i);

      g_assert_true (plenary_template_is_builtin (template) == (i < 6));
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), >=, 6);

  g_clear_object (&draft);
  draft = plenary_templates_load ("no-such-template", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (draft);
}

static void
test_save_structure (void)
{
  g_autoptr(PlenaryDraft) brief = plenary_templates_load ("position-paper-fr", NULL);
  g_autoptr(PlenaryTemplate) template = NULL;
  g_autoptr(PlenaryTemplate) listed = NULL;
  g_autoptr(PlenaryDraft) loaded = NULL;
  g_autoptr(PlenaryDraft) by_id = NULL;
  g_autoptr(GListStore) fr = NULL;
  g_autoptr(GListStore) en = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenarySource) source = NULL;
  g_autoptr(PlenaryParagraph) bullet = plenary_paragraph_new (PLENARY_ROLE_BULLET, NULL, "Un emploi sur quatre.");
  g_autofree char *expected_path = NULL;
  g_autofree char *path = NULL;
  PlenaryMetadata *metadata = plenary_draft_get_metadata (brief);
  PlenaryParagraph *context = section (brief, 0);
  PlenaryParagraph *paragraph;
  const char *sponsors[] = { "Canada", NULL };

  /* A brief being written: text under the first heading, the hint still
   * under the second, nothing under the third. */
  plenary_metadata_set_string (metadata, "forum", "Conseil économique et social");
  plenary_metadata_set_string (metadata, "submitted-by", "Sénégal");
  plenary_metadata_set_string (metadata, "question", "L’IA et le travail");
  plenary_metadata_set_string (metadata, "date", "24 novembre 2026");
  plenary_metadata_set_co_sponsors (metadata, sponsors);
  plenary_metadata_set_page_limit (metadata, 3);
  paragraph = g_ptr_array_index (context->children, 0);
  g_free (paragraph->text);
  paragraph->text = g_strdup ("L’IA transforme le travail.");
  plenary_paragraph_append_child (context, bullet);
  g_ptr_array_set_size (section (brief, 2)->children, 0);
  source = plenary_source_new ("s1", "Rapport de l’OIT", "rapport.txt", "text/plain", "Texte.");
  g_list_store_append (plenary_draft_get_sources (brief), source);

  template = plenary_templates_save_structure (brief, "  Exposé/ONU: crise  ", &error);
  g_assert_no_error (error);
  g_assert_nonnull (template);

  /* Characters that are unsafe in file names are replaced, accents stay. */
  expected_path = g_build_filename (g_get_user_data_dir (), "plenary", "templates",
                                    "Exposé-ONU- crise.plenary.json", NULL);
  path = g_file_get_path (plenary_template_get_file (template));
  g_assert_cmpstr (path, ==, expected_path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (plenary_template_get_id (template), ==, "user:Exposé-ONU- crise");
  g_assert_cmpstr (plenary_template_get_title (template), ==, "Exposé-ONU- crise");
  g_assert_false (plenary_template_is_builtin (template));

  /* Listed after the built-in ones, in its language only. */
  fr = plenary_templates_list ("fr", PLENARY_DRAFT_KIND_BRIEF);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fr)), ==, 3);
  listed = g_list_model_get_item (G_LIST_MODEL (fr), 2);
  g_assert_cmpstr (plenary_template_get_id (listed), ==, "user:Exposé-ONU- crise");
  en = plenary_templates_list ("en", PLENARY_DRAFT_KIND_BRIEF);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (en)), ==, 2);

  loaded = plenary_template_load (listed, &error);
  g_assert_no_error (error);
  by_id = plenary_templates_load ("user:Exposé-ONU- crise", &error);
  g_assert_no_error (error);
  g_assert_true (plenary_body_equal (plenary_draft_get_body (loaded), plenary_draft_get_body (by_id)));

  /* The structure is kept... */
  metadata = plenary_draft_get_metadata (loaded);
  g_assert_cmpint (plenary_draft_get_kind (loaded), ==, PLENARY_DRAFT_KIND_BRIEF);
  g_assert_cmpstr (plenary_draft_get_language (loaded), ==, "fr");
  g_assert_cmpuint (plenary_draft_get_body (loaded)->paragraphs->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpstr (section (loaded, i)->text, ==, section (brief, i)->text);
      g_assert_cmpuint (section (loaded, i)->children->len, ==, 1);
    }
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "forum"), ==, "Conseil économique et social");
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "submitted-by"), ==, "Sénégal");
  g_assert_cmpuint (plenary_metadata_get_page_limit (metadata), ==, 3);

  /* ...the content is not. */
  g_assert_cmpstr (((PlenaryParagraph *)g_ptr_array_index (section (loaded, 0)->children, 0))->text, ==, "");
  g_assert_true (plenary_templates_is_hint ("fr", ((PlenaryParagraph *)g_ptr_array_index (section (loaded, 1)->children, 0))->text));
  g_assert_cmpstr (((PlenaryParagraph *)g_ptr_array_index (section (loaded, 2)->children, 0))->text, ==, "");
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "question"), ==, "");
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "date"), ==, "");
  g_assert_cmpuint (g_strv_length ((char **)plenary_metadata_get_co_sponsors (metadata)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plenary_draft_get_sources (loaded))), ==, 0);

  /* Saving again under the same name replaces it. */
  g_clear_object (&template);
  plenary_metadata_set_page_limit (plenary_draft_get_metadata (brief), 4);
  template = plenary_templates_save_structure (brief, "Exposé/ONU: crise", &error);
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = plenary_template_load (template, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plenary_metadata_get_page_limit (plenary_draft_get_metadata (loaded)), ==, 4);
  g_clear_object (&fr);
  fr = plenary_templates_list ("fr", PLENARY_DRAFT_KIND_BRIEF);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fr)), ==, 3);

  /* A name is needed. */
  g_clear_object (&template);
  template = plenary_templates_save_structure (brief, " \t ", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_assert_cmpstr (error->message, ==, "Give the template a name.");
  g_assert_null (template);
}

static void
test_hints (void)
{
  g_autoptr(PlenaryDraft) note = plenary_templates_load ("briefing-note-fr", NULL);
  PlenaryParagraph *objective = g_ptr_array_index (section (note, 0)->children, 0);
  g_autoptr(GString) spaced = g_string_new (NULL);
  g_autoptr(PlenaryDraft) paper = plenary_templates_load ("position-paper-fr", NULL);
  PlenaryParagraph *context = g_ptr_array_index (section (paper, 0)->children, 0);

  g_assert_true (plenary_templates_is_hint ("fr", objective->text));
  g_assert_true (plenary_templates_is_hint ("fr", context->text));

  /* Typed again with ordinary spaces, or with spaces around it. */
  g_string_printf (spaced, "  %s \t", context->text);
  g_string_replace (spaced, NBSP, " ", 0);
  g_assert_true (strstr (context->text, NBSP ":") != NULL);
  g_assert_true (plenary_templates_is_hint ("fr", spaced->str));

  /* Begun to be replaced: no longer the hint. */
  g_string_assign (spaced, objective->text);
  g_string_truncate (spaced, spaced->len - 1);
  g_assert_false (plenary_templates_is_hint ("fr", spaced->str));
  g_assert_false (plenary_templates_is_hint ("fr", ""));
  g_assert_false (plenary_templates_is_hint ("fr", "Contexte"));
  g_assert_false (plenary_templates_is_hint ("de", objective->text));
}

/* ---- measuring ------------------------------------------------------------------- */

static void
test_count_words (void)
{
  g_assert_cmpuint (plenary_brief_count_words ("", -1), ==, 0);
  g_assert_cmpuint (plenary_brief_count_words ("# Contexte\n"
                                               "La sécheresse touche 40 % de la population d’ici 2030.\n"
                                               "• l’ONU — agit", -1), ==, 12);
  /* No-break spaces separate words too. */
  g_assert_cmpuint (plenary_brief_count_words ("Pourquoi" NBSP "? Parce" "\xe2\x80\xaf" "que", -1), ==, 3);
  g_assert_cmpuint (plenary_brief_count_words ("deux mots et la suite", 9), ==, 2);
}

static void
test_measure (void)
{
  g_autoptr(PlenaryDraft) draft = import_fixture ("position-paper-fr.md");
  g_autofree char *text = editor_text (draft);
  g_autofree char *path = g_build_filename (tmp_root, "measure.pdf", NULL);
  g_autoptr(GError) error = NULL;
  PlenaryBriefStats stats;
  gint64 start, elapsed;

  start = g_get_monotonic_time ();
  stats = plenary_brief_measure (draft);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("measured %u words, %u pages in %" G_GINT64_FORMAT " µs",
                  stats.words, stats.pages, elapsed);

  /* The words of the body, whatever form it takes. */
  g_assert_cmpuint (stats.words, ==, plenary_brief_count_words (text, -1));
  g_assert_cmpuint (stats.words, >, 550);

  /* The seeded example runs onto a second page, as the PDF does. */
  g_assert_cmpuint (stats.pages, ==, 2);
  g_assert_true (plenary_pdf_export (draft, path, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (path), ==, stats.pages);

  /* A short brief is one page. */
  {
    g_autoptr(PlenaryDraft) note = plenary_templates_load ("briefing-note-en", NULL);
    PlenaryBriefStats short_stats = plenary_brief_measure (note);

    g_assert_cmpuint (short_stats.pages, ==, 1);
  }
}

/* ---- checks ---------------------------------------------------------------------- */

static const PlenaryCheckProblem *
problem (GPtrArray *problems,
         guint      index)
{
  g_assert_cmpuint (index, <, problems->len);
  return g_ptr_array_index (problems, index);
}

static void
test_checks (void)
{
  g_autoptr(PlenaryDraft) paper = plenary_templates_load ("position-paper-fr", NULL);
  const char *hint = ((PlenaryParagraph *)g_ptr_array_index (section (paper, 1)->children, 0))->text;
  g_autofree char *text = g_strdup_printf ("# Contexte\n"
                                           "La sécheresse s’étend.\n"
                                           "# Action internationale\n"
                                           "%s\n"
                                           "# Position de la délégation\n"
                                           "\n"
                                           "# Propositions\n"
                                           "• Un fonds mondial.", hint);
  g_autoptr(GPtrArray) problems = plenary_brief_check_text (text, "fr", 2, 3);
  g_autoptr(GPtrArray) within = plenary_brief_check_text (text, "fr", 2, 2);
  g_autoptr(GPtrArray) no_limit = plenary_brief_check_text (text, "fr", 0, 9);
  g_autoptr(GPtrArray) english = plenary_brief_check_text (text, "en", 0, 1);
  g_autoptr(GPtrArray) last_empty = plenary_brief_check_text ("Avant.\n# Objectif\nTexte.\n# Fin", "fr", 1, 2);
  const PlenaryCheckProblem *p;

  g_assert_cmpuint (problems->len, ==, 3);

  p = problem (problems, 0);
  g_assert_cmpint (p->kind, ==, PLENARY_CHECK_PAGE_LIMIT);
  g_assert_cmpint (p->severity, ==, PLENARY_CHECK_SEVERITY_WARNING);
  g_assert_cmpuint (p->line, ==, 0);
  g_assert_cmpstr (p->message, ==, "The brief has 3 pages; the limit is 2.");
  g_assert_false (p->has_fix);

  p = problem (problems, 1);
  g_assert_cmpint (p->kind, ==, PLENARY_CHECK_TEMPLATE_HINT);
  g_assert_cmpuint (p->line, ==, 3);
  g_assert_cmpuint (p->start, ==, 0);
  g_assert_cmpuint (p->end, ==, strlen (hint));
  g_assert_cmpstr (p->message, ==, "This is the template’s hint: replace it with your text");
  g_assert_false (p->has_fix);

  p = problem (problems, 2);
  g_assert_cmpint (p->kind, ==, PLENARY_CHECK_EMPTY_SECTION);
  g_assert_cmpuint (p->line, ==, 4);
  g_assert_cmpuint (p->start, ==, 2);
  g_assert_cmpuint (p->end, ==, strlen ("# Position de la délégation"));
  g_assert_cmpstr (p->message, ==, "The section “Position de la délégation” is empty");
  g_assert_false (p->has_fix);

  /* At the limit, or without one, the length is fine. */
  g_assert_cmpuint (within->len, ==, 2);
  g_assert_cmpint (problem (within, 0)->kind, ==, PLENARY_CHECK_TEMPLATE_HINT);
  g_assert_cmpuint (no_limit->len, ==, 2);
  /* A French hint is not an English one. */
  g_assert_cmpuint (english->len, ==, 1);
  g_assert_cmpint (problem (english, 0)->kind, ==, PLENARY_CHECK_EMPTY_SECTION);

  /* The last heading with nothing after it; the limit problem sits on the
   * first heading, not on the text before it. */
  g_assert_cmpuint (last_empty->len, ==, 2);
  g_assert_cmpint (problem (last_empty, 0)->kind, ==, PLENARY_CHECK_PAGE_LIMIT);
  g_assert_cmpuint (problem (last_empty, 0)->line, ==, 1);
  g_assert_cmpstr (problem (last_empty, 0)->message, ==, "The brief has 2 pages; the limit is 1.");
  g_assert_cmpint (problem (last_empty, 1)->kind, ==, PLENARY_CHECK_EMPTY_SECTION);
  g_assert_cmpuint (problem (last_empty, 1)->line, ==, 3);
  g_assert_cmpstr (problem (last_empty, 1)->message, ==, "The section “Fin” is empty");
}

/* ---- import ------------------------------------------------------------------------ */

static void
assert_section (PlenaryDraft       *draft,
                guint               index,
                const char         *heading,
                const PlenaryRole  *roles,
                const char * const *starts)
{
  PlenaryParagraph *s = section (draft, index);
  guint n = g_strv_length ((char **)starts);

  g_assert_cmpint (s->role, ==, PLENARY_ROLE_HEADING);
  g_assert_cmpstr (s->text, ==, heading);
  g_assert_cmpuint (s->children->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      PlenaryParagraph *child = g_ptr_array_index (s->children, i);
      g_autofree char *full = plenary_paragraph_dup_full_text (child);

      g_assert_cmpint (child->role, ==, roles[i]);
      if (!g_str_has_prefix (full, starts[i]))
        g_error ("section %u, paragraph %u: “%s” does not start with “%s”", index, i, full, starts[i]);
    }
}

static void
test_import_markdown (void)
{
  g_autoptr(PlenaryDraft) draft = import_fixture ("position-paper-fr.md");
  PlenaryMetadata *metadata = plenary_draft_get_metadata (draft);
  const PlenaryRole P = PLENARY_ROLE_PARAGRAPH, B = PLENARY_ROLE_BULLET;

  g_assert_cmpint (plenary_draft_get_kind (draft), ==, PLENARY_DRAFT_KIND_BRIEF);
  g_assert_cmpstr (plenary_draft_get_language (draft), ==, "fr");
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "forum"), ==, "Conseil économique et social");
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "submitted-by"), ==, "République du Sénégal");
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "question"), ==,
                   "L’intelligence artificielle et l’avenir du travail");

  /* The title over the header is not a section. */
  g_assert_cmpuint (plenary_draft_get_body (draft)->paragraphs->len, ==, 4);
  assert_section (draft, 0, "Contexte", (PlenaryRole[]) { P, P },
                  (const char *[]) { "L’intelligence artificielle transforme", "La question a été inscrite", NULL });
  assert_section (draft, 1, "Action internationale", (PlenaryRole[]) { P, B, B, B, B, P },
                  (const char *[]) { "Plusieurs initiatives", "la Recommandation de l’UNESCO",
                                     "l’Observatoire de l’OIT", "le Pacte numérique mondial",
                                     "les programmes de coopération", "Ces instruments", NULL });
  /* "*" bullets as well as "-" ones. */
  assert_section (draft, 2, "Position de la délégation", (PlenaryRole[]) { P, P, B, B, B, P },
                  (const char *[]) { "Le Sénégal considère", "Notre délégation défend",
                                     "le dialogue social", "la justice numérique",
                                     "la protection sociale", "Le Sénégal soutient", NULL });
  assert_section (draft, 3, "Propositions", (PlenaryRole[]) { P, B, B, B, B, B, P },
                  (const char *[]) { "Notre délégation proposera", "créer un fonds mondial",
                                     "charger l’OIT", "renforcer les centres", "inviter les États Membres",
                                     "soutenir les programmes", "Ces propositions", NULL });
}

static void
test_import_plain_text (void)
{
  g_autoptr(PlenaryDraft) draft = import_fixture ("briefing-note-en.txt");
  PlenaryMetadata *metadata = plenary_draft_get_metadata (draft);
  const PlenaryRole P = PLENARY_ROLE_PARAGRAPH, B = PLENARY_ROLE_BULLET;

  g_assert_cmpint (plenary_draft_get_kind (draft), ==, PLENARY_DRAFT_KIND_BRIEF);
  g_assert_cmpstr (plenary_draft_get_language (draft), ==, "en");
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "forum"), ==, "Second Committee");
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "submitted-by"), ==, "Canada");

  /* Without a topic field, the title over the header is the topic. */
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "question"), ==, "BRIEFING NOTE");

  g_assert_cmpuint (plenary_draft_get_body (draft)->paragraphs->len, ==, 4);
  assert_section (draft, 0, "OBJECTIVE", (PlenaryRole[]) { P },
                  (const char *[]) { "Secure a reference", NULL });
  assert_section (draft, 1, "BACKGROUND", (PlenaryRole[]) { P, P },
                  (const char *[]) { "The draft on artificial", "It has twelve", NULL });
  assert_section (draft, 2, "Talking points", (PlenaryRole[]) { B, B },
                  (const char *[]) { "Canada supports", "Social dialogue", NULL });
  assert_section (draft, 3, "RED LINES", (PlenaryRole[]) { P },
                  (const char *[]) { "No new reporting obligation", NULL });
}

static void
test_round_trip (void)
{
  const char *fixtures[] = { "position-paper-fr.md", "briefing-note-en.txt" };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(PlenaryDraft) draft = import_fixture (fixtures[i]);
      g_autoptr(PlenaryDraft) decoded = NULL;
      g_autoptr(PlenaryDraft) reparsed = NULL;
      g_autoptr(GBytes) encoded = plenary_draft_codec_encode (draft);
      g_autoptr(GBytes) again = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = editor_text (draft);
      gsize length;
      const char *data = g_bytes_get_data (encoded, &length);

      decoded = plenary_draft_codec_decode (data, length, &error);
      g_assert_no_error (error);
      g_assert_cmpint (plenary_draft_get_kind (decoded), ==, PLENARY_DRAFT_KIND_BRIEF);
      g_assert_true (plenary_body_equal (plenary_draft_get_body (draft), plenary_draft_get_body (decoded)));
      again = plenary_draft_codec_encode (decoded);
      g_assert_true (g_bytes_equal (encoded, again));
      /* The JSON holds sections, as the format says. */
      g_assert_nonnull (strstr (data, "\"sections\": ["));
      g_assert_nonnull (strstr (data, "\"role\": \"bullet\""));

      /* Editor text and back gives the same body. */
      reparsed = plenary_draft_new (PLENARY_DRAFT_KIND_BRIEF, plenary_draft_get_language (draft));
      {
        g_autoptr(PlenaryBody) body = plenary_clause_parser_parse (plenary_phrase_dictionary_get_default (plenary_draft_get_language (draft)),
                                                                   text, -1, PLENARY_DRAFT_KIND_BRIEF, NULL);
        /* A draft gives the paragraphs their ids, in order, as the import did. */
        plenary_draft_set_body (reparsed, body);
        g_assert_true (plenary_body_equal (plenary_draft_get_body (draft), plenary_draft_get_body (reparsed)));
      }
    }
}

/* ---- plenary --convert ---------------------------------------------------------------- */

static void
test_convert (void)
{
  g_autofree char *input = g_test_build_filename (G_TEST_DIST, "briefs", "data", "position-paper-fr.md", NULL);
  g_autofree char *pdf = g_build_filename (tmp_root, "convert.pdf", NULL);
  g_autofree char *json = g_build_filename (tmp_root, "convert.plenary.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(PlenaryDraft) imported = import_fixture ("position-paper-fr.md");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_nonnull (plenary_path);

  out = run ((const char *[]) { plenary_path, "--convert", input, pdf, NULL });
  text = pdf_text (pdf);
  assert_in_order (text, (const char *[]) {
    "Contexte", "L’intelligence artificielle transforme",
    "Action internationale", "• la Recommandation de l’UNESCO", "• l’Observatoire de l’OIT",
    "• le Pacte numérique mondial", "Ces instruments",
    "Position de la délégation", "• le dialogue social", "• la justice numérique", "• la protection sociale",
    "Propositions", "• créer un fonds mondial", "• soutenir les programmes", "Ces propositions",
    NULL });
  g_assert_cmpuint (pdf_pages (pdf), ==, plenary_brief_measure (imported).pages);

  g_clear_pointer (&out, g_free);
  out = run ((const char *[]) { plenary_path, "--convert", input, json, NULL });
  g_file_get_contents (json, &contents, &length, &error);
  g_assert_no_error (error);
  draft = plenary_draft_codec_decode (contents, length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plenary_draft_get_kind (draft), ==, PLENARY_DRAFT_KIND_BRIEF);
  g_assert_true (plenary_body_equal (plenary_draft_get_body (draft), plenary_draft_get_body (imported)));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int status;

  /* A data folder of our own, so that user templates from another run or
   * test are not listed. Set before GLib caches it. */
  tmp_root = g_dir_make_tmp ("plenary-briefs-XXXXXX", &error);
  g_assert_no_error (error);
  data_home = g_build_filename (tmp_root, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  if (argc > 1)
    plenary_path = argv[1];

  g_test_add_func ("/briefs/templates/builtin", test_builtin_templates);
  g_test_add_func ("/briefs/templates/list", test_list_templates);
  g_test_add_func ("/briefs/templates/save-structure", test_save_structure);
  g_test_add_func ("/briefs/templates/hints", test_hints);
  g_test_add_func ("/briefs/measure/count-words", test_count_words);
  g_test_add_func ("/briefs/measure/pages", test_measure);
  g_test_add_func ("/briefs/checks", test_checks);
  g_test_add_func ("/briefs/import/markdown", test_import_markdown);
  g_test_add_func ("/briefs/import/plain-text", test_import_plain_text);
  g_test_add_func ("/briefs/import/round-trip", test_round_trip);
  g_test_add_func ("/briefs/convert", test_convert);

  status = g_test_run ();

  remove_tree (tmp_root);
  g_free (tmp_root);

  return status;
}
