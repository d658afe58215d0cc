// Conformance of the generated TypeScript, compiled to ES modules, to the test vectors
// (out/vectors/<platform>.json):
//
//   CONFORMANCE_VECTORS=out/vectors CONFORMANCE_CODE=<tsc outDir> \
//     node --test tests/conformance/conformance.test.mjs
//
// One test per platform; it lists every disagreement as
// `<platform> <code> <field>: got ..., want ...`.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";

function setting(name) {
  const value = process.env[name];
  assert.ok(value, `${name} is not set: see how to run this file at its top`);
  return value;
}

const vectorsDir = setting("CONFORMANCE_VECTORS");
const codeDir = setting("CONFORMANCE_CODE");
const load = (module) =>
  import(pathToFileURL(path.join(codeDir, `${module}.js`)).href);
const show = (value) =>
  value === undefined
    ? "undefined"
    : typeof value === "function"
      ? `function ${value.name}` // Object.prototype.constructor, found by mistake
      : JSON.stringify(value);
const sorted = (object) => Object.keys(object).sort();

const files = readdirSync(vectorsDir).filter((name) => name.endsWith(".json"));
for (const file of files.sort()) {
  const vectors = JSON.parse(readFileSync(path.join(vectorsDir, file), "utf8"));
  const { platform, unknown } = vectors;

  test(platform, async () => {
    const m = await load(vectors.typescript.module);
    const index = await load("index");
    const problems = [];
    if (index[vectors.typescript.module]?.Code !== m.Code) {
      problems.push(
        `${platform}: index.js does not re-export ${vectors.typescript.module}`,
      );
    }
    const expect = (code, field, got, want) => {
      if (!isDeepStrictEqual(got, want)) {
        problems.push(
          `${platform} ${show(code)} ${field}: got ${show(got)}, want ${show(want)}`,
        );
      }
    };

    for (const vector of vectors.codes) {
      const { code } = vector;
      const info = m.lookup(code);
      if (info === undefined) {
        problems.push(`${platform} ${show(code)} lookup: finds nothing`);
        continue;
      }
      const identifier = vector.identifiers.typescript;
      expect(
        code,
        `identifier ${identifier}`,
        Object.hasOwn(m.Code, identifier) ? m.Code[identifier] : undefined,
        code,
      );
      for (const alias of vector.aliases) {
        const aliased = alias.identifiers.typescript;
        expect(
          code,
          `alias ${alias.name}`,
          Object.hasOwn(m.Code, aliased) ? m.Code[aliased] : undefined,
          code,
        );
      }
      expect(code, "isCode", m.isCode(code), true);
      expect(code, "code", info.code, code);
      expect(code, "name", info.name, vector.name);
      for (const [kind, textOf] of [
        ["message", m.message],
        ["solution", m.solution],
      ]) {
        for (const [language, text] of Object.entries(vector[kind])) {
          expect(code, `${kind}.${language}`, textOf(code, language), text);
        }
        for (const language of unknown.languages) {
          expect(
            code,
            `${kind}.${language}`,
            textOf(code, language),
            undefined,
          );
        }
      }
      expect(
        code,
        "message languages",
        sorted(info.message),
        sorted(vector.message),
      );
      expect(code, "default_message", m.message(code), vector.default_message);
      expect(
        code,
        "default_solution",
        m.solution(code) ?? null,
        vector.default_solution,
      );
      expect(code, "category", info.category ?? null, vector.category);
      expect(code, "http_status", info.httpStatus ?? null, vector.http_status);
      expect(code, "retryable", info.retryable ?? null, vector.retryable);
      const deprecated = info.deprecated && {
        reason: info.deprecated.reason,
        replaced_by: info.deprecated.replacedBy ?? null,
      };
      expect(code, "deprecated", deprecated ?? null, vector.deprecated);
    }

    const defined = new Set(vectors.codes.map((vector) => vector.code));
    const generated = [
      ...Object.values(m.Code),
      ...Object.values(m.codeInfo).map((i) => i.code),
    ];
    for (const code of new Set(generated)) {
      if (!defined.has(code))
        problems.push(`${platform} ${show(code)}: not in the vectors`);
    }
    for (const code of unknown.codes) {
      expect(code, "isCode", m.isCode(code), false);
      expect(code, "lookup", m.lookup(code), undefined);
      expect(code, "message", m.message(code), undefined);
      expect(code, "solution", m.solution(code), undefined);
    }
    if (problems.length > 0) assert.fail(problems.join("\n"));
  });
}
