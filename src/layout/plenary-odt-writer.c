/* plenary-odt-writer.c
 *
 * OpenDocument text (.odt): content.xml with the operative paragraphs as
 * nested lists, notes and annotations; styles.xml with the named styles
 * and list styles; meta.xml; the manifest.
 *
 * Copyright 2026 The Plenary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-odt-writer"

#include "config.h"

#include <string.h>

#include "plenary-office-export-private.h"

#define ODF_NAMESPACES(w) G_STMT_START { \
    at (w, "xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"); \
    at (w, "xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"); \
    at (w, "xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"); \
    at (w, "xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"); \
    at (w, "xmlns:dc", "http://purl.org/dc/elements/1.1/"); \
    at (w, "xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"); \
    at (w, "xmlns:loext", "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"); \
    at (w, "office:version", "1.3"); \
  } G_STMT_END

/* Style names: ODF writes spaces in names as "_20_". */
static char *
odf_name (const char *display)
{
  GString *out = g_string_new (NULL);

  for (const char *p = display; *p != '\0'; p++)
    if (*p == ' ')
      g_string_append (out, "_20_");
    else
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* ODF collapses white space in text: a second space is <text:s/>, a tab
 * <text:tab/>. */
static void
odt_text (xmlTextWriterPtr  w,
          const char       *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *run = p + strcspn (p, " \t");
      guint spaces = 0;

      if (run > p)
        xmlTextWriterWriteFormatString (w, "%.*s", (int) (run - p), p);
      p = run;
      if (*p == '\t')
        {
          el (w, "text:tab");
          end (w);
          p++;
          continue;
        }
      while (p[spaces] == ' ')
        spaces++;
      if (spaces == 0)
        continue;
      xmlTextWriterWriteString (w, BAD_CAST " ");
      if (spaces > 1)
        {
          char count[16];

          g_snprintf (count, sizeof count, "%u", spaces - 1);
          el (w, "text:s");
          at (w, "text:c", count);
          end (w);
        }
      p += spaces;
    }
}

static void
odt_span (xmlTextWriterPtr  w,
          Plan             *plan,
          const char       *text,
          gssize            len,
          gboolean          phrase,
          gboolean          deleted)
{
  g_autofree char *safe = office_xml_safe (text, len);

  if (safe[0] == '\0')
    return;
  if (phrase)
    {
      el (w, "text:span");
      at (w, "text:style-name", "Opening_20_Phrase");
    }
  odt_text (w, safe);
  if (phrase)
    end (w);
}

/* ODF has no threads: LibreOffice's extension names a reply's parent and
 * says whether a thread is resolved. */
static void
odt_annotation (xmlTextWriterPtr  w,
                const char       *name,
                const char       *parent,
                gboolean          resolved,
                const char       *author,
                const char       *date,
                const char       *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text != NULL ? text : "", "\n", -1);

  el (w, "office:annotation");
  at (w, "office:name", name);
  if (parent != NULL)
    at (w, "loext:parent-name", parent);
  at (w, "loext:resolved", resolved ? "true" : "false");
  text_el (w, "dc:creator", author != NULL ? author : "");
  if (date != NULL && date[0] != '\0')
    text_el (w, "dc:date", date);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *safe = office_xml_safe (paragraphs[i], -1);
      text_el (w, "text:p", safe);
    }
  end (w);
}

static void
odt_event (xmlTextWriterPtr  w,
           Plan             *plan,
           const Event      *event)
{
  PlenaryAnnotation *annotation;
  GPtrArray *replies;
  gboolean resolved;
  char name[32], root[32];

  if (event->kind == EVENT_NOTE)
    {
      char id[16], number[16];

      g_snprintf (id, sizeof id, "ftn%u", event->index + 1);
      g_snprintf (number, sizeof number, "%u", event->index + 1);
      el (w, "text:note");
      at (w, "text:id", id);
      at (w, "text:note-class", "footnote");
      text_el (w, "text:note-citation", number);
      el (w, "text:note-body");
      el (w, "text:p");
      at (w, "text:style-name", "Footnote");
      odt_span (w, plan, g_ptr_array_index (plan->notes, event->index), -1, FALSE, FALSE);
      end (w);
      end (w);
      end (w);
      return;
    }

  /* The thread, then each reply, on the same words. */
  annotation = g_ptr_array_index (plan->threads, event->index);
  replies = plenary_annotation_get_replies (annotation);
  resolved = plenary_annotation_get_resolved (annotation);
  g_snprintf (root, sizeof root, "__Annotation__%u_0", event->index);
  for (guint k = 0; k <= replies->len; k++)
    {
      g_snprintf (name, sizeof name, "__Annotation__%u_%u", event->index, k);
      if (event->kind == EVENT_COMMENT_END)
        {
          el (w, "office:annotation-end");
          at (w, "office:name", name);
          end (w);
        }
      else if (k == 0)
        odt_annotation (w, name, NULL, resolved, plenary_annotation_get_author (annotation),
                        plenary_annotation_get_created (annotation),
                        plenary_annotation_get_note (annotation));
      else
        {
          PlenaryReply *reply = g_ptr_array_index (replies, k - 1);
          odt_annotation (w, name, root, resolved, reply->author, reply->created, reply->text);
        }
    }
}

