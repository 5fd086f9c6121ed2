import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import type { IncomingHttpHeaders } from 'node:http'
import { createServer } from 'node:net'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { sql } from 'kysely'
import pg from 'pg'
import { openDatabase } from '../src/db/database.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { demoUsers } from '../src/demo/generate.js'
import { seedDemoData } from '../src/demo/seed.js'
import { SCENARIOS, type Scenario, TIMED_WORK } from './scenarios.js'

// `npm run bench -- --scale 1000`: a fresh PostgreSQL database filled by the demo generator,
// the real server in a child process, and each scenario driven by autocannon.
const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    // Run again on a database kept by --keep (skips creating and loading).
    reuse: { type: 'string' },
    // Write a CPU profile of the server to this folder (open it in Chrome's DevTools).
    profile: { type: 'string' },
  },
})
const scale = Number(args.scale)
const duration = Number(args.duration)
const connections = Number(args.connections)
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const scenarios = args.only ? SCENARIOS.filter((s) => args.only!.split(',').includes(s.name)) : SCENARIOS

const withDatabase = (url: string, name: string) => {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

async function adminQuery(sqlText: string) {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(sqlText)
  } finally {
    await client.end()
  }
}

/** Resets a process's peak resident memory to its current size (Linux), returning that in MB. */
function resetPeakRss(pid: number): number | null {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return Math.round(Number(status.match(/VmRSS:\s+(\d+) kB/)?.[1]) / 1024)
  } catch {
    return null
  }
}

/** Peak resident memory of a process (Linux), in MB. */
function peakRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = Number(status.match(/VmHWM:\s+(\d+) kB/)?.[1])
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null
  } catch {
    return null
  }
}

const dbName = args.reuse ?? `rr_bench_${Date.now()}`
const dbUrl = withDatabase(adminUrl, dbName)
const started = performance.now()
if (!args.reuse) {
  console.log(`Creating database ${dbName} and loading ${scale.toLocaleString('en')} agencies ...`)
  await adminQuery(`create database ${dbName}`)
}
const handle = await openDatabase({ databaseUrl: dbUrl, dataDir: '' })
await migrateToLatest(handle.db)
if (!args.reuse) {
  await seedDemoData(handle.db, {
    agencies: scale,
    // As many worksites as agencies, five inspections each (issues 6 and 7: 100,000 and 500,000).
    worksites: scale,
    inspections: scale * 5,
    // Issue 20: 20,000 criminal cases at 100,000 agencies, most from referrals.
    totalCases: Math.round(scale / 5),
    onProgress: (done, total) => {
      if (done % 20_000 === 0 || done === total)
        process.stdout.write(`  ${done.toLocaleString('en')} agencies\r`)
    },
  })
}
// Statistics and visibility maps, as autovacuum keeps them on a production database.
await sql`vacuum analyze`.execute(handle.db)
const scenarioPaths = new Map<string, string[]>()
const scenarioSamples = new Map<string, string[]>()
for (const s of scenarios) {
  scenarioPaths.set(s.name, await s.paths(handle.db))
  if (s.post) scenarioSamples.set(s.name, await s.post.samples(handle.db))
}
console.log(`\nLoaded in ${((performance.now() - started) / 1000).toFixed(1)} s.`)
const timings: { name: string; slowest: string; slowestMs: number; medianMs: number }[] = []
for (const work of TIMED_WORK) {
  const times: [string, number][] = []
  for (const item of work.items) {
    const t0 = performance.now()
    await work.run(handle.db, item)
    times.push([item, Math.round(performance.now() - t0)])
  }
  const sorted = [...times].sort((a, b) => a[1] - b[1])
  const [slowest, slowestMs] = sorted[sorted.length - 1]!
  const medianMs = sorted[Math.floor(sorted.length / 2)]![1]
  timings.push({ name: work.name, slowest, slowestMs, medianMs })
  console.log(`${work.name} (${work.about}): median ${medianMs} ms, slowest ${slowestMs} ms (${slowest})`)
}
await handle.close()

