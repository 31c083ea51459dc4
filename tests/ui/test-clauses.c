/* test-clauses.c: clause picker, phrase completion and header form under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>

#include "plenary-test-utils.h"
#include "plenary-clause-picker.h"
#include "plenary-header-form.h"
#include "plenary-phrase-completion.h"
#include "plenary-window-private.h"

static PlenaryApplication *app;

static gboolean
is_not_null (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static gboolean
document_saved (gpointer data)
{
  return !plenary_document_get_busy (data) && !plenary_document_get_modified (data);
}

typedef struct
{
  PlenaryWindow     *window;
  PlenaryDocument   *document;
  PlenaryEditorView *view;
  GtkTextBuffer     *buffer;
} Fixture;

static void
fixture_open (Fixture    *f,
              const char *template)
{
  f->window = plenary_application_new_window (app);
  plenary_test_spin (50);
  plenary_application_new_draft (app, f->window, template);
  plenary_test_spin (50);

  f->document = plenary_window_get_visible_document (f->window);
  g_assert_nonnull (f->document);
  f->view = plenary_page_get_view (plenary_window_get_visible_page (f->window));
  f->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->view));
}

static void
fixture_close (Fixture *f)
{
  f->window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (f->window));
  plenary_test_spin (50);
}

static void
set_text (Fixture    *f,
          const char *text)
{
  GtkTextIter end;

  gtk_text_buffer_set_text (f->buffer, text, -1);
  gtk_text_buffer_get_end_iter (f->buffer, &end);
  gtk_text_buffer_place_cursor (f->buffer, &end);
  plenary_test_spin (50);
}

static void
place_cursor (Fixture *f,
              guint    line,
              guint    offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line_offset (f->buffer, &iter, line, offset);
  gtk_text_buffer_place_cursor (f->buffer, &iter);
}

static char *
dup_line (Fixture *f,
          guint    line)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (f->buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  return gtk_text_iter_get_slice (&start, &end);
}

/* The field a user finds next to the label LABEL. */
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

/* The header's question: a wrapping text view (in its scrolled window)
 * under its placeholder. */
static GtkWidget *
find_question (GtkWidget  *widget,
               const char *placeholder)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), placeholder) == 0 &&
      GTK_IS_OVERLAY (gtk_widget_get_parent (widget)))
    return gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (gtk_overlay_get_child (GTK_OVERLAY (gtk_widget_get_parent (widget)))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_question (child, placeholder);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
set_question (GtkWidget  *question,
              const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (question)), text, -1);
}

/* A real key press, through the X server to the focused window (xdotool
 * under Xvfb): GtkSourceView 5.16 hands each key to the input method first,
 * which needs the event a signal emitted by hand does not have. */
static void
press_key (GtkWidget  *widget,
           const char *key)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  /* A title of its own: tests run side by side on one display. */
  g_autofree char *title = g_strdup_printf ("test-clauses-%d", (int) getpid ());
  g_autofree char *pattern = g_strdup_printf ("^%s$", title);
  const char *argv[] = { "xdotool", "search", "--sync", "--onlyvisible", "--limit", "1", "--name", pattern,
                         "windowfocus", "--sync", "key", key, NULL };

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_widget_grab_focus (widget);
  plenary_test_run_command (argv);
}

/* Typing over the selected placeholder, as a user does. */
static void
type_text (Fixture    *f,
           const char *text)
{
  gtk_text_buffer_begin_user_action (f->buffer);
  gtk_text_buffer_delete_selection (f->buffer, TRUE, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (f->buffer, text, -1, TRUE);
  gtk_text_buffer_end_user_action (f->buffer);
  plenary_test_spin (50);
}

static char *
selected_text (Fixture *f)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_selection_bounds (f->buffer, &start, &end);
  return gtk_text_iter_get_slice (&start, &end);
}

static char *selection_before;

static gboolean
selection_moved (gpointer data)
{
  g_autofree char *selected = selected_text (data);

  return g_strcmp0 (selected, selection_before) != 0;
}

typedef struct
{
  PlenaryClausePicker *picker;
  GtkListBox          *list;
} Picker;

