/* plenary-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-application"

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib-unix.h>
#include <glib/gi18n.h>

#include "plenary-application.h"
#include "plenary-clause-parser.h"
#include "plenary-convert.h"
#include "plenary-dialogs.h"
#include "plenary-draft-codec.h"
#include "plenary-preferences-window.h"
#include "plenary-zoom.h"

struct _PlenaryApplication
{
  AdwApplication  parent_instance;

  PlenarySession *session;
  GSettings      *settings;
  GtkCssProvider *font_provider;
  PlenaryZoom    *zoom;
  gboolean        recovery_offered;
  guint           inhibit_cookie;
};

G_DEFINE_FINAL_TYPE (PlenaryApplication, plenary_application, ADW_TYPE_APPLICATION)

void
plenary_i18n_init (void)
{
  const char *localedir = g_getenv ("PLENARY_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static void maybe_offer_recovery (PlenaryApplication *self,
                                  PlenaryWindow      *window);

static PlenaryWindow *
get_target_window (PlenaryApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (PLENARY_IS_WINDOW (window))
    return PLENARY_WINDOW (window);

  return plenary_application_new_window (self);
}

/* Editor font ---------------------------------------------------------- */

static void
update_editor_font (PlenaryApplication *self)
{
  g_autofree char *font = g_settings_get_string (self->settings, "editor-font");
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  g_autoptr(GString) css = g_string_new (".plenary-editor {");
  PangoFontMask mask = pango_font_description_get_set_fields (desc);

  if (mask & PANGO_FONT_MASK_FAMILY)
    {
      g_autofree char *family = g_strescape (pango_font_description_get_family (desc), NULL);
      g_string_append_printf (css, " font-family: \"%s\";", family);
    }
  if (mask & PANGO_FONT_MASK_SIZE)
    {
      char size[G_ASCII_DTOSTR_BUF_SIZE];

      /* CSS wants a decimal point whatever the locale says. */
      g_ascii_formatd (size, sizeof size, "%.1f", pango_font_description_get_size (desc) / (double) PANGO_SCALE);
      g_string_append_printf (css, " font-size: %s%s;", size,
                              pango_font_description_get_size_is_absolute (desc) ? "px" : "pt");
    }
  if (mask & PANGO_FONT_MASK_WEIGHT)
    g_string_append_printf (css, " font-weight: %d;", pango_font_description_get_weight (desc));
  if (mask & PANGO_FONT_MASK_STYLE)
    g_string_append_printf (css, " font-style: %s;",
                            pango_font_description_get_style (desc) == PANGO_STYLE_ITALIC ? "italic" :
                            pango_font_description_get_style (desc) == PANGO_STYLE_OBLIQUE ? "oblique" : "normal");
  g_string_append (css, " }");

#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_css_provider_load_from_string (self->font_provider, css->str);
#else
  gtk_css_provider_load_from_data (self->font_provider, css->str, -1);
#endif
}

/* Actions -------------------------------------------------------------- */

static void
new_window_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  PlenaryApplication *self = user_data;
  PlenaryWindow *window = plenary_application_new_window (self);

  plenary_application_new_draft (self, window, "default");
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  PlenaryApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  plenary_dialog_present (GTK_WIDGET (plenary_preferences_window_new ()), GTK_WIDGET (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  PlenaryApplication *self = user_data;

  plenary_show_about (GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (self))));
}

static void
close_all_windows (PlenaryApplication *self)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (PLENARY_IS_WINDOW (l->data))
        plenary_window_set_close_confirmed (l->data);
      gtk_window_close (l->data);
    }
  g_list_free (windows);
}

static void
quit_confirmed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PlenaryApplication) self = user_data;

  if (plenary_window_confirm_close_finish (PLENARY_WINDOW (object), result))
    close_all_windows (self);
}

