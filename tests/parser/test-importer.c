/* test-importer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plenary-clause-parser.h"
#include "plenary-draft-codec.h"
#include "plenary-importer.h"
#include "plenary-clause-checker.h"
#include "plenary-clause-printer.h"
#include "plenary-text-decoder.h"

#define NBSP "\u00a0"

static PlenaryParagraph *
top (PlenaryDraft *draft,
     guint         i)
{
  PlenaryBody *body = plenary_draft_get_body (draft);

  g_assert_cmpuint (i, <, body->paragraphs->len);
  return g_ptr_array_index (body->paragraphs, i);
}

/* Report entries that contain WORD. */
static guint
count_entries (GPtrArray  *warnings,
               const char *word)
{
  guint n = 0;

  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    n += strstr (((PlenaryParseWarning *) g_ptr_array_index (warnings, i))->message, word) != NULL;
  return n;
}

static PlenaryDraft *
import_string (const char  *text,
               const char  *filename,
               const char  *language,
               GPtrArray  **warnings)
{
  g_autoptr(GError) error = NULL;
  PlenaryDraft *draft = plenary_importer_import (text, strlen (text), filename, language, warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (draft);
  return draft;
}

static void
test_seed (void)
{
  static const char *preambular[] = {
    "Considérant", "Réaffirmant", "Saluant", "Saluant", "Affirmant", "Se positionnant", "Estimant",
  };
  static const char *operative[] = {
    "Encourage", "Encourage", "Demande", "Encourage", "Salue", "Initie", "Incite", "Décide",
  };
  g_autofree char *path = g_build_filename (g_getenv ("PLENARY_SOURCE_ROOT"), "seeds", "002_bd2df5d90447aa0b.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenaryDraft) draft = NULL;
  PlenaryPhraseDictionary *fr = plenary_phrase_dictionary_get_default ("fr");
  PlenaryMetadata *metadata;
  PlenaryBody *body;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);

  /* Markdown in a .txt file: recognised from the content. */
  g_assert_cmpint (plenary_importer_detect_format (contents, len, "002_bd2df5d90447aa0b.txt"), ==,
                   PLENARY_IMPORT_FORMAT_MARKDOWN);
  g_assert_cmpint (plenary_importer_detect_format (contents, len, NULL), ==, PLENARY_IMPORT_FORMAT_MARKDOWN);

  draft = plenary_importer_import (contents, len, path, NULL, &warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);
  g_assert_cmpint (plenary_draft_get_kind (draft), ==, PLENARY_DRAFT_KIND_RESOLUTION);
  g_assert_cmpstr (plenary_draft_get_language (draft), ==, "fr");

  metadata = plenary_draft_get_metadata (draft);
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "forum"), ==, "Conseil économique et social");
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "question"), ==,
                   "Quelles propositions face aux défis que représente l'I.A. pour le monde du travail ?");
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "submitted-by"), ==,
                   "Российская Федерация (Fédération de Russie)");
  /* The opening formula names the body adopting the text. */
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "body"), ==, "Assemblée générale");

  body = plenary_draft_get_body (draft);
  g_assert_cmpstr (body->opening, ==, "L'Assemblée générale,");
  g_assert_cmpuint (body->paragraphs->len, ==, G_N_ELEMENTS (preambular) + G_N_ELEMENTS (operative));

  for (guint i = 0; i < G_N_ELEMENTS (preambular); i++)
    {
      PlenaryParagraph *paragraph = top (draft, i);

      g_assert_cmpint (paragraph->role, ==, PLENARY_ROLE_PREAMBULAR);
      g_assert_cmpstr (paragraph->phrase, ==, preambular[i]);
      g_assert_cmpuint (paragraph->children->len, ==, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (operative); i++)
    {
      PlenaryParagraph *paragraph = top (draft, G_N_ELEMENTS (preambular) + i);

      g_assert_cmpint (paragraph->role, ==, PLENARY_ROLE_OPERATIVE);
      g_assert_cmpstr (paragraph->phrase, ==, operative[i]);
    }

  /* The text starts right after the phrase; links keep their text. */
  g_assert_true (g_str_has_prefix (top (draft, 0)->text, "que l'intelligence artificielle représente"));
  g_assert_true (g_str_has_prefix (top (draft, 1)->text, "les dispositions de la résolution du CES 78/L.49 du 11 mars 2024"));
  g_assert_true (g_str_has_prefix (top (draft, 2)->text, "la prise de position du président"));
  g_assert_true (g_str_has_prefix (top (draft, 5)->text, "avec détermination dans la perspective"));
  g_assert_true (g_str_has_prefix (top (draft, 7)->text, "l'ensemble des États membres"));
  g_assert_true (g_str_has_suffix (top (draft, 9)->text, "violant l'article 1 alinéa 3 de la Charte des Nations Unies ;"));
  g_assert_cmpstr (top (draft, 14)->text, ==, "de rester activement saisi de la question.");
  g_assert_null (strchr (top (draft, 0)->text, '*'));

  /* Numbers 1 to 8 were right: no warning about them; the report says
   * what the text was read as. */
  g_assert_cmpuint (warnings->len, >, 0);
  g_assert_nonnull (strstr (((PlenaryParseWarning *) g_ptr_array_index (warnings, 0))->message, "resolution"));
  for (guint i = 0; i < warnings->len; i++)
    g_assert_null (strstr (((PlenaryParseWarning *) g_ptr_array_index (warnings, i))->message, "number"));

  /* "Se positionnant" is not in the dictionary: still preambular, with a hint. */
  g_assert_null (plenary_phrase_dictionary_find_entry (fr, "Se positionnant"));
  g_assert_nonnull (plenary_phrase_dictionary_find_entry (fr, "Considérant"));
}

