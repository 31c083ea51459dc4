/* plenary-docx-reader.c
 *
 * WordprocessingML (.docx): the main document, its styles, list numbering,
 * footnotes, endnotes, comments (with the replies of commentsExtended) and
 * document properties. Each paragraph, footnote or comment is expanded
 * from the streaming reader into a small tree and walked: memory stays at
 * one paragraph whatever the document's length.
 *
 * Copyright 2026 The Plenary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-docx-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "plenary-office-reader-private.h"

#define W_NS        "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_STRICT_NS "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define REL_NS      "http://schemas.openxmlformats.org/package/2006/relationships"
#define W14_NS      "http://schemas.microsoft.com/office/word/2010/wordml"
#define W15_NS      "http://schemas.microsoft.com/office/word/2012/wordml"
#define MC_NS       "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define DC_NS       "http://purl.org/dc/elements/1.1/"
#define CUSTOM_NS   "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
#define MAX_LEVELS  9

typedef struct
{
  char    *name;
  char    *based_on;
  int      italic;       /* -1 unset */
  char    *num_id;
  int      ilvl;         /* -1 unset */
  int      outline;      /* -1 unset */
} Style;

typedef struct
{
  char  *format[MAX_LEVELS];
  char  *text[MAX_LEVELS];
  guint  start[MAX_LEVELS];
  guint  counter[MAX_LEVELS];
} AbstractNum;

typedef struct
{
  char     *abstract_id;
  int       start_override[MAX_LEVELS];  /* -1 none */
  gboolean  used;
} Num;

typedef struct
{
  PlenaryOfficeDocument *document;
  GHashTable            *styles;        /* styleId -> Style */
  GHashTable            *abstracts;     /* abstractNumId -> AbstractNum */
  GHashTable            *nums;          /* numId -> Num */
  GHashTable            *footnotes;     /* id -> text */
  GHashTable            *endnotes;      /* id -> text */
  GHashTable            *comment_ids;   /* w:id -> index + 1 */
  GHashTable            *comment_paras; /* w14:paraId -> index + 1 */
  GPtrArray             *open_starts;   /* comment ranges to start at the next paragraph */
  char                  *default_style;
} Docx;

static void
style_free (Style *style)
{
  g_free (style->name);
  g_free (style->based_on);
  g_free (style->num_id);
  g_free (style);
}

static void
abstract_free (AbstractNum *abstract)
{
  for (guint i = 0; i < MAX_LEVELS; i++)
    {
      g_free (abstract->format[i]);
      g_free (abstract->text[i]);
    }
  g_free (abstract);
}

static void
num_free (Num *num)
{
  g_free (num->abstract_id);
  g_free (num);
}

/* Tree helpers -------------------------------------------------------------- */

static gboolean
is_w (xmlNode    *node,
      const char *local)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         (strcmp ((const char *) node->ns->href, W_NS) == 0 ||
          strcmp ((const char *) node->ns->href, W_STRICT_NS) == 0) &&
         strcmp ((const char *) node->name, local) == 0;
}

static gboolean
is_ns (xmlNode    *node,
       const char *ns,
       const char *local)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         strcmp ((const char *) node->ns->href, ns) == 0 &&
         (local == NULL || strcmp ((const char *) node->name, local) == 0);
}

