/* plenary-editor-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-editor-view"

#include "config.h"

#include "plenary-clause-printer.h"
#include "plenary-editor-view.h"

/* Pixels between the end of a drawn marker and the text. */
#define MARKER_GAP   10
/* Indentation step of the levels, in pixels, added to the view's margin. */
#define INDENT_STEP  44

typedef struct
{
  PlenaryLineState before;   /* the parser state before this line */
  guint32          content_start;
  guint8           role;
  guint8           level;
  guint8           is_opening : 1;
  guint8           is_blank : 1;
  guint8           numbered : 1;
} LineEntry;

struct _PlenaryEditorView
{
  GtkSourceView            parent_instance;

  PlenaryDocument         *document;
  GtkTextBuffer           *buffer;
  PlenaryPhraseDictionary *dictionary;
  PlenaryDraftKind         kind;
  char                    *language;

  GArray                  *lines;          /* LineEntry, one per buffer line */
  guint                    delete_first;   /* lines of a deletion in progress */
  guint                    delete_last;
  guint                    normalize_source;

  PangoLayout             *marker_layout;

  GtkTextTag              *phrase_tag;
  GtkTextTag              *hidden_tag;
  GtkTextTag              *opening_tag;
  GtkTextTag              *preambular_tag;
  GtkTextTag              *level_tags[3];
  GtkTextTag              *heading_tag;
  GtkTextTag              *bullet_tag;
};

G_DEFINE_FINAL_TYPE (PlenaryEditorView, plenary_editor_view, GTK_SOURCE_TYPE_VIEW)

enum {
  LINES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static LineEntry *
entry_at (PlenaryEditorView *self,
          guint              line)
{
  return &g_array_index (self->lines, LineEntry, line);
}

static gboolean
same_state (const PlenaryLineState *a,
            const PlenaryLineState *b)
{
  /* The parser only asks whether line_index is 0, so that a line inserted
   * above does not force every line below to be classified again. */
  return a->seen_operative == b->seen_operative &&
         a->seen_opening == b->seen_opening &&
         a->seen_top == b->seen_top &&
         a->last_sub_index == b->last_sub_index &&
         (a->line_index == 0) == (b->line_index == 0);
}

GtkTextTag *
plenary_text_buffer_ensure_tag (GtkTextBuffer *buffer,
                                const char    *name,
                                const char    *first_property,
                                ...)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);
  va_list args;

  if (tag != NULL)
    return tag;

  tag = gtk_text_tag_new (name);
  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (tag), first_property, args);
  va_end (args);
  gtk_text_tag_table_add (table, tag);
  g_object_unref (tag);

  return tag;
}

static void
create_tags (PlenaryEditorView *self)
{
  int margin = gtk_text_view_get_left_margin (GTK_TEXT_VIEW (self));

  self->phrase_tag = plenary_text_buffer_ensure_tag (self->buffer, "plenary-phrase", "style", PANGO_STYLE_ITALIC, NULL);
  self->hidden_tag = plenary_text_buffer_ensure_tag (self->buffer, "plenary-hidden", "invisible", TRUE, NULL);
  self->opening_tag = plenary_text_buffer_ensure_tag (self->buffer, "plenary-opening", "pixels-below-lines", 18, NULL);
  self->preambular_tag = plenary_text_buffer_ensure_tag (self->buffer, "plenary-preambular", "indent", INDENT_STEP, NULL);
  self->level_tags[0] = plenary_text_buffer_ensure_tag (self->buffer, "plenary-operative", "left-margin", margin + INDENT_STEP, NULL);
  self->level_tags[1] = plenary_text_buffer_ensure_tag (self->buffer, "plenary-level-1", "left-margin", margin + 2 * INDENT_STEP, NULL);
  self->level_tags[2] = plenary_text_buffer_ensure_tag (self->buffer, "plenary-level-2", "left-margin", margin + 3 * INDENT_STEP, NULL);
  self->heading_tag = plenary_text_buffer_ensure_tag (self->buffer, "plenary-heading",
                                  "weight", PANGO_WEIGHT_BOLD, "scale", 1.2,
                                  "pixels-above-lines", 12, NULL);
  self->bullet_tag = plenary_text_buffer_ensure_tag (self->buffer, "plenary-bullet", "left-margin", margin + INDENT_STEP / 2, NULL);
}

