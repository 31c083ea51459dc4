/* plenary-docx-writer.c
 *
 * WordprocessingML (.docx): the main document with its masthead table,
 * list numbering, styles, settings, footnotes, comments and their
 * threads (commentsExtended), document properties.
 *
 * Copyright 2026 The Plenary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-docx-writer"

#include "config.h"

#include <string.h>

#include "plenary-office-export-private.h"

#define W_NS      "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS      "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define W14_NS    "http://schemas.microsoft.com/office/word/2010/wordml"
#define W15_NS    "http://schemas.microsoft.com/office/word/2012/wordml"
#define PKG_REL   "http://schemas.openxmlformats.org/package/2006/relationships"
#define DOC_REL   "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define CT_WML    "application/vnd.openxmlformats-officedocument.wordprocessingml."

static char *
initials (const char *author)
{
  GString *out = g_string_new (NULL);
  gboolean word_start = TRUE;

  for (const char *p = author; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (word_start && g_unichar_isalpha (c))
        g_string_append_unichar (out, g_unichar_toupper (c));
      word_start = g_unichar_isspace (c) || c == '-';
    }
  return g_string_free (out, FALSE);
}

static void
docx_text_run (xmlTextWriterPtr  w,
               const char       *text,
               gssize            len,
               const char       *char_style,
               gboolean          deleted)
{
  g_autofree char *safe = office_xml_safe (text, len);
  g_auto(GStrv) pieces = NULL;

  if (safe[0] == '\0')
    return;
  el (w, "w:r");
  if (char_style != NULL)
    {
      el (w, "w:rPr");
      val (w, "w:rStyle", char_style);
      end (w);
    }
  /* A tab in the text is Word's tab. */
  pieces = g_strsplit (safe, "\t", -1);
  for (guint i = 0; pieces[i] != NULL; i++)
    {
      if (i > 0)
        {
          el (w, "w:tab");
          end (w);
        }
      if (pieces[i][0] == '\0')
        continue;
      el (w, deleted ? "w:delText" : "w:t");
      at (w, "xml:space", "preserve");
      xmlTextWriterWriteString (w, BAD_CAST pieces[i]);
      end (w);
    }
  end (w);
}

static void
docx_comment_id (char  *buffer,
                 gsize  size,
                 guint  id)
{
  g_snprintf (buffer, size, "%u", id);
}

/* Thread I of the plan has comment ids FIRST_ID[I] .. + replies. */
static void
docx_event (xmlTextWriterPtr  w,
            Plan             *plan,
            const Event      *event)
{
  PlenaryAnnotation *annotation;
  char id[16];
  guint n;

  if (event->kind == EVENT_NOTE)
    {
      docx_comment_id (id, sizeof id, event->index + 1);
      el (w, "w:r");
      el (w, "w:rPr");
      val (w, "w:rStyle", "FootnoteReference");
      end (w);
      el (w, "w:footnoteReference");
      at (w, "w:id", id);
      end (w);
      end (w);
      return;
    }

  /* The thread's comment and its replies cover the same words. */
  annotation = g_ptr_array_index (plan->threads, event->index);
  n = 1 + plenary_annotation_get_replies (annotation)->len;
  for (guint k = 0; k < n; k++)
    {
      docx_comment_id (id, sizeof id, plan->first_id[event->index] + k);
      el (w, event->kind == EVENT_COMMENT_START ? "w:commentRangeStart" : "w:commentRangeEnd");
      at (w, "w:id", id);
      end (w);
      if (event->kind == EVENT_COMMENT_END)
        {
          el (w, "w:r");
          el (w, "w:rPr");
          val (w, "w:rStyle", "CommentReference");
          end (w);
          el (w, "w:commentReference");
          at (w, "w:id", id);
          end (w);
          end (w);
        }
    }
}

static void
docx_body_run (xmlTextWriterPtr  w,
               Plan             *plan,
               const char       *text,
               gssize            len,
               gboolean          phrase,
               gboolean          deleted)
{
  /* Moved text is still text: w:t, not w:delText. */
  docx_text_run (w, text, len, phrase ? "OpeningPhrase" : NULL, deleted && plan->current_move == 0);
}

/* Starts a w:ins or w:del (NAME) by PROPOSAL's delegation, on its date;
 * ids are the document's own, after the comments'. */
