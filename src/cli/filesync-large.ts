// `syncwire validate` and `convert --to json` of a FILESYNC document over --max-size, item by item from its stream:
// the same problems, summary and JSON text as the in-memory path, holding one item (and small counters) at a time.
import { type PathStep, wholeInputIssue } from '../common/issues'
import type { FileSyncDocument, Item } from '../filesync/model'
import { itemName, validateFileSyncItem } from '../filesync/validate'
import type { Issue } from '../xml/issue'
import type { ParseOptions } from '../xml/options'
import { placeIssues } from '../xml/positions'
import { Output } from './convert-large'
import { KIND_SPECS } from './kinds'
import { fileSyncEvents, sniffFileSyncRoot } from './large'
import type { Io } from './shared'
import { Spill, type TextSink } from './spill'
import { FileSyncSummary } from './summary'

/**
 * The steps `validateFileSync` gives each item, for items that come as `streamFileSync` gives them: a folder
 * after its children, each with its index path. Holds a name count per open level, not the items.
 */
const FOLDER: PathStep = { kind: 'element', name: 'Folder' }
const ITEMS: PathStep = { kind: 'element', name: 'Items' }

class ItemPaths {
  /** counts[d]: items of each name so far in the open list at depth d (0: the root's list). */
  private readonly counts: Array<Map<string, number>> = [new Map()]
  /** The `Folder[n]` step of each folder whose children are streaming by, outermost first. */
  private readonly open: PathStep[] = []

  constructor(private readonly base: readonly PathStep[]) {}

  /** The steps of the next item; a folder that had children closes its level. */
  next(item: Item, path: readonly number[]): PathStep[] {
    const depth = path.length
    // A folder's first streamed child opens it: its siblings before it have all been counted.
    while (this.open.length < depth - 1) {
      const d = this.open.length
      this.open.push({ kind: 'element', name: 'Folder', position: (this.counts[d]!.get('Folder') ?? 0) + 1 })
      this.counts[d + 1] = new Map()
    }
    if (item.kind === 'Folder' && this.open.length === depth) {
      this.open.pop()
      this.counts.length = depth
    }
    const name = itemName(item)
    const level = this.counts[depth - 1]!
    const n = (level.get(name) ?? 0) + 1
    level.set(name, n)
    const out = [...this.base]
    for (let d = 0; d < depth - 1; d++) out.push(this.open[d]!, ITEMS)
    out.push({ kind: 'element', name, position: n })
    return out
  }
}

/**
 * A FILESYNC document checked as it streams by from `file`: `validateFileSync`'s checks item by item (each item's
 * own checks need nothing else of the document), the root folder's at the end, and the `--summary` line. With
 * `parse.positions`, each problem is placed at the element it names as the item is checked. The root
 * (`Folder` or `Items`) is taken from the file's start; should the end say otherwise, the file is read again.
 *
 * @example
 * ```ts
 * const r = await checkFileSyncStream('big-listing.xml', { maxLength: 1 << 20 })
 * ```
 */
export async function checkFileSyncStream(
  file: string,
  parse: ParseOptions,
  root: 'Folder' | 'Items' = sniffFileSyncRoot(file),
): Promise<{ found: Issue[]; summary: string } | { issues: Issue[] }> {
  const paths = new ItemPaths(root === 'Folder' ? [FOLDER, ITEMS] : [ITEMS])
  const summary = new FileSyncSummary()
  const found: Issue[] = []
  const where = { listed: root === 'Folder', root: false }
  for await (const event of fileSyncEvents(file, parse)) {
    if (event.type === 'item') {
      const path = paths.next(event.item, event.path)
      const issues = validateFileSyncItem(event.item, path, where)
      // The item's element stands for its path's steps: what is found in it is placed below it.
      if (event.element !== undefined) placeIssues(issues, event.element, path.length)
      found.push(...issues)
      summary.add(event.item, event.path)
    } else if (event.type === 'end') {
      const document = event.document
      if (document.root !== root) return checkFileSyncStream(file, parse, document.root)
      if (document.root === 'Folder') {
        const issues = validateFileSyncItem(document.folder, [FOLDER], { listed: true, root: true })
        if (event.element !== undefined) placeIssues(issues, event.element, 1)
        found.push(...issues)
      }
      return { found, summary: summary.text(document) }
    } else return { issues: event.issues }
  }
  return { issues: [wholeInputIssue('the document ended early', 'incomplete')] }
}

