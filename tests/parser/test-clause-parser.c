/* test-clause-parser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plenary-clause-parser.h"
#include "plenary-clause-printer.h"

#define NBSP "\u00a0"

static PlenaryParagraph *
top (PlenaryBody *body,
     guint        i)
{
  g_assert_cmpuint (i, <, body->paragraphs->len);
  return g_ptr_array_index (body->paragraphs, i);
}

static PlenaryParagraph *
child (PlenaryParagraph *paragraph,
       guint             i)
{
  g_assert_cmpuint (i, <, paragraph->children->len);
  return g_ptr_array_index (paragraph->children, i);
}

static void
assert_paragraph (PlenaryParagraph *paragraph,
                  PlenaryRole       role,
                  const char       *phrase,
                  const char       *text)
{
  g_assert_cmpstr (plenary_role_to_string (paragraph->role), ==, plenary_role_to_string (role));
  g_assert_cmpstr (paragraph->phrase, ==, phrase);
  g_assert_cmpstr (paragraph->text, ==, text);
}

static void
test_classify_line (void)
{
  PlenaryPhraseDictionary *fr = plenary_phrase_dictionary_get_default ("fr");
  PlenaryLineState state = PLENARY_LINE_STATE_INIT;
  PlenaryLineInfo info;
  const char *line;

  plenary_clause_parser_classify_line (fr, PLENARY_DRAFT_KIND_RESOLUTION, "L'Assemblée générale,", -1, &state, &info);
  g_assert_true (info.is_opening);
  g_assert_true (state.seen_opening);

  line = "Notant avec préoccupation la hausse du chômage,";
  plenary_clause_parser_classify_line (fr, PLENARY_DRAFT_KIND_RESOLUTION, line, -1, &state, &info);
  g_assert_cmpint (info.role, ==, PLENARY_ROLE_PREAMBULAR);
  g_assert_true (info.known_phrase);
  g_assert_cmpuint (info.phrase_start, ==, 0);
  g_assert_cmpuint (info.phrase_end, ==, strlen ("Notant avec préoccupation"));
  g_assert_cmpuint (info.text_start, ==, strlen ("Notant avec préoccupation "));
  g_assert_false (state.seen_operative);

  /* An unknown participle still opens a preambular paragraph. */
  line = "Se positionnant avec détermination pour la paix,";
  plenary_clause_parser_classify_line (fr, PLENARY_DRAFT_KIND_RESOLUTION, line, -1, &state, &info);
  g_assert_cmpint (info.role, ==, PLENARY_ROLE_PREAMBULAR);
  g_assert_false (info.known_phrase);
  g_assert_null (info.entry);
  g_assert_cmpuint (info.phrase_end, ==, strlen ("Se positionnant"));

  line = "Prie instamment les États de ratifier la Convention" NBSP ";";
  plenary_clause_parser_classify_line (fr, PLENARY_DRAFT_KIND_RESOLUTION, line, -1, &state, &info);
  g_assert_cmpint (info.role, ==, PLENARY_ROLE_OPERATIVE);
  g_assert_cmpuint (info.phrase_end, ==, strlen ("Prie instamment"));
  g_assert_true (state.seen_operative);

  /* A tab makes a sub-paragraph, two tabs a sub-sub-paragraph. */
  line = "\tde ratifier la Convention" NBSP ";";
  plenary_clause_parser_classify_line (fr, PLENARY_DRAFT_KIND_RESOLUTION, line, -1, &state, &info);
  g_assert_cmpint (info.role, ==, PLENARY_ROLE_SUBPARAGRAPH);
  g_assert_cmpuint (info.level, ==, 1);
  g_assert_cmpuint (info.content_start, ==, 1);
  line = "\t\td'appliquer la Convention" NBSP ";";
  plenary_clause_parser_classify_line (fr, PLENARY_DRAFT_KIND_RESOLUTION, line, -1, &state, &info);
  g_assert_cmpuint (info.level, ==, 2);
  g_assert_cmpuint (info.content_start, ==, 2);

  /* After the first operative paragraph, an unknown line is operative;
   * a capitalised verb is its phrase. */
  line = "Initie la réflexion sur une sous-commission" NBSP ";";
  plenary_clause_parser_classify_line (fr, PLENARY_DRAFT_KIND_RESOLUTION, line, -1, &state, &info);
  g_assert_cmpint (info.role, ==, PLENARY_ROLE_OPERATIVE);
  g_assert_false (info.known_phrase);
  g_assert_cmpuint (info.phrase_end, ==, strlen ("Initie"));

  /* Only the first line may be the opening formula. */
  plenary_clause_parser_classify_line (fr, PLENARY_DRAFT_KIND_RESOLUTION, "L'Assemblée générale,", -1, &state, &info);
  g_assert_false (info.is_opening);

  /* Blank lines do not move the state. */
  {
    PlenaryLineState before = state;

    plenary_clause_parser_classify_line (fr, PLENARY_DRAFT_KIND_RESOLUTION, "\t  ", -1, &state, &info);
    g_assert_true (info.is_blank);
    g_assert_cmpuint (before.line_index, ==, state.line_index);
  }

  /* The length bounds the line. */
  line = "Décide de créer un groupe\nPrie instamment";
  plenary_clause_parser_classify_line (fr, PLENARY_DRAFT_KIND_RESOLUTION, line, 6, &state, &info);
  g_assert_cmpuint (info.phrase_end, ==, 6);
  g_assert_cmpuint (info.content_end, ==, 6);
}

