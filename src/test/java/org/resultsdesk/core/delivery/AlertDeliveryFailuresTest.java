package org.resultsdesk.core.delivery;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;
import org.resultsdesk.MutableClock;
import org.resultsdesk.core.alerts.AlertComposer;
import org.resultsdesk.core.model.Alert;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext.Platform;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.SendLimits;
import org.resultsdesk.core.port.AlertStore;
import org.resultsdesk.core.port.ChatGateway;
import org.resultsdesk.core.port.DeliveryResult;
import org.resultsdesk.core.port.SendBudget;
import org.resultsdesk.core.port.SubscriptionStore;

/**
 * Failures no fake produces on cue, and orders of calls that matter: a claim the store will not renew, a store that
 * fails in the middle of a pass, and a moved channel whose subscriptions must follow before its alerts do.
 */
@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class AlertDeliveryFailuresTest {
    static final Instant T0 = Instant.parse("2024-07-05T01:00:00Z");
    static final ChannelRef NEWSROOM = new ChannelRef(Platform.TELEGRAM, "-100200");
    static final ChannelRef DESK = new ChannelRef(Platform.TELEGRAM, "5001");
    static final AlertDelivery.Settings SETTINGS = AlertDelivery.Settings.DEFAULTS;

    @Mock
    ChatGateway gateway;

    @Mock
    AlertStore store;

    @Mock
    SubscriptionStore subscriptions;

    @Mock
    AlertComposer composer;

    @Mock
    SendBudget budget;

    final MutableClock clock = new MutableClock(T0);
    AlertDelivery delivery;

    @BeforeEach
    void setUp() {
        when(gateway.platform()).thenReturn(Platform.TELEGRAM);
        when(gateway.limits()).thenReturn(SendLimits.NONE);
        when(gateway.parts(any())).thenReturn(1);
        when(budget.tryTake(any(), anyList(), any())).thenReturn(Optional.empty());
        when(composer.line(any())).thenAnswer(i -> "line " + ((Alert) i.getArgument(0)).id());
        when(composer.single(any())).thenReturn(Reply.text("Kingswood declares"));
        when(store.nextDue(any())).thenReturn(Optional.empty());
        delivery = new AlertDelivery(
                gateway, store, subscriptions, composer, budget, clock, SETTINGS, new AlertDelivery.Listener() {});
    }

    static Alert alert(long id, ChannelRef channel) {
        return new Alert(id, channel, "parl.2019-12-12/E14000774", 1, Alert.Kind.RESULT, T0, 0, 0);
    }

    void claims(Alert... alerts) {
        when(store.claimDue(any(), any(), any(), anyInt(), anyInt(), anyString()))
                .thenReturn(new AlertStore.Claim("token-1", List.of(alerts), 0))
                .thenReturn(new AlertStore.Claim("token-2", List.of(), 0));
    }

    @Test
    void aClaimThatCannotBeRenewedBeforeASendIsHandedBackUnsent() {
        claims(alert(1, NEWSROOM), alert(2, DESK));
        // Composing the first message takes past half the lease, so the claim must be renewed before sending it.
        when(composer.single(any())).thenAnswer(i -> {
            clock.advance(SETTINGS.lease().dividedBy(2).plusSeconds(1));
            return Reply.text("Kingswood declares");
        });
        doThrow(new IllegalStateException("database unreachable")).when(store).extendClaim(eq("token-1"), any());

        delivery.deliverDue();

        verify(gateway, never()).send(anyString(), any(), anyInt());
        verify(store).release("token-1", List.of(1L));
        verify(store).release("token-1", List.of(2L));
        verify(store, never()).markSent(anyString(), anyList(), anyString(), any());
    }

    @Test
    void aClaimRenewedInTimeIsSent() {
        claims(alert(1, NEWSROOM));
        when(composer.single(any())).thenAnswer(i -> {
            clock.advance(SETTINGS.lease().dividedBy(2).plusSeconds(1));
            return Reply.text("Kingswood declares");
        });
        when(gateway.send(anyString(), any(), anyInt())).thenReturn(new DeliveryResult.Delivered("m1"));

        delivery.deliverDue();

        InOrder order = inOrder(store, gateway);
        order.verify(store).extendClaim(eq("token-1"), any());
        order.verify(gateway).send(eq(NEWSROOM.channelId()), any(), eq(0));
        order.verify(store).markSent(eq("token-1"), eq(List.of(1L)), eq("m1"), any());
    }

    @Test
    void aStoreThatFailsMidPassStopsThePassAndLeavesTheRestToTheClaimsExpiry() {
        claims(alert(1, NEWSROOM), alert(2, DESK));
        when(gateway.send(anyString(), any(), anyInt())).thenReturn(new DeliveryResult.Delivered("m1"));
        doThrow(new IllegalStateException("connection reset"))
                .when(store)
                .markSent(eq("token-1"), eq(List.of(1L)), anyString(), any());

        assertThatThrownBy(() -> delivery.deliverDue()).hasMessage("connection reset");

        verify(gateway).send(eq(NEWSROOM.channelId()), any(), anyInt());
        verify(gateway, never()).send(eq(DESK.channelId()), any(), anyInt());
        // Neither sent again nor handed back early: the claim runs out as after a crash, so the channel that may
        // have been posted to is not posted to twice by a pass that believes it was not.
        verify(store, never()).release(anyString(), anyList());

        clock.advance(Duration.ofSeconds(1));
        delivery.deliverDue();
        verify(store, org.mockito.Mockito.times(2)).claimDue(any(), any(), any(), anyInt(), anyInt(), anyString());
        verify(gateway, org.mockito.Mockito.times(1)).send(anyString(), any(), anyInt());
    }

    @Test
    void aMovedChannelsSubscriptionsMoveBeforeItsAlertsAreRequeuedToIt() {
        claims(alert(1, NEWSROOM));
        when(gateway.send(anyString(), any(), anyInt()))
                .thenReturn(new DeliveryResult.Gone("group upgraded", Optional.of("-100999")));

        delivery.deliverDue();

        ChannelRef moved = new ChannelRef(Platform.TELEGRAM, "-100999");
        InOrder order = inOrder(subscriptions, store);
        order.verify(subscriptions).moveChannel(NEWSROOM, moved);
        order.verify(store).requeue("token-1", List.of(1L), moved);
        verify(store, never()).markFailed(anyString(), anyList(), any(), anyString());
    }
}
