import { describe, expect, it } from 'vitest'
import { FileSyncXml, fileSyncXml } from '../../src/filesync/index'
import type { XmlElement, XmlNode } from '../../src/xml/index'
import { decoded, rootOf } from '../support/decode'
import { fixture, fixturesIn } from '../support/fixtures'

// The expected values are JSON; bytes are written as {"$hex": "…"} (see each file's $comment).
function revive(u: unknown): unknown {
  if (Array.isArray(u)) return u.map(revive)
  if (typeof u !== 'object' || u === null) return u
  const o = u as Record<string, unknown>
  if (typeof o.$hex === 'string' && Object.keys(o).length === 1) {
    const hex = o.$hex
    return Uint8Array.from({ length: hex.length / 2 }, (_, i) => Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16))
  }
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, revive(v)]))
}

function expectedOf(xmlPath: string): unknown {
  const json = JSON.parse(fixture(xmlPath.replace(/\.xml$/, '.json'))) as { value: unknown }
  return revive(json.value)
}

// Children sorted by name at every level: equality of trees up to the order of siblings.
function unordered(el: XmlElement): XmlElement {
  const children = el.children.map((n: XmlNode) => (n.type === 'element' ? unordered(n) : n))
  children.sort((a, b) => (a.type === 'element' && b.type === 'element' ? a.localName.localeCompare(b.localName) : 0))
  return { ...el, children }
}

const captures = fixturesIn('filesync', '.xml')
// Every SPO capture re-encodes in its own order. The 2017 consumer (storage.live.com) request orders WriteMode,
// ETag and RelationshipName differently from SharePoint Online, whose order encoding follows (notes §6.3).
const notSpoOrder = new Set(['filesync/consumer-2017-windows-settings-write.request-part.xml'])

describe('FILESYNC corpus', () => {
  it('has captures of both roots', () => {
    const roots = captures.map((p) => rootOf(fixture(p)).localName)
    expect(new Set(roots)).toEqual(new Set(['Folder', 'Items']))
  })

  for (const path of captures) {
    describe(path, () => {
      it('decodes to the expected value', () => {
        expect(decoded(FileSyncXml, fixture(path))).toEqual(expectedOf(path))
      })

      it('re-encodes with nothing lost (same elements, text and nesting)', () => {
        const again = FileSyncXml.encode(decoded(FileSyncXml, fixture(path)))
        if (notSpoOrder.has(path)) expect(unordered(rootOf(again))).toEqual(unordered(rootOf(fixture(path))))
        else expect(rootOf(again)).toEqual(rootOf(fixture(path)))
      })

      it('re-encodes to a document that decodes to the same value', () => {
        const value = decoded(FileSyncXml, fixture(path))
        expect(decoded(FileSyncXml, FileSyncXml.encode(value))).toEqual(value)
      })

      it('writes the utf-8 declaration and no BOM', () => {
        expect(FileSyncXml.encode(decoded(FileSyncXml, fixture(path)))).toMatch(
          /^<\?xml version="1\.0" encoding="utf-8"\?><(Folder|Items)>/,
        )
      })
    })
  }

  it('writes the consumer request in SharePoint Online write-request order, its extension still last', () => {
    const again = rootOf(
      FileSyncXml.encode(
        decoded(FileSyncXml, fixture('filesync/consumer-2017-windows-settings-write.request-part.xml')),
      ),
    )
    const names = (el: XmlElement) => el.children.map((n) => (n.type === 'element' ? n.localName : '#text'))
    const folder = again.children[0] as XmlElement
    expect(names(folder)).toEqual(['WriteMode', 'RelationshipName', 'RoleDefinitionName', 'Items'])
    const document = (folder.children[3] as XmlElement).children[0] as XmlElement
    expect(names(document)).toEqual([
      'WriteMode',
      'ETag',
      'RelationshipName',
      'DateModifiedOnClient',
      'windowssettings.xschema.drx.live.com',
    ])
  })

  it('reads SPO responses with their BOM, and the BOM is the only difference on re-encode with fileSyncXml({ bom: true })', () => {
    const path = 'filesync/spo-2025-06-changes-document-created.response.xml'
    const text = fixture(path)
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const again = fileSyncXml({ bom: true }).encode(decoded(FileSyncXml, text))
    expect(again.charCodeAt(0)).toBe(0xfeff)
    // The capture's only other difference is `<LabelHash />` written as `<LabelHash/>`.
    expect(again).toBe(text.replace('<LabelHash />', '<LabelHash/>'))
  })
})
