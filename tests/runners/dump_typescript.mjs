// Print, as JSON, what the compiled TypeScript modules say about every code.
// Usage: node dump_typescript.mjs DIST_DIR SPEC_JSON (SPEC_JSON maps platform to {unknown}).
import { pathToFileURL } from "node:url";
import * as path from "node:path";

const [dist, specText] = process.argv.slice(2);
const spec = JSON.parse(specText);
const index = await import(pathToFileURL(path.join(dist, "index.js")).href);
const out = {};
for (const [platform, wanted] of Object.entries(spec)) {
  const m = await import(pathToFileURL(path.join(dist, `${platform}.js`)).href);
  if (index[platform] === undefined || index[platform].Code !== m.Code) {
    throw new Error(`index.ts does not re-export ${platform}`);
  }
  const entries = [];
  for (const [name, code] of Object.entries(m.Code)) {
    if (!m.isCode(code)) throw new Error(`isCode(${code}) is false`);
    const info = m.lookup(code);
    if (info.name !== name || info.code !== code) throw new Error(`info of ${name} is wrong`);
    const messageIn = {};
    for (const lang of ["en", "zh", "xx"]) messageIn[lang] = m.message(code, lang) ?? null;
    const solutions = {};
    for (const lang of ["en", "zh"]) solutions[lang] = m.solution(code, lang) ?? null;
    entries.push({
      code,
      name,
      message: m.message(code),
      messages: info.message,
      message_in: messageIn,
      solution: m.solution(code) ?? null,
      solutions,
      category: info.category ?? null,
      http_status: info.httpStatus ?? null,
      retryable: info.retryable ?? null,
      deprecated: info.deprecated
        ? { reason: info.deprecated.reason, replaced_by: info.deprecated.replacedBy ?? null }
        : null,
    });
  }
  if (m.isCode(wanted.unknown) || m.message(wanted.unknown) !== undefined) {
    throw new Error("an unknown code was accepted");
  }
  out[platform] = { entries, unknown: m.lookup(wanted.unknown) ?? null };
}
console.log(JSON.stringify(out));
