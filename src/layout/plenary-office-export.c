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

#include "plenary-clause-printer.h"
#include "plenary-draft-file.h"
#include "plenary-clause-parser.h"
#include "plenary-office-export-private.h"
#include "plenary-phrase-dictionary.h"

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
  Line *line = data;

  g_free (line->full);
  g_clear_pointer (&line->marks, g_array_unref);
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
  GString *text = g_string_new (NULL);

  /* Title, symbol, date and page, as the PDF's footnotes give them. */
  if (source != NULL)
    {
      g_autofree char *reference = plenary_source_dup_reference (source, plenary_draft_get_language (plan->draft),
                                                                 plenary_source_get_page_at (source, source_anchor->start),
                                                                 labels->unknown_source);

      g_string_append (text, reference);
    }
  else
    g_string_append (text, labels->unknown_source);
  if (plenary_annotation_get_show_quote (annotation) &&
      source_anchor != NULL && source_anchor->exact != NULL && source_anchor->exact[0] != '\0')
    g_string_append_printf (text, "%s %s%s%s", labels->colon, labels->quote_open,
                            source_anchor->exact, labels->quote_close);
  g_string_append_c (text, '.');
  return g_string_free (text, FALSE);
}

/* The annex after the text: its heading and its paragraphs, as lines of
 * their own that no anchor of the editor text reaches. */
static void
plan_add_annex (Plan        *plan,
                PlenaryBody *body)
{
  if (body->annex_heading == NULL)
    return;
  g_ptr_array_add (plan->annex, plenary_paragraph_new (PLENARY_ROLE_HEADING, NULL, body->annex_heading));
  for (guint i = 0; i < body->annex->len; i++)
    g_ptr_array_add (plan->annex, plenary_paragraph_new (PLENARY_ROLE_PARAGRAPH, NULL, g_ptr_array_index (body->annex, i)));
  for (guint i = 0; i < plan->annex->len; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (plan->annex, i);
      Line line = { paragraph, 0, g_strdup (paragraph->text), 0, G_MAXINT64, 0 };

      g_array_append_val (plan->lines, line);
    }
}

/* The calls "[^ID]" of the draft's notes leave the text and become notes at
 * their place; a note without a call goes at the end of the last line. */
static void
plan_add_notes (Plan        *plan,
                PlenaryBody *body)
{
  g_autoptr(GHashTable) called = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < plan->lines->len; i++)
    {
      Line *line = &g_array_index (plan->lines, Line, i);
      gsize from = 0;
      const char *call;

      while ((call = strstr (line->full + from, "[^")) != NULL)
        {
          const char *close = strchr (call + 2, ']');
          g_autofree char *id = close != NULL ? g_strndup (call + 2, close - call - 2) : NULL;
          PlenaryNote *note = id != NULL ? plenary_body_find_note (body, id) : NULL;
          gint64 at = g_utf8_pointer_to_offset (line->full, call);
          gint64 length;
          Event event;

          from = call + 2 - line->full;
          if (note == NULL || g_hash_table_contains (called, note))
            continue;
          from = call - line->full;
          length = g_utf8_strlen (call, close + 1 - call);
          memmove ((char *) call, close + 1, strlen (close + 1) + 1);
          for (guint e = 0; e < plan->events->len; e++)
            {
              Event *other = &g_array_index (plan->events, Event, e);

              if (other->line == i && other->offset > at)
                other->offset = MAX (at, other->offset - length);
            }
          if (line->phrase_end > at)
            line->phrase_end = MAX (at, line->phrase_end - length);
          event.kind = EVENT_NOTE;
          event.line = i;
          event.offset = at;
          g_ptr_array_add (plan->notes, g_strdup (note->text));
          event.index = plan->notes->len - 1;
          g_array_append_val (plan->events, event);
          g_hash_table_add (called, note);
        }
    }

  for (guint n = 0; n < body->notes->len && plan->lines->len > 0; n++)
    {
      PlenaryNote *note = g_ptr_array_index (body->notes, n);
      Event event = { plan->lines->len - 1, G_MAXINT64 / 2, EVENT_NOTE, 0 };

      if (g_hash_table_contains (called, note))
        continue;
      g_ptr_array_add (plan->notes, g_strdup (note->text));
      event.index = plan->notes->len - 1;
      g_array_append_val (plan->events, event);
    }
}

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const Mark *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

