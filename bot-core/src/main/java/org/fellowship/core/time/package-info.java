/**
 * Time helpers shared by features: resolving what a member types into a time zone ({@code TimeZones}) and a clock that
 * moves only when told ({@code ManualClock}).
 */
package org.fellowship.core.time;
