package org.resultsdesk.feeds;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.LocalCandidacy;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.core.retry.Sleeper;

/**
 * Replays a local election night from the bundled data, council by council: each council's wards become one
 * Democracy Club candidates CSV in the feed folder. The Library's files give no declaration times, so the councils
 * are spread evenly, in order of name, over the night and the next day ({@link #NIGHT_STARTS} on polling day to
 * {@link #NIGHT_ENDS} the day after, UK time: when English councils count overnight or on the Friday), compressed by a
 * speed factor; the times are invented and every caller says so.
 */
public final class LocalReplayFeed {
    public static final LocalTime NIGHT_STARTS = LocalTime.of(23, 0);
    public static final LocalTime NIGHT_ENDS = LocalTime.of(18, 0);
    private static final ZoneId UK = ZoneId.of("Europe/London");

    /** One council's file at its invented declaration time. */
    public record Declared(Council council, Instant at, List<LocalContest> wards) {}

    private final List<Declared> councils;
    private final double speed;
    private final Clock clock;
    private final Sleeper sleeper;

    public LocalReplayFeed(LocalDate day, List<LocalContest> contests, double speed, Clock clock, Sleeper sleeper) {
        if (speed <= 0) {
            throw new IllegalArgumentException("speed must be positive");
        }
        Map<Council, List<LocalContest>> byCouncil = new LinkedHashMap<>();
        contests.stream()
                .filter(c -> c.ballot().date().equals(day) && !c.ballot().byElection())
                .sorted(Comparator.comparing((LocalContest c) -> c.council().name())
                        .thenComparing(c -> c.ward().name()))
                .forEach(c -> byCouncil
                        .computeIfAbsent(c.council(), k -> new ArrayList<>())
                        .add(c));
        Instant start = day.atTime(NIGHT_STARTS).atZone(UK).toInstant();
        Instant end = day.plusDays(1).atTime(NIGHT_ENDS).atZone(UK).toInstant();
        long seconds = Duration.between(start, end).toSeconds();
        int gaps = Math.max(1, byCouncil.size() - 1);
        List<Declared> declared = new ArrayList<>();
        int i = 0;
        for (Map.Entry<Council, List<LocalContest>> e : byCouncil.entrySet()) {
            // To the second: the first at the start, the last at the end, the rest evenly between.
            Instant at = start.plusSeconds(Math.round((double) seconds * i++ / gaps));
            declared.add(new Declared(e.getKey(), at, List.copyOf(e.getValue())));
        }
        this.councils = List.copyOf(declared);
        this.speed = speed;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    private LocalReplayFeed(List<Declared> councils, double speed, Clock clock, Sleeper sleeper) {
        this.councils = councils;
        this.speed = speed;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** The same replay cut to its first {@code count} councils. */
    public LocalReplayFeed first(int count) {
        return new LocalReplayFeed(councils.subList(0, Math.min(count, councils.size())), speed, clock, sleeper);
    }

    /** How many council files the replay plays. */
    public int size() {
        return councils.size();
    }

    public int wards() {
        return councils.stream().mapToInt(d -> d.wards().size()).sum();
    }

    public List<Declared> councils() {
        return councils;
    }

    /** The invented time of the first declaration. */
    public Instant firstDeclared() {
        return councils.isEmpty() ? Instant.EPOCH : councils.get(0).at();
    }

    /** Plays each council's file into {@code sink} at its invented time; returns how many were played. */
    public int play(Consumer<FeedFile> sink) throws InterruptedException {
        Instant started = clock.instant();
        int played = 0;
        for (Declared d : councils) {
            Duration offset = Duration.ofMillis(
                    (long) (Duration.between(firstDeclared(), d.at()).toMillis() / speed));
            Duration wait = Duration.between(clock.instant(), started.plus(offset));
            if (!wait.isNegative() && !wait.isZero()) {
                sleeper.sleep(wait);
            }
            sink.accept(new FeedFile(
                    d.council().slug() + "_" + d.wards().get(0).ballot().date() + ".csv",
                    csv(d.wards()).getBytes(StandardCharsets.UTF_8),
                    clock.instant()));
            played++;
        }
        return played;
    }

    /** The wards as Democracy Club's candidates CSV with results (the columns {@link DemocracyClubCsvFeedParser} reads). */
    public static String csv(List<LocalContest> wards) {
        StringBuilder out = new StringBuilder(
                "person_id,person_name,election_id,ballot_paper_id,election_date,election_current,party_name,party_id,"
                        + "post_label,cancelled_poll,seats_contested,votes_cast,elected,gss,organisation_name,"
                        + "total_electorate,turnout_percentage\n");
        int person = 1;
        for (LocalContest c : wards) {
            for (LocalCandidacy k : c.candidates()) {
                out.append(person++)
                        .append(',')
                        .append(field(k.displayName()))
                        .append(',')
                        .append(c.ballot()
                                .electionGroup()
                                .replace("local.", "local." + c.ballot().organisation() + "."))
                        .append(',')
                        .append(c.id())
                        .append(',')
                        .append(c.ballot().date())
                        .append(",f,")
                        .append(field(k.party().name()))
                        .append(',')
                        .append(LocalFeedResolver.democracyClubId(k.party().code()))
                        .append(',')
                        .append(field(c.ward().name()))
                        .append(',')
                        .append(c.uncontested() ? "t" : "f")
                        .append(',')
                        .append(c.seats())
                        .append(',')
                        .append(k.votes())
                        .append(',')
                        .append(k.elected() ? "t" : "f")
                        .append(',')
                        .append(c.ward().onsCode())
                        .append(',')
                        .append(field(c.council().fullName()))
                        .append(',')
                        .append(
                                c.electorate().isPresent()
                                        ? String.valueOf(c.electorate().getAsInt())
                                        : "")
                        .append(',')
                        .append(c.turnout()
                                .map(java.math.BigDecimal::toPlainString)
                                .orElse(""))
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static String field(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\""
                : value;
    }
}
