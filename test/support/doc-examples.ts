// Runs the fenced examples of a markdown guide verbatim, in order, the way a reader would: shell
// blocks (sh, bash, shell) in bash, one after another in the same "terminal" (exported variables
// carry over, as in the reader's shell), and GraphQL blocks with each JSON variables block after
// them POSTed to $HUB with "Authorization: Bearer $TOKEN", the values the guide's own shell blocks
// exported. Nothing else is set up: a failing example is reported by file, line and heading.
//
// A block whose info string carries `no-run` (```sh no-run) is shown to readers but not run here
// (e.g. `npm ci && npm start`, which the test's own hub stands in for). The only translation is
// `rewrite`: the addresses of the reader's `npm start` (http://localhost:4000) to the test hub's free
// port, so that tests never need fixed ports on a shared machine.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CONFIG_VARIABLES } from "../../src/config";

export interface DocBlock {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** First word of the info string (`graphql`, `json`, `sh`, ...), lower-case. */
  lang: string;
  /** The other words of the info string (`no-run`). */
  flags: string[];
  code: string;
  /** The nearest heading above the block. */
  heading: string;
}

const SHELL = new Set(["sh", "bash", "shell"]);

/** Every fenced block (``` or ~~~) of a markdown text, in order. */
export function fencedBlocks(markdown: string, file = "<markdown>"): DocBlock[] {
  const out: DocBlock[] = [];
  const lines = markdown.split("\n");
  let heading = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const h = /^#{1,6}\s+(.*)$/.exec(line);
    if (h) heading = h[1]!.trim();
    const open = /^(\s*)(`{3,}|~{3,})\s*([^`\s]*)\s*(.*)$/.exec(line);
    if (!open) continue;
    const [, indent, fence, lang, rest] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = lines[j]!.trim();
      if (close.length >= fence!.length && close === fence!.charAt(0).repeat(close.length)) break;
      body.push(indent ? lines[j]!.replace(new RegExp(`^ {0,${indent.length}}`), "") : lines[j]!);
    }
    out.push({ file, line: i + 1, lang: lang!.toLowerCase(), flags: rest!.split(/\s+/).filter(Boolean), code: body.join("\n") + (body.length ? "\n" : ""), heading });
    i = j;
  }
  return out;
}

/** The part of a markdown text under a heading (`## Quick start`), up to the next heading of the same or a higher level. */
export function markdownSection(markdown: string, heading: string): { text: string; firstLine: number } {
  const lines = markdown.split("\n");
  const level = /^#+/.exec(heading)?.[0].length;
  if (!level) throw new Error(`markdownSection: give the heading with its #s, e.g. "## Quick start"`);
  const start = lines.findIndex((l) => l.trimEnd() === heading);
  if (start < 0) throw new Error(`no heading "${heading}"`);
  let end = start + 1;
  for (; end < lines.length; end++) {
    const m = /^(#+)\s/.exec(lines[end]!);
    if (m && m[1]!.length <= level) break;
  }
  // Blank lines keep the numbering of the whole file, so reports point at the real line.
  return { text: [...Array<string>(start).fill(""), ...lines.slice(start, end)].join("\n"), firstLine: start + 1 };
}

export type DocStep =
  | { kind: "shell"; block: DocBlock }
  | { kind: "graphql"; block: DocBlock; variables?: DocBlock };

/**
 * The runnable steps in reading order: shell blocks, and GraphQL operations once per JSON block
 * that follows them (before the next shell or GraphQL block), or once without variables.
 */
export function docSteps(blocks: DocBlock[]): DocStep[] {
  const steps: DocStep[] = [];
  let op: DocBlock | undefined;
  let opRuns = 0;
  const flush = () => {
    if (op && opRuns === 0) steps.push({ kind: "graphql", block: op });
    op = undefined;
  };
  for (const b of blocks) {
    if (b.flags.includes("no-run")) continue;
    if (SHELL.has(b.lang)) {
      flush();
      steps.push({ kind: "shell", block: b });
    } else if (b.lang === "graphql") {
      flush();
      op = b;
      opRuns = 0;
    } else if (b.lang === "json" && op) {
      steps.push({ kind: "graphql", block: op, variables: b });
      opRuns++;
    }
  }
  flush();
  return steps;
}

export const where = (b: DocBlock) => `${b.file}:${b.line} (\`\`\`${b.lang} under "${b.heading}")`;

export class DocExampleError extends Error {}

export interface ShellResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface GraphqlResult {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }> };
}

export type StepResult = ({ kind: "shell" } & ShellResult) | ({ kind: "graphql" } & GraphqlResult);

export interface DocSessionOptions {
  /** The reader's working directory (the clone, with `data/` of the demo). */
  cwd: string;
  /** [from, to] replacements applied to every shell block (the reader's ports to the test's). */
  rewrite?: Array<[string, string]>;
  timeoutMs?: number;
}

