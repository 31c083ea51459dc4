/* plenary-office-export.c
 *
 * .docx (WordprocessingML) and .odt (OpenDocument) export. Both formats
 * are written from one plan of the draft: its paragraphs as the editor
 * text has them (the lines the annotations' positions count in), with the
 * comment ranges and citation marks placed on them.
 *
 * Copyright 2026 The Plenary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-office-export"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "plenary-clause-printer.h"
#include "plenary-draft-file.h"
#include "plenary-office-export.h"
#include "plenary-office-package.h"
#include "plenary-phrase-dictionary.h"

#define W_NS      "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS      "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define W14_NS    "http://schemas.microsoft.com/office/word/2010/wordml"
#define W15_NS    "http://schemas.microsoft.com/office/word/2012/wordml"
#define PKG_REL   "http://schemas.openxmlformats.org/package/2006/relationships"
#define DOC_REL   "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define CT_WML    "application/vnd.openxmlformats-officedocument.wordprocessingml."

/* Words of the printed heading, in the DRAFTING language (not UI strings),
 * as the PDF prints them. */
typedef struct
{
  const char *language;
  const char *tag;            /* language tag for spell-checking */
  const char *country;
  const char *united_nations;
  const char *distr_limited;
  const char *distr_general;
  const char *original;       /* "Original: %s" */
  const char *language_name;  /* of the drafting language, in itself */
  const char *agenda_item;
  const char *submitted_by;
  const char *co_sponsors;
  const char *signatories;
  const char *committee;
  const char *question;
  const char *delegation;
  const char *draft_resolution;
  const char *unknown_source;
  const char *colon;
  const char *quote_open;
  const char *quote_close;
  const char *months[12];
} Labels;

static const Labels labels_table[] = {
  {
    "fr", "fr-FR", "FR", "Nations Unies", "Distr. limitée", "Distr. générale", "Original\u00a0: %s",
    "français", "Point %s de l’ordre du jour", "Soumis par", "Coauteurs", "Signataires",
    "Commission", "Question", "Délégation", "Projet de résolution", "Source inconnue",
    "\u00a0:", "«\u00a0", "\u00a0»",
    { "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
      "septembre", "octobre", "novembre", "décembre" },
  },
  {
    "en", "en-GB", "GB", "United Nations", "Distr.: Limited", "Distr.: General", "Original: %s",
    "English", "Agenda item %s", "Submitted by", "Co-sponsors", "Signatories",
    "Committee", "Question", "Delegation", "Draft resolution", "Unknown source",
    ":", "“", "”",
    { "January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December" },
  },
};

typedef enum
{
  EVENT_COMMENT_START,
  EVENT_NOTE,
  EVENT_COMMENT_END,
} EventKind;

typedef struct
{
  guint     line;
  gint64    offset;     /* code point in the line's full text */
  EventKind kind;
  guint     index;      /* comment thread or note */
} Event;

/* One line of the editor text: a paragraph, or the opening formula. */
typedef struct
{
  PlenaryParagraph *paragraph;  /* NULL for the opening formula */
  guint             level;
  char             *full;
  gint64            phrase_end; /* code points of the phrase */
  gint64            start;      /* code point offset in the editor text */
  gint64            prefix;     /* tabs, "# ", "• " before the full text */
} Line;

typedef struct
{
  PlenaryDraft  *draft;
  const Labels  *labels;
  gboolean       brief;
  gboolean       enclosed;
  GArray        *lines;      /* Line */
  GArray        *events;     /* Event, in reading order */
  GPtrArray     *threads;    /* PlenaryAnnotation*, comments on the draft */
  guint         *first_id;   /* per thread: the Word comment id of its first comment */
  GPtrArray     *notes;      /* char*, footnote texts in order */
} Plan;

static const Labels *
labels_for (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels_table); i++)
    if (language != NULL && g_str_has_prefix (language, labels_table[i].language))
      return &labels_table[i];
  return &labels_table[1];
}

static void
line_clear (gpointer data)
{
  g_free (((Line *) data)->full);
}

static void
collect_lines (GArray    *lines,
               GPtrArray *paragraphs,
               guint      level)
{
  for (guint i = 0; i < paragraphs->len; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (paragraphs, i);
      Line line = { paragraph, level };

      line.full = plenary_paragraph_dup_full_text (paragraph);
      line.phrase_end = paragraph->phrase != NULL && paragraph->phrase[0] != '\0'
                        ? g_utf8_strlen (paragraph->phrase, -1) : 0;
      g_array_append_val (lines, line);
      collect_lines (lines, paragraph->children, level + 1);
    }
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *ea = a, *eb = b;

  if (ea->line != eb->line)
    return ea->line < eb->line ? -1 : 1;
  if (ea->offset != eb->offset)
    return ea->offset < eb->offset ? -1 : 1;
  if (ea->kind != eb->kind)
    return ea->kind < eb->kind ? -1 : 1;
  return ea->index < eb->index ? -1 : ea->index > eb->index;
}

