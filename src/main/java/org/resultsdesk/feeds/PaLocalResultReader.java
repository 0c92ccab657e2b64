package org.resultsdesk.feeds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.core.port.FeedRejected;
import org.resultsdesk.core.seats.CouncilDirectory;
import org.w3c.dom.Element;

/**
 * PA's local election results ({@code LocalElectionResult}): council-level, one {@code Council} element each, with
 * the seats won tonight ({@code ElectedCouncillors}, for councils electing by thirds or halves), the change by party
 * ({@code Changes}) and the whole council after ({@code NewCouncil}); PA's local feed carries no ward votes. Each
 * council is matched to the bundled councils by name. A file that names a council not on file, or holds a figure that
 * cannot be right, is refused whole with its reason.
 */
final class PaLocalResultReader {
    /** More than the councils of any one polling day (about 400 in the largest years). */
    static final int MAX_COUNCILS = 500;
    /** More than the parties any council has. */
    static final int MAX_PARTIES = 60;
    /** More seats than any council has (Birmingham, 101; Kent, 81). */
    static final int MAX_SEATS = 200;

    private static final Set<String> PROPORTIONS = Set.of("all", "half", "third");
    private final Supplier<LocalArchive> local;
    private final LocalFeedResolver resolver;

    PaLocalResultReader(Supplier<LocalArchive> local) {
        this.local = local;
        this.resolver = new LocalFeedResolver(local);
    }

    List<FeedMessage> read(Element root, FeedFile file) throws FeedRejected {
        Element election = PaXmlFeedParser.child(root, "Election");
        LocalDate date = PaXmlFeedParser.date(election);
        int revision = PaXmlFeedParser.revision(root, file);
        if (revision < 1) {
            throw new FeedRejected("revision " + revision + " is not a revision");
        }
        List<Element> councils = PaXmlFeedParser.children(election, "Council");
        if (councils.isEmpty()) {
            throw new FeedRejected("<Election> has no <Council>");
        }
        if (councils.size() > MAX_COUNCILS) {
            throw new FeedRejected(councils.size() + " councils in one file, more than " + MAX_COUNCILS);
        }
        CouncilDirectory directory = new CouncilDirectory(local.get().councils());
        List<FeedMessage> tallies = new ArrayList<>();
        for (Element council : councils) {
            tallies.add(tally(council, directory, date, revision));
        }
        return tallies;
    }

    private FeedMessage.CouncilTally tally(Element element, CouncilDirectory directory, LocalDate date, int revision)
            throws FeedRejected {
        String name = text(element, "name");
        Council council = directory.find(name) instanceof CouncilDirectory.Match.Found found ? found.council() : null;
        if (council == null) {
            throw new FeedRejected("unknown council '" + name + "'");
        }
        String proportion = element.getAttribute("proportion").strip();
        if (!PROPORTIONS.contains(proportion)) {
            throw new FeedRejected(name + ": proportion '" + clip(proportion) + "' is not all, half or third");
        }
        Map<String, Integer> after = parties(element, "NewCouncil", "seats", name, true);
        int size = after.values().stream().mapToInt(Integer::intValue).sum();
        if (size == 0) {
            throw new FeedRejected(name + ": the new council has no seats");
        }
        Map<String, Integer> won =
                PaXmlFeedParser.children(element, "ElectedCouncillors").isEmpty()
                        ? proportion.equals("all") ? after : Map.of()
                        : parties(element, "ElectedCouncillors", "seats", name, true);
        int up = won.values().stream().mapToInt(Integer::intValue).sum();
        if (up > size) {
            throw new FeedRejected(name + ": " + up + " councillors elected, more than the council's " + size);
        }
        Map<String, Integer> changes =
                PaXmlFeedParser.children(element, "Changes").isEmpty()
                        ? Map.of()
                        : parties(element, "Changes", "change", name, false);
        return new FeedMessage.CouncilTally(council, date, proportion, won, changes, after, revision);
    }

    /** The {@code Party} children of the named child: seats (never negative) or signed changes, by party code. */
    private Map<String, Integer> parties(
            Element council, String group, String attribute, String councilName, boolean seats) throws FeedRejected {
        List<Element> parties = PaXmlFeedParser.children(PaXmlFeedParser.child(council, group), "Party");
        if (parties.size() > MAX_PARTIES) {
            throw new FeedRejected(
                    councilName + ": " + parties.size() + " parties in <" + group + ">, more than " + MAX_PARTIES);
        }
        Map<String, Integer> byParty = new LinkedHashMap<>();
        for (Element party : parties) {
            String partyName = text(party, "name");
            int n = PaXmlFeedParser.number(party, attribute, attribute + " of " + partyName + " in " + councilName);
            if (seats ? n < 0 || n > MAX_SEATS : Math.abs(n) > MAX_SEATS) {
                throw new FeedRejected(
                        councilName + ": " + attribute + " " + n + " for " + partyName + " cannot be right");
            }
            byParty.merge(resolver.party("", partyName).code(), n, Integer::sum);
        }
        return byParty;
    }

    /** An attribute that must be there and be printable: no control characters, no more than a name's length. */
    private static String text(Element element, String attribute) throws FeedRejected {
        String value = element.getAttribute(attribute).strip();
        if (value.isEmpty()) {
            throw new FeedRejected("missing " + element.getTagName() + "@" + attribute);
        }
        if (value.length() > PaXmlFeedParser.MAX_NAME_LENGTH) {
            throw new FeedRejected(element.getTagName() + "@" + attribute + " longer than "
                    + PaXmlFeedParser.MAX_NAME_LENGTH + " characters");
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new FeedRejected(element.getTagName() + "@" + attribute + " holds control characters");
        }
        return value;
    }

    private static String clip(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "..." : value;
    }
}
