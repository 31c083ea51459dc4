# SPDX-License-Identifier: GPL-3.0-or-later
"""Drafts for the .docx / .odt tests, the plenary command they go through,
and reading back what LibreOffice and the importer made of them."""

import json
import os
import random
import subprocess
import tempfile
import zipfile

PLENARY = os.environ.get("PLENARY", os.path.join(os.environ.get("PLENARY_BUILD_ROOT", "build"), "src", "plenary"))
SOURCE_ROOT = os.environ.get("PLENARY_SOURCE_ROOT", ".")
DATA = os.path.join(SOURCE_ROOT, "tests", "office", "data")
HANG = 60  # seconds: a hang deadline, not a speed limit

PHRASES = {
    "fr": {
        "preambular": ["Rappelant", "Considérant", "Notant avec préoccupation", "Réaffirmant",
                       "Profondément préoccupée", "Reconnaissant"],
        "operative": ["Décide", "Prie", "Encourage", "Demande", "Invite", "Exhorte"],
        "opening": "L’Assemblée générale,",
    },
    "en": {
        "preambular": ["Recalling", "Considering", "Noting with concern", "Reaffirming",
                       "Deeply concerned", "Recognizing"],
        "operative": ["Decides", "Requests", "Encourages", "Calls upon", "Invites", "Urges"],
        "opening": "The General Assembly,",
    },
}

WORDS = ("la question des droits de l’homme « dans » les États Membres & <coopération> "
         "internationale 2026 A/RES/77/1 l’éducation 40 % durable réfugiés *note* _____ "
         "[voir] `code` ; : ? !").split()


def run(args, check=True, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, timeout=HANG, **kwargs)
    if check and result.returncode != 0:
        raise AssertionError(f"{args} failed ({result.returncode}): {result.stderr}")
    return result


def plenary(*args, check=True):
    return run([PLENARY, *args], check=check)


def editor_lines(draft):
    """The editor text's lines, as the clause printer writes them."""
    body = draft["body"]
    lines = []
    if draft["kind"] == "resolution":
        if body.get("opening"):
            lines.append(body["opening"])

        def walk(paragraphs, level):
            for p in paragraphs:
                full = (p["phrase"] + (" " + p["text"] if p["text"] else "")) if p.get("phrase") else p["text"]
                lines.append("\t" * level + full)
                walk(p.get("subparagraphs", []), level + 1)
        walk(body["paragraphs"], 0)
    return lines


def anchor(draft, exact, occurrence=0, point_after=False):
    """A draft anchor on EXACT (or, POINT_AFTER, an empty one just after it)."""
    text = "\n".join(editor_lines(draft))
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(exact, at + 1)
    start, end = at, at + len(exact)
    if point_after:
        start = end
        exact_text = ""
    else:
        exact_text = exact
    return {
        "source": "draft",
        "selector": [
            {"type": "TextQuoteSelector", "exact": exact_text,
             "prefix": text[max(0, start - 32):start], "suffix": text[end:end + 32]},
            {"type": "TextPositionSelector", "start": start, "end": end if not point_after else start},
        ],
    }


def comment(draft, ident, exact, note, author, replies=(), resolved=False):
    return {
        "id": ident, "kind": "comment", "author": author, "created": "2026-11-24T10:00:00Z",
        "modified": "", "resolved": resolved, "note": note, "category": "",
        "target": anchor(draft, exact),
        "replies": [{"author": a, "created": "2026-11-25T09:30:00Z", "text": t} for a, t in replies],
    }


def citation(draft, ident, after, source_id, quote, source_text):
    start = source_text.index(quote)
    return {
        "id": ident, "kind": "citation", "author": "", "created": "", "modified": "",
        "resolved": False, "note": "", "category": "", "show_quote": True,
        "target": anchor(draft, after, point_after=True),
        "citation": {"source": source_id, "selector": [
            {"type": "TextQuoteSelector", "exact": quote, "prefix": "", "suffix": ""},
            {"type": "TextPositionSelector", "start": start, "end": start + len(quote)}]},
        "replies": [],
    }