const port = await freePort()
const profiling = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${args.profile}`] : []
// Node's own flags as `npm start` gives them (the heap limit among them), read from package.json.
const startScript: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts.start
const serverFlags = startScript
  .slice(startScript.lastIndexOf('node '))
  .split(/\s+/)
  .filter((word) => word.startsWith('--'))
const startServer = () =>
  // The compiled server, as `npm start` runs it (`npm run bench` builds it first).
  spawn(process.execPath, [...profiling, ...serverFlags, 'dist/server.js'], {
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      // The load generator stands for the USSD gateway.
      USSD_GATEWAY_ADDRESSES: '127.0.0.1',
      // One load generator on one address: the per-address limits would measure only 429s.
      PUBLIC_LOOKUPS_PER_MINUTE: '100000000',
      COMPLAINTS_PER_HOUR: '100000000',
      // One gateway standing for thousands of phones at once.
      USSD_SCREENS_PER_MINUTE_TOTAL: '100000000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
let server = startServer()
const base = `http://127.0.0.1:${port}`

async function stopServer() {
  server.kill('SIGTERM')
  await new Promise((r) => server.once('exit', r))
}

/**
 * A download on a server started for it alone, so its peak memory is the download's: the rows
 * (lines after the header) and bytes received, and how long it took.
 */
async function measureDownload(s: Scenario) {
  const download = s.download!
  const rssBefore = peakRssMb(server.pid!)
  await stopServer()
  server = startServer()
  await waitForServer()
  const cookie = s.signedInAs ? await signIn(s.signedInAs) : undefined
  // Signing in hashes a password with scrypt (32 MiB for a moment): start the peak from here,
  // so it is the download's (Linux: writing 5 to clear_refs resets the peak to the current size).
  const rssAtStart = resetPeakRss(server.pid!)
  const started = performance.now()
  const res = await fetch(`${base}${download.path}`, { headers: cookie ? { cookie } : {} })
  if (!res.ok || !res.body) throw new Error(`${s.name}: ${download.path} answered ${res.status}`)
  let bytes = 0
  let lines = 0
  for await (const chunk of res.body) {
    bytes += chunk.length
    for (const byte of chunk) if (byte === 10) lines++
  }
  const seconds = (performance.now() - started) / 1000
  const result = {
    scenario: s.name,
    rows: lines - 1,
    megabytes: Math.round(bytes / 1e5) / 10,
    seconds: Math.round(seconds * 10) / 10,
    serverRssAtStartMb: rssAtStart,
    serverPeakRssMb: peakRssMb(server.pid!),
    earlierServerPeakRssMb: rssBefore,
  }
  console.log(
    `  ${s.name}: ${result.rows.toLocaleString('en')} rows, ${result.megabytes} MB in ${result.seconds} s; ` +
      `server started for it: ${result.serverRssAtStartMb} MB before, peak ${result.serverPeakRssMb} MB during`,
  )
  return result
}

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('the server did not start')
}

interface Row {
  scenario: string
  requestsPerSecond: number
  p50ms: number
  /** autocannon has no p95: p97.5 bounds it from above. */
  p97_5ms: number
  p99ms: number
  errors: number
  ratioToBaseline: number | null
  /** Answers a kept page gave (0 for every first view, or the run fails). */
  keptAnswers?: number
  /** The server's peak resident memory so far, after this scenario. */
  peakRssMb?: number | null
}

/**
 * The CSRF cookie and token a browser gets with the form at `path`: anonymous, or with a signed-in
 * browser's cookies (which already hold the CSRF cookie).
 */
async function formToken(path: string, signedIn?: string): Promise<{ cookie: string; token: string }> {
  const form = await fetch(`${base}${path}`, { headers: signedIn ? { cookie: signedIn } : {} })
  const cookie =
    signedIn ??
    form.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
  const token = (await form.text()).match(/name="_csrf" value="([^"]+)"/)?.[1]
  if (!cookie || !token) throw new Error(`${path} gave no CSRF cookie and token`)
  return { cookie, token }
}

/** Signs in as a demo user the way a browser does (CSRF cookie and token), returning the cookies. */
async function signIn(role: string): Promise<string> {
  const user = demoUsers().find((u) => u.role === role)!
  const form = await fetch(`${base}/login`)
  const csrfCookie = form.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const token = (await form.text()).match(/name="_csrf" value="([^"]+)"/)![1]!
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, email: user.email, password: user.password }).toString(),
  })
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  if (res.status !== 303 || !session) throw new Error(`could not sign in as ${role} (${res.status})`)
  return `${csrfCookie}; ${session}`
}

