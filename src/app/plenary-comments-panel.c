/* plenary-comments-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-comments-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "plenary-comments-panel.h"
#include "plenary-draft-spelling.h"

struct _PlenaryCommentsPanel
{
  GtkWidget           parent_instance;

  PlenaryAnnotations *annotations;
  /* Of the page shown: comments are checked in the draft's language. */
  PlenaryDraftSpelling *spelling;
  PlenarySource      *source;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;

  /* Template widgets */
  GtkDropDown        *filter_dropdown;
  GtkMenuButton      *categories_button;
  GtkPopover         *categories_popover;
  GtkGrid            *categories_grid;
  GtkStack           *stack;
  GtkListBox         *list_box;
  AdwStatusPage      *empty_page;
};

G_DEFINE_FINAL_TYPE (PlenaryCommentsPanel, plenary_comments_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ANNOTATIONS,
  PROP_SOURCE,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  PlenaryAnnotations *annotations;
  PlenaryAnnotation  *annotation;
  guint               position;
} Deleted;

static void
deleted_free (gpointer data)
{
  Deleted *deleted = data;

  g_object_unref (deleted->annotations);
  g_object_unref (deleted->annotation);
  g_free (deleted);
}

static gboolean
is_on_draft (PlenaryAnnotation *annotation)
{
  return g_strcmp0 (plenary_annotation_get_anchor (annotation)->target, PLENARY_ANCHOR_TARGET_DRAFT) == 0;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  PlenaryCommentsPanel *self = user_data;
  PlenaryAnnotation *annotation = item;
  PlenaryAnchor *source_anchor;

  switch (plenary_comments_panel_get_filter (self))
    {
    case PLENARY_COMMENTS_FILTER_DRAFT:
      return is_on_draft (annotation);

    case PLENARY_COMMENTS_FILTER_THIS_SOURCE:
      if (self->source == NULL)
        return FALSE;
      source_anchor = plenary_annotation_get_source_anchor (annotation);
      return g_strcmp0 (plenary_annotation_get_anchor (annotation)->target,
                        plenary_source_get_id (self->source)) == 0 ||
             (source_anchor != NULL &&
              g_strcmp0 (source_anchor->target, plenary_source_get_id (self->source)) == 0);

    case PLENARY_COMMENTS_FILTER_ALL_SOURCES:
    default:
      return !is_on_draft (annotation);
    }
}

static void
update_empty_state (PlenaryCommentsPanel *self)
{
  const char *description;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  if (self->annotations == NULL)
    description = _("Comments on the draft and notes on its sources are listed here.");
  else if (plenary_comments_panel_get_filter (self) == PLENARY_COMMENTS_FILTER_DRAFT)
    description = _("Select words in the draft and press Ctrl+Alt+M to comment on them.");
  else if (plenary_comments_panel_get_filter (self) == PLENARY_COMMENTS_FILTER_THIS_SOURCE && self->source == NULL)
    description = _("Open a source to see its highlights and notes.");
  else
    description = _("Highlight passages of a source to find them here.");

  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static char *
format_date (const char *iso8601)
{
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso8601 == NULL || iso8601[0] == '\0' ||
      (date = g_date_time_new_from_iso8601 (iso8601, NULL)) == NULL)
    return g_strdup (iso8601 != NULL ? iso8601 : "");

  local = g_date_time_to_local (date);
  return g_date_time_format (local, "%x %H:%M");
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
new_byline (const char *author,
            const char *created)
{
  g_autofree char *date = format_date (created);
  /* TRANSLATORS: "Author · date" under a comment or reply */
  g_autofree char *text = g_strdup_printf (_("%s · %s"),
                                           author[0] != '\0' ? author : _("Unknown author"), date);

  return new_label (text, "caption");
}

static PlenaryCommentsPanel *
row_panel (GtkWidget *widget)
{
  return PLENARY_COMMENTS_PANEL (gtk_widget_get_ancestor (widget, PLENARY_TYPE_COMMENTS_PANEL));
}

/* The annotation of the row WIDGET is in: the list box shows the filtered
 * model, one row an item. */
static PlenaryAnnotation *
row_dup_annotation (PlenaryCommentsPanel *self,
                    GtkWidget            *widget)
{
  GtkWidget *row = GTK_IS_LIST_BOX_ROW (widget) ? widget : gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);
  int index;

  if (self == NULL || row == NULL || (index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row))) < 0)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->filtered), (guint) index);
}

