/* plenary-session.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-document.h"
#include "plenary-recovery.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_SESSION (plenary_session_get_type ())

G_DECLARE_FINAL_TYPE (PlenarySession, plenary_session, PLENARY, SESSION, GObject)

/* Owns every open document; windows only show them. */

PlenarySession  *plenary_session_new                  (void);
GListModel      *plenary_session_get_documents        (PlenarySession  *self);
PlenaryRecovery *plenary_session_get_recovery         (PlenarySession  *self);
void             plenary_session_add                  (PlenarySession  *self,
                                                       PlenaryDocument *document);
/* DOCUMENT's page was closed: the session lets it go (its recovery copy
 * too). A page moved to another window keeps its document. */
void             plenary_session_close                (PlenarySession  *self,
                                                       PlenaryDocument *document);
PlenaryDocument *plenary_session_find_by_file         (PlenarySession  *self,
                                                       GFile           *file);
/* Both constructors add the new document to the session and return a new
 * reference to it.
 * TEMPLATE_ID: a template id of plenary_templates_load ("resolution-fr",
 * "position-paper-en", "briefing-note-fr", "user:NAME"). */
PlenaryDocument *plenary_session_create_from_template (PlenarySession  *self,
                                                       const char      *template_id,
                                                       GError         **error);
/* The bundled sample: the seed draft resolution with the four seed articles
 * as its sources. */
PlenaryDocument *plenary_session_create_sample        (PlenarySession  *self,
                                                       GError         **error);

G_END_DECLS