static void
test_unknown_comma_preambular (void)
{
  PlenaryPhraseDictionary *fr = plenary_phrase_dictionary_get_default ("fr");
  g_autoptr(PlenaryBody) body = NULL;

  body = plenary_clause_parser_parse (fr,
                                      "Le Conseil de sécurité,\n"
                                      "Face aux défis du numérique,\n"
                                      "La situation demeurant grave,\n"
                                      "Invite les parties à négocier" NBSP ";\n"
                                      "La situation demeurant grave, les parties doivent négocier,",
                                      -1, PLENARY_DRAFT_KIND_RESOLUTION, NULL);
  g_assert_cmpstr (body->opening, ==, "Le Conseil de sécurité,");
  g_assert_cmpuint (body->paragraphs->len, ==, 4);
  /* Before any operative paragraph, a line ending with a comma is preambular. */
  assert_paragraph (top (body, 0), PLENARY_ROLE_PREAMBULAR, NULL, "Face aux défis du numérique,");
  assert_paragraph (top (body, 1), PLENARY_ROLE_PREAMBULAR, NULL, "La situation demeurant grave,");
  assert_paragraph (top (body, 2), PLENARY_ROLE_OPERATIVE, "Invite", "les parties à négocier" NBSP ";");
  /* After it, it is not. */
  assert_paragraph (top (body, 3), PLENARY_ROLE_OPERATIVE, NULL,
                    "La situation demeurant grave, les parties doivent négocier,");
}

