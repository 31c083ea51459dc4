/* test-codec.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "model-fixtures.h"

static char *
encode_string (PlenaryDraft *draft)
{
  g_autoptr(GBytes) bytes = plenary_draft_codec_encode (draft);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

static PlenaryDraft *
decode_string (const char *json)
{
  g_autoptr(GError) error = NULL;
  PlenaryDraft *draft = plenary_draft_codec_decode (json, strlen (json), &error);

  g_assert_no_error (error);
  g_assert_nonnull (draft);

  return draft;
}

static char *
read_fixture (const char *first,
              ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  const char *part;
  va_list args;

  g_ptr_array_add (parts, (char *) g_test_get_dir (G_TEST_DIST));
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (char *) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  path = g_build_filenamev ((char **) parts->pdata);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
assert_refused (const char        *json,
                gsize              length,
                PlenaryDraftError  code,
                const char        *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenaryDraft) draft = plenary_draft_codec_decode (json, length, &error);

  g_assert_null (draft);
  g_assert_error (error, PLENARY_DRAFT_ERROR, (int) code);
  g_assert_cmpstr (plenary_draft_error_get_path (error), ==, path);
  if (path != NULL)
    g_assert_nonnull (strstr (error->message, path));
}

static void
test_round_trip_full (void)
{
  g_autoptr(PlenaryDraft) draft = model_fixture_full_resolution ();
  g_autoptr(PlenaryDraft) decoded = NULL;
  g_autofree char *first = encode_string (draft);
  g_autofree char *second = NULL;
  PlenaryParagraph *operative;

  decoded = decode_string (first);
  model_assert_drafts_equal (draft, decoded);

  /* The nesting really came back, not just equal counts. */
  operative = g_ptr_array_index (plenary_draft_get_body (decoded)->paragraphs, 2);
  g_assert_cmpint (operative->role, ==, PLENARY_ROLE_OPERATIVE);
  g_assert_cmpstr (operative->phrase, ==, "Engage");
  g_assert_cmpuint (operative->children->len, ==, 2);
  g_assert_cmpstr (((PlenaryParagraph *) g_ptr_array_index (
                      ((PlenaryParagraph *) g_ptr_array_index (operative->children, 0))->children,
                      0))->text, ==, "notamment rurales;");
  g_assert_cmpuint (plenary_source_get_page_at (plenary_draft_find_source (decoded, "s1"), 50), ==, 2);

  second = encode_string (decoded);
  g_assert_cmpstr (first, ==, second);
}

static void
test_round_trip_brief (void)
{
  g_autoptr(PlenaryDraft) draft = model_fixture_brief ();
  g_autoptr(PlenaryDraft) decoded = NULL;
  g_autofree char *json = encode_string (draft);
  g_autofree char *again = NULL;
  PlenaryBody *body;

  g_assert_nonnull (strstr (json, "\"sections\": ["));
  g_assert_nonnull (strstr (json, "\"heading\": null"));
  g_assert_null (strstr (json, "\"opening\""));

  decoded = decode_string (json);
  model_assert_drafts_equal (draft, decoded);

  body = plenary_draft_get_body (decoded);
  g_assert_cmpuint (body->paragraphs->len, ==, 4);
  g_assert_cmpint (((PlenaryParagraph *) g_ptr_array_index (body->paragraphs, 0))->role, ==,
                   PLENARY_ROLE_PARAGRAPH);
  g_assert_cmpstr (((PlenaryParagraph *) g_ptr_array_index (body->paragraphs, 1))->text, ==,
                   "Contexte");

  again = encode_string (decoded);
  g_assert_cmpstr (json, ==, again);
}

static void
test_stable_output (void)
{
  g_autoptr(PlenaryDraft) draft = model_fixture_full_resolution ();
  g_autofree char *first = encode_string (draft);
  g_autofree char *second = encode_string (draft);

  g_assert_cmpstr (first, ==, second);
  g_assert_true (g_str_has_prefix (first,
                                   "{\n"
                                   "  \"format\": \"plenary-draft\",\n"
                                   "  \"version\": 2,\n"
                                   "  \"kind\": \"resolution\",\n"
                                   "  \"language\": \"fr\",\n"
                                   "  \"metadata\": {\n"
                                   "    \"body\": \"Assemblée générale\",\n"));
  g_assert_true (g_str_has_suffix (first, "  ]\n}\n"));
  /* UTF-8 as is, escapes only where JSON needs them. */
  g_assert_null (strstr (first, "\\u00"));
  g_assert_nonnull (strstr (first, "\"text\": \"Texte\\tnon placé \\\\ avec barre.\""));
  g_assert_nonnull (strstr (first, "\"text\": \"à coopérer \\\"sans délai\\\";\""));
  g_assert_nonnull (strstr (first, "\"pages\": [\n        0,\n        42,\n        97\n      ],"));
  g_assert_nonnull (strstr (first, "\"signatories\": [\n      \"Japon\"\n    ],"));
  /* Sub-paragraphs carry no role; the last paragraph has no phrase. Every
   * paragraph has its id first, in document order. */
  g_assert_nonnull (strstr (first, "{\n                \"id\": \"p5\",\n                \"text\": \"notamment rurales;\"\n              }"));
  g_assert_nonnull (strstr (first, "{\n        \"id\": \"p8\",\n        \"role\": \"paragraph\",\n        \"text\": \"Texte"));
}