static char *
dup_line (PlenaryEditorView *self,
          guint              line,
          GtkTextIter       *start,
          GtkTextIter       *end)
{
  gtk_text_buffer_get_iter_at_line (self->buffer, start, line);
  *end = *start;
  if (!gtk_text_iter_ends_line (end))
    gtk_text_iter_forward_to_line_end (end);

  return gtk_text_iter_get_slice (start, end);
}

static void
tag_range (PlenaryEditorView *self,
           GtkTextTag        *tag,
           guint              line,
           gsize              start_index,
           gsize              end_index)
{
  GtkTextIter start, end;

  if (end_index <= start_index)
    return;

  gtk_text_buffer_get_iter_at_line_index (self->buffer, &start, line, start_index);
  gtk_text_buffer_get_iter_at_line_index (self->buffer, &end, line, end_index);
  gtk_text_buffer_apply_tag (self->buffer, tag, &start, &end);
}

static void
style_line (PlenaryEditorView     *self,
            guint                  line,
            GtkTextIter           *start,
            GtkTextIter           *end,
            const PlenaryLineInfo *info)
{
  GtkTextTag *all[] = {
    self->phrase_tag, self->hidden_tag, self->opening_tag, self->preambular_tag,
    self->level_tags[0], self->level_tags[1], self->level_tags[2], self->heading_tag, self->bullet_tag,
  };
  GtkTextTag *paragraph = NULL;
  GtkTextIter through = *end;

  /* Paragraph properties are read from the line's first character, and an
   * empty line has none but its newline. */
  gtk_text_iter_forward_char (&through);
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    gtk_text_buffer_remove_tag (self->buffer, all[i], start, &through);

  if (info->is_blank)
    return;

  if (info->is_opening)
    paragraph = self->opening_tag;
  else if (info->role == PLENARY_ROLE_PREAMBULAR)
    paragraph = self->preambular_tag;
  else if (info->role == PLENARY_ROLE_OPERATIVE || info->role == PLENARY_ROLE_SUBPARAGRAPH)
    paragraph = self->level_tags[MIN (info->level, 2)];
  else if (info->role == PLENARY_ROLE_HEADING)
    paragraph = self->heading_tag;
  else if (info->role == PLENARY_ROLE_BULLET)
    paragraph = self->bullet_tag;

  if (paragraph != NULL)
    gtk_text_buffer_apply_tag (self->buffer, paragraph, start, &through);

  /* Indentation and typed numbers are drawn, not shown as characters. */
  if (self->kind == PLENARY_DRAFT_KIND_RESOLUTION || info->role == PLENARY_ROLE_HEADING)
    tag_range (self, self->hidden_tag, line, 0, info->content_start);

  /* Unknown phrases get their hint underline from the checks. */
  tag_range (self, self->phrase_tag, line, info->phrase_start, info->phrase_end);
}

static gboolean normalize_numbers (gpointer data);

/* Classifies lines FIRST to LAST, then the lines below for as long as the
 * state they start from differs from the one they were classified with. */