static void
open_picker (Fixture    *f,
             Picker     *p,
             const char *search)
{
  GtkWidget *entry;

  p->picker = plenary_clause_picker_new (f->view);
  g_object_add_weak_pointer (G_OBJECT (p->picker), (gpointer *) &p->picker);
  gtk_window_present (GTK_WINDOW (p->picker));
  plenary_test_spin (50);

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (p->picker)) == GTK_WINDOW (f->window));
  entry = plenary_test_find_child (GTK_WIDGET (p->picker), GTK_TYPE_SEARCH_ENTRY);
  p->list = GTK_LIST_BOX (plenary_test_find_child (GTK_WIDGET (p->picker), GTK_TYPE_LIST_BOX));
  g_assert_nonnull (entry);
  g_assert_nonnull (p->list);

  gtk_editable_set_text (GTK_EDITABLE (entry), search);
  /* The search entry waits a moment for more typing. */
  for (int i = 0; i < 6; i++)
    plenary_test_spin (50);
}

/* The bold phrase of ROW, as shown. */
static const char *
row_phrase (GtkListBoxRow *row)
{
  GtkWidget *label = plenary_test_find_child (GTK_WIDGET (row), GTK_TYPE_LABEL);

  return gtk_label_get_text (GTK_LABEL (label));
}

static void
activate_first_row (Picker *p)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (p->list, 0);

  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  plenary_test_spin (50);
  /* Choosing closes the picker. */
  g_assert_null (p->picker);
}

static void
test_picker_inserts_template_with_tab_stops (void)
{
  Fixture f;
  Picker p;
  GtkListBoxRow *row;
  g_autofree char *line = NULL;
  g_autofree char *selected = NULL;
  g_autofree char *filled = NULL;

  fixture_open (&f, "resolution-fr");
  set_text (&f, "L'Assemblée générale,\nRappelant ses résolutions antérieures,\n"
                "Décide d'examiner la question ;\n\tde manière approfondie ;\n"
                "Invite les États à coopérer.");
  /* The cursor in an operative paragraph with a sub-paragraph. */
  place_cursor (&f, 2, 5);

  open_picker (&f, &p, "prie le secr");
  row = gtk_list_box_get_row_at_index (p.list, 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (row_phrase (row), ==, "Prie");
  activate_first_row (&p);

  /* A new paragraph after the sub-paragraphs of the one at the cursor. */
  g_assert_cmpint (gtk_text_buffer_get_line_count (f.buffer), ==, 6);
  line = dup_line (&f, 3);
  g_assert_cmpstr (line, ==, "\tde manière approfondie ;");
  g_clear_pointer (&line, g_free);
  line = dup_line (&f, 4);
  g_assert_cmpstr (line, ==, "Prie le Secrétaire général de lui présenter, à sa quatre-vingtième session, "
                             "un rapport sur l'application de la présente résolution\xc2\xa0;");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f.window)) == GTK_WIDGET (f.view));

  /* The first placeholder is selected: typing replaces it, Tab moves on. */
  selected = selected_text (&f);
  g_assert_cmpstr (selected, ==, "quatre-vingtième");
  type_text (&f, "quatre-vingt-unième");
  selection_before = selected_text (&f);
  press_key (GTK_WIDGET (f.view), "Tab");
  plenary_test_spin_until (selection_moved, &f);
  g_clear_pointer (&selection_before, g_free);
  g_clear_pointer (&selected, g_free);
  selected = selected_text (&f);
  g_assert_cmpstr (selected, ==, "l'application de la présente résolution");
  type_text (&f, "la mise en œuvre de ses recommandations");

  filled = dup_line (&f, 4);
  g_assert_cmpstr (filled, ==, "Prie le Secrétaire général de lui présenter, à sa quatre-vingt-unième session, "
                               "un rapport sur la mise en œuvre de ses recommandations\xc2\xa0;");
  g_clear_pointer (&line, g_free);
  line = dup_line (&f, 5);
  g_assert_cmpstr (line, ==, "Invite les États à coopérer.");

  fixture_close (&f);
}

/* The example under the phrase of ROW, as shown. */
static const char *
row_example (GtkListBoxRow *row)
{
  GtkWidget *box = gtk_list_box_row_get_child (row);

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (box)));
}

static char *
insert_through_picker (Fixture    *f,
                       const char *body,
                       const char *search,
                       char      **shown)
{
  g_autofree char *example = NULL;
  Picker p;

  plenary_metadata_set_string (plenary_draft_get_metadata (plenary_document_get_draft (f->document)), "body", body);
  set_text (f, "Rappelant ses résolutions antérieures,\n\nDécide de rester saisi de la question.");
  /* On the blank line: the clause goes there. */
  place_cursor (f, 1, 0);

  open_picker (f, &p, search);
  *shown = g_strdup (row_phrase (gtk_list_box_get_row_at_index (p.list, 0)));
  /* The example is in the same form as the phrase. */
  example = g_strconcat (*shown, " ", NULL);
  g_assert_true (g_str_has_prefix (row_example (gtk_list_box_get_row_at_index (p.list, 0)), example));
  activate_first_row (&p);
  g_assert_cmpint (gtk_text_buffer_get_line_count (f->buffer), ==, 3);

  return dup_line (f, 1);
}

