/* plenary-page-layout.c
 *
 * Copyright 2026 The Plenary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-page-layout"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "plenary-clause-printer.h"
#include "plenary-page-layout.h"
#include "plenary-templates.h"

#define CM               (72.0 / 2.54)
#define BODY_SIZE        12.0
#define HEAD_SIZE        11.0
#define NOTE_SIZE        9.5
#define SMALL_SIZE       8.0
#define FOOTER_SIZE      9.0
#define PARAGRAPH_SPACE  6.0
/* First-line indent of preambular paragraphs, hanging indent of operative ones. */
#define INDENT           36.0
#define SUB_INDENT       28.0
#define BULLET_INDENT    18.0
#define NOTE_INDENT      14.0
#define NOTE_GAP         2.0
#define NOTE_SEPARATOR   12.0
#define DEFAULT_FONT     "Liberation Serif,DejaVu Serif,serif"
/* Enough paragraph layouts for a few pages: drawing the page just paginated
 * shapes nothing again, and memory stays flat whatever the draft's length. */
#define CACHE_SIZE       256
/* How many blocks the shaping thread may run ahead of the paginator: enough
 * to keep it busy while a page is drawn, few enough for flat memory. */
#define SHAPE_AHEAD      32

/* Labels of the printed document: data in the DRAFTING language, not UI
 * strings, so not translated through gettext. */
typedef struct
{
  const char *language;
  const char *united_nations;
  const char *distr_limited;
  const char *distr_general;
  const char *distr_restricted;
  const char *original;
  const char *agenda_item;
  const char *colon;
  const char *submitted_by;
  const char *co_sponsors;
  const char *signatories;
  const char *committee;
  const char *question;
  const char *delegation;
  const char *topic;
  const char *draft_resolution;
  /* The one sponsor line of a UN masthead: "%s: draft resolution". */
  const char *sponsor_line;
  const char *position_paper;
  const char *briefing_note;
  const char *date;
  /* The last separator of a list of names: " and ", " et ". */
  const char *list_and;
  const char *unknown_source;
  const char *quote_open;
  const char *quote_close;
  const char *months[12];
  const char *date_format; /* day, month name, year */
  const char *language_names[6][2];
  gboolean    french_spacing;
  /* Heading of the list of sources at the end of a brief. */
  const char *sources;
} Labels;

static const Labels labels_table[] = {
  {
    "fr", "Nations Unies", "Distr. limitée", "Distr. générale", "Distr. restreinte",
    "Original\u00a0: %s", "Point %s de l’ordre du jour", "\u00a0:",
    "Présenté par", "Coauteurs", "Signataires", "Commission", "Question",
    "Délégation", "Sujet", "Projet de résolution", "%s\u00a0: projet de résolution", "Note de position", "Note d’information", "Date",
    " et ",
    "Source inconnue",
    "«\u00a0", "\u00a0»",
    { "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
      "septembre", "octobre", "novembre", "décembre" },
    "%u %s %u",
    { { "fr", "français" }, { "en", "anglais" }, { "es", "espagnol" },
      { "ru", "russe" }, { "ar", "arabe" }, { "zh", "chinois" } },
    TRUE,
    "Sources",
  },
  {
    "en", "United Nations", "Distr.: Limited", "Distr.: General", "Distr.: Restricted",
    "Original: %s", "Agenda item %s", ":",
    "Submitted by", "Co-sponsors", "Signatories", "Committee", "Question",
    "Delegation", "Topic", "Draft resolution", "%s: draft resolution", "Position Paper", "Briefing Note", "Date",
    " and ",
    "Unknown source",
    "“", "”",
    { "January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December" },
    "%u %s %u",
    { { "fr", "French" }, { "en", "English" }, { "es", "Spanish" },
      { "ru", "Russian" }, { "ar", "Arabic" }, { "zh", "Chinese" } },
    FALSE,
    "Sources",
  },
};

enum {
  STYLE_BOLD   = 1 << 0,
  STYLE_ITALIC = 1 << 1,
  STYLE_SUPER  = 1 << 2,
};

typedef enum
{
  BLOCK_TEXT,
  BLOCK_RULE,
} BlockKind;

/* One paragraph of the printed page. */
typedef struct
{
  BlockKind       kind;
  char           *text;
  PangoAttrList  *attrs;
  double          size;
  /* From the left edge of the text area. */
  double          x;
  /* 0 for the rest of the text area. */
  double          width;
  /* Pango indent: negative for a hanging indent. */
  double          indent;
  /* A left tab stop after the marker, 0 for none. */
  double          tab;
  gboolean        right_tab;
  PangoAlignment  alignment;
  gboolean        justify;
  double          space_before;
  /* Thickness, for BLOCK_RULE. */
  double          rule;
  gboolean        keep_together;
  gboolean        keep_with_next;
  /* Counted by the line numbers. */
  gboolean        counted;
  /* A second column beside the first (masthead). */
  char           *side_text;
  double          side_x;
  /* Mark: footnote markers in this block, by byte index. */
  GArray         *marks;
} Block;

typedef struct
{
  int   index;
  guint note;
} Mark;

typedef struct
{
  char          *text;
  PangoAttrList *attrs;
} Note;

/* Lines [first_line, first_line + n_lines) of a block, placed Y points below
 * the top of the text area. */
typedef struct
{
  guint  block;
  guint  first_line;
  guint  n_lines;
  guint  line_number;
  double y;
} Piece;

typedef struct
{
  guint first_piece;
  guint n_pieces;
  guint first_note;
  guint n_notes;
} Page;

typedef struct
{
  PangoLayoutLine *line;
  int              x;
  int              top;
  int              bottom;
  int              baseline;
} LineInfo;

typedef enum
{
  LAYOUT_BLOCK,
  LAYOUT_SIDE,
  LAYOUT_NOTE,
} LayoutKind;

/* Shaping is most of the cost of paginating, so a second thread shapes the
 * blocks ahead of the paginator, on a font map of its own (Pango objects
 * are not thread-safe). Its layouts are handed over through SHAPED and
 * used by the paginating thread only from then on. They come with their
 * lines and extents computed, and a context each, so that the paginating
 * thread only reads what the fonts of that font map computed.
 *
 * The hand-over takes no lock: a draft of 100,000 short paragraphs makes
 * as many of them, and on a busy machine a thread preempted while holding
 * a lock kept the other one waiting for a whole time slice (the export
 * took three times its CPU time). Claims and hand-overs are atomic; the
 * mutex only puts the thread to sleep when it is SHAPE_AHEAD blocks ahead,
 * until the paginator has taken half of them. */
typedef struct
{
  GThread               *thread;
  GMutex                 mutex;
  GCond                  cond;
  /* Atomic: the first block nobody has started to shape... */
  guint                  next_claim;
  /* ...the first block whose layouts are not in the cache yet (only the
   * paginating thread changes it)... */
  guint                  taken;
  gint                   cancelled;
  /* ...whether the thread sleeps until woken... */
  gint                   waiting;
  /* ...and the layouts of each block: NULL until shaped, then a
   * GPtrArray, then TAKEN. */
  gpointer              *shaped;
  /* Only the thread uses these. */
  char                  *font_map_key;
  PangoFontMap          *font_map;
  PangoFontDescription  *font;
  /* The block of each footnote's mark, G_MAXUINT for none. */
  guint                 *note_blocks;
} Shaper;

/* What a slot holds once its layouts went to the cache. */
static int taken_slot;
#define TAKEN ((gpointer) &taken_slot)

struct _PlenaryPageLayout
{
  GObject               parent_instance;

  PlenaryLayoutOptions  options;
  double                page_width;
  double                page_height;
  double                text_width;
  double                text_height;

  PangoContext         *context;
  PangoFontDescription *font;
  const Labels         *labels;
  char                 *language;

  GArray               *blocks;
  GArray               *notes;
  char                 *title;
  char                 *author;
  char                 *subject;
  char                 *footer;

  GArray               *pieces;
  GArray               *pages;
  GArray               *page_notes;
  guint                 next_block;
  guint                 next_line;
  guint                 next_line_number;
  gboolean              done;

  GHashTable           *cache;
  GQueue                cache_order;
  /* The shaping thread starts after the blocks made before it. */
  guint                 blocks_made;
  Shaper               *shaper;
  GArray               *lines;
  GArray               *next_lines;
  PangoLayout          *footer_layout;
  PangoLayout          *number_layout;
};

G_DEFINE_FINAL_TYPE (PlenaryPageLayout, plenary_page_layout, G_TYPE_OBJECT)

void
plenary_layout_options_init (PlenaryLayoutOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->paper = PLENARY_PAPER_A4;
  options->width = 210.0 / 10.0 * CM;
  options->height = 297.0 / 10.0 * CM;
  options->margin_top = 2.5 * CM;
  options->margin_bottom = 2.5 * CM;
  options->margin_left = 2.5 * CM;
  options->margin_right = 2.5 * CM;
  options->widow_control = TRUE;
}

static const Labels *
find_labels (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels_table); i++)
    {
      gsize len = strlen (labels_table[i].language);

      if (language != NULL &&
          g_ascii_strncasecmp (language, labels_table[i].language, len) == 0 &&
          (language[len] == '\0' || language[len] == '-' || language[len] == '_'))
        return &labels_table[i];
    }

  return &labels_table[1];
}

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_clear_pointer (&block->text, g_free);
  g_clear_pointer (&block->attrs, pango_attr_list_unref);
  g_clear_pointer (&block->side_text, g_free);
  g_clear_pointer (&block->marks, g_array_unref);
}

static void
note_clear (gpointer data)
{
  Note *note = data;

  g_clear_pointer (&note->text, g_free);
  g_clear_pointer (&note->attrs, pango_attr_list_unref);
}

static void shaper_stop (PlenaryPageLayout *self);

static void
plenary_page_layout_finalize (GObject *object)
{
  PlenaryPageLayout *self = (PlenaryPageLayout *)object;

  shaper_stop (self);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_queue_clear (&self->cache_order);
  g_clear_object (&self->context);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->notes, g_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->footer, g_free);
  g_clear_pointer (&self->pieces, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->page_notes, g_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->next_lines, g_array_unref);
  g_clear_object (&self->footer_layout);
  g_clear_object (&self->number_layout);
  g_free ((char *)self->options.font_family);

  G_OBJECT_CLASS (plenary_page_layout_parent_class)->finalize (object);
}

