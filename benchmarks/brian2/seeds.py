"""The loop the network scripts here share: build one network per seed, run it on Brian2's Cython
runtime or as C++ standalone, and take the loop time as each measures it (standalone: Brian2's own
`device._last_run_time`, the network.run loop timed inside main.cpp; runtime: wall time of run)."""
import argparse
import shutil
import tempfile
import time

from brian2 import defaultclock, device, set_device, ms, second


def arguments():
    """The options every script takes: --standalone, --seeds, --duration (s)."""
    p = argparse.ArgumentParser()
    p.add_argument('--standalone', action='store_true')
    p.add_argument('--seeds', type=int, nargs='+', default=[1])
    p.add_argument('--duration', type=float, default=1.0)
    return p.parse_args()


def run(build, seed, duration, standalone, prefix):
    """Builds `build(seed)` (a network and its spike monitor), runs it for `duration` seconds at
    dt = 0.1 ms, and returns the spiking indices, the loop time and the wall time including a
    standalone build."""
    defaultclock.dt = 0.1 * ms
    if not standalone:
        net, mon = build(seed)
        t0 = time.perf_counter()
        net.run(duration * second, level=1)  # names resolve in the calling script, as if it ran the network
        wall = time.perf_counter() - t0
        return mon.i[:], wall, wall
    out = tempfile.mkdtemp(prefix=prefix)
    set_device('cpp_standalone', directory=out, build_on_run=False)
    net, mon = build(seed)
    net.run(duration * second, level=1)  # names resolve in the calling script, as if it ran the network
    t0 = time.perf_counter()
    device.build(directory=out, compile=True, run=True, debug=False)
    wall = time.perf_counter() - t0
    result = mon.i[:], device._last_run_time, wall
    device.reinit()
    device.activate()
    shutil.rmtree(out, ignore_errors=True)
    return result
