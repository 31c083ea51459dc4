/* test-editor-panels.c: the outline and the problems of a draft under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plenary-test-utils.h"
#include "plenary-outline-panel.h"
#include "plenary-page.h"
#include <glib/gstdio.h>

#include "plenary-problems-panel.h"
#include "plenary-window-private.h"

#define NBSP "\xc2\xa0"

static PlenaryApplication *app;

typedef struct
{
  PlenaryWindow   *window;
  PlenaryDocument *document;
  PlenaryEditorView *view;
  GtkTextBuffer   *buffer;
  PlenaryOutline  *outline;
  PlenaryProblems *problems;
} Fixture;

static void
fixture_open_sample (Fixture *f)
{
  f->window = plenary_application_new_window (app);
  plenary_test_spin (50);
  plenary_application_open_sample (app, f->window);
  plenary_test_spin (50);

  f->document = plenary_window_get_visible_document (f->window);
  g_assert_nonnull (f->document);
  f->view = plenary_page_get_view (plenary_window_get_visible_page (f->window));
  f->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->view));
  /* The page's own, which the window's panels show. */
  f->outline = g_object_ref (plenary_page_get_outline (plenary_window_get_visible_page (f->window)));
  f->problems = g_object_ref (plenary_page_get_problems (plenary_window_get_visible_page (f->window)));
  plenary_test_spin (400);
}

static void
fixture_close (Fixture *f)
{
  g_clear_object (&f->outline);
  g_clear_object (&f->problems);
  f->window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (f->window));
  plenary_test_spin (50);
}

static char *
dup_line (GtkTextBuffer *buffer,
          guint          line)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  return gtk_text_iter_get_slice (&start, &end);
}

static PlenaryOutlineItem *
outline_item (Fixture *f,
              guint    position)
{
  PlenaryOutlineItem *item = g_list_model_get_item (G_LIST_MODEL (f->outline), position);

  g_assert_nonnull (item);
  g_object_unref (item);
  return item;
}

/* The line of the N-th (1-based) operative paragraph. */
static guint
operative_line (Fixture *f,
                guint    n)
{
  PlenaryLineIndex *index = plenary_document_get_line_index (f->document);
  guint count = 0;

  for (guint i = 0; i < plenary_line_index_get_n_lines (index); i++)
    {
      const PlenaryLineInfo *info = plenary_line_index_get_info (index, i);

      if (!info->is_blank && !info->is_opening && info->role == PLENARY_ROLE_OPERATIVE && info->level == 0 && ++count == n)
        return i;
    }

  g_assert_not_reached ();
}

static void
insert_line_after (Fixture    *f,
                   guint       line,
                   const char *text)
{
  g_autofree char *with_newline = g_strconcat ("\n", text, NULL);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (f->buffer, &iter, line);
  if (!gtk_text_iter_ends_line (&iter))
    gtk_text_iter_forward_to_line_end (&iter);
  gtk_text_buffer_insert_interactive (f->buffer, &iter, with_newline, -1, TRUE);
}

/* The first problem of KIND on LINE, or NULL. */
static PlenaryProblemItem *
find_problem (Fixture          *f,
              guint             line,
              PlenaryCheckKind  kind)
{
  GListModel *model = G_LIST_MODEL (f->problems);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PlenaryProblemItem) item = g_list_model_get_item (model, i);

      if (plenary_problem_item_get_line (item) == line &&
          plenary_problem_item_get_problem (item)->kind == kind)
        return item;
    }

  return NULL;
}

static gboolean
problems_sorted (Fixture *f)
{
  GListModel *model = G_LIST_MODEL (f->problems);
  guint previous = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PlenaryProblemItem) item = g_list_model_get_item (model, i);

      if (plenary_problem_item_get_line (item) < previous)
        return FALSE;
      previous = plenary_problem_item_get_line (item);
    }

  return TRUE;
}

static void
test_outline_of_sample (void)
{
  Fixture f = { 0 };
  guint n_preambular = 0, n_operative = 0;

  fixture_open_sample (&f);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.outline)), ==, 16);
  g_assert_cmpint (plenary_outline_item_get_kind (outline_item (&f, 0)), ==, PLENARY_OUTLINE_OPENING);
  g_assert_cmpstr (plenary_outline_item_get_words (outline_item (&f, 0)), ==, "L'Assemblée générale,");
  g_assert_cmpstr (plenary_outline_item_get_marker (outline_item (&f, 0)), ==, "");

  for (guint i = 1; i < 16; i++)
    {
      PlenaryOutlineItem *item = outline_item (&f, i);
      g_autofree char *view_marker = plenary_line_index_dup_marker (plenary_document_get_line_index (f.document), plenary_outline_item_get_line (item));

      if (plenary_outline_item_get_kind (item) == PLENARY_OUTLINE_PREAMBULAR)
        {
          n_preambular++;
          g_assert_cmpuint (n_operative, ==, 0);
          g_assert_cmpstr (plenary_outline_item_get_marker (item), ==, "");
        }
      else
        {
          g_autofree char *expected = g_strdup_printf ("%u.", ++n_operative);

          g_assert_cmpint (plenary_outline_item_get_kind (item), ==, PLENARY_OUTLINE_OPERATIVE);
          g_assert_cmpstr (plenary_outline_item_get_marker (item), ==, expected);
          g_assert_cmpstr (view_marker, ==, expected);
        }
    }
  g_assert_cmpuint (n_preambular, ==, 7);
  g_assert_cmpuint (n_operative, ==, 8);

  /* Phrase and first words, as the rows show them. */
  g_assert_cmpstr (plenary_outline_item_get_phrase (outline_item (&f, 1)), ==, "Considérant");
  g_assert_cmpstr (plenary_outline_item_get_words (outline_item (&f, 1)), ==,
                   "que l'intelligence artificielle représente pour l'humanité un important…");
  /* A closing formula: its verb is the phrase, in italics as UN style
   * wants it, and the rest follows. */
  g_assert_cmpstr (plenary_outline_item_get_phrase (outline_item (&f, 15)), ==, "Décide");
  g_assert_cmpstr (plenary_outline_item_get_words (outline_item (&f, 15)), ==,
                   "de rester activement saisi de la question.");
  g_assert_cmpstr (plenary_outline_item_get_phrase (outline_item (&f, 14)), ==, "Incite");
  g_assert_cmpstr (plenary_outline_item_get_words (outline_item (&f, 14)), ==,
                   "les Etats à se coordonner afin de limiter…");

  fixture_close (&f);
}

