// syncwire/testing/vitest: a types entry that adds the kit's matchers to vitest's `expect` for a whole project
// (`"types": ["syncwire/testing/vitest"]` in tsconfig); at run time it is empty: `installMatchers` registers them.
export type { SyncwireMatchers } from '../matchers'