static char *
w_attr (xmlNode    *node,
        const char *name)
{
  xmlChar *value = xmlGetNsProp (node, BAD_CAST name, BAD_CAST W_NS);
  char *copy;

  if (value == NULL)
    value = xmlGetNsProp (node, BAD_CAST name, BAD_CAST W_STRICT_NS);
  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static char *
ns_attr (xmlNode    *node,
         const char *ns,
         const char *name)
{
  xmlChar *value = ns != NULL ? xmlGetNsProp (node, BAD_CAST name, BAD_CAST ns)
                              : xmlGetNoNsProp (node, BAD_CAST name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static xmlNode *
w_child (xmlNode    *node,
         const char *local)
{
  for (xmlNode *child = node != NULL ? node->children : NULL; child != NULL; child = child->next)
    if (is_w (child, local))
      return child;
  return NULL;
}

/* "on" unless w:val says off. */
static int
w_toggle (xmlNode *node)
{
  g_autofree char *val = NULL;

  if (node == NULL)
    return -1;
  val = w_attr (node, "val");
  return !(g_strcmp0 (val, "0") == 0 || g_strcmp0 (val, "false") == 0 || g_strcmp0 (val, "off") == 0);
}

static int
w_int (xmlNode *node,
       int      fallback)
{
  g_autofree char *val = node != NULL ? w_attr (node, "val") : NULL;
  gint64 n;

  if (val == NULL || !g_ascii_string_to_signed (val, 10, 0, G_MAXINT, &n, NULL))
    return fallback;
  return (int) n;
}

/* Walks the parts of a streaming reader: calls FUNC on each element named
 * LOCAL (in namespace NS) expanded as a tree, then skips it. */
typedef gboolean (*ElementFunc) (Docx *docx, xmlNode *node, GError **error);

static gboolean
each_element (PlenaryOfficePackage  *package,
              const char            *path,
              gboolean               optional,
              const char            *ns,
              const char * const    *locals,
              Docx                  *docx,
              ElementFunc            func,
              GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;
  xmlTextReaderPtr reader;
  gboolean ok = TRUE;
  int ret;

  reader = plenary_office_package_xml (package, path, optional, &bytes, error);
  if (reader == NULL)
    return optional && (error == NULL || *error == NULL);

  ret = plenary_office_xml_next (reader, path, error);
  while (ret == 1)
    {
      gboolean matched = FALSE;

      for (guint i = 0; locals[i] != NULL && !matched; i++)
        matched = plenary_office_xml_is (reader, ns, locals[i]) ||
                  (ns != NULL && strcmp (ns, W_NS) == 0 && plenary_office_xml_is (reader, W_STRICT_NS, locals[i]));

      if (matched)
        {
          xmlNode *node = xmlTextReaderExpand (reader);

          if (node == NULL)
            {
              plenary_office_xml_next (reader, path, error);
              if (error == NULL || *error == NULL)
                g_set_error (error, PLENARY_OFFICE_ERROR, PLENARY_OFFICE_ERROR_DAMAGED,
                             _("The document is damaged: its part “%s” is not well-formed XML (line %d)."),
                             path, xmlTextReaderGetParserLineNumber (reader));
              ok = FALSE;
              break;
            }
          if (!func (docx, node, error))
            {
              ok = FALSE;
              break;
            }
          ret = xmlTextReaderNext (reader);
          if (ret == 1 && xmlTextReaderNodeType (reader) == XML_READER_TYPE_DOCUMENT_TYPE)
            ret = plenary_office_xml_next (reader, path, error);
          if (ret < 0 && (error == NULL || *error == NULL))
            g_set_error (error, PLENARY_OFFICE_ERROR, PLENARY_OFFICE_ERROR_DAMAGED,
                         _("The document is damaged: its part “%s” is not well-formed XML (line %d)."),
                         path, xmlTextReaderGetParserLineNumber (reader));
          continue;
        }

      ret = plenary_office_xml_next (reader, path, error);
    }

  if (ret < 0)
    ok = FALSE;
  xmlFreeTextReader (reader);
  return ok;
}

/* Relationships ----------------------------------------------------------------- */

typedef struct
{
  const char *base;      /* folder of the source part, "" or "word/" */
  GHashTable *targets;   /* type suffix -> part path */
} Rels;

/* "numbering.xml" from word/ is "word/numbering.xml"; "/word/x.xml" is
 * absolute; a target leaving the package is ignored. */
static char *
resolve_target (const char *base,
                const char *target)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  if (target == NULL || target[0] == '\0' || strstr (target, "://") != NULL)
    return NULL;
  joined = target[0] == '/' ? g_strdup (target + 1) : g_strconcat (base, target, NULL);
  parts = g_strsplit (joined, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || strcmp (parts[i], ".") == 0)
        continue;
      if (strcmp (parts[i], "..") == 0)
        {
          if (path->len == 0)
            return NULL;
          g_ptr_array_remove_index (path, path->len - 1);
          continue;
        }
      g_ptr_array_add (path, parts[i]);
    }
  g_ptr_array_add (path, NULL);
  return g_strjoinv ("/", (char **) path->pdata);
}

static GHashTable *
read_rels (PlenaryOfficePackage  *package,
           const char            *path,
           const char            *base,
           GError               **error)
{
  GHashTable *targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GBytes) bytes = NULL;
  xmlTextReaderPtr reader = plenary_office_package_xml (package, path, TRUE, &bytes, error);
  int ret;

  if (reader == NULL)
    {
      if (error != NULL && *error != NULL)
        g_clear_pointer (&targets, g_hash_table_unref);
      return targets;
    }

  while ((ret = plenary_office_xml_next (reader, path, error)) == 1)
    if (plenary_office_xml_is (reader, REL_NS, "Relationship"))
      {
        g_autofree char *type = plenary_office_xml_attr (reader, NULL, "Type");
        g_autofree char *target = plenary_office_xml_attr (reader, NULL, "Target");
        g_autofree char *mode = plenary_office_xml_attr (reader, NULL, "TargetMode");
        const char *slash = type != NULL ? strrchr (type, '/') : NULL;
        char *resolved;

        if (slash == NULL || g_strcmp0 (mode, "External") == 0 ||
            !(resolved = resolve_target (base, target)))
          continue;
        g_hash_table_insert (targets, g_strdup (slash + 1), resolved);
      }

  xmlFreeTextReader (reader);
  if (ret < 0)
    g_clear_pointer (&targets, g_hash_table_unref);
  return targets;
}

