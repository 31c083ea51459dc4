/* plenary-import-structure.c
 *
 * The importer's last stage: which block is the masthead, the opening
 * formula, a preambular or operative paragraph, a sub-paragraph (also when
 * its label was lost), a heading, or what follows the resolution.
 *
 * Copyright 2026 The Plenary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-importer"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "plenary-clause-parser.h"
#include "plenary-clause-printer.h"
#include "plenary-importer-private.h"

/* ---- phrases ------------------------------------------------------------------ */

gsize
import_phrase_length (PlenaryPhraseDictionary *dict,
                      const char              *text,
                      PlenaryPhraseGroup      *group,
                      gboolean                *known)
{
  PlenaryPhraseMatch match;
  gsize len;

  if (known != NULL)
    *known = FALSE;
  if (group != NULL)
    *group = PLENARY_PHRASE_GROUP_PREAMBULAR;

  if (plenary_phrase_dictionary_match (dict, text, &match))
    {
      if (known != NULL)
        *known = TRUE;
      if (group != NULL)
        *group = match.group == PLENARY_PHRASE_GROUP_CLOSING ? PLENARY_PHRASE_GROUP_OPERATIVE : match.group;
      /* Only the verb of a closing formula is its phrase ("*Decides* to
       * remain seized of the matter."), as in the editor. */
      if (match.group == PLENARY_PHRASE_GROUP_CLOSING && strlen (text + match.length) <= 1 &&
          (len = plenary_phrase_dictionary_verb_length (dict, text)) > 0 && len < match.length)
        return len;
      return match.length;
    }

  if (!g_unichar_isupper (g_utf8_get_char (text)))
    return 0;
  if ((len = plenary_phrase_dictionary_participle_length (dict, text)) > 0)
    return len;
  if ((len = plenary_phrase_dictionary_verb_length (dict, text)) > 0)
    {
      if (group != NULL)
        *group = PLENARY_PHRASE_GROUP_OPERATIVE;
      return len;
    }

  return 0;
}

gboolean
import_is_opening (PlenaryPhraseDictionary *dict,
                   const char              *text)
{
  g_auto(GStrv) bodies = NULL;
  g_autofree char *folded = NULL;
  gsize len = strlen (text);
  guint words = 1;

  if (len == 0 || len > 200 || (text[len - 1] != ',' && text[len - 1] != ':'))
    return FALSE;
  if (text[len - 1] == ',' && plenary_phrase_dictionary_is_opening (dict, text, len))
    return TRUE;
  /* The cheap tests first: the phrase lookup is most of the time. */
  if (!g_unichar_isupper (g_utf8_get_char (text)) || strstr (text, "Adopt") != NULL)
    return FALSE;
  for (const char *p = text; *p; p++)
    words += *p == ' ';
  if (words > 14 || import_phrase_length (dict, text, NULL, NULL) > 0)
    return FALSE;

  /* "To the 2023 General Assembly of The United Nations,": names a body. */
  folded = g_utf8_casefold (text, -1);
  bodies = plenary_phrase_dictionary_list_bodies (dict);
  for (guint i = 0; bodies[i] != NULL; i++)
    {
      g_autofree char *body = g_utf8_casefold (bodies[i], -1);

      const char *at = strstr (folded, body);

      /* Near the start: "To the 2023 General Assembly …", not a sentence
       * that mentions one. */
      if (at != NULL && at - folded < 40)
        return TRUE;
    }

  return FALSE;
}

/* The Model UN enacting line: "The General Assembly hereby:", "The
 * delegates of Somalia hereby declare:". */
gboolean
import_is_enacting (const char *text)
{
  gsize len = strlen (text);

  if (len == 0 || len > 160 || (text[len - 1] != ':' && text[len - 1] != ','))
    return FALSE;
  /* "Hereby", "hereby", "HEREBY" */
  return strstr (text, "ereby") != NULL || strstr (text, "EREBY") != NULL ||
         strstr (text, "par la présente") != NULL;
}

/* ---- header fields ---------------------------------------------------------- */

static const struct {
  const char *label;   /* casefolded */
  const char *field;
} field_labels[] = {
  { "forum", "forum" },
  { "commission", "forum" },
  { "committee", "forum" },
  { "comité", "forum" },
  { "organ", "forum" },
  { "question", "question" },
  { "topic", "question" },
  { "sujet", "question" },
  { "title", "question" },
  { "titre", "question" },
  { "soumis par", "submitted-by" },
  { "présenté par", "submitted-by" },
  { "submitted by", "submitted-by" },
  { "sponsor", "submitted-by" },
  { "sponsors", "submitted-by" },
  { "main submitter", "submitted-by" },
  { "submitter", "submitted-by" },
  { "auteur", "submitted-by" },
  { "délégation", "submitted-by" },
  { "delegation", "submitted-by" },
  { "co-auteurs", "co-sponsors" },
  { "coauteurs", "co-sponsors" },
  { "co-sponsors", "co-sponsors" },
  { "cosponsors", "co-sponsors" },
  { "co-submitters", "co-sponsors" },
  { "co-submitter", "co-sponsors" },
  { "co-signataires", "signatories" },
  { "cosignataires", "signatories" },
  { "signataires", "signatories" },
  { "signatories", "signatories" },
  { "cote", "symbol" },
  { "symbole", "symbol" },
  { "symbol", "symbol" },
  { "session", "session" },
  { "point de l'ordre du jour", "agenda-item" },
  { "point de l’ordre du jour", "agenda-item" },
  { "agenda item", "agenda-item" },
  { "agenda_item", "agenda-item" },
  { "date", "date" },
  { "organe", "body" },
  { "body", "body" },
};

