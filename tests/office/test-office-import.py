#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reading .docx and .odt: documents LibreOffice made from text written
here, real ones from public repositories (data/real/, see data/README.md),
and round trips draft -> .docx / .odt -> draft on the rich drafts, on
property-test drafts and on corpus texts: the same structure comes back."""

import glob
import json
import os
import re
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from office_fixtures import (DATA, load_json, plenary, random_draft, rich_draft, soffice,  # noqa: E402
                             structure, write_json)

TMP = tempfile.mkdtemp(prefix="plenary-office-import-")

FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:styles>
  <style:default-style style:family="paragraph"><style:text-properties fo:language="{lang}" fo:country="{country}"/></style:default-style>
  <text:list-style style:name="Operative">
   <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>
   <text:list-level-style-number text:level="2" style:num-format="a" {prefix} style:num-suffix=")"/>
   <text:list-level-style-number text:level="3" style:num-format="i" {prefix} style:num-suffix=")"/>
  </text:list-style>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="T1" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
 </office:automatic-styles>
 <office:body><office:text>
  <text:tracked-changes>
   <text:changed-region text:id="ct1"><text:insertion><office:change-info><dc:creator>Omar</dc:creator><dc:date>2026-01-05T10:00:00</dc:date></office:change-info></text:insertion></text:changed-region>
   <text:changed-region text:id="ct2"><text:deletion><office:change-info><dc:creator>Omar</dc:creator><dc:date>2026-01-05T10:00:00</dc:date></office:change-info><text:p>{deleted} </text:p></text:deletion></text:changed-region>
  </text:tracked-changes>
  <text:p>{opening}</text:p>
  <text:p><text:span text:style-name="T1">{pre1}</text:span> {pre1_text}<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>{note}</text:p></text:note-body></text:note>,</text:p>
  <text:p><text:span text:style-name="T1">{pre2}</text:span> {pre2_text}</text:p>
  <text:list text:style-name="Operative">
   <text:list-item><text:p><text:span text:style-name="T1">{op1}</text:span> {op1_a}<office:annotation office:name="c1"><dc:creator>Marie Dupont</dc:creator><dc:date>2026-01-05T10:00:00</dc:date><text:p>{comment}</text:p></office:annotation>{op1_b}<office:annotation-end office:name="c1"/>{op1_c}</text:p>
    <text:list>
     <text:list-item><text:p>{sub1}</text:p></text:list-item>
     <text:list-item><text:p>{sub2}</text:p></text:list-item>
    </text:list>
   </text:list-item>
   <text:list-item><text:p><text:span text:style-name="T1">{op2}</text:span> {op2_a}<text:change-start text:change-id="ct1"/>{inserted}<text:change-end text:change-id="ct1"/><text:change text:change-id="ct2"/>{op2_b}</text:p></text:list-item>
   <text:list-item><text:p><text:span text:style-name="T1">{op3}</text:span> {op3_text}</text:p></text:list-item>
  </text:list>
 </office:text></office:body>
</office:document>
"""

WORDS = {
    "fr": dict(lang="fr", country="FR", prefix="", opening="L’Assemblée générale,",
               pre1="Rappelant", pre1_text="sa résolution 77/1 du 10 octobre 2022", note="Voir A/RES/77/1.",
               pre2="Profondément préoccupée", pre2_text="par la situation humanitaire,",
               op1="Décide", op1_a="de créer un groupe ", op1_b="de travail", op1_c=" chargé :",
               comment="Trop vague ?", sub1="d’étudier la question ;", sub2="de faire rapport ;",
               op2="Prie", op2_a="le Secrétaire général de lui présenter ", inserted="sans délai ",
               deleted="peut-être", op2_b="un rapport ;", op3="Décide", op3_text="de rester saisie de la question."),
    "en": dict(lang="en", country="GB", prefix='style:num-prefix="("', opening="The General Assembly,",
               pre1="Recalling", pre1_text="its resolution 77/1 of 10 October 2022", note="See A/RES/77/1.",
               pre2="Deeply concerned", pre2_text="by the humanitarian situation,",
               op1="Decides", op1_a="to establish a ", op1_b="working group", op1_c=" to:",
               comment="Too vague?", sub1="study the question;", sub2="report back;",
               op2="Requests", op2_a="the Secretary-General to submit ", inserted="without delay ",
               deleted="perhaps", op2_b="a report;", op3="Decides", op3_text="to remain seized of the matter."),
}


def convert(path, name):
    out = os.path.join(TMP, name + ".plenary.json")
    result = plenary("--convert", "--verbose", path, out)
    return load_json(out), result.stderr


def threads(draft):
    """Comments as (note, author, exact, replies, resolved)."""
    out = []
    for a in draft.get("annotations", []):
        if a["kind"] != "comment":
            continue
        exact = next(s["exact"] for s in a["target"]["selector"] if s["type"] == "TextQuoteSelector")
        out.append((a["note"], a["author"], exact, [(r["author"], r["text"]) for r in a.get("replies", [])],
                    a.get("resolved", False)))
    return out


