/* plenary-split-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-split-view"

#include "config.h"

#include "plenary-split-view.h"

/* A side panel beside the content on wide windows and over it on narrow
 * ones. Libadwaita 1.4 has AdwOverlaySplitView, folded by breakpoints;
 * Debian 12's 1.2 has AdwFlap, which folds by itself when the children no
 * longer fit. Both are driven through the same property names, chosen once.
 *
 * The panel is hidden when it folds and comes back, if the user had it
 * open, when it unfolds: what is shown on a wide window is the user's
 * choice, which a narrow window must not overwrite. */

#if ADW_CHECK_VERSION (1, 4, 0)
# define INNER_SIDEBAR   "sidebar"
# define INNER_SHOW      "show-sidebar"
# define INNER_COLLAPSED "collapsed"
# define INNER_POSITION  "sidebar-position"
#else
# define INNER_SIDEBAR   "flap"
# define INNER_SHOW      "reveal-flap"
# define INNER_COLLAPSED "folded"
# define INNER_POSITION  "flap-position"
#endif

struct _PlenarySplitView
{
  AdwBin     parent_instance;

  GtkWidget *inner;
  gboolean   wanted;
};

G_DEFINE_FINAL_TYPE (PlenarySplitView, plenary_split_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SIDEBAR,
  PROP_CONTENT,
  PROP_SIDEBAR_POSITION,
  PROP_SHOW_SIDEBAR,
  PROP_COLLAPSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
plenary_split_view_get_show_sidebar (PlenarySplitView *self)
{
  gboolean show;

  g_return_val_if_fail (PLENARY_IS_SPLIT_VIEW (self), FALSE);

  g_object_get (self->inner, INNER_SHOW, &show, NULL);
  return show;
}

void
plenary_split_view_set_show_sidebar (PlenarySplitView *self,
                                     gboolean          show_sidebar)
{
  g_return_if_fail (PLENARY_IS_SPLIT_VIEW (self));

  g_object_set (self->inner, INNER_SHOW, !!show_sidebar, NULL);
}

gboolean
plenary_split_view_get_collapsed (PlenarySplitView *self)
{
  gboolean collapsed;

  g_return_val_if_fail (PLENARY_IS_SPLIT_VIEW (self), FALSE);

  g_object_get (self->inner, INNER_COLLAPSED, &collapsed, NULL);
  return collapsed;
}

void
plenary_split_view_set_collapsed (PlenarySplitView *self,
                                  gboolean          collapsed)
{
  g_return_if_fail (PLENARY_IS_SPLIT_VIEW (self));

#if ADW_CHECK_VERSION (1, 4, 0)
  adw_overlay_split_view_set_collapsed (ADW_OVERLAY_SPLIT_VIEW (self->inner), collapsed);
#else
  adw_flap_set_fold_policy (ADW_FLAP (self->inner),
                            collapsed ? ADW_FLAP_FOLD_POLICY_ALWAYS : ADW_FLAP_FOLD_POLICY_AUTO);
#endif
}

/* Narrower than end_width, the end view folds; narrower than start_width
 * (the smaller), both do. Returns the breakpoint of the narrowest windows,
 * for the caller's own setters. Libadwaita 1.2 folds by the children's
 * minimum widths instead: NULL there. */
GObject *
plenary_split_view_fold_below (AdwApplicationWindow *window,
                               PlenarySplitView     *start,
                               int                   start_width,
                               PlenarySplitView     *end,
                               int                   end_width)
{
#if ADW_CHECK_VERSION (1, 4, 0)
  g_auto(GValue) collapsed = G_VALUE_INIT;
  AdwBreakpoint *breakpoint;
  g_autofree char *end_condition = g_strdup_printf ("max-width: %dsp", end_width);
  g_autofree char *start_condition = g_strdup_printf ("max-width: %dsp", start_width);

  g_value_init (&collapsed, G_TYPE_BOOLEAN);
  g_value_set_boolean (&collapsed, TRUE);

  /* One breakpoint applies at a time, the last added of those that match. */
  breakpoint = adw_breakpoint_new (adw_breakpoint_condition_parse (end_condition));
  adw_breakpoint_add_setter (breakpoint, G_OBJECT (end), "collapsed", &collapsed);
  adw_application_window_add_breakpoint (window, breakpoint);

  breakpoint = adw_breakpoint_new (adw_breakpoint_condition_parse (start_condition));
  adw_breakpoint_add_setter (breakpoint, G_OBJECT (end), "collapsed", &collapsed);
  adw_breakpoint_add_setter (breakpoint, G_OBJECT (start), "collapsed", &collapsed);
  adw_application_window_add_breakpoint (window, breakpoint);
  return G_OBJECT (breakpoint);
#else
  return NULL;
#endif
}

static void
on_inner_show (PlenarySplitView *self)
{
  if (!plenary_split_view_get_collapsed (self))
    self->wanted = plenary_split_view_get_show_sidebar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDEBAR]);
}

