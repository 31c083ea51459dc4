/* plenary-odt-reader.c
 *
 * OpenDocument text (.odt): content.xml with its lists, notes, annotations
 * and tracked changes, the styles of styles.xml and content.xml (italics,
 * list formats, outline levels), meta.xml. Each paragraph is expanded from
 * the streaming reader into a small tree; lists are followed as the stream
 * enters and leaves them.
 *
 * Copyright 2026 The Plenary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-odt-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "plenary-office-reader-private.h"

#define TEXT_NS     "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define STYLE_NS    "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define FO_NS       "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define OFFICE_NS   "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define META_NS     "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define DC_NS       "http://purl.org/dc/elements/1.1/"
#define MANIFEST_NS "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
#define LOEXT_NS    "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"
#define MAX_LEVELS  10

typedef struct
{
  char *parent;
  char *display_name;
  char *list_style;
  int   italic;    /* -1 unset */
  int   outline;   /* 0 unset */
  gboolean automatic;  /* generated ("P1"): its parent has the name people see */
} OdfStyle;

typedef struct
{
  char     *format[MAX_LEVELS];   /* "1", "a", "A", "i", "I", "" */
  char     *prefix[MAX_LEVELS];
  char     *suffix[MAX_LEVELS];
  guint     start[MAX_LEVELS];
  guint     display[MAX_LEVELS];
  gboolean  bullet[MAX_LEVELS];
  guint     counter[MAX_LEVELS];
} ListStyle;

typedef struct
{
  char     *style;      /* list style name, inherited by nested lists */
  gboolean  item_open;  /* the current item's first paragraph is still to come */
  guint     start_value;
} ListFrame;

typedef struct
{
  PlenaryOfficeDocument *document;
  GHashTable            *styles;        /* name -> OdfStyle */
  GHashTable            *list_styles;   /* name -> ListStyle */
  GHashTable            *comment_names; /* office:name -> index + 1 */
  GArray                *lists;         /* ListFrame */
  OfficeText             text;
} Odt;

static void
odf_style_free (OdfStyle *style)
{
  g_free (style->parent);
  g_free (style->display_name);
  g_free (style->list_style);
  g_free (style);
}

static void
list_style_free (ListStyle *style)
{
  for (guint i = 0; i < MAX_LEVELS; i++)
    {
      g_free (style->format[i]);
      g_free (style->prefix[i]);
      g_free (style->suffix[i]);
    }
  g_free (style);
}

static gboolean
is_el (xmlNode    *node,
       const char *ns,
       const char *local)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         strcmp ((const char *) node->ns->href, ns) == 0 &&
         strcmp ((const char *) node->name, local) == 0;
}

static char *
attr (xmlNode    *node,
      const char *ns,
      const char *name)
{
  xmlChar *value = xmlGetNsProp (node, BAD_CAST name, BAD_CAST ns);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static guint
uint_attr (xmlNode    *node,
           const char *ns,
           const char *name,
           guint       fallback)
{
  g_autofree char *value = attr (node, ns, name);
  guint64 n;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 0, 100000, &n, NULL))
    return fallback;
  return (guint) n;
}

/* Styles ------------------------------------------------------------------------ */

static void
read_style (Odt      *odt,
            xmlNode  *node,
            gboolean  automatic)
{
  g_autofree char *name = attr (node, STYLE_NS, "name");
  OdfStyle *style;

  if (name == NULL)
    return;
  style = g_new0 (OdfStyle, 1);
  style->parent = attr (node, STYLE_NS, "parent-style-name");
  style->display_name = attr (node, STYLE_NS, "display-name");
  style->list_style = attr (node, STYLE_NS, "list-style-name");
  style->outline = uint_attr (node, STYLE_NS, "default-outline-level", 0);
  style->italic = -1;
  style->automatic = automatic;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_el (child, STYLE_NS, "text-properties"))
      {
        g_autofree char *font_style = attr (child, FO_NS, "font-style");

        if (font_style != NULL)
          style->italic = strcmp (font_style, "italic") == 0 || strcmp (font_style, "oblique") == 0;
      }
  if (style->display_name == NULL)
    style->display_name = g_strdup (name);
  g_hash_table_replace (odt->styles, g_steal_pointer (&name), style);
}

