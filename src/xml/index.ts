// syncwire/xml: text <-> namespace-resolved element tree (the only user of fast-xml-parser).
export * from './types'
