"""The COBA E/I network of issue 5 (Brian2's benchmark model) in Brian2, for BrainJ's side-by-side numbers.

Usage: /usr/bin/python3 coba.py [--standalone] [--seeds 1 2 3] [--duration 1.0]
Prints, per seed, the excitatory and inhibitory mean rates (Hz) and the simulation-loop time:
in C++ standalone mode the loop time Brian2 measures itself
(the network.run loop timed inside the generated main.cpp, read back as device._last_run_time).
"""
import argparse
import os
import shutil
import tempfile
import time

from brian2 import (NeuronGroup, Synapses, SpikeMonitor, Network, defaultclock, device, set_device,
                    ms, mV, second, seed as brian_seed, prefs)

eqs = '''
dv/dt  = (ge*(Ee-v) + gi*(Ei-v) - (v-El) + I) / taum : volt (unless refractory)
dge/dt = -ge / taue : 1
dgi/dt = -gi / taui : 1
'''
ns = dict(Ee=0 * mV, Ei=-80 * mV, El=-60 * mV, I=20 * mV, taum=20 * ms, taue=5 * ms, taui=10 * ms)


def build(s):
    brian_seed(s)
    P = NeuronGroup(4000, eqs, threshold='v > -50*mV', reset='v = -60*mV', refractory=5 * ms,
                    method='euler', namespace=ns)
    P.v = '-55*mV + 5*mV*randn()'
    Ce = Synapses(P[:3200], P, on_pre='ge += 0.6')
    Ci = Synapses(P[3200:], P, on_pre='gi += 6.7')
    Ce.connect(p=0.02)
    Ci.connect(p=0.02)
    mon = SpikeMonitor(P)
    return Network(P, Ce, Ci, mon), mon


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--standalone', action='store_true')
    p.add_argument('--seeds', type=int, nargs='+', default=[1])
    p.add_argument('--duration', type=float, default=1.0)
    args = p.parse_args()
    for s in args.seeds:
        defaultclock.dt = 0.1 * ms
        if args.standalone:
            out = tempfile.mkdtemp(prefix='brian_coba_')
            set_device('cpp_standalone', directory=out, build_on_run=False)
            net, mon = build(s)
            net.run(args.duration * second)
            t0 = time.perf_counter()
            device.build(directory=out, compile=True, run=True, debug=False)
            wall = time.perf_counter() - t0
            # Brian2's own measure of the simulation loop (main.cpp times network.run)
            loop = device._last_run_time  # the network.run loop, timed inside main.cpp
        else:
            net, mon = build(s)
            t0 = time.perf_counter()
            net.run(args.duration * second)
            wall = time.perf_counter() - t0
            loop = wall
        i = mon.i[:]
        e_rate = (i < 3200).sum() / 3200 / args.duration
        i_rate = (i >= 3200).sum() / 800 / args.duration
        print(f'seed {s}: E {e_rate:.2f} Hz, I {i_rate:.2f} Hz, loop {loop:.3f} s (wall incl. build {wall:.2f} s)')
        if args.standalone:
            device.reinit()
            device.activate()
            shutil.rmtree(out, ignore_errors=True)


if __name__ == '__main__':
    main()