static void
on_inner_collapsed (PlenarySplitView *self)
{
  gboolean wanted = self->wanted;

  plenary_split_view_set_show_sidebar (self, !plenary_split_view_get_collapsed (self) && wanted);
  self->wanted = wanted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLLAPSED]);
}

static void
plenary_split_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PlenarySplitView *self = PLENARY_SPLIT_VIEW (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR:
      g_object_get_property (G_OBJECT (self->inner), INNER_SIDEBAR, value);
      break;
    case PROP_CONTENT:
      g_object_get_property (G_OBJECT (self->inner), "content", value);
      break;
    case PROP_SIDEBAR_POSITION:
      g_object_get_property (G_OBJECT (self->inner), INNER_POSITION, value);
      break;
    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, plenary_split_view_get_show_sidebar (self));
      break;
    case PROP_COLLAPSED:
      g_value_set_boolean (value, plenary_split_view_get_collapsed (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_split_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PlenarySplitView *self = PLENARY_SPLIT_VIEW (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR:
      g_object_set_property (G_OBJECT (self->inner), INNER_SIDEBAR, value);
      break;
    case PROP_CONTENT:
      g_object_set_property (G_OBJECT (self->inner), "content", value);
      break;
    case PROP_SIDEBAR_POSITION:
      g_object_set_property (G_OBJECT (self->inner), INNER_POSITION, value);
      break;
    case PROP_SHOW_SIDEBAR:
      plenary_split_view_set_show_sidebar (self, g_value_get_boolean (value));
      break;
    case PROP_COLLAPSED:
      plenary_split_view_set_collapsed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_split_view_class_init (PlenarySplitViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = plenary_split_view_get_property;
  object_class->set_property = plenary_split_view_set_property;

  properties[PROP_SIDEBAR] =
    g_param_spec_object ("sidebar", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SIDEBAR_POSITION] =
    g_param_spec_enum ("sidebar-position", NULL, NULL, GTK_TYPE_PACK_TYPE, GTK_PACK_START,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COLLAPSED] =
    g_param_spec_boolean ("collapsed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plenary_split_view_init (PlenarySplitView *self)
{
#if ADW_CHECK_VERSION (1, 4, 0)
  self->inner = adw_overlay_split_view_new ();
  adw_overlay_split_view_set_min_sidebar_width (ADW_OVERLAY_SPLIT_VIEW (self->inner), 260);
  adw_overlay_split_view_set_max_sidebar_width (ADW_OVERLAY_SPLIT_VIEW (self->inner), 280);
  adw_overlay_split_view_set_enable_show_gesture (ADW_OVERLAY_SPLIT_VIEW (self->inner), FALSE);
#else
  self->inner = adw_flap_new ();
  adw_flap_set_locked (ADW_FLAP (self->inner), TRUE);
  adw_flap_set_swipe_to_open (ADW_FLAP (self->inner), FALSE);
  adw_flap_set_separator (ADW_FLAP (self->inner), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
#endif
  self->wanted = TRUE;
  adw_bin_set_child (ADW_BIN (self), self->inner);

  g_signal_connect_object (self->inner, "notify::" INNER_SHOW,
                           G_CALLBACK (on_inner_show), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->inner, "notify::" INNER_COLLAPSED,
                           G_CALLBACK (on_inner_collapsed), self, G_CONNECT_SWAPPED);
}
