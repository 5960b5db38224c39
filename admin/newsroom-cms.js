// The newsroom's additions to Decap CMS (loaded after decap-cms.js by admin/index.html, which
// plugins/newsroom/cms.py writes): a file, never inline code, so the editor's policy forbids it.
// - the `newsroom-language` widget: each language version's `lang` is its own language, written
//   by the editor (the officer never types it);
// - the preview: the site's own stylesheet and webfont, the page's language set to the version
//   being previewed, so a Georgian headline looks as it will on the site.
/* global CMS, createClass, h */
(function () {
  "use strict";
  var NAMES = { en: "English", ka: "ქართული (Georgian)" };
  var script = document.currentScript;

  var LanguageControl = createClass({
    // Decap does not render a field again when another one changes: look at the entry as it is
    // now, from time to time, while the field is on screen.
    componentDidMount: function () { this.sync(); this.timer = window.setInterval(this.sync, 300); },
    componentWillUnmount: function () { window.clearInterval(this.timer); },
    // A version begins with its headline: until this language's title is written, its `lang`
    // stays unset, so that opening an English-only release is no change to save.
    sync: function () {
      var locale = this.props.locale;
      var entry = this.props.getEntry ? this.props.getEntry() : this.props.entry;
      if (!locale || !entry || this.props.value === locale) {
        return;
      }
      var config = this.props.config;
      var first = config && config.getIn ? config.getIn(["i18n", "default_locale"]) : null;
      // the first language's fields are the entry's own; another language's are under i18n
      var data = locale === (first || "en") ? entry.get("data") : entry.getIn(["i18n", locale, "data"]);
      if (data && data.get("title")) {
        this.props.onChange(locale);
      }
    },
    render: function () {
      var locale = this.props.locale || this.props.value;
      return h("p", { id: this.props.forID, className: this.props.classNameWrapper }, NAMES[locale] || locale || "");
    },
  });

  var LanguagePreview = createClass({
    render: function () { return h("span", {}, this.props.value || ""); },
  });

  CMS.registerWidget("newsroom-language", LanguageControl, LanguagePreview);

  var stylesheet = script && script.getAttribute("data-preview-style");
  if (stylesheet) {
    CMS.registerPreviewStyle(new URL(stylesheet, document.baseURI).href);
  }

  // A release as the site shows it: the headline, the lead photo and the text, in the version's
  // language (its `lang`), with the site's classes.
  var ReleasePreview = createClass({
    render: function () {
      var entry = this.props.entry;
      var lang = entry.getIn(["data", "lang"]) || "en";
      var image = entry.getIn(["data", "image"]);
      var src = image && image.get("src");
      var photo = src ? this.props.getAsset(src) : null;
      return h("main", { lang: lang, className: "page" },
        h("article", { className: "release" },
          h("h1", { className: "release__title" }, entry.getIn(["data", "title"]) || ""),
          photo ? h("figure", { className: "release__image" },
            h("img", { src: photo.toString(), alt: image.get("alt") || "" }),
            image.get("caption") ? h("figcaption", {}, image.get("caption")) : null) : null,
          h("div", { className: "release__body" }, this.props.widgetFor("body"))));
    },
  });

  CMS.registerPreviewTemplate("releases", ReleasePreview);

  // From the configuration (made from the content model): the parts a photo needs once it is
  // there, marked `newsroom_required` (Decap itself would ask for them in a release without a
  // photo too), and the fields every language version carries alike (i18n: duplicate).
  var model = fetch("config.yml").then(function (response) { return response.json(); }).then(function (config) {
    var found = { needed: [], shared: ["lang"], sharedParts: {} };
    config.collections.forEach(function (collection) {
      collection.fields.forEach(function (field) {
        if (field.i18n === "duplicate") {
          found.shared.push(field.name);
        }
        (field.fields || []).forEach(function (part) {
          if (part.i18n === "duplicate") {
            found.sharedParts[field.name] = (found.sharedParts[field.name] || []).concat([part.name]);
          }
          if (part.newsroom_required) {
            found.needed.push({ field: field.name, label: field.label, part: part.name, partLabel: part.label, hint: part.hint });
          }
        });
      });
    });
    return found;
  });

  function blank(value) {
    if (value === null || value === undefined) {
      return true;
    }
    if (typeof value === "string") {
      return !value.trim();
    }
    if (value.every) {  // an Immutable list or map: blank when every item is
      return value.every(blank);
    }
    return false;
  }

  function present(value) {
    return value !== null && value !== undefined;
  }

  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      return model.then(function (found) {
        var rules = found.needed;
        var entry = event.entry;
        // Decap keeps a version of every language (i18n.ka.data: {} or only the shared fields) and
        // would save it as a file without a title, which the build refuses: a version nobody
        // began (nothing written in it but what all versions share) is left out. Decap
        // 3.16 reads the entry back from this event after the handler (pinned in
        // admin/package-lock.json; tests/browser/test_cms.py saves an English-only release).
        var versions = [[null, entry.get("data")]];
        var i18n = entry.get("i18n");
        if (i18n) {
          i18n.forEach(function (value, locale) {
            var data = value && value.get("data");
            var own = data && data.filter(function (v, name) { return found.shared.indexOf(name) < 0; }).map(function (v, name) {
              var parts = found.sharedParts[name];
              return parts && v && v.filter ? v.filter(function (p, part) { return parts.indexOf(part) < 0; }) : v;
            });
            if (!own || blank(own)) {
              i18n = i18n.delete(locale);
            } else {
              // a shared field left empty is copied as null (funded_by: null): left out, as in
              // the first language's file
              data = data.filter(present);
              i18n = i18n.setIn([locale, "data"], data);
              versions.push([locale, data]);
            }
          });
          event.entry = entry = entry.set("i18n", i18n);
        }
        versions.forEach(function (version) {
          var locale = version[0];
          var data = version[1];
          var where = locale ? " (" + (NAMES[locale] || locale) + ")" : "";
          if (locale && blank(data.get("title"))) {
            throw new Error("The " + (NAMES[locale] || locale) + " version has no title: write its title, or empty its fields to leave it untranslated.");
          }
          rules.forEach(function (rule) {
            var group = data && data.get(rule.field);
            if (!group || blank(group)) {
              return;
            }
            if (blank(group.get(rule.part))) {
              throw new Error(rule.label + where + ": " + rule.partLabel + " is missing. " + rule.hint);
            }
          });
        });
        return entry.get("data").filter(present);
      });
    },
  });
})();