/* The role a proposed paragraph takes, as the parser reads it alone. */
static PlenaryParagraph *
proposed_paragraph (Plan            *plan,
                    PlenaryProposal *proposal)
{
  const char *language = plenary_draft_get_language (plan->draft);
  g_autoptr(PlenaryBody) body = plenary_clause_parser_parse (plenary_phrase_dictionary_get_default (language),
                                                             plenary_proposal_get_text (proposal), -1,
                                                             plenary_draft_get_kind (plan->draft), NULL);
  PlenaryParagraph *paragraph;

  if (body->paragraphs->len > 0)
    paragraph = plenary_paragraph_copy (g_ptr_array_index (body->paragraphs, 0));
  else
    paragraph = plenary_paragraph_new (PLENARY_ROLE_PARAGRAPH, NULL, plenary_proposal_get_text (proposal));
  if (plenary_proposal_get_level (proposal) > 0)
    paragraph->role = plan->brief ? PLENARY_ROLE_BULLET : PLENARY_ROLE_SUBPARAGRAPH;
  g_ptr_array_add (plan->added, paragraph);

  return paragraph;
}

/* The draft's proposals as Word's tracked changes, by their delegation:
 * words changed in a line, lines deleted, lines added (placed after the
 * line they follow, the events of the lines below moving down). Competing
 * proposals on the same words cannot all be tracked changes: the first
 * made is. */
static void
plan_add_proposals (Plan *plan)
{
  GListModel *proposals = plenary_draft_get_proposals (plan->draft);
  guint n = g_list_model_get_n_items (proposals);
  g_autoptr(GHashTable) lines_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  guint text_lines = plan->lines->len - (plan->annex->len > 0 ? plan->annex->len + 1 : 0);

  for (guint i = 0; i < text_lines; i++)
    {
      Line *line = &g_array_index (plan->lines, Line, i);

      if (line->paragraph != NULL && line->paragraph->id != NULL)
        g_hash_table_insert (lines_by_id, line->paragraph->id, GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenaryProposal) proposal = g_list_model_get_item (proposals, i);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (lines_by_id, plenary_proposal_get_paragraph (proposal)));
      Line *line = index > 0 ? &g_array_index (plan->lines, Line, index - 1) : NULL;
      Mark mark = { 0, 0, proposal };
      gboolean free = TRUE;

      if (line == NULL)
        continue;
      switch (plenary_proposal_get_kind (proposal))
        {
        case PLENARY_PROPOSAL_DELETE_PARAGRAPH:
          /* Its sub-paragraphs go with it, as when it is accepted. */
          for (guint k = index - 1; k < text_lines; k++)
            {
              Line *under = &g_array_index (plan->lines, Line, k);

              if (k > index - 1 && under->level <= line->level)
                break;
              if (under->deleted_by == NULL && under->marks == NULL)
                under->deleted_by = proposal;
            }
          break;

        case PLENARY_PROPOSAL_TEXT:
          if (line->deleted_by != NULL ||
              !plenary_proposal_locate (proposal, line->full, &mark.start, &mark.end))
            break;
          if (line->marks == NULL)
            line->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
          for (guint k = 0; k < line->marks->len && free; k++)
            {
              Mark *other = &g_array_index (line->marks, Mark, k);

              free = mark.start == mark.end || other->start == other->end
                     ? mark.start != other->start && (mark.start <= other->start || mark.start >= other->end) &&
                       (other->start <= mark.start || other->start >= mark.end)
                     : mark.end <= other->start || mark.start >= other->end;
            }
          if (free)
            {
              g_array_append_val (line->marks, mark);
              g_array_sort (line->marks, compare_marks);
            }
          break;

        case PLENARY_PROPOSAL_ADD_PARAGRAPH:
        default:
          break;
        }
    }

  /* New lines, from the last so that the indexes above stay right. */
  for (guint i = n; i-- > 0;)
    {
      g_autoptr(PlenaryProposal) proposal = g_list_model_get_item (proposals, i);
      const char *after = plenary_proposal_get_paragraph (proposal);
      guint at;
      Line line = { 0 };

      if (plenary_proposal_get_kind (proposal) != PLENARY_PROPOSAL_ADD_PARAGRAPH)
        continue;
      if (after[0] == '\0')
        at = plan->brief || g_array_index (plan->lines, Line, 0).paragraph != NULL ? 0 : 1;
      else if ((at = GPOINTER_TO_UINT (g_hash_table_lookup (lines_by_id, after))) == 0)
        continue;
      at = MIN (at, plan->lines->len);

      line.paragraph = proposed_paragraph (plan, proposal);
      line.level = plenary_proposal_get_level (proposal);
      line.full = g_strdup (plenary_proposal_get_text (proposal));
      line.phrase_end = line.paragraph->phrase != NULL ? g_utf8_strlen (line.paragraph->phrase, -1) : 0;
      line.added_by = proposal;
      g_array_insert_val (plan->lines, at, line);
      for (guint k = 0; k < plan->events->len; k++)
        {
          Event *event = &g_array_index (plan->events, Event, k);

          if (event->line >= at)
            event->line++;
        }
    }

  /* A line one delegation deletes and adds again, the same, is moved. */
  for (guint i = 0, moves = 0; i < plan->lines->len; i++)
    {
      Line *added = &g_array_index (plan->lines, Line, i);

      if (added->added_by == NULL)
        continue;
      for (guint k = 0; k < plan->lines->len; k++)
        {
          Line *deleted = &g_array_index (plan->lines, Line, k);

          if (deleted->deleted_by != NULL && deleted->move == 0 &&
              g_strcmp0 (plenary_proposal_get_delegation (deleted->deleted_by),
                         plenary_proposal_get_delegation (added->added_by)) == 0 &&
              g_strcmp0 (deleted->full, added->full) == 0)
            {
              added->move = deleted->move = ++moves;
              break;
            }
        }
    }
}

