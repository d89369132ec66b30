// What Material's markup leaves out for keyboard and screen-reader users, and only a script can add.
(() => {
  // The search dialog is named after its search box ("Search", "Rechercher", ...).
  const dialog = document.querySelector(".md-search[role=dialog]")
  const query = document.querySelector(".md-search__input")
  if (dialog && query) dialog.setAttribute("aria-label", query.getAttribute("aria-label"))

  // Below desktop width the menu button is a <label> for a hidden checkbox, out of the keyboard's
  // reach: put a real, named button in its place that toggles the same checkbox.
  const label = document.querySelector(".md-header label[for=__drawer]")
  const drawer = document.getElementById("__drawer")
  const nav = document.querySelector(".md-nav--primary")
  if (!label || !drawer) return
  const menu = document.createElement("button")
  menu.type = "button"
  menu.className = `${label.className} kyc-menu-button`
  menu.innerHTML = label.innerHTML
  if (nav) menu.setAttribute("aria-label", nav.getAttribute("aria-label"))
  label.replaceWith(menu)
  // While the menu is open, the page it covers is out of the keyboard's and screen readers' way.
  const covered = document.querySelectorAll(".md-content, .md-sidebar--secondary, .md-footer")
  const expanded = () => {
    menu.setAttribute("aria-expanded", String(drawer.checked))
    covered.forEach(element => { element.inert = drawer.checked })
  }
  expanded()
  drawer.addEventListener("change", expanded)
  menu.addEventListener("click", () => drawer.click())
  // Escape closes the menu and gives the focus back to its button.
  document.addEventListener("keydown", event => {
    if (event.key === "Escape" && drawer.checked) {
      drawer.click()
      menu.focus()
    }
  })
})()