static void
classify_lines (PlenaryEditorView *self,
                guint              first,
                guint              last)
{
  PlenaryLineState state = PLENARY_LINE_STATE_INIT;
  guint n = self->lines->len;
  guint i;
  gboolean any_numbered = FALSE;

  if (first > 0)
    state = entry_at (self, first)->before;

  for (i = first; i < n; i++)
    {
      LineEntry *entry = entry_at (self, i);
      PlenaryLineInfo info = { 0 };
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      if (i > last && same_state (&state, &entry->before))
        break;

      entry->before = state;
      text = dup_line (self, i, &start, &end);
      plenary_clause_parser_classify_line (self->dictionary, self->kind, text, -1, &state, &info);

      entry->role = info.role;
      entry->level = info.level;
      entry->content_start = info.content_start;
      entry->is_opening = info.is_opening;
      entry->is_blank = info.is_blank;
      entry->numbered = info.numbered && self->kind == PLENARY_DRAFT_KIND_RESOLUTION;
      any_numbered |= entry->numbered;

      style_line (self, i, &start, &end, &info);
    }

  if (any_numbered && self->normalize_source == 0)
    self->normalize_source = g_idle_add (normalize_numbers, self);

  /* Numbers below the edit may have changed without their lines moving. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[LINES_CHANGED], 0, first, MAX (i, last + 1) - 1);
}

static void
classify_all (PlenaryEditorView *self)
{
  guint n = gtk_text_buffer_get_line_count (self->buffer);
  LineEntry empty = { PLENARY_LINE_STATE_INIT };

  g_array_set_size (self->lines, 0);
  for (guint i = 0; i < n; i++)
    g_array_append_val (self->lines, empty);

  classify_lines (self, 0, n - 1);
}

/* Text pasted from other programs brings line breaks other than '\n' (Word's
 * vertical tab, U+2028, U+2029, \r): GtkTextBuffer and the parser disagree
 * on them, which broke the layout and lost footnotes. Each is a new line,
 * that is a new paragraph, as Enter makes. */
static gboolean
is_other_line_break (gunichar c)
{
  return c == '\r' || c == '\v' || c == '\f' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

static void
on_insert_text_before (PlenaryEditorView *self,
                       GtkTextIter       *location,
                       const char        *text,
                       int                length,
                       GtkTextBuffer     *buffer)
{
  g_autoptr(GString) normal = NULL;
  const char *end = text + length;
  gboolean found = FALSE;

  for (const char *p = text; p < end && !found; p = g_utf8_next_char (p))
    found = is_other_line_break (g_utf8_get_char (p));
  if (!found)
    return;

  normal = g_string_sized_new (length);
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r' && p + 1 < end && p[1] == '\n')
        continue;
      if (is_other_line_break (c))
        g_string_append_c (normal, '\n');
      else
        g_string_append_len (normal, p, g_utf8_next_char (p) - p);
    }

  /* Inserted again, normalized: this handler lets it through. */
  g_signal_stop_emission_by_name (buffer, "insert-text");
  gtk_text_buffer_insert (buffer, location, normal->str, normal->len);
}

/* A number or marker typed or pasted at the start of a line is dropped: the
 * view draws the right one, and the indentation says the level. */
static gboolean
normalize_numbers (gpointer data)
{
  PlenaryEditorView *self = data;
  gboolean started = FALSE;

  self->normalize_source = 0;

  for (guint i = self->lines->len; i > 0; i--)
    {
      LineEntry *entry = entry_at (self, i - 1);
      GtkTextIter start, end;
      guint level = entry->level;

      if (!entry->numbered)
        continue;

      if (!started)
        {
          gtk_text_buffer_begin_user_action (self->buffer);
          started = TRUE;
        }

      gtk_text_buffer_get_iter_at_line (self->buffer, &start, i - 1);
      gtk_text_buffer_get_iter_at_line_index (self->buffer, &end, i - 1, entry->content_start);
      entry->numbered = FALSE;
      gtk_text_buffer_delete (self->buffer, &start, &end);
      for (guint l = 0; l < level; l++)
        gtk_text_buffer_insert (self->buffer, &start, "\t", 1);
    }

  if (started)
    gtk_text_buffer_end_user_action (self->buffer);

  return G_SOURCE_REMOVE;
}

static void
on_insert_text_after (PlenaryEditorView *self,
                      GtkTextIter       *location,
                      const char        *text,
                      int                length)
{
  guint last = gtk_text_iter_get_line (location);
  guint newlines = 0;
  LineEntry empty = { PLENARY_LINE_STATE_INIT };

  for (int i = 0; i < length; i++)
    if (text[i] == '\n')
      newlines++;

  for (guint i = 0; i < newlines; i++)
    g_array_insert_val (self->lines, last - newlines + 1, empty);

  classify_lines (self, last - newlines, last);
}

static void
on_delete_range (PlenaryEditorView *self,
                 GtkTextIter       *start,
                 GtkTextIter       *end)
{
  self->delete_first = gtk_text_iter_get_line (start);
  self->delete_last = gtk_text_iter_get_line (end);
}

static void
on_delete_range_after (PlenaryEditorView *self,
                       GtkTextIter       *start,
                       GtkTextIter       *end)
{
  if (self->delete_last > self->delete_first)
    g_array_remove_range (self->lines, self->delete_first + 1, self->delete_last - self->delete_first);

  classify_lines (self, self->delete_first, self->delete_first);
}

static void
update_dictionary (PlenaryEditorView *self)
{
  PlenaryDraft *draft = plenary_document_get_draft (self->document);

  g_free (self->language);
  self->language = g_strdup (plenary_draft_get_language (draft));
  self->kind = plenary_draft_get_kind (draft);
  self->dictionary = plenary_phrase_dictionary_get_default (self->language);

  if (self->buffer != NULL)
    classify_all (self);
}

/* Drawing the markers ------------------------------------------------- */

static void
get_marker_color (PlenaryEditorView *self,
                  GdkRGBA           *color)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (GTK_WIDGET (self), color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), color);
