/* plenary-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-preferences-window.h"

struct _PlenaryPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwActionRow         *font_row;
  AdwComboRow          *language_row;
  AdwEntryRow          *body_row;
  AdwEntryRow          *author_row;
  AdwComboRow          *paper_row;
  GtkSwitch            *line_numbers_switch;
};

G_DEFINE_FINAL_TYPE (PlenaryPreferencesWindow, plenary_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Combo rows list choices in a fixed order; settings store their ids. */
static const char * const languages[] = { "fr", "en", NULL };
static const char * const paper_sizes[] = { "a4", "letter", NULL };

static gboolean
id_to_position (GValue   *value,
                GVariant *variant,
                gpointer  user_data)
{
  const char * const *ids = user_data;
  const char *id = g_variant_get_string (variant, NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (g_str_equal (ids[i], id))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
position_to_id (const GValue       *value,
                const GVariantType *type,
                gpointer            user_data)
{
  const char * const *ids = user_data;
  guint position = g_value_get_uint (value);

  for (guint i = 0; ids[i] != NULL; i++)
    if (i == position)
      return g_variant_new_string (ids[i]);

  return NULL;
}

#if GTK_CHECK_VERSION (4, 10, 0)
static gboolean
string_to_font_desc (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  g_value_take_boxed (value, pango_font_description_from_string (g_variant_get_string (variant, NULL)));
  return TRUE;
}

static GVariant *
font_desc_to_string (const GValue       *value,
                     const GVariantType *type,
                     gpointer            user_data)
{
  const PangoFontDescription *desc = g_value_get_boxed (value);
  g_autofree char *str = desc != NULL ? pango_font_description_to_string (desc) : g_strdup ("");

  return g_variant_new_string (str);
}
#endif

static GtkWidget *
create_font_button (GSettings *settings)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  GtkWidget *button = gtk_font_dialog_button_new (gtk_font_dialog_new ());

  gtk_font_dialog_button_set_level (GTK_FONT_DIALOG_BUTTON (button), GTK_FONT_LEVEL_FONT);
  g_settings_bind_with_mapping (settings, "editor-font", button, "font-desc",
                                G_SETTINGS_BIND_DEFAULT,
                                string_to_font_desc, font_desc_to_string, NULL, NULL);
#else
  GtkWidget *button = gtk_font_button_new ();

  gtk_font_chooser_set_level (GTK_FONT_CHOOSER (button),
                              GTK_FONT_CHOOSER_LEVEL_FAMILY | GTK_FONT_CHOOSER_LEVEL_STYLE | GTK_FONT_CHOOSER_LEVEL_SIZE);
  g_settings_bind (settings, "editor-font", button, "font", G_SETTINGS_BIND_DEFAULT);
#endif

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static void
plenary_preferences_window_dispose (GObject *object)
{
  PlenaryPreferencesWindow *self = PLENARY_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (plenary_preferences_window_parent_class)->dispose (object);
}

static void
plenary_preferences_window_class_init (PlenaryPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plenary_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/plenary/Plenary/plenary-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, font_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, body_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, line_numbers_switch);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
plenary_preferences_window_init (PlenaryPreferencesWindow *self)
{
  GtkWidget *font_button;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  font_button = create_font_button (self->settings);
  adw_action_row_add_suffix (self->font_row, font_button);
  adw_action_row_set_activatable_widget (self->font_row, font_button);

  g_settings_bind_with_mapping (self->settings, "drafting-language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, id_to_position, position_to_id,
                                (gpointer) languages, NULL);
  g_settings_bind_with_mapping (self->settings, "paper-size", self->paper_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, id_to_position, position_to_id,
                                (gpointer) paper_sizes, NULL);
  g_settings_bind (self->settings, "default-body", self->body_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "author-name", self->author_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "line-numbers", self->line_numbers_switch, "active", G_SETTINGS_BIND_DEFAULT);
}

PlenaryPreferencesWindow *
plenary_preferences_window_new (void)
{
  return g_object_new (PLENARY_TYPE_PREFERENCES_WINDOW, NULL);
}
