/* test-defects.c: defects a delegate found in real use, on the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run in French (LANGUAGE=fr): the words checked are the ones a French
 * delegate reads.
 */

#include "config.h"

#include "plenary-comments-panel.h"
#include "plenary-file-chooser.h"
#include "plenary-print.h"
#include "plenary-templates.h"
#include "plenary-test-utils.h"
#include "plenary-window-private.h"

static PlenaryApplication *app;

static PlenaryWindow *
new_draft_window (const char *template)
{
  PlenaryWindow *window = plenary_application_new_window (app);

  plenary_test_spin (50);
  plenary_application_new_draft (app, window, template);
  plenary_test_spin (50);
  g_assert_nonnull (plenary_window_get_visible_document (window));

  return window;
}

static void
close_window (PlenaryWindow *window)
{
  plenary_window_set_close_confirmed (window);
  gtk_window_destroy (GTK_WINDOW (window));
  plenary_test_spin (50);
}

static gboolean
sources_idle (gpointer panel)
{
  return !plenary_sources_panel_get_busy (panel);
}

/* "This Source" lists the notes of the source opened from the list, not
 * only of one reached through a citation. */
static void
test_this_source_from_list (void)
{
  PlenaryWindow *window = new_draft_window ("resolution-fr");
  PlenaryDraft *draft = plenary_document_get_draft (plenary_window_get_visible_document (window));
  g_autoptr(PlenarySource) source = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window->sources_panel), "sources.add-samples", NULL);
  plenary_test_spin_until (sources_idle, window->sources_panel);
  source = g_list_model_get_item (G_LIST_MODEL (plenary_draft_get_sources (draft)), 2);
  g_assert_nonnull (source);

  plenary_comments_panel_set_filter (window->comments_view, PLENARY_COMMENTS_FILTER_THIS_SOURCE);
  gtk_widget_activate_action (GTK_WIDGET (window->sources_panel), "sources.open", "s",
                              plenary_source_get_id (source));
  plenary_test_spin (50);
  g_assert_true (plenary_comments_panel_get_source (window->comments_view) == source);

  /* Back to the list: no source shown, none filtered on. */
  plenary_sources_panel_show_list (window->sources_panel);
  g_assert_null (plenary_comments_panel_get_source (window->comments_view));

  close_window (window);
}

static gboolean
problems_flagged (gpointer data)
{
  return gtk_stack_page_get_needs_attention (data);
}

/* The Problems tab loses its dot when the last draft is closed. */
static void
test_problems_dot (void)
{
  PlenaryWindow *window = new_draft_window ("resolution-fr");
  PlenaryDocument *document = plenary_window_get_visible_document (window);
  GtkStackPage *tab = gtk_stack_get_page (window->side_stack, GTK_WIDGET (window->problems_bin));

  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (plenary_document_get_buffer (document)),
                            "L'Assemblée générale,\nRappelant ses résolutions\nDécide de rester saisie\n", -1);
  plenary_test_spin_until (problems_flagged, tab);

  plenary_document_set_modified (document, FALSE);
  adw_tab_view_close_page (window->tab_view, adw_tab_view_get_selected_page (window->tab_view));
  plenary_test_spin (100);
  g_assert_null (plenary_window_get_visible_document (window));
  g_assert_false (gtk_stack_page_get_needs_attention (tab));

  close_window (window);
}

/* The first comment asks for the author's name, then keeps it in
 * Preferences; the login name ("root") is never printed. */
static void
test_author_asked_once (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PlenaryWindow *window = new_draft_window ("resolution-fr");
  PlenaryDocument *document = plenary_window_get_visible_document (window);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (document));
  GListModel *annotations = G_LIST_MODEL (plenary_draft_get_annotations (plenary_document_get_draft (document)));
  g_autoptr(PlenaryAnnotation) first = NULL;
  g_autoptr(PlenaryAnnotation) second = NULL;
  PlenaryAlert *dialog;
  GtkTextIter start, end;

  g_settings_set_string (settings, "author-name", "");
  gtk_text_buffer_set_text (buffer, "L'Assemblée générale,\nRappelant ses résolutions,\n", -1);
  gtk_text_buffer_get_iter_at_line (buffer, &start, 1);
  end = start;
  gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_select_range (buffer, &start, &end);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plenary_window_get_visible_page (window)), "page.comment", NULL));
  plenary_test_spin_until (plenary_test_dialog_shown, NULL);
  dialog = plenary_test_find_message_dialog ();
  g_assert_cmpstr (plenary_alert_get_heading (dialog), ==, "Votre nom");
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (plenary_alert_get_extra_child (dialog)), " Délégation du Sénégal ");
  plenary_test_respond (dialog, "continue");

  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 1);
  first = g_list_model_get_item (annotations, 0);
  g_assert_cmpstr (plenary_annotation_get_author (first), ==, "Délégation du Sénégal");
  g_autofree char *saved = g_settings_get_string (settings, "author-name");
  g_assert_cmpstr (saved, ==, "Délégation du Sénégal");

  /* Not asked again. */
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plenary_window_get_visible_page (window)), "page.comment", NULL));
  plenary_test_spin (50);
  g_assert_null (plenary_test_find_message_dialog ());
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 2);
  second = g_list_model_get_item (annotations, 1);
  g_assert_cmpstr (plenary_annotation_get_author (second), ==, "Délégation du Sénégal");

  plenary_document_set_modified (document, FALSE);
  close_window (window);
}

