import { sql } from 'kysely'
import type { Database } from '../db/database.js'
import { isDistinctive } from './name-words.js'

// Typo-tolerant name search, shared by the public lookup and the staff agency list. The typed
// words are compared with the words of all names (agency_name_words: a few thousand rows even at
// 100,000 agencies), never with every name: the closest words found then go through the
// full-text index like words typed correctly.

// How close a typed word must be to a word of a name: "malti" -> "maluti" scores 0.67,
// "recrut" -> "recruitment" 0.71; unrelated words stay under 0.4.
const WORD_SIMILARITY_THRESHOLD = 0.5
// Corrections within this much of the best one are also tried ("thaba" may be "thabana").
const CORRECTION_MARGIN = 0.1

export const quoteLexeme = (word: string) => `'${word.replaceAll("'", "''")}'`

/**
 * For each typed word, the words of agency names it may be a misspelling of, as a full-text
 * query: "malti careres" -> "('maluti')". With `distinctiveOnly` (the public lookup) words every
 * name has ("jobs", "careers") are left out, so a look-alike always shares a word that tells names
 * apart. Null when some word resembles none, or none is left.
 */
export async function correctedQuery(
  db: Database,
  typedWords: string[],
  options: { distinctiveOnly: boolean },
): Promise<string | null> {
  const keep = (word: string) => !options.distinctiveOnly || isDistinctive(word)
  const words = typedWords.filter(keep)
  if (words.length === 0) return null
  const long = words.filter((w) => w.length >= 3)
  // `%` (similarity at pg_trgm's default threshold, 0.3) lets the trigram index find the
  // candidates without a transaction to change thresholds; word similarity then decides.
  const rows =
    long.length === 0
      ? []
      : (
          await sql<{ typed: string; word: string; score: number }>`
            select typed, candidate.word, candidate.score
            from unnest(${long}::text[]) as typed
            cross join lateral (
              select word, word_similarity(typed, word)::float8 as score
              from agency_name_words
              where typed % word and word_similarity(typed, word) >= ${WORD_SIMILARITY_THRESHOLD}
              order by score desc, word
              limit 6
            ) as candidate`.execute(db)
        ).rows
  const parts: string[] = []
  for (const typed of words) {
    // Too short to compare by trigrams: taken as the start of a word.
    if (typed.length < 3) {
      parts.push(`${quoteLexeme(typed)}:*`)
      continue
    }
    const candidates = rows.filter((r) => r.typed === typed && keep(r.word))
    if (candidates.length === 0) return null
    const best = Math.max(...candidates.map((r) => r.score))
    const close = candidates
      .filter((r) => r.score >= best - CORRECTION_MARGIN)
      .map((r) => quoteLexeme(r.word))
    parts.push(`(${close.join(' | ')})`)
  }
  return parts.join(' & ')
}
