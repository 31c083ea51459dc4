/* test-sources-panel.c: the sources side panel and viewer under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "plenary-anchor-resolver.h"
#include "plenary-source-search.h"
#include "plenary-draft-file.h"
#include "plenary-file-chooser.h"
#include "plenary-source-importer.h"
#include "plenary-source-viewer.h"
#include "plenary-sources-panel.h"
#include "plenary-test-utils.h"
#include "plenary-window.h"

static PlenaryApplication *app;

typedef struct
{
  PlenaryWindow       *window;
  PlenaryDocument     *document;
  PlenaryDraft        *draft;
  GtkWindow           *host;
  PlenarySourcesPanel *panel;
  char                *dir;
} Fixture;

static gboolean
panel_idle (gpointer data)
{
  return !plenary_sources_panel_get_busy (data);
}

static void
fixture_init (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->window = plenary_application_new_window (app);
  plenary_test_spin (50);
  plenary_application_new_draft (app, f->window, "resolution-fr");
  plenary_test_spin (50);
  f->document = plenary_window_get_visible_document (f->window);
  g_assert_nonnull (f->document);
  f->draft = plenary_document_get_draft (f->document);

  /* A panel of its own in a window of its own, a narrow one, and like
   * Plenary's an AdwWindow, which shows dialogs inside. (Narrower, the
   * headings of libadwaita 1.7's alerts no longer fit and GTK warns.) */
  f->host = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->host, 600, 800);
  f->panel = PLENARY_SOURCES_PANEL (plenary_sources_panel_new ());
  /* With its reading pane beside it, as in Plenary's window. */
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

    gtk_widget_set_hexpand (GTK_WIDGET (f->panel), TRUE);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->panel));
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (plenary_sources_panel_get_viewer (f->panel)));
    adw_window_set_content (ADW_WINDOW (f->host), box);
  }
  gtk_window_present (f->host);
  plenary_sources_panel_set_document (f->panel, f->document);
  plenary_test_spin (50);

  f->dir = g_dir_make_tmp ("plenary-sources-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_clear (Fixture *f)
{
  g_autoptr(GPtrArray) alerts = plenary_test_find_alerts ();

  /* Dialogs left open by a test. */
  for (guint i = 0; i < alerts->len; i++)
    plenary_dialog_close (g_ptr_array_index (alerts, i));

  gtk_window_destroy (f->host);
  plenary_window_set_close_confirmed (f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  plenary_test_spin (50);

  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (f->dir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (f->dir);
  }
  g_free (f->dir);
}

static void
add_samples (Fixture *f)
{
  gtk_widget_activate_action (GTK_WIDGET (f->panel), "sources.add-samples", NULL);
  plenary_test_spin_until (panel_idle, f->panel);
  plenary_test_spin (50);
}

static guint
n_sources (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (plenary_draft_get_sources (f->draft)));
}

static PlenarySource *
source_at (Fixture *f,
           guint    position)
{
  PlenarySource *source = g_list_model_get_item (G_LIST_MODEL (plenary_draft_get_sources (f->draft)), position);

  g_assert_nonnull (source);
  g_object_unref (source);
  return source;
}

/* Widgets as the user sees them ------------------------------------------ */

static gboolean
is_drawn (GtkWidget *widget)
{
  return gtk_widget_is_drawable (widget) && gtk_widget_get_child_visible (widget);
}

static GtkWidget *
find_widget (GtkWidget  *root,
             gboolean  (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && is_drawn (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && is_drawn (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_button_with_label (GtkWidget     *widget,
                      gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && is_drawn (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

typedef struct
{
  GtkWidget     *root;
  gboolean     (*match) (GtkWidget *, gconstpointer);
  gconstpointer  data;
} Wanted;

static gboolean
wanted_shown (gpointer user_data)
{
  Wanted *wanted = user_data;

  return find_widget (wanted->root, wanted->match, wanted->data) != NULL;
}

/* Lists lay their rows out on the next frames. */
static GtkWidget *
wait_for_widget (GtkWidget     *root,
                 gboolean     (*match) (GtkWidget *, gconstpointer),
                 gconstpointer  data)
{
  Wanted wanted = { root, match, data };

  plenary_test_spin_until (wanted_shown, &wanted);
  return find_widget (root, match, data);
}

static PlenaryAlert *
find_dialog (const char *heading_part)
{
  g_autoptr(GPtrArray) alerts = plenary_test_find_alerts ();

  for (guint i = 0; i < alerts->len; i++)
    if (strstr (plenary_alert_get_heading (g_ptr_array_index (alerts, i)), heading_part) != NULL)
      return g_ptr_array_index (alerts, i);

  return NULL;
}

/* Fixtures on disk --------------------------------------------------------- */

static GFile *
write_latin1 (Fixture *f)
{
  /* "Résolution sur la coopération" and "États", in ISO-8859-1. */
  static const char text[] =
    "R\xe9solution sur la coop\xe9ration r\xe9gionale\n\n"
    "Les \xc9tats membres encouragent la coop\xe9ration entre les villes.\n";
  g_autofree char *path = g_build_filename (f->dir, "Résolution latin-1.txt", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, sizeof text - 1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static GFile *
write_pdf (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "Deux pages.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 14);
  cairo_move_to (cr, 72, 100);
  cairo_show_text (cr, "Premier feuillet sur la cooperation");
  cairo_show_page (cr);
  cairo_move_to (cr, 72, 100);
  cairo_show_text (cr, "Second feuillet sur le developpement");
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_file_new_for_path (path);
}

static GFile *
write_image (Fixture *f)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\10\6\0\0\0";
  g_autofree char *path = g_build_filename (f->dir, "photo <b>.png", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, png, sizeof png - 1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* Tests --------------------------------------------------------------------- */

static void
test_sample_library (void)
{
  Fixture f = { 0 };

  fixture_init (&f);
  g_assert_cmpuint (n_sources (&f), ==, 0);
  g_assert_false (plenary_document_get_modified (f.document));

  add_samples (&f);
  g_assert_cmpuint (n_sources (&f), ==, 4);
  g_assert_true (plenary_document_get_modified (f.document));
  g_assert_cmpstr (plenary_source_get_origin (source_at (&f, 0)), ==, "000_0882e61f787c078d.txt");
  g_assert_cmpstr (plenary_source_get_origin (source_at (&f, 3)), ==, "004_e23f8f3402c5b63b.txt");
  g_assert_cmpstr (plenary_source_get_title (source_at (&f, 1)), ==,
                   "Réunion du Mécanisme interinstitutions pour la coopération Sud-Sud et triangulaire");

  /* Each is listed with its title. */
  for (guint i = 0; i < 4; i++)
    g_assert_nonnull (wait_for_widget (GTK_WIDGET (f.panel), is_label_with_text,
                                   plenary_source_get_title (source_at (&f, i))));

  /* Only the missing ones come again. */
  g_list_store_remove (plenary_draft_get_sources (f.draft), 2);
  add_samples (&f);
  g_assert_cmpuint (n_sources (&f), ==, 4);
  g_assert_cmpstr (plenary_source_get_origin (source_at (&f, 3)), ==, "003_02727d1e409e598a.txt");

  add_samples (&f);
  g_assert_cmpuint (n_sources (&f), ==, 4);
  g_assert_nonnull (wait_for_widget (GTK_WIDGET (f.panel), is_label_with_text,
                                 "The draft already has all the sample sources"));

  fixture_clear (&f);
}

static void
test_import_files (void)
{
  Fixture f = { 0 };
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) latin1 = NULL;
  g_autoptr(GFile) pdf = NULL;
  g_autoptr(GFile) image = NULL;
  PlenaryAlert *dialog;
  PlenarySource *source;

  fixture_init (&f);
  latin1 = write_latin1 (&f);
  pdf = write_pdf (&f);
  image = write_image (&f);
  g_list_store_append (files, latin1);
  g_list_store_append (files, image);
  g_list_store_append (files, pdf);

  plenary_sources_panel_add_files (f.panel, G_LIST_MODEL (files));
  g_assert_true (plenary_sources_panel_get_busy (f.panel));
  plenary_test_spin_until (panel_idle, f.panel);
  plenary_test_spin (50);

  /* In the order given, without the file that is not a document. */
  g_assert_cmpuint (n_sources (&f), ==, 2);

  source = source_at (&f, 0);
  g_assert_cmpstr (plenary_source_get_origin (source), ==, "Résolution latin-1.txt");
  g_assert_cmpstr (plenary_source_get_title (source), ==, "Résolution sur la coopération régionale");
  g_assert_nonnull (strstr (plenary_source_get_text (source), "Les États membres encouragent"));
  g_assert_nonnull (wait_for_widget (GTK_WIDGET (f.panel), is_label_with_text,
                                 "Résolution sur la coopération régionale"));

  source = source_at (&f, 1);
  g_assert_cmpstr (plenary_source_get_origin (source), ==, "Deux pages.pdf");
  g_assert_cmpstr (plenary_source_get_media_type (source), ==, "application/pdf");
  g_assert_cmpuint (plenary_source_get_page_starts (source)->len, ==, 2);
  g_assert_nonnull (strstr (plenary_source_get_text (source), "Premier feuillet"));
  g_assert_nonnull (strstr (plenary_source_get_text (source), "Second feuillet"));
  g_assert_nonnull (wait_for_widget (GTK_WIDGET (f.panel), is_label_containing, "2 pages"));
  g_assert_nonnull (wait_for_widget (GTK_WIDGET (f.panel), is_label_containing, "0 annotations · Deux pages.pdf"));

  /* The failure is named, as plain text. */
  dialog = find_dialog ("Could Not Add the Source");
  g_assert_nonnull (dialog);
  g_assert_false (plenary_alert_get_heading_use_markup (dialog));
  g_assert_false (plenary_alert_get_body_use_markup (dialog));
  g_assert_true (g_str_has_prefix (plenary_alert_get_body (dialog), "“photo <b>.png”: "));

  fixture_clear (&f);
}

static gboolean
is_stop_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Stop Adding Sources") == 0;
}

/* Adding a large web page can take a while: the spinner has a Stop
 * button, which drops the import without an error. */
static void
test_cancel_import (void)
{
  Fixture f = { 0 };
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autofree char *path = NULL;
  g_autoptr(GFile) page = NULL;
  g_autoptr(GString) html = g_string_new ("<html><body>");
  g_autoptr(GError) error = NULL;
  GtkWidget *stop;

  fixture_init (&f);
  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (html, "<p><font>Paragraphe %u d'une très longue page.", i);
  g_string_append (html, "</body></html>");
  path = g_build_filename (f.dir, "Longue page.html", NULL);
  g_file_set_contents (path, html->str, html->len, &error);
  g_assert_no_error (error);
  page = g_file_new_for_path (path);
  g_list_store_append (files, page);

  g_assert_null (find_widget (GTK_WIDGET (f.panel), is_stop_button, NULL));
  plenary_sources_panel_add_files (f.panel, G_LIST_MODEL (files));
  g_assert_true (plenary_sources_panel_get_busy (f.panel));
  /* At once, before the main loop can deliver the import. */
  stop = find_widget (GTK_WIDGET (f.panel), is_stop_button, NULL);
  g_assert_nonnull (stop);
  g_signal_emit_by_name (stop, "clicked");
  plenary_test_spin_until (panel_idle, f.panel);
  plenary_test_spin (50);

  g_assert_cmpuint (n_sources (&f), ==, 0);
  g_assert_null (find_dialog ("Longue page"));
  g_assert_null (find_widget (GTK_WIDGET (f.panel), is_stop_button, NULL));

  fixture_clear (&f);
}

static void
test_drop_files (void)
{
  Fixture f = { 0 };
  g_autoptr(GFile) latin1 = NULL;
  g_autoptr(GFile) pdf = NULL;
  g_autoptr(GListModel) controllers = NULL;
  GtkDropTarget *drop = NULL;
  GdkFileList *list;
  GSList *files = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  fixture_init (&f);
  latin1 = write_latin1 (&f);
  pdf = write_pdf (&f);

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (f.panel));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && drop == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        drop = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (drop);
  g_assert_true (g_type_is_a (GDK_TYPE_FILE_LIST, gtk_drop_target_get_gtypes (drop, NULL)[0]));

  /* What the drop target hands over when files are dropped on the panel. */
  files = g_slist_append (files, pdf);
  files = g_slist_append (files, latin1);
  list = gdk_file_list_new_from_list (files);
  g_slist_free (files);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, list);
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);

  plenary_test_spin_until (panel_idle, f.panel);
  g_assert_cmpuint (n_sources (&f), ==, 2);
  g_assert_cmpstr (plenary_source_get_origin (source_at (&f, 0)), ==, "Deux pages.pdf");
  g_assert_cmpstr (plenary_source_get_origin (source_at (&f, 1)), ==, "Résolution latin-1.txt");
  g_assert_nonnull (wait_for_widget (GTK_WIDGET (f.panel), is_label_with_text,
                                     "Résolution sur la coopération régionale"));

  fixture_clear (&f);
}

static void
test_remove_and_undo (void)
{
  Fixture f = { 0 };
  g_autoptr(PlenarySource) removed = NULL;
  GtkWidget *undo;

  fixture_init (&f);
  add_samples (&f);
  removed = g_object_ref (source_at (&f, 1));
  plenary_document_set_modified (f.document, FALSE);

  gtk_widget_activate_action (GTK_WIDGET (f.panel), "sources.remove", "s", plenary_source_get_id (removed));
  plenary_test_spin (50);
  g_assert_cmpuint (n_sources (&f), ==, 3);
  g_assert_true (plenary_document_get_modified (f.document));
  g_assert_true (source_at (&f, 1) != removed);
  g_assert_null (find_widget (GTK_WIDGET (f.panel), is_label_with_text, plenary_source_get_title (removed)));

  g_assert_nonnull (wait_for_widget (GTK_WIDGET (f.panel), is_label_with_text, "Source removed"));
  undo = wait_for_widget (GTK_WIDGET (f.panel), is_button_with_label, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  plenary_test_spin (50);

  g_assert_cmpuint (n_sources (&f), ==, 4);
  g_assert_true (source_at (&f, 1) == removed);
  g_assert_nonnull (wait_for_widget (GTK_WIDGET (f.panel), is_label_with_text, plenary_source_get_title (removed)));

  fixture_clear (&f);
}

/* A draft given as a source is refused and named; the dialog offers no draft. */
static void
test_refuse_drafts (void)
{
  static const char draft_json[] = "{\n  \"format\": \"plenary-draft\",\n  \"version\": 1,\n  \"kind\": \"resolution\"\n}\n";
  Fixture f = { 0 };
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GListStore) filters = plenary_file_chooser_new_source_filters ();
  g_autofree char *named = NULL;
  g_autofree char *renamed = NULL;
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GFile) disguised = NULL;
  g_autoptr(GFileInfo) draft_info = g_file_info_new ();
  g_autoptr(GFileInfo) text_info = g_file_info_new ();
  PlenaryAlert *dialog;

  fixture_init (&f);
  named = g_build_filename (f.dir, "Projet.plenary.json", NULL);
  renamed = g_build_filename (f.dir, "copie.txt", NULL);
  g_assert_true (g_file_set_contents (named, draft_json, -1, NULL));
  g_assert_true (g_file_set_contents (renamed, draft_json, -1, NULL));
  draft = g_file_new_for_path (named);
  disguised = g_file_new_for_path (renamed);
  g_list_store_append (files, draft);
  g_list_store_append (files, disguised);

  plenary_sources_panel_add_files (f.panel, G_LIST_MODEL (files));
  plenary_test_spin_until (panel_idle, f.panel);
  plenary_test_spin (50);
  g_assert_cmpuint (n_sources (&f), ==, 0);

  /* One dialog names both, and says why. */
  g_assert_nonnull ((dialog = find_dialog ("Could Not Add 2 Sources")));
  g_assert_nonnull (strstr (plenary_alert_get_body (dialog), "“Projet.plenary.json” is a Plenary draft, not a document"));
  g_assert_nonnull (strstr (plenary_alert_get_body (dialog), "“copie.txt” is a Plenary draft, not a document"));

  /* The Add Sources dialog lists text files, not drafts (JSON is text/plain
   * to shared-mime-info). */
  g_file_info_set_display_name (draft_info, "Projet.plenary.json");
  g_file_info_set_content_type (draft_info, "application/vnd.plenary.draft+json");
  g_file_info_set_display_name (text_info, "Notes.txt");
  g_file_info_set_content_type (text_info, "text/plain");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (filters)); i++)
    {
      g_autoptr(GtkFilter) filter = g_list_model_get_item (G_LIST_MODEL (filters), i);

      g_assert_false (gtk_filter_match (filter, draft_info));
      if (i == 0)
        g_assert_true (gtk_filter_match (filter, text_info));
    }

  fixture_clear (&f);
}

/* Removing a source that citations use asks first, naming them; Undo stays. */
static void
test_remove_cited_source (void)
{
  Fixture f = { 0 };
  g_autoptr(PlenaryAnchor) anchor = plenary_anchor_new (PLENARY_ANCHOR_TARGET_DRAFT, "la coopération", "", "", 10, 24);
  g_autoptr(PlenaryAnchor) cited = NULL;
  g_autoptr(PlenaryAnnotation) citation = NULL;
  PlenarySource *source;
  PlenaryAlert *dialog;
  GtkWidget *undo;

  fixture_init (&f);
  add_samples (&f);
  source = source_at (&f, 1);
  cited = plenary_anchor_new (plenary_source_get_id (source), "passage", "", "", 0, 7);
  citation = plenary_annotation_new ("c1", PLENARY_ANNOTATION_CITATION, anchor);
  plenary_annotation_set_source_anchor (citation, cited);
  g_list_store_append (plenary_draft_get_annotations (f.draft), citation);

  /* Cancel keeps it. */
  gtk_widget_activate_action (GTK_WIDGET (f.panel), "sources.remove", "s", plenary_source_get_id (source));
  plenary_test_spin_until (plenary_test_dialog_shown, NULL);
  dialog = find_dialog (plenary_source_get_title (source));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (plenary_alert_get_body (dialog), "“la coopération”"));
  g_assert_nonnull (strstr (plenary_alert_get_body (dialog), "Unknown source"));
  plenary_test_respond (dialog, "cancel");
  plenary_test_spin (50);
  g_assert_cmpuint (n_sources (&f), ==, 4);

  /* Remove removes it, and Undo brings it back. */
  gtk_widget_activate_action (GTK_WIDGET (f.panel), "sources.remove", "s", plenary_source_get_id (source));
  plenary_test_spin_until (plenary_test_dialog_shown, NULL);
  plenary_test_respond (find_dialog (plenary_source_get_title (source)), "remove");
  plenary_test_spin (50);
  g_assert_cmpuint (n_sources (&f), ==, 3);
  undo = wait_for_widget (GTK_WIDGET (f.panel), is_button_with_label, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  plenary_test_spin (50);
  g_assert_cmpuint (n_sources (&f), ==, 4);
  g_assert_true (source_at (&f, 1) == source);

  fixture_clear (&f);
}

static void
test_rename (void)
{
  Fixture f = { 0 };
  PlenaryAlert *dialog;
  PlenarySource *source;
  GtkEditable *entry;

  fixture_init (&f);
  add_samples (&f);
  source = source_at (&f, 2);
  plenary_document_set_modified (f.document, FALSE);

  gtk_widget_activate_action (GTK_WIDGET (f.panel), "sources.rename", "s", plenary_source_get_id (source));
  plenary_test_spin (50);
  dialog = find_dialog ("Rename Source");
  g_assert_nonnull (dialog);
  entry = GTK_EDITABLE (plenary_alert_get_extra_child (dialog));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, plenary_source_get_title (source));

  /* A blank title cannot be chosen. */
  gtk_editable_set_text (entry, "   ");
  g_assert_false (plenary_alert_get_response_enabled (dialog, "rename"));

  gtk_editable_set_text (entry, "  Villes & <partenariats>  ");
  g_assert_true (plenary_alert_get_response_enabled (dialog, "rename"));
  plenary_test_respond (dialog, "rename");

  g_assert_cmpstr (plenary_source_get_title (source), ==, "Villes & <partenariats>");
  g_assert_true (plenary_document_get_modified (f.document));
  g_assert_nonnull (wait_for_widget (GTK_WIDGET (f.panel), is_label_with_text, "Villes & <partenariats>"));

  fixture_clear (&f);
}

static gboolean
search_done (gpointer data)
{
  PlenarySourcesPanel *panel = data;
  PlenarySourceSearch *search = plenary_sources_panel_get_search (panel);

  return g_strcmp0 (plenary_source_search_get_query (search),
                    gtk_editable_get_text (plenary_sources_panel_get_search_entry (panel))) == 0 &&
         plenary_source_search_get_complete (search);
}

static void
search_for (Fixture    *f,
            const char *text)
{
  gtk_editable_set_text (plenary_sources_panel_get_search_entry (f->panel), text);
  plenary_test_spin_until (search_done, f->panel);
  plenary_test_spin (50);
}

static char *
snippet_match (PlenarySearchResult *result)
{
  const char *snippet = plenary_search_result_get_snippet (result);

  return g_strndup (snippet + plenary_search_result_get_snippet_match_start (result),
                    plenary_search_result_get_snippet_match_end (result) -
                    plenary_search_result_get_snippet_match_start (result));
}

static void
test_search (void)
{
  Fixture f = { 0 };
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) latin1 = NULL;
  PlenarySourceSearch *search;
  GHashTable *seen = g_hash_table_new (NULL, NULL);
  guint n_groups;
  gboolean found_etats = FALSE;

  fixture_init (&f);
  add_samples (&f);
  latin1 = write_latin1 (&f);
  g_list_store_append (files, latin1);
  plenary_sources_panel_add_files (f.panel, G_LIST_MODEL (files));
  plenary_test_spin_until (panel_idle, f.panel);

  search_for (&f, "cooperation");
  search = plenary_sources_panel_get_search (f.panel);
  n_groups = g_list_model_get_n_items (G_LIST_MODEL (search));
  /* All four articles and the Latin-1 file speak of "coopération". */
  g_assert_cmpuint (n_groups, ==, 5);

  for (guint i = 0; i < n_groups; i++)
    {
      g_autoptr(PlenarySearchGroup) group = g_list_model_get_item (G_LIST_MODEL (search), i);
      g_autoptr(PlenarySearchResult) first = g_list_model_get_item (G_LIST_MODEL (group), 0);
      g_autofree char *match = snippet_match (first);
      g_autofree char *folded = plenary_search_fold (match);

      /* One group per source, its matches from that source. */
      g_assert_false (g_hash_table_contains (seen, plenary_search_group_get_source (group)));
      g_hash_table_add (seen, plenary_search_group_get_source (group));
      g_assert_true (plenary_search_result_get_source (first) == plenary_search_group_get_source (group));
      g_assert_true (g_str_has_prefix (folded, "cooperation"));
    }
  g_hash_table_unref (seen);

  /* Shown grouped: source titles, and snippets with the words around. */
  {
    g_autoptr(PlenarySearchGroup) group = g_list_model_get_item (G_LIST_MODEL (search), 0);
    g_autoptr(PlenarySearchResult) first = g_list_model_get_item (G_LIST_MODEL (group), 0);
    GtkWidget *snippet;
    PangoAttrList *attrs;

    g_assert_nonnull (wait_for_widget (GTK_WIDGET (f.panel), is_label_with_text,
                                   plenary_source_get_title (plenary_search_group_get_source (group))));
    snippet = wait_for_widget (GTK_WIDGET (f.panel), is_label_with_text, plenary_search_result_get_snippet (first));
    g_assert_nonnull (snippet);
    g_assert_false (gtk_label_get_use_markup (GTK_LABEL (snippet)));
    attrs = gtk_label_get_attributes (GTK_LABEL (snippet));
    g_assert_nonnull (attrs);
    {
      PangoAttrIterator *iter = pango_attr_list_get_iterator (attrs);
      gboolean bold = FALSE;

      do
        {
          int start, end;
          PangoAttribute *weight = pango_attr_iterator_get (iter, PANGO_ATTR_WEIGHT);

          pango_attr_iterator_range (iter, &start, &end);
          if (weight != NULL)
            {
              bold = TRUE;
              g_assert_cmpint (start, ==, plenary_search_result_get_snippet_match_start (first));
              g_assert_cmpint (end, ==, plenary_search_result_get_snippet_match_end (first));
            }
        }
      while (pango_attr_iterator_next (iter));
      pango_attr_iterator_destroy (iter);
      g_assert_true (bold);
    }
  }

  search_for (&f, "etats");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (search)), ==, 1);
  {
    g_autoptr(PlenarySearchGroup) group = g_list_model_get_item (G_LIST_MODEL (search), 0);

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (group)); i++)
      {
        g_autoptr(PlenarySearchResult) result = g_list_model_get_item (G_LIST_MODEL (group), i);
        g_autofree char *match = snippet_match (result);

        found_etats |= g_strcmp0 (match, "États") == 0;
      }
  }
  g_assert_true (found_etats);

  search_for (&f, "zxqwv introuvable");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (search)), ==, 0);
  g_assert_nonnull (wait_for_widget (GTK_WIDGET (f.panel), is_label_with_text, "No Results"));

  fixture_clear (&f);
}

