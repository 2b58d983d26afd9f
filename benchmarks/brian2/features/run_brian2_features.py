#!/usr/bin/python3
"""Runs Brian2's own feature tests (brian2/tests/features) and writes their results as the
reference BrainJ's specs are compared with.

Brian2 2.5.1's harness (base.py) cannot run on Python 3 as shipped: the code it runs in a child
process still has Python 2's `except Exception, ex:`. So this script does what the harness does
for one configuration (run(), then results() in a fresh process per test, runtime device, the
default code generation target) without that template. The tests themselves run unchanged, except
SynapsesSTDP, whose `numpy.random.random_integers` and `Synapses(pre=, post=)` are deprecated:
they still run on NumPy 1.24 and Brian2 2.5.1, and warnings are silenced as the harness does.

Usage: /usr/bin/python3 run_brian2_features.py OUTDIR [TestName ...]
Writes OUTDIR/<TestName>.json: {"test": ..., "brian2": version, "results": ...} where results
is what the test's results() returns (arrays as lists; dicts of arrays kept as dicts; times in
seconds, voltages in volts, as Brian2's [:] gives them without units).
"""
import json
import os
import subprocess
import sys

TESTS = {
    'NeuronGroupIntegrationLinear': 'neurongroup',
    'NeuronGroupIntegrationEuler': 'neurongroup',
    'NeuronGroupLIF': 'neurongroup',
    'NeuronGroupLIFRefractory': 'neurongroup',
    'SynapsesPre': 'synapses',
    'SynapsesPost': 'synapses',
    'SynapsesSTDP': 'synapses',
    'SpikeMonitorTest': 'monitors',
    'StateMonitorTest': 'monitors',
    'SpikeGeneratorGroupTest': 'input',
}

CHILD = r'''
import json, sys, warnings
warnings.simplefilter('ignore')
import numpy, brian2
brian2.prefs.reset_to_defaults()
brian2.set_device('runtime')
from brian2.tests.features.{module} import {name} as Feature
feature = Feature()
feature.run()
res = feature.results()

def plain(x):
    if isinstance(x, dict):
        return {{k: plain(v) for k, v in x.items()}}
    if isinstance(x, (tuple, list)):
        return [plain(v) for v in x]
    return numpy.asarray(x, dtype=float).tolist()

with open(sys.argv[1], 'w') as f:
    json.dump({{"test": "{name}", "brian2": brian2.__version__, "results": plain(res)}}, f)
'''


def main():
    out = sys.argv[1]
    names = sys.argv[2:] or list(TESTS)
    os.makedirs(out, exist_ok=True)
    for name in names:
        code = CHILD.format(module=TESTS[name], name=name)
        # the child writes the file itself: a test's own progress report goes to stdout
        done = subprocess.run([sys.executable, '-c', code, os.path.join(out, name + '.json')],
                              capture_output=True, text=True)
        if done.returncode != 0:
            sys.stderr.write(done.stderr)
            sys.exit(f'{name} failed in Brian2')
        print(name, 'written')
    if 'SynapsesSTDP' in names:
        write_stdp_inputs(out)


def write_stdp_inputs(out):
    """The random inputs of SynapsesSTDP, drawn as its run() draws them (seed 42, same calls in
    the same order), as .npy files a BrainJ spec reads: connectivity weights (fac * randn, row-major
    i*100 + j as Brian2's all-to-all connect orders synapses), the generator's indices and times
    (ms) and the initial voltages (mV)."""
    import warnings
    import numpy
    warnings.simplefilter('ignore')
    n_cells = 100
    numpy.random.seed(42)
    fac = 60 * 0.27 / 10
    connectivity = numpy.random.randn(n_cells, n_cells)
    sources = numpy.random.random_integers(0, n_cells - 1, 10 * n_cells)
    times = numpy.random.choice(numpy.arange(10 * n_cells), 10 * n_cells, replace=False) * 1.0
    vr, vt = -60.0, -50.0
    v_init = vr + numpy.random.rand(n_cells) * (vt - vr)
    numpy.save(os.path.join(out, 'stdp_w.npy'), fac * connectivity.flatten())
    numpy.save(os.path.join(out, 'stdp_sources.npy'), sources.astype(numpy.int32))
    numpy.save(os.path.join(out, 'stdp_times_ms.npy'), times)
    numpy.save(os.path.join(out, 'stdp_v_init_mV.npy'), v_init)
    print('SynapsesSTDP inputs written')


if __name__ == '__main__':
    main()
