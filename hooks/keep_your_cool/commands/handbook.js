// Run in a built page: its article, ready to join the handbook (hooks/keep_your_cool/commands/handbook.py), without controls.
// Ids get the chapter's key in front (every example has a "situation" section), links to the
// guide's pages lead inside the handbook, and any other link is written out in full.
({ key, chapters }) => {
  const article = document.querySelector("article.md-content__inner").cloneNode(true)
  // the whole guide in print: no print control, and no download box (it would offer this very handbook)
  for (const element of article.querySelectorAll(".kyc-print-control, .kyc-downloads, .kyc-deck")) element.remove()
  const inside = id => `${key}--${id}`
  for (const element of article.querySelectorAll("[id]")) element.id = inside(element.id)
  for (const label of article.querySelectorAll("label[for]")) label.htmlFor = inside(label.htmlFor)
  for (const link of article.querySelectorAll("a[href]")) {
    const url = new URL(link.getAttribute("href"), location.href)
    const page = url.href.split("#")[0].replace(/index\.html$/, "")
    const section = decodeURIComponent(url.hash.slice(1))
    if (page in chapters) {
      link.setAttribute("href", "#" + (section ? `${chapters[page]}--${section}` : chapters[page]))
    } else {
      link.setAttribute("href", url.href)
    }
  }
  for (const element of article.querySelectorAll("[src]")) element.setAttribute("src", element.src)
  const heading = article.querySelector("h1").cloneNode(true)
  for (const permalink of heading.querySelectorAll(".headerlink")) permalink.remove()
  return { title: heading.textContent.trim(), html: article.innerHTML }
}
