/* test-anchor-resolver.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plenary-anchor-resolver.h"
#include "plenary-draft.h"

static const char *base_text =
  "Le Conseil de sécurité,\n"
  "Rappelant ses résolutions antérieures sur la question,\n"
  "Encourage les États membres à renforcer la coopération Sud-Sud et triangulaire;\n"
  "Prie le Secrétaire général de lui faire rapport dans un délai de six mois;\n";

static gint64
cp_offset_of (const char *text,
              const char *needle)
{
  const char *at = strstr (text, needle);

  g_assert_nonnull (at);
  return g_utf8_pointer_to_offset (text, at);
}

/* An anchor on the first occurrence of WORDS in TEXT. */
static PlenaryAnchor *
anchor_on (const char *text,
           const char *words)
{
  gint64 start = cp_offset_of (text, words);

  return plenary_anchor_resolver_describe (PLENARY_ANCHOR_TARGET_DRAFT, text, start,
                                           start + g_utf8_strlen (words, -1));
}

static char *
cp_slice (const char *text,
          gint64      start,
          gint64      end)
{
  const char *s = g_utf8_offset_to_pointer (text, start);

  return g_strndup (s, g_utf8_offset_to_pointer (text, end) - s);
}

/* Resolves ANCHOR in TEXT and checks it lands on EXPECTED, found HOW. */
static void
assert_resolves (const PlenaryAnchor *anchor,
                 const char          *text,
                 const char          *expected,
                 PlenaryAnchorMatch   expected_how)
{
  gint64 start = -1, end = -1;
  PlenaryAnchorMatch how = PLENARY_ANCHOR_MATCH_ORPHAN;
  g_autofree char *found = NULL;

  g_assert_true (plenary_anchor_resolver_resolve (anchor, text, &start, &end, &how));
  g_assert_cmpint (how, ==, expected_how);
  found = cp_slice (text, start, end);
  g_assert_cmpstr (found, ==, expected);
}

static char *
replace (const char *text,
         const char *old,
         const char *new)
{
  const char *at = strstr (text, old);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new, at + strlen (old));
}

static void
test_describe (void)
{
  g_autoptr(PlenaryAnchor) anchor = anchor_on (base_text, "coopération Sud-Sud");
  g_autoptr(PlenaryAnchor) clamped = NULL;

  g_assert_cmpstr (anchor->target, ==, PLENARY_ANCHOR_TARGET_DRAFT);
  g_assert_cmpstr (anchor->exact, ==, "coopération Sud-Sud");
  g_assert_cmpstr (anchor->prefix, ==, "es États membres à renforcer la ");
  g_assert_cmpint (g_utf8_strlen (anchor->prefix, -1), ==, 32);
  g_assert_cmpstr (anchor->suffix, ==, " et triangulaire;\nPrie le Secrét");
  g_assert_cmpint (g_utf8_strlen (anchor->suffix, -1), ==, 32);
  g_assert_cmpint (anchor->start, ==, cp_offset_of (base_text, "coopération"));
  g_assert_cmpint (anchor->end, ==, anchor->start + 19);

  /* Near the edges the context is shorter; offsets past the end clamp. */
  clamped = plenary_anchor_resolver_describe ("s3", "Bref.", 1, 99);
  g_assert_cmpstr (clamped->target, ==, "s3");
  g_assert_cmpstr (clamped->exact, ==, "ref.");
  g_assert_cmpstr (clamped->prefix, ==, "B");
  g_assert_cmpstr (clamped->suffix, ==, "");
  g_assert_cmpint (clamped->end, ==, 5);
}

static void
test_unchanged_and_edit_after (void)
{
  g_autoptr(PlenaryAnchor) anchor = anchor_on (base_text, "les États membres");
  g_autofree char *edited = replace (base_text, "six mois", "trois mois au plus tard");

  assert_resolves (anchor, base_text, "les États membres", PLENARY_ANCHOR_MATCH_POSITION);
  assert_resolves (anchor, edited, "les États membres", PLENARY_ANCHOR_MATCH_POSITION);
}

