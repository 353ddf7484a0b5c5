// Where the elements that problems name are in a file too large to hold: `locate` for many paths in one streamed
// pass, on the streaming reader's scanner, holding the paths asked for and the text since the last `<`, not the file.
import { createReadStream } from 'node:fs'
import type { PathStep } from '../xml/issue'
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

/** The `name[n]` keys of an issue's leading element steps (`prefix:` dropped, `[1]` implied); stops at any other step. */
function keysOf(steps: readonly PathStep[]): string[] {
  const out: string[] = []
  for (const step of steps) {
    if (step.kind !== 'element') break
    out.push(`${step.name.slice(step.name.lastIndexOf(':') + 1)}[${step.position ?? 1}]`)
  }
  return out
}

/**
 * The 1-based line and column of each issue's steps in the text of `file`, as `elementAtSteps` places them in a
 * tree (the deepest element of the steps that is there; an attribute step points at its element), found in one
 * pass over the file as it streams: the text is decoded as the CLI decodes it and scanned with the streaming
 * reader's scanner, which stops once every element is found. An entry is `undefined` for steps not found at all
 * (not even the root); all are when the text has a DOCTYPE or cannot be read.
 *
 * @example
 * ```ts
 * const [at] = await locateInFile('big-feed.xml', [issue.steps])
 * at // { line: 41, column: 9 }
 * ```
 */
export async function locateInFile(
  file: string,
  located: ReadonlyArray<readonly PathStep[]>,
): Promise<Array<{ line: number; column: number } | undefined>> {
  const root: Step = { next: new Map(), at: undefined }
  let unresolved = 0
  const keys = located.map(keysOf)
  for (const path of keys) {
    let step = root
    for (const key of path) {
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
  if (failed) return keys.map(() => undefined)
  return keys.map((path) => {
    let step = root
    let found: { line: number; column: number } | undefined
    for (const key of path) {
      const next = step.next.get(key)
      if (next?.at === undefined) break
      found = next.at
      step = next
    }
    return found
  })
}