/* One question for every unsaved draft of every window. */
static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  PlenaryApplication *self = user_data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GPtrArray) modified = g_ptr_array_new ();
  GListModel *documents = plenary_session_get_documents (self->session);
  guint n = g_list_model_get_n_items (documents);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenaryDocument) document = g_list_model_get_item (documents, i);

      if (plenary_document_get_modified (document))
        g_ptr_array_add (modified, document);
    }

  if (modified->len == 0 || !PLENARY_IS_WINDOW (active))
    {
      close_all_windows (self);
      return;
    }

  plenary_window_confirm_close_async (PLENARY_WINDOW (active), modified,
                                      quit_confirmed_cb, g_object_ref (self));
}

/* Recovery ------------------------------------------------------------- */

typedef struct
{
  PlenaryApplication *app;
  PlenaryWindow      *window;
  GPtrArray          *left;
} OfferRecovery;

static void offer_next (OfferRecovery *offer);

static void
offer_response_cb (PlenaryAlert *dialog,
                   const char       *response,
                   OfferRecovery    *offer)
{
  PlenaryRecovery *recovery = plenary_session_get_recovery (offer->app->session);
  PlenaryRecoveredDraft *recovered = g_ptr_array_index (offer->left, 0);

  if (g_str_equal (response, "restore"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlenaryDocument) document = plenary_recovery_restore (recovery, recovered, &error);

      if (document == NULL)
        {
          g_autofree char *heading = g_strdup_printf (_("Could Not Restore “%s”"),
                                                      plenary_recovered_draft_get_title (recovered));
          GtkWidget *failed = plenary_alert_new (heading, error->message);

          /* The next offer waits until this one is read. */
          plenary_alert_add_response (PLENARY_ALERT (failed), "close", _("_Close"));
          g_ptr_array_remove_index (offer->left, 0);
          g_signal_connect_swapped (failed, "response", G_CALLBACK (offer_next), offer);
          plenary_dialog_present (failed, GTK_WIDGET (offer->window));
          return;
        }
      else
        {
          plenary_session_add (offer->app->session, document);
          plenary_window_add_document (offer->window, document);
        }
    }
  else if (g_str_equal (response, "discard"))
    plenary_recovery_discard (recovery, recovered);

  g_ptr_array_remove_index (offer->left, 0);
  offer_next (offer);
}

