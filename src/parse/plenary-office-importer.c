/* plenary-office-importer.c
 *
 * Copyright 2026 The Plenary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-office-importer"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "plenary-clause-parser.h"
#include "plenary-clause-printer.h"
#include "plenary-importer.h"
#include "plenary-office-importer.h"
#include "plenary-proposals.h"

#define CONTEXT_LENGTH 32

/* The styles of the masthead Plenary writes: their text comes back from
 * the document properties instead. */
static const char * const masthead_styles[] = {
  "Masthead", "Masthead Symbol", "Masthead Body", "Masthead Details", "Session Line",
  "Sponsor Line", "Document Type", "Document Title", NULL
};

/* What Markdown would take as markup, escaped, for when the text reads as
 * Markdown (CommonMark undoes a backslash before any ASCII punctuation). */
static void
append_text (GString    *out,
             const char *text,
             gboolean    markdown)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (markdown && g_ascii_ispunct (*p))
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

/* The text of PARAGRAPH with the call "[^N]" of each of its footnotes
 * where its reference was (*NUMBER counts them through the document). */
static void
append_with_calls (GString                *out,
                   PlenaryOfficeParagraph *paragraph,
                   gboolean                markdown,
                   guint                  *number)
{
  const char *p = paragraph->text;
  gint64 at = 0;

  for (guint n = 0; n < paragraph->notes->len; n++)
    {
      PlenaryOfficeNote *note = &g_array_index (paragraph->notes, PlenaryOfficeNote, n);
      const char *to = p;
      g_autofree char *part = NULL;
      g_autofree char *call = NULL;

      for (; at < note->offset && *to != '\0'; at++)
        to = g_utf8_next_char (to);
      part = g_strndup (p, to - p);
      append_text (out, part, markdown);
      call = g_strdup_printf ("[^%u]", ++*number);
      append_text (out, call, markdown);
      p = to;
    }
  append_text (out, p, markdown);
}

static gboolean
is_label_letter (const char *label)
{
  const char *p = label + (label[0] == '(' ? 1 : 0);

  return g_ascii_isalpha (p[0]);
}

static gboolean
is_masthead (PlenaryOfficeParagraph *paragraph,
             gboolean                ours)
{
  return ours && paragraph->style != NULL && g_strv_contains (masthead_styles, paragraph->style);
}

static gboolean
has_headings (PlenaryOfficeDocument *document,
              gboolean               ours)
{
  for (guint i = 0; i < document->paragraphs->len; i++)
    {
      PlenaryOfficeParagraph *paragraph = g_ptr_array_index (document->paragraphs, i);

      if (paragraph->kind == PLENARY_OFFICE_BLOCK_HEADING && !is_masthead (paragraph, ours))
        return TRUE;
    }
  return FALSE;
}

/* The paragraphs as the text importer reads them: one a line, blank lines between, the list
 * labels Word computes written out, sub-paragraphs indented by tabs,
 * headings after "# " and bullets after "- ". MARKDOWN: the text will be
 * read as Markdown, so its markup characters are escaped. */
static char *
to_text (PlenaryOfficeDocument *document,
         gboolean               skip_masthead,
         gboolean               markdown)
{
  GString *out = g_string_new (NULL);
  guint notes = 0;

  for (guint i = 0; i < document->paragraphs->len; i++)
    {
      PlenaryOfficeParagraph *paragraph = g_ptr_array_index (document->paragraphs, i);
      guint level = paragraph->level;

      if (is_masthead (paragraph, skip_masthead))
        continue;

      switch (paragraph->kind)
        {
        case PLENARY_OFFICE_BLOCK_HEADING:
          g_string_append (out, "# ");
          break;
        case PLENARY_OFFICE_BLOCK_NUMBERED:
          /* "a)" on the first level of a list is a sub-paragraph. */
          if (level == 0 && is_label_letter (paragraph->label))
            level = 1;
          /* Markdown would read an indented line as code: there the
           * labels alone say the level, as in text from a PDF. */
          for (guint l = 0; !markdown && l < MIN (level, 2); l++)
            g_string_append_c (out, '\t');
          g_string_append_printf (out, "%s ", paragraph->label);
          break;
        case PLENARY_OFFICE_BLOCK_BULLET:
          for (guint l = 0; !markdown && l < MIN (level, 2); l++)
            g_string_append_c (out, '\t');
          g_string_append (out, "- ");
          break;
        case PLENARY_OFFICE_BLOCK_PARAGRAPH:
        default:
          break;
        }
      append_with_calls (out, paragraph, markdown, &notes);
      /* A blank line after each: Word's paragraphs are paragraphs, never
       * lines of one wrapped paragraph to join. */
      g_string_append (out, "\n\n");
    }

  return g_string_free (out, FALSE);
}

