/**
 * Daily private check-ins: {@link org.fellowship.core.checkin.CheckinFeature} installs the commands, buttons, note
 * listener and due handlers; each command family and handler is a class of its own (answers, history, away mode,
 * mentor consent and risk signals, moderator settings, the prompt waves and the anonymous group summary). Public are
 * only the feature and the {@link org.fellowship.core.checkin.CheckinStore} port with the records it stores; mentors
 * are reached through the {@link org.fellowship.core.alert.MentorNotes} port.
 */
package org.fellowship.core.checkin;
