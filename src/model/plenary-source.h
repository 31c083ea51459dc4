/* plenary-source.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PLENARY_TYPE_SOURCE (plenary_source_get_type ())

G_DECLARE_FINAL_TYPE (PlenarySource, plenary_source, PLENARY, SOURCE, GObject)

/* How a stretch of a source's plain text was formatted in its Markdown or
 * web page: the text keeps no markup, the styles say where headings,
 * emphasis, list items, quotes and table cells were. */
typedef enum
{
  PLENARY_SOURCE_STYLE_HEADING,   /* level: 1 to 6 */
  PLENARY_SOURCE_STYLE_STRONG,
  PLENARY_SOURCE_STYLE_EMPHASIS,
  PLENARY_SOURCE_STYLE_ITEM,      /* level: list depth, 1 = top */
  PLENARY_SOURCE_STYLE_QUOTE,     /* level: quote depth, 1 = top */
  PLENARY_SOURCE_STYLE_CELL,      /* one table cell; level 1 = header cell */
  PLENARY_SOURCE_STYLE_CODE,
  /* Markup left in the text of a Markdown source saved before styles
   * existed: hidden when shown, never stored (plenary_markdown_find_markup). */
  PLENARY_SOURCE_STYLE_MARKUP,
  PLENARY_SOURCE_N_STYLES
} PlenarySourceStyleKind;

typedef struct
{
  gint64                 start;   /* code points in the text, [start, end) */
  gint64                 end;
  PlenarySourceStyleKind kind;
  guint                  level;
} PlenarySourceStyle;

/* The name of KIND in the draft file ("heading"…), and back (-1 if unknown). */
const char    *plenary_source_style_kind_to_string (PlenarySourceStyleKind kind);
int            plenary_source_style_kind_from_string (const char *name);

/* A background document embedded in a draft. Properties: "id" (construct
 * only), "title" (read-write, notifies), "origin" (the file name it came
 * from), "media-type", "text" (full text, valid UTF-8). */

PlenarySource *plenary_source_new             (const char    *id,
                                               const char    *title,
                                               const char    *origin,
                                               const char    *media_type,
                                               const char    *text);
const char    *plenary_source_get_id          (PlenarySource *self);
const char    *plenary_source_get_title       (PlenarySource *self);
void           plenary_source_set_title       (PlenarySource *self,
                                               const char    *title);
const char    *plenary_source_get_origin      (PlenarySource *self);
const char    *plenary_source_get_media_type  (PlenarySource *self);
const char    *plenary_source_get_text        (PlenarySource *self);
/* Code-point offsets in the text where each page starts (PDF sources);
 * empty when the source has no pages. */
const GArray  *plenary_source_get_page_starts (PlenarySource *self);
void           plenary_source_set_page_starts (PlenarySource *self,
                                               const gint64  *starts,
                                               guint          n_starts);
/* 1-based page holding code point OFFSET, or 0 when the source has no pages. */
guint          plenary_source_get_page_at     (PlenarySource *self,
                                               gint64         offset);
/* Styles in the order of their start (PlenarySourceStyle), empty for
 * plain text. */
const GArray  *plenary_source_get_styles      (PlenarySource *self);
void           plenary_source_set_styles      (PlenarySource            *self,
                                               const PlenarySourceStyle *styles,
                                               guint                     n_styles);

/* Details shown in citations and lists of sources; "" when unknown. Each
 * is a property ("author", "date", "symbol", "url") that notifies. DATE
 * is ISO 8601: "2025-03-12", "2025-03" or "2025". SYMBOL is the document
 * symbol ("A/80/123"). */
const char    *plenary_source_get_author      (PlenarySource *self);
void           plenary_source_set_author      (PlenarySource *self,
                                               const char    *author);
const char    *plenary_source_get_date        (PlenarySource *self);
void           plenary_source_set_date        (PlenarySource *self,
                                               const char    *date);
const char    *plenary_source_get_symbol      (PlenarySource *self);
void           plenary_source_set_symbol      (PlenarySource *self,
                                               const char    *symbol);
const char    *plenary_source_get_url         (PlenarySource *self);
void           plenary_source_set_url         (PlenarySource *self,
                                               const char    *url);
/* DATE (ISO 8601, as above) written out in LANGUAGE ("fr", "en", "es"; others
 * as English): "12 mars 2025", "1er mars 2025", "mars 2025", "2025";
 * "12 March 2025". Anything else comes back as it is. */
char          *plenary_source_format_date     (const char    *date,
                                               const char    *language);
/* How a citation names SOURCE in LANGUAGE, for footnotes and lists of
 * sources: author (unless the title names it already), title, symbol,
 * date and, when PAGE > 0, the page, separated by commas: "Rapport du
 * Secrétaire général, A/80/123, 12 mars 2025, p. 4" (no-break space after
 * "p."). UNKNOWN names a source without title or file name. */
char          *plenary_source_dup_reference   (PlenarySource *self,
                                               const char    *language,
                                               guint          page,
                                               const char    *unknown);
/* TRUE when DATE is "", or a valid "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
gboolean       plenary_source_date_is_valid   (const char    *date);

JsonObject    *plenary_source_get_extra       (PlenarySource *self);
void           plenary_source_set_extra       (PlenarySource *self,
                                               JsonObject    *extra);

G_END_DECLS
