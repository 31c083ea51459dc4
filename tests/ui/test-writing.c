/* test-writing.c: spelling, find and replace, Fix All, counts and zoom on
 * real windows under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plenary-annotations.h"
#include "plenary-draft-spelling.h"
#include "plenary-page.h"
#include "plenary-problems-panel.h"
#include "plenary-search-bar.h"
#include "plenary-spell-highlighter.h"
#include "plenary-test-utils.h"
#include "plenary-window.h"

static PlenaryApplication *app;

typedef struct
{
  PlenaryWindow   *window;
  PlenaryPage     *page;
  PlenaryDocument *document;
  GtkTextBuffer   *buffer;
  const char      *word;      /* what the test waits for */
} Fixture;

static void
fixture_open (Fixture      *f,
              const char   *language,
              const char   *body,
              const char   *sponsor)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, language);
  PlenaryMetadata *metadata = plenary_draft_get_metadata (draft);
  const char *sponsors[] = { sponsor, NULL };

  plenary_metadata_set_string (metadata, "body", body);
  plenary_metadata_set_co_sponsors (metadata, sponsors);

  f->window = plenary_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (f->window));
  f->document = plenary_document_new (draft, "Writing");
  f->page = plenary_window_add_document (f->window, f->document);
  f->buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (f->document));
  plenary_test_spin (100);
}

static void
fixture_close (Fixture *f)
{
  plenary_window_set_close_confirmed (f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->document);
  plenary_test_spin (50);
}

/* Types TEXT at the cursor, as the keyboard does. */
static void
type (Fixture    *f,
      const char *text)
{
  gtk_text_buffer_begin_user_action (f->buffer);
  gtk_text_buffer_insert_interactive_at_cursor (f->buffer, text, -1, TRUE);
  gtk_text_buffer_end_user_action (f->buffer);
}

/* Whether the first occurrence of WORD in the buffer is underlined. */
static gboolean
is_underlined (Fixture    *f,
               const char *word)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (f->buffer),
                                               PLENARY_SPELL_HIGHLIGHTER_TAG);
  GtkTextIter start, match_start, match_end;

  gtk_text_buffer_get_start_iter (f->buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, word, 0, &match_start, &match_end, NULL));

  if (tag == NULL)
    return FALSE;

  for (GtkTextIter iter = match_start; gtk_text_iter_compare (&iter, &match_end) < 0; gtk_text_iter_forward_char (&iter))
    if (gtk_text_iter_has_tag (&iter, tag))
      return TRUE;

  return FALSE;
}

static gboolean
word_underlined (gpointer data)
{
  Fixture *f = data;
  return is_underlined (f, f->word);
}

static gboolean
word_not_underlined (gpointer data)
{
  return !word_underlined (data);
}

static void
test_spelling_french (void)
{
  Fixture f = { 0 };

  fixture_open (&f, "fr", "Assemblée générale", "Zorglandie");
  type (&f, "L'Assemblée générale,\n"
            "Notant avec préoccupation la position de la Zorglandie (A/C.3/80/L.7, S/RES/2758 (2024)) "
            "et celle de la Türkiye,\n"
            "Décide que la Commision se réunira.");

  /* Checked in the background, then the misspelt word alone is underlined. */
  f.word = "Commision";
  plenary_test_spin_until (word_underlined, &f);
  g_assert_false (is_underlined (&f, "Notant avec préoccupation"));
  g_assert_false (is_underlined (&f, "Assemblée"));
  g_assert_false (is_underlined (&f, "Zorglandie"));
  g_assert_false (is_underlined (&f, "A/C.3/80/L.7"));
  g_assert_false (is_underlined (&f, "S/RES/2758"));
  g_assert_false (is_underlined (&f, "Türkiye"));
  g_assert_false (is_underlined (&f, "Décide"));

  /* Off in Preferences (or the View menu): the underlines go. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_boolean (settings, "spell-check", FALSE);
    plenary_test_spin_until (word_not_underlined, &f);
    g_settings_set_boolean (settings, "spell-check", TRUE);
    plenary_test_spin_until (word_underlined, &f);
  }

  /* Corrected: checked again, no underline. */
  {
    GtkTextIter start, match_start, match_end;

    gtk_text_buffer_get_start_iter (f.buffer, &start);
    g_assert_true (gtk_text_iter_forward_search (&start, "Commision", 0, &match_start, &match_end, NULL));
    gtk_text_buffer_delete (f.buffer, &match_start, &match_end);
    gtk_text_buffer_insert (f.buffer, &match_start, "Commission", -1);
    f.word = "Commission";
    plenary_test_spin_until (word_not_underlined, &f);
  }

  /* The word being typed waits for the cursor to leave it. */
  {
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (f.buffer, &end);
    gtk_text_buffer_place_cursor (f.buffer, &end);
    type (&f, "\nPrie le Comitté et la Conférance");
    f.word = "Comitté";
    plenary_test_spin_until (word_underlined, &f);
    g_assert_false (is_underlined (&f, "Conférance"));

    gtk_text_buffer_get_start_iter (f.buffer, &end);
    gtk_text_buffer_place_cursor (f.buffer, &end);
    f.word = "Conférance";
    plenary_test_spin_until (word_underlined, &f);
  }

  fixture_close (&f);
}