/* Styles ------------------------------------------------------------------------ */

static void
read_num_pr (xmlNode  *ppr,
             char    **num_id,
             int      *ilvl)
{
  xmlNode *num_pr = w_child (ppr, "numPr");
  xmlNode *id;

  if (num_pr == NULL)
    return;
  if ((id = w_child (num_pr, "numId")) != NULL)
    {
      g_free (*num_id);
      *num_id = w_attr (id, "val");
    }
  *ilvl = w_int (w_child (num_pr, "ilvl"), *ilvl);
}

static gboolean
read_style (Docx     *docx,
            xmlNode  *node,
            GError  **error)
{
  g_autofree char *id = w_attr (node, "styleId");
  g_autofree char *is_default = w_attr (node, "default");
  g_autofree char *type = w_attr (node, "type");
  xmlNode *ppr = w_child (node, "pPr");
  xmlNode *rpr = w_child (node, "rPr");
  Style *style;

  if (id == NULL)
    return TRUE;

  style = g_new0 (Style, 1);
  style->name = w_attr (w_child (node, "name"), "val");
  if (w_child (node, "basedOn") != NULL)
    style->based_on = w_attr (w_child (node, "basedOn"), "val");
  style->italic = w_toggle (w_child (rpr, "i"));
  style->ilvl = -1;
  style->outline = -1;
  if (ppr != NULL)
    {
      read_num_pr (ppr, &style->num_id, &style->ilvl);
      style->outline = w_int (w_child (ppr, "outlineLvl"), -1);
    }
  if (g_strcmp0 (type, "paragraph") == 0 && docx->default_style == NULL &&
      (g_strcmp0 (is_default, "1") == 0 || g_strcmp0 (is_default, "true") == 0 || g_strcmp0 (is_default, "on") == 0))
    docx->default_style = g_strdup (id);
  g_hash_table_replace (docx->styles, g_steal_pointer (&id), style);
  return TRUE;
}

/* Follows basedOn up to 16 steps (a loop in a damaged file ends there). */
#define STYLE_CHAIN(docx, id, style) \
  for (Style *style = (id) ? g_hash_table_lookup ((docx)->styles, (id)) : NULL, *_guard = GUINT_TO_POINTER (16); \
       style != NULL && GPOINTER_TO_UINT (_guard) > 0; \
       style = style->based_on ? g_hash_table_lookup ((docx)->styles, style->based_on) : NULL, \
       _guard = GUINT_TO_POINTER (GPOINTER_TO_UINT (_guard) - 1))

static int
style_italic (Docx       *docx,
              const char *id)
{
  STYLE_CHAIN (docx, id, style)
    if (style->italic >= 0)
      return style->italic;
  return -1;
}

/* Numbering --------------------------------------------------------------------- */

static gboolean
read_numbering_element (Docx     *docx,
                        xmlNode  *node,
                        GError  **error)
{
  if (is_w (node, "abstractNum"))
    {
      g_autofree char *id = w_attr (node, "abstractNumId");
      AbstractNum *abstract;

      if (id == NULL)
        return TRUE;
      abstract = g_new0 (AbstractNum, 1);
      for (guint i = 0; i < MAX_LEVELS; i++)
        abstract->start[i] = 1;
      for (xmlNode *lvl = node->children; lvl != NULL; lvl = lvl->next)
        {
          int ilvl;

          if (!is_w (lvl, "lvl"))
            continue;
          {
            g_autofree char *level = w_attr (lvl, "ilvl");
            ilvl = level != NULL ? atoi (level) : -1;
          }
          if (ilvl < 0 || ilvl >= MAX_LEVELS)
            continue;
          g_free (abstract->format[ilvl]);
          g_free (abstract->text[ilvl]);
          abstract->format[ilvl] = w_child (lvl, "numFmt") ? w_attr (w_child (lvl, "numFmt"), "val") : NULL;
          abstract->text[ilvl] = w_child (lvl, "lvlText") ? w_attr (w_child (lvl, "lvlText"), "val") : NULL;
          abstract->start[ilvl] = MAX (0, w_int (w_child (lvl, "start"), 1));
        }
      g_hash_table_replace (docx->abstracts, g_steal_pointer (&id), abstract);
    }
  else if (is_w (node, "num"))
    {
      g_autofree char *id = w_attr (node, "numId");
      Num *num;

      if (id == NULL)
        return TRUE;
      num = g_new0 (Num, 1);
      num->abstract_id = w_attr (w_child (node, "abstractNumId"), "val");
      for (guint i = 0; i < MAX_LEVELS; i++)
        num->start_override[i] = -1;
      for (xmlNode *over = node->children; over != NULL; over = over->next)
        if (is_w (over, "lvlOverride"))
          {
            g_autofree char *level = w_attr (over, "ilvl");
            int ilvl = level != NULL ? atoi (level) : -1;

            if (ilvl >= 0 && ilvl < MAX_LEVELS && w_child (over, "startOverride") != NULL)
              num->start_override[ilvl] = w_int (w_child (over, "startOverride"), 1);
          }
      g_hash_table_replace (docx->nums, g_steal_pointer (&id), num);
    }
  return TRUE;
}