static void
test_open_result (void)
{
  Fixture f = { 0 };
  GtkListView *results_view;
  GListModel *rows;
  g_autoptr(PlenarySearchResult) result = NULL;
  PlenarySourceViewer *viewer;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  guint position = G_MAXUINT;
  guint wanted = 3;

  fixture_init (&f);
  add_samples (&f);
  search_for (&f, "cooperation");

  /* The fourth result row, past the first group header. */
  results_view = GTK_LIST_VIEW (find_widget (GTK_WIDGET (f.panel), has_name, "results-view"));
  g_assert_nonnull (results_view);
  rows = G_LIST_MODEL (gtk_list_view_get_model (results_view));
  for (guint i = 0; i < g_list_model_get_n_items (rows) && position == G_MAXUINT; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (PLENARY_IS_SEARCH_RESULT (item) && wanted-- == 0)
        {
          position = i;
          result = g_object_ref (PLENARY_SEARCH_RESULT (item));
        }
    }
  g_assert_nonnull (result);

  g_signal_emit_by_name (results_view, "activate", position);
  plenary_test_spin (500);

  viewer = plenary_sources_panel_get_viewer (f.panel);
  g_assert_true (plenary_sources_panel_get_viewer_visible (f.panel));
  g_assert_true (plenary_source_viewer_get_source (viewer) == plenary_search_result_get_source (result));
  /* The reading pane, which the window puts beside the draft. */
  g_assert_nonnull (wait_for_widget (GTK_WIDGET (viewer), is_label_with_text,
                                     plenary_source_get_title (plenary_search_result_get_source (result))));

  /* The whole source, read-only, the passage selected. */
  buffer = gtk_text_view_get_buffer (plenary_source_viewer_get_text_view (viewer));
  g_assert_false (gtk_text_view_get_editable (plenary_source_viewer_get_text_view (viewer)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  {
    g_autofree char *text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
    g_assert_cmpstr (text, ==, plenary_source_get_text (plenary_search_result_get_source (result)));
  }
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, plenary_search_result_get_start (result));
  g_assert_cmpint (gtk_text_iter_get_offset (&end), ==, plenary_search_result_get_end (result));
  {
    g_autofree char *selected = gtk_text_iter_get_slice (&start, &end);
    g_autofree char *folded = plenary_search_fold (selected);
    g_assert_cmpstr (folded, ==, "cooperation");
  }

  /* The words searched are found in the viewer too, the passage one of them. */
  {
    g_autoptr(PlenarySearchGroup) group = plenary_search_group_new_for_source (plenary_search_result_get_source (result),
                                                                               "cooperation");
    g_autofree char *label = NULL;
    guint index = G_MAXUINT;

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (group)); i++)
      {
        g_autoptr(PlenarySearchResult) other = g_list_model_get_item (G_LIST_MODEL (group), i);

        if (plenary_search_result_get_start (other) == plenary_search_result_get_start (result))
          index = i;
      }
    g_assert_cmpuint (index, !=, G_MAXUINT);
    g_assert_cmpuint (plenary_source_viewer_get_n_matches (viewer), ==, g_list_model_get_n_items (G_LIST_MODEL (group)));
    label = g_strdup_printf ("%u of %u", index + 1, g_list_model_get_n_items (G_LIST_MODEL (group)));
    g_assert_nonnull (wait_for_widget (GTK_WIDGET (viewer), is_label_with_text, label));
  }

  /* Back to the results, the draft never hidden. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f.window)));
  g_signal_emit_by_name (plenary_source_viewer_get_find_entry (viewer), "stop-search");
  g_signal_emit_by_name (plenary_source_viewer_get_find_entry (viewer), "stop-search");
  plenary_test_spin (50);
  g_assert_false (plenary_sources_panel_get_viewer_visible (f.panel));

  fixture_clear (&f);
}

static gboolean
viewer_found (gpointer data)
{
  return plenary_source_viewer_get_n_matches (data) > 0;
}

static void
test_find_in_viewer (void)
{
  Fixture f = { 0 };
  PlenarySourceViewer *viewer;
  PlenarySource *source;
  GtkTextBuffer *buffer;
  GtkTextTag *tag;
  g_autoptr(PlenarySearchGroup) expected = NULL;
  GtkTextIter start, end;
  char *label;
  guint n;

  fixture_init (&f);
  add_samples (&f);
  source = source_at (&f, 2);

  gtk_widget_activate_action (GTK_WIDGET (f.panel), "sources.open", "s", plenary_source_get_id (source));
  plenary_test_spin (50);
  viewer = plenary_sources_panel_get_viewer (f.panel);
  g_assert_true (plenary_sources_panel_get_viewer_visible (f.panel));
  g_assert_true (plenary_source_viewer_get_source (viewer) == source);

  buffer = gtk_text_view_get_buffer (plenary_source_viewer_get_text_view (viewer));
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), PLENARY_SOURCE_VIEWER_TAG_FIND);
  g_assert_nonnull (tag);

  /* Typed in the find field, without accents. */
  gtk_editable_set_text (plenary_source_viewer_get_find_entry (viewer), "cooperation");
  plenary_test_spin_until (viewer_found, viewer);
  plenary_test_spin (50);

  expected = plenary_search_group_new_for_source (source, "cooperation");
  n = g_list_model_get_n_items (G_LIST_MODEL (expected));
  g_assert_cmpuint (n, >, 2);
  g_assert_cmpuint (plenary_source_viewer_get_n_matches (viewer), ==, n);
  label = g_strdup_printf ("%u matches", n);
  g_assert_nonnull (wait_for_widget (GTK_WIDGET (viewer), is_label_with_text, label));
  g_free (label);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenarySearchResult) result = g_list_model_get_item (G_LIST_MODEL (expected), i);
      g_autofree char *slice = NULL;
      g_autofree char *folded = NULL;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, plenary_search_result_get_start (result));
      gtk_text_buffer_get_iter_at_offset (buffer, &end, plenary_search_result_get_end (result));
      /* The whole match and only it is highlighted. */
      g_assert_true (gtk_text_iter_starts_tag (&start, tag));
      g_assert_true (gtk_text_iter_ends_tag (&end, tag));
      slice = gtk_text_iter_get_slice (&start, &end);
      folded = plenary_search_fold (slice);
      g_assert_cmpstr (folded, ==, "cooperation");
    }
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_false (gtk_text_iter_has_tag (&start, tag));

  /* Enter selects the first match, then the next; Shift+Enter goes back. */
  g_signal_emit_by_name (plenary_source_viewer_get_find_entry (viewer), "activate");
  g_signal_emit_by_name (plenary_source_viewer_get_find_entry (viewer), "activate");
  {
    g_autoptr(PlenarySearchResult) second = g_list_model_get_item (G_LIST_MODEL (expected), 1);

    g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
    g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, plenary_search_result_get_start (second));
    g_assert_cmpint (gtk_text_iter_get_offset (&end), ==, plenary_search_result_get_end (second));
    label = g_strdup_printf ("2 of %u", n);
    g_assert_nonnull (wait_for_widget (GTK_WIDGET (viewer), is_label_with_text, label));
    g_free (label);
  }
  plenary_source_viewer_find_next (viewer, TRUE);
  plenary_source_viewer_find_next (viewer, TRUE);
  {
    g_autoptr(PlenarySearchResult) last = g_list_model_get_item (G_LIST_MODEL (expected), n - 1);

    g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
    g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, plenary_search_result_get_start (last));
  }

  /* Clearing the field removes the highlights. */
  gtk_editable_set_text (plenary_source_viewer_get_find_entry (viewer), "");
  plenary_source_viewer_find (viewer, NULL);
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_false (gtk_text_iter_forward_to_tag_toggle (&start, tag));

  fixture_clear (&f);
}

