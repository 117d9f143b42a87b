/**
 * Text handling shared by features and modules: command-line parsing, message splitting, "did you mean"
 * similarity, and the folding of chat text into one comparable form
 * ({@link org.fellowship.core.text.TextNormalizer}) with the phrase automaton that searches it
 * ({@link org.fellowship.core.text.PhraseMatcher}), which crisis detection and group moderation both use, and a
 * small strict JSON reader ({@link org.fellowship.core.text.Json}) for meeting feeds and {@code /export}.
 */
package org.fellowship.core.text;
