/* plenary-user-phrases.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "plenary-phrase-dictionary.h"

G_BEGIN_DECLS

/* The phrases a user adds to a drafting language, kept in
 * $XDG_DATA_HOME/plenary/phrases/<lang>.json (the format of
 * docs/phrase-dictionaries.md) and merged at once into the dictionary
 * plenary_phrase_dictionary_get_default() returns. */

GFile     *plenary_user_phrases_get_file     (const char          *language);
/* The "entries" of the user's file: a new array, empty when there is none. */
JsonArray *plenary_user_phrases_list         (const char          *language,
                                              GError             **error);
/* FEMININE and EXAMPLE may be NULL or empty. */
gboolean   plenary_user_phrases_add          (const char          *language,
                                              PlenaryPhraseGroup   group,
                                              const char          *phrase,
                                              const char          *feminine,
                                              const char          *example,
                                              GError             **error);
gboolean   plenary_user_phrases_remove       (const char          *language,
                                              const char          *group,
                                              const char          *phrase,
                                              GError             **error);
const char *plenary_phrase_group_to_string   (PlenaryPhraseGroup   group);

G_END_DECLS
