/* test-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page layout, checked on the exported PDF itself with poppler-utils.
 */

#include "config.h"

#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "plenary-clause-printer.h"
#include "plenary-page-layout.h"
#include "plenary-pdf-export.h"

static char *tmpdir;

/* --- helpers ------------------------------------------------------------ */

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

static char *
export (PlenaryDraft               *draft,
        const PlenaryLayoutOptions *options,
        const char                 *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmpdir, name, NULL);

  g_assert_true (plenary_pdf_export (draft, path, options, NULL, &error));
  g_assert_no_error (error);

  return path;
}

static char *
pdf_text (const char *path,
          gboolean    layout)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", layout ? "-layout" : "-raw",
                         path, "-", NULL };

  return run (argv);
}

/* Every run of white space (no-break spaces too) as one space. */
static char *
normalize (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }

  return g_string_free (out, FALSE);
}

/* Asserts that NEEDLES occur in HAYSTACK in this order. */
static void
assert_in_order (const char         *haystack,
                 const char * const *needles)
{
  const char *at = haystack;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      const char *found = strstr (at, needles[i]);

      if (found == NULL)
        g_error ("“%s” missing (or out of order) in: %s", needles[i], haystack);
      at = found + strlen (needles[i]);
    }
}

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("G_TEST_SRCDIR"), "layout", "data", name, NULL);
}

/* The body of seeds/002 as kept in data/seed-002-body.txt. */
static PlenaryDraft *
seed_draft (gboolean un_style)
{
  g_autofree char *path = data_path ("seed-002-body.txt");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  PlenaryDraft *draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  PlenaryMetadata *metadata = plenary_draft_get_metadata (draft);
  PlenaryBody *body = plenary_draft_get_body (draft);
  const char *co_sponsors[] = { "République populaire de Chine", "République de l’Inde", NULL };
  const char *signatories[] = { "Brésil", "Afrique du Sud", NULL };

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  plenary_metadata_set_string (metadata, "forum", "Conseil économique et social");
  plenary_metadata_set_string (metadata, "question",
                               "Quelles propositions face aux défis que représente l'I.A. pour le monde du travail ?");
  plenary_metadata_set_string (metadata, "submitted-by",
                               "Российская Федерация (Fédération de Russie)");
  plenary_metadata_set_co_sponsors (metadata, co_sponsors);

  if (un_style)
    {
      plenary_metadata_set_string (metadata, "symbol", "E/2025/L.12");
      plenary_metadata_set_string (metadata, "body", "Conseil économique et social");
      plenary_metadata_set_string (metadata, "session", "Session de 2025");
      plenary_metadata_set_string (metadata, "agenda-item", "5");
      plenary_metadata_set_string (metadata, "date", "2025-06-12");
    }
  else
    plenary_metadata_set_signatories (metadata, signatories);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(PlenaryParagraph) paragraph = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      fields = g_strsplit (lines[i], "|", 3);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);

      if (g_str_equal (fields[0], "opening"))
        plenary_body_set_opening (body, fields[2]);
      else
        {
          paragraph = plenary_paragraph_new (g_str_equal (fields[0], "operative")
                                             ? PLENARY_ROLE_OPERATIVE
                                             : PLENARY_ROLE_PREAMBULAR,
                                             fields[1], fields[2]);
          plenary_body_append (body, paragraph);
        }
    }

  return draft;
}

static void
add_citation (PlenaryDraft *draft,
              const char   *editor,
              const char   *word,
              const char   *source_id,
              gint64        source_start,
              const char   *quote,
              gboolean      show_quote)
{
  const char *found = strstr (editor, word);
  g_autofree char *id = plenary_draft_new_id (draft, "c");
  g_autoptr(PlenaryAnchor) anchor = NULL;
  g_autoptr(PlenaryAnchor) source_anchor = NULL;
  g_autoptr(PlenaryAnnotation) annotation = NULL;
  gint64 start;

  g_assert_nonnull (found);
  start = g_utf8_pointer_to_offset (editor, found);
  anchor = plenary_anchor_new (PLENARY_ANCHOR_TARGET_DRAFT, word, "", "",
                               start, start + g_utf8_strlen (word, -1));
  source_anchor = plenary_anchor_new (source_id, quote, "", "",
                                      source_start, source_start + g_utf8_strlen (quote, -1));
  annotation = plenary_annotation_new (id, PLENARY_ANNOTATION_CITATION, anchor);
  plenary_annotation_set_source_anchor (annotation, source_anchor);
  plenary_annotation_set_show_quote (annotation, show_quote);
  g_list_store_append (plenary_draft_get_annotations (draft), annotation);
}

