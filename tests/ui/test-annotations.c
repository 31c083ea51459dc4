/* test-annotations.c: comments, citations and highlights in the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "plenary-annotations.h"
#include "plenary-application.h"
#include "plenary-comments-panel.h"
#include "plenary-page.h"
#include "plenary-source-importer.h"
#include "plenary-test-utils.h"
#include "plenary-window-private.h"

#define AUTHOR "Délégation de la France"

static PlenaryApplication *app;

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static PlenaryWindow *
new_window (void)
{
  PlenaryWindow *window = plenary_application_new_window (app);
  plenary_test_spin (50);
  return window;
}

static void
close_window_discarding (PlenaryWindow *window)
{
  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  plenary_test_spin (50);
}

/* An open document with its live annotations: the page's, or ours if the
 * page does not make one. */
typedef struct
{
  PlenaryWindow      *window;
  PlenaryDocument    *document;
  GtkTextBuffer      *buffer;
  PlenaryAnnotations *annotations;
} Open;

static void
open_attach (Open *open)
{
  PlenaryPage *page = plenary_window_get_visible_page (open->window);

  g_assert_nonnull (page);
  open->document = plenary_page_get_document (page);
  /* Made by the page before the file is loaded: the anchors are placed
   * when the draft arrives. */
  open->annotations = plenary_page_get_annotations (page);
  plenary_test_spin_until (plenary_test_document_idle, open->document);
  plenary_test_spin (50);
  open->buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (open->document));
}

static void
open_sample (Open *open)
{
  open->window = new_window ();
  plenary_application_open_sample (app, open->window);
  open_attach (open);
}

static void
open_file (Open  *open,
           GFile *file)
{
  open->window = new_window ();
  plenary_application_open_file (app, open->window, file);
  open_attach (open);
}

static void
open_close (Open *open)
{
  close_window_discarding (open->window);
  memset (open, 0, sizeof *open);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* Code point offset of NEEDLE in HAYSTACK. */
static int
offset_of (const char *haystack,
           const char *needle)
{
  const char *found = strstr (haystack, needle);

  g_assert_nonnull (found);
  return (int) g_utf8_pointer_to_offset (haystack, found);
}

static void
select_words (GtkTextBuffer *buffer,
              const char    *words)
{
  g_autofree char *text = buffer_text (buffer);
  int start = offset_of (text, words);
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, start + (int) g_utf8_strlen (words, -1));
  gtk_text_buffer_select_range (buffer, &a, &b);
}

static void
insert_at (GtkTextBuffer *buffer,
           int            offset,
           const char    *text)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_insert (buffer, &iter, text, -1);
}

static char *
range_text (Open              *open,
            PlenaryAnnotation *annotation)
{
  GtkTextIter start, end;

  if (!plenary_annotations_get_range (open->annotations, annotation, &start, &end))
    return NULL;
  return gtk_text_iter_get_text (&start, &end);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (plenary_document_save_finish (PLENARY_DOCUMENT (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) data = TRUE;
}

/* Saves to FILE and returns the JSON annotation with id ID (or of kind
 * KIND when ID is NULL), parsed from the bytes written. */
static JsonObject *
save_and_find (Open       *open,
               GFile      *file,
               const char *id,
               const char *kind)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  gboolean done = FALSE;
  JsonArray *annotations;

  plenary_document_save_async (open->document, file, TRUE, NULL, saved_cb, &done);
  plenary_test_spin_until (flag_set, &done);

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  annotations = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "annotations");
  for (guint i = 0; i < json_array_get_length (annotations); i++)
    {
      JsonObject *object = json_array_get_object_element (annotations, i);

      if ((id != NULL && g_strcmp0 (json_object_get_string_member (object, "id"), id) == 0) ||
          (id == NULL && g_strcmp0 (json_object_get_string_member (object, "kind"), kind) == 0))
        return json_object_ref (object);
    }

  return NULL;
}

static JsonObject *
selector (JsonObject *anchor,
          const char *type)
{
  JsonArray *selectors = json_object_get_array_member (anchor, "selector");

  for (guint i = 0; i < json_array_get_length (selectors); i++)
    {
      JsonObject *object = json_array_get_object_element (selectors, i);

      if (g_strcmp0 (json_object_get_string_member (object, "type"), type) == 0)
        return object;
    }

  g_assert_not_reached ();
}

static GFile *
temp_file (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plenary-annotations-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static PlenaryAnnotation *
find_by_id (GListModel *model,
            const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PlenaryAnnotation) annotation = g_list_model_get_item (model, i);

      if (g_strcmp0 (plenary_annotation_get_id (annotation), id) == 0)
        return annotation;
    }

  return NULL;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

