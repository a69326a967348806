"""The schedule of one run: every order CPython leaves open is a *choice point* decided here.

A run's seed (its schedule number) selects one of three strategies:

- 0: canonical. Every choice point takes alternative 0 (FIFO, creation order, first iteration
  order): the schedule a reference solution is recorded with.
- 1 .. PCT_BASE-1: enumerated. The number is read as a mixed-radix number whose digits are the
  alternatives taken at successive choice points (digit i has the arity of choice point i):
  `seed = c0 + a0 * (c1 + a1 * (c2 + ...))`. Once the digits run out every further choice is 0.
  The host enumerates a program's choice tree from the arities reported by each run, so every
  schedule it explores is reproducible from its number alone.
- PCT_BASE + k * PCT_K_STEP + i: PCT (probabilistic concurrency testing, Burckhardt et al. 2010).
  Every task / thread gets a random priority; the highest ready one always goes first; at D - 1
  random choice points out of the first k the winner's priority drops below all others. A bug that
  needs d ordering constraints is found with probability >= 1 / (n * k^(d-1)) per run.

Each run reports its choice points (`report()`) so the host can enumerate or size PCT runs.
Object hashes (tasks and futures in sets) are not enumerable: under every seed > 0 they are random
(as CPython's address-based hashes are), and the report counts the objects hashed by the program.
"""
import random

PCT_BASE = 1_000_000_000
PCT_K_STEP = 100_000
PCT_DEPTH = 3  # d: two priority change points
MAX_REPORTED = 512  # arities kept in the report; beyond it the tree is "too big" anyway
MAX_PREEMPTIONS = 2  # thread switches a schedule may add at preemption points


class Schedule:
    def __init__(self):
        self.reset(0)

    def reset(self, seed):
        self.seed = seed
        self.points = []
        self.taken = []
        self.count = 0
        self.hashed = 0
        self.preemptions = 0
        if seed == 0:
            self.mode = "canonical"
            self.rng = None
        elif seed < PCT_BASE:
            self.mode = "enumerated"
            self.rest = seed
            self.rng = random.Random(seed)
        else:
            self.mode = "pct"
            self.rng = random.Random(seed)
            k = max(1, (seed - PCT_BASE) // PCT_K_STEP)
            self.change_points = {self.rng.randrange(k) for _ in range(PCT_DEPTH - 1)}
            self.priorities = {}
            self.demoted = 0

    @property
    def varies(self):
        return self.mode != "canonical"

    def choose(self, n, keys=None):
        """The alternative (0 <= i < n) taken at the next choice point with n alternatives.

        `keys` (PCT only) identify who each alternative runs, so priorities follow tasks/threads."""
        if n <= 1:
            return 0
        index = self.count
        self.count += 1
        if len(self.points) < MAX_REPORTED:
            self.points.append(n)
        if self.mode == "canonical":
            choice = 0
        elif self.mode == "enumerated":
            choice = self.rest % n
            self.rest //= n
        else:
            choice = self._pct_choice(index, n, keys)
        if len(self.taken) < MAX_REPORTED:
            self.taken.append(choice)
        return choice

    def _pct_choice(self, index, n, keys):
        if keys is None:
            keys = [("anon", index, i) for i in range(n)]
        prio = self.priorities
        for key in keys:
            if key not in prio:
                prio[key] = 1.0 + self.rng.random()  # above every demoted priority
        best = max(range(n), key=lambda i: prio[keys[i]])
        if index in self.change_points:
            self.demoted += 1
            prio[keys[best]] = -self.demoted  # lower than everything, later demotions lower still
            best = max(range(n), key=lambda i: prio[keys[i]])
        return best

    def permute(self, items, keys=None):
        """Reorder `items` in place by successive choices (identity at seed 0)."""
        if len(items) < 2:
            return items
        keys = list(keys) if keys is not None else None
        for pos in range(len(items) - 1):
            rest = len(items) - pos
            pick = self.choose(rest, keys[pos:] if keys is not None else None)
            if pick:
                items[pos], items[pos + pick] = items[pos + pick], items[pos]
                if keys is not None:
                    keys[pos], keys[pos + pick] = keys[pos + pick], keys[pos]
        return items

    def may_preempt(self, key, others):
        """A thread reached a point where CPython may switch threads: should it switch now?

        Bounded: a schedule adds at most MAX_PREEMPTIONS switches; after that no choice point."""
        if self.preemptions >= MAX_PREEMPTIONS:
            return False
        keys = None
        if self.mode == "pct":
            prio = self.priorities
            rival = max(others, key=lambda k: prio.setdefault(k, 1.0 + self.rng.random()))
            keys = [key, rival]
        if self.choose(2, keys) == 1:
            self.preemptions += 1
            return True
        return False

    def object_hash(self, canonical):
        """Hash of a new task/future (sets of tasks iterate in hash order): its creation number at
        seed 0, a random value (like CPython's address-based hash) under every other seed."""
        if self.rng is None:
            return canonical
        return self.rng.getrandbits(60) or 1

    def report(self):
        return {
            "mode": self.mode,
            "points": list(self.points),
            "taken": list(self.taken),
            "truncated": self.count > len(self.points),
            "unused": self.mode == "enumerated" and self.rest > 0,
            "hashed": self.hashed,
        }


schedule = Schedule()