/* The words a paragraph starts with in italics, by the paragraph's text. */
static GHashTable *
italic_openings (PlenaryOfficeDocument *document)
{
  GHashTable *openings = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < document->paragraphs->len; i++)
    {
      PlenaryOfficeParagraph *paragraph = g_ptr_array_index (document->paragraphs, i);
      char *phrase;

      if (paragraph->italic_end == 0 || paragraph->kind == PLENARY_OFFICE_BLOCK_HEADING ||
          g_hash_table_contains (openings, paragraph->text))
        continue;
      phrase = g_strndup (paragraph->text, paragraph->italic_end);
      g_hash_table_insert (openings, paragraph->text, g_strchomp (phrase));
    }
  return openings;
}

/* Italics say exactly where the opening phrase ends: "Décide de rester
 * saisie" is "Décide" when only that word is in italics, whatever longer
 * phrase the dictionary knows. */
static void
apply_italic_phrases (PlenaryOfficeDocument *document,
                      PlenaryBody           *body)
{
  g_autoptr(GHashTable) openings = italic_openings (document);

  for (guint i = 0; i < body->paragraphs->len; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (body->paragraphs, i);
      g_autofree char *full = NULL;
      const char *italic;
      gsize len;

      if (paragraph->role != PLENARY_ROLE_PREAMBULAR && paragraph->role != PLENARY_ROLE_OPERATIVE)
        continue;
      full = plenary_paragraph_dup_full_text (paragraph);
      italic = g_hash_table_lookup (openings, full);
      if (italic == NULL || g_strcmp0 (italic, paragraph->phrase) == 0)
        continue;
      len = strlen (italic);
      if (full[len] != ' ' && full[len] != '\0')
        continue;

      g_free (paragraph->phrase);
      paragraph->phrase = g_strdup (italic);
      g_free (paragraph->text);
      paragraph->text = g_strdup (full[len] == ' ' ? full + len + 1 : "");
    }
}

static const char *
property (PlenaryOfficeDocument *document,
          const char            *field)
{
  g_autofree char *name = plenary_office_property_name (field);

  return g_hash_table_lookup (document->properties, name);
}

static void
apply_properties (PlenaryOfficeDocument *document,
                  PlenaryDraft          *draft)
{
  PlenaryMetadata *metadata = plenary_draft_get_metadata (draft);
  const char * const *fields = plenary_metadata_list_string_fields ();
  const char *value;

  /* The export leaves empty fields out: what is not there is empty, not
   * what the text importer guessed from the paragraphs. */
  for (guint i = 0; fields[i] != NULL; i++)
    plenary_metadata_set_string (metadata, fields[i], (value = property (document, fields[i])) ? value : "");

  if ((value = property (document, "co-sponsors")) != NULL && value[0] != '\0')
    {
      g_auto(GStrv) names = g_strsplit (value, "; ", -1);
      plenary_metadata_set_co_sponsors (metadata, (const char * const *) names);
    }
  if ((value = property (document, "signatories")) != NULL && value[0] != '\0')
    {
      g_auto(GStrv) names = g_strsplit (value, "; ", -1);
      plenary_metadata_set_signatories (metadata, (const char * const *) names);
    }
  if ((value = property (document, "page-limit")) != NULL)
    plenary_metadata_set_page_limit (metadata, (guint) g_ascii_strtoull (value, NULL, 10));
}

/* The editor text of the imported draft, searched for the words of each
 * comment and footnote in document order: searching from where the last
 * one was found and counting code points from there keeps the whole pass
 * linear in the length of the text. */
typedef struct
{
  const char *text;
  const char *cursor;
  gint64      cursor_offset;
} Editor;

