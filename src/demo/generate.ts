import type { Insertable } from 'kysely'
import type { AgenciesTable, WorksitesTable } from '../db/types.js'
import { DISTRICTS, type District, type Role, type Sector, type WorksiteKind } from '../vocabulary.js'

// Realistic made-up data for Lesotho, the same at every run for the same seed. The demo
// uses a few dozen records; the benchmark uses the same code for hundreds of thousands.

/** mulberry32: a small seeded PRNG, so demo and benchmark data are reproducible. */
export function seededRandom(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const some = <T>(items: readonly T[], min: number, max: number): T[] => {
    const pool = [...items]
    const count = Math.min(pool.length, int(min, max))
    const chosen: T[] = []
    for (let i = 0; i < count; i++) chosen.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!)
    return chosen
  }
  return { next, int, pick, some }
}
export type Random = ReturnType<typeof seededRandom>

// Most agencies are in the lowlands, where Maseru and the factory towns are.
const DISTRICT_WEIGHTS: Record<District, number> = {
  Maseru: 34,
  Leribe: 16,
  Berea: 13,
  Mafeteng: 9,
  "Mohale's Hoek": 7,
  'Butha-Buthe': 6,
  Quthing: 4,
  "Qacha's Nek": 4,
  Mokhotlong: 4,
  'Thaba-Tseka': 3,
}

const TOWNS: Record<District, string[]> = {
  Maseru: ['Maseru', 'Ha Thetsane', 'Roma', 'Morija', 'Ha Foso', 'Lithabaneng'],
  Leribe: ['Hlotse', 'Maputsoe', 'Peka', 'Pitseng'],
  Berea: ['Teyateyaneng', 'Mapoteng', 'Ha Khabo'],
  Mafeteng: ['Mafeteng', 'Matelile', 'Mohlanapeng'],
  "Mohale's Hoek": ["Mohale's Hoek", 'Mpharane', 'Ketane'],
  'Butha-Buthe': ['Butha-Buthe', 'Ha Sekubu', 'Kao'],
  Quthing: ['Moyeni', 'Mphaki', 'Mount Moorosi'],
  "Qacha's Nek": ["Qacha's Nek", 'Sehlabathebe', 'Ha Sekake'],
  Mokhotlong: ['Mokhotlong', 'Letšeng', 'Polihali'],
  'Thaba-Tseka': ['Thaba-Tseka', 'Katse', 'Mantšonyane'],
}

const STREETS = [
  'Kingsway',
  'Moshoeshoe Road',
  'Main North 1',
  'Pioneer Road',
  'Cathedral Area',
  'Industrial Area',
  'Main South 1',
]
const NAME_WORDS = [
  'Maluti',
  'Thaba',
  'Senqu',
  'Makhaleng',
  'Qiloane',
  'Mohokare',
  'Basotho',
  'Mountain Kingdom',
  'Katse',
  'Mohale',
  'Sehlabathebe',
  'Thabana',
  'Letsatsi',
  'Khotso',
  'Pula',
  'Nala',
  'Tšepo',
  'Kopano',
  'Lesedi',
  'Bokamoso',
]
const SURNAMES = [
  'Mokoena',
  'Letsie',
  'Mohapi',
  'Ntsane',
  'Mokhethi',
  'Lerotholi',
  'Seeiso',
  'Molapo',
  'Ramaili',
  'Sekhonyana',
  'Nthako',
  'Tlali',
  'Makara',
  'Khaketla',
  'Mofokeng',
  'Phafane',
  'Motšoene',
  'Lebona',
]
const CORES = [
  'Recruitment',
  'Labour Brokers',
  'Employment Agency',
  'Staffing Services',
  'Manpower Services',
  'Workforce Solutions',
  'Placement Agency',
  'Careers',
  'Human Resources',
]
const FORMS = ['(Pty) Ltd', '(Pty) Ltd', 'Ltd', '']
const DESTINATIONS = ['ZA', 'ZA', 'ZA', 'ZA', 'BW', 'NA', 'AE', 'QA', 'SA', 'MU', 'GB', 'CN']
const SECTOR_MIX: Sector[] = [
  'mining',
  'agriculture',
  'agriculture',
  'manufacturing',
  'manufacturing',
  'construction',
  'domestic_work',
  'hospitality',
  'security_services',
]