static void
plenary_page_layout_class_init (PlenaryPageLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plenary_page_layout_finalize;
}

static void
plenary_page_layout_init (PlenaryPageLayout *self)
{
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);
  self->notes = g_array_new (FALSE, TRUE, sizeof (Note));
  g_array_set_clear_func (self->notes, note_clear);
  self->pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  self->page_notes = g_array_new (FALSE, FALSE, sizeof (guint));
  self->lines = g_array_new (FALSE, FALSE, sizeof (LineInfo));
  self->next_lines = g_array_new (FALSE, FALSE, sizeof (LineInfo));
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_queue_init (&self->cache_order);
  self->next_line_number = 1;
}

/* --- building the blocks ------------------------------------------------ */

static Block *
add_block (PlenaryPageLayout *self,
           BlockKind          kind)
{
  Block *block;

  g_array_set_size (self->blocks, self->blocks->len + 1);
  block = &g_array_index (self->blocks, Block, self->blocks->len - 1);
  block->kind = kind;
  block->size = BODY_SIZE;
  block->alignment = PANGO_ALIGN_LEFT;

  return block;
}

static void
add_rule (PlenaryPageLayout *self,
          double             thickness,
          double             space_before)
{
  Block *block = add_block (self, BLOCK_RULE);

  block->rule = thickness;
  block->space_before = space_before;
  block->keep_with_next = TRUE;
}

static void
append_styled (GString       *string,
               PangoAttrList *attrs,
               const char    *text,
               guint          style,
               double         size)
{
  guint start = string->len;

  g_string_append (string, text);

  if (style & STYLE_BOLD)
    {
      PangoAttribute *attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      attr->start_index = start;
      attr->end_index = string->len;
      pango_attr_list_insert (attrs, attr);
    }

  if (style & STYLE_ITALIC)
    {
      PangoAttribute *attr = pango_attr_style_new (PANGO_STYLE_ITALIC);
      attr->start_index = start;
      attr->end_index = string->len;
      pango_attr_list_insert (attrs, attr);
    }

  if (style & STYLE_SUPER)
    {
      PangoAttribute *attr = pango_attr_rise_new ((int)(0.35 * size * PANGO_SCALE));
      attr->start_index = start;
      attr->end_index = string->len;
      pango_attr_list_insert (attrs, attr);
      attr = pango_attr_scale_new (0.65);
      attr->start_index = start;
      attr->end_index = string->len;
      pango_attr_list_insert (attrs, attr);
    }
  else if (size > 0)
    {
      PangoAttribute *attr = pango_attr_size_new ((int)(size * PANGO_SCALE));
      attr->start_index = start;
      attr->end_index = string->len;
      pango_attr_list_insert (attrs, attr);
    }
}

/* Hyphenation off: the UN typesets drafts without word division. */
static PangoAttrList *
new_attrs (PlenaryPageLayout *self)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_attr_list_insert (attrs,
                          pango_attr_language_new (pango_language_from_string (self->language)));

  return attrs;
}

static Block *
add_text_block (PlenaryPageLayout *self,
                GString           *text,
                PangoAttrList     *attrs)
{
  Block *block = add_block (self, BLOCK_TEXT);

  block->text = g_string_free (text, FALSE);
  block->attrs = attrs;

  return block;
}

/* "Label : value" with the label in bold. */
static void
add_label_row (PlenaryPageLayout *self,
               const char        *label,
               const char        *value,
               double             space_before)
{
  GString *text;
  PangoAttrList *attrs;
  Block *block;
  g_autofree char *bold = NULL;

  if (value == NULL || value[0] == '\0')
    return;

  text = g_string_new (NULL);
  attrs = new_attrs (self);
  bold = g_strconcat (label, self->labels->colon, NULL);
  append_styled (text, attrs, bold, STYLE_BOLD, 0);
  g_string_append_c (text, ' ');
  g_string_append (text, value);

  block = add_text_block (self, text, attrs);
  block->indent = -INDENT;
  block->space_before = space_before;
  block->keep_together = TRUE;
  block->keep_with_next = TRUE;
}

static char *
join_list (const char * const *list)
{
  if (list == NULL || list[0] == NULL)
    return NULL;

  return g_strjoinv (", ", (char **)list);
}

/* The sponsor and the co-sponsors as one list joined as the language joins
 * names: "Belgique, Côte d'Ivoire, France et Sénégal". Several names typed in
 * one field, separated by commas or semicolons, count one by one. NULL when
 * there are none. */
static char *
join_sponsors (const Labels    *labels,
               PlenaryMetadata *metadata)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) typed = g_regex_split_simple ("[,;]", plenary_metadata_get_string (metadata, "submitted-by"), 0, 0);
  const char * const *co_sponsors = plenary_metadata_get_co_sponsors (metadata);
  GString *out;

  for (guint i = 0; typed[i] != NULL; i++)
    if (*g_strstrip (typed[i]) != '\0')
      g_ptr_array_add (names, g_strdup (typed[i]));
  for (guint i = 0; co_sponsors != NULL && co_sponsors[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (co_sponsors[i]));

      if (name[0] != '\0')
        g_ptr_array_add (names, g_steal_pointer (&name));
    }

  if (names->len == 0)
    return NULL;

  out = g_string_new (g_ptr_array_index (names, 0));
  for (guint i = 1; i < names->len; i++)
    {
      g_string_append (out, i + 1 == names->len ? labels->list_and : ", ");
      g_string_append (out, g_ptr_array_index (names, i));
    }

  return g_string_free (out, FALSE);
}

/* French puts a no-break space before ; : ? ! » and after «, so that the
 * mark never starts a line. Code points keep their count. */
static char *
apply_spacing (const Labels *labels,
               const char   *text)
{
  GString *out;

  if (!labels->french_spacing)
    return g_strdup (text);

  out = g_string_sized_new (strlen (text) + 8);

  /* Copied from space to space: only spaces may change. */
  for (const char *p = text, *space; *p != '\0'; p = space + 1)
    {
      if ((space = strchr (p, ' ')) == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, space - p);
      if ((space[1] != '\0' && strchr (";:?!", space[1]) != NULL) ||
          g_str_has_prefix (space + 1, "»") ||
          (space > text && g_str_has_prefix (space - MIN (space - text, 2), "«")))
        g_string_append (out, "\u00a0");
      else
        g_string_append_c (out, ' ');
    }

  return g_string_free (out, FALSE);
}

static char *
format_date (const Labels *labels,
             const char   *date)
{
  guint year, month, day;
  char tail;

  if (sscanf (date, "%4u-%2u-%2u%c", &year, &month, &day, &tail) == 3 &&
      month >= 1 && month <= 12 && day >= 1 && day <= 31)
    return g_strdup_printf (labels->date_format, day, labels->months[month - 1], year);

  return g_strdup (date);
}

static const char *
language_name (const Labels *labels,
               const char   *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels->language_names); i++)
    if (language != NULL && g_str_has_prefix (language, labels->language_names[i][0]))
      return labels->language_names[i][1];

  return language;
}

static const char *
distribution (const Labels *labels,
              const char   *value)
{
  if (value[0] == '\0' ||
      g_ascii_strncasecmp (value, "limit", 5) == 0)
    return labels->distr_limited;
  if (g_ascii_strncasecmp (value, "general", 7) == 0 ||
      g_str_has_prefix (value, "génér"))
    return labels->distr_general;
  if (g_ascii_strncasecmp (value, "restr", 5) == 0)
    return labels->distr_restricted;

  return value;
}

/* The masthead of an official document: organisation and symbol, body and
 * distribution, session and agenda item, sponsors and title. */
static void
build_un_heading (PlenaryPageLayout *self,
                  PlenaryDraft      *draft,
                  PlenaryMetadata   *metadata)
{
  const Labels *labels = self->labels;
  const char *body = plenary_metadata_get_string (metadata, "body");
  const char *session = plenary_metadata_get_string (metadata, "session");
  const char *agenda = plenary_metadata_get_string (metadata, "agenda-item");
  const char *question = plenary_metadata_get_string (metadata, "question");
  const char *committee = plenary_metadata_get_string (metadata, "forum");
  g_autofree char *date = format_date (labels, plenary_metadata_get_string (metadata, "date"));
  g_autofree char *original = NULL;
  g_autofree char *sponsors = join_sponsors (labels, metadata);
  GString *text;
  GString *side;
  PangoAttrList *attrs;
  Block *block;

  if (body[0] == '\0')
    body = plenary_metadata_get_string (metadata, "forum");

  text = g_string_new (NULL);
  attrs = new_attrs (self);
  append_styled (text, attrs, labels->united_nations, STYLE_BOLD, HEAD_SIZE);
  g_string_append_c (text, '\t');
  append_styled (text, attrs, plenary_metadata_get_string (metadata, "symbol"), STYLE_BOLD, 17.0);
  block = add_text_block (self, text, attrs);
  block->right_tab = TRUE;
  block->keep_together = TRUE;
  block->keep_with_next = TRUE;
  add_rule (self, 0.75, 4.0);

  text = g_string_new (NULL);
  attrs = new_attrs (self);
  append_styled (text, attrs, body, STYLE_BOLD, 18.0);
  side = g_string_new (NULL);
  g_string_append (side, distribution (labels, plenary_metadata_get_string (metadata, "distribution")));
  if (date[0] != '\0')
    g_string_append_printf (side, "\n%s", date);
  original = g_strdup_printf (labels->original,
                              language_name (labels, plenary_draft_get_language (draft)));
  g_string_append_printf (side, "\n%s", original);
  block = add_text_block (self, text, attrs);
  block->width = 0.6 * self->text_width;
  block->space_before = 6.0;
  block->side_text = g_string_free (side, FALSE);
  block->side_x = 0.66 * self->text_width;
  block->keep_together = TRUE;
  block->keep_with_next = TRUE;
  add_rule (self, 2.0, 8.0);

  if (session[0] != '\0')
    {
      text = g_string_new (NULL);
      attrs = new_attrs (self);
      append_styled (text, attrs, session, 0, HEAD_SIZE);
      block = add_text_block (self, text, attrs);
      block->space_before = 10.0;
      block->keep_with_next = TRUE;
    }

  if (committee[0] != '\0' && g_strcmp0 (committee, body) != 0)
    {
      text = g_string_new (NULL);
      attrs = new_attrs (self);
      append_styled (text, attrs, committee, 0, HEAD_SIZE);
      block = add_text_block (self, text, attrs);
      block->space_before = session[0] != '\0' ? 0 : 10.0;
      block->keep_with_next = TRUE;
    }

  if (agenda[0] != '\0')
    {
      g_autofree char *item = g_ascii_isdigit (agenda[0])
                              ? g_strdup_printf (labels->agenda_item, agenda)
                              : g_strdup (agenda);

      text = g_string_new (NULL);
      attrs = new_attrs (self);
      append_styled (text, attrs, item, 0, HEAD_SIZE);
      block = add_text_block (self, text, attrs);
      block->space_before = session[0] != '\0' || committee[0] != '\0' ? 0 : 10.0;
      block->keep_with_next = TRUE;
    }

  /* One line names every sponsor, as the UN prints it: "Belgium, France
   * and Senegal: draft resolution". */
  text = g_string_new (NULL);
  attrs = new_attrs (self);
  if (sponsors != NULL)
    {
      g_autofree char *line = g_strdup_printf (labels->sponsor_line, sponsors);

      append_styled (text, attrs, line, 0, HEAD_SIZE);
    }
  else
    append_styled (text, attrs, labels->draft_resolution, 0, HEAD_SIZE);
  block = add_text_block (self, text, attrs);
  block->space_before = 18.0;
  block->keep_with_next = TRUE;

  if (question[0] != '\0')
    {
      g_autofree char *spaced = apply_spacing (labels, question);

      text = g_string_new (NULL);
      attrs = new_attrs (self);
      append_styled (text, attrs, spaced, STYLE_BOLD, 13.0);
      block = add_text_block (self, text, attrs);
      block->alignment = PANGO_ALIGN_CENTER;
      block->space_before = 6.0;
      block->keep_with_next = TRUE;
    }
}

