/* fuzz-common.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* libgsf 1.14 (gsf-infile-zip.c, gsf_infile_zip_new_child) unrefs the
 * NULL date GLib gives for an impossible DOS date in a damaged ZIP entry:
 * a critical inside a library, harmless, not ours; everything else stays
 * fatal. */
static inline gboolean
fuzz_fatal_unless_known (const char     *domain,
                         GLogLevelFlags  level,
                         const char     *message,
                         gpointer        data)
{
  return !(g_strcmp0 (domain, "GLib") == 0 &&
           strstr (message, "g_date_time_unref: assertion 'datetime != NULL'") != NULL);
}

/* A critical or a warning from our code is a bug the fuzzer must report as
 * a crash, as G_DEBUG=fatal-criticals does in the tests. */
static inline void
fuzz_make_warnings_fatal (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_test_log_set_fatal_handler (fuzz_fatal_unless_known, NULL);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  /* Plain local files: no GVfs module, which would talk to a session bus
   * (the source importer goes through GIO). */
  g_setenv ("GIO_USE_VFS", "local", TRUE);
}

/* Reports a broken property and aborts, which libFuzzer catches (g_error()
 * raises SIGTRAP, which it does not). */
static inline void G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN
fuzz_fail (const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  abort ();
}

G_END_DECLS
