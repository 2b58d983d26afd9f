package org.brainj.models.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Published firing patterns: Izhikevich (2003), Naud et al. (2008) for the AdEx, Hindmarsh-Rose bursting. */
class PatternsTest {

    private static double[] times(String model, Map<String, ?> params, String input, double drive, double duration) {
        return new Drive(model, params, input, new double[] {drive}, null).run(duration).spikeTimes(0);
    }

    private static double[] isi(String model, Map<String, ?> params, String input, double drive, double duration) {
        return Drive.intervals(times(model, params, input, drive, duration));
    }

    /** Bursts: intervals within a burst at most a fifth of those between bursts. */
    private static void assertBursts(String what, double[] isi) {
        double min = Arrays.stream(isi).min().orElseThrow();
        double max = Arrays.stream(isi).max().orElseThrow();
        assertTrue(isi.length >= 4 && max > 5 * min, what + ": intervals " + Arrays.toString(isi));
    }

    /** Izhikevich (2003) Fig. 2 under I = 10: RS adapts to a slow regular rate, FS fires fast and steadily, CH bursts. */
    @Test
    void izhikevichRegularSpikingFastSpikingAndChattering() {
        double[] rs = isi("Izhikevich", Map.of(), "input", 10, 300);
        assertTrue(rs[0] < 0.6 * rs[rs.length - 1], "RS adapts: " + Arrays.toString(rs));
        assertEquals(rs[rs.length - 2], rs[rs.length - 1], 0.5, "RS settles: " + Arrays.toString(rs));
        double[] fs = isi("Izhikevich", Map.of("a", 0.1, "d", 2), "input", 10, 300);
        assertTrue(fs.length > 4 * rs.length, "FS fires several times as often as RS: " + fs.length + " vs " + rs.length);
        assertEquals(fs[fs.length - 2], fs[fs.length - 1], 0.2, "FS is steady: " + Arrays.toString(fs));
        assertBursts("CH", isi("Izhikevich", Map.of("c", -50, "d", 2), "input", 10, 300));
    }

    /** Naud et al. (2008), Table 1 and Fig. 4 on NEST's aeif_cond_exp (pF, nS, mV, ms, pA). */
    @Test
    void aeifCondExpReproducesNaudsPatterns() {
        Map<String, Object> common = Map.of("Delta_T", 2, "V_th", -50);
        double[] tonic = isi("aeif_cond_exp", with(common, "C_m", 200, "g_L", 10, "E_L", -70, "a", 2, "tau_w", 30, "b", 0,
                "V_reset", -58), "I_e", 500, 500);
        assertEquals(tonic[1], tonic[tonic.length - 1], 0.1 * tonic[1], "tonic: " + Arrays.toString(tonic));
        double[] adapting = isi("aeif_cond_exp", with(common, "C_m", 200, "g_L", 12, "E_L", -70, "a", 2, "tau_w", 300,
                "b", 60, "V_reset", -58), "I_e", 500, 500);
        for (int k = 1; k < 5; k++) {
            assertTrue(adapting[k] > adapting[k - 1], "adapting: " + Arrays.toString(adapting));
        }
        assertTrue(adapting[adapting.length - 1] > 3 * adapting[0], "adapting: " + Arrays.toString(adapting));
        assertBursts("regular bursting", isi("aeif_cond_exp", with(common, "C_m", 200, "g_L", 10, "E_L", -58, "a", 2,
                "tau_w", 120, "b", 100, "V_reset", -46), "I_e", 210, 500));
        double[] initial = isi("aeif_cond_exp", with(common, "C_m", 130, "g_L", 18, "E_L", -58, "a", 4, "tau_w", 150,
                "b", 120, "V_reset", -50), "I_e", 400, 500);
        assertTrue(initial[0] < 0.2 * initial[initial.length - 1] && initial[1] < 0.2 * initial[initial.length - 1],
                "initial burst, then regular: " + Arrays.toString(initial));
        assertEquals(initial[initial.length - 2], initial[initial.length - 1], 1, "initial burst, then regular");
    }