static void
test_unknown_fields (void)
{
  g_autofree char *json = read_fixture ("model", "data", "unknown-fields.plenary.json", NULL);
  g_autoptr(PlenaryDraft) draft = decode_string (json);
  g_autofree char *encoded = encode_string (draft);
  g_autoptr(PlenaryAnnotation) annotation = NULL;
  PlenaryBody *body = plenary_draft_get_body (draft);
  PlenaryParagraph *operative = g_ptr_array_index (body->paragraphs, 1);
  PlenaryParagraph *level2;
  JsonObject *extra;
  JsonArray *selectors;

  /* Same bytes back: every unknown member, its value and its place. */
  g_assert_cmpstr (encoded, ==, json);

  extra = plenary_draft_get_extra (draft);
  g_assert_nonnull (extra);
  g_assert_cmpuint (json_object_get_size (extra), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (extra, "x_app"), "zoom"),
                     ==, 1.25);

  extra = plenary_metadata_get_extra (plenary_draft_get_metadata (draft));
  g_assert_cmpstr (json_object_get_string_member (extra, "x_committee_room"), ==, "Salle 4");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (extra, "x_votes"), "against"), ==, 3);

  g_assert_cmpstr (json_object_get_string_member (body->extra, "x_numbering"), ==, "arabic");
  g_assert_cmpstr (json_object_get_string_member (operative->extra, "x_vote"), ==, "séparé");
  level2 = g_ptr_array_index (((PlenaryParagraph *) g_ptr_array_index (operative->children, 0))->children, 0);
  g_assert_cmpint (level2->role, ==, PLENARY_ROLE_SUBPARAGRAPH);
  g_assert_cmpint (json_object_get_int_member (level2->extra, "x_level"), ==, 2);

  extra = plenary_source_get_extra (plenary_draft_find_source (draft, "s1"));
  g_assert_cmpstr (json_object_get_string_member (extra, "x_checksum"), ==, "abc123");

  annotation = g_list_model_get_item (G_LIST_MODEL (plenary_draft_get_annotations (draft)), 0);
  g_assert_cmpstr (json_object_get_string_member (plenary_annotation_get_extra (annotation), "x_color"), ==, "#ff0000");
  g_assert_false (plenary_annotation_get_show_quote (annotation));
  extra = plenary_annotation_get_anchor_extra (annotation, FALSE);
  g_assert_cmpint (json_object_get_int_member (extra, "x_target"), ==, 7);
  selectors = json_object_get_array_member (extra, "selector");
  g_assert_cmpuint (json_array_get_length (selectors), ==, 2);
  g_assert_cmpstr (plenary_annotation_get_anchor (annotation)->exact, ==, "écoles");
  g_assert_cmpint (plenary_annotation_get_source_anchor (annotation)->end, ==, 29);
  g_assert_cmpstr (((PlenaryReply *) g_ptr_array_index (plenary_annotation_get_replies (annotation), 0))->text,
                   ==, "D'accord.");
}

static void
test_brief_fixture (void)
{
  g_autofree char *json = read_fixture ("model", "data", "brief-sections.plenary.json", NULL);
  g_autoptr(PlenaryDraft) draft = decode_string (json);
  g_autofree char *encoded = encode_string (draft);
  PlenaryBody *body = plenary_draft_get_body (draft);
  PlenaryParagraph *background;

  g_assert_cmpint (plenary_draft_get_kind (draft), ==, PLENARY_DRAFT_KIND_BRIEF);
  g_assert_cmpuint (body->paragraphs->len, ==, 3);
  g_assert_cmpstr (((PlenaryParagraph *) g_ptr_array_index (body->paragraphs, 0))->text, ==,
                   "Delegation of Norway");
  background = g_ptr_array_index (body->paragraphs, 1);
  g_assert_cmpint (background->role, ==, PLENARY_ROLE_HEADING);
  g_assert_cmpstr (background->text, ==, "Background");
  g_assert_cmpuint (background->children->len, ==, 2);
  g_assert_cmpint (((PlenaryParagraph *) g_ptr_array_index (background->children, 1))->role, ==,
                   PLENARY_ROLE_BULLET);
  g_assert_cmpstr (json_object_get_string_member (background->extra, "x_section"), ==, "kept");
  g_assert_cmpuint (((PlenaryParagraph *) g_ptr_array_index (body->paragraphs, 2))->children->len, ==, 0);

  g_assert_cmpstr (encoded, ==, json);
}

