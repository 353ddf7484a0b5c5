// The HTTP pieces around FILESYNC documents: URLs, response headers, policy, REST discovery, upload framing.
// MS-FILESYNC 3.1.3 (first run) and the sync request; pure functions, no I/O.
export * from './guid'
export * from './headers'
export * from './multipart'
export * from './policy'
export * from './rest'
export * from './subscription'
export * from './upload'
export * from './urls'
