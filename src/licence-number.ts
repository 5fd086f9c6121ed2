// Licence numbers, `LRA-2026-00042`: the year of first issue and a sequence within it. One
// agency keeps one number for life. People type them in many ways ("lra 2026 42", "2026-42");
// every form and search reads them through licenceNumberIn. Pure.

/** `LRA-2026-00042` from its year and sequence. */
export function formatLicenceNumber(year: number, sequence: number): string {
  if (sequence < 1 || sequence > 99_999) throw new RangeError(`licence sequence ${sequence} out of range`)
  return `LRA-${year}-${String(sequence).padStart(5, '0')}`
}

/** "lra 2026 42", "LRA-2026-00042", "2026-00042" -> "LRA-2026-00042"; anything else -> null. */
export function licenceNumberIn(typed: string): string | null {
  const m = typed.trim().match(/^(?:lra)?[\s\-–]*(\d{4})[\s\-–]*(\d{1,5})$/i)
  if (!m) return null
  const sequence = Number(m[2])
  return sequence >= 1 ? formatLicenceNumber(Number(m[1]), sequence) : null
}
