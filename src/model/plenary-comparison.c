/* plenary-comparison.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-comparison"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "plenary-comparison.h"

struct _PlenaryComparison
{
  GObject      parent_instance;

  PlenaryBody *old_body;
  PlenaryBody *new_body;
  /* PlenaryDiffParagraph */
  GArray      *paragraphs;
  /* PlenaryChange */
  GArray      *changes;
};

G_DEFINE_FINAL_TYPE (PlenaryComparison, plenary_comparison, G_TYPE_OBJECT)

static void
diff_paragraph_clear (gpointer data)
{
  PlenaryDiffParagraph *entry = data;

  g_clear_pointer (&entry->old_paragraph, plenary_paragraph_unref);
  g_clear_pointer (&entry->new_paragraph, plenary_paragraph_unref);
  g_clear_pointer (&entry->phrase_runs, g_array_unref);
  g_clear_pointer (&entry->text_runs, g_array_unref);
}

static void
plenary_comparison_finalize (GObject *object)
{
  PlenaryComparison *self = (PlenaryComparison *) object;

  g_clear_pointer (&self->old_body, plenary_body_unref);
  g_clear_pointer (&self->new_body, plenary_body_unref);
  g_clear_pointer (&self->paragraphs, g_array_unref);
  g_clear_pointer (&self->changes, g_array_unref);

  G_OBJECT_CLASS (plenary_comparison_parent_class)->finalize (object);
}

static void
plenary_comparison_class_init (PlenaryComparisonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plenary_comparison_finalize;
}

static void
plenary_comparison_init (PlenaryComparison *self)
{
  self->changes = g_array_new (FALSE, TRUE, sizeof (PlenaryChange));
}

static void
add_word_changes (PlenaryComparison *self,
                  guint              paragraph,
                  GArray            *runs,
                  gboolean           in_phrase)
{
  for (guint i = 0; i < runs->len; i++)
    {
      PlenaryWordRun *run = &g_array_index (runs, PlenaryWordRun, i);
      PlenaryChange change = { 0, paragraph, 0, in_phrase, i, 1 };

      if (run->op == PLENARY_WORD_EQUAL)
        continue;

      if (run->op == PLENARY_WORD_DELETE && i + 1 < runs->len &&
          g_array_index (runs, PlenaryWordRun, i + 1).op == PLENARY_WORD_INSERT)
        {
          change.kind = PLENARY_CHANGE_WORDS_REPLACED;
          change.n_runs = 2;
          i++;
        }
      else if (run->op == PLENARY_WORD_DELETE)
        change.kind = PLENARY_CHANGE_WORDS_DELETED;
      else
        change.kind = PLENARY_CHANGE_WORDS_INSERTED;

      g_array_append_val (self->changes, change);
    }
}

/* How many entries from INDEX on belong to the same inserted or deleted
 * paragraph: itself and its sub-paragraphs on the same side. */
static guint
group_size (GArray *paragraphs,
            guint   index)
{
  const PlenaryDiffParagraph *first = &g_array_index (paragraphs, PlenaryDiffParagraph, index);
  guint level = first->kind == PLENARY_DIFF_DELETED ? first->old_level : first->new_level;
  guint n = 1;

  while (index + n < paragraphs->len)
    {
      const PlenaryDiffParagraph *next = &g_array_index (paragraphs, PlenaryDiffParagraph, index + n);
      guint next_level = next->kind == PLENARY_DIFF_DELETED ? next->old_level : next->new_level;

      if (next->kind != first->kind || next->is_opening || next_level <= level)
        break;
      n++;
    }

  return n;
}

/* How many entries from INDEX on moved together (one after the other in the
 * older text too). */
static guint
moved_size (GArray *paragraphs,
            guint   index)
{
  const PlenaryDiffParagraph *first = &g_array_index (paragraphs, PlenaryDiffParagraph, index);
  guint n = 1;

  while (index + n < paragraphs->len)
    {
      const PlenaryDiffParagraph *next = &g_array_index (paragraphs, PlenaryDiffParagraph, index + n);

      if (next->kind != PLENARY_DIFF_MATCHED || !next->moved ||
          next->old_index != first->old_index + (int) n)
        break;
      n++;
    }

  return n;
}

