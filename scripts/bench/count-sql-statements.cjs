// Preload for the bench server (BURST_SERVER_NODE_ARGS="--require ./scripts/bench/count-sql-statements.cjs"):
// counts the SQL statements run through better-sqlite3, by statement, into SQL_COUNT_FILE on exit.
const Module = require("node:module");
const fs = require("node:fs");
const counts = new Map();
let patched = false;
const origLoad = Module._load;
Module._load = function (request, parent, isMain) {
  const exported = origLoad.apply(this, arguments);
  if (!patched && /better-sqlite3$/.test(request) && typeof exported === "function") {
    patched = true;
    const origPrepare = exported.prototype.prepare;
    exported.prototype.prepare = function (sql) {
      const stmt = origPrepare.apply(this, arguments);
      const key = sql.replace(/\s+/g, " ").slice(0, 90);
      for (const m of ["run", "all", "get", "iterate", "raw"]) {
        if (m === "raw") continue;
        const orig = stmt[m];
        if (typeof orig === "function")
          stmt[m] = function () {
            counts.set(key, (counts.get(key) ?? 0) + 1);
            return orig.apply(this, arguments);
          };
      }
      return stmt;
    };
  }
  return exported;
};
const dump = () => {
  const out = [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${v}\t${k}`)
    .join("\n");
  fs.writeFileSync(process.env.SQL_COUNT_FILE ?? "/tmp/g9/sql-counts.txt", out + "\n");
};
process.on("SIGUSR2", dump);
process.on("exit", dump);