static void
read_list_style (Odt     *odt,
                 xmlNode *node)
{
  g_autofree char *name = attr (node, STYLE_NS, "name");
  ListStyle *style;

  if (name == NULL)
    return;
  style = g_new0 (ListStyle, 1);
  for (guint i = 0; i < MAX_LEVELS; i++)
    style->start[i] = style->display[i] = 1;
  for (xmlNode *level = node->children; level != NULL; level = level->next)
    {
      guint n = uint_attr (level, TEXT_NS, "level", 0);

      if (n < 1 || n > MAX_LEVELS)
        continue;
      n--;
      if (is_el (level, TEXT_NS, "list-level-style-bullet"))
        style->bullet[n] = TRUE;
      else if (is_el (level, TEXT_NS, "list-level-style-number"))
        {
          g_free (style->format[n]);
          g_free (style->prefix[n]);
          g_free (style->suffix[n]);
          style->format[n] = attr (level, STYLE_NS, "num-format");
          style->prefix[n] = attr (level, STYLE_NS, "num-prefix");
          style->suffix[n] = attr (level, STYLE_NS, "num-suffix");
          style->start[n] = uint_attr (level, TEXT_NS, "start-value", 1);
          style->display[n] = CLAMP (uint_attr (level, TEXT_NS, "display-levels", 1), 1, n + 1);
        }
    }
  g_hash_table_replace (odt->list_styles, g_steal_pointer (&name), style);
}

static gboolean
read_styles (Odt                   *odt,
             PlenaryOfficePackage  *package,
             const char            *path,
             GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;
  xmlTextReaderPtr reader = plenary_office_package_xml (package, path, TRUE, &bytes, error);
  gboolean automatic = FALSE;
  int ret;

  if (reader == NULL)
    return error == NULL || *error == NULL;

  ret = plenary_office_xml_next (reader, path, error);
  while (ret == 1)
    {
      gboolean style = plenary_office_xml_is (reader, STYLE_NS, "style");
      gboolean list = plenary_office_xml_is (reader, TEXT_NS, "list-style");
      xmlNode *node;

      if (!style && !list)
        {
          /* The body of content.xml is read in a second pass. */
          if (plenary_office_xml_is (reader, OFFICE_NS, "body"))
            break;
          if (plenary_office_xml_is (reader, OFFICE_NS, "automatic-styles"))
            automatic = TRUE;
          else if (plenary_office_xml_is (reader, OFFICE_NS, "styles") ||
                   plenary_office_xml_is (reader, OFFICE_NS, "master-styles"))
            automatic = FALSE;
          ret = plenary_office_xml_next (reader, path, error);
          continue;
        }
      if ((node = xmlTextReaderExpand (reader)) == NULL)
        {
          ret = -1;
          break;
        }
      if (style)
        read_style (odt, node, automatic);
      else
        read_list_style (odt, node);
      ret = xmlTextReaderNext (reader);
    }

  xmlFreeTextReader (reader);
  if (ret < 0)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, PLENARY_OFFICE_ERROR, PLENARY_OFFICE_ERROR_DAMAGED,
                     _("The document is damaged: its part “%s” is not well-formed XML (line %d)."),
                     path, 0);
      return FALSE;
    }
  return TRUE;
}

#define ODF_STYLE_CHAIN(odt, name, style) \
  for (OdfStyle *style = (name) ? g_hash_table_lookup ((odt)->styles, (name)) : NULL, *_guard = GUINT_TO_POINTER (16); \
       style != NULL && GPOINTER_TO_UINT (_guard) > 0; \
       style = style->parent ? g_hash_table_lookup ((odt)->styles, style->parent) : NULL, \
       _guard = GUINT_TO_POINTER (GPOINTER_TO_UINT (_guard) - 1))

