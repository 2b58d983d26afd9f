package org.brainj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line's contract: exit codes, one-line errors without --debug, help everywhere. */
class BrainJCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int brainj(String... args) {
        return BrainJCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void runOfAMissingSpecNamesTheFileOnOneLine(@TempDir Path dir) {
        Path missing = dir.resolve("nothere.yaml");
        assertEquals(1, brainj("run", missing.toString()));
        assertEquals("brainj run: spec file '" + missing + "' not found (no file at " + missing + "); check the path"
                + System.lineSeparator(), err.toString());
        assertEquals("", out.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--duration", "--dt"})
    void aTimeOptionThatIsNotATimeSaysWhatToGive(String option, @TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("net.yaml"), "populations: {}\n");
        assertEquals(1, brainj("run", spec.toString(), option, "5 mV"));
        assertEquals("brainj run: " + option + " '5 mV' is not a time (its unit is mV); give e.g."
                + " '1 s' or '500 ms'" + System.lineSeparator(), err.toString());
    }

    @Test
    void aDurationThatIsNoQuantityAtAllSaysWhatToGive(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("net.yaml"), "populations: {}\n");
        assertEquals(1, brainj("run", spec.toString(), "--duration", "long"));
        assertEquals("brainj run: --duration 'long' is not a time; give a number with a unit, e.g. '1 s' or '500 ms'"
                + System.lineSeparator(), err.toString());
    }

    @Test
    void aSwitchWithoutABackendShowsTheForm(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("net.yaml"), "populations: {}\n");
        assertEquals(1, brainj("run", spec.toString(), "--switch-backend", "500ms"));
        assertEquals("brainj run: --switch-backend '500ms': give TIME=BACKEND, e.g. '500ms=aparapi'" + System.lineSeparator(),
                err.toString());
    }

    @Test
    void aSwitchTimeThatIsNotATimeSaysSo(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("net.yaml"), "populations: {}\n");
        assertEquals(1, brainj("run", spec.toString(), "--switch-backend", "5 mV=aparapi"));
        assertEquals("brainj run: --switch-backend '5 mV=aparapi': time '5 mV' is not a time (its unit is mV); give e.g. '1 s'"
                + " or '500 ms'" + System.lineSeparator(), err.toString());
    }

    @Test
    void runOfAFolderAsksForTheFileInIt(@TempDir Path dir) {
        assertEquals(1, brainj("run", dir.toString()));
        assertEquals("brainj run: '" + dir + "' is a folder, not a spec file; give the path of a YAML or JSON spec"
                + System.lineSeparator(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"before", "after"})
    void debugShowsTheStackTraceWhereverItIsGiven(String where, @TempDir Path dir) {
        String missing = dir.resolve("nothere.yaml").toString();
        int code = where.equals("before") ? brainj("--debug", "run", missing) : brainj("run", missing, "--debug");
        assertEquals(1, code);
        assertTrue(err.toString().startsWith("org.brainj.api.BrainJException: spec file"), err.toString());
        assertTrue(err.toString().contains("\tat org.brainj.launcher.RunCommand"), err.toString());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertEquals(2, brainj("frobnicate"));
        assertTrue(err.toString().startsWith("brainj: Unmatched argument at index 0: 'frobnicate'"), err.toString());
        assertEquals("; see 'brainj --help'", err.toString().trim().substring(err.toString().trim().indexOf(';')), "one line with the fix");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertEquals(2, brainj("list", "--frobnicate"));
        assertTrue(err.toString().startsWith("brainj list: Unknown option: '--frobnicate'"), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(2, brainj());
        assertTrue(err.toString().startsWith("brainj: Missing a command: list, run, integrate or help"), err.toString());
    }

    @Test
    void runWithoutASpecIsAUsageError() {
        assertEquals(2, brainj("run"));
        assertTrue(err.toString().startsWith("brainj run: Missing required parameter: 'SPEC'; see 'brainj run --help'"), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "list", "run", "integrate"})
    void everyCommandHasHelp(String command) {
        String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
        assertEquals(0, brainj(args));
        String usage = "Usage: brainj" + (command.isEmpty() ? "" : " " + command);
        assertTrue(out.toString().startsWith(usage), out.toString());
        assertFalse(out.toString().contains("Exception"));
    }

    @Test
    void eachSubcommandIsListedUnderItsOwnCommandName() {
        for (BrainJCommand.Subcommand s : BrainJCommand.SUBCOMMANDS) {
            assertEquals(new CommandLine(s.type()).getCommandName(), s.name(), s.type().getName());
        }
    }

    @Test
    void theUsageListsEverySubcommandInOrder() {
        assertEquals(0, brainj("--help"));
        List<String> names = BrainJCommand.SUBCOMMANDS.stream().map(BrainJCommand.Subcommand::name).toList();
        // a command's line: two spaces, its name, its description
        List<String> listed = out.toString().lines().filter(l -> l.matches("  [a-z]+ +\\S.*")).map(l -> l.trim().split(" ")[0]).toList();
        assertEquals(names, listed, out.toString());
    }

    /** A subcommand registered alone (the fast path) says and parses what it does among all of them. */
    @ParameterizedTest
    @ValueSource(strings = {"list", "run", "sweep", "integrate", "analyze"})
    void aSubcommandAloneHasTheUsageItHasAmongAll(String command) {
        CommandLine all = new CommandLine(new BrainJCommand());
        BrainJCommand.SUBCOMMANDS.forEach(s -> all.addSubcommand(s.name(), s.type()));
        assertEquals(List.of(command), BrainJCommand.subcommandsFor(command, "x").stream().map(BrainJCommand.Subcommand::name).toList());
        assertEquals(0, brainj(command, "--help"));
        assertEquals(all.getSubcommands().get(command).getUsageMessage(), out.toString());
    }

    @Test
    void helpAndUnknownNamesGetEverySubcommand() {
        assertEquals(BrainJCommand.SUBCOMMANDS, BrainJCommand.subcommandsFor("help", "run"));
        assertEquals(BrainJCommand.SUBCOMMANDS, BrainJCommand.subcommandsFor("--debug", "run"));
        assertEquals(BrainJCommand.SUBCOMMANDS, BrainJCommand.subcommandsFor());
        assertEquals(0, brainj("help", "run"));
        assertTrue(out.toString().startsWith("Usage: brainj run"), out.toString());
    }
}
