import { randomInt } from 'node:crypto'

// A job offer's public code: 8 digits, the last a Damm check digit. Damm catches every single
// mistyped digit and every swap of two neighbouring digits (Luhn misses 09 ↔ 90), so a worker who
// mistypes the code on a feature phone is told so instead of "this advert may be fake".

// Damm's quasigroup of order 10 (weakly totally anti-symmetric).
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const

/** The check digit of a string of digits. */
export function dammDigit(digits: string): number {
  let interim = 0
  for (const d of digits) interim = DAMM[interim]![Number(d)]!
  return interim
}

export const CODE_LENGTH = 8

/** A new code: seven random digits (the first not 0, so no spreadsheet drops it) and the check digit. */
export function newOfferCode(): string {
  const payload = String(randomInt(1_000_000, 10_000_000))
  return `${payload}${dammDigit(payload)}`
}

export type TypedCode =
  | { ok: true; code: string }
  /** Not eight digits once spaces, dashes and dots are set aside. */
  | { ok: false; problem: 'not_a_code' }
  /** Eight digits whose check digit does not match: a digit mistyped or two swapped. */
  | { ok: false; problem: 'mistyped' }

/** The code as a person types it: "4821-5533", "4821 5533", "48215533". */
export function readOfferCode(typed: string): TypedCode {
  const digits = typed.replace(/[\s\-–.·]/g, '')
  if (!/^\d{8}$/.test(digits)) return { ok: false, problem: 'not_a_code' }
  return dammDigit(digits) === 0 ? { ok: true, code: digits } : { ok: false, problem: 'mistyped' }
}

/** "48215533" as printed and shown: "4821-5533". */
export function formatOfferCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`
}
