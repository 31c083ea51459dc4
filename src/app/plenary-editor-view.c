/* plenary-editor-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-editor-view"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plenary-clause-printer.h"
#include "plenary-editor-view.h"
#include "plenary-paragraph-status.h"
#include "plenary-templates.h"

/* Pixels between the end of a drawn marker and the text. */
#define MARKER_GAP   10
/* The paragraph-status bar, at the view's left edge. */
#define STATUS_BAR_X     2
#define STATUS_BAR_WIDTH 4
/* Indentation step of the levels, in pixels, added to the view's margin. */
#define INDENT_STEP  44

struct _PlenaryEditorView
{
  GtkSourceView            parent_instance;

  PlenaryDocument         *document;
  GtkTextBuffer           *buffer;
  /* The document's classification of the lines; the view draws it. */
  PlenaryLineIndex        *index;
  PlenaryDraftKind         kind;
  char                    *language;

  PangoLayout             *marker_layout;

  GtkTextTag              *phrase_tag;
  GtkTextTag              *hidden_tag;
  GtkTextTag              *opening_tag;
  GtkTextTag              *preambular_tag;
  GtkTextTag              *level_tags[3];
  GtkTextTag              *heading_tag;
  GtkTextTag              *bullet_tag;
  GtkTextTag              *note_tag;   /* "[^1]: …" after the text */
  GtkTextTag              *call_tag;   /* "[^1]", a note's call */

  /* Accept and reject, in the context menu: "Accept All by France" names
   * the delegation of the proposal at the cursor. */
  GMenu                   *proposal_section;
  char                    *menu_delegation;

  /* The draft's "paragraph-status-changed": the margin's bars follow. */
  GSignalGroup            *draft_signals;
};

G_DEFINE_FINAL_TYPE (PlenaryEditorView, plenary_editor_view, GTK_SOURCE_TYPE_VIEW)

typedef PlenaryLineInfo LineEntry;

static const LineEntry *
entry_at (PlenaryEditorView *self,
          guint              line)
{
  return plenary_line_index_get_info (self->index, line);
}

static guint
n_lines (PlenaryEditorView *self)
{
  return plenary_line_index_get_n_lines (self->index);
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
  self->note_tag = plenary_text_buffer_ensure_tag (self->buffer, "plenary-note", "scale", 0.85, NULL);
  self->call_tag = plenary_text_buffer_ensure_tag (self->buffer, "plenary-note-call",
                                                   "scale", 0.75, "rise", 4 * PANGO_SCALE, NULL);
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
    self->note_tag, self->call_tag,
  };
  GtkTextTag *paragraph = NULL;
  GtkTextIter through = *end;
  g_autofree char *text = NULL;

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
  else if (info->is_note)
    paragraph = self->note_tag;

  if (paragraph != NULL)
    gtk_text_buffer_apply_tag (self->buffer, paragraph, start, &through);

  /* Indentation and typed numbers are drawn, not shown as characters. */
  if (self->kind == PLENARY_DRAFT_KIND_RESOLUTION || info->role == PLENARY_ROLE_HEADING)
    tag_range (self, self->hidden_tag, line, 0, info->content_start);

  /* Unknown phrases get their hint underline from the checks. */
  tag_range (self, self->phrase_tag, line, info->phrase_start, info->phrase_end);

  /* Note calls "[^1]" raised, as the superscript they print as. */
  text = gtk_text_iter_get_slice (start, end);
  for (const char *call = strstr (text, "[^"); call != NULL; call = strstr (call + 2, "[^"))
    {
      const char *close = strchr (call + 2, ']');

      if (close != NULL && close - call > 2 && memchr (call + 2, ' ', close - call - 2) == NULL)
        tag_range (self, self->call_tag, line, call - text, close + 1 - text);
    }
}