function weightedDistrict(r: Random): District {
  const total = Object.values(DISTRICT_WEIGHTS).reduce((a, b) => a + b, 0)
  let x = r.next() * total
  for (const d of DISTRICTS) {
    x -= DISTRICT_WEIGHTS[d]
    if (x < 0) return d
  }
  return 'Maseru'
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
const phone = (r: Random) => `+266 ${r.pick(['5', '6'])}${r.int(100, 999)} ${r.int(1000, 9999)}`

/** The agency at position `index` (0-based): the same index and seed always give the same agency. */
export function generateAgency(r: Random, index: number): Insertable<AgenciesTable> {
  const district = weightedDistrict(r)
  const base =
    r.next() < 0.35
      ? `${r.pick(SURNAMES)} & ${r.pick(['Sons', 'Associates', 'Partners'])}`
      : r.pick(NAME_WORDS)
  const legalName = `${base} ${r.pick(CORES)} ${r.pick(FORMS)}`.trim()
  const trading = r.next() < 0.4 ? [`${r.pick(NAME_WORDS)} ${r.pick(['Jobs', 'Work', 'Recruit'])}`] : []
  const year = r.int(1995, 2026)
  return {
    legal_name: legalName,
    trading_names: trading,
    // Unique by construction: the index is part of it.
    registration_number: `${year}/${String(index + 1).padStart(6, '0')}`,
    district,
    physical_address: `Plot ${r.int(1, 999)}, ${r.pick(STREETS)}, ${r.pick(TOWNS[district])}`,
    phone: phone(r),
    email: `info@${slug(base)}-${index + 1}.co.ls`,
    sectors: r.some(SECTOR_MIX, 1, 3).filter((v, i, a) => a.indexOf(v) === i),
    destination_countries: r
      .some(DESTINATIONS, 1, 2)
      .filter((v, i, a) => a.indexOf(v) === i)
      .sort((a, b) => (a === 'ZA' ? -1 : b === 'ZA' ? 1 : a.localeCompare(b))),
    notes: null,
  }
}

const WORKSITE_PATTERNS: { kind: WorksiteKind; sector: Sector; names: string[]; districts: District[] }[] = [
  {
    kind: 'factory',
    sector: 'manufacturing',
    names: ['Textiles', 'Garments', 'Apparel', 'Knitwear', 'Denim'],
    districts: ['Maseru', 'Leribe', 'Berea', 'Mafeteng'],
  },
  {
    kind: 'farm',
    sector: 'agriculture',
    names: ['Farm', 'Orchards', 'Vegetables', 'Dairy', 'Poultry'],
    districts: ['Leribe', 'Berea', 'Mafeteng', "Mohale's Hoek", 'Butha-Buthe'],
  },
  {
    kind: 'mine',
    sector: 'mining',
    names: ['Diamond Mine', 'Quarry', 'Sandstone Quarry'],
    districts: ['Mokhotlong', 'Butha-Buthe', 'Thaba-Tseka'],
  },
  {
    kind: 'construction_site',
    sector: 'construction',
    names: ['Dam Works', 'Road Project', 'Housing Project'],
    districts: ['Mokhotlong', 'Maseru', "Qacha's Nek", 'Thaba-Tseka'],
  },
  {
    kind: 'private_household',
    sector: 'domestic_work',
    names: ['Household'],
    districts: ['Maseru', 'Leribe'],
  },
]

export function generateWorksite(r: Random): Insertable<WorksitesTable> {
  const pattern = r.pick(WORKSITE_PATTERNS)
  const district = r.pick(pattern.districts)
  const village = r.pick(TOWNS[district])
  const isHousehold = pattern.kind === 'private_household'
  return {
    name: isHousehold
      ? `${r.pick(SURNAMES)} household, ${village}`
      : `${r.pick(NAME_WORDS)} ${r.pick(pattern.names)}`,
    kind: pattern.kind,
    sector: pattern.sector,
    operator: isHousehold
      ? null
      : `${r.pick(NAME_WORDS)} ${r.pick(['Holdings', 'Investments', 'Enterprises'])} (Pty) Ltd`,
    district,
    village,
    // Within Lesotho's bounding box; households get no position.
    latitude: isHousehold ? null : Math.round((-30.6 + r.next() * 1.9) * 1e5) / 1e5,
    longitude: isHousehold ? null : Math.round((27.1 + r.next() * 2.3) * 1e5) / 1e5,
    approx_workers: isHousehold ? 1 : r.int(10, pattern.kind === 'factory' ? 3000 : 400),
  }
}

export interface DemoUser {
  role: Role
  name: string
  email: string
  district: District
  password: string
}

/** One account per role, with passwords printed for the demo (never used outside it). */
export function demoUsers(): DemoUser[] {
  const people: [Role, string, District][] = [
    ['admin', 'Mpho Letsie', 'Maseru'],
    ['licensing_officer', 'Lerato Mohapi', 'Maseru'],
    ['licensing_manager', 'Nthabiseng Makara', 'Maseru'],
    ['inspector', 'Thabo Mokhethi', 'Leribe'],
    ['police_officer', 'Constable Palesa Ntsane', 'Leribe'],
    ['analyst', 'Teboho Molapo', 'Maseru'],
    ['prosecutor', 'Advocate Limpho Sekoati', 'Maseru'],
  ]
  return people.map(([role, name, district]) => ({
    role,
    name,
    district,
    email: `${role.replace('_', '.')}@demo.registry.ls`,
    password: `demo-${role.replace('_', '-')}-password`,
  }))
}
