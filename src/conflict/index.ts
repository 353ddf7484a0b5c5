// Public face of conflict (filled by its issue).
export {}