static void
on_entry_activate (GtkEntry *entry)
{
  PlenaryCommentsPanel *self = row_panel (GTK_WIDGET (entry));
  g_autoptr(PlenaryAnnotation) annotation = row_dup_annotation (self, GTK_WIDGET (entry));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (annotation == NULL || self->annotations == NULL || text[0] == '\0')
    return;

  if (plenary_annotation_get_note (annotation)[0] == '\0')
    plenary_annotations_set_note (self->annotations, annotation, text);
  else
    plenary_annotations_add_reply (self->annotations, annotation, text);
}

static void
on_resolve_clicked (GtkButton *button)
{
  PlenaryCommentsPanel *self = row_panel (GTK_WIDGET (button));
  g_autoptr(PlenaryAnnotation) annotation = row_dup_annotation (self, GTK_WIDGET (button));

  if (annotation != NULL && self->annotations != NULL)
    plenary_annotations_set_resolved (self->annotations, annotation,
                                      !plenary_annotation_get_resolved (annotation));
}

static void
on_undo_delete (AdwToast *toast,
                Deleted  *deleted)
{
  plenary_annotations_restore (deleted->annotations, deleted->annotation, deleted->position);
}

static void
on_delete_clicked (GtkButton *button)
{
  PlenaryCommentsPanel *self = row_panel (GTK_WIDGET (button));
  g_autoptr(PlenaryAnnotation) annotation = row_dup_annotation (self, GTK_WIDGET (button));
  GtkWidget *overlay;
  Deleted *deleted;
  guint position;

  if (annotation == NULL || self->annotations == NULL)
    return;

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  position = plenary_annotations_remove (self->annotations, annotation);
  if (overlay == NULL)
    return;

  deleted = g_new0 (Deleted, 1);
  deleted->annotations = g_object_ref (self->annotations);
  deleted->annotation = g_object_ref (annotation);
  deleted->position = position;

  {
    AdwToast *toast = adw_toast_new (plenary_annotation_get_kind (annotation) == PLENARY_ANNOTATION_COMMENT
                                     ? _("Comment deleted")
                                     : plenary_annotation_get_kind (annotation) == PLENARY_ANNOTATION_CITATION
                                     ? _("Citation deleted")
                                     : _("Highlight deleted"));

    adw_toast_set_button_label (toast, _("_Undo"));
    g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_delete),
                           deleted, (GClosureNotify) (void (*) (void)) deleted_free, 0);
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  }
}

static void
on_open_source_clicked (GtkButton *button)
{
  PlenaryCommentsPanel *self = row_panel (GTK_WIDGET (button));
  g_autoptr(PlenaryAnnotation) annotation = row_dup_annotation (self, GTK_WIDGET (button));

  if (annotation != NULL && self->annotations != NULL)
    plenary_annotations_activate_citation (self->annotations, annotation);
}

/* A dot of the colour, then its meaning. */
static GtkWidget *
new_category_label (const char *category,
                    const char *name)
{
  static const struct { const char *category; guint16 red, green, blue; } colours[] = {
    /* Mid tones of the GNOME palette, readable on light and dark. */
    { "yellow", 0xe5e5, 0xa5a5, 0x0a0a },
    { "green",  0x2626, 0xa2a2, 0x6969 },
    { "blue",   0x3535, 0x8484, 0xe4e4 },
    { "red",    0xe0e0, 0x1b1b, 0x2424 },
  };
  g_autofree char *text = g_strdup_printf ("● %s", name);
  GtkWidget *label = new_label (text, NULL);
  PangoAttrList *attributes = pango_attr_list_new ();

  for (guint i = 0; i < G_N_ELEMENTS (colours); i++)
    if (g_strcmp0 (colours[i].category, category) == 0)
      {
        PangoAttribute *attribute = pango_attr_foreground_new (colours[i].red, colours[i].green, colours[i].blue);

        attribute->start_index = 0;
        attribute->end_index = strlen ("●");
        pango_attr_list_insert (attributes, attribute);
      }
  gtk_label_set_attributes (GTK_LABEL (label), attributes);
  pango_attr_list_unref (attributes);

  return label;
}

