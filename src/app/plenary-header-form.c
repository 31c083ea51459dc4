/* plenary-header-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-header-form"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "plenary-header-form.h"
#include "plenary-phrase-dictionary.h"

struct _PlenaryHeaderForm
{
  GtkWidget        parent_instance;

  PlenaryDocument *document;
  PlenaryMetadata *metadata;
  GBindingGroup   *bindings;
  GMenu           *bodies_menu;
  guint            bodies_source;

  /* Template widgets */
  GtkWidget       *box;
  GtkTextView     *question_view;
  GtkLabel        *question_placeholder;
  GtkWidget       *fields;
  GtkLabel        *forum_label;
  GtkEntry        *forum_entry;
  GtkLabel        *submitted_by_label;
  GtkEntry        *submitted_by_entry;
  GtkWidget       *body_label;
  GtkWidget       *body_box;
  GtkEntry        *body_entry;
  GtkMenuButton   *body_button;
  GtkWidget       *symbol_label;
  GtkWidget       *symbol_entry;
  GtkWidget       *co_sponsors_label;
  GtkEntry        *co_sponsors_entry;
  GtkWidget       *signatories_label;
  GtkEntry        *signatories_entry;
  GtkWidget       *session_label;
  GtkWidget       *session_entry;
  GtkWidget       *agenda_item_label;
  GtkWidget       *agenda_item_entry;
  GtkWidget       *date_label;
  GtkWidget       *date_entry;
  GtkWidget       *page_limit_label;
  GtkSpinButton   *page_limit_spin;
};

G_DEFINE_FINAL_TYPE (PlenaryHeaderForm, plenary_header_form, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_METADATA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char **
plenary_header_form_split_names (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return g_strv_builder_end (builder);

  parts = g_strsplit_set (text, ",;\n", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *name = g_strstrip (parts[i]);

      if (name[0] != '\0')
        g_strv_builder_add (builder, name);
    }

  return g_strv_builder_end (builder);
}

static gboolean
names_to_text (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  const char * const *names = g_value_get_boxed (from);
  g_auto(GStrv) current = plenary_header_form_split_names (g_value_get_string (to));

  /* While "France, " is being typed the list is already { "France" }:
   * leave the text as the user has it. */
  if (g_strv_equal (names != NULL ? names : (const char * const[]) { NULL },
                    (const char * const *) current))
    return FALSE;

  g_value_take_string (to, names != NULL ? g_strjoinv (", ", (char **) names) : g_strdup (""));
  return TRUE;
}

static gboolean
text_to_names (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  g_value_take_boxed (to, plenary_header_form_split_names (g_value_get_string (from)));
  return TRUE;
}

static void
set_body_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  PlenaryHeaderForm *self = PLENARY_HEADER_FORM (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->body_entry), g_variant_get_string (param, NULL));
}

static void
update_bodies (PlenaryHeaderForm *self,
               PlenaryDraft      *draft)
{
  PlenaryPhraseDictionary *dictionary = plenary_phrase_dictionary_get_default (plenary_draft_get_language (draft));
  g_auto(GStrv) bodies = plenary_phrase_dictionary_list_bodies (dictionary);

  g_menu_remove_all (self->bodies_menu);
  for (guint i = 0; bodies[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (bodies[i], NULL);

      g_menu_item_set_action_and_target_value (item, "header-form.set-body", g_variant_new_string (bodies[i]));
      g_menu_append_item (self->bodies_menu, item);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->body_button), bodies[0] != NULL);
}

/* A brief has a committee, a delegation and a topic; the fields of a
 * resolution's header make no sense for it. */
