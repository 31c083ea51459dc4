/* test-compare.c: Compare With… on a real window, in French
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The draft open in the window is compared with last year's resolution, a
 * numbered text file chosen in the file chooser: the compare window shows
 * the newer text with deleted words struck through, new words underlined,
 * the moved paragraph saying where from; Next / Previous step through the
 * changes; the comparison is exported as a PDF whose text and fonts are
 * read back with pdftotext and pdffonts. With PLENARY_SCREENSHOT_DIR set,
 * the window is also saved as PNG at 1440 and 800 pixels wide.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "plenary-clause-printer.h"
#include "plenary-compare-window.h"
#include "plenary-draft-codec.h"
#include "plenary-draft-file.h"
#include "plenary-merge-window.h"
#include "plenary-office-package.h"
#include "plenary-test-utils.h"

static PlenaryApplication *app;

static PlenaryBody *
make_body (gboolean newer)
{
  PlenaryBody *body = plenary_body_new ();
  const char *rows[][3] = {
    { "preambular", "Rappelant", "ses résolutions antérieures sur la question," },
    { "preambular", "Notant avec préoccupation", "la situation des réfugiés dans la région," },
    { "operative", "Décide", "de convoquer une réunion de haut niveau en 2026 ;" },
    { "operative", "Prie", "le Secrétaire général de lui présenter un rapport annuel ;" },
    { "operative", "Encourage", "les États Membres à coopérer étroitement avec les organisations régionales ;" },
    { "operative", "Invite", "les institutions spécialisées à contribuer aux travaux ;" },
    { "operative", "Décide", "de demeurer saisie de la question." },
  };

  plenary_body_set_opening (body, "L’Assemblée générale,");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(PlenaryParagraph) paragraph = NULL;
      PlenaryRole role;

      /* The newer text drops « Invite », rewords « Prie » and moves
       * « Décide de convoquer » after « Encourage ». */
      if (newer && i == 5)
        continue;
      g_assert_true (plenary_role_from_string (rows[i][0], &role));
      paragraph = plenary_paragraph_new (role, rows[i][1], rows[i][2]);
      if (newer && i == 3)
        {
          g_free (paragraph->text);
          paragraph->text = g_strdup ("le Secrétaire général de lui présenter un rapport tous les deux ans ;");
        }
      plenary_body_append (body, paragraph);
    }

  if (newer)
    {
      PlenaryParagraph *moved = g_ptr_array_steal_index (body->paragraphs, 2);

      g_ptr_array_insert (body->paragraphs, 4, moved);
    }

  return body;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }

  return NULL;
}

static gboolean
chooser_shown (gpointer data)
{
  return find_toplevel (GTK_TYPE_FILE_CHOOSER) != NULL;
}

static gboolean
chooser_gone (gpointer data)
{
  return find_toplevel (GTK_TYPE_FILE_CHOOSER) == NULL;
}

static gboolean
compare_window_shown (gpointer data)
{
  return find_toplevel (PLENARY_TYPE_COMPARE_WINDOW) != NULL;
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Chooses FILE in the file chooser on screen, as a click on Open does. */
static void
choose_file (GFile *file)
{
  GtkWindow *chooser;
  g_autoptr(GError) error = NULL;

  plenary_test_spin_until (chooser_shown, NULL);
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER);
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  /* NULL: what the dialog proposes. */
  if (file != NULL)
    {
      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, &error);
      g_assert_no_error (error);
    }
  plenary_test_spin (100);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
G_GNUC_END_IGNORE_DEPRECATIONS
}

/* The text of BUFFER under TAG, runs joined by "|". */
static char *
tagged_text (GtkTextBuffer *buffer,
             const char    *tag_name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GString *out = g_string_new (NULL);
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    {
      GtkTextIter end = iter;

      if (!gtk_text_iter_starts_tag (&iter, tag))
        continue;
      gtk_text_iter_forward_to_tag_toggle (&end, tag);
      g_autofree char *text = gtk_text_iter_get_text (&iter, &end);
      g_string_append_printf (out, "%s|", text);
      iter = end;
    }

  return g_string_free (out, FALSE);
}

/* The label under WIDGET whose text holds TEXT. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
read_command (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, NULL, &error);
  g_assert_no_error (error);

  return out;
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("PLENARY_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* As the user drags the window's edge (xdotool: a window manager's
 * resizing is not there under Xvfb). */
static void
resize (const char *width,
        const char *height)
{
  const char *argv[] = { "xdotool", "search", "--sync", "--onlyvisible", "--limit", "1",
                         "--name", "^Comparaison$", "windowsize", width, height, NULL };

  plenary_test_run_command (argv);
}