/* The line holding editor code point OFFSET and the offset in its text. */
static void
locate (Plan   *plan,
        gint64  offset,
        guint  *line_index,
        gint64 *in_line)
{
  guint lo = 0, hi = plan->lines->len;
  Line *line;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (plan->lines, Line, mid).start <= offset)
        lo = mid;
      else
        hi = mid;
    }
  line = &g_array_index (plan->lines, Line, lo);
  *line_index = lo;
  *in_line = CLAMP (offset - line->start - line->prefix, 0, (gint64) g_utf8_strlen (line->full, -1));
}

/* The editor text between code points START and END (lines joined by
 * "\n"), found through the lines rather than from the start of the text. */
static char *
editor_range (Plan   *plan,
              gint64  start,
              gint64  end)
{
  GString *out = g_string_new (NULL);
  guint first, last;
  gint64 from, to;

  locate (plan, start, &first, &from);
  locate (plan, end, &last, &to);
  for (guint i = first; i <= last; i++)
    {
      Line *line = &g_array_index (plan->lines, Line, i);
      const char *a = g_utf8_offset_to_pointer (line->full, i == first ? from : 0);
      const char *b = i == last ? g_utf8_offset_to_pointer (line->full, to) : line->full + strlen (line->full);

      if (i > first)
        {
          g_string_append_c (out, '\n');
          for (gint64 t = 0; t < line->prefix; t++)
            g_string_append_c (out, '\t');
        }
      if (b > a)
        g_string_append_len (out, a, b - a);
    }
  return g_string_free (out, FALSE);
}

/* Where ANCHOR sits in EDITOR: its stored range when that still holds its
 * words, else the first place they are found. FALSE when nowhere. */
static gboolean
place_anchor (Plan          *plan,
              PlenaryAnchor *anchor,
              const char    *editor,
              glong          editor_length,
              gint64        *start,
              gint64        *end)
{
  const char *found;

  if (anchor->start >= 0 && anchor->end >= anchor->start && anchor->end <= editor_length)
    {
      g_autofree char *there = anchor->exact != NULL && anchor->exact[0] != '\0'
                               ? editor_range (plan, anchor->start, anchor->end) : NULL;

      if (there == NULL || strcmp (there, anchor->exact) == 0)
        {
          *start = anchor->start;
          *end = anchor->end;
          return TRUE;
        }
    }
  if (anchor->exact == NULL || anchor->exact[0] == '\0' || !(found = strstr (editor, anchor->exact)))
    return FALSE;
  *start = g_utf8_pointer_to_offset (editor, found);
  *end = *start + g_utf8_strlen (anchor->exact, -1);
  return TRUE;
}

static char *
citation_text (Plan              *plan,
               PlenaryAnnotation *annotation)
{
  const Labels *labels = plan->labels;
  PlenaryAnchor *source_anchor = plenary_annotation_get_source_anchor (annotation);
  PlenarySource *source = source_anchor ? plenary_draft_find_source (plan->draft, source_anchor->target) : NULL;
  const char *title = labels->unknown_source;
  GString *text = g_string_new (NULL);
  guint page = 0;

  if (source != NULL)
    {
      if (plenary_source_get_title (source)[0] != '\0')
        title = plenary_source_get_title (source);
      else if (plenary_source_get_origin (source)[0] != '\0')
        title = plenary_source_get_origin (source);
      page = plenary_source_get_page_at (source, source_anchor->start);
    }
  g_string_append (text, title);
  if (page > 0)
    g_string_append_printf (text, ", p.\u00a0%u", page);
  if (plenary_annotation_get_show_quote (annotation) &&
      source_anchor != NULL && source_anchor->exact != NULL && source_anchor->exact[0] != '\0')
    g_string_append_printf (text, "%s %s%s%s", labels->colon, labels->quote_open,
                            source_anchor->exact, labels->quote_close);
  g_string_append_c (text, '.');
  return g_string_free (text, FALSE);
}