static void
test_annotations_in_viewer (void)
{
  Fixture f = { 0 };
  g_autoptr(PlenaryAnnotation) highlight = NULL;
  g_autoptr(PlenaryAnnotation) citation = NULL;
  g_autoptr(PlenaryAnchor) quote = NULL;
  PlenarySourceViewer *viewer;
  PlenarySource *source;
  GtkTextBuffer *buffer;
  GtkTextTagTable *table;
  GtkTextIter iter;
  const char *text;

  fixture_init (&f);
  add_samples (&f);
  source = source_at (&f, 1);
  text = plenary_source_get_text (source);

  highlight = plenary_annotation_new ("a1", PLENARY_ANNOTATION_HIGHLIGHT,
                                      plenary_anchor_resolver_describe (plenary_source_get_id (source), text, 10, 30));
  quote = plenary_anchor_resolver_describe (plenary_source_get_id (source), text, 100, 140);
  citation = plenary_annotation_new ("a2", PLENARY_ANNOTATION_CITATION,
                                     plenary_anchor_new (PLENARY_ANCHOR_TARGET_DRAFT, "x", "", "", 0, 1));
  plenary_annotation_set_source_anchor (citation, quote);
  plenary_annotation_set_category (highlight, "green");
  g_list_store_append (plenary_draft_get_annotations (f.draft), highlight);

  plenary_sources_panel_open_source (f.panel, source, -1, -1);
  viewer = plenary_sources_panel_get_viewer (f.panel);
  buffer = gtk_text_view_get_buffer (plenary_source_viewer_get_text_view (viewer));
  table = gtk_text_buffer_get_tag_table (buffer);

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 10);
  g_assert_true (gtk_text_iter_starts_tag (&iter, gtk_text_tag_table_lookup (table, PLENARY_SOURCE_VIEWER_TAG_HIGHLIGHT)));
  g_assert_true (gtk_text_iter_starts_tag (&iter, gtk_text_tag_table_lookup (table, PLENARY_SOURCE_VIEWER_TAG_HIGHLIGHT "-green")));
  g_assert_false (gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (table, PLENARY_SOURCE_VIEWER_TAG_HIGHLIGHT "-red")));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 30);
  g_assert_true (gtk_text_iter_ends_tag (&iter, gtk_text_tag_table_lookup (table, PLENARY_SOURCE_VIEWER_TAG_HIGHLIGHT)));

  /* A citation added while the source is open shows at once. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 100);
  g_assert_false (gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (table, PLENARY_SOURCE_VIEWER_TAG_CITATION)));
  g_list_store_append (plenary_draft_get_annotations (f.draft), citation);
  g_assert_true (gtk_text_iter_starts_tag (&iter, gtk_text_tag_table_lookup (table, PLENARY_SOURCE_VIEWER_TAG_CITATION)));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 140);
  g_assert_true (gtk_text_iter_ends_tag (&iter, gtk_text_tag_table_lookup (table, PLENARY_SOURCE_VIEWER_TAG_CITATION)));

  /* The list counts them. */
  plenary_sources_panel_show_list (f.panel);
  plenary_test_spin (50);
  g_assert_nonnull (wait_for_widget (GTK_WIDGET (f.panel), is_label_containing, "2 annotations"));

  fixture_clear (&f);
}

