import { expect, it } from 'vitest';
import { initialAssets } from '../../src/bundle/initial-assets';

it("finds the entry script, its preloads and the stylesheets of Vite's index.html", () => {
  // Prepare
  const html = `<!doctype html><html><head>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/vendor-def.js">
    <link rel="stylesheet" crossorigin href="/assets/index-123.css">
    <script src="https://example.com/analytics.js"></script>
  </head><body><div id="root"></div></body></html>`;

  // Act
  const assets = initialAssets(html);

  // Assess
  expect(assets).toEqual({
    scripts: ['assets/index-abc.js', 'assets/vendor-def.js'],
    styles: ['assets/index-123.css'],
  });
});