static const char *
field_for_label (const char *label,
                 gssize      len)
{
  g_autofree char *copy = g_strndup (label, len < 0 ? strlen (label) : (gsize) len);
  g_autoptr(GString) plain = g_string_new (g_strstrip (copy));
  g_autofree char *folded = NULL;

  g_string_replace (plain, "*", "", 0);
  g_string_replace (plain, "_", " ", 0);
  g_string_replace (plain, "\xc2\xa0", " ", 0);
  g_string_replace (plain, "\xe2\x80\xaf", " ", 0);
  g_strstrip (plain->str);
  folded = g_utf8_casefold (plain->str, -1);
  if (g_str_equal (folded, "agenda item"))
    return "agenda-item";

  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (strcmp (folded, field_labels[i].label) == 0)
      return field_labels[i].field;

  return NULL;
}

/* "**Forum :** Conseil", "Forum: Conseil", "Topic: …" */
gboolean
import_match_field (const char  *text,
                    char       **field,
                    char       **value)
{
  g_autoptr(GString) plain = g_string_new (text);
  const char *colon;
  const char *name;

  g_string_replace (plain, "**", "", 0);
  g_string_replace (plain, "__", "", 0);

  if ((colon = strchr (plain->str, ':')) == NULL || colon - plain->str > 40)
    return FALSE;
  if ((name = field_for_label (plain->str, colon - plain->str)) == NULL)
    return FALSE;

  *field = g_strdup (name);
  *value = g_strstrip (g_strdup (colon + 1));
  return TRUE;
}

gboolean
import_field_is_empty (PlenaryMetadata *metadata,
                       const char      *field)
{
  if (strcmp (field, "co-sponsors") == 0)
    return plenary_metadata_get_co_sponsors (metadata)[0] == NULL;
  if (strcmp (field, "signatories") == 0)
    return plenary_metadata_get_signatories (metadata)[0] == NULL;
  return plenary_metadata_get_string (metadata, field)[0] == '\0';
}

void
import_set_field (PlenaryMetadata *metadata,
                  const char      *field,
                  const char      *value)
{
  if (strcmp (field, "co-sponsors") == 0 || strcmp (field, "signatories") == 0)
    {
      g_auto(GStrv) parts = g_regex_split_simple ("\\s*[,;]\\s*", value, 0, 0);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) names = NULL;

      for (guint i = 0; parts[i] != NULL; i++)
        if (parts[i][0] != '\0')
          g_strv_builder_add (builder, parts[i]);
      names = g_strv_builder_end (builder);

      if (strcmp (field, "co-sponsors") == 0)
        plenary_metadata_set_co_sponsors (metadata, (const char * const *) names);
      else
        plenary_metadata_set_signatories (metadata, (const char * const *) names);
    }
  else
    {
      g_autofree char *bare = g_strstrip (g_strdup (value));
      gsize len = strlen (bare);

      /* YAML's quotes ("title: \"…\"") are not the value's, nor a library
       * catalogue's " :" before a subtitle that is not there. */
      if (len >= 2 && ((bare[0] == '"' && bare[len - 1] == '"') || (bare[0] == '\'' && bare[len - 1] == '\'')))
        {
          memmove (bare, bare + 1, len - 2);
          bare[len - 2] = '\0';
          g_strstrip (bare);
        }
      len = strlen (bare);
      if (len >= 2 && bare[len - 1] == ':' && bare[len - 2] == ' ')
        {
          bare[len - 1] = '\0';
          g_strchomp (bare);
        }
      plenary_metadata_set_string (metadata, field, bare);
    }
}

/* "Sponsor: Somalia Delegate: … Topic: Social … School: …": every known
 * label of a Model UN box line. */