static void
test_document_switch (void)
{
  Fixture f = { 0 };
  PlenaryDocument *second;

  fixture_init (&f);
  add_samples (&f);
  plenary_sources_panel_open_source (f.panel, source_at (&f, 0), -1, -1);
  g_assert_true (plenary_sources_panel_get_viewer_visible (f.panel));

  /* Another draft: its own (empty) sources, the viewer closed. */
  plenary_application_new_draft (app, f.window, "resolution-fr");
  plenary_test_spin (50);
  second = plenary_window_get_visible_document (f.window);
  g_assert_true (second != f.document);
  plenary_sources_panel_set_document (f.panel, second);
  plenary_test_spin (50);
  g_assert_false (plenary_sources_panel_get_viewer_visible (f.panel));
  g_assert_nonnull (wait_for_widget (GTK_WIDGET (f.panel), is_label_with_text, "No Sources"));

  /* No document: nothing to search. */
  plenary_sources_panel_set_document (f.panel, NULL);
  g_assert_null (plenary_sources_panel_get_search (f.panel));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (plenary_sources_panel_get_search_entry (f.panel))));

  fixture_clear (&f);
}

/* Formatted sources ---------------------------------------------------------- */

static GFile *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* TRUE when the tag named NAME covers WORDS, the first time they appear in
 * the buffer, all of them and not the character before. */
