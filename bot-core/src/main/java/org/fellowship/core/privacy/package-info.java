/**
 * The privacy feature: {@code /export} of a member's own data and {@code /forget}, which erases it through every
 * store's {@code MemberDataEraser}.
 */
package org.fellowship.core.privacy;
