package org.resultsdesk.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.core.seats.SeatFixture;
import org.resultsdesk.core.seats.SeatMatch;

/**
 * {@link SeatDirectory#find} latency over every GE2019 and GE2024 seat name, sampled so JMH reports percentiles
 * (target: p99 under 1 ms): an exact name, the words in another order, an ambiguous prefix, typos in a one-word and
 * a three-word name, and nonsense (which scans everything and finds nothing). Run: see "Benchmarks" in the README.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SeatLookupBenchmark {
    @Param({"kingswood", "kemptown brighton", "birmingham", "kingswod", "runcorn and helsbey", "xyzzy"})
    public String query;

    private SeatDirectory seats;

    @Setup
    public void setUp() {
        seats = new SeatDirectory(SeatFixture.allSeats());
    }

    @Benchmark
    public SeatMatch find() {
        return seats.find(query);
    }
}
