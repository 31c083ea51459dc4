/* plenary-source-viewer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-source-viewer"

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-anchor-resolver.h"
#include "plenary-pdf-view.h"
#include "plenary-source-files.h"
#include "plenary-source-search.h"
#include "plenary-source-styles.h"
#include "plenary-source-viewer.h"

/* Matches tagged per main loop iteration, so that a frequent word in a
 * huge source does not freeze the window. */
#define FIND_TAGS_PER_STEP 500

/* As low as a page fitted to the pane beside the draft (about 45 %). */
#define ZOOM_MIN  0.25
#define ZOOM_MAX  4.0
#define ZOOM_STEP 0.1

struct _PlenarySourceViewer
{
  GtkWidget           parent_instance;

  GtkWidget          *box;

  PlenaryDraft       *draft;
  PlenarySource      *source;
  GSignalGroup       *source_signals;
  GSignalGroup       *annotation_signals;

  PlenarySearchGroup *matches;
  char               *find_query;
  guint               n_tagged;
  guint               tag_idle_id;
  /* The match selected by next/previous, G_MAXUINT: none yet. */
  guint               current;

  GtkLabel           *title_label;
  GtkSearchEntry     *find_entry;
  GtkLabel           *match_label;
  GtkButton          *previous_button;
  GtkButton          *next_button;
  GtkTextView        *text_view;
  GtkTextBuffer      *buffer;

  /* A PDF whose file is on this computer shows its pages. */
  GtkStack           *content_stack;
  PlenaryPdfView     *pdf_view;
  gboolean            showing_pages;
  gboolean            following_page;
  guint               go_to_page_id;
  GtkWidget          *page_box;
  GtkSpinButton      *page_spin;
  GtkLabel           *page_total_label;
  GtkLabel           *message_label;
  char               *source_message;
  GtkLabel           *zoom_label;
  GtkCssProvider     *zoom_css;
  /* Each viewer has its own zoom: its CSS names the viewer's own class. */
  char               *zoom_class;
  double              zoom;
  GtkWidget          *pages_menu;
  /* The passages of the annotations, for the pages (PlenaryPdfMark). */
  GArray             *marks;
};

G_DEFINE_FINAL_TYPE (PlenarySourceViewer, plenary_source_viewer, GTK_TYPE_WIDGET)

enum {
  CLOSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
get_iters (PlenarySourceViewer *self,
           gint64               start,
           gint64               end,
           GtkTextIter         *start_iter,
           GtkTextIter         *end_iter)
{
  /* Code points of the source are character offsets of the buffer. */
  gint64 length = gtk_text_buffer_get_char_count (self->buffer);

  start = CLAMP (start, 0, length);
  end = CLAMP (end, start, length);
  gtk_text_buffer_get_iter_at_offset (self->buffer, start_iter, (int) start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, end_iter, (int) end);
}

static void
remove_tag_everywhere (PlenarySourceViewer *self,
                       const char          *name)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (self->buffer, name, &start, &end);
}

/* Annotations -------------------------------------------------------- */

/* Colours of the highlight categories, over the default yellow. */
static const struct {
  const char *category;
  const char *color;
} highlight_colors[] = {
  { "yellow", "rgba(246, 211, 45, 0.45)" },
  { "green", "rgba(87, 227, 137, 0.40)" },
  { "blue", "rgba(98, 160, 234, 0.40)" },
  { "red", "rgba(246, 97, 81, 0.35)" },
};

static void
add_mark (PlenarySourceViewer *self,
          gint64               start,
          gint64               end,
          PlenaryPdfMarkKind   kind,
          const char          *color)
{
  PlenaryPdfMark mark = { start, end, kind, { 0, 0, 0, 0 } };

  gdk_rgba_parse (&mark.color, color);
  g_array_append_val (self->marks, mark);
}

static const char *
mark_color (const char *tag)
{
  if (g_str_equal (tag, PLENARY_SOURCE_VIEWER_TAG_CITATION))
    return "rgba(98, 160, 234, 0.30)";
  if (g_str_equal (tag, PLENARY_SOURCE_VIEWER_TAG_COMMENT))
    return "rgba(224, 27, 36, 0.9)";
  return "rgba(246, 211, 45, 0.45)";
}