static void
docx_revision_start (xmlTextWriterPtr  w,
                     Plan             *plan,
                     const char       *name,
                     PlenaryProposal  *proposal)
{
  const char *delegation = plenary_proposal_get_delegation (proposal);
  g_autofree char *date = g_date_time_format (plenary_proposal_get_created (proposal), "%Y-%m-%dT%H:%M:%SZ");
  char id[16];

  docx_comment_id (id, sizeof id, 100000 + plan->next_change_id++);
  el (w, name);
  at (w, "w:id", id);
  at (w, "w:author", delegation[0] != '\0' ? delegation : "?");
  at (w, "w:date", date);
}

static void
docx_change (xmlTextWriterPtr  w,
             Plan             *plan,
             PlenaryProposal  *proposal,
             ChangeKind        kind)
{
  switch (kind)
    {
    case CHANGE_DELETION_START:
      docx_revision_start (w, plan, plan->current_move > 0 ? "w:moveFrom" : "w:del", proposal);
      break;

    case CHANGE_DELETION_END:
      end (w);
      break;

    case CHANGE_INSERTION:
    default:
      docx_revision_start (w, plan, "w:ins", proposal);
      docx_text_run (w, plenary_proposal_get_text (proposal), -1, NULL, FALSE);
      end (w);
      break;
    }
}

static const LineWriter docx_line_writer = { docx_body_run, docx_event, docx_change };

static void
docx_paragraph_start (xmlTextWriterPtr  w,
                      const char       *style,
                      int               num_id,
                      int               ilvl)
{
  el (w, "w:p");
  el (w, "w:pPr");
  val (w, "w:pStyle", style);
  if (num_id > 0)
    {
      el (w, "w:numPr");
      val_int (w, "w:ilvl", ilvl);
      val_int (w, "w:numId", num_id);
      end (w);
    }
}

/* A paragraph a proposal adds or deletes: its mark is a tracked change
 * too, so that accepting or rejecting it in Word joins no paragraphs. */
static void
docx_paragraph_mark (xmlTextWriterPtr  w,
                     Plan             *plan,
                     Line             *line)
{
  const char *name;

  if (line->added_by == NULL && line->deleted_by == NULL)
    return;
  if (line->added_by != NULL)
    name = line->move > 0 ? "w:moveTo" : "w:ins";
  else
    name = line->move > 0 ? "w:moveFrom" : "w:del";
  el (w, "w:rPr");
  docx_revision_start (w, plan, name, line->added_by != NULL ? line->added_by : line->deleted_by);
  end (w);
  end (w);
}

/* The named range around both ends of a move: START, or its end. */
static void
docx_move_range (xmlTextWriterPtr  w,
                 Plan             *plan,
                 Line             *line,
                 gboolean          start)
{
  const char *element = line->added_by != NULL ? (start ? "w:moveToRangeStart" : "w:moveToRangeEnd")
                                               : (start ? "w:moveFromRangeStart" : "w:moveFromRangeEnd");
  PlenaryProposal *proposal = line->added_by != NULL ? line->added_by : line->deleted_by;
  /* Ids of their own, above those of the changes. */
  guint id = 200000 + 2 * line->move + (line->added_by != NULL);
  char buffer[16];

  docx_comment_id (buffer, sizeof buffer, id);
  if (!start)
    {
      el (w, element);
      at (w, "w:id", buffer);
      end (w);
      return;
    }
  {
    g_autofree char *name = g_strdup_printf ("move%u", line->move);
    const char *delegation = plenary_proposal_get_delegation (proposal);
    g_autofree char *date = g_date_time_format (plenary_proposal_get_created (proposal), "%Y-%m-%dT%H:%M:%SZ");

    el (w, element);
    at (w, "w:id", buffer);
    at (w, "w:name", name);
    at (w, "w:author", delegation[0] != '\0' ? delegation : "?");
    at (w, "w:date", date);
    end (w);
  }
}

static void
docx_simple_paragraph (xmlTextWriterPtr  w,
                       const char       *style,
                       const char       *text)
{
  docx_paragraph_start (w, style, 0, 0);
  end (w);
  docx_text_run (w, text, -1, NULL, FALSE);
  end (w);
}

