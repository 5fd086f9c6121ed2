import { z } from 'zod'

export const pageParam = z.coerce.number().int().min(1).max(100_000).catch(1).default(1)

export interface Paging {
  page: number
  perPage: number
  total: number
}

export const offsetOf = (page: number, perPage: number) => (page - 1) * perPage

export function pageCount(paging: Paging): number {
  return Math.max(1, Math.ceil(paging.total / paging.perPage))
}
