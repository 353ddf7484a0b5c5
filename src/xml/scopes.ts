// In-scope namespace bindings as a stack per prefix, shared by the parser and the serializer.
// Implements Namespaces in XML 1.0 §6 (a declaration's scope is its element; inner declarations override outer).
import { XML_NAMESPACE } from './types'

/**
 * Namespace bindings in scope: prefix (`''` for the default namespace) → a stack of URIs (`null` undeclares the
 * default namespace). `xml` is bound from the start. Every binding is recorded in `declared`, so `unbind` undoes
 * them in reverse order down to a mark taken as `declared.length` when an element opens.
 */
export class NamespaceScopes {
  private readonly scopes = new Map<string, Array<string | null>>([['xml', [XML_NAMESPACE]]])
  /** The prefixes bound so far and still in scope, in binding order. */
  readonly declared: string[] = []
  /** The default namespace in scope, kept apart: every unprefixed element name looks it up. */
  protected defaultUri: string | null | undefined = undefined

  /** The URI bound to `prefix` (`null` for an undeclared default namespace), or `undefined` when unbound. */
  lookup(prefix: string): string | null | undefined {
    if (prefix === '') return this.defaultUri
    const stack = this.scopes.get(prefix)
    return stack === undefined || stack.length === 0 ? undefined : stack[stack.length - 1]
  }

  /** Binds `prefix` to `uri` until the matching {@link NamespaceScopes.unbind}. */
  bind(prefix: string, uri: string | null): void {
    const stack = this.scopes.get(prefix)
    if (stack === undefined) this.scopes.set(prefix, [uri])
    else stack.push(uri)
    this.declared.push(prefix)
    if (prefix === '') this.defaultUri = uri
  }

  /** Undoes the latest binding; returns the URI it bound. */
  unbind(): string | null | undefined {
    const prefix = this.declared.pop()!
    const stack = this.scopes.get(prefix)!
    const uri = stack.pop()
    if (prefix === '') this.defaultUri = stack.length === 0 ? undefined : stack[stack.length - 1]
    return uri
  }
}