static void
test_markdown_english (void)
{
  g_autoptr(PlenaryDraft) draft = NULL;
  PlenaryMetadata *metadata;
  const char * const *co_sponsors;
  const char * const *signatories;

  draft = import_string ("# Draft resolution\n\n"
                         "**Committee:** Security Council\n"
                         "**Topic:** Protection of civilians\n"
                         "**Submitted by:** France\n"
                         "**Co-sponsors:** Germany, Japan\n"
                         "**Signatories:** Brazil; Kenya; India\n"
                         "**Symbol:** S/2024/100\n"
                         "**Session:** 79th\n"
                         "**Agenda item:** 12\n"
                         "**Date:** 1 March 2024\n"
                         "**Body** : Security Council\n\n"
                         "---\n\n"
                         "The Security Council,\n\n"
                         "*Recalling* its resolution 2719 (2023),\n\n"
                         "_Deeply concerned by_ attacks against [civilians](https://example.org),\n\n"
                         "1. *Demands* that all parties respect international law;\n"
                         "2. *Decides* to remain seized of the matter.\n",
                         "draft.md", NULL, NULL);

  g_assert_cmpstr (plenary_draft_get_language (draft), ==, "en");
  metadata = plenary_draft_get_metadata (draft);
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "forum"), ==, "Security Council");
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "question"), ==, "Protection of civilians");
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "submitted-by"), ==, "France");
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "symbol"), ==, "S/2024/100");
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "session"), ==, "79th");
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "agenda-item"), ==, "12");
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "date"), ==, "1 March 2024");
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "body"), ==, "Security Council");
  co_sponsors = plenary_metadata_get_co_sponsors (metadata);
  g_assert_cmpstr (co_sponsors[0], ==, "Germany");
  g_assert_cmpstr (co_sponsors[1], ==, "Japan");
  g_assert_null (co_sponsors[2]);
  signatories = plenary_metadata_get_signatories (metadata);
  g_assert_cmpuint (g_strv_length ((char **)signatories), ==, 3);
  g_assert_cmpstr (signatories[2], ==, "India");

  g_assert_cmpstr (plenary_draft_get_body (draft)->opening, ==, "The Security Council,");
  g_assert_cmpuint (plenary_draft_get_body (draft)->paragraphs->len, ==, 4);
  g_assert_cmpstr (top (draft, 0)->phrase, ==, "Recalling");
  g_assert_cmpstr (top (draft, 1)->phrase, ==, "Deeply concerned by");
  g_assert_cmpstr (top (draft, 1)->text, ==, "attacks against civilians,");
  g_assert_cmpint (top (draft, 2)->role, ==, PLENARY_ROLE_OPERATIVE);
  g_assert_cmpstr (top (draft, 2)->phrase, ==, "Demands");
  g_assert_cmpstr (top (draft, 3)->text, ==, "to remain seized of the matter.");
}

static void
test_pdf_text (void)
{
  const char *pdf =
    "A/RES/78/265\n"
    "L'Assemblée générale,\n"
    "Rappelant sa résolution 77/1 du 17 octobre 2022 sur le dévelop-\n"
    "pement durable et les objectifs communs de la communauté\n"
    "internationale,\n"
    "Page 3\n"
    "Notant avec préoccupation la persistance des inégalités dans\n"
    "l'accès au numérique,\n"
    "\f\n"
    "1. Prie instamment les États Membres de renforcer leur\n"
    "coopération" NBSP ";\n"
    "3/12\n"
    "2. Décide de rester saisie de la question.\n";
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(PlenaryDraft) draft = NULL;
  PlenaryBody *body;

  g_assert_cmpint (plenary_importer_detect_format (pdf, strlen (pdf), NULL), ==, PLENARY_IMPORT_FORMAT_PDF_TEXT);

  draft = import_string (pdf, NULL, NULL, &warnings);
  body = plenary_draft_get_body (draft);
  g_assert_cmpstr (plenary_draft_get_language (draft), ==, "fr");
  g_assert_cmpstr (body->opening, ==, "L'Assemblée générale,");
  g_assert_cmpuint (body->paragraphs->len, ==, 4);
  g_assert_cmpstr (top (draft, 0)->phrase, ==, "Rappelant");
  g_assert_cmpstr (top (draft, 0)->text, ==,
                   "sa résolution 77/1 du 17 octobre 2022 sur le développement durable et les "
                   "objectifs communs de la communauté internationale,");
  g_assert_cmpstr (top (draft, 1)->phrase, ==, "Notant avec préoccupation");
  g_assert_cmpstr (top (draft, 1)->text, ==, "la persistance des inégalités dans l'accès au numérique,");
  g_assert_cmpstr (top (draft, 2)->phrase, ==, "Prie instamment");
  g_assert_cmpstr (top (draft, 2)->text, ==, "les États Membres de renforcer leur coopération" NBSP ";");
  g_assert_cmpint (top (draft, 3)->role, ==, PLENARY_ROLE_OPERATIVE);

  /* The page header gave the symbol. */
  g_assert_cmpstr (plenary_metadata_get_string (plenary_draft_get_metadata (draft), "symbol"), ==, "A/RES/78/265");
  g_assert_cmpstr (plenary_metadata_get_string (plenary_draft_get_metadata (draft), "body"), ==, "Assemblée générale");
  /* The report names each line dropped as page furniture. */
  {
    g_autoptr(GString) all = g_string_new (NULL);

    for (guint i = 0; i < warnings->len; i++)
      g_string_append_printf (all, "%s\n", ((PlenaryParseWarning *) g_ptr_array_index (warnings, i))->message);
    g_assert_nonnull (strstr (all->str, "“A/RES/78/265”"));
    g_assert_nonnull (strstr (all->str, "“Page 3”"));
    g_assert_nonnull (strstr (all->str, "“3/12”"));
  }
}