static gboolean
read_box_fields (PlenaryMetadata *metadata,
                 const char      *text)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean found = FALSE;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("(?:^|\\s)(\\*{0,2}[\\p{L}][\\p{L}' _-]{1,30}?\\*{0,2})\\s*:",
                                            G_REGEX_OPTIMIZE, 0, NULL));

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      int s, e;

      g_match_info_fetch_pos (match, 1, &s, &e);
      g_array_append_val (starts, s);
      g_array_append_val (starts, e);
      g_match_info_next (match, NULL);
    }

  for (guint i = 0; i + 1 < starts->len; i += 2)
    {
      int s = g_array_index (starts, int, i);
      int e = g_array_index (starts, int, i + 1);
      int next = i + 2 < starts->len ? g_array_index (starts, int, i + 2) : (int) strlen (text);
      const char *field = field_for_label (text + s, e - s);
      const char *colon = strchr (text + e, ':');
      g_autofree char *value = NULL;

      if (field == NULL || colon == NULL)
        continue;
      value = g_strndup (colon + 1, text + next - (colon + 1));
      g_strstrip (value);
      /* "Canada 2": the page number printed after the box. */
      if (strlen (value) > 2 && g_ascii_isdigit (value[strlen (value) - 1]) && value[strlen (value) - 2] == ' ')
        {
          value[strlen (value) - 2] = '\0';
          g_strstrip (value);
        }
      if (value[0] != '\0' && import_field_is_empty (metadata, field))
        import_set_field (metadata, field, value);
      found = TRUE;
    }

  return found;
}

/* ---- masthead ------------------------------------------------------------------- */

static gboolean
is_symbol_text (const char *text)
{
  return (text[0] == 'A' || text[0] == 'S' || text[0] == 'E') && text[1] == '/' &&
         g_ascii_isalnum (text[2]) && strchr (text, ' ') == NULL;
}

static GRegex *
date_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("\\b\\d{1,2}(?:er)?\\s+\\p{L}+\\s+\\d{4}\\b", G_REGEX_OPTIMIZE, 0, NULL));
  return regex;
}

static gboolean
is_date (const char *text)
{
  return g_regex_match_simple ("^\\d{1,2}(?:er)?\\s+\\p{L}+\\s+\\d{4}$", text, 0, 0);
}

/* "Albania, France and United Kingdom …: draft resolution" */
static char *
sponsor_line (const char *text)
{
  static const char *tails[] = { ": draft resolution", ": projet de résolution",
                                 ":draft resolution", ": draft decision", ": projet de décision" };

  for (guint i = 0; i < G_N_ELEMENTS (tails); i++)
    if (g_str_has_suffix (text, tails[i]))
      return g_strstrip (g_strndup (text, strlen (text) - strlen (tails[i])));

  return NULL;
}

static void
read_masthead (PlenaryMetadata *metadata,
               ImportBlock     *block,
               gboolean        *after_distribution,
               GPtrArray       *report)
{
  const char *text = block->text->str;
  g_autofree char *field = NULL;
  g_autofree char *value = NULL;
  g_autofree char *sponsors = NULL;

  if (import_match_field (text, &field, &value) && value[0] != '\0')
    {
      if (g_str_has_prefix (field, "date") && !is_date (value))
        return;
      if (import_field_is_empty (metadata, field))
        import_set_field (metadata, field, value);
      return;
    }
  if (read_box_fields (metadata, text))
    return;

  if (is_symbol_text (text) && plenary_metadata_get_string (metadata, "symbol")[0] == '\0')
    {
      g_autofree char *symbol = g_strdup (text);
      char *space = strstr (symbol, "  ");

      if (space != NULL)
        *space = '\0';
      plenary_metadata_set_string (metadata, "symbol", g_strstrip (symbol));
      return;
    }

  if (strstr (text, "Distr.") != NULL || g_str_has_prefix (text, "Distr "))
    {
      const char *rest = strstr (strstr (text, "Distr"), "General");

      *after_distribution = TRUE;
      if (rest == NULL)
        rest = strstr (text, "générale");
      /* "Distr.: General 29 May 2020" on one line */
      if (rest != NULL)
        {
          g_autoptr(GMatchInfo) match = NULL;

          if (g_regex_match_simple ("\\d", rest, 0, 0) &&
              g_regex_match (date_regex (), rest, 0, &match) &&
              plenary_metadata_get_string (metadata, "date")[0] == '\0')
            {
              g_autofree char *date = g_match_info_fetch (match, 0);

              plenary_metadata_set_string (metadata, "date", date);
            }
        }
      return;
    }
  if (*after_distribution && is_date (text) && plenary_metadata_get_string (metadata, "date")[0] == '\0')
    {
      plenary_metadata_set_string (metadata, "date", text);
      return;
    }

  if ((sponsors = sponsor_line (text)) != NULL && sponsors[0] != '\0' &&
      plenary_metadata_get_string (metadata, "submitted-by")[0] == '\0')
    {
      plenary_metadata_set_string (metadata, "submitted-by", sponsors);
      return;
    }

  import_report (report, block->first, _("Header line kept out of the text"), text);
}

/* ---- the end of the text ---------------------------------------------------------- */

static gboolean
is_adoption (const char *text)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       g_regex_new ("^(?:Adopted\\b|Adopt[ée]e?s?\\b|Unanimously adopted|"
                                    "\\d+(?:st|nd|rd|th)\\s+(?:plenary\\s+)?meeting|"
                                    "\\d+e\\s+séance|Vote\\s*:|Votes?\\s+(?:for|in favour)\\b)",
                                    G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, NULL));

  return g_regex_match (regex, text, 0, NULL);
}