static void
fill_categories (PlenaryCommentsPanel *self)
{
  const char * const *categories = plenary_annotations_list_categories ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->categories_grid))) != NULL)
    gtk_grid_remove (self->categories_grid, child);

  if (self->annotations == NULL)
    return;

  for (guint i = 0; categories[i] != NULL; i++)
    {
      g_autofree char *name = plenary_annotations_dup_category_name (self->annotations, categories[i]);
      GtkWidget *entry = gtk_entry_new ();

      gtk_grid_attach (self->categories_grid, new_category_label (categories[i], ""), 0, (int) i, 1, 1);
      gtk_editable_set_text (GTK_EDITABLE (entry), name);
      g_signal_connect_swapped (entry, "activate", G_CALLBACK (gtk_popover_popdown), self->categories_popover);
      gtk_grid_attach (self->categories_grid, entry, 1, (int) i, 1, 1);
    }
}

static void
apply_categories (PlenaryCommentsPanel *self)
{
  const char * const *categories = plenary_annotations_list_categories ();

  if (self->annotations == NULL)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->categories_grid));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *category;
      g_autofree char *name = NULL;
      g_autofree char *text = NULL;
      int column, row;

      /* One row a category, in order: its dot, then its name's entry. */
      gtk_grid_query_child (self->categories_grid, child, &column, &row, NULL, NULL);
      if (!GTK_IS_ENTRY (child) || row < 0 || row >= (int) g_strv_length ((char **) categories))
        continue;
      category = categories[row];

      name = plenary_annotations_dup_category_name (self->annotations, category);
      text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (child))));
      if (g_strcmp0 (name, text) != 0)
        plenary_annotations_set_category_name (self->annotations, category, text);
    }
}

static GtkWidget *
new_quote_label (const char *quote)
{
  GtkWidget *label = new_label (quote, NULL);
  PangoAttrList *attributes = pango_attr_list_new ();

  /* Attributes, not markup: the quote is text from the delegates. */
  pango_attr_list_insert (attributes, pango_attr_style_new (PANGO_STYLE_ITALIC));
  gtk_label_set_attributes (GTK_LABEL (label), attributes);
  pango_attr_list_unref (attributes);
  gtk_label_set_lines (GTK_LABEL (label), 4);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

  return label;
}

