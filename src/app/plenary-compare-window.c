/* plenary-compare-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-compare-window"

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-clause-printer.h"
#include "plenary-compare-export.h"
#include "plenary-office-export.h"
#include "plenary-proposals.h"
#include "plenary-compare-window.h"
#include "plenary-dialogs.h"
#include "plenary-file-chooser.h"

#define MAX_LEVELS 8

struct _PlenaryCompareWindow
{
  AdwWindow          parent_instance;

  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *window_title;
  GtkLabel          *counter_label;
  GtkLabel          *summary_label;
  GtkTextView       *text_view;

  PlenaryComparison *comparison;
  PlenaryDraft      *new_draft;
  char              *old_name;
  char              *new_name;
  GFile             *folder;
  GtkTextBuffer     *buffer;
  GtkTextTag        *inserted_tag;
  GtkTextTag        *deleted_tag;
  GtkTextTag        *moved_tag;
  GtkTextTag        *note_tag;
  GtkTextTag        *phrase_tag;
  GtkTextTag        *current_tag;
  /* Start and end character offsets of each change in the buffer. */
  GArray            *change_ranges;
  int                current;
  gboolean           exporting;
  PlenaryFileKind    export_kind;
};

enum {
  PROP_0,
  PROP_CURRENT_CHANGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PlenaryCompareWindow, plenary_compare_window, ADW_TYPE_WINDOW)

typedef struct
{
  int start;
  int end;
} Range;

/* Colours for the light and the dark style: a blue for what is new, a red
 * for what went, as the GNOME palette has them. */
static void
update_colors (PlenaryCompareWindow *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  g_object_set (self->inserted_tag, "foreground", dark ? "#99c1f1" : "#1a5fb4", NULL);
  g_object_set (self->deleted_tag, "foreground", dark ? "#f66151" : "#a51d2d", NULL);
  g_object_set (self->moved_tag, "paragraph-background", dark ? "#3d2b4a" : "#f1e6f7", NULL);
  g_object_set (self->current_tag, "background", dark ? "#6b5300" : "#fce588", NULL);
  g_object_set (self->note_tag, "foreground", dark ? "#dc8add" : "#813d9c", NULL);
}

static void
update_counter (PlenaryCompareWindow *self)
{
  guint n = self->change_ranges->len;
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("No changes"));
  else if (self->current < 0)
    text = g_strdup_printf (ngettext ("%u change", "%u changes", n), n);
  else
    /* Translators: "Change 3 of 12" */
    text = g_strdup_printf (_("Change %d of %u"), self->current + 1, n);
  gtk_label_set_text (self->counter_label, text);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.previous", self->current > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.next", self->current + 1 < (int) n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export-pdf", !self->exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export-docx", !self->exporting);
}

static void
show_change (PlenaryCompareWindow *self,
             int                   index)
{
  GtkTextIter start, end;
  Range *range;

  if (index < 0 || index >= (int) self->change_ranges->len)
    return;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->current_tag, &start, &end);

  self->current = index;
  range = &g_array_index (self->change_ranges, Range, index);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, range->start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end, range->end);
  gtk_text_buffer_apply_tag (self->buffer, self->current_tag, &start, &end);
  gtk_text_buffer_place_cursor (self->buffer, &start);
  gtk_text_view_scroll_to_iter (self->text_view, &start, 0.1, TRUE, 0.0, 0.3);

  update_counter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_CHANGE]);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PlenaryCompareWindow *self = PLENARY_COMPARE_WINDOW (widget);

  show_change (self, self->current + 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  PlenaryCompareWindow *self = PLENARY_COMPARE_WINDOW (widget);

  show_change (self, self->current - 1);
}

/* --- export ------------------------------------------------------------- */

/* The older text with the changes as Word's tracked changes, by the newer
 * text's sponsor (else its name): a Word user accepts or rejects them. */
