// One string object per namespace URI and name, shared by every document the parser reads: the engine's own copy
// of the text, the one a string literal of the same text is. A reader compares the parser's names and URIs with
// its constants (`===`, `Map` keys); with the same object on both sides the comparison ends at its identity check,
// where a slice of the document would be compared character by character. Only a speed-up: strings stay strings,
// and a string that is not the shared one (a caller's tree, a name past the table's room) still compares equal by
// its characters.

/** The shared strings so far, each its own key; emptied when full (documents use a few dozen names and URIs). */
const SHARED = new Map<string, string>()
const MAX_SHARED = 1024
/** Longer texts are not shared: rare, and the table would keep them alive. */
const MAX_LENGTH = 256

/**
 * The shared string met last of each length (modulo 64): a document declares the same URI on every record (an
 * SData payload's default namespace), and comparing a new slice with the one met last costs about a third of a hash
 * lookup (which computes the slice's hash first).
 */
const RECENT: Array<string | undefined> = new Array(64)

/**
 * The shared string of `text` (the engine's own, see above); `text` itself when it is longer than 256 characters.
 * A text met before costs a comparison or a hash lookup; a new one a property key made of it once. Internal.
 */
export function shared(text: string): string {
  const n = text.length
  const slot = n & 63
  const recent = RECENT[slot]
  if (recent === text) return recent
  let known = SHARED.get(text)
  if (known === undefined) {
    if (n > MAX_LENGTH) return text
    if (SHARED.size >= MAX_SHARED) SHARED.clear()
    // An object's property keys are the engine's unique strings; the key is a copy, so no document is kept alive.
    known = Object.keys({ [text]: 0 })[0]!
    SHARED.set(known, known)
  }
  RECENT[slot] = known
  return known
}
