/* plenary-proposals-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-proposals-panel"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plenary-delegation-colors.h"
#include "plenary-proposals-panel.h"

/* Characters of a proposal's words shown in its row before an ellipsis. */
#define QUOTE_CHARS 60
/* Words of a paragraph shown in its group's header. */
#define HEADER_CHARS 40

struct _PlenaryProposalsPanel
{
  GtkWidget        parent_instance;

  PlenaryDocument *document;
  PlenaryLineIndex *line_index;
  GSignalGroup    *draft_signals;
  gboolean         by_delegation;
  guint            rebuild_source;
  /* The lines of the text when the rows were made: the paragraphs' names
   * ("OP 3") change when lines come or go. */
  guint            n_lines;

  /* The proposal of each row of the list, by row index (NULL: a group's
   * header). */
  GPtrArray       *row_proposals;
  /* The rows still to make (Entry), a batch at a time in idle time: a
   * thousand rows at once would freeze the window for seconds. */
  GArray          *pending;
  guint            pending_next;
  GHashTable      *pending_paragraphs;
  guint            append_source;
  /* Proposals changed while the panel was hidden: the rows are made when
   * it shows. */
  gboolean         stale;

  GtkStack        *stack;
  GtkScrolledWindow *scroller;
  GtkListBox      *list_box;
  GtkSwitch       *by_delegation_switch;
  GtkWidget       *toolbar;
};