static void
test_picker_agrees_with_body (void)
{
  Fixture f;
  g_autofree char *assembly = NULL;
  g_autofree char *council = NULL;
  g_autofree char *assembly_row = NULL;
  g_autofree char *council_row = NULL;

  fixture_open (&f, "resolution-fr");

  /* Searching ignores case and accents. */
  assembly = insert_through_picker (&f, "Assemblée générale", "PROFONDEMENT preoccup", &assembly_row);
  g_assert_cmpstr (assembly_row, ==, "Profondément préoccupée par");
  g_assert_cmpstr (assembly, ==, "Profondément préoccupée par la persistance des conflits armés dans la région,");

  council = insert_through_picker (&f, "Conseil de sécurité", "profondément préoccupé", &council_row);
  g_assert_cmpstr (council_row, ==, "Profondément préoccupé par");
  g_assert_cmpstr (council, ==, "Profondément préoccupé par la persistance des conflits armés dans la région,");

  fixture_close (&f);
}

static const char *
first_phrase_of (Fixture            *f,
                 PlenaryPhraseGroup  group)
{
  GListModel *entries = plenary_phrase_dictionary_get_entries (plenary_line_index_get_dictionary (plenary_document_get_line_index (f->document)));

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PlenaryPhraseEntry) entry = g_list_model_get_item (entries, i);

      /* Under the Assembly: feminine singular. */
      if (plenary_phrase_entry_get_group (entry) == group)
        return plenary_phrase_entry_get_form (entry, PLENARY_FORM_F);
    }

  g_assert_not_reached ();
}

static void
test_picker_escape_and_empty_search (void)
{
  Fixture f;
  Picker p;
  GtkListBoxRow *row;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkTextIter start, end;
  GtkStack *stack;

  fixture_open (&f, "resolution-fr");
  gtk_text_buffer_get_bounds (f.buffer, &start, &end);
  before = gtk_text_buffer_get_text (f.buffer, &start, &end, TRUE);

  /* From an operative paragraph, the operative phrases are offered first. */
  place_cursor (&f, 2, 0);
  open_picker (&f, &p, "");
  row = gtk_list_box_get_selected_row (p.list);
  g_assert_nonnull (row);
  g_assert_cmpstr (row_phrase (row), ==, first_phrase_of (&f, PLENARY_PHRASE_GROUP_OPERATIVE));
  g_assert_cmpint (gtk_list_box_row_get_index (row), ==,
                   plenary_phrase_dictionary_count_group (plenary_line_index_get_dictionary (plenary_document_get_line_index (f.document)),
                                                          PLENARY_PHRASE_GROUP_PREAMBULAR));
  gtk_window_close (GTK_WINDOW (p.picker));
  plenary_test_spin (50);
  g_assert_null (p.picker);

  /* From a preambular one, the preambular phrases. */
  place_cursor (&f, 1, 0);
  open_picker (&f, &p, "");
  row = gtk_list_box_get_selected_row (p.list);
  g_assert_cmpstr (row_phrase (row), ==, first_phrase_of (&f, PLENARY_PHRASE_GROUP_PREAMBULAR));
  gtk_window_close (GTK_WINDOW (p.picker));
  plenary_test_spin (50);

  open_picker (&f, &p, "zzzz introuvable");
  stack = GTK_STACK (plenary_test_find_child (GTK_WIDGET (p.picker), GTK_TYPE_STACK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  /* Escape in the search closes without inserting anything. */
  g_signal_emit_by_name (plenary_test_find_child (GTK_WIDGET (p.picker), GTK_TYPE_SEARCH_ENTRY), "stop-search");
  plenary_test_spin (50);
  g_assert_null (p.picker);

  gtk_text_buffer_get_bounds (f.buffer, &start, &end);
  after = gtk_text_buffer_get_text (f.buffer, &start, &end, TRUE);
  g_assert_cmpstr (before, ==, after);

  fixture_close (&f);
}

/* Completion ----------------------------------------------------------- */

static void
populated_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GListModel **model = user_data;
  g_autoptr(GError) error = NULL;

  *model = gtk_source_completion_provider_populate_finish (GTK_SOURCE_COMPLETION_PROVIDER (object),
                                                           result, &error);
  g_assert_no_error (error);
}

static GtkSourceCompletionContext *
new_context (Fixture *f)
{
  return g_object_new (GTK_SOURCE_TYPE_COMPLETION_CONTEXT,
                       "completion", gtk_source_view_get_completion (GTK_SOURCE_VIEW (f->view)),
                       NULL);
}

/* What the provider proposes at the cursor: the phrases, in order. */
static GPtrArray *
propose (Fixture                     *f,
         GtkSourceCompletionProvider *provider,
         GListModel                 **out_model)
{
  g_autoptr(GtkSourceCompletionContext) context = new_context (f);
  GListModel *model = NULL;
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  gtk_source_completion_provider_populate_async (provider, context, NULL, populated_cb, &model);
  plenary_test_spin_until (is_not_null, &model);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkSourceCompletionProposal) proposal = g_list_model_get_item (model, i);
      g_ptr_array_add (texts, gtk_source_completion_proposal_get_typed_text (proposal));
    }

  if (out_model != NULL)
    *out_model = model;
  else
    g_object_unref (model);

  return texts;
}

