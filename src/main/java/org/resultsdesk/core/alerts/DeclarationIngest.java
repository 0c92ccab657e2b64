package org.resultsdesk.core.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.resultsdesk.core.calc.ResultCalculator;
import org.resultsdesk.core.calc.Verdict;
import org.resultsdesk.core.model.Alert;
import org.resultsdesk.core.model.Comparison;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Declaration;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.port.AlertStore;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.core.port.FeedParser;
import org.resultsdesk.core.port.FeedRejected;
import org.resultsdesk.core.port.Fence;
import org.resultsdesk.core.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed's way in: parse a file, validate each declaration, keep the newest revision, and store it together with
 * an alert for every subscribed channel in one transaction. A bad file or message is refused with one log line
 * naming the file and the reason; the last good data stays and no alert goes out for it. A declaration that is not
 * news ({@link NewsPolicy}: figures already held, an old election) is stored without alerts. Each file read gives
 * one log line saying what became of it.
 */
public final class DeclarationIngest {
    private static final Logger LOG = LoggerFactory.getLogger(DeclarationIngest.class);

    private final FeedParser parser;
    private final StoreFollower view;
    private final AlertStore store;
    private final AlertRouter router;
    private final Clock clock;
    private final Runnable alertsQueued;
    private final Supplier<Fence> fence;
    private final DeclarationValidator validator;
    private final NewsPolicy news;
    private final ResultCalculator calculator = new ResultCalculator();

    /** Unfenced: for a single instance, tools and tests. */
    public DeclarationIngest(
            FeedParser parser,
            StoreFollower view,
            AlertStore store,
            AlertRouter router,
            Clock clock,
            Runnable alertsQueued) {
        this(parser, view, store, router, clock, alertsQueued, () -> Fence.NONE);
    }

    /**
     * @param view   this instance's view of the store, brought up to date after each commit
     * @param fence  the leader's fence, checked inside each ingest transaction
     */
    public DeclarationIngest(
            FeedParser parser,
            StoreFollower view,
            AlertStore store,
            AlertRouter router,
            Clock clock,
            Runnable alertsQueued,
            Supplier<Fence> fence) {
        this(parser, view, store, router, clock, alertsQueued, fence, ResultLimits.DEFAULTS);
    }

    /** @param limits what a declared result may plausibly hold */
    public DeclarationIngest(
            FeedParser parser,
            StoreFollower view,
            AlertStore store,
            AlertRouter router,
            Clock clock,
            Runnable alertsQueued,
            Supplier<Fence> fence,
            ResultLimits limits) {
        this(parser, view, store, router, clock, alertsQueued, fence, limits, NewsPolicy.DEFAULTS);
    }

    /** @param news which accepted declarations are alerted */
    public DeclarationIngest(
            FeedParser parser,
            StoreFollower view,
            AlertStore store,
            AlertRouter router,
            Clock clock,
            Runnable alertsQueued,
            Supplier<Fence> fence,
            ResultLimits limits,
            NewsPolicy news) {
        this.news = news;
        this.parser = parser;
        this.view = view;
        this.store = store;
        this.router = router;
        this.clock = clock;
        this.alertsQueued = alertsQueued;
        this.fence = fence;
        this.validator = new DeclarationValidator(view.archive(), limits, clock);
    }