static gboolean
tag_anchor (PlenarySourceViewer *self,
            PlenaryAnchor       *anchor,
            const char          *tag,
            GtkTextIter         *start_iter,
            GtkTextIter         *end_iter)
{
  const char *text = plenary_source_get_text (self->source);
  gint64 start, end;

  if (anchor == NULL || g_strcmp0 (anchor->target, plenary_source_get_id (self->source)) != 0)
    return FALSE;

  if (!plenary_anchor_resolver_resolve (anchor, text, &start, &end, NULL))
    return FALSE;

  get_iters (self, start, end, start_iter, end_iter);
  gtk_text_buffer_apply_tag_by_name (self->buffer, tag, start_iter, end_iter);
  add_mark (self, start, end,
            g_str_equal (tag, PLENARY_SOURCE_VIEWER_TAG_CITATION) ? PLENARY_PDF_MARK_CITATION :
            g_str_equal (tag, PLENARY_SOURCE_VIEWER_TAG_COMMENT) ? PLENARY_PDF_MARK_COMMENT :
            PLENARY_PDF_MARK_HIGHLIGHT,
            mark_color (tag));
  return TRUE;
}

static void
tag_highlight (PlenarySourceViewer *self,
               PlenaryAnnotation   *annotation)
{
  const char *category = plenary_annotation_get_category (annotation);
  GtkTextIter start, end;

  if (!tag_anchor (self, plenary_annotation_get_anchor (annotation),
                   PLENARY_SOURCE_VIEWER_TAG_HIGHLIGHT, &start, &end))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (highlight_colors); i++)
    if (g_strcmp0 (category, highlight_colors[i].category) == 0)
      {
        g_autofree char *name = g_strconcat (PLENARY_SOURCE_VIEWER_TAG_HIGHLIGHT "-", category, NULL);
        gtk_text_buffer_apply_tag_by_name (self->buffer, name, &start, &end);
        /* The category's colour over the default one just added. */
        gdk_rgba_parse (&g_array_index (self->marks, PlenaryPdfMark, self->marks->len - 1).color,
                        highlight_colors[i].color);
      }
}

/* The annotations and the matches of the find field, on the pages. */
static void
update_pdf_marks (PlenarySourceViewer *self)
{
  g_autoptr(GArray) marks = g_array_copy (self->marks);
  guint n = self->matches != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->matches)) : 0;

  if (!self->showing_pages)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenarySearchResult) result = g_list_model_get_item (G_LIST_MODEL (self->matches), i);
      PlenaryPdfMark mark = { plenary_search_result_get_start (result),
                              plenary_search_result_get_end (result),
                              PLENARY_PDF_MARK_FIND, { 1.0, 0.64, 0.28, 0.55 } };

      g_array_append_val (marks, mark);
    }

  plenary_pdf_view_set_marks (self->pdf_view, (const PlenaryPdfMark *) marks->data, marks->len);
}

static void
update_annotations (PlenarySourceViewer *self)
{
  GListModel *annotations;
  guint n;

  remove_tag_everywhere (self, PLENARY_SOURCE_VIEWER_TAG_HIGHLIGHT);
  for (guint i = 0; i < G_N_ELEMENTS (highlight_colors); i++)
    {
      g_autofree char *name = g_strconcat (PLENARY_SOURCE_VIEWER_TAG_HIGHLIGHT "-", highlight_colors[i].category, NULL);
      remove_tag_everywhere (self, name);
    }
  remove_tag_everywhere (self, PLENARY_SOURCE_VIEWER_TAG_CITATION);
  remove_tag_everywhere (self, PLENARY_SOURCE_VIEWER_TAG_COMMENT);
  g_array_set_size (self->marks, 0);

  if (self->draft == NULL || self->source == NULL)
    {
      update_pdf_marks (self);
      return;
    }

  annotations = G_LIST_MODEL (plenary_draft_get_annotations (self->draft));
  n = g_list_model_get_n_items (annotations);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenaryAnnotation) annotation = g_list_model_get_item (annotations, i);
      GtkTextIter start, end;

      switch (plenary_annotation_get_kind (annotation))
        {
        case PLENARY_ANNOTATION_HIGHLIGHT:
          tag_highlight (self, annotation);
          break;
        case PLENARY_ANNOTATION_CITATION:
          tag_anchor (self, plenary_annotation_get_source_anchor (annotation),
                      PLENARY_SOURCE_VIEWER_TAG_CITATION, &start, &end);
          break;
        case PLENARY_ANNOTATION_COMMENT:
          tag_anchor (self, plenary_annotation_get_anchor (annotation),
                      PLENARY_SOURCE_VIEWER_TAG_COMMENT, &start, &end);
          break;
        default:
          break;
        }
    }

  update_pdf_marks (self);
}