static void
offer_next (OfferRecovery *offer)
{
  PlenaryRecoveredDraft *recovered;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GDateTime) local = NULL;
  GtkWidget *dialog;

  if (offer->left->len == 0 || offer->window == NULL)
    {
      g_clear_weak_pointer (&offer->window);
      g_ptr_array_unref (offer->left);
      g_object_unref (offer->app);
      g_free (offer);
      return;
    }

  recovered = g_ptr_array_index (offer->left, 0);
  local = g_date_time_to_local (plenary_recovered_draft_get_time (recovered));
  /* Translators: a date and time, see the GDateTime format codes. */
  when = g_date_time_format (local, _("%-d %B %Y at %H:%M"));
  body = g_strdup_printf (_("“%s” had unsaved changes when Plenary stopped. A copy was kept on %s."),
                          plenary_recovered_draft_get_title (recovered), when);

  dialog = plenary_alert_new (_("Restore Unsaved Changes?"), body);
  plenary_alert_add_responses (PLENARY_ALERT (dialog),
                                    "later", _("_Later"),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  plenary_alert_set_response_appearance (PLENARY_ALERT (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  plenary_alert_set_response_appearance (PLENARY_ALERT (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  plenary_alert_set_default_response (PLENARY_ALERT (dialog), "restore");
  plenary_alert_set_close_response (PLENARY_ALERT (dialog), "later");
  g_signal_connect (dialog, "response", G_CALLBACK (offer_response_cb), offer);
  plenary_dialog_present (dialog, GTK_WIDGET (offer->window));
}

void
plenary_application_offer_recovery (PlenaryApplication *self,
                                    PlenaryWindow      *window)
{
  PlenaryRecovery *recovery;
  OfferRecovery *offer;
  GPtrArray *left;

  g_return_if_fail (PLENARY_IS_APPLICATION (self));
  g_return_if_fail (PLENARY_IS_WINDOW (window));

  recovery = plenary_session_get_recovery (self->session);
  left = plenary_recovery_list_left (recovery);
  if (left->len == 0)
    {
      g_ptr_array_unref (left);
      return;
    }

  offer = g_new0 (OfferRecovery, 1);
  offer->app = g_object_ref (self);
  g_set_weak_pointer (&offer->window, window);
  offer->left = left;
  offer_next (offer);
}

static void
open_sample_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  PlenaryApplication *self = user_data;

  PlenaryWindow *window = get_target_window (self);

  plenary_application_open_sample (self, window);
  maybe_offer_recovery (self, window);
}

#if !ADW_CHECK_VERSION (1, 8, 0)
/* Libadwaita 1.8 shows its shortcuts dialog (shortcuts-dialog.ui) for
 * app.shortcuts itself; before it, GTK's shortcuts window, built when first
 * asked for: under gtk/ in the resources GTK would build it with every
 * window, before the window shows. */
static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  if (window == NULL)
    return;

  /* Shown as the window's own, without the help-overlay calls GTK 4.18
   * deprecates. */
  builder = gtk_builder_new_from_resource ("/org/plenary/Plenary/help-overlay.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  gtk_window_set_transient_for (shortcuts, window);
  gtk_window_set_modal (shortcuts, TRUE);
  gtk_window_present (shortcuts);
}
#endif

static const GActionEntry app_actions[] = {
  { "new-window", new_window_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
  { "open-sample", open_sample_action },
#if !ADW_CHECK_VERSION (1, 8, 0)
  { "shortcuts", shortcuts_action },
#endif
};

/* Logout and signals ---------------------------------------------------- */

/* Logging out with unsaved drafts first asks the session to wait (GNOME
 * then shows our reason), as GNOME Text Editor does. */
static void
update_inhibit (PlenaryApplication *self)
{
  GListModel *documents = plenary_session_get_documents (self->session);
  gboolean unsaved = FALSE;

  for (guint i = 0; !unsaved && i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(PlenaryDocument) document = g_list_model_get_item (documents, i);

      unsaved = plenary_document_get_modified (document);
    }

  if (unsaved && self->inhibit_cookie == 0)
    self->inhibit_cookie = gtk_application_inhibit (GTK_APPLICATION (self),
                                                    gtk_application_get_active_window (GTK_APPLICATION (self)),
                                                    GTK_APPLICATION_INHIBIT_LOGOUT,
                                                    _("There are drafts with unsaved changes"));
  else if (!unsaved && self->inhibit_cookie != 0)
    {
      gtk_application_uninhibit (GTK_APPLICATION (self), self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
}

static void
on_documents_changed (PlenaryApplication *self,
                      guint               position,
                      guint               removed,
                      guint               added,
                      GListModel         *documents)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(PlenaryDocument) document = g_list_model_get_item (documents, i);

      g_signal_connect_object (document, "notify::modified",
                               G_CALLBACK (update_inhibit), self, G_CONNECT_SWAPPED);
    }
  update_inhibit (self);
}

/* SIGTERM and SIGHUP (logout, shutdown, a closed terminal): what was typed
 * since the last recovery copy is copied now, and the copies stay for the
 * next start to offer. Nothing is closed: closing would discard them. */
static gboolean
on_terminate_signal (gpointer data)
{
  PlenaryApplication *self = data;

  plenary_recovery_flush (plenary_session_get_recovery (self->session));
  exit (0);

  return G_SOURCE_REMOVE;
}

/* GApplication --------------------------------------------------------- */

static void
plenary_application_startup (GApplication *application)
{
  PlenaryApplication *self = PLENARY_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_window_accels[] = { "<Control><Shift>n", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
#if !ADW_CHECK_VERSION (1, 8, 0)
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
#endif

  G_APPLICATION_CLASS (plenary_application_parent_class)->startup (application);

  /* Not before: `plenary --convert` and `--version` need neither. */
  self->session = plenary_session_new ();
  self->settings = g_settings_new (APP_ID);

  g_set_application_name (_("Plenary"));
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
#if !ADW_CHECK_VERSION (1, 8, 0)
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts", shortcuts_accels);
#endif

  self->font_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (self->font_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_signal_connect_object (self->settings, "changed::editor-font",
                           G_CALLBACK (update_editor_font), self, G_CONNECT_SWAPPED);
  update_editor_font (self);

  g_signal_connect_object (plenary_session_get_documents (self->session), "items-changed",
                           G_CALLBACK (on_documents_changed), self, G_CONNECT_SWAPPED);
  g_unix_signal_add (SIGTERM, on_terminate_signal, self);
  g_unix_signal_add (SIGHUP, on_terminate_signal, self);

  self->zoom = plenary_zoom_new (GTK_APPLICATION (self), self->settings);
  /* Check Spelling in the View menu and in Preferences. */
  {
    g_autoptr(GAction) spell_check = g_settings_create_action (self->settings, "spell-check");
    g_action_map_add_action (G_ACTION_MAP (self), spell_check);
  }
}

static void
maybe_offer_recovery (PlenaryApplication *self,
                      PlenaryWindow      *window)
{
  if (!self->recovery_offered)
    {
      self->recovery_offered = TRUE;
      plenary_application_offer_recovery (self, window);
    }
}

static void
plenary_application_activate (GApplication *application)
{
  PlenaryApplication *self = PLENARY_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (plenary_application_new_window (self));
  maybe_offer_recovery (self, PLENARY_WINDOW (window));

  /* The first start opens the sample library so there is something to try. */
  if (g_settings_get_boolean (self->settings, "first-run"))
    {
      g_settings_set_boolean (self->settings, "first-run", FALSE);
      plenary_application_open_sample (self, PLENARY_WINDOW (window));
    }
  else
    plenary_application_new_draft (self, PLENARY_WINDOW (window), "default");
}

static void
plenary_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  PlenaryApplication *self = PLENARY_APPLICATION (application);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  /* A new window shows once with its tabs, not empty first. */
  PlenaryWindow *window = PLENARY_IS_WINDOW (active) ? PLENARY_WINDOW (active)
                                                     : plenary_window_new (GTK_APPLICATION (self));

  for (int i = 0; i < n_files; i++)
    plenary_application_open_file (self, window, files[i]);

  gtk_window_present (GTK_WINDOW (window));
  maybe_offer_recovery (self, window);
}

typedef struct
{
  GFile        *input;
  GFile        *output;
  GPtrArray   **report;
  int           as_kind;
  GCancellable *cancellable;
  GMainLoop    *loop;
  GError       *error;
  gboolean      done;
  guint         interrupts;
  PlenaryLayoutOptions options;
  /* --compare: the older file (input is the newer one). */
  GFile        *old;
  /* --merge: the copies (GFile*; input is the base), their delegations
   * (NULL: from the copy) and how many proposals each gave. */
  GPtrArray    *copies;
  const char  **delegations;
  GArray       *n_proposals;
} ConvertJob;

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);

  return G_SOURCE_REMOVE;
}

static gpointer
convert_thread (gpointer data)
{
  ConvertJob *job = data;

  if (job->old != NULL)
    plenary_compare_convert (job->old, job->input, job->output, job->cancellable, &job->error);
  else if (job->copies != NULL)
    plenary_merge_convert (job->input, job->copies, job->delegations, job->output, job->n_proposals,
                           job->cancellable, &job->error);
  else
    plenary_convert (job->input, job->output, &job->options, job->as_kind, job->cancellable, job->report, &job->error);
  g_atomic_int_set (&job->done, TRUE);
  /* Through the loop's context: a quit before it runs would be lost. */
  g_main_context_invoke (g_main_loop_get_context (job->loop), quit_loop, job->loop);

  return NULL;
}

/* Ctrl+C (or a SIGTERM, a closed terminal) cancels: the writers remove
 * their temporary file and leave the output as it was. A second one does
 * not wait for that. */
static gboolean
convert_interrupted (gpointer data)
{
  ConvertJob *job = data;

  if (++job->interrupts > 1)
    _exit (130);
  g_cancellable_cancel (job->cancellable);

  return G_SOURCE_CONTINUE;
}

/* Runs JOB in a thread, Ctrl+C cancelling it; says what went wrong.
 * Returns the exit status. */
static int
run_convert_job (ConvertJob *job)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (context, FALSE);
  const int signals[] = { SIGINT, SIGTERM, SIGHUP };
  guint sources[G_N_ELEMENTS (signals)];
  GThread *thread;

  job->loop = loop;
  g_main_context_push_thread_default (context);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      g_autoptr(GSource) source = g_unix_signal_source_new (signals[i]);
      static GSource *kept[G_N_ELEMENTS (signals)];

      g_source_set_callback (source, convert_interrupted, job, NULL);
      sources[i] = g_source_attach (source, context);
      /* GLib gives a signal back its default action, death, when its
       * last source goes: one more, never attached, stays until the
       * process ends, so a signal that comes once the file is written
       * is ignored instead of killing a conversion that succeeded. */
      if (kept[i] == NULL)
        kept[i] = g_unix_signal_source_new (signals[i]);
    }

  thread = g_thread_new ("convert", convert_thread, job);
  while (!g_atomic_int_get (&job->done))
    g_main_loop_run (loop);
  g_thread_join (thread);

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    g_source_destroy (g_main_context_find_source_by_id (context, sources[i]));
  g_main_context_pop_thread_default (context);
  job->loop = NULL;

  if (job->error != NULL)
    {
      gboolean cancelled = g_error_matches (job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

      if (cancelled)
        g_printerr ("plenary: %s\n", _("Conversion cancelled; nothing was written."));
      else
        g_printerr ("plenary: %s\n", job->error->message);
      g_clear_error (&job->error);
      return cancelled ? 130 : 1;
    }

  return 0;
}

static int
convert_command_line (char **argv,
                      gboolean compare)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GFile) old = NULL;
  gboolean convert = FALSE;
  gboolean verbose = FALSE;
  guint n_files = compare ? 3 : 2;
  gboolean sources_list = FALSE;
  gboolean as_brief = FALSE;
  gboolean as_resolution = FALSE;
  g_autofree char *proposals = NULL;
  PlenaryProposalsForm form = PLENARY_PROPOSALS_CLEAN;
  const GOptionEntry entries[] = {
    { "convert", 0, 0, G_OPTION_ARG_NONE, &convert, N_("Convert IN to OUT (.plenary.json, .pdf, .txt) without opening a window"), NULL },
    { "compare", 0, 0, G_OPTION_ARG_NONE, &convert, N_("Write NEW as a PDF with its changes since OLD marked, without opening a window"), NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, N_("With --convert: print the import report (what was read as what) on standard error"), NULL },
    { "sources-list", 0, 0, G_OPTION_ARG_NONE, &sources_list, N_("With --convert to a PDF: end a brief with the list of its sources"), NULL },
    { "as-brief", 0, 0, G_OPTION_ARG_NONE, &as_brief, N_("With --convert: make the draft a brief (every word is kept)"), NULL },
    { "as-resolution", 0, 0, G_OPTION_ARG_NONE, &as_resolution, N_("With --convert: make the draft a resolution (every word is kept)"), NULL },
    { "proposals", 0, 0, G_OPTION_ARG_STRING, &proposals, N_("With --convert to a PDF: print the clean text, the text with the proposals shown, or the compilation text"), N_("clean|shown|compilation") },
    { NULL }
  };

  context = g_option_context_new (compare ? _("OLD NEW OUT.pdf") : _("IN OUT"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  /* The strv variant frees the arguments it consumes ("--convert"). */
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("plenary: %s\n", error->message);
      return 2;
    }

  if (compare && g_strv_length (args) != 4)
    {
      /* Translators: the second %s is "OLD NEW OUT.pdf" as translated above. */
      g_printerr ("plenary: %s plenary --compare %s\n",
                  _("--compare needs the older file, the newer file and the PDF to write:"), _("OLD NEW OUT.pdf"));
      return 2;
    }
  if (!compare && g_strv_length (args) != 3)
    {
      /* Translators: the second %s is "IN OUT" as translated above. */
      g_printerr ("plenary: %s plenary --convert %s\n",
                  _("--convert needs an input and an output file:"), _("IN OUT"));
      return 2;
    }

  if (as_brief && as_resolution)
    {
      g_printerr ("plenary: %s\n", _("--as-brief and --as-resolution cannot be given together"));
      return 2;
    }

  if (proposals != NULL && !plenary_proposals_form_from_string (proposals, &form))
    {
      g_printerr ("plenary: %s\n", _("--proposals takes clean, shown or compilation"));
      return 2;
    }
  if (form != PLENARY_PROPOSALS_CLEAN && (compare || !g_str_has_suffix (args[n_files], ".pdf")))
    {
      g_printerr ("plenary: %s\n", _("--proposals=shown and --proposals=compilation write a PDF: give an output file ending in .pdf"));
      return 2;
    }

  if (compare)
    old = g_file_new_for_commandline_arg (args[1]);
  input = g_file_new_for_commandline_arg (args[n_files - 1]);
  output = g_file_new_for_commandline_arg (args[n_files]);

  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    ConvertJob job = { input, output, verbose ? &report : NULL,
                       as_brief ? PLENARY_DRAFT_KIND_BRIEF : as_resolution ? PLENARY_DRAFT_KIND_RESOLUTION : -1,
                       cancellable, NULL, NULL, FALSE, 0, { 0 }, old, NULL, NULL, NULL };
    int status;

    plenary_layout_options_init (&job.options);
    job.options.sources_list = sources_list;
    job.options.proposals = form;
    if ((status = run_convert_job (&job)) != 0)
      return status;
  }

  for (guint i = 0; report != NULL && i < report->len; i++)
    {
      const PlenaryParseWarning *entry = g_ptr_array_index (report, i);

      if (entry->line > 0)
        /* Translators: an import report line: the line of the file, then what was done. */
        g_printerr (_("line %u: %s\n"), entry->line + 1, entry->message);
      else
        g_printerr ("%s\n", entry->message);
    }

  return 0;
}