/* Model UN header: committee, question, sponsors, signatories. */
static void
build_mun_heading (PlenaryPageLayout *self,
                   PlenaryMetadata   *metadata)
{
  const Labels *labels = self->labels;
  g_autofree char *co_sponsors = join_list (plenary_metadata_get_co_sponsors (metadata));
  g_autofree char *signatories = join_list (plenary_metadata_get_signatories (metadata));
  g_autofree char *question = apply_spacing (labels, plenary_metadata_get_string (metadata, "question"));
  GString *text = g_string_new (NULL);
  PangoAttrList *attrs = new_attrs (self);
  Block *block;

  append_styled (text, attrs, labels->draft_resolution, STYLE_BOLD, 15.0);
  block = add_text_block (self, text, attrs);
  block->alignment = PANGO_ALIGN_CENTER;
  block->keep_with_next = TRUE;

  add_label_row (self, labels->committee, plenary_metadata_get_string (metadata, "forum"), 18.0);
  add_label_row (self, labels->question, question, 4.0);
  add_label_row (self, labels->submitted_by,
                 plenary_metadata_get_string (metadata, "submitted-by"), 4.0);
  add_label_row (self, labels->co_sponsors, co_sponsors, 4.0);
  add_label_row (self, labels->signatories, signatories, 4.0);
  add_rule (self, 0.75, 12.0);
}

/* The kind of paper a brief is ("paper" in the metadata's extra members,
 * set by the template it was made from), or NULL. */
static const char *
paper_title (const Labels    *labels,
             PlenaryMetadata *metadata)
{
  JsonObject *extra = plenary_metadata_get_extra (metadata);
  const char *paper = extra != NULL ? json_object_get_string_member_with_default (extra, "paper", "") : "";

  if (g_strcmp0 (paper, "position-paper") == 0)
    return labels->position_paper;
  if (g_strcmp0 (paper, "briefing-note") == 0)
    return labels->briefing_note;
  return NULL;
}

/* As a delegation hands a brief in: the kind of paper, the delegation, the
 * committee and the date (today's when the header has none), then the topic. */
static void
build_brief_heading (PlenaryPageLayout *self,
                     PlenaryMetadata   *metadata)
{
  const Labels *labels = self->labels;
  const char *title = paper_title (labels, metadata);
  g_autofree char *topic = apply_spacing (labels, plenary_metadata_get_string (metadata, "question"));
  g_autofree char *date = NULL;

  if (plenary_metadata_get_string (metadata, "date")[0] != '\0')
    date = format_date (labels, plenary_metadata_get_string (metadata, "date"));
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *iso = g_date_time_format (now, "%Y-%m-%d");

      date = format_date (labels, iso);
    }

  if (title != NULL)
    {
      GString *text = g_string_new (NULL);
      PangoAttrList *attrs = new_attrs (self);
      Block *block;

      append_styled (text, attrs, title, STYLE_BOLD, 16.0);
      block = add_text_block (self, text, attrs);
      block->keep_with_next = TRUE;
      add_rule (self, 0.75, 4.0);
    }

  add_label_row (self, labels->delegation, plenary_metadata_get_string (metadata, "submitted-by"),
                 title != NULL ? 8.0 : 0);
  add_label_row (self, labels->committee, plenary_metadata_get_string (metadata, "forum"), 4.0);
  add_label_row (self, labels->date, date, 4.0);
  add_rule (self, 0.75, 10.0);

  if (topic[0] != '\0')
    {
      GString *text = g_string_new (NULL);
      PangoAttrList *attrs = new_attrs (self);
      Block *block;

      append_styled (text, attrs, topic, STYLE_BOLD, 15.0);
      block = add_text_block (self, text, attrs);
      block->alignment = PANGO_ALIGN_CENTER;
      block->space_before = 12.0;
      block->keep_with_next = TRUE;
    }
}

/* One line of the editor text: a paragraph of the body, or the opening
 * formula when paragraph is NULL. */
typedef struct
{
  PlenaryParagraph *paragraph;
  guint             level;
  guint             index;
  gint64            start;      /* code point offset of the line in the editor text */
  gint64            prefix;     /* code points before the full text (tabs, "# ", "• ") */
  gint64            length;     /* code points of the full text */
  gboolean          blank;      /* the blank line of an empty section */
} Line;

typedef struct
{
  guint               line;
  gint64              offset;
  gint64              start;
  PlenaryAnnotation  *annotation;
} Citation;

static void
collect_lines (GArray    *lines,
               GPtrArray *paragraphs,
               guint      level)
{
  guint operative = 0;
  guint headings = 0;
  guint subs = 0;

  for (guint i = 0; i < paragraphs->len; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (paragraphs, i);
      Line line = { paragraph, level, 0 };

      if (paragraph->role == PLENARY_ROLE_OPERATIVE)
        line.index = operative++;
      else if (paragraph->role == PLENARY_ROLE_HEADING)
        line.index = headings++;
      else if (paragraph->role == PLENARY_ROLE_SUBPARAGRAPH)
        line.index = subs++;

      g_array_append_val (lines, line);
      collect_lines (lines, paragraph->children, level + 1);

      /* The editor text keeps a line to write in under an empty section. */
      if (paragraph->role == PLENARY_ROLE_HEADING && paragraph->children->len == 0)
        {
          Line blank = { paragraph, level + 1, 0, .blank = TRUE };
          g_array_append_val (lines, blank);
        }
    }
}

static int
compare_citations (gconstpointer a,
                   gconstpointer b)
{
  const Citation *ca = a;
  const Citation *cb = b;

  if (ca->line != cb->line)
    return ca->line < cb->line ? -1 : 1;
  if (ca->offset != cb->offset)
    return ca->offset < cb->offset ? -1 : 1;
  if (ca->start != cb->start)
    return ca->start < cb->start ? -1 : 1;
  return 0;
}

/* Places each citation of the draft on a line of the editor text, as the
 * contract prints it, and sorts them in reading order. */
static GArray *
collect_citations (PlenaryDraft *draft,
                   PlenaryBody  *body,
                   GArray       *lines)
{
  GArray *citations = g_array_new (FALSE, FALSE, sizeof (Citation));
  GListModel *annotations = G_LIST_MODEL (plenary_draft_get_annotations (draft));
  g_autofree char *editor = plenary_clause_printer_print (body,
                                                          plenary_draft_get_kind (draft),
                                                          plenary_draft_get_language (draft),
                                                          PLENARY_PRINT_EDITOR);
  g_auto(GStrv) split = g_strsplit (editor, "\n", -1);
  guint n_split = g_strv_length (split);
  gint64 offset = 0;

  if (n_split > lines->len && split[n_split - 1][0] == '\0')
    n_split--;
  /* The annex and the notes come after the lines of the text. */
  n_split -= MIN (n_split, body->notes->len + (body->annex_heading != NULL ? 1 + body->annex->len : 0));

  if (n_split != lines->len)
    {
      g_warning ("Editor text has %u lines for %u paragraphs; citations not placed",
                 n_split, lines->len);
      return citations;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      gint64 line_length = g_utf8_strlen (split[i], -1);

      line->start = offset;
      line->prefix = MAX (0, line_length - line->length);
      offset += line_length + 1;
    }

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(PlenaryAnnotation) annotation = g_list_model_get_item (annotations, i);
      PlenaryAnchor *anchor = plenary_annotation_get_anchor (annotation);
      Citation citation = { 0 };
      guint lo = 0, hi = lines->len;
      Line *line;

      if (plenary_annotation_get_kind (annotation) != PLENARY_ANNOTATION_CITATION ||
          plenary_annotation_get_orphan (annotation) ||
          anchor == NULL || lines->len == 0 ||
          g_strcmp0 (anchor->target, PLENARY_ANCHOR_TARGET_DRAFT) != 0)
        continue;

      /* The last line starting at or before the end of the anchor. */
      while (hi - lo > 1)
        {
          guint mid = (lo + hi) / 2;

          if (g_array_index (lines, Line, mid).start <= anchor->end)
            lo = mid;
          else
            hi = mid;
        }

      line = &g_array_index (lines, Line, lo);
      citation.line = lo;
      citation.offset = CLAMP (anchor->end - line->start - line->prefix, 0, line->length);
      citation.start = anchor->start;
      citation.annotation = annotation;
      g_array_append_val (citations, citation);
    }

  g_array_sort (citations, compare_citations);

  return citations;
}

