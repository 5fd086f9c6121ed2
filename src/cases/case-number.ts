/** "Maseru Central CR 123/2026": how the police write a case number, station first. */
export const caseNumberText = (c: { station: string; case_number: number; case_year: number }) =>
  `${c.station} CR ${c.case_number}/${c.case_year}`

/**
 * The number and year in a case number typed elsewhere in the registry (a complaint referred to
 * the police, an inspection that opened an investigation): "CR 123/05/2026" or "123/2026". Only
 * a suggestion: the officer confirms the fields before the case is opened.
 */
export function suggestedCaseNumber(typed: string | null): { case_number?: string; case_year?: string } {
  if (!typed) return {}
  const numbers = typed.match(/\d+/g) ?? []
  const year = numbers.findLast((n) => n.length === 4 && Number(n) >= 1990 && Number(n) <= 2100)
  const first = numbers[0]
  return {
    ...(first && first !== year && first.length <= 6 ? { case_number: String(Number(first)) } : {}),
    ...(year ? { case_year: year } : {}),
  }
}