static gboolean
export_docx (PlenaryCompareWindow  *self,
             GFile                 *file,
             GCancellable          *cancellable,
             GError               **error)
{
  g_autoptr(PlenaryBody) old_body = plenary_body_copy (plenary_comparison_get_old_body (self->comparison));
  g_autoptr(PlenaryDraft) old_draft = plenary_draft_dup_with_body (self->new_draft, old_body);
  const char *author = plenary_metadata_get_string (plenary_draft_get_metadata (self->new_draft), "submitted-by");

  /* The comparison matched the paragraphs by id first: so does the merge. */
  plenary_proposals_merge_copy (old_draft, plenary_comparison_get_new_body (self->comparison), TRUE,
                                author[0] != '\0' ? author : self->new_name);
  return plenary_office_export (old_draft, file, PLENARY_OFFICE_FORMAT_DOCX, cancellable, error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PlenaryCompareWindow *self = source_object;
  GFile *file = task_data;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  GError *error = NULL;
  gboolean done;

  if (g_str_has_suffix (name, ".docx"))
    done = export_docx (self, file, cancellable, &error);
  else
    done = plenary_compare_export_pdf (self->comparison, self->new_draft, self->old_name, path,
                                       NULL, cancellable, &error);
  if (!done)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PlenaryCompareWindow *self = PLENARY_COMPARE_WINDOW (object);
  g_autoptr(GError) error = NULL;

  self->exporting = FALSE;
  update_counter (self);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GtkWidget *dialog = plenary_alert_new (_("Could Not Export the Comparison"), error->message);

      plenary_alert_add_response (PLENARY_ALERT (dialog), "close", _("_Close"));
      plenary_dialog_present (dialog, GTK_WIDGET (self));
      return;
    }

  {
    g_autofree char *name = g_file_get_basename (g_task_get_task_data (G_TASK (result)));
    g_autofree char *escaped = g_markup_escape_text (name, -1);
    g_autofree char *message = g_strdup_printf (_("Exported “%s”"), escaped);

    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  }
}

void
plenary_compare_window_export (PlenaryCompareWindow *self,
                               GFile                *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (PLENARY_IS_COMPARE_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->exporting)
    return;
  if (!(path = g_file_get_path (file)))
    {
      GtkWidget *dialog = plenary_alert_new (_("Could Not Export the Comparison"),
                                             _("PDF files can only be written to a local folder."));

      plenary_alert_add_response (PLENARY_ALERT (dialog), "close", _("_Close"));
      plenary_dialog_present (dialog, GTK_WIDGET (self));
      return;
    }

  self->exporting = TRUE;
  update_counter (self);
  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, export_thread);
}

static void
export_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PlenaryCompareWindow) self = PLENARY_COMPARE_WINDOW (user_data);
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;

  if (!(chosen = plenary_file_chooser_save_finish (result, NULL)))
    return;

  file = plenary_file_chooser_complete_file (chosen, self->export_kind);
  plenary_compare_window_export (self, file);
}

/* compare.export-pdf, compare.export-docx */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PlenaryCompareWindow *self = PLENARY_COMPARE_WINDOW (widget);
  gboolean docx = g_str_equal (action_name, "compare.export-docx");
  g_autofree char *name = NULL;

  if (self->exporting)
    return;

  /* Translators: the suggested file name of a printed comparison; %s is the draft's title. */
  name = docx ? g_strdup_printf (_("%s (compared).docx"), self->new_name)
              : g_strdup_printf (_("%s (compared).pdf"), self->new_name);
  self->export_kind = docx ? PLENARY_FILE_KIND_DOCX : PLENARY_FILE_KIND_PDF;
  plenary_file_chooser_save_async (GTK_WINDOW (self), self->export_kind, name, self->folder, NULL,
                                   export_chosen_cb, g_object_ref (self));
}

/* --- the text ----------------------------------------------------------- */

/* The text is made in one string, then set at once, its tags after it:
 * a buffer grown piece by piece is many times slower. */
typedef struct
{
  GString *text;
  /* Characters in text. */
  int      offset;
  GArray  *tags;
} Builder;

typedef struct
{
  GtkTextTag *tag;
  int         start;
  int         end;
} TagRange;

static void
tag_range (Builder    *builder,
           GtkTextTag *tag,
           int         start,
           int         end)
{
  TagRange range = { tag, start, end };

  if (tag == NULL || end <= start)
    return;
  /* A paragraph's pieces with the same tag make one range. */
  if (builder->tags->len > 0)
    {
      TagRange *last = &g_array_index (builder->tags, TagRange, builder->tags->len - 1);

      if (last->tag == tag && last->end == start)
        {
          last->end = end;
          return;
        }
    }
  g_array_append_val (builder->tags, range);
}

static void
insert (Builder    *builder,
        const char *text,
        GtkTextTag *tag,
        GtkTextTag *paragraph_tag)
{
  int start = builder->offset;

  g_string_append (builder->text, text);
  builder->offset += g_utf8_strlen (text, -1);
  tag_range (builder, tag, start, builder->offset);
  tag_range (builder, paragraph_tag, start, builder->offset);
}

/* Inserts RUNS, recording where each starts and ends (RUN_RANGES). A space
 * goes between a deletion and the insertion replacing it, so that both
 * read as words. */
