#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every file with translatable strings is listed in po/POTFILES.in, and every
listed file exists."""

import os
import re
import subprocess
import sys

root = os.environ["PLENARY_SOURCE_ROOT"]
marks = re.compile(r'(^|[^A-Za-z_0-9])(_|N_|C_|NC_|g_dngettext|ngettext)\s*\(|translatable="yes"')

listed = set()
with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith("#"):
            listed.add(line)

candidates = []
for folder in ("src", "data"):
    for dirpath, _, names in os.walk(os.path.join(root, folder)):
        for name in names:
            if name.endswith((".c", ".ui")):
                candidates.append(os.path.relpath(os.path.join(dirpath, name), root))

missing = []
for path in sorted(candidates):
    with open(os.path.join(root, path), encoding="utf-8") as f:
        if marks.search(f.read()) and path not in listed:
            missing.append(path)

absent = [path for path in sorted(listed) if not os.path.exists(os.path.join(root, path))]

for path in missing:
    print(f"missing from po/POTFILES.in: {path}")
for path in absent:
    print(f"listed in po/POTFILES.in but absent: {path}")

print(f"{len(candidates)} files checked, {len(listed)} listed")
sys.exit(1 if missing or absent else 0)
