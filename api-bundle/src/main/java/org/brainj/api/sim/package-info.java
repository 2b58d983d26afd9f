/**
 * The simulation runtime: neuron groups, projections with delays, inputs, monitors and
 * networks that run their loop inside a {@link org.brainj.api.tensor.Backend}.
 *
 * <p>Time: the runtime never converts units. Durations, {@code dt}, delays and refractory
 * periods are in the time unit the models' equations use (ms for BrainPy-style unitless
 * models). Step {@code k} advances the state from {@code t_k = k dt} to {@code t_(k+1)}; a spike
 * emitted by that update carries time index {@code k + 1} (NEST's convention: the end of the
 * step in which the threshold was crossed), and with delay {@code D dt} it is delivered in the
 * spike delivery phase of step {@code k + 1 + D}, that is at time {@code t_spike + D dt}.
 * State monitors record, after step {@code k}, the state at {@code t_(k+1)}.
 */
@Export
@Version("0.2.0")
package org.brainj.api.sim;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
