/**
 * What reading a command's arguments needs, free of the engine: the {@link org.fellowship.core.command.UsageException}
 * a handler throws for input it cannot use, the shared readers of typed values (the
 * {@link org.fellowship.core.command.FirstWord first word} and the rest, {@link org.fellowship.core.command.OnOff
 * on/off}, {@link org.fellowship.core.command.ClockTime HH:MM times}), {@link org.fellowship.core.command.Clip
 * clipping} of what a member typed for quoting it back, and {@link org.fellowship.core.command.CommandNames} as texts
 * write them. Subcommand routing, which runs handlers, is the engine's {@code Subcommands}.
 */
package org.fellowship.core.command;
