/**
 * The HTML transcript's only style sheet, inlined: the file is opened from a download folder or a phone's file viewer,
 * with no network and nothing beside it. One column at most 44rem wide, the reader's own system font, light and dark
 * themes with contrast past WCAG AA (the muted inks are 6:1 or more on their backgrounds), long words broken rather than
 * pushing the page sideways. The map stays white in the dark theme: it is drawn on white, as Discord shows it.
 */
export const TRANSCRIPT_CSS = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --ink: #1f2328; --muted: #57606a; --rule: #d0d7de; --quote: #f6f8fa; --accent: #2c7a7b;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --ink: #e6edf3; --muted: #9ea7b3; --rule: #30363d; --quote: #161b22; --accent: #4fb3b4; }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--ink);
  font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  overflow-wrap: anywhere;
}
main { max-width: 44rem; margin: 0 auto; padding: 1.5rem 1.125rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 0 0 .25rem; }
h3 {
  font-size: .8125rem; letter-spacing: .06em; text-transform: uppercase; color: var(--muted); margin: 1.25rem 0 .5rem;
}
.subtitle { color: var(--muted); margin: 0 0 1rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem .75rem; margin: 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
section { border-top: 1px solid var(--rule); margin-top: 2rem; padding-top: 1.25rem; }
.when { color: var(--muted); font-size: .9375rem; margin: 0 0 .75rem; }
blockquote {
  margin: 0 0 1rem; padding: .75rem 1rem; background: var(--quote); border-left: 4px solid var(--accent);
  border-radius: 0 .375rem .375rem 0;
}
blockquote p { margin: 0; }
.prompt { margin: 0 0 .5rem; }
.questions { margin: 0; padding-left: 1.5rem; }
.questions li { margin: 0 0 .875rem; }
.questions p { margin: 0; }
.questions .meta { color: var(--muted); font-size: .9375rem; margin-top: .125rem; }
.none { color: var(--muted); font-style: italic; margin: 1rem 0 0; }
figure { margin: .75rem 0 0; }
/* Below ~36rem the map's labels would shrink past reading: it keeps that width and scrolls inside its frame. */
.map-picture { border: 1px solid var(--rule); border-radius: .5rem; overflow-x: auto; background: #ffffff; }
.map-picture svg { display: block; width: 100%; min-width: 36rem; height: auto; }
.nowrap { white-space: nowrap; }
figcaption { color: var(--muted); font-size: .9375rem; margin-top: .5rem; }
`;
