import path from "node:path";
import { buildSync } from "esbuild";

/**
 * The server side bundled the way `npm run build` bundles server.ts (esbuild, packages external)
 * and run by plain node, as in production: under tsx every TypeScript module of lib/ would be
 * compiled in the measured process and its source map kept, which only the Interleave side pays
 * (the bare server imports socket.io alone). In dist/ (git-ignored), one level below the repository,
 * so the bundle's `__dirname`-relative paths still find content/ and prisma/.
 */
export function bundle(entry: string, name: string): string {
  const outfile = path.join(__dirname, "..", "..", "dist", name);
  const result = buildSync({
    entryPoints: [path.join(__dirname, entry)],
    metafile: true,
    bundle: true,
    platform: "node",
    format: "cjs",
    packages: "external",
    target: "node20",
    outfile,
    logLevel: "warning",
  });
  if (entry === "live-fanout-server.ts") {
    // The point of the fan-out node: no database code in the process that holds the sockets.
    const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
    const inputs = Object.keys(result.metafile.inputs);
    const db = [...imports, ...inputs].filter((p) =>
      /prisma|better-sqlite3|^pg$|lib\/db\/(?!database-url)|^next/.test(p),
    );
    if (db.length > 0) throw new Error(`the fan-out node bundle pulls in database code: ${db.join(", ")}`);
  }
  return outfile;
}
