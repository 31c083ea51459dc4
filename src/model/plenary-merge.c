/* plenary-merge.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-merge"

#include "config.h"

#include "plenary-merge.h"

typedef struct
{
  PlenaryMergeItem public;
  /* The base index (-1 for an insertion) and the base paragraph theirs
   * have just before it (-1: none), where it goes. */
  int              base_index;
  int              anchor;
  guint            level;
  /* What taking theirs does. */
  gboolean         content;
  gboolean         move;
  gboolean         delete;
} Item;

struct _PlenaryMerge
{
  GObject      parent_instance;

  PlenaryBody *base;
  PlenaryBody *mine;
  PlenaryBody *theirs;
  PlenaryComparison *to_mine;
  /* Item */
  GArray      *items;
};

G_DEFINE_FINAL_TYPE (PlenaryMerge, plenary_merge, G_TYPE_OBJECT)

static void
plenary_merge_finalize (GObject *object)
{
  PlenaryMerge *self = (PlenaryMerge *) object;

  g_clear_pointer (&self->base, plenary_body_unref);
  g_clear_pointer (&self->mine, plenary_body_unref);
  g_clear_pointer (&self->theirs, plenary_body_unref);
  g_clear_object (&self->to_mine);
  g_clear_pointer (&self->items, g_array_unref);

  G_OBJECT_CLASS (plenary_merge_parent_class)->finalize (object);
}

static void
plenary_merge_class_init (PlenaryMergeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plenary_merge_finalize;
}

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_pointer (&item->public.base, plenary_paragraph_unref);
  g_clear_pointer (&item->public.mine, plenary_paragraph_unref);
  g_clear_pointer (&item->public.theirs, plenary_paragraph_unref);
}

static void
plenary_merge_init (PlenaryMerge *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, item_clear);
}

static gboolean
same_content (const PlenaryParagraph *a,
              guint                   level_a,
              const PlenaryParagraph *b,
              guint                   level_b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->role == b->role && level_a == level_b &&
         g_strcmp0 (a->phrase != NULL && a->phrase[0] != '\0' ? a->phrase : NULL,
                    b->phrase != NULL && b->phrase[0] != '\0' ? b->phrase : NULL) == 0 &&
         g_strcmp0 (a->text, b->text) == 0;
}

/* Each base paragraph's entry in COMPARISON, by base index. */
static int *
entries_by_base (PlenaryComparison *comparison,
                 guint              n_base)
{
  int *by_base = g_new (int, n_base + 1);

  for (guint b = 0; b < n_base; b++)
    by_base[b] = -1;
  for (guint i = 0; i < plenary_comparison_get_n_paragraphs (comparison); i++)
    {
      const PlenaryDiffParagraph *entry = plenary_comparison_get_paragraph (comparison, i);

      if (!entry->is_opening && entry->old_index >= 0)
        by_base[entry->old_index] = i;
    }

  return by_base;
}