/* Find ------------------------------------------------------------------ */

static void
update_match_label (PlenarySourceViewer *self)
{
  guint n = plenary_source_viewer_get_n_matches (self);
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  g_autofree char *label = NULL;

  if (query[0] == '\0' || self->matches == NULL)
    label = g_strdup ("");
  else if (n == 0)
    label = g_strdup (_("No matches"));
  else if (self->current != G_MAXUINT)
    /* Translators: the match selected, and how many matches there are. */
    label = g_strdup_printf (_("%u of %u"), self->current + 1, n);
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", n), n);

  gtk_label_set_text (self->match_label, label);
  gtk_widget_set_visible (GTK_WIDGET (self->match_label), label[0] != '\0');
  gtk_widget_set_sensitive (GTK_WIDGET (self->previous_button), n > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), n > 0);
}

static gboolean
tag_matches_step (gpointer user_data)
{
  PlenarySourceViewer *self = user_data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->matches));
  guint stop = MIN (n, self->n_tagged + FIND_TAGS_PER_STEP);

  for (; self->n_tagged < stop; self->n_tagged++)
    {
      g_autoptr(PlenarySearchResult) result = g_list_model_get_item (G_LIST_MODEL (self->matches), self->n_tagged);
      GtkTextIter start, end;

      get_iters (self, plenary_search_result_get_start (result), plenary_search_result_get_end (result), &start, &end);
      gtk_text_buffer_apply_tag_by_name (self->buffer, PLENARY_SOURCE_VIEWER_TAG_FIND, &start, &end);
    }

  if (self->n_tagged < n)
    return G_SOURCE_CONTINUE;

  self->tag_idle_id = 0;
  return G_SOURCE_REMOVE;
}

static void
clear_find (PlenarySourceViewer *self)
{
  g_clear_handle_id (&self->tag_idle_id, g_source_remove);
  g_clear_object (&self->matches);
  g_clear_pointer (&self->find_query, g_free);
  self->n_tagged = 0;
  self->current = G_MAXUINT;
  remove_tag_everywhere (self, PLENARY_SOURCE_VIEWER_TAG_FIND);
}

static void
run_find (PlenarySourceViewer *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));

  /* The entry reports a change again after its delay: keep the place. */
  if (self->matches != NULL && g_strcmp0 (query, self->find_query) == 0)
    return;

  clear_find (self);

  if (self->source != NULL && query[0] != '\0')
    {
      self->find_query = g_strdup (query);
      self->matches = plenary_search_group_new_for_source (self->source, query);
      /* The first screenful now, the rest from idle. */
      if (tag_matches_step (self))
        self->tag_idle_id = g_idle_add_full (G_PRIORITY_LOW, tag_matches_step, self, NULL);
    }

  update_pdf_marks (self);
  update_match_label (self);
}

