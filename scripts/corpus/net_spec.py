"""Reads and validates a `network.json` (issue 15) for the real-server oracle.

The format (documented in docs/exercises.md; the sandbox's virtual network reads the same file):
    { "hosts": { "a.example": { "latency": 1.0, "concurrency": 2,
        "routes": { "GET /": { "status": 200, "body": "...", "headers": {...} },
                    "GET /slow": { "latency": 3, "body": "late" },
                    "GET /api/items": { "json": [1, 2, 3] },
                    "POST /echo": { "echo": true },
                    "GET /limited": { "status": 429, "headers": { "Retry-After": "1" } },
                    "GET /reset": { "fail": "reset" } } } } }

Every problem is reported at once (NetworkSpecError lists them all), naming the host and route.
"""

import json
import math
import re

HOST_KEYS = {"latency", "concurrency", "routes"}
ROUTE_KEYS = {"status", "body", "json", "echo", "headers", "latency", "fail"}
METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}
HOST_NAME = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")
MAX_LATENCY = 3600


class NetworkSpecError(ValueError):
    def __init__(self, problems):
        super().__init__("invalid network.json:\n" + "\n".join(f"  {p}" for p in problems))
        self.problems = problems


def load_network(path):
    with open(path, encoding="utf-8") as handle:
        try:
            raw = json.load(handle)
        except json.JSONDecodeError as exc:
            raise NetworkSpecError([f"not valid JSON: {exc}"]) from None
    return validate_network(raw)


def validate_network(raw):
    problems = []
    if not isinstance(raw, dict):
        raise NetworkSpecError(["the top level must be an object with a \"hosts\" object"])
    for key in sorted(set(raw) - {"hosts", "loopbackLatency"}):
        problems.append(f"unknown key {key!r} (only \"hosts\" and \"loopbackLatency\")")
    if raw.get("loopbackLatency", 0) != 0:
        # The program's own loopback servers run on the real 127.0.0.1 here: ~0 latency, nothing else.
        problems.append("loopbackLatency other than 0 cannot be recorded against a real machine")
    hosts = raw.get("hosts")
    if not isinstance(hosts, dict):
        problems.append("\"hosts\" must be an object mapping host names to hosts")
        hosts = {}
    for name, host in hosts.items():
        problems += [f"hosts.{name}: {p}" for p in host_problems(name, host)]
    if problems:
        raise NetworkSpecError(problems)
    return raw


def host_problems(name, host):
    problems = []
    if not HOST_NAME.match(name):
        problems.append("is not a lowercase host name")
    if not isinstance(host, dict):
        return problems + ["must be an object"]
    problems += [f"unknown key {key!r}" for key in sorted(set(host) - HOST_KEYS)]
    problems += latency_problems(host)
    concurrency = host.get("concurrency")
    if concurrency is not None and (type(concurrency) is not int or concurrency < 1):
        problems.append(f"concurrency must be a whole number >= 1, got {concurrency!r}")
    routes = host.get("routes", {})
    if not isinstance(routes, dict):
        return problems + ["routes must be an object"]
    for key, route in routes.items():
        problems += [f"routes[{key!r}]: {p}" for p in route_problems(key, route)]
    return problems


def route_problems(key, route):
    problems = []
    method, _, path = key.partition(" ")
    if method not in METHODS or not path.startswith("/") or "?" in path or " " in path:
        problems.append("the key must be \"METHOD /path\" (no query string)")
    if not isinstance(route, dict):
        return problems + ["must be an object"]
    problems += [f"unknown key {k!r}" for k in sorted(set(route) - ROUTE_KEYS)]
    problems += latency_problems(route)
    if len({"body", "json", "echo"} & set(route)) > 1:
        problems.append("at most one of body, json, echo")
    if "body" in route and not isinstance(route["body"], str):
        problems.append("body must be a string")
    if "echo" in route and route["echo"] is not True:
        problems.append("echo must be true")
    status = route.get("status", 200)
    if type(status) is not int or not 100 <= status <= 599:
        problems.append(f"status must be an HTTP status code, got {status!r}")
    headers = route.get("headers", {})
    if not isinstance(headers, dict) or not all(isinstance(v, str) for v in headers.values()):
        problems.append("headers must map names to strings")
    if "fail" in route and route["fail"] != "reset":
        problems.append(f"fail must be \"reset\", got {route['fail']!r}")
    return problems


def latency_problems(obj):
    if "latency" not in obj:
        return []
    value = obj["latency"]
    if type(value) not in (int, float) or not math.isfinite(value) or not 0 <= value <= MAX_LATENCY:
        return [f"latency must be a number of seconds between 0 and {MAX_LATENCY}, got {value!r}"]
    return []
