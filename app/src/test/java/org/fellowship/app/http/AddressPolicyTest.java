package org.fellowship.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The address policy over the address forms an attacker can use: every IPv4 special-purpose block in every IPv6 form
 * that reaches it, the IPv6 special blocks, the host's own addresses; public addresses stay reachable.
 */
class AddressPolicyTest {
    /** The IANA IPv4 special-purpose registry, written out here as the specification. */
    private static final List<String> V4_SPECIAL = List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
            "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24",
            "192.88.99.0/24", "192.168.0.0/16", "192.175.48.0/24", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "255.255.255.255/32");
    private static final List<String> V4_PUBLIC = List.of("1.1.1.0/24", "8.8.8.0/24", "9.0.0.0/8", "93.184.216.0/24",
            "104.16.0.0/12", "151.101.0.0/16", "185.199.108.0/22", "52.0.0.0/8", "100.128.0.0/9", "198.20.0.0/14",
            "223.255.255.0/24");
    private static final List<String> V6_SPECIAL = List.of("::/128", "::1/128", "::/96", "100::/64", "64:ff9b:1::/48",
            "2001::/23", "2001:db8::/32", "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
            "4000::/3", "e000::/4");
    private static final List<String> V6_PUBLIC = List.of("2606:4700::/32", "2a00:1450::/32", "2001:4860::/32",
            "2400:cb00::/32", "2620:fe::/48");

    private final AddressPolicy policy = AddressPolicy.publicOnly(Set::of);

    @Provide
    Arbitrary<byte[]> specialV4() {
        return inBlocks(V4_SPECIAL);
    }

    @Provide
    Arbitrary<byte[]> publicV4() {
        return inBlocks(V4_PUBLIC);
    }

    @Provide
    Arbitrary<byte[]> specialV6() {
        return inBlocks(V6_SPECIAL);
    }

    @Provide
    Arbitrary<byte[]> publicV6() {
        return inBlocks(V6_PUBLIC);
    }

    @Provide
    Arbitrary<byte[]> suffixes() {
        return Arbitraries.bytes().array(byte[].class).ofSize(10);
    }

    @Property(tries = 2000)
    void everySpecialPurposeIPv4AddressIsRefusedInEveryForm(@ForAll("specialV4") byte[] v4,
                                                            @ForAll("suffixes") byte[] suffix) {
        for (byte[] form : forms(v4, suffix)) {
            assertThat(policy.allows(address(form))).as(text(form)).isFalse();
            assertThat(AddressPolicy.isPublic(form)).as(text(form)).isFalse();
        }
    }

    @Property(tries = 1000)
    void publicIPv4AddressesAreAllowedDirectlyAndThroughTheFormsThatReachThem(@ForAll("publicV4") byte[] v4,
                                                                              @ForAll("suffixes") byte[] suffix) {
        assertThat(policy.allows(address(v4))).as(text(v4)).isTrue();
        for (byte[] form : List.of(mapped(v4), translated(v4), nat64(v4), sixToFour(v4, suffix))) {
            assertThat(AddressPolicy.isPublic(form)).as(text(form)).isTrue();
            assertThat(policy.allows(address(form))).as(text(form)).isTrue();
        }
        assertThat(policy.allows(address(compatible(v4)))).as("the deprecated ::a.b.c.d form is refused outright")
                .isFalse();
    }

    @Property(tries = 1000)
    void specialPurposeIPv6AddressesAreRefused(@ForAll("specialV6") byte[] v6) {
        assertThat(policy.allows(address(v6))).as(text(v6)).isFalse();
    }

    @Property(tries = 500)
    void publicIPv6AddressesAreAllowed(@ForAll("publicV6") byte[] v6) {
        assertThat(policy.allows(address(v6))).as(text(v6)).isTrue();
    }

    @Property(tries = 300)
    void theHostsOwnAddressesAreRefusedInEveryForm(@ForAll("publicV4") byte[] own, @ForAll("publicV6") byte[] own6,
                                                   @ForAll("suffixes") byte[] suffix) {
        AddressPolicy onThisHost = AddressPolicy.publicOnly(() -> Set.of(address(own), address(own6)));
        for (byte[] form : List.of(own, mapped(own), translated(own), nat64(own), sixToFour(own, suffix), own6)) {
            assertThat(onThisHost.allows(address(form))).as(text(form)).isFalse();
        }
    }

    @Example
    void theRealHostsInterfaceAddressesAreRefused() {
        assertThat(AddressPolicy.interfaceAddresses()).isNotEmpty()
                .allSatisfy(a -> assertThat(AddressPolicy.publicOnly().allows(a)).as(a.getHostAddress()).isFalse());
    }

    @Example
    void aTestExceptionAllowsExactlyTheAddressesNamed() throws UnknownHostException {
        AddressPolicy test = policy.alsoAllowing(InetAddress.getByName("127.0.0.1"));
        assertThat(test.allows(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(test.allows(InetAddress.getByName("127.0.0.2"))).isFalse();
        assertThat(test.allows(InetAddress.getByName("::1"))).isFalse();
    }

    @Example
    void theFormsFromTheProbingReportAreRefused() throws UnknownHostException {
        for (String text : List.of("100.64.0.1", "198.18.0.1", "198.19.255.254", "0.1.2.3", "240.0.0.1",
                "255.255.255.255", "::127.0.0.1", "::ffff:127.0.0.1", "::ffff:0:127.0.0.1", "64:ff9b::7f00:1",
                "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "2002:a00:1::", "2002:c0a8:101:1::1", "::", "::1",
                "fd00::1", "fe80::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2")) {
            assertThat(policy.allows(InetAddress.getByName(text))).as(text).isFalse();
        }
        assertThat(policy.allows(InetAddress.getByName("93.184.216.34"))).isTrue();
        assertThat(policy.allows(InetAddress.getByName("2606:4700::6810:85e5"))).isTrue();
    }

    // ---- address forms ----

    /** The IPv4 address itself and every IPv6 form that stands for it. */
    private static List<byte[]> forms(byte[] v4, byte[] suffix) {
        return List.of(v4, mapped(v4), translated(v4), compatible(v4), nat64(v4), sixToFour(v4, suffix));
    }

    private static byte[] mapped(byte[] v4) { // ::ffff:a.b.c.d
        return v6(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff}, v4);
    }

    private static byte[] translated(byte[] v4) { // ::ffff:0:a.b.c.d
        return v6(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0}, v4);
    }

    private static byte[] compatible(byte[] v4) { // ::a.b.c.d
        return v6(new byte[12], v4);
    }

    private static byte[] nat64(byte[] v4) { // 64:ff9b::a.b.c.d
        return v6(new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0}, v4);
    }

    private static byte[] sixToFour(byte[] v4, byte[] suffix) { // 2002:aabb:ccdd:<subnet and interface>
        byte[] a = new byte[16];
        a[0] = 0x20;
        a[1] = 0x02;
        System.arraycopy(v4, 0, a, 2, 4);
        System.arraycopy(suffix, 0, a, 6, 10);
        return a;
    }

    private static byte[] v6(byte[] prefix12, byte[] v4) {
        byte[] a = new byte[16];
        System.arraycopy(prefix12, 0, a, 0, 12);
        System.arraycopy(v4, 0, a, 12, 4);
        return a;
    }

    /** Random addresses inside the given CIDR blocks. */
    private static Arbitrary<byte[]> inBlocks(List<String> cidrs) {
        return Combinators.combine(Arbitraries.of(cidrs), Arbitraries.bytes().array(byte[].class).ofSize(16))
                .as((cidr, random) -> {
                    String[] parts = cidr.split("/");
                    byte[] net = address(parts[0]).getAddress();
                    int prefix = Integer.parseInt(parts[1]);
                    byte[] a = net.clone();
                    for (int bit = prefix; bit < a.length * 8; bit++) {
                        int mask = 0x80 >>> (bit % 8);
                        a[bit / 8] = (byte) ((a[bit / 8] & ~mask) | (random[bit / 8] & mask));
                    }
                    return a;
                });
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Java turns a 16-byte ::ffff:a.b.c.d into an IPv4 address; the other forms stay IPv6. */
    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String text(byte[] bytes) {
        return address(bytes).getHostAddress();
    }
}
