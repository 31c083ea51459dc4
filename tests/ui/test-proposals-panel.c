/* test-proposals-panel.c: the Proposals panel, paragraph statuses and the
 * user's delegation, on the real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "plenary-paragraph-status.h"
#include "plenary-test-utils.h"
#include "plenary-outline-panel.h"
#include "plenary-page.h"
#include "plenary-proposals-panel.h"
#include "plenary-window-private.h"
#include "plenary-window-proposals.h"

static PlenaryApplication *app;

typedef struct
{
  PlenaryWindow         *window;
  PlenaryDocument       *document;
  PlenaryDraft          *draft;
  PlenaryProposalsPanel *panel;
  GtkListBox            *list_box;
  /* Ids of the paragraphs: PP 1, PP 2, OP 1, OP 2, OP 3. */
  char                  *ids[5];
  /* Proposals of twelve more delegations, spread over the paragraphs. */
  guint                  n_more;
  guint                  n_expected;
} Fixture;

static const char *paragraphs[][3] = {
  { "p", "Recalling", "its resolution 70/1 on sustainable development," },
  { "p", "Noting with concern", "the scarcity of water in many regions," },
  { "o", "Calls upon", "all Member States to cooperate on shared waters;" },
  { "o", "Requests", "the Secretary-General to report at its next session;" },
  { "o", "Decides", "to remain seized of the matter." },
};

static PlenaryProposal *
text_proposal (Fixture    *f,
               const char *delegation,
               guint       paragraph,
               const char *exact,
               const char *text,
               int         minutes)
{
  g_autoptr(PlenaryParagraph) copy = NULL;
  g_autofree char *full_text = g_strconcat (paragraphs[paragraph][1], " ", paragraphs[paragraph][2], NULL);
  g_autofree char *id = plenary_draft_new_proposal_id (f->draft);
  g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 12, 7, 9, minutes, 0);
  const char *found = strstr (full_text, exact);
  gint64 start, end;

  g_assert_nonnull (found);
  start = g_utf8_pointer_to_offset (full_text, found);
  end = start + g_utf8_strlen (exact, -1);

  return plenary_proposal_new_text (id, delegation, created, f->ids[paragraph], full_text, start, end, text);
}

/* A draft of five paragraphs; with PROPOSALS, three proposals of two
 * delegations: France replaces words of OP 1 and inserts words in PP 2,
 * Brazil deletes OP 2. */
static void
fixture_open (Fixture  *f,
              gboolean  proposals)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "en");
  PlenaryBody *body = plenary_body_new ();

  plenary_body_set_opening (body, "The General Assembly,");
  for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++)
    {
      g_autoptr(PlenaryParagraph) paragraph =
        plenary_paragraph_new (paragraphs[i][0][0] == 'p' ? PLENARY_ROLE_PREAMBULAR : PLENARY_ROLE_OPERATIVE,
                               paragraphs[i][1], paragraphs[i][2]);

      plenary_body_append (body, paragraph);
    }
  plenary_draft_set_body (draft, body);
  plenary_body_unref (body);
  plenary_draft_ensure_paragraph_ids (draft);
  for (guint i = 0; i < G_N_ELEMENTS (f->ids); i++)
    f->ids[i] = g_strdup (((PlenaryParagraph *) g_ptr_array_index (plenary_draft_get_body (draft)->paragraphs, i))->id);

  f->draft = draft;
  if (proposals)
    {
      g_autoptr(PlenaryProposal) replace = text_proposal (f, "France", 2, "cooperate", "work together", 10);
      g_autoptr(PlenaryProposal) insert = text_proposal (f, "France", 1, "", "", 11);
      g_autofree char *id = plenary_draft_new_proposal_id (draft);
      g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 12, 7, 9, 12, 0);
      g_autoptr(PlenaryProposal) delete = plenary_proposal_new_delete (id, "Brazil", created, f->ids[3]);
      g_autoptr(PlenaryProposal) insert_words = NULL;
      g_autofree char *full_text = g_strconcat (paragraphs[1][1], " ", paragraphs[1][2], NULL);
      g_autofree char *insert_id = plenary_draft_new_proposal_id (draft);
      gint64 at = g_utf8_strlen (full_text, -1) - 1;

      /* Before the comma of PP 2. */
      insert_words = plenary_proposal_new_text (insert_id, "France",
                                                plenary_proposal_get_created (insert),
                                                f->ids[1], full_text, at, at, " and the Sahel");
      for (guint i = 0; i < f->n_more; i++)
        {
          g_autofree char *delegation = g_strdup_printf ("Delegation %02u", i % 12);
          g_autofree char *words = g_strdup_printf ("amendment %u", i);
          g_autoptr(PlenaryProposal) more = text_proposal (f, delegation, i % 5, "", words, 20);

          plenary_draft_add_proposal (draft, more);
        }
      plenary_draft_add_proposal (draft, replace);
      plenary_draft_add_proposal (draft, insert_words);
      plenary_draft_add_proposal (draft, delete);
    }

  f->window = plenary_application_new_window (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1440, 900);
  f->document = plenary_document_new (draft, "Water");
  plenary_window_add_document (f->window, f->document);
  gtk_window_present (GTK_WINDOW (f->window));
  plenary_test_spin (300);
  f->draft = plenary_document_get_draft (f->document);

  f->panel = PLENARY_PROPOSALS_PANEL (adw_bin_get_child (f->window->proposals_bin));
  f->list_box = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (f->panel), PLENARY_TYPE_PROPOSALS_PANEL, "list_box"));
  gtk_stack_set_visible_child_name (f->window->side_stack, "proposals");
  plenary_test_spin (100);
}