static void
test_plain_text (void)
{
  const char *with_blanks =
    "The General Assembly,\n\n"
    "Recalling its resolution 78/265,\n\n"
    "Noting with concern the digital divide,\n\n"
    "1. Urges all States to cooperate:\n\n"
    "   (a) By sharing technology;\n\n"
    "   (b) By training workers;\n\n"
    "2. Decides to remain seized of the matter.\n";
  const char *without =
    "The General Assembly,\n"
    "Recalling its resolution 78/265,\n"
    "Noting with concern the digital divide,\n"
    "Urges all States to cooperate:\n"
    "\tBy sharing technology;\n"
    "\tBy training workers;\n"
    "Decides to remain seized of the matter.\n";
  g_autoptr(PlenaryDraft) a = NULL;
  g_autoptr(PlenaryDraft) b = NULL;
  g_autoptr(GPtrArray) warnings = NULL;

  g_assert_cmpint (plenary_importer_detect_format (with_blanks, strlen (with_blanks), "a.txt"), ==,
                   PLENARY_IMPORT_FORMAT_PLAIN_TEXT);
  g_assert_cmpint (plenary_importer_detect_format (without, strlen (without), "b.txt"), ==,
                   PLENARY_IMPORT_FORMAT_PLAIN_TEXT);

  a = import_string (with_blanks, "a.txt", NULL, &warnings);
  b = import_string (without, "b.txt", NULL, NULL);
  g_assert_cmpstr (plenary_draft_get_language (a), ==, "en");
  g_assert_cmpuint (count_entries (warnings, "number"), ==, 0);
  g_assert_true (plenary_body_equal (plenary_draft_get_body (a), plenary_draft_get_body (b)));
  g_assert_cmpuint (top (a, 2)->children->len, ==, 2);
  g_assert_cmpstr (((PlenaryParagraph *)g_ptr_array_index (top (a, 2)->children, 1))->text, ==, "By training workers;");
}

static void
test_no_opening (void)
{
  g_autoptr(PlenaryDraft) draft = NULL;

  /* A title line, then a resolution without opening formula whose first
   * paragraph has no known phrase: nothing of the resolution is lost. */
  draft = import_string ("Projet de résolution sur le travail\n"
                         "Face aux défis du numérique,\n"
                         "Rappelant sa résolution 78/265,\n"
                         "Décide de rester saisi de la question.\n",
                         "draft.txt", NULL, NULL);
  g_assert_cmpint (plenary_draft_get_kind (draft), ==, PLENARY_DRAFT_KIND_RESOLUTION);
  g_assert_null (plenary_draft_get_body (draft)->opening);
  g_assert_cmpuint (plenary_draft_get_body (draft)->paragraphs->len, ==, 3);
  g_assert_cmpstr (top (draft, 0)->text, ==, "Face aux défis du numérique,");
  g_assert_cmpint (top (draft, 0)->role, ==, PLENARY_ROLE_PREAMBULAR);
}

static void
test_wrong_numbers (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(PlenaryDraft) draft = NULL;

  draft = import_string ("L'Assemblée générale,\n"
                         "Rappelant sa résolution,\n"
                         "1. Décide de créer un groupe" NBSP ";\n"
                         "1. Prie le Secrétaire général de faire rapport" NBSP ";\n"
                         "4. Encourage les États" NBSP ";\n"
                         "Invite les États" NBSP ";\n"
                         "Décide de rester saisie de la question.\n",
                         NULL, "fr", &warnings);
  g_assert_cmpuint (plenary_draft_get_body (draft)->paragraphs->len, ==, 6);
  for (guint i = 1; i < 6; i++)
    g_assert_cmpint (top (draft, i)->role, ==, PLENARY_ROLE_OPERATIVE);
  /* 1 -> 2, 4 -> 3, two without a number. */
  g_assert_cmpuint (count_entries (warnings, "number"), ==, 4);
}

