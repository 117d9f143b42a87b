/**
 * Stores the engine itself needs (button tokens, event de-duplication, direct chats, member profiles) and the
 * contracts every store honours: erasing a member's data, and the one step that moves a community's state to its new
 * id ({@code CommunityStateMover}, run by {@code CommunityMigration} once the alias is recorded).
 */
package org.fellowship.core.store;