static void
fixture_close (Fixture *f)
{
  f->window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->document);
  for (guint i = 0; i < G_N_ELEMENTS (f->ids); i++)
    g_clear_pointer (&f->ids[i], g_free);
  plenary_test_spin (50);
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* WIDGET as drawn at the next frame, in PLENARY_SCREENSHOT_DIR when set. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("PLENARY_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;
  int width, height;

  if (dir == NULL)
    return;

  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  plenary_test_spin_until (is_true, &painted);
  g_signal_handler_disconnect (clock, handler);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* WIDGET as it is drawn now. */
static GdkTexture *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* Whether the margin of LINE in VIEW, drawn in TEXTURE, is COLOR. */
static gboolean
pixel_is (GdkTexture    *texture,
          GtkTextView   *view,
          guint          line,
          const GdkRGBA *color)
{
  int width = gdk_texture_get_width (texture);
  g_autofree guchar *pixels = g_malloc (4 * width * gdk_texture_get_height (texture));
  GtkTextIter iter;
  int y, height, wx, wy;
  guint32 pixel;

  gdk_texture_download (texture, pixels, 4 * width);
  gtk_text_buffer_get_iter_at_line (gtk_text_view_get_buffer (view), &iter, line);
  gtk_text_view_get_line_yrange (view, &iter, &y, &height);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, 0, y + height / 3, &wx, &wy);
  /* Cairo's ARGB32, premultiplied: the colours are opaque. */
  pixel = ((guint32 *) pixels)[wy * width + 3];
  return ABS ((int) ((pixel >> 16) & 0xff) - (int) (color->red * 255)) <= 2 &&
         ABS ((int) ((pixel >> 8) & 0xff) - (int) (color->green * 255)) <= 2 &&
         ABS ((int) (pixel & 0xff) - (int) (color->blue * 255)) <= 2;
}

/* The window WIDTH pixels wide, as the user leaves it. */
static void
resize (Fixture *f,
        int      width)
{
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, 900);
  plenary_test_spin (300);
}

/* The texts of the labels under WIDGET, in order, joined by "|". */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  /* Not the menus' items. */
  if (GTK_IS_POPOVER (widget) || !gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      if (out->len > 0)
        g_string_append_c (out, '|');
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static char *
row_labels (Fixture *f,
            int      index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (f->list_box, index);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (row);
  collect_labels (GTK_WIDGET (row), out);
  return g_string_free (out, FALSE);
}

static guint
n_rows (Fixture *f)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (f->list_box, n) != NULL)
    n++;
  return n;
}

/* The first button under WIDGET whose action is ACTION_NAME. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action_name)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first menu button under WIDGET that has a menu. */
static GtkWidget *
find_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Grouped by paragraph in text order ("PP 2", "OP 1", "OP 2"), each row
 * with its delegation, what it proposes and when; grouped by delegation,
 * Brazil then France, each row naming its paragraph. */