G_DEFINE_FINAL_TYPE (PlenaryProposalsPanel, plenary_proposals_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_BY_DELEGATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  GO_TO_LINE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Where each paragraph is and what the user calls it ("OP 3"). */
typedef struct
{
  guint  line;
  char  *name;
  char  *words;
} ParagraphInfo;

static void
paragraph_info_free (gpointer data)
{
  ParagraphInfo *info = data;

  g_free (info->name);
  g_free (info->words);
  g_free (info);
}

/* Summaries ------------------------------------------------------------- */

/* TEXT, shortened to MAX_CHARS characters with an ellipsis. */
static char *
shorten (const char *text,
         guint       max_chars)
{
  g_autofree char *flat = g_strdup (text != NULL ? text : "");

  g_strdelimit (flat, "\t\n", ' ');
  g_strstrip (flat);
  if (g_utf8_strlen (flat, -1) <= max_chars)
    return g_steal_pointer (&flat);

  return g_strconcat (g_utf8_substring (flat, 0, max_chars), "…", NULL);
}

char *
plenary_proposal_dup_summary (PlenaryProposal *proposal)
{
  g_autofree char *exact = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (PLENARY_IS_PROPOSAL (proposal), NULL);

  exact = shorten (plenary_proposal_get_exact (proposal), QUOTE_CHARS);
  text = shorten (plenary_proposal_get_text (proposal), QUOTE_CHARS);

  switch (plenary_proposal_get_kind (proposal))
    {
    case PLENARY_PROPOSAL_ADD_PARAGRAPH:
      /* Translators: a proposal to add a paragraph, %s is its text. */
      return g_strdup_printf (_("New paragraph: “%s”"), text);
    case PLENARY_PROPOSAL_DELETE_PARAGRAPH:
      return g_strdup (_("Delete paragraph"));
    case PLENARY_PROPOSAL_TEXT:
    default:
      if (exact[0] == '\0')
        /* Translators: a proposal to insert words, %s are the words. */
        return g_strdup_printf (_("Insert “%s”"), text);
      if (text[0] == '\0')
        /* Translators: a proposal to delete words, %s are the words. */
        return g_strdup_printf (_("Delete “%s”"), exact);
      /* Translators: a proposal to replace words, the old words then the new ones. */
      return g_strdup_printf (_("Replace “%s” with “%s”"), exact, text);
    }
}

static char *
dup_date (PlenaryProposal *proposal)
{
  GDateTime *created = plenary_proposal_get_created (proposal);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  const char *day;

  if (created == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (created);
  /* The same format as the revisions' dates. */
  when = g_date_time_format (local, _("%e %B %Y, %H:%M"));
  /* %e pads the day with a space or U+2007 (figure space). */
  for (day = when; *day == ' ' || g_utf8_get_char (day) == 0x2007; day = g_utf8_next_char (day))
    ;

  return g_strdup (day);
}

static const char *
friendliness_label (PlenaryProposalFriendliness friendliness)
{
  switch (friendliness)
    {
    case PLENARY_PROPOSAL_FRIENDLINESS_FRIENDLY:
      return _("Friendly Amendment");
    case PLENARY_PROPOSAL_FRIENDLINESS_UNFRIENDLY:
      return _("Unfriendly Amendment");
    case PLENARY_PROPOSAL_FRIENDLINESS_NONE:
    default:
      return NULL;
    }
}

static const char *
vote_label (PlenaryProposalVote vote)
{
  switch (vote)
    {
    case PLENARY_PROPOSAL_VOTE_PASSED:
      /* Translators: the committee's vote on an amendment. */
      return C_("vote", "Passed");
    case PLENARY_PROPOSAL_VOTE_FAILED:
      /* Translators: the committee's vote on an amendment. */
      return C_("vote", "Failed");
    case PLENARY_PROPOSAL_VOTE_NONE:
    default:
      return NULL;
    }
}

/* Paragraphs -------------------------------------------------------------- */

/* Every paragraph with an id, by id: its line and its name as delegates
 * cite it ("PP 2", "OP 3", "OP 3 b)"). */
static GHashTable *
index_paragraphs (PlenaryProposalsPanel *self)
{
  GHashTable *paragraphs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, paragraph_info_free);
  PlenaryLineIndex *index = plenary_document_get_line_index (self->document);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (self->document));
  guint n = plenary_line_index_get_n_lines (index);
  guint preambular = 0, operative = 0;

  for (guint line = 0; line < n; line++)
    {
      const PlenaryLineInfo *info = plenary_line_index_get_info (index, line);
      const char *id = plenary_line_index_get_id (index, line);
      ParagraphInfo *paragraph;
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      if (info->is_blank || id == NULL)
        continue;

      paragraph = g_new0 (ParagraphInfo, 1);
      paragraph->line = line;
      if (info->is_opening)
        paragraph->name = g_strdup (_("Opening formula"));
      else if (info->role == PLENARY_ROLE_PREAMBULAR)
        /* Translators: a preambular paragraph as delegates cite it, %u is its number ("PP 2"). */
        paragraph->name = g_strdup_printf (_("PP %u"), ++preambular);
      else if (info->role == PLENARY_ROLE_OPERATIVE && info->level == 0)
        /* Translators: an operative paragraph as delegates cite it, %u is its number ("OP 3"). */
        paragraph->name = g_strdup_printf (_("OP %u"), ++operative);
      else if (info->role == PLENARY_ROLE_SUBPARAGRAPH || info->role == PLENARY_ROLE_OPERATIVE)
        {
          g_autofree char *marker = plenary_line_index_dup_marker (index, line);

          /* Translators: a sub-paragraph as delegates cite it, %u is its
           * paragraph's number and %s its own marker ("OP 3 b)"). */
          paragraph->name = g_strdup_printf (_("OP %u %s"), operative, marker != NULL ? marker : "");
        }

      gtk_text_buffer_get_iter_at_line_index (buffer, &start, line, info->content_start);
      gtk_text_buffer_get_iter_at_line_index (buffer, &end, line, MAX (info->content_end, info->content_start));
      text = gtk_text_iter_get_visible_text (&start, &end);
      paragraph->words = shorten (text, HEADER_CHARS);
      g_hash_table_insert (paragraphs, (gpointer) id, paragraph);
    }

  return paragraphs;
}

/* The line of PROPOSAL's paragraph (for a new paragraph, of the one it
 * follows): G_MAXUINT when unknown, before every line when it goes first. */
static gint64
proposal_line (PlenaryProposal *proposal,
               GHashTable      *paragraphs)
{
  const char *id = plenary_proposal_get_paragraph (proposal);
  ParagraphInfo *paragraph;

  if (id == NULL || id[0] == '\0')
    return -1;
  paragraph = g_hash_table_lookup (paragraphs, id);

  return paragraph != NULL ? (gint64) paragraph->line : G_MAXUINT;
}

typedef struct
{
  PlenaryProposal *proposal;
  gint64           line;
} Entry;

static void
clear_entry (gpointer data)
{
  g_clear_object (&((Entry *) data)->proposal);
}

static int
compare_by_paragraph (gconstpointer a,
                      gconstpointer b)
{
  const Entry *x = a, *y = b;

  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;

  return g_date_time_compare (plenary_proposal_get_created (x->proposal),
                              plenary_proposal_get_created (y->proposal));
}

