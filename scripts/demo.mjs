// `npm run demo`: a short guided tour of the built `syncwire` CLI over the files in examples/ (see examples/README.md).
// It runs dist/cli/index.js exactly as a user would, so it also proves the build works end to end.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const cli = process.env.SYNCWIRE_DEMO_CLI ?? join(root, 'dist', 'cli', 'index.js')
const color = process.stdout.isTTY === true && (process.env.NO_COLOR ?? '') === ''
const bold = (s) => (color ? `\u001b[1m${s}\u001b[0m` : s)
const dim = (s) => (color ? `\u001b[2m${s}\u001b[0m` : s)

if (!existsSync(cli)) {
  console.error('syncwire demo: dist/cli/index.js is missing; run `npm run demo` (it builds first) or `npm run build`.')
  process.exit(2)
}

const ex = (p) => relative(process.cwd(), join(root, 'examples', p)) || '.'
/** Every XML file of an examples/ folder, by name. */
const xmlIn = (folder) =>
  readdirSync(join(root, 'examples', folder))
    .filter((name) => name.endsWith('.xml'))
    .sort()
    .map((name) => ex(`${folder}/${name}`))
let step = 0

function heading(title, ...lines) {
  step++
  console.log(`\n${bold(`${step}. ${title}`)}`)
  for (const line of lines) console.log(line)
}

/**
 * Runs the CLI with its stdout and stderr both on ours, so they read in order; returns the exit code. `shown` is the
 * command as a user would type it (with a glob) when `args` lists many files.
 */
function run(args, expected, shown = args.join(' ')) {
  console.log(dim(`\n$ syncwire ${shown}`))
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: process.cwd(),
    stdio: ['ignore', 'inherit', process.stdout],
  })
  const code = r.status ?? 2
  console.log(dim(`[exit code ${code}]`))
  if (code !== expected) {
    console.error(`syncwire demo: expected exit code ${expected}, got ${code}`)
    process.exit(1)
  }
  return code
}

console.log(bold('syncwire: a tour in six steps'))
console.log('syncwire reads the XML of two sync protocols, MS-FILESYNC (SharePoint/OneDrive) and SData (Sage),')
console.log('into typed values, checks them against the spec, and decides what a sync target should do with')
console.log('each incoming change. Everything below runs the built command-line tool on the files in examples/.')

heading(
  'Check captured OneDrive/SharePoint traffic',
  'Twelve MS-FILESYNC documents captured from OneDrive and SharePoint Online: a folder and two documents created,',
  'one of them updated (requests, responses, change listings). `validate` detects each kind from its root',
  'element, decodes it and runs the spec checks; --summary adds one line per file saying what it holds.',
)
run(['validate', '--summary', ...xmlIn('filesync')], 0, `validate --summary ${ex('filesync')}/*.xml`)

heading(
  'The SData samples of the spec and of real clients',
  'The same on the SData examples of the specification and samples from client libraries and Sage 50. Warnings',
  'do not fail a file. Two client samples are plain SData feeds, not sync feeds (no digest, no syncState), so as',
  'sync documents they are invalid, and the exit code is 1.',
)
run(['validate', '--summary', ...xmlIn('sdata/samples')], 1, `validate --summary ${ex('sdata/samples')}/*.xml`)

heading(
  'A document with mistakes',
  'The same tool on a hand-made SData sync feed with three deliberate mistakes. Each line says where',
  '(file:line:column and the XML path), how bad (error or warning) and what is wrong.',
)
run(['validate', ex('sdata/broken-feed.xml')], 1)

heading(
  'From XML to typed JSON and back',
  "`convert` turns a document into its typed value (SData's JSON mapping), wrapped in an envelope that names",
  'the kind, so it converts back without flags. Here the digest of the ERP endpoint we meet next:',
)
run(['convert', ex('sdata/target-digest.xml'), '--to', 'json'], 0)

heading(
  'A catch-up sync, decision by decision',
  'Three applications keep accounts in sync: crm, erp and webshop. The ERP (the target) asks the CRM (the source)',
  'for everything it has not seen yet; the CRM answers with a catch-up feed of two pages. For each entry the',
  "target compares the incoming version's syncState with the one it holds, using both digests (what each side",
  'has seen, per endpoint). Each of the eight entries ends in a different rule of SData sync §5.4:',
  '  new-resource            the target has never held the resource: apply',
  '  same-endpoint-newer     both versions come from one endpoint; the incoming tick is higher: apply',
  '  same-endpoint-stale     ... the target already has that tick or a later one: ignore',
  "  source-has-seen-target  the source saw the target's version before it edited: apply, no conflict",
  '  target-has-seen-source  the target saw the incoming version before it edited: ignore, no conflict',
  '  priority                both edited concurrently (a conflict); the lower conflictPriority wins',
  '  stamp                   a conflict with equal priorities: the later stamp wins',
  '  tie-break               a conflict with equal priorities and stamps: the endpoint URL decides',
  "After the last page the source's digest is merged into the target's, which is printed at the end.",
)
run(
  [
    'conflicts',
    '--target-digest',
    ex('sdata/target-digest.xml'),
    '--target-states',
    ex('sdata/target-states.json'),
    '--last-page',
    ex('sdata/catch-up-page-1.xml'),
    ex('sdata/catch-up-page-2.xml'),
  ],
  0,
)

heading(
  'When changes go missing',
  'In immediate mode the CRM pushes each change as it happens. This push carries CRM tick 30, but the ERP has',
  'seen CRM changes only up to tick 11: ticks 12 to 29 were lost on the way, so the target refuses the page',
  '(exit code 1) and the source must catch up first.',
)
run(['conflicts', '--target-digest', ex('sdata/target-digest.xml'), ex('sdata/immediate-gap.xml')], 1)

console.log(`\n${bold('That is all.')} Try \`syncwire --help\`, \`syncwire <command> --help\`, and examples/README.md.`)
