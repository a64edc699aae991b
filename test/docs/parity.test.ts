// Every English guide listed in docs/id/README.md has its Indonesian counterpart with the same
// examples: the same fenced code blocks, byte for byte and in the same order (unlabelled diagram
// blocks count as prose and may be translated). Both sides of a row must exist. A link with an anchor
// (README.md#quick-start) pairs that section only.
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "../support/cli";
import { fencedBlocks, markdownSection } from "../support/doc-examples";

const INDEX = path.join(ROOT, "docs/id/README.md");

interface Side {
  file: string;
  anchor?: string;
}
interface Pair {
  row: string;
  en: Side;
  id: Side;
}

/** The rows of the index's "English | Bahasa Indonesia" table: [text](link) in each column. */
function pairs(): Pair[] {
  const md = fs.readFileSync(INDEX, "utf8");
  const header = md.split("\n").findIndex((l) => /^\|\s*English\s*\|\s*Bahasa Indonesia\s*\|/.test(l));
  if (header < 0) throw new Error('docs/id/README.md has no "| English | Bahasa Indonesia |" table');
  const out: Pair[] = [];
  for (const line of md.split("\n").slice(header + 2)) {
    if (!line.startsWith("|")) break;
    const links = [...line.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]!);
    if (links.length !== 2) throw new Error(`docs/id/README.md: a row needs one link per column: ${line}`);
    const side = (link: string): Side => {
      const [file, anchor] = link.split("#");
      return { file: path.resolve(path.dirname(INDEX), file!), anchor };
    };
    out.push({ row: line, en: side(links[0]!), id: side(links[1]!) });
  }
  return out;
}

/** The examples of a guide (or of the section an anchor names). */
function examples(side: Side): { lang: string; code: string; line: number }[] {
  let md = fs.readFileSync(side.file, "utf8");
  if (side.anchor) {
    const heading = md.split("\n").find((l) => /^#{1,6}\s/.test(l) && slug(l.replace(/^#+\s*/, "")) === side.anchor);
    if (!heading) throw new Error(`${path.relative(ROOT, side.file)} has no heading for #${side.anchor}`);
    md = markdownSection(md, heading.trim()).text;
  }
  return fencedBlocks(md)
    .filter((b) => b.lang !== "")
    .map((b) => ({ lang: b.lang, line: b.line, code: b.code }));
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, "").replace(/ /g, "-");

describe("docs/id: Indonesian guides in step with the English ones", () => {
  it("lists the required pairs: quick start, contributing, import, federation", () => {
    const en = pairs().map((p) => path.relative(ROOT, p.en.file) + (p.en.anchor ? `#${p.en.anchor}` : ""));
    expect(en).toEqual(expect.arrayContaining(["README.md#quick-start", "docs/contributing.md", "docs/import.md", "docs/federation.md"]));
  });

  it.each(pairs().map((p) => [path.relative(ROOT, p.id.file), p] as const))("%s has the same examples as its English guide", (_name, p) => {
    for (const side of [p.en, p.id]) if (!fs.existsSync(side.file)) throw new Error(`${path.relative(ROOT, side.file)} is missing (row: ${p.row})`);
    const en = examples(p.en);
    const id = examples(p.id);
    expect(en.length).toBeGreaterThan(0);
    for (let i = 0; i < Math.max(en.length, id.length); i++) {
      const a = en[i];
      const b = id[i];
      if (a?.lang !== b?.lang || a?.code !== b?.code) {
        throw new Error(
          `example ${i + 1} differs: ${path.relative(ROOT, p.en.file)}:${a?.line ?? "-"} vs ${path.relative(ROOT, p.id.file)}:${b?.line ?? "-"}\n` +
            `--- English (${a?.lang})\n${a?.code ?? "(none)"}\n--- Indonesia (${b?.lang})\n${b?.code ?? "(none)"}`,
        );
      }
    }
  });
});