static void
test_parse_editor_text (void)
{
  PlenaryPhraseDictionary *fr = plenary_phrase_dictionary_get_default ("fr");
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(PlenaryBody) body = NULL;
  const char *text =
    "L'Assemblée générale,\n"
    "Rappelant sa résolution 78/265,\n"
    "Profondément préoccupée par la situation,\n"
    "Décide, en outre, de créer un groupe de travail" NBSP ":\n"
    "\tchargé d'étudier la question" NBSP ";\n"
    "\t\ten particulier ses effets" NBSP ";\n"
    "\t\tet ses causes" NBSP ";\n"
    "\tcomposé d'experts" NBSP ";\n"
    "Décide de rester saisie de la question.";

  body = plenary_clause_parser_parse (fr, text, -1, PLENARY_DRAFT_KIND_RESOLUTION, &warnings);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpstr (body->opening, ==, "L'Assemblée générale,");
  g_assert_cmpuint (body->paragraphs->len, ==, 4);
  assert_paragraph (top (body, 0), PLENARY_ROLE_PREAMBULAR, "Rappelant", "sa résolution 78/265,");
  assert_paragraph (top (body, 1), PLENARY_ROLE_PREAMBULAR, "Profondément préoccupée par", "la situation,");
  /* A phrase followed by a comma is still that phrase (issue 10): the text
   * starts at the comma. */
  assert_paragraph (top (body, 2), PLENARY_ROLE_OPERATIVE, "Décide",
                    ", en outre, de créer un groupe de travail" NBSP ":");
  g_assert_cmpuint (top (body, 2)->children->len, ==, 2);
  assert_paragraph (child (top (body, 2), 0), PLENARY_ROLE_SUBPARAGRAPH, NULL, "chargé d'étudier la question" NBSP ";");
  g_assert_cmpuint (child (top (body, 2), 0)->children->len, ==, 2);
  assert_paragraph (child (child (top (body, 2), 0), 1), PLENARY_ROLE_SUBPARAGRAPH, NULL, "et ses causes" NBSP ";");
  assert_paragraph (child (top (body, 2), 1), PLENARY_ROLE_SUBPARAGRAPH, NULL, "composé d'experts" NBSP ";");
  /* A closing formula that makes the paragraph: its verb is the phrase (in
   * italics, as the UN prints it). */
  assert_paragraph (top (body, 3), PLENARY_ROLE_OPERATIVE, "Décide", "de rester saisie de la question.");

  /* The printer gives the same text back. */
  {
    g_autofree char *printed = plenary_clause_printer_print (body, PLENARY_DRAFT_KIND_RESOLUTION, "fr", PLENARY_PRINT_EDITOR);

    g_assert_cmpstr (printed, ==, text);
  }
}

static void
test_numbering_recovery (void)
{
  PlenaryPhraseDictionary *fr = plenary_phrase_dictionary_get_default ("fr");
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(PlenaryBody) body = NULL;
  g_autofree char *printed = NULL;
  PlenaryParseWarning *warning;

  body = plenary_clause_parser_parse (fr,
                                      "L'Assemblée générale,\n"
                                      "Considérant la situation,\n"
                                      "1. Décide de créer un groupe" NBSP ";\n"
                                      "1. Prie le Secrétaire général de faire rapport" NBSP ";\n"
                                      "4. Encourage les États à coopérer" NBSP ";\n"
                                      "Invite les États à contribuer" NBSP ";\n"
                                      "5. Décide de rester saisie de la question.\n",
                                      -1, PLENARY_DRAFT_KIND_RESOLUTION, &warnings);
  g_assert_cmpuint (body->paragraphs->len, ==, 6);
  for (guint i = 1; i < 6; i++)
    g_assert_cmpint (top (body, i)->role, ==, PLENARY_ROLE_OPERATIVE);
  assert_paragraph (top (body, 2), PLENARY_ROLE_OPERATIVE, "Prie", "le Secrétaire général de faire rapport" NBSP ";");

  /* "1." again, "4." for the third, a missing number: three warnings, in line order. */
  g_assert_cmpuint (warnings->len, ==, 3);
  warning = g_ptr_array_index (warnings, 0);
  g_assert_cmpuint (warning->line, ==, 3);
  g_assert_nonnull (strstr (warning->message, "1"));
  g_assert_nonnull (strstr (warning->message, "2"));
  warning = g_ptr_array_index (warnings, 1);
  g_assert_cmpuint (warning->line, ==, 4);
  warning = g_ptr_array_index (warnings, 2);
  g_assert_cmpuint (warning->line, ==, 5);
  g_assert_nonnull (strstr (warning->message, "number"));

  printed = plenary_clause_printer_print (body, PLENARY_DRAFT_KIND_RESOLUTION, "fr", PLENARY_PRINT_PLAIN);
  g_assert_cmpstr (printed, ==,
                   "L'Assemblée générale,\n"
                   "Considérant la situation,\n"
                   "1. Décide de créer un groupe" NBSP ";\n"
                   "2. Prie le Secrétaire général de faire rapport" NBSP ";\n"
                   "3. Encourage les États à coopérer" NBSP ";\n"
                   "4. Invite les États à contribuer" NBSP ";\n"
                   "5. Décide de rester saisie de la question.\n");

  /* Editor text has no numbers at all: nothing to warn about. */
  g_clear_pointer (&warnings, g_ptr_array_unref);
  g_clear_pointer (&body, plenary_body_unref);
  body = plenary_clause_parser_parse (fr, "Décide" NBSP ";\nPrie" NBSP ";", -1, PLENARY_DRAFT_KIND_RESOLUTION, &warnings);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (body->paragraphs->len, ==, 2);
}

