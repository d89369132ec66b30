// Trainers print the role-play cards to cut out: each card (a heading under "Role-play cards"
// and what follows it) becomes one box that never splits across pages, and a button beside
// the cards prints them alone, two to a page (print styles in assets/stylesheets/print.css).
(() => {
  const heading = document.querySelector(".md-content h2#role-play-cards")
  if (!heading) return
  const words = JSON.parse(document.getElementById("kyc-words").textContent)

  const cards = document.createElement("div")
  cards.className = "kyc-cards"
  let next = heading.nextElementSibling
  while (next && next.tagName !== "H2") {
    const item = next
    next = next.nextElementSibling
    if (item.tagName === "H3") {
      const card = document.createElement("section")
      card.className = "kyc-card"
      cards.append(card)
    }
    if (cards.lastElementChild) cards.lastElementChild.append(item)
  }
  if (!cards.childElementCount) return
  // after the section's introduction, where the cards were
  heading.parentElement.insertBefore(cards, next)

  const button = document.createElement("button")
  button.type = "button"
  button.className = "md-button md-button--primary kyc-print-cards-button"
  button.textContent = words.print_cards
  cards.before(button)

  const printing = "kyc-print-cards"
  button.addEventListener("click", () => {
    document.documentElement.classList.add(printing)
    window.print()
  })
  window.addEventListener("afterprint", () => document.documentElement.classList.remove(printing))
})()
