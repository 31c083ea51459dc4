/* plenary-proposal-marks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-proposal-marks"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "plenary-delegation-colors.h"
#include "plenary-proposal-marks.h"

typedef struct
{
  int start;
  int end;
} Range;

/* One proposal shown in the buffer. */
typedef struct
{
  char                *id;
  char                *delegation;
  GDateTime           *created;
  PlenaryProposalKind  kind;
  /* What collect() last made of it (or what was loaded), NULL before. */
  PlenaryProposal     *proposal;
  GtkTextTag          *deleted;
  GtkTextTag          *inserted;
} Mark;

/* The marks as they were before an edit: undo brings them back. */
typedef struct
{
  Mark   *mark;
  GArray *deleted;
  GArray *inserted;
} MarkState;

typedef struct
{
  guint64    text;   /* the text's fingerprint then */
  GPtrArray *marks;  /* MarkState* */
  /* Of the marks an edit touches only: the others stay as they are. */
  gboolean   partial;
} State;

struct _PlenaryProposalMarks
{
  GObject           parent_instance;

  GtkTextBuffer    *buffer;
  PlenaryLineIndex *index;
  PlenaryDraft     *draft;
  /* Suggesting as this delegation, or NULL. */
  char             *delegation;

  GPtrArray        *marks;      /* Mark*, shown */
  GHashTable       *by_tag;     /* GtkTextTag* -> Mark*, both tags, owns a ref */
  GPtrArray        *unshown;    /* PlenaryProposal* that no longer apply */
  /* Over every proposed word, whoever proposed it: the clean text is the
   * text without it. */
  GtkTextTag       *any_inserted;

  /* The text's fingerprint, kept as it is edited: undo finds the marks
   * of the text it brings back by it. */
  guint64           fingerprint;
  /* Kept only while undo may need it (marks or undo states exist): a
   * draft without proposals pays nothing on opening or typing. */
  gboolean          fingerprint_valid;

  GPtrArray        *undo;       /* State* */
  GPtrArray        *redo;

  guint             depth;      /* of user actions */
  guint             applying;   /* our own edits of the buffer */
  /* The lines whose marks changed since "lines-marked" was last emitted. */
  int               marked_first;
  int               marked_last;
  /* The state the user action under way keeps, marks added as it goes. */
  State            *editing;
  guint             in_history : 1;
  guint             after_redo : 1;
  guint             text_changed : 1;
  guint             changed : 1;
  guint             dark : 1;
};

G_DEFINE_FINAL_TYPE (PlenaryProposalMarks, plenary_proposal_marks, G_TYPE_OBJECT)

enum {
  CHANGED,
  LINES_MARKED,
  REFUSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
mark_clear (gpointer data)
{
  Mark *mark = data;

  g_free (mark->id);
  g_free (mark->delegation);
  g_clear_pointer (&mark->created, g_date_time_unref);
  g_clear_object (&mark->proposal);
  g_clear_object (&mark->deleted);
  g_clear_object (&mark->inserted);
}

static Mark *
mark_ref (Mark *mark)
{
  return g_rc_box_acquire (mark);
}

static void
mark_unref (gpointer mark)
{
  g_rc_box_release_full (mark, mark_clear);
}

static void
state_free (gpointer data)
{
  State *state = data;

  g_ptr_array_unref (state->marks);
  g_free (state);
}

static void
mark_state_free (gpointer data)
{
  MarkState *state = data;

  mark_unref (state->mark);
  g_array_unref (state->deleted);
  g_array_unref (state->inserted);
  g_free (state);
}

/* Buffer helpers ------------------------------------------------------------ */

static void
iter_at (PlenaryProposalMarks *self,
         GtkTextIter          *iter,
         int                   offset)
{
  gtk_text_buffer_get_iter_at_offset (self->buffer, iter, offset);
}

static int
line_start (PlenaryProposalMarks *self,
            guint                 line)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (self->buffer, &iter, line);
  return gtk_text_iter_get_offset (&iter);
}

/* Before the line break. */
static int
line_end (PlenaryProposalMarks *self,
          guint                 line)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (self->buffer, &iter, line);
  if (!gtk_text_iter_ends_line (&iter))
    gtk_text_iter_forward_to_line_end (&iter);
  return gtk_text_iter_get_offset (&iter);
}

/* Past the tabs that give the level: where the paragraph's full text starts. */
static int
content_start (PlenaryProposalMarks *self,
               guint                 line)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (self->buffer, &iter, line);
  while (gtk_text_iter_get_char (&iter) == '\t')
    gtk_text_iter_forward_char (&iter);
  return gtk_text_iter_get_offset (&iter);
}

static int
line_of (PlenaryProposalMarks *self,
         int                   offset)
{
  GtkTextIter iter;

  iter_at (self, &iter, offset);
  return gtk_text_iter_get_line (&iter);
}

/* The ranges of TAG in the buffer, in order. */
static GArray *
tag_ranges (GtkTextBuffer *buffer,
            GtkTextTag    *tag)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (!gtk_text_iter_has_tag (&iter, tag) && !gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    return ranges;

  for (;;)
    {
      Range range = { gtk_text_iter_get_offset (&iter), 0 };

      if (!gtk_text_iter_forward_to_tag_toggle (&iter, tag))
        gtk_text_buffer_get_end_iter (buffer, &iter);
      range.end = gtk_text_iter_get_offset (&iter);
      if (range.end > range.start)
        g_array_append_val (ranges, range);
      if (gtk_text_iter_is_end (&iter) || !gtk_text_iter_forward_to_tag_toggle (&iter, tag))
        break;
    }

  return ranges;
}

static void
tag_range (PlenaryProposalMarks *self,
           GtkTextTag           *tag,
           int                   start,
           int                   end,
           gboolean              apply)
{
  GtkTextIter a, b;

  iter_at (self, &a, start);
  iter_at (self, &b, end);
  if (apply)
    gtk_text_buffer_apply_tag (self->buffer, tag, &a, &b);
  else
    gtk_text_buffer_remove_tag (self->buffer, tag, &a, &b);
}

static void
untag_everywhere (PlenaryProposalMarks *self,
                  GtkTextTag           *tag)
{
  g_autoptr(GArray) ranges = tag_ranges (self->buffer, tag);

  for (guint i = 0; i < ranges->len; i++)
    tag_range (self, tag, g_array_index (ranges, Range, i).start, g_array_index (ranges, Range, i).end, FALSE);
}

static gboolean
is_inserted (PlenaryProposalMarks *self,
             const GtkTextIter    *iter)
{
  return gtk_text_iter_has_tag (iter, self->any_inserted);
}

/* The end of the run of proposed (or of clean) characters at ITER, at most
 * LIMIT. */
static int
run_end (PlenaryProposalMarks *self,
         const GtkTextIter    *iter,
         int                   limit)
{
  GtkTextIter end = *iter;

  if (!gtk_text_iter_forward_to_tag_toggle (&end, self->any_inserted))
    gtk_text_buffer_get_end_iter (self->buffer, &end);
  return MIN (gtk_text_iter_get_offset (&end), limit);
}

/* The clean text between FROM and TO. */
static char *
dup_clean_slice (PlenaryProposalMarks *self,
                 int                   from,
                 int                   to)
{
  GString *text = g_string_new (NULL);
  GtkTextIter iter, end;

  iter_at (self, &iter, from);
  while (gtk_text_iter_get_offset (&iter) < to)
    {
      int next = run_end (self, &iter, to);

      iter_at (self, &end, next);
      if (!is_inserted (self, &iter))
        {
          g_autofree char *slice = gtk_text_iter_get_slice (&iter, &end);

          g_string_append (text, slice);
        }
      iter = end;
    }

  return g_string_free (text, FALSE);
}

/* Code points of clean text between FROM and TO. */
static int
clean_length (PlenaryProposalMarks *self,
              int                   from,
              int                   to)
{
  GtkTextIter iter;
  int length = 0;

  iter_at (self, &iter, from);
  while (gtk_text_iter_get_offset (&iter) < to)
    {
      int next = run_end (self, &iter, to);

      if (!is_inserted (self, &iter))
        length += next - gtk_text_iter_get_offset (&iter);
      iter_at (self, &iter, next);
    }

  return length;
}

/* The buffer offset of code point COLUMN of the clean text from FROM (at
 * most LIMIT); past the proposed words there when SKIP_INSERTED. */
static int
clean_to_offset (PlenaryProposalMarks *self,
                 int                   from,
                 int                   limit,
                 int                   column,
                 gboolean              skip_inserted)
{
  GtkTextIter iter;
  int offset = from;

  iter_at (self, &iter, from);
  while (offset < limit)
    {
      int next = run_end (self, &iter, limit);

      if (is_inserted (self, &iter))
        {
          if (column == 0 && !skip_inserted)
            return offset;
        }
      else if (next - offset >= column && !(next - offset == column && skip_inserted))
        return offset + column;
      else
        column -= next - offset;
      offset = next;
      iter_at (self, &iter, offset);
    }

  return limit;
}