/* ---- notes and annex -------------------------------------------------------------- */

/* A footnote block -> a note of BODY: "1 S/2015/544.", "[^2]: text",
 * "_____ 3 text". Without a number of its own, the next one. */
static void
add_note (PlenaryBody *body,
          const char  *text,
          char        *given_id)
{
  g_autofree char *id = given_id;
  gsize id_start, id_len, skip = 0;
  guint digits = 0;

  while (*text == '_' || *text == ' ')
    text++;
  if (id != NULL)
    ;
  else if ((skip = plenary_clause_scan_note (text, strlen (text), &id_start, &id_len)) > 0)
    {
      id = g_strndup (text + id_start, id_len);
      text += skip;
    }
  else
    {
      while (g_ascii_isdigit (text[digits]) && digits < 4)
        digits++;
      if (digits > 0 && (text[digits] == ' ' || text[digits] == '\t' || text[digits] == '/'))
        {
          id = g_strndup (text, digits);
          text += digits + (text[digits] == '/');
          while (*text == ' ' || *text == '\t')
            text++;
        }
      else
        id = g_strdup_printf ("%u", body->notes->len + 1);
    }
  if (*text == '\0')
    return;
  /* Notes run together on one line: "S/PRST/2004/36. 55 S/2004/777." */
  if (digits > 0)
    {
      guint following = (guint) g_ascii_strtoull (id, NULL, 10) + 1;
      g_autofree char *one = g_strdup_printf (". %u ", following);
      g_autofree char *two = g_strdup_printf (".  %u ", following);
      const char *split = strstr (text, one);

      if (split == NULL && (split = strstr (text, two)) != NULL)
        split++;
      if (split != NULL)
        {
          g_autofree char *first = g_strndup (text, split + 1 - text);

          plenary_body_add_note (body, id, g_strchomp (first));
          add_note (body, split + 2, NULL);
          return;
        }
    }
  /* A note cut by a page break goes on under the same number. */
  if (body->notes->len > 0 && digits == 0 && skip == 0 && given_id == NULL && !g_unichar_isupper (g_utf8_get_char (text)))
    {
      PlenaryNote *last = g_ptr_array_index (body->notes, body->notes->len - 1);
      char *joined = g_strconcat (last->text, " ", text, NULL);

      g_free (last->text);
      last->text = joined;
      return;
    }
  {
    g_autofree char *trimmed = g_strchomp (g_strdup (text));

    plenary_body_add_note (body, id, trimmed);
  }
}

/* The call of note ID glued to a word or a closing mark in TEXT from FROM
 * ("(2015)1,", "peace,1", "Council1 "): its byte offset, or -1. */
static gssize
find_call (const char *text,
           gsize       from,
           const char *id)
{
  gsize id_len = strlen (id);

  for (const char *p = strstr (text + from, id); p != NULL; p = strstr (p + 1, id))
    {
      char before = p > text ? p[-1] : ' ';
      char after = p[id_len];

      if (p == text || g_ascii_isdigit (before) || g_ascii_isdigit (after) || g_ascii_isalpha (after))
        continue;
      if (!(g_ascii_isalpha (before) || strchr (").,;:\"", before) != NULL ||
            (guchar) before >= 0x80))
        continue;
      /* "Council1" but not "A/RES/1" nor "S-1" nor "2 1". */
      return p - text;
    }
  return -1;
}

static void
collect_texts (GPtrArray *paragraphs,
               GPtrArray *into)
{
  for (guint i = 0; i < paragraphs->len; i++)
    {
      PlenaryParagraph *paragraph = g_ptr_array_index (paragraphs, i);

      g_ptr_array_add (into, &paragraph->text);
      collect_texts (paragraph->children, into);
    }
}

/* The calls of the notes in the text become "[^ID]", in order: each one is
 * looked for after the call before it. */
static void
mark_note_calls (PlenaryBody *body)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  guint at = 0;
  gsize from = 0;

  collect_texts (body->paragraphs, texts);
  for (guint i = 0; i < body->annex->len; i++)
    g_ptr_array_add (texts, &body->annex->pdata[i]);

  for (guint n = 0; n < body->notes->len; n++)
    {
      PlenaryNote *note = g_ptr_array_index (body->notes, n);

      for (guint t = at; t < texts->len; t++)
        {
          char **text = g_ptr_array_index (texts, t);
          gssize call = find_call (*text, t == at ? from : 0, note->id);
          g_autofree char *old = NULL;

          if (call < 0)
            continue;
          old = *text;
          *text = g_strdup_printf ("%.*s[^%s]%s", (int) call, old, note->id, old + call + strlen (note->id));
          at = t;
          from = call + strlen (note->id) + 3;
          break;
        }
    }
}