#endif
  color->alpha *= 0.75;
}

static void
plenary_editor_view_snapshot_layer (GtkTextView      *text_view,
                                    GtkTextViewLayer  layer,
                                    GtkSnapshot      *snapshot)
{
  PlenaryEditorView *self = PLENARY_EDITOR_VIEW (text_view);
  GdkRectangle visible;
  GtkTextIter iter;
  GdkRGBA color;
  guint first, last;
  guint counters[3] = { 0, 0, 0 };

  GTK_TEXT_VIEW_CLASS (plenary_editor_view_parent_class)->snapshot_layer (text_view, layer, snapshot);

  if (layer != GTK_TEXT_VIEW_LAYER_ABOVE_TEXT || self->buffer == NULL ||
      self->kind != PLENARY_DRAFT_KIND_RESOLUTION)
    return;

  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_line_at_y (text_view, &iter, visible.y, NULL);
  first = gtk_text_iter_get_line (&iter);
  gtk_text_view_get_line_at_y (text_view, &iter, visible.y + visible.height, NULL);
  last = MIN (gtk_text_iter_get_line (&iter), self->lines->len - 1);

  if (self->marker_layout == NULL)
    self->marker_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  get_marker_color (self, &color);

  /* Counting from the top costs a few microseconds for thousands of lines,
   * and keeps the numbers right whatever was edited. */
  for (guint i = 0; i <= last && i < self->lines->len; i++)
    {
      const LineEntry *entry = entry_at (self, i);
      g_autofree char *marker = NULL;
      GdkRectangle location;
      int width, height;
      guint level;

      if (entry->is_blank || entry->is_opening)
        continue;

      if (entry->role == PLENARY_ROLE_OPERATIVE)
        level = 0;
      else if (entry->role == PLENARY_ROLE_SUBPARAGRAPH)
        level = MIN (entry->level, 2);
      else
        {
          counters[1] = counters[2] = 0;
          continue;
        }

      counters[level]++;
      for (guint l = level + 1; l < 3; l++)
        counters[l] = 0;

      if (i < first)
        continue;

      marker = plenary_clause_marker (self->language, level, counters[level] - 1);
      gtk_text_buffer_get_iter_at_line_index (self->buffer, &iter, i, entry->content_start);
      gtk_text_view_get_iter_location (text_view, &iter, &location);

      pango_layout_set_text (self->marker_layout, marker, -1);
      pango_layout_get_pixel_size (self->marker_layout, &width, &height);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (location.x - width - MARKER_GAP, location.y));
      gtk_snapshot_append_layout (snapshot, self->marker_layout, &color);
      gtk_snapshot_restore (snapshot);
    }
}

/* Editing commands ----------------------------------------------------- */

/* Whether LINE is part of the block HEAD opens: the sub-paragraphs of a
 * paragraph, or the content of a brief's section. */
static gboolean
belongs_under (PlenaryEditorView *self,
               guint              head,
               guint              line)
{
  const LineEntry *top = entry_at (self, head);
  const LineEntry *entry = entry_at (self, line);

  if (self->kind == PLENARY_DRAFT_KIND_BRIEF)
    return top->role == PLENARY_ROLE_HEADING && entry->role != PLENARY_ROLE_HEADING;

  return !entry->is_blank && entry->role == PLENARY_ROLE_SUBPARAGRAPH && entry->level > top->level;
}