static void
update_quote (PlenaryAnnotation *annotation,
              GParamSpec        *pspec,
              GtkLabel          *label)
{
  const char *exact = plenary_annotation_get_anchor (annotation)->exact;

  gtk_label_set_text (label, exact);
  gtk_widget_set_visible (GTK_WIDGET (label), exact[0] != '\0');
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  PlenaryCommentsPanel *self = user_data;
  PlenaryAnnotation *annotation = item;
  PlenaryAnnotationKind kind = plenary_annotation_get_kind (annotation);
  PlenaryAnchor *anchor = plenary_annotation_get_anchor (annotation);
  PlenaryAnchor *source_anchor = plenary_annotation_get_source_anchor (annotation);
  PlenaryDraft *draft = plenary_document_get_draft (plenary_annotations_get_document (self->annotations));
  gboolean resolved = plenary_annotation_get_resolved (annotation);
  GPtrArray *replies = plenary_annotation_get_replies (annotation);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry;
  GtkWidget *button;
  GtkWidget *label;
  const char *note = plenary_annotation_get_note (annotation);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_add_css_class (row, "plenary-comment-row");
  if (resolved)
    gtk_widget_add_css_class (row, "plenary-resolved");

  /* Sync marks orphans and moves anchors without a change to the list. */
  label = new_label (_("Not found in the text"), "warning");
  g_object_bind_property (annotation, "orphan", label, "visible", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), label);

  if (kind == PLENARY_ANNOTATION_CITATION)
    {
      PlenarySource *source = source_anchor != NULL ? plenary_draft_find_source (draft, source_anchor->target) : NULL;
      g_autofree char *title = g_strdup_printf (_("Citation of “%s”"),
                                                source != NULL ? plenary_source_get_title (source)
                                                               : _("a removed source"));

      gtk_box_append (GTK_BOX (box), new_label (title, "heading"));
      if (source_anchor != NULL && source_anchor->exact[0] != '\0')
        gtk_box_append (GTK_BOX (box), new_quote_label (source_anchor->exact));
      if (anchor->exact[0] != '\0')
        {
          g_autofree char *marker = g_strdup_printf (_("Marker after “%s”"), anchor->exact);
          label = new_label (marker, "caption");

          gtk_label_set_lines (GTK_LABEL (label), 2);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
          gtk_box_append (GTK_BOX (box), label);
        }
    }
  else
    {
      if (kind == PLENARY_ANNOTATION_HIGHLIGHT)
        {
          const char *category = plenary_annotation_get_category (annotation);
          g_autofree char *name = plenary_annotations_dup_category_name (self->annotations, category);

          label = new_category_label (category, name);
          gtk_widget_add_css_class (label, "caption-heading");
          gtk_box_append (GTK_BOX (box), label);
        }
      if (!is_on_draft (annotation))
        {
          PlenarySource *source = plenary_draft_find_source (draft, anchor->target);

          if (source != NULL)
            gtk_box_append (GTK_BOX (box), new_label (plenary_source_get_title (source), "caption"));
        }
      label = new_quote_label (anchor->exact);
      gtk_widget_set_visible (label, anchor->exact[0] != '\0');
      g_signal_connect_object (annotation, "notify::anchor", G_CALLBACK (update_quote), label, 0);
      gtk_box_append (GTK_BOX (box), label);
    }

  if (note[0] != '\0')
    gtk_box_append (GTK_BOX (box), new_label (note, NULL));
  gtk_box_append (GTK_BOX (box), new_byline (plenary_annotation_get_author (annotation),
                                             plenary_annotation_get_created (annotation)));

  for (guint i = 0; i < replies->len; i++)
    {
      PlenaryReply *reply = g_ptr_array_index (replies, i);
      GtkWidget *reply_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      gtk_widget_set_margin_start (reply_box, 12);
      gtk_widget_set_margin_top (reply_box, 4);
      gtk_box_append (GTK_BOX (reply_box), new_label (reply->text, NULL));
      gtk_box_append (GTK_BOX (reply_box), new_byline (reply->author, reply->created));
      gtk_widget_add_css_class (reply_box, "plenary-reply");
      gtk_box_append (GTK_BOX (box), reply_box);
    }

  if (!resolved)
    {
      entry = gtk_entry_new ();
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry),
                                      note[0] == '\0' ? _("Write a comment…") : _("Reply…"));
      g_signal_connect (entry, "activate", G_CALLBACK (on_entry_activate), NULL);
      /* Comments are written in the language of the draft. */
      plenary_spell_entry_set_checker (GTK_ENTRY (entry),
                                       self->spelling != NULL ? plenary_draft_spelling_get_checker (self->spelling) : NULL);
      gtk_widget_set_margin_top (entry, 4);
      gtk_box_append (GTK_BOX (box), entry);
    }

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  if (kind == PLENARY_ANNOTATION_CITATION || !is_on_draft (annotation))
    {
      button = gtk_button_new_with_mnemonic (_("_Open Source"));
      gtk_widget_add_css_class (button, "flat");
      g_signal_connect (button, "clicked", G_CALLBACK (on_open_source_clicked), NULL);
      gtk_box_append (GTK_BOX (buttons), button);
    }
  button = gtk_button_new_with_mnemonic (resolved ? _("Re_open") : _("_Resolve"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (on_resolve_clicked), NULL);
  gtk_box_append (GTK_BOX (buttons), button);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (button, _("Delete"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete"), -1);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (on_delete_clicked), NULL);
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (box), buttons);

  return row;
}

static void
on_row_activated (PlenaryCommentsPanel *self,
                  GtkListBoxRow        *row)
{
  g_autoptr(PlenaryAnnotation) annotation = row_dup_annotation (self, GTK_WIDGET (row));

  if (self->annotations == NULL || annotation == NULL)
    return;

  if (is_on_draft (annotation))
    plenary_annotations_jump_to (self->annotations, annotation);
  else
    plenary_annotations_activate_citation (self->annotations, annotation);
}

static void
refilter (PlenaryCommentsPanel *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty_state (self);
}

static void
on_model_changed (PlenaryCommentsPanel *self)
{
  gtk_filter_list_model_set_model (self->filtered,
                                   self->annotations != NULL ? plenary_annotations_get_model (self->annotations) : NULL);
  update_empty_state (self);
}

static void
plenary_comments_panel_dispose (GObject *object)
{
  PlenaryCommentsPanel *self = PLENARY_COMMENTS_PANEL (object);

  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  g_clear_object (&self->annotations);
  g_clear_object (&self->spelling);
  g_clear_object (&self->source);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->filtered);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_COMMENTS_PANEL);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (plenary_comments_panel_parent_class)->dispose (object);
}

