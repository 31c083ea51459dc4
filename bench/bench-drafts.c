/* bench-drafts.c — the large drafts the benchmarks measure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "plenary-comparison.h"

#include "bench-drafts.h"

static const char * const phrases[] = {
  "Encourage", "Demande", "Prie", "Invite", "Exhorte", "Décide", "Souligne", "Engage",
};

static const char * const clauses[] = {
  "les États Membres à renforcer la coopération internationale en matière de gestion durable de l'eau",
  "le Secrétaire général à lui présenter, à sa prochaine session, un rapport sur l'application de la présente résolution",
  "toutes les parties à garantir l'accès sans entrave de l'aide humanitaire aux populations touchées",
};

static const char * const subclauses[] = {
  "en mobilisant des ressources nouvelles et prévisibles;",
  "en associant les femmes et les jeunes aux décisions;",
  "en tenant compte des priorités nationales;",
};

PlenaryDraft *
bench_build_resolution (guint n_operative)
{
  PlenaryDraft *draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  PlenaryBody *body = plenary_draft_get_body (draft);

  plenary_metadata_set_string (plenary_draft_get_metadata (draft), "body", "Assemblée générale");
  plenary_body_set_opening (body, "L'Assemblée générale,");

  for (guint i = 0; i < n_operative; i++)
    {
      g_autoptr(PlenaryParagraph) operative = NULL;
      g_autoptr(PlenaryParagraph) first = NULL;
      g_autoptr(PlenaryParagraph) second = NULL;
      g_autoptr(PlenaryParagraph) nested = NULL;
      g_autofree char *text = g_strdup_printf ("%s (%u) :", clauses[i % G_N_ELEMENTS (clauses)], i + 1);

      operative = plenary_paragraph_new (PLENARY_ROLE_OPERATIVE, phrases[i % G_N_ELEMENTS (phrases)], text);
      first = plenary_paragraph_new (PLENARY_ROLE_SUBPARAGRAPH, NULL, subclauses[i % 3]);
      nested = plenary_paragraph_new (PLENARY_ROLE_SUBPARAGRAPH, NULL, subclauses[(i + 1) % 3]);
      second = plenary_paragraph_new (PLENARY_ROLE_SUBPARAGRAPH, NULL, subclauses[(i + 2) % 3]);
      plenary_paragraph_append_child (first, nested);
      plenary_paragraph_append_child (operative, first);
      plenary_paragraph_append_child (operative, second);
      plenary_body_append (body, operative);
    }

  return draft;
}


static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_median (guint   n,
              double *values)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static const char * const delegations[BENCH_N_DELEGATIONS] = {
  "Union européenne", "Groupe des 77 et la Chine", "États-Unis d'Amérique", "Fédération de Russie",
  "Chine", "Royaume-Uni", "Brésil", "Inde", "Japon", "Afrique du Sud", "Mexique", "Canada",
};

void
bench_add_proposals (PlenaryDraft *draft,
                     guint         n_proposals)
{
  g_autoptr(GPtrArray) paragraphs = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);

  plenary_draft_ensure_paragraph_ids (draft);
  paragraphs = plenary_body_flatten (plenary_draft_get_body (draft), NULL);
  for (guint i = 0; i < n_proposals; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (paragraphs, g_rand_int_range (rand, 0, paragraphs->len));
      g_autofree char *full = plenary_paragraph_dup_full_text (paragraph);
      g_autofree char *id = plenary_draft_new_proposal_id (draft);
      const char *delegation = delegations[i % BENCH_N_DELEGATIONS];
      glong length = g_utf8_strlen (full, -1);
      g_autoptr(PlenaryProposal) proposal = NULL;

      if (i % 10 == 8)
        proposal = plenary_proposal_new_add (id, delegation, NULL, paragraph->id, 0,
                                             "Encourage les États Membres à poursuivre la coopération ;");
      else if (i % 10 == 9)
        proposal = plenary_proposal_new_delete (id, delegation, NULL, paragraph->id);
      else
        {
          gint64 start = g_rand_int_range (rand, 0, MAX (1, length - 10));

          proposal = plenary_proposal_new_text (id, delegation, NULL, paragraph->id, full, start,
                                                start + (i % 3) * 5, i % 3 == 2 ? "" : "et renforcée");
        }
      plenary_draft_add_proposal (draft, proposal);
    }
}
