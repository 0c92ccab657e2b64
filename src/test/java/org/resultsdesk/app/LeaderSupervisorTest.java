package org.resultsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.resultsdesk.MutableClock;
import org.resultsdesk.core.port.LeaderLease;

/**
 * The lease's answers on cue: renewed, lost to another instance, refused, and work that falls ill. The store-backed
 * lease itself is tested against both databases in the store contract; here only what the supervisor does with it.
 */
@ExtendWith(MockitoExtension.class)
class LeaderSupervisorTest {
    @Mock
    LeaderLease lease;

    @Mock
    LeaderSupervisor.LeaderWork work;

    @Mock
    LeaderSupervisor.Running running;

    final MutableClock clock = new MutableClock(Instant.parse("2024-07-05T01:00:00Z"));

    LeaderSupervisor supervisor() {
        return new LeaderSupervisor(lease, work, clock);
    }

    @Test
    void aLeaderThatRenewsKeepsItsWorkRunning() throws Exception {
        when(lease.tryAcquire()).thenReturn(true);
        when(work.start()).thenReturn(running);
        when(running.healthy()).thenReturn(true);
        when(lease.renew()).thenReturn(true);
        when(lease.isLeader()).thenReturn(true);
        LeaderSupervisor supervisor = supervisor();

        supervisor.tick();
        supervisor.tick();
        supervisor.tick();

        verify(work, times(1)).start();
        verify(lease, times(2)).renew();
        verify(running, never()).close();
        assertThat(supervisor.isLeader()).isTrue();
    }

    @Test
    void aLeaderThatLosesTheLeaseStopsItsWorkAndTriesToLeadAgain() throws Exception {
        when(lease.tryAcquire()).thenReturn(true, false);
        when(work.start()).thenReturn(running);
        when(running.healthy()).thenReturn(true);
        when(lease.renew()).thenReturn(false);
        LeaderSupervisor supervisor = supervisor();

        supervisor.tick();
        supervisor.tick();
        assertThat(supervisor.isLeader()).isFalse();
        supervisor.tick();

        InOrder order = inOrder(lease, work, running);
        order.verify(lease).tryAcquire();
        order.verify(work).start();
        order.verify(lease).renew();
        order.verify(running).close();
        order.verify(lease).tryAcquire();
        verify(work, times(1)).start();
        verify(lease, never()).close();
    }

    @Test
    void aLeaderWhoseWorkCannotDoItsJobGivesTheLeaseUpAndWaitsBeforeTryingAgain() throws Exception {
        when(lease.tryAcquire()).thenReturn(true);
        when(work.start()).thenReturn(running);
        when(running.healthy()).thenReturn(false);
        LeaderSupervisor supervisor = supervisor();

        supervisor.tick();
        supervisor.tick();
        InOrder order = inOrder(running, lease);
        order.verify(running).close();
        order.verify(lease).close();
        verify(lease, never()).renew();

        clock.advance(Duration.ofSeconds(14));
        supervisor.tick();
        verify(lease, times(1)).tryAcquire();
        clock.advance(Duration.ofSeconds(1));
        supervisor.tick();
        verify(lease, times(2)).tryAcquire();
        verify(work, times(2)).start();
    }

    @Test
    void workThatCannotStartGivesTheLeaseUp() throws Exception {
        when(lease.tryAcquire()).thenReturn(true);
        when(work.start()).thenThrow(new IllegalStateException("feed directory unreadable"));
        LeaderSupervisor supervisor = supervisor();

        supervisor.tick();
        supervisor.tick();

        verify(lease).close();
        verify(lease, times(1)).tryAcquire();
        assertThat(supervisor.isLeader()).isFalse();
    }
}