static GtkWidget *
find_about_in (GtkWidget *widget)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  if (ADW_IS_ABOUT_DIALOG (widget))
#else
  if (ADW_IS_ABOUT_WINDOW (widget))
#endif
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_about_in (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* An AdwAboutDialog inside the window on libadwaita 1.5, a window before. */
static GtkWidget *
find_about (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      GtkWidget *found = find_about_in (window);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
about_shown (gpointer unused)
{
  return find_about () != NULL;
}

/* The French About page is French throughout. */
static void
test_about_in_french (void)
{
  PlenaryWindow *window = new_draft_window ("resolution-fr");
  GtkWidget *about;

  gtk_window_present (GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  plenary_test_spin_until (about_shown, NULL);
  about = find_about ();
#if ADW_CHECK_VERSION (1, 5, 0)
  g_assert_cmpstr (adw_about_dialog_get_copyright (ADW_ABOUT_DIALOG (about)), ==, "© 2026 Les développeurs de Plenary");
  g_assert_cmpstr (adw_about_dialog_get_developer_name (ADW_ABOUT_DIALOG (about)), ==, "Les développeurs de Plenary");
  g_assert_cmpstr (adw_about_dialog_get_developers (ADW_ABOUT_DIALOG (about))[0], ==, "Les développeurs de Plenary");
  g_assert_null (strstr (adw_about_dialog_get_comments (ADW_ABOUT_DIALOG (about)), "Draft"));
#else
  g_assert_cmpstr (adw_about_window_get_copyright (ADW_ABOUT_WINDOW (about)), ==, "© 2026 Les développeurs de Plenary");
  g_assert_cmpstr (adw_about_window_get_developer_name (ADW_ABOUT_WINDOW (about)), ==, "Les développeurs de Plenary");
  g_assert_cmpstr (adw_about_window_get_developers (ADW_ABOUT_WINDOW (about))[0], ==, "Les développeurs de Plenary");
  g_assert_null (strstr (adw_about_window_get_comments (ADW_ABOUT_WINDOW (about)), "Draft"));
#endif
  plenary_dialog_close (about);

  close_window (window);
}

/* Save and export propose the symbol or the question, and a typed name
 * keeps or gets its extension. */
static void
test_file_names (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path ("/tmp/délégation");
  struct { const char *typed; PlenaryFileKind kind; const char *expected; } names[] = {
    { "Projet", PLENARY_FILE_KIND_DRAFT, "Projet.plenary.json" },
    { "Projet.plenary", PLENARY_FILE_KIND_DRAFT, "Projet.plenary.json" },
    { "Projet.json", PLENARY_FILE_KIND_DRAFT, "Projet.plenary.json" },
    { "Projet v2.1", PLENARY_FILE_KIND_DRAFT, "Projet v2.1.plenary.json" },
    { "Projet.plenary.json", PLENARY_FILE_KIND_DRAFT, "Projet.plenary.json" },
    { "Rapport", PLENARY_FILE_KIND_PDF, "Rapport.pdf" },
    { "Rapport.PDF", PLENARY_FILE_KIND_PDF, "Rapport.PDF" },
    { "Projet.plenary", PLENARY_FILE_KIND_PDF, "Projet.plenary.pdf" },
  };
  g_autofree char *by_symbol = plenary_file_chooser_suggest_name (NULL, "A/C.3/80/L.12", "Les océans",
                                                                 "Nouveau projet", PLENARY_FILE_KIND_PDF);
  g_autofree char *by_question = plenary_file_chooser_suggest_name (NULL, "", "Quelles propositions face aux défis "
                                                                   "que représente l'I.A. pour le monde du travail ?",
                                                                   "Nouveau projet", PLENARY_FILE_KIND_DRAFT);
  g_autofree char *by_title = plenary_file_chooser_suggest_name (NULL, "", "", "Nouveau projet", PLENARY_FILE_KIND_DRAFT);
  g_autoptr(GFile) saved = g_file_new_for_path ("/tmp/Résolution.plenary.json");
  g_autofree char *by_file = plenary_file_chooser_suggest_name (saved, "A/80/L.1", "", "Résolution", PLENARY_FILE_KIND_PDF);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GFile) typed = g_file_get_child (folder, names[i].typed);
      g_autoptr(GFile) completed = plenary_file_chooser_complete_file (typed, names[i].kind);
      g_autofree char *name = g_file_get_basename (completed);

      g_assert_cmpstr (name, ==, names[i].expected);
    }

  g_assert_cmpstr (by_symbol, ==, "A-C.3-80-L.12.pdf");
  g_assert_cmpstr (by_question, ==, "Quelles propositions face aux défis que représente l'I.A.plenary.json");
  g_assert_cmpstr (by_title, ==, "Nouveau projet.plenary.json");
  g_assert_cmpstr (by_file, ==, "Résolution.pdf");
}

static GtkWidget *
find_field (GtkWidget  *widget,
            const char *label)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), label) == 0 &&
      gtk_label_get_mnemonic_widget (GTK_LABEL (widget)) != NULL)
    return gtk_label_get_mnemonic_widget (GTK_LABEL (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_field (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget *window;
  GtkWidget *field;
  int        width;
} Sized;

/* The window at its new width (less its decorations), laid out. */
static gboolean
window_sized (gpointer data)
{
  Sized *sized = data;

  return ABS (gtk_widget_get_width (sized->window) - sized->width) <= 24 &&
         gtk_widget_get_width (sized->field) > 0;
}

/* The header's fields at a window width: each at least 120 px wide (some 15 letters);
 * TWO_COLUMNS: "Instance" and "Présenté par" side by side, else one above
 * the other. */
static void
check_header_at (PlenaryWindow *window,
                 int            width,
                 gboolean       two_columns)
{
  const char *labels[] = { "Instance", "Présenté par", "Organe", "Cote", "Coauteurs", "Signataires",
                           "Session", "Point de l’ordre du jour", "Date" };
  Sized sized = { GTK_WIDGET (window), NULL, width };
  graphene_rect_t forum, submitted;

  sized.field = find_field (GTK_WIDGET (window), "Instance");
  g_assert_nonnull (sized.field);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 860);
  plenary_test_spin_until (window_sized, &sized);
  plenary_test_spin (100);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      GtkWidget *field = find_field (GTK_WIDGET (window), labels[i]);

      g_assert_nonnull (field);
      if (gtk_widget_get_width (field) < 120)
        g_error ("at %d px, “%s” is %d px wide", width, labels[i], gtk_widget_get_width (field));
    }

  g_assert_true (gtk_widget_compute_bounds (find_field (GTK_WIDGET (window), "Instance"), GTK_WIDGET (window), &forum));
  g_assert_true (gtk_widget_compute_bounds (find_field (GTK_WIDGET (window), "Présenté par"), GTK_WIDGET (window), &submitted));
  if (two_columns)
    {
      g_assert_cmpfloat (submitted.origin.x, >, forum.origin.x + forum.size.width);
      g_assert_cmpfloat (submitted.origin.y, ==, forum.origin.y);
    }
  else
    g_assert_cmpfloat (submitted.origin.y, >, forum.origin.y + forum.size.height);
}

