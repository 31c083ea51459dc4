#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Exported .docx and .odt as their readers see them: `plenary --convert`
writes them; LibreOffice (headless) turns them into text, PDF and flat
ODF; python-docx reads the .docx; the package parts are checked against
the OOXML and ODF conventions (content types, relationships, references)."""

import json
import os
import re
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from office_fixtures import (plenary, rich_draft, soffice, write_json, zip_text, DATA, SOURCE_ROOT)  # noqa: E402

import docx  # python3-docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"
LOEXT = "{urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

TMP = tempfile.mkdtemp(prefix="plenary-office-export-")


def export(draft, name, ext):
    src = os.path.join(TMP, name + ".plenary.json")
    out = os.path.join(TMP, name + "." + ext)
    write_json(src, draft)
    plenary("--convert", src, out)
    return out


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True,
                          check=True, timeout=60).stdout


def flat_styles(root):
    """Every style of a flat ODF file: name -> (parent, italic)."""
    styles = {}
    for s in root.iter(STYLE + "style"):
        props = s.find(STYLE + "text-properties")
        italic = None if props is None or props.get(FO + "font-style") is None else props.get(FO + "font-style") == "italic"
        styles[s.get(STYLE + "name")] = (s.get(STYLE + "parent-style-name"), italic)
    return styles


def is_italic(styles, name):
    for _ in range(10):
        if name not in styles:
            return False
        parent, italic = styles[name]
        if italic is not None:
            return italic
        name = parent
    return False


def span_text(el):
    return "".join(el.itertext())


class DocxPackage(unittest.TestCase):
    """The parts of the .docx hang together."""

    def check_package(self, path):
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            self.assertFalse([n for n in names if n.endswith("/")], "no folder entries")
            for n in names:
                if n.endswith(".xml") or n.endswith(".rels"):
                    ET.fromstring(z.read(n))  # well-formed
            types = ET.fromstring(z.read("[Content_Types].xml"))
            defaults = {d.get("Extension"): d.get("ContentType") for d in types.iter(CT + "Default")}
            overrides = {o.get("PartName"): o.get("ContentType") for o in types.iter(CT + "Override")}
            for n in names - {"[Content_Types].xml"}:
                ext = n.rsplit(".", 1)[-1]
                self.assertTrue("/" + n in overrides or ext in defaults, f"{n} has no content type")
            for part in overrides:
                self.assertIn(part[1:], names, f"content type for a missing part {part}")
            self.assertTrue(overrides["/word/document.xml"].endswith("document.main+xml"))
            # Every relationship points at a part that exists.
            for n in names:
                if not n.endswith(".rels"):
                    continue
                base = os.path.dirname(os.path.dirname(n))
                for r in ET.fromstring(z.read(n)).iter(REL + "Relationship"):
                    target = os.path.normpath(os.path.join(base, r.get("Target"))).lstrip("/")
                    self.assertIn(target, names, f"{n}: {r.get('Id')} points at missing {target}")
            doc = ET.fromstring(z.read("word/document.xml"))
            styles = ET.fromstring(z.read("word/styles.xml"))
            numbering = ET.fromstring(z.read("word/numbering.xml"))
            footnotes = ET.fromstring(z.read("word/footnotes.xml"))
            style_ids = {s.get(W + "styleId") for s in styles.iter(W + "style")}
            for tag in ("pStyle", "rStyle"):
                for s in doc.iter(W + tag):
                    self.assertIn(s.get(W + "val"), style_ids, f"{tag} {s.get(W + 'val')} is not defined")
            num_ids = {n.get(W + "numId") for n in numbering.iter(W + "num")}
            abstract_ids = {a.get(W + "abstractNumId") for a in numbering.iter(W + "abstractNum")}
            for n in numbering.iter(W + "num"):
                self.assertIn(n.find(W + "abstractNumId").get(W + "val"), abstract_ids)
            for n in doc.iter(W + "numId"):
                self.assertIn(n.get(W + "val"), num_ids)
            note_ids = {f.get(W + "id") for f in footnotes.iter(W + "footnote")}
            refs = [f.get(W + "id") for f in doc.iter(W + "footnoteReference")]
            self.assertEqual(len(refs), len(set(refs)))
            for r in refs:
                self.assertIn(r, note_ids)
            if "word/comments.xml" in names:
                comments = ET.fromstring(z.read("word/comments.xml"))
                comment_ids = {c.get(W + "id") for c in comments.iter(W + "comment")}
                starts = [c.get(W + "id") for c in doc.iter(W + "commentRangeStart")]
                ends = [c.get(W + "id") for c in doc.iter(W + "commentRangeEnd")]
                references = [c.get(W + "id") for c in doc.iter(W + "commentReference")]
                self.assertEqual(sorted(starts), sorted(ends))
                self.assertEqual(sorted(references), sorted(comment_ids))
                for i in starts:
                    self.assertIn(i, comment_ids)
                para_ids = {p.get(W14 + "paraId") for p in comments.iter(W + "p") if p.get(W14 + "paraId")}
                extended = ET.fromstring(z.read("word/commentsExtended.xml"))
                for ex in extended.iter(W15 + "commentEx"):
                    self.assertIn(ex.get(W15 + "paraId"), para_ids)
                    if ex.get(W15 + "paraIdParent"):
                        self.assertIn(ex.get(W15 + "paraIdParent"), para_ids)
            return z.namelist()

    def test_rich_fr_and_en(self):
        for language in ("fr", "en"):
            self.check_package(export(rich_draft(language), "package-" + language, "docx"))

    def test_brief(self):
        brief = os.path.join(SOURCE_ROOT, "tests", "briefs", "data", "position-paper-fr.md")
        out = os.path.join(TMP, "brief-package.docx")
        plenary("--convert", brief, out)
        self.check_package(out)


class OdtPackage(unittest.TestCase):
    def test_parts(self):
        path = export(rich_draft("fr"), "odt-package", "odt")
        with zipfile.ZipFile(path) as z:
            first = z.infolist()[0]
            self.assertEqual(first.filename, "mimetype")
            self.assertEqual(first.compress_type, zipfile.ZIP_STORED)
            self.assertEqual(z.read("mimetype"), b"application/vnd.oasis.opendocument.text")
            manifest = ET.fromstring(z.read("META-INF/manifest.xml"))
            listed = {e.get("{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}full-path") for e in manifest}
            for n in z.namelist():
                if n not in ("mimetype", "META-INF/manifest.xml"):
                    self.assertIn(n, listed)
            content = ET.fromstring(z.read("content.xml"))
            styles = ET.fromstring(z.read("styles.xml"))
            defined = {s.get(STYLE + "name") for s in styles.iter(STYLE + "style")}
            defined |= {s.get(STYLE + "name") for s in styles.iter(TEXT + "list-style")}
            for el in content.iter():
                name = el.get(TEXT + "style-name")
                if name is not None:
                    self.assertIn(name, defined, f"style {name} is not defined")


class LibreOfficeReadsDocx(unittest.TestCase):
    """LibreOffice as a Secretariat editor's word processor would open it."""

    def check(self, ext, language):
        fr = language == "fr"
        path = export(rich_draft(language), f"lo-{language}", ext)
        outdir = os.path.join(TMP, f"lo-{language}-{ext}")
        os.makedirs(outdir, exist_ok=True)

        with open(soffice(path, "txt:Text (encoded):UTF8", outdir), encoding="utf-8-sig") as f:
            text = f.read()
        # Word's own list numbering, computed by LibreOffice from w:numbering.
        op = ("Décide de créer un groupe", "Prie le Secrétaire", "Décide de rester") if fr else \
             ("Decides to establish", "Requests the Secretary", "Decides to remain")
        for n, start in enumerate(op, 1):
            self.assertRegex(text, rf"(?m)^\s*{n}\.\s+{re.escape(start)}")
        sub = ("a)", "b)", "i)", "ii)") if fr else ("(a)", "(b)", "(i)", "(ii)")
        sub_text = ("d’étudier", "de faire rapport", "les écoles", "les universités") if fr else \
                   ("study the", "report on", "schools", "universities")
        for label, words in zip(sub, sub_text):
            self.assertRegex(text, rf"(?m)^\s*{re.escape(label)}\s+{re.escape(words)}")
        self.assertIn("Nations Unies" if fr else "United Nations", text)
        self.assertIn("A/C.3/80/L.12", text)
        self.assertIn("Soumis par" if fr else "Submitted by", text)

        pdf = soffice(path, "pdf", outdir)
        body = pdf_text(pdf)
        # The citation is a footnote at the foot of the page.
        self.assertRegex(body, r"1\s*Rapport du Secrétaire général" if fr else r"1\s*Report of the Secretary-General")
        fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True, timeout=60).stdout
        self.assertRegex(fonts, r"(?i)italic")

        flat = ET.parse(soffice(path, "fodt", outdir)).getroot()
        styles = flat_styles(flat)
        phrases = ("Rappelant", "Profondément préoccupée", "Décide", "Prie") if fr else \
                  ("Recalling", "Deeply concerned", "Decides", "Requests")
        italic_runs = {span_text(s).strip() for s in flat.iter(TEXT + "span")
                       if is_italic(styles, s.get(TEXT + "style-name"))}
        for phrase in phrases:
            self.assertIn(phrase, italic_runs, f"{phrase} is not an italic run for LibreOffice")
        self.assertNotIn("Rappelant sa résolution" if fr else "Recalling its resolution", italic_runs)
        notes = [span_text(n.find(TEXT + "note-body")) for n in flat.iter(TEXT + "note")]
        self.assertEqual(len(notes), 1)
        self.assertIn("L’accès à l’éducation recule" if fr else "Access to education falls", notes[0])
        annotations = [(a.findtext(DC + "creator"), "".join(p for p in a.itertext()))
                       for a in flat.iter(OFFICE + "annotation")]
        authors = [a for a, _ in annotations]
        self.assertIn("Marie Dupont", authors)
        self.assertIn("Omar Diallo", authors)  # the reply, and the resolved comment
        self.assertTrue(any("Trop vague ?" if fr else "Too vague?" in t for _, t in annotations))
        self.assertTrue(any(("D’accord, à préciser." if fr else "Agreed, to be specified.") in t for _, t in annotations))
        # The resolved thread is resolved for LibreOffice too.
        resolved = {"".join(a.itertext()): a.get(LOEXT + "resolved") for a in flat.iter(OFFICE + "annotation")}
        when = next(v for t, v in resolved.items() if ("Quand ?" if fr else "When?") in t)
        self.assertEqual(when, "true")
        vague = next(v for t, v in resolved.items() if ("Trop vague ?" if fr else "Too vague?") in t)
        self.assertEqual(vague, "false")
        # The language the text is spell-checked in.
        langs = {(p.get(FO + "language"), p.get(FO + "country")) for p in flat.iter(STYLE + "text-properties")
                 if p.get(FO + "language")}
        self.assertIn(("fr", "FR") if fr else ("en", "GB"), langs)

    def test_docx_fr(self):
        self.check("docx", "fr")

    def test_docx_en(self):
        self.check("docx", "en")

    def test_odt_fr(self):
        self.check("odt", "fr")

    def test_brief_docx(self):
        brief = os.path.join(SOURCE_ROOT, "tests", "briefs", "data", "position-paper-fr.md")
        out = os.path.join(TMP, "brief-lo.docx")
        plenary("--convert", brief, out)
        outdir = os.path.join(TMP, "brief-lo")
        os.makedirs(outdir, exist_ok=True)
        flat = ET.parse(soffice(out, "fodt", outdir)).getroot()
        headings = [span_text(h) for h in flat.iter(TEXT + "h")]
        self.assertTrue(headings, "no headings for LibreOffice")
        lists = list(flat.iter(TEXT + "list"))
        self.assertTrue(lists, "no bulleted list for LibreOffice")


