/* test-source-importer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "plenary-draft.h"
#include "plenary-draft-file.h"
#include "plenary-source-importer.h"

static PlenarySource *
import_fixture (PlenaryDraft  *draft,
                const char    *name,
                GError       **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "sources", "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return plenary_source_importer_import (draft, file, NULL, error);
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  return strstr (haystack, needle) != NULL;
}

static void
test_utf8_text (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(GBytes) data = NULL;
  g_autoptr(PlenarySource) source = NULL;
  g_autoptr(PlenarySource) second = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "Rapport annuel\r\nLa coopération « Sud-Sud » progresse.\r\n";

  data = g_bytes_new_static (text, strlen (text));
  source = plenary_source_importer_import_bytes (draft, data, "rapport.txt", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (source);

  g_assert_cmpstr (plenary_source_get_text (source), ==,
                   "Rapport annuel\nLa coopération « Sud-Sud » progresse.\n");
  g_assert_cmpstr (plenary_source_get_title (source), ==, "Rapport annuel");
  g_assert_cmpstr (plenary_source_get_origin (source), ==, "rapport.txt");
  g_assert_cmpstr (plenary_source_get_media_type (source), ==, "text/plain");
  g_assert_true (g_str_has_prefix (plenary_source_get_id (source), "s"));
  g_assert_cmpuint (plenary_source_get_page_starts (source)->len, ==, 0);
  g_assert_cmpuint (plenary_source_get_page_at (source, 5), ==, 0);

  /* Each import takes a fresh id. */
  g_list_store_append (plenary_draft_get_sources (draft), source);
  second = plenary_source_importer_import_bytes (draft, data, "rapport.txt", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plenary_source_get_id (second), !=, plenary_source_get_id (source));
}

static void
test_utf16_bom (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenarySource) source = import_fixture (draft, "utf16le.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (plenary_source_get_text (source), ==,
                   "Résolution sur la coopération\n\n"
                   "Les États membres saluent l’initiative 😀 et concluent.\n");
  g_assert_cmpstr (plenary_source_get_title (source), ==, "Résolution sur la coopération");
  g_assert_cmpstr (plenary_source_get_media_type (source), ==, "text/plain");
}

static void
test_utf16_without_bom (void)
{
  g_autofree char *utf16 = NULL;
  g_autofree char *decoded = NULL;
  const char *encoding = NULL;
  glong n_items = 0;

  utf16 = (char *) g_utf8_to_utf16 ("Les États membres décident.", -1, NULL, &n_items, NULL);
  decoded = plenary_source_importer_decode_text (utf16, n_items * 2, &encoding);
  /* g_utf8_to_utf16() writes host order; this test host is little-endian. */
  if (G_BYTE_ORDER == G_LITTLE_ENDIAN)
    g_assert_cmpstr (encoding, ==, "UTF-16LE");
  else
    g_assert_cmpstr (encoding, ==, "UTF-16BE");
  g_assert_cmpstr (decoded, ==, "Les États membres décident.");
}

static void
test_latin1 (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenarySource) source = import_fixture (draft, "latin1.txt", &error);
  const char *encoding = NULL;
  g_autofree char *decoded = plenary_source_importer_decode_text ("coop\xe9ration", 12, &encoding);

  g_assert_no_error (error);
  g_assert_cmpstr (plenary_source_get_text (source), ==,
                   "Rapport de coopération\n\nLa coopération régionale progresse ; l'année fut décisive.\n");
  g_assert_cmpstr (plenary_source_get_title (source), ==, "Rapport de coopération");
  g_assert_cmpstr (decoded, ==, "coopération");
  g_assert_cmpstr (encoding, ==, "ISO-8859-1");
}

