/**
 * Inbound events as every platform adapter reports them: messages, edits, commands, button presses, joins and leaves.
 */
package org.fellowship.core.event;
