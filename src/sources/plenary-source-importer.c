/* plenary-source-importer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-source-importer"

#include "config.h"

/* memmem() */
#define _GNU_SOURCE
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <poppler.h>

#include "plenary-draft-codec.h"
#include "plenary-draft-file.h"
#include "plenary-office-reader.h"
#include "plenary-markdown.h"
#include "plenary-pdf-page-text.h"
#include "plenary-source-files.h"
#include "plenary-source-importer.h"
#include "plenary-text-decoder.h"

/* A first line longer than this is a paragraph, not a title. */
#define TITLE_MAX_CHARS 100
/* When no title exists, the opening words of the text, cut near here. */
#define TITLE_EXCERPT_CHARS 60
/* Bytes of a line enough to tell either (100 code points of up to 4 bytes,
 * with room for runs of white space). */
#define TITLE_SCAN_BYTES 4096

G_DEFINE_QUARK (plenary-source-import-error-quark, plenary_source_import_error)

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

  if (odd_nul > n / 2 * 4 / 10 && even_nul < n / 2 / 20)
    {
      *big_endian = FALSE;
      return TRUE;
    }
  if (even_nul > n / 2 * 4 / 10 && odd_nul < n / 2 / 20)
    {
      *big_endian = TRUE;
      return TRUE;
    }
  return FALSE;
}

char *
plenary_source_importer_decode_text (const char  *data,
                                     gsize        length,
                                     const char **encoding)
{
  PlenaryTextEncoding found;
  char *text;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* One decoder for drafts and sources (the model's, with uchardet). */
  text = plenary_text_decode (data, length, NULL, &found);
  if (encoding != NULL)
    *encoding = found.encoding;

  return text;
}

/* Titles ----------------------------------------------------------------- */

/* Runs of white space become one space; NULL when nothing is left. */
static char *
clean_title (const char *title)
{
  g_auto(GStrv) words = NULL;
  GString *out;

  if (title == NULL)
    return NULL;

  words = g_strsplit_set (title, " \t\n\r\f\v", -1);
  out = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      {
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, words[i]);
      }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static char *
title_from_filename (const char *filename)
{
  const char *dot;

  if (filename == NULL || filename[0] == '\0')
    return g_strdup (_("Untitled source"));

  dot = strrchr (filename, '.');
  if (dot != NULL && dot != filename)
    return g_strndup (filename, dot - filename);
  return g_strdup (filename);
}

/* The first non-empty line when it is short; otherwise the opening words of
 * that line, cut at a word boundary: still more telling than a file name. */
static char *
title_from_text (const char *text,
                 const char *filename)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *eol = strchr (p, '\n');
      gsize len = eol != NULL ? (gsize) (eol - p) : strlen (p);
      /* Only the start of a line can make a title: a file of one 100 MB
       * line is not copied and split whole. */
      gboolean long_line = len > TITLE_SCAN_BYTES;
      g_autofree char *line = NULL;
      g_autofree char *clean = NULL;

      if (long_line)
        {
          const char *end = p + TITLE_SCAN_BYTES;

          while (end > p && (*end & 0xC0) == 0x80)
            end--;
          len = end - p;
        }
      line = g_strndup (p, len);
      clean = clean_title (line);

      if (clean != NULL)
        {
          const char *cut;
          const char *last_space = NULL;
          glong n = 0;

          if (!long_line && g_utf8_strlen (clean, -1) <= TITLE_MAX_CHARS)
            return g_steal_pointer (&clean);

          for (cut = clean; *cut != '\0' && n < TITLE_EXCERPT_CHARS; cut = g_utf8_next_char (cut), n++)
            if (*cut == ' ')
              last_space = cut;
          if (last_space != NULL)
            cut = last_space;
          return g_strdup_printf ("%.*s…", (int) (cut - clean), clean);
        }

      if (eol == NULL)
        break;
      p = eol + 1;
    }

  return title_from_filename (filename);
}

/* HTML ------------------------------------------------------------------- */

typedef struct
{
  GString  *text;
  char     *title;
  char     *h1;
  gboolean  pending_space;
} HtmlWalk;

