package org.resultsdesk.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One Results Desk process (the app's Main), its environment and its log: what the multi-process tests start. */
final class Instance implements AutoCloseable {
    final String name;
    final Path log;
    private final Process process;

    private Instance(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    static Instance start(String name, Path dir, Map<String, String> env) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Dfile.encoding=UTF-8",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.resultsdesk.app.Main",
                        "--config",
                        defaultsFile(dir).toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("HOSTNAME", name);
        Process process = builder.start();
        process.getOutputStream().close();
        return new Instance(name, log, process);
    }

    String log() throws Exception {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    boolean logged(String text) throws Exception {
        return log().contains(text);
    }

    long count(String text) throws Exception {
        return log().lines().filter(l -> l.contains(text)).count();
    }

    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGSTOP: frozen, its connections open, as a stalled VM or a long GC pause leaves it. */
    void freeze() throws Exception {
        signal("STOP");
    }

    /** SIGTERM, and waits for it to shut down as it would under an orchestrator. */
    void terminate() throws Exception {
        signal("TERM");
        process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    void thaw() throws Exception {
        signal("CONT");
    }

    private void signal(String signal) throws Exception {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
    }

    /** Stops it, and shows the end of its log when asked to ({@code -Dit.logs=true}), for reading a failure. */
    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            thaw();
            kill();
        }
        if (Boolean.getBoolean("it.logs")) {
            List<String> lines = log().lines().toList();
            System.out.println("---- " + name + " ----");
            lines.forEach(System.out::println);
        }
    }

    /** An empty configuration file: the defaults and the environment alone. */
    static Path defaultsFile(Path dir) throws java.io.IOException {
        Path file = dir.resolve("defaults.yml");
        if (!Files.exists(file)) {
            Files.writeString(file, "# the defaults and the environment alone\n");
        }
        return file;
    }
}
