/* test-office.c
 *
 * Word and OpenDocument files through the window's own ways in: a .docx
 * dropped on the drafts and an .odt opened are imported (never written
 * over), a .docx dropped on the Sources panel becomes a source, and the
 * main menu offers Export as Word and as OpenDocument beside PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "plenary-clause-parser.h"
#include "plenary-clause-printer.h"
#include "plenary-importer.h"
#include "plenary-office-export.h"
#include "plenary-office-package.h"
#include "plenary-phrase-dictionary.h"
#include "plenary-sources-panel.h"
#include "plenary-test-utils.h"
#include "plenary-window-private.h"

static PlenaryApplication *app;

static const char draft_text[] =
  "L'Assemblée générale,\n\n"
  "Rappelant ses résolutions antérieures,\n\n"
  "1. Prie le Secrétaire général de faire rapport :\n"
  "   a) sur l'éducation ;\n"
  "   b) sur la santé ;\n"
  "2. Décide de rester saisie de la question.\n";

static const char editor_text[] =
  "L'Assemblée générale,\n"
  "Rappelant ses résolutions antérieures,\n"
  "Prie le Secrétaire général de faire rapport :\n"
  "\tsur l'éducation ;\n"
  "\tsur la santé ;\n"
  "Décide de rester saisie de la question.";

/* DRAFT_TEXT exported as NAME (.docx or .odt) in a fresh folder. */
static GFile *
write_office_file (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("plenary-ui-office-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenaryDraft) draft = plenary_importer_import (draft_text, strlen (draft_text), "p.txt",
                                                           NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (plenary_office_export (draft, file,
                                        g_str_has_suffix (name, ".odt") ? PLENARY_OFFICE_FORMAT_ODT
                                                                        : PLENARY_OFFICE_FORMAT_DOCX,
                                        NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&file);
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

static void
drop_file (GtkWidget *widget,
           GFile     *file)
{
  GtkDropTarget *drop = find_drop_target (widget);
  GSList *files = g_slist_prepend (NULL, file);
  GValue value = G_VALUE_INIT;
  gboolean handled = FALSE;

  g_assert_nonnull (drop);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &handled);
  g_value_unset (&value);
  g_slist_free (files);
  g_assert_true (handled);
}

static void
close_window_discarding (PlenaryWindow *window)
{
  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  plenary_test_spin (50);
}

static void
test_drop_docx_on_drafts (void)
{
  g_autoptr(GFile) file = write_office_file ("Projet Word.docx");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryDocument *document;
  gsize before_len, after_len;

  plenary_test_spin (50);
  g_assert_true (g_file_load_contents (file, NULL, &before, &before_len, NULL, NULL));
  drop_file (GTK_WIDGET (window->content_stack), file);

  document = plenary_window_get_visible_document (window);
  g_assert_nonnull (document);
  plenary_test_spin_until (plenary_test_document_idle, document);
  text = plenary_test_buffer_text (document);
  g_assert_cmpstr (text, ==, editor_text);
  /* Imported, not opened for writing: saving asks for a new name. */
  g_assert_null (plenary_document_get_file (document));
  g_assert_cmpstr (plenary_document_get_title (document), ==, "Projet Word");
  g_assert_true (g_file_load_contents (file, NULL, &after, &after_len, NULL, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);

  close_window_discarding (window);
}

static void
test_open_odt (void)
{
  g_autoptr(GFile) file = write_office_file ("Projet.odt");
  g_autofree char *text = NULL;
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryDocument *document;

  plenary_test_spin (50);
  plenary_application_open_file (app, window, file);
  document = plenary_window_get_visible_document (window);
  g_assert_nonnull (document);
  plenary_test_spin_until (plenary_test_document_idle, document);
  text = plenary_test_buffer_text (document);
  g_assert_cmpstr (text, ==, editor_text);

  close_window_discarding (window);
}

static gboolean
toast_shown (gpointer window)
{
  return plenary_test_has_label_containing (window, "tracked changes became 1 proposal of their authors");
}

/* A Word file with an insertion and a deletion tracked: opened, the text is
 * the one before them, the changes are a proposal of their author, and the
 * window says so. */
static void
test_tracked_changes_said (void)
{
  static const char types[] =
    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
  static const char rels[] =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/></Relationships>";
  static const char document_xml[] =
    "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
    "<w:p><w:r><w:t>L'Assemblée générale,</w:t></w:r></w:p>"
    "<w:p><w:r><w:t xml:space=\"preserve\">Rappelant ses résolutions </w:t></w:r>"
    "<w:ins w:id=\"1\" w:author=\"Omar\"><w:r><w:t xml:space=\"preserve\">antérieures</w:t></w:r></w:ins>"
    "<w:del w:id=\"2\" w:author=\"Omar\"><w:r><w:delText>récentes</w:delText></w:r></w:del>"
    "<w:r><w:t>,</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>Décide de rester saisie de la question.</w:t></w:r></w:p>"
    "</w:body></w:document>";
  g_autofree char *dir = g_dir_make_tmp ("plenary-ui-office-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Suivi.docx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlenaryOfficeWriter) writer = plenary_office_writer_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryDocument *document;

  g_assert_true (plenary_office_writer_add (writer, "[Content_Types].xml", types, strlen (types), FALSE, &error));
  g_assert_true (plenary_office_writer_add (writer, "_rels/.rels", rels, strlen (rels), FALSE, &error));
  g_assert_true (plenary_office_writer_add (writer, "word/document.xml", document_xml, strlen (document_xml), FALSE, &error));
  bytes = plenary_office_writer_finish (writer, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));

  plenary_test_spin (50);
  plenary_application_open_file (app, window, file);
  document = plenary_window_get_visible_document (window);
  plenary_test_spin_until (plenary_test_document_idle, document);
  plenary_document_sync_draft (document);
  text = plenary_clause_printer_print (plenary_draft_get_body (plenary_document_get_draft (document)),
                                       PLENARY_DRAFT_KIND_RESOLUTION, "fr", PLENARY_PRINT_EDITOR);
  g_assert_cmpstr (text, ==, "L'Assemblée générale,\nRappelant ses résolutions récentes,\n"
                             "Décide de rester saisie de la question.");
  {
    GListModel *proposals = plenary_draft_get_proposals (plenary_document_get_draft (document));
    g_autoptr(PlenaryProposal) proposal = g_list_model_get_item (proposals, 0);

    g_assert_cmpuint (g_list_model_get_n_items (proposals), ==, 1);
    g_assert_cmpstr (plenary_proposal_get_delegation (proposal), ==, "Omar");
    g_assert_cmpstr (plenary_proposal_get_exact (proposal), ==, "récentes");
    g_assert_cmpstr (plenary_proposal_get_text (proposal), ==, "antérieures");
  }
  plenary_test_spin_until (toast_shown, window);

  close_window_discarding (window);
}

static gboolean
panel_idle (gpointer data)
{
  return !plenary_sources_panel_get_busy (data);
}

static void
test_drop_docx_on_sources (void)
{
  g_autoptr(GFile) file = write_office_file ("Rapport.docx");
  PlenaryWindow *window = plenary_application_new_window (app);
  g_autoptr(PlenarySource) source = NULL;
  PlenarySourcesPanel *panel;
  PlenaryDocument *document;
  GtkWindow *host;

  plenary_test_spin (50);
  plenary_application_new_draft (app, window, "resolution-fr");
  plenary_test_spin (50);
  document = plenary_window_get_visible_document (window);

  host = GTK_WINDOW (gtk_window_new ());
  panel = PLENARY_SOURCES_PANEL (plenary_sources_panel_new ());
  gtk_window_set_child (host, GTK_WIDGET (panel));
  gtk_window_present (host);
  plenary_sources_panel_set_document (panel, document);
  plenary_test_spin (50);

  drop_file (GTK_WIDGET (panel), file);
  plenary_test_spin_until (panel_idle, panel);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plenary_draft_get_sources (plenary_document_get_draft (document)))), ==, 1);
  source = g_list_model_get_item (G_LIST_MODEL (plenary_draft_get_sources (plenary_document_get_draft (document))), 0);
  g_assert_cmpstr (plenary_source_get_origin (source), ==, "Rapport.docx");
  /* The numbers Word shows are in the source's text. */
  g_assert_nonnull (strstr (plenary_source_get_text (source), "\n1. Prie le Secrétaire général de faire rapport :\na) sur l'éducation ;"));

  gtk_window_destroy (host);
  close_window_discarding (window);
}

