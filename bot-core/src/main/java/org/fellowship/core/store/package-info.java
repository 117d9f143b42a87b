/**
 * Stores the engine itself needs (button tokens, event de-duplication, direct chats, member profiles) and the
 * contracts every store honours: erasing a member's data and moving a community's state.
 */
package org.fellowship.core.store;
