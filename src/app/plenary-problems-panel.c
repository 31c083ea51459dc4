/* plenary-problems-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-problems-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "plenary-problem-row.h"
#include "plenary-problems-panel.h"

struct _PlenaryProblemsPanel
{
  GtkWidget        parent_instance;

  PlenaryProblems *problems;

  GtkStack        *stack;
  GtkListView     *list_view;
  GtkMenuButton   *fix_all_button;
};

G_DEFINE_FINAL_TYPE (PlenaryProblemsPanel, plenary_problems_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROBLEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  GO_TO_LINE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_fix (PlenaryProblemsPanel *self,
        PlenaryProblemItem   *item)
{
  if (self->problems == NULL)
    return;

  /* Show the result at once rather than after the pause in typing. */
  if (plenary_problems_apply_fix (self->problems, item))
    plenary_problems_flush (self->problems);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           PlenaryProblemsPanel     *self)
{
  GtkWidget *row = plenary_problem_row_new ();

  g_signal_connect_object (row, "fix", G_CALLBACK (on_fix), self, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          PlenaryProblemsPanel     *self)
{
  plenary_problem_row_set_item (PLENARY_PROBLEM_ROW (gtk_list_item_get_child (list_item)),
                                gtk_list_item_get_item (list_item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            PlenaryProblemsPanel     *self)
{
  plenary_problem_row_set_item (PLENARY_PROBLEM_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
on_activate (PlenaryProblemsPanel *self,
             guint                 position)
{
  g_autoptr(PlenaryProblemItem) item = NULL;

  if (self->problems == NULL)
    return;

  item = g_list_model_get_item (G_LIST_MODEL (self->problems), position);
  if (item != NULL)
    {
      guint line;
      gsize index;

      plenary_problems_locate (self->problems, item, &line, &index);
      g_signal_emit (self, signals[GO_TO_LINE], 0, line, (guint64) index);
    }
}

/* What "Fix All" does for each kind of problem that has fixes. */
static const struct {
  PlenaryCheckKind kind;
  const char      *label;   /* with the number of problems */
} fix_all_kinds[] = {
  { PLENARY_CHECK_PREAMBULAR_ENDING, N_("End Every Preambular Paragraph with a Comma (%u)") },
  { PLENARY_CHECK_OPERATIVE_ENDING, N_("End Every Operative Paragraph with a Semicolon (%u)") },
  { PLENARY_CHECK_TYPOGRAPHY_SPACE, N_("Insert Every No-Break Space before ; : ? ! (%u)") },
  { PLENARY_CHECK_TYPOGRAPHY_QUOTES, N_("Insert Every No-Break Space inside « » (%u)") },
  { PLENARY_CHECK_AGREEMENT, N_("Make Every Phrase Agree with the Body (%u)") },
  { PLENARY_CHECK_EMPTY_PARAGRAPH, N_("Remove Every Empty Paragraph (%u)") },
};

static GMenuModel *
build_fix_all_menu (PlenaryProblemsPanel *self)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; self->problems != NULL && i < G_N_ELEMENTS (fix_all_kinds); i++)
    {
      guint count = plenary_problems_count_fixable (self->problems, fix_all_kinds[i].kind);
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (count < 2)
        continue;

      label = g_strdup_printf (_(fix_all_kinds[i].label), count);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "problems.fix-all", "i", (int) fix_all_kinds[i].kind);
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

/* The menu is built when it opens, with the counts of that moment. */
static void
create_fix_all_popup (GtkMenuButton *button,
                      gpointer       user_data)
{
  PlenaryProblemsPanel *self = user_data;
  g_autoptr(GMenuModel) menu = build_fix_all_menu (self);

  gtk_menu_button_set_menu_model (button, menu);
}

static void
fix_all_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PlenaryProblemsPanel *self = PLENARY_PROBLEMS_PANEL (widget);

  if (self->problems != NULL)
    plenary_problems_fix_all (self->problems, g_variant_get_int32 (param));
}

static void
update_stack (PlenaryProblemsPanel *self)
{
  g_autoptr(GMenuModel) menu = build_fix_all_menu (self);

  gtk_widget_set_visible (GTK_WIDGET (self->fix_all_button), g_menu_model_get_n_items (menu) > 0);

  const char *name;

  if (self->problems == NULL)
    name = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->problems)) == 0)
    name = "clean";
  else
    name = "list";

  gtk_stack_set_visible_child_name (self->stack, name);
}

static void
plenary_problems_panel_dispose (GObject *object)
{
  PlenaryProblemsPanel *self = PLENARY_PROBLEMS_PANEL (object);

  if (self->problems != NULL)
    g_signal_handlers_disconnect_by_data (self->problems, self);
  g_clear_object (&self->problems);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_PROBLEMS_PANEL);

  G_OBJECT_CLASS (plenary_problems_panel_parent_class)->dispose (object);
}

static void
plenary_problems_panel_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PlenaryProblemsPanel *self = PLENARY_PROBLEMS_PANEL (object);

  switch (prop_id)
    {
    case PROP_PROBLEMS:
      g_value_set_object (value, self->problems);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_problems_panel_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PlenaryProblemsPanel *self = PLENARY_PROBLEMS_PANEL (object);

  switch (prop_id)
    {
    case PROP_PROBLEMS:
      plenary_problems_panel_set_problems (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_problems_panel_class_init (PlenaryProblemsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plenary_problems_panel_dispose;
  object_class->get_property = plenary_problems_panel_get_property;
  object_class->set_property = plenary_problems_panel_set_property;

  properties[PROP_PROBLEMS] =
    g_param_spec_object ("problems", NULL, NULL, PLENARY_TYPE_PROBLEMS,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A row was activated: the editor goes to byte INDEX of LINE. */
  signals[GO_TO_LINE] =
    g_signal_new ("go-to-line", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/plenary/Plenary/plenary-problems-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryProblemsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, PlenaryProblemsPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, PlenaryProblemsPanel, fix_all_button);
  gtk_widget_class_install_action (widget_class, "problems.fix-all", "i", fix_all_action);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "plenary-problems-panel");
}

static void
plenary_problems_panel_init (PlenaryProblemsPanel *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_menu_button_set_create_popup_func (self->fix_all_button, create_fix_all_popup, self, NULL);

  update_stack (self);
}

GtkWidget *
plenary_problems_panel_new (void)
{
  return g_object_new (PLENARY_TYPE_PROBLEMS_PANEL, NULL);
}

PlenaryProblems *
plenary_problems_panel_get_problems (PlenaryProblemsPanel *self)
{
  g_return_val_if_fail (PLENARY_IS_PROBLEMS_PANEL (self), NULL);
  return self->problems;
}

void
plenary_problems_panel_set_problems (PlenaryProblemsPanel *self,
                                     PlenaryProblems      *problems)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (PLENARY_IS_PROBLEMS_PANEL (self));
  g_return_if_fail (problems == NULL || PLENARY_IS_PROBLEMS (problems));

  if (self->problems == problems)
    return;

  if (self->problems != NULL)
    g_signal_handlers_disconnect_by_data (self->problems, self);
  g_set_object (&self->problems, problems);

  if (problems != NULL)
    {
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (problems)));
      g_signal_connect_swapped (problems, "items-changed", G_CALLBACK (update_stack), self);
    }
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  update_stack (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEMS]);
}
