/* test-narrow.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window is usable down to 360 pixels wide, in the language the test
 * runs in (meson runs it in French and in English): nothing in it needs
 * more, the side panels slide over the text instead of squeezing it, and
 * placeholders are not cut off.
 */

#include "config.h"

#include <unistd.h>
#include <glib/gstdio.h>

#include "plenary-test-utils.h"
#include "plenary-window-private.h"

static PlenaryApplication *app;
static int narrow_width;

static int
minimum_width (GtkWidget *widget)
{
  int minimum;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

/* Placeholders GTK had to shorten with "…". */
static void
collect_cut_placeholders (GtkWidget *widget,
                          GString   *cut)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "placeholder") &&
      GTK_IS_TEXT (gtk_widget_get_parent (widget)) &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    g_string_append_printf (cut, "“%s” ", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cut_placeholders (child, cut);
}

typedef struct
{
  PlenaryWindow *window;
  gboolean       collapsed;
} Wanted;

/* As the user drags the window's edge: through the X server (xdotool
 * under Xvfb). */
static void
resize (GtkWindow *window,
        int        width,
        int        height)
{
  g_autofree char *title = g_regex_escape_string (gtk_window_get_title (window), -1);
  g_autofree char *pattern = g_strdup_printf ("^%s$", title);
  g_autofree char *w = g_strdup_printf ("%d", width);
  g_autofree char *h = g_strdup_printf ("%d", height);
  const char *argv[] = { "xdotool", "search", "--sync", "--onlyvisible", "--limit", "1", "--name", pattern,
                         "windowsize", w, h, NULL };

  plenary_test_run_command (argv);
}

static gboolean
shown (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

static gboolean
panels_are (gpointer data)
{
  Wanted *wanted = data;

  return plenary_split_view_get_collapsed (wanted->window->side_flap) == wanted->collapsed &&
         plenary_split_view_get_collapsed (wanted->window->comments_flap) == wanted->collapsed;
}

static gboolean
width_is (gpointer data)
{
  Wanted *wanted = data;

  int width = gtk_widget_get_width (GTK_WIDGET (wanted->window));

  return wanted->collapsed ? width <= narrow_width : width >= 1200;
}

static void
test_narrow (void)
{
  g_autofree char *sample = g_build_filename (g_getenv ("PLENARY_SOURCE_ROOT"), "data", "screenshots",
                                              "sample.plenary.json", NULL);
  /* A title of its own: xdotool finds this window and no other test's. */
  g_autofree char *name = g_strdup_printf ("narrow-%d.plenary.json", (int) getpid ());
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GString) cut = g_string_new (NULL);
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryDocument *document;
  Wanted narrow = { window, TRUE };
  Wanted wide = { window, FALSE };

  g_assert_true (g_file_get_contents (sample, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  plenary_application_open_file (app, window, file);
  document = plenary_window_get_visible_document (window);
  plenary_test_spin_until (plenary_test_document_idle, document);
  plenary_test_spin_until (shown, window);

  /* Narrow: both panels fold and slide over the text when shown.
   * Libadwaita 1.4 has breakpoints: the header bar sheds what does not fit
   * and the window goes down to 360 pixels. On 1.2 the header bar keeps
   * its buttons, and the window stops at their width. */
#if ADW_CHECK_VERSION (1, 4, 0)
  narrow_width = 360;
#else
  narrow_width = MAX (360, minimum_width (GTK_WIDGET (window)));
  g_test_message ("libadwaita 1.2: the window is at least %d pixels wide", narrow_width);
#endif
  resize (GTK_WINDOW (window), narrow_width, 640);
  plenary_test_spin_until (width_is, &narrow);
  plenary_test_spin_until (panels_are, &narrow);
  /* Everything fits: nothing is drawn over its neighbour or cut. */
  g_assert_cmpint (minimum_width (GTK_WIDGET (window->header_bar)), <=,
                   gtk_widget_get_width (GTK_WIDGET (window->header_bar)));
  plenary_split_view_set_show_sidebar (window->side_flap, TRUE);
  plenary_test_spin (400);
  g_assert_true (plenary_split_view_get_show_sidebar (window->side_flap));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->sources_panel)), >=, 240);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->sources_panel)), <=, 360);
  collect_cut_placeholders (GTK_WIDGET (window), cut);
  g_assert_cmpstr (cut->str, ==, "");

  /* Wide again: side by side. */
  resize (GTK_WINDOW (window), 1280, 800);
  plenary_test_spin_until (width_is, &wide);
  plenary_test_spin_until (panels_are, &wide);
  plenary_split_view_set_show_sidebar (window->side_flap, TRUE);
  plenary_split_view_set_show_sidebar (window->comments_flap, TRUE);
  plenary_test_spin (400);
  collect_cut_placeholders (GTK_WIDGET (window), cut);
  g_assert_cmpstr (cut->str, ==, "");

  g_unlink (path);
  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  plenary_test_spin (50);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = plenary_test_init (&argc, &argv);
  /* GNOME's title-bar buttons, as Plenary's Flatpak users mostly have them
   * (Xvfb alone would add minimize and maximize). */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  g_test_add_func ("/narrow/usable-at-360", test_narrow);
  ret = plenary_test_run (app);
  return ret;
}