static void
test_subparagraph_markers (void)
{
  PlenaryPhraseDictionary *fr = plenary_phrase_dictionary_get_default ("fr");
  PlenaryPhraseDictionary *en = plenary_phrase_dictionary_get_default ("en");
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(PlenaryBody) body = NULL;
  g_autoptr(PlenaryBody) unindented = NULL;
  g_autoptr(PlenaryBody) english = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *english_plain = NULL;
  const char *french_plain =
    "1. Décide" NBSP ":\n"
    "   a) de créer un groupe" NBSP ";\n"
    "   b) de le charger" NBSP ":\n"
    "      i) d'étudier la question" NBSP ";\n"
    "      ii) de faire rapport" NBSP ";\n"
    "   c) de prévoir un budget" NBSP ";\n"
    "2. Prie le Secrétaire général de faire rapport.\n";
  PlenaryParagraph *decide;

  body = plenary_clause_parser_parse (fr, french_plain, -1, PLENARY_DRAFT_KIND_RESOLUTION, &warnings);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (body->paragraphs->len, ==, 2);
  decide = top (body, 0);
  g_assert_cmpuint (decide->children->len, ==, 3);
  assert_paragraph (child (decide, 1), PLENARY_ROLE_SUBPARAGRAPH, NULL, "de le charger" NBSP ":");
  g_assert_cmpuint (child (decide, 1)->children->len, ==, 2);
  assert_paragraph (child (child (decide, 1), 1), PLENARY_ROLE_SUBPARAGRAPH, NULL, "de faire rapport" NBSP ";");

  plain = plenary_clause_printer_print (body, PLENARY_DRAFT_KIND_RESOLUTION, "fr", PLENARY_PRINT_PLAIN);
  g_assert_cmpstr (plain, ==, french_plain);

  /* Without indentation, the marker tells the level: "i)" after "a)" is
   * level 2, "i)" after "h)" is the ninth letter. */
  unindented = plenary_clause_parser_parse (fr,
                                            "1. Décide" NBSP ":\n"
                                            "a) de créer" NBSP ":\n"
                                            "i) un groupe" NBSP ";\n"
                                            "ii) un fonds" NBSP ";\n"
                                            "b) puis" NBSP ";\n"
                                            "c) c" NBSP ";\nd) d" NBSP ";\ne) e" NBSP ";\nf) f" NBSP ";\ng) g" NBSP ";\nh) h" NBSP ";\n"
                                            "i) i" NBSP ";\n"
                                            "j) j.\n",
                                            -1, PLENARY_DRAFT_KIND_RESOLUTION, NULL);
  decide = top (unindented, 0);
  g_assert_cmpuint (decide->children->len, ==, 10);
  g_assert_cmpuint (child (decide, 0)->children->len, ==, 2);
  assert_paragraph (child (decide, 8), PLENARY_ROLE_SUBPARAGRAPH, NULL, "i" NBSP ";");
  assert_paragraph (child (decide, 9), PLENARY_ROLE_SUBPARAGRAPH, NULL, "j.");

  /* English markers are enclosed. */
  english = plenary_clause_parser_parse (en,
                                         "1. Decides:\n"
                                         "(a) To establish a group;\n"
                                         "(i) Composed of experts;\n"
                                         "(b) To report.\n",
                                         -1, PLENARY_DRAFT_KIND_RESOLUTION, NULL);
  decide = top (english, 0);
  assert_paragraph (decide, PLENARY_ROLE_OPERATIVE, "Decides", ":");
  g_assert_cmpuint (decide->children->len, ==, 2);
  g_assert_cmpuint (child (decide, 0)->children->len, ==, 1);
  english_plain = plenary_clause_printer_print (english, PLENARY_DRAFT_KIND_RESOLUTION, "en", PLENARY_PRINT_PLAIN);
  g_assert_cmpstr (english_plain, ==,
                   "1. Decides:\n"
                   "   (a) To establish a group;\n"
                   "      (i) Composed of experts;\n"
                   "   (b) To report.\n");
}

