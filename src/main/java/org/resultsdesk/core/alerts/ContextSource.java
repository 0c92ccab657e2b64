package org.resultsdesk.core.alerts;

import java.util.List;
import org.resultsdesk.core.model.Contest;

/** Lines of context shown under a result ("The first seat to change hands tonight"); none by default. */
@FunctionalInterface
public interface ContextSource {
    List<String> lines(Contest contest);

    ContextSource NONE = contest -> List.of();
}