static void
test_language (void)
{
  g_autoptr(PlenaryDraft) forced = NULL;
  g_autofree char *fr = NULL;
  g_autofree char *en = NULL;
  const char *english = "Recalling its resolution 78/265,\nUrges all States to act;\n";

  fr = plenary_importer_detect_language ("Le Conseil de sécurité,\nRappelant sa résolution,\nExige la paix.", strlen ("Le Conseil de sécurité,\nRappelant sa résolution,\nExige la paix."));
  en = plenary_importer_detect_language (english, strlen (english));
  g_assert_cmpstr (fr, ==, "fr");
  g_assert_cmpstr (en, ==, "en");

  /* A language given wins. */
  forced = import_string (english, NULL, "fr", NULL);
  g_assert_cmpstr (plenary_draft_get_language (forced), ==, "fr");
}

static void
test_brief (void)
{
  g_autoptr(PlenaryDraft) markdown = NULL;
  g_autoptr(PlenaryDraft) plain = NULL;
  PlenaryBody *body;

  markdown = import_string ("# Contexte\n\n"
                            "L'intelligence artificielle transforme le monde du travail.\n\n"
                            "- automatisation des tâches\n"
                            "- besoins de formation\n\n"
                            "## Position de la délégation\n\n"
                            "La délégation soutient un cadre **multilatéral**.\n",
                            "brief.md", NULL, NULL);
  g_assert_cmpint (plenary_draft_get_kind (markdown), ==, PLENARY_DRAFT_KIND_BRIEF);
  g_assert_cmpstr (plenary_draft_get_language (markdown), ==, "fr");
  body = plenary_draft_get_body (markdown);
  g_assert_cmpuint (body->paragraphs->len, ==, 2);
  g_assert_cmpint (top (markdown, 0)->role, ==, PLENARY_ROLE_HEADING);
  g_assert_cmpstr (top (markdown, 0)->text, ==, "Contexte");
  g_assert_cmpuint (top (markdown, 0)->children->len, ==, 3);
  g_assert_cmpint (((PlenaryParagraph *)g_ptr_array_index (top (markdown, 0)->children, 1))->role, ==, PLENARY_ROLE_BULLET);
  g_assert_cmpstr (((PlenaryParagraph *)g_ptr_array_index (top (markdown, 1)->children, 0))->text, ==,
                   "La délégation soutient un cadre multilatéral.");

  plain = import_string ("CONTEXTE\n"
                         "L'intelligence artificielle transforme le monde du travail.\n"
                         "Position de la délégation\n"
                         "La délégation soutient un cadre multilatéral.\n",
                         "brief.txt", NULL, NULL);
  g_assert_cmpint (plenary_draft_get_kind (plain), ==, PLENARY_DRAFT_KIND_BRIEF);
  g_assert_cmpuint (plenary_draft_get_body (plain)->paragraphs->len, ==, 2);
  g_assert_cmpstr (top (plain, 1)->text, ==, "Position de la délégation");
  g_assert_cmpuint (top (plain, 1)->children->len, ==, 1);
}

static void
test_json (void)
{
  g_autoptr(PlenaryDraft) original = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "en");
  g_autoptr(PlenaryDraft) imported = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PlenaryBody) body = plenary_body_new ();
  g_autoptr(PlenaryParagraph) paragraph = plenary_paragraph_new (PLENARY_ROLE_OPERATIVE, "Decides", "to act.");
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data;

  plenary_body_append (body, paragraph);
  plenary_draft_set_body (original, body);
  plenary_metadata_set_string (plenary_draft_get_metadata (original), "forum", "Security Council");
  bytes = plenary_draft_codec_encode (original);
  data = g_bytes_get_data (bytes, &len);

  g_assert_cmpint (plenary_importer_detect_format (data, len, NULL), ==, PLENARY_IMPORT_FORMAT_PLENARY_JSON);
  imported = plenary_importer_import (data, len, "x.plenary.json", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plenary_draft_get_language (imported), ==, "en");
  g_assert_cmpstr (plenary_metadata_get_string (plenary_draft_get_metadata (imported), "forum"), ==, "Security Council");
  g_assert_true (plenary_body_equal (plenary_draft_get_body (imported), body));

  /* A broken draft file is refused with the codec's error. */
  g_clear_object (&imported);
  imported = plenary_importer_import ("{ \"format\": \"plenary-draft\", ", 30, "x.plenary.json", NULL, NULL, &error);
  g_assert_null (imported);
  g_assert_error (error, PLENARY_DRAFT_ERROR, PLENARY_DRAFT_ERROR_MALFORMED);
}