static GtkWidget *
find_category_entry (GtkWidget  *widget,
                     const char *name)
{
  if (GTK_IS_ENTRY (widget) && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_category_entry (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_entry (GtkWidget *widget)
{
  if (GTK_IS_ENTRY (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_icon_button (GtkWidget  *widget,
                  const char *icon_name)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_icon_button (child, icon_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_comment_follows_edits_and_round_trips (void)
{
  g_autoptr(GFile) file = temp_file ("Commentée.plenary.json");
  g_autoptr(JsonObject) json = NULL;
  g_autofree char *id = NULL;
  g_autofree char *words = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) created = NULL;
  PlenaryAnnotation *comment;
  GtkTextIter start, end;
  JsonArray *replies;
  Open open = { 0 };
  int at;

  open_sample (&open);

  /* Nothing selected: nothing to comment on. */
  gtk_text_buffer_get_start_iter (open.buffer, &start);
  gtk_text_buffer_place_cursor (open.buffer, &start);
  g_assert_null (plenary_annotations_add_comment (open.annotations, "Rien", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  select_words (open.buffer, "un important progrès");
  comment = plenary_annotations_add_comment (open.annotations, "Chiffrer ce progrès ?", NULL);
  g_assert_nonnull (comment);
  id = g_strdup (plenary_annotation_get_id (comment));
  plenary_annotations_add_reply (open.annotations, comment, "Voir le rapport de l'OIT.");
  g_assert_cmpstr (plenary_annotation_get_author (comment), ==, AUTHOR);
  created = g_date_time_new_from_iso8601 (plenary_annotation_get_created (comment), NULL);
  g_assert_nonnull (created);

  /* The words are highlighted in the editor. */
  plenary_test_spin (50);
  g_assert_true (plenary_annotations_get_range (open.annotations, comment, &start, &end));
  g_assert_true (gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (open.buffer),
                                                                          PLENARY_ANNOTATIONS_TAG_COMMENT)));

  /* Edits before, inside and after the words. */
  text = buffer_text (open.buffer);
  at = offset_of (text, "un important progrès");
  insert_at (open.buffer, at + (int) g_utf8_strlen ("un important progrès, qu'il", -1), " lui aussi");
  insert_at (open.buffer, at + (int) g_utf8_strlen ("un ", -1), "très ");
  insert_at (open.buffer, at - (int) g_utf8_strlen ("l'humanité ", -1), "toute ");
  words = range_text (&open, comment);
  g_assert_cmpstr (words, ==, "un très important progrès");

  /* Clicking its thread selects the words. */
  gtk_text_buffer_get_start_iter (open.buffer, &start);
  gtk_text_buffer_place_cursor (open.buffer, &start);
  g_assert_true (plenary_annotations_jump_to (open.annotations, comment));
  g_assert_true (gtk_text_buffer_get_selection_bounds (open.buffer, &start, &end));
  g_clear_pointer (&words, g_free);
  words = gtk_text_iter_get_text (&start, &end);
  g_assert_cmpstr (words, ==, "un très important progrès");

  json = save_and_find (&open, file, id, NULL);
  g_assert_nonnull (json);
  g_assert_cmpstr (json_object_get_string_member (json, "kind"), ==, "comment");
  g_assert_cmpstr (json_object_get_string_member (json, "note"), ==, "Chiffrer ce progrès ?");
  g_assert_cmpstr (json_object_get_string_member (json, "author"), ==, AUTHOR);
  g_assert_false (json_object_get_boolean_member (json, "resolved"));
  g_assert_cmpstr (json_object_get_string_member (selector (json_object_get_object_member (json, "target"),
                                                            "TextQuoteSelector"), "exact"),
                   ==, "un très important progrès");
  replies = json_object_get_array_member (json, "replies");
  g_assert_cmpuint (json_array_get_length (replies), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (replies, 0), "text"),
                   ==, "Voir le rapport de l'OIT.");
  open_close (&open);

  /* Reopened: on the same words, with its reply and author. */
  open_file (&open, file);
  comment = find_by_id (plenary_annotations_get_model (open.annotations), id);
  g_assert_nonnull (comment);
  g_clear_pointer (&words, g_free);
  words = range_text (&open, comment);
  g_assert_cmpstr (words, ==, "un très important progrès");
  g_assert_cmpuint (plenary_annotation_get_replies (comment)->len, ==, 1);
  g_assert_cmpstr (((PlenaryReply *) g_ptr_array_index (plenary_annotation_get_replies (comment), 0))->author, ==, AUTHOR);
  g_assert_cmpstr (plenary_annotation_get_author (comment), ==, AUTHOR);
  g_assert_false (plenary_annotation_get_orphan (comment));
  open_close (&open);
}

/* Text typed at either edge of commented words stays outside them, also
 * a new paragraph after the last word; the saved quote is exactly the
 * words. Deleting the words and undoing brings them back commented. */
static void
test_typing_at_edges (void)
{
  g_autoptr(GFile) file = temp_file ("Bords.plenary.json");
  g_autoptr(JsonObject) json = NULL;
  g_autofree char *id = NULL;
  g_autofree char *words = NULL;
  g_autofree char *text = NULL;
  PlenaryAnnotation *comment;
  GtkTextIter start, end;
  Open open = { 0 };
  int at;

  open_sample (&open);
  select_words (open.buffer, "un important progrès");
  comment = plenary_annotations_add_comment (open.annotations, "Chiffrer ?", NULL);
  g_assert_nonnull (comment);
  id = g_strdup (plenary_annotation_get_id (comment));

  text = buffer_text (open.buffer);
  at = offset_of (text, "un important progrès");
  /* Typed one key at a time, as a delegate does, right after the words
   * and right before them. */
  for (const char *p = " hydraulique"; *p != '\0'; p++)
    {
      char key[2] = { *p, '\0' };

      insert_at (open.buffer, at + (int) g_utf8_strlen ("un important progrès", -1) + (int) (p - " hydraulique"), key);
    }
  insert_at (open.buffer, at, "vraiment ");
  words = range_text (&open, comment);
  g_assert_cmpstr (words, ==, "un important progrès");

  json = save_and_find (&open, file, id, NULL);
  g_assert_cmpstr (json_object_get_string_member (selector (json_object_get_object_member (json, "target"),
                                                            "TextQuoteSelector"), "exact"),
                   ==, "un important progrès");

  /* The last word of a paragraph, then Enter and a new paragraph. */
  {
    PlenaryAnnotation *last;
    GtkTextIter line_end;
    g_autofree char *last_words = NULL;

    gtk_text_buffer_get_start_iter (open.buffer, &line_end);
    gtk_text_iter_forward_to_line_end (&line_end);
    start = line_end;
    gtk_text_iter_backward_word_start (&start);
    gtk_text_buffer_select_range (open.buffer, &start, &line_end);
    last_words = gtk_text_iter_get_text (&start, &line_end);
    last = plenary_annotations_add_comment (open.annotations, "Dernier mot", NULL);
    g_assert_nonnull (last);
    gtk_text_buffer_begin_user_action (open.buffer);
    gtk_text_buffer_insert (open.buffer, &line_end, "\nPrie instamment les États ;", -1);
    gtk_text_buffer_end_user_action (open.buffer);
    g_clear_pointer (&words, g_free);
    words = range_text (&open, last);
    g_assert_cmpstr (words, ==, last_words);
  }

  /* The words deleted, then the deletion undone: commented again. */
  g_clear_pointer (&text, g_free);
  text = buffer_text (open.buffer);
  at = offset_of (text, "un important progrès");
  gtk_text_buffer_get_iter_at_offset (open.buffer, &start, at);
  gtk_text_buffer_get_iter_at_offset (open.buffer, &end, at + (int) g_utf8_strlen ("un important progrès", -1));
  gtk_text_buffer_begin_user_action (open.buffer);
  gtk_text_buffer_delete (open.buffer, &start, &end);
  gtk_text_buffer_end_user_action (open.buffer);
  g_assert_false (plenary_annotations_get_range (open.annotations, comment, &start, &end));
  gtk_text_buffer_undo (open.buffer);
  g_clear_pointer (&words, g_free);
  words = range_text (&open, comment);
  g_assert_cmpstr (words, ==, "un important progrès");

  open_close (&open);
}

typedef struct
{
  PlenarySource *source;
  gint64         start;
  gint64         end;
} Opened;

static void
on_open_source (PlenaryAnnotations *annotations,
                PlenarySource      *source,
                gint64              start,
                gint64              end,
                Opened             *opened)
{
  opened->source = source;
  opened->start = start;
  opened->end = end;
}

static PlenarySource *
source_containing (PlenaryDraft *draft,
                   const char   *passage,
                   gint64       *start,
                   gint64       *end)
{
  GListModel *sources = G_LIST_MODEL (plenary_draft_get_sources (draft));

  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 4);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(PlenarySource) source = g_list_model_get_item (sources, i);
      const char *text = plenary_source_get_text (source);

      if (strstr (text, passage) != NULL)
        {
          *start = offset_of (text, passage);
          *end = *start + g_utf8_strlen (passage, -1);
          return source;
        }
    }

  g_assert_not_reached ();
}

static void
test_cite_with_quote (void)
{
  const char *passage = "les pays du Sud ne se contentent pas de s’adapter";
  g_autoptr(GFile) file = temp_file ("Citée.plenary.json");
  g_autoptr(JsonObject) json = NULL;
  g_autoptr(JsonObject) json_plain = NULL;
  g_autofree char *text = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *marked = NULL;
  PlenaryAnnotation *citation, *plain;
  PlenarySource *source;
  JsonObject *quote, *position;
  Opened opened = { 0 };
  GtkTextIter iter;
  gint64 start, end;
  Open open = { 0 };
  int at;

  open_sample (&open);
  source = source_containing (plenary_document_get_draft (open.document), passage, &start, &end);

  /* The cursor after "progrès ": the quote goes there, between « ». */
  text = buffer_text (open.buffer);
  at = offset_of (text, "un important progrès") + (int) g_utf8_strlen ("un important progrès", -1);
  gtk_text_buffer_get_iter_at_offset (open.buffer, &iter, at);
  gtk_text_buffer_place_cursor (open.buffer, &iter);
  gtk_text_buffer_insert_at_cursor (open.buffer, " ", -1);
  citation = plenary_annotations_cite (open.annotations, source, start, end, TRUE, NULL);
  g_assert_nonnull (citation);

  quoted = g_strdup_printf ("«\u00a0%s\u00a0»", passage);
  g_clear_pointer (&text, g_free);
  text = buffer_text (open.buffer);
  g_assert_nonnull (strstr (text, "un important progrès «\u00a0les pays du Sud ne se contentent pas de s’adapter\u00a0», qu'il"));
  marked = range_text (&open, citation);
  g_assert_cmpstr (marked, ==, quoted);

  /* Hovering or Ctrl+clicking the marker finds it and opens the passage. */
  g_assert_true (plenary_annotations_citation_at (open.annotations, offset_of (text, quoted) + 3) == citation);
  g_assert_null (plenary_annotations_citation_at (open.annotations, 0));
  g_signal_connect (open.annotations, "open-source", G_CALLBACK (on_open_source), &opened);
  plenary_annotations_activate_citation (open.annotations, citation);
  g_assert_true (opened.source == source);
  g_assert_cmpint (opened.start, ==, start);
  g_assert_cmpint (opened.end, ==, end);

  /* So does "Open Cited Source" in the editor's menu, with the cursor in it. */
  memset (&opened, 0, sizeof opened);
  gtk_text_buffer_get_iter_at_offset (open.buffer, &iter, offset_of (text, quoted) + 5);
  gtk_text_buffer_place_cursor (open.buffer, &iter);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plenary_window_get_visible_page (open.window)),
                                             "page.open-citation", NULL));
  g_assert_true (opened.source == source);
  g_assert_cmpint (opened.start, ==, start);

  /* Without the quote, the citation supports the word before the cursor. */
  at = offset_of (text, "l'intelligence artificielle représente");
  gtk_text_buffer_get_iter_at_offset (open.buffer, &iter, at + (int) g_utf8_strlen ("l'intelligence artificielle ", -1));
  gtk_text_buffer_place_cursor (open.buffer, &iter);
  plain = plenary_annotations_cite (open.annotations, source, start, end, FALSE, NULL);
  g_assert_nonnull (plain);
  g_clear_pointer (&marked, g_free);
  marked = range_text (&open, plain);
  g_assert_cmpstr (marked, ==, "artificielle");

  json = save_and_find (&open, file, plenary_annotation_get_id (citation), NULL);
  g_assert_nonnull (json);
  g_assert_cmpstr (json_object_get_string_member (json, "kind"), ==, "citation");
  g_assert_true (json_object_get_boolean_member (json, "show_quote"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json, "target"), "source"),
                   ==, "draft");
  g_assert_cmpstr (json_object_get_string_member (selector (json_object_get_object_member (json, "target"),
                                                            "TextQuoteSelector"), "exact"), ==, quoted);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json, "citation"), "source"),
                   ==, plenary_source_get_id (source));
  quote = selector (json_object_get_object_member (json, "citation"), "TextQuoteSelector");
  position = selector (json_object_get_object_member (json, "citation"), "TextPositionSelector");
  g_assert_cmpstr (json_object_get_string_member (quote, "exact"), ==, passage);
  g_assert_cmpint (json_object_get_int_member (position, "start"), ==, start);
  g_assert_cmpint (json_object_get_int_member (position, "end"), ==, end);

  json_plain = save_and_find (&open, file, plenary_annotation_get_id (plain), NULL);
  g_assert_false (json_object_get_boolean_member (json_plain, "show_quote"));
  g_assert_cmpstr (json_object_get_string_member (selector (json_object_get_object_member (json_plain, "target"),
                                                            "TextQuoteSelector"), "exact"), ==, "artificielle");

  open_close (&open);
}

