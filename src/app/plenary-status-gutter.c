/* plenary-status-gutter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-status-gutter"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plenary-paragraph-status.h"
#include "plenary-status-gutter.h"

/* The bar, and the space between it and the text's margin. */
#define BAR_WIDTH 4
#define GUTTER_WIDTH 8

struct _PlenaryStatusGutter
{
  GtkSourceGutterRenderer parent_instance;

  PlenaryDocument        *document;
  GSignalGroup           *draft_signals;
};

G_DEFINE_FINAL_TYPE (PlenaryStatusGutter, plenary_status_gutter, GTK_SOURCE_TYPE_GUTTER_RENDERER)

PlenaryParagraphStatus
plenary_status_gutter_get_status (PlenaryStatusGutter *self,
                                  guint                line)
{
  PlenaryLineIndex *index;
  const char *id;

  g_return_val_if_fail (PLENARY_IS_STATUS_GUTTER (self), PLENARY_PARAGRAPH_STATUS_NONE);

  if (self->document == NULL)
    return PLENARY_PARAGRAPH_STATUS_NONE;
  index = plenary_document_get_line_index (self->document);
  if (line >= plenary_line_index_get_n_lines (index) ||
      (id = plenary_line_index_get_id (index, line)) == NULL)
    return PLENARY_PARAGRAPH_STATUS_NONE;

  return plenary_draft_get_paragraph_status (plenary_document_get_draft (self->document), id);
}

static void
plenary_status_gutter_snapshot_line (GtkSourceGutterRenderer *renderer,
                                     GtkSnapshot             *snapshot,
                                     GtkSourceGutterLines    *lines,
                                     guint                    line)
{
  PlenaryStatusGutter *self = PLENARY_STATUS_GUTTER (renderer);
  PlenaryParagraphStatus status = plenary_status_gutter_get_status (self, line);
  GtkTextView *view = GTK_TEXT_VIEW (gtk_source_gutter_renderer_get_view (renderer));
  GdkRGBA color;
  double y, height;

  if (status == PLENARY_PARAGRAPH_STATUS_NONE)
    return;

#if GTK_SOURCE_CHECK_VERSION (5, 16, 0)
  gtk_source_gutter_lines_get_line_extent (lines, line, GTK_SOURCE_GUTTER_RENDERER_ALIGNMENT_MODE_CELL,
                                           &y, &height);
#else
  {
    int line_y, line_height;

    gtk_source_gutter_lines_get_line_yrange (lines, line, GTK_SOURCE_GUTTER_RENDERER_ALIGNMENT_MODE_CELL,
                                             &line_y, &line_height);
    y = line_y;
    height = line_height;
  }
#endif
  /* Beside the words only, not the space that separates paragraphs. */
  height = MAX (1.0, height - gtk_text_view_get_pixels_below_lines (view));
  plenary_paragraph_status_color (status, adw_style_manager_get_dark (adw_style_manager_get_default ()), &color);
  gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (0, y, BAR_WIDTH, height));
}

static gboolean
plenary_status_gutter_query_tooltip (GtkWidget  *widget,
                                     int         x,
                                     int         y,
                                     gboolean    keyboard,
                                     GtkTooltip *tooltip)
{
  PlenaryStatusGutter *self = PLENARY_STATUS_GUTTER (widget);
  GtkTextView *view = GTK_TEXT_VIEW (gtk_source_gutter_renderer_get_view (GTK_SOURCE_GUTTER_RENDERER (self)));
  PlenaryParagraphStatus status;
  g_autofree char *text = NULL;
  GtkTextIter iter;
  double vx, vy;
  int bx, by;

  if (keyboard || view == NULL)
    return FALSE;
#if GTK_CHECK_VERSION (4, 12, 0)
  {
    graphene_point_t point;

    if (!gtk_widget_compute_point (widget, GTK_WIDGET (view), &GRAPHENE_POINT_INIT (x, y), &point))
      return FALSE;
    vx = point.x;
    vy = point.y;
  }
#else
  if (!gtk_widget_translate_coordinates (widget, GTK_WIDGET (view), x, y, &vx, &vy))
    return FALSE;
#endif

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, (int) vx, (int) vy, &bx, &by);
  gtk_text_view_get_line_at_y (view, &iter, by, NULL);
  status = plenary_status_gutter_get_status (self, gtk_text_iter_get_line (&iter));
  if (status == PLENARY_PARAGRAPH_STATUS_NONE)
    return FALSE;

  /* Translators: the tooltip of a paragraph's mark in the margin, %s is its status ("Agreed"). */
  text = g_strdup_printf (_("Paragraph status: %s"), plenary_paragraph_status_get_label (status));
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
plenary_status_gutter_dispose (GObject *object)
{
  PlenaryStatusGutter *self = PLENARY_STATUS_GUTTER (object);

  if (self->draft_signals != NULL)
    g_signal_group_set_target (self->draft_signals, NULL);
  g_clear_object (&self->draft_signals);
  g_clear_weak_pointer (&self->document);

  G_OBJECT_CLASS (plenary_status_gutter_parent_class)->dispose (object);
}

static void
plenary_status_gutter_class_init (PlenaryStatusGutterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkSourceGutterRendererClass *renderer_class = GTK_SOURCE_GUTTER_RENDERER_CLASS (klass);

  object_class->dispose = plenary_status_gutter_dispose;
  widget_class->query_tooltip = plenary_status_gutter_query_tooltip;
  renderer_class->snapshot_line = plenary_status_gutter_snapshot_line;
}

static void
plenary_status_gutter_init (PlenaryStatusGutter *self)
{
  gtk_widget_set_size_request (GTK_WIDGET (self), GUTTER_WIDTH, -1);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

static void
on_draft_changed (PlenaryStatusGutter *self)
{
  g_signal_group_set_target (self->draft_signals, plenary_document_get_draft (self->document));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GtkSourceGutterRenderer *
plenary_status_gutter_new (PlenaryDocument *document)
{
  PlenaryStatusGutter *self;

  g_return_val_if_fail (PLENARY_IS_DOCUMENT (document), NULL);

  self = g_object_new (PLENARY_TYPE_STATUS_GUTTER, NULL);
  /* The page holds the document: the gutter, which GtkSourceView may keep
   * past the page, must not keep it alive (closing a window frees it). */
  g_set_weak_pointer (&self->document, document);
  self->draft_signals = g_signal_group_new (PLENARY_TYPE_DRAFT);
  g_signal_group_connect_object (self->draft_signals, "paragraph-status-changed",
                                 G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::draft", G_CALLBACK (on_draft_changed),
                           self, G_CONNECT_SWAPPED);
  /* Dark or light, the bar's colour changes. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  on_draft_changed (self);

  return GTK_SOURCE_GUTTER_RENDERER (self);
}
