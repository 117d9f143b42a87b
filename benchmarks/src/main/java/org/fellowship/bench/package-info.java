/** Benchmarks (JMH and replay harnesses) that report ratios against a baseline measured in the same run. */
package org.fellowship.bench;