/* Cited with the cursor right after a word: the quotation gets its space
 * before «, and a Markdown source gives words, not its markup. */
static void
test_cite_spacing_and_plain_quote (void)
{
  g_autoptr(PlenarySource) source = plenary_source_new ("s-md", "Note", "note.md", "text/markdown",
                                                        "# Titre\n\nL'**intelligence artificielle** change le _travail_ "
                                                        "et [l'emploi](https://example.org).\n");
  const char *text_md = plenary_source_get_text (source);
  g_autofree char *text = NULL;
  g_autofree char *marked = NULL;
  PlenaryAnnotation *citation;
  GtkTextIter iter;
  Open open = { 0 };
  int at;

  open_sample (&open);
  g_list_store_append (plenary_draft_get_sources (plenary_document_get_draft (open.document)), source);

  text = buffer_text (open.buffer);
  at = offset_of (text, "un important progrès") + (int) g_utf8_strlen ("un important progrès", -1);
  gtk_text_buffer_get_iter_at_offset (open.buffer, &iter, at);
  gtk_text_buffer_place_cursor (open.buffer, &iter);
  citation = plenary_annotations_cite (open.annotations, source,
                                       offset_of (text_md, "L'**"), offset_of (text_md, ".\n"), TRUE, NULL);
  g_assert_nonnull (citation);

  g_clear_pointer (&text, g_free);
  text = buffer_text (open.buffer);
  g_assert_nonnull (strstr (text, "un important progrès «\u00a0L'intelligence artificielle change le travail "
                                  "et l'emploi\u00a0»"));
  marked = range_text (&open, citation);
  g_assert_cmpstr (marked, ==, "«\u00a0L'intelligence artificielle change le travail et l'emploi\u00a0»");
  /* The source anchor still holds the source's own text. */
  g_assert_cmpstr (plenary_annotation_get_source_anchor (citation)->exact, ==,
                   "L'**intelligence artificielle** change le _travail_ et [l'emploi](https://example.org)");

  /* A passage already in quotation marks gets them once. */
  {
    g_autoptr(PlenarySource) quoted = plenary_source_new ("s-q", "Appel", "appel.txt", "text/plain",
                                                          "Le rapport lance un « Appel après la crise » aux États.");
    const char *text_q = plenary_source_get_text (quoted);
    PlenaryAnnotation *again;

    g_list_store_append (plenary_draft_get_sources (plenary_document_get_draft (open.document)), quoted);
    gtk_text_buffer_get_end_iter (open.buffer, &iter);
    gtk_text_buffer_place_cursor (open.buffer, &iter);
    gtk_text_buffer_insert_at_cursor (open.buffer, "\nNote l'", -1);
    again = plenary_annotations_cite (open.annotations, quoted, offset_of (text_q, "« Appel"),
                                      offset_of (text_q, " aux États"), TRUE, NULL);
    g_assert_nonnull (again);
    g_clear_pointer (&marked, g_free);
    marked = range_text (&open, again);
    g_assert_cmpstr (marked, ==, "«\u00a0Appel après la crise\u00a0»");
  }

  open_close (&open);
}

