// What Material's markup leaves out for keyboard and screen-reader users, and only a script can add.
(() => {
  // The search dialog is named after its search box ("Search", "Rechercher", ...).
  const dialog = document.querySelector(".md-search[role=dialog]")
  const query = document.querySelector(".md-search__input")
  if (dialog && query) dialog.setAttribute("aria-label", query.getAttribute("aria-label"))

  // Below desktop width the menu button is a <label> for a hidden checkbox, out of the keyboard's
  // reach: make it a named button that Enter and Space open, and that says whether it is open.
  const menu = document.querySelector(".md-header label[for=__drawer]")
  const drawer = document.getElementById("__drawer")
  const nav = document.querySelector(".md-nav--primary")
  if (!menu || !drawer) return
  menu.tabIndex = 0
  menu.setAttribute("role", "button")
  if (nav) menu.setAttribute("aria-label", nav.getAttribute("aria-label"))
  const expanded = () => menu.setAttribute("aria-expanded", String(drawer.checked))
  expanded()
  drawer.addEventListener("change", expanded)
  menu.addEventListener("keydown", event => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault()
      event.stopPropagation()  // Material clicks a focused label on Enter too: open once, not twice
      menu.click()
    }
  })
  // Escape closes the menu and gives the focus back to its button.
  document.addEventListener("keydown", event => {
    if (event.key === "Escape" && drawer.checked) {
      drawer.click()
      menu.focus()
    }
  })
})()
