package org.resultsdesk.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.ElectionKind;

class ElectionFilterTest {
    static final Election GE2019 = new Election("parl.2019-12-12", ElectionKind.GENERAL, LocalDate.of(2019, 12, 12));
    static final Election BY2024 =
            new Election("parl.kingswood.by.2024-02-15", ElectionKind.BY_ELECTION, LocalDate.of(2024, 2, 15));

    static ElectionFilter.Split split(String text) {
        return ElectionFilter.split(List.of(text.split(" ")));
    }

    @Test
    void trailingElectionWordsAreSplitOffTheSeat() {
        assertThat(split("weston super mare 2019").query()).isEqualTo("weston super mare");
        assertThat(split("kingswood by election").filter().kind()).contains(ElectionKind.BY_ELECTION);
        assertThat(split("kingswood by-election 2024").query()).isEqualTo("kingswood");
        assertThat(split("kingswood 15/02/2024").filter().date()).contains(LocalDate.of(2024, 2, 15));
        assertThat(split("kingswood 2024-02-15").filter().matches(BY2024)).isTrue();
        assertThat(split("kingswood ge2019").filter().matches(GE2019)).isTrue();
        assertThat(split("kingswood ge2019").filter().matches(BY2024)).isFalse();
        assertThat(split("kingswood").filter().isAny()).isTrue();
        assertThat(split("kingswood 31/02/2024").query()).isEqualTo("kingswood 31/02/2024");
    }

    @Test
    void commandLinesIgnoreCaseBotSuffixAndSlash() {
        assertThat(CommandLine.parse("/RESULT@ResultsDeskBot  Kingswood   2019"))
                .isEqualTo(new CommandLine("result", List.of("Kingswood", "2019")));
        assertThat(CommandLine.parse("help").name()).isEqualTo("help");
        assertThat(Optional.of(CommandLine.parse("/seats").arguments())).contains(List.of());
    }
}