static int
style_italic (Odt        *odt,
              const char *name)
{
  ODF_STYLE_CHAIN (odt, name, style)
    if (style->italic >= 0)
      return style->italic;
  return -1;
}

/* Paragraphs -------------------------------------------------------------------- */

static void walk_content (Odt *odt, xmlNode *node, gboolean italic);

static const char *
odf_format (const char *format)
{
  if (format == NULL || format[0] == '\0')
    return "none";
  switch (format[0])
    {
    case 'a': return "lowerLetter";
    case 'A': return "upperLetter";
    case 'i': return "lowerRoman";
    case 'I': return "upperRoman";
    default:  return "decimal";
    }
}

static void
comment_at (Odt     *odt,
            xmlNode *node,
            gboolean end)
{
  g_autofree char *name = attr (node, OFFICE_NS, "name");
  PlenaryOfficeDocument *document = odt->document;
  guint index = GPOINTER_TO_UINT (name ? g_hash_table_lookup (odt->comment_names, name) : NULL);
  PlenaryOfficeComment *comment;

  if (end)
    {
      if (index > 0)
        {
          comment = g_ptr_array_index (document->comments, index - 1);
          comment->end_paragraph = document->paragraphs->len;
          comment->end = odt->text.chars;
        }
      return;
    }

  comment = g_new0 (PlenaryOfficeComment, 1);
  comment->parent = -1;
  /* LibreOffice's threads: a reply names its parent. */
  {
    g_autofree char *parent = attr (node, LOEXT_NS, "parent-name");
    g_autofree char *resolved = attr (node, LOEXT_NS, "resolved");
    guint parent_index = GPOINTER_TO_UINT (parent ? g_hash_table_lookup (odt->comment_names, parent) : NULL);

    if (parent_index > 0)
      {
        PlenaryOfficeComment *root = g_ptr_array_index (document->comments, parent_index - 1);
        comment->parent = root->parent >= 0 ? root->parent : (int) parent_index - 1;
      }
    comment->done = g_strcmp0 (resolved, "true") == 0;
  }
  {
    GString *text = g_string_new (NULL);

    for (xmlNode *child = node->children; child != NULL; child = child->next)
      {
        if (is_el (child, DC_NS, "creator") || is_el (child, DC_NS, "date"))
          {
            xmlChar *content = xmlNodeGetContent (child);
            char **field = is_el (child, DC_NS, "creator") ? &comment->author : &comment->date;

            if (content != NULL && g_utf8_validate ((const char *) content, -1, NULL))
              *field = g_strstrip (g_strdup ((const char *) content));
            xmlFree (content);
          }
        else if (is_el (child, TEXT_NS, "p"))
          {
            xmlChar *content = xmlNodeGetContent (child);

            if (content != NULL && g_utf8_validate ((const char *) content, -1, NULL) && content[0] != '\0')
              {
                if (text->len > 0)
                  g_string_append_c (text, '\n');
                g_string_append (text, (const char *) content);
              }
            xmlFree (content);
          }
      }
    comment->text = g_string_free (text, FALSE);
  }
  comment->start_paragraph = comment->end_paragraph = document->paragraphs->len;
  comment->start = comment->end = office_text_start_point (&odt->text);
  g_ptr_array_add (document->comments, comment);
  if (name != NULL)
    g_hash_table_replace (odt->comment_names, g_steal_pointer (&name), GUINT_TO_POINTER (document->comments->len));
}

