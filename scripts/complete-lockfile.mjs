// Adds the platform-specific optional packages that npm left out of package-lock.json, so `npm ci` works on
// every platform. Run it after `npm install` changes the lockfile: `node scripts/complete-lockfile.mjs`.
//
// Why: when the registry a lockfile is written against lacks a foreign platform's build of a package (say
// @biomejs/cli-darwin-arm64 at the exact version biome pins), npm skips that optional dependency without a
// trace, and `npm ci` then refuses the lockfile ("Missing: … from lock file") on every machine. Each entry added
// here names the version the parent pins and the platform read from the package name, so npm skips it on other
// platforms and fetches it where it belongs.
import { readFileSync, writeFileSync } from 'node:fs'

const file = new URL('../package-lock.json', import.meta.url)
const lock = JSON.parse(readFileSync(file, 'utf8'))
const packages = lock.packages

const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openbsd', 'netbsd', 'sunos', 'aix', 'openharmony']
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el', 'wasm32']

function platformOf(name) {
  const parts = name.split('/').pop().split('-')
  const os = parts.find((p) => OS.includes(p))
  const cpu = parts.find((p) => CPU.includes(p))
  if (os === undefined || cpu === undefined) return undefined
  const libc = parts.includes('musl') ? 'musl' : parts.includes('gnu') || parts.includes('glibc') ? 'glibc' : undefined
  return { os: [os], cpu: [cpu], ...(libc && os === 'linux' ? { libc: [libc] } : {}) }
}

function resolves(from, name) {
  // Node's lookup: node_modules folders from the requiring package up to the root.
  let dir = from
  for (;;) {
    if (packages[`${dir ? `${dir}/` : ''}node_modules/${name}`]) return true
    if (dir === '') return false
    const i = dir.lastIndexOf('/node_modules/')
    dir = i < 0 ? '' : dir.slice(0, i)
  }
}

let added = 0
for (const [path, pkg] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    if (resolves(path, name)) continue
    const platform = platformOf(name)
    const version = /^\d+\.\d+\.\d+(-[\w.]+)?$/.exec(spec)?.[0]
    if (platform === undefined || version === undefined) {
      console.warn(
        `left out: ${name}@${spec} (needed by ${path || 'the root'}): no platform in its name or no exact version`,
      )
      continue
    }
    packages[`node_modules/${name}`] = { version, dev: pkg.dev, optional: true, ...platform }
    added++
  }
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
)
lock.packages = sorted
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`)
console.log(`complete-lockfile: added ${added} platform package(s)`)