def rich_draft(language="fr"):
    """A UN draft with everything the export carries: masthead, sub-sub-
    paragraphs, a citation, comments with a reply, a resolved one."""
    fr = language == "fr"
    source_text = ("Rapport du Secrétaire général.\nL’accès à l’éducation recule de 4 % par an."
                   if fr else "Report of the Secretary-General.\nAccess to education falls by 4 per cent a year.")
    quote = "L’accès à l’éducation recule" if fr else "Access to education falls"
    draft = {
        "format": "plenary-draft", "version": 1, "kind": "resolution", "language": language,
        "metadata": {
            "body": "Assemblée générale" if fr else "General Assembly",
            "forum": "Troisième Commission" if fr else "Third Committee",
            "question": "Droit à l’éducation" if fr else "Right to education",
            "submitted_by": "France",
            "co_sponsors": ["Sénégal", "Canada"] if fr else ["Senegal", "Canada"],
            "signatories": [],
            "symbol": "A/C.3/80/L.12", "session": "Quatre-vingtième session" if fr else "Eightieth session",
            "agenda_item": "68", "date": "2026-11-24", "distribution": "Limitée" if fr else "Limited",
        },
        "body": {
            "opening": PHRASES[language]["opening"],
            "paragraphs": [
                {"role": "preambular", "phrase": "Rappelant" if fr else "Recalling",
                 "text": "sa résolution 77/1 du 10 octobre 2022," if fr else "its resolution 77/1 of 10 October 2022,"},
                {"role": "preambular", "phrase": "Profondément préoccupée" if fr else "Deeply concerned",
                 "text": "par le recul de la scolarisation des filles," if fr else "by the decline in girls’ schooling,"},
                {"role": "operative", "phrase": "Décide" if fr else "Decides",
                 "text": "de créer un groupe de travail chargé :" if fr else "to establish a working group to:",
                 "subparagraphs": [
                     {"text": "d’étudier la question ;" if fr else "study the question;"},
                     {"text": "de faire rapport sur :" if fr else "report on:",
                      "subparagraphs": [{"text": "les écoles ;" if fr else "schools;"},
                                        {"text": "les universités ;" if fr else "universities;"}]},
                 ]},
                {"role": "operative", "phrase": "Prie" if fr else "Requests",
                 "text": "le Secrétaire général de lui présenter un rapport ;" if fr
                 else "the Secretary-General to submit a report;"},
                {"role": "operative", "phrase": "Décide" if fr else "Decides",
                 "text": "de rester saisie de la question." if fr else "to remain seized of the matter."},
            ],
        },
        "sources": [{"id": "s1", "title": "Rapport du Secrétaire général" if fr else "Report of the Secretary-General",
                     "origin": "rapport.txt", "media_type": "text/plain", "text": source_text}],
        "annotations": [],
    }
    draft["annotations"] = [
        citation(draft, "c1", "10 octobre 2022" if fr else "10 October 2022", "s1", quote, source_text),
        comment(draft, "n1", "groupe de travail" if fr else "working group", "Trop vague ?" if fr else "Too vague?",
                "Marie Dupont", replies=[("Omar Diallo", "D’accord, à préciser." if fr else "Agreed, to be specified.")]),
        comment(draft, "n2", "présenter un rapport" if fr else "submit a report", "Quand ?" if fr else "When?",
                "Omar Diallo", resolved=True),
    ]
    return draft


def random_draft(seed, language):
    """A property-test draft: random phrases, texts and nesting."""
    rng = random.Random(seed)
    phrases = PHRASES[language]

    # Words, then the punctuation a drafter ends the paragraph with.
    def text(end):
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 14))) + end

    def subs(level):
        if level > 2 or rng.random() < 0.6:
            return []
        return [dict({"text": text(";")}, **({"subparagraphs": s} if (s := subs(level + 1)) else {}))
                for _ in range(rng.randint(1, 3))]

    paragraphs = []
    for _ in range(rng.randint(1, 5)):
        paragraphs.append({"role": "preambular", "phrase": rng.choice(phrases["preambular"]), "text": text(",")})
    for _ in range(rng.randint(1, 6)):
        p = {"role": "operative", "phrase": rng.choice(phrases["operative"]), "text": text(";")}
        s = subs(1)
        if s:
            p["subparagraphs"] = s
        paragraphs.append(p)
    draft = {
        "format": "plenary-draft", "version": 1, "kind": "resolution", "language": language,
        "metadata": {"body": "", "forum": "Commission %d" % seed, "question": "Question %d « test »" % seed,
                     "submitted_by": "Délégation %d" % seed, "co_sponsors": [], "signatories": [],
                     "symbol": rng.choice(["", "A/C.3/80/L.%d" % seed]), "session": "", "agenda_item": "",
                     "date": "", "distribution": ""},
        "body": {"opening": phrases["opening"] if rng.random() < 0.8 else None, "paragraphs": paragraphs},
        "sources": [], "annotations": [],
    }
    if draft["body"]["opening"] is None:
        del draft["body"]["opening"]
    words = paragraphs[-1]["text"].split()
    draft["annotations"].append(comment(draft, "n1", words[0], "note %d" % seed, "Auteur %d" % seed,
                                        replies=[("Réponse", "ok %d" % seed)]))
    return draft


def write_json(path, draft):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(draft, f, ensure_ascii=False, indent=1)


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def structure(draft):
    """What must survive a round trip: opening and (level, role, phrase, text)."""
    out = []

    def walk(paragraphs, level):
        for p in paragraphs:
            out.append((level, p.get("role", "subparagraph" if level else "paragraph"), p.get("phrase"), p["text"]))
            walk(p.get("subparagraphs", []), level + 1)
    body = draft["body"]
    if "sections" in body:
        for s in body["sections"]:
            if s.get("heading") is not None:
                out.append((0, "heading", None, s["heading"]))
            walk(s.get("paragraphs", []), 1)
    else:
        walk(body["paragraphs"], 0)
    return body.get("opening"), out


def soffice(path, target, outdir):
    """LibreOffice, headless, as a real consumer: PATH converted to TARGET."""
    profile = tempfile.mkdtemp(prefix="plenary-lo-")
    run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
         "--convert-to", target, "--outdir", outdir, path])
    stem = os.path.splitext(os.path.basename(path))[0]
    ext = target.split(":")[0]
    result = os.path.join(outdir, stem + "." + ext)
    assert os.path.exists(result), f"LibreOffice made no {ext} from {path}"
    return result


def zip_text(path, part):
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode("utf-8")
