/* plenary-toolbar-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLENARY_TYPE_TOOLBAR_VIEW (plenary_toolbar_view_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryToolbarView, plenary_toolbar_view, PLENARY, TOOLBAR_VIEW, AdwBin)

G_END_DECLS