/* The header form stays readable from 800 px up: two columns when there
 * is room, one below that, never fields squeezed to a few letters. */
static void
test_header_form_widths (void)
{
  PlenaryWindow *window = new_draft_window ("resolution-fr");
  GtkExpander *expander;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  expander = GTK_EXPANDER (plenary_test_find_child (GTK_WIDGET (window), GTK_TYPE_EXPANDER));
  g_assert_nonnull (expander);
  gtk_expander_set_expanded (expander, TRUE);

  plenary_metadata_set_string (plenary_draft_get_metadata (plenary_document_get_draft (plenary_window_get_visible_document (window))),
                               "question", "Quelles propositions face aux défis que représente l'intelligence "
                               "artificielle pour le monde du travail et la protection sociale ?");
  /* The tests' screen is 1280 px wide: without the comments beside it, the
   * editor has the room two columns need, as at 1440 px with them. */
  plenary_split_view_set_show_sidebar (window->comments_flap, FALSE);
  check_header_at (window, 1280, TRUE);
  plenary_split_view_set_show_sidebar (window->comments_flap, TRUE);
  check_header_at (window, 800, FALSE);

  /* The long question wraps rather than being cut. */
  {
    GtkTextView *question = GTK_TEXT_VIEW (plenary_test_find_child (GTK_WIDGET (window), GTK_TYPE_TEXT_VIEW));
    GtkTextIter start;
    g_autofree char *text = NULL;
    GtkTextIter end;

    g_assert_nonnull (question);
    gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (question), &start, &end);
    text = gtk_text_buffer_get_text (gtk_text_view_get_buffer (question), &start, &end, FALSE);
    g_assert_true (g_str_has_prefix (text, "Quelles propositions"));
    /* A second display line starts within the text. */
    g_assert_true (gtk_text_view_forward_display_line (question, &start));
    g_assert_false (gtk_text_iter_is_end (&start));
  }

  close_window (window);
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
label_allocated (gpointer data)
{
  return gtk_widget_get_width (data) > 0;
}