/* `plenary --merge BASE [--as NAME] COPY… -o OUT`: --as names the
 * delegation of the copy after it, so the arguments are read in order. */
static int
merge_command_line (char **argv)
{
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) delegations = g_ptr_array_new ();
  g_autoptr(GArray) n_proposals = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GFile) base = NULL;
  g_autoptr(GFile) output = NULL;
  const char *pending_as = NULL;
  int status;

  for (char **arg = argv + 1; *arg != NULL; arg++)
    {
      const char *value = NULL;

      if (g_str_equal (*arg, "--merge"))
        continue;
      if (g_str_equal (*arg, "--as") || g_str_equal (*arg, "-o") || g_str_equal (*arg, "--output"))
        {
          if (arg[1] == NULL)
            {
              g_printerr ("plenary: %s\n", _("An option is missing its value."));
              return 2;
            }
          value = *++arg;
          if (g_str_equal (arg[-1], "--as"))
            pending_as = value;
          else
            g_set_object (&output, g_file_new_for_commandline_arg (value));
          continue;
        }
      if (g_str_has_prefix (*arg, "--as="))
        {
          pending_as = *arg + strlen ("--as=");
          continue;
        }
      if (g_str_has_prefix (*arg, "--output="))
        {
          g_set_object (&output, g_file_new_for_commandline_arg (*arg + strlen ("--output=")));
          continue;
        }
      if (g_str_has_prefix (*arg, "-") && !g_str_equal (*arg, "-"))
        {
          g_printerr ("plenary: %s %s\n", _("Unknown option:"), *arg);
          return 2;
        }
      if (base == NULL)
        base = g_file_new_for_commandline_arg (*arg);
      else
        {
          g_ptr_array_add (copies, g_file_new_for_commandline_arg (*arg));
          g_ptr_array_add (delegations, (gpointer) pending_as);
          pending_as = NULL;
        }
    }

  if (base == NULL || copies->len == 0 || output == NULL)
    {
      /* Translators: the second %s is the usage, keep the options as they are. */
      g_printerr ("plenary: %s plenary --merge %s\n",
                  _("--merge needs the base text, one or more copies and the file to write:"),
                  _("BASE [--as NAME] COPY… -o OUT.plenary.json"));
      return 2;
    }

  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    ConvertJob job = { base, output, NULL, -1, cancellable, NULL, NULL, FALSE, 0, { 0 }, NULL,
                       copies, (const char **) delegations->pdata, n_proposals };

    plenary_layout_options_init (&job.options);
    if ((status = run_convert_job (&job)) != 0)
      return status;
  }

  for (guint i = 0; i < copies->len; i++)
    {
      g_autofree char *name = g_file_get_basename (g_ptr_array_index (copies, i));
      guint n = g_array_index (n_proposals, guint, i);

      /* Translators: what --merge took from each copy. */
      g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u proposal\n", "%s: %u proposals\n", n), name, n);
    }

  return 0;
}

