"""Resource limits for this test process (imported by every test module that runs programs).

The tests run student-style programs in-process, outside the sandbox: floods, tamper attempts,
limit probes. If a harness bug ever let one of them run away (a broken output limit once grew a
unittest process to 17 GB), it must fail the suite, not eat the machine. Soft limits only, and
only ever lowered: a process that already runs under tighter limits keeps them.
"""
import resource

ADDRESS_SPACE_BYTES = 2 << 30  # the whole suite needs < 100 MB
CPU_SECONDS = 300  # the whole suite needs < 5 s; past this SIGXCPU ends the run


def _lower_soft(limit, value):
    soft, hard = resource.getrlimit(limit)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    if soft == resource.RLIM_INFINITY or soft > value:
        resource.setrlimit(limit, (value, hard))


def apply():
    _lower_soft(resource.RLIMIT_AS, ADDRESS_SPACE_BYTES)
    used = resource.getrusage(resource.RUSAGE_SELF)
    _lower_soft(resource.RLIMIT_CPU, int(used.ru_utime + used.ru_stime) + CPU_SECONDS)


apply()
