package org.fellowship.core.schedule;

/**
 * Runs one kind of scheduled work. Registered with the {@link DueWorker} under its {@link #kind()}'s name; the worker
 * decodes each item's payload with the kind's codec before calling {@link #run}, and dead-letters an item it cannot
 * decode without calling the handler.
 *
 * <p><b>Threading:</b> called from the thread of the handler's {@link #lane()}, one item at a time per worker and
 * lane; handlers on other lanes run at the same time. <b>Failure:</b> throwing makes the worker retry the item later
 * with back-off; after {@link DueWorker#MAX_ATTEMPTS} it is dead-lettered and logged by id. <b>Exactly once:</b> the
 * worker renews the lease of an item while it runs, but a process paused past its lease, or a crash after the
 * handler's effect and before completion, runs an item again (at-least-once); so a handler that sends records its
 * delivery before sending (for example with {@link org.fellowship.core.engine.BotContext#deliveries()}), and sends
 * only if that record was new: a crash in between loses that one message rather than sending it twice.
 *
 * @param <P> the kind's payload
 */
public interface DueHandler<P> {

    /** The kind this handler runs, with the codec its items' payloads are read with. */
    DueKind<P> kind();

    /**
     * Runs one due item.
     *
     * @param item    the item: its id is the idempotency key
     * @param payload the item's payload, decoded by {@link #kind()}'s codec
     */
    void run(DueItem item, P payload);

    /** The lane items of this kind are queued and run on; {@link DueLane#DEFAULT} unless the handler says so. */
    default DueLane lane() {
        return DueLane.DEFAULT;
    }
}
