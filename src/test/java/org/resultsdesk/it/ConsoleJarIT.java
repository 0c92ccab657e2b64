package org.resultsdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command on the packaged jar, its Java options taken from the README as written, with
 * {@code /result wellingborough} piped in, and the class-data-sharing archive the build made beside the jar really
 * used. Runs after {@code package}, in {@code mvn verify}.
 */
class ConsoleJarIT {
    @TempDir
    Path data;

    @Test
    void thePackagedJarAnswersAPipedCommand() throws Exception {
        Path jar = Path.of("target/results-desk.jar");
        Path archive = Path.of("target/results-desk.jsa");
        assertThat(jar).exists();
        assertThat(archive).exists();
        Path classLog = data.resolve("classes.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(readmeJavaOptions());
        command.addAll(List.of("-Xlog:class+load=info:file=" + classLog, "-jar", jar.toString()));
        assertThat(command).contains("-XX:SharedArchiveFile=" + archive);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
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
        assertThat(Files.readString(classLog))
                .as("the application's classes come from the archive, not the jar")
                .contains("org.resultsdesk.app.Main source: shared objects file");
    }

    /** The options between {@code java} and {@code -jar} in the README's run command. */
    static List<String> readmeJavaOptions() throws java.io.IOException {
        Matcher m = RUN_COMMAND.matcher(Files.readString(Path.of("README.md")));
        assertThat(m.find()).as("the README's run command").isTrue();
        return List.of(m.group(1).strip().split("\\s+"));
    }

    private static final Pattern RUN_COMMAND =
            Pattern.compile("package -DskipTests && java (.*?) -jar target/results-desk\\.jar");
}