static guint
block_end (PlenaryEditorView *self,
           guint              line)
{
  guint end = line + 1;

  while (end < self->lines->len && belongs_under (self, line, end))
    end++;

  return end;
}

/* Two blocks are siblings when neither would hold the other: the same
 * level of sub-paragraph, or two sections, or two lines of a section. */
static gboolean
are_siblings (PlenaryEditorView *self,
              guint              a,
              guint              b)
{
  const LineEntry *x = entry_at (self, a);
  const LineEntry *y = entry_at (self, b);

  if (self->kind == PLENARY_DRAFT_KIND_BRIEF)
    return (x->role == PLENARY_ROLE_HEADING) == (y->role == PLENARY_ROLE_HEADING);

  return x->level == y->level;
}

/* The first line of the block just above the block at FIRST, or -1. */
static int
previous_sibling (PlenaryEditorView *self,
                  guint              first)
{
  /* The nearest line above whose block ends right at FIRST; a block that
   * goes past FIRST holds it, and it cannot leave its parent. */
  for (guint i = first; i > 0; i--)
    {
      guint candidate = i - 1;
      guint end = block_end (self, candidate);

      if (end > first)
        return -1;
      if (end == first && are_siblings (self, candidate, first))
        return candidate;
    }

  return -1;
}

gboolean
plenary_editor_view_move_paragraph (PlenaryEditorView *self,
                                    int                direction)
{
  GtkTextIter cursor, start, end, target;
  guint line, first, after, other_first, other_after, column;
  g_autofree char *moved = NULL;

  g_return_val_if_fail (PLENARY_IS_EDITOR_VIEW (self), FALSE);

  if (self->buffer == NULL)
    return FALSE;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  line = gtk_text_iter_get_line (&cursor);
  column = gtk_text_iter_get_line_offset (&cursor);

  /* From inside a sub-paragraph, its own block moves among its siblings. */
  first = line;
  after = block_end (self, first);

  if (direction < 0)
    {
      int previous = previous_sibling (self, first);

      if (previous < 0)
        return FALSE;
      other_first = previous;
      other_after = first;
    }
  else
    {
      if (after >= self->lines->len || !are_siblings (self, after, first) ||
          (self->kind == PLENARY_DRAFT_KIND_RESOLUTION && entry_at (self, after)->level < entry_at (self, first)->level))
        return FALSE;
      other_first = after;
      other_after = block_end (self, other_first);
    }

  gtk_text_buffer_begin_user_action (self->buffer);

  /* Take the block out with its newline, then put it back at the other side
   * of its neighbour. Lines are joined by "\n" so the last line has none. */
  gtk_text_buffer_get_iter_at_line (self->buffer, &start, first);
  if (after < self->lines->len)
    gtk_text_buffer_get_iter_at_line (self->buffer, &end, after);
  else
    {
      gtk_text_buffer_get_end_iter (self->buffer, &end);
      gtk_text_iter_backward_char (&start);
    }
  moved = gtk_text_iter_get_slice (&start, &end);
  if (after >= self->lines->len)
    {
      /* "\nlast" becomes "last\n" before its new neighbour. */
      char *fixed = g_strconcat (moved + 1, "\n", NULL);
      g_free (moved);
      moved = fixed;
    }
  gtk_text_buffer_delete (self->buffer, &start, &end);

  if (direction < 0)
    gtk_text_buffer_get_iter_at_line (self->buffer, &target, other_first);
  else
    {
      guint new_first = other_after - (after - first);

      if (new_first < self->lines->len && new_first < (guint) gtk_text_buffer_get_line_count (self->buffer) &&
          !(other_after >= self->lines->len + (after - first)))
        gtk_text_buffer_get_iter_at_line (self->buffer, &target, new_first);
      else
        gtk_text_buffer_get_end_iter (self->buffer, &target);
    }

  if (gtk_text_iter_is_end (&target) && !gtk_text_iter_starts_line (&target))
    {
      /* Moving below the last line: "last\n" + block without its newline. */
      moved[strlen (moved) - 1] = '\0';
      gtk_text_buffer_insert (self->buffer, &target, "\n", 1);
      line = gtk_text_iter_get_line (&target);
      gtk_text_buffer_insert (self->buffer, &target, moved, -1);
    }
  else
    {
      line = gtk_text_iter_get_line (&target);
      gtk_text_buffer_insert (self->buffer, &target, moved, -1);
    }

  gtk_text_buffer_end_user_action (self->buffer);

  gtk_text_buffer_get_iter_at_line_offset (self->buffer, &cursor, line, column);
  gtk_text_buffer_place_cursor (self->buffer, &cursor);
  gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (self), gtk_text_buffer_get_insert (self->buffer));

  return TRUE;
}

