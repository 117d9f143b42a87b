/**
 * Meeting feeds: {@link org.fellowship.core.meeting.feed.FeedParser} reads Meeting Guide JSON and BMLT results into
 * meetings (with a small strict JSON reader, {@link org.fellowship.core.meeting.feed.Json}, so bot-core needs no JSON
 * library; {@code /export} reads stored records with it too), and
 * {@link org.fellowship.core.meeting.feed.FeedSource} is the port the app implements to fetch a feed by URL.
 */
package org.fellowship.core.meeting.feed;
