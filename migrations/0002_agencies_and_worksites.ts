import { type Kysely, sql } from 'kysely'

// The registry's two core registers, in their first shape: recruitment agencies and the
// worksites inspectors visit. Licences, people and inspections build on these later.

const DISTRICTS = [
  'Berea',
  'Butha-Buthe',
  'Leribe',
  'Mafeteng',
  'Maseru',
  "Mohale's Hoek",
  'Mokhotlong',
  "Qacha's Nek",
  'Quthing',
  'Thaba-Tseka',
]
const SECTORS = [
  'agriculture',
  'manufacturing',
  'mining',
  'construction',
  'domestic_work',
  'hospitality',
  'security_services',
  'other',
]
const WORKSITE_KINDS = ['factory', 'farm', 'mine', 'construction_site', 'private_household', 'other']

const inList = (values: string[]) => sql.join(values.map((v) => sql.lit(v)))

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agencies')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('legal_name', 'text', (col) => col.notNull())
    .addColumn('trading_names', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('registration_number', 'text', (col) => col.notNull().unique())
    .addColumn('district', 'text', (col) => col.notNull().check(sql`district in (${inList(DISTRICTS)})`))
    .addColumn('physical_address', 'text', (col) => col.notNull())
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('sectors', sql`text[]`, (col) =>
      col
        .notNull()
        .defaultTo(sql`'{}'`)
        .check(sql`sectors <@ array[${inList(SECTORS)}]::text[]`),
    )
    .addColumn('destination_countries', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('notes', 'text')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('agencies_district_idx').on('agencies').column('district').execute()

  await db.schema
    .createTable('worksites')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in (${inList(WORKSITE_KINDS)})`))
    .addColumn('sector', 'text', (col) => col.notNull().check(sql`sector in (${inList(SECTORS)})`))
    .addColumn('operator', 'text')
    .addColumn('district', 'text', (col) => col.notNull().check(sql`district in (${inList(DISTRICTS)})`))
    .addColumn('village', 'text', (col) => col.notNull())
    .addColumn('latitude', 'double precision', (col) => col.check(sql`latitude between -31 and -28`))
    .addColumn('longitude', 'double precision', (col) => col.check(sql`longitude between 27 and 30`))
    .addColumn('approx_workers', 'integer', (col) => col.check(sql`approx_workers >= 0`))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('worksites_district_idx').on('worksites').column('district').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('worksites').execute()
  await db.schema.dropTable('agencies').execute()
}
