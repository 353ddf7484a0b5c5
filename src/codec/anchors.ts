// Anchors of unknown children kept as plain XmlElement[]: where each sat among the modelled children.
// Implements docs/decisions.md#p6 (unknown children are written back where they were read).
import type { XmlElement } from '../xml/types'

// ---------------------------------------------------------------------------------------------------------------
// Anchors of unknown children kept as plain XmlElement[]

export const ANCHORS_KEY = Symbol.for('syncwire.codec.anchors')

export function anchors(): WeakMap<XmlElement, string | null> {
  // Shared through the global symbol registry so that every bundled copy of this module sees the same anchors.
  const g = globalThis as { [ANCHORS_KEY]?: WeakMap<XmlElement, string | null> }
  let map = g[ANCHORS_KEY]
  if (map === undefined) {
    map = new WeakMap()
    g[ANCHORS_KEY] = map
  }
  return map
}

/**
 * Where an unknown child kept by {@link unknownChildren} stood when decoded: the local name of the modelled
 * sibling it followed, `null` when it came first, `undefined` when unknown (hand-built elements).
 *
 * @example
 * ```ts
 * anchorOf(feed.extensions[0]!) // 'updated'
 * ```
 */
export function anchorOf(el: XmlElement): string | null | undefined {
  return anchors().get(el)
}

/**
 * Sets where {@link record} writes an element kept by {@link unknownChildren} (see {@link anchorOf}); returns it.
 *
 * @example
 * ```ts
 * feed.extensions.push(withAnchor(generatorElement, 'updated'))
 * ```
 */
export function withAnchor(el: XmlElement, after: string | null): XmlElement {
  anchors().set(el, after)
  return el
}