static void
insert_runs (PlenaryCompareWindow *self,
             Builder              *builder,
             GArray               *runs,
             GArray               *run_ranges,
             GtkTextTag           *extra_tag,
             GtkTextTag           *paragraph_tag)
{
  g_autoptr(GArray) shown = plenary_word_runs_new ();

  g_array_set_size (run_ranges, 0);
  for (guint i = 0; i < runs->len; i++)
    {
      const PlenaryWordRun *run = &g_array_index (runs, PlenaryWordRun, i);
      GtkTextTag *tag = run->op == PLENARY_WORD_INSERT ? self->inserted_tag
                        : run->op == PLENARY_WORD_DELETE ? self->deleted_tag : NULL;
      Range range;

      if (run->op == PLENARY_WORD_INSERT && i > 0 &&
          g_array_index (runs, PlenaryWordRun, i - 1).op == PLENARY_WORD_DELETE &&
          !g_unichar_isspace (g_utf8_get_char (run->text)))
        insert (builder, " ", NULL, paragraph_tag);

      range.start = builder->offset;
      insert (builder, run->text, tag, paragraph_tag);
      tag_range (builder, extra_tag, range.start, builder->offset);
      range.end = builder->offset;
      g_array_append_val (run_ranges, range);
    }
}

static GtkTextTag *
level_tag (PlenaryCompareWindow *self,
           guint                 level)
{
  g_autofree char *name = g_strdup_printf ("level-%u", MIN (level, MAX_LEVELS));
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);

  if (tag == NULL)
    tag = gtk_text_buffer_create_tag (self->buffer, name, "left-margin", 24 + 36 * (int) MIN (level, MAX_LEVELS), NULL);

  return tag;
}

static char *
moved_from (PlenaryCompareWindow        *self,
            const PlenaryDiffParagraph  *entry,
            char                       **old_numbers)
{
  const char *number = old_numbers[entry->old_index];

  switch (entry->old_paragraph->role)
    {
    case PLENARY_ROLE_PREAMBULAR:
      return g_strdup_printf (_("Moved from preambular paragraph %s"), number);
    case PLENARY_ROLE_OPERATIVE:
      return g_strdup_printf (_("Moved from operative paragraph %s"), number);
    case PLENARY_ROLE_SUBPARAGRAPH:
      return g_strdup_printf (_("Moved from subparagraph %s"), number);
    case PLENARY_ROLE_HEADING:
    case PLENARY_ROLE_PARAGRAPH:
    case PLENARY_ROLE_BULLET:
    default:
      return g_strdup_printf (_("Moved from paragraph %u"), (guint) entry->old_index + 1);
    }
}

