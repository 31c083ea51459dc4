/* test-editor-view.c: numbering, moving and levels in the real editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "plenary-test-utils.h"
#include "plenary-print.h"

static PlenaryApplication *app;

typedef struct
{
  PlenaryWindow     *window;
  PlenaryDocument   *document;
  PlenaryEditorView *view;
  GtkTextBuffer     *buffer;
} Fixture;

static void
open_text (Fixture    *f,
           const char *template,
           const char *text)
{
  f->window = plenary_application_new_window (app);
  plenary_application_new_draft (app, f->window, template);
  f->document = plenary_window_get_visible_document (f->window);
  f->view = plenary_page_get_view (plenary_window_get_visible_page (f->window));
  f->buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (f->document));
  gtk_text_buffer_set_text (f->buffer, text, -1);
  plenary_test_spin (30);
}

static void
close_fixture (Fixture *f)
{
  plenary_document_set_modified (f->document, FALSE);
  gtk_window_destroy (GTK_WINDOW (f->window));
  plenary_test_spin (30);
}

static char *
line_text (Fixture *f,
           guint    line)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (f->buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  return gtk_text_iter_get_slice (&start, &end);
}

static char *
all_text (Fixture *f)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (f->buffer, &start, &end);
  return gtk_text_buffer_get_text (f->buffer, &start, &end, TRUE);
}

static void
place_cursor (Fixture *f,
              guint    line)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (f->buffer, &iter, line);
  gtk_text_buffer_place_cursor (f->buffer, &iter);
}

static void
assert_marker (Fixture    *f,
               guint       line,
               const char *expected)
{
  g_autofree char *marker = plenary_line_index_dup_marker (plenary_document_get_line_index (f->document), line);
  g_assert_cmpstr (marker, ==, expected);
}

static const char *french =
  "L'Assemblée générale,\n"
  "Rappelant ses résolutions antérieures,\n"
  "Encourage les États membres à coopérer ;\n"
  "Prie le Secrétaire général :\n"
  "\tde faire rapport ;\n"
  "\td'informer les États ;\n"
  "\t\tpar écrit ;\n"
  "Décide de rester saisie de la question.";

static void
test_markers_follow_structure (void)
{
  Fixture f;
  GtkTextIter iter;

  open_text (&f, "resolution-fr", french);

  assert_marker (&f, 0, NULL);
  assert_marker (&f, 1, NULL);
  assert_marker (&f, 2, "1.");
  assert_marker (&f, 3, "2.");
  assert_marker (&f, 4, "a)");
  assert_marker (&f, 5, "b)");
  assert_marker (&f, 6, "i)");
  assert_marker (&f, 7, "3.");

  /* A new operative paragraph typed after the first renumbers those below. */
  gtk_text_buffer_get_iter_at_line (f.buffer, &iter, 2);
  gtk_text_iter_forward_to_line_end (&iter);
  gtk_text_buffer_insert (f.buffer, &iter, "\nInvite les organisations régionales à participer ;", -1);
  plenary_test_spin (30);
  assert_marker (&f, 3, "2.");
  assert_marker (&f, 4, "3.");
  assert_marker (&f, 8, "4.");

  /* Deleting it renumbers them back. */
  {
    GtkTextIter start, end;
    gtk_text_buffer_get_iter_at_line (f.buffer, &start, 3);
    gtk_text_buffer_get_iter_at_line (f.buffer, &end, 4);
    gtk_text_buffer_delete (f.buffer, &start, &end);
  }
  plenary_test_spin (30);
  assert_marker (&f, 3, "2.");
  assert_marker (&f, 7, "3.");

  close_fixture (&f);
}

static void
test_english_markers (void)
{
  Fixture f;

  open_text (&f, "resolution-en",
             "The General Assembly,\n"
             "Recalling its resolutions,\n"
             "Requests the Secretary-General:\n"
             "\tto report;\n"
             "\t\tin writing;\n"
             "Decides to remain seized of the matter.");
  assert_marker (&f, 2, "1.");
  assert_marker (&f, 3, "(a)");
  assert_marker (&f, 4, "(i)");
  assert_marker (&f, 5, "2.");
  close_fixture (&f);
}

