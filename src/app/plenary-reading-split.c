/* plenary-reading-split.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-reading-split"

#include "config.h"

#include <adwaita.h>

#include "plenary-reading-split.h"

/* The pane's smallest width. */
#define PANE_MIN_WIDTH 360
#define PANE_DEFAULT_WIDTH 400
/* Windows narrower than this have no room for the draft beside the pane. */
#define COVER_BELOW 900

struct _PlenaryReadingSplit
{
  GtkWidget  parent_instance;

  GtkPaned  *paned;
  GtkWidget *content;
  GtkWidget *draft;       /* in the content, beside its side panels */
  GtkWidget *pane;
  GSettings *settings;
  int        wanted;      /* the pane's width the user chose */
  int        width;       /* the split's width the position was set for */
  int        panels;      /* the side panels' width it was set for */
  gboolean   covering;
  gboolean   panels_given;  /* told what the side panels take, not measured */
  gboolean   placing;
  guint      place_id;
  guint      save_id;
};

static void plenary_reading_split_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlenaryReadingSplit, plenary_reading_split, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, plenary_reading_split_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

static gboolean
pane_shown (PlenaryReadingSplit *self)
{
  return self->pane != NULL && gtk_widget_get_visible (self->pane);
}

/* The side panels beside the draft, in the content with it. */
static int
panels_width (PlenaryReadingSplit *self)
{
  int content = self->content != NULL ? gtk_widget_get_width (self->content) : 0;

  if (self->draft == NULL || content == 0)
    return 0;
  return MAX (0, content - gtk_widget_get_width (self->draft));
}

static int
clamp_for (int total,
           int panels,
           int width)
{
  /* The draft keeps at least half of the split; with side panels too wide
   * for that (the user opened them beside the pane), the pane keeps its
   * smallest width. */
  return CLAMP (width, PANE_MIN_WIDTH, MAX (PANE_MIN_WIDTH, total / 2 - panels));
}

static int
clamp_width (PlenaryReadingSplit *self,
             int                  width)
{
  return clamp_for (gtk_widget_get_width (GTK_WIDGET (self)), self->panels, width);
}

static gboolean
window_too_narrow (PlenaryReadingSplit *self)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));

  return window != NULL && gtk_widget_get_width (window) < COVER_BELOW;
}

/* Out of size allocation: showing or hiding the draft resizes. A placing
 * queued before still runs (its id stays known to dispose). */
static void
place_pane (PlenaryReadingSplit *self)
{
  int total = gtk_widget_get_width (GTK_WIDGET (self));
  gboolean covering = pane_shown (self) && window_too_narrow (self);

  self->covering = covering;
  /* Covering: the draft squeezed to nothing (it stays in the window, with
   * its focus and its state). */

  if (!covering && !self->panels_given)
    self->panels = panels_width (self);
  if (pane_shown (self) && total > 0)
    {
      self->placing = TRUE;
      gtk_paned_set_position (self->paned, covering ? 0 : total - clamp_width (self, self->wanted));
      self->placing = FALSE;
    }
  self->width = total;
}

static gboolean
place_in_idle (gpointer user_data)
{
  PlenaryReadingSplit *self = user_data;

  self->place_id = 0;
  place_pane (self);
  return G_SOURCE_REMOVE;
}

static void
queue_place (PlenaryReadingSplit *self)
{
  if (self->place_id == 0)
    self->place_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, place_in_idle, self, NULL);
}

static gboolean
save_width (gpointer user_data)
{
  PlenaryReadingSplit *self = user_data;

  self->save_id = 0;
  if (self->settings != NULL && g_settings_get_int (self->settings, "reading-pane-width") != self->wanted)
    g_settings_set_int (self->settings, "reading-pane-width", self->wanted);
  return G_SOURCE_REMOVE;
}

