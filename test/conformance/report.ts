/** Prints conformance counts per version: `node dist/test/conformance/report.js [--list]`. */
import { checkCase, loadCases, VERSION_DIRS } from './ofp_corpus.js';

const list = process.argv.includes('--list');
let total = 0;
let pass = 0;
for (const dir of VERSION_DIRS) {
  const cases = loadCases(dir);
  let p = 0;
  for (const c of cases) {
    const f = checkCase(c);
    if (f.length === 0) p++;
    else if (list) console.log(`${dir} ${c.name}: ${f.join('; ')}`);
  }
  console.log(`${dir}: ${p}/${cases.length}`);
  total += cases.length;
  pass += p;
}
console.log(`all: ${pass}/${total}`);
