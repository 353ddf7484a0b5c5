// Decoders for the three SharePoint REST answers the FILESYNC first run needs: my properties, library id, site id.
// MS-FILESYNC 3.1.3 (rows 2–4); OData v3 XML (Atom entry or bare property) and JSON (verbose, light, nometadata).

import { either as E } from 'fp-ts'
import { shownElement } from '../../codec/names'
import { type Issue, type IssueCode, issueWithSteps, type PathFormat, type PathStep } from '../../common/issues'
import { parseXml } from '../../xml/parse'
import { elementText, qualifiedName } from '../../xml/tree'
import type { XmlElement } from '../../xml/types'
import { type GuidForms, guidForms } from './guid'

/**
 * The OData v3 data services namespace (the `d:` prefix of property elements).
 *
 * @example
 * ```ts
 * ODATA_DATASERVICES // 'http://schemas.microsoft.com/ado/2007/08/dataservices'
 * ```
 */
export const ODATA_DATASERVICES = 'http://schemas.microsoft.com/ado/2007/08/dataservices'

/**
 * The OData v3 metadata namespace (the `m:` prefix: `m:properties`, `m:type`, `m:null`, `m:error`).
 *
 * @example
 * ```ts
 * ODATA_METADATA // 'http://schemas.microsoft.com/ado/2007/08/dataservices/metadata'
 * ```
 */
export const ODATA_METADATA = 'http://schemas.microsoft.com/ado/2007/08/dataservices/metadata'

const ATOM = 'http://www.w3.org/2005/Atom'

/**
 * A problem with a REST answer: the one {@link Issue} shape, located by element steps printed as an XML path
 * (`/entry/content/m:properties/d:PersonalUrl`), or by member steps printed as a JSON pointer (`/d/PersonalUrl`);
 * `line:column` for XML that is not well-formed.
 *
 * @deprecated Use {@link Issue}: the REST decoders give issues with `severity`, `code` and `steps` beside the `path`
 * and `message` this name described.
 * @example
 * ```ts
 * const issue: RestIssue = { severity: 'error', code: 'unexpected', path: '/d/PersonalUrl', steps: [{ kind: 'member', name: 'd' }, { kind: 'member', name: 'PersonalUrl' }], message: 'expected a string, found null' }
 * ```
 */
export type RestIssue = Issue

/**
 * What `getmyproperties` tells the first run: the user's personal site, and from it the URLs to sync against.
 *
 * @example
 * ```ts
 * const me: MyProperties = {
 *   accountName: 'i:0#.f|membership|ada@contoso.onmicrosoft.com',
 *   personalUrl: 'https://contoso-my.sharepoint.com/personal/ada_contoso_onmicrosoft_com/',
 *   siteUrl: 'https://contoso-my.sharepoint.com/personal/ada_contoso_onmicrosoft_com',
 *   serverUrl: 'https://contoso-my.sharepoint.com',
 *   sitePath: '/personal/ada_contoso_onmicrosoft_com',
 * }
 * ```
 */
export interface MyProperties {
  /** `AccountName` (a claims login such as `i:0#.f|membership|user@domain`), as sent. */
  accountName: string
  /** `PersonalUrl`, as sent (SharePoint ends it with `/`). */
  personalUrl: string
  /** The personal site URL to pass to the URL builders: `PersonalUrl` without its trailing `/`. */
  siteUrl: string
  /** Scheme and host of the personal site (`https://<serverurl>`). */
  serverUrl: string
  /** The server-relative path of the personal site (`/personal/<useralias>`). */
  sitePath: string
}

type Props = { kind: 'ok'; get: (name: string, single?: boolean) => Prop } | { kind: 'error'; issues: Issue[] }
/** A property read: where (steps, and how they print), its text, or the JSON type / element found instead. */
type Prop = { steps: PathStep[]; format: PathFormat; value: string | null | undefined; type?: string }

const member = (name: string): PathStep => ({ kind: 'member', name })
const element = (name: string): PathStep => ({ kind: 'element', name })

/** An issue of a whole answer (no steps). */
const whole = (code: IssueCode, message: string): Issue[] => [issueWithSteps('error', code, [], message)]

/** An answer that cannot be read: one error at `steps` (JSON members or XML elements, as `format` says). */
const failed = (code: IssueCode, steps: PathStep[], message: string, format?: PathFormat): Props => ({
  kind: 'error',
  issues: [issueWithSteps('error', code, steps, message, format)],
})

/** An issue at a property. */
const at = (p: Prop, code: IssueCode, message: string): Issue =>
  issueWithSteps('error', code, p.steps, message, p.format)

