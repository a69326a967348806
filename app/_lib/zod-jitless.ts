import { z } from "zod";

/**
 * Browser code that parses with zod imports this first. Zod 4 probes `new Function("")` to decide
 * whether to compile fast parsers; under our Content-Security-Policy (no 'unsafe-eval') that probe
 * is a CSP violation in the console. Jitless parsing is plenty fast for API responses.
 */
z.config({ jitless: true });
