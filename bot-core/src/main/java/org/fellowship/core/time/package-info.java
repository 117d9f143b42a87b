/**
 * Time helpers shared by features: resolving what a member types into a time zone ({@code TimeZones}) and a clock that
 * moves only when told ({@code ManualClock}), and the one format moments are shown to people in
 * ({@code ReaderTime}: the reader's zone, to the minute, the zone named).
 */
package org.fellowship.core.time;
