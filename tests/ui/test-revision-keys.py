#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Paragraph ids and revisions through real key presses (xdotool under
Xvfb): ids survive editing, moving, cutting and pasting and splitting, as
the saved JSON shows; Save Revision (Ctrl+Alt+S) keeps named revisions in
the file, sharing the paragraphs that did not change."""

import json
import os
import subprocess
import sys
import tempfile
import time
import unittest

PLENARY = sys.argv.pop(1)


def xdotool(*args):
    return subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=20)


def wait_for_window(name, seconds=20, process=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = xdotool("search", "--onlyvisible", "--name", name)
        if found.returncode == 0 and found.stdout.strip():
            return found.stdout.split()[0]
        if process is not None and process.poll() is not None:
            return None
        time.sleep(0.2)
    return None


def file_state(path):
    st = os.stat(path)
    return (st.st_ino, st.st_mtime_ns)


def wait_for_rewrite(path, before, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if file_state(path) != before:
            return
        time.sleep(0.05)
    raise AssertionError(f"{path} was not saved")


def paragraphs(body):
    """(id, text) of every paragraph and sub-paragraph, in order."""
    out = []

    def walk(items):
        for p in items:
            out.append((p.get("id"), p.get("text", "")))
            walk(p.get("subparagraphs", []))
    walk(body["paragraphs"])
    return out


DRAFT = """L'Assemblée générale,
Rappelant ses résolutions,
1. Encourage les États ;
2. Prie le Secrétaire général :
   a) de faire rapport ;
   b) d'informer les États ;
3. Décide de rester saisie de la question.
"""


class RevisionKeys(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.env = dict(os.environ, LANGUAGE="en", XDG_STATE_HOME=self.tmp.name)
        self.app = None
        self.draft = os.path.join(self.tmp.name, "projet.plenary.json")
        text = os.path.join(self.tmp.name, "projet.txt")
        with open(text, "w", encoding="utf-8") as f:
            f.write(DRAFT)
        subprocess.run([PLENARY, "--convert", text, self.draft], env=self.env, check=True)

    def tearDown(self):
        if self.app is not None:
            self.app.kill()
            self.app.wait(timeout=10)
        self.tmp.cleanup()

    def start(self):
        window = None
        log = os.path.join(self.tmp.name, "stderr.log")
        for attempt in range(3):
            with open(log, "wb") as stderr:
                self.app = subprocess.Popen([PLENARY, self.draft], env=self.env,
                                            stdout=subprocess.DEVNULL, stderr=stderr)
            window = wait_for_window("^projet", 30, self.app)
            if window is not None or self.app.poll() is None:
                break
            with open(log, "rb") as stderr:
                self.assertIn(b"cannot open display", stderr.read())
        self.assertIsNotNone(window, "the main window did not appear")
        time.sleep(1)
        xdotool("mousemove", "--window", window, "600", "400", "click", "1")
        time.sleep(0.3)
        return window

    def load(self):
        with open(self.draft, encoding="utf-8") as f:
            return json.load(f)

    def save_revision(self, name=None):
        """Ctrl+Alt+S, the name typed over the suggested one, Enter: the
        revision is kept and the file saved."""
        before = file_state(self.draft)
        xdotool("key", "ctrl+alt+s")
        dialog = wait_for_window("Save Revision", 10)
        deadline = time.monotonic() + 20
        while dialog is not None and xdotool("getwindowfocus").stdout.strip() != dialog and \
                time.monotonic() < deadline:
            time.sleep(0.1)
        if name is not None:
            xdotool("key", "ctrl+a")
            xdotool("type", "--delay", "30", name)
        xdotool("key", "Return")
        wait_for_rewrite(self.draft, before)

    def test_ids_survive_editing_moving_pasting_and_splitting(self):
        original = dict((text, pid) for pid, text in paragraphs(self.load()["body"]))
        self.assertEqual(len(set(original.values())), 6)

        self.start()
        before = file_state(self.draft)
        # Edit: "Rappelant ses résolutions passees," (xdotool types no
        # accents under Xvfb).
        xdotool("key", "ctrl+Home", "Down", "End", "BackSpace")
        xdotool("type", "--delay", "20", " passees,")
        # Move: paragraph 2 and its sub-paragraphs above paragraph 1.
        xdotool("key", "Down", "Down", "alt+Up")
        # Split: Enter before "de la question." (the first part keeps the id).
        xdotool("key", "ctrl+End", "ctrl+Left", "ctrl+Left", "ctrl+Left", "ctrl+Left", "Return")
        # Cut "Encourage les États ;" (now line 5) and paste it above "Prie".
        xdotool("key", "ctrl+Home", "Down", "Down", "Down", "Down", "Down", "Home",
                "shift+Down", "ctrl+x")
        xdotool("key", "ctrl+Home", "Down", "Down", "Home", "ctrl+v")
        xdotool("key", "ctrl+s")
        wait_for_rewrite(self.draft, before)

        saved = paragraphs(self.load()["body"])
        texts = [text for _, text in saved]
        self.assertEqual(texts, [
            "ses résolutions passees,",
            "les États ;",
            "le Secrétaire général :",
            "de faire rapport ;",
            "d'informer les États ;",
            "de rester saisie",
            "de la question.",
        ], texts)
        ids = [pid for pid, _ in saved]
        self.assertEqual(len(set(ids)), len(ids), ids)
        self.assertTrue(all(ids), ids)
        self.assertEqual(ids[0], original["ses résolutions,"])
        self.assertEqual(ids[1], original["les États ;"])
        self.assertEqual(ids[2], original["le Secrétaire général :"])
        self.assertEqual(ids[3], original["de faire rapport ;"])
        self.assertEqual(ids[4], original["d'informer les États ;"])
        self.assertEqual(ids[5], original["de rester saisie de la question."])
        self.assertNotIn(ids[6], original.values())

    def test_revisions_are_kept_in_the_file_and_share_paragraphs(self):
        self.start()
        self.save_revision()
        saved = self.load()
        self.assertEqual(saved["version"], 2)
        self.assertEqual([r["name"] for r in saved["revisions"]], ["Zero draft"])

        # A change, then "Rev.1".
        xdotool("key", "ctrl+End")
        xdotool("type", "--delay", "20", " et de suivre")
        self.save_revision("Rev.1")
        saved = self.load()
        self.assertEqual([r["name"] for r in saved["revisions"]], ["Zero draft", "Rev.1"])
        for revision in saved["revisions"]:
            self.assertRegex(revision["created"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        # Six paragraphs, one changed since "Zero draft": the table holds
        # its old version only; the others are named by the body's ids.
        current = paragraphs(saved["body"])
        self.assertEqual(list(saved["revision_paragraphs"]), [current[-1][0] + "~2"])
        zero = saved["revisions"][0]["paragraphs"].split()
        rev1 = saved["revisions"][1]["paragraphs"].split()
        self.assertEqual([key.lstrip(">") for key in rev1], [pid for pid, _ in current])
        self.assertEqual(zero[:-1], rev1[:-1])
        old = saved["revision_paragraphs"][zero[-1]]
        self.assertEqual(old["id"], current[-1][0])
        self.assertNotIn("et de suivre", old["text"])
        self.assertTrue(current[-1][1].endswith(". et de suivre"), current)

if __name__ == "__main__":
    unittest.main(verbosity=2)