/* The first match starting at or after OFFSET, N when none. */
static guint
first_match_from (PlenarySourceViewer *self,
                  gint64               offset)
{
  GListModel *model = G_LIST_MODEL (self->matches);
  guint lo = 0, hi = g_list_model_get_n_items (model);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(PlenarySearchResult) result = g_list_model_get_item (model, mid);

      if (plenary_search_result_get_start (result) < offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
select_match (PlenarySourceViewer *self,
              guint                index)
{
  g_autoptr(PlenarySearchResult) result = g_list_model_get_item (G_LIST_MODEL (self->matches), index);

  /* Also makes it the current match. */
  plenary_source_viewer_select_range (self,
                                      plenary_search_result_get_start (result),
                                      plenary_search_result_get_end (result));
}

void
plenary_source_viewer_find_next (PlenarySourceViewer *self,
                                 gboolean             backward)
{
  guint n;
  guint index;

  g_return_if_fail (PLENARY_IS_SOURCE_VIEWER (self));

  if (self->matches == NULL || (n = g_list_model_get_n_items (G_LIST_MODEL (self->matches))) == 0)
    return;

  if (self->current == G_MAXUINT)
    {
      /* From where the reader is: the selection, or the top. */
      gint64 start, end;

      plenary_source_viewer_get_selection_range (self, &start, &end);
      index = first_match_from (self, backward ? start : end);
      if (backward)
        index = index == 0 ? n - 1 : index - 1;
      else if (index >= n)
        index = 0;
    }
  else if (backward)
    index = self->current == 0 ? n - 1 : self->current - 1;
  else
    index = (self->current + 1) % n;

  select_match (self, index);
}

static void
on_find_changed (PlenarySourceViewer *self)
{
  run_find (self);
}

static void
on_find_activate (PlenarySourceViewer *self)
{
  plenary_source_viewer_find_next (self, FALSE);
}

static void
on_next_match (PlenarySourceViewer *self)
{
  plenary_source_viewer_find_next (self, FALSE);
}

static void
on_previous_match (PlenarySourceViewer *self)
{
  plenary_source_viewer_find_next (self, TRUE);
}

static gboolean
on_shift_enter (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  plenary_source_viewer_find_next (PLENARY_SOURCE_VIEWER (user_data), TRUE);
  return TRUE;
}

static void
on_stop_search (PlenarySourceViewer *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (self->find_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->find_entry), "");
  else
    g_signal_emit (self, signals[CLOSE], 0);
}

static void
on_back_clicked (PlenarySourceViewer *self)
{
  g_signal_emit (self, signals[CLOSE], 0);
}

static gboolean
focus_find (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  PlenarySourceViewer *self = PLENARY_SOURCE_VIEWER (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->find_entry), 0, -1);
  return TRUE;
}

static gboolean
close_viewer (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  g_signal_emit (widget, signals[CLOSE], 0);
  return TRUE;
}

static void
update_title (PlenarySourceViewer *self)
{
  const char *title = self->source != NULL ? plenary_source_get_title (self->source) : "";

  gtk_label_set_text (self->title_label, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), title);
}

/* Pages, zoom, messages -------------------------------------------------- */

static void
update_message (PlenarySourceViewer *self)
{
  const char *message = self->source_message;

  if (message == NULL && self->showing_pages)
    message = plenary_pdf_view_get_message (self->pdf_view);

  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

/* A kept file that cannot be opened (damaged, locked by a password): its
 * text, as for a file that is not on this computer. */
static void
on_pdf_message (PlenarySourceViewer *self)
{
  if (self->showing_pages && plenary_pdf_view_get_n_pages (self->pdf_view) == 0
      && plenary_pdf_view_get_message (self->pdf_view) != NULL)
    {
      g_free (self->source_message);
      /* Translators: %s says why the pages cannot be shown. */
      self->source_message = g_strdup_printf (_("%s\nIts text is shown instead."),
                                              plenary_pdf_view_get_message (self->pdf_view));
      self->showing_pages = FALSE;
      gtk_stack_set_visible_child_name (self->content_stack, "text");
      gtk_widget_set_visible (self->page_box, FALSE);
      gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view)), 0.0);
    }
  update_message (self);
}

static void
on_pdf_page_changed (PlenarySourceViewer *self)
{
  guint n = plenary_pdf_view_get_n_pages (self->pdf_view);
  g_autofree char *total = NULL;

  /* Following the view, not moving it. */
  self->following_page = TRUE;
  {
    GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (self->page_spin);
    guint page = plenary_pdf_view_get_page (self->pdf_view);

    if (gtk_adjustment_get_upper (adjustment) != MAX (n, 1))
      gtk_spin_button_set_range (self->page_spin, 1, MAX (n, 1));
    if (page > 0 && gtk_spin_button_get_value_as_int (self->page_spin) != (int) page)
      gtk_spin_button_set_value (self->page_spin, page);
  }
  self->following_page = FALSE;

  /* Translators: after "Page [12]": the number of pages. */
  total = g_strdup_printf (_("of %u"), n);
  gtk_label_set_text (self->page_total_label, total);
  gtk_widget_set_visible (self->page_box, self->showing_pages && n > 0);
  update_message (self);
}

