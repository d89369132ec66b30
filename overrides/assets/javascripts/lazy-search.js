// Search costs nothing until the reader opens it. Material starts its search worker and requests
// the search index as soon as a page loads, though most readers never search: hold both back
// until the search box is opened (tap, focus or keyboard shortcut), then let Material carry on.
// Relies on two things Material does, each checked by tests/test_browser_lazy_search.py:
// it creates the worker with `new Worker(__config.search)`, and fetches search/search_index.json
// by XMLHttpRequest (over file://, it loads search_index.js only once search is opened).
(() => {
  const config = JSON.parse(document.getElementById("__config").textContent)
  if (!config.search) return
  const workerUrl = new URL(config.search, document.baseURI).href
  const waiting = []
  let opened = false
  const whenOpened = start => (opened ? start() : waiting.push(start))
  const open = () => {
    if (opened) return
    opened = true
    waiting.splice(0).forEach(start => start())
  }

  // A stand-in for the search worker: keeps Material's messages until the real one exists.
  const RealWorker = window.Worker  // iframe-worker's shim on file://, loaded in <head>
  class LazySearchWorker extends EventTarget {
    constructor(url) {
      super()
      this.queue = []
      whenOpened(() => {
        this.worker = new RealWorker(url)
        this.worker.addEventListener("message", event =>
          this.dispatchEvent(new MessageEvent("message", { data: event.data })))
        this.queue.splice(0).forEach(message => this.worker.postMessage(message))
      })
    }
    postMessage(message) {
      this.worker ? this.worker.postMessage(message) : this.queue.push(message)
    }
    terminate() {
      this.worker?.terminate()
    }
  }
  window.Worker = function Worker(url, options) {
    return new URL(url, document.baseURI).href === workerUrl
      ? new LazySearchWorker(url)
      : new RealWorker(url, options)
  }

  const { open: openRequest, send } = XMLHttpRequest.prototype
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.searchIndex = /\/search\/search_index\.json$/.test(new URL(url, document.baseURI).pathname)
    return openRequest.call(this, method, url, ...rest)
  }
  XMLHttpRequest.prototype.send = function (body) {
    if (!this.searchIndex) return send.call(this, body)
    whenOpened(() => send.call(this, body))
  }

  // Opening search: the toggle (tap on the magnifier, or Material's keyboard shortcuts),
  // focus in the search box, or the first touch on either, to start a few milliseconds early.
  document.getElementById("__search")?.addEventListener("change", open)
  document.addEventListener("focusin", event => event.target.closest?.(".md-search") && open())
  document.addEventListener("pointerdown", event =>
    event.target.closest?.(".md-search, label[for=__search]") && open(), true)
})()