static gboolean
menu_has (GMenuModel *menu,
          const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      GMenuModel *section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
      if (section != NULL && menu_has (section, action))
        return TRUE;
    }
  return FALSE;
}

/* The header bar's main menu button. */
static GtkWidget *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_export_menu (void)
{
  PlenaryWindow *window = plenary_application_new_window (app);
  GMenuModel *menu = NULL;
  GtkWidget *button;

  plenary_test_spin (50);
  button = find_primary_menu_button (GTK_WIDGET (window));
  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);
  g_assert_true (menu_has (menu, "win.export-pdf"));
  g_assert_true (menu_has (menu, "win.export-docx"));
  g_assert_true (menu_has (menu, "win.export-odt"));

  close_window_discarding (window);
}

/* A window showing a new draft of N operative paragraphs, typed in. */
static PlenaryDocument *
open_long_draft (PlenaryWindow *window,
                 guint          n)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  PlenaryDocument *document = plenary_document_new (draft, "Projet long");
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (document));
  g_autoptr(GString) text = g_string_new ("L'Assemblée générale,\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "Prie le Secrétaire général de faire rapport sur la question numéro %u ;\n", i + 1);
  g_string_append (text, "Décide de rester saisie de la question.");
  gtk_text_buffer_set_text (buffer, text->str, -1);
  gtk_window_present (GTK_WINDOW (window));
  plenary_window_add_document (window, document);
  plenary_test_spin_until (plenary_test_document_idle, document);

  return document;
}

