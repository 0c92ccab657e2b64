package org.resultsdesk.core.rights;

import java.util.Objects;

/** Whether someone may do something; a refusal says which right it needs and who holds it. */
public sealed interface Decision {
    record Granted() implements Decision {}

    record Refused(String message) implements Decision {
        public Refused {
            Objects.requireNonNull(message);
        }
    }

    Decision GRANTED = new Granted();
}
