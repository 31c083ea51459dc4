/* plenary-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLENARY_TYPE_PREFERENCES_WINDOW (plenary_preferences_window_get_type ())

/* An AdwPreferencesDialog where libadwaita has it (1.5), the window it
 * replaces on Debian 12: show it with plenary_dialog_present(). */
#if ADW_CHECK_VERSION (1, 5, 0)
G_DECLARE_FINAL_TYPE (PlenaryPreferencesWindow, plenary_preferences_window, PLENARY, PREFERENCES_WINDOW, AdwPreferencesDialog)
#else
G_DECLARE_FINAL_TYPE (PlenaryPreferencesWindow, plenary_preferences_window, PLENARY, PREFERENCES_WINDOW, AdwPreferencesWindow)
#endif

PlenaryPreferencesWindow *plenary_preferences_window_new (void);

G_END_DECLS
