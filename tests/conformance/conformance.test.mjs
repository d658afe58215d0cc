// Conformance of the generated TypeScript package, its ES modules run as they are, to the
// test vectors (out/vectors/<platform>.json):
//
//   CONFORMANCE_VECTORS=out/vectors CONFORMANCE_CODE=out/typescript \
//     node --test tests/conformance/conformance.test.mjs
//
// One test per platform; it lists every disagreement as
// `<platform> <code> <field>: got ..., want ...`, and for the vectors' classification
// cases `<platform> classify[<index>] <field>: got ..., want ...`.
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

/** What every platform's module exports, besides its error class and its guard. */
const API = [
  "Code",
  "byName",
  "classify",
  "classifyText",
  "codeInfo",
  "codes",
  "docUrl",
  "format",
  "formatSolution",
  "isCode",
  "lookup",
  "message",
  "solution",
  "toError",
];

/** Where `value` holds an object or array that is not frozen, else undefined. */
function unfrozen(value, where) {
  if (typeof value !== "object" || value === null) return undefined;
  if (!Object.isFrozen(value)) return where;
  for (const [key, item] of Object.entries(value)) {
    const found = unfrozen(item, `${where}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** What calling `run` throws: undefined when it throws nothing. */
function thrown(run) {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

const files = readdirSync(vectorsDir).filter((name) => name.endsWith(".json"));
for (const file of files.sort()) {
  const vectors = JSON.parse(readFileSync(path.join(vectorsDir, file), "utf8"));
  const { platform, unknown } = vectors;

  test(platform, async () => {
    const m = await load(vectors.typescript.module);
    const index = await load("index");
    const { FormatError, PlatformError } = await load("common");
    const problems = [];
    if (index[vectors.typescript.module]?.Code !== m.Code) {
      problems.push(
        `${platform}: index.js does not re-export ${vectors.typescript.module}`,
      );
    }
    if (index.PlatformError !== PlatformError) {
      problems.push(`${platform}: index.js does not re-export PlatformError`);
    }
    const ErrorClass = m[vectors.typescript.error];
    const guard = m[`is${vectors.typescript.error}`];
    const exported = [
      ...API,
      vectors.typescript.error,
      `is${vectors.typescript.error}`,
    ];
    if (!isDeepStrictEqual(Object.keys(m).sort(), exported.sort())) {
      problems.push(
        `${platform}: exports ${show(Object.keys(m).sort())}, want ${show(exported)}`,
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
      expect(code, "placeholders", info.placeholders, vector.placeholders);
      expect(code, `byName ${vector.name}`, m.byName(vector.name), code);
      for (const alias of vector.aliases) {
        expect(code, `byName ${alias.name}`, m.byName(alias.name), code);
      }
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
      expect(code, "doc_url", m.docUrl(code), vector.doc_url ?? undefined);
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
      expect(code, "docUrl", m.docUrl(code), undefined);
      expect(
        code,
        "format",
        thrown(() => m.format(code)) instanceof TypeError,
        true,
      );
    }
    for (const name of unknown.names) {
      expect(name, "byName", m.byName(name), undefined);
    }
    expect(
      "codes",
      "order",
      [...m.codes],
      vectors.codes.map((vector) => vector.code),
    );

    // Immutability: every table deep-frozen, so that no caller changes what the next sees.
    for (const [name, table] of [
      ["Code", m.Code],
      ["codeInfo", m.codeInfo],
      ["codes", m.codes],
    ]) {
      expect(name, "frozen", unfrozen(table, name), undefined);
    }
    const first = vectors.codes[0];
    const attempts = {
      "Code member": () => {
        m.Code[first.identifiers.typescript] = "changed";
      },
      "codeInfo entry": () => {
        m.codeInfo[first.code] = {};
      },
      message: () => {
        m.lookup(first.code).message.en = "changed";
      },
      placeholders: () => {
        m.lookup(first.code).placeholders.push("changed");
      },
      codes: () => {
        m.codes.pop();
      },
    };
    for (const [what, attempt] of Object.entries(attempts)) {
      expect(
        first.code,
        `${what} can be changed`,
        thrown(attempt) instanceof TypeError,
        true,
      );
    }
    expect(
      first.code,
      "after changes",
      m.lookup(first.code).message,
      first.message,
    );

    // Formatting and the error class.
    for (const c of vectors.format) {
      const where = `format ${show(c.params)} in ${c.language}`;
      const language = c.language ?? undefined;
      if (c.problem !== null) {
        const { kind, param } = c.problem;
        for (const [what, attempt] of [
          ["format", () => m.format(c.code, c.params, language)],
          [
            "formatSolution",
            () => m.formatSolution(c.code, c.params, language),
          ],
          ["new", () => new ErrorClass(c.code, c.params)],
        ]) {
          const error = thrown(attempt);
          const said = error && {
            formatError: error instanceof FormatError,
            kind: error.kind,
            param: error.param,
            named:
              error.message.includes(param) &&
              error.message.includes(String(c.code)),
          };
          expect(c.code, `${where} ${what}`, said, {
            formatError: true,
            kind,
            param,
            named: true,
          });
        }
        continue;
      }
      const got = (run) => {
        const error = thrown(run);
        return error === undefined ? run() : `throws ${error}`;
      };
      expect(
        c.code,
        where,
        got(() => m.format(c.code, c.params, language)),
        c.message,
      );
      expect(
        c.code,
        `${where} solution`,
        got(() => m.formatSolution(c.code, c.params, language) ?? null),
        c.solution,
      );
      const error = thrown(() => new ErrorClass(c.code, c.params));
      if (error !== undefined) {
        problems.push(
          `${platform} ${show(c.code)} new ${where}: throws ${error}`,
        );
        continue;
      }
      const e = new ErrorClass(c.code, c.params);
      const vector = vectors.codes.find((v) => v.code === c.code);
      expect(c.code, `${where} error text`, e.toString(), c.error_text);
      expect(c.code, `${where} String(error)`, String(e), c.error_text);
      expect(
        c.code,
        `${where} error message`,
        e.message,
        c.error_text.slice(`${platform} ${c.code}: `.length),
      );
      expect(
        c.code,
        `${where} error messageIn`,
        e.messageIn(c.language ?? "en"),
        c.language === null ? m.format(c.code, c.params, "en") : c.message,
      );
      expect(
        c.code,
        `${where} error solutionIn`,
        c.language === null ? null : (e.solutionIn(c.language) ?? null),
        c.language === null ? null : c.solution,
      );
      expect(
        c.code,
        `${where} error fields`,
        {
          name: e.name,
          instance:
            e instanceof ErrorClass &&
            e instanceof PlatformError &&
            e instanceof Error,
          guard: guard(e),
          platform: e.platform,
          code: e.code,
          params: { ...e.params },
          paramsFrozen: Object.isFrozen(e.params),
          solution: e.solution ?? null,
          category: e.category ?? null,
          httpStatus: e.httpStatus ?? null,
          retryable: e.retryable ?? null,
          docUrl: e.docUrl,
        },
        {
          name: vectors.typescript.error,
          instance: true,
          guard: true,
          platform,
          code: c.code,
          params: c.params,
          paramsFrozen: true,
          solution: c.language === null ? c.solution : (e.solution ?? null),
          category: vector.category,
          httpStatus: vector.http_status,
          retryable: vector.retryable,
          docUrl: vector.doc_url ?? undefined,
        },
      );
    }
    expect(platform, "guard of an Error", guard(new Error("x")), false);

    // Classifying responses: every case of the vectors, and toError against the error API.
    const placeholders = new Map(
      vectors.codes.map((vector) => [vector.code, vector.placeholders]),
    );
    /** The error of a classification as the error API builds it, or undefined. */
    const errorOf = (want) => {
      const names = placeholders.get(want.code);
      const given = Object.keys(want.params);
      if (
        given.length === names.length &&
        names.every((name) => Object.hasOwn(want.params, name))
      ) {
        return new ErrorClass(want.code, want.params);
      }
      return names.length === 0 ? new ErrorClass(want.code) : undefined;
    };
    const described = (error) =>
      error === undefined
        ? null
        : {
            text: String(error),
            instance: error instanceof ErrorClass,
            params: { ...error.params },
          };
    const classified = (run) => {
      const error = thrown(run);
      return error === undefined ? run() : `throws ${error}`;
    };
    for (const [i, c] of (vectors.classify ?? []).entries()) {
      const where = `classify[${i}]`;
      const check = (field, got, want) => {
        if (!isDeepStrictEqual(got, want)) {
          problems.push(
            `${platform} ${where} ${field}: got ${show(got)}, want ${show(want)}`,
          );
        }
      };
      const run =
        "text" in c
          ? () => m.classifyText(c.status, c.text)
          : () => m.classify(c.status, c.body);
      const got = classified(run);
      if (typeof got === "string" || got === undefined || c.want === null) {
        check("result", got ?? null, c.want);
        check(
          "toError",
          described(thrown(() => m.toError(got)) ?? m.toError(got)),
          null,
        );
        continue;
      }
      check("code", got.code, c.want.code);
      check("how", got.how, c.want.how);
      check("params", { ...got.params }, c.want.params);
      check("fields", Object.keys(got).sort(), ["code", "how", "params"]);
      check(
        "frozen",
        Object.isFrozen(got) && Object.isFrozen(got.params),
        true,
      );
      check(
        "toError",
        described(classified(() => m.toError(got))),
        described(errorOf(c.want)),
      );
      // Only own properties count: a body whose keys are all inherited is an empty one.
      if (
        "body" in c &&
        typeof c.body === "object" &&
        c.body !== null &&
        !Array.isArray(c.body)
      ) {
        check(
          "inherited keys",
          classified(() => m.classify(c.status, Object.create(c.body))),
          classified(() => m.classify(c.status, {})),
        );
      }
    }
    // Whatever it is given, classify answers and never throws.
    const hostile = {
      "a proxy that throws": new Proxy(
        {},
        {
          get() {
            throw new Error("get");
          },
          has() {
            throw new Error("has");
          },
          getOwnPropertyDescriptor() {
            throw new Error("getOwnPropertyDescriptor");
          },
          ownKeys() {
            throw new Error("ownKeys");
          },
          getPrototypeOf() {
            throw new Error("getPrototypeOf");
          },
        },
      ),
      "a revoked proxy": (() => {
        const { proxy, revoke } = Proxy.revocable({}, {});
        revoke();
        return proxy;
      })(),
      "a null prototype": Object.create(null),
      "a function": () => 1,
      "a symbol": Symbol("body"),
      "a bigint": 10n,
      "a map": new Map([["code", 1]]),
      undefined: undefined,
    };
    for (const [what, body] of Object.entries(hostile)) {
      for (const status of [null, undefined, 429, "429", NaN, {}]) {
        const error = thrown(() => m.classify(status, body));
        if (error !== undefined) {
          problems.push(`${platform} classify ${what}: throws ${error}`);
        }
      }
    }
    for (const text of [
      undefined,
      null,
      42,
      {},
      "[".repeat(100000),
      "\ud800",
    ]) {
      const error = thrown(() => m.classifyText(429, text));
      if (error !== undefined) {
        problems.push(
          `${platform} classifyText ${show(text)}: throws ${error}`,
        );
      }
    }
    for (const result of [
      undefined,
      null,
      0,
      {},
      { code: {} },
      hostile["a proxy that throws"],
    ]) {
      const error = thrown(() => m.toError(result));
      if (error !== undefined) {
        problems.push(`${platform} toError ${typeof result}: throws ${error}`);
      }
    }
    if (problems.length > 0) assert.fail(problems.join("\n"));
  });
}
