// Size budgets (issue 8): min+brotli of what a browser bundle pulls in, dependencies included, from the built dist/.
// `npm run size` checks them; the conflict budget proves the conflict logic stays free of the XML layer.
import { readFileSync } from 'node:fs'

// While an entry point is still being written its named export may not exist yet; measure the whole module then,
// which can only be larger.
function named(file, name) {
  try {
    return new RegExp(`\\b${name}\\b`).test(readFileSync(new URL(file, import.meta.url), 'utf8')) ? `{ ${name} }` : '*'
  } catch {
    return '*'
  }
}

export default [
  {
    name: "import { detectConflict } from 'syncwire/conflict'",
    path: 'dist/conflict/index.js',
    import: named('./dist/conflict/index.js', 'detectConflict'),
    limit: '3 kB',
  },
  // 30 → 33 kB with the streaming feed reader and byte decoding (30.2 kB measured then); 33 → 35 kB with the
  // direct feed text writer, the element descriptions and the streamed validation (33.7 kB measured then); 35 → 38 kB
  // with streamSyncFeedJson and its incremental JSON reader (37.1 kB measured then, 34.7 before); 38 → 39 kB with the
  // feed, the entry and the payload resource each one description, the derivations generic (38.3 kB, 37.8 before);
  // 39 → 40 kB with the one issue type in every reporter and SyncFeedXml.decode on the streaming engine (39.47 kB);
  // 40 → 41 kB with the parser's event mode, which the shared parser carries (40.21 kB); 41 → 42 kB with the element
  // positions the streaming reader records on request (40.74 kB), the root, wrapper and choice descriptions the
  // diagnoses document and the payload are now derived from (+0.23 kB) and the shared parser's one-run event
  // document (41.44 kB with all of them); 42 → 43 kB with kit records compiled by the same XML compiler (the engine's
  // checks for kit content, +0.22 kB) and the diagnoses document's JSON form derived from its root description
  // (42.00 kB with both).
  // With SData entries read from the parser's events and whole feeds in one parser run with compact kept trees:
  // 42.95 kB measured (42.00 before). 43 → 44 kB when $diagnosis beside $diagnoses became an error (43.01 kB).
  // 44 → 45 kB with issues placed by expanded name (the path namespaces the validators pass, +0.33 kB), stray text
  // beside a record's children refused rather than dropped (+0.15 kB) and FILESYNC's broken documents answered from
  // the shared parser's one run (+0.3 kB): 44.07 kB measured (43.25 before). 45 → 46 kB (3 December 2026) with
  // payloads built on first access (`payloads: 'on-access'`: the parser's scan, src/xml/lazy.ts, +0.65 kB) and a
  // malformed byte streamed placed at its line:column (+0.24 kB): 44.96 kB measured. 46 → 47 kB (3 December 2026,
  // evening) with a malformed byte of a streamed multi-byte TextDecoder encoding (Shift_JIS, EUC-JP, GBK, Big5…)
  // placed as the in-memory decode places it (+0.24 kB), xs:dateTime read in one pass that allocates nothing and
  // payload walks on a reused stack (+0.29 kB): 46.04 kB measured (45.51 before).
  { name: "import * from 'syncwire/sdata'", path: 'dist/sdata/index.js', import: '*', limit: '47 kB' },
  {
    name: "import { createSyncEngine } from 'syncwire/session'",
    path: 'dist/session/index.js',
    import: named('./dist/session/index.js', 'createSyncEngine'),
    // 20 → 22 kB with the direct feed text writer the engine's pages are encoded with (20.9 kB measured then);
    // 22 → 23 kB with the one issue type (codes and path steps) and the described feed and entry parts (22.5 kB);
    // 23 → 24 kB with the feed and the entry each one description (23.1 kB measured then, 22.5 before); 24 → 27 kB
    // when SyncFeedXml.decode, which the engine decodes pages with, came to run the streaming reader (26.18 kB
    // measured then: the reader, its scanner and piece parser join the bundle); 27 → 28 kB with those and the codec
    // kit's record() built as an element description merged together (27.02 kB); 28 → 29 kB with the streaming
    // reader's positions on request, the validators' step chains and the payload's choice description (28.16 kB);
    // 29 → 30 kB when the page decode came to read SData entries from the parser's events and whole feeds in one
    // parser run (29.46 kB measured, 28.60 before).
    limit: '30 kB',
  },
  // 30 → 34 kB with the FILESYNC sessions, the streaming reader and byte decoding (31.7 kB measured then); 34 → 35 kB
  // with FILESYNC on the shared element descriptions, validateFileSyncItem and the one issue type (34.1 kB); 35 → 36 kB
  // with the policy codec's kit records built as element descriptions and the issue type in the REST, header,
  // multipart and session reports (35.39 kB); 36 → 37 kB with FILESYNC items read from the parser's events (36.34 kB); 37 → 38 kB with whole documents decoded in one
  // event-mode parser run (36.75 kB) and the streaming reader's positions on request (37.16 kB with both); 38 → 40 kB
  // when the policy codec's kit records came to compile through the one XML compiler (schema/xml.ts), which FILESYNC's
  // own elements do not use yet: the compiler, its tree helpers and paths join the bundle (39.82 kB measured then);
  // 40 → 41 kB with element places counted only when asked (src/xml/positions.ts, 40.03 kB); with the shared
  // parser's compact trees and whole-feed event run, which SData uses, 40.16 kB. 41 → 42 kB (3 December 2026): a
  // malformed byte streamed placed at its offset and line:column (src/xml/byte-fault.ts, the stream decoder's line
  // count) and event mode's end tags with white space: 41.08 kB measured. 42 → 43 kB (3 December 2026, afternoon)
  // with the tree path's name guesses, event mode's CR in leaves, the FILESYNC reader's fields found in the response
  // order, one-pass base64 and the parser's class chain: 41.98 kB measured (41.30 before). 43 → 44 kB (4 December
  // 2026) when an upload body's XML part came to be read as FileSyncXml reads bytes (fatally, at line:column, its
  // charset checked against the encoding read), every document decode total through one guard and a long streamed
  // chunk read in pieces: 43.07 kB measured (42.50 before).
  { name: "import * from 'syncwire/filesync'", path: 'dist/filesync/index.js', import: '*', limit: '44 kB' },
  {
    name: "import { parseXml, serializeXml } from 'syncwire/xml'",
    path: 'dist/xml/index.js',
    import: '{ parseXml, serializeXml }',
    // 10 → 11 kB with the parser's compact trees and whole-feed event run (SData's one-run decode; the parser class
    // carries them): 10.10 kB measured, 9.98 before. 11 → 12 kB (3 December 2026) with the tree path's name and
    // attribute guesses and kept arrays copied out as literals, the scan's checks without attribute objects, event
    // mode's CR in leaves and the parser's class chain: 11.12 kB measured (10.74 before).
    limit: '12 kB',
  },
  // 50 → 58 kB with the sessions, both streaming readers and byte decoding (55.3 kB measured then); 58 → 61 kB
  // with the direct feed text writer, the element descriptions and the streamed validation (60.0 kB measured then);
  // 61 → 62 kB with the description engine public in the codec kit (its element and JSON codecs, nested and list
  // children) and FILESYNC's descriptions (61.35 kB measured then); 62 → 65 kB with streamSyncFeedJson and its
  // incremental JSON reader (64.1 kB measured then, 61.7 before); 65 → 66 kB with the one issue type, its formatters
  // and parseXml's element positions (65.1 kB measured then); 66 → 69 kB with every reporter giving that issue type
  // (its step-built helpers, header, REST and session issues: 66.3 kB measured then), SyncFeedXml.decode on the
  // streaming engine with compact kept trees (66.98 kB with both) and the codec kit's record() built as an element
  // description, which gives kit records a JSON form (+1.2 kB on its own; 68.09 kB with all three); 69 → 70 kB with
  // FILESYNC items read from the parser's events (69.07 kB); 70 → 71 kB with the streaming reader's positions on request,
  // whole FILESYNC documents in one event-mode run and the root, wrapper and choice descriptions (70.31 kB; the kit's
  // JSON form through the one JSON compiler took 0.36 kB off); 71 → 72 kB with kit records through the one XML
  // compiler and the derived diagnoses JSON (70.96 kB).
  // With SData entries read from the parser's events and whole feeds in one parser run: 71.95 kB measured (70.96 before).
  // 72 → 73 kB with the sync state read from the parser's events, the capture-free date-time reader and the repeat
  // check's arrays kept between pages (72.41 kB measured).
  // 73 → 74 kB with broken FILESYNC documents answered from one parser run (+0.3 kB), stray text refused with an issue
  // (+0.1 kB) and issues placed by expanded name (+0.3 kB): 73.19 kB measured (72.41 before; the JSON sides of the
  // attribute elements and leaf groups compiled apart took a little off). 74 → 75 kB (3 December 2026) with payloads
  // built on first access (+0.63 kB), a malformed byte streamed placed at its line:column (+0.16 kB) and event mode's
  // end tags with white space: 74.00 kB measured (73.19 before). 75 → 76 kB (3 December 2026, afternoon) with the
  // tree path's guesses (+0.3 kB), the shared lazy accessors and their inspect hook (+0.4 kB), processFeed's kept
  // shapes (+0.2 kB), the FILESYNC reader's response order and CR in leaves (+0.2 kB): 74.97 kB measured. 76 → 77 kB
  // (3 December 2026, night) for correctness, not speed: a second U+FEFF after a streamed byte-order mark refused as
  // it is whole, ISO-2022-JP streamed placed at the first byte of the undecodable character and GBK read alike in
  // every runtime (+0.11 kB), and SData's lifted attributes spliced out of parser-owned trees (+0.05 kB): 76.15 kB
  // measured (75.94 before).
  { name: "import * from 'syncwire' (the whole package)", path: 'dist/index.js', import: '*', limit: '77 kB' },
]
