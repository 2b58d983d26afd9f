#!/usr/bin/python3
"""Times Brian2's own speed suite (brian2/tests/features/speed.py), plus the COBA and Brunel
networks of ../coba.py and ../brunel_delta.py, for the side-by-side table (../../run_all.py).

Each case runs in a fresh process on one of two Brian2 targets: C++ standalone on one thread, or
the runtime with Cython code generation. The time reported is Brian2's own measure of the
simulation loop (device._last_run_time), which leaves out code generation and compilation, plus
the whole process's wall time. Without OpenMP standalone's network.cpp measures the loop with
std::clock, the process's CPU time (with OpenMP it would be omp_get_wtime, wall time): so the peer
of this loop time on a shared machine is BrainJ's loop CPU time. The runtime's loop time is wall
time (time.time() around Network.run's loop). Brian2's harness cannot run on Python 3 as shipped
(see ../features/run_brian2_features.py), so this script drives the SpeedTest classes directly.

Usage: /usr/bin/python3 run_brian2_speed.py CASE N [REPEATS] [--target cpp_standalone|cython] [--seed S]
                                          [--build-dir DIR]
  CASE: a class of speed.py (LinearNeuronsOnly, HHNeuronsOnly, CUBAFixedConnectivity,
        COBAHHFixedConnectivity, STDP, VerySparseMediumRateSynapsesOnly, ...), or COBA (N = 4000)
        or BrunelDelta (N = 12500)
Prints one JSON line per repeat: {"case", "n", "target", "loop_s", "process_s", "synapses",
"synapse_bytes", "events"} and the case's check, the value BrainJ's runner
(org.brainj.benchmarks.speed.SpeedSuite) prints too: "rate_hz" (spikes per neuron per second of
the first SpikeMonitor: for STDP the Poisson inputs, for Brunel the first 50 excitatory neurons)
where the case has one, else "mean_w" (events per target) for the SynapsesOnly cases, else
"mean_v" (mV where v is a voltage) of the group. "synapse_bytes" is what Brian2's per-synapse
arrays hold (the sum of their item sizes times the synapses: indices, weights, delays, counts),
not the process's memory; "events" counts on_pre deliveries (a spike once per synapse of its
source).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

CHILD = r'''
import os, sys, warnings
warnings.simplefilter('ignore')
import numpy as np
import brian2
from brian2.tests.features import speed
case, n, target, work, seed = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5])
brian2.prefs.reset_to_defaults()
if target == 'cpp_standalone':
    brian2.set_device('cpp_standalone', build_on_run=False, directory=work)
    brian2.prefs.devices.cpp_standalone.openmp_threads = 0
else:
    brian2.prefs.codegen.target = target
    brian2.prefs.codegen.runtime.cython.cache_dir = os.path.join(os.path.expanduser('~'), '.cython', 'brian_extensions')
brian2.seed(seed)
from brian2.core.magic import collect
captured = []

if hasattr(speed, case):
    def timed_run(self, duration):
        # the objects of the case's run(), to read the check from after the run
        captured.extend(collect(level=1))
        captured.append(duration)
        brian2.run(duration, level=1)

    speed.SpeedTest.timed_run = timed_run
    getattr(speed, case)(n).run()
else:
    # the networks BrainJ's examples share with benchmarks/brian2 (seeded there)
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(sys.argv[6])), '..'))
    module = {'COBA': 'coba', 'BrunelDelta': 'brunel_delta'}[case]
    brian2.defaultclock.dt = 0.1 * brian2.ms
    module = __import__(module)
    net, mon = module.build(seed)
    assert len(mon.source) == n, f'{case} has {len(mon.source)} neurons, not {n}'
    # names in the equations are the module's
    net.run(1 * brian2.second, namespace=vars(module))
    captured.extend(net.objects)
    captured.append(1 * brian2.second)
if target == 'cpp_standalone':
    brian2.device.build(directory=work, compile=True, run=True, with_output=False)
duration = float(captured.pop())
monitors = [o for o in captured if isinstance(o, brian2.SpikeMonitor)]
groups = [o for o in captured if isinstance(o, brian2.NeuronGroup)]
synapses = [o for o in captured if isinstance(o, brian2.Synapses)]
if case == 'BrunelDelta':
    check = ('rate_hz', np.sum(monitors[0].i[:] < 50) / 50 / duration)
elif monitors:
    check = ('rate_hz', monitors[0].num_spikes / len(monitors[0].source) / duration)
elif any('w' in g.variables for g in groups):
    g = next(g for g in groups if 'w' in g.variables)
    check = ('mean_w', float(brian2.mean(g.w[:])))
else:
    v = groups[0].v[:]
    check = ('mean_v', float(brian2.mean(v / brian2.mV if brian2.have_same_dimensions(v, brian2.volt) else v)))


def owned_by(var, s):
    return getattr(var, 'owner', None) is not None and var.owner.name in [s.name] + [p.name for p in s._pathways]


count = 0
item_bytes = 0
events = 0.0
for s in synapses:
    size = len(s)
    count += size
    # a pathway's variables include its synapses' own: each array once
    arrays = {id(v): v for v in list(s.variables.values()) + [v for p in s._pathways for v in p.variables.values()]
              if isinstance(v, brian2.core.variables.DynamicArrayVariable) and v.ndim == 1 and owned_by(v, s)}
    for var in arrays.values():
        if len(var.get_value()) == size:
            item_bytes += np.dtype(var.dtype).itemsize
    source = s.source
    offset = getattr(source, 'start', 0)
    root = getattr(source, 'source', source)
    # a subgroup holds its group through a weak proxy: compare names
    mon = next((m for m in monitors if m.source.name == root.name), None)
    if mon is not None:
        spikes = np.bincount(mon.i[:], minlength=len(root))[offset:offset + len(source)]
        events += float(np.sum(spikes * np.bincount(s.i[:], minlength=len(source))))
    elif check[0] == 'mean_w':
        events += check[1] * n
print(json_line := __import__('json').dumps({'synapses': count, 'synapse_bytes': count * item_bytes, 'events': events,
                                            check[0]: float(check[1])}))
print(brian2.device._last_run_time)
'''


def main():
    args = argparse.ArgumentParser()
    args.add_argument('case')
    args.add_argument('n', type=int)
    args.add_argument('repeats', type=int, nargs='?', default=1)
    args.add_argument('--target', default='cpp_standalone', choices=['cpp_standalone', 'cython'])
    args.add_argument('--seed', type=int, default=1)
    args.add_argument('--build-dir', help="C++ standalone's project folder, kept: a later run recompiles only "
                                         "the files that changed, as Brian2 writes only those (default: a fresh "
                                         "temporary folder, so every run compiles everything)")
    a = args.parse_args()
    for r in range(a.repeats):
        with tempfile.TemporaryDirectory() as temporary:
            work = a.build_dir or temporary
            start = time.time()
            done = subprocess.run([sys.executable, '-c', CHILD, a.case, str(a.n), a.target, work, str(a.seed + r),
                                   os.path.abspath(__file__)], capture_output=True, text=True)
            process = time.time() - start
            if done.returncode != 0:
                sys.stderr.write(done.stderr)
                sys.exit(f'{a.case} {a.n} failed in Brian2 ({a.target})')
            *_, values, loop = done.stdout.strip().splitlines()
            print(json.dumps({'case': a.case, 'n': a.n, 'target': a.target, 'seed': a.seed + r, 'loop_s': float(loop),
                              'process_s': round(process, 2), **json.loads(values)}))


if __name__ == '__main__':
    main()
