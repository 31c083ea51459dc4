/* test-hostile.c
 *
 * Broken and hostile files through every way in: the draft loader, the
 * draft importer, the source importer and `plenary --convert`. Each gets a
 * clear message (or loads), never a crash, never a hang (a minute of wall
 * time, which only a real hang reaches: how fast each file goes is measured
 * by bench/bench-hostile.c, not here), and the file is left exactly as it
 * was. The small files are in data/; the
 * big ones (100 MB strings, a 10 MB line, a million brackets, binary noise)
 * are written at test time into a temporary folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-hostile"

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "plenary-anchor-resolver.h"
#include "plenary-clause-printer.h"
#include "plenary-draft-codec.h"
#include "plenary-draft-file.h"
#include "plenary-importer.h"
#include "plenary-source-importer.h"

#define LOADS (-1)
/* A message the user reads in a dialog: a sentence, not the file. */
#define MAX_MESSAGE_LENGTH 1024

static const char *plenary_path;
static char *tmp_root;
/* Only a real hang takes this long, however busy the machine. */
#define HANG_SECONDS 60

typedef enum
{
  GEN_NONE,
  GEN_BIG_UNTERMINATED,
  GEN_BIG_KIND,
  GEN_BIG_TEXT,
  GEN_DEEP_ARRAY,
  GEN_DEEP_OBJECT,
  GEN_LONG_LINE,
  GEN_BINARY,
  GEN_MANY_PROPOSALS,
} Generator;

typedef struct
{
  const char *name;
  Generator   generator;
  int         load_error;      /* PlenaryDraftError code, or LOADS */
  const char *load_path;       /* JSON path of an INVALID refusal */
  const char *load_message;    /* part of the loader's message */
  int         convert_status;  /* exit status of plenary --convert */
  const char *convert_message; /* part of its message; NULL: load_message */
  gboolean    source_refused;  /* the source importer refuses it */
} HostileCase;

