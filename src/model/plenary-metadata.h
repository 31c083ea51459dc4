/* plenary-metadata.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PLENARY_TYPE_METADATA (plenary_metadata_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryMetadata, plenary_metadata, PLENARY, METADATA, GObject)

/* The header of a draft. Every string property is never NULL ("" when unset)
 * and notifies when it changes, so that forms can bind to it. For a brief,
 * "forum" is the committee, "question" the topic and "submitted-by" the
 * delegation.
 *
 * String properties: "body", "forum", "question", "submitted-by", "symbol",
 * "session", "agenda-item", "date", "distribution".
 * Strv properties: "co-sponsors", "signatories".
 * Int property: "page-limit" (0 = none). */

PlenaryMetadata    *plenary_metadata_new            (void);
const char         *plenary_metadata_get_string     (PlenaryMetadata    *self,
                                                     const char         *name);
void                plenary_metadata_set_string     (PlenaryMetadata    *self,
                                                     const char         *name,
                                                     const char         *value);
const char * const *plenary_metadata_get_co_sponsors (PlenaryMetadata   *self);
void                plenary_metadata_set_co_sponsors (PlenaryMetadata   *self,
                                                     const char * const *co_sponsors);
const char * const *plenary_metadata_get_signatories (PlenaryMetadata   *self);
void                plenary_metadata_set_signatories (PlenaryMetadata   *self,
                                                     const char * const *signatories);
guint               plenary_metadata_get_page_limit (PlenaryMetadata    *self);
void                plenary_metadata_set_page_limit (PlenaryMetadata    *self,
                                                     guint               page_limit);
/* Unknown JSON members, kept for round trip; may be NULL. */
JsonObject         *plenary_metadata_get_extra      (PlenaryMetadata    *self);
void                plenary_metadata_set_extra      (PlenaryMetadata    *self,
                                                     JsonObject         *extra);
/* The names of the string properties, in file order, NULL-terminated. */
const char * const *plenary_metadata_list_string_fields (void);

G_END_DECLS