static Mark *
mark_for_tag (PlenaryProposalMarks *self,
              GtkTextTag           *tag)
{
  return g_hash_table_lookup (self->by_tag, tag);
}

/* The ADD_PARAGRAPH mark whose inserted words ITER is in, or NULL. */
static Mark *
added_mark_at (PlenaryProposalMarks *self,
               const GtkTextIter    *iter)
{
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);

  for (GSList *l = tags; l != NULL; l = l->next)
    {
      Mark *mark = mark_for_tag (self, l->data);

      if (mark != NULL && mark->kind == PLENARY_PROPOSAL_ADD_PARAGRAPH && mark->inserted == l->data)
        return mark;
    }

  return NULL;
}

/* The mark of the proposed paragraph on LINE: the line break before the
 * line is its, and so is the line's first character, if any. */
static Mark *
added_line_mark (PlenaryProposalMarks *self,
                 guint                 line)
{
  GtkTextIter iter, before;
  Mark *mark;

  if (self->marks->len == 0 || line == 0)
    return NULL;

  gtk_text_buffer_get_iter_at_line (self->buffer, &iter, line);
  before = iter;
  if (!gtk_text_iter_backward_char (&before) || !(mark = added_mark_at (self, &before)))
    return NULL;
  if (!gtk_text_iter_ends_line (&iter) && !gtk_text_iter_has_tag (&iter, mark->inserted))
    return NULL;

  return mark;
}

gboolean
plenary_proposal_marks_is_added_line (PlenaryProposalMarks *self,
                                      guint                 line)
{
  g_return_val_if_fail (PLENARY_IS_PROPOSAL_MARKS (self), FALSE);

  return added_line_mark (self, line) != NULL;
}

gboolean
plenary_proposal_marks_dup_line_form (PlenaryProposalMarks *self,
                                      guint                 line,
                                      gboolean              accepted,
                                      char                **text,
                                      GArray               *map)
{
  GtkTextIter iter, end;
  GString *form;
  gboolean marked = FALSE;

  g_return_val_if_fail (PLENARY_IS_PROPOSAL_MARKS (self), FALSE);
  g_return_val_if_fail (text != NULL && map != NULL, FALSE);

  *text = NULL;
  g_array_set_size (map, 0);
  if (self->marks->len == 0 || line >= (guint) gtk_text_buffer_get_line_count (self->buffer))
    return FALSE;

  gtk_text_buffer_get_iter_at_line (self->buffer, &iter, line);
  end = iter;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);

  form = g_string_new (NULL);
  /* Run by run of the same tags: proposed words, deleted ones, the rest. */
  while (gtk_text_iter_compare (&iter, &end) < 0)
    {
      g_autoptr(GSList) tags = gtk_text_iter_get_tags (&iter);
      GtkTextIter next = iter;
      gboolean inserted = FALSE, deleted = FALSE;

      if (!gtk_text_iter_forward_to_tag_toggle (&next, NULL) || gtk_text_iter_compare (&next, &end) > 0)
        next = end;

      for (GSList *l = tags; l != NULL; l = l->next)
        {
          Mark *mark = mark_for_tag (self, l->data);

          inserted |= l->data == self->any_inserted;
          deleted |= mark != NULL && l->data == mark->deleted;
        }
      marked |= inserted || deleted;

      if (accepted ? !deleted : !inserted)
        {
          g_autofree char *slice = gtk_text_iter_get_slice (&iter, &next);
          guint from = gtk_text_iter_get_line_index (&iter);
          gsize len = strlen (slice);

          g_string_append_len (form, slice, len);
          for (gsize i = 0; i < len; i++)
            {
              guint byte = from + i;

              g_array_append_val (map, byte);
            }
        }
      iter = next;
    }

  if (!marked)
    {
      g_string_free (form, TRUE);
      g_array_set_size (map, 0);
      return FALSE;
    }

  {
    guint past = gtk_text_iter_get_line_index (&end);

    g_array_append_val (map, past);
  }
  /* A proposed paragraph is not in the clean text, a deleted one not in
   * the accepted text (its indentation may be left): no line there. */
  if (form->str[strspn (form->str, "\t ")] == '\0' ||
      (!accepted && plenary_proposal_marks_is_added_line (self, line)))
    {
      g_string_free (form, TRUE);
      return TRUE;
    }
  *text = g_string_free (form, FALSE);

  return TRUE;
}

/* Whether LINE holds a paragraph of the clean text a proposal can be
 * anchored on. */
static gboolean
is_paragraph_line (PlenaryProposalMarks *self,
                   guint                 line)
{
  const PlenaryLineInfo *info;

  if (self->index == NULL || line >= plenary_line_index_get_n_lines (self->index))
    return FALSE;
  info = plenary_line_index_get_info (self->index, line);

  return !info->is_blank && !info->is_opening &&
         plenary_line_index_get_id (self->index, line) != NULL &&
         added_line_mark (self, line) == NULL;
}

/* Edits of our own ------------------------------------------------------------ */

/* Every mark tag over START..END goes. */
static void
untag_range (PlenaryProposalMarks *self,
             int                   start,
             int                   end)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GtkTextIter iter;
  g_autoptr(GSList) tags = NULL;

  if (start >= end)
    return;

  iter_at (self, &iter, start);
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    g_ptr_array_add (found, l->data);
  while (gtk_text_iter_forward_to_tag_toggle (&iter, NULL) && gtk_text_iter_get_offset (&iter) < end)
    {
      g_autoptr(GSList) on = gtk_text_iter_get_toggled_tags (&iter, TRUE);

      for (GSList *l = on; l != NULL; l = l->next)
        g_ptr_array_add (found, l->data);
    }

  for (guint i = 0; i < found->len; i++)
    {
      GtkTextTag *tag = g_ptr_array_index (found, i);

      if (tag == self->any_inserted || mark_for_tag (self, tag) != NULL)
        tag_range (self, tag, start, end, FALSE);
    }
}

static void
delete_range (PlenaryProposalMarks *self,
              int                   start,
              int                   end)
{
  GtkTextIter a, b;

  if (start >= end)
    return;

  iter_at (self, &a, start);
  iter_at (self, &b, end);
  self->applying++;
  gtk_text_buffer_delete (self->buffer, &a, &b);
  self->applying--;
  self->text_changed = TRUE;
}

/* Inserts TEXT at OFFSET as MARK's proposed words; returns where they end. */
static int
insert_marked (PlenaryProposalMarks *self,
               int                   offset,
               const char           *text,
               Mark                 *mark)
{
  GtkTextIter iter;
  int end = offset + (int) g_utf8_strlen (text, -1);

  iter_at (self, &iter, offset);
  self->applying++;
  gtk_text_buffer_insert (self->buffer, &iter, text, -1);
  self->applying--;
  self->text_changed = TRUE;

  /* Whatever it took from its neighbours is not its. */
  untag_range (self, offset, end);
  tag_range (self, mark->inserted, offset, end, TRUE);
  tag_range (self, self->any_inserted, offset, end, TRUE);

  return end;
}

/* Tags START..END with TAG, but not the proposed words there. */
static void
tag_clean (PlenaryProposalMarks *self,
           GtkTextTag           *tag,
           int                   start,
           int                   end)
{
  GtkTextIter iter;

  iter_at (self, &iter, start);
  while (start < end)
    {
      int next = run_end (self, &iter, end);

      if (!is_inserted (self, &iter))
        tag_range (self, tag, start, next, TRUE);
      start = next;
      iter_at (self, &iter, start);
    }
}

/* Deletes the character at OFFSET and inserts it again with its tags: an
 * edit that only changes tags is then a step of the buffer's history. */
static void
touch (PlenaryProposalMarks *self,
       int                   offset)
{
  g_autoptr(GSList) tags = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  iter_at (self, &start, offset);
  if (gtk_text_iter_ends_line (&start) || gtk_text_iter_is_end (&start))
    return;

  end = start;
  gtk_text_iter_forward_char (&end);
  text = gtk_text_iter_get_slice (&start, &end);
  tags = gtk_text_iter_get_tags (&start);

  self->applying++;
  gtk_text_buffer_delete (self->buffer, &start, &end);
  gtk_text_buffer_insert (self->buffer, &start, text, -1);
  self->applying--;

  untag_range (self, offset, offset + 1);
  for (GSList *l = tags; l != NULL; l = l->next)
    tag_range (self, l->data, offset, offset + 1, TRUE);
}

