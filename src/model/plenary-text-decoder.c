/* plenary-text-decoder.c
 *
 * Copyright 2026 The Plenary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-text-decoder"

#include "config.h"

#include <string.h>

#include <uchardet.h>

#include "plenary-text-decoder.h"

/* Windows-1252 for 0x80..0x9F; the five undefined bytes give U+FFFD. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
  0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

/* In place: "\r\n" and "\r" become "\n", NUL bytes go. */
static void
normalize (GString *text)
{
  gsize out = 0;

  if (memchr (text->str, '\r', text->len) == NULL && strlen (text->str) == text->len)
    return;

  for (gsize in = 0; in < text->len; in++)
    {
      if (text->str[in] == '\r')
        {
          text->str[out++] = '\n';
          if (in + 1 < text->len && text->str[in + 1] == '\n')
            in++;
        }
      else if (text->str[in] != '\0')
        text->str[out++] = text->str[in];
    }
  g_string_truncate (text, out);
}

static void
append_unichar (GString  *out,
                gunichar  u,
                gboolean *replaced)
{
  if (u == 0)
    return;
  if (u > 0x10FFFF || (u >= 0xD800 && u < 0xE000))
    {
      u = 0xFFFD;
      *replaced = TRUE;
    }
  g_string_append_unichar (out, u);
}

static GString *
decode_utf16 (const guchar *data,
              gsize         length,
              gboolean      big_endian,
              gboolean     *replaced)
{
  GString *out = g_string_sized_new (length + 1);
  gsize i;

  for (i = 0; i + 1 < length; i += 2)
    {
      gunichar u = big_endian ? (data[i] << 8 | data[i + 1]) : (data[i + 1] << 8 | data[i]);

      if (u >= 0xD800 && u < 0xDC00 && i + 3 < length)
        {
          gunichar lo = big_endian ? (data[i + 2] << 8 | data[i + 3]) : (data[i + 3] << 8 | data[i + 2]);

          if (lo >= 0xDC00 && lo < 0xE000)
            {
              u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
              i += 2;
            }
        }
      append_unichar (out, u, replaced);
    }
  if (i < length)
    append_unichar (out, 0xD800, replaced);

  return out;
}

static GString *
decode_utf32 (const guchar *data,
              gsize         length,
              gboolean      big_endian,
              gboolean     *replaced)
{
  GString *out = g_string_sized_new (length / 2 + 1);
  gsize i;

  for (i = 0; i + 3 < length; i += 4)
    {
      gunichar u;

      if (big_endian)
        u = (gunichar) data[i] << 24 | data[i + 1] << 16 | data[i + 2] << 8 | data[i + 3];
      else
        u = (gunichar) data[i + 3] << 24 | data[i + 2] << 16 | data[i + 1] << 8 | data[i];
      append_unichar (out, u, replaced);
    }
  if (i < length)
    append_unichar (out, 0xD800, replaced);

  return out;
}

static GString *
decode_8bit (const guchar *data,
             gsize         length,
             gboolean      windows_1252)
{
  GString *out = g_string_sized_new (length + length / 8 + 1);

  for (gsize i = 0; i < length; i++)
    {
      guchar b = data[i];

      if (b < 0x80)
        g_string_append_c (out, b);
      else if (b < 0xA0 && windows_1252)
        g_string_append_unichar (out, cp1252_high[b - 0x80]);
      else
        g_string_append_unichar (out, b);
    }

  return out;
}

/* Valid runs are copied, each invalid byte becomes U+FFFD. */
static GString *
decode_utf8_lossy (const char *data,
                   gsize       length,
                   gboolean   *replaced)
{
  GString *out = g_string_sized_new (length + 16);
  const char *p = data;
  const char *end = data + length;

  while (p < end)
    {
      const char *valid_end;

      g_utf8_validate_len (p, end - p, &valid_end);
      g_string_append_len (out, p, valid_end - p);
      p = valid_end;
      if (p < end)
        {
          if (*p != '\0')
            {
              g_string_append (out, "\xEF\xBF\xBD");
              *replaced = TRUE;
            }
          p++;
        }
    }

  return out;
}

/* Multi-byte sequences that are valid UTF-8 and bytes that are not: tells
 * damaged UTF-8 from a legacy encoding. */