static void
test_edit_before (void)
{
  g_autoptr(PlenaryAnchor) anchor = anchor_on (base_text, "les États membres");
  g_autofree char *edited = replace (base_text, "antérieures", "pertinentes et antérieures");
  gint64 start, end;
  PlenaryAnchorMatch how;

  assert_resolves (anchor, edited, "les États membres", PLENARY_ANCHOR_MATCH_QUOTE);
  g_assert_true (plenary_anchor_resolver_resolve (anchor, edited, &start, &end, &how));
  g_assert_cmpint (start, ==, anchor->start + 15);
  g_assert_cmpint (end, ==, anchor->end + 15);
}

static void
test_edit_inside (void)
{
  g_autoptr(PlenaryAnchor) anchor = anchor_on (base_text, "renforcer la coopération Sud-Sud et triangulaire");
  g_autofree char *inside = replace (base_text, "coopération Sud-Sud", "coopération régionale Sud-Sud");
  g_autofree char *both = replace (inside, "Rappelant", "Rappelant avec satisfaction");

  assert_resolves (anchor, inside, "renforcer la coopération régionale Sud-Sud et triangulaire",
                   PLENARY_ANCHOR_MATCH_FUZZY);
  /* Edited before as well: still found, the stored position is just off. */
  assert_resolves (anchor, both, "renforcer la coopération régionale Sud-Sud et triangulaire",
                   PLENARY_ANCHOR_MATCH_FUZZY);
}

static void
test_text_changed_outside (void)
{
  g_autoptr(PlenaryAnchor) anchor = anchor_on (base_text, "Secrétaire général");
  g_autofree char *edited = g_strdup_printf ("Projet révisé.\n%s"
                                             "Décide de rester saisi de la question.\n",
                                             base_text);
  g_autofree char *reworded = replace (edited, "Encourage", "Engage vivement");

  assert_resolves (anchor, reworded, "Secrétaire général", PLENARY_ANCHOR_MATCH_QUOTE);
}

static void
test_deleted_passage (void)
{
  g_autoptr(PlenaryAnchor) anchor = anchor_on (base_text, "renforcer la coopération Sud-Sud et triangulaire");
  g_autoptr(PlenaryAnchor) stored = plenary_anchor_copy (anchor);
  g_autofree char *edited = replace (base_text,
                                     "Encourage les États membres à renforcer la coopération Sud-Sud et triangulaire;\n",
                                     "");
  gint64 start = 0, end = 0;
  PlenaryAnchorMatch how = PLENARY_ANCHOR_MATCH_POSITION;

  g_assert_false (plenary_anchor_resolver_resolve (anchor, edited, &start, &end, &how));
  g_assert_cmpint (how, ==, PLENARY_ANCHOR_MATCH_ORPHAN);
  g_assert_cmpint (start, ==, -1);
  g_assert_cmpint (end, ==, -1);
  g_assert_true (plenary_anchor_equal (anchor, stored));

  /* A short quote whose words are gone is never pinned on other words. */
  {
    g_autoptr(PlenaryAnchor) word = anchor_on (base_text, "six mois");
    g_autofree char *gone = replace (base_text, "six mois", "trente jours");

    g_assert_false (plenary_anchor_resolver_resolve (word, gone, NULL, NULL, NULL));
  }
}