static void
test_errors_and_encoding (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  /* "Considérant la paix," in Windows-1252 */
  const char latin[] = "L'Assembl\xe9" "e g\xe9n\xe9rale,\nConsid\xe9rant la paix,\nD\xe9" "cide de rester saisie de la question.\n";

  draft = plenary_importer_import (" \n\n\t", 4, "empty.txt", NULL, NULL, &error);
  g_assert_null (draft);
  g_assert_error (error, PLENARY_IMPORTER_ERROR, PLENARY_IMPORTER_ERROR_EMPTY);

  draft = plenary_importer_import (latin, strlen (latin), "old.txt", NULL, &warnings, NULL);
  g_assert_nonnull (draft);
  g_assert_cmpuint (count_entries (warnings, "ISO-8859-1"), ==, 1);
  g_assert_cmpstr (plenary_draft_get_body (draft)->opening, ==, "L'Assemblée générale,");
  g_assert_cmpstr (top (draft, 0)->phrase, ==, "Considérant");
}

static guint
count_role (PlenaryDraft *draft,
            PlenaryRole   role)
{
  PlenaryBody *body = plenary_draft_get_body (draft);
  guint n = 0;

  for (guint i = 0; i < body->paragraphs->len; i++)
    n += ((PlenaryParagraph *) g_ptr_array_index (body->paragraphs, i))->role == role;
  return n;
}

static PlenaryParagraph *
nth_of (PlenaryDraft *draft,
        PlenaryRole   role,
        guint         n)
{
  PlenaryBody *body = plenary_draft_get_body (draft);

  for (guint i = 0; i < body->paragraphs->len; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (body->paragraphs, i);

      if (paragraph->role == role && n-- == 0)
        return paragraph;
    }
  g_assert_not_reached ();
}

/* Issue 13: each rule of the importer on a short text of its own. */
static void
test_page_furniture (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(PlenaryDraft) draft = NULL;

  draft = import_string ("S/2026/12\n\nUnited Nations\n\nSecurity Council\n\nDistr.: General\n3 March 2026\n"
                         "Original: English\n\nFrance and Ghana: draft resolution\nThe Security Council,\n"
                         "Recalling its resolutions on the situation in the region and the\n"
                         "statements of its President,\n"
                         "Expressing grave concern at the humanitarian situation in the\n\n"
                         "26-01234 (E)\n\n030326\n\n*2601234*\n\n\nS/2026/12\n\n"
                         "2/3\n\nregion,\n"
                         "1.\nDecides to act;\n"
                         "2.\n\nDecides to remain seized of the matter.\n",
                         "pdf.txt", NULL, &warnings);
  g_assert_cmpstr (plenary_metadata_get_string (plenary_draft_get_metadata (draft), "symbol"), ==, "S/2026/12");
  g_assert_cmpstr (plenary_metadata_get_string (plenary_draft_get_metadata (draft), "date"), ==, "3 March 2026");
  g_assert_cmpstr (plenary_metadata_get_string (plenary_draft_get_metadata (draft), "submitted-by"), ==, "France and Ghana");
  g_assert_cmpuint (count_role (draft, PLENARY_ROLE_PREAMBULAR), ==, 2);
  g_assert_cmpuint (count_role (draft, PLENARY_ROLE_OPERATIVE), ==, 2);
  /* The paragraph cut by the page break is whole again. */
  g_assert_cmpstr (nth_of (draft, PLENARY_ROLE_PREAMBULAR, 1)->phrase, ==, "Expressing grave concern");
  g_assert_cmpstr (nth_of (draft, PLENARY_ROLE_PREAMBULAR, 1)->text, ==, "at the humanitarian situation in the region,");
  /* The number alone on its line, the text after a blank line. */
  g_assert_cmpstr (nth_of (draft, PLENARY_ROLE_OPERATIVE, 1)->phrase, ==, "Decides");
  g_assert_cmpuint (count_entries (warnings, "“26-01234 (E)”"), ==, 1);
  g_assert_cmpuint (count_entries (warnings, "“*2601234*”"), ==, 1);
  g_assert_cmpuint (count_entries (warnings, "“2/3”"), ==, 1);
}

static void
test_running_heads_and_footnotes (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(PlenaryDraft) draft = NULL;

  draft = import_string ("Résolution 9999 (2030) du 1er mars 2030\n\nLe Conseil de sécurité,\n\n"
                         "Rappelant sa déclaration du 2 février 203012 et\n\n"
                         "12 S/PRST/2030/1.  13 S/2030/2.\n\n44\n\n"
                         "Résolutions adoptées et décisions prises par le Conseil de sécurité en 2030\n\n"
                         "les rapports du Secrétaire général,\n\n"
                         "1. Décide de proroger le mandat de la Force ;\n\n"
                         "45\n\nS/2030/3, annexe.\n\n"
                         "2. Décide de rester saisi de la question.\n\n"
                         "Adoptée à l'unanimité à la 9999e séance.\n",
                         "ocr.txt", NULL, &warnings);
  g_assert_cmpuint (count_role (draft, PLENARY_ROLE_PREAMBULAR), ==, 1);
  g_assert_cmpstr (nth_of (draft, PLENARY_ROLE_PREAMBULAR, 0)->text, ==,
                   "sa déclaration du 2 février 203012 et les rapports du Secrétaire général,");
  g_assert_cmpuint (count_role (draft, PLENARY_ROLE_OPERATIVE), ==, 2);
  g_assert_cmpuint (count_entries (warnings, "Running head"), ==, 1);
  g_assert_cmpuint (count_entries (warnings, "Footnote"), ==, 2);
  /* The adoption line is kept, but not as an operative paragraph. */
  g_assert_cmpuint (count_role (draft, PLENARY_ROLE_PARAGRAPH), ==, 1);
}