static void
docx_head (xmlTextWriterPtr  w,
           GArray           *head)
{
  guint i = 0;

  while (i < head->len)
    {
      HeadLine *line = &g_array_index (head, HeadLine, i);

      if (line->kind == HEAD_MASTHEAD)
        {
          docx_paragraph_start (w, office_head_styles[HEAD_MASTHEAD][0], 0, 0);
          end (w);
          docx_text_run (w, line->text, -1, NULL, FALSE);
          el (w, "w:r");
          el (w, "w:tab");
          end (w);
          end (w);
          el (w, "w:r");
          el (w, "w:rPr");
          val (w, "w:rStyle", "MastheadSymbol");
          end (w);
          text_el (w, "w:t", line->side);
          end (w);
          end (w);
          i++;
        }
      else if (line->kind == HEAD_BODY)
        {
          /* The body on the left, the distribution, date and original on
           * the right, as in the PDF: a table without borders but the rule
           * under it. */
          el (w, "w:tbl");
          el (w, "w:tblPr");
          el (w, "w:tblW");
          at (w, "w:w", "5000");
          at (w, "w:type", "pct");
          end (w);
          el (w, "w:tblBorders");
          el (w, "w:bottom");
          at (w, "w:val", "single");
          at (w, "w:sz", "16");
          at (w, "w:space", "0");
          at (w, "w:color", "auto");
          end (w);
          end (w);
          val (w, "w:tblLook", "0000");
          end (w);
          el (w, "w:tblGrid");
          el (w, "w:gridCol");
          at (w, "w:w", "5670");
          end (w);
          el (w, "w:gridCol");
          at (w, "w:w", "3402");
          end (w);
          end (w);
          el (w, "w:tr");
          el (w, "w:tc");
          el (w, "w:tcPr");
          el (w, "w:tcW");
          at (w, "w:w", "5670");
          at (w, "w:type", "dxa");
          end (w);
          end (w);
          docx_simple_paragraph (w, office_head_styles[HEAD_BODY][0], line->text);
          end (w);
          el (w, "w:tc");
          el (w, "w:tcPr");
          el (w, "w:tcW");
          at (w, "w:w", "3402");
          at (w, "w:type", "dxa");
          end (w);
          end (w);
          for (i++; i < head->len && g_array_index (head, HeadLine, i).kind == HEAD_DETAILS; i++)
            docx_simple_paragraph (w, office_head_styles[HEAD_DETAILS][0], g_array_index (head, HeadLine, i).text);
          end (w);
          end (w);
          end (w);
        }
      else
        {
          docx_simple_paragraph (w, office_head_styles[line->kind][0], line->text);
          i++;
        }
    }
}

const char *
office_docx_style_of (Line *line,
               int  *num_id,
               int  *ilvl)
{
  PlenaryRole role = line->paragraph != NULL ? line->paragraph->role : PLENARY_ROLE_PREAMBULAR;

  *num_id = 0;
  *ilvl = 0;
  if (line->paragraph == NULL)
    return "OpeningFormula";
  switch (role)
    {
    case PLENARY_ROLE_PREAMBULAR:
      return "PreambularParagraph";
    case PLENARY_ROLE_OPERATIVE:
      *num_id = 1;
      return "OperativeParagraph";
    case PLENARY_ROLE_SUBPARAGRAPH:
      *num_id = 1;
      *ilvl = MIN (MAX (line->level, 1), 2);
      return *ilvl == 1 ? "OperativeSubparagraph" : "OperativeSubparagraph2";
    case PLENARY_ROLE_HEADING:
      return "Heading1";
    case PLENARY_ROLE_BULLET:
      *num_id = 2;
      return "ListBullet";
    case PLENARY_ROLE_PARAGRAPH:
    default:
      return "BodyText";
    }
}

static void
docx_document (xmlTextWriterPtr  w,
               Plan             *plan)
{
  g_autoptr(GArray) head = office_build_head (plan);
  guint next = 0;

  el (w, "w:document");
  xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:w", BAD_CAST W_NS);
  xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:r", BAD_CAST R_NS);
  el (w, "w:body");
  docx_head (w, head);

  for (guint i = 0; i < plan->lines->len; i++)
    {
      Line *line = &g_array_index (plan->lines, Line, i);
      int num_id, ilvl;
      const char *style = office_docx_style_of (line, &num_id, &ilvl);

      docx_paragraph_start (w, style, num_id, ilvl);
      docx_paragraph_mark (w, plan, line);
      end (w);
      plan->current_move = line->move;
      if (line->move > 0)
        docx_move_range (w, plan, line, TRUE);
      if (line->added_by != NULL)
        docx_revision_start (w, plan, line->move > 0 ? "w:moveTo" : "w:ins", line->added_by);
      office_write_line (w, plan, i, &next, &docx_line_writer);
      if (line->added_by != NULL)
        end (w);
      if (line->move > 0)
        docx_move_range (w, plan, line, FALSE);
      plan->current_move = 0;
      end (w);
    }

  /* A4, 2.5 cm margins, as the PDF. */
  el (w, "w:sectPr");
  el (w, "w:pgSz");
  at (w, "w:w", "11906");
  at (w, "w:h", "16838");
  end (w);
  el (w, "w:pgMar");
  at (w, "w:top", "1417");
  at (w, "w:right", "1417");
  at (w, "w:bottom", "1417");
  at (w, "w:left", "1417");
  at (w, "w:header", "708");
  at (w, "w:footer", "708");
  at (w, "w:gutter", "0");
  end (w);
  end (w);
  end (w);
  end (w);
}