/* In the delegation's colour, the same as in the Proposals panel. */
static void
color_mark (Mark     *mark,
            gboolean  dark)
{
  GdkRGBA color, tint;

  plenary_delegation_color (mark->delegation, dark, &color);
  /* Deleted words are tinted too: GTK 4.8's GL renderer may draw no
   * strike-through (gtk-rs/gtk4-rs#1302, seen here under Xvfb). */
  tint = color;
  tint.alpha = 0.15;
  g_object_set (mark->deleted, "foreground-rgba", &color, "background-rgba", &tint, NULL);
  g_object_set (mark->inserted, "foreground-rgba", &color, "underline-rgba", &color, NULL);
}

static void
on_dark_changed (PlenaryProposalMarks *self,
                 GParamSpec           *pspec,
                 AdwStyleManager      *manager)
{
  GHashTableIter iter;
  gpointer mark;

  self->dark = adw_style_manager_get_dark (manager);
  g_hash_table_iter_init (&iter, self->by_tag);
  while (g_hash_table_iter_next (&iter, NULL, &mark))
    color_mark (mark, self->dark);
}

static Mark *
add_mark (PlenaryProposalMarks *self,
          const char           *id,
          const char           *delegation,
          GDateTime            *created,
          PlenaryProposalKind   kind,
          PlenaryProposal      *proposal)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  Mark *mark = g_rc_box_new0 (Mark);

  mark->id = g_strdup (id);
  mark->delegation = g_strdup (delegation);
  mark->created = g_date_time_ref (created);
  mark->kind = kind;
  g_set_object (&mark->proposal, proposal);

  mark->deleted = g_object_new (GTK_TYPE_TEXT_TAG, "strikethrough", TRUE, NULL);
  mark->inserted = g_object_new (GTK_TYPE_TEXT_TAG, "underline", PANGO_UNDERLINE_SINGLE, NULL);
  color_mark (mark, self->dark);
  gtk_text_tag_table_add (table, mark->deleted);
  gtk_text_tag_table_add (table, mark->inserted);

  g_hash_table_insert (self->by_tag, mark->deleted, mark_ref (mark));
  g_hash_table_insert (self->by_tag, mark->inserted, mark_ref (mark));
  g_ptr_array_add (self->marks, mark);

  return mark;
}

static void keep_mark_state (PlenaryProposalMarks *self,
                             State                *state,
                             Mark                 *mark);

static Mark *
add_own_mark (PlenaryProposalMarks *self,
              PlenaryProposalKind   kind)
{
  g_autofree char *id = plenary_draft_new_proposal_id (self->draft);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  Mark *mark = add_mark (self, id, self->delegation, now, kind, NULL);

  /* Undo takes it away. */
  if (self->editing != NULL)
    keep_mark_state (self, self->editing, mark);
  return mark;
}

/* The mark leaves the text, for good or until undo brings it back. */
static void
drop_mark (PlenaryProposalMarks *self,
           Mark                 *mark)
{
  /* Where its tags are only: over the whole text, GTK walks every line,
   * and the lines would all be read again. */
  untag_everywhere (self, mark->deleted);
  untag_everywhere (self, mark->inserted);
  g_ptr_array_remove (self->marks, mark);
}

/* Undo states --------------------------------------------------------------- */

/* The text's fingerprint is the sum of a hash of each of its runs of
 * GRAM bytes, and its length: an edit changes only the runs around it, so
 * a keystroke updates it in a few steps where hashing a long draft's text
 * took milliseconds. Texts with the same runs in another order (paragraphs
 * swapped) differ at the seams. */
#define GRAM 8

static guint64
sum_grams (const char *text,
           gsize       length)
{
  guint64 sum = length;

  for (gsize i = 0; i + GRAM <= length; i++)
    {
      guint64 h = 0xcbf29ce484222325ull;

      for (guint j = 0; j < GRAM; j++)
        h = (h ^ (guchar) text[i + j]) * 0x100000001b3ull;
      /* A final mix, so that sums of nearby grams do not cancel. */
      h ^= h >> 33;
      h *= 0xff51afd7ed558ccdull;
      h ^= h >> 33;
      sum += h;
    }

  return sum;
}

/* The runs of the text from up to GRAM - 1 characters before FROM to as
 * many after TO, with MIDDLE (the text between them, or none) or not. */
static guint64
sum_around (PlenaryProposalMarks *self,
            const GtkTextIter    *from,
            const GtkTextIter    *to,
            gboolean              middle)
{
  GtkTextIter before = *from, after = *to;
  g_autofree char *left = NULL, *center = NULL, *right = NULL;
  g_autofree char *text = NULL;

  gtk_text_iter_backward_chars (&before, GRAM - 1);
  gtk_text_iter_forward_chars (&after, GRAM - 1);
  left = gtk_text_iter_get_slice (&before, from);
  center = middle ? gtk_text_iter_get_slice (from, to) : g_strdup ("");
  right = gtk_text_iter_get_slice (to, &after);
  text = g_strconcat (left, center, right, NULL);

  /* The length counted once, as the whole text's is. */
  return sum_grams (text, strlen (text)) - strlen (text) + strlen (center);
}

static gboolean has_history (PlenaryProposalMarks *self);

/* The fingerprint, computed from the whole text when it was not kept. */
static guint64
get_fingerprint (PlenaryProposalMarks *self)
{
  if (!self->fingerprint_valid)
    {
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (self->buffer, &start, &end);
      text = gtk_text_iter_get_slice (&start, &end);
      self->fingerprint = sum_grams (text, strlen (text));
      self->fingerprint_valid = TRUE;
    }

  return self->fingerprint;
}

/* Whether an edit must update the fingerprint: it stops being kept once
 * nothing can ask for it. */
static gboolean
keeps_fingerprint (PlenaryProposalMarks *self)
{
  if (!has_history (self))
    self->fingerprint_valid = FALSE;
  return self->fingerprint_valid;
}

static void
on_insert_fingerprint (PlenaryProposalMarks *self,
                       GtkTextIter          *location,
                       const char           *text,
                       int                   length)
{
  GtkTextIter start = *location;

  if (!keeps_fingerprint (self))
    return;
  gtk_text_iter_backward_chars (&start, g_utf8_strlen (text, length));
  self->fingerprint += sum_around (self, &start, location, TRUE) - sum_around (self, &start, location, FALSE);
}

static void
on_delete_fingerprint (PlenaryProposalMarks *self,
                       GtkTextIter          *start,
                       GtkTextIter          *end)
{
  if (keeps_fingerprint (self))
    self->fingerprint += sum_around (self, start, end, FALSE) - sum_around (self, start, end, TRUE);
}

static void
keep_mark_state (PlenaryProposalMarks *self,
                 State                *state,
                 Mark                 *mark)
{
  MarkState *mark_state = g_new0 (MarkState, 1);

  mark_state->mark = mark_ref (mark);
  mark_state->deleted = tag_ranges (self->buffer, mark->deleted);
  mark_state->inserted = tag_ranges (self->buffer, mark->inserted);
  g_ptr_array_add (state->marks, mark_state);
}

static State *
take_state (PlenaryProposalMarks *self)
{
  State *state = g_new0 (State, 1);

  state->text = get_fingerprint (self);
  state->marks = g_ptr_array_new_with_free_func (mark_state_free);
  for (guint i = 0; i < self->marks->len; i++)
    keep_mark_state (self, state, g_ptr_array_index (self->marks, i));

  return state;
}

static gboolean
state_has_mark (State *state,
                Mark  *mark)
{
  for (guint i = 0; i < state->marks->len; i++)
    if (((MarkState *) g_ptr_array_index (state->marks, i))->mark == mark)
      return TRUE;

  return FALSE;
}

/* Keeps in the edit's state the marks on lines FIRST to LAST (and the
 * line break before them) not kept yet: those the edit may change. */
static void
keep_lines (PlenaryProposalMarks *self,
            int                   first,
            int                   last)
{
  GtkTextIter iter;
  int end = line_end (self, last) + 1;
  g_autoptr(GSList) tags = NULL;
  GSList *on;

  iter_at (self, &iter, MAX (line_start (self, first) - 1, 0));
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      Mark *mark = mark_for_tag (self, l->data);

      if (mark != NULL && !state_has_mark (self->editing, mark))
        keep_mark_state (self, self->editing, mark);
    }
  while (gtk_text_iter_forward_to_tag_toggle (&iter, NULL) && gtk_text_iter_get_offset (&iter) < end)
    {
      on = gtk_text_iter_get_toggled_tags (&iter, TRUE);
      for (GSList *l = on; l != NULL; l = l->next)
        {
          Mark *mark = mark_for_tag (self, l->data);

          if (mark != NULL && !state_has_mark (self->editing, mark))
            keep_mark_state (self, self->editing, mark);
        }
      g_slist_free (on);
    }
}