static void
test_lists_grouped (void)
{
  Fixture f = { 0 };
  g_autofree char *header = NULL;
  g_autofree char *row = NULL;

  fixture_open (&f, TRUE);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (f.panel), PLENARY_TYPE_PROPOSALS_PANEL, "stack"))), ==, "list");
  g_assert_cmpuint (n_rows (&f), ==, 6);
  header = row_labels (&f, 0);
  g_assert_cmpstr (header, ==, "PP 2|Noting with concern the scarcity of wate…");
  g_clear_pointer (&row, g_free);
  row = row_labels (&f, 1);
  g_assert_cmpstr (row, ==, "●|France|Insert “and the Sahel”|7 December 2026, 09:11|Accept|Reject");
  g_clear_pointer (&header, g_free);
  header = row_labels (&f, 2);
  g_assert_true (g_str_has_prefix (header, "OP 1|Calls upon all Member States"));
  g_clear_pointer (&row, g_free);
  row = row_labels (&f, 3);
  g_assert_cmpstr (row, ==, "●|France|Replace “cooperate” with “work together”|7 December 2026, 09:10|Accept|Reject");
  g_clear_pointer (&header, g_free);
  header = row_labels (&f, 4);
  g_assert_true (g_str_has_prefix (header, "OP 2|Requests the Secretary-General"));
  g_clear_pointer (&row, g_free);
  row = row_labels (&f, 5);
  g_assert_cmpstr (row, ==, "●|Brazil|Delete paragraph|7 December 2026, 09:12|Accept|Reject");
  save_screenshot (GTK_WIDGET (f.window), "proposals-by-paragraph-1440.png");
  resize (&f, 800);
  save_screenshot (GTK_WIDGET (f.window), "proposals-by-paragraph-800.png");
  resize (&f, 1440);

  /* The switch in the panel regroups. */
  gtk_switch_set_active (GTK_SWITCH (gtk_widget_get_template_child (GTK_WIDGET (f.panel), PLENARY_TYPE_PROPOSALS_PANEL, "by_delegation_switch")), TRUE);
  g_assert_true (plenary_proposals_panel_get_by_delegation (f.panel));
  g_assert_cmpuint (n_rows (&f), ==, 5);
  g_clear_pointer (&header, g_free);
  header = row_labels (&f, 0);
  g_assert_cmpstr (header, ==, "Brazil");
  g_clear_pointer (&row, g_free);
  row = row_labels (&f, 1);
  g_assert_cmpstr (row, ==, "●|Brazil|Delete paragraph|OP 2 · 7 December 2026, 09:12|Accept|Reject");
  g_clear_pointer (&header, g_free);
  header = row_labels (&f, 2);
  g_assert_cmpstr (header, ==, "France");
  /* The group's menu accepts or rejects the delegation's proposals. */
  {
    GtkWidget *button = find_menu_button (GTK_WIDGET (gtk_list_box_get_row_at_index (f.list_box, 2)));
    GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
    g_autofree char *accept = NULL;
    g_autofree char *reject = NULL;
    g_autoptr(GVariant) target = NULL;
    g_autoptr(GVariant) expected = g_variant_ref_sink (g_variant_new ("(ssb)", "France", "", TRUE));

    g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &accept));
    g_assert_true (g_menu_model_get_item_attribute (menu, 1, G_MENU_ATTRIBUTE_LABEL, "s", &reject));
    g_assert_cmpstr (accept, ==, "Accept All by France");
    g_assert_cmpstr (reject, ==, "Reject All by France");
    target = g_menu_model_get_item_attribute_value (menu, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE ("(ssb)"));
    g_assert_nonnull (target);
    g_assert_true (g_variant_equal (target, expected));
  }
  g_clear_pointer (&row, g_free);
  row = row_labels (&f, 3);
  g_assert_cmpstr (row, ==, "●|France|Insert “and the Sahel”|PP 2 · 7 December 2026, 09:11|Accept|Reject");
  g_clear_pointer (&row, g_free);
  row = row_labels (&f, 4);
  g_assert_cmpstr (row, ==, "●|France|Replace “cooperate” with “work together”|OP 1 · 7 December 2026, 09:10|Accept|Reject");
  save_screenshot (GTK_WIDGET (f.window), "proposals-by-delegation.png");

  /* Activating a row puts the cursor on the proposal's words. */
  {
    GtkTextBuffer *buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (f.document));
    GtkTextIter cursor, word;

    g_signal_emit_by_name (f.list_box, "row-activated", gtk_list_box_get_row_at_index (f.list_box, 4));
    plenary_test_spin (50);
    gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
    word = cursor;
    gtk_text_iter_forward_chars (&word, strlen ("cooperate"));
    g_autofree char *at = gtk_text_iter_get_text (&cursor, &word);
    g_assert_cmpstr (at, ==, "cooperate");
  }

  /* A paragraph typed above: the groups' names follow the numbering. */
  plenary_proposals_panel_set_by_delegation (f.panel, FALSE);
  {
    GtkTextBuffer *buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (f.document));
    GtkTextIter iter;

    gtk_text_buffer_get_iter_at_line (buffer, &iter, 1);
    gtk_text_buffer_insert_interactive (buffer, &iter, "Recalling also its resolution 64/292,\n", -1, TRUE);
    plenary_test_spin (300);
  }
  g_clear_pointer (&header, g_free);
  header = row_labels (&f, 0);
  g_assert_true (g_str_has_prefix (header, "PP 3|Noting with concern"));

  fixture_close (&f);
}

