/* bench-drafts.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-draft.h"

/* A French resolution of N_OPERATIVE operative paragraphs, each with two
 * sub-paragraphs (the first holding a sub-sub-paragraph), of realistic
 * length (about 2 MB of JSON for 5,000). */
PlenaryDraft *bench_build_resolution (guint n_operative);
#define BENCH_N_DELEGATIONS 12

/* Adds N_PROPOSALS proposals by 12 delegations to DRAFT, on paragraphs
 * picked at random (always the same): words replaced, inserted or
 * deleted, a paragraph added after, or deleted (one in ten each). */
void          bench_add_proposals    (PlenaryDraft *draft,
                                      guint         n_proposals);
/* The median of N VALUES (sorted in place). */
double        bench_median           (guint         n,
                                      double       *values);
