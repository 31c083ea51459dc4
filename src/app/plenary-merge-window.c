/* plenary-merge-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-merge-window"

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-merge-window.h"

struct _PlenaryMergeWindow
{
  AdwWindow        parent_instance;

  AdwWindowTitle  *window_title;
  GtkLabel        *summary_label;
  AdwEntryRow     *delegation_row;
  GtkListBox      *items_box;

  PlenaryDocument *document;
  PlenaryMerge    *merge;
};

G_DEFINE_FINAL_TYPE (PlenaryMergeWindow, plenary_merge_window, ADW_TYPE_WINDOW)

static char *
describe (const PlenaryParagraph *paragraph)
{
  return paragraph != NULL ? plenary_paragraph_dup_full_text (paragraph) : g_strdup ("");
}

static const char *
change_title (const PlenaryMergeItem *item)
{
  switch (item->change)
    {
    case PLENARY_CHANGE_PARAGRAPH_INSERTED:
      return _("Paragraph added");
    case PLENARY_CHANGE_PARAGRAPH_DELETED:
      return _("Paragraph deleted");
    case PLENARY_CHANGE_PARAGRAPH_MOVED:
      return _("Paragraph moved");
    case PLENARY_CHANGE_PARAGRAPH_RESTYLED:
    case PLENARY_CHANGE_WORDS_INSERTED:
    case PLENARY_CHANGE_WORDS_DELETED:
    case PLENARY_CHANGE_WORDS_REPLACED:
    default:
      return _("Paragraph reworded");
    }
}

static GtkWidget *
text_label (const char *text,
            gboolean    struck)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (struck)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
      gtk_label_set_attributes (GTK_LABEL (label), attrs);
      pango_attr_list_unref (attrs);
    }

  return label;
}

static void
on_toggled (GtkCheckButton     *button,
            PlenaryMergeWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "item"));
  gboolean theirs = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "theirs"));

  /* A radio pair: only the one turned on says. */
  if (gtk_check_button_get_active (button))
    plenary_merge_set_take_theirs (self->merge, index, theirs);
  else if (g_object_get_data (G_OBJECT (button), "single") != NULL)
    plenary_merge_set_take_theirs (self->merge, index, FALSE);
}

static GtkWidget *
choice (PlenaryMergeWindow *self,
        guint               index,
        gboolean            theirs,
        const char         *title,
        const char         *text,
        gboolean            struck)
{
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_label_new (title);

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), text_label (text, struck));
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), box);
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  g_object_set_data (G_OBJECT (button), "item", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "theirs", GUINT_TO_POINTER (theirs));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  return button;
}

static void
add_rows (PlenaryMergeWindow *self,
          const char         *delegation)
{
  for (guint i = 0; i < plenary_merge_get_n_items (self->merge); i++)
    {
      const PlenaryMergeItem *item = plenary_merge_get_item (self->merge, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *title = gtk_label_new (NULL);
      gboolean deleted = item->change == PLENARY_CHANGE_PARAGRAPH_DELETED;
      g_autofree char *theirs_text = describe (deleted ? item->base : item->theirs);
      g_autofree char *mine_text = describe (item->mine);

      gtk_widget_add_css_class (title, item->kind == PLENARY_MERGE_CONFLICT ? "error" : "dim-label");
      gtk_label_set_xalign (GTK_LABEL (title), 0.0);
      gtk_box_append (GTK_BOX (box), title);

      if (item->kind == PLENARY_MERGE_THEIRS)
        {
          GtkWidget *take = choice (self, i, TRUE, change_title (item), theirs_text, deleted);

          gtk_label_set_text (GTK_LABEL (title), _("No conflict"));
          g_object_set_data (G_OBJECT (take), "single", GINT_TO_POINTER (1));
          gtk_check_button_set_active (GTK_CHECK_BUTTON (take), item->take_theirs);
          g_signal_connect (take, "toggled", G_CALLBACK (on_toggled), self);
          gtk_box_append (GTK_BOX (box), take);
        }
      else
        {
          GtkWidget *sides = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
          g_autofree char *theirs_title = NULL;
          GtkWidget *mine, *theirs;

          /* Translators: a conflict's title: what the other delegation did ("Paragraph reworded"). */
          g_autofree char *conflict = g_strdup_printf (_("Conflict — %s by both"), change_title (item));
          gtk_label_set_text (GTK_LABEL (title), conflict);

          mine = choice (self, i, FALSE, _("Keep mine"),
                         item->mine != NULL ? mine_text : _("(deleted in mine)"), FALSE);
          /* Translators: %s is the delegation whose copy is merged. */
          theirs_title = g_strdup_printf (_("Take %s’s"), delegation[0] != '\0' ? delegation : _("theirs"));
          theirs = choice (self, i, TRUE, theirs_title, theirs_text, deleted);
          gtk_check_button_set_group (GTK_CHECK_BUTTON (theirs), GTK_CHECK_BUTTON (mine));
          gtk_check_button_set_active (GTK_CHECK_BUTTON (item->take_theirs ? theirs : mine), TRUE);
          g_signal_connect (mine, "toggled", G_CALLBACK (on_toggled), self);
          g_signal_connect (theirs, "toggled", G_CALLBACK (on_toggled), self);
          gtk_box_set_homogeneous (GTK_BOX (sides), TRUE);
          gtk_box_append (GTK_BOX (sides), mine);
          gtk_box_append (GTK_BOX (sides), theirs);
          gtk_box_append (GTK_BOX (box), sides);
        }

      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 9);
      gtk_widget_set_margin_bottom (box, 9);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->items_box, row);
    }
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  PlenaryMergeWindow *self = PLENARY_MERGE_WINDOW (widget);
  g_autoptr(PlenaryBody) result = plenary_merge_dup_result (self->merge);

  plenary_document_replace_body (self->document, result);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Their changes, conflicts too, not applied but proposed in the name of
 * their delegation: the facilitator's way (compilation text). */