static void
add_note (PlenaryPageLayout *self,
          PlenaryDraft      *draft,
          PlenaryAnnotation *annotation,
          guint              number)
{
  const Labels *labels = self->labels;
  PlenaryAnchor *source_anchor = plenary_annotation_get_source_anchor (annotation);
  PlenarySource *source = NULL;
  g_autofree char *digits = g_strdup_printf ("%u", number);
  g_autofree char *spaced = NULL;
  g_autofree char *reference = NULL;
  GString *text = g_string_new (NULL);
  Note note;

  if (source_anchor != NULL)
    source = plenary_draft_find_source (draft, source_anchor->target);

  /* Title, symbol, date and page: "Rapport du Secrétaire général,
   * A/80/123, 12 mars 2025, p. 4". */
  if (source != NULL)
    reference = plenary_source_dup_reference (source, plenary_draft_get_language (draft),
                                              plenary_source_get_page_at (source, source_anchor->start),
                                              labels->unknown_source);

  note.attrs = new_attrs (self);
  append_styled (text, note.attrs, digits, STYLE_SUPER, NOTE_SIZE);
  g_string_append_c (text, '\t');
  g_string_append (text, reference != NULL ? reference : labels->unknown_source);
  if (plenary_annotation_get_show_quote (annotation) &&
      source_anchor != NULL && source_anchor->exact != NULL && source_anchor->exact[0] != '\0')
    g_string_append_printf (text, "%s %s%s%s", labels->colon,
                            labels->quote_open, source_anchor->exact, labels->quote_close);
  g_string_append_c (text, '.');

  spaced = apply_spacing (labels, text->str);
  g_string_free (text, TRUE);
  note.text = g_steal_pointer (&spaced);
  g_array_append_val (self->notes, note);
}

/* "Sources", then one paragraph per source of the draft: its reference as
 * a footnote gives it, and its web address. */
static void
build_sources_list (PlenaryPageLayout *self,
                    PlenaryDraft      *draft)
{
  GListModel *sources = G_LIST_MODEL (plenary_draft_get_sources (draft));
  guint n = g_list_model_get_n_items (sources);
  GString *text;
  PangoAttrList *attrs;
  Block *block;

  if (n == 0)
    return;

  text = g_string_new (NULL);
  attrs = new_attrs (self);
  append_styled (text, attrs, self->labels->sources, STYLE_BOLD, BODY_SIZE);
  block = add_text_block (self, text, attrs);
  block->space_before = 2 * BODY_SIZE;
  block->keep_with_next = TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlenarySource) source = g_list_model_get_item (sources, i);
      g_autofree char *reference = plenary_source_dup_reference (source, plenary_draft_get_language (draft),
                                                                 0, self->labels->unknown_source);
      g_autofree char *spaced = NULL;
      const char *url = plenary_source_get_url (source);

      text = g_string_new (reference);
      if (url[0] != '\0')
        g_string_append_printf (text, ", %s", url);
      g_string_append_c (text, '.');
      spaced = apply_spacing (self->labels, text->str);
      g_string_assign (text, spaced);
      attrs = new_attrs (self);
      block = add_text_block (self, text, attrs);
      block->space_before = BODY_SIZE / 2;
      /* A hanging indent: each source starts at the margin, its wrapped
       * lines (Pango indents them by the negative indent) further in. */
      block->indent = -NOTE_INDENT;
    }
}

/* Unicode's stream-safe text format allows 30 combining marks in a row;
 * HarfBuzz takes time quadratic in a longer run (a line of 100,000 marks
 * took minutes). Marks past the 30th of a run are printed as U+2060 WORD
 * JOINER (invisible): one code point for one, so offsets into the text
 * (citations, the phrase) still hold. Returns TEXT, or a new string. */
#define MAX_MARKS_IN_A_ROW 30

static gboolean
is_mark (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
         type == G_UNICODE_ENCLOSING_MARK;
}

static char *
bound_mark_runs (char *text)
{
  GString *bounded = NULL;
  guint run = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      /* ASCII is never a mark: most text is decoded no further. */
      gunichar c = (guchar) *p < 0x80 ? (guchar) *p : g_utf8_get_char (p);

      run = c >= 0x80 && is_mark (c) ? run + 1 : 0;
      if (run > MAX_MARKS_IN_A_ROW && bounded == NULL)
        bounded = g_string_new_len (text, p - text);
      if (bounded == NULL)
        continue;
      if (run > MAX_MARKS_IN_A_ROW)
        g_string_append_unichar (bounded, 0x2060);
      else
        g_string_append_len (bounded, p, g_utf8_next_char (p) - p);
    }

  if (bounded == NULL)
    return text;
  g_free (text);

  return g_string_free (bounded, FALSE);
}

/* Appends FULL to TEXT with the footnote numbers of CITATIONS (on this line,
 * from *NEXT on) inserted as superscripts; returns the byte index in TEXT
 * where code point PHRASE_END of FULL landed. */
static guint
append_with_marks (GString           *text,
                   PangoAttrList     *attrs,
                   GArray            *marks,
                   const char        *full,
                   gint64             phrase_end,
                   GArray            *citations,
                   guint             *next,
                   guint              line_index)
{
  const char *p = full;
  gint64 cp = 0;
  guint phrase_index = text->len;

  while (*next < citations->len &&
         g_array_index (citations, Citation, *next).line == line_index)
    {
      Citation *citation = &g_array_index (citations, Citation, *next);
      const char *at = g_utf8_offset_to_pointer (p, citation->offset - cp);
      g_autofree char *digits = g_strdup_printf ("%u", *next + 1);
      Mark mark;

      if (phrase_end >= cp && phrase_end <= citation->offset)
        phrase_index = text->len + (g_utf8_offset_to_pointer (p, phrase_end - cp) - p);

      g_string_append_len (text, p, at - p);
      cp = citation->offset;
      p = at;
      mark.index = text->len;
      mark.note = *next;
      append_styled (text, attrs, digits, STYLE_SUPER, BODY_SIZE);
      g_array_append_val (marks, mark);
      (*next)++;
    }

  if (phrase_end >= cp)
    phrase_index = text->len + (g_utf8_offset_to_pointer (p, phrase_end - cp) - p);
  g_string_append (text, p);

  return phrase_index;
}

/* The calls "[^ID]" of the draft's notes in TEXT (built with ATTRS and
 * MARKS) become superscript numbers with their note at the foot of the
 * page; CALLED gets each note printed so. */
static void
mark_draft_notes (PlenaryPageLayout *self,
                  PlenaryBody       *body,
                  GString           *text,
                  PangoAttrList     *attrs,
                  GArray            *marks,
                  GHashTable        *called)
{
  gsize from = 0;
  const char *call;

  while ((call = strstr (text->str + from, "[^")) != NULL)
    {
      gsize at = call - text->str;
      const char *close = strchr (call + 2, ']');
      g_autofree char *id = close != NULL ? g_strndup (call + 2, close - call - 2) : NULL;
      PlenaryNote *note = id != NULL ? plenary_body_find_note (body, id) : NULL;
      gsize call_len, id_len;
      PangoAttribute *attr;
      GString *note_text;
      Note printed;
      Mark mark;

      if (note == NULL || g_hash_table_contains (called, note))
        {
          from = at + 2;
          continue;
        }
      call_len = close + 1 - call;
      id_len = strlen (id);
      g_string_erase (text, at, call_len);
      g_string_insert (text, at, id);
      pango_attr_list_update (attrs, at, call_len, id_len);
      for (guint m = 0; m < marks->len; m++)
        if (g_array_index (marks, Mark, m).index > (int) at)
          g_array_index (marks, Mark, m).index -= call_len - id_len;
      attr = pango_attr_rise_new ((int) (0.35 * BODY_SIZE * PANGO_SCALE));
      attr->start_index = at;
      attr->end_index = at + id_len;
      pango_attr_list_insert (attrs, attr);
      attr = pango_attr_scale_new (0.65);
      attr->start_index = at;
      attr->end_index = at + id_len;
      pango_attr_list_insert (attrs, attr);

      printed.attrs = new_attrs (self);
      note_text = g_string_new (NULL);
      append_styled (note_text, printed.attrs, id, STYLE_SUPER, NOTE_SIZE);
      g_string_append_c (note_text, '\t');
      g_string_append (note_text, note->text);
      printed.text = apply_spacing (self->labels, note_text->str);
      g_string_free (note_text, TRUE);
      g_array_append_val (self->notes, printed);

      mark.index = at;
      mark.note = self->notes->len - 1;
      g_array_append_val (marks, mark);
      g_hash_table_add (called, note);
      from = at + id_len;
    }
}

/* After the text: the notes no call placed on a page (as endnotes), then
 * the annex under its centred heading. */
static void
build_notes_and_annex (PlenaryPageLayout *self,
                       PlenaryBody       *body,
                       GHashTable        *called)
{
  gboolean first = TRUE;

  for (guint i = 0; i < body->notes->len; i++)
    {
      PlenaryNote *note = g_ptr_array_index (body->notes, i);
      PangoAttrList *attrs;
      GString *text;
      Block *block;

      if (g_hash_table_contains (called, note))
        continue;
      if (first)
        add_rule (self, 0.5, 18.0);
      first = FALSE;
      attrs = new_attrs (self);
      text = g_string_new (NULL);
      append_styled (text, attrs, note->id, STYLE_SUPER, NOTE_SIZE);
      g_string_append_c (text, '\t');
      g_string_append (text, note->text);
      block = add_text_block (self, text, attrs);
      block->size = NOTE_SIZE;
      block->indent = -INDENT / 2;
      block->tab = INDENT / 2;
      block->space_before = 3.0;
    }

  if (body->annex_heading != NULL)
    {
      GString *text = g_string_new (body->annex_heading);
      PangoAttrList *attrs = new_attrs (self);
      PangoAttribute *attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      Block *block;

      attr->start_index = 0;
      attr->end_index = text->len;
      pango_attr_list_insert (attrs, attr);
      block = add_text_block (self, text, attrs);
      block->alignment = PANGO_ALIGN_CENTER;
      block->size = 13.0;
      block->space_before = 36.0;
      block->keep_with_next = TRUE;

      for (guint i = 0; i < body->annex->len; i++)
        {
          GString *line = g_string_new (NULL);
          GArray *marks = g_array_new (FALSE, FALSE, sizeof (Mark));
          char *spaced = bound_mark_runs (apply_spacing (self->labels, g_ptr_array_index (body->annex, i)));

          g_string_append (line, spaced);
          g_free (spaced);
          attrs = new_attrs (self);
          mark_draft_notes (self, body, line, attrs, marks, called);
          block = add_text_block (self, line, attrs);
          block->marks = marks;
          block->counted = TRUE;
          block->justify = TRUE;
          block->space_before = PARAGRAPH_SPACE;
        }
    }
}

