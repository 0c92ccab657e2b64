package org.resultsdesk.core.port;

import java.util.List;
import org.resultsdesk.core.model.AuditEntry;

/** The stored record of editorial actions: who did what, where and when. */
public interface AuditTrail {
    /** Stores an entry and returns it with its id. */
    AuditEntry record(AuditEntry entry);

    /** The newest entries first, at most {@code limit}. */
    List<AuditEntry> latest(int limit);
}