static void
test_spelling_english (void)
{
  Fixture f = { 0 };

  fixture_open (&f, "en", "General Assembly", "Zorglandia");
  type (&f, "The General Assembly,\n"
            "Recognizing the role of the Organization and the initiative of Zorglandia,\n"
            "Requests the Secretary-General to report on the gouvernment and the Kwaxala findings.");

  f.word = "gouvernment";
  plenary_test_spin_until (word_underlined, &f);
  g_assert_true (is_underlined (&f, "Kwaxala"));

  /* A source added to the draft: the words of its title are known. */
  {
    g_autoptr(PlenarySource) source = plenary_source_new ("s1", "The Kwaxala Report", "", "text/plain", "Text.");

    g_list_store_append (plenary_draft_get_sources (plenary_document_get_draft (f.document)), source);
    f.word = "Kwaxala";
    plenary_test_spin_until (word_not_underlined, &f);
    g_assert_true (is_underlined (&f, "gouvernment"));
  }
  /* UN English (-ize), phrases, the delegation in the header. */
  g_assert_false (is_underlined (&f, "Recognizing"));
  g_assert_false (is_underlined (&f, "Organization"));
  g_assert_false (is_underlined (&f, "Zorglandia"));
  g_assert_false (is_underlined (&f, "Secretary-General"));
  g_assert_false (is_underlined (&f, "Requests"));

  fixture_close (&f);
}

static gboolean
entry_underlined (gpointer data)
{
  PangoAttrList *attrs = gtk_entry_get_attributes (GTK_ENTRY (data));
  g_autoslist(PangoAttribute) list = attrs != NULL ? pango_attr_list_get_attributes (attrs) : NULL;

  return list != NULL;
}

/* A comment is written in the drafting language and checked as typed. */
static void
test_spelling_comment (void)
{
  Fixture f = { 0 };
  GtkWidget *entry = gtk_entry_new ();
  PangoAttrList *attrs;

  fixture_open (&f, "fr", "Assemblée générale", "Zorglandie");
  g_object_ref_sink (entry);

  {
    /* The checker the comments panel gives its entries: the draft's. */
    PlenarySpellChecker *checker = plenary_draft_spelling_get_checker (plenary_page_get_spelling (plenary_window_get_visible_page (f.window)));

    g_assert_nonnull (checker);
    plenary_spell_entry_set_checker (GTK_ENTRY (entry), checker);
    gtk_editable_set_text (GTK_EDITABLE (entry), "La Zorglandie demande un chnagement du texte.");
    gtk_editable_set_position (GTK_EDITABLE (entry), -1);
    g_assert_true (entry_underlined (entry));

    attrs = gtk_entry_get_attributes (GTK_ENTRY (entry));
    {
      g_autoslist(PangoAttribute) list = pango_attr_list_get_attributes (attrs);
      PangoAttribute *first = list->data;
      const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

      g_assert_cmpint (strncmp (text + first->start_index, "chnagement", first->end_index - first->start_index), ==, 0);
    }

    gtk_editable_set_text (GTK_EDITABLE (entry), "La Zorglandie demande un changement du texte.");
    g_assert_false (entry_underlined (entry));
  }

  g_object_unref (entry);
  fixture_close (&f);
}

static PlenaryCheckProblem *
first_problem_of (PlenaryProblems  *problems,
                  PlenaryCheckKind  kind)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (problems)); i++)
    {
      g_autoptr(PlenaryProblemItem) item = g_list_model_get_item (G_LIST_MODEL (problems), i);

      if (plenary_problem_item_get_problem (item)->kind == kind)
        return plenary_check_problem_copy (plenary_problem_item_get_problem (item));
    }

  return NULL;
}

/* The sample draft has many typography problems of one kind: Fix All in
 * the Problems panel fixes every one, and one Undo takes them all back. */
