/* plenary-merge-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plenary-document.h"
#include "plenary-merge.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_MERGE_WINDOW (plenary_merge_window_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryMergeWindow, plenary_merge_window, PLENARY, MERGE_WINDOW, AdwWindow)

/* Merge Changes From…: the changes of another delegation's copy since
 * BASE_NAME (the revision both share), one row each: those that do not
 * touch what the delegate changed are ticked; a conflict shows both texts
 * side by side to choose from (the delegate's own chosen at first). The
 * delegation's name (DELEGATION, from the copy's header, may be "") can be
 * typed. Apply puts the result in DOCUMENT as one edit Undo takes back. */
PlenaryMergeWindow *plenary_merge_window_new   (GtkWindow       *parent,
                                                PlenaryDocument *document,
                                                PlenaryMerge    *merge,
                                                const char      *base_name,
                                                const char      *delegation);
/* The delegation the changes are attributed to. */
const char         *plenary_merge_window_get_delegation (PlenaryMergeWindow *self);

G_END_DECLS
