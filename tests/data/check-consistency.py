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
    mime = ET.parse(os.path.join(root, "data", f"{APP_ID}.mime.xml.in")).getroot()
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

    check_listing(entry, metainfo, mime, root)

    if failures:
        sys.exit("\n".join(failures))
    print("ok: desktop file, metainfo, MIME type, icons and manifest agree")


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def png_size(path):
    with open(path, "rb") as f:
        header = f.read(24)
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


def check_listing(entry, metainfo, mime, root):
    """What Flathub and GNOME Software show."""
    # AppStream 1.0: <developer id><name>, not <developer_name>.
    if metainfo.find("developer_name") is not None:
        failures.append("metainfo still has the deprecated <developer_name>")
    developer = metainfo.find("developer")
    if developer is None or not developer.get("id") or not developer.findtext("name"):
        failures.append("metainfo lacks <developer id=...><name>")

    # Every address the listing gives is https and one of ours: Plenary has no
    # public home yet, so it gives none rather than made-up ones.
    for url in metainfo.findall("url"):
        if not (url.text or "").startswith("https://"):
            failures.append(f"metainfo <url type=\"{url.get('type')}\"> is not https")
    for line in open(os.path.join(root, "data", "org.plenary.Plenary.metainfo.xml.in"), encoding="utf-8"):
        if "plenary.org" in line:
            failures.append(f"metainfo names plenary.org, which is not ours: {line.strip()}")

    # Release notes stay in English (GNOME's convention): the built file has
    # no translated copy of them, while the summary is translated.
    for release in metainfo.findall("releases/release"):
        for description in release.findall("description"):
            if description.get(XML_LANG):
                failures.append(f"release {release.get('version')} notes are translated "
                                f"({description.get(XML_LANG)})")
    if not any(s.get(XML_LANG) == "fr" for s in metainfo.findall("summary")):
        failures.append("the summary has no French translation")

    # Each published screenshot is in data/screenshots under its name, a PNG
    # of the size the metainfo declares; the pictures to publish are there.
    for screenshot in metainfo.findall("screenshots/screenshot"):
        image = screenshot.find("image")
        if not screenshot.findtext("caption"):
            failures.append("a screenshot has no caption")
        local = os.path.join(root, "data", "screenshots", os.path.basename(image.text))
        if not os.path.isfile(local):
            failures.append(f"no {local} for {image.text}")
            continue
        size = png_size(local)
        declared = (int(image.get("width", 0)), int(image.get("height", 0)))
        if size != declared:
            failures.append(f"{local} is {size}, the metainfo says {declared}")
    for name in ("draft-and-sources.png", "comments.png"):
        if png_size(os.path.join(root, "data", "screenshots", name)) is None:
            failures.append(f"data/screenshots/{name} is not a PNG")

    # Keywords name what Plenary does: it has no amendments yet.
    keywords = {k.lower() for k in entry.get("Keywords", "").split(";") if k}
    for word in ("amendment", "amendments", "diplomacy"):
        if word in keywords:
            failures.append(f"desktop Keywords name {word!r}, which Plenary does not do")

    # A renamed draft is recognised by its first bytes.
    magic = mime.findall(f".//{MIME_NS}magic//{MIME_NS}match")
    if not any("plenary-draft" in (m.get("value") or "") for m in magic):
        failures.append("the MIME type has no magic rule for the format member")
    # Its comment is translated through gettext, not by hand in the source.
    if any(c.get(XML_LANG) for c in mime.findall(f".//{MIME_NS}comment")):
        failures.append("the MIME comment is translated by hand; leave it to po/")


if __name__ == "__main__":
    main()
