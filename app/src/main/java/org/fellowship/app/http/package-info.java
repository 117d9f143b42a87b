/**
 * Outbound HTTP for fetching feeds and files: size and time limits and the address policy that refuses private and
 * loopback addresses.
 */
package org.fellowship.app.http;
