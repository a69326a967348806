import { describe, expect, it } from "vitest";
import { needsNetworkZygote } from "./needs-network-zygote";

const lean = (code: string) => needsNetworkZygote({ code, network: null });

describe("needsNetworkZygote", () => {
  it("keeps plain asyncio programs on the lean zygote", () => {
    expect(lean("import asyncio\nasync def main():\n    await asyncio.sleep(1)\nasyncio.run(main())\n")).toBe(false);
    expect(lean("import threading, time, random\nprint(sum(range(10)))\n")).toBe(false);
    expect(lean("# requested: a sorted list\nprint(sorted([3, 1]))\n")).toBe(false);
  });

  it("sends every run with a network spec to the networked zygote", () => {
    expect(needsNetworkZygote({ code: "print(1)\n", network: { hosts: {} } })).toBe(true);
  });

  it("errs toward networked: imports in any spelling, dynamic imports, URLs, asyncio streams", () => {
    const networked = [
      "import requests",
      "import aiohttp",
      "from urllib.request import urlopen",
      "import urllib.parse",
      "import http.client",
      "from http import HTTPStatus",
      "import socket",
      "import ssl",
      "from socket import *",
      "import asyncio, \\\n    requests",
      "x = __import__('os')",
      "import importlib",
      "exec('pass')",
      "eval('1')",
      "URL = 'https://a.example/'",
      "reader, writer = await asyncio.open_connection('a.example', 80)",
      "server = await asyncio.start_server(handle, '127.0.0.1', 8888)",
      "await loop.sock_connect(s, addr)",
      "import urllib3",
      "import smtplib",
    ];
    for (const code of networked) expect([code, lean(code)]).toEqual([code, true]);
  });
});