/* The byte index in a block's text of code point CP of SPACED, the full
 * text appended at PHRASE_START with the footnote numbers of MARKS. */
static guint
marked_index (const char *spaced,
              guint       length,
              guint       phrase_start,
              GArray     *marks,
              guint       cp)
{
  guint index = phrase_start + (g_utf8_offset_to_pointer (spaced, MIN (cp, length)) - spaced);

  for (guint i = 0; i < marks->len; i++)
    {
      Mark *mark = &g_array_index (marks, Mark, i);
      g_autofree char *digits = NULL;

      if ((guint) mark->index > index)
        break;
      digits = g_strdup_printf ("%u", mark->note + 1);
      index += strlen (digits);
    }

  return index;
}

/* Marks the runs (PlenaryTextRun*) of one paragraph on its block's text. */
static void
mark_runs (PangoAttrList *attrs,
           GPtrArray     *runs,
           const char    *spaced,
           guint          phrase_start,
           GArray        *marks)
{
  guint length = g_utf8_strlen (spaced, -1);

  for (guint i = 0; runs != NULL && i < runs->len; i++)
    {
      const PlenaryTextRun *run = g_ptr_array_index (runs, i);
      guint start = marked_index (spaced, length, phrase_start, marks, run->start);
      guint end = marked_index (spaced, length, phrase_start, marks, run->end);
      PangoAttribute *attr[3] = { NULL };

      if (run->style & PLENARY_RUN_INSERTED)
        {
          attr[0] = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
          attr[1] = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
        }
      else if (run->style & PLENARY_RUN_DELETED)
        attr[0] = pango_attr_strikethrough_new (TRUE);
      else if (run->style & PLENARY_RUN_NOTE)
        attr[0] = pango_attr_style_new (PANGO_STYLE_ITALIC);

      for (guint k = 0; k < G_N_ELEMENTS (attr) && attr[k] != NULL; k++)
        {
          attr[k]->start_index = start;
          attr[k]->end_index = end;
          pango_attr_list_insert (attrs, attr[k]);
        }
    }
}

static void
build_body (PlenaryPageLayout    *self,
            PlenaryDraft         *draft,
            PlenaryBody          *body,
            const PlenaryTextRun *runs,
            guint                 n_runs,
            const char           *note)
{
  g_autoptr(GHashTable) runs_by_paragraph = g_hash_table_new_full (NULL, NULL, NULL,
                                                                   (GDestroyNotify) g_ptr_array_unref);
  guint paragraph_index = 0;
  const Labels *labels = self->labels;
  gboolean brief = plenary_draft_get_kind (draft) == PLENARY_DRAFT_KIND_BRIEF;
  const char *language = plenary_draft_get_language (draft);
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_autoptr(GArray) citations = NULL;
  g_autoptr(GHashTable) called = g_hash_table_new (NULL, NULL);
  gboolean first = TRUE;
  guint next = 0;

  if (!brief && body->opening != NULL && body->opening[0] != '\0')
    {
      Line line = { NULL };
      g_array_append_val (lines, line);
    }
  collect_lines (lines, body->paragraphs, 0);

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      g_autofree char *full = line->blank ? g_strdup ("")
                              : line->paragraph != NULL ? plenary_paragraph_dup_full_text (line->paragraph)
                              : g_strdup (body->opening);

      line->length = g_utf8_strlen (full, -1);
    }

  /* Runs by paragraph: key 0 for the opening formula, index + 1 else. */
  for (guint i = 0; i < n_runs; i++)
    {
      gpointer key = GUINT_TO_POINTER (runs[i].paragraph == G_MAXUINT ? 0 : runs[i].paragraph + 1);
      GPtrArray *list = g_hash_table_lookup (runs_by_paragraph, key);

      if (list == NULL)
        g_hash_table_insert (runs_by_paragraph, key, (list = g_ptr_array_new ()));
      g_ptr_array_add (list, (gpointer) &runs[i]);
    }

  if (note != NULL && note[0] != '\0')
    {
      g_autofree char *spaced = apply_spacing (labels, note);
      GString *text = g_string_new (NULL);
      PangoAttrList *attrs = new_attrs (self);
      Block *block;

      append_styled (text, attrs, spaced, STYLE_ITALIC, BODY_SIZE);
      block = add_text_block (self, text, attrs);
      block->alignment = PANGO_ALIGN_CENTER;
      block->space_before = 6.0;
      block->keep_with_next = TRUE;
    }

  citations = collect_citations (draft, body, lines);
  for (guint i = 0; i < citations->len; i++)
    add_note (self, draft, g_array_index (citations, Citation, i).annotation, i + 1);

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      PlenaryParagraph *paragraph = line->paragraph;
      guint run_key = paragraph == NULL ? 0 : line->blank ? G_MAXUINT : ++paragraph_index;

      /* A template's hint left in an older brief is never printed. */
      if (line->blank ||
          (brief && paragraph != NULL && paragraph->role != PLENARY_ROLE_HEADING &&
           plenary_templates_is_hint (language, paragraph->text)))
        continue;

      g_autofree char *full = NULL;
      g_autofree char *spaced = NULL;
      g_autofree char *marker = NULL;
      GString *text = g_string_new (NULL);
      PangoAttrList *attrs = new_attrs (self);
      GArray *marks = g_array_new (FALSE, FALSE, sizeof (Mark));
      gint64 phrase_end = 0;
      guint phrase_start;
      guint phrase_index;
      Block *block;
      PlenaryRole role = paragraph != NULL ? paragraph->role : PLENARY_ROLE_PREAMBULAR;

      if (paragraph != NULL)
        {
          full = plenary_paragraph_dup_full_text (paragraph);
          if (paragraph->phrase != NULL)
            phrase_end = g_utf8_strlen (paragraph->phrase, -1);
        }
      else
        full = g_strdup (body->opening);
      spaced = bound_mark_runs (apply_spacing (labels, full));

      if (role == PLENARY_ROLE_OPERATIVE)
        marker = plenary_clause_marker (language, 0, line->index);
      else if (role == PLENARY_ROLE_SUBPARAGRAPH)
        marker = plenary_clause_marker (language, MIN (line->level, 2), line->index);
      else if (role == PLENARY_ROLE_HEADING && self->options.numbered_headings)
        marker = plenary_clause_marker (language, 0, line->index);
      else if (role == PLENARY_ROLE_BULLET)
        marker = g_strdup ("•");

      if (marker != NULL)
        {
          g_string_append (text, marker);
          g_string_append_c (text, '\t');
        }

      phrase_start = text->len;
      phrase_index = append_with_marks (text, attrs, marks, spaced, phrase_end,
                                        citations, &next, i);
      /* The phrase comes first: calls are after it, where they shift nothing. */
      if (body->notes->len > 0)
        mark_draft_notes (self, body, text, attrs, marks, called);

      if (role == PLENARY_ROLE_HEADING)
        {
          PangoAttribute *attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
          attr->start_index = 0;
          attr->end_index = text->len;
          pango_attr_list_insert (attrs, attr);
        }
      else if (phrase_end > 0)
        {
          PangoAttribute *attr = pango_attr_style_new (PANGO_STYLE_ITALIC);
          attr->start_index = phrase_start;
          attr->end_index = phrase_index;
          pango_attr_list_insert (attrs, attr);
        }

      if (n_runs > 0)
        mark_runs (attrs, g_hash_table_lookup (runs_by_paragraph, GUINT_TO_POINTER (run_key)),
                   spaced, phrase_start, marks);

      block = add_text_block (self, text, attrs);
      block->marks = marks;
      block->counted = TRUE;
      block->justify = TRUE;
      block->space_before = first ? 12.0 : PARAGRAPH_SPACE;
      first = FALSE;

      switch (role)
        {
        case PLENARY_ROLE_PREAMBULAR:
          block->indent = INDENT;
          /* The opening formula never ends a page. */
          block->keep_with_next = paragraph == NULL;
          break;

        case PLENARY_ROLE_OPERATIVE:
          block->indent = -INDENT;
          block->tab = INDENT;
          break;

        case PLENARY_ROLE_SUBPARAGRAPH:
          block->x = INDENT + SUB_INDENT * (MIN (line->level, 2) - 1);
          block->indent = -SUB_INDENT;
          block->tab = SUB_INDENT;
          break;

        case PLENARY_ROLE_HEADING:
          block->justify = FALSE;
          block->size = 13.0;
          block->space_before = 14.0;
          block->keep_with_next = TRUE;
          if (marker != NULL)
            {
              block->indent = -INDENT;
              block->tab = INDENT;
            }
          break;

        case PLENARY_ROLE_BULLET:
          block->x = BULLET_INDENT * MAX (line->level, 1) - BULLET_INDENT;
          block->indent = -BULLET_INDENT;
          block->tab = BULLET_INDENT;
          break;

        case PLENARY_ROLE_PARAGRAPH:
        default:
          block->x = brief ? 0 : INDENT * MIN (line->level, 2);
          break;
        }
    }

  build_notes_and_annex (self, body, called);
}

/* --- measuring ---------------------------------------------------------- */

/* A context of our own, independent of any device: the same pagination for
 * screen preview, printer and PDF, whichever font map measures. */
static PangoContext *
new_context (PangoFontMap *font_map,
             const char   *language)
{
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *font_options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string (language));

  return context;
}