static void
test_run_together_and_bare_numbers (void)
{
  g_autoptr(PlenaryDraft) one_line = NULL;
  g_autoptr(PlenaryDraft) bare = NULL;

  /* A web copy: the whole resolution on one line. */
  one_line = import_string ("The Security Council, Recalling its resolution 2719 (2023), Reaffirming its commitment to peace, "
                            "1. Decides to act; 2. Requests a report; 3. Decides to remain seized of the matter.\n",
                            "web.txt", NULL, NULL);
  g_assert_cmpstr (plenary_draft_get_body (one_line)->opening, ==, "The Security Council,");
  g_assert_cmpuint (count_role (one_line, PLENARY_ROLE_PREAMBULAR), ==, 2);
  g_assert_cmpuint (count_role (one_line, PLENARY_ROLE_OPERATIVE), ==, 3);
  g_assert_cmpstr (nth_of (one_line, PLENARY_ROLE_OPERATIVE, 1)->phrase, ==, "Requests");

  /* "11     Condemns": a number without its point. */
  bare = import_string ("The Security Council,\nRecalling its resolution 1,\n1. Decides to act;\n"
                        "2     Condemns all attacks;\n",
                        "dataset.txt", NULL, NULL);
  g_assert_cmpuint (count_role (bare, PLENARY_ROLE_OPERATIVE), ==, 2);
  g_assert_cmpstr (nth_of (bare, PLENARY_ROLE_OPERATIVE, 1)->phrase, ==, "Condemns");
}

static void
test_headings_and_labels (void)
{
  g_autoptr(PlenaryDraft) draft = NULL;
  PlenaryParagraph *first, *second, *third;

  draft = import_string ("The Security Council,\nRecalling its resolution 1,\n"
                         "Arms embargo\n"
                         "1. Decides that all States shall:\n"
                         "(a) Prevent the supply of arms;\n(b) Report;\n(c) Act;\n(d) Act;\n(e) Act;\n"
                         "(f) Act;\n(g) Act;\n(h) Act;\n(i) Act as well;\n"
                         "2. Decides that:\n(a) the Committee shall:\n(i) meet;\n(ii) report;\n"
                         "cl) Act again;\n"
                         "3. Requests the following:\n"
                         "Reporting on the measures taken;\n"
                         "Sharing information;\n"
                         "4. Decides to remain seized of the matter.\n",
                         "labels.txt", NULL, NULL);
  /* The heading is kept with its role; numbering runs on across it. */
  g_assert_cmpuint (count_role (draft, PLENARY_ROLE_HEADING), ==, 1);
  g_assert_cmpstr (nth_of (draft, PLENARY_ROLE_HEADING, 0)->text, ==, "Arms embargo");
  g_assert_cmpuint (count_role (draft, PLENARY_ROLE_OPERATIVE), ==, 4);
  first = nth_of (draft, PLENARY_ROLE_OPERATIVE, 0);
  second = nth_of (draft, PLENARY_ROLE_OPERATIVE, 1);
  third = nth_of (draft, PLENARY_ROLE_OPERATIVE, 2);
  /* "(i)" after "(h)" is a letter. */
  g_assert_cmpuint (first->children->len, ==, 9);
  /* roman under a letter one level down; "cl)" read as the next letter. */
  g_assert_cmpuint (second->children->len, ==, 2);
  g_assert_cmpuint (((PlenaryParagraph *) g_ptr_array_index (second->children, 0))->children->len, ==, 2);
  /* Items whose labels were lost, after a ":". */
  g_assert_cmpuint (third->children->len, ==, 2);
}

static void
test_model_un_book (void)
{
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(GString) text = g_string_new ("_____ Fail\n\nBlue GA\n\n");
  static const char *lines[] = {
    "The General Assembly,", "", "Noting with regret the limited funding of the plan,", "",
    "Acknowledgable of the work of the committee,", "", "The General Assembly hereby:", "",
    "Encourages member states to communicate about", "pandemic preparedness;", "",
    "Advocates the creation of a fund:", "", "Increasing access to resources", "",
    "Reducing barriers to entry", "", "Urges member states to act.", NULL
  };

  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (text, "%u %s\n", i + 1, lines[i]);
  g_string_append (text, "\nA Resolution to Strengthen Preparedness\n\nWest High School\n\nSponsor: Germany 2\n");

  draft = import_string (text->str, "mun.txt", NULL, NULL);
  g_assert_cmpint (plenary_draft_get_kind (draft), ==, PLENARY_DRAFT_KIND_RESOLUTION);
  g_assert_cmpstr (plenary_draft_get_body (draft)->opening, ==, "The General Assembly,");
  g_assert_cmpstr (plenary_metadata_get_string (plenary_draft_get_metadata (draft), "submitted-by"), ==, "Germany");
  g_assert_cmpuint (count_role (draft, PLENARY_ROLE_PREAMBULAR), ==, 2);
  /* A student's phrase is kept as written. */
  g_assert_cmpstr (nth_of (draft, PLENARY_ROLE_PREAMBULAR, 1)->phrase, ==, "Acknowledgable");
  g_assert_cmpuint (count_role (draft, PLENARY_ROLE_OPERATIVE), ==, 3);
  g_assert_cmpstr (nth_of (draft, PLENARY_ROLE_OPERATIVE, 0)->text, ==, "member states to communicate about pandemic preparedness;");
  g_assert_cmpuint (nth_of (draft, PLENARY_ROLE_OPERATIVE, 1)->children->len, ==, 2);
}

