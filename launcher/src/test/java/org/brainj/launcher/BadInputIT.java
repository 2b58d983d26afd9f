package org.brainj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input suite (issue 14): several hundred inputs a hostile but fair user gives, generated
 * from a working spec by mutating each of its values, from broken equation texts, command lines,
 * YAML attacks and injection attempts, all run in this one JVM. Each must end with a non-zero exit
 * code and one line on stderr that names where the fault is (the spec file, or the command-line
 * option) and says what to do, with no Java class name and no stack trace.
 */
class BadInputIT {
    /** A small network that runs: every case breaks exactly one thing of it. */
    static final String BASE = """
            name: base
            run: {duration: 10 ms, dt: 0.1 ms, seed: 1}
            populations:
              E:
                size: 20
                equations: "dV/dt = (E_L - V + I) / tau : volt (unless refractory)"
                threshold: "V > V_th"
                reset: "V = E_L"
                refractory: 2 ms
                parameters: {E_L: -60 mV, I: 20 mV, tau: 10 ms, V_th: -50 mV}
                initial: {V: -60 mV}
            projections:
              EE:
                pre: E
                post: E
                connector: {name: FixedProb, prob: 0.1}
                synapse: Delta
                weight: 0.5 mV
                delay: 1 ms
            monitors:
              spikes: [E]
              state:
                - {population: E, variable: V, period: 1 ms}
            """;

    /** The values of BASE a mutation replaces: the text as written, once each. */
    static final List<String> SLOTS = List.of("10 ms, dt", "0.1 ms, seed", "seed: 1", "size: 20", "refractory: 2 ms",
            "E_L: -60 mV", "tau: 10 ms", "V_th: -50 mV", "V: -60 mV", "prob: 0.1", "name: FixedProb", "synapse: Delta",
            "weight: 0.5 mV", "delay: 1 ms", "pre: E", "post: E", "spikes: [E]", "period: 1 ms", "variable: V,");

    /**
     * Mutations that give a valid spec: an empty optional value means its default (by design), a
     * negative seed is a seed, [1, 2] is a 2-d geometry, a tiny or endless refractory period is one.
     */
    static final java.util.Set<String> VALID = java.util.Set.of("dt: , seed", "null, seed", "seed: ", "seed: null",
            "seed: -1", "size: [1, 2]", "refractory: ", "refractory: null", "refractory: 1e-300 ms", "refractory: 1e30 s",
            "synapse: ", "synapse: null", "delay: ", "delay: null", ", seed", "spikes: ", "spikes: null", "period: ",
            "period: null", "delay: 1e-300 ms", "tau: 1e30 s");

    /** What a careless or hostile user puts in their place. */
    static final List<String> VALUES = List.of("", "abc", "-1", "1e999", "[1, 2]", "{a: 1}", "1 parsec", ".nan", "'; rm -rf /'",
            "!!java.lang.Runtime {}", "1e-300 ms", "1e30 s", "${HOME}", "null", "\"\\u0000\"", "1 mV/0");