/* FONT is scratch space of the calling thread: its size is changed. */
static PangoLayout *
create_layout (PangoContext         *context,
               PangoFontDescription *font,
               const char           *text,
               PangoAttrList        *attrs,
               double                size,
               double                width)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_font_description_set_size (font, (int)(size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, width > 0 ? (int)(width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  if (attrs != NULL)
    pango_layout_set_attributes (layout, attrs);

  return layout;
}

static void
set_tab (PangoLayout *layout,
         PangoTabAlign align,
         double        position)
{
  PangoTabArray *tabs = pango_tab_array_new (1, FALSE);

  pango_tab_array_set_tab (tabs, 0, align, (int)(position * PANGO_SCALE));
  pango_layout_set_tabs (layout, tabs);
  pango_tab_array_free (tabs);
}

/* Reads only what plenary_page_layout_new() built, so that the shaping
 * thread may call it too, with its own CONTEXT and FONT. */
static PangoLayout *
make_layout (PlenaryPageLayout    *self,
             PangoContext         *context,
             PangoFontDescription *font,
             LayoutKind            kind,
             guint                 index)
{
  PangoLayout *layout;

  if (kind == LAYOUT_NOTE)
    {
      const Note *note = &g_array_index (self->notes, Note, index);

      layout = create_layout (context, font, note->text, note->attrs, NOTE_SIZE, self->text_width);
      pango_layout_set_indent (layout, (int)(-NOTE_INDENT * PANGO_SCALE));
      pango_layout_set_justify (layout, TRUE);
      set_tab (layout, PANGO_TAB_LEFT, NOTE_INDENT);
    }
  else if (kind == LAYOUT_SIDE)
    {
      const Block *block = &g_array_index (self->blocks, Block, index);

      layout = create_layout (context, font, block->side_text, NULL, HEAD_SIZE,
                              self->text_width - block->side_x);
    }
  else
    {
      const Block *block = &g_array_index (self->blocks, Block, index);
      double width = block->width > 0 ? block->width : self->text_width - block->x;

      layout = create_layout (context, font, block->text, block->attrs, block->size, width);
      pango_layout_set_indent (layout, (int)(block->indent * PANGO_SCALE));
      pango_layout_set_alignment (layout, block->alignment);
      pango_layout_set_justify (layout, block->justify);
      if (block->right_tab)
        set_tab (layout, PANGO_TAB_RIGHT, width);
      else if (block->tab > 0)
        set_tab (layout, PANGO_TAB_LEFT, block->tab);
    }

  /* Breaks the lines and caches every line's extents now: afterwards
   * reading sizes and drawing use no font of CONTEXT's font map any more. */
  pango_layout_iter_free (pango_layout_get_iter (layout));

  return layout;
}

static gpointer
cache_key (LayoutKind kind,
           guint      index)
{
  return GUINT_TO_POINTER (index * 3 + kind + 1);
}

/* Takes LAYOUT. */
static void
cache_insert (PlenaryPageLayout *self,
              gpointer           key,
              PangoLayout       *layout)
{
  g_hash_table_insert (self->cache, key, layout);
  g_queue_push_tail (&self->cache_order, key);

  if (self->cache_order.length > CACHE_SIZE)
    g_hash_table_remove (self->cache, g_queue_pop_head (&self->cache_order));
}

/* Every layout of block INDEX: the block's own, its side column and the
 * footnotes of its marks, in this order (see take_shaped()). */
static GPtrArray *
shape_block (PlenaryPageLayout    *self,
             PangoContext         *context,
             PangoFontDescription *font,
             guint                 index)
{
  const Block *block = &g_array_index (self->blocks, Block, index);
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);

  if (block->kind != BLOCK_TEXT)
    return layouts;

  g_ptr_array_add (layouts, make_layout (self, context, font, LAYOUT_BLOCK, index));
  if (block->side_text != NULL)
    g_ptr_array_add (layouts, make_layout (self, context, font, LAYOUT_SIDE, index));
  for (guint m = 0; block->marks != NULL && m < block->marks->len; m++)
    g_ptr_array_add (layouts, make_layout (self, context, font, LAYOUT_NOTE,
                                           g_array_index (block->marks, Mark, m).note));

  return layouts;
}

/* Whether the thread is SHAPE_AHEAD blocks ahead (it goes to sleep), or
 * with HALF, still more than half of them (it sleeps on). */
static gboolean
shaper_ahead (PlenaryPageLayout *self,
              guint              ahead)
{
  Shaper *shaper = self->shaper;
  guint claim = g_atomic_int_get (&shaper->next_claim);

  return claim < self->blocks->len && claim >= (guint) g_atomic_int_get (&shaper->taken) + ahead;
}

static gpointer
shaper_thread (gpointer data)
{
  PlenaryPageLayout *self = data;
  Shaper *shaper = self->shaper;

  while (!g_atomic_int_get (&shaper->cancelled))
    {
      PangoContext *context;
      GPtrArray *layouts;
      guint index = g_atomic_int_get (&shaper->next_claim);

      if (index >= self->blocks->len)
        break;

      if (shaper_ahead (self, SHAPE_AHEAD))
        {
          g_mutex_lock (&shaper->mutex);
          g_atomic_int_set (&shaper->waiting, TRUE);
          while (g_atomic_int_get (&shaper->waiting) && !g_atomic_int_get (&shaper->cancelled) &&
                 shaper_ahead (self, SHAPE_AHEAD / 2))
            g_cond_wait (&shaper->cond, &shaper->mutex);
          g_atomic_int_set (&shaper->waiting, FALSE);
          g_mutex_unlock (&shaper->mutex);
          continue;
        }

      if (!g_atomic_int_compare_and_exchange (&shaper->next_claim, index, index + 1))
        continue;

      /* Checking whether its font map changed, a layout writes to its
       * context, so the two threads must not share one. */
      context = new_context (shaper->font_map, self->language);
      layouts = shape_block (self, context, shaper->font, index);
      g_object_unref (context);

      /* Too late: the paginating thread shaped the block itself. */
      if (!g_atomic_pointer_compare_and_exchange (&shaper->shaped[index], NULL, layouts))
        g_ptr_array_unref (layouts);
    }

  return NULL;
}

/* Font maps of the shaping threads, kept from one layout to the next:
 * Pango never frees all of a font map, and loading the fonts again takes
 * time. A thread has one to itself until it ends. They are kept per font
 * family so that one never holds more fontsets than Pango caches: it would
 * drop fonts that the paginating thread may still hold in its layouts. The
 * key also has the serial of the paginating thread's font map, which
 * changes when fonts are installed: then both threads load them anew (the
 * old font maps stay idle, this is rare). */
G_LOCK_DEFINE_STATIC (idle_font_maps);
static GHashTable *idle_font_maps;

static PangoFontMap *
acquire_font_map (const char *key)
{
  GSList *idle;
  PangoFontMap *font_map = NULL;

  G_LOCK (idle_font_maps);
  if (idle_font_maps == NULL)
    idle_font_maps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  idle = g_hash_table_lookup (idle_font_maps, key);
  if (idle != NULL)
    {
      font_map = idle->data;
      g_hash_table_insert (idle_font_maps, g_strdup (key), g_slist_delete_link (idle, idle));
    }
  G_UNLOCK (idle_font_maps);

  return font_map != NULL ? font_map : pango_cairo_font_map_new ();
}

/* Takes FONT_MAP. */
static void
release_font_map (const char   *key,
                  PangoFontMap *font_map)
{
  G_LOCK (idle_font_maps);
  g_hash_table_insert (idle_font_maps, g_strdup (key),
                       g_slist_prepend (g_hash_table_lookup (idle_font_maps, key), font_map));
  G_UNLOCK (idle_font_maps);
}

static void
shaper_start (PlenaryPageLayout *self)
{
  Shaper *shaper = g_new0 (Shaper, 1);
  guint serial = pango_font_map_get_serial (pango_context_get_font_map (self->context));

  g_mutex_init (&shaper->mutex);
  g_cond_init (&shaper->cond);
  shaper->shaped = g_new0 (gpointer, self->blocks->len);
  shaper->next_claim = self->blocks_made;
  shaper->taken = self->blocks_made;
  shaper->font_map_key = g_strdup_printf ("%u %s", serial, self->options.font_family);
  shaper->font_map = acquire_font_map (shaper->font_map_key);
  shaper->font = pango_font_description_copy (self->font);

  shaper->note_blocks = g_new (guint, self->notes->len);
  for (guint i = 0; i < self->notes->len; i++)
    shaper->note_blocks[i] = G_MAXUINT;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = &g_array_index (self->blocks, Block, i);

      for (guint m = 0; block->marks != NULL && m < block->marks->len; m++)
        shaper->note_blocks[g_array_index (block->marks, Mark, m).note] = i;
    }

  self->shaper = shaper;
  shaper->thread = g_thread_new ("plenary-shaper", shaper_thread, self);
}

static void
shaper_stop (PlenaryPageLayout *self)
{
  Shaper *shaper = self->shaper;

  if (shaper == NULL)
    return;

  g_atomic_int_set (&shaper->cancelled, TRUE);
  g_mutex_lock (&shaper->mutex);
  g_cond_broadcast (&shaper->cond);
  g_mutex_unlock (&shaper->mutex);
  g_thread_join (shaper->thread);
  self->shaper = NULL;

  for (guint i = shaper->taken; i < self->blocks->len; i++)
    if (shaper->shaped[i] != NULL && shaper->shaped[i] != TAKEN)
      g_ptr_array_unref (shaper->shaped[i]);
  g_free (shaper->shaped);
  g_free (shaper->note_blocks);
  release_font_map (shaper->font_map_key, shaper->font_map);
  g_free (shaper->font_map_key);
  pango_font_description_free (shaper->font);
  g_mutex_clear (&shaper->mutex);
  g_cond_clear (&shaper->cond);
  g_free (shaper);
}

/* The layouts of the next block to take, shaped by the thread or here.
 * Never waits for the thread, which may not even get a core on a busy
 * machine: while it shapes the block, this thread shapes the next unclaimed
 * one, or when there is none, the same block, and keeps the first done. */
static GPtrArray *
next_shaped (PlenaryPageLayout *self)
{
  Shaper *shaper = self->shaper;
  guint taken = shaper->taken;
  GPtrArray *layouts;

  while ((layouts = g_atomic_pointer_get (&shaper->shaped[taken])) == NULL)
    {
      guint claim = g_atomic_int_get (&shaper->next_claim);

      if (claim < self->blocks->len && claim < taken + SHAPE_AHEAD)
        {
          if (!g_atomic_int_compare_and_exchange (&shaper->next_claim, claim, claim + 1))
            continue;
        }
      else
        claim = taken;

      layouts = shape_block (self, self->context, self->font, claim);
      if (!g_atomic_pointer_compare_and_exchange (&shaper->shaped[claim], NULL, layouts))
        g_ptr_array_unref (layouts);
    }

  g_atomic_pointer_set (&shaper->shaped[taken], TAKEN);
  g_atomic_int_set (&shaper->taken, taken + 1);

  /* Woken once the thread is less than half its way ahead: a wake-up per
   * block is a system call and a context switch each. */
  if (g_atomic_int_get (&shaper->waiting) && !shaper_ahead (self, SHAPE_AHEAD / 2))
    {
      g_mutex_lock (&shaper->mutex);
      g_atomic_int_set (&shaper->waiting, FALSE);
      g_cond_signal (&shaper->cond);
      g_mutex_unlock (&shaper->mutex);
    }

  return layouts;
}