/* Activates ITEM of SECTION of MENU on WIDGET, as a click on it does. */
static void
activate_menu_item (GtkWidget  *widget,
                    GMenuModel *menu,
                    int         section,
                    int         item)
{
  g_autoptr(GMenuModel) items = g_menu_model_get_item_link (menu, section, G_MENU_LINK_SECTION);
  g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (items, item, G_MENU_ATTRIBUTE_TARGET, NULL);
  g_autofree char *action = NULL;

  g_assert_true (g_menu_model_get_item_attribute (items, item, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_true (gtk_widget_activate_action_variant (widget, action, target));
}

static gboolean
all_rows_made (gpointer data)
{
  Fixture *f = data;

  return n_rows (f) == f->n_expected;
}

/* Hundreds of proposals: the rows come a batch at a time, all of them in
 * the end, in their groups. */
static void
test_many_proposals (void)
{
  Fixture f = { .n_more = 240 };
  guint n_headers = 0, n_proposals = 0;

  fixture_open (&f, TRUE);
  /* 243 proposals in 5 paragraphs. */
  f.n_expected = 248;
  plenary_test_spin_until (all_rows_made, &f);
  for (guint i = 0; i < n_rows (&f); i++)
    {
      if (gtk_list_box_row_get_activatable (gtk_list_box_get_row_at_index (f.list_box, i)))
        n_proposals++;
      else
        n_headers++;
    }
  g_assert_cmpuint (n_proposals, ==, 243);
  g_assert_cmpuint (n_headers, ==, 5);

  /* From 14 delegations. */
  plenary_proposals_panel_set_by_delegation (f.panel, TRUE);
  f.n_expected = 243 + 14;
  plenary_test_spin_until (all_rows_made, &f);
  plenary_test_spin (100);
  g_assert_cmpuint (n_rows (&f), ==, 243 + 14);

  fixture_close (&f);
}

/* Friendly / Unfriendly and the vote, from the row's menu, are the
 * proposal's, and show on its row. */
static void
test_model_un (void)
{
  Fixture f = { 0 };
  GtkListBoxRow *row;
  GtkMenuButton *button;
  GMenuModel *menu;
  PlenaryProposal *proposal;
  g_autofree char *labels = NULL;

  fixture_open (&f, TRUE);

  row = gtk_list_box_get_row_at_index (f.list_box, 3);
  proposal = g_list_model_get_item (plenary_draft_get_proposals (f.draft), 0);
  g_object_unref (proposal);
  g_assert_cmpstr (plenary_proposal_get_text (proposal), ==, "work together");

  /* The row's menu, made when it opens: Friendly / Unfriendly, then the vote. */
  button = GTK_MENU_BUTTON (plenary_test_find_child (GTK_WIDGET (row), GTK_TYPE_MENU_BUTTON));
  gtk_menu_button_popup (button);
  plenary_test_spin (50);
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);
  {
    g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    g_autofree char *label = NULL;

    g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
    g_assert_cmpstr (label, ==, "_Friendly Amendment");
  }
  gtk_menu_button_popdown (button);

  /* As a click on "Unfriendly Amendment", then on "Vote: Passed". */
  activate_menu_item (GTK_WIDGET (row), menu, 0, 1);
  activate_menu_item (GTK_WIDGET (row), menu, 1, 0);
  plenary_test_spin (50);
  g_assert_cmpint (plenary_proposal_get_friendliness (proposal), ==, PLENARY_PROPOSAL_FRIENDLINESS_UNFRIENDLY);
  g_assert_cmpint (plenary_proposal_get_vote (proposal), ==, PLENARY_PROPOSAL_VOTE_PASSED);

  /* The same row, which keeps its place, says so. */
  g_assert_true (gtk_list_box_get_row_at_index (f.list_box, 3) == row);
  labels = row_labels (&f, 3);
  g_assert_cmpstr (labels, ==, "●|France|Unfriendly Amendment · Passed|Replace “cooperate” with “work together”|7 December 2026, 09:10|Accept|Reject");
  save_screenshot (GTK_WIDGET (f.window), "proposals-model-un.png");

  /* "Friendly Amendment", "Vote: Failed". */
  activate_menu_item (GTK_WIDGET (row), menu, 0, 0);
  activate_menu_item (GTK_WIDGET (row), menu, 1, 1);
  plenary_test_spin (50);
  g_clear_pointer (&labels, g_free);
  labels = row_labels (&f, 3);
  g_assert_cmpstr (labels, ==, "●|France|Friendly Amendment · Failed|Replace “cooperate” with “work together”|7 December 2026, 09:10|Accept|Reject");

  fixture_close (&f);
}

static char *
line_text (GtkTextBuffer *buffer,
           guint          line)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  return gtk_text_iter_get_visible_text (&start, &end);
}

/* Accept on a row applies the proposal to the text and the row goes;
 * Reject All by a delegation drops its proposals and leaves the text. */
static void
test_accept_and_reject (void)
{
  Fixture f = { 0 };
  GtkTextBuffer *buffer;
  GtkWidget *accept;
  g_autofree char *op1 = NULL;
  g_autofree char *pp2 = NULL;
  g_autofree char *labels = NULL;

  fixture_open (&f, TRUE);
  buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (f.document));

  accept = find_action_button (GTK_WIDGET (gtk_list_box_get_row_at_index (f.list_box, 3)), "proposals.accept");
  g_assert_nonnull (accept);
  /* A button activated by the keyboard clicks a moment later. */
  g_assert_true (gtk_widget_activate (accept));
  plenary_test_spin (400);

  op1 = line_text (buffer, 3);
  g_assert_nonnull (strstr (op1, "all Member States to work together on shared waters;"));
  g_assert_null (strstr (op1, "cooperate"));
  g_assert_cmpuint (g_list_model_get_n_items (plenary_draft_get_proposals (f.draft)), ==, 2);
  g_assert_cmpuint (n_rows (&f), ==, 4);
  labels = row_labels (&f, 2);
  g_assert_true (g_str_has_prefix (labels, "OP 2|"));
  g_assert_true (plenary_document_get_modified (f.document));

  /* France's other proposal goes, the text stays as it was. */
  plenary_proposals_panel_set_by_delegation (f.panel, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.panel), "proposals.resolve-all", "(ssb)", "France", "", FALSE));
  plenary_test_spin (100);
  pp2 = line_text (buffer, 2);
  g_assert_nonnull (strstr (pp2, "Noting with concern the scarcity of water in many regions,"));
  g_assert_null (strstr (pp2, "Sahel"));
  g_assert_cmpuint (g_list_model_get_n_items (plenary_draft_get_proposals (f.draft)), ==, 1);
  g_assert_cmpuint (n_rows (&f), ==, 2);
  g_clear_pointer (&labels, g_free);
  labels = row_labels (&f, 0);
  g_assert_cmpstr (labels, ==, "Brazil");

  /* Undo takes the rejection back. */
  gtk_text_buffer_undo (buffer);
  plenary_test_spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (plenary_document_get_proposals (f.document)), ==, 2);

  fixture_close (&f);
}

