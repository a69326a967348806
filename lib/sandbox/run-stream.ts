/**
 * One output stream of a run (trace frames, raw stdout, raw stderr), read by Node straight from the
 * forked child: the zygote never reads it. The run's end is the zygote's marker — random bytes made
 * after every process of the run was dead, appended to each stream — so the last MARKER_BYTES
 * received are held back until it is clear whether they are the marker or the run's own bytes.
 */
export const MARKER_BYTES = 16;

export class RunStream {
  private chunks: Buffer[] = [];
  private keptBytes = 0;
  private holdback: Buffer = Buffer.alloc(0);
  /** Bytes the run wrote (the marker excluded). */
  total = 0;

  /** `keepBytes`: how much of the stream is kept; the rest is only counted. */
  constructor(private keepBytes: number) {}

  reset(keepBytes: number): void {
    this.chunks = [];
    this.keptBytes = 0;
    this.holdback = Buffer.alloc(0);
    this.total = 0;
    this.keepBytes = keepBytes;
  }

  push(chunk: Buffer): void {
    const combined = this.holdback.length === 0 ? chunk : Buffer.concat([this.holdback, chunk]);
    if (combined.length <= MARKER_BYTES) {
      this.holdback = combined;
      return;
    }
    const payload = combined.subarray(0, combined.length - MARKER_BYTES);
    // A copy: the held-back tail must not pin the whole (possibly 64 KiB) chunk.
    this.holdback = Buffer.from(combined.subarray(combined.length - MARKER_BYTES));
    this.total += payload.length;
    const room = this.keepBytes - this.keptBytes;
    if (room > 0) {
      const kept = payload.length <= room ? payload : payload.subarray(0, room);
      this.chunks.push(kept);
      this.keptBytes += kept.length;
    }
  }

  endsWith(marker: Buffer): boolean {
    return this.holdback.equals(marker);
  }

  /** Whether bytes arrived beyond what was kept. */
  get truncated(): boolean {
    return this.total > this.keptBytes;
  }

  bytes(): Buffer {
    return this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.keptBytes);
  }
}
