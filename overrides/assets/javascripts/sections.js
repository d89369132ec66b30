// Trainers share links to sections: make each heading's permalink copy the full address,
// and keep the section when the reader switches language.
(() => {
  const config = JSON.parse(document.getElementById("__config").textContent)

  function confirm(message) {
    // Material's own dialog, announced politely to screen readers
    const dialog = document.querySelector("[data-md-component=dialog]")
    if (!dialog) return
    dialog.setAttribute("role", "status")
    dialog.querySelector(".md-dialog__inner").textContent = message
    dialog.classList.add("md-dialog--active")
    setTimeout(() => dialog.classList.remove("md-dialog--active"), 2000)
  }

  // From the offline edition (file://), share the published address of the section (the page's
  // canonical address, hooks/keep_your_cool/features/offline_edition.py), never a path on this computer.
  function shareable(permalink) {
    const canonical = document.querySelector("link[rel=canonical]")
    return location.protocol === "file:" && canonical ? new URL(permalink.hash, canonical.href).href : permalink.href
  }

  for (const link of document.querySelectorAll(".md-content .headerlink")) {
    link.setAttribute("aria-label", link.title)
  }

  // The section the reader is in when switching language, read then rather than tracked while
  // scrolling: the address's own #section while its heading is on screen, else the last heading
  // in the top quarter of the window; none at the top of the page or above the first heading.
  function sectionInView() {
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)))
    const top = target && target.getBoundingClientRect().top
    if (target && top >= 0 && top < innerHeight) return target.id
    let section = ""
    if (scrollY < 1) return section  // at the top of the page: its introduction
    for (const heading of document.querySelectorAll(".md-content .md-typeset :is(h2, h3, h4, h5, h6)[id]")) {
      if (!heading.getClientRects().length) continue  // inside a closed box
      if (heading.getBoundingClientRect().top > innerHeight / 4) break
      section = heading.id
    }
    return section
  }

  document.addEventListener("click", event => {
    const permalink = event.target.closest(".md-content .headerlink")
    if (permalink && navigator.clipboard) {
      event.preventDefault()
      history.replaceState(null, "", permalink.hash)
      navigator.clipboard.writeText(shareable(permalink))
        .then(() => confirm(config.translations["clipboard.copied"]))
      return
    }
    // mkdocs-static-i18n already points each language at this same page; add the section read.
    const alternate = event.target.closest(".md-select a[hreflang]")
    if (alternate && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      event.preventDefault()
      // Material's own handler would drop the section, and the page's final slash
      event.stopPropagation()
      const section = sectionInView()
      location.href = new URL(section ? `#${section}` : "", alternate.href).href
    }
  }, true)
})()