PlenaryMerge *
plenary_merge_new (PlenaryBody *base,
                   PlenaryBody *mine,
                   PlenaryBody *theirs)
{
  PlenaryMerge *self;
  g_autoptr(PlenaryComparison) to_theirs = NULL;
  g_autoptr(GPtrArray) base_flat = NULL;
  g_autoptr(GHashTable) mine_added = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree int *mine_of = NULL;
  int anchor = -1;

  g_return_val_if_fail (base != NULL && mine != NULL && theirs != NULL, NULL);

  self = g_object_new (PLENARY_TYPE_MERGE, NULL);
  self->base = plenary_body_ref (base);
  self->mine = plenary_body_ref (mine);
  self->theirs = plenary_body_ref (theirs);
  self->to_mine = plenary_differ_compare (base, mine, PLENARY_DIFFER_DEFAULT);
  to_theirs = plenary_differ_compare (base, theirs, PLENARY_DIFFER_DEFAULT);
  base_flat = plenary_body_flatten (base, NULL);
  mine_of = entries_by_base (self->to_mine, base_flat->len);

  /* What I added, so that the same paragraph added by both is taken once. */
  for (guint i = 0; i < plenary_comparison_get_n_paragraphs (self->to_mine); i++)
    {
      const PlenaryDiffParagraph *entry = plenary_comparison_get_paragraph (self->to_mine, i);

      if (entry->kind == PLENARY_DIFF_INSERTED)
        g_hash_table_add (mine_added, plenary_paragraph_dup_full_text (entry->new_paragraph));
    }

  /* Theirs in their order: each insertion and move goes after the base
   * paragraph before it in their text. */
  for (guint i = 0; i < plenary_comparison_get_n_paragraphs (to_theirs); i++)
    {
      const PlenaryDiffParagraph *entry = plenary_comparison_get_paragraph (to_theirs, i);
      const PlenaryDiffParagraph *mine_entry = NULL;
      gboolean theirs_edited, mine_deleted, mine_edited, mine_moved;
      Item item = { { 0 }, -1, anchor, entry->new_level, FALSE, FALSE, FALSE };

      if (entry->is_opening)
        continue;

      if (entry->kind == PLENARY_DIFF_INSERTED)
        {
          g_autofree char *full = plenary_paragraph_dup_full_text (entry->new_paragraph);

          if (!g_hash_table_contains (mine_added, full))
            {
              item.public.kind = PLENARY_MERGE_THEIRS;
              item.public.change = PLENARY_CHANGE_PARAGRAPH_INSERTED;
              item.public.theirs = plenary_paragraph_ref (entry->new_paragraph);
              item.public.take_theirs = TRUE;
              item.content = TRUE;
              g_array_append_val (self->items, item);
            }
          continue;
        }

      if (mine_of[entry->old_index] >= 0)
        mine_entry = plenary_comparison_get_paragraph (self->to_mine, mine_of[entry->old_index]);
      mine_deleted = mine_entry == NULL || mine_entry->kind == PLENARY_DIFF_DELETED;
      mine_edited = !mine_deleted && !same_content (mine_entry->old_paragraph, mine_entry->old_level,
                                                    mine_entry->new_paragraph, mine_entry->new_level);
      mine_moved = !mine_deleted && mine_entry->moved;

      item.base_index = entry->old_index;
      item.public.base = plenary_paragraph_ref (entry->old_paragraph);
      if (!mine_deleted)
        item.public.mine = plenary_paragraph_ref (mine_entry->new_paragraph);

      if (entry->kind == PLENARY_DIFF_DELETED)
        {
          /* Deleted by both: nothing to do. */
          if (mine_deleted)
            {
              g_clear_pointer (&item.public.base, plenary_paragraph_unref);
              continue;
            }
          item.public.change = PLENARY_CHANGE_PARAGRAPH_DELETED;
          item.delete = TRUE;
          item.public.kind = mine_edited ? PLENARY_MERGE_CONFLICT : PLENARY_MERGE_THEIRS;
        }
      else
        {
          theirs_edited = !same_content (entry->old_paragraph, entry->old_level,
                                         entry->new_paragraph, entry->new_level);
          anchor = entry->old_index;
          if (!theirs_edited && !entry->moved)
            {
              g_clear_pointer (&item.public.base, plenary_paragraph_unref);
              g_clear_pointer (&item.public.mine, plenary_paragraph_unref);
              continue;
            }

          item.public.theirs = plenary_paragraph_ref (entry->new_paragraph);
          item.public.change = theirs_edited ? PLENARY_CHANGE_WORDS_REPLACED : PLENARY_CHANGE_PARAGRAPH_MOVED;
          item.content = theirs_edited;
          item.move = entry->moved;

          /* The same words on both sides, no move of theirs: nothing to take. */
          if (!mine_deleted && !entry->moved &&
              same_content (mine_entry->new_paragraph, mine_entry->new_level,
                            entry->new_paragraph, entry->new_level))
            {
              g_clear_pointer (&item.public.base, plenary_paragraph_unref);
              g_clear_pointer (&item.public.mine, plenary_paragraph_unref);
              g_clear_pointer (&item.public.theirs, plenary_paragraph_unref);
              continue;
            }

          /* Words against words, a deletion against words, or two moves. */
          if ((theirs_edited && (mine_edited || mine_deleted)) ||
              (entry->moved && mine_moved) ||
              (entry->moved && mine_deleted))
            item.public.kind = PLENARY_MERGE_CONFLICT;
          else
            item.public.kind = PLENARY_MERGE_THEIRS;
        }

      item.public.take_theirs = item.public.kind == PLENARY_MERGE_THEIRS;
      g_array_append_val (self->items, item);
    }

  return self;
}

guint
plenary_merge_get_n_items (PlenaryMerge *self)
{
  g_return_val_if_fail (PLENARY_IS_MERGE (self), 0);

  return self->items->len;
}