PlenaryComparison *
plenary_comparison_new (PlenaryBody *old_body,
                        PlenaryBody *new_body,
                        GArray      *paragraphs)
{
  PlenaryComparison *self;
  guint group_end = 0;
  guint moved_end = 0;

  g_return_val_if_fail (old_body != NULL, NULL);
  g_return_val_if_fail (new_body != NULL, NULL);
  g_return_val_if_fail (paragraphs != NULL, NULL);

  self = g_object_new (PLENARY_TYPE_COMPARISON, NULL);
  self->old_body = plenary_body_ref (old_body);
  self->new_body = plenary_body_ref (new_body);
  self->paragraphs = g_array_ref (paragraphs);
  g_array_set_clear_func (self->paragraphs, diff_paragraph_clear);

  for (guint i = 0; i < paragraphs->len; i++)
    {
      PlenaryDiffParagraph *entry = &g_array_index (paragraphs, PlenaryDiffParagraph, i);

      entry->first_change = self->changes->len;

      if (!entry->is_opening && entry->kind != PLENARY_DIFF_MATCHED)
        {
          /* A paragraph inserted or deleted with its sub-paragraphs is one change. */
          if (i >= group_end)
            {
              PlenaryChange change = {
                entry->kind == PLENARY_DIFF_INSERTED ? PLENARY_CHANGE_PARAGRAPH_INSERTED
                                                     : PLENARY_CHANGE_PARAGRAPH_DELETED,
                i, group_size (paragraphs, i), FALSE, 0, 0
              };

              group_end = i + change.n_paragraphs;
              g_array_append_val (self->changes, change);
            }
        }
      else
        {
          if (entry->moved && i >= moved_end)
            {
              PlenaryChange change = {
                PLENARY_CHANGE_PARAGRAPH_MOVED, i, moved_size (paragraphs, i), FALSE, 0, 0
              };

              moved_end = i + change.n_paragraphs;
              g_array_append_val (self->changes, change);
            }
          if (entry->restyled)
            {
              PlenaryChange change = { PLENARY_CHANGE_PARAGRAPH_RESTYLED, i, 1, FALSE, 0, 0 };

              g_array_append_val (self->changes, change);
            }
          add_word_changes (self, i, entry->phrase_runs, TRUE);
          add_word_changes (self, i, entry->text_runs, FALSE);
        }

      entry->n_changes = self->changes->len - entry->first_change;
    }

  return self;
}

PlenaryBody *
plenary_comparison_get_old_body (PlenaryComparison *self)
{
  g_return_val_if_fail (PLENARY_IS_COMPARISON (self), NULL);

  return self->old_body;
}

PlenaryBody *
plenary_comparison_get_new_body (PlenaryComparison *self)
{
  g_return_val_if_fail (PLENARY_IS_COMPARISON (self), NULL);

  return self->new_body;
}

guint
plenary_comparison_get_n_paragraphs (PlenaryComparison *self)
{
  g_return_val_if_fail (PLENARY_IS_COMPARISON (self), 0);

  return self->paragraphs->len;
}

const PlenaryDiffParagraph *
plenary_comparison_get_paragraph (PlenaryComparison *self,
                                  guint              index)
{
  g_return_val_if_fail (PLENARY_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->paragraphs->len, NULL);

  return &g_array_index (self->paragraphs, PlenaryDiffParagraph, index);
}

guint
plenary_comparison_get_n_changes (PlenaryComparison *self)
{
  g_return_val_if_fail (PLENARY_IS_COMPARISON (self), 0);

  return self->changes->len;
}

const PlenaryChange *
plenary_comparison_get_change (PlenaryComparison *self,
                               guint              index)
{
  g_return_val_if_fail (PLENARY_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->changes->len, NULL);

  return &g_array_index (self->changes, PlenaryChange, index);
}

guint
plenary_comparison_count (PlenaryComparison *self,
                          PlenaryChangeKind  kind)
{
  guint n = 0;

  g_return_val_if_fail (PLENARY_IS_COMPARISON (self), 0);

  for (guint i = 0; i < self->changes->len; i++)
    if (g_array_index (self->changes, PlenaryChange, i).kind == kind)
      n++;

  return n;
}

gboolean
plenary_comparison_is_empty (PlenaryComparison *self)
{
  g_return_val_if_fail (PLENARY_IS_COMPARISON (self), TRUE);

  return self->changes->len == 0;
}

static gboolean
ends_with_space (const char *text)
{
  return text[0] == '\0' || g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (text + strlen (text))));
}

