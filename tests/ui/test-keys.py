#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real key presses on the real application (xdotool under Xvfb): the
shortcuts a delegate types reach Plenary, not GTK's own bindings."""

import os
import subprocess
import sys
import tempfile
import time
import unittest

PLENARY = sys.argv.pop(1)


def xdotool(*args):
    return subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=20)


def wait_for_window(name, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = xdotool("search", "--name", name)
        if found.returncode == 0 and found.stdout.strip():
            return found.stdout.split()[0]
        time.sleep(0.2)
    return None


class Keys(unittest.TestCase):
    def setUp(self):
        # A state folder of its own: recovery copies other tests left would
        # open a dialog first.
        self.state = tempfile.TemporaryDirectory()
        env = dict(os.environ, LANGUAGE="en", XDG_STATE_HOME=self.state.name)
        self.app = subprocess.Popen([PLENARY, "--sample"], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.window = wait_for_window("Sample Draft")
        self.assertIsNotNone(self.window, "the main window did not appear")
        time.sleep(1)
        # Without a window manager, a click gives the editor the focus.
        xdotool("mousemove", "--window", self.window, "600", "400", "click", "1")
        time.sleep(0.3)

    def tearDown(self):
        self.app.kill()
        self.app.wait(timeout=10)
        self.state.cleanup()

    def test_ctrl_shift_i_opens_the_clause_picker(self):
        xdotool("key", "ctrl+shift+i")
        self.assertIsNotNone(wait_for_window("^Insert Clause$", 10),
                             "Ctrl+Shift+I did not open Insert Clause")
        self.assertIsNone(wait_for_window("GTK Inspector", 1))


if __name__ == "__main__":
    unittest.main(verbosity=2)