static void
propose_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PlenaryMergeWindow *self = PLENARY_MERGE_WINDOW (widget);
  const char *delegation = gtk_editable_get_text (GTK_EDITABLE (self->delegation_row));
  g_autoptr(PlenaryBody) theirs = NULL;

  for (guint i = 0; i < plenary_merge_get_n_items (self->merge); i++)
    plenary_merge_set_take_theirs (self->merge, i, TRUE);
  theirs = plenary_merge_dup_result (self->merge);
  plenary_document_propose_copy (self->document, theirs, delegation[0] != '\0' ? delegation : _("Unknown author"));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
plenary_merge_window_dispose (GObject *object)
{
  PlenaryMergeWindow *self = PLENARY_MERGE_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_MERGE_WINDOW);
  g_clear_object (&self->document);
  g_clear_object (&self->merge);

  G_OBJECT_CLASS (plenary_merge_window_parent_class)->dispose (object);
}

static void
plenary_merge_window_class_init (PlenaryMergeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plenary_merge_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/plenary/Plenary/plenary-merge-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryMergeWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlenaryMergeWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryMergeWindow, delegation_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryMergeWindow, items_box);

  gtk_widget_class_install_action (widget_class, "merge.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "merge.propose", NULL, propose_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
plenary_merge_window_init (PlenaryMergeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PlenaryMergeWindow *
plenary_merge_window_new (GtkWindow       *parent,
                          PlenaryDocument *document,
                          PlenaryMerge    *merge,
                          const char      *base_name,
                          const char      *delegation)
{
  PlenaryMergeWindow *self;
  guint n = plenary_merge_get_n_items (merge);
  guint conflicts = plenary_merge_count_conflicts (merge);
  g_autofree char *changes = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (PLENARY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (PLENARY_IS_MERGE (merge), NULL);

  self = g_object_new (PLENARY_TYPE_MERGE_WINDOW, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->merge = g_object_ref (merge);

  gtk_editable_set_text (GTK_EDITABLE (self->delegation_row), delegation != NULL ? delegation : "");
  adw_window_title_set_subtitle (self->window_title, base_name);

  changes = g_strdup_printf (ngettext ("%u change since the revision both copies share (“%s”)",
                                       "%u changes since the revision both copies share (“%s”)", n),
                             n, base_name);
  if (n == 0)
    summary = g_strdup_printf (_("This copy has no changes since the revision both copies share (“%s”)."), base_name);
  else if (conflicts == 0)
    /* Translators: %s is "4 changes since the revision both copies share (“Rev.1”)". */
    summary = g_strdup_printf (_("%s; none conflicts with yours. Apply takes the ticked ones in one step, and Undo takes them back."),
                               changes);
  else
    summary = g_strdup_printf (ngettext ("%s; %u conflicts with yours: choose which text to keep. Apply takes the ticked ones in one step, and Undo takes them back.",
                                         "%s; %u conflict with yours: choose which text to keep. Apply takes the ticked ones in one step, and Undo takes them back.",
                                         conflicts),
                               changes, conflicts);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.apply", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.propose", n > 0);

  add_rows (self, delegation != NULL ? delegation : "");

  return self;
}

const char *
plenary_merge_window_get_delegation (PlenaryMergeWindow *self)
{
  g_return_val_if_fail (PLENARY_IS_MERGE_WINDOW (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->delegation_row));
}
