/**
 * Meeting feeds: {@link org.fellowship.core.meeting.feed.FeedParser} reads Meeting Guide JSON and BMLT results into
 * meetings (with the small strict JSON reader {@link org.fellowship.core.text.Json}, so bot-core needs no JSON
 * library, and {@code FeedText} for how one text field is trimmed and decoded), and
 * {@link org.fellowship.core.meeting.feed.FeedSource} is the port the app implements to fetch a feed by URL.
 */
package org.fellowship.core.meeting.feed;
