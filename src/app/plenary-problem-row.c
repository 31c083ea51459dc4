/* plenary-problem-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-problem-row"

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-problem-row.h"

struct _PlenaryProblemRow
{
  GtkWidget           parent_instance;

  PlenaryProblemItem *item;
  GtkWidget          *box;
  GtkImage           *icon;
  GtkLabel           *message;
  GtkLabel           *line;
  GtkButton          *fix;
  GtkLabel           *fix_label;
};

G_DEFINE_FINAL_TYPE (PlenaryProblemRow, plenary_problem_row, GTK_TYPE_WIDGET)

enum {
  FIX,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_fix_clicked (PlenaryProblemRow *self)
{
  if (self->item != NULL)
    g_signal_emit (self, signals[FIX], 0, self->item);
}

static void
plenary_problem_row_dispose (GObject *object)
{
  PlenaryProblemRow *self = PLENARY_PROBLEM_ROW (object);

  g_clear_object (&self->item);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (plenary_problem_row_parent_class)->dispose (object);
}

static void
plenary_problem_row_class_init (PlenaryProblemRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = plenary_problem_row_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);

  signals[FIX] =
    g_signal_new ("fix", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PLENARY_TYPE_PROBLEM_ITEM);
}

static void
plenary_problem_row_init (PlenaryProblemRow *self)
{
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  self->icon = GTK_IMAGE (gtk_image_new ());
  self->message = GTK_LABEL (gtk_label_new (NULL));
  self->line = GTK_LABEL (gtk_label_new (NULL));
  self->fix = GTK_BUTTON (gtk_button_new ());

  gtk_widget_set_valign (GTK_WIDGET (self->icon), GTK_ALIGN_START);
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_wrap_mode (self->message, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->message, 0.0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->message), TRUE);

  gtk_label_set_xalign (self->line, 0.0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->line), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->line), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->line), "dim-label");

  /* Fix labels quote the text ("Replace with “…”"): keep the row narrow,
   * but wrap rather than cut the words the button will write. */
  self->fix_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->fix_label, TRUE);
  gtk_label_set_wrap_mode (self->fix_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (self->fix_label, 24);
  gtk_label_set_justify (self->fix_label, GTK_JUSTIFY_CENTER);
  gtk_button_set_child (self->fix, GTK_WIDGET (self->fix_label));
  gtk_widget_set_valign (GTK_WIDGET (self->fix), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->fix), "caption");
  g_signal_connect_swapped (self->fix, "clicked", G_CALLBACK (on_fix_clicked), self);

  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->icon));
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->message));
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->line));
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->fix));
  gtk_box_append (GTK_BOX (self->box), top);
  gtk_box_append (GTK_BOX (self->box), bottom);
  gtk_widget_set_margin_top (self->box, 4);
  gtk_widget_set_margin_bottom (self->box, 4);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
plenary_problem_row_new (void)
{
  return g_object_new (PLENARY_TYPE_PROBLEM_ROW, NULL);
}

void
plenary_problem_row_set_item (PlenaryProblemRow  *self,
                              PlenaryProblemItem *item)
{
  gboolean hint;
  g_autofree char *line = NULL;

  g_return_if_fail (PLENARY_IS_PROBLEM_ROW (self));
  g_return_if_fail (item == NULL || PLENARY_IS_PROBLEM_ITEM (item));

  g_set_object (&self->item, item);
  if (item == NULL)
    return;

  hint = plenary_problem_item_get_severity (item) == PLENARY_CHECK_SEVERITY_HINT;
  gtk_image_set_from_icon_name (self->icon, hint ? "dialog-information-symbolic" : "dialog-warning-symbolic");
  gtk_label_set_text (self->message, plenary_problem_item_get_message (item));
  /* Translators: the line of the draft where a problem is, counted from 1 */
  line = g_strdup_printf (_("Line %u"), plenary_problem_item_get_line (item) + 1);
  gtk_label_set_text (self->line, line);

  gtk_widget_set_visible (GTK_WIDGET (self->fix), plenary_problem_item_get_has_fix (item));
  if (plenary_problem_item_get_has_fix (item))
    {
      gtk_label_set_text (self->fix_label, plenary_problem_item_get_fix_label (item));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->fix), plenary_problem_item_get_fix_label (item));
    }
}
