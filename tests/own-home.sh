#!/bin/sh
# Runs one test with a HOME and XDG folders of its own: tests run side by side,
# and one test's phrases, templates, settings or recovery copies must never
# reach another. The folder is removed when the test passes and kept for
# inspection when it fails.
# Benchmarks run through it too, without the tests' environment.
root=${PLENARY_TEST_HOME_ROOT:-${TMPDIR:-/tmp}/plenary-test-homes}
mkdir -p "$root" || exit 1
home=$(mktemp -d "$root/test.XXXXXX") || exit 1
mkdir -p "$home/config" "$home/data" "$home/cache" "$home/state" || exit 1
export HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
       XDG_CACHE_HOME="$home/cache" XDG_STATE_HOME="$home/state"
"$@"
status=$?
[ "$status" -eq 0 ] && rm -rf "$home"
exit "$status"