static void
test_marker_out_of_sequence (void)
{
  PlenaryPhraseDictionary *fr = plenary_phrase_dictionary_get_default ("fr");
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(PlenaryBody) body = NULL;

  body = plenary_clause_parser_parse (fr,
                                      "1. Décide" NBSP ":\n   a) un" NBSP ";\n   c) deux.\n",
                                      -1, PLENARY_DRAFT_KIND_RESOLUTION, &warnings);
  g_assert_cmpuint (top (body, 0)->children->len, ==, 2);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpuint (((PlenaryParseWarning *)g_ptr_array_index (warnings, 0))->line, ==, 2);
}

static void
test_markers (void)
{
  static const struct { const char *lang; guint level, index; const char *marker; } cases[] = {
    { "fr", 0, 0, "1." }, { "fr", 0, 11, "12." }, { "en", 0, 2, "3." },
    { "fr", 1, 0, "a)" }, { "fr", 1, 25, "z)" }, { "fr", 1, 26, "aa)" }, { "fr", 1, 27, "bb)" },
    { "en", 1, 0, "(a)" }, { "en", 1, 2, "(c)" },
    { "fr", 2, 0, "i)" }, { "fr", 2, 1, "ii)" }, { "fr", 2, 3, "iv)" }, { "fr", 2, 8, "ix)" },
    { "en", 2, 0, "(i)" }, { "en", 2, 13, "(xiv)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *marker = plenary_clause_marker (cases[i].lang, cases[i].level, cases[i].index);

      g_assert_cmpstr (marker, ==, cases[i].marker);
    }

  g_assert_cmpuint (plenary_clause_parse_roman ("iv", 2), ==, 4);
  g_assert_cmpuint (plenary_clause_parse_roman ("ix", 2), ==, 9);
  g_assert_cmpuint (plenary_clause_parse_roman ("xiv", 3), ==, 14);
  g_assert_cmpuint (plenary_clause_parse_roman ("ab", 2), ==, 0);
  g_assert_cmpuint (plenary_clause_parse_letters ("a", 1), ==, 1);
  g_assert_cmpuint (plenary_clause_parse_letters ("aa", 2), ==, 27);
  g_assert_cmpuint (plenary_clause_parse_letters ("ab", 2), ==, 0);
}

static void
test_blank_lines (void)
{
  PlenaryPhraseDictionary *en = plenary_phrase_dictionary_get_default ("en");
  g_autoptr(PlenaryBody) with_blanks = NULL;
  g_autoptr(PlenaryBody) without = NULL;
  g_autofree char *printed = NULL;

  with_blanks = plenary_clause_parser_parse (en,
                                             "The General Assembly,\r\n\r\n"
                                             "Recalling its resolution 78/265,\r\n\r\n"
                                             "Highlighting the role of education,\r\n\r\n"
                                             "1. Urges all States to act;\r\n\r\n"
                                             "2. Decides to remain seized of the matter.\r\n",
                                             -1, PLENARY_DRAFT_KIND_RESOLUTION, NULL);
  without = plenary_clause_parser_parse (en,
                                         "The General Assembly,\n"
                                         "Recalling its resolution 78/265,\n"
                                         "Highlighting the role of education,\n"
                                         "Urges all States to act;\n"
                                         "Decides to remain seized of the matter.",
                                         -1, PLENARY_DRAFT_KIND_RESOLUTION, NULL);
  g_assert_true (plenary_body_equal (with_blanks, without));
  assert_paragraph (top (without, 1), PLENARY_ROLE_PREAMBULAR, "Highlighting", "the role of education,");
  assert_paragraph (top (without, 3), PLENARY_ROLE_OPERATIVE, "Decides", "to remain seized of the matter.");

  printed = plenary_clause_printer_print (without, PLENARY_DRAFT_KIND_RESOLUTION, "en",
                                          PLENARY_PRINT_PLAIN | PLENARY_PRINT_BLANK_LINES);
  g_assert_cmpstr (printed, ==,
                   "The General Assembly,\n\n"
                   "Recalling its resolution 78/265,\n\n"
                   "Highlighting the role of education,\n\n"
                   "1. Urges all States to act;\n\n"
                   "2. Decides to remain seized of the matter.\n");
}

static void
test_brief (void)
{
  PlenaryPhraseDictionary *fr = plenary_phrase_dictionary_get_default ("fr");
  g_autoptr(PlenaryBody) body = NULL;
  g_autofree char *printed = NULL;
  const char *text =
    "# Contexte\n"
    "L'intelligence artificielle transforme le travail.\n"
    "• Automatisation\n"
    "• Formation\n"
    "# Position de la délégation\n"
    "La délégation soutient un cadre multilatéral.";

  body = plenary_clause_parser_parse (fr, text, -1, PLENARY_DRAFT_KIND_BRIEF, NULL);
  g_assert_null (body->opening);
  g_assert_cmpuint (body->paragraphs->len, ==, 2);
  assert_paragraph (top (body, 0), PLENARY_ROLE_HEADING, NULL, "Contexte");
  g_assert_cmpuint (top (body, 0)->children->len, ==, 3);
  assert_paragraph (child (top (body, 0), 0), PLENARY_ROLE_PARAGRAPH, NULL, "L'intelligence artificielle transforme le travail.");
  assert_paragraph (child (top (body, 0), 2), PLENARY_ROLE_BULLET, NULL, "Formation");
  assert_paragraph (top (body, 1), PLENARY_ROLE_HEADING, NULL, "Position de la délégation");

  printed = plenary_clause_printer_print (body, PLENARY_DRAFT_KIND_BRIEF, "fr", PLENARY_PRINT_EDITOR);
  g_assert_cmpstr (printed, ==, text);
}

/* Issue 10, point 6: a phrase may cover the whole paragraph, a phrase
 * followed by a comma is still that phrase, and Chapter VII is recognised. */
static void
test_phrase_before_punctuation (void)
{
  PlenaryPhraseDictionary *fr = plenary_phrase_dictionary_get_default ("fr");
  PlenaryPhraseDictionary *en = plenary_phrase_dictionary_get_default ("en");
  g_autoptr(PlenaryBody) french = NULL;
  g_autoptr(PlenaryBody) english = NULL;
  g_autofree char *printed = NULL;

  french = plenary_clause_parser_parse (fr, "Le Conseil de sécurité,\n"
                                            "Rappelant, à cet égard, sa résolution 1325 (2000),\n"
                                            "Agissant en vertu du Chapitre VII de la Charte des Nations Unies,\n"
                                            "Décide de rester saisi de la question.",
                                        -1, PLENARY_DRAFT_KIND_RESOLUTION, NULL);
  assert_paragraph (top (french, 0), PLENARY_ROLE_PREAMBULAR, "Rappelant", ", à cet égard, sa résolution 1325 (2000),");
  assert_paragraph (top (french, 1), PLENARY_ROLE_PREAMBULAR,
                    "Agissant en vertu du Chapitre VII de la Charte des Nations Unies", ",");
  assert_paragraph (top (french, 2), PLENARY_ROLE_OPERATIVE, "Décide", "de rester saisi de la question.");

  english = plenary_clause_parser_parse (en, "The Security Council,\n"
                                             "Acting under Chapter VII of the Charter of the United Nations,\n"
                                             "Decides, in the light of the report, to act;\n"
                                             "Decides to remain seized of the matter.",
                                         -1, PLENARY_DRAFT_KIND_RESOLUTION, NULL);
  assert_paragraph (top (english, 0), PLENARY_ROLE_PREAMBULAR,
                    "Acting under Chapter VII of the Charter of the United Nations", ",");
  assert_paragraph (top (english, 1), PLENARY_ROLE_OPERATIVE, "Decides", ", in the light of the report, to act;");
  assert_paragraph (top (english, 2), PLENARY_ROLE_OPERATIVE, "Decides", "to remain seized of the matter.");

  /* The full text comes back without a space before the comma. */
  printed = plenary_paragraph_dup_full_text (top (english, 1));
  g_assert_cmpstr (printed, ==, "Decides, in the light of the report, to act;");
}

/* A heading inside a resolution ("# Sanctions" in the editor text): its own
 * role, not numbered, the numbering runs on across it, and the printer gives
 * the same text back. */
static void
test_resolution_heading (void)
{
  PlenaryPhraseDictionary *en = plenary_phrase_dictionary_get_default ("en");
  const char *text = "The Security Council,\n"
                     "Recalling its resolution 1,\n"
                     "Decides to act;\n"
                     "# Arms embargo\n"
                     "Decides that all States shall prevent the supply of arms;\n"
                     "\tby land;\n"
                     "Decides to remain seized of the matter.";
  g_autoptr(PlenaryBody) body = plenary_clause_parser_parse (en, text, -1, PLENARY_DRAFT_KIND_RESOLUTION, NULL);
  g_autofree char *editor = NULL;
  g_autofree char *plain = NULL;

  g_assert_cmpuint (body->paragraphs->len, ==, 5);
  assert_paragraph (top (body, 2), PLENARY_ROLE_HEADING, NULL, "Arms embargo");
  assert_paragraph (top (body, 3), PLENARY_ROLE_OPERATIVE, "Decides", "that all States shall prevent the supply of arms;");
  g_assert_cmpuint (top (body, 3)->children->len, ==, 1);

  editor = plenary_clause_printer_print (body, PLENARY_DRAFT_KIND_RESOLUTION, "en", PLENARY_PRINT_EDITOR);
  g_assert_cmpstr (editor, ==, text);
  plain = plenary_clause_printer_print (body, PLENARY_DRAFT_KIND_RESOLUTION, "en", PLENARY_PRINT_PLAIN);
  /* Unnumbered; the paragraph after it is 2. */
  g_assert_nonnull (strstr (plain, "1. Decides to act;\nArms embargo\n2. Decides that all States"));
  g_assert_nonnull (strstr (plain, "3. Decides to remain seized"));
}


/* The editor text's notes ("[^1]: text") and annex ("# Annex" and the lines
 * after it); a resolution made a brief and back keeps every line. */
static void
test_notes_annex_and_kinds (void)
{
  PlenaryPhraseDictionary *en = plenary_phrase_dictionary_get_default ("en");
  const char *text =
    "The General Assembly,\n"
    "Recalling its resolution 70/1[^1],\n"
    "Decides that States shall:\n"
    "\tReport[^a];\n"
    "# Annex I\n"
    "Terms of reference\n"
    "Decides nothing here\n"
    "[^1]: A/RES/70/1.\n"
    "[^a]: Every year.";
  g_autoptr(PlenaryBody) body = plenary_clause_parser_parse (en, text, -1, PLENARY_DRAFT_KIND_RESOLUTION, NULL);
  g_autofree char *printed = NULL;
  g_autofree char *brief = NULL;
  g_autofree char *back = NULL;
  g_autoptr(PlenaryBody) as_brief = NULL;
  g_autoptr(PlenaryBody) as_resolution = NULL;
  PlenaryLineState state = PLENARY_LINE_STATE_INIT;
  PlenaryLineInfo info;

  g_assert_cmpuint (body->paragraphs->len, ==, 2);
  g_assert_cmpuint (body->notes->len, ==, 2);
  g_assert_cmpstr (((PlenaryNote *) g_ptr_array_index (body->notes, 1))->id, ==, "a");
  g_assert_cmpstr (((PlenaryNote *) g_ptr_array_index (body->notes, 1))->text, ==, "Every year.");
  g_assert_cmpstr (body->annex_heading, ==, "Annex I");
  /* A phrase in the annex is the annex's text, not an operative paragraph. */
  g_assert_cmpuint (body->annex->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (body->annex, 1), ==, "Decides nothing here");

  printed = plenary_clause_printer_print (body, PLENARY_DRAFT_KIND_RESOLUTION, "en", PLENARY_PRINT_EDITOR);
  g_assert_cmpstr (printed, ==, text);

  /* Lines of the annex are classified as the annex's. */
  for (const char *line = text; line != NULL; line = strchr (line, '\n') ? strchr (line, '\n') + 1 : NULL)
    {
      gsize len = strchr (line, '\n') ? (gsize) (strchr (line, '\n') - line) : strlen (line);

      plenary_clause_parser_classify_line (en, PLENARY_DRAFT_KIND_RESOLUTION, line, len, &state, &info);
      if (g_str_has_prefix (line, "Decides nothing"))
        g_assert_true (info.is_annex && info.phrase_end == info.phrase_start);
      if (g_str_has_prefix (line, "[^1]"))
        g_assert_true (info.is_note);
    }

  brief = plenary_clause_printer_convert (body, PLENARY_DRAFT_KIND_RESOLUTION, PLENARY_DRAFT_KIND_BRIEF, "en");
  g_assert_nonnull (strstr (brief, "\n• Report[^a];\n"));
  as_brief = plenary_clause_parser_parse (en, brief, -1, PLENARY_DRAFT_KIND_BRIEF, NULL);
  g_assert_cmpuint (as_brief->notes->len, ==, 2);
  g_assert_cmpstr (as_brief->annex_heading, ==, "Annex I");
  back = plenary_clause_printer_convert (as_brief, PLENARY_DRAFT_KIND_BRIEF, PLENARY_DRAFT_KIND_RESOLUTION, "en");
  as_resolution = plenary_clause_parser_parse (en, back, -1, PLENARY_DRAFT_KIND_RESOLUTION, NULL);
  g_assert_true (plenary_body_equal (as_resolution, body));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clause-parser/classify-line", test_classify_line);
  g_test_add_func ("/clause-parser/unknown-comma-preambular", test_unknown_comma_preambular);
  g_test_add_func ("/clause-parser/editor-text", test_parse_editor_text);
  g_test_add_func ("/clause-parser/numbering-recovery", test_numbering_recovery);
  g_test_add_func ("/clause-parser/subparagraph-markers", test_subparagraph_markers);
  g_test_add_func ("/clause-parser/marker-out-of-sequence", test_marker_out_of_sequence);
  g_test_add_func ("/clause-parser/markers", test_markers);
  g_test_add_func ("/clause-parser/blank-lines", test_blank_lines);
  g_test_add_func ("/clause-parser/brief", test_brief);

  g_test_add_func ("/clause-parser/phrase-before-punctuation", test_phrase_before_punctuation);
  g_test_add_func ("/clause-parser/resolution-heading", test_resolution_heading);
  g_test_add_func ("/clause-parser/notes-annex-and-kinds", test_notes_annex_and_kinds);

  return g_test_run ();
}