let unique = 0
/** Drives the paths; `kept` counts the answers a kept page gave (the X-Kept header). */
async function drive(paths: string[], seconds: number, cookie?: string, firstView = false) {
  const headers: Record<string, string> = { 'accept-encoding': 'br, gzip' }
  if (cookie) headers.cookie = cookie
  let kept = 0
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    headers,
    setupClient: (client) => {
      // The client emits the parsed head of each response ('headers'), which the types omit.
      const emitter = client as unknown as NodeJS.EventEmitter
      emitter.on('headers', ({ headers: raw }: { headers: string[] }) => {
        for (let i = 0; i < raw.length; i += 2) if (raw[i]!.toLowerCase() === 'x-kept') kept++
      })
    },
    requests: paths.map((path) =>
      firstView
        ? {
            method: 'GET',
            setupRequest: (req: autocannon.Request) => ({
              ...req,
              path: `${path}${path.includes('?') ? '&' : '?'}_=${unique++}`,
            }),
          }
        : { method: 'GET', path },
    ),
  })
  return Object.assign(result, { kept })
}

/**
 * What a write scenario sent and what came back, across its warm-up and its run: every key
 * sent, and for each answered with the expected status, the identifier its Location named.
 */
interface WriteLog {
  keyPrefix: string
  sent: Set<string>
  answered: Map<string, string>
  unexpected: number
  /** Replies for a key that named another row than an earlier reply for it. */
  contradicted: number
  resent: number
}

async function driveWrites(s: Scenario, seconds: number, log: WriteLog) {
  const post = s.post!
  const { cookie, token } = await formToken(
    post.formPath,
    s.signedInAs ? await signIn(s.signedInAs) : undefined,
  )
  const samples = scenarioSamples.get(s.name)!
  return autocannon({
    url: base,
    connections,
    duration: seconds,
    headers: { 'accept-encoding': 'br, gzip' },
    requests: scenarioPaths.get(s.name)!.map((path) => ({
      method: 'POST' as const,
      path,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      setupRequest: (req: autocannon.Request, context: object) => {
        let n = unique++
        // A resend repeats an earlier request whole: its number, so its key and its record.
        if (post.resendEvery && n % post.resendEvery === post.resendEvery - 1 && n > 5) {
          n -= 5
          log.resent++
        }
        const key = `${log.keyPrefix}${String(n).padStart(8, '0')}`
        ;(context as { key?: string }).key = key
        log.sent.add(key)
        const body = post.body(n, key, token, samples)
        if (!post.target) return { ...req, body }
        const target = post.target(n, token, samples)
        return { ...req, path: target.path, body, headers: { ...req.headers, cookie, ...target.headers } }
      },
      onResponse: (status: number, body: string, context: object, headers?: IncomingHttpHeaders) => {
        const location = headers?.location
        const identifier = post.replyNames
          ? post.replyNames(body)
          : location && new URL(location, base).pathname.split('/').pop()
        if ((status === post.expectedStatus || status === post.resentStatus) && identifier) {
          const key = (context as { key: string }).key
          const earlier = log.answered.get(key)
          if (earlier !== undefined && earlier !== identifier) log.contradicted++
          log.answered.set(key, identifier)
        } else log.unexpected++
      },
    })),
  })
}

/** Rows lost, doubled, stray or naming another identifier than the reply did; [] when none. */
async function checkWrites(s: Scenario, log: WriteLog): Promise<string[]> {
  // A request cut off when the run ended may still be committing.
  await new Promise((r) => setTimeout(r, 1000))
  const check = await openDatabase({ databaseUrl: dbUrl, dataDir: '' })
  try {
    const stored = await s.post!.storedRows(check.db, log.keyPrefix, log.sent)
    const byKey = new Map<string, string[]>()
    for (const row of stored) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row.identifier])
    const problems: string[] = []
    const doubled = [...byKey].filter(([, ids]) => ids.length > 1).length
    const lost = [...log.answered.keys()].filter((k) => !byKey.has(k)).length
    const stray = [...byKey.keys()].filter((k) => !log.sent.has(k)).length
    const mismatched = [...log.answered].filter(([k, id]) => byKey.has(k) && byKey.get(k)![0] !== id).length
    if (doubled) problems.push(`${doubled} keys stored more than once`)
    if (lost) problems.push(`${lost} answered submissions not stored`)
    if (stray) problems.push(`${stray} rows for keys never sent`)
    if (mismatched) problems.push(`${mismatched} replies named another row than the one stored`)
    if (log.contradicted) problems.push(`${log.contradicted} resends answered with another row`)
    console.log(
      `  ${s.name}: ${log.sent.size} keys sent (${log.resent} requests resending one), ` +
        `${log.answered.size} answered ${s.post!.expectedStatus}, ` +
        `${stored.length} rows stored${problems.length ? `: ${problems.join('; ')}` : ', each once'}`,
    )
    return problems
  } finally {
    await check.close()
  }
}

