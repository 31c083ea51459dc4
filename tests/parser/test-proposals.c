/* test-proposals.c: proposals in the draft file, the accepted and
 * compilation texts, and merging copies into proposals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plenary-clause-parser.h"
#include "plenary-clause-printer.h"
#include "plenary-comparison.h"
#include "plenary-draft-codec.h"
#include "plenary-phrase-dictionary.h"
#include "plenary-proposals.h"

#define TEXT "L'Assemblée générale,\n" \
  "Rappelant ses résolutions antérieures sur la question,\n" \
  "Décide de renforcer la coopération régionale ;\n" \
  "Prie le Secrétaire général de lui faire rapport :\n" \
  "\tsur la mise en œuvre ;\n" \
  "\tsur les ressources ;\n" \
  "Invite les organisations régionales à participer ;\n" \
  "Décide de rester saisie de la question."

static PlenaryDraft *
make_draft (const char *text)
{
  PlenaryDraft *draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(PlenaryBody) body = plenary_clause_parser_parse (plenary_phrase_dictionary_get_default ("fr"),
                                                             text, -1, PLENARY_DRAFT_KIND_RESOLUTION, NULL);

  plenary_draft_set_body (draft, body);
  return draft;
}

static char *
print (PlenaryBody *body)
{
  return plenary_clause_printer_print (body, PLENARY_DRAFT_KIND_RESOLUTION, "fr", PLENARY_PRINT_EDITOR);
}

static PlenaryParagraph *
flat (PlenaryDraft *draft,
      guint         index)
{
  g_autoptr(GPtrArray) paragraphs = plenary_body_flatten (plenary_draft_get_body (draft), NULL);

  return g_ptr_array_index (paragraphs, index);
}

static PlenaryDraft *
round_trip (PlenaryDraft *draft)
{
  g_autoptr(GBytes) bytes = plenary_draft_codec_encode (draft);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) again = NULL;
  PlenaryDraft *decoded = plenary_draft_codec_decode (g_bytes_get_data (bytes, NULL),
                                                      g_bytes_get_size (bytes), &error);

  g_assert_no_error (error);
  /* Reading and writing again gives the same bytes. */
  again = plenary_draft_codec_encode (decoded);
  g_assert_true (g_bytes_equal (bytes, again));

  return decoded;
}

static void
add_text (PlenaryDraft *draft,
          const char   *delegation,
          guint         paragraph,
          const char   *exact,
          const char   *replacement)
{
  PlenaryParagraph *target = flat (draft, paragraph);
  g_autofree char *full = plenary_paragraph_dup_full_text (target);
  const char *at = strstr (full, exact);
  g_autofree char *id = plenary_draft_new_proposal_id (draft);
  g_autoptr(PlenaryProposal) proposal = NULL;
  glong start;

  g_assert_nonnull (at);
  start = g_utf8_pointer_to_offset (full, at);
  proposal = plenary_proposal_new_text (id, delegation, NULL, target->id, full, start,
                                        start + g_utf8_strlen (exact, -1), replacement);
  plenary_draft_add_proposal (draft, proposal);
}

