import { type Kysely, sql } from 'kysely'

// Many are deceived on farms and mines abroad: a report says so (USSD "0 Outside Lesotho"),
// which is not the same as not knowing the district.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table complaints add column outside_lesotho boolean not null default false`.execute(db)
  await sql`alter table complaints add constraint complaints_outside_no_district
    check (not outside_lesotho or district is null)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table complaints drop column outside_lesotho`.execute(db)
}
