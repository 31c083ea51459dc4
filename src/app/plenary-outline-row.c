/* plenary-outline-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-outline-row"

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-outline-row.h"
#include "plenary-paragraph-status.h"

struct _PlenaryOutlineRow
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *marker;
  GtkLabel  *phrase;
  GtkLabel  *words;
  /* The paragraph's status in the negotiation, when it has one. */
  GtkWidget *status;
  /* Sets the status ("win.set-paragraph-status"); a right click opens it. */
  GtkWidget *menu_button;
  GBinding  *marker_binding;
  PlenaryOutlineItem *item;
};

G_DEFINE_FINAL_TYPE (PlenaryOutlineRow, plenary_outline_row, GTK_TYPE_WIDGET)

static void
update_status (PlenaryOutlineRow *self)
{
  plenary_paragraph_status_label_update (self->status, plenary_outline_item_get_status (self->item));
}

static void
update_menu (PlenaryOutlineRow *self)
{
  const char *id = plenary_outline_item_get_id (self->item);
  const char *marker = plenary_outline_item_get_marker (self->item);
  g_autoptr(GMenuModel) menu = id != NULL ? plenary_paragraph_status_menu_new (id) : NULL;
  g_autofree char *name = NULL;

  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), menu);
  gtk_widget_set_sensitive (self->menu_button, menu != NULL);
  /* Translators: the accessible name of an outline row's menu button, %s
   * is the paragraph's number or first words. */
  name = g_strdup_printf (_("Status of %s"), marker[0] != '\0' ? marker : plenary_outline_item_get_words (self->item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
on_secondary_click (PlenaryOutlineRow *self,
                    int                n_press,
                    double             x,
                    double             y,
                    GtkGestureClick   *click)
{
  if (!gtk_widget_get_sensitive (self->menu_button))
    return;

  gtk_gesture_set_state (GTK_GESTURE (click), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->menu_button));
}

static void
plenary_outline_row_dispose (GObject *object)
{
  PlenaryOutlineRow *self = PLENARY_OUTLINE_ROW (object);

  plenary_outline_row_set_item (self, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (plenary_outline_row_parent_class)->dispose (object);
}

static void
plenary_outline_row_class_init (PlenaryOutlineRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = plenary_outline_row_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
plenary_outline_row_init (PlenaryOutlineRow *self)
{
  g_autoptr(PangoAttrList) italic = pango_attr_list_new ();
  GtkGesture *click;

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->marker = GTK_LABEL (gtk_label_new (NULL));
  self->phrase = GTK_LABEL (gtk_label_new (NULL));
  self->words = GTK_LABEL (gtk_label_new (NULL));

  /* A fixed width keeps the words of all rows aligned up to "99.". */
  gtk_label_set_width_chars (self->marker, 3);
  gtk_label_set_xalign (self->marker, 1.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->marker), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->marker), "numeric");

  pango_attr_list_insert (italic, pango_attr_style_new (PANGO_STYLE_ITALIC));
  gtk_label_set_attributes (self->phrase, italic);
  gtk_label_set_xalign (self->phrase, 0.0);
  /* A long closing phrase must not widen the side panel. */
  gtk_label_set_ellipsize (self->phrase, PANGO_ELLIPSIZE_END);

  gtk_label_set_ellipsize (self->words, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (self->words, 0.0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->words), TRUE);

  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->marker));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->phrase));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->words));
  self->status = plenary_paragraph_status_label_new ();
  gtk_box_append (GTK_BOX (self->box), self->status);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "view-more-symbolic");
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->menu_button, _("Paragraph Status"));
  gtk_box_append (GTK_BOX (self->box), self->menu_button);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_secondary_click), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
plenary_outline_row_new (void)
{
  return g_object_new (PLENARY_TYPE_OUTLINE_ROW, NULL);
}

void
plenary_outline_row_set_item (PlenaryOutlineRow  *self,
                              PlenaryOutlineItem *item)
{
  const char *phrase;

  g_return_if_fail (PLENARY_IS_OUTLINE_ROW (self));
  g_return_if_fail (item == NULL || PLENARY_IS_OUTLINE_ITEM (item));

  if (self->marker_binding != NULL)
    {
      g_binding_unbind (self->marker_binding);
      self->marker_binding = NULL;
    }
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, update_status, self);
  g_set_object (&self->item, item);
  if (item == NULL)
    return;

  g_signal_connect_swapped (item, "notify::status", G_CALLBACK (update_status), self);
  update_status (self);
  update_menu (self);

  /* The number changes when paragraphs above come and go. */
  self->marker_binding = g_object_bind_property (item, "marker", self->marker, "label", G_BINDING_SYNC_CREATE);

  /* Sub-paragraphs stand under their paragraph, indented by level. */
  phrase = plenary_outline_item_get_phrase (item);
  gtk_widget_set_margin_start (self->box, 18 * plenary_outline_item_get_level (item));
  gtk_label_set_text (self->phrase, phrase);
  gtk_widget_set_visible (GTK_WIDGET (self->phrase), phrase[0] != '\0');
  gtk_label_set_text (self->words, plenary_outline_item_get_words (item));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), plenary_outline_item_get_words (item));
}