static int
compare_by_delegation (gconstpointer a,
                       gconstpointer b)
{
  const Entry *x = a, *y = b;
  int cmp = g_utf8_collate (plenary_proposal_get_delegation (x->proposal),
                            plenary_proposal_get_delegation (y->proposal));

  return cmp != 0 ? cmp : compare_by_paragraph (a, b);
}

/* Rows ----------------------------------------------------------------- */

static void
update_tags (GtkLabel        *tags,
             GParamSpec      *pspec,
             PlenaryProposal *proposal)
{
  const char *friendliness = friendliness_label (plenary_proposal_get_friendliness (proposal));
  const char *vote = vote_label (plenary_proposal_get_vote (proposal));
  g_autoptr(GString) text = g_string_new (NULL);

  if (friendliness != NULL)
    g_string_append (text, friendliness);
  if (vote != NULL)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, vote);
    }
  gtk_label_set_text (tags, text->str);
  gtk_widget_set_visible (GTK_WIDGET (tags), text->len > 0);
}

/* The row's menu: Model UN friendliness and vote of the proposal ID
 * ("proposals.friendliness", "proposals.vote"). */
static GMenuModel *
row_menu (const char *id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) friendliness = g_menu_new ();
  g_autoptr(GMenu) vote = g_menu_new ();
  g_autoptr(GMenuItem) friendly = g_menu_item_new (_("_Friendly Amendment"), NULL);
  g_autoptr(GMenuItem) unfriendly = g_menu_item_new (_("_Unfriendly Amendment"), NULL);
  g_autoptr(GMenuItem) unmarked = g_menu_item_new (_("_Not Marked"), NULL);
  g_autoptr(GMenuItem) passed = g_menu_item_new (_("Vote: _Passed"), NULL);
  g_autoptr(GMenuItem) failed = g_menu_item_new (_("Vote: F_ailed"), NULL);
  g_autoptr(GMenuItem) no_vote = g_menu_item_new (_("N_o Vote"), NULL);

  g_menu_item_set_action_and_target (friendly, "proposals.friendliness", "(ss)", id, "friendly");
  g_menu_item_set_action_and_target (unfriendly, "proposals.friendliness", "(ss)", id, "unfriendly");
  g_menu_item_set_action_and_target (unmarked, "proposals.friendliness", "(ss)", id, "none");
  g_menu_item_set_action_and_target (passed, "proposals.vote", "(ss)", id, "passed");
  g_menu_item_set_action_and_target (failed, "proposals.vote", "(ss)", id, "failed");
  g_menu_item_set_action_and_target (no_vote, "proposals.vote", "(ss)", id, "none");
  g_menu_append_item (friendliness, friendly);
  g_menu_append_item (friendliness, unfriendly);
  g_menu_append_item (friendliness, unmarked);
  g_menu_append_item (vote, passed);
  g_menu_append_item (vote, failed);
  g_menu_append_item (vote, no_vote);
  /* Translators: the section of a proposal's menu for Model UN procedure. */
  g_menu_append_section (menu, _("Model UN"), G_MENU_MODEL (friendliness));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (vote));

  return G_MENU_MODEL (menu);
}

/* Made when it first opens (USER_DATA: the proposal's id): a thousand
 * rows' menus, and actions of their own, would take seconds. */
static void
set_row_menu (GtkMenuButton *button,
              gpointer       user_data)
{
  g_autoptr(GMenuModel) menu = NULL;

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;
  menu = row_menu (user_data);
  gtk_menu_button_set_menu_model (button, menu);
}

static GtkWidget *
small_button (const char *label,
              const char *action_name,
              const char *id,
              const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "plenary-proposal-button");

  return button;
}