static void
apply_ranges (PlenaryProposalMarks *self,
              GtkTextTag           *tag,
              GArray               *ranges,
              gboolean              inserted)
{
  int length = gtk_text_buffer_get_char_count (self->buffer);

  for (guint i = 0; i < ranges->len; i++)
    {
      Range *range = &g_array_index (ranges, Range, i);
      int start = MIN (range->start, length);
      int end = MIN (range->end, length);

      tag_range (self, tag, start, end, TRUE);
      if (inserted)
        tag_range (self, self->any_inserted, start, end, TRUE);
    }
}

static void
restore_state (PlenaryProposalMarks *self,
               State                *state)
{
  if (state->partial)
    {
      for (guint i = 0; i < state->marks->len; i++)
        {
          MarkState *mark_state = g_ptr_array_index (state->marks, i);
          Mark *mark = mark_state->mark;
          g_autoptr(GArray) inserted = tag_ranges (self->buffer, mark->inserted);

          for (guint j = 0; j < inserted->len; j++)
            tag_range (self, self->any_inserted, g_array_index (inserted, Range, j).start,
                       g_array_index (inserted, Range, j).end, FALSE);
          drop_mark (self, mark);
          g_ptr_array_add (self->marks, mark_ref (mark));
          apply_ranges (self, mark->deleted, mark_state->deleted, FALSE);
          apply_ranges (self, mark->inserted, mark_state->inserted, TRUE);
        }
      return;
    }

  while (self->marks->len > 0)
    drop_mark (self, g_ptr_array_index (self->marks, self->marks->len - 1));
  untag_everywhere (self, self->any_inserted);

  for (guint i = 0; i < state->marks->len; i++)
    {
      MarkState *mark_state = g_ptr_array_index (state->marks, i);

      g_ptr_array_add (self->marks, mark_ref (mark_state->mark));
      apply_ranges (self, mark_state->mark->deleted, mark_state->deleted, FALSE);
      apply_ranges (self, mark_state->mark->inserted, mark_state->inserted, TRUE);
    }
}

void
plenary_proposal_marks_save_state (PlenaryProposalMarks *self)
{
  g_return_if_fail (PLENARY_IS_PROPOSAL_MARKS (self));

  g_ptr_array_add (self->undo, take_state (self));
  g_ptr_array_set_size (self->redo, 0);
}

/* The state before a suggested edit of lines FIRST to LAST: once per user
 * action, of the marks it may change only, so that a keystroke stays cheap
 * with a thousand proposals. */
static void
begin_edit (PlenaryProposalMarks *self,
            int                   first,
            int                   last)
{
  if (self->editing == NULL)
    {
      self->editing = g_new0 (State, 1);
      self->editing->text = get_fingerprint (self);
      self->editing->marks = g_ptr_array_new_with_free_func (mark_state_free);
      self->editing->partial = TRUE;
      g_ptr_array_add (self->undo, self->editing);
      g_ptr_array_set_size (self->redo, 0);
    }
  keep_lines (self, first, last);
  self->changed = TRUE;
}

/* A mark's words changed without the text (a proposal of words inserted
 * accepted, of words deleted rejected): the checks read those lines again. */
static void
on_tag_changed (PlenaryProposalMarks *self,
                GtkTextTag           *tag,
                const GtkTextIter    *start,
                const GtkTextIter    *end)
{
  if (tag != self->any_inserted && mark_for_tag (self, tag) == NULL)
    return;

  if (self->marked_first < 0 || gtk_text_iter_get_line (start) < self->marked_first)
    self->marked_first = gtk_text_iter_get_line (start);
  self->marked_last = MAX (self->marked_last, gtk_text_iter_get_line (end));
}

static void
emit_lines_marked (PlenaryProposalMarks *self)
{
  if (self->marked_first >= 0)
    {
      guint first = self->marked_first, last = self->marked_last;

      self->marked_first = self->marked_last = -1;
      g_signal_emit (self, signals[LINES_MARKED], 0, first, last);
    }
}

static void
emit_changed (PlenaryProposalMarks *self)
{
  emit_lines_marked (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
has_history (PlenaryProposalMarks *self)
{
  return self->marks->len > 0 || self->undo->len > 0 || self->redo->len > 0;
}

static void
on_history_before (PlenaryProposalMarks *self,
                   GPtrArray            *stack)
{
  self->in_history = TRUE;
  if (has_history (self))
    g_ptr_array_add (stack, take_state (self));
}

/* The text is as it was before an edit of ours: so are the marks. */
static void
on_history_after (PlenaryProposalMarks *self,
                  GPtrArray            *stack)
{
  self->in_history = FALSE;
  if (stack->len == 0)
    return;

  for (guint i = stack->len; i > 0; i--)
    {
      State *state = g_ptr_array_index (stack, i - 1);

      if (state->text == get_fingerprint (self))
        {
          restore_state (self, state);
          g_ptr_array_set_size (stack, i - 1);
          emit_changed (self);
          return;
        }
    }
}

static void
on_undo_before (PlenaryProposalMarks *self)
{
  on_history_before (self, self->redo);
}

static void
on_undo_after (PlenaryProposalMarks *self)
{
  on_history_after (self, self->undo);
}

static void
on_redo_before (PlenaryProposalMarks *self)
{
  on_history_before (self, self->undo);
}

static void
on_redo_after (PlenaryProposalMarks *self)
{
  on_history_after (self, self->redo);
  self->after_redo = TRUE;
}

/* Suggesting ---------------------------------------------------------------- */

static gboolean
is_own (PlenaryProposalMarks *self,
        Mark                 *mark)
{
  return mark != NULL && g_strcmp0 (mark->delegation, self->delegation) == 0;
}

/* The delegation's own proposal that typing at ITER makes grow: its
 * proposed words are before or after ITER, or its deleted words end there. */
static Mark *
own_mark_at (PlenaryProposalMarks *self,
             const GtkTextIter    *iter)
{
  GtkTextIter before = *iter;

  if (gtk_text_iter_backward_char (&before))
    {
      g_autoptr(GSList) tags = gtk_text_iter_get_tags (&before);

      for (GSList *l = tags; l != NULL; l = l->next)
        {
          Mark *mark = mark_for_tag (self, l->data);

          if (is_own (self, mark) &&
              (l->data == mark->inserted ||
               (l->data == mark->deleted && mark->kind == PLENARY_PROPOSAL_TEXT)))
            return mark;
        }
    }

  {
    g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);

    for (GSList *l = tags; l != NULL; l = l->next)
      {
        Mark *mark = mark_for_tag (self, l->data);

        if (is_own (self, mark) && l->data == mark->inserted)
          return mark;
      }
  }

  return NULL;
}

/* Words typed or pasted at *OFFSET, without line breaks. */
static void
suggest_words (PlenaryProposalMarks *self,
               int                  *offset,
               const char           *words)
{
  GtkTextIter iter;
  Mark *mark;
  guint line;

  iter_at (self, &iter, *offset);
  line = gtk_text_iter_get_line (&iter);
  mark = own_mark_at (self, &iter);

  if (added_line_mark (self, line) != NULL)
    {
      /* Only one's own proposed paragraph can be written in. */
      if (mark == NULL || mark->kind != PLENARY_PROPOSAL_ADD_PARAGRAPH)
        {
          g_signal_emit (self, signals[REFUSED], 0, added_line_mark (self, line)->delegation);
          return;
        }
    }
  else
    {
      /* The level is not a proposal; nor is a blank line. */
      if (!is_paragraph_line (self, line) || *offset < content_start (self, line) ||
          words[strspn (words, "\t")] == '\0')
        return;
      if (mark == NULL || mark->kind != PLENARY_PROPOSAL_TEXT)
        mark = add_own_mark (self, PLENARY_PROPOSAL_TEXT);
    }

  *offset = insert_marked (self, *offset, words, mark);
}

static void
suggest_insert (PlenaryProposalMarks *self,
                int                   offset,
                const char           *text,
                int                   length)
{
  g_autofree char *copy = g_strndup (text, length);
  g_auto(GStrv) pieces = NULL;
  GtkTextIter iter;

  g_strdelimit (copy, "\r\v\f", '\n');
  pieces = g_strsplit (copy, "\n", -1);

  if (pieces[0][0] != '\0')
    suggest_words (self, &offset, pieces[0]);

  /* A line break proposes a paragraph after the line, never splits one. */
  for (guint i = 1; pieces[i] != NULL; i++)
    {
      g_autofree char *line = g_strconcat ("\n", pieces[i], NULL);
      Mark *mark;

      iter_at (self, &iter, offset);
      if (!gtk_text_iter_ends_line (&iter))
        break;
      mark = add_own_mark (self, PLENARY_PROPOSAL_ADD_PARAGRAPH);
      offset = insert_marked (self, offset, line, mark);
    }

  iter_at (self, &iter, offset);
  gtk_text_buffer_place_cursor (self->buffer, &iter);
}

/* Deleting START..END of LINE (without its line break); BREAK_BEFORE: with
 * the line break before the line. */
static void
suggest_delete_in_line (PlenaryProposalMarks *self,
                        guint                 line,
                        int                   start,
                        int                   end,
                        gboolean              break_before,
                        int                  *touched)
{
  int first = line_start (self, line);
  int last = line_end (self, line);
  g_autoptr(GArray) own = g_array_new (FALSE, FALSE, sizeof (Range));
  Mark *added = added_line_mark (self, line);
  const char *refused_by = NULL;
  Mark *mark = NULL;
  GtkTextIter iter;
  int at;

  if (added != NULL)
    {
      if (!is_own (self, added))
        {
          g_signal_emit (self, signals[REFUSED], 0, added->delegation);
          return;
        }
      /* The whole proposed paragraph goes, or the words deleted in it. */
      if (break_before && start <= first && end >= last)
        delete_range (self, first - 1, last);
      else
        delete_range (self, start, end);
      return;
    }

  if (!is_paragraph_line (self, line))
    return;
  start = MAX (start, content_start (self, line));
  if (start >= end)
    return;

  if (start == content_start (self, line) && end == last)
    {
      for (guint i = 0; i < self->marks->len; i++)
        {
          Mark *other = g_ptr_array_index (self->marks, i);

          iter_at (self, &iter, start);
          if (other->kind == PLENARY_PROPOSAL_DELETE_PARAGRAPH && is_own (self, other) &&
              gtk_text_iter_has_tag (&iter, other->deleted))
            return;
        }
      mark = add_own_mark (self, PLENARY_PROPOSAL_DELETE_PARAGRAPH);
      tag_clean (self, mark->deleted, start, end);
      *touched = start;
      return;
    }

  /* Growing one's own proposal next to the words. */
  iter_at (self, &iter, start);
  mark = own_mark_at (self, &iter);
  if (mark == NULL)
    {
      iter_at (self, &iter, end);
      mark = own_mark_at (self, &iter);
    }
  if (mark != NULL && mark->kind != PLENARY_PROPOSAL_TEXT)
    mark = NULL;

  /* Clean words are struck through; one's own proposed words go. */
  at = start;
  iter_at (self, &iter, at);
  while (at < end)
    {
      int next = run_end (self, &iter, end);

      if (!is_inserted (self, &iter))
        {
          if (mark == NULL)
            mark = add_own_mark (self, PLENARY_PROPOSAL_TEXT);
          tag_range (self, mark->deleted, at, next, TRUE);
          *touched = at;
        }
      else
        for (int c = at; c < next; c++)
          {
            g_autoptr(GSList) tags = NULL;
            GtkTextIter here;

            iter_at (self, &here, c);
            tags = gtk_text_iter_get_tags (&here);
            for (GSList *l = tags; l != NULL; l = l->next)
              {
                Mark *owner = mark_for_tag (self, l->data);

                if (owner != NULL && owner->inserted == l->data && !is_own (self, owner))
                  refused_by = owner->delegation;
                if (is_own (self, owner) && owner->inserted == l->data)
                  {
                    Range range = { c, c + 1 };

                    if (own->len > 0 && g_array_index (own, Range, own->len - 1).end == c)
                      g_array_index (own, Range, own->len - 1).end = c + 1;
                    else
                      g_array_append_val (own, range);
                    break;
                  }
              }
          }
      at = next;
      iter_at (self, &iter, at);
    }

  for (guint i = own->len; i > 0; i--)
    {
      Range *range = &g_array_index (own, Range, i - 1);

      delete_range (self, range->start, range->end);
    }
  /* Another delegation's proposed words are its to withdraw. */
  if (refused_by != NULL)
    g_signal_emit (self, signals[REFUSED], 0, refused_by);
}

static void
suggest_delete (PlenaryProposalMarks *self,
                int                   start,
                int                   end,
                int                   cursor)
{
  int first_line = line_of (self, start);
  int last_line = line_of (self, end);
  int touched = -1;
  GtkTextIter iter;
  GtkTextMark *place;

  /* Backspace leaves the cursor before the words, Delete after them. */
  iter_at (self, &iter, cursor == end ? start : end);
  place = gtk_text_buffer_create_mark (self->buffer, NULL, &iter, cursor == end);

  for (int line = last_line; line >= first_line; line--)
    {
      int from = MAX (start, line_start (self, line));
      int to = MIN (end, line_end (self, line));

      suggest_delete_in_line (self, line, from, to,
                              line > first_line || start < line_start (self, line), &touched);
    }

  if (!self->text_changed && touched >= 0)
    touch (self, touched);

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, place);
  gtk_text_buffer_place_cursor (self->buffer, &iter);
  gtk_text_buffer_delete_mark (self->buffer, place);
}

