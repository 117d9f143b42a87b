package org.fellowship.app.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The app's own outbound HTTP (meeting feeds): GET with a total deadline, a byte cap, an address policy and a bounded
 * executor of its own, so a slow or hostile server can never hold the engine's or the scheduler's threads.
 *
 * <ul>
 *   <li><b>Deadline:</b> one budget for the whole exchange, DNS, connect, TLS, headers, every redirect and the body
 *       (OkHttp's call timeout: when it runs out the call is cancelled and its socket closed, so a server that
 *       trickles a byte every few seconds is cut off).</li>
 *   <li><b>Cap:</b> a declared {@code Content-Length} over the cap is refused before reading; otherwise reading stops
 *       at the first byte past the cap (after transparent gzip decoding, so a compressed bomb is refused too).</li>
 *   <li><b>Addresses:</b> a host is resolved once, every address checked with the {@link AddressPolicy} (one refused
 *       address refuses the host), and OkHttp connects to exactly those addresses; the socket checks the address it
 *       is about to connect to once more, which covers IP literals and every redirect hop. No proxy is used.</li>
 *   <li><b>Threads:</b> {@link #get} runs on this instance's executor and returns at once; with
 *       {@link #onCallerThread} (the local modes) it runs to completion on the caller's thread instead.</li>
 * </ul>
 *
 * <p>Thread-safe. Failures are {@link HttpFailure}s; nothing here logs URLs or bodies.
 */
public final class OutboundHttp implements AutoCloseable {
    /** Most redirects followed, each one checked like the first request. */
    public static final int MAX_REDIRECTS = 5;

    private final OkHttpClient client;
    private final Duration deadline;
    private final Executor executor;
    private final ExecutorService owned;

    private OutboundHttp(AddressPolicy policy, Resolver resolver, Duration deadline, Executor executor,
                         ExecutorService owned) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(resolver, "resolver");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the deadline must be positive");
        }
        this.deadline = deadline;
        this.executor = executor;
        this.owned = owned;
        Duration connect = deadline.compareTo(Duration.ofSeconds(10)) < 0 ? deadline : Duration.ofSeconds(10);
        this.client = new OkHttpClient.Builder()
                .callTimeout(deadline).connectTimeout(connect).readTimeout(deadline).writeTimeout(deadline)
                .proxy(Proxy.NO_PROXY)
                .dns(new PolicyDns(policy, resolver))
                .socketFactory(new PolicySocketFactory(policy))
                .followRedirects(false).followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectionPool(new ConnectionPool(2, 1, TimeUnit.MINUTES))
                .build();
    }

    /** Resolves a host name; {@link InetAddress#getAllByName} in production. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * An instance with its own bounded executor: {@code threads} daemon threads and a queue of {@code 8 * threads};
     * a request beyond that fails at once with {@link HttpFailure.Kind#BUSY}. {@link #close()} stops the threads.
     */
    public static OutboundHttp withThreads(AddressPolicy policy, Duration deadline, int threads) {
        return withThreads(policy, InetAddress::getAllByName, deadline, threads);
    }

    /** As {@link #withThreads(AddressPolicy, Duration, int)} with another resolver (for tests). */
    public static OutboundHttp withThreads(AddressPolicy policy, Resolver resolver, Duration deadline, int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(8 * threads), r -> {
                    Thread t = new Thread(r, "outbound-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return new OutboundHttp(policy, resolver, deadline, pool, pool);
    }

    /**
     * An instance that runs each request on the caller's thread, still within the deadline: for the replay and
     * console modes, whose output must not depend on thread timing.
     */
    public static OutboundHttp onCallerThread(AddressPolicy policy, Duration deadline) {
        return new OutboundHttp(policy, InetAddress::getAllByName, deadline, Runnable::run, null);
    }

    /** The total time one request may take. */
    public Duration deadline() {
        return deadline;
    }

    /**
     * GETs {@code url} and completes with the body of its final 200 answer, following at most
     * {@value #MAX_REDIRECTS} redirects between http and https URLs.
     *
     * @param url      an absolute http or https URL
     * @param maxBytes the most body bytes accepted
     * @param accept   the {@code Accept} header
     * @return completes with the body, or exceptionally with an {@link HttpFailure}; never {@code null}
     */
    public CompletableFuture<byte[]> get(String url, long maxBytes, String accept) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            return CompletableFuture.failedFuture(new HttpFailure(HttpFailure.Kind.INVALID_URL, 0));
        }
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(fetch(parsed, maxBytes, accept));
                } catch (HttpFailure e) {
                    result.completeExceptionally(e);
                } catch (RuntimeException e) {
                    result.completeExceptionally(new HttpFailure(HttpFailure.Kind.UNREACHABLE, 0));
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new HttpFailure(HttpFailure.Kind.BUSY, 0));
        }
        return result;
    }

    private byte[] fetch(HttpUrl first, long maxBytes, String accept) {
        // One call per hop, each bounded by what is left of the one deadline.
        long end = System.nanoTime() + deadline.toNanos();
        HttpUrl url = first;
        for (int hop = 0; ; hop++) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new HttpFailure(HttpFailure.Kind.DEADLINE, 0);
            }
            Call call = client.newCall(new Request.Builder().url(url).header("Accept", accept).get().build());
            call.timeout().timeout(left, TimeUnit.NANOSECONDS);
            try (Response response = call.execute()) {
                if (response.isRedirect()) {
                    String location = response.header("Location");
                    HttpUrl next = location == null ? null : url.resolve(location);
                    if (next == null || hop >= MAX_REDIRECTS) {
                        throw new HttpFailure(HttpFailure.Kind.STATUS, response.code());
                    }
                    url = next;
                    continue;
                }
                if (response.code() != 200) {
                    throw new HttpFailure(HttpFailure.Kind.STATUS, response.code());
                }
                return read(response.body(), maxBytes);
            } catch (HttpFailure e) {
                throw e;
            } catch (IOException e) {
                throw classify(e);
            }
        }
    }

    private static byte[] read(ResponseBody body, long maxBytes) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        if (body.contentLength() > maxBytes) {
            throw new HttpFailure(HttpFailure.Kind.TOO_LARGE, 200);
        }
        try (InputStream in = body.byteStream()) {
            // reads what arrives, at most one byte past the cap: never more than the cap is buffered
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new HttpFailure(HttpFailure.Kind.TOO_LARGE, 200);
            }
            return bytes;
        }
    }

    private static HttpFailure classify(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RefusedAddressException || hasSuppressed(t, RefusedAddressException.class)) {
                return new HttpFailure(HttpFailure.Kind.REFUSED_ADDRESS, 0);
            }
        }
        if (e instanceof InterruptedIOException) {
            return new HttpFailure(HttpFailure.Kind.DEADLINE, 0);
        }
        if (e instanceof UnknownHostException) {
            return new HttpFailure(HttpFailure.Kind.UNRESOLVED, 0);
        }
        return new HttpFailure(HttpFailure.Kind.UNREACHABLE, 0, e.getClass().getSimpleName());
    }

    private static boolean hasSuppressed(Throwable t, Class<?> type) {
        for (Throwable s : t.getSuppressed()) {
            if (type.isInstance(s)) {
                return true;
            }
        }
        return false;
    }

    /** Stops this instance's own threads (none for {@link #onCallerThread}) and its idle connections. */
    @Override
    public void close() {
        if (owned != null) {
            owned.shutdownNow();
        }
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /** A host or address the policy refuses; an {@link UnknownHostException} so OkHttp's DNS contract holds. */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException() {
            super("address not allowed");
        }
    }

    /** Resolves once and hands OkHttp only policy-checked addresses, which it then connects to. */
    private record PolicyDns(AddressPolicy policy, Resolver resolver) implements Dns {
        @Override
        public List<InetAddress> lookup(String host) throws UnknownHostException {
            InetAddress[] all = resolver.resolve(host);
            if (all == null || all.length == 0) {
                throw new UnknownHostException("no address");
            }
            for (InetAddress a : all) {
                if (!policy.allows(a)) {
                    throw new RefusedAddressException();
                }
            }
            return List.of(all);
        }
    }

    /** Sockets that check the address they are about to connect to (IP literals skip DNS). */
    private static final class PolicySocketFactory extends SocketFactory {
        private final AddressPolicy policy;

        PolicySocketFactory(AddressPolicy policy) {
            this.policy = policy;
        }

        @Override
        public Socket createSocket() {
            return new Socket() {
                @Override
                public void connect(SocketAddress endpoint, int timeout) throws IOException {
                    if (!(endpoint instanceof InetSocketAddress target) || target.getAddress() == null
                            || !policy.allows(target.getAddress())) {
                        throw new RefusedAddressException();
                    }
                    super.connect(endpoint, timeout);
                }
            };
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket s = createSocket();
            s.connect(new InetSocketAddress(host, port));
            return s;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            Socket s = createSocket();
            s.bind(new InetSocketAddress(localHost, localPort));
            s.connect(new InetSocketAddress(host, port));
            return s;
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            Socket s = createSocket();
            s.connect(new InetSocketAddress(host, port));
            return s;
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            Socket s = createSocket();
            s.bind(new InetSocketAddress(localAddress, localPort));
            s.connect(new InetSocketAddress(address, port));
            return s;
        }
    }
}