static GtkWidget *
create_row (PlenaryProposalsPanel *self,
            PlenaryProposal       *proposal,
            ParagraphInfo         *paragraph)
{
  const char *delegation = plenary_proposal_get_delegation (proposal);
  const char *id = plenary_proposal_get_id (proposal);
  g_autofree char *summary = plenary_proposal_dup_summary (proposal);
  g_autofree char *date = dup_date (proposal);
  g_autofree char *details = NULL;
  g_autofree char *dot = NULL;
  g_autofree char *color_string = NULL;
  g_autofree char *button_name = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dot_label = gtk_label_new (NULL);
  GtkWidget *name = gtk_label_new (delegation);
  GtkWidget *tags = gtk_label_new (NULL);
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *what = gtk_label_new (summary);
  GtkWidget *when;
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GdkRGBA color;

  /* The delegation's colour, as its proposals show in the text. */
  plenary_delegation_color (delegation, adw_style_manager_get_dark (adw_style_manager_get_default ()), &color);
  /* Pango reads "#rrggbb", not CSS's "rgb()". */
  color_string = g_strdup_printf ("#%02x%02x%02x", (guint) (color.red * 255 + 0.5),
                                  (guint) (color.green * 255 + 0.5), (guint) (color.blue * 255 + 0.5));
  dot = g_markup_printf_escaped ("<span foreground=\"%s\">●</span>", color_string);
  gtk_label_set_markup (GTK_LABEL (dot_label), dot);
  gtk_accessible_update_state (GTK_ACCESSIBLE (dot_label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");

  gtk_widget_add_css_class (tags, "caption");
  gtk_widget_add_css_class (tags, "plenary-proposal-tags");
  g_signal_connect_object (proposal, "notify", G_CALLBACK (update_tags), tags, G_CONNECT_SWAPPED);
  update_tags (GTK_LABEL (tags), NULL, proposal);

  /* Translators: the accessible name of a proposal's menu button, %s is its delegation. */
  button_name = g_strdup_printf (_("Model UN Status of the Proposal by %s"), delegation);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (menu_button), set_row_menu, g_strdup (id), g_free);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, _("Friendly or Unfriendly, Vote"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_name, -1);

  gtk_box_append (GTK_BOX (top), dot_label);
  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (top), menu_button);

  gtk_label_set_xalign (GTK_LABEL (what), 0.0);
  gtk_label_set_wrap (GTK_LABEL (what), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (what), PANGO_WRAP_WORD_CHAR);

  /* Grouped by delegation, the row says which paragraph it changes. */
  if (self->by_delegation && paragraph != NULL && paragraph->name != NULL)
    /* Translators: a proposal's paragraph ("OP 3"), then its date. */
    details = g_strdup_printf (_("%s · %s"), paragraph->name, date);
  when = gtk_label_new (details != NULL ? details : date);
  gtk_label_set_xalign (GTK_LABEL (when), 0.0);
  gtk_widget_add_css_class (when, "dim-label");
  gtk_widget_add_css_class (when, "caption");

  gtk_box_append (GTK_BOX (buttons), small_button (_("_Accept"), "proposals.accept", id,
                                                   _("Apply this proposal to the text")));
  gtk_box_append (GTK_BOX (buttons), small_button (_("_Reject"), "proposals.reject", id,
                                                   _("Drop this proposal")));
  /* Every row has them: a screen reader says which proposal they act on. */
  for (GtkWidget *button = gtk_widget_get_first_child (buttons); button; button = gtk_widget_get_next_sibling (button))
    gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, name, what, NULL,
                                    -1);

  gtk_box_append (GTK_BOX (box), top);
  /* On a line of its own: the delegation's name keeps the width. */
  gtk_widget_set_halign (tags, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), tags);
  gtk_box_append (GTK_BOX (box), what);
  gtk_box_append (GTK_BOX (box), when);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_add_css_class (row, "plenary-proposal-row");

  return row;
}

/* A group's header: the paragraph or the delegation, and a menu to accept
 * or reject all its proposals ("proposals.resolve-all"). */
