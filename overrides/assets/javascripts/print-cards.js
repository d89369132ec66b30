// Print controls, for a phone that has no Ctrl+P: "Print this page" under a handout's title (a page with
// a QR code, hooks/keep_your_cool/features/handouts.py), and on the trainers' page the role-play deck: one card per role, to cut
// out and hand each player only their own brief. A card is a heading `### … {#card-…}` and the boxes that follow it, one per
// role (`!!! customer`, `!!! staff`, `!!! observer`: CONTRIBUTING.md, "Role-play cards").
// "Print the cards" prints every scenario's cards, "Print this scenario's cards" one scenario's;
// print styles in assets/stylesheets/print.css.
(() => {
  const words = JSON.parse(document.getElementById("kyc-words").textContent)
  const qr = document.querySelector('meta[name="kyc-qr"]')?.content // a handout's (hooks/keep_your_cool/features/handouts.py)
  const pageTitle = document.querySelector(".md-content__inner h1")
  if (qr && pageTitle) {
    const button = control(words.print_page)
    button.classList.add("kyc-print-page")
    pageTitle.after(button)
    button.addEventListener("click", () => window.print())
  }

  function control(text) {
    const button = document.createElement("button")
    button.type = "button"
    button.className = "md-button md-button--primary kyc-print-control" // the filled button: legible in both palettes
    button.textContent = text
    return button
  }

  const heading = document.querySelector(".md-content h2#role-play-cards")
  if (!heading) return
  const ROLES = ["customer", "staff", "observer"]
  const CARDS_PER_SHEET = 6 // two columns of three on A4 and Letter
  const edition = document.querySelector('meta[name="kyc-edition"]')?.content || ""
  const guide = document.querySelector('meta[name="kyc-guide"]')?.content || ""

  // On screen, each scenario is one box that never splits on paper, with its own print control.
  const scenarios = []
  for (const title of heading.parentElement.querySelectorAll("h3[id^='card-']")) {
    const card = document.createElement("section")
    card.className = "kyc-card"
    let next = title.nextElementSibling
    title.before(card)
    card.append(title)
    while (next && !["H2", "H3"].includes(next.tagName)) {
      const item = next
      next = next.nextElementSibling
      card.append(item)
    }
    const button = control(words.print_scenario)
    button.setAttribute("aria-describedby", title.id) // which scenario, for a screen reader
    title.after(button)
    scenarios.push(card)
    button.addEventListener("click", () => print([card]))
  }
  if (!scenarios.length) return

  const all = control(words.print_cards)
  all.classList.add("kyc-print-cards-button")
  scenarios[0].before(all)
  all.addEventListener("click", () => print(scenarios))

  // One card of the deck: the scenario, the role, its brief as text only, and where it comes from.
  function roleCard(scenario, box, role) {
    const card = document.createElement("section")
    card.className = `kyc-deck__card kyc-deck__card--${role}`
    const name = document.createElement("p")
    name.className = "kyc-deck__scenario"
    name.textContent = scenario.querySelector("h3").textContent.replace("¶", "").trim()
    const title = document.createElement("p")
    title.className = "kyc-deck__role"
    title.textContent = box.querySelector(".admonition-title").textContent.trim()
    card.append(name, title)
    for (const part of box.children) {
      if (part.classList.contains("admonition-title")) continue
      const copy = part.cloneNode(true)
      for (const link of copy.querySelectorAll("a")) link.replaceWith(...link.childNodes) // paper has no links
      card.append(copy)
    }
    const source = document.createElement("p")
    source.className = "kyc-deck__source"
    if (qr) {
      const code = document.createElement("img")
      code.src = qr
      code.alt = ""
      source.append(code)
    }
    const text = document.createElement("span")
    text.textContent = `${guide} · ${edition}`
    source.append(text)
    card.append(source)
    return card
  }

  function print(chosen) {
    for (const earlier of document.querySelectorAll(".kyc-deck")) earlier.remove() // a print not finished
    const cards = chosen.flatMap(scenario =>
      ROLES.flatMap(role => [...scenario.querySelectorAll(`.admonition.${role}`)].map(box => roleCard(scenario, box, role))),
    )
    // as many sheets as six to a sheet needs, the cards shared evenly: never a sheet of one or two
    const sheets = Math.ceil(cards.length / CARDS_PER_SHEET)
    const deck = document.createElement("div")
    deck.className = "kyc-deck"
    deck.hidden = true // shown on paper only
    for (let i = 0, start = 0; i < sheets; i++) {
      const size = Math.floor(cards.length / sheets) + (i < cards.length % sheets ? 1 : 0)
      const sheet = document.createElement("div")
      sheet.className = "kyc-deck__sheet"
      sheet.append(...cards.slice(start, start + size))
      deck.append(sheet)
      start += size
    }
    document.querySelector(".md-content__inner").append(deck)
    document.documentElement.classList.add("kyc-print-cards")
    // print once every card's QR code is drawn, or a fast printer takes the sheet without them
    const drawn = [...deck.querySelectorAll("img")].map(image => image.decode().catch(() => {}))
    Promise.all(drawn).then(() => window.print())
  }

  window.addEventListener("afterprint", () => {
    document.documentElement.classList.remove("kyc-print-cards")
    for (const deck of document.querySelectorAll(".kyc-deck")) deck.remove()
  })
})()
