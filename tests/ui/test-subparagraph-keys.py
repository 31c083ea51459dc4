#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Sub-paragraphs typed with real keys (xdotool under Xvfb): Enter continues
at the same level, Enter on an empty sub-paragraph raises it, Shift+Tab on a
new empty sub-paragraph raises it."""

import os
import subprocess
import sys
import tempfile
import time
import unittest

PLENARY = sys.argv.pop(1)


def xdotool(*args):
    return subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=20)


def wait_until(done, seconds=30, step=0.1):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if done():
            return True
        time.sleep(step)
    return False


DRAFT = """L'Assemblée générale,
Rappelant ses résolutions,
1. Encourage les États ;
2. Prie le Secrétaire général :
   a) de faire rapport ;
   b) d'informer les États ;
3. Décide de rester saisie de la question.
"""


class SubparagraphKeys(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.env = dict(os.environ, LANGUAGE="en", XDG_STATE_HOME=self.tmp.name)
        self.app = None

    def tearDown(self):
        if self.app is not None:
            self.app.kill()
            self.app.wait(timeout=10)
        self.tmp.cleanup()

    def start(self, path):
        window = []

        def shown():
            # Mapped, not merely created: keys sent before are lost.
            found = xdotool("search", "--onlyvisible", "--name", "^projet")
            if found.returncode == 0 and found.stdout.strip():
                window.append(found.stdout.split()[0])
            return bool(window) or self.app.poll() is not None

        for _ in range(3):
            self.app = subprocess.Popen([PLENARY, path], env=self.env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.assertTrue(wait_until(shown))
            if window:
                break
        self.assertTrue(window, "the main window did not appear")
        # Without a window manager, a click gives the editor the focus; the
        # title then carries the draft's name, so keys reach it.
        xdotool("mousemove", "--window", window[0], "600", "400", "click", "1")

    def save_and_read(self, draft, plain):
        before = os.stat(draft).st_mtime_ns
        xdotool("key", "ctrl+s")
        self.assertTrue(wait_until(lambda: os.stat(draft).st_mtime_ns != before),
                        "Ctrl+S wrote nothing")
        subprocess.run([PLENARY, "--convert", draft, plain], env=self.env, check=True)
        with open(plain, encoding="utf-8") as f:
            return f.read()

    def test_enter_and_shift_tab(self):
        text = os.path.join(self.tmp.name, "projet.txt")
        draft = os.path.join(self.tmp.name, "projet.plenary.json")
        plain = os.path.join(self.tmp.name, "after.txt")
        with open(text, "w", encoding="utf-8") as f:
            f.write(DRAFT)
        subprocess.run([PLENARY, "--convert", text, draft], env=self.env, check=True)
        self.start(draft)

        # Words no phrase starts with (H, U): the phrase completion stays
        # closed, and the keys go to the text.
        # Enter at the end of a) continues with b).
        xdotool("key", "ctrl+Home", "Down", "Down", "Down", "Down", "End", "Return")
        xdotool("type", "--delay", "30", "de publier ;")
        # Enter, then Shift+Tab on the new empty sub-paragraph: an operative one.
        xdotool("key", "End", "Return", "shift+Tab")
        xdotool("type", "--delay", "30", "Hommage est rendu aux partenaires ;")
        # Enter on an empty sub-paragraph raises it as well.
        xdotool("key", "Escape", "Down", "End", "Return", "Return")
        xdotool("type", "--delay", "30", "Un rapport est attendu ;")
        xdotool("key", "Escape")

        self.assertEqual(self.save_and_read(draft, plain), """L'Assemblée générale,
Rappelant ses résolutions,
1. Encourage les États ;
2. Prie le Secrétaire général :
   a) de faire rapport ;
   b) de publier ;
3. Hommage est rendu aux partenaires ;
   a) d'informer les États ;
4. Un rapport est attendu ;
5. Décide de rester saisie de la question.
""")


    def test_insert_clause_placeholders(self):
        # Filling a clause's placeholders with Tab, past the last one: no
        # GtkSourceView critical (fatal in the tests), the words in place.
        text = os.path.join(self.tmp.name, "projet.txt")
        draft = os.path.join(self.tmp.name, "projet.plenary.json")
        plain = os.path.join(self.tmp.name, "after.txt")
        with open(text, "w", encoding="utf-8") as f:
            f.write(DRAFT)
        subprocess.run([PLENARY, "--convert", text, draft], env=self.env, check=True)
        self.start(draft)

        xdotool("key", "ctrl+Home", "Down", "Down", "End", "Return", "ctrl+shift+i")

        def picker_focused():
            found = xdotool("search", "--onlyvisible", "--name", "^Insert Clause$").stdout.split()
            return bool(found) and xdotool("getwindowfocus").stdout.strip() == found[0]

        self.assertTrue(wait_until(picker_focused), "Insert Clause did not open")
        xdotool("type", "--delay", "30", "Prie le Secretaire general de lui presenter")
        xdotool("key", "Return")
        self.assertTrue(wait_until(lambda: not xdotool("search", "--onlyvisible", "--name",
                                                         "^Insert Clause$").stdout.strip()))
        xdotool("type", "--delay", "30", "81e")
        xdotool("key", "Tab")
        xdotool("type", "--delay", "30", "la mise en oeuvre")
        xdotool("key", "Tab", "Tab")
        self.assertIsNone(self.app.poll(), "Plenary stopped while the placeholders were filled")

        after = self.save_and_read(draft, plain)
        self.assertIn("2. Prie le Secrétaire général de lui présenter, à sa 81e session, "
                      "un rapport sur la mise en oeuvre\u00a0;", after)


if __name__ == "__main__":
    unittest.main(verbosity=2)