static void
update_kind (PlenaryHeaderForm *self,
             PlenaryDraftKind   kind)
{
  gboolean resolution = kind == PLENARY_DRAFT_KIND_RESOLUTION;
  GtkWidget *resolution_only[] = {
    self->body_label, self->body_box, self->symbol_label, self->symbol_entry,
    self->co_sponsors_label, GTK_WIDGET (self->co_sponsors_entry),
    self->signatories_label, GTK_WIDGET (self->signatories_entry),
    self->session_label, self->session_entry, self->agenda_item_label, self->agenda_item_entry,
  };
  const char *question = resolution ? _("Question") : _("Topic");

  /* Each label sits with its field in a cell of the flow box: the cell
   * goes, or the other cells would leave a hole. */
  for (guint i = 0; i < G_N_ELEMENTS (resolution_only); i++)
    gtk_widget_set_visible (gtk_widget_get_ancestor (resolution_only[i], GTK_TYPE_FLOW_BOX_CHILD), resolution);
  gtk_widget_set_visible (gtk_widget_get_ancestor (self->page_limit_label, GTK_TYPE_FLOW_BOX_CHILD), !resolution);

  gtk_label_set_text (self->forum_label, resolution ? _("Forum") : _("Committee"));
  gtk_label_set_text (self->submitted_by_label, resolution ? _("Submitted by") : _("Delegation"));
  gtk_label_set_text (self->question_placeholder, question);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->question_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, question, -1);
}

static gboolean
update_bodies_cb (gpointer data)
{
  PlenaryHeaderForm *self = data;

  self->bodies_source = 0;
  update_bodies (self, plenary_document_get_draft (self->document));

  return G_SOURCE_REMOVE;
}

static void
on_draft_changed (PlenaryHeaderForm *self)
{
  PlenaryDraft *draft = plenary_document_get_draft (self->document);
  PlenaryMetadata *metadata = plenary_draft_get_metadata (draft);

  update_kind (self, plenary_draft_get_kind (draft));
  g_clear_handle_id (&self->bodies_source, g_source_remove);
  /* The header starts folded: a dictionary not loaded yet is loaded after
   * the window's first frame, not before it shows. */
  if (plenary_phrase_dictionary_has_default (plenary_draft_get_language (draft)))
    update_bodies (self, draft);
  else
    self->bodies_source = g_idle_add_full (G_PRIORITY_LOW, update_bodies_cb, self, NULL);

  if (g_set_object (&self->metadata, metadata))
    {
      g_binding_group_set_source (self->bindings, metadata);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METADATA]);
    }
}

static void
plenary_header_form_dispose (GObject *object)
{
  PlenaryHeaderForm *self = PLENARY_HEADER_FORM (object);

  g_clear_handle_id (&self->bodies_source, g_source_remove);
  if (self->bindings != NULL)
    g_binding_group_set_source (self->bindings, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_HEADER_FORM);
  g_clear_object (&self->bindings);
  g_clear_object (&self->bodies_menu);
  g_clear_object (&self->metadata);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (plenary_header_form_parent_class)->dispose (object);
}

static void
plenary_header_form_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PlenaryHeaderForm *self = PLENARY_HEADER_FORM (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_METADATA:
      g_value_set_object (value, self->metadata);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_header_form_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PlenaryHeaderForm *self = PLENARY_HEADER_FORM (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      plenary_header_form_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_header_form_class_init (PlenaryHeaderFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plenary_header_form_dispose;
  object_class->get_property = plenary_header_form_get_property;
  object_class->set_property = plenary_header_form_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PLENARY_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_METADATA] =
    g_param_spec_object ("metadata", NULL, NULL, PLENARY_TYPE_METADATA,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/plenary/Plenary/plenary-header-form.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, box);
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, question_view);
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, question_placeholder);
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, fields);
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, forum_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, forum_entry);
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, submitted_by_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, submitted_by_entry);
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, body_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, body_box);
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, body_entry);
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, body_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, symbol_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, symbol_entry);
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, co_sponsors_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, co_sponsors_entry);
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, signatories_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, signatories_entry);
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, session_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, session_entry);
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, agenda_item_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, agenda_item_entry);
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, date_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, date_entry);
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, page_limit_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryHeaderForm, page_limit_spin);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "plenaryheaderform");

  gtk_widget_class_install_action (widget_class, "header-form.set-body", "s", set_body_action);
}

