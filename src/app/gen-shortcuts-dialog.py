#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes shortcuts-dialog.ui, the AdwShortcutsDialog that libadwaita 1.8
shows for app.shortcuts, from gtk/help-overlay.ui, the GtkShortcutsWindow
older libraries show: one list of shortcuts, kept in one place.

usage: gen-shortcuts-dialog.py gtk/help-overlay.ui shortcuts-dialog.ui
"""

import sys
import xml.etree.ElementTree as ET


def prop(obj, name):
    return next((p for p in obj.findall("property") if p.get("name") == name), None)


def copy_prop(source, target, name):
    found = prop(source, name)
    if found is not None:
        ET.SubElement(target, "property", {k: v for k, v in found.attrib.items()}).text = found.text


def main():
    overlay = ET.parse(sys.argv[1]).getroot()
    interface = ET.Element("interface")
    dialog = ET.SubElement(interface, "object", {"class": "AdwShortcutsDialog", "id": "shortcuts_dialog"})
    for group in overlay.iter("object"):
        if group.get("class") != "GtkShortcutsGroup":
            continue
        section = ET.SubElement(ET.SubElement(dialog, "child"), "object", {"class": "AdwShortcutsSection"})
        copy_prop(group, section, "title")
        for child in group.findall("child/object"):
            if child.get("class") != "GtkShortcutsShortcut" or prop(child, "accelerator") is None:
                continue
            item = ET.SubElement(ET.SubElement(section, "child"), "object", {"class": "AdwShortcutsItem"})
            copy_prop(child, item, "title")
            copy_prop(child, item, "accelerator")
    ET.indent(interface)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        f.write("<!-- Generated from gtk/help-overlay.ui by gen-shortcuts-dialog.py -->\n")
        f.write(ET.tostring(interface, encoding="unicode"))
        f.write("\n")


if __name__ == "__main__":
    main()