/* The label of the next item of list NUM_ID at ILVL, counting it. Sets
 * *BULLET for a bullet list. NULL when the list or level is unknown. */
static char *
next_label (Docx       *docx,
            const char *num_id,
            int         ilvl,
            gboolean   *bullet)
{
  Num *num = g_hash_table_lookup (docx->nums, num_id);
  AbstractNum *abstract;
  GString *label;
  const char *text;

  *bullet = FALSE;
  if (num == NULL || ilvl < 0 || ilvl >= MAX_LEVELS ||
      !(abstract = g_hash_table_lookup (docx->abstracts, num->abstract_id ? num->abstract_id : "")))
    return NULL;

  if (g_strcmp0 (abstract->format[ilvl], "bullet") == 0)
    {
      *bullet = TRUE;
      return g_strdup ("•");
    }

  /* A w:num that overrides a start restarts the list the first time it is used. */
  if (!num->used)
    {
      num->used = TRUE;
      for (guint i = 0; i < MAX_LEVELS; i++)
        if (num->start_override[i] >= 0)
          abstract->counter[i] = num->start_override[i] > 0 ? num->start_override[i] - 1 : 0;
    }

  abstract->counter[ilvl] = abstract->counter[ilvl] == 0 ? abstract->start[ilvl]
                                                          : abstract->counter[ilvl] + 1;
  for (guint i = ilvl + 1; i < MAX_LEVELS; i++)
    abstract->counter[i] = 0;

  if (g_strcmp0 (abstract->format[ilvl], "none") == 0)
    return NULL;

  text = abstract->text[ilvl] != NULL ? abstract->text[ilvl] : "%1.";
  label = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] >= '1' && p[1] <= '9')
        {
          guint level = p[1] - '1';
          guint value = abstract->counter[level] != 0 ? abstract->counter[level] : abstract->start[level];
          g_autofree char *number = office_format_number (abstract->format[level], value);

          g_string_append (label, number);
          p++;
        }
      else
        g_string_append_c (label, *p);
    }
  return g_string_free (label, FALSE);
}

/* Paragraph walking ------------------------------------------------------------- */

typedef struct
{
  Docx       *docx;
  OfficeText  text;
  const char *para_style;
  gboolean    in_note;     /* footnote or comment text: references are not notes */
} Walk;

static void walk_content (Walk *walk, xmlNode *node);

/* Whether the words of the tracked change NODE (an insertion when
 * INSERTION) are part of the text read, as the document's changes mode
 * says; counts the change and notes its author. */
static gboolean
change_kept (PlenaryOfficeDocument *document,
             xmlNode               *node,
             gboolean               insertion)
{
  g_autofree char *author = w_attr (node, "author");
  gboolean mine;

  document->tracked_changes++;
  if (author == NULL)
    author = g_strdup ("");
  if (!g_ptr_array_find_with_equal_func (document->change_authors, author, g_str_equal, NULL))
    g_ptr_array_add (document->change_authors, g_strdup (author));

  switch (document->changes)
    {
    case PLENARY_OFFICE_CHANGES_REJECT_ALL:
      return !insertion;
    case PLENARY_OFFICE_CHANGES_ACCEPT_AUTHOR:
      mine = g_strcmp0 (author, document->changes_author) == 0;
      return insertion ? mine : !mine;
    case PLENARY_OFFICE_CHANGES_ACCEPT_ALL:
    default:
      return insertion;
    }
}

