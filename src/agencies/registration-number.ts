// Company registration numbers compared as numbers, not as typing: "2013/ 000032",
// "2013-000032" and "2013000032" are one. The database keeps the same key (migration 0015). Pure.

/** The letters and digits of a registration number, upper case. */
export function registrationKey(typed: string): string {
  return typed.replace(/[^0-9A-Za-z]/g, '').toUpperCase()
}