static void
test_windows_1252 (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenarySource) source = import_fixture (draft, "cp1252.txt", &error);
  const char *encoding = NULL;
  g_autofree char *decoded = plenary_source_importer_decode_text ("c\x92" "est \x93" "bien\x94 \x80", 14, &encoding);

  g_assert_no_error (error);
  g_assert_cmpstr (plenary_source_get_text (source), ==,
                   "Note du secrétariat\n\nLe budget atteint 5 000 € ; c’est “essentiel” – dit-on.\n");
  g_assert_cmpstr (decoded, ==, "c’est “bien” €");
  g_assert_cmpstr (encoding, ==, "WINDOWS-1252");
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenarySource) source = import_fixture (draft, "invalid-utf8.txt", &error);
  const char *text;

  g_assert_no_error (error);
  text = plenary_source_get_text (source);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  /* The valid parts are kept as they were, each bad byte is U+FFFD. */
  g_assert_cmpstr (text, ==,
                   "Texte abîmé\n\nCeci reste valide : été, cœur, déjà.\n"
                   "Octets invalides : \xEF\xBF\xBD\xEF\xBF\xBD ici et \xEF\xBF\xBD( là.\n");
  g_assert_cmpstr (plenary_source_get_title (source), ==, "Texte abîmé");
}

static void
test_random_bytes (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  static const char * const names[] = { "a.txt", "a.html", "a.md", "a", "a.pdf" };
  static const char * const prefixes[] = { "", "\xff\xfe", "\xfe\xff", "\xef\xbb\xbf", "<html>", "%PDF-1.4\n" };

  /* Whatever the bytes: valid UTF-8 text or a clear error, never a crash. */
  for (guint i = 0; i < 300; i++)
    {
      const char *prefix = prefixes[i % G_N_ELEMENTS (prefixes)];
      gsize n = g_rand_int_range (rand, 0, 2000);
      GByteArray *bytes = g_byte_array_new ();
      g_autoptr(GBytes) data = NULL;
      g_autoptr(PlenarySource) source = NULL;
      g_autoptr(GError) error = NULL;

      g_byte_array_append (bytes, (const guint8 *) prefix, strlen (prefix));
      for (gsize j = 0; j < n; j++)
        {
          /* Mostly text-like bytes, some of them anything. */
          guint8 b = g_rand_int_range (rand, 0, 4) == 0 ? g_rand_int_range (rand, 0, 256)
                                                        : g_rand_int_range (rand, 0x20, 0x7f);
          g_byte_array_append (bytes, &b, 1);
        }
      data = g_byte_array_free_to_bytes (bytes);

      source = plenary_source_importer_import_bytes (draft, data, names[i % G_N_ELEMENTS (names)],
                                                     NULL, &error);
      if (source != NULL)
        {
          g_assert_no_error (error);
          g_assert_true (g_utf8_validate (plenary_source_get_text (source), -1, NULL));
          g_assert_true (g_utf8_validate (plenary_source_get_title (source), -1, NULL));
          g_assert_cmpstr (plenary_source_get_title (source), !=, "");
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == PLENARY_SOURCE_IMPORT_ERROR);
        }
    }
}

static void
test_binary_and_empty (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(GError) error = NULL;
  static const guchar png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0,
  };
  g_autoptr(GBytes) data = g_bytes_new_static (png, sizeof png);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(PlenarySource) source = NULL;
  g_autoptr(PlenarySource) blank = NULL;

  source = plenary_source_importer_import_bytes (draft, data, "photo.png", NULL, &error);
  g_assert_error (error, PLENARY_SOURCE_IMPORT_ERROR, PLENARY_SOURCE_IMPORT_ERROR_UNSUPPORTED);
  g_assert_null (source);
  g_assert_true (strstr (error->message, "photo.png") != NULL);
  g_clear_error (&error);

  blank = plenary_source_importer_import_bytes (draft, empty, "vide.txt", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plenary_source_get_text (blank), ==, "");
  g_assert_cmpstr (plenary_source_get_title (blank), ==, "vide");
}