static void
on_position_changed (PlenaryReadingSplit *self)
{
  int total = gtk_widget_get_width (GTK_WIDGET (self));
  int width;

  /* Only a drag of the handle at the current size says what the user wants. */
  if (self->placing || !pane_shown (self) || self->covering || total != self->width || total == 0)
    return;

  width = total - gtk_paned_get_position (self->paned);
  if (width != clamp_width (self, width))
    {
      queue_place (self);
      return;
    }

  self->wanted = width;
  /* Not now: the position also moves while the paned is allocated. */
  if (self->save_id == 0)
    self->save_id = g_idle_add_full (G_PRIORITY_LOW, save_width, self, NULL);
}

static void
plenary_reading_split_dispose (GObject *object)
{
  PlenaryReadingSplit *self = PLENARY_READING_SPLIT (object);

  if (self->pane != NULL)
    g_signal_handlers_disconnect_by_data (self->pane, self);
  self->pane = NULL;
  self->content = NULL;
  self->draft = NULL;
  /* Its handlers go before the idles: nothing may queue a placing once
   * they are removed. */
  if (self->paned != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->paned, self);
      gtk_widget_unparent (GTK_WIDGET (self->paned));
    }
  self->paned = NULL;
  g_clear_handle_id (&self->place_id, g_source_remove);
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (plenary_reading_split_parent_class)->dispose (object);
}

/* The paned lets the content shrink to nothing, to be covered; the split
 * still asks for the content's own width, so that the window is never
 * narrower than the draft and its side panels allow (libadwaita 1.2 folds
 * the side panels by the children's minimum widths, 1.4 by the window's
 * width). */
static void
plenary_reading_split_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  PlenaryReadingSplit *self = PLENARY_READING_SPLIT (widget);

  gtk_widget_measure (GTK_WIDGET (self->paned), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL && self->content != NULL
      && gtk_widget_get_visible (self->content))
    {
      int content_minimum;

      gtk_widget_measure (self->content, orientation, for_size, &content_minimum, NULL, NULL, NULL);
      *minimum = MAX (*minimum, content_minimum);
      *natural = MAX (*natural, *minimum);
    }
}

static void
plenary_reading_split_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  PlenaryReadingSplit *self = PLENARY_READING_SPLIT (widget);

  gtk_widget_allocate (GTK_WIDGET (self->paned), width, height, baseline, NULL);
}

static void
plenary_reading_split_class_init (PlenaryReadingSplitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plenary_reading_split_dispose;
  widget_class->measure = plenary_reading_split_measure;
  widget_class->size_allocate = plenary_reading_split_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "plenary-reading-split");
}

static void
plenary_reading_split_init (PlenaryReadingSplit *self)
{
  self->wanted = PANE_DEFAULT_WIDTH;
  self->paned = GTK_PANED (gtk_paned_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_paned_set_resize_start_child (self->paned, TRUE);
  gtk_paned_set_resize_end_child (self->paned, FALSE);
  /* Only to cover it: the handle keeps the draft at half the width. */
  gtk_paned_set_shrink_start_child (self->paned, TRUE);
  gtk_paned_set_shrink_end_child (self->paned, FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->paned), GTK_WIDGET (self));
  g_signal_connect_swapped (self->paned, "notify::position", G_CALLBACK (on_position_changed), self);
  /* The split's width changed: the pane keeps its own. */
  g_signal_connect_swapped (self->paned, "notify::max-position", G_CALLBACK (queue_place), self);
}

/* <child> is the content, <child type="pane"> the pane. */
static void
plenary_reading_split_add_child (GtkBuildable *buildable,
                                 GtkBuilder   *builder,
                                 GObject      *child,
                                 const char   *type)
{
  PlenaryReadingSplit *self = PLENARY_READING_SPLIT (buildable);

  if (!GTK_IS_WIDGET (child))
    parent_buildable_iface->add_child (buildable, builder, child, type);
  else if (g_strcmp0 (type, "pane") == 0)
    plenary_reading_split_set_pane (self, GTK_WIDGET (child));
  else
    plenary_reading_split_set_content (self, GTK_WIDGET (child));
}