static gboolean
contains (GPtrArray  *texts,
          const char *text)
{
  return g_ptr_array_find_with_equal_func (texts, text, g_str_equal, NULL);
}

static void
test_completion_at_paragraph_start (void)
{
  Fixture f;
  g_autoptr(GtkSourceCompletionProvider) provider = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autofree char *line = NULL;
  guint i;

  fixture_open (&f, "resolution-fr");
  provider = plenary_phrase_completion_new (f.view);

  set_text (&f, "L'Assemblée générale,\nRappelant ses résolutions antérieures,\nNotant av");
  texts = propose (&f, provider, &model);
  g_assert_true (contains (texts, "Notant avec préoccupation"));
  g_assert_true (contains (texts, "Notant avec satisfaction"));
  for (i = 0; i < texts->len; i++)
    g_assert_true (g_str_has_prefix (g_ptr_array_index (texts, i), "Notant av"));

  /* Typing on refilters what was proposed. */
  gtk_text_buffer_insert_at_cursor (f.buffer, "ec s", -1);
  {
    g_autoptr(GtkSourceCompletionContext) context = new_context (&f);
    gtk_source_completion_provider_refilter (provider, context, model);
  }
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 1);
  for (i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkSourceCompletionProposal) proposal = g_list_model_get_item (model, i);
      g_autofree char *text = gtk_source_completion_proposal_get_typed_text (proposal);
      g_assert_true (g_str_has_prefix (text, "Notant avec s"));
    }
  g_clear_pointer (&texts, g_ptr_array_unref);
  g_clear_object (&model);

  /* Without case or accents, in the form that agrees with the Assembly;
   * before any operative paragraph, preambular phrases come first. */
  set_text (&f, "L'Assemblée générale,\nprofondement pre");
  texts = propose (&f, provider, &model);
  g_assert_cmpuint (texts->len, >=, 1);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "Profondément préoccupée par");
  g_clear_pointer (&texts, g_ptr_array_unref);

  /* Choosing replaces what was typed with the phrase and a space. */
  {
    g_autoptr(GtkSourceCompletionContext) context = new_context (&f);
    g_autoptr(GtkSourceCompletionProposal) proposal = g_list_model_get_item (model, 0);
    GtkTextIter cursor;

    gtk_source_completion_provider_activate (provider, context, proposal);
    line = dup_line (&f, 1);
    g_assert_cmpstr (line, ==, "Profondément préoccupée par ");
    gtk_text_buffer_get_iter_at_mark (f.buffer, &cursor, gtk_text_buffer_get_insert (f.buffer));
    g_assert_true (gtk_text_iter_is_end (&cursor));
  }
  g_clear_object (&model);

  /* After an operative paragraph only operative and closing phrases. */
  set_text (&f, "L'Assemblée générale,\nRappelant ses résolutions antérieures,\n"
                "Décide d'examiner la question ;\nNot");
  texts = propose (&f, provider, NULL);
  g_assert_true (contains (texts, "Note"));
  g_assert_true (contains (texts, "Note avec préoccupation"));
  g_assert_false (contains (texts, "Notant"));
  g_assert_false (contains (texts, "Notant avec préoccupation"));
  for (i = 0; i < texts->len; i++)
    {
      PlenaryPhraseEntry *entry = plenary_phrase_dictionary_find_entry (plenary_line_index_get_dictionary (plenary_document_get_line_index (f.document)),
                                                                        g_ptr_array_index (texts, i));
      if (entry != NULL)
        g_assert_cmpint (plenary_phrase_entry_get_group (entry), !=, PLENARY_PHRASE_GROUP_PREAMBULAR);
    }
  g_clear_pointer (&texts, g_ptr_array_unref);

  /* Not in the middle of a word. */
  set_text (&f, "L'Assemblée générale,\nNotantes");
  place_cursor (&f, 1, 3);
  texts = propose (&f, provider, NULL);
  g_assert_cmpuint (texts->len, ==, 0);
  g_clear_pointer (&texts, g_ptr_array_unref);

  /* Nor further in a paragraph, nor in a sub-paragraph. */
  set_text (&f, "L'Assemblée générale,\nRappelant les efforts not");
  texts = propose (&f, provider, NULL);
  g_assert_cmpuint (texts->len, ==, 0);
  g_clear_pointer (&texts, g_ptr_array_unref);

  set_text (&f, "L'Assemblée générale,\nDécide d'agir ;\n\tNot");
  texts = propose (&f, provider, NULL);
  g_assert_cmpuint (texts->len, ==, 0);

  fixture_close (&f);
}

