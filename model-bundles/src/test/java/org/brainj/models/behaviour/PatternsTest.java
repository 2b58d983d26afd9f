package org.brainj.models.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Published firing patterns: Izhikevich (2003), Naud et al. (2008) for the AdEx, Hindmarsh-Rose bursting. */
class PatternsTest {

    private static double[] isi(String model, Map<String, ?> params, String input, double drive, double duration) {
        return Drive.intervals(new Drive(model, params, input, new double[] {drive}, null).run(duration).spikeTimes(0));
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
