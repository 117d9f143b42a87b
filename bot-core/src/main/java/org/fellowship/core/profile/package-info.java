/** The profile feature: a member's time zone ({@code /timezone}) and language. */
package org.fellowship.core.profile;
