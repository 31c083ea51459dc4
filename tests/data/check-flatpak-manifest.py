#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest: runtime, sandbox permissions and the modules
that the GNOME runtime does not provide.

usage: check-flatpak-manifest.py flatpak/org.plenary.Plenary.json
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

failures = []


def expect(what, got, wanted):
    if got != wanted:
        failures.append(f"{what}: {got!r}, expected {wanted!r}")


def sources_of(module):
    return module.get("sources", [])


def main():
    path = os.path.abspath(sys.argv[1])
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)

    expect("id", manifest.get("id"), "org.plenary.Plenary")
    if "app-id" in manifest:
        failures.append("both id and app-id are set")
    expect("runtime", manifest.get("runtime"), "org.gnome.Platform")
    expect("runtime-version", manifest.get("runtime-version"), "49")
    expect("sdk", manifest.get("sdk"), "org.gnome.Sdk")
    expect("command", manifest.get("command"), "plenary")

    # Files come and go through the portals (file chooser, print, open with):
    # no direct file system access and no network.
    finish_args = manifest.get("finish-args", [])
    for arg in finish_args:
        if arg.startswith("--filesystem") or arg == "--share=network":
            failures.append(f"finish-args must not contain {arg}")
    for arg in ("--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"):
        if arg not in finish_args:
            failures.append(f"finish-args lacks {arg}")
    if "--socket=x11" in finish_args:
        failures.append("--socket=x11 would keep X11 access under Wayland; use fallback-x11")

    modules = manifest.get("modules", [])
    names = [m.get("name") for m in modules if isinstance(m, dict)]
    if len(names) != len(modules):
        failures.append("every module must be written inline, with a name")

    # Every download is pinned to its checksum (or a git tag/commit).
    for module in modules:
        for source in sources_of(module):
            kind = source.get("type")
            if kind in ("archive", "file") and "url" in source:
                if not source["url"].startswith("https://"):
                    failures.append(f"{module['name']}: {source['url']} is not https")
                if len(source.get("sha256", "")) != 64:
                    failures.append(f"{module['name']}: {source['url']} has no sha256")
            elif kind == "git" and not (source.get("tag") or source.get("commit")):
                failures.append(f"{module['name']}: git source pinned to no tag or commit")

    # The application itself, last, from this source tree.
    if not names or names[-1] != "plenary":
        failures.append(f"the last module must be plenary, not {names[-1:]}")
    else:
        app = modules[-1]
        expect("plenary buildsystem", app.get("buildsystem"), "meson")
        expect("plenary sources", [(s.get("type"), s.get("path")) for s in sources_of(app)],
               [("dir", "..")])

    # poppler-glib is not in the GNOME runtime; build it without Qt.
    poppler = next((m for m in modules if m.get("name") == "poppler"), None)
    if poppler is None:
        failures.append("no poppler module")
    else:
        options = poppler.get("config-opts", [])
        for option in ("-DENABLE_GLIB=ON", "-DENABLE_QT5=OFF", "-DENABLE_QT6=OFF"):
            if option not in options:
                failures.append(f"poppler config-opts lack {option}")

    # Fonts with real italics and bold for the PDF export.
    fonts = [m for m in modules
             if "font" in m.get("name", "")
             and any("/app/share/fonts" in c for c in m.get("build-commands", []))]
    if not fonts:
        failures.append("no module installs fonts into /app/share/fonts")

    # flatpak-builder itself reads the manifest (parsing only, no download).
    builder = shutil.which("flatpak-builder")
    if builder is not None:
        # It leaves a .flatpak-builder state folder in its working directory.
        with tempfile.TemporaryDirectory() as scratch:
            run = subprocess.run([builder, "--show-manifest", path],
                                 capture_output=True, text=True, cwd=scratch)
        if run.returncode != 0 or "WARNING" in run.stderr:
            failures.append(f"flatpak-builder --show-manifest:\n{run.stderr.strip()}")
        elif json.loads(run.stdout).get("id") != manifest.get("id"):
            failures.append("flatpak-builder read another id")

    if failures:
        sys.exit("\n".join(failures))
    print(f"ok: {path}" + (" (checked by flatpak-builder)" if builder else ""))


if __name__ == "__main__":
    main()
