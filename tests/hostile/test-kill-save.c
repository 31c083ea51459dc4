/* test-kill-save.c
 *
 * A save killed with SIGKILL at any moment leaves the draft on disk as the
 * old version or the new one, whole: never empty, never a mix. 60 times,
 * `plenary --convert` writes a 3 MB draft over the same output file
 * (alternately version A and version B) and is killed after a random delay
 * spanning its whole run (start-up, reading, writing, renaming); every
 * tenth run is left to finish. After each run the output must be exactly A
 * or exactly B, and decode with the codec.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-kill-save"

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "plenary-draft-codec.h"

/* Enough kills to land in every phase of a save (the fault run
 * made 25); more only made the test outlast its deadline on a busy machine. */
#define N_SAVES 60
#define TARGET_SIZE (3 * 1000 * 1000)

static const char *plenary_path;

/* A draft of about 3 MB: many paragraphs, a long source and annotations
 * on both. VARIANT changes the words so that A and B differ everywhere. */
static GBytes *
build_draft (const char *variant)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(PlenaryBody) body = plenary_body_new ();
  g_autoptr(GString) source_text = g_string_new (NULL);
  g_autoptr(PlenarySource) source = NULL;
  GListStore *annotations = plenary_draft_get_annotations (draft);
  GBytes *bytes;
  guint n = 0;

  plenary_body_set_opening (body, "L'Assemblée générale,");
  while (source_text->len < TARGET_SIZE / 3)
    g_string_append_printf (source_text, "Paragraphe %u du rapport (%s) : l'accès à l'eau potable "
                            "et à l'assainissement reste inégal selon les régions.\n", n++, variant);
  source = plenary_source_new ("s1", "Rapport du Secrétaire général", "rapport.txt", "text/plain",
                               source_text->str);
  g_list_store_append (plenary_draft_get_sources (draft), source);

  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *text = g_strdup_printf ("les États Membres, version %s, à renforcer la coopération "
                                               "internationale n° %u dans le domaine de l'eau;", variant, i);

      g_ptr_array_add (body->paragraphs,
                       plenary_paragraph_new (i % 3 == 0 ? PLENARY_ROLE_PREAMBULAR : PLENARY_ROLE_OPERATIVE,
                                              i % 3 == 0 ? "Rappelant" : "Engage", text));
    }
  plenary_draft_set_body (draft, body);

  for (guint i = 0; i < 1700; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i + 1);
      g_autofree char *note = g_strdup_printf ("Commentaire %u (%s) : préciser la portée.", i, variant);
      g_autoptr(PlenaryAnchor) anchor = plenary_anchor_new (PLENARY_ANCHOR_TARGET_DRAFT, "coopération",
                                                            "à renforcer la ", " internationale",
                                                            i * 120, i * 120 + 11);
      g_autoptr(PlenaryAnnotation) annotation = plenary_annotation_new (id, PLENARY_ANNOTATION_COMMENT, anchor);

      plenary_annotation_set_note (annotation, note);
      g_list_store_append (annotations, annotation);
    }

  bytes = plenary_draft_codec_encode (draft);
  g_assert_cmpuint (g_bytes_get_size (bytes), >=, TARGET_SIZE);

  return bytes;
}

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static GPid
spawn_convert (const char *input,
               const char *output,
               const char *log_path)
{
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "DISPLAY");
  const char *argv[] = { plenary_path, "--convert", input, output, NULL };
  g_autoptr(GError) error = NULL;
  int log_fd;
  GPid pid;

  log_fd = g_open (log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  g_assert_cmpint (log_fd, >=, 0);
  g_spawn_async_with_fds (NULL, (char **) argv, envp,
                          G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                          NULL, NULL, &pid, -1, -1, log_fd, &error);
  close (log_fd);
  g_assert_no_error (error);

  return pid;
}

static void
assert_finished_ok (int         wait_status,
                    const char *log_path)
{
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0)
    {
      g_autofree char *log = NULL;

      g_file_get_contents (log_path, &log, NULL, NULL);
      g_error ("plenary --convert failed (status %d): %s", wait_status, log);
    }
}

/* Whatever the kill left beside the output can only be the hidden
 * temporary file of an interrupted save; it is removed for the next run. */
