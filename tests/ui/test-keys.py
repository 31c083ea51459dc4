#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real key presses on the real application (xdotool under Xvfb): the
shortcuts a delegate types reach Plenary, not GTK's own bindings."""

import json
import os
import subprocess
import sys
import tempfile
import time
import unittest

PLENARY = sys.argv.pop(1)
# "window": alerts are windows of their own (AdwMessageDialog); "inside": they
# show inside the main window (AdwAlertDialog, libadwaita 1.5).
ALERTS = sys.argv.pop(1)


def xdotool(*args):
    return subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=20)


def wait_for_window(name, seconds=20, process=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = xdotool("search", "--name", name)
        if found.returncode == 0 and found.stdout.strip():
            return found.stdout.split()[0]
        if process is not None and process.poll() is not None:
            return None
        time.sleep(0.5)
    return None


def wait_for_rewrite(path, before, seconds=60, process=None):
    """Waits for PATH to be replaced (saves are atomic renames: a new
    inode, or a new time stamp) and returns when it is."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        st = os.stat(path)
        if (st.st_ino, st.st_mtime_ns) != before:
            return
        if process is not None and process.poll() is not None:
            raise AssertionError(f"the application stopped ({process.returncode}) before saving")
        time.sleep(0.05)
    raise AssertionError(f"{path} was not saved")


def file_state(path):
    st = os.stat(path)
    return (st.st_ino, st.st_mtime_ns)


DRAFT = """L'Assemblée générale,
Rappelant ses résolutions,
1. Encourage les États ;
2. Prie le Secrétaire général :
   a) de faire rapport ;
   b) d'informer les États ;