static gboolean
go_to_page (gpointer user_data)
{
  PlenarySourceViewer *self = user_data;

  self->go_to_page_id = 0;
  plenary_pdf_view_set_page (self->pdf_view, (guint) gtk_spin_button_get_value_as_int (self->page_spin));
  return G_SOURCE_REMOVE;
}

static void
on_page_spin_changed (PlenarySourceViewer *self)
{
  /* Once the field is done with its value. */
  if (!self->following_page && self->go_to_page_id == 0)
    self->go_to_page_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, go_to_page, self, NULL);
}

static void
set_zoom (PlenarySourceViewer *self,
          double               zoom)
{
  char percent[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *css = NULL;
  g_autofree char *label = NULL;

  self->zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  /* The pages grow as they are; the text through its font size. */
  plenary_pdf_view_set_zoom (self->pdf_view, self->zoom);
  g_ascii_formatd (percent, sizeof percent, "%.0f", 100 * self->zoom);
  css = g_strdup_printf ("textview.%s { font-size: %s%%; }", self->zoom_class, percent);
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_css_provider_load_from_string (self->zoom_css, css);
#else
  gtk_css_provider_load_from_data (self->zoom_css, css, -1);
#endif
  /* Translators: the zoom of the source, with a narrow no-break space in French. */
  label = g_strdup_printf (_("%.0f %%"), 100 * self->zoom);
  gtk_label_set_text (self->zoom_label, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.zoom-in", self->zoom < ZOOM_MAX - 1e-6);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.zoom-out", self->zoom > ZOOM_MIN + 1e-6);
}

/* The view fitted its pages to the pane: the zoom label and the text follow. */
static void
on_pdf_zoom (PlenarySourceViewer *self)
{
  double zoom = plenary_pdf_view_get_zoom (self->pdf_view);

  if (!G_APPROX_VALUE (zoom, self->zoom, 1e-6))
    set_zoom (self, zoom);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PlenarySourceViewer *self = PLENARY_SOURCE_VIEWER (widget);

  if (g_str_equal (action_name, "source.zoom-in"))
    set_zoom (self, self->zoom + ZOOM_STEP);
  else if (g_str_equal (action_name, "source.zoom-out"))
    set_zoom (self, self->zoom - ZOOM_STEP);
  else
    set_zoom (self, 1.0);
}

static void
on_pages_pressed (GtkGestureClick     *gesture,
                  int                  n_press,
                  double               x,
                  double               y,
                  PlenarySourceViewer *self)
{
  GdkRectangle point = { (int) x, (int) y, 1, 1 };

  if (self->pages_menu == NULL)
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->pages_menu), &point);
  gtk_popover_popup (GTK_POPOVER (self->pages_menu));
}

/* The text of the source, in the text view (PDFs whose file is not here
 * too). Once per source. */
static void
show_text (PlenarySourceViewer *self)
{
  GtkTextIter start;

  /* Once, as plain text: nothing in a source is markup; its styles are
   * tags over it. */
  gtk_text_buffer_set_text (self->buffer, self->source != NULL ? plenary_source_get_text (self->source) : "", -1);
  plenary_source_styles_apply (self->text_view, self->source);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  gtk_text_buffer_place_cursor (self->buffer, &start);
  gtk_text_view_scroll_to_iter (self->text_view, &start, 0.0, FALSE, 0.0, 0.0);
}

/* A PDF source as its pages, when its file was kept on this computer. */
static void
show_pages (PlenarySourceViewer *self)
{
  PlenarySource *source = self->source;
  JsonObject *extra = source != NULL ? plenary_source_get_extra (source) : NULL;
  const char *checksum = NULL;
  g_autoptr(GFile) file = NULL;
  const GArray *starts;

  g_clear_pointer (&self->source_message, g_free);
  self->showing_pages = FALSE;

  if (source != NULL && g_strcmp0 (plenary_source_get_media_type (source), "application/pdf") == 0)
    {
      if (extra != NULL && json_object_has_member (extra, "file_sha256") &&
          JSON_NODE_HOLDS_VALUE (json_object_get_member (extra, "file_sha256")))
        checksum = json_object_get_string_member (extra, "file_sha256");
      file = plenary_source_files_lookup (checksum);
      if (file == NULL)
        self->source_message = g_strdup (_("The PDF file itself is not on this computer: its text is shown instead of its pages."));
    }

  self->showing_pages = file != NULL;
  plenary_pdf_view_load (self->pdf_view, file);
  starts = source != NULL ? plenary_source_get_page_starts (source) : NULL;
  if (file != NULL && starts != NULL)
    plenary_pdf_view_set_page_starts (self->pdf_view, (const gint64 *) starts->data, starts->len);
  gtk_stack_set_visible_child_name (self->content_stack, self->showing_pages ? "pages" : "text");
  on_pdf_page_changed (self);
}