static void
test_typed_numbers_are_dropped (void)
{
  Fixture f;
  GtkTextIter end;
  g_autofree char *last = NULL;
  g_autofree char *sub = NULL;

  open_text (&f, "resolution-fr", french);

  /* Pasted plain text with its numbers: the numbers go, the structure stays. */
  gtk_text_buffer_get_end_iter (f.buffer, &end);
  gtk_text_buffer_insert (f.buffer, &end, "\n7. Recommande la création d'un groupe de travail :\n   a) composé d'experts ;", -1);
  plenary_test_spin (30);

  last = line_text (&f, 8);
  sub = line_text (&f, 9);
  g_assert_cmpstr (last, ==, "Recommande la création d'un groupe de travail :");
  g_assert_cmpstr (sub, ==, "\tcomposé d'experts ;");
  assert_marker (&f, 8, "4.");
  assert_marker (&f, 9, "a)");

  close_fixture (&f);
}

static void
test_move_paragraph_with_subparagraphs (void)
{
  Fixture f;
  g_autofree char *text = NULL;
  g_autofree char *back = NULL;

  open_text (&f, "resolution-fr", french);

  /* "Prie …" moves above "Encourage …", taking its sub-paragraphs along. */
  place_cursor (&f, 3);
  g_assert_true (plenary_editor_view_move_paragraph (f.view, -1));
  plenary_test_spin (30);
  text = all_text (&f);
  g_assert_cmpstr (text, ==,
                   "L'Assemblée générale,\n"
                   "Rappelant ses résolutions antérieures,\n"
                   "Prie le Secrétaire général :\n"
                   "\tde faire rapport ;\n"
                   "\td'informer les États ;\n"
                   "\t\tpar écrit ;\n"
                   "Encourage les États membres à coopérer ;\n"
                   "Décide de rester saisie de la question.");
  assert_marker (&f, 2, "1.");
  assert_marker (&f, 6, "2.");

  /* And back down. */
  place_cursor (&f, 2);
  g_assert_true (plenary_editor_view_move_paragraph (f.view, 1));
  plenary_test_spin (30);
  back = all_text (&f);
  g_assert_cmpstr (back, ==, french);

  /* A sub-paragraph moves among its siblings only. */
  place_cursor (&f, 5);
  g_assert_true (plenary_editor_view_move_paragraph (f.view, -1));
  plenary_test_spin (30);
  {
    g_autofree char *l4 = line_text (&f, 4);
    g_autofree char *l5 = line_text (&f, 5);
    g_autofree char *l6 = line_text (&f, 6);
    g_assert_cmpstr (l4, ==, "\td'informer les États ;");
    g_assert_cmpstr (l5, ==, "\t\tpar écrit ;");
    g_assert_cmpstr (l6, ==, "\tde faire rapport ;");
  }
  place_cursor (&f, 4);
  g_assert_false (plenary_editor_view_move_paragraph (f.view, -1));

  /* The last paragraph moves up past the one above it. */
  place_cursor (&f, 7);
  g_assert_true (plenary_editor_view_move_paragraph (f.view, -1));
  plenary_test_spin (30);
  {
    g_autofree char *l3 = line_text (&f, 3);
    g_autofree char *l7 = line_text (&f, 7);
    g_assert_cmpstr (l3, ==, "Décide de rester saisie de la question.");
    g_assert_cmpstr (l7, ==, "\tde faire rapport ;");
  }

  close_fixture (&f);
}