/* The sources' search field says what it is for in full, in French too,
 * on an 800 px window: its placeholder is not cut to “Rechercher dans les s…”. */
static void
test_search_placeholder (void)
{
  PlenaryWindow *window = new_draft_window ("resolution-fr");
  g_autofree char *placeholder = NULL;
  GtkWidget *entry, *label;

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 700);
  gtk_window_present (GTK_WINDOW (window));
  plenary_split_view_set_show_sidebar (window->side_flap, TRUE);
  entry = plenary_test_find_child (GTK_WIDGET (window->sources_panel), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  g_object_get (entry, "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, "Rechercher");
  /* GtkText draws it with a label of its own. */
  label = find_label (entry, placeholder);
  g_assert_nonnull (label);
  plenary_test_spin_until (label_allocated, label);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));

  close_window (window);
}

typedef struct
{
  guchar *pixels;
  gsize   stride;
  int     width;
  int     height;
} Image;

typedef struct
{
  GtkWidget *widget;
  Image     *image;
} Render;

/* FALSE while the widget has no drawing yet. */
static gboolean
render (gpointer data)
{
  Render *r = data;
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (r->widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  r->image->width = gtk_widget_get_width (r->widget);
  r->image->height = gtk_widget_get_height (r->widget);
  gdk_paintable_snapshot (paintable, snapshot, r->image->width, r->image->height);
  if (r->image->width == 0 || (node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot))) == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (r->widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, r->image->width, r->image->height));
  r->image->stride = 4 * r->image->width;
  g_free (r->image->pixels);
  r->image->pixels = g_malloc (r->image->stride * r->image->height);
  gdk_texture_download (texture, r->image->pixels, r->image->stride);
  return TRUE;
}

/* The rightmost column with ink on LINE of VIEW, -1 for none. */
static int
rightmost_ink (GtkTextView *view,
               const Image *image,
               guint        line)
{
  GtkTextIter iter;
  int y, height, wy;

  gtk_text_buffer_get_iter_at_line (gtk_text_view_get_buffer (view), &iter, line);
  gtk_text_view_get_line_yrange (view, &iter, &y, &height);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, 0, y, NULL, &wy);

  for (int x = image->width - 1; x >= 0; x--)
    for (int row = MAX (wy + 1, 0); row < MIN (wy + height - 1, image->height); row++)
      {
        const guchar *p = image->pixels + row * image->stride + 4 * x;

        if ((p[0] + p[1] + p[2]) / 3 < 200)
          return x;
      }
  return -1;
}

/* A brief from a template: the hints are placeholders on the empty lines,
 * not text; they go when the section is written in; exporting with empty
 * sections asks first, naming them. */
