// Public face of testing (filled by its issue).
export {}
