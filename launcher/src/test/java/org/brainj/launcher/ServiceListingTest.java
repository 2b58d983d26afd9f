package org.brainj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.brainj.launcher.ServiceListing.Entry;
import org.junit.jupiter.api.Test;

class ServiceListingTest {
    @Test
    void entriesKeepServicePropertiesAndDropRegistryBookkeeping() {
        Map<String, Object> raw = new TreeMap<>();
        raw.put("objectClass", new String[] {"org.brainj.api.tensor.Backend"});
        raw.put("service.id", 42L);
        raw.put("service.bundleid", 7L);
        raw.put("service.scope", "bundle");
        raw.put("component.id", 3L);
        raw.put("Op.target", "(backend.name=cpu)");
        raw.put("backend.name", "cpu");
        raw.put("devices", new String[] {"host", "gpu0"});
        raw.put("threads", new int[] {1, 2});

        Entry entry = Entry.of("cpu", "loops", "org.brainj.backend.cpu 0.1.0", raw);

        // expected: the three properties the service itself set, arrays written element by element
        assertEquals(Map.of("backend.name", "cpu", "devices", "[host, gpu0]", "threads", "[1, 2]"), entry.properties());
    }

    @Test
    void formatsEachKindWithItsEntriesSortedByName() {
        Entry gpu = Entry.of("aparapi", "OpenCL on Tesla", "org.brainj.backend.aparapi 0.1.0", Map.of("backend.name", "aparapi"));
        Entry cpu = Entry.of("cpu", "plain Java loops", "org.brainj.backend.cpu 0.1.0",
                Map.of("backend.name", "cpu", "component.name", "org.brainj.backend.cpu.CpuBackend"));
        Entry lif = Entry.of("LIF", null, "org.brainj.models 0.1.0", Map.of("model.name", "LIF"));
        Entry stp = Entry.of("STP", "parameters U (default 0.15), tau_f (ms, default 1500)", "org.brainj.models 0.1.0",
                Map.of("synapse.name", "STP"));

        Entry coba = Entry.of("COBA", "parameters E (mV, default 0)", "org.brainj.models 0.1.0", Map.of("output.name", "COBA"));

        String text = new ServiceListing(List.of(cpu, gpu), List.of(lif), List.of(stp), List.of(coba), List.of()).format();

        assertEquals("""
                Backends:
                  aparapi: OpenCL on Tesla
                    bundle: org.brainj.backend.aparapi 0.1.0
                    backend.name = aparapi
                  cpu: plain Java loops
                    bundle: org.brainj.backend.cpu 0.1.0
                    backend.name = cpu
                    component.name = org.brainj.backend.cpu.CpuBackend
                Models:
                  LIF
                    bundle: org.brainj.models 0.1.0
                    model.name = LIF
                Synapse models:
                  STP: parameters U (default 0.15), tau_f (ms, default 1500)
                    bundle: org.brainj.models 0.1.0
                    synapse.name = STP
                Synaptic outputs:
                  COBA: parameters E (mV, default 0)
                    bundle: org.brainj.models 0.1.0
                    output.name = COBA
                Connectors:
                  (none installed)
                """, text);
    }

    @Test
    void parametersReadAsASpecGivesThem() {
        assertEquals("parameters prob (required), tau (ms, default 10.0), seed (default None)", ServiceListing.parameters(List.of(
                org.brainj.api.spi.ParamSpec.required("prob", "", "p"),
                org.brainj.api.spi.ParamSpec.optional("tau", "ms", "10.0", "t"),
                org.brainj.api.spi.ParamSpec.optional("seed", "", "None", "s"))));
        assertEquals("no parameters", ServiceListing.parameters(List.of()));
    }

    @Test
    void anEmptyRegistrySaysNothingIsInstalledForEachKind() {
        assertEquals("""
                Backends:
                  (none installed)
                Models:
                  (none installed)
                Synapse models:
                  (none installed)
                Synaptic outputs:
                  (none installed)
                Connectors:
                  (none installed)
                """, new ServiceListing(List.of(), List.of(), List.of(), List.of(), List.of()).format());
    }
}
