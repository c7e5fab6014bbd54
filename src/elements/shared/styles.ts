/**
 * The look every Element shares. `all: initial` on the host stops the page's
 * styles leaking in (the shadow root stops ours leaking out); only the
 * `--lk-*` custom properties cross, which is how a page themes an Element.
 */
export const BASE_CSS = `
:host {
  all: initial;
  display: block;
  box-sizing: border-box;
  inline-size: 100%;
  max-inline-size: 100%;
  container-type: inline-size;
  font-family: var(--lk-font-family, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  font-size: var(--lk-font-size, 16px);
  line-height: 1.5;
  color: var(--lk-color-text, #1a1f36);
  --_primary: var(--lk-color-primary, #1f4fd1);
  --_on-primary: var(--lk-color-on-primary, #ffffff);
  --_muted: var(--lk-color-muted, #4f566b);
  --_border: var(--lk-color-border, #8792a2);
  --_bg: var(--lk-color-background, #ffffff);
  --_error: var(--lk-color-error, #b3261e);
  --_error-bg: var(--lk-color-error-background, #fdecea);
  --_success: var(--lk-color-success, #1e6b34);
  --_info-bg: var(--lk-color-info-background, #eef3fd);
  --_radius: var(--lk-radius, 8px);
  --_space: var(--lk-spacing, 16px);
  --_focus: var(--lk-focus-ring, 0 0 0 3px color-mix(in srgb, var(--_primary) 40%, transparent));
}
:host([hidden]) { display: none; }
/* Author rules such as .field { display: grid } would otherwise show what a screen hides. */
[hidden] { display: none !important; }
*, *::before, *::after { box-sizing: inherit; }
.frame { background: var(--_bg); border: 1px solid var(--lk-color-frame-border, #e3e8ee); border-radius: var(--_radius); padding: var(--_space); }
.screen[aria-busy="true"] { opacity: .6; }
h2 { font-size: 1.25em; margin: 0 0 calc(var(--_space) / 2); line-height: 1.3; }
h2:focus, h2:focus-visible { outline: none; box-shadow: none; }
p { margin: 0 0 calc(var(--_space) / 2); }
.muted { color: var(--_muted); font-size: .9em; }
form, .stack { display: grid; gap: calc(var(--_space) * .75); }
label { font-weight: 600; display: block; }
.field { display: grid; gap: 4px; }
input[type="text"], input[type="tel"], input[type="email"], input[type="password"], input[type="search"] {
  font: inherit; color: inherit; background: var(--_bg); inline-size: 100%;
  padding: 10px 12px; border: 1px solid var(--_border); border-radius: calc(var(--_radius) * .75);
}
input.code { font-size: 1.5em; letter-spacing: .3em; font-variant-numeric: tabular-nums; }
input[aria-invalid="true"] { border-color: var(--_error); }
fieldset { border: 0; padding: 0; margin: 0; display: grid; gap: 8px; }
legend { font-weight: 600; margin-bottom: 4px; padding: 0; }
.choice { display: flex; gap: 10px; align-items: flex-start; padding: 10px 12px; border: 1px solid var(--_border); border-radius: calc(var(--_radius) * .75); font-weight: 400; cursor: pointer; }
.choice:has(input:checked) { border-color: var(--_primary); box-shadow: inset 0 0 0 1px var(--_primary); }
.choice span { display: grid; }
.check { display: flex; gap: 8px; align-items: center; font-weight: 400; }
input[type="radio"], input[type="checkbox"] { accent-color: var(--_primary); inline-size: 1.1em; block-size: 1.1em; margin: 3px 0 0; }
button { font: inherit; cursor: pointer; border-radius: calc(var(--_radius) * .75); padding: 10px 16px; border: 1px solid transparent; }
button.primary { background: var(--_primary); color: var(--_on-primary); font-weight: 600; }
button.link { background: none; color: var(--_primary); padding: 4px 0; text-decoration: underline; }
button.secondary { background: var(--_bg); color: var(--_primary); border-color: var(--_primary); }
button:disabled { cursor: not-allowed; opacity: .6; }
:focus-visible { outline: none; box-shadow: var(--_focus); }
.actions { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
.banner:empty { display: none; }
.banner { margin-bottom: var(--_space); }
.banner > div { padding: 10px 12px; border-radius: calc(var(--_radius) * .75); display: grid; gap: 6px; }
.banner .error { background: var(--_error-bg); color: var(--_error); border: 1px solid var(--_error); }
.banner .info { background: var(--_info-bg); border: 1px solid var(--_primary); }
.banner .success { background: var(--_info-bg); color: var(--_success); border: 1px solid var(--_success); }
.visually-hidden { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.spinner { inline-size: 24px; block-size: 24px; border-radius: 50%; border: 3px solid var(--lk-color-frame-border, #e3e8ee); border-top-color: var(--_primary); animation: spin 1s linear infinite; }
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .spinner { animation: none; } }
.loading { display: flex; gap: 12px; align-items: center; color: var(--_muted); }
`;
