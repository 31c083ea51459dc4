#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real key presses on the writing tools (xdotool under Xvfb, on the
harness of test-keys.py): a spelling suggestion from the context menu,
Add to Dictionary, Ctrl+H and Replace All with one Ctrl+Z, Fix All by its
mnemonic, in English and in French."""

import glob
import importlib.util
import os
import re
import subprocess
import sys
import time
import unittest

# test-keys.py takes the application's path from the command line.
_spec = importlib.util.spec_from_file_location(
    "keys", os.path.join(os.path.dirname(os.path.abspath(__file__)), "test-keys.py"))
keys = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(keys)
PLENARY = keys.PLENARY
DRAFT = keys.DRAFT
xdotool = keys.xdotool
wait_for_window = keys.wait_for_window


def wait_for_menu(seconds=10):
    """Waits for a menu to show: a popover is a window of its own on X11,
    named after the application. A key pressed before it shows goes to
    the window under it."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if xdotool("search", "--onlyvisible", "--name", "^Plenary$").stdout.strip():
            return True
        time.sleep(0.1)
    return False


class WritingKeys(unittest.TestCase):
    setUp = keys.Keys.setUp
    tearDown = keys.Keys.tearDown
    start = keys.Keys.start

    def open_context_menu(self):
        """Shift+F10, then waits for the menu's popup window to show (a
        busy machine, or the dictionary read at that moment, delays it)."""
        def windows():
            found = xdotool("search", "--onlyvisible", "--pid", str(self.app.pid))
            return set(found.stdout.split())
        before = windows()
        # The pointer, left where start() clicked, would hover an item of
        # the menu and take the keyboard's place in it.
        xdotool("mousemove", "0", "0")
        xdotool("key", "shift+F10")
        deadline = time.monotonic() + 30
        while not (windows() - before) and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertTrue(windows() - before, "the context menu did not show")
        # Its items are there once it shows; the keyboard goes to it.
        time.sleep(0.2)

    def convert(self, text, name="projet"):
        source = os.path.join(self.tmp.name, name + ".txt")
        draft = os.path.join(self.tmp.name, name + ".plenary.json")
        with open(source, "w", encoding="utf-8") as f:
            f.write(text)
        subprocess.run([PLENARY, "--convert", source, draft], env=self.env, check=True)
        return draft

    def save_and_read(self, draft):
        """Ctrl+S, then the draft's text once the file has changed. A key
        pressed while a menu closes can be lost: pressed again if need be."""
        plain = os.path.join(self.tmp.name, "after.txt")
        before = os.stat(draft).st_mtime_ns
        for attempt in range(3):
            xdotool("key", "ctrl+s")
            deadline = time.monotonic() + 10
            while os.stat(draft).st_mtime_ns == before and time.monotonic() < deadline:
                time.sleep(0.1)
            if os.stat(draft).st_mtime_ns != before:
                break
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
        self.open_context_menu()
        xdotool("key", "Down", "Down", "Down", "Return")
        text = self.save_and_read(draft)
        self.assertIn(" " + corrected + ".\n", text)
        self.assertNotIn(typed, text)

    def test_spelling_suggestion_replaces_a_misspelt_word_french(self):
        draft = self.convert(DRAFT)
        # ASCII typed: xdotool types accented letters unreliably on a busy
        # display. The French dictionary puts the accents back.
        self.misspelt_word_is_corrected(draft, "preocupation", "préoccupation")

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
        self.open_context_menu()
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
        """F7 for the Problems tab, then the Fix All menu by its mnemonic, then its first
        kind: the no-break spaces before ; : ? ! of the sample draft."""
        self.env["LANGUAGE"] = language
        # Newer glibc (Debian 13) ignores LANGUAGE under C.UTF-8.
        if language == "fr":
            self.env["LC_ALL"] = "fr_FR.UTF-8"
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
            # F7: the Problems tab of the side panel.
            xdotool("key", "F7")
            time.sleep(0.5)
            xdotool("key", mnemonic)
            wait_for_menu()
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