static void
test_phrase_rules (void)
{
  g_autoptr(PlenaryDraft) en = NULL;
  g_autoptr(PlenaryDraft) fr = NULL;

  en = import_string ("The Security Council,\nStrongly condemning all attacks,\nBeing further deeply concerned by the violence,\n"
                      "Recalling also its resolution 1,\nGravely concerned that the crisis goes on,\n"
                      "Calls on all parties to act;\nDecides further to act;\n", "en.txt", NULL, NULL);
  g_assert_cmpstr (nth_of (en, PLENARY_ROLE_PREAMBULAR, 0)->phrase, ==, "Strongly condemning");
  g_assert_cmpstr (nth_of (en, PLENARY_ROLE_PREAMBULAR, 1)->phrase, ==, "Being further deeply concerned by");
  g_assert_cmpstr (nth_of (en, PLENARY_ROLE_PREAMBULAR, 2)->phrase, ==, "Recalling also");
  g_assert_cmpstr (nth_of (en, PLENARY_ROLE_PREAMBULAR, 3)->phrase, ==, "Gravely concerned that");
  g_assert_cmpstr (nth_of (en, PLENARY_ROLE_OPERATIVE, 0)->phrase, ==, "Calls on");
  /* After an operative verb, "further" is not part of the phrase. */
  g_assert_cmpstr (nth_of (en, PLENARY_ROLE_OPERATIVE, 1)->phrase, ==, "Decides");

  fr = import_string ("Le Conseil de sécurité,\nRappelant en outre sa résolution 1,\n"
                      "Se déclarant vivement préoccupé par la situation,\nDemande de même instamment aux États d'agir ;\n"
                      "Se déclare de nouveau prêt à agir ;\n", "fr.txt", NULL, NULL);
  g_assert_cmpstr (nth_of (fr, PLENARY_ROLE_PREAMBULAR, 0)->phrase, ==, "Rappelant en outre");
  g_assert_cmpstr (nth_of (fr, PLENARY_ROLE_PREAMBULAR, 1)->phrase, ==, "Se déclarant vivement préoccupé par");
  g_assert_cmpstr (nth_of (fr, PLENARY_ROLE_OPERATIVE, 0)->phrase, ==, "Demande de même instamment");
  g_assert_cmpstr (nth_of (fr, PLENARY_ROLE_OPERATIVE, 1)->phrase, ==, "Se déclare de nouveau prêt à");
}