static gboolean
tagged (GtkTextBuffer *buffer,
        const char    *name,
        const char    *words)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter start, match_start, match_end;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, words, 0, &match_start, &match_end, NULL));
  if (!gtk_text_iter_starts_tag (&match_start, tag) && !gtk_text_iter_is_start (&match_start))
    {
      GtkTextIter before = match_start;

      gtk_text_iter_backward_char (&before);
      if (gtk_text_iter_has_tag (&before, tag))
        return FALSE;
    }
  for (GtkTextIter i = match_start; !gtk_text_iter_equal (&i, &match_end); gtk_text_iter_forward_char (&i))
    if (!gtk_text_iter_has_tag (&i, tag))
      return FALSE;
  return TRUE;
}

static GtkTextBuffer *
open_in_viewer (Fixture       *f,
                PlenarySource *source)
{
  PlenarySourceViewer *viewer;

  gtk_widget_activate_action (GTK_WIDGET (f->panel), "sources.open", "s", plenary_source_get_id (source));
  plenary_test_spin (50);
  viewer = plenary_sources_panel_get_viewer (f->panel);
  g_assert_true (plenary_source_viewer_get_source (viewer) == source);
  return gtk_text_view_get_buffer (plenary_source_viewer_get_text_view (viewer));
}

static char *
whole_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static void
test_formatted_sources (void)
{
  Fixture f = { 0 };
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) markdown = NULL;
  g_autoptr(GFile) html = NULL;
  g_autofree char *html_text = NULL;
  GtkTextBuffer *buffer;
  PlenarySource *source;

  fixture_init (&f);
  markdown = write_file (&f, "rapport.md",
                         "# Rapport du Secrétaire général\n\n"
                         "## Coopération *Sud-Sud*\n\n"
                         "Les **États membres** saluent la _coopération_.\n\n"
                         "- premier point\n"
                         "- second point\n"
                         "  1. sous-point\n\n"
                         "> Citation d’un délégué.\n");
  html = write_file (&f, "rapport.html",
                     "<html><head><title>Note</title></head><body>"
                     "<h1>Rapport du Secrétaire général</h1>"
                     "<h2>Coopération <em>Sud-Sud</em></h2>"
                     "<p>Les <b>États membres</b> saluent la <i>coopération</i>.</p>"
                     "<ul><li>premier point</li><li>second point<ol><li>sous-point</li></ol></li></ul>"
                     "<blockquote><p>Citation d’un délégué.</p></blockquote>"
                     "<table><tr><th>Pays</th><th>Montant</th></tr><tr><td>Chili</td><td>12</td></tr></table>"
                     "</body></html>");
  g_list_store_append (files, markdown);
  g_list_store_append (files, html);
  plenary_sources_panel_add_files (f.panel, G_LIST_MODEL (files));
  plenary_test_spin_until (panel_idle, f.panel);
  plenary_test_spin (50);
  g_assert_cmpuint (n_sources (&f), ==, 2);

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *text = NULL;

      source = source_at (&f, i);
      buffer = open_in_viewer (&f, source);
      text = whole_text (buffer);

      /* What the pane shows is the stored text, without any markup. */
      g_assert_cmpstr (text, ==, plenary_source_get_text (source));
      for (const char *p = "#*_<>|"; *p != '\0'; p++)
        g_assert_null (strchr (text, *p));
      g_assert_nonnull (strstr (text, "Rapport du Secrétaire général\n"));
      g_assert_nonnull (strstr (text, "• premier point\n• second point\n1. sous-point"));

      /* Formatted where it was. */
      g_assert_true (tagged (buffer, "plenary-style-heading-1", "Rapport du Secrétaire général"));
      g_assert_true (tagged (buffer, "plenary-style-heading-2", "Coopération Sud-Sud"));
      g_assert_true (tagged (buffer, "plenary-style-emphasis", "Sud-Sud"));
      g_assert_true (tagged (buffer, "plenary-style-strong", "États membres"));
      g_assert_false (tagged (buffer, "plenary-style-strong", "saluent"));
      g_assert_false (tagged (buffer, "plenary-style-emphasis", "coopération."));
      g_assert_true (tagged (buffer, "plenary-style-item-1", "• premier point"));
      g_assert_true (tagged (buffer, "plenary-style-item-2", "1. sous-point"));
      g_assert_true (tagged (buffer, "plenary-style-quote-1", "Citation d’un délégué."));
      g_assert_false (tagged (buffer, "plenary-style-heading-1", "Les"));

      if (i == 1)
        html_text = g_steal_pointer (&text);
    }

  /* The table: a row a line, its header cells in bold. */
  g_assert_nonnull (strstr (html_text, "Pays\tMontant\nChili\t12"));
  g_assert_true (tagged (buffer, "plenary-style-header-cell", "Pays"));
  g_assert_true (tagged (buffer, "plenary-style-cell", "Chili"));

  /* A passage quoted from either is its plain words. */
  {
    g_autofree char *quoted = plenary_source_importer_plain_passage (source_at (&f, 0), "Les États membres saluent");

    g_assert_cmpstr (quoted, ==, "Les États membres saluent");
  }

  fixture_clear (&f);
}