const MARK = '\u0000syncwire-items'

/** A value's JSON text as the envelope writes it (`JSON.stringify(…, null, 2)`), indented to start at `indent`. */
function jsonText(value: unknown, indent: string): string {
  return JSON.stringify(KIND_SPECS.filesync.json.encode(value), null, 2).replaceAll('\n', `\n${indent}`)
}

/** The text of a value whose `items` is {@link MARK}, split there, and the indent of the items' elements. */
function around(text: string): { before: string; after: string; indent: string } {
  const mark = JSON.stringify(MARK)
  const at = text.indexOf(mark)
  const lineStart = text.lastIndexOf('\n', at) + 1
  const indent = ' '.repeat(text.slice(lineStart).search(/\S/) + 2)
  return { before: text.slice(0, at), after: text.slice(at + mark.length), indent }
}

/** An `items` list's elements, written as they come (each in its own level's spill), and closed as JSON does. */
function closeList(into: TextSink, list: Spill, indent: string): void {
  if (list.count === 0) into.write('[]')
  else {
    into.write('[')
    list.moveTo(into)
    into.write(`\n${indent.slice(2)}]`)
  }
}

/**
 * Writes the `convert --to json` envelope of a FILESYNC document streamed from `file`, item by item: the text of
 * the in-memory path (`JSON.stringify` of the envelope, 2-space indent, plus a new line). A folder's own members
 * come before its items in that text but after them in the stream, so each open level's items wait in a
 * {@link Spill} (memory up to a bound, then a temporary file) until their folder ends; the top level waits for the
 * root. Memory holds one item and the spills' bounded buffers; the temporary files hold at most the output's size.
 *
 * @example
 * ```ts
 * const issues = await fileSyncToJson('big-listing.xml', ENVELOPE_VERSION, io)
 * ```
 */
export async function fileSyncToJson(
  file: string,
  version: string,
  io: Io,
  parse?: ParseOptions,
  root: 'Folder' | 'Items' = sniffFileSyncRoot(file),
): Promise<Issue[] | undefined> {
  const envelope = (document: FileSyncDocument): string =>
    `${JSON.stringify({ $syncwire: version, kind: 'filesync', value: KIND_SPECS.filesync.json.encode(document) }, null, 2)}\n`
  const top = around(
    envelope(
      root === 'Folder' ? { root, folder: { kind: 'Folder', items: MARK as never } } : { root, items: MARK as never },
    ),
  ).indent
  const levels: Spill[] = [new Spill()]
  const indentAt = (depth: number): string => `${top}${' '.repeat(4 * (depth - 1))}`
  try {
    for await (const event of fileSyncEvents(file, parse)) {
      if (event.type === 'error') return event.issues
      if (event.type === 'item') {
        const depth = event.path.length
        const item = event.item
        const indent = indentAt(depth)
        while (levels.length <= depth) levels.push(new Spill())
        const into = levels[depth - 1]!
        into.write(into.count++ === 0 ? `\n${indent}` : `,\n${indent}`)
        if (item.kind === 'Folder' && item.items !== undefined) {
          const parts = around(jsonText({ ...item, items: MARK }, indent))
          into.write(parts.before)
          closeList(into, levels[depth]!, parts.indent)
          into.write(parts.after)
        } else into.write(jsonText(item, indent))
        continue
      }
      const document = event.document
      if (document.root !== root) {
        for (const level of levels) level.close()
        return fileSyncToJson(file, version, io, parse, document.root)
      }
      const hasItems = document.root === 'Items' || document.folder.items !== undefined
      const whole = envelope(
        document.root === 'Items'
          ? { root: 'Items', items: MARK as never }
          : hasItems
            ? { root: 'Folder', folder: { ...document.folder, items: MARK as never } }
            : document,
      )
      const out = new Output(io)
      if (!hasItems) out.write(whole)
      else {
        const parts = around(whole)
        out.write(parts.before)
        closeList(out, levels[0]!, parts.indent)
        out.write(parts.after)
      }
      out.flush()
      return undefined
    }
    return [wholeInputIssue('the document ended early', 'incomplete')]
  } finally {
    for (const level of levels) level.close()
  }
}