static GtkWidget *
create_header (const char *title,
               const char *subtitle,
               const char *delegation,
               const char *paragraph_id)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) accept = NULL;
  g_autoptr(GMenuItem) reject = NULL;
  g_autofree char *accept_label = NULL;
  g_autofree char *reject_label = NULL;
  g_autofree char *button_name = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *button = gtk_menu_button_new ();

  if (delegation != NULL)
    {
      /* Translators: in the menu of a delegation's proposals, %s is the delegation. */
      accept_label = g_strdup_printf (_("Accept All by %s"), delegation);
      /* Translators: in the menu of a delegation's proposals, %s is the delegation. */
      reject_label = g_strdup_printf (_("Reject All by %s"), delegation);
    }
  else
    {
      accept_label = g_strdup (_("Accept All in This Paragraph"));
      reject_label = g_strdup (_("Reject All in This Paragraph"));
    }
  accept = g_menu_item_new (accept_label, NULL);
  reject = g_menu_item_new (reject_label, NULL);
  g_menu_item_set_action_and_target (accept, "proposals.resolve-all", "(ssb)",
                                     delegation != NULL ? delegation : "",
                                     paragraph_id != NULL ? paragraph_id : "", TRUE);
  g_menu_item_set_action_and_target (reject, "proposals.resolve-all", "(ssb)",
                                     delegation != NULL ? delegation : "",
                                     paragraph_id != NULL ? paragraph_id : "", FALSE);
  g_menu_append_item (menu, accept);
  g_menu_append_item (menu, reject);

  gtk_label_set_xalign (GTK_LABEL (title_label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title_label, "heading");
  gtk_box_append (GTK_BOX (labels), title_label);
  if (subtitle != NULL && subtitle[0] != '\0')
    {
      GtkWidget *subtitle_label = gtk_label_new (subtitle);

      gtk_label_set_xalign (GTK_LABEL (subtitle_label), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (subtitle_label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (subtitle_label, "dim-label");
      gtk_widget_add_css_class (subtitle_label, "caption");
      gtk_box_append (GTK_BOX (labels), subtitle_label);
    }
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);

  /* Translators: the accessible name of a group's menu button, %s is the group ("OP 3", "France"). */
  button_name = g_strdup_printf (_("Accept or Reject All of %s"), title);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Accept or Reject All"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_name, -1);

  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_start (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "plenary-proposals-header");

  return row;
}

/* Headers have no proposal. */
static void
unref_proposal (gpointer proposal)
{
  if (proposal != NULL)
    g_object_unref (proposal);
}

static void
append_row (PlenaryProposalsPanel *self,
            GtkWidget             *row,
            PlenaryProposal       *proposal)
{
  gtk_list_box_append (self->list_box, row);
  g_ptr_array_add (self->row_proposals, proposal != NULL ? g_object_ref (proposal) : NULL);
}

static GListModel *
get_proposals (PlenaryProposalsPanel *self)
{
  if (self->document == NULL)
    return NULL;

  return plenary_draft_get_proposals (plenary_document_get_draft (self->document));
}

/* Whether the rows show PROPOSALS, in this order. */
static gboolean
rows_show (PlenaryProposalsPanel *self,
           GArray                *entries)
{
  guint row = 0;

  for (guint i = 0; i < entries->len; i++, row++)
    {
      while (row < self->row_proposals->len && g_ptr_array_index (self->row_proposals, row) == NULL)
        row++;
      if (row >= self->row_proposals->len ||
          g_ptr_array_index (self->row_proposals, row) != g_array_index (entries, Entry, i).proposal)
        return FALSE;
    }

  return row == self->row_proposals->len;
}

/* Rows made at once; the others follow in idle time. */
#define BATCH 50

static const char *
group_key (PlenaryProposalsPanel *self,
           PlenaryProposal       *proposal)
{
  const char *paragraph_id = plenary_proposal_get_paragraph (proposal);

  if (self->by_delegation)
    return plenary_proposal_get_delegation (proposal);
  return paragraph_id != NULL ? paragraph_id : "";
}

static void
stop_appending (PlenaryProposalsPanel *self)
{
  g_clear_handle_id (&self->append_source, g_source_remove);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->pending_paragraphs, g_hash_table_unref);
  self->pending_next = 0;
}

/* Makes up to BATCH more rows; TRUE when all are made. */
static gboolean
append_rows (PlenaryProposalsPanel *self)
{
  guint end = MIN (self->pending->len, self->pending_next + BATCH);

  for (guint i = self->pending_next; i < end; i++)
    {
      PlenaryProposal *proposal = g_array_index (self->pending, Entry, i).proposal;
      const char *paragraph_id = plenary_proposal_get_paragraph (proposal);
      ParagraphInfo *paragraph = paragraph_id != NULL ? g_hash_table_lookup (self->pending_paragraphs, paragraph_id) : NULL;
      const char *key = group_key (self, proposal);

      if (i == 0 || strcmp (group_key (self, g_array_index (self->pending, Entry, i - 1).proposal), key) != 0)
        {
          GtkWidget *header;

          if (self->by_delegation)
            header = create_header (key, NULL, key, NULL);
          else if (paragraph != NULL)
            header = create_header (paragraph->name != NULL ? paragraph->name : paragraph->words,
                                    paragraph->name != NULL ? paragraph->words : NULL,
                                    NULL, paragraph_id);
          else if (key[0] == '\0')
            header = create_header (_("Before the First Paragraph"), NULL, NULL, key);
          else
            /* Its paragraph is no longer in the text. */
            header = create_header (_("Unknown Paragraph"), NULL, NULL, key);
          append_row (self, header, NULL);
        }
      append_row (self, create_row (self, proposal, paragraph), proposal);
    }
  self->pending_next = end;

  return end == self->pending->len;
}