/* The submenu LABEL of MENU or of its sections and submenus, or NULL. */
static GMenuModel *
find_submenu (GMenuModel *menu,
              const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (menu, i);
      g_autofree char *item_label = NULL;
      const char *link;
      GMenuModel *value;

      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label);
      while (g_menu_link_iter_get_next (links, &link, &value))
        {
          GMenuModel *found;

          if (g_strcmp0 (link, G_MENU_LINK_SUBMENU) == 0 && g_strcmp0 (item_label, label) == 0)
            return value;
          found = find_submenu (value, label);
          g_object_unref (value);
          if (found != NULL)
            return found;
        }
    }

  return NULL;
}

/* Paragraph status from the text's context menu (the paragraph at the
 * cursor): in the outline row and the margin; Open Paragraphs Only hides
 * the agreed and deleted ones; the document is modified. */
static void
test_paragraph_status (void)
{
  Fixture f = { 0 };
  PlenaryOutlinePanel *outline_panel;
  PlenaryOutline *outline;
  PlenaryPage *page;
  PlenaryEditorView *view;
  GtkTextBuffer *buffer;
  GtkListView *list_view;
  GListModel *shown;
  GtkTextIter iter;
  g_autoptr(GMenuModel) submenu = NULL;
  GtkWidget *menu_button;

  fixture_open (&f, FALSE);
  page = plenary_window_get_visible_page (f.window);
  view = plenary_page_get_view (page);
  buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (f.document));
  outline = plenary_page_get_outline (page);
  plenary_outline_flush (outline);
  outline_panel = PLENARY_OUTLINE_PANEL (adw_bin_get_child (f.window->outline_bin));
  gtk_stack_set_visible_child_name (f.window->side_stack, "outline");
  list_view = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (outline_panel), PLENARY_TYPE_OUTLINE_PANEL, "list_view"));
  plenary_document_set_modified (f.document, FALSE);

  /* The context menu has the submenu: radio items of the status of the
   * paragraph at the cursor. */
  submenu = find_submenu (gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (view)), "Paragraph _Status");
  g_assert_nonnull (submenu);
  {
    g_autoptr(GMenuModel) statuses = g_menu_model_get_item_link (submenu, 0, G_MENU_LINK_SECTION);
    g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (statuses, 2, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
    g_autofree char *action = NULL;
    g_autofree char *item = NULL;

    g_assert_true (g_menu_model_get_item_attribute (statuses, 2, G_MENU_ATTRIBUTE_ACTION, "s", &action));
    g_assert_true (g_menu_model_get_item_attribute (statuses, 2, G_MENU_ATTRIBUTE_LABEL, "s", &item));
    g_assert_cmpstr (action, ==, "win.paragraph-status");
    g_assert_cmpstr (item, ==, "Agreed");
    g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "agreed");
  }

  /* OP 2 is agreed, from the text's menu; OP 1 pending. */
  gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, 4, 5);
  gtk_text_buffer_place_cursor (buffer, &iter);
  activate_menu_item (GTK_WIDGET (view), submenu, 0, 2);
  gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, 3, 2);
  gtk_text_buffer_place_cursor (buffer, &iter);
  activate_menu_item (GTK_WIDGET (view), submenu, 0, 0);
  plenary_test_spin (100);
  /* The menu checks the status of the paragraph at the cursor. */
  {
    g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (f.window), "paragraph-status");

    g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "pending");
    gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, 4, 0);
    gtk_text_buffer_place_cursor (buffer, &iter);
    g_clear_pointer (&state, g_variant_unref);
    state = g_action_group_get_action_state (G_ACTION_GROUP (f.window), "paragraph-status");
    g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "agreed");
    gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, 5, 0);
    gtk_text_buffer_place_cursor (buffer, &iter);
    g_clear_pointer (&state, g_variant_unref);
    state = g_action_group_get_action_state (G_ACTION_GROUP (f.window), "paragraph-status");
    g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "none");
  }
  g_assert_cmpint (plenary_draft_get_paragraph_status (f.draft, f.ids[3]), ==, PLENARY_PARAGRAPH_STATUS_AGREED);
  g_assert_cmpint (plenary_draft_get_paragraph_status (f.draft, f.ids[2]), ==, PLENARY_PARAGRAPH_STATUS_PENDING);
  g_assert_true (plenary_document_get_modified (f.document));
  {
    g_autofree char *title = NULL;

    g_object_get (page, "title", &title, NULL);
    g_assert_true (g_str_has_prefix (title, "• "));
  }

  /* The outline's rows: opening, PP 1, PP 2, OP 1, OP 2, OP 3. */
  shown = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 6);
  {
    g_autoptr(PlenaryOutlineItem) op2 = g_list_model_get_item (shown, 4);

    g_assert_cmpstr (plenary_outline_item_get_id (op2), ==, f.ids[3]);
    g_assert_cmpint (plenary_outline_item_get_status (op2), ==, PLENARY_PARAGRAPH_STATUS_AGREED);
  }
  /* The row widget shows the status as a label. */
  {
    GString *labels = g_string_new (NULL);
    g_autofree char *text = NULL;

    collect_labels (GTK_WIDGET (list_view), labels);
    text = g_string_free (labels, FALSE);
    g_assert_nonnull (strstr (text, "1.|Calls upon|all Member States to cooperate on shared waters;|Pending"));
    g_assert_nonnull (strstr (text, "2.|Requests|the Secretary-General to report at its next session;|Agreed"));
  }
  save_screenshot (GTK_WIDGET (f.window), "outline-statuses-1440.png");
  resize (&f, 800);
  save_screenshot (GTK_WIDGET (f.window), "outline-statuses-800.png");
  resize (&f, 1440);

  /* The margin draws the status beside the paragraph's line: its colour,
   * at the view's left edge, on that line and not on the others. */
  {
    g_autoptr(GdkTexture) texture = render_widget (GTK_WIDGET (view));
    GdkRGBA agreed, pending;

    plenary_paragraph_status_color (PLENARY_PARAGRAPH_STATUS_AGREED, FALSE, &agreed);
    plenary_paragraph_status_color (PLENARY_PARAGRAPH_STATUS_PENDING, FALSE, &pending);
    g_assert_true (pixel_is (texture, GTK_TEXT_VIEW (view), 4, &agreed));
    g_assert_true (pixel_is (texture, GTK_TEXT_VIEW (view), 3, &pending));
    g_assert_false (pixel_is (texture, GTK_TEXT_VIEW (view), 5, &agreed));
    g_assert_false (pixel_is (texture, GTK_TEXT_VIEW (view), 5, &pending));
  }

  /* Open Paragraphs Only: OP 2 is hidden, OP 1 (pending) stays. */
  gtk_switch_set_active (GTK_SWITCH (gtk_widget_get_template_child (GTK_WIDGET (outline_panel), PLENARY_TYPE_OUTLINE_PANEL, "open_only_switch")), TRUE);
  g_assert_true (plenary_outline_panel_get_open_only (outline_panel));
  shown = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(PlenaryOutlineItem) item = g_list_model_get_item (shown, i);

      g_assert_cmpstr (plenary_outline_item_get_id (item), !=, f.ids[3]);
    }

  /* Deleted from the outline row's menu: hidden at once; None brings OP 2 back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list_view), "win.set-paragraph-status", "(ss)", f.ids[4], "deleted"));
  plenary_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list_view), "win.set-paragraph-status", "(ss)", f.ids[3], "none"));
  plenary_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);
  save_screenshot (GTK_WIDGET (f.window), "outline-open-only.png");

  /* A row's own menu button targets its paragraph (the opening formula
   * has none). */
  menu_button = find_menu_button (GTK_WIDGET (list_view));
  g_assert_nonnull (menu_button);
  {
    GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
    g_autoptr(GMenuModel) statuses = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (statuses, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE ("(ss)"));
    const char *id, *status;

    g_assert_nonnull (target);
    g_variant_get (target, "(&s&s)", &id, &status);
    g_assert_cmpstr (status, ==, "pending");
    g_assert_cmpstr (id, ==, f.ids[0]);
  }

  plenary_outline_panel_set_open_only (outline_panel, FALSE);
  fixture_close (&f);
}

