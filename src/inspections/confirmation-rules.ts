import type { Role } from '../vocabulary.js'

// A joint inspection counts as confirmed by both services when the record (as it now stands)
// was submitted by one service and confirmed by an officer of the other: a labour inspector's
// record by a police officer, a police officer's record by a labour inspector. Pure rules.

export const SERVICES = ['labour', 'police'] as const
export type Service = (typeof SERVICES)[number]

export const SERVICE_LABELS: Record<Service, string> = { labour: 'labour', police: 'police' }

export function serviceOf(role: Role): Service | null {
  return role === 'inspector' ? 'labour' : role === 'police_officer' ? 'police' : null
}

/** Which service confirms a record submitted (or last amended) by someone in this role. */
export function confirmingService(recordRole: Role): Service | null {
  const own = serviceOf(recordRole)
  return own === 'labour' ? 'police' : own === 'police' ? 'labour' : null
}

export interface ConfirmationCase {
  status: 'draft' | 'submitted'
  /** The role of whoever submitted or last amended the record. */
  recordRole: Role
  /** The record as it stands is already confirmed. */
  confirmed: boolean
  confirmerRole: Role
  confirmerActive: boolean
  confirmerName: string
  /**
   * The names the record gives for the confirming service's people on the team: its police
   * officers for a labour inspector's record, its lead inspector for a police officer's.
   */
  team: readonly string[]
}

// Ranks and titles written before a name on the form or an account ("Sgt. Palesa Ntsane").
const TITLES = new Set(
  'sgt sergeant constable const cst pc insp inspector lt lieutenant capt captain supt superintendent officer det detective cpl corporal mr mrs ms miss dr w o d'.split(
    ' ',
  ),
)

/** A person's name as words to compare: lower case, accents folded, ranks and titles left out. */
export function nameWords(name: string): string[] {
  return (
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/\p{L}+/gu) ?? []
  ).filter((w) => !TITLES.has(w))
}

/**
 * Whether an account's holder is among the people the record names: every word of one name is
 * in the other ("Palesa Ntsane" and "Constable Palesa M. Ntsane" are one person).
 */
export function isOnTheTeam(accountName: string, team: readonly string[]): boolean {
  const account = nameWords(accountName)
  if (account.length === 0) return false
  return team.some((recorded) => {
    const words = nameWords(recorded)
    return (
      words.length > 0 && (account.every((w) => words.includes(w)) || words.every((w) => account.includes(w)))
    )
  })
}

/** Why this person cannot confirm this record now, or null when they can. */
export function confirmationRefusal(c: ConfirmationCase): string | null {
  if (c.status !== 'submitted') return 'Only a submitted record can be confirmed: submit it first.'
  if (c.confirmed) return 'This record has already been confirmed by both services, as it now stands.'
  const needed = confirmingService(c.recordRole)
  if (!needed)
    return 'This record was submitted by neither a labour inspector nor a police officer, so it cannot be confirmed by both services.'
  if (!c.confirmerActive) return 'This account has been deactivated.'
  if (c.team.length === 0)
    return needed === 'police'
      ? 'No police officer is recorded on this inspection’s team, so it cannot be confirmed as a joint operation. If police were there, amend the record to name them first.'
      : 'No labour inspector is recorded as leading this inspection, so it cannot be confirmed by both services. Amend the record to name them first.'
  if (serviceOf(c.confirmerRole) !== needed)
    return needed === 'police'
      ? 'A labour inspector submitted this record: a police officer on the team must confirm it, with their own account.'
      : 'A police officer submitted this record: a labour inspector on the team must confirm it, with their own account.'
  if (!isOnTheTeam(c.confirmerName, c.team))
    return `${c.confirmerName} is not among the ${needed === 'police' ? 'police officers' : 'labour inspectors'} this record names (${c.team.join(', ')}): only someone on the team confirms it. If the team is wrong, amend the record first.`
  return null
}

/** The people of the confirming service the record names (see ConfirmationCase.team). */
export function teamFor(
  recordRole: Role,
  record: { police_officers: { name: string }[]; lead_inspector: string },
): string[] {
  const needed = confirmingService(recordRole)
  if (needed === 'police') return record.police_officers.map((p) => p.name).filter(Boolean)
  if (needed === 'labour') return record.lead_inspector ? [record.lead_inspector] : []
  return []
}