/* Every member of a proposal and the statuses survive the file. */
static void
test_file (void)
{
  g_autoptr(PlenaryDraft) draft = make_draft (TEXT);
  g_autoptr(PlenaryDraft) decoded = NULL;
  g_autoptr(PlenaryProposal) added = NULL;
  g_autoptr(PlenaryProposal) deleted = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 12, 7, 10, 12, 0);
  PlenaryProposal *proposal;

  add_text (draft, "Union européenne", 1, "renforcer", "consolider");
  added = plenary_proposal_new_add ("s7", "Groupe des 77 et la Chine", when, flat (draft, 3)->id, 1,
                                    "sur les partenariats ;");
  deleted = plenary_proposal_new_delete ("s8", "Canada", when, flat (draft, 5)->id);
  plenary_proposal_set_friendliness (deleted, PLENARY_PROPOSAL_FRIENDLINESS_UNFRIENDLY);
  plenary_proposal_set_vote (deleted, PLENARY_PROPOSAL_VOTE_FAILED);
  plenary_draft_add_proposal (draft, added);
  plenary_draft_add_proposal (draft, deleted);
  plenary_draft_set_paragraph_status (draft, flat (draft, 0)->id, PLENARY_PARAGRAPH_STATUS_AGREED);
  plenary_draft_set_paragraph_status (draft, flat (draft, 1)->id, PLENARY_PARAGRAPH_STATUS_AGREED_AD_REF);

  decoded = round_trip (draft);
  g_assert_cmpuint (g_list_model_get_n_items (plenary_draft_get_proposals (decoded)), ==, 3);
  proposal = plenary_draft_find_proposal (decoded, "s1");
  g_assert_nonnull (proposal);
  g_assert_cmpstr (plenary_proposal_get_exact (proposal), ==, "renforcer");
  g_assert_cmpstr (plenary_proposal_get_prefix (proposal), ==, "Décide de ");
  g_assert_cmpstr (plenary_proposal_get_text (proposal), ==, "consolider");
  g_assert_cmpstr (plenary_proposal_get_delegation (proposal), ==, "Union européenne");
  proposal = plenary_draft_find_proposal (decoded, "s7");
  g_assert_cmpint (plenary_proposal_get_kind (proposal), ==, PLENARY_PROPOSAL_ADD_PARAGRAPH);
  g_assert_cmpuint (plenary_proposal_get_level (proposal), ==, 1);
  g_assert_true (g_date_time_equal (plenary_proposal_get_created (proposal), when));
  proposal = plenary_draft_find_proposal (decoded, "s8");
  g_assert_cmpint (plenary_proposal_get_friendliness (proposal), ==, PLENARY_PROPOSAL_FRIENDLINESS_UNFRIENDLY);
  g_assert_cmpint (plenary_proposal_get_vote (proposal), ==, PLENARY_PROPOSAL_VOTE_FAILED);
  g_assert_cmpint (plenary_draft_get_paragraph_status (decoded, flat (decoded, 1)->id), ==,
                   PLENARY_PARAGRAPH_STATUS_AGREED_AD_REF);
  g_assert_cmpint (plenary_draft_get_paragraph_status (decoded, flat (decoded, 2)->id), ==,
                   PLENARY_PARAGRAPH_STATUS_NONE);

  /* A new id is above every id the file holds. */
  {
    g_autofree char *id = plenary_draft_new_proposal_id (decoded);
    g_assert_cmpstr (id, ==, "s9");
  }
}

/* Edits elsewhere in the paragraph do not lose the words; words gone do. */
static void
test_locate (void)
{
  const char *full = "Décide de renforcer la coopération régionale et de renforcer le dialogue ;";
  g_autoptr(PlenaryProposal) proposal = plenary_proposal_new_text ("s1", "UE", NULL, "p1", full, 51, 60, "consolider");
  gint64 start, end;

  g_assert_cmpstr (plenary_proposal_get_exact (proposal), ==, "renforcer");
  g_assert_true (plenary_proposal_locate (proposal, full, &start, &end));
  g_assert_cmpint (start, ==, 51);
  /* Words added before: the second "renforcer" still, by its context. */
  g_assert_true (plenary_proposal_locate (proposal, "Décide en outre de renforcer la coopération régionale "
                                          "et de renforcer le dialogue ;", &start, &end));
  g_assert_cmpint (start, ==, 60);
  g_assert_cmpint (end, ==, 69);
  g_assert_false (plenary_proposal_locate (proposal, "Décide de clore la question.", &start, &end));

  /* Found by the fuzzer: a position near the end of a shorter text, the
   * words running past it. */
  {
    g_autoptr(PlenaryProposal) late = plenary_proposal_new_full ("s2", PLENARY_PROPOSAL_TEXT, "UE", NULL, "p1",
                                                                 "renforcer", "de ", " la", 4, 13, "x", 0);

    g_assert_false (plenary_proposal_locate (late, "Prie le", &start, &end));
  }
}

/* Accepting all: words replaced, a sub-paragraph added, a paragraph deleted
 * with its sub-paragraphs; competing proposals: the first made wins; ids
 * kept. */
