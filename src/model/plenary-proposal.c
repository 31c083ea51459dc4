/* plenary-proposal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-proposal"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "plenary-enum-nick.h"
#include "plenary-model-enums.h"
#include "plenary-proposal.h"

/* How many code points of context a quote keeps on each side. */
#define CONTEXT_CHARS 32

struct _PlenaryProposal
{
  GObject                     parent_instance;

  char                       *id;
  PlenaryProposalKind         kind;
  char                       *delegation;
  GDateTime                  *created;
  char                       *paragraph;
  char                       *exact;
  char                       *prefix;
  char                       *suffix;
  gint64                      start;
  gint64                      end;
  char                       *text;
  guint                       level;
  PlenaryProposalFriendliness friendliness;
  PlenaryProposalVote         vote;
};

G_DEFINE_FINAL_TYPE (PlenaryProposal, plenary_proposal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FRIENDLINESS,
  PROP_VOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
plenary_proposal_finalize (GObject *object)
{
  PlenaryProposal *self = (PlenaryProposal *)object;

  g_free (self->id);
  g_free (self->delegation);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_free (self->paragraph);
  g_free (self->exact);
  g_free (self->prefix);
  g_free (self->suffix);
  g_free (self->text);

  G_OBJECT_CLASS (plenary_proposal_parent_class)->finalize (object);
}

static void
plenary_proposal_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlenaryProposal *self = PLENARY_PROPOSAL (object);

  switch (prop_id)
    {
    case PROP_FRIENDLINESS:
      g_value_set_enum (value, self->friendliness);
      break;

    case PROP_VOTE:
      g_value_set_enum (value, self->vote);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_proposal_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlenaryProposal *self = PLENARY_PROPOSAL (object);

  switch (prop_id)
    {
    case PROP_FRIENDLINESS:
      plenary_proposal_set_friendliness (self, g_value_get_enum (value));
      break;

    case PROP_VOTE:
      plenary_proposal_set_vote (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_proposal_class_init (PlenaryProposalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plenary_proposal_finalize;
  object_class->get_property = plenary_proposal_get_property;
  object_class->set_property = plenary_proposal_set_property;

  properties[PROP_FRIENDLINESS] =
    g_param_spec_enum ("friendliness", NULL, NULL, PLENARY_TYPE_PROPOSAL_FRIENDLINESS,
                       PLENARY_PROPOSAL_FRIENDLINESS_NONE,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VOTE] =
    g_param_spec_enum ("vote", NULL, NULL, PLENARY_TYPE_PROPOSAL_VOTE,
                       PLENARY_PROPOSAL_VOTE_NONE,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plenary_proposal_init (PlenaryProposal *self)
{
}

PlenaryProposal *
plenary_proposal_new_full (const char         *id,
                           PlenaryProposalKind kind,
                           const char         *delegation,
                           GDateTime          *created,
                           const char         *paragraph,
                           const char         *exact,
                           const char         *prefix,
                           const char         *suffix,
                           gint64              start,
                           gint64              end,
                           const char         *text,
                           guint               level)
{
  PlenaryProposal *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (PLENARY_TYPE_PROPOSAL, NULL);
  self->id = g_strdup (id);
  self->kind = kind;
  self->delegation = g_strdup (delegation != NULL ? delegation : "");
  self->created = created != NULL ? g_date_time_ref (created) : g_date_time_new_now_utc ();
  self->paragraph = g_strdup (paragraph != NULL ? paragraph : "");
  self->exact = g_strdup (exact != NULL ? exact : "");
  self->prefix = g_strdup (prefix != NULL ? prefix : "");
  self->suffix = g_strdup (suffix != NULL ? suffix : "");
  self->start = MAX (start, 0);
  self->end = MAX (end, self->start);
  self->text = g_strdup (text != NULL ? text : "");
  self->level = level;

  return self;
}

PlenaryProposal *
plenary_proposal_new_text (const char *id,
                           const char *delegation,
                           GDateTime  *created,
                           const char *paragraph,
                           const char *full_text,
                           gint64      start,
                           gint64      end,
                           const char *text)
{
  glong length;
  g_autofree char *exact = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;

  g_return_val_if_fail (full_text != NULL, NULL);

  length = g_utf8_strlen (full_text, -1);
  start = CLAMP (start, 0, length);
  end = CLAMP (end, start, length);
  exact = g_utf8_substring (full_text, start, end);
  prefix = g_utf8_substring (full_text, MAX (0, start - CONTEXT_CHARS), start);
  suffix = g_utf8_substring (full_text, end, MIN (length, end + CONTEXT_CHARS));

  return plenary_proposal_new_full (id, PLENARY_PROPOSAL_TEXT, delegation, created, paragraph,
                                    exact, prefix, suffix, start, end, text, 0);
}

PlenaryProposal *
plenary_proposal_new_add (const char *id,
                          const char *delegation,
                          GDateTime  *created,
                          const char *after,
                          guint       level,
                          const char *text)
{
  return plenary_proposal_new_full (id, PLENARY_PROPOSAL_ADD_PARAGRAPH, delegation, created, after,
                                    NULL, NULL, NULL, 0, 0, text, level);
}

PlenaryProposal *
plenary_proposal_new_delete (const char *id,
                             const char *delegation,
                             GDateTime  *created,
                             const char *paragraph)
{
  return plenary_proposal_new_full (id, PLENARY_PROPOSAL_DELETE_PARAGRAPH, delegation, created, paragraph,
                                    NULL, NULL, NULL, 0, 0, NULL, 0);
}

PlenaryProposal *
plenary_proposal_copy (PlenaryProposal *self,
                       const char      *id)
{
  PlenaryProposal *copy;

  g_return_val_if_fail (PLENARY_IS_PROPOSAL (self), NULL);

  copy = plenary_proposal_new_full (id, self->kind, self->delegation, self->created, self->paragraph,
                                    self->exact, self->prefix, self->suffix, self->start, self->end,
                                    self->text, self->level);
  copy->friendliness = self->friendliness;
  copy->vote = self->vote;

  return copy;
}

#define GETTER(type, name, field) \
  type \
  plenary_proposal_get_##name (PlenaryProposal *self) \
  { \
    g_return_val_if_fail (PLENARY_IS_PROPOSAL (self), 0); \
    return self->field; \
  }

GETTER (const char *, id, id)
GETTER (PlenaryProposalKind, kind, kind)
GETTER (const char *, delegation, delegation)
GETTER (GDateTime *, created, created)
GETTER (const char *, paragraph, paragraph)
GETTER (const char *, exact, exact)
GETTER (const char *, prefix, prefix)
GETTER (const char *, suffix, suffix)
GETTER (gint64, start, start)
GETTER (gint64, end, end)
GETTER (const char *, text, text)
GETTER (guint, level, level)
GETTER (PlenaryProposalFriendliness, friendliness, friendliness)
GETTER (PlenaryProposalVote, vote, vote)

#undef GETTER

void
plenary_proposal_set_friendliness (PlenaryProposal            *self,
                                   PlenaryProposalFriendliness friendliness)
{
  g_return_if_fail (PLENARY_IS_PROPOSAL (self));

  if (self->friendliness != friendliness)
    {
      self->friendliness = friendliness;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRIENDLINESS]);
    }
}

void
plenary_proposal_set_vote (PlenaryProposal    *self,
                           PlenaryProposalVote vote)
{
  g_return_if_fail (PLENARY_IS_PROPOSAL (self));

  if (self->vote != vote)
    {
      self->vote = vote;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOTE]);
    }
}

/* How many code points of the context match on the side of the occurrence. */
static gsize
context_score (const char *full_text,
               const char *at,
               gsize       exact_len,
               const char *prefix,
               const char *suffix)
{
  gsize score = 0;
  gsize prefix_len = strlen (prefix);
  gsize before = at - full_text;
  const char *after = at + exact_len;

  while (score < prefix_len && score < before &&
         full_text[before - score - 1] == prefix[prefix_len - score - 1])
    score++;
  for (gsize i = 0; suffix[i] != '\0' && after[i] == suffix[i]; i++)
    score++;

  return score;
}

gboolean
plenary_proposal_locate (PlenaryProposal *self,
                         const char      *full_text,
                         gint64          *start,
                         gint64          *end)
{
  gsize exact_len;
  glong length;
  const char *best = NULL;
  gsize best_score = 0;

  g_return_val_if_fail (PLENARY_IS_PROPOSAL (self), FALSE);
  g_return_val_if_fail (full_text != NULL, FALSE);

  length = g_utf8_strlen (full_text, -1);
  exact_len = strlen (self->exact);

  /* Where it was, when the words there are still the same. */
  if (self->end <= length)
    {
      const char *at = g_utf8_offset_to_pointer (full_text, self->start);

      /* The context is only read once the words are known to be there:
       * they may run past the end of the text. */
      if (strncmp (at, self->exact, exact_len) == 0 &&
          (exact_len > 0 ||
           context_score (full_text, at, 0, self->prefix, self->suffix) >=
           MIN (strlen (self->prefix) + strlen (self->suffix), 1)))
        {
          *start = self->start;
          *end = self->end;
          return TRUE;
        }
    }

  /* Else the occurrence whose surroundings match best. An insertion has no
   * words of its own: its prefix and suffix place it. */
  for (const char *at = full_text;;)
    {
      const char *found = exact_len > 0 ? strstr (at, self->exact) : at;
      gsize score;

      if (found == NULL)
        break;
      score = context_score (full_text, found, exact_len, self->prefix, self->suffix);
      if (best == NULL || score > best_score)
        {
          best = found;
          best_score = score;
        }
      if (*found == '\0')
        break;
      at = g_utf8_next_char (found);
    }

  if (best == NULL || (exact_len == 0 && best_score == 0 && (*self->prefix != '\0' || *self->suffix != '\0')))
    return FALSE;

  *start = g_utf8_pointer_to_offset (full_text, best);
  *end = *start + g_utf8_strlen (self->exact, -1);
  return TRUE;
}

/* Names in the format -------------------------------------------------------- */

const char *
plenary_proposal_kind_to_string (PlenaryProposalKind kind)
{
  return plenary_enum_to_nick (PLENARY_TYPE_PROPOSAL_KIND, kind);
}

gboolean
plenary_proposal_kind_from_string (const char          *str,
                                   PlenaryProposalKind *kind)
{
  return plenary_enum_from_nick (PLENARY_TYPE_PROPOSAL_KIND, str, (int *) kind);
}

const char *
plenary_proposal_friendliness_to_string (PlenaryProposalFriendliness value)
{
  return plenary_enum_to_nick (PLENARY_TYPE_PROPOSAL_FRIENDLINESS, value);
}

gboolean
plenary_proposal_friendliness_from_string (const char                  *str,
                                           PlenaryProposalFriendliness *value)
{
  return plenary_enum_from_nick (PLENARY_TYPE_PROPOSAL_FRIENDLINESS, str, (int *) value);
}

const char *
plenary_proposal_vote_to_string (PlenaryProposalVote value)
{
  return plenary_enum_to_nick (PLENARY_TYPE_PROPOSAL_VOTE, value);
}

gboolean
plenary_proposal_vote_from_string (const char          *str,
                                   PlenaryProposalVote *value)
{
  return plenary_enum_from_nick (PLENARY_TYPE_PROPOSAL_VOTE, str, (int *) value);
}

const char *
plenary_paragraph_status_to_string (PlenaryParagraphStatus status)
{
  return plenary_enum_to_nick (PLENARY_TYPE_PARAGRAPH_STATUS, status);
}

gboolean
plenary_paragraph_status_from_string (const char             *str,
                                      PlenaryParagraphStatus *status)
{
  return plenary_enum_from_nick (PLENARY_TYPE_PARAGRAPH_STATUS, str, (int *) status);
}

const char *
plenary_paragraph_status_get_label (PlenaryParagraphStatus status)
{
  switch (status)
    {
    case PLENARY_PARAGRAPH_STATUS_PENDING:
      return _("Pending");
    case PLENARY_PARAGRAPH_STATUS_AGREED_AD_REF:
      /* Translators: "ad referendum", agreed subject to confirmation by capitals */
      return _("Agreed ad ref.");
    case PLENARY_PARAGRAPH_STATUS_AGREED:
      return _("Agreed");
    case PLENARY_PARAGRAPH_STATUS_DELETED:
      return _("Deleted");
    case PLENARY_PARAGRAPH_STATUS_NONE:
    default:
      return "";
    }
}
