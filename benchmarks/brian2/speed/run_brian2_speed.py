#!/usr/bin/python3
"""Times Brian2's own speed suite (brian2/tests/features/speed.py) for the side-by-side table.

Each case runs in a fresh process with C++ standalone on one thread (the peer BrainJ's loop is
compared with); the time reported is Brian2's own measure of the simulation loop
(device._last_run_time), which leaves out code generation and compilation, plus the whole
process's wall time. Without OpenMP Brian2's network.cpp measures the loop with std::clock, the
process's CPU time (with OpenMP it would be omp_get_wtime, wall time): so the peer of this loop
time on a shared machine is BrainJ's loop CPU time, not its wall time. Brian2's harness cannot run on Python 3 as shipped (see
../features/run_brian2_features.py), so this script drives the SpeedTest classes directly.

Usage: /usr/bin/python3 run_brian2_speed.py CASE N [REPEATS]
  CASE: a class of speed.py (LinearNeuronsOnly, HHNeuronsOnly, CUBAFixedConnectivity,
        COBAHHFixedConnectivity, STDP, VerySparseMediumRateSynapsesOnly, ...)
Prints one JSON line per repeat: {"case", "n", "loop_s", "process_s"} and the case's check, the
value BrainJ's runner (org.brainj.benchmarks.speed.SpeedSuite) prints too: "rate_hz" (spikes
per neuron per second) where the case has a SpikeMonitor, else "mean_w" (events per target) for
the SynapsesOnly cases, else "mean_v" (mV where v is a voltage) of the group.
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
from brian2.core.magic import collect
captured = []

def timed_run(self, duration):
    # the objects of the case's run(), to read the check from after the run
    captured.extend(collect(level=1))
    captured.append(duration)
    brian2.run(duration, level=1)

speed.SpeedTest.timed_run = timed_run
test = getattr(speed, sys.argv[1])(int(sys.argv[2]))
test.run()
brian2.device.build(directory=sys.argv[3], compile=True, run=True, with_output=False)
duration = float(captured.pop())
monitors = [o for o in captured if isinstance(o, brian2.SpikeMonitor)]
groups = [o for o in captured if isinstance(o, brian2.NeuronGroup)]
if monitors:
    check = ('rate_hz', monitors[0].num_spikes / len(monitors[0].source) / duration)
elif any('w' in g.variables for g in groups):
    g = next(g for g in groups if 'w' in g.variables)
    check = ('mean_w', float(brian2.mean(g.w[:])))
else:
    v = groups[0].v[:]
    check = ('mean_v', float(brian2.mean(v / brian2.mV if brian2.have_same_dimensions(v, brian2.volt) else v)))
print(check[0], check[1])
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
            *_, check, loop = done.stdout.strip().splitlines()
            name, value = check.split()
            print(json.dumps({'case': case, 'n': n, 'loop_s': float(loop), 'process_s': round(process, 2),
                              name: float(value)}))


if __name__ == '__main__':
    main()
