/**
 * The due queue: work scheduled for a time (prompts, reminders, escalation timers, announcements), stored as
 * {@code DueItem}s on the {@code DueLane}s of a {@code DueQueue}. Each kind of work is a {@code DueKind} with a typed
 * payload and its {@code PayloadCodec}; features register a {@code DueHandler} per kind. The {@code DueWorker} claims
 * due items under a lease, decodes each payload once, runs the kind's handler, dead-letters what it cannot run and
 * reports through {@code DueMetrics}.
 */
package org.fellowship.core.schedule;