static void
add_to_annex (PlenaryBody       *body,
              const ImportBlock *block)
{
  const char *text = block->text->str;

  switch (block->label)
    {
    case LABEL_NUMBER:
    case LABEL_BARE:
      g_ptr_array_add (body->annex, g_strdup_printf ("%u. %s", block->number, text));
      break;
    case LABEL_LETTER:
    case LABEL_GARBLED:
      g_ptr_array_add (body->annex, g_strdup_printf ("(%c) %s", 'a' + (block->number - 1) % 26, text));
      break;
    case LABEL_ROMAN:
      {
        g_autofree char *roman = plenary_clause_roman (block->roman);

        g_ptr_array_add (body->annex, g_strdup_printf ("(%s) %s", roman != NULL ? roman : "i", text));
      }
      break;
    case LABEL_DASH:
      g_ptr_array_add (body->annex, g_strdup_printf ("- %s", text));
      break;
    case LABEL_NONE:
    default:
      g_ptr_array_add (body->annex, g_strdup (text));
      break;
    }
}

/* ---- structure ------------------------------------------------------------------ */

typedef struct
{
  PlenaryPhraseDictionary *dict;
  PlenaryBody             *body;
  GPtrArray               *report;
  PlenaryParagraph        *last_top;     /* last preambular/operative paragraph */
  PlenaryParagraph        *op;           /* last operative paragraph */
  PlenaryParagraph        *sub;          /* its last level-1 sub-paragraph */
  LabelKind                sub_kind;     /* label of the level-1 sub-paragraphs */
  guint                    last_letter;  /* index of the last level-1 letter */
  gboolean                 sub_labelled; /* the last level-2 item had a label */
  gboolean                 operative;    /* the operative part has begun */
  gboolean                 numbered;     /* operative paragraphs carry numbers */
  guint                    operatives;
  GArray                  *unnumbered;   /* source lines of operative paragraphs without one */
  PlenaryParagraph        *lost;         /* a paragraph ending in ":" whose items lost their labels */
  guint                    lost_level;
} Builder;

static gboolean
text_ends_with (const char *text,
                const char *suffix)
{
  gsize len = strlen (text);

  while (len > 0 && text[len - 1] == ' ')
    len--;
  return len > 0 && text[len - 1] == suffix[0];
}

static void
set_phrase (Builder          *b,
            PlenaryParagraph *paragraph,
            const ImportBlock *block,
            gsize             phrase_len)
{
  const char *text = block->text->str;

  /* Markdown italics say exactly where the phrase ends. */
  if (block->emphasis != NULL && block->emphasis[0] != '\0' && g_str_has_prefix (text, block->emphasis))
    {
      gsize len = strlen (block->emphasis);

      if (text[len] == '\0' || text[len] == ' ' || text[len] == ',')
        phrase_len = len;
    }

  /* A phrase no rule knows, as students write them ("Acknowledgable"):
   * the first word. */
  if (phrase_len == 0 && g_unichar_isupper (g_utf8_get_char (text)))
    {
      const char *p = text;

      while (*p != '\0' && g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p - text >= 3 && (*p == ' ' || *p == '\0') &&
          !plenary_phrase_dictionary_is_not_phrase (b->dict, text, p - text))
        {
          phrase_len = p - text;
          import_report (b->report, block->first, _("Phrase not in the dictionary, taken as written"),
                         paragraph->text);
        }
    }

  if (phrase_len == 0)
    return;

  g_free (paragraph->phrase);
  paragraph->phrase = g_strndup (text, phrase_len);
  g_free (paragraph->text);
  paragraph->text = g_strdup (text[phrase_len] == ' ' ? text + phrase_len + 1 : text + phrase_len);
}

static PlenaryParagraph *
add_top (Builder           *b,
         PlenaryRole        role,
         const ImportBlock *block,
         gsize              phrase_len)
{
  g_autoptr(PlenaryParagraph) paragraph = plenary_paragraph_new (role, NULL, block->text->str);

  if (role == PLENARY_ROLE_PREAMBULAR || role == PLENARY_ROLE_OPERATIVE)
    set_phrase (b, paragraph, block, phrase_len);
  plenary_body_append (b->body, paragraph);

  if (role == PLENARY_ROLE_PREAMBULAR || role == PLENARY_ROLE_OPERATIVE)
    b->last_top = paragraph;
  if (role == PLENARY_ROLE_OPERATIVE)
    {
      b->op = paragraph;
      b->sub = NULL;
      b->sub_kind = LABEL_NONE;
      b->last_letter = 0;
      b->operative = TRUE;
      b->lost = NULL;
    }

  return paragraph;
}

static void
add_sub (Builder           *b,
         guint              level,
         LabelKind          kind,
         const ImportBlock *block)
{
  g_autoptr(PlenaryParagraph) paragraph = plenary_paragraph_new (PLENARY_ROLE_SUBPARAGRAPH, NULL, block->text->str);

  if (level == 2 && b->sub != NULL)
    {
      plenary_paragraph_append_child (b->sub, paragraph);
      b->sub_labelled = kind != LABEL_NONE;
    }
  else
    {
      plenary_paragraph_append_child (b->op, paragraph);
      b->sub = paragraph;
      b->sub_labelled = FALSE;
      if (kind != LABEL_NONE || b->sub_kind == LABEL_NONE)
        b->sub_kind = kind;
    }
}