    /** Equation texts that are not valid, each in place of E's equations. */
    static final List<String> EQUATIONS = List.of("", "dV/dt =", "dV/dt = (E_L - V / tau : volt", "dV/dt = E_L - V) / tau : volt",
            "dV/dt = (E_L - V) / tau", "dV/dt = (E_L - V) / tau : parsec", "dV/dt = (E_L - V) / tau : volt : volt",
            "dV/dt = (E_L - V) : volt", "dV/dt = (E_L - V) / tau * mV : volt", "dV/dt = unknown_fn(V) / tau : volt",
            "dV/dt = (E_L - V) / tau + W : volt", "dW/dt = -W / tau : 1", "dV/dt = (E_L - V) / tau : volt\\ndV/dt = 0 : volt",
            "dV/dt = (E_L - V) / tau ** : volt", "dV/dt = (E_L - V) // tau : volt", "dV/dt = V(E_L) / tau : volt",
            "dV/dt = (E_L - V) / tau : volt (unless)", "dV/dt = (E_L - V) / tau : volt (frobnicate)", "V = 1 : volt",
            "dV/dt = exp(V) / tau : volt", "dV/dt = sqrt(V, V) / tau : volt", "dV/dt = (E_L - V) / tau; System.exit(1) : volt",
            "dV/dt = (E_L - V) / tau : volt\\n\\\"); Runtime.getRuntime().halt(0); //", "dV/dt = __import__('os') : volt",
            "dV/dt = (E_L - V) / tau : volt */ class X {} /*", "dt/dt = 1 : second", "dV/dt = xi : volt",
            "dV/dt = (E_L - V) / tau + 1 : volt", "dV/dt = (E_L - V) / tau * 1e999 : volt", "dV/dt = (E_L - V) / tau * (1/0) : volt",
            "dV/dt = @ : volt", "dV/dt = (E_L - V) / tau : volt $", "dV/dt = ((((E_L - V)))) / tau) : volt",
            "d/dt = 0 : volt", "dV/dx = 0 : volt/second", "dV/dt = (E_L - V) / tau : kilo", "dV/dt = 0 : 1 volt",
            "dV/dt = (E_L - V) / tau : volt (unless refractory) extra", "dV/dt = 1e : volt", "dV/dt = 1.2.3 : volt",
            "dV/dt = 0x10 : volt", "dV/dt = V[0] : volt", "dV/dt = true : volt", "dV/dt = V > E_L : volt",
            "dV/dt = rand() * mV : volt", "dV/dt = " + "(".repeat(1000) + "V" + ")".repeat(1000) + " : volt",
            "dV/dt = " + "-".repeat(20_000) + "V / tau : volt", "dV/dt = " + "(".repeat(1000) + " : volt");