static void
test_large_text (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plenary-sources-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(PlenarySource) source = NULL;
  const char *line = "Les États membres réaffirment leur attachement à la coopération Sud-Sud et triangulaire.\n";
  gsize line_len = strlen (line);
  gsize n_lines = 20 * 1024 * 1024 / line_len + 1;
  GString *content = g_string_sized_new (n_lines * line_len + 64);
  const char *text;

  g_assert_no_error (error);
  g_string_append (content, "Rapport volumineux\n");
  for (gsize i = 0; i < n_lines; i++)
    g_string_append (content, line);
  g_string_append (content, "Fin du rapport.");
  g_assert_cmpuint (content->len, >, 20 * 1024 * 1024);

  path = g_build_filename (dir, "volumineux.txt", NULL);
  g_file_set_contents (path, content->str, content->len, &error);
  g_assert_no_error (error);

  file = g_file_new_for_path (path);
  source = plenary_source_importer_import (draft, file, NULL, &error);
  g_assert_no_error (error);

  text = plenary_source_get_text (source);
  g_assert_cmpuint (strlen (text), ==, content->len);
  g_assert_true (memcmp (text, content->str, content->len) == 0);
  g_assert_cmpstr (plenary_source_get_title (source), ==, "Rapport volumineux");
  g_assert_cmpstr (plenary_source_get_origin (source), ==, "volumineux.txt");

  g_string_free (content, TRUE);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_too_large (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plenary-sources-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "enorme.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlenarySource) source = NULL;
  int fd;

  /* A sparse file: its size counts, not its (absent) contents. */
  fd = g_open (path, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (goffset) PLENARY_SOURCE_MAX_SIZE + 1), ==, 0);
  close (fd);

  source = plenary_source_importer_import (draft, file, NULL, &error);
  g_assert_error (error, PLENARY_SOURCE_IMPORT_ERROR, PLENARY_SOURCE_IMPORT_ERROR_TOO_LARGE);
  g_assert_null (source);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_html (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenarySource) source = import_fixture (draft, "page.html", &error);
  const char *text;

  g_assert_no_error (error);
  text = plenary_source_get_text (source);
  g_assert_cmpstr (plenary_source_get_media_type (source), ==, "text/html");
  g_assert_cmpstr (plenary_source_get_title (source), ==, "Déclaration & plan d’action");

  g_assert_false (contains (text, "secret"));
  g_assert_false (contains (text, "jamais"));
  g_assert_false (contains (text, "color"));
  g_assert_false (contains (text, "Déclaration"));
  g_assert_cmpstr (text, ==,
                   "Accueil\n"
                   "Plan d’action pour la paix\n"
                   "Les États membres\u00A0séengagent <fermement> à coopérer.\n"
                   "Deuxième paragraphe\n"
                   "sur deux lignes, avec espaces.\n"
                   "• Premier point\n"
                   "• Second point\n"
                   "  texte\n  préformaté");
}

static void
test_html_without_title (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(GError) error = NULL;
  const char *html = "<div><h1>Appel &agrave; l&#39;action</h1><p>Texte <b>gras</b> et <i>italique</i>.</div>";
  g_autoptr(GBytes) data = g_bytes_new_static (html, strlen (html));
  g_autoptr(PlenarySource) source = NULL;

  /* Recognised by its content, with a misleading name. */
  source = plenary_source_importer_import_bytes (draft, data, "page.txt", "text/html; charset=utf-8", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plenary_source_get_title (source), ==, "Appel à l'action");
  g_assert_cmpstr (plenary_source_get_text (source), ==, "Appel à l'action\nTexte gras et italique.");
}

static void
test_html_legacy_charset (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(GError) error = NULL;
  /* Windows-1252 bytes, declared: decoded once, not twice. */
  const char *html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
                     "<title>Coop\xe9ration</title></head><body><p>L\x92\xe9t\xe9 co\xfbte 5 \x80.</p></body></html>";
  g_autoptr(GBytes) data = g_bytes_new_static (html, strlen (html));
  g_autoptr(PlenarySource) source = NULL;

  source = plenary_source_importer_import_bytes (draft, data, "ancien.htm", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plenary_source_get_title (source), ==, "Coopération");
  g_assert_cmpstr (plenary_source_get_text (source), ==, "L’été coûte 5 €.");
}

static void
test_markdown (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenarySource) source = import_fixture (draft, "notes.md", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (plenary_source_get_media_type (source), ==, "text/markdown");
  g_assert_cmpstr (plenary_source_get_title (source), ==, "Plan d’action pour la paix");
  /* Read through cmark, as drafts are: the words without their markup, so
   * that a passage quoted from it is plain text. */
  g_assert_cmpstr (plenary_source_get_text (source), ==,
                   "Brouillon interne\n\nPlan d’action pour la paix\n\n"
                   "Les États membres soulignent l’importance de la coopération.\n\n"
                   "• premier point\n• second point");
}