static gboolean
append_rows_in_idle (gpointer data)
{
  PlenaryProposalsPanel *self = data;

  if (!append_rows (self))
    return G_SOURCE_CONTINUE;

  self->append_source = 0;
  stop_appending (self);
  return G_SOURCE_REMOVE;
}

static void
rebuild (PlenaryProposalsPanel *self)
{
  GListModel *proposals = get_proposals (self);
  guint n = proposals != NULL ? g_list_model_get_n_items (proposals) : 0;
  g_autoptr(GHashTable) paragraphs = NULL;
  g_autoptr(GArray) entries = NULL;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double scrolled = gtk_adjustment_get_value (adjustment);
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  gtk_widget_set_sensitive (self->toolbar, n > 0);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  paragraphs = self->document != NULL ? index_paragraphs (self)
                                      : g_hash_table_new (g_str_hash, g_str_equal);
  self->n_lines = self->document != NULL ? plenary_line_index_get_n_lines (plenary_document_get_line_index (self->document)) : 0;
  entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), n);
  g_array_set_clear_func (entries, clear_entry);
  for (guint i = 0; i < n; i++)
    {
      Entry entry;

      entry.proposal = g_list_model_get_item (proposals, i);
      entry.line = proposal_line (entry.proposal, paragraphs);
      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, self->by_delegation ? compare_by_delegation : compare_by_paragraph);

  /* A friendliness or a vote changed: the rows follow it themselves, and
   * the list keeps its place. */
  if (self->pending == NULL && rows_show (self, entries))
    return;

  stop_appending (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))))
    gtk_list_box_remove (self->list_box, child);
  g_ptr_array_set_size (self->row_proposals, 0);

  self->pending = g_steal_pointer (&entries);
  self->pending_paragraphs = g_steal_pointer (&paragraphs);
  if (append_rows (self))
    stop_appending (self);
  else
    self->append_source = g_idle_add (append_rows_in_idle, self);

  gtk_adjustment_set_value (adjustment, scrolled);
}

static gboolean
rebuild_in_idle (gpointer data)
{
  PlenaryProposalsPanel *self = data;

  self->rebuild_source = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

/* A menu or a button of a row may still be running: the rows go later. */
static void
queue_rebuild (PlenaryProposalsPanel *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_in_idle, self);
}

/* The rows are made again even if they show the same proposals. */
static void
queue_remake (PlenaryProposalsPanel *self)
{
  g_ptr_array_set_size (self->row_proposals, 0);
  queue_rebuild (self);
}

static void
on_lines_changed (PlenaryProposalsPanel *self)
{
  if (self->row_proposals->len > 0 &&
      plenary_line_index_get_n_lines (plenary_document_get_line_index (self->document)) != self->n_lines)
    queue_remake (self);
}

static void
on_draft_changed (PlenaryProposalsPanel *self)
{
  g_signal_group_set_target (self->draft_signals,
                             self->document != NULL ? plenary_document_get_draft (self->document) : NULL);
  queue_rebuild (self);
}

/* A proposal's words in its paragraph's line: where the cursor goes. */
static gsize
proposal_index (PlenaryProposalsPanel *self,
                PlenaryProposal       *proposal,
                guint                  line)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (self->document));
  const PlenaryLineInfo *info = plenary_line_index_get_info (plenary_document_get_line_index (self->document), line);
  const char *exact = plenary_proposal_get_exact (proposal);
  const char *prefix = plenary_proposal_get_prefix (proposal);
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  const char *found;

  if (plenary_proposal_get_kind (proposal) != PLENARY_PROPOSAL_TEXT)
    return info->content_start;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  text = gtk_text_iter_get_slice (&start, &end);

  if (exact != NULL && exact[0] != '\0' && (found = strstr (text + info->content_start, exact)))
    return found - text;
  if (prefix != NULL && prefix[0] != '\0' && (found = strstr (text + info->content_start, prefix)))
    return found - text + strlen (prefix);

  return info->content_start;
}

