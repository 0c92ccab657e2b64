package org.resultsdesk.feeds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.ElectionKind;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.Seat;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.core.port.FeedParser;
import org.resultsdesk.core.port.FeedRejected;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * PA Media's election XML: results ({@code FirstPastThePostResult}), rushes ({@code FirstPastThePostRush}, the
 * winner ahead of the figures), state of parties, and nominations (ignored). Votes and shares live on each
 * candidate's {@code Party} child. The revision is the root's {@code revision} attribute, else the file name's
 * {@code _N} suffix. PA's local results ({@code LocalElectionResult}) are read by {@link PaLocalResultReader}. See
 * shared/data/feeds/pa-xml/PA-XML-SCHEMA-NOTES.md for the vocabulary.
 */
public final class PaXmlFeedParser implements FeedParser {
    private static final Pattern FILE_REVISION = Pattern.compile("_(\\d+)\\.xml$");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Longer than any constituency or by-election name. */
    static final int MAX_NAME_LENGTH = 200;

    private final SeatResolver seats;
    private final java.util.Optional<PaLocalResultReader> local;

    public PaXmlFeedParser(SeatResolver seats) {
        this.seats = seats;
        this.local = java.util.Optional.empty();
    }

    /** With PA's local results too, their councils matched to {@code local}'s. */
    public PaXmlFeedParser(
            SeatResolver seats, java.util.function.Supplier<org.resultsdesk.core.model.LocalArchive> local) {
        this.seats = seats;
        this.local = java.util.Optional.of(new PaLocalResultReader(local));
    }

    @Override
    public List<FeedMessage> parse(FeedFile file) throws FeedRejected {
        Element root = read(file).getDocumentElement();
        return switch (root.getTagName()) {
            case "FirstPastThePostResult" -> List.of(result(root, file));
            case "FirstPastThePostRush" -> List.of(rush(root, file));
            case "FirstPastThePostStateOfParties" -> List.of(stateOfParties(root));
            case "FirstPastThePostNominations" -> List.of(new FeedMessage.Ignored("PA nominations"));
            case "LocalElectionResult" -> {
                if (local.isEmpty()) {
                    throw new FeedRejected("PA local results are not read by this desk");
                }
                yield local.get().read(root, file);
            }
            case "LocalNominations", "LocalStateOfParties" ->
                List.of(new FeedMessage.Ignored("PA " + root.getTagName()));
            default -> throw new FeedRejected("not a PA election message: <" + root.getTagName() + ">");
        };
    }

    private FeedMessage.Result result(Element root, FeedFile file) throws FeedRejected {
        Election election = election(child(root, "Election"));
        Element constituency = child(child(root, "Election"), "Constituency");
        Seat seat = seat(constituency, election);
        List<Candidacy> candidates = new ArrayList<>();
        for (Element candidate : children(constituency, "Candidate")) {
            Element party = child(candidate, "Party");
            String name = (candidate.getAttribute("firstName") + " " + candidate.getAttribute("surname")).strip();
            int votes = number(party, "votes", "votes of " + name);
            if (votes < 0) {
                throw new FeedRejected("negative votes (" + votes + ") for " + name);
            }
            candidates.add(new Candidacy(
                    candidate.getAttribute("firstName"),
                    candidate.getAttribute("surname"),
                    PaParties.party(party.getAttribute("abbreviation"), party.getAttribute("name")),
                    votes,
                    !candidate.getAttribute("previousSittingMember").isBlank(),
                    false));
        }
        if (candidates.isEmpty()) {
            throw new FeedRejected("result for " + seat.name() + " has no candidates");
        }
        int valid = constituency.hasAttribute("turnout")
                        && !constituency.getAttribute("turnout").isBlank()
                ? number(constituency, "turnout", "turnout")
                : candidates.stream().mapToInt(Candidacy::votes).sum();
        int electorate = number(constituency, "electorate", "electorate");
        try {
            return new FeedMessage.Result(
                    new Contest(
                            election, seat, electorate, valid, OptionalInt.empty(), declarationTime(root), candidates),
                    revision(root, file));
        } catch (IllegalArgumentException e) {
            throw new FeedRejected(e.getMessage(), e);
        }
    }

    private FeedMessage.Rush rush(Element root, FeedFile file) throws FeedRejected {
        Election election = election(child(root, "Election"));
        Element constituency = child(child(root, "Election"), "Constituency");
        String winnerCode = first(constituency, "winningPartyAbbreviation", "winningParty");
        if (winnerCode.isBlank()) {
            throw new FeedRejected("rush for " + constituency.getAttribute("name") + " names no winning party");
        }
        Party winner = PaParties.party(winnerCode, constituency.getAttribute("winningPartyName"));
        String sitting = first(constituency, "sittingPartyAbbreviation", "sittingParty");
        Optional<Party> previous = sitting.isBlank()
                ? Optional.empty()
                : Optional.of(PaParties.party(sitting, constituency.getAttribute("sittingPartyName")));
        String winnerName = children(constituency, "Candidate").stream()
                .filter(c -> !c.getAttribute("elected").isBlank())
                .map(c -> (c.getAttribute("firstName") + " " + c.getAttribute("surname")).strip())
                .findFirst()
                .orElse("");
        return new FeedMessage.Rush(
                election, seat(constituency, election), winner, previous, winnerName, revision(root, file));
    }