const StyleDef office_docx_styles[] = {
  { "Normal", "Normal", "paragraph", NULL, NULL, 0, 0, 0, FALSE, FALSE, FALSE, 0, 0, -1, 0, -1 },
  { "Masthead", "Masthead", "paragraph", "Normal", NULL, 0, 0, 22, TRUE, FALSE, TRUE, 0, 0, -1, 0, 60, FALSE, TRUE },
  { "MastheadSymbol", "Masthead Symbol", "character", NULL, NULL, 0, 0, 34, TRUE },
  { "MastheadBody", "Masthead Body", "paragraph", "Normal", NULL, 0, 0, 36, TRUE, FALSE, TRUE, 0, 0, -1, 120, 120 },
  { "MastheadDetails", "Masthead Details", "paragraph", "Normal", NULL, 0, 0, 20, FALSE, FALSE, TRUE, 0, 0, -1, 0, 0 },
  { "SessionLine", "Session Line", "paragraph", "Normal", NULL, 0, 0, 22, FALSE, FALSE, TRUE, 0, 0, -1, 0, 0 },
  { "SponsorLine", "Sponsor Line", "paragraph", "Normal", NULL, 0, 0, 0, FALSE, FALSE, TRUE, 0, 0, -1, 80, 0 },
  { "DocumentType", "Document Type", "paragraph", "Normal", "center", 0, 0, 0, FALSE, TRUE, TRUE, 0, 0, -1, 360, 120 },
  { "DocumentTitle", "Document Title", "paragraph", "Normal", "center", 0, 0, 26, TRUE, FALSE, TRUE, 0, 0, -1, 120, 240 },
  { "OpeningFormula", "Opening Formula", "paragraph", "Normal", "both", 720, 0, 0, FALSE, FALSE, TRUE, 0, 0, -1, 240, -1 },
  { "PreambularParagraph", "Preambular Paragraph", "paragraph", "Normal", "both", 720, 0, 0, FALSE, FALSE, FALSE, 0, 0, -1, 0, -1 },
  { "OperativeParagraph", "Operative Paragraph", "paragraph", "Normal", "both", 0, 0, 0, FALSE, FALSE, FALSE, 1, 0, -1, 0, -1 },
  { "OperativeSubparagraph", "Operative Subparagraph", "paragraph", "Normal", "both", 0, 0, 0, FALSE, FALSE, FALSE, 1, 1, -1, 0, -1 },
  { "OperativeSubparagraph2", "Operative Subparagraph 2", "paragraph", "Normal", "both", 0, 0, 0, FALSE, FALSE, FALSE, 1, 2, -1, 0, -1 },
  { "BodyText", "Body Text", "paragraph", "Normal", "both", 0, 0, 0, FALSE, FALSE, FALSE, 0, 0, -1, 0, -1 },
  { "Heading1", "heading 1", "paragraph", "Normal", NULL, 0, 0, 26, TRUE, FALSE, TRUE, 0, 0, 0, 280, 120 },
  { "ListBullet", "List Bullet", "paragraph", "Normal", "both", 0, 0, 0, FALSE, FALSE, FALSE, 2, 0, -1, 0, -1 },
  { "OpeningPhrase", "Opening Phrase", "character", NULL, NULL, 0, 0, 0, FALSE, TRUE },
  { "FootnoteText", "footnote text", "paragraph", "Normal", NULL, 0, 0, 19, FALSE, FALSE, FALSE, 0, 0, -1, 0, 0 },
  { "FootnoteReference", "footnote reference", "character", NULL, NULL, 0, 0, 0, FALSE, FALSE, FALSE, 0, 0, -1, 0, -1, TRUE },
  { "CommentText", "annotation text", "paragraph", "Normal", NULL, 0, 0, 20, FALSE, FALSE, FALSE, 0, 0, -1, 0, 0 },
  { "CommentReference", "annotation reference", "character", NULL, NULL, 0, 0, 16 },
};

