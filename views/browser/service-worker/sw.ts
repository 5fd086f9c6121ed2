// The service worker for field work (served from /inspections/sw.js, scope the whole site). It
// keeps, for the signed-in inspector, the pages they opened that field work needs (the home page,
// worksite pages, the inspection forms, the list of what is kept on the device) and the files
// they use, so the registry opens on a farm with no signal. Pages are always asked of the network
// first: a kept copy is used only when that fails. Kept pages belong to one user: another user of
// the device never sees them, and signing out removes them.

// A module, so `self` can be declared as what it is here.
export {}

declare const self: ServiceWorkerGlobalScope
/** Set when the build bundles this file: the hashed static files and the pages to keep. */
declare const __ASSETS__: string[]
declare const __PAGES__: string[]
declare const __VERSION__: string

const FILES = 'rr-files'
const PAGES = 'rr-pages-'
const META = 'rr-meta'
const KEPT_PAGE = /^\/(staff|worksites\/[0-9a-f-]{36}|inspections\/(new|device|[0-9a-f-]{36}\/edit))$/

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const files = await caches.open(FILES)
      await files.addAll(__ASSETS__)
      await self.skipWaiting()
    })(),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Earlier releases kept everything in one cache: gone, with files no longer used.
      for (const name of await caches.keys()) if (name === 'rr-offline') await caches.delete(name)
      const files = await caches.open(FILES)
      for (const r of await files.keys())
        if (!__ASSETS__.includes(new URL(r.url).pathname)) await files.delete(r)
      const user = await currentUser()
      // Kept pages name the new release's files: fetch them again.
      if (user) {
        const pages = await caches.open(PAGES + user)
        for (const r of await pages.keys()) await keepPage(user, r.url).catch(() => undefined)
      }
      await self.clients.claim()
    })(),
  )
})

/** Who is signed in on this device, as the pages last said. */
async function currentUser(): Promise<string | null> {
  const meta = await caches.open(META)
  const reply = await meta.match('/__user')
  return reply ? await reply.text() : null
}

/** Another user signed in: the pages of anyone else go. */
async function setUser(user: string) {
  const meta = await caches.open(META)
  if ((await currentUser()) === user) return
  await forgetPages(user)
  await meta.put('/__user', new Response(user))
  const pages = await caches.open(PAGES + user)
  await Promise.all(__PAGES__.map((page) => keepPage(user, page, pages).catch(() => undefined)))
}

/** Signed out, or a session ended: kept pages belong to whoever was signed in (drafts stay, see offline.tsx). */
async function forgetPages(except?: string) {
  for (const name of await caches.keys())
    if (name.startsWith(PAGES) && name !== PAGES + except) await caches.delete(name)
  if (!except) await (await caches.open(META)).delete('/__user')
}

async function keepPage(user: string, url: string, cache?: Cache) {
  const response = await fetch(url, { credentials: 'same-origin', cache: 'no-store' })
  if (endsSession(response)) return forgetPages()
  if (response.ok && !response.redirected)
    await (cache ?? (await caches.open(PAGES + user))).put(withoutHash(url), response)
}

/** The registry sent this request to its sign-in page, or refused it as signed out. */
const endsSession = (response: Response) =>
  response.status === 401 || (response.redirected && new URL(response.url).pathname === '/login')

const withoutHash = (url: string) => url.split('#')[0]!

self.addEventListener('message', (event) => {
  const data = event.data as { user?: string; keep?: string }
  if (!data.user) return
  const user = data.user
  event.waitUntil(
    (async () => {
      await setUser(user)
      if (data.keep && KEPT_PAGE.test(new URL(data.keep, self.location.origin).pathname)) {
        const pages = await caches.open(PAGES + user)
        if (!(await pages.match(withoutHash(data.keep))))
          await keepPage(user, data.keep, pages).catch(() => undefined)
      }
    })(),
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  if (url.pathname.startsWith('/static/')) {
    event.respondWith(fromCacheFirst(request))
    return
  }
  if (request.mode === 'navigate') event.respondWith(fromNetworkFirst(request, url))
})

async function fromCacheFirst(request: Request) {
  const kept = await caches.match(request)
  return kept ?? fetch(request)
}

async function fromNetworkFirst(request: Request, url: URL) {
  try {
    const response = await fetch(request)
    // Signing out lands on the sign-in page: what was kept for the user goes.
    if (endsSession(response) || (url.pathname === '/login' && url.searchParams.has('signed_out')))
      await forgetPages()
    else if (response.ok && !response.redirected && KEPT_PAGE.test(url.pathname)) {
      const user = await currentUser()
      if (user) await (await caches.open(PAGES + user)).put(withoutHash(request.url), response.clone())
    }
    return response
  } catch {
    const user = await currentUser()
    const kept = user ? await (await caches.open(PAGES + user)).match(withoutHash(request.url)) : undefined
    return kept ? markedAsKept(kept) : offlinePage()
  }
}

/** A kept page, marked so that the page can say it is a copy (views/browser/offline.tsx). */
async function markedAsKept(kept: Response) {
  const html = (await kept.text()).replace('<main ', '<main data-kept-copy="" ')
  const headers = new Headers(kept.headers)
  // The kept body is already decoded; the length changed.
  headers.delete('content-encoding')
  headers.delete('content-length')
  return new Response(html, { status: kept.status, statusText: kept.statusText, headers })
}

function offlinePage() {
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>No network – Labour Recruiter Registry</title>${__ASSETS__
    .filter((a) => a.endsWith('.css'))
    .map((a) => `<link rel="stylesheet" href="${a}">`)
    .join('')}</head>
<body><main class="wrap"><h1>No network</h1>
<p>This page was not opened on this device while there was a network, so it cannot be shown now.</p>
<p>Pages opened before are kept: <a href="/staff">your home page</a>,
<a href="/inspections/new">the form for a worksite not yet in the register</a>,
and <a href="/inspections/device">the inspections kept on this device</a>.</p></main></body></html>`
  return new Response(html, {
    status: 503,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'X-Registry-Offline': __VERSION__ },
  })
}
