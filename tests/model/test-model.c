/* test-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plenary-draft.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_paragraph (void)
{
  g_autoptr(PlenaryParagraph) operative = plenary_paragraph_new (PLENARY_ROLE_OPERATIVE, "Décide", "de rester saisie;");
  g_autoptr(PlenaryParagraph) sub = plenary_paragraph_new (PLENARY_ROLE_SUBPARAGRAPH, NULL, "alinéa;");
  g_autoptr(PlenaryParagraph) copy = NULL;
  g_autoptr(PlenaryParagraph) heading = plenary_paragraph_new (PLENARY_ROLE_HEADING, NULL, NULL);
  g_autofree char *full = plenary_paragraph_dup_full_text (operative);
  g_autofree char *sub_full = plenary_paragraph_dup_full_text (sub);
  PlenaryRole role;

  g_assert_cmpstr (full, ==, "Décide de rester saisie;");
  g_assert_cmpstr (sub_full, ==, "alinéa;");
  g_assert_cmpstr (heading->text, ==, "");

  plenary_paragraph_append_child (operative, sub);
  copy = plenary_paragraph_copy (operative);
  g_assert_true (plenary_paragraph_equal (operative, copy));
  /* A deep copy: editing it leaves the original alone. */
  g_assert_true (g_ptr_array_index (copy->children, 0) != (gpointer) sub);
  g_free (((PlenaryParagraph *) g_ptr_array_index (copy->children, 0))->text);
  ((PlenaryParagraph *) g_ptr_array_index (copy->children, 0))->text = g_strdup ("autre;");
  g_assert_false (plenary_paragraph_equal (operative, copy));
  g_assert_cmpstr (sub->text, ==, "alinéa;");

  g_assert_cmpstr (plenary_role_to_string (PLENARY_ROLE_BULLET), ==, "bullet");
  g_assert_true (plenary_role_from_string ("preambular", &role));
  g_assert_cmpint (role, ==, PLENARY_ROLE_PREAMBULAR);
  g_assert_false (plenary_role_from_string ("Preambular", &role));
}

static void
test_body (void)
{
  g_autoptr(PlenaryBody) body = plenary_body_new ();
  g_autoptr(PlenaryBody) copy = NULL;
  g_autoptr(PlenaryParagraph) p = plenary_paragraph_new (PLENARY_ROLE_PREAMBULAR, "Rappelant", "x,");

  plenary_body_set_opening (body, "L'Assemblée générale,");
  plenary_body_append (body, p);
  copy = plenary_body_copy (body);
  g_assert_true (plenary_body_equal (body, copy));
  plenary_body_set_opening (copy, NULL);
  g_assert_false (plenary_body_equal (body, copy));
}

static void
test_metadata (void)
{
  g_autoptr(PlenaryMetadata) metadata = plenary_metadata_new ();
  static const char * const sponsors[] = { "Mali", "Chili", NULL };
  guint notified = 0;

  g_signal_connect (metadata, "notify::submitted-by", G_CALLBACK (count_notify), &notified);
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "submitted-by"), ==, "");
  plenary_metadata_set_string (metadata, "submitted-by", "France");
  plenary_metadata_set_string (metadata, "submitted-by", "France");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "submitted-by"), ==, "France");
  plenary_metadata_set_string (metadata, "submitted-by", NULL);
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "submitted-by"), ==, "");

  g_assert_nonnull (plenary_metadata_get_co_sponsors (metadata));
  g_assert_null (plenary_metadata_get_co_sponsors (metadata)[0]);
  plenary_metadata_set_co_sponsors (metadata, sponsors);
  g_assert_cmpstr (plenary_metadata_get_co_sponsors (metadata)[1], ==, "Chili");

  g_object_set (metadata, "agenda-item", "Point 4", "page-limit", 2, NULL);
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "agenda-item"), ==, "Point 4");
  g_assert_cmpuint (plenary_metadata_get_page_limit (metadata), ==, 2);
  g_assert_cmpstr (plenary_metadata_list_string_fields ()[3], ==, "submitted-by");
}

static void
test_source_pages (void)
{
  static const gint64 starts[] = { 0, 12, 40 };
  g_autoptr(PlenarySource) source = plenary_source_new ("s1", "Rapport", "r.pdf", "application/pdf", "texte");

  g_assert_cmpuint (plenary_source_get_page_at (source, 5), ==, 0);
  plenary_source_set_page_starts (source, starts, G_N_ELEMENTS (starts));
  g_assert_cmpuint (plenary_source_get_page_at (source, 0), ==, 1);
  g_assert_cmpuint (plenary_source_get_page_at (source, 11), ==, 1);
  g_assert_cmpuint (plenary_source_get_page_at (source, 12), ==, 2);
  g_assert_cmpuint (plenary_source_get_page_at (source, 39), ==, 2);
  g_assert_cmpuint (plenary_source_get_page_at (source, 40), ==, 3);
  g_assert_cmpuint (plenary_source_get_page_at (source, 100000), ==, 3);
  g_assert_cmpuint (plenary_source_get_page_starts (source)->len, ==, 3);
}