const guint office_n_docx_styles = G_N_ELEMENTS (office_docx_styles);

static void
docx_styles_part (xmlTextWriterPtr  w,
                  Plan             *plan)
{
  el (w, "w:styles");
  xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:w", BAD_CAST W_NS);

  /* The language the text is spell-checked in. */
  el (w, "w:docDefaults");
  el (w, "w:rPrDefault");
  el (w, "w:rPr");
  el (w, "w:rFonts");
  at (w, "w:ascii", "Times New Roman");
  at (w, "w:hAnsi", "Times New Roman");
  at (w, "w:cs", "Times New Roman");
  at (w, "w:eastAsia", "Times New Roman");
  end (w);
  val (w, "w:sz", "24");
  val (w, "w:szCs", "24");
  el (w, "w:lang");
  at (w, "w:val", plan->labels->tag);
  at (w, "w:eastAsia", plan->labels->tag);
  at (w, "w:bidi", "ar-SA");
  end (w);
  end (w);
  end (w);
  el (w, "w:pPrDefault");
  el (w, "w:pPr");
  el (w, "w:spacing");
  at (w, "w:after", "120");
  end (w);
  end (w);
  end (w);
  end (w);

  for (guint i = 0; i < G_N_ELEMENTS (office_docx_styles); i++)
    {
      const StyleDef *s = &office_docx_styles[i];
      char buffer[16];

      el (w, "w:style");
      at (w, "w:type", s->type);
      at (w, "w:styleId", s->id);
      if (i == 0)
        at (w, "w:default", "1");
      val (w, "w:name", s->name);
      if (s->based_on != NULL)
        val (w, "w:basedOn", s->based_on);
      if (g_str_has_prefix (s->id, "Operative") || g_str_has_prefix (s->id, "Preambular"))
        val (w, "w:next", s->id);
      val (w, "w:qFormat", NULL);

      if (strcmp (s->type, "paragraph") == 0)
        {
          el (w, "w:pPr");
          if (s->keep_next)
            val (w, "w:keepNext", NULL);
          if (s->num_id > 0)
            {
              el (w, "w:numPr");
              val_int (w, "w:ilvl", s->ilvl);
              val_int (w, "w:numId", s->num_id);
              end (w);
            }
          if (s->right_tab)
            {
              el (w, "w:pBdr");
              el (w, "w:bottom");
              at (w, "w:val", "single");
              at (w, "w:sz", "6");
              at (w, "w:space", "1");
              at (w, "w:color", "auto");
              end (w);
              end (w);
              el (w, "w:tabs");
              el (w, "w:tab");
              at (w, "w:val", "right");
              at (w, "w:pos", "9072");
              end (w);
              end (w);
            }
          if (s->space_before > 0 || s->space_after >= 0)
            {
              el (w, "w:spacing");
              if (s->space_before > 0)
                {
                  g_snprintf (buffer, sizeof buffer, "%d", s->space_before);
                  at (w, "w:before", buffer);
                }
              if (s->space_after >= 0)
                {
                  g_snprintf (buffer, sizeof buffer, "%d", s->space_after);
                  at (w, "w:after", buffer);
                }
              end (w);
            }
          if (s->first_line > 0)
            {
              el (w, "w:ind");
              g_snprintf (buffer, sizeof buffer, "%d", s->first_line);
              at (w, "w:firstLine", buffer);
              end (w);
            }
          if (s->justify != NULL)
            val (w, "w:jc", s->justify);
          if (s->outline >= 0)
            val_int (w, "w:outlineLvl", s->outline);
          end (w);
        }

      el (w, "w:rPr");
      if (s->bold)
        val (w, "w:b", NULL);
      if (s->italic)
        {
          val (w, "w:i", NULL);
          val (w, "w:iCs", NULL);
        }
      if (s->superscript)
        val (w, "w:vertAlign", "superscript");
      if (s->size > 0)
        {
          val_int (w, "w:sz", s->size);
          val_int (w, "w:szCs", s->size);
        }
      end (w);
      end (w);
    }
  end (w);
}