/* --convert runs before the application registers or opens a display, so
 * that it works headless and never talks to a running instance. */
static gboolean
plenary_application_local_command_line (GApplication   *application,
                                        char         ***arguments,
                                        int            *exit_status)
{
  for (char **arg = *arguments; *arg != NULL; arg++)
    {
      if (g_str_equal (*arg, "--"))
        break;
      if (g_str_equal (*arg, "--convert") || g_str_equal (*arg, "--compare"))
        {
          *exit_status = convert_command_line (*arguments, g_str_equal (*arg, "--compare"));
          return TRUE;
        }
      if (g_str_equal (*arg, "--merge"))
        {
          *exit_status = merge_command_line (*arguments);
          return TRUE;
        }
    }

  return G_APPLICATION_CLASS (plenary_application_parent_class)->local_command_line (application, arguments, exit_status);
}

static int
plenary_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("plenary %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "sample"))
    {
      g_autoptr(GError) error = NULL;

      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("plenary: %s\n", error->message);
          return 1;
        }
      g_action_group_activate_action (G_ACTION_GROUP (application), "open-sample", NULL);
    }

  return -1;
}

static void
plenary_application_dispose (GObject *object)
{
  PlenaryApplication *self = PLENARY_APPLICATION (object);

  g_clear_object (&self->session);
  g_clear_object (&self->zoom);
  g_clear_object (&self->settings);
  g_clear_object (&self->font_provider);

  G_OBJECT_CLASS (plenary_application_parent_class)->dispose (object);
}