static void
test_templates (void)
{
  static const struct {
    const char *name;
    PlenaryDraftKind kind;
    const char *language;
    const char *first;
    const char *opening;
  } templates[] = {
    { "resolution-fr.plenary.json", PLENARY_DRAFT_KIND_RESOLUTION, "fr", "Rappelant", "L'Assemblée générale," },
    { "resolution-en.plenary.json", PLENARY_DRAFT_KIND_RESOLUTION, "en", "Recalling", "The General Assembly," },
    { "position-paper-fr.plenary.json", PLENARY_DRAFT_KIND_BRIEF, "fr", "Contexte", NULL },
    { "position-paper-en.plenary.json", PLENARY_DRAFT_KIND_BRIEF, "en", "Background", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("PLENARY_SOURCE_ROOT"), "data", "templates",
                                                templates[i].name, NULL);
      g_autofree char *json = NULL;
      g_autofree char *encoded = NULL;
      g_autoptr(PlenaryDraft) draft = NULL;
      PlenaryBody *body;
      PlenaryParagraph *first;

      g_assert_true (g_file_get_contents (path, &json, NULL, NULL));
      draft = decode_string (json);
      body = plenary_draft_get_body (draft);
      first = g_ptr_array_index (body->paragraphs, 0);

      g_assert_cmpint (plenary_draft_get_kind (draft), ==, templates[i].kind);
      g_assert_cmpstr (plenary_draft_get_language (draft), ==, templates[i].language);
      g_assert_cmpstr (body->opening, ==, templates[i].opening);

      if (templates[i].kind == PLENARY_DRAFT_KIND_RESOLUTION)
        {
          PlenaryParagraph *operative = g_ptr_array_index (body->paragraphs, 1);

          g_assert_cmpuint (body->paragraphs->len, ==, 2);
          g_assert_cmpint (first->role, ==, PLENARY_ROLE_PREAMBULAR);
          g_assert_cmpstr (first->phrase, ==, templates[i].first);
          g_assert_cmpint (operative->role, ==, PLENARY_ROLE_OPERATIVE);
        }
      else
        {
          g_assert_cmpuint (body->paragraphs->len, ==, 4);
          g_assert_cmpint (first->role, ==, PLENARY_ROLE_HEADING);
          g_assert_cmpstr (first->text, ==, templates[i].first);
          g_assert_cmpuint (first->children->len, ==, 1);
        }

      /* Templates are kept in the encoder's own layout. */
      encoded = encode_string (draft);
      g_assert_cmpstr (encoded, ==, json);
    }
}

static void
test_defaults (void)
{
  g_autoptr(PlenaryDraft) draft = decode_string (
    "{\"format\": \"plenary-draft\", \"version\": 1,"
    " \"sources\": [{\"id\": \"s9\"}],"
    " \"annotations\": [{\"id\": \"a9\"}]}");
  PlenaryMetadata *metadata = plenary_draft_get_metadata (draft);
  const char * const *fields = plenary_metadata_list_string_fields ();
  g_autoptr(PlenarySource) source = NULL;
  g_autoptr(PlenaryAnnotation) annotation = NULL;
  PlenaryAnchor *anchor;

  g_assert_cmpint (plenary_draft_get_kind (draft), ==, PLENARY_DRAFT_KIND_RESOLUTION);
  g_assert_cmpstr (plenary_draft_get_language (draft), ==, "fr");
  for (guint i = 0; fields[i] != NULL; i++)
    g_assert_cmpstr (plenary_metadata_get_string (metadata, fields[i]), ==, "");
  g_assert_cmpuint (g_strv_length ((char **) plenary_metadata_get_co_sponsors (metadata)), ==, 0);
  g_assert_cmpuint (plenary_metadata_get_page_limit (metadata), ==, 0);
  g_assert_null (plenary_draft_get_body (draft)->opening);
  g_assert_cmpuint (plenary_draft_get_body (draft)->paragraphs->len, ==, 0);
  g_assert_null (plenary_draft_get_extra (draft));

  source = g_list_model_get_item (G_LIST_MODEL (plenary_draft_get_sources (draft)), 0);
  g_assert_cmpstr (plenary_source_get_text (source), ==, "");
  g_assert_cmpuint (plenary_source_get_page_at (source, 3), ==, 0);

  annotation = g_list_model_get_item (G_LIST_MODEL (plenary_draft_get_annotations (draft)), 0);
  anchor = plenary_annotation_get_anchor (annotation);
  g_assert_cmpint (plenary_annotation_get_kind (annotation), ==, PLENARY_ANNOTATION_COMMENT);
  g_assert_cmpstr (anchor->target, ==, PLENARY_ANCHOR_TARGET_DRAFT);
  g_assert_cmpstr (anchor->exact, ==, "");
  g_assert_null (plenary_annotation_get_source_anchor (annotation));
  g_assert_false (plenary_annotation_get_resolved (annotation));
  g_assert_cmpuint (plenary_annotation_get_replies (annotation)->len, ==, 0);

  /* Paragraph role defaults: "paragraph" at the top, "subparagraph" below. */
  {
    g_autoptr(PlenaryDraft) d = decode_string (
      "{\"format\": \"plenary-draft\", \"version\": 1, \"body\": {\"paragraphs\":"
      " [{\"text\": \"x\", \"subparagraphs\": [{\"text\": \"y\"}]}]}}");
    PlenaryParagraph *p = g_ptr_array_index (plenary_draft_get_body (d)->paragraphs, 0);

    g_assert_cmpint (p->role, ==, PLENARY_ROLE_PARAGRAPH);
    g_assert_null (p->phrase);
    g_assert_cmpint (((PlenaryParagraph *) g_ptr_array_index (p->children, 0))->role, ==,
                     PLENARY_ROLE_SUBPARAGRAPH);
  }
}

