package org.fellowship.app.http;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which addresses the bot's own outbound HTTP may connect to: public unicast only, so a URL given by anyone who adds
 * the bot to a group cannot make it probe the network it runs in.
 *
 * <p>Refused: every IPv4 range of the IANA special-purpose registry (this network, private, shared address space
 * 100.64/10, loopback, link-local, IETF protocol assignments, documentation, 6to4 relay, benchmarking 198.18/15,
 * multicast, reserved 240/4 and broadcast); in IPv6 everything outside global unicast 2000::/3 (unspecified,
 * loopback, the deprecated IPv4-compatible ::/96, unique local, link-local, site-local, multicast, discard) and the
 * special blocks inside it (2001::/23 with Teredo, documentation 2001:db8::/32 and 3fff::/20). IPv6 forms that carry
 * an IPv4 address (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-translated {@code ::ffff:0:a.b.c.d}, NAT64
 * {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are judged by that IPv4 address. The host's own interface addresses
 * (a public address of the machine reaches services bound to every interface) are refused in every form.
 *
 * <p>Thread-safe and immutable. The host's addresses are read when an address is checked (rarely: once per
 * outbound connection).
 */
public final class AddressPolicy {
    /** IPv4 special-purpose blocks: network, prefix length. */
    private static final int[][] V4_SPECIAL = {
            {v4(0, 0, 0, 0), 8}, {v4(10, 0, 0, 0), 8}, {v4(100, 64, 0, 0), 10}, {v4(127, 0, 0, 0), 8},
            {v4(169, 254, 0, 0), 16}, {v4(172, 16, 0, 0), 12}, {v4(192, 0, 0, 0), 24}, {v4(192, 0, 2, 0), 24},
            {v4(192, 31, 196, 0), 24}, {v4(192, 52, 193, 0), 24}, {v4(192, 88, 99, 0), 24},
            {v4(192, 168, 0, 0), 16}, {v4(192, 175, 48, 0), 24}, {v4(198, 18, 0, 0), 15},
            {v4(198, 51, 100, 0), 24}, {v4(203, 0, 113, 0), 24}, {v4(224, 0, 0, 0), 4}, {v4(240, 0, 0, 0), 4}};

    private final Supplier<Set<InetAddress>> ownAddresses;
    private final Set<InetAddress> exceptions;

    private AddressPolicy(Supplier<Set<InetAddress>> ownAddresses, Set<InetAddress> exceptions) {
        this.ownAddresses = ownAddresses;
        this.exceptions = Set.copyOf(exceptions);
    }

    /** The production policy: public unicast addresses that are not this host's own. */
    public static AddressPolicy publicOnly() {
        return new AddressPolicy(AddressPolicy::interfaceAddresses, Set.of());
    }

    /** The production rules with another idea of the host's own addresses (for tests). */
    static AddressPolicy publicOnly(Supplier<Set<InetAddress>> ownAddresses) {
        return new AddressPolicy(ownAddresses, Set.of());
    }

    /** This policy, also allowing exactly these addresses (a loopback test server). */
    public AddressPolicy alsoAllowing(InetAddress... addresses) {
        Set<InetAddress> more = new HashSet<>(exceptions);
        more.addAll(List.of(addresses));
        return new AddressPolicy(ownAddresses, more);
    }

    /** Whether a connection to {@code address} is allowed. */
    public boolean allows(InetAddress address) {
        if (exceptions.contains(address)) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (!isPublic(bytes)) {
            return false;
        }
        byte[] embedded = embeddedV4(bytes);
        for (InetAddress own : ownAddresses.get()) {
            byte[] o = own.getAddress();
            if (Arrays.equals(o, bytes) || embedded != null && Arrays.equals(o, embedded)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the raw address (4 or 16 bytes) is public unicast, by the registry rules alone. */
    static boolean isPublic(byte[] a) {
        if (a.length == 4) {
            int ip = ((a[0] & 0xff) << 24) | ((a[1] & 0xff) << 16) | ((a[2] & 0xff) << 8) | (a[3] & 0xff);
            for (int[] block : V4_SPECIAL) {
                int mask = -1 << (32 - block[1]);
                if ((ip & mask) == block[0]) {
                    return false;
                }
            }
            return true;
        }
        if (a.length != 16) {
            return false;
        }
        byte[] embedded = embeddedV4(a);
        if (embedded != null) {
            return isPublic(embedded);
        }
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        int third = a[2] & 0xff;
        if ((first & 0xe0) != 0x20) {
            return false; // outside global unicast 2000::/3: ::/8 forms, ULA, link-local, multicast, NAT64 local ...
        }
        if (first == 0x20 && second == 0x01 && (third & 0xfe) == 0) {
            return false; // 2001::/23 IETF protocol assignments, Teredo among them
        }
        if (first == 0x20 && second == 0x01 && third == 0x0d && (a[3] & 0xff) == 0xb8) {
            return false; // 2001:db8::/32 documentation
        }
        return !(first == 0x3f && second == 0xff && (third & 0xf0) == 0); // 3fff::/20 documentation
    }

    /**
     * The IPv4 address an IPv6 address stands for, when it is one of the forms routed to IPv4: IPv4-mapped,
     * IPv4-translated, NAT64 well-known prefix, 6to4. {@code null} otherwise (and for IPv4 itself).
     */
    static byte[] embeddedV4(byte[] a) {
        if (a.length != 16) {
            return null;
        }
        if (zero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return Arrays.copyOfRange(a, 12, 16); // ::ffff:a.b.c.d
        }
        if (zero(a, 0, 8) && (a[8] & 0xff) == 0xff && (a[9] & 0xff) == 0xff && zero(a, 10, 12)) {
            return Arrays.copyOfRange(a, 12, 16); // ::ffff:0:a.b.c.d
        }
        if (a[0] == 0 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b && zero(a, 4, 12)) {
            return Arrays.copyOfRange(a, 12, 16); // 64:ff9b::a.b.c.d
        }
        if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
            return Arrays.copyOfRange(a, 2, 6); // 2002:aabb:ccdd::/48
        }
        return null;
    }

    private static boolean zero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int v4(int a, int b, int c, int d) {
        return (a << 24) | (b << 16) | (c << 8) | d;
    }

    /** Every address of every interface of this host; on failure none (the registry rules still apply). */
    static Set<InetAddress> interfaceAddresses() {
        Set<InetAddress> all = new HashSet<>();
        try {
            NetworkInterface.networkInterfaces().forEach(nic -> nic.inetAddresses().forEach(a -> {
                try {
                    // drop the scope id so equality is by the address alone
                    all.add(InetAddress.getByAddress(a.getAddress()));
                } catch (java.net.UnknownHostException e) {
                    // cannot happen for a 4- or 16-byte address
                }
            }));
        } catch (SocketException e) {
            return Set.of();
        }
        return all;
    }
}
