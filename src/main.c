/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary"

#include "config.h"

#include "plenary-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PlenaryApplication) app = NULL;

  plenary_i18n_init ();

  app = plenary_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