/* The index classified lines FIRST to LAST again: style them. */
static void
on_lines_changed (PlenaryEditorView *self,
                  guint              first,
                  guint              last)
{
  /* A new kind or language classifies every line again. */
  if (g_strcmp0 (self->language, plenary_line_index_get_language (self->index)) != 0)
    {
      g_free (self->language);
      self->language = g_strdup (plenary_line_index_get_language (self->index));
    }
  self->kind = plenary_line_index_get_kind (self->index);

  for (guint i = first; i <= last && i < n_lines (self); i++)
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_line (self->buffer, &start, i);
      end = start;
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
      style_line (self, i, &start, &end, entry_at (self, i));
    }

  /* Numbers below the edit may have changed without their lines moving. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

/* A brief's empty section shows what goes in it, as a placeholder on its
 * blank line: dimmed, in italics, gone as soon as the section has text, and
 * never part of the text (nor of the PDF). */
static void
snapshot_hints (PlenaryEditorView *self,
                GtkSnapshot       *snapshot)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self);
  GdkRectangle visible;
  GdkRGBA color;

  gtk_text_view_get_visible_rect (text_view, &visible);
  get_marker_color (self, &color);
  color.alpha *= 0.6;

  for (guint i = 0; i + 1 < n_lines (self); i++)
    {
      g_autofree char *heading = NULL;
      g_autofree char *hint = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      PangoAttrList *attrs;
      GtkTextIter start, end;
      GdkRectangle location;
      guint j;

      if (entry_at (self, i)->role != PLENARY_ROLE_HEADING || !entry_at (self, i + 1)->is_blank)
        continue;
      for (j = i + 1; j < n_lines (self) && entry_at (self, j)->is_blank; j++)
        ;
      if (j < n_lines (self) && entry_at (self, j)->role != PLENARY_ROLE_HEADING)
        continue;

      gtk_text_buffer_get_iter_at_line (self->buffer, &start, i + 1);
      gtk_text_view_get_iter_location (text_view, &start, &location);
      if (location.y > visible.y + visible.height || location.y + location.height < visible.y)
        continue;

      heading = dup_line (self, i, &start, &end);
      hint = plenary_templates_dup_hint_for_heading (self->language,
                                                     heading + entry_at (self, i)->content_start);
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), hint != NULL ? hint : _("Write this section here."));
      attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      /* One line: the next heading follows right below. */
      pango_layout_set_width (layout, MAX (1, visible.x + visible.width - location.x -
                                              gtk_text_view_get_right_margin (text_view)) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (location.x, location.y));
      gtk_snapshot_append_layout (snapshot, layout, &color);
      gtk_snapshot_restore (snapshot);
    }
}

static void
on_draft_changed (PlenaryEditorView *self)
{
  if (self->draft_signals == NULL)
    {
      self->draft_signals = g_signal_group_new (PLENARY_TYPE_DRAFT);
      g_signal_group_connect_object (self->draft_signals, "paragraph-status-changed",
                                     G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
      /* Dark or light, the bars' colours change. */
      g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                               G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
    }
  g_signal_group_set_target (self->draft_signals, plenary_document_get_draft (self->document));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The status of LINE's paragraph in the negotiation. */
static PlenaryParagraphStatus
line_status (PlenaryEditorView *self,
             guint              line)
{
  const char *id;

  if (self->document == NULL || line >= n_lines (self) ||
      (id = plenary_line_index_get_id (self->index, line)) == NULL)
    return PLENARY_PARAGRAPH_STATUS_NONE;

  return plenary_draft_get_paragraph_status (plenary_document_get_draft (self->document), id);
}

/* A bar in the left margin beside each paragraph with a status, in its
 * colour, beside the words only (not the space below the paragraph). */
static void
snapshot_statuses (PlenaryEditorView *self,
                   GtkSnapshot       *snapshot)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  int below = gtk_text_view_get_pixels_below_lines (text_view);
  GdkRectangle visible;
  GtkTextIter iter;
  guint first, last;

  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_line_at_y (text_view, &iter, visible.y, NULL);
  first = gtk_text_iter_get_line (&iter);
  gtk_text_view_get_line_at_y (text_view, &iter, visible.y + visible.height, NULL);
  last = gtk_text_iter_get_line (&iter);

  for (guint line = first; line <= last; line++)
    {
      PlenaryParagraphStatus status = line_status (self, line);
      GdkRGBA color;
      int y, height;

      if (status == PLENARY_PARAGRAPH_STATUS_NONE)
        continue;
      gtk_text_buffer_get_iter_at_line (self->buffer, &iter, line);
      gtk_text_view_get_line_yrange (text_view, &iter, &y, &height);
      plenary_paragraph_status_color (status, dark, &color);
      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (visible.x + STATUS_BAR_X, y, STATUS_BAR_WIDTH,
                                                      MAX (1, height - below)));
    }
}