static void
count_utf8 (const char *data,
            gsize       length,
            gsize      *n_valid_multibyte,
            gsize      *n_invalid)
{
  const guchar *p = (const guchar *) data;
  const guchar *end = p + length;

  *n_valid_multibyte = 0;
  *n_invalid = 0;

  while (p < end)
    {
      const char *valid_end;

      g_utf8_validate_len ((const char *) p, end - p, &valid_end);
      for (; p < (const guchar *) valid_end; p++)
        if (*p >= 0xC0)
          (*n_valid_multibyte)++;
      if (p < end)
        {
          if (*p != 0)
            (*n_invalid)++;
          p++;
        }
    }
}

/* UTF-16 without BOM: ASCII-heavy text has a NUL in every other byte. */
static gboolean
looks_like_utf16 (const guchar *data,
                  gsize         length,
                  gboolean     *big_endian)
{
  gsize n = MIN (length, 4096) & ~(gsize) 1;
  gsize even_nul = 0;
  gsize odd_nul = 0;

  if (n < 4)
    return FALSE;

  for (gsize i = 0; i < n; i += 2)
    {
      even_nul += data[i] == 0;
      odd_nul += data[i + 1] == 0;
    }

  *big_endian = even_nul > odd_nul;
  return (odd_nul > n / 2 * 4 / 10 && even_nul < n / 2 / 20) ||
         (even_nul > n / 2 * 4 / 10 && odd_nul < n / 2 / 20);
}

/* The bytes without their NULs, for iconv and the detector. */
static GString *
without_nul (const char *data,
             gsize       length)
{
  GString *out = g_string_sized_new (length + 1);

  for (gsize i = 0; i < length; i++)
    if (data[i] != '\0')
      g_string_append_c (out, data[i]);

  return out;
}

/* C1 controls never occur in Latin-1 text; in Windows-1252 they are curly
 * quotes, dashes and the euro sign. */
static gboolean
has_c1 (const GString *bytes)
{
  for (gsize i = 0; i < bytes->len; i++)
    if ((guchar) bytes->str[i] >= 0x80 && (guchar) bytes->str[i] < 0xA0)
      return TRUE;
  return FALSE;
}

static gboolean
is_latin_code_page (const char *charset)
{
  static const char * const latin[] = {
    "WINDOWS-1250", "WINDOWS-1252", "WINDOWS-1254", "WINDOWS-1257", "WINDOWS-1258",
    "ISO-8859-1", "ISO-8859-2", "ISO-8859-9", NULL
  };

  return g_strv_contains (latin, charset);
}

static GString *
convert_from (const char *bytes,
              gsize       length,
              const char *charset)
{
  g_autofree char *utf8 = NULL;
  gsize written = 0;

  utf8 = g_convert (bytes, length, "UTF-8", charset, NULL, &written, NULL);
  if (utf8 == NULL)
    return NULL;

  return g_string_new_len (utf8, written);
}

/* The names GLib's iconv knows for what uchardet and web pages say. */
static const char *
static_charset (const char *name)
{
  static const char * const known[] = {
    "WINDOWS-1250", "WINDOWS-1251", "WINDOWS-1252", "WINDOWS-1253", "WINDOWS-1254",
    "WINDOWS-1255", "WINDOWS-1256", "WINDOWS-1257", "WINDOWS-1258", "ISO-8859-1",
    "ISO-8859-2", "ISO-8859-5", "ISO-8859-7", "ISO-8859-8", "ISO-8859-9", "ISO-8859-15",
    "KOI8-R", "KOI8-U", "IBM866", "MAC-CYRILLIC", "GB18030", "GBK", "GB2312", "BIG5",
    "EUC-TW", "EUC-JP", "SHIFT_JIS", "ISO-2022-JP", "EUC-KR", "ISO-2022-KR", "UHC",
    "TIS-620", "VISCII", "UTF-8", "ASCII",
  };
  g_autofree char *upper = g_ascii_strup (name, -1);

  /* uchardet and HTML spell some differently. */
  if (g_str_equal (upper, "GB2312") || g_str_equal (upper, "GBK"))
    return "GB18030";
  if (g_str_equal (upper, "LATIN1"))
    return "ISO-8859-1";
  if (g_str_equal (upper, "CP1251"))
    return "WINDOWS-1251";
  if (g_str_equal (upper, "CP1252"))
    return "WINDOWS-1252";
  if (g_str_equal (upper, "SJIS") || g_str_equal (upper, "SHIFT-JIS") || g_str_equal (upper, "CP932"))
    return "SHIFT_JIS";
  if (g_str_equal (upper, "US-ASCII"))
    return "ASCII";
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (upper, known[i]))
      return known[i];

  return NULL;
}

