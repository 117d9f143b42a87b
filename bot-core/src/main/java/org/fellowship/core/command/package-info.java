/**
 * Command vocabulary shared by every feature and free of the engine: the error a handler throws for bad arguments
 * ({@code UsageException}) and command names as texts write them.
 */
package org.fellowship.core.command;
