/** Apache OpenNLP behind the core's {@code LanguageAnalyzer} port, and the trainer of its support-message model. */
package org.fellowship.app.nlp;
