/* plenary-clause-checker.c
 *
 * Copyright 2026 The Plenary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-clause-checker"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "plenary-clause-checker.h"

#define NBSP  "\xc2\xa0"       /* U+00A0 NO-BREAK SPACE */
#define NNBSP "\xe2\x80\xaf"   /* U+202F NARROW NO-BREAK SPACE */

/* ---- problems -------------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (PlenaryCheckProblem, plenary_check_problem,
                     plenary_check_problem_copy, plenary_check_problem_free)

PlenaryCheckProblem *
plenary_check_problem_new (PlenaryCheckKind      kind,
                           PlenaryCheckSeverity  severity,
                           guint                 line,
                           gsize                 start,
                           gsize                 end,
                           const char           *message)
{
  PlenaryCheckProblem *problem;

  g_return_val_if_fail (start <= end, NULL);

  problem = g_new0 (PlenaryCheckProblem, 1);
  problem->kind = kind;
  problem->severity = severity;
  problem->line = line;
  problem->start = start;
  problem->end = end;
  problem->message = g_strdup (message);

  return problem;
}

PlenaryCheckProblem *
plenary_check_problem_copy (const PlenaryCheckProblem *self)
{
  PlenaryCheckProblem *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->message = g_strdup (self->message);
  copy->replacement = g_strdup (self->replacement);
  copy->fix_label = g_strdup (self->fix_label);

  return copy;
}

void
plenary_check_problem_free (PlenaryCheckProblem *self)
{
  if (self == NULL)
    return;

  g_free (self->message);
  g_free (self->replacement);
  g_free (self->fix_label);
  g_free (self);
}

char *
plenary_check_problem_apply (const PlenaryCheckProblem *self,
                             const char                *line)
{
  gsize len;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (line != NULL, NULL);

  if (!self->has_fix || self->delete_line)
    return NULL;

  len = strlen (line);
  g_return_val_if_fail (self->start <= self->end && self->end <= len, NULL);

  out = g_string_new_len (line, self->start);
  g_string_append (out, self->replacement);
  g_string_append (out, line + self->end);

  return g_string_free (out, FALSE);
}

static PlenaryCheckProblem *
problem_new (PlenaryCheckKind  kind,
             guint             line,
             gsize             start,
             gsize             end,
             const char       *message)
{
  PlenaryCheckProblem *problem = g_new0 (PlenaryCheckProblem, 1);

  problem->kind = kind;
  problem->severity = kind == PLENARY_CHECK_UNKNOWN_PHRASE
                      ? PLENARY_CHECK_SEVERITY_HINT : PLENARY_CHECK_SEVERITY_WARNING;
  problem->line = line;
  problem->start = start;
  problem->end = end;
  problem->message = g_strdup (message);

  return problem;
}

static void
problem_set_fix (PlenaryCheckProblem *problem,
                 const char          *replacement,
                 const char          *label)
{
  problem->has_fix = TRUE;
  problem->replacement = g_strdup (replacement);
  problem->fix_label = g_strdup (label);
}

/* ---- the checker ------------------------------------------------------------ */

struct _PlenaryClauseChecker
{
  GObject                  parent_instance;

  PlenaryPhraseDictionary *dictionary;
  PlenaryDraftKind         kind;
  char                    *body;
  gboolean                 has_body;
  PlenaryGender            gender;
  PlenaryNumber            number;
};