/* GObject ---------------------------------------------------------------- */

static void
plenary_source_viewer_dispose (GObject *object)
{
  PlenarySourceViewer *self = PLENARY_SOURCE_VIEWER (object);

  g_clear_handle_id (&self->tag_idle_id, g_source_remove);
  g_clear_handle_id (&self->go_to_page_id, g_source_remove);
  g_clear_object (&self->matches);
  g_clear_pointer (&self->find_query, g_free);
  if (self->source_signals != NULL)
    g_signal_group_set_target (self->source_signals, NULL);
  if (self->annotation_signals != NULL)
    g_signal_group_set_target (self->annotation_signals, NULL);
  g_clear_object (&self->source_signals);
  g_clear_object (&self->annotation_signals);
  g_clear_object (&self->source);
  g_clear_object (&self->draft);
  g_clear_pointer (&self->source_message, g_free);
  g_clear_pointer (&self->marks, g_array_unref);
  if (self->zoom_css != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->zoom_css));
  g_clear_object (&self->zoom_css);
  g_clear_pointer (&self->zoom_class, g_free);
  g_clear_pointer (&self->pages_menu, gtk_widget_unparent);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_SOURCE_VIEWER);

  G_OBJECT_CLASS (plenary_source_viewer_parent_class)->dispose (object);
}

static void
plenary_source_viewer_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PlenarySourceViewer *self = PLENARY_SOURCE_VIEWER (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_source_viewer_class_init (PlenarySourceViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plenary_source_viewer_dispose;
  object_class->get_property = plenary_source_viewer_get_property;

  /* The source shown, NULL for none. */
  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL, PLENARY_TYPE_SOURCE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CLOSE] =
    g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (PLENARY_TYPE_PDF_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/plenary/Plenary/plenary-source-viewer.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenarySourceViewer, box);
  gtk_widget_class_bind_template_child (widget_class, PlenarySourceViewer, title_label);
  gtk_widget_class_bind_template_child (widget_class, PlenarySourceViewer, find_entry);
  gtk_widget_class_bind_template_child (widget_class, PlenarySourceViewer, match_label);
  gtk_widget_class_bind_template_child (widget_class, PlenarySourceViewer, previous_button);
  gtk_widget_class_bind_template_child (widget_class, PlenarySourceViewer, next_button);
  gtk_widget_class_bind_template_child (widget_class, PlenarySourceViewer, text_view);
  gtk_widget_class_bind_template_child (widget_class, PlenarySourceViewer, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PlenarySourceViewer, pdf_view);
  gtk_widget_class_bind_template_callback (widget_class, on_pdf_zoom);
  gtk_widget_class_bind_template_child (widget_class, PlenarySourceViewer, page_box);
  gtk_widget_class_bind_template_child (widget_class, PlenarySourceViewer, page_spin);
  gtk_widget_class_bind_template_child (widget_class, PlenarySourceViewer, page_total_label);
  gtk_widget_class_bind_template_child (widget_class, PlenarySourceViewer, message_label);
  gtk_widget_class_bind_template_child (widget_class, PlenarySourceViewer, zoom_label);
  gtk_widget_class_bind_template_callback (widget_class, on_pdf_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_page_spin_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_pdf_message);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_find_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_find_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_next_match);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_match);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, focus_find, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, close_viewer, NULL);

  /* The pane's own zoom, apart from the draft's (see plenary-zoom.c). */
  gtk_widget_class_install_action (widget_class, "source.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "source.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "source.zoom-reset", NULL, zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "source.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "source.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "source.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "source.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "source.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "source.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "source.zoom-reset", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "plenary-source-viewer");
}