static void
walk_content (Odt      *odt,
              xmlNode  *node,
              gboolean  italic)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        office_text_append (&odt->text, (const char *) child->content, italic, TRUE);
      else if (child->type != XML_ELEMENT_NODE)
        continue;
      else if (is_el (child, TEXT_NS, "s"))
        {
          /* Spaces written out, as many as it says (bounded). */
          guint count = MIN (uint_attr (child, TEXT_NS, "c", 1), 1000);

          for (guint i = 0; i < count; i++)
            office_text_append (&odt->text, " ", italic, FALSE);
        }
      else if (is_el (child, TEXT_NS, "tab"))
        office_text_append (&odt->text, "\t", italic, FALSE);
      else if (is_el (child, TEXT_NS, "line-break"))
        office_text_append (&odt->text, " ", italic, FALSE);
      else if (is_el (child, TEXT_NS, "span"))
        {
          g_autofree char *style = attr (child, TEXT_NS, "style-name");
          int span_italic = style_italic (odt, style);

          walk_content (odt, child, span_italic >= 0 ? span_italic == 1 : italic);
        }
      else if (is_el (child, TEXT_NS, "note"))
        {
          GString *note = g_string_new (NULL);

          for (xmlNode *body = child->children; body != NULL; body = body->next)
            if (is_el (body, TEXT_NS, "note-body"))
              for (xmlNode *p = body->children; p != NULL; p = p->next)
                {
                  xmlChar *content = xmlNodeGetContent (p);

                  if (content != NULL && g_utf8_validate ((const char *) content, -1, NULL) && content[0] != '\0')
                    {
                      if (note->len > 0)
                        g_string_append_c (note, ' ');
                      g_string_append (note, g_strstrip ((char *) content));
                    }
                  xmlFree (content);
                }
          office_text_add_note (&odt->text, note->str);
          g_string_free (note, TRUE);
        }
      else if (is_el (child, OFFICE_NS, "annotation"))
        comment_at (odt, child, FALSE);
      else if (is_el (child, OFFICE_NS, "annotation-end"))
        comment_at (odt, child, TRUE);
      else if (is_el (child, TEXT_NS, "a") || is_el (child, TEXT_NS, "meta") ||
               is_el (child, TEXT_NS, "ruby") || is_el (child, TEXT_NS, "ruby-base"))
        walk_content (odt, child, italic);
      /* Frames, bookmarks, fields' hidden parts: no paragraph text. */
    }
}

static void
read_paragraph (Odt     *odt,
                xmlNode *node)
{
  g_autofree char *style_name = attr (node, TEXT_NS, "style-name");
  g_autofree char *label = NULL;
  const char *display = NULL;
  PlenaryOfficeBlockKind kind = PLENARY_OFFICE_BLOCK_PARAGRAPH;
  guint level = 0;
  int italic = style_italic (odt, style_name);
  int outline = 0;

  ODF_STYLE_CHAIN (odt, style_name, style)
    {
      /* Automatic styles have generated names: show the named one. */
      if (display == NULL && !style->automatic)
        display = style->display_name;
      if (outline == 0)
        outline = style->outline;
    }

  if (is_el (node, TEXT_NS, "h"))
    {
      kind = PLENARY_OFFICE_BLOCK_HEADING;
      level = MAX (uint_attr (node, TEXT_NS, "outline-level", MAX (outline, 1)), 1) - 1;
    }
  else if (odt->lists->len > 0)
    {
      ListFrame *frame = &g_array_index (odt->lists, ListFrame, odt->lists->len - 1);
      ListStyle *list = frame->style ? g_hash_table_lookup (odt->list_styles, frame->style) : NULL;
      guint depth = MIN (odt->lists->len, MAX_LEVELS) - 1;

      level = depth;
      if (frame->item_open && list != NULL)
        {
          frame->item_open = FALSE;
          if (list->bullet[depth])
            {
              kind = PLENARY_OFFICE_BLOCK_BULLET;
              label = g_strdup ("•");
            }
          else if (list->format[depth] != NULL && list->format[depth][0] != '\0')
            {
              GString *out = g_string_new (list->prefix[depth]);

              list->counter[depth] = frame->start_value > 0 ? frame->start_value
                                     : list->counter[depth] == 0 ? list->start[depth]
                                     : list->counter[depth] + 1;
              for (guint i = depth + 1; i < MAX_LEVELS; i++)
                list->counter[i] = 0;
              for (guint i = depth + 1 - list->display[depth]; i <= depth; i++)
                {
                  g_autofree char *number = office_format_number (odf_format (list->format[i]),
                                                                  list->counter[i] ? list->counter[i] : list->start[i]);
                  g_string_append (out, number);
                  if (i < depth)
                    g_string_append_c (out, '.');
                }
              if (list->suffix[depth] != NULL)
                g_string_append (out, list->suffix[depth]);
              kind = PLENARY_OFFICE_BLOCK_NUMBERED;
              label = g_string_free (out, FALSE);
            }
        }
    }
  else if (outline > 0)
    {
      kind = PLENARY_OFFICE_BLOCK_HEADING;
      level = outline - 1;
    }

  walk_content (odt, node, italic == 1);
  office_text_finish (&odt->text, odt->document, kind, label, level, display);
}

