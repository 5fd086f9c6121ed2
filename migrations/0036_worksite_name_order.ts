import { type Kysely, sql } from 'kysely'

// The order of worksites' names as a reader expects it, the same in every database whatever its
// collation: each accented letter of Latin-1 and Latin Extended-A (Sesotho's š among them) read
// as its plain letter, ignoring case, so "Tšepo" sorts beside "Tsepo", not after "Zama". Stored,
// because translating every name of a district at each ranking doubled its time.
const ACCENTED = Array.from({ length: 0x17f - 0xc0 + 1 }, (_, i) => String.fromCharCode(0xc0 + i)).filter(
  (c) => /^[a-z]$/i.test(c.normalize('NFD')[0]!) && c.normalize('NFD').length > 1,
)
const PLAIN = ACCENTED.map((c) => c.normalize('NFD')[0]!.toLowerCase())

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table worksites add column name_order text not null generated always as
      (translate(lower(name), ${sql.lit(ACCENTED.join(''))}, ${sql.lit(PLAIN.join(''))})) stored`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table worksites drop column name_order`.execute(db)
}
