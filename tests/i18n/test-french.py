#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""po/fr.po is complete for the strings the sources have now: extract a fresh
template, merge fr.po into it, and require 0 untranslated and 0 fuzzy
messages, a clean msgfmt --check, and French typography as the GNOME French
team writes it: a narrow no-break space (U+202F) before ; ? !, a no-break
space (U+00A0) before : and inside « »."""

import os
import re
import subprocess
import sys
import tempfile

root = os.environ["PLENARY_SOURCE_ROOT"]
po = os.path.join(root, "po", "fr.po")

# The keywords of meson's i18n "glib" preset.
keywords = ["--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
            "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
            "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
            "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
            "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
            "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format"]

failures = []
with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "plenary.pot")
    merged = os.path.join(tmp, "fr.po")
    subprocess.run(["xgettext", "--from-code=UTF-8", "--add-comments", "--package-name=plenary",
                    "-D", root, "-f", os.path.join(root, "po", "POTFILES.in"), "-o", pot, *keywords],
                   check=True)
    subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged, po, pot], check=True)

    stats = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, merged],
                           capture_output=True, text=True)
    print(stats.stderr.strip())
    if stats.returncode != 0:
        failures.append("msgfmt --check failed")
    if "untranslated" in stats.stderr or "fuzzy" in stats.stderr:
        failures.append("fr.po is not complete for the current sources")

    untranslated = subprocess.run(["msgattrib", "--untranslated", "--no-obsolete", merged],
                                  capture_output=True, text=True).stdout
    for msgid in re.findall(r'^msgid "(.+)"$', untranslated, re.M):
        print(f"untranslated: {msgid}")

    translated = subprocess.run(["msgattrib", "--translated", "--no-fuzzy", "--no-obsolete", merged],
                                capture_output=True, text=True).stdout
    # msgstr lines, joined per entry.
    for entry in translated.split("\n\n"):
        m = re.search(r'^msgstr(?:\[0\])? ((?:".*"\n?)+)', entry, re.M)
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', entry, re.M)
        if not m or not msgid or not "".join(re.findall(r'"(.*)"', msgid.group(1))):
            continue  # the header is metadata, not French text
        text = "".join(re.findall(r'"(.*)"', m.group(1)))
        if not text:
            continue
        # A desktop Keywords list is separated by semicolons, not punctuated.
        if text.endswith(";") and " " not in text.replace("\u00a0", "").split(";")[0] and text.count(";") >= 3:
            text = text.replace(";", ",")
        # Punctuation needing a no-break space before it in French.
        for bad in re.finditer(r'(\S| )([;:?!])', text):
            before, mark = bad.group(1), bad.group(2)
            if mark == ":" and (text[bad.start(2)+1:bad.start(2)+3] == "//" or before.isdigit()):
                continue
            if before == ("\u00a0" if mark == ":" else "\u202f"):
                continue
            if before == "%" or text[bad.start(2)-2:bad.start(2)] == "\\n":
                continue
            wanted = "no-break space (U+00A0)" if mark == ":" else "narrow no-break space (U+202F)"
            failures.append(f"French typography, {wanted} needed before “{mark}”: {text}")
        for quote in re.finditer(r'«(.)|(.)»', text):
            inner = quote.group(1) or quote.group(2)
            if inner not in ("\u00a0", "\u202f"):
                failures.append(f"French typography, no-break space needed inside « »: {text}")

for failure in failures:
    print(failure)
sys.exit(1 if failures else 0)
