// Where the elements that problems name are in a file too large to hold: `locate` for many paths in one streamed
// pass, on the streaming reader's scanner, holding the paths asked for and the text since the last `<`, not the file.
import { createReadStream } from 'node:fs'
import { advance } from '../xml/position'
import { Scanner } from '../xml/scanner'
import { sourceText } from '../xml/source'

/** A step of the paths asked for: the element it names (local name and position), found or not yet. */
interface Step {
  next: Map<string, Step>
  at: { line: number; column: number } | undefined
}

/** Open elements while scanning: the step an element matched (if any) and its children counted by name. */
interface Open {
  step: Step | undefined
  counts: Map<string, number> | undefined
}

/** `name[n]` steps of a path as `locate` reads them (`prefix:` dropped, `[1]` implied); stops at `@x` or a bad step. */
function stepsOf(path: string): string[] {
  const out: string[] = []
  if (!path.startsWith('/')) return out
  for (const step of path.slice(1).split('/')) {
    if (step.startsWith('@') || step === '') break
    const m = /^(?:[^:[\]]+:)?([^[\]]+)(?:\[(\d+)\])?$/.exec(step)
    if (m === null) break
    out.push(`${m[1]}[${m[2] === undefined ? 1 : Number(m[2])}]`)
  }
  return out
}

/**
 * The 1-based line and column `locate` gives each path in the text of `file` (the deepest element of the path that
 * is there; an attribute step points at its element), found in one pass over the file as it streams: the text is
 * decoded as the CLI decodes it and scanned with the streaming reader's scanner, which stops once every path is
 * found. A path not found at all (not even its root) is absent from the result; so are all paths when the text has
 * a DOCTYPE or cannot be read.
 *
 * @example
 * ```ts
 * const at = await locateInFile('big-feed.xml', ['/feed/entry[3]/sync:syncState/tick'])
 * at.get('/feed/entry[3]/sync:syncState/tick') // { line: 41, column: 9 }
 * ```
 */
export async function locateInFile(
  file: string,
  paths: readonly string[],
): Promise<Map<string, { line: number; column: number }>> {
  const root: Step = { next: new Map(), at: undefined }
  let unresolved = 0
  for (const path of paths) {
    let step = root
    for (const key of stepsOf(path)) {
      let next = step.next.get(key)
      if (next === undefined) {
        next = { next: new Map(), at: undefined }
        step.next.set(key, next)
        unresolved++
      }
      step = next
    }
  }
  // The text from `held` on (the last `<` seen, or where a tag may still start) and the position there.
  let text = ''
  let held = 0
  let position = { line: 1, column: 1 }
  const positionOf = (offset: number) => {
    position = advance(position, text.slice(0, offset - held))
    text = text.slice(offset - held)
    held = offset
    return position
  }
  const stack: Open[] = [{ step: root, counts: new Map() }]
  let failed = false
  const scanner: Scanner = new Scanner({
    startTag(lt, _end, qname, selfClosing) {
      const parent = stack[stack.length - 1]!
      let step: Step | undefined
      if (parent.counts !== undefined && parent.step !== undefined) {
        const local = qname.slice(qname.indexOf(':') + 1)
        const n = (parent.counts.get(local) ?? 0) + 1
        parent.counts.set(local, n)
        step = parent.step.next.get(`${local}[${n}]`)
        if (step !== undefined && step.at === undefined) {
          step.at = positionOf(lt)
          if (--unresolved === 0) scanner.stopped = true
        }
      }
      if (!selfClosing) stack.push({ step, counts: step !== undefined && step.next.size > 0 ? new Map() : undefined })
      return false
    },
    endTag() {
      if (stack.length > 1) stack.pop()
    },
    recordEnd() {},
    bad() {
      failed = true
      scanner.stopped = true
    },
  })
  if (unresolved > 0) {
    try {
      for await (const chunk of sourceText(createReadStream(file, { highWaterMark: 1 << 16 }))) {
        const at = held + text.length
        text += held === 0 && at === 0 && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk
        scanner.scan(text.slice(at - held), at)
        if (scanner.stopped) break
        // No tag is reported from before the last `<`: the text before it is not needed again.
        const lt = text.lastIndexOf('<')
        if (lt > 0) positionOf(held + lt)
      }
    } catch {
      failed = true
    }
  }
  const out = new Map<string, { line: number; column: number }>()
  if (failed) return out
  for (const path of paths) {
    let step = root
    let found: { line: number; column: number } | undefined
    for (const key of stepsOf(path)) {
      const next = step.next.get(key)
      if (next?.at === undefined) break
      found = next.at
      step = next
    }
    if (found !== undefined) out.set(path, found)
  }
  return out
}