static void
test_outline_follows_typing (void)
{
  Fixture f = { 0 };
  guint third, line;
  PlenaryOutlineItem *item;
  g_autofree char *marker = NULL;
  g_autofree char *next_marker = NULL;
  g_autoptr(PlenaryOutlineItem) old_fourth = NULL;

  fixture_open_sample (&f);

  old_fourth = g_object_ref (outline_item (&f, 11));
  g_assert_cmpstr (plenary_outline_item_get_marker (old_fourth), ==, "4.");

  third = operative_line (&f, 3);
  insert_line_after (&f, third, "Prie le Secrétaire général de lui faire rapport ;");
  line = third + 1;
  plenary_test_spin (50);

  marker = plenary_line_index_dup_marker (plenary_document_get_line_index (f.document), line);
  next_marker = plenary_line_index_dup_marker (plenary_document_get_line_index (f.document), line + 1);
  g_assert_cmpstr (marker, ==, "4.");
  g_assert_cmpstr (next_marker, ==, "5.");

  /* The outline followed in idle time: a new row, the rows below renumbered. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.outline)), ==, 17);
  item = outline_item (&f, 11);
  g_assert_cmpuint (plenary_outline_item_get_line (item), ==, line);
  g_assert_cmpstr (plenary_outline_item_get_marker (item), ==, "4.");
  g_assert_cmpstr (plenary_outline_item_get_phrase (item), ==, "Prie");
  g_assert_cmpstr (plenary_outline_item_get_words (item), ==, "le Secrétaire général de lui faire rapport ;");
  g_assert_true (outline_item (&f, 12) == old_fourth);
  g_assert_cmpstr (plenary_outline_item_get_marker (old_fourth), ==, "5.");
  g_assert_cmpuint (plenary_outline_item_get_line (old_fourth), ==, line + 1);
  g_assert_cmpstr (plenary_outline_item_get_marker (outline_item (&f, 16)), ==, "9.");

  /* Typing in a paragraph changes its row only. */
  {
    GtkTextIter iter;

    gtk_text_buffer_get_iter_at_line_offset (f.buffer, &iter, line, strlen ("Prie"));
    gtk_text_buffer_insert_interactive (f.buffer, &iter, " instamment", -1, TRUE);
  }
  plenary_test_spin (50);
  g_assert_cmpstr (plenary_outline_item_get_phrase (outline_item (&f, 11)), ==, "Prie instamment");
  g_assert_cmpstr (plenary_outline_item_get_marker (outline_item (&f, 11)), ==, "4.");

  /* Undoing the paragraph puts the numbers back. */
  {
    GtkTextIter start, end;

    gtk_text_buffer_get_iter_at_line (f.buffer, &start, line);
    gtk_text_buffer_get_iter_at_line (f.buffer, &end, line + 1);
    gtk_text_buffer_delete_interactive (f.buffer, &start, &end, TRUE);
  }
  plenary_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.outline)), ==, 16);
  item = outline_item (&f, 11);
  g_assert_cmpstr (plenary_outline_item_get_marker (item), ==, "4.");
  g_assert_cmpuint (plenary_outline_item_get_line (item), ==, line);
  g_assert_cmpstr (plenary_outline_item_get_words (item), ==, plenary_outline_item_get_words (old_fourth));
  g_assert_cmpstr (plenary_outline_item_get_marker (outline_item (&f, 15)), ==, "8.");

  fixture_close (&f);
}

