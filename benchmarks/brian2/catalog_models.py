"""Reference spike times for BrainJ's model catalog (model-bundles/src/main/resources/models),
from Brian2 2.5.1 on the same equations, written here independently in SI units.

Each model runs one neuron per drive value from its file's initial state, at a fine step
(dt = 0.01 ms, rk4 or exponential_euler; forward Euler at 1 us for the exponential models with
adaptation), and the script prints the spike count and the first spike times. Brian2ReferenceTest
(model-bundles) stores these numbers and checks the catalog's models at their own default method
and dt against them. Its output (Brian2 2.5.1 from Debian, numpy target) is
catalog_models.txt:

    /usr/bin/python3 benchmarks/brian2/catalog_models.py > benchmarks/brian2/catalog_models.txt
"""
from brian2 import (NeuronGroup, SpikeMonitor, Network, defaultclock, ms, mV, nA, uS, nF, pA, nS, pF, Mohm, volt,
                    prefs, start_scope)
import numpy as np

prefs.codegen.target = 'numpy'
defaultclock.dt = 0.01 * ms


def run(name, eqs, drives, duration, init, method, threshold, reset=None, refractory=False, namespace=None, dt=None):
    start_scope()
    g = NeuronGroup(len(drives), eqs, threshold=threshold, reset=reset, refractory=refractory, method=method,
                    namespace=namespace, dt=dt)
    for k, v in init.items():
        setattr(g, k, v)
    g.I = drives
    m = SpikeMonitor(g)
    net = Network(g, m)
    net.run(duration)
    trains = m.spike_trains()
    for k, d in enumerate(drives):
        t = np.asarray(trains[k] / ms)
        print('%s I=%s: %d spikes, first %s' % (name, d, len(t), np.round(t[:6], 2).tolist()))


HH_RATES = '''
alpha_m = 0.1/mV * (v + 40*mV) / (1 - exp(-(v + 40*mV) / (10*mV))) / ms : Hz
beta_m = 4 * exp(-(v + 65*mV) / (18*mV)) / ms : Hz
alpha_h = 0.07 * exp(-(v + 65*mV) / (20*mV)) / ms : Hz
beta_h = 1 / (1 + exp(-(v + 35*mV) / (10*mV))) / ms : Hz
alpha_n = 0.01/mV * (v + 55*mV) / (1 - exp(-(v + 55*mV) / (10*mV))) / ms : Hz
beta_n = 0.125 * exp(-(v + 65*mV) / (80*mV)) / ms : Hz
'''

def hh(capacitance, leak_reversal):
    return '''
dv/dt = (-gNa*m**3*h*(v - 50*mV) - gK*n**4*(v + 77*mV) - gL*(v - %s) + I) / (%s) : volt
dm/dt = alpha_m*(1 - m) - beta_m*m : 1
dh/dt = alpha_h*(1 - h) - beta_h*h : 1
dn/dt = alpha_n*(1 - n) - beta_n*n : 1
I : amp
''' % (leak_reversal, capacitance) + HH_RATES


HH_REST = dict(v=-65 * mV, m=0.0529, h=0.5961, n=0.3177)
# BrainPy's HH (gL = 0.03 mS/cm^2) on a 1e-3 cm^2 patch: C = 1 nF, gNa = 120 uS, ...
run('HH', hh('1*nF', '-54.387*mV'), [5 * nA, 6 * nA, 10 * nA], 300 * ms, HH_REST, 'exponential_euler', 'v > 20*mV',
    refractory='v > 20*mV', namespace=dict(gNa=120 * uS, gK=36 * uS, gL=0.03 * uS))
# NEST's hh_psc_alpha: the standard HH on 100 pF
run('hh_psc_alpha', hh('100*pF', '-54.402*mV'), [600 * pA, 700 * pA, 1000 * pA], 300 * ms, HH_REST, 'exponential_euler',
    'v > 0*mV', refractory='v > 0*mV', namespace=dict(gNa=12000 * nS, gK=3600 * nS, gL=30 * nS))

run('WangBuzsakiHH', '''
dv/dt = (-35*uS*m_inf**3*h*(v - 55*mV) - 9*uS*n**4*(v + 90*mV) - 0.1*uS*(v + 65*mV) + I) / (1*nF) : volt
dh/dt = 5 * (alpha_h*(1 - h) - beta_h*h) : 1
dn/dt = 5 * (alpha_n*(1 - n) - beta_n*n) : 1
m_inf = alpha_m / (alpha_m + beta_m) : 1
alpha_m = -0.1/mV * (v + 35*mV) / (exp(-0.1/mV*(v + 35*mV)) - 1) / ms : Hz
beta_m = 4 * exp(-(v + 60*mV) / (18*mV)) / ms : Hz
alpha_h = 0.07 * exp(-(v + 58*mV) / (20*mV)) / ms : Hz
beta_h = 1 / (exp(-0.1/mV*(v + 28*mV)) + 1) / ms : Hz
alpha_n = -0.01/mV * (v + 34*mV) / (exp(-0.1/mV*(v + 34*mV)) - 1) / ms : Hz
beta_n = 0.125 * exp(-(v + 44*mV) / (80*mV)) / ms : Hz
I : amp
''', [0.5 * nA, 1 * nA, 2 * nA], 500 * ms, dict(v=-65 * mV, h=0.6, n=0.32), 'rk4', 'v > 20*mV',
    refractory='v > 20*mV')

