// Common's seeded randomness, stable hash, text tools and suggestions are FOI's vocabulary: the
// composer, judge and resolver use them in nearly every file, and so do FOI's clients (Store, Bandit,
// Service, the CLI). Re-exporting keeps one import line per client instead of two (DESIGN.md).
@_exported import Common