static void
test_outline_row_moves_cursor (void)
{
  Fixture f = { 0 };
  GtkWidget *panel;
  GtkWidget *list_view;
  GtkTextIter cursor;
  GtkStack *stack;
  guint fifth;

  /* The window's own panel shows the outline of the visible page. */
  fixture_open_sample (&f);
  panel = adw_bin_get_child (f.window->outline_bin);
  g_assert_true (plenary_outline_panel_get_outline (PLENARY_OUTLINE_PANEL (panel)) == f.outline);
  /* Under the Open Paragraphs Only switch. */
  stack = GTK_STACK (gtk_widget_get_template_child (panel, PLENARY_TYPE_OUTLINE_PANEL, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  list_view = gtk_widget_get_first_child (gtk_stack_get_child_by_name (stack, "list"));
  g_assert_true (GTK_IS_LIST_VIEW (list_view));

  /* The fifth operative paragraph: opening + 7 preambular + 4 operative before it. */
  fifth = operative_line (&f, 5);
  g_signal_emit_by_name (list_view, "activate", 12);
  gtk_text_buffer_get_iter_at_mark (f.buffer, &cursor, gtk_text_buffer_get_insert (f.buffer));
  g_assert_cmpuint (gtk_text_iter_get_line (&cursor), ==, fifth);
  g_assert_cmpuint (gtk_text_iter_get_line_offset (&cursor), ==, 0);

  plenary_outline_panel_set_outline (PLENARY_OUTLINE_PANEL (panel), NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  fixture_close (&f);
}

typedef struct
{
  Fixture          *f;
  guint             line;
  PlenaryCheckKind  kind;
} Wanted;

static gboolean
problem_found (gpointer data)
{
  Wanted *wanted = data;

  return find_problem (wanted->f, wanted->line, wanted->kind) != NULL;
}

static void
test_final_period_fix (void)
{
  Fixture f = { 0 };
  Wanted data;
  PlenaryProblemItem *problem;
  g_autofree char *line_text = NULL;
  GtkTextIter start, end;
  guint last;

  fixture_open_sample (&f);
  last = operative_line (&f, 8);
  g_assert_null (find_problem (&f, last, PLENARY_CHECK_FINAL_ENDING));

  /* Remove the final period. */
  gtk_text_buffer_get_iter_at_line (f.buffer, &end, last);
  gtk_text_iter_forward_to_line_end (&end);
  start = end;
  gtk_text_iter_backward_char (&start);
  gtk_text_buffer_delete_interactive (f.buffer, &start, &end, TRUE);

  /* Not on the key itself: after a pause in typing, however long the
   * machine takes to come to it. */
  g_assert_null (find_problem (&f, last, PLENARY_CHECK_FINAL_ENDING));
  data.f = &f;
  data.line = last;
  data.kind = PLENARY_CHECK_FINAL_ENDING;
  plenary_test_spin_until (problem_found, &data);
  problem = find_problem (&f, last, PLENARY_CHECK_FINAL_ENDING);
  g_assert_nonnull (problem);
  g_assert_true (plenary_problem_item_get_has_fix (problem));
  g_assert_cmpstr (plenary_problem_item_get_fix_label (problem), ==, "End with “.”");
  g_assert_cmpuint (plenary_problems_get_n_problems (f.problems), >=, 1);

  /* The last word is underlined, where the period is missing. */
  gtk_text_buffer_get_iter_at_line_index (f.buffer, &start, last, plenary_problem_item_get_problem (problem)->start);
  gtk_text_iter_backward_char (&start);
  g_assert_true (gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (f.buffer),
                                                                          "plenary-problem")));

  /* The message shows on the underline, not elsewhere. */
  {
    g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
    gboolean handled = FALSE;

    gtk_text_buffer_place_cursor (f.buffer, &start);
    g_signal_emit_by_name (f.view, "query-tooltip", 0, 0, TRUE, tooltip, &handled);
    g_assert_true (handled);

    gtk_text_buffer_get_iter_at_line (f.buffer, &start, 0);
    gtk_text_buffer_place_cursor (f.buffer, &start);
    handled = FALSE;
    g_signal_emit_by_name (f.view, "query-tooltip", 0, 0, TRUE, tooltip, &handled);
    g_assert_false (handled);
  }

  g_assert_true (plenary_problems_apply_fix (f.problems, problem));
  plenary_problems_flush (f.problems);
  line_text = dup_line (f.buffer, last);
  g_assert_true (g_str_has_suffix (line_text, "de rester activement saisi de la question."));
  g_assert_null (find_problem (&f, last, PLENARY_CHECK_FINAL_ENDING));

  /* One undo step takes the fix back. */
  g_assert_true (gtk_text_buffer_get_can_undo (f.buffer));
  gtk_text_buffer_undo (f.buffer);
  g_free (line_text);
  line_text = dup_line (f.buffer, last);
  g_assert_true (g_str_has_suffix (line_text, "de rester activement saisi de la question"));

  fixture_close (&f);
}

static void
test_moving_last_line (void)
{
  Fixture f = { 0 };
  guint last;

  fixture_open_sample (&f);
  last = operative_line (&f, 8);

  /* A new last paragraph: the old one should now end with ";" and the new
   * one with "." */
  insert_line_after (&f, last, "Prie le Secrétaire général de lui faire rapport");
  plenary_problems_flush (f.problems);
  g_assert_nonnull (find_problem (&f, last, PLENARY_CHECK_OPERATIVE_ENDING));
  g_assert_nonnull (find_problem (&f, last + 1, PLENARY_CHECK_FINAL_ENDING));
  g_assert_true (problems_sorted (&f));

  /* Writing below blank lines: the paragraph that was last, away from the
   * edited lines, is checked again. */
  {
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (f.buffer, &end);
    gtk_text_buffer_insert_interactive (f.buffer, &end, ";\n\n", -1, TRUE);
    plenary_problems_flush (f.problems);
    g_assert_nonnull (find_problem (&f, last + 1, PLENARY_CHECK_FINAL_ENDING));
    g_assert_nonnull (find_problem (&f, last + 1, PLENARY_CHECK_TYPOGRAPHY_SPACE));
    g_assert_nonnull (find_problem (&f, last + 2, PLENARY_CHECK_EMPTY_PARAGRAPH));

    gtk_text_buffer_get_end_iter (f.buffer, &end);
    gtk_text_buffer_insert_interactive (f.buffer, &end, "Décide de rester saisie de la question", -1, TRUE);
    plenary_problems_flush (f.problems);
    g_assert_nonnull (find_problem (&f, last + 3, PLENARY_CHECK_FINAL_ENDING));
    g_assert_null (find_problem (&f, last + 1, PLENARY_CHECK_FINAL_ENDING));

    /* Back to the last line: its period is missing again. */
    gtk_text_buffer_get_iter_at_line (f.buffer, &end, last + 2);
    gtk_text_iter_backward_char (&end);
    {
      GtkTextIter all_end;

      gtk_text_buffer_get_end_iter (f.buffer, &all_end);
      gtk_text_buffer_delete_interactive (f.buffer, &end, &all_end, TRUE);
    }
    plenary_problems_flush (f.problems);
    g_assert_nonnull (find_problem (&f, last + 1, PLENARY_CHECK_FINAL_ENDING));
    g_assert_null (find_problem (&f, last + 2, PLENARY_CHECK_EMPTY_PARAGRAPH));
  }
  g_assert_true (problems_sorted (&f));

  fixture_close (&f);
}

static void
test_preambular_comma_fix (void)
{
  Fixture f = { 0 };
  g_autofree char *text = NULL;
  PlenaryProblemItem *problem;
  guint before;

  fixture_open_sample (&f);
  before = g_list_model_get_n_items (G_LIST_MODEL (f.problems));

  insert_line_after (&f, 1, "Notant que la question est urgente");
  plenary_problems_flush (f.problems);

  problem = find_problem (&f, 2, PLENARY_CHECK_PREAMBULAR_ENDING);
  g_assert_nonnull (problem);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.problems)), ==, before + 1);
  g_assert_true (problems_sorted (&f));

  g_assert_true (plenary_problems_apply_fix (f.problems, problem));
  plenary_problems_flush (f.problems);
  text = dup_line (f.buffer, 2);
  g_assert_cmpstr (text, ==, "Notant que la question est urgente,");
  g_assert_null (find_problem (&f, 2, PLENARY_CHECK_PREAMBULAR_ENDING));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.problems)), ==, before);

  fixture_close (&f);
}

