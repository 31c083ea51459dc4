#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the built desktop and metainfo files carry the French
translation of every translatable string, with French typography.

usage: check-translations.py BUILT.desktop BUILT.metainfo.xml
"""

import configparser
import re
import sys
import xml.etree.ElementTree as ET

LANG = "fr"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# French puts a no-break space (U+00A0 or U+202F) before : ; ? ! and inside « ».
BAD_SPACING = re.compile(r"(?:[^\u00a0\u202f][:;?!])|(?:«[^\u00a0\u202f])|(?:[^\u00a0\u202f]»)")

failures = []


def check_french(where, text):
    # In Keywords the semicolons are separators, not punctuation.
    probe = text.replace(";", "") if where.startswith("Keywords") else text
    # Allow URLs and times (http://, 10:30).
    probe = re.sub(r"\w+://\S+|\d:\d", "", probe)
    match = BAD_SPACING.search(probe)
    if match:
        failures.append(f"{where}: no no-break space at {match.group(0)!r} in {text!r}")


def check_desktop(path):
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    with open(path, encoding="utf-8") as f:
        parser.read_file(f)
    entry = parser["Desktop Entry"]
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        localized = entry.get(f"{key}[{LANG}]")
        if not localized:
            failures.append(f"{path}: no {key}[{LANG}]")
            continue
        check_french(f"{key}[{LANG}]", localized)
    keywords = entry.get(f"Keywords[{LANG}]", ";")
    if not keywords.endswith(";"):
        failures.append(f"{path}: Keywords[{LANG}] does not end with ';'")


def text_of(element):
    # Not str.split(): it would also split on the no-break spaces checked here.
    return re.sub(r"[ \t\r\n]+", " ", "".join(element.itertext())).strip()


def check_metainfo(path):
    root = ET.parse(path).getroot()

    def pairs(parent, path):
        """(untranslated, French) elements found at path under parent."""
        found = parent.findall(path)
        return ([e for e in found if e.get(XML_LANG) is None],
                [e for e in found if e.get(XML_LANG) == LANG])

    for tag in ("summary",):
        plain, french = pairs(root, tag)
        if plain and not french:
            failures.append(f"{path}: <{tag}> has no French translation")
        for element in french:
            check_french(tag, text_of(element))

    # Release notes stay in English (GNOME's convention; check-consistency.py
    # checks that they do): only the application's description is translated.
    for description in [root.find("description")]:
        if description is None:
            failures.append(f"{path}: no <description>")
            continue
        for tag in ("p", "ul/li", "ol/li"):
            plain, french = pairs(description, tag)
            if len(french) != len(plain):
                failures.append(f"{path}: {len(plain)} <{tag}> but {len(french)} in French")
            for element in french:
                check_french(tag, text_of(element))

    for screenshot in root.findall("screenshots/screenshot"):
        plain, french = pairs(screenshot, "caption")
        if plain and not french:
            failures.append(f"{path}: a screenshot caption has no French translation")
        for element in french:
            check_french("caption", text_of(element))


def main():
    check_desktop(sys.argv[1])
    check_metainfo(sys.argv[2])
    if failures:
        sys.exit("\n".join(failures))
    print("ok: French translations present")


if __name__ == "__main__":
    main()