static void
test_tab_changes_level (void)
{
  Fixture f;
  g_autofree char *demoted = NULL;
  g_autofree char *promoted = NULL;

  open_text (&f, "resolution-fr", french);

  /* Tab at the start of "Prie …" makes it sub-paragraph a) of "Encourage". */
  place_cursor (&f, 3);
  g_assert_true (plenary_editor_view_change_level (f.view, 1));
  plenary_test_spin (30);
  demoted = line_text (&f, 3);
  g_assert_cmpstr (demoted, ==, "\tPrie le Secrétaire général :");
  assert_marker (&f, 3, "a)");
  assert_marker (&f, 7, "2.");

  /* Shift+Tab brings it back. */
  place_cursor (&f, 3);
  g_assert_true (plenary_editor_view_change_level (f.view, -1));
  plenary_test_spin (30);
  promoted = line_text (&f, 3);
  g_assert_cmpstr (promoted, ==, "Prie le Secrétaire général :");
  assert_marker (&f, 3, "2.");

  /* A preambular paragraph cannot become a sub-paragraph. */
  place_cursor (&f, 1);
  g_assert_false (plenary_editor_view_change_level (f.view, 1));

  close_fixture (&f);
}

static void
test_brief_sections_and_bullets (void)
{
  Fixture f;
  g_autofree char *moved = NULL;

  open_text (&f, "brief",
             "# Contexte\n"
             "La question est inscrite depuis 2019.\n"
             "• première résolution\n"
             "# Position de la délégation\n"
             "Nous soutenons le projet.");

  /* A section moves with everything in it. */
  place_cursor (&f, 3);
  g_assert_true (plenary_editor_view_move_paragraph (f.view, -1));
  plenary_test_spin (30);
  moved = all_text (&f);
  g_assert_cmpstr (moved, ==,
                   "# Position de la délégation\n"
                   "Nous soutenons le projet.\n"
                   "# Contexte\n"
                   "La question est inscrite depuis 2019.\n"
                   "• première résolution");

  /* A paragraph stays in its section. */
  place_cursor (&f, 1);
  g_assert_false (plenary_editor_view_move_paragraph (f.view, -1));

  /* Enter on a bullet: the real key, in test-keys.py. */

  close_fixture (&f);
}

static void
export_done (GtkPrintOperation       *operation,
             GtkPrintOperationResult  result,
             gpointer                 user_data)
{
  *(GtkPrintOperationResult *) user_data = result;
}

static void
test_export_pdf_through_print_operation (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plenary-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Sample.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result = -1;
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryDocument *document;
  char *argv[] = { (char *) "pdftotext", (char *) "-layout", path, (char *) "-", NULL };
  int status;
  const char *numbers[] = { "1.", "2.", "3.", "4.", "5.", "6.", "7.", "8." };
  const char *cursor;

  plenary_application_open_sample (app, window);
  document = plenary_window_get_visible_document (window);
  plenary_test_spin (30);

  operation = plenary_print_operation_new (document);
  gtk_print_operation_set_export_filename (operation, path);
  g_signal_connect (operation, "done", G_CALLBACK (export_done), &result);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  while ((int) result == -1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "L’Assemblée générale,") ?: strstr (text, "L'Assemblée générale,"));
  g_assert_nonnull (strstr (text, "Российская Федерация"));

  /* The operative paragraphs come out numbered 1. to 8., in order. */
  cursor = strstr (text, "Estimant");
  g_assert_nonnull (cursor);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      /* pdftotext -layout starts each numbered paragraph on a line (or a
       * page) of its own. */
      g_autofree char *needle = g_strdup_printf ("%s ", numbers[i]);
      const char *found = cursor;

      while ((found = strstr (found, needle)) && found[-1] != '\n' && found[-1] != '\f')
        found++;
      g_assert_nonnull (found);
      cursor = found + strlen (needle);
    }

  plenary_document_set_modified (document, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  plenary_test_spin (30);
}

int
main (int   argc,
      char *argv[])
{
  app = plenary_test_init (&argc, &argv);

  g_test_add_func ("/editor/markers", test_markers_follow_structure);
  g_test_add_func ("/editor/english-markers", test_english_markers);
  g_test_add_func ("/editor/typed-numbers-dropped", test_typed_numbers_are_dropped);
  g_test_add_func ("/editor/move-paragraph", test_move_paragraph_with_subparagraphs);
  g_test_add_func ("/editor/tab-level", test_tab_changes_level);
  g_test_add_func ("/editor/brief", test_brief_sections_and_bullets);
  g_test_add_func ("/editor/export-pdf", test_export_pdf_through_print_operation);

  return plenary_test_run (app);
}