static void
plan_init (Plan         *plan,
           PlenaryDraft *draft)
{
  PlenaryBody *body = plenary_draft_get_body (draft);
  const char *language = plenary_draft_get_language (draft);
  GListModel *annotations = G_LIST_MODEL (plenary_draft_get_annotations (draft));
  g_autofree char *editor = NULL;
  g_auto(GStrv) split = NULL;
  glong editor_length;
  gint64 offset = 0;
  guint n_split;

  memset (plan, 0, sizeof *plan);
  plan->draft = draft;
  plan->labels = labels_for (language);
  plan->brief = plenary_draft_get_kind (draft) == PLENARY_DRAFT_KIND_BRIEF;
  plan->enclosed = plenary_phrase_dictionary_get_enclosed_markers (plenary_phrase_dictionary_get_default (language));
  plan->lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_array_set_clear_func (plan->lines, line_clear);
  plan->events = g_array_new (FALSE, FALSE, sizeof (Event));
  plan->threads = g_ptr_array_new_with_free_func (g_object_unref);
  plan->notes = g_ptr_array_new_with_free_func (g_free);

  if (!plan->brief && body->opening != NULL && body->opening[0] != '\0')
    {
      Line line = { NULL, 0, g_strdup (body->opening) };
      g_array_append_val (plan->lines, line);
    }
  collect_lines (plan->lines, body->paragraphs, 0);

  /* Positions of the lines in the editor text, where anchors count. */
  editor = plenary_clause_printer_print (body, plenary_draft_get_kind (draft), language, PLENARY_PRINT_EDITOR);
  editor_length = g_utf8_strlen (editor, -1);
  split = g_strsplit (editor, "\n", -1);
  n_split = g_strv_length (split);
  if (n_split != plan->lines->len || plan->lines->len == 0)
    return;
  for (guint i = 0; i < plan->lines->len; i++)
    {
      Line *line = &g_array_index (plan->lines, Line, i);
      gint64 length = g_utf8_strlen (split[i], -1);

      line->start = offset;
      line->prefix = MAX (0, length - g_utf8_strlen (line->full, -1));
      offset += length + 1;
    }

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(PlenaryAnnotation) annotation = g_list_model_get_item (annotations, i);
      PlenaryAnchor *anchor = plenary_annotation_get_anchor (annotation);
      PlenaryAnnotationKind kind = plenary_annotation_get_kind (annotation);
      gint64 start, end;
      Event event;

      if (anchor == NULL || g_strcmp0 (anchor->target, PLENARY_ANCHOR_TARGET_DRAFT) != 0 ||
          plenary_annotation_get_orphan (annotation) ||
          (kind != PLENARY_ANNOTATION_COMMENT && kind != PLENARY_ANNOTATION_CITATION) ||
          !place_anchor (plan, anchor, editor, editor_length, &start, &end))
        continue;

      if (kind == PLENARY_ANNOTATION_CITATION)
        {
          event.kind = EVENT_NOTE;
          locate (plan, end, &event.line, &event.offset);
          /* The note text waits for the numbering in reading order. */
          g_ptr_array_add (plan->notes, citation_text (plan, annotation));
          event.index = plan->notes->len - 1;
          g_array_append_val (plan->events, event);
          continue;
        }

      event.kind = EVENT_COMMENT_START;
      event.index = plan->threads->len;
      locate (plan, start, &event.line, &event.offset);
      g_array_append_val (plan->events, event);
      event.kind = EVENT_COMMENT_END;
      locate (plan, end, &event.line, &event.offset);
      g_array_append_val (plan->events, event);
      g_ptr_array_add (plan->threads, g_object_ref (annotation));
    }

  g_array_sort (plan->events, compare_events);

  /* Word comment ids: each thread's comment, then its replies. */
  plan->first_id = g_new0 (guint, plan->threads->len + 1);
  for (guint i = 0, id = 0; i < plan->threads->len; i++)
    {
      plan->first_id[i] = id;
      id += 1 + plenary_annotation_get_replies (g_ptr_array_index (plan->threads, i))->len;
    }

  /* Notes are numbered in reading order. */
  {
    g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < plan->events->len; i++)
      {
        Event *event = &g_array_index (plan->events, Event, i);

        if (event->kind != EVENT_NOTE)
          continue;
        g_ptr_array_add (ordered, g_steal_pointer (&plan->notes->pdata[event->index]));
        event->index = ordered->len - 1;
      }
    g_ptr_array_unref (plan->notes);
    plan->notes = g_steal_pointer (&ordered);
  }
}