static const char *
detect_charset (const char *bytes,
                gsize       length)
{
  uchardet_t detector = uchardet_new ();
  const char *charset = NULL;

  if (uchardet_handle_data (detector, bytes, length) == 0)
    {
      uchardet_data_end (detector);
      charset = uchardet_get_charset (detector);
      charset = charset != NULL && charset[0] != '\0' ? static_charset (charset) : NULL;
    }
  uchardet_delete (detector);

  return charset;
}

char *
plenary_text_decode (const char          *data,
                     gsize                length,
                     const char          *declared,
                     PlenaryTextEncoding *encoding)
{
  const guchar *u = (const guchar *) data;
  PlenaryTextEncoding local = { "UTF-8", FALSE, FALSE };
  GString *text = NULL;
  gboolean big_endian;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    text = decode_utf8_lossy (data + 3, length - 3, &local.replaced);
  else if (length >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0)
    {
      local.encoding = "UTF-32LE";
      text = decode_utf32 (u + 4, length - 4, FALSE, &local.replaced);
    }
  else if (length >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF)
    {
      local.encoding = "UTF-32BE";
      text = decode_utf32 (u + 4, length - 4, TRUE, &local.replaced);
    }
  else if (length >= 2 && u[0] == 0xFF && u[1] == 0xFE)
    {
      local.encoding = "UTF-16LE";
      text = decode_utf16 (u + 2, length - 2, FALSE, &local.replaced);
    }
  else if (length >= 2 && u[0] == 0xFE && u[1] == 0xFF)
    {
      local.encoding = "UTF-16BE";
      text = decode_utf16 (u + 2, length - 2, TRUE, &local.replaced);
    }
  else if (g_utf8_validate_len (data, length, NULL))
    text = g_string_new_len (data, length);
  else if (looks_like_utf16 (u, length, &big_endian))
    {
      local.encoding = big_endian ? "UTF-16BE" : "UTF-16LE";
      text = decode_utf16 (u, length, big_endian, &local.replaced);
    }
  else
    {
      g_autoptr(GString) bytes = without_nul (data, length);
      const char *charset = declared != NULL ? static_charset (declared) : NULL;
      gsize n_valid, n_invalid;

      count_utf8 (bytes->str, bytes->len, &n_valid, &n_invalid);
      /* A few broken bytes in UTF-8 text are damage, not an encoding. */
      if (n_invalid == 0 || n_valid > n_invalid)
        text = decode_utf8_lossy (bytes->str, bytes->len, &local.replaced);
      if (text == NULL && charset != NULL && (text = convert_from (bytes->str, bytes->len, charset)) != NULL)
        local.encoding = charset;
      if (text == NULL && (charset = detect_charset (bytes->str, bytes->len)) != NULL)
        {
          /* Bytes 0x80-0x9F are controls in Latin-1, quotes and dashes in
           * Windows-1252: the text is in the latter. */
          if (g_str_equal (charset, "ISO-8859-1") && has_c1 (bytes))
            charset = "WINDOWS-1252";
          /* On a few words the detector picks any Latin code page (1258 for
           * "c’est “bien” €"): below a page, Western European is likelier. */
          if (bytes->len < 1024 && is_latin_code_page (charset))
            charset = has_c1 (bytes) ? "WINDOWS-1252" : "ISO-8859-1";
          if ((text = convert_from (bytes->str, bytes->len, charset)) != NULL)
            local.encoding = charset;
        }
      if (text == NULL)
        {
          gboolean c1 = has_c1 (bytes);

          local.encoding = c1 ? "WINDOWS-1252" : "ISO-8859-1";
          local.unsure = TRUE;
          text = decode_8bit ((const guchar *) bytes->str, bytes->len, c1);
        }
    }

  normalize (text);

  if (encoding != NULL)
    *encoding = local;

  return g_string_free (text, FALSE);
}
