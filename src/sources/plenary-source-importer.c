/* plenary-source-importer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-source-importer"

#include "config.h"

/* memmem() */
#define _GNU_SOURCE
#include <stdlib.h>
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
#include "plenary-styled-text.h"
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
  PlenaryStyledText *out;
  GString           *text;     /* out->text */
  char              *title;
  char              *h1;
  GArray            *lists;    /* int per open list: next number, -1 for bullets */
  guint              quotes;
  guint              cells;    /* open table cells */
  gsize              marker_end; /* text length after the last list marker */
  gboolean           pending_space;
} HtmlWalk;

static gboolean
is_block_element (const char *name)
{
  static const char * const blocks[] = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "tfoot", "thead", "tr", "ul",
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

/* Blocks inside a table cell keep the row on one line; "<li><p>" keeps
 * its text beside the marker. */
static void
html_line_break (HtmlWalk *walk)
{
  if (walk->cells > 0)
    {
      walk->pending_space = TRUE;
      return;
    }
  walk->pending_space = FALSE;
  if (walk->text->len > 0 && walk->text->len == walk->marker_end)
    return;
  plenary_styled_text_end_line (walk->out);
}

/* After a line break, a tab (between cells) or a space, none is added. */
static gboolean
html_at_gap (HtmlWalk *walk)
{
  char last = walk->text->len > 0 ? walk->text->str[walk->text->len - 1] : '\n';

  return last == '\n' || last == '\t' || last == ' ';
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
      if (walk->pending_space && !html_at_gap (walk))
        g_string_append_c (walk->text, ' ');
      walk->pending_space = FALSE;
      g_string_append_c (walk->text, *p);
    }
}