run('MorrisLecar', '''
dv/dt = (-4.4*uS*M_inf*(v - 130*mV) - 8*uS*W*(v + 84*mV) - 2*uS*(v + 60*mV) + I) / (20*nF) : volt
dW/dt = 0.04/ms * (W_inf - W) / tau_W : 1
M_inf = 0.5 * (1 + tanh((v + 1.2*mV) / (18*mV))) : 1
W_inf = 0.5 * (1 + tanh((v - 2*mV) / (30*mV))) : 1
tau_W = 1 / cosh((v - 2*mV) / (60*mV)) : 1
I : amp
''', [80 * nA, 90 * nA, 100 * nA, 110 * nA], 1000 * ms, dict(v=-20 * mV, W=0.02), 'rk4', 'v > 10*mV',
    refractory='v > 10*mV')

# dimensionless models: time in ms
run('FHN', '''
dv/dt = (v - v**3/3 - w + I) / ms : 1
dw/dt = (v + 0.7 - 0.8*w) / (12.5*ms) : 1
I : 1
''', [0.3, 0.5, 1.0, 1.5], 1000 * ms, dict(v=-1.2, w=-0.62), 'rk4', 'v > 1.8', refractory='v > 1.8')

run('HindmarshRose', '''
dv/dt = (y - v**3 + 3*v**2 - z + I) / ms : 1
dy/dt = (1 - 5*v**2 - y) / ms : 1
dz/dt = 0.01 * (4*(v + 1.6) - z) / ms : 1
I : 1
''', [1.5, 2.0, 3.0], 2000 * ms, dict(v=-1.6, y=-11.8, z=0), 'rk4', 'v > 1', refractory='v > 1')

# Izhikevich (2003) with his regular spiking, fast spiking and chattering parameters, I = 10
for name, a, c, d in [('Izhikevich RS', 0.02, -65, 8), ('Izhikevich FS', 0.1, -65, 2), ('Izhikevich CH', 0.02, -50, 2)]:
    run(name, '''
dv/dt = (0.04/mV*v**2 + 5*v + 140*mV - u + I*Mohm) / ms : volt
du/dt = a * (0.2*v - u) / ms : volt
I : amp
''', [10 * nA], 300 * ms, dict(v=-65 * mV, u=-13 * mV), 'rk4', 'v >= 30*mV', reset='v = c*mV; u += d*mV',
        namespace=dict(a=a, c=c, d=d, Mohm=Mohm))

# BrainPy's integrate-and-fire family at its defaults (mV, ms, nA into 1 Mohm or 20 Mohm)
EXPIF = dict(V_rest=-65 * mV, V_reset=-68 * mV, V_th=-30 * mV, V_T=-59.9 * mV, delta_T=3.48 * mV, R=1 * Mohm,
             tau=10 * ms)
run('ExpIF', '''
dV/dt = (-(V - V_rest) + delta_T*exp((V - V_T)/delta_T) + R*I) / tau : volt (unless refractory)
I : amp
''', [2 * nA, 5 * nA, 10 * nA], 300 * ms, dict(V=-65 * mV), 'rk4', 'V >= V_th', reset='V = V_reset',
    refractory=1.7 * ms, namespace=EXPIF)

# forward Euler at 1 us, as aeif_cond_exp below: rk4's stages past V_th would carry the exponential's overshoot into w
run('AdExIF', '''
dV/dt = (-(V - V_rest) + delta_T*exp((V - V_T)/delta_T) - R*w + R*I) / tau : volt
dw/dt = (a*(V - V_rest) - w) / tau_w : amp
I : amp
''', [10 * nA, 20 * nA, 30 * nA], 300 * ms, dict(V=-65 * mV, w=0 * nA), 'euler', 'V >= V_th', reset='V = V_reset; w += b',
    dt=0.001 * ms, namespace=dict(EXPIF, a=1 * uS, b=1 * nA, tau_w=30 * ms))

QUAIF = dict(V_rest=-65 * mV, V_reset=-68 * mV, V_th=-30 * mV, V_c=-50 * mV, c=0.07 / mV, R=1 * Mohm, tau=10 * ms)
run('QuaIF', '''
dV/dt = (c*(V - V_rest)*(V - V_c) + R*I) / tau : volt
I : amp
''', [5 * nA, 10 * nA, 20 * nA], 300 * ms, dict(V=-65 * mV), 'rk4', 'V >= V_th', reset='V = V_reset', namespace=QUAIF)

