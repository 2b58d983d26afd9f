#!/usr/bin/python3
"""Brian2's example synapses/STDP (Song, Miller & Abbott 2000), run for several seeds; writes the
final weights of each run, the reference examples/stdp_song.yaml is compared with
(two-sample Kolmogorov-Smirnov: launcher's StdpSongIT at 100 s, StdpSongTest at 10 s).

The model is the example's, unchanged, except that v starts at vr (the example leaves it at 0 V,
which only adds one spike at t = 0) and the device is cpp_standalone (the same equations, only
faster than the runtime device).

Usage: /usr/bin/python3 stdp_song.py OUTDIR [duration_s] [seed ...]
Writes OUTDIR/stdp_song_<duration>s_w_seed<k>.npy: float64, the 1000 final weights divided by gmax.
"""
import os
import sys
import numpy as np
from brian2 import (PoissonGroup, NeuronGroup, Synapses, ms, mV, Hz, second, run, seed, set_device,
                    device, prefs)

out = sys.argv[1]
duration = float(sys.argv[2]) if len(sys.argv) > 2 else 100.0
seeds = [int(s) for s in sys.argv[3:]] or [1, 2, 3, 4, 5]
os.makedirs(out, exist_ok=True)

for k in seeds:
    set_device('cpp_standalone', directory=os.path.join('/tmp', 'brian2_stdp_song_%d' % k), build_on_run=True)
    device.reinit()
    device.activate(directory=os.path.join('/tmp', 'brian2_stdp_song_%d' % k), build_on_run=True)
    seed(k)
    N = 1000
    taum = 10*ms
    taupre = 20*ms
    taupost = taupre
    Ee = 0*mV
    vt = -54*mV
    vr = -60*mV
    El = -74*mV
    taue = 5*ms
    F = 15*Hz
    gmax = .01
    dApre = .01
    dApost = -dApre * taupre / taupost * 1.05
    dApost *= gmax
    dApre *= gmax

    eqs_neurons = '''
    dv/dt = (ge * (Ee-v) + El - v) / taum : volt
    dge/dt = -ge / taue : 1
    '''
    poisson_input = PoissonGroup(N, rates=F)
    neurons = NeuronGroup(1, eqs_neurons, threshold='v>vt', reset='v = vr', method='euler')
    neurons.v = vr
    S = Synapses(poisson_input, neurons,
                 '''w : 1
                    dApre/dt = -Apre / taupre : 1 (event-driven)
                    dApost/dt = -Apost / taupost : 1 (event-driven)''',
                 on_pre='''ge += w
                        Apre += dApre
                        w = clip(w + Apost, 0, gmax)''',
                 on_post='''Apost += dApost
                         w = clip(w + Apre, 0, gmax)''')
    S.connect()
    S.w = 'rand() * gmax'
    run(duration*second)
    w = np.asarray(S.w[:], dtype=np.float64) / gmax
    np.save(os.path.join(out, 'stdp_song_%gs_w_seed%d.npy' % (duration, k)), w)
    print('seed %d: %d weights, fraction < 0.1 gmax %.3f, > 0.9 gmax %.3f'
          % (k, len(w), np.mean(w < 0.1), np.mean(w > 0.9)))