static void
test_refuse_malformed (void)
{
  g_autofree char *json = read_fixture ("model", "data", "broken", "malformed.plenary.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenaryDraft) draft = plenary_draft_codec_decode (json, strlen (json), &error);
  const char *truncated = "{\"format\": \"plenary-draft\",\n \"version\": 1,\n \"kind\": ";

  g_assert_null (draft);
  g_assert_error (error, PLENARY_DRAFT_ERROR, PLENARY_DRAFT_ERROR_MALFORMED);
  g_assert_cmpuint (plenary_draft_error_get_line (error), ==, 4);
  g_assert_cmpuint (plenary_draft_error_get_column (error), >, 20);
  g_assert_nonnull (strstr (error->message, "line 4, column "));
  g_assert_null (strstr (error->message, "<data>"));
  g_clear_error (&error);

  draft = plenary_draft_codec_decode (truncated, strlen (truncated), &error);
  g_assert_null (draft);
  g_assert_error (error, PLENARY_DRAFT_ERROR, PLENARY_DRAFT_ERROR_MALFORMED);
  g_assert_cmpuint (plenary_draft_error_get_line (error), ==, 3);
  g_clear_error (&error);

  draft = plenary_draft_codec_decode ("  \n", 3, &error);
  g_assert_null (draft);
  g_assert_error (error, PLENARY_DRAFT_ERROR, PLENARY_DRAFT_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "empty"));
}

