package org.resultsdesk.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.resultsdesk.core.model.Seat;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.core.seats.SeatFixture;

/**
 * Building the {@link SeatDirectory} over every GE2019 and GE2024 seat (1,295), as the app does once at start-up:
 * cold (the first build in a fresh JVM, what start-up pays) and warm.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SeatDirectoryBuildBenchmark {
    private List<Seat> seats;

    @Setup
    public void load() {
        seats = SeatFixture.allSeats();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public SeatDirectory cold() {
        return new SeatDirectory(seats);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 2)
    @Fork(1)
    public SeatDirectory warm() {
        return new SeatDirectory(seats);
    }
}