static void
test_repeated_passages (void)
{
  const char *text =
    "Préambule : le groupe de travail se réunira à Genève en mars.\n"
    "Dispositif : le groupe de travail se réunira à New York en juin.\n";
  g_autoptr(PlenaryAnchor) anchor = NULL;
  g_autofree char *edited = NULL;
  gint64 second = cp_offset_of (text, "groupe de travail se réunira à New");
  gint64 start, end;
  PlenaryAnchorMatch how;

  anchor = plenary_anchor_resolver_describe (PLENARY_ANCHOR_TARGET_DRAFT, text, second,
                                             second + g_utf8_strlen ("groupe de travail", -1));
  g_assert_cmpstr (anchor->exact, ==, "groupe de travail");

  /* Text inserted at the start: the stored position now falls near the
   * first occurrence, but the context says the second. */
  edited = g_strdup_printf ("Note : %s", text);
  g_assert_true (plenary_anchor_resolver_resolve (anchor, edited, &start, &end, &how));
  g_assert_cmpint (how, ==, PLENARY_ANCHOR_MATCH_QUOTE);
  g_assert_cmpint (start, ==, second + 7);
  g_assert_cmpint (end, ==, start + 17);

  /* Text inserted before both copies, exactly as long as the gap between
   * them: the first copy now sits at the stored position of the second,
   * but the context keeps the annotation on the second. */
  {
    gint64 gap = second - cp_offset_of (text, "groupe de travail");
    g_autoptr(GString) slid = g_string_new (NULL);

    while ((gint64) slid->len < gap)
      g_string_append (slid, "Ajout. ");
    g_string_truncate (slid, gap);
    g_string_append (slid, text);
    g_assert_cmpint (cp_offset_of (slid->str, "groupe de travail"), ==, second);

    g_assert_true (plenary_anchor_resolver_resolve (anchor, slid->str, &start, &end, &how));
    g_assert_cmpint (how, ==, PLENARY_ANCHOR_MATCH_QUOTE);
    g_assert_cmpint (start, ==, second + gap);
  }

  /* Context gone on both: the nearest to the stored position wins. */
  {
    const char *bare = "groupe de travail, groupe de travail, groupe de travail";
    g_autoptr(PlenaryAnchor) middle = plenary_anchor_new (PLENARY_ANCHOR_TARGET_DRAFT,
                                                          "groupe de travail", "zzz", "yyy", 20, 37);

    g_assert_true (plenary_anchor_resolver_resolve (middle, bare, &start, &end, &how));
    g_assert_cmpint (how, ==, PLENARY_ANCHOR_MATCH_QUOTE);
    g_assert_cmpint (start, ==, 19);
  }
}

static void
test_non_bmp (void)
{
  const char *text = "Votre avis 👍 sur la 🇫🇷 proposition de paix ?";
  g_autoptr(PlenaryAnchor) anchor = NULL;
  g_autofree char *edited = NULL;
  gint64 start, end;
  PlenaryAnchorMatch how;

  anchor = anchor_on (text, "proposition de paix");
  /* "Votre avis " 11, the thumb 1, " sur la " 8, the flag 2 (two regional
   * indicators), then a space. */
  g_assert_cmpint (anchor->start, ==, 23);
  g_assert_cmpint (anchor->end, ==, 42);
  g_assert_cmpstr (anchor->prefix, ==, "Votre avis 👍 sur la 🇫🇷 ");

  edited = g_strdup_printf ("😀%s", text);
  g_assert_true (plenary_anchor_resolver_resolve (anchor, edited, &start, &end, &how));
  g_assert_cmpint (how, ==, PLENARY_ANCHOR_MATCH_QUOTE);
  g_assert_cmpint (start, ==, 24);
  g_assert_cmpint (end, ==, 43);
}

static void
test_fuzzy_far_away (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PlenaryAnchor) anchor = NULL;
  const char *passage = "la Commission recommande un mécanisme de suivi indépendant";
  g_autoptr(GString) edited = g_string_new (NULL);

  for (int i = 0; i < 20000; i++)
    g_string_append_printf (text, "Paragraphe %d sans rapport avec le sujet.\n", i);
  g_string_append_printf (text, "Enfin, %s et transparent.\n", passage);
  anchor = anchor_on (text->str, passage);

  /* The passage moved to the very start (far from its old place) and was
   * edited inside: the whole-text scan finds it by its unchanged ends. */
  g_string_append_printf (edited, "Enfin, %s et transparent.\n",
                          "la Commission recommande vivement un mécanisme de suivi indépendant");
  for (int i = 0; i < 20000; i++)
    g_string_append_printf (edited, "Paragraphe %d sans rapport avec le sujet.\n", i);
  assert_resolves (anchor, edited->str,
                   "la Commission recommande vivement un mécanisme de suivi indépendant",
                   PLENARY_ANCHOR_MATCH_FUZZY);
}

