/* test-never-lose.c
 *
 * Faults that once lost work or hung, each through the real way in:
 * `plenary --convert`, the draft loader and the source importer. The
 * inputs are generated here. No time limit but the hang deadline (a
 * minute of wall time, which only a real hang reaches); how fast each input
 * goes is measured by bench/bench-hostile.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-never-lose"

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "plenary-draft-codec.h"
#include "plenary-draft-file.h"
#include "plenary-importer.h"
#include "plenary-source-importer.h"

#define HANG_SECONDS 60

static const char *plenary_path;
static char *tmp_root;
/* Sanitizer builds (which set PLENARY_HOSTILE_BIG_MB) run several times
 * slower: the largest inputs shrink, to stay far from the hang deadline. */
static guint shrink = 1;

static char *
make_folder (const char *name)
{
  char *folder = g_build_filename (tmp_root, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  return folder;
}

static void
write_bytes (const char *path,
             const char *data,
             gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static guint
count_entries (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The names in FOLDER, sorted, one per line: what an assertion shows. */
static char *
folder_listing (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

static GPid
spawn_convert (const char *input,
               const char *output,
               const char *err_path)
{
  g_auto(GStrv) envp = g_environ_unsetenv (g_environ_unsetenv (g_get_environ (), "DISPLAY"),
                                           "WAYLAND_DISPLAY");
  const char *argv[] = { plenary_path, "--convert", input, output, NULL };
  g_autoptr(GError) error = NULL;
  int err_fd = g_open (err_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  GPid pid;

  g_assert_cmpint (err_fd, >=, 0);
  g_spawn_async_with_fds (NULL, (char **) argv, envp,
                          G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                          NULL, NULL, &pid, -1, -1, err_fd, &error);
  close (err_fd);
  g_assert_no_error (error);

  return pid;
}

/* Waits for PID, killing it (and failing) at the hang deadline. */
static int
wait_convert (GPid        pid,
              const char *what)
{
  gint64 deadline = g_get_monotonic_time () + HANG_SECONDS * G_USEC_PER_SEC;
  int wait_status;

  while (waitpid (pid, &wait_status, WNOHANG) == 0)
    {
      if (g_get_monotonic_time () > deadline)
        {
          kill (pid, SIGKILL);
          waitpid (pid, &wait_status, 0);
          g_error ("plenary --convert %s hung", what);
        }
      g_usleep (2000);
    }

  return wait_status;
}

/* Runs `plenary --convert IN OUT` to its end: its exit status, and its
 * stderr in *ERR. */
static int
run_convert (const char  *input,
             const char  *output,
             char       **err)
{
  g_autofree char *err_path = g_build_filename (tmp_root, "stderr", NULL);
  int wait_status = wait_convert (spawn_convert (input, output, err_path), input);
  g_autoptr(GError) error = NULL;

  if (!WIFEXITED (wait_status))
    g_error ("plenary --convert %s crashed (signal %d)", input, WTERMSIG (wait_status));
  g_file_get_contents (err_path, err, NULL, &error);
  g_assert_no_error (error);
  g_unlink (err_path);

  return WEXITSTATUS (wait_status);
}

static void
assert_refused (const char *input,
                const char *output,
                const char *says)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (run_convert (input, output, &err), ==, 1);
  if (strstr (err, says) == NULL)
    g_error ("plenary --convert %s: “%s” does not say “%s”", input, err, says);
  g_assert_true (g_str_has_prefix (err, "plenary: Could not convert “"));
  g_assert_null (strstr (err, "CRITICAL"));
}

/* A FIFO blocked forever; /dev/zero and /dev/urandom aborted the process
 * on allocation. All three are refused at once, by every way in. */
static void
test_not_regular (void)
{
  g_autofree char *folder = make_folder ("not-regular");
  g_autofree char *fifo = g_build_filename (folder, "notes.txt", NULL);
  g_autofree char *zero = g_build_filename (folder, "zero.plenary.json", NULL);
  g_autofree char *random = g_build_filename (folder, "random.md", NULL);
  g_autofree char *output = g_build_filename (folder, "out.plenary.json", NULL);
  const char *inputs[] = { fifo, zero, random };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
  g_assert_cmpint (symlink ("/dev/urandom", random), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (inputs[i]);
      g_autoptr(PlenaryDraft) owner = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
      g_autoptr(PlenaryDraft) draft = NULL;
      g_autoptr(PlenarySource) source = NULL;
      g_autoptr(GError) error = NULL;

      assert_refused (inputs[i], output, "not a regular file");
      g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

      draft = plenary_draft_load (file, NULL, &error);
      g_assert_null (draft);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
      g_clear_error (&error);

      source = plenary_source_importer_import (owner, file, NULL, &error);
      g_assert_null (source);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
    }
}

/* The docs promise that files over 512 MB are refused: before reading. */
static void
test_too_large (void)
{
  g_autofree char *folder = make_folder ("too-large");
  g_autofree char *input = g_build_filename (folder, "huge.txt", NULL);
  g_autofree char *output = g_build_filename (folder, "out.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (input);
  g_autoptr(PlenaryDraft) owner = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(PlenarySource) source = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  /* Sparse: 600 MB that take no disk space, and must not be read. */
  fd = g_open (input, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (ftruncate (fd, (off_t) 600 * 1024 * 1024), ==, 0);
  close (fd);

  assert_refused (input, output, "too large");
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  source = plenary_source_importer_import (owner, file, NULL, &error);
  g_assert_null (source);
  g_assert_error (error, PLENARY_SOURCE_IMPORT_ERROR, PLENARY_SOURCE_IMPORT_ERROR_TOO_LARGE);
  g_unlink (input);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* `plenary --convert notes.txt notes.txt` replaced the notes with their
 * conversion. The output may not be the input, by any name; a draft
 * written again as a draft may, and keeps a backup. */
static void
test_convert_onto_itself (void)
{
  g_autofree char *folder = make_folder ("onto-itself");
  g_autofree char *notes = g_build_filename (folder, "notes.txt", NULL);
  g_autofree char *symbolic = g_build_filename (folder, "link.txt", NULL);
  g_autofree char *hard = g_build_filename (folder, "hard.txt", NULL);
  g_autofree char *hard_pdf = g_build_filename (folder, "hard.pdf", NULL);
  g_autofree char *draft = g_build_filename (folder, "projet.plenary.json", NULL);
  g_autofree char *err = NULL;
  g_autofree char *after = NULL;
  g_autofree char *draft_before = NULL;
  g_autofree char *draft_after = NULL;
  static const char text[] = "L'Assemblée générale,\n1. Décide de rester saisie de la question.\n";
  const char *outputs[] = { notes, symbolic, hard, hard_pdf };

  write_bytes (notes, text, -1);
  g_assert_cmpint (symlink ("notes.txt", symbolic), ==, 0);
  g_assert_cmpint (link (notes, hard), ==, 0);
  g_assert_cmpint (link (notes, hard_pdf), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      assert_refused (notes, outputs[i], "the output is the input file");
      g_clear_pointer (&after, g_free);
      after = read_text (notes);
      g_assert_cmpstr (after, ==, text);
    }
  g_assert_cmpuint (count_entries (folder), ==, 4);

  /* A draft rewritten as a draft: allowed, and the old one is a backup. */
  g_assert_cmpint (run_convert (notes, draft, &err), ==, 0);
  draft_before = read_text (draft);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_convert (draft, draft, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  draft_after = read_text (draft);
  g_assert_cmpstr (draft_after, ==, draft_before);
  {
    g_autoptr(GFile) file = g_file_new_for_path (draft);
    g_autoptr(GPtrArray) backups = plenary_draft_file_list_backups (file, NULL);
    g_autofree char *kept = NULL;

    g_assert_cmpuint (backups->len, >=, 1);
    kept = read_text (g_file_peek_path (g_ptr_array_index (backups, 0)));
    g_assert_cmpstr (kept, ==, draft_before);
  }
}

static char *
long_draft_text (guint paragraphs)
{
  GString *text = g_string_new ("L'Assemblée générale,\n");

  for (guint i = 0; i < paragraphs; i++)
    g_string_append_printf (text, "%u. Prie le Secrétaire général de faire rapport sur la question "
                            "numéro %u à sa prochaine session ;\n", i + 1, i);
  return g_string_free (text, FALSE);
}

static gboolean
is_complete_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return length > 10 && g_str_has_prefix (contents, "%PDF-") &&
         g_strstr_len (contents + length - MIN (length, 32), MIN (length, 32), "%%EOF") != NULL;
}

/* Ctrl+C (and SIGTERM) stop a conversion, at any moment, leaving nothing
 * behind: no output, no temporary file. */
static void
convert_interrupted (const char *output_name,
                     gboolean  (*is_complete) (const char *path))
{
  g_autofree char *folder = make_folder (output_name);
  g_autofree char *input = g_build_filename (folder, "long.txt", NULL);
  g_autofree char *output = g_build_filename (folder, output_name, NULL);
  g_autofree char *err_path = g_build_filename (tmp_root, "interrupted-stderr", NULL);
  g_autofree char *text = long_draft_text (3000);
  static const guint delays_ms[] = { 0, 30, 100, 200, 400, 800, 1500 };
  guint cancelled = 0;

  write_bytes (input, text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (delays_ms) * 2; i++)
    {
      GPid pid = spawn_convert (input, output, err_path);
      int wait_status;

      g_usleep (delays_ms[i / 2] * 1000);
      kill (pid, i % 2 == 0 ? SIGINT : SIGTERM);
      wait_status = wait_convert (pid, input);

      /* Stopped (130, or by the signal itself before the handler was in
       * place), or finished before the signal came. */
      if (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0)
        {
          g_assert_true (is_complete (output));
          g_unlink (output);
        }
      else
        {
          g_autofree char *err = read_text (err_path);

          g_assert_true ((WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 130) ||
                         (WIFSIGNALED (wait_status) && (WTERMSIG (wait_status) == SIGINT ||
                                                        WTERMSIG (wait_status) == SIGTERM)));
          if (WIFEXITED (wait_status))
            {
              g_assert_cmpstr (err, ==, "plenary: Conversion cancelled; nothing was written.\n");
              cancelled++;
            }
        }
      /* The input alone. */
      {
        g_autofree char *listing = folder_listing (folder);

        g_assert_cmpstr (listing, ==, "long.txt");
      }
    }
  g_test_message ("%s: %u of %u runs cancelled by the signal", output_name, cancelled,
                  (guint) G_N_ELEMENTS (delays_ms) * 2);
  g_unlink (err_path);
}

/* A whole .docx: a zip archive that ends with its central directory. */
static gboolean
is_complete_docx (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return length > 22 && memcmp (contents, "PK\x03\x04", 4) == 0 &&
         memcmp (contents + length - 22, "PK\x05\x06", 4) == 0;
}

static void
test_convert_interrupted (void)
{
  convert_interrupted ("long.pdf", is_complete_pdf);
  convert_interrupted ("long.docx", is_complete_docx);
}

/* A PDF killed while being written: the file under its name is the old
 * one or the new one, whole, never a truncated one. */
static void
test_pdf_killed (void)
{
  g_autofree char *folder = make_folder ("pdf-killed");
  g_autofree char *input = g_build_filename (folder, "long.txt", NULL);
  g_autofree char *output = g_build_filename (folder, "long.pdf", NULL);
  g_autofree char *err_path = g_build_filename (tmp_root, "killed-stderr", NULL);
  g_autofree char *text = long_draft_text (2000);
  g_autofree char *err = NULL;
  static const guint delays_ms[] = { 50, 150, 300, 600, 1000, 1600, 2500 };

  write_bytes (input, text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (delays_ms); i++)
    {
      GPid pid;

      /* Every other run starts with no PDF at all. */
      if (i % 2 == 0)
        g_unlink (output);
      pid = spawn_convert (input, output, err_path);
      g_usleep (delays_ms[i] * 1000);
      kill (pid, SIGKILL);
      wait_convert (pid, input);
      g_assert_true (!g_file_test (output, G_FILE_TEST_EXISTS) || is_complete_pdf (output));
    }

  /* What the killed runs left is gone after the next export. */
  g_assert_cmpint (run_convert (input, output, &err), ==, 0);
  g_assert_true (is_complete_pdf (output));
  g_assert_cmpuint (count_entries (folder), ==, 2);
  g_unlink (err_path);
}

static PlenarySource *
import_page (const char  *html,
             gsize        length,
             GError     **error)
{
  g_autoptr(PlenaryDraft) owner = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(GBytes) bytes = g_bytes_new (html, length);

  return plenary_source_importer_import_bytes (owner, bytes, "page.html", NULL, error);
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

/* Web pages were cut without a word: 600 paragraphs in unclosed <font>
 * tags gave 127, content past 256 nested elements and text blocks over
 * 10 MB were dropped, and a tag with 500,000 attributes took minutes. */
static void
test_web_pages_whole (void)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(GString) html = g_string_new ("<html><head><title>Police</title></head><body>");
    g_autoptr(PlenarySource) source = NULL;

    for (guint i = 0; i < 600; i++)
      g_string_append_printf (html, "<p><font face=\"Arial\">Paragraphe %u.", i);
    g_string_append (html, "</body></html>");
    source = import_page (html->str, html->len, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (count_occurrences (plenary_source_get_text (source), "Paragraphe "), ==, 600);
    g_assert_nonnull (strstr (plenary_source_get_text (source), "Paragraphe 599."));
  }

  {
    g_autoptr(GString) html = g_string_new ("<html><body>");
    g_autoptr(PlenarySource) source = NULL;

    for (guint i = 0; i < 20000; i++)
      g_string_append (html, "<div>");
    g_string_append (html, "Texte au fond.");
    for (guint i = 0; i < 20000; i++)
      g_string_append (html, "</div>");
    g_string_append (html, "<p>Texte après.</p></body></html>");
    source = import_page (html->str, html->len, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (plenary_source_get_text (source), "Texte au fond."));
    g_assert_nonnull (strstr (plenary_source_get_text (source), "Texte après."));
  }

  {
    gsize block = 11 * 1024 * 1024;
    g_autoptr(GString) html = g_string_sized_new (block + 100);
    g_autoptr(PlenarySource) source = NULL;

    g_string_append (html, "<html><body><pre>");
    for (gsize i = 0; i < block / 16; i++)
      g_string_append (html, "mot mot mot mot ");
    g_string_append (html, "fin du bloc</pre><p>Après le bloc.</p></body></html>");
    source = import_page (html->str, html->len, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (strlen (plenary_source_get_text (source)), >, block);
    g_assert_nonnull (strstr (plenary_source_get_text (source), "fin du bloc"));
    g_assert_nonnull (strstr (plenary_source_get_text (source), "Après le bloc."));
  }

  {
    g_autoptr(GString) html = g_string_new ("<html><body><p>Avant.</p><p");
    g_autoptr(PlenarySource) source = NULL;

    for (guint i = 0; i < 500000 / shrink; i++)
      g_string_append_printf (html, " a%u=\"x\"", i);
    g_string_append (html, ">Dans la balise.</p><p>Après.</p></body></html>");
    source = import_page (html->str, html->len, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (plenary_source_get_text (source), ==, "Avant.\nDans la balise.\nAprès.");
  }

  /* Nothing but markup: refused, with a message. */
  {
    static const char empty[] = "<html><head><style>p{}</style></head><body><div> </div></body></html>";
    g_autoptr(PlenarySource) source = import_page (empty, strlen (empty), &error);

    g_assert_null (source);
    g_assert_error (error, PLENARY_SOURCE_IMPORT_ERROR, PLENARY_SOURCE_IMPORT_ERROR_DAMAGED);
    g_assert_nonnull (strstr (error->message, "no text"));
  }
}

/* 100,000 sub-paragraphs, and a line of 100,000 combining marks, took
 * minutes to PDF (markers of 4,000 letters; HarfBuzz on one cluster). */
static void
test_pdf_of_hostile_drafts (void)
{
  g_autofree char *folder = make_folder ("pdf-hangs");
  g_autofree char *subs = g_build_filename (folder, "subs.txt", NULL);
  g_autofree char *marks = g_build_filename (folder, "marks.txt", NULL);
  g_autofree char *output = g_build_filename (folder, "out.pdf", NULL);
  g_autoptr(GString) text = g_string_new ("L'Assemblée générale,\n1. Décide :\n");
  g_autoptr(GString) line = g_string_new ("L'Assemblée générale,\n1. Décide a");
  g_autofree char *err = NULL;

  for (guint i = 0; i < 100000 / shrink; i++)
    g_string_append (text, "   a) de faire rapport ;\n");
  write_bytes (subs, text->str, text->len);
  g_assert_cmpint (run_convert (subs, output, &err), ==, 0);
  g_assert_true (is_complete_pdf (output));

  for (guint i = 0; i < 100000 / shrink; i++)
    g_string_append_unichar (line, 0x0301);
  g_string_append (line, " de rester saisie.\n");
  write_bytes (marks, line->str, line->len);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_convert (marks, output, &err), ==, 0);
  g_assert_true (is_complete_pdf (output));
}

/* json-glib took 0x10 and 007 for numbers, single quotes for strings,
 * line breaks inside strings (1.6 only), and ignored a second object after
 * the first (lost at the next save). They are refused, with the line and
 * column. */
static void
test_json_strictness (void)
{
  static const struct
  {
    const char *json;
    guint       line;
    guint       column;
    const char *says;
  } cases[] = {
    { "{\"format\": \"plenary-draft\",\n \"version\": 0x10}", 2, 13, "decimal" },
    { "{\"format\": \"plenary-draft\",\n \"version\": 007}", 2, 13, "decimal" },
    { "{\"format\": \"plenary-draft\",\n \"version\": 1, \"kind\": 'brief'}", 2, 24, "double quotes" },
    { "{\"format\": \"plenary-draft\", \"version\": 1}\n{\"format\": \"plenary-draft\", \"version\": 1}", 2, 1, "after the end" },
    { "{\"format\": \"plenary-draft\", /* note */ \"version\": 1}", 1, 29, "comments" },
    { "{\"format\": \"plenary-draft\",\n \"kind\": \"res\nolution\", \"version\": 1}", 2, 14, "backslash" },
  };
  g_autofree char *folder = make_folder ("json");
  g_autofree char *input = g_build_filename (folder, "lenient.plenary.json", NULL);
  g_autofree char *output = g_build_filename (folder, "out.pdf", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlenaryDraft) draft = plenary_draft_codec_decode (cases[i].json, strlen (cases[i].json), &error);

      g_test_message ("%s", cases[i].json);
      g_assert_null (draft);
      g_assert_error (error, PLENARY_DRAFT_ERROR, PLENARY_DRAFT_ERROR_MALFORMED);
      g_assert_nonnull (strstr (error->message, cases[i].says));
      g_assert_cmpuint (plenary_draft_error_get_line (error), ==, cases[i].line);
      g_assert_cmpuint (plenary_draft_error_get_column (error), ==, cases[i].column);

      write_bytes (input, cases[i].json, -1);
      assert_refused (input, output, cases[i].says);
    }

  /* Strict JSON still loads, negative and fractional numbers included. */
  {
    static const char good[] = "{\"format\": \"plenary-draft\", \"version\": 1, \"x\": [-0.5e3, 0, 12, true, null]}";
    g_autoptr(GError) error = NULL;
    g_autoptr(PlenaryDraft) draft = plenary_draft_codec_decode (good, strlen (good), &error);

    g_assert_no_error (error);
    g_assert_nonnull (draft);
  }
}

/* A line break inside a paragraph of a hand-edited file (\n, U+2028,
 * U+2029) broke the layout and dropped the citation's footnote from the
 * PDF: it loads as a space. */
static void
test_line_breaks_in_paragraphs (void)
{
  g_autofree char *folder = make_folder ("line-breaks");
  g_autofree char *input = g_build_filename (folder, "breaks.plenary.json", NULL);
  g_autofree char *output = g_build_filename (folder, "breaks.pdf", NULL);
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(PlenaryDraft) loaded = NULL;
  g_autoptr(PlenarySource) source = plenary_source_new ("s1", "Rapport sur l'eau", "eau.txt", "text/plain",
                                                        "L'accès à l'eau est un droit.");
  g_autoptr(PlenaryAnchor) anchor = NULL;
  g_autoptr(PlenaryAnchor) quote = plenary_anchor_new ("s1", "accès à l'eau", "L'", " est", 2, 15);
  g_autoptr(PlenaryAnnotation) citation = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  PlenaryParagraph *paragraph;
  PlenaryBody *body;
  const char *argv[] = { pdftotext, "-enc", "UTF-8", output, "-", NULL };
  int wait_status;

  plenary_body_set_opening (plenary_draft_get_body (draft), "L'Assemblée générale,");
  {
    g_autoptr(PlenaryParagraph) operative = plenary_paragraph_new (PLENARY_ROLE_OPERATIVE, "Décide",
                                                                   "de garantir\u2028l'accès\u2029à l'eau\npour tous ;");

    plenary_body_append (plenary_draft_get_body (draft), operative);
  }
  g_list_store_append (plenary_draft_get_sources (draft), source);
  /* "l'accès" in the editor text "L'Assemblée générale,\n1. Décide de garantir l'accès…". */
  anchor = plenary_anchor_new (PLENARY_ANCHOR_TARGET_DRAFT, "accès", "garantir\u2028l'", "\u2029à",
                               22 + 19 + 2, 22 + 19 + 7);
  citation = plenary_annotation_new ("c1", PLENARY_ANNOTATION_CITATION, anchor);
  plenary_annotation_set_source_anchor (citation, quote);
  g_list_store_append (plenary_draft_get_annotations (draft), citation);
  bytes = plenary_draft_codec_encode (draft);
  write_bytes (input, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  loaded = plenary_draft_codec_decode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  body = plenary_draft_get_body (loaded);
  g_assert_cmpuint (body->paragraphs->len, ==, 1);
  paragraph = g_ptr_array_index (body->paragraphs, 0);
  g_assert_cmpstr (paragraph->text, ==, "de garantir l'accès à l'eau pour tous ;");

  g_assert_cmpint (run_convert (input, output, &text), ==, 0);
  g_clear_pointer (&text, g_free);
  g_assert_nonnull (pdftotext);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL, &wait_status, &error);
  g_assert_no_error (error);
  /* Found by fuzzing: an imported text with a vertical tab (Word's line
   * break) in a paragraph was saved with it, and read back with a space:
   * the second save differed. It is a space from the first save on. */
  {
    static const char imported[] = "L'Assemblée générale,\n1. Décide\vde rester saisie.\n";
    g_autoptr(PlenaryDraft) once = plenary_importer_import (imported, strlen (imported), "v.txt", NULL, NULL, &error);
    g_autoptr(GBytes) first = NULL;
    g_autoptr(GBytes) second = NULL;
    g_autoptr(PlenaryDraft) again = NULL;

    g_assert_no_error (error);
    first = plenary_draft_codec_encode (once);
    g_assert_null (memchr (g_bytes_get_data (first, NULL), '\v', g_bytes_get_size (first)));
    g_assert_null (g_strstr_len (g_bytes_get_data (first, NULL), g_bytes_get_size (first), "\\u000b"));
    again = plenary_draft_codec_decode (g_bytes_get_data (first, NULL), g_bytes_get_size (first), &error);
    g_assert_no_error (error);
    second = plenary_draft_codec_encode (again);
    g_assert_true (g_bytes_equal (first, second));
  }

  /* One line, the footnote mark after the words cited, and the footnote. */
  g_assert_nonnull (strstr (text, "Décide de garantir l'accès1 à l'eau pour tous ;"));
  g_assert_nonnull (strstr (text, "Rapport sur l'eau : « accès à l'eau »."));
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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    g_error ("usage: %s PATH-TO-PLENARY", argv[0]);
  plenary_path = argv[1];
  if (g_getenv ("PLENARY_HOSTILE_BIG_MB") != NULL)
    shrink = 5;

  tmp_root = g_dir_make_tmp ("plenary-never-lose-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/never-lose/not-regular", test_not_regular);
  g_test_add_func ("/never-lose/too-large", test_too_large);
  g_test_add_func ("/never-lose/convert-onto-itself", test_convert_onto_itself);
  g_test_add_func ("/never-lose/convert-interrupted", test_convert_interrupted);
  g_test_add_func ("/never-lose/pdf-killed", test_pdf_killed);
  g_test_add_func ("/never-lose/web-pages-whole", test_web_pages_whole);
  g_test_add_func ("/never-lose/json-strictness", test_json_strictness);
  g_test_add_func ("/never-lose/line-breaks-in-paragraphs", test_line_breaks_in_paragraphs);
  g_test_add_func ("/never-lose/pdf-of-hostile-drafts", test_pdf_of_hostile_drafts);

  status = g_test_run ();
  remove_tree (tmp_root);
  g_free (tmp_root);

  return status;
}
