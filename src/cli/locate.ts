// Finds the line and column of the element an XML path names (`/feed/entry[3]/sync:syncState/tick`) in the text.
// The codecs report paths only (docs/decisions.md#p2); the CLI prints `file:line:col`, so it scans the text once.

/**
 * A start tag found by {@link scanElements}: its local name, where its `<` is, and its child elements.
 *
 * @example
 * ```ts
 * const e: ScannedElement = { localName: "feed", line: 1, column: 1, children: [] }
 * ```
 */
export interface ScannedElement {
  localName: string
  line: number
  column: number
  children: ScannedElement[]
}

/**
 * A light scan of well-formed XML: start tags with their positions (1-based line and column, UTF-16 units, CRLF
 * counted as one line break), nested as in the text. Comments, CDATA, PIs and the DOCTYPE are skipped. Iterative
 * and linear, so a deep or hostile text cannot overflow the stack; on malformed text it returns what it saw.
 *
 * @example
 * ```ts
 * scanElements('<a>\n  <b/>\n</a>')?.children[0] // { localName: 'b', line: 2, column: 3, children: [] }
 * ```
 */
export function scanElements(text: string): ScannedElement | undefined {
  const root: ScannedElement = { localName: '', line: 1, column: 1, children: [] }
  const stack: ScannedElement[] = [root]
  let line = 1
  // A leading byte-order mark is not counted in the first line's columns (as the parser counts them).
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let i = lineStart
  const advanceTo = (end: number): void => {
    for (let j = i; j < end; j++) {
      const c = text.charCodeAt(j)
      if (c === 10 || (c === 13 && text.charCodeAt(j + 1) !== 10)) {
        line++
        lineStart = j + 1
      }
    }
    i = end
  }
  while (i < text.length) {
    const lt = text.indexOf('<', i)
    if (lt < 0) break
    advanceTo(lt)
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4)
      advanceTo(end < 0 ? text.length : end + 3)
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9)
      advanceTo(end < 0 ? text.length : end + 3)
    } else if (text.startsWith('<?', lt) || text.startsWith('<!', lt)) {
      const end = text.indexOf('>', lt + 2)
      advanceTo(end < 0 ? text.length : end + 1)
    } else if (text.startsWith('</', lt)) {
      const end = text.indexOf('>', lt + 2)
      if (stack.length > 1) stack.pop()
      advanceTo(end < 0 ? text.length : end + 1)
    } else {
      const column = lt - lineStart + 1
      const startLine = line
      let j = lt + 1
      while (j < text.length && !/[\s/>]/.test(text[j]!)) j++
      const qname = text.slice(lt + 1, j)
      let quote = ''
      while (j < text.length) {
        const c = text[j]!
        if (quote !== '') {
          if (c === quote) quote = ''
        } else if (c === '"' || c === "'") quote = c
        else if (c === '>') break
        j++
      }
      const selfClosing = text[j - 1] === '/'
      const node: ScannedElement = {
        localName: qname.slice(qname.indexOf(':') + 1),
        line: startLine,
        column,
        children: [],
      }
      stack[stack.length - 1]!.children.push(node)
      if (!selfClosing) stack.push(node)
      advanceTo(Math.min(j + 1, text.length))
    }
  }
  return root.children[0]
}

/**
 * The 1-based line and column of the deepest element of `path` found in the text (an attribute step `@x`
 * points at its element; a step the text lacks, such as a missing required element, points at its parent).
 * Steps match by local name (prefixes in paths are the codec's, not necessarily the document's); `name[n]`
 * is the n-th sibling of that name, a bare name the first. `undefined` when not even the root matches.
 *
 * Cost: the children of each element a path steps into are grouped by name once (and the grouping is kept with
 * `scanned`), so after the linear scan each call costs O(path depth): k problems in a file of n elements cost
 * O(n + k × depth), not O(n × k).
 *
 * @example
 * ```ts
 * locate('<feed>\n<entry/>\n<entry><tick>x</tick></entry></feed>', '/feed/entry[2]/tick') // { line: 3, column: 8 }
 * ```
 */
export function locate(
  text: string,
  path: string,
  scanned?: ScannedElement,
): { line: number; column: number } | undefined {
  const root = scanned ?? scanElements(text)
  if (root === undefined || !path.startsWith('/')) return undefined
  const steps = path.slice(1).split('/')
  let found: ScannedElement | undefined
  let parent: ScannedElement | undefined
  for (const step of steps) {
    if (step.startsWith('@') || step === '') break
    const m = /^(?:[^:[\]]+:)?([^[\]]+)(?:\[(\d+)\])?$/.exec(step)
    if (m === null) break
    const name = m[1]!
    const n = m[2] === undefined ? 1 : Number(m[2])
    const siblings = parent === undefined ? (root.localName === name ? [root] : []) : childrenNamed(parent, name)
    const next = siblings[n - 1]
    if (next === undefined) break
    found = next
    parent = next
  }
  return found === undefined ? undefined : { line: found.line, column: found.column }
}

// Each element's children grouped by local name, built the first time a path steps into that element: a file
// with k problems then costs one scan, one grouping per element visited and O(path depth) per problem, instead of
// a pass over all siblings for every problem (k × 29 000 entries on a large feed).
const byName = new WeakMap<ScannedElement, Map<string, ScannedElement[]>>()

function childrenNamed(element: ScannedElement, name: string): ScannedElement[] {
  let groups = byName.get(element)
  if (groups === undefined) {
    groups = new Map()
    for (const child of element.children) {
      const group = groups.get(child.localName)
      if (group === undefined) groups.set(child.localName, [child])
      else group.push(child)
    }
    byName.set(element, groups)
  }
  return groups.get(name) ?? []
}