static gboolean
is_block_element (const char *name)
{
  static const char * const blocks[] = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul",
  };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (g_ascii_strcasecmp (name, blocks[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_hidden_element (const char *name)
{
  static const char * const hidden[] = {
    "script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object",
  };

  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    if (g_ascii_strcasecmp (name, hidden[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
html_line_break (HtmlWalk *walk)
{
  walk->pending_space = FALSE;
  if (walk->text->len > 0 && walk->text->str[walk->text->len - 1] != '\n')
    g_string_append_c (walk->text, '\n');
}

static void
html_append_text (HtmlWalk   *walk,
                  const char *content,
                  gboolean    preformatted)
{
  if (preformatted)
    {
      g_string_append (walk->text, content);
      walk->pending_space = FALSE;
      return;
    }

  /* Collapse runs of HTML white space into one space, as a browser does. */
  for (const char *p = content; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
        {
          walk->pending_space = TRUE;
          continue;
        }
      if (walk->pending_space && walk->text->len > 0 &&
          walk->text->str[walk->text->len - 1] != '\n')
        g_string_append_c (walk->text, ' ');
      walk->pending_space = FALSE;
      g_string_append_c (walk->text, *p);
    }
}

typedef struct
{
  xmlNode  *node;
  gboolean  preformatted;
  gboolean  block;
} HtmlFrame;

/* Depth first, with a stack of its own: a page nested thousands of
 * elements deep (unclosed tags) must not exhaust the C stack. */
static void
html_walk (HtmlWalk *walk,
           xmlNode  *node)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (HtmlFrame));
  gboolean preformatted = FALSE;

  while (node != NULL)
    {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          if (node->content != NULL)
            html_append_text (walk, (const char *) node->content, preformatted);
        }
      else if (node->type == XML_ELEMENT_NODE)
        {
          const char *name = (const char *) node->name;
          gboolean block;

          if (g_ascii_strcasecmp (name, "title") == 0)
            {
              if (walk->title == NULL)
                {
                  xmlChar *content = xmlNodeGetContent (node);

                  walk->title = clean_title ((const char *) content);
                  xmlFree (content);
                }
            }
          else if (!is_hidden_element (name))
            {
              if (walk->h1 == NULL && g_ascii_strcasecmp (name, "h1") == 0)
                {
                  xmlChar *content = xmlNodeGetContent (node);

                  walk->h1 = clean_title ((const char *) content);
                  xmlFree (content);
                }

              block = is_block_element (name);
              if (block)
                html_line_break (walk);
              if (node->children != NULL)
                {
                  HtmlFrame frame = { node, preformatted, block };

                  g_array_append_val (stack, frame);
                  preformatted = preformatted || g_ascii_strcasecmp (name, "pre") == 0;
                  node = node->children;
                  continue;
                }
              if (block)
                html_line_break (walk);
            }
        }

      /* Next sibling, or back up to the first ancestor that has one. */
      node = node->next;
      while (node == NULL && stack->len > 0)
        {
          HtmlFrame frame = g_array_index (stack, HtmlFrame, stack->len - 1);

          g_array_set_size (stack, stack->len - 1);
          if (frame.block)
            html_line_break (walk);
          preformatted = frame.preformatted;
          node = frame.node->next;
        }
    }
}

/* libxml2 compares each attribute of a tag with all the ones before it: a
 * tag with 500,000 attributes takes minutes. The text needs no attribute,
 * so a tag with more than MAX_HTML_ATTRIBUTES loses them all; the others
 * are left as they are. Returns NULL when no tag has that many. */
#define MAX_HTML_ATTRIBUTES 1000

static gboolean
is_raw_text_element (const char *name,
                     gsize       length)
{
  static const char * const raw[] = { "script", "style", "textarea", "xmp", "title", NULL };

  for (guint i = 0; raw[i] != NULL; i++)
    if (strlen (raw[i]) == length && g_ascii_strncasecmp (name, raw[i], length) == 0)
      return TRUE;
  return FALSE;
}

static GString *
html_bound_attributes (const char *html,
                       gsize       length)
{
  const char *end = html + length;
  const char *p = html;
  const char *copied = html;
  GString *out = NULL;

  while ((p = memchr (p, '<', end - p)) != NULL)
    {
      const char *name = p + 1;
      const char *q = name;
      gsize name_length;
      guint attributes = 0;
      gboolean in_space = FALSE;
      char quote = 0;

      if (q >= end || !g_ascii_isalpha (*q))
        {
          /* Comments are skipped whole: a '<' in one is not a tag. */
          if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
            {
              const char *close = g_strstr_len (p + 4, end - p - 4, "-->");

              p = close != NULL ? close + 3 : end;
            }
          else
            p++;
          continue;
        }

      while (q < end && (g_ascii_isalnum (*q) || *q == '-' || *q == ':'))
        q++;
      name_length = q - name;

      for (; q < end; q++)
        {
          if (quote != 0)
            {
              if (*q == quote)
                quote = 0;
              continue;
            }
          if (*q == '"' || *q == '\'')
            quote = *q;
          else if (*q == '>')
            break;
          else if (g_ascii_isspace (*q))
            in_space = TRUE;
          else if (in_space)
            {
              in_space = FALSE;
              attributes++;
            }
        }

      if (attributes > MAX_HTML_ATTRIBUTES)
        {
          if (out == NULL)
            out = g_string_sized_new (length);
          g_string_append_len (out, copied, name + name_length - copied);
          copied = q;
        }

      p = q < end ? q + 1 : end;

      /* Script and style hold text where '<' is no tag: skip to their end. */
      if (p < end && is_raw_text_element (name, name_length))
        {
          g_autofree char *closing = g_strdup_printf ("</%.*s", (int) name_length, name);
          const char *r = p;

          while (r < end && (r = memchr (r, '<', end - r)) != NULL &&
                 !(end - r >= (gssize) (name_length + 2) && g_ascii_strncasecmp (r, closing, name_length + 2) == 0))
            r++;
          p = r != NULL ? r : end;
        }
    }

  if (out != NULL)
    g_string_append_len (out, copied, end - copied);

  return out;
}

static gboolean
html_to_text (const char  *html,
              char       **text,
              char       **title,
              GError     **error)
{
  HtmlWalk walk = { 0 };
  htmlParserCtxtPtr context;
  htmlDocPtr doc;
  xmlNode *root;
  gsize len = strlen (html);
  g_autoptr(GString) bounded = html_bound_attributes (html, len);
  gboolean stopped;

  if (bounded != NULL)
    {
      html = bounded->str;
      len = bounded->len;
    }

  /* The text is already decoded, so any <meta charset> must not apply.
   * LEN fits an int: input files are capped at PLENARY_SOURCE_MAX_SIZE.
   * XML_PARSE_HUGE lifts libxml2's limits (256 levels of nesting, text
   * nodes of 10 MB), which silently cut pages of unclosed tags short. */
  context = htmlNewParserCtxt ();
  if (context == NULL)
    {
      g_set_error (error, PLENARY_SOURCE_IMPORT_ERROR, PLENARY_SOURCE_IMPORT_ERROR_DAMAGED,
                   _("This web page could not be read."));
      return FALSE;
    }
  doc = htmlCtxtReadMemory (context, html, (int) len, NULL, "UTF-8",
                            HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                            HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE);
  /* A parser that gave up before the end read only part of the page. */
  stopped = context->input != NULL && context->input->cur != NULL && context->input->end != NULL &&
            context->input->cur < context->input->end;
  htmlFreeParserCtxt (context);
  if (doc == NULL || stopped)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error (error, PLENARY_SOURCE_IMPORT_ERROR, PLENARY_SOURCE_IMPORT_ERROR_DAMAGED,
                   doc == NULL ? _("This web page could not be read.")
                               : _("This web page could only be read in part, so it was not added: "
                                   "save it again from the browser, or as text."));
      return FALSE;
    }

  walk.text = g_string_new (NULL);
  root = xmlDocGetRootElement (doc);

  /* The <title> lives in <head>, which is otherwise skipped. Broken pages
   * can have several: the first title wins. */
  for (xmlNode *n = root != NULL ? root->children : NULL; n != NULL && walk.title == NULL; n = n->next)
    if (n->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) n->name, "head") == 0)
      for (xmlNode *c = n->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) c->name, "title") == 0)
          {
            xmlChar *content = xmlNodeGetContent (c);

            walk.title = clean_title ((const char *) content);
            xmlFree (content);
            break;
          }

  html_walk (&walk, root);
  xmlFreeDoc (doc);

  while (walk.text->len > 0 && walk.text->str[walk.text->len - 1] == '\n')
    g_string_truncate (walk.text, walk.text->len - 1);

  *title = walk.title != NULL ? walk.title : walk.h1;
  if (walk.title != NULL)
    g_free (walk.h1);
  *text = g_string_free (walk.text, FALSE);

  if (!g_utf8_validate (*text, -1, NULL))
    {
      char *valid = g_utf8_make_valid (*text, -1);

      g_free (*text);
      *text = valid;
    }

  /* Nothing but markup: an empty source would only puzzle. */
  if (**text == '\0')
    {
      g_clear_pointer (text, g_free);
      g_clear_pointer (title, g_free);
      g_set_error (error, PLENARY_SOURCE_IMPORT_ERROR, PLENARY_SOURCE_IMPORT_ERROR_DAMAGED,
                   _("This web page has no text to add as a source."));
      return FALSE;
    }

  return TRUE;
}

