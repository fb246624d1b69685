// Writes the page with its Content-Security-Policy filled in: the sha256 of each inline <script>
// and <style> of web/index.html goes into the meta tag's 'CSP-SCRIPTS' and 'CSP-STYLES' places,
// so the policy allows exactly the page's own inline code and nothing injected.
//   node web/inline_csp.mjs web/index.html build/web/dist/index.html
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const [input, output] = process.argv.slice(2);
let html = readFileSync(input, 'utf8');
const hashes = (re) => [...html.matchAll(re)].map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`).join(' ');
const scripts = hashes(/<script>([\s\S]*?)<\/script>/g), styles = hashes(/<style>([\s\S]*?)<\/style>/g);
if (!scripts || !styles || !html.includes('CSP-SCRIPTS') || !html.includes('CSP-STYLES')) {
  console.error(`inline_csp: ${input} needs its CSP meta tag with CSP-SCRIPTS and CSP-STYLES and inline code to hash`);
  process.exit(1);
}
html = html.replace('CSP-SCRIPTS', scripts).replace('CSP-STYLES', styles);
writeFileSync(output, html);