static void
test_typography_fix (void)
{
  Fixture f = { 0 };
  g_autofree char *text = NULL;
  PlenaryProblemItem *problem;
  guint line;

  fixture_open_sample (&f);
  line = operative_line (&f, 3) + 1;
  insert_line_after (&f, line - 1, "Prie le Secrétaire général de lui faire rapport ;");
  plenary_problems_flush (f.problems);

  problem = find_problem (&f, line, PLENARY_CHECK_TYPOGRAPHY_SPACE);
  g_assert_nonnull (problem);
  g_assert_true (plenary_problem_item_get_has_fix (problem));
  g_assert_true (plenary_problems_apply_fix (f.problems, problem));
  plenary_problems_flush (f.problems);

  text = dup_line (f.buffer, line);
  g_assert_cmpstr (text, ==, "Prie le Secrétaire général de lui faire rapport" NBSP ";");
  g_assert_null (find_problem (&f, line, PLENARY_CHECK_TYPOGRAPHY_SPACE));
  g_assert_null (find_problem (&f, line, PLENARY_CHECK_OPERATIVE_ENDING));

  fixture_close (&f);
}

static void
test_agreement_follows_body (void)
{
  Fixture f = { 0 };
  PlenaryMetadata *metadata;
  g_autofree char *text = NULL;
  PlenaryProblemItem *problem;
  g_autofree char *tooltip = NULL;

  fixture_open_sample (&f);
  metadata = plenary_draft_get_metadata (plenary_document_get_draft (f.document));

  insert_line_after (&f, 1, "Profondément préoccupée par la situation,");
  plenary_metadata_set_string (metadata, "body", "Assemblée générale");
  plenary_problems_flush (f.problems);
  g_assert_null (find_problem (&f, 2, PLENARY_CHECK_AGREEMENT));

  /* The whole draft is checked again for the new body. */
  plenary_metadata_set_string (metadata, "body", "Conseil de sécurité");
  plenary_problems_flush (f.problems);
  problem = find_problem (&f, 2, PLENARY_CHECK_AGREEMENT);
  g_assert_nonnull (problem);

  g_assert_true (plenary_problems_apply_fix (f.problems, problem));
  plenary_problems_flush (f.problems);
  text = dup_line (f.buffer, 2);
  g_assert_cmpstr (text, ==, "Profondément préoccupé par la situation,");
  g_assert_null (find_problem (&f, 2, PLENARY_CHECK_AGREEMENT));

  fixture_close (&f);
}

