"""The COBA E/I network of issue 5 (Brian2's benchmark model) in Brian2, for BrainJ's side-by-side numbers.

Usage: /usr/bin/python3 coba.py [--standalone] [--seeds 1 2 3] [--duration 1.0]
Prints, per seed, the excitatory and inhibitory mean rates (Hz) and the simulation-loop time:
in C++ standalone mode the loop time Brian2 measures itself
(the network.run loop timed inside the generated main.cpp, read back as device._last_run_time).
"""
from brian2 import NeuronGroup, Synapses, SpikeMonitor, Network, ms, mV, seed as brian_seed

import seeds

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
    args = seeds.arguments()
    for s in args.seeds:
        i, loop, wall = seeds.run(build, s, args.duration, args.standalone, 'brian_coba_')
        e_rate = (i < 3200).sum() / 3200 / args.duration
        i_rate = (i >= 3200).sum() / 800 / args.duration
        print(f'seed {s}: E {e_rate:.2f} Hz, I {i_rate:.2f} Hz, loop {loop:.3f} s (wall incl. build {wall:.2f} s)')


if __name__ == '__main__':
    main()
