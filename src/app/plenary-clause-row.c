/* plenary-clause-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-clause-row"

#include "config.h"

#include "plenary-clause-row.h"

struct _PlenaryClauseRow
{
  GtkListBoxRow      parent_instance;

  PlenaryPhraseGroup group;
};

G_DEFINE_FINAL_TYPE (PlenaryClauseRow, plenary_clause_row, GTK_TYPE_LIST_BOX_ROW)

static void
plenary_clause_row_class_init (PlenaryClauseRowClass *klass)
{
}

static void
plenary_clause_row_init (PlenaryClauseRow *self)
{
}

GtkWidget *
plenary_clause_row_new (const char         *phrase,
                        const char         *example,
                        PlenaryPhraseGroup  group)
{
  PlenaryClauseRow *self = g_object_new (PLENARY_TYPE_CLAUSE_ROW, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *phrase_label = gtk_label_new (phrase);
  GtkWidget *example_label = gtk_label_new (example);

  self->group = group;

  gtk_label_set_xalign (GTK_LABEL (phrase_label), 0);
  gtk_label_set_wrap (GTK_LABEL (phrase_label), TRUE);
  gtk_widget_add_css_class (phrase_label, "heading");

  gtk_label_set_xalign (GTK_LABEL (example_label), 0);
  gtk_label_set_wrap (GTK_LABEL (example_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (example_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (example_label, "dim-label");
  gtk_widget_set_visible (example_label, example[0] != '\0');

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), phrase_label);
  gtk_box_append (GTK_BOX (box), example_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, phrase,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, example,
                                  -1);

  return GTK_WIDGET (self);
}

PlenaryPhraseGroup
plenary_clause_row_get_group (PlenaryClauseRow *self)
{
  g_return_val_if_fail (PLENARY_IS_CLAUSE_ROW (self), 0);
  return self->group;
}