/* The text a reader sees: the buffer without what an invisible tag hides. */
static char *
visible_text (GtkTextBuffer *buffer)
{
  GtkTextTag *hidden = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "plenary-style-markup");
  GString *out = g_string_new (NULL);
  GtkTextIter i;

  for (gtk_text_buffer_get_start_iter (buffer, &i); !gtk_text_iter_is_end (&i); gtk_text_iter_forward_char (&i))
    if (hidden == NULL || !gtk_text_iter_has_tag (&i, hidden))
      g_string_append_unichar (out, gtk_text_iter_get_char (&i));
  return g_string_free (out, FALSE);
}

/* A Markdown source saved with its markup (before styles were stored):
 * its text stays as it is, so that its anchors hold, and the pane hides
 * the markup and shows the formatting. */
static void
test_legacy_markdown_source (void)
{
  static const char raw[] = "# Rapport\n\nLes **États membres** saluent la _coopération_ "
                            "et [l'emploi](https://example.org).\n\n- premier point\n- second point\n";
  g_autoptr(PlenarySource) source = plenary_source_new ("s-old", "Rapport", "rapport.md", "text/markdown", raw);
  g_autofree char *text = NULL;
  g_autofree char *visible = NULL;
  GtkTextBuffer *buffer;
  Fixture f = { 0 };

  fixture_init (&f);
  g_list_store_append (plenary_draft_get_sources (f.draft), source);
  plenary_test_spin (50);
  buffer = open_in_viewer (&f, source);

  text = whole_text (buffer);
  g_assert_cmpstr (text, ==, raw);
  visible = visible_text (buffer);
  g_assert_cmpstr (visible, ==, "Rapport\n\nLes États membres saluent la coopération et l'emploi.\n\n"
                                "- premier point\n- second point\n");
  g_assert_true (tagged (buffer, "plenary-style-heading-1", "Rapport\n") == FALSE);
  g_assert_true (tagged (buffer, "plenary-style-heading-1", "Rapport"));
  g_assert_true (tagged (buffer, "plenary-style-strong", "États membres"));
  g_assert_true (tagged (buffer, "plenary-style-emphasis", "coopération"));

  fixture_clear (&f);
}