static gboolean
plenary_editor_view_query_tooltip (GtkWidget  *widget,
                                   int         x,
                                   int         y,
                                   gboolean    keyboard,
                                   GtkTooltip *tooltip)
{
  PlenaryEditorView *self = PLENARY_EDITOR_VIEW (widget);
  PlenaryParagraphStatus status;
  g_autofree char *text = NULL;
  GtkTextIter iter;
  int bx, by;

  if (!keyboard && x < STATUS_BAR_X + STATUS_BAR_WIDTH + 4 && self->buffer != NULL)
    {
      gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
      gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (self), &iter, by, NULL);
      status = line_status (self, gtk_text_iter_get_line (&iter));
      if (status != PLENARY_PARAGRAPH_STATUS_NONE)
        {
          /* Translators: the tooltip of a paragraph's mark in the margin, %s is its status ("Agreed"). */
          text = g_strdup_printf (_("Paragraph status: %s"), plenary_paragraph_status_get_label (status));
          gtk_tooltip_set_text (tooltip, text);
          return TRUE;
        }
    }

  return GTK_WIDGET_CLASS (plenary_editor_view_parent_class)->query_tooltip (widget, x, y, keyboard, tooltip);
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

  if (layer != GTK_TEXT_VIEW_LAYER_ABOVE_TEXT || self->buffer == NULL)
    return;

  snapshot_statuses (self, snapshot);
  if (self->kind == PLENARY_DRAFT_KIND_BRIEF)
    {
      snapshot_hints (self, snapshot);
      return;
    }
  if (self->kind != PLENARY_DRAFT_KIND_RESOLUTION)
    return;

  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_line_at_y (text_view, &iter, visible.y, NULL);
  first = gtk_text_iter_get_line (&iter);
  gtk_text_view_get_line_at_y (text_view, &iter, visible.y + visible.height, NULL);
  last = MIN (gtk_text_iter_get_line (&iter), (int) n_lines (self) - 1);

  if (self->marker_layout == NULL)
    self->marker_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  get_marker_color (self, &color);

  /* Counting from the top costs a few microseconds for thousands of lines,
   * and keeps the numbers right whatever was edited. */
  for (guint i = 0; i <= last && i < n_lines (self); i++)
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
      /* The first visible character: GTK 4.8 places an iter that follows
       * invisible text (the tabs and typed numbers hidden above) one
       * character further per hidden one, so that a marker measured there
       * lands on the text. The line's start is placed where the text
       * starts, whatever is hidden. */
      gtk_text_buffer_get_iter_at_line (self->buffer, &iter, i);
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

  while (end < n_lines (self) && belongs_under (self, line, end))
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

  /* A move is no proposal: while suggesting, the paragraphs stay. */
  if (self->buffer == NULL || plenary_document_get_suggesting (self->document))
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
      if (after >= n_lines (self) || !are_siblings (self, after, first) ||
          (self->kind == PLENARY_DRAFT_KIND_RESOLUTION && entry_at (self, after)->level < entry_at (self, first)->level))
        return FALSE;
      other_first = after;
      other_after = block_end (self, other_first);
    }

  gtk_text_buffer_begin_user_action (self->buffer);

  /* Take the block out with its newline, then put it back at the other side
   * of its neighbour. Lines are joined by "\n" so the last line has none. */
  gtk_text_buffer_get_iter_at_line (self->buffer, &start, first);
  if (after < n_lines (self))
    gtk_text_buffer_get_iter_at_line (self->buffer, &end, after);
  else
    {
      gtk_text_buffer_get_end_iter (self->buffer, &end);
      gtk_text_iter_backward_char (&start);
    }
  moved = gtk_text_iter_get_slice (&start, &end);
  if (after >= n_lines (self))
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

      if (new_first < n_lines (self) && new_first < (guint) gtk_text_buffer_get_line_count (self->buffer) &&
          !(other_after >= n_lines (self) + (after - first)))
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

