// sw.js when mkdocs.yml turns the offline copy off (`extra: pocket: enabled: false`; hooks/pocket.py):
// on readers' devices that saved the guide with an earlier build, delete what it saved, stop
// serving pages, and load each open page again from the site.
"use strict"

const CACHE_PREFIX = `keep-your-cool ${new URL(self.registration.scope).pathname} `

self.addEventListener("install", () => self.skipWaiting())

self.addEventListener("activate", event => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith(CACHE_PREFIX)) await caches.delete(name)
    await self.registration.unregister()
    for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url)
  })())
})
