package org.resultsdesk.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.resultsdesk.TestData;
import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.ElectionKind;
import org.resultsdesk.core.night.ExpectedTimes;

class DeclarationTimesFileTest {
    static final Election NEXT =
            new Election("parl.2029-08-15", ElectionKind.GENERAL, java.time.LocalDate.of(2029, 8, 15));
    final SeatResolver seats = new SeatResolver(TestData.archive());

    ExpectedTimes read(String csv) throws Exception {
        return DeclarationTimesFile.read(new StringReader(csv), "times.csv", NEXT, seats);
    }

    @Test
    void readsSeatsByCodeOrNameAndTimesInEachForm() throws Exception {
        ExpectedTimes times = read("""
                seat,expected
                E14001455,02:30
                "Aberafan Maesteg",2029-08-16 03:15
                Bootle,2029-08-16T00:45:00Z
                Bristol Central,23:50
                """);

        // August is BST: 02:30 in London is 01:30 UTC, the morning after polling day.
        assertThat(times.at("E14001455")).contains(Instant.parse("2029-08-16T01:30:00Z"));
        assertThat(times.at("W07000081")).contains(Instant.parse("2029-08-16T02:15:00Z"));
        assertThat(times.at("E14001113")).contains(Instant.parse("2029-08-16T00:45:00Z"));
        // Before midnight is polling day itself.
        assertThat(times.byGss().values()).contains(Instant.parse("2029-08-15T22:50:00Z"));
        assertThat(times.byGss()).hasSize(4);
    }

    @Test
    void anUnknownSeatOrUnreadableTimeNamesTheLine() {
        assertThatThrownBy(() -> read("seat,expected\nAtlantis,02:30\n"))
                .hasMessage("declaration-times file times.csv, line 2: unknown seat Atlantis");
        assertThatThrownBy(() -> read("seat,expected\nBootle,soon\n"))
                .hasMessage("declaration-times file times.csv, line 2: cannot read the time 'soon'");
    }

    @Test
    void seatNamesAreFoundAsChatCommandsFindThemShorthandAndAliasesIncluded() throws Exception {
        ExpectedTimes times = read("""
                seat,expected
                mid beds,02:30
                Western Isles,03:00
                helsby runcorn and,04:00
                """);

        String midBedfordshire =
                seats.byName("Mid Bedfordshire", NEXT.date()).orElseThrow().gss();
        String naHEileanan =
                seats.byName("Na h-Eileanan an Iar", NEXT.date()).orElseThrow().gss();
        String runcorn =
                seats.byName("Runcorn and Helsby", NEXT.date()).orElseThrow().gss();
        assertThat(times.byGss())
                .containsOnlyKeys(midBedfordshire, naHEileanan, runcorn)
                .containsEntry(midBedfordshire, Instant.parse("2029-08-16T01:30:00Z"));
        // The seat fought on the boundaries in use: the 2024 seat, not the 2010 one of the same name.
        assertThat(TestData.archive()
                        .contestsIn(
                                java.util.List.of(seats.byGss(midBedfordshire).orElseThrow())))
                .anyMatch(c -> c.election().id().equals("parl.2024-07-04"));
    }

    @Test
    void aTypoOrAnAmbiguousNameNamesTheLineWithWhatWouldFit() {
        assertThatThrownBy(() -> read("seat,expected\nkingswod,02:30\n"))
                .hasMessageStartingWith("declaration-times file times.csv, line 2: unknown seat kingswod; did you mean")
                .hasMessageContaining("Kingswood");
        assertThatThrownBy(() -> read("seat,expected\nbirmingham,02:30\n"))
                .hasMessageStartingWith("declaration-times file times.csv, line 2: 'birmingham' fits ")
                .hasMessageContaining("Birmingham Edgbaston")
                .hasMessageEndingWith("give the full name or the GSS code");
    }

    @Test
    void aHostileSeatNameIsSaidBackEscapedAndCutShort() {
        String hostile = "\u001b[2J" + "x".repeat(5000) + "\nforged log line";
        assertThatThrownBy(() -> read("seat,expected\n\"" + hostile + "\",02:30\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .startsWith("declaration-times file times.csv, line 2: unknown seat ")
                        .doesNotContain("\u001b")
                        .doesNotContain("\n")
                        .hasSizeLessThan(400));
    }

    @Test
    void aRehearsalsFileRoundTripsTheNightsRealTimes() throws Exception {
        var ge2019 = TestData.archive().contestsOf("parl.2019-12-12");
        ExpectedTimes times = DeclarationTimesFile.read(
                new StringReader(DeclarationTimesFile.write(ge2019)),
                "r.csv",
                ge2019.get(0).election(),
                seats);
        assertThat(times.byGss()).hasSize(650);
        ge2019.forEach(c -> assertThat(times.at(c.seat().gss())).isEqualTo(c.declaredAt()));
    }
}