static void
plenary_reading_split_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = plenary_reading_split_add_child;
}

GtkWidget *
plenary_reading_split_new (void)
{
  return g_object_new (PLENARY_TYPE_READING_SPLIT, NULL);
}

void
plenary_reading_split_set_content (PlenaryReadingSplit *self,
                                   GtkWidget           *content)
{
  g_return_if_fail (PLENARY_IS_READING_SPLIT (self));

  self->content = content;
  gtk_paned_set_start_child (self->paned, content);
}

void
plenary_reading_split_set_draft (PlenaryReadingSplit *self,
                                 GtkWidget           *draft)
{
  g_return_if_fail (PLENARY_IS_READING_SPLIT (self));
  g_return_if_fail (draft == NULL || GTK_IS_WIDGET (draft));

  self->draft = draft;
  queue_place (self);
}

static void
on_pane_visible (PlenaryReadingSplit *self)
{
  place_pane (self);
}

void
plenary_reading_split_set_pane (PlenaryReadingSplit *self,
                                GtkWidget           *pane)
{
  g_return_if_fail (PLENARY_IS_READING_SPLIT (self));

  if (self->pane != NULL)
    g_signal_handlers_disconnect_by_data (self->pane, self);
  self->pane = pane;
  gtk_paned_set_end_child (self->paned, pane);
  if (pane != NULL)
    g_signal_connect_swapped (pane, "notify::visible", G_CALLBACK (on_pane_visible), self);
  queue_place (self);
}

void
plenary_reading_split_set_settings (PlenaryReadingSplit *self,
                                    GSettings           *settings)
{
  g_return_if_fail (PLENARY_IS_READING_SPLIT (self));

  g_set_object (&self->settings, settings);
  if (settings != NULL)
    self->wanted = g_settings_get_int (settings, "reading-pane-width");
  queue_place (self);
}

int
plenary_reading_split_get_pane_width (PlenaryReadingSplit *self)
{
  g_return_val_if_fail (PLENARY_IS_READING_SPLIT (self), 0);
  return pane_shown (self) ? gtk_widget_get_width (self->pane) : 0;
}

void
plenary_reading_split_set_pane_width (PlenaryReadingSplit *self,
                                      int                  width)
{
  g_return_if_fail (PLENARY_IS_READING_SPLIT (self));

  self->wanted = width;
  if (self->settings != NULL)
    g_settings_set_int (self->settings, "reading-pane-width", clamp_width (self, width));
  place_pane (self);
}

gboolean
plenary_reading_split_get_covering (PlenaryReadingSplit *self)
{
  g_return_val_if_fail (PLENARY_IS_READING_SPLIT (self), FALSE);
  return self->covering;
}

GtkPaned *
plenary_reading_split_get_paned (PlenaryReadingSplit *self)
{
  g_return_val_if_fail (PLENARY_IS_READING_SPLIT (self), NULL);
  return self->paned;
}

/* Whether the pane beside the draft, at its width, leaves the draft less
 * than half of the split when side panels of that width are shown. Never
 * when the pane covers the draft. */
gboolean
plenary_reading_split_crowds_draft (PlenaryReadingSplit *self,
                                    int                  panels)
{
  int total;

  g_return_val_if_fail (PLENARY_IS_READING_SPLIT (self), FALSE);

  total = gtk_widget_get_width (GTK_WIDGET (self));
  if (total == 0 || window_too_narrow (self))
    return FALSE;
  return total - panels - clamp_for (total, panels, self->wanted) < total / 2;
}

/* The side panels take, or are about to take, that width (shown, put away
 * or folded): the pane takes its place now, not while they slide (GTK 4.8
 * then draws a side panel not yet allocated). Once told, the split no
 * longer measures them. */
void
plenary_reading_split_set_panels_width (PlenaryReadingSplit *self,
                                        int                  panels)
{
  g_return_if_fail (PLENARY_IS_READING_SPLIT (self));

  self->panels = panels;
  self->panels_given = TRUE;
  place_pane (self);
}
