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