static void
test_accepted (void)
{
  g_autoptr(PlenaryDraft) draft = make_draft (TEXT);
  g_autoptr(PlenaryProposal) added = NULL;
  g_autoptr(PlenaryProposal) deleted = NULL;
  g_autoptr(PlenaryBody) body = NULL;
  g_autofree char *text = NULL;
  g_autofree char *kept_id = g_strdup (flat (draft, 1)->id);
  guint skipped = 99;

  add_text (draft, "Union européenne", 1, "renforcer", "consolider");
  add_text (draft, "Groupe des 77", 1, "renforcer", "élargir");
  add_text (draft, "Canada", 1, "régionale", "régionale et internationale");
  added = plenary_proposal_new_add ("s10", "Norvège", NULL, flat (draft, 4)->id, 1, "sur les partenariats ;");
  deleted = plenary_proposal_new_delete ("s11", "Japon", NULL, flat (draft, 2)->id);
  plenary_draft_add_proposal (draft, added);

  body = plenary_proposals_dup_accepted (draft, &skipped);
  text = print (body);
  g_assert_cmpstr (text, ==,
                   "L'Assemblée générale,\n"
                   "Rappelant ses résolutions antérieures sur la question,\n"
                   "Décide de consolider la coopération régionale et internationale ;\n"
                   "Prie le Secrétaire général de lui faire rapport :\n"
                   "\tsur la mise en œuvre ;\n"
                   "\tsur les ressources ;\n"
                   "\tsur les partenariats ;\n"
                   "Invite les organisations régionales à participer ;\n"
                   "Décide de rester saisie de la question.");
  g_assert_cmpuint (skipped, ==, 1);
  g_assert_cmpstr (((PlenaryParagraph *) g_ptr_array_index (body->paragraphs, 1))->id, ==, kept_id);

  plenary_draft_add_proposal (draft, deleted);
  g_clear_pointer (&body, plenary_body_unref);
  g_clear_pointer (&text, g_free);
  body = plenary_proposals_dup_accepted (draft, NULL);
  text = print (body);
  g_assert_null (strstr (text, "Prie le Secrétaire"));
  g_assert_null (strstr (text, "sur les ressources"));
  g_assert_nonnull (strstr (text, "Invite les organisations"));
}

/* The compilation text: brackets, proposers, alternatives, statuses, in the
 * drafting language; the phrase stays the phrase. */
static void
test_compilation (void)
{
  g_autoptr(PlenaryDraft) draft = make_draft (TEXT);
  g_autoptr(PlenaryProposal) deleted = NULL;
  g_autoptr(PlenaryBody) body = NULL;
  g_autofree char *text = NULL;
  PlenaryParagraph *decides;

  add_text (draft, "Union européenne", 1, "renforcer", "consolider");
  add_text (draft, "Groupe des 77 et la Chine", 1, "renforcer", "élargir");
  add_text (draft, "Canada", 6, "rester saisie", "");
  deleted = plenary_proposal_new_delete ("s20", "Japon", NULL, flat (draft, 5)->id);
  plenary_proposal_set_friendliness (deleted, PLENARY_PROPOSAL_FRIENDLINESS_FRIENDLY);
  plenary_draft_add_proposal (draft, deleted);
  plenary_draft_set_paragraph_status (draft, flat (draft, 0)->id, PLENARY_PARAGRAPH_STATUS_AGREED_AD_REF);

  body = plenary_proposals_dup_compilation (draft);
  text = print (body);
  g_assert_cmpstr (text, ==,
                   "L'Assemblée générale,\n"
                   "Rappelant ses résolutions antérieures sur la question, [adopté ad referendum]\n"
                   "Décide de [renforcer] [variante 1 – Union européenne\u00a0: consolider] "
                   "[variante 2 – Groupe des 77 et la Chine\u00a0: élargir] la coopération régionale ;\n"
                   "Prie le Secrétaire général de lui faire rapport :\n"
                   "\tsur la mise en œuvre ;\n"
                   "\tsur les ressources ;\n"
                   "[Invite les organisations régionales à participer ;] "
                   "[Japon, amendement amical\u00a0: supprimer le paragraphe]\n"
                   "Décide de [rester saisie] [Canada\u00a0: supprimer] de la question.");
  decides = g_ptr_array_index (body->paragraphs, 1);
  g_assert_cmpstr (decides->phrase, ==, "Décide");
  g_assert_cmpint (decides->role, ==, PLENARY_ROLE_OPERATIVE);
}

/* Copies merged: their changes become proposals of their delegations; the
 * same words changed by two copies are alternatives; accepting the
 * proposals of one copy gives that copy's text. */