static void
build_text (PlenaryCompareWindow *self)
{
  const char *language = plenary_draft_get_language (self->new_draft);
  g_auto(GStrv) old_numbers = plenary_compare_dup_old_numbers (self->comparison, language);
  g_autoptr(GArray) phrase_ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  g_autoptr(GArray) text_ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  guint counters[MAX_LEVELS + 1] = { 0 };
  guint n = plenary_comparison_get_n_paragraphs (self->comparison);
  Builder builder = { g_string_new (NULL), 0, g_array_new (FALSE, FALSE, sizeof (TagRange)) };

  for (guint i = 0; i < n; i++)
    {
      const PlenaryDiffParagraph *entry = plenary_comparison_get_paragraph (self->comparison, i);
      const PlenaryParagraph *paragraph = entry->kind == PLENARY_DIFF_DELETED ? entry->old_paragraph
                                                                                : entry->new_paragraph;
      guint level = MIN (entry->kind == PLENARY_DIFF_DELETED ? entry->old_level : entry->new_level, MAX_LEVELS - 1);
      GtkTextTag *paragraph_tag = entry->moved ? self->moved_tag : NULL;
      GtkTextTag *whole = entry->kind == PLENARY_DIFF_INSERTED ? self->inserted_tag
                          : entry->kind == PLENARY_DIFF_DELETED ? self->deleted_tag : NULL;
      int start, end;

      if (i > 0)
        insert (&builder, "\n", NULL, NULL);
      start = builder.offset;

      if (!entry->is_opening)
        {
          g_autofree char *marker = NULL;

          /* The newer text's numbers; a deleted paragraph has none. */
          if (entry->kind != PLENARY_DIFF_DELETED)
            {
              if (paragraph->role == PLENARY_ROLE_OPERATIVE && level == 0)
                marker = plenary_clause_marker (language, 0, counters[0]++);
              else if (paragraph->role == PLENARY_ROLE_SUBPARAGRAPH && level > 0)
                marker = plenary_clause_marker (language, MIN (level, 2), counters[level]++);
              counters[level + 1] = 0;
            }
          if (marker != NULL)
            {
              insert (&builder, marker, whole, paragraph_tag);
              insert (&builder, " ", NULL, paragraph_tag);
            }

          if (entry->moved && (i == 0 || !plenary_comparison_get_paragraph (self->comparison, i - 1)->moved))
            {
              g_autofree char *note = moved_from (self, entry, old_numbers);
              g_autofree char *bracketed = g_strdup_printf ("[%s] ", note);

              insert (&builder, bracketed, self->note_tag, paragraph_tag);
            }
        }

      insert_runs (self, &builder, entry->phrase_runs, phrase_ranges, self->phrase_tag, paragraph_tag);
      if (entry->phrase_runs->len > 0 && entry->text_runs->len > 0)
        {
          const char *text = g_array_index (entry->text_runs, PlenaryWordRun, 0).text;

          if (!g_unichar_ispunct (g_utf8_get_char (text)))
            insert (&builder, " ", whole, paragraph_tag);
        }
      insert_runs (self, &builder, entry->text_runs, text_ranges, NULL, paragraph_tag);
      end = builder.offset;
      if (level > 0)
        tag_range (&builder, level_tag (self, level), start, end);

      for (guint c = entry->first_change; c < entry->first_change + entry->n_changes; c++)
        {
          const PlenaryChange *change = plenary_comparison_get_change (self->comparison, c);
          Range range = { start, end };

          if (change->kind == PLENARY_CHANGE_WORDS_INSERTED ||
              change->kind == PLENARY_CHANGE_WORDS_DELETED ||
              change->kind == PLENARY_CHANGE_WORDS_REPLACED)
            {
              GArray *ranges = change->in_phrase ? phrase_ranges : text_ranges;

              range.start = g_array_index (ranges, Range, change->first_run).start;
              range.end = g_array_index (ranges, Range, change->first_run + change->n_runs - 1).end;
            }
          g_array_append_val (self->change_ranges, range);
        }
    }

  gtk_text_buffer_set_text (self->buffer, builder.text->str, builder.text->len);
  for (guint i = 0; i < builder.tags->len; i++)
    {
      const TagRange *range = &g_array_index (builder.tags, TagRange, i);
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, range->start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end, range->end);
      gtk_text_buffer_apply_tag (self->buffer, range->tag, &start, &end);
    }
  g_string_free (builder.text, TRUE);
  g_array_unref (builder.tags);
}

