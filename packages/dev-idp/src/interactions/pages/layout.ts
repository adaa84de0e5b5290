import { html, raw, type SafeHtml } from './html';

const style = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1b1d21}
main{max-width:26rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 3px #0003}
h1{font-size:1.5rem;margin-top:0}h2{font-size:1.1rem;margin-bottom:.5rem}
label{display:block;font-weight:600;margin-top:1rem}
input{box-sizing:border-box;width:100%;padding:.5rem;font:inherit;border:1px solid #6b7280;border-radius:4px}
input:focus,button:focus{outline:3px solid #2563eb;outline-offset:2px}
button{margin-top:1rem;padding:.6rem 1rem;font:inherit;border:0;border-radius:4px;background:#1d4ed8;color:#fff;cursor:pointer;width:100%}
button.secondary{background:#e5e7eb;color:#111827}
.alert{border-left:4px solid #b91c1c;background:#fef2f2;color:#7f1d1d;padding:.5rem .75rem}
.note{color:#4b5563;font-size:.9rem}
`;

/**
 * A complete, script-free HTML page with one `h1`.
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
<title>${title} · Pet Store (local identity provider)</title>
<style>${raw(style)}</style>
</head>
<body>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`.value;
}
