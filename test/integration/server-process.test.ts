import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

// The real `npm start` entry point, compiled (dist/server.js, built by the test setup), in a child
// process on a new embedded database.
const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

function startServer(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'rr-server-'))
  dirs.push(dir)
  const { DATABASE_URL: _ignored, ...inherited } = process.env
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server.js'], {
    env: { ...inherited, DATA_DIR: join(dir, 'data'), PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (d) => {
    stdout += d
  })
  child.stderr!.on('data', (d) => {
    stderr += d
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, exited, output: () => ({ stdout, stderr }) }
}

// A fresh embedded database takes 10-13 s to create and migrate on these machines (its first
// migration alone about 6 s), more while other test files run beside it.
async function waitForUrl(server: ReturnType<typeof startServer>): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const match = server.output().stdout.match(/"url":"(http:\/\/[^"]+)".*"msg":"registry listening"/)
    if (match) return match[1]!
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`server did not start:\n${server.output().stderr}`)
}

describe('the server process', () => {
  let child: ChildProcess | undefined
  afterAll(() => child?.kill('SIGKILL'))

  it('starts on an empty embedded database, prints the setup link, and drains on SIGTERM', {
    timeout: 60_000,
  }, async () => {
    const server = startServer({})
    child = server.child
    const url = await waitForUrl(server)
    expect(server.output().stdout).toMatch(/\/setup\?token=[\w-]{40,}/)
    expect((await fetch(`${url}/`)).status).toBe(200)

    // Creating the administrator hashes a password (tens of milliseconds): a request surely
    // in flight when SIGTERM arrives. It must still be answered before the process exits.
    const link = server.output().stdout.match(/(http:\/\/\S+\/setup\?token=[\w-]+)/)![1]!
    const form = await fetch(link.replace('localhost', '127.0.0.1'))
    const cookie = form.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const csrf = (await form.text()).match(/name="_csrf" value="([^"]+)"/)![1]!
    const token = new URL(link).searchParams.get('token')!
    const inFlight = fetch(`${url}/setup`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        _csrf: csrf,
        token,
        name: 'Drain Test',
        email: 'drain@labour.gov.ls',
        home_district: 'Maseru',
        password: 'a long enough password',
        confirm_password: 'a long enough password',
      }).toString(),
    })
    await new Promise((r) => setTimeout(r, 30))
    server.child.kill('SIGTERM')
    expect((await inFlight).status).toBe(303)
    expect(await server.exited).toBe(0)
    expect(server.output().stdout).toContain('draining requests and closing the database')
    await expect(fetch(`${url}/`)).rejects.toThrow()
  })

  it('refuses to start with a bad setting, naming the variable', async () => {
    const server = startServer({ PORT: 'eighty' })
    expect(await server.exited).toBe(1)
    expect(server.output().stderr).toContain('PORT')
  })
})