static gint64
offset_of (Editor     *editor,
           const char *p)
{
  if (p < editor->cursor)
    {
      editor->cursor = editor->text;
      editor->cursor_offset = 0;
    }
  editor->cursor_offset += g_utf8_pointer_to_offset (editor->cursor, p);
  editor->cursor = p;
  return editor->cursor_offset;
}

/* NEEDLE after the cursor, else anywhere; preceded by PREFIX if possible. */
static const char *
find_text (Editor     *editor,
           const char *needle,
           const char *prefix)
{
  const char *starts[] = { editor->cursor, editor->text };

  if (needle[0] == '\0')
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      if (prefix != NULL && prefix[0] != '\0')
        {
          g_autofree char *both = g_strconcat (prefix, needle, NULL);
          const char *at = strstr (starts[i], both);

          if (at != NULL)
            return at + strlen (prefix);
        }
      {
        const char *at = strstr (starts[i], needle);

        if (at != NULL)
          return at;
      }
    }
  return NULL;
}

/* Up to CONTEXT_LENGTH code points before P (not before START) or after it. */
static char *
context_before_pointer (const char *start,
                        const char *p)
{
  const char *begin = p;

  for (guint i = 0; i < CONTEXT_LENGTH && begin > start; i++)
    begin = g_utf8_find_prev_char (start, begin);
  return g_strndup (begin, p - begin);
}