static gboolean
width_is (gpointer data)
{
  GtkWidget *window = GTK_WIDGET (find_toplevel (PLENARY_TYPE_COMPARE_WINDOW));

  /* The X window holds the shadows of the client-side decorations too. */
  return ABS (gtk_widget_get_width (window) - GPOINTER_TO_INT (data)) <= 120;
}

static void
test_compare_with_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plenary-compare-XXXXXX", NULL);
  g_autofree char *draft_path = g_build_filename (dir, "Réfugiés.plenary.json", NULL);
  g_autofree char *old_path = g_build_filename (dir, "A-RES-79-12.txt", NULL);
  /* The name and folder the dialog proposes: the draft's, « comparé ». */
  g_autofree char *pdf_path = g_build_filename (dir, "Réfugiés (comparé).pdf", NULL);
  g_autofree char *docx_path = g_build_filename (dir, "Réfugiés (comparé).docx", NULL);
  g_autoptr(GFile) draft_file = g_file_new_for_path (draft_path);
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(PlenaryBody) old_body = make_body (FALSE);
  g_autoptr(PlenaryBody) new_body = make_body (TRUE);
  g_autofree char *old_text = plenary_clause_printer_print (old_body, PLENARY_DRAFT_KIND_RESOLUTION, "fr",
                                                            PLENARY_PRINT_PLAIN | PLENARY_PRINT_BLANK_LINES);
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryCompareWindow *compare;
  GtkTextBuffer *buffer;
  g_autofree char *shown = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *inserted = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *current = NULL;
  g_autofree char *pdf_text = NULL;
  g_autofree char *pdf_fonts = NULL;
  GtkTextIter start, end;
  GtkLabel *summary;

  plenary_draft_set_body (draft, new_body);
  g_assert_true (plenary_draft_save (draft, draft_file, NULL, NULL));
  g_assert_true (g_file_set_contents (old_path, old_text, -1, NULL));

  plenary_application_open_file (app, window, draft_file);
  plenary_test_spin_until (plenary_test_document_idle, plenary_window_get_visible_document (window));

  /* Fenêtre › Comparer avec… › the text file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-with", NULL));
  choose_file (old_file);
  plenary_test_spin_until (compare_window_shown, NULL);
  compare = PLENARY_COMPARE_WINDOW (find_toplevel (PLENARY_TYPE_COMPARE_WINDOW));

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (compare)), ==, "Comparaison");
  /* The header says what is compared with what, and counts. */
  summary = find_label (GTK_WIDGET (compare), "(texte antérieur)");
  g_assert_nonnull (summary);
  g_assert_nonnull (strstr (gtk_label_get_text (summary), "A-RES-79-12.txt"));
  g_test_message ("summary: %s", gtk_label_get_text (summary));
  g_assert_nonnull (strstr (gtk_label_get_text (summary), "Réfugiés"));
  g_assert_nonnull (strstr (gtk_label_get_text (summary), "1 paragraphe supprimé"));
  g_assert_nonnull (strstr (gtk_label_get_text (summary), "1 paragraphe déplacé"));
  g_assert_nonnull (strstr (gtk_label_get_text (summary), "1 modification du libellé"));
  g_assert_nonnull (find_label (GTK_WIDGET (compare), "3 modifications"));

  buffer = gtk_text_view_get_buffer (plenary_compare_window_get_text_view (compare));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_test_message ("shown:\n%s", shown);
  deleted = tagged_text (buffer, "deleted");
  inserted = tagged_text (buffer, "inserted");
  notes = tagged_text (buffer, "note");
  /* The deleted paragraph is struck through where it was; the reworded
   * one shows both wordings, by whole words. */
  g_assert_nonnull (strstr (deleted, "Invite les institutions spécialisées à contribuer aux travaux ;"));
  g_assert_nonnull (strstr (deleted, "annuel|"));
  g_assert_nonnull (strstr (inserted, "tous les deux ans|"));
  /* Moved, not deleted and inserted again: it says where from. */
  g_assert_cmpstr (notes, ==, "[Déplacé du paragraphe 1 du dispositif] |");
  g_assert_null (strstr (deleted, "convoquer"));
  /* The newer numbers: « Encourage » is now 2. */
  g_assert_nonnull (strstr (shown, "2. Encourage"));

  /* Next, Next, Previous: the second change, then the first again. */
  g_assert_cmpint (plenary_compare_window_get_current_change (compare), ==, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (compare), "compare.next", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (compare), "compare.next", NULL));
  g_assert_cmpint (plenary_compare_window_get_current_change (compare), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (compare), "compare.previous", NULL));
  g_assert_cmpint (plenary_compare_window_get_current_change (compare), ==, 0);
  current = tagged_text (buffer, "current");
  g_assert_cmpstr (current, !=, "");
  g_assert_nonnull (find_label (GTK_WIDGET (compare), "Modification 1 sur 3"));

  /* Both styles. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  plenary_test_spin (100);
  save_screenshot (GTK_WIDGET (compare), "compare-fr-1440-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  if (g_getenv ("PLENARY_SCREENSHOT_DIR") != NULL)
    {
      resize ("1440", "900");
      plenary_test_spin_until (width_is, GINT_TO_POINTER (1440));
      plenary_test_spin (300);
      save_screenshot (GTK_WIDGET (compare), "compare-fr-1440.png");
      resize ("800", "700");
      plenary_test_spin_until (width_is, GINT_TO_POINTER (800));
      plenary_test_spin (300);
      save_screenshot (GTK_WIDGET (compare), "compare-fr-800.png");
    }

  /* Exporter la comparaison en PDF. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (compare), "compare.export-pdf", NULL));
  choose_file (NULL);
  plenary_test_spin_until (file_exists, pdf_path);
  plenary_test_spin (200);

  pdf_text = read_command ((const char *[]) { "pdftotext", "-layout", pdf_path, "-", NULL });
  g_test_message ("PDF:\n%s", pdf_text);
  g_assert_nonnull (strstr (pdf_text, "Texte comparé à : A-RES-79-12.txt"));
  g_assert_nonnull (strstr (pdf_text, "Invite les institutions spécialisées"));
  g_assert_nonnull (strstr (pdf_text, "annuel"));
  g_assert_nonnull (strstr (pdf_text, "tous les deux ans"));
  g_assert_nonnull (strstr (pdf_text, "(déplacé"));
  g_assert_nonnull (strstr (pdf_text, "paragraphe 1 du dispositif)"));
  pdf_fonts = read_command ((const char *[]) { "pdffonts", pdf_path, NULL });
  /* New text in bold. */
  g_assert_nonnull (strstr (pdf_fonts, "LiberationSerif-Bold"));

  /* Exporter en Word, les modifications suivies : the older text, with
   * the changes as Word's tracked changes. */
  plenary_test_spin_until (chooser_gone, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (compare), "compare.export-docx", NULL));
  choose_file (NULL);
  plenary_test_spin_until (file_exists, docx_path);
  plenary_test_spin (200);
  {
    g_autofree char *contents = NULL;
    g_autoptr(PlenaryOfficePackage) package = NULL;
    g_autoptr(GBytes) part = NULL;
    g_autofree char *xml = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (docx_path, &contents, &length, NULL));
    package = plenary_office_package_open (contents, length, NULL);
    g_assert_nonnull (package);
    part = plenary_office_package_read (package, "word/document.xml", NULL);
    g_assert_nonnull (part);
    xml = g_strndup (g_bytes_get_data (part, NULL), g_bytes_get_size (part));

    g_assert_nonnull (g_strstr_len (xml, -1, "<w:delText xml:space=\"preserve\">annuel</w:delText>"));
    g_assert_nonnull (strstr (xml, "tous les deux ans"));
    g_assert_nonnull (strstr (xml, "<w:ins "));
  }

  gtk_window_destroy (GTK_WINDOW (compare));
  plenary_document_set_modified (plenary_window_get_visible_document (window), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (docx_path);
  g_unlink (pdf_path);
  g_unlink (old_path);
  g_unlink (draft_path);
  plenary_test_spin (50);
}