static void
test_fix_all (void)
{
  PlenaryWindow *window = plenary_window_new (GTK_APPLICATION (app));
  PlenaryProblemsPanel *panel;
  PlenaryProblems *problems;
  GtkTextBuffer *buffer;
  GtkMenuButton *button;
  GMenuModel *menu;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *label = NULL;
  PlenaryCheckProblem *left;
  guint n;

  gtk_window_present (GTK_WINDOW (window));
  plenary_application_open_sample (app, window);
  plenary_test_spin (50);
  problems = plenary_page_get_problems (plenary_window_get_visible_page (window));
  buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (plenary_window_get_visible_document (window)));
  plenary_problems_flush (problems);

  n = plenary_problems_count_fixable (problems, PLENARY_CHECK_TYPOGRAPHY_SPACE);
  g_assert_cmpuint (n, >=, 5);
  before = plenary_test_buffer_text (plenary_window_get_visible_document (window));

  /* The panel offers it, with the count, in its Fix All menu. */
  panel = PLENARY_PROBLEMS_PANEL (plenary_problems_panel_new ());
  g_object_ref_sink (panel);
  plenary_problems_panel_set_problems (panel, problems);
  button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (panel), PLENARY_TYPE_PROBLEMS_PANEL, "fix_all_button"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  {
    GtkWidget *holder = gtk_window_new ();

    gtk_window_set_child (GTK_WINDOW (holder), GTK_WIDGET (panel));
    gtk_window_present (GTK_WINDOW (holder));
    plenary_test_spin (50);
    gtk_menu_button_popup (button);
    plenary_test_spin (50);
    menu = gtk_menu_button_get_menu_model (button);
    g_assert_nonnull (menu);
    for (int i = 0; i < g_menu_model_get_n_items (menu) && label == NULL; i++)
      {
        g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_INT32);

        if (target != NULL && g_variant_get_int32 (target) == PLENARY_CHECK_TYPOGRAPHY_SPACE)
          {
            g_autofree char *expected = g_strdup_printf ("(%u)", n);

            g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
            g_assert_true (g_str_has_suffix (label, expected));
            g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "problems.fix-all", "i",
                                                       (int) PLENARY_CHECK_TYPOGRAPHY_SPACE));
          }
      }
    gtk_menu_button_popdown (button);
    g_assert_nonnull (label);

    plenary_problems_flush (problems);
    left = first_problem_of (problems, PLENARY_CHECK_TYPOGRAPHY_SPACE);
    g_assert_null (left);
    after = plenary_test_buffer_text (plenary_window_get_visible_document (window));
    g_assert_cmpstr (after, !=, before);
    g_assert_nonnull (strstr (after, "\xc2\xa0;"));

    /* One Undo. */
    gtk_text_buffer_undo (buffer);
    g_clear_pointer (&after, g_free);
    after = plenary_test_buffer_text (plenary_window_get_visible_document (window));
    g_assert_cmpstr (after, ==, before);

    gtk_window_destroy (GTK_WINDOW (holder));
  }

  g_object_unref (panel);
  plenary_window_set_close_confirmed (window);
  gtk_window_destroy (GTK_WINDOW (window));
  plenary_test_spin (50);
}

static GtkWidget *
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* Replace All through the page's search bar: FIND by REPLACEMENT. */
static void
replace_all (Fixture    *f,
             const char *find,
             const char *replacement)
{
  PlenarySearchBar *bar = PLENARY_SEARCH_BAR (template_child (f->page, PLENARY_TYPE_PAGE, "search_bar"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "page.replace", NULL));
  g_assert_true (plenary_search_bar_is_open (bar));
  gtk_editable_set_text (GTK_EDITABLE (template_child (bar, PLENARY_TYPE_SEARCH_BAR, "search_entry")), find);
  gtk_editable_set_text (GTK_EDITABLE (template_child (bar, PLENARY_TYPE_SEARCH_BAR, "replace_entry")), replacement);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bar), "search.replace-all", NULL));
}

static gboolean
has_tag_over (Fixture    *f,
              const char *tag_name,
              const char *words)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (f->buffer), tag_name);
  GtkTextIter start, match_start, match_end;

  gtk_text_buffer_get_start_iter (f->buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, words, 0, &match_start, &match_end, NULL));
  for (GtkTextIter iter = match_start; gtk_text_iter_compare (&iter, &match_end) < 0; gtk_text_iter_forward_char (&iter))
    if (!gtk_text_iter_has_tag (&iter, tag))
      return FALSE;

  return TRUE;
}

/* Replacing inside a phrase and inside commented words keeps the italics
 * of the phrase and the comment on its words; one Undo takes it back. */
