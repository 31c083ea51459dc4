#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real key presses on the real application (xdotool under Xvfb): the
shortcuts a delegate types reach Plenary, not GTK's own bindings."""

import glob
import json
import os
import re
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
        found = xdotool("search", "--name", name)
        if found.returncode == 0 and found.stdout.strip():
            return found.stdout.split()[0]
        if process is not None and process.poll() is not None:
            return None
        time.sleep(0.5)
    return None


def wait_for_rewrite(path, before, seconds=60):
    """Waits for PATH to be replaced (saves are atomic renames: a new
    inode, or a new time stamp) and returns when it is."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        st = os.stat(path)
        if (st.st_ino, st.st_mtime_ns) != before:
            return
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
        self.env = dict(os.environ, LANGUAGE="en", XDG_STATE_HOME=self.tmp.name)
        self.app = None

    def start(self, *args, title):
        # A busy Xvfb sometimes refuses a connection ("cannot open display"):
        # an application that exits before its window shows is started again.
        window = None
        log = os.path.join(self.tmp.name, "stderr.log")
        for attempt in range(3):
            with open(log, "wb") as stderr:
                self.app = subprocess.Popen([PLENARY, *args], env=self.env,
                                            stdout=subprocess.DEVNULL, stderr=stderr)
            window = wait_for_window(title, 30, self.app)
            if window is not None or self.app.poll() is None:
                break
            with open(log, "rb") as stderr:
                self.assertIn(b"cannot open display", stderr.read())
        self.assertIsNotNone(window, "the main window did not appear")
        time.sleep(1)
        # Without a window manager, a click gives the editor the focus.
        xdotool("mousemove", "--window", window, "600", "400", "click", "1")
        time.sleep(0.3)

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
        dialog = wait_for_window("^Your Name$", 10)
        self.assertIsNotNone(dialog)
        deadline = time.monotonic() + 10
        while xdotool("getwindowfocus").stdout.strip() != dialog and time.monotonic() < deadline:
            time.sleep(0.1)
        xdotool("type", "--delay", "30", "Delegation of France")
        xdotool("key", "Return")
        while xdotool("search", "--onlyvisible", "--name", "^Your Name$").stdout.strip() and \
                time.monotonic() < deadline + 10:
            time.sleep(0.1)
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

    # Writing tools: spelling, find and replace -----------------------------

    def convert(self, text, name="projet"):
        source = os.path.join(self.tmp.name, name + ".txt")
        draft = os.path.join(self.tmp.name, name + ".plenary.json")
        with open(source, "w", encoding="utf-8") as f:
            f.write(text)
        subprocess.run([PLENARY, "--convert", source, draft], env=self.env, check=True)
        return draft

    def save_and_read(self, draft):
        """Ctrl+S, then the draft's text once the file has changed."""
        plain = os.path.join(self.tmp.name, "after.txt")
        before = os.stat(draft).st_mtime_ns
        xdotool("key", "ctrl+s")
        deadline = time.monotonic() + 30
        while os.stat(draft).st_mtime_ns == before and time.monotonic() < deadline:
            time.sleep(0.1)
        self.assertNotEqual(os.stat(draft).st_mtime_ns, before, "Ctrl+S did not save")
        subprocess.run([PLENARY, "--convert", draft, plain], env=self.env, check=True)
        with open(plain, encoding="utf-8") as f:
            return f.read()

    def misspelt_word_is_corrected(self, draft, typed, corrected):
        self.start(draft, title="^projet")
        # A misspelt word at the end of the last paragraph, then back into it:
        # the context menu (Shift+F10) offers its suggestions.
        xdotool("key", "ctrl+End", "BackSpace")
        xdotool("type", "--delay", "60", " " + typed + ".")
        xdotool("key", "Left", "Left", "Left")
        # The check runs in the background, in a moment on a short draft.
        time.sleep(1)
        # Shift+F10 opens the context menu on Undo (what was typed can be
        # undone); below it Select All, Insert Emoji, then the spelling
        # section, whose first item is the best suggestion.
        xdotool("key", "shift+F10")
        time.sleep(0.5)
        xdotool("key", "Down", "Down", "Down", "Return")
        text = self.save_and_read(draft)
        self.assertIn(" " + corrected + ".\n", text)
        self.assertNotIn(typed, text)

    def test_spelling_suggestion_replaces_a_misspelt_word_french(self):
        draft = self.convert(DRAFT)
        self.misspelt_word_is_corrected(draft, "préocupation", "préoccupation")

    def test_spelling_suggestion_replaces_a_misspelt_word_english(self):
        draft = self.convert("The General Assembly,\nRecalling its resolutions,\n"
                             "1. Requests the Secretary-General to report;\n"
                             "2. Decides to remain seized of the matter.\n")
        self.misspelt_word_is_corrected(draft, "goverment", "government")

    def test_add_to_dictionary_from_the_context_menu(self):
        # A personal dictionary of this test's own.
        self.env["XDG_CONFIG_HOME"] = os.path.join(self.tmp.name, "config")
        personal = os.path.join(self.env["XDG_CONFIG_HOME"], "enchant", "fr_FR.dic")
        draft = self.convert(DRAFT)
        self.start(draft, title="^projet")
        xdotool("key", "ctrl+End", "BackSpace")
        xdotool("type", "--delay", "60", " avec Zorglubie.")
        xdotool("key", "Left", "Left", "Left")
        time.sleep(1)
        # In the menu, "Add to Dictionary" by its mnemonic, o.
        xdotool("key", "shift+F10")
        time.sleep(0.5)
        xdotool("key", "o")
        def words():
            if not os.path.exists(personal):
                return []
            with open(personal, encoding="utf-8") as f:
                return f.read().split()
        deadline = time.monotonic() + 20
        while "Zorglubie" not in words() and time.monotonic() < deadline:
            time.sleep(0.1)
        self.assertIn("Zorglubie", words())

    def test_ctrl_h_replaces_across_paragraphs_and_ctrl_z_undoes_it(self):
        draft = self.convert(DRAFT)
        self.start(draft, title="^projet")
        # Ctrl+H, what to find, Tab, what to replace it with, Ctrl+Enter:
        # "les" is in two paragraphs, one of them a sub-paragraph. (ASCII:
        # xdotool types accented letters unreliably on a busy display.)
        xdotool("key", "ctrl+h")
        time.sleep(0.5)
        xdotool("type", "--delay", "60", "les")
        xdotool("key", "Tab")
        xdotool("type", "--delay", "60", "tous les")
        xdotool("key", "ctrl+Return")
        time.sleep(0.3)
        xdotool("key", "Escape")
        replaced = self.save_and_read(draft)
        self.assertEqual(replaced, DRAFT.replace("les", "tous les"))

        # One Ctrl+Z takes every replacement back, numbering untouched.
        xdotool("key", "ctrl+z")
        self.assertEqual(self.save_and_read(draft), DRAFT)

    def test_replace_keeps_the_numbering(self):
        # Numbers and markers ("3.", "a)") are drawn by the editor, not
        # typed: replacing inside a sub-paragraph keeps it a) under 2.
        draft = self.convert(DRAFT)
        self.start(draft, title="^projet")
        xdotool("key", "ctrl+h")
        time.sleep(0.5)
        xdotool("type", "--delay", "60", "faire rapport")
        xdotool("key", "Tab")
        xdotool("type", "--delay", "60", "rendre compte")
        xdotool("key", "ctrl+Return")
        time.sleep(0.3)
        xdotool("key", "Escape")
        self.assertEqual(self.save_and_read(draft),
                         DRAFT.replace("   a) de faire rapport ;", "   a) de rendre compte ;"))

    def fix_all_with_keys(self, language, mnemonic):
        """Problems tab, then the Fix All menu by its mnemonic, then its first
        kind: the no-break spaces before ; : ? ! of the sample draft."""
        self.env["LANGUAGE"] = language
        seed = glob.glob(os.path.join(os.environ["PLENARY_SOURCE_ROOT"], "seeds", "002_*.txt"))[0]
        with open(seed, encoding="utf-8") as f:
            draft = self.convert(f.read())
        plain = os.path.join(self.tmp.name, "before.txt")
        subprocess.run([PLENARY, "--convert", draft, plain], env=self.env, check=True)
        with open(plain, encoding="utf-8") as f:
            before = f.read()
        loose = re.compile(r" [;:?!]")
        self.assertGreaterEqual(len(loose.findall(before)), 2)

        self.start(draft, title="^projet")
        window = wait_for_window("^projet")
        # The checks run once the draft is shown: until then the panel has
        # no Fix All button for the mnemonic to reach.
        for attempt in range(10):
            # The Problems tab of the side panel, the third of its switcher.
            xdotool("mousemove", "--window", window, "210", "74", "click", "1")
            time.sleep(0.5)
            xdotool("key", mnemonic)
            time.sleep(0.5)
            xdotool("key", "Return")
            if wait_for_window("^• projet", 2) is not None:
                break
            xdotool("key", "Escape")
        after = self.save_and_read(draft)
        self.assertEqual(loose.findall(after), [])
        # Only spaces changed.
        self.assertEqual(re.sub(r"[ \u00a0\u202f]", "", after), re.sub(r"[ \u00a0\u202f]", "", before))

    def test_fix_all_fixes_every_problem_of_a_kind(self):
        self.fix_all_with_keys("en", "alt+a")

    def test_fix_all_fixes_every_problem_of_a_kind_french(self):
        self.fix_all_with_keys("fr", "alt+c")


if __name__ == "__main__":
    unittest.main(verbosity=2)