/* PDF -------------------------------------------------------------------- */

static gboolean
pdf_to_text (GBytes   *data,
             char    **text,
             char    **title,
             GArray  **page_starts,
             GError  **error)
{
  PopplerDocument *doc;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GArray) starts = NULL;
  gint64 n_chars = 0;
  gboolean any_text = FALSE;
  int n_pages;

  doc = poppler_document_new_from_bytes (data, NULL, &local_error);
  if (doc == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, PLENARY_SOURCE_IMPORT_ERROR, PLENARY_SOURCE_IMPORT_ERROR_ENCRYPTED,
                     _("This PDF is protected by a password. Remove the protection, then import it again."));
      else
        g_set_error (error, PLENARY_SOURCE_IMPORT_ERROR, PLENARY_SOURCE_IMPORT_ERROR_DAMAGED,
                     /* Translators: %s is the reason given by the PDF library. */
                     _("This PDF could not be read: %s"), local_error->message);
      return FALSE;
    }

  n_pages = poppler_document_get_n_pages (doc);
  out = g_string_new (NULL);
  starts = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_pages);

  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      /* The same text the reading pane maps onto the page. */
      g_autofree char *page_text = plenary_pdf_page_text_extract (page);
      gsize len = strlen (page_text);

      g_clear_object (&page);

      if (i > 0)
        {
          g_string_append_c (out, '\n');
          n_chars++;
        }
      g_array_append_val (starts, n_chars);

      for (const char *p = page_text; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          {
            any_text = TRUE;
            break;
          }

      g_string_append_len (out, page_text, len);
      n_chars += g_utf8_strlen (page_text, len);
    }

  if (!any_text)
    {
      g_object_unref (doc);
      g_set_error (error, PLENARY_SOURCE_IMPORT_ERROR, PLENARY_SOURCE_IMPORT_ERROR_NO_TEXT,
                   _("This PDF has no text layer: it is probably a scanned image. "
                     "Run text recognition (OCR) on it, then import it again."));
      return FALSE;
    }

  {
    g_autofree char *meta_title = poppler_document_get_title (doc);

    *title = clean_title (meta_title);
  }
  g_object_unref (doc);
  *text = g_string_free (g_steal_pointer (&out), FALSE);
  *page_starts = g_steal_pointer (&starts);

  return TRUE;
}

