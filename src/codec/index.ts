// Public face of codec (filled by its issue).
export {}
