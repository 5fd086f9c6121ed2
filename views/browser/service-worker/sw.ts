// The inspection form's service worker (scope /inspections/). It keeps the form pages an
// inspector has opened, and the files they use, so the form opens on a farm with no signal.
// Pages are always asked of the network first: a kept copy is only used when that fails.

// A module, so `self` can be declared as what it is here.
export {}

declare const self: ServiceWorkerGlobalScope
/** Set when the server bundles this file: the hashed static files and the pages to keep. */
declare const __ASSETS__: string[]
declare const __PAGES__: string[]
declare const __VERSION__: string

const CACHE = 'rr-offline'
// Only these pages are kept: the forms and the list of what waits on the device.
const KEPT_PAGE = /^\/inspections\/(new|device|[0-9a-f-]{36}\/edit)$/

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE)
      await cache.addAll(__ASSETS__)
      // A page the signed-in user may not open (or a network hiccup) is simply not kept.
      await Promise.all(__PAGES__.map((page) => keepPage(cache, page).catch(() => undefined)))
      await self.skipWaiting()
    })(),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE)
      const requests = await cache.keys()
      // Kept pages name the new release's files: fetch them again, then drop files no longer used.
      await Promise.all(
        requests
          .filter((r) => KEPT_PAGE.test(new URL(r.url).pathname))
          .map((r) => keepPage(cache, r.url).catch(() => undefined)),
      )
      await Promise.all(
        requests
          .filter((r) => {
            const path = new URL(r.url).pathname
            return path.startsWith('/static/') && !__ASSETS__.includes(path)
          })
          .map((r) => cache.delete(r)),
      )
      await self.clients.claim()
    })(),
  )
})

async function keepPage(cache: Cache, url: string) {
  const response = await fetch(url, { credentials: 'same-origin', cache: 'no-store' })
  if (response.ok && !response.redirected) await cache.put(withoutHash(url), response)
  else if (response.status === 401) await forgetPages(cache)
}

/** Signed out: the kept pages belong to whoever was signed in (drafts stay, see offline.tsx). */
async function forgetPages(cache: Cache) {
  for (const r of await cache.keys())
    if (!new URL(r.url).pathname.startsWith('/static/')) await cache.delete(r)
}

const withoutHash = (url: string) => url.split('#')[0]!

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  if (url.pathname.startsWith('/static/')) {
    event.respondWith(fromCacheFirst(request))
    return
  }
  if (request.mode === 'navigate' && url.pathname.startsWith('/inspections/')) {
    event.respondWith(fromNetworkFirst(request, url))
  }
})

async function fromCacheFirst(request: Request) {
  const kept = await caches.match(request)
  return kept ?? fetch(request)
}

async function fromNetworkFirst(request: Request, url: URL) {
  const cache = await caches.open(CACHE)
  try {
    const response = await fetch(request)
    if (response.ok && !response.redirected && KEPT_PAGE.test(url.pathname))
      await cache.put(withoutHash(request.url), response.clone())
    if (response.status === 401) await forgetPages(cache)
    return response
  } catch {
    const kept = await cache.match(withoutHash(request.url))
    if (kept) return kept
    return offlinePage()
  }
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
<p>Forms opened before are kept: <a href="/inspections/new">record an inspection of a new worksite</a>,
or see <a href="/inspections/device">the inspections kept on this device</a>.</p></main></body></html>`
  return new Response(html, {
    status: 503,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'X-Registry-Offline': __VERSION__ },
  })
}
