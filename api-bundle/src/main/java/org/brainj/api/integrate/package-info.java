/**
 * Numerical integrators for ODEs and SDEs by the reference's method names.
 *
 * <p>Each scheme is written once over an {@link org.brainj.api.integrate.Arithmetic}: in
 * numbers it steps a few variables stand-alone ({@link org.brainj.api.integrate.Odeint},
 * {@link org.brainj.api.integrate.Sdeint}, from Java lambdas or from equation text evaluated by
 * the interpreter); in expressions it writes the step program of a population
 * ({@link org.brainj.api.integrate.StepPrograms}), which a backend compiles. The two agree to
 * rounding, noise included. Decisions where the reference is silent or loose:
 * <ul>
 * <li>Runge-Kutta methods are {@link org.brainj.api.integrate.ButcherTableau}s run by one
 * integrator. Embedded pairs propagate their higher-order solution (as the reference does);
 * {@code tol} bounds the largest absolute error estimate of a step over the variables, and
 * rejected steps are retried smaller. Fehlberg's {@code rkf12} estimates reliably only for
 * steps well below 1/256 (its first-order weights miss second order by 1/512).</li>
 * <li>{@code exponential_euler} takes {@code d f_i/d x_i} from the symbolic derivative, so it
 * needs equations (text or expressions), not a lambda. {@code exact} requires
 * {@code x' = A x + b} with {@code A}, {@code b} free of the state and of {@code t}; coupled systems
 * go through one (balanced) matrix exponential; in a step program its entries are parameters the
 * runtime computes once per run ({@code Propagator}), per group, or per neuron where {@code A}
 * reads per-neuron parameters; {@code b} may differ per element and step.</li>
 * <li>Noise: scalar Wiener noise is one Wiener process shared by all variables of an element;
 * vector noise is several, {@code g[i][j]}; independent noise per variable is vector noise with
 * a diagonal {@code g}. In equation text each distinct {@code xi...} name is one process.
 * Elements (neurons, paths) draw independently: Philox at the element's index.</li>
 * <li>{@code euler} is Euler-Maruyama for Itô and Euler-Heun for Stratonovich (as the
 * reference); {@code heun} is the full stochastic Heun scheme (trapezoidal drift too);
 * {@code milstein} is the derivative-free Milstein scheme (as the reference) with the iterated
 * integrals of commutative noise; {@code srk1w1_scalar}, {@code srk2w1_scalar} are Rößler's SRI1W1
 * and SRI2W1 and {@code KlPl_scalar} Kloeden-Platen's derivative-free order-1 scheme, all three as
 * {@link org.brainj.api.integrate.SriTableau} data.</li>
 * <li>Stand-alone integration reports its steps to {@link org.brainj.api.integrate.StepHandler}s
 * and locates the zeros of {@link org.brainj.api.integrate.EventDetector}s (threshold crossings,
 * Poincaré sections) as Hipparchus does; an event's state is one step of the same method from
 * the step's start, so it is as accurate as the trajectory. Adaptive control weighs each
 * variable's error by {@code tol + rtol * |x|}.</li>
 * </ul>
 */
@Export
@Version("0.2.0")
package org.brainj.api.integrate;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
