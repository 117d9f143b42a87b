/**
 * The milestone feature: clean dates ({@code /cleandate}, {@code /cleantime}), the day-count convention
 * ({@code CleanTime}), milestone ladders, and opt-in announcements in the member's groups at the member's local
 * morning, scheduled on the due queue.
 */
package org.fellowship.core.milestone;