static void
test_brief_placeholders (void)
{
  PlenaryWindow *window = new_draft_window ("position-paper-fr");
  PlenaryDocument *document = plenary_window_get_visible_document (window);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (document));
  GtkTextView *view = GTK_TEXT_VIEW (plenary_page_get_view (plenary_window_get_visible_page (window)));
  PlenaryBody *body;
  g_autofree char *text = NULL;
  Image image = { 0 };
  Render rendering = { GTK_WIDGET (view), &image };
  PlenaryAlert *dialog;
  GtkTextIter iter;
  int before, after;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  gtk_window_present (GTK_WINDOW (window));

  /* The text has the headings and blank lines, no hint. */
  text = plenary_test_buffer_text (document);
  g_assert_true (g_str_has_prefix (text, "# Contexte\n\n# Action internationale\n\n"));
  g_assert_null (strstr (text, "Présentez"));

  /* The hint is drawn across the blank line of "Contexte"... */
  plenary_test_spin_until (render, &rendering);
  before = rightmost_ink (view, &image, 1);
  g_assert_cmpint (before, >, image.width / 2);

  /* ...and goes when the section is written in. */
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 1);
  gtk_text_buffer_insert (buffer, &iter, "Le travail.", -1);
  plenary_test_spin (100);
  plenary_test_spin_until (render, &rendering);
  after = rightmost_ink (view, &image, 1);
  g_assert_cmpint (after, >, 0);
  g_assert_cmpint (after, <, image.width / 3);

  /* Nothing of the hints reaches the draft. */
  plenary_document_sync_draft (document);
  body = plenary_draft_get_body (plenary_document_get_draft (document));
  for (guint i = 0; i < body->paragraphs->len; i++)
    {
      PlenaryParagraph *section = g_ptr_array_index (body->paragraphs, i);

      for (guint j = 0; j < section->children->len; j++)
        g_assert_false (plenary_templates_is_hint ("fr", ((PlenaryParagraph *) g_ptr_array_index (section->children, j))->text));
    }

  /* Export asks first, naming the empty sections. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL));
  plenary_test_spin_until (plenary_test_dialog_shown, NULL);
  dialog = plenary_test_find_message_dialog ();
  g_assert_cmpstr (plenary_alert_get_heading (dialog), ==, "Des sections sont vides");
  g_assert_nonnull (strstr (plenary_alert_get_body (dialog), "«\u00a0Action internationale\u00a0»"));
  g_assert_nonnull (strstr (plenary_alert_get_body (dialog), "«\u00a0Propositions\u00a0»"));
  g_assert_null (strstr (plenary_alert_get_body (dialog), "Contexte"));
  plenary_test_respond (dialog, "cancel");

  g_free (image.pixels);
  plenary_document_set_modified (document, FALSE);
  close_window (window);
}

static GtkWindow *
find_window_titled (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (window), title) == 0 && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
preview_shown (gpointer unused)
{
  return find_window_titled ("Aperçu avant impression") != NULL;
}

static guint
count_pictures (GtkWidget *widget)
{
  guint n = GTK_IS_PICTURE (widget) && gtk_picture_get_paintable (GTK_PICTURE (widget)) != NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_pictures (child);
  return n;
}

/* Print Preview shows the pages in Plenary: no external previewer is
 * installed here, as in the Flatpak sandbox. */
static void
test_print_preview (void)
{
  PlenaryWindow *window = new_draft_window ("resolution-fr");
  PlenaryDocument *document = plenary_window_get_visible_document (window);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new ("L'Assemblée générale,\n");
  GtkWindow *preview;

  g_assert_null (g_find_program_in_path ("evince"));
  for (guint i = 0; i < 90; i++)
    g_string_append (text, "Prie le Secrétaire général de lui présenter un rapport sur l'application de la présente résolution ;\n");
  g_string_append (text, "Décide de rester saisie de la question.\n");
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (plenary_document_get_buffer (document)), text->str, -1);
  g_string_free (text, TRUE);
  gtk_window_present (GTK_WINDOW (window));

  operation = plenary_print_operation_new (document);
  gtk_print_operation_set_allow_async (operation, FALSE);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PREVIEW, GTK_WINDOW (window), &error),
                   !=, GTK_PRINT_OPERATION_RESULT_ERROR);
  g_assert_no_error (error);
  plenary_test_spin_until (preview_shown, NULL);
  preview = find_window_titled ("Aperçu avant impression");
  /* Ninety operative paragraphs: several pages, all shown. */
  g_assert_cmpuint (count_pictures (GTK_WIDGET (preview)), >=, 3);

  gtk_window_destroy (preview);
  plenary_document_set_modified (document, FALSE);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  app = plenary_test_init (&argc, &argv);

  g_test_add_func ("/defects/this-source-from-list", test_this_source_from_list);
  g_test_add_func ("/defects/problems-dot", test_problems_dot);
  g_test_add_func ("/defects/author-asked-once", test_author_asked_once);
  g_test_add_func ("/defects/about-in-french", test_about_in_french);
  g_test_add_func ("/defects/file-names", test_file_names);
  g_test_add_func ("/defects/header-form-widths", test_header_form_widths);
  g_test_add_func ("/defects/search-placeholder", test_search_placeholder);
  g_test_add_func ("/defects/brief-placeholders", test_brief_placeholders);
  g_test_add_func ("/defects/print-preview", test_print_preview);

  return plenary_test_run (app);
}