function jsonProps(text: string): Props {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    return {
      kind: 'error',
      issues: whole('not-well-formed', `expected JSON, found text that does not parse (${String(e)})`),
    }
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { kind: 'error', issues: whole('unexpected', 'expected a JSON object') }
  }
  const root = json as Record<string, unknown>
  const error = root.error ?? root['odata.error']
  if (error !== undefined) {
    const key = root.error !== undefined ? 'error' : 'odata.error'
    return failed('unexpected', [member(key)], `the server answered with an error: ${odataJsonError(error)}`, 'json')
  }
  // Verbose JSON wraps everything in `d`; light and nometadata JSON do not.
  const hasD = Object.hasOwn(root, 'd') && root.d !== null && typeof root.d === 'object'
  const body = hasD ? (root.d as Record<string, unknown>) : root
  const prefix = hasD ? [member('d')] : []
  return {
    kind: 'ok',
    get: (name, single = false) => {
      const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase())
      // A single-property request (`…/ID`) answers `{ "value": … }` in light and nometadata JSON.
      const k = key ?? (single && Object.hasOwn(body, 'value') ? 'value' : undefined)
      if (k === undefined) return { steps: [...prefix, member(name)], format: 'json', value: undefined }
      const v = body[k]
      const steps = [...prefix, member(k)]
      if (v === null) return { steps, format: 'json', value: null }
      if (typeof v === 'string') return { steps, format: 'json', value: v }
      return { steps, format: 'json', value: undefined, type: Array.isArray(v) ? 'array' : typeof v }
    },
  }
}

function odataJsonError(error: unknown): string {
  if (error === null || typeof error !== 'object') return String(error)
  const e = error as { code?: unknown; message?: unknown }
  const message =
    e.message !== null && typeof e.message === 'object' ? (e.message as { value?: unknown }).value : e.message
  return [e.code, message].filter((x) => typeof x === 'string' && x !== '').join(': ') || 'no message'
}

function childNamed(el: XmlElement, ns: string, local: string, caseInsensitive = false): XmlElement | undefined {
  const want = caseInsensitive ? local.toLowerCase() : local
  for (const c of el.children) {
    if (c.type !== 'element' || c.namespace !== ns) continue
    if ((caseInsensitive ? c.localName.toLowerCase() : c.localName) === want) return c
  }
  return undefined
}

function isNull(el: XmlElement): boolean {
  return el.attributes.some((a) => a.namespace === ODATA_METADATA && a.localName === 'null' && a.value === 'true')
}

function xmlProps(text: string): Props {
  const parsed = parseXml(text)
  if (E.isLeft(parsed)) {
    return {
      kind: 'error',
      issues: parsed.left,
    }
  }
  const root = parsed.right.root
  const rootStep = element(qualifiedName(root))
  if (root.namespace === ODATA_METADATA && root.localName === 'error') {
    const code = childNamed(root, ODATA_METADATA, 'code')
    const message = childNamed(root, ODATA_METADATA, 'message')
    const detail = [code && elementText(code), message && elementText(message)].filter((x) => x).join(': ')
    return failed('unexpected', [rootStep], `the server answered with an error: ${detail || 'no message'}`)
  }
  // A single-property request answers the bare property element: <d:Id m:type="Edm.Guid">…</d:Id>.
  if (root.namespace === ODATA_DATASERVICES) {
    return {
      kind: 'ok',
      get: (name) =>
        root.localName.toLowerCase() === name.toLowerCase()
          ? { steps: [rootStep], format: 'xml', value: isNull(root) ? null : elementText(root) }
          : { steps: [element(`d:${name}`)], format: 'xml', value: undefined, type: `<${qualifiedName(root)}>` },
    }
  }
  let properties: XmlElement | undefined
  const path = [rootStep]
  if (root.namespace === ODATA_METADATA && root.localName === 'properties') {
    properties = root
  } else if (root.namespace === ATOM && root.localName === 'entry') {
    const content = childNamed(root, ATOM, 'content')
    properties = content && childNamed(content, ODATA_METADATA, 'properties')
    if (content !== undefined) path.push(element(qualifiedName(content)))
    if (properties !== undefined) path.push(element(qualifiedName(properties)))
    if (properties === undefined) {
      return failed('missing', path, 'expected element m:properties in the Atom entry, found none')
    }
  } else {
    const found = shownElement(root)
    return failed(
      'unexpected',
      [rootStep],
      `expected an Atom entry, m:properties or a d: property element, found ${found}`,
    )
  }
  const props = properties
  return {
    kind: 'ok',
    get: (name) => {
      const el = childNamed(props, ODATA_DATASERVICES, name, true)
      if (el === undefined) return { steps: [...path, element(`d:${name}`)], format: 'xml', value: undefined }
      return { steps: [...path, element(qualifiedName(el))], format: 'xml', value: isNull(el) ? null : elementText(el) }
    },
  }
}