static void
start_comment (Walk       *walk,
               const char *id,
               gboolean    end)
{
  guint index = GPOINTER_TO_UINT (id ? g_hash_table_lookup (walk->docx->comment_ids, id) : NULL);
  PlenaryOfficeComment *comment;
  int paragraph = walk->docx->document->paragraphs->len;

  if (index == 0 || walk->in_note)
    return;
  comment = g_ptr_array_index (walk->docx->document->comments, index - 1);
  if (!end)
    {
      comment->start_paragraph = paragraph;
      comment->start = office_text_start_point (&walk->text);
    }
  else
    {
      comment->end_paragraph = paragraph;
      comment->end = walk->text.chars;
      if (comment->start_paragraph < 0)
        {
          comment->start_paragraph = paragraph;
          comment->start = comment->end;
        }
    }
}

static void
walk_run (Walk    *walk,
          xmlNode *run)
{
  xmlNode *rpr = w_child (run, "rPr");
  int italic = w_toggle (w_child (rpr, "i"));

  if (w_toggle (w_child (rpr, "vanish")) == 1)
    return;
  if (italic < 0 && w_child (rpr, "rStyle") != NULL)
    {
      g_autofree char *id = w_attr (w_child (rpr, "rStyle"), "val");
      italic = style_italic (walk->docx, id);
    }
  if (italic < 0)
    italic = style_italic (walk->docx, walk->para_style);

  for (xmlNode *child = run->children; child != NULL; child = child->next)
    {
      /* Deleted text is only walked when the deletion is rejected. */
      if (is_w (child, "t") || is_w (child, "delText"))
        {
          xmlChar *content = xmlNodeGetContent (child);

          office_text_append (&walk->text, (const char *) content, italic == 1, FALSE);
          xmlFree (content);
        }
      else if (is_w (child, "tab"))
        office_text_append (&walk->text, "\t", italic == 1, FALSE);
      else if (is_w (child, "br") || is_w (child, "cr"))
        office_text_append (&walk->text, " ", italic == 1, FALSE);
      else if (is_w (child, "noBreakHyphen"))
        office_text_append (&walk->text, "\u2011", italic == 1, FALSE);
      else if (!walk->in_note && (is_w (child, "footnoteReference") || is_w (child, "endnoteReference")))
        {
          g_autofree char *id = w_attr (child, "id");
          GHashTable *notes = is_w (child, "footnoteReference") ? walk->docx->footnotes : walk->docx->endnotes;

          office_text_add_note (&walk->text, id != NULL ? g_hash_table_lookup (notes, id) : NULL);
        }
      else if (is_w (child, "commentReference"))
        {
          g_autofree char *id = w_attr (child, "id");
          guint index = GPOINTER_TO_UINT (id ? g_hash_table_lookup (walk->docx->comment_ids, id) : NULL);

          /* A comment on a point has a reference and no range. */
          if (index > 0 && !walk->in_note &&
              ((PlenaryOfficeComment *) g_ptr_array_index (walk->docx->document->comments, index - 1))->start_paragraph < 0)
            start_comment (walk, id, TRUE);
        }
    }
}

static void
walk_content (Walk    *walk,
              xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (is_ns (child, MC_NS, NULL))
        continue;  /* drawings and their fallbacks */
      if (is_w (child, "r"))
        walk_run (walk, child);
      else if (is_w (child, "del") || is_w (child, "moveFrom") ||
               is_w (child, "ins") || is_w (child, "moveTo"))
        {
          if (change_kept (walk->docx->document, child, is_w (child, "ins") || is_w (child, "moveTo")))
            walk_content (walk, child);
        }
      else if (is_w (child, "commentRangeStart") || is_w (child, "commentRangeEnd"))
        {
          g_autofree char *id = w_attr (child, "id");

          start_comment (walk, id, is_w (child, "commentRangeEnd"));
        }
      else if (is_w (child, "pPr") || is_w (child, "txbxContent") || is_w (child, "drawing") ||
               is_w (child, "pict") || is_w (child, "object") || is_w (child, "instrText"))
        continue;
      else
        walk_content (walk, child);  /* hyperlinks, fields, content controls, smart tags */
    }
}

/* The text of the paragraphs of a footnote or comment, joined by SEPARATOR. */
static char *
note_text (Docx       *docx,
           xmlNode    *node,
           const char *separator,
           char      **last_para_id)
{
  GString *out = g_string_new (NULL);

  for (xmlNode *p = node->children; p != NULL; p = p->next)
    {
      Walk walk = { docx };

      if (!is_w (p, "p"))
        continue;
      walk.in_note = TRUE;
      office_text_init (&walk.text);
      walk_content (&walk, p);
      if (walk.text.text->len > 0)
        {
          if (out->len > 0)
            g_string_append (out, separator);
          g_string_append (out, walk.text.text->str);
        }
      office_text_clear (&walk.text);
      if (last_para_id != NULL)
        {
          g_free (*last_para_id);
          *last_para_id = ns_attr (p, W14_NS, "paraId");
        }
    }
  return g_string_free (out, FALSE);
}