typedef struct
{
  guint    calls;
  gboolean known;
} Answer;

static void
on_delegation_known (PlenaryWindow *window,
                     gboolean       known,
                     gpointer       user_data)
{
  Answer *answer = user_data;

  answer->calls++;
  answer->known = known;
}

/* With no delegation in Preferences, the window asks for it once, keeps
 * it, and every document proposes in its name. */
static void
test_delegation_asked (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  Fixture f = { 0 };
  PlenaryAlert *dialog;
  Answer answer = { 0 };

  g_settings_set_string (settings, "delegation", "");
  fixture_open (&f, FALSE);

  /* Turning Suggest Changes on asks; Cancel leaves it off. */
  g_action_group_change_action_state (G_ACTION_GROUP (f.window), "suggest", g_variant_new_boolean (TRUE));
  plenary_test_spin_until (plenary_test_dialog_shown, NULL);
  plenary_test_respond (plenary_test_find_message_dialog (), "cancel");
  plenary_test_spin (50);
  g_assert_false (plenary_document_get_suggesting (f.document));
  {
    g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (f.window), "suggest");
    g_assert_false (g_variant_get_boolean (state));
  }
  {
    g_autofree char *delegation = g_settings_get_string (settings, "delegation");
    g_assert_cmpstr (delegation, ==, "");
  }

  g_action_group_change_action_state (G_ACTION_GROUP (f.window), "suggest", g_variant_new_boolean (TRUE));
  plenary_test_spin_until (plenary_test_dialog_shown, NULL);
  dialog = plenary_test_find_message_dialog ();
  g_assert_cmpstr (plenary_alert_get_heading (dialog), ==, "Your Delegation");
  /* Nothing to continue with yet. */
  g_assert_false (plenary_alert_get_response_enabled (dialog, "continue"));
  gtk_editable_set_text (GTK_EDITABLE (plenary_alert_get_extra_child (dialog)), "Senegal");
  g_assert_true (plenary_alert_get_response_enabled (dialog, "continue"));
  plenary_test_respond (dialog, "continue");
  plenary_test_spin (50);
  g_assert_true (plenary_document_get_suggesting (f.document));
  /* What is typed now is Senegal's proposal, listed a moment later. */
  {
    GtkTextBuffer *buffer = GTK_TEXT_BUFFER (plenary_document_get_buffer (f.document));
    g_autofree char *header = NULL;
    g_autofree char *row = NULL;
    GtkTextIter iter;

    gtk_text_buffer_get_iter_at_line (buffer, &iter, 5);
    gtk_text_iter_forward_to_line_end (&iter);
    gtk_text_iter_backward_char (&iter);
    gtk_text_buffer_insert_interactive (buffer, &iter, " and of its follow-up", -1, TRUE);
    plenary_test_spin (400);
    g_assert_cmpuint (n_rows (&f), ==, 2);
    header = row_labels (&f, 0);
    g_assert_true (g_str_has_prefix (header, "OP 3|Decides to remain seized of the matter"));
    row = row_labels (&f, 1);
    g_assert_true (g_str_has_prefix (row, "●|Senegal|Insert “and of its follow-up”|"));
  }
  {
    g_autofree char *delegation = g_settings_get_string (settings, "delegation");
    g_assert_cmpstr (delegation, ==, "Senegal");
  }
  g_assert_cmpstr (plenary_document_get_delegation (f.document), ==, "Senegal");

  /* Known now: no question. */
  plenary_window_ensure_delegation (f.window, on_delegation_known, &answer);
  g_assert_cmpuint (answer.calls, ==, 1);
  g_assert_true (answer.known);
  g_assert_null (plenary_test_find_message_dialog ());

  /* A change in Preferences reaches the open documents. */
  g_settings_set_string (settings, "delegation", "Chile");
  g_assert_cmpstr (plenary_document_get_delegation (f.document), ==, "Chile");

  g_settings_set_string (settings, "delegation", "");
  fixture_close (&f);
}

