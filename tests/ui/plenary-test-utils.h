/* plenary-test-utils.h: what the tests on real windows share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-application.h"
#include "plenary-dialogs.h"

G_BEGIN_DECLS

/* Translations, GTest, a display, and a registered application that
 * windows keep alive as in a real run. Exits when there is no display. */
PlenaryApplication *plenary_test_init                (int                *argc,
                                                      char             ***argv);
int                 plenary_test_run                 (PlenaryApplication *app);
/* Runs the main loop for MS milliseconds. */
void                plenary_test_spin                (guint               ms);
/* Runs the main loop until DONE (DATA); fails the test after 20 s. */
void                plenary_test_spin_until          (gboolean          (*done) (gpointer),
                                                      gpointer            data);
gboolean            plenary_test_document_idle       (gpointer            document);
void                plenary_test_run_command         (const char * const *argv);
GPtrArray          *plenary_test_find_alerts         (void);
PlenaryAlert       *plenary_test_find_message_dialog (void);
gboolean            plenary_test_dialog_shown        (gpointer            unused);
/* As a click on a response button does: answer, then close. */
void                plenary_test_respond             (PlenaryAlert       *dialog,
                                                      const char         *response);
char               *plenary_test_buffer_text         (PlenaryDocument    *document);
/* The first descendant of WIDGET (itself included) of TYPE, or NULL: a
 * page's banner (GtkRevealer), its label. */
GtkWidget          *plenary_test_find_child          (GtkWidget          *widget,
                                                      GType               type);
/* Whether a label of WIDGET or below it says TEXT (a toast shown, a
 * message in a dialog). */
gboolean            plenary_test_has_label_containing (GtkWidget         *widget,
                                                       const char        *text);
/* The recovery copies in the folder of APP's session. */
guint               plenary_test_count_recovery_copies (PlenaryApplication *app);

G_END_DECLS