def metadata(draft):
    return {k: v for k, v in draft["metadata"].items() if v not in ("", [], 0, None)}


class MadeByLibreOffice(unittest.TestCase):
    """Documents LibreOffice wrote, from text written here: real Word list
    numbering and ODF lists, italics, a footnote, a comment, tracked changes."""

    def check(self, language, ext):
        words = WORDS[language]
        fodt = os.path.join(TMP, f"lo-{language}.fodt")
        with open(fodt, "w", encoding="utf-8") as f:
            f.write(FODT.format(**words))
        path = soffice(fodt, ext, os.path.join(TMP, f"lo-{language}-{ext}"))
        draft, stderr = convert(path, f"lo-{language}-{ext}")

        self.assertEqual(draft["kind"], "resolution")
        self.assertEqual(draft["language"], language)
        opening, paragraphs = structure(draft)
        self.assertEqual(opening, words["opening"])
        expected = [
            # The footnote is a note of the draft, called where its reference was.
            (0, "preambular", words["pre1"], words["pre1_text"] + "[^1],"),
            (0, "preambular", words["pre2"], words["pre2_text"]),
            (0, "operative", words["op1"], words["op1_a"] + words["op1_b"] + words["op1_c"]),
            (1, "subparagraph", None, words["sub1"]),
            (1, "subparagraph", None, words["sub2"]),
            # Word's tracked changes are proposals of their author: the
            # text is the one before them. An .odt's are accepted.
            (0, "operative", words["op2"], words["op2_a"] + words["deleted"] + " " + words["op2_b"]) if ext == "docx"
            else (0, "operative", words["op2"], words["op2_a"] + words["inserted"] + words["op2_b"]),
            (0, "operative", words["op3"], words["op3_text"]),
        ]
        self.assertEqual(paragraphs, expected)
        if ext == "docx":
            self.assertIn("tracked changes became 1 proposal of their authors", stderr)
            proposals = [(p["delegation"], p["selector"]["exact"], p["text"]) for p in draft["proposals"]]
            self.assertEqual(proposals, [("Omar", words["deleted"], words["inserted"].strip())])
        else:
            self.assertIn("2 tracked changes were accepted", stderr)
        comments = threads(draft)
        self.assertIn((words["comment"], "Marie Dupont", words["op1_b"], [], False), comments)
        self.assertEqual(draft["body"].get("notes"), [{"id": "1", "text": words["note"]}])

    def test_docx_fr(self):
        self.check("fr", "docx")

    def test_docx_en(self):
        self.check("en", "docx")

    def test_odt_fr(self):
        self.check("fr", "odt")


class RealDocuments(unittest.TestCase):
    """Word files from public repositories (provenance in data/README.md)."""

    def test_lists_comprehensive(self):
        draft, _ = convert(os.path.join(DATA, "real", "lists-comprehensive.docx"), "real-lists")
        with open(os.path.join(TMP, "real-lists.plenary.json"), encoding="utf-8") as f:
            text = f.read()
        self.assertEqual(draft["kind"], "brief")
        _, paragraphs = structure(draft)
        bullets = [t for _, role, _, t in paragraphs if role == "bullet"]
        self.assertIn("First item", bullets)
        self.assertIn("Third level item ii", bullets)
        # Word's automatic numbers, which exist only in numbering.xml.
        self.assertIn("2. Second numbered item", text)
        self.assertIn("Simple Unordered List", [t for _, _, _, t in paragraphs])

    def test_advanced_numbering(self):
        draft, _ = convert(os.path.join(DATA, "real", "advanced-numbering.docx"), "real-numbering")
        _, paragraphs = structure(draft)
        self.assertIn("Point number one", [s["heading"] for s in draft["body"]["sections"]])
        self.assertTrue(any("Lorem ipsum" in t for _, _, _, t in paragraphs))


    def test_word_comments(self):
        # Made by Microsoft Word (docProps/app.xml says so).
        draft, _ = convert(os.path.join(DATA, "real", "comments-rich-para.docx"), "real-comments")
        _, paragraphs = structure(draft)
        self.assertIn("Some text worthy of note.", [t for _, _, _, t in paragraphs])
        comments = threads(draft)
        self.assertEqual(len(comments), 4)
        self.assertIn(("Text with hyperlink https://google.com embedded.", "Steve Canny",
                       "Some text worthy of note.", [], False), comments)
        self.assertIn("Paragraph 6", [exact for _, _, exact, _, _ in comments])

    def test_word_style_numbering(self):
        # Word's "List Number" style carries the numbering: the number
        # exists only in styles.xml and numbering.xml.
        convert(os.path.join(DATA, "real", "num-having-numbering-part.docx"), "real-style-numbering")
        with open(os.path.join(TMP, "real-style-numbering.plenary.json"), encoding="utf-8") as f:
            self.assertIn("1. Paragraph having List Number style.", f.read())


