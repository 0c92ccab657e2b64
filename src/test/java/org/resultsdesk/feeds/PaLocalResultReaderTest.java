package org.resultsdesk.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resultsdesk.TestData;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.CouncilComposition;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.core.port.FeedRejected;

/**
 * PA's local results XML, on two made-up councils so nothing passes by reading the bundled data: a council electing
 * by thirds, an all-out council, and every way a file can be wrong or hostile, each refused whole with its reason.
 */
class PaLocalResultReaderTest {
    static final Council TESTSHIRE = new Council("E06000901", "Testshire");
    static final Council MUDFORD = new Council("E07000902", "Mudford");

    final LocalArchive councils = new LocalArchive(
            List.of(TESTSHIRE, MUDFORD),
            List.of(),
            Map.of(
                    MUDFORD.onsCode(),
                    Map.of(2026, new CouncilComposition(MUDFORD, 45, Map.of("Con", 25, "Lab", 20), "OCD 2026"))),
            List.of());
    final PaXmlFeedParser parser = new PaXmlFeedParser(new SeatResolver(TestData.archive()), () -> councils);

    static String file(String councils) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<LocalElectionResult revision=\"2\">"
                + "<Election date=\"2027-05-06\" paId=\"1\">" + councils + "</Election></LocalElectionResult>";
    }

    static final String MUDFORD_THIRDS = "<Council name=\"Mudford\" paId=\"7\" type=\"Non-Met\" proportion=\"third\""
            + " winningParty=\"Labour\" gainOrHold=\"gain\" sittingParty=\"Conservative\">"
            + "<ElectedCouncillors><Party name=\"Labour\" paId=\"1\" seats=\"11\"/>"
            + "<Party name=\"Conservative\" paId=\"2\" seats=\"4\"/></ElectedCouncillors>"
            + "<Changes><Party name=\"Labour\" paId=\"1\" change=\"+4\"/>"
            + "<Party name=\"Conservative\" paId=\"2\" change=\"-4\"/></Changes>"
            + "<NewCouncil><Party name=\"Labour\" paId=\"1\" seats=\"24\"/>"
            + "<Party name=\"Conservative\" paId=\"2\" seats=\"21\"/></NewCouncil></Council>";

    static final String TESTSHIRE_ALL = "<Council name=\"Testshire Council\" paId=\"8\" type=\"Unitary\""
            + " proportion=\"all\"><NewCouncil><Party name=\"Reform UK\" paId=\"3\" seats=\"30\"/>"
            + "<Party name=\"Liberal Democrats\" paId=\"4\" seats=\"9\"/>"
            + "<Party name=\"Independent\" paId=\"5\" seats=\"2\"/></NewCouncil></Council>";

    List<FeedMessage> parse(String xml) throws FeedRejected {
        return parser.parse(new FeedFile("mudford.xml", xml.getBytes(StandardCharsets.UTF_8), Instant.EPOCH));
    }

    String refusal(String xml) {
        try {
            parse(xml);
        } catch (FeedRejected e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + xml);
    }

    @Test
    void councilsByThirdsAndAllOutAreReadWithTheirSeatsChangesAndNewCouncil() throws Exception {
        List<FeedMessage> read = parse(file(MUDFORD_THIRDS + TESTSHIRE_ALL));

        assertThat(read)
                .containsExactly(
                        new FeedMessage.CouncilTally(
                                MUDFORD,
                                LocalDate.of(2027, 5, 6),
                                "third",
                                Map.of("Lab", 11, "Con", 4),
                                Map.of("Lab", 4, "Con", -4),
                                Map.of("Lab", 24, "Con", 21),
                                2),
                        new FeedMessage.CouncilTally(
                                TESTSHIRE,
                                LocalDate.of(2027, 5, 6),
                                "all",
                                Map.of("RUK", 30, "LD", 9, "Ind", 2),
                                Map.of(),
                                Map.of("RUK", 30, "LD", 9, "Ind", 2),
                                2));
    }

    @Test
    void aWrongOrHostileFileIsRefusedWholeWithItsReason() {
        assertThat(refusal(file(MUDFORD_THIRDS.replace("Mudford", "Nowhere-on-Sea"))))
                .isEqualTo("unknown council 'Nowhere-on-Sea'");
        assertThat(refusal(file(MUDFORD_THIRDS.replace("\"third\"", "\"quarter\""))))
                .isEqualTo("Mudford: proportion 'quarter' is not all, half or third");
        assertThat(refusal(file(MUDFORD_THIRDS.replace("seats=\"4\"", "seats=\"-4\""))))
                .isEqualTo("Mudford: seats -4 for Conservative cannot be right");
        assertThat(refusal(file(MUDFORD_THIRDS.replace("seats=\"11\"", "seats=\"50\""))))
                .isEqualTo("Mudford: 54 councillors elected, more than the council's 45");
        assertThat(refusal(file(MUDFORD_THIRDS.replace("seats=\"11\"", "seats=\"eleven\""))))
                .startsWith("seats of Labour in Mudford is not a whole number");
        assertThat(refusal(file(MUDFORD_THIRDS.replace(
                        "name=\"Labour\" paId=\"1\" seats=\"24\"", "name=\"Lab&#x202E;our\" paId=\"1\" seats=\"24\""))))
                .isEqualTo("Party@name holds control characters");
        assertThat(refusal(file(MUDFORD_THIRDS.replace("Mudford", "M".repeat(300)))))
                .isEqualTo("Council@name longer than 200 characters");
        assertThat(refusal(file(MUDFORD_THIRDS.replaceAll("<NewCouncil>.*</NewCouncil>", ""))))
                .isEqualTo("<Council> has no <NewCouncil>");
        StringBuilder parties = new StringBuilder();
        for (int i = 0; i < 61; i++) {
            parties.append("<Party name=\"P")
                    .append(i)
                    .append("\" paId=\"")
                    .append(i)
                    .append("\" seats=\"0\"/>");
        }
        assertThat(refusal(file(MUDFORD_THIRDS.replace("<NewCouncil>", "<NewCouncil>" + parties))))
                .isEqualTo("Mudford: 63 parties in <NewCouncil>, more than 60");
        assertThat(refusal(file(MUDFORD_THIRDS.repeat(501)))).isEqualTo("501 councils in one file, more than 500");
        assertThat(refusal(file(""))).isEqualTo("<Election> has no <Council>");
        // An external entity is never read: the DTD that would declare it refuses the file.
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE LocalElectionResult [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<LocalElectionResult><Election date=\"2027-05-06\"><Council name=\"&x;\" proportion=\"all\"/>"
                + "</Election></LocalElectionResult>";
        assertThat(refusal(xxe)).startsWith("corrupt or truncated XML").contains("DOCTYPE");
        assertThat(refusal(file(MUDFORD_THIRDS).substring(0, 200))).startsWith("corrupt or truncated XML");
    }

    @Test
    void aDeskWithoutLocalResultsRefusesPaLocalFilesAndNominationsAreIgnored() throws Exception {
        PaXmlFeedParser westminsterOnly = new PaXmlFeedParser(new SeatResolver(TestData.archive()));
        assertThatThrownBy(() -> westminsterOnly.parse(
                        new FeedFile("m.xml", file(MUDFORD_THIRDS).getBytes(StandardCharsets.UTF_8), Instant.EPOCH)))
                .isInstanceOf(FeedRejected.class)
                .hasMessage("PA local results are not read by this desk");
        assertThat(parse("<LocalNominations><Election date=\"2027-05-06\"/></LocalNominations>"))
                .containsExactly(new FeedMessage.Ignored("PA LocalNominations"));
    }
}
