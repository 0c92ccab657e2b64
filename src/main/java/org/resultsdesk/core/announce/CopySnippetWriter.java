package org.resultsdesk.core.announce;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;
import org.resultsdesk.core.calc.CandidateFigures;
import org.resultsdesk.core.calc.PartyContinuity;
import org.resultsdesk.core.calc.ResultFigures;
import org.resultsdesk.core.calc.Swing;
import org.resultsdesk.core.calc.Verdict;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Comparison;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.ElectionKind;
import org.resultsdesk.core.model.Party;

/**
 * The copy snippet: a paragraph a reporter can paste into a story, e.g.
 * "Labour's Damien Egan has won the Kingswood by-election, overturning a Conservative majority of 11,220. ..."
 *
 * <p>House style (DESIGN.md §4): people by the name they are known by (first forename and surname), each party
 * named once per phrase and in words ("Reform UK", never "RUK"), the article agreeing with the spoken word ("an SNP
 * majority", "an 8.5% swing"), one to nine in words. The GAIN/HOLD verdict follows the comparison result, but the
 * words follow who held the seat on the day: a sitting MP who wins is "re-elected", a party winning back a seat lost
 * at a by-election "regains" it, and a sitting MP who loses is named. A contest that is not this week's is dated
 * ("at the 2019 general election"); where the verdict is told against a by-election since the comparison result
 * but the swing against the comparison result itself, the swing says so ("since 2019"). Notes about the tool (why
 * no swing is given) stay out of the copy.
 */
public final class CopySnippetWriter {
    /** A contest held this many days ago or fewer is this week's news and needs no date. */
    static final int UNDATED_DAYS = 6;

    private final Function<Contest, LocalDate> today;

    /** Copy as written on the night of each contest: never dated. */
    public CopySnippetWriter() {
        this(contest -> contest.election().date());
    }

    /** Copy written today by {@code clock}: dated unless the contest is this week's. */
    public CopySnippetWriter(Clock clock) {
        this(contest -> LocalDate.now(clock.withZone(LONDON)));
    }

    private CopySnippetWriter(Function<Contest, LocalDate> today) {
        this.today = today;
    }

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    public String write(ResultFigures figures) {
        Contest contest = figures.contest();
        Candidacy winner = contest.winner();
        String lead = lead(figures, dated(contest));
        StringBuilder text =
                new StringBuilder(subject(winner)).append(' ').append(lead).append(". ");

        text.append(winner.surname())
                .append(" secured ")
                .append(Formats.count(winner.votes()))
                .append(winner.votes() == 1 ? " vote" : " votes");
        figures.runnerUp().map(CandidateFigures::candidacy).ifPresent(second -> {
            // Named already (the sitting MP defeated): the surname, and the party is not said again.
            boolean named = lead.contains(second.knownName());
            text.append(" to ")
                    .append(named ? second.surname() : second.knownName())
                    .append("'s ")
                    .append(Formats.count(second.votes()))
                    .append(named ? "" : standingFor(second.party()));
        });
        text.append(", a majority of ").append(Formats.count(figures.majority()));
        Optional<Comparison> since = figures.comparison()
                .filter(before -> changedHandsAtByElection(before)
                        .filter(h -> !sameParty(h.party(), winner.party()))
                        .isPresent());
        figures.swing()
                .ifPresent(swing -> text.append(
                        since.isPresent()
                                ? ", with a swing of " + Formats.percent(swing.points()) + " " + swingParties(swing)
                                        + " since " + since.get().label().replaceFirst(" notional$", "")
                                : ", on " + swingPhrase(swing)));
        text.append(". ");
        text.append("Turnout was ")
                .append(Formats.percent(figures.turnout().percent()))
                .append('.');
        return text.toString();
    }

    /** "Labour's Damien Egan", "The Conservatives' Iain Duncan Smith", "The Speaker, Lindsay Hoyle,". */
    private static String subject(Candidacy winner) {
        if (isSpeaker(winner.party())) {
            return "The Speaker, " + winner.knownName() + ",";
        }
        return Formats.capitalise(PartyStyle.of(winner.party()).possessive()) + " " + winner.knownName();
    }

    /** "2019 " or "February 2024 " for a contest that is not this week's; empty for one that is. */
    private String dated(Contest contest) {
        LocalDate held = contest.election().date();
        long ago = ChronoUnit.DAYS.between(held, today.apply(contest));
        if (ago >= 0 && ago <= UNDATED_DAYS) {
            return "";
        }
        return contest.election().kind() == ElectionKind.BY_ELECTION ? Formats.month(held) + " " : held.getYear() + " ";
    }

    /** The by-election since the comparison result at which the seat changed hands, if there was one. */
    private static Optional<Comparison.Holder> changedHandsAtByElection(Comparison before) {
        return before.byElectionHolder().filter(h -> !sameParty(h.party(), before.winner()));
    }

