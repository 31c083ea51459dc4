/* plenary-problems.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-problems"

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-problems.h"

/* Checks wait for this pause in typing, so that the underline of a
 * paragraph being written does not blink at each key. */
#define CHECK_DELAY_MS 250

/* ---- PlenaryProblemItem ------------------------------------------------- */

struct _PlenaryProblemItem
{
  GObject              parent_instance;

  PlenaryCheckProblem *problem;
  /* An import report entry: where it is in the buffer, whatever was
   * typed since. */
  GtkTextMark         *mark;
};

G_DEFINE_FINAL_TYPE (PlenaryProblemItem, plenary_problem_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_MESSAGE,
  ITEM_PROP_LINE,
  ITEM_PROP_SEVERITY,
  ITEM_PROP_HAS_FIX,
  ITEM_PROP_FIX_LABEL,
  N_ITEM_PROPS
};

static GParamSpec *item_properties[N_ITEM_PROPS];

static void
plenary_problem_item_finalize (GObject *object)
{
  PlenaryProblemItem *self = PLENARY_PROBLEM_ITEM (object);

  g_clear_pointer (&self->problem, plenary_check_problem_free);
  if (self->mark != NULL && !gtk_text_mark_get_deleted (self->mark))
    gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (self->mark), self->mark);
  g_clear_object (&self->mark);

  G_OBJECT_CLASS (plenary_problem_item_parent_class)->finalize (object);
}

