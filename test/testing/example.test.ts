// Runs the documented example of syncwire/testing (examples/testing/), which vitest's include would not pick up.
import '../../examples/testing/captured-file.example'
