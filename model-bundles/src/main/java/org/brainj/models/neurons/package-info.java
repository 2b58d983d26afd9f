/**
 * The neuron models of the reference, as equations (BrainPy's unitless convention: ms, mV).
 * Each offers an {@code input} variable (what inputs write, cleared after every step) and the
 * synaptic current symbol {@code I_syn} that projections' outputs drive.
 */
@Export
@Version("0.1.0")
package org.brainj.models.neurons;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