static gboolean
read_note (Docx     *docx,
           xmlNode  *node,
           GError  **error)
{
  g_autofree char *id = w_attr (node, "id");
  g_autofree char *type = w_attr (node, "type");

  if (id == NULL || (type != NULL && strcmp (type, "normal") != 0))
    return TRUE;
  g_hash_table_replace (is_w (node, "footnote") ? docx->footnotes : docx->endnotes,
                        g_steal_pointer (&id), note_text (docx, node, " ", NULL));
  return TRUE;
}

static gboolean
read_comment (Docx     *docx,
              xmlNode  *node,
              GError  **error)
{
  g_autofree char *id = w_attr (node, "id");
  g_autofree char *para_id = NULL;
  PlenaryOfficeComment *comment;
  GPtrArray *comments = docx->document->comments;

  if (id == NULL || g_hash_table_contains (docx->comment_ids, id))
    return TRUE;
  comment = g_new0 (PlenaryOfficeComment, 1);
  comment->author = w_attr (node, "author");
  comment->date = w_attr (node, "date");
  comment->text = note_text (docx, node, "\n", &para_id);
  comment->parent = -1;
  comment->start_paragraph = comment->end_paragraph = -1;
  g_ptr_array_add (comments, comment);
  g_hash_table_insert (docx->comment_ids, g_steal_pointer (&id), GUINT_TO_POINTER (comments->len));
  if (para_id != NULL)
    g_hash_table_insert (docx->comment_paras, g_steal_pointer (&para_id), GUINT_TO_POINTER (comments->len));
  return TRUE;
}

static gboolean
read_comment_ex (Docx     *docx,
                 xmlNode  *node,
                 GError  **error)
{
  g_autofree char *para = ns_attr (node, W15_NS, "paraId");
  g_autofree char *parent = ns_attr (node, W15_NS, "paraIdParent");
  g_autofree char *done = ns_attr (node, W15_NS, "done");
  guint index = GPOINTER_TO_UINT (para ? g_hash_table_lookup (docx->comment_paras, para) : NULL);
  guint parent_index = GPOINTER_TO_UINT (parent ? g_hash_table_lookup (docx->comment_paras, parent) : NULL);
  PlenaryOfficeComment *comment;

  if (index == 0)
    return TRUE;
  comment = g_ptr_array_index (docx->document->comments, index - 1);
  comment->done = g_strcmp0 (done, "1") == 0;
  if (parent_index > 0 && parent_index != index)
    {
      PlenaryOfficeComment *root = g_ptr_array_index (docx->document->comments, parent_index - 1);

      /* Threads are one level deep: a reply to a reply joins the thread. */
      comment->parent = root->parent >= 0 ? root->parent : (int) parent_index - 1;
    }
  return TRUE;
}

/* The main document ------------------------------------------------------------- */

/* Whether NODE holds words outside the tracked changes that this reading
 * drops. */
static gboolean
has_kept_text (PlenaryOfficeDocument *document,
               xmlNode               *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      gboolean insertion = is_w (child, "ins") || is_w (child, "moveTo");

      if (child->type != XML_ELEMENT_NODE || is_w (child, "pPr"))
        continue;
      if (is_w (child, "t") || is_w (child, "delText"))
        return TRUE;
      if ((insertion || is_w (child, "del") || is_w (child, "moveFrom")) &&
          !change_kept (document, child, insertion))
        continue;
      if (has_kept_text (document, child))
        return TRUE;
    }
  return FALSE;
}

