/* plenary-search-result-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-search-result-row"

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-search-result-row.h"
#include "plenary-source-search.h"

struct _PlenarySearchResultRow
{
  GtkWidget        parent_instance;

  GtkTreeExpander *expander;
  GtkWidget       *header;
  GtkLabel        *title;
  GtkLabel        *count;
  GtkLabel        *snippet;
  GtkLabel        *page;
};

G_DEFINE_FINAL_TYPE (PlenarySearchResultRow, plenary_search_result_row, GTK_TYPE_WIDGET)

static void
plenary_search_result_row_dispose (GObject *object)
{
  PlenarySearchResultRow *self = PLENARY_SEARCH_RESULT_ROW (object);

  if (self->expander != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->expander));
  self->expander = NULL;

  G_OBJECT_CLASS (plenary_search_result_row_parent_class)->dispose (object);
}

static void
plenary_search_result_row_class_init (PlenarySearchResultRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = plenary_search_result_row_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
plenary_search_result_row_init (PlenarySearchResultRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  self->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->expander = GTK_TREE_EXPANDER (gtk_tree_expander_new ());
  self->title = GTK_LABEL (gtk_label_new (NULL));
  self->count = GTK_LABEL (gtk_label_new (NULL));
  self->snippet = GTK_LABEL (gtk_label_new (NULL));
  self->page = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_wrap (self->title, TRUE);
  gtk_label_set_wrap_mode (self->title, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->title, 2);
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->title, 1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->count), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->count), "caption");

  gtk_label_set_xalign (self->snippet, 0);
  gtk_label_set_wrap (self->snippet, TRUE);
  gtk_label_set_wrap_mode (self->snippet, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->snippet, 3);
  gtk_label_set_ellipsize (self->snippet, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->snippet, 1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->snippet), TRUE);
  gtk_label_set_xalign (self->page, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->page), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->page), "dim-label");

  gtk_box_append (GTK_BOX (self->header), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (self->header), GTK_WIDGET (self->count));
  gtk_box_append (GTK_BOX (box), self->header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->snippet));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->page));
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_tree_expander_set_child (self->expander, box);
  gtk_widget_set_parent (GTK_WIDGET (self->expander), GTK_WIDGET (self));
}

GtkWidget *
plenary_search_result_row_new (void)
{
  return g_object_new (PLENARY_TYPE_SEARCH_RESULT_ROW, NULL);
}

void
plenary_search_result_row_set_list_row (PlenarySearchResultRow *self,
                                        GtkTreeListRow         *list_row)
{
  g_autoptr(GObject) object = NULL;

  g_return_if_fail (PLENARY_IS_SEARCH_RESULT_ROW (self));

  gtk_tree_expander_set_list_row (self->expander, list_row);
  if (list_row == NULL)
    {
      gtk_label_set_attributes (self->snippet, NULL);
      return;
    }

  object = gtk_tree_list_row_get_item (list_row);
  gtk_widget_set_visible (self->header, PLENARY_IS_SEARCH_GROUP (object));
  gtk_widget_set_visible (GTK_WIDGET (self->snippet), !PLENARY_IS_SEARCH_GROUP (object));

  if (PLENARY_IS_SEARCH_GROUP (object))
    {
      PlenarySearchGroup *group = PLENARY_SEARCH_GROUP (object);
      PlenarySource *source = plenary_search_group_get_source (group);
      g_autofree char *count = g_strdup_printf ("%u", plenary_search_group_get_n_matches (group));

      gtk_label_set_text (self->title, plenary_source_get_title (source));
      gtk_label_set_text (self->count, count);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->title), plenary_source_get_title (source));
      gtk_widget_set_visible (GTK_WIDGET (self->page), FALSE);
    }
  else
    {
      PlenarySearchResult *result = PLENARY_SEARCH_RESULT (object);
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      PangoAttribute *background = pango_attr_background_new (0xffff, 0xd700, 0x5000);
      PangoAttribute *alpha = pango_attr_background_alpha_new (0x8000);
      guint page = plenary_search_result_get_page (result);

      /* Byte offsets into the snippet, shown as plain text. */
      bold->start_index = background->start_index = alpha->start_index = plenary_search_result_get_snippet_match_start (result);
      bold->end_index = background->end_index = alpha->end_index = plenary_search_result_get_snippet_match_end (result);
      pango_attr_list_insert (attrs, bold);
      pango_attr_list_insert (attrs, background);
      pango_attr_list_insert (attrs, alpha);

      gtk_label_set_text (self->snippet, plenary_search_result_get_snippet (result));
      gtk_label_set_attributes (self->snippet, attrs);

      if (page > 0)
        {
          g_autofree char *label = g_strdup_printf (_("Page %u"), page);

          gtk_label_set_text (self->page, label);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->page), page > 0);
    }
}