static const LineWriter odt_line_writer = { odt_span, odt_event, NULL };

static void
odt_paragraph (xmlTextWriterPtr  w,
               Plan             *plan,
               guint             line_index,
               guint            *next,
               const char       *style)
{
  Line *line = &g_array_index (plan->lines, Line, line_index);
  gboolean heading = line->paragraph != NULL && line->paragraph->role == PLENARY_ROLE_HEADING;

  el (w, heading ? "text:h" : "text:p");
  at (w, "text:style-name", style);
  if (heading)
    at (w, "text:outline-level", "1");
  office_write_line (w, plan, line_index, next, &odt_line_writer);
  end (w);
}

static void
odt_styles_part (xmlTextWriterPtr  w,
                 Plan             *plan)
{
  el (w, "office:document-styles");
  ODF_NAMESPACES (w);
  el (w, "office:styles");

  el (w, "style:default-style");
  at (w, "style:family", "paragraph");
  el (w, "style:paragraph-properties");
  at (w, "fo:margin-bottom", "0.21cm");
  end (w);
  el (w, "style:text-properties");
  at (w, "fo:font-family", "'Times New Roman'");
  at (w, "fo:font-size", "12pt");
  at (w, "fo:language", plan->labels->language);
  at (w, "fo:country", plan->labels->country);
  end (w);
  end (w);

  for (guint i = 0; i < office_n_docx_styles; i++)
    {
      const StyleDef *s = &office_docx_styles[i];
      const char *display = strcmp (s->id, "Heading1") == 0 ? "Heading 1"
                            : strcmp (s->id, "FootnoteText") == 0 ? "Footnote"
                            : strcmp (s->id, "Normal") == 0 ? "Standard" : s->name;
      g_autofree char *name = odf_name (display);
      gboolean paragraph = strcmp (s->type, "paragraph") == 0;
      char buffer[32];

      if (g_str_has_prefix (s->id, "Comment") || strcmp (s->id, "FootnoteReference") == 0)
        continue;
      el (w, "style:style");
      at (w, "style:name", name);
      if (strcmp (name, display) != 0)
        at (w, "style:display-name", display);
      at (w, "style:family", paragraph ? "paragraph" : "text");
      if (paragraph && i > 0)
        at (w, "style:parent-style-name", "Standard");
      if (s->num_id == 1)
        at (w, "style:list-style-name", "Operative");
      else if (s->num_id == 2)
        at (w, "style:list-style-name", "Bullets");
      if (s->outline >= 0)
        {
          g_snprintf (buffer, sizeof buffer, "%d", s->outline + 1);
          at (w, "style:default-outline-level", buffer);
        }
      if (paragraph)
        {
          el (w, "style:paragraph-properties");
          if (s->justify != NULL)
            at (w, "fo:text-align", strcmp (s->justify, "both") == 0 ? "justify"
                                    : strcmp (s->justify, "right") == 0 ? "end" : s->justify);
          if (s->first_line > 0)
            {
              g_snprintf (buffer, sizeof buffer, "%.2fcm", s->first_line / 567.0);
              at (w, "fo:text-indent", buffer);
            }
          if (s->space_before > 0)
            {
              g_snprintf (buffer, sizeof buffer, "%.2fcm", s->space_before / 567.0);
              at (w, "fo:margin-top", buffer);
            }
          if (s->keep_next)
            at (w, "fo:keep-with-next", "always");
          /* Paragraphs stand in for the PDF's two columns: the details
           * go to the right under the body. */
          if (strcmp (s->id, "MastheadDetails") == 0)
            at (w, "fo:text-align", "end");
          /* The footnote number in the margin, the text beside it. */
          if (strcmp (s->id, "FootnoteText") == 0)
            {
              at (w, "fo:margin-left", "0.6cm");
              at (w, "fo:text-indent", "-0.6cm");
            }
          if (s->right_tab)
            {
              at (w, "fo:border-bottom", "0.75pt solid #000000");
              at (w, "fo:padding-bottom", "0.05cm");
              el (w, "style:tab-stops");
              el (w, "style:tab-stop");
              at (w, "style:position", "16cm");
              at (w, "style:type", "right");
              end (w);
              end (w);
            }
          end (w);
        }
      el (w, "style:text-properties");
      if (s->bold)
        at (w, "fo:font-weight", "bold");
      if (s->italic)
        at (w, "fo:font-style", "italic");
      if (s->size > 0)
        {
          g_snprintf (buffer, sizeof buffer, "%.1fpt", s->size / 2.0);
          at (w, "fo:font-size", buffer);
        }
      end (w);
      end (w);
    }

  /* Operative numbering: 1. / a) or (a) / i) or (i). */
  el (w, "text:list-style");
  at (w, "style:name", "Operative");
  for (int level = 1; level <= 3; level++)
    {
      static const char * const formats[] = { "1", "a", "i" };
      char buffer[16];

      el (w, "text:list-level-style-number");
      g_snprintf (buffer, sizeof buffer, "%d", level);
      at (w, "text:level", buffer);
      if (level > 1 && plan->enclosed)
        at (w, "style:num-prefix", "(");
      at (w, "style:num-suffix", level == 1 ? "." : ")");
      at (w, "style:num-format", formats[level - 1]);
      el (w, "style:list-level-properties");
      at (w, "text:list-level-position-and-space-mode", "label-alignment");
      el (w, "style:list-level-label-alignment");
      at (w, "text:label-followed-by", "listtab");
      g_snprintf (buffer, sizeof buffer, "%.2fcm", 1.27 + 1.0 * (level - 1));
      at (w, "fo:margin-left", buffer);
      at (w, "fo:text-indent", level == 1 ? "-1.27cm" : "-1cm");
      end (w);
      end (w);
      end (w);
    }
  end (w);

  el (w, "text:list-style");
  at (w, "style:name", "Bullets");
  el (w, "text:list-level-style-bullet");
  at (w, "text:level", "1");
  at (w, "text:bullet-char", "•");
  el (w, "style:list-level-properties");
  at (w, "text:list-level-position-and-space-mode", "label-alignment");
  el (w, "style:list-level-label-alignment");
  at (w, "text:label-followed-by", "listtab");
  at (w, "fo:margin-left", "0.64cm");
  at (w, "fo:text-indent", "-0.64cm");
  end (w);
  end (w);
  end (w);
  end (w);
  end (w);

  el (w, "office:automatic-styles");
  el (w, "style:page-layout");
  at (w, "style:name", "A4");
  el (w, "style:page-layout-properties");
  at (w, "fo:page-width", "21cm");
  at (w, "fo:page-height", "29.7cm");
  at (w, "fo:margin-top", "2.5cm");
  at (w, "fo:margin-bottom", "2.5cm");
  at (w, "fo:margin-left", "2.5cm");
  at (w, "fo:margin-right", "2.5cm");
  end (w);
  end (w);
  end (w);
  el (w, "office:master-styles");
  el (w, "style:master-page");
  at (w, "style:name", "Standard");
  at (w, "style:page-layout-name", "A4");
  end (w);
  end (w);
  end (w);
}