static gboolean
read_paragraph (Docx     *docx,
                xmlNode  *node,
                GError  **error)
{
  xmlNode *ppr = w_child (node, "pPr");
  g_autofree char *style_id = NULL;
  g_autofree char *num_id = NULL;
  g_autofree char *label = NULL;
  const char *style_name = NULL;
  PlenaryOfficeBlockKind kind = PLENARY_OFFICE_BLOCK_PARAGRAPH;
  int ilvl = -1, outline = -1;
  guint level = 0;
  Walk walk = { docx };
  xmlNode *mark = ppr != NULL ? w_child (ppr, "rPr") : NULL;

  /* A paragraph a tracked change adds is not there when the change is
   * rejected; one it deletes whole is not there when it is accepted. Its
   * number is not counted either. */
  if (mark != NULL)
    {
      xmlNode *added = w_child (mark, "ins") != NULL ? w_child (mark, "ins") : w_child (mark, "moveTo");
      xmlNode *deleted = w_child (mark, "del") != NULL ? w_child (mark, "del") : w_child (mark, "moveFrom");

      if (added != NULL && !change_kept (docx->document, added, TRUE))
        return TRUE;
      if (deleted != NULL && !change_kept (docx->document, deleted, FALSE) &&
          !has_kept_text (docx->document, node))
        return TRUE;
    }

  if (ppr != NULL && w_child (ppr, "pStyle") != NULL)
    style_id = w_attr (w_child (ppr, "pStyle"), "val");
  if (style_id == NULL)
    style_id = g_strdup (docx->default_style);

  /* Numbering and outline level: the paragraph's own, else its style's. */
  read_num_pr (ppr, &num_id, &ilvl);
  if (ppr != NULL)
    outline = w_int (w_child (ppr, "outlineLvl"), -1);
  STYLE_CHAIN (docx, style_id, style)
    {
      if (style_name == NULL)
        style_name = style->name;
      if (num_id == NULL && style->num_id != NULL)
        {
          num_id = g_strdup (style->num_id);
          if (ilvl < 0)
            ilvl = style->ilvl;
        }
      if (outline < 0)
        outline = style->outline;
    }

  if (outline >= 0 && outline < MAX_LEVELS)
    {
      kind = PLENARY_OFFICE_BLOCK_HEADING;
      level = outline;
    }
  else if (style_name != NULL &&
           (g_ascii_strncasecmp (style_name, "heading ", 8) == 0 || g_ascii_strcasecmp (style_name, "Title") == 0))
    {
      kind = PLENARY_OFFICE_BLOCK_HEADING;
      level = g_ascii_isdigit (style_name[MIN (strlen (style_name), 8)]) ? MAX (atoi (style_name + 8), 1) - 1 : 0;
    }
  else if (num_id != NULL && strcmp (num_id, "0") != 0)
    {
      gboolean bullet;

      ilvl = MAX (ilvl, 0);
      label = next_label (docx, num_id, ilvl, &bullet);
      if (label != NULL)
        {
          kind = bullet ? PLENARY_OFFICE_BLOCK_BULLET : PLENARY_OFFICE_BLOCK_NUMBERED;
          level = ilvl;
        }
    }

  office_text_init (&walk.text);
  walk.para_style = style_id;
  /* Comment ranges opened between paragraphs start here. */
  for (guint i = 0; i < docx->open_starts->len; i++)
    start_comment (&walk, g_ptr_array_index (docx->open_starts, i), FALSE);
  g_ptr_array_set_size (docx->open_starts, 0);

  walk_content (&walk, node);
  office_text_finish (&walk.text, docx->document, kind, label, level, style_name);
  office_text_clear (&walk.text);
  return TRUE;
}

static gboolean
read_body_element (Docx     *docx,
                   xmlNode  *node,
                   GError  **error)
{
  if (is_w (node, "p"))
    return read_paragraph (docx, node, error);
  if (is_w (node, "commentRangeStart"))
    g_ptr_array_add (docx->open_starts, w_attr (node, "id"));
  else if (is_w (node, "commentRangeEnd") && docx->document->paragraphs->len > 0)
    {
      g_autofree char *id = w_attr (node, "id");
      guint index = GPOINTER_TO_UINT (id ? g_hash_table_lookup (docx->comment_ids, id) : NULL);
      PlenaryOfficeParagraph *last = g_ptr_array_index (docx->document->paragraphs,
                                                        docx->document->paragraphs->len - 1);

      if (index > 0)
        {
          PlenaryOfficeComment *comment = g_ptr_array_index (docx->document->comments, index - 1);

          comment->end_paragraph = docx->document->paragraphs->len - 1;
          comment->end = g_utf8_strlen (last->text, -1);
        }
    }
  else if (is_w (node, "del") || is_w (node, "moveFrom"))
    docx->document->tracked_changes++;
  return TRUE;
}

/* Properties -------------------------------------------------------------------- */

static gboolean
read_core_property (Docx     *docx,
                    xmlNode  *node,
                    GError  **error)
{
  xmlChar *content = xmlNodeGetContent (node);

  if (content != NULL && g_utf8_validate ((const char *) content, -1, NULL))
    g_hash_table_replace (docx->document->properties, g_strdup ((const char *) node->name),
                          g_strstrip (g_strdup ((const char *) content)));
  xmlFree (content);
  return TRUE;
}

static gboolean
read_custom_property (Docx     *docx,
                      xmlNode  *node,
                      GError  **error)
{
  g_autofree char *name = ns_attr (node, NULL, "name");
  xmlChar *content = xmlNodeGetContent (node);

  if (name != NULL && content != NULL &&
      g_utf8_validate (name, -1, NULL) && g_utf8_validate ((const char *) content, -1, NULL))
    g_hash_table_replace (docx->document->properties, g_steal_pointer (&name),
                          g_strdup ((const char *) content));
  xmlFree (content);
  return TRUE;
}