static char *
summarize (PlenaryComparison *comparison)
{
  guint inserted = plenary_comparison_count (comparison, PLENARY_CHANGE_PARAGRAPH_INSERTED);
  guint deleted = plenary_comparison_count (comparison, PLENARY_CHANGE_PARAGRAPH_DELETED);
  guint moved = plenary_comparison_count (comparison, PLENARY_CHANGE_PARAGRAPH_MOVED);
  guint restyled = plenary_comparison_count (comparison, PLENARY_CHANGE_PARAGRAPH_RESTYLED);
  guint words = plenary_comparison_count (comparison, PLENARY_CHANGE_WORDS_INSERTED) +
                plenary_comparison_count (comparison, PLENARY_CHANGE_WORDS_DELETED) +
                plenary_comparison_count (comparison, PLENARY_CHANGE_WORDS_REPLACED);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (plenary_comparison_is_empty (comparison))
    return g_strdup (_("The two texts are the same."));

  if (inserted > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u paragraph added", "%u paragraphs added", inserted), inserted));
  if (deleted > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u paragraph deleted", "%u paragraphs deleted", deleted), deleted));
  if (moved > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u paragraph moved", "%u paragraphs moved", moved), moved));
  if (restyled > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u paragraph changed from preambular to operative or back",
                                                       "%u paragraphs changed from preambular to operative or back",
                                                       restyled), restyled));
  if (words > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u change of wording", "%u changes of wording", words), words));
  g_ptr_array_add (parts, NULL);

  /* Translators: the separator of a list of counts ("2 paragraphs added, 1 moved"). */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

/* --- the class ---------------------------------------------------------- */

static void
plenary_compare_window_dispose (GObject *object)
{
  PlenaryCompareWindow *self = PLENARY_COMPARE_WINDOW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_COMPARE_WINDOW);

  G_OBJECT_CLASS (plenary_compare_window_parent_class)->dispose (object);
}

static void
plenary_compare_window_finalize (GObject *object)
{
  PlenaryCompareWindow *self = PLENARY_COMPARE_WINDOW (object);

  g_clear_object (&self->comparison);
  g_clear_object (&self->new_draft);
  g_clear_pointer (&self->old_name, g_free);
  g_clear_pointer (&self->new_name, g_free);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->change_ranges, g_array_unref);

  G_OBJECT_CLASS (plenary_compare_window_parent_class)->finalize (object);
}

static void
plenary_compare_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PlenaryCompareWindow *self = PLENARY_COMPARE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CURRENT_CHANGE:
      g_value_set_int (value, self->current);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_compare_window_class_init (PlenaryCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plenary_compare_window_dispose;
  object_class->finalize = plenary_compare_window_finalize;
  object_class->get_property = plenary_compare_window_get_property;

  properties[PROP_CURRENT_CHANGE] =
    g_param_spec_int ("current-change", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/plenary/Plenary/plenary-compare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryCompareWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlenaryCompareWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlenaryCompareWindow, counter_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryCompareWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryCompareWindow, text_view);

  gtk_widget_class_install_action (widget_class, "compare.next", NULL, next_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "compare.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "compare.next", NULL);
  gtk_widget_class_install_action (widget_class, "compare.previous", NULL, previous_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, GDK_SHIFT_MASK, "compare.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "compare.previous", NULL);
  gtk_widget_class_install_action (widget_class, "compare.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "compare.export-docx", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "compare.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
plenary_compare_window_init (PlenaryCompareWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->current = -1;
  self->change_ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  self->buffer = gtk_text_view_get_buffer (self->text_view);
  self->inserted_tag = gtk_text_buffer_create_tag (self->buffer, "inserted",
                                                   "underline", PANGO_UNDERLINE_SINGLE, NULL);
  self->deleted_tag = gtk_text_buffer_create_tag (self->buffer, "deleted", "strikethrough", TRUE, NULL);
  self->moved_tag = gtk_text_buffer_create_tag (self->buffer, "moved", NULL);
  self->note_tag = gtk_text_buffer_create_tag (self->buffer, "note",
                                               "style", PANGO_STYLE_ITALIC, "scale", 0.9, NULL);
  self->phrase_tag = gtk_text_buffer_create_tag (self->buffer, "phrase", "style", PANGO_STYLE_ITALIC, NULL);
  self->current_tag = gtk_text_buffer_create_tag (self->buffer, "current", NULL);
  update_colors (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_colors), self, G_CONNECT_SWAPPED);
}

PlenaryCompareWindow *
plenary_compare_window_new (GtkWindow         *parent,
                            PlenaryComparison *comparison,
                            PlenaryDraft      *new_draft,
                            const char        *old_name,
                            const char        *new_name)
{
  PlenaryCompareWindow *self;
  g_autofree char *subtitle = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *header = NULL;

  g_return_val_if_fail (PLENARY_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (PLENARY_IS_DRAFT (new_draft), NULL);

  self = g_object_new (PLENARY_TYPE_COMPARE_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->comparison = g_object_ref (comparison);
  self->new_draft = g_object_ref (new_draft);
  self->old_name = g_strdup (old_name);
  self->new_name = g_strdup (new_name);

  /* Translators: the compare window's subtitle: the older text, then the newer. */
  subtitle = g_strdup_printf (_("%s → %s"), old_name, new_name);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), _("Comparison"));

  summary = summarize (comparison);
  /* Translators: the compare window's header: the older text, the newer, then what changed. */
  header = g_strdup_printf (_("Changes from “%s” (older) to “%s” (newer): %s"), old_name, new_name, summary);
  gtk_label_set_text (self->summary_label, header);

  build_text (self);
  update_counter (self);

  return self;
}

void
plenary_compare_window_set_note (PlenaryCompareWindow *self,
                                 const char           *note)
{
  g_autofree char *text = NULL;

  g_return_if_fail (PLENARY_IS_COMPARE_WINDOW (self));

  text = g_strdup_printf ("%s\n%s", note, gtk_label_get_text (self->summary_label));
  gtk_label_set_text (self->summary_label, text);
}

void
plenary_compare_window_set_folder (PlenaryCompareWindow *self,
                                   GFile                *folder)
{
  g_return_if_fail (PLENARY_IS_COMPARE_WINDOW (self));

  g_set_object (&self->folder, folder);
}

int
plenary_compare_window_get_current_change (PlenaryCompareWindow *self)
{
  g_return_val_if_fail (PLENARY_IS_COMPARE_WINDOW (self), -1);

  return self->current;
}

GtkTextView *
plenary_compare_window_get_text_view (PlenaryCompareWindow *self)
{
  g_return_val_if_fail (PLENARY_IS_COMPARE_WINDOW (self), NULL);

  return self->text_view;
}
