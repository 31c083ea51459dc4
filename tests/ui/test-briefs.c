/* test-briefs.c: a position paper in the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plenary-print.h"
#include "plenary-test-utils.h"
#include "plenary-window-private.h"

static PlenaryApplication *app;

static GtkLabel *
length_label (PlenaryPage *page)
{
  return GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (page), PLENARY_TYPE_PAGE, "length_label"));
}

static void
replace_line (GtkTextBuffer *buffer,
              guint          line,
              const char    *text)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, text, -1);
}

static guint
find_line (GtkTextBuffer *buffer,
           const char    *prefix)
{
  guint n = gtk_text_buffer_get_line_count (buffer);

  for (guint i = 0; i < n; i++)
    {
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_iter_at_line (buffer, &start, i);
      end = start;
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
      text = gtk_text_iter_get_slice (&start, &end);
      if (g_str_has_prefix (text, prefix))
        return i;
    }

  g_assert_not_reached ();
}

static char *
outline_headings (PlenaryOutline *outline)
{
  GString *headings = g_string_new (NULL);
  guint n;

  plenary_outline_flush (outline);
  n = g_list_model_get_n_items (G_LIST_MODEL (outline));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenaryOutlineItem) item = g_list_model_get_item (G_LIST_MODEL (outline), i);

      if (plenary_outline_item_get_kind (item) == PLENARY_OUTLINE_HEADING)
        g_string_append_printf (headings, "%s|", plenary_outline_item_get_words (item));
    }

  return g_string_free (headings, FALSE);
}

static gboolean
has_page_limit_problem (PlenaryProblems *problems)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (problems));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenaryProblemItem) item = g_list_model_get_item (G_LIST_MODEL (problems), i);

      if (plenary_problem_item_get_problem (item)->kind == PLENARY_CHECK_PAGE_LIMIT)
        return TRUE;
    }

  return FALSE;
}

static gboolean
one_page_measured (gpointer page)
{
  return g_str_has_suffix (gtk_label_get_label (length_label (page)), "1 page of 2 allowed");
}

static gboolean
over_the_limit (gpointer page)
{
  return strstr (gtk_label_get_label (length_label (page)), "pages of 2 allowed") != NULL &&
         has_page_limit_problem (plenary_page_get_problems (page));
}

static void
test_position_paper (void)
{
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryDocument *document;
  PlenaryPage *page;
  GtkTextBuffer *buffer;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  guint context, position;

  plenary_application_new_draft (app, window, "position-paper");
  document = plenary_window_get_visible_document (window);
  page = plenary_window_get_visible_page (window);
  buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (document));
  g_assert_cmpint (plenary_draft_get_kind (plenary_document_get_draft (document)), ==, PLENARY_DRAFT_KIND_BRIEF);
  g_assert_cmpuint (plenary_metadata_get_page_limit (plenary_draft_get_metadata (plenary_document_get_draft (document))), ==, 2);

  /* Fill two sections in place of their hints. */
  context = find_line (buffer, "# Contexte");
  replace_line (buffer, context + 1, "La question est à l’ordre du jour depuis 2019.");
  position = find_line (buffer, "# Position");
  replace_line (buffer, position + 1, "La délégation soutient un cadre commun.");
  /* Measured after a pause in typing. */
  plenary_test_spin_until (one_page_measured, page);

  g_assert_true (g_str_has_suffix (gtk_label_get_label (length_label (page)), "1 page of 2 allowed"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (length_label (page)), "warning"));

  /* Move the position section to the top: the outline follows. */
  before = outline_headings (plenary_page_get_outline (page));
  g_assert_true (g_str_has_prefix (before, "Contexte|"));
  {
    GtkTextIter iter;

    gtk_text_buffer_get_iter_at_line (buffer, &iter, find_line (buffer, "# Position"));
    gtk_text_buffer_place_cursor (buffer, &iter);
    while (plenary_editor_view_move_paragraph (plenary_page_get_view (page), -1))
      ;
  }
  plenary_test_spin (50);
  after = outline_headings (plenary_page_get_outline (page));
  g_assert_true (g_str_has_prefix (after, "Position"));
  g_assert_cmpuint (find_line (buffer, "La délégation soutient"), ==, 1);

  /* Past two pages, the indicator warns and the problem is listed. */
  for (int i = 0; i < 120; i++)
    g_string_append (long_text, "Les délégations du Sud demandent un partage équitable des technologies et un financement durable. ");
  replace_line (buffer, find_line (buffer, "La question est"), long_text->str);
  plenary_test_spin_until (over_the_limit, page);
  g_assert_nonnull (strstr (gtk_label_get_label (length_label (page)), "pages of 2 allowed"));
  g_assert_false (g_str_has_suffix (gtk_label_get_label (length_label (page)), " 1 page of 2 allowed"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (length_label (page)), "warning"));
  g_assert_true (has_page_limit_problem (plenary_page_get_problems (page)));

  plenary_window_set_close_confirmed (window);
  gtk_window_close (GTK_WINDOW (window));
  plenary_test_spin (50);
}

