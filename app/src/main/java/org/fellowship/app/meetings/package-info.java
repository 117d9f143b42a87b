/**
 * Meetings on the web: the calendar subscription endpoint and its signed links, the iCalendar export, and fetching
 * Meeting Guide and BMLT feeds over HTTP.
 */
package org.fellowship.app.meetings;