static char *
editor_text (PlenaryDraft *draft)
{
  return plenary_clause_printer_print (plenary_draft_get_body (draft),
                                       plenary_draft_get_kind (draft),
                                       plenary_draft_get_language (draft),
                                       PLENARY_PRINT_EDITOR);
}

/* --- tests -------------------------------------------------------------- */

static void
test_seed_un (void)
{
  g_autoptr(PlenaryDraft) draft = seed_draft (TRUE);
  g_autofree char *path = export (draft, NULL, "seed-un.pdf");
  g_autofree char *raw = pdf_text (path, FALSE);
  g_autofree char *text = normalize (raw);
  const char *heading[] = {
    "Nations Unies", "E/2025/L.12",
    "Conseil économique et social", "Distr. limitée", "12 juin 2025", "Original : français",
    "Session de 2025", "Point 5 de l’ordre du jour",
    "Российская Федерация (Fédération de Russie), République populaire de Chine "
    "et République de l’Inde : projet de résolution",
    "Quelles propositions face aux défis que représente l'I.A. pour le monde du travail ?",
    "L'Assemblée générale,",
    NULL
  };
  const char *body[] = {
    "L'Assemblée générale,",
    "Considérant que l'intelligence artificielle",
    "Réaffirmant les dispositions", "Saluant la prise de position",
    "Saluant la coopération internationale", "Affirmant la nécessité",
    "Se positionnant avec détermination", "Estimant qu'il est mission",
    "1. Encourage l'ensemble des États membres", "2. Encourage les États et les acteurs privés",
    "3. Demande aux Etats développés", "4. Encourage les transferts",
    "5. Salue les initiatives", "6. Initie la réflexion", "7. Incite les Etats",
    "8. Décide de rester activement saisi de la question.",
    NULL
  };
  g_autofree char *info = NULL;
  const char *pdfinfo[] = { "pdfinfo", path, NULL };

  assert_in_order (text, heading);
  assert_in_order (text, body);
  g_assert_null (strstr (text, "9. "));

  info = run (pdfinfo);
  g_assert_nonnull (strstr (info, "Title:           E/2025/L.12"));
  g_assert_nonnull (strstr (info, "Author:          Российская Федерация (Fédération de Russie)"));
  g_assert_nonnull (strstr (info, "Subject:         Quelles propositions face aux défis"));
  g_assert_nonnull (strstr (info, "(A4)"));
}

static void
test_seed_mun (void)
{
  g_autoptr(PlenaryDraft) draft = seed_draft (FALSE);
  g_autofree char *path = export (draft, NULL, "seed-mun.pdf");
  g_autofree char *raw = pdf_text (path, FALSE);
  g_autofree char *text = normalize (raw);
  const char *expected[] = {
    "Projet de résolution",
    "Commission : Conseil économique et social",
    "Question : Quelles propositions face aux défis que représente l'I.A. pour le monde du travail ?",
    "Présenté par : Российская Федерация (Fédération de Russie)",
    "Coauteurs : République populaire de Chine, République de l’Inde",
    "Signataires : Brésil, Afrique du Sud",
    "L'Assemblée générale,", "Considérant", "Estimant", "1. Encourage", "8. Décide",
    NULL
  };

  assert_in_order (text, expected);
  /* No symbol: no masthead. */
  g_assert_null (strstr (text, "Distr."));
  g_assert_null (strstr (text, "Original"));
}

static void
test_fonts (void)
{
  g_autoptr(PlenaryDraft) draft = seed_draft (TRUE);
  g_autofree char *path = export (draft, NULL, "fonts.pdf");
  const char *argv[] = { "pdffonts", path, NULL };
  g_autofree char *fonts = run (argv);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  gboolean italic = FALSE, regular = FALSE, bold = FALSE;

  g_assert_null (strstr (fonts, "Type 3"));

  for (guint i = 2; lines[i] != NULL; i++)
    {
      gboolean embedded;

      if (lines[i][0] == '\0')
        continue;
      embedded = strstr (lines[i], " yes ") != NULL;
      g_assert_true (embedded);
      if (strstr (lines[i], "Serif-Italic") || strstr (lines[i], "Serif-Oblique"))
        italic = TRUE;
      else if (strstr (lines[i], "Serif-Bold ") || strstr (lines[i], "Serif-Bold,"))
        bold = TRUE;
      else if (strstr (lines[i], "Serif "))
        regular = TRUE;
    }

  if (!italic || !regular || !bold)
    g_error ("missing faces (italic %d, regular %d, bold %d) in:\n%s", italic, regular, bold, fonts);
}

