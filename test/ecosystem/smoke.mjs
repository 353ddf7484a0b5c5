// The runtime smoke check of the built package, run unchanged by Node, Deno and Bun (test/ecosystem/runtimes.node.test.ts).
// Imports every public subpath by its bare specifier and exercises whichever decoders the package exports so far.

const isRight = (r) => r !== null && typeof r === 'object' && r._tag === 'Right'

/** Imports `specifiers`, lists their exports and runs real decodes over `data` (fixture texts); plain JSON out. */
export async function smoke(specifiers, data) {
  const exports = {}
  const modules = {}
  const checks = {}
  for (const s of specifiers) {
    modules[s] = await import(s)
    exports[s] = Object.keys(modules[s]).sort()
  }
  const pick = (name) => Object.values(modules).find((m) => typeof m[name] !== 'undefined')?.[name]

  const parseXml = pick('parseXml')
  if (typeof parseXml === 'function') {
    const r = parseXml('<a xmlns="urn:x" xmlns:p="urn:p" p:k="v&#9;w"><b>t &amp; u</b><p:c/></a>')
    const root = isRight(r) ? r.right.root : undefined
    checks['parseXml: namespaces, attributes and text'] =
      root?.localName === 'a' &&
      root.namespace === 'urn:x' &&
      root.attributes.some((a) => a.namespace === 'urn:p' && a.localName === 'k' && a.value === 'v\tw') &&
      root.children[0]?.children?.[0]?.value === 't & u' &&
      root.children[1]?.namespace === 'urn:p'
    checks['parseXml: malformed text is a Left, not a throw'] = parseXml('<a><b></a>')._tag === 'Left'
    for (const [name, text] of Object.entries(data)) checks[`parseXml: ${name}`] = isRight(parseXml(text))
    const serializeXml = pick('serializeXml')
    if (typeof serializeXml === 'function' && root) {
      const again = parseXml(serializeXml(r.right))
      checks['serializeXml: parse ∘ serialize keeps the tree'] =
        isRight(again) && JSON.stringify(again.right) === JSON.stringify(r.right)
    }
  }
  const codecs = { FileSyncXml: 'filesync/', SyncFeedXml: 'sdata/spec-4.4', DigestXml: 'sdata/spec-4.2' }
  for (const [codec, prefix] of Object.entries(codecs)) {
    const c = pick(codec)
    if (c === undefined || typeof c.decode !== 'function') continue
    for (const [name, text] of Object.entries(data)) {
      if (name.startsWith(prefix)) checks[`${codec}.decode: ${name}`] = isRight(c.decode(text))
    }
  }
  return { exports, checks }
}