static void
test_problems_panel (void)
{
  Fixture f = { 0 };
  GtkWidget *panel;
  GtkStack *stack;
  g_autoptr(GtkTextBuffer) clean = NULL;
  g_autofree char *text = NULL;
  GtkWidget *list_view;
  GtkTextIter start, end, cursor;
  guint last;

  /* The window's own panel shows the problems of the visible page. */
  fixture_open_sample (&f);
  panel = adw_bin_get_child (f.window->problems_bin);
  stack = GTK_STACK (gtk_widget_get_first_child (panel));
  g_assert_true (plenary_problems_panel_get_problems (PLENARY_PROBLEMS_PANEL (panel)) == f.problems);

  /* A draft without a problem (the sample has French typography to fix). */
  gtk_text_buffer_set_text (f.buffer,
                            "L'Assemblée générale,\n"
                            "Considérant que la question est urgente,\n"
                            "Décide de rester saisie de la question.", -1);
  plenary_problems_flush (f.problems);
  plenary_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.problems)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "clean");

  /* Remove the final period: one problem, one row with a fix button. */
  last = 2;
  gtk_text_buffer_get_end_iter (f.buffer, &end);
  start = end;
  gtk_text_iter_backward_char (&start);
  gtk_text_buffer_delete_interactive (f.buffer, &start, &end, TRUE);
  plenary_problems_flush (f.problems);
  plenary_test_spin (50);
  g_assert_cmpuint (plenary_problems_get_n_problems (f.problems), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  list_view = gtk_widget_get_first_child (gtk_stack_get_child_by_name (stack, "list"));
  g_assert_true (GTK_IS_LIST_VIEW (list_view));
  g_signal_emit_by_name (list_view, "activate", 0);
  gtk_text_buffer_get_iter_at_mark (f.buffer, &cursor, gtk_text_buffer_get_insert (f.buffer));
  g_assert_cmpuint (gtk_text_iter_get_line (&cursor), ==, last);

  /* Find the button the user clicks. */
  {
    GtkWidget *widget = list_view;
    GtkWidget *button = NULL;

    while (widget != NULL && button == NULL)
      {
        if (GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget))
          button = widget;
        else if (gtk_widget_get_first_child (widget) != NULL)
          widget = gtk_widget_get_first_child (widget);
        else
          {
            while (widget != list_view && gtk_widget_get_next_sibling (widget) == NULL)
              widget = gtk_widget_get_parent (widget);
            widget = widget == list_view ? NULL : gtk_widget_get_next_sibling (widget);
          }
      }
    g_assert_nonnull (button);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "End with “.”");
    g_signal_emit_by_name (button, "clicked");
  }
  plenary_test_spin (50);
  gtk_text_buffer_get_bounds (f.buffer, &start, &end);
  text = gtk_text_buffer_get_text (f.buffer, &start, &end, TRUE);
  g_assert_true (g_str_has_suffix (text, "saisie de la question."));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "clean");

  fixture_close (&f);
}


static gboolean
has_import_entries (gpointer data)
{
  Fixture *f = data;

  return f->problems != NULL && g_list_model_get_n_items (G_LIST_MODEL (f->problems)) > 0;
}

/* The first visible button under WIDGET in the list's row POSITION. */
static GtkWidget *
row_button (GtkWidget *list_view,
            guint      position)
{
  guint row = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list_view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *widget = child;

      if (!gtk_widget_get_visible (child) || row++ != position)
        continue;
      /* Depth first in the row. */
      while (widget != NULL)
        {
          if (GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget))
            return widget;
          if (gtk_widget_get_first_child (widget) != NULL)
            widget = gtk_widget_get_first_child (widget);
          else
            {
              while (widget != child && gtk_widget_get_next_sibling (widget) == NULL)
                widget = gtk_widget_get_parent (widget);
              widget = widget == child ? NULL : gtk_widget_get_next_sibling (widget);
            }
        }
    }
  return NULL;
}

/* A text out of a PDF: what the import dropped (a running head, a page
 * number) is listed in the Problems panel; a row goes to its place and
 * its button puts the line back there. */
