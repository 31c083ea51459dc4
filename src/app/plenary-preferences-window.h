/* plenary-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLENARY_TYPE_PREFERENCES_WINDOW (plenary_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryPreferencesWindow, plenary_preferences_window, PLENARY, PREFERENCES_WINDOW, AdwPreferencesWindow)

PlenaryPreferencesWindow *plenary_preferences_window_new (void);

G_END_DECLS