static PlenaryDraft *
draft_with_subparagraphs (const char *language)
{
  gboolean fr = g_str_equal (language, "fr");
  PlenaryDraft *draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, language);
  PlenaryMetadata *metadata = plenary_draft_get_metadata (draft);
  PlenaryBody *body = plenary_draft_get_body (draft);
  g_autoptr(PlenaryParagraph) preamble = NULL;
  g_autoptr(PlenaryParagraph) operative = NULL;
  g_autoptr(PlenaryParagraph) second = NULL;
  const char *names[] = { "alpha", "bravo", "charlie" };

  plenary_metadata_set_string (metadata, "symbol", "A/80/L.3");
  plenary_metadata_set_string (metadata, "body", fr ? "Assemblée générale" : "General Assembly");
  plenary_metadata_set_string (metadata, "agenda-item", "5");
  plenary_metadata_set_string (metadata, "submitted-by", "Norway");
  plenary_metadata_set_string (metadata, "question", fr ? "Les océans" : "Oceans");
  plenary_body_set_opening (body, fr ? "L'Assemblée générale," : "The General Assembly,");
  preamble = plenary_paragraph_new (PLENARY_ROLE_PREAMBULAR, fr ? "Rappelant" : "Recalling",
                                    fr ? "ses résolutions antérieures," : "its earlier resolutions,");
  plenary_body_append (body, preamble);
  operative = plenary_paragraph_new (PLENARY_ROLE_OPERATIVE, fr ? "Décide" : "Decides",
                                     fr ? "ce qui suit :" : "the following:");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *text = g_strdup_printf ("sub %s;", names[i]);
      g_autoptr(PlenaryParagraph) sub = plenary_paragraph_new (PLENARY_ROLE_SUBPARAGRAPH, NULL, text);

      if (i == 1)
        for (guint j = 0; j < 2; j++)
          {
            g_autofree char *deep_text = g_strdup_printf ("deep %s %u;", names[i], j);
            g_autoptr(PlenaryParagraph) deep = plenary_paragraph_new (PLENARY_ROLE_SUBPARAGRAPH,
                                                                      NULL, deep_text);
            plenary_paragraph_append_child (sub, deep);
          }
      plenary_paragraph_append_child (operative, sub);
    }
  plenary_body_append (body, operative);
  second = plenary_paragraph_new (PLENARY_ROLE_OPERATIVE, fr ? "Prie" : "Requests",
                                  fr ? "le Secrétaire général de faire rapport." :
                                       "the Secretary-General to report.");
  plenary_body_append (body, second);

  return draft;
}

static void
test_english_labels (void)
{
  g_autoptr(PlenaryDraft) draft = draft_with_subparagraphs ("en");
  g_autofree char *path = export (draft, NULL, "english.pdf");
  g_autofree char *raw = pdf_text (path, FALSE);
  g_autofree char *text = normalize (raw);
  const char *expected[] = {
    "United Nations", "A/80/L.3", "General Assembly", "Distr.: Limited", "Original: English",
    "Agenda item 5", "Norway: draft resolution", "Oceans",
    "The General Assembly,", "Recalling its earlier resolutions,",
    "1. Decides the following:", "(a) sub alpha;", "(b) sub bravo;",
    "(i) deep bravo 0;", "(ii) deep bravo 1;", "(c) sub charlie;",
    "2. Requests the Secretary-General to report.",
    NULL
  };

  assert_in_order (text, expected);
  g_assert_null (strstr (text, "Soumis"));
}

static void
test_french_labels (void)
{
  g_autoptr(PlenaryDraft) draft = draft_with_subparagraphs ("fr");
  g_autofree char *path = export (draft, NULL, "french.pdf");
  g_autofree char *raw = pdf_text (path, FALSE);
  g_autofree char *text = normalize (raw);
  const char *expected[] = {
    "Nations Unies", "A/80/L.3", "Assemblée générale", "Distr. limitée", "Original : français",
    "Point 5 de l’ordre du jour", "Norway : projet de résolution", "Les océans",
    "L'Assemblée générale,", "Rappelant ses résolutions antérieures,",
    "1. Décide ce qui suit :", "a) sub alpha;", "b) sub bravo;",
    "i) deep bravo 0;", "ii) deep bravo 1;", "c) sub charlie;",
    "2. Prie le Secrétaire général de faire rapport.",
    NULL
  };

  assert_in_order (text, expected);
  g_assert_null (strstr (text, "(a)"));
  g_assert_null (strstr (text, "Submitted"));
}

