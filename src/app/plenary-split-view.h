/* plenary-split-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLENARY_TYPE_SPLIT_VIEW (plenary_split_view_get_type ())

G_DECLARE_FINAL_TYPE (PlenarySplitView, plenary_split_view, PLENARY, SPLIT_VIEW, AdwBin)

gboolean plenary_split_view_get_show_sidebar (PlenarySplitView *self);
void     plenary_split_view_set_show_sidebar (PlenarySplitView *self,
                                              gboolean          show_sidebar);
gboolean plenary_split_view_get_collapsed    (PlenarySplitView *self);
void     plenary_split_view_set_collapsed    (PlenarySplitView *self,
                                              gboolean          collapsed);
GObject *plenary_split_view_fold_below       (AdwApplicationWindow *window,
                                              PlenarySplitView     *start,
                                              int                   start_width,
                                              PlenarySplitView     *end,
                                              int                   end_width);

G_END_DECLS