static void
plan_clear (Plan *plan)
{
  g_free (plan->first_id);
  g_array_unref (plan->lines);
  g_array_unref (plan->events);
  g_ptr_array_unref (plan->threads);
  g_ptr_array_unref (plan->notes);
}

/* Heading block ----------------------------------------------------------------- */

typedef enum
{
  HEAD_MASTHEAD,       /* "United Nations" <tab> symbol */
  HEAD_BODY,           /* body, beside the details */
  HEAD_DETAILS,        /* distribution, date, original */
  HEAD_SESSION,
  HEAD_SPONSOR,
  HEAD_TYPE,           /* "Draft resolution" */
  HEAD_TITLE,
} HeadKind;

typedef struct
{
  HeadKind  kind;
  char     *text;
  char     *side;      /* HEAD_MASTHEAD: the symbol */
} HeadLine;

static const char * const head_styles[][2] = {
  [HEAD_MASTHEAD] = { "Masthead", "Masthead" },
  [HEAD_BODY]     = { "MastheadBody", "Masthead Body" },
  [HEAD_DETAILS]  = { "MastheadDetails", "Masthead Details" },
  [HEAD_SESSION]  = { "SessionLine", "Session Line" },
  [HEAD_SPONSOR]  = { "SponsorLine", "Sponsor Line" },
  [HEAD_TYPE]     = { "DocumentType", "Document Type" },
  [HEAD_TITLE]    = { "DocumentTitle", "Document Title" },
};

static void
head_line_clear (gpointer data)
{
  HeadLine *line = data;

  g_free (line->text);
  g_free (line->side);
}

static void
add_head (GArray     *head,
          HeadKind    kind,
          const char *text,
          const char *side)
{
  HeadLine line = { kind, g_strdup (text), g_strdup (side) };

  if (text == NULL || (text[0] == '\0' && side == NULL))
    {
      head_line_clear (&line);
      return;
    }
  g_array_append_val (head, line);
}

static void
add_label_row (GArray       *head,
               const Labels *labels,
               const char   *label,
               const char   *value)
{
  g_autofree char *row = NULL;

  if (value == NULL || value[0] == '\0')
    return;
  row = g_strdup_printf ("%s%s %s", label, labels->colon, value);
  add_head (head, HEAD_SPONSOR, row, NULL);
}

static char *
join_names (const char * const *names,
            const char         *separator)
{
  return names != NULL && names[0] != NULL ? g_strjoinv (separator, (char **) names) : g_strdup ("");
}

static char *
format_date (const Labels *labels,
             const char   *date)
{
  guint year, month, day;
  char tail;

  if (sscanf (date, "%4u-%2u-%2u%c", &year, &month, &day, &tail) == 3 &&
      month >= 1 && month <= 12 && day >= 1 && day <= 31)
    return g_strdup_printf ("%u %s %u", day, labels->months[month - 1], year);
  return g_strdup (date);
}

