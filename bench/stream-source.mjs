// What the streaming benches share: a text as 64 KiB byte chunks (a file read from disk, say), and a stream drained.

/** The UTF-8 bytes of `text` in chunks of `size` bytes. */
export function chunksOf(text, size = 64 * 1024) {
  const bytes = new TextEncoder().encode(text)
  const out = []
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size))
  return out
}

/** Reads every event of a stream; an error event throws. Returns how many events came. */
export async function drain(stream) {
  let n = 0
  for await (const event of stream) {
    if (event.type === 'error') throw new Error(JSON.stringify(event.issues))
    n++
  }
  return n
}