static void
plenary_problem_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PlenaryProblemItem *self = PLENARY_PROBLEM_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_MESSAGE:
      g_value_set_string (value, self->problem->message);
      break;
    case ITEM_PROP_LINE:
      g_value_set_uint (value, self->problem->line);
      break;
    case ITEM_PROP_SEVERITY:
      g_value_set_int (value, self->problem->severity);
      break;
    case ITEM_PROP_HAS_FIX:
      g_value_set_boolean (value, self->problem->has_fix);
      break;
    case ITEM_PROP_FIX_LABEL:
      g_value_set_string (value, self->problem->fix_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_problem_item_class_init (PlenaryProblemItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plenary_problem_item_finalize;
  object_class->get_property = plenary_problem_item_get_property;

  item_properties[ITEM_PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  item_properties[ITEM_PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  item_properties[ITEM_PROP_SEVERITY] =
    g_param_spec_int ("severity", NULL, NULL, PLENARY_CHECK_SEVERITY_HINT, PLENARY_CHECK_SEVERITY_WARNING,
                      PLENARY_CHECK_SEVERITY_WARNING,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  item_properties[ITEM_PROP_HAS_FIX] =
    g_param_spec_boolean ("has-fix", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  item_properties[ITEM_PROP_FIX_LABEL] =
    g_param_spec_string ("fix-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
plenary_problem_item_init (PlenaryProblemItem *self)
{
}

static PlenaryProblemItem *
plenary_problem_item_new (PlenaryCheckProblem *problem)
{
  PlenaryProblemItem *self = g_object_new (PLENARY_TYPE_PROBLEM_ITEM, NULL);

  self->problem = problem;

  return self;
}

const PlenaryCheckProblem *
plenary_problem_item_get_problem (PlenaryProblemItem *self)
{
  g_return_val_if_fail (PLENARY_IS_PROBLEM_ITEM (self), NULL);
  return self->problem;
}

const char *
plenary_problem_item_get_message (PlenaryProblemItem *self)
{
  g_return_val_if_fail (PLENARY_IS_PROBLEM_ITEM (self), NULL);
  return self->problem->message;
}

guint
plenary_problem_item_get_line (PlenaryProblemItem *self)
{
  g_return_val_if_fail (PLENARY_IS_PROBLEM_ITEM (self), 0);
  return self->problem->line;
}

PlenaryCheckSeverity
plenary_problem_item_get_severity (PlenaryProblemItem *self)
{
  g_return_val_if_fail (PLENARY_IS_PROBLEM_ITEM (self), PLENARY_CHECK_SEVERITY_WARNING);
  return self->problem->severity;
}

gboolean
plenary_problem_item_get_has_fix (PlenaryProblemItem *self)
{
  g_return_val_if_fail (PLENARY_IS_PROBLEM_ITEM (self), FALSE);
  return self->problem->has_fix;
}

const char *
plenary_problem_item_get_fix_label (PlenaryProblemItem *self)
{
  g_return_val_if_fail (PLENARY_IS_PROBLEM_ITEM (self), NULL);
  return self->problem->has_fix ? self->problem->fix_label : NULL;
}

/* ---- PlenaryProblems ---------------------------------------------------- */

struct _PlenaryProblems
{
  GObject               parent_instance;

  PlenaryDocument      *document;
  PlenaryLineIndex     *index;
  GtkTextBuffer        *buffer;
  PlenaryMetadata      *metadata;
  PlenaryClauseChecker *checker;
  GPtrArray            *items;         /* PlenaryProblemItem, sorted by line */
  guint                 n_problems;
  /* Problems of the whole text (a brief's page limit…), listed after the
   * others and replaced all at once. */
  GPtrArray            *whole;
  guint                 n_whole_problems;
  /* The import report of the text the document was loaded from, listed
   * last; an entry goes when its line is put back. */
  GPtrArray            *imported;
  GPtrArray            *imported_from;  /* the document's report they came from */

  GtkTextTag           *problem_tag;
  GtkTextTag           *hint_tag;

  /* What the index changed since the lines were checked. */
  PlenaryLineChanges    changes;
  /* The last non-blank line when checked (the final-period rule), -1 when
   * the text was blank. */
  int                   checked_last;
  guint                 timeout_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlenaryProblems, plenary_problems, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_N_PROBLEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
plenary_problems_get_item_type (GListModel *model)
{
  return PLENARY_TYPE_PROBLEM_ITEM;
}

static guint
plenary_problems_get_n_items (GListModel *model)
{
  PlenaryProblems *self = PLENARY_PROBLEMS (model);

  return self->items->len + self->whole->len + self->imported->len;
}

static gpointer
plenary_problems_get_item (GListModel *model,
                           guint       position)
{
  PlenaryProblems *self = PLENARY_PROBLEMS (model);

  if (position < self->items->len)
    return g_object_ref (g_ptr_array_index (self->items, position));
  if (position - self->items->len < self->whole->len)
    return g_object_ref (g_ptr_array_index (self->whole, position - self->items->len));
  if (position - self->items->len - self->whole->len < self->imported->len)
    return g_object_ref (g_ptr_array_index (self->imported, position - self->items->len - self->whole->len));

  return NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = plenary_problems_get_item_type;
  iface->get_n_items = plenary_problems_get_n_items;
  iface->get_item = plenary_problems_get_item;
}

static guint
item_line (GPtrArray *items,
           guint      position)
{
  return ((PlenaryProblemItem *) g_ptr_array_index (items, position))->problem->line;
}

/* The first item whose line is LINE or after it. */
static guint
lower_bound (GPtrArray *items,
             int        line)
{
  guint lo = 0, hi = items->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if ((int) item_line (items, mid) < line)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static gboolean
is_warning (gpointer item)
{
  return ((PlenaryProblemItem *) item)->problem->severity == PLENARY_CHECK_SEVERITY_WARNING;
}

static char *
dup_line (GtkTextBuffer *buffer,
          guint          line,
          GtkTextIter   *start,
          GtkTextIter   *end)
{
  gtk_text_buffer_get_iter_at_line (buffer, start, line);
  *end = *start;
  if (!gtk_text_iter_ends_line (end))
    gtk_text_iter_forward_to_line_end (end);

  return gtk_text_iter_get_slice (start, end);
}

static void
ensure_checker (PlenaryProblems *self)
{
  PlenaryPhraseDictionary *dict = plenary_line_index_get_dictionary (self->index);
  PlenaryDraftKind kind = plenary_line_index_get_kind (self->index);

  if (self->checker != NULL && plenary_clause_checker_get_dictionary (self->checker) == dict)
    {
      plenary_clause_checker_set_kind (self->checker, kind);
      return;
    }

  g_clear_object (&self->checker);
  self->checker = plenary_clause_checker_new (dict, kind);
  if (self->metadata != NULL)
    plenary_clause_checker_set_body (self->checker, plenary_metadata_get_string (self->metadata, "body"));
}

static int
find_last_line (PlenaryProblems *self)
{
  /* The last line of the text: the annex and the notes come after it. */
  for (guint i = self->changes.n_lines; i > 0; i--)
    {
      const PlenaryLineInfo *info = plenary_line_index_get_info (self->index, i - 1);

      if (!info->is_blank && !info->is_note && !info->is_annex)
        return i - 1;
    }

  return -1;
}

/* The characters to underline for PROBLEM on the line at LINE_START. A
 * missing ending has no width: the word it should follow is underlined. */
static gboolean
get_span (const PlenaryCheckProblem *problem,
          const GtkTextIter         *line_start,
          GtkTextIter               *from,
          GtkTextIter               *to)
{
  *from = *to = *line_start;
  gtk_text_iter_set_line_index (from, problem->start);
  gtk_text_iter_set_line_index (to, problem->end);

  if (gtk_text_iter_equal (from, to))
    {
      if (!gtk_text_iter_starts_line (from))
        {
          GtkTextIter word = *from;

          gtk_text_iter_backward_char (from);
          if (gtk_text_iter_backward_word_start (&word) &&
              gtk_text_iter_get_line (&word) == gtk_text_iter_get_line (to))
            *from = word;
        }
      else if (!gtk_text_iter_ends_line (to))
        gtk_text_iter_forward_word_end (to);
    }

  return !gtk_text_iter_equal (from, to);
}

/* The problems of LINE as it would read with every proposal accepted
 * (ACCEPTED) or none, placed on the line as shown; NULL when no proposal is
 * shown on it. */
static GPtrArray *
check_form (PlenaryProblems               *self,
            guint                          line,
            gboolean                       accepted,
            const PlenaryCheckLineContext *context)
{
  g_autoptr(GArray) map = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *text = NULL;
  PlenaryLineState state, before;
  PlenaryLineInfo info;
  GPtrArray *problems;

  if (!plenary_document_dup_line_form (self->document, line, accepted, &text, map))
    return NULL;
  if (text == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) plenary_check_problem_free);

  before = state = *plenary_line_index_get_state_before (self->index, line);
  plenary_clause_parser_classify_line (plenary_line_index_get_dictionary (self->index),
                                       plenary_line_index_get_kind (self->index), text, -1, &state, &info);
  problems = plenary_clause_checker_check_classified_line (self->checker, text, -1, line, &before, &info, context);

  for (guint i = 0; i < problems->len; i++)
    {
      PlenaryCheckProblem *problem = g_ptr_array_index (problems, i);
      guint start = g_array_index (map, guint, problem->start);
      guint end = problem->end > problem->start ? g_array_index (map, guint, problem->end - 1) + 1
                                                : g_array_index (map, guint, problem->end);

      /* A fix replaces the words it names on the line as shown: only where
       * no proposal is among them. */
      if (problem->delete_line || end - start != problem->end - problem->start)
        {
          problem->has_fix = problem->delete_line = FALSE;
          g_clear_pointer (&problem->replacement, g_free);
          g_clear_pointer (&problem->fix_label, g_free);
        }
      problem->start = start;
      problem->end = end;
    }

  return problems;
}

/* A problem of one of the two texts only: accepting or rejecting proposals
 * settles it, not a fix of the words shown. */
static void
say_which_text (PlenaryCheckProblem *problem,
                const char          *format)
{
  char *message = g_strdup_printf (format, problem->message);

  g_free (problem->message);
  problem->message = message;
  problem->has_fix = FALSE;
  g_clear_pointer (&problem->replacement, g_free);
  g_clear_pointer (&problem->fix_label, g_free);
}

/* A line with proposals is checked as it would read with all of them
 * accepted, and without any: a problem found in one of the two only says
 * in which. */
static GPtrArray *
check_proposed_line (PlenaryProblems               *self,
                     guint                          line,
                     const PlenaryCheckLineContext *context)
{
  g_autoptr(GPtrArray) accepted = check_form (self, line, TRUE, context);
  g_autoptr(GPtrArray) clean = NULL;
  GPtrArray *problems;

  if (accepted == NULL)
    return NULL;
  clean = check_form (self, line, FALSE, context);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) plenary_check_problem_free);
  for (guint i = 0; i < accepted->len; i++)
    {
      PlenaryCheckProblem *problem = g_ptr_array_index (accepted, i);
      gboolean in_both = FALSE;

      for (guint j = 0; j < clean->len && !in_both; j++)
        {
          PlenaryCheckProblem *other = g_ptr_array_index (clean, j);

          if (other->kind == problem->kind && g_str_equal (other->message, problem->message))
            {
              g_ptr_array_remove_index (clean, j);
              in_both = TRUE;
            }
        }
      if (!in_both)
        /* Translators: %s is a problem of a paragraph, e.g. "Operative paragraphs end with « ; »" */
        say_which_text (problem, _("%s (if the proposals are accepted)"));
      g_ptr_array_add (problems, plenary_check_problem_copy (problem));
    }
  for (guint j = 0; j < clean->len; j++)
    {
      PlenaryCheckProblem *problem = g_ptr_array_index (clean, j);

      /* Translators: %s is a problem of a paragraph, e.g. "Operative paragraphs end with « ; »" */
      say_which_text (problem, _("%s (in the text without the proposals)"));
      g_ptr_array_add (problems, plenary_check_problem_copy (problem));
    }

  return problems;
}

static void
check_line (PlenaryProblems *self,
            guint            line,
            int              last_line,
            GPtrArray       *out)
{
  PlenaryCheckLineContext context = { (int) line == last_line, FALSE };
  const PlenaryLineInfo *info = plenary_line_index_get_info (self->index, line);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  for (guint next = line + 1; next < self->changes.n_lines; next++)
    {
      const PlenaryLineInfo *next_info = plenary_line_index_get_info (self->index, next);

      if (!next_info->is_blank)
        {
          context.next_is_child = next_info->level > info->level;
          break;
        }
    }

  text = dup_line (self->buffer, line, &start, &end);
  problems = check_proposed_line (self, line, &context);
  /* The index classified the line already: the checker takes that. */
  if (problems == NULL)
    problems = plenary_clause_checker_check_classified_line (self->checker, text, -1, line,
                                                             plenary_line_index_get_state_before (self->index, line),
                                                             info, &context);

  /* The items take the problems over. */
  g_ptr_array_set_free_func (problems, NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      PlenaryCheckProblem *problem = g_ptr_array_index (problems, i);
      g_autoptr(PlenaryProblemItem) item = plenary_problem_item_new (problem);

      GtkTextIter from, to;

      if (get_span (problem, &start, &from, &to))
        gtk_text_buffer_apply_tag (self->buffer, is_warning (item) ? self->problem_tag : self->hint_tag,
                                   &from, &to);

      g_ptr_array_add (out, g_steal_pointer (&item));
    }
}

/* Replaces the items of lines FIRST to OLD_LAST (as they were numbered) by
 * those of lines FIRST to LAST (as they are numbered now); the items below
 * move by SHIFT lines. */
static void
recheck_range (PlenaryProblems *self,
               int              first,
               int              last,
               int              old_last,
               int              shift,
               int              last_line)
{
  g_autoptr(GPtrArray) items = NULL;
  GtkTextIter start, end;
  guint position, end_position, added;
  guint n_problems = self->n_problems;

  position = lower_bound (self->items, first);
  end_position = MAX (lower_bound (self->items, old_last + 1), position);

  gtk_text_buffer_get_iter_at_line (self->buffer, &start, first);
  gtk_text_buffer_get_iter_at_line (self->buffer, &end, last);
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_remove_tag (self->buffer, self->problem_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->hint_tag, &start, &end);

  items = g_ptr_array_new_full (self->items->len + (last - first + 1), g_object_unref);
  for (guint i = 0; i < position; i++)
    g_ptr_array_add (items, g_object_ref (g_ptr_array_index (self->items, i)));
  for (guint i = position; i < end_position; i++)
    if (is_warning (g_ptr_array_index (self->items, i)))
      n_problems--;

  /* A blank text is a new draft: nothing to report yet. */
  if (last_line >= 0)
    for (int line = first; line <= last; line++)
      check_line (self, line, last_line, items);

  added = items->len - position;
  for (guint i = position; i < items->len; i++)
    if (is_warning (g_ptr_array_index (items, i)))
      n_problems++;

  for (guint i = end_position; i < self->items->len; i++)
    {
      PlenaryProblemItem *item = g_ptr_array_index (self->items, i);

      item->problem->line += shift;
      g_ptr_array_add (items, g_object_ref (item));
    }

  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);

  if (end_position > position || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, end_position - position, added);

  if (n_problems != self->n_problems)
    {
      self->n_problems = n_problems;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PROBLEMS]);
    }
}

void
plenary_problems_flush (PlenaryProblems *self)
{
  int first, last, old_last, shift, last_line, old_checked_last;

  g_return_if_fail (PLENARY_IS_PROBLEMS (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (self->changes.first < 0 || self->buffer == NULL || self->changes.n_lines == 0)
    return;

  ensure_checker (self);

  shift = plenary_line_changes_get_shift (&self->changes);
  last_line = find_last_line (self);

  /* The line above sees whether the next one is a sub-paragraph. */
  first = MAX (self->changes.first - 1, 0);
  last = MIN (self->changes.last, (int) self->changes.n_lines - 1);
  old_last = self->changes.last - shift;

  if ((self->checked_last < 0) != (last_line < 0))
    {
      /* The first words of a new draft, or all of it gone: the blank lines
       * count, or no longer do. */
      first = 0;
      last = self->changes.n_lines - 1;
      old_last = self->changes.synced_lines - 1;
    }

  /* Where the previous last line is now, if it was not in the range. */
  if (self->checked_last > old_last)
    old_checked_last = self->checked_last + shift;
  else if (self->checked_last < first)
    old_checked_last = self->checked_last;
  else
    old_checked_last = -1;

  plenary_line_changes_done (&self->changes);
  self->checked_last = last_line;

  recheck_range (self, first, last, old_last, shift, last_line);

  /* The final-period rule moves with the last line. */
  if (last_line != old_checked_last)
    {
      if (old_checked_last >= 0 && old_checked_last < (int) self->changes.n_lines)
        recheck_range (self, old_checked_last, old_checked_last, old_checked_last, 0, last_line);
      if (last_line >= 0 && (last_line < first || last_line > last))
        recheck_range (self, last_line, last_line, last_line, 0, last_line);
    }
}

static gboolean
flush_after_delay (gpointer data)
{
  PlenaryProblems *self = data;

  self->timeout_id = 0;
  plenary_problems_flush (self);

  return G_SOURCE_REMOVE;
}

static void
queue_check (PlenaryProblems *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (CHECK_DELAY_MS, flush_after_delay, self);
}

static void
on_lines_changed (PlenaryProblems  *self,
                  guint             first,
                  guint             last,
                  PlenaryLineIndex *index)
{
  plenary_line_changes_add (&self->changes, first, last, plenary_line_index_get_n_lines (index));

  queue_check (self);
}

/* Proposals changed on these lines, perhaps not their text: the lines read
 * differently with them accepted or without them. */
static void
on_lines_marked (PlenaryProblems *self,
                 guint            first,
                 guint            last)
{
  guint n_lines = plenary_line_index_get_n_lines (self->index);

  if (n_lines == 0)
    return;
  /* Counted before the rest of the edit. */
  last = MIN (last, n_lines - 1);
  on_lines_changed (self, MIN (first, last), last, self->index);
}

static void
recheck_all (PlenaryProblems *self)
{
  if (self->changes.n_lines == 0)
    return;

  /* Numbered as now, every line is dirty. */
  self->changes.last = MAX (self->changes.last, (int) self->changes.n_lines - 1);
  self->changes.first = 0;
  queue_check (self);
}

static void
on_body_changed (PlenaryProblems *self)
{
  if (self->checker != NULL)
    plenary_clause_checker_set_body (self->checker, plenary_metadata_get_string (self->metadata, "body"));
  recheck_all (self);
}

/* The document's import report, once per load. */
static void
follow_import_report (PlenaryProblems *self)
{
  GPtrArray *report = plenary_document_get_import_report (self->document);
  guint removed = self->imported->len;

  if (report == self->imported_from)
    return;
  self->imported_from = report;
  g_ptr_array_set_size (self->imported, 0);
  for (guint i = 0; report != NULL && i < report->len; i++)
    {
      PlenaryProblemItem *item = plenary_problem_item_new (plenary_check_problem_copy (g_ptr_array_index (report, i)));
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_line (self->buffer, &iter, item->problem->line);
      item->mark = g_object_ref (gtk_text_buffer_create_mark (self->buffer, NULL, &iter, TRUE));
      g_ptr_array_add (self->imported, item);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), self->items->len + self->whole->len, removed, self->imported->len);
}

static void
follow_draft (PlenaryProblems *self)
{
  PlenaryMetadata *metadata = plenary_draft_get_metadata (plenary_document_get_draft (self->document));

  follow_import_report (self);

  if (metadata == self->metadata)
    return;

  if (self->metadata != NULL)
    g_signal_handlers_disconnect_by_data (self->metadata, self);
  g_set_object (&self->metadata, metadata);
  if (metadata != NULL)
    g_signal_connect_object (metadata, "notify::body", G_CALLBACK (on_body_changed),
                             self, G_CONNECT_SWAPPED);
  on_body_changed (self);
}

char *
plenary_problems_dup_message_at (PlenaryProblems   *self,
                                 const GtkTextIter *iter)
{
  g_autoptr(GString) text = NULL;
  GtkTextIter line_start;
  guint line;

  g_return_val_if_fail (PLENARY_IS_PROBLEMS (self), NULL);
  g_return_val_if_fail (iter != NULL, NULL);

  /* Until the changed lines are checked, the lines of the list are stale. */
  if (self->changes.first >= 0)
    return NULL;

  line = gtk_text_iter_get_line (iter);
  line_start = *iter;
  gtk_text_iter_set_line_offset (&line_start, 0);

  for (guint i = lower_bound (self->items, line); i < self->items->len; i++)
    {
      PlenaryCheckProblem *problem = ((PlenaryProblemItem *) g_ptr_array_index (self->items, i))->problem;
      GtkTextIter from, to;

      if (problem->line != line)
        break;
      if (!get_span (problem, &line_start, &from, &to) ||
          !gtk_text_iter_in_range (iter, &from, &to))
        continue;

      if (text == NULL)
        text = g_string_new (problem->message);
      else
        g_string_append_printf (text, "\n%s", problem->message);
    }

  return text != NULL ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
apply_problem (PlenaryProblems           *self,
               const PlenaryCheckProblem *problem)
{
  GtkTextIter start, end;
  guint line = problem->line;

  gtk_text_buffer_begin_user_action (self->buffer);

  if (problem->delete_line)
    {
      gtk_text_buffer_get_iter_at_line (self->buffer, &start, line);
      end = start;
      if (!gtk_text_iter_forward_line (&end) && line > 0)
        {
          /* The last line goes with the newline before it. */
          gtk_text_iter_backward_char (&start);
        }
      gtk_text_buffer_delete (self->buffer, &start, &end);
    }
  else
    {
      gtk_text_buffer_get_iter_at_line_index (self->buffer, &start, line, problem->start);
      gtk_text_buffer_get_iter_at_line_index (self->buffer, &end, line, problem->end);
      gtk_text_buffer_delete (self->buffer, &start, &end);
      gtk_text_buffer_insert (self->buffer, &start, problem->replacement, -1);
    }

  gtk_text_buffer_end_user_action (self->buffer);
}

gboolean
plenary_problems_apply_fix (PlenaryProblems    *self,
                            PlenaryProblemItem *item)
{
  g_return_val_if_fail (PLENARY_IS_PROBLEMS (self), FALSE);
  g_return_val_if_fail (PLENARY_IS_PROBLEM_ITEM (item), FALSE);

  plenary_problems_flush (self);

  /* An import entry: its line goes back where the text after it went. */
  if (item->mark != NULL && item->problem->has_fix && g_ptr_array_find (self->imported, item, NULL))
    {
      GtkTextIter iter;
      guint position;

      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, item->mark);
      gtk_text_iter_set_line_offset (&iter, 0);
      gtk_text_buffer_begin_user_action (self->buffer);
      gtk_text_buffer_insert (self->buffer, &iter, item->problem->replacement, -1);
      gtk_text_buffer_end_user_action (self->buffer);
      g_ptr_array_find (self->imported, item, &position);
      g_ptr_array_remove_index (self->imported, position);
      g_list_model_items_changed (G_LIST_MODEL (self), self->items->len + self->whole->len + position, 1, 0);
      return TRUE;
    }

  /* Checked again since: the offsets may no longer hold. */
  if (!g_ptr_array_find (self->items, item, NULL) || !item->problem->has_fix)
    return FALSE;

  apply_problem (self, item->problem);

  return TRUE;
}

guint
plenary_problems_count_fixable (PlenaryProblems  *self,
                                PlenaryCheckKind  kind)
{
  guint count = 0;

  g_return_val_if_fail (PLENARY_IS_PROBLEMS (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      PlenaryProblemItem *item = g_ptr_array_index (self->items, i);

      if (item->problem->kind == kind && item->problem->has_fix)
        count++;
    }

  return count;
}

static int
compare_problems_backwards (gconstpointer a,
                            gconstpointer b)
{
  const PlenaryCheckProblem *pa = *(PlenaryCheckProblem * const *) a;
  const PlenaryCheckProblem *pb = *(PlenaryCheckProblem * const *) b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? 1 : -1;
  return pa->start < pb->start ? 1 : pa->start > pb->start ? -1 : 0;
}

guint
plenary_problems_fix_all (PlenaryProblems  *self,
                          PlenaryCheckKind  kind)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) plenary_check_problem_free);

  g_return_val_if_fail (PLENARY_IS_PROBLEMS (self), 0);

  plenary_problems_flush (self);

  for (guint i = 0; i < self->items->len; i++)
    {
      PlenaryProblemItem *item = g_ptr_array_index (self->items, i);

      if (item->problem->kind == kind && item->problem->has_fix)
        g_ptr_array_add (problems, plenary_check_problem_copy (item->problem));
    }

  /* From the end of the text back, so that the lines and offsets of the
   * fixes still to apply hold; one user action, so one Undo. */
  g_ptr_array_sort (problems, compare_problems_backwards);
  gtk_text_buffer_begin_user_action (self->buffer);
  for (guint i = 0; i < problems->len; i++)
    apply_problem (self, g_ptr_array_index (problems, i));
  gtk_text_buffer_end_user_action (self->buffer);

  plenary_problems_flush (self);

  return problems->len;
}

void
plenary_problems_locate (PlenaryProblems    *self,
                         PlenaryProblemItem *item,
                         guint              *line,
                         gsize              *index)
{
  g_return_if_fail (PLENARY_IS_PROBLEMS (self));
  g_return_if_fail (PLENARY_IS_PROBLEM_ITEM (item));

  plenary_problems_flush (self);
  *line = item->problem->line;
  if (item->mark != NULL && !gtk_text_mark_get_deleted (item->mark))
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, item->mark);
      *line = gtk_text_iter_get_line (&iter);
    }
  /* A problem of the whole text has no range to go to within its line. */
  *index = g_ptr_array_find (self->items, item, NULL) ? item->problem->start : 0;
}