static void
test_import_report (void)
{
  Fixture f = { 0 };
  g_autofree char *name = g_strdup_printf ("import-report-%d.txt", (int) getpid ());
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *text =
    "The General Assembly,\n"
    "\n"
    "Recalling its resolution 70/1 of 25 September 2015,\n"
    "\n"
    "Noting with concern the report of the Secretary-General,\n"
    "\n"
    "1. Decides to establish a working group on the question;\n"
    "\n"
    "\f\n"
    "A/RES/79/999\n"
    "\n"
    "2. Requests the Secretary-General to report on the working group;\n"
    "\n"
    "3. Decides to remain seized of the matter.\n";
  GtkWidget *panel, *list_view, *button = NULL;
  GtkStack *stack;
  GtkTextIter cursor;
  g_autofree char *buffer_text = NULL;
  guint dropped = G_MAXUINT, line;
  GListModel *model;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  f.window = plenary_application_new_window (app);
  plenary_application_open_file (app, f.window, file);
  f.document = plenary_window_get_visible_document (f.window);
  plenary_test_spin_until (plenary_test_document_idle, f.document);
  f.view = plenary_page_get_view (plenary_window_get_visible_page (f.window));
  f.buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (f.view));
  f.problems = g_object_ref (plenary_page_get_problems (plenary_window_get_visible_page (f.window)));
  f.outline = g_object_ref (plenary_page_get_outline (plenary_window_get_visible_page (f.window)));
  plenary_test_spin_until (has_import_entries, &f);

  /* The symbol at the top of the page is not a paragraph… */
  buffer_text = plenary_test_buffer_text (f.document);
  g_assert_null (strstr (buffer_text, "A/RES/79/999"));
  g_assert_nonnull (strstr (buffer_text, "Requests the Secretary-General"));

  /* …and the Problems list says so, with a button to put it back. */
  model = G_LIST_MODEL (f.problems);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PlenaryProblemItem) item = g_list_model_get_item (model, i);

      if (strstr (plenary_problem_item_get_message (item), "A/RES/79/999") != NULL)
        {
          dropped = i;
          g_assert_true (plenary_problem_item_get_has_fix (item));
          g_assert_cmpstr (plenary_problem_item_get_fix_label (item), ==, "Put Back");
        }
    }
  g_assert_cmpuint (dropped, !=, G_MAXUINT);

  panel = adw_bin_get_child (f.window->problems_bin);
  stack = GTK_STACK (gtk_widget_get_first_child (panel));
  plenary_test_spin (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  list_view = gtk_widget_get_first_child (gtk_stack_get_child_by_name (stack, "list"));

  /* Clicking the row goes to where the line was: the paragraph after it. */
  g_signal_emit_by_name (list_view, "activate", dropped);
  gtk_text_buffer_get_iter_at_mark (f.buffer, &cursor, gtk_text_buffer_get_insert (f.buffer));
  line = gtk_text_iter_get_line (&cursor);
  {
    g_autofree char *there = dup_line (f.buffer, line);
    g_assert_true (g_str_has_prefix (there, "Requests the Secretary-General"));
  }

  /* Its button puts the line back there, and the entry goes. */
  button = row_button (list_view, dropped);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Put Back");
  g_signal_emit_by_name (button, "clicked");
  plenary_test_spin (50);
  {
    g_autofree char *restored = dup_line (f.buffer, line);
    g_autofree char *after = dup_line (f.buffer, line + 1);

    g_assert_cmpstr (restored, ==, "A/RES/79/999");
    g_assert_true (g_str_has_prefix (after, "Requests the Secretary-General"));
  }
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PlenaryProblemItem) item = g_list_model_get_item (model, i);

      g_assert_null (strstr (plenary_problem_item_get_message (item), "A/RES/79/999"));
    }

  f.document = NULL;
  fixture_close (&f);
  g_unlink (path);
}


/* The menu's Convert to Brief and Convert to Resolution: the text stays
 * line for line (sub-paragraphs are bullets of the brief), the draft's kind
 * changes, and converting back gives the resolution again. */
static void
test_convert_kind (void)
{
  Fixture f = { 0 };
  g_autofree char *resolution = NULL;
  g_autofree char *brief = NULL;
  g_autofree char *back = NULL;

  fixture_open_sample (&f);
  gtk_text_buffer_set_text (f.buffer,
                            "L'Assemblée générale,\n"
                            "Considérant que la question est urgente,\n"
                            "Décide que les États doivent :\n"
                            "\tfaire rapport chaque année ;\n"
                            "Décide de rester saisie de la question.", -1);
  plenary_document_sync_draft (f.document);
  resolution = plenary_test_buffer_text (f.document);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.convert-to-brief", NULL));
  plenary_test_spin (50);
  g_assert_cmpint (plenary_draft_get_kind (plenary_document_get_draft (f.document)), ==, PLENARY_DRAFT_KIND_BRIEF);
  brief = plenary_test_buffer_text (f.document);
  g_assert_cmpstr (brief, ==,
                   "L'Assemblée générale,\n"
                   "Considérant que la question est urgente,\n"
                   "Décide que les États doivent :\n"
                   "• faire rapport chaque année ;\n"
                   "Décide de rester saisie de la question.");
  g_assert_true (plenary_document_get_modified (f.document));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.convert-to-resolution", NULL));
  plenary_test_spin (50);
  g_assert_cmpint (plenary_draft_get_kind (plenary_document_get_draft (f.document)), ==, PLENARY_DRAFT_KIND_RESOLUTION);
  back = plenary_test_buffer_text (f.document);
  g_assert_cmpstr (back, ==, resolution);

  fixture_close (&f);
}

static void
test_empty_draft_has_no_problems (void)
{
  Fixture f = { 0 };
  GtkTextIter start;

  fixture_open_sample (&f);
  gtk_text_buffer_set_text (f.buffer, "", -1);
  plenary_problems_flush (f.problems);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.problems)), ==, 0);

  /* The first paragraph written without a formula: the formula is missing. */
  gtk_text_buffer_get_start_iter (f.buffer, &start);
  gtk_text_buffer_insert_interactive (f.buffer, &start, "Considérant que la question est urgente,", -1, TRUE);
  plenary_problems_flush (f.problems);
  g_assert_nonnull (find_problem (&f, 0, PLENARY_CHECK_MISSING_OPENING));

  gtk_text_buffer_set_text (f.buffer, "", -1);
  plenary_problems_flush (f.problems);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.problems)), ==, 0);
  g_assert_cmpuint (plenary_problems_get_n_problems (f.problems), ==, 0);

  fixture_close (&f);
}