static void
on_row_activated (PlenaryProposalsPanel *self,
                  GtkListBoxRow         *row)
{
  int position = gtk_list_box_row_get_index (row);
  PlenaryLineIndex *index;
  PlenaryProposal *proposal;
  const char *id;
  guint line = 0;

  if (self->document == NULL || position < 0 || (guint) position >= self->row_proposals->len ||
      (proposal = g_ptr_array_index (self->row_proposals, position)) == NULL)
    return;

  /* The paragraph may have moved since the rows were made. */
  index = plenary_document_get_line_index (self->document);
  id = plenary_proposal_get_paragraph (proposal);
  for (guint i = 0; id != NULL && i < plenary_line_index_get_n_lines (index); i++)
    if (g_strcmp0 (plenary_line_index_get_id (index, i), id) == 0)
      {
        line = i;
        break;
      }
  g_signal_emit (self, signals[GO_TO_LINE], 0, line, (guint64) proposal_index (self, proposal, line));
}

/* Actions ------------------------------------------------------------- */

static PlenaryProposal *
find_proposal (PlenaryProposalsPanel *self,
               const char            *id)
{
  if (self->document == NULL)
    return NULL;

  /* The proposals as the text shows them now: typing may have changed them. */
  plenary_document_get_proposals (self->document);
  return plenary_draft_find_proposal (plenary_document_get_draft (self->document), id);
}

static void
resolve (PlenaryProposalsPanel *self,
         const char            *id,
         gboolean               accept)
{
  PlenaryProposal *proposal = find_proposal (self, id);

  if (proposal != NULL)
    plenary_document_resolve_proposals (self->document, proposal, NULL, NULL, accept);
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  resolve (PLENARY_PROPOSALS_PANEL (widget), g_variant_get_string (param, NULL), TRUE);
}

static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  resolve (PLENARY_PROPOSALS_PANEL (widget), g_variant_get_string (param, NULL), FALSE);
}

/* proposals.friendliness ("(ss)"): the proposal with that id, and
 * "friendly", "unfriendly" or "none" (not marked). */
static void
friendliness_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PlenaryProposalFriendliness value;
  PlenaryProposal *proposal;
  const char *id, *name;

  g_variant_get (param, "(&s&s)", &id, &name);
  if ((proposal = find_proposal (PLENARY_PROPOSALS_PANEL (widget), id)) != NULL &&
      plenary_proposal_friendliness_from_string (name, &value))
    plenary_proposal_set_friendliness (proposal, value);
}

/* proposals.vote ("(ss)"): the proposal with that id, and "passed",
 * "failed" or "none" (no vote). */
static void
vote_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PlenaryProposalVote value;
  PlenaryProposal *proposal;
  const char *id, *name;

  g_variant_get (param, "(&s&s)", &id, &name);
  if ((proposal = find_proposal (PLENARY_PROPOSALS_PANEL (widget), id)) != NULL &&
      plenary_proposal_vote_from_string (name, &value))
    plenary_proposal_set_vote (proposal, value);
}

/* proposals.resolve-all ("(ssb)"): every proposal of the delegation (""
 * any), in the paragraph ("" any), accepted (TRUE) or rejected. */
static void
resolve_all_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PlenaryProposalsPanel *self = PLENARY_PROPOSALS_PANEL (widget);
  const char *delegation, *paragraph_id;
  gboolean accept;

  if (self->document == NULL)
    return;

  g_variant_get (param, "(&s&sb)", &delegation, &paragraph_id, &accept);
  plenary_document_resolve_proposals (self->document, NULL,
                                      delegation[0] != '\0' ? delegation : NULL,
                                      paragraph_id[0] != '\0' ? paragraph_id : NULL,
                                      accept);
}

/* GObject ---------------------------------------------------------------- */

static void
plenary_proposals_panel_map (GtkWidget *widget)
{
  PlenaryProposalsPanel *self = PLENARY_PROPOSALS_PANEL (widget);

  GTK_WIDGET_CLASS (plenary_proposals_panel_parent_class)->map (widget);

  if (self->stale)
    rebuild (self);
}

