/* plenary-text-decoder.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How the bytes of a text file were read. */
typedef struct
{
  const char *encoding;  /* "UTF-8", "UTF-16LE", "WINDOWS-1251", … (static) */
  gboolean    unsure;    /* no BOM, not UTF-8, and the detector had no answer */
  gboolean    replaced;  /* some bytes could not be decoded: U+FFFD stands for them */
} PlenaryTextEncoding;

/* Text bytes of any common encoding -> UTF-8 with "\n" line ends and no NUL.
 * In order: a BOM (UTF-8, UTF-16, UTF-32), valid UTF-8, UTF-16 without a
 * BOM, the DECLARED charset (nullable: an HTML page's <meta charset>),
 * uchardet's guess (CP1251, GB18030, Shift-JIS, Latin-9…), and when all of
 * them fail Windows-1252 or Latin-1 with ENCODING->unsure set. Never NULL;
 * ENCODING is nullable. */
char *plenary_text_decode (const char          *data,
                           gsize                length,
                           const char          *declared,
                           PlenaryTextEncoding *encoding);

G_END_DECLS