static gboolean
document_saved (gpointer document)
{
  return !plenary_document_get_busy (document) && !plenary_document_get_modified (document);
}

/* Statuses, friendliness and votes are in the file: the panels show them
 * again once it is reopened. */
static void
test_saved_and_reopened (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plenary-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Water.plenary.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *op2 = NULL;
  g_autofree char *labels = NULL;
  PlenaryDocument *reopened;
  Fixture f = { 0 };
  GtkListView *list_view;
  GString *outline_labels = g_string_new (NULL);
  g_autofree char *outline_text = NULL;

  fixture_open (&f, TRUE);
  op2 = g_strdup (f.ids[3]);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.set-paragraph-status", "(ss)", op2, "agreed-ad-ref"));
  {
    PlenaryProposal *replace = g_list_model_get_item (plenary_draft_get_proposals (f.draft), 0);
    const char *id = plenary_proposal_get_id (replace);

    g_object_unref (replace);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.panel), "proposals.friendliness", "(ss)", id, "unfriendly"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.panel), "proposals.vote", "(ss)", id, "failed"));
  }
  plenary_document_save_async (f.document, file, TRUE, NULL, NULL, NULL);
  plenary_test_spin_until (document_saved, f.document);
  fixture_close (&f);

  f.window = plenary_application_new_window (app);
  gtk_window_set_default_size (GTK_WINDOW (f.window), 1440, 900);
  plenary_application_open_file (app, f.window, file);
  reopened = plenary_window_get_visible_document (f.window);
  g_assert_nonnull (reopened);
  plenary_test_spin_until (plenary_test_document_idle, reopened);
  plenary_test_spin (300);

  g_assert_cmpint (plenary_draft_get_paragraph_status (plenary_document_get_draft (reopened), op2), ==,
                   PLENARY_PARAGRAPH_STATUS_AGREED_AD_REF);
  list_view = GTK_LIST_VIEW (gtk_widget_get_template_child (adw_bin_get_child (f.window->outline_bin),
                                                            PLENARY_TYPE_OUTLINE_PANEL, "list_view"));
  gtk_stack_set_visible_child_name (f.window->side_stack, "outline");
  plenary_test_spin (100);
  collect_labels (GTK_WIDGET (list_view), outline_labels);
  outline_text = g_string_free (outline_labels, FALSE);
  g_assert_nonnull (strstr (outline_text, "2.|Requests|the Secretary-General to report at its next session;|Agreed ad ref."));

  f.panel = PLENARY_PROPOSALS_PANEL (adw_bin_get_child (f.window->proposals_bin));
  f.list_box = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (f.panel), PLENARY_TYPE_PROPOSALS_PANEL, "list_box"));
  gtk_stack_set_visible_child_name (f.window->side_stack, "proposals");
  plenary_test_spin (100);
  labels = row_labels (&f, 3);
  g_assert_cmpstr (labels, ==, "●|France|Unfriendly Amendment · Failed|Replace “cooperate” with “work together”|7 December 2026, 09:10|Accept|Reject");

  f.window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (f.window));
  plenary_test_spin (50);
  g_unlink (path);
  g_rmdir (dir);
}

