/* plenary-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plenary-session.h"
#include "plenary-window.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_APPLICATION (plenary_application_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryApplication, plenary_application, PLENARY, APPLICATION, AdwApplication)

/* Binds the gettext domain; PLENARY_LOCALEDIR overrides the installed
 * translations for uninstalled runs and tests. */
void                plenary_i18n_init                  (void);

PlenaryApplication *plenary_application_new            (void);
PlenarySession     *plenary_application_get_session    (PlenaryApplication *self);
PlenaryWindow      *plenary_application_new_window     (PlenaryApplication *self);
/* Opens FILE in WINDOW, or focuses it wherever it is already open. */
void                plenary_application_open_file      (PlenaryApplication *self,
                                                        PlenaryWindow      *window,
                                                        GFile              *file);
/* TEMPLATE: "default", "brief", or a template id ("resolution-fr"…). */
void                plenary_application_new_draft      (PlenaryApplication *self,
                                                        PlenaryWindow      *window,
                                                        const char         *template);
void                plenary_application_open_sample    (PlenaryApplication *self,
                                                        PlenaryWindow      *window);
/* Offers, one by one, the drafts a crash left unsaved. */
void                plenary_application_offer_recovery (PlenaryApplication *self,
                                                        PlenaryWindow      *window);

G_END_DECLS