/* Sources imported from Markdown and from a web page hold plain text: a
 * passage cited from either comes out as its words, and the footnote's
 * anchor holds the same words. */
static void
test_cite_formatted_sources (void)
{
  static const struct {
    const char *name;
    const char *contents;
  } files[] = {
    { "note.md", "# Titre\n\nL'**intelligence artificielle** change le _travail_ et [l'emploi](https://example.org).\n" },
    { "note.html", "<h1>Titre</h1><p>L'<b>intelligence artificielle</b> change le <i>travail</i> "
                   "et <a href=\"https://example.org\">l'emploi</a>.</p>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (files[i].contents, strlen (files[i].contents));
      g_autoptr(PlenarySource) source = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *marked = NULL;
      const char *source_text;
      PlenaryAnnotation *citation;
      GtkTextIter iter;
      Open open = { 0 };
      int at;

      open_sample (&open);
      source = plenary_source_importer_import_bytes (plenary_document_get_draft (open.document), bytes,
                                                     files[i].name, NULL, &error);
      g_assert_no_error (error);
      g_list_store_append (plenary_draft_get_sources (plenary_document_get_draft (open.document)), source);
      source_text = plenary_source_get_text (source);
      g_assert_nonnull (strstr (source_text, "L'intelligence artificielle change le travail et l'emploi."));

      text = buffer_text (open.buffer);
      at = offset_of (text, "un important progrès") + (int) g_utf8_strlen ("un important progrès", -1);
      gtk_text_buffer_get_iter_at_offset (open.buffer, &iter, at);
      gtk_text_buffer_place_cursor (open.buffer, &iter);
      citation = plenary_annotations_cite (open.annotations, source,
                                           offset_of (source_text, "L'intelligence"),
                                           offset_of (source_text, "."), TRUE, NULL);
      g_assert_nonnull (citation);

      marked = range_text (&open, citation);
      g_assert_cmpstr (marked, ==, "«\u00a0L'intelligence artificielle change le travail et l'emploi\u00a0»");
      g_assert_cmpstr (plenary_annotation_get_source_anchor (citation)->exact, ==,
                       "L'intelligence artificielle change le travail et l'emploi");
      open_close (&open);
    }
}

/* In English, the quote goes in “ ” after a space, as plain words. */
static void
test_cite_spacing_english (void)
{
  g_autoptr(PlenarySource) source = plenary_source_new ("s-en", "Report", "report.md", "text/markdown",
                                                        "Cooperation is **essential** for _lasting_ peace.\n");
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "en");
  const char *source_text = plenary_source_get_text (source);
  g_autofree char *text = NULL;
  g_autofree char *marked = NULL;
  PlenaryAnnotation *citation;
  GtkTextIter iter;
  Open open = { 0 };

  open.window = new_window ();
  open.document = plenary_document_new (draft, "Draft");
  plenary_window_add_document (open.window, open.document);
  open_attach (&open);
  gtk_text_buffer_set_text (open.buffer, "The General Assembly,\nRecalling the report, adopted in 2020,\n", -1);
  g_list_store_append (plenary_draft_get_sources (plenary_document_get_draft (open.document)), source);

  text = buffer_text (open.buffer);
  gtk_text_buffer_get_iter_at_offset (open.buffer, &iter, offset_of (text, ", adopted"));
  gtk_text_buffer_place_cursor (open.buffer, &iter);
  citation = plenary_annotations_cite (open.annotations, source, offset_of (source_text, "Cooperation"),
                                       offset_of (source_text, ".\n"), TRUE, NULL);
  g_assert_nonnull (citation);

  g_clear_pointer (&text, g_free);
  text = buffer_text (open.buffer);
  g_assert_cmpstr (text, ==, "The General Assembly,\n"
                             "Recalling the report “Cooperation is essential for lasting peace”, adopted in 2020,\n");
  marked = range_text (&open, citation);
  g_assert_cmpstr (marked, ==, "“Cooperation is essential for lasting peace”");

  g_object_unref (open.document);
  open_close (&open);
}

