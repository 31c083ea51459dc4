/* plenary-source-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-source-row"

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-source-row.h"

struct _PlenarySourceRow
{
  GtkWidget      parent_instance;

  GtkWidget          *box;

  PlenaryDraft  *draft;
  PlenarySource *source;
  GSignalGroup  *source_signals;
  GSignalGroup  *annotation_signals;

  GtkImage      *icon;
  GtkLabel      *title_label;
  GtkLabel      *details_label;
  GtkMenuButton *menu_button;
};

G_DEFINE_FINAL_TYPE (PlenarySourceRow, plenary_source_row, GTK_TYPE_WIDGET)

static gboolean
anchor_on (PlenaryAnchor *anchor,
           const char    *source_id)
{
  return anchor != NULL && g_strcmp0 (anchor->target, source_id) == 0;
}

guint
plenary_source_count_annotations (PlenaryDraft  *draft,
                                  PlenarySource *source)
{
  GListModel *annotations;
  const char *id;
  guint count = 0;
  guint n;

  g_return_val_if_fail (PLENARY_IS_DRAFT (draft), 0);
  g_return_val_if_fail (PLENARY_IS_SOURCE (source), 0);

  annotations = G_LIST_MODEL (plenary_draft_get_annotations (draft));
  id = plenary_source_get_id (source);
  n = g_list_model_get_n_items (annotations);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenaryAnnotation) annotation = g_list_model_get_item (annotations, i);

      if (anchor_on (plenary_annotation_get_anchor (annotation), id) ||
          anchor_on (plenary_annotation_get_source_anchor (annotation), id))
        count++;
    }

  return count;
}

static const char *
icon_for (PlenarySource *source)
{
  const char *media_type = plenary_source_get_media_type (source);

  if (g_strcmp0 (media_type, "application/pdf") == 0)
    return "x-office-document-symbolic";
  if (g_strcmp0 (media_type, "text/html") == 0)
    return "text-html-symbolic";
  return "text-x-generic-symbolic";
}

static void
update_details (PlenarySourceRow *self)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *size = NULL;
  const GArray *pages;
  guint n_notes;

  if (self->source == NULL)
    return;

  /* What a delegate knows a UN document by: its symbol and date. */
  if (plenary_source_get_symbol (self->source)[0] != '\0')
    g_string_append_printf (line, "%s · ", plenary_source_get_symbol (self->source));
  if (plenary_source_get_date (self->source)[0] != '\0')
    {
      g_autofree char *date = plenary_source_format_date (plenary_source_get_date (self->source),
                                                          g_get_language_names ()[0]);

      g_string_append_printf (line, "%s · ", date);
    }

  size = g_format_size (strlen (plenary_source_get_text (self->source)));
  g_string_append (line, size);

  pages = plenary_source_get_page_starts (self->source);
  if (pages != NULL && pages->len > 0)
    {
      g_string_append (line, " · ");
      g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", pages->len), pages->len);
    }

  n_notes = self->draft != NULL ? plenary_source_count_annotations (self->draft, self->source) : 0;
  g_string_append (line, " · ");
  g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations", n_notes), n_notes);

  /* The file name last: it is what gets ellipsized. */
  if (plenary_source_get_origin (self->source)[0] != '\0')
    {
      g_string_append (line, " · ");
      g_string_append (line, plenary_source_get_origin (self->source));
    }

  gtk_label_set_text (self->details_label, line->str);
}

static void
update_title (PlenarySourceRow *self)
{
  const char *title;

  if (self->source == NULL)
    return;

  title = plenary_source_get_title (self->source);
  gtk_label_set_text (self->title_label, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), title);
}

static GMenuModel *
create_menu (PlenarySource *source)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();
  const char *id = plenary_source_get_id (source);
  struct {
    GMenu      *menu;
    const char *label;
    const char *action;
  } items[] = {
    { menu, N_("_Open"), "sources.open" },
    { section, N_("_Rename…"), "sources.rename" },
    { section, N_("_Details…"), "sources.details" },
    { section, N_("Re_move"), "sources.remove" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, items[i].action, g_variant_new_string (id));
      g_menu_append_item (items[i].menu, item);
    }

  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  return G_MENU_MODEL (menu);
}

void
plenary_source_row_set_source (PlenarySourceRow *self,
                               PlenaryDraft     *draft,
                               PlenarySource    *source)
{
  g_autoptr(GMenuModel) menu = NULL;

  g_return_if_fail (PLENARY_IS_SOURCE_ROW (self));
  g_return_if_fail (draft == NULL || PLENARY_IS_DRAFT (draft));
  g_return_if_fail (source == NULL || PLENARY_IS_SOURCE (source));

  g_set_object (&self->draft, draft);
  g_set_object (&self->source, source);
  g_signal_group_set_target (self->source_signals, source);
  g_signal_group_set_target (self->annotation_signals,
                             draft != NULL ? plenary_draft_get_annotations (draft) : NULL);

  if (source == NULL)
    {
      gtk_menu_button_set_menu_model (self->menu_button, NULL);
      return;
    }

  gtk_image_set_from_icon_name (self->icon, icon_for (source));
  menu = create_menu (source);
  gtk_menu_button_set_menu_model (self->menu_button, menu);
  update_title (self);
  update_details (self);
}

PlenarySource *
plenary_source_row_get_source (PlenarySourceRow *self)
{
  g_return_val_if_fail (PLENARY_IS_SOURCE_ROW (self), NULL);
  return self->source;
}

static void
plenary_source_row_dispose (GObject *object)
{
  PlenarySourceRow *self = PLENARY_SOURCE_ROW (object);

  if (self->source_signals != NULL)
    g_signal_group_set_target (self->source_signals, NULL);
  if (self->annotation_signals != NULL)
    g_signal_group_set_target (self->annotation_signals, NULL);
  g_clear_object (&self->source_signals);
  g_clear_object (&self->annotation_signals);
  g_clear_object (&self->source);
  g_clear_object (&self->draft);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_SOURCE_ROW);

  G_OBJECT_CLASS (plenary_source_row_parent_class)->dispose (object);
}

static void
plenary_source_row_class_init (PlenarySourceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plenary_source_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/plenary/Plenary/plenary-source-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenarySourceRow, box);
  gtk_widget_class_bind_template_child (widget_class, PlenarySourceRow, icon);
  gtk_widget_class_bind_template_child (widget_class, PlenarySourceRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PlenarySourceRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, PlenarySourceRow, menu_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "plenary-source-row");
}

static void
plenary_source_row_init (PlenarySourceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->source_signals = g_signal_group_new (PLENARY_TYPE_SOURCE);
  g_signal_group_connect_swapped (self->source_signals, "notify::symbol",
                                  G_CALLBACK (update_details), self);
  g_signal_group_connect_swapped (self->source_signals, "notify::date",
                                  G_CALLBACK (update_details), self);
  g_signal_group_connect_swapped (self->source_signals, "notify::title",
                                  G_CALLBACK (update_title), self);

  self->annotation_signals = g_signal_group_new (G_TYPE_LIST_STORE);
  g_signal_group_connect_swapped (self->annotation_signals, "items-changed",
                                  G_CALLBACK (update_details), self);
}

GtkWidget *
plenary_source_row_new (void)
{
  return g_object_new (PLENARY_TYPE_SOURCE_ROW, NULL);
}