/* Header form ---------------------------------------------------------- */

static void
document_saved_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (plenary_document_save_finish (PLENARY_DOCUMENT (object), result, &error));
  g_assert_no_error (error);
}

static void
test_header_form_edits_metadata_and_saves (void)
{
  Fixture f;
  GtkWidget *form = plenary_header_form_new ();
  PlenaryMetadata *metadata;
  GtkWidget *question, *forum, *submitted, *co_sponsors, *signatories, *body;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plenary-clauses-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "Entête.plenary.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char * const signers[] = { "Chili", "Pérou", NULL };
  JsonObject *saved;
  JsonArray *array;

  g_assert_no_error (error);
  fixture_open (&f, "resolution-fr");
  g_object_ref_sink (form);
  plenary_header_form_set_document (PLENARY_HEADER_FORM (form), f.document);
  metadata = plenary_draft_get_metadata (plenary_document_get_draft (f.document));
  g_assert_true (plenary_header_form_get_metadata (PLENARY_HEADER_FORM (form)) == metadata);

  question = find_question (form, "Question");
  forum = find_field (form, "Forum");
  submitted = find_field (form, "Submitted by");
  co_sponsors = find_field (form, "Co-sponsors");
  signatories = find_field (form, "Signatories");
  body = find_field (form, "Body");
  g_assert_nonnull (question);
  g_assert_nonnull (forum);
  g_assert_nonnull (submitted);
  g_assert_nonnull (co_sponsors);
  g_assert_nonnull (signatories);
  g_assert_nonnull (body);

  /* The header shows what the draft holds. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (body)), ==, "Assemblée générale");

  /* The known bodies are offered beside the body's field. */
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (plenary_test_find_child (form, GTK_TYPE_MENU_BUTTON));
    GMenuModel *bodies = gtk_menu_button_get_menu_model (button);
    g_autofree char *first = NULL;

    g_assert_cmpint (g_menu_model_get_n_items (bodies), >=, 2);
    g_assert_true (g_menu_model_get_item_attribute (bodies, 0, G_MENU_ATTRIBUTE_LABEL, "s", &first));
    g_assert_cmpstr (first, ==, "Assemblée générale");
    g_assert_true (gtk_widget_activate_action (form, "header-form.set-body", "s", "Conseil économique et social"));
    g_assert_cmpstr (plenary_metadata_get_string (metadata, "body"), ==, "Conseil économique et social");
  }

  /* Edits go into the draft's header, lists trimmed and split. */
  /* A line break typed or pasted in the question is a space. */
  set_question (question, "Coopération\nnumérique");
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "question"), ==, "Coopération numérique");
  set_question (question, "Coopération numérique");
  gtk_editable_set_text (GTK_EDITABLE (forum), "Troisième Commission");
  gtk_editable_set_text (GTK_EDITABLE (submitted), "France");
  gtk_editable_set_text (GTK_EDITABLE (co_sponsors), " Mexique,Sénégal ;\n Japon ,, ");
  gtk_editable_set_text (GTK_EDITABLE (body), "Conseil de sécurité");
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "question"), ==, "Coopération numérique");
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "forum"), ==, "Troisième Commission");
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "submitted-by"), ==, "France");
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "body"), ==, "Conseil de sécurité");
  g_assert_cmpstrv (plenary_metadata_get_co_sponsors (metadata),
                    ((const char * const[]) { "Mexique", "Sénégal", "Japon", NULL }));
  g_assert_true (plenary_document_get_modified (f.document));

  /* While a list is being typed, its text stays as typed. */
  gtk_editable_set_text (GTK_EDITABLE (co_sponsors), "Mexique, ");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (co_sponsors)), ==, "Mexique, ");

  /* And the header's changes show in the form. */
  plenary_metadata_set_signatories (metadata, signers);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (signatories)), ==, "Chili, Pérou");

  plenary_document_save_async (f.document, file, FALSE, NULL, document_saved_cb, NULL);
  plenary_test_spin_until (document_saved, f.document);

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  saved = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "metadata");
  g_assert_cmpstr (json_object_get_string_member (saved, "question"), ==, "Coopération numérique");
  g_assert_cmpstr (json_object_get_string_member (saved, "forum"), ==, "Troisième Commission");
  g_assert_cmpstr (json_object_get_string_member (saved, "submitted_by"), ==, "France");
  g_assert_cmpstr (json_object_get_string_member (saved, "body"), ==, "Conseil de sécurité");
  array = json_object_get_array_member (saved, "co_sponsors");
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (array, 0), ==, "Mexique");
  array = json_object_get_array_member (saved, "signatories");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (array, 1), ==, "Pérou");

  g_object_unref (form);
  fixture_close (&f);
}

