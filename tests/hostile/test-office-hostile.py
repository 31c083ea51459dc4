#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Hostile .docx and .odt through `plenary --convert` (what Open and drop
run too) and through the source importer (Add Source): zip bombs, `../`
entry names, missing parts, external entities and entity expansion,
password-protected documents, a .doc renamed .docx, a 100 MB
document.xml. Each gets a clear message within the hang deadline, writes
nothing, reads nothing it should not, and crashes nothing."""

import os
import struct
import subprocess
import sys
import tempfile
import unittest
import zipfile
import zlib

PLENARY = os.environ["PLENARY"]
PROBE = os.environ["PLENARY_OFFICE_PROBE"]
HANG = 60  # a hang deadline, not a speed limit
TMP = tempfile.mkdtemp(prefix="plenary-office-hostile-")

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>')
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def document(body):
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>'


def paragraph(text):
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def write_zip(name, entries):
    path = os.path.join(TMP, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in entries:
            z.writestr(part, data)
    return path


def write_raw_zip(name, part, stream, crc, claimed_size):
    """One deflated entry whose sizes say what we choose."""
    path = os.path.join(TMP, name)
    encoded = part.encode()
    extra = [("[Content_Types].xml", CONTENT_TYPES.encode()), ("_rels/.rels", RELS.encode())]
    out = bytearray()
    central = bytearray()
    for entry, data in extra:
        offset = len(out)
        e = entry.encode()
        c = zlib.crc32(data)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 0, 0, 0, c, len(data), len(data), len(e), 0) + e + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 0, 0, 0, c, len(data), len(data),
                               len(e), 0, 0, 0, 0, 0, offset) + e
    offset = len(out)
    out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(stream), claimed_size, len(encoded), 0)
    out += encoded + stream
    central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(stream), claimed_size,
                           len(encoded), 0, 0, 0, 0, 0, offset) + encoded
    cd_offset = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 3, 3, len(central), cd_offset, 0)
    with open(path, "wb") as f:
        f.write(out)
    return path


def zeros_stream(size):
    """A raw deflate stream of SIZE zero bytes (about a thousandth of it), and its CRC."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(16 << 20)
    parts = []
    crc = 0
    left = size
    while left > 0:
        piece = chunk if left >= len(chunk) else bytes(left)
        parts.append(compressor.compress(piece))
        crc = zlib.crc32(piece, crc)
        left -= len(piece)
    parts.append(compressor.flush())
    return b"".join(parts), crc