/* The tabs that start LINE: the level the writer has given it, even while it
 * is still empty and the parser sees no sub-paragraph yet. */
static guint
leading_tabs (PlenaryEditorView *self,
              guint              line,
              gboolean          *empty)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  guint tabs = 0;

  text = dup_line (self, line, &start, &end);
  while (text[tabs] == '\t')
    tabs++;
  if (empty != NULL)
    *empty = text[tabs + strspn (text + tabs, " \t")] == '\0';

  return tabs;
}

gboolean
plenary_editor_view_change_level (PlenaryEditorView *self,
                                  int                delta)
{
  GtkTextIter cursor, start, end;
  const LineEntry *entry;
  guint line, tabs;
  gboolean empty;

  g_return_val_if_fail (PLENARY_IS_EDITOR_VIEW (self), FALSE);

  if (self->buffer == NULL || self->kind != PLENARY_DRAFT_KIND_RESOLUTION)
    return FALSE;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  line = gtk_text_iter_get_line (&cursor);
  entry = entry_at (self, line);
  tabs = leading_tabs (self, line, &empty);

  /* Only at the start of the paragraph: elsewhere Tab is a tab. A new empty
   * sub-paragraph is only its tabs, and the cursor stands after them. */
  if (empty ? (guint) gtk_text_iter_get_line_index (&cursor) > tabs
            : (guint) gtk_text_iter_get_line_index (&cursor) > entry->content_start)
    return FALSE;

  gtk_text_buffer_get_iter_at_line (self->buffer, &start, line);

  if (delta > 0)
    {
      const LineEntry *above;
      guint above_level;

      if (line == 0 || entry->is_opening || tabs >= 2 || (!empty && entry->level >= 2))
        return FALSE;
      above = entry_at (self, line - 1);
      /* A sub-paragraph belongs under an operative paragraph or another
       * sub-paragraph of at least the level it goes to. */
      if (above->role != PLENARY_ROLE_OPERATIVE && above->role != PLENARY_ROLE_SUBPARAGRAPH)
        return FALSE;
      above_level = above->role == PLENARY_ROLE_SUBPARAGRAPH ? above->level : 0;
      if (above_level < (empty ? tabs : entry->role == PLENARY_ROLE_SUBPARAGRAPH ? entry->level : 0))
        return FALSE;
      gtk_text_buffer_insert (self->buffer, &start, "\t", 1);
      return TRUE;
    }

  if (empty ? tabs == 0 : entry->role != PLENARY_ROLE_SUBPARAGRAPH || entry->level == 0)
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

/* In a resolution, Enter at the end of a sub-paragraph starts the next one at
 * the same level; Enter on an empty sub-paragraph raises it one level, as
 * lists do. */
static gboolean
continue_subparagraph (PlenaryEditorView *self)
{
  GtkTextIter cursor, start;
  const LineEntry *entry;
  g_autofree char *indent = NULL;
  guint line, tabs;
  gboolean empty;

  if (self->buffer == NULL || self->kind != PLENARY_DRAFT_KIND_RESOLUTION ||
      gtk_text_buffer_get_has_selection (self->buffer))
    return FALSE;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  line = gtk_text_iter_get_line (&cursor);
  entry = entry_at (self, line);
  tabs = leading_tabs (self, line, &empty);

  if (empty)
    {
      GtkTextIter end;

      if (tabs == 0)
        return FALSE;
      gtk_text_buffer_get_iter_at_line (self->buffer, &start, line);
      end = start;
      gtk_text_iter_forward_char (&end);
      gtk_text_buffer_begin_user_action (self->buffer);
      gtk_text_buffer_delete (self->buffer, &start, &end);
      gtk_text_buffer_end_user_action (self->buffer);
      return TRUE;
    }

  /* Before the text, Enter opens a line above as it always does. */
  if (entry->role != PLENARY_ROLE_SUBPARAGRAPH || entry->level == 0 ||
      (guint) gtk_text_iter_get_line_index (&cursor) <= entry->content_start)
    return FALSE;

  indent = g_strnfill (MIN (entry->level, 2), '\t');
  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_insert (self->buffer, &cursor, "\n", 1);
  gtk_text_buffer_insert (self->buffer, &cursor, indent, -1);
  gtk_text_buffer_end_user_action (self->buffer);
  gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (self), gtk_text_buffer_get_insert (self->buffer));

  return TRUE;
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
    return continue_bullet (self) || continue_subparagraph (self);
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

/* Proposals ----------------------------------------------------------- */

static void
get_cursor (PlenaryEditorView *self,
            GtkTextIter       *iter)
{
  gtk_text_buffer_get_iter_at_mark (self->buffer, iter, gtk_text_buffer_get_insert (self->buffer));
}

/* Only what applies: a text without proposals keeps its short menu. */
static void
append_proposal_item (PlenaryEditorView *self,
                      const char        *label,
                      const char        *action)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, action);

  g_menu_item_set_attribute (item, "hidden-when", "s", "action-disabled");
  g_menu_append_item (self->proposal_section, item);
}