/* The lines of the heading block, as the PDF has them. */
static GArray *
build_head (Plan *plan)
{
  PlenaryMetadata *metadata = plenary_draft_get_metadata (plan->draft);
  const Labels *labels = plan->labels;
  GArray *head = g_array_new (FALSE, TRUE, sizeof (HeadLine));
  const char *symbol = plenary_metadata_get_string (metadata, "symbol");
  const char *question = plenary_metadata_get_string (metadata, "question");
  g_autofree char *co_sponsors = join_names (plenary_metadata_get_co_sponsors (metadata), ", ");
  g_autofree char *signatories = join_names (plenary_metadata_get_signatories (metadata), ", ");

  g_array_set_clear_func (head, head_line_clear);

  if (plan->brief)
    {
      add_label_row (head, labels, labels->delegation, plenary_metadata_get_string (metadata, "submitted-by"));
      add_label_row (head, labels, labels->committee, plenary_metadata_get_string (metadata, "forum"));
      add_head (head, HEAD_TITLE, question, NULL);
    }
  else if (symbol[0] != '\0')
    {
      const char *body = plenary_metadata_get_string (metadata, "body");
      const char *distribution = plenary_metadata_get_string (metadata, "distribution");
      const char *agenda = plenary_metadata_get_string (metadata, "agenda-item");
      g_autofree char *date = format_date (labels, plenary_metadata_get_string (metadata, "date"));
      g_autofree char *original = g_strdup_printf (labels->original, labels->language_name);
      g_autofree char *item = g_ascii_isdigit (agenda[0]) ? g_strdup_printf (labels->agenda_item, agenda)
                                                         : g_strdup (agenda);

      if (body[0] == '\0')
        body = plenary_metadata_get_string (metadata, "forum");
      if (distribution[0] == '\0' || g_ascii_strncasecmp (distribution, "limit", 5) == 0)
        distribution = labels->distr_limited;
      else if (g_ascii_strncasecmp (distribution, "general", 7) == 0 || g_str_has_prefix (distribution, "génér"))
        distribution = labels->distr_general;

      add_head (head, HEAD_MASTHEAD, labels->united_nations, symbol);
      add_head (head, HEAD_BODY, body, NULL);
      add_head (head, HEAD_DETAILS, distribution, NULL);
      add_head (head, HEAD_DETAILS, date, NULL);
      add_head (head, HEAD_DETAILS, original, NULL);
      add_head (head, HEAD_SESSION, plenary_metadata_get_string (metadata, "session"), NULL);
      add_head (head, HEAD_SESSION, item, NULL);
      add_label_row (head, labels, labels->submitted_by, plenary_metadata_get_string (metadata, "submitted-by"));
      add_label_row (head, labels, labels->co_sponsors, co_sponsors);
      add_head (head, HEAD_TYPE, labels->draft_resolution, NULL);
      add_head (head, HEAD_TITLE, question, NULL);
    }
  else
    {
      add_head (head, HEAD_TYPE, labels->draft_resolution, NULL);
      add_label_row (head, labels, labels->committee, plenary_metadata_get_string (metadata, "forum"));
      add_label_row (head, labels, labels->question, question);
      add_label_row (head, labels, labels->submitted_by, plenary_metadata_get_string (metadata, "submitted-by"));
      add_label_row (head, labels, labels->co_sponsors, co_sponsors);
      add_label_row (head, labels, labels->signatories, signatories);
    }
  return head;
}

/* The document title and subject of the properties. */
static const char *
document_title (Plan *plan)
{
  const char *question = plenary_metadata_get_string (plenary_draft_get_metadata (plan->draft), "question");

  return question[0] != '\0' ? question : plan->labels->draft_resolution;
}

static char *
iso_date (const char *date)
{
  /* Word wants no fraction of a second. */
  g_autofree char *copy = g_strdup (date != NULL && date[0] != '\0' ? date : "");
  char *dot;

  if (copy[0] == '\0')
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
    }
  if ((dot = strchr (copy, '.')) != NULL)
    {
      const char *zone = dot + 1 + strspn (dot + 1, "0123456789");
      memmove (dot, zone, strlen (zone) + 1);
    }
  if (strchr (copy, 'Z') == NULL && strchr (copy + MIN (strlen (copy), 10), '+') == NULL &&
      strlen (copy) == 19)
    return g_strconcat (copy, "Z", NULL);
  return g_steal_pointer (&copy);
}

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

/* XML helpers -------------------------------------------------------------------- */

static void
el (xmlTextWriterPtr w,
    const char      *name)
{
  xmlTextWriterStartElement (w, BAD_CAST name);
}

static void
end (xmlTextWriterPtr w)
{
  xmlTextWriterEndElement (w);
}

static void
at (xmlTextWriterPtr w,
    const char      *name,
    const char      *value)
{
  xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST value);
}

/* <NAME w:val="VALUE"/> */
static void
val (xmlTextWriterPtr w,
     const char      *name,
     const char      *value)
{
  el (w, name);
  if (value != NULL)
    at (w, "w:val", value);
  end (w);
}

static void
val_int (xmlTextWriterPtr w,
         const char      *name,
         int              value)
{
  char buffer[16];

  g_snprintf (buffer, sizeof buffer, "%d", value);
  val (w, name, buffer);
}

static void
text_el (xmlTextWriterPtr w,
         const char      *name,
         const char      *text)
{
  el (w, name);
  xmlTextWriterWriteString (w, BAD_CAST text);
  end (w);
}