function propsOf(body: string): Props {
  if (typeof body !== 'string')
    return { kind: 'error', issues: whole('unexpected', `expected text, found ${typeof body}`) }
  const start = body.replace(/^[\uFEFF\s]+/, '')
  return start.startsWith('<') ? xmlProps(start) : jsonProps(start)
}

function need(p: Prop, what: string): E.Either<Issue, string> {
  if (typeof p.value === 'string') return E.right(p.value)
  if (p.value === null) return E.left(at(p, 'unexpected', `expected ${what}, found null`))
  if (p.type !== undefined) return E.left(at(p, 'unexpected', `expected ${what}, found ${p.type}`))
  return E.left(at(p, 'missing', `expected ${what}, found none`))
}

/**
 * Decodes the answer to `getmyproperties` (see `myPropertiesUrl`) in any of its forms: an OData v3 Atom entry,
 * verbose JSON (`{ "d": { … } }`) or light/nometadata JSON. Property names match case-insensitively. A null
 * `PersonalUrl` (the user has no personal site yet) is an error. Never throws.
 *
 * @example
 * ```ts
 * const me = decodeMyProperties('{"AccountName":"i:0#.f|membership|ada@contoso.com","PersonalUrl":"https://contoso-my.sharepoint.com/personal/ada_contoso_com/"}')
 * // E.isRight(me) && me.right.siteUrl === 'https://contoso-my.sharepoint.com/personal/ada_contoso_com'
 * ```
 */
export function decodeMyProperties(body: string): E.Either<Issue[], MyProperties> {
  const props = propsOf(body)
  if (props.kind === 'error') return E.left(props.issues)
  const issues: Issue[] = []
  const account = need(props.get('AccountName'), 'the account name')
  if (E.isLeft(account)) issues.push(account.left)
  const personalProp = props.get('PersonalUrl')
  const personal = need(personalProp, 'the personal site URL')
  let site: { siteUrl: string; serverUrl: string; sitePath: string } | undefined
  if (E.isLeft(personal)) {
    issues.push(personal.left)
  } else {
    const m = /^(https?:\/\/[^/?#\s]+)([^?#]*)/i.exec(personal.right)
    if (m === null) {
      issues.push(at(personalProp, 'bad-value', `expected an absolute http(s) URL, found '${personal.right}'`))
    } else {
      const sitePath = m[2]!.replace(/\/+$/, '')
      site = { siteUrl: `${m[1]}${sitePath}`, serverUrl: m[1]!, sitePath }
    }
  }
  if (issues.length > 0 || E.isLeft(account) || E.isLeft(personal) || site === undefined) return E.left(issues)
  return E.right({ accountName: account.right, personalUrl: personal.right, ...site })
}

function decodeGuid(body: string, property: string): E.Either<Issue[], GuidForms> {
  const props = propsOf(body)
  if (props.kind === 'error') return E.left(props.issues)
  const p = props.get(property, true)
  const value = need(p, 'a GUID')
  if (E.isLeft(value)) return E.left([value.left])
  const guid = guidForms(value.right.trim())
  return guid === undefined ? E.left([at(p, 'bad-value', `expected a GUID, found '${value.right}'`)]) : E.right(guid)
}

/**
 * Decodes the answer to `…/_api/web/DefaultDocumentLibrary/ID` (see `defaultDocumentLibraryIdUrl`): the list id,
 * dashed (REST, SyncToken) and as 32 hex digits (the sync path). Accepts the bare `d:Id` element, an Atom entry,
 * verbose JSON (`{ "d": { "Id": … } }`) and light/nometadata JSON (`{ "value": … }`).
 *
 * @example
 * ```ts
 * decodeDefaultDocumentLibraryId('{"d":{"Id":"5d2445a6-f48d-4f6c-b190-640d11e29a93"}}')
 * // right({ dashed: '5d2445a6-f48d-4f6c-b190-640d11e29a93', hex: '5d2445a6f48d4f6cb190640d11e29a93' })
 * ```
 */
export function decodeDefaultDocumentLibraryId(body: string): E.Either<Issue[], GuidForms> {
  return decodeGuid(body, 'Id')
}

/**
 * Decodes the answer to `…/_api/Site/Id` (see `siteIdUrl`): the site collection id in both forms. Accepts the
 * same shapes as {@link decodeDefaultDocumentLibraryId}.
 *
 * @example
 * ```ts
 * decodeSiteId('{"value":"0d2f6b3e-4c1a-4b8e-9f3a-2c7d5e6f8a90"}') // right({ dashed: '0d2f6b3e-…', hex: '0d2f6b3e4c1a…' })
 * ```
 */
export function decodeSiteId(body: string): E.Either<Issue[], GuidForms> {
  return decodeGuid(body, 'Id')
}
