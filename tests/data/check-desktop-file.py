#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validates the built .desktop file and checks what the launcher does with it.

usage: check-desktop-file.py DESKTOP-FILE-VALIDATE BUILT.desktop
"""

import configparser
import subprocess
import sys


def main():
    validator, path = sys.argv[1:3]

    # desktop-file-validate succeeds on warnings: any output is a failure here.
    run = subprocess.run([validator, path], capture_output=True, text=True)
    report = (run.stdout + run.stderr).strip()
    if run.returncode != 0 or report:
        sys.exit(f"desktop-file-validate {path}:\n{report}")

    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str
    with open(path, encoding="utf-8") as f:
        parser.read_file(f)
    entry = parser["Desktop Entry"]

    expected = {
        "Type": "Application",
        "Name": "Plenary",
        "Icon": "org.plenary.Plenary",
        # Several files opened at once from the file manager: one process.
        "Exec": "plenary %F",
        "Terminal": "false",
        "StartupNotify": "true",
        "DBusActivatable": "false",
    }
    for key, value in expected.items():
        if entry.get(key) != value:
            sys.exit(f"{key}={entry.get(key)!r}, expected {value!r}")

    lists = {
        "Categories": {"Office"},
        "MimeType": {"application/vnd.plenary.draft+json"},
        "Keywords": {"resolution", "UN", "ONU", "Model UN", "MUN", "draft"},
    }
    for key, wanted in lists.items():
        value = entry.get(key, "")
        if not value.endswith(";"):
            sys.exit(f"{key} does not end with ';': {value!r}")
        missing = wanted - set(value.split(";"))
        if missing:
            sys.exit(f"{key} lacks {sorted(missing)}: {value!r}")

    for key in ("GenericName", "Comment"):
        if not entry.get(key):
            sys.exit(f"no {key}")

    print(f"ok: {path}")


if __name__ == "__main__":
    main()