run('AdQuaIF', '''
dV/dt = (c*(V - V_rest)*(V - V_c) - R*w + R*I) / tau : volt
dw/dt = (a*(V - V_rest) - w) / tau_w : amp
I : amp
''', [10 * nA, 20 * nA, 30 * nA], 300 * ms, dict(V=-65 * mV, w=0 * nA), 'rk4', 'V >= V_th', reset='V = V_reset; w += b',
    namespace=dict(QUAIF, a=1 * uS, b=0.1 * nA, tau_w=10 * ms))

# Bellec et al. (2020)'s adaptive threshold, BrainPy's ALIFBellec2020 defaults
run('ALIF', '''
dV/dt = (-(V - V_rest) + R*I) / tau : volt (unless refractory)
da/dt = -a / tau_a : 1
I : amp
''', [15 * nA, 20 * nA, 30 * nA], 500 * ms, dict(V=-70 * mV, a=0), 'exponential_euler', 'V >= V_th + beta*a',
    reset='V -= V_th - V_rest; a += 1', refractory=1 * ms,
    namespace=dict(V_rest=-70 * mV, V_th=-60 * mV, R=1 * Mohm, beta=1.6 * mV, tau=20 * ms, tau_a=2000 * ms))

# Mihalas and Niebur (2009), Table 1 and Fig. 1, under constant input: BrainPy's Gif defaults (R 20 Mohm,
# tau 20 ms, so I in nA is the paper's I_e/C in V/s) with the paper's a, A1, A2 (a in 1/s there)
GIF = '''
dI1/dt = -k1*I1 : amp
dI2/dt = -k2*I2 : amp
dV_th/dt = a*(V - V_rest) - b*(V_th - V_th_inf) : volt
dV/dt = (-(V - V_rest) + R*(I1 + I2 + I)) / tau : volt
I : amp
'''
GIF_RESET = 'I1 = R1*I1 + A1; I2 = R2*I2 + A2; V_th = clip(V_th, V_th_reset, 1*volt); V = V_reset'
for pattern, varied, drive in [('tonic spiking', (0, 0, 0), 1.5), ('spike frequency adaptation', (0.005, 0, 0), 2),
                               ('phasic spiking', (0.005, 0, 0), 1.5), ('tonic bursting', (0.005, 10, -0.6), 2),
                               ('phasic bursting', (0.005, 10, -0.6), 1.5), ('mixed mode', (0.005, 5, -0.3), 2)]:
    run('GIF %s a=%s A1=%s A2=%s' % ((pattern,) + varied), GIF, [drive * nA], 500 * ms,
        dict(V=-70 * mV, V_th=-50 * mV, I1=0 * nA, I2=0 * nA), 'rk4', 'V >= V_th', reset=GIF_RESET,
        namespace=dict(V_rest=-70 * mV, V_reset=-70 * mV, V_th_inf=-50 * mV, V_th_reset=-60 * mV, R=20 * Mohm,
                       tau=20 * ms, a=varied[0] / ms, b=0.01 / ms, k1=0.2 / ms, k2=0.02 / ms, R1=0, R2=1,
                       A1=varied[1] * nA, A2=varied[2] * nA))

# NEST's aeif_cond_exp (no synaptic input) with Brette and Gerstner (2005)'s parameter sets, as Brian2's
# examples/frompapers/Brette_Gerstner_2005.py gives them: regular (adapting) spiking, bursting, fast spiking.
# Forward Euler at 1 us: from a step below V_peak = 0 mV the exponential overshoots by far, and rk4's
# intermediate stages would carry that into w.
for pattern, adaptation in [('regular spiking', (144 * ms, 4 * nS, 0.0805 * nA, -70.6 * mV)),
                            ('bursting', (20 * ms, 4 * nS, 0.5 * nA, -45.4 * mV)),
                            ('fast spiking', (144 * ms, 2 * 281 * pF / (144 * ms), 0 * nA, -70.6 * mV))]:
    run('aeif_cond_exp %s tau_w=%s a=%s b=%s V_reset=%s' % ((pattern,) + adaptation), '''
dV_m/dt = (-g_L*(V_m - E_L) + g_L*Delta_T*exp((V_m - V_th)/Delta_T) - w + I) / C_m : volt
dw/dt = (a*(V_m - E_L) - w) / tau_w : amp
I : amp
''', [1 * nA], 300 * ms, dict(V_m=-70.6 * mV, w=0 * pA), 'euler', 'V_m >= V_peak', reset='V_m = V_reset; w += b',
        dt=0.001 * ms, namespace=dict(C_m=281 * pF, g_L=30 * nS, E_L=-70.6 * mV, Delta_T=2 * mV, V_th=-50.4 * mV,
                                      V_peak=0 * mV, tau_w=adaptation[0], a=adaptation[1], b=adaptation[2],
                                      V_reset=adaptation[3]))