static gboolean
intercepts (PlenaryProposalMarks *self,
            const GtkTextIter    *location,
            gboolean              line_break)
{
  const PlenaryLineInfo *info;
  guint line;

  if (self->delegation == NULL || self->applying > 0 || self->in_history || self->depth == 0 ||
      self->index == NULL || self->draft == NULL)
    return FALSE;

  /* The opening formula is no paragraph: the app rewrites it when the
   * header names another body, and it is edited as it is. A line break
   * typed after it proposes a first paragraph; one deleted is kept. */
  line = gtk_text_iter_get_line (location);
  if (!line_break && line < plenary_line_index_get_n_lines (self->index))
    {
      info = plenary_line_index_get_info (self->index, line);
      if (info->is_opening)
        return FALSE;
    }

  return TRUE;
}

static void
on_insert_text (PlenaryProposalMarks *self,
                GtkTextIter          *location,
                const char           *text,
                int                   length,
                GtkTextBuffer        *buffer)
{
  if (!intercepts (self, location, memchr (text, '\n', length) != NULL))
    return;

  g_signal_stop_emission_by_name (buffer, "insert-text");
  begin_edit (self, gtk_text_iter_get_line (location), gtk_text_iter_get_line (location));
  self->text_changed = FALSE;
  suggest_insert (self, gtk_text_iter_get_offset (location), text, length);
  gtk_text_buffer_get_iter_at_mark (buffer, location, gtk_text_buffer_get_insert (buffer));
}

/* Typed (not suggested) next to a proposal's words, the text takes none of
 * its tags: it is the clean text's. */
static void
on_insert_text_after (PlenaryProposalMarks *self,
                      GtkTextIter          *location,
                      const char           *text,
                      int                   length,
                      GtkTextBuffer        *buffer)
{
  g_autoptr(GPtrArray) outside = g_ptr_array_new ();
  g_autoptr(GSList) tags = NULL;
  GtkTextIter before, after;
  int end, start;

  if (self->marks->len == 0 || self->applying > 0 || self->in_history)
    return;

  end = gtk_text_iter_get_offset (location);
  start = end - (int) g_utf8_strlen (text, length);
  iter_at (self, &before, start);
  after = *location;
  tags = gtk_text_iter_get_tags (&before);
  gtk_text_iter_backward_char (&before);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      if (l->data != self->any_inserted && mark_for_tag (self, l->data) == NULL)
        continue;
      /* Inside the words it stays theirs. */
      if (start > 0 && gtk_text_iter_has_tag (&before, l->data) && gtk_text_iter_has_tag (&after, l->data))
        continue;
      g_ptr_array_add (outside, l->data);
    }

  /* Changing tags invalidates the iters: the handlers after this one get
   * LOCATION anew. */
  for (guint i = 0; i < outside->len; i++)
    tag_range (self, g_ptr_array_index (outside, i), start, end, FALSE);
  iter_at (self, location, end);
}

static void
on_delete_range (PlenaryProposalMarks *self,
                 GtkTextIter          *start,
                 GtkTextIter          *end,
                 GtkTextBuffer        *buffer)
{
  GtkTextIter cursor;

  if (!intercepts (self, start, gtk_text_iter_get_line (start) != gtk_text_iter_get_line (end)))
    return;

  g_signal_stop_emission_by_name (buffer, "delete-range");
  begin_edit (self, gtk_text_iter_get_line (start), gtk_text_iter_get_line (end));
  self->text_changed = FALSE;
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  suggest_delete (self, gtk_text_iter_get_offset (start), gtk_text_iter_get_offset (end),
                  gtk_text_iter_get_offset (&cursor));

  gtk_text_buffer_get_iter_at_mark (buffer, start, gtk_text_buffer_get_insert (buffer));
  *end = *start;
}

static void
on_begin_user_action (PlenaryProposalMarks *self)
{
  self->depth++;
  if (self->depth > 1)
    return;

  /* GTK's history lets the edit after a redo join the step redone, so that
   * undo would take both back: an empty user action closes that step. */
  if (self->after_redo && has_history (self))
    {
      self->after_redo = FALSE;
      gtk_text_buffer_end_user_action (self->buffer);
      gtk_text_buffer_begin_user_action (self->buffer);
    }
}