static void
plenary_problems_constructed (GObject *object)
{
  PlenaryProblems *self = PLENARY_PROBLEMS (object);

  /* The same grey as the view's hint on unknown phrases. */
  static const GdkRGBA hint = { 0.5, 0.5, 0.5, 1.0 };
  static const GdkRGBA error = { 0.88, 0.11, 0.14, 1.0 };

  G_OBJECT_CLASS (plenary_problems_parent_class)->constructed (object);

  self->index = g_object_ref (plenary_document_get_line_index (self->document));
  self->buffer = g_object_ref (GTK_TEXT_BUFFER (plenary_document_get_buffer (self->document)));
  self->problem_tag = plenary_text_buffer_ensure_tag (self->buffer, "plenary-problem",
                                                     "underline", PANGO_UNDERLINE_ERROR,
                                                     "underline-rgba", &error, NULL);
  self->hint_tag = plenary_text_buffer_ensure_tag (self->buffer, "plenary-hint",
                                                  "underline", PANGO_UNDERLINE_SINGLE,
                                                  "underline-rgba", &hint, NULL);
  self->changes.n_lines = plenary_line_index_get_n_lines (self->index);

  g_signal_connect_object (self->index, "lines-changed", G_CALLBACK (on_lines_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "lines-marked", G_CALLBACK (on_lines_marked),
                           self, G_CONNECT_SWAPPED);
  /* A draft opened or reloaded brings its own header, and its body. */
  g_signal_connect_object (self->document, "notify::draft", G_CALLBACK (follow_draft),
                           self, G_CONNECT_SWAPPED);
  follow_draft (self);
}

static void
plenary_problems_dispose (GObject *object)
{
  PlenaryProblems *self = PLENARY_PROBLEMS (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->metadata != NULL)
    g_signal_handlers_disconnect_by_data (self->metadata, self);
  g_clear_object (&self->metadata);
  g_clear_object (&self->checker);
  g_clear_object (&self->buffer);
  if (self->index != NULL)
    g_signal_handlers_disconnect_by_data (self->index, self);
  g_clear_object (&self->index);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (plenary_problems_parent_class)->dispose (object);
}

static void
plenary_problems_finalize (GObject *object)
{
  PlenaryProblems *self = PLENARY_PROBLEMS (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->whole, g_ptr_array_unref);
  g_clear_pointer (&self->imported, g_ptr_array_unref);

  G_OBJECT_CLASS (plenary_problems_parent_class)->finalize (object);
}

static void
plenary_problems_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlenaryProblems *self = PLENARY_PROBLEMS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_N_PROBLEMS:
      g_value_set_uint (value, plenary_problems_get_n_problems (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_problems_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlenaryProblems *self = PLENARY_PROBLEMS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_problems_class_init (PlenaryProblemsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = plenary_problems_constructed;
  object_class->dispose = plenary_problems_dispose;
  object_class->finalize = plenary_problems_finalize;
  object_class->get_property = plenary_problems_get_property;
  object_class->set_property = plenary_problems_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PLENARY_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PROBLEMS] =
    g_param_spec_uint ("n-problems", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plenary_problems_init (PlenaryProblems *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->whole = g_ptr_array_new_with_free_func (g_object_unref);
  self->imported = g_ptr_array_new_with_free_func (g_object_unref);
  self->changes.first = self->changes.last = -1;
  self->checked_last = -1;
}

PlenaryProblems *
plenary_problems_new (PlenaryDocument *document)
{
  g_return_val_if_fail (PLENARY_IS_DOCUMENT (document), NULL);
  return g_object_new (PLENARY_TYPE_PROBLEMS, "document", document, NULL);
}

guint
plenary_problems_get_n_problems (PlenaryProblems *self)
{
  g_return_val_if_fail (PLENARY_IS_PROBLEMS (self), 0);
  return self->n_problems + self->n_whole_problems;
}

void
plenary_problems_set_whole_text_problems (PlenaryProblems *self,
                                          GPtrArray       *problems)
{
  guint removed;
  guint n_whole = 0;

  g_return_if_fail (PLENARY_IS_PROBLEMS (self));

  removed = self->whole->len;
  g_ptr_array_set_size (self->whole, 0);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      PlenaryCheckProblem *problem = g_ptr_array_index (problems, i);

      g_ptr_array_add (self->whole, plenary_problem_item_new (plenary_check_problem_copy (problem)));
      n_whole += problem->severity == PLENARY_CHECK_SEVERITY_WARNING;
    }

  g_list_model_items_changed (G_LIST_MODEL (self), self->items->len, removed, self->whole->len);
  if (n_whole != self->n_whole_problems)
    {
      self->n_whole_problems = n_whole;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PROBLEMS]);
    }
}
