import { isDistinctive } from './name-words.js'

// Whether two agency names are worth a second look as the same business. Words every agency
// name has ("Recruitment", "(Pty) Ltd", "Agency", "Jobs") are set aside first: "Thabo Jobs" and
// "Maluti Jobs" share nothing that matters. What is left is compared as pg_trgm compares text
// (three-letter pieces of each word), so a misspelling still resembles. Pure.

/** The words that tell one name from another, lower case, accents folded ("maluti mountain"). */
export function nameCore(name: string): string {
  const words =
    name
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  return words.filter(isDistinctive).join(' ')
}

/** pg_trgm's trigrams: each word padded with two spaces before and one after. */
function trigrams(text: string): Set<string> {
  const set = new Set<string>()
  for (const word of text.split(' ').filter(Boolean)) {
    const padded = `  ${word} `
    for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3))
  }
  return set
}

/** Shared trigrams over all trigrams, 0 to 1, as pg_trgm's similarity(). */
export function trigramSimilarity(a: string, b: string): number {
  const x = trigrams(a)
  const y = trigrams(b)
  if (x.size === 0 || y.size === 0) return 0
  let shared = 0
  for (const t of x) if (y.has(t)) shared++
  return shared / (x.size + y.size - shared)
}

/** How alike two names are where it matters, below which they are not worth a second look. */
export const RESEMBLANCE_THRESHOLD = 0.5

/**
 * How alike two agency names are, by their distinctive words; 0 when either has none (a name
 * of only common words is compared whole, and must then be nearly the same).
 */
export function nameResemblance(a: string, b: string): number {
  const [coreA, coreB] = [nameCore(a), nameCore(b)]
  if (coreA && coreB) return trigramSimilarity(coreA, coreB)
  const whole = trigramSimilarity(nameCore(a) || a.toLowerCase(), nameCore(b) || b.toLowerCase())
  return whole >= 0.8 ? whole : 0
}