/* Media types ------------------------------------------------------------ */

typedef enum
{
  KIND_TEXT,
  KIND_MARKDOWN,
  KIND_HTML,
  KIND_PDF,
} Kind;

static char *
media_type_without_parameters (const char *media_type)
{
  const char *semi;

  if (media_type == NULL)
    return NULL;
  semi = strchr (media_type, ';');
  return g_strstrip (g_ascii_strdown (media_type, semi != NULL ? semi - media_type : -1));
}

static gboolean
has_extension (const char         *filename,
               const char * const *extensions)
{
  const char *dot;

  if (filename == NULL || (dot = strrchr (filename, '.')) == NULL)
    return FALSE;
  for (guint i = 0; extensions[i] != NULL; i++)
    if (g_ascii_strcasecmp (dot + 1, extensions[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
starts_like_html (const char *text)
{
  gsize n = 0;

  /* Only text that opens with a tag, and has an HTML one early on. */
  while (*text != '\0' && g_ascii_isspace (*text))
    text++;
  if (*text != '<')
    return FALSE;

  for (const char *p = text; *p != '\0' && n < 1024; p++, n++)
    if (*p == '<' && (g_ascii_strncasecmp (p, "<html", 5) == 0 ||
                      g_ascii_strncasecmp (p, "<!doctype html", 14) == 0 ||
                      g_ascii_strncasecmp (p, "<head", 5) == 0 ||
                      g_ascii_strncasecmp (p, "<body", 5) == 0))
      return TRUE;
  return FALSE;
}

static gboolean
has_pdf_magic (const char *data,
               gsize       length)
{
  /* The header may follow some junk within the first kilobyte. */
  gsize n = MIN (length, 1024);

  return n >= 5 && memmem (data, n, "%PDF-", 5) != NULL;
}

static const char * const pdf_extensions[] = { "pdf", NULL };
static const char * const html_extensions[] = { "html", "htm", "xhtml", "shtml", NULL };
static const char * const markdown_extensions[] = { "md", "markdown", "mdown", "mkd", "mkdn", NULL };
static const char * const text_extensions[] = { "txt", "text", NULL };

static gboolean
is_text_type (const char *mime)
{
  return mime != NULL && (g_str_has_prefix (mime, "text/") ||
                          g_content_type_is_a (mime, "text/plain"));
}

/* A Plenary draft, by its name or its first member ("format": "plenary-draft"
 * opens every draft the codec writes). */
static gboolean
is_plenary_draft (const char *data,
                  gsize       length,
                  const char *filename,
                  const char *hint_type)
{
  g_autoptr(GRegex) format = NULL;
  g_autofree char *head = NULL;

  if ((filename != NULL && g_str_has_suffix (filename, PLENARY_DRAFT_SUFFIX)) ||
      g_strcmp0 (hint_type, PLENARY_DRAFT_MIME_TYPE) == 0)
    return TRUE;

  head = g_strndup (data, MIN (length, 4096));
  format = g_regex_new ("^\\s*\\{\\s*\"format\"\\s*:\\s*\"plenary-draft\"", 0, 0, NULL);
  return g_regex_match (format, head, 0, NULL);
}

static gboolean
detect_kind (const char  *data,
             gsize        length,
             const char  *filename,
             const char  *hint,
             Kind        *kind,
             GError     **error)
{
  g_autofree char *hint_type = media_type_without_parameters (hint);
  g_autofree char *guess = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *name_guess = NULL;
  g_autofree char *name_mime = NULL;
  const guchar *u = (const guchar *) data;
  gboolean uncertain = FALSE;
  gboolean big_endian;

  if (is_plenary_draft (data, length, filename, hint_type))
    {
      if (filename != NULL)
        /* Translators: %s is a file name. */
        g_set_error (error, PLENARY_SOURCE_IMPORT_ERROR, PLENARY_SOURCE_IMPORT_ERROR_DRAFT,
                     _("“%s” is a Plenary draft, not a document: open it as a draft (Ctrl+O). "
                       "Sources are texts, Markdown, web pages and PDF."), filename);
      else
        g_set_error_literal (error, PLENARY_SOURCE_IMPORT_ERROR, PLENARY_SOURCE_IMPORT_ERROR_DRAFT,
                             _("This file is a Plenary draft, not a document: open it as a draft (Ctrl+O). "
                               "Sources are texts, Markdown, web pages and PDF."));
      return FALSE;
    }

  if (has_pdf_magic (data, length) ||
      g_strcmp0 (hint_type, "application/pdf") == 0 ||
      has_extension (filename, pdf_extensions))
    {
      *kind = KIND_PDF;
      return TRUE;
    }

  guess = g_content_type_guess (filename, u, MIN (length, 4096), &uncertain);
  mime = g_content_type_get_mime_type (guess);

  if (g_strcmp0 (hint_type, "text/html") == 0 ||
      g_strcmp0 (hint_type, "application/xhtml+xml") == 0 ||
      g_strcmp0 (mime, "text/html") == 0 ||
      g_strcmp0 (mime, "application/xhtml+xml") == 0 ||
      has_extension (filename, html_extensions))
    {
      *kind = KIND_HTML;
      return TRUE;
    }

  if (g_strcmp0 (hint_type, "text/markdown") == 0 ||
      g_strcmp0 (hint_type, "text/x-markdown") == 0 ||
      g_strcmp0 (mime, "text/markdown") == 0 ||
      has_extension (filename, markdown_extensions))
    {
      *kind = KIND_MARKDOWN;
      return TRUE;
    }

  /* Text: a BOM, a text type, or simply no NUL byte (binary formats have
   * plenty); UTF-16 without a BOM is full of NUL bytes but regular. The
   * type guessed from the content is not enough: its magic rules take any
   * bytes starting with "%" for a Matlab file, so only the name counts. */
  if (filename != NULL)
    {
      name_guess = g_content_type_guess (filename, NULL, 0, NULL);
      name_mime = g_content_type_get_mime_type (name_guess);
    }
  if ((length >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) ||
      (length >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) ||
      is_text_type (hint_type) || is_text_type (name_mime) ||
      has_extension (filename, text_extensions) ||
      memchr (data, '\0', MIN (length, 8192)) == NULL ||
      looks_like_utf16 (u, length, &big_endian))
    {
      *kind = KIND_TEXT;
      return TRUE;
    }

  {
    g_autofree char *description = g_content_type_get_description (guess);

    if (filename != NULL)
      /* Translators: the first %s is a file name, the second a file type
       * such as "PNG image". */
      g_set_error (error, PLENARY_SOURCE_IMPORT_ERROR, PLENARY_SOURCE_IMPORT_ERROR_UNSUPPORTED,
                   _("“%s” cannot be imported as a source (%s). "
                     "Plenary reads plain text, Markdown, web pages (HTML), PDF, Word (.docx) and OpenDocument (.odt)."),
                   filename, description);
    else
      /* Translators: %s is a file type such as "PNG image". */
      g_set_error (error, PLENARY_SOURCE_IMPORT_ERROR, PLENARY_SOURCE_IMPORT_ERROR_UNSUPPORTED,
                   _("This file cannot be imported as a source (%s). "
                     "Plenary reads plain text, Markdown, web pages (HTML), PDF, Word (.docx) and OpenDocument (.odt)."),
                   description);
  }
  return FALSE;
}

/* Import ----------------------------------------------------------------- */

static PlenarySource *
import_with_id (const char  *id,
                GBytes      *data,
                const char  *filename,
                const char  *media_type_hint,
                GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GArray) page_starts = NULL;
  PlenarySource *source;
  const char *media_type;
  const char *bytes;
  gsize length;
  Kind kind;

  bytes = g_bytes_get_data (data, &length);
  if (bytes == NULL)
    bytes = "";

  if (length > PLENARY_SOURCE_MAX_SIZE)
    {
      g_set_error (error, PLENARY_SOURCE_IMPORT_ERROR, PLENARY_SOURCE_IMPORT_ERROR_TOO_LARGE,
                   _("This file is too large to import as a source (more than %d MB)."),
                   PLENARY_SOURCE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  /* .docx and .odt, and what hides behind such a name. */
  if (plenary_office_looks_like_package (bytes, length))
    {
      g_autoptr(PlenaryOfficeDocument) document = NULL;
      g_autoptr(GError) office_error = NULL;

      if (!(document = plenary_office_read (bytes, length, &office_error)))
        {
          static const PlenarySourceImportError codes[] = {
            [PLENARY_OFFICE_ERROR_DAMAGED] = PLENARY_SOURCE_IMPORT_ERROR_DAMAGED,
            [PLENARY_OFFICE_ERROR_ENCRYPTED] = PLENARY_SOURCE_IMPORT_ERROR_ENCRYPTED,
            [PLENARY_OFFICE_ERROR_LEGACY] = PLENARY_SOURCE_IMPORT_ERROR_UNSUPPORTED,
            [PLENARY_OFFICE_ERROR_TOO_LARGE] = PLENARY_SOURCE_IMPORT_ERROR_TOO_LARGE,
            [PLENARY_OFFICE_ERROR_UNSUPPORTED] = PLENARY_SOURCE_IMPORT_ERROR_UNSUPPORTED,
          };
          int code = office_error->domain == PLENARY_OFFICE_ERROR && office_error->code >= 0 &&
                     office_error->code < (int) G_N_ELEMENTS (codes)
                     ? (int) codes[office_error->code] : PLENARY_SOURCE_IMPORT_ERROR_DAMAGED;

          g_set_error_literal (error, PLENARY_SOURCE_IMPORT_ERROR, code, office_error->message);
          return NULL;
        }
      text = plenary_office_document_to_text (document, &title);
      if (title == NULL)
        title = title_from_text (text, filename);
      media_type = document->format == PLENARY_OFFICE_FORMAT_ODT
                   ? "application/vnd.oasis.opendocument.text"
                   : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      return plenary_source_new (id, title, filename != NULL ? filename : "", media_type, text);
    }

  if (!detect_kind (bytes, length, filename, media_type_hint, &kind, error))
    return NULL;

  switch (kind)
    {
    case KIND_PDF:
      media_type = "application/pdf";
      if (!pdf_to_text (data, &text, &title, &page_starts, error))
        return NULL;
      if (title == NULL)
        title = title_from_text (text, filename);
      break;

    case KIND_HTML:
      {
        g_autofree char *html = plenary_source_importer_decode_text (bytes, length, NULL);

        media_type = "text/html";
        if (!html_to_text (html, &text, &title, error))
          return NULL;
        if (title == NULL)
          title = title_from_text (text, filename);
      }
      break;

    case KIND_MARKDOWN:
      {
        g_autofree char *markdown = plenary_source_importer_decode_text (bytes, length, NULL);

        /* The Markdown reader the draft importer uses (cmark): the text
         * without its markup, so that quotes from it are plain text. */
        media_type = "text/markdown";
        text = plenary_markdown_to_text (markdown, strlen (markdown), &title);
        if (title == NULL)
          title = title_from_text (text, filename);
      }
      break;

    case KIND_TEXT:
    default:
      text = plenary_source_importer_decode_text (bytes, length, NULL);
      /* A .txt holding a web page (a saved page, a mail attachment). */
      if (starts_like_html (text))
        {
          g_autofree char *html = g_steal_pointer (&text);

          media_type = "text/html";
          if (!html_to_text (html, &text, &title, error))
            return NULL;
          if (title == NULL)
            title = title_from_text (text, filename);
        }
      else
        {
          media_type = "text/plain";
          title = title_from_text (text, filename);
        }
      break;
    }

  source = plenary_source_new (id, title, filename != NULL ? filename : "", media_type, text);
  if (page_starts != NULL && page_starts->len > 0)
    plenary_source_set_page_starts (source, (const gint64 *) page_starts->data, page_starts->len);

  /* The pages themselves, for the reading pane; without them it shows the text. */
  if (kind == KIND_PDF)
    {
      g_autoptr(GError) store_error = NULL;
      g_autofree char *checksum = plenary_source_files_store (data, &store_error);

      if (checksum != NULL)
        {
          g_autoptr(JsonObject) extra = json_object_new ();

          json_object_set_string_member (extra, "file_sha256", checksum);
          plenary_source_set_extra (source, extra);
        }
      else
        g_debug ("PDF not kept: %s", store_error->message);
    }

  return source;
}

static GBytes *
load_file (GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  char *contents = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_size (info) > PLENARY_SOURCE_MAX_SIZE)
    {
      g_set_error (error, PLENARY_SOURCE_IMPORT_ERROR, PLENARY_SOURCE_IMPORT_ERROR_TOO_LARGE,
                   _("This file is too large to import as a source (more than %d MB)."),
                   PLENARY_SOURCE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!plenary_file_load_checked (file, PLENARY_SOURCE_MAX_SIZE, cancellable, &contents, &length, NULL, error))
    return NULL;

  return g_bytes_new_take (contents, length);
}

static PlenarySource *
import_file_with_id (const char    *id,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GFileInfo) info = NULL;

  data = load_file (file, cancellable, error);
  if (data == NULL)
    return NULL;

  /* Through the document portal the path is opaque; the display name is
   * what the user knows the file by. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL && g_file_info_get_display_name (info) != NULL)
    basename = g_strdup (g_file_info_get_display_name (info));
  else
    basename = g_file_get_basename (file);

  return import_with_id (id, data, basename, NULL, error);
}

PlenarySource *
plenary_source_importer_import (PlenaryDraft  *draft,
                                GFile         *file,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (PLENARY_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  id = plenary_draft_new_id (draft, "s");
  return import_file_with_id (id, file, cancellable, error);
}

PlenarySource *
plenary_source_importer_import_bytes (PlenaryDraft  *draft,
                                      GBytes        *data,
                                      const char    *filename,
                                      const char    *media_type_hint,
                                      GError       **error)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (PLENARY_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  id = plenary_draft_new_id (draft, "s");
  return import_with_id (id, data, filename, media_type_hint, error);
}

typedef struct
{
  char  *id;
  GFile *file;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_free (job->id);
  g_clear_object (&job->file);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  GError *error = NULL;
  PlenarySource *source;

  source = import_file_with_id (job->id, job->file, cancellable, &error);
  if (source == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, source, g_object_unref);
}

/* Back in the calling thread: an id the draft will not get is free again. */
static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  PlenaryDraft *draft = PLENARY_DRAFT (object);
  g_autoptr(GTask) task = user_data;
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  PlenarySource *source;

  if (!(source = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      plenary_draft_release_id (draft, job->id);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_pointer (task, source, g_object_unref);
}

void
plenary_source_importer_import_async (PlenaryDraft        *draft,
                                      GFile               *file,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) read = NULL;
  ImportJob *job;

  g_return_if_fail (PLENARY_IS_DRAFT (draft));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (draft, cancellable, callback, user_data);
  g_task_set_source_tag (task, plenary_source_importer_import_async);

  /* Reserved in the draft until the source is added to it. */
  job = g_new0 (ImportJob, 1);
  job->id = plenary_draft_reserve_id (draft, "s");
  job->file = g_object_ref (file);

  read = g_task_new (draft, cancellable, imported_cb, g_steal_pointer (&task));
  g_task_set_task_data (read, job, import_job_free);
  /* Cancel answers at once; the thread's result is dropped when it ends. */
  g_task_set_return_on_cancel (read, TRUE);
  g_task_run_in_thread (read, import_thread);
}

PlenarySource *
plenary_source_importer_import_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Plain passages ---------------------------------------------------------- */

char *
plenary_source_importer_plain_passage (PlenarySource *source,
                                       const char    *passage)
{
  /* Applied in order; a passage may cut a pair of markers in two, so each
   * marker goes on its own rather than only in pairs. */
  static const struct {
    const char *pattern;
    const char *replacement;
  } rules[] = {
    { "!?\\[([^\\]]*)\\]\\([^)]*\\)", "\\1" },     /* [words](link), ![alt](image) */
    { "^[ \\t]{0,3}(#{1,6}|>+)[ \\t]*", "" },           /* heading, quote */
    { "\\*+|`+|~~", "" },                                /* *emphasis*, **strong**, `code` */
    { "(?<!\\w)_+|_+(?!\\w)", "" },                      /* _emphasis_, not snake_case */
  };
  g_autofree char *text = NULL;

  g_return_val_if_fail (PLENARY_IS_SOURCE (source), NULL);
  g_return_val_if_fail (passage != NULL, NULL);

  if (g_strcmp0 (plenary_source_get_media_type (source), "text/markdown") != 0)
    return g_strdup (passage);

  text = g_strdup (passage);
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(GRegex) regex = g_regex_new (rules[i].pattern, G_REGEX_MULTILINE | G_REGEX_OPTIMIZE, 0, NULL);
      char *replaced = g_regex_replace (regex, text, -1, 0, rules[i].replacement, 0, NULL);

      g_free (text);
      text = replaced;
    }

  return g_steal_pointer (&text);
}
