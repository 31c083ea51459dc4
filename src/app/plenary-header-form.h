/* plenary-header-form.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plenary-document.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_HEADER_FORM (plenary_header_form_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryHeaderForm, plenary_header_form, PLENARY, HEADER_FORM, GtkWidget)

/* The header of a draft, edited in place: the question (or topic) as a
 * title, then a compact grid of the other fields, each two-way bound to the
 * draft's PlenaryMetadata. Co-sponsors and signatories are typed as one
 * list separated by commas or new lines. A brief shows only the fields a
 * brief has: committee, delegation, topic, date and page limit.
 *
 * Properties: "document" (PlenaryDocument, read-write; the form follows
 * the document's draft when it is replaced, after loading), "metadata"
 * (PlenaryMetadata, read-only: the one the fields are bound to). */

GtkWidget       *plenary_header_form_new          (void);
PlenaryDocument *plenary_header_form_get_document (PlenaryHeaderForm *self);
void             plenary_header_form_set_document (PlenaryHeaderForm *self,
                                                   PlenaryDocument   *document);
PlenaryMetadata *plenary_header_form_get_metadata (PlenaryHeaderForm *self);

/* "France, Mexique\nSénégal" -> { "France", "Mexique", "Sénégal", NULL }:
 * split at commas, semicolons and new lines, trimmed, empty items dropped. */
char           **plenary_header_form_split_names  (const char        *text);

G_END_DECLS
