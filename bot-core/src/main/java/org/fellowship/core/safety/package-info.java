/**
 * Crisis support: detection and the crisis reply.
 *
 * <p>Detection reads every member message: {@link org.fellowship.core.safety.CrisisDetector} folds the text
 * ({@link org.fellowship.core.text.TextNormalizer}), finds lexicon phrases ({@link org.fellowship.core.safety.Lexicon},
 * {@code LexiconMatcher}) and weighs them in context ({@link org.fellowship.core.safety.ContextRules}, a
 * {@link org.fellowship.core.safety.LanguageAnalyzer}) under each group's
 * {@link org.fellowship.core.safety.CommunityPolicy}; the {@link org.fellowship.core.safety.SemanticStage} reads
 * the meaning of what the lexicon let through, on its own threads, through the
 * {@link org.fellowship.core.safety.SemanticScorer} port.
 *
 * <p>{@link org.fellowship.core.safety.CrisisFeature} installs the safety screen ({@code CrisisScreen}), the private
 * reply and {@code /help_now} ({@code CrisisReply}), the offer's buttons, follow-ups, {@code /resources} and the
 * {@code /crisis} settings. A mentor is reached only through the {@link org.fellowship.core.alert.MentorPager} port,
 * so this package never sees the mentor chain.
 */
package org.fellowship.core.safety;
