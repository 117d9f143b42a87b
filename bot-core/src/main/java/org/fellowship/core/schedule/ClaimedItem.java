package org.fellowship.core.schedule;

import java.time.Instant;

/**
 * A due item a worker holds a lease on.
 *
 * @param item         the work
 * @param leaseToken   proves ownership when completing; a lease that expired may have been re-claimed by another
 *                     worker, and then completing with the old token fails
 * @param leaseExpires when the item becomes claimable again if not completed
 * @param attempt      1 for the first claim, 2 after one expired lease or retry, ...
 */
public record ClaimedItem(DueItem item, String leaseToken, Instant leaseExpires, int attempt) {
}
