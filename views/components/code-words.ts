/**
 * A code said as words ("referred_to_police" becomes "Referred to police"): the last resort for a
 * code no label names yet, so a page never shows a raw code.
 */
export function sentenceOf(code: string): string {
  const words = code.replaceAll(/[._-]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}
