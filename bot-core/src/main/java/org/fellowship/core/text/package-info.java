/**
 * Text handling shared by features and modules: command-line parsing, message splitting, "did you mean"
 * similarity, and the folding of chat text into one comparable form
 * ({@link org.fellowship.core.text.TextNormalizer}) with the phrase automaton that searches it
 * ({@link org.fellowship.core.text.PhraseMatcher}), which crisis detection and group moderation both use.
 */
package org.fellowship.core.text;