static void
plenary_proposals_panel_dispose (GObject *object)
{
  PlenaryProposalsPanel *self = PLENARY_PROPOSALS_PANEL (object);
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  stop_appending (self);
  if (self->draft_signals != NULL)
    g_signal_group_set_target (self->draft_signals, NULL);
  g_clear_object (&self->draft_signals);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  if (self->line_index != NULL)
    g_signal_handlers_disconnect_by_data (self->line_index, self);
  g_clear_object (&self->line_index);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_PROPOSALS_PANEL);
  /* The template's root has no id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->row_proposals, g_ptr_array_unref);

  G_OBJECT_CLASS (plenary_proposals_panel_parent_class)->dispose (object);
}

static void
plenary_proposals_panel_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  PlenaryProposalsPanel *self = PLENARY_PROPOSALS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_BY_DELEGATION:
      g_value_set_boolean (value, self->by_delegation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_proposals_panel_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  PlenaryProposalsPanel *self = PLENARY_PROPOSALS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      plenary_proposals_panel_set_document (self, g_value_get_object (value));
      break;
    case PROP_BY_DELEGATION:
      plenary_proposals_panel_set_by_delegation (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_proposals_panel_class_init (PlenaryProposalsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plenary_proposals_panel_dispose;
  object_class->get_property = plenary_proposals_panel_get_property;
  object_class->set_property = plenary_proposals_panel_set_property;
  widget_class->map = plenary_proposals_panel_map;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PLENARY_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BY_DELEGATION] =
    g_param_spec_boolean ("by-delegation", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A row was activated: the editor goes to byte INDEX of LINE. */
  signals[GO_TO_LINE] =
    g_signal_new ("go-to-line", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT64);

  gtk_widget_class_install_action (widget_class, "proposals.accept", "s", accept_action);
  gtk_widget_class_install_action (widget_class, "proposals.reject", "s", reject_action);
  gtk_widget_class_install_action (widget_class, "proposals.resolve-all", "(ssb)", resolve_all_action);
  gtk_widget_class_install_action (widget_class, "proposals.friendliness", "(ss)", friendliness_action);
  gtk_widget_class_install_action (widget_class, "proposals.vote", "(ss)", vote_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/plenary/Plenary/plenary-proposals-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryProposalsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, PlenaryProposalsPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, PlenaryProposalsPanel, list_box);
  gtk_widget_class_bind_template_child (widget_class, PlenaryProposalsPanel, by_delegation_switch);
  gtk_widget_class_bind_template_child (widget_class, PlenaryProposalsPanel, toolbar);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "plenary-proposals-panel");
}

static void
plenary_proposals_panel_init (PlenaryProposalsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->row_proposals = g_ptr_array_new_with_free_func (unref_proposal);
  self->draft_signals = g_signal_group_new (PLENARY_TYPE_DRAFT);
  g_signal_group_connect_object (self->draft_signals, "proposals-changed",
                                 G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  /* The delegations' colours for a dark background, or a light one. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (queue_remake), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self, "by-delegation", self->by_delegation_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  rebuild (self);
}

GtkWidget *
plenary_proposals_panel_new (void)
{
  return g_object_new (PLENARY_TYPE_PROPOSALS_PANEL, NULL);
}

PlenaryDocument *
plenary_proposals_panel_get_document (PlenaryProposalsPanel *self)
{
  g_return_val_if_fail (PLENARY_IS_PROPOSALS_PANEL (self), NULL);
  return self->document;
}

void
plenary_proposals_panel_set_document (PlenaryProposalsPanel *self,
                                      PlenaryDocument       *document)
{
  g_return_if_fail (PLENARY_IS_PROPOSALS_PANEL (self));
  g_return_if_fail (document == NULL || PLENARY_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (self->line_index != NULL)
    g_signal_handlers_disconnect_by_data (self->line_index, self);
  g_clear_object (&self->line_index);
  if (document != NULL)
    {
      self->line_index = g_object_ref (plenary_document_get_line_index (document));
      g_signal_connect_swapped (document, "notify::draft", G_CALLBACK (on_draft_changed), self);
      g_signal_connect_swapped (self->line_index, "lines-changed", G_CALLBACK (on_lines_changed), self);
    }

  on_draft_changed (self);
  /* Another draft's rows must not linger until idle time. */
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

gboolean
plenary_proposals_panel_get_by_delegation (PlenaryProposalsPanel *self)
{
  g_return_val_if_fail (PLENARY_IS_PROPOSALS_PANEL (self), FALSE);
  return self->by_delegation;
}

void
plenary_proposals_panel_set_by_delegation (PlenaryProposalsPanel *self,
                                           gboolean               by_delegation)
{
  g_return_if_fail (PLENARY_IS_PROPOSALS_PANEL (self));

  by_delegation = !!by_delegation;
  if (self->by_delegation == by_delegation)
    return;

  self->by_delegation = by_delegation;
  /* Other groups: the rows are made again. */
  g_ptr_array_set_size (self->row_proposals, 0);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BY_DELEGATION]);
}