/* Control characters cannot be written in XML 1.0. */
static char *
xml_safe (const char *text,
          gssize      len)
{
  GString *out = g_string_sized_new (len > 0 ? len : 16);
  const char *stop = len >= 0 ? text + len : NULL;

  for (const char *p = text; *p != '\0' && (stop == NULL || p < stop); p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 && c != '\t' && c != '\n')
        continue;
      if (c == 0xFFFE || c == 0xFFFF)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* .docx -------------------------------------------------------------------------- */

static void
docx_text_run (xmlTextWriterPtr  w,
               const char       *text,
               gssize            len,
               const char       *char_style)
{
  g_autofree char *safe = xml_safe (text, len);
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
      el (w, "w:t");
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
docx_events (xmlTextWriterPtr  w,
             Plan             *plan,
             guint            *next,
             guint             line_index,
             gint64            offset)
{
  while (*next < plan->events->len)
    {
      Event *event = &g_array_index (plan->events, Event, *next);
      char id[16];

      if (event->line != line_index || event->offset > offset)
        break;
      (*next)++;

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
          continue;
        }

      {
        PlenaryAnnotation *annotation = g_ptr_array_index (plan->threads, event->index);
        guint n = 1 + plenary_annotation_get_replies (annotation)->len;

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
    }
}

static void
docx_paragraph_text (xmlTextWriterPtr  w,
                     Plan             *plan,
                     guint             line_index,
                     guint            *next)
{
  Line *line = &g_array_index (plan->lines, Line, line_index);
  const char *p = line->full;
  gint64 length = g_utf8_strlen (line->full, -1);
  gint64 pos = 0;

  for (;;)
    {
      gint64 stop = length;
      const char *q;

      docx_events (w, plan, next, line_index, pos);
      if (*next < plan->events->len &&
          g_array_index (plan->events, Event, *next).line == line_index)
        stop = MIN (stop, g_array_index (plan->events, Event, *next).offset);
      if (pos < line->phrase_end)
        stop = MIN (stop, line->phrase_end);
      if (stop <= pos && pos >= length)
        break;
      q = g_utf8_offset_to_pointer (p, stop - pos);
      docx_text_run (w, p, q - p, pos < line->phrase_end ? "OpeningPhrase" : NULL);
      p = q;
      pos = stop;
    }
  docx_events (w, plan, next, line_index, G_MAXINT64);
}

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
  end (w);
}

static void
docx_simple_paragraph (xmlTextWriterPtr  w,
                       const char       *style,
                       const char       *text)
{
  docx_paragraph_start (w, style, 0, 0);
  docx_text_run (w, text, -1, NULL);
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
          docx_paragraph_start (w, head_styles[HEAD_MASTHEAD][0], 0, 0);
          docx_text_run (w, line->text, -1, NULL);
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
          docx_simple_paragraph (w, head_styles[HEAD_BODY][0], line->text);
          end (w);
          el (w, "w:tc");
          el (w, "w:tcPr");
          el (w, "w:tcW");
          at (w, "w:w", "3402");
          at (w, "w:type", "dxa");
          end (w);
          end (w);
          for (i++; i < head->len && g_array_index (head, HeadLine, i).kind == HEAD_DETAILS; i++)
            docx_simple_paragraph (w, head_styles[HEAD_DETAILS][0], g_array_index (head, HeadLine, i).text);
          end (w);
          end (w);
          end (w);
        }
      else
        {
          docx_simple_paragraph (w, head_styles[line->kind][0], line->text);
          i++;
        }
    }
}

