import { html, raw, type SafeHtml } from './html';

// The Pet Store SPA's look (apps/web/src/styles/app.css: its colours, type, rounded buttons and
// cards), so signing in does not look like another product. Inline: the pages' CSP allows inline
// styles only.
const style = `
:root{color:#1c2421;background:#f6f4ef;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;-webkit-text-size-adjust:100%}
*,*::before,*::after{box-sizing:border-box}
body{margin:0;min-height:100vh;padding:1.5rem 1rem 2rem}
h1,h2,p{margin:0}
h1{font-size:1.6rem;line-height:1.2}
h2{font-size:1.05rem}
.brand{display:flex;align-items:center;justify-content:center;gap:.5rem;margin:0 auto 1.25rem;font-weight:700;font-size:1.2rem}
.brand-mark{display:inline-grid;place-items:center;width:2rem;height:2rem;color:#fff;background:#0f5b4f;border-radius:8px}
.brand-note{padding:.1rem .5rem;color:#4d5a55;font-size:.8rem;font-weight:600;border:1px solid #dcd8ce;border-radius:999px}
main{display:grid;gap:1rem;width:min(100%,26rem);margin:0 auto;padding:2rem;background:#fff;border-radius:12px;box-shadow:0 1px 2px rgb(28 36 33/8%),0 4px 14px rgb(28 36 33/6%)}
section{display:grid;gap:.5rem}
form{display:grid;gap:.3rem}
label{font-weight:600;margin-top:.5rem}
input{width:100%;min-height:2.75rem;padding:.5rem .7rem;font:inherit;color:#1c2421;background:#fff;border:1px solid #8a948f;border-radius:8px}
input[aria-invalid=true]{border:2px solid #a3261b}
:focus-visible{outline:3px solid #1a5fd0;outline-offset:2px}
button{display:flex;align-items:center;justify-content:center;width:100%;min-height:2.75rem;margin-top:.75rem;padding:.5rem 1.1rem;font:inherit;font-weight:600;color:#fff;background:#0f5b4f;border:1px solid #0f5b4f;border-radius:999px;cursor:pointer}
button:hover{background:#0a4239}
button.secondary{color:#1c2421;background:#fff;border-color:#dcd8ce}
button.secondary:hover{border-color:#4d5a55}
.alert{padding:.6rem .9rem;color:#6e1a13;background:#fbeceb;border-left:4px solid #a3261b;border-radius:6px}
.alert ul{margin:0;padding-left:1.1rem}
.note{color:#4d5a55;font-size:.9rem}
.demo{padding:1rem;background:#e3f0ec;border-radius:8px}
.demo ul{display:grid;gap:.4rem;margin:0;padding-left:1.1rem}
ul{margin:0;padding-left:1.1rem}
code{font:.85rem/1.4 ui-monospace,"SFMono-Regular",Menlo,monospace;overflow-wrap:anywhere}
a{color:#0a4239;font-weight:600}
footer{width:min(100%,26rem);margin:1rem auto 0;text-align:center}
`;

/**
 * A complete, script-free HTML page in the Pet Store's look: the store's name, one `h1`, and a
 * footer saying this is the local identity provider.
 *
 * @example
 * layout('Sign in', html`<p>Hello</p>`)
 */
export function layout(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#0f5b4f">
<title>${title} · Pet Store (local identity provider)</title>
<style>${raw(style)}</style>
</head>
<body>
<header>
<p class="brand"><span class="brand-mark" aria-hidden="true">P</span>Pet Store <span class="brand-note">local sign-in</span></p>
</header>
<main>
<h1>${title}</h1>
${body}
</main>
<footer><p class="note">The local identity provider (dev-idp), standing in for Auth0 on this machine.</p></footer>
</body>
</html>
`.value;
}