static gboolean
export_ended (gpointer window)
{
  return !gtk_revealer_get_reveal_child (PLENARY_WINDOW (window)->export_banner);
}

static JsonObject *
draft_anchor (const char *target,
              const char *exact,
              const char *prefix,
              const char *suffix,
              gint64      start,
              gint64      end)
{
  JsonObject *anchor = json_object_new ();
  JsonArray *selectors = json_array_new ();
  JsonObject *quote = json_object_new ();
  JsonObject *position = json_object_new ();

  json_object_set_string_member (quote, "type", "TextQuoteSelector");
  json_object_set_string_member (quote, "exact", exact);
  json_object_set_string_member (quote, "prefix", prefix);
  json_object_set_string_member (quote, "suffix", suffix);
  json_object_set_string_member (position, "type", "TextPositionSelector");
  json_object_set_int_member (position, "start", start);
  json_object_set_int_member (position, "end", end);
  json_array_add_object_element (selectors, quote);
  json_array_add_object_element (selectors, position);
  json_object_set_string_member (anchor, "source", target);
  json_object_set_array_member (anchor, "selector", selectors);
  return anchor;
}

static JsonObject *
stale_annotation (const char *id,
                  const char *kind,
                  JsonObject *target,
                  JsonObject *citation)
{
  JsonObject *annotation = json_object_new ();

  json_object_set_string_member (annotation, "id", id);
  json_object_set_string_member (annotation, "kind", kind);
  json_object_set_string_member (annotation, "author", "Délégation de la France");
  json_object_set_string_member (annotation, "created", "2026-01-05T10:00:00Z");
  json_object_set_string_member (annotation, "modified", "2026-01-05T10:00:00Z");
  json_object_set_boolean_member (annotation, "resolved", FALSE);
  json_object_set_string_member (annotation, "note", g_str_equal (kind, "comment") ? "Quelle coopération ?" : "");
  json_object_set_string_member (annotation, "category", "");
  json_object_set_object_member (annotation, "target", target);
  if (citation != NULL)
    {
      json_object_set_object_member (annotation, "citation", citation);
      json_object_set_boolean_member (annotation, "show_quote", FALSE);
    }
  json_object_set_array_member (annotation, "replies", json_array_new ());
  return annotation;
}

