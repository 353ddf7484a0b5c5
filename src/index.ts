// syncwire: typed, lossless codecs for MS-FILESYNC and SData sync XML, and the conflict logic on top.
export * from './xml/index'