static void
test_header_form_for_brief (void)
{
  Fixture f;
  GtkWidget *form = plenary_header_form_new ();
  GtkWidget *committee, *delegation, *topic, *page_limit;
  PlenaryMetadata *metadata;

  fixture_open (&f, "position-paper-fr");
  g_object_ref_sink (form);
  plenary_header_form_set_document (PLENARY_HEADER_FORM (form), f.document);
  metadata = plenary_draft_get_metadata (plenary_document_get_draft (f.document));

  /* A brief's labels say what its fields mean. */
  committee = find_field (form, "Committee");
  delegation = find_field (form, "Delegation");
  topic = find_question (form, "Topic");
  page_limit = find_field (form, "Page limit");
  g_assert_nonnull (committee);
  g_assert_nonnull (delegation);
  g_assert_nonnull (topic);
  g_assert_nonnull (page_limit);
  g_assert_true (gtk_widget_is_visible (page_limit));
  g_assert_false (gtk_widget_is_visible (find_field (form, "Co-sponsors")));
  g_assert_false (gtk_widget_is_visible (find_field (form, "Body")));

  gtk_editable_set_text (GTK_EDITABLE (committee), "Première Commission");
  gtk_editable_set_text (GTK_EDITABLE (delegation), "Canada");
  set_question (topic, "Désarmement nucléaire");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (page_limit), 3);
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "forum"), ==, "Première Commission");
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "submitted-by"), ==, "Canada");
  g_assert_cmpstr (plenary_metadata_get_string (metadata, "question"), ==, "Désarmement nucléaire");
  g_assert_cmpuint (plenary_metadata_get_page_limit (metadata), ==, 3);

  g_object_unref (form);
  fixture_close (&f);
}

static void
test_split_names (void)
{
  g_auto(GStrv) names = plenary_header_form_split_names ("France,  Mexique\nSénégal ; \n,Côte d’Ivoire");
  g_auto(GStrv) none = plenary_header_form_split_names (" , \n ");

  g_assert_cmpstrv (names, ((const char * const[]) { "France", "Mexique", "Sénégal", "Côte d’Ivoire", NULL }));
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  app = plenary_test_init (&argc, &argv);

  g_test_add_func ("/clauses/picker-template-tab-stops", test_picker_inserts_template_with_tab_stops);
  g_test_add_func ("/clauses/picker-agreement", test_picker_agrees_with_body);
  g_test_add_func ("/clauses/picker-escape-empty", test_picker_escape_and_empty_search);
  g_test_add_func ("/clauses/completion", test_completion_at_paragraph_start);
  g_test_add_func ("/clauses/header-form-save", test_header_form_edits_metadata_and_saves);
  g_test_add_func ("/clauses/header-form-brief", test_header_form_for_brief);
  g_test_add_func ("/clauses/split-names", test_split_names);

  return plenary_test_run (app);
}
