/**
 * Who the client is, for the sign-in limits. By default the socket's peer: X-Forwarded-For is
 * written by whoever sends the request, so it is believed only from proxies named in
 * THEODOI_TRUST_PROXY (addresses or CIDR ranges). From a trusted peer the header is read right to
 * left, past every trusted proxy, to the first address that is not one: what a client puts in the
 * header itself lies further left and is never reached.
 */
import { BlockList, isIP } from "node:net";

/** An IPv4 client seen on a dual-stack socket ("::ffff:10.0.0.5") is the IPv4 address. */
const plain = (address: string) => {
  const a = address.trim();
  return a.toLowerCase().startsWith("::ffff:") && isIP(a.slice(7)) === 4 ? a.slice(7) : a;
};

/** A proxy entry's address and prefix length, or null when it is neither an address nor a CIDR range. */
export function parseProxyEntry(entry: string): { address: string; prefix: number; family: "ipv4" | "ipv6" } | null {
  const [written, prefixText, ...rest] = entry.trim().split("/");
  const address = plain(written);
  const version = isIP(address);
  if (!version || rest.length) return null;
  const bits = version === 4 ? 32 : 128;
  // An IPv4-mapped range ("::ffff:10.0.0.0/104") is the IPv4 range it maps.
  const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) - (address !== written.trim() ? 96 : 0) : NaN;
  if (!(prefix >= 0 && prefix <= bits)) return null;
  return { address, prefix, family: version === 4 ? "ipv4" : "ipv6" };
}

/** The trusted proxies, from THEODOI_TRUST_PROXY's entries (already validated by the configuration). */
export function trustedProxies(entries: string[]): BlockList | null {
  if (!entries.length) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const p = parseProxyEntry(entry);
    if (!p) throw new Error(`not an address or CIDR range: ${entry}`);
    list.addSubnet(p.address, p.prefix, p.family);
  }
  return list;
}

const trusted = (list: BlockList, address: string) => {
  const version = isIP(address);
  return version !== 0 && list.check(address, version === 4 ? "ipv4" : "ipv6");
};

/** The client's address: the peer, or with trusted proxies the nearest untrusted address in X-Forwarded-For. */
export function clientAddressOf(peer: string | undefined, forwardedFor: string | undefined, proxies: BlockList | null): string {
  let address = plain(peer ?? "unknown");
  if (!proxies || !forwardedFor) return address;
  const hops = forwardedFor.split(",").map(plain).filter(Boolean);
  while (trusted(proxies, address) && hops.length) {
    const next = hops.pop()!;
    // A trusted proxy wrote something that is not an address: stop at the proxy rather than guess.
    if (!isIP(next)) break;
    address = next;
  }
  return address;
}

/**
 * Whether a write's Origin is this site: its host (name and port) is the one the request was addressed
 * to, the Host header, or behind a trusted proxy the X-Forwarded-Host it wrote. The scheme is not
 * compared: behind a proxy that ends TLS the browser's https://host reaches the server as http.
 */
export function isSameSite(origin: string, host: string | undefined, forwardedHost: string | undefined, peer: string | undefined, proxies: BlockList | null): boolean {
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return false; // "null" (a sandboxed frame, a file) or garbage
  }
  const addressed = [host];
  if (proxies && forwardedHost && trusted(proxies, plain(peer ?? ""))) addressed.push(forwardedHost.split(",")[0]);
  return addressed.some((h) => h !== undefined && h.trim().toLowerCase() === originHost);
}
