package org.resultsdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command on the packaged jar: {@code printf '/result wellingborough\n' | java -jar
 * target/results-desk.jar}. Runs after {@code package}, in {@code mvn verify}.
 */
class ConsoleJarIT {
    @TempDir
    Path data;

    @Test
    void thePackagedJarAnswersAPipedCommand() throws Exception {
        Path jar = Path.of("target/results-desk.jar");
        assertThat(jar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder =
                new ProcessBuilder(java, "-jar", jar.toString()).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("STORE_DATA_DIRECTORY", data.toString());
        builder.environment().put("OPS_PORT", "0");
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write("/result wellingborough\n".getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isZero();
        assertThat(out)
                .startsWith("Wellingborough by-election, 15 Feb 2024\nLabour GAIN from Conservative\n")
                .contains("13,844  45.9%")
                .contains("Swing 28.5% Con to Lab")
                .contains("Overturns a Conservative majority of 18,540 (2019)");
        assertThat(Files.exists(data.resolve("results-desk.db"))).isTrue();
    }
}