static void
test_long_quote (void)
{
  g_autoptr(GString) text = g_string_new ("Début.\n");
  g_autoptr(PlenaryAnchor) anchor = NULL;
  g_autofree char *edited = NULL;
  gint64 start, end;
  PlenaryAnchorMatch how;

  /* A 12,000-character quote (a whole annex) edited in three places. */
  for (int i = 0; i < 250; i++)
    g_string_append_printf (text, "Article %d : les Parties coopèrent de bonne foi. ", i);
  g_string_append (text, "\nFin.");
  anchor = plenary_anchor_resolver_describe (PLENARY_ANCHOR_TARGET_DRAFT, text->str, 7,
                                             g_utf8_strlen (text->str, -1) - 5);
  g_assert_cmpint (g_utf8_strlen (anchor->exact, -1), >, 10000);

  edited = replace (text->str, "Article 10 :", "Article dix :");
  {
    g_autofree char *a = replace (edited, "Article 150 :", "Art. 150 :");
    g_autofree char *b = g_strdup_printf ("Préambule ajouté. %s", a);

    g_free (edited);
    edited = g_steal_pointer (&b);
  }

  g_assert_true (plenary_anchor_resolver_resolve (anchor, edited, &start, &end, &how));
  g_assert_cmpint (how, ==, PLENARY_ANCHOR_MATCH_FUZZY);
  g_assert_cmpint (start, ==, cp_offset_of (edited, "Article 0 :"));
  g_assert_cmpint (end, ==, cp_offset_of (edited, "\nFin."));
}