static void
plenary_application_class_init (PlenaryApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = plenary_application_dispose;
  app_class->startup = plenary_application_startup;
  app_class->activate = plenary_application_activate;
  app_class->open = plenary_application_open;
  app_class->local_command_line = plenary_application_local_command_line;
  app_class->handle_local_options = plenary_application_handle_local_options;
}

static void
plenary_application_init (PlenaryApplication *self)
{
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { "sample", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the sample draft and its sources"), NULL },
    { "convert", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Convert IN to OUT (.plenary.json, .pdf, .txt) without opening a window"), NULL },
    { "compare", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Write NEW as a PDF with its changes since OLD marked, without opening a window"), NULL },
    { "sources-list", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --convert to a PDF: end a brief with the list of its sources"), NULL },
    { "as-brief", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --convert: make the draft a brief (every word is kept)"), NULL },
    { "merge", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Make the copies' changes to BASE proposals of their delegations and write OUT, without opening a window"), NULL },
    { "proposals", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --convert to a PDF: print the clean text, the text with the proposals shown, or the compilation text"), N_("clean|shown|compilation") },
    { "as-resolution", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --convert: make the draft a resolution (every word is kept)"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
}

PlenaryApplication *
plenary_application_new (void)
{
  return g_object_new (PLENARY_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/plenary/Plenary",
                       NULL);
}

PlenarySession *
plenary_application_get_session (PlenaryApplication *self)
{
  g_return_val_if_fail (PLENARY_IS_APPLICATION (self), NULL);
  return self->session;
}

PlenaryWindow *
plenary_application_new_window (PlenaryApplication *self)
{
  PlenaryWindow *window;

  g_return_val_if_fail (PLENARY_IS_APPLICATION (self), NULL);

  window = plenary_window_new (GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

/* The window that shows DOCUMENT now: its tab may have moved. */
static PlenaryWindow *
find_window (PlenaryDocument *document)
{
  GApplication *app = g_application_get_default ();

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (PLENARY_IS_WINDOW (l->data) && plenary_window_find_page (l->data, document))
      return l->data;

  return NULL;
}

static void
document_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  PlenaryDocument *document = PLENARY_DOCUMENT (object);
  g_auto(GStrv) warnings = NULL;
  g_autoptr(GError) error = NULL;
  PlenaryWindow *window;
  GFile *file;

  /* A file that could not be read is explained in its page's banner; an
   * imported text has no file of its own. Stopped with Cancel, the page
   * closed itself (page.cancel-loading). */
  if (!plenary_document_load_finish (document, result, &error))
    return;

  if ((file = plenary_document_get_file (document)) != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      GtkRecentData data = {
        .mime_type = (char *) PLENARY_DRAFT_MIME_TYPE,
        .app_name = (char *) g_get_application_name (),
        .app_exec = (char *) "plenary %u",
      };

      gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
    }

  /* What the import changed, such as tracked changes accepted, is said. */
  warnings = plenary_document_take_import_warnings (document);
  if (warnings != NULL && (window = find_window (document)) != NULL)
    for (guint i = 0; warnings[i] != NULL; i++)
      plenary_window_show_toast (window, warnings[i]);
}

void
plenary_application_open_file (PlenaryApplication *self,
                               PlenaryWindow      *window,
                               GFile              *file)
{
  PlenaryDocument *existing;
  g_autoptr(PlenaryDocument) document = NULL;

  g_return_if_fail (PLENARY_IS_APPLICATION (self));
  g_return_if_fail (PLENARY_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  if ((existing = plenary_session_find_by_file (self->session, file)))
    {
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
        {
          if (PLENARY_IS_WINDOW (l->data) && plenary_window_find_page (l->data, existing))
            {
              plenary_window_focus_document (l->data, existing);
              return;
            }
        }
    }

  document = plenary_document_new_for_file (file);
  plenary_session_add (self->session, document);
  plenary_window_add_document (window, document);

  plenary_document_load_async (document, NULL, document_loaded_cb, NULL);
}

void
plenary_application_new_draft (PlenaryApplication *self,
                               PlenaryWindow      *window,
                               const char         *template)
{
  g_autofree char *language = NULL;
  g_autofree char *template_id = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenaryDocument) document = NULL;

  g_return_if_fail (PLENARY_IS_APPLICATION (self));
  g_return_if_fail (PLENARY_IS_WINDOW (window));

  language = g_settings_get_string (self->settings, "drafting-language");
  /* The menu names kinds of drafts; the drafting language picks the template. */
  if (g_str_equal (template, "default"))
    template_id = g_strdup_printf ("resolution-%s", language);
  else if (g_str_equal (template, "brief") || g_str_equal (template, "position-paper"))
    template_id = g_strdup_printf ("position-paper-%s", language);
  else if (g_str_equal (template, "briefing-note"))
    template_id = g_strdup_printf ("briefing-note-%s", language);
  else
    template_id = g_strdup (template);

  if (!(document = plenary_session_create_from_template (self->session, template_id, &error)))
    {
      plenary_window_show_error (window, _("Could Not Create the Draft"), error);
      return;
    }

  plenary_window_add_document (window, document);
}

void
plenary_application_open_sample (PlenaryApplication *self,
                                 PlenaryWindow      *window)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenaryDocument) document = NULL;

  g_return_if_fail (PLENARY_IS_APPLICATION (self));
  g_return_if_fail (PLENARY_IS_WINDOW (window));

  if (!(document = plenary_session_create_sample (self->session, &error)))
    {
      plenary_window_show_error (window, _("Could Not Open the Sample Draft"), error);
      return;
    }

  plenary_window_add_document (window, document);
}
