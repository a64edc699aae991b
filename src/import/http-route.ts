// POST /import: the spreadsheet import for the web desk. Bearer token as for /graphql (401 before
// the body is read), multipart/form-data with parts `mapping` (YAML/JSON) and `file` (.xlsx/.csv),
// optional field `dryRun=true`. Runs through the same engine, policy grants and audit as the
// contribute mutation, as the token's principal. Answers { summary, rows }, or the report file
// with ?format=csv|xlsx. Refusals in the hub's error shape (src/http/refusals.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { pipeline } from "node:stream/promises";
import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AuthError, type Authenticator } from "../auth/authenticator";
import type { Principal } from "../auth/principal";
import { isDatabaseUnavailable } from "../db/unavailable";
import type { Logger } from "../logger";
import { requestContext, type ContextSettings } from "../http/request-context";
import type { InFlight } from "../http/in-flight";
import { sendError } from "../http/refusals";
import { MappingError, mappingFromText } from "./mapping";
import { csvLine, lineValues, xlsxWriter } from "./report";
import { REPORT_COLUMNS, runImport, type ReportLine } from "./run";
import { spreadsheetKind } from "./sheet";
import { engineSink } from "./sink";

export interface ImportRouteOptions extends ContextSettings {
  auth: Authenticator;
  inFlight: InFlight;
  /** Largest spreadsheet accepted. @default 20 MiB */
  maxImportBytes?: number;
}

export const DEFAULT_MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const MAX_MAPPING_BYTES = 256 * 1024;

class BadUpload extends Error {
  constructor(
    message: string,
    readonly status = 400,
    readonly code = "BAD_USER_INPUT",
  ) {
    super(message);
  }
}

interface Upload {
  mapping: string;
  file: string;
  name: string;
  dryRun: boolean;
}

/** Reads the parts: the spreadsheet to a temporary file (streamed), the mapping into memory. */
async function readUpload(request: FastifyRequest, dir: string): Promise<Upload> {
  let mapping: string | undefined;
  let file: string | undefined;
  let name = "upload";
  let dryRun = false;
  for await (const part of request.parts()) {
    if (part.type === "file") {
      if (part.fieldname === "file") {
        name = path.basename(part.filename || "upload");
        const kind = spreadsheetKind(name);
        if (!kind) throw new BadUpload(`file: "${name}" is not a .xlsx or .csv file`);
        file = path.join(dir, `upload.${kind}`);
        await pipeline(part.file, fs.createWriteStream(file));
        if (part.file.truncated) throw new BadUpload(`file: larger than the hub accepts`, 413, "LIMIT_EXCEEDED");
      } else if (part.fieldname === "mapping") {
        const buf = await part.toBuffer();
        if (buf.length > MAX_MAPPING_BYTES) throw new BadUpload(`mapping: larger than ${MAX_MAPPING_BYTES} bytes`, 413, "LIMIT_EXCEEDED");
        mapping = buf.toString("utf8");
      } else {
        part.file.resume();
        throw new BadUpload(`unexpected file part "${part.fieldname}" (expected mapping and file)`);
      }
    } else if (part.fieldname === "mapping") mapping = String(part.value);
    else if (part.fieldname === "dryRun") {
      const v = String(part.value).trim().toLowerCase();
      if (v !== "true" && v !== "false") throw new BadUpload(`dryRun: expected true or false, got "${String(part.value).slice(0, 20)}"`);
      dryRun = v === "true";
    } else throw new BadUpload(`unexpected field "${part.fieldname}" (expected mapping, file and dryRun)`);
  }
  if (mapping === undefined) throw new BadUpload("mapping: missing (a part with the mapping file, YAML or JSON)");
  if (file === undefined) throw new BadUpload("file: missing (a part with the spreadsheet, .xlsx or .csv)");
  return { mapping, file, name, dryRun };
}

