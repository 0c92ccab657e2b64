package org.resultsdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's rehearsal command line, {@code java -jar target/results-desk.jar replay --speed 100000 --limit 12},
 * run from the packaged jar ten times over while every core is kept busy: each run completes, declares all twelve
 * and leaves nothing in its temporary directory. Runs after {@code package}, in {@code mvn verify}.
 */
class ReplayJarIT {
    private static final int RUNS = 10;
    private static final int DECLARATIONS = 12;

    @TempDir
    Path work;

    @Test
    void theReadmesReplayCompletesEveryTimeOnABusyMachineAndLeavesNothingBehind() throws Exception {
        Path jar = Path.of("target/results-desk.jar");
        assertThat(jar).exists();
        AtomicBoolean busy = new AtomicBoolean(true);
        List<Thread> burners = burnEveryCore(busy);
        try {
            for (int run = 1; run <= RUNS; run++) {
                Path temporary = Files.createDirectories(work.resolve("tmp-" + run));
                Process process = replay(jar, temporary);
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                // Bounded: a replay that hangs fails the test instead of holding the build.
                assertThat(process.waitFor(3, TimeUnit.MINUTES))
                        .as("run %d ended", run)
                        .isTrue();

                assertThat(process.exitValue())
                        .as("run %d exit code; output:%n%s", run, out)
                        .isZero();
                assertThat(out)
                        .as("run %d", run)
                        .contains("Replaying " + DECLARATIONS + " declarations of parl.2019-12-12")
                        .contains("Replay finished: declared " + DECLARATIONS + " of " + DECLARATIONS + ",");
                try (Stream<Path> left = Files.list(temporary)) {
                    assertThat(left)
                            .as("left in the temporary directory by run %d", run)
                            .isEmpty();
                }
            }
        } finally {
            busy.set(false);
            for (Thread burner : burners) {
                burner.join();
            }
        }
    }

    @Test
    void theCommandLineExplainsItselfAndAReplayThatCannotStartLeavesNothingBehind() throws Exception {
        Path jar = Path.of("target/results-desk.jar");
        Path temporary = Files.createDirectories(work.resolve("tmp"));

        Ran version = run(jar, temporary, "--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("results-desk ").doesNotContain("development build");

        Ran help = run(jar, temporary, "replay", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out())
                .contains("Usage: results-desk replay")
                .contains("--speed")
                .contains("--limit");

        Ran wrongElection = run(jar, temporary, "replay", "--election", "2024");
        assertThat(wrongElection.code()).isEqualTo(2);
        assertThat(wrongElection.out())
                .contains("no bundled election 2024")
                .contains("parl.2019-12-12, parl.2024-07-04")
                .contains("parl.kingswood.by.2024-02-15");

        Ran stopped = run(jar, temporary, "replay", "--speed", "0");
        assertThat(stopped.code()).isEqualTo(2);
        assertThat(stopped.out()).contains("--speed must be a number more than 0");
        try (Stream<Path> left = Files.list(temporary)) {
            assertThat(left).isEmpty();
        }
    }

    private record Ran(int code, String out) {}

    private static Ran run(Path jar, Path temporary, String... arguments) throws Exception {
        Process process = start(jar, temporary, List.of(arguments));
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Ran(process.exitValue(), out);
    }

    /** The README's command line, with the child's temporary directory pointed at one the test can look into. */
    private static Process replay(Path jar, Path temporary) throws Exception {
        return start(jar, temporary, List.of("replay", "--speed", "100000", "--limit", String.valueOf(DECLARATIONS)));
    }

    private static Process start(Path jar, Path temporary, List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + temporary,
                "-jar",
                jar.toString()));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** One spinning thread per core, so the replays run on a machine with no spare time. */
    private static List<Thread> burnEveryCore(AtomicBoolean busy) {
        List<Thread> burners = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            Thread burner = new Thread(
                    () -> {
                        long x = 0;
                        while (busy.get()) {
                            x = x * 6364136223846793005L + 1442695040888963407L;
                        }
                        if (x == 42) {
                            System.out.print("");
                        }
                    },
                    "cpu-burner-" + i);
            burner.setDaemon(true);
            burner.start();
            burners.add(burner);
        }
        return burners;
    }
}
