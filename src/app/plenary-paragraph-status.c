/* plenary-paragraph-status.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-paragraph-status"

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-paragraph-status.h"

static const PlenaryParagraphStatus menu_order[] = {
  PLENARY_PARAGRAPH_STATUS_PENDING,
  PLENARY_PARAGRAPH_STATUS_AGREED_AD_REF,
  PLENARY_PARAGRAPH_STATUS_AGREED,
  PLENARY_PARAGRAPH_STATUS_DELETED,
};

void
plenary_paragraph_status_color (PlenaryParagraphStatus  status,
                                gboolean                dark,
                                GdkRGBA                *out)
{
  const char *color;

  /* Open paragraphs warm, settled ones green (ad ref. lighter, as not yet
   * confirmed), deleted ones grey: what is still to negotiate stands out. */
  switch (status)
    {
    case PLENARY_PARAGRAPH_STATUS_PENDING:
      color = dark ? "#ffa348" : "#e66100";
      break;
    case PLENARY_PARAGRAPH_STATUS_AGREED_AD_REF:
      color = dark ? "#8ff0a4" : "#57e389";
      break;
    case PLENARY_PARAGRAPH_STATUS_AGREED:
      color = dark ? "#33d17a" : "#26a269";
      break;
    case PLENARY_PARAGRAPH_STATUS_DELETED:
      color = dark ? "#9a9996" : "#77767b";
      break;
    case PLENARY_PARAGRAPH_STATUS_NONE:
    default:
      color = "transparent";
      break;
    }
  gdk_rgba_parse (out, color);
}

GtkWidget *
plenary_paragraph_status_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "plenary-paragraph-status");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (label, FALSE);

  return label;
}

void
plenary_paragraph_status_label_update (GtkWidget              *label,
                                       PlenaryParagraphStatus  status)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  for (guint i = 0; i < G_N_ELEMENTS (menu_order); i++)
    gtk_widget_remove_css_class (label, plenary_paragraph_status_to_string (menu_order[i]));
  gtk_label_set_text (GTK_LABEL (label), plenary_paragraph_status_get_label (status));
  if (status != PLENARY_PARAGRAPH_STATUS_NONE)
    gtk_widget_add_css_class (label, plenary_paragraph_status_to_string (status));
  gtk_widget_set_visible (label, status != PLENARY_PARAGRAPH_STATUS_NONE);
}

/* ITEM sets STATUS: of the paragraph at the cursor, checked when it is its
 * status (PARAGRAPH_ID NULL), or of the paragraph PARAGRAPH_ID. */
static void
set_target (GMenuItem              *item,
            const char             *paragraph_id,
            PlenaryParagraphStatus  status)
{
  const char *name = plenary_paragraph_status_to_string (status);

  if (paragraph_id == NULL)
    g_menu_item_set_action_and_target (item, "win.paragraph-status", "s", name);
  else
    g_menu_item_set_action_and_target (item, "win.set-paragraph-status", "(ss)", paragraph_id, name);
}

GMenuModel *
plenary_paragraph_status_menu_new (const char *paragraph_id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) statuses = g_menu_new ();
  g_autoptr(GMenu) none = g_menu_new ();
  g_autoptr(GMenuItem) clear = g_menu_item_new (_("_None"), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (menu_order); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (plenary_paragraph_status_get_label (menu_order[i]), NULL);

      set_target (item, paragraph_id, menu_order[i]);
      g_menu_append_item (statuses, item);
    }
  set_target (clear, paragraph_id, PLENARY_PARAGRAPH_STATUS_NONE);
  g_menu_append_item (none, clear);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (statuses));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (none));

  return G_MENU_MODEL (menu);
}