gboolean
plenary_editor_view_change_level (PlenaryEditorView *self,
                                  int                delta)
{
  GtkTextIter cursor, start, end;
  const LineEntry *entry;
  guint line;

  g_return_val_if_fail (PLENARY_IS_EDITOR_VIEW (self), FALSE);

  if (self->buffer == NULL || self->kind != PLENARY_DRAFT_KIND_RESOLUTION)
    return FALSE;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  line = gtk_text_iter_get_line (&cursor);
  entry = entry_at (self, line);

  /* Only at the start of the paragraph: elsewhere Tab is a tab. */
  if ((guint) gtk_text_iter_get_line_index (&cursor) > entry->content_start)
    return FALSE;

  gtk_text_buffer_get_iter_at_line (self->buffer, &start, line);

  if (delta > 0)
    {
      const LineEntry *above;

      if (line == 0 || entry->is_opening || entry->level >= 2)
        return FALSE;
      above = entry_at (self, line - 1);
      /* A sub-paragraph belongs under an operative paragraph or another
       * sub-paragraph of at least the level it goes to. */
      if (above->role != PLENARY_ROLE_OPERATIVE && above->role != PLENARY_ROLE_SUBPARAGRAPH)
        return FALSE;
      if (entry->role == PLENARY_ROLE_SUBPARAGRAPH && above->level < entry->level)
        return FALSE;
      gtk_text_buffer_insert (self->buffer, &start, "\t", 1);
      return TRUE;
    }

  if (entry->role != PLENARY_ROLE_SUBPARAGRAPH || entry->level == 0)
    return FALSE;

  end = start;
  if (gtk_text_iter_get_char (&end) == '\t')
    {
      gtk_text_iter_forward_char (&end);
      gtk_text_buffer_delete (self->buffer, &start, &end);
      return TRUE;
    }

  return FALSE;
}

/* In a brief, Enter on a bullet starts the next bullet; Enter on an empty
 * bullet ends the list. */
static gboolean
continue_bullet (PlenaryEditorView *self)
{
  GtkTextIter cursor, start, end;
  const LineEntry *entry;
  guint line;

  if (self->buffer == NULL || self->kind != PLENARY_DRAFT_KIND_BRIEF ||
      gtk_text_buffer_get_has_selection (self->buffer))
    return FALSE;

  g_autofree char *text = NULL;
  gboolean empty;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  line = gtk_text_iter_get_line (&cursor);
  entry = entry_at (self, line);
  text = dup_line (self, line, &start, &end);
  g_strstrip (text);

  /* A bullet with nothing after it yet is not one for the parser. */
  empty = g_str_equal (text, "•");
  if (entry->role != PLENARY_ROLE_BULLET && !empty)
    return FALSE;

  gtk_text_buffer_begin_user_action (self->buffer);
  if (empty)
    gtk_text_buffer_delete (self->buffer, &start, &end);
  else
    gtk_text_buffer_insert (self->buffer, &cursor, "\n• ", -1);
  gtk_text_buffer_end_user_action (self->buffer);

  gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (self), gtk_text_buffer_get_insert (self->buffer));
  return TRUE;
}

