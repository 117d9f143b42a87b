/**
 * Command vocabulary shared by every feature and free of the engine: the error a handler throws for bad arguments
 * ({@code UsageException}), command names as texts write them ({@code CommandNames}), and the readers of typed
 * arguments every feature uses: the first word and the rest ({@code FirstWord}), {@code OnOff}, 24-hour times
 * ({@code ClockTime}) and {@code Clip} for quoting what a member typed back to them. Routing subcommands runs
 * handlers, so it is the engine's ({@code Subcommands}).
 */
package org.fellowship.core.command;
