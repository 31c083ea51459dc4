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
/* The median of N VALUES (sorted in place). */
double        bench_median           (guint         n,
                                      double       *values);
