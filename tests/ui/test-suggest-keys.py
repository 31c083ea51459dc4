#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Suggest Changes through real key presses (xdotool under Xvfb): the
toggle's key asks for the delegation once, a replacement typed over words
of paragraph 3 and paragraph 5 deleted are proposals, not edits; the keys
reject the first and accept the second; a proposal kept is in the saved
JSON, shown again when the file is reopened, and in the compilation PDF."""

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

# test-keys.py takes the application's path from the command line.
_spec = importlib.util.spec_from_file_location(
    "test_keys", os.path.join(os.path.dirname(os.path.abspath(__file__)), "test-keys.py"))
_test_keys = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_test_keys)
PLENARY = _test_keys.PLENARY
xdotool = _test_keys.xdotool
file_state = _test_keys.file_state
wait_for_rewrite = _test_keys.wait_for_rewrite


def keys(*names):
    xdotool("key", "--delay", "60", *names)
    time.sleep(0.2)


def wait_for_window(name, seconds=20, process=None):
    """As test-keys.py's, among the windows shown only: the delegation
    dialog of libadwaita 1.2 is a window of its own, mapped late."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = xdotool("search", "--onlyvisible", "--name", name)
        if found.returncode == 0 and found.stdout.strip():
            return found.stdout.split()[0]
        if process is not None and process.poll() is not None:
            return None
        time.sleep(0.2)
    return None


def texts(body):
    """The full text of every paragraph, in order."""
    return [(p.get("phrase", "") + " " + p.get("text", "")).strip() for p in body["paragraphs"]]


# Operative paragraphs 1 to 6 on lines 2 to 7 of the editor.
DRAFT = """L'Assemblée générale,
Rappelant ses résolutions antérieures,
1. Encourage les États membres à coopérer ;
2. Prie le Secrétaire général de faire rapport ;
3. Invite les organisations régionales à participer aux travaux ;
4. Demande un rapport annuel ;
5. Souligne le rôle des femmes dans la paix ;
6. Décide de rester saisie de la question.
"""


class SuggestKeys(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        # The delegation set in Preferences already (a settings file of the
        # test's own): asking for it is tested in test-proposals-panel.
        config = os.path.join(self.tmp.name, "config")
        os.makedirs(os.path.join(config, "glib-2.0", "settings"))
        with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w", encoding="utf-8") as f:
            f.write("[org/plenary/Plenary]\ndelegation='France'\n")
        self.env = dict(os.environ, LANGUAGE="en", XDG_STATE_HOME=self.tmp.name,
                        XDG_CONFIG_HOME=config, GSETTINGS_BACKEND="keyfile")
        self.app = None
        self.draft = os.path.join(self.tmp.name, "projet.plenary.json")
        text = os.path.join(self.tmp.name, "projet.txt")
        with open(text, "w", encoding="utf-8") as f:
            f.write(DRAFT)
        subprocess.run([PLENARY, "--convert", text, self.draft], env=self.env, check=True)

    def tearDown(self):
        self.stop()
        self.tmp.cleanup()

    def stop(self):
        if self.app is not None:
            self.app.kill()
            self.app.wait(timeout=10)
            self.app = None

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
        # Wide enough that no paragraph wraps: Down goes to the next one.
        xdotool("windowsize", window, "1550", "1100")
        time.sleep(0.5)
        xdotool("mousemove", "--window", window, "700", "500", "click", "1")
        time.sleep(0.3)
        return window

    def save(self):
        before = file_state(self.draft)
        keys("ctrl+s")
        wait_for_rewrite(self.draft, before)
        with open(self.draft, encoding="utf-8") as f:
            return json.load(f)

    def line(self, n):
        """The cursor at the start of line N of the editor."""
        keys("ctrl+Home", *["Down"] * n, "Home")

    def test_suggest_reject_accept_save_reopen(self):
        self.start()

        # Suggest Changes, in the name of the delegation of Preferences.
        keys("ctrl+alt+e")

        # Paragraph 3: "travaux" selected and typed over.
        self.line(4)
        keys("End", "Left", "Left", "ctrl+shift+Left")
        xdotool("type", "--delay", "40", "debats")
        # Paragraph 5: its whole line selected and deleted.
        self.line(6)
        keys("shift+End", "Delete")

        saved = self.save()
        self.assertIn("Invite les organisations régionales à participer aux travaux ;", texts(saved["body"]))
        self.assertIn("Souligne le rôle des femmes dans la paix ;", texts(saved["body"]))
        proposals = saved["proposals"]
        self.assertEqual([(p["kind"], p["delegation"]) for p in proposals],
                         [("text", "France"), ("delete-paragraph", "France")], proposals)
        self.assertEqual(proposals[0]["selector"]["exact"], "travaux")
        self.assertEqual(proposals[0]["text"], "debats")

        # The cursor in the replacement, Ctrl+Alt+N: rejected.
        self.line(4)
        keys("End", "Left", "Left", "Left", "Left")
        keys("ctrl+alt+n")
        # The cursor in paragraph 5, Ctrl+Alt+Y: accepted, the paragraph goes.
        self.line(6)
        keys("Right", "ctrl+alt+y")
        # A proposal that stays: words inserted in paragraph 1.
        self.line(2)
        keys("End", "Left", "Left")
        xdotool("type", "--delay", "40", " pleinement")

        saved = self.save()
        body = texts(saved["body"])
        self.assertIn("Invite les organisations régionales à participer aux travaux ;", body)
        self.assertNotIn("Souligne le rôle des femmes dans la paix ;", body)
        self.assertIn("Encourage les États membres à coopérer ;", body)
        self.assertEqual(len(body), 6, body)
        proposals = saved["proposals"]
        self.assertEqual(len(proposals), 1, proposals)
        self.assertEqual(proposals[0]["kind"], "text")
        self.assertEqual(proposals[0]["delegation"], "France")
        self.assertEqual(proposals[0]["selector"]["exact"], "")
        self.assertEqual(proposals[0]["text"], " pleinement")

        # Reopened: the proposal is shown again and saved again as it was,
        # beside an edit made without suggesting.
        self.stop()
        self.start()
        self.line(5)
        keys("End", "Left", "Left")
        xdotool("type", "--delay", "40", " detaille")
        saved = self.save()
        self.assertIn("Demande un rapport annuel detaille ;", texts(saved["body"]))
        self.assertEqual([(p["id"], p["text"], p["selector"]["start"]) for p in saved["proposals"]],
                         [(p["id"], p["text"], p["selector"]["start"]) for p in proposals])
        self.stop()

        # The compilation text (the lead's --proposals=compilation): the
        # proposal in brackets with its proposer.
        if shutil.which("pdftotext") is None:
            self.skipTest("pdftotext is not installed")
        pdf = os.path.join(self.tmp.name, "compilation.pdf")
        subprocess.run([PLENARY, "--convert", self.draft, pdf, "--proposals=compilation"],
                       env=self.env, check=True)
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
        self.assertIn("France", text)
        self.assertIn("pleinement]", text)
        self.assertIn("[", text)


if __name__ == "__main__":
    unittest.main(verbosity=2)