static void
on_end_user_action (PlenaryProposalMarks *self)
{
  if (self->depth > 0 && --self->depth == 0)
    {
      self->editing = NULL;
      if (self->changed)
        {
          self->changed = FALSE;
          emit_changed (self);
        }
      else
        emit_lines_marked (self);
    }
}

/* Loading ------------------------------------------------------------------- */

static gboolean
show_text (PlenaryProposalMarks *self,
           PlenaryProposal      *proposal,
           int                   line)
{
  int first = content_start (self, line);
  int last = line_end (self, line);
  g_autofree char *full = dup_clean_slice (self, first, last);
  const char *text = plenary_proposal_get_text (proposal);
  gint64 start, end;
  int from, to;
  Mark *mark;

  if (!plenary_proposal_locate (proposal, full, &start, &end) || (start == end && text[0] == '\0'))
    return FALSE;

  mark = add_mark (self, plenary_proposal_get_id (proposal), plenary_proposal_get_delegation (proposal),
                   plenary_proposal_get_created (proposal), PLENARY_PROPOSAL_TEXT, proposal);
  if (start < end)
    {
      from = clean_to_offset (self, first, last, start, TRUE);
      to = clean_to_offset (self, first, last, end, FALSE);
      tag_clean (self, mark->deleted, from, to);
    }
  else
    to = clean_to_offset (self, first, last, start, TRUE);
  if (text[0] != '\0')
    insert_marked (self, to, text, mark);

  return TRUE;
}

static gboolean
show_delete (PlenaryProposalMarks *self,
             PlenaryProposal      *proposal,
             int                   line)
{
  int first = content_start (self, line);
  int last = line_end (self, line);
  Mark *mark;

  if (first >= last)
    return FALSE;

  mark = add_mark (self, plenary_proposal_get_id (proposal), plenary_proposal_get_delegation (proposal),
                   plenary_proposal_get_created (proposal), PLENARY_PROPOSAL_DELETE_PARAGRAPH, proposal);
  tag_clean (self, mark->deleted, first, last);
  return TRUE;
}

static void
show_add (PlenaryProposalMarks *self,
          PlenaryProposal      *proposal,
          int                   line)
{
  g_autofree char *tabs = g_strnfill (MIN (plenary_proposal_get_level (proposal), 2), '\t');
  g_autofree char *text = g_strconcat ("\n", tabs, plenary_proposal_get_text (proposal), NULL);
  guint n = plenary_line_index_get_n_lines (self->index);
  Mark *mark;

  /* After the proposed paragraphs already there, in the file's order. */
  while ((guint) line + 1 < n && added_line_mark (self, line + 1) != NULL)
    line++;

  mark = add_mark (self, plenary_proposal_get_id (proposal), plenary_proposal_get_delegation (proposal),
                   plenary_proposal_get_created (proposal), PLENARY_PROPOSAL_ADD_PARAGRAPH, proposal);
  insert_marked (self, line_end (self, line), text, mark);
}

typedef struct
{
  PlenaryProposal *proposal;
  int              line;
  guint            order;
} PendingAdd;

static int
compare_adds (gconstpointer a,
              gconstpointer b)
{
  const PendingAdd *x = a;
  const PendingAdd *y = b;

  /* From the end of the text, so that lines above keep their numbers. */
  if (x->line != y->line)
    return y->line - x->line;
  return (int) x->order - (int) y->order;
}

void
plenary_proposal_marks_show (PlenaryProposalMarks *self,
                             GListModel           *proposals)
{
  g_autoptr(GHashTable) lines = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) adds = g_array_new (FALSE, FALSE, sizeof (PendingAdd));
  guint n_lines, n;
  int first_paragraph = -1;

  g_return_if_fail (PLENARY_IS_PROPOSAL_MARKS (self));
  g_return_if_fail (self->index != NULL);

  n = g_list_model_get_n_items (proposals);
  if (n == 0)
    return;

  n_lines = plenary_line_index_get_n_lines (self->index);
  for (guint i = 0; i < n_lines; i++)
    {
      const char *id = plenary_line_index_get_id (self->index, i);

      if (id != NULL && is_paragraph_line (self, i))
        {
          if (first_paragraph < 0)
            first_paragraph = i;
          if (!g_hash_table_contains (lines, id))
            g_hash_table_insert (lines, (gpointer) id, GUINT_TO_POINTER (i + 1));
        }
    }

  self->applying++;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenaryProposal) proposal = g_list_model_get_item (proposals, i);
      int line = GPOINTER_TO_UINT (g_hash_table_lookup (lines, plenary_proposal_get_paragraph (proposal))) - 1;
      gboolean shown = FALSE;

      switch (plenary_proposal_get_kind (proposal))
        {
        case PLENARY_PROPOSAL_TEXT:
          shown = line >= 0 && show_text (self, proposal, line);
          break;
        case PLENARY_PROPOSAL_DELETE_PARAGRAPH:
          shown = line >= 0 && show_delete (self, proposal, line);
          break;
        case PLENARY_PROPOSAL_ADD_PARAGRAPH:
          /* Before the first paragraph: after the line above it. */
          if (plenary_proposal_get_paragraph (proposal)[0] == '\0')
            line = first_paragraph - 1;
          if (line >= 0 && plenary_proposal_get_text (proposal)[0] != '\0')
            {
              PendingAdd add = { proposal, line, i };

              g_array_append_val (adds, add);
              shown = TRUE;
            }
          break;
        default:
          g_assert_not_reached ();
        }

      if (!shown)
        g_ptr_array_add (self->unshown, g_object_ref (proposal));
    }

  g_array_sort (adds, compare_adds);
  for (guint i = 0; i < adds->len; i++)
    {
      PendingAdd *add = &g_array_index (adds, PendingAdd, i);

      show_add (self, add->proposal, add->line);
    }
  self->applying--;
  emit_lines_marked (self);
  /* Kept from now on: undo and the first key suggested need it. */
  get_fingerprint (self);
}

void
plenary_proposal_marks_clear_shown (PlenaryProposalMarks *self)
{
  g_return_if_fail (PLENARY_IS_PROPOSAL_MARKS (self));

  while (self->marks->len > 0)
    drop_mark (self, g_ptr_array_index (self->marks, self->marks->len - 1));
  g_ptr_array_set_size (self->unshown, 0);
}

void
plenary_proposal_marks_clear (PlenaryProposalMarks *self)
{
  GtkTextTagTable *table;
  GHashTableIter iter;
  gpointer tag;

  g_return_if_fail (PLENARY_IS_PROPOSAL_MARKS (self));

  while (self->marks->len > 0)
    drop_mark (self, g_ptr_array_index (self->marks, self->marks->len - 1));
  table = gtk_text_buffer_get_tag_table (self->buffer);
  g_hash_table_iter_init (&iter, self->by_tag);
  while (g_hash_table_iter_next (&iter, &tag, NULL))
    gtk_text_tag_table_remove (table, tag);
  g_hash_table_remove_all (self->by_tag);
  g_ptr_array_set_size (self->unshown, 0);
  self->editing = NULL;
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
}

/* Reading the marks --------------------------------------------------------- */

gboolean
plenary_proposal_marks_is_empty (PlenaryProposalMarks *self)
{
  g_return_val_if_fail (PLENARY_IS_PROPOSAL_MARKS (self), TRUE);

  return self->marks->len == 0;
}

char *
plenary_proposal_marks_dup_clean_text (PlenaryProposalMarks *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (PLENARY_IS_PROPOSAL_MARKS (self), NULL);

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  if (self->marks->len == 0)
    return gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);

  return dup_clean_slice (self, 0, gtk_text_iter_get_offset (&end));
}

static char *
dup_ranges_text (PlenaryProposalMarks *self,
                 GArray               *ranges)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ranges->len; i++)
    {
      Range *range = &g_array_index (ranges, Range, i);
      GtkTextIter a, b;
      g_autofree char *slice = NULL;

      iter_at (self, &a, range->start);
      iter_at (self, &b, range->end);
      slice = gtk_text_iter_get_slice (&a, &b);
      g_string_append (text, slice);
    }

  return g_string_free (text, FALSE);
}

/* The id of the paragraph a paragraph proposed on LINE comes after. */
static const char *
paragraph_before (PlenaryProposalMarks *self,
                  int                   line)
{
  while (--line >= 0)
    if (is_paragraph_line (self, line))
      return plenary_line_index_get_id (self->index, line);

  return "";
}