static void
test_refuse_not_a_draft (void)
{
  g_autofree char *json = read_fixture ("model", "data", "broken", "not-a-draft.plenary.json", NULL);
  const char * const others[] = {
    "[1, 2]",
    "\"plenary-draft\"",
    "{\"version\": 1}",
    "{\"format\": 1, \"version\": 1}",
    "null",
  };

  assert_refused (json, strlen (json), PLENARY_DRAFT_ERROR_NOT_A_DRAFT, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    assert_refused (others[i], strlen (others[i]), PLENARY_DRAFT_ERROR_NOT_A_DRAFT, NULL);
}

static void
test_refuse_newer (void)
{
  g_autofree char *json = read_fixture ("model", "data", "broken", "newer.plenary.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenaryDraft) draft = plenary_draft_codec_decode (json, strlen (json), &error);

  g_assert_null (draft);
  g_assert_error (error, PLENARY_DRAFT_ERROR, PLENARY_DRAFT_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer"));
  g_assert_nonnull (strstr (error->message, "7"));
}

static void
test_refuse_version (void)
{
  const char *missing = "{\"format\": \"plenary-draft\"}";
  const char *text = "{\"format\": \"plenary-draft\", \"version\": \"1\"}";
  const char *fraction = "{\"format\": \"plenary-draft\", \"version\": 1.5}";
  const char *zero = "{\"format\": \"plenary-draft\", \"version\": 0}";

  assert_refused (missing, strlen (missing), PLENARY_DRAFT_ERROR_INVALID, "$.version");
  assert_refused (text, strlen (text), PLENARY_DRAFT_ERROR_INVALID, "$.version");
  assert_refused (fraction, strlen (fraction), PLENARY_DRAFT_ERROR_INVALID, "$.version");
  assert_refused (zero, strlen (zero), PLENARY_DRAFT_ERROR_INVALID, "$.version");
}

static void
test_refuse_wrong_types (void)
{
  static const struct {
    const char *json;  /* members after "format" and "version" */
    const char *path;
  } cases[] = {
    { "\"body\": {\"paragraphs\": [{\"text\": \"a\"}, {\"role\": \"operative\", \"text\": 5}]}", "$.body.paragraphs[1].text" },
    { "\"metadata\": {\"co_sponsors\": [\"France\", 3]}", "$.metadata.co_sponsors[1]" },
    { "\"metadata\": {\"page_limit\": \"2\"}", "$.metadata.page_limit" },
    { "\"metadata\": {\"page_limit\": -1}", "$.metadata.page_limit" },
    { "\"metadata\": {\"symbol\": null}", "$.metadata.symbol" },
    { "\"metadata\": []", "$.metadata" },
    { "\"kind\": true", "$.kind" },
    { "\"kind\": \"treaty\"", "$.kind" },
    { "\"language\": 12", "$.language" },
    { "\"body\": {\"opening\": 3}", "$.body.opening" },
    { "\"body\": {\"paragraphs\": {}}", "$.body.paragraphs" },
    { "\"body\": {\"paragraphs\": [\"text\"]}", "$.body.paragraphs[0]" },
    { "\"body\": {\"paragraphs\": [{\"role\": \"preamble\", \"text\": \"\"}]}", "$.body.paragraphs[0].role" },
    { "\"body\": {\"paragraphs\": [{\"text\": \"\", \"subparagraphs\": [{\"text\": \"\", \"subparagraphs\": [{\"text\": false}]}]}]}",
      "$.body.paragraphs[0].subparagraphs[0].subparagraphs[0].text" },
    { "\"kind\": \"brief\", \"body\": {\"sections\": [{\"heading\": \"A\", \"paragraphs\": [{\"role\": \"bullet\", \"text\": []}]}]}",
      "$.body.sections[0].paragraphs[0].text" },
    { "\"kind\": \"brief\", \"body\": {\"sections\": [{\"heading\": 2}]}", "$.body.sections[0].heading" },
    { "\"sources\": {}", "$.sources" },
    { "\"sources\": [{\"title\": \"no id\"}]", "$.sources[0].id" },
    { "\"sources\": [{\"id\": \"s1\"}, {\"id\": \"s1\"}]", "$.sources[1].id" },
    { "\"sources\": [{\"id\": \"s1\", \"pages\": [0, \"x\"]}]", "$.sources[0].pages[1]" },
    { "\"sources\": [{\"id\": \"s1\", \"pages\": [10, 5]}]", "$.sources[0].pages[1]" },
    { "\"annotations\": [{\"id\": \"a1\", \"resolved\": \"yes\"}]", "$.annotations[0].resolved" },
    { "\"annotations\": [{\"id\": \"a1\", \"kind\": \"sticker\"}]", "$.annotations[0].kind" },
    { "\"annotations\": [{\"id\": \"a1\"}, {\"id\": \"a2\"}, {\"id\": \"a1\"}]", "$.annotations[2].id" },
    { "\"annotations\": [{\"id\": \"a1\", \"target\": {\"selector\": [{\"type\": \"TextQuoteSelector\", \"exact\": \"x\"}, {\"type\": \"TextPositionSelector\", \"start\": \"a\"}]}}]",
      "$.annotations[0].target.selector[1].start" },
    { "\"annotations\": [{\"id\": \"a1\", \"kind\": \"citation\", \"citation\": {\"source\": 4}}]", "$.annotations[0].citation.source" },
    { "\"annotations\": [{\"id\": \"a1\", \"kind\": \"citation\", \"show_quote\": 1}]", "$.annotations[0].show_quote" },
    { "\"annotations\": [{\"id\": \"a1\", \"replies\": [{\"text\": 1}]}]", "$.annotations[0].replies[0].text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"format\": \"plenary-draft\", \"version\": 1, %s}",
                                               cases[i].json);

      g_test_message ("case %u: %s", i, cases[i].path);
      assert_refused (json, strlen (json), PLENARY_DRAFT_ERROR_INVALID, cases[i].path);
    }

  /* The unknown role is named, so the user can find it. */
  {
    const char *json = "{\"format\": \"plenary-draft\", \"version\": 1, \"body\": {\"paragraphs\": [{\"role\": \"preamble\"}]}}";
    g_autoptr(GError) error = NULL;
    g_autoptr(PlenaryDraft) draft = plenary_draft_codec_decode (json, strlen (json), &error);

    g_assert_null (draft);
    g_assert_nonnull (strstr (error->message, "preamble"));
  }
}

static void
test_refuse_fixture_wrong_type (void)
{
  g_autofree char *json = read_fixture ("model", "data", "broken", "wrong-type.plenary.json", NULL);

  assert_refused (json, strlen (json), PLENARY_DRAFT_ERROR_INVALID, "$.body.paragraphs[1].text");
}

static void
test_refuse_utf8 (void)
{
  const char bad[] = "{\"format\": \"plenary-draft\",\n \"version\": 1, \"language\": \"fr\xff\"}";
  const char nul[] = "{\"format\": \"plenary-draft\", \"version\": 1, \"language\": \"f\0r\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenaryDraft) draft = NULL;

  draft = plenary_draft_codec_decode (bad, sizeof bad - 1, &error);
  g_assert_null (draft);
  g_assert_error (error, PLENARY_DRAFT_ERROR, PLENARY_DRAFT_ERROR_MALFORMED);
  g_assert_cmpuint (plenary_draft_error_get_line (error), ==, 2);
  g_assert_cmpuint (plenary_draft_error_get_column (error), ==, 31);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_clear_error (&error);

  draft = plenary_draft_codec_decode (nul, sizeof nul - 1, &error);
  g_assert_null (draft);
  g_assert_error (error, PLENARY_DRAFT_ERROR, PLENARY_DRAFT_ERROR_MALFORMED);
}

static char *
nested_paragraphs (guint levels)
{
  GString *json = g_string_new ("{\"format\": \"plenary-draft\", \"version\": 1, \"body\": {\"paragraphs\": [{\"role\": \"operative\", \"text\": \"x\"");

  for (guint i = 0; i < levels; i++)
    g_string_append (json, ", \"subparagraphs\": [{\"text\": \"y\"");
  for (guint i = 0; i < levels; i++)
    g_string_append (json, "}]");
  g_string_append (json, "}]}}");

  return g_string_free (json, FALSE);
}

static void
test_refuse_deep (void)
{
  g_autofree char *eight = nested_paragraphs (8);
  g_autofree char *nine = nested_paragraphs (9);
  g_autoptr(PlenaryDraft) draft = decode_string (eight);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) brackets = g_string_new ("{\"format\": \"plenary-draft\", \"version\": 1, \"x\": ");
  g_autoptr(GString) deepest = g_string_new ("$.body.paragraphs[0]");
  PlenaryDraft *refused;

  g_assert_nonnull (draft);
  /* The eighth level may not hold a ninth. */
  for (guint i = 0; i < 8; i++)
    g_string_append (deepest, ".subparagraphs[0]");
  g_string_append (deepest, ".subparagraphs");
  assert_refused (nine, strlen (nine), PLENARY_DRAFT_ERROR_INVALID, deepest->str);

  /* A million brackets must not reach the recursive JSON parser. */
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (brackets, '[');
  refused = plenary_draft_codec_decode (brackets->str, brackets->len, &error);
  g_assert_null (refused);
  g_assert_error (error, PLENARY_DRAFT_ERROR, PLENARY_DRAFT_ERROR_MALFORMED);
  g_assert_cmpuint (plenary_draft_error_get_line (error), ==, 1);
  g_assert_nonnull (strstr (error->message, "deep"));
}

static void
test_kind_mismatch (void)
{
  g_autoptr(PlenaryDraft) resolution = decode_string (
    "{\"format\": \"plenary-draft\", \"version\": 1, \"kind\": \"resolution\","
    " \"body\": {\"sections\": [{\"heading\": \"H\", \"paragraphs\": [{\"text\": \"p\"}]}]}}");
  g_autoptr(PlenaryDraft) brief = decode_string (
    "{\"format\": \"plenary-draft\", \"version\": 1, \"kind\": \"brief\","
    " \"body\": {\"paragraphs\": [{\"role\": \"heading\", \"text\": \"H\"}, {\"role\": \"bullet\", \"text\": \"b\"}]}}");
  PlenaryBody *body = plenary_draft_get_body (resolution);
  PlenaryParagraph *heading = g_ptr_array_index (body->paragraphs, 0);

  g_assert_cmpint (heading->role, ==, PLENARY_ROLE_HEADING);
  g_assert_cmpstr (heading->text, ==, "H");
  g_assert_cmpstr (((PlenaryParagraph *) g_ptr_array_index (heading->children, 0))->text, ==, "p");

  body = plenary_draft_get_body (brief);
  g_assert_cmpuint (body->paragraphs->len, ==, 2);
  g_assert_cmpint (((PlenaryParagraph *) g_ptr_array_index (body->paragraphs, 1))->role, ==,
                   PLENARY_ROLE_BULLET);
}

static void
test_orphan_not_written (void)
{
  g_autoptr(PlenaryDraft) draft = model_fixture_full_resolution ();
  g_autoptr(PlenaryAnnotation) annotation =
    g_list_model_get_item (G_LIST_MODEL (plenary_draft_get_annotations (draft)), 1);
  g_autofree char *before = encode_string (draft);
  g_autofree char *after = NULL;

  plenary_annotation_set_orphan (annotation, TRUE);
  after = encode_string (draft);

  g_assert_cmpstr (before, ==, after);
  g_assert_null (strstr (after, "orphan"));
}

/* A change of a source shows at the next encoding. */
static void
test_source_encoding_follows_changes (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(PlenarySource) source = plenary_source_new ("s1", "Premier titre", "a.txt", "text/plain",
                                                        "Le texte de la source.");
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) renamed = NULL;
  g_autoptr(PlenaryDraft) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_list_store_append (plenary_draft_get_sources (draft), source);
  first = plenary_draft_codec_encode (draft);
  again = plenary_draft_codec_encode (draft);
  g_assert_true (g_bytes_equal (first, again));

  plenary_source_set_title (source, "Second titre");
  renamed = plenary_draft_codec_encode (draft);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (renamed, NULL), g_bytes_get_size (renamed), "Second titre"));
  g_assert_null (g_strstr_len (g_bytes_get_data (renamed, NULL), g_bytes_get_size (renamed), "Premier titre"));
  loaded = plenary_draft_codec_decode (g_bytes_get_data (renamed, NULL), g_bytes_get_size (renamed), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plenary_source_get_title (plenary_draft_find_source (loaded, "s1")), ==, "Second titre");
}

