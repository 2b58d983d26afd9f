#!/usr/bin/python3
"""Brian2 2.5.1 runs of two synapse models with per-synapse equations, the references of
examples/src/test/java/org/brainj/examples/Brian2SynapsesTest.java:

- gapjunctions: Brian2's example synapses/gapjunctions.py unchanged (10 neurons, all-to-all
  synapses with a (summed) gap current, 500 ms); v of every neuron each step and the spikes.
- nmda: an NMDA synapse with per-synapse kinetics (rise variable x, gate s_nmda) integrated with
  rk4, and a (summed) current with the Jahr & Stevens (1990) magnesium block, from 3 spike
  generators onto 2 leaky integrate-and-fire neurons (euler), 300 ms; v of both neurons and
  s_nmda of every synapse each step, and the spikes.

Usage: /usr/bin/python3 gap_nmda.py OUTDIR
Writes OUTDIR/gapjunctions.json and OUTDIR/nmda.json (times in ms, voltages in mV).
"""
import json
import os
import sys
import warnings
warnings.simplefilter('ignore')
from brian2 import (NeuronGroup, SpikeGeneratorGroup, Synapses, StateMonitor, SpikeMonitor, ms, mV, nS, pF,
                    run, start_scope, prefs, defaultclock, __version__)
import numpy as np

prefs.codegen.target = 'numpy'
out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def save(name, doc):
    doc['brian2'] = __version__
    with open(os.path.join(out, name + '.json'), 'w') as f:
        json.dump(doc, f)


def gapjunctions():
    start_scope()
    n = 10
    v0 = 1.05
    tau = 10*ms
    eqs = '''
    dv/dt = (v0 - v + Igap) / tau : 1
    Igap : 1 # gap junction current
    '''
    neurons = NeuronGroup(n, eqs, threshold='v > 1', reset='v = 0', method='exact')
    neurons.v = 'i * 1.0 / (n-1)'
    trace = StateMonitor(neurons, 'v', record=True)
    spikes = SpikeMonitor(neurons)
    S = Synapses(neurons, neurons, '''
                 w : 1 # gap junction conductance
                 Igap_post = w * (v_pre - v_post) : 1 (summed)
                 ''')
    S.connect()
    S.w = .02
    run(500*ms)
    save('gapjunctions', {'v': trace.v[:].tolist(), 'spike_i': spikes.i[:].tolist(),
                          'spike_t_ms': (spikes.t[:] / ms).tolist()})


def nmda():
    start_scope()
    times = np.array([5, 15, 25, 35, 45, 60, 62, 64, 66, 68, 150, 155, 160, 200, 201, 202]) * 1.0
    sources = np.array([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 0, 1, 2])
    pre = SpikeGeneratorGroup(3, sources, times*ms)
    post = NeuronGroup(2, '''dv/dt = (EL - v) / tau + I_nmda / C : volt
                             I_nmda : amp''',
                       threshold='v > -50*mV', reset='v = -60*mV', method='euler',
                       namespace={'EL': -70*mV, 'tau': 20*ms, 'C': 200*pF})
    post.v = -70*mV
    S = Synapses(pre, post, '''
        ds_nmda/dt = -s_nmda / tau_decay + alpha * x * (1 - s_nmda) : 1 (clock-driven)
        dx/dt = -x / tau_rise : 1 (clock-driven)
        w : 1
        I_nmda_post = g_nmda * w * s_nmda * (E_nmda - v_post) / (1 + Mg * exp(-0.062 * v_post / mV) / 3.57) : amp (summed)
        ''', on_pre='x += 1', method='rk4',
        namespace={'tau_decay': 100*ms, 'tau_rise': 2*ms, 'alpha': 0.5/ms, 'g_nmda': 15*nS, 'E_nmda': 0*mV, 'Mg': 1.0})
    S.connect()
    S.w = '0.5 + 0.25 * i + 0.5 * j'
    v = StateMonitor(post, 'v', record=True)
    s = StateMonitor(S, 's_nmda', record=True)
    spikes = SpikeMonitor(post)
    run(300*ms)
    save('nmda', {'source_i': sources.tolist(), 'source_t_ms': times.tolist(),
                  'syn_i': S.i[:].tolist(), 'syn_j': S.j[:].tolist(), 'w': S.w[:].tolist(),
                  'v_mV': (v.v[:] / mV).tolist(), 's_nmda': s.s_nmda[:].tolist(),
                  'spike_i': spikes.i[:].tolist(), 'spike_t_ms': (spikes.t[:] / ms).tolist()})


gapjunctions()
nmda()