static char *
context_after_pointer (const char *p)
{
  const char *end = p;

  for (guint i = 0; i < CONTEXT_LENGTH && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  return g_strndup (p, end - p);
}

static char *
context_before (const char *text,
                gint64      start)
{
  return context_before_pointer (text, g_utf8_offset_to_pointer (text, start));
}

/* An anchor on the editor text for the words EXACT that came after PREFIX
 * in the document; placed at 0 (and left for the resolver to call orphan)
 * when the words are not in the draft any more. */
static PlenaryAnchor *
anchor_on (Editor     *editor,
           const char *exact,
           const char *prefix)
{
  const char *found = find_text (editor, exact, prefix);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 start;

  if (found == NULL)
    return plenary_anchor_new (PLENARY_ANCHOR_TARGET_DRAFT, exact, prefix, "", 0, 0);

  start = offset_of (editor, found);
  before = context_before_pointer (editor->text, found);
  after = context_after_pointer (found + strlen (exact));
  return plenary_anchor_new (PLENARY_ANCHOR_TARGET_DRAFT, exact, before, after,
                             start, start + g_utf8_strlen (exact, -1));
}

/* The words of PARAGRAPH's text between code points START and END; a point
 * widens to the word before it (or after it at the start). */
static char *
covered_text (PlenaryOfficeDocument *document,
              PlenaryOfficeComment  *comment,
              char                 **prefix)
{
  GString *exact = g_string_new (NULL);
  int last = MIN (comment->end_paragraph, (int) document->paragraphs->len - 1);
  int first = comment->start_paragraph;
  PlenaryOfficeParagraph *start = g_ptr_array_index (document->paragraphs, first);

  for (int i = first; i <= last; i++)
    {
      PlenaryOfficeParagraph *paragraph = g_ptr_array_index (document->paragraphs, i);
      glong length = g_utf8_strlen (paragraph->text, -1);
      gint64 from = i == first ? MIN (comment->start, length) : 0;
      gint64 to = i == last ? MIN (comment->end, length) : length;
      g_autofree char *part = to > from ? g_utf8_substring (paragraph->text, from, to) : g_strdup ("");

      if (i > first)
        g_string_append_c (exact, '\n');
      g_string_append (exact, part);
    }
  g_strstrip (exact->str);
  exact->len = strlen (exact->str);

  if (exact->len == 0)
    {
      /* A comment on a point: the word before it. */
      glong length = g_utf8_strlen (start->text, -1);
      gint64 at = MIN (comment->start, length);
      gint64 begin = at, end = at;
      const char *text = start->text;

      while (begin > 0 && g_unichar_isspace (g_utf8_get_char (g_utf8_offset_to_pointer (text, begin - 1))))
        begin--;
      end = begin;
      while (begin > 0 && !g_unichar_isspace (g_utf8_get_char (g_utf8_offset_to_pointer (text, begin - 1))))
        begin--;
      if (begin == end)
        while (end < length && !g_unichar_isspace (g_utf8_get_char (g_utf8_offset_to_pointer (text, end))))
          end++;
      g_string_free (exact, TRUE);
      *prefix = context_before (text, begin);
      return g_utf8_substring (text, begin, end);
    }

  *prefix = context_before (start->text, MIN (comment->start, g_utf8_strlen (start->text, -1)));
  return g_string_free (exact, FALSE);
}

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
add_comments (PlenaryOfficeDocument *document,
              PlenaryDraft          *draft,
              Editor                *editor)
{
  GListStore *annotations = plenary_draft_get_annotations (draft);
  GPtrArray *comments = document->comments;
  /* Each comment's thread: its annotation, or NULL for a reply. */
  g_autoptr(GPtrArray) threads = g_ptr_array_new_full (comments->len, unref_nullable);
  g_autofree char *now = now_iso8601 ();

  for (guint i = 0; i < comments->len; i++)
    {
      PlenaryOfficeComment *comment = g_ptr_array_index (comments, i);
      g_autoptr(PlenaryAnchor) anchor = NULL;
      g_autofree char *id = NULL;
      g_autofree char *exact = NULL;
      g_autofree char *prefix = NULL;
      PlenaryAnnotation *annotation = NULL;

      if (comment->parent < 0)
        {
          if (comment->start_paragraph >= 0 && comment->start_paragraph < (int) document->paragraphs->len)
            exact = covered_text (document, comment, &prefix);
          anchor = exact != NULL && exact[0] != '\0'
                   ? anchor_on (editor, exact, prefix)
                   : plenary_anchor_new (PLENARY_ANCHOR_TARGET_DRAFT, "", "", "", 0, 0);
          id = plenary_draft_new_id (draft, "note-");
          annotation = plenary_annotation_new (id, PLENARY_ANNOTATION_COMMENT, anchor);
          plenary_annotation_set_note (annotation, comment->text);
          plenary_annotation_set_author (annotation, comment->author != NULL ? comment->author : "");
          plenary_annotation_set_created (annotation, comment->date != NULL ? comment->date : now);
          plenary_annotation_set_resolved (annotation, comment->done);
          g_list_store_append (annotations, annotation);
          g_ptr_array_add (threads, annotation);
        }
      else
        {
          g_ptr_array_add (threads, NULL);
          annotation = comment->parent < (int) i ? g_ptr_array_index (threads, comment->parent) : NULL;
          if (annotation != NULL)
            {
              g_autoptr(PlenaryReply) reply = plenary_reply_new (comment->author != NULL ? comment->author : "",
                                                                 comment->date != NULL ? comment->date : now,
                                                                 comment->text);
              plenary_annotation_add_reply (annotation, reply);
            }
        }
    }
}

/* Footnotes and endnotes are the draft's notes: their calls "[^N]" are in
 * the text to_text() made; their texts are added here, in the same order. */
static guint
add_notes (PlenaryOfficeDocument *document,
           PlenaryDraft          *draft)
{
  PlenaryBody *body = plenary_draft_get_body (draft);
  guint number = 0;

  for (guint i = 0; i < document->paragraphs->len; i++)
    {
      PlenaryOfficeParagraph *paragraph = g_ptr_array_index (document->paragraphs, i);

      for (guint n = 0; n < paragraph->notes->len; n++)
        {
          PlenaryOfficeNote *note = &g_array_index (paragraph->notes, PlenaryOfficeNote, n);
          g_autofree char *id = g_strdup_printf ("%u", ++number);

          plenary_body_add_note (body, id, note->text);
        }
    }
  return number;
}

/* "fr-FR" -> "fr". */
static char *
language_of (PlenaryOfficeDocument *document)
{
  const char *tag = property (document, "language");

  if (tag == NULL)
    return NULL;
  return g_strndup (tag, strcspn (tag, "-_"));
}

PlenaryDraft *
plenary_office_importer_import (const char  *data,
                                gsize        len,
                                const char  *language,
                                GPtrArray  **warnings,
                                GError     **error)
{
  g_autoptr(PlenaryOfficeDocument) document = NULL;
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(GPtrArray) local_warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) plenary_parse_warning_free);
  g_autofree char *text = NULL;
  const char *name;
  gboolean markdown;
  g_autofree char *own_language = NULL;
  g_autofree char *editor_text = NULL;
  Editor editor;
  gboolean ours;
  g_autoptr(GPtrArray) authors = NULL;
  guint n_proposals = 0;

  if (!(document = plenary_office_read (data, len, error)))
    return NULL;

  /* Word's tracked changes become proposals by their authors: the text is
   * the one before them, and each author's changes are merged in as that
   * author's copy would be. */
  if (document->format == PLENARY_OFFICE_FORMAT_DOCX && document->tracked_changes > 0)
    {
      g_autoptr(PlenaryOfficeDocument) original =
        plenary_office_read_changes (data, len, PLENARY_OFFICE_CHANGES_REJECT_ALL, NULL, NULL);

      if (original != NULL)
        {
          authors = g_steal_pointer (&document->change_authors);
          plenary_office_document_free (document);
          document = g_steal_pointer (&original);
        }
    }

  /* A document Plenary wrote says so in its properties. */
  ours = property (document, "kind") != NULL;
  /* Headings are only headings in Markdown: a document with some is read
   * as Markdown, escaped so that none of its own characters turns into
   * markup; the others as text, where tabs say the levels. */
  markdown = has_headings (document, ours);
  text = to_text (document, ours, markdown);
  name = markdown ? "document.md" : "document.txt";
  if (language == NULL && ours)
    language = own_language = language_of (document);

  draft = plenary_importer_import (text, strlen (text), name, language,
                                   &local_warnings, error);
  if (draft == NULL)
    return NULL;
  apply_italic_phrases (document, plenary_draft_get_body (draft));

  /* The text importer's line-by-line report is about the text made here,
   * not the document: only what it was read as (its first entry) is kept;
   * what changed in the document follows. */
  if (local_warnings->len > 1)
    g_ptr_array_remove_range (local_warnings, 1, local_warnings->len - 1);

  if (ours)
    apply_properties (document, draft);

  editor_text = plenary_clause_printer_print (plenary_draft_get_body (draft), plenary_draft_get_kind (draft),
                                              plenary_draft_get_language (draft), PLENARY_PRINT_EDITOR);
  editor = (Editor) { editor_text, editor_text, 0 };
  add_comments (document, draft, &editor);
  add_notes (document, draft);

  for (guint i = 0; authors != NULL && i < authors->len; i++)
    {
      const char *author = g_ptr_array_index (authors, i);
      g_autoptr(PlenaryOfficeDocument) copy = NULL;
      g_autoptr(PlenaryDraft) copy_draft = NULL;
      g_autofree char *copy_text = NULL;

      if (!(copy = plenary_office_read_changes (data, len, PLENARY_OFFICE_CHANGES_ACCEPT_AUTHOR, author, NULL)))
        continue;
      copy_text = to_text (copy, ours, markdown);
      if (!(copy_draft = plenary_importer_import (copy_text, strlen (copy_text), name,
                                                  plenary_draft_get_language (draft), NULL, NULL)))
        continue;
      apply_italic_phrases (copy, plenary_draft_get_body (copy_draft));
      n_proposals += plenary_proposals_merge_copy (draft, plenary_draft_get_body (copy_draft), FALSE,
                                                   author[0] != '\0' ? author : _("Unknown author"));
    }
  if (authors != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The document's tracked changes became %u proposal of their authors",
                                      "The document's tracked changes became %u proposals of their authors",
                                      n_proposals),
                         n_proposals);
      g_ptr_array_add (local_warnings, plenary_parse_warning_new (0, message));
    }
  else if (document->tracked_changes > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u tracked change was accepted: insertions are kept, deletions dropped",
                                      "%u tracked changes were accepted: insertions are kept, deletions dropped",
                                      document->tracked_changes),
                         document->tracked_changes);
      g_ptr_array_add (local_warnings, plenary_parse_warning_new (0, message));
    }

  if (warnings != NULL)
    {
      if (*warnings == NULL)
        *warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) plenary_parse_warning_free);
      g_ptr_array_extend_and_steal (*warnings, g_steal_pointer (&local_warnings));
    }

  return g_steal_pointer (&draft);
}
