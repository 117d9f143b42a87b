/**
 * The platform-neutral vocabulary: platforms, ids of users, communities and conversations, members, attachments,
 * message references and who may run a command ({@code Access}).
 */
package org.fellowship.core.model;