/* A revision against the current text: the text typed since Rev.1 is new. */
static void
test_compare_revision (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(PlenaryBody) body = make_body (FALSE);
  g_autoptr(PlenaryDocument) document = NULL;
  g_autofree char *inserted = NULL;
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryCompareWindow *compare;
  PlenaryRevision *revision;
  GtkTextBuffer *buffer;
  GtkTextIter end;

  plenary_draft_set_body (draft, body);
  document = plenary_document_new (draft, "Réfugiés");
  plenary_window_add_document (window, document);
  revision = plenary_document_save_revision (document, "Rév.1", NULL);

  buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (document));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nPrie instamment toutes les parties de respecter le droit international.", -1);
  plenary_test_spin (100);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-revisions", "(ss)",
                                             plenary_revision_get_id (revision), ""));
  plenary_test_spin_until (compare_window_shown, NULL);
  compare = PLENARY_COMPARE_WINDOW (find_toplevel (PLENARY_TYPE_COMPARE_WINDOW));
  g_assert_nonnull (find_label (GTK_WIDGET (compare), "Rév.1 du "));
  g_assert_nonnull (find_label (GTK_WIDGET (compare), "1 paragraphe ajouté"));
  inserted = tagged_text (gtk_text_view_get_buffer (plenary_compare_window_get_text_view (compare)), "inserted");
  g_assert_nonnull (strstr (inserted, "toutes les parties de respecter le droit international."));

  gtk_window_destroy (GTK_WINDOW (compare));
  plenary_document_set_modified (document, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  plenary_test_spin (50);
}