/* A committee draft without a symbol yet: the masthead names body, session
 * and committee, and one line the sponsors joined as the language joins. */
static void
test_committee_masthead (gconstpointer data)
{
  const char *language = data;
  gboolean fr = g_str_equal (language, "fr");
  g_autoptr(PlenaryDraft) draft = draft_with_subparagraphs (language);
  PlenaryMetadata *metadata = plenary_draft_get_metadata (draft);
  const char *co_sponsors_fr[] = { "France", "Sénégal", NULL };
  const char *co_sponsors_en[] = { "Senegal", NULL };
  g_autofree char *path = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  const char *expected_fr[] = {
    "Nations Unies", "Assemblée générale", "Distr. limitée",
    "Quatre-vingtième session", "Troisième Commission", "Point 5 de l’ordre du jour",
    "Belgique, Côte d'Ivoire, France et Sénégal : projet de résolution", "Les océans",
    NULL
  };
  const char *expected_en[] = {
    "United Nations", "General Assembly", "Distr.: Limited",
    "Eightieth session", "Third Committee", "Agenda item 5",
    "Belgium, France and Senegal: draft resolution", "Oceans",
    NULL
  };

  plenary_metadata_set_string (metadata, "symbol", "");
  plenary_metadata_set_string (metadata, "session", fr ? "Quatre-vingtième session" : "Eightieth session");
  plenary_metadata_set_string (metadata, "forum", fr ? "Troisième Commission" : "Third Committee");
  plenary_metadata_set_string (metadata, "submitted-by", fr ? "Belgique, Côte d'Ivoire" : "Belgium; France");
  plenary_metadata_set_co_sponsors (metadata, fr ? co_sponsors_fr : co_sponsors_en);

  path = export (draft, NULL, fr ? "committee-fr.pdf" : "committee-en.pdf");
  raw = pdf_text (path, FALSE);
  text = normalize (raw);
  assert_in_order (text, fr ? expected_fr : expected_en);
  g_assert_null (strstr (text, fr ? "Soumis par" : "Submitted by"));
  g_assert_null (strstr (text, fr ? "Coauteurs" : "Co-sponsors"));
}

static void
test_brief (void)
{
  PlenaryLayoutOptions options;
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_BRIEF, "fr");
  PlenaryMetadata *metadata = plenary_draft_get_metadata (draft);
  PlenaryBody *body = plenary_draft_get_body (draft);
  g_autoptr(PlenaryParagraph) heading = plenary_paragraph_new (PLENARY_ROLE_HEADING, NULL, "Contexte");
  g_autoptr(PlenaryParagraph) heading2 = plenary_paragraph_new (PLENARY_ROLE_HEADING, NULL, "Position");
  g_autoptr(PlenaryParagraph) para = plenary_paragraph_new (PLENARY_ROLE_PARAGRAPH, NULL,
                                                            "Le travail change vite.");
  g_autoptr(PlenaryParagraph) bullet = plenary_paragraph_new (PLENARY_ROLE_BULLET, NULL,
                                                              "Former les travailleurs.");
  g_autoptr(PlenarySource) source = plenary_source_new ("s1", "Rapport de l’OIT", "oit.pdf",
                                                        "application/pdf", "abc le texte cité");
  g_autofree char *editor = NULL;
  g_autofree char *path = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  const gint64 starts[] = { 0, 4 };
  g_autoptr(PlenaryParagraph) empty = plenary_paragraph_new (PLENARY_ROLE_HEADING, NULL, "Résumé");
  g_autoptr(PlenaryParagraph) hint = plenary_paragraph_new (PLENARY_ROLE_PARAGRAPH, NULL,
                                                            "Formulez des solutions concrètes et réalistes que votre "
                                                            "délégation défendra en commission, en précisant qui agit, "
                                                            "avec quels moyens et dans quel délai.");
  g_autoptr(JsonObject) extra = json_object_new ();
  const char *expected[] = {
    "Note de position", "Délégation : France", "Commission : OIT", "Date : 14 mars 2026",
    "L’avenir du travail",
    "1. Résumé", "2. Contexte", "Le travail change vite1", "3. Position", "• Former les travailleurs.",
    "Rapport de l’OIT, p. 2 : « le texte cité ».",
    NULL
  };

  plenary_metadata_set_string (metadata, "submitted-by", "France");
  plenary_metadata_set_string (metadata, "forum", "OIT");
  plenary_metadata_set_string (metadata, "question", "L’avenir du travail");
  plenary_metadata_set_string (metadata, "date", "2026-03-14");
  json_object_set_string_member (extra, "paper", "position-paper");
  plenary_metadata_set_extra (metadata, extra);
  plenary_paragraph_append_child (heading, para);
  /* A hint of the templates left in: never printed. */
  plenary_paragraph_append_child (heading2, hint);
  plenary_paragraph_append_child (heading2, bullet);
  /* An empty section first: the citation below still finds its line. */
  plenary_body_append (body, empty);
  plenary_body_append (body, heading);
  plenary_body_append (body, heading2);
  plenary_source_set_page_starts (source, starts, G_N_ELEMENTS (starts));
  g_list_store_append (plenary_draft_get_sources (draft), source);
  editor = editor_text (draft);
  add_citation (draft, editor, "change vite", "s1", 4, "le texte cité", TRUE);

  plenary_layout_options_init (&options);
  options.numbered_headings = TRUE;
  path = export (draft, &options, "brief.pdf");
  raw = pdf_text (path, FALSE);
  text = normalize (raw);
  assert_in_order (text, expected);
  g_assert_null (strstr (text, "Formulez des solutions"));
}