static gboolean
on_key_pressed (PlenaryEditorView     *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  state &= gtk_accelerator_get_default_mod_mask ();

  if (keyval == GDK_KEY_Tab && state == 0)
    return plenary_editor_view_change_level (self, 1);
  if ((keyval == GDK_KEY_ISO_Left_Tab || keyval == GDK_KEY_Tab) && state == GDK_SHIFT_MASK)
    return plenary_editor_view_change_level (self, -1);
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && state == 0)
    return continue_bullet (self);
  /* GtkSourceView moves bare lines on Alt+Up/Down; a paragraph moves with
   * its sub-paragraphs, or not at all. */
  if ((keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up) && state == GDK_ALT_MASK)
    {
      plenary_editor_view_move_paragraph (self, -1);
      return GDK_EVENT_STOP;
    }
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) && state == GDK_ALT_MASK)
    {
      plenary_editor_view_move_paragraph (self, 1);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

/* GObject -------------------------------------------------------------- */

static void
disconnect_buffer (PlenaryEditorView *self)
{
  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->buffer);
  g_clear_object (&self->document);
}

static void
plenary_editor_view_dispose (GObject *object)
{
  PlenaryEditorView *self = PLENARY_EDITOR_VIEW (object);

  g_clear_handle_id (&self->normalize_source, g_source_remove);
  disconnect_buffer (self);
  g_clear_object (&self->marker_layout);

  G_OBJECT_CLASS (plenary_editor_view_parent_class)->dispose (object);
}

static void
plenary_editor_view_finalize (GObject *object)
{
  PlenaryEditorView *self = PLENARY_EDITOR_VIEW (object);

  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (plenary_editor_view_parent_class)->finalize (object);
}

static void
plenary_editor_view_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  PlenaryEditorView *self = PLENARY_EDITOR_VIEW (widget);

  GTK_WIDGET_CLASS (plenary_editor_view_parent_class)->css_changed (widget, change);

  /* The editor font may have changed. */
  g_clear_object (&self->marker_layout);
}

