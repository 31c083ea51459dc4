#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifests: runtime, sandbox permissions, the modules
that the GNOME runtime does not provide, every download pinned, and the
local-build variant the same but for where Plenary's source comes from.

usage: check-flatpak-manifest.py flatpak/org.plenary.Plenary.json \
           flatpak/org.plenary.Plenary.local.json PROJECT-VERSION
"""

import re

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


HEX64 = re.compile(r"[0-9a-f]{64}")
HEX40 = re.compile(r"[0-9a-f]{40}")


def check_pinned(module, source):
    """A download Flathub accepts: https, and a checksum or a tag and commit."""
    name = module.get("name")
    kind = source.get("type")
    url = source.get("url", "")
    if kind in ("archive", "file"):
        if not url.startswith("https://"):
            failures.append(f"{name}: {url!r} is not https")
        if not HEX64.fullmatch(source.get("sha256", "")):
            failures.append(f"{name}: {url} has no sha256")
    elif kind == "git":
        # Plenary's own source may be this repository (see main).
        if not url.startswith("https://") and not (name == "plenary" and source.get("path") == ".."):
            failures.append(f"{name}: {url!r} is not https")
        if not source.get("tag") or not HEX40.fullmatch(source.get("commit", "")):
            failures.append(f"{name}: git source not pinned by both tag and commit")
    else:
        failures.append(f"{name}: a {kind!r} source is not one Flathub builds")


def main():
    path = os.path.abspath(sys.argv[1])
    local_path = os.path.abspath(sys.argv[2])
    project_version = sys.argv[3]
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    with open(local_path, encoding="utf-8") as f:
        local = json.load(f)

    expect("id", manifest.get("id"), "org.plenary.Plenary")
    if "app-id" in manifest:
        failures.append("both id and app-id are set")
    expect("runtime", manifest.get("runtime"), "org.gnome.Platform")
    # A supported runtime: 49 was retired once 51 shipped.
    if not str(manifest.get("runtime-version", "")).isdigit() or int(manifest["runtime-version"]) < 51:
        failures.append(f"runtime-version {manifest.get('runtime-version')!r} is older than GNOME 51")
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

    # Every module's every source is pinned.
    for module in modules:
        if not sources_of(module):
            failures.append(f"{module.get('name')}: no sources")
        for source in sources_of(module):
            check_pinned(module, source)

    # The application itself, last, from its release tag. Plenary has no public
    # repository yet: the tag is read from this one (path ".."), and the
    # commit is the release's, the one whose meson.build has that version.
    if not names or names[-1] != "plenary":
        failures.append(f"the last module must be plenary, not {names[-1:]}")
    else:
        app = modules[-1]
        expect("plenary buildsystem", app.get("buildsystem"), "meson")
        sources = sources_of(app)
        if len(sources) != 1 or sources[0].get("type") != "git":
            failures.append("plenary must come from one git source")
        else:
            source = sources[0]
            expect("plenary tag", source.get("tag"), f"v{project_version}")
            if "plenary.org" in source.get("url", ""):
                failures.append(f"plenary's source {source['url']} is not ours")
            root = os.environ.get("PLENARY_SOURCE_ROOT", "")
            if shutil.which("git") and os.path.exists(os.path.join(root, ".git")):
                run = subprocess.run(["git", "-C", root, "show", source.get("commit", "") + ":meson.build"],
                                     capture_output=True, text=True)
                if run.returncode != 0:
                    failures.append(f"plenary commit {source.get('commit')} is not in this repository")
                elif not re.search(rf"version:\s*'{re.escape(project_version)}'", run.stdout):
                    failures.append(f"plenary commit {source['commit']} is not version {project_version}")

    # ...and the local-build variant the same, but for that source.
    local_modules = local.get("modules", [])
    expect("local variant", {k: v for k, v in local.items() if k != "modules"},
           {k: v for k, v in manifest.items() if k != "modules"})
    expect("local variant modules", local_modules[:-1], modules[:-1])
    if local_modules:
        expect("local plenary sources",
               [(s.get("type"), s.get("path")) for s in sources_of(local_modules[-1])], [("dir", "..")])
        expect("local plenary module",
               {k: v for k, v in local_modules[-1].items() if k != "sources"},
               {k: v for k, v in modules[-1].items() if k != "sources"} if modules else {})

    # Updates are proposed for poppler (flatpak-external-data-checker).
    poppler_sources = [s for m in modules if m.get("name") == "poppler" for s in sources_of(m)]
    if not any("x-checker-data" in s for s in poppler_sources):
        failures.append("poppler has no x-checker-data")

    # CJK and Cyrillic PDFs need poppler-data's encodings.
    if "poppler-data" not in names:
        failures.append("no poppler-data module")

    # The spelling dictionaries, French and English, where enchant finds them.
    commands = [c for m in modules for c in m.get("build-commands", [])]
    for dictionary in ("fr_FR.dic", "fr_FR.aff", "en_US.dic", "en_US.aff"):
        if not any("/app/share/hunspell" in c and dictionary in c for c in commands):
            failures.append(f"no module installs the hunspell dictionary {dictionary}")

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

    # flatpak-builder itself reads both (parsing only, no download).
    builder = shutil.which("flatpak-builder")
    for checked in (path, local_path) if builder is not None else ():
        # It leaves a .flatpak-builder state folder in its working directory.
        with tempfile.TemporaryDirectory() as scratch:
            run = subprocess.run([builder, "--show-manifest", checked],
                                 capture_output=True, text=True, cwd=scratch)
        if run.returncode != 0 or "WARNING" in run.stderr:
            failures.append(f"flatpak-builder --show-manifest {checked}:\n{run.stderr.strip()}")
        elif json.loads(run.stdout).get("id") != manifest.get("id"):
            failures.append(f"flatpak-builder read another id in {checked}")

    if failures:
        sys.exit("\n".join(failures))
    print(f"ok: {path}" + (" (checked by flatpak-builder)" if builder else ""))


if __name__ == "__main__":
    main()