G_DEFINE_FINAL_TYPE (PlenaryClauseChecker, plenary_clause_checker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DICTIONARY,
  PROP_KIND,
  PROP_BODY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
plenary_clause_checker_finalize (GObject *object)
{
  PlenaryClauseChecker *self = (PlenaryClauseChecker *)object;

  g_clear_object (&self->dictionary);
  g_clear_pointer (&self->body, g_free);

  G_OBJECT_CLASS (plenary_clause_checker_parent_class)->finalize (object);
}

static void
plenary_clause_checker_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PlenaryClauseChecker *self = PLENARY_CLAUSE_CHECKER (object);

  switch (prop_id)
    {
    case PROP_DICTIONARY:
      g_value_set_object (value, self->dictionary);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_clause_checker_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PlenaryClauseChecker *self = PLENARY_CLAUSE_CHECKER (object);

  switch (prop_id)
    {
    case PROP_DICTIONARY:
      self->dictionary = g_value_dup_object (value);
      break;
    case PROP_KIND:
      plenary_clause_checker_set_kind (self, g_value_get_int (value));
      break;
    case PROP_BODY:
      plenary_clause_checker_set_body (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_clause_checker_constructed (GObject *object)
{
  PlenaryClauseChecker *self = PLENARY_CLAUSE_CHECKER (object);

  G_OBJECT_CLASS (plenary_clause_checker_parent_class)->constructed (object);

  if (self->dictionary == NULL)
    self->dictionary = g_object_ref (plenary_phrase_dictionary_get_default (NULL));
}

static void
plenary_clause_checker_class_init (PlenaryClauseCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plenary_clause_checker_finalize;
  object_class->constructed = plenary_clause_checker_constructed;
  object_class->get_property = plenary_clause_checker_get_property;
  object_class->set_property = plenary_clause_checker_set_property;

  properties[PROP_DICTIONARY] =
    g_param_spec_object ("dictionary", NULL, NULL,
                         PLENARY_TYPE_PHRASE_DICTIONARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      PLENARY_DRAFT_KIND_RESOLUTION, PLENARY_DRAFT_KIND_BRIEF,
                      PLENARY_DRAFT_KIND_RESOLUTION,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plenary_clause_checker_init (PlenaryClauseChecker *self)
{
  self->body = g_strdup ("");
}

PlenaryClauseChecker *
plenary_clause_checker_new (PlenaryPhraseDictionary *dictionary,
                            PlenaryDraftKind         kind)
{
  g_return_val_if_fail (PLENARY_IS_PHRASE_DICTIONARY (dictionary), NULL);

  return g_object_new (PLENARY_TYPE_CLAUSE_CHECKER,
                       "dictionary", dictionary,
                       "kind", kind,
                       NULL);
}

PlenaryPhraseDictionary *
plenary_clause_checker_get_dictionary (PlenaryClauseChecker *self)
{
  g_return_val_if_fail (PLENARY_IS_CLAUSE_CHECKER (self), NULL);

  return self->dictionary;
}

void
plenary_clause_checker_set_kind (PlenaryClauseChecker *self,
                                 PlenaryDraftKind      kind)
{
  g_return_if_fail (PLENARY_IS_CLAUSE_CHECKER (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

void
plenary_clause_checker_set_body (PlenaryClauseChecker *self,
                                 const char           *body)
{
  g_return_if_fail (PLENARY_IS_CLAUSE_CHECKER (self));

  if (body == NULL)
    body = "";
  if (g_strcmp0 (self->body, body) == 0)
    return;

  g_free (self->body);
  self->body = g_strdup (body);
  self->has_body = self->dictionary != NULL &&
                   plenary_phrase_dictionary_lookup_body (self->dictionary, body,
                                                          &self->gender, &self->number);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

/* ---- rules ------------------------------------------------------------------ */

/* The start of the final punctuation and the spaces before it, so that a fix
 * replaces "… ." or "…" alike. */
static gsize
ending_start (const char *line,
              gsize       content_start,
              gsize       content_end)
{
  gsize p = content_end;

  while (p > content_start && strchr (",;:.", line[p - 1]) != NULL)
    p--;
  while (p > content_start)
    {
      if (line[p - 1] == ' ')
        p--;
      else if (p - content_start >= 2 && memcmp (line + p - 2, NBSP, 2) == 0)
        p -= 2;
      else if (p - content_start >= 3 && memcmp (line + p - 3, NNBSP, 3) == 0)
        p -= 3;
      else
        break;
    }

  return p;
}

static gboolean
needs_french_space (const char *punct)
{
  return punct[0] != '\0' && punct[1] == '\0' && strchr (";:?!", punct[0]) != NULL;
}

static void
check_ending (PlenaryClauseChecker          *self,
              GPtrArray                     *problems,
              const char                    *line,
              guint                          line_index,
              const PlenaryLineInfo         *info,
              const PlenaryCheckLineContext *context,
              gboolean                       after_operative)
{
  PlenaryPhraseDictionary *dict = self->dictionary;
  g_autofree char *replacement = NULL;
  g_autofree char *label = NULL;
  PlenaryCheckProblem *problem;
  PlenaryCheckKind kind;
  const char *message;
  const char *wanted;
  gboolean is_last = context != NULL && context->is_last;
  gboolean next_is_child = context != NULL && context->next_is_child;
  gsize content_len = info->content_end - info->content_start;
  gsize end = info->content_end;
  gsize start;

  if (info->role == PLENARY_ROLE_PREAMBULAR)
    {
      kind = PLENARY_CHECK_PREAMBULAR_ENDING;
      wanted = plenary_phrase_dictionary_get_ending (dict, "preambular");
      message = _("A preambular paragraph ends with a comma");
    }
  else if (is_last && (info->role == PLENARY_ROLE_OPERATIVE ||
                       (info->role == PLENARY_ROLE_SUBPARAGRAPH && after_operative)))
    {
      kind = PLENARY_CHECK_FINAL_ENDING;
      wanted = plenary_phrase_dictionary_get_ending (dict, "final");
      message = _("The last operative paragraph ends with a period");
      next_is_child = FALSE;
    }
  else if (info->role == PLENARY_ROLE_OPERATIVE)
    {
      kind = PLENARY_CHECK_OPERATIVE_ENDING;
      wanted = plenary_phrase_dictionary_get_ending (dict, "operative");
      message = _("An operative paragraph ends with a semicolon");
    }
  else
    return;

  /* Note calls after the ending: "…in 2015,[^1]". */
  while (end > info->content_start && line[end - 1] == ']')
    {
      gsize open = end - 1;

      while (open > info->content_start && line[open] != '[')
        open--;
      if (line[open] != '[' || line[open + 1] != '^')
        break;
      end = open;
    }
  if (end < info->content_end)
    {
      if (end - info->content_start >= strlen (wanted) &&
          memcmp (line + end - strlen (wanted), wanted, strlen (wanted)) == 0)
        return;
    }
  else if (content_len >= strlen (wanted) && g_str_has_suffix (line + info->content_start, wanted) &&
           info->content_end == info->content_start + strlen (line + info->content_start))
    return;
  /* The paragraph introduces sub-paragraphs. */
  if (next_is_child && end > info->content_start && line[end - 1] == ':')
    return;

  start = ending_start (line, info->content_start, end);
  if (plenary_phrase_dictionary_get_french_spacing (dict) && needs_french_space (wanted))
    replacement = g_strconcat (NBSP, wanted, NULL);
  else
    replacement = g_strdup (wanted);

  /* Translators: %s is a punctuation mark such as ";" */
  label = g_strdup_printf (_("End with “%s”"), wanted);

  problem = problem_new (kind, line_index, start, end, message);
  problem_set_fix (problem, replacement, label);
  g_ptr_array_add (problems, problem);
}

static void
check_agreement (PlenaryClauseChecker  *self,
                 GPtrArray             *problems,
                 const char            *line,
                 guint                  line_index,
                 const PlenaryLineInfo *info)
{
  PlenaryForm wanted_form = plenary_form_for (self->gender, self->number);
  const char *matched = plenary_phrase_entry_get_form (info->entry, info->form);
  const char *wanted = plenary_phrase_entry_get_form (info->entry, wanted_form);
  gsize actual_len = info->phrase_end - info->phrase_start;
  gsize phrase_end = info->phrase_end;
  g_autofree char *replacement = NULL;
  g_autofree char *message = NULL;
  g_autofree char *label = NULL;
  PlenaryCheckProblem *problem;

  if (info->entry == NULL || g_strcmp0 (matched, wanted) == 0)
    return;

  /* Only the verb of a closing formula is in italics; the agreement is
   * that of the whole formula ("rester saisi / saisie de la question"). */
  if (plenary_phrase_entry_get_group (info->entry) == PLENARY_PHRASE_GROUP_CLOSING &&
      strlen (line + info->phrase_start) >= strlen (matched) &&
      strncmp (line + info->phrase_start + 1, matched + 1, strlen (matched) - 1) == 0)
    {
      actual_len = strlen (matched);
      phrase_end = info->phrase_start + actual_len;
    }

  /* "Conscients des …" matched "Conscients de": keep the contraction. */
  if (actual_len < strlen (matched) && strrchr (wanted, ' ') != NULL &&
      (g_str_has_suffix (wanted, " de") || g_str_has_suffix (wanted, " à")))
    replacement = g_strndup (wanted, strrchr (wanted, ' ') - wanted);
  else if (actual_len == strlen (matched))
    replacement = g_strdup (wanted);
  else
    {
      /* Adverbs around the form ("Profondément préoccupé par", "Rappelant
       * également"): only the form's words change. */
      g_autofree char *actual = g_strndup (line + info->phrase_start, actual_len);
      g_autofree char *lower = g_strdup (matched);
      g_autofree char *lower_wanted = g_strdup (wanted);
      const char *at;

      lower[0] = g_ascii_tolower (lower[0]);
      lower_wanted[0] = g_ascii_tolower (lower_wanted[0]);
      if (g_str_has_prefix (actual, matched))
        replacement = g_strconcat (wanted, actual + strlen (matched), NULL);
      else if ((at = strstr (actual, lower)) != NULL && at > actual && at[-1] == ' ')
        replacement = g_strdup_printf ("%.*s%s%s", (int) (at - actual), actual, lower_wanted, at + strlen (lower));
      else
        return;
    }

  /* Translators: %1$s is a phrase, %2$s the body adopting the text, %3$s the right form */
  message = g_strdup_printf (_("“%s” does not agree with “%s”: write “%s”"),
                             matched, self->body, replacement);
  label = g_strdup_printf (_("Replace with “%s”"), replacement);

  problem = problem_new (PLENARY_CHECK_AGREEMENT, line_index,
                         info->phrase_start, phrase_end, message);
  problem_set_fix (problem, replacement, label);
  g_ptr_array_add (problems, problem);
}

static gboolean
has_nbsp_before (const char *line,
                 gsize       start,
                 gsize       i)
{
  return (i >= start + 2 && memcmp (line + i - 2, NBSP, 2) == 0) ||
         (i >= start + 3 && memcmp (line + i - 3, NNBSP, 3) == 0);
}

static void
add_typography (GPtrArray        *problems,
                PlenaryCheckKind  kind,
                guint             line_index,
                gsize             start,
                gsize             end,
                const char       *message,
                const char       *replacement)
{
  PlenaryCheckProblem *problem = problem_new (kind, line_index, start, end, message);

  problem_set_fix (problem, replacement, _("Insert a no-break space"));
  g_ptr_array_add (problems, problem);
}

/* "…" or “…” in a French draft: « … » with no-break spaces inside. Pairs
 * only, on one line; an opening quote without its closing one is left. */
static void
check_straight_quotes (GPtrArray  *problems,
                       const char *line,
                       guint       line_index,
                       gsize       start,
                       gsize       end)
{
  gsize i = start;

  while (i < end)
    {
      gsize open_len, close_at = 0, close_len = 0;
      g_autofree char *inner = NULL;
      PlenaryCheckProblem *problem;

      if (line[i] == '"')
        open_len = 1;
      else if (i + 3 <= end && memcmp (line + i, "“", 3) == 0)
        open_len = 3;
      else
        {
          i++;
          continue;
        }

      for (gsize j = i + open_len; j < end && close_len == 0; j++)
        if (line[j] == '"')
          close_at = j, close_len = 1;
        else if (j + 3 <= end && memcmp (line + j, "”", 3) == 0)
          close_at = j, close_len = 3;
      if (close_len == 0)
        return;

      inner = g_strstrip (g_strndup (line + i + open_len, close_at - i - open_len));
      problem = problem_new (PLENARY_CHECK_TYPOGRAPHY_QUOTES, line_index, i, close_at + close_len,
                             _("French typography: quotations go between « » with no-break spaces"));
      {
        g_autofree char *replacement = g_strconcat ("«" NBSP, inner, NBSP "»", NULL);
        problem_set_fix (problem, replacement, _("Use « »"));
      }
      g_ptr_array_add (problems, problem);
      i = close_at + close_len;
    }
}

static void
check_typography (GPtrArray             *problems,
                  const char            *line,
                  guint                  line_index,
                  const PlenaryLineInfo *info)
{
  gsize start = info->content_start;
  gsize end = info->content_end;

  check_straight_quotes (problems, line, line_index, start, end);

  for (gsize i = start; i < end; i++)
    {
      char c = line[i];

      if (c == ';' || c == ':' || c == '?' || c == '!')
        {
          g_autofree char *message = NULL;
          g_autofree char *replacement = NULL;

          if (i == start || strchr (";:?!", line[i - 1]) != NULL)
            continue;
          /* 10:30, https://… */
          if (c == ':' && ((g_ascii_isdigit (line[i - 1]) && g_ascii_isdigit (line[i + 1])) ||
                           line[i + 1] == '/'))
            continue;
          if (has_nbsp_before (line, start, i))
            continue;

          /* Translators: %c is one of ; : ? ! */
          message = g_strdup_printf (_("French typography: a no-break space goes before “%c”"), c);
          replacement = g_strdup_printf (NBSP "%c", c);
          if (line[i - 1] == ' ')
            add_typography (problems, PLENARY_CHECK_TYPOGRAPHY_SPACE, line_index, i - 1, i + 1,
                            message, replacement);
          else
            add_typography (problems, PLENARY_CHECK_TYPOGRAPHY_SPACE, line_index, i, i + 1,
                            message, replacement);
        }
      else if (memcmp (line + i, "«", 2) == 0 && i + 2 <= end)
        {
          const char *after = line + i + 2;

          if (g_str_has_prefix (after, NBSP) || g_str_has_prefix (after, NNBSP))
            continue;
          add_typography (problems, PLENARY_CHECK_TYPOGRAPHY_QUOTES, line_index,
                          i, i + 2 + (*after == ' ' ? 1 : 0),
                          _("French typography: a no-break space goes after “«”"),
                          "«" NBSP);
        }
      else if (memcmp (line + i, "»", 2) == 0 && i + 2 <= end)
        {
          gboolean space = i > start && line[i - 1] == ' ';

          if (has_nbsp_before (line, start, i))
            continue;
          add_typography (problems, PLENARY_CHECK_TYPOGRAPHY_QUOTES, line_index,
                          space ? i - 1 : i, i + 2,
                          _("French typography: a no-break space goes before “»”"),
                          NBSP "»");
        }
    }
}

static void
check_line_internal (PlenaryClauseChecker          *self,
                     GPtrArray                     *problems,
                     const char                    *line,
                     gsize                          len,
                     guint                          line_index,
                     const PlenaryLineState        *state,
                     const PlenaryLineInfo         *classified,
                     const PlenaryCheckLineContext *context)
{
  PlenaryPhraseDictionary *dict = self->dictionary;
  gboolean french = plenary_phrase_dictionary_get_french_spacing (dict);
  PlenaryLineState before = *state;
  PlenaryLineInfo info = *classified;

  if (info.is_blank || info.content_start == info.content_end)
    {
      PlenaryCheckProblem *problem;

      problem = problem_new (PLENARY_CHECK_EMPTY_PARAGRAPH, line_index, 0, info.content_end,
                             _("Empty paragraph"));
      problem->has_fix = TRUE;
      problem->delete_line = TRUE;
      problem->fix_label = g_strdup (_("Remove the empty paragraph"));
      g_ptr_array_add (problems, problem);
      return;
    }

  if (french)
    check_typography (problems, line, line_index, &info);

  if (self->kind == PLENARY_DRAFT_KIND_BRIEF)
    return;

  if (before.line_index == 0 && !info.is_opening)
    {
      const char *opening = NULL;
      g_autofree char *replacement = NULL;
      g_autofree char *message = NULL;
      g_autofree char *label = NULL;
      PlenaryCheckProblem *problem;

      if (self->has_body)
        opening = plenary_phrase_dictionary_get_opening (dict, self->body);
      if (opening == NULL)
        opening = plenary_phrase_dictionary_get_default_opening (dict);

      message = g_strdup (_("The resolution has no opening formula"));
      problem = problem_new (PLENARY_CHECK_MISSING_OPENING, line_index, 0, 0, message);
      if (opening != NULL)
        {
          replacement = g_strconcat (opening, "\n", NULL);
          label = g_strdup_printf (_("Insert “%s”"), opening);
          problem_set_fix (problem, replacement, label);
        }
      g_ptr_array_add (problems, problem);
    }

  if (info.is_opening)
    return;

  if (info.role == PLENARY_ROLE_PREAMBULAR && before.seen_operative)
    g_ptr_array_add (problems,
                     problem_new (PLENARY_CHECK_PREAMBULAR_AFTER_OPERATIVE, line_index,
                                  info.content_start, info.content_end,
                                  _("Preambular paragraph after an operative paragraph: move it above the first operative paragraph")));

  check_ending (self, problems, line, line_index, &info, context, before.seen_operative);

  if (info.known_phrase && self->has_body)
    check_agreement (self, problems, line, line_index, &info);

  if (info.phrase_end > info.phrase_start && !info.known_phrase)
    {
      g_autofree char *phrase = g_strndup (line + info.phrase_start, info.phrase_end - info.phrase_start);
      g_autofree char *message = g_strdup_printf (_("“%s” is not in the phrase dictionary"), phrase);

      g_ptr_array_add (problems,
                       problem_new (PLENARY_CHECK_UNKNOWN_PHRASE, line_index,
                                    info.phrase_start, info.phrase_end, message));
    }
}

GPtrArray *
plenary_clause_checker_check_line (PlenaryClauseChecker          *self,
                                   const char                    *line,
                                   gssize                         len,
                                   guint                          line_index,
                                   PlenaryLineState              *state,
                                   const PlenaryCheckLineContext *context)
{
  GPtrArray *problems;
  g_autofree char *copy = NULL;

  g_return_val_if_fail (PLENARY_IS_CLAUSE_CHECKER (self), NULL);
  g_return_val_if_fail (line != NULL, NULL);
  g_return_val_if_fail (state != NULL, NULL);

  if (len < 0)
    len = strlen (line);
  else if (line[len] != '\0')
    line = copy = g_strndup (line, len);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify)plenary_check_problem_free);
  {
    PlenaryLineState before = *state;
    PlenaryLineInfo info;

    plenary_clause_parser_classify_line (self->dictionary, self->kind, line, len, state, &info);
    check_line_internal (self, problems, line, len, line_index, &before, &info, context);
  }

  return problems;
}

GPtrArray *
plenary_clause_checker_check_classified_line (PlenaryClauseChecker          *self,
                                              const char                    *line,
                                              gssize                         len,
                                              guint                          line_index,
                                              const PlenaryLineState        *before,
                                              const PlenaryLineInfo         *info,
                                              const PlenaryCheckLineContext *context)
{
  GPtrArray *problems;
  g_autofree char *copy = NULL;

  g_return_val_if_fail (PLENARY_IS_CLAUSE_CHECKER (self), NULL);
  g_return_val_if_fail (line != NULL, NULL);
  g_return_val_if_fail (before != NULL && info != NULL, NULL);

  if (len < 0)
    len = strlen (line);
  else if (line[len] != '\0')
    line = copy = g_strndup (line, len);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify)plenary_check_problem_free);
  check_line_internal (self, problems, line, len, line_index, before, info, context);

  return problems;
}

GPtrArray *
plenary_clause_checker_check_text (PlenaryClauseChecker *self,
                                   const char           *text,
                                   gssize                len)
{
  g_autofree char *copy = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree PlenaryLineState *states = NULL;
  g_autofree PlenaryLineInfo *infos = NULL;
  PlenaryLineState state = PLENARY_LINE_STATE_INIT;
  GPtrArray *problems;
  guint n_lines;
  gint last = -1;

  g_return_val_if_fail (PLENARY_IS_CLAUSE_CHECKER (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify)plenary_check_problem_free);

  if (len < 0)
    len = strlen (text);
  copy = g_strndup (text, len);

  /* A new, empty draft has nothing to report. */
  if (strspn (copy, " \t\r\n") == (gsize)len)
    return problems;

  lines = g_strsplit (copy, "\n", -1);
  n_lines = g_strv_length (lines);
  states = g_new0 (PlenaryLineState, n_lines);
  infos = g_new0 (PlenaryLineInfo, n_lines);

  /* First pass: what each line needs to know about the next ones. */
  for (guint i = 0; i < n_lines; i++)
    {
      states[i] = state;
      plenary_clause_parser_classify_line (self->dictionary, self->kind, lines[i], -1, &state, &infos[i]);
      /* The text ends before its annex and notes. */
      if (!infos[i].is_blank && !infos[i].is_note && !infos[i].is_annex)
        last = i;
    }

  for (guint i = 0; i < n_lines; i++)
    {
      PlenaryCheckLineContext context = { (gint)i == last, FALSE };

      for (guint j = i + 1; j < n_lines; j++)
        if (!infos[j].is_blank)
          {
            context.next_is_child = infos[j].level > infos[i].level;
            break;
          }

      check_line_internal (self, problems, lines[i], strlen (lines[i]), i, &states[i], &infos[i], &context);
    }

  return problems;
}