static gboolean
same_proposal (PlenaryProposal *old,
               PlenaryProposal *new)
{
  return old != NULL &&
         plenary_proposal_get_kind (old) == plenary_proposal_get_kind (new) &&
         g_strcmp0 (plenary_proposal_get_paragraph (old), plenary_proposal_get_paragraph (new)) == 0 &&
         g_strcmp0 (plenary_proposal_get_exact (old), plenary_proposal_get_exact (new)) == 0 &&
         g_strcmp0 (plenary_proposal_get_prefix (old), plenary_proposal_get_prefix (new)) == 0 &&
         g_strcmp0 (plenary_proposal_get_suffix (old), plenary_proposal_get_suffix (new)) == 0 &&
         g_strcmp0 (plenary_proposal_get_text (old), plenary_proposal_get_text (new)) == 0 &&
         plenary_proposal_get_start (old) == plenary_proposal_get_start (new) &&
         plenary_proposal_get_end (old) == plenary_proposal_get_end (new) &&
         plenary_proposal_get_level (old) == plenary_proposal_get_level (new);
}

/* What MARK proposes now, or NULL (GONE: it has no words left). */
static PlenaryProposal *
make_proposal (PlenaryProposalMarks *self,
               Mark                 *mark,
               int                  *position,
               gboolean             *gone)
{
  g_autoptr(GArray) deleted = tag_ranges (self->buffer, mark->deleted);
  g_autoptr(GArray) inserted = tag_ranges (self->buffer, mark->inserted);
  int first;
  int line;

  *gone = deleted->len == 0 && inserted->len == 0;
  if (*gone)
    return NULL;

  first = deleted->len > 0 ? g_array_index (deleted, Range, 0).start : G_MAXINT;
  if (inserted->len > 0)
    first = MIN (first, g_array_index (inserted, Range, 0).start);
  *position = first;

  switch (mark->kind)
    {
    case PLENARY_PROPOSAL_TEXT:
      {
        g_autofree char *full = NULL;
        g_autofree char *text = dup_ranges_text (self, inserted);
        int start, end, from;

        line = line_of (self, first);
        if (!is_paragraph_line (self, line))
          return NULL;
        from = content_start (self, line);
        full = dup_clean_slice (self, from, line_end (self, line));
        if (deleted->len > 0)
          {
            int first_deleted = MAX (g_array_index (deleted, Range, 0).start, from);

            start = clean_length (self, from, first_deleted);
            end = clean_length (self, from, g_array_index (deleted, Range, deleted->len - 1).end);
          }
        else
          start = end = clean_length (self, from, MAX (first, from));

        return plenary_proposal_new_text (mark->id, mark->delegation, mark->created,
                                          plenary_line_index_get_id (self->index, line),
                                          full, start, end, text);
      }

    case PLENARY_PROPOSAL_ADD_PARAGRAPH:
      {
        g_autofree char *text = dup_ranges_text (self, inserted);
        const char *words = text;
        guint level = 0;
        char *newline;

        if (*words == '\n')
          words++;
        if ((newline = strchr (words, '\n')))
          *newline = '\0';
        while (words[level] == '\t')
          level++;
        if (words[level] == '\0')
          return NULL;

        line = line_of (self, first) + 1;
        return plenary_proposal_new_add (mark->id, mark->delegation, mark->created,
                                         paragraph_before (self, line), level, words + level);
      }

    case PLENARY_PROPOSAL_DELETE_PARAGRAPH:
      line = line_of (self, first);
      if (!is_paragraph_line (self, line))
        return NULL;
      return plenary_proposal_new_delete (mark->id, mark->delegation, mark->created,
                                          plenary_line_index_get_id (self->index, line));

    default:
      g_assert_not_reached ();
    }
}

typedef struct
{
  PlenaryProposal *proposal;
  int              position;
} Collected;

static int
compare_collected (gconstpointer a,
                   gconstpointer b)
{
  const Collected *x = a;
  const Collected *y = b;

  return (x->position > y->position) - (x->position < y->position);
}

GPtrArray *
plenary_proposal_marks_collect (PlenaryProposalMarks *self)
{
  g_autoptr(GArray) collected = g_array_new (FALSE, FALSE, sizeof (Collected));
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  GPtrArray *proposals;

  g_return_val_if_fail (PLENARY_IS_PROPOSAL_MARKS (self), NULL);

  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *mark = g_ptr_array_index (self->marks, i);
      g_autoptr(PlenaryProposal) proposal = NULL;
      Collected item = { NULL, 0 };
      gboolean is_gone;

      proposal = make_proposal (self, mark, &item.position, &is_gone);
      if (is_gone)
        {
          g_ptr_array_add (gone, mark);
          continue;
        }
      if (proposal == NULL)
        continue;

      if (!same_proposal (mark->proposal, proposal))
        {
          if (mark->proposal != NULL)
            {
              plenary_proposal_set_friendliness (proposal, plenary_proposal_get_friendliness (mark->proposal));
              plenary_proposal_set_vote (proposal, plenary_proposal_get_vote (mark->proposal));
            }
          g_set_object (&mark->proposal, proposal);
        }
      item.proposal = mark->proposal;
      g_array_append_val (collected, item);
    }

  for (guint i = 0; i < gone->len; i++)
    drop_mark (self, g_ptr_array_index (gone, i));

  g_array_sort (collected, compare_collected);
  proposals = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < collected->len; i++)
    g_ptr_array_add (proposals, g_object_ref (g_array_index (collected, Collected, i).proposal));
  for (guint i = 0; i < self->unshown->len; i++)
    g_ptr_array_add (proposals, g_object_ref (g_ptr_array_index (self->unshown, i)));

  return proposals;
}

/* The innermost mark at ITER (the last made is above the others). */
static Mark *
mark_at (PlenaryProposalMarks *self,
         const GtkTextIter    *iter)
{
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);
  Mark *found = NULL;

  for (GSList *l = tags; l != NULL; l = l->next)
    {
      Mark *mark = mark_for_tag (self, l->data);

      if (mark != NULL && g_ptr_array_find (self->marks, mark, NULL))
        found = mark;
    }

  return found;
}

gboolean
plenary_proposal_marks_lookup (PlenaryProposalMarks *self,
                               const GtkTextIter    *iter,
                               const char          **delegation,
                               PlenaryProposal     **proposal)
{
  GtkTextIter before = *iter;
  Mark *mark;

  g_return_val_if_fail (PLENARY_IS_PROPOSAL_MARKS (self), FALSE);

  if (self->marks->len == 0)
    return FALSE;

  mark = mark_at (self, iter);
  if (mark == NULL && !gtk_text_iter_starts_line (iter) && gtk_text_iter_backward_char (&before))
    mark = mark_at (self, &before);
  if (mark == NULL)
    return FALSE;

  if (delegation != NULL)
    *delegation = mark->delegation;
  if (proposal != NULL)
    *proposal = mark->proposal;
  return TRUE;
}

/* Accept and reject --------------------------------------------------------- */

static void
delete_ranges (PlenaryProposalMarks *self,
               GArray               *ranges)
{
  for (guint i = ranges->len; i > 0; i--)
    {
      Range *range = &g_array_index (ranges, Range, i - 1);

      delete_range (self, range->start, range->end);
    }
}

static void
untag_ranges (PlenaryProposalMarks *self,
              GArray               *ranges)
{
  for (guint i = 0; i < ranges->len; i++)
    {
      Range *range = &g_array_index (ranges, Range, i);

      untag_range (self, range->start, range->end);
    }
}

/* Resolves MARK; returns a character whose tags changed, or -1. */
/* TAG's ranges: KNOWN (as they were a moment ago) when each still is a
 * whole run of TAG, else looked for in the whole text. */
static GArray *
known_ranges (PlenaryProposalMarks *self,
              GtkTextTag           *tag,
              GArray               *known)
{
  gboolean valid = known != NULL;

  for (guint i = 0; valid && i < known->len; i++)
    {
      const Range *range = &g_array_index (known, Range, i);
      GtkTextIter start, end, before;

      iter_at (self, &start, range->start);
      before = start;
      end = start;
      valid = gtk_text_iter_has_tag (&start, tag) &&
              (!gtk_text_iter_backward_char (&before) || !gtk_text_iter_has_tag (&before, tag)) &&
              gtk_text_iter_forward_to_tag_toggle (&end, tag) &&
              gtk_text_iter_get_offset (&end) == range->end;
    }

  return valid ? g_array_copy (known) : tag_ranges (self->buffer, tag);
}