    private static String lead(ResultFigures figures, String dated) {
        Contest contest = figures.contest();
        Candidacy winner = contest.winner();
        boolean byElection = contest.election().kind() == ElectionKind.BY_ELECTION;
        String seat = contest.seat().name();
        String when = byElection ? " in the " + dated + "by-election" : " at the " + dated + "general election";
        String where = byElection ? "the " + dated + seat + " by-election" : seat + when;
        if (figures.verdict().isEmpty()) {
            return "has won " + where;
        }
        Verdict verdict = figures.verdict().get();
        Comparison before = figures.comparison().orElseThrow();
        // A by-election since the comparison matters to the words only where the seat changed hands at it.
        Optional<Comparison.Holder> holder = changedHandsAtByElection(before);
        Optional<Candidacy> defeatedMp = contest.candidates().stream()
                .skip(1)
                .filter(Candidacy::sittingMp)
                .filter(c -> holder.map(h -> !h.name().equals(c.knownName())).orElse(true))
                .findFirst();

        if (winner.sittingMp()) {
            String reElected = "has been re-elected in " + seat + when;
            if (verdict.gain() && figures.overturnedMajority().isPresent()) {
                return reElected + "; " + previousMajority(figures, before, verdict.previousWinner());
            }
            return reElected;
        }
        boolean holderIsWinnersParty =
                holder.filter(h -> sameParty(h.party(), winner.party())).isPresent();
        if (holder.isPresent() && !holderIsWinnersParty) {
            Comparison.Holder h = holder.get();
            String from = holderName(h) + ", who won it at the " + Formats.month(h.byElection()) + " by-election";
            return verdict.gain()
                    ? "has won " + where + ", taking the seat from " + from
                    : "has regained " + seat + " from " + from;
        }
        String defeating = defeatedMp
                .map(mp -> "defeating the sitting " + adjective(mp.party()) + " MP " + mp.knownName())
                .orElse("");
        if (!verdict.gain()
                && defeatedMp.isPresent()
                && AnnouncementFactory.notionalPrefix(before).isEmpty()
                && !sameParty(defeatedMp.get().party(), winner.party())) {
            // The seat changed hands since the comparison result (a by-election or a defection we hold no record of).
            return "has regained " + seat + when + ", " + defeating;
        }
        if (!verdict.gain() || holderIsWinnersParty) {
            String held = "has held " + seat + when;
            if (verdict.gain() && figures.overturnedMajority().isPresent()) {
                held += ", overturning " + majorityPhrase(figures, before, verdict.previousWinner());
            }
            return defeating.isEmpty() ? held : held + ", " + defeating;
        }
        String won = "has won " + where + ", ";
        if (figures.overturnedMajority().isPresent()) {
            // The defeated MP's party is named once: "defeating the sitting Conservative MP Jane Hunt and overturning
            // a notional majority of 6,091".
            boolean partyNamed = defeatedMp
                    .filter(mp -> sameParty(mp.party(), verdict.previousWinner()))
                    .isPresent();
            return won + (defeating.isEmpty() ? "" : defeating + " and ") + "overturning "
                    + (partyNamed
                            ? Formats.withArticle(AnnouncementFactory.notionalPrefix(before) + "majority of "
                                    + Formats.count(figures.overturnedMajority().getAsInt()))
                            : majorityPhrase(figures, before, verdict.previousWinner()));
        }
        return won
                + (defeating.isEmpty()
                        ? "taking the seat from "
                                + PartyStyle.of(verdict.previousWinner()).collective()
                        : defeating);
    }

    /** "a notional Conservative majority of 3,690". */
    private static String majorityPhrase(ResultFigures figures, Comparison before, Party previous) {
        return Formats.withArticle(AnnouncementFactory.notionalPrefix(before)
                + PartyStyle.of(previous).name() + " majority of "
                + Formats.count(figures.overturnedMajority().getAsInt()));
    }

    /** For a sitting MP re-elected where the comparison result says the seat changed hands. */
    private static String previousMajority(ResultFigures figures, Comparison before, Party previous) {
        String phrase = majorityPhrase(figures, before, previous);
        return AnnouncementFactory.notionalPrefix(before).isEmpty()
                ? "in " + before.label() + " the seat had " + phrase
                : "on the new boundaries the seat had " + phrase;
    }

    /** "the Workers Party's George Galloway", "independent Claire Smith". */
    private static String holderName(Comparison.Holder holder) {
        return PartyStyle.of(holder.party()).possessive() + " " + holder.name();
    }

    /** " for the Conservatives", " as an independent", " for the Speaker". */
    private static String standingFor(Party party) {
        if (party.isIndependent()) {
            return " as an independent";
        }
        return " for " + PartyStyle.of(party).collective();
    }

    /** The party as an adjective before "MP": "Conservative", "independent", "Independent Group for Change". */
    private static String adjective(Party party) {
        return party.isIndependent()
                ? "independent"
                : PartyStyle.of(party).name().replaceFirst("^The ", "");
    }

    private static boolean sameParty(Party a, Party b) {
        return !a.isIndependent() && PartyContinuity.key(a, "").equals(PartyContinuity.key(b, ""));
    }

    private static boolean isSpeaker(Party party) {
        return party.code().equals("Spk");
    }

    /** "an 8.5% swing from the SNP to Labour". */
    private static String swingPhrase(Swing swing) {
        return Formats.withArticle(Formats.percent(swing.points())) + " swing " + swingParties(swing);
    }

    /** "from the SNP to Labour". */
    private static String swingParties(Swing swing) {
        return "from " + PartyStyle.of(swing.from()).collective() + " to "
                + PartyStyle.of(swing.to()).collective();
    }
}
