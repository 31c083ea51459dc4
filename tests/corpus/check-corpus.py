#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The real-resolution corpus as a ratchet (issue 13).

Runs ../shared/corpus/run.sh (the corpus sits beside the checkout: CI clones
the project into a folder with shared/ next to it) with the plenary just
built, prints its score, and fails when the total falls below the best
reached so far or any text below its floor. The corpus is always there in
CI: its absence is a failure, not a skip.

Usage: check-corpus.py SOURCE_ROOT PLENARY
"""
import os
import re
import subprocess
import sys
import tempfile

# The best total reached so far (raise it when the importer gets better,
# never lower it) and the floor of every text.
BEST_TOTAL = 1198
TOTAL_ITEMS = 1206
# The project's own real texts (tests/corpus/real, SOURCES.md there).
OWN_BEST = 39
OWN_ITEMS = 39
TEXT_FLOOR = 90   # percent


def run_own(source_root, plenary, run):
    """The project's own texts, scored by the shared run.sh and score.py
    beside them in a corpus of their own."""
    with tempfile.TemporaryDirectory() as home:
        corpus = os.path.join(home, 'corpus')
        os.mkdir(corpus)
        for name in ('run.sh', 'score.py'):
            os.symlink(os.path.join(os.path.dirname(run), name), os.path.join(corpus, name))
        os.symlink(os.path.join(source_root, 'tests', 'corpus', 'real'), os.path.join(corpus, 'real'))
        env = dict(os.environ, PLENARY=plenary, VERBOSE='1', HOME=home,
                   XDG_DATA_HOME=os.path.join(home, 'data'), XDG_CONFIG_HOME=os.path.join(home, 'config'))
        result = subprocess.run(['bash', os.path.join(corpus, 'run.sh')], env=env, capture_output=True, text=True,
                                timeout=600)
    print(result.stdout.replace('real corpus:', 'own corpus:'), end='')
    print(result.stderr, end='', file=sys.stderr)
    m = re.search(r'real corpus: (\d+)/(\d+) structure items right', result.stdout)
    if result.returncode != 0 or not m:
        print('check-corpus: the project\'s own texts could not be scored', file=sys.stderr)
        return None
    return int(m.group(1)), int(m.group(2)), result.stdout


def main(source_root, plenary):
    run = os.path.join(source_root, '..', 'shared', 'corpus', 'run.sh')
    if not os.path.exists(run):
        print(f'check-corpus: the real-resolution corpus is missing: {os.path.normpath(run)} '
              '(it must be beside the checkout, in ../shared/corpus)', file=sys.stderr)
        return 1
    # A home of its own: no phrases of a user (or of another test) count.
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, PLENARY=plenary, VERBOSE='1', HOME=home,
                   XDG_DATA_HOME=os.path.join(home, 'data'), XDG_CONFIG_HOME=os.path.join(home, 'config'))
        result = subprocess.run(['bash', run], env=env, capture_output=True, text=True, timeout=600)
    print(result.stdout, end='')
    print(result.stderr, end='', file=sys.stderr)
    if result.returncode != 0:
        print(f'check-corpus: run.sh failed with status {result.returncode}', file=sys.stderr)
        return 1
    own = run_own(source_root, plenary, run)
    if own is None:
        return 1

    failed = False
    if own[0] < OWN_BEST or own[1] != OWN_ITEMS:
        print(f'check-corpus: the project\'s own texts score {own[0]}/{own[1]}, best so far {OWN_BEST}/{OWN_ITEMS}',
              file=sys.stderr)
        failed = True
    for line in (result.stdout + own[2]).splitlines():
        m = re.match(r'^(\S+)\s+(\d+)/(\d+)\s+(\d+)%', line)
        if m and int(m.group(4)) < TEXT_FLOOR:
            print(f'check-corpus: {m.group(1)} scores {m.group(4)} %, below {TEXT_FLOOR} %', file=sys.stderr)
            failed = True
    m = re.search(r'real corpus: (\d+)/(\d+) structure items right', result.stdout)
    if not m:
        print('check-corpus: no total in the output of run.sh', file=sys.stderr)
        return 1
    ok, total = int(m.group(1)), int(m.group(2))
    print(f'check-corpus: {ok}/{total} = {100 * ok / total:.1f} % (best so far {BEST_TOTAL}/{TOTAL_ITEMS})')
    if ok < BEST_TOTAL:
        print(f'check-corpus: the score fell below the best reached so far ({ok} < {BEST_TOTAL})', file=sys.stderr)
        failed = True
    return 1 if failed else 0


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