static void
plenary_editor_view_class_init (PlenaryEditorViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->dispose = plenary_editor_view_dispose;
  object_class->finalize = plenary_editor_view_finalize;
  widget_class->css_changed = plenary_editor_view_css_changed;
  text_view_class->snapshot_layer = plenary_editor_view_snapshot_layer;

  signals[LINES_CHANGED] =
    g_signal_new ("lines-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

}

static void
plenary_editor_view_init (PlenaryEditorView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->lines = g_array_new (FALSE, TRUE, sizeof (LineEntry));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

void
plenary_editor_view_set_document (PlenaryEditorView *self,
                                  PlenaryDocument   *document)
{
  g_return_if_fail (PLENARY_IS_EDITOR_VIEW (self));
  g_return_if_fail (PLENARY_IS_DOCUMENT (document));

  disconnect_buffer (self);

  self->document = g_object_ref (document);
  self->buffer = g_object_ref (GTK_TEXT_BUFFER (plenary_document_get_buffer (document)));
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self), self->buffer);
  create_tags (self);

  g_signal_connect_object (self->buffer, "insert-text", G_CALLBACK (on_insert_text_before),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "insert-text", G_CALLBACK (on_insert_text_after),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "delete-range", G_CALLBACK (on_delete_range),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "delete-range", G_CALLBACK (on_delete_range_after),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (document, "notify::draft", G_CALLBACK (update_dictionary),
                           self, G_CONNECT_SWAPPED);

  update_dictionary (self);
}

PlenaryDocument *
plenary_editor_view_get_document (PlenaryEditorView *self)
{
  g_return_val_if_fail (PLENARY_IS_EDITOR_VIEW (self), NULL);
  return self->document;
}

guint
plenary_editor_view_get_n_lines (PlenaryEditorView *self)
{
  g_return_val_if_fail (PLENARY_IS_EDITOR_VIEW (self), 0);
  return self->lines->len;
}

gboolean
plenary_editor_view_get_line (PlenaryEditorView *self,
                              guint              line,
                              PlenaryRole       *role,
                              guint             *level,
                              gboolean          *is_opening,
                              gboolean          *is_blank)
{
  const LineEntry *entry;

  g_return_val_if_fail (PLENARY_IS_EDITOR_VIEW (self), FALSE);

  if (line >= self->lines->len)
    return FALSE;

  entry = entry_at (self, line);
  if (role) *role = entry->role;
  if (level) *level = entry->level;
  if (is_opening) *is_opening = entry->is_opening;
  if (is_blank) *is_blank = entry->is_blank;

  return TRUE;
}

const PlenaryLineState *
plenary_editor_view_get_state_before (PlenaryEditorView *self,
                                      guint              line)
{
  g_return_val_if_fail (PLENARY_IS_EDITOR_VIEW (self), NULL);
  g_return_val_if_fail (line < self->lines->len, NULL);

  return &entry_at (self, line)->before;
}

char *
plenary_editor_view_dup_marker (PlenaryEditorView *self,
                                guint              line)
{
  guint counters[3] = { 0, 0, 0 };
  guint level = 0;

  g_return_val_if_fail (PLENARY_IS_EDITOR_VIEW (self), NULL);

  if (line >= self->lines->len || self->kind != PLENARY_DRAFT_KIND_RESOLUTION)
    return NULL;

  for (guint i = 0; i <= line; i++)
    {
      const LineEntry *entry = entry_at (self, i);

      if (entry->is_blank || entry->is_opening)
        {
          if (i == line)
            return NULL;
          continue;
        }
      if (entry->role == PLENARY_ROLE_OPERATIVE)
        level = 0;
      else if (entry->role == PLENARY_ROLE_SUBPARAGRAPH)
        level = MIN (entry->level, 2);
      else
        {
          counters[1] = counters[2] = 0;
          if (i == line)
            return NULL;
          continue;
        }
      counters[level]++;
      for (guint l = level + 1; l < 3; l++)
        counters[l] = 0;
    }

  return plenary_clause_marker (self->language, level, counters[level] - 1);
}

PlenaryPhraseDictionary *
plenary_editor_view_get_dictionary (PlenaryEditorView *self)
{
  g_return_val_if_fail (PLENARY_IS_EDITOR_VIEW (self), NULL);
  return self->dictionary;
}

gboolean
plenary_editor_view_newline (PlenaryEditorView *self)
{
  g_return_val_if_fail (PLENARY_IS_EDITOR_VIEW (self), FALSE);
  return continue_bullet (self);
}

void
plenary_editor_view_go_to_line (PlenaryEditorView *self,
                                guint              line,
                                gsize              index)
{
  GtkTextIter iter;

  g_return_if_fail (PLENARY_IS_EDITOR_VIEW (self));

  if (self->buffer == NULL)
    return;

  gtk_text_buffer_get_iter_at_line (self->buffer, &iter, line);
  if (index < (gsize) gtk_text_iter_get_bytes_in_line (&iter))
    gtk_text_iter_set_line_index (&iter, index);
  /* Indentation is hidden: start where the paragraph's words do. */
  while ((gtk_text_iter_get_char (&iter) == '\t' || gtk_text_iter_get_char (&iter) == ' ') &&
         !gtk_text_iter_ends_line (&iter))
    gtk_text_iter_forward_char (&iter);

  gtk_text_buffer_place_cursor (self->buffer, &iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), gtk_text_buffer_get_insert (self->buffer),
                                0.0, TRUE, 0.0, 0.3);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

void
plenary_line_changes_add (PlenaryLineChanges *self,
                          guint               first,
                          guint               last,
                          guint               n_lines)
{
  int shift = (int) n_lines - (int) self->n_lines;

  /* Lines after FIRST moved by SHIFT: keep the range in the new numbering. */
  if (self->first < 0)
    {
      self->first = first;
      self->last = last;
    }
  else
    {
      if (self->last > (int) first)
        self->last = MAX (self->last + shift, (int) first);
      self->first = MIN (self->first, (int) first);
      self->last = MAX (self->last, (int) last);
    }
  self->n_lines = n_lines;
}

void
plenary_line_changes_done (PlenaryLineChanges *self)
{
  self->first = self->last = -1;
  self->synced_lines = self->n_lines;
}

int
plenary_line_changes_get_shift (const PlenaryLineChanges *self)
{
  return (int) self->n_lines - (int) self->synced_lines;
}