/* After any edits, what was checked and listed line by line is what checking
 * and listing the whole text from scratch gives. */
static void
assert_same_as_from_scratch (Fixture *f)
{
  PlenaryDraft *draft = plenary_document_get_draft (f->document);
  g_autoptr(PlenaryClauseChecker) checker = NULL;
  g_autoptr(PlenaryOutline) fresh = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autofree char *text = NULL;
  GListModel *problems = G_LIST_MODEL (f->problems);
  GListModel *outline = G_LIST_MODEL (f->outline);
  GtkTextIter start, end;

  plenary_problems_flush (f->problems);
  plenary_outline_flush (f->outline);

  checker = plenary_clause_checker_new (plenary_line_index_get_dictionary (plenary_document_get_line_index (f->document)),
                                        plenary_draft_get_kind (draft));
  plenary_clause_checker_set_body (checker, plenary_metadata_get_string (plenary_draft_get_metadata (draft), "body"));
  gtk_text_buffer_get_bounds (f->buffer, &start, &end);
  text = gtk_text_buffer_get_text (f->buffer, &start, &end, TRUE);
  expected = plenary_clause_checker_check_text (checker, text, -1);

  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(PlenaryProblemItem) item = g_list_model_get_item (problems, i);
      const PlenaryCheckProblem *want = g_ptr_array_index (expected, i);
      const PlenaryCheckProblem *got = plenary_problem_item_get_problem (item);

      g_assert_cmpuint (got->line, ==, want->line);
      g_assert_cmpint (got->kind, ==, want->kind);
      g_assert_cmpuint (got->start, ==, want->start);
      g_assert_cmpuint (got->end, ==, want->end);
      g_assert_cmpstr (got->replacement, ==, want->replacement);
    }

  fresh = plenary_outline_new (f->document);
  plenary_outline_flush (fresh);
  g_assert_cmpuint (g_list_model_get_n_items (outline), ==, g_list_model_get_n_items (G_LIST_MODEL (fresh)));
  for (guint i = 0; i < g_list_model_get_n_items (outline); i++)
    {
      g_autoptr(PlenaryOutlineItem) got = g_list_model_get_item (outline, i);
      g_autoptr(PlenaryOutlineItem) want = g_list_model_get_item (G_LIST_MODEL (fresh), i);

      g_assert_cmpint (plenary_outline_item_get_kind (got), ==, plenary_outline_item_get_kind (want));
      g_assert_cmpuint (plenary_outline_item_get_line (got), ==, plenary_outline_item_get_line (want));
      g_assert_cmpstr (plenary_outline_item_get_marker (got), ==, plenary_outline_item_get_marker (want));
      g_assert_cmpstr (plenary_outline_item_get_phrase (got), ==, plenary_outline_item_get_phrase (want));
      g_assert_cmpstr (plenary_outline_item_get_words (got), ==, plenary_outline_item_get_words (want));
    }
}

static void
test_incremental_matches_full (void)
{
  static const char * const lines[] = {
    "Notant que la question est urgente,",
    "Notant que la question est urgente",
    "Prie le Secrétaire général de lui faire rapport ;",
    "Prie le Secrétaire général de lui faire rapport" NBSP ";",
    "\tde renforcer la coopération ;",
    "\t\tdans les régions rurales ;",
    "Décide de rester saisie de la question.",
    "Profondément préoccupée par la situation,",
    "",
  };
  static const char * const keys[] = { "a", "é", " ", ";", ",", ".", ":", "«", "»", "\t", NBSP };
  Fixture f = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261124);

  fixture_open_sample (&f);
  plenary_metadata_set_string (plenary_draft_get_metadata (plenary_document_get_draft (f.document)),
                               "body", "Conseil de sécurité");

  for (guint round = 0; round < 150; round++)
    {
      guint n = gtk_text_buffer_get_line_count (f.buffer);
      guint line = g_rand_int_range (rand, 0, n);
      GtkTextIter start, end;
      int chars;

      gtk_text_buffer_get_iter_at_line (f.buffer, &start, line);
      end = start;
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
      chars = gtk_text_iter_get_line_offset (&end);

      switch (g_rand_int_range (rand, 0, 5))
        {
        case 0:
          insert_line_after (&f, line, lines[g_rand_int_range (rand, 0, G_N_ELEMENTS (lines))]);
          break;
        case 1:
          if (!gtk_text_iter_forward_line (&end) && line > 0)
            gtk_text_iter_backward_char (&start);
          gtk_text_buffer_delete_interactive (f.buffer, &start, &end, TRUE);
          break;
        case 2:
          gtk_text_iter_set_line_offset (&start, g_rand_int_range (rand, 0, chars + 1));
          gtk_text_buffer_insert_interactive (f.buffer, &start, keys[g_rand_int_range (rand, 0, G_N_ELEMENTS (keys))],
                                              -1, TRUE);
          break;
        case 3:
          /* Joins the line with the next one. */
          if (gtk_text_iter_forward_char (&end))
            {
              start = end;
              gtk_text_iter_backward_char (&start);
              gtk_text_buffer_delete_interactive (f.buffer, &start, &end, TRUE);
            }
          break;
        default:
          gtk_text_iter_set_line_offset (&start, g_rand_int_range (rand, 0, chars + 1));
          gtk_text_buffer_insert_interactive (f.buffer, &start, "\n", -1, TRUE);
          break;
        }

      /* Several edits may come before the idle work runs. */
      if (g_rand_int_range (rand, 0, 3) == 0)
        assert_same_as_from_scratch (&f);
    }
  assert_same_as_from_scratch (&f);

  fixture_close (&f);
}

