/* plenary-source-details.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-source-details"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "plenary-dialogs.h"
#include "plenary-source-details.h"

/* The details, in the order of the dialog: property, label, placeholder. */
static const struct {
  const char *property;
  const char *label;
  const char *placeholder;
} fields[] = {
  { "author", N_("_Author"), N_("Secretary-General") },
  { "date", N_("_Date"), N_("12/03/2025") },
  { "symbol", N_("Document _symbol"), N_("A/80/123") },
  { "url", N_("_Web address"), N_("https://undocs.org/…") },
};

#define DATE_FIELD 1

char *
plenary_source_details_parse_date (const char *text)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *iso = NULL;
  int day, month, year = 0;
  int n = 0;

  if (clean[0] == '\0')
    return g_strdup ("");

  /* Day first, as delegates write it in French and most of the world. */
  if (sscanf (clean, "%d/%d/%d%n", &day, &month, &year, &n) == 3 && clean[n] == '\0')
    iso = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  else if (sscanf (clean, "%d/%d%n", &month, &year, &n) == 2 && clean[n] == '\0')
    iso = g_strdup_printf ("%04d-%02d", year, month);
  else
    iso = g_strdup (clean);

  /* "12/03/25" is ambiguous: the year is written in full. */
  if ((strchr (clean, '/') != NULL && year < 1000) || !plenary_source_date_is_valid (iso))
    return NULL;
  return g_steal_pointer (&iso);
}

/* The stored date as the dialog shows it: "12/03/2025". */
static char *
shown_date (const char *date)
{
  int year, month, day;

  if (strlen (date) == 10 && sscanf (date, "%d-%d-%d", &year, &month, &day) == 3)
    return g_strdup_printf ("%02d/%02d/%04d", day, month, year);
  if (strlen (date) == 7 && sscanf (date, "%d-%d", &year, &month) == 2)
    return g_strdup_printf ("%02d/%04d", month, year);
  return g_strdup (date);
}

static GtkEditable *
field_entry (PlenaryAlert *dialog,
             guint         i)
{
  GtkGrid *grid = GTK_GRID (plenary_alert_get_extra_child (dialog));

  return GTK_EDITABLE (gtk_grid_get_child_at (grid, 1, i));
}

static void
on_date_changed (GtkEditable  *entry,
                 PlenaryAlert *dialog)
{
  g_autofree char *date = plenary_source_details_parse_date (gtk_editable_get_text (entry));

  plenary_alert_set_response_enabled (dialog, "save", date != NULL);
  if (date == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), _("Write the date as day/month/year, for example 12/03/2025"));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
    }
}

static void
on_response (PlenaryAlert *dialog,
             const char   *response,
             gpointer      user_data)
{
  PlenarySource *source = g_object_get_data (G_OBJECT (dialog), "source");
  PlenaryDocument *document = g_object_get_data (G_OBJECT (dialog), "document");
  gboolean changed = FALSE;

  if (g_strcmp0 (response, "save") != 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *text = gtk_editable_get_text (field_entry (dialog, i));
      g_autofree char *value = i == DATE_FIELD ? plenary_source_details_parse_date (text)
                                               : g_strstrip (g_strdup (text));
      g_autofree char *before = NULL;

      if (value == NULL)
        continue;
      g_object_get (source, fields[i].property, &before, NULL);
      if (g_strcmp0 (before, value) == 0)
        continue;
      g_object_set (source, fields[i].property, value, NULL);
      changed = TRUE;
    }

  /* Details are properties of the source, not a change of the list the
   * document watches. */
  if (changed)
    plenary_document_set_modified (document, TRUE);
}

void
plenary_source_details_present (GtkWidget       *parent,
                                PlenaryDocument *document,
                                PlenarySource   *source)
{
  GtkWidget *dialog;
  GtkWidget *grid;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (PLENARY_IS_SOURCE (source));

  dialog = plenary_alert_new (_("Source Details"), plenary_source_get_title (source));
  plenary_alert_add_responses (PLENARY_ALERT (dialog),
                               "cancel", _("_Cancel"),
                               "save", _("_Save"),
                               NULL);
  plenary_alert_set_response_appearance (PLENARY_ALERT (dialog), "save", ADW_RESPONSE_SUGGESTED);
  plenary_alert_set_default_response (PLENARY_ALERT (dialog), "save");
  plenary_alert_set_close_response (PLENARY_ALERT (dialog), "cancel");

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *label = gtk_label_new_with_mnemonic (_(fields[i].label));
      GtkWidget *entry = gtk_entry_new ();
      g_autofree char *value = NULL;

      g_object_get (source, fields[i].property, &value, NULL);
      if (i == DATE_FIELD)
        {
          g_autofree char *shown = shown_date (value);

          gtk_editable_set_text (GTK_EDITABLE (entry), shown);
          g_signal_connect (entry, "changed", G_CALLBACK (on_date_changed), dialog);
        }
      else
        gtk_editable_set_text (GTK_EDITABLE (entry), value);
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _(fields[i].placeholder));
      gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
      gtk_widget_set_hexpand (entry, TRUE);
      /* Room for an organisation's name or a web address. */
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 32);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                      -1);
      gtk_grid_attach (GTK_GRID (grid), label, 0, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), entry, 1, i, 1, 1);
    }
  plenary_alert_set_extra_child (PLENARY_ALERT (dialog), grid);

  g_object_set_data_full (G_OBJECT (dialog), "source", g_object_ref (source), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "document", g_object_ref (document), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), NULL);

  plenary_dialog_present (dialog, parent);
  gtk_widget_grab_focus (gtk_grid_get_child_at (GTK_GRID (grid), 1, 0));
}
