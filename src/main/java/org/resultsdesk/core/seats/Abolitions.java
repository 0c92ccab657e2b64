package org.resultsdesk.core.seats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.resultsdesk.core.model.Seat;

/**
 * Seats abolished by the 2023 boundary review (first fought on the new boundaries in 2024), each with its successor:
 * the new seat holding the largest share of its people ({@link SeatLineage}). A name carried over to a new seat
 * (Ynys Môn) is not abolished.
 */
public final class Abolitions {
    static final int ABOLISHED_IN = 2024;

    private final SeatLineage lineage;
    private final Supplier<Collection<Seat>> seats;

    /** A seat gone, where most of it went, and what share of its people live there. */
    public record Abolished(Seat seat, Seat successor, BigDecimal share) {
        public Abolished {
            Objects.requireNonNull(seat);
            Objects.requireNonNull(successor);
            Objects.requireNonNull(share);
        }

        /** "Abolished in 2024; now mostly Henley and Thame", or the largest part when that is under half. */
        public String note() {
            if (share.compareTo(new BigDecimal("0.5")) >= 0) {
                return "Abolished in " + ABOLISHED_IN + "; now mostly " + successor.name() + ".";
            }
            return "Abolished in " + ABOLISHED_IN + "; its largest part (" + percent() + " of its people) is now in "
                    + successor.name() + ".";
        }

        /** For copy: "Belfast South was abolished in 2024; most of it is now in Belfast South and Mid Down." */
        public String sentence() {
            String now = share.compareTo(new BigDecimal("0.5")) >= 0
                    ? "most of it is now in "
                    : "its largest part (" + percent() + " of its people) is now in ";
            return seat.name() + " was abolished in " + ABOLISHED_IN + "; " + now + successor.name() + ".";
        }

        private String percent() {
            return share.multiply(BigDecimal.valueOf(100))
                            .setScale(0, RoundingMode.HALF_UP)
                            .toPlainString() + "%";
        }
    }

    public Abolitions(SeatLineage lineage, Supplier<Collection<Seat>> seats) {
        this.lineage = lineage;
        this.seats = seats;
    }

    /** Given every seat going by one name: abolished when all are on the old boundaries and a successor is known. */
    public Optional<Abolished> of(List<Seat> sameName) {
        if (sameName.isEmpty() || !sameName.stream().allMatch(s -> lineage.isPredecessor(s.gss()))) {
            return Optional.empty();
        }
        Seat old = sameName.get(0);
        // A seat whose code lives on (Na h-Eileanan an Iar, Orkney and Shetland) was not abolished.
        return lineage.successorOf(old.gss())
                .filter(successor -> sameName.stream().noneMatch(s -> s.gss().equals(successor.gss())))
                .flatMap(successor -> seats.get().stream()
                        .filter(s -> s.gss().equals(successor.gss()))
                        .findFirst()
                        .map(seat -> new Abolished(old, seat, successor.share())));
    }
}
