/**
 * What crisis support, check-ins and the mentor chain share, so that none of them imports another: the
 * {@link org.fellowship.core.alert.CrisisCategory} a detector saw, the {@link org.fellowship.core.alert.AlertContext}
 * an alert carries to a mentor, and the two ports the mentor chain implements:
 * {@link org.fellowship.core.alert.MentorPager} (crisis support asks for a mentor) and
 * {@link org.fellowship.core.alert.MentorNotes} (check-ins look a mentor up and note them).
 */
package org.fellowship.core.alert;
