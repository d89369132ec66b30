// The service worker that keeps each language of the guide on the reader's device (hooks/keep_your_cool/features/pocket.py
// serves it as sw.js at the site's root, headed by GUIDES: each language's files, with a hash of
// each, and its version).
//
// - A language is saved when a page of it asks (assets/javascripts/pocket.js, once the page has
//   loaded and the browser is idle), into a cache of its own version; the cache counts only once
//   its last file is in and a mark says so. An interrupted download resumes where it stopped.
// - Saved files are answered from the device; anything else from the network; an address that is
//   neither, while offline, gets the language's offline page.
// - A new build is a new worker: it installs only once every saved language has its new version
//   (unchanged files copied from the old one), so a failed download leaves the working copy and the
//   old worker in place; then it takes over, and old versions are deleted.
"use strict"

const SCOPE = new URL(self.registration.scope)
// Several copies of the guide may share an origin (/kyc/, /kyc-old/): cache names carry the scope.
const CACHE_PREFIX = `keep-your-cool ${SCOPE.pathname} `
const SAVED_MARK = new URL("pocket-saved-mark", SCOPE).href  // never requested: not in any language's files
const PARALLEL_DOWNLOADS = 4

const address = path => new URL(path, SCOPE).href
const cacheName = locale => `${CACHE_PREFIX}${locale} ${GUIDES[locale].version}`

// address -> the languages whose saved copy holds it
const OWNERS = new Map()
for (const [locale, guide] of Object.entries(GUIDES))
  for (const path of Object.keys(guide.files)) OWNERS.set(address(path), [...(OWNERS.get(address(path)) || []), locale])

// The language an address belongs to: the one whose folder it is in, else the default (prefix "").
function languageOf(url) {
  const path = new URL(url).pathname
  if (!path.startsWith(SCOPE.pathname)) return null
  const inside = path.slice(SCOPE.pathname.length)
  const found = Object.entries(GUIDES).filter(([, guide]) => inside.startsWith(guide.prefix))
  found.sort(([, a], [, b]) => b.prefix.length - a.prefix.length)
  return found.length ? found[0][0] : null
}

// The complete copy of a language in this worker's version, or null.
const complete = new Map()  // locale -> its saved copy, once found complete (a version never changes)
async function savedCopy(locale) {
  if (complete.has(locale)) return complete.get(locale)
  if (!GUIDES[locale] || !(await caches.has(cacheName(locale)))) return null
  const cache = await caches.open(cacheName(locale))
  if (!(await cache.match(SAVED_MARK))) return null
  complete.set(locale, cache)
  return cache
}

// Complete copies of a language in any version (an older worker's too), with the hashes they hold.
async function savedVersions(locale) {
  const copies = []
  for (const name of await caches.keys()) {
    if (!name.startsWith(`${CACHE_PREFIX}${locale} `)) continue
    const cache = await caches.open(name)
    const mark = await cache.match(SAVED_MARK)
    if (mark) copies.push({ cache, files: await mark.json() })
  }
  return copies
}

async function download(locale) {
  const guide = GUIDES[locale]
  const cache = await caches.open(cacheName(locale))
  if (await cache.match(SAVED_MARK)) return
  const older = await savedVersions(locale)
  const queue = Object.entries(guide.files)
  const fetchOne = async ([path, hash]) => {
    const url = address(path)
    if (await cache.match(url)) return  // saved before an interruption
    for (const copy of older) {
      const unchanged = copy.files[path] === hash && (await copy.cache.match(url))
      if (unchanged) return cache.put(url, unchanged)
    }
    const response = await fetch(url, { cache: "no-cache" })  // revalidated: never an old file from the HTTP cache
    if (!response.ok || response.redirected) throw new Error(`${url}: ${response.status}`)
    await cache.put(url, response)
  }
  const lanes = Array.from({ length: PARALLEL_DOWNLOADS }, async () => {
    while (queue.length) await fetchOne(queue.shift())
  })
  await Promise.all(lanes)
  await cache.put(SAVED_MARK, new Response(JSON.stringify(guide.files), { headers: { "Content-Type": "application/json" } }))
}

const downloading = new Map()  // locale -> its download under way (several tabs may ask at once)
function save(locale) {
  if (!GUIDES[locale]) return Promise.resolve()
  if (!downloading.has(locale))
    downloading.set(locale, download(locale).finally(() => downloading.delete(locale)))
  return downloading.get(locale)
}

// Every cache of this copy of the guide that is not this worker's version of a language.
async function deleteOldVersions() {
  const current = new Set(Object.keys(GUIDES).map(cacheName))
  for (const name of await caches.keys())
    if (name.startsWith(CACHE_PREFIX) && !current.has(name)) await caches.delete(name)
}

async function savedLanguages() {
  const saved = []
  for (const locale of Object.keys(GUIDES)) if (await savedCopy(locale)) saved.push(locale)
  return saved
}

self.addEventListener("install", event => {
  event.waitUntil((async () => {
    // The languages the reader saved with an earlier build: their new version first, or no install.
    for (const locale of Object.keys(GUIDES))
      if ((await savedVersions(locale)).length) await save(locale)
    await self.skipWaiting()
  })())
})

self.addEventListener("activate", event => {
  event.waitUntil((async () => {
    await deleteOldVersions()
    await self.clients.claim()
  })())
})

self.addEventListener("message", event => {
  const { type, page } = event.data || {}
  const reply = event.ports[0]
  if (type === "save") {
    const locale = languageOf(page)
    event.waitUntil(save(locale).catch(() => {}).then(savedLanguages).then(saved => reply?.postMessage({ saved })))
  } else if (type === "status") {
    event.waitUntil(savedLanguages().then(saved => reply?.postMessage({ saved, language: languageOf(page) })))
  }
})

// The offline page of the address's language, else of the page the reader came from, else any
// saved one, answered at the address asked for: a <base> keeps its relative links working.
async function offlinePage(url, referrer) {
  const languages = [languageOf(url), referrer && languageOf(referrer), ...Object.keys(GUIDES)]
  for (const locale of languages) {
    const cache = locale && (await savedCopy(locale))
    const page = cache && (await cache.match(address(GUIDES[locale].offline)))
    if (!page) continue
    const html = (await page.text()).replace(/<head>/i, `<head><base href="${address(GUIDES[locale].offline)}">`)
    return new Response(html, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" } })
  }
  return Response.error()
}

async function answer(request, url) {
  for (const locale of OWNERS.get(url) || []) {
    const cache = await savedCopy(locale)
    const saved = cache && (await cache.match(url))
    if (saved) return saved
  }
  try {
    return await fetch(request)
  } catch (error) {
    if (request.mode === "navigate") return offlinePage(url, request.referrer)
    throw error
  }
}

self.addEventListener("fetch", event => {
  const { request } = event
  if (request.method !== "GET") return
  const url = new URL(request.url)
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return
  url.hash = ""
  url.search = ""
  if (url.pathname.endsWith("/index.html")) url.pathname = url.pathname.slice(0, -"index.html".length)
  // Other files (downloads, other sites' requests) go to the network as if there were no worker.
  if (OWNERS.has(url.href) || request.mode === "navigate") event.respondWith(answer(request, url.href))
})