/* The text the style covers, "KIND LEVEL [text]". */
static char *
describe_styles (PlenarySource *source)
{
  const char *text = plenary_source_get_text (source);
  const GArray *styles = plenary_source_get_styles (source);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < styles->len; i++)
    {
      const PlenarySourceStyle *style = &g_array_index (styles, PlenarySourceStyle, i);
      const char *start = g_utf8_offset_to_pointer (text, style->start);
      const char *end = g_utf8_offset_to_pointer (text, style->end);

      g_string_append_printf (out, "%s %u [%.*s]\n", plenary_source_style_kind_to_string (style->kind),
                              style->level, (int) (end - start), start);
    }
  return g_string_free (out, FALSE);
}

static void
test_markdown_styles (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenarySource) source = import_fixture (draft, "rapport.md", &error);
  g_autofree char *styles = NULL;

  g_assert_no_error (error);
  /* No markup left: front matter, #, **, *, `, -, >, raw HTML, table
   * pipes (but the one escaped, which is text). */
  g_assert_cmpstr (plenary_source_get_text (source), ==,
                   "Rapport du Secrétaire général\n\n"
                   "A/80/123\n\n"
                   "Coopération Sud‑Sud\n\n"
                   "Les États membres saluent la coopération et le PNUD.\n\n"
                   "• premier point\n"
                   "• second point\n"
                   "1. sous-point\n\n"
                   "Citation d’un délégué.\n\n"
                   "Pays\tMontant (M$)\n"
                   "Chili\t12\n"
                   "Viet Nam\t8 | 9");
  styles = describe_styles (source);
  g_assert_cmpstr (styles, ==,
                   "heading 1 [Rapport du Secrétaire général]\n"
                   "heading 2 [Coopération Sud‑Sud]\n"
                   "strong 0 [États membres]\n"
                   "emphasis 0 [coopération]\n"
                   "code 0 [PNUD]\n"
                   "item 1 [• premier point]\n"
                   "item 1 [• second point\n1. sous-point]\n"
                   "item 2 [1. sous-point]\n"
                   "quote 1 [Citation d’un délégué.]\n"
                   "emphasis 0 [délégué]\n"
                   /* A GitHub table: a row a line, header cells first. */
                   "cell 1 [Pays]\n"
                   "cell 1 [Montant (M$)]\n"
                   "emphasis 0 [(M$)]\n"
                   "cell 0 [Chili]\n"
                   "cell 0 [12]\n"
                   "strong 0 [12]\n"
                   "cell 0 [Viet Nam]\n"
                   "cell 0 [8 | 9]\n");
  g_assert_cmpstr (plenary_source_get_title (source), ==, "Rapport du Secrétaire général");
  g_assert_cmpstr (plenary_source_get_symbol (source), ==, "A/80/123");
  /* A quotation from it is its text: no markup to take away. */
  {
    g_autofree char *plain = plenary_source_importer_plain_passage (source, "saluent la coopération et le PNUD");

    g_assert_cmpstr (plain, ==, "saluent la coopération et le PNUD");
  }
}

static void
test_html_styles_and_details (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenarySource) source = import_fixture (draft, "rapport.html", &error);
  g_autofree char *styles = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (plenary_source_get_text (source), ==,
                   "Nations Unies — S/2025/45\n"
                   "Rapport du Secrétaire général\n"
                   "Coopération Sud-Sud\n"
                   "Les États membres saluent la coopération.\n"
                   "• premier point\n"
                   "• second point\n"
                   "1. sous-point\n"
                   "• troisième point\n"
                   "Citation d’un délégué.\n"
                   "Pays\tMontant\n"
                   "Chili\t12 | 5\n"
                   "Pérou\t3 (estimé)");
  styles = describe_styles (source);
  g_assert_cmpstr (styles, ==,
                   "heading 1 [Rapport du Secrétaire général]\n"
                   "heading 2 [Coopération Sud-Sud]\n"
                   "emphasis 0 [Sud-Sud]\n"
                   "strong 0 [États membres]\n"
                   "emphasis 0 [coopération]\n"
                   "item 1 [• premier point]\n"
                   "item 1 [• second point\n1. sous-point]\n"
                   "item 2 [1. sous-point]\n"
                   "item 1 [• troisième point]\n"
                   "quote 1 [Citation d’un délégué.]\n"
                   "cell 1 [Pays]\n"
                   "cell 1 [Montant]\n"
                   "cell 0 [Chili]\n"
                   "cell 0 [12 | 5]\n"
                   "cell 0 [Pérou]\n"
                   "cell 0 [3 (estimé)]\n");
  g_assert_cmpstr (plenary_source_get_author (source), ==, "Secrétaire général");
  g_assert_cmpstr (plenary_source_get_date (source), ==, "2025-03-12");
  g_assert_cmpstr (plenary_source_get_symbol (source), ==, "S/2025/45");
  g_assert_cmpstr (plenary_source_get_url (source), ==, "https://undocs.org/A/80/123");
}