static void
remove_leftovers (const char *folder,
                  guint      *n_leftovers)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (g_str_equal (name, "a.plenary.json") || g_str_equal (name, "b.plenary.json") ||
          g_str_equal (name, "out.plenary.json") || g_str_equal (name, "convert.log"))
        continue;

      if (!g_str_has_prefix (name, ".out.plenary.json."))
        g_error ("A killed save left “%s” in the folder", name);
      path = g_build_filename (folder, name, NULL);
      g_unlink (path);
      (*n_leftovers)++;
    }
}

static void
test_kill_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("plenary-kill-XXXXXX", &error);
  g_autofree char *path_a = g_build_filename (folder, "a.plenary.json", NULL);
  g_autofree char *path_b = g_build_filename (folder, "b.plenary.json", NULL);
  g_autofree char *output = g_build_filename (folder, "out.plenary.json", NULL);
  g_autofree char *log_path = g_build_filename (folder, "convert.log", NULL);
  g_autoptr(GBytes) a = build_draft ("A");
  g_autoptr(GBytes) b = build_draft ("B");
  g_autoptr(GBytes) previous = NULL;
  g_autoptr(GRand) rand = g_rand_new ();
  guint n_killed = 0, n_changed = 0, n_leftovers = 0;
  gint64 run_time;
  gint64 start;
  int wait_status;
  GPid pid;

  g_assert_no_error (error);
  g_assert_false (g_bytes_equal (a, b));
  write_bytes (path_a, a);
  write_bytes (path_b, b);

  /* One full run: the output starts as A, and its length sets the range
   * of the delays. */
  start = g_get_monotonic_time ();
  pid = spawn_convert (path_a, output, log_path);
  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  run_time = g_get_monotonic_time () - start;
  assert_finished_ok (wait_status, log_path);
  previous = g_bytes_ref (a);
  g_test_message ("one conversion of %" G_GSIZE_FORMAT " bytes takes %" G_GINT64_FORMAT " ms",
                  g_bytes_get_size (a), run_time / 1000);

  for (guint i = 0; i < N_SAVES; i++)
    {
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) now = NULL;
      gboolean let_finish = i % 10 == 9;
      gsize length;

      /* Alternates, and so do the runs left to finish (9: A, 19: B...). */
      gboolean to_b = (i + i / 10) % 2 == 0;

      pid = spawn_convert (to_b ? path_b : path_a, output, log_path);
      if (!let_finish)
        {
          g_usleep (g_rand_int_range (rand, 0, (gint32) MIN (run_time * 11 / 10, G_MAXINT32 - 1) + 1));
          kill (pid, SIGKILL);
        }
      g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
      if (let_finish)
        assert_finished_ok (wait_status, log_path);
      else if (WIFSIGNALED (wait_status))
        n_killed++;

      g_file_get_contents (output, &contents, &length, &error);
      g_assert_no_error (error);
      now = g_bytes_new_take (g_steal_pointer (&contents), length);

      if (!g_bytes_equal (now, a) && !g_bytes_equal (now, b))
        g_error ("After save %u (%s), the draft is neither version: %" G_GSIZE_FORMAT " bytes",
                 i, let_finish ? "finished" : "killed", length);
      if (let_finish)
        g_assert_true (g_bytes_equal (now, to_b ? b : a));

      if (!g_bytes_equal (now, previous))
        {
          g_autoptr(PlenaryDraft) draft = NULL;

          /* Equal to a known encoding; decoding it proves it is a draft. */
          draft = plenary_draft_codec_decode (g_bytes_get_data (now, NULL), length, &error);
          g_assert_no_error (error);
          g_assert_nonnull (draft);
          n_changed++;
          g_clear_pointer (&previous, g_bytes_unref);
          previous = g_bytes_ref (now);
        }

      remove_leftovers (folder, &n_leftovers);
    }

  g_test_message ("%u of %u runs killed, the draft changed %u times, %u temporary files left by kills",
                  n_killed, N_SAVES, n_changed, n_leftovers);
  /* The finished runs alone switch it N_SAVES / 10 - 1 times: the check above saw both
   * versions, and kills landed while the process was running. */
  g_assert_cmpuint (n_changed, >=, N_SAVES / 10 - 1);
  g_assert_cmpuint (n_killed, >, 0);

  g_unlink (path_a);
  g_unlink (path_b);
  g_unlink (output);
  g_unlink (log_path);
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    g_error ("usage: %s PATH-TO-PLENARY", argv[0]);
  plenary_path = argv[1];

  g_test_add_func ("/hostile/kill-save", test_kill_save);

  return g_test_run ();
}
