/* plenary-toolbar-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-toolbar-view"

#include "config.h"

#include "plenary-toolbar-view.h"

/* Bars above the content: AdwToolbarView where libadwaita has it (1.4),
 * which gives the header bar its flat, current look; a vertical box on
 * Debian 12's 1.2. In a .ui file, <child type="top"> adds a bar and a plain
 * <child> sets the content. */

struct _PlenaryToolbarView
{
  AdwBin     parent_instance;

  GtkWidget *inner;
};

static void plenary_toolbar_view_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlenaryToolbarView, plenary_toolbar_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, plenary_toolbar_view_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

static void
plenary_toolbar_view_add_child (GtkBuildable *buildable,
                                GtkBuilder   *builder,
                                GObject      *child,
                                const char   *type)
{
  PlenaryToolbarView *self = PLENARY_TOOLBAR_VIEW (buildable);

  if (self->inner == NULL || !GTK_IS_WIDGET (child))
    {
      parent_buildable_iface->add_child (buildable, builder, child, type);
      return;
    }

#if ADW_CHECK_VERSION (1, 4, 0)
  if (g_strcmp0 (type, "top") == 0)
    adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (self->inner), GTK_WIDGET (child));
  else
    adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (self->inner), GTK_WIDGET (child));
#else
  if (g_strcmp0 (type, "top") != 0)
    gtk_widget_set_vexpand (GTK_WIDGET (child), TRUE);
  gtk_box_append (GTK_BOX (self->inner), GTK_WIDGET (child));
#endif
}

static void
plenary_toolbar_view_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = plenary_toolbar_view_add_child;
}

static void
plenary_toolbar_view_class_init (PlenaryToolbarViewClass *klass)
{
}

static void
plenary_toolbar_view_init (PlenaryToolbarView *self)
{
#if ADW_CHECK_VERSION (1, 4, 0)
  self->inner = adw_toolbar_view_new ();
#else
  self->inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
#endif
  adw_bin_set_child (ADW_BIN (self), self->inner);
}