/* Details and styles of a source (version 2): written only when present,
 * read back, and refused with a message when out of range. */
static void
test_source_details_and_styles (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_BRIEF, "fr");
  g_autoptr(PlenarySource) source = plenary_source_new ("s1", "Rapport", "rapport.md", "text/markdown",
                                                        "Titre\n\n• point en gras");
  const PlenarySourceStyle styles[] = {
    { 0, 5, PLENARY_SOURCE_STYLE_HEADING, 1 },
    { 7, 21, PLENARY_SOURCE_STYLE_ITEM, 1 },
    { 18, 21, PLENARY_SOURCE_STYLE_STRONG, 0 },
  };
  g_autofree char *json = NULL;
  g_autofree char *plain_json = NULL;
  g_autoptr(PlenaryDraft) loaded = NULL;
  g_autoptr(PlenaryDraft) plain = plenary_draft_new (PLENARY_DRAFT_KIND_BRIEF, "fr");
  g_autoptr(PlenarySource) plain_source = plenary_source_new ("s1", "Note", "note.txt", "text/plain", "Texte");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenaryDraft) refused = NULL;
  PlenarySource *back;
  const GArray *back_styles;

  plenary_source_set_styles (source, styles, G_N_ELEMENTS (styles));
  g_object_set (source, "author", "Secrétaire général", "date", "2025-03-12",
                "symbol", "A/80/123", "url", "https://undocs.org/A/80/123", NULL);
  g_list_store_append (plenary_draft_get_sources (draft), source);
  json = encode_string (draft);
  g_assert_nonnull (strstr (json, "\"author\": \"Secrétaire général\""));
  g_assert_nonnull (strstr (json, "\"date\": \"2025-03-12\""));
  g_assert_nonnull (strstr (json, "\"symbol\": \"A/80/123\""));
  g_assert_nonnull (strstr (json, "\"url\": \"https://undocs.org/A/80/123\""));
  g_assert_nonnull (strstr (json, "[0, 5, \"heading\", 1]"));
  g_assert_nonnull (strstr (json, "[18, 21, \"strong\"]"));

  loaded = decode_string (json);
  back = plenary_draft_find_source (loaded, "s1");
  g_assert_cmpstr (plenary_source_get_author (back), ==, "Secrétaire général");
  g_assert_cmpstr (plenary_source_get_date (back), ==, "2025-03-12");
  g_assert_cmpstr (plenary_source_get_symbol (back), ==, "A/80/123");
  g_assert_cmpstr (plenary_source_get_url (back), ==, "https://undocs.org/A/80/123");
  back_styles = plenary_source_get_styles (back);
  g_assert_cmpuint (back_styles->len, ==, 3);
  g_assert_cmpmem (back_styles->data, sizeof styles, styles, sizeof styles);

  /* Hidden markup is never read from a file. */
  {
    g_autoptr(GString) edited = g_string_new (json);
    g_autoptr(PlenaryDraft) hidden = NULL;

    g_string_replace (edited, "[18, 21, \"strong\"]", "[18, 21, \"markup\"]", 1);
    hidden = decode_string (edited->str);
    g_assert_cmpuint (plenary_source_get_styles (plenary_draft_find_source (hidden, "s1"))->len, ==, 2);
  }

  /* A plain source writes none of them. */
  g_list_store_append (plenary_draft_get_sources (plain), plain_source);
  plain_json = encode_string (plain);
  g_assert_null (strstr (plain_json, "\"styles\""));
  g_assert_null (strstr (plain_json, "\"author\""));

  {
    g_autofree char *bad = g_strdup (json);
    char *at = strstr (bad, "[18, 21,");

    memcpy (at, "[18, 99,", 8);
    refused = plenary_draft_codec_decode (bad, strlen (bad), &error);
    g_assert_null (refused);
    g_assert_error (error, PLENARY_DRAFT_ERROR, PLENARY_DRAFT_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "styles"));
    g_clear_error (&error);
  }
  {
    g_autofree char *bad = g_strdup (json);
    char *at = strstr (bad, "2025-03-12");

    memcpy (at, "2025-13-12", 10);
    refused = plenary_draft_codec_decode (bad, strlen (bad), &error);
    g_assert_null (refused);
    g_assert_error (error, PLENARY_DRAFT_ERROR, PLENARY_DRAFT_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "date"));
  }
}