static void
plenary_comments_panel_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PlenaryCommentsPanel *self = PLENARY_COMMENTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_ANNOTATIONS:
      g_value_set_object (value, self->annotations);
      break;

    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;

    case PROP_FILTER:
      g_value_set_uint (value, plenary_comments_panel_get_filter (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_comments_panel_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PlenaryCommentsPanel *self = PLENARY_COMMENTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_ANNOTATIONS:
      plenary_comments_panel_set_annotations (self, g_value_get_object (value));
      break;

    case PROP_SOURCE:
      plenary_comments_panel_set_source (self, g_value_get_object (value));
      break;

    case PROP_FILTER:
      plenary_comments_panel_set_filter (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_comments_panel_class_init (PlenaryCommentsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = plenary_comments_panel_dispose;
  object_class->get_property = plenary_comments_panel_get_property;
  object_class->set_property = plenary_comments_panel_set_property;

  properties[PROP_ANNOTATIONS] =
    g_param_spec_object ("annotations", NULL, NULL, PLENARY_TYPE_ANNOTATIONS, rw);
  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL, PLENARY_TYPE_SOURCE, rw);
  properties[PROP_FILTER] =
    g_param_spec_uint ("filter", NULL, NULL,
                       PLENARY_COMMENTS_FILTER_DRAFT, PLENARY_COMMENTS_FILTER_ALL_SOURCES,
                       PLENARY_COMMENTS_FILTER_DRAFT, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/plenary/Plenary/plenary-comments-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryCommentsPanel, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlenaryCommentsPanel, categories_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryCommentsPanel, categories_popover);
  gtk_widget_class_bind_template_child (widget_class, PlenaryCommentsPanel, categories_grid);
  gtk_widget_class_bind_template_child (widget_class, PlenaryCommentsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, PlenaryCommentsPanel, list_box);
  gtk_widget_class_bind_template_child (widget_class, PlenaryCommentsPanel, empty_page);
  gtk_widget_class_set_css_name (widget_class, "plenary-comments-panel");
}

static void
on_dropdown_selected (PlenaryCommentsPanel *self)
{
  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

static void
plenary_comments_panel_init (PlenaryCommentsPanel *self)
{
  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (update_empty_state), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->filtered), create_row, self, NULL);
  g_signal_connect_object (self->list_box, "row-activated",
                           G_CALLBACK (on_row_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->categories_popover, "show",
                           G_CALLBACK (fill_categories), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->categories_popover, "closed",
                           G_CALLBACK (apply_categories), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_dropdown, "notify::selected",
                           G_CALLBACK (on_dropdown_selected), self, G_CONNECT_SWAPPED);

  update_empty_state (self);
}

GtkWidget *
plenary_comments_panel_new (void)
{
  return g_object_new (PLENARY_TYPE_COMMENTS_PANEL, NULL);
}

PlenaryAnnotations *
plenary_comments_panel_get_annotations (PlenaryCommentsPanel *self)
{
  g_return_val_if_fail (PLENARY_IS_COMMENTS_PANEL (self), NULL);
  return self->annotations;
}

void
plenary_comments_panel_set_annotations (PlenaryCommentsPanel *self,
                                        PlenaryAnnotations   *annotations)
{
  g_return_if_fail (PLENARY_IS_COMMENTS_PANEL (self));
  g_return_if_fail (annotations == NULL || PLENARY_IS_ANNOTATIONS (annotations));

  if (self->annotations == annotations)
    return;

  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  g_set_object (&self->annotations, annotations);
  if (annotations != NULL)
    g_signal_connect_object (annotations, "notify::model", G_CALLBACK (on_model_changed), self, G_CONNECT_SWAPPED);

  gtk_widget_set_sensitive (GTK_WIDGET (self->categories_button), annotations != NULL);
  on_model_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATIONS]);
}

