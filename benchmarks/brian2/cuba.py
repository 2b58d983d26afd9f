"""The CUBA network of Brian2's examples (Vogels & Abbott 2005, as in Brette et al. 2007), in Brian2.

Usage: /usr/bin/python3 cuba.py [--standalone] [--seeds 1 2 3] [--duration 1.0]
4000 LIF neurons (first 3200 excitatory), dv/dt = (ge + gi - (v - El)) / taum, current-based
exponential synapses (5 ms, 10 ms), we = 60*0.27/10 mV, wi = -20*4.5/10 mV, p = 0.02,
v0 uniform in [Vr, Vt], dt = 0.1 ms, exact integration of the linear equations.
Prints the mean rates (Hz) of both populations and the loop time.
"""
import seeds
from brian2 import (NeuronGroup, Synapses, SpikeMonitor, Network, ms, mV, seed as brian_seed)

args = seeds.arguments()

eqs = '''
dv/dt  = (ge + gi - (v - El)) / taum : volt (unless refractory)
dge/dt = -ge / taue : volt
dgi/dt = -gi / taui : volt
'''
ns = dict(taum=20 * ms, taue=5 * ms, taui=10 * ms, Vt=-50 * mV, Vr=-60 * mV, El=-49 * mV)


def build(s):
    brian_seed(s)
    P = NeuronGroup(4000, eqs, threshold='v > Vt', reset='v = Vr', refractory=5 * ms, method='exact', namespace=ns)
    P.v = 'Vr + rand() * (Vt - Vr)'
    we = (60 * 0.27 / 10) * mV
    wi = (-20 * 4.5 / 10) * mV
    Ce = Synapses(P[:3200], P, on_pre='ge += we', namespace=dict(we=we))
    Ci = Synapses(P[3200:], P, on_pre='gi += wi', namespace=dict(wi=wi))
    Ce.connect(p=0.02)
    Ci.connect(p=0.02)
    mon = SpikeMonitor(P)
    return Network(P, Ce, Ci, mon), mon


for s in args.seeds:
    i, loop, _ = seeds.run(build, s, args.duration, args.standalone, 'brian_cuba_')
    print(f'seed {s}: E {(i < 3200).sum() / 3200 / args.duration:.2f} Hz, '
          f'I {(i >= 3200).sum() / 800 / args.duration:.2f} Hz, loop {loop:.3f} s')
