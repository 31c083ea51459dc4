/* plenary-window-proposals.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-window.h"

G_BEGIN_DECLS

/* KNOWN: the user's delegation is set (Preferences, "delegation"). */
typedef void (*PlenaryDelegationCallback) (PlenaryWindow *window,
                                           gboolean       known,
                                           gpointer       user_data);

/* Proposals are made in the name of the user's delegation: when
 * Preferences has none yet, asks for it once, then calls CALLBACK (KNOWN
 * FALSE when the user cancelled); at once when it is known. */
void plenary_window_ensure_delegation (PlenaryWindow             *self,
                                       PlenaryDelegationCallback  callback,
                                       gpointer                   user_data);

G_END_DECLS
