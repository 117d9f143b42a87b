/**
 * The ports platform adapters and stores implement: sending and group administration ({@code ChatGateway},
 * {@code GroupAdminGateway}, {@code ChatAudience}), receiving ({@code InboundEventSink}), what a platform can do
 * ({@code PlatformCapabilities}), the command menu it publishes ({@code CommandMenuEntry}), shared rate windows
 * ({@code RateLimitStore}), a community's one identity across new ids ({@code CommunityAliases}) and the two failures
 * every caller handles: {@code GatewayException} and {@code StoreUnavailableException}.
 */
package org.fellowship.core.port;
