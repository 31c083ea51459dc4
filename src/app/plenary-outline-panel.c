/* plenary-outline-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-outline-panel"

#include "config.h"

#include <adwaita.h>

#include "plenary-outline-panel.h"
#include "plenary-outline-row.h"

struct _PlenaryOutlinePanel
{
  GtkWidget       parent_instance;

  PlenaryOutline *outline;
  /* Open Paragraphs Only: agreed and deleted ones hidden. */
  GtkCustomFilter *open_filter;
  gboolean        open_only;

  GtkStack       *stack;
  GtkListView    *list_view;
  GtkSwitch      *open_only_switch;
  GtkWidget      *filter_box;
};

G_DEFINE_FINAL_TYPE (PlenaryOutlinePanel, plenary_outline_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_OUTLINE,
  PROP_OPEN_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  GO_TO_LINE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, plenary_outline_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  plenary_outline_row_set_item (PLENARY_OUTLINE_ROW (gtk_list_item_get_child (list_item)),
                                gtk_list_item_get_item (list_item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item)
{
  plenary_outline_row_set_item (PLENARY_OUTLINE_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static gboolean
is_open (gpointer item,
         gpointer user_data)
{
  PlenaryParagraphStatus status = plenary_outline_item_get_status (item);

  return status != PLENARY_PARAGRAPH_STATUS_AGREED && status != PLENARY_PARAGRAPH_STATUS_DELETED;
}

static void
on_activate (PlenaryOutlinePanel *self,
             guint                position)
{
  g_autoptr(PlenaryOutlineItem) item = NULL;
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (self->list_view));

  if (self->outline == NULL || shown == NULL)
    return;

  item = g_list_model_get_item (shown, position);
  if (item != NULL)
    {
      plenary_outline_flush (self->outline);
      g_signal_emit (self, signals[GO_TO_LINE], 0, plenary_outline_item_get_line (item), (guint64) 0);
    }
}

static void
update_stack (PlenaryOutlinePanel *self)
{
  gboolean any = self->outline != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->outline)) > 0;

  gtk_stack_set_visible_child_name (self->stack, any ? "list" : "empty");
  gtk_widget_set_visible (self->filter_box, any);
}

/* The list shows the outline, through the filter when Open Only is on. */
static void
update_model (PlenaryOutlinePanel *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  if (self->outline != NULL)
    {
      GListModel *shown = g_object_ref (G_LIST_MODEL (self->outline));

      if (self->open_only)
        {
          if (self->open_filter == NULL)
            self->open_filter = gtk_custom_filter_new (is_open, NULL, NULL);
          shown = G_LIST_MODEL (gtk_filter_list_model_new (shown, g_object_ref (GTK_FILTER (self->open_filter))));
        }
      selection = gtk_no_selection_new (shown);
    }
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

static void
plenary_outline_panel_dispose (GObject *object)
{
  PlenaryOutlinePanel *self = PLENARY_OUTLINE_PANEL (object);
  GtkWidget *child;

  if (self->outline != NULL)
    g_signal_handlers_disconnect_by_data (self->outline, self);
  g_clear_object (&self->outline);
  g_clear_object (&self->open_filter);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_OUTLINE_PANEL);
  /* The template's root has no id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (plenary_outline_panel_parent_class)->dispose (object);
}

static void
plenary_outline_panel_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PlenaryOutlinePanel *self = PLENARY_OUTLINE_PANEL (object);

  switch (prop_id)
    {
    case PROP_OUTLINE:
      g_value_set_object (value, self->outline);
      break;
    case PROP_OPEN_ONLY:
      g_value_set_boolean (value, self->open_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_outline_panel_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PlenaryOutlinePanel *self = PLENARY_OUTLINE_PANEL (object);

  switch (prop_id)
    {
    case PROP_OUTLINE:
      plenary_outline_panel_set_outline (self, g_value_get_object (value));
      break;
    case PROP_OPEN_ONLY:
      plenary_outline_panel_set_open_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_outline_panel_class_init (PlenaryOutlinePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plenary_outline_panel_dispose;
  object_class->get_property = plenary_outline_panel_get_property;
  object_class->set_property = plenary_outline_panel_set_property;

  properties[PROP_OUTLINE] =
    g_param_spec_object ("outline", NULL, NULL, PLENARY_TYPE_OUTLINE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_OPEN_ONLY] =
    g_param_spec_boolean ("open-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A row was activated: the editor goes to byte INDEX of LINE. */
  signals[GO_TO_LINE] =
    g_signal_new ("go-to-line", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/plenary/Plenary/plenary-outline-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryOutlinePanel, stack);
  gtk_widget_class_bind_template_child (widget_class, PlenaryOutlinePanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, PlenaryOutlinePanel, open_only_switch);
  gtk_widget_class_bind_template_child (widget_class, PlenaryOutlinePanel, filter_box);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "plenary-outline-panel");
}

static void
plenary_outline_panel_init (PlenaryOutlinePanel *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  g_object_bind_property (self, "open-only", self->open_only_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  update_stack (self);
}

GtkWidget *
plenary_outline_panel_new (void)
{
  return g_object_new (PLENARY_TYPE_OUTLINE_PANEL, NULL);
}

PlenaryOutline *
plenary_outline_panel_get_outline (PlenaryOutlinePanel *self)
{
  g_return_val_if_fail (PLENARY_IS_OUTLINE_PANEL (self), NULL);
  return self->outline;
}

void
plenary_outline_panel_set_outline (PlenaryOutlinePanel *self,
                                   PlenaryOutline      *outline)
{
  g_return_if_fail (PLENARY_IS_OUTLINE_PANEL (self));
  g_return_if_fail (outline == NULL || PLENARY_IS_OUTLINE (outline));

  if (self->outline == outline)
    return;

  if (self->outline != NULL)
    g_signal_handlers_disconnect_by_data (self->outline, self);
  g_set_object (&self->outline, outline);

  if (outline != NULL)
    g_signal_connect_swapped (outline, "items-changed", G_CALLBACK (update_stack), self);
  update_model (self);

  update_stack (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTLINE]);
}

gboolean
plenary_outline_panel_get_open_only (PlenaryOutlinePanel *self)
{
  g_return_val_if_fail (PLENARY_IS_OUTLINE_PANEL (self), FALSE);
  return self->open_only;
}

void
plenary_outline_panel_set_open_only (PlenaryOutlinePanel *self,
                                     gboolean             open_only)
{
  g_return_if_fail (PLENARY_IS_OUTLINE_PANEL (self));

  open_only = !!open_only;
  if (self->open_only == open_only)
    return;

  self->open_only = open_only;
  update_model (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN_ONLY]);
}
