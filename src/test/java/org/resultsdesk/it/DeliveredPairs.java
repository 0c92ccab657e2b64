package org.resultsdesk.it;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.telegram.fake.FakeTelegramApi;
import org.resultsdesk.telegram.fake.TelegramHtml;

/** Which (chat, seat) results the fake Bot API received, and how often: what delivery tests count. */
final class DeliveredPairs {
    private static final String GE2019 = ", general election 12 Dec 2019";

    private DeliveredPairs() {}

    /** "chatId|seat name" to the number of posts that carried that GE2019 result to that chat. */
    static Map<String, Integer> count(List<FakeTelegramApi.Posted> posts) {
        Map<String, Integer> deliveries = new HashMap<>();
        for (FakeTelegramApi.Posted p : posts) {
            for (String seat : PostedSeats.seats(TelegramHtml.text(p.text()), GE2019)) {
                deliveries.merge(p.chatId() + "|" + seat, 1, Integer::sum);
            }
        }
        return deliveries;
    }

    /** The same for the fake Slack Web API, by channel id, from each message's text. */
    static Map<String, Integer> countSlack(List<org.resultsdesk.slack.fake.FakeSlackApi.Posted> posts) {
        Map<String, Integer> deliveries = new HashMap<>();
        for (var p : posts) {
            for (String seat : PostedSeats.seats(p.text(), GE2019)) {
                deliveries.merge(p.channel() + "|" + seat, 1, Integer::sum);
            }
        }
        return deliveries;
    }

    /** Every pair of these chats and contests. */
    static Set<String> expected(List<?> chats, List<Contest> contests) {
        Set<String> expected = new HashSet<>();
        chats.forEach(
                chat -> contests.forEach(c -> expected.add(chat + "|" + c.seat().name())));
        return expected;
    }
}