static void
test_draft_ids (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_BRIEF, "en");
  g_autoptr(PlenarySource) s1 = plenary_source_new ("s1", "", "", "", "");
  g_autoptr(PlenarySource) s3 = plenary_source_new ("s3", "", "", "", "");
  g_autoptr(PlenaryAnnotation) a = plenary_annotation_new ("s2", PLENARY_ANNOTATION_COMMENT, NULL);
  g_autofree char *id = NULL;
  g_autofree char *other = NULL;

  g_list_store_append (plenary_draft_get_sources (draft), s1);
  g_list_store_append (plenary_draft_get_sources (draft), s3);
  g_list_store_append (plenary_draft_get_annotations (draft), a);

  id = plenary_draft_new_id (draft, "s");
  g_assert_cmpstr (id, ==, "s4");
  other = plenary_draft_new_id (draft, "a");
  g_assert_cmpstr (other, ==, "a1");
  g_assert_true (plenary_draft_find_source (draft, "s3") == s3);
  g_assert_null (plenary_draft_find_source (draft, "s2"));
  g_assert_cmpstr (plenary_draft_get_language (draft), ==, "en");
  g_assert_nonnull (plenary_draft_get_metadata (draft));
}

static void
test_annotation (void)
{
  g_autoptr(PlenaryAnnotation) annotation = plenary_annotation_new ("a1", PLENARY_ANNOTATION_HIGHLIGHT, NULL);
  g_autoptr(PlenaryAnchor) anchor = plenary_anchor_new ("s1", "mot", "un ", " ici", 3, 6);
  g_autoptr(PlenaryAnchor) copy = plenary_anchor_copy (anchor);
  g_autoptr(PlenaryReply) reply = plenary_reply_new ("Ana", "2026-01-01T00:00:00Z", "Oui");
  PlenaryAnnotationKind kind;
  guint notified = 0;

  g_assert_cmpstr (plenary_annotation_get_anchor (annotation)->target, ==, PLENARY_ANCHOR_TARGET_DRAFT);
  g_signal_connect (annotation, "notify::resolved", G_CALLBACK (count_notify), &notified);
  plenary_annotation_set_resolved (annotation, TRUE);
  plenary_annotation_set_resolved (annotation, TRUE);
  g_assert_cmpuint (notified, ==, 1);

  g_assert_true (plenary_anchor_equal (anchor, copy));
  copy->end = 7;
  g_assert_false (plenary_anchor_equal (anchor, copy));
  plenary_annotation_set_anchor (annotation, anchor);
  g_assert_true (plenary_annotation_get_anchor (annotation) == anchor);

  plenary_annotation_add_reply (annotation, reply);
  g_assert_cmpuint (plenary_annotation_get_replies (annotation)->len, ==, 1);
  g_assert_cmpstr (((PlenaryReply *) g_ptr_array_index (plenary_annotation_get_replies (annotation), 0))->text, ==, "Oui");

  g_assert_true (plenary_annotation_kind_from_string ("citation", &kind));
  g_assert_cmpint (kind, ==, PLENARY_ANNOTATION_CITATION);
  g_assert_cmpstr (plenary_annotation_kind_to_string (PLENARY_ANNOTATION_HIGHLIGHT), ==, "highlight");
}

static void
test_source_reference (void)
{
  static const struct {
    const char *date;
    const char *language;
    const char *expected;
  } dates[] = {
    { "2025-03-12", "fr", "12 mars 2025" },
    { "2025-03-01", "fr", "1er mars 2025" },
    { "2025-03-01", "en", "1 March 2025" },
    { "2025-08-12", "es", "12 de agosto de 2025" },
    { "2025-03", "fr", "mars 2025" },
    { "2025", "en", "2025" },
    { "2025-03-12", "de", "12 March 2025" },
    { "mars", "fr", "mars" },
  };
  g_autoptr(PlenarySource) source = plenary_source_new ("s1", "Rapport du Secrétaire général", "r.pdf",
                                                        "application/pdf", "Texte");
  g_autofree char *bare = NULL;
  g_autofree char *full = NULL;
  g_autofree char *english = NULL;
  g_autofree char *with_author = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *formatted = plenary_source_format_date (dates[i].date, dates[i].language);

      g_assert_cmpstr (formatted, ==, dates[i].expected);
    }

  bare = plenary_source_dup_reference (source, "fr", 0, "Source inconnue");
  g_assert_cmpstr (bare, ==, "Rapport du Secrétaire général");

  g_object_set (source, "author", "Secrétaire général", "symbol", "A/80/123", "date", "2025-03-12", NULL);
  full = plenary_source_dup_reference (source, "fr", 4, "Source inconnue");
  g_assert_cmpstr (full, ==, "Rapport du Secrétaire général, A/80/123, 12 mars 2025, p.\u00a04");
  english = plenary_source_dup_reference (source, "en", 4, "Unknown source");
  g_assert_cmpstr (english, ==, "Rapport du Secrétaire général, A/80/123, 12 March 2025, p.\u00a04");

  plenary_source_set_author (source, "  OIT ");
  with_author = plenary_source_dup_reference (source, "fr", 0, "Source inconnue");
  g_assert_cmpstr (with_author, ==, "OIT, Rapport du Secrétaire général, A/80/123, 12 mars 2025");

  g_assert_true (plenary_source_date_is_valid ("2024-02-29"));
  g_assert_false (plenary_source_date_is_valid ("2025-02-29"));
  g_assert_false (plenary_source_date_is_valid ("12/03/2025"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/objects/paragraph", test_paragraph);
  g_test_add_func ("/model/objects/body", test_body);
  g_test_add_func ("/model/objects/metadata", test_metadata);
  g_test_add_func ("/model/objects/source-pages", test_source_pages);
  g_test_add_func ("/model/objects/draft-ids", test_draft_ids);
  g_test_add_func ("/model/objects/annotation", test_annotation);
  g_test_add_func ("/model/source/reference", test_source_reference);

  return g_test_run ();
}