static const char *
odt_style_of (Line *line)
{
  int num_id, ilvl;
  const char *id = office_docx_style_of (line, &num_id, &ilvl);

  for (guint i = 0; i < office_n_docx_styles; i++)
    if (strcmp (office_docx_styles[i].id, id) == 0)
      return strcmp (id, "Heading1") == 0 ? "Heading 1" : office_docx_styles[i].name;
  return "Standard";
}

static void
odt_content_part (xmlTextWriterPtr  w,
                  Plan             *plan)
{
  g_autoptr(GArray) head = office_build_head (plan);
  gboolean operatives_started = FALSE;
  guint next = 0;
  guint i = 0;

  el (w, "office:document-content");
  ODF_NAMESPACES (w);
  el (w, "office:body");
  el (w, "office:text");

  for (guint h = 0; h < head->len; h++)
    {
      HeadLine *line = &g_array_index (head, HeadLine, h);
      g_autofree char *style = odf_name (office_head_styles[line->kind][1]);

      el (w, "text:p");
      at (w, "text:style-name", style);
      odt_span (w, plan, line->text, -1, FALSE, FALSE);
      if (line->side != NULL)
        {
          g_autofree char *safe = office_xml_safe (line->side, -1);

          el (w, "text:tab");
          end (w);
          el (w, "text:span");
          at (w, "text:style-name", "Masthead_20_Symbol");
          odt_text (w, safe);
          end (w);
        }
      end (w);
    }

  while (i < plan->lines->len)
    {
      Line *line = &g_array_index (plan->lines, Line, i);
      g_autofree char *style = odf_name (odt_style_of (line));
      PlenaryRole role = line->paragraph != NULL ? line->paragraph->role : PLENARY_ROLE_PREAMBULAR;

      if (role == PLENARY_ROLE_OPERATIVE || role == PLENARY_ROLE_BULLET || role == PLENARY_ROLE_SUBPARAGRAPH)
        {
          /* One list for a run of operative paragraphs (or bullets) with
           * their sub-paragraphs nested; a later run continues the count. */
          gboolean bullets = role == PLENARY_ROLE_BULLET;
          gboolean item_open[3] = { FALSE, FALSE, FALSE };
          guint depth = 0;

          el (w, "text:list");
          at (w, "text:style-name", bullets ? "Bullets" : "Operative");
          if (!bullets && operatives_started)
            at (w, "text:continue-numbering", "true");
          operatives_started |= !bullets;

          for (; i < plan->lines->len; i++)
            {
              Line *item = &g_array_index (plan->lines, Line, i);
              PlenaryRole item_role = item->paragraph != NULL ? item->paragraph->role : PLENARY_ROLE_PREAMBULAR;
              g_autofree char *item_style = NULL;
              guint item_depth;

              if (bullets ? item_role != PLENARY_ROLE_BULLET
                          : item_role != PLENARY_ROLE_OPERATIVE && item_role != PLENARY_ROLE_SUBPARAGRAPH)
                break;
              item_depth = bullets ? 0 : MIN (item->level, 2);
              for (; depth > item_depth; depth--)
                {
                  if (item_open[depth])
                    end (w);  /* text:list-item */
                  item_open[depth] = FALSE;
                  end (w);    /* text:list */
                }
              if (item_open[depth])
                end (w);
              item_open[depth] = FALSE;
              for (; depth < item_depth; depth++)
                {
                  /* Sub-paragraphs without a paragraph above them: an
                   * unnumbered header holds their list. */
                  if (!item_open[depth])
                    el (w, "text:list-header");
                  item_open[depth] = TRUE;
                  el (w, "text:list");
                }
              el (w, "text:list-item");
              item_open[depth] = TRUE;
              item_style = odf_name (odt_style_of (item));
              odt_paragraph (w, plan, i, &next, item_style);
            }
          for (;; depth--)
            {
              if (item_open[depth])
                end (w);
              end (w);
              if (depth == 0)
                break;
            }
          continue;
        }

      odt_paragraph (w, plan, i, &next, style);
      i++;
    }

  end (w);
  end (w);
  end (w);
}

