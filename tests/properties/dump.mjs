// Print, as JSON, everything the compiled TypeScript modules say about every code.
// Usage: node dump.mjs DIST_DIR SPEC_JSON, where SPEC_JSON maps each platform to
// {"languages": the language tags to ask for}.
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
  const aliases = {};
  for (const [name, code] of Object.entries(m.Code)) {
    const info = m.lookup(code);
    if (!m.isCode(code) || info.code !== code) {
      throw new Error(`the information of ${name} is inconsistent`);
    }
    if (info.name !== name) {
      aliases[name] = info.name;
      continue;
    }
    const messageIn = {};
    const solutionIn = {};
    for (const lang of wanted.languages) {
      messageIn[lang] = m.message(code, lang) ?? null;
      solutionIn[lang] = m.solution(code, lang) ?? null;
    }
    entries.push({
      code,
      name,
      message: m.message(code),
      messages: info.message,
      message_in: messageIn,
      solution: m.solution(code) ?? null,
      solution_in: solutionIn,
      category: info.category ?? null,
      http_status: info.httpStatus ?? null,
      retryable: info.retryable ?? null,
      deprecated: info.deprecated
        ? {
            reason: info.deprecated.reason,
            replaced_by: info.deprecated.replacedBy ?? null,
          }
        : null,
    });
  }
  out[platform] = { entries, aliases };
}
console.log(JSON.stringify(out));