/** Sends each round's forms all at once; every honest one must be stored, every hostile one refused. */
async function runBurst(s: Scenario) {
  const burst = s.burst!
  const { cookie, token } = await formToken(burst.formPath)
  const prefix = `burst-${Date.now().toString(36)}-`
  const problems: string[] = []
  let requests = 0
  const latencies: number[] = []
  const started = performance.now()
  for (let round = 0; round < burst.rounds; round++) {
    const forms = [
      ...Array.from({ length: burst.honest }, (_, i) => ({
        honest: true,
        key: `${prefix}${round}-h${i}`,
        i,
      })),
      ...Array.from({ length: burst.hostile }, (_, i) => ({
        honest: false,
        key: `${prefix}${round}-x${i}`,
        i,
      })),
    ]
    const answers = await Promise.all(
      forms.map(async (f) => {
        const t0 = performance.now()
        const res = await fetch(`${base}/complaints/new`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          body: (f.honest ? burst.honestBody : burst.hostileBody)(f.i, f.key, token),
        })
        await res.arrayBuffer()
        latencies.push(performance.now() - t0)
        return { ...f, status: res.status }
      }),
    )
    requests += answers.length
    const check = await openDatabase({ databaseUrl: dbUrl, dataDir: '' })
    const stored = new Set(
      await burst.stored(
        check.db,
        forms.map((f) => f.key),
      ),
    )
    await check.close()
    for (const a of answers) {
      if (a.honest && (a.status !== 303 || !stored.has(a.key))) problems.push(`honest ${a.key} ${a.status}`)
      if (!a.honest && (a.status < 400 || a.status >= 500 || stored.has(a.key)))
        problems.push(`hostile ${a.key} ${a.status}`)
    }
  }
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!)
  console.log(
    `  ${s.name}: ${burst.rounds} rounds of ${burst.honest} honest and ${burst.hostile} hostile reports at once; ` +
      (problems.length
        ? `${problems.length} wrong: ${problems.slice(0, 5).join(', ')}`
        : 'every honest one stored, every hostile one refused'),
  )
  return {
    scenario: s.name,
    requestsPerSecond: Math.round(requests / seconds),
    p50ms: at(0.5),
    p97_5ms: at(0.975),
    p99ms: at(0.99),
    errors: problems.length,
    ratioToBaseline: null,
  }
}

