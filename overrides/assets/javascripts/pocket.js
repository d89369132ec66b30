// The guide on the reader's device (hooks/keep_your_cool/features/pocket.py says how): once the page is loaded and the
// browser idle, register the worker and have it save the page's language (Save-Data: on request).
(() => {
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return
  const worker = new URL(document.currentScript.dataset.worker, document.baseURI)
  const words = JSON.parse(document.getElementById("kyc-words")?.textContent || "{}")
  const hadWorker = Boolean(navigator.serviceWorker.controller)
  let saved = []

  const ask = async message => {
    const registration = await navigator.serviceWorker.ready
    return new Promise(resolve => {
      const channel = new MessageChannel()
      channel.port1.onmessage = event => resolve(event.data)
      registration.active.postMessage(message, [channel.port2])
    })
  }

  // Offline, the switcher says which languages are not on the device.
  const markSwitcher = () => {
    for (const link of document.querySelectorAll(".md-select__link[hreflang]")) {
      let note = link.querySelector(".kyc-pocket-note")
      const missing = !navigator.onLine && !saved.includes(link.hreflang)
      if (missing && !note) {
        note = document.createElement("span")
        note.className = "kyc-pocket-note"
        note.style.cssText = "display:block;font-size:.6rem;line-height:1.3"  // under the name: the list must fit a phone
        note.textContent = words.offline_not_downloaded
        link.append(note)
      }
      if (!missing) note?.remove()
    }
  }

  const show = state => {
    saved = state?.saved || []
    document.documentElement.dataset.pocketSaved = saved.join(" ")
    markSwitcher()
  }

  const save = () => ask({ type: "save", page: location.href }).then(show)

  // Save-Data: the reader asks, with a button at the foot of the page.
  const offerToSave = () => {
    const place = document.querySelector(".md-footer-meta__inner")
    if (!place) return
    const button = document.createElement("button")
    button.type = "button"
    button.className = "md-button kyc-pocket-save"
    button.style.cssText = "margin:.6rem .8rem;font-size:.7rem;color:var(--md-footer-fg-color)"
    button.textContent = words.offline_save
    button.addEventListener("click", () => {
      button.disabled = true
      save().then(() => (button.textContent = words.offline_saved))
    })
    place.append(button)
  }

  // A new build has taken over: its pages are served from the next page on.
  const offerToReload = () => {
    const notice = document.createElement("div")
    notice.className = "md-dialog md-dialog--active kyc-pocket-update"
    notice.setAttribute("role", "status")
    const inner = document.createElement("div")
    inner.className = "md-dialog__inner md-typeset"
    const button = document.createElement("button")
    button.type = "button"
    button.textContent = words.offline_reload
    button.style.cssText = "color:inherit;font:inherit;text-decoration:underline;background:none;border:0;cursor:pointer"
    button.addEventListener("click", () => location.reload())
    inner.append(`${words.offline_update} `, button)
    notice.append(inner)
    document.body.append(notice)
  }

  const start = async () => {
    try {
      await navigator.serviceWorker.register(worker, { scope: new URL(".", worker).href })
    } catch {
      return  // no worker (private mode, a host refusing it): the site works as before
    }
    navigator.serviceWorker.addEventListener("controllerchange", () => hadWorker && offerToReload())
    addEventListener("online", markSwitcher)
    addEventListener("offline", markSwitcher)
    const status = await ask({ type: "status", page: location.href })
    show(status)
    if (saved.includes(status.language)) return
    if (navigator.connection?.saveData) offerToSave()
    else await save()
  }
  const idle = () => ("requestIdleCallback" in window ? requestIdleCallback(start, { timeout: 5000 }) : setTimeout(start, 1000))
  document.readyState === "complete" ? idle() : addEventListener("load", idle, { once: true })
})()
