// sw.js when mkdocs.yml turns the offline copy off (the keep-your-cool plugin's `pocket: enabled: false`; hooks/keep_your_cool/features/pocket.py):
// on readers' devices that saved the guide with an earlier build, take over from the worker that
// saved it and delete what it saved. With no fetch handler, the browser sends every request to the
// site as if there were no worker. (Unregistering instead would race with a page still open from
// the old copy, which registers the worker again.)
"use strict"

const CACHE_PREFIX = `keep-your-cool ${new URL(self.registration.scope).pathname} `

self.addEventListener("install", () => self.skipWaiting())

self.addEventListener("activate", event => {
  event.waitUntil((async () => {
    await self.clients.claim()
    for (const name of await caches.keys()) if (name.startsWith(CACHE_PREFIX)) await caches.delete(name)
  })())
})
