#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Menus and shortcuts as a user meets them.

- Mnemonics: in every menu of the .ui files, and in the editor's context
  menu (GTK's own items, the spelling items, the annotations' items), no
  two items of one menu level share their underlined letter, in English
  and in French (po/fr.po, GTK's own French for GTK's items).
- The Shortcuts window (gtk/help-overlay.ui) lists every shortcut the
  sources install: widget class bindings, application accelerators,
  shortcut triggers."""

import gettext
import glob
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

root = os.environ["PLENARY_SOURCE_ROOT"]
app = os.path.join(root, "src", "app")
failures = []


def mnemonic(label):
    match = re.search(r"_([^_])", label.replace("__", ""))
    return match.group(1).lower() if match else None


def menu_levels(menu, path):
    """Yields (path, [labels]) for MENU and each of its submenus: sections
    belong to the level of the menu that holds them."""
    labels = []
    stack = [menu]
    while stack:
        node = stack.pop()
        for child in node:
            if child.tag == "section":
                stack.append(child)
            elif child.tag == "item":
                label = child.find("attribute[@name='label']")
                if label is not None:
                    labels.append(label.text)
            elif child.tag == "submenu":
                label = child.find("attribute[@name='label']")
                if label is not None:
                    labels.append(label.text)
                yield from menu_levels(child, f"{path} > {label.text if label is not None else '?'}")
    yield path, labels


def check_level(where, labels, translate, language):
    seen = {}
    for label in labels:
        shown = translate(label)
        key = mnemonic(shown)
        if key is None:
            continue
        if key in seen:
            failures.append(f"{language}: {where}: “{seen[key]}” and “{shown}” share the mnemonic “{key}”")
        seen[key] = shown


with tempfile.TemporaryDirectory() as tmp:
    mo = os.path.join(tmp, "plenary.mo")
    subprocess.run(["msgfmt", "-o", mo, os.path.join(root, "po", "fr.po")], check=True)
    with open(mo, "rb") as f:
        french = gettext.GNUTranslations(f)
gtk_french = gettext.translation("gtk40", languages=["fr"], fallback=True)

languages = [("English", lambda s: s), ("French", french.gettext)]

levels = []
for ui in sorted(glob.glob(os.path.join(app, "**", "*.ui"), recursive=True)):
    tree = ET.parse(ui)
    for menu in tree.iter("menu"):
        for path, labels in menu_levels(menu, f"{os.path.basename(ui)}#{menu.get('id')}"):
            levels.append((path, [(label, False) for label in labels]))

# The editor's context menu: GTK's items (GtkTextView, GTK 4.8), then the
# items the sources add to it with g_menu_append (_("…"), "spelling.…"
# or "annotations.…").
gtk_items = ["Cu_t", "_Copy", "_Paste", "_Delete", "Select _All", "Insert _Emoji"]
ours = []
for source in ("plenary-spell-highlighter.c", "plenary-annotations.c"):
    with open(os.path.join(app, source), encoding="utf-8") as f:
        ours += re.findall(r'g_menu_append \([a-z_>-]+, _\("([^"]+)"\), "(?:spelling|annotations)\.', f.read())
if "Add t_o Dictionary" not in " ".join(ours) and not any("Dictionary" in o for o in ours):
    failures.append("the spelling items of the context menu were not found in the sources")
levels.append(("editor context menu", [(l, True) for l in gtk_items] + [(l, False) for l in ours]))

for language, translate in languages:
    for where, labels in levels:
        def shown(label_is_gtk):
            label, is_gtk = label_is_gtk
            if language == "French":
                return gtk_french.gettext(label) if is_gtk else translate(label)
            return label
        check_level(where, [shown(l) for l in labels], lambda s: s, language)

# Shortcuts ---------------------------------------------------------------

MODIFIERS = {"GDK_CONTROL_MASK": "<Control>", "GDK_SHIFT_MASK": "<Shift>", "GDK_ALT_MASK": "<Alt>"}
# Alternatives of a listed shortcut (keypad keys, Ctrl+= for Ctrl++), and
# keys that only confirm or move within a widget.
SKIPPED = re.compile(r"KP_|ISO_Enter|equal$")


def accel_from_c(key, modifiers):
    mods = "".join(MODIFIERS[m.strip()] for m in modifiers.split("|") if m.strip() in MODIFIERS)
    return mods + key


installed = set()
for source in glob.glob(os.path.join(app, "*.c")):
    with open(source, encoding="utf-8") as f:
        text = f.read()
    for key, mods in re.findall(r"gtk_widget_class_add_binding(?:_action)? \(widget_class, GDK_KEY_(\w+), ([\w |]+),", text):
        installed.add(accel_from_c(key, mods))
    for key, mods in re.findall(r"gtk_keyval_trigger_new \(GDK_KEY_(\w+), ([\w |]+)\)", text):
        installed.add(accel_from_c(key, mods))
    for key, mods in re.findall(r"add_key \([^,]+, GDK_KEY_(\w+), ([\w |]+),", text):
        installed.add(accel_from_c(key, mods))
    for accels in re.findall(r"static const char \*\w+accels\[\] = \{([^}]*)\}", text):
        installed.update(re.findall(r'"([^"]+)"', accels))

listed = set()
for shortcut in ET.parse(os.path.join(app, "gtk", "help-overlay.ui")).iter("object"):
    if shortcut.get("class") == "GtkShortcutsShortcut":
        accel = shortcut.find("property[@name='accelerator']")
        if accel is not None:
            listed.update(accel.text.split())


def normal(accel):
    return accel.replace("<Primary>", "<Control>").lower()


listed_normal = {normal(a) for a in listed}
for accel in sorted(installed):
    if SKIPPED.search(accel) or accel.endswith("0") and "KP" in accel:
        continue
    if normal(accel) not in listed_normal:
        failures.append(f"the Shortcuts window does not list {accel}")
# The ones every delegate looks for.
for accel in ["<Control>z", "<Control><Shift>z", "<Control>f", "<Control>h",
              "<Control>plus", "<Control>minus", "<Control>0"]:
    if normal(accel) not in listed_normal:
        failures.append(f"the Shortcuts window does not list {accel}")

print(f"{len(levels)} menu levels, {len(installed)} shortcuts installed, {len(listed)} listed")
for failure in failures:
    print(failure)
sys.exit(1 if failures else 0)
