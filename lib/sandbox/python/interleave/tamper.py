"""Tamper evidence (stub; real implementation follows)."""


def static_scan(code):
    return None


def snapshot():
    return {}


def runtime_check(snap):
    return None