static void
test_save_as_template (void)
{
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryAlert *dialog;
  PlenaryDocument *document;
  g_autofree char *text = NULL;
  gboolean listed = FALSE;

  plenary_application_new_draft (app, window, "briefing-note");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as-template", NULL));
  plenary_test_spin_until (plenary_test_dialog_shown, NULL);
  dialog = plenary_test_find_message_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (plenary_alert_get_extra_child (dialog)), "Note du G77");
  plenary_test_respond (dialog, "save");

  for (guint i = 0; i < (guint) g_menu_model_get_n_items (G_MENU_MODEL (window->user_templates_section)); i++)
    {
      g_autofree char *label = NULL;

      if (g_menu_model_get_item_attribute (G_MENU_MODEL (window->user_templates_section), i, "label", "s", &label))
        listed |= g_str_equal (label, "Note du G77");
    }
  g_assert_true (listed);

  /* A new brief from it has the same sections. */
  plenary_application_new_draft (app, window, "user:Note du G77");
  document = plenary_window_get_visible_document (window);
  text = plenary_test_buffer_text (document);
  g_assert_nonnull (strstr (text, "# Objectif"));
  g_assert_nonnull (strstr (text, "# Lignes rouges"));

  plenary_window_set_close_confirmed (window);
  gtk_window_close (GTK_WINDOW (window));
  plenary_test_spin (50);
}

static void
export_done (GtkPrintOperation       *operation,
             GtkPrintOperationResult  result,
             gpointer                 user_data)
{
  *(GtkPrintOperationResult *) user_data = result;
}

static char *
export_text (PlenaryWindow   *window,
             PlenaryDocument *document)
{
  g_autofree char *dir = g_dir_make_tmp ("plenary-brief-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "brief.pdf", NULL);
  g_autoptr(GtkPrintOperation) operation = plenary_print_operation_new (document);
  GtkPrintOperationResult result = -1;
  char *argv[] = { (char *) "pdftotext", path, (char *) "-", NULL };
  char *text = NULL;

  gtk_print_operation_set_export_filename (operation, path);
  g_signal_connect (operation, "done", G_CALLBACK (export_done), &result);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (window), NULL);
  while ((int) result == -1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, NULL, NULL));
  return text;
}

/* The Preferences switch numbers the sections of printed briefs. */
static void
test_numbered_headings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryDocument *document;
  g_autofree char *plain = NULL;
  g_autofree char *numbered = NULL;

  plenary_application_new_draft (app, window, "briefing-note");
  document = plenary_window_get_visible_document (window);

  g_settings_set_boolean (settings, "numbered-headings", FALSE);
  plain = export_text (window, document);
  g_assert_nonnull (strstr (plain, "Objectif"));
  g_assert_null (strstr (plain, "1.\n\nObjectif"));

  g_settings_set_boolean (settings, "numbered-headings", TRUE);
  numbered = export_text (window, document);
  /* pdftotext puts the number and the heading on lines of their own. */
  g_assert_nonnull (strstr (numbered, "1.\n\nObjectif"));
  g_assert_nonnull (strstr (numbered, "2.\n\nContexte"));
  g_settings_reset (settings, "numbered-headings");

  plenary_window_set_close_confirmed (window);
  gtk_window_close (GTK_WINDOW (window));
  plenary_test_spin (50);
}

/* The Preferences switch ends printed briefs with their sources, named by
 * their details. */
static void
test_sources_list (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryDocument *document;
  g_autoptr(PlenarySource) source = plenary_source_new ("s1", "Rapport du Secrétaire général", "rapport.pdf",
                                                        "application/pdf", "Nations Unies A/80/123");
  g_autofree char *without = NULL;
  g_autofree char *with = NULL;

  plenary_application_new_draft (app, window, "briefing-note");
  document = plenary_window_get_visible_document (window);
  g_object_set (source, "symbol", "A/80/123", "date", "2025-03-12", "url", "https://undocs.org/A/80/123", NULL);
  g_list_store_append (plenary_draft_get_sources (plenary_document_get_draft (document)), source);

  g_settings_set_boolean (settings, "sources-list", FALSE);
  without = export_text (window, document);
  g_assert_null (strstr (without, "A/80/123"));

  g_settings_set_boolean (settings, "sources-list", TRUE);
  with = export_text (window, document);
  g_assert_nonnull (strstr (with, "Sources\n"));
  g_assert_nonnull (strstr (with, "Rapport du Secrétaire général, A/80/123, 12 mars 2025,"));
  g_assert_nonnull (strstr (with, "https://undocs.org/A/80/123."));
  g_settings_reset (settings, "sources-list");

  plenary_window_set_close_confirmed (window);
  gtk_window_close (GTK_WINDOW (window));
  plenary_test_spin (50);
}

int
main (int   argc,
      char *argv[])
{
  app = plenary_test_init (&argc, &argv);

  g_test_add_func ("/briefs/position-paper", test_position_paper);
  g_test_add_func ("/briefs/save-as-template", test_save_as_template);
  g_test_add_func ("/briefs/numbered-headings", test_numbered_headings);
  g_test_add_func ("/briefs/sources-list", test_sources_list);

  return plenary_test_run (app);
}