/* Issue 10, point 16, in the application: a draft whose stored positions
 * are stale (edited in another program, merged) opens with its comment on
 * the words it quotes and its citation where its context says, and the
 * PDF exported from the window has the footnote marker there, never
 * inside "L'Assemblée". */
static void
test_stale_anchors_found_by_quote (void)
{
  g_autoptr(GFile) file = temp_file ("Projet.plenary.json");
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GFile) text_file = g_file_get_child (folder, "projet.txt");
  g_autoptr(GFile) pdf_file = g_file_get_child (folder, "Projet.pdf");
  g_autofree char *plenary = g_build_filename (g_getenv ("PLENARY_BUILD_ROOT"), "src", "plenary", NULL);
  const char *pdf = g_file_peek_path (pdf_file);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *marked = NULL;
  g_autofree char *pdf_text = NULL;
  const char *convert[] = { plenary, "--convert", g_file_peek_path (text_file), g_file_peek_path (file), NULL };
  const char *pdftotext[] = { "pdftotext", "-raw", pdf, "-", NULL };
  JsonObject *root, *source;
  JsonArray *sources, *annotations;
  PlenaryAnnotation *comment;
  Open open = { 0 };

  g_assert_true (g_file_set_contents (g_file_peek_path (text_file),
                                      "L'Assemblée générale,\n"
                                      "Rappelant sa résolution « sur la coopération » de 2020,\n"
                                      "1. Décide de rester saisie de la question.\n", -1, &error));
  g_assert_no_error (error);
  plenary_test_run_command (convert);

  /* Edited elsewhere: positions that point inside "L'Assemblée". */
  g_assert_true (json_parser_load_from_file (parser, g_file_peek_path (file), &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  sources = json_array_new ();
  source = json_object_new ();
  json_object_set_string_member (source, "id", "s1");
  json_object_set_string_member (source, "title", "Rapport");
  json_object_set_string_member (source, "origin", "rapport.txt");
  json_object_set_string_member (source, "media_type", "text/plain");
  json_object_set_string_member (source, "text", "Le rapport dit tout.");
  json_array_add_object_element (sources, source);
  json_object_set_array_member (root, "sources", sources);
  annotations = json_array_new ();
  json_array_add_object_element (annotations,
                                 stale_annotation ("c1", "comment",
                                                   draft_anchor ("draft", "coopération", "sa résolution « sur la ",
                                                                 " » de 2020,", 2, 13),
                                                   NULL));
  json_array_add_object_element (annotations,
                                 stale_annotation ("c2", "citation",
                                                   draft_anchor ("draft", "", "résolution « sur la coopération »",
                                                                 " de 2020,\nDécide de rester", 5, 5),
                                                   draft_anchor ("s1", "dit tout", "Le rapport ", ".", 11, 19)));
  json_object_set_array_member (root, "annotations", annotations);
  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, g_file_peek_path (file), &error));
  g_assert_no_error (error);

  open_file (&open, file);
  comment = find_by_id (plenary_annotations_get_model (open.annotations), "c1");
  g_assert_nonnull (comment);
  g_assert_false (plenary_annotation_get_orphan (comment));
  marked = range_text (&open, comment);
  g_assert_cmpstr (marked, ==, "coopération");

  /* The PDF the delegate hands in. */
  plenary_window_export (open.window, open.document, pdf_file, PLENARY_EXPORT_PDF);
  plenary_test_spin_until (export_ended, open.window);
  g_assert_true (g_spawn_sync (NULL, (char **) pdftotext, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &pdf_text, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (pdf_text, "L'Assemblée générale,") ?: strstr (pdf_text, "L’Assemblée générale,"));
  g_assert_true (g_regex_match_simple ("coopération\\s»1\\s+de 2020", pdf_text, 0, 0));

  g_unlink (pdf);
  g_unlink (g_file_peek_path (text_file));
  open_close (&open);
}

