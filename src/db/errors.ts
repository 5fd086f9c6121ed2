/** A unique constraint refused the write: a double submit, or two people saving the same thing. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown }
  if (e?.code !== '23505') return false
  return !constraint || e.constraint === constraint || String(e.message).includes(constraint)
}
