import { describe, expect, it } from "vitest";
import { loadConfig } from "../core/config.js";
import { clientAddressOf, isSameSite, parseProxyEntry, trustedProxies } from "./client-address.js";

describe("the client's address", () => {
  const proxies = trustedProxies(["127.0.0.1", "10.0.0.0/8", "fd00::/8"]);

  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf("203.0.113.5", "198.51.100.1", null)).toBe("203.0.113.5");
    expect(clientAddressOf("::ffff:203.0.113.5", undefined, null)).toBe("203.0.113.5");
    expect(clientAddressOf(undefined, undefined, null)).toBe("unknown");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(clientAddressOf("203.0.113.5", "198.51.100.1", proxies)).toBe("203.0.113.5");
  });

  it("walks X-Forwarded-For right to left past trusted proxies, to the first address that is not one", () => {
    expect(clientAddressOf("127.0.0.1", "198.51.100.1", proxies)).toBe("198.51.100.1");
    expect(clientAddressOf("::ffff:127.0.0.1", "198.51.100.1, 10.1.2.3", proxies)).toBe("198.51.100.1");
    // What the client wrote itself lies left of the address the proxy saw, and is never reached.
    expect(clientAddressOf("127.0.0.1", "192.0.2.66, 198.51.100.1", proxies)).toBe("198.51.100.1");
    expect(clientAddressOf("fd00::1", "2001:db8::7", proxies)).toBe("2001:db8::7");
    // Only proxies all the way: the farthest one.
    expect(clientAddressOf("127.0.0.1", "10.0.0.9", proxies)).toBe("10.0.0.9");
    // Not an address where a proxy's word was expected: the proxy, rather than a guess.
    expect(clientAddressOf("127.0.0.1", "198.51.100.1, unknown", proxies)).toBe("127.0.0.1");
    expect(clientAddressOf("127.0.0.1", undefined, proxies)).toBe("127.0.0.1");
  });

  it("reads THEODOI_TRUST_PROXY as addresses and CIDR ranges, and refuses anything else", () => {
    expect(parseProxyEntry("10.0.0.0/8")).toEqual({ address: "10.0.0.0", prefix: 8, family: "ipv4" });
    expect(parseProxyEntry("::ffff:10.0.0.0/104")).toEqual({ address: "10.0.0.0", prefix: 8, family: "ipv4" });
    expect(parseProxyEntry("2001:db8::/32")).toEqual({ address: "2001:db8::", prefix: 32, family: "ipv6" });
    for (const bad of ["10.0.0.0/33", "proxy.local", "10.0.0.1/8/1", "", "1"]) expect(parseProxyEntry(bad)).toBeNull();
    expect(loadConfig({ THEODOI_TRUST_PROXY: " 127.0.0.1, 10.0.0.0/8 " }).trustProxy).toEqual(["127.0.0.1", "10.0.0.0/8"]);
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(() => loadConfig({ THEODOI_TRUST_PROXY: "127.0.0.1,proxy.local" })).toThrow(/THEODOI_TRUST_PROXY/);
  });
});

describe("isSameSite", () => {
  const proxies = trustedProxies(["10.0.0.1"]);
  it("compares the Origin's host with the Host the request was addressed to, whatever the scheme", () => {
    expect(isSameSite("https://theodoi.langson.gov.vn", "theodoi.langson.gov.vn", undefined, "10.0.0.9", null)).toBe(true);
    expect(isSameSite("http://127.0.0.1:3000", "127.0.0.1:3000", undefined, "127.0.0.1", null)).toBe(true);
    expect(isSameSite("https://evil.example", "theodoi.langson.gov.vn", undefined, "10.0.0.9", null)).toBe(false);
    expect(isSameSite("https://theodoi.langson.gov.vn:8443", "theodoi.langson.gov.vn", undefined, "10.0.0.9", null)).toBe(false);
    expect(isSameSite("null", "theodoi.langson.gov.vn", undefined, "10.0.0.9", null)).toBe(false);
  });
  it("believes X-Forwarded-Host only from a trusted proxy", () => {
    expect(isSameSite("https://theodoi.langson.gov.vn", "127.0.0.1:3000", "theodoi.langson.gov.vn", "10.0.0.1", proxies)).toBe(true);
    expect(isSameSite("https://theodoi.langson.gov.vn", "127.0.0.1:3000", "theodoi.langson.gov.vn", "10.0.0.2", proxies)).toBe(false);
    expect(isSameSite("https://evil.example", "127.0.0.1:3000", "evil.example", "10.0.0.2", proxies)).toBe(false);
  });
});

