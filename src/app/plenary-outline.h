/* plenary-outline.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-document.h"

G_BEGIN_DECLS

typedef enum
{
  PLENARY_OUTLINE_OPENING,
  PLENARY_OUTLINE_PREAMBULAR,
  PLENARY_OUTLINE_OPERATIVE,
  PLENARY_OUTLINE_HEADING,    /* a section of a brief */
  PLENARY_OUTLINE_SUBPARAGRAPH,
} PlenaryOutlineKind;

/* ---- PlenaryOutlineItem: one paragraph of the outline --------------------- */

#define PLENARY_TYPE_OUTLINE_ITEM (plenary_outline_item_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryOutlineItem, plenary_outline_item, PLENARY, OUTLINE_ITEM, GObject)

/* Read-only properties for list item bindings: "kind" (PlenaryOutlineKind),
 * "marker" ("3.", "b)", "ii)" for operative paragraphs and their
 * sub-paragraphs, "" otherwise; notifies when paragraphs above are added or
 * removed), "phrase" ("" when none), "words" (the first words after the
 * phrase), "line", "status" (PlenaryParagraphStatus of the paragraph, as
 * the draft has it). */
PlenaryOutlineKind  plenary_outline_item_get_kind   (PlenaryOutlineItem *self);
const char         *plenary_outline_item_get_marker (PlenaryOutlineItem *self);
const char         *plenary_outline_item_get_phrase (PlenaryOutlineItem *self);
const char         *plenary_outline_item_get_words  (PlenaryOutlineItem *self);
/* The 0-based line of the paragraph in the document's buffer. */
guint               plenary_outline_item_get_line   (PlenaryOutlineItem *self);
/* 0 for a paragraph, 1 and 2 for sub-paragraphs. */
guint               plenary_outline_item_get_level  (PlenaryOutlineItem *self);
/* The paragraph's id (plenary_line_index_get_id()), NULL when none yet. */
const char         *plenary_outline_item_get_id     (PlenaryOutlineItem *self);
PlenaryParagraphStatus plenary_outline_item_get_status (PlenaryOutlineItem *self);

/* ---- PlenaryOutline ----------------------------------------------------- */

#define PLENARY_TYPE_OUTLINE (plenary_outline_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryOutline, plenary_outline, PLENARY, OUTLINE, GObject)

/* A GListModel of PlenaryOutlineItem: the opening formula, the preambular
 * and the operative paragraphs of DOCUMENT and their sub-paragraphs
 * (headings in a brief), in text order. It follows the "lines-changed" of the document's line index in
 * idle time and only rebuilds the items of the lines that changed. An
 * item whose paragraph status changes is reported changed too.
 * Properties: "document" (construct-only). */
PlenaryOutline    *plenary_outline_new      (PlenaryDocument   *document);
/* Brings the items up to date now instead of in idle time. */
void               plenary_outline_flush    (PlenaryOutline    *self);

G_END_DECLS