static void
test_find_symbol (void)
{
  static const struct {
    const char *text;
    const char *symbol;
  } cases[] = {
    { "Nations Unies\nA/80/123\nAssemblée générale", "A/80/123" },
    { "Conseil de sécurité S/2025/45 Distr. générale", "S/2025/45" },
    { "E/CN.6/2024/3\nCommission de la condition de la femme", "E/CN.6/2024/3" },
    { "Projet A/C.3/80/L.12/Rev.1 présenté par", "A/C.3/80/L.12/Rev.1" },
    { "A/RES/79/1", "A/RES/79/1" },
    { "Voir la page A/B et S/A.", NULL },
    { "https://example.org/A/80/123", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *symbol = plenary_source_importer_find_symbol (cases[i].text);

      g_assert_cmpstr (symbol, ==, cases[i].symbol);
    }
}

static void
show_text (cairo_t    *cr,
           const char *text,
           double      y)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 12");

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, 72, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
}

static GBytes *
make_pdf (gboolean with_text)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  char *contents = NULL;
  gsize length = 0;
  int fd;

  fd = g_file_open_tmp ("plenary-XXXXXX.pdf", &path, &error);
  g_assert_no_error (error);
  close (fd);

  surface = cairo_pdf_surface_create (path, 595, 842);
  if (with_text)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Rapport sur la coopération");
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, "Secrétaire général");
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2025-03-12T10:00:00Z");
    }
  cr = cairo_create (surface);
  if (with_text)
    {
      show_text (cr, "Première page : la coopération technique.", 72);
      cairo_show_page (cr);
      show_text (cr, "Deuxième page : les États membres concluent.", 72);
      cairo_show_page (cr);
    }
  else
    {
      cairo_rectangle (cr, 72, 72, 200, 100);
      cairo_fill (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_unlink (path);

  return g_bytes_new_take (contents, length);
}

static gint64
offset_of (const char *text,
           const char *word)
{
  const char *at = strstr (text, word);

  g_assert_nonnull (at);
  return g_utf8_pointer_to_offset (text, at);
}

static void
test_pdf (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = make_pdf (TRUE);
  g_autoptr(PlenarySource) source = NULL;
  const GArray *starts;
  const char *text;
  gint64 second_page;

  /* No hint, no extension: the %PDF- magic is enough. */
  source = plenary_source_importer_import_bytes (draft, data, "rapport", NULL, &error);
  g_assert_no_error (error);

  text = plenary_source_get_text (source);
  g_assert_cmpstr (plenary_source_get_media_type (source), ==, "application/pdf");
  g_assert_cmpstr (plenary_source_get_title (source), ==, "Rapport sur la coopération");
  /* Its details, from the PDF's metadata. */
  g_assert_cmpstr (plenary_source_get_author (source), ==, "Secrétaire général");
  g_assert_cmpstr (plenary_source_get_date (source), ==, "2025-03-12");
  g_assert_true (contains (text, "Première page : la coopération technique."));
  g_assert_true (contains (text, "Deuxième page : les États membres concluent."));

  starts = plenary_source_get_page_starts (source);
  g_assert_cmpuint (starts->len, ==, 2);
  second_page = offset_of (text, "Deuxième");
  g_assert_cmpint (g_array_index (starts, gint64, 0), ==, 0);
  g_assert_cmpint (g_array_index (starts, gint64, 1), ==, second_page);

  g_assert_cmpuint (plenary_source_get_page_at (source, offset_of (text, "technique")), ==, 1);
  g_assert_cmpuint (plenary_source_get_page_at (source, offset_of (text, "Première")), ==, 1);
  g_assert_cmpuint (plenary_source_get_page_at (source, offset_of (text, "États")), ==, 2);
  g_assert_cmpuint (plenary_source_get_page_at (source, offset_of (text, "concluent")), ==, 2);
}

static void
test_pdf_without_text (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = make_pdf (FALSE);
  g_autoptr(PlenarySource) source = NULL;

  source = plenary_source_importer_import_bytes (draft, data, "scan.pdf", NULL, &error);
  g_assert_error (error, PLENARY_SOURCE_IMPORT_ERROR, PLENARY_SOURCE_IMPORT_ERROR_NO_TEXT);
  g_assert_null (source);
}

static void
test_pdf_encrypted (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlenarySource) source = import_fixture (draft, "encrypted.pdf", &error);

  g_assert_error (error, PLENARY_SOURCE_IMPORT_ERROR, PLENARY_SOURCE_IMPORT_ERROR_ENCRYPTED);
  g_assert_null (source);
}

