/* test-revisions.c: paragraph ids and revisions in the draft format
 * (version 2), through the codec as files hold them.
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

static GError *
decode_error (const char *json)
{
  GError *error = NULL;
  g_autoptr(PlenaryDraft) draft = plenary_draft_codec_decode (json, strlen (json), &error);

  g_assert_null (draft);
  g_assert_nonnull (error);

  return error;
}

static PlenaryParagraph *
paragraph_at (PlenaryDraft *draft,
              guint         i)
{
  return g_ptr_array_index (plenary_draft_get_body (draft)->paragraphs, i);
}

#define V1 "{\"format\": \"plenary-draft\", \"version\": 1, \"body\": {\"paragraphs\": [" \
  "{\"role\": \"preambular\", \"phrase\": \"Rappelant\", \"text\": \"ses résolutions,\"}," \
  "{\"role\": \"operative\", \"phrase\": \"Prie\", \"text\": \"le Secrétaire général :\", " \
  " \"subparagraphs\": [{\"text\": \"de faire rapport ;\"}]}]}}"

/* A version 1 file opens; its paragraphs get ids, and it is written as
 * version 2 with them. */
static void
test_upgrade_v1 (void)
{
  g_autoptr(PlenaryDraft) draft = decode_string (V1);
  g_autofree char *json = NULL;
  PlenaryParagraph *operative = paragraph_at (draft, 1);

  g_assert_cmpstr (paragraph_at (draft, 0)->id, ==, "p1");
  g_assert_cmpstr (operative->id, ==, "p2");
  g_assert_cmpstr (((PlenaryParagraph *) g_ptr_array_index (operative->children, 0))->id, ==, "p3");
  g_assert_cmpuint (g_strv_length ((GStrv) plenary_draft_get_load_warnings (draft)), ==, 0);

  json = encode_string (draft);
  g_assert_nonnull (strstr (json, "\"version\": 2,"));
  g_assert_nonnull (strstr (json, "\"id\": \"p3\","));
  g_assert_null (strstr (json, "\"revisions\""));
}

/* Version 3 is a newer Plenary's: refused, saying so. */
static void
test_refuse_v3 (void)
{
  g_autoptr(GError) error = decode_error ("{\"format\": \"plenary-draft\", \"version\": 3}");

  g_assert_error (error, PLENARY_DRAFT_ERROR, PLENARY_DRAFT_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "3"));
  g_assert_nonnull (strstr (error->message, "2"));
}

static void
edit_text (PlenaryDraft *draft,
           guint         i,
           const char   *text)
{
  PlenaryParagraph *paragraph = paragraph_at (draft, i);

  g_free (paragraph->text);
  paragraph->text = g_strdup (text);
}

/* Revisions come back as they were saved: names, dates, authors, header,
 * paragraphs with their ids; what did not change is written once. */
static void
test_round_trip (void)
{
  g_autoptr(PlenaryDraft) draft = decode_string (V1);
  g_autoptr(PlenaryDraft) again = NULL;
  g_autoptr(PlenaryDraft) old_text = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  PlenaryRevision *zero, *rev1, *read;
  GListModel *revisions;

  plenary_metadata_set_string (plenary_draft_get_metadata (draft), "symbol", "A/C.3/80/L.1");
  zero = plenary_draft_add_revision (draft, "Projet zéro", "Délégation de la France");
  edit_text (draft, 0, "ses résolutions antérieures,");
  plenary_metadata_set_string (plenary_draft_get_metadata (draft), "symbol", "A/C.3/80/L.1/Rev.1");
  rev1 = plenary_draft_add_revision (draft, "Rev.1", NULL);
  g_assert_cmpstr (plenary_revision_get_id (zero), !=, plenary_revision_get_id (rev1));

  json = encode_string (draft);
  /* Three paragraphs, one changed since "Projet zéro": the table holds its
   * old version only, the others are the body's. */
  g_assert_nonnull (strstr (json, "\"revision_paragraphs\": {"));
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *root;

    g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpuint (json_object_get_size (json_object_get_object_member (root, "revision_paragraphs")), ==, 1);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "revisions")), ==, 2);
  }

  again = decode_string (json);
  json_again = encode_string (again);
  g_assert_cmpstr (json, ==, json_again);

  revisions = plenary_draft_get_revisions (again);
  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, 2);
  read = plenary_draft_find_revision (again, plenary_revision_get_id (zero));
  g_assert_nonnull (read);
  g_assert_cmpstr (plenary_revision_get_name (read), ==, "Projet zéro");
  g_assert_cmpstr (plenary_revision_get_author (read), ==, "Délégation de la France");
  g_assert_true (g_date_time_equal (plenary_revision_get_created (read), plenary_revision_get_created (zero)));
  g_assert_true (plenary_body_equal (plenary_revision_get_body (read), plenary_revision_get_body (zero)));
  g_assert_cmpstr (plenary_metadata_get_string (plenary_revision_get_metadata (read), "symbol"), ==, "A/C.3/80/L.1");

  /* The revision as a draft: its text and ids, the owner's sources. */
  {
    g_autoptr(PlenarySource) source = plenary_source_new ("s1", "Rapport", "", "", "Texte");

    g_list_store_append (plenary_draft_get_sources (again), source);
  }
  old_text = plenary_revision_dup_draft (read, again);
  g_assert_cmpstr (paragraph_at (old_text, 0)->text, ==, "ses résolutions,");
  g_assert_cmpstr (paragraph_at (old_text, 0)->id, ==, paragraph_at (again, 0)->id);
  g_assert_cmpstr (paragraph_at (again, 0)->text, ==, "ses résolutions antérieures,");
  g_assert_true (plenary_draft_find_source (old_text, "s1") == plenary_draft_find_source (again, "s1"));

  /* Deleted, it is gone from the file. */
  {
    g_autoptr(PlenaryRevision) held = g_object_ref (read);

    g_assert_true (plenary_draft_remove_revision (again, held));
    g_assert_false (plenary_draft_remove_revision (again, held));
  }
  g_clear_pointer (&json_again, g_free);
  json_again = encode_string (again);
  g_assert_null (strstr (json_again, "Projet zéro"));
}