static void
docx_level (xmlTextWriterPtr  w,
            int               ilvl,
            const char       *format,
            const char       *text,
            int               left,
            int               hanging)
{
  char buffer[16];

  el (w, "w:lvl");
  g_snprintf (buffer, sizeof buffer, "%d", ilvl);
  at (w, "w:ilvl", buffer);
  val (w, "w:start", "1");
  val (w, "w:numFmt", format);
  val (w, "w:lvlText", text);
  val (w, "w:lvlJc", "left");
  el (w, "w:pPr");
  el (w, "w:ind");
  g_snprintf (buffer, sizeof buffer, "%d", left);
  at (w, "w:left", buffer);
  g_snprintf (buffer, sizeof buffer, "%d", hanging);
  at (w, "w:hanging", buffer);
  end (w);
  end (w);
  end (w);
}

static void
docx_numbering_part (xmlTextWriterPtr  w,
                     Plan             *plan)
{
  el (w, "w:numbering");
  xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:w", BAD_CAST W_NS);

  /* Operative paragraphs: 1. / a) or (a) / i) or (i); Word restarts the
   * sub-levels under each paragraph and renumbers what is inserted. */
  el (w, "w:abstractNum");
  at (w, "w:abstractNumId", "0");
  val (w, "w:multiLevelType", "multilevel");
  docx_level (w, 0, "decimal", "%1.", 720, 720);
  docx_level (w, 1, "lowerLetter", plan->enclosed ? "(%2)" : "%2)", 1288, 568);
  docx_level (w, 2, "lowerRoman", plan->enclosed ? "(%3)" : "%3)", 1856, 568);
  end (w);

  el (w, "w:abstractNum");
  at (w, "w:abstractNumId", "1");
  val (w, "w:multiLevelType", "hybridMultilevel");
  docx_level (w, 0, "bullet", "•", 360, 360);
  docx_level (w, 1, "bullet", "◦", 720, 360);
  end (w);

  for (int i = 1; i <= 2; i++)
    {
      char buffer[16];

      el (w, "w:num");
      g_snprintf (buffer, sizeof buffer, "%d", i);
      at (w, "w:numId", buffer);
      val_int (w, "w:abstractNumId", i - 1);
      end (w);
    }
  end (w);
}

static void
docx_settings_part (xmlTextWriterPtr  w,
                    Plan             *plan)
{
  el (w, "w:settings");
  xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:w", BAD_CAST W_NS);
  val (w, "w:defaultTabStop", "720");
  el (w, "w:footnotePr");
  el (w, "w:footnote");
  at (w, "w:id", "-1");
  end (w);
  el (w, "w:footnote");
  at (w, "w:id", "0");
  end (w);
  end (w);
  el (w, "w:compat");
  el (w, "w:compatSetting");
  at (w, "w:name", "compatibilityMode");
  at (w, "w:uri", "http://schemas.microsoft.com/office/word");
  at (w, "w:val", "15");
  end (w);
  end (w);
  end (w);
}

static void
docx_footnotes_part (xmlTextWriterPtr  w,
                     Plan             *plan)
{
  el (w, "w:footnotes");
  xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:w", BAD_CAST W_NS);
  for (int i = -1; i <= 0; i++)
    {
      el (w, "w:footnote");
      at (w, "w:type", i < 0 ? "separator" : "continuationSeparator");
      at (w, "w:id", i < 0 ? "-1" : "0");
      el (w, "w:p");
      el (w, "w:r");
      el (w, i < 0 ? "w:separator" : "w:continuationSeparator");
      end (w);
      end (w);
      end (w);
      end (w);
    }
  for (guint i = 0; i < plan->notes->len; i++)
    {
      char id[16];

      docx_comment_id (id, sizeof id, i + 1);
      el (w, "w:footnote");
      at (w, "w:id", id);
      docx_paragraph_start (w, "FootnoteText", 0, 0);
      end (w);
      el (w, "w:r");
      el (w, "w:rPr");
      val (w, "w:rStyle", "FootnoteReference");
      end (w);
      el (w, "w:footnoteRef");
      end (w);
      end (w);
      docx_text_run (w, " ", -1, NULL, FALSE);
      docx_text_run (w, g_ptr_array_index (plan->notes, i), -1, NULL, FALSE);
      end (w);
      end (w);
    }
  end (w);
}