static void
test_letter_and_line_numbers (void)
{
  PlenaryLayoutOptions options;
  g_autoptr(PlenaryDraft) draft = seed_draft (FALSE);
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *raw = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("^ *1 +L'Assemblée générale,$", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GRegex) second = g_regex_new ("^ *2 +Considérant", G_REGEX_MULTILINE, 0, NULL);

  plenary_layout_options_init (&options);
  options.paper = PLENARY_PAPER_LETTER;
  options.line_numbers = TRUE;
  path = export (draft, &options, "letter.pdf");

  info = run ((const char *[]) { "pdfinfo", path, NULL });
  g_assert_nonnull (strstr (info, "612 x 792 pts (letter)"));

  raw = pdf_text (path, TRUE);
  g_assert_true (g_regex_match (regex, raw, 0, NULL));
  g_assert_true (g_regex_match (second, raw, 0, NULL));
}

static void
test_unwritable (void)
{
  g_autoptr(PlenaryDraft) draft = seed_draft (TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "missing", "folder", "out.pdf", NULL);

  g_assert_false (plenary_pdf_export (draft, path, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "out.pdf"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* 5,000 operative paragraphs, a citation every 20 paragraphs. */
static void
test_long_draft (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  PlenaryMetadata *metadata = plenary_draft_get_metadata (draft);
  PlenaryBody *body = plenary_draft_get_body (draft);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *editor = NULL;
  g_autofree char *path = NULL;
  g_autofree char *raw = NULL;
  g_auto(GStrv) pages = NULL;
  const char *words[] = { "développement", "coopération", "travail", "États", "emploi",
                          "numérique", "durable", "organisation", "économique", "mondial" };
  const char *cursor;
  guint n_pages;
  guint n_citations = 0;
  g_autofree char *text = NULL;

  plenary_metadata_set_string (metadata, "forum", "Commission longue");
  plenary_metadata_set_string (metadata, "question", "Un très long projet");
  plenary_body_set_opening (body, "L'Assemblée générale,");

  for (guint i = 1; i <= 5000; i++)
    {
      g_autoptr(GString) para = g_string_new (NULL);
      g_autoptr(PlenaryParagraph) paragraph = NULL;
      guint n = g_rand_int_range (rand, 15, 60);

      for (guint w = 0; w < n; w++)
        {
          g_string_append (para, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
          g_string_append_c (para, ' ');
          if (w == n / 2 && i % 20 == 10)
            g_string_append_printf (para, "ancre%05u ", i);
        }
      g_string_append (para, "fin ;");
      paragraph = plenary_paragraph_new (PLENARY_ROLE_OPERATIVE, "Décide", para->str);
      plenary_body_append (body, paragraph);
    }

  /* A source for each citation, so that each footnote says which one it is. */
  editor = editor_text (draft);
  cursor = editor;
  for (guint i = 10; i <= 5000; i += 20)
    {
      g_autofree char *word = g_strdup_printf ("ancre%05u", i);
      g_autofree char *id = g_strdup_printf ("src%05u", i);
      g_autofree char *title = g_strdup_printf ("Source numéro %05u", i);
      g_autoptr(PlenarySource) own = plenary_source_new (id, title, "", "text/plain", "texte");
      const char *found = strstr (cursor, word);
      gint64 start;
      g_autoptr(PlenaryAnchor) anchor = NULL;
      g_autoptr(PlenaryAnchor) source_anchor = NULL;
      g_autoptr(PlenaryAnnotation) annotation = NULL;
      g_autofree char *annotation_id = g_strdup_printf ("c%u", i);

      g_assert_nonnull (found);
      start = g_utf8_pointer_to_offset (editor, found);
      cursor = found;
      g_list_store_append (plenary_draft_get_sources (draft), own);
      anchor = plenary_anchor_new (PLENARY_ANCHOR_TARGET_DRAFT, word, "", "", start, start + 10);
      source_anchor = plenary_anchor_new (id, "texte", "", "", 0, 5);
      annotation = plenary_annotation_new (annotation_id, PLENARY_ANNOTATION_CITATION, anchor);
      plenary_annotation_set_source_anchor (annotation, source_anchor);
      g_list_store_append (plenary_draft_get_annotations (draft), annotation);
    }

  path = export (draft, NULL, "long.pdf");
  raw = pdf_text (path, FALSE);
  pages = g_strsplit (raw, "\f", -1);
  n_pages = g_strv_length (pages);
  if (n_pages > 0 && pages[n_pages - 1][0] == '\0')
    n_pages--;
  g_assert_cmpuint (n_pages, >=, 200);
  g_assert_cmpuint (n_pages, <=, 600);

  /* Numbers run on from 1 to 5000 across pages. */
  text = normalize (raw);
  cursor = text;
  for (guint i = 1; i <= 5000; i++)
    {
      g_autofree char *needle = g_strdup_printf (" %u. Décide ", i);
      const char *found = strstr (cursor, needle);

      if (found == NULL)
        g_error ("operative paragraph %u missing or out of order", i);
      cursor = found + strlen (needle);
    }
  g_assert_null (strstr (cursor, " 5001. "));

  /* Each footnote on the page of its marker, numbered in order. */
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *page = normalize (pages[p]);
      const char *at = page;

      while ((at = strstr (at, "ancre")) != NULL)
        {
          g_autofree char *digits = g_strndup (at + 5, 5);
          guint number = (guint) g_ascii_strtoull (digits, NULL, 10);
          guint footnote = (number - 10) / 20 + 1;
          g_autofree char *marker = g_strdup_printf ("ancre%05u%u", number, footnote);
          g_autofree char *note = g_strdup_printf ("%u Source numéro %05u", footnote, number);

          if (!g_str_has_prefix (at, marker))
            g_error ("page %u: marker %u missing after ancre%05u", p + 1, footnote, number);
          if (strstr (page, note) == NULL)
            g_error ("page %u: footnote “%s” not on the page of its marker", p + 1, note);
          n_citations++;
          at += 5;
        }
    }
  g_assert_cmpuint (n_citations, ==, 250);
}

/* Paragraphs of PREFIX words "qNNNN" of random lengths. */
static PlenaryDraft *
widow_draft (guint n_paragraphs)
{
  PlenaryDraft *draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  PlenaryBody *body = plenary_draft_get_body (draft);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  plenary_metadata_set_string (plenary_draft_get_metadata (draft), "forum", "Veuves");
  for (guint i = 1; i <= n_paragraphs; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(PlenaryParagraph) paragraph = NULL;
      guint n = g_rand_int_range (rand, 6, 80);

      for (guint w = 0; w < n; w++)
        g_string_append_printf (text, "%sq%04u", w > 0 ? " " : "", i);
      paragraph = plenary_paragraph_new (PLENARY_ROLE_OPERATIVE, "Décide", text->str);
      plenary_body_append (body, paragraph);
    }

  return draft;
}

/* The paragraph a line of pdftotext -layout belongs to, 0 for none. */
static guint
line_paragraph (const char *line)
{
  const char *q = line;

  while ((q = strchr (q, 'q')) != NULL)
    {
      if (g_ascii_isdigit (q[1]) && g_ascii_isdigit (q[4]))
        return (guint) g_ascii_strtoull (q + 1, NULL, 10);
      q++;
    }

  return 0;
}

/* How many page breaks leave one line of a paragraph alone. */
static guint
count_lone_lines (const char *path)
{
  g_autofree char *raw = pdf_text (path, TRUE);
  g_auto(GStrv) pages = g_strsplit (raw, "\f", -1);
  guint last_id = 0, last_count = 0;
  guint lone = 0;
  guint splits = 0;

  for (guint p = 0; pages[p] != NULL && pages[p][0] != '\0'; p++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[p], "\n", -1);
      guint first_id = 0, first_count = 0, id = 0, count = 0;

      for (guint l = 0; lines[l] != NULL; l++)
        {
          guint line_id = line_paragraph (lines[l]);

          if (line_id == 0)
            continue;
          if (line_id == id)
            count++;
          else
            {
              if (first_id == 0)
                {
                  first_id = id;
                  first_count = count;
                }
              id = line_id;
              count = 1;
            }
        }
      if (first_id == 0)
        {
          first_id = id;
          first_count = count;
        }

      if (p > 0 && first_id == last_id)
        {
          splits++;
          if (first_count == 1 || last_count == 1)
            lone++;
        }
      last_id = id;
      last_count = count;
    }

  /* The draft must split paragraphs across pages for the test to mean anything. */
  g_assert_cmpuint (splits, >, 3);

  return lone;
}

static void
test_widow_orphan (void)
{
  PlenaryLayoutOptions options;
  g_autoptr(PlenaryDraft) draft = widow_draft (150);
  g_autofree char *loose = NULL;
  g_autofree char *kept = NULL;

  plenary_layout_options_init (&options);
  options.widow_control = FALSE;
  loose = export (draft, &options, "widow-off.pdf");
  /* Without the control, this draft does leave lone lines... */
  g_assert_cmpuint (count_lone_lines (loose), >, 0);

  /* ...and with it (the default), none. */
  kept = export (draft, NULL, "widow-on.pdf");
  g_assert_cmpuint (count_lone_lines (kept), ==, 0);
}

/* Mean grey level of BLOCK x BLOCK squares, and the ink bounding box. */
static double *
downscale (cairo_surface_t *image,
           guint            block,
           guint           *columns,
           guint           *rows,
           int              box[4])
{
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  const guchar *data;
  double *cells;

  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  *columns = width / block;
  *rows = height / block;
  cells = g_new0 (double, *columns * *rows);
  box[0] = width; box[1] = height; box[2] = 0; box[3] = 0;

  for (int y = 0; y < (int)(*rows * block); y++)
    for (int x = 0; x < (int)(*columns * block); x++)
      {
        guint32 pixel = *(const guint32 *)(data + y * stride + x * 4);
        double grey = (((pixel >> 16) & 0xff) + ((pixel >> 8) & 0xff) + (pixel & 0xff)) / 3.0;

        cells[(y / block) * *columns + x / block] += grey / (block * block);
        if (grey < 128)
          {
            box[0] = MIN (box[0], x); box[1] = MIN (box[1], y);
            box[2] = MAX (box[2], x); box[3] = MAX (box[3], y);
          }
      }

  return cells;
}

static void
test_reference_image (void)
{
  g_autoptr(PlenaryDraft) draft = seed_draft (TRUE);
  g_autofree char *path = export (draft, NULL, "reference.pdf");
  g_autofree char *prefix = g_build_filename (tmpdir, "page", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  g_autofree char *reference = data_path ("seed-un-page1.png");
  const char *argv[] = { "pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png",
                         "-singlefile", path, prefix, NULL };
  g_autofree char *out = run (argv);
  const char *update = g_getenv ("PLENARY_UPDATE_REFERENCE");
  cairo_surface_t *actual, *expected;
  g_autofree double *a = NULL;
  g_autofree double *b = NULL;
  guint ac, ar, bc, br;
  int abox[4], bbox[4];
  double difference = 0;

  if (update != NULL)
    {
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (update, contents, length, NULL));
    }

  actual = cairo_image_surface_create_from_png (png);
  expected = cairo_image_surface_create_from_png (reference);
  g_assert_cmpint (cairo_surface_status (actual), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_status (expected), ==, CAIRO_STATUS_SUCCESS);

  a = downscale (actual, 8, &ac, &ar, abox);
  b = downscale (expected, 8, &bc, &br, bbox);
  g_assert_cmpuint (ac, ==, bc);
  g_assert_cmpuint (ar, ==, br);

  for (guint i = 0; i < ac * ar; i++)
    difference += ABS (a[i] - b[i]);
  difference /= ac * ar;
  g_test_message ("mean grey difference %.2f", difference);
  g_assert_cmpfloat (difference, <, 6.0);

  /* A blank or misplaced page would move the ink box. */
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (ABS (abox[i] - bbox[i]), <, 12);

  cairo_surface_destroy (actual);
  cairo_surface_destroy (expected);
}

static cairo_surface_t *
draw_to_image (PlenaryPageLayout *layout,
               guint              page)
{
  double width, height;
  cairo_surface_t *image;
  cairo_t *cr;

  plenary_page_layout_get_page_size (layout, &width, &height);
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width * 50 / 72, height * 50 / 72);
  cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 50.0 / 72.0, 50.0 / 72.0);
  plenary_page_layout_draw_page (layout, cr, page);
  cairo_destroy (cr);

  return image;
}