static GtkWidget *
find_button_labelled (GtkWidget  *widget,
                      const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_is_visible (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

typedef struct
{
  GtkWidget  *window;
  const char *text;
} Shown;

static gboolean
label_shown (gpointer data)
{
  Shown *shown = data;

  return has_label (shown->window, shown->text);
}

static gboolean
export_ended (gpointer data)
{
  PlenaryWindow *window = data;

  return !gtk_revealer_get_reveal_child (window->export_banner);
}

/* The export's task holds the document until it has ended: then only
 * the test does. */
static gboolean
only_test_holds (gpointer document)
{
  return g_atomic_int_get (&G_OBJECT (document)->ref_count) == 1;
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Each export shows its progress with a Cancel: cancelled, it writes
 * nothing, neither the file nor a temporary beside it; let run, it writes
 * the whole file, and the draft can be typed in meanwhile. */
static void
test_export_cancel (void)
{
  static const struct { const char *name; PlenaryExportFormat format; } exports[] = {
    { "Projet.pdf", PLENARY_EXPORT_PDF },
    { "Projet.docx", PLENARY_EXPORT_DOCX },
    { "Projet.odt", PLENARY_EXPORT_ODT },
  };
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryDocument *document = open_long_draft (window, 3000);
  g_autofree char *folder = g_dir_make_tmp ("plenary-export-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autofree char *path = g_build_filename (folder, exports[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *exporting = g_strdup_printf ("Exporting “%s”…", exports[i].name);
      g_autofree char *exported = g_strdup_printf ("Exported “%s”", exports[i].name);
      Shown cancelled = { GTK_WIDGET (window), "Export cancelled; nothing was written." };
      Shown done = { GTK_WIDGET (window), exported };
      GtkWidget *cancel;

      /* The banner says it, with a Cancel, at once. */
      plenary_window_export (window, document, file, exports[i].format);
      g_assert_true (has_label (GTK_WIDGET (window), exporting));
      g_assert_true (gtk_revealer_get_reveal_child (window->export_banner));
      cancel = find_button_labelled (GTK_WIDGET (window->export_banner), "_Cancel");
      g_assert_nonnull (cancel);
      g_signal_emit_by_name (cancel, "clicked");
      plenary_test_spin_until (export_ended, window);
      plenary_test_spin_until (label_shown, &cancelled);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      /* Only the files exported before. */
      g_assert_cmpuint (count_files (folder), ==, i);

      /* Let run, the whole file; typing goes on meanwhile. A second export
       * asked for meanwhile (a dialog opened before) waits its turn. */
      plenary_window_export (window, document, file, exports[i].format);
      if (i == 0)
        {
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autoptr(GFile) other = g_file_get_child (parent, "Autre.pdf");
          Shown refused = { GTK_WIDGET (window), "Another export is under way: wait for it to end or cancel it." };

          plenary_window_export (window, document, other, PLENARY_EXPORT_PDF);
          plenary_test_spin_until (label_shown, &refused);
        }
      gtk_text_buffer_insert_at_cursor (GTK_TEXT_BUFFER (plenary_document_get_buffer (document)), "x", -1);
      plenary_test_spin_until (export_ended, window);
      plenary_test_spin_until (label_shown, &done);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_assert_cmpuint (count_files (folder), ==, i + 1);
    }

  {
    g_autofree char *pdf = g_build_filename (folder, "Projet.pdf", NULL);
    const char *argv[] = { "pdftotext", pdf, "-", NULL };
    g_autofree char *text = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &text, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (text, "question numéro 3000"));
  }

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autofree char *path = g_build_filename (folder, exports[i].name, NULL);
      g_unlink (path);
    }
  g_rmdir (folder);

  /* A window closed during an export leaves nothing behind either. */
  {
    g_autofree char *path = g_build_filename (folder, "Fermé.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);

    g_mkdir (folder, 0700);
    plenary_window_export (window, document, file, PLENARY_EXPORT_PDF);
    close_window_discarding (window);
    /* Until the thread has stopped, however busy the machine. */
    plenary_test_spin_until (only_test_holds, document);
    g_assert_cmpuint (count_files (folder), ==, 0);
    g_rmdir (folder);
  }
  g_object_unref (document);
}

/* A draft under negotiation: Export as PDF asks which text, and the
 * compilation text has the proposals in brackets with their proposers. */
static void
test_export_compilation (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(PlenaryBody) body = plenary_clause_parser_parse (plenary_phrase_dictionary_get_default ("fr"),
                                                             "L'Assemblée générale,\n"
                                                             "Décide de renforcer la coopération régionale ;\n"
                                                             "Décide de rester saisie de la question.",
                                                             -1, PLENARY_DRAFT_KIND_RESOLUTION, NULL);
  g_autoptr(PlenaryProposal) proposal = NULL;
  g_autofree char *folder = g_dir_make_tmp ("plenary-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "Compilation.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PlenaryWindow *window = plenary_application_new_window (app);
  PlenaryDocument *document;
  PlenaryParagraph *decides;
  PlenaryAlert *dialog;
  g_autofree char *full = NULL;
  Shown done = { GTK_WIDGET (window), "Exported “Compilation.pdf”" };

  plenary_draft_set_body (draft, body);
  decides = g_ptr_array_index (body->paragraphs, 0);
  full = plenary_paragraph_dup_full_text (decides);
  proposal = plenary_proposal_new_text ("s1", "Union européenne", NULL, decides->id, full, 10, 19, "consolider");
  plenary_draft_add_proposal (draft, proposal);
  document = plenary_document_new (draft, "Projet négocié");
  gtk_window_present (GTK_WINDOW (window));
  plenary_window_add_document (window, document);
  plenary_test_spin_until (plenary_test_document_idle, document);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL);
  plenary_test_spin_until (plenary_test_dialog_shown, NULL);
  dialog = plenary_test_find_message_dialog ();
  g_assert_cmpstr (plenary_alert_get_heading (dialog), ==, "Export Which Text?");
  g_assert_cmpstr (plenary_alert_get_response_label (dialog, "clean"), ==, "C_lean Text");
  g_assert_cmpstr (plenary_alert_get_response_label (dialog, "shown"), ==, "With _Proposals");
  g_assert_cmpstr (plenary_alert_get_response_label (dialog, "compilation"), ==, "Co_mpilation Text");
  plenary_test_respond (dialog, "cancel");

  plenary_window_export (window, document, file, PLENARY_EXPORT_PDF_COMPILATION);
  plenary_test_spin_until (export_ended, window);
  plenary_test_spin_until (label_shown, &done);
  {
    const char *argv[] = { "pdftotext", path, "-", NULL };
    g_autofree char *text = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &text, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (text, "[renforcer] [Union européenne : consolider]"));
  }
  /* The draft itself is unchanged: the proposal is still one. */
  g_assert_cmpuint (g_list_model_get_n_items (plenary_draft_get_proposals (plenary_document_get_draft (document))), ==, 1);

  g_unlink (path);
  g_rmdir (folder);
  close_window_discarding (window);
  g_object_unref (document);
}

int
main (int   argc,
      char *argv[])
{
  app = plenary_test_init (&argc, &argv);

  g_test_add_func ("/office/drop-docx-on-drafts", test_drop_docx_on_drafts);
  g_test_add_func ("/office/open-odt", test_open_odt);
  g_test_add_func ("/office/drop-docx-on-sources", test_drop_docx_on_sources);
  g_test_add_func ("/office/export-menu", test_export_menu);
  g_test_add_func ("/office/export-cancel", test_export_cancel);
  g_test_add_func ("/office/tracked-changes-said", test_tracked_changes_said);
  g_test_add_func ("/office/export-compilation", test_export_compilation);

  return plenary_test_run (app);
}
