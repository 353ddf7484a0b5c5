// Text that waits for its place in the output (the items of a folder whose own members are written first): held in
// memory up to a bound, then in a temporary file, and moved on in pieces. Node only, like the rest of the CLI.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { StringDecoder } from 'node:string_decoder'

/** Where moved text goes. */
export interface TextSink {
  write(text: string): void
}

/** Characters held in memory before the text goes to a temporary file. */
const IN_MEMORY = 1 << 20
/** Bytes read back at a time. */
const READ = 1 << 16

/**
 * Text appended piece by piece and later moved, whole and in order, to a {@link TextSink}: in memory while it is
 * small, in a temporary file (UTF-8) once it is over 1 M characters, so what waits costs disk, not memory.
 *
 * @example
 * ```ts
 * const spill = new Spill()
 * spill.write('"a"')
 * spill.moveTo(out) // out gets "a"; the spill is empty again
 * spill.close()
 * ```
 */
export class Spill implements TextSink {
  /** How many list elements the caller has written into it (kept for the caller; reset by {@link moveTo}). */
  count = 0
  private parts: string[] = []
  private size = 0
  private dir: string | undefined
  private fd: number | undefined
  private bytes = 0

  /** `limit`: characters held in memory before they go to the file (default 1 M). */
  constructor(private readonly limit = IN_MEMORY) {}

  write(text: string): void {
    this.parts.push(text)
    this.size += text.length
    if (this.size >= this.limit) this.spill()
  }

  private spill(): void {
    if (this.fd === undefined) {
      this.dir = mkdtempSync(join(tmpdir(), 'syncwire-'))
      this.fd = openSync(join(this.dir, 'spill'), 'w+')
    }
    const buffer = Buffer.from(this.parts.join(''), 'utf8')
    let done = 0
    while (done < buffer.length) done += writeSync(this.fd, buffer, done, buffer.length - done, this.bytes + done)
    this.bytes += buffer.length
    this.parts = []
    this.size = 0
  }

  /** Hands everything written so far to `into`, in order and in pieces, and empties the spill. */
  moveTo(into: TextSink): void {
    if (this.fd !== undefined && this.bytes > 0) {
      const decoder = new StringDecoder('utf8')
      const buffer = Buffer.allocUnsafe(READ)
      for (let at = 0; at < this.bytes; ) {
        const n = readSync(this.fd, buffer, 0, Math.min(READ, this.bytes - at), at)
        if (n === 0) break
        at += n
        const text = decoder.write(buffer.subarray(0, n))
        if (text !== '') into.write(text)
      }
      const rest = decoder.end()
      if (rest !== '') into.write(rest)
    }
    for (const part of this.parts) into.write(part)
    this.parts = []
    this.size = 0
    this.bytes = 0
    this.count = 0
  }

  /** Removes the temporary file, if any. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd)
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true })
    this.fd = undefined
    this.dir = undefined
    this.parts = []
    this.bytes = 0
  }
}
