package org.resultsdesk.core.seats;

import java.util.List;
import java.util.Objects;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.Ward;

/** What a ward query came to. */
public sealed interface WardMatch {

    record Found(Ward ward) implements WardMatch {
        public Found {
            Objects.requireNonNull(ward, "ward");
        }
    }

    /** The name fits wards in several councils ("abbey"): the reporter picks the council. */
    record Ambiguous(String name, List<Ward> wards) implements WardMatch {
        public Ambiguous {
            wards = List.copyOf(wards);
            if (wards.size() < 2) {
                throw new IllegalArgumentException("ambiguous needs two or more wards");
            }
        }
    }

    /** The council was found but has no ward of that name: its closest wards, best first (may be empty). */
    record NotInCouncil(Council council, List<Ward> closest) implements WardMatch {
        public NotInCouncil {
            closest = List.copyOf(closest);
        }
    }

    /** The council part fits several councils ("abbey, northants"): the reporter picks one. */
    record CouncilAmbiguous(String wardName, List<Council> councils) implements WardMatch {
        public CouncilAmbiguous {
            councils = List.copyOf(councils);
        }
    }

    record NotFound() implements WardMatch {}
}
