import type { NetworkSpec } from "@/lib/run-contract/network-spec.types";

/**
 * Any word that may lead a program to the networking libraries, however it is spelled: imports
 * (`import requests`, `from urllib.request import urlopen`, `http.client`), dynamic imports
 * (`__import__`, `importlib`, `exec`, `eval`), URLs in strings, and asyncio's own socket entry
 * points (which reach TLS through `ssl`).
 */
const NETWORK_WORDS =
  /\b(?:requests|aiohttp|urllib3?|https?|socket|socketserver|ssl|ftplib|smtplib|poplib|imaplib|xmlrpc|telnetlib|websockets?|httpx|certifi|cryptography|open_connection|open_unix_connection|start_server|start_unix_server|create_connection|create_unix_connection|create_server|create_datagram_endpoint|getaddrinfo|sock_\w+|importlib|import_module|__import__|exec|eval)\b/;

/**
 * Whether a run goes to its slot's networked zygote (requests, aiohttp, urllib and the TLS
 * authority preloaded, forks twice as big) rather than the lean one. A cheap, conservative text
 * check that errs toward "networked": the choice only sets the speed, never the result — a
 * program that reaches the network from the lean zygote imports what it needs itself there.
 */
export function needsNetworkZygote(run: { code: string; network: NetworkSpec | null }): boolean {
  return run.network !== null || NETWORK_WORDS.test(run.code);
}