static void
test_details (void)
{
  Fixture f = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  PlenaryAlert *dialog;
  PlenarySource *source;
  GtkGrid *grid;

  fixture_init (&f);
  add_samples (&f);
  source = source_at (&f, 0);
  plenary_document_set_modified (f.document, FALSE);

  gtk_widget_activate_action (GTK_WIDGET (f.panel), "sources.details", "s", plenary_source_get_id (source));
  plenary_test_spin (50);
  dialog = find_dialog ("Source Details");
  g_assert_nonnull (dialog);
  grid = GTK_GRID (plenary_alert_get_extra_child (dialog));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (grid, 0, 0))), ==, "Author");

  gtk_editable_set_text (GTK_EDITABLE (gtk_grid_get_child_at (grid, 1, 0)), " Secrétaire général ");
  /* A date that is none cannot be saved. */
  gtk_editable_set_text (GTK_EDITABLE (gtk_grid_get_child_at (grid, 1, 1)), "31/02/2025");
  g_assert_false (plenary_alert_get_response_enabled (dialog, "save"));
  g_assert_true (gtk_widget_has_css_class (gtk_grid_get_child_at (grid, 1, 1), "error"));
  gtk_editable_set_text (GTK_EDITABLE (gtk_grid_get_child_at (grid, 1, 1)), "12/03/2025");
  g_assert_true (plenary_alert_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (gtk_grid_get_child_at (grid, 1, 2)), "A/80/123");
  gtk_editable_set_text (GTK_EDITABLE (gtk_grid_get_child_at (grid, 1, 3)), "https://undocs.org/A/80/123");
  plenary_test_respond (dialog, "save");

  g_assert_cmpstr (plenary_source_get_author (source), ==, "Secrétaire général");
  g_assert_cmpstr (plenary_source_get_date (source), ==, "2025-03-12");
  g_assert_cmpstr (plenary_source_get_symbol (source), ==, "A/80/123");
  g_assert_cmpstr (plenary_source_get_url (source), ==, "https://undocs.org/A/80/123");
  g_assert_true (plenary_document_get_modified (f.document));
  /* The row names the document by its symbol and date. */
  g_assert_nonnull (wait_for_widget (GTK_WIDGET (f.panel), is_label_containing, "A/80/123 · 12 March 2025 · "));

  /* On disk. */
  path = g_build_filename (f.dir, "details.plenary.json", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (plenary_draft_save (f.draft, file, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &json, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"author\": \"Secrétaire général\""));
  g_assert_nonnull (strstr (json, "\"date\": \"2025-03-12\""));
  g_assert_nonnull (strstr (json, "\"symbol\": \"A/80/123\""));
  g_assert_nonnull (strstr (json, "\"url\": \"https://undocs.org/A/80/123\""));

  /* Shown again as the user wrote it. */
  gtk_widget_activate_action (GTK_WIDGET (f.panel), "sources.details", "s", plenary_source_get_id (source));
  plenary_test_spin (50);
  dialog = find_dialog ("Source Details");
  grid = GTK_GRID (plenary_alert_get_extra_child (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_grid_get_child_at (grid, 1, 1))), ==, "12/03/2025");
  plenary_test_respond (dialog, "cancel");

  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  app = plenary_test_init (&argc, &argv);

  g_test_add_func ("/sources-panel/sample-library", test_sample_library);
  g_test_add_func ("/sources-panel/import-files", test_import_files);
  g_test_add_func ("/sources-panel/cancel-import", test_cancel_import);
  g_test_add_func ("/sources-panel/drop-files", test_drop_files);
  g_test_add_func ("/sources-panel/remove-and-undo", test_remove_and_undo);
  g_test_add_func ("/sources-panel/refuse-drafts", test_refuse_drafts);
  g_test_add_func ("/sources-panel/remove-cited-source", test_remove_cited_source);
  g_test_add_func ("/sources-panel/rename", test_rename);
  g_test_add_func ("/sources-panel/formatted-sources", test_formatted_sources);
  g_test_add_func ("/sources-panel/details", test_details);
  g_test_add_func ("/sources-panel/legacy-markdown-source", test_legacy_markdown_source);
  g_test_add_func ("/sources-panel/search", test_search);
  g_test_add_func ("/sources-panel/open-result", test_open_result);
  g_test_add_func ("/sources-panel/find-in-viewer", test_find_in_viewer);
  g_test_add_func ("/sources-panel/annotations-in-viewer", test_annotations_in_viewer);
  g_test_add_func ("/sources-panel/document-switch", test_document_switch);

  return plenary_test_run (app);
}