class Hostile(unittest.TestCase):
    def refuse(self, path, message, source_message=None):
        """plenary --convert refuses PATH with MESSAGE and writes nothing;
        Open and Add Source refuse it too."""
        before = read_bytes(path)
        for ext in (".plenary.json", ".docx", ".pdf"):
            out = os.path.join(TMP, os.path.basename(path) + ".out" + ext)
            result = subprocess.run([PLENARY, "--convert", path, out], capture_output=True, text=True, timeout=HANG)
            self.assertEqual(result.returncode, 1, f"{path}: {result.stderr}")
            self.assertIn(message, result.stderr, path)
            self.assertLess(len(result.stderr), 1024, "a sentence, not the file")
            self.assertNotIn("CRITICAL", result.stderr)
            self.assertFalse(os.path.exists(out), f"{out} was written")
        probe = subprocess.run([PROBE, "import", path], capture_output=True, text=True, timeout=HANG)
        self.assertEqual(probe.returncode, 0, probe.stderr)
        lines = dict(line.split(": ", 1) for line in probe.stdout.splitlines())
        self.assertIn(message, lines["draft"])
        self.assertIn(source_message or message, lines["source"])
        self.assertEqual(read_bytes(path), before, "the file is left as it was")

    def test_zip_bomb(self):
        stream, crc = zeros_stream(1 << 30)
        path = write_raw_zip("bomb.docx", "word/document.xml", stream, crc, 1 << 30)
        self.assertLess(os.path.getsize(path), 2 << 20)
        self.refuse(path, "too large to import")

    def test_zip_bomb_lying_header(self):
        # The sizes claim 1 KB; the stream would inflate to 1 GB: only the
        # claimed kilobyte is inflated, and it is not a document.
        stream, crc = zeros_stream(1 << 30)
        path = write_raw_zip("bomb-lying.docx", "word/document.xml", stream, crc, 1024)
        self.refuse(path, "damaged")

    def test_dot_dot_paths(self):
        path = write_zip("dotdot.docx", [
            ("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
            ("../../../plenary-escaped.txt", "escaped"), ("/tmp/plenary-absolute.txt", "escaped"),
            ("word/../../plenary-up.txt", "escaped"),
            ("word/document.xml", document(paragraph("L’Assemblée générale,") + paragraph("Décide de rester saisie."))),
        ])
        out = os.path.join(TMP, "dotdot.plenary.json")
        result = subprocess.run([PLENARY, "--convert", path, out], capture_output=True, text=True, timeout=HANG, cwd=TMP)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(out, encoding="utf-8") as f:
            self.assertIn("Décide", f.read())
        for name in ("plenary-escaped.txt", "plenary-absolute.txt", "plenary-up.txt"):
            for folder in (TMP, os.path.dirname(TMP), "/tmp", os.path.dirname(os.path.dirname(TMP))):
                self.assertFalse(os.path.exists(os.path.join(folder, name)), f"{name} written in {folder}")

    def test_relationship_leaving_package(self):
        rels = RELS.replace("word/document.xml", "../../../etc/passwd")
        path = write_zip("rels-escape.docx", [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", rels)])
        self.refuse(path, "word/document.xml” is missing")

    def test_missing_document(self):
        path = write_zip("missing.docx", [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS)])
        self.refuse(path, "word/document.xml” is missing")

    def test_missing_odt_content(self):
        path = write_zip("missing.odt", [("mimetype", "application/vnd.oasis.opendocument.text")])
        self.refuse(path, "content.xml” is missing")

    def test_external_entity(self):
        for target in ("file:///etc/passwd", "http://127.0.0.1:9/x"):
            xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{target}">]>'
                   f'<w:document {W}><w:body>{paragraph("&xxe;")}</w:body></w:document>')
            path = write_zip("xxe.docx", [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                                          ("word/document.xml", xml)])
            self.refuse(path, "declares a document type")
            out = os.path.join(TMP, "xxe-check.plenary.json")
            subprocess.run([PLENARY, "--convert", path, out], capture_output=True, timeout=HANG)
            self.assertFalse(os.path.exists(out))

    def test_entity_expansion(self):
        entities = '<!ENTITY a0 "ha">' + "".join(f'<!ENTITY a{i} "{("&a%d;" % (i - 1)) * 10}">' for i in range(1, 12))
        xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
               f'<w:document {W}><w:body>{paragraph("&a11;")}</w:body></w:document>')
        path = write_zip("laughs.docx", [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                                         ("word/document.xml", xml)])
        # libxml2 stops the expansion while reading the declaration, or we
        # stop at the declaration: damaged either way, within a second.
        self.refuse(path, "The document is damaged")
        styles_rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
                       'Target="styles.xml"/></Relationships>')
        styles = f'<?xml version="1.0"?><!DOCTYPE w:styles [{entities}]><w:styles {W}><w:style w:styleId="&a11;"/></w:styles>'
        path = write_zip("laughs-styles.docx", [
            ("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS), ("word/_rels/document.xml.rels", styles_rels),
            ("word/styles.xml", styles), ("word/document.xml", document(paragraph("texte")))])
        self.refuse(path, "The document is damaged")
        content = ('<?xml version="1.0"?><!DOCTYPE office:document-content [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                   '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                   'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
                   '<text:p>&x;</text:p></office:text></office:body></office:document-content>')
        path = write_zip("xxe.odt", [("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", content)])
        self.refuse(path, "declares a document type")

    def test_encrypted_docx(self):
        path = os.path.join(TMP, "encrypted.docx")
        subprocess.run([PROBE, "ole", path, "encrypted"], check=True, timeout=HANG)
        self.refuse(path, "protected by a password")

    def test_encrypted_odt(self):
        manifest = ('<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
                    '<manifest:encryption-data manifest:checksum-type="SHA1" manifest:checksum="x"/>'
                    '</manifest:file-entry></manifest:manifest>')
        path = write_zip("encrypted.odt", [("mimetype", "application/vnd.oasis.opendocument.text"),
                                           ("META-INF/manifest.xml", manifest), ("content.xml", "\x8f\x01binary")])
        self.refuse(path, "protected by a password")

    def test_doc_renamed_docx(self):
        path = os.path.join(TMP, "old.docx")
        subprocess.run([PROBE, "ole", path, "doc"], check=True, timeout=HANG)
        self.refuse(path, "Word 97–2003", "Word 97–2003")

    def test_other_zip(self):
        path = write_zip("sheet.docx", [("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
                                        ("content.xml", "<x/>")])
        self.refuse(path, "neither a Word document")

    def test_truncated_zip(self):
        good = write_zip("good.docx", [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                                       ("word/document.xml", document(paragraph("texte")))])
        data = read_bytes(good)
        path = os.path.join(TMP, "truncated.docx")
        with open(path, "wb") as f:
            f.write(data[: len(data) // 2])
        self.refuse(path, "damaged")

    def test_malformed_xml(self):
        path = write_zip("malformed.docx", [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                                            ("word/document.xml", document("<w:p><w:r><w:t>oops</w:r>"))])
        self.refuse(path, "not well-formed XML")
        deep = f'<?xml version="1.0"?><w:document {W}><w:body>' + "<w:sdt>" * 100000 + "</w:sdt>" * 100000 + "</w:body></w:document>"
        path = write_zip("deep.docx", [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                                       ("word/document.xml", deep)])
        self.refuse(path, "damaged")

    def test_huge_document_xml(self):
        # A real 100 MB document.xml: paragraphs of text, not zeros.
        path = os.path.join(TMP, "huge.docx")
        para = paragraph("Décide de rester saisie de la question, " * 40)
        # Always 100 MB, sanitizer build or not: it is refused by its size.
        count = 100 * (1 << 20) // len(para.encode()) + 1
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", CONTENT_TYPES)
            z.writestr("_rels/.rels", RELS)
            with z.open("word/document.xml", "w", force_zip64=True) as f:
                f.write(f'<?xml version="1.0"?><w:document {W}><w:body>'.encode())
                chunk = (para * 1000).encode()
                for _ in range(count // 1000 + 1):
                    f.write(chunk)
                f.write(b"</w:body></w:document>")
        self.refuse(path, "too large to import")


if __name__ == "__main__":
    unittest.main(verbosity=2)