class TrackedChanges(unittest.TestCase):
    """Proposals leave as Word's tracked changes by their delegation, so
    that a Word user accepts or rejects them; LibreOffice reads them so."""

    def test_proposals_docx(self):
        def proposal(pid, kind, delegation, paragraph, **more):
            return {"id": pid, "kind": kind, "delegation": delegation,
                    "created": "2026-12-07T10:00:00Z", "paragraph": paragraph, **more}

        draft = {
            "format": "plenary-draft", "version": 2, "kind": "resolution", "language": "fr",
            "body": {"opening": "L'Assemblée générale,", "paragraphs": [
                {"id": "p1", "role": "preambular", "phrase": "Rappelant", "text": "ses résolutions antérieures,"},
                {"id": "p2", "role": "operative", "phrase": "Décide", "text": "de renforcer la coopération régionale ;"},
                {"id": "p3", "role": "operative", "phrase": "Invite", "text": "les organisations régionales à participer :",
                 "subparagraphs": [{"id": "p5", "text": "aux travaux du comité ;"}]},
                {"id": "p4", "role": "operative", "phrase": "Décide", "text": "de rester saisie de la question."},
            ]},
            "proposals": [
                proposal("s1", "text", "Union européenne", "p2",
                         selector={"exact": "renforcer", "prefix": "Décide de ", "suffix": " la",
                                   "start": 10, "end": 19}, text="consolider"),
                proposal("s2", "delete-paragraph", "Groupe des 77 et la Chine", "p3"),
                proposal("s3", "add-paragraph", "Canada", "p2", level=0,
                         text="Encourage les États Membres à coopérer ;"),
            ],
        }
        out = export(draft, "proposals", "docx")

        # The package: w:del and w:ins with their authors and dates.
        root = ET.fromstring(zip_text(out, "word/document.xml"))
        dels = [(d.get(W + "author"), "".join(t.text or "" for t in d.iter(W + "delText")))
                for d in root.iter(W + "del") if d.find(W + "r") is not None]
        inss = [(i.get(W + "author"), "".join(t.text or "" for t in i.iter(W + "t")))
                for i in root.iter(W + "ins") if i.find(W + "r") is not None]
        self.assertIn(("Union européenne", "renforcer"), dels)
        self.assertIn(("Groupe des 77 et la Chine", "Invite les organisations régionales à participer :"), dels)
        # Its sub-paragraph goes with it.
        self.assertIn(("Groupe des 77 et la Chine", "aux travaux du comité ;"), dels)
        self.assertIn(("Union européenne", "consolider"), inss)
        self.assertIn(("Canada", "Encourage les États Membres à coopérer ;"), inss)
        for change in list(root.iter(W + "ins")) + list(root.iter(W + "del")):
            self.assertEqual(change.get(W + "date"), "2026-12-07T10:00:00Z")

        # LibreOffice: changed regions by their delegations.
        outdir = os.path.join(TMP, "proposals-lo")
        os.makedirs(outdir, exist_ok=True)
        flat = ET.parse(soffice(out, "fodt", outdir)).getroot()
        # LibreOffice keeps the words of a change in the text, between its
        # change-start and change-end.
        words = {}
        open_ids = set()

        def collect(element):
            for child in element:
                if child.tag == TEXT + "change-start":
                    open_ids.add(child.get(TEXT + "change-id"))
                elif child.tag == TEXT + "change-end":
                    open_ids.discard(child.get(TEXT + "change-id"))
                else:
                    for cid in open_ids:
                        words[cid] = words.get(cid, "") + "".join(child.itertext())
                    collect(child)
                for cid in open_ids:
                    words[cid] = words.get(cid, "") + (child.tail or "")

        for paragraph in flat.iter(TEXT + "p"):
            for cid in open_ids:
                words[cid] = words.get(cid, "") + (paragraph.text or "")
            collect(paragraph)
        regions = []
        for region in flat.iter(TEXT + "changed-region"):
            for kind in ("insertion", "deletion"):
                change = region.find(TEXT + kind)
                if change is not None:
                    creator = change.find(OFFICE + "change-info").findtext(DC + "creator")
                    regions.append((kind, creator, words.get(region.get(TEXT + "id"), "")))
        kinds = {(k, c) for k, c, _ in regions}
        self.assertIn(("deletion", "Union européenne"), kinds)
        self.assertIn(("insertion", "Union européenne"), kinds)
        self.assertIn(("deletion", "Groupe des 77 et la Chine"), kinds)
        self.assertIn(("insertion", "Canada"), kinds)
        self.assertIn(("deletion", "Union européenne", "renforcer"), regions)
        self.assertIn(("insertion", "Union européenne", "consolider"), regions)
        # The new paragraph is numbered in the list like the others.
        body = pdf_text(soffice(out, "pdf", outdir))
        self.assertIn("Encourage les États Membres à coopérer", body)
        self.assertIn("consolider", body)


    def test_move_docx(self):
        """A paragraph a delegation deletes and adds again elsewhere, the same,
        is Word's move: w:moveFrom / w:moveTo in named ranges."""
        draft = {
            "format": "plenary-draft", "version": 2, "kind": "resolution", "language": "fr",
            "body": {"opening": "L'Assemblée générale,", "paragraphs": [
                {"id": "p1", "role": "operative", "phrase": "Décide", "text": "de convoquer une réunion ;"},
                {"id": "p2", "role": "operative", "phrase": "Prie", "text": "le Secrétaire général de faire rapport ;"},
                {"id": "p3", "role": "operative", "phrase": "Décide", "text": "de rester saisie de la question."},
            ]},
            "proposals": [
                {"id": "s1", "kind": "delete-paragraph", "delegation": "Canada",
                 "created": "2026-12-07T10:00:00Z", "paragraph": "p2"},
                {"id": "s2", "kind": "add-paragraph", "delegation": "Canada", "created": "2026-12-07T10:00:00Z",
                 "paragraph": "", "level": 0, "text": "Prie le Secrétaire général de faire rapport ;"},
            ],
        }
        out = export(draft, "move", "docx")
        root = ET.fromstring(zip_text(out, "word/document.xml"))
        moved_from = ["".join(t.text or "" for t in m.iter(W + "t")) for m in root.iter(W + "moveFrom")]
        moved_to = ["".join(t.text or "" for t in m.iter(W + "t")) for m in root.iter(W + "moveTo")]
        self.assertIn("Prie le Secrétaire général de faire rapport ;", moved_from)
        self.assertIn("Prie le Secrétaire général de faire rapport ;", moved_to)
        starts = {e.tag: e.get(W + "name") for e in root.iter() if e.tag in (W + "moveFromRangeStart", W + "moveToRangeStart")}
        self.assertEqual(starts[W + "moveFromRangeStart"], starts[W + "moveToRangeStart"])
        self.assertFalse(list(root.iter(W + "delText")), "moved text is w:t, not w:delText")
        # The new place comes first: before the paragraph it is added before.
        body = "".join(t.text or "" for t in root.iter(W + "t"))
        self.assertLess(body.index("Prie"), body.index("de convoquer"))

        # LibreOffice reads a move: both ends, by Canada.
        outdir = os.path.join(TMP, "move-lo")
        os.makedirs(outdir, exist_ok=True)
        flat = ET.parse(soffice(out, "fodt", outdir)).getroot()
        creators = [c.findtext(DC + "creator") for c in flat.iter(OFFICE + "change-info")]
        self.assertGreaterEqual(creators.count("Canada"), 2)
        bookmarks = {b.get(TEXT + "name") for b in flat.iter(TEXT + "bookmark-start")}
        self.assertTrue(any("Move" in (name or "") for name in bookmarks), bookmarks)

        # Read back, the move is the delegation's proposals again.
        back = os.path.join(TMP, "move-back.plenary.json")
        plenary("--convert", out, back)
        with open(back, encoding="utf-8") as f:
            again = json.load(f)
        kinds = sorted((p["kind"], p["delegation"]) for p in again["proposals"])
        self.assertEqual(kinds, [("add-paragraph", "Canada"), ("delete-paragraph", "Canada")])


