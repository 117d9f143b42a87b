/**
 * The due-queue: scheduled work stored as {@link org.fellowship.core.schedule.DueItem}s on
 * {@link org.fellowship.core.schedule.DueLane lanes} of a {@link org.fellowship.core.schedule.DueQueue}, claimed with a
 * lease and run by {@link org.fellowship.core.schedule.DueWorker} (polled by
 * {@link org.fellowship.core.schedule.DueRunner}). Each kind of work is a {@link org.fellowship.core.schedule.DueKind}
 * with a typed payload and its {@link org.fellowship.core.schedule.PayloadCodec}; the worker decodes the payload once
 * and hands it to the kind's {@link org.fellowship.core.schedule.DueHandler}, and dead-letters what it cannot run.
 */
package org.fellowship.core.schedule;