static void
test_pdf_damaged (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(GError) error = NULL;
  const char *junk = "%PDF-1.7\nthis is not really a PDF at all\n";
  g_autoptr(GBytes) data = g_bytes_new_static (junk, strlen (junk));
  g_autoptr(PlenarySource) source = NULL;

  source = plenary_source_importer_import_bytes (draft, data, "casse.pdf", NULL, &error);
  g_assert_nonnull (error);
  g_assert_true (error->domain == PLENARY_SOURCE_IMPORT_ERROR);
  g_assert_null (source);
}

static void
test_seeds (void)
{
  static const struct {
    const char *name;
    const char *title;
  } seeds[] = {
    { "000_0882e61f787c078d.txt", "New York, mai 2025 — Alors que les discussions mondiales…" },
    { "001_1c1f41223b4ddfa0.txt", "Réunion du Mécanisme interinstitutions pour la coopération Sud-Sud et triangulaire" },
    { "003_02727d1e409e598a.txt", "La coopération Sud-Sud et entre villes : un thème stratégique du partenariat OITCGLU" },
    { "004_e23f8f3402c5b63b.txt", "Coopération au développement" },
  };
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  const char *root = g_getenv ("PLENARY_SOURCE_ROOT");

  g_assert_nonnull (root);

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *path = g_build_filename (root, "seeds", seeds[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(PlenarySource) source = NULL;
      g_autofree char *raw = NULL;

      source = plenary_source_importer_import (draft, file, NULL, &error);
      g_assert_no_error (error);
      g_file_get_contents (path, &raw, NULL, &error);
      g_assert_no_error (error);

      g_assert_cmpstr (plenary_source_get_title (source), ==, seeds[i].title);
      g_assert_cmpstr (plenary_source_get_text (source), ==, raw);
      g_assert_cmpstr (plenary_source_get_media_type (source), ==, "text/plain");
      g_assert_cmpstr (plenary_source_get_origin (source), ==, seeds[i].name);
    }
}

static void
on_imported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  PlenarySource **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = plenary_source_importer_import_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "sources", "data", "latin1.txt", NULL);
  g_autofree char *path2 = g_test_build_filename (G_TEST_DIST, "sources", "data", "cp1252.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) file2 = g_file_new_for_path (path2);
  g_autoptr(PlenarySource) source = NULL;
  g_autoptr(PlenarySource) source2 = NULL;
  g_autoptr(PlenarySource) third = NULL;

  /* Two imports at once (files dropped together) get different ids. */
  plenary_source_importer_import_async (draft, file, NULL, on_imported, &source);
  plenary_source_importer_import_async (draft, file2, NULL, on_imported, &source2);
  while (source == NULL || source2 == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (plenary_source_get_title (source), ==, "Rapport de coopération");
  g_assert_cmpstr (plenary_source_get_origin (source), ==, "latin1.txt");
  g_assert_cmpstr (plenary_source_get_title (source2), ==, "Note du secrétariat");
  g_assert_cmpstr (plenary_source_get_id (source), !=, plenary_source_get_id (source2));

  g_list_store_append (plenary_draft_get_sources (draft), source);
  g_list_store_append (plenary_draft_get_sources (draft), source2);
  third = plenary_source_importer_import (draft, file, NULL, NULL);
  g_assert_cmpstr (plenary_source_get_id (third), !=, plenary_source_get_id (source));
  g_assert_cmpstr (plenary_source_get_id (third), !=, plenary_source_get_id (source2));
}

/* Three imports at once, added to the draft in the order the files were
 * given whatever order they finish in, with a fourth started before the
 * first is added: four ids, and the draft saves and opens again. */
static void
test_overlapping_imports (void)
{
  g_autoptr(PlenaryDraft) draft = plenary_draft_new (PLENARY_DRAFT_KIND_RESOLUTION, "fr");
  g_autoptr(PlenaryDraft) reopened = NULL;
  const char *names[] = { "latin1.txt", "cp1252.txt", "notes.md", "latin1.txt" };
  PlenarySource *sources[G_N_ELEMENTS (names)] = { NULL };
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *dir = g_dir_make_tmp ("plenary-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Imports.plenary.json", NULL);
  g_autoptr(GFile) saved = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *source_path = g_test_build_filename (G_TEST_DIST, "sources", "data", names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (source_path);

      plenary_source_importer_import_async (draft, file, NULL, on_imported, &sources[i]);
    }
  while (sources[0] == NULL || sources[1] == NULL || sources[2] == NULL)
    g_main_context_iteration (NULL, TRUE);

  /* The last one is added first; the others wait, as in the sources panel. */
  g_list_store_append (plenary_draft_get_sources (draft), sources[2]);
  {
    g_autofree char *source_path = g_test_build_filename (G_TEST_DIST, "sources", "data", names[3], NULL);
    g_autoptr(GFile) file = g_file_new_for_path (source_path);

    plenary_source_importer_import_async (draft, file, NULL, on_imported, &sources[3]);
    while (sources[3] == NULL)
      g_main_context_iteration (NULL, TRUE);
  }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (i != 2)
        g_list_store_append (plenary_draft_get_sources (draft), sources[i]);
      g_hash_table_add (ids, (gpointer) plenary_source_get_id (sources[i]));
    }
  g_assert_cmpuint (g_hash_table_size (ids), ==, G_N_ELEMENTS (names));

  g_assert_true (plenary_draft_save (draft, saved, NULL, &error));
  g_assert_no_error (error);
  reopened = plenary_draft_load (saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reopened);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plenary_draft_get_sources (reopened))), ==, G_N_ELEMENTS (names));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_object_unref (sources[i]);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sources/importer/utf8", test_utf8_text);
  g_test_add_func ("/sources/importer/overlapping-imports", test_overlapping_imports);
  g_test_add_func ("/sources/importer/utf16-bom", test_utf16_bom);
  g_test_add_func ("/sources/importer/utf16-no-bom", test_utf16_without_bom);
  g_test_add_func ("/sources/importer/latin1", test_latin1);
  g_test_add_func ("/sources/importer/windows-1252", test_windows_1252);
  g_test_add_func ("/sources/importer/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/sources/importer/random-bytes", test_random_bytes);
  g_test_add_func ("/sources/importer/binary-and-empty", test_binary_and_empty);
  g_test_add_func ("/sources/importer/large-text", test_large_text);
  g_test_add_func ("/sources/importer/too-large", test_too_large);
  g_test_add_func ("/sources/importer/html", test_html);
  g_test_add_func ("/sources/importer/html-without-title", test_html_without_title);
  g_test_add_func ("/sources/importer/html-legacy-charset", test_html_legacy_charset);
  g_test_add_func ("/sources/importer/markdown", test_markdown);
  g_test_add_func ("/sources/importer/markdown-styles", test_markdown_styles);
  g_test_add_func ("/sources/importer/html-styles-and-details", test_html_styles_and_details);
  g_test_add_func ("/sources/importer/find-symbol", test_find_symbol);
  g_test_add_func ("/sources/importer/pdf", test_pdf);
  g_test_add_func ("/sources/importer/pdf-without-text", test_pdf_without_text);
  g_test_add_func ("/sources/importer/pdf-encrypted", test_pdf_encrypted);
  g_test_add_func ("/sources/importer/pdf-damaged", test_pdf_damaged);
  g_test_add_func ("/sources/importer/seeds", test_seeds);
  g_test_add_func ("/sources/importer/async", test_async);

  return g_test_run ();
}
