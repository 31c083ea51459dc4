/* model-fixtures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model-fixtures.h"

static PlenaryParagraph *
add (PlenaryBody *body,
     PlenaryRole  role,
     const char  *phrase,
     const char  *text)
{
  g_autoptr(PlenaryParagraph) paragraph = plenary_paragraph_new (role, phrase, text);

  plenary_body_append (body, paragraph);

  return paragraph;
}

static PlenaryParagraph *
add_child (PlenaryParagraph *parent,
           PlenaryRole       role,
           const char       *text)
{
  g_autoptr(PlenaryParagraph) child = plenary_paragraph_new (role, NULL, text);

  plenary_paragraph_append_child (parent, child);

  return child;
}

PlenaryDraft *
model_fixture_full_resolution (void)
{
  static const char * const co_sponsors[] = { "Sénégal", "Canada", "Brésil", NULL };
  static const char * const signatories[] = { "Japon", NULL };
  static const gint64 pages[] = { 0, 42, 97 };
  PlenaryDraft *draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  PlenaryMetadata *metadata = plenary_draft_get_metadata (draft);
  PlenaryBody *body = plenary_draft_get_body (draft);
  g_autoptr(PlenarySource) source = NULL;
  g_autoptr(PlenaryAnnotation) comment = NULL;
  g_autoptr(PlenaryAnnotation) highlight = NULL;
  g_autoptr(PlenaryAnnotation) citation = NULL;
  g_autoptr(PlenaryAnchor) anchor = NULL;
  g_autoptr(PlenaryReply) reply = NULL;
  PlenaryParagraph *operative, *sub;

  plenary_metadata_set_string (metadata, "body", "Assemblée générale");
  plenary_metadata_set_string (metadata, "forum", "Troisième Commission");
  plenary_metadata_set_string (metadata, "question", "Le droit à l'eau potable");
  plenary_metadata_set_string (metadata, "submitted-by", "France");
  plenary_metadata_set_string (metadata, "symbol", "A/C.3/80/L.7");
  plenary_metadata_set_string (metadata, "session", "Quatre-vingtième session");
  plenary_metadata_set_string (metadata, "agenda-item", "Point 70 b)");
  plenary_metadata_set_string (metadata, "date", "24 novembre 2026");
  plenary_metadata_set_string (metadata, "distribution", "Limitée");
  plenary_metadata_set_co_sponsors (metadata, co_sponsors);
  plenary_metadata_set_signatories (metadata, signatories);
  plenary_metadata_set_page_limit (metadata, 3);

  plenary_body_set_opening (body, "L'Assemblée générale,");
  add (body, PLENARY_ROLE_PREAMBULAR, "Rappelant", "ses résolutions « antérieures » sur la question,");
  add (body, PLENARY_ROLE_PREAMBULAR, "Notant avec préoccupation", "que 2,2 milliards de personnes\u00a0n'ont pas accès à l'eau,");
  operative = add (body, PLENARY_ROLE_OPERATIVE, "Engage", "les États Membres :");
  sub = add_child (operative, PLENARY_ROLE_SUBPARAGRAPH, "à investir dans les infrastructures;");
  add_child (sub, PLENARY_ROLE_SUBPARAGRAPH, "notamment rurales;");
  add_child (operative, PLENARY_ROLE_SUBPARAGRAPH, "à coopérer \"sans délai\";");
  add (body, PLENARY_ROLE_OPERATIVE, "Décide", "de rester saisie de la question.");
  add (body, PLENARY_ROLE_PARAGRAPH, NULL, "Texte\tnon placé \\ avec barre.");

  source = plenary_source_new ("s1", "Rapport du Secrétaire général", "000.txt", "text/plain",
                               "Page un : l'accès à l'eau.\nPage deux : les chiffres.\nPage trois.");
  plenary_source_set_page_starts (source, pages, G_N_ELEMENTS (pages));
  g_list_store_append (plenary_draft_get_sources (draft), source);

  anchor = plenary_anchor_new (PLENARY_ANCHOR_TARGET_DRAFT, "infrastructures", "dans les ", ";", 120, 135);
  comment = plenary_annotation_new ("a1", PLENARY_ANNOTATION_COMMENT, anchor);
  plenary_annotation_set_author (comment, "Chloé");
  plenary_annotation_set_created (comment, "2026-11-24T09:30:00Z");
  plenary_annotation_set_modified (comment, "2026-11-24T09:45:00Z");
  plenary_annotation_set_note (comment, "Préciser lesquelles ?");
  plenary_annotation_set_resolved (comment, TRUE);
  reply = plenary_reply_new ("Marc", "2026-11-24T10:00:00Z", "Les réseaux d'eau.");
  plenary_annotation_add_reply (comment, reply);
  g_clear_pointer (&reply, plenary_reply_free);
  reply = plenary_reply_new ("Chloé", "2026-11-24T10:05:00Z", "D'accord.");
  plenary_annotation_add_reply (comment, reply);
  g_list_store_append (plenary_draft_get_annotations (draft), comment);
  g_clear_pointer (&anchor, plenary_anchor_unref);

  anchor = plenary_anchor_new ("s1", "les chiffres", "Page deux : ", ".", 38, 50);
  highlight = plenary_annotation_new ("a2", PLENARY_ANNOTATION_HIGHLIGHT, anchor);
  plenary_annotation_set_category (highlight, "yellow");
  plenary_annotation_set_note (highlight, "À citer");
  g_list_store_append (plenary_draft_get_annotations (draft), highlight);
  g_clear_pointer (&anchor, plenary_anchor_unref);

  anchor = plenary_anchor_new (PLENARY_ANCHOR_TARGET_DRAFT, "", "l'eau,", "", 95, 95);
  citation = plenary_annotation_new ("a3", PLENARY_ANNOTATION_CITATION, anchor);
  g_clear_pointer (&anchor, plenary_anchor_unref);
  anchor = plenary_anchor_new ("s1", "l'accès à l'eau", "Page un : ", ".", 10, 25);
  plenary_annotation_set_source_anchor (citation, anchor);
  plenary_annotation_set_show_quote (citation, FALSE);
  g_list_store_append (plenary_draft_get_annotations (draft), citation);

  return draft;
}

PlenaryDraft *
model_fixture_brief (void)
{
  PlenaryDraft *draft = plenary_draft_new (PLENARY_DRAFT_KIND_BRIEF, "fr");
  PlenaryBody *body = plenary_draft_get_body (draft);
  PlenaryParagraph *section;

  plenary_metadata_set_string (plenary_draft_get_metadata (draft), "forum", "Conseil de sécurité");
  add (body, PLENARY_ROLE_PARAGRAPH, NULL, "Délégation de la France");
  section = add (body, PLENARY_ROLE_HEADING, NULL, "Contexte");
  add_child (section, PLENARY_ROLE_PARAGRAPH, "La sécheresse s'étend.");
  add_child (section, PLENARY_ROLE_BULLET, "40 % de la population touchée;");
  section = add (body, PLENARY_ROLE_HEADING, NULL, "Propositions");
  add_child (section, PLENARY_ROLE_BULLET, "Créer un fonds.");
  add (body, PLENARY_ROLE_HEADING, NULL, "Annexe");

  return draft;
}

static void
assert_anchors_equal (PlenaryAnchor *a,
                      PlenaryAnchor *b)
{
  if (a == NULL || b == NULL)
    {
      g_assert_null (a);
      g_assert_null (b);
      return;
    }

  g_assert_cmpstr (a->target, ==, b->target);
  g_assert_cmpstr (a->exact, ==, b->exact);
  g_assert_cmpstr (a->prefix, ==, b->prefix);
  g_assert_cmpstr (a->suffix, ==, b->suffix);
  g_assert_cmpint (a->start, ==, b->start);
  g_assert_cmpint (a->end, ==, b->end);
}

void
model_assert_drafts_equal (PlenaryDraft *a,
                           PlenaryDraft *b)
{
  PlenaryMetadata *ma = plenary_draft_get_metadata (a);
  PlenaryMetadata *mb = plenary_draft_get_metadata (b);
  const char * const *fields = plenary_metadata_list_string_fields ();
  GListModel *sa = G_LIST_MODEL (plenary_draft_get_sources (a));
  GListModel *sb = G_LIST_MODEL (plenary_draft_get_sources (b));
  GListModel *aa = G_LIST_MODEL (plenary_draft_get_annotations (a));
  GListModel *ab = G_LIST_MODEL (plenary_draft_get_annotations (b));

  g_assert_cmpint (plenary_draft_get_kind (a), ==, plenary_draft_get_kind (b));
  g_assert_cmpstr (plenary_draft_get_language (a), ==, plenary_draft_get_language (b));

  for (guint i = 0; fields[i] != NULL; i++)
    g_assert_cmpstr (plenary_metadata_get_string (ma, fields[i]), ==,
                     plenary_metadata_get_string (mb, fields[i]));
  g_assert_true (g_strv_equal ((const char * const *) plenary_metadata_get_co_sponsors (ma),
                               (const char * const *) plenary_metadata_get_co_sponsors (mb)));
  g_assert_true (g_strv_equal ((const char * const *) plenary_metadata_get_signatories (ma),
                               (const char * const *) plenary_metadata_get_signatories (mb)));
  g_assert_cmpuint (plenary_metadata_get_page_limit (ma), ==, plenary_metadata_get_page_limit (mb));

  g_assert_true (plenary_body_equal (plenary_draft_get_body (a), plenary_draft_get_body (b)));

  g_assert_cmpuint (g_list_model_get_n_items (sa), ==, g_list_model_get_n_items (sb));
  for (guint i = 0; i < g_list_model_get_n_items (sa); i++)
    {
      g_autoptr(PlenarySource) x = g_list_model_get_item (sa, i);
      g_autoptr(PlenarySource) y = g_list_model_get_item (sb, i);
      const GArray *px = plenary_source_get_page_starts (x);
      const GArray *py = plenary_source_get_page_starts (y);

      g_assert_cmpstr (plenary_source_get_id (x), ==, plenary_source_get_id (y));
      g_assert_cmpstr (plenary_source_get_title (x), ==, plenary_source_get_title (y));
      g_assert_cmpstr (plenary_source_get_origin (x), ==, plenary_source_get_origin (y));
      g_assert_cmpstr (plenary_source_get_media_type (x), ==, plenary_source_get_media_type (y));
      g_assert_cmpstr (plenary_source_get_text (x), ==, plenary_source_get_text (y));
      g_assert_cmpmem (px->data, px->len * sizeof (gint64), py->data, py->len * sizeof (gint64));
    }

  g_assert_cmpuint (g_list_model_get_n_items (aa), ==, g_list_model_get_n_items (ab));
  for (guint i = 0; i < g_list_model_get_n_items (aa); i++)
    {
      g_autoptr(PlenaryAnnotation) x = g_list_model_get_item (aa, i);
      g_autoptr(PlenaryAnnotation) y = g_list_model_get_item (ab, i);
      GPtrArray *rx = plenary_annotation_get_replies (x);
      GPtrArray *ry = plenary_annotation_get_replies (y);

      g_assert_cmpstr (plenary_annotation_get_id (x), ==, plenary_annotation_get_id (y));
      g_assert_cmpint (plenary_annotation_get_kind (x), ==, plenary_annotation_get_kind (y));
      assert_anchors_equal (plenary_annotation_get_anchor (x), plenary_annotation_get_anchor (y));
      assert_anchors_equal (plenary_annotation_get_source_anchor (x),
                            plenary_annotation_get_source_anchor (y));
      g_assert_cmpstr (plenary_annotation_get_note (x), ==, plenary_annotation_get_note (y));
      g_assert_cmpstr (plenary_annotation_get_author (x), ==, plenary_annotation_get_author (y));
      g_assert_cmpstr (plenary_annotation_get_created (x), ==, plenary_annotation_get_created (y));
      g_assert_cmpstr (plenary_annotation_get_modified (x), ==, plenary_annotation_get_modified (y));
      g_assert_cmpstr (plenary_annotation_get_category (x), ==, plenary_annotation_get_category (y));
      g_assert_cmpint (plenary_annotation_get_resolved (x), ==, plenary_annotation_get_resolved (y));
      g_assert_cmpint (plenary_annotation_get_show_quote (x), ==, plenary_annotation_get_show_quote (y));
      g_assert_cmpuint (rx->len, ==, ry->len);
      for (guint j = 0; j < rx->len; j++)
        {
          PlenaryReply *p = g_ptr_array_index (rx, j);
          PlenaryReply *q = g_ptr_array_index (ry, j);

          g_assert_cmpstr (p->author, ==, q->author);
          g_assert_cmpstr (p->created, ==, q->created);
          g_assert_cmpstr (p->text, ==, q->text);
        }
    }
}