3. Décide de rester saisie de la question.
"""


class Keys(unittest.TestCase):
    def setUp(self):
        # A state folder of its own: recovery copies other tests left would
        # open a dialog first.
        self.tmp = tempfile.TemporaryDirectory()
        self.env = dict(os.environ, LANGUAGE="en", XDG_STATE_HOME=self.tmp.name,
                        G_MESSAGES_DEBUG="plenary-dialogs")
        self.app = None

    def start(self, *args, title):
        # A busy Xvfb sometimes refuses a connection ("cannot open display"):
        # an application that exits before its window shows is started again.
        window = None
        log = os.path.join(self.tmp.name, "stderr.log")
        for attempt in range(3):
            with open(log, "wb") as stderr:
                self.app = subprocess.Popen([PLENARY, *args], env=self.env,
                                            stdout=stderr, stderr=stderr)
            window = wait_for_window(title, 30, self.app)
            if window is not None or self.app.poll() is None:
                break
            with open(log, "rb") as stderr:
                self.assertIn(b"cannot open display", stderr.read())
        self.assertIsNotNone(window, "the main window did not appear")
        self.window = window
        time.sleep(1)
        # Without a window manager, a click gives the editor the focus.
        xdotool("mousemove", "--window", window, "600", "400", "click", "1")
        time.sleep(0.3)

    def wait_for_log(self, line):
        deadline = time.monotonic() + 30
        with open(os.path.join(self.tmp.name, "stderr.log"), encoding="utf-8") as log:
            while line not in log.read():
                self.assertLess(time.monotonic(), deadline, f"the application never said {line}")
                time.sleep(0.1)
                log.seek(0)

    def answer_author_prompt(self):
        """The first comment asks for the author's name: typed in the dialog
        once it has the focus, confirmed with Enter, the dialog gone."""
        if ALERTS == "inside":
            # Inside the main window: the application says when it shows
            # (G_MESSAGES_DEBUG), its entry having the focus from then on,
            # and when it is gone, the keys going to the draft again.
            self.wait_for_log("Dialog “Your Name” shown")
            # Its entry takes the focus as the dialog settles: a key typed
            # in the same instant can go before it (seen under load).
            time.sleep(0.5)
            xdotool("type", "--delay", "30", "Delegation of France")
            xdotool("key", "Return")
            self.wait_for_log("Dialog “Your Name” gone")
            return
        dialog = wait_for_window("^Your Name$", 30)
        self.assertIsNotNone(dialog)
        deadline = time.monotonic() + 30
        while xdotool("getwindowfocus").stdout.strip() != dialog and time.monotonic() < deadline:
            time.sleep(0.1)
        xdotool("type", "--delay", "30", "Delegation of France")
        xdotool("key", "Return")
        while xdotool("search", "--onlyvisible", "--name", "^Your Name$").stdout.strip() and \
                time.monotonic() < deadline:
            time.sleep(0.1)
        # Without a window manager nobody gives the focus back to the main
        # window when the dialog goes: keys typed before it has it are lost.
        while xdotool("getwindowfocus").stdout.strip() != self.window:
            self.assertLess(time.monotonic(), deadline, "the main window did not get the focus back")
            xdotool("windowfocus", "--sync", self.window)
            time.sleep(0.1)

    def tearDown(self):
        if self.app is not None:
            self.app.kill()
            self.app.wait(timeout=10)
        self.tmp.cleanup()

    def test_alt_up_moves_a_paragraph_with_its_subparagraphs(self):
        text = os.path.join(self.tmp.name, "projet.txt")
        draft = os.path.join(self.tmp.name, "projet.plenary.json")
        plain = os.path.join(self.tmp.name, "after.txt")
        with open(text, "w", encoding="utf-8") as f:
            f.write(DRAFT)
        subprocess.run([PLENARY, "--convert", text, draft], env=self.env, check=True)

        self.start(draft, title="^projet")
        before = file_state(draft)
        xdotool("key", "ctrl+Home", "Down", "Down", "Down")
        xdotool("key", "alt+Up")
        xdotool("key", "ctrl+s")
        wait_for_rewrite(draft, before)

        subprocess.run([PLENARY, "--convert", draft, plain], env=self.env, check=True)
        with open(plain, encoding="utf-8") as f:
            self.assertEqual(f.read(), DRAFT.replace(
                "1. Encourage les États ;\n2. Prie le Secrétaire général :\n"
                "   a) de faire rapport ;\n   b) d'informer les États ;\n",
                "1. Prie le Secrétaire général :\n   a) de faire rapport ;\n"
                "   b) d'informer les États ;\n2. Encourage les États ;\n"))

    def test_tab_and_comment(self):
        text = os.path.join(self.tmp.name, "projet.txt")
        draft = os.path.join(self.tmp.name, "projet.plenary.json")
        plain = os.path.join(self.tmp.name, "after.txt")
        with open(text, "w", encoding="utf-8") as f:
            f.write(DRAFT)
        subprocess.run([PLENARY, "--convert", text, draft], env=self.env, check=True)

        self.start(draft, title="^projet")
        before = file_state(draft)
        # Tab at the start of the last paragraph makes it sub-paragraph c).
        xdotool("key", "ctrl+End", "Home", "Tab")
        # Select the opening formula and comment on it.
        xdotool("key", "ctrl+Home", "shift+End", "ctrl+alt+m")
        # The first comment asks for the author's name; Enter confirms it.
        self.answer_author_prompt()
        xdotool("key", "ctrl+s")
        wait_for_rewrite(draft, before)

        with open(draft, encoding="utf-8") as f:
            saved = json.load(f)
        comments = [a for a in saved["annotations"] if a["kind"] == "comment"]
        self.assertEqual(len(comments), 1)
        quote = next(s for s in comments[0]["target"]["selector"] if s["type"] == "TextQuoteSelector")
        self.assertEqual(quote["exact"], "L'Assemblée générale,")
        self.assertEqual(comments[0]["author"], "Delegation of France")

        subprocess.run([PLENARY, "--convert", draft, plain], env=self.env, check=True)
        with open(plain, encoding="utf-8") as f:
            self.assertTrue(f.read().endswith("   b) d'informer les États ;\n"
                                              "   c) Décide de rester saisie de la question.\n"))

    def test_enter_continues_and_ends_a_bullet_list(self):
        # In a brief, Enter after a bullet starts the next one; Enter on
        # the new, empty bullet ends the list.
        note = os.path.join(self.tmp.name, "note.md")
        draft = os.path.join(self.tmp.name, "note.plenary.json")
        plain = os.path.join(self.tmp.name, "after.txt")
        with open(note, "w", encoding="utf-8") as f:
            f.write("# Contexte\n\nLa question est inscrite depuis 2019.\n\n- première résolution\n")
        subprocess.run([PLENARY, "--convert", note, draft], env=self.env, check=True)

        self.start(draft, title="^note")
        before = file_state(draft)
        xdotool("key", "ctrl+End", "Return")
        xdotool("type", "seconde resolution")
        xdotool("key", "Return", "Return")
        xdotool("type", "Fin de la section.")
        xdotool("key", "ctrl+s")
        wait_for_rewrite(draft, before)

        subprocess.run([PLENARY, "--convert", draft, plain], env=self.env, check=True)
        with open(plain, encoding="utf-8") as f:
            text = f.read()
        self.assertTrue(text.endswith("• première résolution\n• seconde resolution\nFin de la section.\n"), text)

    def test_quit_discard_all_with_two_modified_drafts(self):
        # A draft opened and typed into, a new one typed into, Ctrl+Q,
        # Discard All: the application ends without a warning or critical
        # (G_DEBUG=fatal-warnings would also abort it).
        text = os.path.join(self.tmp.name, "projet.txt")
        draft = os.path.join(self.tmp.name, "projet.plenary.json")
        with open(text, "w", encoding="utf-8") as f:
            f.write(DRAFT)
        subprocess.run([PLENARY, "--convert", text, draft], env=self.env, check=True)

        self.start(draft, title="^projet")
        window = wait_for_window("^projet")
        xdotool("key", "ctrl+End", "Return")
        xdotool("type", "Notes,")
        xdotool("key", "ctrl+n")
        xdotool("type", "Note,")
        deadline = time.monotonic() + 10
        while xdotool("getwindowname", window).stdout.startswith("• projet") or \
                not xdotool("getwindowname", window).stdout.startswith("• "):
            self.assertLess(time.monotonic(), deadline, "the new draft was not typed into")
            time.sleep(0.2)
        xdotool("key", "ctrl+q")
        time.sleep(1)
        # The question's Discard All button, by its mnemonic.
        xdotool("key", "alt+d")
        status = self.app.wait(timeout=30)
        self.app = None
        with open(os.path.join(self.tmp.name, "stderr.log"), encoding="utf-8") as f:
            log = f.read()
        self.assertNotIn("CRITICAL", log)
        self.assertNotIn("WARNING", log)
        self.assertEqual(status, 0, log)

    def test_typing_after_a_commented_word_stays_outside(self):
        text = os.path.join(self.tmp.name, "eau.txt")
        draft = os.path.join(self.tmp.name, "eau.plenary.json")
        with open(text, "w", encoding="utf-8") as f:
            f.write("L'Assemblée générale,\n1. Encourage les infrastructures\n")
        subprocess.run([PLENARY, "--convert", text, draft], env=self.env, check=True)

        self.start(draft, title="^eau")
        before = file_state(draft)
        # Select the last word of the paragraph, comment on it, then type
        # right after it and start a new paragraph.
        xdotool("key", "ctrl+End", "ctrl+shift+Left", "ctrl+alt+m")
        self.answer_author_prompt()
        xdotool("key", "End")
        xdotool("type", " hydrauliques")
        xdotool("key", "Return")
        xdotool("type", "Prie")
        xdotool("key", "ctrl+s")
        wait_for_rewrite(draft, before)

        with open(draft, encoding="utf-8") as f:
            saved = json.load(f)
        comments = [a for a in saved["annotations"] if a["kind"] == "comment"]
        self.assertEqual(len(comments), 1)
        quote = next(s for s in comments[0]["target"]["selector"] if s["type"] == "TextQuoteSelector")
        self.assertEqual(quote["exact"], "infrastructures")

    def test_ctrl_shift_i_opens_the_clause_picker(self):
        self.start("--sample", title="Sample Draft")
        xdotool("key", "ctrl+shift+i")
        self.assertIsNotNone(wait_for_window("^Insert Clause$", 10),
                             "Ctrl+Shift+I did not open Insert Clause")
        self.assertIsNone(wait_for_window("GTK Inspector", 1))

    def test_typing_new_paragraphs_opens_phrases_without_a_critical(self):
        """Each new paragraph opens the phrase completion as its first
        letters are typed. GtkSourceView 5.6 presented that popup before it
        had a size, a Gdk critical each time: under G_DEBUG=fatal-warnings
        (as this suite runs) the application would abort."""
        text = os.path.join(self.tmp.name, "projet.txt")
        draft = os.path.join(self.tmp.name, "projet.plenary.json")
        plain = os.path.join(self.tmp.name, "after.txt")
        with open(text, "w", encoding="utf-8") as f:
            f.write("L'Assemblée générale,\nRappelant ses résolutions,\n")
        subprocess.run([PLENARY, "--convert", text, draft], env=self.env, check=True)

        self.start(draft, title="^projet")
        before = file_state(draft)
        xdotool("key", "ctrl+End")
        for i in range(12):
            xdotool("key", "Return")
            xdotool("type", "--delay", "30", f"Notant le rapport {i + 1},")
        xdotool("key", "Return")
        xdotool("type", "--delay", "30", "Prie le Conseil de faire rapport.")
        xdotool("key", "ctrl+s")
        wait_for_rewrite(draft, before, process=self.app)

        subprocess.run([PLENARY, "--convert", draft, plain], env=self.env, check=True)
        with open(plain, encoding="utf-8") as f:
            self.assertEqual(f.read(), "L'Assemblée générale,\nRappelant ses résolutions,\n" +
                             "".join(f"Notant le rapport {i + 1},\n" for i in range(12)) +
                             "1. Prie le Conseil de faire rapport.\n")
        with open(os.path.join(self.tmp.name, "stderr.log"), encoding="utf-8", errors="replace") as f:
            self.assertNotIn("CRITICAL", f.read())


if __name__ == "__main__":
    unittest.main(verbosity=2)