/** The reader's terminal: a shell environment that carries exported variables from block to block. */
export class DocSession {
  env: Record<string, string>;
  constructor(private readonly opts: DocSessionOptions) {
    // A reader's shell: none of the hub's variables (the test's own settings must not leak in).
    this.env = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !CONFIG_VARIABLES.includes(k) && !k.startsWith("TEST_") && k !== "NODE_OPTIONS") this.env[k] = v;
  }

  private rewrite(text: string): string {
    for (const [from, to] of this.opts.rewrite ?? []) text = text.split(from).join(to);
    return text;
  }

  /** Runs a shell block in bash (`set -e -o pipefail`); throws naming the block if it exits otherwise than `expectExit` (0). */
  async shell(block: DocBlock, opts: { expectExit?: number } = {}): Promise<ShellResult> {
    const envFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "doc-env-")), "env");
    const script = `set -e -o pipefail\ntrap 'env -0 > "$DOC_EXAMPLES_ENV_FILE"' EXIT\n${this.rewrite(block.code)}`;
    const child = spawn("bash", ["-c", script], { cwd: this.opts.cwd, env: { ...this.env, DOC_EXAMPLES_ENV_FILE: envFile }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill("SIGKILL"), this.opts.timeoutMs ?? 60_000);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (c) => resolve(c));
    }).finally(() => clearTimeout(timer));
    if (fs.existsSync(envFile)) {
      const env: Record<string, string> = {};
      for (const entry of fs.readFileSync(envFile, "utf8").split("\0")) {
        const eq = entry.indexOf("=");
        if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
      }
      delete env.DOC_EXAMPLES_ENV_FILE;
      for (const k of ["_", "SHLVL", "PWD", "OLDPWD"]) delete env[k];
      this.env = env;
    }
    fs.rmSync(path.dirname(envFile), { recursive: true, force: true });
    if (code !== (opts.expectExit ?? 0)) throw new DocExampleError(`${where(block)} exited with ${code}\n--- block\n${block.code}--- stdout\n${stdout}--- stderr\n${stderr}`);
    return { code, stdout, stderr };
  }

  /** POSTs an operation (and its variables) to $HUB with $TOKEN, as the guide tells the reader to. */
  async graphql(block: DocBlock, variables?: DocBlock): Promise<GraphqlResult> {
    const hub = this.env.HUB;
    const token = this.env.TOKEN;
    if (!hub || !token) throw new DocExampleError(`${where(block)}: no shell block before it exported HUB and TOKEN, so a reader would not know where to send it`);
    let vars: unknown;
    if (variables) {
      try {
        vars = JSON.parse(variables.code);
      } catch (err) {
        throw new DocExampleError(`${where(variables)} is not valid JSON: ${(err as Error).message}`);
      }
    }
    const res = await fetch(hub, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: block.code, variables: vars }),
    });
    const text = await res.text();
    let body: GraphqlResult["body"];
    try {
      body = JSON.parse(text);
    } catch {
      throw new DocExampleError(`${where(variables ?? block)}: HTTP ${res.status}, not JSON: ${text.slice(0, 300)}`);
    }
    if (res.status !== 200 || body.errors?.length) {
      throw new DocExampleError(`${where(variables ?? block)}: HTTP ${res.status} ${JSON.stringify(body.errors ?? body).slice(0, 1000)}`);
    }
    return { status: res.status, body };
  }
}

/**
 * Runs every step of a guide (or of one section) in order; `check` sees each result and throws
 * (e.g. a failed `expect`) to fail the run, which is then reported with the block's place.
 */
export async function runDocExamples(
  file: string,
  opts: DocSessionOptions & { section?: string; check?: (step: DocStep, result: StepResult, index: number) => void | Promise<void> },
): Promise<{ steps: DocStep[]; results: StepResult[]; session: DocSession }> {
  const markdown = fs.readFileSync(file, "utf8");
  const text = opts.section ? markdownSection(markdown, opts.section).text : markdown;
  const steps = docSteps(fencedBlocks(text, path.relative(process.cwd(), file) || file));
  const session = new DocSession(opts);
  const results: StepResult[] = [];
  for (const [i, step] of steps.entries()) {
    const result: StepResult = step.kind === "shell" ? { kind: "shell", ...(await session.shell(step.block)) } : { kind: "graphql", ...(await session.graphql(step.block, step.variables)) };
    results.push(result);
    try {
      await opts.check?.(step, result, i);
    } catch (err) {
      const b = step.kind === "graphql" ? (step.variables ?? step.block) : step.block;
      throw new DocExampleError(`${where(b)}: ${(err as Error).message}\n--- answer\n${JSON.stringify(result).slice(0, 2000)}`);
    }
  }
  return { steps, results, session };
}

/** A fresh reader's directory inside the repository (so `npx tppo-hub` finds the project), in the gitignored .tmp/. */
export function readerDir(root: string): string {
  fs.mkdirSync(path.join(root, ".tmp"), { recursive: true });
  return fs.mkdtempSync(path.join(root, ".tmp", "reader-"));
}