static gboolean
read_content (Odt                   *odt,
              PlenaryOfficePackage  *package,
              GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;
  xmlTextReaderPtr reader = plenary_office_package_xml (package, "content.xml", FALSE, &bytes, error);
  gboolean in_body = FALSE;
  int ret;

  if (reader == NULL)
    return FALSE;

  ret = plenary_office_xml_next (reader, "content.xml", error);
  while (ret == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (!in_body)
        in_body = plenary_office_xml_is (reader, OFFICE_NS, "text");
      else if (type == XML_READER_TYPE_END_ELEMENT &&
               g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), "list") == 0 &&
               g_strcmp0 ((const char *) xmlTextReaderConstNamespaceUri (reader), TEXT_NS) == 0 &&
               odt->lists->len > 0)
        {
          g_free (g_array_index (odt->lists, ListFrame, odt->lists->len - 1).style);
          g_array_set_size (odt->lists, odt->lists->len - 1);
        }
      else if (plenary_office_xml_is (reader, TEXT_NS, "list"))
        {
          g_autofree char *style = plenary_office_xml_attr (reader, TEXT_NS, "style-name");
          g_autofree char *cont = plenary_office_xml_attr (reader, TEXT_NS, "continue-numbering");
          g_autofree char *cont_list = plenary_office_xml_attr (reader, TEXT_NS, "continue-list");
          ListFrame frame = { NULL };

          if (style == NULL && odt->lists->len > 0)
            style = g_strdup (g_array_index (odt->lists, ListFrame, odt->lists->len - 1).style);
          /* A new list restarts its numbering unless it says it continues. */
          if (odt->lists->len == 0 && style != NULL && g_strcmp0 (cont, "true") != 0 && cont_list == NULL)
            {
              ListStyle *list = g_hash_table_lookup (odt->list_styles, style);

              if (list != NULL)
                memset (list->counter, 0, sizeof list->counter);
            }
          frame.style = g_steal_pointer (&style);
          if (xmlTextReaderIsEmptyElement (reader))
            g_free (frame.style);
          else
            g_array_append_val (odt->lists, frame);
        }
      else if (plenary_office_xml_is (reader, TEXT_NS, "list-item") && odt->lists->len > 0)
        {
          ListFrame *frame = &g_array_index (odt->lists, ListFrame, odt->lists->len - 1);

          frame->item_open = TRUE;
          frame->start_value = 0;
          {
            g_autofree char *start = plenary_office_xml_attr (reader, TEXT_NS, "start-value");
            frame->start_value = start != NULL ? (guint) g_ascii_strtoull (start, NULL, 10) : 0;
          }
        }
      else if (plenary_office_xml_is (reader, TEXT_NS, "p") || plenary_office_xml_is (reader, TEXT_NS, "h") ||
               plenary_office_xml_is (reader, TEXT_NS, "tracked-changes"))
        {
          xmlNode *node = xmlTextReaderExpand (reader);

          if (node == NULL)
            {
              ret = -1;
              break;
            }
          if (is_el (node, TEXT_NS, "tracked-changes"))
            {
              for (xmlNode *child = node->children; child != NULL; child = child->next)
                if (is_el (child, TEXT_NS, "changed-region"))
                  odt->document->tracked_changes++;
            }
          else
            read_paragraph (odt, node);
          ret = xmlTextReaderNext (reader);
          continue;
        }
      else if (plenary_office_xml_is (reader, TEXT_NS, "sequence-decls") ||
               plenary_office_xml_is (reader, OFFICE_NS, "forms"))
        {
          ret = xmlTextReaderNext (reader);
          continue;
        }

      ret = plenary_office_xml_next (reader, "content.xml", error);
    }

  xmlFreeTextReader (reader);
  if (ret < 0)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, PLENARY_OFFICE_ERROR, PLENARY_OFFICE_ERROR_DAMAGED,
                     _("The document is damaged: its part “%s” is not well-formed XML (line %d)."),
                     "content.xml", 0);
      return FALSE;
    }
  return TRUE;
}