void
plenary_comments_panel_set_spelling (PlenaryCommentsPanel *self,
                                     PlenaryDraftSpelling *spelling)
{
  g_return_if_fail (PLENARY_IS_COMMENTS_PANEL (self));
  g_return_if_fail (spelling == NULL || PLENARY_IS_DRAFT_SPELLING (spelling));

  g_set_object (&self->spelling, spelling);
}

PlenarySource *
plenary_comments_panel_get_source (PlenaryCommentsPanel *self)
{
  g_return_val_if_fail (PLENARY_IS_COMMENTS_PANEL (self), NULL);
  return self->source;
}

void
plenary_comments_panel_set_source (PlenaryCommentsPanel *self,
                                   PlenarySource        *source)
{
  g_return_if_fail (PLENARY_IS_COMMENTS_PANEL (self));
  g_return_if_fail (source == NULL || PLENARY_IS_SOURCE (source));

  if (g_set_object (&self->source, source))
    {
      refilter (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
    }
}

PlenaryCommentsFilter
plenary_comments_panel_get_filter (PlenaryCommentsPanel *self)
{
  g_return_val_if_fail (PLENARY_IS_COMMENTS_PANEL (self), PLENARY_COMMENTS_FILTER_DRAFT);
  return (PlenaryCommentsFilter) gtk_drop_down_get_selected (self->filter_dropdown);
}

void
plenary_comments_panel_set_filter (PlenaryCommentsPanel  *self,
                                   PlenaryCommentsFilter  filter)
{
  g_return_if_fail (PLENARY_IS_COMMENTS_PANEL (self));
  g_return_if_fail (filter <= PLENARY_COMMENTS_FILTER_ALL_SOURCES);

  gtk_drop_down_set_selected (self->filter_dropdown, filter);
}

GListModel *
plenary_comments_panel_get_items (PlenaryCommentsPanel *self)
{
  g_return_val_if_fail (PLENARY_IS_COMMENTS_PANEL (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

void
plenary_comments_panel_focus (PlenaryCommentsPanel *self,
                              PlenaryAnnotation    *annotation)
{
  g_return_if_fail (PLENARY_IS_COMMENTS_PANEL (self));
  g_return_if_fail (PLENARY_IS_ANNOTATION (annotation));

  plenary_comments_panel_set_filter (self, is_on_draft (annotation)
                                           ? PLENARY_COMMENTS_FILTER_DRAFT
                                           : PLENARY_COMMENTS_FILTER_ALL_SOURCES);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr(PlenaryAnnotation) shown = row_dup_annotation (self, row);
      GtkWidget *box;

      if (shown != annotation)
        continue;

      box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_ENTRY (child))
          {
            gtk_widget_grab_focus (child);
            return;
          }
      gtk_widget_grab_focus (row);
      return;
    }
}
