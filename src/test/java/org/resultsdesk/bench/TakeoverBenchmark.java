package org.resultsdesk.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiLeaderLease;
import org.resultsdesk.store.TestPostgres;

/**
 * How long the feed lease takes to move on PostgreSQL when its holder dies outright (SIGKILL: ten kills) and when it
 * is frozen (SIGSTOP, then thawed). Two processes each run the real {@link JdbiLeaderLease} as the app's leader
 * supervisor does (a tick a second: renew while leading, else try to take it; the app's 5 s lease), printing when they
 * lead; the harness kills or freezes whichever leads and times, by this machine's clock, until the other says it
 * leads. After each kill a new process takes the dead one's place. Loss and duplication are the business of the
 * multi-process tests (SharedNightTest); this times the handover only.
 *
 * <pre>
 * mvn -B -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-cp %classpath org.resultsdesk.bench.TakeoverBenchmark [kills]"
 * </pre>
 */
public final class TakeoverBenchmark {
    static final Duration LEASE = Duration.ofSeconds(5);
    static final Duration TICK = Duration.ofSeconds(1);

    public static void main(String[] args) throws Exception {
        int kills = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        try (TestPostgres.Schema schema = TestPostgres.freshSchema("rd_takeover")) {
            schema.open().close(); // migrated once, before any holder starts
            Holder one = Holder.start("h0", schema);
            Holder two = Holder.start("h1", schema);
            Holder leader = firstToLead(one, two);
            Holder follower = leader == one ? two : one;
            List<Double> seconds = new ArrayList<>();
            for (int i = 1; i <= kills; i++) {
                follower.awaitLine("following", Duration.ofSeconds(60));
                long killedAt = System.currentTimeMillis();
                leader.process.destroyForcibly().waitFor();
                long ledAt = follower.awaitLeading(Duration.ofSeconds(60));
                seconds.add((ledAt - killedAt) / 1000.0);
                System.out.printf(Locale.ROOT, "kill %d: the other led after %.2f s%n", i, (ledAt - killedAt) / 1000.0);
                leader = follower;
                follower = Holder.start("h" + (i + 1), schema);
            }
            seconds.sort(null);
            System.out.printf(
                    Locale.ROOT,
                    "SIGKILL, %d kills: p50 %.2f s, p99 %.2f s, max %.2f s%n",
                    seconds.size(),
                    seconds.get(seconds.size() / 2),
                    seconds.get((int) Math.ceil(seconds.size() * 0.99) - 1),
                    seconds.get(seconds.size() - 1));

            follower.awaitLine("following", Duration.ofSeconds(60));
            long frozenAt = System.currentTimeMillis();
            signal(leader.process, "STOP");
            long ledAt = follower.awaitLeading(Duration.ofSeconds(60));
            System.out.printf(
                    Locale.ROOT,
                    "SIGSTOP: the other led after %.2f s (lease %d s)%n",
                    (ledAt - frozenAt) / 1000.0,
                    LEASE.toSeconds());
            signal(leader.process, "CONT");
            String after = leader.awaitLine("lost", Duration.ofSeconds(30));
            System.out.println("thawed: " + after);
            leader.process.destroyForcibly().waitFor();
            follower.process.destroyForcibly().waitFor();
        }
    }

    private static Holder firstToLead(Holder one, Holder two) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (Holder h : List.of(one, two)) {
                String line = h.lines.poll(50, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith("leading")) {
                    return h;
                }
            }
        }
        throw new IllegalStateException("neither process took the lease");
    }

    private static void signal(Process process, String signal) throws Exception {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
    }

    /** A child process running {@link LeaseHolder}, and the lines it prints. */
    private record Holder(Process process, BlockingQueue<String> lines) {
        static Holder start(String name, TestPostgres.Schema schema) throws Exception {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            LeaseHolder.class.getName(),
                            name,
                            schema.url(),
                            schema.user(),
                            schema.password() == null ? "" : schema.password())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (Exception e) {
                    // the process is gone
                }
            });
            reader.setDaemon(true);
            reader.start();
            return new Holder(process, lines);
        }

        String awaitLine(String prefix, Duration within) throws Exception {
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(50, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
            }
            throw new IllegalStateException("no '" + prefix + "' line within " + within);
        }

        /** When (epoch ms, by the holder's clock: the same machine's) it said it leads. */
        long awaitLeading(Duration within) throws Exception {
            return Long.parseLong(awaitLine("leading", within).split(" ")[1]);
        }
    }

    /** One contender: the supervisor's loop around the real lease, printing "leading <ms>" when it takes the lease. */
    public static final class LeaseHolder {
        public static void main(String[] args) throws Exception {
            Database database = Database.open(args[1], args[2], args[3].isEmpty() ? null : args[3]);
            JdbiLeaderLease lease = new JdbiLeaderLease(database, "feeds", args[0], LEASE, Clock.systemUTC());
            boolean leading = false;
            boolean announced = false;
            while (true) {
                if (leading) {
                    leading = lease.renew();
                    if (!leading) {
                        System.out.println("lost " + System.currentTimeMillis());
                    }
                } else {
                    leading = lease.tryAcquire();
                    if (leading) {
                        System.out.println("leading " + System.currentTimeMillis());
                    } else if (!announced) {
                        System.out.println("following " + System.currentTimeMillis());
                        announced = true;
                    }
                }
                System.out.flush();
                Thread.sleep(TICK.toMillis());
            }
        }
    }
}
