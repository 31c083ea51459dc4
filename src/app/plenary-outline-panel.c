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

  GtkStack       *stack;
  GtkListView    *list_view;
};

G_DEFINE_FINAL_TYPE (PlenaryOutlinePanel, plenary_outline_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_OUTLINE,
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

static void
on_activate (PlenaryOutlinePanel *self,
             guint                position)
{
  g_autoptr(PlenaryOutlineItem) item = NULL;

  if (self->outline == NULL)
    return;

  item = g_list_model_get_item (G_LIST_MODEL (self->outline), position);
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
}

static void
plenary_outline_panel_dispose (GObject *object)
{
  PlenaryOutlinePanel *self = PLENARY_OUTLINE_PANEL (object);

  if (self->outline != NULL)
    g_signal_handlers_disconnect_by_data (self->outline, self);
  g_clear_object (&self->outline);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_OUTLINE_PANEL);

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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A row was activated: the editor goes to byte INDEX of LINE. */
  signals[GO_TO_LINE] =
    g_signal_new ("go-to-line", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/plenary/Plenary/plenary-outline-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryOutlinePanel, stack);
  gtk_widget_class_bind_template_child (widget_class, PlenaryOutlinePanel, list_view);
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
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (PLENARY_IS_OUTLINE_PANEL (self));
  g_return_if_fail (outline == NULL || PLENARY_IS_OUTLINE (outline));

  if (self->outline == outline)
    return;

  if (self->outline != NULL)
    g_signal_handlers_disconnect_by_data (self->outline, self);
  g_set_object (&self->outline, outline);

  if (outline != NULL)
    {
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (outline)));
      g_signal_connect_swapped (outline, "items-changed", G_CALLBACK (update_stack), self);
    }
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  update_stack (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTLINE]);
}
