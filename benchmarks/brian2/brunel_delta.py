"""Brunel (2000) delta-synapse network as NEST's brunel_delta_nest.py builds it, in Brian2.

Usage: /usr/bin/python3 brunel_delta.py [--standalone] [--seeds 1 2] [--duration 1.0]
12,500 iaf_psc_delta neurons (10,000 E, 2,500 I), fixed in-degree 1000 (E) + 250 (I) with
multapses, J = 0.1 mV, g = 5, eta = 2, delay 1.5 ms, V_th = 20 mV, V_reset = 0, t_ref = 2 ms,
tau_m = 20 ms, dt = 0.1 ms; each neuron gets its own Poisson drive of rate
eta * nu_th * C_E (nu_th = theta / (J C_E tau_m)); input arriving while refractory is dropped,
as in NEST. Prints the mean rates of the first 50 E and 50 I neurons (NEST's N_rec) and of all.
"""
import numpy as np
from brian2 import NeuronGroup, Synapses, SpikeMonitor, PoissonInput, Network, ms, mV, Hz, seed as brian_seed

import seeds

NE, NI = 10000, 2500
CE, CI = 1000, 250
J, g, eta = 0.1 * mV, 5.0, 2.0
theta, tau, tref, delay = 20 * mV, 20 * ms, 2 * ms, 1.5 * ms
nu_th = theta / (J * CE * tau)
nu_ex = eta * nu_th


def build(s):
    brian_seed(s)
    rng = np.random.default_rng(s)
    P = NeuronGroup(NE + NI, 'dv/dt = -v/tau : volt (unless refractory)', threshold='v >= theta',
                    reset='v = 0*mV', refractory=tref, method='exact')
    P.v = 0 * mV
    post = np.repeat(np.arange(NE + NI), CE)
    Se = Synapses(P[:NE], P, on_pre='v_post += J*int(not_refractory_post)', delay=delay)
    Se.connect(i=rng.integers(0, NE, size=post.size), j=post)
    post_i = np.repeat(np.arange(NE + NI), CI)
    Si = Synapses(P[NE:], P, on_pre='v_post += -g*J*int(not_refractory_post)', delay=delay)
    Si.connect(i=rng.integers(0, NI, size=post_i.size), j=post_i)
    drive = PoissonInput(P, 'v', N=CE, rate=nu_ex, weight='J*int(not_refractory)')
    mon = SpikeMonitor(P)
    return Network(P, Se, Si, drive, mon), mon


def main():
    args = seeds.arguments()
    for s in args.seeds:
        i, loop, _ = seeds.run(build, s, args.duration, args.standalone, 'brian_brunel_')
        rate = lambda sel, n: sel.sum() / n / args.duration
        print(f'seed {s}: E[:50] {rate(i < 50, 50):.2f} Hz, I[:50] {rate((i >= NE) & (i < NE + 50), 50):.2f} Hz, '
              f'all E {rate(i < NE, NE):.2f} Hz, all I {rate(i >= NE, NI):.2f} Hz, loop {loop:.3f} s')


if __name__ == '__main__':
    main()
