// COPY ... FROM STDIN for node-postgres, which has no API for it of its own: a Query whose
// CopyInResponse answer sends the data and CopyDone (the protocol's copy-in sub-protocol, as the
// pg-copy-streams package does it, without a stream: the seed hands over one buffer at a time).
import pg from "pg";

/** The two protocol messages node-postgres's Connection sends for copy-in (not in @types/pg). */
interface CopyInConnection {
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

class CopyFromStdin extends pg.Query {
  constructor(
    sql: string,
    private readonly data: Buffer,
    callback: (err: Error | undefined) => void,
  ) {
    super(sql, undefined, callback);
  }

  /** Called by pg's Client when the server answers the COPY with CopyInResponse. */
  handleCopyInResponse(connection: CopyInConnection): void {
    if (this.data.length) connection.sendCopyFromChunk(this.data);
    connection.endCopyFrom();
  }
}

export function copyFromStdin(client: pg.ClientBase, sql: string, data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    client.query(new CopyFromStdin(sql, Buffer.from(data, "utf8"), (err) => (err ? reject(err) : resolve())));
  });
}