static const char *
docx_style_of (Line *line,
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
  g_autoptr(GArray) head = build_head (plan);
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
      const char *style = docx_style_of (line, &num_id, &ilvl);

      docx_paragraph_start (w, style, num_id, ilvl);
      docx_paragraph_text (w, plan, i, &next);
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

typedef struct
{
  const char *id;
  const char *name;
  const char *type;        /* "paragraph" or "character" */
  const char *based_on;
  const char *justify;     /* "both", "center", "right" */
  int         first_line;  /* twips, <0 hanging */
  int         left;
  int         size;        /* half-points, 0 inherit */
  gboolean    bold;
  gboolean    italic;
  gboolean    keep_next;
  int         num_id;
  int         ilvl;
  int         outline;     /* -1 none */
  int         space_before;
  int         space_after;  /* -1 inherit */
  gboolean    superscript;
  gboolean    right_tab;
} StyleDef;

static const StyleDef docx_styles[] = {
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

  for (guint i = 0; i < G_N_ELEMENTS (docx_styles); i++)
    {
      const StyleDef *s = &docx_styles[i];
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
      el (w, "w:r");
      el (w, "w:rPr");
      val (w, "w:rStyle", "FootnoteReference");
      end (w);
      el (w, "w:footnoteRef");
      end (w);
      end (w);
      docx_text_run (w, " ", -1, NULL);
      docx_text_run (w, g_ptr_array_index (plan->notes, i), -1, NULL);
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
  g_autofree char *iso = iso_date (date);
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
      docx_text_run (w, paragraphs[i], -1, NULL);
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

/* The header fields in the document properties, each under its own name,
 * so that the import gets them back exactly. */
static GPtrArray *
property_list (PlenaryDraft *draft)
{
  PlenaryMetadata *metadata = plenary_draft_get_metadata (draft);
  const char * const *fields = plenary_metadata_list_string_fields ();
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

#define ADD(name, value) G_STMT_START { \
    g_ptr_array_add (list, plenary_office_property_name (name)); \
    g_ptr_array_add (list, (value)); \
  } G_STMT_END

  ADD ("kind", g_strdup (plenary_draft_kind_to_string (plenary_draft_get_kind (draft))));
  ADD ("language", g_strdup (plenary_draft_get_language (draft)));
  for (guint i = 0; fields[i] != NULL; i++)
    if (plenary_metadata_get_string (metadata, fields[i])[0] != '\0')
      ADD (fields[i], g_strdup (plenary_metadata_get_string (metadata, fields[i])));
  if (plenary_metadata_get_co_sponsors (metadata) != NULL && plenary_metadata_get_co_sponsors (metadata)[0] != NULL)
    ADD ("co-sponsors", join_names (plenary_metadata_get_co_sponsors (metadata), "; "));
  if (plenary_metadata_get_signatories (metadata) != NULL && plenary_metadata_get_signatories (metadata)[0] != NULL)
    ADD ("signatories", join_names (plenary_metadata_get_signatories (metadata), "; "));
  if (plenary_metadata_get_page_limit (metadata) > 0)
    ADD ("page-limit", g_strdup_printf ("%u", plenary_metadata_get_page_limit (metadata)));
#undef ADD
  return list;
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
  g_autofree char *now = iso_date (NULL);

  el (w, "cp:coreProperties");
  at (w, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  at (w, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  at (w, "xmlns:dcterms", "http://purl.org/dc/terms/");
  at (w, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  text_el (w, "dc:title", document_title (plan));
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
  g_autoptr(GPtrArray) properties = property_list (plan->draft);

  el (w, "Properties");
  at (w, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties");
  at (w, "xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
  for (guint i = 0; i + 1 < properties->len; i += 2)
    {
      char pid[16];
      g_autofree char *value = xml_safe (g_ptr_array_index (properties, i + 1), -1);

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

typedef void (*PartFunc) (xmlTextWriterPtr w, Plan *plan);

typedef struct
{
  const char *path;
  PartFunc    write;
  gboolean    with_comments;  /* only when the draft has comments */
} Part;

static GBytes *
write_parts (Plan         *plan,
             const Part   *parts,
             guint         n_parts,
             const char   *mimetype,
             GError      **error)
{
  g_autoptr(PlenaryOfficeWriter) writer = plenary_office_writer_new ();

  /* ODF's first entry, uncompressed, so that the type is found at a fixed offset. */
  if (mimetype != NULL &&
      !plenary_office_writer_add (writer, "mimetype", mimetype, strlen (mimetype), TRUE, error))
    return NULL;

  for (guint i = 0; i < n_parts; i++)
    {
      xmlBufferPtr buffer;
      xmlTextWriterPtr w;

      if (parts[i].with_comments && plan->threads->len == 0)
        continue;
      w = plenary_office_xml_writer_new (&buffer);
      parts[i].write (w, plan);
      if (!plenary_office_writer_add_xml (writer, parts[i].path, w, buffer, error))
        return NULL;
    }

  return plenary_office_writer_finish (writer, error);
}

static GBytes *
export_docx (Plan    *plan,
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

  return write_parts (plan, parts, G_N_ELEMENTS (parts), NULL, error);
}

/* .odt ---------------------------------------------------------------------------- */

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
          const char       *text,
          gssize            len,
          gboolean          phrase)
{
  g_autofree char *safe = xml_safe (text, len);

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
      g_autofree char *safe = xml_safe (paragraphs[i], -1);
      text_el (w, "text:p", safe);
    }
  end (w);
}

static void
odt_events (xmlTextWriterPtr  w,
            Plan             *plan,
            guint            *next,
            guint             line_index,
            gint64            offset)
{
  while (*next < plan->events->len)
    {
      Event *event = &g_array_index (plan->events, Event, *next);
      char name[32];

      if (event->line != line_index || event->offset > offset)
        break;
      (*next)++;

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
          odt_span (w, g_ptr_array_index (plan->notes, event->index), -1, FALSE);
          end (w);
          end (w);
          end (w);
          continue;
        }

      {
        PlenaryAnnotation *annotation = g_ptr_array_index (plan->threads, event->index);
        GPtrArray *replies = plenary_annotation_get_replies (annotation);
        gboolean resolved = plenary_annotation_get_resolved (annotation);
        char root[32];

        /* The thread, then each reply, on the same words. */
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
    }
}

static void
odt_paragraph (xmlTextWriterPtr  w,
               Plan             *plan,
               guint             line_index,
               guint            *next,
               const char       *style)
{
  Line *line = &g_array_index (plan->lines, Line, line_index);
  gboolean heading = line->paragraph != NULL && line->paragraph->role == PLENARY_ROLE_HEADING;
  const char *p = line->full;
  gint64 length = g_utf8_strlen (line->full, -1);
  gint64 pos = 0;

  el (w, heading ? "text:h" : "text:p");
  at (w, "text:style-name", style);
  if (heading)
    at (w, "text:outline-level", "1");
  for (;;)
    {
      gint64 stop = length;
      const char *q;

      odt_events (w, plan, next, line_index, pos);
      if (*next < plan->events->len && g_array_index (plan->events, Event, *next).line == line_index)
        stop = MIN (stop, g_array_index (plan->events, Event, *next).offset);
      if (pos < line->phrase_end)
        stop = MIN (stop, line->phrase_end);
      if (stop <= pos && pos >= length)
        break;
      q = g_utf8_offset_to_pointer (p, stop - pos);
      odt_span (w, p, q - p, pos < line->phrase_end);
      p = q;
      pos = stop;
    }
  odt_events (w, plan, next, line_index, G_MAXINT64);
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

  for (guint i = 0; i < G_N_ELEMENTS (docx_styles); i++)
    {
      const StyleDef *s = &docx_styles[i];
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
  const char *id = docx_style_of (line, &num_id, &ilvl);

  for (guint i = 0; i < G_N_ELEMENTS (docx_styles); i++)
    if (strcmp (docx_styles[i].id, id) == 0)
      return strcmp (id, "Heading1") == 0 ? "Heading 1" : docx_styles[i].name;
  return "Standard";
}

static void
odt_content_part (xmlTextWriterPtr  w,
                  Plan             *plan)
{
  g_autoptr(GArray) head = build_head (plan);
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
      g_autofree char *style = odf_name (head_styles[line->kind][1]);

      el (w, "text:p");
      at (w, "text:style-name", style);
      odt_span (w, line->text, -1, FALSE);
      if (line->side != NULL)
        {
          g_autofree char *safe = xml_safe (line->side, -1);

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
  g_autoptr(GPtrArray) properties = property_list (plan->draft);
  const char *creator = plenary_metadata_get_string (metadata, "submitted-by");
  const char *forum = plenary_metadata_get_string (metadata, "forum");

  el (w, "office:document-meta");
  ODF_NAMESPACES (w);
  el (w, "office:meta");
  text_el (w, "meta:generator", "Plenary");
  text_el (w, "dc:title", document_title (plan));
  if (forum[0] != '\0')
    text_el (w, "dc:subject", forum);
  if (creator[0] != '\0')
    text_el (w, "meta:initial-creator", creator);
  text_el (w, "dc:language", plan->labels->tag);
  for (guint i = 0; i + 1 < properties->len; i += 2)
    {
      g_autofree char *value = xml_safe (g_ptr_array_index (properties, i + 1), -1);

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

static GBytes *
export_odt (Plan    *plan,
            GError **error)
{
  static const Part parts[] = {
    { "content.xml", odt_content_part },
    { "styles.xml", odt_styles_part },
    { "meta.xml", odt_meta_part },
    { "META-INF/manifest.xml", odt_manifest_part },
  };

  return write_parts (plan, parts, G_N_ELEMENTS (parts), ODT_MIME_TYPE, error);
}

GBytes *
plenary_office_export_bytes (PlenaryDraft         *draft,
                             PlenaryOfficeFormat   format,
                             GError              **error)
{
  GBytes *bytes;
  Plan plan;

  g_return_val_if_fail (PLENARY_IS_DRAFT (draft), NULL);

  plan_init (&plan, draft);
  bytes = format == PLENARY_OFFICE_FORMAT_ODT ? export_odt (&plan, error) : export_docx (&plan, error);
  plan_clear (&plan);
  return bytes;
}

gboolean
plenary_office_export (PlenaryDraft         *draft,
                       GFile                *file,
                       PlenaryOfficeFormat   format,
                       GError              **error)
{
  g_autoptr(GBytes) bytes = plenary_office_export_bytes (draft, format, error);

  return bytes != NULL && plenary_file_replace_atomic (file, bytes, NULL, NULL, error);
}
