import { PGlite, types } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'

let t = Date.now()
const db = new PGlite({ extensions: { pg_trgm }, parsers: { [types.DATE]: (v: string) => v } })
await db.waitReady
console.log('start mem', Date.now() - t)
const r = await db.query("select count(*) c, 5::int8 b, 1.5::numeric n, '2026-01-02'::date d, now() ts")
console.log(r.rows)
t = Date.now()
const dump = await db.dumpDataDir('none')
console.log('dump', Date.now() - t, dump.size)
t = Date.now()
const db2 = new PGlite({ loadDataDir: dump, extensions: { pg_trgm } })
await db2.waitReady
console.log('load', Date.now() - t)