/* Twenty revisions of a text where one paragraph changes before each: the
 * table holds only the versions the current text no longer has (the
 * originals of paragraphs 1 to 19; the first revision already had paragraph
 * 0 changed), not a thousand paragraphs. */
static void
test_sharing (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  JsonObject *root;

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *text = g_strdup_printf ("paragraphe %u ;", i);
      g_autoptr(PlenaryParagraph) paragraph = plenary_paragraph_new (PLENARY_ROLE_OPERATIVE, "Décide", text);

      plenary_body_append (plenary_draft_get_body (draft), paragraph);
    }
  for (guint r = 0; r < 20; r++)
    {
      g_autofree char *name = g_strdup_printf ("Rev.%u", r);
      g_autofree char *text = g_strdup_printf ("paragraphe modifié %u ;", r);

      edit_text (draft, r, text);
      plenary_draft_add_revision (draft, name, "Chloé");
    }

  json = encode_string (draft);
  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (root, "revision_paragraphs")), ==, 19);
}

/* Two paragraphs with one id: the first keeps it, the second gets a new
 * one, the text is whole, and the load says so. */
static void
test_duplicate_ids (void)
{
  g_autoptr(PlenaryDraft) draft = decode_string (
    "{\"format\": \"plenary-draft\", \"version\": 2, \"body\": {\"paragraphs\": ["
    "{\"id\": \"p4\", \"role\": \"operative\", \"phrase\": \"Décide\", \"text\": \"un ;\"},"
    "{\"id\": \"p4\", \"role\": \"operative\", \"phrase\": \"Décide\", \"text\": \"deux ;\"},"
    "{\"role\": \"operative\", \"phrase\": \"Décide\", \"text\": \"trois.\"}]}}");
  const char * const *warnings = plenary_draft_get_load_warnings (draft);

  g_assert_cmpstr (paragraph_at (draft, 0)->id, ==, "p4");
  g_assert_cmpstr (paragraph_at (draft, 0)->text, ==, "un ;");
  g_assert_cmpstr (paragraph_at (draft, 1)->text, ==, "deux ;");
  g_assert_nonnull (paragraph_at (draft, 1)->id);
  g_assert_nonnull (paragraph_at (draft, 2)->id);
  g_assert_cmpstr (paragraph_at (draft, 1)->id, !=, "p4");
  g_assert_cmpstr (paragraph_at (draft, 1)->id, !=, paragraph_at (draft, 2)->id);
  g_assert_cmpuint (g_strv_length ((GStrv) warnings), ==, 1);
  g_assert_nonnull (strstr (warnings[0], "same id"));
}

#define WITH_REVISION(revision, table) \
  "{\"format\": \"plenary-draft\", \"version\": 2, \"body\": {\"paragraphs\": [" \
  "{\"id\": \"p1\", \"role\": \"operative\", \"phrase\": \"Décide\", \"text\": \"un.\"}]}," \
  "\"revisions\": [" revision "], \"revision_paragraphs\": {" table "}}"

/* A revision that names a paragraph the file lacks keeps the others; one
 * dated in the future is kept as it is. */
static void
test_unknown_paragraph_and_future_date (void)
{
  g_autoptr(PlenaryDraft) draft = decode_string (WITH_REVISION (
    "{\"id\": \"r1\", \"name\": \"Rev.1\", \"created\": \"2999-01-01T00:00:00Z\", "
    " \"paragraphs\": \"p1@a p9@zz p7@x >p1@a\"}",
    "\"p1@a\": {\"id\": \"p1\", \"role\": \"operative\", \"phrase\": \"Décide\", \"text\": \"un.\"}"));
  PlenaryRevision *revision = plenary_draft_find_revision (draft, "r1");
  const char * const *warnings = plenary_draft_get_load_warnings (draft);

  g_assert_nonnull (revision);
  g_assert_cmpuint (plenary_revision_get_body (revision)->paragraphs->len, ==, 1);
  g_assert_cmpint (g_date_time_get_year (plenary_revision_get_created (revision)), ==, 2999);
  g_assert_cmpuint (g_strv_length ((GStrv) warnings), ==, 1);
  g_assert_nonnull (strstr (warnings[0], "Rev.1"));
  g_assert_nonnull (strstr (warnings[0], "3 paragraphs"));
}

