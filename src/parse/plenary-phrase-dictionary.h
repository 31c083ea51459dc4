/* plenary-phrase-dictionary.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where a phrase may open a paragraph. CLOSING phrases ("Décide de rester
 * saisi de la question") open the last operative paragraph. */
typedef enum
{
  PLENARY_PHRASE_GROUP_PREAMBULAR,
  PLENARY_PHRASE_GROUP_OPERATIVE,
  PLENARY_PHRASE_GROUP_CLOSING,
} PlenaryPhraseGroup;

typedef enum
{
  PLENARY_GENDER_MASCULINE,
  PLENARY_GENDER_FEMININE,
  PLENARY_GENDER_NEUTER,
} PlenaryGender;

typedef enum
{
  PLENARY_NUMBER_SINGULAR,
  PLENARY_NUMBER_PLURAL,
} PlenaryNumber;

/* One form of a phrase: masculine, feminine, masculine plural, feminine plural. */
typedef enum
{
  PLENARY_FORM_M,
  PLENARY_FORM_F,
  PLENARY_FORM_MP,
  PLENARY_FORM_FP,
} PlenaryForm;

#define PLENARY_PHRASE_DICTIONARY_ERROR (plenary_phrase_dictionary_error_quark ())

typedef enum
{
  PLENARY_PHRASE_DICTIONARY_ERROR_INVALID,
} PlenaryPhraseDictionaryError;

/* ---- PlenaryPhraseEntry: one phrase of the dictionary (immutable) ------- */

#define PLENARY_TYPE_PHRASE_ENTRY (plenary_phrase_entry_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryPhraseEntry, plenary_phrase_entry, PLENARY, PHRASE_ENTRY, GObject)

/* Read-only properties for list item bindings: "phrase" (masculine singular,
 * the canonical form), "group" (PlenaryPhraseGroup as int), "example",
 * "snippet" (what follows the phrase, GtkSourceSnippet syntax). */
const char         *plenary_phrase_entry_get_phrase  (PlenaryPhraseEntry *self);
/* Never NULL: a missing form falls back (fp -> mp -> f -> m, mp -> m, f -> m). */
const char         *plenary_phrase_entry_get_form    (PlenaryPhraseEntry *self,
                                                      PlenaryForm         form);
PlenaryPhraseGroup  plenary_phrase_entry_get_group   (PlenaryPhraseEntry *self);
const char         *plenary_phrase_entry_get_example (PlenaryPhraseEntry *self);
const char         *plenary_phrase_entry_get_snippet (PlenaryPhraseEntry *self);

/* ---- PlenaryPhraseDictionary -------------------------------------------- */

typedef struct
{
  PlenaryPhraseEntry *entry;   /* borrowed from the dictionary */
  PlenaryPhraseGroup  group;
  PlenaryForm         form;    /* which form of the entry matched */
  gsize               length;  /* bytes of the phrase at the start of the text */
} PlenaryPhraseMatch;

#define PLENARY_TYPE_PHRASE_DICTIONARY (plenary_phrase_dictionary_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryPhraseDictionary, plenary_phrase_dictionary, PLENARY, PHRASE_DICTIONARY, GObject)

GQuark                   plenary_phrase_dictionary_error_quark (void);

/* The built-in dictionary of LANGUAGE (GResource
 * /org/plenary/Plenary/phrases/<lang>.json, "fr" for "fr_CA") with the
 * user's $XDG_DATA_HOME/plenary/phrases/<lang>.json merged over it (NULL
 * means French). Cached
 * for the life of the process; never NULL (an unknown language without a
 * user file gives an empty dictionary with default conventions). */
PlenaryPhraseDictionary *plenary_phrase_dictionary_get_default (const char *language);
/* Whether get_default() has LANGUAGE's dictionary already (loading one
 * takes a few milliseconds); FALSE, without waiting, while another thread
 * is loading one. */
gboolean                 plenary_phrase_dictionary_has_default (const char *language);
/* Languages with a dictionary, built in or in the user's data folder,
 * sorted ("en", "fr", …). */
char                   **plenary_phrase_dictionary_list_languages (void);
/* Forgets the cached dictionaries (after the user file changed; tests). */
void                     plenary_phrase_dictionary_clear_cache (void);

PlenaryPhraseDictionary *plenary_phrase_dictionary_new          (const char  *language);
PlenaryPhraseDictionary *plenary_phrase_dictionary_new_from_data (const char *language,
                                                                  const char *data,
                                                                  gssize      length,
                                                                  GError    **error);
/* Merges one more file (same format) over what the dictionary holds:
 * an entry with the same group and phrase, or a body with the same name,
 * replaces the existing one; the others are added. */
gboolean                 plenary_phrase_dictionary_merge_data   (PlenaryPhraseDictionary *self,
                                                                 const char              *data,
                                                                 gssize                   length,
                                                                 GError                 **error);
gboolean                 plenary_phrase_dictionary_load_file    (PlenaryPhraseDictionary *self,
                                                                 const char              *path,
                                                                 GError                 **error);

const char              *plenary_phrase_dictionary_get_language (PlenaryPhraseDictionary *self);