class PythonDocxReads(unittest.TestCase):
    """python-docx as a second consumer."""

    def test_rich(self):
        for language in ("fr", "en"):
            fr = language == "fr"
            d = docx.Document(export(rich_draft(language), "pydocx-" + language, "docx"))
            styles = [p.style.name for p in d.paragraphs]
            for name in ("Masthead", "Opening Formula", "Preambular Paragraph", "Operative Paragraph",
                         "Operative Subparagraph", "Operative Subparagraph 2", "Document Title"):
                self.assertIn(name, styles)
            operative = [p for p in d.paragraphs if p.style.name == "Operative Paragraph"]
            self.assertEqual(len(operative), 3)
            for p in operative:
                num = p._p.pPr.numPr
                self.assertEqual(num.ilvl.val, 0)
                self.assertEqual(num.numId.val, 1)
            self.assertFalse(re.match(r"\d", operative[0].text), "numbers are list numbering, not text")
            first = next(p for p in d.paragraphs if p.style.name == "Preambular Paragraph")
            run = first.runs[0]
            self.assertEqual(run.text, "Rappelant" if fr else "Recalling")
            self.assertEqual(run.style.name, "Opening Phrase")
            self.assertTrue(run.style.font.italic)
            self.assertFalse(first.runs[1].style.font.italic if first.runs[1].style else False)
            levels = {l.get(W + "ilvl"): l.find(W + "lvlText").get(W + "val")
                      for l in d.part.numbering_part.element.iter(W + "lvl")
                      if l.getparent().get(W + "abstractNumId") == "0"}
            self.assertEqual(levels, {"0": "%1.", "1": "%2)" if fr else "(%2)", "2": "%3)" if fr else "(%3)"})
            props = d.core_properties
            self.assertEqual(props.title, "Droit à l’éducation" if fr else "Right to education")
            self.assertEqual(props.author, "France")
            self.assertEqual(props.language, "fr-FR" if fr else "en-GB")
            parts = {str(p.partname): p for p in d.part.package.iter_parts()}
            self.assertIn("/word/comments.xml", parts)
            self.assertIn("/word/footnotes.xml", parts)
            comments = ET.fromstring(parts["/word/comments.xml"].blob)
            self.assertEqual([c.get(W + "author") for c in comments.iter(W + "comment")],
                             ["Marie Dupont", "Omar Diallo", "Omar Diallo"])
            lang = d.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
            self.assertEqual(lang.get(W + "val"), "fr-FR" if fr else "en-GB")

    def test_brief(self):
        brief = os.path.join(SOURCE_ROOT, "tests", "briefs", "data", "position-paper-fr.md")
        out = os.path.join(TMP, "brief-pydocx.docx")
        plenary("--convert", brief, out)
        d = docx.Document(out)
        styles = [p.style.name for p in d.paragraphs]
        self.assertIn("Heading 1", styles)
        self.assertIn("List Bullet", styles)
        bullet = next(p for p in d.paragraphs if p.style.name == "List Bullet")
        self.assertEqual(bullet._p.pPr.numPr.numId.val, 2)


class ConvertRefuses(unittest.TestCase):
    def test_unwritable_leaves_nothing(self):
        src = os.path.join(TMP, "refuse.plenary.json")
        write_json(src, rich_draft("fr"))
        out = os.path.join(TMP, "missing-folder", "x.docx")
        result = plenary("--convert", src, out, check=False)
        self.assertEqual(result.returncode, 1)
        self.assertFalse(os.path.exists(out))


if __name__ == "__main__":
    unittest.main(verbosity=2)
