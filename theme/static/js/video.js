// Click to play: a release's video link becomes the privacy-enhanced YouTube player
// (youtube-nocookie.com) only when the reader clicks it, so nothing is fetched from YouTube
// before. Without JavaScript, or for a link that is not a YouTube video, the link just works.
(() => {
  const ID = /^[\w-]+$/;

  function youtubeId(href) {
    let url;
    try {
      url = new URL(href);
    } catch {
      return null;
    }
    const host = url.hostname.replace(/^(www|m)\./, "");
    let id = null;
    if (host === "youtu.be") {
      id = url.pathname.slice(1);
    } else if (host === "youtube.com" || host === "youtube-nocookie.com") {
      const path = url.pathname.match(/^\/(?:embed|shorts|live)\/([^/]+)/);
      id = url.pathname === "/watch" ? url.searchParams.get("v") : path && path[1];
    }
    return id && ID.test(id) ? id : null;
  }

  function play(event) {
    const poster = event.target.closest(".video__poster");
    if (!poster || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const id = youtubeId(poster.href);
    if (!id) return;
    event.preventDefault();
    const start = Number.parseInt(new URL(poster.href).searchParams.get("t") || "0", 10);
    const player = document.createElement("iframe");
    player.className = "video__player";
    player.src = `https://www.youtube-nocookie.com/embed/${id}?autoplay=1${start > 0 ? `&start=${start}` : ""}`;
    player.title = poster.closest("[data-video]").dataset.videoTitle;
    player.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    player.allowFullscreen = true;
    player.referrerPolicy = "strict-origin-when-cross-origin";
    poster.replaceWith(player);
    player.focus();
  }

  document.addEventListener("click", play);
})();
