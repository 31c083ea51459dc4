#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start-up, side by side: the time from starting the program on a seed text
until its window shows that text's name, for Plenary and for GNOME Text
Editor on the same seed, in alternating runs on the same X display (run it
under Xvfb: tools/dev bench does). Reports the medians and their ratio; the
goal is Plenary at 0.8 x GNOME Text Editor's time or less. The CPU time each
process used until then is given too: on a machine busy with other work the
wall times say more about the other work than about either program.

usage: bench-startup.py PLENARY SEED [RUNS]"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

PLENARY, SEED = sys.argv[1], sys.argv[2]
RUNS = int(sys.argv[3]) if len(sys.argv) > 3 else 21


def window_named(pattern):
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", pattern],
                           capture_output=True, text=True)
    return found.returncode == 0 and found.stdout.strip() != ""


def time_start(argv, pattern, env):
    # A busy Xvfb sometimes refuses a connection ("cannot open display"):
    # such a run is started again, after a pause that lets it catch up
    # (four refusals in a row once made the whole comparison fail).
    for attempt in range(3):
        try:
            return time_one_start(argv, pattern, env)
        except DisplayRefused:
            time.sleep(1 + attempt)
    return time_one_start(argv, pattern, env)


class DisplayRefused(Exception):
    pass


def cpu_seconds(pid):
    """User and system time of PID and all its threads so far."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def time_one_start(argv, pattern, env):
    """Seconds from exec until a visible window's title matches PATTERN, and
    the CPU seconds the process used until then."""
    while window_named(pattern):
        time.sleep(0.05)
    log = tempfile.TemporaryFile()
    start = time.monotonic()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=log)
    try:
        while not window_named(pattern):
            if process.poll() is not None:
                log.seek(0)
                message = log.read().decode(errors="replace")
                if "cannot open display" in message:
                    raise DisplayRefused()
                raise RuntimeError(f"{argv[0]} exited with {process.returncode} before its window showed:\n"
                                   + message)
            if time.monotonic() - start > 60:
                raise RuntimeError(f"{argv[0]}: no window after 60 s")
            time.sleep(0.005)
        return time.monotonic() - start, cpu_seconds(process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main():
    editor = shutil.which("gnome-text-editor")
    if editor is None:
        print("gnome-text-editor is not installed (tools/dev bench installs it): nothing to compare")
        return 77

    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as home:
        seed = os.path.join(home, "seed.txt")
        shutil.copyfile(SEED, seed)
        # Accessibility off for both: the bus it starts costs the same to
        # each and only adds noise.
        base = dict(os.environ, HOME=home, LANGUAGE="en", GSETTINGS_BACKEND="memory", GTK_A11Y="none",
                    XDG_CONFIG_HOME=os.path.join(home, "config"),
                    XDG_DATA_HOME=os.path.join(home, "data"),
                    XDG_CACHE_HOME=os.path.join(home, "cache"),
                    XDG_STATE_HOME=os.path.join(home, "state"))
        # One session bus, as on a desktop: both are GApplications.
        bus = subprocess.run(["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1"],
                             capture_output=True, text=True, check=True).stdout.split()
        base["DBUS_SESSION_BUS_ADDRESS"] = bus[0]
        plenary_argv = [PLENARY, seed]
        editor_argv = [editor, "--standalone", seed]

        # A first run of each fills the caches (fonts, icons, shaders).
        time_start(plenary_argv, "^seed", base)
        time_start(editor_argv, "^seed", base)

        plenary, other = [], []
        try:
            for _ in range(RUNS):
                plenary.append(time_start(plenary_argv, "^seed", base))
                other.append(time_start(editor_argv, "^seed", base))
        finally:
            os.kill(int(bus[1]), 15)

    p, e = statistics.median(w for w, _ in plenary), statistics.median(w for w, _ in other)
    pc, ec = statistics.median(c for _, c in plenary), statistics.median(c for _, c in other)
    print(f"start-up until the window shows the seed, median of {RUNS} alternating runs")
    print(f"  Plenary             {p * 1000:7.0f} ms  (min {min(w for w, _ in plenary) * 1000:.0f}, "
          f"max {max(w for w, _ in plenary) * 1000:.0f}), CPU {pc * 1000:.0f} ms")
    print(f"  GNOME Text Editor   {e * 1000:7.0f} ms  (min {min(w for w, _ in other) * 1000:.0f}, "
          f"max {max(w for w, _ in other) * 1000:.0f}), CPU {ec * 1000:.0f} ms")
    print(f"  ratio               {p / e:7.2f} x  (goal: 0.80 or less)")
    print(f"  ratio of CPU times  {pc / ec:7.2f} x")
    with open("/proc/loadavg") as f:
        print(f"  load average        {f.read().split()[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
