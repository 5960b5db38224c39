// Search is the only feature of the site that needs JavaScript. Pagefind's UI, with the
// interface strings our gettext catalogs gave the page (data-* attributes of #search).
window.addEventListener("DOMContentLoaded", () => {
  const element = document.getElementById("search");
  if (!element || !window.PagefindUI) return;
  const translations = {};
  for (const [key, value] of Object.entries(element.dataset)) {
    translations[key.replace(/[A-Z]/g, (letter) => "_" + letter.toLowerCase())] = value;
  }
  new window.PagefindUI({ element: "#search", showImages: false, showSubResults: false, translations });
});

// The other language: the releases of the other language's index that match the same words, listed
// after Pagefind's list of the page's own language, each marked with its language. Pagefind reads one
// language's index per page (from <html lang>); the other is merged in under its own language (the
// bundle's path written another way, as Pagefind merges no index from the path it already reads).
window.addEventListener("DOMContentLoaded", async () => {
  const sections = [...document.querySelectorAll("[data-search-other]")];
  const input = () => document.querySelector(".pagefind-ui__search-input");
  if (!sections.length) return;
  for (let tries = 0; !input() && tries < 200; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!input()) return;
  const bundle = sections[0].dataset.bundle;
  const ready = (async () => {  // words typed meanwhile are searched once it is ready
    const pagefind = await import(bundle + "pagefind.js");
    const instance = pagefind.createInstance({ basePath: bundle });
    for (const section of sections) {
      const elsewhere = bundle.replace(/\/pagefind\/$/, "/pagefind/../pagefind/");
      await instance.mergeIndex(elsewhere, { language: section.dataset.lang });
    }
    return instance;
  })();
  let latest = 0;
  const show = async () => {
    const term = input().value.trim();
    const asked = ++latest;
    const instance = await ready;
    const found = term ? await instance.search(term) : { results: [] };
    if (asked !== latest) return;  // a newer search is on its way
    // a result says where it is once its data is loaded: the first twenty of both languages
    // (an index merged in from the bundle's other path gives addresses with "/pagefind/../": resolved)
    const loaded = (await Promise.all(found.results.slice(0, 20).map((result) => result.data())))
      .map((data) => ({ ...data, url: new URL(data.url, window.location.href).pathname }));
    if (asked !== latest) return;
    for (const section of sections) {
      const prefix = new URL(section.dataset.prefix).pathname;
      const mine = loaded.filter((data) => data.url.startsWith(prefix));
      const list = section.querySelector("ol");
      list.replaceChildren();
      for (const data of mine.slice(0, 5)) {
        const item = document.createElement("li");
        item.className = "search-other__result";
        item.lang = section.dataset.lang;
        const link = document.createElement("a");
        link.href = data.url;
        link.textContent = data.meta.title || data.url;
        const excerpt = document.createElement("p");
        excerpt.append(...marked(data.excerpt));
        item.append(link, excerpt);
        list.append(item);
      }
      section.hidden = mine.length === 0;
    }
  };
  let timer;
  input().addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(show, 300); });
  if (input().value.trim()) show();
});

// Pagefind's excerpt as text, its <mark>s kept: nothing else of it becomes markup.
function marked(excerpt) {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html").body.firstChild;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
    const mark = document.createElement("mark");
    mark.textContent = node.textContent;
    return mark;
  });
}
