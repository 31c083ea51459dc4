#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`plenary --convert` and `plenary --version`, as a user runs them, without a display."""

import json
import os
import subprocess
import sys
import tempfile
import unittest

PLENARY = sys.argv.pop(1)
ROOT = os.environ["PLENARY_SOURCE_ROOT"]
SEED = os.path.join(ROOT, "seeds", "002_bd2df5d90447aa0b.txt")



def without_ids(value):
    """VALUE with the paragraphs' "id" members ("p12") left out, at every
    level; the notes' ids ("1") stay."""
    if isinstance(value, dict):
        return {k: without_ids(v) for k, v in value.items()
                if k != "id" or not str(v).startswith("p")}
    if isinstance(value, list):
        return [without_ids(v) for v in value]
    return value

def run(*args):
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run([PLENARY, *args], env=env, capture_output=True, text=True, timeout=60)


class CommandLine(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.tmp = self.dir.name

    def tearDown(self):
        self.dir.cleanup()

    def path(self, name):
        return os.path.join(self.tmp, name)

    def test_stale_anchor_follows_its_context(self):
        # A draft edited in another program: the citation's stored position
        # now falls inside "L'Assemblée"; its context says "after « sur la
        # coopération »", and the footnote marker goes there.
        src = self.path("projet.txt")
        with open(src, "w", encoding="utf-8") as f:
            f.write("L'Assemblée générale,\n"
                    "Rappelant sa résolution « sur la coopération » de 2020,\n"
                    "1. Décide de rester saisie de la question.\n")
        draft_path = self.path("projet.plenary.json")
        self.assertEqual(run("--convert", src, draft_path).returncode, 0)
        with open(draft_path, encoding="utf-8") as f:
            draft = json.load(f)

        def anchor(source, exact, prefix, suffix, start, end):
            return {"source": source, "selector": [
                {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix},
                {"type": "TextPositionSelector", "start": start, "end": end}]}

        draft["sources"] = [{"id": "s1", "title": "Rapport", "origin": "rapport.txt",
                             "media_type": "text/plain", "text": "Le rapport dit tout."}]
        draft["annotations"] = [{
            "id": "c1", "kind": "citation", "author": "", "created": "", "modified": "",
            "resolved": False, "note": "", "category": "",
            "target": anchor("draft", "", "résolution « sur la coopération »", " de 2020,\nDécide de rester", 5, 5),
            "citation": anchor("s1", "dit tout", "Le rapport ", ".", 11, 19),
            "show_quote": False, "replies": []}]
        with open(draft_path, "w", encoding="utf-8") as f:
            json.dump(draft, f, ensure_ascii=False)

        pdf = self.path("projet.pdf")
        result = run("--convert", draft_path, pdf)
        self.assertEqual(result.returncode, 0, result.stderr)
        text = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True,
                              check=True).stdout
        self.assertIn("L'Assemblée générale,", text)
        self.assertRegex(text, r"coopération\s»1\s+de 2020")
        self.assertIn("Rapport", text)

    def brief_citing_a_report(self, language):
        """A brief citing page 5 of a report whose details are known."""
        text = ("Nations Unies\nA/80/123\nPage 3\nPage 4\n"
                "Les États membres saluent la coopération Sud\u2011Sud.")
        quote = "Les États membres saluent la coopération Sud\u2011Sud"
        start = text.index(quote)
        heading = "Contexte" if language == "fr" else "Background"
        draft = {
            "format": "plenary-draft", "version": 1, "kind": "brief", "language": language,
            "metadata": {"forum": "Troisième Commission", "question": "Coopération Sud-Sud",
                         "submitted_by": "Chili"},
            "body": {"sections": [{"heading": heading, "paragraphs": [
                {"role": "paragraph", "text": "La coopération progresse."}]}]},
            "sources": [
                {"id": "s1", "title": "Rapport du Secrétaire général", "origin": "rapport.pdf",
                 "media_type": "application/pdf", "author": "Secrétaire général",
                 "date": "2025-03-12", "symbol": "A/80/123", "url": "https://undocs.org/A/80/123",
                 "pages": [0, 14, 23, 30, 37], "text": text},
                {"id": "s2", "title": "Travail décent", "origin": "oit.html", "media_type": "text/html",
                 "author": "OIT", "date": "2024-06", "text": "Texte de l’OIT."}],
            "annotations": [{
                "id": "c1", "kind": "citation",
                "target": {"source": "draft", "selector": [
                    {"type": "TextQuoteSelector", "exact": "", "prefix": "progresse.", "suffix": ""}]},
                "citation": {"source": "s1", "selector": [
                    {"type": "TextQuoteSelector", "exact": quote, "prefix": "", "suffix": "."},
                    {"type": "TextPositionSelector", "start": start, "end": start + len(quote)}]},
                "show_quote": False}]}
        path = self.path("note-%s.plenary.json" % language)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(draft, f, ensure_ascii=False)
        return path

    def pdf_text(self, pdf):
        return subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True,
                              check=True).stdout

    def test_footnote_and_sources_list_name_the_source(self):
        draft = self.brief_citing_a_report("fr")
        pdf = self.path("note.pdf")
        result = run("--convert", draft, pdf, "--sources-list")
        self.assertEqual(result.returncode, 0, result.stderr)
        text = self.pdf_text(pdf)
        # The footnote: title, symbol, date in French, page.
        self.assertRegex(text, r"1\s*Rapport du Secrétaire général, A/80/123, 12 mars 2025, p.\u00a0?\s?5\.")
        # The list of sources at the end: the author when the title does not name it.
        self.assertIn("Sources", text)
        self.assertIn("Rapport du Secrétaire général, A/80/123, 12 mars 2025, https://undocs.org/A/80/123.", text)
        self.assertIn("OIT, Travail décent, juin 2024.", text)

        # Without the flag, no list.
        plain = self.path("sans-liste.pdf")
        self.assertEqual(run("--convert", draft, plain).returncode, 0)
        self.assertNotIn("https://undocs.org", self.pdf_text(plain))

    def test_english_footnote_and_word_footnote(self):
        draft = self.brief_citing_a_report("en")
        pdf = self.path("brief.pdf")
        self.assertEqual(run("--convert", draft, pdf).returncode, 0)
        self.assertRegex(self.pdf_text(pdf),
                         r"Rapport du Secrétaire général, A/80/123, 12 March 2025, p.\u00a0?\s?5\.")
        docx = self.path("brief.docx")
        self.assertEqual(run("--convert", draft, docx).returncode, 0)
        import zipfile
        with zipfile.ZipFile(docx) as z:
            notes = z.read("word/footnotes.xml").decode("utf-8")
        self.assertIn("Rapport du Secrétaire général, A/80/123, 12 March 2025, p.\u00a05.", notes)

    def test_version(self):
        result = run("--version")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertRegex(result.stdout.strip(), r"^plenary \d+\.\d+\.\d+$")

    def test_seed_markdown_to_draft(self):
        out = self.path("seed.plenary.json")
        result = run("--convert", SEED, out)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(out, encoding="utf-8") as f:
            draft = json.load(f)
        self.assertEqual(draft["format"], "plenary-draft")
        self.assertEqual(draft["metadata"]["forum"], "Conseil économique et social")
        self.assertEqual(draft["metadata"]["submitted_by"], "Российская Федерация (Fédération de Russie)")
        self.assertEqual(draft["body"]["opening"], "L'Assemblée générale,")
        roles = [p["role"] for p in draft["body"]["paragraphs"]]
        self.assertEqual(roles.count("preambular"), 7)
        self.assertEqual(roles.count("operative"), 8)

    def test_draft_to_draft_is_stable(self):
        first = self.path("a.plenary.json")
        second = self.path("b.plenary.json")
        self.assertEqual(run("--convert", SEED, first).returncode, 0)
        result = run("--convert", first, second)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(first, "rb") as a, open(second, "rb") as b:
            self.assertEqual(a.read(), b.read())

    def test_plain_text_to_draft(self):
        src = self.path("notes.txt")
        with open(src, "w", encoding="utf-8") as f:
            f.write("La coopération Sud-Sud renforce les capacités des pays en développement.\n")
        out = self.path("notes.plenary.json")
        result = run("--convert", src, out)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(out, encoding="utf-8") as f:
            draft = json.load(f)
        texts = json.dumps(draft["body"], ensure_ascii=False)
        self.assertIn("La coopération Sud-Sud renforce les capacités", texts)

    def test_missing_input_fails_clearly(self):
        out = self.path("x.plenary.json")
        result = run("--convert", self.path("absent.txt"), out)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("absent.txt", result.stderr)
        self.assertFalse(os.path.exists(out))

    def test_verbose_prints_the_import_report(self):
        # Issue 13: what the importer decided, on stderr with --verbose only.
        src = self.path("pdf.txt")
        with open(src, "w", encoding="utf-8") as f:
            f.write("S/2026/7\n\nThe Security Council,\nRecalling its resolution 1 on the\n\n"
                    "26-01234 (E)\n\n2/3\n\nsituation in the region,\n1.\nDecides to act;\n")
        out = self.path("out.plenary.json")
        quiet = run("--convert", src, out)
        self.assertEqual(quiet.returncode, 0)
        self.assertEqual(quiet.stderr, "")
        loud = run("--convert", "--verbose", src, out)
        self.assertEqual(loud.returncode, 0)
        self.assertIn("Read as a resolution", loud.stderr)
        self.assertIn("“26-01234 (E)”", loud.stderr)
        self.assertIn("“2/3”", loud.stderr)
        self.assertIn("Paragraph continued after a page break", loud.stderr)
        with open(out, encoding="utf-8") as f:
            draft = json.load(f)
        first = draft["body"]["paragraphs"][0]
        self.assertEqual(first["text"], "its resolution 1 on the situation in the region,")

    def test_as_brief_and_back_keeps_every_word(self):
        # Issue 13: a resolution made a brief and back, notes and annex too.
        src = self.path("res.txt")
        with open(src, "w", encoding="utf-8") as f:
            f.write("The Security Council,\n\nRecalling its resolution 2231 (2015),\n\n"
                    "1. Decides that all States shall:\n   (a) Prevent the supply of arms;\n"
                    "   (b) Report to the Committee;\n\n2. Decides to remain seized of the matter.\n\n"
                    "[^1]: S/2015/544.\n\nAnnex\n\nTerms of reference\n")
        res = self.path("res.plenary.json")
        self.assertEqual(run("--convert", src, res).returncode, 0)
        brief = self.path("brief.plenary.json")
        result = run("--convert", "--as-brief", res, brief)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(brief, encoding="utf-8") as f:
            draft = json.load(f)
        self.assertEqual(draft["kind"], "brief")
        texts = json.dumps(draft["body"], ensure_ascii=False)
        for words in ("The Security Council,", "Recalling its resolution 2231 (2015),", "Prevent the supply of arms;",
                      "Decides to remain seized of the matter."):
            self.assertIn(words, texts)
        self.assertIn({"role": "bullet", "text": "Report to the Committee;"},
                      without_ids(draft["body"]["sections"][0]["paragraphs"]))
        self.assertEqual(draft["body"]["notes"], [{"id": "1", "text": "S/2015/544."}])
        self.assertEqual(draft["body"]["annex"], {"heading": "Annex", "paragraphs": ["Terms of reference"]})
        back = self.path("back.plenary.json")
        self.assertEqual(run("--convert", "--as-resolution", brief, back).returncode, 0)
        with open(res, encoding="utf-8") as a, open(back, encoding="utf-8") as b:
            # The paragraphs are made anew, with new identities.
            self.assertEqual(without_ids(json.load(a)["body"]), without_ids(json.load(b)["body"]))
        wrong = run("--convert", "--as-brief", "--as-resolution", res, back)
        self.assertEqual(wrong.returncode, 2)
        self.assertIn("--as-brief", wrong.stderr)

    def test_unknown_output_format_fails_clearly(self):
        out = self.path("x.rtf")
        result = run("--convert", SEED, out)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn(".plenary.json", result.stderr)
        self.assertFalse(os.path.exists(out))

    def test_broken_draft_is_refused_with_line_and_left_alone(self):
        src = self.path("broken.plenary.json")
        broken = '{\n  "format": "plenary-draft",\n  "version": 1,\n  "kind": ,\n}\n'
        with open(src, "w", encoding="utf-8") as f:
            f.write(broken)
        out = self.path("out.plenary.json")
        result = run("--convert", src, out)
        self.assertEqual(result.returncode, 1)
        self.assertIn("line 4", result.stderr)
        self.assertFalse(os.path.exists(out))
        with open(src, encoding="utf-8") as f:
            self.assertEqual(f.read(), broken)

    def test_newer_version_is_refused(self):
        src = self.path("future.plenary.json")
        with open(src, "w", encoding="utf-8") as f:
            json.dump({"format": "plenary-draft", "version": 999}, f)
        result = run("--convert", src, self.path("out.plenary.json"))
        self.assertEqual(result.returncode, 1)
        self.assertIn("newer", result.stderr)

    def write(self, name, text):
        path = self.path(name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def test_compare_marks_changes_in_the_pdf(self):
        # Last year's resolution as text, this year's draft as text too.
        old = self.write("A-RES-79-12.txt",
                         "L'Assemblée générale,\n\nRappelant ses résolutions antérieures,\n\n"
                         "1. Décide de convoquer une réunion en 2025 ;\n\n"
                         "2. Prie le Secrétaire général de lui présenter un rapport annuel ;\n\n"
                         "3. Invite les institutions spécialisées à contribuer aux travaux ;\n\n"
                         "4. Décide de demeurer saisie de la question.\n")
        new = self.write("projet.txt",
                         "L'Assemblée générale,\n\nRappelant ses résolutions antérieures,\n\n"
                         "1. Prie le Secrétaire général de lui présenter un rapport biennal ;\n\n"
                         "2. Décide de convoquer une réunion en 2025 ;\n\n"
                         "3. Décide de demeurer saisie de la question.\n")
        out = self.path("comparaison.pdf")
        result = run("--compare", old, new, out)
        self.assertEqual(result.returncode, 0, result.stderr)
        text = subprocess.run(["pdftotext", out, "-"], capture_output=True, text=True).stdout
        self.assertIn("Texte comparé à\u00a0: A-RES-79-12.txt", text.replace(" :", "\u00a0:"))
        # Deleted words and paragraphs are still there (struck through), new
        # words too (bold); the move says where from; numbers are the new ones.
        self.assertIn("annuel", text)
        self.assertIn("biennal", text)
        self.assertIn("Invite les institutions spécialisées", text)
        self.assertIn("(déplacé", text)
        self.assertIn("3. Décide de demeurer saisie", " ".join(text.split()))
        fonts = subprocess.run(["pdffonts", out], capture_output=True, text=True).stdout
        self.assertIn("LiberationSerif-Bold", fonts)
        self.assertIn("LiberationSerif-Italic", fonts)

    def test_compare_to_word_as_tracked_changes(self):
        old = self.write("old.txt", "L'Assemblée générale,\n\n1. Décide de convoquer une réunion en 2025 ;\n\n"
                                    "2. Décide de rester saisie de la question.\n")
        new = self.write("new.txt", "L'Assemblée générale,\n\n1. Décide de convoquer une réunion en 2026 ;\n\n"
                                    "2. Décide de rester saisie de la question.\n")
        out = self.path("revise.docx")
        result = run("--compare", old, new, out)
        self.assertEqual(result.returncode, 0, result.stderr)
        import zipfile
        with zipfile.ZipFile(out) as package:
            document = package.read("word/document.xml").decode("utf-8")
        self.assertRegex(document, r'<w:del [^>]*w:author="new.txt"[^>]*><w:r><w:delText xml:space="preserve">2025</w:delText>')
        self.assertRegex(document, r'<w:ins [^>]*w:author="new.txt"[^>]*><w:r><w:t xml:space="preserve">2026</w:t>')
        # Read back, the changes are proposals again.
        back = self.path("back.plenary.json")
        self.assertEqual(run("--convert", out, back).returncode, 0)
        with open(back, encoding="utf-8") as f:
            draft = json.load(f)
        self.assertEqual([(p["delegation"], p["selector"]["exact"], p["text"]) for p in draft["proposals"]],
                         [("new.txt", "2025", "2026")])

    def test_compare_refuses_bad_output_and_input(self):
        old = self.write("old.txt", "L'Assemblée générale,\n1. Décide.\n")
        new = self.write("new.txt", "L'Assemblée générale,\n1. Décide encore.\n")
        wrong = run("--compare", old, new, self.path("out.odt"))
        self.assertNotEqual(wrong.returncode, 0)
        self.assertIn(".pdf", wrong.stderr)
        self.assertFalse(os.path.exists(self.path("out.odt")))
        onto_input = run("--compare", old, new, new)
        self.assertNotEqual(onto_input.returncode, 0)
        with open(new, encoding="utf-8") as f:
            self.assertEqual(f.read(), "L'Assemblée générale,\n1. Décide encore.\n")
        absent = run("--compare", self.path("absent.txt"), new, self.path("out.pdf"))
        self.assertNotEqual(absent.returncode, 0)
        self.assertIn("absent.txt", absent.stderr)
        self.assertFalse(os.path.exists(self.path("out.pdf")))
        usage = run("--compare", old, new)
        self.assertEqual(usage.returncode, 2)
        self.assertIn("OLD NEW OUT.pdf", usage.stderr)

    def test_merge_copies_into_a_compilation_text(self):
        # The facilitator's text, and two delegations' copies by e-mail: one
        # a draft saved from it, one retyped as text.
        base_txt = self.write("facilitateur.txt",
                              "L'Assemblée générale,\n\nRappelant ses résolutions antérieures,\n\n"
                              "1. Décide de renforcer la coopération régionale ;\n\n"
                              "2. Prie le Secrétaire général de lui faire rapport ;\n\n"
                              "3. Invite les organisations régionales à participer ;\n\n"
                              "4. Décide de rester saisie de la question.\n")
        base = self.path("base.plenary.json")
        self.assertEqual(run("--convert", base_txt, base).returncode, 0)
        with open(base, encoding="utf-8") as f:
            eu_draft = json.load(f)
        eu_draft["metadata"]["submitted_by"] = "Union européenne"
        eu_draft["body"]["paragraphs"][1]["text"] = "de consolider la coopération régionale ;"
        eu = self.write("ue.plenary.json", json.dumps(eu_draft, ensure_ascii=False))
        g77 = self.write("g77.txt",
                         "L'Assemblée générale,\n\nRappelant ses résolutions antérieures,\n\n"
                         "1. Décide d'élargir la coopération régionale ;\n\n"
                         "2. Prie le Secrétaire général de lui faire rapport ;\n\n"
                         "3. Décide de rester saisie de la question.\n")
        out = self.path("compilation.plenary.json")
        result = run("--merge", base, eu, "--as", "Groupe des 77 et la Chine", g77, "-o", out)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("ue.plenary.json: 1", result.stdout)
        self.assertIn("g77.txt: 2", result.stdout)
        with open(out, encoding="utf-8") as f:
            merged = json.load(f)
        # The text is the facilitator's; the changes are proposals.
        self.assertEqual(merged["body"]["paragraphs"][1]["text"], "de renforcer la coopération régionale ;")
        proposals = [(p["kind"], p["delegation"], p.get("text")) for p in merged["proposals"]]
        self.assertIn(("text", "Union européenne", "consolider"), proposals)
        self.assertIn(("delete-paragraph", "Groupe des 77 et la Chine", None), proposals)

        # The three texts as PDFs.
        texts = {}
        for form in ("clean", "shown", "compilation"):
            pdf = self.path(form + ".pdf")
            result = run("--convert", out, pdf, "--proposals=" + form)
            self.assertEqual(result.returncode, 0, result.stderr)
            texts[form] = " ".join(subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                                                  text=True).stdout.split())
        self.assertIn("Décide de renforcer la coopération régionale", texts["clean"])
        self.assertNotIn("consolider", texts["clean"])
        self.assertIn("renforcer consolider", texts["shown"])
        self.assertIn("[variante 1 – Union européenne : de consolider]", texts["compilation"])
        self.assertIn("[variante 2 – Groupe des 77 et la Chine : d'élargir]", texts["compilation"])
        self.assertIn("[Groupe des 77 et la Chine : supprimer le paragraphe]", texts["compilation"])

        # Wrong uses say what is expected and write nothing.
        usage = run("--merge", base, "-o", self.path("x.plenary.json"))
        self.assertEqual(usage.returncode, 2)
        self.assertIn("BASE [--as NAME] COPY", usage.stderr)
        onto_base = run("--merge", base, eu, "-o", base)
        self.assertNotEqual(onto_base.returncode, 0)
        bad_form = run("--convert", out, self.path("x.pdf"), "--proposals=all")
        self.assertEqual(bad_form.returncode, 2)
        self.assertIn("clean, shown or compilation", bad_form.stderr)
        not_pdf = run("--convert", out, self.path("x.txt"), "--proposals=compilation")
        self.assertEqual(not_pdf.returncode, 2)
        self.assertFalse(os.path.exists(self.path("x.txt")))

    def test_wrong_usage(self):
        result = run("--convert", SEED)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("IN OUT", result.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
