/**
 * The app's local modes, run from the command line without a chat platform: {@code replay} (a transcript through a
 * real engine on simulated time: {@code ReplayRunner}, {@code ReplayWorld}, {@code Transcript} and
 * {@code TranscriptFields}), {@code console} (an interactive chat), and {@code evaluate-detector} (the crisis
 * detector's measurement: {@code DetectorEvaluation}, and for the semantic stage {@code SemanticEvaluation} with its
 * {@code EvaluationRows} and {@code EmbeddingCache}). {@link org.fellowship.app.local.LocalModes} is the one public
 * entry point.
 */
package org.fellowship.app.local;