    /** Whole spec files that are not YAML or attack the reader. */
    static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("empty", "");
        FILES.put("tab indentation", BASE.replace("    size: 20", "\tsize: 20"));
        FILES.put("unclosed flow", BASE.replace("{E_L: -60 mV,", "{E_L: -60 mV"));
        FILES.put("duplicate key", BASE.replace("    size: 20", "    size: 20\n    size: 30"));
        FILES.put("a scalar", "hello");
        FILES.put("a list", "- a\n- b");
        FILES.put("java tag", "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]");
        FILES.put("recursive alias", BASE.replace("prob: 0.1", "prob: &a [*a]"));
        FILES.put("recursive mapping", "a: &a {b: *a}\n" + BASE);
        StringBuilder laughs = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            laughs.append(c).append(": &").append(c).append(" [").append(("*" + (char) (c - 1) + ",").repeat(8))
                    .append('*').append((char) (c - 1)).append("]\n");
        }
        FILES.put("billion laughs", laughs + BASE);
        FILES.put("deep nesting", "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n" + BASE);
        FILES.put("deep mapping", "a: " + "{b: ".repeat(200) + "1" + "}".repeat(200) + "\n" + BASE);
        FILES.put("unknown top key", BASE + "frobnicate: 1\n");
        FILES.put("unknown population key", BASE.replace("    size: 20", "    size: 20\n    colour: red"));
        FILES.put("no populations", "run: {duration: 10 ms}\npopulations: {}\n");
        FILES.put("no run", BASE.replace("run: {duration: 10 ms, dt: 0.1 ms, seed: 1}", ""));
        FILES.put("anchor merge", BASE.replace("    size: 20", "    <<: {size: 5}\n    size: 20"));
        FILES.put("json", "{\"populations\": {\"E\": {\"size\": \"x\"}}, \"run\": {\"duration\": \"10 ms\"}}");
        FILES.put("bad json", "{\"populations\": ");
        FILES.put("huge size", BASE.replace("size: 20", "size: 99999999999"));
        FILES.put("billion neurons", BASE.replace("size: 20", "size: 1000000000"));
        FILES.put("huge delay", BASE.replace("delay: 1 ms", "delay: 1e9 ms"));
        FILES.put("dense billions", BASE.replace("size: 20", "size: 200000").replace("prob: 0.1", "prob: 0.05"));
        FILES.put("50M at 0.1", BASE.replace("size: 20", "size: 50000000"));
        FILES.put("negative refractory", BASE.replace("refractory: 2 ms", "refractory: -2 ms"));
        FILES.put("view out of range", BASE + "views:\n  V: E[3200:99999999999]\n");
        FILES.put("view reversed", BASE + "views:\n  V: E[10:5]\n");
        FILES.put("view of nothing", BASE + "views:\n  V: Q[0:5]\n");
        FILES.put("monitor duplicate indices",
                BASE.replace("{population: E, variable: V, period: 1 ms}", "{population: E, variable: V, indices: [1, 1]}"));
        FILES.put("monitor index out of range",
                BASE.replace("{population: E, variable: V, period: 1 ms}", "{population: E, variable: V, indices: [99]}"));
        FILES.put("monitor unknown variable", BASE.replace("variable: V,", "variable: W,"));
        FILES.put("projection to nowhere", BASE.replace("post: E", "post: Nowhere"));
        FILES.put("unknown connector", BASE.replace("name: FixedProb", "name: Teleport"));
        FILES.put("connector bad key", BASE.replace("prob: 0.1", "prob: 0.1, colour: red"));
        FILES.put("connector prob > 1", BASE.replace("prob: 0.1", "prob: 1.5"));
        FILES.put("connector prob string", BASE.replace("prob: 0.1", "prob: lots"));
        FILES.put("unquoted flow uniform", BASE.replace("weight: 0.5 mV", "weight: {uniform: [0.5 mV, 1 mV}"));
        FILES.put("delay off grid", BASE.replace("delay: 1 ms", "delay: 0.05 ms"));
        FILES.put("delay negative", BASE.replace("delay: 1 ms", "delay: -1 ms"));
        FILES.put("weight in ms", BASE.replace("weight: 0.5 mV", "weight: 0.5 ms"));
        FILES.put("poisson negative rate", BASE.replace("    size: 20", "    size: 20\n    poisson_input: {rate: -5 Hz, weight: 0.1 mV}"));
        FILES.put("input unknown variable", BASE + "inputs:\n  - {population: E, variable: Q, value: 1 mV, op: '+'}\n");
        FILES.put("input bad op", BASE + "inputs:\n  - {population: E, variable: V, value: 1 mV, op: '%'}\n");
        FILES.put("population bad name", BASE.replace("  E:\n", "  \"E; drop\":\n"));
        FILES.put("population name with quote", BASE.replace("  E:\n", "  \"E\\\"); x(\":\n"));
        FILES.put("duration not multiple", BASE.replace("duration: 10 ms", "duration: 10.05 ms"));
        FILES.put("precision unknown", BASE.replace("seed: 1}", "seed: 1, precision: float128}"));
        FILES.put("backend unknown", BASE.replace("seed: 1}", "seed: 1, backend: quantum}"));
        FILES.put("model and equations", BASE.replace("    size: 20", "    size: 20\n    model: LIF"));
        FILES.put("unknown model", BASE.replace("    equations: \"dV/dt = (E_L - V + I) / tau : volt (unless refractory)\"",
                "    model: Frobnicator"));
        FILES.put("initial unknown", BASE.replace("initial: {V: -60 mV}", "initial: {Q: -60 mV}"));
        FILES.put("parameter unused", BASE.replace("V_th: -50 mV}", "V_th: -50 mV, extra: 1 mV}"));
        FILES.put("threshold not boolean", BASE.replace("threshold: \"V > V_th\"", "threshold: \"V + V_th\""));
        FILES.put("reset unknown variable", BASE.replace("reset: \"V = E_L\"", "reset: \"Q = E_L\""));
        FILES.put("reset unit mismatch", BASE.replace("reset: \"V = E_L\"", "reset: \"V = tau\""));
        FILES.put("unknown input type", BASE + "inputs:\n  - {type: rampp, target: E.V}\n");
        FILES.put("input without a parameter", BASE + "inputs:\n  - {type: ramp, target: E.V, c_start: 0 mV}\n");
        FILES.put("input in a wrong unit", BASE + "inputs:\n  - {type: ramp, target: E.V, c_start: 0 nA, c_end: 1 mV}\n");
        FILES.put("input ending before it starts", BASE + "inputs:\n  - {type: ou, target: E.V, mean: 0 mV, sigma: 1 mV,"
                + " tau: 5 ms, t_start: 8 ms, t_end: 2 ms}\n");
        FILES.put("input of an unknown variable", BASE + "inputs:\n  - {type: wiener, target: E.Q, sigma: 1 mV}\n");
        FILES.put("unknown generator type", BASE.replace("populations:\n", "populations:\n  G: {size: 2, generator: {type: poison}}\n"));
        FILES.put("poisson rate not a rate", BASE.replace("populations:\n",
                "populations:\n  G: {size: 2, generator: {type: poisson, rates: '5*mV*t'}}\n"));
        FILES.put("plot unknown type", BASE + "plots:\n  - {type: histogram, populations: [E]}\n");
        FILES.put("plot unknown key", BASE + "plots:\n  - {type: raster, populations: [E], colour: red}\n");
        FILES.put("plot unmonitored spikes", BASE + "plots:\n  - {type: raster, populations: [Q]}\n");
        FILES.put("plot unmonitored variable", BASE + "plots:\n  - {type: lines, monitor: E.I}\n");
        FILES.put("plot unrecorded neuron", BASE + "plots:\n  - {type: lines, monitor: E.V, neurons: [20]}\n");
        FILES.put("plot rate without bin", BASE + "plots:\n  - {type: rate, populations: [E]}\n");
        FILES.put("plot rate bin not a time", BASE + "plots:\n  - {type: rate, populations: [E], bin: 5 mV}\n");
        FILES.put("plot empty window", BASE + "plots:\n  - {type: raster, populations: [E], from: 5 ms, to: 2 ms}\n");
        FILES.put("plot after the run", BASE + "plots:\n  - {type: rate, populations: [E], bin: 1 ms, from: 10 ms}\n");
        FILES.put("plot name twice", BASE + "plots:\n  - {type: raster, populations: [E]}\n  - {type: rate, populations: [E],"
                + " bin: 1 ms, name: raster}\n");
        FILES.put("spike times without indices", BASE.replace("populations:\n",
                "populations:\n  G: {size: 2, generator: {type: spike_generator, times: [1 ms]}}\n"));
    }

    /** Command lines (SPEC stands for the base spec, DIR for a fresh output folder). */
    static final List<List<String>> COMMANDS = List.of(
            List.of("run"), List.of("run", "nonexistent.yaml"), List.of("run", "DIR"), List.of("run", "SPEC", "--dt"),
            List.of("run", "SPEC", "--dt", "abc"), List.of("run", "SPEC", "--dt", "-1 ms"), List.of("run", "SPEC", "--dt", "1 mV"),
            List.of("run", "SPEC", "--dt", "1e-300 ms"), List.of("run", "SPEC", "--duration", "1e30 s"),
            List.of("run", "SPEC", "--duration", "0 s"), List.of("run", "SPEC", "--duration", "NaN ms"),
            List.of("run", "SPEC", "--duration", "Infinity ms"), List.of("run", "SPEC", "--seed", "x"),
            List.of("run", "SPEC", "--seed", "99999999999999999999"), List.of("run", "SPEC", "--backend", "quantum"),
            List.of("run", "SPEC", "--backend", ""), List.of("run", "SPEC", "--out", ""), List.of("run", "SPEC", "--plugins", "nowhere"),
            List.of("run", "SPEC", "--switch-backend", "abc"), List.of("run", "SPEC", "--switch-backend", "5ms="),
            List.of("run", "SPEC", "--switch-backend", "5 parsec=cpu"), List.of("run", "SPEC", "--switch-backend", "50ms=cpu"),
            List.of("run", "SPEC", "--switch-backend", "5ms=quantum"), List.of("run", "SPEC", "--frobnicate"),
            List.of("run", "SPEC", "SPEC"), List.of("frobnicate"), List.of("list", "--frobnicate"), List.of(),
            List.of("integrate"), List.of("integrate", "dx/dt = -x : 1"), List.of("integrate", "dx/dt = -x : 1", "--dt", "0.1 ms"),
            List.of("integrate", "dx/dt = -x / tau : 1", "--dt", "0.1 ms", "--duration", "1 ms"),
            List.of("integrate", "dx/dt = -x : 1", "--dt", "abc", "--duration", "1 ms"),
            List.of("integrate", "dx/dt = -x : 1", "--dt", "0.1 ms", "--duration", "1e30 s"),
            List.of("integrate", "dx/dt = -x : 1", "--dt", "1e-300 ms", "--duration", "1 s"),
            List.of("integrate", "dx/dt = -x : 1", "--dt", "0.1 ms", "--duration", "1 ms", "--method", "magic"),
            List.of("integrate", "dx/dt = -x : 1", "--dt", "0.1 ms", "--duration", "1 ms", "--init", "y=1"),
            List.of("integrate", "dx/dt = -x : 1", "--dt", "0.1 ms", "--duration", "1 ms", "--init", "x"),
            List.of("integrate", "dx/dt = -x : 1", "--dt", "0.1 ms", "--duration", "1 ms", "--init", "x=abc"),
            List.of("integrate", "dx/dt = (-x : 1", "--dt", "0.1 ms", "--duration", "1 ms"),
            List.of("integrate", "dx/dt = -x : 1", "--dt", "0.1 ms", "--duration", "1 ms", "--out", "DIR"));

    /**
     * The cases whose message still falls short (counted in the report and the README): each must
     * keep failing the check, so that one fixed is taken off this list.
     */
    static final java.util.Set<String> KNOWN_FAILING = java.util.Set.of();

    @TempDir
    static Path dir;
    private static int passed;
    private static final List<String> failed = new ArrayList<>();
    private static int index;

    @BeforeAll
    static void reset() {
        passed = 0;
        failed.clear();
    }

    @AfterAll
    static void report() {
        System.out.println("bad-input suite: " + (passed + failed.size()) + " cases, " + passed + " pass, " + failed.size()
                + " fail" + (failed.isEmpty() ? "" : ":\n  " + String.join("\n  ", failed)));
    }

    @TestFactory
    Stream<DynamicTest> badSpecValues() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String slot : SLOTS) {
            int colon = slot.indexOf(": ");
            for (String value : VALUES) {
                String mutated = colon > 0 ? slot.substring(0, colon + 2) + value + (slot.endsWith(",") ? "," : "")
                        : value + slot.substring(slot.indexOf(','));
                if (mutated.equals(slot) || VALID.contains(mutated)) {
                    continue;
                }
                String spec = BASE.replace(slot, mutated);
                tests.add(DynamicTest.dynamicTest(mutated, () -> spec("'" + mutated + "'", spec)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> badEquations() {
        return EQUATIONS.stream().map(eq -> DynamicTest.dynamicTest("'" + (eq.length() > 60 ? eq.substring(0, 60) + "..." : eq) + "'", () ->
                spec(eq.length() > 60 ? eq.substring(0, 60) + "..." : eq, BASE.replace("\"dV/dt = (E_L - V + I) / tau : volt (unless refractory)\"",
                        "\"" + eq + "\"").replace("I: 20 mV, ", "")))); // I is read by BASE's equations only
    }

    @TestFactory
    Stream<DynamicTest> badFiles() {
        return FILES.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> spec(e.getKey(), e.getValue())));
    }

    @TestFactory
    Stream<DynamicTest> notUtf8() {
        return Stream.of(DynamicTest.dynamicTest("latin-1 file", () -> {
            Path file = dir.resolve("latin" + index++ + ".yaml");
            Files.write(file, BASE.replace("name: base", "name: caf\u00e9").getBytes(StandardCharsets.ISO_8859_1));
            check("latin-1 file", file.getFileName().toString(), "run", file.toString(), "--out", dir.resolve("o" + index++).toString());
        }));
    }

    @TestFactory
    Stream<DynamicTest> badCommandLines() throws Exception {
        Path base = Files.writeString(dir.resolve("base.yaml"), BASE);
        return COMMANDS.stream().map(c -> DynamicTest.dynamicTest("brainj " + String.join(" ", c), () -> {
            Path out = dir.resolve("o" + index++);
            Files.createDirectories(out.resolve("x"));
            String[] args = c.stream().map(a -> a.replace("SPEC", base.toString()).replace("DIR", out.toString()))
                    .toArray(String[]::new);
            check("brainj " + String.join(" ", c), "", args);
        }));
    }

    private static void spec(String what, String text) throws Exception {
        Path file = Files.writeString(dir.resolve("case" + index++ + ".yaml"), text);
        check(what, file.getFileName().toString(), "run", file.toString(), "--out", dir.resolve("o" + index++).toString());
    }

    /** A Java class name (java.lang.Foo, org.brainj.X, SomethingException) in a message. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(java|javax|org|sun|jdk)\\.[a-z]+\\.|[A-Za-z]+(Exception|Error)\\b");
    /** The words with which a message says what to do. */
    private static final Pattern FIX = Pattern.compile("\\b(give|use|add|remove|check|make|split|quote|write|set|declare|"
            + "rename|define|see|create|fix|run|record|change|drop|put|lower|raise|replace|call|choose|pass|known|expected|"
            + "delete|free|try|keep|list|leave|save|one of|keys here are|e\\.g\\.)\\b", Pattern.CASE_INSENSITIVE);

    /** Runs one case and records whether its failure is one clean line naming {@code place}. */
    private static void check(String what, String place, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int code = BrainJCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
        double seconds = (System.nanoTime() - start) * 1e-9;
        String e = err.toString().strip();
        List<String> lines = e.lines().filter(l -> !l.startsWith("run ")).toList(); // the progress bar
        String line = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        String problem = code == 0 ? "exit 0"
                : lines.size() != 1 ? lines.size() + " lines"
                : !line.startsWith("brainj") ? "no 'brainj' prefix"
                : !place.isEmpty() && !line.contains(place) && !line.contains("--") ? "does not name " + place
                : CLASS_NAME.matcher(line).find() ? "a class name"
                : !FIX.matcher(line.substring(line.indexOf(':') + 1)).find() ? "no fix"
                : seconds > 10 ? String.format("%.1f s", seconds) : null;
        if (KNOWN_FAILING.contains(what)) {
            assertTrue(problem != null, what + " now passes: take it off KNOWN_FAILING");
            failed.add(what.replace("\n", "\\n") + ": " + problem + ": " + (line.length() > 300 ? line.substring(0, 300) : line));
            return;
        }
        if (problem == null) {
            passed++;
            return;
        }
        failed.add(what.replace("\n", "\\n") + ": " + problem + ": " + (line.length() > 300 ? line.substring(0, 300) : line));
        assertEquals(null, problem, what + " -> exit " + code + ": " + e);
    }
}