static int
resolve_mark (PlenaryProposalMarks *self,
              Mark                 *mark,
              MarkState            *known,
              gboolean              accept)
{
  g_autoptr(GArray) deleted = known_ranges (self, mark->deleted, known != NULL ? known->deleted : NULL);
  g_autoptr(GArray) inserted = known_ranges (self, mark->inserted, known != NULL ? known->inserted : NULL);
  int touched = -1;

  switch (mark->kind)
    {
    case PLENARY_PROPOSAL_TEXT:
      if (accept)
        {
          untag_ranges (self, inserted);
          delete_ranges (self, deleted);
          if (inserted->len > 0)
            touched = g_array_index (inserted, Range, 0).start;
        }
      else
        {
          delete_ranges (self, inserted);
          for (guint i = 0; i < deleted->len; i++)
            tag_range (self, mark->deleted, g_array_index (deleted, Range, i).start,
                       g_array_index (deleted, Range, i).end, FALSE);
          if (deleted->len > 0)
            touched = g_array_index (deleted, Range, 0).start;
        }
      break;

    case PLENARY_PROPOSAL_ADD_PARAGRAPH:
      if (accept && inserted->len > 0)
        {
          int first = g_array_index (inserted, Range, 0).start;
          int line = line_of (self, first) + 1;
          g_autofree char *id = plenary_draft_new_paragraph_id (self->draft);

          untag_ranges (self, inserted);
          /* A paragraph of the text now, with an identity of its own. */
          plenary_line_index_set_id (self->index, line, id);
          touched = content_start (self, line);
        }
      else
        delete_ranges (self, inserted);
      break;

    case PLENARY_PROPOSAL_DELETE_PARAGRAPH:
      if (deleted->len == 0)
        break;
      if (accept)
        {
          int line = line_of (self, g_array_index (deleted, Range, 0).start);
          int n = gtk_text_buffer_get_line_count (self->buffer);

          if (line + 1 < n)
            delete_range (self, line_start (self, line), line_start (self, line + 1));
          else if (line > 0)
            delete_range (self, line_end (self, line - 1), line_end (self, line));
          else
            delete_range (self, 0, line_end (self, line));
        }
      else
        {
          tag_range (self, mark->deleted, g_array_index (deleted, Range, 0).start,
                     g_array_index (deleted, Range, deleted->len - 1).end, FALSE);
          touched = g_array_index (deleted, Range, 0).start;
        }
      break;

    default:
      g_assert_not_reached ();
    }

  /* Its words are gone or untagged: no need to look for them again. */
  g_ptr_array_remove (self->marks, mark);
  return touched;
}

static gboolean
matches (Mark            *mark,
         PlenaryProposal *proposal,
         const char      *delegation,
         const char      *paragraph_id)
{
  if (mark->proposal == NULL)
    return FALSE;
  if (proposal != NULL)
    return mark->proposal == proposal ||
           g_strcmp0 (plenary_proposal_get_id (proposal), mark->id) == 0;

  return (delegation == NULL || g_strcmp0 (delegation, mark->delegation) == 0) &&
         (paragraph_id == NULL || g_strcmp0 (paragraph_id, plenary_proposal_get_paragraph (mark->proposal)) == 0);
}

static int
first_start (MarkState *known)
{
  int start = G_MAXINT;

  if (known != NULL && known->deleted->len > 0)
    start = g_array_index (known->deleted, Range, 0).start;
  if (known != NULL && known->inserted->len > 0)
    start = MIN (start, g_array_index (known->inserted, Range, 0).start);
  return start;
}

/* Marks in the order of their first words in the text. */
static int
compare_known_starts (gconstpointer a,
                      gconstpointer b,
                      gpointer      known)
{
  int x = first_start (g_hash_table_lookup (known, *(Mark **) a));
  int y = first_start (g_hash_table_lookup (known, *(Mark **) b));

  return (x > y) - (x < y);
}

guint
plenary_proposal_marks_resolve (PlenaryProposalMarks *self,
                                PlenaryProposal      *proposal,
                                const char           *delegation,
                                const char           *paragraph_id,
                                gboolean              accept)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (mark_unref);
  g_autoptr(GHashTable) known = g_hash_table_new (NULL, NULL);
  State *saved;
  int touched = -1;

  g_return_val_if_fail (PLENARY_IS_PROPOSAL_MARKS (self), 0);

  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *mark = g_ptr_array_index (self->marks, i);

      if (matches (mark, proposal, delegation, paragraph_id))
        g_ptr_array_add (found, mark_ref (mark));
    }
  if (found->len == 0)
    return 0;

  plenary_proposal_marks_save_state (self);
  /* The state kept for Undo knows where each mark is: from the end of the
   * text, so that the offsets of those before stay right. */
  saved = g_ptr_array_index (self->undo, self->undo->len - 1);
  for (guint i = 0; i < saved->marks->len; i++)
    {
      MarkState *mark_state = g_ptr_array_index (saved->marks, i);

      g_hash_table_insert (known, mark_state->mark, mark_state);
    }
  g_ptr_array_sort_with_data (found, compare_known_starts, known);

  gtk_text_buffer_begin_user_action (self->buffer);
  self->applying++;
  self->text_changed = FALSE;
  for (guint i = found->len; i > 0; i--)
    {
      Mark *mark = g_ptr_array_index (found, i - 1);
      int at = resolve_mark (self, mark, g_hash_table_lookup (known, mark), accept);

      if (at >= 0)
        touched = at;
    }
  if (!self->text_changed && touched >= 0)
    touch (self, touched);
  self->applying--;
  gtk_text_buffer_end_user_action (self->buffer);
  emit_changed (self);

  return found->len;
}

/* GObject ------------------------------------------------------------------- */

static void
plenary_proposal_marks_dispose (GObject *object)
{
  PlenaryProposalMarks *self = PLENARY_PROPOSAL_MARKS (object);

  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->marks, g_ptr_array_unref);
  g_clear_pointer (&self->by_tag, g_hash_table_unref);
  g_clear_pointer (&self->unshown, g_ptr_array_unref);
  g_clear_object (&self->index);
  g_clear_object (&self->draft);
  g_clear_object (&self->buffer);

  G_OBJECT_CLASS (plenary_proposal_marks_parent_class)->dispose (object);
}

static void
plenary_proposal_marks_finalize (GObject *object)
{
  PlenaryProposalMarks *self = PLENARY_PROPOSAL_MARKS (object);

  g_free (self->delegation);

  G_OBJECT_CLASS (plenary_proposal_marks_parent_class)->finalize (object);
}

static void
plenary_proposal_marks_class_init (PlenaryProposalMarksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plenary_proposal_marks_dispose;
  object_class->finalize = plenary_proposal_marks_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REFUSED] =
    g_signal_new ("refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[LINES_MARKED] =
    g_signal_new ("lines-marked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
plenary_proposal_marks_init (PlenaryProposalMarks *self)
{
  self->marks = g_ptr_array_new_with_free_func (mark_unref);
  self->by_tag = g_hash_table_new_full (NULL, NULL, NULL, mark_unref);
  self->unshown = g_ptr_array_new_with_free_func (g_object_unref);
  self->undo = g_ptr_array_new_with_free_func (state_free);
  self->redo = g_ptr_array_new_with_free_func (state_free);
  self->marked_first = self->marked_last = -1;
}

PlenaryProposalMarks *
plenary_proposal_marks_new (GtkTextBuffer *buffer)
{
  PlenaryProposalMarks *self;

  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), NULL);

  self = g_object_new (PLENARY_TYPE_PROPOSAL_MARKS, NULL);
  self->buffer = g_object_ref (buffer);
  self->any_inserted = gtk_text_buffer_create_tag (buffer, NULL, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
  self->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  /* Before anybody else's handlers: an edit suggested is not made. */
  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (on_insert_text), self, G_CONNECT_SWAPPED);
  /* The fingerprint follows the edits made (not those stopped), first. */
  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (on_insert_fingerprint), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (on_insert_text_after), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (buffer, "delete-range", G_CALLBACK (on_delete_range), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "delete-range", G_CALLBACK (on_delete_fingerprint), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "begin-user-action", G_CALLBACK (on_begin_user_action), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "end-user-action", G_CALLBACK (on_end_user_action), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "undo", G_CALLBACK (on_undo_before), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "undo", G_CALLBACK (on_undo_after), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (buffer, "redo", G_CALLBACK (on_redo_before), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "redo", G_CALLBACK (on_redo_after), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (buffer, "apply-tag", G_CALLBACK (on_tag_changed), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (buffer, "remove-tag", G_CALLBACK (on_tag_changed), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  return self;
}

void
plenary_proposal_marks_set_line_index (PlenaryProposalMarks *self,
                                       PlenaryLineIndex     *index)
{
  g_return_if_fail (PLENARY_IS_PROPOSAL_MARKS (self));

  g_set_object (&self->index, index);
}

void
plenary_proposal_marks_set_draft (PlenaryProposalMarks *self,
                                  PlenaryDraft         *draft)
{
  g_return_if_fail (PLENARY_IS_PROPOSAL_MARKS (self));

  g_set_object (&self->draft, draft);
}

void
plenary_proposal_marks_set_suggesting (PlenaryProposalMarks *self,
                                       const char           *delegation)
{
  g_return_if_fail (PLENARY_IS_PROPOSAL_MARKS (self));

  g_free (self->delegation);
  self->delegation = g_strdup (delegation);
  /* Taken now, not at the first key suggested. */
  if (delegation != NULL)
    get_fingerprint (self);
}
