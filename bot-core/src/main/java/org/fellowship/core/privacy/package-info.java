/**
 * The privacy feature: {@code /export} of a member's own data and {@code /forget}, which erases it through every
 * store's {@code MemberDataEraser}. The export is a document the member can read ({@code ExportDocument}: records
 * grouped by feature under plain headings; {@code ExportFields}: each record's fields as labelled lines, times in their
 * zone), never storage keys or tokens.
 */
package org.fellowship.core.privacy;