/* Malformed revisions are refused with where the fault is. */
static void
test_malformed (void)
{
  static const struct { const char *json; const char *path; } cases[] = {
    { WITH_REVISION ("42", ""), "$.revisions[0]" },
    { WITH_REVISION ("{\"name\": \"R\", \"created\": \"2026-01-01T00:00:00Z\"}", ""), "$.revisions[0].id" },
    { WITH_REVISION ("{\"id\": \"r1\", \"created\": \"2026-01-01T00:00:00Z\"}", ""), "$.revisions[0].name" },
    { WITH_REVISION ("{\"id\": \"r1\", \"name\": \"R\", \"created\": \"hier\"}", ""), "$.revisions[0].created" },
    { WITH_REVISION ("{\"id\": \"r1\", \"name\": \"R\", \"created\": \"2026-01-01T00:00:00Z\", \"paragraphs\": [7]}", ""),
      "$.revisions[0].paragraphs" },
    { WITH_REVISION ("{\"id\": \"r1\", \"name\": \"R\", \"created\": \"2026-01-01T00:00:00Z\", \"paragraphs\": \"k >>k\"}",
                     "\"k\": {\"text\": \"a\"}"), "$.revisions[0].paragraphs" },
    { WITH_REVISION ("{\"id\": \"r1\", \"name\": \"R\", \"created\": \"2026-01-01T00:00:00Z\", \"paragraphs\": \">k\"}",
                     "\"k\": {\"text\": \"a\"}"), "$.revisions[0].paragraphs" },
    { WITH_REVISION ("{\"id\": \"r1\", \"name\": \"R\", \"created\": \"2026-01-01T00:00:00Z\", \"paragraphs\": {}}", ""),
      "$.revisions[0].paragraphs" },
    { WITH_REVISION ("{\"id\": \"r1\", \"name\": \"R\", \"created\": \"2026-01-01T00:00:00Z\"}",
                     "\"k\": {\"text\": 3}"), "$.revision_paragraphs.k.text" },
    { WITH_REVISION ("{\"id\": \"r1\", \"name\": \"R\", \"created\": \"2026-01-01T00:00:00Z\"}",
                     "\"k\": {\"text\": \"a\", \"subparagraphs\": [{\"text\": \"b\"}]}"),
      "$.revision_paragraphs.k.subparagraphs" },
    { "{\"format\": \"plenary-draft\", \"version\": 2, \"revisions\": {}}", "$.revisions" },
    { "{\"format\": \"plenary-draft\", \"version\": 2, \"body\": {\"paragraphs\": [{\"id\": \"p 1\"}]}}",
      "$.body.paragraphs[0].id" },
    { "{\"format\": \"plenary-draft\", \"version\": 2, \"body\": {\"paragraphs\": [{\"id\": \">p1\"}]}}",
      "$.body.paragraphs[0].id" },
    { "{\"format\": \"plenary-draft\", \"version\": 2, \"body\": {\"paragraphs\": [{\"id\": 5}]}}",
      "$.body.paragraphs[0].id" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = decode_error (cases[i].json);

      g_assert_error (error, PLENARY_DRAFT_ERROR, PLENARY_DRAFT_ERROR_INVALID);
      g_assert_cmpstr (plenary_draft_error_get_path (error), ==, cases[i].path);
      g_assert_nonnull (strstr (error->message, cases[i].path));
    }
}

/* New paragraph ids never take one a revision has: a paragraph deleted
 * since stays itself in comparisons. */
static void
test_new_ids_skip_revisions (void)
{
  g_autoptr(PlenaryDraft) draft = decode_string (WITH_REVISION (
    "{\"id\": \"r1\", \"name\": \"Rev.1\", \"created\": \"2026-01-01T00:00:00Z\", \"paragraphs\": \"k\"}",
    "\"k\": {\"id\": \"p40\", \"role\": \"operative\", \"text\": \"supprimé.\"}"));
  g_autofree char *id = plenary_draft_new_paragraph_id (draft);

  g_assert_cmpstr (id, ==, "p41");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/revisions/upgrade-v1", test_upgrade_v1);
  g_test_add_func ("/model/revisions/refuse-v3", test_refuse_v3);
  g_test_add_func ("/model/revisions/round-trip", test_round_trip);
  g_test_add_func ("/model/revisions/sharing", test_sharing);
  g_test_add_func ("/model/revisions/duplicate-ids", test_duplicate_ids);
  g_test_add_func ("/model/revisions/unknown-paragraph", test_unknown_paragraph_and_future_date);
  g_test_add_func ("/model/revisions/malformed", test_malformed);
  g_test_add_func ("/model/revisions/new-ids", test_new_ids_skip_revisions);

  return g_test_run ();
}