static gboolean
merge_window_shown (gpointer data)
{
  return find_toplevel (PLENARY_TYPE_MERGE_WINDOW) != NULL;
}

static void
replace_in_buffer (GtkTextBuffer *buffer,
                   const char    *old,
                   const char    *new)
{
  GtkTextIter start, match_start, match_end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, old, 0, &match_start, &match_end, NULL));
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &match_start, &match_end);
  gtk_text_buffer_insert (buffer, &match_start, new, -1);
  gtk_text_buffer_end_user_action (buffer);
}

/* Sénégal's copy of Rév.1 rewords « Prie » (as I did, differently) and
 * adds a paragraph: the addition is taken, the rewording is a conflict
 * that keeps mine; Apply is one edit that Undo takes back. */
static void
test_merge_copy (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plenary-merge-XXXXXX", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "Réfugiés (Sénégal).plenary.json", NULL);
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy_path);
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(PlenaryBody) body = make_body (FALSE);
  g_autoptr(PlenaryDocument) document = NULL;
  g_autoptr(PlenaryDraft) theirs = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PlenaryParagraph) added = plenary_paragraph_new (PLENARY_ROLE_OPERATIVE, "Invite",
                                                             "les organisations régionales à désigner des points focaux ;");
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryMergeWindow *merge;
  PlenaryParagraph *reworded;
  GtkTextBuffer *buffer;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  GtkLabel *summary;

  plenary_draft_set_body (draft, body);
  document = plenary_document_new (draft, "Réfugiés");
  plenary_window_add_document (window, document);
  plenary_document_save_revision (document, "Rév.1", NULL);

  /* Their copy: the draft as sent, edited by them. */
  plenary_document_sync_draft (document);
  bytes = plenary_draft_codec_encode (plenary_document_get_draft (document));
  theirs = plenary_draft_codec_decode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
  g_assert_nonnull (theirs);
  plenary_metadata_set_string (plenary_draft_get_metadata (theirs), "submitted-by", "Sénégal");
  reworded = g_ptr_array_index (plenary_draft_get_body (theirs)->paragraphs, 3);
  g_free (reworded->text);
  reworded->text = g_strdup ("le Secrétaire général de lui présenter un rapport biennal ;");
  g_ptr_array_add (plenary_draft_get_body (theirs)->paragraphs, plenary_paragraph_ref (added));
  g_assert_true (plenary_draft_save (theirs, copy_file, NULL, NULL));

  /* Meanwhile, mine. */
  buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (document));
  replace_in_buffer (buffer, "rapport annuel", "rapport trimestriel");
  plenary_test_spin (100);
  before = plenary_test_buffer_text (document);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.merge-changes", NULL));
  choose_file (copy_file);
  plenary_test_spin_until (merge_window_shown, NULL);
  merge = PLENARY_MERGE_WINDOW (find_toplevel (PLENARY_TYPE_MERGE_WINDOW));

  g_assert_cmpstr (plenary_merge_window_get_delegation (merge), ==, "Sénégal");
  summary = find_label (GTK_WIDGET (merge), "depuis la révision");
  g_assert_nonnull (summary);
  g_test_message ("merge: %s", gtk_label_get_text (summary));
  g_assert_nonnull (strstr (gtk_label_get_text (summary), "2 modifications"));
  g_assert_nonnull (strstr (gtk_label_get_text (summary), "1 est en conflit"));
  g_assert_nonnull (find_label (GTK_WIDGET (merge), "Prendre la version de Sénégal"));
  g_assert_nonnull (find_label (GTK_WIDGET (merge), "rapport biennal"));

  plenary_test_spin (300);
  save_screenshot (GTK_WIDGET (merge), "merge-fr.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (merge), "merge.apply", NULL));
  plenary_test_spin (100);
  after = plenary_test_buffer_text (document);
  g_test_message ("merged:\n%s", after);
  g_assert_nonnull (strstr (after, "Invite les organisations régionales à désigner des points focaux ;"));
  g_assert_nonnull (strstr (after, "rapport trimestriel"));
  g_assert_null (strstr (after, "rapport biennal"));

  /* Undo takes the whole merge back. */
  gtk_text_buffer_undo (buffer);
  plenary_test_spin (100);
  undone = plenary_test_buffer_text (document);
  g_assert_cmpstr (undone, ==, before);

  /* As proposals: the text stays, the copy's changes are Sénégal's
   * proposals, and Undo takes them back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.merge-changes", NULL));
  choose_file (copy_file);
  plenary_test_spin_until (merge_window_shown, NULL);
  merge = PLENARY_MERGE_WINDOW (find_toplevel (PLENARY_TYPE_MERGE_WINDOW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (merge), "merge.propose", NULL));
  plenary_test_spin (100);
  {
    PlenaryDraft *draft = plenary_document_get_draft (document);
    GListModel *proposals = plenary_draft_get_proposals (draft);
    g_autofree char *clean = NULL;

    plenary_document_sync_draft (document);
    clean = plenary_clause_printer_print (plenary_draft_get_body (draft), PLENARY_DRAFT_KIND_RESOLUTION, "fr",
                                          PLENARY_PRINT_EDITOR);
    g_assert_nonnull (strstr (clean, "rapport trimestriel"));
    g_assert_null (strstr (clean, "biennal"));
    g_assert_null (strstr (clean, "points focaux"));
    g_assert_cmpuint (g_list_model_get_n_items (proposals), >=, 2);
    for (guint i = 0; i < g_list_model_get_n_items (proposals); i++)
      {
        g_autoptr(PlenaryProposal) proposal = g_list_model_get_item (proposals, i);

        g_assert_cmpstr (plenary_proposal_get_delegation (proposal), ==, "Sénégal");
      }
    /* The proposed words are in the text, marked. */
    g_clear_pointer (&after, g_free);
    after = plenary_test_buffer_text (document);
    g_assert_nonnull (strstr (after, "biennal"));
    g_assert_nonnull (strstr (after, "points focaux"));
  }
  gtk_text_buffer_undo (buffer);
  plenary_test_spin (100);
  g_clear_pointer (&undone, g_free);
  undone = plenary_test_buffer_text (document);
  g_assert_cmpstr (undone, ==, before);

  plenary_document_set_modified (document, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (copy_path);
  g_rmdir (dir);
  plenary_test_spin (50);
}