/* Text that belongs to the paragraph before it. */
static void
append_to (PlenaryParagraph *paragraph,
           const char       *text)
{
  char *joined = g_strconcat (paragraph->text, paragraph->text[0] != '\0' ? " " : "", text, NULL);

  g_free (paragraph->text);
  paragraph->text = joined;
}

static PlenaryParagraph *
last_paragraph (Builder *b)
{
  PlenaryParagraph *paragraph = b->sub != NULL ? b->sub : b->last_top;

  if (b->sub != NULL && b->sub->children->len > 0)
    paragraph = g_ptr_array_index (b->sub->children, b->sub->children->len - 1);
  return paragraph;
}

/* "Annex Awaza Political Declaration", "ANNEXE": the length of the word
 * (and of a number after it, "Annex II"), or 0. */
static gsize
annex_word (const char *text)
{
  static const char * const words[] = { "Annexe", "ANNEXE", "Annex", "ANNEX", NULL };

  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize len = strlen (words[i]);

      if (strncmp (text, words[i], len) != 0 || (text[len] != ' ' && text[len] != '\0'))
        continue;
      if (text[len] == ' ')
        {
          gsize number = strspn (text + len + 1, "IVXLC0123456789");

          if (number > 0 && (text[len + 1 + number] == ' ' || text[len + 1 + number] == '\0'))
            len += 1 + number;
        }
      return len;
    }
  return 0;
}

/* TEXT ends on a word no sentence ends on: a conjunction, a preposition
 * or an article ("and", "of the", « et », « de la »). */