/* meta.xml: title, subject, language and user-defined properties; the
 * manifest: whether the document is encrypted. */
static gboolean
read_small_part (Odt                   *odt,
                 PlenaryOfficePackage  *package,
                 const char            *path,
                 GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;
  xmlTextReaderPtr reader = plenary_office_package_xml (package, path, TRUE, &bytes, error);
  int ret;

  if (reader == NULL)
    return error == NULL || *error == NULL;

  while ((ret = plenary_office_xml_next (reader, path, error)) == 1)
    {
      const char *key = NULL;

      if (plenary_office_xml_is (reader, MANIFEST_NS, "encryption-data"))
        {
          g_set_error (error, PLENARY_OFFICE_ERROR, PLENARY_OFFICE_ERROR_ENCRYPTED,
                       _("This document is protected by a password. Open it in your word processor, "
                         "remove the password and save it again, then import it."));
          ret = -1;
          break;
        }
      if (plenary_office_xml_is (reader, DC_NS, "title"))
        key = "title";
      else if (plenary_office_xml_is (reader, DC_NS, "subject"))
        key = "subject";
      else if (plenary_office_xml_is (reader, DC_NS, "language"))
        key = "language";
      else if (plenary_office_xml_is (reader, META_NS, "initial-creator"))
        key = "creator";
      if (key != NULL || plenary_office_xml_is (reader, META_NS, "user-defined"))
        {
          g_autofree char *name = key != NULL ? g_strdup (key)
                                  : plenary_office_xml_attr (reader, META_NS, "name");
          xmlChar *content = xmlTextReaderReadString (reader);

          if (name != NULL && content != NULL && g_utf8_validate (name, -1, NULL) &&
              g_utf8_validate ((const char *) content, -1, NULL))
            g_hash_table_replace (odt->document->properties, g_steal_pointer (&name),
                                  g_strdup ((const char *) content));
          xmlFree (content);
        }
    }

  xmlFreeTextReader (reader);
  return ret >= 0;
}

gboolean
office_read_odt (PlenaryOfficePackage   *package,
                 PlenaryOfficeDocument  *document,
                 GError                **error)
{
  Odt odt = { document };
  gboolean ok;

  odt.styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) odf_style_free);
  odt.list_styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) list_style_free);
  odt.comment_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  odt.lists = g_array_new (FALSE, TRUE, sizeof (ListFrame));
  office_text_init (&odt.text);

  ok = read_small_part (&odt, package, "META-INF/manifest.xml", error) &&
       read_styles (&odt, package, "styles.xml", error) &&
       read_styles (&odt, package, "content.xml", error) &&
       read_content (&odt, package, error) &&
       read_small_part (&odt, package, "meta.xml", error);

  for (guint i = 0; i < odt.lists->len; i++)
    g_free (g_array_index (odt.lists, ListFrame, i).style);
  g_array_unref (odt.lists);
  g_hash_table_unref (odt.styles);
  g_hash_table_unref (odt.list_styles);
  g_hash_table_unref (odt.comment_names);
  office_text_clear (&odt.text);
  return ok;
}