static void
test_replace_keeps_structure (void)
{
  Fixture f = { 0 };
  PlenaryAnnotations *annotations;
  PlenaryAnnotation *comment;
  GtkTextIter start, end;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *commented = NULL;

  fixture_open (&f, "fr", "Assemblée générale", "Zorglandie");
  type (&f, "L'Assemblée générale,\n"
            "Notant le rapport du Comité des droits,\n"
            "Prie le Comité de faire rapport ;\n"
            "Décide de rester saisie de la question.");
  before = plenary_test_buffer_text (f.document);

  annotations = plenary_page_get_annotations (f.page);
  gtk_text_buffer_get_start_iter (f.buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, "rapport du Comité", 0, &start, &end, NULL));
  gtk_text_buffer_select_range (f.buffer, &start, &end);
  comment = plenary_annotations_add_comment (annotations, "Quel comité ?", NULL);
  g_assert_nonnull (comment);

  replace_all (&f, "Comité", "Conseil");
  replace_all (&f, "Notant", "Notant avec préoccupation");
  plenary_test_spin (50);

  after = plenary_test_buffer_text (f.document);
  g_assert_nonnull (strstr (after, "Notant avec préoccupation le rapport du Conseil des droits,"));
  g_assert_nonnull (strstr (after, "Prie le Conseil de faire rapport"));
  /* The longer phrase is the phrase: all of it in italics. */
  g_assert_true (has_tag_over (&f, "plenary-phrase", "Notant avec préoccupation"));
  g_assert_false (has_tag_over (&f, "plenary-phrase", "Notant avec préoccupation le"));
  /* The comment stays on its words, the replaced one included. */
  g_assert_true (plenary_annotations_get_range (annotations, comment, &start, &end));
  commented = gtk_text_iter_get_slice (&start, &end);
  g_assert_cmpstr (commented, ==, "rapport du Conseil");

  gtk_text_buffer_undo (f.buffer);
  gtk_text_buffer_undo (f.buffer);
  g_clear_pointer (&after, g_free);
  after = plenary_test_buffer_text (f.document);
  g_assert_cmpstr (after, ==, before);

  fixture_close (&f);
}

static double
font_size (GtkWidget *widget)
{
  PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));

  return pango_font_description_get_size (font) / (double) PANGO_SCALE;
}

/* Ctrl+plus, Ctrl+minus, Ctrl+0 (app.zoom-*) in the editor. */
static void
test_zoom (void)
{
  Fixture f = { 0 };
  GtkWidget *view;
  double normal;

  fixture_open (&f, "fr", "Assemblée générale", "Zorglandie");
  view = GTK_WIDGET (plenary_page_get_view (f.page));
  normal = font_size (view);
  g_assert_cmpfloat (normal, >, 0);

  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-in", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-in", NULL);
  plenary_test_spin (50);
  g_assert_cmpfloat_with_epsilon (font_size (view), normal * 1.2, 0.2);

  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-out", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-out", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-out", NULL);
  plenary_test_spin (50);
  g_assert_cmpfloat_with_epsilon (font_size (view), normal * 0.9, 0.2);

  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-reset", NULL);
  plenary_test_spin (50);
  g_assert_cmpfloat_with_epsilon (font_size (view), normal, 0.01);

  fixture_close (&f);
}

static gboolean
length_label_has_limit (gpointer data)
{
  GtkLabel *label = data;
  return gtk_widget_get_visible (GTK_WIDGET (label)) && strstr (gtk_label_get_label (label), "of 5 allowed") != NULL;
}

/* Words, paragraphs and pages under a resolution, with the word limit. */
static void
test_resolution_length (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  Fixture f = { 0 };
  GtkLabel *label;

  fixture_open (&f, "fr", "Assemblée générale", "Zorglandie");
  type (&f, "L'Assemblée générale,\nRappelant ses résolutions,\nDécide de rester saisie de la question.");
  label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (f.page), PLENARY_TYPE_PAGE, "length_label"));

  g_settings_set_uint (settings, "word-limit", 5);
  plenary_test_spin_until (length_label_has_limit, label);
  g_assert_cmpstr (gtk_label_get_label (label), ==, "12 words of 5 allowed · 2 paragraphs · 1 page");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "warning"));
  g_settings_reset (settings, "word-limit");

  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  app = plenary_test_init (&argc, &argv);

  g_test_add_func ("/writing/spelling/french", test_spelling_french);
  g_test_add_func ("/writing/spelling/english", test_spelling_english);
  g_test_add_func ("/writing/spelling/comment", test_spelling_comment);
  g_test_add_func ("/writing/fix-all", test_fix_all);
  g_test_add_func ("/writing/resolution-length", test_resolution_length);
  g_test_add_func ("/writing/replace-keeps-structure", test_replace_keeps_structure);
  g_test_add_func ("/writing/zoom", test_zoom);

  return plenary_test_run (app);
}
