package com.customerservice.adapter.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where deliveries may go: only to public addresses. Loopback, private (RFC 1918, unique local),
 * link-local (which holds the cloud metadata address 169.254.169.254), carrier-grade NAT,
 * unspecified, multicast, benchmarking and reserved ranges are refused, also when reached through
 * an IPv4-mapped or NAT64 IPv6 address. A sandbox may reach loopback, for a receiver on the same
 * machine.
 */
final class Destinations {
  /** Resolves a host name to addresses (the system's DNS in production). */
  interface Resolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;

    static Resolver system() {
      return host -> List.of(InetAddress.getAllByName(host));
    }
  }

  /** A destination deliveries may not go to. */
  static final class ForbiddenDestination extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    ForbiddenDestination(String message) {
      super(message);
    }
  }

  private final Resolver resolver;
  private final boolean allowLoopback;

  Destinations(Resolver resolver, boolean allowLoopback) {
    this.resolver = resolver;
    this.allowLoopback = allowLoopback;
  }

  /** The addresses of {@code host}, each one allowed, or {@link ForbiddenDestination}. */
  List<InetAddress> resolve(String host) throws UnknownHostException {
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    List<InetAddress> addresses = resolver.resolve(bare);
    if (addresses.isEmpty()) {
      throw new UnknownHostException("no address for the host");
    }
    for (InetAddress address : addresses) {
      if (!isAllowed(address)) {
        throw new ForbiddenDestination("the host resolves to an address deliveries may not go to");
      }
    }
    return addresses;
  }

  boolean isAllowed(InetAddress address) {
    if (address.isLoopbackAddress()) {
      return allowLoopback;
    }
    return isPublic(address);
  }

  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return isPublicV4(b);
    }
    if (address instanceof Inet6Address) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return false; // fc00::/7 unique local (holds fd00:ec2::254, a metadata address)
      }
      if (first == 0x20
          && (b[1] & 0xff) == 0x01
          && (b[2] & 0xff) == 0x0d
          && (b[3] & 0xff) == 0xb8) {
        return false; // 2001:db8::/32 documentation
      }
      if (isMapped(b)) {
        return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
      }
      if (isNat64(b)) {
        return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
      }
      return true;
    }
    return false;
  }

  private static boolean isPublicV4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    int a2 = b[2] & 0xff;
    return !(a0 == 0 // this network
        || a0 == 10
        || a0 == 127
        || (a0 == 100 && a1 >= 64 && a1 <= 127) // carrier-grade NAT
        || (a0 == 169 && a1 == 254) // link-local, cloud metadata
        || (a0 == 172 && a1 >= 16 && a1 <= 31)
        || (a0 == 192 && a1 == 0 && a2 == 0) // IETF protocol assignments
        || (a0 == 192 && a1 == 0 && a2 == 2) // documentation
        || (a0 == 192 && a1 == 168)
        || (a0 == 198 && (a1 == 18 || a1 == 19)) // benchmarking
        || (a0 == 198 && a1 == 51 && a2 == 100) // documentation
        || (a0 == 203 && a1 == 0 && a2 == 113) // documentation
        || a0 >= 224); // multicast, reserved, broadcast
  }

  private static boolean isMapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }

  private static boolean isNat64(byte[] b) {
    // 64:ff9b::/96
    return (b[0] & 0xff) == 0x00
        && (b[1] & 0xff) == 0x64
        && (b[2] & 0xff) == 0xff
        && (b[3] & 0xff) == 0x9b
        && IntStream.range(4, 12).allMatch(i -> b[i] == 0);
  }
}
