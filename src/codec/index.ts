// The codec kit: io-ts combinators over the element tree, XSD/protocol primitives and the error reporter.
// Implements DESIGN.md "codec/" (issue 2, "Codec kit"); internal, the public entry points re-export pieces.

export * from './binary'
export * from './boolean'
export * from './context'
export * from './datetime'
export * from './document'
export * from './element'
export * from './guid'
export * from './hex'
export * from './integer'
export * from './names'
export * from './null'
export * from './report'