export async function importRoute(app: FastifyInstance, o: ImportRouteOptions): Promise<void> {
  const maxBytes = o.maxImportBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  const principals = new WeakMap<FastifyRequest, Principal>();
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: maxBytes, files: 2, fields: 4, parts: 6, fieldSize: MAX_MAPPING_BYTES }, throwFileSizeLimit: false });
    scope.post("/import", {
      onRequest: async (request, reply) => {
        try {
          principals.set(request, await o.auth.authenticate(request.raw, new URL(request.url, "http://hub.local")));
        } catch (err) {
          if (!(err instanceof AuthError)) throw err;
          return sendError(reply, 401, "UNAUTHENTICATED", err.message, { "www-authenticate": 'Bearer realm="tppo-hub"' });
        }
      },
      handler: async (request, reply) => {
        const format = String((request.query as Record<string, unknown>).format ?? "json");
        if (!["json", "csv", "xlsx"].includes(format)) return sendError(reply, 400, "BAD_USER_INPUT", `format: json, csv or xlsx (got "${format.slice(0, 20)}")`);
        if (!request.isMultipart()) return sendError(reply, 400, "BAD_USER_INPUT", "Send multipart/form-data with the parts mapping and file (and dryRun=true for a dry run)");
        const principal = principals.get(request)!;
        const op = o.inFlight.begin(reply);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tppo-import-"));
        try {
          const upload = await readUpload(request, dir);
          const mapping = mappingFromText(upload.mapping, "mapping");
          const ctx = requestContext(o, principal, request.id, request.log as Logger, op.signal);
          ctx.audit.operationName = "import";
          const rows: ReportLine[] = [];
          const summary = await runImport({ mapping, file: upload.file, sink: engineSink(ctx), dryRun: upload.dryRun, onLine: (l) => void rows.push(l) });
          if (op.answered) return;
          const base = upload.name.replace(/\.[^.]+$/, "").replace(/[^\w.-]+/g, "_");
          const out = { ...summary, file: upload.name };
          if (format === "json") return reply.send({ summary: out, rows });
          if (format === "csv") {
            const body = "\uFEFF" + csvLine(REPORT_COLUMNS) + rows.map((l) => csvLine(lineValues(l))).join("");
            return reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${base}.report.csv"`).send(body);
          }
          const stream = new PassThrough();
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          const done = new Promise((r) => stream.on("end", r));
          const writer = xlsxWriter(stream);
          for (const l of rows) await writer.write(l);
          await writer.close();
          await done;
          return reply
            .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .header("content-disposition", `attachment; filename="${base}.report.xlsx"`)
            .send(Buffer.concat(chunks));
        } catch (err) {
          if (op.answered) return;
          if (err instanceof BadUpload) return sendError(reply, err.status, err.code, err.message);
          if (err instanceof MappingError) return sendError(reply, 400, "BAD_USER_INPUT", err.message);
          if ((err as { code?: string }).code === "FST_INVALID_MULTIPART_CONTENT_TYPE" || (err as { statusCode?: number }).statusCode === 400) {
            return sendError(reply, 400, "BAD_USER_INPUT", `Malformed multipart body: ${(err as Error).message}`);
          }
          if ((err as { statusCode?: number }).statusCode === 413) return sendError(reply, 413, "LIMIT_EXCEEDED", `Upload too large (at most ${maxBytes} bytes)`);
          if (isDatabaseUnavailable(err)) return sendError(reply, 503, "SERVICE_UNAVAILABLE", "The hub's database is unavailable; nothing was done. Retry shortly.", { "retry-after": "5" });
          // A spreadsheet exceljs or csv-parse cannot read is the uploader's problem, not the hub's.
          if (err instanceof Error && /zip|end of central directory|invalid|csv|quote/i.test(err.message)) {
            return sendError(reply, 400, "BAD_USER_INPUT", `file: cannot be read as a spreadsheet (${err.message.split("\n")[0]!.slice(0, 200)})`);
          }
          request.log.error({ err }, "import failed");
          return sendError(reply, 500, "INTERNAL", "Internal error");
        } finally {
          op.end();
          fs.rmSync(dir, { recursive: true, force: true });
        }
      },
    });
  });
}