/* Version 2's notes and annex: read, written back the same; a version 1
 * file has none, and a draft without them writes neither member. */
static void
test_notes_and_annex (void)
{
  const char *json =
    "{\"format\": \"plenary-draft\", \"version\": 1, \"kind\": \"resolution\", \"language\": \"en\",\n"
    " \"body\": {\"opening\": \"The General Assembly,\",\n"
    "  \"paragraphs\": [{\"role\": \"operative\", \"phrase\": \"Decides\", \"text\": \"to act[^1].\"}],\n"
    "  \"notes\": [{\"id\": \"1\", \"text\": \"A/RES/70/1.\"}],\n"
    "  \"annex\": {\"heading\": \"Annex\", \"paragraphs\": [\"Terms of reference\", \"1. The group meets.\"]}}}";
  g_autoptr(PlenaryDraft) draft = decode_string (json);
  g_autoptr(PlenaryDraft) again = NULL;
  g_autoptr(PlenaryDraft) plain = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "en");
  g_autofree char *written = NULL;
  g_autofree char *without = NULL;
  PlenaryBody *body = plenary_draft_get_body (draft);
  PlenaryNote *note;

  g_assert_cmpuint (body->notes->len, ==, 1);
  note = g_ptr_array_index (body->notes, 0);
  g_assert_cmpstr (note->id, ==, "1");
  g_assert_cmpstr (note->text, ==, "A/RES/70/1.");
  g_assert_true (plenary_body_find_note (body, "1") == note);
  g_assert_cmpstr (body->annex_heading, ==, "Annex");
  g_assert_cmpuint (body->annex->len, ==, 2);
  g_assert_null (body->extra);

  written = encode_string (draft);
  g_assert_nonnull (strstr (written, "\"notes\""));
  g_assert_nonnull (strstr (written, "\"annex\""));
  again = decode_string (written);
  g_assert_true (plenary_body_equal (plenary_draft_get_body (again), body));

  without = encode_string (plain);
  g_assert_null (strstr (without, "\"notes\""));
  g_assert_null (strstr (without, "\"annex\""));

  /* A note needs its id. */
  {
    const char *bad = "{\"format\": \"plenary-draft\", \"version\": 1, \"kind\": \"resolution\","
                      " \"body\": {\"notes\": [{\"text\": \"orphan\"}]}}";
    g_autoptr(GError) error = NULL;
    g_autoptr(PlenaryDraft) refused = plenary_draft_codec_decode (bad, strlen (bad), &error);

    g_assert_null (refused);
    g_assert_error (error, PLENARY_DRAFT_ERROR, PLENARY_DRAFT_ERROR_INVALID);
  }
}

