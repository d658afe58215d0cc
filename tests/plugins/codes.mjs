// A codegen plugin: out/<target>/codes.tsv lists every code of every catalogue.
import { readFileSync } from "node:fs";

const request = JSON.parse(readFileSync(0, "utf8"));
if (request.version !== 1) throw new Error(`unknown protocol version ${request.version}`);
const { model } = request;
const lines = [`# ${model.generated}`];
for (const catalog of model.catalogs) {
  for (const error of catalog.errors) {
    lines.push(`${catalog.platform}\t${error.code}\t${error.name}`);
  }
}
const files = [{ path: "codes.tsv", content: lines.join("\n") + "\n" }];
process.stdout.write(JSON.stringify({ files, diagnostics: [] }));
