/**
 * The mentor escalation chain: the roster, crisis alerts paged tier by tier, their timers, buttons and audit trail.
 *
 * <p>{@link org.fellowship.core.mentor.MentorChain} installs it and implements the ports crisis support and check-ins
 * use ({@link org.fellowship.core.alert.MentorPager}, {@link org.fellowship.core.alert.MentorNotes}); everything it
 * keeps lives in a {@link org.fellowship.core.mentor.MentorStore} (Redis in production), so a restart picks an open
 * alert up where it was. {@link org.fellowship.core.mentor.EscalationPolicy} holds the timing and its bounds.
 */
package org.fellowship.core.mentor;