    private static FeedMessage.StateOfParties stateOfParties(Element root) throws FeedRejected {
        Element election = child(root, "Election");
        List<FeedMessage.PartyTally> tallies = new ArrayList<>();
        for (Element party : children(child(root, "Parties"), "Party")) {
            tallies.add(new FeedMessage.PartyTally(
                    PaParties.party(party.getAttribute("abbreviation"), party.getAttribute("name")),
                    optionalNumber(party, "totalSeats"),
                    optionalNumber(party, "gains"),
                    optionalNumber(party, "losses"),
                    optionalNumber(party, "totalVotes")));
        }
        return new FeedMessage.StateOfParties(
                election.getAttribute("name"),
                date(election),
                number(root, "numberOfResults", "numberOfResults"),
                number(root, "totalNumberOfConstituencies", "totalNumberOfConstituencies"),
                tallies);
    }

    private static Election election(Element election) throws FeedRejected {
        LocalDate date = date(election);
        String type = election.getAttribute("type");
        if (type.equals("B")) {
            String seatName = withoutSuffix(election.getAttribute("name").strip(), "by-election")
                    .strip();
            if (seatName.length() > MAX_NAME_LENGTH) {
                throw new FeedRejected("by-election name longer than " + MAX_NAME_LENGTH + " characters");
            }
            return new Election(
                    "parl." + HocResultsConverter.slug(seatName) + ".by." + date, ElectionKind.BY_ELECTION, date);
        }
        return new Election("parl." + date, ElectionKind.GENERAL, date);
    }

    /** The text without a case-insensitive suffix; read without a regular expression, so any length is linear. */
    static String withoutSuffix(String text, String suffix) {
        return text.regionMatches(true, text.length() - suffix.length(), suffix, 0, suffix.length())
                ? text.substring(0, text.length() - suffix.length())
                : text;
    }

    private Seat seat(Element constituency, Election election) throws FeedRejected {
        String number = constituency.getAttribute("number");
        String name = constituency.getAttribute("name");
        if (name.length() > MAX_NAME_LENGTH || number.length() > MAX_NAME_LENGTH) {
            throw new FeedRejected("constituency name or number longer than " + MAX_NAME_LENGTH + " characters");
        }
        Optional<Seat> seat = Optional.empty();
        if (!number.isBlank() && !number.equals("0") && election.date().isBefore(LocalDate.of(2024, 7, 4))) {
            seat = seats.byPaNumber(number);
        }
        if (seat.isEmpty() && !name.isBlank()) {
            seat = seats.byName(name, election.date());
        }
        return seat.orElseThrow(() -> new FeedRejected("unknown seat: number " + number + ", name '" + name + "'"));
    }

    private static Optional<Instant> declarationTime(Element root) throws FeedRejected {
        String time = root.getAttribute("declarationTime");
        if (time.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(time).atZone(LONDON).toInstant());
        } catch (DateTimeParseException e) {
            throw new FeedRejected("declarationTime '" + time + "' is not a date and time");
        }
    }

    static int revision(Element root, FeedFile file) throws FeedRejected {
        if (!root.getAttribute("revision").isBlank()) {
            return number(root, "revision", "revision");
        }
        Matcher m = FILE_REVISION.matcher(file.name());
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    static LocalDate date(Element election) throws FeedRejected {
        try {
            return LocalDate.parse(election.getAttribute("date"));
        } catch (DateTimeParseException e) {
            throw new FeedRejected("election date '" + election.getAttribute("date") + "' is not a date");
        }
    }

    static int number(Element element, String attribute, String what) throws FeedRejected {
        String value = element.getAttribute(attribute).strip().replace(",", "");
        if (value.isEmpty()) {
            throw new FeedRejected("missing " + what + " (" + element.getTagName() + "@" + attribute + ")");
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new FeedRejected(what + " is not a whole number: '" + value + "'");
        }
    }

    private static int optionalNumber(Element element, String attribute) throws FeedRejected {
        return element.getAttribute(attribute).isBlank() ? 0 : number(element, attribute, attribute);
    }

    private static String first(Element element, String... attributes) {
        for (String a : attributes) {
            if (!element.getAttribute(a).isBlank()) {
                return element.getAttribute(a).strip();
            }
        }
        return "";
    }

    static Element child(Element parent, String tag) throws FeedRejected {
        List<Element> found = children(parent, tag);
        if (found.isEmpty()) {
            throw new FeedRejected("<" + parent.getTagName() + "> has no <" + tag + ">");
        }
        return found.get(0);
    }

    static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    static Document read(FeedFile file) throws FeedRejected {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // Feed files come from outside: no DTDs, no external entities.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new ByteArrayInputStream(file.content()));
        } catch (org.xml.sax.SAXParseException e) {
            throw new FeedRejected("corrupt or truncated XML at line " + e.getLineNumber() + ": " + e.getMessage());
        } catch (SAXException e) {
            throw new FeedRejected("corrupt or truncated XML: " + e.getMessage());
        } catch (IOException | ParserConfigurationException e) {
            throw new FeedRejected("unreadable XML: " + e.getMessage(), e);
        }
    }
}