/* The style an element gives its text, if any; its level in LEVEL. */
static int
html_style (HtmlWalk   *walk,
            const char *name,
            guint      *level)
{
  *level = 0;
  if ((name[0] == 'h' || name[0] == 'H') && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
    {
      *level = name[1] - '0';
      return PLENARY_SOURCE_STYLE_HEADING;
    }
  if (g_ascii_strcasecmp (name, "strong") == 0 || g_ascii_strcasecmp (name, "b") == 0)
    return PLENARY_SOURCE_STYLE_STRONG;
  if (g_ascii_strcasecmp (name, "em") == 0 || g_ascii_strcasecmp (name, "i") == 0 ||
      g_ascii_strcasecmp (name, "cite") == 0)
    return PLENARY_SOURCE_STYLE_EMPHASIS;
  if (g_ascii_strcasecmp (name, "li") == 0)
    {
      *level = MAX (walk->lists->len, 1u);
      return PLENARY_SOURCE_STYLE_ITEM;
    }
  if (g_ascii_strcasecmp (name, "blockquote") == 0)
    {
      *level = walk->quotes + 1;
      return PLENARY_SOURCE_STYLE_QUOTE;
    }
  if (g_ascii_strcasecmp (name, "td") == 0 || g_ascii_strcasecmp (name, "th") == 0)
    {
      *level = name[1] == 'h' || name[1] == 'H';
      return PLENARY_SOURCE_STYLE_CELL;
    }
  if (g_ascii_strcasecmp (name, "pre") == 0 || g_ascii_strcasecmp (name, "code") == 0)
    return PLENARY_SOURCE_STYLE_CODE;
  return -1;
}

typedef struct
{
  xmlNode  *node;
  guint     style;         /* handle, or G_MAXUINT */
  gboolean  preformatted;
  gboolean  block;
  gboolean  list;
  gboolean  quote;
  gboolean  cell;
} HtmlFrame;

/* Enters an element's text: its line break, list marker, cell gap and style. */
static HtmlFrame
html_enter (HtmlWalk *walk,
            xmlNode  *node)
{
  const char *name = (const char *) node->name;
  HtmlFrame frame = { node, G_MAXUINT, FALSE, is_block_element (name), FALSE, FALSE, FALSE };
  guint level;
  int style;

  if (frame.block)
    html_line_break (walk);

  /* Cells of a row on one line, a tab between them. */
  if (g_ascii_strcasecmp (name, "td") == 0 || g_ascii_strcasecmp (name, "th") == 0)
    {
      if (!html_at_gap (walk))
        g_string_append_c (walk->text, '\t');
      walk->pending_space = FALSE;
    }

  style = html_style (walk, name, &level);
  /* "Les <b>États</b>": the space goes before the style, not in it. */
  if (style >= 0 && walk->pending_space && !html_at_gap (walk))
    {
      g_string_append_c (walk->text, ' ');
      walk->pending_space = FALSE;
    }
  if (style >= 0)
    frame.style = plenary_styled_text_open (walk->out, style, level);

  /* The marker is part of the text, as a reader would quote it. */
  if (style == PLENARY_SOURCE_STYLE_ITEM)
    {
      int *next = walk->lists->len > 0 ? &g_array_index (walk->lists, int, walk->lists->len - 1) : NULL;

      if (next != NULL && *next >= 0)
        g_string_append_printf (walk->text, "%d. ", (*next)++);
      else
        g_string_append (walk->text, "• ");
      walk->marker_end = walk->text->len;
    }
  else if (g_ascii_strcasecmp (name, "ul") == 0 || g_ascii_strcasecmp (name, "ol") == 0)
    {
      int next = -1;

      if (g_ascii_strcasecmp (name, "ol") == 0)
        {
          xmlChar *start = xmlGetProp (node, (const xmlChar *) "start");

          next = start != NULL ? (int) CLAMP (g_ascii_strtoll ((const char *) start, NULL, 10), 0, G_MAXINT / 2) : 1;
          xmlFree (start);
        }
      g_array_append_val (walk->lists, next);
      frame.list = TRUE;
    }
  else if (style == PLENARY_SOURCE_STYLE_QUOTE)
    {
      walk->quotes++;
      frame.quote = TRUE;
    }
  else if (style == PLENARY_SOURCE_STYLE_CELL)
    {
      walk->cells++;
      frame.cell = TRUE;
    }

  return frame;
}

static void
html_leave (HtmlWalk        *walk,
            const HtmlFrame *frame)
{
  if (frame->style != G_MAXUINT)
    plenary_styled_text_close (walk->out, frame->style);
  if (frame->list)
    g_array_set_size (walk->lists, walk->lists->len - 1);
  if (frame->quote)
    walk->quotes--;
  if (frame->cell)
    walk->cells--;
  if (frame->block)
    html_line_break (walk);
}

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
              HtmlFrame frame;

              if (walk->h1 == NULL && g_ascii_strcasecmp (name, "h1") == 0)
                {
                  xmlChar *content = xmlNodeGetContent (node);

                  walk->h1 = clean_title ((const char *) content);
                  xmlFree (content);
                }

              frame = html_enter (walk, node);
              if (node->children != NULL)
                {
                  frame.preformatted = preformatted;
                  g_array_append_val (stack, frame);
                  preformatted = preformatted || g_ascii_strcasecmp (name, "pre") == 0;
                  node = node->children;
                  continue;
                }
              html_leave (walk, &frame);
            }
        }

      /* Next sibling, or back up to the first ancestor that has one. */
      node = node->next;
      while (node == NULL && stack->len > 0)
        {
          HtmlFrame frame = g_array_index (stack, HtmlFrame, stack->len - 1);

          g_array_set_size (stack, stack->len - 1);
          html_leave (walk, &frame);
          preformatted = frame.preformatted;
          node = frame.node->next;
        }
    }
}

/* Details ---------------------------------------------------------------- */

typedef struct
{
  char *author;
  char *date;
  char *symbol;
  char *url;
} Details;