/* The outline lists sub-paragraphs under their paragraph, with their
 * markers, and renumbers them as they come and go. A document alone: the
 * outline needs no view. */
static void
test_outline_lists_subparagraphs (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(PlenaryDocument) document = plenary_document_new (draft, NULL);
  g_autoptr(PlenaryOutline) outline = plenary_outline_new (document);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (document));
  GListModel *model = G_LIST_MODEL (outline);
  const char *expected[][3] = {
    { "", "", "L'Assemblée générale," },
    { "", "Rappelant", "ses résolutions antérieures," },
    { "1.", "Prie", "le Secrétaire général :" },
    { "a)", "", "de faire rapport ;" },
    { "i)", "", "sur la coopération ;" },
    { "b)", "", "d'informer les États ;" },
    { "2.", "Décide", "de rester saisie de la question." },
  };
  GtkTextIter iter;

  gtk_text_buffer_set_text (buffer,
                            "L'Assemblée générale,\n"
                            "Rappelant ses résolutions antérieures,\n"
                            "Prie le Secrétaire général :\n"
                            "\tde faire rapport ;\n"
                            "\t\tsur la coopération ;\n"
                            "\td'informer les États ;\n"
                            "Décide de rester saisie de la question.", -1);
  plenary_outline_flush (outline);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(PlenaryOutlineItem) item = g_list_model_get_item (model, i);

      g_assert_cmpstr (plenary_outline_item_get_marker (item), ==, expected[i][0]);
      g_assert_cmpstr (plenary_outline_item_get_phrase (item), ==, expected[i][1]);
      g_assert_cmpstr (plenary_outline_item_get_words (item), ==, expected[i][2]);
    }
  {
    g_autoptr(PlenaryOutlineItem) item = g_list_model_get_item (model, 4);

    g_assert_cmpint (plenary_outline_item_get_kind (item), ==, PLENARY_OUTLINE_SUBPARAGRAPH);
    g_assert_cmpuint (plenary_outline_item_get_level (item), ==, 2);
    g_assert_cmpuint (plenary_outline_item_get_line (item), ==, 4);
  }

  /* A new first sub-paragraph: the others become b) and c). */
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 3);
  gtk_text_buffer_insert (buffer, &iter, "\td'agir ;\n", -1);
  plenary_outline_flush (outline);
  {
    g_autoptr(PlenaryOutlineItem) first = g_list_model_get_item (model, 3);
    g_autoptr(PlenaryOutlineItem) second = g_list_model_get_item (model, 4);
    g_autoptr(PlenaryOutlineItem) third = g_list_model_get_item (model, 6);

    g_assert_cmpstr (plenary_outline_item_get_marker (first), ==, "a)");
    g_assert_cmpstr (plenary_outline_item_get_words (first), ==, "d'agir ;");
    g_assert_cmpstr (plenary_outline_item_get_marker (second), ==, "b)");
    g_assert_cmpstr (plenary_outline_item_get_marker (third), ==, "c)");
  }
}

int
main (int   argc,
      char *argv[])
{
  app = plenary_test_init (&argc, &argv);

  g_test_add_func ("/editor-panels/outline-of-sample", test_outline_of_sample);
  g_test_add_func ("/editor-panels/outline-follows-typing", test_outline_follows_typing);
  g_test_add_func ("/editor-panels/outline-row-moves-cursor", test_outline_row_moves_cursor);
  g_test_add_func ("/editor-panels/final-period-fix", test_final_period_fix);
  g_test_add_func ("/editor-panels/moving-last-line", test_moving_last_line);
  g_test_add_func ("/editor-panels/preambular-comma-fix", test_preambular_comma_fix);
  g_test_add_func ("/editor-panels/typography-fix", test_typography_fix);
  g_test_add_func ("/editor-panels/agreement-follows-body", test_agreement_follows_body);
  g_test_add_func ("/editor-panels/problems-panel", test_problems_panel);
  g_test_add_func ("/editor-panels/import-report", test_import_report);
  g_test_add_func ("/editor-panels/convert-kind", test_convert_kind);
  g_test_add_func ("/editor-panels/empty-draft", test_empty_draft_has_no_problems);
  g_test_add_func ("/editor-panels/incremental-matches-full", test_incremental_matches_full);
  g_test_add_func ("/editor-panels/outline-subparagraphs", test_outline_lists_subparagraphs);

  return plenary_test_run (app);
}