static double
image_difference (cairo_surface_t *a,
                  cairo_surface_t *b)
{
  g_autofree double *ca = NULL;
  g_autofree double *cb = NULL;
  guint ac, ar, bc, br;
  int abox[4], bbox[4];
  double difference = 0;

  ca = downscale (a, 8, &ac, &ar, abox);
  cb = downscale (b, 8, &bc, &br, bbox);
  g_assert_cmpuint (ac, ==, bc);
  g_assert_cmpuint (ar, ==, br);
  for (guint i = 0; i < ac * ar; i++)
    difference += ABS (ca[i] - cb[i]);

  return difference / (ac * ar);
}

/* What a print preview does: one page per step, drawing pages as they come,
 * and drawing them again after the cache forgot their paragraphs. */
static void
test_incremental (void)
{
  g_autoptr(PlenaryDraft) draft = widow_draft (600);
  g_autoptr(PlenaryPageLayout) layout = plenary_page_layout_new (draft, NULL);
  g_autofree char *path = export (draft, NULL, "incremental.pdf");
  g_autofree char *prefix = g_build_filename (tmpdir, "incremental", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  const char *pdfinfo[] = { "pdfinfo", path, NULL };
  const char *pdftoppm[] = { "pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png",
                             "-singlefile", path, prefix, NULL };
  g_autofree char *info = run (pdfinfo);
  g_autofree char *out = run (pdftoppm);
  g_autofree char *pages_line = NULL;
  cairo_surface_t *early, *late, *poppler;
  guint steps = 1;

  g_assert_false (plenary_page_layout_paginate_step (layout));
  g_assert_cmpuint (plenary_page_layout_get_n_pages (layout), ==, 1);
  early = draw_to_image (layout, 0);

  while (!plenary_page_layout_paginate_step (layout))
    {
      steps++;
      g_assert_cmpuint (plenary_page_layout_get_n_pages (layout), ==, steps);
    }
  g_assert_true (plenary_page_layout_paginate_step (layout));

  pages_line = g_strdup_printf ("Pages:           %u\n", plenary_page_layout_get_n_pages (layout));
  g_assert_nonnull (strstr (info, pages_line));
  g_assert_cmpuint (plenary_page_layout_get_n_pages (layout), >, 40);

  late = draw_to_image (layout, 0);
  g_assert_cmpfloat (image_difference (early, late), ==, 0.0);

  poppler = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (poppler), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpfloat (image_difference (early, poppler), <, 3.0);

  cairo_surface_destroy (early);
  cairo_surface_destroy (late);
  cairo_surface_destroy (poppler);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  tmpdir = g_dir_make_tmp ("plenary-layout-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);

  g_test_add_func ("/layout/seed/un", test_seed_un);
  g_test_add_func ("/layout/seed/mun", test_seed_mun);
  g_test_add_func ("/layout/fonts", test_fonts);
  g_test_add_func ("/layout/labels/english", test_english_labels);
  g_test_add_func ("/layout/labels/french", test_french_labels);
  g_test_add_data_func ("/layout/masthead/committee-fr", "fr", test_committee_masthead);
  g_test_add_data_func ("/layout/masthead/committee-en", "en", test_committee_masthead);
  g_test_add_func ("/layout/brief", test_brief);
  g_test_add_func ("/layout/letter-line-numbers", test_letter_and_line_numbers);
  g_test_add_func ("/layout/unwritable", test_unwritable);
  g_test_add_func ("/layout/long-draft", test_long_draft);
  g_test_add_func ("/layout/widow-orphan", test_widow_orphan);
  g_test_add_func ("/layout/reference-image", test_reference_image);
  g_test_add_func ("/layout/incremental", test_incremental);

  ret = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *file = g_build_filename (tmpdir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (tmpdir);
    g_free (tmpdir);
  }

  return ret;
}