static gboolean
ends_mid_sentence (const char *text)
{
  static const char * const words[] = {
    "and", "or", "of", "the", "a", "an", "to", "in", "on", "for", "with", "by", "at", "from",
    "et", "ou", "de", "des", "du", "la", "le", "les", "à", "au", "aux", "en", "par", "pour", "sur", "dans", "avec", NULL
  };
  const char *end = text + strlen (text);
  const char *start = end;

  while (start > text && start[-1] != ' ')
    start--;
  /* "…the same; and": the last but one paragraph of a list ends so. */
  if (start - text < 2 || strchr (",;:.", start[-2]) != NULL)
    return FALSE;
  for (guint i = 0; words[i] != NULL; i++)
    if ((gsize) (end - start) == strlen (words[i]) && memcmp (start, words[i], end - start) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_closing (PlenaryPhraseDictionary *dict,
            const char              *text)
{
  PlenaryPhraseMatch match;

  return plenary_phrase_dictionary_match (dict, text, &match) && match.group == PLENARY_PHRASE_GROUP_CLOSING;
}

static gboolean
looks_like_heading (Builder           *b,
                    const ImportBlock *block,
                    const ImportBlock *next)
{
  const char *text = block->text->str;
  gboolean known = FALSE;
  guint words = 1;

  if (block->heading)
    return TRUE;
  if (block->label != LABEL_NONE || next == NULL || text_ends_with (text, ",") ||
      text_ends_with (text, ";") || text_ends_with (text, ".") || text_ends_with (text, ":"))
    return FALSE;
  if (!g_unichar_isupper (g_utf8_get_char (text)))
    return FALSE;
  for (const char *p = text; *p; p++)
    words += *p == ' ';
  if (words > 12)
    return FALSE;
  import_phrase_length (b->dict, text, NULL, &known);
  if (known)
    return FALSE;
  /* What follows a heading is a paragraph. */
  return next->label == LABEL_NUMBER || next->heading ||
         import_phrase_length (b->dict, next->text->str, NULL, NULL) > 0;
}

PlenaryBody *
import_structure (PlenaryPhraseDictionary *dict,
                  GPtrArray               *blocks,
                  PlenaryMetadata         *metadata,
                  GPtrArray               *report)
{
  g_autoptr(PlenaryBody) body = plenary_body_new ();
  g_autoptr(GArray) unnumbered = g_array_new (FALSE, FALSE, sizeof (guint));
  Builder b = { dict, body, report };
  g_autofree char *note_id = NULL;
  gboolean after_distribution = FALSE;
  gboolean ended = FALSE;
  guint start = blocks->len;

  b.unnumbered = unnumbered;

  /* The masthead runs to the opening formula, or to the first paragraph
   * when there is none. */
  for (guint i = 0; i < blocks->len; i++)
    {
      ImportBlock *block = g_ptr_array_index (blocks, i);
      const char *text = block->text->str;
      gboolean known = FALSE;
      PlenaryPhraseGroup group;

      if (block->footnote || block->heading)
        continue;
      if (import_is_opening (dict, text))
        {
          plenary_body_set_opening (body, text);
          start = i + 1;
          break;
        }
      if (import_phrase_length (dict, text, &group, &known) > 0 && known && !block->boxed)
        {
          start = i;
          break;
        }
    }

  /* Without an opening formula, paragraphs ending with "," just before
   * the first phrase are preambular ones with a phrase no rule knows. */
  if (body->opening == NULL)
    while (start > 0 && start < blocks->len)
      {
        ImportBlock *block = g_ptr_array_index (blocks, start - 1);

        g_autofree char *field = NULL;
        g_autofree char *value = NULL;

        if (block->heading || block->footnote || block->boxed || !text_ends_with (block->text->str, ",") ||
            import_match_field (block->text->str, &field, &value))
          break;
        start--;
      }

  for (guint i = 0; i < MIN (start, blocks->len); i++)
    {
      ImportBlock *block = g_ptr_array_index (blocks, i);

      if (!block->footnote && !import_is_opening (dict, block->text->str))
        read_masthead (metadata, block, &after_distribution, report);
    }

  for (guint i = start; i < blocks->len; i++)
    {
      ImportBlock *block = g_ptr_array_index (blocks, i);
      ImportBlock *next = i + 1 < blocks->len ? g_ptr_array_index (blocks, i + 1) : NULL;
      const char *text = block->text->str;
      PlenaryPhraseGroup group = PLENARY_PHRASE_GROUP_PREAMBULAR;
      gboolean known = FALSE;
      gsize phrase_len;

      if (block->footnote)
        {
          /* "1" alone, its text in the next block. */
          if (text[0] != '\0' && strspn (text, "0123456789") == strlen (text) && strlen (text) < 5)
            {
              g_free (note_id);
              note_id = g_strdup (text);
            }
          else if (block->label == LABEL_NUMBER || block->label == LABEL_BARE)
            add_note (body, text, g_strdup_printf ("%u", block->number));
          else if (text[0] != '\0')
            add_note (body, text, g_steal_pointer (&note_id));
          continue;
        }
      if (body->annex_heading != NULL)
        {
          if (text[0] != '\0')
            add_to_annex (body, block);
          continue;
        }
      if (block->boxed)
        {
          if (!read_box_fields (metadata, text))
            import_report (report, block->first, _("Text outside the resolution kept out"), text);
          continue;
        }
      if (text[0] == '\0')
        continue;

      if (ended)
        {
          gsize word = annex_word (text);

          /* After the adoption line, "Annex Awaza Political Declaration":
           * the annex under its title. */
          if (word > 0)
            {
              g_autofree char *heading = g_strndup (text, word);

              import_report (report, block->first, _("Annex kept after the text"), text);
              plenary_body_set_annex_heading (body, heading);
              if (text[word] != '\0')
                g_ptr_array_add (body->annex, g_strdup (text + word + 1));
              continue;
            }
          add_top (&b, PLENARY_ROLE_PARAGRAPH, block, 0);
          continue;
        }

      if (import_is_enacting (text) || (b.operative == FALSE && import_is_opening (dict, text)))
        {
          if (body->opening == NULL)
            plenary_body_set_opening (body, text);
          else
            add_top (&b, PLENARY_ROLE_PARAGRAPH, block, 0);
          continue;
        }

      if (plenary_clause_is_annex_heading (text, -1))
        {
          ended = TRUE;
          import_report (report, block->first, _("Annex kept after the text"), text);
          plenary_body_set_annex_heading (body, text);
          continue;
        }
      if (is_adoption (text))
        {
          ended = TRUE;
          import_report (report, block->first, _("End of the resolution"), text);
          add_top (&b, PLENARY_ROLE_PARAGRAPH, block, 0);
          continue;
        }

      /* "…Development, Production and" then "Stockpiling of …" after a
       * page break: no sentence ends on "and", whatever the next line's
       * first word looks like. */
      if (block->label == LABEL_NONE && last_paragraph (&b) != NULL && ends_mid_sentence (last_paragraph (&b)->text))
        {
          append_to (last_paragraph (&b), text);
          import_report (report, block->first, _("Lines joined to the paragraph before them"), text);
          continue;
        }

      phrase_len = import_phrase_length (dict, text, &group, &known);

      /* Labels */
      if (block->label == LABEL_NUMBER || (block->label == LABEL_BARE && phrase_len > 0))
        {
          add_top (&b, PLENARY_ROLE_OPERATIVE, block, phrase_len);
          b.operatives++;
          if (block->number != b.operatives)
            {
              g_autofree char *message =
                g_strdup_printf (_("Paragraph numbered %u is operative paragraph %u: renumbered"),
                                 block->number, b.operatives);
              import_report (report, block->first, message, NULL);
            }
          b.numbered = TRUE;
          if (block->label == LABEL_BARE)
            import_report (report, block->first, _("Number without its point read as a paragraph number"), text);
          continue;
        }

      if (block->label != LABEL_NONE && block->label != LABEL_BARE && b.op != NULL)
        {
          guint level = 1;
          LabelKind kind = block->label;

          switch (block->label)
            {
            case LABEL_ROMAN:
              /* "(i)" after "(h)" is a letter; under a letter, a roman item is one level down. */
              if (block->number > 0 && block->number == b.last_letter + 1 && b.sub_kind == LABEL_LETTER)
                kind = LABEL_LETTER;
              else if (b.sub != NULL && b.sub_kind != LABEL_ROMAN)
                level = 2;
              break;
            case LABEL_GARBLED:
              kind = LABEL_LETTER;
              import_report (report, block->first, _("Sub-paragraph label misread, inferred from its neighbours"), text);
              break;
            case LABEL_DASH:
              if (b.sub != NULL && b.sub_kind != LABEL_DASH && text_ends_with (b.sub->text, ":"))
                level = 2;
              break;
            default:
              break;
            }
          if (kind == LABEL_LETTER && level == 1)
            b.last_letter = block->number > 0 && block->label != LABEL_GARBLED ? block->number : b.last_letter + 1;
          add_sub (&b, level, kind, block);
          b.lost = level == 1 && text_ends_with (block->text->str, ":") ? b.sub : (level == 1 ? NULL : b.lost);
          b.lost_level = level;
          if (b.lost != NULL && b.lost == b.sub)
            b.lost_level = 1;
          continue;
        }

      if ((b.lost == NULL && (b.op == NULL || !text_ends_with (last_paragraph (&b)->text, ":"))) &&
          looks_like_heading (&b, block, next))
        {
          add_top (&b, PLENARY_ROLE_HEADING, block, 0);
          continue;
        }

      /* Items whose labels were lost: after a paragraph ending with ":",
       * up to the next number (or, without numbers, the next operative
       * phrase). */
      if (b.op != NULL && !is_closing (dict, text) &&
          (b.lost != NULL || text_ends_with (last_paragraph (&b)->text, ":") ||
           (b.numbered && b.sub != NULL && text_ends_with (last_paragraph (&b)->text, ";"))) &&
          (b.numbered || !(known && group == PLENARY_PHRASE_GROUP_OPERATIVE)))
        {
          guint level;

          if (b.lost == NULL)
            {
              PlenaryParagraph *last = last_paragraph (&b);

              /* Under a paragraph ending with ":", or beside one ending with ";". */
              if (text_ends_with (last->text, ":"))
                b.lost = last;
              else
                b.lost = last == b.sub || last == b.op ? b.op : b.sub;
              b.lost_level = b.lost == b.op ? 0 : 1;
            }
          level = b.lost_level + 1;
          /* After a labelled sub-sub-paragraph, an unlabelled item is one level up. */
          if (level == 2 && b.sub_labelled)
            level = 1;
          if (level > 2)
            level = 2;
          add_sub (&b, level, LABEL_NONE, block);
          if (level == 1 && text_ends_with (block->text->str, ":"))
            {
              b.lost = b.sub;
              b.lost_level = 1;
            }
          else if (level == 1 && b.lost_level == 1)
            b.lost_level = 0;
          import_report (report, block->first, _("Sub-paragraph without its label"), text);
          continue;
        }

      if (phrase_len > 0 && (group == PLENARY_PHRASE_GROUP_OPERATIVE || b.operative) &&
          (known || b.operative || !text_ends_with (text, ",")))
        {
          add_top (&b, PLENARY_ROLE_OPERATIVE, block, phrase_len);
          b.operatives++;
          g_array_append_val (b.unnumbered, block->first);
          continue;
        }
      if (!b.operative && (phrase_len > 0 || text_ends_with (text, ",")))
        {
          add_top (&b, PLENARY_ROLE_PREAMBULAR, block, phrase_len);
          continue;
        }

      /* Text that no rule places: the rest of the paragraph before it
       * (a page break in a sentence), or a paragraph of its own. */
      if (last_paragraph (&b) != NULL && !text_ends_with (last_paragraph (&b)->text, ".") &&
          !text_ends_with (last_paragraph (&b)->text, ";"))
        {
          append_to (last_paragraph (&b), text);
          import_report (report, block->first, _("Lines joined to the paragraph before them"), text);
        }
      else
        {
          PlenaryRole role = b.operative || phrase_len > 0 ? PLENARY_ROLE_OPERATIVE : PLENARY_ROLE_PARAGRAPH;

          add_top (&b, role, block, phrase_len);
          if (role == PLENARY_ROLE_OPERATIVE)
            {
              b.operatives++;
              g_array_append_val (b.unnumbered, block->first);
            }
          import_report (report, block->first, _("Role of the paragraph guessed"), text);
        }
    }

  /* Numbers are optional; only a mix is worth saying. */
  if (b.numbered)
    for (guint i = 0; i < unnumbered->len; i++)
      import_report (report, g_array_index (unnumbered, guint, i),
                     _("Operative paragraph without a number: numbered automatically"), NULL);

  mark_note_calls (body);

  return g_steal_pointer (&body);
}