/* What a pause in typing makes (the recovery copy's snapshot) holds none of
 * a large source's text: only the worker writing the copy escapes it. The
 * bytes it then gives are those of a plain encoding, whatever is typed or
 * renamed after the snapshot was taken, and the source may leave the draft
 * meanwhile. */
static void
test_snapshot_leaves_sources (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PlenarySource) source = NULL;
  g_autoptr(PlenarySource) small = plenary_source_new ("s2", "Note \"courte\"", "b.txt", "text/plain",
                                                       "Ligne\tun\nligne \"deux\" \\ fin.");
  g_autoptr(PlenaryParagraph) paragraph = plenary_paragraph_new (PLENARY_ROLE_OPERATIVE, "Décide",
                                                                 "de rester saisie de la question ;");
  g_autoptr(PlenaryDraftSnapshot) snapshot = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) encoded = NULL;
  g_autoptr(PlenaryDraft) loaded = NULL;
  g_autoptr(GError) error = NULL;

  /* 8 MB of text with every kind of character that JSON escapes. */
  while (text->len < 8 * 1024 * 1024)
    g_string_append (text, "Rapport \"annuel\" du Secrétaire général\\\tparagraphe\r\n\x01");
  source = plenary_source_new ("s1", "Rapport", "rapport.txt", "text/plain", text->str);
  g_list_store_append (plenary_draft_get_sources (draft), source);
  g_list_store_append (plenary_draft_get_sources (draft), small);
  plenary_body_append (plenary_draft_get_body (draft), paragraph);

  expected = plenary_draft_codec_encode (draft);
  snapshot = plenary_draft_snapshot_new (draft);
  g_assert_cmpuint (plenary_draft_snapshot_get_size (snapshot), <, 64 * 1024);

  /* Edits after the snapshot belong to the next one. */
  plenary_source_set_title (small, "Autre titre");
  g_list_store_remove_all (plenary_draft_get_sources (draft));
  g_clear_object (&source);

  encoded = plenary_draft_snapshot_encode (snapshot);
  g_assert_true (g_bytes_equal (encoded, expected));
  loaded = plenary_draft_codec_decode (g_bytes_get_data (encoded, NULL), g_bytes_get_size (encoded), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plenary_source_get_text (plenary_draft_find_source (loaded, "s1")), ==, text->str);
  g_assert_cmpstr (plenary_source_get_title (plenary_draft_find_source (loaded, "s2")), ==, "Note \"courte\"");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/codec/round-trip/full", test_round_trip_full);
  g_test_add_func ("/model/codec/round-trip/brief", test_round_trip_brief);
  g_test_add_func ("/model/codec/stable-output", test_stable_output);
  g_test_add_func ("/model/codec/source-encoding-follows-changes", test_source_encoding_follows_changes);
  g_test_add_func ("/model/codec/snapshot-leaves-sources", test_snapshot_leaves_sources);
  g_test_add_func ("/model/codec/unknown-fields", test_unknown_fields);
  g_test_add_func ("/model/codec/source-details-and-styles", test_source_details_and_styles);
  g_test_add_func ("/model/codec/brief-fixture", test_brief_fixture);
  g_test_add_func ("/model/codec/templates", test_templates);
  g_test_add_func ("/model/codec/defaults", test_defaults);
  g_test_add_func ("/model/codec/kind-mismatch", test_kind_mismatch);
  g_test_add_func ("/model/codec/orphan-not-written", test_orphan_not_written);
  g_test_add_func ("/model/codec/refuse/malformed", test_refuse_malformed);
  g_test_add_func ("/model/codec/refuse/not-a-draft", test_refuse_not_a_draft);
  g_test_add_func ("/model/codec/refuse/newer", test_refuse_newer);
  g_test_add_func ("/model/codec/refuse/version", test_refuse_version);
  g_test_add_func ("/model/codec/refuse/wrong-types", test_refuse_wrong_types);
  g_test_add_func ("/model/codec/refuse/fixture-wrong-type", test_refuse_fixture_wrong_type);
  g_test_add_func ("/model/codec/refuse/utf8", test_refuse_utf8);
  g_test_add_func ("/model/codec/refuse/deep", test_refuse_deep);
  g_test_add_func ("/model/codec/notes-and-annex", test_notes_and_annex);

  return g_test_run ();
}