static void
plan_init (Plan         *plan,
           PlenaryDraft *draft,
           gboolean      tracked)
{
  PlenaryBody *body = plenary_draft_get_body (draft);
  const char *language = plenary_draft_get_language (draft);
  GListModel *annotations = G_LIST_MODEL (plenary_draft_get_annotations (draft));
  g_autofree char *editor = NULL;
  g_auto(GStrv) split = NULL;
  glong editor_length;
  gint64 offset = 0;
  guint n_split, text_lines;

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
  plan->annex = g_ptr_array_new_with_free_func ((GDestroyNotify) plenary_paragraph_unref);
  plan->added = g_ptr_array_new_with_free_func ((GDestroyNotify) plenary_paragraph_unref);

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
  /* The annex and the notes come after the lines of the text. */
  n_split -= MIN (n_split, body->notes->len + (body->annex_heading != NULL ? 1 + body->annex->len : 0));
  text_lines = plan->lines->len;
  plan_add_annex (plan, body);
  if (n_split != text_lines || text_lines == 0)
    {
      plan_add_notes (plan, body);
      g_array_sort (plan->events, compare_events);
      if (tracked)
        plan_add_proposals (plan);
      return;
    }
  for (guint i = 0; i < text_lines; i++)
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

  plan_add_notes (plan, body);
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

  if (tracked)
    plan_add_proposals (plan);
}

static void
plan_clear (Plan *plan)
{
  g_free (plan->first_id);
  g_array_unref (plan->lines);
  g_array_unref (plan->events);
  g_ptr_array_unref (plan->threads);
  g_ptr_array_unref (plan->notes);
  g_ptr_array_unref (plan->annex);
  g_ptr_array_unref (plan->added);
}

/* The events from *NEXT that sit on LINE_INDEX at or before OFFSET. */
static void
write_events (xmlTextWriterPtr  w,
              Plan             *plan,
              guint             line_index,
              gint64            offset,
              guint            *next,
              const LineWriter *writer)
{
  for (; *next < plan->events->len; (*next)++)
    {
      const Event *event = &g_array_index (plan->events, Event, *next);

      if (event->line != line_index || event->offset > offset)
        break;
      writer->event (w, plan, event);
    }
}

