/* plenary-brief.c
 *
 * Copyright 2026 The Plenary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plenary-brief"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "plenary-brief.h"
#include "plenary-clause-parser.h"
#include "plenary-templates.h"

guint
plenary_brief_count_words (const char *text,
                           gssize      len)
{
  const char *end;
  gboolean counted = FALSE;
  guint words = 0;

  g_return_val_if_fail (text != NULL || len == 0, 0);

  if (len < 0)
    len = strlen (text);
  end = text + len;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* U+202F is not a space to GLib, but it separates "40" from "%". */
      if (g_unichar_isspace (c) || c == 0x202F)
        {
          counted = FALSE;
          continue;
        }

      if (!counted && g_unichar_isalnum (c))
        {
          words++;
          counted = TRUE;
        }
    }

  return words;
}

static guint
count_paragraphs (GPtrArray *paragraphs)
{
  guint words = 0;

  for (guint i = 0; i < paragraphs->len; i++)
    {
      const PlenaryParagraph *paragraph = g_ptr_array_index (paragraphs, i);
      g_autofree char *full = plenary_paragraph_dup_full_text (paragraph);

      words += plenary_brief_count_words (full, -1);
      words += count_paragraphs (paragraph->children);
    }

  return words;
}

guint
plenary_brief_count_draft_words (PlenaryDraft *draft)
{
  PlenaryBody *body;
  guint words = 0;

  g_return_val_if_fail (PLENARY_IS_DRAFT (draft), 0);

  body = plenary_draft_get_body (draft);
  if (body->opening != NULL)
    words += plenary_brief_count_words (body->opening, -1);

  return words + count_paragraphs (body->paragraphs);
}

PlenaryBriefStats
plenary_brief_measure_with_options (PlenaryDraft               *draft,
                                    const PlenaryLayoutOptions *options)
{
  PlenaryBriefStats stats = { 0, 0 };
  g_autoptr(PlenaryPageLayout) layout = NULL;

  g_return_val_if_fail (PLENARY_IS_DRAFT (draft), stats);

  stats.words = plenary_brief_count_draft_words (draft);

  layout = plenary_page_layout_new (draft, options);
  plenary_page_layout_paginate (layout);
  stats.pages = plenary_page_layout_get_n_pages (layout);

  return stats;
}

PlenaryBriefStats
plenary_brief_measure (PlenaryDraft *draft)
{
  return plenary_brief_measure_with_options (draft, NULL);
}

/* ---- checks ------------------------------------------------------------------ */

static void
flag_empty_section (GPtrArray             *problems,
                    const char            *line,
                    guint                  line_index,
                    const PlenaryLineInfo *info)
{
  g_autofree char *heading = g_strndup (line + info->content_start,
                                        info->content_end - info->content_start);
  g_autofree char *message = NULL;

  if (heading[0] != '\0')
    /* Translators: %s is a section heading */
    message = g_strdup_printf (_("The section “%s” is empty"), heading);
  else
    message = g_strdup (_("This section is empty"));

  g_ptr_array_add (problems,
                   plenary_check_problem_new (PLENARY_CHECK_EMPTY_SECTION,
                                              PLENARY_CHECK_SEVERITY_WARNING,
                                              line_index, info->content_start, info->content_end,
                                              message));
}

GPtrArray *
plenary_brief_check_text (const char *editor_text,
                          const char *language,
                          guint       page_limit,
                          guint       pages)
{
  PlenaryPhraseDictionary *dict = plenary_phrase_dictionary_get_default (language);
  PlenaryLineState state = PLENARY_LINE_STATE_INIT;
  g_auto(GStrv) lines = NULL;
  PlenaryLineInfo heading_info = { 0 };
  GPtrArray *problems;
  gint heading = -1;        /* the open section's heading line */
  gint first_heading = -1;
  gboolean section_has_text = FALSE;

  g_return_val_if_fail (editor_text != NULL, NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify)plenary_check_problem_free);
  lines = g_strsplit (editor_text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      PlenaryLineInfo info;

      plenary_clause_parser_classify_line (dict, PLENARY_DRAFT_KIND_BRIEF, line, -1, &state, &info);
      if (info.is_blank)
        continue;

      if (info.role == PLENARY_ROLE_HEADING)
        {
          if (heading >= 0 && !section_has_text)
            flag_empty_section (problems, lines[heading], heading, &heading_info);
          heading = i;
          heading_info = info;
          section_has_text = FALSE;
          if (first_heading < 0)
            first_heading = i;
          continue;
        }

      if (info.content_start < info.content_end)
        section_has_text = TRUE;

      {
        g_autofree char *text = g_strndup (line + info.content_start,
                                           info.content_end - info.content_start);

        if (plenary_templates_is_hint (language, text))
          g_ptr_array_add (problems,
                           plenary_check_problem_new (PLENARY_CHECK_TEMPLATE_HINT,
                                                      PLENARY_CHECK_SEVERITY_WARNING,
                                                      i, info.content_start, info.content_end,
                                                      _("This is the template’s hint: replace it with your text")));
      }
    }

  if (heading >= 0 && !section_has_text)
    flag_empty_section (problems, lines[heading], heading, &heading_info);

  if (page_limit > 0 && pages > page_limit)
    {
      g_autofree char *message =
        /* Translators: both numbers are page counts; the first is above 1 */
        g_strdup_printf (_("The brief has %u pages; the limit is %u."), pages, page_limit);

      g_ptr_array_insert (problems, 0,
                          plenary_check_problem_new (PLENARY_CHECK_PAGE_LIMIT,
                                                     PLENARY_CHECK_SEVERITY_WARNING,
                                                     first_heading >= 0 ? first_heading : 0,
                                                     0, 0, message));
    }

  return problems;
}