static void
create_tags (PlenarySourceViewer *self)
{
  GdkRGBA find, highlight, citation;

  gdk_rgba_parse (&find, "rgba(255, 163, 72, 0.55)");
  gdk_rgba_parse (&highlight, "rgba(246, 211, 45, 0.45)");
  gdk_rgba_parse (&citation, "rgba(98, 160, 234, 0.30)");

  gtk_text_buffer_create_tag (self->buffer, PLENARY_SOURCE_VIEWER_TAG_HIGHLIGHT,
                              "background-rgba", &highlight, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (highlight_colors); i++)
    {
      g_autofree char *name = g_strconcat (PLENARY_SOURCE_VIEWER_TAG_HIGHLIGHT "-", highlight_colors[i].category, NULL);
      GdkRGBA color;

      gdk_rgba_parse (&color, highlight_colors[i].color);
      gtk_text_buffer_create_tag (self->buffer, name, "background-rgba", &color, NULL);
    }
  gtk_text_buffer_create_tag (self->buffer, PLENARY_SOURCE_VIEWER_TAG_CITATION,
                              "background-rgba", &citation,
                              "underline", PANGO_UNDERLINE_SINGLE, NULL);
  gtk_text_buffer_create_tag (self->buffer, PLENARY_SOURCE_VIEWER_TAG_COMMENT,
                              "underline", PANGO_UNDERLINE_ERROR, NULL);
  /* Last, so that it wins over the annotations. */
  gtk_text_buffer_create_tag (self->buffer, PLENARY_SOURCE_VIEWER_TAG_FIND,
                              "background-rgba", &find, NULL);
}

static void
plenary_source_viewer_init (PlenarySourceViewer *self)
{
  GtkEventController *shortcuts;
  guint keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->current = G_MAXUINT;
  self->buffer = gtk_text_view_get_buffer (self->text_view);
  self->marks = g_array_new (FALSE, FALSE, sizeof (PlenaryPdfMark));
  create_tags (self);

  {
    static guint n_viewers;

    /* A provider for the display, as per-widget providers are deprecated. */
    self->zoom_class = g_strdup_printf ("plenary-source-zoom-%u", ++n_viewers);
    gtk_widget_add_css_class (GTK_WIDGET (self->text_view), self->zoom_class);
    self->zoom_css = gtk_css_provider_new ();
    gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                GTK_STYLE_PROVIDER (self->zoom_css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 2);
  }
  set_zoom (self, 1.0);

  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
    g_signal_connect (click, "pressed", G_CALLBACK (on_pages_pressed), self);
    gtk_widget_add_controller (GTK_WIDGET (self->pdf_view), GTK_EVENT_CONTROLLER (click));
  }

  /* Before the entry sees Enter. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i], GDK_SHIFT_MASK),
                                                            gtk_callback_action_new (on_shift_enter, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->find_entry), shortcuts);
  gtk_search_entry_set_key_capture_widget (self->find_entry, GTK_WIDGET (self->text_view));

  self->source_signals = g_signal_group_new (PLENARY_TYPE_SOURCE);
  g_signal_group_connect_swapped (self->source_signals, "notify::title",
                                  G_CALLBACK (update_title), self);
  self->annotation_signals = g_signal_group_new (G_TYPE_LIST_STORE);
  g_signal_group_connect_swapped (self->annotation_signals, "items-changed",
                                  G_CALLBACK (update_annotations), self);

  update_match_label (self);
}

GtkWidget *
plenary_source_viewer_new (void)
{
  return g_object_new (PLENARY_TYPE_SOURCE_VIEWER, NULL);
}

void
plenary_source_viewer_set_source (PlenarySourceViewer *self,
                                  PlenaryDraft        *draft,
                                  PlenarySource       *source)
{
  g_return_if_fail (PLENARY_IS_SOURCE_VIEWER (self));
  g_return_if_fail (draft == NULL || PLENARY_IS_DRAFT (draft));
  g_return_if_fail (source == NULL || PLENARY_IS_SOURCE (source));

  g_set_object (&self->draft, draft);
  g_signal_group_set_target (self->annotation_signals,
                             draft != NULL ? plenary_draft_get_annotations (draft) : NULL);

  if (self->source != source)
    {
      clear_find (self);
      g_set_object (&self->source, source);
      g_signal_group_set_target (self->source_signals, source);

      show_text (self);
      show_pages (self);
      update_title (self);
      run_find (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
    }

  update_annotations (self);
}

PlenarySource *
plenary_source_viewer_get_source (PlenarySourceViewer *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCE_VIEWER (self), NULL);
  return self->source;
}

void
plenary_source_viewer_select_range (PlenarySourceViewer *self,
                                    gint64               start,
                                    gint64               end)
{
  GtkTextIter start_iter, end_iter;

  g_return_if_fail (PLENARY_IS_SOURCE_VIEWER (self));

  get_iters (self, start, end, &start_iter, &end_iter);
  gtk_text_buffer_select_range (self->buffer, &start_iter, &end_iter);
  gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_insert (self->buffer),
                                0.1, TRUE, 0.0, 0.3);
  if (self->showing_pages)
    plenary_pdf_view_select_range (self->pdf_view, start, end);

  /* A passage that is one of the matches: "3 of 12", and next goes on from it. */
  if (self->matches != NULL)
    {
      guint index = first_match_from (self, start);
      g_autoptr(PlenarySearchResult) result = g_list_model_get_item (G_LIST_MODEL (self->matches), index);

      self->current = G_MAXUINT;
      if (result != NULL && plenary_search_result_get_start (result) == start &&
          plenary_search_result_get_end (result) == end)
        self->current = index;
      update_match_label (self);
    }
}

