/**
 * Streaming reader for the zygote's length-prefixed frames (4-byte big-endian length + payload).
 * The zygote runs inside the sandbox, so its output is untrusted: a frame longer than `maxFrameBytes`
 * is an error before any of it is buffered, and chunks are kept as a list, never re-concatenated
 * per chunk, so a 10 MB message costs one copy.
 */
export class FrameTooLargeError extends Error {
  constructor(
    readonly length: number,
    readonly max: number,
  ) {
    super(`sandbox message of ${length} bytes exceeds the ${max}-byte limit`);
    this.name = "FrameTooLargeError";
  }
}

const HEADER_BYTES = 4;

export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private expected: number | null = null;

  constructor(private maxFrameBytes: number) {}

  setMaxFrameBytes(max: number): void {
    this.maxFrameBytes = max;
  }

  /** Feeds bytes; returns every complete frame. Throws FrameTooLargeError on an oversize header. */
  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: Buffer[] = [];
    for (;;) {
      if (this.expected === null) {
        if (this.buffered < HEADER_BYTES) return frames;
        const length = this.take(HEADER_BYTES).readUInt32BE(0);
        if (length > this.maxFrameBytes) throw new FrameTooLargeError(length, this.maxFrameBytes);
        this.expected = length;
      }
      if (this.buffered < this.expected) return frames;
      frames.push(this.take(this.expected));
      this.expected = null;
    }
  }

  private take(count: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
    const head = all.subarray(0, count);
    const rest = all.subarray(count);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return head;
  }
}

export function encodeFrame(payload: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(payload), "utf8");
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32BE(body.length, 0);
  return Buffer.concat([header, body]);
}
