// syncwire/sdata: SData synchronization codecs, types and validation.
export type * from './model'
