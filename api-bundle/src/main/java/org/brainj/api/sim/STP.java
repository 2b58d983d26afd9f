package org.brainj.api.sim;

/**
 * Tsodyks-Markram short-term plasticity of a projection (the reference's {@code STP}): each
 * pre-synaptic neuron has a utilisation {@code u} and a fraction of available resources
 * {@code x}, with {@code du/dt = -u / tau_f} and {@code dx/dt = (1 - x) / tau_d} between spikes.
 * A spike arriving at the terminals first raises {@code u} by {@code U (1 - u)}, then releases
 * {@code u x} of the resources, which scales its weight, and {@code x} loses what was released.
 * With the parameters shared by the projection, {@code u} and {@code x} depend on the
 * pre-synaptic spike train alone, so they are held per pre-synaptic neuron, not per synapse
 * (as BrainPy's pre-aligned STP). They start at {@code u = 0}, {@code x = 1}.
 *
 * @param U    the utilisation increment, in (0, 1]
 * @param tauF the facilitation time constant
 * @param tauD the depression (recovery) time constant
 */
public record STP(double U, double tauF, double tauD) {
    public STP {
        if (!(U > 0 && U <= 1)) {
            throw new SimulationException("STP: U = " + U + " must be in (0, 1]");
        }
        if (!(tauF > 0) || !(tauD > 0)) {
            throw new SimulationException("STP: tau_f = " + tauF + " and tau_d = " + tauD + " must both be > 0");
        }
    }

    /** The reference's defaults: U = 0.15, tau_f = 1500 ms, tau_d = 200 ms. */
    public static STP defaults() {
        return new STP(0.15, 1500, 200);
    }
}
