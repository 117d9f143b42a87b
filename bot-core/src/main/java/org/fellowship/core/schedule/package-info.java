/**
 * The due queue: work scheduled for a time (prompts, reminders, escalation timers, announcements). Features register a
 * {@code DueHandler} per kind; the {@code DueWorker} claims due items under a lease, runs them on their
 * {@code DueLane} and reports through {@code DueMetrics}.
 */
package org.fellowship.core.schedule;
