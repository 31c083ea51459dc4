/* plenary-templates.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "plenary-draft.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_TEMPLATE (plenary_template_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryTemplate, plenary_template, PLENARY, TEMPLATE, GObject)

/* A draft to start from: a built-in one (compiled into the data GResource,
 * e.g. "position-paper-fr") or one the user saved in
 * $XDG_DATA_HOME/plenary/templates/ (id "user:<file name without
 * .plenary.json>").
 *
 * Read-only properties: "id", "title" (translated for built-in templates, the
 * file name for the user's), "kind" (PlenaryDraftKind as int), "language",
 * "file" (GFile, NULL for built-in templates). */

const char       *plenary_template_get_id       (PlenaryTemplate  *self);
const char       *plenary_template_get_title    (PlenaryTemplate  *self);
PlenaryDraftKind  plenary_template_get_kind     (PlenaryTemplate  *self);
const char       *plenary_template_get_language (PlenaryTemplate  *self);
GFile            *plenary_template_get_file     (PlenaryTemplate  *self);
gboolean          plenary_template_is_builtin   (PlenaryTemplate  *self);
/* A new draft made from the template. */
PlenaryDraft     *plenary_template_load         (PlenaryTemplate  *self,
                                                 GError          **error);

/* The templates in LANGUAGE (NULL: every language) of KIND (-1: every
 * kind): built-in ones first, in a fixed order, then the user's, sorted by
 * title. A GListStore of PlenaryTemplate. User files that cannot be read are
 * left out. */
GListStore       *plenary_templates_list        (const char       *language,
                                                 int               kind);
/* Loads a template by id: a built-in id ("briefing-note-en",
 * "resolution-fr") or "user:NAME". */
PlenaryDraft     *plenary_templates_load        (const char       *id,
                                                 GError          **error);
/* $XDG_DATA_HOME/plenary/templates (not created). */
GFile            *plenary_templates_get_user_dir (void);

/* Saves the structure of BRIEF (a brief) as the user template NAME: language,
 * section headings, the metadata that stays the same from one brief to the
 * next (body, committee, delegation, session, distribution, page limit);
 * paragraphs are emptied (one empty paragraph per section; a template hint
 * left in is kept), sources and annotations dropped. The file name is NAME
 * with characters unsafe in file names replaced by "-"; an existing template
 * of that name is replaced. Returns the new template, or NULL with a
 * translated error (NAME empty, or the file could not be written). */
PlenaryTemplate  *plenary_templates_save_structure (PlenaryDraft  *brief,
                                                    const char    *name,
                                                    GError       **error);

/* Whether TEXT (a paragraph's full text; surrounding white space and the
 * kind of spaces do not matter) is one of the hints the built-in templates
 * in LANGUAGE put under their headings. */
gboolean          plenary_templates_is_hint     (const char       *language,
                                                 const char       *text);
/* The hint the built-in templates in LANGUAGE give the section HEADING
 * ("Contexte"), or NULL: shown as a placeholder in an empty section. */
char             *plenary_templates_dup_hint_for_heading (const char *language,
                                                          const char *heading);
/* Empties the hint paragraphs of DRAFT (a brief made from a template): a
 * hint is a placeholder, never text that could be typed into or printed. */
void              plenary_templates_clear_hints (PlenaryDraft     *draft);

G_END_DECLS
