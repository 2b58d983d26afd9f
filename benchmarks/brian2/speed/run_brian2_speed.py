#!/usr/bin/python3
"""Times Brian2's own speed suite (brian2/tests/features/speed.py) for the side-by-side table.

Each case runs in a fresh process with C++ standalone on one thread (the peer BrainJ's loop is
compared with); the time reported is Brian2's own measure of the simulation loop
(device._last_run_time), which leaves out code generation and compilation, plus the whole
process's wall time. Brian2's harness cannot run on Python 3 as shipped (see
../features/run_brian2_features.py), so this script drives the SpeedTest classes directly.

Usage: /usr/bin/python3 run_brian2_speed.py CASE N [REPEATS]
  CASE: a class of speed.py (LinearNeuronsOnly, HHNeuronsOnly, CUBAFixedConnectivity,
        COBAHHFixedConnectivity, STDP, VerySparseMediumRateSynapsesOnly, ...)
Prints one JSON line per repeat: {"case", "n", "loop_s", "process_s"}.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

CHILD = r'''
import sys, warnings
warnings.simplefilter('ignore')
import brian2
from brian2.tests.features import speed
brian2.prefs.reset_to_defaults()
brian2.set_device('cpp_standalone', build_on_run=False, directory=sys.argv[3])
brian2.prefs.devices.cpp_standalone.openmp_threads = 0
test = getattr(speed, sys.argv[1])(int(sys.argv[2]))
test.run()
brian2.device.build(directory=sys.argv[3], compile=True, run=True, with_output=False)
print(brian2.device._last_run_time)
'''


def main():
    case, n = sys.argv[1], int(sys.argv[2])
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as work:
            start = time.time()
            done = subprocess.run([sys.executable, '-c', CHILD, case, str(n), work],
                                  capture_output=True, text=True)
            process = time.time() - start
            if done.returncode != 0:
                sys.stderr.write(done.stderr)
                sys.exit(f'{case} {n} failed in Brian2')
            loop = float(done.stdout.strip().splitlines()[-1])
            print(json.dumps({'case': case, 'n': n, 'loop_s': loop, 'process_s': round(process, 2)}))


if __name__ == '__main__':
    main()
