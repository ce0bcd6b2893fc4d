package org.perch.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A large auditorium (issue 7, workload d): one moderated room (a Perch auditorium) with an owner, {@code
 * --presenters P} sessions the owner gives voice, and {@code --sessions N} visitors that only read. The visitors
 * join, then the presenters post at each of {@code --rates} (messages/s per presenter) in turn, as in fan-out, until
 * the server saturates; every message goes to every occupant. The owner does not post: in Perch, as in Lync, a
 * manager too needs the presenter role to post in an auditorium, while on other servers giving a moderator
 * "participant" would take its moderation away.
 */
final class AuditoriumProfile {

    private AuditoriumProfile() {
    }

    static FanoutProfile.Result run(LoadRun run) throws InterruptedException {
        LoadOptions o = run.options();
        String room = run.target().auditorium();
        List<XmppSession> presenters = presenters(run, room, o.presenters());

        InFlight.Batch<XmppSession> logins = run.inFlight().run("login", o.sessions(),
                i -> run.engine().login(run.accounts().forSession(1 + o.presenters() + i), "visitor-" + i));
        InFlight.Batch<XmppSession> joins = run.inFlight().run("join", o.sessions(), i -> logins.results().get(i)
                .map(visitor -> visitor.join(room, "v" + i, 0).thenApply(joined -> visitor))
                .orElseGet(() -> CompletableFuture.failedFuture(
                        new SessionException("not logged in", "visitor " + i))));
        Population.Phase loginPhase = Population.Phase.of(logins);
        Population.Phase joinPhase = Population.Phase.of(joins);
        run.report().joined(loginPhase, joinPhase);

        int occupants = 1 + presenters.size() + o.sessions() - joins.failures();
        List<FanoutProfile.Step> steps = FanoutProfile.stepUp(run,
                new GroupchatPoster(List.of(presenters), List.of(room)), presenters.size(), occupants);
        LoadProbe.Counts counts = run.probe().counts();
        return new FanoutProfile.Result(1, occupants, occupants, loginPhase, joinPhase, steps, Optional.empty(),
                counts.errors(), run.probe().errorKinds());
    }

    /**
     * The owner creates (or rejoins) the room and makes it moderated, open and persistent; the presenters join and
     * the owner gives each voice. Any failure here stops the run: without presenters there is nothing to measure.
     */
    private static List<XmppSession> presenters(LoadRun run, String room, int count) throws InterruptedException {
        try {
            List<XmppSession> presenters = new ArrayList<>();
            XmppSession owner = await(run, run.engine().login(run.accounts().forSession(0), "owner"));
            await(run, owner.join(room, "owner", 0));
            await(run, owner.configure(room, true));
            for (int i = 1; i <= count; i++) {
                XmppSession presenter = await(run, run.engine().login(run.accounts().forSession(i), "presenter-" + i));
                await(run, presenter.join(room, "p" + i, 0));
                await(run, owner.grantVoice(room, "p" + i));
                presenters.add(presenter);
            }
            System.out.printf("auditorium: %s has %d presenters%n", room, presenters.size());
            return presenters;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not set up the auditorium's presenters: " + e.getMessage(), e);
        }
    }

    private static <T> T await(LoadRun run, CompletableFuture<T> operation)
            throws InterruptedException, ExecutionException, TimeoutException {
        return operation.get(run.options().timeoutSeconds(), TimeUnit.SECONDS);
    }
}