static void
test_orphan_and_resolve (void)
{
  g_autoptr(GFile) file = temp_file ("Orpheline.plenary.json");
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) resolved = NULL;
  g_autoptr(JsonObject) reopened = NULL;
  g_autoptr(JsonNode) before_target = NULL;
  g_autoptr(JsonNode) after_target = NULL;
  g_autofree char *id = NULL;
  GtkWidget *panel = plenary_comments_panel_new ();
  GtkWidget *holder = gtk_window_new ();
  PlenaryAnnotation *comment;
  GtkTextIter start, end;
  Open open = { 0 };

  open_sample (&open);
  gtk_window_set_child (GTK_WINDOW (holder), panel);
  plenary_comments_panel_set_annotations (PLENARY_COMMENTS_PANEL (panel), open.annotations);

  select_words (open.buffer, "la prospérité des peuples");
  comment = plenary_annotations_add_comment (open.annotations, "Trop vague.", NULL);
  id = g_strdup (plenary_annotation_get_id (comment));
  before = save_and_find (&open, file, id, NULL);
  before_target = json_node_init_object (json_node_alloc (), json_object_get_object_member (before, "target"));

  /* Resolve, then reopen: the flag follows in the file. */
  plenary_annotations_set_resolved (open.annotations, comment, TRUE);
  g_assert_true (plenary_document_get_modified (open.document));
  resolved = save_and_find (&open, file, id, NULL);
  g_assert_true (json_object_get_boolean_member (resolved, "resolved"));
  plenary_annotations_set_resolved (open.annotations, comment, FALSE);
  reopened = save_and_find (&open, file, id, NULL);
  g_assert_false (json_object_get_boolean_member (reopened, "resolved"));

  /* The words deleted: an orphan, written back as it was. */
  g_assert_true (plenary_annotations_get_range (open.annotations, comment, &start, &end));
  gtk_text_buffer_delete (open.buffer, &start, &end);
  after = save_and_find (&open, file, id, NULL);
  g_assert_true (plenary_annotation_get_orphan (comment));
  after_target = json_node_init_object (json_node_alloc (), json_object_get_object_member (after, "target"));
  g_assert_true (json_node_equal (before_target, after_target));
  g_assert_cmpstr (json_object_get_string_member (after, "note"), ==, "Trop vague.");

  /* The panel says so, with the quote. */
  plenary_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (plenary_comments_panel_get_items (PLENARY_COMMENTS_PANEL (panel))), ==, 1);
  g_assert_true (has_label (panel, "Not found in the text"));
  g_assert_true (has_label (panel, "la prospérité des peuples"));

  /* Undoing the deletion brings the words, and the comment, back. */
  gtk_text_buffer_insert (open.buffer, &start, "la prospérité des peuples", -1);
  g_clear_pointer (&after, json_object_unref);
  after = save_and_find (&open, file, id, NULL);
  g_assert_false (plenary_annotation_get_orphan (comment));
  plenary_test_spin (50);
  g_assert_false (has_label (panel, "Not found in the text"));

  plenary_comments_panel_set_annotations (PLENARY_COMMENTS_PANEL (panel), NULL);
  gtk_window_destroy (GTK_WINDOW (holder));
  open_close (&open);
}