static void
docx_comment (xmlTextWriterPtr  w,
              guint             id,
              const char       *author,
              const char       *date,
              const char       *text)
{
  g_autofree char *iso = office_iso_date (date);
  g_autofree char *author_initials = initials (author);
  g_auto(GStrv) paragraphs = g_strsplit (text != NULL ? text : "", "\n", -1);
  char buffer[16];

  el (w, "w:comment");
  docx_comment_id (buffer, sizeof buffer, id);
  at (w, "w:id", buffer);
  at (w, "w:author", author != NULL ? author : "");
  at (w, "w:date", iso);
  at (w, "w:initials", author_initials);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      el (w, "w:p");
      /* The last paragraph's id is how commentsExtended links replies. */
      if (paragraphs[i + 1] == NULL)
        {
          g_snprintf (buffer, sizeof buffer, "%08X", id + 1);
          at (w, "w14:paraId", buffer);
          at (w, "w14:textId", "77777777");
        }
      el (w, "w:pPr");
      val (w, "w:pStyle", "CommentText");
      end (w);
      if (i == 0)
        {
          el (w, "w:r");
          el (w, "w:rPr");
          val (w, "w:rStyle", "CommentReference");
          end (w);
          el (w, "w:annotationRef");
          end (w);
          end (w);
        }
      docx_text_run (w, paragraphs[i], -1, NULL, FALSE);
      end (w);
    }
  end (w);
}

static void
docx_comments_part (xmlTextWriterPtr  w,
                    Plan             *plan)
{
  el (w, "w:comments");
  xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:w", BAD_CAST W_NS);
  xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:w14", BAD_CAST W14_NS);
  for (guint i = 0; i < plan->threads->len; i++)
    {
      PlenaryAnnotation *annotation = g_ptr_array_index (plan->threads, i);
      GPtrArray *replies = plenary_annotation_get_replies (annotation);

      docx_comment (w, plan->first_id[i], plenary_annotation_get_author (annotation),
                    plenary_annotation_get_created (annotation), plenary_annotation_get_note (annotation));
      for (guint r = 0; r < replies->len; r++)
        {
          PlenaryReply *reply = g_ptr_array_index (replies, r);

          docx_comment (w, plan->first_id[i] + 1 + r, reply->author, reply->created, reply->text);
        }
    }
  end (w);
}

/* Which comments are replies to which, and which threads are resolved:
 * linked through the paragraph ids of the comments. */
static void
docx_comments_extended_part (xmlTextWriterPtr  w,
                             Plan             *plan)
{
  el (w, "w15:commentsEx");
  xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:w15", BAD_CAST W15_NS);
  for (guint i = 0; i < plan->threads->len; i++)
    {
      PlenaryAnnotation *annotation = g_ptr_array_index (plan->threads, i);
      guint n = 1 + plenary_annotation_get_replies (annotation)->len;
      gboolean done = plenary_annotation_get_resolved (annotation);
      char para[16], parent[16];

      g_snprintf (parent, sizeof parent, "%08X", plan->first_id[i] + 1);
      for (guint k = 0; k < n; k++)
        {
          g_snprintf (para, sizeof para, "%08X", plan->first_id[i] + 1 + k);
          el (w, "w15:commentEx");
          at (w, "w15:paraId", para);
          if (k > 0)
            at (w, "w15:paraIdParent", parent);
          at (w, "w15:done", done ? "1" : "0");
          end (w);
        }
    }
  end (w);
}

static void
rel (xmlTextWriterPtr  w,
     const char       *id,
     const char       *type,
     const char       *target)
{
  el (w, "Relationship");
  at (w, "Id", id);
  at (w, "Type", type);
  at (w, "Target", target);
  end (w);
}

static void
override (xmlTextWriterPtr  w,
          const char       *part,
          const char       *type)
{
  el (w, "Override");
  at (w, "PartName", part);
  at (w, "ContentType", type);
  end (w);
}