def without_calls(structure):
    opening, paragraphs = structure
    return opening, [(level, role, phrase, re.sub(r"\[\^[^\]]+\]", "", text)) for level, role, phrase, text in paragraphs]


class RoundTrip(unittest.TestCase):
    def round_trip(self, draft, name, ext="docx"):
        src = os.path.join(TMP, name + ".plenary.json")
        write_json(src, draft)
        doc = os.path.join(TMP, name + "." + ext)
        plenary("--convert", src, doc)
        back, _ = convert(doc, name + "-back")
        reference = load_json(src)
        # Notes and citations come back as notes, numbered in order: their
        # calls aside, the text is the same, and every note is there.
        self.assertEqual(without_calls(structure(back)), without_calls(structure(reference)), name)
        # (Word's paragraphs have single spaces.)
        def notes(draft):
            return sorted(" ".join(n["text"].split()) for n in draft["body"].get("notes", []))
        self.assertEqual(notes(reference), [n for n in notes(back) if n in notes(reference)], name)
        def annex(draft):
            a = draft["body"].get("annex")
            return a and (a["heading"], [re.sub(r"\[\^[^\]]+\]", "", p) for p in a["paragraphs"]])
        self.assertEqual(annex(reference), annex(back), name)
        self.assertEqual(metadata(back), metadata(reference), name)
        self.assertEqual(back["kind"], reference["kind"])
        self.assertEqual(back["language"], reference["language"])
        return reference, back

    def test_rich(self):
        for language in ("fr", "en"):
            fr = language == "fr"
            original, back = self.round_trip(rich_draft(language), "rich-" + language)
            comments = threads(back)
            self.assertIn(("Trop vague ?" if fr else "Too vague?", "Marie Dupont",
                           "groupe de travail" if fr else "working group",
                           [("Omar Diallo", "D’accord, à préciser." if fr else "Agreed, to be specified.")], False),
                          comments)
            self.assertIn(("Quand ?" if fr else "When?", "Omar Diallo",
                           "présenter un rapport" if fr else "submit a report", [], True), comments)
            # The citation, a footnote in Word, is a note of the draft read back.
            notes = back["body"].get("notes", [])
            self.assertEqual(len(notes), 1, notes)
            self.assertIn("Rapport du Secrétaire général" if fr else "Report of the Secretary-General", notes[0]["text"])
            self.assertIn("L’accès à l’éducation recule" if fr else "Access to education falls", notes[0]["text"])
            self.assertIn("2022[^1]", json.dumps(back["body"], ensure_ascii=False))

    def test_rich_odt(self):
        for language in ("fr", "en"):
            fr = language == "fr"
            _, back = self.round_trip(rich_draft(language), "rich-odt-" + language, "odt")
            comments = threads(back)
            # Threads through LibreOffice's loext:parent-name and loext:resolved.
            self.assertIn(("Trop vague ?" if fr else "Too vague?", "Marie Dupont",
                           "groupe de travail" if fr else "working group",
                           [("Omar Diallo", "D’accord, à préciser." if fr else "Agreed, to be specified.")], False),
                          comments)
            self.assertIn(("Quand ?" if fr else "When?", "Omar Diallo",
                           "présenter un rapport" if fr else "submit a report", [], True), comments)

    def test_property_drafts(self):
        for seed in range(12):
            for language in ("fr", "en"):
                original, back = self.round_trip(random_draft(seed, language), f"random-{seed}-{language}")
                self.assertEqual(threads(back), threads(original), f"seed {seed} {language}")

    def test_brief(self):
        brief = os.path.join(os.environ.get("PLENARY_SOURCE_ROOT", "."), "tests", "briefs", "data", "position-paper-fr.md")
        reference, _ = convert(brief, "brief-ref")
        self.round_trip(reference, "brief")

    def test_corpus(self):
        texts = sorted(glob.glob(os.path.join(DATA, "corpus", "*.txt")) + glob.glob(os.path.join(DATA, "corpus", "*.md")))
        self.assertGreaterEqual(len(texts), 6)
        # The whole real-resolution corpus too, where the workspace has it.
        shared = os.path.join(os.environ.get("PLENARY_SOURCE_ROOT", "."), "..", "shared", "corpus", "real")
        texts += sorted(glob.glob(os.path.join(shared, "c*.txt")) + glob.glob(os.path.join(shared, "c*.md")))
        for path in texts:
            name = os.path.splitext(os.path.basename(path))[0]
            reference, _ = convert(path, "corpus-" + name)
            for ext in ("docx", "odt"):
                self.round_trip(reference, f"corpus-rt-{name}-{ext}", ext)


if __name__ == "__main__":
    unittest.main(verbosity=2)
