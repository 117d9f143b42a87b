package org.fellowship.moderation;

/**
 * A rule that fired on a message.
 *
 * @param rule  the rule
 * @param start first character of the evidence in the original text (0 when the rule is about the whole message)
 * @param end   one past its last character (0 when there is no span)
 * @param why   a short explanation for moderators, e.g. {@code keyword "spam*" matched}
 */
public record Hit(Rule rule, int start, int end, String why) {
}
