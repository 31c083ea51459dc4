#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Validates against docs/draft.schema.json: the draft templates, every valid
# fixture under tests/ (tests/model/data/broken/ holds the invalid ones on
# purpose) and the drafts the encoder writes. Also checks that the broken
# fixtures that are JSON objects do fail, so the schema is not a no-op, and
# the complete example of docs/draft-format.md.
#
# usage: test-schema.py SOURCE_ROOT WRITE_SAMPLE_DRAFT

import json
import pathlib
import re
import subprocess
import sys
import tempfile

import jsonschema

root = pathlib.Path(sys.argv[1])
writer = sys.argv[2]
broken_dir = root / 'tests' / 'model' / 'data' / 'broken'

schema = json.loads((root / 'docs' / 'draft.schema.json').read_text(encoding='utf-8'))
validator_class = jsonschema.validators.validator_for(schema)
validator_class.check_schema(schema)
validator = validator_class(schema)

failures = []
checked = 0


def check(path, expect_valid=True):
    global checked
    try:
        document = json.loads(path.read_text(encoding='utf-8'))
    except ValueError:
        if expect_valid:
            failures.append(f'{path}: not JSON')
        return
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    checked += 1
    if expect_valid and errors:
        for error in errors:
            failures.append(f'{path}: {error.json_path}: {error.message}')
    elif not expect_valid and not errors and document.get('format') == 'plenary-draft':
        failures.append(f'{path}: broken fixture accepted by the schema')


templates = sorted((root / 'data' / 'templates').glob('*.plenary.json'))
expected = {f'{kind}-{lang}.plenary.json'
            for kind in ('resolution', 'position-paper', 'briefing-note') for lang in ('fr', 'en')}
missing = expected - {path.name for path in templates}
if missing:
    failures.append(f'missing templates: {sorted(missing)}')
for path in templates:
    check(path)

# The hostile corpus is broken on purpose too (tests/hostile checks it).
hostile_dir = root / 'tests' / 'hostile'
for path in sorted((root / 'tests').rglob('*.plenary.json')):
    if broken_dir in path.parents or hostile_dir in path.parents:
        continue
    check(path)

# The complete example of the format documentation.
doc = (root / 'docs' / 'draft-format.md').read_text(encoding='utf-8')
examples = re.findall(r'```json\n(.*?)```', doc, re.S)
if not examples:
    failures.append('docs/draft-format.md: no JSON example')
else:
    errors = list(validator.iter_errors(json.loads(examples[0])))
    checked += 1
    for error in errors:
        failures.append(f'docs/draft-format.md example: {error.json_path}: {error.message}')

# Broken fixtures other than malformed JSON or another format must be refused.
for name in ['newer.plenary.json', 'wrong-type.plenary.json']:
    check(broken_dir / name, expect_valid=False)

with tempfile.TemporaryDirectory() as folder:
    subprocess.run([writer, folder], check=True)
    written = sorted(pathlib.Path(folder).glob('*.plenary.json'))
    if len(written) != 2:
        failures.append(f'the encoder wrote {len(written)} files, expected 2')
    for path in written:
        check(path)

for failure in failures:
    print(failure)
print(f'{checked} documents checked')
sys.exit(1 if failures else 0)
