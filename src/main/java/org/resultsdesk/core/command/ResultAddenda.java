package org.resultsdesk.core.command;

import java.util.List;
import java.util.Optional;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Reply;

/** Extra material shown with a result (approved quotes): parts under /result, a sentence for /snippet. */
public interface ResultAddenda {
    List<Reply.Part> under(Contest contest);

    Optional<String> sentence(Contest contest);

    ResultAddenda NONE = new ResultAddenda() {
        @Override
        public List<Reply.Part> under(Contest contest) {
            return List.of();
        }

        @Override
        public Optional<String> sentence(Contest contest) {
            return Optional.empty();
        }
    };
}