static void
docx_content_types_part (xmlTextWriterPtr  w,
                         Plan             *plan)
{
  el (w, "Types");
  at (w, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  el (w, "Default");
  at (w, "Extension", "rels");
  at (w, "ContentType", "application/vnd.openxmlformats-package.relationships+xml");
  end (w);
  el (w, "Default");
  at (w, "Extension", "xml");
  at (w, "ContentType", "application/xml");
  end (w);
  override (w, "/word/document.xml", CT_WML "document.main+xml");
  override (w, "/word/styles.xml", CT_WML "styles+xml");
  override (w, "/word/numbering.xml", CT_WML "numbering+xml");
  override (w, "/word/settings.xml", CT_WML "settings+xml");
  override (w, "/word/footnotes.xml", CT_WML "footnotes+xml");
  if (plan->threads->len > 0)
    {
      override (w, "/word/comments.xml", CT_WML "comments+xml");
      override (w, "/word/commentsExtended.xml", CT_WML "commentsExtended+xml");
    }
  override (w, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
  override (w, "/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
  override (w, "/docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml");
  end (w);
}

static void
docx_package_rels_part (xmlTextWriterPtr  w,
                        Plan             *plan)
{
  el (w, "Relationships");
  at (w, "xmlns", PKG_REL);
  rel (w, "rId1", DOC_REL "officeDocument", "word/document.xml");
  rel (w, "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml");
  rel (w, "rId3", DOC_REL "extended-properties", "docProps/app.xml");
  rel (w, "rId4", DOC_REL "custom-properties", "docProps/custom.xml");
  end (w);
}

static void
docx_document_rels_part (xmlTextWriterPtr  w,
                         Plan             *plan)
{
  el (w, "Relationships");
  at (w, "xmlns", PKG_REL);
  rel (w, "rId1", DOC_REL "styles", "styles.xml");
  rel (w, "rId2", DOC_REL "numbering", "numbering.xml");
  rel (w, "rId3", DOC_REL "settings", "settings.xml");
  rel (w, "rId4", DOC_REL "footnotes", "footnotes.xml");
  if (plan->threads->len > 0)
    {
      rel (w, "rId5", DOC_REL "comments", "comments.xml");
      rel (w, "rId6", "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
           "commentsExtended.xml");
    }
  end (w);
}

static void
docx_core_part (xmlTextWriterPtr  w,
                Plan             *plan)
{
  PlenaryMetadata *metadata = plenary_draft_get_metadata (plan->draft);
  const char *creator = plenary_metadata_get_string (metadata, "submitted-by");
  const char *symbol = plenary_metadata_get_string (metadata, "symbol");
  const char *forum = plenary_metadata_get_string (metadata, "forum");
  g_autofree char *now = office_iso_date (NULL);

  el (w, "cp:coreProperties");
  at (w, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  at (w, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  at (w, "xmlns:dcterms", "http://purl.org/dc/terms/");
  at (w, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  text_el (w, "dc:title", office_document_title (plan));
  if (forum[0] != '\0')
    text_el (w, "dc:subject", forum);
  if (creator[0] != '\0')
    text_el (w, "dc:creator", creator);
  if (symbol[0] != '\0')
    text_el (w, "cp:keywords", symbol);
  text_el (w, "dc:language", plan->labels->tag);
  el (w, "dcterms:created");
  at (w, "xsi:type", "dcterms:W3CDTF");
  xmlTextWriterWriteString (w, BAD_CAST now);
  end (w);
  end (w);
}

static void
docx_app_part (xmlTextWriterPtr  w,
               Plan             *plan)
{
  el (w, "Properties");
  at (w, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
  text_el (w, "Application", "Plenary");
  end (w);
}

static void
docx_custom_part (xmlTextWriterPtr  w,
                  Plan             *plan)
{
  g_autoptr(GPtrArray) properties = office_property_list (plan->draft);

  el (w, "Properties");
  at (w, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties");
  at (w, "xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
  for (guint i = 0; i + 1 < properties->len; i += 2)
    {
      char pid[16];
      g_autofree char *value = office_xml_safe (g_ptr_array_index (properties, i + 1), -1);

      g_snprintf (pid, sizeof pid, "%u", i / 2 + 2);
      el (w, "property");
      at (w, "fmtid", "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}");
      at (w, "pid", pid);
      at (w, "name", g_ptr_array_index (properties, i));
      text_el (w, "vt:lpwstr", value);
      end (w);
    }
  end (w);
}

GBytes *
office_export_docx (Plan    *plan,
             GError **error)
{
  static const Part parts[] = {
    { "[Content_Types].xml", docx_content_types_part },
    { "_rels/.rels", docx_package_rels_part },
    { "word/document.xml", docx_document },
    { "word/_rels/document.xml.rels", docx_document_rels_part },
    { "word/styles.xml", docx_styles_part },
    { "word/numbering.xml", docx_numbering_part },
    { "word/settings.xml", docx_settings_part },
    { "word/footnotes.xml", docx_footnotes_part },
    { "word/comments.xml", docx_comments_part, TRUE },
    { "word/commentsExtended.xml", docx_comments_extended_part, TRUE },
    { "docProps/core.xml", docx_core_part },
    { "docProps/app.xml", docx_app_part },
    { "docProps/custom.xml", docx_custom_part },
  };

  return office_write_parts (plan, parts, G_N_ELEMENTS (parts), NULL, error);
}