static void
fill_proposal_section (PlenaryEditorView *self,
                       const char        *delegation)
{
  g_menu_remove_all (self->proposal_section);
  append_proposal_item (self, _("_Accept Proposal"), "proposal.accept");
  append_proposal_item (self, _("_Reject Proposal"), "proposal.reject");
  if (delegation != NULL)
    {
      /* Translators: %s is a delegation, "France". */
      g_autofree char *accept_by = g_strdup_printf (_("Accept All by %s"), delegation);
      /* Translators: %s is a delegation, "France". */
      g_autofree char *reject_by = g_strdup_printf (_("Reject All by %s"), delegation);

      append_proposal_item (self, accept_by, "proposal.accept-delegation");
      append_proposal_item (self, reject_by, "proposal.reject-delegation");
    }
  append_proposal_item (self, _("Accept All in Paragraph"), "proposal.accept-paragraph");
  append_proposal_item (self, _("Reject All in Paragraph"), "proposal.reject-paragraph");
  append_proposal_item (self, _("Accept All Proposals"), "proposal.accept-all");
  append_proposal_item (self, _("Reject All Proposals"), "proposal.reject-all");
}

/* One place says which proposal actions apply at the cursor. */
static void
update_proposal_actions (PlenaryEditorView *self)
{
  const char *delegation = NULL;
  gboolean here = FALSE;
  gboolean any = FALSE;
  GtkTextIter cursor;

  if (self->document != NULL)
    {
      get_cursor (self, &cursor);
      here = plenary_document_has_proposal_at (self->document, &cursor, &delegation);
      any = plenary_document_has_proposals (self->document);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposal.accept", here);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposal.reject", here);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposal.accept-delegation", here);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposal.reject-delegation", here);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposal.accept-paragraph", here);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposal.reject-paragraph", here);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposal.accept-all", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposal.reject-all", any);

  if (here && g_strcmp0 (delegation, self->menu_delegation) != 0)
    {
      g_free (self->menu_delegation);
      self->menu_delegation = g_strdup (delegation);
      fill_proposal_section (self, delegation);
    }
}

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PlenaryEditorView *self = PLENARY_EDITOR_VIEW (widget);
  gboolean accept = g_str_has_prefix (action_name, "proposal.accept");
  PlenaryProposal *proposal = NULL;
  GtkTextIter cursor;

  if (self->document == NULL)
    return;

  get_cursor (self, &cursor);
  if (!g_str_has_suffix (action_name, "-all") &&
      !(proposal = plenary_document_get_proposal_at (self->document, &cursor)))
    return;

  if (g_str_has_suffix (action_name, "-delegation"))
    plenary_document_resolve_proposals (self->document, NULL, plenary_proposal_get_delegation (proposal), NULL, accept);
  else if (g_str_has_suffix (action_name, "-paragraph"))
    plenary_document_resolve_proposals (self->document, NULL, NULL, plenary_proposal_get_paragraph (proposal), accept);
  else if (g_str_has_suffix (action_name, "-all"))
    plenary_document_resolve_proposals (self->document, NULL, NULL, NULL, accept);
  else
    plenary_document_resolve_proposals (self->document, proposal, NULL, NULL, accept);

  update_proposal_actions (self);
}

