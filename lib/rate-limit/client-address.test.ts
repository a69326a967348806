import { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import {
  CLIENT_ADDRESS_HEADER,
  clientAddressOf,
  readClientAddress,
  stampClientAddress,
  UNKNOWN_CLIENT_ADDRESS,
} from "./client-address";

describe("clientAddressOf", () => {
  it("uses the socket address and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(clientAddressOf({ socketAddress: "203.0.113.9", forwardedFor: "198.51.100.1", trustedProxies: 0 })).toBe(
      "203.0.113.9",
    );
  });

  it("takes the entry the trusted proxy appended, not what the client put in front of it", () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; nginx appended the address it saw.
    expect(
      clientAddressOf({ socketAddress: "10.0.0.2", forwardedFor: "6.6.6.6, 198.51.100.7", trustedProxies: 1 }),
    ).toBe("198.51.100.7");
    expect(
      clientAddressOf({
        socketAddress: "10.0.0.2",
        forwardedFor: ["6.6.6.6", "198.51.100.7, 10.0.0.3"],
        trustedProxies: 2,
      }),
    ).toBe("198.51.100.7");
  });

  it("falls back sensibly when the header is missing or shorter than the proxy chain", () => {
    expect(clientAddressOf({ socketAddress: "10.0.0.2", forwardedFor: undefined, trustedProxies: 1 })).toBe("10.0.0.2");
    expect(clientAddressOf({ socketAddress: "10.0.0.2", forwardedFor: " , ", trustedProxies: 1 })).toBe("10.0.0.2");
    expect(clientAddressOf({ socketAddress: "10.0.0.2", forwardedFor: "198.51.100.7", trustedProxies: 3 })).toBe(
      "198.51.100.7",
    );
    expect(clientAddressOf({ socketAddress: undefined, forwardedFor: undefined, trustedProxies: 0 })).toBe(
      UNKNOWN_CLIENT_ADDRESS,
    );
  });

  it("treats an IPv4-mapped IPv6 address as the IPv4 address", () => {
    expect(clientAddressOf({ socketAddress: "::ffff:192.0.2.4", forwardedFor: undefined, trustedProxies: 0 })).toBe(
      "192.0.2.4",
    );
    expect(clientAddressOf({ socketAddress: "2001:DB8::1", forwardedFor: undefined, trustedProxies: 0 })).toBe(
      "2001:db8::1",
    );
  });
});

describe("stampClientAddress / readClientAddress", () => {
  it("overwrites a stamp the client forged and reads it back from either header shape", () => {
    const request = new IncomingMessage(new Socket());
    Object.defineProperty(request.socket, "remoteAddress", { value: "::ffff:192.0.2.4" });
    request.headers = { [CLIENT_ADDRESS_HEADER]: "1.2.3.4", "x-forwarded-for": "5.6.7.8" };
    stampClientAddress(request, 0);
    expect(request.headers[CLIENT_ADDRESS_HEADER]).toBe("192.0.2.4");
    expect(readClientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "192.0.2.4" }))).toBe("192.0.2.4");
    expect(readClientAddress({ [CLIENT_ADDRESS_HEADER]: "192.0.2.4" })).toBe("192.0.2.4");
    expect(readClientAddress(new Headers())).toBe(UNKNOWN_CLIENT_ADDRESS);
    expect(readClientAddress(undefined)).toBe(UNKNOWN_CLIENT_ADDRESS);
  });
});
