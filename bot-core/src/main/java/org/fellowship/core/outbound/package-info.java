/**
 * What the bot sends: messages with text style, buttons and files, their delivery target and their priority in the
 * outbox.
 */
package org.fellowship.core.outbound;