static void
details_clear (Details *details)
{
  g_clear_pointer (&details->author, g_free);
  g_clear_pointer (&details->date, g_free);
  g_clear_pointer (&details->symbol, g_free);
  g_clear_pointer (&details->url, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Details, details_clear)

/* "2025-03-12T10:00Z", "2025/03/12", "2025-03", "2025" → ISO 8601 date,
 * or NULL when VALUE does not start with one. */
static char *
iso_date (const char *value)
{
  g_autoptr(GRegex) regex = g_regex_new ("^\\s*(\\d{4})(?:[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?)?(?!\\d)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *year = NULL;
  g_autofree char *month = NULL;
  g_autofree char *day = NULL;
  char *date;

  if (value == NULL || !g_regex_match (regex, value, 0, &match))
    return NULL;
  year = g_match_info_fetch (match, 1);
  month = g_match_info_fetch (match, 2);
  day = g_match_info_fetch (match, 3);
  if (month == NULL || month[0] == '\0')
    date = g_strdup (year);
  else if (day == NULL || day[0] == '\0')
    date = g_strdup_printf ("%s-%02d", year, atoi (month));
  else
    date = g_strdup_printf ("%s-%02d-%02d", year, atoi (month), atoi (day));

  if (!plenary_source_date_is_valid (date))
    g_clear_pointer (&date, g_free);
  return date;
}

char *
plenary_source_importer_find_symbol (const char *text)
{
  /* A UN document symbol: a series (A, S, E, ST…) and at least two more
   * parts, one of them a number: A/80/123, S/2025/45, E/CN.6/2024/3,
   * A/RES/79/1, A/C.3/80/L.12/Rev.1. Only the first lines are searched:
   * it sits in the heading of the document. */
  g_autoptr(GRegex) regex = g_regex_new ("(?<![\\w/.])((?:A|S|E|ST|TD|UNEP|DP|HRC|CRC|CEDAW|CCPR|ICEF|ECE|ESCAP|ECA|ECLAC|ESCWA)"
                                         "(?:/(?:[A-Z]{1,8}(?:\\.\\d+)?|\\d{1,5}(?:\\.\\d+)?|(?:Add|Rev|Corr)\\.\\d+)){2,})"
                                         "(?![\\w/])", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *head = NULL;
  const char *p = text;

  if (text == NULL)
    return NULL;
  for (guint lines = 0; *p != '\0' && lines < 30 && p - text < 3000; lines++)
    {
      const char *eol = strchr (p, '\n');

      p = eol != NULL ? eol + 1 : p + strlen (p);
    }
  head = g_strndup (text, p - text);

  for (g_regex_match (regex, head, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *symbol = g_match_info_fetch (match, 1);

      if (strpbrk (symbol, "0123456789") != NULL)
        return g_steal_pointer (&symbol);
    }
  return NULL;
}

static void
set_detail (char       **field,
            const char  *value)
{
  g_autofree char *clean = clean_title (value);

  if (*field == NULL && clean != NULL)
    *field = g_steal_pointer (&clean);
}

/* <meta name="author">, <meta name="date">, Dublin Core and the citation
 * and Open Graph names news sites and journals use, <link rel="canonical">. */
static void
html_head_details (xmlNode *node,
                   Details *details)
{
  static const char * const authors[] = { "author", "dc.creator", "dcterms.creator", "citation_author", NULL };
  static const char * const dates[] = {
    "date", "dc.date", "dcterms.date", "dc.date.issued", "dcterms.issued", "dcterms.created",
    "citation_publication_date", "citation_date", "article:published_time", NULL
  };
  static const char * const urls[] = { "og:url", "dc.identifier.uri", NULL };
  xmlChar *name = NULL;
  xmlChar *content = NULL;

  if (g_ascii_strcasecmp ((const char *) node->name, "link") == 0)
    {
      xmlChar *rel = xmlGetProp (node, (const xmlChar *) "rel");

      if (rel != NULL && g_ascii_strcasecmp ((const char *) rel, "canonical") == 0)
        {
          xmlChar *href = xmlGetProp (node, (const xmlChar *) "href");

          if (href != NULL && g_str_has_prefix ((const char *) href, "http"))
            set_detail (&details->url, (const char *) href);
          xmlFree (href);
        }
      xmlFree (rel);
      return;
    }
  if (g_ascii_strcasecmp ((const char *) node->name, "meta") != 0)
    return;

  name = xmlGetProp (node, (const xmlChar *) "name");
  if (name == NULL)
    name = xmlGetProp (node, (const xmlChar *) "property");
  content = xmlGetProp (node, (const xmlChar *) "content");
  if (name != NULL && content != NULL)
    {
      const char *n = (const char *) name;
      const char *c = (const char *) content;

      for (guint i = 0; authors[i] != NULL; i++)
        if (g_ascii_strcasecmp (n, authors[i]) == 0)
          set_detail (&details->author, c);
      for (guint i = 0; dates[i] != NULL; i++)
        if (g_ascii_strcasecmp (n, dates[i]) == 0 && details->date == NULL)
          details->date = iso_date (c);
      for (guint i = 0; urls[i] != NULL; i++)
        if (g_ascii_strcasecmp (n, urls[i]) == 0 && g_str_has_prefix (c, "http"))
          set_detail (&details->url, c);
    }
  xmlFree (name);
  xmlFree (content);
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
              GArray     **styles,
              Details     *details,
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

  walk.out = plenary_styled_text_new ();
  walk.text = walk.out->text;
  walk.lists = g_array_new (FALSE, FALSE, sizeof (int));
  root = xmlDocGetRootElement (doc);

  /* The <title> and <meta> live in <head>, which is otherwise skipped.
   * Broken pages can have several titles: the first wins. */
  for (xmlNode *n = root != NULL ? root->children : NULL; n != NULL; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE || g_ascii_strcasecmp ((const char *) n->name, "head") != 0)
        continue;
      for (xmlNode *c = n->children; c != NULL; c = c->next)
        {
          if (c->type != XML_ELEMENT_NODE)
            continue;
          if (walk.title == NULL && g_ascii_strcasecmp ((const char *) c->name, "title") == 0)
            {
              xmlChar *content = xmlNodeGetContent (c);

              walk.title = clean_title ((const char *) content);
              xmlFree (content);
            }
          else
            html_head_details (c, details);
        }
    }

  html_walk (&walk, root);
  xmlFreeDoc (doc);
  g_array_unref (walk.lists);

  *title = walk.title != NULL ? walk.title : walk.h1;
  if (walk.title != NULL)
    g_free (walk.h1);
  *text = plenary_styled_text_finish (walk.out, styles);

  if (!g_utf8_validate (*text, -1, NULL))
    {
      char *valid = g_utf8_make_valid (*text, -1);

      g_free (*text);
      *text = valid;
      /* Its offsets no longer hold. */
      g_array_set_size (*styles, 0);
    }

  /* Nothing but markup: an empty source would only puzzle. */
  if (**text == '\0')
    {
      g_clear_pointer (text, g_free);
      g_clear_pointer (title, g_free);
      g_clear_pointer (styles, g_array_unref);
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
             Details  *details,
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
    g_autofree char *author = poppler_document_get_author (doc);
    g_autofree char *symbol = plenary_source_importer_find_symbol (meta_title);
    time_t created = poppler_document_get_creation_date (doc);

    /* UN documents often carry their symbol as their title: a symbol,
     * not a title to show. */
    if (symbol != NULL && meta_title != NULL && g_str_equal (g_strstrip (meta_title), symbol))
      details->symbol = g_steal_pointer (&symbol);
    else
      *title = clean_title (meta_title);
    set_detail (&details->author, author);
    if (created > 0)
      {
        g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (created);

        if (when != NULL)
          details->date = g_date_time_format (when, "%Y-%m-%d");
      }
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

/* What the file said of itself, and the symbol its first lines give. */
static void
apply_details (PlenarySource *source,
               Details       *details,
               const char    *text)
{
  if (details->symbol == NULL)
    details->symbol = plenary_source_importer_find_symbol (text);
  g_object_set (source,
                "author", details->author,
                "date", details->date,
                "symbol", details->symbol,
                "url", details->url,
                NULL);
}

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
  g_autoptr(GArray) styles = NULL;
  g_auto(Details) details = { 0 };
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
      source = plenary_source_new (id, title, filename != NULL ? filename : "", media_type, text);
      apply_details (source, &details, text);
      return source;
    }

  if (!detect_kind (bytes, length, filename, media_type_hint, &kind, error))
    return NULL;

  switch (kind)
    {
    case KIND_PDF:
      media_type = "application/pdf";
      if (!pdf_to_text (data, &text, &title, &page_starts, &details, error))
        return NULL;
      if (title == NULL)
        title = title_from_text (text, filename);
      break;

    case KIND_HTML:
      {
        g_autofree char *html = plenary_source_importer_decode_text (bytes, length, NULL);

        media_type = "text/html";
        if (!html_to_text (html, &text, &title, &styles, &details, error))
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
        text = plenary_markdown_to_styled_text (markdown, strlen (markdown), &title, &styles);
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
          if (!html_to_text (html, &text, &title, &styles, &details, error))
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
  if (styles != NULL)
    plenary_source_set_styles (source, (const PlenarySourceStyle *) (gpointer) styles->data, styles->len);
  apply_details (source, &details, text);

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
  g_return_val_if_fail (PLENARY_IS_SOURCE (source), NULL);
  g_return_val_if_fail (passage != NULL, NULL);

  /* Markdown sources imported with their styles hold plain text already;
   * older ones kept their markup, which cmark reads away. */
  if (g_strcmp0 (plenary_source_get_media_type (source), "text/markdown") != 0 ||
      plenary_source_get_styles (source)->len > 0)
    return g_strdup (passage);

  return plenary_markdown_to_plain (passage, strlen (passage));
}
