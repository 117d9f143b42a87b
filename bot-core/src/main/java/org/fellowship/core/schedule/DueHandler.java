package org.fellowship.core.schedule;

/**
 * Runs one kind of scheduled work. Registered with the {@link DueWorker} under {@link #kind()}.
 *
 * <p><b>Threading:</b> called from the thread of the handler's {@link #lane()}, one item at a time per worker and
 * lane; handlers on other lanes run at the same time. <b>Failure:</b> throwing makes the worker retry the item later
 * with back-off; after the retry budget it is dropped and logged by id. <b>Exactly once:</b> the worker renews the
 * lease of an item while it runs, but a process paused past its lease, or a crash after the handler's effect and
 * before completion, runs an item again (at-least-once); so a handler that sends records its delivery before sending
 * (for example with {@link org.fellowship.core.engine.BotContext#deliveries()}), and sends only if that record was
 * new: a crash in between loses that one message rather than sending it twice.
 */
public interface DueHandler {

    String kind();

    void run(DueItem item);

    /** The lane items of this kind are queued and run on; {@link DueLane#DEFAULT} unless the handler says so. */
    default DueLane lane() {
        return DueLane.DEFAULT;
    }
}