#define ODT_MIME_TYPE "application/vnd.oasis.opendocument.text"

static void
odt_meta_part (xmlTextWriterPtr  w,
               Plan             *plan)
{
  PlenaryMetadata *metadata = plenary_draft_get_metadata (plan->draft);
  g_autoptr(GPtrArray) properties = office_property_list (plan->draft);
  const char *creator = plenary_metadata_get_string (metadata, "submitted-by");
  const char *forum = plenary_metadata_get_string (metadata, "forum");

  el (w, "office:document-meta");
  ODF_NAMESPACES (w);
  el (w, "office:meta");
  text_el (w, "meta:generator", "Plenary");
  text_el (w, "dc:title", office_document_title (plan));
  if (forum[0] != '\0')
    text_el (w, "dc:subject", forum);
  if (creator[0] != '\0')
    text_el (w, "meta:initial-creator", creator);
  text_el (w, "dc:language", plan->labels->tag);
  for (guint i = 0; i + 1 < properties->len; i += 2)
    {
      g_autofree char *value = office_xml_safe (g_ptr_array_index (properties, i + 1), -1);

      el (w, "meta:user-defined");
      at (w, "meta:name", g_ptr_array_index (properties, i));
      at (w, "meta:value-type", "string");
      xmlTextWriterWriteString (w, BAD_CAST value);
      end (w);
    }
  end (w);
  end (w);
}

static void
odt_manifest_part (xmlTextWriterPtr  w,
                   Plan             *plan)
{
  static const char * const parts[] = { "content.xml", "styles.xml", "meta.xml", NULL };

  el (w, "manifest:manifest");
  at (w, "xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0");
  at (w, "manifest:version", "1.3");
  el (w, "manifest:file-entry");
  at (w, "manifest:full-path", "/");
  at (w, "manifest:version", "1.3");
  at (w, "manifest:media-type", ODT_MIME_TYPE);
  end (w);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      el (w, "manifest:file-entry");
      at (w, "manifest:full-path", parts[i]);
      at (w, "manifest:media-type", "text/xml");
      end (w);
    }
  end (w);
}

GBytes *
office_export_odt (Plan    *plan,
            GError **error)
{
  static const Part parts[] = {
    { "content.xml", odt_content_part },
    { "styles.xml", odt_styles_part },
    { "meta.xml", odt_meta_part },
    { "META-INF/manifest.xml", odt_manifest_part },
  };

  return office_write_parts (plan, parts, G_N_ELEMENTS (parts), ODT_MIME_TYPE, error);
}
