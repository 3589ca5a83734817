package org.sentry4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each thread has its own scope under what it pushes; pushes must never be missed, closes never lose a later push. */
class ScopesTest {
    private final Scopes scopes = new Scopes(10, Function.identity());

    private Scope currentOnAnotherThread(boolean pushFirst) throws InterruptedException {
        AtomicReference<Scope> seen = new AtomicReference<>();
        Thread t = new Thread(() -> {
            if (pushFirst) {
                try (ScopeHandle ignored = scopes.push()) {
                    seen.set(scopes.current());
                }
            } else {
                seen.set(scopes.current());
            }
        });
        t.start();
        t.join(10_000);
        return seen.get();
    }

    @Test
    void nestedPushesAndOutOfOrderOrRepeatedClosesLeaveTheThreadsOwnScopeCurrent() throws Exception {
        Scope own = scopes.current();
        assertThat(own).isNotSameAs(scopes.global());
        ScopeHandle outer = scopes.push();
        Scope outerScope = scopes.current();
        ScopeHandle inner = scopes.push();
        assertThat(scopes.current()).isNotSameAs(outerScope).isNotSameAs(scopes.global());
        outer.close(); // pops inner too
        inner.close();
        outer.close();
        assertThat(scopes.current()).isSameAs(own);
        assertThat(currentOnAnotherThread(true)).isNotSameAs(scopes.global()).isNotSameAs(own);
        assertThat(currentOnAnotherThread(false)).isNotSameAs(scopes.global()).isNotSameAs(own);
    }

    @Test
    void handlesClosedOnAnotherThreadWhileTheOwnerKeepsPushingDoNotHideLaterPushes() throws Exception {
        BlockingQueue<ScopeHandle> toClose = new ArrayBlockingQueue<>(64);
        ScopeHandle done = new ScopeHandle(() -> { });
        Thread closer = new Thread(() -> {
            try {
                for (ScopeHandle h = toClose.take(); h != done; h = toClose.take()) {
                    h.close();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        closer.start();
        for (int i = 0; i < 20_000; i++) {
            toClose.put(scopes.push());
        }
        assertThat(toClose.offer(done, 10, TimeUnit.SECONDS)).isTrue();
        closer.join(10_000);

        Scope own = scopes.current();
        assertThat(own).as("every pushed scope was removed").isNotSameAs(scopes.global());
        try (ScopeHandle ignored = scopes.push()) {
            assertThat(scopes.current()).as("a fresh push is seen").isNotSameAs(own);
        }
        assertThat(scopes.current()).isSameAs(own);
    }

    @Test
    void aHandleClosedOnAnotherThreadRemovesOnlyItsOwnScope() throws Exception {
        Scope own = scopes.current();
        ScopeHandle request1 = scopes.push(); // handed to an async completion
        ScopeHandle request2 = scopes.push(); // the owner thread's next piece of work
        Scope second = scopes.current();

        Thread completion = new Thread(request1::close);
        completion.start();
        completion.join(10_000);

        assertThat(scopes.current()).as("the owner's later scope stays current").isSameAs(second);
        request2.close();
        assertThat(scopes.current()).isSameAs(own);
    }
}
