// What Material's markup leaves out for keyboard and screen-reader users, and only a script can add.
(() => {
  // The search dialog is named after its search box ("Search", "Rechercher", ...).
  const dialog = document.querySelector(".md-search[role=dialog]")
  const query = document.querySelector(".md-search__input")
  if (dialog && query) dialog.setAttribute("aria-label", query.getAttribute("aria-label"))

  // Material checks none of the palette toggle's radio buttons until the reader picks a palette:
  // Tab then lands on the first one, whose label is hidden in the dark palette (no focus shown),
  // and Space picks it, switching to light unasked. Check the current palette's button, so that
  // Tab lands on the toggle that shows, and let Space do what Enter and a click do: switch.
  const palette = document.querySelector("form[data-md-component=palette]")
  if (palette) {
    const shown = () => palette.querySelector("label:not([hidden])")
    // whenever Material shows a palette's toggle (on load, and at each switch)
    const check = () => {
      const toggle = shown()
      if (toggle) toggle.previousElementSibling.checked = true
    }
    new MutationObserver(check).observe(palette, { subtree: true, attributeFilter: ["hidden"] })
    check()
    palette.addEventListener("keydown", event => {
      if (event.key !== " " || !event.target.matches("input")) return
      event.preventDefault()
      const toggle = shown()
      toggle.click()
      document.getElementById(toggle.htmlFor).focus()
    })
    palette.addEventListener("keyup", event => { if (event.key === " ") event.preventDefault() })
  }

  // The language button shows its list while it has the focus: Enter or Space takes the keyboard
  // into the list, as a click on a button leads somewhere.
  for (const select of document.querySelectorAll(".md-select")) {
    const button = select.querySelector(":scope > button")
    const first = select.querySelector(".md-select__link")
    button?.addEventListener("keydown", event => {
      if ((event.key === "Enter" || event.key === " ") && first) {
        event.preventDefault()
        first.focus()
      }
    })
  }

  // The navigation's section toggles are <label>s that Material puts in the Tab order: Enter and
  // Space open and close them, as they would a button.
  document.addEventListener("keydown", event => {
    if ((event.key === "Enter" || event.key === " ") && event.target.matches?.("label[for][tabindex]")) {
      event.preventDefault()
      event.target.click()
    }
  })

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
  // While the menu is open, the page it covers is out of the keyboard's and screen readers' way;
  // at desktop width the navigation is beside the page, and nothing covers it.
  const covered = document.querySelectorAll(".md-content, .md-sidebar--secondary, .md-footer")
  const drawerWidth = matchMedia("(max-width: 76.234375em)")
  const expanded = () => {
    menu.setAttribute("aria-expanded", String(drawer.checked))
    covered.forEach(element => { element.inert = drawer.checked && drawerWidth.matches })
  }
  expanded()
  drawer.addEventListener("change", expanded)
  drawerWidth.addEventListener("change", expanded)
  menu.addEventListener("click", () => drawer.click())
  // Escape closes the menu and gives the focus back to its button.
  document.addEventListener("keydown", event => {
    if (event.key === "Escape" && drawer.checked) {
      drawer.click()
      menu.focus()
    }
  })
})()