/* Moves the layouts of every block up to INDEX into the cache, in order.
 * Only this thread changes shaper->taken, so it reads it as it is. */
static void
take_shaped (PlenaryPageLayout *self,
             guint              index)
{
  while (self->shaper->taken <= index)
    {
      guint taken = self->shaper->taken;
      const Block *block = &g_array_index (self->blocks, Block, taken);
      g_autoptr(GPtrArray) layouts = next_shaped (self);
      guint next = 0;

      if (block->kind != BLOCK_TEXT)
        continue;

      cache_insert (self, cache_key (LAYOUT_BLOCK, taken),
                    g_object_ref (g_ptr_array_index (layouts, next++)));
      if (block->side_text != NULL)
        cache_insert (self, cache_key (LAYOUT_SIDE, taken),
                      g_object_ref (g_ptr_array_index (layouts, next++)));
      for (guint m = 0; block->marks != NULL && m < block->marks->len; m++)
        cache_insert (self, cache_key (LAYOUT_NOTE, g_array_index (block->marks, Mark, m).note),
                      g_object_ref (g_ptr_array_index (layouts, next++)));
    }
}

/* A new reference: the cache may drop its own on the next call. */
static PangoLayout *
get_layout (PlenaryPageLayout *self,
            LayoutKind         kind,
            guint              index)
{
  gpointer key = cache_key (kind, index);
  PangoLayout *layout = g_hash_table_lookup (self->cache, key);

  if (layout == NULL && self->shaper != NULL)
    {
      guint block = kind == LAYOUT_NOTE ? self->shaper->note_blocks[index] : index;

      if (block != G_MAXUINT && block >= self->shaper->taken)
        {
          take_shaped (self, block);
          layout = g_hash_table_lookup (self->cache, key);
        }
    }

  /* Before the thread started, or dropped from the cache already (preview
   * going back to an early page). */
  if (layout == NULL)
    {
      layout = make_layout (self, self->context, self->font, kind, index);
      cache_insert (self, key, layout);
      if (kind == LAYOUT_BLOCK)
        self->blocks_made = MAX (self->blocks_made, index + 1);
    }

  return g_object_ref (layout);
}

static void
measure_lines (PangoLayout *layout,
               GArray      *lines)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  g_array_set_size (lines, 0);

  do
    {
      LineInfo info;
      PangoRectangle logical;

      info.line = pango_layout_iter_get_line_readonly (iter);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      info.x = logical.x;
      pango_layout_iter_get_line_yrange (iter, &info.top, &info.bottom);
      info.baseline = pango_layout_iter_get_baseline (iter);
      g_array_append_val (lines, info);
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static double
lines_height (GArray *lines,
              guint   first,
              guint   n)
{
  const LineInfo *a = &g_array_index (lines, LineInfo, first);
  const LineInfo *b = &g_array_index (lines, LineInfo, first + n - 1);

  return (double)(b->bottom - a->top) / PANGO_SCALE;
}

static double
side_height (PlenaryPageLayout *self,
             guint              index)
{
  g_autoptr(PangoLayout) side = get_layout (self, LAYOUT_SIDE, index);
  int height;

  pango_layout_get_size (side, NULL, &height);

  return (double)height / PANGO_SCALE;
}

static double
note_height (PlenaryPageLayout *self,
             guint              note)
{
  g_autoptr(PangoLayout) layout = get_layout (self, LAYOUT_NOTE, note);
  int height;

  pango_layout_get_size (layout, NULL, &height);

  return (double)height / PANGO_SCALE + NOTE_GAP;
}

/* The least height block INDEX needs at the bottom of a page: all of it if
 * it must stay whole or with the next one, else two lines. */
static double
min_height (PlenaryPageLayout *self,
            guint              index)
{
  const Block *block = &g_array_index (self->blocks, Block, index);
  g_autoptr(PangoLayout) layout = NULL;
  double height;
  guint n;

  if (block->kind == BLOCK_RULE)
    return block->space_before + block->rule;

  layout = get_layout (self, LAYOUT_BLOCK, index);
  measure_lines (layout, self->next_lines);
  n = self->next_lines->len;
  if (!block->keep_together && !block->keep_with_next)
    n = MIN (n, 2);
  height = lines_height (self->next_lines, 0, n);
  if (block->side_text != NULL)
    height = MAX (height, side_height (self, index));

  return block->space_before + height;
}

/* Height the blocks after INDEX need on the same page as INDEX. */
static double
following_height (PlenaryPageLayout *self,
                  guint              index)
{
  double height = 0;

  for (guint i = index + 1; i < self->blocks->len; i++)
    {
      height += min_height (self, i);

      if (!g_array_index (self->blocks, Block, i).keep_with_next)
        break;
    }

  return height;
}

/* --- public API --------------------------------------------------------- */

PlenaryPageLayout *
plenary_page_layout_new (PlenaryDraft               *draft,
                         const PlenaryLayoutOptions *options)
{
  return plenary_page_layout_new_marked (draft, options, NULL, 0, NULL);
}

PlenaryPageLayout *
plenary_page_layout_new_marked (PlenaryDraft               *draft,
                                const PlenaryLayoutOptions *options,
                                const PlenaryTextRun       *runs,
                                guint                       n_runs,
                                const char                 *note)
{
  PlenaryPageLayout *self;
  PlenaryMetadata *metadata;
  PlenaryBody *body;
  const char *symbol;
  const char *question;

  g_return_val_if_fail (PLENARY_IS_DRAFT (draft), NULL);

  self = g_object_new (PLENARY_TYPE_PAGE_LAYOUT, NULL);

  if (options != NULL)
    self->options = *options;
  else
    plenary_layout_options_init (&self->options);
  self->options.font_family = g_strdup (self->options.font_family != NULL
                                        ? self->options.font_family
                                        : DEFAULT_FONT);

  switch (self->options.paper)
    {
    case PLENARY_PAPER_LETTER:
      self->page_width = 8.5 * 72.0;
      self->page_height = 11.0 * 72.0;
      break;

    case PLENARY_PAPER_CUSTOM:
      self->page_width = self->options.width;
      self->page_height = self->options.height;
      break;

    case PLENARY_PAPER_A4:
    default:
      self->page_width = 21.0 * CM;
      self->page_height = 29.7 * CM;
      break;
    }

  self->text_width = MAX (72.0, self->page_width - self->options.margin_left - self->options.margin_right);
  self->text_height = MAX (72.0, self->page_height - self->options.margin_top - self->options.margin_bottom);

  self->language = g_strdup (plenary_draft_get_language (draft));
  self->labels = find_labels (self->language);

  /* The thread's default font map keeps the fonts loaded between layouts. */
  self->context = new_context (pango_cairo_font_map_get_default (), self->language);
  self->font = pango_font_description_from_string (self->options.font_family);

  metadata = plenary_draft_get_metadata (draft);
  body = plenary_draft_get_body (draft);
  symbol = plenary_metadata_get_string (metadata, "symbol");
  question = plenary_metadata_get_string (metadata, "question");

  if (plenary_draft_get_kind (draft) == PLENARY_DRAFT_KIND_BRIEF)
    build_brief_heading (self, metadata);
  /* A symbol, a session or an agenda item make an official document: the
   * masthead names its body, session and committee even before it has a
   * symbol. */
  else if (symbol[0] != '\0' ||
           plenary_metadata_get_string (metadata, "session")[0] != '\0' ||
           plenary_metadata_get_string (metadata, "agenda-item")[0] != '\0')
    build_un_heading (self, draft, metadata);
  else
    build_mun_heading (self, metadata);

  build_body (self, draft, body, runs, n_runs, note);
  if (self->options.sources_list && plenary_draft_get_kind (draft) == PLENARY_DRAFT_KIND_BRIEF)
    build_sources_list (self, draft);

  self->title = g_strdup (symbol[0] != '\0' ? symbol :
                          question[0] != '\0' ? question :
                          plenary_metadata_get_string (metadata, "forum"));
  self->author = g_strdup (plenary_metadata_get_string (metadata, "submitted-by"));
  self->subject = g_strdup (question);
  self->footer = g_strdup (symbol[0] != '\0' ? symbol : question);

  return self;
}

void
plenary_page_layout_get_page_size (PlenaryPageLayout *self,
                                   double            *width,
                                   double            *height)
{
  g_return_if_fail (PLENARY_IS_PAGE_LAYOUT (self));

  if (width != NULL)
    *width = self->page_width;
  if (height != NULL)
    *height = self->page_height;
}

const char *
plenary_page_layout_get_title (PlenaryPageLayout *self)
{
  g_return_val_if_fail (PLENARY_IS_PAGE_LAYOUT (self), NULL);

  return self->title;
}

const char *
plenary_page_layout_get_author (PlenaryPageLayout *self)
{
  g_return_val_if_fail (PLENARY_IS_PAGE_LAYOUT (self), NULL);

  return self->author;
}

const char *
plenary_page_layout_get_subject (PlenaryPageLayout *self)
{
  g_return_val_if_fail (PLENARY_IS_PAGE_LAYOUT (self), NULL);

  return self->subject;
}

guint
plenary_page_layout_get_n_pages (PlenaryPageLayout *self)
{
  g_return_val_if_fail (PLENARY_IS_PAGE_LAYOUT (self), 0);

  return self->pages->len;
}

/* Height of the footnotes whose markers are on lines [FIRST, FIRST + N) of
 * BLOCK, MARK_LINES giving the line of each mark. */
static double
notes_height (PlenaryPageLayout *self,
              const Block       *block,
              const guint       *mark_lines,
              guint              first,
              guint              n)
{
  double height = 0;

  if (block->marks == NULL)
    return 0;

  for (guint m = 0; m < block->marks->len; m++)
    if (mark_lines[m] >= first && mark_lines[m] < first + n)
      height += note_height (self, g_array_index (block->marks, Mark, m).note);

  return height;
}

gboolean
plenary_page_layout_paginate_step (PlenaryPageLayout *self)
{
  Page page = { 0 };
  double y = 0;
  double notes = 0;

  g_return_val_if_fail (PLENARY_IS_PAGE_LAYOUT (self), TRUE);

  if (self->done)
    return TRUE;

  page.first_piece = self->pieces->len;
  page.first_note = self->page_notes->len;

  while (self->next_block < self->blocks->len)
    {
      guint index = self->next_block;
      const Block *block = &g_array_index (self->blocks, Block, index);
      gboolean empty = self->pieces->len == page.first_piece;
      double space = (empty || self->next_line > 0) ? 0 : block->space_before;
      g_autoptr(PangoLayout) layout = NULL;
      g_autofree guint *mark_lines = NULL;
      Piece piece = { index, self->next_line, 0, self->next_line_number, y + space };
      guint remaining;
      guint fit = 0;
      double height = 0;

      if (block->kind == BLOCK_RULE)
        {
          if (!empty && y + space + block->rule + following_height (self, index) > self->text_height - notes)
            break;
          piece.n_lines = 1;
          g_array_append_val (self->pieces, piece);
          y += space + block->rule;
          self->next_block++;
          continue;
        }

      layout = get_layout (self, LAYOUT_BLOCK, index);
      measure_lines (layout, self->lines);
      remaining = self->lines->len - self->next_line;

      if (block->marks != NULL && block->marks->len > 0)
        {
          mark_lines = g_new (guint, block->marks->len);
          for (guint m = 0; m < block->marks->len; m++)
            pango_layout_index_to_line_x (layout, g_array_index (block->marks, Mark, m).index,
                                          FALSE, (int *)&mark_lines[m], NULL);
        }

      /* As many lines as fit with their footnotes. */
      while (fit < remaining)
        {
          double lines = lines_height (self->lines, self->next_line, fit + 1);
          double extra = notes_height (self, block, mark_lines, self->next_line, fit + 1);

          if (block->side_text != NULL)
            lines = MAX (lines, side_height (self, index));
          if (extra > 0 && notes == 0)
            extra += NOTE_SEPARATOR;
          if (y + space + lines + notes + extra > self->text_height)
            break;
          fit++;
        }

      if (fit < remaining)
        {
          if (block->keep_together || block->keep_with_next)
            fit = 0;
          else if (self->options.widow_control && remaining >= 2)
            {
              /* No lone first line at the bottom, no lone last line on top. */
              if (remaining - fit == 1)
                fit--;
              if (fit == 1 && self->next_line == 0)
                fit = 0;
            }
        }
      else if (!empty && block->keep_with_next &&
               y + space + lines_height (self->lines, self->next_line, remaining) +
               notes + notes_height (self, block, mark_lines, self->next_line, remaining) +
               following_height (self, index) > self->text_height)
        {
          /* A heading alone at the bottom of a page: carry it over. */
          fit = 0;
        }

      /* A page always takes something, even what does not fit. */
      if (fit == 0 && empty)
        fit = block->keep_together ? remaining : 1;

      if (fit == 0)
        break;

      piece.n_lines = fit;
      g_array_append_val (self->pieces, piece);
      height = lines_height (self->lines, self->next_line, fit);
      if (block->side_text != NULL)
        height = MAX (height, side_height (self, index));
      y += space + height;

      if (block->marks != NULL)
        for (guint m = 0; m < block->marks->len; m++)
          if (mark_lines[m] >= self->next_line && mark_lines[m] < self->next_line + fit)
            {
              guint note = g_array_index (block->marks, Mark, m).note;

              if (notes == 0)
                notes = NOTE_SEPARATOR;
              notes += note_height (self, note);
              g_array_append_val (self->page_notes, note);
            }

      if (block->counted)
        self->next_line_number += fit;

      if (fit == remaining)
        {
          self->next_block++;
          self->next_line = 0;
        }
      else
        {
          self->next_line += fit;
          break;
        }
    }

  page.n_pieces = self->pieces->len - page.first_piece;
  page.n_notes = self->page_notes->len - page.first_note;
  if (page.n_pieces > 0 || self->pages->len == 0)
    g_array_append_val (self->pages, page);

  self->done = self->next_block >= self->blocks->len;
  if (self->done)
    shaper_stop (self);
  else if (self->pages->len == 1)
    {
      /* Only now: the first page never waits for the thread to load its
       * fonts, and a one-page draft needs no thread. */
      shaper_start (self);
    }

  return self->done;
}

void
plenary_page_layout_paginate (PlenaryPageLayout *self)
{
  g_return_if_fail (PLENARY_IS_PAGE_LAYOUT (self));

  while (!plenary_page_layout_paginate_step (self))
    ;
}

/* --- drawing ------------------------------------------------------------ */

static void
draw_lines (cairo_t *cr,
            GArray  *lines,
            guint    first,
            guint    n,
            double   x,
            double   y)
{
  int top = g_array_index (lines, LineInfo, first).top;

  for (guint i = first; i < first + n; i++)
    {
      const LineInfo *info = &g_array_index (lines, LineInfo, i);

      cairo_move_to (cr,
                     x + (double)info->x / PANGO_SCALE,
                     y + (double)(info->baseline - top) / PANGO_SCALE);
      pango_cairo_show_layout_line (cr, info->line);
    }
}

static void
draw_line_numbers (PlenaryPageLayout *self,
                   cairo_t           *cr,
                   PangoLayout       *numbers,
                   const Piece       *piece,
                   double             top)
{
  int first_top = g_array_index (self->lines, LineInfo, piece->first_line).top;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);

  for (guint i = 0; i < piece->n_lines; i++)
    {
      const LineInfo *info = &g_array_index (self->lines, LineInfo, piece->first_line + i);
      char digits[16];
      int width;

      g_snprintf (digits, sizeof digits, "%u", piece->line_number + i);
      pango_layout_set_text (numbers, digits, -1);
      pango_layout_get_size (numbers, &width, NULL);
      cairo_move_to (cr,
                     self->options.margin_left - 10.0 - (double)width / PANGO_SCALE,
                     top + (double)(info->baseline - first_top) / PANGO_SCALE);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (numbers, 0));
    }

  cairo_restore (cr);
}

