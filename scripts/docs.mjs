// Builds the API site (docs/api) from typedoc.json, failing on any TypeDoc warning (treatWarningsAsErrors) and on any
// exported symbol whose TSDoc lacks an `@example` (the house rule typedoc cannot check). `--check` validates only.
import { Application, PackageJsonReader, ReflectionKind, TSConfigReader, TypeDocReader } from 'typedoc'

const checkOnly = process.argv.includes('--check')
const app = await Application.bootstrapWithPlugins({}, [
  new TypeDocReader(),
  new PackageJsonReader(),
  new TSConfigReader(),
])
const project = await app.convert()
if (!project) process.exit(2)
app.validate(project)

const documented =
  ReflectionKind.Function |
  ReflectionKind.Variable |
  ReflectionKind.Class |
  ReflectionKind.Interface |
  ReflectionKind.TypeAlias |
  ReflectionKind.Enum |
  ReflectionKind.Namespace
const missing = Object.values(project.reflections)
  .filter((r) => r.kindOf(documented) && r.parent?.kindOf(ReflectionKind.Project | ReflectionKind.Module))
  .filter((r) => !(r.comment ?? r.signatures?.[0]?.comment)?.getTag('@example'))
  .map((r) => r.getFriendlyFullName())
  .sort()
for (const name of missing) app.logger.warn(`${name} has no @example in its TSDoc`)

// One page per entry point, named as users import it: every index.ts carries `@module syncwire/…`.
const modules = (project.children ?? []).filter((c) => c.kindOf(ReflectionKind.Module)).map((c) => c.name)
for (const name of modules)
  if (name !== 'syncwire' && !name.startsWith('syncwire/'))
    app.logger.warn(`module ${name} is not named after its entry point: add @module syncwire/… to its index.ts`)
if (checkOnly) console.log(`docs: modules ${modules.join(', ')}`)

if (app.logger.hasErrors() || app.logger.hasWarnings()) {
  console.error(`docs: ${app.logger.errorCount} errors, ${app.logger.warningCount} warnings`)
  process.exit(3)
}
if (!checkOnly) await app.generateOutputs(project)
if (app.logger.hasErrors() || app.logger.hasWarnings()) process.exit(4)
console.log(checkOnly ? 'docs: clean' : `docs: written to ${app.options.getValue('out')}`)
