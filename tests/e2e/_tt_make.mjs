import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
let html = readFileSync('/tmp/tt/plain.html', 'utf8');
const policy = "if(window.trustedTypes&&trustedTypes.createPolicy){trustedTypes.createPolicy('default',{createHTML:function(s){if(/<script|<iframe|<object|<embed|\\son[a-z]+\\s*=|javascript:/i.test(s))throw new TypeError('Borderlines refused HTML: '+s.slice(0,80));return s;},createScriptURL:function(u){if(/^blob:/.test(u))return u;throw new TypeError('Borderlines refused a script URL: '+u);}});}";
const m = html.match(/<script>(\(function\(\)\{var s=[\s\S]*?)<\/script>/);
const oldBoot = m[1];
const newBoot = policy + oldBoot;
const h = (t) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;
html = html.replace(oldBoot, () => newBoot).replace(h(oldBoot), h(newBoot))
  .replace(/form-action 'none'"/, "form-action 'none'; require-trusted-types-for 'script'; trusted-types default\"");
writeFileSync('/tmp/tt/tt2.html', html);
console.log(html.includes(h(newBoot)));