static void
test_resolve_draft (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(PlenarySource) source =
    plenary_source_new ("s1", "Rapport", "r.txt", "text/plain",
                        "Le rapport recommande une coopération renforcée entre les villes.");
  g_autoptr(PlenaryAnchor) on_draft = anchor_on (base_text, "les États membres");
  g_autoptr(PlenaryAnchor) gone = anchor_on (base_text, "Secrétaire général de lui faire rapport");
  g_autoptr(PlenaryAnchor) stored_gone = plenary_anchor_copy (gone);
  g_autoptr(PlenaryAnchor) marker = anchor_on (base_text, "coopération Sud-Sud");
  g_autoptr(PlenaryAnchor) on_source = NULL;
  g_autoptr(PlenaryAnchor) missing_source = NULL;
  g_autoptr(PlenaryAnnotation) comment = NULL;
  g_autoptr(PlenaryAnnotation) orphan = NULL;
  g_autoptr(PlenaryAnnotation) highlight = NULL;
  g_autoptr(PlenaryAnnotation) citation = NULL;
  g_autoptr(PlenaryAnnotation) lost = NULL;
  g_autofree char *editor_text = NULL;
  g_autoptr(GArray) placements = NULL;
  const PlenaryAnchorPlacement *p;

  g_list_store_append (plenary_draft_get_sources (draft), source);
  on_source = plenary_anchor_resolver_describe ("s1", plenary_source_get_text (source),
                                                cp_offset_of (plenary_source_get_text (source), "coopération"),
                                                cp_offset_of (plenary_source_get_text (source), " entre"));
  missing_source = plenary_anchor_new ("s9", "texte", "", "", 0, 5);

  comment = plenary_annotation_new ("a1", PLENARY_ANNOTATION_COMMENT, on_draft);
  orphan = plenary_annotation_new ("a2", PLENARY_ANNOTATION_COMMENT, gone);
  highlight = plenary_annotation_new ("a3", PLENARY_ANNOTATION_HIGHLIGHT, on_source);
  citation = plenary_annotation_new ("a4", PLENARY_ANNOTATION_CITATION, marker);
  plenary_annotation_set_source_anchor (citation, on_source);
  lost = plenary_annotation_new ("a5", PLENARY_ANNOTATION_HIGHLIGHT, missing_source);
  plenary_annotation_set_orphan (comment, TRUE);
  g_list_store_append (plenary_draft_get_annotations (draft), comment);
  g_list_store_append (plenary_draft_get_annotations (draft), orphan);
  g_list_store_append (plenary_draft_get_annotations (draft), highlight);
  g_list_store_append (plenary_draft_get_annotations (draft), citation);
  g_list_store_append (plenary_draft_get_annotations (draft), lost);

  {
    g_autofree char *a = replace (base_text, "Le Conseil", "Le Conseil de sécurité et l'Assemblée");
    g_autofree char *b = replace (a, "Prie le Secrétaire général de lui faire rapport dans un délai de six mois;\n", "");

    editor_text = g_steal_pointer (&b);
  }

  placements = plenary_anchor_resolver_resolve_draft (draft, editor_text);
  g_assert_cmpuint (placements->len, ==, 5);

  p = &g_array_index (placements, PlenaryAnchorPlacement, 0);
  g_assert_true (p->annotation == comment);
  g_assert_cmpint (p->how, ==, PLENARY_ANCHOR_MATCH_QUOTE);
  g_assert_cmpint (p->start, ==, cp_offset_of (editor_text, "les États membres"));
  g_assert_false (plenary_annotation_get_orphan (comment));

  p = &g_array_index (placements, PlenaryAnchorPlacement, 1);
  g_assert_cmpint (p->how, ==, PLENARY_ANCHOR_MATCH_ORPHAN);
  g_assert_cmpint (p->start, ==, -1);
  g_assert_true (plenary_annotation_get_orphan (orphan));
  g_assert_true (plenary_anchor_equal (plenary_annotation_get_anchor (orphan), stored_gone));

  p = &g_array_index (placements, PlenaryAnchorPlacement, 2);
  g_assert_cmpint (p->how, ==, PLENARY_ANCHOR_MATCH_POSITION);
  g_assert_cmpint (p->start, ==, on_source->start);
  g_assert_false (plenary_annotation_get_orphan (highlight));

  p = &g_array_index (placements, PlenaryAnchorPlacement, 3);
  g_assert_cmpint (p->how, ==, PLENARY_ANCHOR_MATCH_QUOTE);
  g_assert_cmpint (p->start, ==, cp_offset_of (editor_text, "coopération Sud-Sud"));
  g_assert_cmpint (p->source_how, ==, PLENARY_ANCHOR_MATCH_POSITION);
  g_assert_cmpint (p->source_start, ==, on_source->start);
  g_assert_cmpint (p->source_end, ==, on_source->end);

  p = &g_array_index (placements, PlenaryAnchorPlacement, 4);
  g_assert_cmpint (p->how, ==, PLENARY_ANCHOR_MATCH_ORPHAN);
  g_assert_true (plenary_annotation_get_orphan (lost));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sources/anchor/describe", test_describe);
  g_test_add_func ("/sources/anchor/unchanged-and-edit-after", test_unchanged_and_edit_after);
  g_test_add_func ("/sources/anchor/edit-before", test_edit_before);
  g_test_add_func ("/sources/anchor/edit-inside", test_edit_inside);
  g_test_add_func ("/sources/anchor/text-changed-outside", test_text_changed_outside);
  g_test_add_func ("/sources/anchor/deleted-passage", test_deleted_passage);
  g_test_add_func ("/sources/anchor/repeated-passages", test_repeated_passages);
  g_test_add_func ("/sources/anchor/non-bmp", test_non_bmp);
  g_test_add_func ("/sources/anchor/fuzzy-far-away", test_fuzzy_far_away);
  g_test_add_func ("/sources/anchor/long-quote", test_long_quote);
  g_test_add_func ("/sources/anchor/resolve-draft", test_resolve_draft);

  return g_test_run ();
}
