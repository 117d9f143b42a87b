/**
 * Group moderation. {@link org.fellowship.moderation.ModerationFeature} installs it; each command family and handler
 * is a class of its own: the message guard ({@code RuleGuard}, with the flood and repeat counts and the review
 * queue), {@code /filter}, warnings and cases, reports, the group's own settings and texts, the newcomer gate and
 * join-raid protection ({@code RaidDefense}).
 * {@code Enforcement} carries out and records every action; {@code ModeratorView} shows records to the moderator
 * reading them (names asked from the platform at that moment, never stored; times in the reader's zone). Public are
 * the feature, the store ports ({@link org.fellowship.moderation.RuleStore},
 * {@link org.fellowship.moderation.WarningStore}, {@link org.fellowship.moderation.CaseLog}) with the records they
 * hold, and {@link org.fellowship.moderation.RuleSet} for the benchmarks.
 */
package org.fellowship.moderation;