/* The question is one paragraph: a line break typed or pasted is a space. */
static void
on_question_insert (GtkTextBuffer *buffer,
                    GtkTextIter   *iter,
                    const char    *text,
                    int            length,
                    gpointer       user_data)
{
  g_autofree char *flat = NULL;

  if (memchr (text, '\n', length < 0 ? strlen (text) : (gsize) length) == NULL)
    return;

  flat = g_strndup (text, length < 0 ? strlen (text) : (gsize) length);
  g_strdelimit (flat, "\r\n", ' ');
  g_signal_stop_emission_by_name (buffer, "insert-text");
  gtk_text_buffer_insert (buffer, iter, flat, -1);
}

static void
on_question_changed (PlenaryHeaderForm *self,
                     GtkTextBuffer     *buffer)
{
  gtk_widget_set_visible (GTK_WIDGET (self->question_placeholder), gtk_text_buffer_get_char_count (buffer) == 0);
}

static void
bind_text (PlenaryHeaderForm *self,
           const char        *property,
           gpointer           entry)
{
  g_binding_group_bind (self->bindings, property, entry, "text",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

static void
bind_names (PlenaryHeaderForm *self,
            const char        *property,
            gpointer           entry)
{
  g_binding_group_bind_full (self->bindings, property, entry, "text",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             names_to_text, text_to_names, NULL, NULL);
}

static void
plenary_header_form_init (PlenaryHeaderForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Tab goes from field to field, not through the cells around them. */
  for (GtkWidget *cell = gtk_widget_get_first_child (self->fields); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    gtk_widget_set_focusable (cell, FALSE);

  self->bodies_menu = g_menu_new ();
  gtk_menu_button_set_menu_model (self->body_button, G_MENU_MODEL (self->bodies_menu));

  g_signal_connect (gtk_text_view_get_buffer (self->question_view), "insert-text",
                    G_CALLBACK (on_question_insert), NULL);
  g_signal_connect_object (gtk_text_view_get_buffer (self->question_view), "changed",
                           G_CALLBACK (on_question_changed), self, G_CONNECT_SWAPPED);

  self->bindings = g_binding_group_new ();
  bind_text (self, "question", gtk_text_view_get_buffer (self->question_view));
  bind_text (self, "forum", self->forum_entry);
  bind_text (self, "submitted-by", self->submitted_by_entry);
  bind_text (self, "body", self->body_entry);
  bind_text (self, "symbol", self->symbol_entry);
  bind_text (self, "session", self->session_entry);
  bind_text (self, "agenda-item", self->agenda_item_entry);
  bind_text (self, "date", self->date_entry);
  bind_names (self, "co-sponsors", self->co_sponsors_entry);
  bind_names (self, "signatories", self->signatories_entry);
  /* guint and double convert through GValue. */
  g_binding_group_bind (self->bindings, "page-limit", self->page_limit_spin, "value",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  update_kind (self, PLENARY_DRAFT_KIND_RESOLUTION);
}

GtkWidget *
plenary_header_form_new (void)
{
  return g_object_new (PLENARY_TYPE_HEADER_FORM, NULL);
}

PlenaryDocument *
plenary_header_form_get_document (PlenaryHeaderForm *self)
{
  g_return_val_if_fail (PLENARY_IS_HEADER_FORM (self), NULL);
  return self->document;
}

void
plenary_header_form_set_document (PlenaryHeaderForm *self,
                                  PlenaryDocument   *document)
{
  g_return_if_fail (PLENARY_IS_HEADER_FORM (self));
  g_return_if_fail (document == NULL || PLENARY_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_handle_id (&self->bodies_source, g_source_remove);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      g_signal_connect_object (document, "notify::draft", G_CALLBACK (on_draft_changed),
                               self, G_CONNECT_SWAPPED);
      on_draft_changed (self);
    }
  else if (self->metadata != NULL)
    {
      g_binding_group_set_source (self->bindings, NULL);
      g_clear_object (&self->metadata);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METADATA]);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

PlenaryMetadata *
plenary_header_form_get_metadata (PlenaryHeaderForm *self)
{
  g_return_val_if_fail (PLENARY_IS_HEADER_FORM (self), NULL);
  return self->metadata;
}
