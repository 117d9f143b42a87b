/**
 * The Spring Boot application: {@code Main} picks the mode (server, console, replay, evaluation tools); {@code
 * BotAssembly} builds the bot from its modules.
 */
package org.fellowship.app;