/* A copy when the draft has no revision: nothing to merge from, a plain
 * comparison that says so. */
static void
test_merge_without_base (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plenary-merge-XXXXXX", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "copie.txt", NULL);
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy_path);
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(PlenaryBody) body = make_body (FALSE);
  g_autoptr(PlenaryBody) theirs = make_body (TRUE);
  g_autoptr(PlenaryDocument) document = NULL;
  g_autofree char *text = plenary_clause_printer_print (theirs, PLENARY_DRAFT_KIND_RESOLUTION, "fr",
                                                        PLENARY_PRINT_PLAIN);
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryCompareWindow *compare;

  plenary_draft_set_body (draft, body);
  document = plenary_document_new (draft, "Réfugiés");
  plenary_window_add_document (window, document);
  g_assert_true (g_file_set_contents (copy_path, text, -1, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.merge-changes", NULL));
  choose_file (copy_file);
  plenary_test_spin_until (compare_window_shown, NULL);
  compare = PLENARY_COMPARE_WINDOW (find_toplevel (PLENARY_TYPE_COMPARE_WINDOW));
  g_assert_nonnull (find_label (GTK_WIDGET (compare), "n’a aucune révision en commun avec ce projet"));
  g_assert_nonnull (find_label (GTK_WIDGET (compare), "1 paragraphe supprimé"));

  gtk_window_destroy (GTK_WINDOW (compare));
  plenary_document_set_modified (document, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (copy_path);
  g_rmdir (dir);
  plenary_test_spin (50);
}

int
main (int   argc,
      char *argv[])
{
  app = plenary_test_init (&argc, &argv);
  g_test_add_func ("/compare/with-file", test_compare_with_file);
  g_test_add_func ("/compare/revision", test_compare_revision);
  g_test_add_func ("/compare/merge", test_merge_copy);
  g_test_add_func ("/compare/merge-without-base", test_merge_without_base);

  return plenary_test_run (app);
}