static void
test_merge (void)
{
  g_autoptr(PlenaryDraft) draft = make_draft (TEXT);
  g_autoptr(PlenaryDraft) eu = make_draft (
    "L'Assemblée générale,\n"
    "Rappelant ses résolutions antérieures sur la question,\n"
    "Décide de consolider la coopération régionale ;\n"
    "Prie le Secrétaire général de lui faire rapport :\n"
    "\tsur la mise en œuvre ;\n"
    "\tsur les ressources ;\n"
    "\tsur les partenariats ;\n"
    "Décide de rester saisie de la question.");
  g_autoptr(PlenaryDraft) g77 = make_draft (
    "L'Assemblée générale,\n"
    "Rappelant ses résolutions antérieures sur la question,\n"
    "Décide d'élargir la coopération régionale ;\n"
    "Prie le Secrétaire général de lui faire rapport :\n"
    "\tsur la mise en œuvre ;\n"
    "\tsur les ressources ;\n"
    "Invite les organisations régionales à participer ;\n"
    "Décide de rester saisie de la question.");
  g_autoptr(PlenaryBody) accepted = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(PlenaryDraft) decoded = NULL;

  g_assert_cmpuint (plenary_proposals_merge_copy (draft, plenary_draft_get_body (eu), FALSE, "Union européenne"), ==, 3);
  accepted = plenary_proposals_dup_accepted (draft, NULL);
  text = print (accepted);
  expected = print (plenary_draft_get_body (eu));
  g_assert_cmpstr (text, ==, expected);

  g_assert_cmpuint (plenary_proposals_merge_copy (draft, plenary_draft_get_body (g77), FALSE, "Groupe des 77"), ==, 1);
  g_clear_pointer (&text, g_free);
  {
    g_autoptr(PlenaryBody) compilation = plenary_proposals_dup_compilation (draft);

    text = print (compilation);
  }
  g_assert_cmpstr (text, ==,
                   "L'Assemblée générale,\n"
                   "Rappelant ses résolutions antérieures sur la question,\n"
                   "Décide [de renforcer] [variante 1 – Union européenne\u00a0: de consolider] "
                   "[variante 2 – Groupe des 77\u00a0: d'élargir] la coopération régionale ;\n"
                   "Prie le Secrétaire général de lui faire rapport :\n"
                   "\tsur la mise en œuvre ;\n"
                   "\tsur les ressources ;\n"
                   "\t[sur les partenariats ;] [Union européenne\u00a0: nouveau paragraphe]\n"
                   "[Invite les organisations régionales à participer ;] "
                   "[Union européenne\u00a0: supprimer le paragraphe]\n"
                   "Décide de rester saisie de la question.");

  /* What the merge made is a valid file. */
  decoded = round_trip (draft);
  g_assert_cmpuint (g_list_model_get_n_items (plenary_draft_get_proposals (decoded)), ==, 4);
}

/* A paragraph moved in a copy (with its sub-paragraphs): deleted where it
 * was, added where it went; accepting gives the copy's order. */
static void
test_merge_move (void)
{
  g_autoptr(PlenaryDraft) draft = make_draft (TEXT);
  g_autoptr(PlenaryDraft) moved = make_draft (
    "L'Assemblée générale,\n"
    "Rappelant ses résolutions antérieures sur la question,\n"
    "Prie le Secrétaire général de lui faire rapport :\n"
    "\tsur la mise en œuvre ;\n"
    "\tsur les ressources ;\n"
    "Décide de renforcer la coopération régionale ;\n"
    "Invite les organisations régionales à participer ;\n"
    "Décide de rester saisie de la question.");
  g_autoptr(PlenaryBody) accepted = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpuint (plenary_proposals_merge_copy (draft, plenary_draft_get_body (moved), FALSE, "Canada"), >, 0);
  accepted = plenary_proposals_dup_accepted (draft, NULL);
  text = print (accepted);
  expected = print (plenary_draft_get_body (moved));
  g_assert_cmpstr (text, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/proposals/merge-move", test_merge_move);

  g_test_add_func ("/proposals/file", test_file);
  g_test_add_func ("/proposals/locate", test_locate);
  g_test_add_func ("/proposals/accepted", test_accepted);
  g_test_add_func ("/proposals/compilation", test_compilation);
  g_test_add_func ("/proposals/merge", test_merge);

  return g_test_run ();
}