static void
test_panel_filter_and_highlights (void)
{
  g_autoptr(GFile) file = temp_file ("Surlignée.plenary.json");
  g_autoptr(JsonObject) json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = NULL;
  PlenaryCommentsPanel *panel = PLENARY_COMMENTS_PANEL (plenary_comments_panel_new ());
  GtkWidget *holder = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GListModel *items = plenary_comments_panel_get_items (panel);
  GListModel *sources;
  g_autoptr(PlenarySource) first = NULL;
  g_autoptr(PlenarySource) second = NULL;
  g_autoptr(PlenaryAnnotation) shown = NULL;
  PlenaryAnnotation *highlight, *comment;
  GtkWidget *menu_button, *green, *entry;
  JsonObject *root;
  Open open = { 0 };
  guint position;

  open_sample (&open);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (panel));
  gtk_window_set_child (GTK_WINDOW (holder), overlay);
  plenary_comments_panel_set_annotations (panel, open.annotations);
  sources = G_LIST_MODEL (plenary_draft_get_sources (plenary_document_get_draft (open.document)));
  first = g_list_model_get_item (sources, 0);
  second = g_list_model_get_item (sources, 1);

  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_last_child (GTK_WIDGET (panel)))), ==, "empty");

  select_words (open.buffer, "un important progrès");
  /* Ctrl+Alt+M on the page: an empty comment on the selected words. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plenary_window_get_visible_page (open.window)),
                                             "page.comment", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  comment = g_list_model_get_item (items, 0);
  g_object_unref (comment);
  g_assert_cmpstr (plenary_annotation_get_note (comment), ==, "");
  highlight = plenary_annotations_add_highlight (open.annotations, first, 10, 40, "green", "Utile pour le préambule.");
  g_assert_cmpstr (plenary_annotation_get_anchor (highlight)->target, ==, plenary_source_get_id (first));

  /* Draft: the comment only. */
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  shown = g_list_model_get_item (items, 0);
  g_assert_true (shown == comment);
  g_clear_object (&shown);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_last_child (GTK_WIDGET (panel)))), ==, "list");

  /* Its thread: the first text is the comment, the next ones replies. */
  entry = find_entry (GTK_WIDGET (panel));
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (entry)), ==, "Write a comment…");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Source ?");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (plenary_annotation_get_note (comment), ==, "Source ?");
  entry = find_entry (GTK_WIDGET (panel));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Le rapport de l'OIT, p. 4.");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (plenary_annotation_get_replies (comment)->len, ==, 1);
  g_assert_true (has_label (GTK_WIDGET (panel), "Le rapport de l'OIT, p. 4."));
  g_signal_emit_by_name (find_button (GTK_WIDGET (panel), "_Resolve"), "clicked");
  g_assert_true (plenary_annotation_get_resolved (comment));
  g_signal_emit_by_name (find_button (GTK_WIDGET (panel), "Re_open"), "clicked");
  g_assert_false (plenary_annotation_get_resolved (comment));

  /* All sources: the highlight only. */
  plenary_comments_panel_set_filter (panel, PLENARY_COMMENTS_FILTER_ALL_SOURCES);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  shown = g_list_model_get_item (items, 0);
  g_assert_true (shown == highlight);
  plenary_test_spin (50);
  g_assert_true (has_label (GTK_WIDGET (panel), "Utile pour le préambule."));
  g_assert_true (has_label (GTK_WIDGET (panel), "● Supports our position"));

  /* This source: the highlight when its source is shown. */
  plenary_comments_panel_set_filter (panel, PLENARY_COMMENTS_FILTER_THIS_SOURCE);
  plenary_comments_panel_set_source (panel, second);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
  plenary_comments_panel_set_source (panel, first);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);

  /* The delegates rename the colours of this draft, from the panel. */
  g_assert_nonnull ((menu_button = plenary_test_find_child (GTK_WIDGET (panel), GTK_TYPE_MENU_BUTTON)));
  gtk_window_present (GTK_WINDOW (holder));
  plenary_test_spin (50);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  plenary_test_spin (50);
  /* The meaning of green, as the delegates named it. */
  green = find_category_entry (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button))),
                               "Supports our position");
  g_assert_nonnull (green);
  gtk_editable_set_text (GTK_EDITABLE (green), "Argument de la Russie");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
  plenary_test_spin (50);
  name = plenary_annotations_dup_category_name (open.annotations, "green");
  g_assert_cmpstr (name, ==, "Argument de la Russie");
  g_assert_true (has_label (GTK_WIDGET (panel), "● Argument de la Russie"));
  g_assert_true (plenary_document_get_modified (open.document));

  /* Deleting and undoing puts it back in its place. */
  g_object_ref (highlight);
  position = plenary_annotations_remove (open.annotations, highlight);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
  plenary_annotations_restore (open.annotations, highlight, position);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  g_object_unref (highlight);

  /* The same from its thread: deleted, then back with Undo on the toast. */
  g_assert_cmpuint (plenary_comments_panel_get_filter (panel), ==, PLENARY_COMMENTS_FILTER_THIS_SOURCE);
  g_signal_emit_by_name (find_icon_button (GTK_WIDGET (panel), "user-trash-symbolic"), "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
  plenary_test_spin (50);
  g_signal_emit_by_name (find_button (overlay, "_Undo"), "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);

  json = save_and_find (&open, file, plenary_annotation_get_id (highlight), NULL);
  g_assert_cmpstr (json_object_get_string_member (json, "kind"), ==, "highlight");
  g_assert_cmpstr (json_object_get_string_member (json, "category"), ==, "green");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json, "target"), "source"),
                   ==, plenary_source_get_id (first));
  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "highlight_categories"), "green"),
                   ==, "Argument de la Russie");

  plenary_comments_panel_set_annotations (panel, NULL);
  gtk_window_destroy (GTK_WINDOW (holder));
  open_close (&open);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GSettings) settings = NULL;

  app = plenary_test_init (&argc, &argv);

  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "author-name", AUTHOR);

  g_test_add_func ("/annotations/comment-follows-edits", test_comment_follows_edits_and_round_trips);
  g_test_add_func ("/annotations/typing-at-edges", test_typing_at_edges);
  g_test_add_func ("/annotations/cite-with-quote", test_cite_with_quote);
  g_test_add_func ("/annotations/cite-spacing-plain-quote", test_cite_spacing_and_plain_quote);
  g_test_add_func ("/annotations/cite-formatted-sources", test_cite_formatted_sources);
  g_test_add_func ("/annotations/cite-spacing-english", test_cite_spacing_english);
  g_test_add_func ("/annotations/stale-anchors-found-by-quote", test_stale_anchors_found_by_quote);
  g_test_add_func ("/annotations/orphan-and-resolve", test_orphan_and_resolve);
  g_test_add_func ("/annotations/panel-filter", test_panel_filter_and_highlights);

  return plenary_test_run (app);
}
