#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the desktop file, the metainfo, the MIME definition, the icons
and the Flatpak manifest name the same application, program and file type.

usage: check-consistency.py BUILT.desktop BUILT.metainfo.xml PROJECT-VERSION
(PLENARY_SOURCE_ROOT gives the source tree)
"""

import configparser
import json
import os
import sys
import xml.etree.ElementTree as ET

APP_ID = "org.plenary.Plenary"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"

failures = []


def expect(what, got, wanted):
    if got != wanted:
        failures.append(f"{what}: {got!r}, expected {wanted!r}")


def version_key(version):
    return tuple(int(part) for part in version.split("."))


def main():
    desktop_path, metainfo_path, project_version = sys.argv[1:4]
    root = os.environ["PLENARY_SOURCE_ROOT"]

    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    with open(desktop_path, encoding="utf-8") as f:
        parser.read_file(f)
    entry = parser["Desktop Entry"]

    metainfo = ET.parse(metainfo_path).getroot()
    mime = ET.parse(os.path.join(root, "data", f"{APP_ID}.mime.xml")).getroot()
    with open(os.path.join(root, "flatpak", f"{APP_ID}.json"), encoding="utf-8") as f:
        manifest = json.load(f)

    # The application ID.
    expect("desktop file name", os.path.basename(desktop_path), f"{APP_ID}.desktop")
    expect("metainfo <id>", metainfo.findtext("id"), APP_ID)
    expect("metainfo launchable", metainfo.findtext("launchable[@type='desktop-id']"),
           f"{APP_ID}.desktop")
    expect("Flatpak id", manifest.get("id"), APP_ID)

    # The icon the desktop file names exists, with its symbolic variant.
    icon = entry.get("Icon")
    expect("desktop Icon", icon, APP_ID)
    for relative in (f"scalable/apps/{icon}.svg", f"symbolic/apps/{icon}-symbolic.svg"):
        path = os.path.join(root, "data", "icons", "hicolor", relative)
        if not os.path.isfile(path):
            failures.append(f"no icon {path}")

    # The program.
    program = entry.get("Exec", "").split()[0]
    expect("desktop Exec program", program, "plenary")
    expect("metainfo provided binary", metainfo.findtext("provides/binary"), program)
    expect("Flatpak command", manifest.get("command"), program)

    # The file type: declared by the MIME XML, handled by the desktop file,
    # advertised by the metainfo.
    declared = {t.get("type") for t in mime.findall(f"{MIME_NS}mime-type")}
    handled = {t for t in entry.get("MimeType", "").split(";") if t}
    advertised = {t.text for t in metainfo.findall("provides/mediatype")}
    expect("desktop MimeType", handled, declared)
    expect("metainfo mediatypes", advertised, declared)

    # GNOME Software shows the newest release as the installed version.
    releases = [r.get("version") for r in metainfo.findall("releases/release")]
    if not releases:
        failures.append("metainfo has no release")
    else:
        expect("newest metainfo release", max(releases, key=version_key), project_version)

    if failures:
        sys.exit("\n".join(failures))
    print("ok: desktop file, metainfo, MIME type, icons and manifest agree")


if __name__ == "__main__":
    main()
