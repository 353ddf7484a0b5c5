// Public face of filesync (filled by its issue).
export {}