static void
on_suggesting_changed (PlenaryEditorView *self)
{
  if (plenary_document_get_suggesting (self->document))
    gtk_widget_add_css_class (GTK_WIDGET (self), "suggesting");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "suggesting");
}

GMenuModel *
plenary_editor_view_get_proposal_menu (PlenaryEditorView *self)
{
  g_return_val_if_fail (PLENARY_IS_EDITOR_VIEW (self), NULL);
  return G_MENU_MODEL (self->proposal_section);
}

/* GObject -------------------------------------------------------------- */

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

static void
disconnect_buffer (PlenaryEditorView *self)
{
  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  if (self->index != NULL)
    g_signal_handlers_disconnect_by_data (self->index, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->buffer);
  g_clear_object (&self->index);
  g_clear_object (&self->document);
}

static void
plenary_editor_view_dispose (GObject *object)
{
  PlenaryEditorView *self = PLENARY_EDITOR_VIEW (object);

  disconnect_buffer (self);
  g_clear_object (&self->marker_layout);
  g_clear_object (&self->proposal_section);
  if (self->draft_signals != NULL)
    g_signal_group_set_target (self->draft_signals, NULL);
  g_clear_object (&self->draft_signals);

  G_OBJECT_CLASS (plenary_editor_view_parent_class)->dispose (object);
}

static void
plenary_editor_view_finalize (GObject *object)
{
  PlenaryEditorView *self = PLENARY_EDITOR_VIEW (object);

  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->menu_delegation, g_free);

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
  widget_class->query_tooltip = plenary_editor_view_query_tooltip;

  /* The proposal at the cursor (Ctrl+Alt+Y: yes, Ctrl+Alt+N: no). */
  gtk_widget_class_install_action (widget_class, "proposal.accept", NULL, resolve_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK | GDK_ALT_MASK, "proposal.accept", NULL);
  gtk_widget_class_install_action (widget_class, "proposal.reject", NULL, resolve_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_ALT_MASK, "proposal.reject", NULL);
  gtk_widget_class_install_action (widget_class, "proposal.accept-delegation", NULL, resolve_action);
  gtk_widget_class_install_action (widget_class, "proposal.reject-delegation", NULL, resolve_action);
  gtk_widget_class_install_action (widget_class, "proposal.accept-paragraph", NULL, resolve_action);
  gtk_widget_class_install_action (widget_class, "proposal.reject-paragraph", NULL, resolve_action);
  gtk_widget_class_install_action (widget_class, "proposal.accept-all", NULL, resolve_action);
  gtk_widget_class_install_action (widget_class, "proposal.reject-all", NULL, resolve_action);
}

static void
plenary_editor_view_init (PlenaryEditorView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  self->proposal_section = g_menu_new ();
  fill_proposal_section (self, NULL);
  update_proposal_actions (self);
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
  self->index = g_object_ref (plenary_document_get_line_index (document));
  create_tags (self);

  g_signal_connect_object (self->buffer, "insert-text", G_CALLBACK (on_insert_text_before),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->index, "lines-changed", G_CALLBACK (on_lines_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "notify::cursor-position", G_CALLBACK (update_proposal_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "changed", G_CALLBACK (update_proposal_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::suggesting", G_CALLBACK (on_suggesting_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::draft", G_CALLBACK (on_draft_changed),
                           self, G_CONNECT_SWAPPED);
  on_draft_changed (self);
  on_suggesting_changed (self);
  update_proposal_actions (self);
  if (n_lines (self) > 0)
    on_lines_changed (self, 0, n_lines (self) - 1);
}

PlenaryDocument *
plenary_editor_view_get_document (PlenaryEditorView *self)
{
  g_return_val_if_fail (PLENARY_IS_EDITOR_VIEW (self), NULL);
  return self->document;
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