/* Longest phrase at the start of TEXT (NUL-terminated). The first letter is
 * compared without case ("prie instamment" matches), the rest exactly, and
 * the phrase must end at a word boundary. A phrase ending in " de" or " à"
 * also matches without that word (before "du", "des", "d'", "au", "aux"). */
gboolean                 plenary_phrase_dictionary_match        (PlenaryPhraseDictionary *self,
                                                                 const char              *text,
                                                                 PlenaryPhraseMatch      *match);

/* GListModel of PlenaryPhraseEntry in file order (preambular, operative,
 * closing as the file lists them). */
GListModel              *plenary_phrase_dictionary_get_entries  (PlenaryPhraseDictionary *self);
guint                    plenary_phrase_dictionary_count_group  (PlenaryPhraseDictionary *self,
                                                                 PlenaryPhraseGroup       group);
PlenaryPhraseEntry      *plenary_phrase_dictionary_find_entry   (PlenaryPhraseDictionary *self,
                                                                 const char              *phrase);
/* Forgets ENTRY (a phrase the user removed); FALSE if it is not there. */
gboolean                 plenary_phrase_dictionary_remove_entry (PlenaryPhraseDictionary *self,
                                                                 PlenaryPhraseEntry      *entry);

/* Bodies: exact name first, then the longest "prefix" body ("Commission
 * de la condition de la femme" -> "Commission", feminine). */
gboolean                 plenary_phrase_dictionary_lookup_body  (PlenaryPhraseDictionary *self,
                                                                 const char              *name,
                                                                 PlenaryGender           *gender,
                                                                 PlenaryNumber           *number);
/* Names of the bodies that have an opening formula, in file order. */
char                   **plenary_phrase_dictionary_list_bodies  (PlenaryPhraseDictionary *self);
/* "L'Assemblée générale," for "Assemblée générale"; NULL when unknown. */
const char              *plenary_phrase_dictionary_get_opening  (PlenaryPhraseDictionary *self,
                                                                 const char              *body);
/* The body whose opening formula LINE is ("L'Assemblée générale," ->
 * "Assemblée générale"), or NULL. */
const char              *plenary_phrase_dictionary_body_for_opening (PlenaryPhraseDictionary *self,
                                                                     const char              *line);
const char              *plenary_phrase_dictionary_get_default_opening (PlenaryPhraseDictionary *self);

PlenaryForm              plenary_form_for                       (PlenaryGender            gender,
                                                                 PlenaryNumber            number);
/* The form of ENTRY that agrees with a body of GENDER and NUMBER. */
const char              *plenary_phrase_dictionary_agree        (PlenaryPhraseDictionary *self,
                                                                 PlenaryPhraseEntry      *entry,
                                                                 PlenaryGender            gender,
                                                                 PlenaryNumber            number);
/* The agreeing phrase followed by the entry's snippet: ready for
 * gtk_source_snippet_new_parsed(). */
char                    *plenary_phrase_dictionary_dup_snippet  (PlenaryPhraseDictionary *self,
                                                                 PlenaryPhraseEntry      *entry,
                                                                 PlenaryGender            gender,
                                                                 PlenaryNumber            number);

/* The entry's example in the form that agrees with a body of GENDER and
 * NUMBER: "Consciente de l'importance…" becomes "Conscient de l'importance…"
 * under the Conseil de sécurité. */
char                    *plenary_phrase_dictionary_dup_example  (PlenaryPhraseDictionary *self,
                                                                 PlenaryPhraseEntry      *entry,
                                                                 PlenaryGender            gender,
                                                                 PlenaryNumber            number);

/* Drafting conventions of the language, from the file. */
gboolean                 plenary_phrase_dictionary_get_enclosed_markers (PlenaryPhraseDictionary *self);
gboolean                 plenary_phrase_dictionary_get_french_spacing   (PlenaryPhraseDictionary *self);
/* KIND is "preambular", "operative" or "final". */
const char              *plenary_phrase_dictionary_get_ending   (PlenaryPhraseDictionary *self,
                                                                 const char              *kind);
/* Heuristics for phrases the dictionary lacks: the length in bytes of a
 * participle opening ("Se positionnant", "Observing") at the start of TEXT,
 * or 0; and of a conjugated verb opening ("Initie"), or 0. */
gsize                    plenary_phrase_dictionary_participle_length (PlenaryPhraseDictionary *self,
                                                                      const char              *text);
gsize                    plenary_phrase_dictionary_verb_length  (PlenaryPhraseDictionary *self,
                                                                 const char              *text);
/* Whether WORD (LEN bytes) is listed as never opening a phrase ("Face",
 * "Cependant"). */
gboolean                 plenary_phrase_dictionary_is_not_phrase (PlenaryPhraseDictionary *self,
                                                                  const char              *word,
                                                                  gsize                    len);
/* Whether LINE looks like an opening formula ("The Security Council,"). */
gboolean                 plenary_phrase_dictionary_is_opening   (PlenaryPhraseDictionary *self,
                                                                 const char              *line,
                                                                 gsize                    length);

G_END_DECLS
