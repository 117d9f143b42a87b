/**
 * The semantic crisis stage behind the core's {@code SemanticScorer} port: the sentence-embedding model (ONNX
 * Runtime), its tokenizer, and the logistic crisis model on top of it, whose weights and threshold are chosen by
 * cross-validation grouped by user.
 */
package org.fellowship.app.semantic;
