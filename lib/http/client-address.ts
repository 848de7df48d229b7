import net from 'node:net';

/*
 * The client's address, as the sign-in rate limit (Better Auth, keyed on `X-Forwarded-For`) and
 * the session rows see it. Any client can send `X-Forwarded-For`, and `next start` keeps a
 * client's header as it is (it fills the header in from the socket only when it is absent), so
 * the product's own HTTP server (scripts/serve.ts) replaces the header on every request with the
 * address computed here: the connection's own address, or, when the connection comes from a
 * proxy listed in TRUSTED_PROXIES, the right-most address in the proxies' `X-Forwarded-For` that
 * is not itself a trusted proxy.
 */

/** TRUSTED_PROXIES, parsed: the proxies whose `X-Forwarded-For` is believed. */
export type TrustedProxies = { list: net.BlockList; isEmpty: boolean };

/** The address without an IPv4-mapped IPv6 prefix (`::ffff:10.0.0.1` → `10.0.0.1`), or null when it is no IP address. */
export function normalizeAddress(raw: string): string | null {
  let value = raw.trim();
  // An address with a port, as some proxies write it: `[2001:db8::1]:443`, `192.0.2.1:8080`.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  const zone = value.indexOf('%');
  if (zone > 0 && net.isIPv6(value)) value = value.slice(0, zone);
  if (net.isIPv4(value)) return value;
  if (!net.isIPv6(value)) return null;
  const lower = value.toLowerCase();
  const mapped = /^(?:0{0,4}:){0,5}:?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower);
  if (mapped && net.isIPv4(mapped[1]!)) return mapped[1]!;
  return lower;
}

/**
 * Parses TRUSTED_PROXIES: comma-separated IP addresses or CIDR ranges (`127.0.0.1,10.0.0.0/8,
 * fd00::/8`); blank means none. Throws an error naming the entry that is neither.
 */
export function parseTrustedProxies(spec: string): TrustedProxies {
  const list = new net.BlockList();
  let count = 0;
  for (const raw of spec.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const slash = entry.indexOf('/');
    const address = normalizeAddress(slash === -1 ? entry : entry.slice(0, slash));
    const family = address === null ? null : net.isIPv4(address) ? 'ipv4' : 'ipv6';
    if (address === null || family === null) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or a CIDR range`);
    if (slash === -1) list.addAddress(address, family);
    else {
      const prefixText = entry.slice(slash + 1);
      const prefix = Number(prefixText);
      const max = family === 'ipv4' ? 32 : 128;
      if (!/^\d{1,3}$/.test(prefixText) || prefix > max)
        throw new Error(`TRUSTED_PROXIES: "${entry}" has a prefix length that is not 0 to ${max}`);
      list.addSubnet(address, prefix, family);
    }
    count++;
  }
  return { list, isEmpty: count === 0 };
}

/** True when the (normalized) address is one of the trusted proxies. */
export function isTrustedProxy(trusted: TrustedProxies, address: string): boolean {
  if (trusted.isEmpty) return false;
  return trusted.list.check(address, net.isIPv4(address) ? 'ipv4' : 'ipv6');
}

/**
 * The client's address for a request that came in on a connection from `peer` with these
 * `X-Forwarded-For` values (the header may come more than once). The header is believed only as
 * far as trusted proxies wrote it: walking from the right, starting at the peer, every trusted
 * proxy's left neighbour is the address it saw; the first address that is not a trusted proxy is
 * the client. So a client that writes its own `X-Forwarded-For` changes nothing unless it is a
 * trusted proxy, and behind one it can only add addresses to the left of the one the proxy saw.
 * An entry that is no IP address stops the walk at the address to its right. Null when the peer
 * is unknown (the socket is gone).
 */
export function resolveClientAddress(peer: string | undefined, forwardedFor: string | readonly string[] | undefined, trusted: TrustedProxies): string | null {
  const peerAddress = peer === undefined ? null : normalizeAddress(peer);
  if (peerAddress === null) return null;
  let client = peerAddress;
  if (!isTrustedProxy(trusted, client) || forwardedFor === undefined) return client;
  const hops = (typeof forwardedFor === 'string' ? [forwardedFor] : forwardedFor)
    .join(',')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (let i = hops.length - 1; i >= 0 && isTrustedProxy(trusted, client); i--) {
    const hop = normalizeAddress(hops[i]!);
    if (hop === null) break;
    client = hop;
  }
  return client;
}

/** Request headers that say who the client is; the product's server replaces them all. */
const CLIENT_ADDRESS_HEADERS = ['x-forwarded-for', 'x-real-ip', 'forwarded'] as const;

/**
 * Rewrites a Node request's client-address headers in place before the app sees them:
 * `X-Forwarded-For` becomes the one address resolveClientAddress finds (removed when there is
 * none), and `X-Real-IP` and `Forwarded`, which nothing in the product reads, are removed so that
 * nothing can read a client's claim by mistake.
 */
export function rewriteClientAddressHeaders(
  request: { headers: Record<string, string | string[] | undefined>; socket: { remoteAddress?: string | undefined } },
  trusted: TrustedProxies,
): string | null {
  const client = resolveClientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], trusted);
  for (const name of CLIENT_ADDRESS_HEADERS) delete request.headers[name];
  if (client !== null) request.headers['x-forwarded-for'] = client;
  return client;
}

/**
 * Wraps a Node request listener (Next's request handler) so that every request reaches it with
 * its client-address headers rewritten (rewriteClientAddressHeaders).
 */
export function withClientAddress<Req extends { headers: Record<string, string | string[] | undefined>; socket: { remoteAddress?: string | undefined } }, Res>(
  trusted: TrustedProxies,
  listener: (request: Req, response: Res) => unknown,
): (request: Req, response: Res) => void {
  return (request, response) => {
    rewriteClientAddressHeaders(request, trusted);
    void listener(request, response);
  };
}