static PangoLayout *
create_footer_layout (PlenaryPageLayout *self,
                      const char        *text)
{
  PangoLayout *layout = create_layout (self->context, self->font, text, NULL, FOOTER_SIZE,
                                       self->text_width * 0.75);

  pango_layout_set_single_paragraph_mode (layout, TRUE);

  return layout;
}

/* The symbol is shaped once for all pages; only the page number changes. */
static void
draw_footer (PlenaryPageLayout *self,
             cairo_t           *cr,
             guint              page)
{
  char number[16];
  double baseline = self->page_height - self->options.margin_bottom / 2.0;
  int width;

  if (self->footer_layout == NULL)
    {
      self->footer_layout = create_footer_layout (self, self->footer);
      pango_layout_set_ellipsize (self->footer_layout, PANGO_ELLIPSIZE_END);
      self->number_layout = create_footer_layout (self, "");
    }

  cairo_move_to (cr, self->options.margin_left, baseline);
  pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (self->footer_layout, 0));

  g_snprintf (number, sizeof number, "%u", page + 1);
  pango_layout_set_text (self->number_layout, number, -1);
  pango_layout_get_size (self->number_layout, &width, NULL);
  cairo_move_to (cr,
                 self->options.margin_left + self->text_width - (double)width / PANGO_SCALE,
                 baseline);
  pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (self->number_layout, 0));
}

static void
draw_notes (PlenaryPageLayout *self,
            cairo_t           *cr,
            const Page        *page)
{
  double height = NOTE_SEPARATOR;
  double y;

  if (page->n_notes == 0)
    return;

  for (guint i = 0; i < page->n_notes; i++)
    height += note_height (self, g_array_index (self->page_notes, guint, page->first_note + i));

  /* Footnotes sit at the bottom of the text area, under a short rule. */
  y = self->options.margin_top + self->text_height - height;
  cairo_rectangle (cr, self->options.margin_left, y + NOTE_SEPARATOR / 2.0 - 0.25,
                   self->text_width / 4.0, 0.5);
  cairo_fill (cr);
  y += NOTE_SEPARATOR;

  for (guint i = 0; i < page->n_notes; i++)
    {
      guint note = g_array_index (self->page_notes, guint, page->first_note + i);
      g_autoptr(PangoLayout) layout = get_layout (self, LAYOUT_NOTE, note);
      int note_h;

      measure_lines (layout, self->lines);
      draw_lines (cr, self->lines, 0, self->lines->len, self->options.margin_left, y);
      pango_layout_get_size (layout, NULL, &note_h);
      y += (double)note_h / PANGO_SCALE + NOTE_GAP;
    }
}

void
plenary_page_layout_draw_page (PlenaryPageLayout *self,
                               cairo_t           *cr,
                               guint              page_nr)
{
  g_autoptr(PangoLayout) numbers = NULL;
  const Page *page;

  g_return_if_fail (PLENARY_IS_PAGE_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_nr < self->pages->len);

  page = &g_array_index (self->pages, Page, page_nr);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  if (self->options.line_numbers)
    numbers = create_layout (self->context, self->font, "", NULL, SMALL_SIZE, -1);

  for (guint i = 0; i < page->n_pieces; i++)
    {
      const Piece *piece = &g_array_index (self->pieces, Piece, page->first_piece + i);
      const Block *block = &g_array_index (self->blocks, Block, piece->block);
      double x = self->options.margin_left + block->x;
      double y = self->options.margin_top + piece->y;
      g_autoptr(PangoLayout) layout = NULL;

      if (block->kind == BLOCK_RULE)
        {
          cairo_rectangle (cr, self->options.margin_left, y, self->text_width, block->rule);
          cairo_fill (cr);
          continue;
        }

      layout = get_layout (self, LAYOUT_BLOCK, piece->block);
      measure_lines (layout, self->lines);
      if (piece->first_line == 0 && piece->n_lines == self->lines->len)
        {
          /* One renderer pass for a whole paragraph. */
          cairo_move_to (cr, x, y);
          pango_cairo_show_layout (cr, layout);
        }
      else
        draw_lines (cr, self->lines, piece->first_line, piece->n_lines, x, y);

      if (block->side_text != NULL)
        {
          g_autoptr(PangoLayout) side = get_layout (self, LAYOUT_SIDE, piece->block);

          cairo_move_to (cr, self->options.margin_left + block->side_x, y);
          pango_cairo_show_layout (cr, side);
        }

      if (numbers != NULL && block->counted)
        draw_line_numbers (self, cr, numbers, piece, y);
    }

  draw_notes (self, cr, page);
  draw_footer (self, cr, page_nr);

  cairo_restore (cr);
}