    /**
     * Mihalas and Niebur (2009), Table 1 and Fig. 1, the patterns under constant input: on BrainPy's GIF
     * (R 20 Mohm, tau 20 ms) a current in nA is their I_e / C in V/s, and their a in 1/s is a here in 1/ms.
     */
    @Test
    void gifReproducesMihalasNieburPatterns() {
        // C, spike frequency adaptation (a = 5/s, I_e/C = 2): the intervals lengthen
        double[] sfa = isi("GIF", Map.of("a", 0.005), "input", 2, 500);
        for (int k = 1; k < 6; k++) {
            assertTrue(sfa[k] > sfa[k - 1], "C, spike frequency adaptation: " + Arrays.toString(sfa));
        }
        // D, phasic spiking (I_e/C = 1.5): the threshold settles at Theta_inf + a / b (V - E_L) = -35 mV, above the
        // -40 mV the input holds V at: spikes at the onset, silence after
        double[] phasic = times("GIF", Map.of("a", 0.005), "input", 1.5, 500);
        assertTrue(phasic.length >= 1 && phasic[phasic.length - 1] < 250, "D, phasic spiking: " + Arrays.toString(phasic));
        // M, tonic bursting (A1 = 10 nA, A2 = -0.6 nA, I_e/C = 2): bursts throughout
        double[] tonicBursts = times("GIF", Map.of("a", 0.005, "A1", 10, "A2", -0.6), "input", 2, 500);
        assertBursts("M, tonic bursting", Drive.intervals(tonicBursts));
        assertTrue(tonicBursts[tonicBursts.length - 1] > 400, "M, bursting goes on: " + Arrays.toString(tonicBursts));
        // N, phasic bursting (I_e/C = 1.5): one burst at the onset, its intervals a few ms, then silence
        double[] phasicBurst = times("GIF", Map.of("a", 0.005, "A1", 10, "A2", -0.6), "input", 1.5, 500);
        assertTrue(phasicBurst.length >= 3 && phasicBurst[phasicBurst.length - 1] < 100
                && Arrays.stream(Drive.intervals(phasicBurst)).allMatch(i -> i < 10), "N, phasic bursting: "
                + Arrays.toString(phasicBurst));
        // P, mixed mode (A1 = 5 nA, A2 = -0.3 nA, I_e/C = 2): a burst at the onset, then tonic spiking
        double[] mixed = isi("GIF", Map.of("a", 0.005, "A1", 5, "A2", -0.3), "input", 2, 500);
        assertTrue(mixed[0] < 0.5 * mixed[mixed.length - 1], "P, mixed mode starts with a burst: " + Arrays.toString(mixed));
        assertEquals(mixed[mixed.length - 2], mixed[mixed.length - 1], 0.05 * mixed[mixed.length - 1],
                "P, then tonic: " + Arrays.toString(mixed));
    }

    /**
     * Brette and Gerstner (2005): NEST's aeif_cond_exp defaults are the paper's regular spiking cell
     * (C 281 pF, g_L 30 nS, E_L -70.6 mV, V_T -50.4 mV, Delta_T 2 mV, tau_w 144 ms, a 4 nS, b 80.5 pA);
     * under a 1 nA step it adapts, with the paper's reset to rest (V_reset = E_L) as Brian2's
     * Brette_Gerstner_2005 example; with tau_w 20 ms, b 0.5 nA and V_reset = V_T + 5 mV it bursts; with
     * b = 0 and a = 2 C / tau_w (fast spiking) it fires at a nearly steady rate.
     */
    @Test
    void aeifCondExpReproducesBretteGerstnerPatterns() {
        double[] regular = isi("aeif_cond_exp", Map.of("V_reset", -70.6), "I_e", 1000, 300);
        for (int k = 1; k < 5; k++) {
            assertTrue(regular[k] > regular[k - 1], "regular spiking adapts: " + Arrays.toString(regular));
        }
        assertTrue(regular[regular.length - 1] > 2 * regular[0], "regular spiking adapts: " + Arrays.toString(regular));
        assertBursts("bursting", isi("aeif_cond_exp", Map.of("tau_w", 20, "b", 500, "V_reset", -45.4), "I_e", 1000, 300));
        double[] fast = isi("aeif_cond_exp", Map.of("b", 0, "a", 2 * 281 / 144.0, "V_reset", -70.6), "I_e", 1000, 300);
        assertTrue(fast.length > 10, "fast spiking: " + Arrays.toString(fast));
        // only the subthreshold coupling a lengthens its intervals: by under a tenth where regular spiking's double
        assertEquals(fast[0], fast[fast.length - 1], 0.1 * fast[0], "fast spiking hardly adapts: " + Arrays.toString(fast));
    }

    /** BrainPy's AdExIF and AdQuaIF: spike-triggered adaptation lengthens the intervals. */
    @Test
    void adaptiveModelsAdapt() {
        for (String model : new String[] {"AdExIF", "AdQuaIF"}) {
            double[] isi = isi(model, Map.of(), "input", 30, 300);
            assertTrue(isi.length > 5 && isi[0] < isi[isi.length - 1], model + ": " + Arrays.toString(isi));
        }
    }

    /**
     * The squid axon fires repetitively from about 6.3 uA/cm^2 (Hodgkin and Huxley 1952; Rinzel 1978:
     * 6.26): on NEST's 100 pF hh_psc_alpha 626 pA. Below, a step gives at most a few onset spikes.
     */
    @Test
    void hhPscAlphaFiresRepetitivelyAboveThePublishedRheobase() {
        Drive d = new Drive("hh_psc_alpha", Map.of(), "I_e", new double[] {600, 660}, null).run(500);
        assertTrue(d.count(0) <= 3, "600 pA: " + d.count(0) + " spikes");
        assertTrue(d.count(1) >= 25, "660 pA: " + d.count(1) + " spikes");
    }

    /** Hindmarsh and Rose (1984): bursts under I = 2 with the slow current's r = 0.01. */
    @Test
    void hindmarshRoseBursts() {
        assertBursts("HindmarshRose", isi("HindmarshRose", Map.of(), "input", 2, 2000));
    }

    private static Map<String, Object> with(Map<String, Object> common, Object... pairs) {
        Map<String, Object> all = new java.util.HashMap<>(common);
        for (int k = 0; k < pairs.length; k += 2) {
            all.put((String) pairs[k], pairs[k + 1]);
        }
        return all;
    }
}