gboolean
plenary_source_viewer_get_selection_range (PlenarySourceViewer *self,
                                           gint64              *start,
                                           gint64              *end)
{
  GtkTextIter start_iter, end_iter;
  gboolean any;

  g_return_val_if_fail (PLENARY_IS_SOURCE_VIEWER (self), FALSE);

  if (self->showing_pages)
    return plenary_pdf_view_get_selection (self->pdf_view, start, end);

  any = gtk_text_buffer_get_selection_bounds (self->buffer, &start_iter, &end_iter);
  if (start != NULL)
    *start = gtk_text_iter_get_offset (&start_iter);
  if (end != NULL)
    *end = gtk_text_iter_get_offset (&end_iter);

  return any;
}

void
plenary_source_viewer_find (PlenarySourceViewer *self,
                            const char          *text)
{
  g_return_if_fail (PLENARY_IS_SOURCE_VIEWER (self));

  g_signal_handlers_block_by_func (self->find_entry, on_find_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->find_entry), text != NULL ? text : "");
  g_signal_handlers_unblock_by_func (self->find_entry, on_find_changed, self);
  run_find (self);
}

guint
plenary_source_viewer_get_n_matches (PlenarySourceViewer *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCE_VIEWER (self), 0);
  return self->matches != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->matches)) : 0;
}

GtkTextView *
plenary_source_viewer_get_text_view (PlenarySourceViewer *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCE_VIEWER (self), NULL);
  return self->text_view;
}

GtkEditable *
plenary_source_viewer_get_find_entry (PlenarySourceViewer *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCE_VIEWER (self), NULL);
  return GTK_EDITABLE (self->find_entry);
}

/* MENU: the menu of a selection (cite, highlight), on the text and on the pages. */
void
plenary_source_viewer_set_extra_menu (PlenarySourceViewer *self,
                                      GMenuModel          *menu)
{
  g_return_if_fail (PLENARY_IS_SOURCE_VIEWER (self));

  gtk_text_view_set_extra_menu (self->text_view, menu);
  g_clear_pointer (&self->pages_menu, gtk_widget_unparent);
  if (menu != NULL)
    {
      self->pages_menu = gtk_popover_menu_new_from_model (menu);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->pages_menu), FALSE);
      gtk_widget_set_halign (self->pages_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->pages_menu, GTK_WIDGET (self->pdf_view));
    }
}

PlenaryPdfView *
plenary_source_viewer_get_pdf_view (PlenarySourceViewer *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCE_VIEWER (self), NULL);
  return self->pdf_view;
}

gboolean
plenary_source_viewer_get_showing_pages (PlenarySourceViewer *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCE_VIEWER (self), FALSE);
  return self->showing_pages;
}