gboolean
office_read_docx (PlenaryOfficePackage   *package,
                  PlenaryOfficeDocument  *document,
                  GError                **error)
{
  static const char * const style_elements[] = { "style", NULL };
  static const char * const numbering_elements[] = { "abstractNum", "num", NULL };
  static const char * const note_elements[] = { "footnote", "endnote", NULL };
  static const char * const comment_elements[] = { "comment", NULL };
  static const char * const comment_ex_elements[] = { "commentEx", NULL };
  static const char * const body_elements[] = { "p", "commentRangeStart", "commentRangeEnd", "del", "moveFrom", NULL };
  static const char * const core_elements[] = { "title", "subject", "creator", "language", NULL };
  static const char * const custom_elements[] = { "property", NULL };
  g_autoptr(GHashTable) package_rels = NULL;
  g_autoptr(GHashTable) rels = NULL;
  g_autofree char *main_part = NULL;
  g_autofree char *main_rels = NULL;
  g_autofree char *base = NULL;
  const char *part;
  Docx docx = { document };
  gboolean ok;

  if (!(package_rels = read_rels (package, "_rels/.rels", "", error)))
    return FALSE;
  main_part = g_strdup (g_hash_table_lookup (package_rels, "officeDocument"));
  if (main_part == NULL)
    main_part = g_strdup ("word/document.xml");
  if (!plenary_office_package_has (package, main_part))
    {
      g_set_error (error, PLENARY_OFFICE_ERROR, PLENARY_OFFICE_ERROR_DAMAGED,
                   _("The document is damaged: its part “%s” is missing."), main_part);
      return FALSE;
    }
  base = g_path_get_dirname (main_part);
  if (strcmp (base, ".") == 0)
    g_clear_pointer (&base, g_free);
  {
    g_autofree char *name = g_path_get_basename (main_part);
    g_autofree char *folder = base != NULL ? g_strconcat (base, "/", NULL) : g_strdup ("");

    main_rels = g_strconcat (folder, "_rels/", name, ".rels", NULL);
    g_free (base);
    base = g_steal_pointer (&folder);
  }
  if (!(rels = read_rels (package, main_rels, base, error)))
    return FALSE;

  docx.styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) style_free);
  docx.abstracts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) abstract_free);
  docx.nums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) num_free);
  docx.footnotes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  docx.endnotes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  docx.comment_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  docx.comment_paras = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  docx.open_starts = g_ptr_array_new_with_free_func (g_free);

  /* A missing optional part is no error; a broken one is. */
  ok = (!(part = g_hash_table_lookup (rels, "styles")) ||
        each_element (package, part, TRUE, W_NS, style_elements, &docx, read_style, error)) &&
       (!(part = g_hash_table_lookup (rels, "numbering")) ||
        each_element (package, part, TRUE, W_NS, numbering_elements, &docx, read_numbering_element, error)) &&
       (!(part = g_hash_table_lookup (rels, "footnotes")) ||
        each_element (package, part, TRUE, W_NS, note_elements, &docx, read_note, error)) &&
       (!(part = g_hash_table_lookup (rels, "endnotes")) ||
        each_element (package, part, TRUE, W_NS, note_elements, &docx, read_note, error)) &&
       (!(part = g_hash_table_lookup (rels, "comments")) ||
        each_element (package, part, TRUE, W_NS, comment_elements, &docx, read_comment, error)) &&
       (!(part = g_hash_table_lookup (rels, "commentsExtended")) ||
        each_element (package, part, TRUE, W15_NS, comment_ex_elements, &docx, read_comment_ex, error)) &&
       each_element (package, main_part, FALSE, W_NS, body_elements, &docx, read_body_element, error) &&
       (!(part = g_hash_table_lookup (package_rels, "core-properties")) ||
        each_element (package, part, TRUE, DC_NS, core_elements, &docx, read_core_property, error)) &&
       (!(part = g_hash_table_lookup (package_rels, "custom-properties")) ||
        each_element (package, part, TRUE, CUSTOM_NS, custom_elements, &docx, read_custom_property, error));

  g_hash_table_unref (docx.styles);
  g_hash_table_unref (docx.abstracts);
  g_hash_table_unref (docx.nums);
  g_hash_table_unref (docx.footnotes);
  g_hash_table_unref (docx.endnotes);
  g_hash_table_unref (docx.comment_ids);
  g_hash_table_unref (docx.comment_paras);
  g_ptr_array_unref (docx.open_starts);
  g_free (docx.default_style);

  return ok;
}
