// Output text that grows by appending to one string, set aside in flat chunks: the writers' common buffer.
// Serves the XML 1.0 serializer (§2–3 text as written) and the FILESYNC text writer alike.

/** About how many UTF-16 units a chunk holds before it is flattened and set aside. */
export const CHUNK = 1 << 14

/**
 * A text buffer: append with `out +=`, call {@link ChunkedText.settle} now and then, and {@link ChunkedText.finish}
 * once. Appending to one string builds a V8 rope, cheaper than pushing parts and joining them; flattening the rope
 * every {@link CHUNK} units and setting it aside lets its cells die young instead of being promoted with the whole
 * output (the garbage collector then dominated the time). The flat chunks are concatenated once at the end.
 *
 * @example
 * ```ts
 * const text = new ChunkedText()
 * text.out += '<a>'
 * text.settle()
 * text.out += '</a>'
 * text.finish() // '<a></a>'
 * ```
 */
export class ChunkedText {
  out = ''
  private readonly chunks: string[] = []
  // Keeps the flattening call observable, so no optimiser drops it.
  flattened = 0

  /** Sets the text so far aside once it is longer than a chunk. */
  settle(): void {
    if (this.out.length > CHUNK) this.flush()
  }

  /** The text written since the last `take` or `finish` (the buffer is empty afterwards). */
  finish(): string {
    if (this.chunks.length === 0) {
      // Emptied here too: `take` hands out a text of exactly CHUNK units before any chunk is set aside.
      const text = this.out
      this.out = ''
      return text
    }
    // Concatenated, not joined: a rope of flat chunks costs one cell per chunk, where `join` would copy the whole
    // text once more; whoever reads the text flattens it, once (writing it out, encoding it to bytes).
    let text = ''
    for (const chunk of this.chunks) text += chunk
    text += this.out
    this.out = ''
    this.chunks.length = 0
    return text
  }

  /** The text written since the last `take` or `finish`, once it is at least `min` units long (else `undefined`). */
  take(min: number): string | undefined {
    if (this.chunks.length === 0 && this.out.length < min) return undefined
    return this.finish()
  }

  private flush(): void {
    const out = this.out
    // Converting a string to a number flattens it first; the number itself is of no interest.
    this.flattened = Number(out)
    this.chunks.push(out)
    this.out = ''
  }
}
