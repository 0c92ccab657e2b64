package org.resultsdesk.core.night;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.resultsdesk.core.alerts.ContextSource;
import org.resultsdesk.core.command.ResultAddenda;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Reply;

/** Puts the context lines under /result, ahead of whatever else is shown there (approved quotes). */
public final class ContextAddenda implements ResultAddenda {
    private final ContextSource context;
    private final ResultAddenda also;

    public ContextAddenda(ContextSource context, ResultAddenda also) {
        this.context = context;
        this.also = also;
    }

    @Override
    public List<Reply.Part> under(Contest contest) {
        List<Reply.Part> parts = new ArrayList<>();
        List<String> lines = context.lines(contest);
        if (!lines.isEmpty()) {
            parts.add(new Reply.Text(String.join("\n", lines)));
        }
        parts.addAll(also.under(contest));
        return parts;
    }

    @Override
    public Optional<String> sentence(Contest contest) {
        return also.sentence(contest);
    }
}