/* Legacy encodings come out as the right characters (uchardet). */
static void
test_legacy_encodings (void)
{
  static const struct { const char *charset; const char *text; } cases[] = {
    { "WINDOWS-1251", "Совет Безопасности,\nссылаясь на свою резолюцию о положении в регионе и на заявления Председателя,\n"
                      "постановляет продолжать активно заниматься этим вопросом и просит Генерального секретаря представить доклад.\n" },
    { "GB18030", "安全理事会，\n回顾其以往关于该区域局势的所有决议和主席声明，\n决定继续积极处理此案，并请秘书长就决议执行情况提出报告。\n" },
    { "SHIFT_JIS", "安全保障理事会は、\nこの地域の情勢に関するこれまでのすべての決議と議長声明を想起し、\nこの問題に引き続き積極的に関与することを決定する。\n" },
    { "ISO-8859-15", "L'Assemblée générale,\nConsidérant que le coût de l'eau atteint 5 € par mètre cube dans la région concernée,\n"
                     "Décide de rester saisie de la question, œuvre commune de tous les États.\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize length = 0;
      g_autofree char *bytes = g_convert (cases[i].text, -1, cases[i].charset, "UTF-8", NULL, &length, &error);
      PlenaryTextEncoding encoding;
      g_autofree char *decoded = NULL;

      g_assert_no_error (error);
      decoded = plenary_text_decode (bytes, length, NULL, &encoding);
      g_assert_cmpstr (decoded, ==, cases[i].text);
      g_assert_false (encoding.unsure);
    }
}


/* Footnotes at the foot of a page are the draft's notes, their calls
 * "[^N]" in the text; an "Annex" after the text is the draft's annex. */
static void
test_notes_and_annex (void)
{
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(GPtrArray) report = NULL;
  PlenaryBody *body;
  PlenaryParagraph *paragraph;
  PlenaryNote *note;
  const char *text =
    "The Security Council,\n"
    "\n"
    "Recalling its resolution 2231 (2015)1 and the report of the Secretary-General,2\n"
    "\n"
    "1. Decides to adopt the procedure set out in the annex to this resolution;\n"
    "\n"
    "2. Decides to remain seized of the matter.\n"
    "\n"
    "__________________\n"
    "1 S/2015/544, annex.\n"
    "2 S/2024/10. 3 S/2024/11.\n"
    "\n"
    "Annex\n"
    "\n"
    "Procedure\n"
    "\n"
    "1. The Focal Point receives the requests.\n";

  draft = import_string (text, "notes.txt", NULL, &report);
  body = plenary_draft_get_body (draft);

  /* Two paragraphs of the text, no more: the notes and the annex are apart. */
  g_assert_cmpuint (body->paragraphs->len, ==, 3);
  paragraph = g_ptr_array_index (body->paragraphs, 0);
  g_assert_cmpint (paragraph->role, ==, PLENARY_ROLE_PREAMBULAR);
  g_assert_cmpstr (paragraph->text, ==, "its resolution 2231 (2015)[^1] and the report of the Secretary-General,[^2]");

  /* Notes run together on one line are two notes. */
  g_assert_cmpuint (body->notes->len, ==, 3);
  note = g_ptr_array_index (body->notes, 0);
  g_assert_cmpstr (note->id, ==, "1");
  g_assert_cmpstr (note->text, ==, "S/2015/544, annex.");
  note = g_ptr_array_index (body->notes, 2);
  g_assert_cmpstr (note->id, ==, "3");
  g_assert_cmpstr (note->text, ==, "S/2024/11.");

  g_assert_cmpstr (body->annex_heading, ==, "Annex");
  g_assert_cmpuint (body->annex->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (body->annex, 0), ==, "Procedure");
  g_assert_cmpstr (g_ptr_array_index (body->annex, 1), ==, "1. The Focal Point receives the requests.");

  /* Printed as text and imported again: the same notes and annex. */
  {
    g_autofree char *printed = plenary_clause_printer_print (body, PLENARY_DRAFT_KIND_RESOLUTION, "en",
                                                             PLENARY_PRINT_PLAIN | PLENARY_PRINT_BLANK_LINES);
    g_autoptr(PlenaryDraft) again = import_string (printed, "again.txt", "en", NULL);

    g_assert_true (plenary_body_equal (plenary_draft_get_body (again), body));
  }
}

/* The import report as problems: a dropped line can be put back before the
 * paragraph that followed it. */
static void
test_report_problems (void)
{
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *editor = NULL;
  const char *text =
    "The General Assembly,\n"
    "\n"
    "Recalling its resolution 70/1,\n"
    "\n"
    "1. Decides to establish a working group;\n"
    "\f\n"
    "A/RES/79/999\n"
    "\n"
    "2. Requests the Secretary-General to report on the working group.\n";
  gboolean found = FALSE;

  draft = import_string (text, "report.txt", NULL, &report);
  editor = plenary_clause_printer_print (plenary_draft_get_body (draft), PLENARY_DRAFT_KIND_RESOLUTION, "en",
                                         PLENARY_PRINT_EDITOR);
  problems = plenary_importer_report_problems (text, strlen (text), report, editor, 100);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    {
      PlenaryCheckProblem *problem = g_ptr_array_index (problems, i);

      if (strstr (problem->message, "A/RES/79/999") == NULL)
        continue;
      found = TRUE;
      g_assert_cmpint (problem->kind, ==, PLENARY_CHECK_IMPORT);
      g_assert_true (problem->has_fix);
      g_assert_cmpstr (problem->replacement, ==, "A/RES/79/999\n");
      /* The line of "Requests…" in the editor text. */
      g_assert_cmpuint (problem->line, ==, 3);
    }
  g_assert_true (found);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/importer/seed", test_seed);
  g_test_add_func ("/importer/markdown-english", test_markdown_english);
  g_test_add_func ("/importer/pdf-text", test_pdf_text);
  g_test_add_func ("/importer/plain-text", test_plain_text);
  g_test_add_func ("/importer/no-opening", test_no_opening);
  g_test_add_func ("/importer/wrong-numbers", test_wrong_numbers);
  g_test_add_func ("/importer/language", test_language);
  g_test_add_func ("/importer/brief", test_brief);
  g_test_add_func ("/importer/json", test_json);
  g_test_add_func ("/importer/errors-and-encoding", test_errors_and_encoding);
  g_test_add_func ("/importer/page-furniture", test_page_furniture);
  g_test_add_func ("/importer/running-heads-and-footnotes", test_running_heads_and_footnotes);
  g_test_add_func ("/importer/run-together-and-bare-numbers", test_run_together_and_bare_numbers);
  g_test_add_func ("/importer/headings-and-labels", test_headings_and_labels);
  g_test_add_func ("/importer/model-un-book", test_model_un_book);
  g_test_add_func ("/importer/phrase-rules", test_phrase_rules);
  g_test_add_func ("/importer/legacy-encodings", test_legacy_encodings);
  g_test_add_func ("/importer/notes-and-annex", test_notes_and_annex);
  g_test_add_func ("/importer/report-problems", test_report_problems);

  return g_test_run ();
}
