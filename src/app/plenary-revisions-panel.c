/* plenary-revisions-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-revisions-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plenary-revisions-panel.h"

struct _PlenaryRevisionsPanel
{
  GtkWidget        parent_instance;

  PlenaryDocument *document;

  GtkStack        *stack;
  GtkListBox      *list_box;
};

G_DEFINE_FINAL_TYPE (PlenaryRevisionsPanel, plenary_revisions_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
plenary_revision_dup_subtitle (PlenaryRevision *revision)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (plenary_revision_get_created (revision));
  /* Translators: when a revision was saved, in strftime() format. */
  g_autofree char *when = g_date_time_format (local, _("%-d %B %Y, %H:%M"));
  const char *author = plenary_revision_get_author (revision);

  g_strstrip (when);
  if (author == NULL || author[0] == '\0')
    return g_steal_pointer (&when);

  /* Translators: a revision's date, then its author. */
  return g_strdup_printf (_("%s · %s"), when, author);
}

static GMenuModel *
row_menu (PlenaryRevision *revision)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();
  const char *id = plenary_revision_get_id (revision);
  g_autoptr(GMenuItem) open = g_menu_item_new (_("_Open Read-Only"), NULL);
  g_autoptr(GMenuItem) restore = g_menu_item_new (_("_Restore…"), NULL);
  g_autoptr(GMenuItem) delete = g_menu_item_new (_("_Delete…"), NULL);

  g_menu_item_set_action_and_target (open, "win.open-revision", "s", id);
  g_menu_item_set_action_and_target (restore, "win.restore-revision", "s", id);
  g_menu_item_set_action_and_target (delete, "win.delete-revision", "s", id);
  g_menu_append_item (menu, open);
  g_menu_append_item (menu, restore);
  g_menu_append_item (section, delete);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  return G_MENU_MODEL (menu);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  PlenaryRevision *revision = item;
  g_autofree char *subtitle = plenary_revision_dup_subtitle (revision);
  g_autoptr(GMenuModel) menu = row_menu (revision);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (plenary_revision_get_name (revision));
  GtkWidget *details = gtk_label_new (subtitle);
  GtkWidget *button = gtk_menu_button_new ();
  /* Translators: the accessible name of a revision's menu button, %s is its name. */
  g_autofree char *button_name = g_strdup_printf (_("Actions for “%s”"), plenary_revision_get_name (revision));

  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (details), 0.0);
  /* The author's delegation is often long: on a line of its own if need be. */
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (details), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), details);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Open, Restore or Delete"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_name, -1);

  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "revision-id",
                          g_strdup (plenary_revision_get_id (revision)), g_free);

  return row;
}

static void
update_stack (PlenaryRevisionsPanel *self)
{
  PlenaryDraft *draft = self->document != NULL ? plenary_document_get_draft (self->document) : NULL;
  guint n = draft != NULL ? g_list_model_get_n_items (plenary_draft_get_revisions (draft)) : 0;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
bind_draft (PlenaryRevisionsPanel *self)
{
  PlenaryDraft *draft = self->document != NULL ? plenary_document_get_draft (self->document) : NULL;
  GListModel *revisions = draft != NULL ? plenary_draft_get_revisions (draft) : NULL;

  gtk_list_box_bind_model (self->list_box, revisions, create_row, NULL, NULL);
  if (revisions != NULL)
    g_signal_connect_object (revisions, "items-changed", G_CALLBACK (update_stack),
                             self, G_CONNECT_SWAPPED);
  update_stack (self);
}

/* A row opens its revision, read-only. */
static void
on_row_activated (PlenaryRevisionsPanel *self,
                  GtkListBoxRow         *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "revision-id");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-revision", "s", id);
}

static void
plenary_revisions_panel_dispose (GObject *object)
{
  PlenaryRevisionsPanel *self = PLENARY_REVISIONS_PANEL (object);

  GtkWidget *child;

  plenary_revisions_panel_set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_REVISIONS_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (plenary_revisions_panel_parent_class)->dispose (object);
}

static void
plenary_revisions_panel_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  PlenaryRevisionsPanel *self = PLENARY_REVISIONS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_revisions_panel_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  PlenaryRevisionsPanel *self = PLENARY_REVISIONS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      plenary_revisions_panel_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_revisions_panel_class_init (PlenaryRevisionsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plenary_revisions_panel_dispose;
  object_class->get_property = plenary_revisions_panel_get_property;
  object_class->set_property = plenary_revisions_panel_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PLENARY_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/plenary/Plenary/plenary-revisions-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryRevisionsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, PlenaryRevisionsPanel, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
plenary_revisions_panel_init (PlenaryRevisionsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
plenary_revisions_panel_new (void)
{
  return g_object_new (PLENARY_TYPE_REVISIONS_PANEL, NULL);
}

PlenaryDocument *
plenary_revisions_panel_get_document (PlenaryRevisionsPanel *self)
{
  g_return_val_if_fail (PLENARY_IS_REVISIONS_PANEL (self), NULL);

  return self->document;
}

void
plenary_revisions_panel_set_document (PlenaryRevisionsPanel *self,
                                      PlenaryDocument       *document)
{
  g_return_if_fail (PLENARY_IS_REVISIONS_PANEL (self));
  g_return_if_fail (document == NULL || PLENARY_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      PlenaryDraft *draft = plenary_document_get_draft (self->document);

      g_signal_handlers_disconnect_by_data (self->document, self);
      if (draft != NULL)
        g_signal_handlers_disconnect_by_data (plenary_draft_get_revisions (draft), self);
    }

  g_set_object (&self->document, document);

  /* A load or a restore gives the document another draft. */
  if (document != NULL)
    g_signal_connect_object (document, "notify::draft", G_CALLBACK (bind_draft),
                             self, G_CONNECT_SWAPPED);
  if (self->list_box != NULL)
    bind_draft (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
