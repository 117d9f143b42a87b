package org.fellowship.core.schedule;

/**
 * Runs one kind of scheduled work. Registered with the {@link DueWorker} under {@link #kind()}.
 *
 * <p><b>Threading:</b> called from the worker's thread, one item at a time per worker. <b>Failure:</b> throwing
 * makes the worker retry the item later with back-off; after the retry budget it is dropped and logged by id.
 * A handler must tolerate running twice for one id after a crash (at-least-once), so it checks or records its own
 * effect where a duplicate would hurt.
 */
public interface DueHandler {

    String kind();

    void run(DueItem item);
}
