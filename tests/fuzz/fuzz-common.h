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

#include <glib.h>

G_BEGIN_DECLS

int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A critical or a warning from our code is a bug the fuzzer must report as
 * a crash, as G_DEBUG=fatal-criticals does in the tests. */
static inline void
fuzz_make_warnings_fatal (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
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