/* No proposal: the panel says how to make some. */
static void
test_empty_state (void)
{
  const char *language = g_getenv ("LANGUAGE");
  gboolean french = language != NULL && g_str_has_prefix (language, "fr");
  Fixture f = { 0 };
  AdwStatusPage *empty;
  GtkStackPage *tab;

  fixture_open (&f, FALSE);
  empty = ADW_STATUS_PAGE (gtk_stack_get_child_by_name (GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (f.panel), PLENARY_TYPE_PROPOSALS_PANEL, "stack")), "empty"));
  tab = gtk_stack_get_page (f.window->side_stack, GTK_WIDGET (f.window->proposals_bin));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (empty)));
  /* The tab is an icon: its title shows on hover. */
  {
    GtkWidget *switcher = gtk_widget_get_prev_sibling (GTK_WIDGET (f.window->side_stack));
    GtkWidget *button;

    g_assert_true (GTK_IS_STACK_SWITCHER (switcher));
    button = gtk_widget_get_last_child (switcher);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, gtk_stack_page_get_title (tab));
  }
  if (french)
    {
      g_assert_cmpstr (gtk_stack_page_get_title (tab), ==, "Propositions");
      g_assert_cmpstr (adw_status_page_get_title (empty), ==, "Aucune proposition");
      g_assert_cmpstr (adw_status_page_get_description (empty), ==,
                       "Activez Suggérer des modifications (Ctrl+Alt+E) pour proposer des changements.");
      save_screenshot (GTK_WIDGET (f.window), "proposals-empty-fr.png");
    }
  else
    {
      g_assert_cmpstr (gtk_stack_page_get_title (tab), ==, "Proposals");
      g_assert_cmpstr (adw_status_page_get_title (empty), ==, "No Proposals");
      g_assert_cmpstr (adw_status_page_get_description (empty), ==,
                       "Turn on Suggest Changes (Ctrl+Alt+E) to propose edits.");
      save_screenshot (GTK_WIDGET (f.window), "proposals-empty.png");
    }

  fixture_close (&f);
}

/* In French, the rows' words and the paragraphs' names as the UN writes them. */
static void
test_french_rows (void)
{
  Fixture f = { 0 };
  g_autofree char *header = NULL;
  g_autofree char *row = NULL;

  fixture_open (&f, TRUE);
  header = row_labels (&f, 2);
  g_assert_true (g_str_has_prefix (header, "Dispositif, par.\u00a01|"));
  row = row_labels (&f, 3);
  g_assert_cmpstr (row, ==, "●|France|Remplacer «\u00a0cooperate\u00a0» par «\u00a0work together\u00a0»|7 décembre 2026 à 09\u00a0h\u00a010|Accepter|Rejeter");
  save_screenshot (GTK_WIDGET (f.window), "proposals-fr-1440.png");
  resize (&f, 800);
  save_screenshot (GTK_WIDGET (f.window), "proposals-fr-800.png");

  /* The statuses in the outline, and the switch above it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.set-paragraph-status", "(ss)", f.ids[2], "pending"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.set-paragraph-status", "(ss)", f.ids[3], "agreed"));
  gtk_stack_set_visible_child_name (f.window->side_stack, "outline");
  plenary_test_spin (200);
  {
    GtkWidget *outline_panel = adw_bin_get_child (f.window->outline_bin);
    GString *labels = g_string_new (NULL);
    g_autofree char *text = NULL;

    collect_labels (outline_panel, labels);
    text = g_string_free (labels, FALSE);
    g_assert_true (g_str_has_prefix (text, "Paragraphes ouverts seulement|"));
    g_assert_nonnull (strstr (text, "|En suspens|"));
    g_assert_nonnull (strstr (text, "|Adopté|"));
  }
  save_screenshot (GTK_WIDGET (f.window), "outline-statuses-fr-800.png");
  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  const char *language;

  app = plenary_test_init (&argc, &argv);
  language = g_getenv ("LANGUAGE");

  if (language != NULL && g_str_has_prefix (language, "fr"))
    {
      g_test_add_func ("/proposals/empty-state-french", test_empty_state);
      g_test_add_func ("/proposals/rows-french", test_french_rows);
    }
  else
    {
      g_test_add_func ("/proposals/lists-grouped", test_lists_grouped);
      g_test_add_func ("/proposals/model-un", test_model_un);
      g_test_add_func ("/proposals/many-proposals", test_many_proposals);
      g_test_add_func ("/proposals/accept-and-reject", test_accept_and_reject);
      g_test_add_func ("/proposals/paragraph-status", test_paragraph_status);
      g_test_add_func ("/proposals/delegation-asked", test_delegation_asked);
      g_test_add_func ("/proposals/saved-and-reopened", test_saved_and_reopened);
      g_test_add_func ("/proposals/empty-state", test_empty_state);
    }

  return plenary_test_run (app);
}