static const HostileCase cases[] = {
  { "truncated.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_MALFORMED, NULL, "not valid JSON: line", 1, NULL, FALSE },
  { "wrong-type.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_INVALID, "$.body.paragraphs[1].text", "should be text", 1, NULL, FALSE },
  { "wrong-type-list-item.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_INVALID, "$.metadata.co_sponsors[1]", "should be text", 1, NULL, FALSE },
  { "root-array.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_NOT_A_DRAFT, NULL, "not a Plenary draft", 1, NULL, FALSE },
  { "not-a-draft.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_NOT_A_DRAFT, NULL, "not a Plenary draft", 1, NULL, FALSE },
  { "format-wrong.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_NOT_A_DRAFT, NULL, "not a Plenary draft", 1, NULL, FALSE },
  { "version-999.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_NEWER_VERSION, NULL, "format version 999", 1, NULL, FALSE },
  { "version-3.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_NEWER_VERSION, NULL, "format version 3", 1, NULL, FALSE },
  { "duplicate-paragraph-ids.plenary.json", GEN_NONE, LOADS, NULL, NULL, 0, NULL, FALSE },
  { "revision-unknown-paragraph.plenary.json", GEN_NONE, LOADS, NULL, NULL, 0, NULL, FALSE },
  { "revision-future-date.plenary.json", GEN_NONE, LOADS, NULL, NULL, 0, NULL, FALSE },
  /* Found by the fuzzer: a year before 1000 was written in three digits. */
  { "revision-year-before-1000.plenary.json", GEN_NONE, LOADS, NULL, NULL, 0, NULL, FALSE },
  { "revision-bad-date.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_INVALID, "$.revisions[0].created", "date and time", 1, NULL, FALSE },
  { "revision-nesting-jump.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_INVALID, "$.revisions[0].paragraphs", "not a sub-paragraph of the item before it", 1, NULL, FALSE },
  { "revision-paragraphs-wrong-type.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_INVALID, "$.revisions[0].paragraphs", "should be text", 1, NULL, FALSE },
  { "revision-table-subparagraphs.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_INVALID, "$.revision_paragraphs.k.subparagraphs", "should not be here", 1, NULL, FALSE },
  { "paragraph-id-space.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_INVALID, "$.body.paragraphs[0].id", "not a valid paragraph id", 1, NULL, FALSE },
  { "version-string.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_INVALID, "$.version", "whole number", 1, NULL, FALSE },
  { "invalid-utf8.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_MALFORMED, NULL, "not valid UTF-8 text: line", 1, NULL, FALSE },
  { "nul-bytes.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_MALFORMED, NULL, "not valid UTF-8 text: line", 1, NULL, FALSE },
  { "lone-surrogate.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_MALFORMED, NULL, "not valid JSON: line 4", 1, NULL, FALSE },
  { "empty.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_MALFORMED, NULL, "empty", 1, "no text to import", FALSE },
  { "blank.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_MALFORMED, NULL, "empty", 1, "no text to import", FALSE },
  { "duplicate-source-ids.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_INVALID, "$.sources[1].id", "repeats the id “s1”", 1, NULL, FALSE },
  { "duplicate-annotation-ids.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_INVALID, "$.annotations[1].id", "repeats the id “a1”", 1, NULL, FALSE },
  { "source-without-id.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_INVALID, "$.sources[0].id", "is missing", 1, NULL, FALSE },
  { "subparagraphs-too-deep.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_INVALID,
    "$.body.paragraphs[1].subparagraphs[0].subparagraphs[0].subparagraphs[0].subparagraphs[0]"
    ".subparagraphs[0].subparagraphs[0].subparagraphs[0].subparagraphs[0].subparagraphs",
    "more than 8 levels deep", 1, NULL, FALSE },
  { "unknown-role.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_INVALID, "$.body.paragraphs[0].role", "not a known paragraph role (“préambule”)", 1, NULL, FALSE },
  { "pages-out-of-order.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_INVALID, "$.sources[0].pages[2]", "out of range", 1, NULL, FALSE },
  { "negative-count.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_INVALID, "$.metadata.page_limit", "out of range", 1, NULL, FALSE },
  { "source-binary-text.plenary.json", GEN_NONE, LOADS, NULL, NULL, 0, NULL, FALSE },
  { "selectors-outside.plenary.json", GEN_NONE, LOADS, NULL, NULL, 0, NULL, FALSE },
  { "escaped-nul.plenary.json", GEN_NONE, LOADS, NULL, NULL, 0, NULL, FALSE },
  { "duplicate-selectors.plenary.json", GEN_NONE, LOADS, NULL, NULL, 0, NULL, FALSE },
  { "lone-surrogates.plenary.json", GEN_NONE, LOADS, NULL, NULL, 0, NULL, FALSE },
  /* Proposals and statuses: kept when they name what the text lacks, refused
   * with their path when they are not what the format allows. */
  { "proposal-unknown-paragraph.plenary.json", GEN_NONE, LOADS, NULL, NULL, 0, NULL, FALSE },
  { "proposals-overlapping.plenary.json", GEN_NONE, LOADS, NULL, NULL, 0, NULL, FALSE },
  { "paragraph-status-unknown.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_INVALID, "$.paragraph_status.p2", "not one of the values Plenary knows (“almost-agreed”)", 1, NULL, FALSE },
  { "proposal-unknown-kind.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_INVALID, "$.proposals[0].kind", "not one of the values Plenary knows (“rewrite”)", 1, NULL, FALSE },
  { "proposal-duplicate-id.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_INVALID, "$.proposals[1].id", "repeats the id “s1”", 1, NULL, FALSE },
  { "proposal-selector-backwards.plenary.json", GEN_NONE, PLENARY_DRAFT_ERROR_INVALID, "$.proposals[0].selector.end", "out of range", 1, NULL, FALSE },
  { "many-proposals.plenary.json", GEN_MANY_PROPOSALS, LOADS, NULL, NULL, 0, NULL, FALSE },
  { "markup-and-commands.md", GEN_NONE, PLENARY_DRAFT_ERROR_MALFORMED, NULL, "not valid JSON: line 1", 0, NULL, FALSE },
  { "big-unterminated.plenary.json", GEN_BIG_UNTERMINATED, PLENARY_DRAFT_ERROR_MALFORMED, NULL, "unterminated string", 1, NULL, FALSE },
  { "big-kind.plenary.json", GEN_BIG_KIND, PLENARY_DRAFT_ERROR_INVALID, "$.kind", "not a known kind of draft (“xxxxxxxx", 1, NULL, FALSE },
  { "big-text.plenary.json", GEN_BIG_TEXT, LOADS, NULL, NULL, 0, NULL, FALSE },
  { "deep-array.plenary.json", GEN_DEEP_ARRAY, PLENARY_DRAFT_ERROR_MALFORMED, NULL, "nested too deeply", 1, NULL, FALSE },
  { "deep-object.plenary.json", GEN_DEEP_OBJECT, PLENARY_DRAFT_ERROR_MALFORMED, NULL, "nested too deeply", 1, NULL, FALSE },
  { "long-line.md", GEN_LONG_LINE, PLENARY_DRAFT_ERROR_MALFORMED, NULL, "not valid JSON: line 1", 0, NULL, FALSE },
  { "binary.bin", GEN_BINARY, PLENARY_DRAFT_ERROR_MALFORMED, NULL, "not valid UTF-8 text: line 1", 1,
    "not text", TRUE },
};

/* What "untouched" means: same bytes, same modification time. */
typedef struct
{
  goffset  size;
  gint64   mtime_ns;
  char    *sha256;
} FileState;

static void
file_state_clear (FileState *state)
{
  g_clear_pointer (&state->sha256, g_free);
}

static void
file_state_read (const char *path,
                 FileState  *state)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  state->size = st.st_size;
  state->mtime_ns = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;

  mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  state->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                               (const guchar *) g_mapped_file_get_contents (mapped),
                                               g_mapped_file_get_length (mapped));
}

/* After each way in: size and modification time to the nanosecond (the
 * file's time was set in the past, so any write shows). The bytes are
 * compared once at the end, by checksum. */
static void
assert_untouched (const char      *path,
                  const FileState *before)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, before->size);
  g_assert_cmpint ((gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec,
                   ==, before->mtime_ns);
}

static void
assert_same_bytes (const char      *path,
                   const FileState *before)
{
  FileState after = { 0, };

  file_state_read (path, &after);
  g_assert_cmpint (after.size, ==, before->size);
  g_assert_cmpint (after.mtime_ns, ==, before->mtime_ns);
  g_assert_cmpstr (after.sha256, ==, before->sha256);
  file_state_clear (&after);
}

/* Generated files ------------------------------------------------------- */

/* 100 MB; sanitizer builds, which check memory use rather than scale,
 * set PLENARY_HOSTILE_BIG_MB lower. */
static gsize big_string = 100 * 1024 * 1024;

static void
write_file (const char *path,
            const char *head,
            gsize       fill,
            char        fill_char,
            const char *tail)
{
  g_autoptr(GString) data = g_string_sized_new (strlen (head) + fill + strlen (tail));
  g_autoptr(GError) error = NULL;

  g_string_append (data, head);
  g_string_set_size (data, data->len + fill);
  memset (data->str + strlen (head), fill_char, fill);
  g_string_append (data, tail);
  g_file_set_contents (path, data->str, data->len, &error);
  g_assert_no_error (error);
}

static void
generate (Generator   generator,
          const char *path)
{
  switch (generator)
    {
    case GEN_BIG_UNTERMINATED:
      write_file (path, "{\"format\": \"plenary-draft\", \"version\": 1, \"metadata\": {\"symbol\": \"",
                  big_string, 'x', "");
      break;
    case GEN_BIG_KIND:
      write_file (path, "{\"format\": \"plenary-draft\", \"version\": 1, \"kind\": \"",
                  big_string, 'x', "\"}\n");
      break;
    case GEN_BIG_TEXT:
      write_file (path, "{\"format\": \"plenary-draft\", \"version\": 1, \"body\": {\"paragraphs\": "
                  "[{\"role\": \"operative\", \"phrase\": \"Décide\", \"text\": \"",
                  big_string, 'x', "\"}]}}\n");
      break;
    case GEN_MANY_PROPOSALS:
      {
        /* 10,000 proposals from 12 delegations on 500 paragraphs. */
        g_autoptr(GString) data = g_string_new ("{\"format\": \"plenary-draft\", \"version\": 2, "
                                                "\"body\": {\"paragraphs\": [");
        g_autoptr(GError) error = NULL;

        for (guint i = 0; i < 500; i++)
          g_string_append_printf (data, "%s{\"id\": \"p%u\", \"role\": \"operative\", \"phrase\": "
                                  "\"Décide\", \"text\": \"de renforcer la coopération n° %u.\"}",
                                  i > 0 ? ", " : "", i + 1, i + 1);
        g_string_append (data, "]}, \"proposals\": [");
        for (guint i = 0; i < 10000; i++)
          g_string_append_printf (data, "%s{\"id\": \"s%u\", \"kind\": \"text\", \"delegation\": "
                                  "\"Délégation %u\", \"created\": \"2026-12-01T10:00:00Z\", "
                                  "\"paragraph\": \"p%u\", \"selector\": {\"exact\": \"renforcer\", "
                                  "\"start\": 10, \"end\": 19}, \"text\": \"consolider\"}",
                                  i > 0 ? ", " : "", i + 1, i % 12, i % 500 + 1);
        g_string_append (data, "]}\n");
        g_file_set_contents (path, data->str, data->len, &error);
        g_assert_no_error (error);
      }
      break;
    case GEN_DEEP_ARRAY:
      write_file (path, "", 1000 * 1000, '[', "");
      break;
    case GEN_DEEP_OBJECT:
      {
        /* Valid JSON, closed properly, a draft in every other respect. */
        g_autoptr(GString) data = g_string_new ("{\"format\": \"plenary-draft\", \"version\": 1, \"x\": ");
        g_autoptr(GError) error = NULL;

        for (guint i = 0; i < 200 * 1000; i++)
          g_string_append (data, "{\"a\": ");
        g_string_append (data, "0");
        for (guint i = 0; i < 200 * 1000; i++)
          g_string_append_c (data, '}');
        g_string_append (data, "}\n");
        g_file_set_contents (path, data->str, data->len, &error);
        g_assert_no_error (error);
      }
      break;
    case GEN_LONG_LINE:
      {
        /* A Markdown file of one 10 MB line, words and accents. */
        static const char words[] = "la coopération internationale en matière d'eau potable ";
        g_autoptr(GString) data = g_string_new ("Considérant que ");
        g_autoptr(GError) error = NULL;

        while (data->len < 10 * 1024 * 1024)
          g_string_append (data, words);
        g_string_append (data, "\n");
        g_file_set_contents (path, data->str, data->len, &error);
        g_assert_no_error (error);
      }
      break;
    case GEN_BINARY:
      {
        /* Noise with NUL bytes, the same on every run. */
        g_autoptr(GRand) rand = g_rand_new_with_seed (20261124);
        g_autoptr(GByteArray) data = g_byte_array_sized_new (1024 * 1024);
        g_autoptr(GError) error = NULL;

        for (guint i = 0; i < 1024 * 1024; i++)
          {
            guint8 byte = (guint8) g_rand_int_range (rand, 0, 256);

            g_byte_array_append (data, &byte, 1);
          }
        g_file_set_contents (path, (const char *) data->data, data->len, &error);
        g_assert_no_error (error);
      }
      break;
    case GEN_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* Checks ------------------------------------------------------------------ */

static void
assert_clear_message (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_assert_cmpuint (strlen (error->message), <, MAX_MESSAGE_LENGTH);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* A draft that loaded saves to bytes that load back to the same bytes. */
static GBytes *
assert_stable_encoding (PlenaryDraft *draft)
{
  g_autoptr(GBytes) first = plenary_draft_codec_encode (draft);
  g_autoptr(PlenaryDraft) again = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;

  again = plenary_draft_codec_decode (g_bytes_get_data (first, NULL), g_bytes_get_size (first), &error);
  g_assert_no_error (error);
  second = plenary_draft_codec_encode (again);
  g_assert_true (g_bytes_equal (first, second));

  return g_steal_pointer (&first);
}

static void
check_loader (const HostileCase *c,
              const char        *path,
              const FileState   *state,
              GBytes           **saved)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  draft = plenary_draft_load (file, NULL, &error);
  assert_untouched (path, state);

  if (c->load_error == LOADS)
    {
      g_assert_no_error (error);
      g_assert_nonnull (draft);
      *saved = assert_stable_encoding (draft);
      return;
    }

  g_assert_null (draft);
  g_assert_error (error, PLENARY_DRAFT_ERROR, c->load_error);
  assert_clear_message (error);
  if (strstr (error->message, c->load_message) == NULL)
    g_error ("%s: “%s” does not say “%s”", c->name, error->message, c->load_message);
  g_assert_cmpstr (plenary_draft_error_get_path (error), ==, c->load_path);
  if (c->load_error == PLENARY_DRAFT_ERROR_MALFORMED)
    {
      g_assert_cmpuint (plenary_draft_error_get_line (error), >=, 1);
      g_assert_cmpuint (plenary_draft_error_get_column (error), >=, 1);
    }
}

static void
check_importer (const HostileCase *c,
                const char        *path,
                const FileState   *state)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  const char *data = g_mapped_file_get_contents (mapped);
  gsize length = g_mapped_file_get_length (mapped);

  draft = plenary_importer_import (data != NULL ? data : "", length, c->name, NULL, &warnings, &error);
  assert_untouched (path, state);

  /* Whatever comes out of the importer can be saved and opened again. */
  if (draft != NULL)
    {
      g_autoptr(GBytes) saved = NULL;

      g_assert_no_error (error);
      saved = assert_stable_encoding (draft);
      g_assert_cmpint (c->convert_status, ==, 0);
    }
  else
    {
      assert_clear_message (error);
      g_assert_true (error->domain == PLENARY_DRAFT_ERROR || error->domain == PLENARY_IMPORTER_ERROR);
      g_assert_cmpint (c->convert_status, ==, 1);
    }
}

static void
check_source_importer (const HostileCase *c,
                       const char        *path,
                       const FileState   *state)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlenarySource) source = NULL;
  g_autoptr(GError) error = NULL;

  source = plenary_source_importer_import (draft, file, NULL, &error);
  assert_untouched (path, state);

  /* A draft is never taken as a source, however broken. */
  if (g_str_has_suffix (c->name, ".plenary.json"))
    {
      g_assert_null (source);
      g_assert_error (error, PLENARY_SOURCE_IMPORT_ERROR, PLENARY_SOURCE_IMPORT_ERROR_DRAFT);
      assert_clear_message (error);
      g_assert_nonnull (strstr (error->message, c->name));
      return;
    }

  if (c->source_refused)
    {
      g_assert_null (source);
      g_assert_error (error, PLENARY_SOURCE_IMPORT_ERROR, PLENARY_SOURCE_IMPORT_ERROR_UNSUPPORTED);
      assert_clear_message (error);
      g_assert_nonnull (strstr (error->message, c->name));
      return;
    }

  g_assert_no_error (error);
  g_assert_nonnull (source);
  g_assert_true (g_utf8_validate (plenary_source_get_text (source), -1, NULL));
  g_assert_null (strchr (plenary_source_get_text (source), '\r'));
  /* A title, not the first 100 MB line. */
  g_assert_true (g_utf8_validate (plenary_source_get_title (source), -1, NULL));
  g_assert_cmpint (g_utf8_strlen (plenary_source_get_title (source), -1), <=, 101);
  g_assert_cmpstr (plenary_source_get_origin (source), ==, c->name);
}

static GStrv
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_add (names, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/* Runs `plenary --convert IN OUT` headless and returns its exit status and
 * what it printed on stderr. A run still going after HANG_SECONDS of wall
 * time hangs, and is killed. */
static int
run_convert_in (const char  *language,
                const char  *input,
                const char  *output,
                char       **stderr_text)
{
  g_autofree char *err_path = g_build_filename (tmp_root, "convert-stderr", NULL);
  g_autofree char *name = g_path_get_basename (input);
  g_auto(GStrv) envp = g_environ_unsetenv (g_environ_unsetenv (g_get_environ (), "DISPLAY"),
                                           "WAYLAND_DISPLAY");
  const char *argv[] = { plenary_path, "--convert", input, output, NULL };
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + HANG_SECONDS * G_USEC_PER_SEC;
  int err_fd;
  int wait_status;
  GPid pid;

  /* Newer glibc ignores LANGUAGE under C.UTF-8: a French user's locale. */
  if (language != NULL)
    envp = g_environ_setenv (envp, "LANGUAGE", language, TRUE);
  if (g_strcmp0 (language, "fr") == 0)
    envp = g_environ_setenv (envp, "LC_ALL", "fr_FR.UTF-8", TRUE);
  err_fd = g_open (err_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  g_assert_cmpint (err_fd, >=, 0);
  g_spawn_async_with_fds (NULL, (char **) argv, envp,
                          G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                          NULL, NULL, &pid, -1, -1, err_fd, &error);
  close (err_fd);
  g_assert_no_error (error);

  while (waitpid (pid, &wait_status, WNOHANG) == 0)
    {
      if (g_get_monotonic_time () > deadline)
        {
          kill (pid, SIGKILL);
          waitpid (pid, &wait_status, 0);
          g_error ("plenary --convert %s hung", name);
        }
      g_usleep (2000);
    }
  if (!WIFEXITED (wait_status))
    g_error ("plenary --convert %s crashed (signal %d)", name, WTERMSIG (wait_status));

  g_file_get_contents (err_path, stderr_text, NULL, &error);
  g_assert_no_error (error);
  g_unlink (err_path);

  return WEXITSTATUS (wait_status);
}

static int
run_convert (const char  *input,
             const char  *output,
             char       **stderr_text)
{
  return run_convert_in (NULL, input, output, stderr_text);
}

static void
check_convert (const HostileCase *c,
               const char        *folder,
               const char        *path,
               const FileState   *state,
               GBytes            *saved)
{
  g_autofree char *output = g_build_filename (folder, "out.plenary.json", NULL);
  g_autofree char *err = NULL;
  g_auto(GStrv) names = NULL;
  int status;

  status = run_convert (path, output, &err);
  assert_untouched (path, state);
  if (status != c->convert_status)
    g_error ("plenary --convert %s: exit status %d: %s", c->name, status, err);
  names = list_folder (folder);

  if (status == 0)
    {
      g_autofree char *written = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      g_assert_cmpstr (err, ==, "");
      /* Nothing beside the input and the output: no temporary file left. */
      g_assert_cmpuint (g_strv_length (names), ==, 2);
      g_assert_true (g_strv_contains ((const char * const *) names, "out.plenary.json"));
      g_file_get_contents (output, &written, &length, &error);
      g_assert_no_error (error);
      /* A draft that loaded is written back byte for byte as it encodes. */
      if (saved != NULL)
        g_assert_true (length == g_bytes_get_size (saved) &&
                       memcmp (written, g_bytes_get_data (saved, NULL), length) == 0);
      else
        {
          g_autoptr(PlenaryDraft) draft = plenary_draft_codec_decode (written, length, &error);

          g_assert_no_error (error);
          g_assert_nonnull (draft);
        }
      g_unlink (output);
      return;
    }

  /* One line, our message with the file's name, not a crash or a dump. */
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_true (g_str_has_prefix (err, "plenary: Could not convert “"));
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  g_assert_cmpuint (strlen (err), <, MAX_MESSAGE_LENGTH + 200);
  g_assert_nonnull (strstr (err, c->name));
  g_assert_null (strstr (err, "CRITICAL"));
  g_assert_null (strstr (err, "WARNING"));
  if (strstr (err, c->convert_message != NULL ? c->convert_message : c->load_message) == NULL)
    g_error ("%s: “%s” does not say “%s”", c->name, err,
             c->convert_message != NULL ? c->convert_message : c->load_message);
}

static void
test_hostile_file (gconstpointer data)
{
  const HostileCase *c = data;
  g_autofree char *folder = g_build_filename (tmp_root, c->name, NULL);
  g_autofree char *path = g_build_filename (folder, c->name, NULL);
  g_autoptr(GBytes) saved = NULL;
  FileState state = { 0, };

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  if (c->generator == GEN_NONE)
    {
      g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "hostile", "data", c->name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      g_file_get_contents (fixture, &contents, &length, &error);
      g_assert_no_error (error);
      g_file_set_contents (path, contents, length, &error);
      g_assert_no_error (error);
    }
  else
    generate (c->generator, path);

  /* A file from yesterday, so that a rewrite within the same second shows. */
  {
    struct timespec times[2] = { { 1700000000, 123456789 }, { 1700000000, 123456789 } };

    g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
  }
  file_state_read (path, &state);

  check_loader (c, path, &state, &saved);
  check_importer (c, path, &state);
  check_source_importer (c, path, &state);
  check_convert (c, folder, path, &state, saved);
  assert_same_bytes (path, &state);

  g_unlink (path);
  g_rmdir (folder);
  file_state_clear (&state);
}

/* Selectors pointing outside the text load, and the resolver makes those
 * annotations orphans or finds their exact words elsewhere: never other
 * words, never a crash. */
static void
test_selectors_outside (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "hostile", "data",
                                                 "selectors-outside.plenary.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) placements = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *text = NULL;
  const char *source_text;
  static const struct
  {
    const char *id;
    gboolean    placed;
    gboolean    source_placed;
  } expected[] = {
    { "far-quote-present", TRUE, FALSE },
    { "far-quote-absent", FALSE, FALSE },
    { "reversed", TRUE, FALSE },
    { "int64-max", TRUE, FALSE },
    { "caret-far", FALSE, FALSE },
    { "missing-source", FALSE, FALSE },
    { "citation-far", TRUE, FALSE },
    { "in-range-wrong-words", TRUE, FALSE },
    { "citation-source-far", TRUE, TRUE },
  };

  draft = plenary_draft_load (file, NULL, &error);
  g_assert_no_error (error);
  before = plenary_draft_codec_encode (draft);

  text = plenary_clause_printer_print (plenary_draft_get_body (draft), plenary_draft_get_kind (draft),
                                       plenary_draft_get_language (draft), PLENARY_PRINT_EDITOR);
  source_text = plenary_source_get_text (plenary_draft_find_source (draft, "s1"));
  placements = plenary_anchor_resolver_resolve_draft (draft, text);
  g_assert_cmpuint (placements->len, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < placements->len; i++)
    {
      PlenaryAnchorPlacement *p = &g_array_index (placements, PlenaryAnchorPlacement, i);
      PlenaryAnchor *anchor = plenary_annotation_get_anchor (p->annotation);

      g_test_message ("%s: %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                      plenary_annotation_get_id (p->annotation), p->start, p->end);
      g_assert_cmpstr (plenary_annotation_get_id (p->annotation), ==, expected[i].id);
      g_assert_cmpint (plenary_annotation_get_orphan (p->annotation), ==, !expected[i].placed);

      if (!expected[i].placed)
        {
          g_assert_cmpint (p->how, ==, PLENARY_ANCHOR_MATCH_ORPHAN);
          g_assert_cmpint (p->start, ==, -1);
          g_assert_cmpint (p->end, ==, -1);
        }
      else
        {
          const char *s = g_utf8_offset_to_pointer (text, p->start);
          const char *e = g_utf8_offset_to_pointer (text, p->end);
          g_autofree char *placed = NULL;

          g_assert_cmpint (0, <=, p->start);
          g_assert_cmpint (p->start, <=, p->end);
          g_assert_cmpint (p->end, <=, g_utf8_strlen (text, -1));
          placed = g_strndup (s, e - s);
          /* On the very words quoted, whatever the stored position said. */
          g_assert_cmpstr (placed, ==, anchor->exact);
        }

      g_assert_cmpint (p->source_how == PLENARY_ANCHOR_MATCH_ORPHAN, ==, !expected[i].source_placed);
      if (!expected[i].source_placed)
        g_assert_cmpint (p->source_start, ==, -1);
      else
        {
          PlenaryAnchor *quoted = plenary_annotation_get_source_anchor (p->annotation);
          const char *s = g_utf8_offset_to_pointer (source_text, p->source_start);
          const char *e = g_utf8_offset_to_pointer (source_text, p->source_end);
          g_autofree char *placed = NULL;

          g_assert_cmpint (0, <=, p->source_start);
          g_assert_cmpint (p->source_start, <=, p->source_end);
          g_assert_cmpint (p->source_end, <=, g_utf8_strlen (source_text, -1));
          placed = g_strndup (s, e - s);
          g_assert_cmpstr (placed, ==, quoted->exact);
        }
    }

  /* Resolving never rewrites what is stored. */
  after = plenary_draft_codec_encode (draft);
  g_assert_true (g_bytes_equal (before, after));
}

/* Text that looks like markup, paths or commands stays text: it is written
 * to every output as is, and nothing is opened or run. The source's origin
 * is a FIFO: opening it would block and time the conversion out. */
static void
test_not_interpreted (void)
{
  g_autofree char *folder = g_build_filename (tmp_root, "not-interpreted", NULL);
  g_autofree char *fifo = g_build_filename (folder, "fifo", NULL);
  g_autofree char *pwned = g_build_filename (folder, "pwned", NULL);
  g_autofree char *input = g_build_filename (folder, "in.plenary.json", NULL);
  g_autofree char *phrase = NULL;
  g_autofree char *body_text = NULL;
  g_autofree char *fifo_uri = NULL;
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(PlenaryBody) body = plenary_body_new ();
  g_autoptr(PlenarySource) source = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  PlenaryParagraph *paragraph;
  FileState state = { 0, };
  static const char * const outputs[] = { "out.plenary.json", "out.txt", "out.pdf" };

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  fifo_uri = g_filename_to_uri (fifo, NULL, NULL);

  body_text = g_strdup_printf ("de <b>rester</b> &amp; <span foreground=\"red\">saisie</span> "
                               "$(touch %s) `touch %s` %s;", pwned, pwned, fifo_uri);
  paragraph = plenary_paragraph_new (PLENARY_ROLE_OPERATIVE, "Décide", body_text);
  g_ptr_array_add (body->paragraphs, paragraph);
  plenary_draft_set_body (draft, body);
  plenary_metadata_set_string (plenary_draft_get_metadata (draft), "question", "<i>Question</i> &lt;");
  source = plenary_source_new ("s1", "<u>Titre</u>", fifo, "text/html", fifo_uri);
  g_list_store_append (plenary_draft_get_sources (draft), source);
  bytes = plenary_draft_codec_encode (draft);
  g_file_set_contents (input, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  file_state_read (input, &state);

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *output = g_build_filename (folder, outputs[i], NULL);
      g_autofree char *err = NULL;
      g_autofree char *written = NULL;
      gsize length;

      if (run_convert (input, output, &err) != 0)
        g_error ("plenary --convert to %s failed: %s", outputs[i], err);
      g_assert_cmpstr (err, ==, "");
      assert_same_bytes (input, &state);

      if (g_str_has_suffix (output, ".pdf"))
        {
          g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
          g_autofree char *out = NULL;
          const char *argv[] = { pdftotext, "-enc", "UTF-8", output, "-", NULL };
          int wait_status;

          /* poppler-utils is in tools/dev's package list. */
          g_assert_nonnull (pdftotext);
          g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &wait_status, &error);
          g_assert_no_error (error);
          g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
          written = g_strdup (out);
        }
      else
        {
          g_file_get_contents (output, &written, &length, &error);
          g_assert_no_error (error);
        }

      g_assert_nonnull (strstr (written, "<b>rester</b>"));
      g_assert_nonnull (strstr (written, "&amp;"));
      g_assert_nonnull (strstr (written, "<span"));
      g_assert_nonnull (strstr (written, "$(touch"));
      g_assert_nonnull (strstr (written, "`touch"));
      g_unlink (output);
    }

  g_assert_false (g_file_test (pwned, G_FILE_TEST_EXISTS));
  file_state_clear (&state);
  g_unlink (input);
  g_unlink (fifo);
  g_rmdir (folder);
}

/* The refusal is the translated message, as a French user reads it. */
static void
test_french_message (void)
{
  g_autofree char *input = g_test_build_filename (G_TEST_DIST, "hostile", "data", "version-999.plenary.json", NULL);
  g_autofree char *output = g_build_filename (tmp_root, "french.plenary.json", NULL);
  g_autofree char *err = NULL;

  g_assert_cmpint (run_convert_in ("fr", input, output, &err), ==, 1);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  if (!g_str_has_prefix (err, "plenary: Impossible de convertir «") ||
      strstr (err, "créé par une version plus récente de Plenary") == NULL)
    g_error ("Not the French message: %s", err);
}

/* Fuzzing found these; each one once crashed a check or lost data. */
static void
test_fuzz_regressions (void)
{
  /* json-glib quotes the offending string in its message, and decodes a
   * lone surrogate escape to bytes that are not UTF-8: the message must
   * still be valid UTF-8 (GTK labels and Pango refuse anything else). */
  static const char lone_surrogate[] = "{\"format\": \"plenary-draft\", \"version\": 1, "
                                       "\"metadata\": {\"co_sponsors\": [\"\\ud800\" \"x\"]}}";
  /* A second selector of a type Plenary uses was merged into the first one
   * on save, so the anchor changed on the next save. */
  static const char duplicate_selectors[] =
    "{\"format\": \"plenary-draft\", \"version\": 1, \"annotations\": [{\"id\": \"a1\", "
    "\"target\": {\"selector\": [{\"type\": \"TextQuoteSelector\", \"exact\": \"un\"}, "
    "{\"type\": \"TextQuoteSelector\", \"exact\": \"deux\", \"prefix\": \"p\"}]}}]}";
  g_autofree char *surrogates_path = g_test_build_filename (G_TEST_DIST, "hostile", "data",
                                                           "lone-surrogates.plenary.json", NULL);
  g_autoptr(GFile) surrogates = g_file_new_for_path (surrogates_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenaryDraft) draft = NULL;
  g_autoptr(PlenaryAnnotation) annotation = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *long_kind = NULL;
  g_autofree char *json = NULL;
  PlenaryParagraph *paragraph;
  PlenarySource *source;

  draft = plenary_draft_codec_decode (lone_surrogate, strlen (lone_surrogate), &error);
  g_assert_null (draft);
  g_assert_error (error, PLENARY_DRAFT_ERROR, PLENARY_DRAFT_ERROR_MALFORMED);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "\"\xef\xbf\xbd"));
  g_clear_error (&error);

  draft = plenary_draft_codec_decode (duplicate_selectors, strlen (duplicate_selectors), &error);
  g_assert_no_error (error);
  annotation = g_list_model_get_item (G_LIST_MODEL (plenary_draft_get_annotations (draft)), 0);
  g_assert_cmpstr (plenary_annotation_get_anchor (annotation)->exact, ==, "un");
  saved = assert_stable_encoding (draft);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), "\"deux\""));
  g_clear_object (&draft);

  /* Lone surrogate escapes in strings became bytes that are not UTF-8 in
   * the model (a critical when making the source, garbage in the editor):
   * they read as U+FFFD, and a valid pair stays the emoji it encodes.
   * (json-glib also swallows the character after a lone surrogate.) */
  draft = plenary_draft_load (surrogates, NULL, &error);
  g_assert_no_error (error);
  source = plenary_draft_find_source (draft, "s1");
  g_assert_nonnull (source);
  g_assert_true (g_utf8_validate (plenary_source_get_text (source), -1, NULL));
  g_assert_true (g_str_has_prefix (plenary_source_get_text (source), "Texte \xef\xbf\xbd"));
  g_assert_true (g_str_has_suffix (plenary_source_get_text (source), "une demi-paire."));
  g_assert_true (g_str_has_prefix (plenary_source_get_title (source), "Rapport \xef\xbf\xbd"));
  paragraph = g_ptr_array_index (plenary_draft_get_body (draft)->paragraphs, 0);
  g_assert_true (g_utf8_validate (paragraph->phrase, -1, NULL));
  g_assert_true (g_str_has_prefix (paragraph->phrase, "D\xef\xbf\xbd"));
  g_assert_cmpstr (paragraph->text, ==, "de rester saisie \xf0\x9f\x98\x80 de la question.");
  g_assert_true (g_str_has_prefix (plenary_metadata_get_string (plenary_draft_get_metadata (draft), "question"),
                                   "\xef\xbf\xbd"));
  g_assert_true (g_utf8_validate (plenary_metadata_get_co_sponsors (plenary_draft_get_metadata (draft))[1], -1, NULL));
  g_clear_pointer (&saved, g_bytes_unref);
  saved = assert_stable_encoding (draft);
  g_assert_true (g_utf8_validate_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), NULL));
  g_clear_object (&draft);

  /* A broken page with two <head>s: the second title replaced the first,
   * which leaked. The first one wins. */
  {
    static const char two_heads[] = "<html><head><title>Premier</title></head>"
                                    "<head><title>Second</title></head><body><p>x</p></body></html>";
    g_autoptr(PlenaryDraft) owner = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
    g_autoptr(GBytes) page = g_bytes_new_static (two_heads, strlen (two_heads));
    g_autoptr(PlenarySource) imported = NULL;

    imported = plenary_source_importer_import_bytes (owner, page, "page.html", NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (plenary_source_get_title (imported), ==, "Premier");
  }

  /* A list item after a no-break space: the item's text was taken from
   * inside that character (a critical, and the bullet lost). */
  {
    static const char markdown[] = "# Contexte\n\n\xe2\x80\xaf- premier point;\n\xc2\xa0* second point;\n";
    g_autoptr(PlenaryDraft) brief = NULL;
    PlenaryParagraph *section;

    brief = plenary_importer_import (markdown, strlen (markdown), "notes.md", "fr", NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (plenary_draft_get_kind (brief), ==, PLENARY_DRAFT_KIND_BRIEF);
    section = g_ptr_array_index (plenary_draft_get_body (brief)->paragraphs, 0);
    g_assert_cmpstr (section->text, ==, "Contexte");
    g_assert_cmpuint (section->children->len, ==, 2);
    for (guint i = 0; i < 2; i++)
      g_assert_cmpint (((PlenaryParagraph *) g_ptr_array_index (section->children, i))->role, ==, PLENARY_ROLE_BULLET);
    g_assert_cmpstr (((PlenaryParagraph *) g_ptr_array_index (section->children, 0))->text, ==, "premier point;");
    g_assert_cmpstr (((PlenaryParagraph *) g_ptr_array_index (section->children, 1))->text, ==, "second point;");
  }

  /* A value quoted in a message is shortened, not pasted whole. */
  long_kind = g_strnfill (100000, 'k');
  json = g_strdup_printf ("{\"format\": \"plenary-draft\", \"version\": 1, \"kind\": \"%s\"}", long_kind);
  draft = plenary_draft_codec_decode (json, strlen (json), &error);
  g_assert_null (draft);
  g_assert_error (error, PLENARY_DRAFT_ERROR, PLENARY_DRAFT_ERROR_INVALID);
  g_assert_cmpuint (strlen (error->message), <, 300);
  g_assert_nonnull (strstr (error->message, "kkk…”"));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Issue 11's hangs and lost text, and issue 13's sizes: each imports, or is
 * refused with a message, in linear time (meson's timeout is the hang
 * deadline; the speeds are in tools/dev bench). */
static void
test_import_sizes_and_encodings (void)
{
  g_autoptr(GError) error = NULL;

  /* 1 MB of blank lines: refused, never an empty draft. */
  {
    g_autofree char *blank = g_strnfill (1024 * 1024, '\n');
    g_autoptr(PlenaryDraft) draft = plenary_importer_import (blank, strlen (blank), "blank.txt", NULL, NULL, &error);

    g_assert_null (draft);
    g_assert_error (error, PLENARY_IMPORTER_ERROR, PLENARY_IMPORTER_ERROR_EMPTY);
    g_clear_error (&error);
  }

  /* A 400 KB Markdown line of "*a": every "a" arrives. */
  {
    g_autoptr(GString) stars = g_string_new (NULL);
    g_autoptr(PlenaryDraft) draft = NULL;
    g_autofree char *printed = NULL;
    guint n = 0;

    for (guint i = 0; i < 200 * 1000; i++)
      g_string_append (stars, "*a");
    draft = plenary_importer_import (stars->str, stars->len, "stars.md", "fr", NULL, &error);
    g_assert_no_error (error);
    printed = plenary_clause_printer_print (plenary_draft_get_body (draft), plenary_draft_get_kind (draft), "fr",
                                            PLENARY_PRINT_PLAIN);
    for (const char *p = printed; *p; p++)
      n += *p == 'a';
    g_assert_cmpuint (n, ==, 200 * 1000);
  }

  /* A million lines. */
  {
    g_autoptr(GString) text = g_string_new ("L'Assemblée générale,\n");
    g_autoptr(PlenaryDraft) draft = NULL;

    /* Hard-wrapped as pdftotext writes them. */
    for (guint i = 0; i < 500 * 1000; i++)
      g_string_append_printf (text, "Rappelant sa résolution %u sur la coopération\n"
                                    "internationale et le développement durable,\n", i);
    draft = plenary_importer_import (text->str, text->len, "lines.txt", NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (plenary_draft_get_kind (draft), ==, PLENARY_DRAFT_KIND_RESOLUTION);
    g_assert_cmpuint (plenary_draft_get_body (draft)->paragraphs->len, ==, 500 * 1000);
  }

  /* 100,000 labels under one paragraph. */
  {
    g_autoptr(GString) text = g_string_new ("The General Assembly,\nRecalling its resolution 1,\n1. Decides:\n");
    g_autoptr(PlenaryDraft) draft = NULL;
    PlenaryParagraph *decides;

    for (guint i = 0; i < 100 * 1000; i++)
      g_string_append_printf (text, "(%c) item %u;\n", 'a' + i % 26, i);
    draft = plenary_importer_import (text->str, text->len, "labels.txt", NULL, NULL, &error);
    g_assert_no_error (error);
    decides = g_ptr_array_index (plenary_draft_get_body (draft)->paragraphs, 1);
    g_assert_cmpuint (decides->children->len, ==, 100 * 1000);
  }

  /* Windows-1252 text with one NUL byte: nothing is cut at the NUL. */
  {
    static const char cp1252[] = "L'Assembl\xe9" "e g\xe9n\xe9rale,\nConsid\xe9rant la paix,\0\n"
                                 "D\xe9" "cide de rester saisie de la question.\n";
    g_autoptr(PlenaryDraft) draft = plenary_importer_import (cp1252, sizeof cp1252 - 1, "nul.txt", NULL, NULL, &error);
    PlenaryBody *body;

    g_assert_no_error (error);
    body = plenary_draft_get_body (draft);
    g_assert_cmpuint (body->paragraphs->len, ==, 2);
    g_assert_cmpstr (((PlenaryParagraph *) g_ptr_array_index (body->paragraphs, 1))->phrase, ==, "Décide");
  }

  /* UTF-16 and UTF-32 text with a BOM ("Unicode" in Notepad), a draft
   * saved as UTF-16, and a BOM with nothing after it. */
  {
    const char *utf8 = "The Security Council,\nRecalling its resolution 2719 (2023),\nDecides to remain seized of the matter.\n";
    g_autofree gunichar2 *utf16 = NULL;
    g_autofree gunichar *utf32 = NULL;
    g_autoptr(GByteArray) le16 = g_byte_array_new ();
    g_autoptr(GByteArray) be32 = g_byte_array_new ();
    g_autoptr(PlenaryDraft) reference = plenary_importer_import (utf8, strlen (utf8), "u.txt", NULL, NULL, &error);
    g_autoptr(PlenaryDraft) from16 = NULL;
    g_autoptr(PlenaryDraft) from32 = NULL;
    g_autoptr(PlenaryDraft) json16 = NULL;
    g_autoptr(PlenaryDraft) nothing = NULL;
    g_autoptr(GBytes) encoded = plenary_draft_codec_encode (reference);
    glong n = 0;

    utf16 = g_utf8_to_utf16 (utf8, -1, NULL, &n, NULL);
    g_byte_array_append (le16, (const guint8 *) "\xff\xfe", 2);
    for (glong i = 0; i < n; i++)
      {
        guint8 pair[2] = { utf16[i] & 0xff, utf16[i] >> 8 };

        g_byte_array_append (le16, pair, 2);
      }
    utf32 = g_utf8_to_ucs4 (utf8, -1, NULL, &n, NULL);
    g_byte_array_append (be32, (const guint8 *) "\0\0\xfe\xff", 4);
    for (glong i = 0; i < n; i++)
      {
        guint8 quad[4] = { utf32[i] >> 24, (utf32[i] >> 16) & 0xff, (utf32[i] >> 8) & 0xff, utf32[i] & 0xff };

        g_byte_array_append (be32, quad, 4);
      }

    from16 = plenary_importer_import ((const char *) le16->data, le16->len, "unicode.txt", NULL, NULL, &error);
    g_assert_no_error (error);
    from32 = plenary_importer_import ((const char *) be32->data, be32->len, "unicode32.txt", NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (plenary_body_equal (plenary_draft_get_body (from16), plenary_draft_get_body (reference)));
    g_assert_true (plenary_body_equal (plenary_draft_get_body (from32), plenary_draft_get_body (reference)));

    /* The draft file itself saved as UTF-16. */
    {
      g_autofree gunichar2 *json = g_utf8_to_utf16 (g_bytes_get_data (encoded, NULL), g_bytes_get_size (encoded), NULL, &n, NULL);
      g_autoptr(GByteArray) bytes = g_byte_array_new ();

      g_byte_array_append (bytes, (const guint8 *) "\xff\xfe", 2);
      g_byte_array_append (bytes, (const guint8 *) json, n * 2);
      json16 = plenary_importer_import ((const char *) bytes->data, bytes->len, "x.plenary.json", NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (plenary_body_equal (plenary_draft_get_body (json16), plenary_draft_get_body (reference)));
    }

    nothing = plenary_importer_import ("\xff\xfe", 2, "empty.txt", NULL, NULL, &error);
    g_assert_null (nothing);
    g_assert_error (error, PLENARY_IMPORTER_ERROR, PLENARY_IMPORTER_ERROR_EMPTY);
    g_clear_error (&error);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *big;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    g_error ("usage: %s PATH-TO-PLENARY", argv[0]);
  plenary_path = argv[1];
  if ((big = g_getenv ("PLENARY_HOSTILE_BIG_MB")) != NULL)
    big_string = g_ascii_strtoull (big, NULL, 10) * 1024 * 1024;

  tmp_root = g_dir_make_tmp ("plenary-hostile-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/hostile/file/%s", cases[i].name);

      g_test_add_data_func (test_path, &cases[i], test_hostile_file);
    }
  g_test_add_func ("/hostile/selectors-outside", test_selectors_outside);
  g_test_add_func ("/hostile/not-interpreted", test_not_interpreted);
  g_test_add_func ("/hostile/french-message", test_french_message);
  g_test_add_func ("/hostile/fuzz-regressions", test_fuzz_regressions);
  g_test_add_func ("/hostile/import-sizes-and-encodings", test_import_sizes_and_encodings);

  status = g_test_run ();
  remove_tree (tmp_root);
  g_free (tmp_root);

  return status;
}
