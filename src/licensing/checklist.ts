// The checks the licensing office makes before deciding an application. Pure.

export const CHECKLIST_ITEMS = [
  { name: 'fit_and_proper_checked', label: 'Fit-and-proper checks of the principal and directors done' },
  { name: 'registration_seen', label: 'Company registration certificate seen' },
  { name: 'office_visited', label: 'Office visited' },
  {
    name: 'fee_free_declaration_signed',
    label: 'Declaration signed that workers are charged no recruitment fee',
  },
] as const

export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number]['name']

/** The checks not done yet: approving with any of them needs the officer to say so. */
export function openItems(application: Record<ChecklistItem, boolean>) {
  return CHECKLIST_ITEMS.filter((item) => !application[item.name])
}