    /**
     * Reads one file. Returns how it went for the file's content; throws when the store could not take it (the
     * database is away, or another instance leads now: {@link org.resultsdesk.core.port.FencedOut}), so that the
     * source keeps the file and it is read again.
     */
    public synchronized IngestOutcome accept(FeedFile file) {
        List<FeedMessage> messages;
        try {
            messages = parser.parse(file);
        } catch (FeedRejected e) {
            LOG.warn("rejected feed file {}: {}", LogSafe.escape(file.name()), LogSafe.escape(e.getMessage()));
            return new IngestOutcome.Rejected(e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("rejected feed file {}: unreadable ({})", LogSafe.escape(file.name()), LogSafe.escape(e));
            return new IngestOutcome.Rejected("unreadable: " + e.getMessage());
        }
        return accept(file.name(), file.receivedAt(), messages);
    }

    /**
     * Takes messages that came from somewhere other than a file (the Democracy Club API poller); {@code source} names
     * it in the log lines. Same outcomes and the same exceptions as {@link #accept(FeedFile)}.
     */
    public synchronized IngestOutcome accept(String source, Instant receivedAt, List<FeedMessage> messages) {
        Optional<String> contradiction = validator.fileProblem(messages);
        if (contradiction.isPresent()) {
            LOG.warn("rejected feed file {}: {}", LogSafe.escape(source), LogSafe.escape(contradiction.get()));
            return new IngestOutcome.Rejected(contradiction.get());
        }
        List<String> accepted = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        Map<String, List<String>> notNews = new LinkedHashMap<>();
        int held = 0;
        int queued = 0;
        for (FeedMessage message : messages) {
            if (message instanceof FeedMessage.Result unnumbered
                    && unnumbered.revision() == FeedMessage.Result.UNNUMBERED) {
                Optional<FeedMessage.Result> numbered = numbered(unnumbered);
                if (numbered.isEmpty()) {
                    held++;
                    continue;
                }
                message = numbered.get();
            }
            if (message instanceof FeedMessage.LocalResult unnumbered
                    && unnumbered.revision() == FeedMessage.Result.UNNUMBERED) {
                Optional<FeedMessage.LocalResult> numbered = numbered(unnumbered);
                if (numbered.isEmpty()) {
                    held++;
                    continue;
                }
                message = numbered.get();
            }
            if (message instanceof FeedMessage.LocalResult local) {
                String id = local.contest().id();
                Optional<String> problem =
                        validator.problem(local.contest()).or(() -> olderThanHeld(id, local.revision()));
                if (problem.isPresent()) {
                    LOG.warn(
                            "rejected {} in feed file {}: {}",
                            LogSafe.escape(id),
                            LogSafe.escape(source),
                            LogSafe.escape(problem.get()));
                    rejected.add(id + ": " + problem.get());
                    continue;
                }
                if (isRepeat(id, Declaration.Stage.RESULT, local.revision())) {
                    held++;
                    continue;
                }
                Optional<String> notNew = news.whyNotNews(local.contest(), storedLocal(id), clock);
                queued += acceptLocal(local, source, receivedAt, notNew.isEmpty());
                accepted.add(id);
                notNew.ifPresent(why ->
                        notNews.computeIfAbsent(why, w -> new ArrayList<>()).add(id));
            } else if (message instanceof FeedMessage.Result result) {
                Optional<String> problem = problem(result);
                if (problem.isPresent()) {
                    LOG.warn(
                            "rejected {} in feed file {}: {}",
                            LogSafe.escape(result.contest().id()),
                            LogSafe.escape(source),
                            LogSafe.escape(problem.get()));
                    rejected.add(result.contest().id() + ": " + problem.get());
                    continue;
                }
                if (isRepeat(result.contest().id(), Declaration.Stage.RESULT, result.revision())) {
                    held++;
                    continue;
                }
                Optional<Contest> stored = store.latestDeclaration(
                                result.contest().id(), Declaration.Stage.RESULT)
                        .map(Declaration::message)
                        .filter(FeedMessage.Result.class::isInstance)
                        .map(m -> ((FeedMessage.Result) m).contest());
                Optional<String> notNew = news.whyNotNews(result.contest(), stored, clock);
                queued += acceptResult(result, source, receivedAt, notNew.isEmpty());
                accepted.add(result.contest().id());
                notNew.ifPresent(why -> notNews.computeIfAbsent(why, w -> new ArrayList<>())
                        .add(result.contest().id()));
            } else if (message instanceof FeedMessage.Rush rush) {
                String contestId = rush.election().id() + "/" + rush.seat().gss();
                if (store.latestRevision(contestId, Declaration.Stage.RESULT).isPresent()
                        || isRepeat(contestId, Declaration.Stage.RUSH, rush.revision())) {
                    held++;
                    continue;
                }
                Optional<String> notNew = news.whyNotNews(rush.election(), clock);
                queued += acceptRush(contestId, rush, source, receivedAt, notNew.isEmpty());
                accepted.add(contestId);
                notNew.ifPresent(why ->
                        notNews.computeIfAbsent(why, w -> new ArrayList<>()).add(contestId));
            } else if (message instanceof FeedMessage.CouncilTally tally) {
                LOG.info(
                        "council result from {}: {}, {}, revision {}, {} seats after; not alerted (its wards' results"
                                + " carry the alerts)",
                        LogSafe.escape(source),
                        LogSafe.escape(tally.council().fullName()),
                        tally.date(),
                        tally.revision(),
                        tally.after().values().stream()
                                .mapToInt(Integer::intValue)
                                .sum());
            } else if (message instanceof FeedMessage.StateOfParties sop) {
                LOG.info(
                        "state of parties from {}: {} of {} declared",
                        LogSafe.escape(source),
                        sop.declared(),
                        sop.total());
            }
        }
        if (queued > 0) {
            alertsQueued.run();
        }
        if (!accepted.isEmpty()) {
            LOG.info(
                    "accepted {} declaration(s) from {}, {} alert(s) queued{}{}",
                    accepted.size(),
                    LogSafe.escape(source),
                    queued,
                    notAlerted(notNews),
                    held > 0 ? "; " + held + " already held" : "");
            return new IngestOutcome.Accepted(accepted, queued, rejected);
        }
        if (!rejected.isEmpty()) {
            return new IngestOutcome.Rejected(String.join("; ", rejected));
        }
        if (held > 0) {
            LOG.info("nothing new in {}: {} declaration(s) already held", LogSafe.escape(source), held);
        }
        return new IngestOutcome.NothingNew(source);
    }

    /** "; not alerted, not news: 2 with the figures already held (parl.x/E1, ...)", for the file's one log line. */
    private static String notAlerted(Map<String, List<String>> notNews) {
        if (notNews.isEmpty()) {
            return "";
        }
        StringBuilder line = new StringBuilder("; not alerted, as not news:");
        String separator = " ";
        for (Map.Entry<String, List<String>> reason : notNews.entrySet()) {
            List<String> ids = reason.getValue();
            line.append(separator)
                    .append(ids.size())
                    .append(" for ")
                    .append(reason.getKey())
                    .append(" (")
                    .append(LogSafe.escape(String.join(", ", ids.subList(0, Math.min(3, ids.size())))))
                    .append(ids.size() > 3 ? ", ..." : "")
                    .append(")");
            separator = ", ";
        }
        return line.toString();
    }

    /** The next revision for changed figures from a source without revision numbers; empty when they are unchanged. */
    private Optional<FeedMessage.Result> numbered(FeedMessage.Result result) {
        Contest contest = result.contest();
        OptionalInt stored = store.latestRevision(contest.id(), Declaration.Stage.RESULT);
        if (stored.isEmpty()) {
            return Optional.of(new FeedMessage.Result(contest, 1));
        }
        if (store.latestDeclaration(contest.id(), Declaration.Stage.RESULT)
                .map(Declaration::message)
                .filter(held ->
                        held instanceof FeedMessage.Result r && r.contest().equals(contest))
                .isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new FeedMessage.Result(contest, stored.getAsInt() + 1));
    }

    private Optional<String> problem(FeedMessage.Result result) {
        Optional<String> invalid = validator.problem(result.contest());
        if (invalid.isPresent()) {
            return invalid;
        }
        return olderThanHeld(result.contest().id(), result.revision());
    }

    private Optional<String> olderThanHeld(String contestId, int revision) {
        OptionalInt stored = store.latestRevision(contestId, Declaration.Stage.RESULT);
        if (stored.isPresent() && stored.getAsInt() > revision) {
            return Optional.of(
                    "revision " + revision + " is older than revision " + stored.getAsInt() + " already held");
        }
        return Optional.empty();
    }

    /** The local result as last stored for this ballot. */
    private Optional<LocalContest> storedLocal(String ballotId) {
        return store.latestDeclaration(ballotId, Declaration.Stage.RESULT)
                .map(Declaration::message)
                .filter(FeedMessage.LocalResult.class::isInstance)
                .map(m -> ((FeedMessage.LocalResult) m).contest());
    }

    /** As for a Westminster result: the next revision for changed figures, empty when they are unchanged. */
    private Optional<FeedMessage.LocalResult> numbered(FeedMessage.LocalResult result) {
        LocalContest contest = result.contest();
        OptionalInt stored = store.latestRevision(contest.id(), Declaration.Stage.RESULT);
        if (stored.isEmpty()) {
            return Optional.of(new FeedMessage.LocalResult(contest, 1));
        }
        if (storedLocal(contest.id()).filter(contest::equals).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new FeedMessage.LocalResult(contest, stored.getAsInt() + 1));
    }

    /**
     * Stores a ward's result with an alert for every channel following its ward or council; when it is the council's
     * last ward that night, with the council's declaration for every channel following the council or every council.
     */
    private int acceptLocal(FeedMessage.LocalResult result, String source, Instant receivedAt, boolean isNews) {
        LocalContest contest = result.contest();
        boolean correction =
                store.latestRevision(contest.id(), Declaration.Stage.RESULT).isPresent();
        Alert.Kind kind = correction ? Alert.Kind.CORRECTION : Alert.Kind.RESULT;
        List<Alert> alerts = new ArrayList<>();
        if (isNews) {
            router.channelsFor(contest)
                    .forEach(channel ->
                            alerts.add(Alert.pending(channel, contest.id(), result.revision(), kind, clock.instant())));
            String night =
                    CouncilNight.of(contest.council(), contest.ballot().date()).id();
            if (!correction) {
                CouncilNight.completedBy(view.local(), contest)
                        .ifPresent(wards -> router.channelsForCouncil(contest.council())
                                .forEach(channel -> alerts.add(
                                        Alert.pending(channel, night, wards, Alert.Kind.COUNCIL, clock.instant()))));
            } else if (CouncilNight.declaredBefore(view.local(), contest)) {
                int revision = councilRevision(contest, result.revision());
                router.channelsForCouncil(contest.council())
                        .forEach(channel -> alerts.add(
                                Alert.pending(channel, night, revision, Alert.Kind.CORRECTION, clock.instant())));
            }
        }
        store.record(Declaration.of(result, source, receivedAt), alerts, fence.get());
        view.catchUp();
        return alerts.size();
    }

    /**
     * A council declaration's correction is numbered by the revisions of all its wards added up, so each ward's
     * correction gives the declaration a new, higher number (and its own outbox row).
     */
    private int councilRevision(LocalContest corrected, int revision) {
        int sum = revision;
        for (LocalContest ward :
                view.local().declaredOn(corrected.council(), corrected.ballot().date())) {
            if (!ward.id().equals(corrected.id())) {
                sum += store.latestRevision(ward.id(), Declaration.Stage.RESULT).orElse(1);
            }
        }
        return sum;
    }

    private boolean isRepeat(String contestId, Declaration.Stage stage, int revision) {
        OptionalInt stored = store.latestRevision(contestId, stage);
        return stored.isPresent() && stored.getAsInt() >= revision;
    }

    private int acceptResult(FeedMessage.Result result, String source, Instant receivedAt, boolean isNews) {
        Contest contest = result.contest();
        boolean correction =
                store.latestRevision(contest.id(), Declaration.Stage.RESULT).isPresent();
        Optional<Comparison> comparison = view.comparisonFor(contest);
        boolean gain = calculator
                .calculate(contest, comparison)
                .verdict()
                .map(Verdict::gain)
                .orElse(false);
        Alert.Kind kind = correction ? Alert.Kind.CORRECTION : Alert.Kind.RESULT;
        List<Alert> alerts = !isNews
                ? List.of()
                : router.channelsFor(contest.seat(), gain).stream()
                        .map(channel -> Alert.pending(channel, contest.id(), result.revision(), kind, clock.instant()))
                        .toList();
        store.record(Declaration.of(result, source, receivedAt), alerts, fence.get());
        view.catchUp();
        return alerts.size();
    }

    private int acceptRush(String contestId, FeedMessage.Rush rush, String source, Instant receivedAt, boolean isNews) {
        boolean gain = rush.previousWinner()
                .filter(p -> !p.code().equals(rush.winner().code()))
                .isPresent();
        List<Alert> alerts = !isNews
                ? List.of()
                : router.channelsFor(rush.seat(), gain).stream()
                        .map(channel ->
                                Alert.pending(channel, contestId, rush.revision(), Alert.Kind.RUSH, clock.instant()))
                        .toList();
        store.record(Declaration.of(rush, source, receivedAt), alerts, fence.get());
        view.catchUp();
        return alerts.size();
    }
}