GArray *
plenary_diff_paragraph_dup_display_runs (const PlenaryDiffParagraph *entry,
                                         gboolean                    phrase)
{
  GArray *runs = plenary_word_runs_new ();
  GArray *from;

  g_return_val_if_fail (entry != NULL, runs);

  from = phrase ? entry->phrase_runs : entry->text_runs;
  for (guint i = 0; i < from->len; i++)
    {
      const PlenaryWordRun *run = &g_array_index (from, PlenaryWordRun, i);
      PlenaryWordRun copy = { run->op, g_strdup (run->text) };

      if (run->op == PLENARY_WORD_INSERT && i > 0 &&
          g_array_index (from, PlenaryWordRun, i - 1).op == PLENARY_WORD_DELETE &&
          !ends_with_space (g_array_index (from, PlenaryWordRun, i - 1).text) &&
          !g_unichar_isspace (g_utf8_get_char (run->text)))
        {
          PlenaryWordRun space = { PLENARY_WORD_EQUAL, g_strdup (" ") };

          g_array_append_val (runs, space);
        }
      g_array_append_val (runs, copy);
    }

  return runs;
}

static void
flatten (GPtrArray *out,
         GArray    *levels,
         GPtrArray *paragraphs,
         guint      level)
{
  for (guint i = 0; i < paragraphs->len; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (paragraphs, i);

      g_ptr_array_add (out, paragraph);
      if (levels != NULL)
        g_array_append_val (levels, level);
      flatten (out, levels, paragraph->children, level + 1);
    }
}

GPtrArray *
plenary_body_flatten (PlenaryBody *body,
                      GArray      *levels)
{
  GPtrArray *out = g_ptr_array_new ();

  g_return_val_if_fail (body != NULL, out);

  flatten (out, levels, body->paragraphs, 0);

  return out;
}

/* The text the runs give from OLD, NULL when they do not fit it; an empty
 * phrase is no phrase. */
static gboolean
apply_runs (GArray      *runs,
            const char  *old,
            gboolean     phrase,
            char       **out)
{
  char *text;

  if (phrase && runs->len == 0)
    {
      if (old != NULL && old[0] != '\0')
        return FALSE;
      *out = NULL;
      return TRUE;
    }

  if (!(text = plenary_word_runs_apply (runs, old)))
    return FALSE;

  if (phrase && text[0] == '\0')
    g_clear_pointer (&text, g_free);
  *out = text;

  return TRUE;
}

PlenaryBody *
plenary_comparison_apply (PlenaryComparison  *self,
                          PlenaryBody        *old_body,
                          GError            **error)
{
  g_autoptr(PlenaryBody) body = NULL;
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GPtrArray) stack = NULL;
  gboolean has_opening = FALSE;

  g_return_val_if_fail (PLENARY_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (old_body != NULL, NULL);

  body = plenary_body_new ();
  old = plenary_body_flatten (old_body, NULL);
  stack = g_ptr_array_new ();

  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      const PlenaryDiffParagraph *entry = &g_array_index (self->paragraphs, PlenaryDiffParagraph, i);
      const PlenaryParagraph *source = NULL;
      g_autofree char *phrase = NULL;
      g_autofree char *text = NULL;
      g_autoptr(PlenaryParagraph) paragraph = NULL;

      if (entry->is_opening)
        {
          has_opening = TRUE;
          if (!apply_runs (entry->text_runs, old_body->opening, FALSE, &text))
            goto mismatch;
          if (entry->kind != PLENARY_DIFF_DELETED)
            plenary_body_set_opening (body, text);
          continue;
        }

      if (entry->old_index >= 0)
        {
          if ((guint) entry->old_index >= old->len)
            goto mismatch;
          source = g_ptr_array_index (old, entry->old_index);
        }

      if (!apply_runs (entry->phrase_runs, source != NULL ? source->phrase : NULL, TRUE, &phrase) ||
          !apply_runs (entry->text_runs, source != NULL ? source->text : "", FALSE, &text))
        goto mismatch;

      if (entry->kind == PLENARY_DIFF_DELETED)
        continue;

      paragraph = plenary_paragraph_new (entry->new_paragraph->role, phrase, text);
      paragraph->id = g_strdup (entry->new_paragraph->id);
      if (entry->new_paragraph->extra != NULL)
        paragraph->extra = json_object_ref (entry->new_paragraph->extra);

      g_ptr_array_set_size (stack, MIN (entry->new_level, stack->len));
      if (stack->len == 0)
        plenary_body_append (body, paragraph);
      else
        plenary_paragraph_append_child (g_ptr_array_index (stack, stack->len - 1), paragraph);
      g_ptr_array_add (stack, paragraph);
    }

  if (!has_opening && old_body->opening != NULL)
    goto mismatch;
  if (self->new_body->extra != NULL)
    body->extra = json_object_ref (self->new_body->extra);

  return g_steal_pointer (&body);

mismatch:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The changes do not fit this text: it is not the text they were found in."));
  return NULL;
}