void
office_write_line (xmlTextWriterPtr  w,
                   Plan             *plan,
                   guint             line_index,
                   guint            *next,
                   const LineWriter *writer)
{
  Line *line = &g_array_index (plan->lines, Line, line_index);
  const char *p = line->full;
  gint64 length = g_utf8_strlen (line->full, -1);
  gint64 pos = 0;
  Mark whole = { 0, length, line->deleted_by };
  GArray *marks = writer->change == NULL ? NULL : line->marks;
  guint n_marks = marks != NULL ? marks->len : 0;
  guint mark = 0;
  gboolean deleting = FALSE;

  if (writer->change != NULL && line->deleted_by != NULL)
    {
      marks = NULL;
      n_marks = 1;
    }
#define MARK(i) (marks != NULL ? &g_array_index (marks, Mark, (i)) : &whole)

  /* Runs end at each event, at the end of the phrase and where a tracked
   * change starts or ends. */
  for (;;)
    {
      gint64 stop = length;
      const char *q;

      write_events (w, plan, line_index, pos, next, writer);
      while (mark < n_marks)
        {
          Mark *here = MARK (mark);

          if (deleting)
            {
              if (here->end > pos)
                break;
              writer->change (w, plan, here->proposal, CHANGE_DELETION_END);
              deleting = FALSE;
            }
          else if (here->start > pos)
            break;
          else if (here->end > pos)
            {
              writer->change (w, plan, here->proposal, CHANGE_DELETION_START);
              deleting = TRUE;
              break;
            }
          /* The deleted words, if any, are written: then the new ones. */
          if (plenary_proposal_get_text (here->proposal)[0] != '\0' &&
              plenary_proposal_get_kind (here->proposal) == PLENARY_PROPOSAL_TEXT)
            writer->change (w, plan, here->proposal, CHANGE_INSERTION);
          mark++;
        }
      if (*next < plan->events->len && g_array_index (plan->events, Event, *next).line == line_index)
        stop = MIN (stop, g_array_index (plan->events, Event, *next).offset);
      if (pos < line->phrase_end)
        stop = MIN (stop, line->phrase_end);
      if (mark < n_marks)
        stop = MIN (stop, deleting ? MARK (mark)->end : MARK (mark)->start);
      if (stop <= pos && pos >= length)
        break;
      q = g_utf8_offset_to_pointer (p, stop - pos);
      writer->text (w, plan, p, q - p, pos < line->phrase_end, deleting);
      p = q;
      pos = stop;
    }
#undef MARK
  write_events (w, plan, line_index, G_MAXINT64, next, writer);
}

/* Heading block ----------------------------------------------------------------- */

const char * const office_head_styles[][2] = {
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
GArray *
office_build_head (Plan *plan)
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
const char *
office_document_title (Plan *plan)
{
  const char *question = plenary_metadata_get_string (plenary_draft_get_metadata (plan->draft), "question");

  return question[0] != '\0' ? question : plan->labels->draft_resolution;
}

char *
office_iso_date (const char *date)
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

char *
office_xml_safe (const char *text,
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

/* The header fields in the document properties, each under its own name,
 * so that the import gets them back exactly. */
GPtrArray *
office_property_list (PlenaryDraft *draft)
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

GBytes *
office_write_parts (Plan         *plan,
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

GBytes *
plenary_office_export_bytes (PlenaryDraft         *draft,
                             PlenaryOfficeFormat   format,
                             GError              **error)
{
  GBytes *bytes;
  Plan plan;

  g_return_val_if_fail (PLENARY_IS_DRAFT (draft), NULL);

  /* Only Word's format gets the proposals, as tracked changes. */
  plan_init (&plan, draft, format == PLENARY_OFFICE_FORMAT_DOCX);
  bytes = format == PLENARY_OFFICE_FORMAT_ODT ? office_export_odt (&plan, error) : office_export_docx (&plan, error);
  plan_clear (&plan);
  return bytes;
}

gboolean
plenary_office_export (PlenaryDraft         *draft,
                       GFile                *file,
                       PlenaryOfficeFormat   format,
                       GCancellable         *cancellable,
                       GError              **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !(bytes = plenary_office_export_bytes (draft, format, error)))
    return FALSE;

  return plenary_file_replace_atomic (file, bytes, NULL, cancellable, error);
}