const PlenaryMergeItem *
plenary_merge_get_item (PlenaryMerge *self,
                        guint         index)
{
  g_return_val_if_fail (PLENARY_IS_MERGE (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return &g_array_index (self->items, Item, index).public;
}

void
plenary_merge_set_take_theirs (PlenaryMerge *self,
                               guint         index,
                               gboolean      take_theirs)
{
  g_return_if_fail (PLENARY_IS_MERGE (self));
  g_return_if_fail (index < self->items->len);

  g_array_index (self->items, Item, index).public.take_theirs = !!take_theirs;
}

guint
plenary_merge_count_conflicts (PlenaryMerge *self)
{
  guint n = 0;

  g_return_val_if_fail (PLENARY_IS_MERGE (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    if (g_array_index (self->items, Item, i).public.kind == PLENARY_MERGE_CONFLICT)
      n++;

  return n;
}

typedef struct
{
  PlenaryParagraph *paragraph;
  guint             level;
} Node;

static void
node_free (gpointer data)
{
  Node *node = data;

  plenary_paragraph_unref (node->paragraph);
  g_free (node);
}

/* A paragraph alone (its sub-paragraphs are entries of their own). */
static PlenaryParagraph *
copy_alone (const PlenaryParagraph *paragraph)
{
  PlenaryParagraph *copy = plenary_paragraph_new (paragraph->role, paragraph->phrase, paragraph->text);

  copy->id = g_strdup (paragraph->id);
  if (paragraph->extra != NULL)
    copy->extra = json_object_ref (paragraph->extra);

  return copy;
}

/* The link after which something anchored after base paragraph ANCHOR goes:
 * the last thing put after it, else the anchor itself, else the nearest
 * base paragraph before it still there, else the start (NULL). */
static GList *
place_after (GList **by_base,
             GList **last_after,
             int     anchor)
{
  for (int a = anchor; a >= 0; a--)
    {
      if (last_after[a] != NULL)
        return last_after[a];
      if (by_base[a] != NULL)
        return by_base[a];
    }

  return NULL;
}

static void
insert_after (GQueue  *queue,
              GList  **by_base,
              GList  **last_after,
              int      anchor,
              GList   *link)
{
  GList *after = place_after (by_base, last_after, anchor);

  if (after == NULL)
    g_queue_push_head_link (queue, link);
  else
    g_queue_insert_after_link (queue, after, link);
  if (anchor >= 0)
    last_after[anchor] = link;
}

PlenaryBody *
plenary_merge_dup_result (PlenaryMerge *self)
{
  g_autoptr(GPtrArray) base_flat = NULL;
  GQueue queue = G_QUEUE_INIT;
  g_autofree GList **by_base = NULL;
  g_autofree GList **last_after = NULL;
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  PlenaryBody *result;

  g_return_val_if_fail (PLENARY_IS_MERGE (self), NULL);

  base_flat = plenary_body_flatten (self->base, NULL);
  by_base = g_new0 (GList *, base_flat->len + 1);
  last_after = g_new0 (GList *, base_flat->len + 1);

  /* Mine, in my order, each paragraph known by its base index. */
  for (guint i = 0; i < plenary_comparison_get_n_paragraphs (self->to_mine); i++)
    {
      const PlenaryDiffParagraph *entry = plenary_comparison_get_paragraph (self->to_mine, i);
      Node *node;

      if (entry->is_opening || entry->kind == PLENARY_DIFF_DELETED)
        continue;
      node = g_new0 (Node, 1);
      node->paragraph = copy_alone (entry->new_paragraph);
      node->level = entry->new_level;
      g_queue_push_tail (&queue, node);
      if (entry->old_index >= 0)
        by_base[entry->old_index] = queue.tail;
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      GList *link = item->base_index >= 0 ? by_base[item->base_index] : NULL;

      if (!item->public.take_theirs)
        continue;

      if (item->delete)
        {
          if (link != NULL)
            {
              node_free (link->data);
              g_queue_delete_link (&queue, link);
              by_base[item->base_index] = NULL;
            }
          continue;
        }

      if (link == NULL)
        {
          /* Added by them, or deleted by me and taken back from theirs. */
          Node *node = g_new0 (Node, 1);

          node->paragraph = copy_alone (item->public.theirs);
          node->level = item->level;
          link = g_list_alloc ();
          link->data = node;
          insert_after (&queue, by_base, last_after, item->anchor, link);
          if (item->base_index >= 0)
            by_base[item->base_index] = link;
          continue;
        }

      if (item->content)
        {
          Node *node = link->data;
          g_autofree char *id = g_strdup (node->paragraph->id);

          plenary_paragraph_unref (node->paragraph);
          node->paragraph = copy_alone (item->public.theirs);
          if (id != NULL)
            {
              g_free (node->paragraph->id);
              node->paragraph->id = g_steal_pointer (&id);
            }
          node->level = item->level;
        }
      if (item->move)
        {
          g_queue_unlink (&queue, link);
          insert_after (&queue, by_base, last_after, item->anchor, link);
          ((Node *) link->data)->level = item->level;
        }
    }

  result = plenary_body_new ();
  if (self->mine->opening != NULL)
    plenary_body_set_opening (result, self->mine->opening);
  for (GList *l = queue.head; l != NULL; l = l->next)
    {
      Node *node = l->data;
      guint level = MIN (node->level, stack->len);

      g_ptr_array_set_size (stack, level);
      if (level == 0)
        plenary_body_append (result, node->paragraph);
      else
        plenary_paragraph_append_child (g_ptr_array_index (stack, level - 1), node->paragraph);
      g_ptr_array_add (stack, node->paragraph);
    }
  g_queue_clear_full (&queue, node_free);

  return result;
}