const rows: Row[] = []
/** A scenario's row, with the server's peak memory so far (which scenario raised it). */
const record = (row: Row) => rows.push({ ...row, peakRssMb: peakRssMb(server.pid!) })
/** The row of a scenario driven for reading (not writing). */
const readRow = (scenario: string, r: Awaited<ReturnType<typeof drive>>): Row => ({
  scenario,
  requestsPerSecond: Math.round(r.requests.average),
  p50ms: r.latency.p50,
  p97_5ms: r.latency.p97_5,
  p99ms: r.latency.p99,
  errors: r.errors + r.timeouts + r.non2xx,
  ratioToBaseline: null,
  keptAnswers: r.kept,
})
const downloads: Awaited<ReturnType<typeof measureDownload>>[] = []
try {
  await waitForServer()
  const idleRss = (() => {
    try {
      return Math.round(
        Number(readFileSync(`/proc/${server.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/)?.[1]) / 1024,
      )
    } catch {
      return null
    }
  })()
  console.log(`Server resident memory idle after start: ${idleRss ?? 'unknown'} MB`)
  console.log(
    `Server up (pid ${server.pid}). ${connections} connections, ${duration} s per scenario, 3 s warm-up each.\n`,
  )
  // Downloads restart the server to measure its memory alone: they come after the rest.
  const ordered = [...scenarios.filter((s) => !s.download), ...scenarios.filter((s) => s.download)]
  let rssBeforeDownloads: number | null = null
  // The highest peak before a scenario that measures its own (which resets it).
  let peakBefore = 0
  for (const s of ordered) {
    if (s.download) {
      rssBeforeDownloads ??= peakRssMb(server.pid!)
      downloads.push(await measureDownload(s))
      continue
    }
    if (s.burst) {
      record(await runBurst(s))
      continue
    }
    const paths = scenarioPaths.get(s.name)!
    if (paths.length === 0) throw new Error(`scenario ${s.name} has no paths at this scale`)
    // Its own peak: the peak so far is kept for the whole run's figure, then reset.
    if (s.ownPeak) {
      peakBefore = Math.max(peakBefore, peakRssMb(server.pid!) ?? 0)
      resetPeakRss(server.pid!)
    }
    if (s.post) {
      const log: WriteLog = {
        keyPrefix: `bench-${Date.now().toString(36)}-`,
        sent: new Set(),
        answered: new Map(),
        unexpected: 0,
        contradicted: 0,
        resent: 0,
      }
      await driveWrites(s, 3, log)
      const unexpectedInWarmUp = log.unexpected
      const r = await driveWrites(s, duration, log)
      const problems = await checkWrites(s, log)
      record({
        scenario: s.name,
        requestsPerSecond: Math.round(r.requests.average),
        p50ms: r.latency.p50,
        p97_5ms: r.latency.p97_5,
        p99ms: r.latency.p99,
        errors: r.errors + r.timeouts + (log.unexpected - unexpectedInWarmUp) + problems.length,
        ratioToBaseline: null,
      })
      continue
    }
    const cookie = s.signedInAs ? await signIn(s.signedInAs) : undefined
    // Each page asked for once, one at a time, before the warm-up: a page whose data is kept
    // (a district's ranking, the dashboard's figures) is made once, as in steady use. What making
    // it costs is timed on its own above ("afresh").
    if (!s.firstView)
      for (const path of paths) await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} })
    await drive(paths, 3, cookie, s.firstView)
    const r = await drive(paths, duration, cookie, s.firstView)
    // A first view answered from memory would measure the cache, not the registry.
    if (s.firstView && r.kept > 0) throw new Error(`${s.name}: ${r.kept} answers came from kept pages`)
    record(readRow(s.name, r))
  }
  // The machine's speed drifts over a run of many minutes (other tenants of the host): the
  // baseline is asked again at the end, and ratios are to the mean of the two.
  if (rows.length > 1 && rows.some((r) => r.scenario === 'baseline'))
    record(readRow('baseline (again, at the end)', await drive(scenarioPaths.get('baseline')!, duration)))
  const baselines = rows.filter((r) => r.scenario.startsWith('baseline')).map((r) => r.requestsPerSecond)
  const baseline = baselines.length ? baselines.reduce((a, b) => a + b, 0) / baselines.length : undefined
  if (baselines.length === 2 && Math.abs(baselines[0]! - baselines[1]!) > 0.2 * baseline!)
    console.warn(
      `The baseline moved by more than a fifth during the run (${baselines.join(' then ')} req/s): this machine's speed changed, so compare ratios with care.`,
    )
  for (const r of rows)
    r.ratioToBaseline = baseline ? Math.round((r.requestsPerSecond / baseline) * 100) / 100 : null
  const rss = Math.max(peakBefore, rssBeforeDownloads ?? peakRssMb(server.pid!) ?? 0) || null

  console.table(
    rows.map((r) => ({
      scenario: r.scenario,
      'req/s': r.requestsPerSecond,
      'p50 ms': r.p50ms,
      'p97.5 ms': r.p97_5ms,
      'p99 ms': r.p99ms,
      errors: r.errors,
      'x baseline': r.ratioToBaseline,
      kept: r.keptAnswers ?? '–',
      'peak MB': r.peakRssMb,
    })),
  )
  console.log(`Server peak RSS over the scenarios above: ${rss ?? 'unknown'} MB`)
  mkdirSync('bench/results', { recursive: true })
  const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`
  writeFileSync(
    file,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        scale,
        duration,
        connections,
        node: process.version,
        rows,
        downloads,
        timings,
        idleRssMb: idleRss,
        peakRssMb: rss,
      },
      null,
      2,
    ),
  )
  console.log(`Results written to ${file}`)
  if (rows.some((r) => r.errors > 0)) process.exitCode = 1
} finally {
  await stopServer()
  if (!args.keep && !args.reuse) await adminQuery(`drop database if exists ${dbName} with (force)`)
}
